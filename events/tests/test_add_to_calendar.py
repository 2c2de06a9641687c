""" "Ajouter à mon agenda" on an event page, and "S'abonner" on the index: links that open
the right thing in each calendar, named in the page's language."""

import re
from html import unescape
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from .factories import event_translation

pytestmark = pytest.mark.django_db


def links(html: str, list_class: str) -> dict[str, str]:
    """{link text: href} of the <ul class=list_class>."""
    block = html.split(f'class="{list_class}"', 1)[1].split("</ul>", 1)[0]
    return {
        unescape(re.sub(r"<[^>]+>", "", text)).strip(): unescape(href)
        for href, text in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', block)
    }


def query(href: str) -> dict[str, str]:
    """The query of `href` decoded as RFC 3986 (a "+" stays a plus, as Outlook reads it)."""
    raw = urlsplit(href).query
    return {key: unquote(value) for key, value in (part.split("=", 1) for part in raw.split("&"))}


@pytest.fixture
def page(make_event):
    return make_event(title="Données ouvertes : premiers pas", place="Salle A, Montréal")


def test_french_page_offers_google_agenda_outlook_com_microsoft_365_and_apple(page, client):
    found = links(client.get(page.url).content.decode(), "event-calendar-links")
    assert set(found) == {
        "Google Agenda",
        "Outlook.com",
        "Microsoft 365 (Outlook)",
        "Calendrier Apple",
        "Télécharger (.ics)",
    }
    with translation.override("fr"):
        ics = "http://testserver" + reverse("events:event_ics", args=[page.pk])
    # Apple: the event's own file over https (webcal:// would subscribe to a nameless
    # one-event calendar).
    assert found["Calendrier Apple"] == ics and found["Télécharger (.ics)"] == ics
    for label, host in (
        ("Outlook.com", "outlook.live.com"),
        ("Microsoft 365 (Outlook)", "outlook.office.com"),
    ):
        href = found[label]
        assert urlsplit(href).netloc == host
        assert urlsplit(href).path == "/calendar/0/deeplink/compose"
        assert "+" not in urlsplit(href).query  # outlook.live.com shows a "+" as a "+"
        fields = query(href)
        assert fields["subject"] == "Données ouvertes : premiers pas"
        assert fields["location"] == "Salle A, Montréal, Zoom"
        assert fields["rru"] == "addevent"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", fields["startdt"])
    google = parse_qs(urlsplit(found["Google Agenda"]).query)
    assert google["text"] == ["Données ouvertes : premiers pas"]


def test_english_page_says_google_calendar(page, client):
    english = event_translation(page, title="Open data: first steps")
    found = links(client.get(english.url).content.decode(), "event-calendar-links")
    assert "Google Calendar" in found and "Google Agenda" not in found
    assert "Apple Calendar" in found
    assert query(found["Outlook.com"])["subject"] == "Open data: first steps"


@pytest.mark.parametrize(
    ("path", "google"), [("/fr/evenements/", "Google Agenda"), ("/en/events/", "Google Calendar")]
)
def test_the_index_offers_the_feed_to_outlook_com_and_microsoft_365(page, client, path, google):
    event_translation(page)
    found = links(client.get(path).content.decode(), "event-subscribe-links")
    assert google in found
    for label, host in (
        ("Outlook.com", "outlook.live.com"),
        ("Microsoft 365 (Outlook)", "outlook.office.com"),
    ):
        href = found[label]
        assert urlsplit(href).netloc == host and urlsplit(href).path == "/calendar/0/addfromweb"
        fields = query(href)
        assert fields["url"].startswith("http://testserver/") and fields["url"].endswith(".ics")
        assert "+" not in urlsplit(href).query
