"""A worker killed in the middle of a task leaves it RUNNING: the next worker must run it
again (at least once), where django-tasks-db's db_worker alone never would."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db(transaction=True)

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def orphan() -> DBTaskResult:
    """What `kill -9` leaves: a task claimed by a worker that is gone."""
    return DBTaskResult.objects.create(
        task_path="events.tasks.send_registration_email",
        args_kwargs={"args": [], "kwargs": {"registration_id": 987654, "kind": "confirmed"}},
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timezone.timedelta(minutes=1),
        worker_ids=["a-worker-that-was-killed"],
    )


def test_db_worker_alone_never_runs_a_task_left_running(settings):
    settings.TASKS = DB_TASKS
    task = orphan()
    call_command("db_worker", "--batch", verbosity=0)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING  # the defect hub_worker works around


def test_the_hub_worker_runs_again_a_task_a_killed_worker_left_running(settings):
    settings.TASKS = DB_TASKS
    task = orphan()
    call_command("hub_worker", "--batch", verbosity=0)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL


def test_a_task_another_live_worker_just_claimed_is_left_to_it(settings):
    settings.TASKS = DB_TASKS
    task = orphan()
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=timezone.now())
    call_command("hub_worker", "--batch", "--orphaned-after", "600", verbosity=0)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING
