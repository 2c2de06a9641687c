"""`manage.py search_vocabulary`: rebuilds the words "did you mean" proposes from the public
content of every room (idempotent; run by `periodic_jobs`)."""

from django.core.management.base import BaseCommand

from search.services import vocabulary_rebuild


class Command(BaseCommand):
    help = "Rebuilds the site search's vocabulary (did you mean)."

    def handle(self, *args, **options):
        count = vocabulary_rebuild()
        self.stdout.write(f"{count} words.")
