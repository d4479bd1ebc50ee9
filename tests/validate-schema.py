#!/usr/bin/env python3
"""Validate crbc records (JSON, a JSON array, or NDJSON) against the record schema.

Usage: validate-schema.py SCHEMA [FILE...]   (no FILE, or "-": standard input)
Prints one line per invalid record (file, record number, JSON path, message) and
exits 1 when any record is invalid or unreadable, 0 otherwise. Needs Debian's
python3-jsonschema (draft 2020-12).
"""
import json
import sys

import jsonschema


def records(text):
    """Yield the records of a JSON document, a JSON array, or NDJSON."""
    text = text.strip()
    if not text:
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        for line in text.split("\n"):  # not splitlines(): U+2028 is not a line end here
            if line.strip():
                yield json.loads(line)
        return
    if isinstance(value, list):
        yield from value
    else:
        yield value


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = False
    count = 0
    for name in argv[2:] or ["-"]:
        handle = sys.stdin if name == "-" else open(name, encoding="utf-8")
        with handle:
            try:
                for number, record in enumerate(records(handle.read()), start=1):
                    count += 1
                    for error in validator.iter_errors(record):
                        failed = True
                        print(f"{name}: record {number}: {error.json_path}: {error.message[:300]}")
            except (json.JSONDecodeError, UnicodeDecodeError) as error:
                failed = True
                print(f"{name}: not JSON: {error}")
    if count == 0:
        print("no records to validate")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
