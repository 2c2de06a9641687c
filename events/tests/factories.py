"""Builders for event pages: a small page tree under the site's home pages."""

import itertools
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from cms.models import HomePage
from events.models import EventIndexPage, EventPage

_counter = itertools.count(1)


def event_index(home=None) -> EventIndexPage:
    """The French events index (slug "evenements") and its English translation."""
    fr = Locale.objects.get(language_code="fr")
    en = Locale.objects.get(language_code="en")
    home = home or HomePage.objects.get(locale=fr)
    index = EventIndexPage.objects.filter(locale=fr).first()
    if index is None:
        index = home.add_child(instance=EventIndexPage(title="Événements", slug="evenements"))
        index.save_revision().publish()
    if not EventIndexPage.objects.filter(locale=en).exists():
        english = index.copy_for_translation(en)
        english.title = "Events"
        english.slug = "events"
        english.save_revision().publish()
    return index


def event_page(*, index=None, translate: bool = False, **fields) -> EventPage:
    """A published French event, starting in a week unless told otherwise."""
    index = index or event_index()
    number = next(_counter)
    start = fields.pop("start", None) or (timezone.now() + timedelta(days=7)).replace(
        second=0, microsecond=0
    )
    defaults = {
        "title": f"Webinaire {number} : les données ouvertes",
        "slug": f"webinaire-{number}",
        "summary": "Un webinaire pour découvrir les données ouvertes.",
        "start": start,
        "end": start + timedelta(hours=1, minutes=30),
        "platform": "Zoom",
        "join_url": "https://zoom.example/j/secret-123",
    }
    defaults.update(fields)
    themes = defaults.pop("themes", [])
    page = index.add_child(instance=EventPage(**defaults))
    if themes:
        page.themes.set(themes)
    page.save_revision().publish()
    page.refresh_from_db()
    if translate:
        event_translation(page)
    return page


def event_translation(page: EventPage, *, title: str | None = None) -> EventPage:
    en = Locale.objects.get(language_code="en")
    english = page.copy_for_translation(en)
    english.title = title or page.title.replace("Webinaire", "Webinar")
    english.summary = "A webinar about open data."
    english.save_revision().publish()
    english.refresh_from_db()
    return english


def event_theme(slug: str, name: str, english: tuple[str, str] | None = None):
    """A library theme (cms.Theme, the one taxonomy) in French, and in English when told."""
    from cms.tests.factories import make_theme

    return make_theme(slug=slug, name=name, english=english)
