"""Roles, states and properties: HTML-AAM implicit roles and the WAI-ARIA 1.2 rules about them.

Sources: HTML Accessibility API Mappings 1.0, section 4 "Mapping HTML elements to accessibility
APIs" (https://www.w3.org/TR/html-aam-1.0/#html-element-role-mappings); WAI-ARIA 1.2
(https://www.w3.org/TR/wai-aria-1.2/) sections 5 "The Roles Model", 6 "Supported States and
Properties" and 7 "Implementation in Host Languages". The tables themselves live in
:mod:`a11y_audit.knowledge.aria_data`; this module answers questions about them, for one
element at a time (no Page: the accessibility tree built from a page is
:mod:`a11y_audit.semantics.aria_tree`).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from lxml import etree

from a11y_audit.dom import integer, list_box, tag_of
from a11y_audit.knowledge import aria_data
from a11y_audit.knowledge.aria_data import ATTRIBUTES, ROLES, Attribute, Role

Element = etree._Element

__all__ = [
    "ABSTRACT_ROLES",
    "ARIA_ROLES",
    "ATTRIBUTES",
    "GLOBAL_ATTRIBUTES",
    "LANDMARK_ROLES",
    "NAME_FROM_CONTENT_ROLES",
    "PRESENTATIONAL",
    "ROLES",
    "Attribute",
    "Role",
]

# WAI-ARIA 1.2 section 5.3.4 "Landmark Roles".
LANDMARK_ROLES = frozenset(
    ("banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search")
)

# WAI-ARIA 1.2 section 5.3.1 "Abstract Roles": never valid in a role attribute.
ABSTRACT_ROLES = frozenset(name for name, role in ROLES.items() if role.abstract)

# Every role a role attribute may name: WAI-ARIA 1.2 (plus the 1.3 roles browsers map), the
# Graphics module and DPUB-ARIA; abstract roles excluded.
ARIA_ROLES = frozenset(name for name, role in ROLES.items() if not role.abstract)

# WAI-ARIA 1.2 section 5.2.8.4: roles whose name can come from their content.
NAME_FROM_CONTENT_ROLES = frozenset(
    name for name, role in ROLES.items() if "contents" in role.name_from
)

PRESENTATIONAL = frozenset(("none", "presentation"))

# ARIA 1.2 section 6.4 "Global States and Properties" that make a presentational element keep its
# role (section 7.3 "Presentational Roles Conflict Resolution").
GLOBAL_ATTRIBUTES = aria_data.GLOBALS_12
# Globals of ARIA 1.2 and 1.3 (aria-braillelabel, aria-brailleroledescription, aria-description).
ALL_GLOBAL_ATTRIBUTES = aria_data.ALL_GLOBALS


# -- role facts ------------------------------------------------------------------------------

@cache
def role_chain(role: str) -> tuple[str, ...]:
    """The role and all its superclass roles, nearest first (WAI-ARIA 1.2 section 5.2.2)."""
    seen: list[str] = []
    pending = [role]
    while pending:
        name = pending.pop(0)
        if name in seen or name not in ROLES:
            continue
        seen.append(name)
        pending.extend(ROLES[name].superclasses)
    return tuple(seen)


def is_widget(role: str) -> bool:
    return "widget" in role_chain(role)


@cache
def _inherited(role: str) -> frozenset[str]:
    found: set[str] = set()
    for name in role_chain(role):
        info = ROLES[name]
        found.update(info.supported)
        found.update(info.required)
    return frozenset(found)


def supported_attributes(role: str, *, focusable: bool = False) -> frozenset[str]:
    """States and properties a role supports: globals, its own, inherited; minus prohibited.

    The ``separator`` role supports its value properties only when focusable (WAI-ARIA 1.2,
    "separator"). An unknown or empty role supports the globals only.
    """
    if role not in ROLES:
        return ALL_GLOBAL_ATTRIBUTES
    found = (_inherited(role) | ALL_GLOBAL_ATTRIBUTES) - prohibited_attributes(role)
    if "separator" in role_chain(role) and not focusable:
        found -= {"aria-valuemax", "aria-valuemin", "aria-valuenow", "aria-valuetext"}
    return found


# Attributes WAI-ARIA 1.1 allowed where 1.2 no longer does, and that axe-core still allows
# (no ACT case fails them): ``aria-expanded`` on the roles that inherited it from section,
# sectionhead and window in 1.1 (landmarks, structure, dialogs, live regions, composite
# containers...), ``aria-level`` on grid, tablist and treegrid, ``aria-orientation`` on
# combobox (a select in 1.1), ``aria-required`` on radio and slider, and a ``separator``'s
# value properties whether or not it is focusable.
_EXPANDED_IN_ARIA11 = frozenset((
    "alert", "alertdialog", "article", "banner", "cell", "complementary", "contentinfo",
    "definition", "dialog", "directory", "document", "feed", "figure", "form", "grid", "group",
    "heading", "img", "list", "listitem", "log", "main", "marquee", "math", "menu", "menubar",
    "navigation", "note", "progressbar", "radiogroup", "region", "search", "status", "table",
    "tablist", "tabpanel", "term", "timer", "toolbar", "tooltip", "tree", "treegrid",
    "treeitem"))
_ARIA11_ALLOWANCES = {
    "aria-level": frozenset(("grid", "tablist", "treegrid")),
    "aria-orientation": frozenset(("combobox",)),
    "aria-required": frozenset(("radio", "slider")),
    "aria-valuemax": frozenset(("separator",)), "aria-valuemin": frozenset(("separator",)),
    "aria-valuenow": frozenset(("separator",)), "aria-valuetext": frozenset(("separator",)),
}


def allowed_by_aria11(role: str, attribute: str) -> bool:
    """Whether axe-core's WAI-ARIA 1.1 allowances let ``attribute`` stand on ``role``."""
    if attribute == "aria-expanded":
        return role in _EXPANDED_IN_ARIA11
    return role in _ARIA11_ALLOWANCES.get(attribute, ())


@cache
def deprecated_attributes(role: str) -> frozenset[str]:
    """Global states and properties WAI-ARIA 1.2 deprecates on this role (section 6.4: the
    globals aria-disabled, aria-errormessage, aria-haspopup and aria-invalid stay supported only
    on the roles that list them), plus aria-dropeffect and aria-grabbed everywhere."""
    deprecated = {name for name, info in ATTRIBUTES.items() if info.deprecated}
    if role not in ROLES:
        return frozenset(aria_data.DEPRECATED_GLOBALS | deprecated)
    listed: set[str] = set()
    for name in role_chain(role):
        if name != "roletype":
            listed.update(ROLES[name].supported)
    return frozenset((aria_data.DEPRECATED_GLOBALS - listed) | deprecated)


def required_attributes(role: str, *, focusable: bool = False) -> tuple[str, ...]:
    """The role's required states and properties (WAI-ARIA 1.2 section 5.2.2)."""
    info = ROLES.get(role)
    if info is None:
        return ()
    if "separator" in role_chain(role) and not focusable:
        return ()
    return info.required


def implicit_value(role: str, attribute: str) -> str | None:
    """The role's implicit value for a state or property ("Implicit Value for Role")."""
    info = ROLES.get(role)
    return dict(info.defaults).get(attribute) if info else None


@cache
def prohibited_attributes(role: str) -> frozenset[str]:
    """States and properties authors must not use on the role (WAI-ARIA 1.2 section 5.2.2.1)."""
    info = ROLES.get(role)
    return frozenset(info.prohibited) if info else frozenset()


def required_context(role: str) -> tuple[str, ...]:
    info = ROLES.get(role)
    return info.context if info else ()


@cache
def required_owned(role: str) -> tuple[tuple[str, ...], ...]:
    """Required owned elements as chains: ``list`` gives (("listitem",),), ``menu`` also
    ("group", "menuitem") for "group → menuitem" (WAI-ARIA 1.2 section 5.2.7)."""
    info = ROLES.get(role)
    if info is None:
        return ()
    return tuple(tuple(part.strip() for part in item.split(">")) for item in info.owned)


def children_presentational(role: str) -> bool:
    info = ROLES.get(role)
    return bool(info and info.children_presentational)


def is_aria12_role(role: str) -> bool:
    info = ROLES.get(role)
    return bool(info and info.spec == aria_data.ARIA12)


# -- attribute values (WAI-ARIA 1.2 section 6.3 "Value") ------------------------------------

_INTEGER = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
# WAI-ARIA 1.2's lower bounds on integer values ("greater than or equal to 1"; -1 means
# "unknown" for the counts), as axe-core checks them; no ACT case contradicts them.
INTEGER_MINIMUM = {"aria-colcount": -1, "aria-colindex": 1, "aria-colspan": 1, "aria-level": 1,
                   "aria-posinset": 1, "aria-rowcount": -1, "aria-rowindex": 1,
                   "aria-rowspan": 0, "aria-setsize": -1}
_VALUE_TYPES = {
    aria_data.TRUE_FALSE: ("true", "false"),
    aria_data.TRISTATE: ("true", "false", "mixed", "undefined"),
    aria_data.TRUE_FALSE_UNDEFINED: ("true", "false", "undefined"),
}


def is_valid_value(attribute: str, value: str) -> bool:
    """Whether ``value`` fits the attribute's value type (ASCII case-insensitive, trimmed).

    ID references need no target element here (ACT rule 6a7281): an ID reference is one token,
    an ID reference list any tokens. Unknown attributes are never valid.
    """
    info = ATTRIBUTES.get(attribute)
    if info is None:
        return False
    value = value.strip()
    kind = info.type
    if kind in _VALUE_TYPES:
        return value.lower() in _VALUE_TYPES[kind]
    if kind == aria_data.INTEGER:
        return bool(_INTEGER.match(value)) and integer(value) >= INTEGER_MINIMUM.get(attribute,
                                                                                 -(2 ** 63))
    if kind == aria_data.NUMBER:
        return bool(_NUMBER.match(value))
    if kind == aria_data.TOKEN:
        return value.lower() in info.tokens
    if kind == aria_data.TOKEN_LIST:
        tokens = value.lower().split()
        return bool(tokens) and all(token in info.tokens for token in tokens)
    if kind == aria_data.ID_REFERENCE:
        return len(value.split()) == 1
    return True  # string, ID reference list


def expected_values(attribute: str) -> str:
    """A short description of the valid values, for messages."""
    info = ATTRIBUTES.get(attribute)
    if info is None:
        return "no value (not a WAI-ARIA attribute)"
    if info.type in _VALUE_TYPES:
        return " | ".join(_VALUE_TYPES[info.type])
    if info.tokens:
        joiner = " | " if info.type == aria_data.TOKEN else ", "
        return ("one of " if info.type == aria_data.TOKEN else "tokens from ") + joiner.join(
            info.tokens)
    if attribute in INTEGER_MINIMUM:
        return f"an integer of at least {INTEGER_MINIMUM[attribute]}"
    return f"a{'n' if info.type[0] in 'aeiouAEIOU' else ''} {info.type}"


def aria_attributes(el: Element) -> list[tuple[str, str]]:
    """The element's ``aria-*`` attributes (name lower-cased, value as written)."""
    return [(name.lower(), value)  # type: ignore[misc]  # (values are str)
            for name, value in el.attrib.items()
            if isinstance(name, str) and name[:5].lower() == "aria-"]


def has_global_attribute(el: Element) -> bool:
    """Carries a WAI-ARIA 1.2 global state or property (section 7.3 conflict resolution)."""
    # Read the element's few attributes once rather than asking for each global one (this
    # runs for every image of a page: 100,000 sibling images made it a hot spot).
    attrib = el.attrib
    return bool(attrib) and any(isinstance(name, str) and name.lower() in GLOBAL_ATTRIBUTES
                                for name in attrib)


# -- roles of elements ---------------------------------------------------------------------

def role_tokens(el: Element) -> list[str]:
    return (el.get("role") or "").lower().split()


def explicit_role(el: Element) -> str | None:
    """The first recognised, non-abstract token of the role attribute (ARIA 1.2 section 7.1).
    Code that holds the page reads ``page.explicit_roles`` instead (one look-up, no get)."""
    value = el.get("role")
    return role_of_value(value) if value else None


@lru_cache(maxsize=4096)
def role_of_value(value: str) -> str | None:
    """:func:`explicit_role` of a role attribute with this value (memoised: pages, and a
    site's pages, repeat a few role values)."""
    for token in value.lower().split():
        if token in ARIA_ROLES:
            return token
    return None


def is_mathml(el: Element) -> bool:
    """In a ``math`` element: MathML, neither an HTML nor an SVG element."""
    # lxml filters the ancestors by tag in C (the HTML parser's tags are local names).
    return el.tag == "math" or next(el.iterancestors("math"), None) is not None


# Elements that establish a sectioning scope for header/footer (HTML-AAM, "header" and "footer").
_SECTIONING = frozenset(("article", "aside", "main", "nav", "section"))

_INPUT_ROLES = {
    "button": "button", "image": "button", "reset": "button", "submit": "button",
    "checkbox": "checkbox", "radio": "radio", "range": "slider", "number": "spinbutton",
    "email": "textbox", "tel": "textbox", "text": "textbox", "url": "textbox",
    "search": "searchbox", "password": "", "hidden": "", "file": "", "color": "",
    "date": "", "datetime-local": "", "month": "", "time": "", "week": "",
}

# HTML-AAM section 4: elements whose implicit role does not depend on context or attributes
# (``s`` is a ``deletion`` since 2023, as Chromium exposes it; ``dir``, obsolete, a ``list``).
_SIMPLE_ROLES = {
    "article": "article", "blockquote": "blockquote", "button": "button", "caption": "caption",
    "code": "code", "datalist": "listbox", "dd": "definition", "del": "deletion",
    "dir": "list", "s": "deletion",
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

# (not ``dir``, though its role is ``list``: Chromium keeps its ``li`` a ``listitem``
# whatever role it is given, ``none`` or ``tablist``)
_LIST_TAGS = frozenset(("ul", "ol", "menu"))


def implicit_role(el: Element, *, has_name: bool | None = None) -> str:
    """The HTML-AAM role of an element without a role attribute ("" when it has none).

    ``has_name`` tells whether the element has an accessible name; it decides ``section`` and
    ``form`` (landmarks only when named) and scoped ``aside``. Pass None when unknown: it then
    counts as unnamed, the conservative reading. Context from ancestors' *role attributes* is
    read here (``li`` in ``role=list``, ``td`` in ``role=grid``); presentational inheritance and
    conflict resolution need the page (:meth:`Page.role`).
    """
    tag = el.tag   # a Page's elements carry their lower-case local name (see dom.tag_of)
    role = _SIMPLE_ROLES.get(tag)
    if role is not None:
        return role
    if tag in ("a", "area"):
        return "link" if el.get("href") is not None else ("generic" if tag == "a" else "")
    if tag == "img":
        alt = el.get("alt")
        if alt == "" and not has_global_attribute(el):
            return "presentation"
        return "img"
    if tag == "input":
        kind = (el.get("type") or "text").strip().lower()
        role = _INPUT_ROLES.get(kind, "textbox")
        if el.get("list") is not None and role in ("textbox", "searchbox"):
            return "combobox"
        return role
    if tag == "select":
        if list_box(el):
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
        return _li_role(el)
    if tag == "td":
        table = _closest_table(el)
        return "gridcell" if table is not None and explicit_role(table) in (
            "grid", "treegrid") else "cell"
    if tag == "th":
        return _th_role(el)
    return ""


def _li_role(el: Element) -> str:
    """``generic`` when the parent is a ``ul``/``ol``/``menu`` whose role attribute makes it
    something other than a list (HTML-AAM: the ``li`` of ``<ul role="menu">`` is a plain
    wrapper), else ``listitem``.

    An ``li`` whose parent is no list element at all (``<div role="presentation"><li>`` in a
    ``role="list"``, or a stray ``li`` in a ``div``) stays a ``listitem``, as Chromium exposes
    it and axe-core reads it: its accessibility parent is found by looking through ignored
    wrappers, not by the DOM parent. A presentational list parent is :meth:`Page.role`'s
    business (the ``li`` inherits ``none``).
    """
    parent = el.getparent()
    if parent is None or parent.tag not in _LIST_TAGS:
        return "listitem"
    role = explicit_role(parent)
    if role is None or role in PRESENTATIONAL or role in ("list", "directory"):
        return "listitem"
    return "generic"


def _closest_table(el: Element) -> Element | None:
    return next(el.iterancestors("table"), None)


def _th_role(el: Element) -> str:
    """HTML-AAM "th": columnheader or rowheader by ``scope``, else by the cell's position."""
    scope = (el.get("scope") or "").strip().lower()
    if scope in ("col", "colgroup"):
        return "columnheader"
    if scope in ("row", "rowgroup"):
        return "rowheader"
    row = el.getparent()
    if row is None:
        return "columnheader"
    group = row.getparent()
    if group is not None and group.tag == "thead":
        return "columnheader"
    if next(row.iterchildren("td"), None) is not None:
        return "rowheader"
    return "columnheader"


def _in_sectioning(el: Element, *, aside: bool = False) -> bool:
    scopes = _SECTIONING - {"main"} if aside else _SECTIONING
    for anc in el.iterancestors():
        tag = anc.tag
        if tag in scopes or (anc.get("role") or "").strip() in ("article", "complementary",
                                                               "main", "navigation", "region"):
            return True
    return False


# Owned elements that inherit a presentational role from their owner (WAI-ARIA 1.2 section 5.4
# "presentation": "required owned elements ... that do not have an explicit role"): the element
# and the tags its owner may have.
PRESENTATION_INHERITED_FROM = {
    "li": _LIST_TAGS,
    "tr": frozenset(("table", "thead", "tbody", "tfoot")),
    "thead": frozenset(("table",)), "tbody": frozenset(("table",)),
    "tfoot": frozenset(("table",)),
    "td": frozenset(("tr",)), "th": frozenset(("tr",)),
}

# The role of an element without a role attribute, for tags whose role neither context nor
# attributes change and that never inherit a presentational role: ``div`` is always
# ``generic``, ``p`` always ``paragraph`` (none of these roles is presentational, so no
# conflict resolution applies). :meth:`Page.role` answers these without the general path.
CONTEXT_FREE_ROLES = {tag: role for tag, role in _SIMPLE_ROLES.items()
                      if tag not in PRESENTATION_INHERITED_FROM}


def feature_attributes(el: Element) -> frozenset[str]:
    """States and properties ARIA in HTML allows on the element beyond its role's: those of
    the role an element without a role borrows (``audio`` → ``application``, ``input
    type=password`` → ``textbox``...), and ``aria-required`` where HTML allows ``required``."""
    tag = tag_of(el)
    kind = (el.get("type") or "text").strip().lower() if tag == "input" else ""
    if tag == "input":
        roles = aria_data.FEATURE_ROLES_BY_INPUT.get(kind, ())
    else:
        roles = aria_data.FEATURE_ROLES_BY_TAG.get(tag, ())
    found: set[str] = set()
    for role in roles:
        found |= supported_attributes(role)
    if tag in ("select", "textarea") or (
        tag == "input" and kind in aria_data.REQUIRED_CAPABLE_INPUTS
    ):
        found.add("aria-required")
    return frozenset(found)


def native_states(el: Element) -> frozenset[str]:
    """States and properties the element's HTML semantics provide (HTML-AAM section 4.2)."""
    tag = tag_of(el)
    kind = (el.get("type") or "").strip().lower() if tag == "input" else None
    return aria_data.native_states(tag, kind, dict(el.items()))  # type: ignore[arg-type]  # (str)
