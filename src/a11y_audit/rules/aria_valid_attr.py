"""Every ``aria-*`` attribute is one that WAI-ARIA defines.

Browsers ignore ``aria-*`` attributes they do not know. A misspelt ``aria-labeledby`` or an
invented ``aria-not-checked`` therefore tells assistive technology nothing: the share button
stays nameless, the toggle's state unknown.

Applies to every attribute whose name starts with ``aria-``, on any element (hidden ones too), as
ACT rule 5f99a7 and axe-core's ``aria-valid-attr``. Defined means WAI-ARIA 1.2, or one of the
WAI-ARIA 1.3 attributes browsers already support (aria-description, aria-braillelabel,
aria-brailleroledescription, aria-colindextext, aria-rowindextext).

Matches axe-core.

Fails::

    <button aria-labeledby="share-label"><svg aria-hidden="true"></svg></button>
    <span id="share-label">Share this article</span>

Passes::

    <button aria-labelledby="share-label"><svg aria-hidden="true"></svg></button>
    <span id="share-label">Share this article</span>
"""

from __future__ import annotations

from a11y_audit.knowledge import aria
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics import aria_tree

RULE = Rule(
    id="aria-valid-attr",
    impact="critical",
    wcag=("1.3.1", "4.1.2"),
    act=("5f99a7",),
    tags=("cat.aria",),
    help="Correct the attribute name to a WAI-ARIA state or property, or remove it",
    hidden_content="ACT 5f99a7 applies to every aria- attribute, hidden elements included",
)


def check(page: Page) -> Results:
    for el, held in aria_tree.aria_attributes_of(page):
        unknown = [name for name, _ in held if name not in aria.ATTRIBUTES]
        if unknown:
            yield RULE.fail(el, f"{', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} "
                                "not defined in WAI-ARIA")
        else:
            yield RULE.ok(el)
