"""Who may see an organisation's answers: its members, nobody else."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from diagnostic import access, services
from hub.accounts.tests.factories import UserFactory

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer_set():
    questionnaire = factories.questionnaire()
    organisation, (ana,) = factories.organisation_with_members(1)
    return services.answer_set_start(organisation=organisation, wave=questionnaire.wave, by=ana)


def test_a_member_of_the_organisation_may_see_its_answers(answer_set):
    member = UserFactory(organisation=answer_set.organisation)
    assert access.can_see_answer_set(user=member, answer_set=answer_set)
    assert access.access_answer_set(user=member, pk=answer_set.pk) == answer_set


@pytest.mark.parametrize("who", ["other organisation", "no organisation", "staff", "visitor"])
def test_anyone_else_may_not(answer_set, who):
    user = {
        "other organisation": lambda: factories.organisation_with_members(1)[1][0],
        "no organisation": UserFactory,
        "staff": lambda: UserFactory(is_staff=True),  # programme staff: only with the dashboard
        "visitor": AnonymousUser,
    }[who]()
    assert not access.can_see_answer_set(user=user, answer_set=answer_set)
    with pytest.raises(Http404):
        access.access_answer_set(user=user, pk=answer_set.pk)


def test_an_answer_set_that_does_not_exist_is_a_404_too(answer_set):
    with pytest.raises(Http404):
        access.access_answer_set(user=UserFactory(), pk=answer_set.pk + 1000)
