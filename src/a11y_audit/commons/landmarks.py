"""Shared checks behind the landmark rules (one place for the logic, one module per rule id)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from a11y_audit.commons.aria import LANDMARK_ROLES

if TYPE_CHECKING:
    from a11y_audit.rule import Page, Results, Rule


def of_role(page: Page, role: str) -> list:
    return [lm for lm in page.landmarks if lm.role == role]


def no_duplicate(rule: Rule, page: Page, role: str) -> Results:
    """Pass the first landmark of ``role``, fail every further one (naming the first)."""
    found = of_role(page, role)
    if not found:
        return
    first = found[0]
    yield rule.ok(first.element)
    for extra in found[1:]:
        yield rule.fail(
            extra.element,
            f"A second {role} landmark: the page already has one at line "
            f"{first.element.sourceline} ({page.css_path(first.element)})",
            related=(first.element,),
        )


def top_level(rule: Rule, page: Page, role: str) -> Results:
    """Each landmark of ``role`` must not be inside another landmark."""
    for landmark in of_role(page, role):
        parent = next(
            (a for a in landmark.element.iterancestors()
             if not page.is_hidden(a) and page.role(a) in LANDMARK_ROLES),
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
