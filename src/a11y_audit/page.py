"""The page model: one parsed document and the indexes every rule reads.

A :class:`Page` is built once per document. Each index is a ``cached_property``, computed on
first use from a single tag index (one walk over the tree), so a rule pays only for what it reads
and no two rules compute the same thing twice.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from contextlib import suppress
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple, TypeVar
from urllib.parse import unquote, urldefrag

from lxml import etree, html

from a11y_audit import divs_left_open, dom, templates
from a11y_audit.br_end_tags import as_start_tags, br_end_tags
from a11y_audit.dom import attach, attribute_values, normalize_space, start_tag_copy, tag_of
from a11y_audit.dom import joined_text as _joined_text
from a11y_audit.dom import text_at_end as _text_at_end
from a11y_audit.dom import text_before as _text_before
from a11y_audit.dom import xml_text as _xml_text
from a11y_audit.formatting_list import left_open, maybe_left_open, reopen
from a11y_audit.knowledge import aria
from a11y_audit.knowledge.html_parser import (
    LIBXML2_CLOSED_BY,
    MARKERS,
    SCOPE_BOUNDARIES,
    SPECIAL,
)
from a11y_audit.knowledge.lang import ASCII_WHITESPACE
from a11y_audit.limits import (
    CLOSED_EARLY_STEPS,
    LIBXML2_MAX_DEPTH,
    REOPENED_AT_ONCE,
    REOPENED_COPIES,
)
from a11y_audit.misnested import (
    HEADINGS,
    adopt,
    close_headings,
    merge_forms_closed_early,
    reopen_closed_early,
)
from a11y_audit.paragraphs import close_paragraphs
from a11y_audit.parser_log import ParserLog
from a11y_audit.parser_log import read as read_parser_log
from a11y_audit.selector import Selectors
from a11y_audit.self_closing import count_written_tags, headings_left_open, open_self_closed
from a11y_audit.source_map import Location, SourceMap, locate

if TYPE_CHECKING:
    from a11y_audit.semantics.cascade import Cascade, Style
    from a11y_audit.semantics.visibility import Visibility

Element = etree._Element
T = TypeVar("T")

_SVG_NS = "{http://www.w3.org/2000/svg}"


@dataclass(slots=True, unsafe_hash=True)
class Heading:
    """Treat it as immutable (it hashes by value); not a frozen dataclass because one is
    built per heading, and a frozen dataclass's ``__init__`` sets each field by
    ``object.__setattr__`` (as :class:`Link`)."""

    element: Element
    level: int
    text: str          # accessible name
    hidden: bool       # hidden from assistive technology


@dataclass(slots=True, unsafe_hash=True)
class Landmark:
    """Treat it as immutable (it hashes by value); not frozen, as :class:`Heading`."""

    element: Element
    role: str
    name: str
    explicit: bool     # the role comes from a role attribute


@dataclass(slots=True, unsafe_hash=True)
class Image:
    """Treat it as immutable (it hashes by value); not a frozen dataclass because one is
    built per image, and a frozen dataclass's ``__init__`` sets each field by
    ``object.__setattr__`` (callgrind, 8 fields: 12,660 instructions an image against 2,540)."""

    element: Element
    kind: str                      # "img", "role-img", "svg", "input-image"
    src: str | None
    alt: str | None                # the alt attribute as written (None when absent)
    figure: Element | None         # enclosing <figure>
    caption: Element | None        # that figure's <figcaption>
    hidden: bool                   # hidden from assistive technology
    decorative: bool               # alt="", role=none/presentation or aria-hidden


class Link(NamedTuple):
    """A named tuple, not a dataclass: one is built per link (~170 a page), and a tuple built
    directly (:meth:`Page.links`) costs a fraction of a dataclass's ``__init__``, a Python
    call that sets each field (callgrind, 6 fields: 9,870 instructions a link for a frozen
    dataclass, 2,280 for a slotted one). Immutable and compared by value all the same."""

    element: Element
    href: str
    fragment: str | None           # same-page fragment (decoded), None for other pages
    target: Element | None         # the element the fragment scrolls to
    # Read once here for the link rules (link-text-generic, link-adjacent-duplicate,
    # link-new-window-or-file, link-name...), each of which asked again per link.
    hidden: bool = False           # hidden from assistive technology (Page.is_hidden)
    rendered: bool = True          # rendered (Page.is_rendered)


class Page:
    """A parsed HTML document with lazily built, shared indexes."""

    def __init__(self, root: Element, source: str = "<string>", url: str | None = None,
                 markup: str | None = None, *,
                 parsed_as: tuple[Mapping[bytes, int], ParserLog] | None = None,
                 left_out: Mapping[str, list[int]] | None = None) -> None:
        self.root = root
        self.source = source
        self.url = url
        self.markup = markup       # the source text as given, for locating findings
        # The line of a larger file that the markup's first line is (a WordPress export's
        # post): the lines findings and messages give are that file's (:meth:`line`)
        self.first_line = 1
        # tag name -> the offsets in the markup of its start tags that make no element (a
        # browser's parser ignores them; the tree was parsed without them)
        self._left_out = left_out
        self._name_cache: dict[Element, str] = {}
        self._role_cache: dict[Element, str] = {}
        attach(self)      # helpers given an element read our indexes (dom.page_of)
        self._memo: dict[object, object] = {}
        self.warnings: list[str] = []   # what the parser could not keep (never silent)
        # A template file's family of syntax (a11y_audit.templates; None: plain HTML), and
        # whether the file is a partial, not a page: set by whoever read the file
        self.template: str | None = None
        self.fragment = False
        # ... and the spans of the file it renders on a condition (Template.conditions)
        self.conditions: tuple[tuple[int, int], ...] = ()
        # ... and once for each item of a loop (Template.loops)
        self.loops: tuple[tuple[int, int], ...] = ()
        # ... and, for a Markdown story, the lines of its images written without a description
        # (Template.undescribed_images)
        self.undescribed_images: frozenset[int] = frozenset()
        # ... and its text as written (markup is it as parsed, as long: show_as_written)
        self.written: str | None = None
        # What a browser does not parse into the document, by its element: each <template>'s
        # content (a document fragment of its own) and each <noscript>'s (text, with
        # scripting on); see _set_inert_content_apart
        self.contents_apart: dict[Element, Element] = {}
        self._parsed: list[Element] | None = None   # every parsed element, when some are apart
        self._set_inert_content_apart()
        self._made_up: set[Element] = set()     # elements HTML's parser implies (a tbody...)
        # each link a browser's parser ended early, with how and what ended it there: "link",
        # a link inside it (_split_nested_links); "paragraph", a block inside its paragraph
        # (_close_paragraphs); "end tag", the block its end tag is written in; "left open",
        # the paragraph or heading left open in it, in which its end tag is read (misnested)
        self.split_links: dict[Element, tuple[str, Element]] = {}
        # each copy a browser's parser made of a formatting element left open (a link
        # without its </a>), with that element (_reopen_formatting)
        self.reopened: dict[Element, Element] = {}
        self._drop_stray_table_parts()
        self._imply_table_parts()
        if parsed_as is not None:
            self._merge_forms_closed_early(parsed_as[1])
        self._close_nested_headings_and_buttons()
        if parsed_as is not None:
            # (first: the repairs below read the tree a browser builds from what is left
            # open, where a link left open ends at the next link instead of holding it)
            self._reopen_formatting(*parsed_as)
        self._close_paragraphs()
        self._split_nested_links()

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def from_html(cls, markup: str | bytes, source: str = "<string>",
                  url: str | None = None, *, utf8: bytes | None = None,
                  doctype: bool = False, first_line: int = 1) -> Page:
        """Parse HTML text (or UTF-8 bytes) into a page. Never raises on malformed markup.

        ``utf8``: the text's exact UTF-8 encoding, when the caller has it (the source's bytes:
        :func:`a11y_audit.sources.decode_exact`); parsed as it is, instead of encoding the
        whole text again. ``doctype``: the markup is a template whose renderer writes
        ``<!DOCTYPE html>`` before a page that has none (Astro's): such a page declares it.
        ``first_line``: the line of a larger file the markup starts on (:attr:`first_line`)."""
        if isinstance(markup, str):
            if utf8 is not None:
                text, markup = markup, utf8
            else:
                try:
                    text, markup = markup, markup.encode("utf-8")
                except UnicodeEncodeError:
                    # A lone surrogate (a str made from bytes that are not UTF-8 with
                    # surrogateescape, or from JavaScript text): no report file can hold it,
                    # and libxml2 would read its bytes as broken UTF-8. Each becomes U+FFFD,
                    # as a decoder makes of a bad byte: one code point for one, so offsets stay.
                    text = _LONE_SURROGATE.sub("\ufffd", markup)  # type: ignore[arg-type]  # (str)
                    markup = text.encode("utf-8")
        else:
            text = markup.decode("utf-8", "replace")
        # ``<div/>``: HTML's parser leaves it open, libxml2's would close it (self_closing)
        slashes, scanned = open_self_closed(markup, text)
        if slashes:
            written = bytearray(markup)
            for slash in slashes:
                written[slash] = 0x20   # a space: every offset and line stays
            markup = bytes(written)
        root, log = _parse(markup)
        # ``</br>``: HTML's parser makes a line break of it, libxml2's drops it (br_end_tags);
        # the bytes are searched only where libxml2 reported one (or its log is full), and
        # the page is parsed again (a search of every page cost 1.6 M instructions a page)
        br_spans = br_end_tags(markup) if log.may_have_ignored(("br",)) else []
        if br_spans:
            markup = as_start_tags(markup, br_spans)
            root, log = _parse(markup)
        # (the bytes whose offsets are the text's: every rewrite above keeps each one)
        as_written = markup
        ignored_starts: dict[str, list[int]] | None = None
        counted = count_written_tags(markup)
        # ``<header><div>...</header><main>``: HTML's parser closes the div at </header>,
        # libxml2's ignored the end tag (and every </div> after it closes another div); and
        # ``<li><div>...<li>``: HTML's parser closes both at the <li>, libxml2's neither; and
        # ``<li>Sections<ul class=sub><li>...</li></li>``, a nested list left open: HTML's
        # parser ignores the item's end tag, libxml2's closed the list and the item there
        # (and where the list's end tag is written after that </li>, at which libxml2 then
        # closed the outer list, or after a span's end tag: the end tag of a special element
        # with none open is their sign);
        # and ``<form><button>Go</form>``: HTML's parser leaves the button open, libxml2's
        # closed it with the form; and ``<my-card><p>Text</my-card>``: HTML's parser
        # ignores the end tag past the paragraph left open, libxml2's closed both
        # (every end tag is read where a special element may be left open in a span or a
        # custom element, or libxml2 closed one early)
        every_end_tag = (divs_left_open.special_left_open(counted)
                         or divs_left_open.closed_early(log))
        if (every_end_tag or divs_left_open.reported(log)
                or divs_left_open.end_tags_left_out(counted)
                or divs_left_open.left_open_in_form(log, counted)
                or divs_left_open.form_in_form(root, counted)):
            closed = divs_left_open.close_divs_left_open(
                markup, every_end_tag, forms=counted.get(b"/form>", 0) > 0)
            if closed is not None:
                markup, ignored = closed
                root, log = _parse(markup)
                if ignored:     # ``<form>`` with a form open: no element, nor located at
                    ignored_starts = {"form": _text_offsets(as_written, ignored)}
                    scanned = scanned or SourceMap(text)
                    scanned.leave_out("form", ignored_starts["form"])
        _merge_stray_roots(root)
        if doctype and _DOCTYPE.search(as_written) is None:
            _declare_html(root)
        # (the repairs below read the source map: they run on the tree as parsed, whose
        # document order is source order)
        written_br: dict[Element, Location] = {}
        br_offsets: dict[Element, tuple[int, int]] = {}
        if br_spans:
            scanned = scanned or SourceMap(text)
            written_br, br_offsets = _br_end_tag_locations(root, text, as_written, br_spans,
                                                           scanned)
        # ``<h1><p>Title</p></h1>``: HTML's parser keeps the heading open at the <p>,
        # libxml2's closed it there (and found the </h1> unexpected); and ``<h1>Title<p>``
        # with the </h1> left out (nothing reported: the page writes fewer heading end tags
        # than start tags)
        closed_early_bounded = False
        if log.may_have_ignored(LIBXML2_CLOSED_BY) or headings_left_open(counted):
            scanned = scanned or SourceMap(text)
            _, closed_early_bounded = reopen_closed_early(root, text, scanned, br_offsets)
        # ``<h2>Title</h3>text``: HTML's parser ends the h2 at the </h3>; libxml2 ignored it
        if log.may_have_ignored(HEADINGS):
            scanned = scanned or SourceMap(text)
            close_headings(root, text, scanned, br_offsets)
        # ``<a href><div>...</a></div>``: HTML's adoption agency; libxml2 ignored the </a>,
        # or closed the link with the blocks in it (and found their end tags unexpected);
        # and ``<a href><p>Title</a>`` with the </p> left out (nothing reported: the page
        # writes fewer paragraph or heading end tags than start tags)
        copies: list[Element] = []
        ended_early: dict[Element, tuple[str, Element]] = {}
        others = log.full or bool(log.unexpected) or every_end_tag
        if log.mismatched or others:
            scanned = scanned or SourceMap(text)
            copies = adopt(root, text, scanned, log.mismatched, others, ended_early,
                           written_apart=br_offsets)
        _into_head_and_body(root)
        _unnest_void_elements(root)
        # ``<script>...</script><!doctype html><html lang="en">``: HTML's parser gives the
        # html element the lang of the tag written after content began it; libxml2 dropped
        # the tag, and the attributes with it
        late = _ROOT_TAGS if log.full else _ROOT_TAGS & log.misplaced
        if late:
            scanned = scanned or SourceMap(text)
            _add_attributes_of_late_tags(root, text, scanned, late)
        # (the bytes and libxml2's report: formatting elements left open are looked for,
        # unless the misnesting repair copied some)
        page = cls(root, source, url, markup=text, parsed_as=None if copies else (counted, log),
                   left_out=ignored_starts)
        page.first_line = first_line
        page.split_links.update((el, why) for el, why in ended_early.items()
                                if el.tag == "a")
        if written_br or copies:
            page._locations.update(written_br)
            page._made_up.update(copies)
            left_out = {*written_br, *copies}
            page._parsed = [el for el in page._parsed_or_elements() if el not in left_out]
            page._parsed_by_tag = None
        if scanned is not None:
            page.__dict__["source_map"] = scanned   # the scan is done: not paid again
        if closed_early_bounded:
            page.warnings.append(
                "more elements than the page model reads again were closed early by the "
                f"parser ({CLOSED_EARLY_STEPS:,} elements after them looked at, nested no "
                f"deeper than {LIBXML2_MAX_DEPTH:,}): past that, an element a browser keeps "
                "open at a start tag (a heading at a <p>, a <b> at a <p>) is audited as "
                "closed there")
        if log.too_deep_at is not None:     # libxml2 stops parsing there, quietly
            page.warnings.append(f"markup nested deeper than {LIBXML2_MAX_DEPTH:,} elements: "
                                 f"parsing stopped at line "
                                 f"{log.too_deep_at + first_line - 1}, the rest of "
                                 "the page is not audited")
        return page

    def _parsed_or_elements(self) -> list[Element]:
        return self._parsed if self._parsed is not None else self.elements

    def _set_inert_content_apart(self) -> None:
        """Take the content of each ``<template>`` and ``<noscript>`` out of the tree, into a
        holder of its own (:attr:`contents_apart`).

        A browser parses a template's content into a document fragment that is not part of
        the document, and, with scripting on (as axe-core runs, and as this tool reads
        pages), a noscript's content as text. Neither is in the document: no id in it is
        found by a reference (``aria-labelledby``, ``label for``, a fragment link), no
        ``<meta>``, ``<style>`` or ``<link>`` in it applies, nothing in it is in the
        accessibility tree or seen by axe-core's ``querySelectorAll``. libxml2's parser
        leaves both as children: set apart here, every index, walk and rule sees the document
        a browser has, without each having to skip them. The tag index is built here, once,
        as every audit needs it; a page with neither pays nothing more."""
        by_tag = self.by_tag
        containers = [*by_tag.get("template", ()), *by_tag.get("noscript", ())]
        filled = [el for el in containers if len(el) or el.text]
        if not filled:
            return
        self._parsed = self.elements    # the source map ranks start tags among all of them
        removed: set[Element] = set()
        for container in filled:    # a nested one's own content is set apart too
            holder = container.makeelement(container.tag, {})   # detached: a fragment
            # (libxml2 keeps control characters lxml refuses to set: U+FFFD, as in text)
            holder.text, container.text = _xml_text(container.text), None
            holder.extend(list(container))      # each child with its tail
            self.contents_apart[container] = holder
            removed.update(holder.iterdescendants(etree.Element))
        # The indexes lose the elements set apart: the lists of their tags and attributes
        # are filtered, not built again from a second walk of the page (1.8 M instructions a
        # page with a filled noscript, and most have one, against ~0.2 M)
        self.__dict__["elements"] = list(self.root.iter(etree.Element))
        self.__dict__.pop("order", None)
        by_attribute = self.by_attribute
        attributes: set[str] = {name for el in removed  # type: ignore[misc]  # (str: HTML)
                                for name in el.keys()}  # noqa: SIM118 (an lxml element)
        for index, names in ((by_tag, {tag_of(el) for el in removed}),
                             (by_attribute, attributes)):
            for name in names:
                kept = [el for el in index.get(name, ()) if el not in removed]
                if kept:
                    index[name] = kept
                else:
                    index.pop(name, None)

    def _drop_stray_table_parts(self) -> None:
        """Drop the tags of table parts written outside any table (a row, a cell, a caption,
        a section, a column), keeping what they hold, as HTML's parser does: it ignores
        their start tags ("in body" insertion mode). libxml2 makes them elements: a template
        partial that writes rows into a ``div`` gave header cells and rows that no browser
        (and no axe-core) has, for the table rules to judge. A part is in place when its
        parent is the one a table's tree gives it (a cell's a row, a row's a section or the
        table...), so the pages with tables pay one parent read a part; a part out of place
        inside a table (a row in a ``div`` in a table) is left as it is."""
        by_tag = self.by_tag
        if not any(tag in by_tag for tag in _TABLE_PARTS):
            return
        parsed = self.elements
        while True:     # a row dropped leaves its cells out of place: look again
            stray = [el for tag, parents in _TABLE_PARTS.items() for el in by_tag.get(tag, ())
                     if _parent_tag(el) not in parents
                     and not any(above.tag == "table" for above in el.iterancestors())]
            if not stray:
                return
            for el in stray:
                _unwrap(el)
            self._index_again(parsed, [])
            by_tag = self.by_tag

    def _imply_table_parts(self) -> None:
        """Add the table parts HTML's parser implies and libxml2's does not: a ``tbody``
        around rows written straight into a ``table``, a ``tr`` around cells written
        straight into a table or one of its sections, a ``colgroup`` around columns written
        straight into a table (HTML, "in table" insertion mode). A browser's document, and
        so axe-core, the page's CSS (``tbody tr``, ``table > tbody > tr``) and the
        selectors a report gives, have them: hand-written and CMS tables rarely write them.

        First, what HTML's parser moves out of a table goes before it (foster parenting):
        an element written straight into a table, a section or a row that is no table part
        (a ``div``, a ``p``, an ``input`` not hidden...), and text that is not white space.
        An element that holds table parts is left in place (a browser would take it out and
        keep its rows in the table)."""
        tables = self.by_tag.get("table")
        if not tables:
            return
        made: list[Element] = []
        fostered = False
        for table in tables:
            if _foster_parent(table, table):
                fostered = True
            _imply_table_parts(table, made)
        if not made and not fostered:
            return
        # (the list built before the repairs: without the parts made, and with what
        # foster parenting moved in its place)
        self._index_again(self.elements, made)

    def _merge_forms_closed_early(self, log: ParserLog) -> None:
        """A form libxml2 began inside a form it closed for it is the outer form's content,
        as in a browser (:func:`a11y_audit.misnested.merge_forms_closed_early`); looked for
        where libxml2 reported the outer form's ``</form>`` unexpected, on pages with two
        forms or more."""
        forms = self.by_tag.get("form")
        if not forms or len(forms) < 2 or not log.may_have_ignored(("form",)):
            return
        source_map = self.source_map
        if self.markup is None or source_map is None:
            return
        parsed = self._parsed_or_elements()
        if merge_forms_closed_early(forms, self.root, self.markup, source_map,
                                    self._parsed_tags):
            self._index_again(parsed, [])

    def _close_nested_headings_and_buttons(self) -> None:
        """Take a heading written straight inside another heading, and a button written
        inside another button, out of it, with what follows it there, as HTML's parser does
        (a heading's start tag closes the heading that is the current node; a button's
        closes the button in scope). libxml2's parser nests them: a heading's name and level
        took in the next heading, and a button held a button a browser never nests. Elements
        only move, in document order: the indexes stay as they are."""
        by_tag = self.by_tag
        moves: list[tuple[Element, Element]] = []
        for tag in _HEADINGS:
            for heading in by_tag.get(tag, ()):
                parent = heading.getparent()
                if parent is not None and parent.tag in _HEADINGS:
                    moves.append((heading, parent))
        buttons = by_tag.get("button", ())
        # Only where a button holds one is each button's nearest button above it looked for
        # (a walk up from every button costs a Python step per ancestor)
        for button in buttons if _one_holds_another(buttons) else ():
            for ancestor in button.iterancestors():
                tag = ancestor.tag
                if tag == "button":
                    moves.append((button, ancestor))
                    break
                if tag in SCOPE_BOUNDARIES:
                    break
        if not moves:
            return
        order = self.order
        # outermost first: a lifted element's own nested ones are lifted after it
        for el, container in sorted(moves, key=lambda move: order[move[0]]):
            if el.getparent() is not None and dom.inside(el, container):
                _lift_out(el, container)

    def _close_paragraphs(self) -> None:
        """Close each ``p`` at the first block written inside it whose start tag a browser
        closes it at, and copy the formatting elements open in it where a browser does
        (:mod:`a11y_audit.paragraphs`): libxml2 closes a ``p`` only at an HTML 4 block
        written straight inside it."""
        paragraphs = self.by_tag.get("p")
        if not paragraphs:
            return
        parsed = self.elements
        made: list[Element] = []
        if not close_paragraphs(paragraphs, self._quirks, made, self.split_links):
            return
        if made:    # (elements that only moved, in document order, keep the indexes)
            self._index_again(parsed, made)

    def _quirks(self) -> bool:
        # (the page model imports no semantics at module level: tests/test_layering.py)
        from a11y_audit.semantics.document import quirks_mode

        return quirks_mode(self.root)

    def _split_nested_links(self) -> None:
        """Split a link that holds another link as HTML's parser does (its "adoption agency"
        algorithm, run when an ``a`` start tag finds an ``a`` still open): libxml2 nests
        them. A news card written as ``<a href="/story"><div><h3>Title</h3><p>By <a
        href="/author">Ann</a></p></div></a>`` is, in a browser, an empty link to the story,
        then the ``div`` holding a copy of that link around the headline, and the ``p``
        holding another copy around "By " before the author's link. Each block between the
        two links leaves the link (or copy) holding it and takes a new copy of it: the
        copies are made-up elements (no start tag of their own), with the link's
        attributes, an ``id`` too, as in the browser's document. Without a block between
        them, the inner link closes the outer one, with what was open inside it
        (:func:`_lift_out`). A link in a table cell, a caption or an ``object`` inside the
        link is nested for a browser too (a "marker" hides the outer link), and is left
        so; formatting elements between them (a ``b`` around the block) are not copied."""
        links = self.by_tag.get("a")
        if not links or not _one_holds_another(links):
            return
        parsed = self.elements
        made: list[Element] = []
        reopened = self.reopened
        for link in links:
            if link in reopened:
                # (a copy the replay of what is left open made: it read each <a> start tag
                # in it with the adoption agency, and one it holds is a browser's too, past
                # the agency's eight rounds: ``<a href>`` left open before eight blocks and a
                # heading's link)
                continue
            inner = next(link.iterdescendants("a"), None)
            if inner is not None and _split_link(link, inner, made):
                self.split_links.setdefault(link, ("link", inner))
        self._index_again(parsed, made)

    def _reopen_formatting(self, written: Mapping[bytes, int], log: ParserLog) -> None:
        """Open again, as copies, the formatting elements a page leaves without their end
        tag, where a browser's parser opens them again (:mod:`a11y_audit.formatting_list`):
        libxml2 closes them with their parent and forgets them. Looked for only where it
        costs little to know that an element may be left open (``maybe_left_open``: fewer
        ``</a>`` than links, what libxml2 reported, the tree's shape). Run before the repairs
        of paragraphs and of links in links, which then read the tree it builds."""
        names = maybe_left_open(written, self.by_tag, log)
        if not names or self.source_map is None:
            return
        left = left_open(names, self.source_map, self._parsed_tags)
        if not left:
            return
        parsed = self._parsed_or_elements()
        copies, over_budget = reopen(self.body, left)
        if copies:
            self.reopened.update(copies)
            self._index_again(parsed, list(copies))
        if over_budget:
            self.warnings.append(
                "more formatting elements are left open (no end tag) than the page model opens "
                f"again as a browser does ({REOPENED_COPIES:,} copies, {REOPENED_AT_ONCE} "
                "at once): past that, the content a browser puts in their copies is audited "
                "without them")

    def _index_again(self, parsed: list[Element], made: list[Element]) -> None:
        """After a repair that made elements (``made``) or moved some out of document
        order: the indexes are built again when next asked, and the source map ranks start
        tags among ``parsed``, every parsed element in source order as listed before the
        first repair (no made-up element in it: it has no start tag)."""
        self._made_up.update(made)
        if self._parsed is None:
            self._parsed = parsed
        for name in ("elements", "by_tag", "by_attribute", "order"):
            self.__dict__.pop(name, None)

    def close(self) -> None:
        """Drop every memo and index once the page is audited. Memos hold objects that point
        back at the page (its cascade, its visibility), so a page dropped whole is a web of
        reference cycles that Python's cyclic collector must trace, element by element;
        emptied, it is freed by reference counting as soon as the last reference goes. The
        page stays usable: what is asked again is worked out again."""
        self._memo.clear()
        self._name_cache.clear()
        self._role_cache.clear()
        for name in [name for name in vars(self) if name in _CACHED]:
            del self.__dict__[name]

    def memo(self, key: object, compute: Callable[[Page], T]) -> T:
        """A value derived from this page, computed once: the one cache the semantics and
        checks use for per-page indexes (stylesheet hints, ARIA attribute holders...)."""
        try:
            return self._memo[key]  # type: ignore[return-value]
        except KeyError:
            value = self._memo[key] = compute(self)
            return value

    # -- the tag index: one walk, shared by everything ------------------------------------

    @cached_property
    def by_tag(self) -> dict[str, list[Element]]:
        """Elements by lower-case local name, in document order."""
        return self._index_elements()[0]

    def tags(self, name: str) -> list[Element]:
        """Elements with this tag name, in document order (several: :meth:`select`)."""
        return self.by_tag.get(name, [])

    @cached_property
    def by_attribute(self) -> dict[str, list[Element]]:
        """Elements carrying each attribute (by name as parsed: lower case), in document order."""
        return self._index_elements()[1]

    def _index_elements(self) -> tuple[dict[str, list[Element]], dict[str, list[Element]]]:
        """Fill :attr:`by_tag` and :attr:`by_attribute` in one pass over the elements: every
        audit reads both (callgrind: 2.47 -> 2.41 M instructions a page for the two)."""
        tags: dict[str, list[Element]] = defaultdict(list)
        attributes: dict[str, list[Element]] = defaultdict(list)
        # The HTML parser's names are lower-case local names already: el.tag is tag_of(el)
        # without a call per element (half the time of the tag index).
        for el in self.elements:
            tags[el.tag].append(el)
            # keys(): a list, without the attrib proxy el.attrib builds (13% less time)
            for name in el.keys():  # noqa: SIM118 (an lxml element, not a dict)
                attributes[name].append(el)     # type: ignore[index]  # (str, not bytes)
        if any(name[0] == "{" for name in tags):   # namespaced names: not from our parser
            tags = defaultdict(list)
            for el in self.elements:
                tags[tag_of(el)].append(el)
        self.__dict__["by_tag"] = tags
        self.__dict__["by_attribute"] = attributes
        return tags, attributes

    def holders(self, name: str) -> set[Element]:
        """The elements carrying attribute ``name``, as a set, once per page: ``el in
        page.holders("role")`` is ``el.get("role") is not None`` for the page's elements at a
        set test's cost (lxml's ``get`` costs ~1,000 instructions even for an absent
        attribute, and most elements have none of the ones asked most: role, aria-label...)."""
        found = self._holders.get(name)
        if found is None:
            found = self._holders[name] = set(self.by_attribute.get(name, ()))
        return found

    @cached_property
    def _holders(self) -> dict[str, set[Element]]:
        return {}

    @cached_property
    def first_title_children(self) -> dict[Element, Element]:
        """Each element's first ``title`` child, for the few elements that have one (an SVG
        element's title names it), once a page: the name computation asks of every node
        with children it names."""
        found: dict[Element, Element] = {}
        for title in self.by_tag.get("title", ()):
            parent = title.getparent()
            if parent is not None and parent not in found:
                found[parent] = title
        return found

    @cached_property
    def naming_holders(self) -> tuple[set[Element], set[Element], set[Element], set[Element]]:
        """:meth:`holders` of aria-labelledby, aria-label, title and style, read once a
        page: the name computation's fast path (:mod:`a11y_audit.semantics.names`) tests
        them for every link, heading and node inside them it names (~700 calls a page)."""
        holders = self.holders
        return (holders("aria-labelledby"), holders("aria-label"), holders("title"),
                holders("style"))

    def values(self, name: str) -> dict[Element, str]:
        """Each element carrying attribute ``name``, with its value, in document order, read
        once per page: ``page.values("class").get(el)`` is ``el.get("class")`` for the
        page's elements at a dict look-up's cost (see :meth:`holders`), for the attributes
        several parts read for the same elements (the cascade's id and class keys, its
        ancestor keys, each match's style attribute)."""
        found = self._values.get(name)
        if found is None:
            elements = self.by_attribute.get(name, ())
            found = self._values[name] = dict(zip(
                elements, attribute_values(elements, name),  # type: ignore[arg-type]  # (set)
                strict=True))
        return found

    @cached_property
    def _values(self) -> dict[str, dict[Element, str]]:
        return {}

    @cached_property
    def _role_holders(self) -> set[Element]:
        # (role() asks for every element it meets: the set without holders()'s call)
        return self.holders("role")

    @cached_property
    def explicit_roles(self) -> dict[Element, str]:
        """Each element with an explicit role (:func:`aria.explicit_role`), read once per
        page: ``page.explicit_roles.get(el)`` is ``aria.explicit_role(el)`` for the page's
        elements at a dict look-up's cost, where rules and the role computation asked each
        element's role attribute again (~400 times a page)."""
        found: dict[Element, str] = {}
        role_of_value = aria.role_of_value
        for el, value in self.values("role").items():
            if value and (role := role_of_value(value)) is not None:
                found[el] = role
        return found

    def select(self, *branches: str) -> list[Element]:
        """Elements matching any branch, each once, in document order: the XPath union
        ``//tag|//tag[@attribute]|//*[@attribute]`` written ``"tag", "tag[attribute]",
        "*[attribute]"``, read from the tag and attribute indexes instead of walking the tree."""
        groups: list[list[Element]] = []
        for branch in branches:
            tag, attribute = _branch(branch)
            if tag == "*":
                groups.append(self.by_attribute.get(attribute, []))
            elif attribute:
                groups.append(self._tag_with_attribute(branch, tag, attribute))
            else:
                groups.append(self.by_tag.get(tag, []))
        if len(groups) > 1:
            groups = [group for group in groups if group]
            if len(groups) > 1:
                return sorted(set().union(*groups), key=self.order.__getitem__)
        # One group (``a[href]`` with no ``area[href]`` on the page...): in order already.
        return list(groups[0]) if groups else []

    def _tag_with_attribute(self, branch: str, tag: str, attribute: str) -> list[Element]:
        """The elements of ``tag`` that carry ``attribute``, once per page: several rules ask
        for the same (``a[href]`` three times a page, a pass over every link each)."""
        known = self._branches
        found = known.get(branch)
        if found is None:
            # (filtered in C by a set test, not el.get per element: see holders)
            found = known[branch] = list(filter(self.holders(attribute).__contains__,
                                                self.by_tag.get(tag, ())))
        return found

    @cached_property
    def _branches(self) -> dict[str, list[Element]]:
        return {}

    @cached_property
    def elements(self) -> list[Element]:
        """Every element, in document order."""
        return list(self.root.iter(etree.Element))

    @cached_property
    def order(self) -> dict[Element, int]:
        """Document position of each element (for before/after comparisons)."""
        elements = self.elements
        return dict(zip(elements, range(len(elements)), strict=True))

    @cached_property
    def tabbable(self) -> list[Element]:
        """Rendered elements in sequential focus navigation, in document order (positive
        tabindex values, rare on news pages, are not reordered)."""
        from a11y_audit.semantics.focus import tabbable_among

        candidates = self.select(
            "a[href]", "area[href]", "button", "input", "select", "textarea", "iframe",
            "summary", "audio[controls]", "video[controls]", "*[tabindex]", "*[contenteditable]",
        )
        return [el for el in tabbable_among(self, candidates) if self.is_rendered(el)]

    @cached_property
    def with_role(self) -> list[Element]:
        """Elements carrying a role attribute."""
        return self.select("*[role]")

    @cached_property
    def body(self) -> Element:
        found = self.by_tag.get("body")
        return found[0] if found else self.root

    # -- ids ------------------------------------------------------------------------------

    @cached_property
    def _id_index(self) -> tuple[dict[str, Element], dict[str, list[Element]]]:
        ids: dict[str, Element] = {}
        dupes: dict[str, list[Element]] = {}
        for el in self.by_attribute.get("id", []):
            value = el.get("id")
            if not value:
                continue
            if value in ids:
                dupes.setdefault(value, [ids[value]]).append(el)
            else:
                ids[value] = el
        return ids, dupes

    @property
    def ids(self) -> dict[str, Element]:
        """The first element with each id (what getElementById returns)."""
        return self._id_index[0]

    @property
    def duplicate_ids(self) -> dict[str, list[Element]]:
        return self._id_index[1]

    @cached_property
    def anchors_by_name(self) -> dict[str, Element]:
        """``<a name=...>`` targets, the legacy fragment target after ids."""
        out: dict[str, Element] = {}
        for el in filter(self.holders("name").__contains__, self.by_tag.get("a", ())):
            name = el.get("name")
            if name and name not in out:
                out[name] = el
        return out

    def fragment_target(self, fragment: str) -> Element | None:
        """The element a ``#fragment`` scrolls to (HTML "find a potential indicated element")."""
        for candidate in (fragment, unquote(fragment)):
            found = self.ids.get(candidate)
            if found is None:
                found = self.anchors_by_name.get(candidate)
            if found is not None:
                return found
        return None

    # -- semantics ------------------------------------------------------------------------

    @cached_property
    def _visibility(self) -> Visibility:
        # Imported here: the page model is the data; semantics read it, never the reverse at
        # import time (tests/test_layering.py).
        from a11y_audit.semantics.visibility import Visibility

        return Visibility(self)

    def is_hidden(self, el: Element) -> bool:
        """Hidden from assistive technology (not rendered per the cascade, aria-hidden, inert)."""
        # Asked ~1,400 times a page: read the memo first, the walk only when it misses.
        state = self._visibility.memo.get(el) or self._visibility.state(el)
        return state[0] or state[1] or state[2]

    def visibility_state(self, el: Element) -> tuple[bool, bool, bool]:
        """(display-hidden, visibility-hidden, aria-hidden or inert) as markup says; see
        :mod:`a11y_audit.semantics.visibility`."""
        return self._visibility.memo.get(el) or self._visibility.state(el)

    #: Viewport, site CSS and stylesheet loading for the cascade (set by the runner).
    style_environment: object | None = None

    def style(self, el: Element) -> Style:
        """The element's computed style (:mod:`a11y_audit.semantics.cascade`), memoised."""
        return self._cascade.style(el)

    def declares_font_size(self, el: Element) -> bool:
        """``style(el).font_size_own is not None``, without computing the style of elements
        that declare no font size (see :meth:`Cascade.declares_font_size`)."""
        return self._cascade.declares_font_size(el)

    @cached_property
    def _cascade(self) -> Cascade:
        # The page's one cascade (cascade_of memoises it), looked up once: style() is asked
        # for tens of thousands of elements a page, and an import statement per call shows.
        from a11y_audit.semantics.cascade import cascade_of

        return cascade_of(self)

    def visually_hidden(self, el: Element) -> str | None:
        """Why the element is hidden from sight while it stays in the accessibility tree
        (sr-only clipping, off-screen, zero size with overflow hidden, opacity 0), on itself
        or an ancestor; None when it is not. Not-rendered content is :meth:`is_rendered`'s."""
        return self._cascade.visually_hidden(el)

    def may_be_hidden(self, el: Element, sight: bool = False) -> str | None:
        """Why ``el`` (or an ancestor) may be hidden although the cascade shows it: a
        stylesheet rule it cannot evaluate (``@container``, deep nesting...) or an
        unknown ``display``/``visibility`` value; ``sight``: also such a rule that may hide
        it from sight only. None when nothing may hide it (see
        :meth:`a11y_audit.semantics.visibility.Visibility.may_be_hidden`)."""
        return self._visibility.may_be_hidden(el, sight)

    def opens_to_show(self, el: Element) -> bool:
        """Hidden only because a closed ``details`` holds it: a reader who opens the
        disclosure (its summary) meets it, rendered and not hidden from assistive
        technology."""
        if "details" not in self.by_tag or not self.is_hidden(el):
            return False
        return not any(self._visibility.opened_state(el))

    def is_rendered(self, el: Element) -> bool:
        """Rendered (not display:none, hidden, in template...); aria-hidden does not matter."""
        state = self._visibility.memo.get(el) or self._visibility.state(el)
        return not (state[0] or state[1])

    def role(self, el: Element) -> str:
        """The element's role: a valid explicit role, else its implicit HTML-AAM role ("" none).

        WAI-ARIA 1.2 section 7.3 "Presentational Roles Conflict Resolution": a presentational
        role (explicit, ``img alt=""``, or inherited) on a focusable element or an element with
        a global ARIA attribute is ignored, as browsers do. Section 5.4 "presentation": the
        required owned elements of a presentational list or table (``li``, ``tr``, ``td``...)
        without a role of their own inherit the presentational role.
        """
        cache = self._role_cache
        found = cache.get(el)
        if found is not None:
            return found
        if el not in self._role_holders:     # (a set test: see holders)
            # Most elements: no role attribute and a tag with one fixed role (div, p, span...).
            tag = el.tag
            found = aria.CONTEXT_FREE_ROLES.get(tag)
            if found is not None:
                cache[el] = found
                return found
            if tag == "a":   # the commonest element whose role depends on an attribute
                found = cache[el] = "link" if el in self.holders("href") else "generic"
                return found
        conflict = None  # computed once: focusable or carrying a global ARIA attribute
        explicit = role = self.explicit_roles.get(el)
        if role in aria.PRESENTATIONAL:
            conflict = self.is_focusable(el) or aria.has_global_attribute(el)
            if conflict:
                role = None
        if role is None:
            tag = el.tag   # the HTML parser's lower-case local name (see dom.tag_of)
            owners = aria.PRESENTATION_INHERITED_FROM.get(tag)
            parent = el.getparent()
            if (owners is not None and parent is not None and parent.tag in owners
                    and self.role(parent) in aria.PRESENTATIONAL):
                role = "none"
            else:
                has_name = None
                if tag in ("section", "form", "aside"):
                    from a11y_audit.semantics.names import accessible_name

                    cache[el] = ""  # guard: naming a section never needs its own role
                    has_name = bool(accessible_name(el, self))
                role = aria.implicit_role(el, has_name=has_name)
            if role in aria.PRESENTATIONAL and explicit is None:
                if conflict is None:
                    conflict = self.is_focusable(el) or aria.has_global_attribute(el)
                if conflict:
                    role = "img" if tag == "img" else aria.implicit_role(el)
                    role = "" if role in aria.PRESENTATIONAL else role
        cache[el] = role
        return role

    def is_focusable(self, el: Element) -> bool:
        """In sequential focus navigation or focusable by click, from markup alone."""
        from a11y_audit.semantics.focus import focusable_on

        return focusable_on(self, el)

    def name(self, el: Element) -> str:
        """The accessible name (accname 1.2), cached: a hit costs one dict look-up."""
        found = self._name_cache.get(el)
        if found is not None:
            return found
        return self._accessible_name(el, self)

    @cached_property
    def _accessible_name(self) -> Callable[[Element, Page], str]:
        # names imports this module: imported on first use, then read from the instance (an
        # import statement per missed name was ~30,000 a corpus pass)
        from a11y_audit.semantics.names import accessible_name

        return accessible_name

    @cached_property
    def _labels_index(self) -> dict[Element, list[Element]]:
        index: dict[Element, list[Element]] = defaultdict(list)
        for label in self.by_tag.get("label", []):
            target = None
            for_id = label.get("for")
            if for_id is not None:
                target = self.ids.get(for_id)
                if target is not None and target.tag not in _LABELABLE:
                    target = None
            else:
                for desc in label.iterdescendants(etree.Element):
                    if desc.tag in _LABELABLE and not (
                        desc.tag == "input" and (desc.get("type") or "").lower() == "hidden"
                    ):
                        target = desc
                        break
            if target is not None:
                index[target].append(label)
        return index

    def labels_for(self, el: Element) -> list[Element]:
        """The ``label`` elements that label a form control."""
        return self._labels_index.get(el, [])

    @cached_property
    def labels_by_for(self) -> dict[str, list[Element]]:
        """The ``label`` elements with a non-empty ``for``, by its value as written, each
        list in document order (whatever the value names: looked up per field, not a pass
        over every label each, which was quadratic on a form of thousands). Read-only."""
        found: dict[str, list[Element]] = {}
        for label in self.by_tag.get("label", []):
            target = label.get("for")
            if target:
                found.setdefault(target, []).append(label)
        return found

    # -- indexes rules read ---------------------------------------------------------------

    @cached_property
    def title(self) -> str:
        """``document.title``: the first HTML ``title`` in tree order (not in svg/template)."""
        from a11y_audit.semantics.document import title_element

        el = title_element(self)
        return normalize_space(dom.text_content(el)) if el is not None else ""

    @cached_property
    def canonical_url(self) -> str | None:
        """The page's own address as it declares it: ``<link rel="canonical">``, else
        ``<meta property="og:url">`` (absolute http(s) URLs only). News pages almost always
        carry one, so a saved file still knows which site it came from."""
        for el in self.select("link[href]", "meta[content]"):
            if tag_of(el) == "link":
                if "canonical" not in (el.get("rel") or "").lower().split():
                    continue
            elif el.get("property") != "og:url":
                continue
            value = (el.get("href") or el.get("content") or "").strip()
            if value.startswith(("http://", "https://")):
                return value
        return None

    @cached_property
    def lang(self) -> str | None:
        return self.root.get("lang") if tag_of(self.root) == "html" else None

    @cached_property
    def headings(self) -> list[Heading]:
        """h1-h6 and role=heading elements in document order, hidden ones flagged."""
        found: list[Heading] = []
        candidates = self.select("h1", "h2", "h3", "h4", "h5", "h6", "*[role]")
        for el in candidates:
            if self.role(el) != "heading":
                continue
            found.append(
                Heading(el, heading_level(el), self.name(el), self.is_hidden(el))
            )
        return found

    @cached_property
    def landmarks(self) -> list[Landmark]:
        """Landmark elements (explicit or implicit role) in document order, hidden ones excluded."""
        out: list[Landmark] = []
        candidates = self.select("header", "footer", "main", "nav", "aside", "section", "form",
                                 "search", "*[role]")
        for el in candidates:
            if self.is_hidden(el):
                continue
            role = self.role(el)
            if role in aria.LANDMARK_ROLES:
                explicit = self.explicit_roles.get(el) == role
                out.append(Landmark(el, role, self.name(el), explicit))
        return out

    @cached_property
    def images(self) -> list[Image]:
        out: list[Image] = []
        explicit_roles = self.explicit_roles
        for el in self.select("img", "svg", "input[type]", "*[role]"):
            tag = el.tag
            explicit = explicit_roles.get(el)
            if tag == "img":
                kind = "img"
            elif tag == "svg" or el.tag == f"{_SVG_NS}svg":
                kind = "svg"
            elif tag == "input" and (el.get("type") or "").strip().lower() == "image":
                kind = "input-image"
            elif explicit == "img":
                kind = "role-img"
            else:
                continue
            figure = _enclosing_figure(el)
            caption = _figcaption(figure) if figure is not None else None
            hidden = self.is_hidden(el)
            role = self.role(el)
            decorative = hidden or role in ("none", "presentation") or (
                kind == "img" and el.get("alt") == "" and explicit is None
            )
            out.append(Image(el, kind, el.get("src"), el.get("alt"), figure, caption, hidden,
                             decorative))
        return out

    @cached_property
    def links(self) -> list[Link]:
        """``a[href]`` and ``area[href]`` with their same-page fragment targets resolved."""
        out: list[Link] = []
        address = self.url or self.canonical_url
        base = _defragged(address)[0] if address else None
        state = self.visibility_state
        for el in self.select("a[href]", "area[href]"):
            href = el.get("href") or ""
            stripped = href.strip()
            fragment: str | None = None
            if "#" in stripped:         # (most links carry no fragment)
                if stripped[0] == "#":
                    fragment = stripped[1:]
                elif base and stripped.startswith(("http:", "https:")):
                    # (urldefrag parses the whole URL)
                    url, frag = _defragged(stripped)
                    if url == base and frag:
                        fragment = frag
            target = self.fragment_target(fragment) if fragment else None
            display, visibility, aria_hidden = state(el)
            rendered = not (display or visibility)
            out.append(_new_tuple(Link, (el, href, fragment, target,
                                         aria_hidden or not rendered, rendered)))
        return out

    # -- locations ------------------------------------------------------------------------

    @cached_property
    def selectors(self) -> Selectors:
        return Selectors(self.tags, self.ids, self.duplicate_ids, self.values, self._made_up)

    def css_path(self, el: Element) -> str:
        """A short selector matching exactly ``el``: a unique id or tag-unique class anchors
        it, then child steps (``nth-of-type`` only among same-tag siblings)."""
        return self.selectors.css_path(el)

    @cached_property
    def source_map(self) -> SourceMap | None:
        if self.markup is None:
            return None
        source_map = SourceMap(self.markup)
        for name, offsets in (self._left_out or {}).items():
            source_map.leave_out(name, offsets)
        return source_map

    def read_as(self, template: templates.Template, written: str | None = None) -> None:
        """Tell this page what the file it was parsed from is (:class:`Template
        <a11y_audit.templates.Template>`, as :func:`a11y_audit.runner.read_template` reads
        it): its family of template syntax, whether it is a partial, the spans it renders on
        a condition or once an item, a Markdown story's images without a description; and
        its text as written, where that differs from the text parsed
        (:meth:`show_as_written`)."""
        self.template, self.fragment = template.family, template.fragment
        self.conditions, self.loops = template.conditions, template.loops
        self.undescribed_images = template.undescribed_images
        if written is not None:
            self.show_as_written(written)

    def show_as_written(self, written: str) -> None:
        """Show this template page's markup as ``written`` (the template's text, of which
        :attr:`markup` is the text parsed, as long, its lines where they were): snippets
        cut from it, and each expression a message quotes from the tree (an attribute's
        value, an element's text) as the template writes it (:meth:`as_written`)."""
        self.written = written
        source_map = self.source_map
        if source_map is not None:
            source_map.shown = written

    def as_written(self, text: str) -> str:
        """``text`` (a message, a snippet rebuilt from the tree) with each template
        expression in it as the template writes it: ``@Model.Image.Url``, not the
        ``{{Model.Image.U}`` the page model parsed (:func:`a11y_audit.templates.as_written`)."""
        if self.written is None or "{{" not in text:
            return text
        return templates.as_written(text, self.memo(_WRITTEN_EXPRESSIONS, _written_expressions))

    def line(self, el: Element) -> int | None:
        """The line the element's start tag begins on, as its findings give it (libxml2's
        ``sourceline`` is the line the tag ends on: :meth:`location`), in the file the page
        is read from (:attr:`first_line`; :meth:`location`'s lines are the markup's)."""
        line = self.location(el).line
        return line + self.first_line - 1 if line is not None else None

    def source_offset(self, el: Element) -> int | None:
        """Where the element's start tag begins in the text parsed (None where it has none
        of its own, or none was found)."""
        where = self.location(el)
        source_map = self.source_map
        if where.column is None or where.line is None or source_map is None:
            return None
        return source_map.offset(where.line, where.column)

    def location(self, el: Element) -> Location:
        """Line, column and the element's markup as written (see :mod:`a11y_audit.source_map`)."""
        found = self._locations.get(el)
        if found is None:
            if el in self._made_up:     # no start tag of its own: never another's
                found = Location(el.sourceline,  # type: ignore[arg-type]  # (stubbed as ...)
                                 None, None, dom.opening_tag(el, 10_000))
            else:
                found = locate(self.source_map, el, self._parsed_tags(el.tag))
            self._locations[el] = found
        return found

    def _parsed_tags(self, name: str) -> list[Element]:
        """The elements of a tag as parsed, in source order, since the source map matches an
        element to the k-th start tag of its name: :meth:`tags`, but with the content set
        apart from the document (templates, noscripts) and without the table parts the page
        model implies, and in source order where a table's foster-parented content moved."""
        if self._parsed is None:
            return self.tags(name)
        by_tag = self._parsed_by_tag
        if by_tag is None:
            by_tag = self._parsed_by_tag = defaultdict(list)
            for el in self._parsed:
                by_tag[el.tag].append(el)
        return by_tag.get(name, [])

    _parsed_by_tag: dict[str, list[Element]] | None = None

    @cached_property
    def _locations(self) -> dict[Element, Location]:
        return {}

    def xpath(self, el: Element) -> str:
        """lxml's ``getpath``, memoised and linear (see :meth:`Selectors.paths`)."""
        return self.selectors.xpath(el)

    def template_path(self, el: Element) -> str:
        """:func:`a11y_audit.fingerprint.template_path`, memoised (see :meth:`Selectors.paths`)."""
        return self.selectors.template_path(el)


def _class_lookup() -> etree.ElementDefaultClassLookup:
    """lxml.html's ``HtmlElement`` for every element (its comment, entity and processing
    instruction classes for the rest), chosen in C. ``html.HTMLParser`` looks each element's
    class up in a Python method, once per element proxy, which cost more than parsing the
    page. Its per-tag classes (``FormElement``, ``InputElement``...) add form-filling helpers
    (``.value``, ``.fields``) that nothing here reads, and even looked up in C (an
    ``ElementNamespaceClassLookup`` by tag name) they cost ~800 instructions an element
    proxy: listing the elements of a page, ~1,870 instructions an element against ~1,070."""
    return etree.ElementDefaultClassLookup(
        element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction,
        entity=html.HtmlEntity)


_CLASS_LOOKUP = _class_lookup()
_new_tuple = tuple.__new__    # (a named tuple's generated __new__ is a Python call more)

_WRITTEN_EXPRESSIONS = "page.written_expressions"     # Page.memo key


def _written_expressions(page: Page) -> dict[str, str]:
    assert page.written is not None and page.markup is not None
    return templates.written_expressions(page.markup, page.written)


# The page's indexes kept in its __dict__ (cached properties), which close() drops
_CACHED = frozenset(name for name, value in vars(Page).items()
                    if isinstance(value, cached_property))

_LABELABLE = frozenset(("button", "input", "meter", "output", "progress", "select", "textarea"))

# HTML5 void elements that libxml2's HTML 4 parser does not know: it nests whatever follows
# them inside them (an <embed> swallows the rest of the page, <source> the <img> of a <picture>).
_UNKNOWN_VOIDS = ("embed", "source", "track", "wbr", "keygen")


@lru_cache(maxsize=1024)
def _branch(branch: str) -> tuple[str, str]:
    """:meth:`Page.select`'s ``"tag[attribute]"`` as (tag, attribute); the attribute is empty
    for a bare tag. Rules ask for the same few branches on every page."""
    tag, _, attribute = branch.rstrip("]").partition("[")
    return tag, attribute


_TABLE_SECTIONS = frozenset(("thead", "tbody", "tfoot"))
_CELLS = frozenset(("td", "th"))
# What HTML's parser puts into the table part it has open (a body, a row) rather than moving
# it out of the table: scripts, styles and templates (and comments and white space)
_INTO_OPEN_PART = frozenset(("script", "style", "template"))


# What stays where it is written in a table, a section or a row; anything else goes before
# the table (HTML, "in table" insertion mode: "anything else" is foster-parented). A form
# (inserted empty where it is, its content left in the table) and a table (which ends the
# one it is in) are left as libxml2 placed them.
_STAYS_IN_TABLE = frozenset(("caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr",
                             "td", "th", "script", "style", "template", "form", "table"))
_TABLE_STRUCTURE = ("tr", "td", "th", "thead", "tbody", "tfoot", "caption", "col",
                    "colgroup", "table")


def _foster_parent(table: Element, container: Element) -> bool:
    """Move what HTML's parser foster-parents out of ``container`` (the table, then its
    sections and rows, in document order) to just before ``table``; True if anything
    moved."""
    moved = False
    text = container.text
    if text and text.strip(ASCII_WHITESPACE):     # (HTML's white space, not str's)
        container.text = None
        _text_before(table, text)
        moved = True
    for child in list(container):
        tag = child.tag
        if tag == "tr" or tag in _TABLE_SECTIONS:
            moved = _foster_parent(table, child) or moved
        elif isinstance(tag, str) and tag not in _STAYS_IN_TABLE and not (
                tag == "input" and (child.get("type") or "").strip().lower() == "hidden"
        ) and next(child.iterdescendants(*_TABLE_STRUCTURE), None) is None:
            tail, child.tail = child.tail, None
            if tail and not tail.strip(ASCII_WHITESPACE):   # white space stays in the table
                _text_before(child, tail)
                tail = None
            table.addprevious(child)
            child.tail = _xml_text(tail)
            moved = True
            continue
        tail = child.tail
        if tail and tail.strip(ASCII_WHITESPACE):
            child.tail = None
            _text_before(table, tail)
            moved = True
    return moved


def _imply_table_parts(table: Element, made: list[Element]) -> None:
    """:meth:`Page._imply_table_parts` for one table; each element made is added to
    ``made``, with the line of the first element it holds."""
    body: Element | None = None     # the tbody implied, open
    row: Element | None = None      # the tr implied in it, open
    group: Element | None = None    # the colgroup implied, open
    for child in list(table):
        tag = child.tag
        if tag == "col":
            body = row = None
            if group is None:
                group = _implied(table, child, "colgroup", made)
            group.append(child)
        elif tag == "tr":
            group = row = None
            if body is None:
                body = _implied(table, child, "tbody", made)
            body.append(child)
        elif tag in _CELLS:
            group = None
            if body is None:
                body = _implied(table, child, "tbody", made)
            if row is None:
                row = _implied(body, None, "tr", made, child)
            row.append(child)
        elif tag == "caption" or tag == "colgroup" or tag in _TABLE_SECTIONS:
            body = row = group = None
            if tag in _TABLE_SECTIONS:
                _imply_rows(child, made)
        elif (body is not None or group is not None) and (
                not isinstance(tag, str) or tag in _INTO_OPEN_PART):
            (row if row is not None else body if body is not None else group
             ).append(child)  # type: ignore[union-attr]  # (one is open)
        # anything else stays where libxml2 put it: what fostering left (a form, a table,
        # an element holding rows)


def _imply_rows(section: Element, made: list[Element]) -> None:
    """A ``tr`` around cells written straight into a ``thead``, ``tbody`` or ``tfoot``."""
    row: Element | None = None
    for child in list(section):
        tag = child.tag
        if tag in _CELLS:
            if row is None:
                row = _implied(section, child, "tr", made)
            row.append(child)
        elif tag == "tr":
            row = None
        elif row is not None and (not isinstance(tag, str) or tag in _INTO_OPEN_PART):
            row.append(child)


def _implied(parent: Element, before: Element | None, tag: str, made: list[Element],
             first: Element | None = None) -> Element:
    """A new ``tag`` element in ``parent``, before ``before`` (at the end when None), on
    the line of ``before`` (or ``first``), the element it is made to hold first."""
    el = parent.makeelement(tag, {})
    if before is None:
        parent.append(el)
    else:
        parent.insert(parent.index(before), el)
    line = (before if before is not None else first).sourceline  # type: ignore[union-attr]
    if line is not None:
        el.sourceline = line
    made.append(el)
    return el


_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


def _one_holds_another(elements: Sequence[Element]) -> bool:
    """Whether one of ``elements`` (all of one tag) holds another of that tag: a search in C
    of the subtree of each one with child elements, stopped at the first found (a loop, not
    any() over a generator: half the time; and an element of text only builds no
    iterator)."""
    if len(elements) < 2:
        return False
    tag = elements[0].tag
    for el in elements:
        if len(el):
            for _ in el.iterdescendants(tag):
                return True
    return False


def _lift_out(el: Element, container: Element) -> None:
    """Move ``el`` and everything after it inside ``container`` (its following siblings,
    then those of each ancestor up to ``container``, with the text between them) to just
    after ``container``, in document order: what HTML's parser builds when ``el``'s start
    tag closes ``container``. Elements that were open between them are closed where
    ``el`` began (a browser reopens formatting elements such as ``b`` around what
    follows; they are not reopened here)."""
    if container.getparent() is None:   # (the root: nothing goes after it)
        return
    moved: list[Element | str] = [el, *el.itersiblings()]
    node = el.getparent()
    while node is not None and node is not container:
        if node.tail:
            moved.append(node.tail)
            node.tail = None
        moved.extend(node.itersiblings())
        node = node.getparent()
    after = container.tail
    container.tail = None
    last = container
    for item in moved:
        if isinstance(item, str):
            last.tail = _joined_text(last.tail, item)
        else:
            last.addnext(item)      # with its tail, after last's
            last = item
    if after:
        last.tail = _joined_text(last.tail, after)


# An ``a`` above a marker is not found by an ``a`` start tag below it (and SVG's and
# MathML's ``a`` are other elements)
_LINK_MARKERS = MARKERS | {"svg", "math"}
_ADOPTION_LIMIT = 8     # the algorithm's outer loop runs at most 8 times


def _split_link(link: Element, inner: Element, made: list[Element]) -> bool:
    """:meth:`Page._split_nested_links` for one link and the first link inside it; whether
    the browser splits them."""
    path: list[Element] = []       # the elements between them, outermost first
    node = inner.getparent()
    while node is not None and node is not link:
        path.append(node)
        node = node.getparent()
    path.reverse()
    if any(el.tag in _LINK_MARKERS for el in path):
        return False
    blocks = [at for at, el in enumerate(path) if el.tag in SPECIAL]
    if not blocks:
        _lift_out(inner, link)
        return True
    if len(blocks) > _ADOPTION_LIMIT:
        return False    # the browser keeps the inner link inside the 8th copy: nested
    last = blocks[-1]
    if last + 1 < len(path):
        # what follows the inner link below the last block goes into it, after the inner
        # link (what was open there closes where the inner link begins)
        _lift_out(inner, path[last + 1])
    holder = link
    for at in blocks:
        block = path[at]
        _lift_out(block, holder)    # the block, and what follows it in the holder, after it
        copy = start_tag_copy(holder)
        made.append(copy)
        # The copy takes the block's content up to the way to the inner link (that child
        # itself too, unless it is the inner link): what follows is written after the
        # inner link's start tag, and stays in the block after the copy.
        way = inner if block is inner.getparent() else path[at + 1]
        taken = list(way.itersiblings(preceding=True))[::-1]
        if way is not inner:
            taken.append(way)
        after = way.tail if way is not inner else None
        copy.text, block.text = _xml_text(block.text), None
        if way is not inner:
            way.tail = None
        block.insert(0, copy)
        copy.extend(taken)      # each with its tail
        if after is not None:
            copy.tail = _xml_text(after)
        holder = copy
    return True


# The table parts, each with the parents a table's tree gives it (after the parts HTML's
# parser implies: _imply_table_parts)
_TABLE_PARTS: dict[str, tuple[str, ...]] = {
    "caption": ("table",), "colgroup": ("table",), "col": ("colgroup", "table"),
    "tbody": ("table",), "thead": ("table",), "tfoot": ("table",),
    "tr": ("tbody", "thead", "tfoot", "table"), "td": ("tr",), "th": ("tr",)}


def _parent_tag(el: Element) -> str | None:
    parent = el.getparent()
    return parent.tag if parent is not None else None


def _unwrap(el: Element) -> None:
    """Put what ``el`` holds (its text, its children) in its place, and drop it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.text:
        _text_before(el, el.text)
    for child in list(el):
        el.addprevious(child)       # with its tail
    if el.tail:
        _text_before(el, el.tail)
    el.tail = None
    parent.remove(el)


def _declare_html(root: Element) -> None:
    """The document of ``root``, parsed with no doctype (libxml2 then reports an HTML 4.0
    Transitional one), declares ``<!DOCTYPE html>``, as the renderer that writes it
    before the markup makes it (no public or system identifier)."""
    info = root.getroottree().docinfo
    info.system_url = None      # type: ignore[attr-defined]  # (not in lxml-stubs)
    info.public_id = None


def _merge_stray_roots(root: Element) -> None:
    """libxml2 can leave several top-level ``html`` elements in broken markup (a ``<!DOCTYPE``
    whose ``>`` is missing): lxml's root is then the first, often empty, while the page lives
    in the next. Move everything into the root, as an HTML5 parser's single tree would have."""
    tops: list[Element] = root.xpath("/*")  # type: ignore[assignment]  # (elements only)
    if len(tops) < 2:
        return
    for extra in tops:
        if extra is root:
            continue
        for child in list(extra):
            root.append(child)
        for name, value in extra.items():
            try:
                present = root.get(name) is not None
            except ValueError:
                continue    # (a name with a control character, "a\x01b": lxml refuses it)
            if not present:
                # libxml2 keeps control characters in attribute values that lxml refuses
                # to set ("\x01"): they become U+FFFD, as in text
                root.set(name, _xml_text(value))  # type: ignore[arg-type]  # (str in, str out)
        extra.attrib.clear()


# The elements whose start tag, written again where the element is open, adds its
# attributes to it (HTML, 13.2.6.4.7, "in body": an "html" or a "body" start tag)
_ROOT_TAGS = frozenset(("html", "body"))
_ATTRIBUTES_PARSER = etree.HTMLParser(collect_ids=False)


def _add_attributes_of_late_tags(root: Element, text: str, source_map: SourceMap,
                                 names: AbstractSet[str]) -> None:
    """Give the ``html`` and ``body`` elements the attributes written on their tags where
    the element was open already (of ``names``), each they do not have yet, in source
    order, as HTML's parser does: a page that writes a ``<script>``, a ``<meta>`` or text
    before ``<!doctype html><html lang="en">`` (a tag manager's snippet pasted above it),
    or a ``<div>`` in the head before ``<body class="single post">``, began the element
    there. libxml2 drops such a tag with its attributes ("misplaced <html> tag"): the page
    had no ``lang`` for html-has-lang, and its CSS's body classes matched nothing."""
    body = root.find("body")
    for name in sorted(names):
        element = root if name == "html" else body
        if element is None:
            continue
        for start in source_map.starts(name):
            tag = text[start:source_map.head_end(start)]
            for attribute, value in _attributes_of(tag, len(name) + 1):
                with suppress(ValueError):  # (a name lxml refuses to look up or set: "\x01a")
                    if element.get(attribute) is None:
                        element.set(attribute, _xml_text(value))  # type: ignore[arg-type]


def _attributes_of(tag: str, name_length: int) -> list[tuple[str, str]]:
    """The attributes of a start tag's text (``<body class="a" id=b>``; its name is
    ``name_length`` characters with the ``<``), as libxml2 reads them."""
    parsed = etree.fromstring("<i" + tag[name_length:], _ATTRIBUTES_PARSER)
    element = parsed.find(".//i") if parsed is not None else None
    return element.items() if element is not None else []  # type: ignore[return-value]


# What HTML's parser puts in the head when a page writes it between ``</head>`` and ``<body>``
# ("after head" insertion mode); anything else there starts the body (libxml2 agrees).
_AFTER_HEAD_INTO_HEAD = frozenset(("base", "basefont", "bgsound", "link", "meta", "noframes",
                                   "script", "style", "template", "title"))


def _into_head_and_body(root: Element) -> None:
    """Put what a page writes after ``</body>`` or ``</html>`` into the body, the head's
    elements written between ``</head>`` and ``<body>`` into the head, and the body's
    content libxml2 kept in the head into the body (:func:`_out_of_head`), as HTML's parser
    does (its "after body", "after head" and "in head" insertion modes). libxml2 leaves the
    first two as children of ``html``: a tracking pixel after ``</html>`` was no element of
    the body, so outside every landmark and with a selector (``html > img``) no browser tool
    matches. Comments stay where they are; elements only move, in document order (the
    source map's ranks)."""
    body = head = None
    into_head = []
    for child in root:
        if child.tag == "body":
            body = child
            break
        if child.tag == "head":
            head = child
        elif head is not None and child.tag in _AFTER_HEAD_INTO_HEAD:
            into_head.append(child)
    if head is not None:
        head.extend(into_head)      # each with its tail (white space, nearly always)
        body = _out_of_head(head, body)
    if body is None:
        return
    if body.tail is not None and not body.tail.strip(ASCII_WHITESPACE):
        body.tail = None
    following = []
    for node in body.itersiblings():
        if node.tag in ("body", "head"):
            break   # a second document's, from stray roots (_merge_stray_roots): as it is
        following.append(node)
    if not following and body.tail is None:
        return
    text, body.tail = body.tail, None
    for node in following:
        if isinstance(node.tag, str):
            if text is not None:
                _text_at_end(body, text)
                text = None
            body.append(node)       # with its tail
        elif node.tail is not None and node.tail.strip(ASCII_WHITESPACE):
            text, node.tail = _joined_text(text, node.tail), None
    if text is not None:
        _text_at_end(body, text)


# What HTML's parser keeps in the head ("in head" insertion mode): any other element there
# ends the head, and it and what follows go into the body.
_HEAD_CONTENT = _AFTER_HEAD_INTO_HEAD | {"noscript"}


def _out_of_head(head: Element, body: Element | None) -> Element | None:
    """Move the body's content that libxml2 kept in the head into the body; the body,
    made when libxml2 made none. Where a page writes no ``<body>`` tag (a minimal template,
    a partial), libxml2 ends an open head only at an element it knows from HTML 4: a
    ``<header>``, ``<main>``, ``<nav>``, ``<figure>``, ``<button>`` or ``<label>`` after the
    ``<title>`` stayed in the head with all that followed, where a browser starts the body
    with it. Every rule then missed the page's content (the head is not rendered), and
    landmark-one-main and page-has-heading-one failed a page that has both."""
    for first in head.iterchildren(etree.Element):
        if first.tag not in _HEAD_CONTENT:
            break
    else:
        return body
    moved = [first, *first.itersiblings()]
    if body is None:
        body = head.makeelement("body", {})
        if first.sourceline is not None:
            body.sourceline = first.sourceline
        head.addnext(body)
        body.tail, head.tail = _xml_text(head.tail), None
    if body.text is not None:       # the body's own first text follows what moves in
        moved[-1].tail = _joined_text(moved[-1].tail, body.text)
        body.text = None
    for at, node in enumerate(moved):
        body.insert(at, node)       # with its tail
    return body


def _parse(markup: bytes) -> tuple[Element, ParserLog]:
    """libxml2's tree of ``markup`` (UTF-8 bytes), and what its parser reported.

    ``collect_ids=False``: libxml2 keeps no table of ids (for lxml's ``getelementbyid``, which
    nothing here calls: the page indexes its ids itself), so it reports no "ID already
    defined" error either. A page that repeats ids a hundred times filled lxml's log (it
    keeps 100 errors), and hid the errors the repairs look for; 481 of the corpus's 481
    parser errors were those. Parsing is ~4% faster without the table."""
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=False, huge_tree=True,
                              collect_ids=False)
    parser.set_element_class_lookup(_CLASS_LOOKUP)
    try:
        # (isspace, not strip: an emptiness test that copies no page)
        root = (html.document_fromstring(markup, parser=parser)
                if markup and not markup.isspace() else None)
    except etree.ParserError:  # "Document is empty": nothing but a declaration or comment
        root = None
    if root is None:
        root = html.document_fromstring(b"<html><body></body></html>", parser=parser)
    return root, read_parser_log(parser.error_log)


def _br_end_tag_locations(root: Element, text: str, markup: bytes, spans: list[tuple[int, int]],
                          source_map: SourceMap
                          ) -> tuple[dict[Element, Location], dict[Element, tuple[int, int]]]:
    """The line breaks written ``</br>`` (:mod:`a11y_audit.br_end_tags`) in ``root`` (the
    tree as parsed), each with its location, and its offsets in the text: its end tag. The
    page leaves them out of the elements the source map ranks among the start tags of
    ``br``.

    The parsed ``br`` elements are in source order those start tags and these end tags
    (by their offsets). Where libxml2 made another number of them, which no page here
    showed, none is told apart: a finding on a ``br`` may then be located at another."""
    # each end tag's offsets in the text and its line's start, from the last one's (as
    # self_closing does: a page of many on one line is read once, not once for each)
    in_text = iter(_text_offsets(markup, [at for span in spans for at in span]))
    line_start = 0
    ends: list[tuple[int, int, int]] = []
    for start, end in zip(in_text, in_text, strict=True):
        line_start = text.rfind("\n", line_start, start) + 1 or line_start
        ends.append((start, end, line_start))
    written = source_map.starts("br")
    parsed = list(root.iter("br"))
    if len(parsed) != len(written) + len(ends):
        return {}, {}
    order = sorted([(offset, None) for offset in written] + [(s[0], s) for s in ends])
    found: dict[Element, Location] = {}
    offsets: dict[Element, tuple[int, int]] = {}
    for el, (_, span) in zip(parsed, order, strict=True):   # (counted above)
        if span is not None:
            start, end, line_start = span
            found[el] = Location(el.sourceline,  # type: ignore[arg-type]  # (stubbed as ...)
                                 start - line_start + 1, text[start:end], text[start:end])
            offsets[el] = (start, end)
    return found, offsets


def _text_offsets(markup: bytes, offsets: list[int]) -> list[int]:
    """The offsets in the text of ``offsets`` in its UTF-8 bytes ``markup`` (in order)."""
    at_byte = at_char = 0
    found: list[int] = []
    for offset in offsets:
        at_char += len(markup[at_byte:offset].decode("utf-8", "replace"))
        at_byte = offset
        found.append(at_char)
    return found


_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_DOCTYPE = re.compile(rb"<!doctype", re.I)


def _unnest_void_elements(root: Element) -> None:
    """Move the children of void elements out after them, as an HTML5 parser would have."""
    for el in list(root.iter(*_UNKNOWN_VOIDS)):
        if len(el) == 0 and not el.text:
            continue
        parent = el.getparent()
        if parent is None:
            continue
        children = list(el)
        old_tail = el.tail
        el.tail = _xml_text(el.text)
        el.text = None
        position = parent.index(el)
        for offset, child in enumerate(children, start=1):
            parent.insert(position + offset, child)
        last = children[-1] if children else el
        last.tail = _xml_text((last.tail or "") + (old_tail or "")) or None


_LEVEL = re.compile(r"^\s*(\d+)\s*$")


def heading_level(el: Element) -> int:
    """aria-level when it is a positive integer, else the h1-h6 number, else 2 (ARIA default)."""
    match = _LEVEL.match(el.get("aria-level") or "")
    if match and (level := dom.integer(match.group(1))) > 0:
        return level
    tag = el.tag
    if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
        return int(tag[1])
    return 2


def _enclosing_figure(el: Element) -> Element | None:
    return next(el.iterancestors("figure"), None)


def _figcaption(figure: Element) -> Element | None:
    """The figure's caption: its figcaption child, or a nested one not in an inner figure."""
    child = next(figure.iterchildren("figcaption"), None)
    if child is not None:
        return child
    for desc in figure.iterdescendants("figcaption"):
        if _enclosing_figure(desc) is figure:
            return desc
    return None


def _defragged(url: str) -> tuple[str | None, str]:
    """``urldefrag(url)``: the address without its fragment, and the fragment; (None, "")
    for an address Python's parser refuses (``http://[#``, an unclosed IPv6 host), which
    can be no page's own address."""
    try:
        found = urldefrag(url)
    except ValueError:
        return None, ""
    return found[0], found[1]
