"""Start tags written self-closing (``<div/>``) that HTML's parser reads as start tags.

HTML ignores the ``/`` of ``<div class="clear"/>``, ``<a href="/"/>`` or ``<span class="icon"/>``:
the element stays open and holds what follows, up to its end tag or its parent's. Only void
elements (``<br/>``, ``<img/>``) and elements of SVG and MathML (``<path/>``) are closed by
it. libxml2's HTML parser closes every element so written, and then a link holds no text
that a browser (and axe-core in it) gives it, an ``<iframe/>``'s fallback markup becomes
elements, and the page's CSS matches another tree.

Such tags are found here before libxml2 reads the markup, and their ``/`` becomes a space:
the same length, so every offset and line of the source stays as written. Browser-made
documents (saved pages) never write one, and a page with none pays one ``find``.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import TypeVar

from a11y_audit.dom import VOID_ELEMENTS
from a11y_audit.source_map import TAG_ATTRIBUTES, SourceMap, tag_pattern

# Void elements, and the names libxml2 knows as void or HTML's parser reads as void: the
# "/" changes nothing for them.
_VOID = VOID_ELEMENTS | {"basefont", "bgsound", "frame", "keygen", "image", "isindex"}
# Names of SVG and MathML elements only: written self-closing, they are an icon's parts
# (``<path/>``, ``<circle/>``) nearly always, and need no look at where they are. A name
# both languages use (``a``, ``title``, ``script``, ``style``) is decided by its place.
_FOREIGN_ONLY = frozenset((
    "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "use",
    "symbol", "defs", "stop", "lineargradient", "radialgradient", "clippath", "mask",
    "pattern", "filter", "marker", "text", "tspan", "textpath", "desc", "metadata",
    "foreignobject", "switch", "view", "animate", "animatemotion", "animatetransform", "set",
    "mpath", "fecolormatrix", "feblend", "fegaussianblur", "feoffset", "femerge",
    "femergenode", "feflood", "fecomposite", "femorphology", "feturbulence",
    "fedisplacementmap", "feimage", "fetile", "fedropshadow", "fespecularlighting",
    "fediffuselighting", "fepointlight", "fespotlight", "fedistantlight",
    "fecomponenttransfer", "fefunca", "fefuncr", "fefuncg", "fefuncb", "feconvolvematrix",
    "math", "mi", "mo", "mn", "ms", "mtext", "mrow", "mfrac", "msqrt", "mroot", "msub",
    "msup", "msubsup", "munder", "mover", "munderover", "mtable", "mtr", "mtd", "mspace",
    "mpadded", "mphantom", "menclose", "mstyle", "semantics", "annotation",
    "annotation-xml", "mglyph", "malignmark", "merror", "mmultiscripts", "mprescripts",
    "none"))
_SELF_CLOSING = re.compile(b"/>")
_NAME = re.compile(rb"[A-Za-z][^\s/>]*")
# A tag to its ">", as the source map reads one (quoted values may hold ">"), in bytes
_HEAD = re.compile(rf"<[^\s/>]*{TAG_ATTRIBUTES}(?:>|\Z)".encode())
# The end of a start tag's head before its "/": an unquoted attribute value takes the "/"
# in (``<a href=/x/>`` links to "/x/" and is not self-closing), an empty one too (``a=/>``).
_UNQUOTED_VALUE = re.compile(r"=[\t\n\f\r ]*[^\t\n\f\r \"'>]*\Z")
# In an SVG or MathML element, the elements whose content is HTML again (HTML's
# "integration points"; MathML's text ones, ``mi``..., hold HTML phrasing in practice).
_INTEGRATION_POINTS = {"svg": ("foreignobject", "desc", "title"),
                       "math": ("mi", "mo", "mn", "ms", "mtext", "annotation-xml")}


def open_self_closed(markup: bytes, text: str) -> tuple[list[int], SourceMap | None]:
    """The offsets in ``markup`` (``text``'s UTF-8 encoding, or the bytes ``text`` was
    decoded from) of the ``/`` of each start tag whose ``/>`` HTML's parser ignores; and the
    source map of ``text`` the search built, if it needed one (the page keeps it for
    locating findings: its scan is then not paid twice).

    The bytes are searched (a regex finds ``/`` by ``memchr``: 0.3 ms a MB, where
    ``str.find`` takes 1 ms), and only the tags that may be such a tag are looked at in the
    text, where the source map decides whether they are tags at all."""
    opaque = Opaque(markup)
    candidates = [candidate for candidate in _candidates(markup)
                  if not opaque.at(candidate[0])]
    if not candidates:
        return [], None
    source_map = SourceMap(text)
    foreign: _Foreign | None = None
    slashes = []
    # Each candidate's offset in the text, from the last one's: the bytes between two "<"
    # end no UTF-8 sequence halfway, so their decoding is the text's, with a replacement
    # character for each bad byte as in the text's (one decoding of the page in all, not
    # one from its start per candidate: a page of 40,000 "<span/>" took 25 s)
    byte_at = char_at = 0
    for at_byte, name, slash_byte in candidates:
        start = char_at + len(markup[byte_at:at_byte].decode("utf-8", "replace"))
        slash = start + len(markup[at_byte:slash_byte].decode("utf-8", "replace"))
        byte_at, char_at = at_byte, start
        starts = source_map.starts(name, slash)
        at = bisect_right(starts, start) - 1
        if at < 0 or starts[at] != start or source_map.head_end(start) != slash + 2:
            continue    # in a comment, a script or an attribute value: no tag
        if _UNQUOTED_VALUE.search(text, start, slash):
            continue
        if foreign is None:
            foreign = _Foreign(text, source_map)
        if not foreign.holds(start):
            slashes.append(slash_byte)
    return slashes, source_map


def _candidates(markup: bytes) -> list[tuple[int, str, int]]:
    """Each ``/>`` that may end a start tag, with that tag's start and name: the last ``<``
    before it since the ``/>`` before (no ``<`` between two: the second ends no tag, unless
    the first was in a quoted value of the same tag). One search on a page without ``/>``
    (the corpus's browser-made pages nearly all)."""
    search = _SELF_CLOSING.search
    found_slash = search(markup)
    found: list[tuple[int, str, int]] = []
    after = 0
    pending = -1    # a tag whose quoted value held the last "/>"
    while found_slash is not None:
        slash = found_slash.start()
        start = markup.rfind(b"<", after, slash)
        if start < 0:
            start = pending
        after = slash + 2
        pending = -1
        if start >= 0:
            # (a ">" between: the "/>" is after the tag, unless the ">" is in a quoted value)
            end = after if markup.find(b">", start, slash) < 0 else tag_end(markup, start)
            if end == after:
                m = _NAME.match(markup, start + 1)
                if m is not None:
                    name = m.group().decode("ascii", "replace").lower()
                    if name not in _VOID and name not in _FOREIGN_ONLY:
                        found.append((start, name, slash))
            elif end > after:
                pending = start
        found_slash = search(markup, after)
    return found


def tag_end(markup: bytes, start: int, limit: int | None = None) -> int:
    """Where the tag whose ``<`` is at ``start`` ends (after its ``>``; quoted values may
    hold ``>``), read no further than ``limit``; -1 if it does not end."""
    head = _HEAD.match(markup, start, len(markup) if limit is None else limit)
    return head.end() if head is not None else -1


# A tag is read no further than this from its "<" where the question is only whether an
# offset is inside it: a page of "<" and quotes and no ">" would otherwise be read to its end
# once for each offset asked.
TAG_LIMIT = 2048


def tags_outside_text(markup: bytes,
                      candidates: Iterable[re.Match[bytes]]) -> Iterator[re.Match[bytes]]:
    """The ``candidates`` (matches in ``markup`` of what may be a tag, in order) that are
    tags for HTML's parser: outside comments, scripts, styles, titles and text areas, and
    not inside another tag (an attribute's quoted value). A candidate whose ``<`` follows
    one that opens no tag closed before it (``a < </br>``), which a tokenizer would tell
    apart, is left out too: the callers leave it as libxml2 reads it (nothing repaired,
    never a tag made up)."""
    text = Opaque(markup, _TEXT_OPENING, _TEXT_CLOSING)
    in_tag_until = -1   # the end of the tag that the last candidate was found in
    for m in candidates:
        start = m.start()
        # (text first: a script's "<" is no tag's, and the search back for the "<" of a tag
        # a candidate is in would take a script's "a<b" for one left open to the end)
        if start < in_tag_until or text.at(start):
            continue
        in_tag_until = _in_a_tag(markup, start)
        if in_tag_until < 0:
            yield m


def _in_a_tag(markup: bytes, start: int) -> int:
    """The end of the tag that ``start`` is in, if a ``<`` before it opens a tag not closed
    before it, else -1."""
    opened = markup.rfind(b"<", 0, start)
    if opened <= markup.rfind(b">", 0, start):
        return -1
    end = tag_end(markup, opened, opened + TAG_LIMIT)
    return end if end > start else len(markup)


# Where a tag is text to HTML's parser: raw text (scripts, styles), escapable raw text
# (titles, text areas) and comments (for :class:`Opaque`)
_TEXT_OPENING = re.compile(rb"<script|<style|<!--|<textarea|<title|<xmp", re.I)
_TEXT_CLOSING = {b"<script": b"</script", b"<style": b"</style", b"<!--": b"-->",
                 b"<textarea": b"</textarea", b"<title": b"</title", b"<xmp": b"</xmp"}

# The tags the page model counts in a page's bytes, in one search that steps over the content
# of scripts, noscripts and templates (not in the page's elements) and comments: end tags of
# the elements libxml2 closes without a report (``a``, ``code``, ``nobr``: formatting_list),
# start and end tags of lists, buttons, labels, forms and paragraphs (divs_left_open) and of
# headings (a heading left open, which libxml2 closes at a paragraph:
# misnested.reopen_closed_early).
# A quarter of the corpus pages write "</a>" in a script's strings; so read, the count of
# "</a>" equals the links on every corpus page.
# Half the time of a ``bytes.count`` for each end tag (a needle of several bytes is no
# ``memchr``). Linear on any text: a start tag is read to its ">" or the next "<", and what
# is not closed runs to the end.
_STEPPED_OVER = [
    *(rf"<(?i:{name})(?=[\t\n\f\r />])[^<>]*>?[^<]*(?:<(?!/(?i:{name}))[^<]*)*".encode()
      for name in ("script", "noscript", "template")),
    rb"<!--[^-]*(?:-(?!->)[^-]*)*(?:-->|\Z)"]
_COUNTED = (rb"/(?:a|code|nobr|ul|ol|button|label|form|h[1-6]|p)>"
            rb"|(?:ul|ol|button|label|form|h[1-6]|p)(?=[\t\n\f\r />])")
# (and the first letter of a tag in capitals, b"P" or b"/A", as a sign that the page writes
# some: then the count is made again in either case, a quarter slower; "[A-Z]|/[A-Z]", not
# "/?[A-Z]", whose repeat costs a tenth of the whole count)
_COUNTED_TAGS = re.compile(rb"|".join([*_STEPPED_OVER, rb"<(" + _COUNTED + rb"|[A-Z]|/[A-Z])"]))
_COUNTED_TAGS_ANY_CASE = re.compile(rb"|".join([*_STEPPED_OVER, rb"<((?i:" + _COUNTED + rb"))"]))


_HEADING_PAIRS = tuple((f"h{level}".encode(), f"/h{level}>".encode()) for level in range(1, 7))


def headings_left_open(written: Mapping[bytes, int]) -> bool:
    """Whether the page writes fewer heading end tags than heading start tags (``written``:
    :func:`count_written_tags`): a heading left open, which libxml2 closes at a start tag
    where HTML's parser does not (a paragraph's), without a report."""
    return (sum(written.get(start, 0) for start, _ in _HEADING_PAIRS)
            > sum(written.get(end, 0) for _, end in _HEADING_PAIRS))


def count_written_tags(markup: bytes) -> Counter[bytes]:
    """How many of the tags :data:`_COUNTED_TAGS` counts ``markup`` writes, by their text
    after the ``<``: ``b"/a>"``, ``b"/code>"``, ``b"/nobr>"``, the end tags of lists,
    buttons, labels, forms, headings and paragraphs (``b"/ul>"``, ``b"/h2>"``...) and their
    start tags (``b"ul"``...)
    (in lower case, however written: a template in capitals, ``</A>``, counts as one in
    lower case; ``</a >`` counts as none)."""
    written = Counter(_COUNTED_TAGS.findall(markup))   # (b"": what is stepped over)
    if not any(tag[-1:].isupper() for tag in written):
        return written
    return Counter(tag.lower() for tag in _COUNTED_TAGS_ANY_CASE.findall(markup))


_OPAQUE_OPENING = re.compile(rb"<script|<style|<!--", re.I)
_OPAQUE_CLOSING = {b"<script": b"</script", b"<style": b"</style", b"<!--": b"-->"}


class Opaque:
    """Whether a ``<`` is plainly in a script, a style sheet or a comment (or what
    ``opening`` and ``closing`` name), asked at offsets in increasing order: one pass over
    the bytes, from each such opening to its closing.
    The ``/>`` of the corpus's browser-made pages are all there (strings of scripts and
    JSON), and a scan of the page (:class:`SourceMap`) that tells it for sure costs a
    millisecond and more. A ``<`` this misses only costs that scan; one it wrongly calls
    opaque (after a script's text that writes ``<script`` where no script starts) stays as
    libxml2 reads it.
    Tag names are read in either case (``opening`` ignores case; ``closing`` is keyed in
    lower case): a template in capitals writes ``<SCRIPT>`` and ``</SCRIPT>``."""

    def __init__(self, markup: bytes, opening: re.Pattern[bytes] = _OPAQUE_OPENING,
                 closing: dict[bytes, bytes] = _OPAQUE_CLOSING) -> None:
        self.markup = markup
        self.opening = opening
        self.closings = closing
        self.longest = max(map(len, closing))
        self.at_offset = 0                   # read up to here
        self.closing: bytes | None = None    # what ends the opaque text we are in
        # the same, in either case: an opening written in capitals (a template in capitals)
        self.any_case: re.Pattern[bytes] | None = None

    def at(self, offset: int) -> bool:
        markup = self.markup
        while True:
            if self.closing is not None:
                if self.any_case is None:
                    end = markup.find(self.closing, self.at_offset, offset)
                else:
                    found = self.any_case.search(markup, self.at_offset, offset)
                    end = found.start() if found else -1
                if end < 0:
                    self.at_offset = max(self.at_offset, offset - len(self.closing))
                    return True
                self.at_offset, self.closing = end + len(self.closing), None
            m = self.opening.search(markup, self.at_offset, offset)
            if m is None:
                # (an opening may straddle offset: read again from its possible start)
                self.at_offset = max(self.at_offset, offset - self.longest)
                return False
            opening = m.group()
            written = opening.lower()
            self.at_offset, self.closing = m.end(), self.closings[written]
            # (bytes.find, a memchr, where the opening is in lower case: most pages)
            self.any_case = None if opening == written else _any_case(self.closing)


@functools.cache
def _any_case(text: bytes) -> re.Pattern[bytes]:
    return re.compile(re.escape(text), re.I)


class _Foreign:
    """The spans of a text where elements are SVG or MathML: from an ``<svg>`` or ``<math>``
    start tag to its end tag, less the HTML integration points within."""

    def __init__(self, text: str, source_map: SourceMap) -> None:
        # the outermost svg and math elements' spans (apart from each other), sorted, and
        # the integration points' spans within each (apart from each other too)
        outer: list[tuple[int, int, list[tuple[int, int]]]] = []
        for root in ("svg", "math"):
            for start, end in _spans(text, source_map, root, 0, len(text)):
                inner = sorted(span for point in _INTEGRATION_POINTS[root]
                               for span in _spans(text, source_map, point, start, end))
                outer.append((start, end, inner))
        self.outer = sorted(outer)
        self.starts = [start for start, _, _ in self.outer]

    def holds(self, offset: int) -> bool:
        """Whether the tag at ``offset`` is an SVG or MathML element: in an svg or math
        span (after its start tag), and in none of its integration points; each found by
        bisection (a page of many icons and many candidates)."""
        span = _around(self.outer, self.starts, offset)
        if span is None:
            return False
        inner = span[2]
        return _around(inner, [start for start, _ in inner], offset) is None


_Span = TypeVar("_Span", tuple[int, int], tuple[int, int, list[tuple[int, int]]])


def _around(spans: list[_Span], starts: list[int], offset: int) -> _Span | None:
    """The span of ``spans`` (apart from each other, sorted by their ``starts``) that holds
    ``offset`` past its start, if one does."""
    at = bisect_left(starts, offset) - 1
    if at >= 0 and offset < spans[at][1]:
        return spans[at]
    return None


def _spans(text: str, source_map: SourceMap, name: str, begin: int,
           end: int) -> list[tuple[int, int]]:
    """From each start tag of ``name`` (outside comments and raw text) between ``begin``
    and ``end`` to its end tag, nested ones within their outer one's span."""
    spans: list[tuple[int, int]] = []
    reach = begin
    starts = source_map.starts(name)
    for start in starts[bisect_left(starts, begin):]:
        if start < reach:
            continue
        if start >= end:
            break
        head_end = source_map.head_end(start)
        if text[head_end - 2:head_end] == "/>":
            continue    # <svg/>: closed, it holds nothing
        depth, close = 0, end
        for m in tag_pattern(name).finditer(text, head_end, end):
            if not m.group(1):
                depth += 1
            elif depth:
                depth -= 1
            else:
                close = m.start()
                break
        spans.append((start, close))
        reach = close
    return spans
