"""WCAG 2.1 AA checks with axe-core in a real Chromium against a real Daphne, and the page
weight budget (HTML + CSS + JavaScript + fonts well under 200 KB)."""

import pytest

from hub.accounts.tests.factories import UserFactory
from hub.testing import assert_accessible

pytestmark = pytest.mark.e2e

PAGE_BUDGET_BYTES = 200 * 1024

PUBLIC_PAGES = [
    "/fr/",
    "/en/",
    "/fr/compte/login/",
    "/fr/compte/signup/",
    "/fr/compte/password/reset/",
    "/fr/forum/",
    "/fr/cette-page-nexiste-pas/",
]
MEMBER_PAGES = ["/fr/mon-espace/", "/fr/mon-espace/profil/", "/fr/notifications/"]


@pytest.fixture
def seeded(site):
    from demo.loaders import forum as forum_demo

    forum_demo.seed(lambda message: None)


def page_weight(page, url) -> int:
    """Bytes of every response the page needed, as the browser received them."""
    sizes = []
    page.on("response", lambda response: sizes.append(len(response.body() or b"")))
    page.goto(url, wait_until="networkidle")
    return sum(sizes)


def test_public_pages_pass_axe_and_stay_light(daphne_server, browser_page, seeded):
    for path in PUBLIC_PAGES:
        weight = page_weight(browser_page, f"{daphne_server}{path}")
        assert weight < PAGE_BUDGET_BYTES, f"{path} weighs {weight} bytes"
        assert_accessible(browser_page, path)


def test_member_pages_pass_axe(daphne_server, browser_page, seeded):
    from hub.accounts.tests.factories import PASSWORD

    UserFactory(email="nadia@exemple.org", first_name="Nadia", last_name="Bouchard")
    page = browser_page
    page.goto(f"{daphne_server}/fr/compte/login/")
    page.get_by_role("textbox", name="Courriel", exact=True).fill("nadia@exemple.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/fr/**")
    for path in MEMBER_PAGES:
        page.goto(f"{daphne_server}{path}", wait_until="networkidle")
        assert_accessible(page, path)


def test_a_form_with_errors_stays_accessible_and_keeps_what_was_typed(
    daphne_server, browser_page, seeded
):
    page = browser_page
    page.goto(f"{daphne_server}/fr/compte/signup/")
    page.get_by_role("textbox", name="Courriel", exact=True).fill("pas-un-courriel")
    page.get_by_label("Prénom").fill("Josée")
    page.get_by_role("button", name="Créer un compte").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_label("Prénom").input_value() == "Josée"
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert_accessible(page, "/fr/compte/signup/ (with errors)")
