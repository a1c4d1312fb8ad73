#!/usr/bin/env bash
# bench/serve.sh -- save-to-reload latency of `serve`, on the real content and on the 20,000-page corpus.
# Usage: bench/serve.sh            (WORK=/dev/shm/cb-bench, as bench/run.sh; N=10000 bundles)
# Each run copies the content first: the benchmark edits one page repeatedly through serve's watcher.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
WORK=${WORK:-/dev/shm/cb-bench}
N=${N:-10000}
cd "$REPO"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/serve-deps.cp" >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/serve-deps.cp")"
JAVA="java $(tr '\n' ' ' < .mvn/jvm.config)"

rm -rf "$WORK/serve-real" && cp -r content "$WORK/serve-real"
echo "== real content (12 pages), editing saitama"
$JAVA -cp "$CP" casebook.bench.ServeLatency "$WORK/serve-real" saitama 15

if [ ! -d "$WORK/c$N" ]; then python3 /work/shared/bench/gen_corpus.py "$N" "$WORK/c$N" >/dev/null; fi
rm -rf "$WORK/serve-c$N" && cp -r "$WORK/c$N" "$WORK/serve-c$N"
echo "== corpus of $((2 * N)) pages, editing p00042"
$JAVA -cp "$CP" casebook.bench.ServeLatency "$WORK/serve-c$N" p00042 7
