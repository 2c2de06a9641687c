"""Medians computed from the database, through disclosure: regions of 9, 10 and 11
organisations, private and unfinished sets left out. Run on PostgreSQL in CI
(DATABASE_URL); SQLite by default."""

import pytest

from diagnostic import selectors
from diagnostic.disclosure import TOTAL
from diagnostic.models import AnswerSet, Response
from hub.accounts.models import Organisation, Region

from . import factories

pytestmark = pytest.mark.django_db

REGIONS = {"01": 9, "06": 10, "03": 11}


def _submitted(questionnaire, question, region, *, levels, sharing=AnswerSet.Sharing.AGGREGATES):
    """One organisation of `region`, its members answering `levels` ("now")."""
    organisation = Organisation.objects.create(
        name=f"Organisme {Organisation.objects.count() + 1}",
        region=region,
        size=Organisation.Size.SMALL,
        is_approved=True,
    )
    answer_set = AnswerSet.objects.create(
        organisation=organisation,
        wave=questionnaire.wave,
        questionnaire=questionnaire,
        status=AnswerSet.Status.SUBMITTED,
        sharing=sharing,
    )
    for level in levels:
        Response.objects.create(
            answer_set=answer_set, question=question, respondent=None, now=level
        )
    return answer_set


def test_medians_by_region_from_the_database_hide_nine_and_its_complement(
    django_assert_max_num_queries,
):
    questionnaire = factories.questionnaire()
    question = questionnaire.sections.get().questions.get(code="sauvegardes")
    regions = {code: Region.objects.get(code=code) for code in REGIONS}
    for code, n in REGIONS.items():
        for i in range(n):
            # Two respondents: the organisation's score is their mean (1 and 3 → 2.0…).
            _submitted(questionnaire, question, regions[code], levels=[1 + i % 4, 1 + i % 4])
    # Left out: a private set, a draft, and a set of another wave.
    _submitted(
        questionnaire, question, regions["03"], levels=[4], sharing=AnswerSet.Sharing.PRIVATE
    )
    draft = _submitted(questionnaire, question, regions["03"], levels=[4])
    AnswerSet.objects.filter(pk=draft.pk).update(status=AnswerSet.Status.DRAFT)
    other = factories.questionnaire(year=2023)
    _submitted(
        other, other.sections.get().questions.get(code="sauvegardes"), regions["03"], levels=[4]
    )

    wave, dimension = questionnaire.wave, question.dimension
    with django_assert_max_num_queries(1):
        table = selectors.dimension_medians(
            wave=wave,
            dimension=dimension,
            rows="region",
            columns="size",
            row_keys=sorted(REGIONS),
            column_keys=[Organisation.Size.SMALL],
        )
    small = Organisation.Size.SMALL
    assert table.cell("01", small).suppressed  # 9 organisations
    assert table.cell("06", small).suppressed  # 10, but total − 11 − 10 would give 9 back
    shown = table.cell("03", small)
    assert not shown.suppressed
    # Levels 1,2,3,4,1,2,3,4,1,2,3 per organisation: median 2; 11 rounds to 10.
    assert (shown.median, shown.count) == (2.0, 10)
    total = table.cell(TOTAL, small)
    assert total.count == 30  # 30 organisations: the private set, the draft, 2023 left out
    assert total.median == 2.0
