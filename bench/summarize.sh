#!/bin/sh
# ROUGE of crbc's summary methods next to Lead-3, and the summarizer's speed.
#
#   bench/summarize.sh [BUILD_DIR] [SHARED_DIR]
#
# BUILD_DIR defaults to build, SHARED_DIR to ../shared. Prints a table of ROUGE-1,
# ROUGE-2 and ROUGE-Lsum F1 (rouge.py, no stemming, as the README's baseline) for
# Lead-3 as the set's own lead.py writes it, crbc's lead (Lead-3 over crbc's sentence
# splitting), textrank, lexrank and the default, then the speed line of
# summarize_bench: articles and words per CPU second (one thread), peak RSS.
set -eu
build=${1:-build}
shared=${2:-../shared}
set_dir="$shared/bench/summarize"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

speed=$("$build/bench/summarize_bench" --docs "$set_dir/realsumm-100/docs.jsonl" --out "$out" --repeat "${REPEAT:-20}")

python3 "$set_dir/lead.py" "$set_dir/realsumm-100/docs.jsonl" > "$out/lead.py.jsonl"

printf '%-10s %7s %7s %7s\n' method R-1 R-2 R-Lsum
for method in lead.py lead textrank lexrank hybrid; do
  python3 "$set_dir/rouge.py" "$set_dir/realsumm-100/docs.jsonl" "$out/$method.jsonl" |
    python3 -c '
import json, sys
name = sys.argv[1]
s = json.loads(sys.stdin.readline())
def f(key):
    return s[key]["f"]
label = {"hybrid": "default", "lead.py": "Lead-3"}.get(name, name)
print("%-10s %7.2f %7.2f %7.2f" % (label, f("rouge1"), f("rouge2"), f("rougeLsum")))
' "$method"
done
echo "speed: $speed"
