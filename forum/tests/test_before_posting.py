""" "Before posting": a new question's title is matched against the library and the solved
discussions; without JavaScript as a step of the form, live with it (a JSON endpoint)."""

import pytest
from machina.apps.forum_conversation.models import Topic

from cms.tests.factories import make_resource
from forum import services
from forum.models import TopicSolution

from .factories import PostFactory, topic_with_first_post

pytestmark = pytest.mark.django_db
HEADING = "Avant de publier : ces ressources et discussions répondent peut-être à votre question"


@pytest.fixture
def answers(help_forum, staff_forum, helper):
    from cms.services import library_setup

    library = library_setup()
    make_resource(library, title="Choisir un gestionnaire de sauvegardes", summary="Sauvegardes.")
    solved = topic_with_first_post(
        forum=help_forum, subject="Sauvegardes de nos dossiers", content="Où sauvegarder?"
    )
    answer = PostFactory(topic=solved, poster=helper, content="Trois copies.")
    services.topic_accept_answer(post=answer, by=solved.poster)
    private = topic_with_first_post(
        forum=staff_forum, subject="Sauvegardes internes", content="Sauvegardes de l'équipe"
    )
    TopicSolution.objects.create(topic=private, post=PostFactory(topic=private, poster=helper))
    return solved


def new_topic_url(forum):
    return f"/fr/forum/forum/{forum.slug}-{forum.pk}/topic/create/"


def test_the_first_submit_shows_what_may_answer_and_keeps_everything_typed(
    client, help_forum, asker, answers, site
):
    client.force_login(asker)
    typed = {
        "subject": "Comment faire nos sauvegardes?",
        "content": "Texte **gardé**.",
        "topic_type": 0,
    }
    response = client.post(new_topic_url(help_forum), typed)
    assert response.status_code == 200
    html = response.content.decode()
    assert HEADING in html
    assert "Choisir un gestionnaire de sauvegardes" in html
    assert "Sauvegardes de nos dossiers" in html
    assert "Sauvegardes internes" not in html  # a private forum's topic, even solved
    assert 'value="Comment faire nos sauvegardes?"' in html and "Texte **gardé**." in html
    assert "Publier quand même" in html
    assert not Topic.objects.filter(subject=typed["subject"]).exists()
    response = client.post(new_topic_url(help_forum), {**typed, "publish_anyway": "1"})
    assert response.status_code == 302
    assert Topic.objects.filter(subject=typed["subject"]).exists()


def test_a_title_nothing_answers_is_published_at_once(client, help_forum, asker, answers):
    client.force_login(asker)
    response = client.post(
        new_topic_url(help_forum),
        {"subject": "Zorglub et compagnie", "content": "Bonjour", "topic_type": 0},
    )
    assert response.status_code == 302


def test_the_live_suggestions_answer_json_for_members_only(client, help_forum, asker, answers):
    url = "/fr/forum/avant-de-publier/"
    assert client.get(url, {"q": "sauvegardes"}).status_code == 302  # sign in first
    client.force_login(asker)
    data = client.get(url, {"q": "Nos sauvegardes?"}).json()
    assert [hit["title"] for hit in data["discussions"]] == ["Sauvegardes de nos dossiers"]
    assert [hit["title"] for hit in data["resources"]] == ["Choisir un gestionnaire de sauvegardes"]
    for hostile in ('"', "x" * 5000, "<script>", "court"):
        assert client.get(url, {"q": hostile}).status_code == 200


def test_the_new_question_page_loads_the_live_script_from_static(client, help_forum, asker):
    client.force_login(asker)
    html = client.get(new_topic_url(help_forum)).content.decode()
    assert "forum/before_posting.js" in html and 'id="before-posting-live"' in html
