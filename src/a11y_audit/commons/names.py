"""Accessible name computation (W3C Accessible Name and Description Computation 1.2).

https://www.w3.org/TR/accname-1.2/#mapping_additional_nd_te : the steps below are numbered as
in section 4.3.2 "Computation steps". Native sources follow HTML-AAM section 4.1 "Accessible Name
Computations By HTML Element". CSS generated content (::before/::after) is invisible to static
HTML and is not part of the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from a11y_audit.commons.aria import NAME_FROM_CONTENT_ROLES
from a11y_audit.commons.dom import id_refs, is_element, normalize_space, tag_of

if TYPE_CHECKING:
    from a11y_audit.page import Page

# Elements whose content is never part of a name (not rendered as text).
_SKIP_CONTENT = frozenset(("script", "style", "template", "noscript", "head", "title", "meta"))

# Rendered as blocks: their text is separated from neighbours, as browsers do.
_BLOCK = frozenset(
    """
    address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td
    tfoot th thead tr ul caption legend option
    """.split()
)

# Roles that are embedded controls (step 2E) and roles that take no name from their content.
_TEXTBOX_ROLES = frozenset(("textbox", "searchbox"))
_RANGE_ROLES = frozenset(("slider", "spinbutton", "scrollbar", "progressbar", "meter"))

# HTML-AAM: input types whose name comes from their value (button-like inputs).
_BUTTON_DEFAULTS = {"submit": "Submit", "reset": "Reset", "button": "", "image": "Submit"}

# Elements that can be labelled by <label> (HTML "labelable elements").
LABELABLE = frozenset(("button", "input", "meter", "output", "progress", "select", "textarea"))


def accessible_name(el: etree._Element, page: Page) -> str:
    """The element's accessible name, whitespace-normalised ("" when it has none)."""
    cache = page._name_cache
    found = cache.get(el)
    if found is None:
        found = normalize_space(_Computation(page).name(el, root=True))
        cache[el] = found
    return found


class _Computation:
    """One run of the algorithm; ``visited`` stops reference cycles (step 2 "already visited")."""

    __slots__ = ("page", "visited")

    def __init__(self, page: Page) -> None:
        self.page = page
        self.visited: set[etree._Element] = set()

    def name(
        self,
        el: etree._Element,
        *,
        root: bool = False,
        in_labelledby: bool = False,
        in_content: bool = False,
        referenced_hidden: bool = False,
    ) -> str:
        page = self.page
        if el in self.visited:
            return ""
        self.visited.add(el)
        tag = tag_of(el)
        if tag in _SKIP_CONTENT:
            return ""
        # 2A: hidden and not directly referenced by aria-labelledby.
        if not referenced_hidden and page.is_hidden(el) and not (in_labelledby and root):
            return ""
        # 2B: aria-labelledby, unless we are already following a labelledby reference. Each
        # reference starts a fresh traversal that does not follow aria-labelledby again, so a
        # self-reference yields the element's own aria-label or content, as browsers do.
        if not in_labelledby and el.get("aria-labelledby"):
            parts = []
            for ref in id_refs(el.get("aria-labelledby")):
                target = page.ids.get(ref)
                if target is not None:
                    part = _Computation(page).name(
                        target, root=True, in_labelledby=True,
                        referenced_hidden=page.is_hidden(target),
                    )
                    parts.append(part)
            result = normalize_space(" ".join(parts))
            if result:
                return result
        role = page.role(el)
        # 2C-2E ordering: an embedded control inside a label or content takes its value (2E)
        # before its own aria-label when we are computing someone else's name.
        if in_content or (in_labelledby and not root):
            embedded = self._embedded_value(el, role)
            if embedded is not None:
                return embedded
        # 2C: aria-label.
        label = el.get("aria-label")
        if label is not None and label.strip():
            return label.strip()
        # 2D: native host-language label (HTML-AAM), unless the role is presentational.
        if role not in ("none", "presentation"):
            native = self._native(el, tag)
            if native:
                return native
        # 2F: name from content.
        if in_content or in_labelledby or role in NAME_FROM_CONTENT_ROLES or _content_named(tag):
            text = self.content(el, referenced_hidden, in_labelledby)
            if text.strip():
                return text
        # 2I: tooltip attribute.
        title = el.get("title")
        if title and title.strip():
            return title.strip()
        if tag in ("input", "textarea") and not in_content:
            placeholder = el.get("placeholder")
            if placeholder and placeholder.strip():
                return placeholder.strip()
        return ""

    def _embedded_value(self, el: etree._Element, role: str) -> str | None:
        tag = tag_of(el)
        if role in _TEXTBOX_ROLES:
            if tag == "input":
                return el.get("value") or ""
            if tag == "textarea":
                return el.text or ""
            return normalize_space(self.content(el, False))
        if role in ("combobox", "listbox"):
            if tag == "select":
                options = el.xpath(".//option")
                chosen = [o for o in options if o.get("selected") is not None] or options[:1]
                return " ".join(normalize_space(o.text_content()) for o in chosen)
            selected = el.xpath(".//*[@aria-selected='true']")
            if selected:
                return " ".join(normalize_space(s.text_content()) for s in selected)
            if tag == "input":
                return el.get("value") or ""
            return ""
        if role in _RANGE_ROLES:
            text = el.get("aria-valuetext")
            if text:
                return text
            now = el.get("aria-valuenow")
            if now:
                return now
            if tag in ("input", "progress", "meter"):
                return el.get("value") or ""
            return ""
        return None

    def _native(self, el: etree._Element, tag: str) -> str:
        page = self.page
        if tag == "img" or tag == "area":
            alt = el.get("alt")
            return alt if alt is not None else ""
        if tag == "input":
            kind = (el.get("type") or "text").strip().lower()
            if kind == "image":
                alt = el.get("alt")
                if alt is not None and alt.strip():
                    return alt
                labels = self._labels(el)
                if labels:
                    return labels
                value = el.get("value")
                if value and value.strip():
                    return value
                title = el.get("title")
                return title.strip() if title and title.strip() else "Submit"
            if kind in _BUTTON_DEFAULTS:
                labels = self._labels(el)
                if labels:
                    return labels
                value = el.get("value")
                if value is not None and value.strip():
                    return value
                return _BUTTON_DEFAULTS[kind]
            return self._labels(el)
        if tag in LABELABLE:
            labels = self._labels(el)
            if labels:
                return labels
            return ""
        if tag == "fieldset":
            return self._first_child_content(el, "legend")
        if tag == "figure":
            return self._first_child_content(el, "figcaption")
        if tag == "table":
            return self._first_child_content(el, "caption")
        if tag == "svg" or el.tag == "{http://www.w3.org/2000/svg}svg":
            for child in el:
                if tag_of(child) == "title":
                    return normalize_space(child.text_content())
            return ""
        if tag == "optgroup":
            return el.get("label") or ""
        if tag == "option" and el.get("label"):
            return el.get("label") or ""
        del page
        return ""

    def _first_child_content(self, el: etree._Element, child_tag: str) -> str:
        for child in el:
            if tag_of(child) == child_tag:
                return self.content(child, False)
        return ""

    def _labels(self, el: etree._Element) -> str:
        page = self.page
        parts = []
        for label in page.labels_for(el):
            if page.is_hidden(label):
                continue
            parts.append(self.name(label, in_content=True))
        return normalize_space(" ".join(parts))

    def content(
        self, el: etree._Element, referenced_hidden: bool, in_labelledby: bool = False
    ) -> str:
        """Step 2F: the names of the child nodes, concatenated."""
        out: list[str] = []
        if el.text:
            out.append(el.text)
        for child in el:
            if is_element(child):
                child_tag = tag_of(child)
                if child_tag not in _SKIP_CONTENT and child not in self.visited:
                    block = child_tag in _BLOCK
                    if referenced_hidden or not self.page.is_hidden(child):
                        part = self.name(
                            child, in_content=True, in_labelledby=in_labelledby,
                            referenced_hidden=referenced_hidden,
                        )
                        if block:
                            out.append(f" {part} ")
                        else:
                            out.append(part)
                    elif block:
                        out.append(" ")
            if child.tail:
                out.append(child.tail)
        return "".join(out)


def _content_named(tag: str) -> bool:
    # Elements that take their name from content in HTML-AAM although their role is not in the
    # ARIA list: summary (a disclosure button), legend, caption, label are used via 2D/2F.
    return tag in ("summary",)
