"""Our computed styles against Chromium's, element by element: a yardstick for the cascade.

    python3 scripts/styles_vs_chromium.py [--sight] [--quirks] [--limit N] [--show N] [PAGE ...]

Each page (the news corpus by default, or the HTML files given) is parsed as the audit parses
it, its elements are numbered (``data-a11y-n``) and the numbered page is loaded in Debian's
Chromium with page JavaScript off and every request aborted, so linked stylesheets are absent
in both (we read the page with ``--missing-stylesheets ignore``). Chromium's
``getComputedStyle`` is then compared with our cascade, element by element, for what the rules
read: whether the element is displayed at all (``display: none`` on it or an ancestor), and on
displayed elements ``visibility``, ``color``, ``background-color``, ``font-size``,
``font-weight``, ``opacity`` and ``position``, and what link-in-text-block compares: the
text decoration's lines and style, ``font-style``, the first ``font-family`` (where the page
sets one) and whether the top and bottom borders and the outline are drawn. Values our
cascade leaves unknown (``None``: ``calc()``, an unresolved ``var()``...) are counted apart,
not compared. Elements that
Chromium's parser put elsewhere than libxml2's (another parent or other siblings: misnested
markup) are left out with everything under them,
and so are SVG's resource elements (``defs``, ``symbol``, gradients...), which Chromium gives
a computed display although they draw nothing by themselves.

It prints, per property, how many values were compared and how many differ, then the most
frequent differences by (property, tag, Chromium's value, ours, where ours came from).

The numbered page starts with ``<!DOCTYPE html>``: both tools read it in no-quirks mode, as
a live news page declares it. ``--quirks`` leaves the doctype out, as the corpus pages were
saved (and as axe-core in Chromium judged them, see scripts/axe_corpus.py): both read them in
quirks mode (a table's font reset, CSS numbers without units and colours without "#").

``--sight`` compares instead whether the text of each rendered element that holds text of its
own is hidden from sight, as the rules that judge only seen text read it (visually hidden, or
its text moved or shrunk away), with where Chromium's layout puts that text (``_SIGHT``):
counts for both, neither, us only and Chromium only, then the elements where we differ.
Chromium's answers are cached in ``reports/styles-chromium/``, by page and markup
(:func:`cached_answers`; ``--force`` to redo).
Needs ``bash scripts/install-browser-deps.sh`` (Debian's chromium and Python playwright).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

import axe_corpus  # noqa: E402  # (scripts/, beside this file)
from lxml import html as lxml_html  # noqa: E402

from a11y_audit.page import Page  # noqa: E402
from a11y_audit.semantics.cascade import (  # noqa: E402
    CONTROL_FONT_FAMILY,
    StyleEnvironment,
    cascade_of,
    edge_drawn,
)
from a11y_audit.sources import decode_exact  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DEFAULT_OUT = REPO / "reports" / "styles-chromium"
NUMBER = "data-a11y-n"
PROPERTIES = ("displayed", "visibility", "color", "background-color", "font-size",
              "font-weight", "opacity", "position", "text-decoration-line",
              "text-decoration-style", "font-style", "font-family", "border-top",
              "border-bottom", "outline")

# One row per numbered element: its number, its place (its parent's number and its element
# siblings' before and after it), whether it or an ancestor has display none, then the
# computed values of PROPERTIES[1:].
_READ = """() => {
  const none = new Map();
  const out = [];
  for (const el of document.querySelectorAll('[data-a11y-n]')) {
    const style = getComputedStyle(el);
    const parent = el.parentElement;
    // a closed <details> shows only its first <summary>: the rest sits in a slot of its
    // shadow tree with content-visibility: hidden, which the light tree's styles do not show
    const folded = parent !== null && parent.localName === 'details' && !parent.open
      && el !== parent.querySelector(':scope > summary');
    // and content-visibility: hidden skips the rendering of an element's content, where
    // its box can (not an inline's, a table row's...: then checkVisibility() says so)
    const skipped = parent !== null && getComputedStyle(parent).contentVisibility === 'hidden'
      && !el.checkVisibility();
    const hidden = style.display === 'none' || folded || skipped
      || (parent !== null && none.get(parent) === true);
    none.set(el, hidden);
    const place = parent === null ? null : [parent, el.previousElementSibling,
      el.nextElementSibling].map(e => (e && e.getAttribute('data-a11y-n')) || '').join(' ');
    out.push([+el.getAttribute('data-a11y-n'), place, hidden,
              style.visibility, style.color, style.backgroundColor, style.fontSize,
              style.fontWeight, style.opacity, style.position,
              style.textDecorationLine, style.textDecorationStyle, style.fontStyle,
              style.fontFamily, ...['borderTop', 'borderBottom', 'outline'].map(edge =>
                style[edge + 'Style'] !== 'none' && parseFloat(style[edge + 'Width']) > 0
                && !/rgba\\(.*, 0\\)$|transparent/.test(style[edge + 'Color']))]);
  }
  // colours Chromium serializes in their own space (oklch(), color-mix()'s oklab(),
  // color(display-p3 ...)) as sRGB, by a colour-mix of 100% of them in srgb: color(srgb r g
  // b / a), unclipped (read after the page's own styles, so the probe changes none)
  const probe = document.createElement('i');
  document.documentElement.appendChild(probe);
  const srgb = c => {
    if (/^rgba?\\(/.test(c)) return c;
    probe.style.color = `color-mix(in srgb, ${c} 100%, transparent)`;
    return getComputedStyle(probe).color;
  };
  for (const row of out) { row[4] = srgb(row[4]); row[5] = srgb(row[5]); }
  probe.remove();
  return out;
}"""
# As axe_corpus.py does (its script): with JavaScript off Chromium renders <noscript>; the
# audit reads a page as a browser running its scripts would show it
_HIDE_NOSCRIPT = axe_corpus._HIDE_NOSCRIPT
# Every running animation with an end jumps to it (an endless or paused one stays as it is)
_SETTLE = """() => { for (const a of document.getAnimations()) {
    if (a.playState !== 'paused' && a.effect.getComputedTiming().endTime !== Infinity)
        a.finish(); } }"""
# SVG elements that draw nothing by themselves, and everything inside them
_SVG_RESOURCES = frozenset(("defs", "symbol", "clippath", "mask", "pattern", "lineargradient",
                            "radialgradient", "filter", "marker", "metadata", "desc", "title"))
_RGBA = re.compile(r"rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)")
# (Chromium's sRGB of a colour in another space, see _READ: 0-1 channels, maybe out of gamut)
_CHANNEL = r"-?[\d.]+(?:e[+-]?\d+)?"
_SRGB = re.compile(rf"color\(srgb ({_CHANNEL}) ({_CHANNEL}) ({_CHANNEL})(?: / ({_CHANNEL}))?\)")


@dataclass(frozen=True)
class Difference:
    property: str
    tag: str
    chromium: str
    ours: str
    origin: str


@dataclass
class Tally:
    elements: int = 0
    restructured: int = 0
    compared: collections.Counter[str] = field(default_factory=collections.Counter)
    unknown: collections.Counter[str] = field(default_factory=collections.Counter)
    differences: collections.Counter[Difference] = field(default_factory=collections.Counter)

    def differ(self, prop: str) -> int:
        return sum(n for d, n in self.differences.items() if d.property == prop)


def numbered(text: str, quirks: bool = False) -> str:
    """The page as the audit parses it, each element numbered, as HTML for both tools: with
    ``<!DOCTYPE html>`` (no-quirks mode), or without a doctype if ``quirks``."""
    page = Page.from_html(text, source="page")
    for n, el in enumerate(page.root.iter(tuple(page.by_tag))):
        el.set(NUMBER, str(n))
    return ("" if quirks else "<!DOCTYPE html>\n") + lxml_html.tostring(page.root,
                                                                       encoding="unicode")


def cached_answers(out: Path, path: Path, markup: str, kind: str = "") -> Path:
    """Where Chromium's answers about a page's numbered markup are kept: named by the page,
    ``kind`` (``".quirks"``...) and a hash of the markup asked about. A change to the page
    model renumbers the elements (content set apart from the document, table parts
    implied): answers about the old numbers would be compared with the new ones, element by
    element, and read as thousands of differences. A new markup asks Chromium again; the
    page's answers about other markup (and those kept by page alone, before) are removed."""
    stem = path.name.split(".")[0] + kind
    found = out / f"{stem}.{hashlib.sha256(markup.encode('utf-8')).hexdigest()[:12]}.json"
    for old in [out / f"{stem}.json", *out.glob(f"{stem}.*.json")]:
        if old != found and old.exists() and (
                old.name == f"{stem}.json" or _HASHED.fullmatch(old.name[len(stem) + 1:])):
            old.unlink()
    return found


_HASHED = re.compile(r"[0-9a-f]{12}\.json")


def chromium_rows(context: Any, markup: str) -> list[list[Any]]:
    """Chromium's computed styles of the page at rest (see :func:`_at_rest`)."""
    return _at_rest(context, markup, _READ)


def _at_rest(context: Any, markup: str, script: str) -> Any:
    """What ``script`` reads of the page at rest in Chromium: its noscript content hidden,
    and its CSS animations that end (a whole number of iterations, not paused) run to their
    end first, as our cascade reads them."""
    page = context.new_page()
    try:
        page.set_content(markup, wait_until="domcontentloaded")
        page.evaluate(_HIDE_NOSCRIPT)
        page.evaluate(_SETTLE)
        return page.evaluate(script)
    finally:
        page.close()


# Whether Chromium's layout hides the text of each rendered element that holds text of its
# own from sight: its opacity (with its ancestors') is 0 or its colour transparent; the box
# of its text (its text nodes' ranges), cut by the boxes of the ancestors whose overflow is
# hidden (its own included) and by clip rectangles, is 1px or less across (``font-size: 0``,
# the sr-only patterns); or that box lies wholly before the page's left or top edge, where
# no one can scroll (an offset, a translation, ``text-indent: -9999px``). The reason, or ""
# when its text is seen. An approximation (a fixed or absolute box escapes some clipping
# ancestors): for pages whose layout it reads exactly, as tests/test_styles_browser.py's.
_SIGHT = """() => {
  const out = {};
  for (const el of document.querySelectorAll('[data-a11y-n]')) {
    const texts = [...el.childNodes].filter(
      c => c.nodeType === 3 && /[^\\s\\u200b-\\u200d\\u2060\\ufeff]/.test(c.data));
    if (!texts.length || el.closest('select, svg, iframe')) continue;
    if (!el.checkVisibility({visibilityProperty: true})) continue;   // not rendered
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const text of texts) {
      const range = document.createRange();
      range.selectNodeContents(text);
      const r = range.getBoundingClientRect();
      x1 = Math.min(x1, r.left); y1 = Math.min(y1, r.top);
      x2 = Math.max(x2, r.right); y2 = Math.max(y2, r.bottom);
    }
    const why = [];
    if (x2 <= 0 || y2 <= 0) why.push('off-screen');
    let opacity = 1;
    for (let a = el; a && a.nodeType === 1; a = a.parentElement) {
      const s = getComputedStyle(a), b = a.getBoundingClientRect();
      opacity *= parseFloat(s.opacity);
      if (['hidden', 'clip'].includes(s.overflowX)) {
        x1 = Math.max(x1, b.left); x2 = Math.min(x2, b.right); }
      if (['hidden', 'clip'].includes(s.overflowY)) {
        y1 = Math.max(y1, b.top); y2 = Math.min(y2, b.bottom); }
      const m = /rect\\(([-\\d.]+)px,? ([-\\d.]+)px,? ([-\\d.]+)px,? ([-\\d.]+)px\\)/.exec(s.clip);
      if (m && ['absolute', 'fixed'].includes(s.position)) {
        x1 = Math.max(x1, b.left + +m[4]); x2 = Math.min(x2, b.left + +m[2]);
        y1 = Math.max(y1, b.top + +m[1]); y2 = Math.min(y2, b.top + +m[3]);
      }
      if (/inset\\((50|100)%/.test(s.clipPath)) x2 = x1;
      if (s.position === 'fixed') break;
    }
    if (opacity === 0) why.push('opacity 0');
    if (/rgba\\(.*, 0\\)$|transparent/.test(getComputedStyle(el).color)) why.push('transparent');
    if (x2 - x1 <= 1 || y2 - y1 <= 1) why.push('clipped');
    out[el.getAttribute('data-a11y-n')] = why.join(', ');
  }
  return out;
}"""


def chromium_sight(context: Any, markup: str) -> dict[str, str]:
    """For each rendered element of a numbered page that holds text of its own (by its
    number), why Chromium's layout hides that text from sight, or "" (see ``_SIGHT``), on
    the page at rest (see :func:`_at_rest`)."""
    return _at_rest(context, markup, _SIGHT)


@dataclass
class SightTally:
    """``--sight``: rendered elements with text of their own, by whether we and Chromium's
    layout hide that text from sight (``both``, ``neither``, ``ours only``, ``Chromium
    only``), with the elements where we differ (page, tag, class, our reason, Chromium's,
    text)."""

    counts: collections.Counter[str] = field(default_factory=collections.Counter)
    differing: list[tuple[str, ...]] = field(default_factory=list)


def compare_sight(markup: str, chromium: dict[str, str], tally: SightTally,
                  name: str = "page") -> None:
    """Add one numbered page's comparison of text hidden from sight to ``tally``: ours is
    the element's visually hidden reason or its text's (``text-indent: -9999px``...), as
    the rules that judge only seen text read them; Chromium's, :func:`chromium_sight`."""
    page = Page.from_html(markup, source="page")
    page.style_environment = StyleEnvironment(missing_stylesheets="ignore")
    text_hidden = cascade_of(page).text_hidden
    for el in page.root.iter(tuple(page.by_tag)):
        theirs = chromium.get(el.get(NUMBER) or "")
        if theirs is None:
            continue
        ours = (page.visually_hidden(el) or text_hidden(el, page.style(el))
                if page.is_rendered(el) else "not rendered")
        kind = ("both" if theirs else "ours only") if ours else (
            "Chromium only" if theirs else "neither")
        tally.counts[kind] += 1
        if kind in ("ours only", "Chromium only"):
            tally.differing.append((name, el.tag, " ".join((el.get("class") or "").split()),
                                    ours or "",
                                    theirs, " ".join((el.text or "").split())[:40]))


def sight_report(tally: SightTally, show: int) -> str:
    counts = tally.counts
    lines = [f"{sum(counts.values()):,} rendered elements with text of their own",
             f"  hidden from sight for both:    {counts['both']:9,d}",
             f"  for neither:                   {counts['neither']:9,d}",
             f"  for us only:                   {counts['ours only']:9,d}",
             f"  for Chromium's layout only:    {counts['Chromium only']:9,d}"]
    if tally.differing and show:
        lines += ["", "where we differ (page, tag, class, our reason, Chromium's, text):"]
        lines += ["  " + " | ".join(row) for row in tally.differing[:show]]
    return "\n".join(lines)


def _rgba(text: str) -> tuple[float, ...] | None:
    """Chromium's colour as 0-255 channels and alpha (one in sRGB clipped to its gamut, as
    Chromium paints it)."""
    match = _RGBA.fullmatch(text)
    if match is None:
        found = _SRGB.fullmatch(text)
        if found is None:
            return None
        *channels, alpha = found.groups()
        red, green, blue = (max(0.0, min(1.0, float(c))) * 255 for c in channels)
        return red, green, blue, 1.0 if alpha is None else float(alpha)
    red, green, blue, alpha = match.groups()
    return float(red), float(green), float(blue), 1.0 if alpha is None else float(alpha)


def _same_colour(chromium: tuple[float, ...], ours: tuple[float, ...]) -> bool:
    if chromium[3] == 0 and ours[3] == 0:
        return True         # transparent, whatever the channels
    channels = zip(chromium[:3], ours[:3], strict=True)
    return all(abs(a - b * 255) <= 1.01 for a, b in channels) and abs(chromium[3] - ours[3]) < 0.02


def compare(markup: str, rows: list[list[Any]], tally: Tally) -> None:
    """Add the comparison of one numbered page to ``tally``."""
    page = Page.from_html(markup, source="page")
    page.style_environment = StyleEnvironment(missing_stylesheets="ignore")
    ours = {}
    for el in page.root.iter(tuple(page.by_tag)):
        number = el.get(NUMBER)
        if number is not None:
            ours[int(number)] = el
    moved: set[int] = set()     # under another parent, or under such an element
    for number, place, hidden, *values in rows:
        el = ours.get(number)
        parent = place.split(" ")[0] if place is not None else None
        if el is None or _place(el) != place or (parent is not None and int(parent) in moved):
            moved.add(number)
            tally.restructured += 1
            continue
        if el.tag in _SVG_RESOURCES or any(a.tag in _SVG_RESOURCES for a in el.iterancestors()):
            continue
        tally.elements += 1
        _compare_element(page, el, hidden, values, tally)


def _place(el: Any) -> str | None:
    """The numbers of the element's parent and of its element siblings before and after it,
    as the browser's side writes them (None for the root)."""
    up = el.getparent()
    if up is None:
        return None
    before, after = el.getprevious(), el.getnext()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    return " ".join((up.get(NUMBER) or "", "" if before is None else before.get(NUMBER) or "",
                     "" if after is None else after.get(NUMBER) or ""))


def _compare_element(page: Page, el: Any, hidden: bool, values: list[str],
                     tally: Tally) -> None:
    tag = el.tag
    ours_hidden = page.visibility_state(el)[0]
    tally.compared["displayed"] += 1
    if ours_hidden != hidden:
        origin = next(filter(None, map(cascade_of(page).display_origin,
                                       (el, *el.iterancestors()))), "")
        tally.differences[Difference("displayed", tag, str(not hidden), str(not ours_hidden),
                                     origin)] += 1
        return
    if hidden:
        return
    style = page.style(el)
    visibility, color, background, size, weight, opacity, position, *marks = values

    def check(prop: str, known: bool, same: bool, chromium: str, mine: str) -> None:
        if not known:
            tally.unknown[prop] += 1
            return
        tally.compared[prop] += 1
        if not same:
            tally.differences[Difference(prop, tag, chromium, mine,
                                         style.origin.get(prop, ""))] += 1

    check("visibility", style.visibility is not None,
          style.visibility == visibility, visibility, str(style.visibility))
    for prop, theirs, mine in (("color", color, style.color),
                               ("background-color", background, style.background_color)):
        parsed = _rgba(theirs)
        check(prop, mine is not None and parsed is not None,
              parsed is not None and mine is not None and _same_colour(parsed, mine),
              theirs, _css_rgba(mine))
    px = float(size[:-2]) if size.endswith("px") else None
    check("font-size", style.font_size is not None and px is not None,
          px is not None and style.font_size is not None and abs(px - style.font_size) < 0.05,
          size, f"{style.font_size:g}px" if style.font_size is not None else "?")
    check("font-weight", style.font_weight is not None,
          style.font_weight == round(float(weight)), weight, str(style.font_weight))
    check("opacity", style.opacity is not None,
          style.opacity is not None and abs(float(opacity) - style.opacity) < 0.01,
          opacity, f"{style.opacity:g}" if style.opacity is not None else "?")
    check("position", True, style.position == position, position, style.position)
    if marks:       # (rows cached before these were read have none)
        _compare_marks(tag, style, marks, check)


def _compare_marks(tag: str, style: Any, marks: list[Any], check: Any) -> None:
    """What link-in-text-block compares of a link and its block: the text decoration's
    lines and style, the slant, the first font family (where the page sets one) and
    whether the top and bottom borders and the outline are drawn (not on the elements the
    browser gives borders of its own, :data:`_EDGED_BY_DEFAULT`)."""
    lines, decoration, slant, family, *edges = marks
    values = style.values
    mine = values.get("text-decoration-line", "none")
    check("text-decoration-line", "var(" not in mine,
          set(mine.split()) - {"none"} == set(lines.split()) - {"none"}, lines, mine)
    mine = values.get("text-decoration-style", "solid")
    check("text-decoration-style", "var(" not in mine, mine == decoration, decoration, mine)
    mine = values.get("font-style", "normal")
    check("font-style", "var(" not in mine, mine.split()[0] == slant.split()[0], slant, mine)
    mine = values.get("font-family", "")
    # (the browser's default family where none is set, and its platform font for form
    # controls: not compared)
    if mine and mine != CONTROL_FONT_FAMILY:
        first = family.split(",")[0].strip().strip("\"'").lower()
        check("font-family", "var(" not in mine,
              mine.split(",")[0].strip().strip("\"'") == first, first, mine)
    if tag in _EDGED_BY_DEFAULT:
        return
    for name, theirs in zip(("border-top", "border-bottom", "outline"), edges, strict=True):
        shown = edge_drawn(style, name)
        check(name, shown is not None, shown == theirs, str(theirs), str(shown))


# Elements whose borders the browser draws by its defaults or from a presentational
# attribute (``<table border>``, ``<img border>``), which the cascade does not track: the rule
# that reads edges reads them on links and the text inside links
_EDGED_BY_DEFAULT = frozenset(("input", "select", "button", "textarea", "dialog", "hr",
                               "fieldset", "iframe", "frame", "table", "td", "th", "img",
                               "object", "embed", "meter", "progress"))


def _css_rgba(value: Any) -> str:
    if value is None:
        return "?"
    red, green, blue, alpha = value
    channels = f"{round(red * 255)}, {round(green * 255)}, {round(blue * 255)}"
    return f"rgb({channels})" if alpha >= 1 else f"rgba({channels}, {alpha:g})"


def read_page(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return decode_exact(data, path.name)[0]


def corpus_files() -> list[Path]:
    root = Path(os.environ.get("A11Y_AUDIT_CORPUS") or Path(
        os.environ.get("A11Y_AUDIT_SHARED", REPO.parent / "shared")) / "corpus" / "news")
    files = sorted(root.glob("*.html.gz"))
    if not files:
        raise SystemExit(f"no corpus at {root} (set A11Y_AUDIT_CORPUS or A11Y_AUDIT_SHARED)")
    return files


def report(tally: Tally, show: int) -> str:
    lines = [f"{tally.elements:,} elements compared ({tally.restructured:,} left out: placed "
             "elsewhere in Chromium's tree)", "",
             f"{'property':18s} {'compared':>9s} {'differ':>7s} {'agree':>8s} {'unknown':>8s}"]
    for prop in PROPERTIES:
        compared, differ = tally.compared[prop], tally.differ(prop)
        share = f"{100 * (compared - differ) / compared:.2f}%" if compared else "-"
        lines.append(f"{prop:18s} {compared:9,d} {differ:7,d} {share:>8s} "
                     f"{tally.unknown[prop]:8,d}")
    if tally.differences and show:
        lines += ["", "most frequent differences (property, tag: Chromium's value / ours, "
                      "where ours came from):"]
        for d, n in tally.differences.most_common(show):
            lines.append(f"{n:6,d}  {d.property}, <{d.tag}>: {d.chromium} / {d.ours}"
                         + (f"  ({d.origin})" if d.origin else ""))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", type=Path, help="HTML files (default: the corpus)")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--show", type=int, default=25, help="differences to list")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Chromium's answers")
    parser.add_argument("--force", action="store_true", help="ask Chromium again")
    parser.add_argument("--sight", action="store_true",
                        help="compare whether text is hidden from sight with Chromium's layout")
    parser.add_argument("--quirks", action="store_true",
                        help="load the pages without a doctype (quirks mode), as they were "
                             "saved, rather than with <!DOCTYPE html>")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} not found: run bash scripts/install-browser-deps.sh")
    files = args.pages or corpus_files()
    files = files[:args.limit] if args.limit else files
    args.out.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    sight = SightTally()
    started = time.perf_counter()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = axe_corpus.offline_context(browser)
        for n, path in enumerate(files, 1):
            markup = numbered(read_page(path), args.quirks)
            # Chromium's answers, cached by page and markup (--force: asked again)
            cached = cached_answers(args.out, path, markup, (".sight" if args.sight else "")
                                    + (".quirks" if args.quirks else ""))
            if cached.exists() and not args.force:
                answers = json.loads(cached.read_text(encoding="utf-8"))
            else:
                answers = (chromium_sight if args.sight else chromium_rows)(context, markup)
                cached.write_text(json.dumps(answers), encoding="utf-8")
            if args.sight:
                compare_sight(markup, answers, sight, path.name[:16])
            else:
                compare(markup, answers, tally)
            print(f"[{n}/{len(files)}] {path.name[:16]} {len(answers)} "
                  f"{'elements with text' if args.sight else 'elements'}", file=sys.stderr)
        browser.close()
    print(sight_report(sight, args.show) if args.sight else report(tally, args.show))
    print(f"\n{len(files)} pages in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
