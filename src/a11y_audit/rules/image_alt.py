"""Images have alternative text, or are marked as decorative.

Blind readers hear an image's alternative text in its place. An ``<img>`` without ``alt`` makes
many screen readers read the file name ("IMG underscore 4 0 2 7 dot jpeg"), and a news page is
full of them: photos, maps, charts, author portraits and logos.

The rule applies to every ``<img>`` not hidden from assistive technology (images hidden with
``aria-hidden="true"`` or not rendered are not applicable), as ACT rule 23a2a8. It passes when
the accessible name (``alt``, ``aria-label``, ``aria-labelledby`` or ``title``) is not empty, or
when the image is marked decorative (``alt=""``, or ``role="none"``/``"presentation"`` that no
global ARIA attribute or focusability overrides).

Fails::

    <img src="/photos/2024/IMG_4027.jpg">

    <img src="map.png" alt=" ">

Passes::

    <img src="map.png" alt="Map of the flooded districts along the river">

    <img src="portrait.jpg" aria-label="Portrait of Jane Doe">

Limits: whether an image is hidden by a stylesheet cannot be seen; such images are checked too.
"""

from __future__ import annotations

from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="image-alt",
    impact="critical",
    wcag=("1.1.1",),
    act=("23a2a8",),
    tags=("cat.text-alternatives",),
    help="Give every <img> an alt attribute: a description, or alt=\"\" if it is decorative",
)


def check(page: Page) -> Results:
    for image in page.images:
        el = image.element
        if image.kind != "img" or image.hidden:
            continue
        role = page.role(el)
        if role in ("none", "presentation"):
            yield RULE.ok(el, "Marked decorative")
        elif role != "img":
            continue  # another role (a button, a link...): other rules check its name
        elif page.name(el):
            yield RULE.ok(el)
        elif image.alt is None:
            yield RULE.fail(el, f"<img src=\"{image.src or ''}\"> has no alt attribute and no "
                                "aria-label, aria-labelledby or title")
        else:
            yield RULE.fail(el, f"<img src=\"{image.src or ''}\"> has an alt of only white "
                                "space; use alt=\"\" for a decorative image or describe it")
