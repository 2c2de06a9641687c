"""Who may see and answer an organisation's diagnostic: its own members, and nobody else
for now (programme staff's view of shared sets comes with the dashboard). `can_*` answers
yes or no; `access_*` loads and authorises, raising Http404 so that a stranger cannot even
learn that the set exists."""

from django.http import Http404

from .models import AnswerSet


def can_answer(*, user, organisation_id: int | None) -> bool:
    return bool(
        user.is_authenticated
        and organisation_id is not None
        and user.organisation_id == organisation_id
    )


def can_see_answer_set(*, user, answer_set: AnswerSet) -> bool:
    return can_answer(user=user, organisation_id=answer_set.organisation_id)


def access_answer_set(*, user, pk: int) -> AnswerSet:
    answer_set = (
        AnswerSet.objects.select_related("wave", "questionnaire", "organisation")
        .filter(pk=pk)
        .first()
    )
    if answer_set is None or not can_see_answer_set(user=user, answer_set=answer_set):
        raise Http404
    return answer_set
