"""Captioned photos have alt text of their own that is not a file name, placeholder, credit or caption copy.

Screen readers announce the image, then the caption. The caption tells the news ("Protesters in
Bamako on Friday"); the alt text says what the photo shows ("A crowd waving flags fills a
street"). When the alt repeats the caption, readers hear the same sentence twice; when it is a
credit ("Getty Images"), a file name or a word like "photo", they learn nothing.

Applies to each image (``<img>`` or ``role="img"``) inside a ``<figure>`` that has a
``<figcaption>``, unless hidden from assistive technology. ``alt=""`` (or ``role="none"``) marks
the photo as decorative; on a captioned news photo that is rarely right but can be (a purely
illustrative stock image), so it is cantTell: a person has to look.

Fails::

    <figure><img src="/img/2024/IMG_4027.jpg">
      <figcaption>Residents leave Main Street.</figcaption></figure>

    <figure><img src="flood.jpg" alt="Getty Images">
      <figcaption>Residents leave Main Street. Photo: Getty Images</figcaption></figure>

    <figure><img src="flood.jpg" alt="Residents leave Main Street">
      <figcaption>Residents leave Main Street. (AP Photo/Jane Doe)</figcaption></figure>

Passes::

    <figure><img src="flood.jpg" alt="Two people wade through knee-deep water">
      <figcaption>Residents leave Main Street. (AP Photo/Jane Doe)</figcaption></figure>

Limits: whether the alt text describes the photo well needs a person; the rule only catches
alt text that cannot be a description.
"""

from __future__ import annotations

from a11y_audit.commons import alttext
from a11y_audit.commons.dom import normalize_space, text_content
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="figure-image-alt",
    impact="serious",
    wcag=("1.1.1",),
    tags=("news", "cat.text-alternatives"),
    axe=False,
    help="Describe what the photo shows in alt; the caption and the credit do not replace it",
)

QUOTE_LIMIT = 80


def _quote(text: str) -> str:
    text = normalize_space(text)
    return f"\"{text[:QUOTE_LIMIT - 1]}…\"" if len(text) > QUOTE_LIMIT else f"\"{text}\""


def check(page: Page) -> Results:
    for image in page.images:
        if image.caption is None or image.hidden or image.kind not in ("img", "role-img"):
            continue
        el = image.element
        caption = normalize_space(text_content(image.caption))
        name = page.name(el)
        role = page.role(el)
        if not name and (image.alt == "" or role in ("none", "presentation")):
            yield RULE.cant_tell(el, f"Captioned photo is marked decorative (alt=\"\"); confirm "
                                     f"it adds nothing beyond the caption {_quote(caption)}")
        elif not name:
            yield RULE.fail(el, f"Captioned photo <img src=\"{image.src or ''}\"> has no alt "
                                f"text (missing alt); caption: {_quote(caption)}")
        elif alttext.is_file_name(name):
            yield RULE.fail(el, f"Alt text {_quote(name)} is a file name, not a description; "
                                f"caption: {_quote(caption)}")
        elif alttext.is_placeholder(name):
            yield RULE.fail(el, f"Alt text {_quote(name)} is a placeholder word, not a "
                                f"description; caption: {_quote(caption)}")
        elif alttext.is_credit_only(name):
            yield RULE.fail(el, f"Alt text {_quote(name)} is only a photo credit; caption: "
                                f"{_quote(caption)}")
        elif caption and alttext.same_text(name, caption):
            yield RULE.fail(el, f"Alt text {_quote(name)} repeats the caption {_quote(caption)}; "
                                "screen readers will read it twice")
        else:
            yield RULE.ok(el)
