"""Deletes or anonymises personal information past its retention period (settings.
HUB_RETENTION). Idempotent: schedule it daily (cron or a systemd timer)."""

from django.core.management.base import BaseCommand

from hub.privacy.retention import run_retention


class Command(BaseCommand):
    help = "Applies the retention periods of HUB_RETENTION (idempotent; run daily)."

    def handle(self, *args, **options):
        for key, count in run_retention().items():
            self.stdout.write(f"{key}: {count}")
