"""Retention of notifications: notifications registers the task, privacy runs it."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from hub.accounts.tests.factories import UserFactory
from hub.notifications.models import Notification
from hub.notifications.retention import notifications_purge

pytestmark = pytest.mark.django_db


def test_read_notifications_go_after_180_days_and_the_others_after_a_year():
    now = timezone.now()
    member = UserFactory()
    old_read = Notification.objects.create(recipient=member, kind="test", text="lu", read_at=now)
    unread = Notification.objects.create(recipient=member, kind="test", text="pas lu")
    very_old = Notification.objects.create(recipient=member, kind="test", text="vieux")
    Notification.objects.filter(pk__in=[old_read.pk, unread.pk]).update(
        created_at=now - datetime.timedelta(days=181)
    )
    Notification.objects.filter(pk=very_old.pk).update(
        created_at=now - datetime.timedelta(days=366)
    )
    out = io.StringIO()
    call_command("privacy_retention", stdout=out)
    assert "notifications: 2" in out.getvalue()
    assert list(Notification.objects.all()) == [unread]
    assert notifications_purge(now=now, days=365) == 0  # idempotent
