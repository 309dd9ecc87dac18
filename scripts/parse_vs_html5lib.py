"""Our page model's tree against the trees of html5lib's tree-construction tests.

    python3 scripts/parse_vs_html5lib.py DIR [--show N]

DIR is the ``tree-construction`` folder of a checkout of html5lib-tests
(https://github.com/html5lib/html5lib-tests; the tests moved to web-platform-tests'
``html/syntax/parsing`` in 2025, in the same ``.dat`` format). It is not in ../shared: the
script is a developer's yardstick, not a test. Each test's ``#data`` is parsed as a whole
document with :meth:`Page.from_html` (fragment tests and the ones written for scripting off
are skipped: the page model reads pages with scripting on) and its elements, their names
and their nesting, are compared with the test's ``#document``. Attributes, text and comments
are not compared; SVG's and MathML's names are compared in lower case (libxml2 writes them
so). libxml2 makes no ``head`` or ``body`` a document gives it no content for, and neither
is then counted.

It prints the documents compared, how many give the same elements, and the files with
differences, most first, with the first ``--show`` differing documents of each. A repair of
the page model (``Page.__init__``'s, :mod:`a11y_audit.paragraphs`,
:mod:`a11y_audit.self_closing`, :mod:`a11y_audit.formatting_list`...) should raise the first
figure and never lower it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from a11y_audit.page import Page

_SECTIONS = ("errors", "new-errors", "document", "document-fragment", "script-on",
             "script-off")
_ELEMENT = re.compile(r"\| ( *)<([^>!?][^>]*)>$")
_CONTENT = re.compile(r"\| ( *)content$")


def tests(path: Path) -> Iterator[dict[str, str]]:
    """Each test of a ``.dat`` file: its sections by name (``data``, ``document``...)."""
    text = path.read_text(encoding="utf-8")
    for block in text.split("\n\n#data\n"):
        block = block.removeprefix("#data\n")
        parts: dict[str, str] = {}
        key, lines = "data", []
        for line in block.split("\n"):
            if line.startswith("#") and line[1:] in _SECTIONS:
                parts[key] = "\n".join(lines)
                key, lines = line[1:], []
            else:
                lines.append(line)
        parts[key] = "\n".join(lines)
        yield parts


def expected(document: str) -> list[str]:
    """The elements of a test's ``#document``, as "depth:name" (a template's content as a
    ``#content`` node below it, as the tests write it)."""
    found = []
    for line in document.split("\n"):
        m = _ELEMENT.match(line)
        if m and not m.group(2).startswith("!DOCTYPE"):
            found.append(f"{len(m.group(1)) // 2}:{m.group(2).split(' ')[-1].lower()}")
        elif m := _CONTENT.match(line):
            found.append(f"{len(m.group(1)) // 2}:#content")
    return found


def ours(markup: str) -> list[str]:
    page = Page.from_html(markup)
    found = ["0:html"]

    def walk(el: object, depth: int) -> None:
        for child in el:  # type: ignore[attr-defined]
            if not isinstance(child.tag, str):
                continue
            found.append(f"{depth}:{child.tag.lower()}")
            if child in page.contents_apart and child.tag == "template":
                found.append(f"{depth + 1}:#content")
                walk(page.contents_apart[child], depth + 2)
            elif child.tag != "noscript":   # (scripting on: its content is text)
                walk(child, depth + 1)

    walk(page.root, 1)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="html5lib-tests' tree-construction folder")
    parser.add_argument("--show", type=int, default=0,
                        help="differing documents to print for each file")
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.dat"))
    if not files:
        raise SystemExit(f"no .dat files in {args.folder}")
    tally: Counter[str] = Counter()
    by_file: dict[str, list[tuple[str, list[str], list[str]]]] = {}
    for path in files:
        for test in tests(path):
            if "document" not in test or "document-fragment" in test or "script-off" in test:
                tally["skipped"] += 1
                continue
            theirs = expected(test["document"])
            mine = ours(test["data"])
            if "1:head" not in mine:
                theirs = [node for node in theirs if node != "1:head"]
            if "1:body" not in mine and theirs[-1:] == ["1:body"]:
                theirs = theirs[:-1]
            if mine == theirs:
                tally["same"] += 1
            else:
                tally["different"] += 1
                by_file.setdefault(path.name, []).append((test["data"], mine, theirs))
    compared = tally["same"] + tally["different"]
    print(f"{compared:,} documents compared ({tally['skipped']:,} skipped): "
          f"{tally['same']:,} the same ({tally['same'] / max(compared, 1):.1%}), "
          f"{tally['different']:,} different")
    for name, cases in sorted(by_file.items(), key=lambda item: -len(item[1])):
        print(f"  {name}: {len(cases)}")
        for data, mine, theirs in cases[:args.show]:
            print(f"    {data[:100]!r}\n      ours:   {' '.join(mine)[:160]}"
                  f"\n      theirs: {' '.join(theirs)[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
