"""A captioned photo's alt text says what the photo shows, not what its caption says.

Screen readers announce the image by its alt text, then read the caption. When the alt text is a
copy of the caption ("Residents leave Main Street" twice), readers hear the same sentence twice
and learn nothing of the picture. The caption tells the news; the alt text should describe the
photo ("Two people wade through knee-deep water"), or add what the caption does not say.

Applies to each captioned image that ``figure-image-alt`` finds (the same caption search and the
same options) whose alt text may be a description: not missing, not a file name, a placeholder
word or only a credit (those are ``figure-image-alt``'s failures). The alt text is compared with
the caption as assistive technology hears it: caption text marked ``aria-hidden`` (a pattern
that moves the caption into the alt so it is heard once) does not count; a separate credit
block inside the caption (option ``credit-classes``), a trailing credit ("(AP Photo/Jane Doe)",
"Photo: Reuters") and a leading media word ("Image:", "Video:") are left out of both texts.

A best practice of newsrooms and of HTML's guidance on images with captions, not a WCAG failure:
the photo has a text alternative, only a redundant one (the rule claims no criterion; its
impact is minor, as axe-core's ``image-redundant-alt``, which compares alt text with the text of
the link or button around the image, not with a caption).

Fails::

    <figure><img src="flood.jpg" alt="Residents leave Main Street">
      <figcaption>Residents leave Main Street. (AP Photo/Jane Doe)</figcaption></figure>

    <div class="image-wrapper"><img src="flood.jpg" alt="Residents leave Main Street">
      <div class="Figure-caption">Residents leave Main Street.</div>
      <div class="Figure-credit">Jane Doe / Ledger</div></div>

Passes::

    <figure><img src="flood.jpg" alt="Two people wade through knee-deep water">
      <figcaption>Residents leave Main Street. (AP Photo/Jane Doe)</figcaption></figure>

No axe-core counterpart (``axe=False``).

Limits: an alt text that repeats most of the caption with a word changed, or a caption
truncated to 200 characters, is not recognised as a copy. The options are
``figure-image-alt``'s: set both rules' when a site's caption classes differ.

Options
-------

The caption search's, as ``figure-image-alt`` reads them; set the same values for both
rules (``a11y-audit explain figure-image-alt`` says more).

``caption-classes`` (list of regular expressions, default ``caption``)
    Class words of a caption container beside an image without ``<figure>``.

``caption-itemprops`` (list of strings, default ``caption``)
    ``itemprop`` values of a caption container.

``credit-classes`` (list of regular expressions, default credit, attribution, copyright, courtesy)
    Class words of a credit block inside a caption (left out of the caption).

``wrapper-depth`` (integer, default 3)
    How many ancestors of an image may be the wrapper that holds its caption.
"""

from __future__ import annotations

from typing import Any

from a11y_audit.checks.naming import quote
from a11y_audit.knowledge import alttext
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.rules import figure_image_alt

RULE = Rule(
    id="figure-alt-repeats-caption",
    impact="minor",
    wcag=(),
    tags=("news", "cat.text-alternatives"),
    axe=False,
    help_url="https://www.w3.org/WAI/tutorials/images/informative/",
    help="Describe the photo in alt instead of repeating its caption",
)

# The caption search's options: figure-image-alt's, with its defaults.
OPTIONS: dict[str, Any] = dict(figure_image_alt.OPTIONS)


def check(page: Page, options: dict[str, Any]) -> Results:
    for image, caption, name in figure_image_alt.captioned_images(page, options):
        if not figure_image_alt.is_description(name):
            continue    # no text alternative at all: figure-image-alt's failure
        if caption and alttext.same_text(figure_image_alt.without_media_word(name), caption):
            yield RULE.fail(image.element, f"Alt text {quote(name)} repeats the caption "
                                           f"{quote(caption)}; screen readers will read it twice")
        else:
            yield RULE.ok(image.element)
