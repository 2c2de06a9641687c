"""machina works with our email-keyed user: a member posts a topic and replies, and no page
shows an email address."""

import pytest
from machina.apps.forum_conversation.models import Post, Topic

from hub.accounts.tests.factories import UserFactory

from .factories import programme_forums, topic_with_first_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(site):
    return programme_forums()["Demandes d'aide"]


def test_a_member_starts_a_topic_and_another_replies(client, forum):
    asker = UserFactory(email="nadia@exemple.org", first_name="Nadia", last_name="Bouchard")
    helper = UserFactory(email="karim@exemple.org", first_name="Karim", last_name="Benali")
    # Both have posted before: a brand-new member's first post waits for a moderator
    # (see test_moderation.py), which is not what this test is about.
    for member in (asker, helper):
        topic_with_first_post(forum=forum, poster=member, content="Bonjour à toutes et à tous.")

    client.force_login(asker)
    response = client.post(
        f"/fr/forum/forum/{forum.slug}-{forum.pk}/topic/create/",
        {
            "subject": "Quel logiciel de gestion des membres?",
            "content": "Nous sommes un petit organisme. Que recommandez-vous?",
            "topic_type": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    topic = Topic.objects.get(subject="Quel logiciel de gestion des membres?")

    client.force_login(helper)
    reply_url = (
        f"/fr/forum/forum/{forum.slug}-{forum.pk}/topic/{topic.slug}-{topic.pk}/post/create/"
    )
    response = client.post(
        reply_url, {"subject": "Re: logiciel", "content": "Essayez un CRM libre."}
    )
    assert response.status_code == 302
    assert Post.objects.filter(topic=topic).count() == 2

    page = client.get(f"/fr/forum/forum/{forum.slug}-{forum.pk}/topic/{topic.slug}-{topic.pk}/")
    html = page.content.decode()
    assert "Essayez un CRM libre." in html
    assert "Nadia B." in html and "Karim B." in html
    assert "@exemple.org" not in html


def test_visitors_read_public_forums_but_not_the_staff_forum(client, forum):
    assert client.get("/fr/forum/").status_code == 200
    html = client.get("/fr/forum/").content.decode()
    assert "Demandes d&#x27;aide" in html or "Demandes d'aide" in html
    assert "Espace équipe" not in html


def test_machinas_haystack_search_is_not_loaded():
    """machina's own search needs django-haystack; the hub mounts machina without it."""
    import sys

    from django.urls import reverse

    assert "haystack" not in sys.modules
    assert reverse("community:search")
