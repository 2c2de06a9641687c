"""Events are filed under the library's themes (cms.Theme), the hub's one taxonomy: feeds
answer at a theme's slug in either language, name it in the feed's language, keep the old
addresses of the events' former themes, and move their validators when a theme goes."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import parse_http_date
from icalendar import Calendar
from wagtail.models import PageLogEntry

from cms.models import Theme
from events.models import EventPage, FormerThemeSlug

from .factories import event_theme, event_translation

pytestmark = pytest.mark.django_db


def url(name, *args, language="fr"):
    with translation.override(language):
        return reverse(f"events:{name}", args=args)


def categories(response) -> list[str]:
    calendar = Calendar.from_ical(response.content)
    return [str(cat) for event in calendar.walk("VEVENT") for cat in event["CATEGORIES"].cats]


@pytest.fixture
def governance():
    return event_theme(
        "gouvernance-des-donnees", "Gouvernance des données", ("data-governance", "Data governance")
    )


def test_an_event_is_filed_under_the_librarys_themes(make_event, governance):
    page = make_event(themes=[governance])
    assert list(EventPage.objects.get(pk=page.pk).themes.all()) == [governance]
    assert list(governance.events.all()) == [page.page_ptr.specific]


def test_the_theme_feed_answers_at_its_slug_in_each_language_and_names_it_there(
    make_event, governance
):
    page = make_event(themes=[governance])
    event_translation(page, title="Data webinar")
    client = Client()
    french = client.get(url("theme_feed", "gouvernance-des-donnees"))
    english = client.get(url("theme_feed", "data-governance", language="en"))
    assert french.status_code == english.status_code == 200
    assert categories(french) == ["Gouvernance des données"]
    assert categories(english) == ["Data governance"]
    # The other language's slug is the same theme: sent on for good to its own address.
    crossed = client.get(url("theme_feed", "gouvernance-des-donnees", language="en"))
    assert crossed.status_code == 301
    assert crossed["Location"] == url("theme_feed", "data-governance", language="en")


def test_a_former_event_theme_slug_redirects_permanently_to_its_theme_feed(make_event, governance):
    make_event(themes=[governance])
    FormerThemeSlug.objects.create(slug="donnees", theme=governance)
    client = Client()
    for language, slug in (("fr", "gouvernance-des-donnees"), ("en", "data-governance")):
        response = client.get(url("theme_feed", "donnees", language=language))
        assert response.status_code == 301
        assert response["Location"] == url("theme_feed", slug, language=language)
        assert client.head(url("theme_feed", "donnees", language=language)).status_code == 301
        assert client.get(response["Location"]).status_code == 200
    assert client.get(url("theme_feed", "inconnu")).status_code == 404


def test_the_index_filters_by_a_library_theme_and_shows_it_in_the_readers_language(
    make_event, governance, client
):
    page = make_event(title="Sur la gouvernance", themes=[governance])
    event_translation(page, title="On governance")
    make_event(title="Sans thème")
    french = client.get("/fr/evenements/?theme=gouvernance-des-donnees").content.decode()
    assert "Sur la gouvernance" in french and "Sans thème" not in french
    english = client.get("/en/events/?theme=data-governance").content.decode()
    assert "On governance" in english and "Data governance" in english
    assert "Gouvernance des données" not in english


@pytest.fixture
def filed(make_event, governance):
    pages = [make_event(themes=[governance]), make_event(themes=[governance])]
    hour_ago = timezone.now() - timedelta(hours=1)
    EventPage.objects.update(
        last_published_at=hour_ago, latest_revision_created_at=hour_ago, changed_at=hour_ago
    )
    Theme.objects.update(updated_at=hour_ago)
    PageLogEntry.objects.update(timestamp=hour_ago)
    return pages


@pytest.mark.parametrize("which", ["french", "english"])
def test_deleting_a_theme_moves_the_validators_of_every_file_that_named_it(
    filed, governance, which
):
    client = Client()
    paths = [url("feed"), url("feed", language="en"), url("event_ics", filed[0].pk)]
    first = {path: client.get(path) for path in paths}
    doomed = governance if which == "french" else Theme.objects.get(slug="data-governance")
    doomed.delete()
    for path in paths:
        response = client.get(path, HTTP_IF_MODIFIED_SINCE=first[path]["Last-Modified"])
        assert response.status_code == 200, path
        assert parse_http_date(response["Last-Modified"]) > parse_http_date(
            first[path]["Last-Modified"]
        )
        assert client.get(path, HTTP_IF_NONE_MATCH=first[path]["ETag"]).status_code == 200


def test_renaming_a_themes_translation_moves_the_feed_in_that_language(filed):
    client = Client()
    path = url("feed", language="en")
    first = client.get(path)
    english = Theme.objects.get(slug="data-governance")
    english.name = "Data stewardship"
    english.save()
    response = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert response.status_code == 200
    assert set(categories(response)) == {"Data stewardship"}
