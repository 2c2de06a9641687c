"""Writing notifications and telling browsers about them."""

from collections.abc import Iterable

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation

from .kinds import get_kind
from .models import Notification


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def send_live_event(*, user_id: int, event: dict) -> None:
    """Pushes a small dict to every open tab of one member. Call only after commit."""
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(user_group(user_id), {"type": "hub.event", "event": event})


def send_on_commit(*, user_id: int, event: dict) -> None:
    transaction.on_commit(lambda: send_live_event(user_id=user_id, event=event))


def _render(kind, *, count: int, actor, target, recipient, extra: dict) -> str:
    language = getattr(recipient, "preferred_language", None) or "fr"
    with translation.override(language):
        template = kind.many if (count > 1 and kind.many) else kind.one
        values = {
            "actor": actor.get_public_name() if actor else "",
            "target": str(target) if target is not None else "",
            "count": count,
            **extra,
        }
        return (str(template) % values)[:300]


def notify(
    *,
    recipients: Iterable,
    kind: str,
    actor=None,
    target=None,
    url: str = "",
    extra: dict | None = None,
) -> list[Notification]:
    """Writes one notification per recipient in the caller's transaction and pushes a live
    event to each after commit (nothing is sent if the transaction rolls back).

    Never notifies the actor about their own action. An unread notification of the same kind
    about the same target is collapsed: its count goes up instead of a new row."""
    registered = get_kind(kind)
    extra = extra or {}
    target_type = ContentType.objects.get_for_model(target) if target is not None else None
    target_id = str(target.pk) if target is not None else ""
    written = []
    seen = set()
    with transaction.atomic():
        for recipient in recipients:
            if recipient is None or recipient.pk in seen:
                continue
            seen.add(recipient.pk)
            if actor is not None and recipient.pk == actor.pk:
                continue
            if not recipient.is_active:
                continue
            existing = None
            if registered.many:
                existing = (
                    Notification.objects.select_for_update()
                    .filter(
                        recipient=recipient,
                        kind=kind,
                        target_type=target_type,
                        target_id=target_id,
                        read_at__isnull=True,
                    )
                    .first()
                )
            if existing:
                existing.count = F("count") + 1
                existing.save(update_fields=["count", "updated_at"])
                existing.refresh_from_db(fields=["count"])
                existing.actor = actor
                existing.text = _render(
                    registered,
                    count=existing.count,
                    actor=actor,
                    target=target,
                    recipient=recipient,
                    extra=extra,
                )
                existing.url = url or existing.url
                existing.save(update_fields=["actor", "text", "url", "updated_at"])
                notification = existing
            else:
                notification = Notification.objects.create(
                    recipient=recipient,
                    kind=kind,
                    actor=actor,
                    target_type=target_type,
                    target_id=target_id,
                    url=url,
                    text=_render(
                        registered,
                        count=1,
                        actor=actor,
                        target=target,
                        recipient=recipient,
                        extra=extra,
                    ),
                )
            written.append(notification)
            send_on_commit(user_id=recipient.pk, event=_event_for(notification))
    return written


def _event_for(notification: Notification) -> dict:
    return {
        "type": "notification",
        "id": notification.pk,
        "kind": notification.kind,
        "text": notification.text,
        "url": notification.url,
        "count": notification.count,
    }


def notifications_mark_read(*, user, ids: Iterable[int] | None = None) -> int:
    """Marks the member's notifications read (all of them when `ids` is None) and tells
    their other tabs, so counts stay right everywhere."""
    rows = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    changed = rows.update(read_at=timezone.now())
    if changed:
        send_on_commit(user_id=user.pk, event={"type": "read", "unread": unread_count(user=user)})
    return changed


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
