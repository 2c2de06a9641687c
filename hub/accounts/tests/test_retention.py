"""Retention of accounts never confirmed: accounts registers the task, privacy runs it."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from hub.accounts.models import User
from hub.accounts.retention import unverified_accounts_purge

pytestmark = pytest.mark.django_db


def test_accounts_never_confirmed_are_deleted_after_30_days():
    old = User.objects.create_user("jamais@exemple.org", "x" * 12)
    User.objects.filter(pk=old.pk).update(date_joined=timezone.now() - datetime.timedelta(31))
    recent = User.objects.create_user("recent@exemple.org", "x" * 12)
    out = io.StringIO()
    call_command("privacy_retention", stdout=out)
    assert "unverified_accounts: 1" in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.deleted_at is not None and "jamais" not in old.email
    assert recent.deleted_at is None
    assert unverified_accounts_purge(now=timezone.now(), days=30) == 0  # idempotent
