"""In Chromium: a member switches language with the header's button (a POST), and the
choice is stored; a visitor's plain link still leads to the page in the other language."""

import pytest

from hub.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.e2e


def test_a_member_switches_language_with_the_header_button(daphne_server, browser_page, site):
    member = UserFactory(email="nadia@exemple.org", preferred_language="fr")
    page = browser_page
    page.goto(f"{daphne_server}/fr/compte/login/")
    page.get_by_role("textbox", name="Courriel", exact=True).fill("nadia@exemple.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()
    page.goto(f"{daphne_server}/fr/")
    page.get_by_role("button", name="English").click()
    page.wait_for_url(f"{daphne_server}/en/")
    assert page.locator("html").get_attribute("lang") == "en-CA"
    member.refresh_from_db()
    assert member.preferred_language == "en"


def test_a_visitor_follows_the_language_link(daphne_server, browser_page, site):
    page = browser_page
    page.goto(f"{daphne_server}/fr/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{daphne_server}/en/")
    assert page.locator("html").get_attribute("lang") == "en-CA"
    assert not [c for c in page.context.cookies() if c["name"] == "hub_language"]
