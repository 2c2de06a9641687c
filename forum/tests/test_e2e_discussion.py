"""Two members hold a real discussion in French, in a real Chromium against a real Daphne:
ask, reply with a mention, react, accept the answer; a draft survives a reload, and a reply
published while the asker types shows up through the "1 nouvelle réponse" bar."""

import re

import pytest

from hub.accounts.tests.factories import PASSWORD

from .conftest import established
from .factories import programme_forums

pytestmark = pytest.mark.e2e


TOPIC_PAGE = re.compile(r".*/topic/[^/]+-\d+/(\?.*)?(#.*)?$")


def sign_in(page, base, email):
    page.goto(f"{base}/fr/compte/login/")
    page.get_by_label("Courriel").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/fr/**")


def nadia_on_the_question_form(daphne_server, chromium):
    """The forums, Nadia and Karim (members who posted before); Nadia, signed in, opens
    "Poser une question" in "Demandes d'aide". Returns her page."""
    programme_forums()
    established(email="nadia@exemple.org", first_name="Nadia", last_name="Bouchard")
    established(email="karim@exemple.org", first_name="Karim", last_name="Benali")
    nadia = chromium.new_context(locale="fr-CA").new_page()
    sign_in(nadia, daphne_server, "nadia@exemple.org")
    nadia.goto(f"{daphne_server}/fr/forum/")
    nadia.get_by_role("link", name="Demandes d'aide").click()
    nadia.get_by_role("link", name="Poser une question").click()
    return nadia


def test_two_members_discuss_and_the_asker_accepts_an_answer(daphne_server, chromium, site):
    nadia = nadia_on_the_question_form(daphne_server, chromium)
    nadia.get_by_label("Titre").fill("Quel logiciel pour nos membres?")
    editor = nadia.get_by_label("Message")
    editor.fill("Nous sommes un petit organisme.")
    # The toolbar (JavaScript) wraps the selection in bold.
    editor.select_text()
    nadia.get_by_role("button", name="Gras").click()
    assert editor.input_value() == "**Nous sommes un petit organisme.**"
    # A draft is kept in the browser: a reload does not lose it.
    nadia.wait_for_timeout(600)
    nadia.reload()
    assert nadia.get_by_label("Message").input_value() == "**Nous sommes un petit organisme.**"
    nadia.get_by_role("button", name="Publier la question").click()
    nadia.wait_for_url(TOPIC_PAGE)
    assert nadia.locator(".post-content strong").first.inner_text() == (
        "Nous sommes un petit organisme."
    )
    topic_url = nadia.url.split("?")[0]

    # Nadia keeps the topic open and starts typing while Karim answers.
    nadia.get_by_label("Message").fill("Merci, je regarde")

    karim = chromium.new_context(locale="fr-CA").new_page()
    sign_in(karim, daphne_server, "karim@exemple.org")
    karim.goto(topic_url)
    karim.get_by_role("button", name="Merci").first.click()
    # Karim mentions Nadia by her handle, picked in the suggestions as he types.
    message = karim.get_by_label("Message")
    message.press_sequentially("@Nadi")
    karim.get_by_role("button", name="Nadia B. (@nadia.b)").click()
    assert message.input_value() == "@nadia.b "
    message.press_sequentially("essayez CiviCRM, c'est gratuit.")
    karim.get_by_role("button", name="Publier la réponse").click()
    karim.wait_for_url(TOPIC_PAGE)
    assert karim.get_by_text("essayez CiviCRM").is_visible()

    bar = nadia.get_by_role("button", name="1 nouvelle réponse")
    bar.wait_for(timeout=10000)
    bar.click()
    nadia.get_by_text("essayez CiviCRM").wait_for(timeout=10000)
    assert nadia.get_by_label("Message").input_value() == "Merci, je regarde"

    # Karim's reaction and the mention reached Nadia's bell live, without a reload...
    nadia.wait_for_function(
        "() => document.querySelector('[data-bell-count]').textContent.trim().startsWith('2')",
        timeout=10000,
    )
    # ...and opening the topic it is about marks it read (and cancels its pending email).
    nadia.goto(topic_url)
    assert nadia.locator("[data-bell-count]").is_hidden()
    nadia.get_by_role("button", name="Marquer comme solution").click()
    nadia.wait_for_load_state()
    assert nadia.locator("#solution-title").is_visible()
    assert nadia.get_by_text("Résolu").first.is_visible()
    assert "Merci" in nadia.locator(".post").first.inner_text()
