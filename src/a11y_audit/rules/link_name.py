"""Links have an accessible name.

Screen reader users move through a page link by link and hear each link's name. A link that
holds only an image without ``alt``, an icon font or an empty anchor is announced as "link" or
as its URL ("link, slash news slash 2024 slash 05 slash ..."), so teaser images, logo links and
social icons give no clue where they lead.

The rule applies to every element exposed with the role ``link`` or a role that inherits from it
(``doc-backlink``, ``doc-biblioref``, ``doc-glossref``, ``doc-noteref``): ``<a href>``,
``<area href>`` of an image map used by an image, and elements with ``role="link"``.

Fails::

    <a href="/world/floods-2024"><img src="/img/teaser-4021.jpg"></a>

    <a href="https://twitter.com/share"><i class="icon-twitter"></i></a>

Passes::

    <a href="/world/floods-2024"><img src="/img/teaser-4021.jpg"
      alt="Rescue boats in the flooded centre"></a>

    <a href="https://twitter.com/share" aria-label="Share on X"><i class="icon-x"></i></a>

Limits: CSS generated content is not seen. An unnamed link that a rule of the page's own
``<style>`` may hide (``display: none``, ``visibility: hidden``) is cantTell; one hidden by an
external stylesheet is checked. A custom element (``<lazy-image alt=...>``) or ``data-alt``
placeholder inside an unnamed link is cantTell: a script renders it.
"""

from __future__ import annotations

from a11y_audit.commons.dom import tag_of
from a11y_audit.commons.naming import LINK_ROLES, check_named
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="link-name",
    impact="serious",
    wcag=("2.4.4", "4.1.2"),
    act=("c487ae",),
    tags=("cat.name-role-value",),
    help="Give the link text, an image with alt text, an aria-label or aria-labelledby",
)


def check(page: Page) -> Results:
    yield from check_named(RULE, page, _links(page), "Link")


def _links(page: Page) -> list[Element]:
    return [
        el for el in page.select("a[href]", "area[href]", "*[role]")
        if page.role(el) in LINK_ROLES and not page.is_hidden(el)
        and (tag_of(el) != "area" or _area_in_used_map(page, el))
    ]


def _area_in_used_map(page: Page, area: Element) -> bool:
    """An ``area`` is rendered only in a ``map`` that an image uses (``usemap="#name"``)."""
    for anc in area.iterancestors():
        if tag_of(anc) == "map":
            names = {anc.get("name"), anc.get("id")} - {None, ""}
            return any(
                (img.get("usemap") or "").strip().lstrip("#") in names
                and not page.is_hidden(img)
                for img in page.select("img[usemap]", "object[usemap]")
            )
    return False
