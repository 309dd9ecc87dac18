"""Elements with ``role="img"`` have an accessible name.

``role="img"`` turns an element, often a ``div`` with a background image (a map, a chart, a
photo in a slideshow), into one image for assistive technology: its content is no longer read,
so its ``aria-label`` or ``aria-labelledby`` is all a screen reader user gets. Without one the
image is announced as "image" and its message is lost.

The rule applies to HTML elements other than ``<img>`` (see image-alt) whose role is ``img``,
and that are not hidden from assistive technology. SVG elements have their own rule
(svg-img-alt).

Matches axe-core.

Fails::

    <div role="img" class="chart" style="background-image: url(turnout.png)"></div>

    <span role="img" class="flag flag-fr" title=" "></span>

Passes::

    <div role="img" class="chart" aria-label="Turnout rose from 61% to 68%"
         style="background-image: url(turnout.png)"></div>

    <span role="img" aria-label="French flag" class="flag flag-fr"></span>

Limits: an unnamed element that a stylesheet the cascade reads hides (``display: none``,
``visibility: hidden``) is not checked; one that only a linked stylesheet that could not be read
may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.icons import hide_icon_advice
from a11y_audit.checks.naming import named
from a11y_audit.dom import tag_of
from a11y_audit.rule import Outcome, Page, Results, Rule
from a11y_audit.semantics.names import in_svg

RULE = Rule(
    id="role-img-alt",
    impact="serious",
    wcag=("1.1.1",),
    act=("23a2a8",),
    tags=("cat.text-alternatives", "cat.aria"),
    help="Give the role=\"img\" element an aria-label or aria-labelledby describing the image",
    template_values=("aria-labelledby",),
)


def check(page: Page) -> Results:
    images = [
        el for el in page.with_role
        if page.role(el) == "img" and tag_of(el) not in ("img", "svg")
        and not in_svg(el) and not page.is_hidden(el)
    ]
    for el in images:
        result = named(RULE, page, el, "Image")
        advice = hide_icon_advice(page, el, "Image") if result.outcome is Outcome.FAILED \
            else None
        yield RULE.fail(el, advice) if advice else result
