"""What the forum shows of a member's own: "Mes questions et réponses" in Mon espace, the
new questions on the themes they follow, and the forum's sections of the digest email
(registered from hooks.py). Every list is cut by what the member may read
(`access.readable_forum_ids`) and costs a fixed number of queries."""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from machina.apps.forum_conversation.models import Post, Topic

from cms.selectors.follows import followed_theme_keys
from hub import extensions, links
from hub.templatetags.hub_tags import qc_number

from .access import readable_forum_ids
from .categories import forum_ids_on_themes
from .models import TopicSolution

PANEL_LIMIT = 5
UNANSWERED_WINDOW = timedelta(days=30)


def topic_url(topic) -> str:
    forum = topic.forum
    return reverse("forum_conversation:topic", args=[forum.slug, forum.pk, topic.slug, topic.pk])


def _readable_topics(user, handler=None):
    return Topic.approved_objects.filter(forum_id__in=readable_forum_ids(user, handler=handler))


def my_forum_panel(request) -> dict:
    """My questions (with their answers and whether solved), my latest answers, the topics
    I follow and the solutions I gave: seven queries, whatever the numbers."""
    user = request.user
    handler = getattr(request, "forum_permission_handler", None)
    readable = _readable_topics(user, handler)
    questions = list(
        readable.filter(poster=user).select_related("forum").order_by("-last_post_on")[:PANEL_LIMIT]
    )
    solved = set(
        TopicSolution.objects.filter(topic__in=questions).values_list("topic_id", flat=True)
    )
    answers = list(
        Post.approved_objects.filter(poster=user, topic__in=readable)
        .exclude(topic__poster=user)
        .select_related("topic", "topic__forum")
        .order_by("-created")[:PANEL_LIMIT]
    )
    followed = list(
        readable.filter(subscribers=user)
        .exclude(poster=user)
        .select_related("forum")
        .order_by("-last_post_on")[:PANEL_LIMIT]
    )
    solutions = TopicSolution.objects.filter(post__poster=user)
    return {
        "questions": [
            {
                "topic": topic,
                "url": topic_url(topic),
                "answers": max(topic.posts_count - 1, 0),
                "solved": topic.pk in solved,
            }
            for topic in questions
        ],
        "answers": [{"post": post, "url": topic_url(post.topic)} for post in answers],
        "followed": [{"topic": topic, "url": topic_url(topic)} for topic in followed],
        "solutions_count": solutions.count(),
        "solutions": [
            {"topic": row.topic, "url": topic_url(row.topic)}
            for row in solutions.select_related("topic", "topic__forum").order_by("-accepted_at")[
                :PANEL_LIMIT
            ]
        ],
    }


def _theme_forum_ids(user, theme_keys) -> list[int]:
    """The forums filed under these themes that the member may read."""
    on_themes = forum_ids_on_themes(theme_keys)
    return [pk for pk in readable_forum_ids(user) if pk in on_themes] if on_themes else []


def question_news(*, user, theme_keys, since, limit: int) -> list[extensions.ThemeNews]:
    """New questions asked since `since` in the forums on these themes the member may read."""
    forum_ids = _theme_forum_ids(user, theme_keys)
    if not forum_ids:
        return []
    label = _("Question")
    return [
        extensions.ThemeNews(label=label, title=t.subject, url=topic_url(t), when=t.created)
        for t in Topic.approved_objects.filter(forum_id__in=forum_ids, created__gt=since)
        .exclude(poster=user)
        .select_related("forum")
        .order_by("-created")[:limit]
    ]


def new_answers_section(*, user, since, now) -> list[extensions.DigestEntry]:
    """New answers to my questions since the last digest, one line per question."""
    rows = (
        Post.approved_objects.filter(
            topic__in=_readable_topics(user).filter(poster=user),
            created__gt=since,
            created__lte=now,
        )
        .exclude(poster=user)
        .values("topic")
        .annotate(count=Count("pk"))
        .order_by("topic")
    )
    counts = {row["topic"]: row["count"] for row in rows}
    topics = Topic.objects.filter(pk__in=counts).select_related("forum").order_by("-last_post_on")
    return [
        extensions.DigestEntry(
            title=topic.subject,
            url=links.absolute_url(topic_url(topic)),
            detail=ngettext("%(count)s new answer", "%(count)s new answers", counts[topic.pk])
            % {"count": qc_number(counts[topic.pk])},
        )
        for topic in topics[:10]
    ]


def unanswered_section(*, user, since, now) -> list[extensions.DigestEntry]:
    """Questions of the last 30 days in my themes' forums that no one has answered yet."""
    keys = followed_theme_keys(user=user)
    forum_ids = _theme_forum_ids(user, keys) if keys else []
    if not forum_ids:
        return []
    topics = (
        Topic.approved_objects.filter(
            forum_id__in=forum_ids, posts_count__lte=1, created__gt=now - UNANSWERED_WINDOW
        )
        .filter(~Q(poster=user) | Q(poster__isnull=True))
        .exclude(status=Topic.TOPIC_LOCKED)
        .select_related("forum")
        .order_by("-created")[:10]
    )
    return [
        extensions.DigestEntry(
            title=topic.subject,
            url=links.absolute_url(topic_url(topic)),
            detail=_("Asked on %(date)s")
            % {"date": formats.date_format(timezone.localtime(topic.created), "DATE_FORMAT")},
        )
        for topic in topics
    ]
