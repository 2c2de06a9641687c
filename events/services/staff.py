"""What staff do with an event's registrants: mark attendance, write to them."""

from django.db import transaction

from .. import tasks
from ..models import EventPage, Registration
from .common import Status


def attendance_mark(*, event: EventPage, attended_ids: set[int]) -> int:
    """Staff mark who attended: confirmed registrations listed in `attended_ids` attended,
    the other confirmed ones did not. Returns how many rows changed."""
    original = event.original
    with transaction.atomic():
        confirmed = Registration.objects.filter(event=original, status=Status.CONFIRMED)
        changed = confirmed.filter(pk__in=attended_ids).exclude(attended=True).update(attended=True)
        changed += (
            confirmed.exclude(pk__in=attended_ids).exclude(attended=False).update(attended=False)
        )
    return changed


def registrants_message(
    *, event: EventPage, subject: str, body: str, include_waitlist: bool = False
) -> int:
    """Staff write to the people registered (confirmed, and the waitlist if asked): one
    email each, in a background task after commit. Returns how many will be sent."""
    subject, body = subject.strip()[:200], body.strip()[:10000]
    if not subject or not body:
        raise ValueError("subject and body are required")
    statuses = [Status.CONFIRMED] + ([Status.WAITLISTED] if include_waitlist else [])
    ids = list(
        Registration.objects.filter(event=event.original, status__in=statuses).values_list(
            "pk", flat=True
        )
    )

    def enqueue():
        for registration_id in ids:
            tasks.send_registrants_message.enqueue(
                registration_id=registration_id, subject=subject, body=body
            )

    transaction.on_commit(enqueue)
    return len(ids)
