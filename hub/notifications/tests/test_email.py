"""Preferences and email: immediate emails after commit, an idempotent daily digest, and
never an email about what the member already read on the site."""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from hub import emails, extensions
from hub.notifications import services
from hub.notifications.kinds import DIGEST, EMAIL, NONE, SITE
from hub.notifications.models import DigestRun, Notification, NotificationPreference
from hub.notifications.services import (
    digest_send,
    notifications_mark_read,
    notify,
    preferences_for,
    preferences_set,
)

pytestmark = pytest.mark.django_db

MONTREAL = ZoneInfo("America/Toronto")
MONDAY_9H = datetime(2026, 11, 30, 9, 0, tzinfo=MONTREAL)


@pytest.fixture(autouse=True)
def digest_hour(settings):
    settings.HUB_NOTIFICATION_DIGEST_HOUR = 7


def test_defaults_come_from_the_kind_until_the_member_chooses(test_kinds, make_member):
    ana = make_member()
    assert {k.code: d for k, d in preferences_for(user=ana)}.items() >= {
        "test.reply": SITE,
        "test.accepted": EMAIL,
        "test.digest": DIGEST,
    }.items()
    preferences_set(user=ana, deliveries={"test.reply": DIGEST, "test.accepted": NONE})
    assert {k.code: d for k, d in preferences_for(user=ana)}.items() >= {
        "test.reply": DIGEST,
        "test.accepted": NONE,
        "test.digest": DIGEST,
    }.items()
    with pytest.raises(LookupError):
        preferences_set(user=ana, deliveries={"nope": SITE})


def test_never_means_no_row_no_event(test_kinds, make_member, topic, live_events):
    ana = make_member()
    preferences_set(user=ana, deliveries={"test.reply": NONE})
    assert notify(recipients=[ana], kind="test.reply", target=topic) == []
    assert not Notification.objects.exists()


def test_email_at_once_leaves_after_commit_with_an_unsubscribe_link(
    test_kinds, make_member, topic, live_events, django_capture_on_commit_callbacks
):
    ana = make_member(preferred_language="fr", email="ana@exemple.org")
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[ana], kind="test.accepted", target=topic, url="/fr/forum/t/1/")
        assert mail.outbox == []  # not before commit
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@exemple.org"]
    assert "Votre question « Budget 2027 » est résolue" in message.subject
    assert "http://testserver/fr/forum/t/1/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://testserver/")
    row = Notification.objects.get()
    assert row.emailed_count == 1 and row.emailed_at is not None


def test_a_row_read_before_the_email_leaves_is_not_emailed(test_kinds, make_member, topic):
    ana = make_member()
    row = notify(recipients=[ana], kind="test.accepted", target=topic)[0]
    notifications_mark_read(user=ana, ids=[row.pk])
    assert services.notification_email_send(notification_id=row.pk) is False
    assert mail.outbox == []


def test_an_immediate_email_is_never_sent_twice(test_kinds, make_member, topic):
    ana = make_member()
    row = notify(recipients=[ana], kind="test.accepted", target=topic)[0]
    assert services.notification_email_send(notification_id=row.pk) is True
    assert services.notification_email_send(notification_id=row.pk) is False
    assert len(mail.outbox) == 1


def test_a_failed_email_leaves_the_row_pending(test_kinds, make_member, topic, monkeypatch):
    ana = make_member()
    row = notify(recipients=[ana], kind="test.accepted", target=topic)[0]

    def broken(**kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr(emails, "send_member_email", broken)
    with pytest.raises(OSError):
        services.notification_email_send(notification_id=row.pk)
    row.refresh_from_db()
    assert row.emailed_count == 0
    monkeypatch.undo()
    assert services.notification_email_send(notification_id=row.pk) is True


def _digest_rows(make_member, topic, n=3):
    from hub.accounts.tests.factories import OrganisationFactory

    ana = make_member(email="ana@exemple.org")
    targets = [topic] + [OrganisationFactory(name=f"Trousse {i}") for i in range(n - 1)]
    rows = [
        notify(recipients=[ana], kind="test.digest", target=t, url=f"/fr/r/{i}/")[0]
        for i, t in enumerate(targets)
    ]
    return ana, rows


def test_the_digest_reports_unread_rows_once(test_kinds, make_member, topic, settings):
    settings.HUB_NOTIFICATION_DIGEST_HOUR = 0  # the command uses the real clock
    ana, rows = _digest_rows(make_member, topic)
    notifications_mark_read(user=ana, ids=[rows[1].pk])  # read on the site: not reported

    call_command("send_notification_digests", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Nouvelle ressource : Budget 2027" in body
    assert "Trousse 1" in body and "Trousse 0" not in body
    assert "2 notifications" in mail.outbox[0].subject
    run = DigestRun.objects.get()
    assert run.items == 2 and run.sent
    assert set(run.notifications.values_list("pk", flat=True)) == {rows[0].pk, rows[2].pk}

    call_command("send_notification_digests", stdout=io.StringIO())  # second run
    assert len(mail.outbox) == 1
    assert DigestRun.objects.count() == 1


def test_new_activity_on_a_reported_row_waits_for_the_next_days_digest(
    test_kinds, make_member, topic
):
    ana, rows = _digest_rows(make_member, topic, n=1)
    assert digest_send(user=ana, now=MONDAY_9H) is not None
    notify(recipients=[ana], kind="test.digest", target=topic)  # collapses: count 2
    assert digest_send(user=ana, now=MONDAY_9H + timedelta(hours=3)) is None  # once a day
    assert digest_send(user=ana, now=MONDAY_9H + timedelta(days=1)) is not None
    assert "2 nouvelles ressources : Budget 2027" in mail.outbox[1].body
    assert digest_send(user=ana, now=MONDAY_9H + timedelta(days=2)) is None  # nothing new
    assert len(mail.outbox) == 2


def test_no_digest_leaves_before_the_digest_hour(test_kinds, make_member, topic):
    ana, rows = _digest_rows(make_member, topic, n=1)
    assert digest_send(user=ana, now=MONDAY_9H.replace(hour=6, minute=59)) is None
    assert services.digests_send_all(now=MONDAY_9H.replace(hour=6)) == {
        "sent": 0,
        "skipped": 0,
        "failed": 0,
    }
    assert digest_send(user=ana, now=MONDAY_9H.replace(hour=7)) is not None


def test_a_digest_that_fails_to_send_marks_nothing(test_kinds, make_member, topic, monkeypatch):
    ana, rows = _digest_rows(make_member, topic)

    def broken(**kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr(emails, "send_member_email", broken)
    assert services.digests_send_all(now=MONDAY_9H) == {"sent": 0, "skipped": 0, "failed": 1}
    assert not DigestRun.objects.exists()
    assert Notification.objects.email_pending(DIGEST).count() == 3
    monkeypatch.undo()
    assert services.digests_send_all(now=MONDAY_9H) == {"sent": 1, "skipped": 0, "failed": 0}
    assert len(mail.outbox) == 1


def test_a_member_who_refuses_notification_emails_gets_none_and_rows_are_settled(
    test_kinds, make_member, topic
):
    ana, rows = _digest_rows(make_member, topic)
    with extensions.email_consent_rule.override("test", lambda member, category: False):
        assert services.digests_send_all(now=MONDAY_9H) == {"sent": 0, "skipped": 1, "failed": 0}
    assert mail.outbox == []
    assert Notification.objects.email_pending(DIGEST).count() == 0


def test_switching_a_kind_to_site_only_cancels_its_pending_digest(test_kinds, make_member, topic):
    ana, rows = _digest_rows(make_member, topic)
    preferences_set(user=ana, deliveries={"test.digest": SITE})
    assert digest_send(user=ana, now=MONDAY_9H) is None
    assert NotificationPreference.objects.get(user=ana).delivery == SITE


def test_the_digest_is_written_in_the_members_language(test_kinds, make_member, topic):
    ana = make_member(preferred_language="en")
    notify(recipients=[ana], kind="test.digest", target=topic)
    digest_send(user=ana, now=MONDAY_9H)
    assert "New resource: Budget 2027" in mail.outbox[0].body
    assert "Here is what happened" in mail.outbox[0].body
