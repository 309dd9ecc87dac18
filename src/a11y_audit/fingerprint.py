"""Stable identities for findings, independent of line numbers and sibling positions.

* ``template_path``: the element's ancestry as tag names, keeping ids that look hand-written
  and dropping sibling indexes: ``html>body>header#masthead>nav>ul>li>a``. The same rule failing
  at the same template path on many pages is a site-template problem, not an article problem.
* ``fingerprint``: a hash of the rule id, the template path and the element's relevant content
  (tag, stable attributes, and for links, buttons, headings, labels and the like the start of
  their text; a paragraph's or container's copy is not identity). It survives unrelated edits
  elsewhere in the page (no line numbers, no positions), so baselines recognise known findings.
  A page-level finding (on ``<html>`` or ``<body>``: no skip link, no main landmark) hashes
  what the rule judged, never the page's text: inserting a promo before the story keeps it
  known.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from lxml import etree

from a11y_audit.dom import normalize_space, tag_of, text_content

# Ids with long digit runs, hex hashes or framework prefixes are generated per render.
_GENERATED_ID = re.compile(r"\d{3,}|[0-9a-f]{8,}|^(ember|react|ng-|yui_|uid|mui-|radix-|:r)", re.I)
_STABLE_ATTRIBUTES = ("id", "name", "type", "role", "href", "src", "alt", "title", "for",
                      "lang", "aria-label", "aria-labelledby", "aria-level", "aria-hidden")
_STABLE_NAMES = frozenset(_STABLE_ATTRIBUTES)
_STABLE_RANK = {name: rank for rank, name in enumerate(_STABLE_ATTRIBUTES)}
_TEXT_CHARS = 120
# Elements whose text is what a rule judges (their accessible name or label). Other elements'
# text (a paragraph, a story's container) is article copy that editors change: not identity.
_NAMED_BY_TEXT = frozenset(("a", "button", "label", "legend", "caption", "figcaption",
                            "summary", "option", "th", "td", "title", "h1", "h2", "h3", "h4",
                            "h5", "h6", "dt", "li"))


def stable_id(value: str | None) -> str | None:
    if not value or _GENERATED_ID.search(value):
        return None
    return value


def template_path(el: etree._Element, implied: Collection[etree._Element] = ()) -> str:
    """The element's ancestry as tag names, with stable ids (see the module docstring). A page
    builds it memoised, with the selector and XPath, in one walk
    (:meth:`a11y_audit.selector.Selectors.paths`). ``implied``: elements the markup does not
    write (a ``tbody`` HTML's parser implies around rows): left out, so that a finding keeps
    the identity it had before the page model added them, and has whether a template writes
    its ``tbody`` or not."""
    steps = []
    node: etree._Element | None = el
    while node is not None:
        if node not in implied:
            ident = stable_id(node.get("id"))
            steps.append(f"{node.tag}#{ident}" if ident else node.tag)
        node = node.getparent()
    return ">".join(reversed(steps))


def content_key(el: etree._Element, with_text: bool = True) -> str:
    tag = tag_of(el)
    attrs = [tag]
    # The stable attributes the element has, found by a set intersection with its names (in
    # C), then written in _STABLE_ATTRIBUTES order: most elements have none or one, and
    # fourteen look-ups cost more than the rest of the key.
    names = _STABLE_NAMES.intersection(el.keys())
    if names:
        for name in sorted(names, key=_STABLE_RANK.__getitem__) if len(names) > 1 else names:
            value = el.get(name)
            if name != "id" or stable_id(value):
                attrs.append(f"{name}={normalize_space(value)}")
    if with_text and tag in _NAMED_BY_TEXT:
        if len(el):
            text = text_content(el, limit=_TEXT_CHARS * 2)
        else:
            text = (el.text or "")[:_TEXT_CHARS * 2]    # a leaf: its own text is all of it
        attrs.append(normalize_space(text)[:_TEXT_CHARS])
    return "\x1f".join(attrs)


PAGE_LEVEL = frozenset(("html", "body"))
_DIGITS = re.compile(r"\d+")


def judged_key(el: etree._Element, message: str, related: Sequence[etree._Element] = ()) -> str:
    """What a page-level finding (on ``<html>`` or ``<body>``) judged: the element's own stable
    attributes, the verdict (its message, numbers masked) and the related elements. Never the
    page's text, so an edit elsewhere in the page keeps the finding known."""
    own = content_key(el, with_text=False)
    parts = [own, _DIGITS.sub("#", message), *(content_key(r) for r in related)]
    return "\x1f".join(parts)


def fingerprint(rule_id: str, el: etree._Element, path: str | None = None,
                message: str = "", related: Sequence[etree._Element] = (),
                key: str | None = None) -> str:
    """A finding's stable identity. On ``<html>``/``<body>`` (page-level findings) it hashes
    :func:`judged_key`; on any other element, the element's content (``key``: its
    :func:`content_key`, when the caller has it already)."""
    if key is None:
        key = (judged_key(el, message, related) if el.tag in PAGE_LEVEL
               else content_key(el))
    return hashed(rule_id, element_part(path or template_path(el), key))


def element_part(path: str, key: str) -> bytes:
    """What a fingerprint hashes after the rule id, encoded: the same for every rule's finding
    on an element, so a caller can keep it per element (:func:`hashed`)."""
    return f"\x1e{path}\x1e{key}".encode("utf-8", "surrogatepass")


def hashed(rule_id: str, part: bytes) -> str:
    """:func:`fingerprint` from the rule id and the :func:`element_part`: a copy of the
    rule id's hash, fed the part (a third less time than hashing both anew)."""
    digest = _rule_hash(rule_id).copy()
    digest.update(part)
    return digest.hexdigest()[:20]


# Keyed by rule ids (house rules included): bounded all the same.
@lru_cache(maxsize=1024)
def _rule_hash(rule_id: str) -> hashlib._Hash:
    """The hash of the rule id alone; never updated, only copied."""
    return hashlib.sha256(rule_id.encode("utf-8", "surrogatepass"))
