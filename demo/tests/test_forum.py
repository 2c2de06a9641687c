"""Demo content: realistic discussions, seeded once."""

import pytest
from machina.apps.forum_conversation.models import Post, Topic

from demo.loaders import accounts as accounts_demo
from demo.loaders import forum as demo
from forum.models import Reaction, TopicSolution

pytestmark = pytest.mark.django_db


def counts():
    return (
        Topic.objects.count(),
        Post.objects.count(),
        Reaction.objects.count(),
        TopicSolution.objects.count(),
    )


def test_demo_discussions_are_realistic_and_idempotent(client):
    accounts_demo.seed(lambda message: None)
    demo.seed(lambda message: None)
    topics, posts, reactions, solutions = counts()
    assert topics >= 40
    assert posts > topics
    assert solutions >= 5 and reactions >= 10
    assert Topic.objects.filter(approved=False).count() == 1
    assert Topic.objects.filter(subject__startswith="How do you").exists()  # some English
    demo.seed(lambda message: None)
    assert counts() == (topics, posts, reactions, solutions)

    # Visitors see the public discussions and the unanswered list, not the staff forum.
    html = client.get("/fr/forum/sans-reponse/").content.decode()
    assert "Logiciel de gestion de banque alimentaire?" in html
    assert "Double authentification pour les bénévoles?" not in html  # asked today
    index = client.get("/fr/forum/").content.decode()
    assert "Espace équipe" not in index
    # Every category names and describes itself in English too.
    english = client.get("/en/forum/").content.decode()
    assert "Help requests" in english and "Passwords, backups, phishing" in english
    assert "(en français)" not in english and "Demandes d&#x27;aide" not in english


def test_demo_moderators_moderate_without_being_superusers(client):
    accounts_demo.seed(lambda message: None)
    demo.seed(lambda message: None)
    from django.contrib.auth import get_user_model

    moderator = get_user_model().objects.get(email="moderation@dataide.example")
    assert not moderator.is_superuser
    client.force_login(moderator)
    queue = client.get("/fr/forum/moderation/queue/").content.decode()
    assert "Première question d&#x27;un nouveau membre" in queue or (
        "Première question d'un nouveau membre" in queue
    )
    assert "Espace équipe" in client.get("/fr/forum/").content.decode()
