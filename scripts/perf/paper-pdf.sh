#!/usr/bin/env bash
# Committee paper PDFs, in two parts.
#
# Part 1 (always): the tagged PDF against Chromium, in one run on the same data. A fresh database with the demo CCG; its
# demo paper "Primary Care Networks (PCN) update" (register, maturity heatmap, ARRS chart, DES funding, risks, glossary):
#   - tagged PDF, cold: `PcnPortal.Benchmarks paper-pdf` in a new process ($COLD processes): the first render in the process
#     (load the paper, query its data sections, lay out, paint with PDFsharp), timed in-process, and the process's wall time.
#     Two variants: the Release build as built (JIT) in a bare process (host built, nothing else run), and the benchmark
#     published ReadyToRun as the Dockerfile publishes the portal, after the steps the portal runs before serving
#     (PAPER_PDF_AFTER_STARTUP=1: migrate check and reference data): the first paper a secretary asks for after a start.
#     A third variant adds the portal's background warm-up (PAPER_PDF_WARM_UP=1: PaperWarmUp draws the latest draft paper
#     to nowhere, as PaperWarmUpService does once the portal listens) before the timed first render.
#     Then one stage-by-stage run (PAPER_PDF_STAGES=1) of that first render;
#   - tagged PDF, warm: $WARM more renders in the same process (median, min, max);
#   - Chromium: the paper's HTML preview (/papers/{id}/preview, saved with the secretary's cookie, styles from the running
#     portal) printed by `chromium --headless --print-to-pdf` ($CHROMIUM runs, a new Chromium process each, wall time).
# The load average (uptime) is printed before and after: the machine may be shared.
#
# Part 2 (NATIONAL=1): time and peak memory of rendering papers through the running Release build, on the database
# pages.sh uses (demo CCG plus the national register; a copy, so the sections added here do not change it):
#   1. the demo OD funds paper (a draft: data sections queried, laid out and rendered on every request), as seeded;
#   2. a full paper for the demo CCG, made through the secretary's forms with the sections of the demo PCN update paper
#      (register, maturity, ARRS, DES funding, risk table, glossary);
#   3. the same paper with a PCN register appendix for all England (1,300 PCNs).
# Each: one first request, then $WARM timed requests (curl time_total); the portal's resident set (VmRSS) before and its
# peak (VmHWM, from /proc) after. Pages are counted with pdfinfo; pages 1-3 of the national appendix's start are
# rendered to PNG with pdftoppm (-r 60) under $PERF_DIR/paper-png for a look at the layout.
# Usage: scripts/perf/paper-pdf.sh   (WARM=20, COLD=3, CHROMIUM=3 by default; NATIONAL=1 SKIP_CLAIMS=1 as for pages.sh)
cd "$(dirname "$0")/../.."
source scripts/perf/common.sh
ensure_tool sqlite3 sqlite3
ensure_tool pdfinfo poppler-utils
ensure_tool chromium chromium
mkdir -p "$PERF_DIR"
build_release
WARM="${WARM:-20}"
COLD="${COLD:-3}"
CHROMIUM="${CHROMIUM:-3}"

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
sign_in_secretary() { # sign_in_secretary <cookie jar>
  local t
  rm -f "$1"
  t=$(curl -fs -c "$1" "$BASE/account/sign-in" | token_of)
  curl -fs -b "$1" -c "$1" -o /dev/null --data-urlencode "Input.Email=secretary@demo.pcnportal.test" \
    --data-urlencode "Input.Password=$DEMO_PASSWORD" --data-urlencode "__RequestVerificationToken=$t" "$BASE/account/sign-in"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# ---------- Part 1: tagged PDF (cold and warm) against Chromium printing the HTML preview ----------
echo "== Part 1: tagged PDF against Chromium, demo paper, $(nproc) cores"
echo "uptime before: $(uptime)"
demo="$PERF_DIR/paper-demo.db"
rm -f "$demo" "$demo-wal" "$demo-shm"
portal_env "$demo"
export DemoData__Enabled=true
cli migrate >/dev/null
# Started from the project folder so its wwwroot (the NHS.UK styles the preview uses) is served; seeding the demo CCG
# on a loaded machine can take minutes.
(cd src/PcnPortal.Web && exec dotnet "bin/Release/net10.0/PcnPortal.Web.dll" --urls "$BASE") >"$PERF_DIR/portal.log" 2>&1 &
PORTAL_PID=$!
trap stop_portal EXIT
for _ in $(seq 1 1200); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$BASE/health" >/dev/null || { echo "The portal did not start; see $PERF_DIR/portal.log" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w "%{http_code}" "$BASE/css/site.css")" = "200" ] || { echo "The portal serves no styles; see $PERF_DIR/portal.log" >&2; exit 1; }
export DemoData__Enabled=false
paper=$(sqlite3 "$demo" "SELECT Id FROM CommitteePapers WHERE Title = 'Primary Care Networks (PCN) update';")
[ -n "$paper" ] || { echo "The demo PCN update paper was not found" >&2; exit 1; }
jar="$PERF_DIR/secretary.jar"
sign_in_secretary "$jar"
html="$PERF_DIR/paper-preview.html"
curl -fs -b "$jar" "$BASE/papers/$paper/preview" | sed "s|<head>|<head><base href=\"$BASE/\">|" >"$html"
chromium_pdf="$PERF_DIR/paper-chromium.pdf"
chromium_times=()
for _ in $(seq 1 "$CHROMIUM"); do
  rm -rf "$PERF_DIR/chromium-profile" "$chromium_pdf"
  chromium_times+=("$(seconds chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$PERF_DIR/chromium-profile" --no-pdf-header-footer --print-to-pdf="$chromium_pdf" "file://$html")")
done
[ -s "$chromium_pdf" ] || { echo "Chromium wrote no PDF; see $PERF_DIR/last.log" >&2; exit 1; }
stop_portal
trap - EXIT

tagged_pdf="$PERF_DIR/paper-tagged.pdf"
# The benchmark as production runs the portal: published ReadyToRun (precompiled, as the Dockerfile publishes it).
r2r="$PERF_DIR/bench-r2r"
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
dotnet publish tests/PcnPortal.Benchmarks/PcnPortal.Benchmarks.csproj -c Release -r "$rid" --self-contained false \
  -p:PublishReadyToRun=true -o "$r2r" -nologo -clp:ErrorsOnly >/dev/null
run_variant() { # run_variant <label> <benchmark dll> <after start-up 0|1>: $COLD processes; sets cold_ms and warm_ms
  local colds=() warms=() walls=() start out line
  echo "tagged PDF, $1:"
  for _ in $(seq 1 "$COLD"); do
    start=$(date +%s.%N)
    out=$(PAPER_PDF_AFTER_STARTUP="$3" PAPER_PDF_WARM_UP="${4:-0}" dotnet "$2" paper-pdf "$paper" "$WARM" "$tagged_pdf")
    echo "  process: $(grep -E '^(portal start-up|warm-up)' <<<"$out" | tr '\n' ';') $(grep '^host built' <<<"$out")"
    line=$(tail -1 <<<"$out")
    walls+=("$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.3f", e - s }')")
    colds+=("$(sed 's/.*cold_ms=\([0-9.]*\).*/\1/' <<<"$line")")
    warms+=("$(sed 's/.*warm_median_ms=\([0-9.]*\).*/\1/' <<<"$line")")
  done
  cold_ms=$(printf '%s\n' "${colds[@]}" | median)
  warm_ms=$(printf '%s\n' "${warms[@]}" | median)
  echo "  cold, first render in the process (in-process ms, $COLD processes): ${colds[*]} -> median ${cold_ms} ms"
  echo "  process wall time (start, build host, first render, $WARM warm renders, exit; s): ${walls[*]}"
  echo "  warm, median of $WARM renders in each process (ms): ${warms[*]} -> median ${warm_ms} ms"
}
chromium_ms=$(printf '%s\n' "${chromium_times[@]}" | median | awk '{ printf "%.0f", $1 * 1000 }')
run_variant "as built (JIT), first render in a bare process (no start-up steps)" "$BENCH_DLL" 0
bare_cold_ms=$cold_ms
run_variant "published ReadyToRun, first paper after the portal's start-up steps (migrate check, reference data)" "$r2r/PcnPortal.Benchmarks.dll" 1
r2r_cold_ms=$cold_ms
run_variant "published ReadyToRun, first paper after the start-up steps and the portal's background warm-up (PaperWarmUp: the latest draft paper drawn to nowhere)" "$r2r/PcnPortal.Benchmarks.dll" 1 1
warmed_cold_ms=$cold_ms
cold_ms=$r2r_cold_ms
echo "  where the first render's time goes, one process, stage by stage (ReadyToRun, after start-up):"
echo "    $(PAPER_PDF_AFTER_STARTUP=1 PAPER_PDF_STAGES=1 dotnet "$r2r/PcnPortal.Benchmarks.dll" paper-pdf "$paper" 0 "$tagged_pdf" | tail -1)"
echo "tagged PDF: $(pdfinfo "$tagged_pdf" | awk '/^Pages:/ { print $2 }') pages, $(stat -c %s "$tagged_pdf") bytes, $(pdfinfo "$tagged_pdf" | awk '/^Tagged:/ { print "tagged " $2 }')"
echo "Chromium: $(pdfinfo "$chromium_pdf" | awk '/^Pages:/ { print $2 }') pages, $(stat -c %s "$chromium_pdf") bytes, $(pdfinfo "$chromium_pdf" | awk '/^Tagged:/ { print "tagged " $2 }')"
echo "  print-to-pdf wall time, a new Chromium each ($CHROMIUM runs, s): ${chromium_times[*]} -> median ${chromium_ms} ms"
awk -v c="$chromium_ms" -v k="$cold_ms" -v b="$bare_cold_ms" -v w="$warm_ms" -v u="$warmed_cold_ms" 'BEGIN { printf "Chromium / tagged first paper after start-up: %.1fx; after the warm-up: %.1fx; Chromium / tagged warm: %.1fx; first paper after start-up under 300 ms: %s; after the warm-up: %s; bare-process cold (JIT) under 300 ms: %s\n", c / k, c / u, c / w, (k < 300 ? "yes" : "NO"), (u < 300 ? "yes" : "NO"), (b < 300 ? "yes" : "NO") }'
echo "uptime after: $(uptime)"
[ "${NATIONAL:-0}" = "1" ] || exit 0

# ---------- Part 2: papers through the portal on the national database ----------
echo "== Part 2: papers through the running portal, national database"
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
