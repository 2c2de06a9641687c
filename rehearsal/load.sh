#!/usr/bin/env bash
# The load test: Locust (var/rehearsal-tools, pinned in rehearsal/tools.txt) on loopback,
# headless, 300 members for 3 minutes through Caddy; 50 bells measure the notification delay;
# the machine and each process are sampled meanwhile. At most 5 minutes in all.
#   rehearsal/load.sh FIXTURE.json   (run by run.sh, with the rehearsal's environment)
set -euo pipefail
cd "$(dirname "$0")/.."
source rehearsal/lib.sh
TOOLS=${REHEARSAL_TOOLS:-$ROOT/var/rehearsal-tools}
USERS=${REHEARSAL_LOAD_USERS:-300}
SECONDS_=${REHEARSAL_LOAD_SECONDS:-180}
export REHEARSAL_LOAD_FIXTURE=$R/load.json
"$PY" -m rehearsal.setup_load "$REHEARSAL_LOAD_FIXTURE"
echo "  $USERS members, $SECONDS_ s, 20 new members a second until all are in"
"$PY" -m rehearsal.listeners "$REHEARSAL_LOAD_FIXTURE" "$SECONDS_" "$R/listeners.json" >"$R/listeners.log" 2>&1 &
listeners=$!
"$PY" -m rehearsal.sample "$SECONDS_" "$R/sample.json" &
sampler=$!
timeout 290 "$TOOLS/bin/locust" -f rehearsal/locustfile.py --headless --only-summary \
  -u "$USERS" -r 20 -t "${SECONDS_}s" --stop-timeout 10 \
  --host "http://127.0.0.1:$PROXY_PORT" --csv "$R/locust" >"$R/locust.log" 2>&1 || true
wait "$listeners" "$sampler" || true
"$PY" -m rehearsal.load_report "$R"
