"""An end tag of a link (or another formatting element) written while a block inside it is
still open, as HTML's parser reads it.

Templates write ``<a href="/story"><div class="card"><h3>Title</h3></a></div>``: the link is
closed before the card. HTML's parser runs its "adoption agency" (HTML, 13.2.6.4.7, "in body",
an end tag of a formatting element): the link as written keeps what came before the card, the
card moves out after it, and a copy of the link wraps the card's content up to ``</a>``; what
follows ``</a>`` in the card, and everything after the card, is in no link. With several
blocks open (``<a><ul><li><h3>Title</a></h3></li></ul>``), each gets a copy, the outermost
first (the algorithm's outer loop). libxml2's parser either ignores such an end tag (a
``div`` is open inside: the link stays open and holds the rest of its parent, the next
teasers and their links) or closes the link there with the blocks open in it (an ``h3``,
a ``li``), so that link names, nesting and the page's CSS all read another tree than a
browser's.

Here the tree is rebuilt as the browser's from where the tags are written (the source map),
on pages whose parser reported an end tag it ignored or did not expect (or whose error log
is full); where libxml2 closed the element early, what it put after it up to the blocks'
end tags goes back into them (``<a><h3>Title</a> more</h3>``: " more" is in the heading).
Formatting elements between the element and the outermost block (``<a><b><div>``) are
copied around that block, as the browser copies them. Not rebuilt, and left as libxml2
reads it: formatting elements between two blocks, or between the element and the block
where libxml2 closed the element early; more than three of them; an element open at the
end tag whose own end tag is left out (a ``li`` without one: where it ends cannot be read
from end tags), but a paragraph or a heading (below) and an element such as a ``span``
inside a block, which both parsers close there; a comment next to the end tag (one among
what goes back goes back too, where its text reads as the source's); a table, cell, object
or select in between (the browser ignores the end tag there). The copies are made-up
elements (no start tag of their own).

A paragraph or a heading left open in the link (``<a href><p>Title</a> more</div>``): HTML's
parser ends the link before it, as before any block, and the block stays open past
``</a>``, holding what follows up to where it ends (a block's start tag for a paragraph, the
next heading's for a heading, else the end tag of the element it is in); libxml2 closed it
with the link, and reported nothing. The link as written is empty in a browser: a nameless
link in its tab order. Left as libxml2 reads it where that end is past an end tag HTML's
parser ignores there (a ``span``'s, a custom element's), where a block's start tag is
inside an element that follows, at a table (it ends a paragraph in no-quirks mode only),
and where two blocks are left open.

The same reading of where tags are written gives back what follows an element libxml2 closed
at a start tag a browser does not close it at (:func:`reopen_closed_early`: ``<h1><p>Title
</p></h1>``), and closes a heading at a heading end tag of another level
(:func:`close_headings`). Each end tag is paired with its start tag once for the page
(:meth:`SourceMap.end_tags`), not searched for from each start tag.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from html import unescape
from typing import TypeAlias

from lxml import etree

from a11y_audit.dom import (
    detach_following,
    joined_text,
    start_tag_copy,
    take,
    text_at_end,
    xml_text,
)
from a11y_audit.knowledge.html_parser import (
    CLOSED_THROUGH,
    CLOSES_P,
    CLOSES_P_IN_EVERY_MODE,
    FORMATTING,
    LIBXML2_CLOSED_BY,
    LIBXML2_END_PRIORITY,
    SCOPE_BOUNDARIES,
    SPECIAL,
)
from a11y_audit.limits import CLOSED_EARLY_STEPS, LIBXML2_MAX_DEPTH
from a11y_audit.source_map import SourceMap

Element: TypeAlias = etree._Element

# Elements whose end tag may be left out (HTML, 13.1.2.4): one is taken to end at an end tag
# only where the elements of its name it holds are as many as their start tags before it
_OPTIONAL_END = frozenset(("p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
                           "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt",
                           "rtc", "rp", "body", "html", "head"))
# What a start tag ends when its element is the parent: content that libxml2 kept in the
# link (open past its end tag) is the parent's, where a browser reads these start tags
_ENDED_BY = {"li": ("li",), "dd": ("dd", "dt"), "dt": ("dd", "dt")}
# Elements inside which a browser ignores the end tag altogether: a table, a cell, an object
# (the element is not "in scope" above them), a select ("in select" insertion mode)
_IGNORING = SCOPE_BOUNDARIES | {"select"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PRIORITY = 100     # libxml2's end-tag priority of an element not in LIBXML2_END_PRIORITY


def adopt(root: Element, text: str, source_map: SourceMap,
          mismatched: AbstractSet[tuple[str, str]],
          others: bool, ended: dict[Element, tuple[str, Element]],
          written_apart: Mapping[Element, tuple[int, int]] | None = None) -> list[Element]:
    """Rebuild, as HTML's parser builds them, the formatting elements of ``root`` (libxml2's
    tree of ``text``, before any other repair) whose end tag was written while a block inside
    them was open; returns the copies made (none: the tree is as it was). ``mismatched`` and
    ``others``: what libxml2 reported (:class:`a11y_audit.parser_log.ParserLog`: the end
    tags it ignored, and whether it reported another end tag unexpected or its log is
    full, or the page writes fewer end tags of paragraphs, headings or forms than start
    tags); ``ended``: each element rebuilt is added, with why: ("end tag", the outermost
    block its end tag was written in) or ("left open", the block whose end tag is left out,
    in which its end tag is read: ``<a href><p>Title</a>``); ``written_apart``: elements
    written by another tag than their start tag (``</br>``'s line breaks), with where.

    libxml2 either ignored such an end tag (a ``div`` open inside: it reports a mismatch,
    and the element holds what follows) or closed the element there, with the elements open
    inside (an ``h3``, a ``li``: it reports their own end tags as unexpected); then what it
    put after the element, up to the blocks' end tags, goes back into the blocks
    (:func:`_plan_back`)."""
    made: list[Element] = []
    positions = _Positions(root, source_map, text, written_apart or {})
    mismatched = {pair for pair in mismatched if pair[0] in FORMATTING}
    names = FORMATTING if others else {name for name, _ in mismatched}
    for name in sorted(names):
        for element in list(root.iter(name)):
            why = _adopt(element, positions, mismatched, made)
            if why is not None:
                ended[element] = why
    return made


class _Positions:
    """Where elements start and end in the source, as written."""

    def __init__(self, root: Element, source_map: SourceMap, text: str,
                 written_apart: Mapping[Element, tuple[int, int]],
                 parsed_tags: Callable[[str], list[Element]] | None = None) -> None:
        self.root, self.source_map, self.text = root, source_map, text
        # the elements of a tag as parsed, in source order, where they are not those of
        # ``root`` (a page's, with content set apart): the source map ranks their start tags
        self.parsed_tags = parsed_tags
        self.written_apart = written_apart      # not among the start tags of their name
        self.made: set[Element] = set()     # the copies made so far: no start tag either
        self._same: dict[str, list[Element]] = {}
        self._starts: dict[Element, tuple[int, int] | None] = {}
        self.steps = 0      # siblings looked at by _plan_back (a bound on hostile pages)

    def start(self, el: Element) -> tuple[int, int] | None:
        """(start of the start tag, its end), if the source map finds it."""
        if el in self._starts:
            return self._starts[el]
        if el in self.written_apart:
            return self.written_apart[el]
        if el in self.made:
            return None
        name = el.tag
        same = self._same.get(name)     # (the tree as parsed: document order is source order)
        if same is None and self.parsed_tags is not None:
            same = self._same[name] = self.parsed_tags(name)
        if same is None:
            try:
                found_all = list(self.root.iter(name))
            except ValueError:  # a name lxml refuses to look for ("s\x02pan")
                found_all = []
            same = self._same[name] = [other for other in found_all
                                       if other not in self.written_apart
                                       and other not in self.made]
            if not same:
                self._starts[el] = None
                return None
        found = self.source_map._find(el, same, name)
        where = None if found is None else (found[0], found[1])
        self._starts[el] = where
        return where

    def end_tag(self, el: Element, alone: bool = False,
                before: int | None = None) -> tuple[int, int] | None:
        """(start, end) of the end tag that closes ``el`` as written (nesting pairs start
        and end tags of its name, :meth:`SourceMap.end_tags`; a heading's, of any level);
        None if there is none, or, with ``alone``, if one of its name is written inside it
        (a link in a link: the page model splits those, :meth:`Page.split_links`).

        An element whose end tag may be left out (``li``) is taken to end there only if the
        elements of its name written inside it are inside it in libxml2's tree too (one
        whose end tag is left out would have a sibling instead); with ``before``, only those
        written before that offset are compared (libxml2 closed the element there)."""
        where = self.start(el)
        if (where is None or el.tag in _VOIDISH
                or self.text[where[1] - 2:where[1]] == "/>"):
            return None     # (a void element has no end tag; a later one is another's)
        name = el.tag
        end = self.source_map.end_tags(HEADINGS if name in HEADINGS else (name,)).get(where[0])
        if end is None:
            return None
        if alone or name in _OPTIONAL_END:
            starts = self.source_map.starts(name)
            first = bisect_right(starts, where[0])
            if alone and first < len(starts) and starts[first] < end:
                return None
            limit = end if before is None else min(end, before)
            if (name in _OPTIONAL_END
                    and bisect_left(starts, limit, first) - first != self._inside(el, limit)):
                return None
        close = self.text.find(">", end + 2)
        return end, (close + 1 if close >= 0 else len(self.text))

    def _inside(self, el: Element, limit: int) -> int:
        """The elements of ``el``'s name inside it in the tree whose start tag is before
        ``limit``."""
        count = 0
        for inner in el.iterdescendants(el.tag):
            where = self.start(inner)
            if where is None:
                return -1
            count += where[0] < limit
        return count


def _adopt(element: Element, positions: _Positions, mismatched: AbstractSet[tuple[str, str]],
           made: list[Element]) -> tuple[str, Element] | None:
    """Rebuild ``element`` if its end tag is written inside a block; why, if so (see
    :func:`adopt`)."""
    if not any(el.tag in SPECIAL for el in element.iterdescendants(etree.Element)):
        return None
    end = positions.end_tag(element, alone=True)
    if end is None or element.getparent() is None:
        return None
    x = end[0]
    chain = _open_at(element, x, positions)
    if not chain or any(el.tag in _IGNORING for el in chain):
        return None
    # The blocks open at the end tag ("special" elements): the adoption agency runs once for
    # each, outermost first (its outer loop), each time on the copy the last run made
    blocks = [el for el in chain if el.tag in SPECIAL]
    if not blocks:
        return None
    # Formatting elements between the element and the outermost block are copied around it
    # (the algorithm's inner loop), the one nearest the block innermost; those between
    # blocks are not rebuilt
    above = [el for el in chain[:chain.index(blocks[0])] if el.tag in FORMATTING]
    between = chain[chain.index(blocks[0]):chain.index(blocks[-1])]
    if len(above) > 3 or any(el.tag in FORMATTING for el in between):
        return None
    if any(el.tag in HEADINGS and next(el.iterdescendants(*HEADINGS), None) is not None
           for el in blocks):
        return None     # (a heading in a heading: HTML's parser may have closed the outer)
    # libxml2 ignored the end tag (and reported it) where an element open inside has a
    # higher end-tag priority than its own (a div's: LIBXML2_END_PRIORITY); a mismatch it
    # reports otherwise is of an element it closed on the way (a ``b`` in a paragraph)
    priority = LIBXML2_END_PRIORITY.get(element.tag, _PRIORITY)
    mismatch = ((element.tag, chain[-1].tag) in mismatched
                and any(LIBXML2_END_PRIORITY.get(el.tag, _PRIORITY) > priority for el in chain))
    if above and not mismatch:
        return None     # closed early by libxml2 with them: where they end is not rebuilt
    back: _Back | None = None
    left_open = False
    if not mismatch:
        # libxml2 closed the element and the blocks at the end tag: what it put after the
        # element up to the blocks' end tags goes back into them
        ends = [positions.end_tag(block, before=end[1]) for block in blocks]
        inside = chain[chain.index(blocks[-1]) + 1:]
        left_open = (ends[-1] is None and not any(el.tag in FORMATTING for el in inside)
                     and _left_open(blocks[-1], positions))
        if left_open and any(heading is not blocks[-1] and positions.end_tag(heading) is None
                             for heading in element.iterdescendants(*HEADINGS)):
            return None     # (another heading left open: libxml2 closed it at a start tag)
        if left_open:
            # (``<a href><p>Title</a> more</div>``: the paragraph holds what follows up to
            # where HTML's parser closes it; what is open inside it is closed at the end
            # tag, the copy of the element with it)
            ends[-1] = _left_open_ends(blocks[-1], element, positions)
        back = _plan_back(element, blocks, end[1], positions, ends,
                          last_closed_by_end=left_open)
        if back is None:
            return None
    after = _split_at(chain[chain.index(blocks[-1]):], x, positions)
    if after is None:
        return None
    # The browser's tree: each block holds a copy of the element with its content up to the
    # end tag, then the next block (moved up out of what is between them) and what followed
    # that block in it; the innermost, what followed the end tag. The element keeps what
    # came before the outermost block, which moves out after it, followed by what followed
    # the block inside the element.
    for at in range(len(blocks) - 1, -1, -1):
        block = blocks[at]
        inner = blocks[at + 1] if at + 1 < len(blocks) else None
        following = after
        if inner is not None:
            following = _detach_following_up_to(inner, block)
            inner.getparent().remove(inner)  # type: ignore[union-attr]  # (in block)
            following.insert(0, inner)
        copy = start_tag_copy(element)
        made.append(copy)
        positions.made.add(copy)
        copy.text, block.text = xml_text(block.text), None   # (lxml refuses some it read)
        for child in list(block):
            copy.append(child)
        block.append(copy)
        for item in following:
            _append(block, item)
    outer, following = _lift(blocks[0], element, made, positions)
    element_tail = element.tail
    element.tail = None
    element.addnext(outer)
    last: Element = outer
    parent = element.getparent()
    assert parent is not None
    ends_parent = _ENDED_BY.get(parent.tag, ())
    parent_tail: str | None = None
    for item in following:
        if isinstance(item, str):
            last.tail = joined_text(last.tail, item)
            continue
        if item.tag in ends_parent and parent.getparent() is not None:
            # (``<li><a><div>..</a></div>tail<li>``: that li's start tag ends the parent li;
            # it and what follows come after the parent, before the parent's own tail)
            parent_tail, parent.tail = parent.tail, None
            last, ends_parent = parent, ()
        last.addnext(item)
        last = item
    if parent_tail:
        last.tail = joined_text(last.tail, parent_tail)
    if back is not None:
        moves, rest = back
        _move_back(moves, blocks)
        element_tail = rest
    if element_tail:
        last.tail = joined_text(last.tail, element_tail)
    return ("left open", blocks[-1]) if left_open else ("end tag", blocks[0])


# Where content libxml2 put after the element goes: (index of the block, text or element)
# in order, and the text left after the element
_Back = tuple[list[tuple[int, "Element | str"]], str | None]


def _plan_back(element: Element, blocks: list[Element], x_end: int,
               positions: _Positions,
               ends: Sequence[tuple[int, int] | None] | None = None,
               last_closed_by_end: bool = False) -> _Back | None:
    """What follows ``element`` (closed by libxml2 where its content ends, at ``x_end``)
    up to the end tags of ``blocks`` (outermost first; ``ends``: where each ends, if not at
    its own end tag), as a browser places it: before the innermost block's end tag into
    that block, then into the next one out, and so on; the text after the outermost one's
    end tag stays. None where the text does not read as the source's, or an element spans
    an end tag. Nothing is changed. ``last_closed_by_end``: the end is the end tag of the
    elements' parent (or the end of the text), which closes the last of them where its own
    end tag is left out."""
    if ends is None:
        ends = [positions.end_tag(block, before=x_end) for block in blocks]
    if any(where is None for where in ends):
        return None
    bounds = [where for where in reversed(ends) if where is not None]   # innermost first
    text = positions.text
    moves: list[tuple[int, Element | str]] = []
    level = 0                       # bounds crossed so far
    owner, at = element, x_end      # the text after owner starts at this offset
    following = element.itersiblings()
    while True:
        positions.steps += 1
        after = next(following, None)
        if after is None:
            where = None
        elif isinstance(after.tag, str):
            where = positions.start(after)
        else:
            where = _comment_at(after, text, at)    # (an instruction: no offset)
        if after is not None and where is None:
            return None
        stop = where[0] if where is not None else len(text) + 1    # (past a bound at the end)
        rest = owner.tail or ""
        # (a bound at an element's start, where a start tag ends the block: crossed there)
        while level < len(bounds) and bounds[level][0] <= stop:
            piece = _decoded_between(text, at, bounds[level][0])
            if piece is None or not rest.startswith(piece):
                return None
            if piece:
                moves.append((len(bounds) - 1 - level, piece))
            rest = rest[len(piece):]
            at = bounds[level][1]
            level += 1
        if level == len(bounds):
            return moves, rest or None
        if rest:
            if _decoded_between(text, at, stop) != rest:
                return None
            moves.append((len(bounds) - 1 - level, rest))
        if after is None or where is None:
            return None
        if isinstance(after.tag, str):
            end = positions.end_tag(after)
            closed = (end[1] if end is not None
                      else where[1] if after.tag in _VOIDISH
                      else _next_start(after, positions))
            if (closed is None and last_closed_by_end and after.tail is None
                    and after.getnext() is None):
                closed = bounds[level][0]
        else:
            closed = where[1]       # (a comment's end)
        if closed is None or closed > bounds[level][0]:
            return None             # no end tag read, or it spans the block's end tag
        moves.append((len(bounds) - 1 - level, after))
        owner, at = after, closed


def _next_start(el: Element, positions: _Positions) -> int | None:
    """Where an element without an end tag of its own ends, if it is followed straight by
    an element (``<p>x<dl>``: libxml2 closed it at that start tag, and all it holds is
    written before): that element's start."""
    following = el.getnext()
    if el.tail is not None or following is None or not isinstance(following.tag, str):
        return None
    where = positions.start(following)
    return None if where is None else where[0]


def _comment_at(comment: Element, text: str, at: int) -> tuple[int, int] | None:
    """(start, end) of ``comment`` in the source, written first after offset ``at`` (where
    only text and dropped end tags come before it); None if the comment written there is
    not this one, as libxml2 read it."""
    if comment.tag is not etree.Comment:
        return None
    start = text.find("<!--", at)
    end = text.find("-->", start + 4) if start >= 0 else -1
    if end < 0 or _lines(text[start + 4:end]) != (comment.text or ""):
        return None
    return start, end + 3


def _lines(source: str) -> str:
    return source.replace("\r\n", "\n").replace("\r", "\n")


def _move_back(moves: list[tuple[int, Element | str]], blocks: list[Element]) -> None:
    """Carry out a plan of :func:`_plan_back`: each text or element into its block, in
    order (an element leaves its place with its tail, which the plan placed apart)."""
    for at, item in moves:
        if isinstance(item, str):
            text_at_end(blocks[at], item)
        else:
            item.getparent().remove(item)  # type: ignore[union-attr]  # (it has a place)
            item.tail = None
            blocks[at].append(item)


_END_TAG = re.compile(r"</[A-Za-z][^>]*>")


def _decoded_between(text: str, start: int, stop: int) -> str | None:
    """The source text between two offsets as libxml2 gives it in the tree, the end tags it
    dropped left out; None if a start tag or a comment is there (it is a node of its own)."""
    source = _END_TAG.sub("", text[start:stop])
    if "<" in source and re.search(r"<[A-Za-z!?]", source):
        return None
    return _decoded(source)


def _lift(block: Element, element: Element, made: list[Element], positions: _Positions
          ) -> tuple[Element, list[Element | str]]:
    """Take ``block`` out of ``element``, with what follows it there: inside a copy of each
    formatting element between them, with what followed in that element (the browser's
    copies stay open up to the originals' end tags); then what followed in the others
    (closed at the end tag). Returns the outermost copy (or the block) and what follows it
    in ``element``, in order."""
    lifted: Element = block
    items: list[Element | str] = []
    child, holder = block, block.getparent()
    while holder is not None and holder is not element:
        items.extend(detach_following(child))
        if holder.tag in FORMATTING:
            copy = start_tag_copy(holder)
            made.append(copy)
            positions.made.add(copy)
            copy.append(lifted)         # (lxml moves it from where it is)
            for item in items:
                _append(copy, item)
            lifted, items = copy, []
        child, holder = holder, holder.getparent()
    items.extend(detach_following(child))
    if lifted.getparent() is not None:
        lifted.getparent().remove(lifted)  # type: ignore[union-attr]
    return lifted, items


def _open_at(element: Element, x: int, positions: _Positions) -> list[Element] | None:
    """The elements inside ``element`` open at offset ``x`` (the end tag), outermost first;
    None where that cannot be read from the source."""
    chain: list[Element] = []
    node = element
    while True:
        child = None
        for candidate in reversed(node):
            if not isinstance(candidate.tag, str):
                continue
            where = positions.start(candidate)
            if where is None:
                return None
            if where[0] < x:
                child = candidate
                break
        if child is None:
            return chain
        end = positions.end_tag(child, before=x)
        if end is None:
            if child.tag in _VOIDISH and not len(child):
                return chain    # (a void element is closed)
            if not (_left_open(child, positions) or _closed_at_end_tag(child, chain, positions)):
                return None     # (any other without an end tag near: cannot tell)
            chain.append(child)     # (its end tag left out: open at x)
            node = child
            continue
        if end[0] < x:
            return chain        # closed before the end tag
        chain.append(child)
        node = child


def _left_open(el: Element, positions: _Positions) -> bool:
    """Whether ``el``, the last element written before an offset in its parent, is a
    paragraph or a heading whose end tag is left out, that libxml2 kept open up to there:
    no end tag of its name pairs with its start tag, no text follows it in its parent (one
    closed before would have a tail), nothing HTML's parser would have closed it at is
    inside (a block's start tag in a paragraph, a heading in a heading), and the element
    before it was not closed by libxml2 at its start tag (a browser has it inside that
    one)."""
    if (el.tag not in _LEFT_OPEN or el.tail is not None or positions.end_tag(el) is not None
            or _after_closed_early(el, positions)):
        return False
    inside = el.iterdescendants(*(CLOSES_P if el.tag == "p" else HEADINGS))
    return next(inside, None) is None


def _closed_at_end_tag(el: Element, chain: list[Element], positions: _Positions) -> bool:
    """Whether ``el``, the last element written before an end tag in its parent, is one
    that neither parser leaves open past it though its own end tag is left out: neither a
    special element nor a formatting one (a ``span``), under a block open there (both close
    it there: libxml2 with the element it is in, HTML's parser at the end of the adoption
    agency, or with the heading an end tag closes)."""
    return (el.tag not in SPECIAL and el.tag not in FORMATTING and el.tag not in _OPTIONAL_END
            and el.tail is None and any(block.tag in SPECIAL for block in chain)
            and positions.end_tag(el) is None)


def _after_closed_early(el: Element, positions: _Positions) -> bool:
    """Whether the element before ``el`` is one libxml2 closed at ``el``'s start tag where
    HTML's parser does not (``<b><p>``, ``<h3>Title<p>``), not given back
    (:func:`reopen_closed_early`): a browser has ``el`` inside it."""
    before = el.getprevious()
    if (before is None or before.tail is not None or not isinstance(before.tag, str)
            or el.tag not in LIBXML2_CLOSED_BY.get(before.tag, ())):
        return False
    end, start = positions.end_tag(before), positions.start(el)
    return end is None or start is None or end[0] > start[0]


# The blocks read as left open at an end tag written in them (their own end tag left out)
_LEFT_OPEN = frozenset(("p", *HEADINGS))


_VOIDISH = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                      "meta", "source", "track", "wbr", "param", "keygen"))


def _split_at(chain: list[Element], x: int, positions: _Positions
              ) -> list[Element | str] | None:
    """Take out of ``chain`` (the block, then the elements open inside it at the end tag,
    outermost first) what follows the end tag at ``x``, in order: the browser closes them
    there, and what follows goes into the block. None (nothing taken) where the text around
    the end tag does not read as the source's."""
    deepest = chain[-1]
    text = positions.text
    # the text holding the end tag: the deepest element's text, or the tail of its last
    # child that starts before it
    prev = None
    for child in deepest:
        if isinstance(child.tag, str):
            where = positions.start(child)
            if where is None:
                return None
            if where[0] < x:
                prev = child
    if prev is not None and prev.tag in _OPTIONAL_END and positions.end_tag(prev) is None:
        return None
    later = list(prev.itersiblings()) if prev is not None else list(deepest)
    if any(not isinstance(node.tag, str) for node in later):
        return None     # a comment near the end tag: no offset tells its side
    if prev is None:
        start_of_text = positions.start(deepest)[1]  # type: ignore[index]  # (in the chain)
        held = deepest.text or ""
    else:
        closed = positions.end_tag(prev)
        opened = positions.start(prev)
        assert opened is not None
        start_of_text = closed[1] if closed is not None else opened[1]
        held = prev.tail or ""
    if start_of_text > x:
        return None
    before = _decoded(text[start_of_text:x])
    if not held.startswith(before):
        return None
    items: list[Element | str] = [held[len(before):]] if len(held) > len(before) else []
    if prev is None:
        deepest.text = xml_text(before) or None
    else:
        prev.tail = xml_text(before) or None
    for child in later:
        take(deepest, child, items)
    # then what followed each open element in its parent, up to the block's children
    for at in range(len(chain) - 2, -1, -1):
        items.extend(detach_following(chain[at + 1]))
    return items


def _detach_following_up_to(node: Element, container: Element) -> list[Element | str]:
    """What follows ``node`` inside ``container`` (its tail and following siblings, then
    those of each element between them, closed at the end tag for a browser), taken out in
    order."""
    items: list[Element | str] = []
    while node is not container:
        parent = node.getparent()
        assert parent is not None
        items.extend(detach_following(node))
        node = parent
    return items


def _append(parent: Element, item: Element | str) -> None:
    if isinstance(item, str):
        text_at_end(parent, item)
    else:
        parent.append(item)


def _decoded(source: str) -> str:
    """Source text as libxml2 gives it in the tree: character references decoded, line
    ends normalised."""
    return unescape(_lines(source))


def reopen_closed_early(root: Element, text: str, source_map: SourceMap,
                        written_apart: Mapping[Element, tuple[int, int]] | None = None
                        ) -> tuple[int, bool]:
    """Give back to each element of ``root`` (libxml2's tree of ``text``, as parsed) that
    libxml2 closed at a start tag HTML's parser does not close it at
    (:data:`~a11y_audit.knowledge.html_parser.LIBXML2_CLOSED_BY`) what follows it up to its
    own end tag: ``<h1><p>Flooding</p></h1>`` is a heading named "Flooding" in a browser,
    an empty heading and a paragraph after it in libxml2's tree; ``<small><p>Photo: AP</p>
    </small>`` is small print. Elements open inside it that the same start tag closed
    (``<h2><b><p>``) get back theirs, the innermost first. A heading without an end tag of
    its own after that start tag (``<header><h1>Title<p>Standfirst</p></header>``) gets
    back what follows it up to the next heading's start tag or its parent's end tag, where
    HTML's parser closes it (:func:`_left_open_ends`). Left as libxml2 reads it:
    another element without an end tag of its own after that start tag (``<b>`` left open:
    see :mod:`a11y_audit.formatting_list`); and wherever what follows does not read as the
    source's. A heading left open in a formatting element (``<b><h2>Title<p>x</p></b>``)
    takes back what follows it up to that element's end tag (the adoption agency's rebuild,
    :func:`adopt`, takes it from there). A heading ends at the first heading end tag, of
    any level, and closes what is open in it there (``<h2><p>Title</h2>``). Returns how
    many were given back, and whether a bound of a hostile page was met
    (:data:`CLOSED_EARLY_STEPS` siblings looked at, or the elements given back nested past
    libxml2's depth): the elements left are left as libxml2 read them."""
    positions = _Positions(root, source_map, text, written_apart or {})
    given = 0
    # The last first: each takes back elements already whole, not all that follows it
    # again, where such elements nest (``<b><p>x</p>`` written a thousand times). One that
    # could not take back its content may once an element around it has (``<h3><menu><ul>
    # ...<p>``: libxml2 closed the menu at the list, and the heading at the paragraph),
    # so those are tried again, while that gives back more, a few times at most.
    pending = list(root.iter(*LIBXML2_CLOSED_BY))[::-1]
    levels: dict[Element, int] = {}
    for _ in range(_RETRIES):
        failed = []
        for element in pending:
            if positions.steps > CLOSED_EARLY_STEPS:
                return given, True
            inner = element[-1] if len(element) else None
            outcome = _give_back(element, positions, levels)
            if outcome:
                given += 1
                # an element libxml2 closed inside it at the same start tag (``<b><h2>Title
                # <p>``: the b and the heading at the paragraph) is followed by what it gave
                # back only now
                while inner is not None and inner.tag in LIBXML2_CLOSED_BY:
                    last = inner[-1] if len(inner) else None
                    if not _give_back(inner, positions, levels):
                        break
                    given += 1
                    inner = last
            elif outcome is not None:
                failed.append(element)
        if len(failed) in (0, len(pending)):
            break
        pending = failed
    return given, _TOO_DEEP in levels.values()


_RETRIES = 3
_TOO_DEEP = -1      # (a level: the element was left closed, its content would nest too deep)


def _give_back(element: Element, positions: _Positions,
               levels: dict[Element, int]) -> bool | None:
    """Give back to ``element`` what follows it up to its end tag, if libxml2 closed it
    early (see :func:`reopen_closed_early`); None where it did not. ``levels``: how many
    elements given back are nested in each given back so far."""
    following = element.getnext()
    if (element.tail is not None or following is None
            or not isinstance(following.tag, str)
            or following.tag not in LIBXML2_CLOSED_BY[element.tag]):
        return None
    closed_at = positions.start(following)
    end = None if closed_at is None else _end_after(element, closed_at[0], positions)
    if (closed_at is not None and end is None and element.tag in HEADINGS
            and positions.end_tag(element) is None):
        # no end tag after: HTML's parser keeps the heading open to its parent's end
        end = _left_open_ends(element, element, positions)
        if end is None:
            return False
        back = _plan_back(element, [element], closed_at[0], positions, [end],
                          last_closed_by_end=True)
        if back is None or not _nesting_allowed(
                element, [item for _, item in back[0] if not isinstance(item, str)], levels):
            return False
        _move_back(back[0], [element])
        element.tail = xml_text(back[1])
        return True
    if closed_at is None or end is None:
        return None
    chain, ends = [element], [end]
    while len(chain[-1]):
        inner = chain[-1][-1]
        if (not isinstance(inner.tag, str) or inner.tail is not None
                or following.tag not in LIBXML2_CLOSED_BY.get(inner.tag, ())):
            break
        end = _end_after(inner, closed_at[0], positions)
        if end is None:
            break
        chain.append(inner)
        ends.append(end)
    back = _plan_back(element, chain, closed_at[0], positions, ends)
    if back is None:
        # (an element open across the end tag: ``<h2><p>Title</h2>``)
        return (len(chain) == 1 and element.tag not in FORMATTING
                and _close_inside(element, ends[0][0], positions, levels))
    moves, rest = back
    if not _nesting_allowed(element, [item for _, item in moves if not isinstance(item, str)],
                            levels):
        return False
    _move_back(moves, chain)
    element.tail = xml_text(rest)
    return True


# The elements whose end tag closes a heading or a paragraph left open in them (HTML, "in
# body": the end tags that pop the elements open above their element; a body's is read at
# the end of the text): not a formatting element's (the adoption agency stops at the block)
# nor another element's ("any other end tag" is ignored past a special element, such as a
# heading or a paragraph)
_ENDS_LEFT_OPEN = CLOSED_THROUGH | {"div", "body", "td", "th", "caption"}


def _left_open_ends(block: Element, after: Element, positions: _Positions
                    ) -> tuple[int, int] | None:
    """Where HTML's parser ends ``block``, a heading or a paragraph whose end tag is left out
    (``<header><h1>Title<p>Standfirst</p></header>``, ``<a href><p>Title</a> more</div>``),
    which libxml2 closed earlier (at a start tag, at the end tag of a link it is in), and
    which holds what follows ``after`` (the block, or that link) in the browser's tree: at the
    start tag of the next heading (for a paragraph, the next block) among the elements that
    follow ``after`` in its parent, else at the end tag of the block it is in, past a span's
    or a custom element's, which HTML's parser ignores there (the end of the text for the
    body; for a paragraph in a list item without an end tag, the next item's start tag; for
    an element without an end tag that nothing follows, where the element it is in ends).
    None where that is not read from the source."""
    paragraph = block.tag == "p"
    closers = CLOSES_P_IN_EVERY_MODE if paragraph else HEADINGS
    for sibling in after.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag in closers:
            where = positions.start(sibling)
            return None if where is None else (where[0], where[0])
        if paragraph and (sibling.tag == "table"
                          or next(sibling.iterdescendants(*CLOSES_P), None) is not None):
            return None     # (a block's start tag inside closes the paragraph in it)
    # (an element's end tag that HTML's parser ignores with the block open in it, a span's,
    # a custom element's, does not end it: the one of the element it is in does)
    ancestor = after.getparent()
    while True:
        while ancestor is not None and ancestor.tag not in _ENDS_LEFT_OPEN:
            if not isinstance(ancestor.tag, str) or ancestor.tag in SPECIAL:
                return None
            if ancestor.tag in FORMATTING:
                # (the adoption agency's, at a formatting element's end tag: the block holds
                # what follows up to there, and what follows is the agency's, :func:`adopt`)
                return positions.end_tag(ancestor) if after is block else None
            ancestor = ancestor.getparent()
        if ancestor is None:
            return None
        if ancestor.tag == "body":
            return len(positions.text), len(positions.text)
        end = positions.end_tag(ancestor)
        if end is not None:
            return end
        if ancestor.tail is not None or ancestor.getnext() is not None:
            if paragraph and ancestor.tag in _ENDED_BY:
                # (a list item's start tag closes the item past a paragraph open in it, not
                # past a heading)
                following = ancestor.getnext()
                if (ancestor.tail is None and following is not None
                        and following.tag in _ENDED_BY[ancestor.tag]):
                    where = positions.start(following)
                    return None if where is None else (where[0], where[0])
            return None
        # (its end tag left out too, and nothing after it: it ends with the element it is
        # in, ``<div><a href><p>Title</a>`` at the end of the page)
        ancestor = ancestor.getparent()


def _nesting_allowed(element: Element, moved: list[Element],
                     levels: dict[Element, int]) -> bool:
    """Whether ``element`` may take back the elements ``moved``: not where the elements
    given back would nest past libxml2's depth (a page of one thousand ``<b><p>x</p>``
    before their end tags nests them a thousand deep, which the audit refuses; libxml2
    stops at that depth)."""
    level = 1 + max((levels.get(el, 0) for el in moved), default=0)
    if level > _LEVELS_UNCHECKED:
        depth = sum(1 for _ in element.iterancestors())
        if depth + level >= LIBXML2_MAX_DEPTH:
            levels[element] = _TOO_DEEP
            return False
    levels[element] = level
    return True


# (nesting this many given back deep is checked against the depth of the tree: a walk up it)
_LEVELS_UNCHECKED = 64


def merge_forms_closed_early(forms: list[Element], root: Element, text: str,
                             source_map: SourceMap,
                             parsed_tags: Callable[[str], list[Element]]) -> int:
    """Merge into each of ``forms`` (those of ``root``) the form libxml2 began after closing
    it at that form's start tag (``<form id="a"><input name="x"><form id="b">...</form>
    ...</form>``), as HTML's parser reads it: a ``<form>`` start tag while a form is open is
    ignored, so what the inner one holds is the outer form's, and its ``</form>`` ends the
    outer form
    (what follows is in neither, as in libxml2's tree). libxml2 made two forms, the first
    holding what came before the inner tag only: a form's fields, its submit button and
    form-has-submit read another form than a browser's. Only where the outer form's end tag
    is written after the inner start tag (two forms written one after the other stay two).
    Returns how many were merged away (their start tags stay in the source: the page keeps
    them among the parsed elements). A form written inside a block of another form, which
    libxml2 nests, is left as it reads it."""
    positions = _Positions(root, source_map, text, {}, parsed_tags)
    merged: set[Element] = set()
    for form in forms:
        if form in merged:
            continue
        while True:     # (a chain of forms each closed at the next: all are the first's)
            inner = form.getnext()
            if form.tail is not None or inner is None or inner.tag != "form":
                break
            at = positions.start(inner)
            if at is None or _end_after(form, at[0], positions) is None:
                break
            tail, inner.tail = inner.tail, None
            if inner.text:
                text_at_end(form, inner.text)
            form.extend(list(inner))    # (each child with its tail)
            form.getparent().remove(inner)  # type: ignore[union-attr]  # (a sibling)
            form.tail = xml_text(tail)
            merged.add(inner)
    return len(merged)


def _close_inside(element: Element, x: int, positions: _Positions,
                  levels: dict[Element, int]) -> bool:
    """Put back into ``element`` what follows it up to its end tag at ``x``, where the last
    of it is an element still open there (its end tag left out, or written after): HTML's
    parser closes it, and what is open inside it, at ``x`` (an end tag of an element that is
    not a formatting one closes everything open inside), and what it holds after ``x``
    follows ``element``. False (nothing changed) where that cannot be read from the source,
    or a formatting element (opened again after) or a table or the like (the end tag is
    ignored in it) is open there."""
    following: list[Element] = []     # up to the last element written before x
    last = -1
    for node in element.itersiblings():
        positions.steps += 1
        following.append(node)
        if not isinstance(node.tag, str):
            continue
        where = positions.start(node)
        if where is None:
            return False
        if where[0] >= x:
            break
        last = len(following) - 1
    if last < 0:
        return False
    open_one = following[last]
    end = positions.end_tag(open_one)
    if (end is not None and end[0] < x) or open_one.tag in _VOIDISH:
        return False        # (closed before: what follows it is text, _plan_back's case)
    inside = _open_at(open_one, x, positions)
    if inside is None:
        return False
    chain = [open_one, *inside]
    if (any(el.tag in FORMATTING or el.tag in _IGNORING for el in chain)
            or not _nesting_allowed(element, [node for node in following[:last + 1]
                                              if isinstance(node.tag, str)], levels)):
        return False
    after = _split_at(chain, x, positions)
    if after is None:
        return False
    tail, open_one.tail = open_one.tail, None
    for node in following[:last + 1]:
        element.append(node)    # (with its tail, but the last one's)
    _place_after(element, after, tail)
    return True


def _place_after(el: Element, items: list[Element | str], tail: str | None) -> None:
    """Put ``items`` (text and elements, in order) straight after ``el`` (whose tail is
    none), then ``tail``."""
    placed = el
    for item in items:
        if isinstance(item, str):
            placed.tail = joined_text(placed.tail, item)
        else:
            placed.addnext(item)
            placed = item
    if tail:
        placed.tail = joined_text(placed.tail, tail)


def _end_after(el: Element, offset: int, positions: _Positions) -> tuple[int, int] | None:
    """(start, end) of the end tag that closes ``el`` as written, if it is after
    ``offset`` (a heading's is the first heading end tag, of any level, that pairs with
    it: HTML's parser reads ``</h3>`` as the end of an ``h2``)."""
    end = positions.end_tag(el)
    return end if end is not None and end[0] > offset else None


def close_headings(root: Element, text: str, source_map: SourceMap,
                   written_apart: Mapping[Element, tuple[int, int]] | None = None) -> int:
    """Close each heading of ``root`` (libxml2's tree of ``text``, as parsed) at the first
    heading end tag written inside it, of whatever level: ``<h2>Title</h3>text``. HTML's
    parser reads any ``</h1>``-``</h6>`` as the end of the heading open (and of what is open
    inside it); libxml2 ignored one of another level, and the heading held what followed,
    up to the next block ("Titletext" for a heading named "Title"). What followed goes after
    the heading. Left as libxml2 reads it where a formatting element (``em``) is open in the
    heading there: the browser opens it again after, which is not rebuilt. Returns how many
    headings were closed earlier."""
    positions = _Positions(root, source_map, text, written_apart or {})
    closed = 0
    for heading in list(root.iter(*HEADINGS)):
        where = positions.start(heading)
        if where is None or text[where[1] - 2:where[1]] == "/>":
            continue
        found = positions.end_tag(heading)
        end = found[0] if found is not None else None
        if end is None or text[end + 2:end + 4].lower() == heading.tag:
            continue    # (its own end tag: libxml2 read it so)
        chain = _open_at(heading, end, positions)
        if chain is None or any(el.tag in _IGNORING or el.tag in FORMATTING for el in chain):
            continue    # (formatting elements open in it: the browser opens them again after)
        after = _split_at([heading, *chain], end, positions)
        if not after:
            continue
        parent = heading.getparent()
        if parent is None:
            continue
        tail, heading.tail = heading.tail, None
        _place_after(heading, after, tail)
        closed += 1
    return closed
