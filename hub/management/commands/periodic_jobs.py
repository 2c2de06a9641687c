"""`manage.py periodic_jobs`: runs every periodic command of the hub once (reminders,
digests, retention...). The scheduler service calls it every few minutes; each command it
runs is idempotent, so running it twice sends nothing twice. A failing job does not stop
the others."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Runs the hub's periodic commands once (HUB_PERIODIC_COMMANDS)."

    def handle(self, *args, **options):
        failures = 0
        for name in settings.HUB_PERIODIC_COMMANDS:
            self.stdout.write(f"{name}…")
            try:
                call_command(name, stdout=self.stdout, stderr=self.stderr)
            except Exception as error:  # noqa: BLE001 - report and go on with the next job
                failures += 1
                self.stderr.write(f"{name} failed: {error!r}")
        if failures:
            raise SystemExit(1)
