"""A first message held for moderation tells the truth: one message that says it awaits
approval, a page that shows it to its author with a label, a label in "Mes messages",
moderators of that forum told of it, and its author told once it is published."""

from urllib.parse import unquote

import pytest
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_permission.models import ForumPermission, UserForumPermission

from hub.accounts.tests.factories import UserFactory
from hub.notifications.models import Notification

from .conftest import reply_url, topic_url

pytestmark = pytest.mark.django_db

PENDING = "Votre message attend l’approbation d’un modérateur ou d’une modératrice"


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def ask(client, forum, subject="Première question", content="Bonjour tout le monde"):
    return client.post(
        f"/fr/forum/forum/{forum.slug}-{forum.pk}/topic/create/",
        {"subject": subject, "content": content, "topic_type": 0},
        follow=True,
    )


def forum_moderator(forum, **kwargs):
    """A member who may approve messages in `forum` only (machina's per-forum grant)."""
    member = UserFactory(**kwargs)
    permission = ForumPermission.objects.get(codename="can_approve_posts")
    UserForumPermission.objects.create(
        forum=forum, user=member, permission=permission, has_perm=True
    )
    return member


def test_a_held_question_says_once_that_it_waits_and_leads_to_its_topic(client, help_forum):
    newcomer = UserFactory(first_name="Josée")
    client.force_login(newcomer)
    response = ask(client, help_forum)
    topic = Topic.objects.get(subject="Première question")
    assert topic.approved is False
    assert unquote(response.redirect_chain[-1][0]) == topic_url(topic)
    said = messages_of(response)
    assert len(said) == 1, said
    assert said[0].startswith(PENDING)
    html = response.content.decode()
    assert "publié avec succès" not in html
    assert "Bonjour tout le monde" in html  # its author sees the question…
    assert "En attente d’approbation" in html  # …labelled as waiting


def test_a_held_reply_is_shown_to_its_author_only_with_a_label(client, question, asker):
    newcomer = UserFactory(first_name="Josée")
    client.force_login(newcomer)
    response = client.post(
        reply_url(question), {"subject": "Re: sujet", "content": "Ma réponse"}, follow=True
    )
    said = messages_of(response)
    assert len(said) == 1 and said[0].startswith(PENDING), said
    html = response.content.decode()
    assert "Ma réponse" in html and "En attente d’approbation" in html
    client.force_login(asker)
    html = client.get(topic_url(question)).content.decode()
    assert "Ma réponse" not in html and "En attente d’approbation" not in html


def test_my_messages_labels_a_held_message(client, help_forum):
    newcomer = UserFactory(first_name="Josée")
    client.force_login(newcomer)
    ask(client, help_forum)
    html = client.get(f"/fr/forum/member/profile/{newcomer.pk}/posts/").content.decode()
    assert "Première question" in html
    assert "En attente d’approbation" in html


def test_the_moderators_of_that_forum_hear_of_a_held_message(client, help_forum, staff_forum):
    here = forum_moderator(help_forum, first_name="Ici")
    elsewhere = forum_moderator(staff_forum, first_name="Ailleurs")
    newcomer = UserFactory(first_name="Josée", last_name="Tremblay")
    client.force_login(newcomer)
    ask(client, help_forum)
    post = Post.objects.get(poster=newcomer)
    note = Notification.objects.get(recipient=here, kind="forum.pending")
    assert "Josée T." in note.text and "Première question" in note.text
    assert note.url == f"/fr/forum/moderation/queue/{post.pk}/"
    assert not Notification.objects.filter(recipient=elsewhere, kind="forum.pending").exists()
    assert not Notification.objects.filter(recipient=newcomer).exists()


def test_the_author_hears_once_their_message_is_approved(client, help_forum):
    moderator = forum_moderator(help_forum, first_name="Mod")
    newcomer = UserFactory(first_name="Josée")
    client.force_login(newcomer)
    ask(client, help_forum)
    post = Post.objects.get(poster=newcomer)
    assert not Notification.objects.filter(recipient=newcomer, kind="forum.approved").exists()
    client.force_login(moderator)
    client.post(f"/fr/forum/moderation/queue/{post.pk}/approve/")
    post.refresh_from_db()
    assert post.approved
    note = Notification.objects.get(recipient=newcomer, kind="forum.approved")
    assert "Première question" in note.text
    assert note.url.endswith(f"?post={post.pk}#{post.pk}")
    # An edit later notifies nobody again; a message published at once tells nobody it was
    # "approved".
    post.save()
    assert Notification.objects.filter(recipient=newcomer, kind="forum.approved").count() == 1
    client.force_login(newcomer)
    ask(client, help_forum, subject="Deuxième question")
    assert Notification.objects.filter(recipient=newcomer, kind="forum.approved").count() == 1
