"""What the home page costs (issue 16: 26 queries and ~330 ms for a member under load, 145 ms
of it in `latest_questions`): a fixed number of queries whatever the forum holds, the
readable forums worked out once per page, the latest questions read through machina's index."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_permission.handler import PermissionHandler

from forum import selectors
from forum.access import readable_forum_ids
from hub.accounts.tests.factories import UserFactory

from .factories import topic_with_first_post

# Visitor: Wagtail's site, locale, pages and view restrictions (8); machina's forums and
# forum permissions, read once for the page (4); the latest questions and their solutions
# (2), the unanswered ones (1). Member, on top: session and account (2), unread
# notifications (1), group forum permissions (1), Wagtail's user bar asking Django for the
# member's permissions (2).
HOME_QUERIES = {"visitor": 15, "member": 21}


def many_topics(forums, count, *, approved=lambda i: True):
    """`count` topics with their messages, spread over `forums`, as fast as bulk_create."""
    poster = UserFactory()
    now = timezone.now()
    forums = list(forums)
    topics = Topic.objects.bulk_create(
        Topic(
            forum=forums[i % len(forums)],
            poster=poster,
            subject=f"Sujet {i}",
            slug=f"sujet-{i}",
            type=Topic.TOPIC_POST,
            status=Topic.TOPIC_UNLOCKED,
            approved=approved(i),
            posts_count=1 + i % 3,
            created=now - timedelta(days=3, minutes=i),
            last_post_on=now - timedelta(days=1, minutes=i),
        )
        for i in range(count)
    )
    Post.objects.bulk_create(
        Post(topic=topic, poster=poster, subject=topic.subject, content="Bonjour", approved=True)
        for topic in topics
        for _ in range(topic.posts_count)
    )
    return topics


def home_queries(client) -> int:
    client.get("/fr/")  # caches warm (categories, site root)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/").status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_the_home_page_costs_the_same_whatever_the_forum_holds(client, site, forums, who):
    if who == "member":
        client.force_login(UserFactory())
    topic_with_first_post(forum=forums["Demandes d'aide"])
    assert home_queries(client) == HOME_QUERIES[who]
    many_topics(forums.values(), 40)
    assert home_queries(client) == HOME_QUERIES[who]


def test_the_latest_questions_still_hide_private_forums_and_held_topics(client, site, forums):
    staff_only = forums["Espace équipe et formateurs"]
    topic_with_first_post(forum=staff_only, subject="Réservé à l'équipe")
    held = topic_with_first_post(forum=forums["Demandes d'aide"], subject="Pas encore publié")
    Topic.objects.filter(pk=held.pk).update(approved=False, last_post_on=timezone.now())
    topic_with_first_post(forum=forums["Annonces"], subject="Bienvenue à tous")
    for user in (None, UserFactory()):
        if user is not None:
            client.force_login(user)
        html = client.get("/fr/").content.decode()
        assert "Bienvenue à tous" in html
        assert "Réservé à l'équipe" not in html and "Pas encore publié" not in html


def test_the_readable_forums_are_worked_out_once_per_handler_and_per_reader(forums):
    handler = PermissionHandler()
    member = UserFactory()
    staff_only = forums["Espace équipe et formateurs"].pk
    readable = readable_forum_ids(AnonymousUser(), handler=handler)
    with CaptureQueriesContext(connection) as queries:
        assert readable_forum_ids(AnonymousUser(), handler=handler) == readable
    assert len(queries) == 0
    assert staff_only not in readable_forum_ids(member, handler=handler)
    superuser = UserFactory(is_superuser=True)
    assert staff_only in readable_forum_ids(superuser, handler=handler)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_postgres_reads_the_latest_questions_through_an_index(forums):
    """PostgreSQL walks machina's index on `last_post_on` backwards and stops at five,
    rather than reading and sorting every approved topic of the readable forums."""
    many_topics(forums.values(), 3000, approved=lambda i: i % 7 != 0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE forum_conversation_topic")
    ids = readable_forum_ids(AnonymousUser())
    queryset = (
        Topic.approved_objects.filter(forum_id__in=ids)
        .select_related("forum")
        .only(*selectors.CARD_FIELDS)
        .order_by("-last_post_on")[:5]
    )
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Scan Backward using forum_conversation_topic_last_post_on" in plan, plan
    assert "Sort" not in plan, plan
    latest = selectors.latest_topics(user=AnonymousUser())
    assert [t.subject for t in latest] == ["Sujet 1", "Sujet 2", "Sujet 3", "Sujet 4", "Sujet 5"]
