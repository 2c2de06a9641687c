"""The member's data download holds what they answered, not their colleagues' answers."""

import pytest

from diagnostic import services
from diagnostic.exports import member_responses_export

from . import factories

pytestmark = pytest.mark.django_db


def test_the_download_holds_the_members_own_answers_only():
    questionnaire = factories.questionnaire()
    organisation, (ana, bob) = factories.organisation_with_members(2)
    answer_set = services.answer_set_start(
        organisation=organisation, wave=questionnaire.wave, by=ana
    )
    question = questionnaire.sections.get().questions.get(code="sauvegardes")
    services.answer_save(answer_set=answer_set, question=question, respondent=ana, now=2, target=4)
    services.answer_save(answer_set=answer_set, question=question, respondent=bob, now=1)
    exported = member_responses_export(ana)
    assert [(row["question"], row["now"], row["target"], row["wave"]) for row in exported] == [
        ("sauvegardes", 2, 4, 2024)
    ]
    assert exported[0]["organisation"] == organisation.name
