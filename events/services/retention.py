"""Loi 25: what a member who leaves takes with them, and how long attendee lists are kept."""

from datetime import timedelta

from ..models import CalendarToken, Registration, RegistrationMessage
from .common import Status
from .registrations import RegistrationError, registration_cancel


def member_events_delete(*, user) -> None:
    """Loi 25: a member who deletes their account leaves no registration or calendar token.
    Their confirmed seats free up for the waitlist."""
    for registration in Registration.objects.filter(
        user=user, status__in=[Status.CONFIRMED, Status.WAITLISTED]
    ).select_related("event"):
        try:
            registration_cancel(registration=registration)
        except RegistrationError:
            pass
    RegistrationMessage.objects.filter(registration__user=user).delete()
    Registration.objects.filter(user=user).delete()
    CalendarToken.objects.filter(user=user).delete()


def registrations_purge_past(*, now, days: int) -> int:
    """Retention (Loi 25): the attendee list of an event — registrations, answers and
    attendance — is deleted `days` after the event started (HUB_RETENTION["event_attendees"]).
    Idempotent: a second run finds nothing more. Returns how many rows were deleted."""
    cutoff = now - timedelta(days=days)
    deleted, _ = Registration.objects.filter(event__start__lt=cutoff).delete()
    return deleted
