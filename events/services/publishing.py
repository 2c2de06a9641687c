"""What publishing an event does (staff publish in Wagtail, or `event_update` outside it):
a new schedule bumps SEQUENCE and tells registrants, cancelling cancels, a replay link is
announced once, a larger capacity promotes from the waitlist, and translations copy what
the original owns."""

from django.db import transaction
from django.utils import timezone

from ..models import EventPage, RegistrationMessage
from .common import Status, active_registrations, email_on_commit, lock_original, notify_registrants
from .registrations import fill_seats


def schedule_signature(event: EventPage) -> str:
    """What a calendar cares about: when it starts, how long it lasts, where it is."""
    return "|".join(
        [event.start.isoformat(), event.effective_end.isoformat(), event.place, event.platform]
    )[:200]


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
        through.objects.filter(eventpage_id=original.pk).values_list("theme_id", flat=True)
    )
    through.objects.filter(eventpage_id__in=translations).delete()
    through.objects.bulk_create(
        [through(eventpage_id=pk, theme_id=theme) for pk in translations for theme in theme_ids]
    )


def event_published(*, page: EventPage) -> None:
    """Runs after staff publish an event page (either language). On the original: a new
    date, duration or place bumps SEQUENCE and tells registrants (updated invitation);
    ticking "cancelled" cancels (METHOD:CANCEL); a new replay link is announced once;
    a larger capacity promotes from the waitlist. Then translations copy the original's
    dates and links. Publishing a translation only re-copies from the original."""
    with transaction.atomic():
        original = lock_original(page)
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
            registrations = active_registrations(original)
            notify_registrants(registrations, kind="events.changed", event=original)
            email_on_commit(
                [r for r in registrations if r.status == Status.CONFIRMED],
                "changed",
                event=original,
            )
        original.schedule_signature = signature
        if original.replay_url and original.replay_announced_at is None and original.is_past:
            _announce_replay(original, now=now)
        _save_service_fields(original)
        fill_seats(original)
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
    registrations = active_registrations(event)
    notify_registrants(registrations, kind="events.cancelled", event=event)
    email_on_commit(registrations, "event_cancelled", event=event)


def event_cancel(*, event: EventPage) -> EventPage:
    """Cancels an event: STATUS:CANCELLED in feeds (for 30 days), SEQUENCE bumped,
    registrants told by email (METHOD:CANCEL) and notification. Idempotent."""
    original = event.original
    if original.cancelled_at is not None:
        return original
    return event_update(event=original, cancelled=True)


def _announce_replay(event: EventPage, *, now) -> None:
    event.replay_announced_at = now
    registrations = active_registrations(event, statuses=(Status.CONFIRMED,))
    for registration in registrations:
        RegistrationMessage.objects.get_or_create(
            registration=registration, kind=RegistrationMessage.Kind.REPLAY
        )
    notify_registrants(registrations, kind="events.replay", event=event)
    email_on_commit(registrations, "replay", event=event)
