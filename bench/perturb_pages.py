#!/usr/bin/env python3
"""Rewrite a development set's pages the way unseen sites differ from the ones we know,
keeping the text and the ground truth as they are.

usage: perturb_pages.py KIND SET_DIR OUT_DIR

KIND is one of:
  names   every class and id attribute removed: the page's names say nothing, as on
          sites with hashed class names (CSS modules) or names in another language;
  wrap    every closed <p> wrapped in a <div> of its own, as page builders do;
  breaks  paragraphs joined into runs separated by <br><br>, as older CMSs do.

SET_DIR holds html/<id>.html.gz and ground-truth.json; OUT_DIR receives the same
layout. The rewriting works on the markup's bytes with patterns, not a parser: it
also touches markup inside scripts, which no extractor reads.
"""
import gzip
import re
import shutil
import sys
from pathlib import Path

NAME_ATTRIBUTE = re.compile(rb"""\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.I)
PARAGRAPH_START = re.compile(rb"<p(\s[^>]*)?>", re.I)
PARAGRAPH_END = re.compile(rb"</p\s*>", re.I)
PARAGRAPH_BOUNDARY = re.compile(rb"</p\s*>\s*<p(?:\s[^>]*)?>", re.I)


def without_names(html):
    return NAME_ATTRIBUTE.sub(b"", html)


def with_wrapped_paragraphs(html):
    # Only paragraphs closed before the next one opens: wrapping the old style of
    # <p> as a separator would nest the rest of the page one level deeper a time.
    starts = [m for m in PARAGRAPH_START.finditer(html)]
    pieces, copied = [], 0
    for i, start in enumerate(starts):
        limit = starts[i + 1].start() if i + 1 < len(starts) else len(html)
        end = PARAGRAPH_END.search(html, start.end(), limit)
        if end is None:
            continue
        pieces += [html[copied:start.start()], b"<div>", html[start.start():end.end()], b"</div>"]
        copied = end.end()
    pieces.append(html[copied:])
    return b"".join(pieces)


def with_breaks(html):
    return PARAGRAPH_BOUNDARY.sub(b"<br><br>", html)


KINDS = {"names": without_names, "wrap": with_wrapped_paragraphs, "breaks": with_breaks}


def main(argv):
    if len(argv) != 4 or argv[1] not in KINDS:
        sys.exit(__doc__)
    rewrite = KINDS[argv[1]]
    source, target = Path(argv[2]), Path(argv[3])
    (target / "html").mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "ground-truth.json", target / "ground-truth.json")
    for page in sorted((source / "html").glob("*.html.gz")):
        with gzip.open(page) as original:
            html = original.read()
        with gzip.open(target / "html" / page.name, "wb") as rewritten:
            rewritten.write(rewrite(html))


if __name__ == "__main__":
    main(sys.argv)
