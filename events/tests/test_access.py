"""The events' rules as truth tables (events/access.py): who is offered the join page, who
sees the join link and when, who sees the attendee lists, whose calendar a token opens —
for a visitor, a member, a confirmed registrant, a waitlisted one, staff and a superuser,
on a webinar, a hybrid, an in-person and a cancelled event."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from events import access, selectors, services
from events.models import EventPage, Registration

pytestmark = pytest.mark.django_db
T, F = True, False
PERSONAS = ("visitor", "member", "confirmed", "waitlisted", "staff", "superuser")
Format = EventPage.Format


def url(name, *args):
    with translation.override("fr"):
        return reverse(f"events:{name}", args=args)


@pytest.fixture
def people(make_member):
    return {
        "visitor": AnonymousUser(),
        "member": make_member(),
        "confirmed": make_member(),
        "waitlisted": make_member(),
        "staff": make_member(is_staff=True),
        "superuser": make_member(is_staff=True, is_superuser=True),
    }


@pytest.fixture
def events(make_event, people):
    """One event of each kind, one seat, taken by "confirmed"; "waitlisted" waits."""
    made = {}
    for kind in ("webinar", "hybrid", "in_person", "cancelled"):
        page = make_event(
            capacity=1,
            format=Format.WEBINAR if kind == "cancelled" else kind,
            start=timezone.now() + timedelta(minutes=10),  # the join window is open
        )
        services.registration_create(event=page, user=people["confirmed"])
        services.registration_create(event=page, user=people["waitlisted"])
        if kind == "cancelled":
            page = services.event_cancel(event=page)
        made[kind] = page
    return made


def rows(rule, people, events):
    return {
        kind: tuple(
            rule(event, selectors.registration_for(event=event, user=people[who]))
            for who in PERSONAS
        )
        for kind, event in events.items()
    }


#                 visitor member confirmed waitlisted staff superuser
ONLY_CONFIRMED = (F, F, T, F, F, F)
NOBODY = (F, F, F, F, F, F)


def test_who_is_offered_the_join_page(people, events):
    rule = lambda event, registration: access.can_see_join_page(  # noqa: E731
        event=event, registration=registration
    )
    assert rows(rule, people, events) == {
        "webinar": ONLY_CONFIRMED,
        "hybrid": ONLY_CONFIRMED,
        "in_person": NOBODY,
        "cancelled": NOBODY,
    }


def test_who_sees_the_join_link_and_when(people, events):
    webinar = {"webinar": events["webinar"]}
    start = events["webinar"].start
    for now, expected in (
        (start - timedelta(minutes=16), NOBODY),  # before the window
        (start - timedelta(minutes=15), ONLY_CONFIRMED),  # it opens 15 minutes before
        (start + timedelta(minutes=30), ONLY_CONFIRMED),
        (events["webinar"].effective_end, NOBODY),  # and closes at the end
    ):
        rule = lambda event, registration, now=now: access.can_see_join_link(  # noqa: E731
            event=event, registration=registration, now=now
        )
        assert rows(rule, people, webinar) == {"webinar": expected}, now
    rule = lambda event, registration: access.can_see_join_link(  # noqa: E731
        event=event, registration=registration
    )
    assert rows(rule, people, events) == {
        "webinar": ONLY_CONFIRMED,
        "hybrid": ONLY_CONFIRMED,
        "in_person": NOBODY,
        "cancelled": NOBODY,
    }


def test_who_sees_the_attendee_lists(people, events, make_member, client):
    answers = [access.can_see_registrations(people[who]) for who in PERSONAS]
    assert answers == [F, F, F, F, T, T]
    assert not access.can_see_registrations(make_member(is_staff=True, is_active=False))
    page = events["webinar"]
    with pytest.raises(PermissionDenied):
        access.access_registrations(user=people["member"], pk=page.pk)
    with pytest.raises(Http404):
        access.access_registrations(user=people["staff"], pk=999_999)
    assert access.access_registrations(user=people["staff"], pk=page.pk) == page
    # The page, its CSV and the event page's link, by the same rule.
    for who, allowed in (("member", F), ("confirmed", F), ("staff", T)):
        client.force_login(people[who])
        assert (client.get(url("registrations", page.pk)).status_code == 200) is allowed
        assert (client.get(url("registrations_csv", page.pk)).status_code == 200) is allowed
        link = url("registrations", page.pk) in client.get(page.url).content.decode()
        assert link is allowed, who


def test_a_calendar_token_opens_its_members_calendar_only_while_valid(people, make_member):
    member = people["confirmed"]
    token = services.calendar_token_get_or_create(user=member).token
    assert access.access_private_feed(token=token) == member
    services.calendar_token_regenerate(user=member)
    for bad in (token, "", "n'importe-quoi", "x" * 500):
        with pytest.raises(Http404):
            access.access_private_feed(token=bad)
    gone = make_member(is_active=False)
    with pytest.raises(Http404):
        access.access_private_feed(token=services.calendar_token_get_or_create(user=gone).token)


def test_the_join_page_shows_the_link_by_the_same_rule(people, events, client):
    for kind, who, status, shown in (
        ("webinar", "confirmed", 200, T),
        ("webinar", "waitlisted", 403, F),
        ("webinar", "staff", 403, F),
        ("cancelled", "confirmed", 200, F),
    ):
        client.force_login(people[who])
        response = client.get(url("join", events[kind].pk))
        assert response.status_code == status, (kind, who)
        assert ("zoom.example/j/secret-123" in response.content.decode()) is shown, (kind, who)


# --- where two copies of the rule disagreed --------------------------------------------------
# The event page offered "Join the webinar" only for events with an online part; the emails,
# the invitations and the private calendar offered the join page for in-person events too,
# and the join page showed the link if one had been typed in.


def test_an_in_person_event_has_no_join_page_anywhere(people, events, client):
    page = events["in_person"]
    member = people["confirmed"]
    join = url("join", page.pk)
    client.force_login(member)
    assert join not in client.get(page.url).content.decode()
    assert client.get(join).status_code == 404
    token = services.calendar_token_get_or_create(user=member).token
    feed = client.get(url("private_feed", token)).content.decode()
    assert page.title in feed
    assert join not in feed
    assert url("join", events["webinar"].pk) in feed and url("join", events["hybrid"].pk) in feed
    mail.outbox.clear()
    from events.tasks import deliver_registration_email

    registration = Registration.objects.get(event=page, user=member)
    deliver_registration_email(registration_id=registration.pk, kind="changed")
    (message,) = mail.outbox
    assert "/rejoindre/" not in message.body
    (content,) = [c for c, mimetype in message.alternatives if mimetype.startswith("text/cal")]
    assert "/rejoindre/" not in str(Calendar.from_ical(content).walk("VEVENT")[0]["DESCRIPTION"])


def test_a_hybrid_event_keeps_its_join_page_in_emails_and_calendars(people, events, client):
    page = events["hybrid"]
    mail.outbox.clear()
    from events.tasks import deliver_registration_email

    registration = Registration.objects.get(event=page, user=people["confirmed"])
    deliver_registration_email(registration_id=registration.pk, kind="changed")
    (message,) = mail.outbox
    assert url("join", page.pk) in message.body
