"""Captioned photos have alt text, not a file name, a placeholder word or only a credit.

Screen readers announce the image, then the caption. The caption tells the news ("Protesters in
Bamako on Friday"); the alt text says what the photo shows ("A crowd waving flags fills a
street"). When the alt is missing, a credit ("Getty Images"), a file name or a word like
"photo", readers learn nothing of the photo: it has no text alternative (WCAG failures F65,
F30). Alt text that repeats the caption is ``figure-alt-repeats-caption``'s: readers hear the
same sentence twice, but the photo has a text alternative, so that rule claims no WCAG failure.

Applies to each image (``<img>`` or ``role="img"``) with a caption that has text, unless hidden
from assistive technology. The caption is the ``<figcaption>`` of the enclosing ``<figure>``;
without one, a caption container as news CMSs write them: an element whose class (or
``itemprop``) says caption (LA Times ``<figure class="Figure"><img><div class="Figure-
caption">``, ``wp-caption-text``, ``itemprop="caption"``), inside the ``<figure>`` or inside an
image wrapper (one of the image's nearest ancestors, up to ``wrapper-depth`` levels, that holds
no other image). The patterns are options (``caption-classes``, ``caption-itemprops``). A
caption is what assistive technology hears of it: one whose text is all ``aria-hidden`` is
none; a separate credit block inside it (class ``credit``, ``attribution``, ``copyright``,
``courtesy``: option ``credit-classes``) and a leading media word ("Image:", "Photo:",
"Video:", often visually hidden) are left out of the caption the messages quote.
``alt=""`` (or ``role="none"``) marks the photo as decorative; on a captioned news photo that is
rarely right but can be (a purely illustrative stock image), so it is cantTell: a person has to
look.

Fails::

    <figure><img src="/img/2024/IMG_4027.jpg">
      <figcaption>Residents leave Main Street.</figcaption></figure>

    <figure><img src="flood.jpg" alt="Getty Images">
      <figcaption>Residents leave Main Street. Photo: Getty Images</figcaption></figure>

    <div class="image-wrapper"><img src="flood.jpg" alt="photo">
      <div class="Figure-caption">Residents leave Main Street.</div>
      <div class="Figure-credit">Jane Doe / Ledger</div></div>

Passes::

    <figure><img src="flood.jpg" alt="Two people wade through knee-deep water">
      <figcaption>Residents leave Main Street. (AP Photo/Jane Doe)</figcaption></figure>

No axe-core counterpart. This is a news rule (``axe=False``): axe-core's ``image-alt`` asks
for a name, not for one that is not a file name or a credit beside a caption.

Limits: whether the alt text describes the photo well needs a person; the rule only catches alt
text that cannot be a description. A caption container whose class does not say caption is not
found (configure ``caption-classes``).

Options
-------

``caption-classes`` (list of regular expressions, default ``caption``)
    Searched in each class token of an element, to find a caption container for an image that
    has no ``<figure>``.

``caption-itemprops`` (list of strings, default ``caption``)
    ``itemprop`` values of a caption container (schema.org ImageObject "caption").

``credit-classes`` (list of regular expressions, default credit, attribution, copyright, courtesy)
    Searched in the class tokens of a credit block inside a caption; its text is not caption
    text.

``wrapper-depth`` (integer, default 3)
    How many ancestors of an image without ``<figure>`` may be the wrapper that holds its
    caption.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import Any, NamedTuple

from a11y_audit.checks.naming import describe, quote
from a11y_audit.dom import normalize_space, tag_of, text_content
from a11y_audit.knowledge import alttext
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="figure-image-alt",
    impact="serious",
    wcag=("1.1.1",),
    tags=("news", "cat.text-alternatives"),
    axe=False,
    help="Describe what the photo shows in alt; the caption and the credit do not replace it",
    template_values=("alt",),
)

OPTIONS: dict[str, Any] = {
    # Regular expressions searched in each class token of a caption container.
    "caption-classes": [r"caption"],
    # itemprop values of a caption container (schema.org ImageObject "caption").
    "caption-itemprops": ["caption"],
    # Regular expressions searched in class tokens of a credit block inside a caption.
    "credit-classes": [r"credit", r"attribution", r"copyright", r"courtesy"],
    # How many ancestors of an image without <figure> may be its wrapper.
    "wrapper-depth": 3,
}

_MEDIA_WORD = re.compile(r"^\W*(image|photo|photograph|picture|pic|video|graphic|illustration|"
                         r"gallery|foto|bild)\s*[:|–-]\s*", re.I)


class _Patterns:
    """The compiled caption and credit patterns of one options dict."""

    def __init__(self, options: dict[str, Any], page: Page) -> None:
        self.caption = [re.compile(p, re.I) for p in options["caption-classes"]]
        self.credit = [re.compile(p, re.I) for p in options["credit-classes"]]
        self.itemprops = {v.lower() for v in options["caption-itemprops"]}
        self.depth = int(options["wrapper-depth"])
        # Answers by attribute values: a page's cards repeat the same few class lists, and
        # every element of every image's wrappers is asked.
        self._credits: dict[str | None, bool] = {}
        self._captions: dict[tuple[str | None, str | None], bool] = {}
        # The page's class and itemprop values, read once a page (the class values shared
        # with the cascade): a dict look-up for each element asked, not lxml's get.
        self._class_of = page.values("class").get
        self._itemprop_of = page.values("itemprop").get

    @staticmethod
    def _classes(classes: str | None, patterns: list[re.Pattern[str]]) -> bool:
        tokens = (classes or "").split()
        return any(p.search(token) for token in tokens for p in patterns)

    def is_credit(self, el: Element) -> bool:
        classes = self._class_of(el)
        found = self._credits.get(classes)
        if found is None:
            found = self._credits[classes] = self._classes(classes, self.credit)
        return found

    def is_caption(self, el: Element) -> bool:
        key = (self._class_of(el), self._itemprop_of(el))
        found = self._captions.get(key)
        if found is None:
            found = self._captions[key] = self._is_caption(*key)
        return found

    def _is_caption(self, classes: str | None, itemprop: str | None) -> bool:
        if self._classes(classes, self.credit):
            return False
        props = {v.lower() for v in (itemprop or "").split()}
        return bool(props & self.itemprops) or self._classes(classes, self.caption)


def _heard_text(page: Page, caption: Element, patterns: _Patterns | None) -> str:
    """The caption's text without the parts hidden from assistive technology and (with
    ``patterns``) without separate credit blocks."""
    parts: list[str] = []
    _heard_parts(page, caption, patterns, parts)
    return normalize_space(" ".join(parts))


def _heard_parts(page: Page, node: Element, patterns: _Patterns | None,
                 parts: list[str]) -> None:
    """Append the text of ``node`` and of the descendants heard (see :func:`_heard_text`) to
    ``parts``, in document order: a walk with a stack, not a call per level (spans nested
    1,900 deep in a caption ran out of the interpreter's stack)."""
    if node.text:
        parts.append(node.text)
    stack: list[tuple[Any, str | None]] = [(iter(node), None)]   # children left, tail after
    while stack:
        children, after = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if after:
                parts.append(after)
            continue
        if isinstance(child.tag, str) and not page.is_hidden(child) and \
                child.tag not in ("script", "style", "template") and \
                not (patterns is not None and patterns.is_credit(child)):
            if child.text:
                parts.append(child.text)
            stack.append((iter(child), child.tail))
        elif child.tail:
            parts.append(child.tail)


def without_media_word(text: str) -> str:
    return _MEDIA_WORD.sub("", text, count=1)


def find_caption(page: Page, image: Any, patterns: _Patterns) -> Element | None:
    """The image's caption: the figure's figcaption, else a caption container in the figure
    or in an image wrapper (an ancestor, up to ``wrapper-depth`` levels, with no other image)."""
    if image.caption is not None:
        return image.caption
    el = image.element
    scopes: list[Element] = []
    if image.figure is not None:
        scopes.append(image.figure)
    elif next(el.iterancestors("a"), None) is None:
        # (a linked image with a "caption" beside it is a teaser card: the link text is the
        # headline, and alt="" is right there)
        for level, ancestor in enumerate(el.iterancestors()):
            if level >= patterns.depth or tag_of(ancestor) in ("body", "main", "article"):
                break
            if next(islice(ancestor.iter("img"), 1, None), None) is not None:
                break  # it holds other images: a gallery or a section, not this image's wrapper
            scopes.append(ancestor)
    # Each wrapper holds the one before it, whose subtree was walked with no caption found:
    # the walk of the next one skips that subtree (and that wrapper, an ancestor of the
    # image), in document order still, instead of walking it again (wrappers three deep
    # walked 670 nodes for 488 distinct)
    inner = None
    for scope in scopes:
        if inner is None:
            walks: Any = (scope.iterdescendants(),)
        else:
            walks = (child.iter() for child in scope if child is not inner)
        for walk in walks:
            for node in walk:
                if not isinstance(node.tag, str) or node is el:
                    continue
                if patterns.is_caption(node) and not any(
                        a is node for a in el.iterancestors()):
                    return node
        inner = scope
    return None


class Captioned(NamedTuple):
    """A captioned image: the page's image entry, the caption as assistive technology hears
    it (credit blocks and a leading media word left out) and the image's accessible name."""

    image: Any
    caption: str
    name: str


def captioned_images(page: Page, options: dict[str, Any]) -> list[Captioned]:
    """The page's captioned images (not hidden from assistive technology, with a caption that
    is heard), found once a page for each set of caption options: this rule and
    ``figure-alt-repeats-caption`` ask the same question."""
    key = ("figure-image-alt.captioned", *(tuple(options[name]) for name in _PATTERN_OPTIONS),
           int(options["wrapper-depth"]))
    return page.memo(key, lambda page: list(_captioned(page, options)))


_PATTERN_OPTIONS = ("caption-classes", "caption-itemprops", "credit-classes")


def _captioned(page: Page, options: dict[str, Any]) -> Iterator[Captioned]:
    patterns = _Patterns(options, page)
    for image in page.images:
        if image.hidden or image.kind not in ("img", "role-img"):
            continue
        container = find_caption(page, image, patterns)
        if container is None or not text_content(container).strip():
            continue  # no caption, or an empty one: the photo is not captioned
        if not _heard_text(page, container, None):
            continue  # only hidden text: nothing is read as a caption
        caption = without_media_word(_heard_text(page, container, patterns))
        yield Captioned(image, caption, page.name(image.element))


def is_description(name: str) -> bool:
    """Alt text that may describe the photo: present, and not a file name, a placeholder
    word or only a credit (the failures this rule reports)."""
    return bool(name) and not (alttext.is_file_name(name) or alttext.is_placeholder(name)
                               or alttext.is_credit_only(name))


def check(page: Page, options: dict[str, Any]) -> Results:
    for image, caption, name in captioned_images(page, options):
        el = image.element
        what = describe(el)
        if not name and (image.alt == "" or page.role(el) in ("none", "presentation")):
            yield RULE.cant_tell(el, f"Captioned photo is marked decorative (alt=\"\"); confirm "
                                     f"it adds nothing beyond the caption "
                                     f"{quote(caption) if caption else '(only a photo credit)'}")
        elif not name:
            yield RULE.fail(el, f"Captioned photo {what} has no alt text (missing alt); "
                                f"{_caption(caption)}")
        elif alttext.is_file_name(name):
            yield RULE.fail(el, f"Alt text {quote(name)} is a file name, not a description; "
                                f"{_caption(caption)}")
        elif alttext.is_placeholder(name):
            yield RULE.fail(el, f"Alt text {quote(name)} is a placeholder word, not a "
                                f"description; {_caption(caption)}")
        elif alttext.is_credit_only(name):
            yield RULE.fail(el, f"Alt text {quote(name)} is only a photo credit; "
                                f"{_caption(caption)}")
        else:
            yield RULE.ok(el)


def _caption(caption: str) -> str:
    """The caption as a failure quotes it; a caption that is only a credit (``<figcaption>
    <span class="caption"></span><span class="credit">Getty Images</span>``) says so, as the
    caption heard without its credit is empty."""
    return f"caption: {quote(caption)}" if caption else "the caption holds only a photo credit"
