"""A member finds a webinar, registers in one click and sees it, in a real Chromium against
a real Daphne; the events pages pass axe (WCAG 2.1 AA); "Ajouter à mon agenda" in both languages."""

import pytest

from events.models import Registration
from hub.accounts.tests.factories import PASSWORD, UserFactory
from hub.testing import assert_accessible

from .factories import event_index, event_page, event_translation

pytestmark = pytest.mark.e2e


def test_a_member_registers_in_one_click_and_sees_it(daphne_server, browser_page, site):
    event = event_page(index=event_index(site), capacity=10, title="Webinaire de bout en bout")
    UserFactory(email="ana@exemple.org", first_name="Ana")
    page = browser_page
    page.goto(f"{daphne_server}/fr/evenements/", wait_until="networkidle")
    assert page.locator('link[rel=alternate][type="text/calendar"]').count() == 1
    assert_accessible(page, "/fr/evenements/")
    page.get_by_role("link", name="Webinaire de bout en bout").click()
    page.get_by_role("link", name="Se connecter pour s'inscrire").click()
    page.get_by_role("textbox", name="Courriel", exact=True).fill("ana@exemple.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"**{event.url}")
    page.get_by_role("button", name="S'inscrire").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-state=registered]").inner_text() == "Inscrit·e"
    assert page.get_by_role("link", name="Rejoindre le webinaire").count() == 1
    assert "zoom.example" not in page.content()
    assert_accessible(page, event.url)
    assert Registration.objects.get(user__email="ana@exemple.org").status == "confirmed"


def test_add_to_my_calendar_reads_right_in_both_languages_and_apple_gets_the_file(
    daphne_server, browser_page, site
):
    event = event_page(index=event_index(site), title="Données ouvertes : premiers pas")
    english = event_translation(event, title="Open data: first steps")
    page = browser_page
    for path, google, apple in (
        (event.url, "Google Agenda", "Calendrier Apple"),
        (english.url, "Google Calendar", "Apple Calendar"),
    ):
        page.goto(f"{daphne_server}{path}", wait_until="networkidle")
        box = page.locator("section[aria-labelledby=calendar-title]")
        for name in (google, "Outlook.com", "Microsoft 365 (Outlook)", apple):
            assert box.get_by_role("link", name=name, exact=True).count() == 1, name
        href = box.get_by_role("link", name=apple, exact=True).get_attribute("href")
        assert href.startswith(daphne_server) and href.endswith(".ics")
        response = page.request.get(href)
        assert response.headers["content-type"] == "text/calendar; charset=utf-8"
        assert "BEGIN:VEVENT" in response.text()
        assert_accessible(page, path)


def test_cancelling_asks_first_and_the_other_tabs_bell_clears_live(daphne_server, chromium, site):
    event = event_page(index=event_index(site), capacity=10, title="Webinaire à annuler")
    member = UserFactory(email="ben@exemple.org", first_name="Ben")
    context = chromium.new_context(locale="fr-CA", viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        tab.goto(f"{daphne_server}/fr/compte/login/")
        tab.get_by_role("textbox", name="Courriel", exact=True).fill("ben@exemple.org")
        tab.get_by_label("Mot de passe").fill(PASSWORD)
        tab.get_by_role("button", name="Se connecter").click()
        tab.wait_for_url("**/fr/**")
        tab.goto(f"{daphne_server}{event.url}")
        tab.get_by_role("button", name="S'inscrire").click()  # "inscription confirmée", unread
        tab.wait_for_load_state("networkidle")
        other = context.new_page()  # a second tab, left open on the home page
        other.goto(f"{daphne_server}/fr/", wait_until="networkidle")
        count = other.locator("[data-bell-count]")
        assert count.is_visible() and count.inner_text().startswith("1")

        tab.goto(f"{daphne_server}{event.url}")
        tab.get_by_role("link", name="Annuler mon inscription").click()
        tab.wait_for_url("**/annulation/")
        assert tab.locator("h1").inner_text() == "Annuler votre inscription?"
        assert_accessible(tab, "confirmation page")
        assert Registration.objects.get(user=member).status == "confirmed"  # only asked
        tab.get_by_role("button", name="Oui, annuler mon inscription").click()
        tab.wait_for_url(f"**{event.url}")
        assert Registration.objects.get(user=member).status == "cancelled"
        other.wait_for_function("() => document.querySelector('[data-bell-count]').hidden === true")
    finally:
        context.close()
