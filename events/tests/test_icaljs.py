"""The feed read by an independent parser: Mozilla's ical.js (Thunderbird's), under Node.

Needs `node` and ical.js; set ICALJS to the path of ical.js's `dist/ical.es5.cjs`
(`npm install ical.js` then `ICALJS=node_modules/ical.js/dist/ical.es5.cjs`). Skipped
otherwise, with the reason."""

import json
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from events import services

pytestmark = pytest.mark.django_db
TORONTO = ZoneInfo("America/Toronto")
SCRIPT = Path(__file__).parent / "js" / "read_with_icaljs.cjs"


def icaljs_path() -> str:
    candidates = [
        os.environ.get("ICALJS", ""),
        "node_modules/ical.js/dist/ical.es5.cjs",
    ]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return str(Path(candidate).resolve())
    return ""


def read_with_icaljs(content: bytes, tmp_path) -> dict:
    if not shutil.which("node"):
        pytest.skip("node is not installed")
    library = icaljs_path()
    if not library:
        pytest.skip("ical.js not found: npm install ical.js, then set ICALJS (see docstring)")
    path = tmp_path / "feed.ics"
    path.write_bytes(content)
    output = subprocess.run(
        ["node", str(SCRIPT), library, str(path)], capture_output=True, check=True, timeout=30
    )
    return json.loads(output.stdout)


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
