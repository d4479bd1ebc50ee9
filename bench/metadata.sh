#!/bin/sh
# Metadata quality (title, authors, date) on ../shared/bench/metadata/dev, with the
# declared-metadata floor (baseline_meta.py) scored in the same run for comparison.
#
# usage: bench/metadata.sh [SHARED_DIR] [BUILD_DIR] [--per-page]
set -eu
# shellcheck source=bench/common.sh
. "$(dirname "$0")/common.sh"
bench_setup metadata "$@"
extra=${3:-}
data=$shared/bench/metadata/dev

if ! cmake --build "$build" --target metadata_bench >"$out/build.log" 2>&1; then
  cat "$out/build.log" >&2
  exit 1
fi
"$build/bench/metadata_bench" "$data" "$out/crbc.json"
echo "crbc parse metadata:"
python3 "$shared/bench/metadata/score.py" "$data/ground-truth.json" "$out/crbc.json" $extra
if [ -z "${NO_BASELINE:-}" ]; then
  python3 "$shared/bench/metadata/baseline_meta.py" "$data/html" > "$out/baseline.json"
  echo "baseline_meta.py (declared metadata only):"
  python3 "$shared/bench/metadata/score.py" "$data/ground-truth.json" "$out/baseline.json"
fi
