"""A published questionnaire is frozen: an edit makes a new version."""

import pytest

from diagnostic import services
from diagnostic.models import Question, Questionnaire

from . import factories

pytestmark = pytest.mark.django_db


def test_editing_a_draft_changes_it_in_place():
    draft = factories.questionnaire(published=False)
    question = draft.sections.get().questions.get(code="sauvegardes")
    edited = services.question_update(question=question, text_fr="Sauvegardez-vous?")
    assert edited.pk == question.pk
    assert Questionnaire.objects.count() == 1


def test_editing_a_published_question_makes_a_new_version_and_leaves_the_old_one():
    published = factories.questionnaire()
    question = published.sections.get().questions.get(code="sauvegardes")
    edited = services.question_update(question=question, text_fr="Sauvegardez-vous?")

    assert edited.pk != question.pk
    new = edited.section.questionnaire
    assert (new.wave_id, new.version, new.is_published) == (published.wave_id, 2, False)
    assert new.based_on == published
    question.refresh_from_db()
    assert question.text_fr == "Vos données sont-elles sauvegardées?"
    # The copy carries the whole questionnaire: sections, every question, described levels.
    assert sorted(
        Question.objects.filter(section__questionnaire=new).values_list("code", flat=True)
    ) == [
        "outils",
        "priorite",
        "sauvegardes",
    ]
    assert list(edited.options.values_list("value", "description_fr")) == list(
        question.options.values_list("value", "description_fr")
    )


def test_a_second_edit_of_the_published_version_goes_to_the_same_draft():
    published = factories.questionnaire()
    question = published.sections.get().questions.get(code="sauvegardes")
    first = services.question_update(question=question, text_fr="Première")
    second = services.question_update(question=question, purpose_fr="Deuxième")
    assert first.pk == second.pk
    assert Questionnaire.objects.filter(wave=published.wave).count() == 2
    second.refresh_from_db()
    assert (second.text_fr, second.purpose_fr) == ("Première", "Deuxième")


def test_a_section_added_to_a_published_version_goes_to_a_new_one():
    published = factories.questionnaire()
    section = services.section_add(questionnaire=published, title_fr="Budget")
    assert section.questionnaire != published
    assert published.sections.count() == 1


def test_publishing_twice_keeps_the_first_date():
    draft = factories.questionnaire(published=False)
    services.questionnaire_publish(questionnaire=draft)
    first = draft.published_at
    services.questionnaire_publish(questionnaire=draft)
    assert draft.published_at == first


def test_a_field_that_is_not_a_questions_is_refused():
    question = factories.questionnaire().sections.get().questions.first()
    with pytest.raises(TypeError):
        services.question_update(question=question, code="autre")
