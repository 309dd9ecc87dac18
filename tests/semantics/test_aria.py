"""WAI-ARIA 1.2 tables and HTML-AAM implicit roles (knowledge/aria.py, knowledge/aria_data.py)."""

from __future__ import annotations

import pytest

from a11y_audit.knowledge import aria
from a11y_audit.knowledge.aria_data import ATTRIBUTES, ROLES
from a11y_audit.page import Page
from a11y_audit.semantics import aria_tree


def _first(markup: str, xpath: str = "//*[@id='t']"):
    page = Page.from_html(markup)
    return page, page.root.xpath(xpath)[0]


# -- role table ------------------------------------------------------------------------------

def test_every_superclass_and_referenced_role_is_defined():
    for role in ROLES.values():
        for name in (*role.superclasses, *role.context):
            assert name in ROLES, (role.name, name)
        for chain in aria.required_owned(role.name):
            assert all(name in ROLES for name in chain), (role.name, chain)
        for attr in (*role.required, *role.supported, *role.prohibited):
            assert attr in ATTRIBUTES, (role.name, attr)


def test_abstract_roles_are_the_twelve_of_aria12():
    twelve = {"command", "composite", "input", "landmark", "range", "roletype", "section",
              "sectionhead", "select", "structure", "widget", "window"}
    assert twelve == aria.ABSTRACT_ROLES
    assert not aria.ABSTRACT_ROLES & aria.ARIA_ROLES


def test_name_from_content_roles():
    expected = {
        "button", "cell", "checkbox", "columnheader", "gridcell", "heading", "link", "menuitem",
        "menuitemcheckbox", "menuitemradio", "option", "radio", "row", "rowgroup", "rowheader",
        "sectionhead", "switch", "tab", "tooltip", "treeitem",
        "doc-backlink", "doc-biblioref", "doc-glossref", "doc-noteref",
    }
    assert expected == aria.NAME_FROM_CONTENT_ROLES


@pytest.mark.parametrize(("role", "chain"), [
    ("switch", ("switch", "checkbox", "input", "widget", "roletype")),
    ("menuitemradio", ("menuitemradio", "menuitemcheckbox", "radio", "checkbox", "menuitem")),
    ("doc-biblioref", ("doc-biblioref", "link", "command", "widget", "roletype")),
])
def test_role_chain_starts_with_nearest_superclasses(role, chain):
    assert aria.role_chain(role)[: len(chain)] == chain


@pytest.mark.parametrize(("role", "context"), [
    ("listitem", ("directory", "list")),
    ("menuitem", ("group", "menu", "menubar")),
    ("option", ("group", "listbox")),
    ("row", ("grid", "rowgroup", "table", "treegrid")),
    ("tab", ("tablist",)),
    ("treeitem", ("group", "tree")),
    ("caption", ("figure", "grid", "table", "treegrid")),
    ("heading", ()),
    ("doc-endnote", ()),          # DPUB roles have no required context here (ACT ff89c9)
])
def test_required_context(role, context):
    assert aria.required_context(role) == context


@pytest.mark.parametrize(("role", "owned"), [
    ("list", (("listitem",),)),
    ("table", (("row",), ("rowgroup", "row"))),
    ("row", (("cell",), ("columnheader",), ("gridcell",), ("rowheader",))),
    ("menu", (("group", "menuitem"), ("group", "menuitemradio"), ("group", "menuitemcheckbox"),
              ("menuitem",), ("menuitemcheckbox",), ("menuitemradio",))),
    ("listbox", (("group", "option"), ("option",))),
    ("tree", (("group", "treeitem"), ("treeitem",))),
    ("tablist", (("tab",),)),
    ("feed", (("article",),)),
    ("combobox", ()),
])
def test_required_owned(role, owned):
    assert aria.required_owned(role) == owned


@pytest.mark.parametrize(("role", "focusable", "required"), [
    ("checkbox", False, ("aria-checked",)),
    ("switch", False, ("aria-checked",)),
    ("heading", False, ("aria-level",)),
    ("combobox", False, ("aria-controls", "aria-expanded")),
    ("scrollbar", False, ("aria-controls", "aria-valuenow")),
    ("slider", False, ("aria-valuenow",)),
    ("separator", False, ()),
    ("separator", True, ("aria-valuenow",)),
    ("spinbutton", False, ()),
    ("option", False, ("aria-selected",)),
    ("button", False, ()),
])
def test_required_attributes(role, focusable, required):
    assert aria.required_attributes(role, focusable=focusable) == required


@pytest.mark.parametrize(("role", "attribute", "supported"), [
    ("button", "aria-pressed", True),
    ("button", "aria-sort", False),
    ("switch", "aria-required", True),              # inherited from checkbox
    ("treeitem", "aria-selected", True),            # inherited from option
    ("columnheader", "aria-sort", True),
    ("columnheader", "aria-colindex", True),        # inherited from cell
    ("link", "aria-pressed", False),
    ("generic", "aria-label", False),               # prohibited
    ("generic", "aria-live", True),                 # global
    ("separator", "aria-valuenow", False),          # only when focusable
    ("application", "aria-orientation", False),
    ("", "aria-busy", True),
    ("", "aria-checked", False),
    ("graphics-object", "aria-label", True),
])
def test_supported_attributes(role, attribute, supported):
    assert (attribute in aria.supported_attributes(role)) is supported


@pytest.mark.parametrize(("role", "prohibited"), [
    ("generic", {"aria-label", "aria-labelledby", "aria-roledescription", "aria-braillelabel",
                 "aria-brailleroledescription"}),
    ("paragraph", {"aria-label", "aria-labelledby", "aria-braillelabel"}),
    ("none", {"aria-label", "aria-labelledby", "aria-braillelabel", "aria-roledescription",
              "aria-brailleroledescription"}),
    ("caption", {"aria-label", "aria-labelledby", "aria-braillelabel"}),
    ("heading", set()),
    ("link", set()),
])
def test_prohibited_attributes(role, prohibited):
    assert aria.prohibited_attributes(role) == prohibited


# -- values ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("attribute", "value", "valid"), [
    ("aria-required", "true", True),
    ("aria-required", "TRUE", True),
    ("aria-required", "undefined", False),
    ("aria-expanded", "undefined", True),
    ("aria-expanded", "collapsed", False),
    ("aria-pressed", "mixed", True),
    ("aria-pressed", "horizontal", False),
    ("aria-checked", "mixed", True),
    ("aria-rowindex", "2", True),
    ("aria-rowindex", "2.5", False),
    ("aria-level", "-1", False),                 # WAI-ARIA 1.2: at least 1 (as axe-core)
    ("aria-level", "0", False),
    ("aria-posinset", "0", False),
    ("aria-setsize", "-1", True),                # -1: the size is unknown
    ("aria-setsize", "-2", False),
    ("aria-rowspan", "0", True),
    ("aria-valuenow", "1.5", True),
    ("aria-valuenow", "-.5e3", True),
    ("aria-valuenow", "two", False),
    ("aria-live", "polite", True),
    ("aria-live", "page", False),
    ("aria-current", "page", True),
    ("aria-current", "yes", False),
    ("aria-relevant", "text removals", True),
    ("aria-relevant", "text always", False),
    ("aria-dropeffect", "copy move", True),
    ("aria-haspopup", "dialog", True),
    ("aria-invalid", "spelling", True),
    ("aria-errormessage", "my-error", True),     # no target needed
    ("aria-activedescendant", "a b", False),     # one ID only
    ("aria-owns", "item1 item2", True),
    ("aria-label", "anything at all", True),
    ("aria-not-checked", "true", False),
])
def test_is_valid_value(attribute, value, valid):
    assert aria.is_valid_value(attribute, value) is valid


# -- implicit roles (HTML-AAM) ---------------------------------------------------------------

@pytest.mark.parametrize(("markup", "role"), [
    ('<a id="t" href="/">x</a>', "link"),
    ('<a id="t">x</a>', "generic"),
    ('<img id="t" src="a.png" alt="">', "presentation"),
    ('<img id="t" src="a.png" alt="Logo">', "img"),
    ('<img id="t" src="a.png">', "img"),
    ('<img id="t" src="a.png" alt="" aria-label="x">', "img"),
    ('<input id="t">', "textbox"),
    ('<input id="t" type="search">', "searchbox"),
    ('<input id="t" type="email" list="l">', "combobox"),
    ('<input id="t" type="checkbox">', "checkbox"),
    ('<input id="t" type="range">', "slider"),
    ('<input id="t" type="number">', "spinbutton"),
    ('<input id="t" type="password">', ""),
    ('<input id="t" type="submit">', "button"),
    ('<input id="t" type="bogus">', "textbox"),
    ('<select id="t"><option>a</option></select>', "combobox"),
    ('<select id="t" multiple><option>a</option></select>', "listbox"),
    ('<select id="t" size="4"><option>a</option></select>', "listbox"),
    ('<header id="t">x</header>', "banner"),
    ('<article><header id="t">x</header></article>', "generic"),
    ('<footer id="t">x</footer>', "contentinfo"),
    ('<main><footer id="t">x</footer></main>', "generic"),
    ('<ul><li id="t">x</li></ul>', "listitem"),
    ('<div role="list"><li id="t">x</li></div>', "listitem"),
    ('<ul role="tablist"><li id="t">x</li></ul>', "generic"),
    # an li whose parent is no ul/ol/menu stays a listitem, as Chromium exposes it
    ('<div><li id="t">x</li></div>', "listitem"),
    ('<div role="list"><div role="presentation"><li id="t">x</li></div></div>', "listitem"),
    ('<div role="menu"><li id="t">x</li></div>', "listitem"),
    ('<ol role="navigation"><li id="t">x</li></ol>', "generic"),
    ('<table><tr><td id="t">x</td></tr></table>', "cell"),
    ('<table role="grid"><tr><td id="t">x</td></tr></table>', "gridcell"),
    ('<table><tr><th id="t">x</th><th>y</th></tr></table>', "columnheader"),
    ('<table><tr><th id="t">x</th><td>y</td></tr></table>', "rowheader"),
    ('<table><tr><th id="t" scope="col">x</th><td>y</td></tr></table>', "columnheader"),
    ('<table><thead><tr><th id="t">x</th><td>y</td></tr></thead></table>', "columnheader"),
    ('<table><tr><td><th id="t" scope="row">x</th></td></tr></table>', "rowheader"),
    ('<hr id="t">', "separator"),
    ('<span id="t">x</span>', "generic"),
    ('<label id="t">x</label>', ""),
    ('<svg id="t"></svg>', "graphics-document"),
    # as Chromium 156 exposes them
    ('<p><s id="t">9.99</s> 4.99</p>', "deletion"),
    ('<p><strike id="t">9.99</strike> 4.99</p>', ""),
    ('<dir id="t"><li>x</li></dir>', "list"),
    ('<dir><li id="t">x</li></dir>', "listitem"),
    ('<dir role="tablist"><li id="t">x</li></dir>', "listitem"),
])
def test_implicit_roles(markup, role):
    page, el = _first(f"<body>{markup}</body>")
    assert page.role(el) == role


@pytest.mark.parametrize(("markup", "has_name", "role"), [
    ('<section id="t">x</section>', False, "generic"),
    ('<section id="t">x</section>', True, "region"),
    ('<form id="t">x</form>', True, "form"),
    ('<form id="t">x</form>', False, ""),
    ('<article><aside id="t">x</aside></article>', False, "generic"),
    ('<aside id="t">x</aside>', False, "complementary"),
])
def test_implicit_roles_that_depend_on_a_name(markup, has_name, role):
    _, el = _first(f"<body>{markup}</body>")
    assert aria.implicit_role(el, has_name=has_name) == role


# -- Page.role: presentational roles (WAI-ARIA 1.2 section 7.3, section 5.4 presentation) ----

@pytest.mark.parametrize(("markup", "role"), [
    ('<div id="t" role="none">x</div>', "none"),
    ('<div id="t" role="presentation" tabindex="-1">x</div>', "generic"),
    ('<nav id="t" role="presentation" aria-label="x">x</nav>', "navigation"),
    ('<button id="t" role="none">x</button>', "button"),
    ('<button id="t" role="none" disabled>x</button>', "none"),
    ('<h1 id="t" role="none" aria-brailleroledescription="x">x</h1>', "none"),  # not ARIA 1.2
    ('<img id="t" src="a.png" alt="" tabindex="0">', "img"),
    ('<img id="t" src="a.png" alt="" aria-labelledby="x">', "img"),
    ('<img id="t" src="a.png" role="presentation" alt="Logo">', "presentation"),
    ('<ul role="none"><li id="t">x</li></ul>', "none"),
    ('<dir role="none"><li id="t">x</li></dir>', "listitem"),      # as in Chromium
    ('<ul role="none"><li id="t" role="listitem">x</li></ul>', "listitem"),
    ('<table role="presentation"><tr><td id="t">x</td></tr></table>', "none"),
    ('<table role="presentation"><tr id="t"><td>x</td></tr></table>', "none"),
    ('<table role="presentation"><tr role="row"><td id="t">x</td></tr></table>', "cell"),
    ('<table role="presentation"><tr><td id="t" aria-label="x">x</td></tr></table>', "cell"),
    ('<div id="t" role="foo link">x</div>', "link"),
    ('<div id="t" role="command">x</div>', "generic"),      # abstract roles are ignored
])
def test_page_role(markup, role):
    page, el = _first(f"<body>{markup}</body>")
    assert page.role(el) == role


# -- native states ---------------------------------------------------------------------------

@pytest.mark.parametrize(("markup", "state", "present"), [
    ('<input id="t" type="checkbox" role="switch">', "aria-checked", True),
    ('<input id="t" type="radio" role="menuitemradio">', "aria-checked", True),
    ('<input id="t" type="range" role="slider">', "aria-valuenow", True),
    ('<h3 id="t" role="treeitem">x</h3>', "aria-level", True),
    ('<option id="t" role="treeitem">x</option>', "aria-selected", True),
    ('<div id="t" role="switch">x</div>', "aria-checked", False),
    ('<input id="t" role="combobox">', "aria-expanded", False),
])
def test_native_states(markup, state, present):
    _, el = _first(f"<body>{markup}</body>")
    assert (state in aria.native_states(el)) is present


@pytest.mark.parametrize(("markup", "attribute", "allowed"), [
    ('<audio id="t" controls></audio>', "aria-activedescendant", True),
    ('<audio id="t" controls></audio>', "aria-orientation", False),
    ('<input id="t" type="password">', "aria-placeholder", True),
    ('<input id="t" type="radio">', "aria-required", True),
    ('<select id="t"></select>', "aria-required", True),
    ('<input id="t" type="range">', "aria-required", False),
    ('<div id="t"></div>', "aria-required", False),
])
def test_feature_attributes(markup, attribute, allowed):
    _, el = _first(f"<body>{markup}</body>")
    assert (attribute in aria.feature_attributes(el)) is allowed


# -- the accessibility tree ------------------------------------------------------------------

def _owned(markup: str) -> list[str]:
    page, el = _first(f"<body>{markup}</body>")
    out = []
    for node in aria_tree.owned_nodes(page, el):
        out.append(f"text:{node}" if isinstance(node, aria_tree.OwnedText) else node.get("id") or
                   page.role(node))
    return out


@pytest.mark.parametrize(("markup", "owned"), [
    ('<ul id="t"><li>a</li> <li>b</li></ul>', ["listitem", "listitem"]),
    ('<ul id="t"><li hidden>a</li><li aria-hidden="true">b</li><script>x</script></ul>', []),
    ('<div id="t" role="list"><div role="none"><div role="listitem">a</div></div></div>',
     ["listitem"]),
    ('<ul id="t"><div></div></ul>', ["generic"]),
    ('<div id="t" role="list"><span>Item</span></div>', ["generic"]),
    ('<div id="t" role="list">Loose <label>text</label></div>', ["text:Loose", "text:text"]),
    ('<div id="t" role="list" aria-owns="a"></div><div id="a" role="listitem">x</div>', ["a"]),
    ('<div id="t" role="list"><div id="a" role="listitem">x</div></div>'
     '<div role="list" aria-owns="a"></div>', []),
])
def test_owned_nodes(markup, owned):
    assert _owned(markup) == owned


@pytest.mark.parametrize(("markup", "parent_id"), [
    ('<div id="p" role="list"><div id="t" role="listitem">x</div></div>', "p"),
    ('<div id="p" role="list"><div role="presentation"><div id="t" role="listitem">x</div>'
     '</div></div>', "p"),
    ('<div role="list"><div id="p"><div id="t" role="listitem">x</div></div></div>', "p"),
    ('<div id="p" role="list" aria-owns="t"></div><div id="t" role="listitem">x</div>', "p"),
    ('<div id="p" role="list"><label><div id="t" role="listitem">x</div></label></div>', "p"),
])
def test_tree_parent(markup, parent_id):
    page, el = _first(f"<body>{markup}</body>")
    assert aria_tree.tree_parent(page, el).get("id") == parent_id


def test_aria_owns_cannot_own_an_ancestor():
    page, el = _first('<body><div id="t" role="list"><div id="c" aria-owns="t"></div></div>'
                      '</body>')
    assert el not in aria_tree.owns_index(page)


def test_mathml_is_neither_html_nor_svg():
    _, el = _first('<body><math><mi id="t">x</mi></math></body>')
    assert aria.is_mathml(el)
    _, el = _first('<body><svg><g id="t"></g></svg></body>')
    assert not aria.is_mathml(el)


@pytest.mark.parametrize(("markup", "count"), [
    ("<script>host.attachShadow({ mode: 'open' })</script>", 1),
    ('<script>O&&u(Element.prototype,"attachShadow",function(a){})</script>', 0),  # polyfill
    ('<template shadowrootmode="open"><p>x</p></template>', 1),
    ("<template><p>x</p></template>", 0),
])
def test_shadow_root_sources(markup, count):
    page = Page.from_html(f"<body><div id='host'></div>{markup}</body>")
    assert len(aria_tree.shadow_root_sources(page)) == count


@pytest.mark.parametrize(("role", "attribute", "deprecated"), [
    ("generic", "aria-disabled", True),
    ("button", "aria-disabled", False),
    ("button", "aria-invalid", True),
    ("textbox", "aria-invalid", False),
    ("switch", "aria-invalid", False),        # inherited from checkbox
    ("link", "aria-haspopup", False),
    ("heading", "aria-haspopup", True),
    ("button", "aria-grabbed", True),
])
def test_deprecated_attributes(role, attribute, deprecated):
    assert (attribute in aria.deprecated_attributes(role)) is deprecated


@pytest.mark.parametrize(("role", "attribute", "value"), [
    ("option", "aria-selected", "false"),
    ("tab", "aria-selected", "false"),
    ("slider", "aria-valuemin", "0"),
    ("slider", "aria-valuenow", None),
    ("alert", "aria-live", "assertive"),
    ("unknown", "aria-live", None),
])
def test_implicit_value(role, attribute, value):
    assert aria.implicit_value(role, attribute) == value


def test_tree_parent_survives_an_aria_owns_cycle():
    page, el = _first('<body><label id="a" aria-owns="b"></label><label id="b" aria-owns="a">'
                      '</label><div id="t" role="listitem"></div></body>', "//*[@id='a']")
    assert aria_tree.tree_parent(page, el) is None


def test_aria_attributes_of_is_each_aria_element_with_its_attributes_once_a_page():
    """The four aria-*-attr rules read one list; it must be what asking each element gives."""
    page = Page.from_html('<div aria-label="x" ARIA-HIDDEN="true" aria-foo="1" role="button">'
                          '<span aria-live="polite"></span><i data-aria-x="1"></i>'
                          '<svg aria-hidden="true"><path aria-label=""/></svg></div>')
    pairs = aria_tree.aria_attributes_of(page)
    assert pairs is aria_tree.aria_attributes_of(page)
    assert pairs == [(el, aria.aria_attributes(el))
                     for el in aria_tree.iter_aria_elements(page)]
    assert [el.tag for el, _ in pairs] == ["div", "span", "svg", "path"]


def test_shadow_root_sources_are_found_once_a_page():
    page = Page.from_html('<script>el.attachShadow ({mode: "open"})</script><script>x()</script>'
                          '<template shadowrootmode="open"><p>t</p></template>'
                          '<template></template>')
    found = aria_tree.shadow_root_sources(page)
    assert found is aria_tree.shadow_root_sources(page)
    assert [el.tag for el in found] == ["script", "template"]


@pytest.mark.parametrize("script", ["a.attachShadow(x)", "a.attachShadow\n (x)", "attachShadow(x)",
                                    "a.attachShadow", "a.attachShadowRoot(x)", "a. attachShadow(x)",
                                    "", "x = '.attachshadow('"])
def test_shadow_root_scripts_are_what_the_pattern_finds(script):
    """The word prefilter answers as the pattern alone would."""
    page = Page.from_html(f"<script>{script}</script>")
    expected = aria_tree._ATTACH_SHADOW.search(script) is not None
    assert bool(aria_tree.shadow_root_sources(page)) is expected


@pytest.mark.parametrize("markup", [
    "<div role='img' aria-label='x'><p>t</p></div>",
    "<math><mi role='img' aria-label='x'>x</mi><mrow><mo>+</mo></mrow></math><p role='note'>p</p>",
])
def test_in_mathml_is_is_mathml(markup):
    page = Page.from_html(markup)
    for el in page.elements:
        assert aria_tree.in_mathml(page, el) is aria.is_mathml(el), el.tag
