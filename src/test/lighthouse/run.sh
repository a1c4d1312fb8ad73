#!/usr/bin/env bash
# src/test/lighthouse/run.sh -- Lighthouse (mobile, the default form factor) on every page of the site, both
# languages, built with a base_url and served over HTTP from a local static server.
#
# The site is published under a sub-path (/casebook/), as a ministry portal would host it, and each page is
# opened at the address a reader uses (a folder's index.html as the folder: /casebook/ja/saitama/).
#
# Usage (from the repository):  src/test/lighthouse/run.sh [OUT_DIR]
# Needs: Node.js and npm (Lighthouse 12.2.3 and its dependencies, as package-lock.json pins them, installed
# here with `npm ci`; 12.2.3 is the last release that runs on Node.js 20), python3 (the static server),
# Debian's Chromium (/usr/bin/chromium), and a compiled casebook (`mvn -q compile`). Prints one line per page with the four category scores and
# exits 1 when any score is below 100. JSON reports stay in OUT_DIR (default: target/lighthouse).
# Another Lighthouse: LIGHTHOUSE="<node> <lighthouse>/cli/index.js" runs that command instead of the pinned one
# (how the current release, which needs Node.js 22, was run: docs/accessibility.md, "Lighthouse").
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
OUT="${1:-$REPO/target/lighthouse}"
PORT="${PORT:-8765}"
CHROME="${CHROME:-/usr/bin/chromium}"
mkdir -p "$OUT"
cd "$HERE"
LIGHTHOUSE="${LIGHTHOUSE:-}"
if [ -z "$LIGHTHOUSE" ]; then
  [ -x node_modules/.bin/lighthouse ] || npm ci --no-audit --no-fund --silent
  LIGHTHOUSE="$HERE/node_modules/.bin/lighthouse"
fi
echo "Lighthouse $($LIGHTHOUSE --version)"
cd "$REPO"
CP="target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -DincludeScope=runtime)"
BASE="http://127.0.0.1:$PORT/casebook/"
rm -rf "$OUT/www" && mkdir -p "$OUT/www"
java -cp "$CP" casebook.Main build --content content --out "$OUT/www/casebook" --base-url "$BASE" --quiet
(cd "$OUT/www" && exec python3 -m http.server "$PORT" --bind 127.0.0.1 >"$OUT/server.log" 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "$BASE" >/dev/null && break; sleep 0.1; done
status=0
while IFS= read -r page; do
  report="$OUT/$(echo "$page" | tr '/' '_').json"
  # shellcheck disable=SC2086 # LIGHTHOUSE may be "node path/to/cli/index.js"
  $LIGHTHOUSE "$BASE${page%index.html}" --chrome-path="$CHROME" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" --output=json --output-path="$report" --quiet
  line=$(python3 - "$report" "$page" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
scores = {k: round(v["score"] * 100) for k, v in r["categories"].items()}
low = [f"{r['audits'][a['id']]['id']}" for k, v in r["categories"].items() for a in v["auditRefs"]
       if a["weight"] > 0 and r["audits"][a["id"]]["score"] is not None and r["audits"][a["id"]]["score"] < 1]
print(("OK  " if all(s == 100 for s in scores.values()) else "LOW ") + sys.argv[2] + " "
      + " ".join(f"{k}={s}" for k, s in scores.items()) + ("" if not low else "  (audits short of full marks: " + ", ".join(low) + ")"))
PY
)
  echo "$line"
  case "$line" in LOW*) status=1 ;; esac
done < <(cd "$OUT/www/casebook" && find . -name '*.html' | sed 's|^\./||' | sort)
exit $status
