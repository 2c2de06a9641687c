"""Template tags the rest of the site uses to show events (the home page, for one)."""

from django import template
from django.urls import reverse
from django.utils import translation

from events import access, calendar_links, selectors
from hub import links

register = template.Library()


@register.inclusion_tag("events/tags/upcoming_events.html", takes_context=True)
def upcoming_events(context, limit: int = 3):
    language = translation.get_language() or "fr"
    return {
        "events": selectors.upcoming_events(language=language, limit=limit),
        "request": context.get("request"),
    }


@register.inclusion_tag("events/tags/events_on_themes.html", takes_context=True)
def events_on_themes(context, themes, limit: int = 3):
    """`{% events_on_themes themes %}`: the next events on these themes (cms.Theme), for a
    resource page or any page filed under themes. One query."""
    from events.themes import upcoming_on_themes

    language = translation.get_language() or "fr"
    keys = [theme.translation_key for theme in themes or []]
    return {
        "events": upcoming_on_themes(theme_keys=keys, language=language, limit=limit),
        "request": context.get("request"),
    }


@register.inclusion_tag("events/tags/replay_of.html", takes_context=True)
def replay_of_events(context, resource):
    """`{% replay_of_events page %}`: on a replay resource, the webinar it records."""
    from events.themes import events_of_replay

    language = translation.get_language() or "fr"
    return {
        "events": events_of_replay(resource=resource, language=language),
        "request": context.get("request"),
    }


@register.filter
def event_when(page) -> str:
    """ "mardi 3 novembre 2026, de 13 h 30 à 15 h" in the active language."""
    return selectors.when_text(page)


@register.simple_tag(takes_context=True)
def event_calendar_links(context, page) -> dict:
    page_url = links.absolute_url(page.get_url(context.get("request")))
    ics_url = links.absolute_url(reverse("events:event_ics", args=[page.pk]))
    return calendar_links.calendar_links(page=page, page_url=page_url, ics_url=ics_url)


@register.simple_tag(takes_context=True)
def event_feed_links(context, feed_path: str, name: str) -> dict:
    """ "Subscribe" links for the feed at `feed_path` (on this site)."""
    feed_url = links.absolute_url(feed_path)
    return calendar_links.feed_links(feed_url=feed_url, name=name)


# --- who may see what (events/access.py, the same functions the views and tasks call) ----


@register.filter
def can_see_join_page(page, registration) -> bool:
    """`{% if page|can_see_join_page:registration %}`: the "Join the webinar" button."""
    return access.can_see_join_page(event=page, registration=registration)


@register.filter
def can_see_registrations(user) -> bool:
    """`{% if user|can_see_registrations %}`: links to the attendee list."""
    return access.can_see_registrations(user)
