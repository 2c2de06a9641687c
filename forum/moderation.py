"""Moderation on request (Loi 25, a member named in a post, a privacy request): unpublish a
post, or replace a person's name in it. Every action is written to privacy's moderation
register (`hub.privacy.moderation`, the ModerationEntry audit log) in the same transaction.
Staff use it from the form at /django-admin/privacy/moderationentry/add/ (forum/admin.py).
Asking search engines not to index a page is privacy's own (`path_noindex`)."""

import re

from django.db import transaction
from machina.apps.forum_conversation.models import Post

from hub.privacy.models import ModerationEntry
from hub.privacy.moderation import moderation_entry_record


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
        moderation_entry_record(
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
        moderation_entry_record(
            action=ModerationEntry.Action.REDACT,
            target=_post_label(post),
            path=_post_path(post),
            replacements=count,
            reason=reason,
            moderator=by,
        )
    return count
