import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from hub.accounts.models import User
from hub.accounts.tests.factories import UserFactory
from hub.privacy import wordings
from hub.privacy.models import ConsentEvent, Incident, MemberPrivacy
from hub.privacy.retention import run_retention
from hub.privacy.services import consent_set

from .factories import IncidentFactory, PrivacyRequestFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def test_inactive_members_get_a_notice_then_are_deleted_unless_they_come_back():
    sleeper = UserFactory(email="dormeur@exemple.org")
    comeback = UserFactory(email="retour@exemple.org")
    active = UserFactory(email="active@exemple.org", last_login=days_ago(2))
    User.objects.filter(pk__in=[sleeper.pk, comeback.pk]).update(last_login=days_ago(3 * 365 + 1))

    run_retention(now=NOW)
    notices = {message.to[0] for message in mail.outbox}
    assert notices == {"dormeur@exemple.org", "retour@exemple.org"}
    assert "supprimé" in mail.outbox[0].subject

    # The same day again: no second notice, nothing deleted (idempotent).
    run_retention(now=NOW)
    assert len(mail.outbox) == 2

    User.objects.filter(pk=comeback.pk).update(last_login=NOW + datetime.timedelta(days=1))
    run_retention(now=NOW + datetime.timedelta(days=31))
    sleeper.refresh_from_db()
    comeback.refresh_from_db()
    active.refresh_from_db()
    assert sleeper.deleted_at is not None
    assert comeback.deleted_at is None
    assert MemberPrivacy.objects.get(user=comeback).inactivity_notice_sent_at is None
    assert active.deleted_at is None


def test_old_sessions_requests_incidents_and_logs_are_removed():
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session

    member = UserFactory()
    store = SessionStore()
    store["x"] = 1
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=days_ago(1))

    PrivacyRequestFactory(status="done", answered_on=days_ago(2 * 365 + 1).date())
    kept_request = PrivacyRequestFactory(status="done", answered_on=days_ago(10).date())
    IncidentFactory(learned_on=days_ago(5 * 365 + 2).date())
    kept_incident = IncidentFactory(learned_on=days_ago(4 * 365).date())

    gone = UserFactory()
    consent_set(user=gone, subject=wordings.NEWSLETTER, given=True, method="signup_form")
    User.objects.filter(pk=gone.pk).update(deleted_at=days_ago(3 * 365 + 1), is_active=False)
    consent_set(user=member, subject=wordings.NEWSLETTER, given=True, method="signup_form")

    first = run_retention(now=NOW)
    assert first["sessions"] == 1
    assert first["privacy_requests"] == 1
    assert first["incidents"] == 1
    assert first["consent_log_after_deletion"] == 1
    assert list(Incident.objects.all()) == [kept_incident]
    assert kept_request.__class__.objects.get() == kept_request
    assert list(ConsentEvent.objects.values_list("user", flat=True)) == [member.pk]

    second = run_retention(now=NOW)
    assert set(second.values()) == {0}


def test_the_incident_register_is_kept_at_least_5_years_whatever_the_setting(settings):
    settings.HUB_RETENTION = {**settings.HUB_RETENTION, "incidents": 30}
    IncidentFactory(learned_on=days_ago(400).date())
    run_retention(now=NOW)
    assert Incident.objects.count() == 1


def test_the_command_runs_every_task_and_prints_counts():
    import io

    out = io.StringIO()
    call_command("privacy_retention", stdout=out)
    assert "inactive_accounts: 0" in out.getvalue()
    assert "incidents: 0" in out.getvalue()


def test_feature_apps_register_their_own_data_types(settings):
    from hub import extensions

    calls = []
    task = extensions.RetentionTask(
        key="event_attendees",
        label="Attendees",
        description="Lists of past events",
        run=lambda *, now, days: calls.append(days) or 3,
    )
    with extensions.retention_tasks.override(task.key, task):
        assert run_retention(now=NOW)["event_attendees"] == 3
    assert calls == [365]
    assert extensions.retention_tasks.get("event_attendees") is not task  # events' is back
