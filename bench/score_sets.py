#!/usr/bin/env python3
"""Per-set body-extraction table: crbc and every peer on the same pages, each set's
pages split in two halves by id.

usage: score_sets.py SCORE_PY OUT_DIR NAME=SET_DIR [NAME=SET_DIR ...] [--per-page DIR]

For each NAME, OUT_DIR/NAME.json holds crbc's predictions and SET_DIR holds
ground-truth.json and peers/. Peers are SET_DIR/peers/body-*.json when there are
any (metadata sets keep their title/author peers beside them), else
SET_DIR/peers/*.json. Scores come from SCORE_PY's own functions (score.py of the
extraction benchmark: 4-token shingles, per-page precision and recall averaged).

Halves (fixed rule, never tuned): a page is in the TUNE half when the first hex
digit of its id is even (0 2 4 6 8 a c e), in the CHECK half when it is odd.
Heuristics are tuned on the tune half only; the check half confirms them.

Sets are never pooled: their annotation styles differ.
"""
import importlib.util
import json
import os
import sys
from pathlib import Path

HALVES = ("tune", "check", "all")


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("extraction_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def half_of(page_id):
    return "tune" if int(page_id[0], 16) % 2 == 0 else "check"


def load_predictions(path):
    data = json.load(open(path, encoding="utf-8"))
    if isinstance(data, dict) and set(data) == {"output", "version"}:
        data = data["output"]
    return data


def peer_files(set_dir):
    peers = Path(set_dir) / "peers"
    if not peers.is_dir():
        return []
    bodies = sorted(peers.glob("body-*.json"))
    files = bodies or sorted(peers.glob("*.json"))
    return [(f.stem.removeprefix("body-"), f) for f in files]


def page_f1(scorer, counts):
    p, r = scorer.precision(*counts), scorer.recall(*counts)
    return 2 * p * r / (p + r) if p + r else 0.0


def rows_for(scorer, truth, tool, predictions):
    """One row per half: F1, precision, recall, pages under 0.5 and 0.8."""
    ids = sorted(truth)
    _, counts = scorer.score(truth, predictions, ids)
    per_page = {i: page_f1(scorer, c) for i, c in counts.items()}
    rows = []
    for half in HALVES:
        half_ids = [i for i in ids if half == "all" or half_of(i) == half]
        result, _ = scorer.score(truth, predictions, half_ids)
        under = lambda limit: sum(per_page[i] < limit for i in half_ids)
        rows.append((tool, half, len(half_ids), result["f1"], result["precision"],
                     result["recall"], under(0.5), under(0.8)))
    return rows, per_page


def main():
    args = sys.argv[1:]
    per_page_dir = None
    if "--per-page" in args:
        at = args.index("--per-page")
        per_page_dir = Path(args[at + 1])
        del args[at:at + 2]
        per_page_dir.mkdir(parents=True, exist_ok=True)
    scorer = load_scorer(args[0])
    out_dir = Path(args[1])
    print("halves by page id: tune = first hex digit even, check = odd")
    print(f"{'set':<16} {'tool':<18} {'half':<5} {'pages':>5} {'F1':>6} {'P':>6} {'R':>6}"
          f" {'<0.5':>5} {'<0.8':>5}")
    for spec in args[2:]:
        name, set_dir = spec.split("=", 1)
        truth = json.load(open(os.path.join(set_dir, "ground-truth.json"), encoding="utf-8"))
        tools = [("crbc", out_dir / f"{name}.json")] + peer_files(set_dir)
        page_table = {}
        for tool, path in tools:
            rows, per_page = rows_for(scorer, truth, tool, load_predictions(path))
            page_table[tool] = per_page
            for row in rows:
                print(f"{name:<16} {row[0]:<18} {row[1]:<5} {row[2]:>5} {row[3]:>6.3f}"
                      f" {row[4]:>6.3f} {row[5]:>6.3f} {row[6]:>5} {row[7]:>5}")
        if per_page_dir:
            names = list(page_table)
            with open(per_page_dir / f"{name}.tsv", "w", encoding="utf-8") as out:
                out.write("id\thalf\t" + "\t".join(names) + "\n")
                for i in sorted(truth, key=lambda i: page_table["crbc"][i]):
                    out.write(f"{i}\t{half_of(i)}\t" +
                              "\t".join(f"{page_table[t][i]:.3f}" for t in names) + "\n")


if __name__ == "__main__":
    main()
