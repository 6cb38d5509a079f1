#!/usr/bin/env bash
# Page latency and throughput with wrk against the Release build on 127.0.0.1, signed in, on a database holding the
# demo CCG plus the national register (1,300 PCNs, 6,700 practices) and, unless SKIP_CLAIMS=1, a national year of
# ARRS claims (≈624,000 lines). Each page's throughput is also given as a ratio to /health in the same run.
# Usage: scripts/perf/pages.sh   (DURATION=15s per page and connection count by default)
cd "$(dirname "$0")/../.."
source scripts/perf/common.sh
ensure_tool wrk wrk
mkdir -p "$PERF_DIR"
build_release
DURATION="${DURATION:-15s}"
db="$PERF_DIR/pages.db"

prepare_national_db "$db"

portal_env "$db"
export DemoData__Enabled=false
start_portal
trap stop_portal EXIT
cookie=$(sign_in "contracts@demo.pcnportal.test" "$DEMO_PASSWORD")
finance_cookie=$(sign_in "finance@demo.pcnportal.test" "$DEMO_PASSWORD")
[ -n "$cookie" ] || { echo "Could not sign in" >&2; exit 1; }

declare -a pages=(
  "health|/health|"
  "register (own CCG)|/pcns|$cookie"
  "register (all England, 1,318 PCNs, page 1 of 27)|/pcns?Scope=all|$cookie"
  "register (all England, by population, page 2)|/pcns?Scope=all&Sort=population&pageNumber=2|$cookie"
  "register (all England, filtered by a rule: checks every row)|/pcns?Scope=all&Rule=PCN-NO-PAYEE|$cookie"
  "PCN page|/pcns/U90001|$cookie"
  "claims review queue (filtered, paged)|/claims/review?Status=Submitted|$cookie"
  "finance summary|/finance|$finance_cookie"
  "finance summary, 2024/25 (the national year of claims)|/finance?Year=2024/25|$finance_cookie"
)

for connections in 16 64; do
  health_rps=""
  for entry in "${pages[@]}"; do
    IFS='|' read -r name path auth <<<"$entry"
    header=()
    [ -n "$auth" ] && header=(-H "Cookie: $auth")
    status=$(curl -s -o /dev/null -w '%{http_code}' "${header[@]}" "$BASE$path")
    line=$(wrk -t2 -c"$connections" -d"$DURATION" --latency -s scripts/perf/latency.lua "${header[@]}" "$BASE$path" | grep '^RESULT')
    rps=$(echo "$line" | sed 's/.*rps=\([0-9.]*\).*/\1/')
    [ -z "$health_rps" ] && health_rps="$rps"
    ratio=$(awk -v a="$rps" -v b="$health_rps" 'BEGIN { printf "%.3f", a / b }')
    echo "c=$connections | $name | GET $path ($status) | $line ratio_to_health=$ratio"
  done
done

pid_rss=$(ps -o rss= -p "$PORTAL_PID" | tr -d ' ')
echo "Working set after the load: $((pid_rss / 1024)) MB"
