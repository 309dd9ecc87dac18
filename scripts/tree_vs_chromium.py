"""Our accessibility tree against Chromium's: names, roles, what is hidden and focusable.

    python3 scripts/tree_vs_chromium.py [--limit N] [--show N] [--force] [PAGE ...]

Each page (the news corpus by default, or the HTML files given) is numbered and loaded in
Debian's Chromium as ``scripts/styles_vs_chromium.py`` does (page JavaScript off, every
request aborted, so linked stylesheets are absent in both; noscript content hidden). Chromium's
accessibility tree (``Accessibility.getFullAXTree`` over the DevTools protocol) gives each
element's role and accessible name, whether it is out of the tree for being hidden, and
whether it is focusable; we compute ours with ``Page.role``, ``Page.name``,
``Page.is_hidden`` and ``Page.is_focusable``. Elements whose subtree Chromium's parser built
otherwise than ours (misnested markup: :func:`_rebuilt`) are left out of all four.

Roles: every element in both trees is compared with ``Page.role``, Chromium's role names
read as ARIA's (:data:`CHROMIUM_ROLES`: its ``image`` is ``img``, its ``LayoutTableCell`` a
``cell``, its ``LabelText`` no role...) and the pairs that name the same thing taken as equal
(:data:`SAME_ROLES`: ``none`` and ``generic``...). The differences are listed by tag, our
role and Chromium's.

Hidden: every element Chromium has a node for is compared with ``Page.is_hidden``; hidden
for Chromium is left out of its tree for one of :data:`HIDING_REASONS` (not rendered, not
visible, ``aria-hidden``, ``inert``). Chromium gives no node to most elements inside a
subtree that is not rendered, nor to some plain inline elements (a ``span`` of text), so
those are not compared.

Focusable: every element in both trees (not ignored by Chromium, not hidden for us) is
compared with ``Page.is_focusable``, but for ``option`` (Chromium's option nodes are
focusable inside their list, which is not the Tab order the rules read), ``dialog``
(Chromium's dialog nodes are focusable: a dialog can take focus itself, by HTML's dialog
focusing steps, but is in no Tab order) and the frames (``iframe``, ``frame``: Chromium's
node for the element is not focusable, focus going to the document inside it, which the Tab
order reaches).

Names: every element Chromium exposes (not ignored) and we do not hide, whose Chromium
role is one that carries a name the rules read (:data:`NAMED_ROLES`: links, buttons, images,
headings, form fields, frames, landmarks...). Names are compared with white space collapsed
(white space as HTML reads it, the no-break space included). A difference is counted in the
first of these kinds that fits:

- ``case``: equal but for letter case. Chromium names carry ``text-transform`` (``SIGN IN``
  for ``Sign In``); the letters a reader hears are the same;
- ``icon glyphs``: equal once private-use characters (icon fonts' glyphs, which Chromium
  takes from ``::before``/``::after`` content) are left out of both;
- ``spacing``: equal but for spaces. Where an inline image's ``alt`` or a link meets the text
  beside it, Chromium separates them; accname leaves the white space between inline
  content unspecified (w3c/accname#16, #83, #205), and we join them as axe-core does;
- ``role``: our role differs from Chromium's (read as the role comparison reads them);
- otherwise, by how the names relate: ``ours empty``, ``theirs empty``, ``ours longer``,
  ``theirs longer`` (one is the other with text before or after it) and ``other``.

It prints the hidden, focusable and role counts with where they differ, then the names'
counts by kind and role and examples of each kind (page, element number, tag, class, our
name, Chromium's). Chromium's answers are cached in
``reports/tree-chromium/``, by page and markup (``styles_vs_chromium.cached_answers``;
``--force`` to ask again). Needs ``bash
scripts/install-browser-deps.sh`` (Debian's chromium and Python playwright).
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

import styles_vs_chromium as styles  # noqa: E402  # (scripts/, beside this file)

from a11y_audit.page import Page  # noqa: E402
from a11y_audit.semantics.cascade import StyleEnvironment  # noqa: E402

DEFAULT_OUT = REPO / "reports" / "tree-chromium"
# Chromium's role names (its accessibility tree's, which are ARIA's where ARIA has one)
NAMED_ROLES = frozenset((
    "link", "button", "image", "heading", "textbox", "searchbox", "checkbox", "radio",
    "combobox", "listbox", "menuitem", "menuitemcheckbox", "menuitemradio", "tab", "switch",
    "slider", "spinbutton", "option", "treeitem", "Iframe", "navigation", "region", "form",
    "dialog", "alertdialog", "figure", "table", "cell", "columnheader", "rowheader"))
# Chromium's role names where ARIA has another or none ("": no role), for the role comparison
CHROMIUM_ROLES = {
    "image": "img", "LayoutTable": "table", "LayoutTableRow": "row", "LayoutTableCell": "cell",
    "sectionheader": "generic", "sectionfooter": "generic", "Details": "group",
    "RootWebArea": "document", "Time": "time", "Mark": "mark", "Code": "code",
    **dict.fromkeys(("Iframe", "LineBreak", "LabelText", "Figcaption", "DescriptionList",
                     "Abbr", "Legend", "Video", "Audio", "PluginObject", "EmbeddedObject",
                     "Canvas", "Ruby", "Pre", "DisclosureTriangle", "ListMarker",
                     "MenuListPopup"), "")}
# (ours, Chromium's) role pairs that name the same thing
SAME_ROLES = frozenset((("img", "image"), ("iframe", "Iframe"), ("textbox", "searchbox"),
                        ("gridcell", "cell"), ("graphics-document", "img"), ("none", "generic"),
                        ("presentation", "generic"), ("none", ""), ("presentation", ""),
                        ("", "generic"), ("generic", "")))
# Chromium's reasons for leaving a node out of the tree that mean hidden (not, for instance,
# a presentational role or an uninteresting generic)
HIDING_REASONS = frozenset(("notRendered", "notVisible", "ariaHiddenElement",
                            "ariaHiddenSubtree", "inertElement", "inertSubtree"))
# Not compared for focus (see the module's docstring)
_FOCUS_LEFT_OUT = frozenset(("option", "dialog", "iframe", "frame"))
KINDS = ("case", "icon glyphs", "spacing", "role", "ours empty", "theirs empty",
         "ours longer", "theirs longer", "other")
_WHITE = re.compile(r"[\t\n\f\r \xa0]+")
_GLYPHS = re.compile("[\ue000-\uf8ff]")

_DOCUMENT = {"depth": -1}       # the whole DOM tree, to find each numbered element's node


def chromium_tree(context: Any, markup: str) -> dict[str, Any]:
    """Chromium's accessibility tree of a numbered page: for each numbered element it has a
    node for, ``[ignored, role, name, hidden, focusable]`` by number (hidden: ignored for
    one of :data:`HIDING_REASONS`); and under ``"children"``, each numbered
    element's numbered children in order (under the nearest numbered ancestor: a ``tbody``
    the parser adds is looked through), to tell where Chromium's parser built another tree
    than ours."""
    page = context.new_page()
    try:
        page.set_content(markup, wait_until="domcontentloaded")
        page.evaluate(styles._HIDE_NOSCRIPT)
        page.evaluate(styles._SETTLE)
        cdp = context.new_cdp_session(page)
        numbers: dict[int, str] = {}
        children: dict[str, list[str]] = {}
        stack: list[tuple[dict[str, Any], str]] = [
            (cdp.send("DOM.getDocument", _DOCUMENT)["root"], "")]
        while stack:
            node, above = stack.pop()
            attributes = node.get("attributes") or []
            for at in range(0, len(attributes) - 1, 2):
                if attributes[at] == styles.NUMBER:
                    number = numbers[node["backendNodeId"]] = attributes[at + 1]
                    children.setdefault(above, []).append(number)
                    above = number
                    break
            stack.extend((child, above) for child in reversed(node.get("children") or ()))
        out: dict[str, Any] = {"children": children}
        for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
            number = numbers.get(node.get("backendDOMNodeId"))
            if number is not None:
                reasons = {reason["name"] for reason in node.get("ignoredReasons") or ()}
                focusable = any(p["name"] == "focusable" and p["value"].get("value")
                                for p in node.get("properties") or ())
                out[number] = [bool(node.get("ignored")), (node.get("role") or {}).get("value"),
                               (node.get("name") or {}).get("value") or "",
                               not HIDING_REASONS.isdisjoint(reasons), focusable]
        return out
    finally:
        page.close()


def _rebuilt(page: Page, chromium_children: dict[str, list[str]]) -> set[Any]:
    """Our elements whose subtree Chromium's parser built otherwise (misnested markup such
    as a ``p`` in a link in a ``p``): an element whose numbered children differ from
    Chromium's, with its ancestors."""
    ours: dict[str, list[str]] = {}
    for el in page.root.iter(tuple(page.by_tag)):
        number = el.get(styles.NUMBER)
        if number is None:
            continue
        above = next((a.get(styles.NUMBER) for a in el.iterancestors()
                      if a.get(styles.NUMBER) is not None), "")
        ours.setdefault(above, []).append(number)
    differ = {parent for parent in ours.keys() | chromium_children.keys()
              if ours.get(parent) != chromium_children.get(parent)}
    rebuilt: set[Any] = set()
    for el in page.root.iter(tuple(page.by_tag)):
        if el.get(styles.NUMBER) in differ and el not in rebuilt:
            rebuilt.add(el)
            rebuilt.update(el.iterancestors())
    return rebuilt


@dataclass
class Tally:
    """Named elements compared, by Chromium's role, and the differences by (kind, role),
    with examples (page, number, tag, class, ours, Chromium's); and how many elements were
    left out where the two parsers built different trees."""

    compared: collections.Counter[str] = field(default_factory=collections.Counter)
    rebuilt: int = 0       # elements left out: Chromium's parser built their subtree otherwise
    # elements by (hidden for us, hidden for Chromium), and those where we differ
    hidden: collections.Counter[tuple[bool, bool]] = field(default_factory=collections.Counter)
    hidden_examples: list[tuple[str, ...]] = field(default_factory=list)
    # ... and by (focusable for us, for Chromium)
    focusable: collections.Counter[tuple[bool, bool]] = field(
        default_factory=collections.Counter)
    focusable_examples: list[tuple[str, ...]] = field(default_factory=list)
    # elements whose roles were compared, and the differences by (tag, ours, Chromium's)
    roles: int = 0
    role_differences: collections.Counter[tuple[str, str, str]] = field(
        default_factory=collections.Counter)
    differences: collections.Counter[tuple[str, str]] = field(
        default_factory=collections.Counter)
    examples: dict[tuple[str, str], list[tuple[str, ...]]] = field(
        default_factory=lambda: collections.defaultdict(list))


def collapse(name: str) -> str:
    return _WHITE.sub(" ", name).strip(" ")


def kind_of(ours: str, theirs: str, our_role: str, their_role: str) -> str | None:
    """How our name differs from Chromium's (both white space collapsed), or None."""
    if ours == theirs:
        return None
    if ours.casefold() == theirs.casefold():
        return "case"
    ours, theirs = (collapse(_GLYPHS.sub("", name)).casefold() for name in (ours, theirs))
    if ours == theirs:
        return "icon glyphs"
    if ours.replace(" ", "") == theirs.replace(" ", ""):
        return "spacing"
    their_role = CHROMIUM_ROLES.get(their_role, their_role)
    if our_role != their_role and (our_role, their_role) not in SAME_ROLES:
        return "role"
    if not ours or not theirs:
        return "ours empty" if not ours else "theirs empty"
    if theirs.startswith(ours) or theirs.endswith(ours):
        return "theirs longer"
    if ours.startswith(theirs) or ours.endswith(theirs):
        return "ours longer"
    return "other"


def compare(markup: str, chromium: dict[str, Any], tally: Tally, label: str = "") -> None:
    """Add the comparison of one numbered page to ``tally``."""
    page = Page.from_html(markup, source="page")
    page.style_environment = StyleEnvironment(missing_stylesheets="ignore")
    rebuilt = _rebuilt(page, chromium.get("children", {}))
    tally.rebuilt += len(rebuilt)
    for el in page.root.iter(tuple(page.by_tag)):
        number = el.get(styles.NUMBER)
        node = chromium.get(number) if number is not None else None
        if node is None or el in rebuilt:
            continue
        ignored, role, name, hidden, focusable = node
        where = (label, str(number), el.tag, (el.get("class") or "")[:30])
        ours_hidden = page.is_hidden(el)
        _count(tally.hidden, tally.hidden_examples, ours_hidden, hidden, where, "hidden")
        if ignored or ours_hidden:
            continue
        ours_role, their_role = page.role(el), CHROMIUM_ROLES.get(role, role)
        tally.roles += 1
        if ours_role != their_role and (ours_role, their_role) not in SAME_ROLES:
            tally.role_differences[el.tag, ours_role or "(none)", role] += 1
        if el.tag not in _FOCUS_LEFT_OUT:
            _count(tally.focusable, tally.focusable_examples, page.is_focusable(el),
                   focusable, where, "focusable")
        if role not in NAMED_ROLES:
            continue
        tally.compared[role] += 1
        ours = collapse(page.name(el))
        kind = kind_of(ours, collapse(name), ours_role, role)
        if kind is not None:
            tally.differences[kind, role] += 1
            tally.examples[kind, role].append((*where, ours[:80], collapse(name)[:80]))


def _count(counts: collections.Counter[tuple[bool, bool]], examples: list[tuple[str, ...]],
           ours: bool, theirs: bool, where: tuple[str, ...], what: str) -> None:
    """Count a yes-or-no answer of ours and Chromium's; keep where they differ."""
    counts[ours, theirs] += 1
    if ours != theirs:
        examples.append((*where, f"{what} for us" if ours else f"{what} for Chromium"))


def report(tally: Tally, show: int) -> str:
    compared = sum(tally.compared.values())
    differ = sum(tally.differences.values())
    lines = [f"{compared:,} named elements compared, {compared - differ:,} the same "
             f"({(compared - differ) / max(compared, 1):.1%}); {tally.rebuilt:,} elements "
             "left out (Chromium's parser built their subtree otherwise)",
             "by Chromium's role: " + ", ".join(f"{role} {count:,}" for role, count
                                                in tally.compared.most_common()), ""]
    for what, counts, examples in (("hidden", tally.hidden, tally.hidden_examples),
                                   ("focusable", tally.focusable, tally.focusable_examples)):
        lines.append(f"{what}: {sum(counts.values()):,} elements compared, {what} for both "
                     f"{counts[True, True]:,}, for neither {counts[False, False]:,}, for us "
                     f"only {counts[True, False]:,}, for Chromium only {counts[False, True]:,}")
        lines += ["  " + " | ".join(example) for example in examples[:show]]
    lines.append(f"roles: {tally.roles:,} elements compared, "
                 f"{sum(tally.role_differences.values()):,} differ")
    lines += [f"  {count:>6,}  <{tag}>: ours {ours}, Chromium's {theirs}"
              for (tag, ours, theirs), count in tally.role_differences.most_common(show)]
    lines.append("")
    by_kind = collections.Counter[str]()
    for (kind, _role), count in tally.differences.items():
        by_kind[kind] += count
    lines += [f"{kind + ':':<16}{by_kind[kind]:>7,}" for kind in KINDS if by_kind[kind]]
    for (kind, role), count in sorted(tally.differences.items(),
                                      key=lambda item: (KINDS.index(item[0][0]), -item[1])):
        lines.append(f"\n{kind}, {role}: {count:,}")
        lines += ["  " + " | ".join(example) for example in tally.examples[kind, role][:show]]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", type=Path, help="HTML files (default: the corpus)")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--show", type=int, default=5, help="examples of each difference")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Chromium's answers")
    parser.add_argument("--force", action="store_true", help="ask Chromium again")
    args = parser.parse_args()
    files = args.pages or styles.corpus_files()
    files = files[:args.limit] if args.limit else files
    args.out.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    started = time.perf_counter()
    context = browser = playwright = None
    for n, path in enumerate(files, 1):
        markup = styles.numbered(styles.read_page(path))
        cached = styles.cached_answers(args.out, path, markup)
        if cached.exists() and not args.force:
            answers = json.loads(cached.read_text(encoding="utf-8"))
        else:
            if context is None:
                context, browser, playwright = _launch()
            answers = chromium_tree(context, markup)
            cached.write_text(json.dumps(answers), encoding="utf-8")
        compare(markup, answers, tally, path.name[:16])
        print(f"[{n}/{len(files)}] {path.name[:16]} {len(answers)} elements", file=sys.stderr)
    if browser is not None:
        browser.close()
        playwright.stop()
    print(report(tally, args.show))
    print(f"\n{len(files)} pages in {time.perf_counter() - started:.0f} s")
    return 0


def _launch() -> tuple[Any, Any, Any]:
    """Chromium, launched as styles_vs_chromium.py launches it, and its offline context
    (:func:`axe_corpus.offline_context`)."""
    from playwright.sync_api import sync_playwright

    if not styles.CHROMIUM.exists():
        raise SystemExit(f"{styles.CHROMIUM} not found: run bash scripts/install-browser-deps.sh")
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(styles.CHROMIUM),
                                         args=styles.CHROMIUM_ARGS)
    return styles.axe_corpus.offline_context(browser), browser, playwright


if __name__ == "__main__":
    sys.exit(main())
