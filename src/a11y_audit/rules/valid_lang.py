"""Elements in the page body with a lang attribute name a known language.

Articles quote people in other languages, and pages carry language switchers and foreign
titles. Marked with ``lang``, those passages are read with the right voice; with an unknown
value ("english", "dutch", "eng", "i-lux", "  ") the screen reader keeps the wrong voice or
falls back to its default, and the quote is mangled.

Applies to each HTML element in the ``body`` with a non-empty ``lang`` attribute that has text
inheriting its language from it (ACT's definition): text that is visible or exposed to
assistive technology (so also ``aria-hidden`` text that is displayed, and off-screen text), or
the accessible name or description of an element inside it; text under a descendant with its
own non-empty ``lang`` does not count. An element whose text is all hidden (``display:none``,
``hidden``) or that only holds an image with ``alt=""`` is not checked. As in ACT, only the
primary language subtag must be registered in the IANA registry with type "language".

Differs from axe-core: only ``lang`` is checked, as ACT rule de46e4 does; axe-core also checks
``xml:lang``, which HTML readers ignore.

Fails::

    <!DOCTYPE html>
    <html lang="en"><body><p>The minister said:
      <q lang="francais">Nous ne reculerons pas.</q></p></body></html>

Passes::

    <!DOCTYPE html>
    <html lang="en"><body><p>The minister said:
      <q lang="fr">Nous ne reculerons pas.</q></p></body></html>

Limits: text that only a linked stylesheet that could not be read may hide still counts; whether
the value is the language the passage is written in needs a person.
"""

from __future__ import annotations

from lxml import etree

from a11y_audit.dom import tag_of
from a11y_audit.knowledge.lang import describe_problem, has_known_primary_language
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics.document import in_html_content, is_html_document

RULE = Rule(
    id="valid-lang",
    impact="serious",
    wcag=("3.1.2",),
    act=("de46e4",),
    tags=("cat.language",),
    help='Use a language code from the IANA registry in lang, e.g. lang="es" or lang="pt-BR"',
    template_values=("lang", "xml:lang"),
)

# Attributes that can give an element an accessible name or description of its own.
_NAMING = ("alt", "aria-label", "aria-labelledby", "title", "placeholder", "value",
           "aria-describedby", "aria-description")
_FOREIGN = frozenset(("svg", "math"))


def check(page: Page) -> Results:
    body = page.body
    if not is_html_document(page) or tag_of(body) != "body":
        return
    for el in page.by_attribute.get("lang", []):
        if el is not body and body not in el.iterancestors():
            continue
        value = el.get("lang")
        if value == "" or tag_of(el) in _FOREIGN or not in_html_content(el):
            continue
        if not _has_inheriting_text(page, el):
            continue
        name = tag_of(el)
        if has_known_primary_language(value):
            yield RULE.ok(el, f"<{name} lang={value!r}>")
        else:
            yield RULE.fail(el, f"<{name} lang={value!r}> is not a known language: "
                            f"{describe_problem(value)}")  # type: ignore[arg-type]  # (lang set)


def _has_inheriting_text(page: Page, scope: etree._Element) -> bool:
    """Some text takes its language from ``scope`` (ACT "text inheriting its programmatic
    language"): visible or exposed text nodes, or accessible names and descriptions."""
    stack = [scope]
    while stack:
        node = stack.pop()
        rendered = page.is_rendered(node)
        if rendered and node.text and node.text.strip():
            return True
        for child in node:
            if rendered and child.tail and child.tail.strip():
                return True
            if isinstance(child.tag, str) and not child.get("lang"):
                stack.append(child)
        if _has_accessible_text(page, node):
            return True
    return False


def _has_accessible_text(page: Page, el: etree._Element) -> bool:
    if not any(el.get(attr) for attr in _NAMING) or page.is_hidden(el):
        return False
    if (el.get("title") or "").strip() or (el.get("aria-description") or "").strip():
        return True
    if page.name(el):
        return True
    for ref in (el.get("aria-describedby") or "").split():
        target = page.ids.get(ref)
        # (the ignore: itertext gives the HTML parser's str)
        if target is not None and "".join(target.itertext()).strip():  # type: ignore[arg-type]
            return True
    return False
