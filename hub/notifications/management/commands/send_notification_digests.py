from django.core.management.base import BaseCommand, CommandError

from hub.notifications.services import digests_send_all


class Command(BaseCommand):
    help = (
        "Emails each member the daily digest of the unread notifications they chose to get "
        "that way, once a day from HUB_NOTIFICATION_DIGEST_HOUR. Idempotent: the scheduler "
        "runs it every few minutes (HUB_PERIODIC_COMMANDS); nothing is ever sent twice."
    )

    def handle(self, *args, **options):
        stats = digests_send_all()
        self.stdout.write(
            f"digests sent: {stats['sent']}, refused by consent: {stats['skipped']}, "
            f"failed: {stats['failed']}"
        )
        if stats["failed"]:
            raise CommandError(f"{stats['failed']} digest(s) failed; they stay pending.")
