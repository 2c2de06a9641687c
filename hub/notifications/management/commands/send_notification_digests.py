from django.core.management.base import BaseCommand

from hub.notifications.services import digests_send_all


class Command(BaseCommand):
    help = (
        "Emails each member the daily digest of the unread notifications they chose to get "
        "that way. Idempotent: run it once a day (cron); a second run sends nothing twice."
    )

    def handle(self, *args, **options):
        stats = digests_send_all()
        self.stdout.write(
            f"digests sent: {stats['sent']}, refused by consent: {stats['skipped']}, "
            f"failed: {stats['failed']}"
        )
        if stats["failed"]:
            raise SystemExit(1)
