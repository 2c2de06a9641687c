"""Events in the site search: upcoming ones first, past ones only with a replay, never a
cancelled one; one theme facet for resources and events (cms.Theme)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.tests.factories import make_resource
from events.tests.factories import event_index, event_page

pytestmark = pytest.mark.django_db


def test_upcoming_events_first_then_past_ones_with_a_replay(client, library, themes):
    index = event_index()
    now = timezone.now()
    event_page(index=index, title="Atelier infolettre bientôt", start=now + timedelta(days=3))
    event_page(index=index, title="Atelier infolettre plus tard", start=now + timedelta(days=30))
    event_page(
        index=index,
        title="Atelier infolettre passé",
        start=now - timedelta(days=10),
        replay_url="https://video.example/r",
    )
    event_page(
        index=index, title="Atelier infolettre sans rediffusion", start=now - timedelta(days=5)
    )
    event_page(
        index=index,
        title="Atelier infolettre annulé",
        start=now + timedelta(days=4),
        cancelled=True,
    )
    response = client.get("/fr/recherche/?q=infolettre&type=events")
    titles = [hit.title for hit in response.context["found"].hits]
    assert titles == [
        "Atelier infolettre bientôt",
        "Atelier infolettre plus tard",
        "Atelier infolettre passé",
    ]
    assert "Rediffusion" in response.content.decode()


def test_one_theme_facet_over_resources_and_events(client, library, themes):
    index = event_index()
    event_page(index=index, title="Webinaire sauvegardes", themes=[themes["cyber"]])
    make_resource(library, title="Sauvegardes chiffrées", themes=[themes["cyber"]])
    make_resource(library, title="Sauvegardes du CRM", themes=[themes["data"]])
    found = client.get("/fr/recherche/?q=sauvegardes").context["found"]
    assert {(f.value, f.count) for f in found.themes} == {
        ("cybersecurite", 2),
        ("gestion-des-donnees", 1),
    }
    found = client.get("/fr/recherche/?q=sauvegardes&theme=cybersecurite").context["found"]
    assert sorted(hit.title for hit in found.hits) == [
        "Sauvegardes chiffrées",
        "Webinaire sauvegardes",
    ]
