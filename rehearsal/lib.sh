# Shared by run.sh and ctl.sh (the faults start and stop processes through ctl.sh): the
# rehearsal's addresses and how each process is started, in its own process group, with
# its output in $R/NAME.log and its id in $R/pids/NAME.
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
R=${REHEARSAL_DIR:-$ROOT/var/rehearsal}
PIDS_DIR=$R/pids
PROXY_PORT=${REHEARSAL_PROXY_PORT:-18080}
WEB_A_PORT=${REHEARSAL_WEB_A_PORT:-18001}
WEB_B_PORT=${REHEARSAL_WEB_B_PORT:-18002}
PG_PORT=${REHEARSAL_PG_PORT:-5440}
REDIS_PORT=${REHEARSAL_REDIS_PORT:-6390}
SMTP_PORT=${REHEARSAL_SMTP_PORT:-18025}
PY=$ROOT/.venv/bin/python
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)}
PG_OPTIONS="-p $PG_PORT -k $R/pgsock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100"

step() { printf '\n== %s  [load %s]\n' "$*" "$(cut -d' ' -f1-2 /proc/loadavg)"; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start() {  # start NAME COMMAND...
  local name=$1; shift
  setsid "$@" >>"$R/$name.log" 2>&1 < /dev/null &
  echo $! > "$PIDS_DIR/$name"
}
stop() {  # stop NAME [SIGNAL]: the signal (TERM) to its process group, then KILL what is left
  local file=$PIDS_DIR/$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  kill "-${2:-TERM}" -- "-$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$file"
}
supervised() {  # supervised NAME COMMAND...: compose's `restart: unless-stopped`
  local name=$1; shift
  start "$name" bash -c 'while :; do "$@"; echo "supervisor: exited with $?, starting again"; sleep 1; done' _ "$@"
}
kill_child() {  # kill_child NAME [SIGNAL]: the process under the supervisor dies, it starts again
  local pgid pid
  pgid=$(cat "$PIDS_DIR/$1")
  for pid in $(ps -o pid= -g "$pgid"); do
    [ "$pid" = "$pgid" ] || kill "-${2:-KILL}" "$pid" 2>/dev/null || true
  done
}
wait_http() {  # wait_http URL SECONDS
  local deadline=$(( $(date +%s) + $2 ))
  until curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "  FAIL  $1 did not answer in $2 s" >&2; return 1; }
    sleep 0.3
  done
}

web_command() {  # the image's CMD (rehearsal/topology.py) with this process's address
  local port=$1 out=() i web
  read -r -a web <<<"$("$PY" -m rehearsal.topology web)"
  for ((i = 0; i < ${#web[@]}; i++)); do
    case "${web[$i]}" in
      -b) out+=(-b 127.0.0.1); i=$((i + 1)) ;;
      -p) out+=(-p "$port"); i=$((i + 1)) ;;
      *) out+=("${web[$i]}") ;;
    esac
  done
  printf '%s\n' "${out[@]}"
}
start_web() {  # start_web a|b: through the one entrypoint, migrating at start like compose's web
  local port=$WEB_A_PORT command
  [ "$1" = b ] && port=$WEB_B_PORT
  mapfile -t command < <(web_command "$port")
  HUB_MIGRATE=1 supervised "web-$1" docker/entrypoint.sh "${command[@]}"
}
start_worker() {
  local worker
  read -r -a worker <<<"$("$PY" -m rehearsal.topology worker)"
  HUB_MIGRATE=0 supervised worker docker/entrypoint.sh "${worker[@]}"
}
start_scheduler() {
  local script
  script=$("$PY" -c "from rehearsal.topology import SCHEDULER_COMMAND as c; print(c[2])")
  HUB_MIGRATE=0 supervised scheduler docker/entrypoint.sh sh -c "$script"
}
start_redis() { start redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no; }
pg_start() { as_postgres "$PG_BIN/pg_ctl" -D "$R/pg" -o "$PG_OPTIONS" -l "$R/pglog/postgresql.log" -w start >/dev/null; }
pg_stop() { as_postgres "$PG_BIN/pg_ctl" -D "$R/pg" -m "${1:-fast}" -w stop >/dev/null 2>&1 || true; }
stop_all() {
  local file
  for file in "$PIDS_DIR"/*; do [ -e "$file" ] && stop "$(basename "$file")"; done
  if [ -f "$R/pg/postmaster.pid" ]; then pg_stop immediate; fi
}
