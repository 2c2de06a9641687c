"""Feeds and downloads, read back as a calendar client would, and checked byte by byte."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import http_date
from icalendar import Calendar

from events import services
from events.models import EventPage

from .factories import event_theme, event_translation

pytestmark = pytest.mark.django_db
TORONTO = ZoneInfo("America/Toronto")
JOIN = "zoom.example"


def url(name, *args, language="fr"):
    with translation.override(language):
        return reverse(f"events:{name}", args=args)


def assert_rfc5545_bytes(content: bytes) -> None:
    """CRLF only, no line over 75 octets, folds never split a UTF-8 character."""
    assert content.endswith(b"\r\n")
    assert b"\n" not in content.replace(b"\r\n", b"")
    assert b"\r" not in content.replace(b"\r\n", b"")
    for line in content.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # raises if a fold cut a character in two


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    content = response.content
    assert_rfc5545_bytes(content)
    return Calendar.from_ical(content)


def test_public_feed_is_valid_folded_and_carries_what_clients_need(make_event):
    long_title = "Écrire une politique de confidentialité « claire » pour un organisme " * 2
    page = make_event(title=long_title.strip(), slug="long")
    make_event(title="Sans fin", end=None)
    calendar = parse(self_get(url("feed")))
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Événements de DATAide Hub"
    assert calendar["X-PUBLISHED-TTL"].to_ical() == b"PT4H"
    assert calendar["REFRESH-INTERVAL"].to_ical() == b"PT4H"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/Toronto"]
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert len(events) == 2
    vevent = events[page.uid]
    assert str(vevent["SUMMARY"]) == long_title.strip()
    assert vevent["DTSTART"].params["TZID"] == "America/Toronto"
    assert vevent["DTSTART"].dt == page.start
    assert vevent["SEQUENCE"] == 0
    assert vevent["LAST-MODIFIED"].dt is not None
    assert vevent["STATUS"] == "CONFIRMED"


def self_get(path, **headers):
    from django.test import Client

    return Client().get(path, **headers)


def test_an_event_without_an_end_gets_the_default_duration(make_event):
    page = make_event(end=None)
    calendar = parse(self_get(url("event_ics", page.pk)))
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["DTEND"].dt - vevent["DTSTART"].dt == timedelta(hours=1)


def test_times_are_right_across_the_daylight_saving_change(make_event):
    """Toronto leaves daylight time on 2026-11-01 at 2 a.m.: 10 a.m. is 14:00 UTC the day
    before and 15:00 UTC that day. A client must read it from the VTIMEZONE."""
    before = make_event(start=datetime(2026, 10, 31, 10, 0, tzinfo=TORONTO), slug="avant")
    after = make_event(start=datetime(2026, 11, 1, 10, 0, tzinfo=TORONTO), slug="apres")
    calendar = parse(self_get(url("feed")))
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    utc = ZoneInfo("UTC")
    assert events[before.uid]["DTSTART"].dt.astimezone(utc).hour == 14
    assert events[after.uid]["DTSTART"].dt.astimezone(utc).hour == 15
    assert b"DTSTART;TZID=America/Toronto:20261101T100000" in calendar.to_ical()
    (vtimezone,) = calendar.walk("VTIMEZONE")
    # ...and it reads the same with the VTIMEZONE alone (no zoneinfo lookup by name).
    zone = vtimezone.to_tz()
    assert datetime(2026, 10, 31, 10, 0, tzinfo=zone).astimezone(utc).hour == 14
    assert datetime(2026, 11, 1, 10, 0, tzinfo=zone).astimezone(utc).hour == 15
    offsets = {comp.name: comp["TZOFFSETTO"].to_ical() for comp in vtimezone.subcomponents}
    assert {
        name: str(value, "ascii") if isinstance(value, bytes) else value
        for name, value in offsets.items()
    } == {"STANDARD": "-0500", "DAYLIGHT": "-0400"}


def test_join_links_never_leave_the_hub(make_event, member, client):
    page = make_event(themes=[event_theme("t", "T")])
    event_translation(page)
    services.registration_create(event=page, user=member)
    token = services.calendar_token_get_or_create(user=member).token
    paths = [
        url("feed"),
        url("feed", language="en"),
        url("theme_feed", "t"),
        url("private_feed", token),
        url("event_ics", page.pk),
        page.url,
    ]
    for path in paths:
        response = self_get(path)
        assert response.status_code == 200, path
        assert JOIN.encode() not in response.content, path
    client.force_login(member)
    assert JOIN.encode() not in client.get(page.url).content
    private = parse(self_get(url("private_feed", token)))
    assert url("join", page.pk) in str(private.walk("VEVENT")[0]["DESCRIPTION"])


def test_feeds_answer_304_to_matching_validators_and_200_otherwise(make_event):
    page = make_event()
    first = self_get(url("feed"))
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and modified
    assert "Accept" not in first.get("Vary", "")
    assert "Content-Encoding" not in first
    assert self_get(url("feed"), HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert self_get(url("feed"), HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert self_get(url("feed"), HTTP_IF_MODIFIED_SINCE="pas une date").status_code == 200
    older = http_date((timezone.now() - timedelta(days=400)).timestamp())
    assert self_get(url("feed"), HTTP_IF_MODIFIED_SINCE=older).status_code == 200
    # Same data, same validators; a different Accept or Accept-Encoding changes nothing.
    again = self_get(url("feed"), HTTP_ACCEPT="text/html", HTTP_ACCEPT_ENCODING="gzip")
    assert again["ETag"] == etag and again.content == first.content
    assert "Content-Encoding" not in again
    # A new time changes the ETag.
    services.event_update(event=page, start=page.start + timedelta(hours=1))
    changed = self_get(url("feed"), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    vevent = Calendar.from_ical(changed.content).walk("VEVENT")[0]
    assert vevent["SEQUENCE"] == 1


def test_cancelled_events_stay_in_feeds_for_30_days(make_event):
    page = make_event()
    services.event_cancel(event=page)
    vevent = parse(self_get(url("feed"))).walk("VEVENT")[0]
    assert vevent["STATUS"] == "CANCELLED" and vevent["SEQUENCE"] == 1
    EventPage.objects.filter(pk=page.pk).update(cancelled_at=timezone.now() - timedelta(days=31))
    assert parse(self_get(url("feed"))).walk("VEVENT") == []


def test_the_english_feed_uses_english_titles_and_the_same_uids(make_event):
    page = make_event(title="Webinaire A")
    english = event_translation(page, title="Webinar A")
    make_event(title="Seulement en français")
    french = parse(self_get(url("feed")))
    english_feed = parse(self_get(url("feed", language="en")))
    assert str(english_feed["X-WR-CALNAME"]) == "DATAide Hub events"
    summaries = sorted(str(event["SUMMARY"]) for event in english_feed.walk("VEVENT"))
    assert summaries == ["Seulement en français", "Webinar A"]
    assert {str(e["UID"]) for e in french.walk("VEVENT")} == {
        str(e["UID"]) for e in english_feed.walk("VEVENT")
    }
    assert english.uid == page.uid


def test_theme_feed_holds_only_its_theme(make_event):
    data = event_theme("donnees", "Données", ("data", "Data"))
    inside = make_event(themes=[data])
    make_event()
    calendar = parse(self_get(url("theme_feed", "donnees")))
    assert [str(e["UID"]) for e in calendar.walk("VEVENT")] == [inside.uid]
    assert str(calendar.walk("VEVENT")[0]["CATEGORIES"].cats[0]) == "Données"
    assert self_get(url("theme_feed", "inconnu")).status_code == 404


def test_private_feed_is_in_the_members_language_and_can_be_revoked(make_event, make_member):
    member = make_member(preferred_language="en")
    page = make_event()
    event_translation(page, title="My webinar")
    other = make_event()
    services.registration_create(event=page, user=member)
    services.registration_create(event=other, user=member)
    services.registration_cancel(registration=member.event_registrations.get(event=other))
    old = services.calendar_token_get_or_create(user=member).token
    assert len(old) >= 40
    calendar = parse(self_get(url("private_feed", old)))
    assert str(calendar["X-WR-CALNAME"]) == "My DATAide events"
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["My webinar"]
    new = services.calendar_token_regenerate(user=member).token
    assert new != old
    assert self_get(url("private_feed", old)).status_code == 404
    assert self_get(url("private_feed", "n'importe-quoi")).status_code == 404
    assert self_get(url("private_feed", new)).status_code == 200


def test_private_feed_changes_when_the_member_cancels(make_event, member):
    page = make_event()
    registration = services.registration_create(event=page, user=member)
    token = services.calendar_token_get_or_create(user=member).token
    first = self_get(url("private_feed", token))
    services.registration_cancel(registration=registration)
    second = self_get(url("private_feed", token), HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert Calendar.from_ical(second.content).walk("VEVENT") == []


def test_feed_cost_does_not_grow_with_the_number_of_events(
    make_event, django_assert_max_num_queries
):
    theme = event_theme("x", "X")
    for _ in range(3):
        make_event(themes=[theme])
    # 9: the validators read when events last left the feed (page log, expired
    # cancellations) and the themes' names; the feed's own rows and its site lookups.
    with django_assert_max_num_queries(9):
        small = self_get(url("feed"))
    for _ in range(12):
        make_event(themes=[theme])
    with django_assert_max_num_queries(9):
        big = self_get(url("feed"))
    assert len(Calendar.from_ical(big.content).walk("VEVENT")) == 15
    assert small.status_code == 200
