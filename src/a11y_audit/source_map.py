"""Where an element is in the markup as written: line, column and its own source text.

lxml gives each element the line of its start tag but no column, and serialising the tree
shows the markup as the parser repaired it, not as the author wrote it. A :class:`SourceMap`
scans the source text once (lazily, the first time a finding is located), listing every start
and end tag outside comments, raw-text elements (``script``, ``style``...) and attribute
values. An element is matched to its start tag by line, tag name and rank among the elements
of that tag on that line, which stays right on minified pages where everything is on line 1.
Elements the parser made up (an implied ``tbody``, a missing ``body``) have no start tag: they
get their line and a rebuilt opening tag, never a guess.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache, partial
from itertools import islice
from typing import NamedTuple

from lxml import etree

from a11y_audit.dom import VOID_ELEMENTS, opening_tag, tag_of

SNIPPET_LIMIT = 200
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
TAG_ATTRIBUTES = r"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*"""   # quoted values may hold ">"
# A start tag, as HTML's tokenizer (and libxml2 2.14's HTML parser) reads one: "<", an ASCII
# letter, then the name up to a space, "/" or ">". Any other character is part of the name:
# ``<div<!-- x -->`` is an element named ``div<!--``, and ``<a<img src=x>`` one named
# ``a<img``, never a ``div`` or an ``img``.
_NAME = r"[A-Za-z][^\s/>]*(?=[\s/>])"
# One scan lists the start tags, skipping where tags are not tags: comments, CDATA,
# declarations and the content of raw-text elements (opaque; the scan stops at a raw-text
# element's start tag, and :func:`_raw_end` finds where its content ends). Loops are unrolled
# ("normal* (special normal*)*"): several times faster than alternations, and than a lazy
# ".*?", which tries the end of a comment at every character. Lookaheads on the first
# character skip what cannot follow: an end tag's "<" tries no alternative, an ordinary
# start tag none of the raw-text names (a quarter of the scan's time on the corpus pages).
# Under re.I the sets fold case as the names do ("ſ", "ı", "İ", "K" included), so they
# refuse nothing an alternative would take (tests/test_locations.py tries every character).
_SCAN = re.compile(
    r"<(?=[!?A-Za-z])(?:!--[^-]*(?:-(?!->)[^-]*)*(?:-->|\Z)"
    r"|!\[CDATA\[[^\]]*(?:\](?!\]>)[^\]]*)*(?:\]\]>|\Z)"
    r"|[!?][^>]*>?"
    rf"|(?=[{''.join(sorted({name[0] for name in _RAW_TEXT}))}])"
    rf"(?P<raw>{'|'.join(_RAW_TEXT)})(?=[\s/>]){TAG_ATTRIBUTES}(?:>|\Z)"
    rf"|(?P<name>{_NAME}))",
    re.S | re.I)
# The scan's groups by number: the last group of a match tells its kind (a start tag: name;
# a raw-text element's start tag: raw; a comment or declaration: none).
_RAW_GROUP, _NAME_GROUP = (_SCAN.groupindex[group] for group in ("raw", "name"))
# A raw-text element read whole, its content as the plain scan reads it: where a content
# holds many "<" that start no end tag of it (hostile text), a character at a time in C is
# cheaper than a Python step per "<" (see _raw_end).
_RAW_ELEMENT = re.compile(
    rf"<({'|'.join(_RAW_TEXT)})(?=[\s/>]){TAG_ATTRIBUTES}(?:>|\Z)[^<]*(?:<(?!/\1[\s/>])[^<]*)*",
    re.S | re.I)
_RAW_TRIES = 8          # "<" of a raw-text element's content always tried one by one
# Whether the text after a "<" in a raw-text element's content ("/", a name and the
# character after it) is the end tag of the element whose name was written ``raw``: the same
# case-insensitive back-reference a scan would take, applied to "raw\0" and that text.
_CLOSES = re.compile(r"([^\0]*)\0/\1[\s/>]", re.S | re.I)
_HEAD = re.compile(rf"<[^\s/>]*{TAG_ATTRIBUTES}(?:>|\Z)")
# A start tag inside a raw-text element's own start tag (its content is opaque, not its head).
_ANY_START = re.compile(rf"<({_NAME})")
_WINDOW = 8
_LONG_LINE = 4096      # longer lines (minified pages) are searched in the whole masked text


# Keyed by tag names, which pages choose: bounded, so a long run of odd pages cannot grow it.
@lru_cache(maxsize=512)
def _start_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"<{re.escape(name)}(?=[\s/>])", re.I)


@lru_cache(maxsize=64)
def _end_tag_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """An end tag of one of ``names``."""
    return re.compile(rf"</(?:{'|'.join(map(re.escape, names))})(?=[\s/>])", re.I)


@lru_cache(maxsize=512)
def tag_pattern(name: str) -> re.Pattern[str]:
    """A start or end tag of ``name``."""
    return re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])", re.I)


class SourceMap:
    """Where each element's start tag is in one document's source text.

    Built lazily: the lines and the start tags (long lines only) listed as far as the
    elements located so far need."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.shown = text   # what snippets are cut from (a template's text as written)
        # The offset of each line's first character, so far; then, once every line is
        # listed, one past the end of the text (the bound of the last line).
        self._line_starts = [0]
        self._lines_done = False
        self._starts: dict[str, list[int]] = {}     # tag name -> start offsets, so far
        self._scan: Iterator[re.Match[str]] | None = None
        self._listed = 0             # every start tag before this offset is in _starts
        self._rank: dict[str, dict[etree._Element, int]] = {}
        # (start of an ordinary line, tag name) -> the name's start tags on that line
        self._on_line: dict[tuple[int, str], list[int]] = {}
        # tag name -> its elements' lines in document order, or their ranks on their lines
        self._lines: dict[str, list[int] | dict[etree._Element, int]] = {}
        self._end_tags: dict[tuple[str, ...], dict[int, int | None]] = {}
        # where tags are text, so far (comments, declarations, raw-text content): (start,
        # end) in source order
        self._text_spans: list[tuple[int, int]] = []
        # tag name -> the offsets of its start tags that make no element (leave_out)
        self._left_out: dict[str, set[int]] = {}
        # tag name -> (start tags read, those that make an element)
        self._kept: dict[str, tuple[int, list[int]]] = {}

    def leave_out(self, name: str, offsets: Iterable[int]) -> None:
        """The start tags of ``name`` at ``offsets`` make no element (HTML's parser ignores
        them, and libxml2 was given the page without them): no element is located at one,
        nor ranked among them."""
        self._left_out.setdefault(name, set()).update(offsets)
        self._kept.pop(name, None)

    def starts(self, name: str, until: int | None = None) -> list[int]:
        """Offsets of the start tags of ``name`` outside comments, declarations and raw-text
        content, in source order; with ``until``, at least those before that offset (the
        text after it may not be scanned yet).

        One scan lists the start tags of every name (a regex search per name cost a pass
        over the whole text each: 28 against 2 ms for twelve names on a 1.4 MB page), and
        stops where the caller's need stops: a finding on the first long line of a page does
        not wait for the rest of it. A start tag of ``name`` is ``<`` then exactly ``name``
        then a space, ``/`` or ``>`` (see ``_NAME``), case-folded where the page writes tag
        names with capitals. The search on an ordinary line (:meth:`_find`) reads start tags
        the same way."""
        self._list(len(self.text) + 1 if until is None else until)
        listed = self._starts.get(name, [])
        if self._left_out and name in self._left_out:
            # (the list without them, kept and extended as the scan goes on: a filter of
            # the whole list on each call was quadratic in the tags of the name)
            read, kept = self._kept.get(name, (0, []))
            if read < len(listed):
                left_out = self._left_out[name]
                kept.extend(at for at in listed[read:] if at not in left_out)
                self._kept[name] = (len(listed), kept)
            return kept
        return listed

    def _list(self, until: int) -> None:
        """Scan on until every start tag before ``until`` is listed.

        A step per tag runs in Python: the match's kind is read from its last group (no group
        looked up by name), and the offset scanned so far is written once, when the scan
        stops (a third less time than the plain loop on the corpus pages). A raw-text
        element's content (three quarters of the corpus pages' text: scripts and JSON) is
        not read by the scan but skipped by :func:`_raw_end`, and the scan goes on after it."""
        if self._listed >= until:
            return
        scan = self._scan
        if scan is None:
            scan = self._scan = _SCAN.finditer(self.text)
        index = self._starts
        text_spans = self._text_spans
        text = self.text
        last = until - 1        # the scan stops after the first tag at or past this offset
        while True:
            for m in scan:
                kind = m.lastindex
                start = m.start()
                if kind == _NAME_GROUP:
                    found = m[_NAME_GROUP]
                    key = found if found.islower() else found.lower()
                    listed = index.get(key)
                    if listed is None:
                        index[key] = [start]
                    else:
                        listed.append(start)
                elif kind is None:
                    text_spans.append(m.span())     # a comment or a declaration
                else:
                    # The raw-text element's start tag, and any its head holds: only its
                    # content is opaque. A head without another "<" holds none.
                    content = m.end()
                    raw = m[_RAW_GROUP]
                    if text.find("<", start + 1, content) < 0:
                        index.setdefault(raw if raw.islower() else raw.lower(),
                                         []).append(start)
                    else:
                        for head in _ANY_START.finditer(text, start, content):
                            found = head.group(1)
                            index.setdefault(found if found.islower() else found.lower(),
                                             []).append(head.start())
                    end = _raw_end(text, raw, start, content)
                    text_spans.append((content, end))
                    scan = self._scan = _SCAN.finditer(text, end)
                    if start >= last:
                        self._listed = start + 1
                        return
                    break
                if start >= last:
                    self._listed = start + 1
                    return
            else:
                self._listed = len(text) + 1
                return

    def head_end(self, start: int) -> int:
        """Offset after the ``>`` of the tag starting at ``start``."""
        m = _HEAD.match(self.text, start)
        return m.end() if m else start + 1

    def line(self, offset: int) -> int:
        return bisect_right(self._lines_to(len(self.text) + 1), offset)

    def column(self, offset: int, line: int | None = None) -> int:
        """1-based; from the line starts, not a search back (quadratic on a one-line page).
        ``line``: the offset's line, when the caller has it."""
        if line is None:
            line = self.line(offset)
        return offset - self._lines_to(line)[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and column."""
        return self._lines_to(line)[line - 1] + column - 1

    def _lines_to(self, line: int) -> list[int]:
        """The line starts, listed at least up to the start of the line after ``line`` (all
        of them, and the end bound, where the text has no such line).

        Listed as far as the elements located so far need, not to the end: the last finding
        of a page is often far above its last line (a footer, then scripts and data), a
        quarter of the corpus pages' lines. A ``find`` per line, without the string per line
        that ``split`` makes: a quarter less time."""
        starts = self._line_starts
        if line < len(starts) or self._lines_done:
            return starts
        text = self.text
        find = text.find
        append = starts.append
        at = starts[-1]
        for _ in range(line + 1 - len(starts)):
            at = find("\n", at)
            if at < 0:
                append(len(text) + 1)
                self._lines_done = True
                break
            at += 1
            append(at)
        return starts

    def _rank_of(self, el: etree._Element, same_tag: list[etree._Element]) -> int:
        """The element's rank among the elements of its tag, in document order."""
        name = tag_of(el)
        ranks = self._rank.get(name)
        if ranks is None:
            # zip and dict in C: no Python step per element of the tag
            ranks = self._rank[name] = dict(zip(same_tag, range(len(same_tag)), strict=True))
        return ranks.get(el, -1)

    def _matches(self, start: int, head_end: int, el: etree._Element) -> bool:
        """Whether the tag at ``start`` (ending at ``head_end``) has ``el``'s attributes: a
        cheap check that this is the right tag."""
        attributes: list[tuple[str, str]] = el.items()  # type: ignore[assignment]  # (not bytes)
        if not attributes:
            return True
        head = self.text[start:head_end]
        lower = head.lower()
        # A value is searched first: it is in the head nearly always (every tag of the
        # step-9 corpus pages matches), and then its "&" and newline tests are not asked (an
        # empty value is in any head). Fewer than seven attributes (most elements): no copy.
        # Locating the step-9 pages: ~1,500 instructions less a check, 0.12 M a page.
        for name, value in attributes if len(attributes) <= 6 else attributes[:6]:
            if name.lower() not in lower:
                return False
            if value not in head and "&" not in value and "\n" not in value:
                return False
        return True

    def start_tag(self, el: etree._Element, same_tag: list[etree._Element]) -> int | None:
        """Offset of the element's start tag; None when it has none (the parser made it up)
        or it cannot be told apart.

        On an ordinary line, the k-th element of its tag starting on that line is the k-th
        start tag of that name in the line's text. On a long (minified) line, the k-th element
        of its tag in the document is the k-th start tag outside comments and scripts. Where
        the parser added or dropped tags, neighbours on the element's line are tried."""
        found = self._find(el, same_tag)
        return found[0] if found is not None else None

    def _find(self, el: etree._Element, same_tag: list[etree._Element],
              name: str | None = None) -> tuple[int, int, int, int] | None:
        """:meth:`start_tag`, with the offsets its check computed: (start of the tag, end of
        the tag, start of its line, its line, 1-based). libxml2 gives an element the line its
        start tag ends on (its ``>``): a tag written on one line is on ``el.sourceline``;
        one whose attributes run over several lines (hand-written pages and templates,
        rarely a browser's) is found among the tags that begin before that line and end on
        it.
        ``name``: ``tag_of(el)``, when the caller has it."""
        line: int | None = el.sourceline  # type: ignore[assignment]  # (stubbed as ...)
        if line is None:
            return None
        starts = self._line_starts
        if line >= len(starts):
            starts = self._lines_to(line)
            if line >= len(starts):
                return None
        begin, end = starts[line - 1], starts[line]
        if name is None:
            name = tag_of(el)
        found = self._find_on_line(el, same_tag, name, line, begin, end)
        if found is None:
            found = self._find_ending_on_line(el, same_tag, name, begin, end)
        return found

    def _find_ending_on_line(self, el: etree._Element, same_tag: list[etree._Element],
                             name: str, begin: int, end: int) -> tuple[int, int, int, int] | None:
        """A start tag that begins on an earlier line and ends (its ``>``) on the element's
        (from ``begin`` to ``end``): the k-th element of its tag in the document is near the
        k-th start tag of the name (the candidates around it are tried, nearer ones first)."""
        starts = self._line_starts      # (listed past the element's line by _find)
        candidates = self.starts(name, end)
        rank = self._rank_of(el, same_tag)
        if not candidates or rank < 0:
            return None
        last = len(candidates) - 1
        nearest = rank if rank < last else last
        text = self.text
        for step in range(_WINDOW):
            for k in ((nearest,) if step == 0 else (nearest - step, nearest + step)):
                if not 0 <= k <= last:
                    continue
                start = candidates[k]
                if start >= begin:
                    continue
                m = _HEAD.match(text, start)
                head_end = m.end() if m else start + 1
                if begin < head_end <= end and self._matches(start, head_end, el):
                    line = bisect_right(starts, start)
                    return start, head_end, starts[line - 1], line
        return None

    def _find_on_line(self, el: etree._Element, same_tag: list[etree._Element], name: str,
                      line: int, begin: int, end: int) -> tuple[int, int, int, int] | None:
        """A start tag that begins on the element's line ``line`` (from ``begin`` to ``end``)
        and ends on it."""
        if end - begin <= _LONG_LINE:
            # A line's start tags of a name are searched once: several elements of one line
            # are often located (a row of links, a block written on one line).
            key = (begin, name)
            candidates = self._on_line.get(key)
            if candidates is None:
                candidates = self._on_line[key] = self._line_candidates(name, begin, end)
            # Most lines have one start tag of the name: whatever the element's rank, that
            # tag is the one tried first, so the ranks of the tag's elements on their lines
            # (a pass over every element of the tag) are only built when there are several.
            rank = 0 if len(candidates) == 1 else self._line_rank(el, same_tag)
        else:
            # The start tags up to the end of this line: the element's tag is among them.
            candidates = self.starts(name, end)
            rank = self._rank_of(el, same_tag)
            if rank >= len(candidates):
                # More elements of the name than start tags so far (tags the parser made
                # up): the search below starts from the last start tag of the whole text.
                candidates = self.starts(name)
        if not candidates or rank < 0:
            return None
        last = len(candidates) - 1
        nearest = rank if rank < last else last
        text = self.text
        # The nearest candidate, tried inline (it is the tag nearly always), then its
        # neighbours, nearer ones first: on the element's line (its bounds are known) and
        # ending on it (a tag that begins at a line's end and ends on a later line is the
        # next element's, whose line is that later one), then the attributes.
        start = candidates[nearest]
        if begin <= start < end:
            m = _HEAD.match(text, start)
            head_end = m.end() if m else start + 1
            if head_end <= end and self._matches(start, head_end, el):
                return start, head_end, begin, line
        for step in range(1, _WINDOW):
            for k in (nearest - step, nearest + step):
                if 0 <= k <= last:
                    start = candidates[k]
                    if not begin <= start < end:
                        continue
                    m = _HEAD.match(text, start)
                    head_end = m.end() if m else start + 1
                    if head_end <= end and self._matches(start, head_end, el):
                        return start, head_end, begin, line
        return None

    def _line_candidates(self, name: str, begin: int, end: int) -> list[int]:
        """Offsets of the start tags of ``name`` on the ordinary line from ``begin`` to
        ``end``, in source order (comments and scripts are not told apart here: the
        attribute check of :meth:`_find` is)."""
        text = self.text
        candidates = [m.start() for m in _start_pattern(name).finditer(text, begin, end)]
        if len(candidates) > 1:
            odd = any(text[at - 1] not in _ENDS_NAME for at in candidates if at > begin)
        else:   # one candidate (most lines) or none: no generator to build
            odd = bool(candidates) and candidates[0] > begin and (
                text[candidates[0] - 1] not in _ENDS_NAME)
        if odd:
            # ``<name`` may go on a name begun before it (``<a<img``: no ``img``).
            candidates = [at for at in candidates if not _in_name(text, at, begin)]
        if self._left_out and name in self._left_out:
            left_out = self._left_out[name]
            candidates = [at for at in candidates if at not in left_out]
        return candidates

    def _line_rank(self, el: etree._Element, same_tag: list[etree._Element]) -> int:
        """The element's rank among the elements of its tag that start on its line.

        The lines of the tag's elements are read once per tag (in C). Where they never go
        back (nearly always: document order is source order), the rank is the element's
        rank in the tag less the elements before its line: a bisection. Otherwise a table
        of every element's rank on its line, built in one pass."""
        rank = self._rank_of(el, same_tag)
        if rank < 0:
            return -1
        name = tag_of(el)
        lines = self._lines.get(name)
        if lines is None:
            lines = list(map(_SOURCELINE, same_tag))
            if None in lines or any(map(operator.gt, lines, islice(lines, 1, None))):
                lines = self._line_ranks(same_tag)
            self._lines[name] = lines
        if isinstance(lines, dict):
            return lines[el]
        return rank - bisect_left(lines, lines[rank], 0, rank)

    @staticmethod
    def _line_ranks(same_tag: list[etree._Element]) -> dict[etree._Element, int]:
        """Each element's rank among the elements of its tag on its line (any order)."""
        ranks: dict[etree._Element, int] = {}
        seen: dict[int | None, int] = {}
        for other in same_tag:
            line: int | None = other.sourceline  # type: ignore[assignment]
            ranks[other] = seen.get(line, 0)
            seen[line] = ranks[other] + 1
        return ranks

    def end_tags(self, names: tuple[str, ...]) -> dict[int, int | None]:
        """Each start tag of ``names`` (its offset), with the offset of the end tag of one
        of ``names`` that nesting pairs with it (an end tag closes the latest start tag
        still open), or None. Start and end tags alike are read outside comments and raw
        text (a ``</a>`` in a script's string is no end tag: a link left open stays open
        past it, as in a browser). One pass over the page for all its elements of
        ``names``: a search from each start tag costs the square of their count where end
        tags are left out."""
        pairs = self._end_tags.get(names)
        if pairs is not None:
            return pairs
        events = [(at, True) for name in names for at in self.starts(name)]
        # (the starts listed the whole text: its spans of text are all known)
        spans = self._text_spans
        span_starts = [start for start, _ in spans]
        for m in _end_tag_pattern(names).finditer(self.text):
            at = m.start()
            span = bisect_right(span_starts, at) - 1
            if span < 0 or at >= spans[span][1]:
                events.append((at, False))
        events.sort()
        pairs = self._end_tags[names] = {}
        open_starts: list[int] = []
        for at, is_start in events:
            if is_start:
                open_starts.append(at)
                pairs[at] = None
            elif open_starts:
                pairs[open_starts.pop()] = at
        return pairs

    def end_of(self, start: int, name: str, within: int,
               head_end: int | None = None) -> int | None:
        """Offset after the element's end tag, if it ends within ``within`` characters of its
        start (a snippet needs no more, and this keeps locating bounded on huge containers).
        ``head_end``: :meth:`head_end` of ``start``, when the caller has it."""
        if head_end is None:
            head_end = self.head_end(start)
        if name in VOID_ELEMENTS or self.text[head_end - 2:head_end] == "/>":
            return head_end
        depth = 0
        for m in tag_pattern(name).finditer(self.text, head_end, start + within):
            if not m.group(1):
                depth += 1
            elif depth:
                depth -= 1
            else:
                close = self.text.find(">", m.end())
                return close + 1 if close >= 0 else len(self.text)
        return None


_SOURCELINE = operator.attrgetter("sourceline")
_ENDS_NAME = frozenset(" \t\n\r\f\v/>")
_TAG_OPEN = re.compile(r"<[A-Za-z]")


def _in_name(text: str, at: int, begin: int) -> bool:
    """Whether the ``<`` at ``at`` is inside a tag name begun before it on its line (from
    ``begin``): the run of characters before it that ends no name holds a ``<`` and a letter
    (``x<a<img``: the name ``a<img``)."""
    start = at
    while start > begin and text[start - 1] not in _ENDS_NAME and not text[start - 1].isspace():
        start -= 1
    return _TAG_OPEN.search(text, start, at) is not None


def _raw_end(text: str, raw: str, start: int, at: int) -> int:
    """Where the content of a raw-text element whose name was written ``raw`` ends (its
    start tag from ``start`` to ``at``): at the first ``</`` followed by that name (as a
    scan's case-insensitive back-reference reads it) and a space, "/" or ">"; else at the
    end of the text.

    Its "<" are found by ``str.find`` (a ``memchr``: the corpus pages' scripts and JSON
    hold one in 6,500 characters), a tenth of the time of a regex reading the content a
    character at a time. Where they come thicker than one in 256 characters past the
    first ``_RAW_TRIES`` (hostile text), the regex reads the element whole instead: a
    Python step per "<" would cost more."""
    find = text.find
    close = find("<", at)
    tries = 0
    while close >= 0:
        if _CLOSES.match(f"{raw}\0{text[close + 1:close + 3 + len(raw)]}") is not None:
            return close
        tries += 1
        if tries > _RAW_TRIES and (close - at) >> 8 < tries:
            whole = _RAW_ELEMENT.match(text, start)
            assert whole is not None        # the scan matched its start tag there
            return whole.end()
        close = find("<", close + 1)
    return len(text)


def cut(text: str, limit: int = SNIPPET_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Location(NamedTuple):
    """A named tuple, not a frozen dataclass: one is built per located element, and the
    dataclass's ``__init__`` (an ``object.__setattr__`` per field) cost several times more."""

    line: int | None
    column: int | None
    source: str | None       # the element's own markup as written (uncut), when found
    start_tag: str           # its start tag as written, or rebuilt


def locate(source_map: SourceMap | None, el: etree._Element,
           same_tag: list[etree._Element]) -> Location:
    if source_map is not None:
        name = tag_of(el)
        found = source_map._find(el, same_tag, name)
        if found is not None:
            start, head_end, line_start, line = found
            end = source_map.end_of(start, name, SNIPPET_LIMIT, head_end)
            text = source_map.shown
            source = text[start:end if end is not None else start + SNIPPET_LIMIT + 1]
            return _new_location((line, start - line_start + 1, source, text[start:head_end]))
    return Location(el.sourceline,  # type: ignore[arg-type]  # (stubbed as ...)
                    None, None, opening_tag(el, 10_000))


# A located element's Location made from a tuple in C: the named tuple's own ``__new__`` is
# Python code, one more frame for every located element.
_new_location = partial(tuple.__new__, Location)


def snippet(location: Location, child: Location | None = None,
            limit: int = SNIPPET_LIMIT) -> str | None:
    """The element's source as written, cut to ``limit``; with ``child`` (the offending element
    inside a container), the container's start tag, then the child's source."""
    if location.source is None:
        return None
    if child is None or child.source is None:
        return cut(location.source, limit)
    head = cut(location.start_tag, limit // 2)
    return cut(f"{head}…{child.source}", limit)
