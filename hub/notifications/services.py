"""Writing notifications, telling browsers about them, and emailing the members who asked.

The database row is the truth; a websocket message is only a hint (Channels delivers at most
once), so browsers catch up by id. Live events and emails leave only after commit."""

import logging
from collections.abc import Iterable

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone, translation
from django.utils.translation import gettext

from hub import emails

from .kinds import DIGEST, EMAIL, NONE, Kind, all_kinds, get_kind
from .models import DigestRun, Notification, NotificationPreference

logger = logging.getLogger(__name__)


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


# --- preferences -------------------------------------------------------------------------


def deliveries_for(*, user_ids: Iterable[int], kind: Kind) -> dict[int, str]:
    """How each of these members wants to hear about `kind` (one query)."""
    user_ids = list(user_ids)
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=user_ids, kind=kind.code).values_list(
            "user_id", "delivery"
        )
    )
    return {pk: chosen.get(pk, kind.default_delivery) for pk in user_ids}


def preferences_for(*, user) -> list[tuple[Kind, str]]:
    """Every registered kind with the member's delivery for it (their choice or the default)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return [(kind, chosen.get(kind.code, kind.default_delivery)) for kind in all_kinds()]


def preferences_set(*, user, deliveries: dict[str, str]) -> None:
    """Stores the member's choice for each kind given (unknown kinds are refused). Pending
    emails of a kind switched to "site" or "never" are cancelled at once."""
    with transaction.atomic():
        for code, delivery in deliveries.items():
            get_kind(code)
            NotificationPreference.objects.update_or_create(
                user=user, kind=code, defaults={"delivery": delivery}
            )
            if delivery not in (EMAIL, DIGEST):
                Notification.objects.filter(
                    recipient=user, kind=code, read_at__isnull=True
                ).exclude(email_delivery="").update(email_delivery="")
            else:
                Notification.objects.filter(
                    recipient=user, kind=code, read_at__isnull=True
                ).exclude(email_delivery="").update(email_delivery=delivery)


# --- writing -----------------------------------------------------------------------------


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
    deliveries = deliveries_for(user_ids=[r.pk for r in candidates], kind=registered)
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
            unread = _unread_counts([n.recipient_id for n in written])
            for notification in written:
                send_on_commit(
                    user_id=notification.recipient_id,
                    event=event_for(notification, unread=unread.get(notification.recipient_id)),
                )
            immediate = [n.pk for n in written if n.email_delivery == EMAIL]
            if immediate:
                transaction.on_commit(lambda: _enqueue_emails(immediate))
    return written


def _unread_counts(user_ids: list[int]) -> dict[int, int]:
    return dict(
        Notification.objects.filter(recipient_id__in=user_ids, read_at__isnull=True)
        .order_by()
        .values("recipient_id")
        .annotate(n=Count("id"))
        .values_list("recipient_id", "n")
    )


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


def _enqueue_emails(ids: list[int]) -> None:
    from .tasks import send_notification_emails

    send_notification_emails.enqueue(notification_ids=ids)


# --- reading -----------------------------------------------------------------------------


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
            send_on_commit(
                user_id=user.pk,
                event={"type": "read", "ids": changed_ids, "unread": unread_count(user=user)},
            )
    return changed


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def request_unread_count(request) -> int:
    """The bell's unread count for the request's member, counted once per request."""
    if getattr(request, "_hub_unread_count", None) is None:
        request._hub_unread_count = unread_count(user=request.user)
    return request._hub_unread_count


def _is_a_page_view(request) -> bool:
    headers = request.headers
    if "prefetch" in headers.get("Sec-Purpose", "") or headers.get("Purpose") == "prefetch":
        return False
    # Browsers without Fetch Metadata send no Sec-Fetch-Dest: their page views still count.
    return headers.get("Sec-Fetch-Dest", "document") in {"document", "iframe"}


def request_mark_read(request, *, target) -> int:
    """`notifications_mark_read(target=...)` for the member reading `target` now. Pages that
    call it on every view (a topic, an event) pay only the bell's count, which the page needs
    anyway, when nothing is unread: the common case. Only a page the member opens counts: an
    image, a prefetch or a script fetching the URL (a browser's Sec-Fetch-Dest says which)
    must not mark anything read nor cancel the email that would report it."""
    if not _is_a_page_view(request) or not request_unread_count(request):
        return 0
    changed = notifications_mark_read(user=request.user, target=target)
    if changed:
        request._hub_unread_count = None  # the bell counts again
    return changed


# --- email -------------------------------------------------------------------------------


def absolute_url(path: str) -> str:
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notification_email_send(*, notification_id: int) -> bool:
    """Emails one notification at once ("email at once" preference), unless the member has
    read it on the site meanwhile or was already emailed about its latest activity. The row
    is marked in the same transaction as the sending, so a retry or a second worker never
    sends it twice. Returns whether an email left."""
    with transaction.atomic():
        notification = (
            Notification.objects.email_pending(EMAIL)
            .select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None:
            return False
        notification.emailed_count = notification.count
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_count", "emailed_at"])
        # Last: if sending fails, the marking above is rolled back with it.
        return emails.send_member_email(
            member=notification.recipient,
            category=emails.NOTIFICATION,
            template="notifications/emails/notification",
            context={"notification": notification, "link": absolute_url(notification.url)},
        )


def digest_is_due(*, user, now=None) -> bool:
    """A member gets at most one digest per day (Montréal time), from
    HUB_NOTIFICATION_DIGEST_HOUR on, so the scheduler may run the command every few minutes."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    if local.hour < settings.HUB_NOTIFICATION_DIGEST_HOUR:
        return False
    start_of_day = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return not DigestRun.objects.filter(recipient=user, created_at__gte=start_of_day).exists()


def digest_send(*, user, now=None) -> DigestRun | None:
    """Sends one member the digest of their unread "daily digest" notifications that no email
    has reported yet, if today's digest is due (see digest_is_due). The DigestRun record, the
    marking of exactly the rows reported and the sending happen in one transaction (the
    member's row is locked, so two runs at once serialise): a second run finds nothing to
    send; if sending fails, nothing is marked. Rows read on the site are never reported.
    (If the process dies after the mail server accepted the email but before the commit,
    the next run sends it again: at least once, never silently lost.)
    Returns the run, or None if nothing was due."""
    User = get_user_model()
    now = now or timezone.now()
    with transaction.atomic():
        list(User.objects.select_for_update().filter(pk=user.pk).values_list("pk"))
        if not digest_is_due(user=user, now=now):
            return None
        rows = list(
            Notification.objects.email_pending(DIGEST)
            .select_for_update()
            .filter(recipient=user)
            .order_by("-updated_at", "-id")
        )
        if not rows:
            return None
        run = DigestRun.objects.create(recipient=user, items=len(rows), created_at=now)
        for row in rows:
            row.emailed_count = row.count
            row.emailed_at = now
            row.digest_run = run
        Notification.objects.bulk_update(rows, ["emailed_count", "emailed_at", "digest_run"])
        # Last: if sending fails, the run and the marking above are rolled back with it.
        sent = emails.send_member_email(
            member=user,
            category=emails.NOTIFICATION,
            template="notifications/emails/digest",
            context={
                "notifications": [(row, absolute_url(row.url)) for row in rows],
                "list_url": absolute_url(_list_path(user)),
                "preferences_url": absolute_url(_list_path(user) + "preferences/"),
            },
        )
        if not sent:  # the member refuses notification emails: settle the rows anyway
            run.sent = False
            run.save(update_fields=["sent"])
    return run


def _list_path(user) -> str:
    from django.urls import reverse

    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        return reverse("notifications:list")


def digests_send_all(*, now=None) -> dict[str, int]:
    """Sends every member their due digest (see digest_send). A failure for one member is
    logged and leaves their rows pending for the next run; the others still get theirs."""
    User = get_user_model()
    due = (
        Notification.objects.email_pending(DIGEST)
        .order_by()
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    stats = {"sent": 0, "skipped": 0, "failed": 0}
    for user in User.objects.filter(pk__in=list(due)).order_by("pk"):
        try:
            run = digest_send(user=user, now=now)
        except Exception:
            logger.exception("Digest for member %s failed", user.pk)
            stats["failed"] += 1
            continue
        if run is not None:
            stats["sent" if run.sent else "skipped"] += 1
    return stats


# --- Loi 25 ------------------------------------------------------------------------------


def member_notifications_export(user) -> dict:
    """The member's notifications and preferences, for their data download."""
    return {
        "preferences": {kind.code: delivery for kind, delivery in preferences_for(user=user)},
        "items": [
            {
                "kind": n.kind,
                "text": n.text,
                "url": n.url,
                "count": n.count,
                "created_at": n.created_at.isoformat(),
                "read_at": n.read_at.isoformat() if n.read_at else None,
                "emailed_at": n.emailed_at.isoformat() if n.emailed_at else None,
            }
            for n in Notification.objects.filter(recipient=user).order_by("id")
        ],
        "digest_emails": [
            run.created_at.isoformat()
            for run in DigestRun.objects.filter(recipient=user).order_by("id")
        ],
    }


def member_notifications_delete(*, user) -> None:
    """Deletes what belongs only to a member who leaves (their notifications, preferences and
    digest records), and takes their name out of the notifications others received about
    them (the text was written with it)."""
    name = user.get_public_name()
    Notification.objects.filter(recipient=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    DigestRun.objects.filter(recipient=user).delete()
    if not name:
        return
    about = Notification.objects.filter(actor=user).select_related("recipient")
    for row in about.iterator():
        language = row.recipient.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            row.text = row.text.replace(name, gettext("Deleted member"))[:300]
        row.actor = None
        row.save(update_fields=["text", "actor"])
