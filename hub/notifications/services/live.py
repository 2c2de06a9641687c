"""Telling browsers: the websocket group of a member, the live event sent to it after commit,
and the JSON shape of a notification a browser receives.

A websocket message is only a hint (Channels delivers at most once): the database row is the
truth and browsers catch up by id."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from ..models import Notification


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def send_live_event(*, user_id: int, event: dict) -> None:
    """Pushes a small dict to every open tab of one member. Call only after commit."""
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(user_group(user_id), {"type": "hub.event", "event": event})


def send_on_commit(*, user_id: int, event: dict) -> None:
    # Looks send_live_event up when the callback runs, so tests can capture it.
    transaction.on_commit(lambda: send_live_event(user_id=user_id, event=event))


def event_for(notification: Notification, *, unread: int | None = None) -> dict:
    """The small JSON a browser receives; the same shape as an item of the feed."""
    return {
        "type": "notification",
        "id": notification.pk,
        "kind": notification.kind,
        "text": notification.text,
        "url": notification.url,
        "count": notification.count,
        "read": notification.read_at is not None,
        "unread": unread,
    }
