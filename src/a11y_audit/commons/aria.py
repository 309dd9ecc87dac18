"""Roles: HTML-AAM implicit roles and WAI-ARIA 1.2 role facts the page model needs.

Sources: HTML Accessibility API Mappings 1.0, section 4 "Mapping HTML elements to accessibility
APIs" (https://www.w3.org/TR/html-aam-1.0/#html-element-role-mappings); WAI-ARIA 1.2 section 5.3
"Categorization of Roles" and 5.2.8.4 "Roles supporting name from content".
"""

from __future__ import annotations

from lxml import etree

from a11y_audit.commons.dom import tag_of

# WAI-ARIA 1.2 section 5.3.4 "Landmark Roles".
LANDMARK_ROLES = frozenset(
    ("banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search")
)

# WAI-ARIA 1.2 section 5.3.1 "Abstract Roles": never valid in a role attribute.
ABSTRACT_ROLES = frozenset(
    (
        "command", "composite", "input", "landmark", "range", "roletype", "section",
        "sectionhead", "select", "structure", "widget", "window",
    )
)

# WAI-ARIA 1.2 roles (non-abstract), plus graphics-aria and DPub roles that browsers support.
ARIA_ROLES = frozenset(
    """
    alert alertdialog application article banner blockquote button caption cell checkbox code
    columnheader combobox comment complementary contentinfo definition deletion dialog directory
    document emphasis feed figure form generic grid gridcell group heading img insertion link list
    listbox listitem log main mark marquee math menu menubar menuitem menuitemcheckbox
    menuitemradio meter navigation none note option paragraph presentation progressbar radio
    radiogroup region row rowgroup rowheader scrollbar search searchbox separator slider
    spinbutton status strong subscript suggestion superscript switch tab table tablist tabpanel
    term textbox time timer toolbar tooltip tree treegrid treeitem
    graphics-document graphics-object graphics-symbol
    doc-abstract doc-acknowledgments doc-afterword doc-appendix doc-backlink doc-biblioentry
    doc-bibliography doc-biblioref doc-chapter doc-colophon doc-conclusion doc-cover doc-credit
    doc-credits doc-dedication doc-endnote doc-endnotes doc-epigraph doc-epilogue doc-errata
    doc-example doc-footnote doc-foreword doc-glossary doc-glossref doc-index doc-introduction
    doc-noteref doc-notice doc-pagebreak doc-pagefooter doc-pageheader doc-pagelist doc-part
    doc-preface doc-prologue doc-pullquote doc-qna doc-subtitle doc-tip doc-toc
    """.split()
)

# WAI-ARIA 1.2 section 5.2.8.4: roles whose name can come from their content.
NAME_FROM_CONTENT_ROLES = frozenset(
    """
    button cell checkbox columnheader gridcell heading link menuitem menuitemcheckbox
    menuitemradio option radio row rowheader sectionhead switch tab tooltip treeitem
    doc-backlink doc-biblioref doc-glossref doc-noteref
    """.split()
)

# Elements that establish a sectioning scope for header/footer (HTML-AAM, "header" and "footer").
_SECTIONING = frozenset(("article", "aside", "main", "nav", "section"))

_INPUT_ROLES = {
    "button": "button", "image": "button", "reset": "button", "submit": "button",
    "checkbox": "checkbox", "radio": "radio", "range": "slider", "number": "spinbutton",
    "email": "textbox", "tel": "textbox", "text": "textbox", "url": "textbox",
    "search": "searchbox", "password": "", "hidden": "", "file": "", "color": "",
    "date": "", "datetime-local": "", "month": "", "time": "", "week": "",
}

# Elements whose implicit role does not depend on context or attributes.
_SIMPLE_ROLES = {
    "article": "article", "blockquote": "blockquote", "button": "button", "caption": "caption",
    "code": "code", "datalist": "listbox", "dd": "definition", "del": "deletion",
    "details": "group", "dfn": "term", "dialog": "dialog", "dt": "term", "em": "emphasis",
    "fieldset": "group", "figure": "figure", "h1": "heading", "h2": "heading", "h3": "heading",
    "h4": "heading", "h5": "heading", "h6": "heading", "hr": "separator", "html": "document",
    "ins": "insertion", "main": "main", "math": "math", "menu": "list", "meter": "meter",
    "nav": "navigation", "ol": "list", "optgroup": "group", "option": "option",
    "output": "status", "p": "paragraph", "progress": "progressbar", "search": "search",
    "strong": "strong", "sub": "subscript", "sup": "superscript", "table": "table",
    "tbody": "rowgroup", "textarea": "textbox", "tfoot": "rowgroup", "thead": "rowgroup",
    "time": "time", "tr": "row", "ul": "list", "address": "group", "hgroup": "group",
    "b": "generic", "bdi": "generic", "bdo": "generic", "body": "generic", "data": "generic",
    "div": "generic", "i": "generic", "pre": "generic", "q": "generic", "samp": "generic",
    "small": "generic", "span": "generic", "u": "generic", "legend": "", "label": "",
    "svg": "graphics-document", "mark": "mark",
}


def explicit_role(el: etree._Element) -> str | None:
    """The first recognised, non-abstract token of the role attribute (ARIA 1.2 section 7.1)."""
    value = el.get("role")
    if not value:
        return None
    for token in value.lower().split():
        if token in ARIA_ROLES:
            return token
    return None


def implicit_role(el: etree._Element, *, has_name: bool | None = None) -> str:
    """The HTML-AAM role of an element without a role attribute ("" when it has none).

    ``has_name`` tells whether the element has an accessible name; it decides ``section`` and
    ``form`` (landmarks only when named) and scoped ``aside``. Pass None when unknown: it then
    counts as unnamed, the conservative reading.
    """
    tag = tag_of(el)
    role = _SIMPLE_ROLES.get(tag)
    if role is not None:
        return role
    if tag in ("a", "area"):
        return "link" if el.get("href") is not None else ("generic" if tag == "a" else "")
    if tag == "img":
        alt = el.get("alt")
        if alt == "" and not _has_global_naming(el):
            return "presentation"
        return "img"
    if tag == "input":
        kind = (el.get("type") or "text").strip().lower()
        role = _INPUT_ROLES.get(kind, "textbox")
        if el.get("list") is not None and role in ("textbox", "searchbox"):
            return "combobox"
        return role
    if tag == "select":
        size = el.get("size")
        multiple = el.get("multiple") is not None
        if multiple or (size and size.strip().isdigit() and int(size) > 1):
            return "listbox"
        return "combobox"
    if tag == "header":
        return "generic" if _in_sectioning(el) else "banner"
    if tag == "footer":
        return "generic" if _in_sectioning(el) else "contentinfo"
    if tag == "aside":
        return "complementary" if (has_name or not _in_sectioning(el, aside=True)) else "generic"
    if tag == "section":
        return "region" if has_name else "generic"
    if tag == "form":
        return "form" if has_name else ""
    if tag == "li":
        parent = el.getparent()
        return "listitem" if parent is not None and tag_of(parent) in ("ul", "ol", "menu") else ""
    if tag == "td":
        return "cell"
    if tag == "th":
        return "columnheader"
    return ""


def _in_sectioning(el: etree._Element, *, aside: bool = False) -> bool:
    scopes = _SECTIONING - {"main"} if aside else _SECTIONING
    for anc in el.iterancestors():
        tag = tag_of(anc)
        if tag in scopes or (anc.get("role") or "").strip() in ("article", "complementary",
                                                               "main", "navigation", "region"):
            return True
    return False


# ARIA 1.2 section 6.4 "Global States and Properties" that make a presentational element keep its
# role (section 7.3 "Presentational Roles Conflict Resolution").
GLOBAL_ATTRIBUTES = frozenset(
    """
    aria-atomic aria-busy aria-controls aria-current aria-describedby aria-details
    aria-disabled aria-dropeffect aria-errormessage aria-flowto aria-grabbed aria-haspopup
    aria-hidden aria-invalid aria-keyshortcuts aria-label aria-labelledby aria-live aria-owns
    aria-relevant aria-roledescription
    """.split()
)


def _has_global_naming(el: etree._Element) -> bool:
    return any(el.get(name) is not None for name in GLOBAL_ATTRIBUTES)
