"""Held and private content stays with those who may read it (issue 11, finding 5): a post
held for moderation, or anything in a forum a person may not read, shows nowhere — not on
a profile's list of posts, not in a redirect's Location, not in a page title, not in a
notification."""

from urllib.parse import unquote

import pytest
from django.urls import reverse
from machina.apps.forum_permission.models import ForumPermission, UserForumPermission

from hub.accounts.tests.factories import UserFactory
from hub.notifications.models import Notification
from hub.privacy.models import MemberPrivacy

from .conftest import established, topic_url
from .factories import PostFactory, TopicFactory, topic_with_first_post


@pytest.fixture
def newcomer(db):
    """A new member whose profile is open to members (so the list of posts shows)."""
    user = UserFactory(first_name="Lucie", last_name="Gagnon")
    MemberPrivacy.objects.update_or_create(
        user=user, defaults={"profile_visibility": MemberPrivacy.Visibility.MEMBERS}
    )
    return user


def held_topic(*, forum, poster, subject="Sujet retenu en modération secrète"):
    topic = TopicFactory(forum=forum, poster=poster, subject=subject, approved=False)
    PostFactory(topic=topic, poster=poster, content="Mon premier message.", approved=False)
    topic.refresh_from_db()
    return topic


def deny_reading(*, forum, user):
    UserForumPermission.objects.update_or_create(
        forum=forum,
        user=user,
        permission=ForumPermission.objects.get(codename="can_read_forum"),
        defaults={"has_perm": False},
    )


# --- a member's list of posts ---------------------------------------------------------------


def test_a_held_post_is_not_on_the_authors_posts_list_for_another_member(
    client, help_forum, newcomer, helper
):
    topic = held_topic(forum=help_forum, poster=newcomer)
    url = reverse("forum_member:user_posts", args=[newcomer.pk])
    client.force_login(helper)
    response = client.get(url)
    assert response.status_code == 200
    assert topic.subject not in response.content.decode()
    assert "Mon premier message" not in response.content.decode()


def test_the_author_and_a_moderator_still_see_the_held_post_on_the_list(
    client, help_forum, newcomer, moderator
):
    topic = held_topic(forum=help_forum, poster=newcomer)
    url = reverse("forum_member:user_posts", args=[newcomer.pk])
    for viewer in (newcomer, moderator):
        client.force_login(viewer)
        assert topic.subject in client.get(url).content.decode()


def test_an_approved_post_in_a_held_topic_stays_off_the_list_too(
    client, help_forum, newcomer, helper
):
    topic = held_topic(forum=help_forum, poster=newcomer, subject="Titre tenu caché")
    PostFactory(topic=topic, poster=newcomer, content="Suite", approved=True)
    client.force_login(helper)
    response = client.get(reverse("forum_member:user_posts", args=[newcomer.pk]))
    assert "Titre tenu caché" not in response.content.decode()


# --- the short link to a message ------------------------------------------------------------


def _assert_no_slug(response, topic):
    assert response.status_code in {302, 404}
    location = unquote(response.get("Location", ""))
    assert topic.slug not in location


def test_the_short_link_gives_visitors_no_slug_of_a_staff_only_topic(client, staff_forum):
    topic = topic_with_first_post(
        forum=staff_forum, poster=UserFactory(is_staff=True), subject="Budget confidentiel 2027"
    )
    response = client.get(reverse("community:post", args=[topic.first_post_id]))
    _assert_no_slug(response, topic)
    if response.status_code == 302:  # to the sign-in page, coming back to the short link
        assert response["Location"].startswith(reverse("account_login"))


def test_the_short_link_gives_a_member_a_404_for_a_staff_only_topic(client, staff_forum, helper):
    topic = topic_with_first_post(
        forum=staff_forum, poster=UserFactory(is_staff=True), subject="Budget confidentiel 2027"
    )
    client.force_login(helper)
    response = client.get(reverse("community:post", args=[topic.first_post_id]))
    assert response.status_code == 404
    assert topic.slug not in response.get("Location", "")
    assert "Budget" not in response.content.decode()


def test_the_short_link_gives_no_slug_of_a_held_topic(client, help_forum, newcomer, helper):
    topic = held_topic(forum=help_forum, poster=newcomer)
    _assert_no_slug(client.get(reverse("community:post", args=[topic.first_post_id])), topic)
    client.force_login(helper)
    _assert_no_slug(client.get(reverse("community:post", args=[topic.first_post_id])), topic)


def test_the_short_link_still_leads_readers_to_the_message(client, question):
    response = client.get(reverse("community:post", args=[question.first_post_id]))
    assert response.status_code == 302
    assert question.slug in response["Location"]


def test_the_short_link_to_a_missing_message_is_a_404(client, db):
    assert client.get(reverse("community:post", args=[999999])).status_code == 404


# --- the topic page -------------------------------------------------------------------------


def test_a_held_topic_page_shows_visitors_and_members_no_title(
    client, help_forum, newcomer, helper
):
    topic = held_topic(forum=help_forum, poster=newcomer)
    response = client.get(topic_url(topic))
    assert response.status_code == 404
    assert "modération secrète" not in response.content.decode()
    client.force_login(helper)
    response = client.get(topic_url(topic))
    assert response.status_code == 404
    assert "modération secrète" not in response.content.decode()


def test_a_held_topic_page_opens_for_its_author_and_moderators(
    client, help_forum, newcomer, moderator
):
    topic = held_topic(forum=help_forum, poster=newcomer)
    for viewer in (newcomer, moderator):
        client.force_login(viewer)
        response = client.get(topic_url(topic))
        assert response.status_code == 200
        assert "modération secrète" in response.content.decode()


# --- reply notifications --------------------------------------------------------------------


def test_a_follower_who_lost_read_access_hears_of_no_reply(question, asker, helper):
    follower = established(first_name="Ancien", last_name="Membre")
    question.subscribers.add(follower)
    deny_reading(forum=question.forum, user=follower)
    PostFactory(topic=question, poster=helper, content="Voici une réponse.")
    assert not Notification.objects.filter(recipient=follower).exists()
    assert Notification.objects.filter(recipient=asker, kind="forum.answer").exists()
