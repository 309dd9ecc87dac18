"""A quote or paragraph in another writing system than the page's language has a ``lang``.

Screen readers pick a voice by language. A Russian quote, an Arabic slogan or a Chinese name
card in an English article without ``lang`` is read by the English voice, letter by letter or
as gibberish; with ``lang="ru"`` the reader switches voice. WCAG 3.1.2 asks for the language of
each passage.

No axe-core counterpart (axe-core's ``valid-lang`` only checks that ``lang`` values are valid).
The language of a passage is decided from Unicode scripts (knowledge/scripts.py): text in
Arabic, Cyrillic, CJK, Devanagari, Hebrew, Greek, Thai... inside an element whose language
(its nearest ``lang``) is written in another script fails. Same-script foreign languages (a
French quote in an English page) are out of scope: telling them apart needs language
detection, not scripts. Runs are counted per block (paragraph, quote, list item, heading,
caption, table cell), without the text of children that carry their own ``lang``.

Fails::

    <html lang="en"><body><blockquote>«Мы не отступим», — сказал он журналистам.</blockquote>
    </body></html>

Passes::

    <html lang="en"><body><blockquote lang="ru">«Мы не отступим», — сказал он журналистам.
    </blockquote></body></html>

    <html lang="en"><body><p>The crowd chanted <span lang="ar">الشعب يريد</span>.</p></body></html>

A run shorter than the thresholds is a name or a term, which WCAG 3.1.2 exempts: one word
(two for Latin text in a non-Latin page, where brand names are everywhere) is ignored, and a
run of ``min-words`` - 1 words (or 2-3 CJK/Thai characters) is cantTell.

Limits: a page without a known ``lang`` is not checked (``html-has-lang`` reports it); text in
``alt`` or ``title`` attributes is not checked; transliterated text cannot be seen.

Options
-------

``min-words`` (integer, default 3)
    Words a run of another script must have to fail, in scripts that space their words.

``min-chars`` (integer, default 4)
    Characters a run must have to fail, in scripts without spaces (CJK, Thai...).

``latin-min-words`` (integer, default 5)
    Words a Latin run must have to fail on a page in another script (brand names are common).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator
from itertools import compress, filterfalse
from typing import Any

from a11y_audit.knowledge import scripts
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics.language import declared_lang
from a11y_audit.semantics.page_text import page_text

RULE = Rule(
    id="lang-of-parts",
    impact="serious",
    wcag=("3.1.2",),
    tags=("news", "cat.language"),
    axe=False,
    help="Mark the passage with its language, e.g. <blockquote lang=\"ru\">",
)

OPTIONS: dict[str, Any] = {
    "min-words": 3,          # words of a foreign-script run that fail (spaced scripts)
    "min-chars": 4,          # characters of a foreign-script run that fail (CJK, Thai...)
    "latin-min-words": 5,    # Latin runs in non-Latin pages (brand names are common)
}

BLOCKS = frozenset(("p", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption",
                    "td", "th", "dd", "dt", "caption", "summary", "legend", "div", "section",
                    "article", "aside", "main", "header", "footer", "body", "figure", "ul",
                    "ol", "dl", "table", "tr", "tbody", "nav", "form", "fieldset", "details"))
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_SKIP = frozenset(("script", "style", "template", "noscript", "svg", "math", "code", "pre",
                   "kbd", "samp", "textarea", "select", "head"))
_UNASKED = object()     # a lang value whose scripts are not looked up yet
_TAG = operator.attrgetter("tag")
_FEW = 32   # foreign letters looked for one by one in the text (more: every non-ASCII piece)
_PARENT = Element.getparent


def check(page: Page, options: dict[str, Any]) -> Results:
    # A page writes a few distinct lang values and asks their scripts once per block (300 a
    # page that may hold other scripts): each value's answer is kept, a dict look-up a block.
    written: dict[str | None, Any] = {}
    for el in page.select("*[lang]"):
        if el is page.root or el.tag in _SKIP:
            continue
        value = el.get("lang")
        expected = written.get(value, _UNASKED)
        if expected is _UNASKED:
            expected = written[value] = scripts.scripts_of_language(value)
        if not expected:
            continue        # a language we do not know (asked first: no text to gather)
        text = _own_text(page, el, top=True)
        if text and _written_in(text, expected):
            yield RULE.ok(el, f"lang=\"{el.get('lang')}\" marks this passage")
    if not _may_hold_other_scripts(page):
        return
    blocks, non_ascii = _candidates(page)
    for el in blocks:
        language = _language(page, el)
        expected = written.get(language, _UNASKED)
        if expected is _UNASKED:
            expected = written[language] = scripts.scripts_of_language(language)
        if not expected:
            continue
        if el not in non_ascii and "Latin" in expected:
            continue        # its own text is ASCII: Latin letters at most (most blocks)
        text = _own_text(page, el, top=True)
        if not text.strip() or (text.isascii() and "Latin" in expected):
            continue
        if scripts.scripts_in(text) <= expected:
            continue        # no letter of another script: no run to measure (most blocks)
        worst = None
        for script, run in scripts.runs(text):
            if script in expected:
                continue
            size, unit, limit = _measure(script, run, expected, options)
            if worst is None or size / limit > worst[0] / worst[2]:
                worst = (size, unit, limit, script, run)
        if worst is None:
            continue
        size, unit, limit, script, run = worst
        sample = run if len(run) <= 60 else run[:59] + "…"
        if size >= limit:
            yield RULE.fail(el, f"{size} {unit} of {script} text (\"{sample}\") in a passage "
                                f"whose language is \"{language}\": add lang")
        elif size >= max(2, limit - 1) or (script in scripts.UNSPACED and size >= 2):
            yield RULE.cant_tell(el, f"A short {script} run (\"{sample}\") in \"{language}\" "
                                     "text: a name needs no lang, a phrase does")


def _written_in(text: str, expected: frozenset[str]) -> bool:
    """``text`` has a letter of one of the ``expected`` scripts. ASCII text (most passages)
    has Latin letters or none: no set of its characters is needed to say so."""
    if text.isascii():
        return "Latin" in expected and _ASCII_LETTER.search(text) is not None
    return not expected.isdisjoint(scripts.scripts_in(text))


def _measure(script: str, run: str, expected: frozenset[str], options: dict[str, Any]
             ) -> tuple[int, str, int]:
    if script in scripts.UNSPACED:
        letters = sum(1 for c in run if scripts.script_of(c) == script)
        return letters, "characters", int(options["min-chars"])
    words = len(run.split())
    limit = int(options["latin-min-words"] if script == "Latin" else options["min-words"])
    return words, "words", limit


def _may_hold_other_scripts(page: Page) -> bool:
    """Whether some block can hold a letter of a script its language is not written in: the
    scripts of the page's text outside scripts and styles (a superset of every block's own
    text, which leaves their content out) against the scripts of each language its ``lang``
    attributes name. Most pages use one script throughout, and then no block needs its text
    gathered."""
    languages = _page_languages(page)
    if not languages:
        return False
    found = _text_scripts(page, all("Latin" in expected for expected in languages))
    return any(not found <= expected for expected in languages)


def _candidates(page: Page) -> tuple[list[Element], set[Element]]:
    """The rendered blocks whose own text may hold a letter of another script than their
    language's, in document order, and the elements whose subtree's text holds a character
    outside ASCII (a block not among them has ASCII text): every rendered block and every
    element would give the same results, asking more blocks for their text."""
    languages = _page_languages(page)
    if not languages:
        return [], set()        # no block is in a language we know
    if all("Latin" in expected for expected in languages):
        # Every language of the page is written in Latin (most pages): a block can only
        # have a letter of a script its language is not written in where the page's text
        # has a letter of a script one of its languages is not written in, which is outside
        # ASCII. Only the blocks holding a piece of text with one of those letters are
        # asked (a page's few "中文" or "عربي" in a language menu), not every block with a
        # curly quote or an accent.
        common = frozenset.intersection(*languages)
        foreign = sorted(char for char in _page_characters(page)
                         if (script := scripts.script_of(char)) is not None
                         and script not in common)
        if not foreign:
            return [], set()
        if len(foreign) <= _FEW:
            # Each letter looked for by str's own search (a regular expression's compiling
            # costs ~2.4 M instructions, more than the blocks it spares)
            holders = _holders(page, lambda text: any(map(text.__contains__, foreign)))
            return _blocks(page, holders), holders
        holders = _holders(page)
        return _blocks(page, holders), holders
    return _blocks(page), _holders(page)


def _page_languages(page: Page) -> list[frozenset[str]]:
    """The scripts of each language the page's ``lang`` attributes name that is known: every
    language a block can be in (see :func:`_language`) but unknown ones. Memoised: both
    steps of the rule ask (:func:`_may_hold_other_scripts`, :func:`_candidates`)."""
    return page.memo("lang-of-parts.languages", _languages)


def _languages(page: Page) -> list[frozenset[str]]:
    values = {el.get("lang", "").strip() or None for el in page.by_attribute.get("lang", ())}
    return [expected for value in values
            if (expected := scripts.scripts_of_language(value)) is not None]


def _text_scripts(page: Page, latin_known: bool) -> set[str]:
    """The scripts of the letters in the page's text (:func:`page_text`, read once for the
    text elements too): only its pieces that hold a character outside ASCII are read
    (:func:`_page_characters`), and Latin from ASCII letters is looked for only when it
    matters (``latin_known``: every language asked is written in Latin; then its letters
    are never another script's). The scripts of the whole document's text, scripts and
    styles included, were read as bytes before: ~1.3 M instructions a page."""
    found = {scripts.script_of(char) for char in _page_characters(page)}
    found.discard(None)
    if not latin_known and "Latin" not in found and any(
            map(_ASCII_LETTER.search, page_text(page).pieces())):
        found.add("Latin")
    return found  # type: ignore[return-value]


def _page_characters(page: Page) -> set[str]:
    """The distinct characters of the pieces of the page's text (:func:`page_text`) that
    hold a character outside ASCII (``str.isascii`` is one flag's test), memoised."""
    return page.memo("lang-of-parts.characters", lambda page: set("".join(
        filterfalse(str.isascii, page_text(page).pieces()))))


def _holders(page: Page, search: Callable[[str], object] | None = None) -> set[Element]:
    """Every element with a character outside ASCII in its subtree's text or in a tail
    inside it (scripts and styles left out: no block's own text holds theirs), and its
    ancestors: a block's own text (:func:`_own_text`) is drawn from those pieces only, so a
    block not in this set has ASCII text. With ``search``, only the pieces it finds
    something in count. The pieces are the page's text read once (:func:`page_text`),
    sifted in C by ``str.isascii``; only the few found are walked up."""
    read = page_text(page)
    starts: list[Element | None] = list(_not_ascii(read.elements, read.texts, search))
    starts.extend(map(_PARENT, _not_ascii(page.elements, read.tails, search)))
    for node in read.others:            # comments, processing instructions: tails are text
        tail = node.tail
        if tail and not tail.isascii() and (search is None or search(tail)):
            starts.append(node.getparent())
    marked: set[Element] = set()
    for holder in starts:
        while holder is not None and holder not in marked:
            marked.add(holder)
            holder = holder.getparent()
    return marked


def _not_ascii(nodes: list[Element], texts: list[str | None],
               search: Callable[[str], object] | None = None) -> Iterator[Element]:
    """The nodes whose text in ``texts`` (aligned with them) holds a character outside
    ASCII (and in which ``search`` finds something), picked in C: ``compress`` by truth,
    then by ``not str.isascii``, then by ``search``."""
    present: list[str] = list(compress(texts, texts))  # type: ignore[arg-type]  # (no None)
    flags = list(map(operator.not_, map(str.isascii, present)))
    picked = compress(compress(nodes, texts), flags)
    if search is None:
        return picked
    return compress(picked, map(search, compress(present, flags)))


def _blocks(page: Page, among: set[Element] | None = None) -> list[Element]:
    """The rendered blocks, in document order; with ``among``, only those in it (asked
    first: most blocks are not). Tags are read and tested in C."""
    elements = page.elements
    blocks: Iterator[Element] = compress(elements, map(BLOCKS.__contains__,
                                                       map(_TAG, elements)))
    if among is not None:
        blocks = filter(among.__contains__, blocks)
    return list(filter(page.is_rendered, blocks))


def _language(page: Page, el: Element) -> str | None:
    value = declared_lang(page, el)
    return (value.strip() or None) if value is not None else None


def _own_text(page: Page, el: Element, top: bool = False) -> str:
    """Text of the element without nested blocks and without children carrying ``lang``."""
    parts = [el.text or ""]
    stack: list[tuple[Element, bool]] = [(child, False) for child in reversed(el)]
    while stack:
        node, done = stack.pop()
        if done:
            parts.append(node.tail or "")
            continue
        stack.append((node, True))
        if not isinstance(node.tag, str):
            continue
        tag = node.tag
        if (tag in _SKIP or tag in BLOCKS or node.get("lang") is not None
                or not page.is_rendered(node)):
            continue
        parts.append(node.text or "")
        stack.extend((child, False) for child in reversed(node))
    return "".join(parts)
