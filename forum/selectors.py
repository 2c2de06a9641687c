"""Reads that matter: latest and unanswered questions, search, reports, moderators. Who may
read what is forum/access.py; every list here is cut by its `readable_forum_ids`."""

import html
import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    F,
    FloatField,
    OuterRef,
    Q,
    Subquery,
    Value,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_permission.handler import PermissionHandler
from machina.apps.forum_permission.models import GroupForumPermission, UserForumPermission
from machina.apps.forum_tracking.models import ForumReadTrack, TopicReadTrack

from hub.sanitize import plain_text

from .access import readable_forum_ids
from .models import ForumFollow, PostReport, TopicSolution

UNANSWERED_AFTER = timedelta(hours=48)


# What a home page card shows of a topic (forum/templates/community/tags/): the columns read.
CARD_FIELDS = ("subject", "slug", "posts_count", "created", "forum__slug", "forum__name")


def latest_topics(*, user, handler=None, limit: int = 5) -> list[Topic]:
    """The latest approved topics in the forums `user` may read (visitors: public ones), for
    a card: its columns only (no poster, no forum description). PostgreSQL walks machina's
    index on `last_post_on` newest first and stops at `limit` (tests/test_home_page_cost)."""
    return list(
        Topic.approved_objects.filter(forum_id__in=readable_forum_ids(user, handler=handler))
        .select_related("forum")
        .only(*CARD_FIELDS)
        .order_by("-last_post_on")[:limit]
    )


def solved_topics_on_themes(*, user, theme_keys, handler=None, limit: int = 3) -> list[Topic]:
    """The latest solved topics (most recently accepted first) in the forums filed under any
    of the themes (cms.Theme translation keys) that `user` may read. Fixed queries."""
    from .categories import forum_ids_on_themes

    forum_ids = forum_ids_on_themes(theme_keys)
    if not forum_ids:
        return []
    readable = set(readable_forum_ids(user, handler=handler))
    return list(
        Topic.approved_objects.filter(
            forum_id__in=forum_ids & readable, community_solution__isnull=False
        )
        .select_related("forum")
        .order_by("-community_solution__accepted_at", "-pk")[:limit]
    )


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


def unread_forum_ids(*, user, forums, nodes=None) -> set[int]:
    """The forums of a forum list that hold something `user` has not read, and their
    ancestors, in one query. Something is new when a topic moved after the member last read
    it (its own read mark, else the forum's, else the day they joined: what was there
    before they came is not news to them) and its last message is not theirs. Visitors
    have nothing new. (machina's tracking calls every forum without a read mark unread, so
    every category said "Nouveau", and runs one query per unread forum.)"""
    unread: set[int] = set()
    if not user.is_authenticated or not forums:
        return unread
    by_id = {forum.pk: forum for forum in forums}
    forum_mark = ForumReadTrack.objects.filter(user=user, forum_id=OuterRef("forum_id"))
    topic_mark = TopicReadTrack.objects.filter(user=user, topic_id=OuterRef("pk"))
    moved = Coalesce("last_post_on", "created")
    read_since = Coalesce(
        Subquery(topic_mark.values("mark_time")[:1]),
        Subquery(forum_mark.values("mark_time")[:1]),
        Value(user.date_joined),
    )
    news = (
        Topic.approved_objects.filter(forum_id__in=list(by_id))
        .annotate(moved=moved, read_since=read_since)
        .filter(moved__gt=F("read_since"))
        .exclude(last_post__poster=user)
        .order_by()
        .values_list("forum_id", flat=True)
        .distinct()
    )
    for forum_id in news:
        forum = by_id.get(forum_id)
        while forum is not None and forum.pk not in unread:
            unread.add(forum.pk)
            forum = by_id.get(forum.parent_id)
    return unread


def follows_forum(*, forum, user) -> bool:
    return ForumFollow.objects.filter(forum=forum, user=user).exists()


def solved_topic_ids(topic_ids) -> set[int]:
    return set(
        TopicSolution.objects.filter(topic_id__in=list(topic_ids)).values_list(
            "topic_id", flat=True
        )
    )


def uses_postgres_search() -> bool:
    return connection.vendor == "postgresql"


# Search ------------------------------------------------------------------------------------
# A post matches when its French or its English vector matches the query (a member writes
# "bénévoles", another "volunteers"). Both vectors are stored in generated columns of
# machina's post table, each with its GIN index (migration 0007): ranking reads them instead
# of parsing every matching post again. Unknown to the Post model: used in SQL only.

SEARCH_VECTORS = {
    "french_unaccent": "forum_conversation_post.community_search_fr",
    "english_unaccent": "forum_conversation_post.community_search_en",
}
SEARCH_PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
# Highlight markers: private-use characters, removed from the text before highlighting, so a
# post cannot forge them; the excerpt is escaped around them (see `_marked_to_html`).
MARK_START, MARK_STOP = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_STOP}", MaxWords=30, MinWords=12, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)


def ts_query(config: str) -> str:
    return f"websearch_to_tsquery('{config}'::regconfig, %s)"


_MATCH_SQL = " OR ".join(f"{vector} @@ {ts_query(c)}" for c, vector in SEARCH_VECTORS.items())
_RANK_SQL = "GREATEST({})".format(
    ", ".join(f"ts_rank({vector}, {ts_query(c)})" for c, vector in SEARCH_VECTORS.items())
)
# The post's visible text: its sanitised HTML without tags (entities stay; unescaped later)
# and without our markers.
# The rendered HTML without its tags. CommonMark writes every '"' as "&quot;": put the quote
# back, or ts_headline counts each "quot" as a word and the excerpt's window drifts away from
# the words it marks (what is shown is unescaped and escaped again in _marked_to_html).
_PLAIN_SQL = (
    "replace(regexp_replace(coalesce(forum_conversation_post._content_rendered, ''),"
    " '<[^>]*>|[\\ue000\\ue001]', ' ', 'g'), '&quot;', '\"')"
)
_HEADLINE_SQL = (
    f"CASE WHEN {SEARCH_VECTORS['french_unaccent']} @@ {ts_query('french_unaccent')}"
    f" THEN ts_headline('french_unaccent'::regconfig, {_PLAIN_SQL},"
    f" {ts_query('french_unaccent')}, %s)"
    f" ELSE ts_headline('english_unaccent'::regconfig, {_PLAIN_SQL},"
    f" {ts_query('english_unaccent')}, %s) END"
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ue000\ue001]+")


def clean_search_query(raw: str | None) -> tuple[str, bool]:
    """The query as searched: control characters (PostgreSQL refuses NUL) and runs of spaces
    folded, cut to MAX_QUERY_LENGTH. Also says whether it was cut."""
    query = " ".join(_CONTROL.sub(" ", (raw or "")[: MAX_QUERY_LENGTH * 10]).split())
    if len(query) <= MAX_QUERY_LENGTH:
        return query, False
    return query[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0].strip() or query[:MAX_QUERY_LENGTH], True


def _words(query: str) -> list[str]:
    return re.findall(r"\w+", query)[:8]


class TopicSearch:
    """Topics with approved posts matching `query`, in the forums `user` may read: one result
    per topic, its best matching post, best topics first. Sized for Django's Paginator:
    `count()` counts topics without ranking them, and a slice costs three queries whatever
    its size (the page's ranked post ids; those posts with their topic, forum, author and
    highlighted excerpt; which of those topics are solved).

    PostgreSQL: full text in French and English (accents and case ignored, stemmed, web
    search syntax: "quoted phrase", -excluded, or), ranked by the better of the two ranks.
    SQLite (development only): every word, icontains, newest first."""

    def __init__(
        self,
        *,
        query: str,
        user,
        handler: PermissionHandler | None = None,
        solved_only: bool = False,
        any_word: bool = False,
    ):
        self.postgres = uses_postgres_search()
        self.any_word = any_word
        if any_word and self.postgres:  # websearch syntax: "a or b or c"
            query = " or ".join(re.findall(r"\w+", query)[:12])
        self.query = query
        self._matches = self._matching_posts(user, handler)
        if solved_only:
            self._matches = self._matches.filter(topic__community_solution__isnull=False)

    def _matching_posts(self, user, handler):
        posts = Post.approved_objects.filter(
            topic__approved=True, topic__forum_id__in=readable_forum_ids(user, handler=handler)
        )
        if not self.query:
            return posts.none()
        if self.postgres:
            # Constant SQL; the searched text is always a query parameter.
            params = [self.query] * len(SEARCH_VECTORS)
            return posts.filter(RawSQL(_MATCH_SQL, params, output_field=BooleanField()))  # noqa: S611
        words = _words(self.query)
        if not words:
            return posts.none()
        if self.any_word:
            words = [word for word in words if len(word) > 3] or words
            any_of = Q()
            for word in words:
                any_of |= Q(subject__icontains=word) | Q(content__icontains=word)
            return posts.filter(any_of)
        for word in words:
            posts = posts.filter(Q(subject__icontains=word) | Q(content__icontains=word))
        return posts

    def count(self) -> int:
        return self._matches.values("topic_id").distinct().count()

    def __len__(self) -> int:
        return self.count()

    def narrow_to_forums(self, forum_ids) -> None:
        """Only the topics of these forums (still only those the searcher may read)."""
        self._matches = self._matches.filter(topic__forum_id__in=list(forum_ids))

    def _best(self):
        """One row per topic, its best matching post, best topics first."""
        if self.postgres:
            params = [self.query] * len(SEARCH_VECTORS)
            rank = RawSQL(_RANK_SQL, params, output_field=FloatField())  # noqa: S611
        else:
            rank = Value(0.0, output_field=FloatField())
        order = [F("rank").desc(), F("created").desc(), F("pk").desc()]
        return (
            self._matches.annotate(
                rank=rank,
                place=Window(RowNumber(), partition_by=[F("topic_id")], order_by=order),
            )
            .filter(place=1)
            .order_by(*order)
        )

    def __getitem__(self, window: slice) -> list[Post]:
        if not isinstance(window, slice):
            raise TypeError("TopicSearch takes slices only.")
        return self._load(list(self._best().values_list("pk", flat=True)[window]))

    def counted(self, start: int, stop: int) -> tuple[list[Post], int]:
        """`self[start:stop]` and `count()` from one pass over the matching posts (the site
        search needs both; on a common word, each pass reads tens of thousands of posts).
        Three queries with results, one without. (SQLite: a slice and a count.)"""
        if not self.postgres:
            return self[start:stop], self.count()
        if stop <= start:
            return [], self.count()
        try:
            sql, params = self._best().values_list("pk", "rank", "created").query.sql_with_params()
        except EmptyResultSet:  # nothing readable (no forum), or an empty query
            return [], 0
        if sql:
            with connection.cursor() as cursor:
                cursor.execute(  # our own compiled SQL; every value is a parameter
                    f"SELECT b.pk, count(*) OVER () FROM ({sql}) AS b(pk, rank, created)"  # noqa: S608
                    " ORDER BY b.rank DESC, b.created DESC, b.pk DESC LIMIT %s OFFSET %s",
                    [*params, stop - start, start],
                )
                rows = cursor.fetchall()
            if rows:
                return self._load([pk for pk, _total in rows]), rows[0][1]
        return [], self.count()

    def _load(self, ids: list[int]) -> list[Post]:
        if not ids:
            return []
        posts = Post.objects.filter(pk__in=ids).select_related("topic", "topic__forum", "poster")
        if self.postgres:
            headline = RawSQL(  # noqa: S611 - constant SQL, parameters only
                _HEADLINE_SQL,
                [self.query, self.query, HEADLINE_OPTIONS, self.query, HEADLINE_OPTIONS],
                output_field=CharField(),
            )
            posts = posts.annotate(headline=headline)
        by_id = {post.pk: post for post in posts}
        solved = solved_topic_ids(post.topic_id for post in by_id.values())
        results = []
        for pk in ids:
            post = by_id[pk]
            if self.postgres:
                post.excerpt = _marked_to_html(post.headline)
            else:
                post.excerpt = _marked_to_html(_mark_words(post, _words(self.query)))
            post.solved = post.topic_id in solved
            results.append(post)
        return results


def _marked_to_html(marked: str | None) -> str:
    """Text holding MARK_START/MARK_STOP (entities allowed, as in the sanitised HTML it comes
    from) to HTML: every piece unescaped then escaped again, markers to <mark>. Nothing of
    the member's text reaches the page unescaped."""
    out = []
    for n, piece in enumerate((marked or "").split(MARK_START)):
        inside, _, after = piece.partition(MARK_STOP) if n else ("", "", piece)
        if inside:
            out.append(format_html("<mark>{}</mark>", html.unescape(inside)))
        out.append(escape(html.unescape(after)))
    return mark_safe(" ".join("".join(out).split()))  # noqa: S308 - every piece escaped above


def _mark_words(post: Post, words: list[str], length: int = 240) -> str:
    """SQLite's excerpt: the plain text around the first word found, the words marked."""
    text = " ".join(
        plain_text(post.content.rendered)
        .translate({ord(MARK_START): " ", ord(MARK_STOP): " "})
        .split()
    )
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None
    found = pattern.search(text) if pattern else None
    start = max(0, found.start() - length // 3) if found else 0
    excerpt = text[start : start + length]
    if pattern:
        excerpt = pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_STOP}", excerpt)
    excerpt = html.escape(excerpt, quote=False)  # unescaped again by _marked_to_html
    return ("… " if start else "") + excerpt + (" …" if start + length < len(text) else "")


def open_reports(*, user):
    """Posts with open reports in forums `user` moderates, most reported first."""
    from django.db.models import Count, Exists, Max, OuterRef

    handler = PermissionHandler()
    forums = handler.get_moderation_queue_forums(user)
    # Exists, not a filter across the relation: `community_reports__resolved_at__isnull`
    # alone also matches posts that have no report at all (an outer join's NULL).
    open_ = Q(community_reports__resolved_at__isnull=True)
    return (
        Post.objects.filter(
            Exists(PostReport.objects.filter(post=OuterRef("pk"), resolved_at__isnull=True)),
            topic__forum__in=forums,
        )
        .annotate(
            open_reports=Count("community_reports", filter=open_),
            last_report=Max("community_reports__created_at", filter=open_),
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


# --- moderators ---------------------------------------------------------------------------


def forum_moderators(*, forum):
    """Active members who may approve messages in `forum`: machina's `can_approve_posts`
    granted to them or to one of their groups, on this forum or on all forums (a grant on a
    parent forum is copied to its children by machina's admin), and superusers."""
    granted = Q(forum=forum) | Q(forum__isnull=True)
    granted &= Q(permission__codename="can_approve_posts", has_perm=True)
    users = UserForumPermission.objects.filter(granted, user__isnull=False).values("user_id")
    groups = GroupForumPermission.objects.filter(granted).values("group_id")
    return (
        get_user_model()
        .objects.filter(Q(pk__in=users) | Q(groups__in=groups) | Q(is_superuser=True))
        .filter(is_active=True)
        .distinct()
    )
