"""Writing notifications: `notify` (one row per recipient, collapsed per target, live event
and immediate email after commit) and marking them read.

Live events and emails leave only after commit, so nothing is sent if the transaction rolls
back."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation

from .. import selectors
from ..kinds import DIGEST, EMAIL, NONE, get_kind
from ..models import Notification
from . import live
from .email import send_notification_emails


def _render(kind, *, count: int, actor, target, recipient, extra: dict) -> str:
    language = getattr(recipient, "preferred_language", None) or settings.LANGUAGE_CODE
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
    """Writes one notification per recipient in the caller's transaction and, after commit,
    pushes one live event to each (nothing is sent if the transaction rolls back), then emails
    those who chose "email at once"; "daily digest" rows wait for `send_notification_digests`.

    Never notifies the actor about their own action, inactive members, or members who chose
    "never" for this kind. An unread notification of the same kind about the same target is
    collapsed: its count goes up ("10 nouvelles réponses") instead of a new row."""
    registered = get_kind(kind)
    extra = extra or {}
    target_type = ContentType.objects.get_for_model(target) if target is not None else None
    target_id = str(target.pk) if target is not None else ""
    candidates = []
    seen = set()
    for recipient in recipients:
        if recipient is None or recipient.pk in seen:
            continue
        seen.add(recipient.pk)
        if actor is not None and recipient.pk == actor.pk:
            continue
        if not recipient.is_active:
            continue
        candidates.append(recipient)
    if not candidates:
        return []
    deliveries = selectors.deliveries_for(user_ids=[r.pk for r in candidates], kind=registered)
    written = []
    with transaction.atomic():
        for recipient in candidates:
            delivery = deliveries[recipient.pk]
            if delivery == NONE:
                continue
            email_delivery = delivery if delivery in (EMAIL, DIGEST) else ""
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
                Notification.objects.filter(pk=existing.pk).update(count=F("count") + 1)
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
                existing.email_delivery = email_delivery
                existing.save(
                    update_fields=["actor", "text", "url", "email_delivery", "updated_at"]
                )
                notification = existing
            else:
                notification = Notification.objects.create(
                    recipient=recipient,
                    kind=kind,
                    actor=actor,
                    target_type=target_type,
                    target_id=target_id,
                    url=url,
                    email_delivery=email_delivery,
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
        if written:
            unread = selectors.unread_counts(user_ids=[n.recipient_id for n in written])
            for notification in written:
                event = live.event_for(notification, unread=unread.get(notification.recipient_id))
                live.send_on_commit(user_id=notification.recipient_id, event=event)
            immediate = [n.pk for n in written if n.email_delivery == EMAIL]
            if immediate:
                transaction.on_commit(
                    lambda: send_notification_emails.enqueue(notification_ids=immediate)
                )
    return written


def notifications_mark_read(
    *, user, ids: Iterable[int] | None = None, target=None, kind: str | None = None
) -> int:
    """Marks the member's unread notifications read: all of them, or only those with these
    `ids`, about this `target` (call it when the member opens the topic or event: that also
    cancels their pending email), or of this `kind`. Tells all their open tabs after commit,
    so counts stay right everywhere. Returns how many rows changed."""
    rows = Notification.objects.filter(recipient=user, read_at__isnull=True)
    everything = ids is None and target is None and kind is None
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    if target is not None:
        rows = rows.filter(
            target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
        )
    if kind is not None:
        rows = rows.filter(kind=kind)
    with transaction.atomic():
        if everything:
            changed_ids = None
            changed = rows.update(read_at=timezone.now())
        else:
            changed_ids = list(rows.values_list("pk", flat=True))
            changed = (
                Notification.objects.filter(pk__in=changed_ids, read_at__isnull=True).update(
                    read_at=timezone.now()
                )
                if changed_ids
                else 0
            )
        if changed:
            live.send_on_commit(
                user_id=user.pk,
                event={
                    "type": "read",
                    "ids": changed_ids,
                    "unread": selectors.unread_count(user=user),
                },
            )
    return changed
