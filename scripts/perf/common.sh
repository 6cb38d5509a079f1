# Shared helpers for the performance scripts. Source it; it expects to run from the repository root.
# Everything here talks only to 127.0.0.1.
set -euo pipefail

PERF_DIR="${PERF_DIR:-/tmp/pcnportal-perf}"
WEB_DLL="src/PcnPortal.Web/bin/Release/net10.0/PcnPortal.Web.dll"
BENCH_DLL="tests/PcnPortal.Benchmarks/bin/Release/net10.0/PcnPortal.Benchmarks.dll"
PORT="${PORT:-5190}"
BASE="http://127.0.0.1:${PORT}"
DEMO_PASSWORD="${DEMO_PASSWORD:-Perf-Demo-Password-1}"

build_release() {
  dotnet build src/PcnPortal.Web/PcnPortal.Web.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null
  dotnet build tests/PcnPortal.Benchmarks/PcnPortal.Benchmarks.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null
}

ensure_tool() { # ensure_tool <command> <debian package>
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else
    echo "Install $2 (apt-get install $2)" >&2; exit 1
  fi
}

# portal_env <database file>: the environment every run uses (Production, SQLite file, plain HTTP on loopback).
portal_env() {
  export ASPNETCORE_ENVIRONMENT=Production
  export Database__Provider=Sqlite
  export ConnectionStrings__Portal="Data Source=$1"
  export DemoData__Password="$DEMO_PASSWORD"
  export Security__RequireHttps=false
  export Security__SignInAttemptsPerMinute=1000
}

cli() { # cli <verb> [args...]: runs a verb of the Release build
  dotnet "$WEB_DLL" "$@"
}

seconds() { # seconds <command...>: prints the wall time of the command in seconds (3 decimals); its output goes to $PERF_DIR/last.log
  local start end
  start=$(date +%s.%N)
  "$@" >"$PERF_DIR/last.log" 2>&1 || { cat "$PERF_DIR/last.log" >&2; return 1; }
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}

start_portal() { # start_portal: starts the Release build on $BASE in the background; waits for /health
  dotnet "$WEB_DLL" --urls "$BASE" >"$PERF_DIR/portal.log" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "$BASE/health" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "The portal did not start; see $PERF_DIR/portal.log" >&2
  return 1
}

stop_portal() {
  if [ -n "${PORTAL_PID:-}" ]; then kill "$PORTAL_PID" 2>/dev/null || true; wait "$PORTAL_PID" 2>/dev/null || true; fi
}

sign_in() { # sign_in <email> <password>: prints the auth cookie header value "pcnportal.auth=..."
  local jar token
  jar=$(mktemp)
  token=$(curl -fs -c "$jar" "$BASE/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -fs -b "$jar" -c "$jar" -o /dev/null \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$2" --data-urlencode "__RequestVerificationToken=$token" \
    "$BASE/account/sign-in"
  awk '$6 == "pcnportal.auth" { print "pcnportal.auth=" $7 }' "$jar"
  rm -f "$jar"
}

# prepare_national_db <database file>: the demo CCG (seeded at a first web start) plus the national register from the
# generator (1,300 PCNs, 6,700 practices, list sizes) and, unless SKIP_CLAIMS=1, a national year of ARRS claims.
# Kept between runs; REBUILD=1 makes it again.
prepare_national_db() {
  local db="$1"
  if [ -f "$db" ] && [ "${REBUILD:-0}" != "1" ]; then return 0; fi
  rm -f "$db" "$db-wal" "$db-shm"
  dotnet "$BENCH_DLL" generate "$PERF_DIR/files" >/dev/null
  portal_env "$db"
  export DemoData__Enabled=true
  cli migrate >/dev/null                      # creates the schema; the demo CCG is seeded at the first web start
  start_portal; stop_portal
  export DemoData__Enabled=false
  echo "import-epcn:        $(seconds cli import-epcn "$PERF_DIR/files/ePCN.xlsx")s"
  echo "import-list-sizes:  $(seconds cli import-list-sizes "$PERF_DIR/files/gp-reg-pat-prac-all.csv")s"
  echo "weighted sizes:     $(seconds cli import-list-sizes "$PERF_DIR/files/weighted-list-sizes.csv")s"
  if [ "${SKIP_CLAIMS:-0}" != "1" ]; then
    # The national year of claims (≈624,000 lines, one transaction): wall time, CPU time and peak memory.
    ensure_tool /usr/bin/time time
    /usr/bin/time -f "import-claims:      %e s wall, %U s user + %S s system CPU, peak RSS %M KB" -o "$PERF_DIR/import-claims.time" \
      dotnet "$WEB_DLL" import-claims "$PERF_DIR/files/claims-2024-25.csv" >"$PERF_DIR/import-claims.log" 2>&1 \
      || { cat "$PERF_DIR/import-claims.log" >&2; exit 1; }
    cat "$PERF_DIR/import-claims.time"
  fi
}
