"""The visible text of a control is part of its accessible name.

Voice control users activate a control by saying what they see: "click Subscribe". When a
link or button shows one text but an ``aria-label`` or ``aria-labelledby`` gives it another
name ("Read more" shown, "Open article about the budget" named), the spoken command matches
nothing. Screen reader users who can see also hear a different label than the one on screen.

The rule applies to elements with a widget role that takes its name from content (``button``,
``checkbox``, ``gridcell``, ``link``, ``menuitem``, ``menuitemcheckbox``, ``menuitemradio``,
``option``, ``radio``, ``searchbox``, ``switch``, ``tab``, ``treeitem``) that have visible text
and an ``aria-label`` or ``aria-labelledby`` attribute. It follows the "label in name
algorithm" of ACT rule 2ee8b8: text in round brackets is dropped; case, punctuation, symbols and
emoji are ignored; the visible words must appear, whole and in order, as a contiguous run of
words of the name. A lone "x" (a close symbol) is not text. Controls whose visible text or name
holds an abbreviation ("Ave." named "Avenue") or the same word hyphenated differently
("e-mail"/"email") are not checked, as the ACT rule says.

Differs from axe-core: ACT rule 2ee8b8's label-in-name algorithm decides; axe-core asks for a
review where the visible text is a symbol, an emoji or a single character, and this rule fails
those when the words do not match.

Fails::

    <a href="/politics/budget-2025" aria-label="Open article">Budget: what it means for you</a>

    <button aria-label="Download the specification">Download specification</button>

Passes::

    <a href="/politics/budget-2025" aria-label="Read more: Budget 2025 explained">Read more</a>

    <button aria-label="Search by date">Search by date (YYYY-MM-DD)</button>

    <button aria-label="Close dialog">×</button>

Limits: text that a stylesheet the cascade reads hides or moves out of sight (``display: none``,
off screen, clipped) is not visible text. Where words break comes from the elements' computed
``display`` (ACT glossary "visible inner text": block-level elements are set apart): a
``<span>`` that a stylesheet makes ``display: block`` separates its words, a ``<div>`` made
``inline`` runs them together. A drop-down ``<select>`` shows its selected option only: that
option's text is its visible text. When the mismatch could come from text that a "visually
hidden"-like class hides, or one that says the text shows on hover (``logohover``,
``tooltip``; no stylesheet that was read decides), from parts of the text that a
stylesheet that could not be read may set apart, or from an icon font drawing a word as a
symbol (Material Icons ligatures), or, in a partial judged without the site's stylesheets,
from the text of an element around one that matches (a button's "Subscribe" and its "Email
sent", which the site's CSS shows one at a time), the result is cantTell. Words are split at
white space, so for scripts written without spaces (Chinese, Japanese, Thai...) the visible
text only has to appear in the name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from lxml import etree

from a11y_audit.checks.naming import LINK_ROLES, describe
from a11y_audit.dom import tag_of
from a11y_audit.rule import Element, Page, Result, Results, Rule
from a11y_audit.semantics.cascade import cascade_of
from a11y_audit.semantics.names import is_block
from a11y_audit.semantics.stylesheets import may_be_hidden_by_style
from a11y_audit.semantics.visible_text import cascade_block, visible_inner_text

RULE = Rule(
    id="label-content-name-mismatch",
    impact="serious",
    wcag=("2.5.3",),
    act=("2ee8b8",),
    tags=("cat.semantics", "experimental"),
    help="Start the aria-label or aria-labelledby name with the control's visible text",
    seen_only=True,
    template_values=("aria-label", "aria-labelledby", "content"),
)

# WAI-ARIA 1.2 widget roles that support name from content (ACT 2ee8b8 "Background").
WIDGET_ROLES = frozenset((
    "button", "checkbox", "gridcell", "menuitem", "menuitemcheckbox", "menuitemradio",
    "option", "radio", "searchbox", "switch", "tab", "treeitem",
)) | LINK_ROLES

_PARENTHESES = re.compile(r"\([^()]*\)")
_INVISIBLE_FORMAT = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
# Letters followed by a period: "Ave.", "Dr.", "approx." (ACT: abbreviations are excluded).
_ABBREVIATION = re.compile(r"^([^\W\d_]{1,10})\.\W*$")
_HYPHENATED = re.compile(r"\w[-\u2010\u2011]\w")
# Scripts written without spaces between words.
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
                       "\u4e00-\u9fff\uf900-\ufaff]")
# Single letters used as symbols: "x" for close (ACT 2ee8b8 "non-text content").
_SYMBOL_LETTERS = frozenset(("x",))
# Class names that usually hide text from sight (screen-reader-only utilities, responsive
# hiding) or show it only on hover (hover labels, tooltips).
_HIDING_CLASS = re.compile(
    r"sr-?only|sr_only|screen-?reader|visually-?hidden|visuallyhidden|a11y|assistive|offscreen|"
    r"off-screen|hidden|hide|invisible|d-none|clip|(?:^|-)only(?:-|$)|hover|tooltip", re.I
)
_ICON_FONT = re.compile(r"material[ +_-]?(?:icons|symbols)", re.I)
_LIGATURE = re.compile(r"^[a-z][a-z0-9_]*$")


def check(page: Page) -> Results:
    # Where words break: the cascade's computed display where the page has stylesheets (a
    # <span> made display: block sets its words apart), else the tags' defaults.
    block = cascade_block(page) if cascade_of(page).sheets else is_block
    for el in page.select("*[aria-label]", "*[aria-labelledby]"):
        if page.role(el) not in WIDGET_ROLES or _list_container(el) == "datalist":
            continue   # datalist options are never rendered as text
        label = visible_inner_text(el, page, block=block)
        if not label.strip():
            continue   # no visible text content
        result = _evaluate(page, el, label, page.name(el), block)
        if result is not None:
            yield result


def _evaluate(page: Page, el: Element, label: str, name: str,
              block: Callable[[Element, str], bool] = is_block) -> Result | None:
    verdict = compare(label, name)
    shown = " ".join(label.split())
    if verdict is None:
        return None
    if verdict:
        return RULE.ok(el, f'{describe(el)}: visible text "{shown[:80]}" is part of its '
                           f'accessible name "{name[:80]}"')
    doubt = _doubt(page, el, label, name, block)
    if doubt:
        return RULE.cant_tell(el, f'{describe(el)}: visible text "{shown[:80]}" is not part of '
                                  f'its accessible name "{name[:80]}", unless {doubt}')
    return RULE.fail(el, f'{describe(el)}: visible text "{shown[:80]}" is not part of its '
                         f'accessible name "{name[:80]}"')


def compare(label: str, name: str) -> bool | None:
    """ACT "label in name algorithm": True contained, False not, None when the rule does not
    apply (an abbreviation or a differently hyphenated word)."""
    label, name = _strip_parentheses(label), _strip_parentheses(name)
    label_tokens, name_tokens = tokens(label), tokens(name)
    if _abbreviated(label, name_tokens) or _abbreviated(name, label_tokens):
        return None
    if _hyphenation_differs(label, name_tokens) or _hyphenation_differs(name, label_tokens):
        return None
    if _contiguous(label_tokens, name_tokens):
        return True
    words = [t for t in label_tokens if t not in _SYMBOL_LETTERS]
    if _contiguous(words, name_tokens):
        return True
    if _UNSPACED.search(label) or _UNSPACED.search(name):
        return "".join(words) in "".join(name_tokens)
    return False


def tokens(text: str) -> list[str]:
    """Case-folded, NFKD-normalised words of letters and digits; everything else separates.

    ASCII text (most labels and names) is read by one regular expression: its letters and
    digits are the only ASCII characters of a letter or number category, none is a mark,
    and case folding and NFKD leave it ASCII (lower case), so the words are its runs of
    ``[a-z0-9]``. Other text is read character by character (:func:`_unicode_tokens`)."""
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())
    return _unicode_tokens(text)


_ASCII_WORD = re.compile("[a-z0-9]+")


def _unicode_tokens(text: str) -> list[str]:
    """:func:`tokens` of any text, by the Unicode category of each character."""
    text = unicodedata.normalize("NFKD", _INVISIBLE_FORMAT.sub("", text).casefold())
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category[0] in "LN":
            kept.append(char)
        elif category[0] != "M":   # combining marks belong to their letter
            kept.append(" ")
    return "".join(kept).split()


def _strip_parentheses(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _PARENTHESES.sub(" ", text)
    return text


def _contiguous(part: list[str], whole: list[str]) -> bool:
    if not part:
        return True
    size = len(part)
    return any(whole[i:i + size] == part for i in range(len(whole) - size + 1))


def _abbreviated(text: str, other_tokens: list[str]) -> bool:
    """A word like "Ave." in ``text`` that abbreviates a word of the other string ("avenue")."""
    folded = text.casefold()
    if "." not in folded:
        return False    # (the pattern needs a period: most labels and names have none)
    others = set(other_tokens)
    for word in folded.split():
        # (a period first: the match call costs ~1,000 instructions a word)
        match = _ABBREVIATION.match(word) if "." in word else None
        if match is None:
            continue
        stem = match.group(1)
        if stem not in others and any(len(t) > len(stem) and t.startswith(stem)
                                       for t in others):
            return True
    return False


def _hyphenation_differs(text: str, other_tokens: list[str]) -> bool:
    """A hyphenated word of ``text`` written as one word in the other string."""
    if "-" not in text and "\u2010" not in text and "\u2011" not in text:
        return False    # (the pattern needs one of its hyphens: no search a word)
    others = set(other_tokens)
    for word in text.split():
        if _HYPHENATED.search(word):
            joined = "".join(tokens(word))
            if joined in others:
                return True
    return False


def _list_container(el: Element) -> str | None:
    """``select`` or ``datalist`` when ``el`` is one of their options, else None."""
    if tag_of(el) != "option":
        return None
    return next((tag_of(a) for a in el.iterancestors() if tag_of(a) in ("select", "datalist")),
                None)


def _doubt(page: Page, el: Element, label: str, name: str,
           block: Callable[[Element, str], bool] = is_block) -> str:
    """Why a failure might not be one: text a stylesheet may hide, or an icon font."""
    if _list_container(el) == "select":
        return "the option is shown only while the list is open"
    if may_be_hidden_by_style(page, el):
        return "a <style> rule hides the element"

    def maybe_hidden(node: Element) -> bool:
        return bool(_hiding_class(node) or may_be_hidden_by_style(page, node))

    trimmed = visible_inner_text(el, page, hidden=maybe_hidden, block=block)
    if not trimmed.strip() or compare(trimmed, name) is not False:
        return "a stylesheet hides part of the text (class or <style> rule)"
    cascade = cascade_of(page)
    if not cascade.complete and compare(
            visible_inner_text(el, page, block=_set_apart), name) is not False:
        return ("a stylesheet that could not be read sets parts of the text apart "
                "(display: block)")
    if cascade.partial_styles_only and any(
            _matches(visible_inner_text(part, page, block=block), name)
            for part in el.iterdescendants(etree.Element)):
        return ("the site's stylesheets (the page that includes this partial links them) "
                "hide the rest of the text (one state's text of several)")
    words = label.split()
    if len(words) == 1 and _LIGATURE.match(words[0]) and _icon_font(page, el):
        return f'"{words[0]}" is drawn as an icon by an icon font'
    return ""


def _matches(text: str, name: str) -> bool:
    """Whether a part's text has words, and they are in the name."""
    return bool(tokens(text)) and compare(text, name) is True


def _set_apart(el: Element, tag: str) -> bool:
    """Every element set apart from its neighbours, as a missing stylesheet may do."""
    return True


def _hiding_class(el: Element) -> bool:
    return any(_HIDING_CLASS.search(token) for token in (el.get("class") or "").split())


def _icon_font(page: Page, el: Element) -> bool:
    """The text may be drawn with an icon font: it sits in (or under) an element with an icon
    font class (``material-icons``, ``material-symbols-outlined``...), or a ``<style>`` of the
    page names the font and may apply it anywhere. A linked icon-font stylesheet alone is no
    evidence: Google's applies the font only through those classes, so a "menu" label in a
    plain ``<span>`` is text even on a page that loads Material Icons."""
    for node in (*el.iterancestors(), el, *el.iterdescendants()):
        if _ICON_FONT.search(node.get("class") or "") if isinstance(node.tag, str) else False:
            return True
    return any(_ICON_FONT.search("".join(style.itertext()))  # type: ignore[arg-type]  # (str)
               for style in page.tags("style"))
