#!/usr/bin/env bash
# Times the real ODS ePCN workbook (shared/data/national/ePCN_2024-10.xlsx, as published) end to end into an empty SQLite
# file, each run a separate process as an administrator runs it: process start alone, first run, idempotent re-run.
# Usage: scripts/perf/real-epcn.sh [path/to/ePCN.xlsx]   (database under $PERF_DIR, default /tmp/pcnportal-perf)
cd "$(dirname "$0")/../.."
source scripts/perf/common.sh
file="${1:-}"
if [ -z "$file" ]; then
  for dir in . .. ../.. ../../..; do
    if [ -f "$dir/shared/data/national/ePCN_2024-10.xlsx" ]; then file="$dir/shared/data/national/ePCN_2024-10.xlsx"; break; fi
  done
fi
[ -f "$file" ] || { echo "No ePCN workbook found: pass its path" >&2; exit 2; }
mkdir -p "$PERF_DIR"
dotnet build src/PcnPortal.Web/PcnPortal.Web.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null

db="$PERF_DIR/real-epcn.db"
rm -f "$db" "$db-wal" "$db-shm"
portal_env "$db"
export DemoData__Enabled=false
cli migrate >/dev/null
startup=$(seconds cli migrate)
first=$(seconds cli import-epcn "$file" --json); first_json=$(tail -1 "$PERF_DIR/last.log")
first_log=$(grep -o 'parsed in [0-9]* ms, imported in [0-9]* ms' "$PERF_DIR/last.log" || true)
second=$(seconds cli import-epcn "$file" --json); second_json=$(tail -1 "$PERF_DIR/last.log")
second_log=$(grep -o 'parsed in [0-9]* ms, imported in [0-9]* ms' "$PERF_DIR/last.log" || true)

echo "File: $file"
echo "Process start + migration check (no import): ${startup}s"
echo "Real ePCN workbook, first run:               ${first}s   ($first_log)"
echo "Real ePCN workbook, re-run (no changes):     ${second}s   ($second_log)"
echo "First run JSON: $(echo "$first_json" | cut -c1-400)"
echo "Re-run JSON:    $(echo "$second_json" | cut -c1-300)"
