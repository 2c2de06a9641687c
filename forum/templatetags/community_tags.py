"""Template tags the rest of the site uses to show the forum (the home page, for one), and
the forum's own small helpers. Tags read through forum/selectors.py and ask forum/access.py
who may do what: no queryset and no rule is written here."""

import functools
import inspect

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

register = template.Library()


def _user_and_handler(context):
    """The request's user (a visitor when there is no request) and its machina permission
    handler, which caches its checks for the page."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    return user, getattr(request, "forum_permission_handler", None)


@register.inclusion_tag("community/tags/latest_questions.html", takes_context=True)
def latest_questions(context, limit: int = 5):
    """The latest topics the visitor may read (anonymous visitors: public forums only)."""
    from forum.selectors import latest_topics, solved_topic_ids

    request = context.get("request")
    user, handler = _user_and_handler(context)
    topics = latest_topics(user=user, handler=handler, limit=limit)
    return {"topics": topics, "request": request, "solved": solved_topic_ids(t.pk for t in topics)}


@register.inclusion_tag("community/tags/unanswered_questions.html", takes_context=True)
def unanswered_questions(context, limit: int = 5):
    """Questions still waiting for an answer after 48 hours (for the home page)."""
    from forum.selectors import CARD_FIELDS, unanswered_topics

    request = context.get("request")
    user, handler = _user_and_handler(context)
    found = unanswered_topics(user=user, handler=handler).select_related(None)
    topics = list(found.select_related("forum").only(*CARD_FIELDS)[:limit])
    return {"topics": topics, "request": request}


@register.inclusion_tag("community/tags/solved_on_themes.html", takes_context=True)
def solved_discussions_on_themes(context, themes, limit: int = 3):
    """`{% solved_discussions_on_themes themes %}`: the latest solved discussions in the
    forum categories filed under these themes (cms.Theme) that the reader may read."""
    from forum.selectors import solved_topics_on_themes

    user, handler = _user_and_handler(context)
    keys = [theme.translation_key for theme in themes or []]
    topics = solved_topics_on_themes(user=user, theme_keys=keys, handler=handler, limit=limit)
    return {"topics": topics, "request": context.get("request")}


@register.inclusion_tag("forum/forum_list.html", takes_context=True)
def community_forum_list(context, forum_visibility_contents):
    """machina's `forum_list` tag, with unread forums computed in one query: machina's
    tracking manager runs one `get_ancestors()` query per unread forum."""
    from forum.selectors import unread_forum_ids

    request = context.get("request")
    user = request.user
    forums = list(forum_visibility_contents.forums)
    unread = unread_forum_ids(user=user, forums=forums, nodes=forum_visibility_contents.as_dict)
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


# --- forum categories in the reader's language (forum/categories.py) ----------------------


@register.filter
def forum_name(forum) -> str:
    """The forum's name in the reader's language, plain text (titles, sentences)."""
    from forum.categories import forum_name as name

    return name(forum) if forum is not None else ""


@register.filter
def forum_label(forum) -> str:
    """The forum's name for a list or a heading: in the reader's language, or the French
    name marked "(en français)" when it has no English one yet."""
    from django.utils.html import format_html

    from forum.categories import forum_name as name
    from forum.categories import is_translated
    from hub.templatetags.hub_tags import language_note

    if forum is None:
        return ""
    if is_translated(forum):
        return name(forum)
    return format_html('<span lang="fr">{}</span> {}', forum.name, language_note("fr"))


@register.filter
def forum_description(forum) -> str:
    """The forum's description in the reader's language (English: escaped plain text),
    else machina's rendered French one, marked as French."""
    from django.utils.html import format_html, linebreaks

    from forum.categories import forum_description_en

    english = forum_description_en(forum)
    if english:
        return mark_safe(linebreaks(english, autoescape=True))  # noqa: S308 (escaped)
    rendered = getattr(getattr(forum, "description", None), "rendered", "") or ""
    if not rendered:
        return ""
    if translation.get_language() == "fr":
        return rendered
    # machina's description rendered by forum.markup (sanitised) when staff saved it.
    return format_html('<div lang="fr">{}</div>', rendered)


@register.filter
def community_markup(text) -> str:
    """Renders member Markdown through hub.sanitize (for previews)."""
    from forum.markup import render

    return mark_safe(render(str(text or "")))  # noqa: S308 (render() sanitises)


@register.inclusion_tag("community/tags/forum_follow.html", takes_context=True)
def forum_follow_button(context, forum):
    """ "Suivre ce forum" / "Ne plus suivre ce forum" for signed-in members (one query)."""
    from forum.selectors import follows_forum

    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    following = signed_in and follows_forum(forum=forum, user=user)
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
    if not hasattr(request, "_community_moderates"):
        from forum.access import can_moderate_some_forum

        request._community_moderates = can_moderate_some_forum(user)
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


# --- who may do what (forum/access.py, the same functions the views and services call) ----


@register.simple_tag(takes_context=True)
def community_can_accept(context, topic) -> bool:
    """`{% community_can_accept topic as user_can_accept %}`: "Mark as solution" buttons."""
    from forum.access import can_accept_solution

    user, handler = _user_and_handler(context)
    return can_accept_solution(topic=topic, user=user, handler=handler)


@register.simple_tag(takes_context=True)
def community_can_react(context, post) -> bool:
    from forum.access import can_react

    user, handler = _user_and_handler(context)
    return can_react(post=post, user=user, handler=handler)


@register.simple_tag(takes_context=True)
def community_can_report(context, post) -> bool:
    from forum.access import can_report

    user, handler = _user_and_handler(context)
    return can_report(post=post, user=user, handler=handler)
