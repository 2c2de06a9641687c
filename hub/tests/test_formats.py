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
