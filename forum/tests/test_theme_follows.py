"""A new question in a forum on a theme a member follows notifies them (kind
forum.theme_question) if they may read it, once; Mon espace gathers the member's questions,
answers, followed topics and solutions given, in a fixed number of queries."""

import pytest
from django.urls import reverse

from cms import services as cms_services
from cms.models import Theme
from cms.tests.factories import make_theme
from forum import services
from forum.models import ForumCategory
from hub.accounts.tests.factories import UserFactory
from hub.notifications.models import Notification

from .factories import PostFactory, topic_with_first_post

pytestmark = pytest.mark.django_db


def on_theme(forum, theme):
    """Files a forum's category under a library theme."""
    category, _created = ForumCategory.objects.get_or_create(forum=forum)
    category.themes.add(theme)
    return forum


@pytest.fixture
def cyber_forum(forums, site):
    forum = forums["Cybersécurité"]
    return on_theme(forum, make_theme(slug="cybersecurite", name="Cybersécurité"))


def test_a_new_question_on_a_followed_theme_notifies_its_followers_once(cyber_forum, asker):
    ana = UserFactory(email="ana@exemple.org")
    follower_of_the_forum = UserFactory(email="suit@exemple.org")
    theme = Theme.objects.get(slug="cybersecurite")
    for member in (ana, follower_of_the_forum):
        cms_services.theme_follow_set(user=member, theme=theme, follow=True)
    services.forum_follow_toggle(forum=cyber_forum, user=follower_of_the_forum)

    topic = topic_with_first_post(forum=cyber_forum, poster=asker, subject="Un courriel louche")

    theme_rows = Notification.objects.filter(kind="forum.theme_question")
    assert [(row.recipient_id, row.target_id) for row in theme_rows] == [(ana.pk, str(topic.pk))]
    assert "Un courriel louche" in theme_rows[0].text
    # The forum's follower heard of it once, as a follower of the forum.
    assert list(
        Notification.objects.filter(recipient=follower_of_the_forum).values_list("kind", flat=True)
    ) == ["forum.new_topic"]
    # A reply is not a new question.
    PostFactory(topic=topic, poster=UserFactory())
    assert theme_rows.count() == 1


def test_followers_who_may_not_read_the_forum_hear_nothing(staff_forum, asker, site):
    theme = make_theme(slug="equipe", name="Équipe")
    on_theme(staff_forum, theme)
    ana = UserFactory(email="ana@exemple.org")
    cms_services.theme_follow_set(user=ana, theme=theme, follow=True)
    topic_with_first_post(forum=staff_forum, poster=UserFactory(is_superuser=True))
    assert not Notification.objects.filter(recipient=ana).exists()


def test_my_space_gathers_my_questions_answers_followed_topics_and_solutions(
    client, help_forum, asker, helper
):
    mine = topic_with_first_post(forum=help_forum, poster=asker, subject="Ma question à moi")
    reply = PostFactory(topic=mine, poster=helper, content="Essayez ceci.")
    services.topic_accept_answer(post=reply, by=asker)
    theirs = topic_with_first_post(forum=help_forum, poster=helper, subject="Leur question")
    PostFactory(topic=theirs, poster=asker, content="Ma réponse.")
    followed = topic_with_first_post(forum=help_forum, subject="Un sujet que je suis")
    followed.subscribers.add(asker)

    client.force_login(asker)
    html = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Mes questions et réponses" in html
    assert "Ma question à moi" in html and "Résolu" in html
    assert "Leur question" in html and "Un sujet que je suis" in html

    client.force_login(helper)
    html = client.get(reverse("accounts:dashboard")).content.decode()
    assert "1 solution donnée" in html
