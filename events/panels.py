"""What events shows in "Mon espace" (registered from hooks.py)."""

from django.urls import reverse
from django.utils import timezone

from hub import links

from . import access, selectors, services


def my_events_panel(request) -> dict:
    """ "Mes événements" in Mon espace, with the private calendar address, and the join
    button of an event that is live now (no query for it)."""
    token = services.calendar_token_get_or_create(user=request.user)
    path = reverse("events:private_feed", args=[token.token])
    feed_url = links.absolute_url(path)
    events = selectors.my_events(user=request.user)
    now = timezone.now()
    for item in events["upcoming"]:
        registration = item["registration"]
        if access.can_see_join_link(event=registration.event, registration=registration, now=now):
            item["join_url"] = reverse("events:join", args=[registration.event.pk])
    return {
        **events,
        "private_feed_url": feed_url,
        "private_webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
    }
