"""Every write the forum adds to machina. Each service checks, then writes; on a refused
action it raises `ForumError` with a translated message and changes nothing."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_permission.handler import PermissionHandler

from hub.accounts.handles import HANDLE_MAX_LENGTH, MENTION_RE
from hub.notifications.services import notify

from . import access, selectors
from .errors import ForumError
from .models import ForumFollow, PostReport, Reaction, TopicSolution

MAX_POST_LENGTH = 20_000
MAX_REASON_LENGTH = 1000
# Posting rate and double-submit windows are settings (FORUM_RATE_LIMIT_POSTS...), read at
# each call so they can change per deployment and in tests.
# A post naming more members than this notifies only the first ones (no mass pings).
MAX_MENTIONS = 20
# A reaction removed and added again does not notify twice within this time.
REACTION_NOTIFIED_TTL = 30 * 24 * 3600


def _perms() -> PermissionHandler:
    return PermissionHandler()


# --- checks (who may do what: forum/access.py) --------------------------------------------


def post_check_content(*, content: str) -> str:
    """The text of a message, stripped; refuses an empty or oversized one."""
    content = (content or "").strip()
    if not content:
        raise ForumError(_("Your message is empty. Write something before publishing."))
    if len(content) > MAX_POST_LENGTH:
        raise ForumError(
            _("Your message is too long (%(length)s characters, at most %(max)s).")
            % {"length": len(content), "max": MAX_POST_LENGTH}
        )
    return content


def post_check_allowed(*, user, topic: Topic | None, content: str) -> None:
    """Refuses a double submit of the same text and a member who posts too fast."""
    if not user.is_authenticated or user.is_superuser:
        return
    now = timezone.now()
    duplicate_window = timedelta(seconds=settings.FORUM_DUPLICATE_WINDOW_SECONDS)
    rate_window = timedelta(seconds=settings.FORUM_RATE_LIMIT_WINDOW_SECONDS)
    recent = Post.objects.filter(poster=user, created__gte=now - duplicate_window)
    same = recent.filter(content=content.strip())
    if topic is not None:
        same = same.filter(topic=topic)
    if same.exists():
        raise ForumError(_("You have just published this same message: it is already online."))
    if (
        Post.objects.filter(poster=user, created__gte=now - rate_window).count()
        >= settings.FORUM_RATE_LIMIT_POSTS
    ):
        raise ForumError(
            _("You are publishing a lot of messages in a short time. Please wait a few minutes.")
        )


def preview_check_allowed(*, user) -> None:
    """Counts one preview for `user` and refuses it past FORUM_RATE_LIMIT_PREVIEWS in the
    current FORUM_RATE_LIMIT_WINDOW_SECONDS (a fixed window in the cache: no row is written
    for a preview). Superusers are not limited, as for posting."""
    if user.is_superuser:
        return
    window = settings.FORUM_RATE_LIMIT_WINDOW_SECONDS
    key = f"forum:preview:{user.pk}:{int(timezone.now().timestamp()) // window}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    if count > settings.FORUM_RATE_LIMIT_PREVIEWS:
        raise ForumError(
            _("You are asking for a lot of previews in a short time. Please wait a few minutes.")
        )


def post_needs_approval(*, user, forum) -> bool:
    """A brand-new member's first message waits for a moderator (anti-spam)."""
    if not user.is_authenticated:
        return True
    if user.is_staff or access.can_moderate(forum=forum, user=user):
        return False
    return not Post.objects.filter(poster=user, approved=True).exists()


# --- reactions ----------------------------------------------------------------------------


def reaction_toggle(*, post: Post, user, kind: str) -> bool:
    """Adds the member's reaction of this kind, or removes it if it was there. Returns True
    when added. One reaction per kind per member (a unique constraint backs this).

    The post's author hears of the first reaction a member gives to the post (one
    "forum.reaction" notification, collapsed per topic while unread); removing a reaction,
    adding it again or adding a second kind notifies nobody."""
    access.check_can_react(post=post, user=user)
    if kind not in Reaction.Kind.values:
        raise ForumError(_("Unknown reaction."))
    with transaction.atomic():
        deleted, _unused = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
        if deleted:
            return False
        try:
            with transaction.atomic():
                Reaction.objects.create(post=post, user=user, kind=kind)
        except IntegrityError:  # two clicks at once: the first one won (and notified)
            return True
        reaction_notify(post=post, user=user)
    return True


def reaction_notify(*, post: Post, user) -> None:
    """Tells the post's author that `user` reacted, once per member and post. Reaction rows
    are deleted when taken back, so what was already notified is remembered in the cache
    (Redis in production) for REACTION_NOTIFIED_TTL: at worst, after that time or a cache
    flush, a reaction taken back and given again notifies a second time."""
    author = post.poster
    if author is None or author.pk == user.pk:
        return
    # The post's creation time keeps a reused id (a restored database) from matching.
    key = f"forum:reaction-notified:{post.pk}:{post.created.timestamp()}:{user.pk}"
    if not cache.add(key, 1, REACTION_NOTIFIED_TTL):
        return
    notify(
        recipients=[author],
        kind="forum.reaction",
        actor=user,
        target=post.topic,
        url=post_url(post),
    )


# --- reports ------------------------------------------------------------------------------


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


# --- solutions ----------------------------------------------------------------------------


def topic_accept_answer(*, post: Post, by) -> TopicSolution:
    """Marks `post` as the solution of its topic (replacing an earlier one) and tells the
    post's author. Only the topic's author or a moderator may do it."""
    topic = post.topic
    access.check_can_accept_solution(topic=topic, user=by)
    access.check_can_read_post(post=post, user=by)
    if post.is_topic_head or not post.approved:
        raise ForumError(_("Only a published reply can be the solution."))
    with transaction.atomic():
        solution, _created = TopicSolution.objects.update_or_create(
            topic=topic, defaults={"post": post, "accepted_by": by}
        )
        if post.poster_id:
            notify(
                recipients=[post.poster],
                kind="forum.solution",
                actor=by,
                target=topic,
                url=post_url(post),
            )
    return solution


def topic_unaccept_answer(*, topic: Topic, by) -> None:
    access.check_can_accept_solution(topic=topic, user=by)
    TopicSolution.objects.filter(topic=topic).delete()


# --- publishing: follow, mentions, replies ------------------------------------------------


def post_url(post: Post) -> str:
    topic = post.topic
    forum = topic.forum
    return (
        reverse("forum_conversation:topic", args=[forum.slug, forum.pk, topic.slug, topic.pk])
        + f"?post={post.pk}#{post.pk}"
    )


def mentioned_handles(text: str) -> list[str]:
    """The distinct handles written as @handle in `text`, lowercased, in order of appearance,
    at most MAX_MENTIONS. Quoted lines ("> ...") and code are skipped: quoting a message
    does not mention its people again, and code is not addressed to anyone."""
    handles: list[str] = []
    for chunk in _mention_chunks(text or ""):
        for match in MENTION_RE.finditer(chunk):
            handle = match.group(1).lower()
            if len(handle) <= HANDLE_MAX_LENGTH and handle not in handles:
                handles.append(handle)
                if len(handles) == MAX_MENTIONS:
                    return handles
    return handles


def _mention_chunks(text: str):
    in_fence = False
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence or stripped.startswith(">"):
            continue
        # Inline code: keep only what lies outside `...` spans.
        yield " ".join(line.split("`")[::2])


def mentioned_members(text: str, *, exclude=None, forum=None) -> list:
    """Members named as @handle in `text` (exactly, case-insensitive), active ones only.
    With `forum`, only those who may read it: a mention never reveals a topic's title to
    someone who cannot open it."""
    handles = mentioned_handles(text)
    if not handles:
        return []
    members = get_user_model().objects.filter(
        handle__in=handles, is_active=True, deleted_at__isnull=True
    )
    if exclude is not None:
        members = members.exclude(pk=exclude.pk)
    members = list(members)
    if forum is not None:
        handler = _perms()
        members = [
            member
            for member in members
            if access.can_read_forum(forum=forum, user=member, handler=handler)
        ]
    return members


def post_published(*, post: Post) -> None:
    """Runs once a post is visible: the author follows the topic, @mentioned members and
    the topic's followers are notified (in the caller's transaction, sent after commit)."""
    topic = post.topic
    poster = post.poster
    if poster is not None:
        topic.subscribers.add(poster)
    url = post_url(post)
    mentioned = mentioned_members(post.content.raw, exclude=poster, forum=topic.forum)
    if mentioned:
        notify(recipients=mentioned, kind="forum.mention", actor=poster, target=topic, url=url)
    # post_save runs before machina updates the topic's trackers: a new first post has no
    # topic.first_post yet.
    is_head = topic.first_post_id in (None, post.pk)
    if is_head:
        notify(
            recipients=forum_followers_who_can_read(forum=topic.forum, exclude=poster),
            kind="forum.new_topic",
            actor=poster,
            target=topic,
            url=url,
        )
    else:
        mentioned_ids = {m.pk for m in mentioned}
        # Followers who may no longer read the forum (permissions change) hear nothing.
        handler = _perms()
        followers = [
            u
            for u in topic.subscribers.all()
            if u.pk not in mentioned_ids
            and access.can_read_post(post=post, user=u, handler=handler)
        ]
        notify(recipients=followers, kind="forum.reply", actor=poster, target=topic, url=url)
        send_topic_event_on_commit(
            topic_id=topic.pk, post_id=post.pk, poster_id=poster.pk if poster else None
        )


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
    handler = _perms()
    followers = [
        follow.user
        for follow in ForumFollow.objects.filter(forum=forum).select_related("user")
        if exclude is None or follow.user_id != exclude.pk
    ]
    return [
        user for user in followers if access.can_read_forum(forum=forum, user=user, handler=handler)
    ]


def send_topic_event_on_commit(*, topic_id: int, post_id: int, poster_id) -> None:
    """Tells open pages of the topic that a reply exists (a hint: they fetch it)."""
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    from .consumers import topic_group

    def send():
        layer = get_channel_layer()
        if layer is not None:
            async_to_sync(layer.group_send)(
                topic_group(topic_id),
                {"type": "forum.post", "post_id": post_id, "poster_id": poster_id},
            )

    transaction.on_commit(send)


def quote_for_reply(*, post: Post, user) -> str:
    """The Markdown a reply starts with when quoting `post`."""
    access.check_can_read_post(post=post, user=user)
    author = post.poster.get_public_name() if post.poster else post.username
    quoted = "\n".join(f"> {line}" for line in post.content.raw.strip().splitlines())
    heading = _("%(author)s wrote:") % {"author": author}
    return f"> **{heading}**\n>\n{quoted}\n\n"
