import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import formats, translation

from hub.templatetags.hub_tags import qc_date, qc_time

MONTREAL = ZoneInfo("America/Toronto")


@pytest.mark.parametrize(
    ("value", "french", "english"),
    [
        (datetime.time(13, 30), "13 h 30", "1:30 p.m."),
        (datetime.time(9, 0), "9 h", "9:00 a.m."),
        (datetime.time(0, 5), "0 h 05", "12:05 a.m."),
    ],
)
def test_times_follow_quebec_conventions(value, french, english):
    with translation.override("fr"):
        assert qc_time(value) == french
    with translation.override("en"):
        assert qc_time(value) == english


def test_aware_datetimes_are_shown_in_montreal_time():
    utc = datetime.datetime(2026, 11, 3, 18, 30, tzinfo=datetime.UTC)
    with translation.override("fr"):
        assert qc_time(utc) == "13 h 30"
        assert qc_date(utc) == "mardi 3 novembre 2026"
        assert qc_date(utc, "short") == "3 nov. 2026"
    with translation.override("en"):
        assert qc_date(utc) == "Tuesday, November 3, 2026"


def test_french_dates_and_numbers_use_quebec_formats():
    with translation.override("fr"):
        assert formats.date_format(datetime.date(2026, 11, 29)) == "29 novembre 2026"
        assert formats.number_format(3000, force_grouping=True) == "3\u00a0000"
        assert formats.number_format(5.4, decimal_pos=1) == "5,4"


@pytest.mark.parametrize(
    ("style", "french", "english"),
    [
        ("long", "dimanche 1er novembre 2026", "Sunday, November 1, 2026"),
        ("short", "1er nov. 2026", "Nov 1, 2026"),
        ("day", "dimanche 1er novembre", "Sunday, November 1"),
    ],
)
def test_the_first_of_the_month_is_written_1er_in_french(style, french, english):
    # Québec (OQLF) writes "1er novembre", never "1 novembre"; the other days are plain.
    first = datetime.date(2026, 11, 1)
    with translation.override("fr"):
        assert qc_date(first, style) == french
        assert qc_date(datetime.date(2026, 11, 2), style).startswith(("lundi 2 ", "2 nov."))
    with translation.override("en"):
        assert qc_date(first, style) == english


def test_event_times_emails_and_calendars_share_the_1er(db):
    # when_text (event pages, cards, emails, calendar descriptions) goes through qc_date.
    from types import SimpleNamespace

    from events.selectors import when_text

    start = datetime.datetime(2026, 11, 1, 13, 30, tzinfo=MONTREAL)
    page = SimpleNamespace(start=start, effective_end=start + datetime.timedelta(hours=1))
    with translation.override("fr"):
        assert when_text(page) == "dimanche 1er novembre 2026, de 13 h 30 à 14 h 30"


@pytest.mark.parametrize(
    ("value", "french", "english"),
    [(2041, "2\u00a0041", "2,041"), (40102, "40\u00a0102", "40,102"), (7, "7", "7")],
)
def test_numbers_shown_to_people_are_grouped_the_locale_s_way(value, french, english):
    from hub.templatetags.hub_tags import qc_number

    with translation.override("fr"):
        assert qc_number(value) == french
    with translation.override("en"):
        assert qc_number(value) == english
