#!/bin/sh
# Body-extraction quality and speed on ../shared/bench/extraction/dev (123 pages):
#  1. extraction_bench runs the extractor in one process: pages/s, MB/s, p50/p95/max
#     ms per page, peak RSS, and gumbo alone on the unmodified pages; its predictions
#     are scored with score.py (F1, precision, recall, the worst pages);
#  2. when the built `crbc parse` works, the same through the binary, one process per
#     page (--format text), scored the same way, with wall and CPU ms per process beside
#     those of /bin/true started the same way (the machine's floor for any process);
#  3. when Mozilla Readability and jsdom are installed (READABILITY_NODE_MODULES, or
#     `npm install --prefix DIR @mozilla/readability jsdom` and pass DIR/node_modules),
#     their CPU time over the same pages beside crbc's.
#
# usage: bench/extraction.sh [SHARED_DIR] [BUILD_DIR] [WORST_PAGES]
set -eu
# shellcheck source=bench/common.sh
. "$(dirname "$0")/common.sh"
bench_setup extraction "$@"
worst=${3:-10}
dev=$shared/bench/extraction/dev
score="python3 $shared/bench/extraction/score.py $dev/ground-truth.json"

cmake --build "$build" --target extraction_bench >/dev/null
echo "== crbc extractor, in process"
"$build/bench/extraction_bench" "$dev" --out "$out/crbc.json" | tee "$out/bench.txt"
$score "$out/crbc.json" --per-page 2>"$out/per-page.txt"
echo "worst pages (F1, precision, recall, id):"
head -n "$worst" "$out/per-page.txt"

crbc=$build/crbc
if [ -x "$crbc" ] && "$crbc" parse --help >/dev/null 2>&1; then
  echo "== crbc parse --format text, one process per page"
  python3 - "$crbc" "$dev" "$out/cli.json" <<'PY'
import gzip, json, os, resource, subprocess, sys, time
crbc, dev, out = sys.argv[1:]
truth = json.load(open(os.path.join(dev, "ground-truth.json")))

def children_cpu_ms():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000

def timed(command, stdin):
    """Wall and CPU milliseconds of one process, and what it printed."""
    cpu, start = children_cpu_ms(), time.perf_counter()
    run = subprocess.run(command, input=stdin, capture_output=True)
    return (time.perf_counter() - start) * 1000, children_cpu_ms() - cpu, run

def percentiles(values):
    values = sorted(values)
    return (f"p50 {values[len(values)//2]:.1f} ms, p95 {values[int(len(values)*0.95)]:.1f} ms, "
            f"max {values[-1]:.1f} ms")

preds, walls, cpus, floor_walls, floor_cpus, failed = {}, [], [], [], [], 0
for name in sorted(os.listdir(os.path.join(dev, "html"))):
    page_id = name[:-len(".html.gz")]
    html = gzip.open(os.path.join(dev, "html", name)).read()
    # The cost of starting any process from here, on this machine under its load now.
    wall, cpu, _ = timed(["/bin/true"], html)
    floor_walls.append(wall)
    floor_cpus.append(cpu)
    wall, cpu, run = timed([crbc, "parse", "--url", truth[page_id]["url"], "--format", "text"],
                           html)
    walls.append(wall)
    cpus.append(cpu)
    failed += run.returncode != 0
    preds[page_id] = {"articleBody": run.stdout.decode("utf-8", "replace")}
json.dump(preds, open(out, "w"))
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"pages: {len(walls)}, failed: {failed}, peak RSS of one process {usage.ru_maxrss/1024:.1f} MB")
print(f"crbc parse, wall per process: {percentiles(walls)}; CPU: {percentiles(cpus)}")
print(f"/bin/true (process start floor), wall: {percentiles(floor_walls)}; CPU: {percentiles(floor_cpus)}")
PY
  $score "$out/cli.json"
fi

modules=${READABILITY_NODE_MODULES:-}
if [ -n "$modules" ] && [ -d "$modules/@mozilla/readability" ] && [ -d "$modules/jsdom" ]; then
  echo "== Mozilla Readability + jsdom, in process (CPU time)"
  peer_ms=$(NODE_PATH="$modules" node "$here/readability_peer.js" "$dev" "$out/readability.json")
  crbc_ms=$(sed -n 's/^cpu: crbc extract \([0-9.]*\) ms.*/\1/p' "$out/bench.txt")
  python3 -c "import sys; p, c = float(sys.argv[1]), float(sys.argv[2]); print(f'readability.js CPU {p:.0f} ms, crbc extract CPU {c:.0f} ms: readability/crbc = {p / c:.1f}x')" "$peer_ms" "$crbc_ms"
  $score "$out/readability.json"
else
  echo "(Readability comparison skipped: set READABILITY_NODE_MODULES to a node_modules with @mozilla/readability and jsdom)"
fi
