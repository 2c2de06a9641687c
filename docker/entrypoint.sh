#!/bin/sh
# Waits for the database, applies migrations (web only, once per start), then runs the command.
# The compose stack and `make rehearsal` both start every process through this file.
set -eu
python - <<'PY'
import os, sys, time
import django
django.setup()
from django.db import connection
for attempt in range(60):
    try:
        connection.ensure_connection()
        break
    except Exception as error:  # the database may still be starting
        print(f"waiting for the database ({error.__class__.__name__})", flush=True)
        time.sleep(2)
else:
    sys.exit("the database did not answer in 2 minutes")
PY
if [ "${HUB_MIGRATE:-1}" = "1" ]; then
  # Several web processes start together (`--scale web=3`, the rehearsal's two): one migrates
  # under a PostgreSQL advisory lock while the others wait, then find nothing left to do.
  # Two `migrate` at once race on the same tables.
  python - <<'PY'
import django
django.setup()
from django.core.management import call_command
from django.db import connection
with connection.cursor() as cursor:
    if connection.vendor == "postgresql":
        cursor.execute("SELECT pg_advisory_lock(73006110)")
    call_command("migrate", interactive=False, verbosity=1)
    # Attachments and documents uploaded before the private store leave /media/ (idempotent).
    call_command("private_files_move")
    if connection.vendor == "postgresql":
        cursor.execute("SELECT pg_advisory_unlock(73006110)")
PY
fi
exec "$@"
