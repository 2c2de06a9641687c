"""`manage.py private_files_move`: moves forum attachments and documents uploaded before the
private store existed out of MEDIA_ROOT (hub/files.py). Idempotent; the web entrypoint runs
it after migrating."""

from django.core.management.base import BaseCommand

from hub.files import move_to_private_store


class Command(BaseCommand):
    help = "Move private files (forum attachments, documents) out of MEDIA_ROOT."

    def handle(self, *args, **options):
        moved = move_to_private_store(log=self.stdout.write)
        self.stdout.write(f"{moved} file(s) moved to the private store.")
