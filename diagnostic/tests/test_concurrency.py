"""Members of one organisation press "Soumettre" and start the diagnostic at the same
moment: one answer set, one submission (row lock), the others told it is done."""

import threading

import pytest
from django.db import connection, connections

from diagnostic import services
from diagnostic.models import AnswerSet

from . import factories

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite has no row locks (select_for_update is a no-op); this test needs "
            "PostgreSQL (DATABASE_URL)."
        )


def _at_once(members, action) -> tuple[list, list]:
    barrier = threading.Barrier(len(members))
    results, errors = [], []

    def run(member):
        try:
            barrier.wait(timeout=30)
            results.append(action(member))
        except services.DiagnosticError as error:
            errors.append(error.code)
        except BaseException as error:  # noqa: BLE001 - reported by the assertions
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(member,)) for member in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


def test_simultaneous_starts_make_one_answer_set():
    _needs_postgresql()
    questionnaire = factories.questionnaire()
    organisation, members = factories.organisation_with_members(8)
    results, errors = _at_once(
        members,
        lambda member: (
            services.answer_set_start(
                organisation=organisation, wave=questionnaire.wave, by=member
            ).pk
        ),
    )
    assert errors == []
    assert len(set(results)) == 1
    assert AnswerSet.objects.count() == 1


def test_simultaneous_submissions_make_one_and_refuse_the_others():
    _needs_postgresql()
    questionnaire = factories.questionnaire()
    organisation, members = factories.organisation_with_members(8)
    answer_set = services.answer_set_start(
        organisation=organisation, wave=questionnaire.wave, by=members[0]
    )
    results, errors = _at_once(
        members,
        lambda member: (
            services.answer_set_submit(
                answer_set=answer_set, by=member, sharing=AnswerSet.Sharing.AGGREGATES
            ).submitted_by_id
        ),
    )
    assert len(results) == 1
    assert errors == [services.DiagnosticError.ALREADY_SUBMITTED] * 7
    answer_set.refresh_from_db()
    assert answer_set.submitted_by_id == results[0]
