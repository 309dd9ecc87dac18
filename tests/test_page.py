"""The page model: headings, landmarks, images, links, visibility and locations."""

from __future__ import annotations

import dataclasses
from functools import partial

import pytest

from a11y_audit.page import Link, Page


def page(body: str) -> Page:
    return Page.from_html(f"<!DOCTYPE html><html><head><title>T</title></head><body>{body}"
                          "</body></html>")


def roles(body: str) -> list[str]:
    return [lm.role for lm in page(body).landmarks]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<header>Site</header>", ["banner"]),
        ("<article><header><h1>Story</h1></header></article>", []),
        ("<main><header>In main</header></main>", ["main"]),
        ("<section><footer>Filed under</footer></section>", []),
        ("<footer>Contact</footer>", ["contentinfo"]),
        ("<div role='main'>Story</div>", ["main"]),
        ("<div role='banner'><nav>x</nav></div>", ["banner", "navigation"]),
        ("<section>Unnamed</section>", []),
        ("<section aria-label='Live updates'>x</section>", ["region"]),
        ("<form action='/s'>x</form>", []),
        ("<form aria-label='Search'>x</form>", ["form"]),
        ("<aside>Most read</aside>", ["complementary"]),
        ("<article><aside>Pull quote</aside></article>", []),
        ("<nav role='presentation'>x</nav>", []),
        ("<header role='none' aria-label='x'>Site</header>", ["banner"]),
        ("<nav hidden>x</nav><nav aria-hidden='true'>y</nav><nav style='display: none'>z</nav>",
         []),
        ("<div role='foo main'>Story</div>", ["main"]),
        ("<search><form>x</form></search>", ["search"]),
    ],
)
def test_landmark_roles(body, expected):
    assert roles(body) == expected


def test_headings_levels_and_hidden():
    p = page("<h1>Head</h1><div role='heading' aria-level='3'>Three</div>"
             "<div role='heading'>Default</div><h2 aria-level='4'>Override</h2>"
             "<h3 hidden>Hidden</h3><div aria-hidden='true'><h2>AT-hidden</h2></div>"
             "<h4 role='presentation'>Not a heading</h4><p role='heading' aria-level='x'>Bad</p>")
    got = [(h.level, None if h.hidden else h.text, h.hidden) for h in p.headings]
    assert got == [(1, "Head", False), (3, "Three", False), (2, "Default", False),
                   (4, "Override", False), (3, None, True), (2, None, True),
                   (2, "Bad", False)]


def test_images_with_figures_and_captions():
    p = page("<figure><img src='a.jpg' alt='A'><figcaption>Cap <b>A</b></figcaption></figure>"
             "<figure><div><img src='b.jpg'></div><div><figcaption>Deep</figcaption></div>"
             "</figure><img src='c.gif' alt=''><div role='img' aria-label='Chart'></div>"
             "<svg><title>Map</title></svg><input type='image' src='go.png' alt='Go'>")
    got = [(i.kind, i.src, i.figure is not None,
            i.caption.text_content() if i.caption is not None else None, i.decorative)
           for i in p.images]
    assert got == [("img", "a.jpg", True, "Cap A", False), ("img", "b.jpg", True, "Deep", False),
                   ("img", "c.gif", False, None, True), ("role-img", None, False, None, False),
                   ("svg", None, False, None, False), ("input-image", "go.png", False, None, False)]


def test_links_resolve_fragments_by_id_then_name():
    p = page("<a href='#main'>Skip</a><a href='#story'>Story</a><a href='#'>Top</a>"
             "<a href='#caf%C3%A9'>Cafe</a><a href='/x#main'>Other page</a><a>No href</a>"
             "<a href=' /plain '>No fragment</a>"
             "<main id='main'><a name='story'></a><p id='café'>x</p></main>")
    got = [(link.href, link.fragment, link.target.tag if link.target is not None else None)
           for link in p.links]
    assert got == [("#main", "main", "main"), ("#story", "story", "a"), ("#", "", None),
                   ("#caf%C3%A9", "caf%C3%A9", "p"), ("/x#main", None, None),
                   (" /plain ", None, None)]


def test_links_and_images_compare_and_hash_by_value_as_frozen_dataclasses_did():
    # not frozen (a frozen dataclass's __init__ costs ~4x; links are named tuples), but
    # still values: equal copies hash alike, a changed field makes another value
    p = page("<main><h1>T</h1><a href='#x'>x</a><img id='x' src='a.jpg' alt=''></main>")
    link = p.links[0]
    assert link._replace(element=None) != link and link._replace(element=None).href == "#x"
    assert isinstance(link, tuple) and link == Link(*link) and link.target is p.ids["x"]
    for item in (link, p.images[0], p.headings[0], p.landmarks[0]):
        replace = item._replace if isinstance(item, tuple) else partial(dataclasses.replace,
                                                                         item)
        copy = replace()
        assert copy == item and hash(copy) == hash(item) and len({item, copy}) == 1
        assert replace(element=None) != item


@pytest.mark.parametrize(
    ("markup", "hidden", "rendered"),
    [
        ("<p id='t'>x</p>", False, True),
        ("<div hidden><p id='t'>x</p></div>", True, False),
        ("<div aria-hidden='true'><p id='t'>x</p></div>", True, True),
        ("<div aria-hidden='false'><p id='t'>x</p></div>", False, True),
        ("<div style='color:red; display : none'><p id='t'>x</p></div>", True, False),
        ("<div style='visibility:hidden'><p id='t'>x</p></div>", True, False),
        ("<div style='visibility:hidden'><p id='t' style='visibility: visible'>x</p></div>",
         False, True),
        ("<template><p id='t'>x</p></template>", True, False),
        ("<noscript><p id='t'>x</p></noscript>", True, False),
        ("<details><summary>S</summary><p id='t'>x</p></details>", True, False),
        ("<details open><summary>S</summary><p id='t'>x</p></details>", False, True),
        ("<div class='visually-hidden sr-only'><p id='t'>x</p></div>", False, True),
        ("<input id='t' type='hidden'>", True, False),
    ],
)
def test_visibility(markup, hidden, rendered):
    p = page(markup)
    el = p.ids.get("t")
    if el is None:  # a template's or noscript's content is set apart from the document
        el = next(node for tree in (p.root, *p.contents_apart.values())
                  for node in tree.iter() if node.get("id") == "t")
    assert (p.is_hidden(el), p.is_rendered(el)) == (hidden, rendered)



@pytest.mark.parametrize(
    ("markup", "opens"),
    [
        ("<details><summary>S</summary><p id='t'>x</p></details>", True),
        # nested closed details, and a descendant of the hidden content
        ("<details><summary>S</summary><details><div><b id='t'>x</b></div></details></details>",
         True),
        # hidden however the details is: its own hidden attribute, a style, aria-hidden, a
        # hidden details, a display:none inside the opened content
        ("<details><summary>S</summary><p id='t' hidden>x</p></details>", False),
        ("<details><summary>S</summary><div style='display:none'><p id='t'>x</p></div>"
         "</details>", False),
        ("<details><summary>S</summary><p id='t' aria-hidden='true'>x</p></details>", False),
        ("<div hidden><details><summary>S</summary><p id='t'>x</p></details></div>", False),
        ("<details style='visibility:hidden'><summary>S</summary><p id='t'>x</p></details>",
         False),
        ("<style>.a p { display: none }</style>"
         "<details class='a'><summary>S</summary><p id='t'>x</p></details>", False),
        # shown already (open, or the summary), or hidden for another reason
        ("<details open><summary>S</summary><p id='t'>x</p></details>", False),
        ("<details><summary id='t'>S</summary><p>x</p></details>", False),
        ("<div hidden><p id='t'>x</p></div>", False),
    ],
)
def test_opens_to_show(markup, opens):
    """Content a closed details hides is met once a reader opens it, unless something else
    hides it too."""
    p = page(markup)
    el = p.ids["t"]
    assert p.opens_to_show(el) is opens
    if opens:
        assert p.is_hidden(el) and not p.is_rendered(el)    # (until it is opened)

def test_locations():
    p = Page.from_html("<html><body>\n<main id='main'>\n<figure><img src='a'></figure>\n"
                       "<figure><img src='b'></figure></main><div><p>x</p><p>y</p></div>"
                       "</body></html>")
    img = p.images[1].element
    assert p.css_path(img) == "#main > figure:nth-of-type(2) > img"
    assert p.xpath(img) == "/html/body/main/figure[2]/img"
    assert img.sourceline == 4
    second_p = p.by_tag["p"][1]
    assert p.css_path(second_p) == "html > body > div > p:nth-of-type(2)"


def test_duplicate_ids_and_title():
    p = page("<p id='a'>1</p><p id='a'>2</p><p id='b'>3</p>")
    assert p.ids["a"].text == "1"
    assert [el.text for el in p.duplicate_ids["a"]] == ["1", "2"]
    assert p.title == "T"


def test_empty_and_broken_markup_never_raise():
    for markup in ("", "<", "<html><body><div><p>unclosed", "\x00\x01", "<?xml version='1.0'?>"):
        p = Page.from_html(markup)
        assert p.headings == [] and p.landmarks == []


def test_html5_void_elements_do_not_swallow_what_follows():
    # libxml2 does not know embed/source/track/wbr as void elements; the page model repairs it.
    p = Page.from_html("<picture><source srcset='a.webp'><img src='a.jpg' alt='x'></picture>"
                       "<p>a<wbr>b</p><video><track src='t.vtt'><p>fallback</p></video>"
                       "<embed src='x.swf'>tail<main id='m'><h1>Story</h1></main>")
    img = p.images[0].element
    assert p.css_path(img) == "html > body > picture > img"
    assert [el.tag for el in p.body] == ["picture", "p", "video", "embed", "main"]
    assert p.body[3].tail == "tail" and len(p.body[3]) == 0
    assert [lm.role for lm in p.landmarks] == ["main"]
    assert p.by_tag["p"][0].xpath("string()") == "ab"


@pytest.mark.parametrize(
    ("markup", "hidden", "rendered"),
    [
        ("<dialog><p id='t'>Subscribe</p></dialog>", True, False),
        ("<dialog open><p id='t'>Subscribe</p></dialog>", False, True),
        ("<div inert><p id='t'>Behind the modal</p></div>", True, True),
    ],
)
def test_dialog_and_inert(markup, hidden, rendered):
    p = page(markup)
    el = p.ids["t"]
    assert (p.is_hidden(el), p.is_rendered(el)) == (hidden, rendered)


def test_title_is_the_first_html_title_not_an_svg_one():
    p = Page.from_html("<html><body><svg><title>Icon</title></svg><title>Real</title></body>"
                       "</html>")
    assert p.title == "Real"


def test_canonical_url_from_link_or_og_url():
    p = page("")
    assert p.canonical_url is None
    p = Page.from_html("<head><link rel='Canonical' href='https://news.example/a'></head>"
                       "<body><a href='https://news.example/a#main'>Skip</a><main id='main'>"
                       "</main></body>")
    assert p.canonical_url == "https://news.example/a"
    assert p.links[0].fragment == "main" and p.links[0].target is not None
    p = Page.from_html("<head><meta property='og:url' content='https://news.example/b'>"
                       "<link rel='canonical' href='/relative'></head>")
    assert p.canonical_url == "https://news.example/b"


def test_broken_doctype_leaving_two_roots_keeps_the_whole_page():
    # The ">" of the doctype and of <html> are missing: libxml2 makes two top-level elements.
    p = Page.from_html('<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"\n'
                       '<html lang="en"<head><title>T</title></head><body><main><h1>Story</h1>'
                       '<a href="#x" id="x">link</a></main></body></html>')
    assert [lm.role for lm in p.landmarks] == ["main"]
    assert all(link.element in p.order for link in p.links)
    assert [h.text for h in p.headings] == ["Story"]


def test_attribute_names_lxml_cannot_address_do_not_crash_rules():
    from a11y_audit.engine import audit_page

    p = Page.from_html('<div role="checkbox" {width:100%}.x[_ngcontent-c17]="" '
                       'aria-checked"x="1">Accept</div>')
    report = audit_page(p)
    assert report.errors == []


# -- close(): a page freed by reference counting ----------------------------------------------

_CLOSE_EXAMPLE = (
    "<style>.sr-only{position:absolute;clip:rect(0 0 0 0)} nav a{color:#777}</style>"
    "<header><nav><a href='#main'>Skip</a><a href='/x'>World</a></nav></header>"
    "<main id='main'><h1>Story</h1><figure><img src='a.jpg' alt='A'><figcaption>A "
    "<span class='credit'>Photo: X</span></figcaption></figure><p style='display:none'>x</p>"
    "<button aria-hidden='true'><span class='sr-only'>Menu</span></button></main>")


def _audited_page_alive(close: bool) -> bool:
    """Audit a page with every rule and drop it with the cyclic collector off: whether it
    is still alive (held by reference cycles) afterwards."""
    import gc
    import weakref

    from a11y_audit.engine import audit_page

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        audited = page(_CLOSE_EXAMPLE)
        report = audit_page(audited)
        assert report.findings       # every rule ran over it and found something
        if close:
            audited.close()
        ref = weakref.ref(audited)
        del audited
        alive = ref() is not None
    finally:
        gc.collect()
        if was_enabled:
            gc.enable()
    return alive


def test_an_audited_page_is_held_by_cycles_until_closed() -> None:
    assert _audited_page_alive(close=False)     # memos point back at the page
    assert not _audited_page_alive(close=True)


def test_a_closed_page_answers_as_before() -> None:
    from a11y_audit.engine import audit_page

    fresh = page(_CLOSE_EXAMPLE)
    first = [(f.rule, f.outcome, f.selector) for f in audit_page(fresh).findings]
    fresh.close()
    again = [(f.rule, f.outcome, f.selector) for f in audit_page(fresh).findings]
    assert again == first


# -- holders(): the attribute index's sets, the answer of el.get -----------------------------

_HOLDERS_EXAMPLE = (
    "<html lang='en'><head><meta name='viewport' content='width=device-width'>"
    "<meta http-equiv='refresh' content='30'><meta charset='utf-8'></head><body>"
    "<a href='/a' name='top'>A</a><a name=''>B</a><a>C</a><area href=''>"
    "<div role=''>empty role</div><div ROLE='Button' Aria-Label='x'>upper case</div>"
    "<span style='' title=''>empty</span><img alt='' src='x'><svg><a href='#s'>s</a></svg>"
    "<p aria-labelledby='nope' data-x='1'>p</p><template><i role='img'>t</i></template>"
    "</body></html>")


@pytest.mark.parametrize("name", ["role", "href", "name", "aria-label", "aria-labelledby",
                                  "style", "title", "http-equiv", "alt", "data-x", "absent"])
def test_holders_is_the_set_of_elements_whose_get_is_not_none(name):
    p = page(_HOLDERS_EXAMPLE)
    holders = p.holders(name)
    assert holders is p.holders(name)      # once a page
    for el in p.elements:
        assert (el in holders) == (el.get(name) is not None), (el.tag, name)


def test_naming_holders_are_the_holders_of_the_name_attributes():
    """The name computation's fast path reads these four sets once a page."""
    p = page(_HOLDERS_EXAMPLE)
    names = ("aria-labelledby", "aria-label", "title", "style")
    assert p.naming_holders == tuple(p.holders(name) for name in names)
    for el in p.elements:
        for name, holders in zip(names, p.naming_holders, strict=True):
            assert (el in holders) == (el.get(name) is not None), (el.tag, name)
    assert all(p.naming_holders)


def test_first_title_children_are_each_elements_first_title_child():
    """The name computation reads the index (an SVG title names its parent) instead of
    asking each node it names for a title child."""
    p = page("<html><head><title>Page</title></head><body><svg><title>One</title><title>Two"
             "</title><g><title>G</title></g></svg><div><b><title>odd</title></b></div>"
             "<svg><desc>no title</desc></svg></body></html>")
    found = p.first_title_children
    assert found is p.first_title_children        # once a page
    for el in p.elements:
        assert found.get(el) is next(el.iterchildren("title"), None), el.tag
    assert len(found) >= 4 and found[p.tags("svg")[0]].text == "One"


# ids and classes too: repeated, empty, white space only, a duplicate id
_VALUES_EXAMPLE = _HOLDERS_EXAMPLE.replace("</body>", (
    '<ul class="nav"><li class="a b"><a class="">x</a></li><li class="a"><a id="d">y</a></li>'
    '<li class=" "><b id="d" hidden>z</b></li></ul><div class="nav"><p class="a">w</p></div>'
    "</body>"))


@pytest.mark.parametrize("name", ["class", "id", "style", "hidden", "role", "href", "x"])
def test_values_are_each_carriers_get_in_document_order(name):
    p = page(_VALUES_EXAMPLE)
    values = p.values(name)
    assert values is p.values(name)        # once a page
    assert list(values) == p.by_attribute.get(name, [])
    for el in p.elements:
        assert values.get(el) == el.get(name), (el.tag, name)


def test_holders_shortcuts_give_what_reading_each_attribute_gives():
    """role() and the a[href] branches read the sets; an uncached page's general path agrees."""
    from lxml import etree

    p = page(_HOLDERS_EXAMPLE)
    links = [el for el in p.root.iter("a", "area") if el.get("href") is not None]
    assert p.select("a[href]", "area[href]") == links
    named = {}
    for el in p.root.iter("a"):
        if el.get("name") and el.get("name") not in named:
            named[el.get("name")] = el
    assert p.anchors_by_name == named
    for el in p.root.iter(etree.Element):
        if el.tag == "a" and el.get("role") is None:
            assert p.role(el) == ("link" if el.get("href") is not None else "generic")


_FORM_PAGE = (
    '<html lang="en"><head><title>Form</title></head><body><main>'
    '<form action="/s" method="post"><label for="q">Search</label><input id="q" name="q">'
    '<label>Kind <select name="k"><option>a</option><option selected>b</option></select></label>'
    '<textarea name="t"></textarea><input type="checkbox" checked><input type="image" src="x">'
    '<input type="submit"><button>Go</button><label>Orphan</label></form>'
    '<img src="a.jpg"><a href="#q">skip</a><div role="button" tabindex="0"></div></main>'
    '</body></html>')


def test_audit_is_the_same_with_lxml_html_own_element_classes():
    """Page.from_html gives every element lxml.html's HtmlElement (looked up in C), not the
    form classes lxml.html's parser picks by tag (InputElement, FormElement...): nothing the
    audit reads differs, finding for finding, passes included."""
    from lxml import html as lxml_html

    from a11y_audit.engine import audit_page

    ours = Page.from_html(_FORM_PAGE)
    theirs = Page(lxml_html.document_fromstring(_FORM_PAGE), markup=_FORM_PAGE)
    assert type(theirs.tags("input")[0]) is lxml_html.InputElement
    assert type(ours.tags("input")[0]) is lxml_html.HtmlElement
    assert type(ours.tags("form")[0]) is lxml_html.HtmlElement
    reports = [audit_page(page, include_passed=True) for page in (ours, theirs)]
    for report in reports:
        report.seconds = 0.0
    assert reports[0].findings
    assert reports[0] == reports[1]


@pytest.mark.parametrize("first", ["by_tag", "by_attribute"])
@pytest.mark.parametrize("markup", [
    _FORM_PAGE,
    '<div id="a" class="x" data-v="1"><svg viewBox="0 0 1 1"><g fill="red"><rect/></g></svg>'
    '<math><mi mathvariant="bold">x</mi></math><!-- c --><p>t</p><P CLASS="y">u</P></div>',
])
def test_tag_and_attribute_indexes_filled_together_are_each_a_walk(markup, first):
    """by_tag and by_attribute, filled in one pass whichever is asked first, are the
    elements grouped by tag_of and by each attribute name, in document order."""
    from lxml import etree

    from a11y_audit.dom import tag_of

    page = Page.from_html(markup)
    getattr(page, first)
    assert "by_tag" in vars(page) and "by_attribute" in vars(page)   # both filled at once
    elements = list(page.root.iter(etree.Element))
    tags: dict[str, list] = {}
    attributes: dict[str, list] = {}
    for el in elements:
        tags.setdefault(tag_of(el), []).append(el)
        for name in el.attrib:
            attributes.setdefault(name, []).append(el)
    assert page.by_tag == tags
    assert page.by_attribute == attributes


def test_tag_index_of_a_namespaced_tree_is_by_local_name():
    from lxml import etree

    root = etree.fromstring('<html xmlns="http://www.w3.org/1999/xhtml"><body>'
                            '<p class="a">x</p><p>y</p></body></html>')
    page = Page(root)
    assert page.by_attribute == {"class": [root[0][0]]}
    assert page.by_tag == {"html": [root], "body": [root[0]], "p": list(root[0])}


def test_template_content_is_set_apart_from_the_document():
    # A browser parses a template's content into a document fragment of its own: no index,
    # id or walk of the document meets it. The template element itself stays.
    p = Page.from_html("<body><p id='a'>one</p><template id='t'>lead<p id='b'>two</p>"
                       "<template id='inner'><i id='c'>3</i></template>tail</template>"
                       "<p id='d'>four</p></body>")
    assert set(p.ids) == {"a", "t", "d"}
    assert [el.get("id") for el in p.by_tag["p"]] == ["a", "d"]
    assert "i" not in p.by_tag and [el.get("id") for el in p.by_tag["template"]] == ["t"]
    assert all(el.getroottree().getroot() is p.root for el in p.elements)
    template = p.ids["t"]
    assert len(template) == 0 and template.text is None
    holder = p.contents_apart[template]
    assert holder.text == "lead" and [el.tag for el in holder] == ["p", "template"]
    assert holder[-1].tail == "tail"
    inner = holder[-1]
    assert len(inner) == 0 and [el.get("id") for el in p.contents_apart[inner]] == ["c"]
    assert p.body.xpath("string()") == "onefour"
    # an empty template has no content to set apart
    assert Page.from_html("<template></template><p>x</p>").contents_apart == {}


def test_elements_after_a_template_on_one_line_are_located_by_their_own_start_tag():
    # The source map matches an element to the k-th start tag of its name on its line: the
    # content set apart still counts, or every later <p> of a minified page would point at
    # the start tag before its own (alike tags: no attribute tells them apart).
    markup = "<html><body><p>1</p><template><p>t1</p><p>t2</p></template><p>2</p><p>3</p>"
    p = Page.from_html(markup)
    for el in p.by_tag["p"]:
        where = p.location(el)
        assert where.line == 1
        assert markup[where.column - 1:].startswith(f"<p>{el.text}</p>")


def test_template_text_with_control_characters_is_set_apart():
    # libxml2 keeps a control character lxml refuses to set: it becomes U+FFFD, as in text
    p = Page.from_html("<body><template>a\x01b<p>x</p></template></body>")
    (holder,) = p.contents_apart.values()
    assert holder.text == "a\ufffdb" and [el.tag for el in holder] == ["p"]


@pytest.mark.parametrize("markup", [
    "<head><noscript><link rel='stylesheet' href='a.css'></noscript></head><body>"
    "<img class='lazy' src='x'><noscript><img class='lazy' src='y' alt='y'></noscript>"
    "<template><p id='t' class='lazy'>x<noscript><i>n</i></noscript></p></template><p id='p'>"
    "<noscript>only text</noscript><noscript><iframe src='/gtm'></iframe></noscript></p></body>",
    "<body><template><template><b>deep</b></template></template><b>kept</b></body>",
])
def test_indexes_after_content_is_set_apart_are_those_of_the_document(markup):
    # filtered, not built again: they must equal what a walk of the document builds
    p = Page.from_html(markup)
    fresh = Page(p.root)        # the tree is set apart already: one walk indexes it
    assert fresh.contents_apart == {}
    assert p.elements == fresh.elements
    assert dict(p.by_tag) == dict(fresh.by_tag)
    assert dict(p.by_attribute) == dict(fresh.by_attribute)
    assert p.order == fresh.order
