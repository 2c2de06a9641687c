"""The daily digest: at most one email a day per member, reporting their unread "daily
digest" notifications that no email has reported yet (run by `send_notification_digests`)."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from hub import emails

from ..kinds import DIGEST
from ..models import DigestRun, Notification
from .email import absolute_url

logger = logging.getLogger(__name__)


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
