#!/usr/bin/env python3
"""Checks that an HTML page written by `crbc convert -t html` holds no executable content.

    check.py PAGE.html [RECORD.json]

Parses PAGE with the standard library's html.parser and fails (exit 1, one line per
problem on stdout) when it finds:
  - a <script> other than type="application/ld+json", or an ld+json script whose
    text is not one JSON value, or that contains "<" (the only way out of a script
    element is "</script", and "<!--" can change how the element ends);
  - elements that load or run things (iframe, object, embed, base, form, meta refresh,
    any <link> but rel=canonical, ...);
  - an on* event-handler attribute or a style attribute;
  - a url attribute (href, src, action, ...) with a scheme other than http, https or
    mailto, after the clean-up browsers do (tabs and newlines removed, controls and
    spaces trimmed, case folded);
  - more than one <style> element, or one outside <head>.
With RECORD, also checks that the JSON-LD carries the record's title and description
unchanged: hostile text did not break out of the embedded JSON.
Exit 0 when the page is clean, 2 on usage errors.
"""
import json
import sys
from html.parser import HTMLParser

ALLOWED_SCRIPT_TYPES = {"application/ld+json"}
FORBIDDEN_ELEMENTS = {
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "input",
    "button", "textarea", "select", "svg", "math", "template", "portal", "noscript",
    "xmp", "plaintext", "video", "audio", "source", "track", "param", "dialog",
}
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "poster", "background", "cite", "data", "codebase",
    "longdesc", "xlink:href", "srcset", "ping", "manifest", "icon", "dynsrc", "lowsrc",
}
SAFE_SCHEMES = {"http", "https", "mailto"}


def url_scheme(url):
    """The scheme a browser would see in `url`, lower-cased; "" for a relative url."""
    cleaned = "".join(c for c in url if c not in "\t\n\r")
    cleaned = cleaned.strip("".join(chr(i) for i in range(0x21)))
    colon = cleaned.find(":")
    if colon < 0:
        return ""
    first_path = min((cleaned.find(c) for c in "/?#" if c in cleaned), default=-1)
    if 0 <= first_path < colon:
        return ""
    return cleaned[:colon].lower()


class PageChecker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.open_elements = []
        self.in_script = None  # the type of the script element being read, if any
        self.script_text = []
        self.ld_json = []
        self.style_count = 0

    def problem(self, text):
        line, column = self.getpos()
        self.problems.append(f"{line}:{column}: {text}")

    def handle_starttag(self, tag, attrs):
        self.check_element(tag, attrs)
        if tag not in {"meta", "img", "br", "hr", "wbr", "col", "area"}:
            self.open_elements.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.check_element(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script" and self.in_script is not None:
            text = "".join(self.script_text)
            if self.in_script in ALLOWED_SCRIPT_TYPES:
                self.check_ld_json(text)
            self.in_script = None
            self.script_text = []
        if tag in self.open_elements:
            while self.open_elements and self.open_elements.pop() != tag:
                pass

    def handle_data(self, data):
        if self.in_script is not None:
            self.script_text.append(data)

    def handle_comment(self, data):
        if "<" in data or "script" in data.lower():
            self.problem(f"comment with markup in it: {data[:60]!r}")

    def handle_pi(self, data):
        self.problem(f"processing instruction: {data[:60]!r}")

    def unknown_decl(self, data):
        self.problem(f"unknown declaration: {data[:60]!r}")

    def check_element(self, tag, attrs):
        if tag in FORBIDDEN_ELEMENTS:
            self.problem(f"forbidden element <{tag}>")
        values = {}
        for name, value in attrs:
            name = name.lower()
            value = value or ""
            values[name] = value
            if name.startswith("on"):
                self.problem(f"event-handler attribute {name}= on <{tag}>")
            if name == "style":
                self.problem(f"style attribute on <{tag}>")
            if name in URL_ATTRIBUTES and url_scheme(value) not in SAFE_SCHEMES | {""}:
                self.problem(f"dangerous url in <{tag} {name}={value[:60]!r}>")
        if tag == "link" and values.get("rel", "").strip().lower() != "canonical":
            self.problem(f"<link rel={values.get('rel', '')!r}> (only rel=canonical is inert)")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.problem("meta refresh")
        if tag == "script":
            script_type = values.get("type", "").strip().lower()
            if script_type not in ALLOWED_SCRIPT_TYPES:
                self.problem(f"executable <script type={script_type!r}>")
            self.in_script = script_type
        if tag == "style":
            self.style_count += 1
            if self.style_count > 1 or "head" not in self.open_elements:
                self.problem("<style> element besides the page's own in <head>")

    def check_ld_json(self, text):
        if "<" in text:
            self.problem("'<' inside the JSON-LD script: hostile text could end the element")
        try:
            self.ld_json.append(json.loads(text))
        except ValueError as error:
            self.problem(f"JSON-LD script is not one JSON value: {error}")


def strings_in(value):
    """Every string anywhere in a JSON value, iteratively (no recursion on depth)."""
    found, stack = [], [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def check_page(html, record=None):
    checker = PageChecker()
    checker.feed(html)
    checker.close()
    if checker.in_script is not None:
        checker.problem("a <script> element never ends")
    if len(checker.ld_json) != 1:
        checker.problem(f"expected one JSON-LD script, found {len(checker.ld_json)}")
    elif record is not None:
        carried = set(strings_in(checker.ld_json[0]))
        for field in ("title", "description"):
            text = record.get(field, "")
            if text and text not in carried:
                checker.problem(f"record {field} not carried intact in the JSON-LD: {text[:60]!r}")
    return checker.problems


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as page:
        html = page.read()
    record = None
    if len(argv) == 3:
        with open(argv[2], encoding="utf-8") as source:
            record = json.load(source)
    problems = check_page(html, record)
    for problem in problems:
        print(f"{argv[1]}:{problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
