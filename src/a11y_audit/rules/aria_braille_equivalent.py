"""Braille attributes have a non-braille equivalent.

``aria-braillelabel`` and ``aria-brailleroledescription`` (WAI-ARIA 1.3) give a refreshable
braille display a shorter label or role, e.g. a score widget shown as "sc". ARIA requires that
they only abbreviate what is already there: an element with ``aria-braillelabel`` must have an
accessible name, and one with ``aria-brailleroledescription`` must have a non-empty
``aria-roledescription``. Otherwise speech users get nothing, or braille users get something
that speech users do not.

The rule applies to every element with ``aria-braillelabel`` or ``aria-brailleroledescription``,
not hidden from assistive technology. It fails when a non-empty ``aria-braillelabel`` comes with
an empty accessible name, or a non-empty ``aria-brailleroledescription`` with a missing or empty
``aria-roledescription``.

Matches axe-core. Same selector, hidden excluded, and checks (``braille-label-equivalent``,
``braille-roledescription-equivalent``). axe-core marks the rule ``reviewOnFail`` ("needs
review"); here it is failed, since both requirements are ARIA 1.3 author MUSTs that markup
decides.

Fails::

    <button aria-braillelabel="sc"></button>

    <div role="article" aria-brailleroledescription="arti">Story</div>

Passes::

    <button aria-braillelabel="sc">Score</button>

    <div role="article" aria-roledescription="story" aria-brailleroledescription="st">Text</div>
"""

from __future__ import annotations

from a11y_audit.checks.naming import describe
from a11y_audit.dom import normalize_space
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-braille-equivalent",
    impact="serious",
    wcag=("4.1.2",),
    tags=("cat.aria",),
    help="Give the element an accessible name / aria-roledescription that braille abbreviates",
)


def check(page: Page) -> Results:
    for el in page.select("*[aria-braillelabel]", "*[aria-brailleroledescription]"):
        if page.is_hidden(el):
            continue
        problems = []
        if (el.get("aria-braillelabel") or "").strip() and not page.name(el):
            problems.append("aria-braillelabel without an accessible name")
        if normalize_space(el.get("aria-brailleroledescription")):
            description = el.get("aria-roledescription")
            if description is None:
                problems.append("aria-brailleroledescription without aria-roledescription")
            elif not normalize_space(description):
                problems.append("aria-brailleroledescription with an empty "
                                "aria-roledescription")
        if problems:
            yield RULE.fail(el, f"{describe(el)} has " + "; ".join(problems))
        else:
            yield RULE.ok(el, "braille attributes abbreviate what speech gets")
