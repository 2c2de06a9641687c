"""Emailing one notification at once, for members who chose "email at once", and the
background task `notify` enqueues for it after commit (digests are in `digests`)."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from hub import emails, links

from ..kinds import EMAIL
from ..models import Notification

absolute_url = links.absolute_url  # the hub's one way to make a link absolute


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


# The task lives here, next to what it runs, so that `notify` can enqueue it without an import
# cycle; `hub.notifications.tasks` re-exports it for the worker and for rows queued before.
@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """Sends the "email at once" notifications that are still due; returns how many left."""
    return sum(notification_email_send(notification_id=pk) for pk in notification_ids)
