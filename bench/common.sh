# shellcheck shell=sh disable=SC2034  # the variables are the callers'
# Sourced by the benchmark scripts whose first arguments are [SHARED_DIR] [BUILD_DIR]:
#   . "$(dirname "$0")/common.sh"
#   bench_setup NAME "$@"
# sets here (this folder), root (the checkout), shared and build (from the
# arguments, by default ../shared beside the checkout and build/ in it), and out,
# a scratch folder $TMPDIR/crbc-NAME-PID removed when the script exits.
bench_setup() {
  here=$(cd "$(dirname "$0")" && pwd)
  root=$(dirname "$here")
  shared=${2:-$root/../shared}
  build=${3:-$root/build}
  out=${TMPDIR:-/tmp}/crbc-$1-$$
  mkdir -p "$out"
  trap 'rm -rf "$out"' EXIT
}
