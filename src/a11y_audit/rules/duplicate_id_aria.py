"""Ids that ARIA attributes or labels point at are unique.

``aria-labelledby``, ``aria-describedby``, ``aria-controls`` and ``<label for>`` find their
target by id, and a browser takes the first element with that id. When a template repeats a
block (two share bars, a headline reused in a teaser), a second element with the same id means
a control may be named or described by the wrong text, or by text the reader never sees.

The rule applies to every element whose non-empty ``id`` (white space trimmed) is referenced by
an ARIA ID-reference attribute (``aria-activedescendant``, ``aria-controls``,
``aria-describedby``, ``aria-details``, ``aria-errormessage``, ``aria-flowto``,
``aria-labelledby``, ``aria-owns``) or by a ``label``'s ``for``; hidden elements count too. One
result is given per id, on its first element, naming the others.

Matches axe-core. Same selection (``[id]`` that ``isAccessibleRef``, hidden included) and check
(``duplicate-id-aria``, one result per id). axe-core marks the rule ``reviewOnFail`` and lists a
duplicate under "needs review", because the reference may still resolve to the element the
author meant; here it is failed, since that two elements share a referenced id is certain from
the markup and HTML requires ids to be unique. Review the message to see which element wins.

Fails::

    <label for="q">Search</label><input id="q"><div id="q"></div>

    <button aria-describedby="tip">Share</button><span id="tip">Copy link</span>
    <span id="tip" hidden>Copied</span>

Passes::

    <label for="q">Search</label><input id="q"><div id="results"></div>
"""

from __future__ import annotations

from a11y_audit.commons.axe_scope import id_referenced
from a11y_audit.commons.naming import describe
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="duplicate-id-aria",
    impact="critical",
    wcag=("4.1.2",),
    act=("3ea0c8",),
    tags=("cat.parsing",),
    help="Give each element that labels or is referenced by ARIA an id of its own",
)


def check(page: Page) -> Results:
    referenced = id_referenced(page)
    if not referenced:
        return
    groups: dict[str, list] = {}
    for el in page.by_attribute.get("id", []):
        value = (el.get("id") or "").strip()
        if value and value in referenced:
            groups.setdefault(value, []).append(el)
    for value, elements in groups.items():
        first = elements[0]
        if len(elements) == 1:
            yield RULE.ok(first, lambda v=value: f"id {v!r} is referenced and unique")
            continue
        others = ", ".join(f"{describe(e)} (line {e.sourceline})" for e in elements[1:4])
        more = f" and {len(elements) - 4} more" if len(elements) > 4 else ""
        yield RULE.fail(first, f"id {value!r} is referenced by ARIA or a label and is also "
                               f"the id of {others}{more}; references resolve to this first one")
