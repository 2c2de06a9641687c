"""Every write about events: registrations, waitlist promotion, changes, cancellation,
replays, reminders and calendar tokens.

Locking rule: a service that counts seats or moves people on the waitlist first locks the
*original* event row (`select_for_update`), then reads and writes. Emails leave after
commit (as tasks); notifications are written in the caller's transaction."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hub.notifications.services import notify

from .models import CalendarToken, EventPage, Registration, RegistrationMessage, new_feed_token

Status = Registration.Status


class RegistrationError(Exception):
    """A registration or cancellation that cannot happen; `message` is for the member."""

    ALREADY_REGISTERED = "already_registered"
    CLOSED = "closed"
    NOT_OPEN = "not_open"
    CANCELLED = "cancelled"
    NOT_REGISTERED = "not_registered"

    MESSAGES = {
        ALREADY_REGISTERED: _("You are already registered for this event."),
        CLOSED: _("Registration for this event is closed."),
        NOT_OPEN: _("Registration for this event is not open yet."),
        CANCELLED: _("This event has been cancelled."),
        NOT_REGISTERED: _("You are not registered for this event."),
    }

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)

    @property
    def message(self) -> str:
        return str(self.MESSAGES[self.code])


def _lock(event: EventPage) -> EventPage:
    """Locks the original row of the event (the one registrations belong to)."""
    return EventPage.objects.select_for_update().get(pk=event.original.pk)


def _confirmed_count(event: EventPage) -> int:
    return Registration.objects.filter(event=event, status=Status.CONFIRMED).count()


def _next_waitlist_order(event: EventPage) -> int:
    top = Registration.objects.filter(event=event).aggregate(top=Max("waitlist_order"))["top"]
    return (top or 0) + 1


def _email_on_commit(registrations: list[Registration], kind: str, *, event: EventPage) -> None:
    """Sends after commit. The invitation's SEQUENCE is fixed now, from the event's and the
    registration's counters, so a worker that sends two messages out of order still gives
    the newer one the higher SEQUENCE."""
    from .tasks import send_registration_email

    sequences = {
        registration.pk: event.sequence + registration.sequence for registration in registrations
    }

    def enqueue():
        for registration_id, sequence in sequences.items():
            send_registration_email.enqueue(
                registration_id=registration_id, kind=kind, sequence=sequence
            )

    if sequences:
        transaction.on_commit(enqueue)


def _notify_registrants(registrations, *, kind: str, event: EventPage) -> None:
    """One notify() per language, so each member reads the title in their language."""
    from .selectors import event_in_language

    by_language: dict[str, list] = {}
    for registration in registrations:
        language = registration.user.preferred_language or "fr"
        by_language.setdefault(language, []).append(registration.user)
    for language, users in by_language.items():
        page = event_in_language(event, language)
        notify(recipients=users, kind=kind, target=page, url=page.get_url() or "")


def registration_create(*, event: EventPage, user, answers: dict | None = None) -> Registration:
    """Registers `user` for `event` (either translation): confirmed while seats remain,
    else waitlisted at the end of the queue. Locks the event row, so capacity is never
    exceeded by simultaneous requests. Raises RegistrationError (and writes nothing) when
    the member is already registered, or registration is not open, closed or cancelled.
    After commit: a confirmation email with an invitation; a live notification."""
    with transaction.atomic():
        locked = _lock(event)
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
        if locked.capacity is None or _confirmed_count(locked) < locked.capacity:
            registration.status = Status.CONFIRMED
            registration.waitlist_order = None
        else:
            registration.status = Status.WAITLISTED
            registration.waitlist_order = _next_waitlist_order(locked)
        registration.answers = _clean_answers(locked, answers)
        registration.cancelled_at = None
        registration.attended = None
        registration.save()
        if registration.status == Status.CONFIRMED:
            _notify_registrants([registration], kind="events.registered", event=locked)
        _email_on_commit([registration], registration.status, event=locked)
    return registration


def _clean_answers(event: EventPage, answers: dict | None) -> dict:
    questions = event.question_list
    answers = answers or {}
    return {
        question: str(answers.get(question, "")).strip()[:2000]
        for question in questions
        if str(answers.get(question, "")).strip()
    }


def _fill_seats(event: EventPage) -> list[Registration]:
    """Promotes waitlisted people, first come first served, while seats are free. The
    caller holds the event lock."""
    if event.cancelled or event.start <= timezone.now():
        return []
    promoted = []
    free = None if event.capacity is None else event.capacity - _confirmed_count(event)
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
        _notify_registrants(promoted, kind="events.promoted", event=event)
        _email_on_commit(promoted, "promoted", event=event)
    return promoted


def registration_cancel(*, registration: Registration) -> list[Registration]:
    """Cancels a registration (confirmed or waitlisted). When a confirmed seat frees up,
    the first waitlisted person is promoted in the same transaction and told (email with
    invitation, live notification). Returns those promoted. Raises RegistrationError when
    the registration was already cancelled."""
    with transaction.atomic():
        event = _lock(registration.event)
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
        _email_on_commit([registration], kind, event=event)
        return _fill_seats(event) if was_confirmed else []


def schedule_signature(event: EventPage) -> str:
    """What a calendar cares about: when it starts, how long it lasts, where it is."""
    return "|".join(
        [event.start.isoformat(), event.effective_end.isoformat(), event.place, event.platform]
    )[:200]


def _active_registrations(event: EventPage, statuses=(Status.CONFIRMED, Status.WAITLISTED)):
    return list(
        Registration.objects.filter(event=event, status__in=statuses).select_related("user")
    )


def _save_service_fields(event: EventPage) -> None:
    EventPage.objects.filter(pk=event.pk).update(
        **{name: getattr(event, name) for name in EventPage.SERVICE_FIELDS}
    )


def _sync_translations(original: EventPage) -> None:
    """Copies what the original owns onto its translations (their words stay theirs)."""
    values = {}
    for name in EventPage.SCHEDULING_FIELDS:
        field = EventPage._meta.get_field(name)
        values[field.attname] = getattr(original, field.attname)
    translations = list(
        EventPage.objects.filter(translation_key=original.translation_key)
        .exclude(pk=original.pk)
        .values_list("pk", flat=True)
    )
    if not translations:
        return
    EventPage.objects.filter(pk__in=translations).update(**values)
    through = EventPage.themes.through
    theme_ids = list(
        through.objects.filter(eventpage_id=original.pk).values_list("eventtheme_id", flat=True)
    )
    through.objects.filter(eventpage_id__in=translations).delete()
    through.objects.bulk_create(
        [
            through(eventpage_id=pk, eventtheme_id=theme)
            for pk in translations
            for theme in theme_ids
        ]
    )


def event_published(*, page: EventPage) -> None:
    """Runs after staff publish an event page (either language). On the original: a new
    date, duration or place bumps SEQUENCE and tells registrants (updated invitation);
    ticking "cancelled" cancels (METHOD:CANCEL); a new replay link is announced once;
    a larger capacity promotes from the waitlist. Then translations copy the original's
    dates and links. Publishing a translation only re-copies from the original."""
    with transaction.atomic():
        original = _lock(page)
        if original.pk != page.pk:
            _sync_translations(original)
            return
        now = timezone.now()
        original.changed_at = now
        signature = schedule_signature(original)
        if original.cancelled and original.cancelled_at is None:
            _cancel(original, now=now)
        elif original.schedule_signature and signature != original.schedule_signature:
            original.sequence += 1
            registrations = _active_registrations(original)
            _notify_registrants(registrations, kind="events.changed", event=original)
            _email_on_commit(
                [r for r in registrations if r.status == Status.CONFIRMED],
                "changed",
                event=original,
            )
        original.schedule_signature = signature
        if original.replay_url and original.replay_announced_at is None and original.is_past:
            _announce_replay(original, now=now)
        _save_service_fields(original)
        _fill_seats(original)
        _sync_translations(original)


def event_update(*, event: EventPage, **changes) -> EventPage:
    """Changes an event's fields outside the admin (same effects as publishing there)."""
    original = event.original
    for name, value in changes.items():
        setattr(original, name, value)
    original.save_revision().publish()  # page_published runs event_published
    original.refresh_from_db()
    return original


def _cancel(event: EventPage, *, now) -> None:
    event.cancelled = True
    event.cancelled_at = now
    event.sequence += 1
    registrations = _active_registrations(event)
    _notify_registrants(registrations, kind="events.cancelled", event=event)
    _email_on_commit(registrations, "event_cancelled", event=event)


def event_cancel(*, event: EventPage) -> EventPage:
    """Cancels an event: STATUS:CANCELLED in feeds (for 30 days), SEQUENCE bumped,
    registrants told by email (METHOD:CANCEL) and notification. Idempotent."""
    original = event.original
    if original.cancelled_at is not None:
        return original
    return event_update(event=original, cancelled=True)


def _announce_replay(event: EventPage, *, now) -> None:
    event.replay_announced_at = now
    registrations = _active_registrations(event, statuses=(Status.CONFIRMED,))
    for registration in registrations:
        RegistrationMessage.objects.get_or_create(
            registration=registration, kind=RegistrationMessage.Kind.REPLAY
        )
    _notify_registrants(registrations, kind="events.replay", event=event)
    _email_on_commit(registrations, "replay", event=event)


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
    from .tasks import deliver_registration_email

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
                    deliver_registration_email(registration_id=registration_id, kind=window.kind)
            except IntegrityError:
                continue  # another run sent it
            sent += 1
    return sent


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
        from .tasks import send_registrants_message

        for registration_id in ids:
            send_registrants_message.enqueue(
                registration_id=registration_id, subject=subject, body=body
            )

    transaction.on_commit(enqueue)
    return len(ids)


def calendar_token_get_or_create(*, user) -> CalendarToken:
    token, _ = CalendarToken.objects.get_or_create(user=user)
    return token


def calendar_token_regenerate(*, user) -> CalendarToken:
    """Replaces the member's private calendar secret: the old URL answers 404 at once."""
    token, created = CalendarToken.objects.get_or_create(user=user)
    if not created:
        token.token = new_feed_token()
        token.save(update_fields=["token", "created_at"])
    return token


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
