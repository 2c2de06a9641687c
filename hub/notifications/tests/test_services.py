"""The rules of notify(): rows in the caller's transaction, events only after commit, never
to the actor, collapsed duplicates, exactly these events to exactly these people."""

import pytest
from django.db import transaction

from hub.notifications.models import Notification
from hub.notifications.services import notifications_mark_read, notify, unread_count

pytestmark = pytest.mark.django_db


def test_rows_are_written_at_once_but_events_leave_only_after_commit(
    test_kinds, make_member, topic, live_events, django_capture_on_commit_callbacks
):
    ana, ben = make_member(first_name="Ana"), make_member(first_name="Ben", last_name="Roy")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        rows = notify(recipients=[ana], kind="test.reply", actor=ben, target=topic, url="/fr/t/1/")
        assert Notification.objects.filter(recipient=ana).count() == 1
        assert live_events == {}
    assert len(callbacks) == 1
    assert live_events == {
        ana.pk: [
            {
                "type": "notification",
                "id": rows[0].pk,
                "kind": "test.reply",
                "text": "Ben R. a répondu dans « Budget 2027 »",
                "url": "/fr/t/1/",
                "count": 1,
                "read": False,
                "unread": 1,
            }
        ]
    }


def test_exactly_these_events_reach_exactly_these_people(
    test_kinds, make_member, topic, live_events, django_capture_on_commit_callbacks
):
    ana, ben, carl, actor = (make_member() for _ in range(4))
    dormant = make_member(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipients=[ana, ben, ana, actor, dormant, None],
            kind="test.accepted",
            actor=actor,
            target=topic,
        )
    assert sorted(live_events) == sorted([ana.pk, ben.pk])
    assert [e["type"] for e in live_events[ana.pk]] == ["notification"]
    assert [e["type"] for e in live_events[ben.pk]] == ["notification"]
    assert carl.pk not in live_events
    assert Notification.objects.filter(recipient__in=[actor, dormant, carl]).count() == 0


def test_the_actor_is_never_notified_of_their_own_action(
    test_kinds, make_member, topic, live_events
):
    ana = make_member()
    assert notify(recipients=[ana], kind="test.reply", actor=ana, target=topic) == []
    assert not Notification.objects.exists()


def test_ten_replies_collapse_into_one_unread_row(
    test_kinds, make_member, topic, live_events, django_capture_on_commit_callbacks
):
    ana, ben = make_member(), make_member(first_name="Ben", last_name="Roy")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(10):
            notify(recipients=[ana], kind="test.reply", actor=ben, target=topic)
    row = Notification.objects.get(recipient=ana)
    assert row.count == 10
    assert row.text == "10 nouvelles réponses dans « Budget 2027 »"
    assert unread_count(user=ana) == 1
    assert [e["count"] for e in live_events[ana.pk]] == list(range(1, 11))
    assert {e["id"] for e in live_events[ana.pk]} == {row.pk}


def test_once_read_a_new_reply_starts_a_new_row(test_kinds, make_member, topic, live_events):
    ana, ben = make_member(), make_member()
    notify(recipients=[ana], kind="test.reply", actor=ben, target=topic)
    notifications_mark_read(user=ana)
    notify(recipients=[ana], kind="test.reply", actor=ben, target=topic)
    assert list(Notification.objects.filter(recipient=ana).values_list("count", flat=True)) == [
        1,
        1,
    ]
    assert unread_count(user=ana) == 1


def test_kinds_without_a_collapsed_text_never_collapse(test_kinds, make_member, topic):
    ana = make_member()
    notify(recipients=[ana], kind="test.accepted", target=topic)
    notify(recipients=[ana], kind="test.accepted", target=topic)
    assert Notification.objects.filter(recipient=ana).count() == 2


def test_the_text_is_written_in_the_recipients_language(test_kinds, make_member, topic):
    anglo = make_member(preferred_language="en")
    franco = make_member(preferred_language="fr")
    ben = make_member(first_name="Ben", last_name="Roy")
    notify(recipients=[anglo, franco], kind="test.reply", actor=ben, target=topic)
    assert Notification.objects.get(recipient=anglo).text == "Ben R. replied in “Budget 2027”"
    assert (
        Notification.objects.get(recipient=franco).text == "Ben R. a répondu dans « Budget 2027 »"
    )


def test_an_unknown_kind_is_refused(make_member):
    with pytest.raises(LookupError):
        notify(recipients=[make_member()], kind="nope.never")


def test_a_kind_refuses_an_unknown_delivery(test_kinds):
    from hub.notifications.kinds import Kind

    with pytest.raises(ValueError):
        Kind("test.bad", label="x", one="x", default_delivery="sms")


def test_marking_read_tells_every_tab_which_rows_and_the_new_count(
    test_kinds, make_member, topic, live_events, django_capture_on_commit_callbacks
):
    ana = make_member()
    first, second = (
        notify(recipients=[ana], kind="test.accepted", target=topic)[0] for _ in range(2)
    )
    live_events.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_mark_read(user=ana, ids=[first.pk]) == 1
    assert live_events == {ana.pk: [{"type": "read", "ids": [first.pk], "unread": 1}]}
    live_events.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_mark_read(user=ana, ids=[first.pk]) == 0  # already read: silent
        assert notifications_mark_read(user=ana) == 1
    assert live_events == {ana.pk: [{"type": "read", "ids": None, "unread": 0}]}
    second.refresh_from_db()
    assert second.is_read


def test_reading_the_target_marks_its_notifications_read(test_kinds, make_member, topic):
    from hub.accounts.tests.factories import OrganisationFactory

    ana, ben = make_member(), make_member()
    other = OrganisationFactory()
    notify(recipients=[ana], kind="test.reply", actor=ben, target=topic)
    notify(recipients=[ana], kind="test.reply", actor=ben, target=other)
    assert notifications_mark_read(user=ana, target=topic) == 1
    assert unread_count(user=ana) == 1


def test_a_member_never_marks_another_members_rows(test_kinds, make_member, topic):
    ana, ben = make_member(), make_member()
    row = notify(recipients=[ana], kind="test.accepted", target=topic)[0]
    assert notifications_mark_read(user=ben, ids=[row.pk]) == 0
    assert unread_count(user=ana) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nothing_is_sent_or_kept_when_the_callers_transaction_rolls_back(
    test_kinds, make_member, topic, live_events
):
    ana, ben = make_member(), make_member()

    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction.atomic():
        notify(recipients=[ana], kind="test.reply", actor=ben, target=topic)
        raise Boom
    assert not Notification.objects.exists()
    assert live_events == {}

    with transaction.atomic():
        notify(recipients=[ana], kind="test.reply", actor=ben, target=topic)
        assert live_events == {}  # still inside the transaction
    assert [e["type"] for e in live_events[ana.pk]] == ["notification"]
