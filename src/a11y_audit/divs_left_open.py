"""A ``div`` left open inside a block, as HTML's parser closes it at the block's end tag.

The most common slip in a template is a ``</div>`` left out: ``<header><div class="logo"><a
href="/">Home</a></header><main>...``. HTML's parser closes the header at ``</header>`` with
everything still open inside it, the div included (HTML, 13.2.6.4.7, "in body": an end tag
of a block, a list item, a heading or a button pops the elements open above its element),
and the ``<main>`` after it is the body's. libxml2's parser lets an end tag close only the
elements inside its element whose end-tag "priority" is no higher than its own, and a
``div``'s is higher than any block's: it ignores ``</header>``, the header stays open and
holds the main, the footer and the rest of the page, and every ``</div>`` after it closes
the div one level in from the one its author closed. A browser, axe-core in it and a screen
reader read a page with a top-level main; the page model would read a main inside a banner
(``landmark-main-is-top-level``), list items in a div (``listitem``), a button named by the
rest of its section.

Where libxml2 reported an end tag of such an element that did not match the element open
(``Opening and ending tag mismatch: header and div``), the page's bytes are read again by
libxml2's push parser, which reports each element as it opens and closes it. Just before
each end tag of :data:`CLOSED_THROUGH` that libxml2 is about to ignore for a div open inside
its element, and that HTML's parser would not ignore (its element in scope: no table, cell,
template, object, select or foreign element between), a ``</div>`` is given for each div
open inside the element, so that libxml2 then closes the element at its end tag as HTML's
parser does; and before the start tag of a list item (or a definition's part) that HTML's
parser closes the item before at, through the ``div`` or ``span`` open in it, where libxml2
would nest the new item in them, ``</div></li>``. And a ``</li>`` that HTML's parser
ignores because a nested list is open in the item (a submenu's ``</ul>`` left out: "list
item scope" stops at the list), where libxml2 would close the list and the item, is not
given to libxml2; nor is a ``</form>`` at which a button, a label or a div is left open
in the form: HTML's parser takes only the form out of its open elements, and what follows
is still in that element, in the form (libxml2 closed them with the form; a button's
``</button>`` left out, and the rest of the page was in no form); the end tag that closes
that element is then followed by the ``</form>``, which closes the form that libxml2 kept
open for it. And HTML's parser keeps a "form element pointer": set at a form's start tag,
cleared only at a ``</form>``, and while it is set every ``<form>`` tag is ignored
(outside templates), wherever the first form was closed: a form whose ``</form>`` is left
out, closed at its parent's end tag, takes the next form tag of the page with it. Those
start tags are not given to libxml2, which would make each a form (or nest it in the open
form, and report nothing), and the page's source map is told that they make no element
(:meth:`a11y_audit.source_map.SourceMap.leave_out`). A ``</form>`` while the pointer is
not set is ignored too. And the end tag of an element that is neither a block nor a
formatting element (a ``span``, a custom element: "any other end tag" for HTML's parser)
is not given to libxml2 where a special element is open inside its element (a paragraph
or a form left open in a custom element, ``<my-card><p>Text</my-card><p>next``: HTML's
parser ignores the end tag, and what follows is in the card; libxml2 closed both), on
pages that write fewer end tags than start tags of paragraphs, forms or headings
(:func:`special_left_open`; every end tag of the page is then read). These are looked for
where the page writes fewer end tags of lists, buttons, labels or forms than start tags
(:func:`end_tags_left_out`; libxml2 reports nothing), where libxml2 found the end tag of
a special element with nothing open to close (:func:`closed_early`: an item's end tag
written before the nested list's, a span's before a list's; every end tag is then read),
where libxml2 reported a
``</form>`` it did not match, where it found an end tag with nothing open to close on a
page with a form (:func:`left_open_in_form`), or put a form in a form
(:func:`form_in_form`). Every tag after is then read against the
elements a browser has open. The page is parsed from those bytes. The added end tags hold
no line break (a tag not given keeps its line breaks): every element's line stays, and
findings are located in the source as written (the added tags are in no snippet).

Left as libxml2 reads them: an end tag ignored for a table part open inside its element; a
heading's end tag with a heading of another level open inside; a list item's start tag past
a formatting element open in the item before (the formatting list's replay reads that one,
:mod:`a11y_audit.formatting_list`); what follows an element a browser closed at a start tag
and libxml2 did not (a button in a button); a form's start tag in a table, which HTML's
parser makes an empty form (libxml2 puts the rows in it); a form after a ``</form>`` that
HTML's parser ignored out of scope (in a cell), which it nests in the form still open
(libxml2 closes that form at the start tag); a list item left open in a custom element on a
page that writes all its paragraphs' end tags (a browser-saved page's count of "<li" is not
its list items'); and a page where libxml2 reported none of these
end tags (``<li><span>a<li>b``, with neither ``</span>`` nor ``</li>``: a look at every list
item of every page for it cost more than the rest of this repair).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping

from lxml import etree

from a11y_audit.dom import VOID_ELEMENTS
from a11y_audit.knowledge.html_parser import (
    CLOSED_THROUGH,
    CLOSES_P_IN_EVERY_MODE,
    FORMATTING,
    IMPLIED_END_TAGS,
    ITEM_END_PASSES,
    ITEMS_ENDED,
    LIBXML2_END_PRIORITY,
    SCOPE_BOUNDARIES,
    SPECIAL,
)
from a11y_audit.misnested import HEADINGS
from a11y_audit.parser_log import ParserLog
from a11y_audit.self_closing import TAG_LIMIT, headings_left_open, tag_end, tags_outside_text

# An end tag of a block or a form, or a start tag of a list item, a definition's part or a
# form
_CANDIDATE = re.compile(
    rf"<(/(?:{'|'.join(sorted(CLOSED_THROUGH | {'form'}))})|li|dd|dt|form)(?=[\t\n\f\r />])"
    .encode(), re.I)
# Every end tag, and the start tags above (where a span or a custom element may be left with
# a paragraph, a form or a heading open inside it)
_CANDIDATE_ALL = re.compile(rb"<(/[A-Za-z][^\t\n\f\r />]*|li|dd|dt|form)(?=[\t\n\f\r />])",
                            re.I)
_FORM_IN_FORM = etree.XPath("boolean(//form//form)")
_HEADINGS = frozenset(HEADINGS)
_FOREIGN = frozenset(("svg", "math"))
# libxml2 is reading raw text: an end tag found there is not one
_RAW_TEXT = frozenset(("script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "plaintext"))
_CLOSE_DIV = b"</div>"
# End tags with rules of their own (or no element of the page's: foreign content's); the
# others are "any other end tag" for HTML's parser: it closes their element only where no
# special element is open inside it, and ignores them otherwise
_NOT_OTHER = SPECIAL | FORMATTING | _FOREIGN
# The start and end tags of lists, buttons, labels and forms, as count_written_tags counts
# them
_COUNTED_PAIRS = tuple((name, b"/" + name + b">")
                       for name in (b"ul", b"ol", b"button", b"label", b"form"))
# Those of paragraphs and forms (special_left_open). Not a list item's: the count of "<li"
# in a page a browser saved often passes that of "</li>", by the tags written in attribute
# values, and the pass would read every end tag of those pages.
_SPECIAL_PAIRS = tuple((name, b"/" + name + b">") for name in (b"p", b"form"))
# Elements whose start tag makes HTML's parser close one of their name open (a button in
# scope; a link, through the adoption agency)
_CLOSED_BY_ITSELF = frozenset(("a", "button", "nobr"))
_NONE = 1 << 62
# The kinds of open element a decision reads, by their keys among the names' (no tag name
# starts with a space): where "pop until" stops for HTML's parser (not in scope: a table, a
# cell, a template...; "in select" insertion mode; foreign content; and, for a list item's
# end tag, a list: "list item scope"); where a list item's start tag stops looking; the
# formatting elements, the headings, and the table parts (whose libxml2 priority is above a
# div's)
_SCOPE, _LIST_ITEM_SCOPE, _STOPS = " scope", " list item scope", " stops"
_LISTS = " lists"
_FORMATTING, _HEADING, _TABLE_PARTS = " formatting", " heading", " table parts"
_SPECIAL = " special"
_KIND_MEMBERS = {
    _SPECIAL: SPECIAL,
    _SCOPE: SCOPE_BOUNDARIES | _FOREIGN | {"select"},
    _LIST_ITEM_SCOPE: SCOPE_BOUNDARIES | _FOREIGN | {"select", "ol", "ul"},
    _STOPS: (SPECIAL - ITEM_END_PASSES) | _FOREIGN,
    _LISTS: frozenset(("ol", "ul")),
    _FORMATTING: FORMATTING,
    _HEADING: _HEADINGS,
    _TABLE_PARTS: frozenset(name for name, priority in LIBXML2_END_PRIORITY.items()
                            if priority > LIBXML2_END_PRIORITY["div"]),
}
# (not a void element's, which HTML's parser never has open: libxml2 closes a ``wbr``, a
# ``source``, a ``track`` or an ``embed`` only at the next end tag, and one open there is
# no special element open inside the element of that end tag)
_KINDS = {name: tuple(kind for kind, members in _KIND_MEMBERS.items() if name in members)
          for name in frozenset().union(*_KIND_MEMBERS.values()) - VOID_ELEMENTS}


def reported(log: ParserLog) -> bool:
    """Whether libxml2 may have ignored an end tag of :data:`CLOSED_THROUGH` for an element
    open inside its element, or a ``</form>`` closed or ignored with one open: it reported
    one as not matching, or its log is full."""
    return log.full or any(name in CLOSED_THROUGH or name == "form"
                           for name, _ in log.mismatched)


def end_tags_left_out(written: Mapping[bytes, int]) -> bool:
    """Whether the page writes fewer end tags of lists, buttons or labels than start tags
    (outside scripts and comments, :func:`a11y_audit.self_closing.count_written_tags`),
    where libxml2 reports nothing: a nested list left open in its item, whose ``</li>``
    HTML's parser ignores; a button or label left open at ``</form>``, which HTML's parser
    leaves open (it takes only the form out of its open elements)."""
    return any(written.get(start, 0) > written.get(end, 0) for start, end in _COUNTED_PAIRS)


def closed_early(log: ParserLog) -> bool:
    """Whether libxml2 found the end tag of a special element (a list, a div, a section...)
    with nothing open to close: it closed that element before its end tag, at an end tag
    written inside it that HTML's parser ignores there. An item's end tag written while a
    nested list is open in the item (``<li>News<ul><li>World</li></li></ul><li>Sport</li>
    </ul>``: list item scope stops at the nested list), or a span's or a custom element's
    end tag written before the end tag of a special element open inside it (``<span><ul>
    <li>a</li></span></ul>``: "any other end tag" stops at a special element). libxml2
    closed the nested list, or the list, there, and what follows was outside it; HTML's
    parser keeps it open. The counts of the tags match (every end tag is written), so
    :func:`end_tags_left_out` misses it; every end tag of the page is then read."""
    return any(name in SPECIAL for name in log.unexpected)


def left_open_in_form(log: ParserLog, written: Mapping[bytes, int]) -> bool:
    """Whether the page writes a form and libxml2 found an end tag with nothing open to
    close: libxml2 may have closed an element at a ``</form>`` that HTML's parser leaves
    open (``<form><button>Go</form>...</button>``), without a report there."""
    return bool(log.unexpected) and written.get(b"form", 0) > 0


def special_left_open(written: Mapping[bytes, int]) -> bool:
    """Whether the page writes fewer end tags than start tags of paragraphs, forms or
    headings: one may be left open in an element whose end tag HTML's parser then
    ignores (``<my-card><p>Text</my-card>``), where libxml2 closes both without a report."""
    return (any(written.get(start, 0) > written.get(end, 0)
                for start, end in _SPECIAL_PAIRS) or headings_left_open(written))


def form_in_form(root: etree._Element, written: Mapping[bytes, int]) -> bool:
    """Whether libxml2 put a form in a form (``<form><div><form>``, where HTML's parser
    ignores the inner start tag; libxml2 reports nothing): looked at where the page writes
    two forms or more."""
    return written.get(b"form", 0) > 1 and bool(_FORM_IN_FORM(root))


def close_divs_left_open(markup: bytes, other_end_tags: bool = False, forms: bool = False
                         ) -> tuple[bytes, list[int]] | None:
    """``markup`` (UTF-8 bytes) with the end tags that make libxml2 close what HTML's
    parser closes at an end tag or a list item's start tag through a div left open (a
    ``</div>`` for each such div before ``</header>``; ``</div></li>`` before ``<li>``),
    and without the ``</li>`` that HTML's parser ignores for a nested list left open, nor
    the start tags of forms it ignores (a form is open: its ``</form>`` left out); with the
    offsets of those start tags, which make no element. None where there is none.

    ``other_end_tags``: also without the end tags of the elements that are neither blocks
    nor formatting elements (a ``span``, a custom element) that HTML's parser ignores for a
    paragraph, a list item or another special element open inside them (``<my-card><p>Text
    </my-card>``), where libxml2 would close them. ``forms``: the page writes a form (one
    may be left in libxml2's open elements after HTML's parser took it out of its own: the
    end tag that closes what was open in it is looked for among every end tag).

    Each decision reads libxml2's open elements by their places (no walk of them): a page
    of thousands of nested elements and thousands of such tags costs what its parse does."""
    candidates = _candidates(markup, other_end_tags or forms)
    if not candidates:
        return None
    stack = _OpenElements()
    # (a target without data and comment methods: lxml calls none for text and comments)
    parser = etree.HTMLParser(target=stack,  # type: ignore[arg-type]
                              encoding="utf-8", huge_tree=True, collect_ids=False)
    pieces: list[bytes] = []
    fed = kept = 0      # the bytes given to the parser, and those copied
    # HTML's form element pointer is set: a form was opened, and no </form> read since
    form_pointer = False
    # the end of the last end tag read, where libxml2 may have closed the last element open
    # in a form that HTML's parser took out of its open elements (stack.left_in)
    last_end = 0
    ignored: list[int] = []     # the start tags left out
    try:
        for start, name in candidates:
            if stack.left_in and fed < last_end <= start:
                parser.feed(markup[fed:last_end])
                fed = last_end
                closing = stack.forms_left_in()
                if closing:
                    parser.feed(closing)
                    pieces.extend((markup[kept:fed], closing))
                    kept = fed
            if name[0] == "/":
                last_end = tag_end(markup, start, start + TAG_LIMIT)
            parser.feed(markup[fed:start])
            fed = start
            instead = None
            if name == "form" or name == "/form":
                opened = name == "form"
                if stack.in_template_or_text():
                    continue    # a form of a template (no pointer), or text for both
                if opened:
                    if form_pointer:
                        instead = b""   # HTML's parser ignores the start tag
                    form_pointer = True
                else:
                    if form_pointer:
                        instead = stack.past_form()
                    elif stack.any_form():
                        instead = b""   # HTML's parser ignores it, libxml2 would close
                    form_pointer = False
            elif ((name == "/li" and stack.ignored_out_of_scope("li"))
                  or (other_end_tags and name[0] == "/" and name[1:] not in _NOT_OTHER
                      and stack.ignored_past_special(name[1:]))):
                instead = b""
            if instead is not None:
                # HTML's parser ignores it (for a form's end tag: takes only the form out of
                # its open elements, and closes those whose end tags it implies), libxml2
                # would read it: libxml2 is given what HTML's parser closes instead, and the
                # tag's line breaks (every line stays)
                end = tag_end(markup, start, start + TAG_LIMIT)
                if end > start:
                    instead += b"\n" * markup.count(b"\n", start, end)
                    parser.feed(instead)
                    pieces.extend((markup[kept:start], instead))
                    kept = fed = end
                    if name == "form":
                        ignored.append(start)
                continue
            if name == "/form" or name == "form":
                continue
            if name[0] == "/":
                if name[1:] not in CLOSED_THROUGH:
                    continue
                closing = _CLOSE_DIV * stack.divs_to_close(name[1:])
            else:
                closing = stack.ended_by(name)
            if closing:
                parser.feed(closing)
                pieces.extend((markup[kept:start], closing))
                kept = start
    except etree.LxmlError:
        pass    # (the push parser stopped: nothing is decided after where it stopped)
    else:
        if stack.left_in and fed < last_end:    # (the last end tag)
            parser.feed(markup[fed:last_end])
            fed = last_end
            closing = stack.forms_left_in()
            if closing:
                pieces.extend((markup[kept:fed], closing))
                kept = fed
    if not pieces:
        return None
    pieces.append(markup[kept:])
    return b"".join(pieces), ignored


def _candidates(markup: bytes, every_end_tag: bool = False) -> list[tuple[int, str]]:
    """The end tags of :data:`CLOSED_THROUGH` and forms (``every_end_tag``: every end tag)
    and the start tags of list items, of a definition's parts and of forms in ``markup``,
    with their names (an end tag's after its "/"): outside comments, scripts, styles,
    titles and text areas, and not in another tag (an attribute value)."""
    pattern = _CANDIDATE_ALL if every_end_tag else _CANDIDATE
    return [(m.start(), m.group(1).decode("ascii", "replace").lower())
            for m in tags_outside_text(markup, pattern.finditer(markup))]


class _OpenElements:
    """libxml2's stack of open elements, as its push parser reports them (a parser target:
    lxml calls :meth:`start` and :meth:`end` as libxml2 opens and closes each element),
    with the places in it of each name and of each kind of element that a decision reads.

    Where a start tag made HTML's parser close an element that libxml2 keeps open (a button
    in a button, a link in a link, a list item in a list item past a formatting element),
    the elements open from that one up are not a browser's: no end tag is decided for an
    element among them (:attr:`stale_from`, until libxml2 closes that element)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        # each name's and each kind's places in the stack, innermost last
        self.places: dict[str, list[int]] = {}
        self.stale_from = _NONE     # the lowest element a browser closed and libxml2 did not
        # The places of the forms that HTML's parser took out of its open elements at their
        # </form>, where libxml2 keeps them open for the elements open inside (innermost
        # last): no name or kind reads them
        self.left_in: list[int] = []
        # The places of the paragraphs that HTML's parser closed at a block's start tag and
        # libxml2 keeps open: not special elements open for :meth:`ignored_past_special`
        self.closed_paragraphs: set[int] = set()

    def start(self, tag: str, attrib: object, nsmap: object = None) -> None:
        if tag in ITEMS_ENDED:
            item = self._ended_item(tag)
        elif tag in _CLOSED_BY_ITSELF:
            item = self._innermost(tag)
        else:
            item = -1
        if tag in CLOSES_P_IN_EVERY_MODE:
            # (a paragraph in button scope: HTML's parser closes it; libxml2 does at the
            # blocks HTML 4 knows, not at a section, a header, a figure...)
            paragraph = self._innermost("p")
            if paragraph > self._innermost(_SCOPE) and paragraph > self._innermost("button"):
                self.closed_paragraphs.add(paragraph)
        if 0 <= item < self.stale_from:
            self.stale_from = item
        depth = len(self.names)
        self.names.append(tag)
        places = self.places
        for key in (tag, *_KINDS.get(tag, ())):
            listed = places.get(key)
            if listed is None:
                places[key] = [depth]
            else:
                listed.append(depth)

    def end(self, tag: str) -> None:
        names = self.names
        if names:
            tag = names.pop()
            left_in = self.left_in
            if left_in and left_in[-1] == len(names):
                left_in.pop()
            else:
                places = self.places
                for key in (tag, *_KINDS.get(tag, ())):
                    places[key].pop()
            if len(names) <= self.stale_from:
                self.stale_from = _NONE
            if self.closed_paragraphs:
                self.closed_paragraphs.discard(len(names))

    def close(self) -> None:
        return None

    def _innermost(self, key: str) -> int:
        """The place of the innermost open element of a name or kind; -1: none."""
        listed = self.places.get(key)
        return listed[-1] if listed else -1

    def _above(self, key: str, place: int) -> int:
        """How many open elements of a name or kind are inside the one at ``place``."""
        listed = self.places.get(key)
        return len(listed) - bisect_right(listed, place) if listed else 0

    def _ended_item(self, name: str) -> int:
        """The place of the list item or definition part that HTML's parser ends at a start
        tag ``name`` (``li``, ``dd``, ``dt``): it looks past what is open inside it but for
        special elements other than a ``div``, ``p`` or ``address``; -1: none."""
        item = max(self._innermost(ended) for ended in ITEMS_ENDED[name])
        return item if item >= self._innermost(_STOPS) else -1  # (an item is special)

    def ended_by(self, name: str) -> bytes:
        """The end tags that make libxml2 close, at a start tag ``name`` (``li``, ``dd``,
        ``dt``), the list item or definition part that HTML's parser closes there with
        what is open inside it, where libxml2 would leave it open (a ``div``, a ``span``
        open inside it)."""
        names = self.names
        item = self._ended_item(name)
        if item < 0 or item >= self.stale_from or names[-1] in _RAW_TEXT:
            return b""
        inside = len(names) - 1 - item
        if inside == self._above("p", item):
            return b""  # nothing open inside, or paragraphs: libxml2 closes them itself
        if self._innermost(_FORMATTING) > item:
            # a formatting element a browser opens again in the next item: left to the
            # formatting list's replay, which reads it open (formatting_list)
            return b""
        return _CLOSE_DIV * self._above("div", item) + f"</{names[item]}>".encode()

    def in_template_or_text(self) -> bool:
        """Whether a template is open (its forms set no form element pointer), or libxml2
        reads raw text (a tag there is text for HTML's parser too)."""
        names = self.names
        return self._innermost("template") >= 0 or (bool(names) and names[-1] in _RAW_TEXT)

    def any_form(self) -> bool:
        """Whether libxml2 has a form open (one HTML's parser took out of its open elements
        too)."""
        return self._innermost("form") >= 0 or bool(self.left_in)

    def forms_left_in(self) -> bytes:
        """The end tags that close the forms :attr:`left_in` where libxml2 has closed what
        was open inside them (the element HTML's parser left open)."""
        closing = b""
        depth = len(self.names)
        for place in reversed(self.left_in):
            if place != depth - 1:
                break
            closing += b"</form>"
            depth -= 1
        return closing

    def past_form(self) -> bytes | None:
        """What HTML's parser closes at ``</form>`` where it leaves elements open that were
        opened in the form (the end tags of those it implies, a ``li`` or ``p`` on top), or
        None where it closes what libxml2 closes. It takes the form out of its open elements
        and pops only the elements whose end tags it implies, so that what follows is still
        in a button, a label or a div left open in the form (HTML, "in body", an end tag
        whose tag name is "form"); libxml2 closes them with the form, or ignores the end
        tag. Nothing (``b""``) where the form is not in scope (a table, a cell, a select
        open in it): HTML's parser ignores the end tag."""
        names = self.names
        form = self._innermost("form")
        if form < 0 or form >= self.stale_from or names[-1] in _RAW_TEXT:
            return None
        if self._innermost(_SCOPE) > form:
            return b""
        implied = len(names)
        while implied - 1 > form and names[implied - 1] in IMPLIED_END_TAGS:
            implied -= 1
        if implied - 1 == form:
            return None
        # the form is out of the open elements a decision reads
        for key in ("form", *_KINDS.get("form", ())):
            self.places[key].remove(form)
        self.left_in.append(form)
        return b"".join(f"</{name}>".encode() for name in reversed(names[implied:]))

    def ignored_past_special(self, name: str) -> bool:
        """Whether HTML's parser ignores an end tag ``name`` (neither a block's nor a
        formatting element's: "any other end tag") that libxml2 would read: a special
        element (a paragraph, a list item, a heading...) is open inside its innermost
        element; outside foreign content."""
        element = self._innermost(name)
        if (element < 0 or self.stale_from < len(self.names) or self.names[-1] in _RAW_TEXT
                or self._above_foreign()):
            return False
        closed = self.closed_paragraphs
        for place in reversed(self.places.get(_SPECIAL, ())):
            if place <= element:
                break
            if place not in closed:
                return True
        return False

    def _above_foreign(self) -> bool:
        return bool(self.places.get("svg") or self.places.get("math"))

    def ignored_out_of_scope(self, name: str) -> bool:
        """Whether HTML's parser ignores an end tag ``name`` that libxml2 would not: a list
        is open inside the innermost item (``</li>`` with a nested list left open in the
        item: "list item scope" stops at the list; libxml2 closes the list and the item)."""
        element = self._innermost(name)
        if element < 0 or element >= self.stale_from or self.names[-1] in _RAW_TEXT:
            return False
        return (self._innermost(_LISTS) > element and not self._above("div", element)
                and self._innermost(_TABLE_PARTS) < element
                and self._innermost(_SCOPE) < element)

    def divs_to_close(self, name: str) -> int:
        """How many ``</div>`` make libxml2 close the innermost open element ``name`` at
        its end tag, as HTML's parser does (0: libxml2 closes it already, or HTML's parser
        ignores the end tag too, or reads it otherwise)."""
        element = self._innermost(name)
        if element < 0 or element >= self.stale_from or self.names[-1] in _RAW_TEXT:
            return 0
        divs = self._above("div", element)
        if (not divs or self._innermost(_TABLE_PARTS) > element
                or self._innermost(_LIST_ITEM_SCOPE if name == "li" else _SCOPE) > element
                or (name in _HEADINGS and self._innermost(_HEADING) > element)):
            # libxml2 closes it; a table part open inside (left as libxml2 reads it); not
            # in scope for HTML's parser; a heading's end tag with another heading open
            # inside, which HTML's parser closes instead
            return 0
        return divs
