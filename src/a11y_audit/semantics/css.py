"""Stylesheets as data: split into rules, media queries evaluated, rules indexed by selector key.

Knowledge floor: no Page here. :func:`parse_stylesheet` turns CSS text into a
:class:`Stylesheet` whose style rules are indexed by the rightmost compound of each selector
(an id, else a class, else a tag, else universal), as browsers do, so that matching an element
tests only the rules that could apply to it. Only the declarations of the properties the
rules need are kept (:data:`TRACKED`); a stylesheet is parsed once per run and viewport
(:func:`parse_stylesheet` is cached by content).

The block structure is read between closing braces with str methods, and with one C-speed
scan where a piece is not a plain rule (strings, comments and escapes skipped);
declaration values are kept as text and read by :mod:`a11y_audit.semantics.cascade` with
tinycss2 where values need real parsing (colours). What is evaluated:

* ``@media``, as Chromium evaluates it: media types ``all``/``screen`` apply, ``print`` and
  others never; features ``width``/``height`` (``min-``, ``max-``, range syntax, lengths
  with ``calc()``), ``orientation``, ``aspect-ratio``, ``resolution`` (1dppx),
  ``prefers-color-scheme`` (light), the other preferences (no-preference), ``hover``/
  ``pointer`` (a mouse), ``scripting`` (enabled) and the rest of :data:`_KEYWORD_FEATURES`,
  in boolean context too. A feature Chromium does not know, or a value it does not take,
  is unknown: false, and so is its negation; a query that does not parse is ``not all``.
* ``@supports``, as Chromium answers it (:mod:`a11y_audit.semantics.supports`): the hacks
  aimed at other engines do not apply.
* Selectors, as Chromium reads them (:func:`a11y_audit.semantics.supports.chromium_prelude`):
  a rule whose selector list holds a pseudo-class or pseudo-element Chromium does not know,
  or an argument of one that it does not read (``:nth-child(2n+)``), is dropped whole
  (read in :meth:`Stylesheet.keyed` for vendor pseudo-classes and pseudo-elements, in
  :meth:`Stylesheet._rule` for the rest), but for the forgiving arguments of ``:is()`` and
  ``:where()``.
* ``@layer``: layer order as declared; unlayered rules win over layered ones (normal
  declarations) and lose to them (``!important``). Layers are named in full (``a.b``), and
  an anonymous one by a name no other layer of the run has; the caller orders a page's
  layers (a layer's own rules after its sublayers).
* ``@import``: listed in :attr:`Stylesheet.imports` for the caller to load, with its cascade
  layer (``layer``, ``layer(name)``); an imported sheet is read into its layer
  (:func:`parse_stylesheet`). Only imports before the sheet's first block count, as in
  browsers.
* CSS Nesting: a style rule nested in a style rule joins the sheet with its selector joined
  to its parent's (``&`` is ``:is(parent)``), in source order, with conditional at-rules nested
  in style rules (see :class:`_Context` and :func:`_nest`); nesting too deep to join (a
  joined selector past 400 characters) is undecided, as below.
* ``@scope`` (CSS Cascade 6): a style rule in ``@scope`` blocks joins the sheet with its
  selector marked with the blocks' preludes (:func:`a11y_audit.semantics.selectors.scoped`),
  which the selector engine reads with its roots, limits, specificity and the scope
  proximity the cascade orders by (see :class:`_Context`); a block without a root selector
  at the top of a sheet has the parent of the ``<style>`` element that holds the sheet as
  its root (in a linked sheet, none: the ``<link>``'s parent, in the head, shows nothing).
  Declarations in the block apply to its root; in a style rule, its root selectors are
  joined to the rule's, as CSS Nesting joins a nested rule's.
* Quirks mode (a page without a doctype): its sheets, style attributes and ``@supports``
  read a number without a unit as px and a colour without its "#" where the Quirks Mode
  Standard says (:func:`quirky_value`); with a doctype, such numbers are invalid.
* ``@container`` is not evaluated, nor ``@scope`` without a root selector inside a style
  rule or another ``@scope``, nor a rule in ``@scope`` whose selector (or its block's) is
  not judged: their rules are left out of the cascade and kept in :attr:`Stylesheet.undecided`
  (those that set ``display``, ``visibility``, ``content-visibility`` or a property that may
  hide from sight), with a selector that matches at least what they match, for the "may be
  hidden" answer (:attr:`a11y_audit.semantics.cascade.Cascade.undecided`).
  ``@starting-style`` applies only before a first style change (skipped: the page is judged at
  rest). ``@font-face`` and ``@page`` hold no style rules; ``@keyframes`` are kept by name
  (:attr:`Stylesheet.keyframes`) for the animations that end filled.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import operator
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import tinycss2
from tinycss2 import ast, color4

from a11y_audit.dom import integer
from a11y_audit.semantics.css_math import math_length
from a11y_audit.semantics.selectors import (
    OWNER_MARK,
    closing,
    compile_selector,
    ends_at_rest,
    has_unjudged_state,
    owner_digest,
    replace_roots,
    scoped,
    too_deep,
)
from a11y_audit.semantics.selectors import top_level as _top_level
from a11y_audit.semantics.supports import (
    WIDE_KEYWORDS,
    chromium_prelude,
    display_valid,
    import_supports,
    supports,
)

# A CSS number as written (CSS Syntax's <number-token>, sign included): "1.2.3" is not one, so
# what reads a number with float() reads only this
NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
# ... a value that is one number and nothing else (no unit): quirks mode's lengths, SVG's
# presentation attributes, the font shorthand's weight
BARE_NUMBER = re.compile(NUMBER)

# Properties whose declarations are kept; everything else is dropped at parse time.
TRACKED = frozenset(("display", "visibility", "content-visibility", "opacity", "color",
                     "background", "background-color", "background-image", "font", "font-size",
                     "font-weight", "font-family", "position", "left", "top", "right",
                     "bottom", "inset", "clip", "clip-path", "width", "height", "max-width",
                     "max-height", "overflow", "overflow-x", "overflow-y", "transform",
                     "text-indent", "mix-blend-mode", "filter", "text-shadow",
                     "-webkit-text-fill-color", "animation", "animation-name",
                     "animation-fill-mode", "animation-iteration-count", "animation-direction",
                     "animation-play-state", "animation-duration", "animation-delay",
                     # how a link is told from the text around it (link-in-text-block)
                     "font-style", "text-decoration", "text-decoration-line",
                     "text-decoration-style", "border", "border-top", "border-bottom",
                     "border-style", "border-width", "border-color", "border-top-style",
                     "border-top-width", "border-top-color", "border-bottom-style",
                     "border-bottom-width", "border-bottom-color", "outline", "outline-style",
                     "outline-width", "outline-color",
                     # text spacing a style attribute may lock (avoid-inline-spacing)
                     "letter-spacing", "word-spacing", "line-height",
                     # the rotation an orientation lock applies (css-orientation-lock)
                     "rotate",
                     # the scheme light-dark() colours are chosen by
                     "color-scheme"))
# Vendor names that are the same property, read as it (Chromium's aliases)
ALIASES = {f"-webkit-{name}": name for name in (
    "animation", "animation-name", "animation-fill-mode", "animation-iteration-count",
    "animation-direction", "animation-play-state", "animation-duration", "animation-delay")}


@dataclass(frozen=True, slots=True)
class Viewport:
    """The screen the page is judged on (axe runs at 1280x800)."""

    width: float = 1280.0
    height: float = 800.0
    # The orientation media queries read, when not the one width and height give: the
    # screen turned a quarter with nothing else changed (what an orientation lock is judged
    # on, see the css-orientation-lock rule)
    orientation: str | None = None

    @classmethod
    def parse(cls, text: str) -> Viewport:
        """``"1280x800"`` to a viewport; ValueError for anything else."""
        match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text or "")
        if not match:
            raise ValueError(f"viewport must be WIDTHxHEIGHT in CSS pixels, not {text!r}")
        return cls(float(match.group(1)), float(match.group(2)))


DEFAULT_VIEWPORT = Viewport()

Declaration = tuple[str, str, bool]          # (property, value text, !important)
Undecided = tuple[str, str, str, str]        # (origin, selector, body, why): see _scan


class Import(NamedTuple):
    """An ``@import`` whose media and ``supports()`` apply."""

    url: str
    # the cascade layer its sheet goes into (in full: "outer.name"), None when unlayered
    layer: str | None = None
    # the layers the importing sheet's ``@layer`` statements before it declare, in order
    # (they come before the imported sheet's in the page's layer order)
    after: tuple[str, ...] = ()


class StyleRule(NamedTuple):
    """One selector of a style rule with the rule's kept declarations (a named tuple: a page
    of a new site makes thousands, and a frozen dataclass takes three times as long)."""

    selector: str
    order: int                  # position in the stylesheet
    layer: str | None           # cascade layer name, None when unlayered
    declarations: tuple[Declaration, ...]


# Properties that decide whether an element is rendered (the cascade reads them from its one
# match of each element; a "rendering" index of only these is still offered by index()), and
# the words a rule body that sets one holds (``all`` sets them too)
RENDERING = frozenset(("display", "visibility", "content-visibility"))
_RENDERING_WORDS = ("display", "visibility", "all:", "all :")


@dataclass(slots=True)
class Stylesheet:
    """The style rules that apply at the viewport, as written.

    Matching needs, per page, only the rules whose selector key (see :func:`selector_key`)
    occurs on that page: :meth:`index` reads each selector's key once per sheet, and parses a
    rule's declarations only when a page first asks for its key. A sheet
    is cached by content (:func:`parse_stylesheet`), so a site's shared sheet does this work
    once per run, and a 1 MB sheet costs a page little more than the rules it can match."""

    raw: list[tuple[str, str, str | None]] = field(default_factory=list)  # prelude, body, layer
    layers: list[str] = field(default_factory=list)         # in order of first appearance
    # the same names, to tell a new one at once (a list's "in" read 20,000 layers through
    # for each of 20,000 blocks: 8 s)
    layer_names: set[str] = field(default_factory=set)
    imports: list[Import] = field(default_factory=list)     # the @imports that apply
    # @keyframes by name, the last of a name winning: (keyframe selector, declarations) of
    # each block, in order. Read wherever they are (one inside an @media that does not
    # apply too: a rare place for one); an animation that ends filled forwards leaves its
    # last keyframe's values (cascade.Cascade._animate)
    keyframes: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    skipped: int = 0                                        # selectors not judged statically
    # Style rules the cascade does not evaluate and that may hide what they match (see
    # _scan): (origin, selector to match, body, why), the selector matching a superset
    undecided: list[Undecided] = field(default_factory=list)
    # Selectors with a vendor pseudo-class or a state that the cascade does not judge, as
    # (rule order, selector): found where it meets them, without a look at every selector
    # (those read as pseudo-elements by :meth:`keyed`, the others when a page's bucket
    # compiles them, see cascade._sheet_bucket)
    suspects: dict[tuple[int, str], None] = field(default_factory=dict)
    _keyed: dict[str, list[tuple[int, str]]] | None = None  # key -> (rule order, selector)
    # keyed() of the one page that asked for its own keys only: (its keys, their selectors)
    _partial: tuple[frozenset[str], dict[str, list[tuple[int, str]]]] | None = field(
        default=None, compare=False, repr=False)
    _rules: dict[tuple[str, int, str], StyleRule | None] = field(default_factory=dict)
    # How many times parse_stylesheet gave this sheet, and what the cascade works out for it
    # once it is shared (see a11y_audit.semantics.cascade.Cascade._buckets)
    uses: int = field(default=0, compare=False, repr=False)
    prepared: Any = field(default=None, compare=False, repr=False)
    # Cascade.undecided's and Cascade.repaints' lists of the sheet (see Cascade._kept)
    kept: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    generated: Any = field(default=None, compare=False, repr=False)  # see Cascade.generated
    orientation: bool = False       # a media query of the sheet asks for the orientation
    # the text the sheet was read from, as its owner holds it (see owner_digest)
    source: str = field(default="", compare=False, repr=False)
    # read for a page in quirks mode (its values read as such a page reads them: quirky_value)
    quirks: bool = False
    # the custom properties its @property rules register: name -> (whether it inherits, its
    # initial value or None), the last rule of a name winning
    properties: dict[str, tuple[bool, str | None]] = field(default_factory=dict)
    registered: bool = field(default=False, compare=False, repr=False)   # (read them)

    def keyed(self, within: frozenset[str] | None = None) -> dict[str, list[tuple[int, str]]]:
        """Each selector by its index key, in source order (built once per sheet).
        ``within``: the keys of the one page that asks (for a sheet no other page has had):
        only the selectors of those keys, kept for that page's :meth:`rules_of` (the step-9
        pages carry the keys of a third of the selectors of their sheets: appending the
        others to their keys' lists cost ~1,400 instructions each). Every selector's key is
        read either way (``skipped`` and ``suspects`` count them all)."""
        keyed = self._keyed
        if keyed is None and within is not None:
            partial = self._partial
            # (its own keys, or an equal set: another kind of the same page asks with a
            # set of its own)
            if partial is not None and (partial[0] is within or partial[0] == within):
                return partial[1]
        if keyed is None:
            keyed = {}
            skipped = 0
            key: str | None     # (a plain selector's always; selector_keys' None: skipped)
            last_key = _last_key
            pseudo_element = PSEUDO_ELEMENT.search
            known = _PRELUDE_KEYS
            if len(known) >= _PRELUDE_KEYS_KEPT:
                known.clear()
            for order, (prelude, _, _) in enumerate(self.raw):
                if (key := known.get(prelude)) is None:
                    if ":" in prelude and (":-" in prelude or "::" in prelude):
                        # a vendor pseudo-class or a pseudo-element, which the keys below
                        # take for a pseudo-element and leave out. Chromium may not know it:
                        # then the whole rule is dropped (in :is() and :where(), the
                        # argument that holds it). Other pseudo-classes are read for the
                        # rules a page may match (_rule): every prelude read here cost 2 M
                        # instructions a page. (A prelude of _PRELUDE_KEYS was read.)
                        read = chromium_prelude(prelude)
                        if read is None:
                            continue
                        prelude = read
                    if ("\\" in prelude or "(" in prelude or "[" in prelude or '"' in prelude
                            or "'" in prelude):
                        # (_special, its test written out: a call a prelude is 0.34 M
                        # instructions a page)
                        for selector, key in selector_keys(prelude):
                            if key is None:
                                skipped += 1
                                if ":-" in selector:    # (:-moz-x reads as a pseudo-element)
                                    self.suspects[(order, selector)] = None
                            elif within is not None and key not in within:
                                continue
                            elif (bucket := keyed.get(key)) is None:
                                keyed[key] = [(order, selector)]
                            else:
                                bucket.append((order, selector))
                        continue
                    # a plain prelude, as most are: selector_keys' plain reading, each
                    # selector's key its last word's (_plain_key), read here without their
                    # calls and list of pairs
                    if "," in prelude or not prelude or prelude.strip() != prelude:
                        for part in prelude.split(","):
                            if not (selector := part.strip()):
                                continue
                            if ":" in selector and pseudo_element(selector):
                                skipped += 1
                                if ":-" in selector:
                                    self.suspects[(order, selector)] = None
                                continue
                            key = last_key(selector.rsplit(None, 1)[-1])
                            if within is not None and key not in within:
                                continue
                            if (bucket := keyed.get(key)) is None:
                                keyed[key] = [(order, selector)]
                            else:
                                bucket.append((order, selector))
                        continue
                    # one selector, as _read strips it (two thirds of a sheet's preludes):
                    # its key, or "" for a pseudo-element, kept for the run (_PRELUDE_KEYS)
                    # and read below as when found there (not as a list of one: the step-9
                    # pages' keyed() 220.7 -> 215.3 M instructions)
                    key = known[prelude] = (
                        "" if ":" in prelude and pseudo_element(prelude)
                        else last_key(prelude.rsplit(None, 1)[-1]))
                if not key:
                    skipped += 1
                    if ":-" in prelude:
                        self.suspects[(order, prelude)] = None
                elif within is None or key in within:
                    if (bucket := keyed.get(key)) is None:
                        keyed[key] = [(order, prelude)]
                    else:
                        bucket.append((order, prelude))
            if within is None:
                self._keyed = keyed
                self._partial = None    # (the full reading answers its page too)
            else:
                self._partial = (within, keyed)
            self.skipped = skipped
        return keyed

    def index(self, kind: str = "all", keys: frozenset[str] | set[str] | None = None
              ) -> dict[str, list[StyleRule]]:
        """Rules by selector key, for the ``keys`` a page has (None: every key):
        ``"rendering"`` keeps only the display/visibility declarations, ``"all"`` every
        tracked one. Rules without such declarations are left out, and those whose selector
        matches nothing at rest, told from its text (selectors.ends_at_rest: ``a:hover``)."""
        keyed = self.keyed()
        wanted = keyed.keys() if keys is None else (
            keys & keyed.keys() if len(keys) < len(keyed) else keyed.keys() & keys)
        out: dict[str, list[StyleRule]] = {}
        rules = self._rules
        for key in wanted:
            bucket: list[StyleRule] = []
            for order, selector in keyed[key]:
                found: StyleRule | Literal[False] | None = rules.get((kind, order, selector),
                                                                     False)
                if found is False:
                    found = rules[(kind, order, selector)] = self._rule(kind, order, selector)
                if found is not None:
                    bucket.append(found)
            if bucket:
                out[key] = bucket
        return out

    def rules_of(self, kind: str, key: str, within: frozenset[str] | None = None
                 ) -> list[StyleRule]:
        """The rules of one selector key (:meth:`index` for one key, without its sets).
        ``within``: the keys a page has, ``key`` among them; a rule whose selector names an
        id or class the page lacks cannot match there and is left out unread, when its
        selector can be read for them without parsing it (no brackets, parentheses, escapes
        or quotes). A selector that is its key alone (a fifth of them) names only the key.
        One with brackets or parentheses is read for them without those parts
        (:func:`_required_keys`, word by word: :func:`_lacks_required`)."""
        keyed = self.keyed(within)
        rules = self._rules
        out: list[StyleRule] = []
        names = _WORD_NAMES
        for order, selector in keyed.get(key, ()):
            if within is not None and selector != key:
                if not ("\\" in selector or "(" in selector or "[" in selector
                        or '"' in selector or "'" in selector):
                    # not _special (its test written out): the ids and classes of each word
                    # of an ASCII selector, memoised by the word (a site's sheets repeat
                    # their words), the selector's all at once otherwise (an id or class
                    # holds no ASCII white space, but may hold what str.split splits at
                    # beyond it, such as U+00A0). Word by word the first word that names
                    # one the page lacks ends the reading: 6,300 -> 4,800 instructions a
                    # selector of the step-9 pages, their findall over the whole selector
                    # ~100 a character.
                    lacks = False
                    for word in selector.split() if selector.isascii() else (selector,):
                        if (found_names := names.get(word)) is None:
                            if len(names) >= _WORD_NAMES_KEPT:
                                names.clear()
                            found_names = names[word] = _ID_OR_CLASS.findall(word)
                        if not within.issuperset(found_names):
                            lacks = True
                            break
                    if lacks:
                        continue
                elif _lacks_required(selector, within):
                    continue
            found: StyleRule | Literal[False] | None = rules.get((kind, order, selector), False)
            if found is False:
                found = rules[(kind, order, selector)] = self._rule(kind, order, selector)
            if found is not None:
                out.append(found)
        return out

    def _rule(self, kind: str, order: int, selector: str) -> StyleRule | None:
        if ":" in selector and ends_at_rest(selector):
            # (a rule that matches nothing at rest, a:hover: the cascade would drop it once
            # its declarations were read and its selector compiled, 15 of each a step-9
            # page, most of them cold)
            return None
        prelude, body, layer = self.raw[order]
        if ":" in prelude or ")" in prelude:
            # a pseudo-class Chromium does not know (or an argument it does not read, or a
            # parenthesis that closes none) drops the whole rule, or the argument of :is()
            # or :where() that holds it (vendor ones and pseudo-elements: keyed)
            read = chromium_prelude(prelude)
            if read is None:
                return None
            if read is not prelude:
                read = chromium_prelude(selector)
                if read is None:
                    return None
                selector = read
        if kind == "rendering":
            if not any(word in body for word in _RENDERING_WORDS):
                return None
            declarations = tuple(d for d in parse_declarations(body, self.quirks)
                                 if d[0] in RENDERING)
        else:
            declarations = parse_declarations(body, self.quirks)
        if not declarations:
            return None
        return StyleRule(selector, order, layer, declarations)

    @property
    def rules(self) -> int:
        return len(self.raw)


# -- structure --------------------------------------------------------------------------

_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)
_STRINGS = re.compile(r""""(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'""")
_STRUCTURE = str.maketrans({"{": "\\7b ", "}": "\\7d ", ";": "\\3b "})
# A string's opening quote and the characters _STRINGS reads after it, without the closing
# quote: where a string without an end stops (see _neutral_parts)
_STRING_RUN = {'"': re.compile(r'"(?:\\.|[^"\\\n])*'),
               "'": re.compile(r"'(?:\\.|[^'\\\n])*")}


def _neutral_parts(css: str) -> list[str]:
    """``css`` with each quoted string kept as written, except that the characters that would
    end a block or a declaration are written as CSS escapes (the same string to a CSS parser),
    so that the scan below cannot be misled and ``input[type="submit"]`` still matches; as
    the parts that make it, joined (``[css]`` when no string holds one of the three
    characters, nor, in a sheet not all ASCII, a character past ASCII): see
    :func:`_split_parts`.

    What ``_STRINGS.sub`` would do, but the quotes are found with ``str.find``: a regular
    expression's search visits every character of a sheet, ten times slower."""
    out: list[str] = []
    start = position = 0
    wide = not css.isascii()
    double, single = css.find('"'), css.find("'")
    match = _STRINGS.match
    while double >= 0 or single >= 0:
        quote = double if single < 0 or 0 <= double < single else single
        mark = css[quote]
        close = css.find(mark, quote + 1)
        text = css[quote:close + 1] if close > 0 else ""
        if not text or "\\" in text or "\n" in text:       # escapes, or no end: the regex
            found = match(css, quote)
            text = found.group() if found is not None else ""
            close = quote + len(text) - 1
        if not text:
            position = quote + 1        # not a string (a line break before its end)
            # Every quote of the same kind before the point where this one's characters
            # stop is escaped in them (an unescaped one would have ended the string), and a
            # string opened there reads the same characters to the same stop: none is a
            # string either. The next one to try is after that point; trying each in turn
            # was quadratic (an unclosed '\'\'\'...: 16,000 quotes took 8 s).
            stop = _STRING_RUN[mark].match(css, quote).end()  # type: ignore[union-attr]
            if mark == '"':
                double = css.find('"', stop)
            else:
                single = css.find("'", stop)
        else:
            position = close + 1
            if "{" in text or "}" in text or ";" in text:
                out.append(css[start:quote])
                # (what text.translate(_STRUCTURE) gives: no escape holds one of the
                # three, and a replace searches at memchr speed, where translate looks
                # each character up in a dict: long data: URLs hold semicolons)
                out.append(text.replace("{", "\\7b ").replace("}", "\\7d ")
                           .replace(";", "\\3b "))
                start = position
            elif wide and not text.isascii():
                # a string past ASCII, a part of its own: where a sheet's wide characters
                # nearly always are (content:"•", an icon font's private-use character),
                # and the parts around it are then narrow (see _split_parts)
                out.append(css[start:quote])
                out.append(text)
                start = position
        if 0 <= double < position:
            double = css.find('"', position)
        if 0 <= single < position:
            single = css.find("'", position)
    if not out:
        return [css]
    out.append(css[start:])
    return out


def _split_parts(parts: list[str]) -> list[str]:
    """``"".join(parts).split("}")``, split part by part, the pieces that span parts joined.

    The parts of a sheet of wide characters (UCS-2: CSS-in-JS sheets often hold a few) are
    each made in the narrowest kind that holds it, as is every slice of a str. Joined, the
    narrow parts would be widened back, and each piece split from the join narrowed again (a
    scan and a copy of each character); split part by part, the pieces of a narrow part are
    copies. (The step-9 pages' sheets read cold: 224.4 -> 212.7 M instructions, 0.56 M a
    page; six of the seven wide sheets hold their wide characters in strings only.)"""
    if len(parts) == 1:
        return parts[0].split("}")
    pieces: list[str] = []
    open_piece: list[str] = []      # the start of the piece that the next part continues
    for part in parts:
        if "}" not in part:
            open_piece.append(part)
            continue
        split = part.split("}")
        if open_piece:
            open_piece.append(split[0])
            split[0] = "".join(open_piece)
        open_piece = [split.pop()]
        pieces += split
    pieces.append("".join(open_piece))
    return pieces


# One item of a block: an at-rule (name, prelude, opener), a style rule without nested
# blocks (prelude, "{" and body), the opening of a style rule with nested blocks (prelude and
# "{"), a closing brace, or stray text (in a sheet with nested rules, the declarations of a
# style rule after its nested rules: see _STRAY). Comments are gone and strings neutralised
# before the scan. Some item matches at any position, so findall reads a sheet as
# consecutive items.
_ITEM_TEXT = r"""\s*(?:
      (@[-\w]+)([^{};]*)(\{|;|\Z)
    | ([^{}@][^{}]*|)(\{[^{}]*)\}
    | ([^{}]*\{)
    | (\})
    | [^{}]+
    )"""
_ITEM = re.compile(_ITEM_TEXT, re.X | re.S)


# _ITEM with a style rule's prelude read up to its "{" and its body up to its "}": a run of
# all but one character costs the regular expression engine a fraction of a run of all but
# two (the scan's largest cost). Such an item whose prelude holds a "}" or whose body a "{"
# is not one style rule; it ends at a "}", as every item of _ITEM that holds one does, so
# _ITEM's items of its text are _ITEM's items of the sheet there (see _items).
_FAST_ITEM_TEXT = r"""\s*(?:
      (@[-\w]+)([^{};]*)(\{|;|\Z)
    | ([^{}@][^{]*|)(\{[^}]*)\}
    | ([^{}]*\{)
    | (\})
    | [^{}]+
    )"""
_FAST_ITEM = re.compile(_FAST_ITEM_TEXT, re.X | re.S)
# The two with the stray text captured (an eighth group), for sheets with nested rules only:
# the capture costs every sheet's scan a few per cent
_STRAY = {False: (_FAST_ITEM, _ITEM),
          True: tuple(re.compile(text.replace("| [^{}]+", "| ([^{}]+)"), re.X | re.S)
                      for text in (_FAST_ITEM_TEXT, _ITEM_TEXT))}


def _items(css: str, stray: bool = False) -> list[tuple[str, ...]]:
    """``_ITEM.findall(css)``, read with :data:`_FAST_ITEM`. ``stray``: stray text too, as
    an item with an empty name and the text in the prelude's place."""
    fast, slow = _STRAY[stray]
    if "}" not in css:
        # No closing brace (a sheet's unclosed end, or a sheet cut short): no style rule ends
        # here, and _FAST_ITEM's body would run to the end from every opener before failing,
        # in time quadratic in the openers (20 KB of "x{" took 4 s); _ITEM's stops at the
        # next brace
        out = slow.findall(css)
    else:
        found = fast.findall(css)
        # nearly always, no style rule's prelude holds a "}" and no body a "{" after its
        # first: the fast items are the items (told by two joins, not a look at each item)
        bodies = list(filter(None, map(_BODY, found)))
        if ("}" not in "".join(map(_PRELUDE, found))
                and "".join(bodies).count("{") == len(bodies)):
            out = found
        else:
            out = _split_items(found, slow)
    if stray:
        out = [item[:7] if not item[7] else ("", item[7], "", "", "", "", "")
               for item in out]
    return out


_CLOSER = ("", "", "", "", "", "", "}")        # the item of a lone "}"
_AT_HEAD = re.compile(r"(@[-\w]+)([^;]*)")    # an at-rule's name and prelude, up to its "{"
# _AT_HEAD of an @media rule (a name that lowers to "media"), its prelude the group
_MEDIA_HEAD = re.compile(r"@[mM][eE][dD][iI][aA](?![-\w])([^;]*)")


def _read_items(css: str, stray: bool = False) -> list[tuple[str, ...]]:
    """:func:`_items` of ``css``, read piece by piece between its closing braces.

    Every item of ``_ITEM`` that holds a "}" ends with it, and none reads past one, so the
    items of the sheet are the items of each piece with its "}", one after the other. Most
    pieces are one style rule (``prelude{declarations``): str methods (in C) read those, and
    :func:`_piece_items` the others, where the regular expression visits every character.
    (:func:`_read` reads a sheet so, without making the style rules' items.)"""
    pieces = css.split("}")
    last = pieces.pop()
    out: list[tuple[str, ...]] = []
    for piece in pieces:
        head, brace, rest = piece.partition("{")
        if brace and "{" not in rest and ("@" not in head or head.lstrip()[:1] != "@"):
            out.append(("", "", "", head.lstrip(), "{" + rest, "", ""))
        else:
            out.extend(_piece_items(piece, stray))
    if last:
        out.extend(_items(last, stray))
    return out


def _piece_items(piece: str, stray: bool) -> list[tuple[str, ...]]:
    """:func:`_items` of a piece of a sheet and the "}" after it, the piece not being one
    style rule. Most are a "}" alone (the end of an ``@media`` block) or an at-rule's opening
    and then a style rule (``@media x{.a{b``: emotion's one-rule blocks), an empty block or
    a block of declarations (``@font-face``), read with str methods; the others (nested or
    stray braces, statements) with :func:`_items`."""
    head, brace, rest = piece.partition("{")
    if not brace:
        if not piece or piece.isspace():
            return [_CLOSER]
    elif "@" in head and (head := head.lstrip())[:1] == "@" and (
            at := _AT_HEAD.fullmatch(head)) is not None:
        inner, brace, rule = rest.partition("{")
        if not brace:
            if rest.lstrip()[:1] != "@":
                # an empty block, or a block of declarations (stray text) and the "}"
                if not rest or rest.isspace():
                    return [(*at.groups(), "{", "", "", "", ""), _CLOSER]
                return [(*at.groups(), "{", "", "", "", ""),
                        ("", rest.lstrip(), "", "", "", "", "") if stray
                        else ("", "", "", "", "", "", ""), _CLOSER]
        elif "{" not in rule and (inner := inner.lstrip())[:1] != "@":
            return [(*at.groups(), "{", "", "", "", ""), ("", "", "", inner, "{" + rule, "", "")]
    return _items(piece + "}", stray)


_PRELUDE = operator.itemgetter(3)     # an item's style rule prelude
_BODY = operator.itemgetter(4)        # ... and body, with its "{" (empty: not a style rule)


def _split_items(found: list[tuple[str, ...]], slow: re.Pattern[str]
                 ) -> list[tuple[str, ...]]:
    """:func:`_items` of the fast items ``found``, those that are not one style rule read
    again with ``slow``."""
    out: list[tuple[str, ...]] = []
    for item in found:
        body = item[4]
        if body and ("}" in item[3] or "{" in body[1:]):
            out.extend(slow.findall(item[3] + body + "}"))
        else:
            out.append(item)
    return out


def _has_comment(css: str) -> bool:
    """``"/*" in css``, found by its "*"s: a search for one character is memchr's, a
    fraction of an instruction a character, where a search for two visits each (some five
    instructions a character of a sheet of wide characters, as large CSS-in-JS sheets
    often are). A sheet with more "*"s than one in 128 characters is searched for "/*" past
    the first of them (never more than twice the one search)."""
    star = css.find("*", 1)
    budget = len(css) >> 7
    while star > 0:
        if css[star - 1] == "/":
            return True
        if not budget:
            return css.find("/*", star) >= 0
        budget -= 1
        star = css.find("*", star + 1)
    return False


def _scan(css: str, viewport: Viewport, layer: str | None = None,
          quirks: bool = False) -> Stylesheet:
    source = css
    if _has_comment(css):
        css = _COMMENT.sub(" ", css)
    if _ends_open(css):
        css = syntax_repaired(css)
    try:
        return _scan_sheet(Stylesheet(source=source, quirks=quirks), css, viewport, layer)
    except _StrayBrace:
        # a "}" that closes no block: the rule it begins is dropped (syntax_repaired); a
        # "}" CSS Syntax reads as part of a token (in a url() or a string left open) is
        # passed over, as before
        return _scan_sheet(Stylesheet(source=source, quirks=quirks), syntax_repaired(css),
                           viewport, layer, strays=False)


def _scan_sheet(sheet: Stylesheet, css: str, viewport: Viewport, layer: str | None,
                strays: bool = True) -> Stylesheet:
    """Read ``css`` (comments removed) into ``sheet``. ``strays``: raise _StrayBrace at a
    "}" that closes no block."""
    if "@import" in css:
        # (an @import after a block, a style rule's or an at-rule's, is ignored)
        first_block = css.find("{")
        for found in _IMPORT_STATEMENT.finditer(css, 0, len(css) if first_block < 0
                                                else first_block):
            _import(sheet, found.group(1), viewport, layer, css[:found.start()])
    parts = _neutral_parts(css) if '"' in css or "'" in css else [css]
    if layer is not None:
        _declare_layer(sheet, layer)
    if not _read(sheet, css, viewport, False, pieces=_split_parts(parts), layer=layer,
                 strays=strays):
        # nested rules: read again, with the declarations between and after them
        sheet.raw.clear()
        del sheet.layers[1 if layer is not None else 0:]
        sheet.layer_names = set(sheet.layers)
        sheet.undecided.clear()
        sheet.keyframes.clear()
        _read(sheet, css, viewport, True, pieces=_split_parts(parts), layer=layer,
              strays=strays)
    if sheet.orientation:
        sheet.orientation = turns_by_orientation(css)
    return sheet


class _StrayBrace(Exception):
    """_read met a "}" that closes no block (rare: the sheet is read again, repaired)."""


def _ends_open(css: str) -> bool:
    """The sheet does not end with a block's "}" (its last rule cut short, a string or a
    parenthesis that never closes...): it is read as :func:`syntax_repaired` writes it.
    (Only the end is looked at: a mistake that swallows the rest of a sheet in its middle,
    ``url(x.png`` without its ")", is not found; Chromium then drops every rule after it,
    which a page shows plainly, so pages in use hardly have one.)"""
    end = css[-64:].rstrip()
    if end.endswith("-->"):     # (an HTML comment's end, which CSS Syntax passes over)
        end = end[:-3].rstrip()
    return end[-1:] != "}" and end != ""


# The tokens of CSS Syntax 3 that decide a sheet's structure: a string (to its quote, or
# stopped before a line break: a bad string, after which reading goes on), an unquoted url()
# (to its ")", or to the end: a bad url, which swallows braces), an escaped character (part
# of a name), an opener or a closer of a block, and a semicolon
_SYNTAX_TOKENS = re.compile(
    r""""(?:[^"\\\n\r\f]|\\[\s\S]|\\\Z)*(?:"|(?=[\n\r\f])|\Z)"""
    r"""|'(?:[^'\\\n\r\f]|\\[\s\S]|\\\Z)*(?:'|(?=[\n\r\f])|\Z)"""
    r"""|(?<![-\w\\])url\((?!\s*["'])(?:[^)\\]|\\[\s\S])*(?:\)|\Z)|\\[\s\S]|[][(){};]""",
    re.I)
_OPENED = {"(": ")", "[": "]", "{": "}"}     # each opener of a block, and its closer


def syntax_repaired(css: str) -> str:
    """``css`` (comments removed) as CSS Syntax 3 reads its structure (see _repair)."""
    return _repair(css)[0]


def _repair(css: str) -> tuple[str, int]:
    """``css`` (comments removed) as CSS Syntax 3 reads its structure, written so that the
    scanner, which pairs braces and leaves parentheses to the readers of preludes and
    values, reads the same rules:

    - a parenthesis or bracket that never closes, a string without an end before the
      sheet's end (nor a line break), or an unquoted ``url(`` without its ``)``, swallows
      the rest of the sheet into the prelude or declaration it starts in: that statement is
      dropped, and everything after it (the blocks open around it close at the end);
    - a ``}`` that closes no block starts a style rule whose prelude it is part of: that
      rule, up to the end of the block after it, is dropped (blanked);
    - the blocks left open at the end are closed there (``.a { color: red`` as the last
      rule applies).

    Chromium reads a sheet so (tests/test_styles_browser.py); a sheet whose quotes and
    brackets pair up is returned as it is. And where the sheet was cut (the statement
    swallowed), -1 where it was not."""
    # the closers awaited, with where their statement began and where they were opened
    stack: list[tuple[str, int, int]] = []
    simple = 0          # how many of them close a ( ) or [ ] block (inside which ; { } are
    #                     parts of a value or prelude, not its structure)
    boundary = 0        # where the current statement begins: after the last { or }, or ;
    #                     ending a declaration or an at-rule's statement
    stray = -1          # a "}" that closes nothing: where the rule it starts began
    blanks: list[tuple[int, int]] = []
    cut = -1
    for found in _SYNTAX_TOKENS.finditer(css):
        token = found.group()
        first = token[0]
        if first == "\\":
            continue        # an escaped character: part of a name (".w-\[10px\]")
        if first == '"' or first == "'" or len(token) > 1:
            # a string or an unquoted url: ended (or a bad string, stopped by a line
            # break), or running to the sheet's end, where it swallows what is open
            if found.end() == len(css) and not _token_closed(token):
                if _swallows(token):
                    cut = _statement_start(stack, boundary, stray)
                else:   # closed by the end, as what is open around it
                    ending = ")" if len(token) > 1 and token[0] not in "\"'" else token[0]
                    if token.endswith("\\") and (len(token) - len(token.rstrip("\\"))) % 2:
                        css = css[:-1]      # (an escape of nothing: dropped)
                    css += ending
                break
            continue
        if first in _OPENED:
            stack.append((_OPENED[first], boundary, found.start()))
            if first != "{":
                simple += 1
            elif not simple:
                boundary = found.end()
        elif first == ";":
            # (at the top level, a ";" ends an at-rule's statement, but is part of a style
            # rule's prelude: "x; .b { }" is one rule, dropped)
            if not simple and (stack or css[boundary:found.start()].lstrip()[:1] == "@"):
                boundary = found.end()
        elif stack and stack[-1][0] == first:
            stack.pop()
            if first != "}":
                simple -= 1
            elif not simple:
                boundary = found.end()
                if stray >= 0 and not stack:
                    blanks.append((stray, found.end()))     # the rule the stray brace began
                    stray = -1
        elif first == "}" and not stack and stray < 0:
            stray = boundary    # (the rule's prelude holds what came before the brace)
    if cut < 0:
        if simple and _swallows(css[next(at for closer, _, at in stack if closer != "}"):]):
            cut = _statement_start(stack, boundary, stray)
        elif stray >= 0:
            cut = stray     # a rule begun by a stray brace without a block: to the end
    if blanks:
        pieces = []
        end = 0
        for start, stop in blanks:
            pieces.append(css[end:start])
            pieces.append(" " * (stop - start))
            end = stop
        pieces.append(css[end:])
        css = "".join(pieces)
    if cut >= 0:
        css = css[:cut]
    # and the blocks still open at the end closed, as the end of the sheet closes them
    return css + "".join(closer for closer, _, at in reversed(stack)
                         if cut < 0 or at < cut), cut


def _swallows(text: str) -> bool:
    """What an opener left open to the sheet's end holds structure (a brace or a
    semicolon): the statement it is in swallows it. One that holds none ends with the sheet
    as if closed there (``--v: foo(`` last in a sheet keeps its value)."""
    return "{" in text or "}" in text or ";" in text


def _token_closed(token: str) -> bool:
    """A string token (of _SYNTAX_TOKENS) ends with its quote, an unquoted url's with its
    ")"."""
    first = token[0]
    if first == '"' or first == "'":
        if len(token) < 2 or token[-1] != first:
            return False
        body = token[1:-1]
        return (len(body) - len(body.rstrip("\\"))) % 2 == 0     # (not an escaped quote)
    return token[-1] == ")"


def _statement_start(stack: list[tuple[str, int, int]], boundary: int, stray: int) -> int:
    """Where the statement holding the outermost open parenthesis or bracket (or, with none
    open, the current one) began: the text from there on is swallowed."""
    for closer, began, _ in stack:
        if closer != "}":
            start = began
            break
    else:
        start = boundary
    return min(start, stray) if stray >= 0 else start


# An @property rule (CSS Properties and Values API 1): its name and its descriptors
_PROPERTY_RULE = re.compile(r"@property\s+(--[-\w]+)\s*\{([^{}]*)\}", re.I)


def _register(sheet: Stylesheet, css: str) -> None:
    """Keep the custom properties the sheet's valid @property rules register: ``syntax``
    and ``inherits`` given, and ``initial-value`` unless the syntax is the universal one
    (``"*"``). The syntax is not read further: a registered property's values are taken as
    written."""
    for name, body in _PROPERTY_RULE.findall(css):
        descriptors = {}
        for part in body.split(";"):
            key, colon, value = part.partition(":")
            if colon:
                descriptors[key.strip().lower()] = value.strip()
        syntax = descriptors.get("syntax", "").strip("\"'").strip()
        inherits = descriptors.get("inherits", "").lower()
        initial = descriptors.get("initial-value")
        if not syntax or inherits not in ("true", "false") or (
                initial is None and syntax != "*"):
            continue        # (an invalid rule registers nothing)
        sheet.properties[name] = (inherits == "true", initial or None)


_TURNS = re.compile(r"rotate|matrix|transform\s*:[^;}]*var\(|(?:^|[;{\s])all\s*:", re.I)
_PRELUDE_REACH = 512        # characters back from "orientation" to its "@media"


def turns_by_orientation(css: str) -> bool:
    """A block of an orientation media query in ``css`` (comments removed) holds a
    declaration that may turn an element: a rotating transform function or the ``rotate``
    property, a ``transform`` from a ``var()``, or ``all`` (read as text: a superset). Only
    sheets whose media queries ask for the orientation are read so (str.find, not a
    pattern's search of every character: such a sheet may be a site's whole CSS)."""
    at = css.find("orientation")
    while at >= 0:
        media = css.rfind("@media", max(0, at - _PRELUDE_REACH), at)
        brace = css.find("{", at)
        if media >= 0 and brace >= 0 and "{" not in css[media:at] and ";" not in css[
                media:brace] and "}" not in css[media:at]:
            end = _block_end(css, brace + 1)
            if _TURNS.search(css, brace, end):
                return True
        at = css.find("orientation", at + 11)
    return False


def _block_end(css: str, at: int) -> int:
    """Where the block whose "{" is just before ``at`` ends (after its "}"; the text's end
    when it is not closed)."""
    depth = 1
    while depth:
        close = css.find("}", at)
        if close < 0:
            return len(css)
        opening = css.find("{", at, close)
        if opening >= 0:
            depth, at = depth + 1, opening + 1
        else:
            depth, at = depth - 1, close + 1
    return at


def may_turn(css: str) -> bool:
    """``css`` holds a declaration that may turn an element (see turns_by_orientation)."""
    return _TURNS.search(css) is not None


def _read(sheet: Stylesheet, css: str, viewport: Viewport, stray: bool,
          items: list[tuple[str, ...]] | None = None, pieces: list[Any] | None = None,
          layer: str | None = None, strays: bool = False) -> bool:
    """:func:`_scan`'s reading of the sheet's items into ``sheet``; False when it meets a
    style rule with nested rules or an ``@scope`` (whose block may hold declarations) and
    ``stray`` is False (stop: read it again with ``stray``).
    ``items``: the sheet's items, read from them (the tests' reference: :func:`_items`).
    ``pieces``: ``css.split("}")``, split already (then ``css`` is not read; the list is
    written over: its last piece becomes None, hence list[Any]). ``layer``: the cascade layer
    the sheet is in (an imported sheet's), None when unlayered. ``strays``: raise
    _StrayBrace at a "}" that closes no block (else it is passed over)."""
    # Context stack: (applies, layer, undecided) per open block; a skipped block applies
    # nothing; in an undecided one (@container, a nested root-less @scope...) the rules go to
    # sheet.undecided instead, and in @scope or a style rule with nested rules they go into
    # the cascade as the context writes them (see _Context).
    stack: list[tuple[bool, str | None, _Context | None]] = [(True, layer, None)]
    applies: bool | None        # (None only between a media.get miss and its reading)
    applies, layer, context = stack[-1]
    raw = sheet.raw
    # an @keyframes being read: (its depth in the stack, its name, its blocks so far)
    frames: tuple[int, str, list[tuple[str, str]]] | None = None
    media: dict[str, bool] = {}     # a sheet repeats its media queries (no viewport hash each)
    # ... and its at-rules' openings ("@media x"): each one's query (None: not @media), not
    # read again by the regular expression (a CSS-in-JS sheet opens a block for each rule:
    # nine in ten of them repeat an opening)
    queries: dict[str, str | None] = {}
    # The sheet's pieces between closing braces, as _read_items reads them (the last, not
    # closed, as None); a style rule (most pieces) is read here, without making its item
    if items is None:
        if pieces is None:
            pieces = css.split("}")
        last: str = pieces[-1]
        pieces[-1] = None   # type: ignore[call-overload]  # (narrowed to list[str] above)
    else:
        pieces, last = [None], ""
    for piece in pieces:
        if piece is None:
            found = _items(last, stray) if items is None else items
        else:
            head, brace, rest = piece.partition("{")
            if brace and "{" not in rest and ("@" not in head or head.lstrip()[:1] != "@"):
                if applies:
                    if context is None:
                        raw.append((head.strip(), rest, layer))
                    else:
                        context.rule(sheet, head.lstrip(), rest, layer, viewport, True)
                elif frames is not None and len(stack) == frames[0]:
                    frames[2].append((head.strip().lower(), rest))    # a keyframe
                continue
            if not brace and (not piece or piece.isspace()):
                # a "}" alone (the end of a block: a fifth of the pieces), as its item is read
                if len(stack) == 1:
                    if strays:
                        raise _StrayBrace
                    continue
                stack.pop()
                applies, layer, context = stack[-1]
                if frames is not None and len(stack) < frames[0]:
                    sheet.keyframes[frames[1]] = tuple(frames[2])
                    frames = None
                continue
            if brace and "@" in head and (opening := head.lstrip())[:1] == "@":
                inner, brace, body = rest.partition("{")
                if brace and "{" not in body and (inner := inner.lstrip())[:1] != "@":
                    # "@media x{" and one style rule (a CSS-in-JS library writes a block
                    # for each rule: nearly every at-rule piece): its two items, as
                    # _piece_items reads them, read below, without making them. (The
                    # queries are kept by their text as written, and as read below.)
                    query: str | Literal[False] | None = queries.get(opening, False)
                    if query is False:
                        at = _MEDIA_HEAD.fullmatch(opening)
                        query = queries[opening] = at.group(1) if at is not None else None
                    if query is not None:
                        if applies and (applies := media.get(query)) is None:
                            applies = media[query] = media_matches(" ".join(query.split()),
                                                                   viewport)
                            if "orientation" in query.lower():
                                sheet.orientation = True
                        if context is not None:
                            context = _inner(context)
                        stack.append((applies, layer, context))
                        if applies:
                            if context is None:
                                raw.append((inner.strip(), body, layer))
                            else:
                                context.rule(sheet, inner, body, layer, viewport, True)
                        continue
            found = _piece_items(piece, stray)
        for name, at_prelude, opener, prelude, body, nested, close in found:
            if body:
                if applies:
                    if context is None:
                        raw.append((prelude.strip(), body[1:], layer))
                    else:
                        context.rule(sheet, prelude, body[1:], layer, viewport, True)
                elif frames is not None and len(stack) == frames[0]:
                    frames[2].append((prelude.strip().lower(), body[1:]))     # a keyframe
                continue
            if name:
                name = name[1:].lower()
                at_prelude = " ".join(at_prelude.split())
                if name == "property" and not sheet.registered:
                    # (read from the sheet's text once it is known to hold one: a search
                    # of every sheet for "@property" cost 0.2 M instructions a page)
                    sheet.registered = True
                    _register(sheet, css)
                if opener != "{":
                    if applies and context is None:
                        _statement(sheet, name, at_prelude, layer, viewport)
                    continue
                if name == "media":
                    if applies and (applies := media.get(at_prelude)) is None:
                        applies = media[at_prelude] = media_matches(at_prelude, viewport)
                        if "orientation" in at_prelude.lower():
                            sheet.orientation = True
                    if context is not None:
                        context = _inner(context)
                    stack.append((applies, layer, context))
                    continue
                if name in _UNDECIDED_AT_RULES:
                    if name == "scope" and not stray:
                        return False    # (read with stray text: declarations in the block)
                    stack.append((applies, layer,
                                  _Context.at_rule(context, name, at_prelude, sheet)))
                elif name == "layer" and context is not None and not context.evaluated:
                    stack.append((applies, layer, context))     # (no layer order to keep)
                else:
                    if name == "layer" and not at_prelude:
                        at_prelude = _anonymous_layer()
                    stack.append((*_block(sheet, name, at_prelude, applies, layer, viewport),
                                  context if context is None else _inner(context)))
                    if name in ("keyframes", "-webkit-keyframes") and context is None:
                        # its blocks are kept as keyframes, until it closes (see keyframes)
                        frames = (len(stack), at_prelude.strip("'\""), [])
            elif nested:        # a style rule with nested rules (see _Context.nesting)
                if not stray:
                    return False
                stack.append(_Context.nesting(context, sheet, nested[:-1], applies, layer,
                                              viewport))
            elif close and (len(stack) > 1 or strays):
                if len(stack) == 1:
                    raise _StrayBrace
                stack.pop()
                if frames is not None and len(stack) < frames[0]:
                    sheet.keyframes[frames[1]] = tuple(frames[2])
                    frames = None
            else:
                # stray text: in a style rule with nested rules, its declarations after them
                # or in @media inside it (see _items)
                if at_prelude and context is not None and applies:
                    context.rule(sheet, "", at_prelude, layer, viewport)
                continue
            applies, layer, context = stack[-1]
    return True


# The at-rules whose style rules need what static HTML lacks, and why (see _Context)
_UNDECIDED_AT_RULES = {"container": "container queries need layout",
                       "scope": "@scope without a root selector is not evaluated"}
# An evaluated @scope's rule whose selector (or the block's) is not judged
_SCOPE_UNJUDGED = "a selector of this @scope rule is not judged"
_SCOPE_IN_RULE = "@scope without a root selector in a style rule is not evaluated"
# A nested rule whose parent's selector, joined, is longer than _PARENT_CHARS
_NESTED_DEEP = "style rules nested this deep are not evaluated"
# Declarations that may stop an element being rendered, hide it from sight, or change how
# its text is painted (colours, opacity, filters, shadows, font size and weight, the custom
# properties those may read): what makes an undecided rule worth keeping (the cascade reads
# their values: Cascade.undecided, Cascade.repaint_doubt)
_MAY_HIDE = re.compile(r"(?:^|[;\s])(?:display|visibility|content-visibility|clip|clip-path"
                       r"|left|top|right|inset|opacity|transform|width|height|color"
                       r"|background(?:-color|-image)?|filter|mix-blend-mode|text-shadow"
                       r"|-webkit-text-fill-color|font(?:-size|-weight)?|all|--[-\w]*)\s*:",
                       re.I)
_PARENT_CHARS = 400         # a nested rule's parent selector, joined, beyond which it is "*"
# An @scope prelude with a root selector: the root selector, and the limit part (" to (...)")
_SCOPE_ROOT = re.compile(r"^\(\s*(.*?)\s*\)((?:\s*to\s*\(.*\))?)$", re.S)


@dataclass(frozen=True, slots=True)
class _Context:
    """A block of :func:`_scan` that is not a plain list of style rules: the style rules
    nested in a style rule (CSS Nesting), an ``@scope`` block, or an undecided block.
    ``evaluated``: a style rule's nested rules, joined to its selector exactly
    (:func:`_nest`), go into the cascade like any rule, in source order (the declarations
    after a nested rule come after it, as CSS Nesting's nested declarations rules do in
    current browsers); in ``@scope`` blocks (``scopes``, their preludes), with each selector
    marked with them (:func:`a11y_audit.semantics.selectors.scoped`), and one that is not
    judged so is kept undecided, as ``why`` says (:meth:`_cascade`). Otherwise the block is
    undecided: why its rules are not evaluated, the text the origin of each starts with
    (``@container (min-width: 40em) ``), and for rules nested in a style rule the parent's
    selector list (``parent``, already a selector of the page's elements) and how it was
    written (``written``)."""

    why: str
    prefix: str = ""
    parent: str | None = None
    written: str = ""
    scope: str | None = None        # the @scope root selector (None: none, "*": the owner)
    evaluated: bool = False
    # the preludes of the evaluated @scope blocks it is in, the outermost first (see
    # selectors.scoped): its rules go into the cascade with their selectors so marked
    scopes: tuple[str, ...] = ()
    # whether declarations apply here (all but the conditional blocks in an @scope block,
    # which hold style rules only, as at the top of a sheet: see _inner)
    declarations: bool = True

    @classmethod
    def at_rule(cls, outer: _Context | None, name: str, prelude: str,
                sheet: Stylesheet | None = None) -> _Context:
        scope = None
        if name == "scope":
            found = _SCOPE_ROOT.match(prelude)
            scope = found.group(1) if found and found.group(1) else "*"
        prefix = f"@{name} {prelude} ".replace("  ", " ")
        if scope == "*" and outer is None and sheet is not None and sheet.source and (
                not prelude or prelude[:2].lower() == "to"):
            # an @scope without a root selector, at the top of a sheet: its root is the
            # parent of the <style> element that holds the sheet (selectors.scoped)
            return cls(_SCOPE_UNJUDGED, prefix, scope="*", evaluated=True,
                       scopes=(f"{OWNER_MARK}{owner_digest(sheet.source)}> {prelude}",))
        if scope is not None and scope != "*" and outer is not None and outer.evaluated and (
                outer.parent is not None):
            # an @scope in a style rule: its root selectors joined to the rule's (relative
            # to its elements, as CSS Nesting joins a nested rule's selector; Chromium)
            found = _SCOPE_ROOT.match(prelude)
            assert found is not None
            joined = _nest(outer.parent, scope)
            if joined is not None:
                return cls(_SCOPE_UNJUDGED, outer.prefix + prefix, scope=joined, evaluated=True,
                           scopes=(*outer.scopes, f"({joined}){found.group(2)}"))
        if scope is not None and scope != "*" and (
                outer is None or (outer.scopes and outer.parent is None)):
            # an @scope with a root selector, at the top or in another: evaluated
            # (selectors.scoped), each rule's selectors marked with the blocks' preludes
            return cls(_SCOPE_UNJUDGED, (outer.prefix if outer else "") + prefix,
                       scope=scope, evaluated=True,
                       scopes=(outer.scopes if outer else ()) + (prelude,))
        if outer is None:
            return cls(_UNDECIDED_AT_RULES[name], prefix, scope=scope)
        why = outer.why
        if outer.evaluated:
            why = (_SCOPE_IN_RULE if name == "scope" and outer.parent is not None
                   else _UNDECIDED_AT_RULES[name])
        return cls(why, outer.prefix + prefix, outer.parent, outer.written,
                   scope if scope is not None else outer.scope)

    @classmethod
    def nesting(cls, outer: _Context | None, sheet: Stylesheet, opener: str, applies: bool,
                layer: str | None, viewport: Viewport
                ) -> tuple[bool, str | None, _Context]:
        """What :func:`_read` stacks for a block opened inside a style rule with nested
        rules (whether its rules apply, their layer, the context): a nested style rule's,
        or a conditional at-rule's written after declarations (``color: red; @media (...)
        {``, which the scan reads as one prelude); the declarations before it are a rule of
        their own (``outer`` nests it)."""
        declarations, _, selector = opener.rpartition(";")
        selector = selector.strip()
        if outer is None:
            return applies, layer, cls("", "", selector, selector, evaluated=True)
        if applies and declarations.strip():
            outer.rule(sheet, "", declarations, layer, viewport)
        if outer.scopes and outer.parent is None and selector[:1] != "@":
            # a style rule with nested rules in an evaluated @scope
            return applies, layer, cls(_SCOPE_UNJUDGED, outer.prefix, selector, selector,
                                       outer.scope, evaluated=True, scopes=outer.scopes)
        if selector[:1] == "@" and (at := _AT_RULE.match(selector)) is not None:
            name, prelude = at.group(1).lower(), " ".join(at.group(2).split())
            if name in _UNDECIDED_AT_RULES:
                return applies, layer, cls.at_rule(outer, name, prelude)
            if name == "layer" and not outer.evaluated:
                return applies, layer, outer
            return (*_block(sheet, name, prelude, applies, layer, viewport), _inner(outer))
        written = f"{outer.written} {{ {selector} }}" if outer.written else selector
        written = written if len(written) <= _PARENT_CHARS else f"... {{ {selector} }}"
        if outer.evaluated:
            assert outer.parent is not None
            joined = _nest(outer.parent, selector)
            if joined is None:
                return False, layer, outer      # no selector: browsers drop the rule
            if len(joined) <= _PARENT_CHARS:
                return applies, layer, cls(outer.why, outer.prefix, joined, written,
                                           outer.scope, evaluated=True, scopes=outer.scopes)
            why, parent = _NESTED_DEEP, joined
        else:
            why, parent = outer.why, outer.selector(selector)
        if len(parent) > _PARENT_CHARS:
            parent = "*"        # deep nesting: the parent's restriction is dropped (wider)
        return applies, layer, cls(why, outer.prefix, parent, written, outer.scope)

    def selector(self, written: str) -> str:
        """A selector list matching at least what ``written`` matches here (exactly, but
        for the parent "*" of nesting too deep to join)."""
        out = []
        for selector in split_selectors(written):
            if self.scope is not None:
                root = f":is({self.scope})"
                selector = selector.replace(":scope", root)
            if self.parent is not None:
                selector = _nest(self.parent, selector) or selector
            elif "&" in selector:
                selector = selector.replace("&", f":is({self.scope or '*'})")
            out.append(selector)
        return ", ".join(out)

    def rule(self, sheet: Stylesheet, prelude: str, body: str, layer: str | None,
             viewport: Viewport, block: bool = False) -> None:
        """One style rule of the block (``prelude`` may start with the declarations of the
        style rule it is nested in, up to a ``;``), or a conditional at-rule nested in that
        style rule, holding declarations only (``@media (...) { color: red }``). ``block``:
        ``body`` is a block of its own (an empty ``prelude`` is then an empty selector list,
        and the rule is dropped, as Chromium drops ``.a { { color: red } }``), not the
        declarations of the rule it is in."""
        declarations, _, prelude = prelude.rpartition(";")
        if declarations.strip():
            if not self.declarations:
                return      # (where only rules are read, text before one spoils its prelude)
            if self.parent is not None or self.scopes:
                self.rule(sheet, "", declarations, layer, viewport)
        prelude = prelude.strip()
        if block and not prelude:
            return
        if prelude[:1] == "@" and (self.parent is not None or self.scopes):
            at = _AT_RULE.match(prelude)
            if at is None:
                return
            name, at_prelude = at.group(1).lower(), " ".join(at.group(2).split())
            if name in _UNDECIDED_AT_RULES:
                _Context.at_rule(self, name, at_prelude).rule(sheet, "", body, layer, viewport)
                return
            applies, inner = ((True, layer) if name == "layer" and not self.evaluated
                              else _block(sheet, name, at_prelude, True, layer, viewport))
            if applies:
                _inner(self).rule(sheet, "", body, inner, viewport)
            return
        if self.evaluated:
            if not prelude and not self.declarations:
                return                  # (declarations in @media in @scope: dropped)
            if self.parent is None:     # a rule of an @scope block
                # (declarations in the block itself apply to its root, specificity 0)
                self._cascade(sheet, prelude or ":where(:scope)", body, layer)
            elif not prelude:           # declarations of the style rule itself
                self._cascade(sheet, self.parent, body, layer)
            elif (joined := _nest(self.parent, prelude)) is not None:
                self._cascade(sheet, joined, body, layer)
            return
        if not _MAY_HIDE.search(body):
            return
        if not prelude:                 # declarations of the style rule itself
            if self.parent is None:
                return
            origin = f"'{self.prefix}{self.written}'"
            sheet.undecided.append((origin, self.parent, body, self.why))
            return
        for written in split_selectors(prelude):
            origin = (f"'{self.prefix}{written}' nested in '{self.written}'"
                      if self.parent is not None else f"'{self.prefix}{written}'")
            sheet.undecided.append((origin, self.selector(written), body, self.why))


    def _cascade(self, sheet: Stylesheet, prelude: str, body: str, layer: str | None) -> None:
        """A rule of an evaluated block into the cascade; in ``@scope``, each selector
        marked with the blocks' preludes (one that is not judged, with its block's, stays
        undecided, as a rule of an undecided block: :meth:`rule`)."""
        if not self.scopes:
            sheet.raw.append((prelude, body, layer))
            return
        if chromium_prelude(prelude) is None:
            return          # a selector Chromium does not read: the rule is dropped
        for written in split_selectors(prelude):
            marked = scoped(self.scopes, written)
            if compile_selector(marked) is not None:
                sheet.raw.append((marked, body, layer))
            elif _MAY_HIDE.search(body):
                origin = (f"'{self.prefix}{written}' nested in '{self.written}'"
                          if self.written else f"'{self.prefix}{written}'")
                # a selector matching at least what it matches: the root any element the
                # innermost block's <scope-start> matches, wherever (any in nested blocks)
                root = f":is({self.scope if len(self.scopes) == 1 else '*'})"
                wide = replace_roots(written, root, root) or written
                sheet.undecided.append((origin, wide, body, self.why))


def _inner(context: _Context) -> _Context:
    """The context of a conditional block (``@media``, ``@supports``, ``@layer``) opened in
    this one: the same, but in an ``@scope`` block, whose conditional blocks hold style
    rules only (declarations there are dropped, as Chromium drops them; in a style rule
    they are the rule's, CSS Nesting's nested group rules)."""
    if not context.scopes or context.parent is not None:
        return context
    return dataclasses.replace(context, declarations=False)


# An at-rule's name (without "@") and prelude, where a nested block's item holds one
_AT_RULE = re.compile(r"@([-\w]+)(.*)", re.S)
# What joins a compound to the next in a selector
_JOINERS = " \t\n\r\f>+~"
# What may follow an "&" that stands for a whole parent selector at the start of a nested one
# (not a type selector or "*", which would have to come first in the compound)
_AFTER_LEADING_AMP = frozenset(".#:[ \t\n\r\f>+~")


def _nest(parent: str, nested: str) -> str | None:
    """The selector list of a style rule nested in one whose selector list is ``parent``, as
    CSS Nesting reads it: each nested selector is relative to the parent, as if it began
    with ``&``, and ``&`` stands for ``:is(parent)`` (its specificity the highest of the
    list). Written as the flat selectors an author would write where that is the same (the
    selector reader reads them fastest): the parent's selectors written out where ``&`` is
    the nested selector's first compound, or implied, and they share one specificity
    (``.card .title``, ``.a > .b.lead``); ``:is(parent)`` otherwise (``.x :is(.a .b)``,
    ``:is(.card, #main) .tag``). None where either list is empty."""
    if chromium_prelude(parent) is None or chromium_prelude(nested) is None:
        return None         # a selector Chromium does not read: the rule is dropped
    parents = split_selectors(parent)
    nested_selectors = split_selectors(nested)
    if not parents or not nested_selectors:
        return None
    whole = f":is({', '.join(parents)})"
    flat = len(parents) == 1 or (
        any(_top_level(p, _JOINERS) for p in parents)
        and len({_specificity(p) for p in parents}) == 1)
    out: list[str] = []
    for selector in nested_selectors:
        amps = _amps(selector)
        if flat and not amps:
            out.extend(f"{p} {selector}" for p in parents)
        elif flat and amps == [0] and (len(selector) == 1
                                       or selector[1] in _AFTER_LEADING_AMP):
            out.extend(p + selector[1:] for p in parents)
        else:
            out.append(_replace_amps(selector, whole) if amps else f"{whole} {selector}")
    return ", ".join(out)


def _specificity(selector: str) -> tuple[int, int, int] | None:
    compiled = compile_selector(selector)
    return compiled[1] if compiled is not None else None


def _amps(selector: str) -> list[int]:
    """Positions of the ``&`` of a selector (outside strings, not escaped; inside
    ``:is()``, ``:not()``... too)."""
    return _top_level(selector, "&", nested=True) if "&" in selector else []


def _replace_amps(selector: str, whole: str) -> str:
    """``selector`` with each ``&`` read as ``whole``. (A type selector right after an
    ``&``, ``&div``, gives a selector no compound allows: dropped, as Chromium drops it.)"""
    out, start = [], 0
    for at in _amps(selector):
        out.append(selector[start:at])
        out.append(whole)
        start = at + 1
    out.append(selector[start:])
    return "".join(out)


def _block(sheet: Stylesheet, name: str, prelude: str, applies: bool, layer: str | None,
           viewport: Viewport) -> tuple[bool, str | None]:
    """Whether the rules of an at-rule's block apply, and their layer."""
    if name == "media":
        if "orientation" in prelude.lower():
            sheet.orientation = True        # (see Stylesheet.orientation)
        return applies and media_matches(prelude, viewport), layer
    if name == "supports":
        return applies and supports(prelude, sheet.quirks), layer
    if name == "layer":
        full = f"{layer}.{prelude}" if layer else prelude
        if applies:
            _declare_layer(sheet, full)
        return applies, full
    return False, layer     # @starting-style, @font-face, @keyframes, @page...


def _statement(sheet: Stylesheet, name: str, prelude: str, layer: str | None,
               viewport: Viewport) -> None:
    if name == "layer":
        for item in prelude.split(","):
            full = f"{layer}.{item.strip()}" if layer else item.strip()
            if item.strip():
                _declare_layer(sheet, full)


def _declare_layer(sheet: Stylesheet, name: str) -> None:
    """Add cascade layer ``name`` to the sheet's layers, if it is new."""
    if name not in sheet.layer_names:
        sheet.layer_names.add(name)
        sheet.layers.append(name)


def _anonymous_layer() -> str:
    """A name for an anonymous cascade layer, unlike any other layer's of the run (each
    ``@layer {`` block and bare ``layer`` import is a layer of its own, in every sheet)."""
    return f"\0anonymous{next(_anonymous)}"


_anonymous = itertools.count(1)


def _import(sheet: Stylesheet, prelude: str, viewport: Viewport, outer: str | None,
            before: str) -> None:
    """Keep an ``@import`` that applies. ``outer``: the layer the importing sheet is in;
    ``before``: the sheet's text before the rule (its ``@layer`` statements)."""
    match = _IMPORT.match(prelude)
    if match:
        url = next((g for g in match.groups() if g), "")
        media = prelude[match.end():].strip()
        layer = outer
        if (named := _IMPORT_LAYER.match(media)) is not None:
            name = (named.group(1) or "").strip() or _anonymous_layer()
            layer = f"{outer}.{name}" if outer else name
            media = media[named.end():]
        if media[:9].lower() == "supports(":
            end = closing(media, 9)
            if end is None or not import_supports(media[9:end], sheet.quirks):
                return
            media = media[end + 1:].strip()
        if "orientation" in media.lower():
            sheet.orientation = True
        if url and (not media or media_matches(media, viewport)):
            after: tuple[str, ...] = ()
            if "@layer" in before:
                after = tuple(f"{outer}.{name}" if outer else name
                              for found in _LAYER_STATEMENT.findall(before)
                              for name in (item.strip() for item in found.split(","))
                              if name)
            sheet.imports.append(Import(url.strip(), layer, after))


_IMPORT_LAYER = re.compile(r"layer(?:\(([^)]*)\))?(?:\s+|$)", re.I)
_LAYER_STATEMENT = re.compile(r"@layer\s+([^;{}]*);", re.I)


# (a semicolon in a string or url() is the URL's: "data:text/css;base64,...")
_IMPORT_STATEMENT = re.compile(
    r"""@import\s+((?:"[^"\\]*+(?:\\.[^"\\]*+)*+"|'[^'\\]*+(?:\\.[^'\\]*+)*+'"""
    r"""|url\([^)"']*+\)|[^;"'u]++|u)*+);""", re.I)
_IMPORT = re.compile(
    r"""\s*(?:url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|"([^"]*)"|'([^']*)')""")


def _clean(text: str) -> str:
    if "/*" in text:
        text = _COMMENT.sub(" ", text)
    return " ".join(text.split())


# The parsed sheets kept for the run, most recently used last, and the CSS characters they
# hold. Bounded by size as well as by count: a site's pages share a few large sheets and
# repeat many small <style> blocks, and a kept sheet with what the cascade keeps with it
# costs several times its text in memory (2 MB held about what 64 sheets held on the news
# corpus).
CACHED_CSS_BYTES = 2 * 1024 * 1024
CACHED_SHEETS = 256
# Each kept sheet by a serial number, with its text and its key; and the serials by their
# key: the text's length, the viewport and the layer the sheet is read into. A sheet is
# looked up by its key, then compared with the texts of that length (memcmp): a dict keyed
# by the text would hash it, and each page's text is a new string, hashed anew (siphash,
# some 1.3 instructions a byte: a CSS-in-JS sheet of wide characters is 1.7 MB), where a
# comparison costs a tenth of that, and nothing when no kept sheet has the length.
_SheetKey = tuple[int, Viewport, "str | None", bool]
_sheets: OrderedDict[int, tuple[str, _SheetKey, Stylesheet]] = OrderedDict()
_by_size: dict[_SheetKey, list[int]] = {}
_serials = itertools.count()
_cached_bytes = 0


def parse_stylesheet(css: str, viewport: Viewport = DEFAULT_VIEWPORT,
                     layer: str | None = None, quirks: bool = False) -> Stylesheet:
    """CSS text to a :class:`Stylesheet` (cached: a site's sheet is parsed once per run, and
    what the cascade works out for it is kept with it). ``layer``: the cascade layer an
    ``@import`` puts the sheet in (its rules, and its layers within that one); ``quirks``:
    the sheet is read for a page in quirks mode (:func:`quirky_value`)."""
    global _cached_bytes
    size = (len(css), viewport, layer, quirks)
    for serial in _by_size.get(size, ()):
        text, _, found = _sheets[serial]
        if text == css:
            _sheets.move_to_end(serial)
            found.uses += 1
            return found
    found = _scan(css, viewport, layer, quirks)
    found.uses = 1
    if len(css) <= CACHED_CSS_BYTES:
        serial = next(_serials)
        _sheets[serial] = (css, size, found)
        _by_size.setdefault(size, []).append(serial)
        _cached_bytes += len(css)
        while _cached_bytes > CACHED_CSS_BYTES or len(_sheets) > CACHED_SHEETS:
            serial, (text, kept, _) = _sheets.popitem(last=False)
            _cached_bytes -= len(text)
            serials = _by_size[kept]
            serials.remove(serial)
            if not serials:
                del _by_size[kept]
    return found


# -- declarations -----------------------------------------------------------------------

# A value is a run of characters, strings and parentheses up to a semicolon. The pattern
# nests parentheses PAREN_DEPTH deep (var() fallbacks of var() fallbacks, calc() in calc(), a
# relative colour of a color-mix()); a block that may hold a value nested deeper (more
# opening parentheses than that) is read declaration by declaration, and a value the pattern
# stops inside is read to its end by _value_end. The quantifiers are possessive: each value
# reads one way, so nothing is lost by not backtracking, and a runaway (an unclosed
# parenthesis) costs one pass, not one per way to split the run.
PAREN_DEPTH = 6


# A string in a value, with its escapes
_VALUE_STRING = r""""[^"\\]*+(?:\\.[^"\\]*+)*+"|'[^'\\]*+(?:\\.[^'\\]*+)*+'"""


def _nested(depth: int) -> str:
    """A parenthesised group holding others and strings, ``depth`` deep at most
    (possessive): a parenthesis in a string (``attr(x, "(")``) is the string's."""
    group = rf"""\((?:[^()"']++|{_VALUE_STRING})*+\)"""
    for _ in range(depth - 1):
        group = rf"""\((?:[^()"']++|{_VALUE_STRING}|{group})*+\)"""
    return group


_DECLARATION = re.compile(
    r"""(?:^|;)\s*(?:/\*.*?\*/\s*)*([-A-Za-z][-\w]*)\s*:\s*"""
    rf"""((?:[^;"'(]++|{_VALUE_STRING}|{_nested(PAREN_DEPTH)})*+)""",
    re.S)
_IMPORTANT = re.compile(r"!\s*important\s*$", re.I)
_NAME = re.compile(r"[-A-Za-z][-\w]*")     # a property name, as _DECLARATION reads it


@functools.lru_cache(maxsize=16384)
def parse_declarations(body: str, quirks: bool = False) -> tuple[Declaration, ...]:
    """The tracked declarations of a declaration block (a rule body or a style attribute),
    in order, with shorthands kept as written, but ``all``, which stands for each tracked
    longhand (:data:`ALL_LONGHANDS`) in its place. ``quirks``: as a page in quirks mode
    reads them (:func:`quirky_value`)."""
    if "/*" in body:
        body = _COMMENT.sub("", body)
    found: Declaration | Literal[False] | None      # (False: a part not read yet, below)
    out: list[Declaration] = []
    if '"' in body or "'" in body or "(" in body or "/*" in body:
        pairs = (_deep_declarations(body) if body.count("(") > PAREN_DEPTH
                 else _DECLARATION.findall(body))
        for name, value in pairs:
            if (found := _declaration(name, value, quirks)) is not None:
                if found[0] is _ALL:
                    out.extend(_all_longhands(found))
                else:
                    out.append(found)
        return tuple(out)
    # No strings, parentheses or comments (most blocks): a declaration is a part between
    # semicolons, its name before the part's first colon, as _DECLARATION reads it; split by
    # str methods, not found by the pattern's search, which tries every character (some 130
    # instructions a character). Each part is read once a run (see _PLAIN_PARTS).
    parts = _QUIRKS_PARTS if quirks else _PLAIN_PARTS
    if len(parts) > _PLAIN_PARTS_KEPT:
        parts.clear()
    for part in body.split(";"):
        found = parts.get(part, False)
        if found is False:
            found = parts[part] = _plain_declaration(part, quirks)
        if found is not None:
            if found[0] is _ALL:
                out.extend(_all_longhands(found))
            else:
                out.append(found)
    return tuple(out)


def _deep_declarations(body: str) -> list[tuple[str, str]]:
    """``_DECLARATION.findall(body)``, but a value nested deeper than the pattern reads is
    read whole (to the semicolon or the end that closes it), not cut."""
    out = []
    search = _DECLARATION.search
    at = 0
    while (found := search(body, at)) is not None:
        name, value = found.groups()
        at = found.end()
        if at < len(body) and body[at] == "(":
            end = _value_end(body, at)
            value, at = body[found.start(2):end], end
        out.append((name, value))
    return out


def _value_end(body: str, at: int) -> int:
    """Where the value that goes on at ``at`` ends: the first semicolon outside strings and
    parentheses, or the end of the block (an unclosed parenthesis runs to it)."""
    depth = 0
    quote = ""
    index = at
    length = len(body)
    while index < length:
        char = body[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char == '"' or char == "'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= depth > 0
        elif char == ";" and depth == 0:
            return index
        index += 1
    return length


# The declaration of each part between semicolons of a plain block read so far (None: not
# tracked or empty), by its text: the sheets of every site repeat the same parts
# ("display:none", "position:relative"; a third of the 5,524 parts of the step-9 pages' rule
# blocks are distinct, 345 of their names), and a part looked up here is not partitioned,
# stripped, lowered and looked up again. Those 1,494 blocks read cold: 36.1 -> 21.3 M
# instructions (0.7 M a page). Emptied when it holds more than this many.
_PLAIN_PARTS: dict[str, Declaration | None] = {}
_QUIRKS_PARTS: dict[str, Declaration | None] = {}     # the same, read in quirks mode
_PLAIN_PARTS_KEPT = 32768


def _plain_declaration(part: str, quirks: bool = False) -> Declaration | None:
    """The declaration of one part of a plain block (see parse_declarations), as
    _DECLARATION's search would read it."""
    name, colon, value = part.partition(":")
    if not colon:
        return None
    # the pattern's white space around the name; a name it would not read (not
    # [-A-Za-z][-\w]*) is dropped by _declaration: none is tracked, nor lowers to one
    # tracked, and a custom one is read by the name's pattern
    name = name.strip()
    if name.startswith("--") and _NAME.fullmatch(name) is None:
        return None
    return _declaration(name, value, quirks)


def value_valid(name: str, value: str, quirks: bool = False) -> bool | None:
    """Whether Chromium takes ``value`` for property ``name`` as far as the cascade checks
    it (:data:`VALUE_CHECKS`, what :func:`_declaration` drops), in a sheet of a page in
    quirks mode if ``quirks``; None for a property the cascade does not track (not
    judged)."""
    lower = name.lower()
    if ALIASES.get(lower, lower) not in TRACKED:
        return None
    return _declaration(lower, value, quirks) is not None


def _declaration(name: str, value: str, quirks: bool = False) -> Declaration | None:
    """The declaration of ``name`` (as read) and ``value`` (as written after the colon);
    None when the property is not tracked or the value is empty. ``quirks``: read as a
    page in quirks mode reads it (:func:`quirky_value`)."""
    # a name tracked as written (most are) needs no lower() and is no custom property
    if name not in TRACKED and not name.startswith("--"):   # custom names keep their case
        name = name.lower()
        name = ALIASES.get(name, name)
        if name not in TRACKED:
            if name != _ALL:
                return None
            name = _ALL     # (the one object parse_declarations tells it by)
    value = value.strip()
    important = False
    if "!" in value:
        found = _IMPORTANT.search(value)
        if found:
            important = True
            value = value[:found.start()].rstrip()
    if not value:
        return None
    if name in _QUIRKY:
        read = quirky_value(name, value, quirks)
        if read is None:
            return None     # a number without a unit, outside quirks mode: invalid
        value = read
    if (check := VALUE_CHECKS.get(name)) is not None and not check(value):
        return None     # invalid, so dropped: the next declaration in the cascade applies
    if name[:2] != "--" and _wide_keyword_misused(name, value):
        return None     # the same (a custom property's value may hold any words)
    return name, value, important


# -- quirks mode (the Quirks Mode Standard, 3.3 and 3.4; a page without a doctype) -----------

# The tracked properties whose numbers without a unit are lengths in px in quirks mode
# ("the unitless length quirk": not in shorthands such as ``font``, ``inset``, ``border`` or
# ``background``) and invalid otherwise (but 0); ``clip``'s in its ``rect()``
UNITLESS_QUIRK = frozenset(("font-size", "width", "height", "max-width", "max-height", "left",
                            "top", "right", "bottom", "text-indent", "letter-spacing",
                            "word-spacing", "border-width", "border-top-width",
                            "border-bottom-width", "clip"))
# ... and those whose colours may be written without their "#" in quirks mode ("the
# hashless hex color quirk": ``color: ff0000``; not in shorthands either)
HASHLESS_QUIRK = frozenset(("color", "background-color", "border-color", "border-top-color",
                            "border-bottom-color"))
_QUIRKY = UNITLESS_QUIRK | HASHLESS_QUIRK
_SEVERAL = frozenset(("border-width", "border-color"))    # (one to four values)
_RECT_SEPARATORS = re.compile(r"[\s,]+")
_NUMBER_ENDS = frozenset("0123456789.")
# a hashless colour as Chromium reads it: an identifier of 3 or 6 hex digits, or an integer
# (a sign "+" at most) with or without a unit, its value's digits and the unit's letters
# making up to 6 hex digits once zeros are put before them (``0f0``, a number 0 with the
# unit "f0", is #0000f0)
_HASHLESS_IDENT = re.compile(r"[a-f](?:[\da-f]{2}|[\da-f]{5})")
_HASHLESS_NUMBER = re.compile(r"\+?(\d+)([a-z][a-z\d]*)?")


def quirky_value(name: str, value: str, quirks: bool) -> str | None:
    """``value`` of ``name`` (one of :data:`UNITLESS_QUIRK` or :data:`HASHLESS_QUIRK`) as a
    page in quirks mode reads it if ``quirks`` (a number without a unit in px, a colour
    without its "#" with it), or None where a page in no-quirks mode finds a number without
    a unit (but 0), which makes the declaration invalid there. Other values are unchanged,
    for the value checks that follow (a hashless colour outside quirks mode is no colour)."""
    if name in HASHLESS_QUIRK:
        if not quirks or "(" in value:
            return value
        words = value.split()
        if len(words) > 1 and name not in _SEVERAL:
            return value
        return " ".join(_hashless(word) or word for word in words)
    if name == "clip":
        lower = value.lower()
        if not lower.startswith("rect(") or not lower.endswith(")"):
            return value
        words = [word for word in _RECT_SEPARATORS.split(value[5:-1].strip()) if word]
        read = [_unitless(word, quirks) for word in words]
        if None in read:
            return None
        return value if read == words else f"rect({', '.join(read)})"  # type: ignore[arg-type]
    if "(" in value or (value[-1] not in _NUMBER_ENDS and name not in _SEVERAL):
        return value    # (no quirk inside functions, calc(10 + 2px); no number at the end)
    words = value.split()
    if len(words) > 1 and name not in _SEVERAL:
        return value
    read = [_unitless(word, quirks) for word in words]
    if None in read:
        return None
    return value if read == words else " ".join(read)  # type: ignore[arg-type]


def _unitless(word: str, quirks: bool) -> str | None:
    """A word of a length value: a number without a unit (but 0) in px in quirks mode and
    None otherwise; any other word as it is."""
    if BARE_NUMBER.fullmatch(word) is None or float(word) == 0:
        return word
    return word + "px" if quirks else None


def _hashless(word: str) -> str | None:
    """A colour written without its "#", with it (``ff0000``: ``#ff0000``; ``123``:
    ``#000123``), as Chromium reads one in quirks mode; None if the word is none."""
    lower = word.lower()
    if _HASHLESS_IDENT.fullmatch(lower) is not None:
        return "#" + lower
    found = _HASHLESS_NUMBER.fullmatch(lower)
    if found is None:
        return None
    digits, unit = found.group(1), found.group(2) or ""
    if unit[:1] == "e" and unit[1:2].isdigit():
        return None     # an exponent (1e3): no integer
    value = integer(digits)
    if value >= 1_000_000:
        return None
    text = (str(value) + unit).rjust(6, "0")
    if len(text) != 6 or any(char not in "0123456789abcdef" for char in text):
        return None
    return "#" + text


# The properties of keywords alone among the tracked ones, and the keywords Chromium takes
# for each (display: supports.display_valid; overflow: one or two; font-style: oblique may
# take an angle)
_KEYWORDS: dict[str, frozenset[str]] = {
    "display": frozenset(),
    "visibility": frozenset(("visible", "hidden", "collapse")),
    "position": frozenset(("static", "relative", "absolute", "fixed", "sticky")),
    "content-visibility": frozenset(("visible", "hidden", "auto")),
    "overflow": frozenset(("visible", "hidden", "clip", "scroll", "auto", "overlay")),
    "overflow-x": frozenset(("visible", "hidden", "clip", "scroll", "auto", "overlay")),
    "overflow-y": frozenset(("visible", "hidden", "clip", "scroll", "auto", "overlay")),
    "text-decoration-style": frozenset(("solid", "double", "dotted", "dashed", "wavy")),
    "font-style": frozenset(("normal", "italic", "oblique")),
}


def _keyword_valid(name: str, value: str) -> bool:
    """Whether a keyword property's value is one Chromium takes (a CSS-wide keyword or one
    with ``var()`` always: it is read when substituted)."""
    lower = value.lower()
    if lower in WIDE_KEYWORDS or "var(" in lower or "env(" in lower or "attr(" in lower:
        return True
    words = lower.split()
    if name == "display":
        return display_valid(words)
    allowed = _KEYWORDS[name]
    if name == "overflow":
        return 1 <= len(words) <= 2 and all(word in allowed for word in words)
    if name == "font-style" and words[0] == "oblique":
        return len(words) <= 2
    return len(words) == 1 and words[0] in allowed


def font_size_valid(value: str) -> bool:
    """Whether Chromium takes a ``font-size`` value: a size keyword, a length of a unit it
    knows, a percentage, or a math function (whose content is not read here), not negative.
    A number without a unit is not, but 0 (a page in quirks mode reads one in px:
    :func:`quirky_value` writes the unit before this check)."""
    lower = value.strip().lower()
    if lower in _FONT_SIZE_WORDS or lower in WIDE_KEYWORDS:
        return True
    if lower[:1] == "-":
        return False        # a negative size (or a vendor function: read as one)
    if "(" in lower:
        name = lower.partition("(")[0]
        return (name in _MATH_FUNCTIONS or name in ("var", "env", "attr")) and (
            lower.endswith(")") or "var(" in lower)
    found = _DIMENSION.fullmatch(lower)
    if found is None:
        return False
    unit = found.group(1)
    # (a number without a unit, but 0: read as px before, in quirks mode, see quirky_value)
    return unit in _LENGTH_UNITS if unit else float(lower) == 0


def family_list_valid(value: str) -> bool:
    """Whether a list of font families has no empty item (``Georgia,``, ``, serif``: a
    list Chromium drops); what a family's name may be is not read here."""
    if "var(" in value.lower():
        return True
    unquoted = _QUOTED.sub("x", value) if '"' in value or "'" in value else value
    return all(item.strip() for item in unquoted.split(","))


_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
_FONT_SIZE_WORDS = frozenset(("xx-small", "x-small", "small", "medium", "large", "x-large",
                              "xx-large", "xxx-large", "larger", "smaller", "math"))
# A number as a CSS number token reads it, and its unit or "%"
_DIMENSION = re.compile(r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?([a-z]+|%)?")
# The length units Chromium 156 takes (CSS.supports('font-size', '1<unit>'))
_LENGTH_UNITS = frozenset((
    "px", "cm", "mm", "q", "in", "pc", "pt", "em", "rem", "ex", "rex", "ch", "rch", "cap",
    "rcap", "ic", "ric", "lh", "rlh", "vw", "vh", "vi", "vb", "vmin", "vmax", "svw", "svh",
    "svi", "svb", "svmin", "svmax", "lvw", "lvh", "lvi", "lvb", "lvmin", "lvmax", "dvw",
    "dvh", "dvi", "dvb", "dvmin", "dvmax", "cqw", "cqh", "cqi", "cqb", "cqmin", "cqmax", "%"))


@functools.lru_cache(maxsize=4096)
def background_valid(value: str, images: bool = False) -> bool:
    """Whether Chromium takes a ``background`` shorthand value (``images``: a
    ``background-image`` value, one image a layer) (CSS Backgrounds 3): each
    comma-separated layer at most one image, one position (with a size after ``/``), one
    repeat, one attachment and two boxes, and the last layer at most one colour. What is
    rejected is only what is sure to be invalid: a second colour or one before the last
    layer, an empty layer, a word of none of those, a component twice, a ``/`` not between
    a position and a size. A function not known here (or ``var()``) is taken as valid.
    Memoised by the text: a sheet repeats its backgrounds."""
    lower = value.lower()
    if lower in WIDE_KEYWORDS or "var(" in lower or "env(" in lower or "attr(" in lower:
        return True
    if _PLAIN_WORDS.fullmatch(lower):
        # words alone (most values: "#fff", "none", "transparent", "red no-repeat 0 0"),
        # read without the tokenizer
        kinds = [_background_word(word) for word in lower.split()]
        return kinds == ["image"] if images else _background_layer(kinds, last=True)
    if "url(" in lower:     # (a data: URL's characters are no tokens worth reading)
        value = _URL.sub("url(x)", value)
    layer: list[str] = []
    layers = [layer]
    for token in tinycss2.parse_component_value_list(value):
        if isinstance(token, (ast.WhitespaceToken, ast.Comment)):
            continue
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            layer = []
            layers.append(layer)
            continue
        kind = _background_token(token)
        if kind is None:
            return True         # a function not read here: not judged
        layer.append(kind)
    if images:
        return all(kinds == ["image"] for kinds in layers)
    return all(_background_layer(kinds, last=kinds is layer) for kinds in layers)


def _background_word(word: str) -> str:
    """:func:`_background_token` of a word (lower case) of letters, digits, ``#``, ``-``,
    ``.`` and ``%``: a hash, a keyword, a length or a colour name."""
    if word[0] == "#":
        return "color" if _HEX_COLOR.fullmatch(word) else "invalid"
    kind = _BACKGROUND_WORDS.get(word)
    if kind is not None:
        return kind
    if (length := _LENGTH_WORD.fullmatch(word)) is not None:
        # (no unit: 0 alone, in quirks mode too, where the shorthand takes no quirk)
        return "length" if length.group(1) or float(word) == 0 else "invalid"
    return "color" if valid_color(word) else "invalid"


_PLAIN_WORDS = re.compile(r"[-#.%\w\s]+")
_URL = re.compile(r"""url\(\s*(?:"[^"\\]*+(?:\\.[^"\\]*+)*+"|'[^'\\]*+(?:\\.[^'\\]*+)*+'"""
                  r"""|[^)"'\s]*+)\s*\)""", re.I)
_LENGTH_WORD = re.compile(rf"{NUMBER}([a-z]+|%)?")


def _background_token(token: ast.Node) -> str | None:
    """What a token of a ``background`` value can be: "image", "color", "length" (a
    position or size), a keyword's kind ("position", "repeat", "repeat-one", "attachment",
    "box", "size", "auto"), "/", or "invalid"; None for a function not read here."""
    if isinstance(token, ast.URLToken):
        return "image"
    if isinstance(token, (ast.DimensionToken, ast.PercentageToken)):
        return "length"
    if isinstance(token, ast.NumberToken):
        # (no unit: 0 alone, in quirks mode too, where the shorthand takes no quirk)
        return "length" if token.value == 0 else "invalid"
    if isinstance(token, ast.HashToken):       # (an escape is no hex digit: "#666\\9")
        return _background_word("#" + token.value.lower())
    if isinstance(token, ast.LiteralToken):
        return "/" if token.value == "/" else "invalid"
    if isinstance(token, ast.IdentToken):
        return _background_word(token.lower_value)
    if isinstance(token, ast.FunctionBlock):
        name = token.lower_name
        if name in _IMAGE_FUNCTIONS or name.endswith("gradient"):
            # (the gradients of other engines, -moz-linear-gradient(), are no image here)
            if name[0] == "-" and not name.startswith("-webkit-"):
                return "invalid"
            return "image" if _gradient_valid(token) else "invalid"
        if name in _MATH_FUNCTIONS:
            return "length"
        if name in _COLOR_FUNCTIONS:
            return "color" if valid_color(token.serialize()) else "invalid"
        return None
    return "invalid"        # a string, a block


def _gradient_valid(token: ast.FunctionBlock) -> bool:
    """Whether Chromium takes a linear gradient's arguments (CSS Images 4, and the legacy
    ``-webkit-linear-gradient()``, whose direction is a side without ``to`` and which takes
    no hint): an optional angle or direction, then colour stops (a
    colour, then up to two positions) with hints between them, one stop at least. Other
    gradients, and what this does not read (an interpolation method, ``var()``), are taken
    as valid."""
    name = token.lower_name
    if name.removeprefix("-webkit-").removeprefix("repeating-") != "linear-gradient":
        return True
    groups: list[list[ast.Node]] = [[]]
    for node in token.arguments:
        if isinstance(node, (ast.WhitespaceToken, ast.Comment)):
            continue
        if isinstance(node, ast.LiteralToken) and node.value == ",":
            groups.append([])
        else:
            groups[-1].append(node)
    if any(isinstance(node, ast.FunctionBlock) and node.lower_name in ("var", "env", "attr")
           for group in groups for node in group):
        return True
    first = groups[0]
    legacy = name.startswith("-webkit-")
    if any(isinstance(node, ast.IdentToken) and node.lower_value == "in" for node in first):
        return True     # an interpolation method (CSS Images 4): not read here
    if first and _gradient_direction(first, legacy):
        groups = groups[1:]
    stops = 0
    hint = True         # (a hint may not come first, nor after another, nor last)
    for group in groups:
        kinds = [_stop_part(node) for node in group]
        if kinds == ["length"]:
            if hint or legacy:
                return False        # (a legacy gradient takes no hint)
            hint = True
            continue
        if kinds[:1] != ["color"] or len(kinds) > 3 or any(
                kind != "length" for kind in kinds[1:]):
            return False        # (a colour first, then up to two positions)
        stops += 1
        hint = False
    return stops >= 1 and not hint


def _gradient_direction(group: list[ast.Node], legacy: bool) -> bool:
    """Whether a gradient's first argument is its direction: an angle, ``to`` and one or
    two sides (a legacy gradient's sides without ``to``)."""
    if len(group) == 1:
        node = group[0]
        if isinstance(node, ast.DimensionToken):
            return node.lower_unit in ("deg", "rad", "grad", "turn")
        if isinstance(node, ast.NumberToken):
            return node.value == 0
    words = [node.lower_value if isinstance(node, ast.IdentToken) else "" for node in group]
    if not legacy and words[:1] == ["to"]:
        words = words[1:]
    elif not legacy or not words:
        return False
    return 1 <= len(words) <= 2 and all(word in _HORIZONTAL or word in _VERTICAL
                                        for word in words) and (
        len(words) == 1 or (words[0] in _HORIZONTAL) != (words[1] in _HORIZONTAL))


def _stop_part(node: ast.Node) -> str:
    """A colour stop's token: "color", "length" (a position) or "invalid"."""
    if isinstance(node, (ast.DimensionToken, ast.PercentageToken)):
        return "length"
    if isinstance(node, ast.NumberToken):
        return "length" if node.value == 0 else "invalid"
    if isinstance(node, ast.FunctionBlock) and node.lower_name in _MATH_FUNCTIONS:
        return "length"
    kind = _background_token(node)
    return "color" if kind == "color" else "invalid"


def _background_layer(kinds: list[str], last: bool) -> bool:
    """Whether one layer's tokens (their kinds: :func:`_background_token`) make a layer."""
    if not kinds:
        return False
    seen: set[str] = set()
    boxes = 0
    at = 0
    while at < len(kinds):
        kind = kinds[at]
        at += 1
        if kind in _POSITION_KINDS:
            if "position" in seen:
                return False
            seen.add("position")
            end = at - 1
            while at < len(kinds) and kinds[at] in _POSITION_KINDS:
                at += 1
            if not _position_valid(kinds[end:at]):
                return False
            if at < len(kinds) and kinds[at] == "/":
                at += 1
                if at < len(kinds) and kinds[at] == "size":
                    at += 1
                    continue
                size = at
                while at < len(kinds) and at - size < 2 and kinds[at] in ("length", "auto"):
                    at += 1
                if at == size:
                    return False
            continue
        if kind == "box":
            boxes += 1
            if boxes > 2:
                return False
            continue
        if kind == "repeat":
            if at < len(kinds) and kinds[at] == "repeat":
                at += 1
        elif kind == "repeat-one":
            kind = "repeat"
        elif kind == "color":
            if not last:
                return False
        elif kind not in ("image", "attachment"):
            return False    # "/", a size or "auto" not after a position, an unknown word
        if kind in seen:
            return False
        seen.add(kind)
    return True


def _position_valid(words: list[str]) -> bool:
    """Whether a ``<bg-position>`` of these words ("left"... or "length") is one (CSS
    Backgrounds 3): one word; two, horizontal then vertical (keywords alone in either
    order); or three or four, a horizontal and a vertical side, each ``center`` or a side
    keyword with an optional offset."""
    if len(words) == 1:
        return True
    if len(words) == 2:
        first, second = words
        return ((first in _HORIZONTAL or first in ("center", "length"))
                and (second in _VERTICAL or second in ("center", "length"))) or (
            first in _VERTICAL and second in _HORIZONTAL) or (
            first in _VERTICAL and second == "center") or (
            first == "center" and second in _HORIZONTAL)
    if len(words) > 4:
        return False
    sides = []
    at = 0
    while at < len(words):
        word = words[at]
        if word == "length":
            return False        # an offset without its side
        offset = word != "center" and at + 1 < len(words) and words[at + 1] == "length"
        sides.append("x" if word in _HORIZONTAL else "y" if word in _VERTICAL else "c")
        at += 2 if offset else 1
    return len(sides) == 2 and sides.count("x") <= 1 and sides.count("y") <= 1


_HORIZONTAL = frozenset(("left", "right"))
_VERTICAL = frozenset(("top", "bottom"))
_POSITION_KINDS = frozenset(("left", "right", "top", "bottom", "center", "length"))
_BACKGROUND_WORDS = {
    "none": "image", "left": "left", "right": "right", "top": "top",
    "bottom": "bottom", "center": "center", "repeat-x": "repeat-one",
    "repeat-y": "repeat-one", "repeat": "repeat", "space": "repeat", "round": "repeat",
    "no-repeat": "repeat", "scroll": "attachment", "fixed": "attachment",
    "local": "attachment", "border-box": "box", "padding-box": "box", "content-box": "box",
    "text": "box", "cover": "size", "contain": "size", "auto": "auto",
}
_IMAGE_FUNCTIONS = frozenset(("url", "src", "image", "image-set", "-webkit-image-set",
                              "cross-fade", "-webkit-cross-fade", "element", "paint"))
_MATH_FUNCTIONS = frozenset(("calc", "min", "max", "clamp", "round", "mod", "rem", "abs",
                             "sign", "-webkit-calc"))
_COLOR_FUNCTIONS = frozenset(("rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab",
                              "oklch", "color", "color-mix", "light-dark", "contrast-color"))


# The one shorthand for every property (CSS Cascade 5, 3.2), and what it sets among the tracked
# properties: each longhand (custom properties, which it does not reset, are not tracked)
_ALL = "all"
SHORTHANDS = frozenset(("background", "font", "inset", "overflow", "text-decoration", "border",
                        "border-top", "border-bottom", "border-style", "border-width",
                        "border-color", "outline"))
ALL_LONGHANDS = tuple(sorted(TRACKED - SHORTHANDS))


def _wide_keyword_misused(name: str, value: str) -> bool:
    """A CSS-wide keyword beside other values (``background: unset url(x)``), or ``all``
    set to anything else (``all: none``): invalid, so the declaration is dropped. A value
    with ``var()`` is valid until substituted, and kept."""
    lower = value.lower()
    if "var(" in lower:
        return False
    words = lower.split()
    if name is _ALL:
        return len(words) != 1 or words[0] not in WIDE_KEYWORDS
    return len(words) > 1 and not WIDE_KEYWORDS.isdisjoint(words)


def _all_longhands(declaration: Declaration) -> tuple[Declaration, ...]:
    """What ``all: <keyword>`` sets: the keyword on each tracked longhand, in one order."""
    _, value, important = declaration
    return tuple((longhand, value, important) for longhand in ALL_LONGHANDS)


# An SVG presentation attribute's number without a unit is a length in px (SVG 2, "Presentation
# attributes": lengths parse as in SVG attribute mode)
_SUBSTITUTION = re.compile(r"(?:var|env|attr)\(", re.I)     # not read in an attribute


def presentation_declaration(name: str, value: str) -> Declaration | None:
    """The declaration an SVG element's presentation attribute ``name="value"`` maps to (as
    Chromium reads it: the property's own value, CSS-wide keywords included, a unitless
    font size in px); None when the value is invalid there (empty, ``!important``,
    ``var()``, a negative size) and the attribute is ignored."""
    value = value.strip()
    if "!" in value or _SUBSTITUTION.search(value):
        return None
    if name == "font-size" and BARE_NUMBER.fullmatch(value):
        value += "px"
    return _declaration(name, value)


# Properties whose out-of-range numbers make a declaration invalid (CSS Fonts 4): a negative
# font-size, a font-weight outside 1-1000
_RANGED = frozenset(("font-size", "font-weight"))


def _font_weight_valid(value: str) -> bool:
    """A number from 1 to 1000, or a word (its keywords are read later)."""
    if value[0] not in "-+.0123456789":
        return True
    try:
        return 1 <= float(value) <= 1000
    except ValueError:
        return True
# The system colours (CSS Color 4, 6.2, with the deprecated ones) and Chromium's own
# keywords: valid values the cascade does not resolve
SYSTEM_COLORS = frozenset((
    "accentcolor", "accentcolortext", "activetext", "buttonborder", "buttonface",
    "buttontext", "canvas", "canvastext", "field", "fieldtext", "graytext", "highlight",
    "highlighttext", "linktext", "mark", "marktext", "selecteditem", "selecteditemtext",
    "visitedtext", "activeborder", "activecaption", "appworkspace", "background",
    "buttonhighlight", "buttonshadow", "captiontext", "inactiveborder", "inactivecaption",
    "inactivecaptiontext", "infobackground", "infotext", "menu", "menutext", "scrollbar",
    "threeddarkshadow", "threedface", "threedhighlight", "threedlightshadow",
    "threedshadow", "window", "windowframe", "windowtext", "-webkit-link",
    "-webkit-activelink", "-webkit-focus-ring-color", "-webkit-text"))
_HEX_COLOR = re.compile(r"#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})", re.I)
_IDENT = re.compile(r"-?[a-z_][-\w]*", re.I)
# The colour functions tinycss2 reads in full: one it cannot read is invalid
_READ_FUNCTIONS = ("rgb(", "rgba(", "hsl(", "hsla(", "hwb(", "lab(", "lch(", "oklab(",
                   "oklch(")
_RELATIVE_COLOR = re.compile(r"\(\s*from\s")     # rgb(from red r g b): not validated here


@functools.lru_cache(maxsize=4096)
def valid_color(value: str) -> bool:
    """A ``color`` or ``background-color`` value a browser keeps: a colour, a system colour,
    ``currentcolor``, a CSS-wide keyword, or a value read only later (``var()``, a colour
    function tinycss2 does not read: ``color-mix()``, relative colours). An unknown word, a
    malformed hex or colour function, or several words is invalid, and dropped, as
    browsers drop it, so that the declaration before it applies ("color: none" is no
    unknown colour). Memoised by the text: a sheet repeats its colours."""
    lower = value.strip().lower()
    if "var(" in lower or "env(" in lower or "attr(" in lower:
        return True
    if lower.startswith("#"):
        return _HEX_COLOR.fullmatch(lower) is not None
    if _IDENT.fullmatch(lower):
        return (lower in WIDE_KEYWORDS or lower in SYSTEM_COLORS or lower == "currentcolor"
                or color4.parse_color(lower) is not None)
    if lower.startswith(_READ_FUNCTIONS) and lower.endswith(")") and lower.count("(") == 1 \
            and _RELATIVE_COLOR.search(lower) is None:
        try:
            return color4.parse_color(lower) is not None
        except Exception:       # tinycss2 raises on some malformed input
            return False
    return "(" in lower         # another function; several words without one are invalid


# What a tracked property's value must pass to be kept, by property: each check is one
# Chromium makes when it reads the declaration, so a value that fails is dropped, as in
# browsers, and the declaration before it applies (css-wide keywords misused: for every
# property, in _declaration)
VALUE_CHECKS: dict[str, Callable[[str], bool]] = {
    "color": valid_color,
    "background-color": valid_color,
    "font-size": font_size_valid,
    "font-weight": _font_weight_valid,
    "font-family": family_list_valid,
    "background": background_valid,
    "background-image": lambda value: background_valid(value, True),
    **{name: functools.partial(_keyword_valid, name) for name in _KEYWORDS},
}


# -- selectors --------------------------------------------------------------------------

# (a vendor name with one colon is taken for a pseudo-element, Chromium's pseudo-classes aside:
# the cascade evaluates them, see selectors._LOGICAL and selectors._AT_REST)
PSEUDO_ELEMENT = re.compile(
    r"::|:(?:before|after|first-line|first-letter)\b|:-(?:moz|ms)-|:-webkit-(?!(?:any|any-link"
    r"|autofill|drag|full-page-media|full-screen|full-screen-ancestor)(?![-\w]))", re.I)
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}\s?|.)", re.S)


@functools.lru_cache(maxsize=32768)
def selector_keys(prelude: str) -> tuple[tuple[str, str | None], ...]:
    """Each selector of a rule's prelude with its index key (memoised: pages of one site
    share the work)."""
    if not _special(prelude):
        # no brackets, parentheses, escapes or quotes: commas split it, and each selector's
        # key is _plain_key's, pseudo-elements aside (see selector_key)
        # (a stripped selector has a last word: _plain_key's is read without its call)
        if "," not in prelude:          # one selector (most preludes): no list to build
            if not (selector := prelude.strip()):
                return ()
            return ((selector, None if ":" in selector and PSEUDO_ELEMENT.search(selector)
                     else _last_key(selector.rsplit(None, 1)[-1])),)
        last_key = _last_key
        return tuple([(selector, None if ":" in selector and PSEUDO_ELEMENT.search(selector)
                       else last_key(selector.rsplit(None, 1)[-1]))
                      for part in prelude.split(",") if (selector := part.strip())])
    if "\\" not in prelude and '"' not in prelude and "'" not in prelude:
        found = _flat_keys(prelude)
        if found is not None:
            return found
    return tuple([(selector, selector_key(selector)) for selector in split_selectors(prelude)])


_FLAT_PASSES = 8        # nesting deeper than this is read selector by selector


def _flat_keys(prelude: str) -> tuple[tuple[str, str | None], ...] | None:
    """:func:`selector_keys` of a list with brackets or parentheses but no escapes or
    quotes (a framework's ``[class*=x]`` and ``:not()`` lists), read at once rather than
    selector by selector: its groups are dropped from the whole list (as
    :func:`_bracketed_key` drops them from each selector) and each part read as plain. None
    when that would not be the reading selector by selector: a group that does not close,
    a stray closer, or a comma inside a group (then not every comma is top-level).

    When the groups nest and no comma is inside one, every comma is top-level (the split is
    :func:`split_selectors`'), each selector's groups nest too and are dropped from it as
    from the list, and _plain_key reads only a part's last word (unless the groups were the
    part's last compound: :func:`_groups_last`). One search for pseudo-elements in the list
    answers for every selector when it finds none (none spans a comma)."""
    flat = _without_groups(prelude, _FLAT_PASSES)
    if flat is None or ")" in flat or "]" in flat:
        return None
    # a comma dropped with a group: the lists split into fewer parts (comparing the splits,
    # which the reading needs anyway, rather than counting the commas of both: two more
    # passes over a list of thousands of characters)
    wholes = prelude.split(",")
    parts = flat.split(",")
    if len(parts) != len(wholes):
        return None
    pseudo = ":" in prelude and PSEUDO_ELEMENT.search(prelude) is not None
    # _groups_last and _plain_key written out (a call each for every selector of a list
    # that may hold hundreds): a part ends in more white space than its selector when it
    # ends in some and the selector does not (each keeps the selector's trailing white
    # space: groups end in a closer), else as _groups_last counts; and the key is the last
    # word's (_last_key), none when the part is all white space
    last_key = _last_key
    return tuple([(selector, None if pseudo and ":" in selector
                   and PSEUDO_ELEMENT.search(selector)
                   else "*" if part[-1:].isspace() and (
                       not whole[-1].isspace() or _groups_last(part, whole))
                   else last_key(words[-1]) if (words := part.rsplit(None, 1)) else "*")
                  for whole, part in zip(wholes, parts, strict=True)
                  if (selector := whole.strip())])


def _list_special(prelude: str) -> bool:
    """Whether a comma of the selector list may not be top-level: :func:`_special`'s
    characters (brackets, parentheses, escapes, quotes), and a stray closer too (the
    character-by-character reading then splits nothing after it). Searches for one character
    each (memchr), not a regular expression's character set (some 50 instructions a
    character): the preludes that hold one are the long ones (a framework's bracketed lists)."""
    return _special(prelude) or ")" in prelude or "]" in prelude


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas."""
    if not _list_special(prelude):
        return [s.strip() for s in prelude.split(",") if s.strip()]
    if "," not in prelude:
        return [selector] if (selector := prelude.strip()) else []
    if "\\" not in prelude and '"' not in prelude and "'" not in prelude:
        # Without quotes or escapes, a comma is top-level when the brackets and parentheses
        # before it balance: when each part before it opens as many as it closes, every
        # comma is (nearly always: commas inside :is() or :not() are rare)
        parts = prelude.split(",")
        for part in parts[:-1]:
            # (most parts hold none of the four: four containment tests cost a fifth of
            # four counts)
            if ("(" in part or ")" in part or "[" in part or "]" in part) and (
                    part.count("(") + part.count("[") != part.count(")") + part.count("]")):
                break
        else:
            return [s.strip() for s in parts if s.strip()]
    return _split_top_level(prelude)


def _split_top_level(prelude: str) -> list[str]:
    """:func:`split_selectors` of any selector list, read character by character."""
    out, start = [], 0
    for i in _top_level(prelude, ","):
        out.append(prelude[start:i].strip())
        start = i + 1
    out.append(prelude[start:].strip())
    return [s for s in out if s]


def _unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        value = match.group(1)
        if value[0] in "0123456789abcdefABCDEF" and len(value.strip()) <= 6:
            try:
                return chr(int(value.strip(), 16))
            except (ValueError, OverflowError):
                return "\ufffd"
        return value
    return _ESCAPE.sub(one, text) if "\\" in text else text


_COMPOUND_PART = re.compile(r"([#.])((?:[-\w]|\\[0-9a-fA-F]{1,6}\s?|\\.|[^\x00-\x7f])+)")
# _COMPOUND_PART without escapes. Its identifier characters ([-\w] and every non-ASCII one)
# are written as one set of ranges: an alternation per character, or \w's Unicode category,
# costs the regular expression engine several times as much per character.
# The two read a selector's key as the match itself (the name with its "#" or "."): a group
# and a joined string cost a key read anew 780 instructions (the step-9 pages' sheets: 7,247
# distinct last words, 39.8 -> 34.1 M).
_ID_KEY = re.compile("#[-_a-zA-Z0-9\x80-\U0010ffff]+")
_CLASS_KEY = re.compile("\\.[-_a-zA-Z0-9\x80-\U0010ffff]+")
_TAG = re.compile(r"^([A-Za-z][-\w]*|\*)")


# The key of each plain prelude of one selector that Stylesheet.keyed has read ("": a
# pseudo-element, skipped), by its text: the preludes of a page's sheets repeat (a rule in
# each of a sheet's @media blocks, a framework's rules on several sites; 7,653 of the 17,245
# such preludes of the step-9 pages' sheets read cold had been read before), and one found
# here is not tested for special characters, split, stripped, searched for pseudo-elements
# or split at its last word again. Those sheets' keyed(), replayed in the audit's order:
# 236.0 -> 221.1 M instructions (0.71 M a page). Emptied when it holds this many, as a
# sheet's reading starts (a sheet's own preludes may take it past that until the next).
_PRELUDE_KEYS: dict[str, str] = {}
_PRELUDE_KEYS_KEPT = 32768


# The ids and classes of a selector whose text holds no special character (see _special)
_ID_OR_CLASS = re.compile("[#.][-_a-zA-Z0-9\x80-\U0010ffff]+")
# ... of each word of such selectors, as Stylesheet.rules_of reads them (emptied when full)
_WORD_NAMES: dict[str, list[str]] = {}
_WORD_NAMES_KEPT = 32768
# ... and those of each word of the other ASCII selectors, outside its groups (None: the
# whole is read), as _lacks_required reads them (emptied when full)
_GROUP_WORDS: dict[str, list[str] | None] = {}


def _special(text: str) -> bool:
    """``text`` holds a character after which a selector's ids and classes are not read
    from its text alone (in :not(), :is(), an attribute value, an escape): a backslash,
    "(", "[" or a quote. Five searches for one character each (memchr), not a regular
    expression's character set, which costs some 40 instructions a character: every prelude
    of a sheet is searched."""
    return "\\" in text or "(" in text or "[" in text or '"' in text or "'" in text


# "of" between white space, as the argument of ":nth-child(2 of .x)" holds it (the words of
# selectors.widened's pattern for it, which only a selector holding these matches)
_OF_WORD = re.compile(r"\s[oO][fF]\s")


def noted_if_uncompiled(selector: str) -> bool:
    """Whether the cascade notes ``selector`` as not judged when it cannot compile it
    (``Stylesheet.suspects``, cascade._sheet_bucket): a vendor pseudo-class, a state static
    HTML may hold that is not judged (``:valid``, ``:paused``: selectors.UNJUDGED_STATES),
    ``:nth-child(... of S)``, "of" as a word, or groups nested too deep to judge
    (selectors.too_deep). Only such a note can widen to a selector
    that may hide something (:func:`a11y_audit.semantics.selectors.widened`); a selector
    with "of" only inside a name (``:nth-of-type()``) is not noted."""
    return ":-" in selector or has_unjudged_state(selector) or (
        "of" in selector and "nth-" in selector and _OF_WORD.search(selector) is not None
    ) or too_deep(selector)


def _required_keys(selector: str) -> list[str] | None:
    """The ids and classes a selector with brackets or parentheses requires of the element
    or its ancestors, as :meth:`Stylesheet.rules_of` reads them to leave out what cannot
    match on a page: those outside its groups (``.a:not(.b) .c`` requires ``.a`` and ``.c``,
    not ``.b``; ``[data-x=y.z]`` requires none), which the compiled selector requires too
    (a page's bucket compiles the others, and tests them against the page's keys: a
    third of the special selectors a page's buckets compiled were left out there). None
    (read it all) with escapes or quotes, groups that do not close, and for a selector
    the cascade notes as not judged when it cannot compile it (:func:`noted_if_uncompiled`),
    whose note this would skip."""
    if ("\\" in selector or '"' in selector or "'" in selector
            or noted_if_uncompiled(selector)):
        return None
    return _outside_groups(selector)


def _outside_groups(text: str) -> list[str] | None:
    """The ids and classes of ``text`` outside its groups (:func:`_required_keys` once its
    selector is read for them); None when a group does not close in it, or nests amiss."""
    flat = _without_groups(text)
    if flat is None or ")" in flat or "]" in flat:
        return None
    return _ID_OR_CLASS.findall(flat)


def _lacks_required(selector: str, within: frozenset[str]) -> bool:
    """Whether a selector with brackets or parentheses requires an id or class outside
    ``within`` (:func:`_required_keys`), for :meth:`Stylesheet.rules_of`.

    An ASCII one is read word by word, each word's reading memoised (:data:`_GROUP_WORDS`,
    :func:`_word_required`): the step-9 pages' such selectors hold 84 characters in five
    words, of a few hundred distinct ones a run, and the two patterns and the searches over
    the whole text cost them 19,400 instructions a selector, the words 11,600 (0.6 M a
    page). Where every word reads alone (the groups of each close in it), no group spans
    the white space between words (a group's opener unclosed in its word would), so the
    words' readings joined are the whole's; where one does not (a group with white space
    in it, ``:nth-child(2n + 1)``, or a word after which the whole is not read), the whole
    is read. Every word is read before the answer, as a later word may make the whole
    unread (the rule then kept)."""
    if selector.isascii():
        words = _GROUP_WORDS
        lacks = False
        found: list[str] | Literal[False] | None     # (False: a word not read yet)
        for word in selector.split():
            found = words.get(word, False)
            if found is False:
                if len(words) >= _WORD_NAMES_KEPT:
                    words.clear()
                found = words[word] = _word_required(word)
            if found is None:
                break
            if not lacks and not within.issuperset(found):
                lacks = True
        else:
            return lacks
    needs = _required_keys(selector)
    return needs is not None and not within.issuperset(needs)


def _word_required(word: str) -> list[str] | None:
    """The ids and classes of one word of an ASCII selector outside its groups, as
    :func:`_required_keys` reads them from the whole; None when the word's groups do not
    close in it, or when the whole may not be read for them: an escape, a quote, a vendor
    pseudo-class, a state not judged or an "of" (:func:`noted_if_uncompiled`: a selector
    has one of these where one of its words does, and its "of" between white space is such
    a word)."""
    if ("\\" in word or '"' in word or "'" in word or ":-" in word
            or word.lower() == "of" or has_unjudged_state(word)):
        return None
    return _outside_groups(word)


def selector_key(selector: str) -> str | None:
    """The index key of a selector's rightmost compound: ``#id``, else ``.class``, else the
    tag name, else ``*``; None for selectors never judged (pseudo-elements)."""
    if _special(selector):
        return _bracketed_key(selector)
    if ":" in selector and PSEUDO_ELEMENT.search(selector):
        return None
    return _plain_key(selector)


def _bracketed_key(selector: str) -> str | None:
    """:func:`selector_key` of a selector with brackets, parentheses, escapes or quotes.
    Without escapes or quotes, its bracketed and parenthesised parts (innermost first)
    hold no key: once they are dropped, the rest is read as a plain selector."""
    if ":" in selector and PSEUDO_ELEMENT.search(selector):
        return None
    if "\\" in selector or '"' in selector or "'" in selector:
        return _selector_key(selector)
    flat = _without_groups(selector)
    if flat is None:
        return _selector_key(selector)     # unbalanced: read character by character
    return "*" if _groups_last(flat, selector) else _plain_key(flat)


def _without_groups(text: str, passes: int | None = None) -> str | None:
    """``text`` without its parenthesised and bracketed parts, innermost first: None when
    one does not close (a pass drops nothing), or when they nest deeper than ``passes``.
    Each pass drops the innermost parenthesised parts, then the bracketed ones: two searches
    for one character each cost a fifth of one search for either (a character set)."""
    flat = text
    done = 0
    while "(" in flat or "[" in flat:
        if done == passes:
            return None
        reduced = _PARENTHESES.sub("", flat) if "(" in flat else flat
        if "[" in reduced:
            reduced = _BRACKETS.sub("", reduced)
        if reduced == flat:
            return None
        flat = reduced
        done += 1
    return flat


def _groups_last(flat: str, selector: str) -> bool:
    """Whether ``selector``'s last compound was bracketed or parenthesised parts only
    (``.a [data-x]``, ``div > [role]``): then ``flat``, the selector without them, ends in
    more white space than the selector did. Such a compound holds no id, class or tag, so
    the key is the universal one; the word before it (``.a``) belongs to an ancestor."""
    return len(flat) - len(flat.rstrip()) > len(selector) - len(selector.rstrip())


def _plain_key(selector: str) -> str:
    """:func:`selector_key` of a selector without pseudo-elements, brackets, parentheses,
    escapes or quotes (nearly all). The last compound follows the last whitespace and the
    last >, + or ~ (str.split's whitespace is the regular expressions' \\s); a pseudo-class
    in it holds no "#" or "." and does not start with a letter, so the key is read past it."""
    words = selector.rsplit(None, 1)
    if not words:
        return "*"
    return _last_key(words[-1])


@functools.lru_cache(maxsize=16384)
def _last_key(last: str) -> str:
    """:func:`_plain_key` of a selector's last word (memoised: a sheet's selectors end in a
    third as many distinct words, ``.icon`` or ``a`` in many)."""
    if ">" in last or "+" in last or "~" in last:
        # (a combinator written without spaces: rare, and rfind's and max's argument
        # parsing costs more than the three searches of the test)
        last = last[max(last.rfind(">"), last.rfind("+"), last.rfind("~")) + 1:]
    if "#" in last and (found := _ID_KEY.search(last)):
        return found.group()
    if "." in last and (found := _CLASS_KEY.search(last)):
        return found.group()
    tag = _TAG.match(last)
    return tag.group(1).lower() if tag and tag.group(1) != "*" else "*"


def _selector_key(selector: str) -> str | None:
    """:func:`selector_key` of any selector."""
    if PSEUDO_ELEMENT.search(selector):
        return None
    if not _SIMPLE_SELECTOR_CHARS.search(selector):
        return _compound_key(_COMBINATORS.split(selector.strip())[-1])
    if "\\" not in selector and '"' not in selector and "'" not in selector:
        # Drop parenthesised and bracketed parts (innermost first), then read it as simple.
        flat = _without_groups(selector)
        if flat is not None:
            if _groups_last(flat, selector):
                return "*"
            parts = _COMBINATORS.split(flat.strip())
            return _compound_key(parts[-1]) if parts[-1] else "*"
    return _characters_key(selector)


def _characters_key(selector: str) -> str:
    """:func:`selector_key` of a selector without pseudo-elements, read character by
    character: the general path, which the short cuts are tested against."""
    # The rightmost compound: after the last combinator outside brackets and parentheses.
    combinators = _top_level(selector, " >+~\t\n")
    last = selector[combinators[-1] + 1:] if combinators else selector
    # Drop bracketed and parenthesised parts: a class inside :not() or [..] is not a key.
    flat, depth, i = [], 0, 0
    while i < len(last):
        char = last[i]
        if char == "\\" and depth == 0:
            flat.append(last[i:i + 2])
            i += 2
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0:
            flat.append(char)
        i += 1
    return _compound_key("".join(flat))


_PARENTHESES = re.compile(r"\([^()\[\]]*\)")       # innermost groups (_without_groups)
_BRACKETS = re.compile(r"\[[^()\[\]]*\]")
_SIMPLE_SELECTOR_CHARS = re.compile(r"[\\(\[\"']")
_COMBINATORS = re.compile(r"\s*[>+~]\s*|\s+")


def _compound_key(compound: str) -> str:
    parts = _COMPOUND_PART.findall(compound)
    for kind in "#.":
        for found_kind, name in parts:
            if found_kind == kind:
                return kind + _unescape(name)
    tag = _TAG.match(compound)
    if tag and tag.group(1) != "*":
        return tag.group(1).lower()
    return "*"


# -- media queries ----------------------------------------------------------------------

_UNITS = {"px": 1.0, "em": 16.0, "rem": 16.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0,
          "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6, "ex": 8.0, "ch": 8.0}
_LENGTH = re.compile(rf"^({NUMBER})([a-z]*)$", re.I)
_MATH = ("calc(", "min(", "max(", "clamp(")


def media_length(text: str, viewport: Viewport | None = None) -> float | None:
    """A length in a media query, in CSS pixels (``em`` and ``rem`` are the initial font
    size, 16px; ``calc()`` and the other math functions are worked out); None when not one."""
    text = text.strip().lower()
    if text.startswith(_MATH):
        units = dict(_UNITS)
        if viewport is not None:
            units.update(vw=viewport.width / 100, vh=viewport.height / 100,
                         vmin=min(viewport.width, viewport.height) / 100,
                         vmax=max(viewport.width, viewport.height) / 100)
        return math_length(text, units)
    match = _LENGTH.match(text)
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    if not unit:
        return 0.0 if number == 0 else None     # only 0 may be written without a unit
    if unit in _UNITS:
        return number * _UNITS[unit]
    if viewport is not None and unit in ("vw", "vh"):
        return number * (viewport.width if unit == "vw" else viewport.height) / 100
    return None


# Media features with keyword values, as Chromium answers them on a desktop screen with a
# mouse, light colours, no user preference and scripting on: feature -> (its values, the
# screen's). A value not among them is unknown, as a feature Chromium does not know
# (``inverted-colors``, ``prefers-reduced-data``: not in Chromium): unknown is false, and so
# is its negation (Media Queries 4, section 3.2).
_KEYWORD_FEATURES: dict[str, tuple[frozenset[str], str]] = {
    name: (frozenset(values.split()), screen) for name, values, screen in (
        ("orientation", "portrait landscape", ""),      # (from the viewport)
        ("prefers-color-scheme", "light dark", "light"),
        ("prefers-reduced-motion", "no-preference reduce", "no-preference"),
        ("prefers-reduced-transparency", "no-preference reduce", "no-preference"),
        ("prefers-contrast", "no-preference more less custom", "no-preference"),
        ("forced-colors", "none active", "none"),
        ("hover", "none hover", "hover"),
        ("any-hover", "none hover", "hover"),
        ("pointer", "none coarse fine", "fine"),
        ("any-pointer", "none coarse fine", "fine"),
        ("scripting", "none initial-only enabled", "enabled"),
        ("update", "none slow fast", "fast"),
        ("color-gamut", "srgb p3 rec2020", "srgb"),
        ("display-mode", "browser fullscreen standalone minimal-ui picture-in-picture "
                         "window-controls-overlay tabbed", "browser"),
        ("dynamic-range", "standard high", "standard"),
        ("overflow-block", "none scroll paged", "scroll"),
        ("overflow-inline", "none scroll", "scroll"),
        ("device-posture", "continuous folded", "continuous"),
    )}
# Features with numeric values; ranges (min-, max-, <, >) apply to those with a length, a
# number, a ratio or a resolution (Media Queries 4's "range" features)
_NUMERIC_FEATURES = frozenset((
    "width", "height", "device-width", "device-height", "aspect-ratio", "device-aspect-ratio",
    "resolution", "-webkit-device-pixel-ratio", "color", "color-index", "monochrome", "grid",
    "horizontal-viewport-segments", "vertical-viewport-segments"))
_RANGE = re.compile(r"^([^<>=]+?)\s*(<=|>=|<|>|=)\s*([^<>=]+?)"
                    r"(?:\s*(<=|>=|<|>|=)\s*([^<>=]+?))?$")


def _keyword_actual(name: str, viewport: Viewport) -> str:
    screen = _KEYWORD_FEATURES[name][1]
    if name == "orientation":
        return viewport.orientation or (
            "landscape" if viewport.width >= viewport.height else "portrait")
    return screen


def _numeric_feature(name: str, viewport: Viewport) -> float | None:
    name = name.lower()
    if name in ("width", "device-width"):
        return viewport.width
    if name in ("height", "device-height"):
        return viewport.height
    if name in ("aspect-ratio", "device-aspect-ratio"):
        return viewport.width / viewport.height
    if name in ("resolution", "-webkit-device-pixel-ratio"):
        return 1.0
    if name == "color":
        return 8.0
    if name in ("horizontal-viewport-segments", "vertical-viewport-segments"):
        return 1.0
    if name in ("monochrome", "grid", "color-index"):
        return 0.0
    return None


def _feature_value(name: str, text: str, viewport: Viewport) -> float | None:
    name = name.lower()
    text = text.strip().lower()
    if "aspect-ratio" in name:
        match = re.match(rf"^({NUMBER})\s*(?:/\s*({NUMBER}))?$", text)
        if not match:
            return None
        return float(match.group(1)) / float(match.group(2) or 1)
    if "resolution" in name or "pixel-ratio" in name:
        match = re.match(rf"^({NUMBER})(dppx|x|dpi|dpcm)?$", text)
        if not match:
            return None
        number = float(match.group(1))
        return {"dpi": number / 96, "dpcm": number * 2.54 / 96}.get(match.group(2) or "", number)
    if name in ("color", "color-index", "monochrome", "grid", "horizontal-viewport-segments",
                "vertical-viewport-segments"):
        try:
            return float(text)
        except ValueError:
            return None
    return media_length(text, viewport)


def _compare(left: float, op: str, right: float) -> bool:
    return {"<": left < right, "<=": left <= right + 1e-9, ">": left > right,
            ">=": left >= right - 1e-9, "=": abs(left - right) < 1e-9}[op]


# A media condition's value: True, False, or None for unknown (a feature Chromium does not
# know, a value it does not take, or text that is no feature: Media Queries 4's
# general-enclosed), which is false in the end, and whose negation is unknown too
_Truth = bool | None


class _Malformed(Exception):
    """A media query that does not parse: it is "not all", whatever its ``not`` says."""


def _feature(text: str, viewport: Viewport) -> _Truth:
    text = text.strip()
    if ":" in text:
        name, _, value = text.partition(":")
        name = name.strip().lower()
        value = value.strip().lower()
        if name in _KEYWORD_FEATURES:
            if value not in _KEYWORD_FEATURES[name][0]:
                return None
            return value == _keyword_actual(name, viewport)
        prefix = ""
        base = name
        for p in ("min-", "max-", "-webkit-min-", "-webkit-max-"):
            if name.startswith(p):
                prefix, base = p.strip("-").replace("webkit-", ""), name[len(p):]
                if p.startswith("-webkit-"):
                    base = "-webkit-" + base
                break
        if base not in _NUMERIC_FEATURES:
            return None
        actual = _numeric_feature(base, viewport)
        wanted = _feature_value(base, value, viewport)
        if actual is None or wanted is None:
            return None
        return _compare(actual, {"min": ">=", "max": "<="}.get(prefix, "="), wanted)
    match = _RANGE.match(text)
    if match:
        a, op1, b, op2, c = match.groups()
        flip = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "="}
        if a.lower() in _NUMERIC_FEATURES:
            if op2:
                return None
            actual = _numeric_feature(a, viewport)
            wanted = _feature_value(a, b, viewport)
            return (None if actual is None or wanted is None
                    else _compare(actual, op1, wanted))
        if b.lower() not in _NUMERIC_FEATURES:
            return None
        actual = _numeric_feature(b, viewport)
        low = _feature_value(b, a, viewport)
        if actual is None or low is None:
            return None
        if not op2:
            return _compare(actual, flip[op1], low)
        high = _feature_value(b, c, viewport)
        if high is None:
            return None
        return _compare(actual, flip[op1], low) and _compare(actual, op2, high)
    name = text.lower()
    if name in _KEYWORD_FEATURES:       # boolean context: none and no-preference are false
        return _keyword_actual(name, viewport) not in ("none", "no-preference")
    if name in _NUMERIC_FEATURES:
        return bool(_numeric_feature(name, viewport))
    return None


def _condition(text: str, viewport: Viewport, or_allowed: bool = True) -> _Truth:
    """A media condition: ``(feature)`` terms joined by ``and``/``or``, maybe negated; after a
    media type (not ``or_allowed``), ``or`` is malformed."""
    text = text.strip()
    if not text:
        return True
    lower = text.lower()
    if lower.startswith("not") and lower[3:4].isspace():
        terms, joins = _split_terms(text[3:].strip())
        if terms is None or len(terms) != 1:
            raise _Malformed        # "not" takes one term: "not (a) and (b)" is malformed
        negated = _condition(terms[0], viewport)
        return None if negated is None else not negated
    terms, joins = _split_terms(text)
    if terms is None or not terms:
        raise _Malformed
    values: list[_Truth] = []
    for term in terms:
        inner = term[1:-1].strip()
        if inner.startswith("(") or inner.lower().startswith("not"):
            try:
                values.append(_condition(inner, viewport))
            except _Malformed:
                values.append(None)         # general-enclosed
        else:
            values.append(_feature(inner, viewport))
    if len(set(joins)) > 1 or (joins and joins[0] == "or" and not or_allowed):
        raise _Malformed            # "and" and "or" mixed without parentheses; "screen and
                                    # (a) or (b)"
    if joins and joins[0] == "or":
        return True if True in values else None if None in values else False
    return False if False in values else None if None in values else True


def _split_terms(text: str) -> tuple[list[str] | None, list[str]]:
    """The parenthesised terms of a condition and the words joining them; None for the terms
    where it is not one (a word glued to a parenthesis, ``and(``, is a function: malformed)."""
    terms: list[str] = []
    joins: list[str] = []
    depth = 0
    start = None
    i = 0
    while i < len(text):
        char = text[i]
        if char == "(":
            if depth == 0:
                if len(joins) != len(terms):
                    return None, []         # two terms with no word between them
                start = i
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and start is not None:
                terms.append(text[start:i + 1])
                start = None
            elif depth < 0:
                return None, []
        elif depth == 0 and not char.isspace():
            word = re.match(r"[A-Za-z]+", text[i:])
            if (not word or word.group().lower() not in ("and", "or")
                    or len(joins) != len(terms) - 1 or text[i + len(word.group()):][:1] == "("):
                return None, []
            joins.append(word.group().lower())
            i += len(word.group())
            continue
        i += 1
    if depth or len(joins) != len(terms) - 1:
        return None, []
    return terms, joins


_MEDIA_TYPE = re.compile(r"^(?:(only|not)\s+)?([A-Za-z-]+)(?:\s+and\s+(.*))?$", re.S | re.I)


# A query list that is one query of width and height bounds, maybe after ``screen`` or
# ``all`` (``(min-width:768px)``, ``only screen and (min-width:40em) and (max-width:59.99em)``):
# nine in ten of the news corpus's distinct queries, a CSS-in-JS sheet writing hundreds. Such
# a query is read by one match, as _media_matches reads it, where that reading costs some
# 110,000 instructions a query (its terms read character by character in Python: 1.9 M
# instructions a page at step 9, each query of the run read once). Other spellings of these
# (upper case, other white space, other numbers) are left to _media_matches.
_BOUND = r"\( ?(?:min|max)-(?:width|height) ?: ?[0-9]+(?:\.[0-9]+)?(?:px|em|rem) ?\)"
_BOUNDS = re.compile(rf"(?:(?:only )?(?:screen|all)|{_BOUND})(?: and {_BOUND})*")
_BOUND_TERM = re.compile(r"\( ?(min|max)-(width|height) ?: ?([0-9]+(?:\.[0-9]+)?)(px|em|rem)")


@functools.lru_cache(maxsize=4096)
def media_matches(query_list: str, viewport: Viewport = DEFAULT_VIEWPORT) -> bool:
    """Whether a media query list applies on screen at ``viewport`` (print never applies).
    A malformed query does not match, as in browsers."""
    if _BOUNDS.fullmatch(query_list) is not None:
        for bound, dimension, number, unit in _BOUND_TERM.findall(query_list):
            actual = viewport.width if dimension == "width" else viewport.height
            wanted = float(number) * _UNITS[unit]
            if not _compare(actual, ">=" if bound == "min" else "<=", wanted):
                return False
        return True
    return _read_media(query_list, viewport)


def _read_media(query_list: str, viewport: Viewport) -> bool:
    """:func:`media_matches` of any query list."""
    try:
        return _media_matches(query_list, viewport)
    except (ValueError, ArithmeticError, IndexError, RecursionError):
        return False


def _media_matches(query_list: str, viewport: Viewport) -> bool:
    text = _clean(query_list)
    if not text:
        return True
    for query in split_selectors(text):
        try:
            if _query(query.strip(), viewport):
                return True
        except _Malformed:
            continue                # "not all"
    return False


def _query(query: str, viewport: Viewport) -> bool:
    """One media query of a list (unknown is false, and so is its negation)."""
    if query.startswith("("):
        return _condition(query, viewport) is True
    if query[:3].lower() == "not" and query[3:].lstrip().startswith("("):
        return _condition(query, viewport) is True
    match = _MEDIA_TYPE.match(query)
    if not match:
        raise _Malformed
    modifier, kind, condition = match.groups()
    if kind.lower() in ("only", "not", "and", "or", "layer"):
        raise _Malformed
    if condition is not None and not condition.strip():
        raise _Malformed
    result: _Truth = kind.lower() in ("all", "screen")
    if condition and result:
        result = _condition(condition, viewport, or_allowed=False)
    elif condition:
        _condition(condition, viewport, or_allowed=False)   # (malformed all the same, if so)
    if result is None:
        return False
    return (not result) if (modifier or "").lower() == "not" else result
