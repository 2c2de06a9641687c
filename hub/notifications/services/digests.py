"""The one digest email: daily or weekly (the member's choice), from
HUB_NOTIFICATION_DIGEST_HOUR on, with one section per item of `hub.extensions.digest_sections`
(each room registers its own: new answers to my questions, new resources and events on my
themes, my upcoming registrations, unanswered questions in my themes; this room's is the
unread notifications the member chose to get in the digest). Run by
`send_notification_digests`, every few minutes; idempotent.

Each member is looked at once per period: a DigestRun is written whether an email left or
not (`items=0, sent=False` when there was nothing to say, every section was stopped, or the
member has visited since their last digest: the digest goes only to members who have not).
The sections report what happened since the member's previous run."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation

from hub import emails, extensions

from ..kinds import DIGEST
from ..models import DigestRun, DigestSubscription, Notification
from .email import absolute_url

logger = logging.getLogger(__name__)

Frequency = DigestSubscription.Frequency
EVERYTHING = "*"  # the "section" of an unsubscribe link that stops the whole digest
SECTION_SALT = "hub.notifications.digest_section"
PENDING_SECTION = "notifications.pending"


def subscription_for(user) -> DigestSubscription:
    """The member's digest settings (unsaved defaults when they never chose)."""
    found = DigestSubscription.objects.filter(user=user).first()
    return found or DigestSubscription(user=user)


def _period_start(now, frequency: str):
    local = timezone.localtime(now)
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    if frequency == Frequency.WEEKLY:
        start -= timedelta(days=local.weekday())  # Monday
    return start


def digest_is_due(*, user, now=None, subscription: DigestSubscription | None = None) -> bool:
    """At most one digest per day (or per week, from Monday), Montréal time, from
    HUB_NOTIFICATION_DIGEST_HOUR on; never when the member chose "never"."""
    now = now or timezone.now()
    subscription = subscription or subscription_for(user)
    if subscription.frequency == Frequency.OFF:
        return False
    if timezone.localtime(now).hour < settings.HUB_NOTIFICATION_DIGEST_HOUR:
        return False
    start = _period_start(now, subscription.frequency)
    return not DigestRun.objects.filter(recipient=user, created_at__gte=start).exists()


def section_token(*, user, section: str) -> str:
    """The signed token of a one-click "stop this section" link (no login, no expiry)."""
    return signing.dumps({"m": user.pk, "s": section}, salt=SECTION_SALT)


def read_section_token(token: str) -> dict | None:
    try:
        data = signing.loads(token, salt=SECTION_SALT)
    except signing.BadSignature:
        return None
    return data if isinstance(data, dict) and {"m", "s"} <= data.keys() else None


def section_unsubscribe_url(*, user, section: str) -> str:
    path = reverse(
        "notifications:digest_unsubscribe", args=[section_token(user=user, section=section)]
    )
    return absolute_url(path)


def digest_section_stop(*, user, section: str) -> bool:
    """Stops one section of the member's digest (EVERYTHING: the whole digest). Idempotent;
    returns whether something changed. Takes effect for the next digest."""
    if section != EVERYTHING and section not in extensions.digest_sections:
        raise ValueError(f"Unknown digest section {section!r}")
    with transaction.atomic():
        subscription, _created = DigestSubscription.objects.select_for_update().get_or_create(
            user=user
        )
        if section == EVERYTHING:
            if subscription.frequency == Frequency.OFF:
                return False
            subscription.frequency = Frequency.OFF
        elif section in subscription.sections_off:
            return False
        else:
            subscription.sections_off = sorted({*subscription.sections_off, section})
        subscription.save()
    return True


def digest_settings_set(*, user, frequency: str, sections_on: list[str]) -> DigestSubscription:
    """The member's choice on the preferences page: how often, and which sections."""
    if frequency not in Frequency.values:
        raise ValueError(f"Unknown digest frequency {frequency!r}")
    known = [key for key, _section in extensions.digest_sections.items()]
    with transaction.atomic():
        subscription, _created = DigestSubscription.objects.select_for_update().get_or_create(
            user=user
        )
        subscription.frequency = frequency
        subscription.sections_off = sorted(set(known) - set(sections_on))
        subscription.save()
    return subscription


def pending_section(*, user, since, now) -> list[extensions.DigestEntry]:
    """This room's section: unread "daily digest" notifications no email has reported yet
    (whatever their age: they wait for a digest, not for a window)."""
    return [
        extensions.DigestEntry(title=row.text, url=absolute_url(row.url))
        for row in _pending_rows(user)
    ]


def _pending_rows(user, *, lock: bool = False) -> list[Notification]:
    rows = Notification.objects.email_pending(DIGEST).filter(recipient=user)
    if lock:
        rows = rows.select_for_update()
    return list(rows.order_by("-updated_at", "-id"))


def _build_sections(*, user, subscription, since, now) -> list[dict]:
    built, alone = [], False
    for key, section in extensions.digest_sections.items():
        if key in subscription.sections_off:
            continue
        entries = section.build(user=user, since=since, now=now)
        if entries:
            built.append(
                {
                    "key": key,
                    "label": str(section.label),
                    "entries": entries,
                    "unsubscribe_url": section_unsubscribe_url(user=user, section=key),
                }
            )
            alone = alone or section.alone
    return built if alone else []  # reminders alone (upcoming registrations) send nothing


def digest_send(*, user, now=None) -> DigestRun | None:
    """Sends the member's digest if one is due (see digest_is_due). The member's row is
    locked, so two runs at once serialise; the DigestRun, the marking of exactly the
    notification rows reported and the sending happen in one transaction: a second run finds
    the period done; if sending fails, nothing is recorded or marked. (If the process dies
    after the mail server accepted the email but before the commit, the next run sends it
    again: at least once, never silently lost.) Returns the run of a digest sent (or refused
    by the consent rule), or None when nothing left."""
    User = get_user_model()
    now = now or timezone.now()
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        subscription = subscription_for(user)
        if not digest_is_due(user=user, now=now, subscription=subscription):
            return None
        last = DigestRun.objects.filter(recipient=user).order_by("-created_at").first()
        last_sent = (
            DigestRun.objects.filter(recipient=user, sent=True).order_by("-created_at").first()
        )
        days = 7 if subscription.frequency == Frequency.WEEKLY else 1
        since = last.created_at if last else now - timedelta(days=days)
        visited = user.last_seen_at is not None and (
            user.last_seen_at > (last_sent.created_at if last_sent else since)
        )
        rows = _pending_rows(user, lock=True)
        sections = []
        if not visited:
            with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
                sections = _build_sections(
                    user=user, subscription=subscription, since=since, now=now
                )
        reported = rows if any(s["key"] == PENDING_SECTION for s in sections) else []
        items = sum(len(s["entries"]) for s in sections)
        run = DigestRun.objects.create(recipient=user, items=items, sent=False, created_at=now)
        if not sections:  # looked at for this period: nothing to say, or the member came by
            return None
        for row in reported:
            row.emailed_count = row.count
            row.emailed_at = now
            row.digest_run = run
        Notification.objects.bulk_update(reported, ["emailed_count", "emailed_at", "digest_run"])
        # Last: if sending fails, the run and the marking above are rolled back with it.
        sent = emails.send_member_email(
            member=user,
            category=emails.NOTIFICATION,
            template="notifications/emails/digest",
            context={
                "sections": sections,
                "items": items,
                "only_notifications": [s["key"] for s in sections] == [PENDING_SECTION],
                "weekly": subscription.frequency == Frequency.WEEKLY,
                "list_url": absolute_url(_path(user, "notifications:list")),
                "preferences_url": absolute_url(_path(user, "notifications:preferences")),
            },
            unsubscribe_link=section_unsubscribe_url(user=user, section=EVERYTHING),
        )
        run.sent = sent  # False: the member refuses notification emails; rows settled anyway
        run.save(update_fields=["sent"])
    return run


def _path(user, name: str) -> str:
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        return reverse(name)


def digest_candidates(*, now):
    """Members whose digest of this period has not been looked at yet (one query)."""
    User = get_user_model()
    day_start = _period_start(now, Frequency.DAILY)
    week_start = _period_start(now, Frequency.WEEKLY)
    runs = DigestRun.objects.filter(recipient=OuterRef("pk"))
    weekly = DigestSubscription.objects.filter(user=OuterRef("pk"), frequency=Frequency.WEEKLY)
    off = DigestSubscription.objects.filter(user=OuterRef("pk"), frequency=Frequency.OFF)
    return (
        User.objects.filter(is_active=True, deleted_at__isnull=True)
        .exclude(email="")
        .exclude(Exists(runs.filter(created_at__gte=day_start)))
        .exclude(Exists(off))
        .exclude(Q(Exists(weekly)) & Q(Exists(runs.filter(created_at__gte=week_start))))
        .order_by("pk")
    )


def digests_send_all(*, now=None) -> dict[str, int]:
    """Sends every member their due digest (see digest_send). A failure for one member is
    logged and leaves their period open for the next run; the others still get theirs."""
    now = now or timezone.now()
    stats = {"sent": 0, "skipped": 0, "failed": 0}
    if timezone.localtime(now).hour < settings.HUB_NOTIFICATION_DIGEST_HOUR:
        return stats
    for user in digest_candidates(now=now).iterator():
        try:
            run = digest_send(user=user, now=now)
        except Exception:
            logger.exception("Digest for member %s failed", user.pk)
            stats["failed"] += 1
            continue
        if run is not None:
            stats["sent" if run.sent else "skipped"] += 1
    return stats
