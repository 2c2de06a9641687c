"""`manage.py seed_demo`: realistic French and English demo content. Idempotent: run
twice, it changes nothing. Runs each room's loader of demo/loaders/ in order (accounts
first: the other rooms' content names its members), each in its own transaction."""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loaders import accounts, cms, events, forum, privacy

LOADERS = (accounts, privacy, cms, forum, events)


class Command(BaseCommand):
    help = "Creates demo content in French and English (idempotent)."

    def handle(self, *args, **options):
        for loader in LOADERS:
            with transaction.atomic():
                loader.seed(lambda message: self.stdout.write(f"  {message}"))
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
