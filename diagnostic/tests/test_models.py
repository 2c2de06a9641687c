"""The eight dimensions, bilingual labels, and the uniqueness the database keeps."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from diagnostic.models import AnswerSet, Dimension, Response
from hub.accounts.tests.factories import OrganisationFactory

from . import factories

pytestmark = pytest.mark.django_db


def test_the_eight_dimensions_are_there_in_both_languages():
    assert Dimension.objects.count() == 8
    cyber = Dimension.objects.get(code="cybersecurite")
    with translation.override("fr"):
        assert cyber.name == "Cybersécurité"
    with translation.override("en"):
        assert cyber.name == "Cybersecurity"


def test_an_english_label_left_empty_falls_back_to_french():
    questionnaire = factories.questionnaire()
    section = questionnaire.sections.get()
    section.title_en = ""
    with translation.override("en"):
        assert section.title == "Vos pratiques"


def test_the_database_keeps_one_answer_set_per_organisation_per_wave():
    questionnaire = factories.questionnaire()
    organisation = OrganisationFactory()
    AnswerSet.objects.create(
        organisation=organisation, wave=questionnaire.wave, questionnaire=questionnaire
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        AnswerSet.objects.create(
            organisation=organisation, wave=questionnaire.wave, questionnaire=questionnaire
        )


def test_the_database_keeps_one_response_per_member_and_question():
    questionnaire = factories.questionnaire()
    organisation, (ana, bob) = factories.organisation_with_members()
    answer_set = AnswerSet.objects.create(
        organisation=organisation, wave=questionnaire.wave, questionnaire=questionnaire
    )
    question = questionnaire.sections.get().questions.get(code="sauvegardes")
    Response.objects.create(answer_set=answer_set, question=question, respondent=ana, now=2)
    Response.objects.create(answer_set=answer_set, question=question, respondent=bob, now=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(answer_set=answer_set, question=question, respondent=ana, now=1)


def test_a_new_answer_set_is_private_and_a_draft():
    questionnaire = factories.questionnaire()
    answer_set = AnswerSet.objects.create(
        organisation=OrganisationFactory(), wave=questionnaire.wave, questionnaire=questionnaire
    )
    assert answer_set.sharing == AnswerSet.Sharing.PRIVATE
    assert answer_set.status == AnswerSet.Status.DRAFT
