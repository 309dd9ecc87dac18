"""Global ARIA properties are not used on roles that prohibit them.

Some roles take no name: a ``div`` or ``span`` (role ``generic``), a paragraph, ``code``,
``strong``... Browsers drop an ``aria-label`` put there, so the label a developer wrote for a
byline, a price or an icon is never read, and the visible text is all users hear.

Applies to every global WAI-ARIA state or property on an element exposed to assistive
technology, as ACT rule kb1m8s. The element's semantic
role is its explicit role, else its implicit role, after presentational-role conflict
resolution (``<div role="none" aria-label="x">`` is a ``generic``). Prohibited means WAI-ARIA
1.2 "Prohibited States and Properties" (``aria-label`` and ``aria-labelledby`` on caption, code,
deletion, emphasis, generic, insertion, paragraph, presentation/none, strong, subscript,
superscript; also ``aria-roledescription`` on generic) and the WAI-ARIA 1.3 braille
counterparts (``aria-braillelabel``, ``aria-brailleroledescription``).

Differs from axe-core: ACT rule kb1m8s fails a prohibited ``aria-label`` on a ``div`` or ``span``
even when it has no text, where axe-core asks for a review; elsewhere it matches axe-core's check.

Fails::

    <div class="price" aria-label="Was 100 euros, now 1 euro"><s>€100</s> <b>€1</b></div>

Passes::

    <a href="/deal" aria-label="Was 100 euros, now 1 euro"><s>€100</s> <b>€1</b></a>

Limits: an element that only a stylesheet hides still counts as exposed.
"""

from __future__ import annotations

from a11y_audit.commons import aria
from a11y_audit.commons.dom import tag_of
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-prohibited-attr",
    impact="serious",
    wcag=("1.3.1", "4.1.2"),
    act=("kb1m8s",),
    tags=("cat.aria",),
    help="Remove the prohibited attribute, or give the element a role that allows it",
)


def check(page: Page) -> Results:
    for el in aria.iter_aria_elements(page):
        names = [name for name, _ in aria.aria_attributes(el) if name in aria.ALL_GLOBAL_ATTRIBUTES]
        if not names or page.is_hidden(el) or aria.is_mathml(el):
            continue
        role = page.role(el)
        prohibited = [name for name in names if name in aria.prohibited_attributes(role)]
        if prohibited:
            yield RULE.fail(el, f"{', '.join(prohibited)} "
                                f"{'is' if len(prohibited) == 1 else 'are'} not allowed on "
                                f"role {role!r} (<{tag_of(el)}>)")
        else:
            yield RULE.ok(el)
