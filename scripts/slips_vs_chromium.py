"""Template slips on real pages: our tree against Chromium's where one end tag is left out.

    python3 scripts/slips_vs_chromium.py [--tags div,a,ul] [--pages N] [--seed S] [--show N]
    python3 scripts/slips_vs_chromium.py --kind doubled     # or: swapped

A newsroom's developers audit raw template output, and templates leave end tags out: a
``</div>`` in a partial, a submenu's ``</ul>``, a link's ``</a>``. The corpus's pages are
documents a browser saved, so its own figures never meet such a slip. For each tag asked,
``--pages`` corpus pages are drawn (``--seed``), and in each one end tag of the tag written
in the body (``</div>`` as written, lower case) is taken out, at random; the page is then
built by the page model (:meth:`Page.from_html`) and loaded in Debian's Chromium as the
other comparisons here load pages (page JavaScript off, every request aborted), and the two
trees of elements are compared: names and nesting, under the body, not entering ``svg``,
``math``, ``template``, ``noscript``, ``script`` and ``style`` (Chromium, with scripting off,
builds a noscript's content, which the page model reads as text, with scripting on). The
pages as saved are compared too: what differs there is not the slip's doing.

``--kind`` chooses the slip: ``left-out`` (the default, as above), ``doubled`` (the end tag
written twice, ``</p></p>``) or ``swapped`` (the end tag and the end tag written right after
it exchanged, ``</li></ul>`` written ``</ul></li>``: the chosen end tag must be followed at
once by another).

It prints, for each tag, the pages compared, how many give the same tree as saved, and how
many with the slip; with ``--show``, where the first differing pages first differ. A repair
of the page model's reading of libxml2's tree (:mod:`a11y_audit.divs_left_open`,
:mod:`a11y_audit.formatting_list`, :mod:`a11y_audit.misnested`...) should raise the figures
and never lower them. A developer's yardstick, not a test: it needs the corpus and Chromium
(``bash scripts/install-browser-deps.sh``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

import styles_vs_chromium as styles  # noqa: E402  # (scripts/, beside this file)
from lxml import etree  # noqa: E402

from a11y_audit.page import Page  # noqa: E402

DEFAULT_TAGS = ("div", "a", "ul", "li", "p", "h2", "section", "span", "button")
# Subtrees not compared (see the module's docstring)
NOT_ENTERED = frozenset(("svg", "math", "template", "noscript", "script", "style"))
# Chromium's body as nested lists: [name, [children...]]
_CHROMIUM_BODY = (
    f"() => {{ const skip = new Set({json.dumps(sorted(NOT_ENTERED))});"
    " const walk = el => [el.localName,"
    " skip.has(el.localName) ? [] : Array.from(el.children, walk)];"
    " return document.body ? walk(document.body) : ['body', []]; }")


KINDS = ("left-out", "doubled", "swapped")
# An end tag to swap with (not the body's or the document's: no template writes those in
# its parts)
_END_TAG = re.compile(r"</(?!(?:body|html)>)[A-Za-z][A-Za-z0-9-]*>", re.I)


def slipped(text: str, tag: str, rng: random.Random, kind: str = "left-out") -> str | None:
    """``text`` with one end tag ``</tag>`` written after its ``<body``, chosen by ``rng``,
    taken out (``left-out``), written twice (``doubled``) or exchanged with the end tag
    written right after it (``swapped``, only among those followed at once by another, not
    ``</body>`` or ``</html>``); None where there is none."""
    body = text.find("<body")
    end_tag = f"</{tag}>"
    ends = [m.start() for m in re.finditer(re.escape(end_tag), text) if m.start() > body >= 0]
    if kind == "swapped":
        ends = [at for at in ends if _END_TAG.match(text, at + len(end_tag))]
    if not ends:
        return None
    at = rng.choice(ends)
    after = at + len(end_tag)
    if kind == "doubled":
        return text[:after] + end_tag + text[after:]
    if kind == "swapped":
        following = _END_TAG.match(text, after)
        assert following is not None
        return text[:at] + following.group() + end_tag + text[following.end():]
    return text[:at] + text[after:]


def our_tree(markup: str) -> list[Any]:
    """The page model's body as Chromium's is read (:data:`_CHROMIUM_BODY`)."""
    def walk(el: etree._Element) -> list[Any]:
        name = el.tag.split("}")[-1]  # type: ignore[union-attr]  # (elements only)
        children = [] if name in NOT_ENTERED else [
            walk(child) for child in el if isinstance(child.tag, str)]
        return [name, children]

    return walk(Page.from_html(markup).body)


def first_difference(ours: list[Any], theirs: list[Any], path: str = "body") -> str | None:
    """Where two trees first differ, as a path of names; None where they are the same."""
    if ours[0] != theirs[0]:
        return f"{path}: {ours[0]} / {theirs[0]}"
    for index, (mine, other) in enumerate(zip(ours[1], theirs[1], strict=False)):
        found = first_difference(mine, other, f"{path} > {mine[0]}[{index}]")
        if found is not None:
            return found
    if len(ours[1]) != len(theirs[1]):
        return f"{path}: {len(ours[1])} children / {len(theirs[1])}"
    return None


def chromium_tree(context: Any, markup: str) -> list[Any]:
    page = context.new_page()
    try:
        page.set_content(markup, wait_until="domcontentloaded")
        tree: list[Any] = page.evaluate(_CHROMIUM_BODY)
        return tree
    finally:
        page.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tags", default=",".join(DEFAULT_TAGS),
                        help="the end tags to leave out, by name, comma-separated")
    parser.add_argument("--pages", type=int, default=20, help="pages drawn for each tag")
    parser.add_argument("--seed", type=int, default=1, help="the draw's seed")
    parser.add_argument("--show", type=int, default=0,
                        help="where the first N differing pages of each tag differ")
    parser.add_argument("--kind", choices=KINDS, default="left-out",
                        help="the slip: the end tag left out, doubled, or swapped with the "
                             "end tag right after it")
    args = parser.parse_args()
    files = styles.corpus_files()
    from tree_vs_chromium import _launch

    context, browser, playwright = _launch()
    try:
        print(f"one end tag {args.kind} a page")
        print(f"{'tag':<10} {'pages':>5} {'same as saved':>14} {'same with the slip':>19}")
        for tag in args.tags.split(","):
            # (the left-out draw as before --kind: its figures stay comparable)
            rng = random.Random(f"{args.seed}:{tag}" if args.kind == "left-out"
                                else f"{args.seed}:{tag}:{args.kind}")
            pages = same = same_slipped = 0
            shown: list[str] = []
            for path in rng.sample(files, min(args.pages, len(files))):
                text = styles.read_page(path)
                slip = slipped(text, tag, rng, args.kind)
                if slip is None:
                    continue
                pages += 1
                same += first_difference(our_tree(text), chromium_tree(context, text)) is None
                where = first_difference(our_tree(slip), chromium_tree(context, slip))
                same_slipped += where is None
                if where is not None and len(shown) < args.show:
                    shown.append(f"  {path.name[:16]}: {where}")
            print(f"{tag:<10} {pages:>5} {same:>14} {same_slipped:>19}")
            for line in shown:
                print(line)
    finally:
        browser.close()
        playwright.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
