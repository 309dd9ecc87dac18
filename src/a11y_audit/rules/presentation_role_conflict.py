"""Elements marked as decorative are not exposed to assistive technology.

``role="none"``, ``role="presentation"`` and ``alt=""`` say "ignore me". Browsers must ignore
that wish when the element is focusable or carries a global ARIA attribute (WAI-ARIA 1.2 section
7.3 "Presentational Roles Conflict Resolution"): a decorative divider image with ``tabindex`` or
an ``aria-label`` is announced after all, as an unnamed or mislabelled object in the middle of
the article.

Applies to every element marked as decorative (an explicit role of ``none`` or
``presentation``, or an ``img`` with ``alt=""`` and no role), as ACT rule 46ca7f and axe-core's
``presentation-role-conflict``. Passes when the element is hidden from assistive technology or
keeps a presentational role; fails when conflict resolution gives it its native role back.

Matches axe-core.

Fails::

    <img src="divider.png" alt="" aria-label="divider">

Passes::

    <img src="divider.png" alt="">

Limits: an element hidden by any stylesheet the cascade reads (a ``<style>`` element, a linked file
it could read, ``--stylesheet`` site CSS) is skipped; one hidden only by a linked stylesheet that
could not be read still counts as exposed; where a rule the cascade cannot evaluate (``@container``,
an unknown ``var()``...) may hide it, the failure is cantTell and names
that rule.
"""

from __future__ import annotations

from a11y_audit.dom import tag_of
from a11y_audit.knowledge import aria
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics import aria_tree

RULE = Rule(
    id="presentation-role-conflict",
    impact="minor",
    wcag=(),
    act=("46ca7f",),
    tags=("cat.aria", "best-practice"),
    help="Remove tabindex and global ARIA attributes from decorative elements, or drop the "
         "decorative marking",
    template_values=("role",),
)


def check(page: Page) -> Results:
    for el in page.select("*[role]", "img[alt]"):
        explicit = page.explicit_roles.get(el)
        decorative = explicit in aria.PRESENTATIONAL or (
            explicit is None and tag_of(el) == "img" and el.get("alt") == ""
        )
        if not decorative or aria_tree.in_mathml(page, el):
            continue
        if page.is_hidden(el) or page.role(el) in aria.PRESENTATIONAL:
            yield RULE.ok(el)
        else:
            role = page.role(el)
            exposed = f"as role {role!r}" if role else "with its native semantics"
            yield RULE.fail(el, f"<{tag_of(el)}> is marked as decorative but is exposed "
                                f"{exposed} because {_reasons(page, el)}")


def _reasons(page: Page, el: Element) -> str:
    reasons = []
    if page.is_focusable(el):
        reasons.append("it is focusable")
    globals_ = [name for name in sorted(aria.GLOBAL_ATTRIBUTES) if el.get(name) is not None]
    if globals_:
        reasons.append(f"it has {', '.join(globals_)}")
    return " and ".join(reasons) or "of its context"
