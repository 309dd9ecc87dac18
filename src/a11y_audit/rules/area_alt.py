"""Image-map areas that are links have alternative text.

An ``<area href>`` in an image map (a clickable map of constituencies, a diagram whose parts
link to stories) is a link. Screen readers announce it by its ``alt``; without one they read
the URL or nothing, and the map is useless to them.

The rule applies to every ``area`` with an ``href`` inside a ``map``, hidden or not. It passes
when the area has an ``alt``, ``aria-label`` or ``title`` that is not white space, or an
``aria-labelledby`` that gives text.

Matches axe-core. Same selector (``map area[href]``, hidden included) and checks
(``non-empty-alt``, ``aria-label``, ``aria-labelledby``, ``non-empty-title``), ACT rule c487ae
for these links.

Fails::

    <img src="map.png" usemap="#m" alt="Results by region">
    <map name="m"><area shape="rect" coords="0,0,50,50" href="/north"></map>

    <map name="m"><area shape="circle" coords="9,9,9" href="/south" alt=" "></map>

Passes::

    <img src="map.png" usemap="#m" alt="Results by region">
    <map name="m"><area shape="rect" coords="0,0,50,50" href="/north" alt="North"></map>

    <map name="m"><area href="/south" aria-label="South"><area coords="0,0,1,1"></map>
"""

from __future__ import annotations

from a11y_audit.checks.naming import describe
from a11y_audit.dom import normalize_space, tag_of, text_content
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="area-alt",
    impact="critical",
    wcag=("2.4.4", "4.1.2"),
    act=("c487ae",),
    tags=("cat.text-alternatives",),
    help="Give each linked area of the image map an alt text saying where it leads",
    hidden_content="axe-core's selector includes hidden areas (map area[href])",
    template_values=("alt", "aria-labelledby"),
)


def check(page: Page) -> Results:
    for el in page.tags("area"):
        if el.get("href") is None or not any(tag_of(a) == "map" for a in el.iterancestors()):
            continue
        source = _name_source(el, page)
        if source:
            yield RULE.ok(el, lambda source=source, el=el: f"{describe(el)} is named by {source}")
        else:
            yield RULE.fail(el, f"{describe(el)} has no alt, aria-label, aria-labelledby or "
                                "title text")


def _name_source(el: Element, page: Page) -> str:
    for attribute in ("alt", "aria-label", "title"):
        if normalize_space(el.get(attribute)):
            return attribute
    for ref in normalize_space(el.get("aria-labelledby")).split():
        target = page.ids.get(ref)
        if target is not None and normalize_space(text_content(target)):
            return "aria-labelledby"
    return ""
