#!/bin/bash
# Builds the libFuzzer targets with clang and runs each for a while.
#   fuzz/run.sh [--seconds N] [--jobs N] [target ...]
# Corpora grow in fuzz-corpus/<target> (seeded from samples/ and tests/);
# crashes are written to fuzz-crashes/. Prints executions and coverage per target.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

build=build-fuzz
CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCRBC_FUZZ=ON -DCRBC_TESTS=OFF >/dev/null
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(ls fuzz/fuzz_*.cpp | xargs -n1 basename | sed 's/\.cpp$//')
fi
cmake --build "$build" --target "${targets[@]}"

mkdir -p fuzz-crashes
status=0
for target in "${targets[@]}"; do
  corpus=fuzz-corpus/$target
  mkdir -p "$corpus"
  seeds=(samples tests/bad-input)
  [ -d "fuzz/seeds/$target" ] && seeds+=("fuzz/seeds/$target")
  log=$(mktemp)
  if ! "$build/fuzz/$target" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -max_len=262144 \
      -rss_limit_mb=2048 -timeout=20 -artifact_prefix=fuzz-crashes/"$target"- -print_final_stats=1 \
      >"$log" 2>&1; then
    status=1
    echo "FAIL $target"
    tail -n 40 "$log"
  fi
  execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  cov=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | grep -oE 'cov: [0-9]+' | awk '{print $2}')
  printf '%-24s %10s execs  coverage %s edges\n' "$target" "${execs:-?}" "${cov:-?}"
  rm -f "$log"
done
exit $status
