"""What the topic page costs, and what it must still do for that price: read tracking with a
fast path for topics already read (forum/tracking.py), the forum bar's moderation links (one
query), one reaction form per message, a fixed number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from machina.apps.forum_tracking.handler import TrackingHandler
from machina.apps.forum_tracking.models import ForumReadTrack, TopicReadTrack

from .conftest import established, topic_url
from .factories import PostFactory, moderators_group, topic_with_first_post


def is_unread(topic, user) -> bool:
    topic.refresh_from_db()
    return topic in TrackingHandler().get_unread_topics([topic], user)


def test_reading_marks_a_topic_read_and_a_new_reply_makes_it_unread(
    client, question, helper, asker
):
    client.force_login(helper)
    assert is_unread(question, helper)
    client.get(topic_url(question))
    assert not is_unread(question, helper)
    PostFactory(topic=question, poster=asker, content="Une précision.")
    assert is_unread(question, helper)
    client.get(topic_url(question))
    assert not is_unread(question, helper)


def test_reading_a_topic_again_writes_nothing_to_the_read_tracks(
    client, question, helper, help_forum
):
    topic_with_first_post(forum=help_forum)  # still unread: the forum stays unread
    client.force_login(helper)
    client.get(topic_url(question))
    track = TopicReadTrack.objects.get(topic=question, user=helper)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(topic_url(question)).status_code == 200
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if "forum_tracking" in q["sql"] and q["sql"].lstrip().startswith(("UPDATE", "INSERT"))
    ]
    assert writes == []
    assert TopicReadTrack.objects.get(pk=track.pk).mark_time == track.mark_time


def test_reading_every_topic_of_a_forum_marks_the_forum_read(client, help_forum, helper):
    """machina's forum-wide step still runs when a topic was unread."""
    topics = [topic_with_first_post(forum=help_forum) for _ in range(2)]
    client.force_login(helper)
    client.get(topic_url(topics[0]))
    assert not ForumReadTrack.objects.filter(forum=help_forum, user=helper).exists()
    client.get(topic_url(topics[1]))
    assert ForumReadTrack.objects.filter(forum=help_forum, user=helper).exists()
    assert not is_unread(topics[0], helper)


def test_the_moderation_links_show_for_moderators_only(client, question, helper, site):
    queue = reverse("forum_moderation:queue")
    client.force_login(helper)
    page = client.get(topic_url(question)).content.decode()
    assert f'href="{queue}"' not in page
    group = moderators_group()
    moderator = established(first_name="Marie-Ève", last_name="Roy")
    moderator.groups.add(group)
    client.force_login(moderator)
    page = client.get(topic_url(question)).content.decode()
    assert f'href="{queue}"' in page
    assert f'href="{reverse("community:reports")}"' in page
    assert client.get(queue).status_code == 200
    client.logout()
    assert f'href="{queue}"' not in client.get(topic_url(question)).content.decode()


def test_each_message_has_one_reaction_form_with_a_button_per_kind(client, question, helper, asker):
    PostFactory(topic=question, poster=asker, content="Une précision.")
    client.force_login(helper)
    page = client.get(topic_url(question)).content.decode()
    assert page.count('class="reaction-form"') == 2
    assert page.count('name="kind" value="thanks"') == 2
    assert page.count('name="kind" value="useful"') == 2
    reply = question.posts.last()
    response = client.post(
        reverse("community:reaction_toggle", args=[reply.pk]), {"kind": "useful"}
    )
    assert response.status_code == 302
    assert reply.community_reactions.filter(user=helper, kind="useful").exists()


def test_a_topic_page_costs_a_fixed_number_of_queries(
    client, question, helper, asker, django_assert_max_num_queries
):
    for n in range(14):
        PostFactory(topic=question, poster=established() if n % 3 else asker)
    client.force_login(helper)
    client.get(topic_url(question))  # the first visit writes the read track
    # Session, member, topic, 2 permissions, post count, poll, posts, attachments, forum
    # profiles, solution, reactions, followed?, views count, read track, bell, moderator?
    with django_assert_max_num_queries(17):
        assert client.get(topic_url(question)).status_code == 200
