#!/usr/bin/env bash
# bench/serve.sh -- save-to-reload latency of `serve`, on the real content and on the 20,000-page corpus.
# Usage: bench/serve.sh            (WORK=/dev/shm/cb-bench, as bench/run.sh; N=10000 bundles; SLUG=page to edit;
#                                  KIND=append|body|title|data: what each save changes, see ServeLatency; EDITS=15)
# The corpus comes from bench/gen_corpus.py beside this script.
# Each run copies the content first: the benchmark edits one page repeatedly through serve's watcher.
set -euo pipefail
# no arguments: every setting is an environment variable; --help prints the header above and starts nothing
case "${1:-}" in
    "") ;;
    -h | --help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "$(basename "$0"): no arguments are taken, not '$1' (settings are environment variables: $0 --help)" >&2; exit 2 ;;
esac
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
WORK=${WORK:-/dev/shm/cb-bench}
N=${N:-10000}
mkdir -p "$WORK"
cd "$REPO"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/serve-deps.cp" >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/serve-deps.cp")"
JAVA="java $(tr '\n' ' ' < .mvn/jvm.config)"

rm -rf "$WORK/serve-real" && cp -r content "$WORK/serve-real"
# the page edited: SLUG, or the first page of the collection's order
SLUG=${SLUG:-$(awk '/^order:/ {o = 1; next} o && /^[[:space:]]*- / {print $2; exit} o && /^[^[:space:]#]/ {exit}' content/site.yaml)}
KIND=${KIND:-append}
echo "== real content, editing ${SLUG:?no SLUG given and no order in content/site.yaml} ($KIND)"
$JAVA -cp "$CP" casebook.bench.ServeLatency "$WORK/serve-real" "$SLUG" "${EDITS:-15}" "$KIND"

if [ ! -d "$WORK/c$N" ]; then python3 "$HERE/gen_corpus.py" "$N" "$WORK/c$N" >/dev/null; fi
rm -rf "$WORK/serve-c$N" && cp -r "$WORK/c$N" "$WORK/serve-c$N"
echo "== corpus of $((2 * N)) pages, editing p00042"
$JAVA -cp "$CP" casebook.bench.ServeLatency "$WORK/serve-c$N" p00042 7
