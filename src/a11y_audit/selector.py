"""Short CSS selectors that match exactly one element.

From the element up, the first ancestor-or-self that is unique on its own anchors the selector:
an id (``#main``), else a tag with a class no other element of that tag has
(``ul.navbar-nav``). Below the anchor, each step is the tag, with ``:nth-of-type(n)`` only where
the parent has several children of that tag. Sibling positions are computed once per parent, so
locating every child of a long list is linear in its length, not quadratic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

from lxml import etree

from a11y_audit.dom import tag_of

_CSS_IDENT = re.compile(r"^-?[A-Za-z_][A-Za-z0-9_-]*$")


class Selectors:
    """Selector builder for one document: ``ids`` maps each id to its first element,
    ``duplicates`` holds the ids that more than one element has."""

    def __init__(self, by_tag: Callable[[str], Iterable[etree._Element]],
                 ids: dict[str, object], duplicates: Iterable[str] = ()) -> None:
        self._by_tag = by_tag
        self.ids = ids
        self.duplicates = frozenset(duplicates)
        self._class_counts: dict[str, Counter[str]] = {}
        self._anchors: dict[etree._Element, str | None] = {}
        self._positions: dict[etree._Element,
                              tuple[dict[etree._Element, int], dict[object, int]]] = {}
        self._css_paths: dict[etree._Element, str] = {}
        self._xpaths: dict[etree._Element, str] = {}

    def class_counts(self, tag: str) -> Counter[str]:
        """How many times each class is written on the elements of ``tag``: counted for a
        tag on first use, in one split of all their class attributes joined (a split and a
        set per element cost three times as much). A class written twice on one element is
        counted twice: :meth:`_anchor` allows for that."""
        counts = self._class_counts.get(tag)
        if counts is None:
            values = [el.get("class") for el in self._by_tag(tag)]
            counts = self._class_counts[tag] = Counter(
                " ".join(filter(None, values)).split())
        return counts

    def _anchor(self, el: etree._Element) -> str | None:
        node_id = el.get("id")
        if (node_id and self.ids.get(node_id) is el and node_id not in self.duplicates
                and _CSS_IDENT.match(node_id)):
            return f"#{node_id}"
        value = el.get("class")
        if value:
            tag = el.tag   # an element (it has a class): the lower-case local name
            counts = self.class_counts(tag)
            words = value.split()
            # Unique to ``el`` when every time the class is written is on ``el``.
            unique = [c for c in words
                      if (counts[c] == 1 or counts[c] == words.count(c)) and _CSS_IDENT.match(c)]
            if unique:
                return f"{tag}.{min(unique, key=len)}"
        return None

    def _siblings(self, parent: etree._Element
                  ) -> tuple[dict[etree._Element, int], dict[object, int]]:
        """The positions of ``parent``'s children: (child -> 1-based index among same-tag
        siblings, tag -> how many children have it), one pass per parent."""
        table = self._positions.get(parent)
        if table is None:
            # Plain dicts, one pass (a Counter and a second dict cost twice as much: this
            # runs for every ancestor of every located element).
            ranks: dict[etree._Element, int] = {}
            counts: dict[object, int] = {}
            for child in parent.iterchildren(etree.Element):   # elements, no comments
                tag = child.tag
                ranks[child] = counts[tag] = counts.get(tag, 0) + 1
            table = self._positions[parent] = (ranks, counts)
        return table

    def css_path(self, el: etree._Element) -> str:
        """The selector, memoised per element and built from the parent's: locating every
        element of a 1,000-deep chain costs one step each, not the whole chain again."""
        memo = self._css_paths
        found = memo.get(el)
        if found is not None:
            return found
        # Walk up to an anchor, the top, or an ancestor located before; then build down.
        # The memo and sibling tables are read inline: this loop runs for every ancestor
        # of every located element.
        anchors = self._anchors
        positions = self._positions
        chain: list[tuple[etree._Element, str]] = []
        node: etree._Element | None = el
        above: str | None = None
        while node is not None:
            step = anchors.get(node, _UNKNOWN)
            if step is _UNKNOWN:
                step = anchors[node] = self._anchor(node)
            if step is not None:
                chain.append((node, step))
                break
            tag = node.tag
            if type(tag) is not str or tag[0] == "{":
                tag = tag_of(node)
            parent = node.getparent()
            if parent is None or tag in ("html", "body", "head"):
                chain.append((node, tag))
                if tag == "html" or parent is None:
                    break
            else:
                table = positions.get(parent) or self._siblings(parent)
                if table[1][node.tag] > 1:
                    chain.append((node, f"{tag}:nth-of-type({table[0][node]})"))
                else:
                    chain.append((node, tag))
            above = memo.get(parent)
            if above is not None:
                break
            node = parent
        for node, step in reversed(chain):
            above = memo[node] = step if above is None else f"{above} > {step}"
        assert above is not None
        return above

    def xpath(self, el: etree._Element) -> str:
        """The absolute XPath lxml's ``getpath`` gives (``/html/body/div[2]/img``), memoised
        per element and built from the parent's with the shared sibling positions: ``getpath``
        counts an element's same-name siblings on every call, quadratic on a long list."""
        memo = self._xpaths
        found = memo.get(el)
        if found is not None:
            return found
        chain: list[tuple[etree._Element, etree._Element, str]] = []
        node: etree._Element | None = el
        above: str | None = None
        while node is not None:
            parent = node.getparent()
            tag = node.tag
            if parent is None or not _plain_name(tag):
                # The top (siblings at document level) or a namespaced name: lxml's own answer.
                above = memo[node] = node.getroottree().getpath(node)
                break
            chain.append((node, parent, tag))
            above = memo.get(parent)
            if above is not None:
                break
            node = parent
        positions = self._positions
        for node, parent, tag in reversed(chain):
            ranks, counts = positions.get(parent) or self._siblings(parent)
            step = f"{tag}[{ranks[node]}]" if counts[tag] > 1 else tag
            above = memo[node] = f"{above}/{step}"
        assert above is not None
        return above


_UNKNOWN = object()


# Element names getpath writes as they are (no namespace prefix to add).
_PLAIN_NAME = re.compile(r"^[^{}/\[\]]+$")


@lru_cache(maxsize=1024)
def _plain_name(tag: str) -> bool:
    """Whether getpath writes ``tag`` as it is; per name, not a regex match per step (names
    are few, and pages choose them: bounded)."""
    return _PLAIN_NAME.match(tag) is not None
