"""SVG images with an image role have an accessible name.

Inline SVG is everywhere on news pages: logos, icons, charts and maps. When an ``svg`` (or a
shape inside it) is given the role ``img``, ``graphics-document`` or ``graphics-symbol``, it is
announced as one image, and only its name (``aria-label``, ``aria-labelledby``, or a ``<title>``
child) tells a screen reader user what it shows. Text drawn with ``<text>`` does not name it.

Matches axe-core.

Fails::

    <svg role="img" viewBox="0 0 120 40"><path d="M0 0h120v40H0z"/></svg>

    <svg role="img"><title></title><circle cx="5" cy="5" r="4"/></svg>

Passes::

    <svg role="img" viewBox="0 0 120 40"><title>The Daily Chronicle</title><path d="M0 0"/></svg>

    <svg role="img" aria-label="Seats won by party"><rect width="10" height="40"/></svg>

Limits: ``<svg>`` without a role is not checked (browsers ignore unnamed ones). An unnamed SVG that
a stylesheet the cascade reads hides (``display: none``, ``visibility: hidden``) is not checked;
one that only a linked stylesheet that could not be read may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.icons import hide_icon_advice
from a11y_audit.checks.naming import named
from a11y_audit.dom import tag_of
from a11y_audit.rule import Outcome, Page, Results, Rule
from a11y_audit.semantics.names import in_svg

RULE = Rule(
    id="svg-img-alt",
    impact="serious",
    wcag=("1.1.1",),
    act=("7d6734",),
    tags=("cat.text-alternatives",),
    help="Give the SVG a <title> child, an aria-label or aria-labelledby",
    template_values=("aria-labelledby", "content"),
)

_IMAGE_ROLES = frozenset(("img", "graphics-document", "graphics-symbol"))


def check(page: Page) -> Results:
    images = [
        el for el in page.with_role
        if page.explicit_roles.get(el) in _IMAGE_ROLES and page.role(el) in _IMAGE_ROLES
        and (tag_of(el) == "svg" or in_svg(el)) and not page.is_hidden(el)
    ]
    for el in images:
        result = named(RULE, page, el, "SVG image", ("<title>",))
        advice = hide_icon_advice(page, el, "SVG image") if result.outcome is Outcome.FAILED \
            else None
        yield RULE.fail(el, advice) if advice else result
