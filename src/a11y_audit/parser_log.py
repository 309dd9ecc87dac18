"""What libxml2's HTML parser reported about a page, read once from its error log.

The page model's repairs of libxml2's tree (``</br>``, misnested end tags, headings closed by
another level's end tag) look for their cases only where the parser reported one: an end
tag it did not expect, or one it ignored because an element inside was open. lxml keeps a
parser's first 100 errors (:data:`a11y_audit.limits.LXML_ERROR_LOG_SIZE`): a full log may
hide a report, and the repairs then look for their cases anyway. libxml2 keeps no table of
ids here (``collect_ids=False``), so repeated ids do not fill it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from lxml import etree

from a11y_audit.limits import LXML_ERROR_LOG_SIZE

_MISMATCH = re.compile(r"Opening and ending tag mismatch: (\S+) and (\S+)")
_UNEXPECTED = "Unexpected end tag :"
_MISPLACED = re.compile(r"misplaced <(\w+)> tag")
_TOO_DEEP = "Excessive depth"


class ParserLog(NamedTuple):
    # (end tag, element open inside it) of each end tag ignored because that element was
    # open: ``</a>`` while a ``div`` in the link was ("a", "div")
    mismatched: frozenset[tuple[str, str]]
    unexpected: frozenset[str]      # names of end tags ignored with no element of theirs open
    full: bool                      # the log holds as many errors as lxml keeps
    too_deep_at: int | None         # the line where libxml2 stopped at its nesting limit
    # names of start tags dropped because their element was open already: ``<body class>``
    # after content that started the body ("misplaced <body> tag")
    misplaced: frozenset[str] = frozenset()

    def may_have_ignored(self, names: Iterable[str]) -> bool:
        """Whether an end tag of one of ``names`` may have been ignored as unexpected."""
        return self.full or not self.unexpected.isdisjoint(names)


def read(entries: Iterable[etree._LogEntry]) -> ParserLog:
    mismatched = set()
    unexpected = set()
    misplaced = set()
    too_deep_at = None
    count = 0
    for entry in entries:
        count += 1
        message = entry.message
        m = _MISMATCH.search(message)
        if m is not None:
            mismatched.add((m.group(1), m.group(2)))
        elif message.startswith(_UNEXPECTED):
            unexpected.add(message[len(_UNEXPECTED):].strip())
        elif _TOO_DEEP in message and too_deep_at is None:
            too_deep_at = entry.line
        else:
            m = _MISPLACED.search(message)
            if m is not None:
                misplaced.add(m.group(1))
    return ParserLog(frozenset(mismatched), frozenset(unexpected),
                     count >= LXML_ERROR_LOG_SIZE, too_deep_at, frozenset(misplaced))
