"""A poll in a real Chromium against a real Daphne: a member asks a question with a poll
(and pastes a link over a word), another votes and sees the results; the form and both
states of the poll pass axe."""

import pytest

from hub.testing import assert_accessible

from .test_e2e_discussion import TOPIC_PAGE, nadia_on_the_question_form, sign_in

pytestmark = pytest.mark.e2e


def test_a_member_asks_with_a_poll_and_another_votes(daphne_server, chromium, site):
    nadia = nadia_on_the_question_form(daphne_server, chromium)
    nadia.get_by_label("Titre").fill("Quel jour pour la formation Loi 25?")
    message = nadia.get_by_label("Message")
    message.fill("Nous organisons une formation en ligne.")
    # Pasting a web address over selected words makes them a link.
    message.evaluate(
        """area => {
            area.setSelectionRange(20, 29);  // "formation"
            const data = new DataTransfer();
            data.setData("text/plain", "https://exemple.org/loi-25");
            area.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                            cancelable: true}));
        }"""
    )
    assert message.input_value() == (
        "Nous organisons une [formation](https://exemple.org/loi-25) en ligne."
    )
    nadia.get_by_text("Ajouter un sondage").click()
    nadia.get_by_label("Question du sondage").fill("Quel jour vous convient?")
    nadia.get_by_label("Choix 1", exact=True).fill("Mardi matin")
    nadia.get_by_label("Choix 2", exact=True).fill("Jeudi après-midi")
    assert_accessible(nadia, "question form with a poll")
    nadia.get_by_role("button", name="Publier la question").click()
    nadia.wait_for_url(TOPIC_PAGE)
    topic_url = nadia.url.split("?")[0]

    karim = chromium.new_context(locale="fr-CA").new_page()
    sign_in(karim, daphne_server, "karim@exemple.org")
    karim.goto(topic_url)
    poll = karim.get_by_role("region", name="Quel jour vous convient?")
    assert_accessible(karim, "topic with a poll to vote in")
    poll.get_by_label("Jeudi après-midi").check()
    poll.get_by_role("button", name="Voter").click()
    karim.wait_for_url(TOPIC_PAGE)
    results = karim.get_by_role("region", name="Quel jour vous convient?")
    assert "100 % (1 vote)" in results.inner_text()
    assert "1 personne a voté." in results.inner_text()
    assert_accessible(karim, "topic with poll results")
