"""What events shows in "Mon espace" (registered from hooks.py)."""

from django.urls import reverse

from hub import links

from . import selectors, services


def my_events_panel(request) -> dict:
    """ "Mes événements" in Mon espace, with the private calendar address."""
    token = services.calendar_token_get_or_create(user=request.user)
    path = reverse("events:private_feed", args=[token.token])
    feed_url = links.absolute_url(path)
    return {
        **selectors.my_events(user=request.user),
        "private_feed_url": feed_url,
        "private_webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
    }
