""" "Avant de publier", live: in a real Chromium against Daphne, the solved discussions and
resources that may answer a question appear as its title is typed (the page's own script
under the CSP), and once seen, publishing does not stop at the suggestions step again."""

import pytest
from machina.apps.forum_conversation.models import Topic

from cms.services import library_setup
from cms.tests.factories import make_resource
from forum.models import TopicSolution

from .factories import PostFactory, programme_forums, topic_with_first_post
from .test_e2e_discussion import TOPIC_PAGE, nadia_on_the_question_form

pytestmark = pytest.mark.e2e


@pytest.fixture
def answers(daphne_server, site):
    """Written before the browser starts (requested before `chromium`): the live events of
    the posts written here use async_to_sync, which cannot run inside Playwright's loop."""
    forum = programme_forums()["Demandes d'aide"]
    solved = topic_with_first_post(
        forum=forum, subject="Sauvegardes de nos dossiers", content="Où sauvegarder?"
    )
    answer = PostFactory(topic=solved, content="Trois copies, deux supports.")
    TopicSolution.objects.create(topic=solved, post=answer)
    make_resource(library_setup(), title="Planifier ses sauvegardes", summary="Sauvegardes.")


def test_suggestions_appear_as_the_title_is_typed(daphne_server, answers, chromium):
    nadia = nadia_on_the_question_form(daphne_server, chromium)
    errors = []
    nadia.on("console", lambda message: message.type == "error" and errors.append(message.text))
    nadia.get_by_label("Titre").press_sequentially("Comment faire nos sauvegardes?", delay=20)
    nadia.wait_for_function(
        "() => !document.getElementById('before-posting-live').hidden", timeout=15000
    )
    live = nadia.locator("#before-posting-live")
    assert "Avant de publier" in live.inner_text()
    assert live.get_by_role("link", name="Sauvegardes de nos dossiers").count() == 1
    assert live.get_by_role("link", name="Planifier ses sauvegardes").count() == 1
    nadia.get_by_label("Message").fill("Nous avons un seul disque dur.")
    nadia.get_by_role("button", name="Publier la question").click()
    nadia.wait_for_url(TOPIC_PAGE)
    assert Topic.objects.filter(subject="Comment faire nos sauvegardes?").exists()
    assert not [text for text in errors if "Content Security Policy" in text], errors
