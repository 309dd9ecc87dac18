"""Short CSS selectors that match exactly one element, with the element's XPath and template
path from the same walk up its ancestors.

From the element up, the first ancestor-or-self that is unique on its own anchors the selector:
an id (``#main``), else a tag with a class no other element of that tag has
(``ul.navbar-nav``). Below the anchor, each step is the tag, with ``:nth-of-type(n)`` only where
the parent has several children of that tag. Sibling positions are computed once per parent, so
locating every child of a long list is linear in its length, not quadratic.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from typing import Any

from lxml import etree

from a11y_audit.dom import tag_of
from a11y_audit.fingerprint import stable_id

_CSS_IDENT = re.compile(r"^-?[A-Za-z_][A-Za-z0-9_-]*$")


class Selectors:
    """Selector builder for one document: ``ids`` maps each id to its first element,
    ``duplicates`` holds the ids that more than one element has; ``values``, when given,
    maps an attribute name to each element carrying it and its value (``Page.values``)."""

    def __init__(self, by_tag: Callable[[str], Iterable[etree._Element]],
                 ids: dict[str, etree._Element], duplicates: Iterable[str] = (),
                 values: Callable[[str], dict[etree._Element, str]] | None = None,
                 implied: Collection[etree._Element] = ()) -> None:
        self._by_tag = by_tag
        # elements the markup does not write: not in template paths (fingerprint.template_path)
        self._implied = implied
        self.ids = ids
        self.duplicates = frozenset(duplicates)
        # An element's id and class: the page's values read once (a dict look-up, spared
        # lxml's get on the many elements without one), else get on every element.
        self._id_of: Callable[[etree._Element], str | None]
        self._class_of: Callable[[etree._Element], str | None]
        if values is not None:
            self._id_of, self._class_of = values("id").get, values("class").get
        else:
            self._id_of, self._class_of = _ID_OF, _CLASS_OF
        self._class_counts: dict[str, Counter[str]] = {}
        self._positions: dict[etree._Element,
                              tuple[dict[etree._Element, int], dict[object, int]]] = {}
        self._paths: dict[etree._Element, tuple[str, str, str]] = {}
        self._anchors: dict[tuple[str, str], str | None] = {}

    def class_counts(self, tag: str) -> Counter[str]:
        """How many times each class is written on the elements of ``tag``: counted for a
        tag on first use, in one split of all their class attributes joined (a split and a
        set per element cost three times as much). A class written twice on one element is
        counted twice: :meth:`_class_anchor` allows for that."""
        counts = self._class_counts.get(tag)
        if counts is None:
            # map, filter, join, split and the count all run in C (with the page's values):
            # no Python step per element
            counts = self._class_counts[tag] = Counter(" ".join(
                filter(None, map(self._class_of, self._by_tag(tag)))).split())
        return counts

    def _siblings(self, parent: etree._Element
                  ) -> tuple[dict[etree._Element, int], dict[object, int]]:
        """The positions of ``parent``'s children: (child -> 1-based index among same-tag
        siblings, tag -> how many children have it), one pass per parent. The tables also
        hold the parent's comments and processing instructions, counted under their own
        tags; only elements are looked up."""
        table = self._positions.get(parent)
        if table is None:
            # Plain dicts, one pass (a Counter and a second dict cost twice as much: this
            # runs for every ancestor of every located element). Every child, comments and
            # processing instructions included: theirs are counted apart, under their tag (a
            # function, never an element's name), and no element's rank moves; an iterator
            # filtered to elements costs lxml ~2,400 instructions more to set up (0.10 M a
            # page, locating the step-9 pages).
            ranks: dict[etree._Element, int] = {}
            counts: dict[object, int] = {}
            for child in parent:
                tag = child.tag
                ranks[child] = counts[tag] = counts.get(tag, 0) + 1
            table = self._positions[parent] = (ranks, counts)
        return table

    def paths(self, el: etree._Element) -> tuple[str, str, str]:
        """``el``'s CSS selector, XPath and template path, memoised per element and built
        from the parent's in one walk: locating every element of a 1,000-deep chain costs one
        step each, not the whole chain again, and the three paths share the walk, the
        parent's sibling positions and the id read (three walks cost twice the calls).

        * The selector: the element's anchor (see the module docstring), else the parent's
          selector, ``" > "`` and the tag, with ``:nth-of-type(n)`` among same-tag siblings
          (``html``, ``body`` and ``head`` never have one; ``html`` starts a selector).
        * The XPath: what lxml's ``getpath`` gives (``/html/body/div[2]/img``), built from
          the parent's; ``getpath`` counts an element's same-name siblings on every call,
          quadratic on a long list. Top-level and namespaced names: ``getpath`` itself.
        * The template path: :func:`a11y_audit.fingerprint.template_path`.
        """
        memo = self._paths
        found = memo.get(el)
        if found is not None:
            return found
        # Up to the top or an ancestor located before, then down. The memos and tables are
        # read inline: this loop runs for every ancestor of every located element.
        chain: list[tuple[etree._Element, etree._Element | None]] = []
        node = el
        above: tuple[str, str, str] | None = None
        while True:
            parent = node.getparent()
            chain.append((node, parent))
            if parent is None:
                break
            above = memo.get(parent)
            if above is not None:
                break
            node = parent
        positions = self._positions
        anchors = self._anchors
        css: Any    # str or None; the memo's _UNKNOWN between a miss and the anchor's reading
        ids = self.ids
        duplicates = self.duplicates
        id_of = self._id_of
        class_of = self._class_of
        implied = self._implied
        for node, parent in reversed(chain):
            tag = node.tag
            node_id = id_of(node)
            # The selector: an id or a class unique to the element anchors it.
            if (node_id and ids.get(node_id) is node and node_id not in duplicates
                    and _CSS_IDENT.match(node_id)):
                css = f"#{node_id}"
            else:
                value = class_of(node)
                if value:
                    # Per class attribute: list items and cards repeat theirs.
                    css = anchors.get((tag, value), _UNKNOWN)
                    if css is _UNKNOWN:
                        css = anchors[tag, value] = self._class_anchor(tag, value)
                else:
                    css = None
            if above is None:       # the top: no parent (see the walk up)
                xpath = node.getroottree().getpath(node)
                path = f"{tag}#{node_id}" if stable_id(node_id) else tag
                above = memo[node] = (css or tag_of(node), xpath, path)
                continue
            # The rank among same-tag siblings, 0 when the node is its parent's only child of
            # its tag; an only child of any kind (most ancestors) needs no table. Not
            # len(parent): lxml counts the children one by one, quadratic on a long list.
            # A parent's table, once built, is read first: a sibling of an element located
            # before asks lxml for no neighbour.
            # (parent is not None below the top)
            table = positions.get(parent)  # type: ignore[arg-type]
            if table is None and (node.getprevious() is not None
                                  or node.getnext() is not None):
                table = self._siblings(parent)  # type: ignore[arg-type]
            rank = table[0][node] if table is not None and table[1][tag] > 1 else 0
            if css is None:
                name = tag if type(tag) is str and tag[0] != "{" else tag_of(node)
                if name in ("html", "body", "head"):
                    css = name if name == "html" else f"{above[0]} > {name}"
                else:
                    css = (f"{above[0]} > {name}:nth-of-type({rank})" if rank
                           else f"{above[0]} > {name}")
            # The XPath.
            if not _plain_name(tag):
                xpath = node.getroottree().getpath(node)
            else:
                xpath = f"{above[1]}/{tag}[{rank}]" if rank else f"{above[1]}/{tag}"
            # The template path.
            if implied and node in implied:
                above = memo[node] = (css, xpath, above[2])
                continue
            step = f"{tag}#{node_id}" if node_id and stable_id(node_id) else tag
            above = memo[node] = (css, xpath, f"{above[2]}>{step}")
        assert above is not None
        return above

    def _class_anchor(self, tag: str, value: str) -> str | None:
        """``tag.class`` for the shortest class only the element has among its tag's
        elements, if any (``value``: its class attribute)."""
        counts = self.class_counts(tag)   # an element (it has a class): the lower-case name
        words = value.split()
        # Unique to the element when every time the class is written is on it.
        unique = [c for c in words
                  if (counts[c] == 1 or counts[c] == words.count(c)) and _CSS_IDENT.match(c)]
        return f"{tag}.{min(unique, key=len)}" if unique else None

    def css_path(self, el: etree._Element) -> str:
        """The selector (see :meth:`paths`)."""
        return self.paths(el)[0]

    def xpath(self, el: etree._Element) -> str:
        """The absolute XPath lxml's ``getpath`` gives (see :meth:`paths`)."""
        return self.paths(el)[1]

    def template_path(self, el: etree._Element) -> str:
        """:func:`a11y_audit.fingerprint.template_path` (see :meth:`paths`)."""
        return self.paths(el)[2]


_UNKNOWN = object()


_ID_OF = operator.methodcaller("get", "id")
_CLASS_OF = operator.methodcaller("get", "class")

# Element names getpath writes as they are (no namespace prefix to add).
_PLAIN_NAME = re.compile(r"^[^{}/\[\]]+$")


@lru_cache(maxsize=1024)
def _plain_name(tag: str) -> bool:
    """Whether getpath writes ``tag`` as it is; per name, not a regex match per step (names
    are few, and pages choose them: bounded)."""
    return _PLAIN_NAME.match(tag) is not None
