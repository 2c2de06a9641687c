"""A VTIMEZONE that mainstream calendar clients read right, built from zoneinfo.

icalendar 7's `Timezone.from_tzid` writes each kind of change as one DTSTART and one
comma-list RDATE, with the daylight start at the wall time *after* the change (03:00).
ical.js (Thunderbird, most web calendars) and vobject read only the first RDATE value, so
daylight-time events after the first year came out an hour late (PITFALLS.md). Here each
run of changes that follows a yearly pattern becomes one RRULE (`FREQ=YEARLY;BYMONTH=3;
BYDAY=2SU`), as in RFC 5545's own America/New_York example; DTSTART is the local time
before the change (TZOFFSETFROM), so 02:00 both ways for Montréal. A change that follows
no pattern gets its own sub-component: never a comma list, never a COMMENT."""

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
STEP = timedelta(days=1)  # zones change at most once a day


@dataclass(frozen=True)
class Change:
    at: datetime  # the instant, in UTC
    local: datetime  # wall time just before it (naive, in offset_from)
    offset_from: timedelta
    offset_to: timedelta
    name: str
    dst: bool

    @property
    def kind(self) -> tuple:
        """What a sub-component has in common apart from its dates."""
        return (self.offset_from, self.offset_to, self.name, self.dst, self.local.time())

    @property
    def weeks(self) -> set[int]:
        """The BYDAY ordinals this date matches: "2nd Sunday", and/or "last Sunday" (-1)."""
        days_in_month = calendar.monthrange(self.local.year, self.local.month)[1]
        ordinals = {(self.local.day - 1) // 7 + 1} - {5}
        if self.local.day + 7 > days_in_month:
            ordinals.add(-1)
        return ordinals


def _state(zone: ZoneInfo, instant: datetime) -> tuple:
    local = instant.astimezone(zone)
    return local.utcoffset(), local.tzname(), bool(local.dst())


@lru_cache(maxsize=64)
def changes(tzid: str, first_year: int, last_year: int) -> tuple[Change, ...]:
    """Every offset (or name) change from 1 January `first_year` to the end of `last_year`
    (cached: feeds ask for the same few ranges again and again)."""
    zone = ZoneInfo(tzid)
    instant = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    found = []
    state = _state(zone, instant)
    while instant < end:
        following = instant + STEP
        new_state = _state(zone, following)
        if new_state != state:
            low, high = instant, following  # state at low, new_state at high
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if _state(zone, middle) == state:
                    low = middle
                else:
                    high = middle
            found.append(
                Change(
                    at=high,
                    local=(high + state[0]).replace(tzinfo=None),
                    offset_from=state[0],
                    offset_to=new_state[0],
                    name=new_state[1] or "",
                    dst=new_state[2],
                )
            )
        instant, state = following, new_state
    return tuple(found)


def _runs(found: tuple[Change, ...]) -> list[tuple[list[Change], set[int]]]:
    """Groups changes of one kind that fall on the same weekday of the same week of the
    same month in consecutive years (with the ordinals they all match)."""
    runs: list[tuple[list[Change], set[int]]] = []
    open_runs: dict[tuple, int] = {}
    for change in found:
        key = (change.kind, change.local.month, change.local.weekday())
        index = open_runs.get(key)
        if index is not None:
            members, weeks = runs[index]
            if members[-1].local.year + 1 == change.local.year and weeks & change.weeks:
                members.append(change)
                runs[index] = (members, weeks & change.weeks)
                continue
        open_runs[key] = len(runs)
        runs.append(([change], change.weeks))
    return runs


def vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE of `tzid` for events from `first_year` to `last_year` (give a year of
    margin each side). A pattern still running in `last_year` is left open-ended, so the
    file stays right for later years as long as the zone's rules hold."""
    zone = ZoneInfo(tzid)
    component = Timezone()
    component.add("tzid", tzid)
    found = changes(tzid, first_year, last_year)
    if not found:
        offset, name, _dst = _state(zone, datetime(first_year, 1, 1, tzinfo=UTC))
        standard = TimezoneStandard()
        standard.add("dtstart", datetime(first_year, 1, 1))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        if name:
            standard.add("tzname", name)
        component.add_component(standard)
        return component
    for members, weeks in _runs(found):
        first, last = members[0], members[-1]
        sub = TimezoneDaylight() if first.dst else TimezoneStandard()
        sub.add("dtstart", first.local)
        if len(members) > 1:
            week = min(weeks) if min(weeks) > 0 else -1
            rule = {
                "freq": "YEARLY",
                "bymonth": first.local.month,
                "byday": f"{week}{WEEKDAYS[first.local.weekday()]}",
            }
            if last.local.year < last_year:
                rule["until"] = last.at  # UTC, as RFC 5545 requires in a VTIMEZONE
            sub.add("rrule", vRecur(rule))
        if first.name:
            sub.add("tzname", first.name)
        sub.add("tzoffsetfrom", first.offset_from)
        sub.add("tzoffsetto", first.offset_to)
        component.add_component(sub)
    return component
