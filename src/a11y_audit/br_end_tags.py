"""``</br>``, an end tag that HTML's parser reads as a ``<br>`` start tag.

Hand-written article text and old CMS templates write ``Read</br>more``. HTML's parser
makes a line break of it (HTML, "in body" insertion mode: an end tag "br" is a parse error,
and is treated as a ``br`` start tag without attributes), so a browser, axe-core in it and a
screen reader read "Read more". libxml2's parser drops the tag, and the words run together:
a link named "Readmore", a visible label that no longer matches its ``aria-label``.

Where libxml2 reported such a tag, the bytes are searched for them, each is written as a
start tag of the same length (``</br>`` becomes ``<br >``, an end tag's attributes become
spaces, its line breaks stay), and the page is parsed again: every offset and line of the
source stays as written. The source text is not changed: a finding on such a line break is
located at its ``</br>``.
"""

from __future__ import annotations

import re

from a11y_audit.self_closing import TAG_LIMIT, tags_outside_text
from a11y_audit.source_map import TAG_ATTRIBUTES

_CANDIDATE = re.compile(rb"</br(?=[\t\n\f\r />])", re.I)
# The whole end tag: quoted values may hold ">". Read within a bound: a page of "</br" and
# quotes and no ">" would otherwise be read to its end once for each.
_TAG = re.compile(rf"</br{TAG_ATTRIBUTES}>".encode(), re.I)
_KEPT = frozenset(b"\n\r")     # (libxml2 counts lines by them)


def br_end_tags(markup: bytes) -> list[tuple[int, int]]:
    """The spans in ``markup`` (UTF-8 bytes) of the ``</br>`` end tags that HTML's parser
    reads as ``<br>``: outside comments, scripts, styles, titles and text areas, and not in
    another tag (an attribute value). One regex search on a page without one (1.6 M
    instructions for the corpus's mean page: a page is searched only where its parser
    reported one, :mod:`a11y_audit.parser_log`; four ``find``, one for each spelling, cost
    twice as much)."""
    spans = []
    for found in tags_outside_text(markup, _CANDIDATE.finditer(markup)):
        start = found.start()
        tag = _TAG.match(markup, start, start + TAG_LIMIT)
        if tag is not None:
            spans.append((start, tag.end()))
    return spans


def as_start_tags(markup: bytes, spans: list[tuple[int, int]]) -> bytes:
    """``markup`` with each span's ``</br ...>`` written ``<br    >``, byte for byte as long."""
    written = bytearray(markup)
    for start, end in spans:
        written[start + 1:start + 4] = markup[start + 2:start + 4] + b" "
        for at in range(start + 4, end - 1):
            if written[at] not in _KEPT:
                written[at] = 0x20
    return bytes(written)
