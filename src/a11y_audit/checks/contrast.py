"""Text contrast from the cascade: decided where the colours are fully known, else cantTell.

WCAG 2.2 relative luminance and contrast ratio (Understanding 1.4.3); large-scale text is at
least 24px, or 18.66px (14pt) and bold. The background is composed from the text element up
through its ancestors' background colours onto the white canvas; the answer is cantTell,
with the reason, when anything on that path is not a plain colour the cascade resolved:

* a background image or gradient (the text may sit on any pixel of it);
* ``opacity`` below 1 above the element that paints the background, a ``filter`` or a
  ``mix-blend-mode`` (opacity between the text and its background is folded into the text
  colour, as browsers paint it);
* a box positioned ``absolute``/``fixed`` with no background of its own (it sits over content
  the cascade cannot place);
* unknown values (an unresolved ``var()``, system colours) and a linked stylesheet that
  could not be read;
* a style rule the cascade does not evaluate (in ``@container``, with a state it does not
  judge such as ``:invalid``...) that may set the colours, opacity, filter, shadow, font size
  or weight, or a custom property, of the element or an ancestor
  (:meth:`a11y_audit.semantics.cascade.Cascade.repaint_doubt`);
* ``text-shadow`` or ``-webkit-text-fill-color`` (a shadow can raise or lower the contrast;
  a shadow whose colour is all but transparent, alpha 0.01 or less, paints nothing and is
  ignored),
  and failing text with fewer than two letters (it may not be text in a human language: "X"
  on a close button, "»").

Applicability follows ACT rules afw4f7 and 09o5cg: visible text in HTML elements (and, as
axe-core's ``color-contrast-matches``, the ``value`` an ``<input type="submit|reset|button">``
shows when the page sets its colour or background, at the browsers' 13.33px control font size
unless the page sets one), except in
disabled widgets and groups and the labels of disabled widgets; text whose colour equals its
background (1:1) is not a visual presentation of text and is not tested.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import compress, filterfalse
from typing import TYPE_CHECKING

import tinycss2
from lxml import etree

from a11y_audit.dom import DEPTHS, tag_of, unknown_chain
from a11y_audit.dom import depth as depth_of
from a11y_audit.outcome import Outcome
from a11y_audit.semantics.cascade import (
    BROWSER_DEFAULT,
    INCLUDING_PAGE,
    RGBA,
    ROOT_RELATIVE,
    cascade_of,
    dark_scheme,
    parse_color,
)
from a11y_audit.semantics.page_text import page_text

if TYPE_CHECKING:
    from a11y_audit.page import Page
    from a11y_audit.rule import Result, Results, Rule
    from a11y_audit.semantics.cascade import Cascade

Element = etree._Element

_NO_TEXT = frozenset((
    "script", "style", "template", "noscript", "head", "title", "meta", "link", "desc",
    "datalist", "param", "source", "track", "iframe", "frame", "audio", "video", "object",
    "embed", "canvas", "select", "option", "optgroup", "textarea", "math", "svg", "html",
))
_CONTROLS = frozenset(("button", "input", "select", "textarea"))
_DISABLABLE = frozenset(("button", "input", "select", "textarea", "optgroup", "option",
                         "fieldset"))
_WIDGET_ROLES = frozenset((
    "button", "checkbox", "combobox", "gridcell", "link", "listbox", "menuitem",
    "menuitemcheckbox", "menuitemradio", "option", "progressbar", "radio", "scrollbar",
    "searchbox", "slider", "spinbutton", "switch", "tab", "tabpanel", "textbox", "treeitem",
    "grid", "menu", "menubar", "radiogroup", "tablist", "tree", "treegrid", "group",
    "toolbar", "row", "columnheader", "rowheader",
))
WHITE: RGBA = (1.0, 1.0, 1.0, 1.0)
# The canvas of a page whose root's colour scheme is dark (Chromium's dark Canvas)
DARK_CANVAS: RGBA = (18 / 255, 18 / 255, 18 / 255, 1.0)
_MAX_DEPTH = 256


@dataclass(slots=True, unsafe_hash=True)
class Verdict:
    """One element's text contrast: ``ratio`` when decided, else ``doubt`` says why not.

    Treat it as immutable (it hashes by value); not a frozen dataclass because one is built
    per text element (hundreds a page), and a frozen dataclass's ``__init__`` sets each of
    its nine fields by ``object.__setattr__``, several times the cost of a slotted one's."""

    element: Element
    ratio: float | None
    foreground: RGBA | None
    background: RGBA | None
    large: bool | None
    font_size: float | None
    doubt: str = ""          # why the ratio cannot be trusted (cantTell)
    shadow: bool = False     # a text shadow or fill colour may raise the contrast
    letters: int = 0         # letters of the text, counted up to 2 (see _letters); -1:
    #                          not counted yet (results() counts them for failures only)


@functools.lru_cache(maxsize=4096)
def luminance(color: RGBA) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b, _ = color
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(a: RGBA, b: RGBA) -> float:
    la, lb = luminance(a), luminance(b)
    light, dark = max(la, lb), min(la, lb)
    return (light + 0.05) / (dark + 0.05)


def over(top: RGBA, below: RGBA) -> RGBA:
    """``top`` painted with its alpha over an opaque ``below``."""
    alpha = top[3]
    return (top[0] * alpha + below[0] * (1 - alpha), top[1] * alpha + below[1] * (1 - alpha),
            top[2] * alpha + below[2] * (1 - alpha), 1.0)


@functools.lru_cache(maxsize=4096)
def hex_color(color: RGBA | None) -> str:
    if color is None:
        return "unknown"
    return "#" + "".join(f"{round(c * 255):02x}" for c in color[:3])


_BUTTON_INPUTS = frozenset(("button", "submit", "reset"))
_AUTHOR_PAINT = frozenset(("color", "background", "background-color"))


def own_text(el: Element) -> str:
    """The element's own text nodes (not its children's); for an ``<input>`` button, the
    ``value`` it shows as its label."""
    if tag_of(el) == "input":
        kind = (el.get("type") or "").strip().lower()
        return (el.get("value") or "") if kind in _BUTTON_INPUTS else ""
    parts = [el.text or ""]
    parts.extend(child.tail or "" for child in el)
    return "".join(parts)


_FOREIGN_TEXT = ("svg", "math", "select", "textarea")


def _in_foreign_content(page: Page) -> set[Element]:
    """Elements with an ``svg``, ``math``, ``select`` or ``textarea`` ancestor at most
    ``_MAX_DEPTH`` levels up: one walk of those (small) subtrees instead of a walk up the
    ancestors of every element of the page."""
    inside: set[Element] = set()
    for top in page.select(*_FOREIGN_TEXT):
        stack = [(child, 1) for child in top]
        while stack:
            node, depth = stack.pop()
            inside.add(node)
            if depth < _MAX_DEPTH:
                stack.extend((child, depth + 1) for child in node)
    return inside


def text_elements(page: Page) -> list[Element]:
    """Rendered HTML elements with text of their own that is not white space, in document
    order (memoised: the contrast and text-size rules all read it)."""
    return page.memo("contrast.text_elements", _text_elements_read)


_TAG = operator.attrgetter("tag")
_PARENT = etree._Element.getparent


def _not_blank(elements: list[Element], texts: list[str | None]) -> Iterator[Element]:
    """The elements whose text in ``texts`` (aligned with them) is neither None, empty nor
    white space, picked in C: ``compress`` by truth, then by ``not str.isspace``."""
    return compress(compress(elements, texts),  # (the ignore: no None passes compress)
                    map(operator.not_,
                        map(str.isspace, compress(texts, texts))))  # type: ignore[arg-type]


def _text_elements_read(page: Page) -> list[Element]:
    """:func:`_text_elements_walk`'s answer with no Python step per element: each element's
    text and tail are read by ``attrgetter`` mapped over the page's elements and sifted by
    ``compress`` (the walk reads the tag of each element, and for each element without text
    of its own makes an iterator over its children to read their tails). A child's tail is
    its parent's own text, so the parents of the elements with a tail that is not white
    space (and of such comments and processing instructions, which are children too) have
    text. Tags come from the tag index (keyed by ``el.tag`` itself, but for namespaced names,
    which are read at the end); the text of scripts and styles is not read (a script's can
    be a megabyte of JSON), and the other skipped elements' text is read with the page's
    (:func:`page_text`) but left out here. The elements found are taken in document order
    and then asked the rest.

    ~2.1 M instructions a page against ~2.6 M for the walk (callgrind, every 18th corpus
    page); what is left is mostly lxml's reading of the text and tails."""
    elements = page.elements
    by_tag = page.by_tag
    read = page_text(page)
    # (parents, as getparent types them: a None would be dropped by the filter by elements)
    found: set[Element | None] = set(_not_blank(read.elements, read.texts))
    found.update(map(_PARENT, _not_blank(elements, read.tails)))
    for node in read.others:
        tail = node.tail
        if tail and not tail.isspace():
            found.add(node.getparent())
    for tag in _NO_TEXT:
        skipped = by_tag.get(tag)
        if skipped:
            found.difference_update(skipped)
    inputs = by_tag.get("input", ())
    if inputs:
        found.difference_update(inputs)  # an input shows its value, not text nodes
        found.update(el for el in inputs if own_text(el).strip())
    ordered: Iterator[Element] = filter(found.__contains__, elements)   # document order
    foreign = _in_foreign_content(page)     # (empty on most pages)
    if foreign:
        ordered = filterfalse(foreign.__contains__, ordered)
    found_in_order = list(filter(page.is_rendered, ordered))
    if "{" in "".join(map(_TAG, found_in_order)):
        # A namespaced name (a tree not from the HTML parser): not HTML text. The tag index
        # has its local name, so only the tags of what was found tell.
        found_in_order = [el for el in found_in_order if el.tag[0] != "{"]
    return found_in_order


def _text_elements_walk(page: Page) -> list[Element]:
    """Rendered HTML elements with text of their own that is not white space, in document
    order, each element's tag, text and children read in Python: the general path (any tree,
    namespaced names too), and the reference the tests compare the fast one with."""
    foreign = _in_foreign_content(page)     # (empty on most pages)
    rendered = page.is_rendered
    found = []
    # Every element of the page, tested in Python: the page's list of them exists
    # already, and reading each one's text costs less than libxml2's XPath
    # ``descendant-or-self::*[text() or self::input]`` did to find the candidates (its
    # predicate builds a node set per element): 3.8 M instructions a page against 5.1 M
    # for this loop (callgrind, every 6th corpus page).
    for el in page.elements:
        tag = el.tag   # a Page's element: the lower-case local name (see dom.tag_of)
        if tag in _NO_TEXT or not tag:
            continue
        # Own text that is not white space (``own_text(el).strip()``, without joining the
        # text; ``str.isspace`` and ``str.strip`` agree on white space), inline: every
        # candidate of the page asks it.
        if tag == "input":
            if not own_text(el).strip():
                continue
        else:
            text = el.text
            if not text or text.isspace():
                for child in el:
                    tail = child.tail
                    if tail and not tail.isspace():
                        break
                else:
                    continue
        if tag[0] == "{" or (foreign and el in foreign) or not rendered(el):
            continue
        found.append(el)
    return found


def disabled_reason(page: Page, el: Element) -> str | None:
    """Why the text is exempt: inside a disabled widget or group, or in the label of one."""
    by_attribute = page.by_attribute
    if "disabled" not in by_attribute and "aria-disabled" not in by_attribute:
        return None     # no element is disabled (most pages): no walk up the ancestors
    for node in (el, *el.iterancestors()):
        reason = _disabled_at(page, el, node)
        if reason is not None:
            return reason
    return None


def _disabled_at(page: Page, el: Element, node: Element) -> str | None:
    """What exempts ``el``'s text at ``node`` (``el`` or an ancestor): one step of
    :func:`disabled_reason`'s walk up. Only a disabled fieldset's answer depends on ``el``
    (the text of its first legend is not exempt)."""
    tag = node.tag
    if tag in _DISABLABLE and node.get("disabled") is not None:
        if tag == "fieldset" and _in_first_legend(el, node):
            return None
        return f"inside disabled <{tag}>"
    if (node.get("aria-disabled") or "").strip().lower() == "true" and (
            page.role(node) in _WIDGET_ROLES):
        return f'inside <{tag} aria-disabled="true">'
    if tag == "label":
        for control in _labelled(page, node):
            if control.get("disabled") is not None or (
                    control.get("aria-disabled") or "").strip().lower() == "true":
                return "the label of a disabled control"
    ident = node.get("id")
    if ident and ident in _labels_of_disabled(page):
        return "the label of a disabled control"
    return None


def _disabled_reasons_on(page: Page) -> Callable[[Element], str | None]:
    """:func:`disabled_reason` for the elements of one page. Without a disabled fieldset
    (whose answer depends on the text's element) the answer at an element is its own step's,
    else its parent's: memoised by element along the way down, text elements share their
    ancestors, where each one's walk asked every step of it again (the pages with a disabled
    control judge hundreds of texts)."""
    if any(node.tag == "fieldset" for node in page.by_attribute.get("disabled", ())):
        return functools.partial(disabled_reason, page)
    memo: dict[Element, str] = {}      # "" when nothing exempts (unknown_chain needs a value)

    def reason(el: Element) -> str | None:
        chain, found = unknown_chain(memo, el, "")
        for node in chain:                  # outermost first: the parent's answer known
            found = memo[node] = _disabled_at(page, node, node) or found
        return found or None

    return reason


def _labels_of_disabled(page: Page) -> frozenset[str]:
    """The ids that ``aria-labelledby`` of a disabled control names (memoised per page: asked
    for every ancestor with an id of every text element)."""
    def compute(page: Page) -> frozenset[str]:
        found: set[str] = set()
        for user in page.by_attribute.get("aria-labelledby", ()):
            if ((user.get("aria-disabled") or "").strip().lower() == "true"
                    or (tag_of(user) in _DISABLABLE and user.get("disabled") is not None)):
                found.update((user.get("aria-labelledby") or "").split())
        return frozenset(found)

    return page.memo("contrast.labels-of-disabled", compute)


def _labelled(page: Page, label: Element) -> list[Element]:
    found = [c for c in label.iterdescendants() if tag_of(c) in _CONTROLS]
    target = label.get("for")
    if target and target in page.ids:
        found.append(page.ids[target])
    return found


def _in_first_legend(el: Element, fieldset: Element) -> bool:
    legend = next((c for c in fieldset if tag_of(c) == "legend"), None)
    return legend is not None and (el is legend or legend in el.iterancestors())


def judge(page: Page, el: Element) -> Verdict | None:
    """The contrast of ``el``'s own text, or None when the rule does not apply to it."""
    return _judge_on(page)(el, True)


def _judge_on(page: Page) -> Callable[[Element, bool], Verdict | None]:
    """:func:`judge` for the elements of one page: what it needs per element (the cascade
    and its text-hiding test, the depth and backdrop memos, whether anything on the page is
    disabled) looked up once, since ``results`` judges every text element of the page
    (hundreds) and those look-ups were a fifth of each verdict's cost. Without
    ``count_letters``, a verdict's ``letters`` are -1, not counted: only a failure reads them
    (:func:`_decide`), and counting them for every text element was ~9% of the contrast
    rules' own time on the pages they judge. The tests compare verdicts judged in order,
    sharing the memos, with each text judged alone."""
    cascade = cascade_of(page)
    style_of = cascade.style
    hidden_from_sight = cascade.visually_hidden
    text_hidden = cascade.text_hidden
    depths: dict[Element, int] = page.memo(DEPTHS, lambda _: {})
    memos: tuple[dict[Element, str | Backdrop], dict[Element, str | Backdrop]] = page.memo(
        "contrast.backdrop", lambda _: ({}, {}))
    by_attribute = page.by_attribute
    exemption = (_disabled_reasons_on(page) if "disabled" in by_attribute
                 or "aria-disabled" in by_attribute else None)
    # a rule the cascade does not evaluate that may repaint the text (nearly never one)
    repaint = cascade.repaint_doubt if cascade.repaints else None

    def judged(el: Element, count_letters: bool) -> Verdict | None:
        # More than _MAX_DEPTH ancestors: every walk below is bounded by the depth, and
        # absurd nesting is not judged. Depths are memoised along the way up (text elements
        # share most of their ancestors).
        if depth_of(depths, el) > _MAX_DEPTH:
            return Verdict(el, None, None, None, None, None,
                           f"nested more than {_MAX_DEPTH} elements deep")
        # The style first: it computes the ancestors' styles, which visually_hidden then
        # reads (it computes only the styles it needs, and this walk needs them all)
        style = style_of(el)
        if hidden_from_sight(el) is not None:
            return None
        if text_hidden(el, style) is not None:
            return None
        if exemption is not None and exemption(el) is not None:
            return None
        letters = _own_letters(el) if count_letters else -1
        if repaint is not None and (doubt := repaint(el)) is not None:
            return Verdict(el, None, None, None, None, style.font_size, doubt, False, letters)
        size = style.font_size
        if el.tag == "input":
            own = {name for _, name, _, _, origin in cascade.declarations(el)
                   if origin != BROWSER_DEFAULT}
            if not own & _AUTHOR_PAINT:
                return None     # the browser's own button colours (text on button face)
        weight = style.font_weight
        large = None if size is None else (
            size >= 24 or (size >= 18.66 and (weight or 400) >= 700))
        # "none" (nearly every element) is invisible without asking _invisible_shadow
        values = style.values
        shadow_value = values.get("text-shadow", "none")
        fill = values.get("-webkit-text-fill-color", "currentcolor")
        shadow = bool((shadow_value != "none" and not _invisible_shadow(shadow_value))
                      or fill not in ("currentcolor", ""))
        foreground = style.color
        if foreground is None:
            return Verdict(el, None, None, None, large, size,
                           f"the text colour is not a plain colour ({_origin(style, 'color')})",
                           shadow, letters)
        found = _backdrop_in(page, memos, el)
        if isinstance(found, str):
            return Verdict(el, None, foreground, None, large, size, found, shadow, letters)
        factors, backdrop = found
        fg_alpha = foreground[3]
        for factor in factors:
            fg_alpha *= factor
        painted = over((*foreground[:3], fg_alpha), backdrop)
        return Verdict(el, ratio(painted, backdrop), painted, backdrop, large, size, "",
                       shadow, letters)

    return judged


def painted(page: Page, el: Element) -> str | tuple[RGBA, RGBA]:
    """The colour ``el``'s text is painted in (its opacities folded in, over its backdrop)
    and the backdrop (see :func:`_backdrop`), as axe-core's ``getForegroundColor`` and
    ``getBackgroundColor`` give them; or why they cannot be known."""
    style = page.style(el)
    doubt = cascade_of(page).repaint_doubt(el)
    if doubt is not None:
        return doubt
    foreground = style.color
    if foreground is None:
        return f"the text colour of <{el.tag}> is not a plain colour ({_origin(style, 'color')})"
    found = _backdrop(page, el)
    if isinstance(found, str):
        return found
    factors, backdrop = found
    alpha = foreground[3]
    for factor in factors:
        alpha *= factor
    return over((*foreground[:3], alpha), backdrop), backdrop


# What the text of an element is painted over, from the element up (see _backdrop): the
# opacities folded into the text colour, in order, and the background composed onto white;
# or why that cannot be known.
Backdrop = tuple[tuple[float, ...], RGBA]


def _backdrop(page: Page, el: Element) -> str | Backdrop:
    """The background ``el``'s text is painted over, composed from ``el`` up through its
    ancestors' background colours onto the white canvas, with the opacities between the text
    and the first background (folded into the text colour, as browsers paint it); or the
    reason it cannot be known (see the module). Memoised per element and per whether a
    background was met below it: text elements share their ancestors, and each one's walk
    up to an opaque background (often the root) was repeated."""
    # Two memos by element, not one by (element, clean): no key tuple to build and hash at
    # each step of each walk (~20% of the walks' cost on the pages judged)
    return _backdrop_in(page, page.memo("contrast.backdrop", lambda _: ({}, {})), el)


def _backdrop_in(page: Page, memos: tuple[dict[Element, str | Backdrop],
                                          dict[Element, str | Backdrop]],
                 el: Element) -> str | Backdrop:
    """:func:`_backdrop` with the page's two memos (clean, over a background) given."""
    clean_memo, over_memo = memos
    path: list[tuple[dict[Element, str | Backdrop], Element, float | None, RGBA | None]] = []
    node = el
    clean = True            # no background met below node yet
    memo = clean_memo
    while True:
        found = memo.get(node)
        if found is not None:
            break
        local = _paint(page, node, clean)
        if isinstance(local, str):
            found = memo[node] = local
            break
        factor, own = local
        parent = node.getparent()
        if (own is not None and own[3] >= 1) or parent is None:
            canvas = DARK_CANVAS if parent is None and (own is None or own[3] < 1) and (
                dark_scheme(page.style(node))) else WHITE
            found = memo[node] = ((factor,) if factor is not None else (),
                                  over(own, canvas) if own is not None else canvas)
            break
        path.append((memo, node, factor, own))
        node = parent
        if own is not None:
            clean = False
            memo = over_memo
    for memo, node, factor, own in reversed(path):
        if (factor is not None or own is not None) and not isinstance(found, str):
            factors, backdrop = found
            found = ((factor, *factors) if factor is not None else factors,
                     over(own, backdrop) if own is not None else backdrop)
        memo[node] = found
    return found


def _paint(page: Page, node: Element, clean: bool
           ) -> str | tuple[float | None, RGBA | None]:
    """What ``node`` adds to the backdrop of text inside it: the opacity to fold into the
    text colour (None: opaque) and its background colour (None: transparent); or why the
    backdrop cannot be known. ``clean``: no background was met between the text and node."""
    node_style = page.style(node)
    tag = node.tag
    values = node_style.values
    if values.get("filter", "none") not in ("none", "") or values.get(
            "mix-blend-mode", "normal") not in ("normal", ""):
        return f"<{tag}> has a filter or blend mode"
    if node_style.background_image is None or node_style.background_image:
        return (f"<{tag}> has a background image or gradient "
                f"({_origin(node_style, 'background-image')})")
    background = node_style.background_color
    if background is None:
        return (f"the background of <{tag}> is not a plain colour "
                f"({_origin(node_style, 'background-color')})")
    opacity = node_style.opacity
    if opacity is None:
        return (f"<{tag}> has an opacity the cascade cannot resolve "
                f"({_origin(node_style, 'opacity')})")
    factor = None
    if opacity < 1:
        if not clean or background[3] > 0:
            return f"<{tag}> is translucent (opacity {opacity:g}) over content behind it"
        factor = opacity
    if background[3] >= 1:
        return factor, background       # opaque: what is behind it does not show
    if node_style.position in ("absolute", "fixed"):
        return (f"<{tag}> is positioned ({node_style.position}) without a background of "
                "its own; what is behind it is not known")
    return factor, background if background[3] > 0 else None


def _own_letters(el: Element) -> int:
    """``_letters(own_text(el))``, without joining the text."""
    if el.tag == "input":
        return _letters(own_text(el))
    count = _letters(el.text or "")
    for child in el:
        if count >= 2:
            break
        tail = child.tail
        if tail:
            count += _letters(tail)
    return min(count, 2)


def _letters(text: str) -> int:
    """The letters of ``text``, counted up to 2: all a verdict asks is whether there are
    fewer than two (most texts start with two letters)."""
    count = 0
    for char in text:
        if char.isalpha():
            count += 1
            if count == 2:
                break
    return count


# What a failure of a partial judged on its own styles adds (Cascade.partial_styles_only):
# it is cantTell (color-contrast, link-in-text-block)
ON_OWN_STYLES = ("; but a partial is judged here on its own styles only, and the page that "
                 "includes it links the site's stylesheets, which may change that (supply "
                 "the site's CSS with --stylesheet, or judge the partial on its own styles: "
                 "--missing-stylesheets ignore)")


def stylesheet_remedy(address: str) -> str:
    """How to let the audit read a stylesheet it could not, by where it was looked for."""
    if "{{" in address:     # a template's link: <link href="{{ asset('screen.css') }}">
        return ("a template expression gives its address: supply the site's CSS with "
                "--stylesheet and judge without the link: --missing-stylesheets ignore")
    if address.startswith(("http://", "https://")):
        return ("read the site's copy with --site-root and --site-url, or supply it with "
                "--stylesheet and judge without the link: --missing-stylesheets ignore")
    if address.startswith(ROOT_RELATIVE):
        return "give the folder of the site's files with --site-root"
    return "not a readable file"


def judged_without(cascade: Cascade) -> str:
    """What a failure adds when a linked stylesheet that could not be read was taken as
    absent (``--missing-stylesheets ignore``): the page was judged without it."""
    if not cascade.absent:
        return ""
    if cascade.absent[0] == INCLUDING_PAGE:
        return ("; judged on the partial's own styles, without those of the page that "
                "includes it (--missing-stylesheets ignore)")
    return (f"; judged without the stylesheet {short_address(cascade.absent[0])}, which "
            f"could not be read (--missing-stylesheets ignore)")


def results(rule: Rule, page: Page, normal: float, large: float) -> Results:
    """The contrast results of every text element against the two thresholds."""
    cascade = cascade_of(page)
    if cascade.missing:
        # One answer for the page: which stylesheet to supply, not one doubt per paragraph.
        at = cascade.missing_at[0] if cascade.missing_at else page.root
        address = cascade.missing[0]
        yield rule.cant_tell(at, f"Text contrast cannot be judged: the stylesheet "
                             f"{short_address(address)} could not be read, so the colours are "
                             f"unknown ({stylesheet_remedy(address)})")
        return
    # --missing-stylesheets ignore: judged without them, and each failure says so
    absent = judged_without(cascade)
    # a partial without the site's CSS: what its own styles fail is to review; what they
    # pass, the page that includes it decides (no result)
    partial = cascade.partial_styles_only
    # The same verdicts serve both thresholds (color-contrast, color-contrast-enhanced).
    verdicts: dict[Element, Verdict | None] = page.memo("contrast.verdicts", lambda _: {})
    judged = None
    for el in text_elements(page):
        if el in verdicts:
            verdict = verdicts[el]
        else:
            if judged is None:
                judged = _judge_on(page)
            verdict = verdicts[el] = judged(el, False)
        if verdict is None:
            continue
        if verdict.doubt:
            yield rule.cant_tell(el, f"Text contrast cannot be decided: {verdict.doubt}")
            continue
        if verdict.shadow:
            yield rule.cant_tell(el, f"Text contrast {verdict.ratio:.2f}:1 without its text "
                                 "shadow or fill colour, which may raise or lower it")
            continue
        assert verdict.ratio is not None
        if verdict.ratio < 1.005:
            continue            # 1:1 is not a visual presentation of text (ACT)
        decided = _decide(rule, verdict, normal, large, absent)
        if partial and decided.outcome is not Outcome.CANT_TELL:
            if decided.outcome is Outcome.FAILED:
                yield rule.cant_tell(el, decided.message + ON_OWN_STYLES)
            continue
        yield decided


def _decide(rule: Rule, verdict: Verdict, normal: float, large: float,
            absent: str = "") -> Result:
    el = verdict.element
    value = verdict.ratio or 0.0
    if verdict.large is None:
        if value >= normal:
            return rule.ok(el, lambda: f"Text contrast {value:.2f}:1 ({_colours(verdict)})")
        colours = _colours(verdict)
        if value >= large:
            return rule.cant_tell(el, f"Text contrast {value:.2f}:1 ({colours}) is enough "
                                  f"only for large text, and the font size is unknown")
        needed = large
        kind = "any"
    else:
        needed = large if verdict.large else normal
        kind = "large" if verdict.large else "normal"
    if value >= needed:
        return rule.ok(el, lambda: f"Text contrast {value:.2f}:1 ({_colours(verdict)})")
    colours = _colours(verdict)
    size = f"{verdict.font_size:g}px" if verdict.font_size is not None else "unknown size"
    message = (f"Text contrast {value:.2f}:1 ({colours}, {size}) is below {needed:g}:1 "
               f"for {kind} text")
    letters = verdict.letters if verdict.letters >= 0 else _own_letters(el)
    if letters < 2:
        return rule.cant_tell(el, f"{message}; but the text may not be in a human language "
                                  f"(fewer than two letters)")
    return rule.fail(el, message + absent)


def _colours(verdict: Verdict) -> str:
    return f"{hex_color(verdict.foreground)} on {hex_color(verdict.background)}"


_FAINTEST_SHADOW = 0.01   # alpha: at most 2.55 of 255 levels, below what changes a verdict


def _invisible_shadow(value: str) -> bool:
    """``none``, or shadows whose every colour is (almost) fully transparent: the
    ``text-shadow: 1px 1px 1px rgba(0,0,0,.004)`` font-smoothing trick paints nothing a reader
    sees. A shadow without a colour takes the text's colour (CSS Text Decoration 3, 4.1)."""
    value = value.strip().lower()
    if value in ("none", ""):
        return True
    layers: list[list] = [[]]
    for token in tinycss2.parse_component_value_list(value):
        if token.type == "literal" and token.value == ",":
            layers.append([])
        elif token.type not in ("whitespace", "comment"):
            layers[-1].append(token)
    for layer in layers:
        colours = [c for c in (parse_color(tinycss2.serialize([t])) for t in layer
                               if t.type in ("function", "hash", "ident")) if c is not None]
        if len(colours) != 1 or colours[0][3] > _FAINTEST_SHADOW:
            return False
    return True


def _origin(style: object, name: str) -> str:
    origin = getattr(style, "origin", {}).get(name)
    return f"set by {origin}" if origin else "unknown value"


def short_address(url: str) -> str:
    """A stylesheet's address cut to 80 characters: a URL keeps its start (the host), a file
    path its end (the file's name)."""
    if len(url) <= 80:
        return url
    return url[:77] + "…" if "://" in url or url.startswith(ROOT_RELATIVE) else "…" + url[-77:]
