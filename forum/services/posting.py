"""Before a message is written: its content, the anti-flood rules (double submits, posting
and previewing too fast), whether a new member's message waits for a moderator, and the
quote a reply starts with. Who may do what is forum/access.py."""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from machina.apps.forum_conversation.models import Post, Topic

from .. import access
from ..errors import ForumError

MAX_POST_LENGTH = 20_000
# Posting rate and double-submit windows are settings (FORUM_RATE_LIMIT_POSTS...), read at
# each call so they can change per deployment and in tests.


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


def quote_for_reply(*, post: Post, user) -> str:
    """The Markdown a reply starts with when quoting `post`."""
    access.check_can_read_post(post=post, user=user)
    author = post.poster.get_public_name() if post.poster else post.username
    quoted = "\n".join(f"> {line}" for line in post.content.raw.strip().splitlines())
    heading = _("%(author)s wrote:") % {"author": author}
    return f"> **{heading}**\n>\n{quoted}\n\n"
