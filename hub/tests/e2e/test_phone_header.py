"""On a phone the header is two deliberate rows (brand and menu, then the account tools on
one line), never three, for a visitor and for a member (issue 18, item 12; LOOK.md)."""

import pytest

from hub.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.e2e

ROWS = """() => {
  const tops = (selector) => [...document.querySelectorAll(selector)]
    .filter((el) => el.offsetParent !== null)
    .map((el) => Math.round(el.getBoundingClientRect().top));
  return {
    first: tops('.brand, .nav-toggle'),
    tools: tops('.header-tools > *:not(form)'),
    header: document.querySelector('.site-header').getBoundingClientRect().height,
    overflow: document.documentElement.scrollWidth > window.innerWidth,
  };
}"""


def _rows(page):
    rows = page.evaluate(ROWS)
    assert not rows["overflow"]
    assert max(rows["first"]) - min(rows["first"]) <= 8, rows  # brand and menu: one row
    assert max(rows["tools"]) - min(rows["tools"]) <= 8, rows  # the tools: one row
    assert rows["header"] < 130, rows  # two rows of 44 px targets, not three
    return rows


@pytest.mark.parametrize("width", [360, 390])
def test_the_phone_header_is_two_rows_for_visitors_and_members(
    daphne_server, chromium, site, width
):
    member = UserFactory(email="nadia@exemple.org", first_name="Nadia", last_name="Bouchard")
    context = chromium.new_context(locale="fr-CA", viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{daphne_server}/fr/")
        _rows(page)
        page.goto(f"{daphne_server}/fr/compte/login/")
        page.get_by_role("textbox", name="Courriel", exact=True).fill(member.email)
        page.get_by_label("Mot de passe").fill(PASSWORD)
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_url("**/fr/**")
        _rows(page)
        # The menu still opens, below the tools.
        page.get_by_role("button", name="Menu").click()
        assert page.get_by_role("navigation", name="Navigation principale").is_visible()
    finally:
        context.close()
