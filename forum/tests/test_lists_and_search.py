"""Unanswered questions, the home page's questions, and flat query counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.client import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from machina.apps.forum_conversation.models import Topic

from forum import services

from .conftest import established, topic_url
from .factories import PostFactory, topic_with_first_post

pytestmark = pytest.mark.django_db


def age(topic, hours):
    Topic.objects.filter(pk=topic.pk).update(created=timezone.now() - timedelta(hours=hours))


def test_unanswered_lists_questions_waiting_more_than_48_hours(
    client, help_forum, staff_forum, helper
):
    waiting = topic_with_first_post(forum=help_forum, subject="Sauvegardes infonuagiques?")
    recent = topic_with_first_post(forum=help_forum, subject="Question toute fraîche")
    answered = topic_with_first_post(forum=help_forum, subject="Déjà répondue")
    PostFactory(topic=answered, poster=helper)
    private = topic_with_first_post(forum=staff_forum, subject="Sujet de l'équipe")
    for topic in (waiting, answered, private):
        age(topic, 72)
    age(recent, 2)

    html = client.get("/fr/forum/sans-reponse/").content.decode()
    assert "Sauvegardes infonuagiques?" in html
    assert "Question toute fraîche" not in html
    assert "Déjà répondue" not in html
    assert "Sujet de l&#x27;équipe" not in html and "Sujet de l'équipe" not in html

    client.force_login(helper)  # members cannot read the staff forum either
    assert "Sujet de l" not in client.get("/fr/forum/sans-reponse/").content.decode()


def render_tag(source, user):
    request = RequestFactory().get("/fr/")
    request.user = user
    return Template("{% load community_tags %}" + source).render(Context({"request": request}))


def test_home_page_questions_respect_forum_permissions(help_forum, staff_forum, moderator):
    from django.contrib.auth.models import AnonymousUser

    topic_with_first_post(forum=help_forum, subject="Question publique")
    topic_with_first_post(forum=staff_forum, subject="Question privée")
    html = render_tag("{% latest_questions 10 %}", AnonymousUser())
    assert "Question publique" in html and "Question privée" not in html
    html = render_tag("{% latest_questions 10 %}", moderator)
    assert "Question privée" in html
    html = render_tag("{% unanswered_questions %}", AnonymousUser())
    assert "Chaque question a une réponse" in html or "Every question" in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_topic_page_query_count_does_not_grow_with_posts(
    client, help_forum, helper, django_assert_max_num_queries
):
    members = [established() for _ in range(4)]
    small = topic_with_first_post(forum=help_forum, subject="Petit sujet")
    big = topic_with_first_post(forum=help_forum, subject="Grand sujet")
    for n in range(3):
        PostFactory(topic=small, poster=members[n % 4])
    for n in range(14):  # one full page (15 posts per page) with many authors
        post = PostFactory(topic=big, poster=members[n % 4])
        services.reaction_toggle(post=post, user=helper, kind="thanks")
    services.topic_accept_answer(post=post, by=big.poster)
    client.force_login(helper)
    # First visits mark the topics read (a fixed number of writes): warm both.
    client.get(topic_url(small))
    client.get(topic_url(big))
    small_count = count_queries(client, topic_url(small))
    big_count = count_queries(client, topic_url(big))
    assert big_count <= small_count + 2, (small_count, big_count)
    with django_assert_max_num_queries(small_count + 2):
        client.get(topic_url(big) + "?page=1")


def test_forum_index_query_count_is_flat(client, help_forum, forums, helper):
    client.force_login(helper)
    client.get("/fr/forum/")
    before = count_queries(client, "/fr/forum/")
    for forum in list(forums.values())[:6]:
        for _ in range(3):
            topic_with_first_post(forum=forum)
    after = count_queries(client, "/fr/forum/")
    assert after <= before + 1, (before, after)


def test_forum_page_and_unanswered_are_flat(client, help_forum, helper):
    url = f"/fr/forum/forum/{help_forum.slug}-{help_forum.pk}/"
    topics = [topic_with_first_post(forum=help_forum) for _ in range(2)]
    for topic in topics:
        age(topic, 72)
    client.force_login(helper)
    client.get(url)
    before = count_queries(client, url)
    before_unanswered = count_queries(client, "/fr/forum/sans-reponse/")
    more = [topic_with_first_post(forum=help_forum, poster=established()) for _ in range(12)]
    for topic in more:
        age(topic, 72)
    assert count_queries(client, url) <= before + 1
    assert count_queries(client, "/fr/forum/sans-reponse/") <= before_unanswered + 1
