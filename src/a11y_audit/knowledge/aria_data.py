"""WAI-ARIA 1.2 knowledge as data: every role and every state or property.

Sources (each table below names its section):

* WAI-ARIA 1.2, W3C Recommendation 6 June 2023 (https://www.w3.org/TR/wai-aria-1.2/):
  5.3 "Categorization of Roles", 5.4 "Definition of Roles" (one entry per role: superclass
  roles, required context roles, required owned elements, required/supported/prohibited states
  and properties, name from, children presentational, implicit values), 6.2.4 and 6.3 "Value"
  types, 6.4 "Global States and Properties", 6.6 and 6.7 "Definitions of States and Properties".
* WAI-ARIA 1.3 (Editor's Draft): the attributes aria-braillelabel, aria-brailleroledescription,
  aria-description, aria-colindextext and aria-rowindextext and the roles comment, mark and
  suggestion, which browsers already support (they are *defined* here, never *required*).
* WAI-ARIA Graphics Module 1.0 (https://www.w3.org/TR/graphics-aria-1.0/) section 4 "Roles".
* Digital Publishing WAI-ARIA Module 1.0 (https://www.w3.org/TR/dpub-aria-1.0/) section 4
  "Roles", plus doc-pagefooter and doc-pageheader from DPUB-ARIA 1.1.

Only the facts a role's own entry lists are written here; what a role *inherits* from its
superclasses is computed (:func:`role_chain`), as the specification does.
"""

from __future__ import annotations

from dataclasses import dataclass

# -- states and properties: WAI-ARIA 1.2 section 6.6/6.7, value types section 6.3 -----------

# Value types (WAI-ARIA 1.2 section 6.3 "Value").
TRUE_FALSE = "true/false"
TRISTATE = "tristate"                      # true, false, mixed, undefined
TRUE_FALSE_UNDEFINED = "true/false/undefined"
ID_REFERENCE = "ID reference"
ID_REFERENCE_LIST = "ID reference list"
INTEGER = "integer"
NUMBER = "number"
STRING = "string"
TOKEN = "token"
TOKEN_LIST = "token list"


@dataclass(frozen=True, slots=True)
class Attribute:
    """One WAI-ARIA state or property: its value type, allowed tokens and default."""

    name: str
    type: str
    tokens: tuple[str, ...] = ()
    default: str | None = None
    is_state: bool = False
    deprecated: bool = False       # deprecated in ARIA 1.2 (aria-dropeffect, aria-grabbed)
    aria13: bool = False           # defined by WAI-ARIA 1.3 only


def _attr(name: str, type_: str, *tokens: str, default: str | None = None, state: bool = False,
          deprecated: bool = False, aria13: bool = False) -> Attribute:
    return Attribute(name, type_, tokens, default, state, deprecated, aria13)


_ATTRIBUTE_LIST = (
    _attr("aria-activedescendant", ID_REFERENCE),
    _attr("aria-atomic", TRUE_FALSE, default="false"),
    _attr("aria-autocomplete", TOKEN, "inline", "list", "both", "none", default="none"),
    _attr("aria-braillelabel", STRING, aria13=True),
    _attr("aria-brailleroledescription", STRING, aria13=True),
    _attr("aria-busy", TRUE_FALSE, default="false", state=True),
    _attr("aria-checked", TRISTATE, default="undefined", state=True),
    _attr("aria-colcount", INTEGER),
    _attr("aria-colindex", INTEGER),
    _attr("aria-colindextext", STRING, aria13=True),
    _attr("aria-colspan", INTEGER),
    _attr("aria-controls", ID_REFERENCE_LIST),
    _attr("aria-current", TOKEN, "page", "step", "location", "date", "time", "true", "false",
          default="false", state=True),
    _attr("aria-describedby", ID_REFERENCE_LIST),
    _attr("aria-description", STRING, aria13=True),
    # ARIA 1.2 says ID reference; ARIA 1.3 makes it a list, which browsers accept.
    _attr("aria-details", ID_REFERENCE_LIST),
    _attr("aria-disabled", TRUE_FALSE, default="false", state=True),
    _attr("aria-dropeffect", TOKEN_LIST, "copy", "execute", "link", "move", "none", "popup",
          default="none", deprecated=True),
    # ARIA 1.2 says ID reference; ARIA 1.3 makes it a list, which browsers accept.
    _attr("aria-errormessage", ID_REFERENCE_LIST),
    _attr("aria-expanded", TRUE_FALSE_UNDEFINED, default="undefined", state=True),
    _attr("aria-flowto", ID_REFERENCE_LIST),
    _attr("aria-grabbed", TRUE_FALSE_UNDEFINED, default="undefined", state=True,
          deprecated=True),
    _attr("aria-haspopup", TOKEN, "false", "true", "menu", "listbox", "tree", "grid", "dialog",
          default="false"),
    _attr("aria-hidden", TRUE_FALSE_UNDEFINED, default="undefined", state=True),
    _attr("aria-invalid", TOKEN, "grammar", "false", "spelling", "true", default="false",
          state=True),
    _attr("aria-keyshortcuts", STRING),
    _attr("aria-label", STRING),
    _attr("aria-labelledby", ID_REFERENCE_LIST),
    _attr("aria-level", INTEGER),
    _attr("aria-live", TOKEN, "assertive", "off", "polite", default="off"),
    _attr("aria-modal", TRUE_FALSE, default="false"),
    _attr("aria-multiline", TRUE_FALSE, default="false"),
    _attr("aria-multiselectable", TRUE_FALSE, default="false"),
    _attr("aria-orientation", TOKEN, "horizontal", "undefined", "vertical", default="undefined"),
    _attr("aria-owns", ID_REFERENCE_LIST),
    _attr("aria-placeholder", STRING),
    _attr("aria-posinset", INTEGER),
    _attr("aria-pressed", TRISTATE, default="undefined", state=True),
    _attr("aria-readonly", TRUE_FALSE, default="false"),
    _attr("aria-relevant", TOKEN_LIST, "additions", "all", "removals", "text",
          default="additions text"),
    _attr("aria-required", TRUE_FALSE, default="false"),
    _attr("aria-roledescription", STRING),
    _attr("aria-rowcount", INTEGER),
    _attr("aria-rowindex", INTEGER),
    _attr("aria-rowindextext", STRING, aria13=True),
    _attr("aria-rowspan", INTEGER),
    _attr("aria-selected", TRUE_FALSE_UNDEFINED, default="undefined", state=True),
    _attr("aria-setsize", INTEGER),
    _attr("aria-sort", TOKEN, "ascending", "descending", "none", "other", default="none"),
    _attr("aria-valuemax", NUMBER),
    _attr("aria-valuemin", NUMBER),
    _attr("aria-valuenow", NUMBER),
    _attr("aria-valuetext", STRING),
)

ATTRIBUTES: dict[str, Attribute] = {a.name: a for a in _ATTRIBUTE_LIST}

# WAI-ARIA 1.2 section 6.4 "Global States and Properties". Four of them are deprecated *as
# globals* (kept global here: still allowed everywhere, ARIA 1.2 only discourages them on roles
# that do not list them): aria-disabled, aria-errormessage, aria-haspopup, aria-invalid.
GLOBALS_12 = frozenset((
    "aria-atomic", "aria-busy", "aria-controls", "aria-current", "aria-describedby",
    "aria-details", "aria-disabled", "aria-dropeffect", "aria-errormessage", "aria-flowto",
    "aria-grabbed", "aria-haspopup", "aria-hidden", "aria-invalid", "aria-keyshortcuts",
    "aria-label", "aria-labelledby", "aria-live", "aria-owns", "aria-relevant",
    "aria-roledescription",
))
DEPRECATED_GLOBALS = frozenset(("aria-disabled", "aria-errormessage", "aria-haspopup",
                                "aria-invalid"))
# WAI-ARIA 1.3 adds these globals.
GLOBALS_13 = frozenset(("aria-braillelabel", "aria-brailleroledescription", "aria-description"))
ALL_GLOBALS = GLOBALS_12 | GLOBALS_13


# -- roles: WAI-ARIA 1.2 section 5.4 "Definition of Roles" ---------------------------------

ARIA12 = "aria12"
ARIA13 = "aria13"
GRAPHICS = "graphics-aria"
DPUB = "dpub-aria"

# Name from (WAI-ARIA 1.2 section 5.2.8.4): "author", "contents" (also author), "prohibited".
AUTHOR = ("author",)
CONTENTS = ("contents", "author")
PROHIBITED = ("prohibited",)

_NAME_PROHIBITED_ATTRS = ("aria-label", "aria-labelledby", "aria-braillelabel")


@dataclass(frozen=True, slots=True)
class Role:
    """One role as WAI-ARIA defines it (only what its own entry lists; see role_chain)."""

    name: str
    superclasses: tuple[str, ...]
    abstract: bool = False
    context: tuple[str, ...] = ()        # required context roles
    owned: tuple[str, ...] = ()          # required owned elements; "group > option" is a chain
    #                                      (written comma-separated in the table below)
    required: tuple[str, ...] = ()       # required states and properties
    supported: tuple[str, ...] = ()      # supported states and properties (own, not inherited)
    prohibited: tuple[str, ...] = ()     # prohibited states and properties
    name_from: tuple[str, ...] = AUTHOR
    children_presentational: bool = False
    defaults: tuple[tuple[str, str], ...] = ()   # implicit values for the role
    deprecated: bool = False
    spec: str = ARIA12


def _r(name: str, *superclasses: str, **facts) -> Role:
    for key in ("context", "required", "supported", "prohibited"):
        if isinstance(facts.get(key), str):
            facts[key] = tuple(facts[key].split())
    if isinstance(facts.get("owned"), str):
        facts["owned"] = tuple(" ".join(item.split()) for item in facts["owned"].split(","))
    return Role(name, superclasses, **facts)


_RANGE_VALUES = "aria-valuemax aria-valuemin aria-valuenow aria-valuetext"

_ROLE_LIST = (
    # 5.3.1 Abstract roles: never valid in a role attribute.
    _r("roletype", abstract=True, supported=" ".join(sorted(GLOBALS_12))),
    _r("structure", "roletype", abstract=True),
    _r("widget", "roletype", abstract=True),
    _r("window", "roletype", abstract=True, supported="aria-modal"),
    _r("command", "widget", abstract=True),
    _r("composite", "widget", abstract=True, supported="aria-activedescendant aria-disabled"),
    _r("input", "widget", abstract=True, supported="aria-disabled"),
    _r("range", "structure", abstract=True, supported=_RANGE_VALUES),
    _r("section", "structure", abstract=True),
    _r("sectionhead", "structure", abstract=True, name_from=CONTENTS),
    _r("select", "composite", "group", abstract=True, supported="aria-orientation"),
    _r("landmark", "section", abstract=True),
    # 5.4 concrete roles, alphabetical.
    _r("alert", "section", defaults=(("aria-live", "assertive"), ("aria-atomic", "true"))),
    _r("alertdialog", "alert", "dialog"),
    _r("application", "structure", supported="aria-activedescendant aria-disabled "
       "aria-errormessage aria-expanded aria-haspopup aria-invalid"),
    _r("article", "document", supported="aria-posinset aria-setsize"),
    _r("banner", "landmark"),
    _r("blockquote", "section"),
    _r("button", "command", supported="aria-disabled aria-expanded aria-haspopup aria-pressed",
       name_from=CONTENTS, children_presentational=True),
    _r("caption", "section", context="figure grid table treegrid",
       prohibited=" ".join(_NAME_PROHIBITED_ATTRS), name_from=PROHIBITED),
    _r("cell", "section", context="row", supported="aria-colindex aria-colspan aria-rowindex "
       "aria-rowspan aria-colindextext aria-rowindextext", name_from=CONTENTS),
    _r("checkbox", "input", required="aria-checked", supported="aria-errormessage "
       "aria-expanded aria-invalid aria-readonly aria-required", name_from=CONTENTS,
       children_presentational=True),
    _r("code", "section", prohibited=" ".join(_NAME_PROHIBITED_ATTRS), name_from=PROHIBITED),
    _r("columnheader", "cell", "gridcell", "sectionhead", context="row", supported="aria-sort",
       name_from=CONTENTS),
    _r("combobox", "input", required="aria-controls aria-expanded",
       supported="aria-activedescendant aria-autocomplete aria-errormessage aria-haspopup "
       "aria-invalid aria-readonly aria-required", defaults=(("aria-haspopup", "listbox"),)),
    _r("complementary", "landmark"),
    _r("contentinfo", "landmark"),
    _r("definition", "section"),
    _r("deletion", "section", prohibited=" ".join(_NAME_PROHIBITED_ATTRS),
       name_from=PROHIBITED),
    _r("dialog", "window"),
    _r("directory", "list", deprecated=True),
    _r("document", "structure"),
    _r("emphasis", "section", prohibited=" ".join(_NAME_PROHIBITED_ATTRS),
       name_from=PROHIBITED),
    _r("feed", "list", owned="article"),
    _r("figure", "section"),
    _r("form", "landmark"),
    _r("generic", "structure", prohibited="aria-label aria-labelledby aria-roledescription "
       "aria-braillelabel aria-brailleroledescription", name_from=PROHIBITED),
    _r("grid", "composite", "table", owned="row,rowgroup > row",
       supported="aria-multiselectable aria-readonly"),
    _r("gridcell", "cell", "widget", context="row", supported="aria-disabled aria-errormessage "
       "aria-expanded aria-haspopup aria-invalid aria-readonly aria-required aria-selected",
       name_from=CONTENTS),
    _r("group", "section", supported="aria-activedescendant aria-disabled"),
    _r("heading", "sectionhead", required="aria-level", name_from=CONTENTS),
    _r("img", "section", children_presentational=True),
    _r("insertion", "section", prohibited=" ".join(_NAME_PROHIBITED_ATTRS),
       name_from=PROHIBITED),
    _r("link", "command", supported="aria-disabled aria-expanded aria-haspopup",
       name_from=CONTENTS),
    _r("list", "section", owned="listitem"),
    _r("listbox", "select", owned="group > option,option", supported="aria-errormessage "
       "aria-expanded aria-invalid aria-multiselectable aria-readonly aria-required",
       defaults=(("aria-orientation", "vertical"),)),
    _r("listitem", "section", context="directory list",
       supported="aria-level aria-posinset aria-setsize"),
    _r("log", "section", defaults=(("aria-live", "polite"),)),
    _r("main", "landmark"),
    _r("marquee", "section"),
    _r("math", "section"),
    _r("menu", "select", owned="group > menuitem,group > menuitemradio,"
       "group > menuitemcheckbox,menuitem,menuitemcheckbox,menuitemradio",
       defaults=(("aria-orientation", "vertical"),)),
    _r("menubar", "menu", owned="group > menuitem,group > menuitemradio,"
       "group > menuitemcheckbox,menuitem,menuitemcheckbox,menuitemradio",
       defaults=(("aria-orientation", "horizontal"),)),
    _r("menuitem", "command", context="group menu menubar", supported="aria-disabled "
       "aria-expanded aria-haspopup aria-posinset aria-setsize", name_from=CONTENTS),
    _r("menuitemcheckbox", "checkbox", "menuitem", context="group menu menubar",
       required="aria-checked", name_from=CONTENTS, children_presentational=True),
    _r("menuitemradio", "menuitemcheckbox", "radio", context="group menu menubar",
       required="aria-checked", name_from=CONTENTS, children_presentational=True),
    _r("meter", "range", required="aria-valuenow", children_presentational=True,
       defaults=(("aria-valuemin", "0"), ("aria-valuemax", "100"))),
    _r("navigation", "landmark"),
    _r("none", "structure", prohibited="aria-label aria-labelledby aria-braillelabel "
       "aria-roledescription aria-brailleroledescription", name_from=PROHIBITED),
    _r("note", "section"),
    _r("option", "input", context="group listbox", required="aria-selected",
       supported="aria-checked aria-posinset aria-setsize", name_from=CONTENTS,
       children_presentational=True, defaults=(("aria-selected", "false"),)),
    _r("paragraph", "section", prohibited=" ".join(_NAME_PROHIBITED_ATTRS),
       name_from=PROHIBITED),
    _r("presentation", "structure", prohibited="aria-label aria-labelledby aria-braillelabel "
       "aria-roledescription aria-brailleroledescription", name_from=PROHIBITED),
    _r("progressbar", "range", "widget", children_presentational=True,
       defaults=(("aria-valuemin", "0"), ("aria-valuemax", "100"))),
    _r("radio", "input", required="aria-checked", supported="aria-posinset aria-setsize",
       name_from=CONTENTS, children_presentational=True),
    _r("radiogroup", "select", owned="radio", supported="aria-errormessage aria-invalid "
       "aria-readonly aria-required"),
    _r("region", "landmark"),
    _r("row", "group", "widget", context="grid rowgroup table treegrid",
       owned="cell,columnheader,gridcell,rowheader", supported="aria-colindex aria-expanded "
       "aria-level aria-posinset aria-rowindex aria-selected aria-setsize aria-rowindextext",
       name_from=CONTENTS),
    _r("rowgroup", "structure", context="grid table treegrid", owned="row", name_from=CONTENTS),
    _r("rowheader", "cell", "gridcell", "sectionhead", context="row",
       supported="aria-expanded aria-sort", name_from=CONTENTS),
    _r("scrollbar", "range", "widget", required="aria-controls aria-valuenow",
       supported="aria-disabled aria-orientation aria-valuemax aria-valuemin",
       children_presentational=True, defaults=(("aria-orientation", "vertical"),
                                               ("aria-valuemin", "0"), ("aria-valuemax", "100"))),
    _r("search", "landmark"),
    _r("searchbox", "textbox"),
    # separator: the value properties and aria-valuenow's requirement hold only when focusable.
    _r("separator", "structure", "widget", required="aria-valuenow",
       supported="aria-disabled aria-orientation aria-valuemax aria-valuemin aria-valuetext",
       children_presentational=True, defaults=(("aria-orientation", "horizontal"),
                                               ("aria-valuemin", "0"), ("aria-valuemax", "100"))),
    _r("slider", "input", "range", required="aria-valuenow", supported="aria-errormessage "
       "aria-haspopup aria-invalid aria-orientation aria-readonly aria-valuemax aria-valuemin",
       children_presentational=True, defaults=(("aria-orientation", "horizontal"),
                                               ("aria-valuemin", "0"), ("aria-valuemax", "100"))),
    _r("spinbutton", "composite", "input", "range", supported="aria-errormessage aria-invalid "
       "aria-readonly aria-required aria-valuemax aria-valuemin aria-valuenow aria-valuetext"),
    _r("status", "section", defaults=(("aria-live", "polite"), ("aria-atomic", "true"))),
    _r("strong", "section", prohibited=" ".join(_NAME_PROHIBITED_ATTRS), name_from=PROHIBITED),
    _r("subscript", "section", prohibited=" ".join(_NAME_PROHIBITED_ATTRS),
       name_from=PROHIBITED),
    _r("superscript", "section", prohibited=" ".join(_NAME_PROHIBITED_ATTRS),
       name_from=PROHIBITED),
    _r("switch", "checkbox", required="aria-checked", name_from=CONTENTS,
       children_presentational=True),
    _r("tab", "sectionhead", "widget", context="tablist", supported="aria-disabled "
       "aria-expanded aria-haspopup aria-posinset aria-selected aria-setsize",
       name_from=CONTENTS, children_presentational=True, defaults=(("aria-selected", "false"),)),
    _r("table", "section", owned="row,rowgroup > row", supported="aria-colcount aria-rowcount"),
    _r("tablist", "composite", owned="tab", supported="aria-multiselectable aria-orientation",
       defaults=(("aria-orientation", "horizontal"),)),
    _r("tabpanel", "section"),
    _r("term", "section"),
    _r("textbox", "input", supported="aria-activedescendant aria-autocomplete "
       "aria-errormessage aria-haspopup aria-invalid aria-multiline aria-placeholder "
       "aria-readonly aria-required"),
    _r("time", "section"),
    _r("timer", "status"),
    _r("toolbar", "group", supported="aria-orientation",
       defaults=(("aria-orientation", "horizontal"),)),
    _r("tooltip", "section", name_from=CONTENTS),
    _r("tree", "select", owned="group > treeitem,treeitem", supported="aria-errormessage "
       "aria-invalid aria-multiselectable aria-required",
       defaults=(("aria-orientation", "vertical"),)),
    _r("treegrid", "grid", "tree", owned="row,rowgroup > row"),
    _r("treeitem", "listitem", "option", context="group tree", name_from=CONTENTS),
    # WAI-ARIA 1.3 (Editor's Draft) roles that browsers map already.
    _r("comment", "article", supported="aria-level aria-posinset aria-setsize", spec=ARIA13),
    _r("mark", "section", spec=ARIA13),
    _r("suggestion", "section", spec=ARIA13),
    # WAI-ARIA Graphics Module 1.0 section 4.
    _r("graphics-document", "document", spec=GRAPHICS),
    _r("graphics-object", "group", spec=GRAPHICS),
    _r("graphics-symbol", "img", spec=GRAPHICS),
    # Digital Publishing WAI-ARIA Module 1.0 section 4 (1.1 for pagefooter/pageheader).
    _r("doc-abstract", "section", spec=DPUB),
    _r("doc-acknowledgments", "landmark", spec=DPUB),
    _r("doc-afterword", "landmark", spec=DPUB),
    _r("doc-appendix", "landmark", spec=DPUB),
    _r("doc-backlink", "link", name_from=CONTENTS, spec=DPUB),
    _r("doc-biblioentry", "listitem", spec=DPUB, deprecated=True),
    _r("doc-bibliography", "landmark", spec=DPUB),
    _r("doc-biblioref", "link", name_from=CONTENTS, spec=DPUB),
    _r("doc-chapter", "landmark", spec=DPUB),
    _r("doc-colophon", "section", spec=DPUB),
    _r("doc-conclusion", "landmark", spec=DPUB),
    _r("doc-cover", "img", spec=DPUB),
    _r("doc-credit", "section", spec=DPUB),
    _r("doc-credits", "landmark", spec=DPUB),
    _r("doc-dedication", "section", spec=DPUB),
    _r("doc-endnote", "listitem", spec=DPUB, deprecated=True),
    _r("doc-endnotes", "landmark", spec=DPUB),
    _r("doc-epigraph", "section", spec=DPUB),
    _r("doc-epilogue", "landmark", spec=DPUB),
    _r("doc-errata", "landmark", spec=DPUB),
    _r("doc-example", "section", spec=DPUB),
    _r("doc-footnote", "section", spec=DPUB),
    _r("doc-foreword", "landmark", spec=DPUB),
    _r("doc-glossary", "landmark", spec=DPUB),
    _r("doc-glossref", "link", name_from=CONTENTS, spec=DPUB),
    _r("doc-index", "navigation", spec=DPUB),
    _r("doc-introduction", "landmark", spec=DPUB),
    _r("doc-noteref", "link", name_from=CONTENTS, spec=DPUB),
    _r("doc-notice", "note", spec=DPUB),
    _r("doc-pagebreak", "separator", spec=DPUB),
    _r("doc-pagefooter", "section", spec=DPUB, name_from=PROHIBITED,
       prohibited=" ".join(_NAME_PROHIBITED_ATTRS)),
    _r("doc-pageheader", "section", spec=DPUB, name_from=PROHIBITED,
       prohibited=" ".join(_NAME_PROHIBITED_ATTRS)),
    _r("doc-pagelist", "navigation", spec=DPUB),
    _r("doc-part", "landmark", spec=DPUB),
    _r("doc-preface", "landmark", spec=DPUB),
    _r("doc-prologue", "landmark", spec=DPUB),
    _r("doc-pullquote", "none", spec=DPUB),
    _r("doc-qna", "section", spec=DPUB),
    _r("doc-subtitle", "sectionhead", spec=DPUB),
    _r("doc-tip", "note", spec=DPUB),
    _r("doc-toc", "navigation", spec=DPUB),
)

ROLES: dict[str, Role] = {r.name: r for r in _ROLE_LIST}


# -- HTML: attributes native semantics already provide (HTML-AAM section 4.2 "HTML Attribute
#    State and Property Mappings"): an explicit role keeps them, so they need no aria-* ------

def native_states(tag: str, input_type: str | None, attributes: dict[str, str]) -> frozenset[str]:
    """The ARIA states/properties an HTML element exposes from its own semantics.

    ``<input type=checkbox role=switch>`` exposes ``aria-checked`` from ``checked``; ``<h3>``
    exposes ``aria-level``; a range input exposes its value; an ``option`` its selectedness.
    """
    found: set[str] = set()
    if tag == "input":
        kind = input_type or "text"
        if kind in ("checkbox", "radio"):
            found.add("aria-checked")
        elif kind in ("range", "number"):
            found.update(("aria-valuenow", "aria-valuemin", "aria-valuemax"))
        if attributes.get("list") is not None and kind in _TEXT_INPUTS:
            found.update(("aria-expanded", "aria-controls"))
    elif tag in ("meter", "progress"):
        found.update(("aria-valuenow", "aria-valuemin", "aria-valuemax"))
    elif tag == "option":
        found.add("aria-selected")
    elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        found.add("aria-level")
    elif tag == "select":
        found.update(("aria-expanded", "aria-controls"))
    elif tag == "hr":
        found.add("aria-orientation")
    return frozenset(found)


_TEXT_INPUTS = frozenset(("text", "search", "email", "tel", "url"))

# ARIA in HTML (https://www.w3.org/TR/html-aria/#docconformance), "no corresponding role"
# elements that may take the states and properties of a role: the rows that say "global aria-*
# attributes and any aria-* attributes applicable to the X role". Where the spec is terse
# (color, file, summary) the more permissive reading is taken.
FEATURE_ROLES_BY_TAG = {"audio": ("application",), "video": ("application",),
                        "summary": ("button",)}
FEATURE_ROLES_BY_INPUT = {
    "password": ("textbox",), "date": ("textbox",), "datetime-local": ("textbox",),
    "month": ("textbox",), "time": ("textbox",), "week": ("textbox",), "color": ("textbox",),
    "file": ("button", "textbox"),
}
# ARIA in HTML section 4 "aria-required": allowed on any element that may have HTML's
# ``required`` attribute (input types below, select, textarea).
REQUIRED_CAPABLE_INPUTS = frozenset((
    "text", "search", "url", "tel", "email", "password", "date", "month", "week", "time",
    "datetime-local", "number", "checkbox", "radio", "file",
))
