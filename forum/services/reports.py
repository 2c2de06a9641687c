"""Members report a post to the forum's moderators; moderators close the reports."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from machina.apps.forum_conversation.models import Post

from hub.notifications.services import notify

from .. import access, selectors
from ..errors import ForumError
from ..models import PostReport

MAX_REASON_LENGTH = 1000


def post_report(*, post: Post, user, reason: str) -> PostReport:
    """Files a report for moderators. Reporting the same post twice changes nothing."""
    access.check_can_report(post=post, user=user)
    reason = (reason or "").strip()
    if not reason:
        raise ForumError(_("Please say why you are reporting this message."))
    if len(reason) > MAX_REASON_LENGTH:
        raise ForumError(
            _("The reason is too long (at most %(max)s characters).") % {"max": MAX_REASON_LENGTH}
        )
    if PostReport.objects.filter(post=post, reporter=user).exists():
        raise ForumError(
            _("You have already reported this message. The moderators will look at it.")
        )
    try:
        with transaction.atomic():
            report = PostReport.objects.create(post=post, reporter=user, reason=reason)
    except IntegrityError:
        raise ForumError(
            _("You have already reported this message. The moderators will look at it.")
        ) from None
    notify(
        recipients=selectors.forum_moderators(forum=post.topic.forum),
        kind="forum.report",
        actor=user,
        target=post.topic,
        url=reverse("community:reports"),
    )
    return report


def reports_resolve(*, post: Post, by) -> int:
    """Closes every open report on a post (moderators only). Returns how many."""
    if not access.can_moderate(forum=post.topic.forum, user=by):
        raise ForumError(_("Only moderators can close reports."))
    return PostReport.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=by
    )
