#!/usr/bin/env bash
# A national year of ARRS claims (claims-2024-25.csv from the benchmark generator: ≈611,000 lines, 1,300 PCNs) imported
# by `import-claims` in one process into a copy of a database holding the demo CCG and the national register, timed
# with /usr/bin/time -v: wall time, CPU time (user + system), peak memory (maximum RSS), with the load average before
# and after (the machine is shared: CPU time is the steadier figure). Then the rows written and the database size.
# Usage: scripts/perf/import-claims.sh     (files and databases under $PERF_DIR, default /tmp/pcnportal-perf)
cd "$(dirname "$0")/../.."
source scripts/perf/common.sh
ensure_tool /usr/bin/time time
ensure_tool sqlite3 sqlite3
mkdir -p "$PERF_DIR"
build_release

# The register without claims (kept between runs; REBUILD=1 makes it again).
base="$PERF_DIR/register-only.db"
SKIP_CLAIMS=1 prepare_national_db "$base"
db="$PERF_DIR/import-claims.db"
rm -f "$db" "$db-wal" "$db-shm"
cp "$base" "$db"
portal_env "$db"
export DemoData__Enabled=false

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v -o "$PERF_DIR/import-claims.time" dotnet "$WEB_DLL" import-claims "$PERF_DIR/files/claims-2024-25.csv" >"$PERF_DIR/import-claims.log" 2>&1 \
  || { cat "$PERF_DIR/import-claims.log" >&2; exit 1; }
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
awk -F': ' '
  /Elapsed \(wall clock\)/ { wall = $2 }
  /User time/ { user = $2 }
  /System time/ { sys = $2 }
  /Maximum resident set size/ { rss = $2 }
  /Percent of CPU/ { cpu = $2 }
  END { printf "import-claims: %s wall, %.1f s user + %.1f s system = %.1f s CPU (%s of a core), peak RSS %.0f MB\n", wall, user, sys, user + sys, cpu, rss / 1024 }
' "$PERF_DIR/import-claims.time"
head -1 "$PERF_DIR/import-claims.log"
sqlite3 "$db" "SELECT 'claim lines: ' || COUNT(*) FROM ArrsClaimLines WHERE FinancialYearStart = 2024;
  SELECT 'audit rows for claim lines: ' || COUNT(*) FROM AuditEntries WHERE Entity = 'ArrsClaimLine';
  SELECT 'rule outcome rows: ' || COUNT(*) FROM ArrsClaimOutcomes;
  SELECT 'assessed contexts: ' || COUNT(*) FROM ArrsAssessedContexts;"
echo "database: $(du -m "$db" | cut -f1) MB (register only: $(du -m "$base" | cut -f1) MB)"
