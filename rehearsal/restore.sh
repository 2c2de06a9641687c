#!/usr/bin/env bash
# Restore of a backup made by backup.sh into a NEW database on the same server and a new
# folder (never over the live ones: check first, then switch DATABASE_URL / the volumes).
#   rehearsal/restore.sh DEST NEW_DATABASE_NAME NEW_FILES_FOLDER
set -euo pipefail
dest=$1 name=$2 files=$3
started=$(date +%s%N)
(cd "$dest" && sha256sum --quiet -c SHA256SUMS)
server=${DATABASE_URL%/*}
psql "$server/postgres" -qc "DROP DATABASE IF EXISTS \"$name\"" -c "CREATE DATABASE \"$name\""
pg_restore --no-owner --exit-on-error --dbname="$server/$name" "$dest/hub.dump"
rm -rf "$files" && mkdir -p "$files"
tar -C "$files" -xzf "$dest/files.tar.gz"
echo "  ok    restore: into database $name and $files in $(( ($(date +%s%N) - started) / 1000000 )) ms"
