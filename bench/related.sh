#!/bin/sh
# Benchmarks of `crbc related` against the baselines in ../shared/bench/related,
# side by side in the same run. Prints one line of figures per measurement.
#
#   bench/related.sh [BUILD_DIR] [SHARED_DIR] [--scale N] [--sklearn-scale M]
#
# BUILD_DIR defaults to build, SHARED_DIR to ../shared. Quality: Reuters topic
# relatedness with the SQLite index and the in-memory corpus engine, next to
# scikit-learn TF-IDF; near-duplicates with MinHash/LSH next to exact Jaccard.
# Scale (with --scale N, e.g. 100000): index build, size, query latency, peak RSS,
# and the scikit-learn baseline on the first M articles of the same corpus
# (--sklearn-scale, default 20000: its dense 1000 x N blocks grow with N).
# Times: wall clock and CPU seconds; the machine may be shared, so compare CPU.
set -eu

build=${1:-build}
shared=${2:-../shared}
scale=0
sklearn_scale=20000
shift $(( $# >= 2 ? 2 : $# ))
while [ $# -gt 0 ]; do
  case $1 in
    --scale) scale=$2; shift 2 ;;
    --sklearn-scale) sklearn_scale=$2; shift 2 ;;
    *) echo "related.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

bench=$build/bench/related_bench
set_dir=$shared/bench/related
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$bench" ] || { echo "related.sh: build $bench first (ninja -C $build related_bench)" >&2; exit 2; }

timed() {  # timed LABEL COMMAND...: runs it, prints its CPU and wall time and peak RSS
  label=$1; shift
  /usr/bin/time -f "$label: cpu %U+%S s, wall %e s, peak RSS %M KiB" "$@"
}

echo "== Reuters-21578 topic relatedness (10,377 stories, every story a query, k=10)"
timed "crbc index (build + queries)" "$bench" topic "$set_dir/reuters/docs.jsonl" "$work/index.jsonl" \
  --index "$work/reuters.db"
echo "crbc index:   $(python3 "$set_dir/score.py" topic "$set_dir/reuters/docs.jsonl" "$work/index.jsonl")"
timed "crbc corpus (in memory)" "$bench" topic "$set_dir/reuters/docs.jsonl" "$work/memory.jsonl" \
  --engine memory
echo "crbc corpus:  $(python3 "$set_dir/score.py" topic "$set_dir/reuters/docs.jsonl" "$work/memory.jsonl")"
timed "sklearn tfidf" $python "$set_dir/baseline.py" tfidf "$set_dir/reuters/docs.jsonl" >"$work/tfidf.jsonl"
echo "sklearn:      $(python3 "$set_dir/score.py" topic "$set_dir/reuters/docs.jsonl" "$work/tfidf.jsonl")"

echo "== Near-duplicates (1,000 articles, 10 planted pairs)"
timed "crbc minhash" "$bench" neardup "$set_dir/near-dup/articles_1000.train" "$work/minhash.txt"
echo "crbc minhash:  $(python3 "$set_dir/score.py" neardup "$set_dir/near-dup/articles_1000.truth" "$work/minhash.txt")"
timed "exact jaccard" python3 "$set_dir/baseline.py" jaccard "$set_dir/near-dup/articles_1000.train" \
  --threshold 0.5 >"$work/jaccard.txt"
echo "exact jaccard: $(python3 "$set_dir/score.py" neardup "$set_dir/near-dup/articles_1000.truth" "$work/jaccard.txt")"

if [ "$scale" -gt 0 ]; then
  echo "== Scale: $scale articles (the Reuters stories repeated with variation)"
  timed "crbc index build" "$bench" scale-build "$set_dir/reuters/docs.jsonl" "$work/scale.db" -n "$scale" \
    --corpus-out "$work/scale.jsonl"
  timed "crbc index queries" "$bench" scale-query "$set_dir/reuters/docs.jsonl" "$work/scale.db" --queries 2000
  head -n "$sklearn_scale" "$work/scale.jsonl" >"$work/sklearn.jsonl"
  echo "sklearn on the first $sklearn_scale articles (each one a query):"
  timed "sklearn tfidf $sklearn_scale" $python "$set_dir/baseline.py" tfidf "$work/sklearn.jsonl" >/dev/null
fi
