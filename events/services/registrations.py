"""Registering and cancelling: confirmed while seats remain, else waitlisted; a freed seat
promotes the first waitlisted person in the same transaction.

Locking rule: a service that counts seats or moves people on the waitlist first locks the
*original* event row (`select_for_update`), then reads and writes."""

from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from hub.notifications.services import notifications_mark_read

from ..models import EventPage, Registration
from ..selectors import ANSWER_MAX_LENGTH
from .common import Status, confirmed_count, email_on_commit, lock_original, notify_registrants


class RegistrationError(Exception):
    """A registration or cancellation that cannot happen; `message` is for the member."""

    ALREADY_REGISTERED = "already_registered"
    CLOSED = "closed"
    NOT_OPEN = "not_open"
    CANCELLED = "cancelled"
    NOT_REGISTERED = "not_registered"
    ANSWER_TOO_LONG = "answer_too_long"

    MESSAGES = {
        ALREADY_REGISTERED: _("You are already registered for this event."),
        CLOSED: _("Registration for this event is closed."),
        NOT_OPEN: _("Registration for this event is not open yet."),
        CANCELLED: _("This event has been cancelled."),
        NOT_REGISTERED: _("You are not registered for this event."),
        ANSWER_TOO_LONG: _(
            "Your answer to “%(question)s” is too long: %(length)s characters, for "
            "%(max)s characters at most. Shorten it and send the form again."
        ),
    }

    def __init__(self, code: str, *, question: str = "", length: int = 0):
        self.code = code
        self.question = question
        self.length = length
        super().__init__(code)

    @property
    def message(self) -> str:
        text = str(self.MESSAGES[self.code])
        if self.code != self.ANSWER_TOO_LONG:
            return text
        return text % {
            "question": self.question,
            "length": formats.number_format(self.length, force_grouping=True),
            "max": formats.number_format(ANSWER_MAX_LENGTH, force_grouping=True),
        }


def _next_waitlist_order(event: EventPage) -> int:
    top = Registration.objects.filter(event=event).aggregate(top=Max("waitlist_order"))["top"]
    return (top or 0) + 1


def registration_create(*, event: EventPage, user, answers: dict | None = None) -> Registration:
    """Registers `user` for `event` (either translation): confirmed while seats remain,
    else waitlisted at the end of the queue. Locks the event row, so capacity is never
    exceeded by simultaneous requests. Raises RegistrationError (and writes nothing) when
    the member is already registered, or registration is not open, closed or cancelled, or
    an answer is longer than ANSWER_MAX_LENGTH (never cut silently). After commit: a
    confirmation email with an invitation; a live notification."""
    answers = _clean_answers(event.original, answers)
    with transaction.atomic():
        locked = lock_original(event)
        state = locked.registration_window_state()
        if state == "cancelled":
            raise RegistrationError(RegistrationError.CANCELLED)
        if state in {"past", "closed"}:
            raise RegistrationError(RegistrationError.CLOSED)
        if state == "not_open":
            raise RegistrationError(RegistrationError.NOT_OPEN)
        registration = (
            Registration.objects.select_for_update().filter(event=locked, user=user).first()
        )
        if registration is not None and registration.status != Status.CANCELLED:
            raise RegistrationError(RegistrationError.ALREADY_REGISTERED)
        if registration is None:
            registration = Registration(event=locked, user=user)
        else:
            registration.sequence += 1  # their withdrawal went out with the last one
        if locked.capacity is None or confirmed_count(locked) < locked.capacity:
            registration.status = Status.CONFIRMED
            registration.waitlist_order = None
        else:
            registration.status = Status.WAITLISTED
            registration.waitlist_order = _next_waitlist_order(locked)
        registration.answers = answers
        registration.cancelled_at = None
        registration.attended = None
        registration.save()
        if registration.status == Status.CONFIRMED:
            notify_registrants([registration], kind="events.registered", event=locked)
        email_on_commit([registration], registration.status, event=locked)
    return registration


def _clean_answers(event: EventPage, answers: dict | None) -> dict:
    """The answers to the event's questions, stripped; the empty ones left out. Raises
    RegistrationError(ANSWER_TOO_LONG) naming the first answer past the limit."""
    cleaned = {}
    for question in event.question_list:
        answer = str((answers or {}).get(question, "")).strip()
        if len(answer) > ANSWER_MAX_LENGTH:
            raise RegistrationError(
                RegistrationError.ANSWER_TOO_LONG, question=question, length=len(answer)
            )
        if answer:
            cleaned[question] = answer
    return cleaned


def fill_seats(event: EventPage) -> list[Registration]:
    """Promotes waitlisted people, first come first served, while seats are free. The
    caller holds the event lock."""
    if event.cancelled or event.start <= timezone.now():
        return []
    promoted = []
    free = None if event.capacity is None else event.capacity - confirmed_count(event)
    waiting = (
        Registration.objects.select_for_update()
        .filter(event=event, status=Status.WAITLISTED)
        .select_related("user")
        .order_by("waitlist_order", "pk")
    )
    if free is not None:
        waiting = waiting[: max(free, 0)]
    for registration in waiting:
        registration.status = Status.CONFIRMED
        registration.waitlist_order = None
        registration.sequence += 1
        registration.save(update_fields=["status", "waitlist_order", "sequence", "updated_at"])
        promoted.append(registration)
    if promoted:
        notify_registrants(promoted, kind="events.promoted", event=event)
        email_on_commit(promoted, "promoted", event=event)
    return promoted


def registration_cancel(*, registration: Registration) -> list[Registration]:
    """Cancels a registration (confirmed or waitlisted). When a confirmed seat frees up,
    the first waitlisted person is promoted in the same transaction and told (email with
    invitation, live notification). The member's unread notifications about the event (the
    confirmation of their registration) are marked read, and their open tabs told, so the
    bell no longer counts what they undid. Returns those promoted. Raises RegistrationError
    when the registration was already cancelled."""
    with transaction.atomic():
        event = lock_original(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            raise RegistrationError(RegistrationError.NOT_REGISTERED)
        was_confirmed = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.waitlist_order = None
        registration.cancelled_at = timezone.now()
        registration.sequence += 1
        registration.save(
            update_fields=["status", "waitlist_order", "cancelled_at", "sequence", "updated_at"]
        )
        kind = "cancelled" if was_confirmed else "left_waitlist"
        email_on_commit([registration], kind, event=event)
        # Notifications point at the page in the member's language: any translation.
        for page in EventPage.objects.filter(translation_key=event.translation_key):
            notifications_mark_read(user=registration.user, target=page)
        return fill_seats(event) if was_confirmed else []
