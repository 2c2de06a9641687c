#!/usr/bin/env bash
# Backup of the hub: the PostgreSQL database (pg_dump, custom format) and both file stores
# (public media and private files), into DEST. Reads the hub's own variables: DATABASE_URL,
# MEDIA_ROOT, PRIVATE_MEDIA_ROOT. docs/operations.md says how to run it for compose.
#   rehearsal/backup.sh DEST
set -euo pipefail
dest=$1
mkdir -p "$dest"
started=$(date +%s%N)
pg_dump --format=custom --no-owner --file="$dest/hub.dump" "$DATABASE_URL"
tar -C / -czf "$dest/files.tar.gz" "${MEDIA_ROOT#/}" "${PRIVATE_MEDIA_ROOT#/}"
printf '%s\n' "MEDIA_ROOT=$MEDIA_ROOT" "PRIVATE_MEDIA_ROOT=$PRIVATE_MEDIA_ROOT" >"$dest/roots"
sha256sum "$dest/hub.dump" "$dest/files.tar.gz" >"$dest/SHA256SUMS"
echo "  ok    backup: database $(du -h "$dest/hub.dump" | cut -f1), files $(du -h "$dest/files.tar.gz" | cut -f1) in $(( ($(date +%s%N) - started) / 1000000 )) ms"
