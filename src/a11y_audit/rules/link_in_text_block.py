"""A link inside a paragraph of text is told from that text by more than colour.

A reader who does not see colour differences (colour blindness, a monochrome display, a
phone in sunlight) cannot find the links in an article whose template removes their
underline and marks them by colour alone: the story's sources and the related coverage
disappear into the text. WCAG 1.4.1 (failure F73) asks for a cue other than colour, or,
as technique G183 allows, a contrast of at least 3:1 between the link's colour and the
text around it.

As axe-core's ``link-in-text-block``: it applies to each rendered, on-screen link
(``<a href>`` or ``role="link"``, no other role) with visible text that stands inline in a
block of text: the text of its block (the nearest ``block``, ``list-item``, ``table``,
``flex`` or ``grid`` ancestor), cut at line breaks and nested blocks around the link, holds
more characters outside links and other widgets than inside them (a line of links such as
"Tags: Politics / Europe" is not a text block). The link passes when it is styled apart
from its block (the nearest block or inline-block ancestor): an underline or other text
decoration, a decoration style, a font weight, slant, size or first font family of its
own, a visible top or bottom border or outline, or a background image; or when its text
colour has a contrast of at least 3:1 with the block's, or its background with the
block's background; or when it has the same colours as its block (nothing then relies on
colour). It fails when only colour tells it apart, under 3:1. Computed styles come from
the cascade (:mod:`a11y_audit.semantics.cascade`), colours as color-contrast composes
them.

Differs from axe-core: the text inside the link counts as well as the link's own style:
when elements inside it set all of its text apart (``<a href><u>dark matter</u></a>``, as
one publisher's CMS writes every article link) it passes, and when they set apart only
part of it the answer is cantTell; axe-core reads the link's own style alone and fails
such links. What is not rendered (``display: none`` from any stylesheet, not only a
``style`` attribute) is left out of the block's text. Answers cantTell where axe-core in a
browser would measure: when a linked stylesheet could not be read (one result for the
page, naming it, as color-contrast does), when a value is unknown (an unresolved ``var()``)
or the colours cannot be composed (a background image, translucency, a positioned box);
and, as axe-core does, when a ``::before`` or ``::after`` rule gives the link content that
may mark it (an icon after an external link).

Fails::

    <style>p { color: #333 } a { color: #1a73e8; text-decoration: none }</style>
    <p>The council voted on Tuesday, <a href="/vote">the minutes show</a>, by a wide
      margin.</p>

Passes::

    <style>p { color: #333 }
      a { color: #1a73e8; text-decoration: none; border-bottom: 1px solid }</style>
    <p>The council voted on Tuesday, <a href="/vote">the minutes show</a>, by a wide
      margin.</p>

Limits: styles of ``:hover`` and ``:focus`` are not read (axe-core does not weigh them
either); a decoration that an inline element between the link and its block draws across
the link is not seen.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from a11y_audit.checks.contrast import (
    ON_OWN_STYLES,
    hex_color,
    judged_without,
    painted,
    ratio,
    short_address,
    stylesheet_remedy,
)
from a11y_audit.dom import normalize_space, text_content
from a11y_audit.knowledge.aria import is_widget
from a11y_audit.outcome import Outcome
from a11y_audit.rule import Element, Page, Result, Results, Rule
from a11y_audit.semantics.cascade import Style, cascade_of, edge_drawn
from a11y_audit.semantics.visible_text import has_visible_text

RULE = Rule(
    id="link-in-text-block",
    impact="serious",
    wcag=("1.4.1",),
    help="Underline links in text (or mark them otherwise than by colour), or give their "
         "colour a contrast of at least 3:1 with the text around them",
    seen_only=True,
    template_values=("style",),
)

_REQUIRED = 3.0
# Displays that make a box a block of text around a link (axe-core's isInTextBlock), and
# those that keep a link out of the text (it is a box of its own)
_BLOCKS = frozenset(("block", "list-item", "table", "flex", "grid"))
_INLINE_BOXES = frozenset(("inline-block", "inline-flex", "inline-grid"))
# The block a link's styles are compared with may also be an inline block (axe-core's checks)
_STYLE_BLOCKS = _BLOCKS | {"inline-block"}
_FOREIGN = frozenset(("svg", "math"))
# The cheap look of each inline-style property axe-core reads from the ``style`` attribute
# alone while it walks a block's text (a float, a positioned or clipped box is not text)
_INLINE_OUT = (re.compile(r"(?:^|;)\s*overflow\s*:\s*hidden\s*(?:!\s*important\s*)?(?:;|$)",
                          re.I),
               re.compile(r"(?:^|;)\s*float\s*:\s*(?!none\s*(?:!\s*important\s*)?(?:;|$))\S",
                          re.I),
               re.compile(r"(?:^|;)\s*position\s*:\s*(?!relative\s*(?:!\s*important\s*)?"
                          r"(?:;|$))\S", re.I))


class _Unknown(Exception):
    """A value the decision needs is not known (the message says which)."""


def check(page: Page) -> Results:
    links = _links(page)
    if not links:
        return
    cascade = cascade_of(page)
    standing = _Standing(page)
    if cascade.missing:
        # One answer for the page, on a link that may stand in text: which stylesheet to
        # supply, not one doubt per link (as color-contrast)
        link = _first_standing(links, standing)
        if link is not None:
            address = cascade.missing[0]
            yield RULE.cant_tell(link, f"Whether links stand out from the text around them "
                                       f"cannot be judged: the stylesheet "
                                       f"{short_address(address)} could not be read, so "
                                       f"their styles are unknown "
                                       f"({stylesheet_remedy(address)})")
        return
    absent = judged_without(cascade)
    for link in links:
        try:
            text_block = standing.block_of(link)
        except _Unknown as doubt:
            yield RULE.cant_tell(link, f"Whether the link stands in a block of text cannot "
                                       f"be decided: {doubt}")
            continue
        if text_block is not None:
            style_block = _style_block(page, link)
            judged = _judge(page, link, text_block if style_block is None else style_block,
                            absent)
            if cascade.partial_styles_only and judged.outcome is not Outcome.CANT_TELL:
                # (a partial's own styles: what they fail is to review; what they pass,
                # the page that includes it decides)
                if judged.outcome is Outcome.FAILED:
                    yield RULE.cant_tell(link, judged.message + ON_OWN_STYLES)
                continue
            yield judged


def _links(page: Page) -> list[Element]:
    """``a[href]`` without another role, and elements whose role is ``link``."""
    roles = page.explicit_roles
    found = [el for el in page.select("a[href]") if roles.get(el, "link") == "link"]
    found += [el for el, role in roles.items() if role == "link" and el.tag != "a"]
    if len(found) > 1:
        found.sort(key=page.order.__getitem__)
    return found


def _first_standing(links: list[Element], standing: _Standing) -> Element | None:
    """A link that stands in a block of text (or may: a display is unknown), None when none
    does. Links beside text of their parent's first: most pages open with menus of links,
    each a block of its own, and their text blocks are read for nothing."""
    for link in _beside_text_first(links):
        try:
            if standing.block_of(link) is not None:
                return link
        except _Unknown:
            return link
    return None


def _beside_text_first(links: list[Element]) -> Iterator[Element]:
    later = []
    for link in links:
        if _without_text_beside(link):
            later.append(link)
        else:
            yield link
    yield from later


def _without_text_beside(link: Element) -> bool:
    """The link's parent holds no text of its own (a menu item's ``<li><a>``)."""
    parent = link.getparent()
    if parent is None:
        return True
    if parent.text and not parent.text.isspace():
        return False
    return not any(child.tail and not child.tail.isspace() for child in parent)


def _is_block(display: str, kinds: frozenset[str] = _BLOCKS) -> bool:
    return display in kinds or display.startswith("table-")


class _Standing:
    """Which links of a page stand in a block of text (axe-core's
    ``link-in-text-block-matches``). Each block's text is read once for all its links: a
    link's own walk of its block, as axe-core does it, was a walk of the block per link."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.displays = cascade_of(page).display
        self.lines: dict[Element, dict[Element, bool] | _Unknown] = {}

    def display(self, el: Element) -> str:
        display = self.displays(el)
        if display is None:
            raise _Unknown(f"the display of <{el.tag}> is not known "
                           f"({self.page.style(el).origin.get('display', 'unknown value')})")
        return display

    def block_of(self, link: Element) -> Element | None:
        """The block of text ``link`` stands in, None when the rule does not apply to it;
        _Unknown when a display it depends on is not known."""
        page = self.page
        if not page.is_rendered(link):
            return None
        display = self.display(link)
        if _is_block(display) or display in _INLINE_BOXES:
            return None
        block = link.getparent()
        while block is not None and not _is_block(self.display(block)):
            if block.tag in _FOREIGN:
                return None     # a link in an SVG drawing is not in running text
            block = block.getparent()
        if block is None or block.tag in _FOREIGN:
            return None
        lines = self.lines.get(block)
        if lines is None:
            try:
                lines = self.lines[block] = self._lines(block)
            except _Unknown as unknown:
                lines = self.lines[block] = unknown
        if isinstance(lines, _Unknown):
            raise lines
        if not lines.get(link) or page.visually_hidden(link) is not None:
            return None
        if not has_visible_text(link, page):
            return None
        return block

    def _lines(self, block: Element) -> dict[Element, bool]:
        """For each widget in ``block``'s text (outside nested blocks and widgets), whether
        its line (the text between the line breaks and nested blocks around it) holds more
        characters outside widgets than in them, white space collapsed."""
        page = self.page
        found: dict[Element, bool] = {}
        text: list[str] = [block.text or ""]
        widgets: list[str] = []
        members: list[Element] = []

        def line_break() -> None:
            if members:
                mostly = len(normalize_space("".join(text))) > len(
                    normalize_space("".join(widgets)))
                for member in members:
                    found[member] = mostly
                members.clear()
            text.clear()
            widgets.clear()

        stack: list[tuple[Element, Iterator[Element]]] = [(block, iter(block))]
        while stack:
            parent, children = stack[-1]
            el = next(children, None)
            if el is None:
                stack.pop()
                if stack and parent.tail:
                    text.append(parent.tail)
                continue
            if isinstance(el.tag, str):
                if _is_block(self.display(el)) or el.tag in ("br", "hr"):
                    line_break()
                elif el.tag not in _FOREIGN and page.is_rendered(el) and not _inline_out(el):
                    if is_widget(page.role(el)):
                        widgets.append(text_content(el))
                        members.append(el)
                    else:
                        text.append(el.text or "")
                        stack.append((el, iter(el)))
                        continue
            if el.tail:
                text.append(el.tail)
        line_break()
        return found


def _style_block(page: Page, link: Element) -> Element | None:
    display_of = cascade_of(page).display
    block = link.getparent()
    while block is not None:
        display = display_of(block)
        if display is not None and _is_block(display, _STYLE_BLOCKS):
            return block
        block = block.getparent()
    return None


def _inline_out(el: Element) -> bool:
    inline = el.get("style")
    return inline is not None and any(pattern.search(inline) for pattern in _INLINE_OUT)


def _judge(page: Page, link: Element, block: Element, absent: str) -> Result:
    link_style = page.style(link)
    block_style = page.style(block)
    doubt = ""
    try:
        apart = _styled_apart(link_style, block_style)
    except _Unknown as unknown:
        apart, doubt = None, str(unknown)
    if apart:
        return RULE.ok(link, f"The link is told from the text around it by {apart}")
    inside, partly = _text_apart(page, link, block_style)
    if inside and not partly:
        return RULE.ok(link, f"The link's text is told from the text around it by {inside}")
    mine, theirs = painted(page, link), painted(page, block)
    if isinstance(mine, str) or isinstance(theirs, str):
        reason = mine if isinstance(mine, str) else theirs
        return RULE.cant_tell(link, f"The link has no underline or other mark of its own"
                              f"{' that is known' if doubt else ''}, and its colours "
                              f"cannot be compared with the text's: {reason}")
    link_fg, link_bg = mine
    block_fg, block_bg = theirs
    text = _floor(ratio(link_fg, block_fg))
    if text >= _REQUIRED:
        return RULE.ok(link, f"The link's colour {hex_color(link_fg)} has a contrast of "
                             f"{text:.2f}:1 with the text around it ({hex_color(block_fg)})")
    back = _floor(ratio(link_bg, block_bg))
    if back >= _REQUIRED:
        return RULE.ok(link, f"The link's background {hex_color(link_bg)} has a contrast "
                             f"of {back:.2f}:1 with the text's ({hex_color(block_bg)})")
    if text == 1 and back == 1:
        return RULE.ok(link, "The link has the colours of the text around it: nothing "
                             "relies on colour to tell it apart")
    if inside:
        return RULE.cant_tell(link, f"Part of the link's text is told from the text around "
                                    f"it by {inside}, the rest by colour only ({text:.2f}:1):"
                                    f" check it on the page")
    if doubt:
        return RULE.cant_tell(link, f"The link's colour is told from the text's only at "
                                    f"{text:.2f}:1, and whether it is styled apart "
                                    f"otherwise cannot be decided: {doubt}")
    generated = cascade_of(page).generated(link)
    if generated is not None:
        return RULE.cant_tell(link, f"The link is told from the text around it by colour "
                                    f"only ({text:.2f}:1), but {generated} gives it content "
                                    f"that may mark it: check it on the page")
    removed = _removed_underline(link_style)
    if text == 1:
        message = (f"The link is told from the text around it by its background alone: "
                   f"{hex_color(link_bg)} against {hex_color(block_bg)}, a contrast of "
                   f"{back:.2f}:1 (at least 3:1 is needed without another mark)")
    else:
        message = (f"The link is told from the text around it by colour alone: "
                   f"{hex_color(link_fg)} against the text's {hex_color(block_fg)}, a "
                   f"contrast of {text:.2f}:1 (at least 3:1 is needed without an "
                   f"underline or another mark)")
    return RULE.fail(link, message + removed + absent)


def _text_apart(page: Page, link: Element, block: Style) -> tuple[str, bool]:
    """How the elements inside ``link`` that hold its visible text set it apart from the
    block (``<a><u>Europa</u></a>``: "its underline"), "" when none does; and whether some
    of the text is outside such elements (then only part of it stands out). Decorations
    reach the text inside a decorated element, so an element under one that is set apart
    is set apart too. Differs from axe-core, which reads the link's own style alone."""
    found = ""
    plain = False
    # (element, how it or an element between it and the link is set apart)
    stack: list[tuple[Element, str]] = [(link, "")]
    while stack:
        el, above = stack.pop()
        how = above
        if el is not link and not how:
            if not page.is_rendered(el):
                continue
            try:
                how = _styled_apart(page.style(el), block)
            except _Unknown:
                how = ""
        if el.text and el.text.strip():
            found, plain = (found or how, plain) if how else (found, True)
        for child in el:
            if isinstance(child.tag, str):
                stack.append((child, how))
            if child.tail and child.tail.strip():
                found, plain = (found or how, plain) if how else (found, True)
    return found, plain


def _floor(value: float) -> float:
    """Two decimals, rounded down (as axe-core rounds the ratios it compares)."""
    return math.floor(value * 100) / 100


def _removed_underline(style: Style) -> str:
    origin = style.origin.get("text-decoration-line")
    if not origin or style.values.get("text-decoration-line", "none") != "none":
        return ""
    if origin == "style attribute":
        return "; its style attribute removes the underline"
    return f"; the style rule `{origin}` removes its underline"


def _styled_apart(link: Style, block: Style) -> str:
    """How the link's computed style sets it apart from its block's, "" when it does not
    (axe-core's ``elementIsDistinct``); _Unknown when a value that could is not known."""
    unknown: list[str] = []
    image = link.background_image
    if image:
        return "a background image"
    if image is None:
        unknown.append("its background image")
    for edge, name in (("border-bottom", "a bottom border"), ("border-top", "a top border"),
                       ("outline", "an outline")):
        shown = edge_drawn(link, edge)
        if shown:
            return name
        if shown is None:
            unknown.append(f"its {edge}")
    family, theirs = _first_family(link), _first_family(block)
    if family is None or theirs is None:
        unknown.append("its font")
    elif family != theirs:
        return f"its font ({family or 'the default'} against {theirs or 'the default'})"
    values, other = link.values, block.values
    for name, what, default in (("text-decoration-line", "its text decoration", "none"),
                                ("text-decoration-style", "its decoration style", "solid"),
                                ("font-style", "its slant", "normal")):
        mine, its = values.get(name, default), other.get(name, default)
        if "var()" in mine or "var()" in its:
            unknown.append(what)
        elif mine != its:
            if name == "text-decoration-line" and "underline" in mine:
                return "its underline"
            return f"{what} ({mine} against {its})"
    if link.font_weight is None or block.font_weight is None:
        unknown.append("its font weight")
    elif link.font_weight != block.font_weight:
        return f"its font weight ({link.font_weight} against {block.font_weight})"
    if link.font_size is None or block.font_size is None:
        unknown.append("its font size")
    elif abs(link.font_size - block.font_size) >= 0.01:
        return f"its font size ({link.font_size:g}px against {block.font_size:g}px)"
    if unknown:
        raise _Unknown(f"{', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} "
                       f"not known")
    return ""


def _first_family(style: Style) -> str | None:
    """The first family of the font-family (lower case, unquoted; "" for the browser's
    default), None when unknown."""
    value = style.values.get("font-family", "")
    if "var(" in value:
        return None
    return value.split(",")[0].strip().strip("\"'").strip()
