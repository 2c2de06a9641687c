"""The 24-hour and 1-hour reminders, each sent at most once (run by
`events_send_reminders`)."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import tasks
from ..models import Registration, RegistrationMessage
from .common import Status


@dataclass(frozen=True)
class ReminderWindow:
    kind: str
    before: timedelta
    after: timedelta  # do not send when the start is closer than this


REMINDERS = (
    ReminderWindow(
        RegistrationMessage.Kind.REMINDER_24H,
        timedelta(hours=24),
        timedelta(hours=1),
    ),
    ReminderWindow(RegistrationMessage.Kind.REMINDER_1H, timedelta(hours=1), timedelta(0)),
)


def reminders_send(*, now=None) -> int:
    """Sends the 24-hour and 1-hour reminders that are due. Each is sent inside a
    transaction that first writes its RegistrationMessage marker: a failed send rolls the
    marker back (it is retried next run), and a second run, even a simultaneous one, finds
    the marker (unique constraint) and sends nothing twice. Returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for window in REMINDERS:
        due = (
            Registration.objects.filter(
                status=Status.CONFIRMED,
                event__live=True,
                event__cancelled=False,
                event__start__gt=now + window.after,
                event__start__lte=now + window.before,
            )
            .exclude(messages__kind=window.kind)
            .values_list("pk", flat=True)
        )
        for registration_id in list(due):
            try:
                with transaction.atomic():
                    RegistrationMessage.objects.create(
                        registration_id=registration_id, kind=window.kind
                    )
                    tasks.deliver_registration_email(
                        registration_id=registration_id, kind=window.kind
                    )
            except IntegrityError:
                continue  # another run sent it
            sent += 1
    return sent
