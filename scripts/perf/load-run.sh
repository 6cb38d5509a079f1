#!/usr/bin/env bash
# Load run: mixed reads and writes against the portal on 127.0.0.1, then checks there were no 5xx and no lost writes.
#
#   scripts/perf/load-run.sh                # 5 minutes, 32 connections
#   DURATION=60 scripts/perf/load-run.sh    # a shorter run
#
# Settings (environment): DURATION seconds (300), CONNECTIONS (32), THREADS (2), PORT (5190), PASSWORD (demo password),
# NO_BUILD=1 to reuse an existing Release build. Starts the portal itself (Release build, Production environment, a
# temporary SQLite database seeded with demo data, plain HTTP on loopback only) and stops it afterwards.
#
# The mix, per request (scripts/perf/load-mix.lua): the register, a PCN page, the claims review queue and the maturity
# page (reads), and a PCN manager proposing a change of clinical director (a write that is safe to repeat and countable:
# each accepted proposal is one PcnChangeRequests row and answers 302 to the PCN page).
set -euo pipefail

DURATION="${DURATION:-300}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
PORT="${PORT:-5190}"
PASSWORD="${PASSWORD:-Load-Run-Password-2026}"
PCN="U90001"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d /tmp/pcnportal-load.XXXXXX)"
BASE="http://127.0.0.1:${PORT}"
DB="$WORK/portal.db"
PORTAL_PID=""

cleanup() {
  if [[ -n "$PORTAL_PID" ]] && kill -0 "$PORTAL_PID" 2>/dev/null; then
    kill "$PORTAL_PID" 2>/dev/null || true
    wait "$PORTAL_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "wrk is not installed; installing the Debian package" >&2
  sudo apt-get install -y wrk >/dev/null 2>&1 || apt-get install -y wrk
fi
for tool in curl sqlite3; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

if [[ "${NO_BUILD:-0}" != "1" ]]; then
  echo "Building (Release)..." >&2
  dotnet build "$ROOT/src/PcnPortal.Web" -c Release -v quiet -nologo >/dev/null
fi

echo "Starting the portal on $BASE (database $DB)..." >&2
(
  cd "$ROOT/src/PcnPortal.Web"
  ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="$BASE" \
  Database__Provider=Sqlite \
  ConnectionStrings__Portal="Data Source=$DB" \
  DemoData__Enabled=true \
  DemoData__Password="$PASSWORD" \
  Security__RequireHttps=false \
  Serilog__MinimumLevel__Default=Warning \
  exec dotnet bin/Release/net10.0/PcnPortal.Web.dll
) >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!

for _ in $(seq 1 120); do
  if curl -fsS "$BASE/health" >/dev/null 2>&1; then break; fi
  kill -0 "$PORTAL_PID" 2>/dev/null || { echo "The portal stopped; log:" >&2; tail -40 "$WORK/portal.log" >&2; exit 1; }
  sleep 1
done
curl -fsS "$BASE/health" >/dev/null || { echo "The portal did not become healthy" >&2; exit 1; }

# Signs in through the real form (antiforgery token from the sign-in page) and prints the Cookie header value.
sign_in() {
  local email="$1" jar="$WORK/$1.jar" token
  token=$(curl -sS -c "$jar" -b "$jar" "$BASE/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  [[ -n "$token" ]] || { echo "No antiforgery token on the sign-in page" >&2; exit 1; }
  local status
  status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$BASE/account/sign-in" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$PASSWORD")
  [[ "$status" == "302" ]] || { echo "Sign-in as $email failed ($status)" >&2; exit 1; }
  # Netscape cookie jar: HttpOnly cookies are written with a #HttpOnly_ prefix.
  sed -n 's/^#HttpOnly_//p; /^[^#]/p' "$jar" | awk -F'\t' 'NF>=7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}'
}

# A fresh antiforgery token for the PCN manager's change form.
form_token() {
  local cookie="$1"
  curl -sS -H "Cookie: $cookie" "$BASE/pcns/$PCN/changes/new" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'
}

MANAGER_COOKIE=$(sign_in manager@demo.pcnportal.test)
CONTRACTS_COOKIE=$(sign_in contracts@demo.pcnportal.test)
# The form page sets the antiforgery cookie: sign in again into the same jar picks it up with the auth cookie.
curl -sS -o /dev/null -c "$WORK/manager@demo.pcnportal.test.jar" -b "$WORK/manager@demo.pcnportal.test.jar" "$BASE/pcns/$PCN/changes/new"
MANAGER_COOKIE=$(sed -n 's/^#HttpOnly_//p; /^[^#]/p' "$WORK/manager@demo.pcnportal.test.jar" | awk -F'\t' 'NF>=7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}')
WRITE_TOKEN=$(form_token "$MANAGER_COOKIE")
[[ -n "$WRITE_TOKEN" ]] || { echo "No antiforgery token on the change form" >&2; exit 1; }

BEFORE=$(sqlite3 "$DB" "SELECT COUNT(*) FROM PcnChangeRequests;")

export MANAGER_COOKIE CONTRACTS_COOKIE WRITE_TOKEN PCN
echo "Running wrk for ${DURATION}s at $CONNECTIONS connections ($THREADS threads)..." >&2
wrk -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --timeout 10s --latency -s "$ROOT/scripts/perf/load-mix.lua" "$BASE" | tee "$WORK/wrk.txt"

AFTER=$(sqlite3 "$DB" "SELECT COUNT(*) FROM PcnChangeRequests;")
FOUND=$((AFTER - BEFORE))
EXPECTED=$(sed -n 's/^writes_ok=//p' "$WORK/wrk.txt")
SENT=$(sed -n 's/^writes_sent=//p' "$WORK/wrk.txt")
FIVEXX=$(sed -n 's/^status_5xx=//p' "$WORK/wrk.txt")
OTHER=$(sed -n 's/^status_other=//p' "$WORK/wrk.txt")
SERVER_ERRORS=$(grep -c '\[ERR\]\|\[FTL\]' "$WORK/portal.log" || true)

echo
echo "== Load run summary =="
echo "duration=${DURATION}s connections=$CONNECTIONS threads=$THREADS"
grep -E 'Requests/sec|requests in|Latency|50%|75%|90%|99%|Socket errors|Non-2xx' "$WORK/wrk.txt" || true
echo "5xx responses: $FIVEXX; other unexpected statuses: $OTHER; errors in the portal log: $SERVER_ERRORS"
echo "writes sent: $SENT; accepted (302 seen by wrk): $EXPECTED; PcnChangeRequests rows added: $FOUND"
echo "(rows above the accepted count are writes still in flight when wrk stopped counting: at most sent - accepted)"
echo "portal log: $WORK/portal.log"

status=0
if [[ "$FIVEXX" != "0" ]]; then echo "FAIL: $FIVEXX responses were 5xx" >&2; status=1; fi
if (( FOUND < EXPECTED )); then echo "FAIL: lost writes: $EXPECTED were accepted but only $FOUND rows were found" >&2; status=1; fi
if (( FOUND > SENT )); then echo "FAIL: $FOUND rows were found but only $SENT writes were sent" >&2; status=1; fi
if [[ "$EXPECTED" == "0" ]]; then echo "FAIL: no write was accepted" >&2; status=1; fi
[[ $status == 0 ]] && echo "OK: no 5xx, no lost writes"
exit $status
