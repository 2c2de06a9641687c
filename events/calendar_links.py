"""The "Ajouter à mon agenda" and "S'abonner" links of an event and a feed, for each
calendar app (the event page and the index through events_tags)."""

from urllib.parse import quote, urlencode

from django.utils import timezone
from wagtail.models import Page


def _query(fields: dict) -> str:
    # %20, not "+": outlook.live.com shows a "+" in the title as it is.
    return urlencode(fields, quote_via=quote)


OUTLOOK_HOSTS = {"outlook": "outlook.live.com", "microsoft365": "outlook.office.com"}


def calendar_links(*, page: Page, page_url: str, ics_url: str) -> dict:
    """ "Add to my calendar": Google, Outlook.com (personal accounts) and Microsoft 365 (work
    and school accounts) open a filled-in new event; Apple and everything else take the
    event's .ics over https (a webcal:// link would subscribe to a nameless one-event
    calendar instead of adding the event)."""
    start = page.start.astimezone(timezone.get_fixed_timezone(0))
    end = page.effective_end.astimezone(timezone.get_fixed_timezone(0))
    details = f"{page.summary}\n\n{page_url}".strip()
    links = {
        "google": "https://calendar.google.com/calendar/render?"
        + _query(
            {
                "action": "TEMPLATE",
                "text": page.title,
                "dates": f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}",
                "details": details,
                "location": page.location_text,
                "ctz": "America/Toronto",
            }
        ),
        "apple": ics_url,
        "download": ics_url,
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": page.title,
        "startdt": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "enddt": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "body": details,
        "location": page.location_text,
    }
    for key, host in OUTLOOK_HOSTS.items():
        links[key] = f"https://{host}/calendar/0/deeplink/compose?" + _query(outlook)
    return links


def feed_links(*, feed_url: str, name: str) -> dict:
    """ "Subscribe": the feed (an absolute https or http URL) for each calendar app."""
    links = {
        "webcal": "webcal://" + feed_url.split("://", 1)[-1],
        "google": "https://calendar.google.com/calendar/r?"
        + _query({"cid": "webcal://" + feed_url.split("://", 1)[-1]}),
        "address": feed_url,
    }
    for key, host in OUTLOOK_HOSTS.items():
        links[key] = f"https://{host}/calendar/0/addfromweb?" + _query(
            {"url": feed_url, "name": name}
        )
    return links
