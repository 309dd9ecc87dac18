"""Stable identities for findings, independent of line numbers and sibling positions.

* ``template_path``: the element's ancestry as tag names, keeping ids that look hand-written
  and dropping sibling indexes: ``html>body>header#masthead>nav>ul>li>a``. The same rule failing
  at the same template path on many pages is a site-template problem, not an article problem.
* ``fingerprint``: a hash of the rule id, the template path and the element's relevant content
  (tag, stable attributes, the start of its text). It survives unrelated edits elsewhere in the
  page (no line numbers, no positions), so baselines can recognise known findings.
"""

from __future__ import annotations

import hashlib
import re

from lxml import etree

from a11y_audit.commons.dom import normalize_space, tag_of, text_content

# Ids with long digit runs, hex hashes or framework prefixes are generated per render.
_GENERATED_ID = re.compile(r"\d{3,}|[0-9a-f]{8,}|^(ember|react|ng-|yui_|uid|mui-|radix-|:r)", re.I)
_STABLE_ATTRIBUTES = ("id", "name", "type", "role", "href", "src", "alt", "title", "for",
                      "lang", "aria-label", "aria-labelledby", "aria-level", "aria-hidden")
_TEXT_CHARS = 120


def stable_id(value: str | None) -> str | None:
    if not value or _GENERATED_ID.search(value):
        return None
    return value


def template_path(el: etree._Element) -> str:
    parts = []
    for node in (el, *el.iterancestors()):
        tag = tag_of(node)
        ident = stable_id(node.get("id"))
        parts.append(f"{tag}#{ident}" if ident else tag)
    return ">".join(reversed(parts))


def content_key(el: etree._Element) -> str:
    attrs = [f"{name}={normalize_space(el.get(name))}" for name in _STABLE_ATTRIBUTES
             if el.get(name) is not None and not (name == "id" and not stable_id(el.get(name)))]
    text = normalize_space(text_content(el, limit=_TEXT_CHARS * 2))[:_TEXT_CHARS]
    return "\x1f".join((tag_of(el), *attrs, text))


def fingerprint(rule_id: str, el: etree._Element, path: str | None = None) -> str:
    data = "\x1e".join((rule_id, path or template_path(el), content_key(el)))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:20]
