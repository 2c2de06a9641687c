"""Reading notifications: unread counts (the bell's, once per request), and each member's
delivery preferences. Writes live in `services`."""

from collections.abc import Iterable

from django.db.models import Count

from hub import emails

from .kinds import DIGEST, EMAIL, Kind, all_kinds
from .models import Notification, NotificationPreference


def deliveries_for(*, user_ids: Iterable[int], kind: Kind) -> dict[int, str]:
    """How each of these members wants to hear about `kind` (one query)."""
    user_ids = list(user_ids)
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=user_ids, kind=kind.code).values_list(
            "user_id", "delivery"
        )
    )
    return {pk: chosen.get(pk, kind.default_delivery) for pk in user_ids}


def preferences_for(*, user) -> list[tuple[Kind, str]]:
    """Every registered kind offered to the member (a moderators' kind to moderators only)
    with their delivery for it (their choice or the default)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return [
        (kind, chosen.get(kind.code, kind.default_delivery))
        for kind in all_kinds()
        if kind.offered_to(user)
    ]


def email_settings(*, user) -> dict:
    """One truth about the member's notification emails, for every page that speaks of them:
    whether the consent rule lets any leave (the member's privacy choices), and how many
    kinds come at once and in the daily digest."""
    preferences = preferences_for(user=user)
    return {
        "emails_on": emails.member_accepts(member=user, category=emails.NOTIFICATION),
        "at_once": sum(1 for _, delivery in preferences if delivery == EMAIL),
        "in_digest": sum(1 for _, delivery in preferences if delivery == DIGEST),
        "kinds": len(preferences),
    }


def unread_counts(*, user_ids: list[int]) -> dict[int, int]:
    """Each member's unread count, in one query (members with none are absent)."""
    return dict(
        Notification.objects.filter(recipient_id__in=user_ids, read_at__isnull=True)
        .order_by()
        .values("recipient_id")
        .annotate(n=Count("id"))
        .values_list("recipient_id", "n")
    )


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def request_unread_count(request) -> int:
    """The bell's unread count for the request's member, counted once per request."""
    if getattr(request, "_hub_unread_count", None) is None:
        request._hub_unread_count = unread_count(user=request.user)
    return request._hub_unread_count
