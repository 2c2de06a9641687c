"""Who may do what in the forum: each rule written once, here, and called by views, the
live-topic consumer, services and templates alike (Zulip's `zerver/lib/message.py` is the
model: `access_message` loads and authorises, `can_*` answers yes or no).

- `can_*(...) -> bool`: for templates, lists and services that only need to know.
- `check_can_*(...)`: the same rule, raising `ForumError` with the member's message (what
  services call before they write).
- `access_*(...) -> object`: loads and authorises, raises `Http404` for what does not
  exist and for what the person may not read alike (so a refusal reveals nothing).

`handler` is always optional: the request's machina permission handler
(`request.forum_permission_handler`), which caches its checks for the page."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Topic
from machina.apps.forum_permission.handler import PermissionHandler
from machina.apps.forum_permission.models import (
    ForumPermission,
    GroupForumPermission,
    UserForumPermission,
)

from hub.parsing import parse_id

from .errors import ForumError


def _handler(handler: PermissionHandler | None) -> PermissionHandler:
    return handler or PermissionHandler()


def _wrote(obj, user) -> bool:
    # Never True for a visitor: a post whose author left (poster NULL) is nobody's.
    return user.is_authenticated and obj.poster_id is not None and obj.poster_id == user.pk


def check_member(user) -> None:
    if not user.is_authenticated:
        raise ForumError(_("Please sign in first."))


# --- moderating ---------------------------------------------------------------------------


def can_moderate(*, forum, user, handler: PermissionHandler | None = None) -> bool:
    """machina's `can_approve_posts` on `forum` (superusers always)."""
    if not user.is_authenticated:
        return False
    return bool(user.is_superuser or _handler(handler).can_approve_posts(forum, user))


def can_see_reports(*, user, handler: PermissionHandler | None = None) -> bool:
    """The reports page: machina's moderation queue, exactly (each forum checked)."""
    return user.is_authenticated and _handler(handler).can_access_moderation_queue(user)


def can_moderate_some_forum(user) -> bool:
    """Whether the member holds machina's `can_approve_posts` on some forum: their own
    grant, all members' grant or a group's. One query: the forum bar asks on every page
    (machina's `can_access_moderation_queue` loads every forum and permission instead).
    A hint for the menu only: the pages behind it check each forum (`can_see_reports`)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    codename = "can_approve_posts"
    # Written in SQL: the ORM's union of these two lookups cost more to build than to run.
    memberships = get_user_model().groups.through._meta.db_table
    sql = f"""
        SELECT EXISTS (
            SELECT 1 FROM {UserForumPermission._meta.db_table} granted
            JOIN {ForumPermission._meta.db_table} permission
              ON permission.id = granted.permission_id
            WHERE permission.codename = %s AND granted.has_perm
              AND (granted.user_id = %s OR granted.authenticated_user)
        ) OR EXISTS (
            SELECT 1 FROM {GroupForumPermission._meta.db_table} granted
            JOIN {ForumPermission._meta.db_table} permission
              ON permission.id = granted.permission_id
            JOIN {memberships} membership ON membership.group_id = granted.group_id
            WHERE permission.codename = %s AND granted.has_perm AND membership.user_id = %s
        )"""  # noqa: S608 - table names from models; values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [codename, user.pk, codename, user.pk])
        return bool(cursor.fetchone()[0])


# --- reading ------------------------------------------------------------------------------
# One rule for every page, link, list, live message and notification: a member reads a
# forum when machina's permissions say so, and what is held for moderation (a post, or a
# whole topic waiting for its first post to be approved) only if they wrote it or moderate
# the forum.


def can_read_forum(*, forum, user, handler: PermissionHandler | None = None) -> bool:
    return bool(_handler(handler).can_read_forum(forum, user))


def readable_forum_ids(user, *, handler: PermissionHandler | None = None) -> list[int]:
    """The forums (of messages, not categories or links) `user` may read. Kept on the
    handler (one per request, see forum/middleware.py) for that user: a page lists topics
    in several places. The rule is machina's `get_readable_forums` (its read permission
    down the tree; superusers read all), read from the forums it already loaded instead of
    one more query."""
    handler = _handler(handler)
    key = (user.pk, user.is_authenticated, user.is_superuser)
    cached = getattr(handler, "_community_readable_ids", {})
    if key not in cached:
        forums = handler._get_forums_for_user(user, ["can_read_forum"], use_tree_hierarchy=True)
        cached[key] = sorted(f.pk for f in forums if f.type == Forum.FORUM_POST)
        handler._community_readable_ids = cached
    return list(cached[key])


def can_read_topic(*, topic, user, handler: PermissionHandler | None = None) -> bool:
    handler = _handler(handler)
    if not can_read_forum(forum=topic.forum, user=user, handler=handler):
        return False
    return (
        topic.approved
        or _wrote(topic, user)
        or can_moderate(forum=topic.forum, user=user, handler=handler)
    )


def can_read_post(*, post, user, handler: PermissionHandler | None = None) -> bool:
    handler = _handler(handler)
    if not can_read_topic(topic=post.topic, user=user, handler=handler):
        return False
    return (
        post.approved
        or _wrote(post, user)
        or can_moderate(forum=post.topic.forum, user=user, handler=handler)
    )


def check_can_read_post(*, post, user, handler: PermissionHandler | None = None) -> None:
    if not can_read_post(post=post, user=user, handler=handler):
        raise ForumError(_("You cannot see this message."))


def readable_posts(posts, *, user, handler: PermissionHandler | None = None):
    """`posts` (a queryset) cut to what `user` may read, by the same rule, in SQL: term for
    term what `can_read_post` answers (tests/test_access.py compares them)."""
    handler = _handler(handler)
    if not user.is_authenticated:
        visible = Q(approved=True, topic__approved=True)
    else:
        visible = (Q(topic__approved=True) | Q(topic__poster=user)) & (
            Q(approved=True) | Q(poster=user)
        )
        moderated = [forum.pk for forum in handler.get_moderation_queue_forums(user)]
        if moderated:
            visible |= Q(topic__forum_id__in=moderated)
    return posts.filter(visible, topic__forum_id__in=readable_forum_ids(user, handler=handler))


def access_topic(*, topic_id, user, handler: PermissionHandler | None = None) -> Topic:
    """The topic `topic_id` (any form: a bad id is a miss), with its forum, if `user` may
    read it; `Http404` otherwise, whether or not it exists."""
    pk = parse_id(topic_id)
    topic = None if pk is None else Topic.objects.select_related("forum").filter(pk=pk).first()
    if topic is None or not can_read_topic(topic=topic, user=user, handler=handler):
        raise Http404
    return topic


def can_download_attachments(*, post, user, handler: PermissionHandler | None = None) -> bool:
    """A post's files: for those who may read the post (machina's own view asks only
    `can_download_files`, which every member holds everywhere) and hold that permission."""
    handler = _handler(handler)
    return can_read_post(post=post, user=user, handler=handler) and bool(
        handler.can_download_files(post.topic.forum, user)
    )


# --- acting on a post ---------------------------------------------------------------------


def check_can_react(*, post, user, handler: PermissionHandler | None = None) -> None:
    check_member(user)
    check_can_read_post(post=post, user=user, handler=handler)
    if _wrote(post, user):
        raise ForumError(_("You cannot react to your own message."))


def can_react(*, post, user, handler: PermissionHandler | None = None) -> bool:
    return _allowed(check_can_react, post=post, user=user, handler=handler)


def check_can_report(*, post, user, handler: PermissionHandler | None = None) -> None:
    check_member(user)
    check_can_read_post(post=post, user=user, handler=handler)
    if _wrote(post, user):
        raise ForumError(_("You cannot report your own message."))


def can_report(*, post, user, handler: PermissionHandler | None = None) -> bool:
    return _allowed(check_can_report, post=post, user=user, handler=handler)


def check_can_accept_solution(*, topic, user, handler: PermissionHandler | None = None) -> None:
    """Choosing (or removing) the solution of `topic`: its author or a moderator of its
    forum, who may read it."""
    check_member(user)
    if not can_read_topic(topic=topic, user=user, handler=handler):
        raise ForumError(_("You cannot see this message."))
    if not (_wrote(topic, user) or can_moderate(forum=topic.forum, user=user, handler=handler)):
        raise ForumError(_("Only the author of the topic or a moderator can choose the solution."))


def can_accept_solution(*, topic, user, handler: PermissionHandler | None = None) -> bool:
    return _allowed(check_can_accept_solution, topic=topic, user=user, handler=handler)


def _allowed(check, **kwargs) -> bool:
    try:
        check(**kwargs)
    except ForumError:
        return False
    return True
