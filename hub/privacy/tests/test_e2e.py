"""In a real browser against a real Daphne: a first visit sets no cookie and asks no other
origin for anything; a member withdraws a consent in Mon espace and a visitor with no
session unsubscribes in one click."""

import re

import pytest

from hub.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.e2e


def test_a_first_visit_sets_no_cookie_and_stays_on_this_origin(daphne_server, browser_page, site):
    page = browser_page
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{daphne_server}/fr/")
    page.get_by_role("link", name="Confidentialité").click()
    page.wait_for_url("**/fr/confidentialite/")
    assert page.locator("h1").inner_text() == "Politique de confidentialité"
    page.screenshot(path="var/privacy-policy.png", full_page=True)
    assert page.context.cookies() == []
    foreign = [url for url in requested if not url.startswith(daphne_server)]
    assert foreign == []
    assert len(requested) >= 4  # pages, stylesheet, script, icon were really fetched


def test_a_member_withdraws_a_consent_then_unsubscribes_without_a_session(
    daphne_server, chromium, site
):
    from hub import emails
    from hub.privacy.services import consent_set, privacy_for

    member = UserFactory(email="nadia@exemple.org", first_name="Nadia", last_name="Bouchard")
    consent_set(user=member, subject="statistics", given=True, method="signup_form")
    context = chromium.new_context(locale="fr-CA", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{daphne_server}/fr/compte/login/")
        page.get_by_label("Courriel").fill("nadia@exemple.org")
        page.get_by_label("Mot de passe").fill(PASSWORD)
        page.get_by_role("button", name="Se connecter").click()
        page.goto(f"{daphne_server}/fr/mon-espace/")
        panel = page.locator(".privacy-panel")
        panel.screenshot(path="var/privacy-panel.png")
        statistics = panel.locator("li", has_text="Inclure les réponses de mon organisme")
        statistics.get_by_role("button", name="Retirer mon consentement").click()
        page.wait_for_url("**/fr/mon-espace/")
        assert "prend effet immédiatement" in page.content()
        assert privacy_for(member).statistics is False
        assert {cookie["name"] for cookie in context.cookies()} <= {
            "sessionid",
            "csrftoken",
            "hub_language",
        }
    finally:
        context.close()

    link = emails.unsubscribe_url(member=member, category=emails.NOTIFICATION)
    path = re.sub(r"^https?://[^/]+", "", link)
    fresh = chromium.new_context(locale="fr-CA")
    page = fresh.new_page()
    try:
        page.goto(f"{daphne_server}{path}")
        page.get_by_role("button", name="Me désabonner de tous les courriels").click()
        page.wait_for_load_state()
        page.screenshot(path="var/privacy-unsubscribed.png")
        assert "vous ne recevrez plus aucun courriel" in page.content()
        assert privacy_for(member).emails_stopped is True
    finally:
        fresh.close()
