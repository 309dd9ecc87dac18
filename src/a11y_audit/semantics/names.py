"""Accessible name computation (W3C Accessible Name and Description Computation 1.2).

https://www.w3.org/TR/accname-1.2/#computation-steps : the steps below follow section 4.3.2
"Computation steps" in the order of accname 1.2 (the letters of accname 1.1 in brackets):

* 2A hidden not referenced: hidden nodes are skipped unless the traversal started at a hidden
  node (an element referenced by ``aria-labelledby``, a ``label``, or a hidden root), in which
  case the whole subtree counts, as browsers do;
* 2B ``aria-labelledby``: each valid IDREF in order, joined by spaces; never followed inside
  another ``aria-labelledby`` traversal; a self reference yields the element's own
  ``aria-label`` or content; an empty result falls through to the next step;
* 2C embedded control [1.1: 2E]: inside another node's name, a textbox gives its value, a
  combobox or listbox its selected option(s), a range ``aria-valuetext``, ``aria-valuenow`` or
  its value;
* 2D ``aria-label`` [2C]: unless empty or white space only;
* 2E host language label [2D]: HTML-AAM section 4.1 (https://www.w3.org/TR/html-aam-1.0/
  #accessible-name-and-description-computation): ``img``/``area`` ``alt``, button-like
  ``input`` values with the default "Submit"/"Reset", ``input type=image`` ``alt`` then value,
  ``label`` elements (by ``for`` or by wrapping), ``fieldset``/
  ``legend``, ``figure``/``figcaption``, ``table``/``caption``, ``optgroup``/``option``
  ``label``, and the ``<title>`` child of SVG elements (SVG-AAM section 7.1);
  skipped for elements whose role is ``none``/``presentation``. A hidden ``label``,
  ``legend`` or ``caption`` names nothing (HTML-AAM, w3c/html-aam#533; web-platform-tests
  html-aam/hidden-names.html expects "" for an input whose only label is hidden; Chromium and
  axe-core agree) unless the traversal itself started hidden; the next visible ``legend`` or
  ``caption`` is used instead, as Chromium does;
* 2F name from content [2F-2H]: for roles in :data:`NAME_FROM_CONTENT_ROLES`, ``summary``, and
  every node reached while computing another node's name: the names of the child nodes in
  order, block-level children (and ``br``) set apart by spaces; a child hidden only by
  ``visibility: hidden`` still contributes descendants that are made visible again;
* 2G text nodes: their text;
* 2I tooltip: the ``title`` attribute, then ``placeholder`` for text fields (HTML-AAM).

Static HTML cannot see CSS generated content (``::before``/``::after``) nor stylesheets, so
neither is part of the result. Not implemented on purpose: the default name "Submit Query" of
``input type=image`` (ACT rule 59796f treats it as no name) and the non-standard
``aria-labeledby`` spelling.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from a11y_audit.dom import id_refs, list_box, normalize_space, tag_of, text_content
from a11y_audit.knowledge.aria import NAME_FROM_CONTENT_ROLES

if TYPE_CHECKING:
    from a11y_audit.page import Page

Element = etree._Element

# Elements never part of a name: not rendered as text (``noscript`` content is not rendered
# with scripting on; ``desc`` is a description; ``datalist`` is not rendered).
_SKIP_CONTENT = frozenset((
    "script", "style", "template", "noscript", "head", "title", "meta", "link", "desc",
    "datalist", "param", "source", "track",
))
# Replaced elements: their children are fallback content, not rendered when the resource loads.
_REPLACED = frozenset(("iframe", "frame", "audio", "video", "object", "embed"))

# Rendered as blocks by default: their text is set apart from its neighbours, as browsers do.
_BLOCK = frozenset((
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend", "option",
    "optgroup", "menu", "hgroup", "search", "center",
))
_DISPLAY = re.compile(r"(?:^|;)\s*display\s*:\s*([a-z-]+)", re.I)
_INLINE_DISPLAYS = frozenset(("inline", "inline-block", "inline-flex", "inline-grid",
                              "inline-table", "contents", "ruby"))

# Roles whose value is used when they are embedded in another node's name (step 2C).
_TEXTBOX_ROLES = frozenset(("textbox", "searchbox"))
_RANGE_ROLES = frozenset(("slider", "spinbutton", "scrollbar", "progressbar", "meter"))
_PRESENTATIONAL = frozenset(("none", "presentation"))
_EMBEDDED_ROLES = _TEXTBOX_ROLES | _RANGE_ROLES | {"combobox", "listbox"}

# HTML-AAM: default names of button-like inputs without a usable value.
_BUTTON_DEFAULTS = {"submit": "Submit", "reset": "Reset", "button": ""}
# Input types that show a text field, so a placeholder is their last name source.
_TEXT_FIELDS = frozenset(("text", "search", "email", "tel", "url", "password", "number"))

# HTML "input type" keywords; any other value is the Text state.
_INPUT_TYPES = frozenset((
    "hidden", "text", "search", "tel", "url", "email", "password", "date", "month", "week",
    "time", "datetime-local", "number", "range", "color", "checkbox", "radio", "file", "submit",
    "image", "reset", "button",
))

# Elements that can be labelled by <label> (HTML "labelable elements").
LABELABLE = frozenset(("button", "input", "meter", "output", "progress", "select", "textarea"))

# Deeper than this, a subtree's text is taken as is (no recursion), so pathological nesting
# cannot exhaust the interpreter stack.
_MAX_DEPTH = 120


def accessible_name(el: Element, page: Page) -> str:
    """The element's accessible name, whitespace-normalised ("" when it has none)."""
    cache = page._name_cache
    found = cache.get(el)
    if found is None:
        found = _simple_name(page, el)
        if found is None:
            found = _computed_name(page, el)
        cache[el] = found
    return found


def _computed_name(page: Page, el: Element) -> str:
    """The full computation. It first runs with a depth guard: the common, shallow case then
    needs no knowledge of subtree heights (a walk over the whole page). Only when it reaches
    half of :data:`_MAX_DEPTH` is the deep subtree warmed bottom-up and the name computed again
    (contributions kept meanwhile are exact, so the second run reuses them)."""
    try:
        return normalize_space(_Computation(page, guarded=True).root(el))
    except _TooDeep:
        pass
    if _height(page, el) > _MAX_DEPTH // 2 and not _children_known(page, el):
        _warm(page, el)
    return normalize_space(_Computation(page).root(el))


# Tags whose host-language name (step 2E) comes from more than content or a child ``title``
# (SVG): labels, alt text, legends, captions, values.
_NATIVE_NAMED = frozenset(("img", "area", "input", "fieldset", "figure", "table", "optgroup",
                           "option")) | LABELABLE
# Inside a plain subtree (see :func:`_simple_name`) these children make the computation decide:
# their name comes from attributes or elements elsewhere, or they are not rendered as text.
_NOT_PLAIN = (_NATIVE_NAMED - {"img"}) | _REPLACED
# Deeper than this, a plain subtree is left to the computation (its depth guard and memo).
_SIMPLE_DEPTH = 12


def _simple_name(page: Page, el: Element) -> str | None:
    """The name of the commonest named elements without setting up a computation: an
    element with a non-empty ``aria-label``; an image (its alt); a link, heading or button
    (without a ``<label>``) holding plain text and inline elements. None when the element is
    not that simple, and the full computation must run: aria-labelledby, a host-language label
    (2E) other than alt, a hidden root or a node only ``visibility`` hides, a form control
    below, an SVG ``title``, a replaced element, deep nesting.

    The same steps as :meth:`_Computation._name` where they apply: for a root, 2A never
    applies (a hidden root is named as if referenced) and 2C needs recursion, so a non-empty
    ``aria-label`` (2D) wins unless aria-labelledby (2B) comes first; then content (2F, for
    roles that take it and for ``summary``), then ``title`` (2I; ``placeholder`` is only for
    the text fields 2E leaves to the computation). Each child of a plain subtree contributes
    as step 2F's recursion makes it: its ``aria-label``, an ``img``'s alt, its content, its
    ``title``; block-level children are set apart by spaces."""
    # (set tests before lxml's get, which costs ~1,000 instructions for an absent attribute:
    # see Page.holders)
    labelledby, labelled, titled, _ = page.naming_holders
    if el in labelledby and el.get("aria-labelledby"):
        return None
    label = el.get("aria-label") if el in labelled else None
    if label and not label.isspace():
        return normalize_space(label)
    tag = el.tag
    if tag == "img":
        return _image_name(page, el)
    if tag in _NATIVE_NAMED and not (tag == "button" and not page.labels_for(el)):
        return None   # (a button without a <label> has no host-language name: 2E gives "")
    if tag in _REPLACED:
        return None
    role = page.role(el)
    if role in NAME_FROM_CONTENT_ROLES or tag == "summary":
        if len(el):
            if page.is_hidden(el) or el in page.first_title_children:
                return None   # hidden content counts (2A), or an SVG title names it (2E)
            text = _plain_content(page, el, 0)
            if text is None:
                return None
        else:
            text = el.text
        if text and not text.isspace():
            return normalize_space(text)
    elif len(el) and el in page.first_title_children:
        return None
    if role in _PRESENTATIONAL:
        return ""
    title = el.get("title") if el in titled else None
    return normalize_space(title) if title else ""


def _image_name(page: Page, el: Element) -> str | None:
    """:func:`_simple_name` of an ``img`` (no aria-labelledby or aria-label): its ``alt``
    (2E), else its ``title`` (2I); nothing when presentational (``alt=""``, ``role="none"``:
    2E, 2F and 2I do not apply). None for an ``img`` given another role by its role
    attribute (a button, a link...), which the computation names."""
    if len(el):
        return None
    role = page.role(el)
    if role in _PRESENTATIONAL:
        return ""
    if role != "img":
        return None
    alt = el.get("alt")
    if alt and not alt.isspace():
        return normalize_space(alt)
    title = el.get("title") if el in page.naming_holders[2] else None
    return normalize_space(title) if title else ""


def _plain_content(page: Page, el: Element, depth: int) -> str | None:
    """Step 2F over a subtree of plain nodes (see :func:`_simple_name`), outside any
    aria-labelledby traversal, for a root that is not hidden: the text of ``el`` and its
    children's contributions (a hidden child gives nothing, or a space for a block). None at
    the first node the full computation must judge."""
    if depth > _SIMPLE_DEPTH:
        return None
    out = [el.text] if el.text else []
    state_of = page.visibility_state
    styled = page.naming_holders[3]
    for child in el:
        tag = child.tag
        if tag.__class__ is str and tag not in _SKIP_CONTENT:
            state = state_of(child)     # (is_hidden and _visibility_only in one look-up)
            # a block (is_block): an inline display only where a style attribute names one
            style = child.get("style") if child in styled else None
            block = is_block(child, tag) if style and "display" in style else tag in _BLOCK
            if state[0] or state[1] or state[2]:
                # hidden content names nothing (2A), unless visibility alone hides it (a
                # descendant may show again: the computation decides)
                if state == _VISIBILITY_ONLY:
                    return None
                if block:
                    out.append(" ")
            else:
                if tag in _NOT_PLAIN:
                    return None
                part = _plain_part(page, child, tag, depth + 1)
                if part is None:
                    return None
                out.append(f" {part} " if block else part)
        if child.tail:
            out.append(child.tail)
    return "".join(out)


def _plain_part(page: Page, el: Element, tag: str, depth: int) -> str | None:
    """What a plain, rendered ``el`` contributes to its ancestor's name (2B-2I in recursion)."""
    labelledby, labelled, titled, _ = page.naming_holders
    if el in labelledby and el.get("aria-labelledby"):
        return None
    role = page.role(el)
    if role in _EMBEDDED_ROLES:
        return None
    label = el.get("aria-label") if el in labelled else None
    if label and not label.isspace():
        return label
    presentational = role in _PRESENTATIONAL
    if not presentational:
        if tag == "img":
            alt = el.get("alt")
            if alt and not alt.isspace():
                return alt
        if len(el) and el in page.first_title_children:
            return None
    if len(el):
        text = _plain_content(page, el, depth)
        if text is None:
            return None
    else:
        text = el.text
    if text and not text.isspace():
        return text
    if presentational:
        return ""
    title = el.get("title") if el in titled else None
    return title if title and not title.isspace() else ""


class _TooDeep(Exception):
    """A guarded computation went deeper than half of :data:`_MAX_DEPTH`."""


# What a node contributes to the name of an ancestor (step 2F's recursion, outside any
# aria-labelledby traversal) does not depend on which ancestor asks, as long as computing it
# followed no reference out of the subtree (aria-labelledby, label) and met no node twice. Those
# contributions are kept per page: the headings or buttons of a deeply nested page then cost
# one visit per node, not one per node and ancestor.
_CONTRIBUTIONS = "names.contributions"


def _contributions(page: Page) -> dict[tuple[Element, bool], str]:
    return page.memo(_CONTRIBUTIONS, lambda _: {})


def _height(page: Page, el: Element) -> int:
    """Levels of elements below ``el`` (0 for a leaf), from one bottom-up pass per page."""
    return page.memo("names.heights", _heights).get(el, 0)


def _heights(page: Page) -> dict[Element, int]:
    heights: dict[Element, int] = {}
    for el in reversed(page.elements):
        parent = el.getparent()
        if parent is not None:
            below = heights.get(el, 0) + 1
            if below > heights.get(parent, 0):
                heights[parent] = below
    return heights


def _children_known(page: Page, el: Element) -> bool:
    """Every child's contribution is kept already: naming ``el`` descends no further."""
    memo = _contributions(page)
    include_hidden = page.is_hidden(el)
    return all((child, include_hidden) in memo for child in el.iterchildren(etree.Element))


def _warm(page: Page, root: Element) -> None:
    """Compute the contributions of a deep subtree bottom-up (children before parents), each
    from a shallow start, so the root's own computation neither recurses past
    :data:`_MAX_DEPTH` nor falls back to flat text where the nesting is merely deep."""
    include_hidden = page.is_hidden(root)
    memo = _contributions(page)
    for el in reversed(list(root.iterdescendants(etree.Element))):
        if (el, include_hidden) not in memo:
            _Computation(page).name(el, recursion=True, in_labelledby=False,
                                    include_hidden=include_hidden, depth=0)


def input_type(el: Element) -> str:
    """The ``type`` of an ``input`` as HTML reads it: lower-case, "text" when absent or unknown."""
    kind = (el.get("type") or "").strip().lower()
    return kind if kind in _INPUT_TYPES else "text"


class _Computation:
    """One run of the algorithm; ``visited`` stops reference cycles. ``impure`` is set while a
    contribution depends on more than its subtree (then it is not kept); ``reused`` holds the
    nodes whose kept contribution stood in for a visit of their subtree."""

    __slots__ = ("guard", "impure", "memo", "page", "reused", "visited")

    def __init__(self, page: Page, guarded: bool = False) -> None:
        self.page = page
        self.visited: set[Element] = set()
        self.memo = _contributions(page)
        self.impure = False
        self.reused: set[Element] = set()
        # Past this depth a guarded run gives up (raises _TooDeep); an unguarded one takes the
        # subtree's text as is past _MAX_DEPTH.
        self.guard = _MAX_DEPTH // 2 if guarded else _MAX_DEPTH

    def _seen(self, el: Element) -> bool:
        if el in self.visited:
            return True
        reused = self.reused
        return bool(reused) and (el in reused or any(a in reused for a in el.iterancestors()))

    def root(self, el: Element) -> str:
        # A hidden root is named as browsers name it: as if its subtree were referenced.
        return self.name(el, recursion=False, in_labelledby=False,
                         include_hidden=self.page.is_hidden(el), depth=0)

    def name(
        self,
        el: Element,
        *,
        recursion: bool,
        in_labelledby: bool,
        include_hidden: bool,
        depth: int,
        self_reference: bool = False,
    ) -> str:
        if not self_reference and self._seen(el):
            self.impure = True
            return ""
        if not recursion or in_labelledby or self_reference:
            return self._name(el, recursion=recursion, in_labelledby=in_labelledby,
                              include_hidden=include_hidden, depth=depth,
                              self_reference=self_reference)
        key = (el, include_hidden)
        kept = self.memo.get(key)
        if kept is not None:
            self.reused.add(el)
            return kept
        outer, self.impure = self.impure, False
        found = self._name(el, recursion=True, in_labelledby=False,
                           include_hidden=include_hidden, depth=depth)
        if not self.impure:
            self.memo[key] = found
        self.impure = self.impure or outer
        return found

    def _name(
        self,
        el: Element,
        *,
        recursion: bool,
        in_labelledby: bool,
        include_hidden: bool,
        depth: int,
        self_reference: bool = False,
    ) -> str:
        self.visited.add(el)
        tag = el.tag   # an element of a Page: its tag is the lower-case local name
        if tag in _SKIP_CONTENT and recursion:
            return ""
        page = self.page
        # 2A: hidden, and not part of a traversal that started at a hidden node.
        if not include_hidden and page.is_hidden(el):
            return ""
        # 2B: aria-labelledby, unless already inside an aria-labelledby traversal.
        if not in_labelledby:
            refs = el.get("aria-labelledby")
            if refs:
                labelled = self._labelledby(el, refs, depth)
                if labelled.strip():
                    return labelled
        role = page.role(el)
        # 2C: an embedded control contributes its value, not its label.
        if recursion and role in _EMBEDDED_ROLES:
            value = self._embedded_value(el, tag, role)
            if value is not None:
                return value
        # 2D: aria-label.
        label = el.get("aria-label")
        if label and label.strip():
            return label
        presentational = role in _PRESENTATIONAL
        # 2E: host language label (HTML-AAM), not for presentational elements; most elements
        # have none (not a labelable, image, table... element, no SVG <title> child).
        if not presentational and (tag in _NATIVE_NAMED or el in page.first_title_children):
            native = self._native(el, tag, include_hidden, depth)
            if native.strip():
                return native
        # 2F: name from content.
        if (recursion or role in NAME_FROM_CONTENT_ROLES or tag == "summary") and (
            tag not in _REPLACED
        ):
            text = self._content(el, in_labelledby, include_hidden, depth, own_text=True)
            if text.strip():
                return text
        # 2I: tooltip attribute, then (HTML-AAM) the placeholder of a text field.
        if presentational:
            return ""
        title = el.get("title")
        if title and title.strip():
            return title
        if not recursion and (tag == "textarea" or (
            tag == "input" and input_type(el) in _TEXT_FIELDS
        )):
            placeholder = el.get("placeholder")
            if placeholder and placeholder.strip():
                return placeholder
        return ""

    # -- 2B ---------------------------------------------------------------------------------

    def _labelledby(self, el: Element, refs: str, depth: int) -> str:
        page = self.page
        self.impure = True   # reads outside the subtree
        parts: list[str] = []
        for ref in id_refs(refs):
            target = page.ids.get(ref)
            if target is None:
                continue
            parts.append(self.name(
                target, recursion=True, in_labelledby=True,
                include_hidden=page.is_hidden(target), depth=depth + 1,
                self_reference=target is el,
            ))
        return " ".join(parts)

    # -- 2C ---------------------------------------------------------------------------------

    def _embedded_value(self, el: Element, tag: str, role: str) -> str | None:
        if role in _TEXTBOX_ROLES:
            if tag == "input":
                return el.get("value") or ""
            if tag == "textarea":
                return el.text or ""
            return text_content(el)
        if role == "combobox" or role == "listbox":
            if tag == "select":
                return " ".join(option_text(o) for o in selected_options(el))
            if tag == "input":
                return el.get("value") or ""
            if role == "listbox":
                chosen: list[Element] = el.xpath(  # type: ignore[assignment]  # (elements)
                    ".//*[@aria-selected='true']")
                return " ".join(normalize_space(text_content(c)) for c in chosen)
            inner: list[Element] = el.xpath(  # type: ignore[assignment]  # (elements)
                ".//input[not(@type='hidden')]")
            return (inner[0].get("value") or "") if inner else text_content(el)
        if role in _RANGE_ROLES:
            for attribute in ("aria-valuetext", "aria-valuenow"):
                value = el.get(attribute)
                if value and value.strip():
                    return value
            if tag == "input":
                return _range_value(el)
            if tag in ("progress", "meter"):
                return el.get("value") or ""
            return ""
        return None

    # -- 2E ---------------------------------------------------------------------------------

    def _native(self, el: Element, tag: str, include_hidden: bool, depth: int) -> str:
        if tag in ("img", "area"):
            return el.get("alt") or ""
        if tag == "input":
            return self._native_input(el, include_hidden, depth)
        if tag in LABELABLE:
            return self._labels(el, include_hidden, depth)
        if tag == "fieldset":
            return self._child_name(el, "legend", include_hidden, depth)
        if tag == "figure":
            return self._child_name(el, "figcaption", include_hidden, depth)
        if tag == "table":
            return self._child_name(el, "caption", include_hidden, depth)
        if tag == "optgroup" or tag == "option":
            return el.get("label") or ""
        # SVG <title> child (looked up among the page's few titles before the ancestor walk).
        title = self.page.first_title_children.get(el)
        if title is not None and (tag == "svg" or in_svg(el)):
            return text_content(title)
        return ""

    def _native_input(self, el: Element, include_hidden: bool, depth: int) -> str:
        kind = input_type(el)
        if kind == "hidden":
            return ""
        if kind == "image":
            alt = el.get("alt")
            if alt and alt.strip():
                return alt
            return self._labels(el, include_hidden, depth) or _usable(el.get("value"))
        if kind in _BUTTON_DEFAULTS:
            return (self._labels(el, include_hidden, depth) or _usable(el.get("value"))
                    or _BUTTON_DEFAULTS[kind])
        return self._labels(el, include_hidden, depth)

    def _labels(self, el: Element, include_hidden: bool, depth: int) -> str:
        """The names of the element's rendered ``label`` elements (a hidden one names nothing
        unless the traversal started hidden)."""
        page = self.page
        if page.labels_for(el):
            self.impure = True   # a label may sit outside the subtree
        parts = [
            self.name(label, recursion=True, in_labelledby=False,
                      include_hidden=include_hidden, depth=depth + 1)
            for label in page.labels_for(el)
            if include_hidden or not page.is_hidden(label)
        ]
        return normalize_space(" ".join(parts))

    def _child_name(self, el: Element, child_tag: str, include_hidden: bool, depth: int) -> str:
        """The name of the first ``child_tag`` child that is not hidden (``legend``,
        ``caption``, ``figcaption``)."""
        for child in el.iterchildren(child_tag):
            if include_hidden or not self.page.is_hidden(child):
                return self.name(child, recursion=True, in_labelledby=False,
                                 include_hidden=include_hidden, depth=depth + 1)
        return ""

    # -- 2F, 2G -----------------------------------------------------------------------------

    def _content(
        self, el: Element, in_labelledby: bool, include_hidden: bool, depth: int, own_text: bool
    ) -> str:
        """The names of the child nodes, concatenated; ``own_text`` says if el's text shows."""
        if depth > self.guard:
            if depth <= _MAX_DEPTH:
                raise _TooDeep
            self.impure = True   # depends on how deep the asking ancestor is
            return flat_text(el) if own_text else ""
        page = self.page
        out: list[str] = []
        if own_text and el.text:
            out.append(el.text)
        for child in el:
            child_tag = child.tag   # comments and processing instructions have no str tag
            if child_tag.__class__ is str and child_tag not in _SKIP_CONTENT:
                if include_hidden or not page.is_hidden(child):
                    part = self.name(child, recursion=True, in_labelledby=in_labelledby,
                                     include_hidden=include_hidden, depth=depth + 1)
                    out.append(f" {part} " if is_block(child, child_tag) else part)
                elif _visibility_only(page, child):
                    # visibility:hidden can be undone by a descendant (visibility:visible).
                    part = self._content(child, in_labelledby, False, depth + 1, own_text=False)
                    out.append(f" {part} " if is_block(child, child_tag) else part)
                elif is_block(child, child_tag):
                    out.append(" ")
            if own_text and child.tail:
                out.append(child.tail)
        return "".join(out)


def flat_text(el: Element) -> str:
    """All text of the subtree, without recursion (for pathologically deep trees)."""
    out: list[str] = []
    stack: list[tuple[Element, bool]] = [(el, False)]
    while stack:
        node, tail_only = stack.pop()
        if tail_only:
            if node.tail:
                out.append(node.tail)
            continue
        if node is not el:
            stack.append((node, True))
        if node.tag.__class__ is not str or node.tag in _SKIP_CONTENT:
            continue
        if node.text:
            out.append(node.text)
        stack.extend((child, False) for child in reversed(node))
    return "".join(out)


def selected_options(select: Element) -> list[Element]:
    """The options a ``select`` shows as chosen (HTML "selectedness"), in tree order."""
    options: list[Element] = select.xpath(".//option")  # type: ignore[assignment]
    chosen = [o for o in options if o.get("selected") is not None]
    if select.get("multiple") is not None:
        return chosen
    if chosen:
        return chosen[-1:]
    if list_box(select):
        return []
    enabled = [o for o in options if not option_disabled(o)]
    return enabled[:1]


def option_disabled(option: Element) -> bool:
    """HTML: an option is disabled by its own ``disabled`` or by its ``optgroup``'s."""
    if option.get("disabled") is not None:
        return True
    parent = option.getparent()
    return parent is not None and tag_of(parent) == "optgroup" and (
        parent.get("disabled") is not None)


def option_text(option: Element) -> str:
    """The text an option shows: its ``label`` attribute, else its text."""
    label = option.get("label")
    if label and label.strip():
        return label
    return normalize_space(text_content(option))


def _range_value(el: Element) -> str:
    value = el.get("value")
    if value and value.strip():
        return value.strip()
    if input_type(el) != "range":
        return ""
    low, high = _number(el.get("min"), 0.0), _number(el.get("max"), 100.0)
    middle = low + (high - low) / 2 if high >= low else low
    return f"{middle:g}"


def _number(value: str | None, default: float) -> float:
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default


def _usable(value: str | None) -> str:
    return value if value and value.strip() else ""


def in_svg(el: Element) -> bool:
    """Inside an ``svg`` element (an SVG element when parsed as HTML)."""
    return next(el.iterancestors("svg"), None) is not None


def is_block(el: Element, tag: str) -> bool:
    """Rendered as a block: an inline ``display`` overrides the element's default."""
    style = el.get("style")
    if style and "display" in style:
        match = _DISPLAY.search(style)
        if match:
            return match.group(1).lower() not in _INLINE_DISPLAYS
    return tag in _BLOCK


_VISIBILITY_ONLY = (False, True, False)    # a visibility_state: hidden by visibility alone


def _visibility_only(page: Page, el: Element) -> bool:
    """Hidden by ``visibility`` alone (rendered, and not ``aria-hidden``)."""
    return page.visibility_state(el) == _VISIBILITY_ONLY
