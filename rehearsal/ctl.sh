#!/usr/bin/env bash
# The faults (rehearsal/faults.py) start and stop the rehearsal's processes through this:
#   rehearsal/ctl.sh stop web-a KILL | start_web a | pg_stop fast | pg_start | start_redis …
set -euo pipefail
cd "$(dirname "$0")/.."
source rehearsal/lib.sh
"$@"
