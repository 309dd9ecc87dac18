"""Text has enough contrast with its background: 4.5:1, or 3:1 for large text.

Readers with low vision or colour deficiency, and everyone reading a phone in sunlight, lose
grey-on-grey bylines, captions and timestamps first. WCAG 1.4.3 asks for a contrast ratio of
at least 4.5:1 between text and its background, 3:1 for large text (24px, or 18.66px bold).

Applies to each rendered HTML element with text of its own that can be seen (not clipped,
off-screen, transparent or the same colour as its background), except text in disabled
controls and groups and the labels of disabled controls (ACT afw4f7). Colours come from the
cascade (:mod:`a11y_audit.semantics.cascade`); the background is composed up the ancestors onto
the white page.

Differs from axe-core: axe measures the rendered page in a browser; we decide only where the cascade
determines both colours, and answer cantTell, with the reason, for text over a background image or
gradient, under a translucent or filtered box, in a positioned box without a background of its own,
with colours from a ``var()`` the cascade cannot resolve, where a style rule the cascade does not
evaluate (``@container``...) may set them, and when a linked stylesheet could not be read (one
result per page naming it). A partial the run was not given the site's CSS for (the page
that includes it links the site's stylesheets) is judged on its own styles: what they fail
is cantTell, what they pass gives no result. A form control the page
gives no background of its own is judged on the browser's (Chromium's light scheme:
``#efefef`` for buttons and drop-down lists, white for text fields), as axe-core in Chromium
judges it; the browsers' control colours differ little (Firefox's button face is
``#e9e9ed``). Text with a shadow is
cantTell (ACT afw4f7 weighs every colour of the text), and so is failing text of fewer than two
letters (ACT exempts text that does not express anything in human language, such as "X" on a close
button).

Fails::

    <p style="color: #aaa; background: #fff">Updated 5 minutes ago</p>

Passes::

    <p style="color: #595959; background: #fff">Updated 5 minutes ago</p>

Colours may be written in any CSS Color 4 space (``oklch()``, ``lab()``, ``color(display-p3
...)``: Tailwind CSS 4's palette), mixed with ``color-mix()``, made relative to another
(``rgb(from var(--brand) r g b / 10%)``) or chosen with ``light-dark()`` by the element's
``color-scheme`` (:mod:`a11y_audit.semantics.colors`); a colour outside sRGB's gamut is
clipped to it, as Chromium paints it and axe-core reads it. System colours take Chromium's
values in the element's scheme, but those of the reader's platform (``Highlight``), which are
unknown. In a dark colour scheme (``color-scheme: dark``, ``<meta name="color-scheme"
content="dark">``) the browser's own colours are its dark ones (white text, ``#9e9eff``
links, a ``#121212`` canvas, form controls' dark faces: ``#6b6b6b`` buttons, ``#3b3b3b``
fields).

Limits: pseudo-element content (``::before``) and text drawn by scripts are not seen.
"""

from __future__ import annotations

from a11y_audit.checks.contrast import results
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="color-contrast",
    impact="serious",
    wcag=("1.4.3",),
    act=("afw4f7",),
    help="Darken the text or lighten its background to a contrast of at least 4.5:1 "
         "(3:1 for large text)",
    seen_only=True,
    template_values=("style",),
)


def check(page: Page) -> Results:
    yield from results(RULE, page, normal=4.5, large=3.0)
