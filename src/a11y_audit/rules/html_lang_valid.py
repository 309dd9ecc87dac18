"""The lang attribute of the html element names a known language.

Screen readers switch voice only for languages they recognise. A misspelt or invented value
("english", "em-US", "#1"), a three-letter code that has a two-letter form ("eng") or a
grandfathered tag ("i-lux") is ignored, so the article is read with the user's default voice.

Applies to the document element of an HTML page whose ``lang`` is not empty or only whitespace
(an empty value is html-has-lang's failure). As in ACT, only the primary language subtag
counts: it must be registered in the IANA Language Subtag Registry with type "language"
(``en-US-GB`` passes although its region part is wrong; browsers accept it).

Matches axe-core.

Fails::

    <!DOCTYPE html>
    <html lang="english"><head><title>Markets today</title></head>
    <body><p>Stocks rose.</p></body></html>

Passes::

    <!DOCTYPE html>
    <html lang="en-US"><head><title>Markets today</title></head>
    <body><p>Stocks rose.</p></body></html>

Limits: a known language that is not the one the page is written in passes; that needs a
person (or language detection).
"""

from __future__ import annotations

from a11y_audit.knowledge.lang import describe_problem, has_known_primary_language, is_blank
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics.document import is_html_document

RULE = Rule(
    id="html-lang-valid",
    impact="serious",
    wcag=("3.1.1",),
    act=("bf051a",),
    tags=("cat.language",),
    help='Use a language code from the IANA registry in <html lang>, e.g. "en" or "fr-CA"',
    hidden_content="judges the <html> element",
    document_level=True,
    template_values=("lang", "xml:lang"),
)


def check(page: Page) -> Results:
    if not is_html_document(page):
        return
    root = page.root
    lang = root.get("lang")
    if is_blank(lang):
        return
    if has_known_primary_language(lang):
        yield RULE.ok(root, f"<html lang={lang!r}>")
    else:
        yield RULE.fail(root, f"<html lang={lang!r}> is not a known language: "
                        f"{describe_problem(lang)}")  # type: ignore[arg-type]  # (not blank)
