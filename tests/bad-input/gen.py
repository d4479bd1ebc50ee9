#!/usr/bin/env python3
"""Generates the large hostile inputs of the bad-input catalogue at test time.

    gen.py NAME [SIZE]

writes the input NAME to stdout, streaming it in chunks so that the generator
itself stays small in memory: nothing this produces is stored in the repository.
SIZE is a depth, a count or a byte count depending on NAME (see GENERATORS).
"""
import sys

CHUNK = 1 << 20


def out(data):
    sys.stdout.buffer.write(data.encode() if isinstance(data, str) else data)


def repeat(piece, times):
    """Writes `piece` `times` times without building the whole string."""
    per_chunk = max(1, CHUNK // max(1, len(piece)))
    block = piece * per_chunk
    while times >= per_chunk:
        out(block)
        times -= per_chunk
    out(piece * times)


def filled(byte_count, fill="x"):
    repeat(fill, byte_count)


def deep_json(depth):
    out('{"schema_version": 1, "title": "deep", "extra": {"x": ')
    repeat("[", depth)
    repeat("]", depth)
    out("}}\n")


def deep_json_objects(depth):
    out('{"schema_version": 1, "title": "deep", "extra": ')
    repeat('{"a":', depth)
    out("1")
    repeat("}", depth)
    out("}\n")


def deep_yaml_flow(depth):
    out("schema_version: 1\ntitle: deep\nextra:\n  x: ")
    repeat("[", depth)
    repeat("]", depth)
    out("\n")


def deep_yaml_block(depth):
    # Block sequences nest without indentation growth: "- - - - x".
    out("schema_version: 1\ntitle: deep\nextra:\n  x: ")
    out("\n    ")
    repeat("- ", depth)
    out("x\n")


def deep_html(depth):
    out("<!doctype html><html><head><title>deep</title></head><body><article><h1>Deep</h1>")
    repeat("<div>", depth)
    out("<p>bottom</p>")
    repeat("</div>", depth)
    out("</article></body></html>\n")


def deep_html_inline(depth):
    out("<!doctype html><html><head><title>deep</title></head><body><article><p>")
    repeat("<b><i>", depth // 2)
    out("text")
    out("</p></article></body></html>\n")


def deep_html_lists(depth):
    out("<!doctype html><html><head><title>deep</title></head><body><article><h1>Lists</h1>")
    repeat("<ul><li>item", depth)
    out("</article></body></html>\n")


def deep_markdown_quotes(depth):
    out("---\nschema_version: 1\ntitle: deep\n---\n\n")
    repeat("> ", depth)
    out("text\n")


def deep_markdown_lists(depth):
    out("---\nschema_version: 1\ntitle: deep\n---\n\n")
    for level in range(depth):
        out("  " * level + "- item\n")


def huge_ndjson_line(byte_count):
    out('{"schema_version": 1, "title": "')
    filled(byte_count)
    out('"}\n')


def huge_html(byte_count):
    out("<!doctype html><html><body><article><p>")
    filled(byte_count, "word ")
    out("</p></article></body></html>\n")


def many_ndjson_records(count):
    line = '{"schema_version": 1, "title": "t", "body": [{"type": "paragraph", "text": "p"}]}\n'
    repeat(line, count)


def many_blank_lines(count):
    repeat("\n", count)


def many_attributes(count):
    out("<!doctype html><html><body><article><p ")
    for i in range(count):
        out(f'a{i}="v" ')
    out(">text</p></article></body></html>\n")


def many_paragraphs(count):
    out("<!doctype html><html><head><title>many</title></head><body><article><h1>Many</h1>")
    repeat("<p>A sentence of a paragraph that says little.</p>", count)
    out("</article></body></html>\n")


def many_paragraph_lines(count):
    out("<!doctype html><html><head><title>many</title></head><body><article><h1>Many</h1>\n")
    repeat("<p>A sentence of a paragraph that says little.</p>\n", count)
    out("</article></body></html>\n")


def huge_json_string_escapes(count):
    out('{"schema_version": 1, "title": "')
    repeat("\\u00e9", count)
    out('"}\n')


def many_yaml_documents(count):
    repeat("---\nschema_version: 1\ntitle: t\n", count)


def long_title_tag(byte_count):
    out("<!doctype html><html><head><title>")
    filled(byte_count, "t")
    out("</title></head><body></body></html>\n")


def many_entities(count):
    out("<!doctype html><html><body><article><p>")
    repeat("&amp;&lt;&#x1F600;&bogus;&#99999999;", count)
    out("</p></article></body></html>\n")


def many_json_keys(count):
    out('{"schema_version": 1, "title": "keys", "extra": {')
    out(",".join(f'"k{i}": {i}' for i in range(count)))
    out("}}\n")


GENERATORS = {
    "deep-json": deep_json,
    "deep-json-objects": deep_json_objects,
    "deep-yaml-flow": deep_yaml_flow,
    "deep-yaml-block": deep_yaml_block,
    "deep-html": deep_html,
    "deep-html-inline": deep_html_inline,
    "deep-html-lists": deep_html_lists,
    "deep-markdown-quotes": deep_markdown_quotes,
    "deep-markdown-lists": deep_markdown_lists,
    "huge-ndjson-line": huge_ndjson_line,
    "huge-html": huge_html,
    "many-ndjson-records": many_ndjson_records,
    "many-blank-lines": many_blank_lines,
    "many-attributes": many_attributes,
    "many-paragraphs": many_paragraphs,
    "huge-json-string-escapes": huge_json_string_escapes,
    "many-yaml-documents": many_yaml_documents,
    "long-title-tag": long_title_tag,
    "many-entities": many_entities,
    "many-json-keys": many_json_keys,
    "many-paragraph-lines": many_paragraph_lines,
}


def main():
    if len(sys.argv) not in (2, 3) or sys.argv[1] not in GENERATORS:
        sys.stderr.write("usage: gen.py {" + ",".join(sorted(GENERATORS)) + "} [SIZE]\n")
        return 2
    size = int(sys.argv[2]) if len(sys.argv) == 3 else 100_000
    try:
        GENERATORS[sys.argv[1]](size)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader stopped early (an input too large): not the generator's failure.
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
