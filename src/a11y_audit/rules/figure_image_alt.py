"""Captioned photos have alt text, not a file name, placeholder, credit or copy of the caption.

Screen readers announce the image, then the caption. The caption tells the news ("Protesters in
Bamako on Friday"); the alt text says what the photo shows ("A crowd waving flags fills a
street"). When the alt repeats the caption, readers hear the same sentence twice; when it is a
credit ("Getty Images"), a file name or a word like "photo", they learn nothing.

Applies to each image (``<img>`` or ``role="img"``) inside a ``<figure>`` whose ``<figcaption>``
has text, unless hidden from assistive technology. The alt text is compared with the caption
text that assistive technology reads: caption text marked ``aria-hidden`` (a pattern that moves
the caption into the alt so it is heard once) does not count as a repeat. ``alt=""`` (or
``role="none"``) marks the photo as decorative; on a captioned news photo that is rarely right
but can be (a purely illustrative stock image), so it is cantTell: a person has to look.

No axe-core counterpart.

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

Limits: whether the alt text describes the photo well needs a person; the rule only catches alt
text that cannot be a description.
"""

from __future__ import annotations

from a11y_audit.commons import alttext
from a11y_audit.commons.dom import normalize_space, text_content
from a11y_audit.rule import Element, Page, Results, Rule

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


def _heard_text(page: Page, caption: Element) -> str:
    """The caption's text without the parts hidden from assistive technology."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and not page.is_hidden(child) and \
                    child.tag not in ("script", "style", "template"):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(caption)
    return normalize_space(" ".join(parts))


def check(page: Page) -> Results:
    for image in page.images:
        if image.caption is None or image.hidden or image.kind not in ("img", "role-img"):
            continue
        if not text_content(image.caption).strip():
            continue  # an empty figcaption: the photo is not captioned
        el = image.element
        caption = _heard_text(page, image.caption)
        name = page.name(el)
        role = page.role(el)
        what = f"<img src=\"{image.src or ''}\">" if image.kind == "img" else \
            f"<{el.tag} role=\"img\">"
        if not name and (image.alt == "" or role in ("none", "presentation")):
            yield RULE.cant_tell(el, f"Captioned photo is marked decorative (alt=\"\"); confirm "
                                     f"it adds nothing beyond the caption {_quote(caption)}")
        elif not name:
            yield RULE.fail(el, f"Captioned photo {what} has no alt text (missing alt); "
                                f"caption: {_quote(caption)}")
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
