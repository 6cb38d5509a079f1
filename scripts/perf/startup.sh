#!/usr/bin/env bash
# Cold start: time from starting the Release build to the first served page (/account/sign-in), on an existing
# database (migrated and seeded by a first start that is not timed). Three runs.
cd "$(dirname "$0")/../.."
source scripts/perf/common.sh
mkdir -p "$PERF_DIR"
build_release
db="$PERF_DIR/startup.db"
rm -f "$db" "$db-wal" "$db-shm"
portal_env "$db"
export DemoData__Enabled=true
start_portal; stop_portal          # first start: migrate and seed the demo CCG (not timed)
for run in 1 2 3; do
  start=$(date +%s.%N)
  dotnet "$WEB_DLL" --urls "$BASE" >"$PERF_DIR/portal.log" 2>&1 &
  PORTAL_PID=$!
  until curl -fs -o /dev/null "$BASE/account/sign-in"; do sleep 0.02; done
  end=$(date +%s.%N)
  rss=$(ps -o rss= -p "$PORTAL_PID" | tr -d ' ')
  stop_portal
  awk -v s="$start" -v e="$end" -v r="$rss" -v n="$run" 'BEGIN { printf "run %d: first page after %.2f s, working set %d MB\n", n, e - s, r / 1024 }'
done
