"""Images have alternative text, or are marked as decorative.

Blind readers hear an image's alternative text in its place. An ``<img>`` without ``alt`` makes
many screen readers read the file name ("IMG underscore 4 0 2 7 dot jpeg"), and a news page is
full of them: photos, maps, charts, author portraits and logos.

The rule applies to every ``<img>`` not hidden from assistive technology (images hidden with
``aria-hidden="true"`` or not rendered are not applicable), as ACT rule 23a2a8 and axe-core's
``image-alt``, whatever its role, except an explicit role that needs no name on an image that
is not focusable (``<img role="separator">``): ``<img role="button">`` or ``role="option"``
needs a name too. It passes when the accessible name (``alt``, ``aria-label``,
``aria-labelledby`` or ``title``) is not empty, when ``alt=""`` marks the image decorative (a
focusable or ARIA-labelled ``alt=""`` image is presentation-role-conflict's to report), or when
``role="none"``/``"presentation"`` marks it decorative and no global ARIA attribute or
focusability overrides it. An ``alt`` of only spaces is no name and fails.

Matches axe-core.

Fails::

    <img src="/photos/2024/IMG_4027.jpg">

    <img src="map.png" alt=" ">

Passes::

    <img src="map.png" alt="Map of the flooded districts along the river">

    <img src="portrait.jpg" aria-label="Portrait of Jane Doe">

In a Markdown story (:mod:`a11y_audit.markdown`), an image written without a description
(``![](flood.jpg)``) renders ``alt=""``: Markdown has no other way to write a decorative
image, and no way to tell one from a description forgotten, so it is cantTell (markdownlint's
MD045 fails it).

Limits: an image that a stylesheet the cascade reads hides is not checked; one that only a linked
stylesheet that could not be read may hide (a tracking pixel with a class) is.
"""

from __future__ import annotations

from a11y_audit.checks.naming import native_name_rule_applies
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="image-alt",
    impact="critical",
    wcag=("1.1.1",),
    act=("23a2a8",),
    tags=("cat.text-alternatives",),
    help="Give every <img> an alt attribute: a description, or alt=\"\" if it is decorative",
    template_values=("alt", "aria-labelledby"),
)


def check(page: Page) -> Results:
    for image in page.images:
        el = image.element
        if image.kind != "img" or image.hidden or not native_name_rule_applies(page, el):
            continue
        role = page.role(el)
        if page.name(el):
            yield RULE.ok(el)
        elif image.alt == "" and page.undescribed_images and (
                page.line(el) in page.undescribed_images):
            yield RULE.cant_tell(el, f"![]({image.src or ''}) has no description: Markdown "
                                     "writes alt=\"\", which marks the image decorative. "
                                     "Unless it is, describe it between the brackets")
        elif image.alt == "":
            yield RULE.ok(el, 'alt="" marks the image decorative (focus or ARIA attributes that '
                              "undo it are presentation-role-conflict's to report)")
        elif role in ("none", "presentation"):
            yield RULE.ok(el, "Marked decorative")
        elif image.alt is None:
            yield RULE.fail(el, f"<img src=\"{image.src or ''}\"> has no alt attribute and no "
                                "aria-label, aria-labelledby or title")
        else:
            yield RULE.fail(el, f"<img src=\"{image.src or ''}\"> has an alt of only white "
                                "space; use alt=\"\" for a decorative image or describe it")
