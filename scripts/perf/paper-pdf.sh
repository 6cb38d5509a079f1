#!/usr/bin/env bash
# Time and peak memory of rendering committee paper PDFs through the running Release build, on the database pages.sh uses
# (demo CCG plus the national register; a copy, so the sections added here do not change it):
#   1. the demo OD funds paper (a draft: data sections queried, laid out and rendered on every request), as seeded;
#   2. a full paper for the demo CCG, made through the secretary's forms with the sections of the demo PCN update paper
#      (register, maturity, ARRS, DES funding, risk table, glossary);
#   3. the same paper with a PCN register appendix for all England (1,300 PCNs).
# Each: one first request, then $WARM timed requests (curl time_total); the portal's resident set (VmRSS) before and its
# peak (VmHWM, from /proc) after. Pages are counted with pdfinfo; pages 1-3 of the national appendix's start are
# rendered to PNG with pdftoppm (-r 60) under $PERF_DIR/paper-png for a look at the layout.
# Usage: scripts/perf/paper-pdf.sh   (SKIP_CLAIMS=1 as for pages.sh; WARM=5 by default)
cd "$(dirname "$0")/../.."
source scripts/perf/common.sh
ensure_tool sqlite3 sqlite3
ensure_tool pdfinfo poppler-utils
mkdir -p "$PERF_DIR"
build_release
WARM="${WARM:-5}"
prepare_national_db "$PERF_DIR/pages.db"
db="$PERF_DIR/paper.db"
rm -f "$db" "$db-wal" "$db-shm"
sqlite3 "$PERF_DIR/pages.db" ".backup '$db'"

portal_env "$db"
export DemoData__Enabled=false
start_portal
trap stop_portal EXIT

jar="$PERF_DIR/secretary.jar"
rm -f "$jar"
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
token=$(curl -fs -c "$jar" "$BASE/account/sign-in" | token_of)
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=secretary@demo.pcnportal.test" \
  --data-urlencode "Input.Password=$DEMO_PASSWORD" --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/sign-in"

post_form() { # post_form <path> <field=value>...: GETs the form for its token, POSTs the fields, fails unless redirected
  local path="$1"; shift
  local args=() t status
  t=$(curl -fs -b "$jar" -c "$jar" "$BASE$path" | token_of)
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  status=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' "${args[@]}" --data-urlencode "__RequestVerificationToken=$t" "$BASE$path")
  [ "$status" = "302" ] || { echo "POST $path answered $status" >&2; exit 1; }
}

kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$PORTAL_PID/status"; }

measure() { # measure <label> <paper id>
  local label="$1" id="$2" rss first warm=() out="$PERF_DIR/paper-$2.pdf"
  rss=$(kb VmRSS)
  first=$(curl -fs -b "$jar" -o "$out" -w '%{time_total}' "$BASE/papers/$id/pdf")
  for _ in $(seq 1 "$WARM"); do warm+=("$(curl -fs -b "$jar" -o "$out" -w '%{time_total}' "$BASE/papers/$id/pdf")"); done
  local sorted; sorted=$(printf '%s\n' "${warm[@]}" | sort -n | tr '\n' ' ')
  echo "$label | paper $id | $(pdfinfo "$out" | awk '/^Pages:/ { print $2 }') pages, $(stat -c %s "$out") bytes | first ${first}s | warm (sorted) ${sorted}s | VmRSS before $((rss / 1024)) MB, VmHWM after $(( $(kb VmHWM) / 1024 )) MB"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
od=$(sqlite3 "$db" "SELECT Id FROM CommitteePapers WHERE Title LIKE 'PCN organisational development%' OR Title LIKE '%OD fund%' ORDER BY Id LIMIT 1;")
meeting=$(sqlite3 "$db" "SELECT MeetingId FROM CommitteePapers WHERE Id = $od;")
[ -n "$od" ] || { echo "The demo OD funds paper was not found" >&2; exit 1; }
measure "1. demo OD funds paper (draft)" "$od"

today=$(date +%F)
post_form "/papers/add?meetingId=$meeting" "Input.AgendaNumber=12" "Input.Title=PCN update with register appendix (performance run)" \
  "Input.Purpose=Information" "Input.KeyPoints=- The register, maturity, ARRS and DES funding for the CCG's PCNs"
paper=$(sqlite3 "$db" "SELECT MAX(Id) FROM CommitteePapers;")
add_section() { post_form "/papers/$paper/sections/add" "$@"; }
add_section "Input.Kind=Text" "Input.Title=Purpose" "Input.Body=To update the Committee on PCN development across the CCG."
add_section "Input.Kind=Data" "Input.DataKey=pcn-register" "Input.AsAt=$today" "Input.Body=The table below is drawn from the PCN register."
add_section "Input.Kind=Data" "Input.DataKey=maturity" "Input.AsAt=2022-03-31" "Input.ShowDetail=true"
add_section "Input.Kind=Data" "Input.DataKey=arrs" "Input.AsAt=$today" "Input.ShowDetail=true"
add_section "Input.Kind=Data" "Input.DataKey=des-funding" "Input.AsAt=2019-10-01"
add_section "Input.Kind=RiskTable"
add_section "Input.Kind=Glossary" "Input.IsAppendix=true"
measure "2. full paper for the demo CCG (draft)" "$paper"

add_section "Input.Kind=Data" "Input.DataKey=pcn-register" "Input.AsAt=$today" "Input.AllEngland=true" "Input.IsAppendix=true" \
  "Input.Title=National PCN register" "Input.Body=Every PCN open in England, from the national register, by commissioner."
measure "3. the same with an all-England register appendix (draft)" "$paper"

png="$PERF_DIR/paper-png"
rm -rf "$png"; mkdir -p "$png"
pdftoppm -r 60 -f 1 -l 3 -png "$PERF_DIR/paper-$paper.pdf" "$png/start"
last=$(pdfinfo "$PERF_DIR/paper-$paper.pdf" | awk '/^Pages:/ { print $2 }')
appendix=$(pdftotext "$PERF_DIR/paper-$paper.pdf" - | awk -v RS='\f' '!found && /PCNs in England, practices and populations/ { print NR; found = 1 }')
if [ -n "$appendix" ]; then
  pdftoppm -r 60 -f "$appendix" -l "$((appendix + 2))" -png "$PERF_DIR/paper-$paper.pdf" "$png/appendix"
  pdftoppm -r 60 -f "$((last - 1))" -l "$last" -png "$PERF_DIR/paper-$paper.pdf" "$png/end"
fi
echo "PNG pages (60 dpi): $png (appendix starts on page ${appendix:-?} of $last)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
