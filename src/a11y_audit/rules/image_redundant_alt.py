"""An image's alt text does not repeat the text of the link, button, paragraph or cell it is in.

A teaser link that holds a thumbnail with ``alt="Flooding in Valencia"`` and the headline
"Flooding in Valencia" is read "Flooding in Valencia, Flooding in Valencia, link". On a section
front with forty teasers, screen reader users hear every headline twice. When the text beside
the image already says it, the image is decorative here: ``alt=""``.

The rule applies to every ``img`` not hidden from assistive technology. It looks at the nearest
ancestor that is a ``button``, a ``role="button"`` element, an ``a`` with ``href``, a ``p``, an
``li``, a ``td`` or a ``th``. It fails when that container's text, as a screen reader meets it
(text nodes outside hidden elements; alt text is no text), is the image's accessible name,
ignoring case. An image with ``role="none"``/``"presentation"``, or outside such a container,
passes.

Matches axe-core. Same selector (``img``, hidden excluded) and check (``duplicate-img-label``
with its ``parentSelector``): the whole visible text must equal the name, not merely contain it.

Fails::

    <a href="/valencia"><img src="v.jpg" alt="Flooding in Valencia"> Flooding in Valencia</a>

    <button><img src="/i/share.svg" alt="share"> Share</button>

Passes::

    <a href="/valencia"><img src="v.jpg" alt=""> Flooding in Valencia</a>

    <a href="/valencia"><img src="v.jpg" alt="Cars piled up in a street">
      Flooding in Valencia</a>
"""

from __future__ import annotations

from a11y_audit.checks.axe_scope import screen_reader_text
from a11y_audit.checks.naming import quote
from a11y_audit.dom import tag_of, unknown_chain
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="image-redundant-alt",
    impact="minor",
    wcag=(),
    tags=("cat.text-alternatives", "best-practice"),
    help="Use alt=\"\" when the text next to the image already says what its alt would",
)

_CONTAINERS = frozenset(("button", "p", "li", "td", "th"))


def check(page: Page) -> Results:
    texts: dict[Element, str] = {}       # several images often share a container
    for img in page.tags("img"):
        if page.is_hidden(img):
            continue
        role = page.role(img)
        if role in ("none", "presentation"):
            yield RULE.ok(img, "the image is presentational")
            continue
        container = _container(page, img)
        if container is None:
            yield RULE.ok(img, "the image is not inside a link, button, paragraph, item or cell")
            continue
        text = texts.get(container)
        if text is None:
            text = texts[container] = screen_reader_text(container, page).lower()
        if text and text == page.name(img).lower():
            yield RULE.fail(img, f"alt text {quote(page.name(img))} repeats the text of its "
                                 f"<{tag_of(container)}>; use alt=\"\" there")
        else:
            yield RULE.ok(img, lambda img=img: _adds(page.name(img)))


_NO_CONTAINER = object()     # memoised "no container up to the root" (None means unknown)


def _container(page: Page, el: Element) -> Element | None:
    """The nearest ancestor that is a container. Memoised per element on the way up: images
    share ancestors, and on a deeply nested page each walk to the root was a page long."""
    parent = el.getparent()
    if parent is None:
        return None
    memo: dict[Element, object] = page.memo("image-redundant-alt.container", lambda _: {})
    chain, found = unknown_chain(memo, parent, _NO_CONTAINER)
    # (set tests, not el.get per ancestor: see Page.holders)
    roles, hrefs = page.holders("role"), page.holders("href")
    for node in chain:          # outermost first: the innermost container wins
        if _is_container(node, roles, hrefs):
            found = node
        memo[node] = found
    return None if found is _NO_CONTAINER else found  # type: ignore[return-value]


def _is_container(el: Element, roles: set[Element], hrefs: set[Element]) -> bool:
    tag = el.tag
    return tag in _CONTAINERS or (el in roles and el.get("role") == "button") or (
        tag == "a" and el in hrefs)


def _adds(name: str) -> str:
    if not name:
        return "the image has no text alternative to repeat the text around it"
    return f"alt text {quote(name)} adds to the text around it"
