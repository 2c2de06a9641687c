"""What every write about events shares: locking the original event row, counting seats,
listing who is registered, and telling registrants (emails after commit, as tasks;
notifications in the caller's transaction, in each member's language)."""

from django.db import transaction

from hub.notifications.services import notify

from .. import selectors, tasks
from ..models import EventPage, Registration

Status = Registration.Status


def lock_original(event: EventPage) -> EventPage:
    """Locks the original row of the event (the one registrations belong to)."""
    return EventPage.objects.select_for_update().get(pk=event.original.pk)


def confirmed_count(event: EventPage) -> int:
    return Registration.objects.filter(event=event, status=Status.CONFIRMED).count()


def email_on_commit(registrations: list[Registration], kind: str, *, event: EventPage) -> None:
    """Sends after commit. The invitation's SEQUENCE is fixed now, from the event's and the
    registration's counters, so a worker that sends two messages out of order still gives
    the newer one the higher SEQUENCE."""
    sequences = {
        registration.pk: event.sequence + registration.sequence for registration in registrations
    }

    def enqueue():
        for registration_id, sequence in sequences.items():
            tasks.send_registration_email.enqueue(
                registration_id=registration_id, kind=kind, sequence=sequence
            )

    if sequences:
        transaction.on_commit(enqueue)


def notify_registrants(registrations, *, kind: str, event: EventPage) -> None:
    """One notify() per language, so each member reads the title in their language."""
    by_language: dict[str, list] = {}
    for registration in registrations:
        language = registration.user.preferred_language or "fr"
        by_language.setdefault(language, []).append(registration.user)
    for language, users in by_language.items():
        page = selectors.event_in_language(event, language)
        notify(recipients=users, kind=kind, target=page, url=page.get_url() or "")


def active_registrations(event: EventPage, statuses=(Status.CONFIRMED, Status.WAITLISTED)):
    return list(
        Registration.objects.filter(event=event, status__in=statuses).select_related("user")
    )
