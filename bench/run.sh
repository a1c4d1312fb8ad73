#!/usr/bin/env bash
# bench/run.sh -- casebook against Hugo on the synthetic benchmark corpus, in one run.
#
# What it does, for each N in $NS (bundles; N bundles = 2N pages, ja + en):
#   1. generates the corpus with bench/gen_corpus.py N into $WORK/cN (kept between runs);
#   2. times, with hyperfine (--prepare deleting the output), $WARMUP warm-up and $RUNS measured runs of:
#        maven   the README's command, JVM + Maven start included:
#                  mvn -q compile exec:java -Dexec.args="build --content C --out O --quiet"
#        direct  java -Xmx1g -cp target/classes:<runtime deps> casebook.Main build --content C --out O --quiet
#        appcds  (APPCDS=1) the direct command with an AppCDS archive
#                  (-XX:SharedArchiveFile=$WORK/casebook.jsa, made once with -XX:ArchiveClassesAtExit)
#        hugo    bench/run_hugo.sh C O  (Hugo with the config and layouts in bench/hugo/)
#      By default (INTERLEAVE=1) the runs go round-robin: each round runs every command once, so a drift of
#      the shared machine (10-30% between minutes) hits all commands alike and the ratios compare runs made
#      side by side; INTERLEAVE=0 runs each command's runs as one block (one hyperfine call per command).
#   3. runs each command once more under GNU time (-f "%e %M") for peak RSS; the direct run of this
#      pass is not --quiet, so casebook's own "built N pages ... in M ms" (in-JVM time, JVM start
#      excluded) is captured too;
#   4. times Maven alone (`mvn -q validate`, same hyperfine settings) = Maven's own start cost;
#   5. prints one table (median wall, min-max, pages/s, peak RSS, in-JVM ms, HTML files) and the
#      ratios casebook/Hugo per N and t(largest N)/t(smallest N) per tool. Raw hyperfine JSON,
#      GNU time output and logs stay in $RESULTS.
#
# Usage:  bench/run.sh                      # from anywhere; ~15-20 min once casebook is linear
# Knobs (environment):
#   NS="1000 10000"        corpus sizes in bundles
#   RUNS=3 WARMUP=1        measured runs and warm-ups per command
#   INTERLEAVE=1           round-robin over the commands (0: one block of runs per command)
#   TOOLS="maven direct hugo"   subset/order of commands (add appcds, or set APPCDS=1)
#   APPCDS=0|1             also time the direct path with an AppCDS archive
#   CASEBOOK_DIR=<repo>    the casebook checkout to build and run (default: this script's repo);
#                          point it at a private copy to measure a candidate change
#   SNAPSHOT=1             copy pom.xml, src/ and themes/ of CASEBOOK_DIR to $WORK/snapshot and
#                          compile there, so concurrent edits/`mvn clean` in the checkout cannot
#                          break a run (0 = build and run in CASEBOOK_DIR itself)
#   WORK=/dev/shm/cb-bench corpora, outputs and the snapshot (tmpfs, as the peers were measured;
#                          ~1.3 GB at N=10000 with both outputs)
#   RESULTS=$WORK/results  raw results
#   JVM_FLAGS=...          JVM flags of the direct/appcds commands; default: the lines of the measured
#                          checkout's .mvn/jvm.config, which is also what Maven's JVM (the README command) runs with
# Requires: bash, python3, java 17, mvn, hugo, hyperfine, GNU time (apt-get install -y hugo hyperfine time).
# Everything else is in this folder: the script finds its corpus generator and Hugo setup beside itself.
# Run nothing else on the machine meanwhile: 2 cores are easily disturbed.
set -euo pipefail
# no arguments: every setting is an environment variable; --help prints the header above and starts nothing
case "${1:-}" in
    "") ;;
    -h | --help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "$(basename "$0"): no arguments are taken, not '$1' (settings are environment variables: $0 --help)" >&2; exit 2 ;;
esac

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NS=${NS:-"1000 10000"}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-1}
APPCDS=${APPCDS:-0}
INTERLEAVE=${INTERLEAVE:-1}
TOOLS=${TOOLS:-"maven direct hugo"}
[ "$APPCDS" = 1 ] && [[ " $TOOLS " != *" appcds "* ]] && TOOLS="$TOOLS appcds"
CASEBOOK_DIR="$(cd "${CASEBOOK_DIR:-$HERE/..}" && pwd)"
SNAPSHOT=${SNAPSHOT:-1}
WORK=${WORK:-/dev/shm/cb-bench}
RESULTS=${RESULTS:-$WORK/results}

[ "$RUNS" -ge 1 ] 2>/dev/null || { echo "RUNS must be 1 or more, not '$RUNS'" >&2; exit 1; }
for t in python3 java mvn hugo hyperfine /usr/bin/time; do
    command -v "$t" >/dev/null || { echo "missing $t (apt-get install -y hugo hyperfine time)" >&2; exit 1; }
done
mkdir -p "$WORK" "$RESULTS"
WORK="$(cd "$WORK" && pwd)"; RESULTS="$(cd "$RESULTS" && pwd)"

# ---- the casebook build to measure
if [ "$SNAPSHOT" = 1 ]; then
    REPO="$WORK/snapshot"
    rm -rf "$REPO"; mkdir -p "$REPO"
    cp -r "$CASEBOOK_DIR/pom.xml" "$CASEBOOK_DIR/.mvn" "$CASEBOOK_DIR/src" "$CASEBOOK_DIR/themes" "$REPO/"
else
    REPO="$CASEBOOK_DIR"
fi
echo "casebook: $CASEBOOK_DIR (running in $REPO)" >&2
(cd "$REPO" && mvn -B -q compile && mvn -B -q dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile="$WORK/deps.cp" >/dev/null)
CP="$REPO/target/classes:$(cat "$WORK/deps.cp")"
JVM_FLAGS=${JVM_FLAGS:-$(tr '\n' ' ' < "$REPO/.mvn/jvm.config")}
echo "JVM flags (direct): $JVM_FLAGS" >&2
JSA="$WORK/casebook.jsa"
rm -f "$JSA"   # made afresh for the classes being measured
# CDS archives only classes from jar files ("Cannot have non-empty directory in paths" otherwise, and
# the archive is silently not made): the AppCDS command runs casebook from a jar of target/classes
JAR="$WORK/casebook.jar"
CPJ="$JAR:$(cat "$WORK/deps.cp")"

# ---- the commands (run from $REPO: casebook finds themes/ relative to the working directory)
cmd() {  # cmd TOOL CORPUS OUT [extra casebook flags] -> a shell command line
    local tool=$1 c=$2 o=$3 extra=${4---quiet}
    case $tool in
        maven)  echo "mvn -q compile exec:java -Dexec.args=\"build --content $c --out $o $extra\"" ;;
        direct) echo "java $JVM_FLAGS -cp $CP casebook.Main build --content $c --out $o $extra" ;;
        appcds) echo "java $JVM_FLAGS -XX:SharedArchiveFile=$JSA -cp $CPJ casebook.Main build --content $c --out $o $extra" ;;
        hugo)   echo "$HERE/run_hugo.sh $c $o >/dev/null" ;;
    esac
}

merge_rounds() {  # merge_rounds TOOL-N: the measured rounds' hyperfine files -> TOOL-N.json, in round order
    python3 - "$RESULTS" "$1" "$WARMUP" "$RUNS" <<'PY'
import json, sys
res, stem, warm, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
times, codes = [], []
for r in range(warm + 1, warm + runs + 1):
    x = json.load(open(f"{res}/{stem}.round{r}.json"))["results"][0]
    times += x["times"]
    codes += x.get("exit_codes") or [0] * len(x["times"])
json.dump({"results": [{"command": x["command"], "times": times, "exit_codes": codes, "interleaved": True}]},
          open(f"{res}/{stem}.json", "w"))
PY
}

{
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -r)"
    echo "java: $(java -version 2>&1 | head -1)"; echo "maven: $(mvn -v 2>/dev/null | head -1)"
    echo "hugo: $(hugo version)"; echo "hyperfine: $(hyperfine --version)"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    if [ "$INTERLEAVE" = 1 ]; then echo "runs: $WARMUP warm-up + $RUNS measured rounds, each command once per round (interleaved)"
    else echo "runs: $WARMUP warm-up + $RUNS measured, each command in one block"; fi
} > "$RESULTS/env.txt"
cat "$RESULTS/env.txt" >&2

cd "$REPO"
# Maven's own start cost: a goal that does nothing
hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$RESULTS/mvn-validate.json" \
    "mvn -q validate" >&2 || true

for n in $NS; do
    C="$WORK/c$n"
    [ -f "$C/site.yaml" ] || python3 "$HERE/gen_corpus.py" "$n" "$C" >&2
    if [[ " $TOOLS " == *" appcds "* ]] && [ ! -f "$JSA" ]; then
        echo "making the AppCDS archive $JSA (one training build at N=$n)" >&2
        rm -f "$JAR"; jar cf "$JAR" -C "$REPO/target/classes" .
        java $JVM_FLAGS -XX:ArchiveClassesAtExit="$JSA" -cp "$CPJ" casebook.Main build --content "$C" --out "$WORK/o-cds" --quiet \
            >/dev/null 2>&1 || true
        rm -rf "$WORK/o-cds"
    fi
    if [ "$INTERLEAVE" = 1 ]; then
        for round in $(seq 1 $((WARMUP + RUNS))); do
            for tool in $TOOLS; do
                O="$WORK/o-$tool-$n"
                echo "== round $round of $((WARMUP + RUNS)) (first $WARMUP: warm-up), $tool N=$n" >&2
                hyperfine --style basic --runs 1 -i --prepare "rm -rf $O $O.tmp-* $O.old-*" \
                    --export-json "$RESULTS/$tool-$n.round$round.json" "$(cmd "$tool" "$C" "$O") 2>/dev/null" >&2
                rm -rf "$O"
            done
        done
        for tool in $TOOLS; do merge_rounds "$tool-$n"; done
    fi
    for tool in $TOOLS; do
        O="$WORK/o-$tool-$n"
        if [ "$INTERLEAVE" != 1 ]; then
            echo "== $tool N=$n" >&2
            hyperfine --style basic --warmup "$WARMUP" --runs "$RUNS" -i \
                --prepare "rm -rf $O $O.tmp-* $O.old-*" \
                --export-json "$RESULTS/$tool-$n.json" "$(cmd "$tool" "$C" "$O") 2>/dev/null" >&2
            rm -rf "$O"
        fi
        # one more run for peak RSS (GNU time) and, for direct, casebook's in-JVM time
        extra=--quiet; [ "$tool" = direct ] && extra=""
        /usr/bin/time -f "%e %M %x" -o "$RESULTS/$tool-$n.rss" bash -c "$(cmd "$tool" "$C" "$O" "$extra")" \
            > "$RESULTS/$tool-$n.out" 2> "$RESULTS/$tool-$n.err" || true
        find "$O" -type f -name '*.html' 2>/dev/null | wc -l > "$RESULTS/$tool-$n.html"
        rm -rf "$O"
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/env.txt"

python3 "$HERE/summarize.py" "$RESULTS" "$NS" "$TOOLS" | tee "$RESULTS/table.md"
