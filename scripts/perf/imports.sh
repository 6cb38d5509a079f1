#!/usr/bin/env bash
# Times the national imports end to end into SQLite (each a separate process, as an administrator runs them):
# the ePCN workbook and the list-size CSVs, first run and idempotent re-run.
# Usage: scripts/perf/imports.sh        (files and database under $PERF_DIR, default /tmp/pcnportal-perf)
cd "$(dirname "$0")/../.."
source scripts/perf/common.sh
mkdir -p "$PERF_DIR"
build_release
dotnet "$BENCH_DLL" generate "$PERF_DIR/files" >/dev/null

db="$PERF_DIR/imports.db"
rm -f "$db" "$db-wal" "$db-shm"
portal_env "$db"
export DemoData__Enabled=false
cli migrate >/dev/null
startup=$(seconds cli migrate)

epcn1=$(seconds cli import-epcn "$PERF_DIR/files/ePCN.xlsx" --json); epcn1_json=$(cat "$PERF_DIR/last.log")
epcn2=$(seconds cli import-epcn "$PERF_DIR/files/ePCN.xlsx" --json); epcn2_json=$(cat "$PERF_DIR/last.log")
sizes1=$(seconds cli import-list-sizes "$PERF_DIR/files/gp-reg-pat-prac-all.csv" --json)
sizes2=$(seconds cli import-list-sizes "$PERF_DIR/files/gp-reg-pat-prac-all.csv" --json); sizes2_json=$(cat "$PERF_DIR/last.log")
weighted1=$(seconds cli import-list-sizes "$PERF_DIR/files/weighted-list-sizes.csv" --json)
weighted2=$(seconds cli import-list-sizes "$PERF_DIR/files/weighted-list-sizes.csv" --json)

echo "Process start + migration check (no import): ${startup}s"
echo "ePCN workbook, first run:                ${epcn1}s   $(echo "$epcn1_json" | tail -1 | cut -c1-160)"
echo "ePCN workbook, second run (no changes):  ${epcn2}s   $(echo "$epcn2_json" | tail -1 | cut -c1-160)"
echo "NHS list sizes, first run:               ${sizes1}s"
echo "NHS list sizes, second run (no changes): ${sizes2}s   $(echo "$sizes2_json" | tail -1 | cut -c1-160)"
echo "Weighted list sizes, first run:          ${weighted1}s"
echo "Weighted list sizes, second run:         ${weighted2}s"
