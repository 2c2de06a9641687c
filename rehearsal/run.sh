#!/usr/bin/env bash
# `make rehearsal`: the production stack of docker/compose.yaml, on this machine, without
# Docker. The same Caddyfile, entrypoint, commands and environment variable names
# (rehearsal/topology.py keeps them in step with compose.yaml): Caddy in front of two
# Daphne processes with hub.settings.production, the django-tasks worker and the periodic
# jobs, on a PostgreSQL cluster and a Redis of its own (other ports: the machine's shared
# services are never touched, never restarted). Then: the end-to-end check through Caddy,
# a backup and restore, the faults, and (LOAD=1, the default) the load test.
# Everything it started is stopped on the way out, failure or not.
#
#   make rehearsal            # everything (about 12 minutes)
#   make rehearsal LOAD=0     # without the 3-minute load test
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
STARTED_AT=$(date +%s)

source rehearsal/lib.sh
TOOLS=${REHEARSAL_TOOLS:-$ROOT/var/rehearsal-tools}
LOAD=${LOAD:-1}
export REHEARSAL_DIR=$R REHEARSAL_PROXY="127.0.0.1:$PROXY_PORT" REHEARSAL_REDIS_PORT=$REDIS_PORT
export REHEARSAL_PG_PORT=$PG_PORT REHEARSAL_WEB_A_PORT=$WEB_A_PORT REHEARSAL_WEB_B_PORT=$WEB_B_PORT
export REHEARSAL_SMTP_PORT=$SMTP_PORT

# --- what the machine needs (Debian's packages), installed when missing -----------------
missing=()
command -v caddy >/dev/null || missing+=(caddy)
command -v redis-server >/dev/null || missing+=(redis-server)
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || missing+=(postgresql)
command -v ss >/dev/null || missing+=(iproute2)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
fi
caddy version | sed 's/^/  caddy /'

# --- stopping everything we start, whatever happens ----------------------------------------
mkdir -p "$R"
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ "${KEEP:-0}" = 1 ]; then  # debugging: leave it running; `rehearsal/ctl.sh stop_all` ends it
    echo "  KEEP=1: still running; stop with rehearsal/ctl.sh stop_all"; exit "$status"
  fi
  step "stopping what the rehearsal started"
  stop_all
  echo "  stopped (wall time $(( $(date +%s) - STARTED_AT )) s)"
  exit "$status"
}
trap cleanup EXIT INT TERM

# A run before us may have been killed with -9: its processes hold our ports.
stop_all
rm -rf "$R" && mkdir -p "$R" "$PIDS_DIR" "$R/media" "$R/private" "$R/backup"
chmod 755 "$R"

# --- the tools venv (Locust, PyYAML): pinned, from the registry, never in .venv -----------
step "tools (var/rehearsal-tools: locust, PyYAML)"
if [ ! -x "$TOOLS/bin/locust" ] || ! cmp -s rehearsal/tools.txt "$TOOLS/tools.txt"; then
  rm -rf "$TOOLS"
  python3 -m venv "$TOOLS"
  "$TOOLS/bin/pip" install --quiet --disable-pip-version-check -r rehearsal/tools.txt \
    >"$ROOT/var/rehearsal-tools.log" 2>&1 || { tail -n 20 "$ROOT/var/rehearsal-tools.log"; exit 1; }
  cp rehearsal/tools.txt "$TOOLS/tools.txt"
fi
"$TOOLS/bin/python" -m rehearsal.topology drift

# --- PostgreSQL and Redis of its own -----------------------------------------------------
step "PostgreSQL (port $PG_PORT) and Redis (port $REDIS_PORT) of the rehearsal's own"
mkdir -p "$R/pg" "$R/pgsock" "$R/pglog"
if [ "$(id -u)" = 0 ]; then chown postgres: "$R/pg" "$R/pgsock" "$R/pglog"; fi
as_postgres "$PG_BIN/initdb" -D "$R/pg" -U postgres -A trust --no-sync -E UTF8 >"$R/initdb.log"
pg_start
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE hub_rehearsal"
start_redis
start smtp "$PY" -m rehearsal.smtp_sink "$SMTP_PORT" "$R/mail.jsonl" "${REHEARSAL_SMTP_DELAY:-0.1}"
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

# --- the environment compose's .env gives every hub process ---------------------------------
export DJANGO_SETTINGS_MODULE=hub.settings.production
DJANGO_SECRET_KEY=$("$PY" -c "import secrets; print(secrets.token_urlsafe(50))")
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DJANGO_CSRF_TRUSTED_ORIGINS="http://127.0.0.1:$PROXY_PORT"
export HUB_BASE_URL="http://127.0.0.1:$PROXY_PORT"
# Plain HTTP on loopback: compose's Caddy would terminate TLS in front of a real domain.
export DJANGO_SECURE_SSL_REDIRECT=false
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/hub_rehearsal"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export EMAIL_URL="smtp://127.0.0.1:$SMTP_PORT"
export MEDIA_ROOT=$R/media PRIVATE_MEDIA_ROOT=$R/private HUB_PRIVATE_FILES_ACCEL_PREFIX=/_private/
export DATABASE_POOL=true DATABASE_POOL_MAX=${DATABASE_POOL_MAX:-20}
# The load test's members post more than the anti-flood's 6 messages in 5 minutes.
export FORUM_RATE_LIMIT_POSTS=100000
export PATH="$ROOT/.venv/bin:$PATH" PYTHONUNBUFFERED=1

# --- the image's build steps (docker/Dockerfile) --------------------------------------------
step "build: messages compiled, static files collected (as the image does)"
for dir in locale */locale hub/*/locale; do
  if [ -d "$dir" ]; then .venv/bin/pybabel -q compile -d "$dir" -D django; fi
done
DJANGO_SETTINGS_MODULE=hub.settings.base DJANGO_SECRET_KEY=build-only \
  "$PY" manage.py collectstatic --noinput --verbosity 0

# --- the processes, started through the one entrypoint --------------------------------------
step "two Daphne processes (both migrate at start: the entrypoint's lock lets one do it)"
start_web a
start_web b
wait_http "http://127.0.0.1:$WEB_A_PORT/livez" 240
wait_http "http://127.0.0.1:$WEB_B_PORT/livez" 120
grep -h "Applying\|No migrations" "$R"/web-*.log | head -n 3 | sed 's/^/  /' || true
echo "  migrations applied: $(grep -hc '  Applying' "$R"/web-*.log | paste -sd' ') (web-a web-b)"

step "demo content and the rehearsal's members"
"$PY" manage.py seed_demo >"$R/seed.log"
"$PY" -m rehearsal.setup_data "$R/fixture.json"
echo "  $(grep -c '"session"' "$R/fixture.json") sessions"

step "worker and periodic jobs (compose's commands)"
start_worker
start_scheduler
echo "  worker: $("$PY" -m rehearsal.topology worker)"
echo "  scheduler: $("$PY" -m rehearsal.topology scheduler)"

step "Caddy (docker/Caddyfile) on 127.0.0.1:$PROXY_PORT"
# http:// said: an address with an IP and no scheme is served over TLS by Caddy.
export HUB_HTTP_ADDRESS="http://127.0.0.1:$PROXY_PORT" HUB_UPSTREAMS=static
export HUB_WEB_UPSTREAMS="127.0.0.1:$WEB_A_PORT 127.0.0.1:$WEB_B_PORT"
export HUB_MEDIA_ROOT=$R/media HUB_PRIVATE_ROOT=$R/private
start caddy caddy run --adapter caddyfile --config docker/Caddyfile
wait_http "http://127.0.0.1:$PROXY_PORT/livez" 30

step "end-to-end check through Caddy"
"$PY" -m rehearsal.check "$R/fixture.json"

step "backup and restore (PostgreSQL and media)"
rehearsal/backup.sh "$R/backup"
rehearsal/restore.sh "$R/backup" hub_rehearsal_restore "$R/restored-media"
"$PY" -m rehearsal.restore_check "$R/fixture.json" hub_rehearsal_restore "$R/restored-media"

step "faults"
"$PY" -m rehearsal.faults "$R/fixture.json"

if [ "$LOAD" = 1 ]; then
  step "load: Locust, 300 members for 3 minutes"
  rehearsal/load.sh "$R/fixture.json"
fi

step "rehearsal passed in $(( $(date +%s) - STARTED_AT )) s"
