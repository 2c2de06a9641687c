"""The forum index says "Nouveau" only where a signed-in member has something new to read,
and prints its counts the locale's way: "2 041 sujets · 40 102 messages" (issue 18, item 12)."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape
from machina.apps.forum.models import Forum

from hub.accounts.tests.factories import UserFactory

from .conftest import topic_url
from .factories import topic_with_first_post

pytestmark = pytest.mark.django_db

BADGE = '<span class="badge badge-info">Nouveau</span>'


def _index(client) -> str:
    return client.get("/fr/forum/").content.decode()


def _card(html: str, name: str) -> str:
    start = html.index(f">{escape(name)}</a>")
    return html[start : html.index("</h2>", start)]


def test_visitors_and_newcomers_see_no_new_badge_on_what_was_there_before(client, forums):
    poster = UserFactory()
    for forum in forums.values():
        topic_with_first_post(forum=forum, poster=poster)
    assert BADGE not in _index(client)
    newcomer = UserFactory(date_joined=timezone.now() + datetime.timedelta(seconds=1))
    client.force_login(newcomer)
    assert BADGE not in _index(client)


def test_a_topic_posted_since_is_new_until_read_and_only_in_its_forum(client, forums):
    member = UserFactory(date_joined=timezone.now() - datetime.timedelta(days=1))
    help_forum = forums["Demandes d'aide"]
    other = next(f for name, f in forums.items() if f.pk != help_forum.pk and "équipe" not in name)
    topic = topic_with_first_post(forum=help_forum, poster=UserFactory())
    client.force_login(member)
    html = _index(client)
    assert BADGE in _card(html, help_forum.name)
    assert BADGE not in _card(html, other.name)
    assert html.count(BADGE) == 1
    client.get(topic_url(topic))
    assert BADGE not in _index(client)
    # The member's own new topic is nothing new to them.
    topic_with_first_post(forum=other, poster=member)
    assert BADGE not in _index(client)


def test_counts_are_grouped_with_a_non_breaking_space(client, forums):
    forum = forums["Demandes d'aide"]
    topic_with_first_post(forum=forum)
    Forum.objects.filter(pk=forum.pk).update(direct_topics_count=2041, direct_posts_count=40102)
    card = _index(client)
    assert "2\u00a0041 sujets" in card and "40\u00a0102 messages" in card
    english = client.get("/en/forum/").content.decode()
    assert "2,041 topics" in english and "40,102 messages" in english
