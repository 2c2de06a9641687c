"""Answering together: drafts saved as typed (idempotent), one submission per organisation
per wave, refused a second time with a clear message in French and in English."""

import pytest
from django.utils import translation

from diagnostic import services
from diagnostic.models import AnswerSet, Response

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    questionnaire = factories.questionnaire()
    organisation, members = factories.organisation_with_members(3)
    answer_set = services.answer_set_start(
        organisation=organisation, wave=questionnaire.wave, by=members[0]
    )
    questions = {
        q.code: q for q in factories.Question.objects.filter(section__questionnaire=questionnaire)
    }
    return answer_set, members, questions


def test_two_members_starting_get_the_same_answer_set(setup):
    answer_set, members, _questions = setup
    again = services.answer_set_start(
        organisation=answer_set.organisation, wave=answer_set.wave, by=members[1]
    )
    assert again.pk == answer_set.pk
    assert AnswerSet.objects.count() == 1


def test_a_wave_without_a_published_questionnaire_cannot_be_started():
    draft = factories.questionnaire(year=2025, published=False)
    organisation, (member,) = factories.organisation_with_members(1)
    with pytest.raises(services.DiagnosticError) as raised:
        services.answer_set_start(organisation=organisation, wave=draft.wave, by=member)
    assert raised.value.code == services.DiagnosticError.NO_QUESTIONNAIRE


def test_saving_the_same_answer_twice_keeps_one_row(setup):
    answer_set, (ana, *_), questions = setup
    for _ in range(2):
        services.answer_save(
            answer_set=answer_set,
            question=questions["sauvegardes"],
            respondent=ana,
            now=2,
            target=3,
        )
    response = Response.objects.get()
    assert (response.now, response.target) == (2, 3)


def test_several_members_answer_the_same_question(setup):
    answer_set, (ana, bob, chloe), questions = setup
    for member, level in [(ana, 1), (bob, 3), (chloe, 4)]:
        services.answer_save(
            answer_set=answer_set, question=questions["sauvegardes"], respondent=member, now=level
        )
    assert sorted(Response.objects.values_list("now", flat=True)) == [1, 3, 4]


def test_a_draft_answer_is_saved_as_typed_and_changed_later(setup):
    answer_set, (ana, *_), questions = setup
    services.answer_save(
        answer_set=answer_set, question=questions["priorite"], respondent=ana, text="Les sauv"
    )
    services.answer_save(
        answer_set=answer_set,
        question=questions["priorite"],
        respondent=ana,
        text="Les sauvegardes",
    )
    assert Response.objects.get().text == "Les sauvegardes"


def test_choices_are_kept_sorted_without_duplicates(setup):
    answer_set, (ana, *_), questions = setup
    services.answer_save(
        answer_set=answer_set, question=questions["outils"], respondent=ana, choices=[2, 1, 2]
    )
    assert Response.objects.get().choices == [1, 2]


@pytest.mark.parametrize(
    ("code", "values"),
    [
        ("sauvegardes", {"now": 9}),
        ("sauvegardes", {"target": 0}),
        ("outils", {"choices": [3]}),
    ],
)
def test_a_value_that_is_not_offered_is_refused(setup, code, values):
    answer_set, (ana, *_), questions = setup
    with pytest.raises(services.DiagnosticError) as raised:
        services.answer_save(
            answer_set=answer_set, question=questions[code], respondent=ana, **values
        )
    assert raised.value.code == services.DiagnosticError.BAD_VALUE
    assert not Response.objects.exists()


def test_an_overlong_text_is_refused_with_its_length(setup):
    answer_set, (ana, *_), questions = setup
    with pytest.raises(services.DiagnosticError) as raised:
        services.answer_save(
            answer_set=answer_set, question=questions["priorite"], respondent=ana, text="a" * 5001
        )
    with translation.override("fr"):
        assert "5001" in raised.value.message.replace("\u202f", "").replace(" ", "")


def test_a_question_of_another_version_is_refused(setup):
    answer_set, (ana, *_), _questions = setup
    other = factories.questionnaire(year=2023)
    question = other.sections.get().questions.get(code="sauvegardes")
    with pytest.raises(services.DiagnosticError) as raised:
        services.answer_save(answer_set=answer_set, question=question, respondent=ana, now=1)
    assert raised.value.code == services.DiagnosticError.NOT_IN_QUESTIONNAIRE


def test_submitting_records_who_when_and_the_sharing_choice(setup):
    answer_set, (ana, *_), _questions = setup
    submitted = services.answer_set_submit(
        answer_set=answer_set, by=ana, sharing=AnswerSet.Sharing.AGGREGATES
    )
    assert submitted.status == AnswerSet.Status.SUBMITTED
    assert submitted.sharing == AnswerSet.Sharing.AGGREGATES
    assert submitted.submitted_by == ana and submitted.submitted_at is not None


def test_a_second_submission_in_the_wave_is_refused_in_french_and_english(setup):
    answer_set, (ana, bob, _), _questions = setup
    services.answer_set_submit(answer_set=answer_set, by=ana, sharing=AnswerSet.Sharing.PROGRAMME)
    with pytest.raises(services.DiagnosticError) as raised:
        services.answer_set_submit(answer_set=answer_set, by=bob, sharing=AnswerSet.Sharing.PRIVATE)
    error = raised.value
    assert error.code == services.DiagnosticError.ALREADY_SUBMITTED
    with translation.override("fr"):
        assert error.message.startswith("Votre organisme a déjà soumis son diagnostic pour 2024")
    with translation.override("en"):
        assert error.message.startswith(
            "Your organization already submitted its diagnostic for 2024"
        )
    answer_set.refresh_from_db()
    assert (answer_set.submitted_by, answer_set.sharing) == (ana, AnswerSet.Sharing.PROGRAMME)


def test_answers_cannot_change_once_submitted(setup):
    answer_set, (ana, *_), questions = setup
    services.answer_save(
        answer_set=answer_set, question=questions["sauvegardes"], respondent=ana, now=1
    )
    services.answer_set_submit(answer_set=answer_set, by=ana, sharing=AnswerSet.Sharing.PRIVATE)
    with pytest.raises(services.DiagnosticError):
        services.answer_save(
            answer_set=answer_set, question=questions["sauvegardes"], respondent=ana, now=4
        )
    assert Response.objects.get().now == 1


def test_an_unknown_sharing_choice_is_refused(setup):
    answer_set, (ana, *_), _questions = setup
    with pytest.raises(services.DiagnosticError) as raised:
        services.answer_set_submit(answer_set=answer_set, by=ana, sharing="everyone")
    assert raised.value.code == services.DiagnosticError.BAD_SHARING
    answer_set.refresh_from_db()
    assert answer_set.status == AnswerSet.Status.DRAFT
