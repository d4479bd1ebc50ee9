#!/bin/sh
# How the related index grows: build time, file size, query latency and peak
# memory at 10k, 100k and 1M articles (the Reuters stories of
# ../shared/bench/related, repeated with variation by related_bench).
#
#   bench/related-growth.sh [BUILD_DIR] [SHARED_DIR] [SIZES...]
#
# BUILD_DIR defaults to build, SHARED_DIR to ../shared, SIZES to
# "10000 100000 1000000". The index files go to $TMPDIR (1M articles take a few
# GiB) and are removed at the end. One table row a size; wall times depend on
# the load (printed with each row), CPU times much less.
set -eu

build=${1:-build}
shared=${2:-../shared}
shift $(( $# >= 2 ? 2 : $# ))
sizes=${*:-10000 100000 1000000}

bench=$build/bench/related_bench
docs=$shared/bench/related/reuters/docs.jsonl
[ -x "$bench" ] || { echo "related-growth.sh: build $bench first (ninja -C $build related_bench)" >&2; exit 2; }
[ -r "$docs" ] || { echo "related-growth.sh: no $docs" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

field() {  # field NAME JSON: one number of related_bench's JSON line
  printf '%s\n' "$2" | jq -r ".$1"
}

printf '%-9s %9s %9s %10s %8s %9s %9s %10s %10s %9s %9s  %s\n' \
  articles build_s art/s index_MiB B/art p50_ms p99_ms cpu_p50_ms cpu_p99_ms \
  build_MiB query_MiB load
for n in $sizes; do
  index=$work/index-$n.db
  built=$("$bench" scale-build "$docs" "$index" -n "$n")
  queried=$("$bench" scale-query "$docs" "$index" --queries 1000)
  bytes=$(field index_bytes "$built")
  printf '%-9s %9.1f %9.0f %10.1f %8.0f %9.2f %9.2f %10.2f %10.2f %9.0f %9.0f  %s\n' \
    "$n" "$(field build_s "$built")" "$(field articles_per_s "$built")" \
    "$(echo "$bytes / 1048576" | bc -l)" "$(echo "$bytes / $n" | bc -l)" \
    "$(field p50_ms "$queried")" "$(field p99_ms "$queried")" \
    "$(field cpu_p50_ms "$queried")" "$(field cpu_p99_ms "$queried")" \
    "$(echo "$(field peak_rss_kib "$built") / 1024" | bc -l)" \
    "$(echo "$(field peak_rss_kib "$queried") / 1024" | bc -l)" \
    "$(cut -d' ' -f1 /proc/loadavg)"
  rm -f "$index" "$index-wal" "$index-shm"
done
