#!/bin/sh
# Robustness of body extraction to what unseen sites do differently: each set as it
# is, then rewritten by perturb_pages.py (class and id names removed; every <p> in a
# <div> of its own; paragraphs as <br><br> runs), scored per set and half by
# score_sets.py. The text and the ground truth never change, so every point lost on
# a rewritten set is a dependence on the markup of the pages we tuned on.
#
# usage: bench/extraction-perturbed.sh [SHARED_DIR] [BUILD_DIR] [PER_PAGE_DIR]
#   Sets: extraction/dev, metadata/dev (articleBody golds) and extraction-wide/l3s-gn1.
#   PER_PAGE_DIR, when given, receives one NAME.tsv per set and rewriting.
set -eu
# shellcheck shell=sh source=bench/common.sh
. "$(dirname "$0")/common.sh"
bench_setup extraction-perturbed "$@"
per_page=${3:-}
bench=$shared/bench

cmake --build "$build" --target extraction_bench >/dev/null
sets=""
for set in extraction-dev=$bench/extraction/dev metadata-dev=$bench/metadata/dev \
  l3s-gn1=$bench/extraction-wide/l3s-gn1; do
  name=${set%%=*}
  for kind in as-is names wrap breaks; do
    pages=${set#*=}
    if [ "$kind" != as-is ]; then
      pages=$out/pages/$kind-$name
      python3 "$here/perturb_pages.py" "$kind" "${set#*=}" "$pages"
    fi
    "$build/bench/extraction_bench" "$pages" --out "$out/$kind-$name.json" >/dev/null
    sets="$sets $kind-$name=$pages"
  done
done
# shellcheck disable=SC2086
python3 "$here/score_sets.py" "$bench/extraction/score.py" "$out" $sets \
  ${per_page:+--per-page "$per_page"} | grep -E '^(halves|set) | crbc '
