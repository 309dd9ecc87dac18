"""A link's accessible name is not a generic phrase like "Read more" or "Click here".

Screen reader users list a page's links or tab from link to link: a news page with twenty
"Read more" links reads as twenty identical, meaningless entries. Every newsroom style guide
bans them. The phrases are listed for English, Spanish, French, German and Portuguese and
chosen by the language of the link (its nearest ``lang``, else the page's); English phrases
count on every page, since templates often keep them untranslated.

No axe-core counterpart. axe-core's ``link-name`` only asks for a non-empty name, and ACT rule
aabf5e "Link in context is descriptive" needs human judgement of the context. This rule applies
WCAG failure F84 (a non-specific link such as "click here" or "more", a failure of 2.4.9 Link
Purpose (Link Only)); a generic link that ``aria-describedby`` connects to its story passes
(the description gives the context, as technique ARIA1 allows for 2.4.4).

Fails::

    <p>Flood defences failed overnight. <a href="/news/flood">Read more »</a></p>

    <html lang="es"><body><a href="/n/1">Seguir leyendo</a></body></html>

Passes::

    <a href="/news/flood">Read more<span class="visually-hidden"> about the flood</span></a>

    <h3 id="h1">Flood defences fail</h3><a href="/news/flood" aria-describedby="h1">Read more</a>

In a template, a name that holds an expression (``{{ link }}``, ``@Model.More``) is what the data
writes, not the words of the expression: it passes, as a headline the data writes does. A
translation (``{{ _("Read more") }}``, ``{% trans "More" %}``) is its text, and is judged.

Limits: only whole names are matched ("Read more about the flood" passes, and so does any phrase
not on the lists: add a newsroom's own with the ``phrases`` option). Text that a stylesheet the
cascade reads hides is not part of the name ("Read more" followed by hidden words fails); text that
only a linked stylesheet that could not be read may hide still counts.

Options
-------

``phrases`` (list of strings, default none)
    More generic phrases, in any language, e.g. a house "Full coverage".

``allow`` (list of strings, default none)
    Phrases never to treat as generic, e.g. "More" when it opens a labelled menu.
"""

from __future__ import annotations

from typing import Any

from a11y_audit.checks.naming import quote
from a11y_audit.dom import id_refs, normalize_space, text_content
from a11y_audit.knowledge import linktext
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics.language import declared_lang
from a11y_audit.templates import EXPRESSION

RULE = Rule(
    id="link-text-generic",
    impact="moderate",
    wcag=("2.4.9",),
    tags=("news", "cat.name-role-value"),
    axe=False,
    help_url="https://www.w3.org/WAI/WCAG22/Techniques/failures/F84",
    help="Name the link after where it goes (the headline), or add the headline in hidden text",
    # (an include inside the link may write that hidden text, or only an icon)
    template_values=("content",),
)

OPTIONS: dict[str, Any] = {
    # More generic phrases (any language), e.g. a house "Full coverage".
    "phrases": [],
    # Phrases not to treat as generic, e.g. "More" when it opens a labelled menu.
    "allow": [],
}


_ANY_LANGUAGE = frozenset().union(*linktext.FOLDED.values())


def check(page: Page, options: dict[str, Any]) -> Results:
    allowed = {linktext.fold(p) for p in options["allow"]}
    # Every phrase any language's list (and the options) could make generic: a name that is
    # none of them is specific whatever the link's language, so most links are passed
    # without looking up their language.
    possible = (_ANY_LANGUAGE | {linktext.fold(p) for p in options["phrases"]}) - allowed
    cache: dict[str, frozenset[str]] = {}
    primaries: dict[str | None, str] = {}   # a page has few distinct lang values
    for link in page.links:
        if link.hidden:
            continue
        el = link.element
        name = page.name(el)
        if not name:
            continue  # link-name reports links without a name
        if page.template is not None and EXPRESSION in name:
            # What an expression writes is the data's text, not the words of its own name
            # (``{{ link }}``, ``{{ more }}``): specific, as a headline the data writes is.
            yield RULE.ok(el, lambda name=name: f"Link text \"{name}\" is what the template's "
                                                "data writes")
            continue
        if not linktext.is_generic(name, possible):
            yield RULE.ok(el, lambda name=name: f"Link text \"{name}\" is specific")
            continue
        declared = declared_lang(page, el)
        language = primaries.get(declared)
        if language is None:
            language = primaries[declared] = _primary(declared, page)
        phrases = cache.get(language)
        if phrases is None:
            phrases = cache[language] = (
                linktext.phrases_for(language, options["phrases"])
                | linktext.phrases_for("en")) - allowed
        if not linktext.is_generic(name, phrases):
            yield RULE.ok(el, lambda name=name: f"Link text \"{name}\" is specific")
            continue
        context = _description(page, el)
        if context:
            yield RULE.ok(el, f"\"{name}\" is generic, but aria-describedby adds {quote(context)}")
        else:
            yield RULE.fail(el, f"Link text \"{name}\" says nothing about where it goes "
                                f"(href {link.href[:80]!r})")


def _primary(value: str | None, page: Page) -> str:
    """The primary subtag of a declared language (the page's, else English, when None)."""
    if value is None:
        value = page.lang or "en"
    return value.strip().lower().split("-")[0]


def _description(page: Page, el: Element) -> str:
    parts = []
    for ref in id_refs(el.get("aria-describedby")):
        target = page.ids.get(ref)
        if target is not None:
            parts.append(normalize_space(text_content(target, 120)))
    return " ".join(p for p in parts if p)
