"""Reads of the diagnostic that matter: the open wave, the answering form, and the scores
aggregates are computed from (always handed to `disclosure` before they are shown)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Prefetch

from . import disclosure
from .models import AnswerSet, Dimension, Question, Questionnaire, Response, Section, Wave


def open_wave() -> Wave | None:
    """The latest wave that has a published questionnaire."""
    return (
        Wave.objects.filter(questionnaires__published_at__isnull=False)
        .order_by("-year")
        .distinct()
        .first()
    )


def answer_set_for(*, organisation_id: int, wave: Wave) -> AnswerSet | None:
    return AnswerSet.objects.filter(organisation_id=organisation_id, wave=wave).first()


@dataclass
class FormSection:
    section: Section
    questions: list = field(default_factory=list)  # (question, the member's Response|None)


def answer_form(*, answer_set: AnswerSet, respondent) -> list[FormSection]:
    """The questionnaire of the set, section by section, with what this member answered
    so far: a fixed number of queries whatever the number of questions."""
    mine = {
        r.question_id: r
        for r in Response.objects.filter(answer_set=answer_set, respondent=respondent)
    }
    sections = Section.objects.filter(
        questionnaire_id=answer_set.questionnaire_id
    ).prefetch_related(
        Prefetch(
            "questions",
            queryset=Question.objects.select_related("dimension").prefetch_related("options"),
        )
    )
    return [
        FormSection(section, [(q, mine.get(q.pk)) for q in section.questions.all()])
        for section in sections
    ]


def questionnaire_questions(questionnaire: Questionnaire):
    return Question.objects.filter(section__questionnaire=questionnaire).prefetch_related("options")


# --- aggregates: what leaves goes through disclosure -------------------------------------

IN_AGGREGATES = (AnswerSet.Sharing.PROGRAMME, AnswerSet.Sharing.AGGREGATES)


def organisation_scores(*, wave: Wave, dimension: Dimension) -> dict[int, tuple]:
    """For each organisation that submitted the wave and lets its answers into aggregates:
    (region code, size, mission field, score), the score being the mean "now" level of
    its respondents on the dimension's scale questions. Private sets never count."""
    rows = (
        Response.objects.filter(
            answer_set__wave=wave,
            answer_set__status=AnswerSet.Status.SUBMITTED,
            answer_set__sharing__in=IN_AGGREGATES,
            question__dimension=dimension,
            question__kind=Question.Kind.SCALE,
            now__isnull=False,
        )
        .values(
            "answer_set__organisation_id",
            "answer_set__organisation__region__code",
            "answer_set__organisation__size",
            "answer_set__organisation__mission_field",
        )
        .annotate(score=Avg("now"))
    )
    return {
        row["answer_set__organisation_id"]: (
            row["answer_set__organisation__region__code"],
            row["answer_set__organisation__size"],
            row["answer_set__organisation__mission_field"],
            float(row["score"]),
        )
        for row in rows
    }


GROUPINGS = {"region": 0, "size": 1, "mission": 2}


def dimension_medians(
    *, wave: Wave, dimension: Dimension, rows: str, columns: str, row_keys, column_keys
) -> disclosure.Table:
    """Medians of the dimension's scores by two groupings (region × size…), as they may be
    published: through `disclosure.median_table`, never around it."""
    scores = organisation_scores(wave=wave, dimension=dimension)
    r, c = GROUPINGS[rows], GROUPINGS[columns]
    observations = [
        (groups[r], groups[c], organisation, groups[3]) for organisation, groups in scores.items()
    ]
    return disclosure.median_table(observations, rows=row_keys, columns=column_keys)


def respondents_by_question(answer_set: AnswerSet) -> dict[int, list]:
    """Every respondent's response per question of the set (for its own members only)."""
    found = defaultdict(list)
    for response in Response.objects.filter(answer_set=answer_set):
        found[response.question_id].append(response)
    return found
