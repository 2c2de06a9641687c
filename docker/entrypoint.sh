#!/bin/sh
# Waits for the database, applies migrations (web only, once per start), then runs the command.
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
  python manage.py migrate --noinput
  # Attachments and documents uploaded before the private store leave /media/ (idempotent).
  python manage.py private_files_move
fi
exec "$@"
