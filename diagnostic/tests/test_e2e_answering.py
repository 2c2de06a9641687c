"""Two members of an organisation fill its diagnostic together in a real Chromium against
a real Daphne: each answer saved as it is clicked or typed, an answer typed while offline
sent when the connection is back, one submission; the page passes axe."""

import re

import pytest

from diagnostic.models import AnswerSet, Response
from hub.accounts.tests.factories import PASSWORD
from hub.testing import assert_accessible

from . import factories

pytestmark = pytest.mark.e2e

SAVED = re.compile(r"^Enregistré$")


def _sign_in(context, base_url, email):
    tab = context.new_page()
    tab.goto(f"{base_url}/fr/compte/login/")
    tab.get_by_role("textbox", name="Courriel", exact=True).fill(email)
    tab.get_by_label("Mot de passe").fill(PASSWORD)
    tab.get_by_role("button", name="Se connecter").click()
    tab.wait_for_url("**/fr/**")
    return tab


def test_two_members_answer_together_and_an_offline_answer_is_not_lost(
    daphne_server, chromium, site
):
    questionnaire = factories.questionnaire()
    _organisation, (ana, bob) = factories.organisation_with_members(2)
    scale = questionnaire.sections.get().questions.get(code="sauvegardes")
    text = questionnaire.sections.get().questions.get(code="priorite")
    ana_context = chromium.new_context(locale="fr-CA", viewport={"width": 390, "height": 844})
    bob_context = chromium.new_context(locale="fr-CA", viewport={"width": 1280, "height": 900})
    try:
        tab = _sign_in(ana_context, daphne_server, ana.email)
        tab.goto(f"{daphne_server}/fr/diagnostic/")
        tab.get_by_role("button", name="Commencer le diagnostic 2024").click()
        tab.wait_for_url("**/diagnostic/*/")
        assert_accessible(tab, "answering page")

        question = tab.locator(f'[data-question="{scale.pk}"]')
        question.locator(f'input[name="q{scale.pk}_now"][value="2"]').check()
        question.locator(f'input[name="q{scale.pk}_target"][value="3"]').check()
        tab.wait_for_function(
            '(id) => document.querySelector(`[data-question="${id}"] .diagnostic-saved`)'
            ".textContent === 'Enregistré'",
            arg=scale.pk,
        )
        tab.wait_for_function(
            "() => !localStorage.length || Object.keys(JSON.parse("
            "localStorage.getItem(localStorage.key(0)))).length === 0"
        )
        saved = Response.objects.get(respondent=ana, question=scale)
        assert (saved.now, saved.target) == (2, 3)

        # The connection drops while Ana types: the answer waits in the browser…
        ana_context.set_offline(True)
        tab.locator(f"#q{text.pk}_text").fill("Former l'équipe aux sauvegardes")
        status = tab.locator(f'[data-question="{text.pk}"] .diagnostic-saved')
        status.filter(has_text="Pas encore enregistré").wait_for()
        assert not Response.objects.filter(question=text).exists()
        # …and is sent as soon as it is back.
        ana_context.set_offline(False)
        status.filter(has_text=SAVED).wait_for()
        assert Response.objects.get(question=text).text == "Former l'équipe aux sauvegardes"

        bob_tab = _sign_in(bob_context, daphne_server, bob.email)
        bob_tab.goto(f"{daphne_server}/fr/diagnostic/")
        bob_tab.get_by_role("link", name="Poursuivre le diagnostic").click()
        bob_tab.locator(f'input[name="q{scale.pk}_now"][value="4"]').check()
        bob_tab.locator(f'[data-question="{scale.pk}"] .diagnostic-saved').filter(
            has_text=SAVED
        ).wait_for()
        bob_tab.get_by_label("Seulement dans des statistiques anonymes").check()
        bob_tab.get_by_role("button", name="Soumettre le diagnostic").click()
        bob_tab.get_by_text("Le diagnostic de votre organisme est soumis. Merci!").wait_for()
        assert_accessible(bob_tab, "submitted diagnostic")
    finally:
        ana_context.close()
        bob_context.close()
    answer_set = AnswerSet.objects.get()
    assert answer_set.status == AnswerSet.Status.SUBMITTED
    assert answer_set.sharing == AnswerSet.Sharing.AGGREGATES
    assert sorted(Response.objects.filter(question=scale).values_list("now", flat=True)) == [2, 4]
