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
    assert "(en français)" not in english.content.decode()  # every event is translated
    # The Loi 25 webinar and its replay in the library lead to each other, in both languages.
    webinar = french.get(slug="loi-25-renseignements-personnels")
    replay = webinar.replay_resource
    assert replay is not None and replay.slug == "loi-25-essentiel"
    assert f'href="{webinar.url}"' in client.get(replay.url).content.decode()
    assert f'href="{replay.url}"' in client.get(webinar.url).content.decode()
    english_webinar = webinar.get_translation(
        webinar.locale.__class__.objects.get(language_code="en")
    )
    english_replay = replay.get_translation(english_webinar.locale)
    assert f'href="{english_webinar.url}"' in client.get(english_replay.url).content.decode()
    assert f'href="{english_replay.url}"' in client.get(english_webinar.url).content.decode()
    # Events are filed under the library's themes.
    assert {theme.slug for theme in webinar.themes.all()} == {"gouvernance-des-donnees"}
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert (EventPage.objects.count(), Registration.objects.count()) == counts
