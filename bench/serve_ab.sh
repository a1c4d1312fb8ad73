#!/usr/bin/env bash
# bench/serve_ab.sh -- serve's save-to-reload latency of two builds of casebook, interleaved, on the real content.
# Usage: bench/serve_ab.sh OLD_CLASSES NEW_CLASSES
#   (folders of compiled main classes, e.g. a copy of target/classes made at the commit before a change;
#    ROUNDS=3, EDITS=30 saves a run, KINDS="body data title" (see ServeLatency), SLUG=kawaguchi, WORK=/dev/shm/cb-bench)
# Each round runs every kind with the old code, then with the new, so both see the same load; one line per run
# with the load average at its start. The client (ServeLatency) is this checkout's, built by `mvn test-compile`.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
OLD=${1:?OLD_CLASSES}; NEW=${2:?NEW_CLASSES}
ROUNDS=${ROUNDS:-3}; EDITS=${EDITS:-30}; KINDS=${KINDS:-body data title}; SLUG=${SLUG:-kawaguchi}
WORK=${WORK:-/dev/shm/cb-bench}
mkdir -p "$WORK"
cd "$REPO"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/serve-deps.cp" >/dev/null
JAVA="java $(tr '\n' ' ' < .mvn/jvm.config)"
for r in $(seq "$ROUNDS"); do
    for kind in $KINDS; do
        for code in old new; do
            classes=$OLD; [ "$code" = new ] && classes=$NEW
            rm -rf "$WORK/serve-ab" && cp -r content "$WORK/serve-ab"
            load=$(cut -d' ' -f1 /proc/loadavg)
            out=$($JAVA -cp "target/test-classes:$classes:$(cat "$WORK/serve-deps.cp")" casebook.bench.ServeLatency \
                "$WORK/serve-ab" "$SLUG" "$EDITS" "$kind" 2>/dev/null)
            reload=$(sed -n 's/.*reloaded page: median \([0-9]*\) ms.*/\1/p' <<< "$out")
            rebuild=$(sed -n 's/.*rebuild inside serve: median \([0-9]*\) ms.*/\1/p' <<< "$out")
            echo "round $r  $kind  $code  load $load  save->reload median ${reload} ms  rebuild median ${rebuild} ms"
        done
    done
done
