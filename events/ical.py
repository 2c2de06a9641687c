"""The one place iCalendar text is made (icalendar 7): feeds, single-event downloads and
email invitations all come from `event_component`, so an event has the same UID,
SEQUENCE and times everywhere.

RFC 5545 details handled here: CRLF and 75-octet folding (icalendar's serializer, which
never splits a UTF-8 character), a VTIMEZONE for America/Toronto written as yearly rules
(events/vtimezone.py: icalendar's comma-list RDATEs are misread by ical.js and vobject),
DTSTAMP and LAST-MODIFIED taken from the data in feeds (so the same data gives the same
bytes), a default duration when an event has no end, X-PUBLISHED-TTL as a real DURATION.
Join links never go in: the entry links to the hub's page, which checks registration."""

import hashlib
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vDuration, vText

from cms.selectors import localized_themes

from .vtimezone import vtimezone

ZONE = ZoneInfo(settings.TIME_ZONE)
PRODID = "-//DATAide//DATAide Hub//FR"
CANCELLED_KEPT = timedelta(days=30)
REFRESH = timedelta(hours=4)
PRIVATE_REFRESH = timedelta(hours=1)
FRAGMENT_VERSION = 1  # bump when event_component changes what it writes
FRAGMENT_TTL = 7 * 24 * 3600


def _local(value):
    return timezone.localtime(value, ZONE)


def new_calendar(*, name: str, description: str = "", method: str = "PUBLISH", refresh=REFRESH):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
    if description:
        calendar.add("x-wr-caldesc", description)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    if refresh:
        calendar.add("refresh-interval", vDuration(refresh), parameters={"VALUE": "DURATION"})
        # A bare timedelta would serialise as "4:00:00" (see PITFALLS.md).
        calendar.add("x-published-ttl", vDuration(refresh))
    return calendar


def event_component(
    page,
    *,
    base_url: str,
    page_url: str | None = None,
    join_page_url: str = "",
    status: str | None = None,
    organizer_email: str = "",
    attendee=None,
    sequence: int | None = None,
    stamp=None,
) -> Event:
    """One VEVENT. `page` is the event in the reader's language (its dates, SEQUENCE and
    cancellation are copies of the original's). `join_page_url` is the hub page that checks
    registration, never the join link itself. Invitations give their own `sequence` and
    `stamp` (DTSTAMP); elsewhere both come from the event's data."""
    url = page_url if page_url is not None else f"{base_url}{page.get_url() or ''}"
    modified = page.last_modified.astimezone(timezone.get_fixed_timezone(0))
    cancelled = page.cancelled or status == "CANCELLED"
    event = Event()
    event.add("uid", page.uid)
    event.add("dtstamp", (stamp or modified).astimezone(timezone.get_fixed_timezone(0)))
    event.add("last-modified", modified)
    if page.first_published_at:
        event.add("created", page.first_published_at.astimezone(timezone.get_fixed_timezone(0)))
    event.add("sequence", page.sequence if sequence is None else sequence)
    event.add("dtstart", _local(page.start))
    event.add("dtend", _local(page.effective_end))
    summary = page.title
    if cancelled:
        summary = _("Cancelled: %(title)s") % {"title": page.title}
    event.add("summary", summary)
    lines = [page.summary] if page.summary else []
    if join_page_url:
        lines.append(_("Join: %(url)s") % {"url": join_page_url})
    lines.append(url)
    event.add("description", "\n\n".join(lines))
    location = page.location_text
    if not location and page.format == page.Format.WEBINAR:
        location = _("Online")
    if location:
        event.add("location", location)
    event.add("url", url)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("class", "PUBLIC")
    themes = getattr(page, "prefetched_themes", None)
    if themes is None:
        themes = localized_themes(page.themes.all(), page.locale)
    themes = [theme.name for theme in themes]
    if themes:
        event.add("categories", themes)
    if organizer_email:
        organizer = vCalAddress(f"mailto:{organizer_email}")
        organizer.params["cn"] = vText("DATAide Hub")
        event.add("organizer", organizer)
    if attendee is not None:
        address = vCalAddress(f"mailto:{attendee.email}")
        address.params["cn"] = vText(attendee.get_public_name())
        address.params["role"] = vText("REQ-PARTICIPANT")
        address.params["partstat"] = vText("ACCEPTED")
        address.params["rsvp"] = vText("FALSE")
        event.add("attendee", address)
    return event


def to_bytes(calendar: Calendar) -> bytes:
    """Adds the VTIMEZONE first (covering the years the events need) and serialises with
    CRLF line ends and 75-octet folding."""
    starts = [event.DTSTART for event in calendar.walk("VEVENT") if event.DTSTART]
    if starts:
        calendar.subcomponents.insert(0, _timezone(starts))
    return calendar.to_ical()


def _timezone(starts):
    """A year of margin before the first event, two after the last: the yearly rules of
    the last years stay open-ended, so the file stays right after that too."""
    first, last = min(starts), max(starts)
    return vtimezone(settings.TIME_ZONE, first.year - 1, last.year + 2)


def feed_bytes(pages, *, name: str, base_url: str, request=None, join_page_urls=None) -> bytes:
    """A whole feed. Each VEVENT's bytes are cached under a key made of everything that
    goes into it (SEQUENCE, last modification, language, URLs, themes), so a feed of 1,000
    events re-serialises only what changed; the VCALENDAR shell and its VTIMEZONE are built
    by icalendar as usual and the events are put inside it."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    calendar = new_calendar(
        name=name,
        description=_("Webinars and trainings of DATAide Hub"),
        refresh=PRIVATE_REFRESH if join_page_urls is not None else REFRESH,
    )
    pages = list(pages)
    if pages:
        calendar.add_component(_timezone([_local(page.start) for page in pages]))
    entries = []
    for page in pages:
        page_url = f"{base_url}{page.get_url(request) or ''}"
        join_page_url = (join_page_urls or {}).get(page.pk, "")
        themes = getattr(page, "prefetched_themes", None)
        if themes is None:
            themes = page.prefetched_themes = localized_themes(page.themes.all(), page.locale)
        key = (
            "events:vevent:"
            + hashlib.sha256(
                repr(
                    (
                        FRAGMENT_VERSION,
                        page.pk,
                        page.sequence,
                        page.last_modified.isoformat(),
                        page.cancelled,
                        language,
                        page_url,
                        join_page_url,
                        [theme.name for theme in themes],
                    )
                ).encode()
            ).hexdigest()
        )
        entries.append((key, page, page_url, join_page_url))
    cached = cache.get_many([key for key, *_ in entries])
    missing = {}
    for key, page, page_url, join_page_url in entries:
        if key not in cached:
            component = event_component(
                page, base_url=base_url, page_url=page_url, join_page_url=join_page_url
            )
            missing[key] = cached[key] = component.to_ical()
    if missing:
        cache.set_many(missing, timeout=FRAGMENT_TTL)
    shell = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert shell.endswith(end)
    return shell[: -len(end)] + b"".join(cached[key] for key, *_ in entries) + end


def single_event_bytes(page, *, base_url: str, request=None) -> bytes:
    calendar = new_calendar(name="", refresh=None)
    calendar.add_component(
        event_component(page, base_url=base_url, page_url=f"{base_url}{page.get_url(request)}")
    )
    return to_bytes(calendar)


def invitation_bytes(
    page, *, member, base_url: str, join_page_url: str, cancel: bool, sequence: int | None = None
) -> bytes:
    """An invitation (METHOD:REQUEST) or its withdrawal (METHOD:CANCEL) for one member, in
    their language, with the same UID as the feeds (RFC 5546: ORGANIZER and ATTENDEE).
    `sequence` (the event's plus the registration's) rises with each message the member
    gets; DTSTAMP is the time the message is made, as RFC 5545 asks when METHOD is set."""
    with translation.override(member.preferred_language or "fr"):
        calendar = new_calendar(name="", method="CANCEL" if cancel else "REQUEST", refresh=None)
        organizer = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].strip(" >")
        calendar.add_component(
            event_component(
                page,
                base_url=base_url,
                join_page_url="" if cancel else join_page_url,
                status="CANCELLED" if cancel else None,
                organizer_email=organizer,
                attendee=member,
                sequence=sequence,
                stamp=timezone.now(),
            )
        )
        return to_bytes(calendar)


def etag_for(parts) -> str:
    """A strong ETag from the rows a feed is made of (not from its bytes)."""
    digest = hashlib.sha256(repr(list(parts)).encode()).hexdigest()[:32]
    return f'"{digest}"'
