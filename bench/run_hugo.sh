#!/usr/bin/env bash
# bench/run_hugo.sh CORPUS OUT -- a clean Hugo build of a corpus written by bench/gen_corpus.py into OUT,
# with the configuration and layouts in bench/hugo/. Prints the number of HTML files written; exits
# non-zero when Hugo fails or writes no page. HUGO_FLAGS adds flags (e.g. "--templateMetrics").
# Install Hugo with: apt-get install -y hugo (Debian/Ubuntu), or see https://gohugo.io/installation/.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 CORPUS OUT" >&2; exit 2; }
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CORPUS="$(cd "$1" && pwd)"
mkdir -p "$(dirname "$2")"
OUT="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
[ -f "$CORPUS/site.yaml" ] || { echo "$CORPUS has no site.yaml: write a corpus with bench/gen_corpus.py N DIR" >&2; exit 1; }
command -v hugo >/dev/null || { echo "hugo not found: apt-get install -y hugo" >&2; exit 1; }
rm -rf "$OUT" "$OUT.hugo-resources"
# --noBuildLock and HUGO_RESOURCEDIR keep Hugo from writing into bench/hugo/; --quiet drops its summary table
HUGO_RESOURCEDIR="$OUT.hugo-resources" hugo --source "$HERE/hugo" --contentDir "$CORPUS" --destination "$OUT" \
     --noBuildLock --quiet ${HUGO_FLAGS:-} >&2
rm -rf "$OUT.hugo-resources"
n=$(find "$OUT" -type f -name '*.html' | wc -l)
[ "$n" -gt 0 ] || { echo "hugo wrote no HTML" >&2; exit 1; }
echo "$n"
