"""The ``lang`` and ``xml:lang`` of the ``html`` element name the same language.

XHTML-era templates still write both ``lang`` and ``xml:lang`` on ``html``. When a localised
edition changes one and not the other (``lang="fr" xml:lang="en"``), browsers and screen
readers may pick either, and a French article can be read with English pronunciation.

The rule applies to the ``html`` element when it has both attributes and both primary language
subtags are known languages. It fails when the primary subtags differ (region and script
subtags do not matter: ``en-GB`` and ``en-US`` agree).

Matches axe-core. Same selector (``html[lang][xml:lang]``), ``xml-lang-mismatch-matches`` and
check (``xml-lang-mismatch``), and ACT rule 5b7ae0.

Fails::

    <html lang="fr" xml:lang="en"><head><title>Le direct</title></head><body></body></html>

Passes::

    <html lang="en-GB" xml:lang="en-US"><head><title>Live</title></head><body></body></html>
"""

from __future__ import annotations

from a11y_audit.dom import tag_of
from a11y_audit.knowledge.lang import is_known_language, primary_subtag
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="html-xml-lang-mismatch",
    impact="moderate",
    wcag=("3.1.1",),
    act=("5b7ae0",),
    tags=("cat.language",),
    help="Make xml:lang name the same language as lang (or drop xml:lang)",
    hidden_content="judges the <html> element",
    document_level=True,
    template_values=("lang", "xml:lang"),
)


def check(page: Page) -> Results:
    html = page.root
    if tag_of(html) != "html":
        return
    lang, xml_lang = html.get("lang"), html.get("xml:lang")
    if lang is None or xml_lang is None:
        return
    first, second = primary_subtag(lang), primary_subtag(xml_lang)
    if not first or not second or not is_known_language(first) or not is_known_language(second):
        return
    if first == second:
        yield RULE.ok(html, f"lang and xml:lang both name {first!r}")
    else:
        yield RULE.fail(html, f"lang={lang!r} and xml:lang={xml_lang!r} name different "
                              "languages")
