"""Progress bars have an accessible name.

A ``role="progressbar"`` (a video or gallery loading bar, "votes counted" in a results page)
is announced by its name and value. Without a name screen readers say only "progress bar, 40
percent", and the reader cannot tell what is progressing.

The rule applies to every element whose ``role`` attribute is exactly ``progressbar``, not
hidden from assistive technology, and that HTML does not already name. The name must come from
``aria-label``, ``aria-labelledby`` or ``title``: a progress bar's content does not name it.

Matches axe-core. Same selector (``[role="progressbar"]``, hidden excluded, the
``no-naming-method-matches`` filter) and checks (``aria-label``, ``aria-labelledby``,
``non-empty-title``).

Fails::

    <div role="progressbar" aria-valuenow="40"></div>

    <div role="progressbar" aria-valuenow="40" aria-labelledby="missing">40%</div>

Passes::

    <div role="progressbar" aria-valuenow="40" aria-label="Votes counted"></div>

    <div role="progressbar" aria-valuenow="40" title="Loading video"></div>

Limits: an unnamed progress bar that a stylesheet the cascade reads hides (``display: none``,
``visibility: hidden``) is not checked; one that only a linked stylesheet that could not be read
may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.axe_scope import unnamed_role_elements
from a11y_audit.checks.naming import check_named
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-progressbar-name",
    impact="serious",
    wcag=("1.1.1",),
    tags=("cat.aria",),
    help="Name the progress bar with aria-label, aria-labelledby or title",
    template_values=("aria-labelledby", "content"),
)


def check(page: Page) -> Results:
    yield from check_named(RULE, page, unnamed_role_elements(page, "progressbar"),
                           "Progress bar", text=False)
