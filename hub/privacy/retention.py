"""Retention: what is deleted or anonymised, by data type, after the periods in
settings.HUB_RETENTION (days). The `privacy_retention` command runs every task; each task is
idempotent (a second run the same day changes nothing). The privacy page lists the same
tasks, so what is documented is what runs.

Feature apps add their own data types from AppConfig.ready() without the privacy app
importing them: `register_retention_task("event_attendees", label, description, run)`
where `run(*, now, days)` returns how many rows it deleted or anonymised."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class RetentionTask:
    key: str
    label: object
    description: object
    run: Callable[..., int]


_tasks: dict[str, RetentionTask] = {}


def register_retention_task(key: str, label, description, run: Callable[..., int]) -> None:
    _tasks[key] = RetentionTask(key, label, description, run)


def period_days(key: str) -> int | None:
    return settings.HUB_RETENTION.get(key)


def retention_tasks() -> list[RetentionTask]:
    return list(_tasks.values())


def run_retention(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Runs every task whose period is configured; returns rows changed per data type."""
    now = now or timezone.now()
    done = {}
    for task in retention_tasks():
        days = period_days(task.key)
        if days is None:
            continue
        done[task.key] = task.run(now=now, days=days)
    return done


# --- The hub's own data types -----------------------------------------------------------


def _unverified_accounts(*, now, days) -> int:
    from allauth.account.models import EmailAddress

    from hub.accounts.models import User
    from hub.accounts.services import member_delete

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


def _inactive_accounts(*, now, days) -> int:
    """Members who have not signed in for `days` get a notice by email; if they still have
    not signed in `inactive_notice` days after it, their account is deleted (anonymised)."""
    from django.db.models import F
    from django.db.models.functions import Coalesce

    from hub import emails
    from hub.accounts.models import User
    from hub.accounts.services import member_delete

    from .models import MemberPrivacy

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


def _notifications(*, now, days) -> int:
    from hub.notifications.models import Notification

    read_days = period_days("read_notifications") or days
    deleted, _ = Notification.objects.filter(
        read_at__isnull=False, created_at__lt=now - datetime.timedelta(days=read_days)
    ).delete()
    more, _ = Notification.objects.filter(
        created_at__lt=now - datetime.timedelta(days=days)
    ).delete()
    return deleted + more


def _sessions(*, now, days) -> int:
    from django.contrib.sessions.models import Session

    deleted, _ = Session.objects.filter(expire_date__lt=now).delete()
    return deleted


def _consent_log_after_deletion(*, now, days) -> int:
    from .models import ConsentEvent

    # A queryset delete: the log refuses deleting rows one by one, on purpose.
    deleted, _ = ConsentEvent.objects.filter(
        user__deleted_at__lt=now - datetime.timedelta(days=days)
    ).delete()
    return deleted


def _privacy_requests(*, now, days) -> int:
    from .models import PrivacyRequest

    deleted, _ = PrivacyRequest.objects.filter(
        answered_on__lt=timezone.localdate(now) - datetime.timedelta(days=days)
    ).delete()
    return deleted


def _incidents(*, now, days) -> int:
    from .models import Incident

    deleted, _ = Incident.objects.filter(
        learned_on__lt=timezone.localdate(now) - datetime.timedelta(days=max(days, 5 * 365))
    ).delete()
    return deleted


register_retention_task(
    "unverified_accounts",
    _("Accounts never confirmed"),
    _("Sign-ups whose email address was never confirmed are deleted."),
    _unverified_accounts,
)
register_retention_task(
    "inactive_accounts",
    _("Inactive accounts"),
    _(
        "After this long without signing in, we email you a notice; without a sign-in in "
        "the following 30 days, the account is deleted as if you had deleted it yourself."
    ),
    _inactive_accounts,
)
register_retention_task(
    "notifications",
    _("Notifications"),
    _("Read notifications are deleted after 180 days, all others after this period."),
    _notifications,
)
register_retention_task(
    "sessions",
    _("Sign-in sessions"),
    _("Deleted when they expire (two weeks without a visit)."),
    _sessions,
)
register_retention_task(
    "consent_log_after_deletion",
    _("Consent log of deleted accounts"),
    _("Kept as proof of consent, without name or address, then deleted."),
    _consent_log_after_deletion,
)
register_retention_task(
    "privacy_requests",
    _("Privacy requests"),
    _("Requests for access, rectification or deletion, counted from the answer."),
    _privacy_requests,
)
register_retention_task(
    "incidents",
    _("Confidentiality incident register"),
    _("Counted from the date we learned of the incident (at least 5 years, by regulation)."),
    _incidents,
)
