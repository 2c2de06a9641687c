"""Retention: what is deleted or anonymised, by data type, after the periods in
settings.HUB_RETENTION (days). The `privacy_retention` command runs every task registered on
`hub.extensions.retention_tasks`; each task is idempotent (a second run the same day changes
nothing). The privacy page lists the same tasks, so what is documented is what runs.

Each room registers the tasks for its own rows from its hooks.py (accounts: accounts never
confirmed; notifications; events: attendee lists), so this room imports none of them. The
tasks below are privacy's own policy, registered from hub/privacy/hooks.py: inactive
accounts (the notice date is kept in MemberPrivacy), sign-in sessions, the consent log of
deleted accounts, privacy requests and the incident register."""

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from hub import emails, extensions
from hub.accounts.models import User
from hub.accounts.services import member_delete

from .models import ConsentEvent, Incident, MemberPrivacy, PrivacyRequest


def period_days(key: str) -> int | None:
    return settings.HUB_RETENTION.get(key)


def retention_tasks() -> list[extensions.RetentionTask]:
    return [task for _key, task in extensions.retention_tasks.items()]


def run_retention(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Runs every task whose period is configured; returns rows changed per data type."""
    now = now or timezone.now()
    done = {}
    for key, task in extensions.retention_tasks.items():
        days = period_days(key)
        if days is None:
            continue
        done[key] = task.run(now=now, days=days)
    return done


# --- Privacy's own policy (registered from hooks.py) ------------------------------------


def inactive_accounts_purge(*, now, days) -> int:
    """Members who have not signed in for `days` get a notice by email; if they still have
    not signed in `inactive_notice` days after it, their account is deleted (anonymised)."""
    notice_days = period_days("inactive_notice") or 30
    limit = now - datetime.timedelta(days=days)
    count = 0
    # A member who signed in after the notice is no longer inactive: forget the notice.
    MemberPrivacy.objects.filter(
        inactivity_notice_sent_at__isnull=False,
        user__last_login__gt=F("inactivity_notice_sent_at"),
    ).update(inactivity_notice_sent_at=None)
    inactive = (
        User.objects.filter(deleted_at__isnull=True, is_active=True, is_staff=False)
        .annotate(last_seen=Coalesce("last_login", "date_joined"))
        .filter(last_seen__lt=limit)
        .select_related("privacy")
    )
    for user in inactive:
        privacy = getattr(user, "privacy", None)
        sent = privacy.inactivity_notice_sent_at if privacy else None
        if sent is None:
            with transaction.atomic():
                MemberPrivacy.objects.get_or_create(user=user)
                MemberPrivacy.objects.filter(user=user).update(inactivity_notice_sent_at=now)
            emails.send_member_email(
                member=user,
                category=emails.TRANSACTIONAL,
                template="emails/privacy_inactivity_notice",
                context={"deletion_date": now + datetime.timedelta(days=notice_days)},
            )
            count += 1
        elif sent < now - datetime.timedelta(days=notice_days):
            member_delete(user=user)
            count += 1
    return count


def sessions_purge(*, now, days) -> int:
    deleted, _ = Session.objects.filter(expire_date__lt=now).delete()
    return deleted


def consent_log_after_deletion_purge(*, now, days) -> int:
    # A queryset delete: the log refuses deleting rows one by one, on purpose.
    deleted, _ = ConsentEvent.objects.filter(
        user__deleted_at__lt=now - datetime.timedelta(days=days)
    ).delete()
    return deleted


def privacy_requests_purge(*, now, days) -> int:
    deleted, _ = PrivacyRequest.objects.filter(
        answered_on__lt=timezone.localdate(now) - datetime.timedelta(days=days)
    ).delete()
    return deleted


def incidents_purge(*, now, days) -> int:
    deleted, _ = Incident.objects.filter(
        learned_on__lt=timezone.localdate(now) - datetime.timedelta(days=max(days, 5 * 365))
    ).delete()
    return deleted
