"""Moderation for privacy: unpublish a post, replace a person's name in it, ask search
engines not to index a page. Every action is written to the ModerationEntry audit log in
the same transaction. Works on machina's models directly: the privacy app does not import
the forum app (see ARCHITECTURE.md)."""

import re
from urllib.parse import urlsplit

from django.core.cache import cache
from django.db import transaction
from machina.core.db.models import get_model

from .models import ModerationEntry, NoIndexPath

Post = get_model("forum_conversation", "Post")
NOINDEX_CACHE_KEY = "privacy:noindex-paths"


def _post_label(post) -> str:
    # Numbers only: a subject could hold the very name that is being removed.
    return f"post #{post.pk}, topic #{post.topic_id}"


def _post_path(post) -> str:
    try:
        return post.topic.get_absolute_url()
    except Exception:  # noqa: BLE001 - a URL is a convenience in the log, never a blocker
        return ""


def post_unpublish(*, post, by, reason: str) -> None:
    """Hides the post from everyone but moderators (machina's `approved` flag: the topic's
    counters are recomputed by machina's save). A topic's first post hides the topic."""
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        post.approved = False
        post.save()
        ModerationEntry.objects.create(
            action=ModerationEntry.Action.UNPUBLISH,
            target=_post_label(post),
            path=_post_path(post),
            reason=reason,
            moderator=by,
        )


def post_redact(*, post, text: str, replacement: str, by, reason: str) -> int:
    """Replaces every occurrence of `text` (case-insensitive) in the post's subject and
    content; the rendered HTML is re-rendered by machina's field on save. Returns how many
    were replaced. The log keeps the count, never the words removed."""
    if not text.strip():
        raise ValueError("Nothing to replace")
    pattern = re.compile(re.escape(text.strip()), re.IGNORECASE)
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        content, in_content = pattern.subn(replacement, post.content.raw)
        subject, in_subject = pattern.subn(replacement, post.subject)
        count = in_content + in_subject
        if count:
            post.content = content
            post.subject = subject
            post.save()
            if post.is_topic_head:
                post.topic.save()
        ModerationEntry.objects.create(
            action=ModerationEntry.Action.REDACT,
            target=_post_label(post),
            path=_post_path(post),
            replacements=count,
            reason=reason,
            moderator=by,
        )
    return count


def normalise_path(value: str) -> str:
    path = urlsplit(value.strip()).path or "/"
    return path if path.startswith("/") else f"/{path}"


def path_noindex(*, path: str, by, reason: str, noindex: bool = True) -> None:
    """Asks search engines not to index a page (or lifts it). Takes effect on the next
    request: the cached list is dropped after commit."""
    path = normalise_path(path)
    with transaction.atomic():
        if noindex:
            NoIndexPath.objects.get_or_create(path=path)
        else:
            NoIndexPath.objects.filter(path=path).delete()
        ModerationEntry.objects.create(
            action=ModerationEntry.Action.NOINDEX if noindex else ModerationEntry.Action.INDEX,
            target=path,
            path=path,
            reason=reason,
            moderator=by,
        )
        # Dropped now for this process, and again after commit in case another request
        # cached the old list in between.
        cache.delete(NOINDEX_CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(NOINDEX_CACHE_KEY))


def noindex_paths() -> frozenset[str]:
    paths = cache.get(NOINDEX_CACHE_KEY)
    if paths is None:
        paths = frozenset(NoIndexPath.objects.values_list("path", flat=True))
        cache.set(NOINDEX_CACHE_KEY, paths, 3600)
    return paths
