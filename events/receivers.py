"""Hooks other parts of the hub call: each parses what it gets and calls one service."""

from django.urls import reverse

from . import selectors, services
from .models import EventPage, Registration


def on_page_published(sender, instance, **kwargs):
    if isinstance(instance, EventPage):
        services.event_published(page=instance)


def on_member_deleting(sender, user, **kwargs):
    services.member_events_delete(user=user)


def my_events_panel(request) -> dict:
    """ "Mes événements" in Mon espace, with the private calendar address."""
    token = services.calendar_token_get_or_create(user=request.user)
    path = reverse("events:private_feed", args=[token.token])
    feed_url = request.build_absolute_uri(path)
    return {
        **selectors.my_events(user=request.user),
        "private_feed_url": feed_url,
        "private_webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
    }


def export_member_events(user) -> list[dict]:
    """Loi 25 download: the member's registrations and what they answered."""
    return [
        {
            "event": registration.event.title,
            "start": registration.event.start.isoformat(),
            "status": registration.status,
            "answers": registration.answers,
            "attended": registration.attended,
            "registered_at": registration.created_at.isoformat(),
            "cancelled_at": registration.cancelled_at.isoformat()
            if registration.cancelled_at
            else None,
        }
        for registration in Registration.objects.filter(user=user)
        .select_related("event")
        .order_by("created_at")
    ]
