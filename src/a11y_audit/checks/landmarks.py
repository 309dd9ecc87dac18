"""Shared checks behind the landmark rules (one place for the logic, one module per rule id)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from a11y_audit.knowledge.aria import LANDMARK_ROLES

if TYPE_CHECKING:
    from a11y_audit.rule import Element, Page, Results, Rule


# Elements that HTML-AAM makes a landmark only outside sectioning content (a ``<header>``
# in an ``<article>`` is generic), with that landmark, and the elements that scope them.
_SCOPED = {"header": "banner", "footer": "contentinfo", "aside": "complementary"}
_SCOPES = {"header": "<article>, <aside>, <main>, <nav> and <section>",
           "footer": "<article>, <aside>, <main>, <nav> and <section>",
           "aside": "<article>, <aside>, <nav> and <section>"}


def placed_by_layout(page: Page, el: Element) -> str | None:
    """Why a partial's element may be no landmark on the page, or None: a ``<header>``,
    ``<footer>`` or unnamed ``<aside>`` without a role attribute is a landmark as the
    partial stands, since no element of the file scopes it, but the layout that includes
    the partial may (a theme's ``entry-header`` lands in the post's ``<article>``: generic).
    None on a page that is no partial."""
    if not page.fragment:
        return None
    landmark = _SCOPED.get(el.tag) if isinstance(el.tag, str) else None
    if landmark is None or el in page.explicit_roles or page.role(el) != landmark:
        return None
    if landmark == "complementary" and page.name(el):
        return None     # (a named aside is a landmark wherever it stands)
    return (f"<{el.tag}> is a {landmark} landmark only outside {_SCOPES[el.tag]}, and this "
            "partial has none around it: where the layout includes it decides")


def of_role(page: Page, role: str) -> list:
    return [lm for lm in page.landmarks if lm.role == role]


def no_duplicate(rule: Rule, page: Page, role: str) -> Results:
    """As axe-core: with one landmark of ``role`` it passes; with several, the first fails and
    names the others, which are not reported again (one finding per page, not one per copy)."""
    found = of_role(page, role)
    if not found:
        return
    first = found[0]
    if len(found) == 1:
        yield rule.ok(first.element)
        return
    yield rule.fail(first.element, f"The page has {len(found)} {role} landmarks; the others: "
                                   f"{listed(page, found[1:])}",
                    related=tuple(lm.element for lm in found[1:]))


LISTED = 3      # the landmarks a message names; a finding's related elements hold them all


def listed(page: Page, landmarks: list) -> str:
    """The first few of ``landmarks`` by line and selector, and how many more: a template
    that repeats a landmark on every teaser makes dozens, and a message naming each would
    bury the finding (the report lists each among the finding's related elements)."""
    shown = ", ".join(f"line {page.line(lm.element)} ({page.css_path(lm.element)})"
                      for lm in landmarks[:LISTED])
    more = len(landmarks) - LISTED
    return f"{shown} and {more} more" if more > 0 else shown


def top_level(rule: Rule, page: Page, role: str) -> Results:
    """Each landmark of ``role`` must not be inside another landmark. As axe-core, a ``form``
    ancestor counts only with an explicit role, and a complementary landmark may sit in main."""
    for landmark in of_role(page, role):
        parent = next(
            (a for a in landmark.element.iterancestors()
             if not page.is_hidden(a) and page.role(a) in LANDMARK_ROLES
             and not (a.tag == "form" and not a.get("role"))
             and not (role == "complementary" and page.role(a) == "main")),
            None,
        )
        if parent is None:
            yield rule.ok(landmark.element)
        else:
            yield rule.fail(
                landmark.element,
                f"The {role} landmark is inside a {page.role(parent)} landmark "
                f"({page.css_path(parent)}); move it to the top level",
                related=(parent,),
            )


def shown_dialog(page: Page):
    """A dialog exposed to assistive technology (``role="dialog"``/``"alertdialog"`` or
    ``<dialog open>``), or None. axe-core passes its page-level rules while a modal is open;
    whether this one is modal and covers the page is not known from markup."""
    for el in page.select("*[role]", "dialog[open]"):
        if page.role(el) in ("dialog", "alertdialog") and not page.is_hidden(el):
            return el
    return None
