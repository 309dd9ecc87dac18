"""Links have an accessible name.

Screen reader users move through a page link by link and hear each link's name. A link that
holds only an image without ``alt``, an icon font or an empty anchor is announced as "link" or
as its URL ("link, slash news slash 2024 slash 05 slash ..."), so teaser images, logo links and
social icons give no clue where they lead.

The rule applies to every ``<a href>`` whatever its role (as axe-core), except one given
``role="button"`` or ``role="menuitem"`` (aria-command-name's) or a presentational role that
sticks; to every element with ``role="link"`` or a role that inherits from it
(``doc-backlink``, ``doc-biblioref``, ``doc-glossref``, ``doc-noteref``); and to ``<area
href>`` of an image map used by an image.

Differs from axe-core: axe-core checks ``<a href role="button">`` here too, and elements given
``role="link"`` under aria-command-name, and ``<area>`` under area-alt; ACT rule c487ae, which
this rule implements, applies to every element with the link role and to no element with
another role.

Fails::

    <a href="/world/floods-2024"><img src="/img/teaser-4021.jpg"></a>

    <a href="https://twitter.com/share"><i class="icon-twitter"></i></a>

Passes::

    <a href="/world/floods-2024"><img src="/img/teaser-4021.jpg"
      alt="Rescue boats in the flooded centre"></a>

    <a href="https://twitter.com/share" aria-label="Share on X"><i class="icon-x"></i></a>

Limits: CSS generated content is not seen. An unnamed link that a stylesheet the cascade reads
hides (``display: none``, ``visibility: hidden``) is not checked; one that only a linked stylesheet
that could not be read may hide is checked. A custom element (``<lazy-image alt=...>``) or
``data-alt`` placeholder inside an unnamed link is cantTell: a script renders it.
"""

from __future__ import annotations

from a11y_audit.checks.naming import LINK_ROLES, command_rule, content_hint, describe, named
from a11y_audit.knowledge.aria import PRESENTATIONAL
from a11y_audit.outcome import Outcome
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="link-name",
    impact="serious",
    wcag=("2.4.4", "4.1.2"),
    act=("c487ae",),
    tags=("cat.name-role-value",),
    help="Give the link text, an image with alt text, an aria-label or aria-labelledby",
    template_values=("aria-labelledby", "content"),
)


def check(page: Page) -> Results:
    for el, role in _links(page):
        if role not in LINK_ROLES and _visible_text(page, el):
            # <a href role="listitem">: the role takes no name from content, but the link's
            # text is what users see and say (axe-core's has-visible-text).
            yield RULE.ok(el, "The link shows text")
        else:
            result = named(RULE, page, el, "Link")
            if result.outcome is Outcome.FAILED:
                # (what the author wrote has text: say why the browser's link has none)
                split = page.split_links.get(el)
                original = page.reopened.get(el)
                if split is not None:
                    kind, cause = split
                    result = RULE.fail(el, f"{result.message}. {_split(kind, cause)}",
                                       related=(cause,))
                elif original is not None:
                    result = RULE.fail(el, f"{result.message}. {_reopened(original)}",
                                       related=(original,))
                else:
                    hint = content_hint(page, el, "link", "where the link leads")
                    if hint:
                        result = RULE.fail(el, result.message + hint)
            yield result


def _split(kind: str, cause: Element) -> str:
    """Why a browser's parser left the link as written empty (Page.split_links)."""
    if kind == "end tag":
        return (f"A browser leaves it empty: its end tag </a> is written inside "
                f"{describe(cause)}, and a browser ends the link before that block (what the "
                "link held in the block goes into a copy of it). Close the link after the "
                "block, or open it inside the block")
    if kind == "left open":
        return (f"A browser leaves it empty: {describe(cause)} in it has no end tag, so the "
                "link's end tag </a> is read inside that block, and a browser ends the link "
                "before the block (what the link held in the block goes into a copy of it). "
                f"Close the <{cause.tag}> before </a>")
    if kind == "link":
        return (f"A browser leaves it empty: the link {describe(cause)} is written inside it, "
                "and a link ends where another begins (what it held goes into copies of "
                "it). Close it before the other link starts")
    return (f"A browser leaves it empty: {describe(cause)} is written inside it, in a "
            "paragraph, and a block ends the paragraph and the link there (what the link "
            "held goes into copies of it). Close the link before the block, or make the "
            "paragraph a <div>")


def _reopened(original: Element) -> str:
    """Why a browser made a link the author did not write (Page.reopened)."""
    return (f"A browser makes this link, a copy of {describe(original)}: that link has no "
            "end tag </a>, and a browser opens it again wherever text or an inline element "
            "follows, until another link starts. Close the link with </a>")


def _visible_text(page: Page, el: Element) -> bool:
    return any(text.strip() for node in el.iter()
               if isinstance(node.tag, str) and not page.is_hidden(node)
               for text in (node.text, node.tail if node is not el else None) if text)


def _links(page: Page) -> list[tuple[Element, str]]:
    """The links this rule checks, with their roles: those of :func:`_links_selected`, from
    the page's links (their hidden flag read once for every link rule) and the few elements
    whose role attribute gives them a link role, instead of every element with a role
    attribute merged with them into document order and asked its visibility and role."""
    with_role = page.holders("role")
    areas = page.tags("area")
    candidates = [link.element for link in page.links if not link.hidden]
    # Besides a[href] and area[href], only an explicit link role makes command_rule choose
    # this rule (explicit_roles is in document order)
    hrefs = page.holders("href")
    others = [el for el, role in page.explicit_roles.items()
              if role in LINK_ROLES and not (el in hrefs and el.tag in ("a", "area"))
              and not page.is_hidden(el)]
    if others:
        candidates = sorted(candidates + others, key=page.order.__getitem__)
    found = []
    for el in candidates:
        if el not in with_role and (not areas or el.tag == "a"):
            # <a href> without a role attribute (most links): role "link" (an element of
            # others has a role attribute)
            found.append((el, "link"))
        elif (role := _checked_role(page, el)) is not None:
            found.append((el, role))
    return found


def _links_selected(page: Page) -> list[tuple[Element, str]]:
    """:func:`_links` from every ``a[href]``, ``area[href]`` and element with a role
    attribute: the general path, which the tests compare with."""
    found = []
    # (a set test against the attribute index, not el.get("role") per link: most links have
    # no role, and lxml's get costs ~1,500 instructions even for an absent attribute)
    with_role = set(page.by_attribute.get("role", ()))
    for el in page.select("a[href]", "area[href]", "*[role]"):
        if page.is_hidden(el):
            continue
        if el.tag == "a" and el not in with_role:
            # <a href> without a role attribute (most links): role "link", and command_rule
            # gives it to this rule
            found.append((el, "link"))
        elif (role := _checked_role(page, el)) is not None:
            found.append((el, role))
    return found


def _checked_role(page: Page, el: Element) -> str | None:
    """The role of a candidate that is not a plain ``<a href>`` (an area, or an element with
    a role attribute), if this rule checks it: an area in a map an image uses, with a link
    role; another element that command_rule gives to this rule. Both selections above ask
    it, so that they differ only in the candidates they find."""
    role = page.role(el)
    if el.tag == "area":
        return role if role in LINK_ROLES and _area_in_used_map(page, el) else None
    return role if role not in PRESENTATIONAL and command_rule(page, el) == RULE.id else None


def _area_in_used_map(page: Page, area: Element) -> bool:
    """An ``area`` is rendered only in a ``map`` that an image uses (``usemap="#name"``)."""
    for anc in area.iterancestors():
        if anc.tag == "map":
            used = page.memo(_USED_MAPS, _used_maps)
            return anc.get("name") in used or anc.get("id") in used
    return False


_USED_MAPS = "link-name.used-maps"


def _used_maps(page: Page) -> frozenset[str]:
    """The map names the page's rendered images and objects use (``usemap="#name"``): read
    once, not for each ``area`` (a page of many maps read every image for each)."""
    return frozenset(
        name for img in page.select("img[usemap]", "object[usemap]")
        if (name := (img.get("usemap") or "").strip().lstrip("#")) and not page.is_hidden(img))
