"""Retention of accounts (Loi 25): sign-ups never confirmed go. Registered on
`hub.extensions.retention_tasks` from hooks.py; the privacy room runs it."""

import datetime

from allauth.account.models import EmailAddress

from .models import User
from .services import member_delete


def unverified_accounts_purge(*, now: datetime.datetime, days: int) -> int:
    """Deletes (anonymises, as `member_delete` does) every member who never confirmed an
    email address nor signed in, `days` after they signed up; staff are never touched.
    Idempotent: a deleted member is not found again. Returns how many were deleted."""
    verified = EmailAddress.objects.filter(verified=True).values("user_id")
    stale = User.objects.filter(
        deleted_at__isnull=True,
        is_staff=False,
        last_login__isnull=True,
        date_joined__lt=now - datetime.timedelta(days=days),
    ).exclude(pk__in=verified)
    count = 0
    for user in stale:
        member_delete(user=user)
        count += 1
    return count
