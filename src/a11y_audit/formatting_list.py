"""Formatting elements left open, as HTML's parser reopens them.

A template that leaves a link, ``<b>`` or ``<em>`` without its end tag
(``<h2><a href="/story">Flooding</h2><p>The river rose…</p>``) is read by a browser with
HTML's "list of active formatting elements" (HTML, 13.2.4.3): the element closes with the
heading around it, stays in the list, and is opened again, as a copy, where text or an
inline element comes next: the summary is a second link to the story, and so is every
paragraph after it, until another link starts or the body ends. White space between blocks
is text too: a copy opened there holds the blocks that follow. A teaser list whose links are
all left open, its items on lines of their own (``<li><a href="/1">One</li>`` newline
``<li><a href="/2">Two</li>``), gets a copy of the link before on each line break, and an
empty one in each item (the adoption agency of the next ``<a>`` start tag ends it there).
libxml2's parser closes such an element with its parent and forgets it.

Here the body is built again as the browser builds it, from a replay of libxml2's tree as
tags and text (:class:`_Builder`: HTML's "in body" insertion mode, with the list, its
reconstruction, Noah's Ark and the adoption agency), on pages where an element of a
formatting tag has no end tag of its own as written (looked for where it costs little to
know, :func:`maybe_left_open`, then in the source, :func:`left_open`). Each element keeps
libxml2's reading of where it ends, except those formatting elements, which stay open until
something closes them. What is replayed whole, as libxml2 built it: tables, selects,
templates, raw-text elements, SVG and MathML, objects and the like (their content is in
other insertion modes, or behind a marker). Not rebuilt, the page left as libxml2 read it: a
page where the misnesting repair made copies of formatting elements (an end tag written
inside a block). It runs before the repairs of a paragraph closed by a block and of a link
in a link, which read the tree it builds. Left as libxml2 read them (:func:`left_open`): an
element whose end tag is written past where libxml2 ended it (a misnested end tag the
adoption agency repair did not take), and one foster parenting moved. On
a hostile page the copies, and the list, are bounded (:data:`REOPENED_COPIES`). The copies
are made-up elements (no start tag of their own); :func:`reopen` maps each to the element it
copies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TypeAlias

from lxml import etree

from a11y_audit.dom import VOID_ELEMENTS, start_tag_copy, text_at_end, text_before
from a11y_audit.knowledge.html_parser import (
    FORMATTING,
    IMPLIED_END_TAGS,
    ITEM_END_PASSES,
    ITEMS_ENDED,
    LIBXML2_CLOSED_BY,
    MARKERS,
    NO_RECONSTRUCTION,
    SCOPE_BOUNDARIES,
    SPECIAL,
)
from a11y_audit.limits import REOPENED_AT_ONCE, REOPENED_COPIES
from a11y_audit.parser_log import ParserLog
from a11y_audit.source_map import SourceMap

Element: TypeAlias = etree._Element

# Elements replayed whole, as libxml2 built them: what they hold is parsed in another
# insertion mode (tables, selects, raw text, foreign content), is behind a marker (objects),
# or is not in the document (template, noscript: set apart by the page model)
_WHOLE = frozenset((
    "table", "select", "template", "noscript", "script", "style", "textarea", "title", "xmp",
    "iframe", "noembed", "noframes", "plaintext", "svg", "math", "object", "applet",
    "marquee", "frameset", "head")) | VOID_ELEMENTS
# The start tags at which libxml2 closes an open formatting element without a report (its
# HTML 4 "start close" table; ``a`` is found by counting end tags)
_CLOSED_BY_START = {name: closing for name, closing in LIBXML2_CLOSED_BY.items()
                    if name in FORMATTING and name != "a"}
# The formatting elements libxml2 closes without a report wherever it does: their end tags
# are counted
_COUNTED = frozenset(("a", "code", "nobr"))
_START, _END, _TEXT, _WHOLE_ELEMENT = range(4)
Token: TypeAlias = "tuple[int, Element | str]"
_MARKER = None
# the adoption agency's outer loop runs at most this many times (HTML, 13.2.6.4.7)
_OUTER_LOOP = 8


def maybe_left_open(written: Mapping[bytes, int], by_tag: Mapping[str, list[Element]],
                    log: ParserLog) -> list[str]:
    """The formatting tags whose elements a page (parsed into ``by_tag``) may leave open,
    from what costs little to know:

    - ``a``, ``code`` and ``nobr``, where the page writes fewer of their end tags outside
      scripts, noscripts, templates and comments than it has elements of them (libxml2
      reports none it closes without its end tag; ``written``: the tags counted in the
      page's bytes, :func:`a11y_audit.self_closing.count_written_tags`);
    - the others where libxml2 reported closing one at its parent's end tag (``<p><em>x</p>``
      is "Opening and ending tag mismatch: p and em"), or every one on the page where its
      log is full;
    - and where the tree has the shape of the closings libxml2 does not report: a ``b``,
      ``i``, ``s``, ``small``, ``u``... followed straight by a paragraph, itself or what
      it ends (libxml2 closes them at its start tag, :data:`_CLOSED_BY_START`), and a
      formatting element that ends a list item followed straight by the next item (an
      ``li`` start tag closes the item before and what it holds)."""
    names = {open_inside for _, open_inside in log.mismatched
             if open_inside in FORMATTING and open_inside in by_tag}
    if log.full:
        names.update(name for name in FORMATTING if name in by_tag)
    # (``</a >`` counts as none: those elements are then looked at in the source)
    names.update(name for name in _COUNTED if name not in names and name in by_tag
                 and written.get(f"/{name}>".encode(), 0) < len(by_tag[name]))
    for name in FORMATTING - names - _COUNTED:
        closing = _CLOSED_BY_START.get(name, frozenset())
        for el in by_tag.get(name, ()):
            if el.tail is None and (_closed_by(el, closing) or _ends_an_item(el)):
                names.add(name)
                break
    return sorted(names)


def _closed_by(el: Element, closing: AbstractSet[str]) -> bool:
    """Whether the element after ``el`` (or after the formatting elements holding it that
    it ends, where libxml2 closes them at the same start tag) has a tag of ``closing``."""
    node: Element | None = el
    while node is not None and node.tail is None:
        following = node.getnext()
        if following is not None:
            return following.tag in closing
        node = node.getparent()
        if node is None:
            return False
        # (a paragraph's start tag closes an open paragraph too, with what it holds)
        closing = closing & (_CLOSED_BY_START.get(node.tag, frozenset())
                             if node.tag != "p" else frozenset(("p",)))
        if not closing:
            return False
    return False


def _ends_an_item(el: Element) -> bool:
    """Whether ``el`` (and what holds it) ends a list item or a definition's part that the
    next one's start tag ended."""
    node: Element | None = el
    while node is not None and node.tail is None and node.getnext() is None:
        node = node.getparent()
        if node is not None and node.tag in ITEMS_ENDED:
            following = node.getnext()
            return (node.tail is None and following is not None
                    and following.tag in ITEMS_ENDED[node.tag])
    return False


def left_open(names: Sequence[str], source_map: SourceMap,
              parsed_tags: Callable[[str], list[Element]]) -> set[Element]:
    """The elements of ``names`` that no end tag of their own closes as written.
    ``parsed_tags``: the parsed elements of a name, in source order.

    The start and end tags of each name are paired as nesting pairs them (an end tag closes
    the latest start tag still open), outside comments and raw text
    (:meth:`SourceMap.end_tags`: a ``</a>`` in a script's string closes no link). Left
    as libxml2 read them: an element whose end tag is written past where libxml2 ended it
    (``<i>x<p>y</i>z</p>``), and one written after what follows it in the tree (foster
    parenting put it before the table it was written in: what it holds in a browser is
    not read from the order of the tree)."""
    found: set[Element] = set()
    for name in names:
        elements = parsed_tags(name)
        ends = source_map.end_tags((name,))
        for el in elements:
            where = source_map._find(el, elements, name)
            if where is None or ends.get(where[0], 0) is not None:
                continue
            following = _following(el)
            if following is not None and isinstance(following.tag, str):
                written = source_map._find(following, parsed_tags(following.tag),
                                           following.tag)
                if written is not None and written[0] < where[0]:
                    continue
            found.add(el)
    return found


def _following(el: Element) -> Element | None:
    """The first element after ``el`` and what it holds, in document order."""
    node: Element | None = el
    while node is not None:
        following = next(node.itersiblings(etree.Element), None)
        if following is not None:
            return following
        node = node.getparent()
    return None


def reopen(body: Element, left: set[Element]) -> tuple[dict[Element, Element], bool]:
    """Build ``body``'s content again as a browser does when the formatting elements of
    ``left`` have no end tag; returns each copy made, with the element it copies (none:
    the tree is as it was), and whether the bounds of a hostile page were met: more copies
    due than :data:`REOPENED_COPIES` (those are not made: where they were due, the content
    is in none), or more formatting elements in the list at once than
    :data:`REOPENED_AT_ONCE` (the earliest leaves it)."""
    tokens = list(_tokens(body, left))
    for kind, item in tokens:   # take the tree apart: the builder puts each piece back
        if kind == _START:
            assert not isinstance(item, str)
            item.text = item.tail = None
            for child in list(item):
                item.remove(child)
        elif kind == _WHOLE_ELEMENT:
            assert not isinstance(item, str)
            item.tail = None
    body.text = None
    for child in list(body):
        body.remove(child)
    builder = _Builder(body)
    for kind, item in tokens:
        if kind == _TEXT:
            assert isinstance(item, str)
            builder.text(item)
        elif kind == _START:
            builder.start(item)  # type: ignore[arg-type]  # (an element)
        elif kind == _END:
            builder.end(item)  # type: ignore[arg-type]
        else:
            builder.whole(item)  # type: ignore[arg-type]
    return builder.copies, builder.over_budget


def _tokens(body: Element, left: set[Element]) -> Iterator[Token]:
    """``body``'s content as the tags and text of a document that writes it: a start tag,
    the content and an end tag for each element, but no end tag for those of ``left``;
    the elements of :data:`_WHOLE` (and comments) whole."""
    if body.text:
        yield _TEXT, body.text
    children: list[Iterator[Element]] = [iter(body)]
    owners = [body]
    while children:
        child = next(children[-1], None)
        if child is None:
            children.pop()
            owner = owners.pop()
            if owner is not body:
                if owner not in left:
                    yield _END, owner
                if owner.tail:
                    yield _TEXT, owner.tail
            continue
        if not isinstance(child.tag, str) or child.tag in _WHOLE:
            yield _WHOLE_ELEMENT, child
            if child.tail:
                yield _TEXT, child.tail
            continue
        yield _START, child
        if child.text:
            yield _TEXT, child.text
        children.append(iter(child))
        owners.append(child)


class _Builder:
    """HTML's "in body" insertion mode over a replayed document (HTML, 13.2.6.4.7): the
    stack of open elements, the list of active formatting elements and what reads them."""

    def __init__(self, body: Element) -> None:
        self.stack: list[Element] = [body]
        self.open: set[Element] = {body}
        self.active: list[Element | None] = []     # None: a marker
        self.copies: dict[Element, Element] = {}    # copy -> the element it copies
        self.over_budget = False

    # -- the stack ----------------------------------------------------------------------

    def _push(self, el: Element) -> None:
        self.stack[-1].append(el)
        self.stack.append(el)
        self.open.add(el)

    def _pop(self) -> Element:
        el = self.stack.pop()
        self.open.discard(el)
        return el

    def _copy(self, el: Element) -> Element:
        copy = start_tag_copy(el)
        self.copies[copy] = self.copies.get(el, el)
        return copy

    # -- the tokens ---------------------------------------------------------------------

    def text(self, text: str) -> None:
        self._reconstruct()     # (white space too: every character token does)
        text_at_end(self.stack[-1], text)

    def whole(self, el: Element) -> None:
        if isinstance(el.tag, str) and el.tag not in NO_RECONSTRUCTION:
            self._reconstruct()
        self.stack[-1].append(el)

    def start(self, el: Element) -> None:
        tag = el.tag
        if tag == "a":
            # an <a> start tag ends a link still in the list (the adoption agency)
            link = next((entry for entry in self._since_marker() if entry.tag == "a"), None)
            if link is not None:
                self._adopt("a")
                self._forget(link)
                if link in self.open:
                    self.stack.remove(link)
                    self.open.discard(link)
        elif tag in ITEMS_ENDED:
            # a list item's (or a definition part's) start tag ends the item open, through
            # the formatting elements open in it (libxml2 nested the new item in those)
            self._close_open(ITEMS_ENDED[tag], passing=ITEM_END_PASSES)
        if tag not in NO_RECONSTRUCTION:
            self._reconstruct()
        if tag == "nobr" and self._in_scope("nobr"):
            self._adopt("nobr")
            self._reconstruct()
        self._push(el)
        if tag in FORMATTING:
            self._noahs_ark(el)
            self.active.append(el)
            if len(self.active) > REOPENED_AT_ONCE:
                self.over_budget = True
                del self.active[0]
        elif tag in MARKERS:
            self.active.append(_MARKER)

    def end(self, el: Element) -> None:
        if el.tag in FORMATTING:
            if not self._adopt(el.tag):     # "any other end tag"
                self._close_open({el.tag})
            return
        if el not in self.open:
            return      # moved off the stack by the adoption agency: its end tag is ignored
        if el.tag == "form" and self._in_scope(el):
            # HTML's parser takes only the form out of its open elements: a copy opened in
            # it (at white space before </form>) stays open, and holds what follows
            while self.stack[-1].tag in IMPLIED_END_TAGS and self.stack[-1] is not el:
                self._pop()
            self.stack.remove(el)
            self.open.discard(el)
            return
        while self._pop() is not el:
            pass
        if el.tag in MARKERS:
            while self.active and self.active.pop() is not _MARKER:
                pass

    def _close_open(self, tags: AbstractSet[str],
                    passing: AbstractSet[str] = frozenset()) -> None:
        """Close the nearest open element of ``tags``, with what is open inside it, unless
        a special element (but those of ``passing``) is open above it: then nothing."""
        for at in range(len(self.stack) - 1, 0, -1):
            el = self.stack[at]
            if el.tag in tags:
                while len(self.stack) > at:
                    self._pop()
                return
            if el.tag in SPECIAL and el.tag not in passing:
                return

    # -- the list of active formatting elements ---------------------------------------------

    def _since_marker(self) -> Iterator[Element]:
        """The list's entries after its last marker, the latest first."""
        for entry in reversed(self.active):
            if entry is _MARKER:
                return
            yield entry

    def _forget(self, el: Element) -> None:
        at = self._index(el)
        if at >= 0:
            del self.active[at]

    def _noahs_ark(self, el: Element) -> None:
        """No more than three entries alike (the same tag and attributes) after the last
        marker: the earliest goes."""
        attributes = sorted(el.items())
        alike = [entry for entry in self._since_marker()
                 if entry.tag == el.tag and sorted(entry.items()) == attributes]
        if len(alike) >= 3:
            self._forget(alike[-1])

    def _reconstruct(self) -> None:
        active = self.active
        if not active or active[-1] is _MARKER or active[-1] in self.open:
            return
        at = len(active) - 1
        while at > 0 and active[at - 1] is not _MARKER and active[at - 1] not in self.open:
            at -= 1
        if len(self.copies) + len(active) - at > REOPENED_COPIES:
            self.over_budget = True
            return
        for index in range(at, len(active)):
            entry = active[index]
            assert entry is not None
            copy = self._copy(entry)
            self._push(copy)
            active[index] = copy

    def _in_scope(self, target: Element | str) -> bool:
        """Whether ``target``, or an open element of that tag, is in scope (none of HTML's
        scope boundaries is open above it)."""
        for el in reversed(self.stack):
            if el is target or el.tag == target:
                return True
            if el.tag in SCOPE_BOUNDARIES:
                return False
        return False

    def _adopt(self, tag: str) -> bool:
        """The adoption agency algorithm for an end tag of ``tag`` (or an ``a`` start tag
        that finds a link in the list); False where the end tag is to be read as "any other
        end tag" (no element of ``tag`` in the list)."""
        stack, active = self.stack, self.active
        current = stack[-1]
        if current.tag == tag and not any(entry is current for entry in active):
            self._pop()
            return True
        for _ in range(_OUTER_LOOP):
            formatting = next((entry for entry in self._since_marker() if entry.tag == tag),
                              None)
            if formatting is None:
                return False
            if formatting not in self.open:
                self._forget(formatting)
                return True
            if not self._in_scope(formatting):
                return True
            position = stack.index(formatting)
            furthest = next((el for el in stack[position + 1:] if el.tag in SPECIAL), None)
            if furthest is None:
                while self._pop() is not formatting:
                    pass
                self._forget(formatting)
                return True
            common = stack[position - 1]
            bookmark = self._index(formatting)
            node = last = furthest
            node_at = stack.index(furthest)
            inner = 0
            while True:
                inner += 1
                node_at -= 1
                node = stack[node_at]
                if node is formatting:
                    break
                listed = self._index(node)
                if inner > 3 and listed >= 0:
                    del active[listed]
                    if listed < bookmark:
                        bookmark -= 1
                    listed = -1
                if listed < 0:
                    del stack[node_at]
                    self.open.discard(node)
                    continue
                copy = self._copy(node)
                active[listed] = copy
                stack[node_at] = copy
                self.open.discard(node)
                self.open.add(copy)
                if last is furthest:
                    bookmark = listed + 1
                _move(last, copy)
                last = copy
            _move(last, common)
            copy = self._copy(formatting)
            copy.text, furthest.text = furthest.text, None
            for child in list(furthest):
                copy.append(child)      # (with its tail)
            furthest.append(copy)
            at = self._index(formatting)
            del active[at]
            if at < bookmark:
                bookmark -= 1
            active.insert(bookmark, copy)
            stack.remove(formatting)
            self.open.discard(formatting)
            stack.insert(stack.index(furthest) + 1, copy)
            self.open.add(copy)
        return True

    def _index(self, el: Element) -> int:
        for at, entry in enumerate(self.active):
            if entry is el:
                return at
        return -1


def _move(el: Element, parent: Element) -> None:
    """Append ``el`` to ``parent``; its tail (text after it) stays where it was."""
    tail, el.tail = el.tail, None
    if tail:
        text_before(el, tail)
    old = el.getparent()
    if old is not None:
        old.remove(el)
    parent.append(el)
