"""Reads that matter: what a member may read, unanswered questions, search."""

from datetime import timedelta

from django.db import connection
from django.db.models import BooleanField, FloatField, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_permission.handler import PermissionHandler

from .models import PostReport, TopicSolution

UNANSWERED_AFTER = timedelta(hours=48)


def readable_forum_ids(user, *, handler: PermissionHandler | None = None) -> list[int]:
    handler = handler or PermissionHandler()
    forums = handler.get_readable_forums(Forum.objects.filter(type=Forum.FORUM_POST), user)
    return [forum.pk for forum in forums]


def unanswered_topics(*, user, handler=None, now=None):
    """Approved, unlocked topics nobody has answered 48 hours after they were asked, in the
    forums `user` may read; the longest waiting last."""
    now = now or timezone.now()
    return (
        Topic.approved_objects.filter(
            forum_id__in=readable_forum_ids(user, handler=handler),
            posts_count__lte=1,
            created__lte=now - UNANSWERED_AFTER,
        )
        .exclude(status=Topic.TOPIC_LOCKED)
        .select_related("forum", "poster")
        .order_by("-created")
    )


def solved_topic_ids(topic_ids) -> set[int]:
    return set(
        TopicSolution.objects.filter(topic_id__in=list(topic_ids)).values_list(
            "topic_id", flat=True
        )
    )


def uses_postgres_search() -> bool:
    return connection.vendor == "postgresql"


# The same expression as the GIN index of migration 0004: PostgreSQL uses the index only
# when the query repeats it exactly.
POST_VECTOR = (
    "to_tsvector('french_unaccent'::regconfig, coalesce(forum_conversation_post.subject, '')"
    " || ' ' || coalesce(forum_conversation_post.content, ''))"
)
QUERY = "websearch_to_tsquery('french_unaccent'::regconfig, %s)"


def search_posts(*, query: str, user, limit: int = 50):
    """Approved posts matching `query` in readable forums, best first. PostgreSQL: full-text,
    French stemming, accents ignored, ranked. SQLite (development): every word, icontains."""
    query = (query or "").strip()[:200]
    if not query:
        return Post.objects.none()
    posts = Post.approved_objects.filter(
        topic__approved=True, topic__forum_id__in=readable_forum_ids(user)
    ).select_related("topic", "topic__forum", "poster")
    if uses_postgres_search():
        # Constant SQL; the searched text is always a query parameter.
        matches = RawSQL(f"{POST_VECTOR} @@ {QUERY}", [query], output_field=BooleanField())  # noqa: S611
        rank = RawSQL(f"ts_rank({POST_VECTOR}, {QUERY})", [query], output_field=FloatField())  # noqa: S611
        posts = posts.filter(matches).annotate(rank=rank).order_by("-rank", "-created")
    else:
        for word in query.split()[:8]:
            posts = posts.filter(Q(subject__icontains=word) | Q(content__icontains=word))
        posts = posts.order_by("-created")
    return posts[:limit]


def open_reports(*, user):
    """Posts with open reports in forums `user` moderates, most reported first."""
    from django.db.models import Count, Max

    handler = PermissionHandler()
    forums = handler.get_moderation_queue_forums(user)
    return (
        Post.objects.filter(
            topic__forum__in=forums,
            community_reports__resolved_at__isnull=True,
        )
        .annotate(
            open_reports=Count("community_reports"),
            last_report=Max("community_reports__created_at"),
        )
        .select_related("topic", "topic__forum", "poster")
        .order_by("-open_reports", "-last_report")
    )


def reports_for(post_ids):
    return (
        PostReport.objects.filter(post_id__in=list(post_ids), resolved_at__isnull=True)
        .select_related("reporter")
        .order_by("created_at")
    )


def member_stats(*, member) -> dict:
    return {
        "solutions_count": TopicSolution.objects.filter(post__poster=member).count(),
        "posts_count": Post.approved_objects.filter(poster=member).count(),
    }
