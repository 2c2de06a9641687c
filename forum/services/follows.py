"""Following a forum (a new topic there notifies its followers), and who still may read it."""

from django.utils.translation import gettext_lazy as _
from machina.apps.forum_permission.handler import PermissionHandler

from .. import access
from ..errors import ForumError
from ..models import ForumFollow


def forum_follow_toggle(*, forum, user) -> bool:
    """Follows the forum, or stops following it. Returns True when the member now follows.
    Only members who may read the forum can follow it."""
    access.check_member(user)
    if not access.can_read_forum(forum=forum, user=user):
        raise ForumError(_("You cannot follow a forum you may not read."))
    follow, created = ForumFollow.objects.get_or_create(forum=forum, user=user)
    if not created:
        follow.delete()
    return created


def forum_followers_who_can_read(*, forum, exclude=None) -> list:
    """Followers of the forum who may still read it (permissions can change after they
    followed)."""
    handler = PermissionHandler()
    followers = [
        follow.user
        for follow in ForumFollow.objects.filter(forum=forum).select_related("user")
        if exclude is None or follow.user_id != exclude.pk
    ]
    return [
        user for user in followers if access.can_read_forum(forum=forum, user=user, handler=handler)
    ]
