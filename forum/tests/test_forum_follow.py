"""Following a whole forum: every new question in it reaches its followers."""

import pytest

from forum.models import ForumFollow
from hub.notifications.models import Notification

from .conftest import established

pytestmark = pytest.mark.django_db


def follow_url(forum):
    return f"/fr/forum/categorie/{forum.pk}/suivre/"


def create_topic(client, forum, subject):
    return client.post(
        f"/fr/forum/forum/{forum.slug}-{forum.pk}/topic/create/",
        {"subject": subject, "content": "Des idées?", "topic_type": 0},
    )


def test_a_member_follows_a_forum_and_hears_of_each_new_question(
    client, help_forum, asker, helper, site
):
    client.force_login(helper)
    page = client.get(f"/fr/forum/forum/{help_forum.slug}-{help_forum.pk}/").content.decode()
    assert "Suivre ce forum" in page
    response = client.post(follow_url(help_forum))
    assert response.status_code == 302
    assert ForumFollow.objects.filter(forum=help_forum, user=helper).exists()
    page = client.get(f"/fr/forum/forum/{help_forum.slug}-{help_forum.pk}/").content.decode()
    assert "Ne plus suivre ce forum" in page

    client.force_login(asker)
    assert create_topic(client, help_forum, "Sauvegardes infonuagiques?").status_code == 302
    note = Notification.objects.get(recipient=helper, kind="forum.new_topic")
    assert note.text == "Nadia B. a posé la question « Sauvegardes infonuagiques? »"
    # The author of the question is never told of their own question.
    assert not Notification.objects.filter(recipient=asker, kind="forum.new_topic").exists()


def test_following_again_stops_following(client, help_forum, helper, site):
    client.force_login(helper)
    client.post(follow_url(help_forum))
    client.post(follow_url(help_forum))
    assert not ForumFollow.objects.filter(user=helper).exists()


def test_a_member_cannot_follow_the_staff_forum(client, staff_forum, helper, site):
    client.force_login(helper)
    assert client.post(follow_url(staff_forum)).status_code == 404
    assert not ForumFollow.objects.exists()


def test_visitors_must_sign_in_to_follow(client, help_forum, site):
    response = client.post(follow_url(help_forum))
    assert response.status_code == 302
    assert "/compte/login/" in response["Location"]
    assert not ForumFollow.objects.exists()


def test_a_follower_who_lost_access_hears_nothing(client, staff_forum, site):
    from forum.services import forum_followers_who_can_read

    outsider = established(first_name="Ex", last_name="Formateur")
    ForumFollow.objects.create(forum=staff_forum, user=outsider)
    assert forum_followers_who_can_read(forum=staff_forum) == []
