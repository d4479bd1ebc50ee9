#!/bin/sh
# NDJSON streaming: peak RSS of `crbc convert -t ndjson` over a 10 MB and a 1 GB
# stream generated on the fly (a pipe, never a file). The target is a flat peak
# RSS under 100 MB.
#
# Usage: bench/ndjson_stream.sh [CRBC_BINARY]   (default build/crbc)
set -eu
crbc=${1:-build/crbc}
[ -x "$crbc" ] || { echo "no crbc binary at $crbc" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

# Writes about $1 megabytes of one-line records (~2 KB each) to stdout.
generate() {
  awk -v mb="$1" 'BEGIN {
    body = "";
    for (i = 0; i < 30; i++) body = body "Officials said on Tuesday that the talks would continue. ";
    n = int(mb * 1000000 / 2000);
    for (i = 1; i <= n; i++)
      printf "{\"schema_version\":1,\"url\":\"https://news.example/a/%d\",\"title\":\"Story %d\",\"authors\":[\"Jane Doe\"],\"body\":[{\"type\":\"paragraph\",\"text\":\"%s\"},{\"type\":\"heading\",\"level\":2,\"text\":\"More\"}]}\n", i, i, body;
  }'
}

for mb in 10 1000; do
  stats=$(mktemp)
  start=$(date +%s.%N)
  generate "$mb" | /usr/bin/time -v "$crbc" convert -t ndjson 2>"$stats" | wc -c >"$stats.out"
  end=$(date +%s.%N)
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$stats")
  status=$(awk -F': ' '/Exit status/ {print $2}' "$stats")
  printf '%5s MB stream: peak RSS %s MB, output %s bytes, %.1f s, exit %s\n' \
    "$mb" "$rss" "$(cat "$stats.out")" "$(echo "$end - $start" | bc)" "$status"
  rm -f "$stats" "$stats.out"
done
