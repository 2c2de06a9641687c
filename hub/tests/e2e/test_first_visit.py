"""A newcomer's first visit in a real browser against a real Daphne: the French home page,
signing in, and the forum."""

import pytest

from hub.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.e2e


def test_a_member_opens_the_home_page_signs_in_and_reaches_the_forum(
    daphne_server, browser_page, site
):
    from demo.loaders import forum as forum_demo

    forum_demo.seed(lambda message: None)
    UserFactory(email="nadia@exemple.org", first_name="Nadia", last_name="Bouchard")
    page = browser_page

    page.goto(f"{daphne_server}/")
    assert page.url.endswith("/fr/")
    assert page.locator("html").get_attribute("lang") == "fr-CA"
    assert page.locator("h1").inner_text() == "Le numérique au service de votre mission"
    # The stylesheet is served (WhiteNoise under ASGI) and applied.
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")

    page.get_by_role("link", name="Se connecter").click()
    page.get_by_role("textbox", name="Courriel", exact=True).fill("nadia@exemple.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/fr/**")
    assert page.locator(".account-menu summary").inner_text() == "Nadia B."

    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Forum"
    ).click()
    page.wait_for_url("**/fr/forum/")
    assert page.get_by_text("Demandes d'aide").first.is_visible()
    assert "Espace équipe" not in page.content()


def test_a_phone_sees_a_menu_button_that_opens_the_navigation(daphne_server, chromium, site):
    context = chromium.new_context(locale="fr-CA", viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        page.goto(f"{daphne_server}/fr/")
        toggle = page.get_by_role("button", name="Menu")
        assert toggle.is_visible()
        assert not page.locator("#site-nav").is_visible()
        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert page.locator("#site-nav").is_visible()
    finally:
        context.close()
