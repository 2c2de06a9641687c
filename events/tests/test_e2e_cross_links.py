"""A resource and an event lead to each other, in a real Chromium against a real Daphne:
a reader of the Loi 25 replay resource finds the next webinar on its theme, and from it the
resources on the same theme; the pages stay accessible (axe)."""

import pytest

from cms.services import library_setup
from cms.tests.factories import make_resource, make_theme
from hub.testing import assert_accessible

from .factories import event_index, event_page

pytestmark = pytest.mark.e2e


def test_a_resource_and_an_event_lead_to_each_other(daphne_server, browser_page, site):
    theme = make_theme(slug="gouvernance-des-donnees", name="Gouvernance des données")
    library = library_setup()
    resource = make_resource(
        library,
        title="Registre des incidents de confidentialité",
        summary="Un modèle de registre pour noter chaque incident.",
        themes=[theme],
    )
    event = event_page(
        index=event_index(site), title="Webinaire : la Loi 25 en pratique", themes=[theme]
    )
    page = browser_page
    page.goto(f"{daphne_server}{resource.url}", wait_until="networkidle")
    events = page.get_by_role("region", name="Événements à venir sur ces thèmes")
    events.get_by_role("link", name="Webinaire : la Loi 25 en pratique").click()
    page.wait_for_url(f"**{event.url}")
    assert_accessible(page, event.url)
    resources = page.get_by_role("region", name="Ressources sur ces thèmes")
    resources.get_by_role("link", name="Registre des incidents de confidentialité").click()
    page.wait_for_url(f"**{resource.url}")
    assert_accessible(page, resource.url)
