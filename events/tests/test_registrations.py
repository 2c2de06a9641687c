"""Registration, waitlist, cancellation, changes and the emails they send."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from events import services
from events.models import CalendarToken, EventPage, Registration, RegistrationMessage
from events.selectors import waitlist_position
from events.services import RegistrationError

from .factories import event_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return run


def invitation(message) -> Calendar:
    """The text/calendar part Gmail and Outlook read."""
    for content, mimetype in message.alternatives:
        if mimetype.startswith("text/calendar"):
            return mimetype, Calendar.from_ical(content)
    raise AssertionError("no text/calendar part")


def test_registering_confirms_while_seats_remain_then_waitlists(event, make_member):
    first, second, third, fourth = (make_member() for _ in range(4))
    assert services.registration_create(event=event, user=first).status == "confirmed"
    assert services.registration_create(event=event, user=second).status == "confirmed"
    waiting = services.registration_create(event=event, user=third)
    later = services.registration_create(event=event, user=fourth)
    assert waiting.status == later.status == "waitlisted"
    assert waitlist_position(waiting) == 1
    assert waitlist_position(later) == 2
    assert Registration.objects.filter(event=event, status="confirmed").count() == 2


def test_french_and_english_pages_share_the_same_seats(event, make_member):
    english = event_translation(event)
    services.registration_create(event=event, user=make_member())
    registration = services.registration_create(event=english, user=make_member())
    assert registration.event_id == event.pk
    third = services.registration_create(event=english, user=make_member())
    assert third.status == "waitlisted"
    with pytest.raises(RegistrationError) as error:
        services.registration_create(event=event, user=registration.user)
    assert error.value.code == "already_registered"


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"cancelled": True}, "cancelled"),
        ({"registration_closes_at": timezone.now() - timedelta(hours=1)}, "closed"),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "not_open"),
        ({"start": timezone.now() - timedelta(days=1)}, "closed"),
    ],
)
def test_registration_is_refused_with_a_clear_reason_and_writes_nothing(
    make_event, member, fields, code, django_capture_on_commit_callbacks
):
    page = make_event(**fields)
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RegistrationError) as error:
            services.registration_create(event=page, user=member)
    assert error.value.code == code
    assert error.value.message
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_registering_twice_is_refused_and_changes_nothing(event, member, run_on_commit):
    registration = run_on_commit(services.registration_create, event=event, user=member)
    before = Registration.objects.values().get(pk=registration.pk)
    with pytest.raises(RegistrationError) as error:
        run_on_commit(services.registration_create, event=event, user=member)
    assert error.value.code == "already_registered"
    assert Registration.objects.values().get(pk=registration.pk) == before
    assert len(mail.outbox) == 1


def test_confirmation_email_is_in_french_with_a_request_invitation(
    event, member, run_on_commit, live_events
):
    run_on_commit(services.registration_create, event=event, user=member)
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert message.subject.startswith("Inscription confirmée")
    assert "de " in message.body and " h" in message.body
    assert "zoom.example" not in message.body  # the join link stays on the hub
    assert "/rejoindre/" in message.body
    assert "List-Unsubscribe" not in message.extra_headers  # transactional
    mimetype, calendar = invitation(message)
    assert mimetype == "text/calendar; method=REQUEST"
    assert calendar["METHOD"] == "REQUEST"
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == event.uid
    assert vevent["SEQUENCE"] == 0
    assert str(vevent["ATTENDEE"]) == f"mailto:{member.email}"
    assert str(vevent["ORGANIZER"]).startswith("mailto:")
    assert "zoom.example" not in vevent.to_ical().decode()
    assert [item["kind"] for item in live_events[member.pk]] == ["events.registered"]


def test_english_member_gets_english_email_with_english_title(event, make_member, run_on_commit):
    event_translation(event, title="Open data webinar")
    member = make_member(preferred_language="en")
    run_on_commit(services.registration_create, event=event, user=member)
    (message,) = mail.outbox
    assert message.subject == "Registration confirmed: Open data webinar"
    _, calendar = invitation(message)
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == "Open data webinar"


def test_cancelling_promotes_the_first_waitlisted_person_and_tells_them(
    event, make_member, run_on_commit, live_events
):
    first, second, third, fourth = (make_member() for _ in range(4))
    seat = services.registration_create(event=event, user=first)
    services.registration_create(event=event, user=second)
    services.registration_create(event=event, user=third)
    services.registration_create(event=event, user=fourth)
    mail.outbox.clear()
    promoted = run_on_commit(services.registration_cancel, registration=seat)
    assert [registration.user for registration in promoted] == [third]
    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses == {
        first.pk: "cancelled",
        second.pk: "confirmed",
        third.pk: "confirmed",
        fourth.pk: "waitlisted",
    }
    assert waitlist_position(Registration.objects.get(user=fourth)) == 1
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {first.email, third.email}
    assert invitation(by_recipient[first.email])[1]["METHOD"] == "CANCEL"
    assert invitation(by_recipient[third.email])[1]["METHOD"] == "REQUEST"
    assert by_recipient[third.email].subject.startswith("Une place s'est libérée")
    assert [item["kind"] for item in live_events[third.pk]] == ["events.promoted"]


def test_a_member_who_cancelled_can_register_again(event, member):
    registration = services.registration_create(event=event, user=member)
    services.registration_cancel(registration=registration)
    with pytest.raises(RegistrationError):
        services.registration_cancel(registration=registration)
    again = services.registration_create(event=event, user=member)
    assert again.pk == registration.pk and again.status == "confirmed"


def test_leaving_the_waitlist_promotes_nobody(event, make_member):
    for _ in range(2):
        services.registration_create(event=event, user=make_member())
    waiting = services.registration_create(event=event, user=make_member())
    assert services.registration_cancel(registration=waiting) == []
    assert Registration.objects.filter(status="confirmed").count() == 2


def test_answers_to_staff_questions_are_kept(make_event, member):
    page = make_event(questions="Votre organisme?\nUne question?")
    registration = services.registration_create(
        event=page, user=member, answers={"Votre organisme?": " Entraide Limoilou ", "x": "y"}
    )
    assert registration.answers == {"Votre organisme?": "Entraide Limoilou"}


def test_changing_the_time_bumps_sequence_and_sends_an_updated_invitation(
    event, member, run_on_commit, live_events
):
    english = event_translation(event)
    services.registration_create(event=event, user=member)
    mail.outbox.clear()
    live_events.clear()
    new_start = event.start + timedelta(hours=2)
    run_on_commit(services.event_update, event=english, start=new_start, end=None)
    event.refresh_from_db()
    english.refresh_from_db()
    assert event.sequence == 1
    assert english.sequence == 1 and english.start == new_start and english.end is None
    (message,) = mail.outbox
    _, calendar = invitation(message)
    assert calendar.walk("VEVENT")[0]["SEQUENCE"] == 1
    assert [item["kind"] for item in live_events[member.pk]] == ["events.changed"]
    # Words change, the time does not: no new SEQUENCE, nobody bothered.
    mail.outbox.clear()
    run_on_commit(services.event_update, event=event, summary="Nouveau résumé")
    event.refresh_from_db()
    assert event.sequence == 1
    assert mail.outbox == []


def test_a_revision_never_brings_back_an_older_sequence(event, member):
    services.event_update(event=event, start=event.start + timedelta(days=1))
    event.refresh_from_db()
    assert event.sequence == 1
    # An editor publishes a revision saved before the change.
    old_revision = event.revisions.order_by("created_at").first()
    old_revision.publish()
    event.refresh_from_db()
    assert event.sequence == 2  # the old time came back, so that is a change too


def test_cancelling_an_event_sends_method_cancel_to_everyone_registered(
    event, make_member, run_on_commit, live_events
):
    confirmed = make_member()
    services.registration_create(event=event, user=confirmed)
    services.registration_create(event=event, user=make_member())
    waiting = make_member()
    services.registration_create(event=event, user=waiting)
    mail.outbox.clear()
    run_on_commit(services.event_cancel, event=event)
    event.refresh_from_db()
    assert event.cancelled and event.cancelled_at is not None and event.sequence == 1
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        _, calendar = invitation(message)
        assert calendar["METHOD"] == "CANCEL"
        assert calendar.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
        assert calendar.walk("VEVENT")[0]["SEQUENCE"] == 1
    assert [item["kind"] for item in live_events[waiting.pk]] == ["events.cancelled"]
    # Cancelling twice changes nothing.
    mail.outbox.clear()
    run_on_commit(services.event_cancel, event=event)
    assert mail.outbox == []


def test_reminders_are_sent_once_even_when_the_command_runs_twice(make_event, make_member):
    from django.core.management import call_command

    soon = make_event(start=timezone.now() + timedelta(minutes=50))
    tomorrow = make_event(start=timezone.now() + timedelta(hours=20))
    later = make_event(start=timezone.now() + timedelta(days=3))
    cancelled_member = make_member()
    for page in (soon, tomorrow, later):
        services.registration_create(event=page, user=make_member())
    registration = services.registration_create(event=soon, user=cancelled_member)
    services.registration_cancel(registration=registration)
    mail.outbox.clear()
    call_command("events_send_reminders", stdout=open("/dev/null", "w"))
    kinds = sorted(RegistrationMessage.objects.values_list("kind", flat=True))
    assert kinds == ["reminder_1h", "reminder_24h"]
    assert len(mail.outbox) == 2
    assert all("List-Unsubscribe" in message.extra_headers for message in mail.outbox)
    call_command("events_send_reminders", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 2
    assert RegistrationMessage.objects.count() == 2


def test_a_failed_reminder_rolls_back_its_marker(make_event, member, monkeypatch):
    page = make_event(start=timezone.now() + timedelta(minutes=30))
    services.registration_create(event=page, user=member)

    def broken(**kwargs):
        raise ConnectionError("SMTP down")

    monkeypatch.setattr("events.tasks.deliver_registration_email", broken)
    with pytest.raises(ConnectionError):
        services.reminders_send()
    assert not RegistrationMessage.objects.exists()


def test_the_replay_is_announced_once_to_confirmed_registrants(
    make_event, make_member, run_on_commit, live_events
):
    page = make_event(start=timezone.now() + timedelta(hours=1), capacity=1)
    registered = make_member()
    services.registration_create(event=page, user=registered)
    services.registration_create(event=page, user=make_member())  # waitlisted
    EventPage.objects.filter(pk=page.pk).update(
        start=timezone.now() - timedelta(hours=3), end=timezone.now() - timedelta(hours=2)
    )
    page.refresh_from_db()
    signature = services.schedule_signature(page)
    EventPage.objects.filter(pk=page.pk).update(schedule_signature=signature)
    page.refresh_from_db()
    mail.outbox.clear()
    run_on_commit(services.event_update, event=page, replay_url="https://video.example/r")
    assert [message.to for message in mail.outbox] == [[registered.email]]
    assert "https://video.example/r" in mail.outbox[0].body
    assert [item["kind"] for item in live_events[registered.pk]] == ["events.replay"]
    mail.outbox.clear()
    run_on_commit(services.event_update, event=page, summary="Merci d'être venus")
    assert mail.outbox == []


def test_raising_the_capacity_promotes_from_the_waitlist(event, make_member):
    for _ in range(4):
        services.registration_create(event=event, user=make_member())
    services.event_update(event=event, capacity=3)
    assert Registration.objects.filter(status="confirmed").count() == 3
    assert Registration.objects.filter(status="waitlisted").count() == 1


def test_a_member_who_deletes_their_account_frees_their_seat(event, make_member):
    from hub.accounts.services import member_delete, member_export

    leaving = make_member()
    services.registration_create(event=event, user=leaving)
    services.registration_create(event=event, user=make_member())
    waiting = make_member()
    services.registration_create(event=event, user=waiting)
    services.calendar_token_get_or_create(user=leaving)
    exported = member_export(user=leaving)
    assert exported["events"][0]["status"] == "confirmed"
    member_delete(user=leaving)
    assert not Registration.objects.filter(user=leaving).exists()
    assert not CalendarToken.objects.filter(user=leaving).exists()
    assert Registration.objects.get(user=waiting).status == "confirmed"


def test_staff_mark_attendance(event, make_member):
    one = services.registration_create(event=event, user=make_member())
    two = services.registration_create(event=event, user=make_member())
    assert services.attendance_mark(event=event, attended_ids={one.pk}) == 2
    assert dict(Registration.objects.values_list("pk", "attended")) == {
        one.pk: True,
        two.pk: False,
    }
