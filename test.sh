#!/usr/bin/env bash
# PcnPortal's one test command: installs what the tests need if it is missing, builds, and runs every test.
#   ./test.sh            all tests (unit, page, PDF and browser tests)
#   ./test.sh --filter X passes the filter to dotnet test
# Needs the .NET 10 SDK and Node/npm (for the NHS.UK frontend and PDF fonts the build restores).
# Browser and PDF tests need Debian's chromium and poppler-utils: installed here with apt-get when run as root.
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${need[*]} for the browser and PDF tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "The browser and PDF tests need: ${need[*]} (sudo apt-get install ${need[*]})." >&2
    exit 1
  fi
fi

dotnet tool restore >/dev/null
dotnet build PcnPortal.sln -c Release -nologo -clp:ErrorsOnly

# The test hosts never reload configuration from disk; without this each of them holds inotify watchers on the
# appsettings files, and a machine running several test runs at once reaches the per-user limit (128 by default): the
# hosts then fail to start with 500s.
export DOTNET_hostBuilder__reloadConfigOnChange=false

log=$(mktemp)
set +e
dotnet test PcnPortal.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line for CI: "tests: N passed, N failed".
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
