"""Paragraphs are not styled to look like headings.

A short bold, large or italic paragraph above the text it introduces ("What we know so far")
looks like a heading, but screen reader users who jump from heading to heading never land on
it, and the article's structure is lost to them. Use ``h2``-``h6``.

The rule applies, as axe-core's does, to every ``p`` not hidden from assistive technology that
has text of at most one sentence and is followed by a sibling ``p`` with text. It compares the
paragraph's style with the next sibling ``p``'s (and the previous one's): font weight, size and
italics of the element that holds all of its text. It fails when the paragraph stands out as a
heading does (bolder by 150 and italic; bolder by 150 and 15% larger; italic and 15% larger;
or 40% larger), is shorter than the next paragraph, differs from the previous ``p`` too, is not
in a ``blockquote`` and is at most half as long as the next paragraph. The middle cases are
cantTell, as in axe-core.

Matches axe-core. Same selector (``p``, hidden excluded), ``p-as-heading-matches`` and
``p-as-heading`` check with its default margins. Font size and weight come from the cascade
(style attributes, ``<style>`` elements and the stylesheets that were read, with the browser's
``b``/``strong``, ``small`` and heading defaults) where every linked stylesheet was read, plus
the markup's ``big`` and ``font size``; italics come from the markup (``i``, ``em``... and inline
``font-style``): the cascade does not keep ``font-style``.

Fails::

    <article><p><b><i>What we know so far</i></b></p>
      <p>Polls closed at 10pm and counting is under way in all 650 constituencies.</p></article>

    <div><p style="font-size: 24px; font-weight: 700">The count</p>
      <p>Polls closed at 10pm and counting is under way in all constituencies.</p></div>

Passes::

    <article><p>Polls closed at 10pm.</p>
      <p>Counting is under way in all 650 constituencies, officials said.</p></article>

    <article><p class="body">Polls closed at 10pm.</p>
      <p class="body">Counting is under way in all 650 constituencies.</p></article>

Limits: where a linked stylesheet could not be read (a saved page without its site's CSS), it
may set any font, so the fonts come from the markup alone, as axe-core's would without
styles: when the paragraph, the next one or the elements holding their text have classes that
differ, or they have ids and the page's own ``<style>`` sets fonts, a paragraph that markup does
not make look like a heading is cantTell (paragraphs with the same classes are taken to share
their stylesheet fonts). Where every stylesheet was read, the cascade's sizes and weights
decide; a size or weight it cannot resolve (``ex``, an unknown ``var()``) is cantTell, and
so is a paragraph that italics would make look like a heading when a stylesheet read mentions
italics and the two paragraphs have different classes (``font-style`` from stylesheets is not
read). axe-core reads sizes rounded down to whole pixels; sizes here are not rounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from a11y_audit.dom import integer, is_digits, normalize_space, tag_of, text_content
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics.cascade import BROWSER_DEFAULT, Cascade, cascade_of
from a11y_audit.semantics.css import NUMBER

RULE = Rule(
    id="p-as-heading",
    impact="serious",
    wcag=("1.3.1",),
    tags=("cat.semantics", "experimental"),
    help="Mark up the heading as h2-h6 instead of a styled paragraph",
)

_SENTENCE = re.compile(r"[.!?:;](?![.!?:;])")
# axe-core p-as-heading options: margins, passLength, failLength.
_MARGINS = ({"weight": 150, "italic": True}, {"weight": 150, "size": 1.15},
            {"italic": True, "size": 1.15}, {"size": 1.4})
_PASS_LENGTH, _FAIL_LENGTH = 1.0, 0.5


@dataclass(frozen=True, slots=True)
class Font:
    weight: int = 400
    size: float = 16.0
    italic: bool = False


class _Unknown(Exception):
    """The cascade cannot resolve a font size or weight (``ex``, an unknown ``var()``)."""


def check(page: Page) -> Results:
    by_parent: dict[Element, list[Element]] = {}
    for p in page.tags("p"):
        parent = p.getparent()
        if parent is not None:
            by_parent.setdefault(parent, []).append(p)   # sibling p elements, in order
    texts: dict[Element, str] = {}      # each element's text, asked again by _text_container
    for siblings in by_parent.values():
        if len(siblings) < 2:
            continue
        # Most paragraphs are passed over for their text as it stands: it is empty or white
        # space (what normalize_space makes "") or holds two sentence marks (which collapsing
        # white space does not change); only the few left are normalised.
        raw = [text_content(s) for s in siblings]
        has_text = [not text.isspace() and text != "" for text in raw]
        later_text = [False] * len(siblings)      # a later sibling p has text
        for i in range(len(siblings) - 2, -1, -1):
            later_text[i] = later_text[i + 1] or has_text[i + 1]
        for i, p in enumerate(siblings):
            if not has_text[i] or not later_text[i] or _sentences(raw[i]):
                continue
            if page.is_hidden(p):
                continue
            following = siblings[i + 1]
            yield _judge(page, p, _normalised(p, raw[i], texts), following,
                         _normalised(following, raw[i + 1], texts),
                         siblings[i - 1] if i else None, texts)


def _sentences(text: str) -> bool:
    """Two sentence marks or more (``len(_SENTENCE.findall(text)) >= 2``, stopping at the
    second: most paragraphs have many)."""
    first = _SENTENCE.search(text)
    return first is not None and _SENTENCE.search(text, first.end()) is not None


def _judge(page: Page, p: Element, text: str, following: Element, next_text: str,
           previous: Element | None, texts: dict[Element, str]):
    if len(text) > len(next_text) * _PASS_LENGTH:
        return RULE.ok(p, "longer than the next paragraph")
    cascade = cascade_of(page)
    styled = cascade.complete       # every linked stylesheet was read: the cascade decides

    def font(container: Element) -> Font:
        return _cascade_font(page, cascade, container) if styled else _font(container)

    # The elements holding each paragraph's text, found once: the fonts read them, and so do
    # the class tests below
    boxes = (_text_container(p, texts), _text_container(following, texts))
    try:
        own, nxt = font(boxes[0]), font(boxes[1])
    except _Unknown as unknown:
        return RULE.cant_tell(p, f"{unknown}, so whether {text[:60]!r} looks like a heading "
                                 "is not known")
    looks = _header_style(own, nxt)
    if not looks:
        unsure = (_italics_may_differ(page, p, following, own, nxt, boxes) if styled
                  else _styled_apart(page, p, following, boxes))
        if unsure:
            return RULE.cant_tell(p, f"{unsure}; a stylesheet may make {text[:60]!r} look like "
                                     "a heading")
        return RULE.ok(p, "styled like the next paragraph")
    message = f"paragraph {text[:60]!r} is styled as a heading ({_describe(own, nxt)})"
    if any(tag_of(a) == "blockquote" for a in p.iterancestors()):
        return RULE.cant_tell(p, message + ", but it is in a blockquote")
    if previous is not None:
        try:
            before = font(_text_container(previous, texts))
        except _Unknown as unknown:
            return RULE.cant_tell(p, f"{message}, but {unknown} of the previous paragraph")
        if not _header_style(own, before):
            return RULE.cant_tell(p, message + ", but so is the previous paragraph")
    if len(text) > len(next_text) * _FAIL_LENGTH:
        return RULE.cant_tell(p, message + ", but it is more than half as long as the next one")
    return RULE.fail(p, message + "; use a heading element")


def _text(el: Element, texts: dict[Element, str]) -> str:
    """The element's normalised text, kept in ``texts``."""
    found = texts.get(el)
    if found is None:
        found = texts[el] = normalize_space(text_content(el))
    return found


def _normalised(el: Element, raw: str, texts: dict[Element, str]) -> str:
    """:func:`_text` of ``el`` from its ``text_content`` already read."""
    found = texts.get(el)
    if found is None:
        found = texts[el] = normalize_space(raw)
    return found


def _text_container(el: Element, texts: dict[Element, str]) -> Element:
    """The innermost element holding all of the paragraph's text (axe ``getTextContainer``)."""
    outer = _text(el, texts)
    while True:
        children = [c for c in el if isinstance(c.tag, str)]
        if not children:
            return el
        first = next((c for c in children if _text(c, texts)), children[-1])
        if _text(first, texts) != outer:
            return el
        el = first


_WEIGHTS = {"normal": 400, "bold": 700}
_BOLD_TAGS = frozenset(("b", "strong", "th"))
_ITALIC_TAGS = frozenset(("i", "em", "cite", "var", "dfn", "address"))
_FONT_SIZES = {"1": 10, "2": 13, "3": 16, "4": 18, "5": 24, "6": 32, "7": 48}
_KEYWORD_SIZES = {"xx-small": 9, "x-small": 10, "small": 13, "medium": 16, "large": 18,
                  "x-large": 24, "xx-large": 32, "xxx-large": 48}
_DECLARATION = re.compile(r"(font-weight|font-size|font-style)\s*:\s*([^;!]+)", re.I)
_LENGTH = re.compile(rf"^({NUMBER})(px|pt|em|rem|%)$")


def _font(container: Element) -> Font:
    """The font of ``container`` computed down from its paragraph, from markup alone."""
    chain = [container]
    while tag_of(chain[-1]) != "p" and chain[-1].getparent() is not None:
        chain.append(chain[-1].getparent())  # type: ignore[arg-type]  # (tested)
    font = Font()
    for el in reversed(chain):
        font = _apply(font, el)
    return font


def _cascade_font(page: Page, cascade: Cascade, container: Element) -> Font:
    """The font of ``container`` from the cascade: the paragraph's computed size and weight,
    then, down to ``container``, each element's own declared size and weight where a rule
    (or the browser's default, for size) sets one, else the markup's ``big``, ``font size``
    and bolder ``b``/``strong``/``th`` (Chromium's default for them is ``bolder``); italics
    from the markup, as :func:`_font`."""
    chain = [container]
    while tag_of(chain[-1]) != "p" and chain[-1].getparent() is not None:
        chain.append(chain[-1].getparent())  # type: ignore[arg-type]  # (tested)
    size = weight = None
    italic = False
    for el in reversed(chain):
        declared = cascade.font(el)
        tag = tag_of(el)
        if size is None or declared.own is not None:
            size = declared.size
            if size is None:
                raise _Unknown(f"the font size of <{tag}> ({declared.own}) cannot be resolved")
        elif tag == "big":
            size *= 1.2
        elif tag == "font" and (el.get("size") or "").strip() in _FONT_SIZES:
            size = _FONT_SIZES[el.get("size").strip()]  # type: ignore[union-attr]  # (tested)
        if weight is None or _declares_weight(cascade, el):
            weight = page.style(el).font_weight
            if weight is None:
                raise _Unknown(f"the font weight of <{tag}> cannot be resolved")
        elif tag in _BOLD_TAGS:
            weight = _bolder(weight)
        italic = _apply(Font(italic=italic), el).italic
    # (the chain's first element sets both or raises _Unknown: the chain is never empty)
    return Font(weight, size, italic)  # type: ignore[arg-type]


def _declares_weight(cascade: Cascade, el: Element) -> bool:
    """A stylesheet rule or the style attribute sets ``font-weight`` (or ``font``) on ``el``."""
    return any(name in ("font-weight", "font") and origin != _DEFAULT
               for _, name, _, _, origin in cascade.declarations(el))


_DEFAULT = BROWSER_DEFAULT


def _italics_may_differ(page: Page, p: Element, following: Element, own: Font, nxt: Font,
                        boxes: tuple[Element, Element]) -> str:
    """Why italics that a stylesheet sets could make the paragraph look like a heading ("" when
    they cannot): a margin with italics holds but for them, a stylesheet that was read mentions
    italics (``font-style`` is not in the cascade) and the paragraphs' classes differ."""
    if own.italic or not _header_style(Font(own.weight, own.size, True),
                                       Font(nxt.weight, nxt.size, False)):
        return ""
    if _classes(p, boxes[0]) == _classes(following, boxes[1]):
        return ""
    # (last: a page's sheets are scanned once, and only for paragraphs that reach this)
    if not page.memo("p-as-heading.italics", _sheets_set_italics):
        return ""
    return "the paragraphs have different classes and a stylesheet sets italics"


def _sheets_set_italics(page: Page) -> bool:
    """A stylesheet rule's declarations mention italic or oblique (substring tests, not a
    case-blind regular expression: a news page's sheets run to megabytes; CSS keywords are
    written in lower case or, rarely, upper case)."""
    return any("talic" in body or "blique" in body or "TALIC" in body or "BLIQUE" in body
               for sheet in cascade_of(page).sheets for _, body, _ in sheet.raw)


def _apply(font: Font, el: Element) -> Font:
    weight, size, italic = font.weight, font.size, font.italic
    tag = tag_of(el)
    if tag in _BOLD_TAGS:
        weight = _bolder(weight)
    if tag in _ITALIC_TAGS:
        italic = True
    if tag == "big":
        size *= 1.2
    elif tag == "small":
        size *= 0.83
    elif tag == "font" and (el.get("size") or "").strip() in _FONT_SIZES:
        size = _FONT_SIZES[el.get("size").strip()]  # type: ignore[union-attr]  # (tested)
    for prop, raw in _DECLARATION.findall(el.get("style") or ""):
        value = raw.strip().lower()
        prop = prop.lower()
        if prop == "font-weight":
            if value in _WEIGHTS:
                weight = _WEIGHTS[value]
            elif value == "bolder":
                weight = _bolder(weight)
            elif value == "lighter":
                weight = 100 if weight < 550 else 400 if weight < 750 else 700
            elif is_digits(value):
                weight = integer(value)
        elif prop == "font-style":
            italic = value == "italic"
        elif prop == "font-size":
            size = _size(value, size)
    return Font(weight, size, italic)


def _bolder(weight: int) -> int:
    return 400 if weight < 350 else 700 if weight < 550 else 900


def _size(value: str, parent: float) -> float:
    if value in _KEYWORD_SIZES:
        return _KEYWORD_SIZES[value]
    if value == "larger":
        return parent * 1.2
    if value == "smaller":
        return parent / 1.2
    match = _LENGTH.match(value)
    if not match:
        return parent
    number, unit = float(match.group(1)), match.group(2)
    return {"px": number, "pt": number * 4 / 3, "em": number * parent, "rem": number * 16,
            "%": number * parent / 100}[unit]


def _header_style(a: Font, b: Font) -> bool:
    """axe-core ``isHeaderStyle``: ``a`` stands out from ``b`` by one of the margins."""
    for margin in _MARGINS:
        size = margin.get("size")
        weight = margin.get("weight")
        if ((not size or a.size / size > b.size)
                and (not weight or a.weight - weight > b.weight)
                and (not margin.get("italic") or (a.italic and not b.italic))):
            return True
    return False


def _describe(a: Font, b: Font) -> str:
    parts = []
    if a.weight != b.weight:
        parts.append(f"weight {a.weight} against {b.weight}")
    if a.size != b.size:
        parts.append(f"size {a.size:g}px against {b.size:g}px")
    if a.italic and not b.italic:
        parts.append("italic")
    return ", ".join(parts)


def _styled_apart(page: Page, p: Element, following: Element, boxes: tuple[Element, Element]
                  ) -> str:
    """Why a stylesheet may style the two paragraphs differently ("" when nothing says so):
    their classes (or those of the elements holding their text) differ, or the page's own
    ``<style>`` sets fonts."""
    if _classes(p, boxes[0]) != _classes(following, boxes[1]):
        return "the paragraphs have different classes"
    if (p.get("id") or following.get("id")) and page.memo("p-as-heading.style-fonts",
                                                          _style_sets_fonts):
        return "the page's <style> sets fonts and the paragraphs have ids"
    return ""


def _classes(p: Element, container: Element) -> tuple[str, ...]:
    """The class attributes on the paragraph and down to ``container``, the element holding
    its text (:func:`_text_container`; tags without a class are styled alike on both sides
    and are left out)."""
    chain = []
    el = container
    while True:
        value = normalize_space(el.get("class"))
        if value:
            chain.append(value)
        if el is p:
            break
        el = el.getparent()  # type: ignore[assignment]  # (below p)
    return tuple(reversed(chain))


def _style_sets_fonts(page: Page) -> bool:
    return any(re.search(r"font(-size|-weight|-style)?\s*:", style.text or "", re.I)
               for style in page.tags("style"))
