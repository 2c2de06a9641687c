"""Invitations a member gets by email (RFC 5546): every one of them, in whatever order the
worker sends them, can be told apart from the ones before by its SEQUENCE, and carries
the time it was made as DTSTAMP (METHOD is present)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from events import services
from events.models import EventPage

pytestmark = pytest.mark.django_db


def vevent(message):
    for content, mimetype in message.alternatives:
        if mimetype.startswith("text/calendar"):
            calendar = Calendar.from_ical(content)
            (event,) = calendar.walk("VEVENT")
            return str(calendar["METHOD"]), event
    raise AssertionError("no text/calendar part")


@pytest.fixture
def edited_an_hour_ago(event):
    """The event's last edit lies in the past, as it does when members register."""
    hour_ago = timezone.now() - timedelta(hours=1)
    EventPage.objects.filter(pk=event.pk).update(
        last_published_at=hour_ago, latest_revision_created_at=hour_ago, changed_at=hour_ago
    )
    return event


def test_cancelling_and_registering_again_raise_the_sequence_and_stamp_the_send_time(
    edited_an_hour_ago, member, django_capture_on_commit_callbacks
):
    event = edited_an_hour_ago
    steps = [
        lambda: services.registration_create(event=event, user=member),
        lambda: services.registration_cancel(registration=member.event_registrations.get()),
        lambda: services.registration_create(event=event, user=member),
        lambda: services.registration_cancel(registration=member.event_registrations.get()),
        lambda: services.registration_create(event=event, user=member),
    ]
    sent = []
    for step in steps:
        mail.outbox.clear()
        before = timezone.now().replace(microsecond=0)
        with django_capture_on_commit_callbacks(execute=True):
            step()
        (message,) = mail.outbox
        method, component = vevent(message)
        assert before <= component["DTSTAMP"].dt <= timezone.now()
        sent.append((method, component["SEQUENCE"], str(component["STATUS"])))
    assert [method for method, *_ in sent] == ["REQUEST", "CANCEL"] * 2 + ["REQUEST"]
    sequences = [sequence for _, sequence, _ in sent]
    assert sequences == sorted(set(sequences)), sequences  # strictly rising
    # An event change afterwards still goes above everything the member got.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(event=event, start=event.start + timedelta(hours=1))
    (message,) = mail.outbox
    assert vevent(message)[1]["SEQUENCE"] > sequences[-1]


def test_a_withdrawal_sent_late_by_the_worker_still_loses_to_the_newer_invitation(
    event, member, django_capture_on_commit_callbacks
):
    registration = services.registration_create(event=event, user=member)
    with django_capture_on_commit_callbacks() as cancel:
        services.registration_cancel(registration=registration)
    with django_capture_on_commit_callbacks() as register_again:
        services.registration_create(event=event, user=member)
    mail.outbox.clear()
    for callback in [*register_again, *cancel]:  # the worker picks them up out of order
        callback()
    (_, request), (_, withdrawal) = (vevent(message) for message in mail.outbox)
    assert str(withdrawal["STATUS"]) == "CANCELLED"
    assert withdrawal["SEQUENCE"] < request["SEQUENCE"]
