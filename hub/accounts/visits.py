"""When a member visits: `last_seen_at` on their row (the digest goes only to members who
have not visited since the last one) and `previous_visit_at`, when their previous visit
ended ("new since your last visit" in Mon espace).

A visit is a run of requests less than VISIT_GAP apart. The row is written at most once per
VISIT_STAMP_EVERY, compared with the row the request loaded already: a page view costs no
query most of the time, and the session is never written."""

from datetime import datetime, timedelta

from django.utils import timezone

from .models import User

VISIT_GAP = timedelta(minutes=30)
VISIT_STAMP_EVERY = timedelta(minutes=5)


def member_seen(*, user: User, now: datetime | None = None) -> None:
    """Records that the member is on the site now (see the module's docstring)."""
    now = now or timezone.now()
    last = user.last_seen_at
    if last is not None and now - last < VISIT_STAMP_EVERY:
        return
    changes = {"last_seen_at": now}
    if last is None or now - last >= VISIT_GAP:  # a new visit: the previous one ended then
        changes["previous_visit_at"] = last
    User.objects.filter(pk=user.pk).update(**changes)
    for name, value in changes.items():
        setattr(user, name, value)


def previous_visit(request) -> datetime:
    """When the member's previous visit ended (their sign-up for a first visit)."""
    user = request.user
    return user.previous_visit_at or user.date_joined


class LastSeenMiddleware:
    """After authentication: stamps signed-in members' visits (see member_seen)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            member_seen(user=user)
        return self.get_response(request)
