"""When a member visits: `last_seen_at` on their row (for the digest: only members who have
not visited since the last one get it) and, in their session, the moment their previous
visit ended (for "new since your last visit" in Mon espace).

A visit is a run of requests less than VISIT_GAP apart. The row is written at most once per
VISIT_STAMP_EVERY (the session remembers when), so a page view costs no query most of the
time."""

from datetime import datetime, timedelta

from django.utils import timezone

from .models import User

VISIT_GAP = timedelta(minutes=30)
VISIT_STAMP_EVERY = timedelta(minutes=5)
SESSION_STAMP = "hub.seen_at"
SESSION_SINCE = "hub.visit_since"


def _read(value) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def member_seen(*, user: User, session, now: datetime | None = None) -> None:
    """Records that the member is on the site now (see the module's docstring)."""
    now = now or timezone.now()
    stamped = _read(session.get(SESSION_STAMP))
    if stamped is not None and timezone.is_aware(stamped) and now - stamped < VISIT_STAMP_EVERY:
        return
    previous = user.last_seen_at
    if previous is None or now - previous >= VISIT_GAP or SESSION_SINCE not in session:
        # A new visit: what is "new" is what came after the previous one.
        session[SESSION_SINCE] = (previous or user.date_joined).isoformat()
    User.objects.filter(pk=user.pk).update(last_seen_at=now)
    user.last_seen_at = now
    session[SESSION_STAMP] = now.isoformat()


def previous_visit(request) -> datetime:
    """When the member's previous visit ended (their sign-up for a first visit)."""
    since = _read(request.session.get(SESSION_SINCE))
    return since if since is not None else request.user.date_joined


class LastSeenMiddleware:
    """After authentication: stamps signed-in members' visits (see member_seen)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            member_seen(user=user, session=request.session)
        return self.get_response(request)
