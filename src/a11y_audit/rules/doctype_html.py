"""The document starts with a W3C-recommended doctype, ideally ``<!DOCTYPE html>``.

Without a doctype (or with an obsolete one) browsers render the page in quirks mode, where
font sizes in tables, box sizes and line heights follow 1990s rules; zoom, text resizing and
reader modes then behave differently from the tested layout. bbc-a11y's first principle
("All documents must have a W3C recommended doctype") checks the same.

No axe-core counterpart. bbc-a11y's standard only checks that some doctype is present; this
rule also fails doctypes outside W3C's list of recommended doctype declarations
(https://www.w3.org/QA/2002/04/valid-dtd-list.html), such as HTML 4.0 or a bare
``<!DOCTYPE html PUBLIC "">`` (browsers render those two in no-quirks mode; HTML 3.2 or a
doctype named other than ``html`` puts the page in quirks mode, HTML "the initial insertion
mode", and the message says so).

Fails::

    <html lang="en"><head><title>Storm hits coast</title></head><body><p>Text</p></body></html>

Passes::

    <!DOCTYPE html>
    <html lang="en"><head><title>Storm hits coast</title></head><body><p>Text</p></body></html>

    <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
      "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
    <html lang="en"><head><title>Storm hits coast</title></head><body><p>Text</p></body></html>

Limits: the HTML parser we use (libxml2) supplies an HTML 4.0 Transitional doctype when a page
has none, so a page that really declares HTML 4.0 Transitional is reported the same way as a
page with no doctype (both render in quirks mode). One result per page, on ``<html>``.
"""

from __future__ import annotations

from a11y_audit.knowledge import bbc
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics.document import quirks_mode

RULE = Rule(
    id="doctype-html",
    impact="minor",
    wcag=(),
    tags=("news", "cat.parsing"),
    axe=False,
    help_url=bbc.url("principles"),
    help="Start the page with <!DOCTYPE html>",
    hidden_content="judges the document's doctype",
    document_level=True,
)

# What libxml2 supplies when a document has no doctype (its HTML_PARSE_NODEFDTD is off).
_LIBXML_DEFAULT = ("-//W3C//DTD HTML 4.0 Transitional//EN",
                   "http://www.w3.org/TR/REC-html40/loose.dtd")

# Public identifiers of W3C's recommended list (HTML 4.01, XHTML 1.0/1.1/Basic, MathML, SVG
# embedded in XHTML); HTML5 needs none.
RECOMMENDED_PUBLIC = frozenset(p.lower() for p in (
    "-//W3C//DTD HTML 4.01//EN",
    "-//W3C//DTD HTML 4.01 Transitional//EN",
    "-//W3C//DTD HTML 4.01 Frameset//EN",
    "-//W3C//DTD XHTML 1.0 Strict//EN",
    "-//W3C//DTD XHTML 1.0 Transitional//EN",
    "-//W3C//DTD XHTML 1.0 Frameset//EN",
    "-//W3C//DTD XHTML 1.1//EN",
    "-//W3C//DTD XHTML Basic 1.1//EN",
    "-//W3C//DTD XHTML 1.1 plus MathML 2.0//EN",
    "-//W3C//DTD XHTML 1.1 plus MathML 2.0 plus SVG 1.1//EN",
    "-//W3C//DTD XHTML+RDFa 1.0//EN",
    "-//W3C//DTD XHTML+RDFa 1.1//EN",
))


def check(page: Page) -> Results:
    info = page.root.getroottree().docinfo
    # (lxml-stubs lack DocInfo's system_url and DTD's name)
    public, system = info.public_id, info.system_url  # type: ignore[attr-defined]
    # the doctype's own name (DocInfo.root_name and .doctype name the root element), None
    # for "<!DOCTYPE>"
    dtd = info.internalDTD
    name = dtd.name if dtd is not None else "html"  # type: ignore[attr-defined]
    if (name or "").lower() != "html":
        yield RULE.fail(page.root, f"The doctype names {name!r}, not html: browsers render "
                                   "the page in quirks mode" if name else
                                   "The doctype has no name: browsers render the page in "
                                   "quirks mode")
    elif (public, system) == _LIBXML_DEFAULT:
        yield RULE.fail(page.root, "The page has no doctype (or the obsolete HTML 4.0 "
                                   "Transitional one): browsers render it in quirks mode")
    elif public is None and system in (None, "about:legacy-compat"):
        yield RULE.ok(page.root, "The page declares <!DOCTYPE html>")
    elif public is not None and public.strip().lower() in RECOMMENDED_PUBLIC:
        yield RULE.ok(page.root, f"The page declares a W3C-recommended doctype ({public})")
    else:
        mode = " (browsers render the page in quirks mode)" if quirks_mode(page.root) else ""
        yield RULE.fail(page.root, f"The doctype's public identifier {public!r} is not on "
                                   f"W3C's recommended list{mode}; use <!DOCTYPE html>")
