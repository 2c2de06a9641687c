"""What events tells a member about the themes they follow and their registrations: its
entries in "Quoi de neuf sur mes thèmes" (Mon espace) and its sections of the digest email
(registered from hooks.py). Each list costs a fixed number of queries."""

from datetime import timedelta

from django.apps import apps
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.selectors.follows import followed_theme_keys
from hub import extensions, links

from . import selectors
from .themes import on_themes_q

UPCOMING_WINDOW = timedelta(days=14)


def _in_language(pages) -> list:
    """One page per event, in the active language when translated (no query)."""
    language = (get_language() or "fr")[:2]
    chosen: dict = {}
    for page in pages:
        if page.translation_key not in chosen or page.locale.language_code == language:
            chosen[page.translation_key] = page
    return list(chosen.values())


def _new_events(*, theme_keys, since, until=None, limit: int) -> list:
    if not theme_keys:
        return []
    EventPage = apps.get_model("events", "EventPage")
    now = timezone.now()
    rows = (
        EventPage.objects.live()
        .public()
        .filter(on_themes_q(theme_keys), first_published_at__gt=since, start__gte=now)
        .filter(cancelled=False)
        .select_related("locale")
        .distinct()
        .order_by("start")
    )
    if until is not None:
        rows = rows.filter(first_published_at__lte=until)
    return _in_language(rows[: limit * 2])[:limit]


def event_news(*, user, theme_keys, since, limit: int) -> list[extensions.ThemeNews]:
    label = _("Event")
    return [
        extensions.ThemeNews(
            label=label, title=page.title, url=page.get_url() or "", when=page.first_published_at
        )
        for page in _new_events(theme_keys=theme_keys, since=since, limit=limit)
    ]


def new_events_section(*, user, since, now) -> list[extensions.DigestEntry]:
    """Upcoming events on my themes, announced after the last digest."""
    pages = _new_events(theme_keys=followed_theme_keys(user=user), since=since, until=now, limit=10)
    return [
        extensions.DigestEntry(
            title=page.title,
            url=links.absolute_url(page.get_url() or ""),
            detail=selectors.when_text(page),
        )
        for page in pages
    ]


def upcoming_registrations_section(*, user, since, now) -> list[extensions.DigestEntry]:
    """My confirmed registrations for events in the next 14 days."""
    Registration = apps.get_model("events", "Registration")
    registrations = list(
        Registration.objects.filter(
            user=user,
            status=Registration.Status.CONFIRMED,
            event__start__gte=now,
            event__start__lte=now + UPCOMING_WINDOW,
            event__cancelled=False,
        )
        .select_related("event")
        .order_by("event__start")[:10]
    )
    EventPage = apps.get_model("events", "EventPage")
    translated = {
        page.translation_key: page
        for page in EventPage.objects.live().filter(
            translation_key__in=[r.event.translation_key for r in registrations],
            locale__language_code=(get_language() or "fr")[:2],
        )
    }
    pages = [translated.get(r.event.translation_key, r.event) for r in registrations]
    return [
        extensions.DigestEntry(
            title=page.title,
            url=links.absolute_url(page.get_url() or ""),
            detail=selectors.when_text(page),
        )
        for page in pages
    ]
