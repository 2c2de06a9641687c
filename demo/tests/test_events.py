import pytest
from django.core.management import call_command

from events.models import EventIndexPage, EventPage, Registration

pytestmark = pytest.mark.django_db


def test_demo_season_is_complete_and_idempotent(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    counts = (EventPage.objects.count(), Registration.objects.count())
    french = EventPage.objects.filter(locale__language_code="fr")
    assert french.filter(cancelled=True, cancelled_at__isnull=False).count() == 1
    assert any(page.is_past and page.replay_url for page in french)
    full = french.get(slug="infolettre-et-reseaux-sociaux")
    assert full.registrations.filter(status="confirmed").count() == full.capacity
    assert full.registrations.filter(status="waitlisted").exists()
    assert EventPage.objects.filter(locale__language_code="en").count() == french.count()
    assert EventIndexPage.objects.count() == 2
    assert client.get("/fr/evenements/").status_code == 200
    english = client.get("/en/events/")
    assert english.status_code == 200 and "Data 101" in english.content.decode()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert (EventPage.objects.count(), Registration.objects.count()) == counts
