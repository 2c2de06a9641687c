"""Feed validators (ETag, Last-Modified) move whenever what a client would read changes —
including an event leaving the feed and a theme being renamed — and every answer (200,
304, HEAD) says how it may be cached."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import parse_http_date
from icalendar import Calendar
from wagtail.models import PageLogEntry

from cms.models import Theme
from events import services
from events.models import EventPage

from .factories import event_theme

pytestmark = pytest.mark.django_db


def url(name, *args, language="fr"):
    with translation.override(language):
        return reverse(f"events:{name}", args=args)


def get(path, **headers):
    return Client().get(path, **headers)


def head(path, **headers):
    return Client().head(path, **headers)


@pytest.fixture
def theme():
    return event_theme("donnees", "Données", ("data", "Data"))


@pytest.fixture
def two_events(make_event, theme):
    """Two events last edited an hour ago, so that whatever happens now is later."""
    pages = [make_event(themes=[theme]), make_event(themes=[theme])]
    hour_ago = timezone.now() - timedelta(hours=1)
    EventPage.objects.update(
        last_published_at=hour_ago, latest_revision_created_at=hour_ago, changed_at=hour_ago
    )
    Theme.objects.update(updated_at=hour_ago)  # (HTTP dates count whole seconds)
    # The page log counts too (moves, unpublishing): what setting up the site logged is
    # older as well, or a change in the same second would hide behind it.
    PageLogEntry.objects.update(timestamp=hour_ago)
    for page in pages:
        page.refresh_from_db()
    return pages


def assert_moved(path, first):
    """Both validators of `first` now get a full answer, with a later Last-Modified."""
    by_date = get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 200, "stale on If-Modified-Since"
    assert parse_http_date(by_date["Last-Modified"]) > parse_http_date(first["Last-Modified"])
    assert get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    return by_date


def uids(response) -> set[str]:
    return {str(event["UID"]) for event in Calendar.from_ical(response.content).walk("VEVENT")}


@pytest.mark.parametrize("leave", ["unpublish", "delete"])
def test_an_event_leaving_the_feed_moves_its_validators(two_events, leave):
    gone, kept = two_events
    for path in (url("feed"), url("theme_feed", "donnees")):
        first = get(path)
        assert uids(first) == {gone.uid, kept.uid}
    getattr(EventPage.objects.get(pk=gone.pk), leave)()
    for path in (url("feed"), url("theme_feed", "donnees")):
        assert uids(assert_moved(path, first)) == {kept.uid}


def test_a_cancelled_event_leaving_after_30_days_moves_the_validators(two_events):
    gone, kept = two_events
    services.event_cancel(event=gone)
    EventPage.objects.filter(pk=gone.pk).update(
        cancelled_at=timezone.now() - timedelta(days=30, minutes=1),
        last_published_at=timezone.now() - timedelta(days=31),
        changed_at=timezone.now() - timedelta(days=31),
    )
    response = get(url("feed"))
    assert uids(response) == {kept.uid}
    # A client that read the feed before those 30 days were up still holds the event: the
    # feed changed when it left (a minute ago), not when it was last edited (an hour ago).
    left = timezone.now() - timedelta(minutes=1, seconds=5)
    assert parse_http_date(response["Last-Modified"]) >= int(left.timestamp())


def test_renaming_a_theme_moves_the_validators_of_every_file_that_names_it(two_events, theme):
    page = two_events[0]
    paths = [url("feed"), url("theme_feed", "donnees"), url("event_ics", page.pk)]
    first = {path: get(path) for path in paths}
    theme.name = "Données ouvertes"
    theme.save()
    for path in paths:
        response = assert_moved(path, first[path])
        assert b"Donn=C3=A9es ouvertes" not in response.content  # (plain UTF-8, not QP)
        assert "Données ouvertes" in response.content.decode()


def test_head_answers_like_get_without_a_body(two_events, member):
    services.registration_create(event=two_events[0], user=member)
    token = services.calendar_token_get_or_create(user=member).token
    paths = [
        url("feed"),
        url("theme_feed", "donnees"),
        url("private_feed", token),
        url("event_ics", two_events[0].pk),
    ]
    for path in paths:
        full, bare = get(path), head(path)
        assert bare.status_code == 200, path
        assert bare.content == b""
        for header in ("Content-Type", "ETag", "Last-Modified", "Cache-Control"):
            assert bare[header] == full[header], (path, header)
        assert int(bare["Content-Length"]) == len(full.content)
        not_modified = head(path, HTTP_IF_NONE_MATCH=full["ETag"])
        assert not_modified.status_code == 304 and not_modified["ETag"] == full["ETag"]


def test_304_answers_carry_the_etag_and_cache_control_and_private_feeds_say_private(
    two_events, member
):
    services.registration_create(event=two_events[0], user=member)
    token = services.calendar_token_get_or_create(user=member).token
    cases = {
        url("feed"): "no-cache",
        url("theme_feed", "donnees"): "no-cache",
        url("event_ics", two_events[0].pk): "no-cache",
        url("private_feed", token): "private, no-cache",
    }
    for path, cache_control in cases.items():
        full = get(path)
        assert full["Cache-Control"] == cache_control, path
        for validator in (
            {"HTTP_IF_NONE_MATCH": full["ETag"]},
            {"HTTP_IF_MODIFIED_SINCE": full["Last-Modified"]},
        ):
            again = get(path, **validator)
            assert again.status_code == 304, (path, validator)
            assert again["ETag"] == full["ETag"]
            assert again["Last-Modified"] == full["Last-Modified"]
            assert again["Cache-Control"] == cache_control
    unknown = get(url("private_feed", "inconnu"))
    assert unknown.status_code == 404
