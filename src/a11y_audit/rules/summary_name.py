"""The ``summary`` of a ``details`` element has an accessible name.

``<details>``/``<summary>`` is how many articles fold away a timeline, a glossary, "Key points"
or a correction note. The ``summary`` is the button that opens it; screen readers announce its
name ("Key points, collapsed"). An empty ``summary`` shows only a disclosure triangle and is
announced without a name, so the hidden content is never found.

The rule applies to the first ``summary`` child of each ``details`` element (the one that
toggles it), whatever role it is given, except ``role="button"``: that summary is a button,
whose name aria-command-name checks (ACT rules 2t702h and 97a4e1).

Differs from axe-core: a ``summary`` given ``role="button"`` is checked by aria-command-name, not
here, since ACT rule 2t702h leaves it out (it is a button for ACT rule 97a4e1); axe-core checks it
here. Other roles (``heading``, a ``none`` that does not stick) are checked here, as in axe-core.

Fails::

    <details><summary></summary><p>Correction: an earlier version misstated the date.</p></details>

    <details><summary><img src="/icons/plus.svg" alt=""></summary>
      <ol><li>09:00 Polls open</li></ol></details>

Passes::

    <details><summary>Correction</summary><p>An earlier version misstated the date.</p></details>

    <details><summary aria-label="Timeline"><img src="/icons/plus.svg" alt=""></summary>
      <ol><li>09:00 Polls open</li></ol></details>

Limits: text added by CSS (``::before``/``::after``) is not seen. An unnamed summary that a
stylesheet the cascade reads hides (``display: none``, ``visibility: hidden``) is not checked; one
that only a linked stylesheet that could not be read may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.naming import check_named
from a11y_audit.dom import tag_of
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="summary-name",
    impact="serious",
    wcag=("4.1.2",),
    act=("2t702h",),
    tags=("cat.name-role-value",),
    help="Give the summary text content, an aria-label or aria-labelledby",
    template_values=("aria-labelledby", "content"),
)


def check(page: Page) -> Results:
    summaries = [
        el for el in page.tags("summary")
        if _toggles_details(el) and not page.is_hidden(el) and _checked_here(page, el)
    ]
    yield from check_named(RULE, page, summaries, "Summary")


def _checked_here(page: Page, el: Element) -> bool:
    """The summary stays the details' toggle whatever role it is given, so, as axe-core, its
    name is checked here with ``role="heading"`` and with a ``role="none"`` that never sticks
    (a summary is focusable). ``role="button"`` makes it a button for ACT rule 2t702h, whose
    name aria-command-name checks (ACT rule 97a4e1)."""
    return page.role(el) != "button"


def _toggles_details(summary: Element) -> bool:
    """The first ``summary`` child of a ``details`` (HTML "summary for its parent details")."""
    parent = summary.getparent()
    if parent is None or tag_of(parent) != "details":
        return False
    return next((c for c in parent if tag_of(c) == "summary"), None) is summary
