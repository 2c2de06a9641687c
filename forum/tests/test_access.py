"""The forum's rules as truth tables (forum/access.py): who may read a topic or a post, react,
report, choose the solution and moderate, for a visitor, a member, the author, a moderator
(by group, not staff), a staff member (no forum rights of their own) and a superuser, on a
normal topic, a topic held for moderation and a topic of the staff-only forum. The SQL form
of the reading rule (`readable_posts`) gives the same answers as the Python one, and the
live-topic consumer asks the same rule as the topic page."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.urls import reverse
from machina.apps.forum_conversation.models import Post

from forum import access, services
from hub.accounts.tests.factories import UserFactory
from hub.asgi import application
from hub.tests.test_websocket import session_cookie_for

from .conftest import established
from .factories import PostFactory, TopicFactory, moderators_group, programme_forums

PERSONAS = ("visitor", "member", "author", "moderator", "staff", "superuser")
KINDS = ("normal", "held", "private")
T, F = True, False


def make_people():
    moderator = UserFactory(first_name="Modé", last_name="Ratrice")
    moderator.groups.add(moderators_group())
    return {
        "visitor": AnonymousUser(),
        "member": established(),
        "author": established(),
        "moderator": moderator,
        "staff": UserFactory(is_staff=True),
        "superuser": UserFactory(is_staff=True, is_superuser=True),
    }


def make_topics(author):
    """One topic per kind, each a question by `author` and a reply by someone else."""
    forums = programme_forums()
    topics = {}
    for kind in KINDS:
        forum = forums["Espace équipe et formateurs" if kind == "private" else "Demandes d'aide"]
        held = kind == "held"
        topic = TopicFactory(forum=forum, poster=author, approved=not held)
        PostFactory(topic=topic, poster=author, approved=not held)
        PostFactory(topic=topic, poster=established(), approved=True)
        topic.refresh_from_db()
        topics[kind] = topic
    moderators_group()  # its grants now cover these forums too
    return topics


@pytest.fixture
def world(db):
    people = make_people()
    return people, make_topics(people["author"])


def table(rule, world, target):
    people, topics = world
    return {
        kind: tuple(rule(target(topics[kind]), people[who]) for who in PERSONAS) for kind in KINDS
    }


def head(topic):
    return topic.posts.order_by("pk").first()


def reply(topic):
    return topic.posts.order_by("pk").last()


#                       visitor member author moderator staff superuser
READ = {
    "normal": (T, T, T, T, T, T),
    "held": (F, F, T, T, F, T),
    "private": (F, F, F, T, F, T),
}


def test_who_reads_a_topic(world):
    rule = lambda topic, user: access.can_read_topic(topic=topic, user=user)  # noqa: E731
    assert table(rule, world, lambda t: t) == READ


def test_who_reads_the_question_of_a_topic(world):
    rule = lambda post, user: access.can_read_post(post=post, user=user)  # noqa: E731
    assert table(rule, world, head) == READ


def test_the_sql_reading_rule_gives_the_same_answers_as_the_python_one(world):
    people, topics = world
    posts = Post.objects.filter(topic__in=topics.values())
    for who in PERSONAS:
        user = people[who]
        in_sql = set(access.readable_posts(posts, user=user).values_list("pk", flat=True))
        in_python = {p.pk for p in posts if access.can_read_post(post=p, user=user)}
        assert in_sql == in_python, who


def test_who_may_choose_the_solution(world):
    rule = lambda topic, user: access.can_accept_solution(topic=topic, user=user)  # noqa: E731
    assert table(rule, world, lambda t: t) == {
        "normal": (F, F, T, T, F, T),
        "held": (F, F, T, T, F, T),
        "private": (F, F, F, T, F, T),  # the author no longer reads that forum
    }


# Reacting and reporting: to the author's own question, never; to a reply they may read, yes.
OWN_POST = {
    "normal": (F, T, F, T, T, T),
    "held": (F, F, F, T, F, T),
    "private": (F, F, F, T, F, T),
}


@pytest.mark.parametrize("rule", [access.can_react, access.can_report])
def test_who_may_react_to_and_report_the_authors_question(world, rule):
    assert table(lambda post, user: rule(post=post, user=user), world, head) == OWN_POST


@pytest.mark.parametrize("rule", [access.can_react, access.can_report])
def test_the_author_may_react_to_and_report_a_reply_they_read(world, rule):
    people, topics = world
    for kind in ("normal", "held"):
        assert rule(post=reply(topics[kind]), user=people["author"]), kind
    assert not rule(post=reply(topics["private"]), user=people["author"])


def test_who_moderates(world):
    people, topics = world
    answers = [access.can_moderate(forum=topics["normal"].forum, user=people[w]) for w in PERSONAS]
    assert answers == [F, F, F, T, F, T]
    hint = [access.can_moderate_some_forum(people[w]) for w in PERSONAS]
    assert hint == [F, F, F, T, F, T]


def test_access_topic_answers_404_alike_for_missing_hidden_and_malformed_ids(world):
    people, topics = world
    member = people["member"]
    assert access.access_topic(topic_id=str(topics["normal"].pk), user=member) == topics["normal"]
    for topic_id in (topics["held"].pk, topics["private"].pk, 999_999, "abc", "²", None):
        with pytest.raises(Http404):
            access.access_topic(topic_id=topic_id, user=member)


# --- where two copies of a rule disagreed -----------------------------------------------------


def test_an_author_cannot_report_their_own_post(client, world):
    """The topic page never offered "Report" on your own post, but the service and the
    report page took it."""
    people, topics = world
    author, post = people["author"], head(topics["normal"])
    with pytest.raises(services.ForumError, match="propre message|your own message"):
        services.post_report(post=post, user=author, reason="Je me signale")
    client.force_login(author)
    assert client.get(reverse("community:post_report", args=[post.pk])).status_code == 403
    assert (
        client.post(reverse("community:post_report", args=[post.pk]), {"reason": "Moi"}).status_code
        == 403
    )
    assert not post.community_reports.exists()


def test_the_topic_page_offers_react_report_and_solution_by_the_same_rule(client, world):
    people, topics = world
    topic = topics["normal"]
    url = reverse(
        "forum_conversation:topic", args=[topic.forum.slug, topic.forum.pk, topic.slug, topic.pk]
    )
    client.force_login(people["author"])
    html = client.get(url).content.decode()
    assert reverse("community:post_report", args=[reply(topic).pk]) in html
    assert reverse("community:post_report", args=[head(topic).pk]) not in html
    assert reverse("community:solution_accept", args=[reply(topic).pk]) in html
    client.force_login(people["member"])
    html = client.get(url).content.decode()
    assert reverse("community:post_report", args=[head(topic).pk]) in html
    assert reverse("community:solution_accept", args=[reply(topic).pk]) not in html


def communicator(cookie, topic_id):
    headers = [(b"origin", b"http://localhost"), (b"host", b"localhost"), (b"cookie", cookie)]
    return WebsocketCommunicator(application, f"/ws/forum/topic/{topic_id}/", headers=headers)


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_the_live_topic_asks_the_topic_pages_rule():
    """The consumer had its own rule (approved topics only): the author and the moderators
    of a held topic read its page but could not hear of its replies."""

    @database_sync_to_async
    def setup():
        people = make_people()
        return people, make_topics(people["author"])

    people, topics = await setup()
    held = topics["held"].pk
    for who, allowed in (("author", T), ("moderator", T), ("member", F), ("staff", F)):
        connected, code = await communicator(await session_cookie_for(people[who]), held).connect()
        assert connected is allowed, who
        if not allowed:
            assert code == 4403
    private = topics["private"].pk
    connected, _ = await communicator(await session_cookie_for(people["author"]), private).connect()
    assert not connected
