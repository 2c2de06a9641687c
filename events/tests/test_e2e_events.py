"""A member finds a webinar, registers in one click and sees it, in a real Chromium against
a real Daphne; the events pages pass axe (WCAG 2.1 AA)."""

import pytest

from events.models import Registration
from hub.accounts.tests.factories import PASSWORD, UserFactory
from hub.testing import assert_accessible

from .factories import event_index, event_page

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
