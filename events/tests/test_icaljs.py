"""Feeds, downloads and invitations read by two parsers independent of icalendar (the
library that writes them): Mozilla's ical.js (Thunderbird's, and most web calendars'),
under Node, and vobject (dateutil's VTIMEZONE reader). Each resolves local times through
the file's own VTIMEZONE, never through a zone database, so a VTIMEZONE that a client
reads wrong shows here as a wrong UTC time.

ical.js needs `node`; set ICALJS to ical.js's `dist/ical.es5.cjs` (`npm install --prefix
var/node ical.js@2.2.1`, then `ICALJS=var/node/node_modules/ical.js/dist/ical.es5.cjs`);
vobject comes with the `dev` extra. Without them these tests are skipped locally, but they
fail in CI (`CI=true` or `HUB_E2E_REQUIRED=1`): there a missing parser is a broken check."""

import json
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from events import ical, services

pytestmark = pytest.mark.django_db
TORONTO = ZoneInfo("America/Toronto")
SCRIPT = Path(__file__).parent / "js" / "read_with_icaljs.cjs"

# Montréal's daylight-time changes (second Sunday of March, first Sunday of November, at
# 2 a.m.), and a 10 a.m. event the day before and the day after each one.
DAYS_AROUND_CHANGES = [
    (2026, 3, 7),
    (2026, 3, 9),
    (2026, 10, 31),
    (2026, 11, 2),
    (2027, 3, 13),
    (2027, 3, 15),
    (2027, 11, 6),
    (2027, 11, 8),
    (2028, 3, 11),
    (2028, 3, 13),
    (2028, 11, 4),
    (2028, 11, 6),
]


def required() -> bool:
    return os.environ.get("CI") == "true" or os.environ.get("HUB_E2E_REQUIRED") == "1"


def missing(reason: str):
    if required():
        pytest.fail(f"{reason} (required in CI: .ci/run installs it)")
    pytest.skip(reason)


def icaljs_path() -> str:
    candidates = [
        os.environ.get("ICALJS", ""),
        "var/node/node_modules/ical.js/dist/ical.es5.cjs",
        "node_modules/ical.js/dist/ical.es5.cjs",
    ]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return str(Path(candidate).resolve())
    return ""


def read_with_icaljs(content: bytes, tmp_path) -> dict:
    if not shutil.which("node"):
        missing("node is not installed")
    library = icaljs_path()
    if not library:
        missing("ical.js not found: npm install ical.js, then set ICALJS (see docstring)")
    path = tmp_path / "feed.ics"
    path.write_bytes(content)
    output = subprocess.run(
        ["node", str(SCRIPT), library, str(path)], capture_output=True, check=True, timeout=30
    )
    return json.loads(output.stdout)


def read_with_vobject(content: bytes) -> dict:
    """{uid: start in UTC, ISO} as vobject reads it."""
    try:
        import vobject
        from vobject import icalendar as vobject_icalendar
    except ImportError:
        missing("vobject is not installed (pip install -e '.[dev]')")
    # vobject keeps the first VTIMEZONE it ever parsed for a TZID, process-wide, and falls
    # back to pytz by name: forget them, so this file is read with its own VTIMEZONE only.
    zones = vobject_icalendar.__dict__["__tzidMap"]
    zones.clear()
    zones["UTC"] = vobject_icalendar.utc
    calendar = vobject.readOne(content.decode("utf-8"))
    starts = {}
    for vevent in calendar.vevent_list:
        start = vevent.dtstart.value
        assert "pytz" not in type(start.tzinfo).__module__, "read without the VTIMEZONE"
        starts[vevent.uid.value] = start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return starts


def utc_iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def test_thunderbirds_parser_reads_the_right_times_across_daylight_saving(make_event, tmp_path):
    before = make_event(
        title="Veille du changement d'heure — Données « ouvertes » et intervenant·es " * 2,
        start=datetime(2026, 10, 31, 10, 0, tzinfo=TORONTO),
    )
    after = make_event(start=datetime(2026, 11, 1, 10, 0, tzinfo=TORONTO), end=None)
    cancelled = make_event(start=datetime(2026, 11, 3, 13, 30, tzinfo=TORONTO))
    services.event_cancel(event=cancelled)
    with translation.override("fr"):
        response = Client().get(reverse("events:feed"))
    parsed = read_with_icaljs(response.content, tmp_path)
    assert parsed["name"] == "Événements de DATAide Hub"
    assert parsed["ttl"] == "PT4H"
    events = {event["uid"]: event for event in parsed["events"]}
    assert events[before.uid]["start"] == "2026-10-31T14:00:00.000Z"  # EDT, UTC−4
    assert events[before.uid]["summary"] == before.title
    assert events[after.uid]["start"] == "2026-11-01T15:00:00.000Z"  # EST, UTC−5
    assert events[after.uid]["end"] == "2026-11-01T16:00:00.000Z"  # default hour
    assert events[after.uid]["zone"] == "America/Toronto"
    assert events[cancelled.uid]["status"] == "CANCELLED"
    assert events[cancelled.uid]["sequence"] == 1


@pytest.fixture
def events_around_changes(make_event):
    return [
        make_event(start=datetime(year, month, day, 10, 0, tzinfo=TORONTO))
        for year, month, day in DAYS_AROUND_CHANGES
    ]


def test_both_parsers_read_every_year_of_the_feed_in_the_right_hour(
    events_around_changes, tmp_path
):
    with translation.override("fr"):
        content = Client().get(reverse("events:feed")).content
    expected = {page.uid: utc_iso(page.start) for page in events_around_changes}
    parsed = read_with_icaljs(content, tmp_path)["events"]
    assert {event["uid"]: event["start"] for event in parsed} == expected
    assert read_with_vobject(content) == expected


def test_monday_15_march_2027_at_10_is_14_utc_in_every_file_a_member_gets(
    make_event, member, tmp_path
):
    """The one-event download and the emailed invitation carry a VTIMEZONE too."""
    page = make_event(start=datetime(2027, 3, 15, 10, 0, tzinfo=TORONTO))
    with translation.override("fr"):
        download = Client().get(reverse("events:event_ics", args=[page.pk])).content
    invitation = ical.invitation_bytes(
        page, member=member, base_url="https://hub.example", join_page_url="", cancel=False
    )
    for content in (download, invitation):
        (event,) = read_with_icaljs(content, tmp_path)["events"]
        assert event["start"] == "2027-03-15T14:00:00.000Z"
        assert read_with_vobject(content) == {page.uid: "2027-03-15T14:00:00.000Z"}


def test_the_vtimezone_is_written_as_yearly_rules_from_2_am(events_around_changes):
    """RFC 5545's own America/New_York example: DTSTART in the local time before the change
    (2 a.m. both ways), one yearly RRULE per kind; no comma-list RDATE, no COMMENT."""
    with translation.override("fr"):
        content = Client().get(reverse("events:feed")).content.decode()
    vtimezone = content[content.index("BEGIN:VTIMEZONE") : content.index("END:VTIMEZONE")]
    lines = vtimezone.split("\r\n")
    assert not [line for line in lines if line.startswith("RDATE") and "," in line]
    assert not [line for line in lines if line.startswith("COMMENT")]
    assert vtimezone.count("BEGIN:DAYLIGHT") == 1 and vtimezone.count("BEGIN:STANDARD") == 1
    daylight = properties(vtimezone, "DAYLIGHT")
    standard = properties(vtimezone, "STANDARD")
    assert daylight["DTSTART"] == "20250309T020000"
    assert rule(daylight["RRULE"]) == {"FREQ": "YEARLY", "BYMONTH": "3", "BYDAY": "2SU"}
    assert (daylight["TZOFFSETFROM"], daylight["TZOFFSETTO"]) == ("-0500", "-0400")
    assert standard["DTSTART"] == "20251102T020000"
    assert rule(standard["RRULE"]) == {"FREQ": "YEARLY", "BYMONTH": "11", "BYDAY": "1SU"}
    assert (standard["TZOFFSETFROM"], standard["TZOFFSETTO"]) == ("-0400", "-0500")


def properties(vtimezone: str, name: str) -> dict:
    block = vtimezone[vtimezone.index(f"BEGIN:{name}") : vtimezone.index(f"END:{name}")]
    return dict(line.split(":", 1) for line in block.split("\r\n")[1:] if line)


def rule(value: str) -> dict:
    return dict(part.split("=", 1) for part in value.split(";"))
