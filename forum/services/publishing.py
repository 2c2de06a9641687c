"""What follows a published post: its author follows the topic, @mentioned members, the asker
and the followers who may read it are notified, and open pages of the topic hear of the
reply. A held post tells the forum's moderators; its approval tells its author."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_permission.handler import PermissionHandler

from cms.services import theme_followers_notify
from hub.accounts.handles import HANDLE_MAX_LENGTH, MENTION_RE
from hub.notifications.services import notify
from hub.notifications.services.live import group_send_hint

from .. import access, selectors
from ..categories import forum_theme_keys
from ..consumers import topic_group
from .follows import forum_followers_who_can_read

# A post naming more members than this notifies only the first ones (no mass pings).
MAX_MENTIONS = 20


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
        handler = PermissionHandler()
        members = [
            member
            for member in members
            if access.can_read_forum(forum=forum, user=member, handler=handler)
        ]
    return members


def post_published(*, post: Post, approved_later: bool = False) -> None:
    """Runs once a post is visible: the author follows the topic, @mentioned members, the
    asker (a reply to their question) and the topic's followers are notified, and with
    `approved_later` the author hears that a moderator published it (in the caller's
    transaction, sent after commit)."""
    topic = post.topic
    poster = post.poster
    if poster is not None:
        topic.subscribers.add(poster)
    url = post_url(post)
    if approved_later and poster is not None:
        notify(recipients=[poster], kind="forum.approved", target=topic, url=url)
    mentioned = mentioned_members(post.content.raw, exclude=poster, forum=topic.forum)
    if mentioned:
        notify(recipients=mentioned, kind="forum.mention", actor=poster, target=topic, url=url)
    # post_save runs before machina updates the topic's trackers: a new first post has no
    # topic.first_post yet.
    is_head = topic.first_post_id in (None, post.pk)
    if is_head:
        forum_followers = forum_followers_who_can_read(forum=topic.forum, exclude=poster)
        notify(
            recipients=forum_followers,
            kind="forum.new_topic",
            actor=poster,
            target=topic,
            url=url,
        )
        question_on_themes_notify(
            topic=topic,
            poster=poster,
            url=url,
            told={u.pk for u in forum_followers} | {m.pk for m in mentioned},
        )
    else:
        mentioned_ids = {m.pk for m in mentioned}
        # Followers who may no longer read the forum (permissions change) hear nothing.
        handler = PermissionHandler()
        followers = [
            u
            for u in topic.subscribers.all()
            if u.pk not in mentioned_ids
            and access.can_read_post(post=post, user=u, handler=handler)
        ]
        # The asker hears of a reply to their own question as such (by email at once by
        # default), the other followers as a reply in a topic they follow.
        asker = [u for u in followers if u.pk == topic.poster_id]
        others = [u for u in followers if u.pk != topic.poster_id]
        notify(recipients=asker, kind="forum.answer", actor=poster, target=topic, url=url)
        notify(recipients=others, kind="forum.reply", actor=poster, target=topic, url=url)
        send_topic_event_on_commit(
            topic_id=topic.pk, post_id=post.pk, poster_id=poster.pk if poster else None
        )


def question_on_themes_notify(*, topic: Topic, poster, url: str, told: set) -> None:
    """A new question tells the followers of its forum's themes (kind forum.theme_question),
    except those told already (the forum's own followers, the mentioned) and those who may
    not read the forum."""
    handler = PermissionHandler()
    theme_followers_notify(
        theme_keys=forum_theme_keys(topic.forum_id),
        kind="forum.theme_question",
        target=topic,
        url=url,
        actor=poster,
        may_see=lambda user: (
            user.pk not in told and access.can_read_topic(topic=topic, user=user, handler=handler)
        ),
    )


def post_held(*, post: Post) -> None:
    """Runs once when a new post is saved waiting for approval: the moderators of its forum
    are notified, with a link to it in the moderation queue (sent after commit)."""
    notify(
        recipients=selectors.forum_moderators(forum=post.topic.forum),
        kind="forum.pending",
        actor=post.poster,
        target=post.topic,
        url=reverse("forum_moderation:queued_post", kwargs={"pk": post.pk}),
    )


def send_topic_event_on_commit(*, topic_id: int, post_id: int, poster_id) -> None:
    """Tells open pages of the topic that a reply exists (a hint: they fetch it)."""

    def send():
        # Never a 500 for a lost hint (Redis away): the reply is saved, pages catch up.
        group_send_hint(
            topic_group(topic_id),
            {"type": "forum.post", "post_id": post_id, "poster_id": poster_id},
        )

    transaction.on_commit(send)
