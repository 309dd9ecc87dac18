"""Role attributes name at least one valid, non-abstract WAI-ARIA role.

Browsers skip role tokens they do not know and fall back to the element's native role, so a
typo (``role="buton"``) or an abstract role (``role="widget"``) leaves a custom control
announced as plain text: screen-reader users do not learn that the share icon or the gallery
arrow can be activated.

Applies to every non-empty ``role`` attribute on an element exposed to assistive technology, as ACT
rule 674b10. Fallback lists pass when any token is valid (``role="doc-biblioref link"``); the rule
looks no further than the role list of WAI-ARIA 1.2, the Graphics module, DPUB-ARIA and the
WAI-ARIA 1.3 roles browsers map (comment, mark, suggestion).

Differs from axe-core: ``role="text"``, which axe-core accepts, fails here: no WAI-ARIA 1.2 or 1.3
specification defines it, and ACT rule 674b10 asks for a role the specifications define.

Fails::

    <span class="share" role="buton" tabindex="0" onclick="share()">Share</span>

Passes::

    <span class="share" role="button" tabindex="0" onclick="share()">Share</span>

Limits: an element hidden by any stylesheet the cascade reads (a ``<style>`` element, a linked file
it could read, ``--stylesheet`` site CSS) is skipped; one hidden only by a linked stylesheet that
could not be read still counts as exposed; where a rule the cascade cannot evaluate (``@container``,
an unknown ``var()``...) may hide it, the failure is cantTell and names
that rule.
"""

from __future__ import annotations

from a11y_audit.knowledge import aria
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics import aria_tree

RULE = Rule(
    id="aria-roles",
    impact="critical",
    wcag=("1.3.1", "4.1.2"),
    act=("674b10",),
    tags=("cat.aria",),
    help="Use a role defined in WAI-ARIA (check the spelling; abstract roles are not allowed)",
    template_values=("role",),
)


def check(page: Page) -> Results:
    for el in page.with_role:
        tokens = aria.role_tokens(el)
        if not tokens or page.is_hidden(el) or aria_tree.in_mathml(page, el):
            continue
        if any(token in aria.ARIA_ROLES for token in tokens):
            yield RULE.ok(el)
            continue
        abstract = [t for t in tokens if t in aria.ABSTRACT_ROLES]
        note = f" ({', '.join(abstract)} abstract)" if abstract else ""
        role: str = el.get("role")  # type: ignore[assignment]  # (with_role: it has one)
        yield RULE.fail(el, f'role="{role.strip()}" names no valid WAI-ARIA '
                            f"role{note}")
