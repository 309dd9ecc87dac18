"""No element has a ``tabindex`` greater than zero.

A positive ``tabindex`` moves an element to the front of the keyboard tab order, ahead of
everything with ``tabindex="0"`` or none. On a news page that means a newsletter box or a share
button is reached before the headline and the story, the focus order no longer follows what is
read, and every later template change has to renumber the page. Keyboard and screen reader users
lose their place.

The rule applies to every element with a ``tabindex`` attribute that is not hidden from
assistive technology. The value is read as HTML's "rules for parsing integers" read it (leading
white space, a sign, digits; ``"2px"`` is 2); a value that is no integer at all passes, as it
leaves the element in its default place.

Matches axe-core. Same selector (``[tabindex]``, hidden elements excluded) and the same check
(``tabindex``: the parsed value is not above zero).

Fails::

    <a href="/subscribe" tabindex="1">Subscribe</a>

    <div class="newsletter" tabindex=" +3">Sign up</div>

Passes::

    <a href="/subscribe" tabindex="0">Subscribe</a>

    <div class="gallery" tabindex="-1">Photo 1 of 12</div>
"""

from __future__ import annotations

import re

from a11y_audit.checks.naming import describe
from a11y_audit.dom import integer
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="tabindex",
    impact="serious",
    wcag=(),
    tags=("cat.keyboard", "best-practice"),
    help="Use tabindex=\"0\" (or none) and order the markup instead of a positive tabindex",
    template_values=("tabindex",),
)

# HTML "rules for parsing integers" as axe-core's parseTabindex applies them: trailing garbage
# after the digits is ignored.
_INTEGER = re.compile(r"^\s*([-+]?\d+)")


def check(page: Page) -> Results:
    for el in page.by_attribute.get("tabindex", []):
        if page.is_hidden(el):
            continue
        value = el.get("tabindex") or ""
        match = _INTEGER.match(value)
        if match and integer(match.group(1)) > 0:
            yield RULE.fail(el, f"{describe(el)} has tabindex=\"{value.strip()}\": it jumps "
                                "ahead of the page's reading order in the tab sequence")
        else:
            yield RULE.ok(el, lambda el=el: f"{describe(el)} keeps its place in the tab order")
