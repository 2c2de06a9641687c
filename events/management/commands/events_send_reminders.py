"""Sends the reminders that are due (24 hours and 1 hour before). Run it every few
minutes (cron or the worker); running it twice sends nothing twice."""

from django.core.management.base import BaseCommand

from events.services import reminders_send


class Command(BaseCommand):
    help = "Sends event reminders that are due (idempotent)."

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent.")
