"""Template tags the rest of the site uses to show the forum (the home page, for one), and
the forum's own small helpers."""

import functools
import inspect

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.inclusion_tag("community/tags/latest_questions.html", takes_context=True)
def latest_questions(context, limit: int = 5):
    """The latest topics the visitor may read (anonymous visitors: public forums only)."""
    from machina.apps.forum_conversation.models import Topic

    from forum.selectors import readable_forum_ids, solved_topic_ids

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    handler = getattr(request, "forum_permission_handler", None)
    topics = list(
        Topic.approved_objects.filter(forum_id__in=readable_forum_ids(user, handler=handler))
        .select_related("forum", "poster")
        .order_by("-last_post_on")[:limit]
    )
    return {"topics": topics, "request": request, "solved": solved_topic_ids(t.pk for t in topics)}


@register.inclusion_tag("community/tags/unanswered_questions.html", takes_context=True)
def unanswered_questions(context, limit: int = 5):
    """Questions still waiting for an answer after 48 hours (for the home page)."""
    from forum.selectors import unanswered_topics

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    handler = getattr(request, "forum_permission_handler", None)
    topics = list(unanswered_topics(user=user, handler=handler)[:limit])
    return {"topics": topics, "request": request}


@register.inclusion_tag("forum/forum_list.html", takes_context=True)
def community_forum_list(context, forum_visibility_contents):
    """machina's `forum_list` tag, with unread forums computed in one query: machina's
    tracking manager runs one `get_ancestors()` query per unread forum."""
    from machina.apps.forum_tracking.models import ForumReadTrack

    request = context.get("request")
    user = request.user
    forums = list(forum_visibility_contents.forums)
    unread = set()
    if user.is_authenticated and forums:
        by_id = {forum.pk: forum for forum in forums}
        nodes = forum_visibility_contents.as_dict
        tracks = dict(
            ForumReadTrack.objects.filter(user=user, forum__in=forums).values_list(
                "forum_id", "mark_time"
            )
        )

        def mark(forum):
            while forum is not None and forum.pk not in unread:
                unread.add(forum.pk)
                forum = by_id.get(forum.parent_id)

        for forum in forums:
            node = nodes.get(forum.pk)
            last = node.last_post_on if node else None
            if forum.pk in tracks:
                if last and tracks[forum.pk] < last:
                    mark(forum)
            elif forum.direct_topics_count > 0:
                mark(forum)
    data = {
        "forum_contents": forum_visibility_contents,
        "unread_forums": [f for f in forums if f.pk in unread],
        "user": user,
        "request": request,
    }
    root_level = forum_visibility_contents.root_level
    if root_level is not None:
        data.update(
            root_level=root_level, root_level_middle=root_level + 1, root_level_sub=root_level + 2
        )
    return data


@register.simple_tag
def solved_topic_ids(topics) -> set:
    from forum.selectors import solved_topic_ids as solved

    ids = [t.pk for t in topics] if topics else []
    return solved(ids) if ids else set()


@register.simple_tag
def forum_i18n() -> dict:
    """Strings and URLs for forum.js (json_script), in the page's language."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    return {
        "bold": _("Bold"),
        "italic": _("Italics"),
        "link": _("Link"),
        "quote": _("Quote"),
        "list": _("List"),
        "code": _("Code"),
        "preview": _("Preview"),
        "write": _("Write"),
        "draft": _("Draft saved in this browser."),
        "restored": _("Your unsent draft was restored."),
        "nothing": _("Nothing to preview."),
        "newReplyOne": _("1 new reply"),
        "newReplyMany": _("%(count)s new replies"),
        "fragmentUrl": reverse("community:post_fragment", args=[0]),
        "previewUrl": reverse("community:preview"),
        "membersUrl": reverse("community:member_autocomplete"),
    }


@register.filter
def community_markup(text) -> str:
    """Renders member Markdown through hub.sanitize (for previews)."""
    from forum.markup import render

    return mark_safe(render(str(text or "")))  # noqa: S308 (render() sanitises)


@register.inclusion_tag("community/tags/forum_follow.html", takes_context=True)
def forum_follow_button(context, forum):
    """ "Suivre ce forum" / "Ne plus suivre ce forum" for signed-in members (one query)."""
    from forum.models import ForumFollow

    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    following = signed_in and ForumFollow.objects.filter(forum=forum, user=user).exists()
    return {
        "forum": forum,
        "signed_in": signed_in,
        "following": following,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def community_moderates_some_forum(context) -> bool:
    """Whether the forum bar shows the moderation links: the member holds machina's
    `can_approve_posts` somewhere (their own grant, all members' grant or a group's).

    One small query instead of machina's `can_access_moderation_queue`, which loads every
    forum and every permission of the member on each page. It is only a hint for the menu:
    the moderation queue and the reports page check each forum themselves."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if not hasattr(request, "_community_moderates"):
        from forum.selectors import moderates_some_forum

        request._community_moderates = moderates_some_forum(user)
    return request._community_moderates


@functools.cache
def _handler_methods() -> frozenset:
    from machina.apps.forum_permission.handler import PermissionHandler

    return frozenset(
        name
        for name, _value in inspect.getmembers(PermissionHandler, predicate=inspect.isfunction)
        if not name.startswith("_")
    )


@register.simple_tag(takes_context=True)
def community_permission(context, method, *args):
    """machina's `get_permission` tag (same use: `{% community_permission 'can_edit_post'
    post request.user as var %}`) without its cost: machina lists the handler's methods with
    `inspect.getmembers` on every call, a few times per message of a topic page. The
    allowed names are listed once here."""
    if method not in _handler_methods():
        raise template.TemplateSyntaxError(f"Unknown forum permission check: {method}")
    request = context.get("request")
    handler = getattr(request, "forum_permission_handler", None)
    if handler is None:
        from machina.apps.forum_permission.handler import PermissionHandler

        handler = PermissionHandler()
    return getattr(handler, method)(*args)
