"""The answering page: works without JavaScript, saves one answer at a time for the
script, keeps what was typed when an answer is refused, and shows nothing to a member of
another organisation."""

import pytest
from django.urls import reverse

from diagnostic import services
from diagnostic.models import AnswerSet, Response
from hub.accounts.tests.factories import UserFactory

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(client):
    questionnaire = factories.questionnaire()
    organisation, (ana, bob) = factories.organisation_with_members(2)
    answer_set = services.answer_set_start(
        organisation=organisation, wave=questionnaire.wave, by=ana
    )
    questions = {
        q.code: q for q in factories.Question.objects.filter(section__questionnaire=questionnaire)
    }
    client.force_login(ana)
    return answer_set, ana, bob, questions


def _url(answer_set):
    return reverse("diagnostic:answer", args=[answer_set.pk])


def test_a_member_starts_the_diagnostic_from_the_home_page(client):
    factories.questionnaire()
    _organisation, (ana,) = factories.organisation_with_members(1)
    client.force_login(ana)
    page = client.get(reverse("diagnostic:home"))
    assert "Commencer le diagnostic 2024" in page.content.decode()
    response = client.post(reverse("diagnostic:start"))
    answer_set = AnswerSet.objects.get()
    assert response.status_code == 302 and response["Location"] == _url(answer_set)


def test_the_page_shows_each_question_its_purpose_and_described_levels(client, started):
    answer_set, *_ = started
    page = client.get(_url(answer_set))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Vos données sont-elles sauvegardées?" in html
    assert "Pourquoi nous le demandons :" in html
    assert "Pour savoir si une formation sur les sauvegardes vous aiderait." in html
    assert "Revu chaque année." in html  # a described level
    assert "Notre cible pour l&#x27;an prochain" in html or "Notre cible pour l'an prochain" in html


def test_the_form_without_javascript_saves_every_answer(client, started):
    answer_set, ana, _bob, q = started
    data = {
        f"q{q['sauvegardes'].pk}_now": "2",
        f"q{q['sauvegardes'].pk}_target": "3",
        f"q{q['outils'].pk}_choice": ["1", "2"],
        f"q{q['priorite'].pk}_text": "Former l'équipe",
    }
    response = client.post(_url(answer_set), data)
    assert response.status_code == 302
    saved = {r.question.code: r for r in Response.objects.filter(respondent=ana)}
    assert (saved["sauvegardes"].now, saved["sauvegardes"].target) == (2, 3)
    assert saved["outils"].choices == [1, 2]
    assert saved["priorite"].text == "Former l'équipe"
    page = client.get(_url(answer_set)).content.decode()
    assert f'name="q{q["sauvegardes"].pk}_now" value="2" checked' in page
    assert "Former l&#x27;équipe" in page


def test_a_refused_answer_comes_back_with_its_message_and_the_others_are_saved(client, started):
    answer_set, ana, _bob, q = started
    data = {
        f"q{q['sauvegardes'].pk}_now": "²",
        f"q{q['priorite'].pk}_text": "Garder ceci",
    }
    response = client.post(_url(answer_set), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Cette réponse ne fait pas partie des choix offerts." in html
    assert "Garder ceci" in html
    assert Response.objects.get(respondent=ana).text == "Garder ceci"


def test_the_endpoint_saves_one_answer_and_saving_it_again_changes_nothing(client, started):
    answer_set, ana, _bob, q = started
    url = reverse("diagnostic:answer_save", args=[answer_set.pk, q["sauvegardes"].pk])
    for _ in range(2):
        response = client.post(url, {f"q{q['sauvegardes'].pk}_now": "4"})
        assert response.status_code == 200 and response.json() == {"saved": True}
    assert list(Response.objects.values_list("respondent", "now")) == [(ana.pk, 4)]


def test_the_endpoint_refuses_a_value_not_offered_with_a_message(client, started):
    answer_set, _ana, _bob, q = started
    url = reverse("diagnostic:answer_save", args=[answer_set.pk, q["sauvegardes"].pk])
    response = client.post(url, {f"q{q['sauvegardes'].pk}_now": "7"})
    assert response.status_code == 400
    assert "choix offerts" in response.json()["error"]


def test_the_endpoint_does_not_save_a_question_of_another_questionnaire(client, started):
    answer_set, *_ = started
    other = factories.questionnaire(year=2023).sections.get().questions.get(code="sauvegardes")
    url = reverse("diagnostic:answer_save", args=[answer_set.pk, other.pk])
    assert client.post(url, {f"q{other.pk}_now": "1"}).status_code == 404


def test_a_second_submission_is_refused_with_a_clear_message(client, started):
    answer_set, _ana, bob, _q = started
    url = reverse("diagnostic:submit", args=[answer_set.pk])
    client.post(url, {"sharing": "aggregates"})
    client.force_login(bob)
    response = client.post(url, {"sharing": "private"}, follow=True)
    assert "Votre organisme a déjà soumis son diagnostic pour 2024" in response.content.decode()
    answer_set.refresh_from_db()
    assert answer_set.sharing == AnswerSet.Sharing.AGGREGATES


def test_after_submission_the_page_is_read_only(client, started):
    answer_set, ana, _bob, q = started
    services.answer_set_submit(answer_set=answer_set, by=ana, sharing="private")
    html = client.get(_url(answer_set)).content.decode()
    assert "les réponses ne peuvent plus être modifiées" in html
    assert "Soumettre le diagnostic" not in html
    response = client.post(_url(answer_set), {f"q{q['priorite'].pk}_text": "Tard"}, follow=True)
    assert "déjà soumis" in response.content.decode()
    assert not Response.objects.filter(text="Tard").exists()


@pytest.mark.parametrize("name", ["answer", "answer_save", "submit"])
def test_a_member_of_another_organisation_gets_a_404(client, started, name):
    answer_set, _ana, _bob, q = started
    outsider, _members = factories.organisation_with_members(1)
    client.force_login(_members[0])
    args = [answer_set.pk, q["sauvegardes"].pk] if name == "answer_save" else [answer_set.pk]
    url = reverse(f"diagnostic:{name}", args=args)
    response = client.get(url) if name == "answer" else client.post(url, {"sharing": "private"})
    assert response.status_code == 404
    assert "sauvegardées" not in response.content.decode()
    answer_set.refresh_from_db()
    assert answer_set.status == AnswerSet.Status.DRAFT
    assert not Response.objects.exists()


def test_a_member_without_organisation_is_told_how_to_join_one(client):
    factories.questionnaire()
    client.force_login(UserFactory())
    html = client.get(reverse("diagnostic:home")).content.decode()
    assert "votre compte doit être rattaché à un organisme" in html


def test_a_visitor_is_sent_to_sign_in(client, started):
    answer_set, *_ = started
    client.logout()
    response = client.get(_url(answer_set))
    assert response.status_code == 302 and "/compte/" in response["Location"]


def test_questions_left_empty_make_no_row_but_a_cleared_answer_is_saved(client, started):
    answer_set, ana, _bob, q = started
    client.post(_url(answer_set), {f"q{q['outils'].pk}_choice": ["1"]})
    assert list(Response.objects.values_list("question__code", flat=True)) == ["outils"]
    client.post(_url(answer_set), {})  # every box unticked
    assert Response.objects.get(respondent=ana).choices == []


def test_the_page_speaks_english_with_the_english_wording(client, started):
    answer_set, *_ = started
    html = client.get(reverse("diagnostic:answer", args=[answer_set.pk]).replace("/fr/", "/en/", 1))
    text = html.content.decode()
    assert html.status_code == 200
    assert "Are your data backed up?" in text
    assert "Why we ask:" in text and "To know whether training on backups would help you." in text
    assert "Reviewed every year." in text
    assert "Our target for next year" in text


def test_the_answering_page_costs_the_same_queries_for_more_questions(
    client, started, django_assert_max_num_queries
):
    answer_set, *_ = started
    with django_assert_max_num_queries(20) as few:
        client.get(_url(answer_set))
    section = answer_set.questionnaire.sections.get()
    for n in range(10):
        factories.scale_question(section, code=f"extra-{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(_url(answer_set))
