#!/bin/sh
# Body-extraction quality PER SET, crbc beside each set's peers on the same pages:
#   extraction/dev (123 pages), the five development sets of extraction-wide
#   (dragnet, l3s-gn1, cleaneval, cleanportaleval, readability) and the articleBody
#   golds of metadata/dev (peers' bodies in its peers/body-*.json).
# crbc runs in process (build/bench/extraction_bench, given each ground truth's url);
# score_sets.py scores with ../shared/bench/extraction/score.py and prints F1,
# precision, recall and the pages under F1 0.5 and 0.8, for the tune half (first
# hex digit of the page id even), the check half (odd) and all pages. Sets are
# never pooled. Speed: bench/extraction.sh.
#
# usage: bench/extraction-wide.sh [SHARED_DIR] [BUILD_DIR] [PER_PAGE_DIR]
#   PER_PAGE_DIR, when given, receives one NAME.tsv per set: every page's F1 for
#   crbc and each peer, worst crbc page first.
set -eu
# shellcheck source=bench/common.sh
. "$(dirname "$0")/common.sh"
bench_setup extraction-wide "$@"
per_page=${3:-}
bench=$shared/bench

sets="extraction-dev=$bench/extraction/dev"
for name in dragnet l3s-gn1 cleaneval cleanportaleval readability; do
  sets="$sets $name=$bench/extraction-wide/$name"
done
sets="$sets metadata-dev=$bench/metadata/dev"

cmake --build "$build" --target extraction_bench >/dev/null
for set in $sets; do
  name=${set%%=*}
  "$build/bench/extraction_bench" "${set#*=}" --out "$out/$name.json" >"$out/$name.txt"
  sed -n "s/^pages: /$name: pages: /p" "$out/$name.txt"
done
# shellcheck disable=SC2086
python3 "$here/score_sets.py" "$bench/extraction/score.py" "$out" $sets \
  ${per_page:+--per-page "$per_page"}
