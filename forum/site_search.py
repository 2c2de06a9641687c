"""The forum's search provider, registered in hooks.py as the site search's "Discussions":
topics through `selectors.TopicSearch` (the stored French and English vectors on
PostgreSQL), one hit per topic with its best matching post. Only the forums the searcher
may read (machina's permissions), only approved topics and posts: a private forum's words
reach neither the hits nor the count. Also the "Before posting" suggestions of the
new-question form (solved topics only)."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext as _
from machina.apps.forum_conversation.models import Topic

from hub import extensions
from hub.extensions import SearchHit, SearchQuery, SearchResults

from . import categories, selectors
from .access import readable_forum_ids


def topic_url(post) -> str:
    topic = post.topic
    url = reverse(
        "forum_conversation:topic",
        args=[topic.forum.slug, topic.forum.pk, topic.slug, topic.pk],
    )
    if post.pk != topic.first_post_id:
        url += f"?post={post.pk}#{post.pk}"
    return url


def search_discussions(query: SearchQuery) -> SearchResults:
    # Discussions have no language of their own: a language filter leaves them out, and
    # they count in no language.
    if query.lang:
        return SearchResults()
    request = query.request
    search = selectors.TopicSearch(
        query=query.text,
        user=request.user,
        handler=getattr(request, "forum_permission_handler", None),
    )
    if query.theme:  # the forums filed under the theme (forum/categories.py, cached)
        search.narrow_to_forums(categories.forum_ids_on_themes([query.theme]))
    posts, count = search.counted(0, query.limit)
    hits = [
        SearchHit(
            title=post.topic.subject,
            url=topic_url(post),
            excerpt=post.excerpt,
            kind=_("Discussion"),
            when=post.created,
            badges=[_("Solved")] if post.solved else [],
        )
        for post in posts
    ]
    return SearchResults(hits=hits, count=count)


def solved_discussions(*, request, text: str, limit: int = 3) -> list[SearchHit]:
    """Solved topics whose posts share words with `text` (any word), best first."""
    search = selectors.TopicSearch(
        query=text,
        user=request.user,
        handler=getattr(request, "forum_permission_handler", None),
        solved_only=True,
        any_word=True,
    )
    return [
        SearchHit(title=post.topic.subject, url=topic_url(post), badges=[_("Solved")])
        for post in search[0:limit]
    ]


BEFORE_POSTING_MIN_LENGTH = 8  # a title shorter than this asks nothing yet


def before_posting(*, request, title: str, limit: int = 3) -> dict:
    """ "Before posting": the resources (through the site search's "resources" provider,
    when one is registered) and the solved discussions that share words with the title of
    a question being written. {"resources": [SearchHit], "discussions": [SearchHit]}."""
    title = " ".join(title.split())[:200]
    if len(title) < BEFORE_POSTING_MIN_LENGTH:
        return {"resources": [], "discussions": []}
    resources = []
    if "resources" in extensions.search_providers:
        query = SearchQuery(
            text=title,
            request=request,
            language=getattr(request, "LANGUAGE_CODE", "fr"),
            limit=limit,
            any_word=True,
        )
        resources = extensions.search_providers.get("resources").search(query).hits
    return {
        "resources": resources,
        "discussions": solved_discussions(request=request, text=title, limit=limit),
    }


def discussion_words():
    """Subjects of approved topics in the forums a visitor may read, for the "did you mean"
    vocabulary: never a private forum's."""
    return Topic.approved_objects.filter(
        forum_id__in=readable_forum_ids(AnonymousUser())
    ).values_list("subject", flat=True)
