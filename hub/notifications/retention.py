"""Retention of notifications (Loi 25). Registered on `hub.extensions.retention_tasks` from
hooks.py; the privacy room runs it with the period of HUB_RETENTION["notifications"]."""

import datetime

from django.conf import settings

from .models import DigestRun, Notification


def notifications_purge(*, now: datetime.datetime, days: int) -> int:
    """Deletes read notifications after HUB_RETENTION["read_notifications"] days (or `days`
    when that is not set) and every other one after `days`, and the digest's empty notes
    after a week. Idempotent. Returns how many rows were deleted."""
    read_days = settings.HUB_RETENTION.get("read_notifications") or days
    deleted, _ = Notification.objects.filter(
        read_at__isnull=False, created_at__lt=now - datetime.timedelta(days=read_days)
    ).delete()
    more, _ = Notification.objects.filter(
        created_at__lt=now - datetime.timedelta(days=days)
    ).delete()
    # The digest looks at each member once a period and notes it even when nothing left;
    # those empty notes matter only until the next period.
    empty, _ = DigestRun.objects.filter(
        items=0, created_at__lt=now - datetime.timedelta(days=8)
    ).delete()
    return deleted + more + empty
