"""Telling browsers: the websocket group of a member, the live event sent to it after commit,
and the JSON shape of a notification a browser receives.

A websocket message is only a hint (Channels delivers at most once): the database row is the
truth and browsers catch up by id."""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from ..models import Notification

logger = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def group_send_hint(group: str, message: dict) -> bool:
    """Sends a hint to a channel-layer group. Call only after commit. Never raises: the rows
    are committed, and a channel layer that is away (Redis restarting) must not turn the
    request into a 500. Browsers catch up from the database when their socket comes back.
    Returns whether the layer took it."""
    layer = get_channel_layer()
    if layer is None:
        return False
    try:
        async_to_sync(layer.group_send)(group, message)
    except Exception as error:  # a lost hint, never a lost row
        logger.warning("live event not sent (%s); clients will catch up", error.__class__.__name__)
        return False
    return True


def send_live_event(*, user_id: int, event: dict) -> None:
    """Pushes a small dict to every open tab of one member. Call only after commit."""
    group_send_hint(user_group(user_id), {"type": "hub.event", "event": event})


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
