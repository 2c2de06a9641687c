"""`manage.py hub_worker`: the background worker of the production stack (compose's
`worker`, the rehearsal's). django-tasks-db's `db_worker` claims a task (RUNNING) before
running it and never looks at it again: a worker killed in the middle of a batch (kill -9,
out of memory, a host restart) left its task RUNNING for ever, and that email was never
sent (read in db_worker's source; hub/tests/test_hub_worker.py reproduces it). This
command first puts back in the queue the tasks a previous worker claimed and never
finished, then runs `db_worker`.

So a task runs at least once: one whose side effect (an email) happened just before the
kill runs again. Emails that must leave once and only once keep their own ledger
(digests: DigestRun; reminders: their sent row) and check it before sending."""

from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def tasks_requeue_orphans(*, claimed_before) -> int:
    """RUNNING tasks claimed before `claimed_before` go back to READY. Returns how many."""
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=claimed_before
    ).update(status=TaskResultStatus.READY, started_at=None)


class Command(BaseCommand):
    help = "Requeues tasks a killed worker left running, then runs db_worker."

    def add_arguments(self, parser):
        # One worker (compose runs one): everything RUNNING at its start is an orphan. With
        # several workers, give the longest a task may take, so a live one's task stays.
        parser.add_argument("--orphaned-after", type=int, default=0, help="seconds")
        parser.add_argument("--batch", action="store_true", help="stop when the queue is empty")

    def handle(self, *args, orphaned_after: int, batch: bool, **options):
        claimed_before = timezone.now() - timedelta(seconds=orphaned_after)
        count = tasks_requeue_orphans(claimed_before=claimed_before)
        self.stdout.write(f"requeued {count} task(s) a previous worker left running")
        call_command("db_worker", *(["--batch"] if batch else []))
