"""WCAG 2.2 A and AA checks with a current axe-core (hub.testing: 4.14) in a real Chromium
against a real Daphne, in both languages, at a phone's width and a desktop's, and the page
weight budget (HTML + CSS + JavaScript + fonts well under 200 KB)."""

import pytest

from hub.accounts.tests.factories import UserFactory
from hub.testing import assert_accessible

pytestmark = pytest.mark.e2e

PAGE_BUDGET_BYTES = 200 * 1024

PAGES = [
    "/",
    "/compte/login/",
    "/compte/signup/",
    "/compte/password/reset/",
    "/forum/",
    "/cette-page-nexiste-pas/",
]
PUBLIC_PAGES = [f"/{language}{path}" for language in ("fr", "en") for path in PAGES]
MEMBER_PAGES = [
    f"/{language}{path}"
    for language in ("fr", "en")
    for path in (
        "/mon-espace/",
        "/mon-espace/profil/",
        "/notifications/",
        "/notifications/preferences/",
    )
]
# A phone (an iPhone 12 to 15 is 390 CSS pixels wide) and a desktop.
WIDTHS = [390, 1280]


@pytest.fixture
def seeded(site):
    from demo.loaders import accounts as accounts_demo
    from demo.loaders import forum as forum_demo

    accounts_demo.seed(lambda message: None)  # the members who hold the demo discussions
    forum_demo.seed(lambda message: None)


def page_weight(page, url) -> int:
    """Bytes of every response the page needed, as the browser received them."""
    sizes = []
    page.on("response", lambda response: sizes.append(len(response.body() or b"")))
    page.goto(url, wait_until="networkidle")
    return sum(sizes)


def test_the_checks_run_a_current_axe_core_with_the_wcag_22_rules():
    from hub.testing import WCAG_TAGS, axe_core_script

    assert "wcag22aa" in WCAG_TAGS
    assert axe_core_script().startswith("/*! axe v4.14"), "npm install --prefix var/node axe-core"


def forum_pages() -> list[str]:
    """A forum, its longest demo discussion, unanswered questions and a search, in both
    languages."""
    from machina.apps.forum_conversation.models import Topic

    topic = Topic.objects.filter(approved=True).order_by("-posts_count").select_related("forum")[0]
    forum = topic.forum
    paths = [
        f"/forum/forum/{forum.slug}-{forum.pk}/",
        f"/forum/forum/{forum.slug}-{forum.pk}/topic/{topic.slug}-{topic.pk}/",
        "/forum/sans-reponse/",
        "/forum/recherche/?q=budget",
    ]
    return [f"/{language}{path}" for language in ("fr", "en") for path in paths]


@pytest.mark.parametrize("width", WIDTHS)
def test_public_pages_pass_axe_and_stay_light(daphne_server, seeded, browser_page, width):
    browser_page.set_viewport_size({"width": width, "height": 900})
    for path in PUBLIC_PAGES + forum_pages():
        weight = page_weight(browser_page, f"{daphne_server}{path}")
        assert weight < PAGE_BUDGET_BYTES, f"{path} weighs {weight} bytes"
        assert_accessible(browser_page, f"{path} at {width} px")


@pytest.mark.parametrize("width", WIDTHS)
def test_member_pages_pass_axe(daphne_server, seeded, browser_page, width):
    from hub.accounts.tests.factories import PASSWORD

    UserFactory(email="membre.a11y@exemple.org", first_name="Nadia", last_name="Bouchard")
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{daphne_server}/fr/compte/login/")
    page.get_by_role("textbox", name="Courriel", exact=True).fill("membre.a11y@exemple.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/fr/**")
    for path in MEMBER_PAGES:
        page.goto(f"{daphne_server}{path}", wait_until="networkidle")
        assert_accessible(page, f"{path} at {width} px")


def test_a_form_with_errors_stays_accessible_and_keeps_what_was_typed(
    daphne_server, seeded, browser_page
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
