"""Terms and descriptions (``dt``, ``dd``) sit in a ``dl``, directly or in one ``div`` inside it.

A ``dt`` or ``dd`` outside a description list is not paired with anything: screen readers read
it as loose text, and the markup is invalid HTML.

Matches axe-core. Same id and check as axe-core's ``dlitem`` (check ``dlitem``): applies to
``dt`` and ``dd`` without a ``role`` attribute that are exposed to assistive technology; the
parent must be a ``dl``, or a ``div`` without a role (or with role ``none``/``presentation``)
whose parent is a ``dl``; that ``dl`` must have no role, an unknown one, or ``list``, ``none``
or ``presentation``.

Fails::

    <div class="factbox"><dt>Born</dt><dd>1961, Leeds</dd></div>

Passes::

    <dl class="factbox"><div><dt>Born</dt><dd>1961, Leeds</dd></div></dl>

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

RULE = Rule(
    id="dlitem",
    impact="serious",
    wcag=("1.3.1",),
    tags=("cat.structure",),
    help="Put <dt> and <dd> inside a <dl> (directly or in one <div> group)",
    needs_context=True,
)

_PASSING_DL_ROLES = frozenset(("list", "none", "presentation"))


def check(page: Page) -> Results:
    for el in page.select("dt", "dd"):
        if el.get("role") is not None or page.is_hidden(el):
            continue
        problem = _context_problem(el)
        if problem:
            yield RULE.fail(el, f"<{tag_of(el)}> {problem}: terms and descriptions belong in a "
                                "<dl>")
        else:
            yield RULE.ok(el)


def _context_problem(el: Element) -> str:
    parent = el.getparent()
    if parent is None:
        return "has no parent"
    if tag_of(parent) == "div" and aria.explicit_role(parent) in (None, "none", "presentation") \
            and (parent.get("role") is None or aria.explicit_role(parent) is not None):
        group = parent.getparent()
        if group is not None and tag_of(group) == "dl":
            parent = group
    if tag_of(parent) != "dl":
        return f"sits in <{tag_of(parent)}>"
    role = aria.explicit_role(parent)
    if role is None or role in _PASSING_DL_ROLES:
        return ""
    return f'sits in a <dl role="{role}">'
