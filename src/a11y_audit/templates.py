"""Template files and partials: markup as a newsroom's repository holds it.

A newsroom's developers run the audit before they push a template change, and a pre-commit
hook hands it the files that changed: Jinja, Django, Nunjucks, Twig or Liquid templates
(``{% if %}``, ``{{ story.headline }}``), Handlebars or Mustache (``{{#each}}``; Ember's
Glimmer components, ``<StoryCard @story={{story}} />``, are holes), ERB or
EJS (``<%= %>``), PHP (``<?php ?>``), Laravel's Blade (``@if``, ``{{ $x }}``), JavaServer
Pages (``<c:if>``, ``${story.title}``), FreeMarker (``<#if>``, ``<@macro>``), Razor
(``@if``, ``@Model.Title``), Velocity (``#if``, ``$story.title``), Thymeleaf (``th:text``),
Go templates (``{{ range }}``), Svelte components (``{#if}``, ``alt={photo.alt}``,
``<Card />``), Vue components (``v-if``, ``:alt="photo.alt"``), Astro components (a
frontmatter, ``{isLive && <span>Live</span>}``), placeholders an app
replaces (``__HEADLINE__``, SvelteKit's ``%sveltekit.body%``), and
partials (a masthead, a story card) that a layout includes. Read as a page, such a file
is judged for what it is not: ``{% if %}`` is content outside every landmark, a partial has
no title, no ``lang`` and no main landmark, ``lang="{{ locale }}"`` is an invalid language
tag.

Knowledge floor: no Page here.

- :func:`detect` names the template language a file's markup is written in (None for plain
  HTML): a statement of one (``{% if %}``, ``{{#each}}``, ``{{ end }}``, ``{{/* */}}``)
  outside scripts, styles, comments and code samples, or a Django comment (``{# #}``), or
  an EJS block's opening (``<% if (x) { %>``). An expression alone (``{{ name }}``, ``<%=
  name %>``) is not enough: Angular and Vue pages and articles about them write it; but it
  is in a file without any markup (Wagtail's block template, ``{{ self }}``). PHP,
  JSP, FreeMarker, Razor, Velocity, Svelte, Vue, Astro and Ruby's ERB files are known by
  their names
  (:func:`family_of_name`); Thymeleaf's HTML files by their ``th:`` attributes
  (:func:`_thymeleaf`); a file of ``__NAME__`` placeholders by one in its first 4 KB and
  its markup (:func:`_placeholders`).
- :func:`neutralise` gives the text the page is parsed from, character for character as long
  as the file and with its line breaks where they were (every location stays the file's):
  statements and comments render nothing and become spaces; expressions render text that
  only the data decides, and are kept as written, in ``{{ }}`` (an ERB or PHP expression's
  delimiters become ``{{`` and ``}}``, padded to their length), with the characters that
  would end a tag or an attribute value early (``< > " '``) replaced by look-alikes. A
  statement that writes text (``{% url %}``, ``{% static %}``) is kept as an expression; a
  translation of a text (``{% trans "Read more" %}``, ``_("Close")``, ``esc_html_e('Skip to
  content')``) is read as that text. What writes markup that another file or the data holds
  (``{% include %}``, ``{% block %}``, ``{{> partial}}``, ``{{{ body }}}``, ``{{ body|safe
  }}``, ``<%= render %>``, ``<?php get_header(); ?>``) is a hole: a comment of ``@`` as long
  as it (:func:`is_hole`), so that the rules that judge an element's content can tell that
  its content is not all in the file; but an include whose partial, found on disk by the
  caller (:func:`reading`'s ``icons``, :func:`partial_paths`), writes a nameless icon
  (:func:`is_nameless_icon`) is read as an ``<svg>`` without a name, and so is a Svelte or
  Vue component imported from such a file or an icon library
  (:meth:`_ComponentReader.invocation`); an else (``{% else
  %}``, ``{{else}}``, ``<?php else : ?>``) is a comment of ``~`` (:func:`is_branch`), so
  that the rules that judge duplicates
  can tell two branches' alternatives apart; and :func:`read` gives, with that text, the
  spans the template renders on a condition (an ``{% if %}``'s to its ``{% endif %}``, a
  ``{{#if}}``'s, an ``if``'s block of code: :attr:`Template.conditions`). Among a start
  tag's attributes and in raw text (a title, a script) no comment can stand: spaces there.
  An expression where only elements may stand (``<ul>{{ items }}</ul>``) writes markup: a
  hole. One written against a tag's name (Drupal's ``<div{{ attributes }}>``) moves one
  place on, after a space, so that the name ends before it. What a block captures into a
  variable (``{% capture %}``, a ``{% set %}`` block) is not written where it stands:
  spaces.
- :func:`is_fragment` tells a partial from a page: no doctype, and no ``<html>``,
  ``<head>``, ``<body>`` or ``<title>`` start tag (a template's page: a doctype or
  ``<html>``).

What the engine then does with a template (:data:`EXPRESSION` in an attribute value, an
attribute an expression writes, a hole in an element's content, a branch between
duplicates) is in :func:`a11y_audit.engine.template_unknown` and
:mod:`a11y_audit.checks.holes`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from typing import NamedTuple

from a11y_audit.dom import VOID_ELEMENTS
from a11y_audit.knowledge.icon_packages import is_icon_component

# The languages --templates names, and the family of syntax each is read with
LANGUAGES = {
    "jinja": "jinja", "django": "jinja", "nunjucks": "jinja", "twig": "jinja",
    "liquid": "jinja", "handlebars": "handlebars", "mustache": "handlebars", "go": "go",
    "erb": "erb", "ejs": "erb", "php": "php", "blade": "blade", "jsp": "jsp",
    "freemarker": "freemarker", "razor": "razor", "velocity": "velocity",
    "thymeleaf": "thymeleaf", "wordpress": "wordpress", "placeholder": "placeholder",
    "svelte": "svelte", "vue": "vue", "astro": "astro", "markdown": "markdown", "mdx": "mdx",
}
# The families whose renderer writes <!DOCTYPE html> before a page that has none: Astro's
# (its pages and layouts need not write one)
WRITES_DOCTYPE = frozenset(("astro",))
# File name endings that say a template language (a file named on the command line)
SUFFIXES = {
    ".blade.php": "blade",      # (before .php: the first ending a name has wins)
    ".j2": "jinja", ".jinja": "jinja", ".jinja2": "jinja", ".njk": "jinja",
    ".nunjucks": "jinja", ".twig": "jinja", ".liquid": "jinja", ".djhtml": "jinja",
    ".hbs": "handlebars", ".handlebars": "handlebars", ".mustache": "handlebars",
    ".gohtml": "go", ".tmpl": "go", ".erb": "erb", ".ejs": "erb", ".php": "php",
    ".phtml": "php", ".jsp": "jsp", ".jspf": "jsp", ".tag": "jsp", ".tagf": "jsp",
    ".ftl": "freemarker", ".ftlh": "freemarker", ".cshtml": "razor", ".razor": "razor",
    ".vm": "velocity", ".vtl": "velocity", ".svelte": "svelte", ".vue": "vue",
    ".astro": "astro", ".md": "markdown", ".markdown": "markdown", ".mdx": "mdx",
}
# ... and those a folder's walk does not take unless --templates names their language: a PHP
# file is as often code as a template, and .tmpl and .tag are many tools' endings (Riot's
# components are .tag files); and Markdown, since every repository has a README
_NAMED_ONLY = frozenset((".php", ".phtml", ".tmpl", ".tag", ".tagf", ".md", ".markdown", ".mdx"))


def folder_suffixes(templates: str) -> tuple[str, ...]:
    """The file name endings of templates a folder's walk audits besides HTML files, for the
    --templates setting: none for "off", the language's for a language named."""
    if templates == "off":
        return ()
    if templates == "auto":
        return tuple(s for s in SUFFIXES if s not in _NAMED_ONLY)
    family = LANGUAGES[templates]
    return tuple(s for s, f in SUFFIXES.items() if f == family)


# What marks a value an expression fills in (every family's expressions end up written so)
EXPRESSION = "{{"

# -- detection --------------------------------------------------------------------------------

# Where a page writes template syntax that is not its own: scripts (client-side templates),
# styles, comments, code samples. Loops unrolled ("normal* (special normal*)*"): a lazy
# ".*?" tries the end tag at every character of a page's scripts.
_RAW = ("script", "style", "textarea", "pre", "code", "xmp", "template")
_NOT_MARKUP = re.compile(
    r"<!--[^-]*(?:-(?!->)[^-]*)*(?:-->|\Z)|"
    + "|".join(rf"<{name}\b[^<]*(?:<(?!/{name}\s*>)[^<]*)*" for name in _RAW),
    re.I)
# A statement of the families a repository writes in .html files (Django, Jinja, Liquid,
# Handlebars, Go, EJS): one search whose every match begins with "{", the page's commonest
# character after "<" being skipped in C. PHP and Ruby's ERB files say what they are by
# their name.
_JINJA_STATEMENT_TEXT = (       # a Jinja-family statement, after its "{"
    r"%-?\s*(?:extends|block|endblock|include|if|elif|else|endif|for|endfor|load|"
    r"set|macro|endmacro|import|from|with|endwith|comment|trans|blocktrans|url|static|"
    r"csrf_token|raw|verbatim|assign|capture|unless|case|render|section|filter|call|"
    r"spaceless|autoescape|now|cycle|firstof|embed|apply|do|translate)\b[^%]*%\}")
_DETECT = re.compile(
    rf"\{{(?:(?P<jinja>{_JINJA_STATEMENT_TEXT})"
    r"|\{(?:"
    # a Handlebars or Mustache block, inverted section, closing tag, else or comment
    r"(?P<handlebars>~?\s*(?:[#^]\s*[A-Za-z>]|/\s*[A-Za-z]|else\s*~?\}\}|!))"
    # a Go template action that only Go writes: end, range..., a comment, a trim marker,
    # a variable's assignment
    r"|(?P<go>-?\s*(?:end|range\s|define\s|template\s|with\s)[^{}]*\}\}"
    r"|/\*|-\s|-?\s*\$\w*\s*:?=))"
    # a Django or Jinja comment alone ({# ... #}), and the end of an EJS block's opening
    # (<% if (x) { %>, as NPR's graphics kits write in .html files; one space at most: a
    # branch that may begin with space is tried at every "{", half the search's time)
    r"|(?P<comment>#[^#{}]*#\})|(?P<erb>(?: |[-_])?%>))")
_JINJA_STATEMENT = re.compile(r"\{" + _JINJA_STATEMENT_TEXT)
_EXPRESSION_TOKEN = re.compile(r"\{\{[^{}]*\}\}")


# A placeholder that a build or an app replaces with the data as it stands, markup or text
# (the Guardian's app article templates: <h1>__HEADLINE__</h1>, src="__IMAGE_SRC__",
# <ul>__KEY_EVENT_ITEM__</ul>): a name in capitals between double underscores; and
# SvelteKit's in its page shell, src/app.html (%sveltekit.head%, %sveltekit.body%,
# %sveltekit.assets%) (_Neutraliser.placeholder)
_PLACEHOLDER = re.compile(r"__[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*__|%sveltekit\.[a-z][\w.]*%")


def _placeholders(text: str, within: int = 4096) -> bool:
    """Whether ``text`` is written with placeholders: one in its first ``within``
    characters (a template's head or a partial; 0.004 ms a corpus page), and one in its
    markup, not only in scripts, styles and comments (``window.__INITIAL_STATE__``, a
    Next.js page's ``<script id="__NEXT_DATA__">``)."""
    return _PLACEHOLDER.search(text, 0, within) is not None and _PLACEHOLDER.search(
        _NOT_MARKUP.sub(" ", text)) is not None


_THYMELEAF_WORDS = ("xmlns:th", "data-th-", "layout:decorat")
# WordPress's block markup (a block theme's templates and parts, .html files): a block is a
# comment that names it, <!-- wp:group {...} --> ... <!-- /wp:group -->, its saved markup
# between; a dynamic block (<!-- wp:post-content /-->, <!-- wp:template-part {...} /-->)
# is a self-closing comment that WordPress replaces with the markup it renders. A page that
# WordPress served keeps its static blocks' comments but none of the self-closing ones.
_WP_BLOCK_OPENING = re.compile(r"<!--\s+wp:[a-z][a-z0-9/_-]*")


def _wp_dynamic_blocks(text: str) -> Iterator[tuple[int, int]]:
    """The spans of WordPress's dynamic blocks in ``text``, in order: each comment that
    opens with a block's name and ends ``/-->`` (``<!-- wp:post-content /-->``, ``<!--
    wp:query {...} /-->``). Each comment's end is found once (a pattern that looked for it
    from every opening ran to the end of a file of unclosed ones each time: quadratic); the
    search goes no further than its caller reads (:func:`detect` asks for the first)."""
    at = 0
    while (m := _WP_BLOCK_OPENING.search(text, at)) is not None:
        end = text.find("-->", m.end())
        if end < 0:
            break           # (the comment runs to the end of the file, as HTML reads it)
        attributes = text[m.end():end].strip()
        if attributes.endswith("/") and (attributes == "/" or (
                attributes[0] == "{" and attributes[:-1].rstrip().endswith("}"))):
            yield m.start(), end + 3
        at = end + 3


def _thymeleaf(text: str, within: int = 4096) -> bool:
    """Whether an HTML file is a Thymeleaf template: a th: attribute (``th:text``,
    ``data-th-text``), the th: namespace or the Layout Dialect's ``layout:decorate`` in its
    first 4 KB, where a page's ``<html xmlns:th>`` and a fragment file's ``<div
    th:fragment>`` stand. Searched in C for the
    letters (10 microseconds a corpus page: a pattern that begins with a space took 120)."""
    if any(text.find(word, 0, within) >= 0 for word in _THYMELEAF_WORDS):
        return True
    at = text.find("th:", 1, within)
    while at > 0:
        if text[at - 1] in " \t\r\n" and text[at + 3:at + 4].isalpha():
            return True
        at = text.find("th:", at + 3, within)
    return False


def detect(text: str) -> str | None:
    """The family of template syntax the markup of ``text`` is written in, or None.

    One search of the text as it is, in C (0.09 ms a corpus page, half a percent of its audit);
    only where it finds syntax (a page whose scripts hold client-side templates: 7 of the
    181) is it searched again with scripts, styles, comments and code samples set apart."""
    if _thymeleaf(text):
        return "thymeleaf"
    if next(_wp_dynamic_blocks(text), None) is not None:
        return "wordpress"
    found = _DETECT.search(text)
    if found is None:
        # no statement; but an expression in a file without markup is no Angular or Vue
        # page's: a template that writes a value alone (Wagtail's block templates, "{{ self
        # }}", "{{ value|richtext }}")
        if "<" not in text and _EXPRESSION_TOKEN.search(text):
            return "jinja"
        return "placeholder" if _placeholders(text) else None
    markup = _NOT_MARKUP.sub(" ", text)
    found = _DETECT.search(markup)
    if found is None:
        return None
    if found.lastgroup != "jinja" and _JINJA_STATEMENT.search(markup, found.end()):
        return "jinja"      # ({{- title }} is Jinja's too, where {% %} statements follow)
    return "jinja" if found.lastgroup == "comment" else found.lastgroup


def family_of_name(name: str) -> str | None:
    """The family a file's name ending says (``story.njk``: jinja), or None."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    for suffix, family in SUFFIXES.items():
        if lower.endswith(suffix):
            return family
    return None


# -- neutralising -----------------------------------------------------------------------------

_LOOK_ALIKES = str.maketrans({"<": "\u2039", ">": "\u203a", '"': "\u2033", "'": "\u2032"})
# ... and, in an expression kept as "{{", its text and "}" (Razor's, Velocity's), its own
# braces (@($"{x}"), $text.get("k", [${x}])): the expression ends at its one "}"
_BODY_LOOK_ALIKES = str.maketrans({"<": "\u2039", ">": "\u203a", '"': "\u2033",
                                   "'": "\u2032", "{": "\u2774", "}": "\u2775"})
_BLANK = re.compile(r"[^\r\n]")

# How far a token's patterns read, so that a file of thousands of unclosed openers is read
# in linear time (each had been tried against the rest of the file: 40 KB of "{{" took 15 s
# to read): an expression or a statement ends before another of its openers (one left
# unclosed fails there), where an expression may hold one whole expression of its own
# (Ghost's {{#get "posts" filter="id:-{{post.id}}"}}); a comment or a block ends at its
# first closer, or, left unclosed, at the end of the file, as an engine reads it (but a
# Jinja comment's "{#", which Liquid and Django pages may write as text).
def _to(opener: str) -> str:
    """A lazy run of characters that stops before another ``opener``."""
    return rf"(?:(?!{opener}).)*?"


_CURLY_EXPRESSION = (r"\{\{(?:\{\{(?:(?!\{\{).)*?\}\}|(?!\{\{).)*?\}\}")
_STATEMENT_HEAD = _to(r"\{%") + r"%\}"


# Jinja-family statements that write text where they stand (kept as expressions)
_WRITING_STATEMENTS = frozenset((
    "url", "static", "trans", "translate", "t", "now", "cycle", "firstof", "csrf_token",
    "get_static_prefix", "get_media_prefix", "lorem", "widthratio", "querystring",
    "path_to", "asset_url", "image_url",
    # Wagtail's page URLs, CKAN's URLs
    "pageurl", "slugurl", "routablepageurl", "fullpageurl", "url_for"))
# ... and those that write markup another file or the data holds: holes (Wagtail's blocks,
# images and user bar, CKAN's snippets and links, Jekyll's SEO tags, webpack's bundles)
_HOLE_STATEMENTS = frozenset((
    "include", "block", "embed", "render", "section", "sections", "call", "yield",
    "include_relative", "placeholder", "render_block", "content_for",
    "include_block", "image", "picture", "srcset_image", "wagtailuserbar", "snippet",
    "link_for", "include_cached", "seo", "feed_meta", "render_bundle"))
# ... and those that write nothing where they stand: a block's opening or end, a loop, a
# variable's assignment, a library's loading, a cache, a language's or a zone's block...
# (a statement of none of these lists, a tag of the site's own library, writes what it
# writes: a hole, unless it is a block's opening, with its end in the file, or assigns a
# variable, "{% get_settings as s %}": _Neutraliser.writes)
_SILENT_STATEMENTS = frozenset((
    "if", "elif", "elsif", "elseif", "else", "for", "empty", "with", "load", "extends",
    "set", "macro", "import", "from", "autoescape", "spaceless", "filter", "verbatim",
    "raw", "assign", "capture", "case", "when", "unless", "tablerow", "paginate", "layout",
    "liquid", "do", "apply", "sandbox", "use", "deprecated", "guard", "flush", "regroup",
    "ifchanged", "ifequal", "ifnotequal", "debug", "resetcycle", "localize", "localtime",
    "timezone", "get_current_language", "get_current_language_bidi",
    "get_available_languages", "get_language_info", "get_language_info_list",
    "get_current_timezone", "cache", "language", "break", "continue", "plural",
    "pluralize", "blocktrans", "blocktranslate", "comment", "asset", "ifAsync",
    "asyncEach", "asyncAll"))
# A statement that assigns what it makes to a variable: {% url "home" as home_url %}
_ASSIGNS = re.compile(r"\sas\s+[\w.]+\s*-?%\}\Z")
# An expression that writes markup, not text: a raw filter, a parent block's content, a
# filter that writes a tag or a file's markup (Liquid's image_tag and inline_asset_content,
# Jekyll's markdownify, Wagtail's richtext, Django's paragraphs, line breaks and links)
_JINJA_RAW = re.compile(r"\|\s*(?:safe|raw|markdownify|inline_asset_content|\w+_tag|"
                        r"richtext|markdown|linebreaks|linebreaksbr|urlize|urlizetrunc|"
                        r"link_to(?:_\w+)?|default_pagination|format_address|payment_button)\b"
                        r"|\bblock\.super\b|\bsuper\(\)|\bcaller\(\)"
                        r"|\{\{-?\s*(?:include|source)\s*\(")     # (Twig's functions)
# What names a file's macros are called by: imported ({% from "x" import card, icon as i %},
# {% import "x" as ns %}, Twig's {% import _self as m %}) or defined in it ({% macro card() %});
# a call of one ({{ card(story) }}, {{ ns.card() }}) writes the macro's markup
_JINJA_MACROS = re.compile(
    r"""\{%-?\s*(?:from\s+(?:"[^"]*"|'[^']*'|\S+)\s+import\s+(?P<names>[^%]*?)"""
    r"""|import\s+(?:"[^"]*"|'[^']*'|\S+)\s+as\s+(?P<space>\w+)[^%]*?|macro\s+(?P<macro>\w+)"""
    r"[^%]*?)-?%\}")
_IMPORTED_NAME = re.compile(r"\s*(\w+)(?:\s+as\s+(\w+))?\s*(?:,|\Z)")
_WITH_CONTEXT = re.compile(r"\s+with(?:out)?\s+context\s*\Z")
_JINJA_TOKENS = re.compile(
    r"\{%-?\s*comment\b" + _STATEMENT_HEAD
    + r".*?(?:\{%-?\s*endcomment\s*-?%\}|\Z)"                 # a block comment
    # what a block captures into a variable (Liquid's capture, a Jinja, Nunjucks or Twig set
    # block), and Shopify's blocks of JSON, script, CSS and documentation: not written here
    + r"|\{%-?\s*(?P<captured>capture|schema|javascript|stylesheet|doc)\b" + _STATEMENT_HEAD
    + r".*?(?:\{%-?\s*end(?P=captured)\s*-?%\}|\Z)"
    r"|\{%-?\s*set\s+[\w.]+(?:\s*,\s*[\w.]+)*\s*(?:\|[^%=]*)?-?%\}"
    r".*?(?:\{%-?\s*endset\s*-?%\}|\Z)"
    # a comment: a "{#" left open stays text (Liquid has no such comment, and Django's end on
    # their line)
    + r"|\{#" + _to(r"\{#") + r"#\}"
    + r"|(?P<statement>\{%-?\s*(?P<name>\w*)" + _STATEMENT_HEAD + ")"   # a statement
    + r"|(?P<expression>\{\{\{" + _to(r"\{\{") + r"\}\}\}|" + _CURLY_EXPRESSION
    + ")",                                                    # an expression
    re.S)
_CURLY_TOKENS = re.compile(
    r"\{\{!--.*?(?:--\}\}|\Z)|\{\{!.*?(?:\}\}|\Z)|\{\{-?\s*/\*.*?(?:\*/\s*-?\}\}|\Z)"
    r"|(?P<expression>\{\{\{" + _to(r"\{\{") + r"\}\}\}|" + _CURLY_EXPRESSION + ")",
    re.S)
# A Handlebars partial, a raw ("triple-stash") expression, a Go template or Hugo partial,
# Hugo's content: markup, not text
_CURLY_HOLE = re.compile(
    r"\{\{\{|\{\{[~-]?\s*#?>|\{\{-?\s*(?:template|block|partial|partialCached|"
    r"partials\.Include(?:Cached)?)\b"
    r"|\{\{-?\s*\.Content\b|\|\s*(?:safeHTML|safe\.HTML|markdownify|transform\.Markdownify)\b"
    r"|\.RenderString\b")
# A Handlebars or Mustache block's opening or end, and a Go action that opens a block or
# ends one (_Neutraliser.curly_block); the Handlebars blocks whose content is not rendered
# on a condition, or not only (loops, contexts, Ghost's queries, inline partials)
_CURLY_BLOCK = re.compile(
    r"\{\{\{?[~-]?\s*(?:(?P<open>[#^])(?![>*])\s*(?P<name>[\w.@-]*)|(?P<close>/)\s*(?P<closed>[\w.@-]*)"
    r"|(?P<go>if|with|range|define|block|end)\b)")
_CURLY_NOT_CONDITIONS = frozenset((
    "each", "foreach", "with", "let", "get", "post", "author", "tag", "prev_post",
    "next_post", "contentFor", "block", "each-in", "in-element", "link", "link_class",
    "navigation", "pagination", "ordering", "section", "inline", "link-to"))
# Ember's link: {{#link-to "route" class="x"}}...{{/link-to}} renders an <a href> (unless a
# tagName makes it another element), its literal class, title, id, rel, target, aria-* and
# data-* arguments as that element's attributes
_LINK_TO_ARGUMENT = re.compile(r"""([A-Za-z][\w-]*)=("[^"]*"|'[^']*'|\([^()]*\)|[^\s}]+)""")
_LINK_TO_KEPT = re.compile(r"(?:class|title|id|rel|target|aria-[\w-]+|data-[\w-]+)")
_IN_DOUBLE_QUOTES = str.maketrans({"<": "\u2039", ">": "\u203a", '"': "\u2033"})
# A Handlebars block or section, or a Go action: renders no text of its own; so do a Go
# variable's assignment ({{ $url := .Permalink }}), Hugo's build messages ({{ errorf }})
# and its page-scoped stores ({{ $.Scratch.Add "x" 1 }})
_CURLY_STATEMENT = re.compile(
    r"\{\{\{?[~-]?\s*(?:[#^/>]|(?:else|end|if|range|with|define|template|block|break|"
    r"continue|errorf|warnf|erroridf|warnidf|infof|debugf)\b"
    r"|\$\w*(?:\.\w+)*\s*:?=(?!=)"
    r"|\$?[\w.]*\b(?:Scratch|Store)\.(?:Set|Add|SetInMap|DeleteInMap|Delete)\b)")
# Ember's Glimmer templates (.hbs): a component is invoked by an element whose name HTML
# does not have (<ArticleHeader @story={{story}} />, a yielded <header.top>, <@slot>); its
# own template writes its markup, and what the element holds is the block it is given,
# rendered where it yields (a named block, <:body>, as well). A file is read as Glimmer
# where it writes one of Glimmer's own marks: an argument (@title=), block parameters
# (as |item|), ...attributes, or a yield, an outlet or a component helper.
_GLIMMER = re.compile(r"""\s@[\w.-]+=|\sas\s+\|\s*\w|\s\.\.\.attributes\b"""
                      r"""|\{\{~?\s*(?:yield|outlet|component)\b|</?:[\w-]+[\s>]""")
_GLIMMER_TAG = re.compile(
    r"<(/?)([A-Z][\w-]*(?:::[\w-]+)*|[A-Za-z_][\w-]*(?:\.[\w-]+)+|@[\w.-]+|:[\w-]+)"
    r"(?=[\s/>])")
_GLIMMER_TAG_EVENTS = re.compile(r"""["'>]|\{\{""")
_GLIMMER_IN_MUSTACHE = re.compile(r"""["']|\}\}""")
_QUOTE_OR_EXPRESSION = re.compile(r"""\{\{.*?\}\}|["']""", re.S)
# ... an element's attributes that the invocation passes on (<a ...attributes>): read as
# attributes an expression writes (as long: "{{attribute}}")
_SPLATTED = re.compile(r"(?<=\s)\.\.\.attributes(?=[\s/>])")
# ... what writes markup: the caller's block, the route's template, a component by name
_GLIMMER_HOLE = re.compile(r"\{\{~?\s*(?:yield|outlet|component)\b")
# ... the inline if and unless, which write one of their values (Handlebars has none: its
# if is a block); and element modifiers, which write no attribute (<button {{on "click"
# this.close}}>, {{action}}, the render modifiers)
_GLIMMER_INLINE_IF = re.compile(r"\{\{~?\s*(?:if|unless)\s")
_GLIMMER_MODIFIER = re.compile(
    r"\{\{~?\s*(?:on|action|did-insert|did-update|will-destroy)\s")


def _link_to(token: str) -> str | None:
    """An Ember ``{{#link-to}}`` opening as the ``<a href>`` it renders, its attributes
    (:data:`_LINK_TO_KEPT`: literal values as written, others ``"{{"``), as long as the
    token; None where a ``tagName`` makes it another element, or where it is too short."""
    if "tagName=" in token:
        return None
    attributes = []
    for m in _LINK_TO_ARGUMENT.finditer(token):
        name, value = m[1], m[2]
        if _LINK_TO_KEPT.fullmatch(name):
            literal = value[:1] in ("'", '"') and "{{" not in value
            words = " ".join(value[1:-1].split()).translate(_IN_DOUBLE_QUOTES)
            attributes.append(f'{name}="{words}"' if literal else f'{name}="{{{{"')
    return _fit(token, ["<a", "href", *attributes, ">"]) or _fit(token, ["<a", "href", ">"])


def _glimmer_tags(text: str, neutraliser: _Neutraliser) -> str:
    """``text`` with each of its Glimmer component invocations' start tags a hole, and
    their end tags, and a named block's tags, spaces: as long as ``text``. An element whose
    name is all capitals (``<A>``, ``<H1>``) is HTML's. A tag's attributes end at the first
    ``>`` outside quotes and ``{{ }}`` (and a quote in ``{{ }}`` runs to its end: ``{{concat
    ' - {{URL}}'}}``); a quote or a ``{{`` that the file never closes is read as text."""
    pieces: list[str] = []
    at = 0
    absent: dict[str, int] = {}     # (from where on the file no longer holds a closer)
    for m in _GLIMMER_TAG.finditer(text):
        start, name = m.start(), m[2]
        if start < at or (name.isupper() and "." not in name):
            continue            # (inside the tag before, or an HTML element in capitals)
        end = _glimmer_tag_end(text, m.end(), absent)
        if name == "LinkTo" and "tagName" not in text[start:end]:
            # (Ember's link component: the <a href> it renders, its attributes as written)
            written = ("</a>" + _blank(text[start + 4:end]) if m[1]
                       else "<a href" + text[start + 7:end])
        elif m[1] or name[0] == ":":
            written = _blank(text[start:end])
        else:
            written = neutraliser.hole(_Span(text[start:end], start))
        pieces += (text[at:start], written)
        at = end
    return "".join(pieces) + text[at:] if pieces else text


def _glimmer_tag_end(text: str, at: int, absent: dict[str, int]) -> int:
    """After the ``>`` that ends the tag whose attributes begin at ``at``, or the end of
    ``text``. ``absent``: where the search for each closer last failed."""
    inside = False                  # in a {{ }}
    while (m := (_GLIMMER_IN_MUSTACHE if inside else _GLIMMER_TAG_EVENTS).search(
            text, at)) is not None:
        token, at = m[0], m.end()
        if token == ">":
            return at
        if token == "{{":
            inside = at < absent.get(token, len(text) + 1) and text.find("}}", at) >= 0
            if not inside:
                absent[token] = min(at, absent.get(token, at))
        elif token == "}}":
            inside = False
        elif at < absent.get(token, len(text) + 1):
            found = text.find(token, at)
            if found < 0:
                absent[token] = at
            else:
                at = found + 1
    return len(text)


# An include whose partial the repository holds, named by a literal (as each family's
# loader finds it, :func:`partial_paths`): a Handlebars partial ({{> "icons/search"}}), a
# Jinja-family include or render ({% include "icons/arrow.html" with class="x" %}, Twig's
# {{ include('icon.svg') }} and {{ source('icon.svg') }}, Shopify's {% render 'icon-caret'
# %}, Jekyll's {% include icon.svg %}), a Hugo partial ({{ partial "icons/x.svg" . }})
_INCLUDE_NAMED = {
    "handlebars": re.compile(r"""\{\{~?>\s*(?:"([^"{}]+)"|'([^'{}]+)'|([\w./-]+))"""),
    "jinja": re.compile(
        r"""\{%-?\s*(?:include|render)\s+(?:"([^"{}%]+)"|'([^'{}%]+)'|([\w./-]+\.(?:svg|html)))"""
        r"""|\{\{-?\s*(?:include|source)\(\s*(?:"([^"{}]+)"|'([^'{}]+)')"""),
    "go": re.compile(r'\{\{-?\s*partial(?:Cached)?\s+"([^"{}]+)"'),
}
_PARTIAL_NAME = re.compile(r"[\w@][\w@.-]*(?:/[\w@][\w@.-]*)*")
# ... where each family's loader looks for it, below each folder from the template's own up
# (a Ghost theme's partials/, a Hugo site's layouts/partials/, Jekyll's _includes/,
# Shopify's snippets/, a Django or Jinja project's templates/), and the endings it adds
_PARTIAL_FOLDERS = {
    "handlebars": (("partials/", ""), (".hbs", ".handlebars", "")),
    "jinja": (("", "templates/", "_includes/", "snippets/"), ("", ".liquid")),
    "go": (("layouts/partials/", "layouts/_partials/", "partials/", ""), ("", ".html")),
}
PARTIAL_LEVELS = 6              # (folders up from the template's own)
# A partial that writes an icon and nothing else: one <svg>, no text, nothing that names
# it (a <title>, a <text>, aria-label, aria-labelledby, a title attribute), no hole or
# branch of its own, and expressions only in its tags' attribute values
_ICON = re.compile(r"\s*<svg\b[^<>]*>(?:[^<]|<(?!/?svg\b)[^<>]*>)*</svg>\s*", re.I)
_ICON_NAMED = re.compile(
    r"<(?:title|text|foreignobject)\b|\saria-label(?:ledby)?\s*=|\stitle\s*=|<!", re.I)
_ICON_TEXT = re.compile(r">[^<]*\{\{")
_ICON_PROLOGUE = re.compile(
    r"<\?xml\b[^<>]*\?>|<!DOCTYPE\s+svg\b[^<>]*>|<!--(?![@~])(?:(?!-->).)*-->", re.I | re.S)
# ... and, in a component's file (Svelte's, Vue's), its code and its styles
_COMPONENT_CODE = re.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>", re.I | re.S)


def partial_paths(family: str, name: str) -> Iterator[str]:
    """The paths, relative to a folder, at which ``family``'s loader may find the partial
    ``name`` (none for a name that is no plain relative path: no ``..``, not absolute)."""
    folders = _PARTIAL_FOLDERS.get(family)
    if folders is None or _PARTIAL_NAME.fullmatch(name) is None or ".." in name.split("/"):
        return
    prefixes, suffixes = folders
    for prefix in prefixes:
        for suffix in suffixes:
            if not suffix or not name.endswith(suffix):
                yield prefix + name + suffix


def is_nameless_icon(text: str, family: str | None) -> bool:
    """Whether a partial's text (of ``family``'s syntax, None: plain) writes an icon that
    gives nothing a name: an ``<svg>`` alone (see ``_ICON``; an XML declaration and plain
    comments around it are nothing, and so are a Svelte, Vue or Astro component's script and
    styles)."""
    parsed = _ICON_PROLOGUE.sub("", text if family is None else neutralise(text, family))
    if family in _COMPONENT_READERS:
        parsed = _COMPONENT_CODE.sub("", parsed)
    return (_ICON.fullmatch(parsed) is not None and _ICON_NAMED.search(parsed) is None
            and _ICON_TEXT.search(parsed) is None)


def included_name(token: str, family: str) -> str | None:
    """The name an include token gives its partial as a literal (None: none, or not an
    include)."""
    pattern = _INCLUDE_NAMED.get(family)
    m = pattern.match(token) if pattern is not None else None
    if m is None:
        return None
    return next((group for group in m.groups() if group), None)


_ERB_TOKENS = re.compile(r"<%(?P<kind>==|[=\-#]?)(?P<body>" + _to("<%") + r")(?P<close>-?%>)",
                         re.S)
_ERB_HOLE = re.compile(r"\s*(?:render|yield|raw|content_for|safe_join|sanitize)\b"
                       r"|.*\.html_safe\b"
                       # Rails' translation of a key ending in _html or .html: markup
                       r"|\s*(?:I18n\s*\.\s*)?(?:t|translate)\b\s*\(?\s*([\"'])[^\"'\r\n]*[._]html\1"
                       # Rails' helpers that write an element (tag.div, link_to, image_tag,
                       # form_with...), and any helper given a block (its markup around it)
                       r"|\s*(?:tag\s*\.\s*\w+|content_tag|link_to\w*|button_to|mail_to|"
                       r"\w+_tags?|form_with|form_for|fields_for|simple_form_for|"
                       r"component|render_component)\b"
                       r"|.*\bdo\s*(?:\|[^|]{0,200}\|)?\s*\Z"
                       # EJS's include(), and a kit's own (NPR's await t.includeStatic())
                       r"|\s*(?:await\s+)?(?:\w+\.)?include\w*\s*\(", re.S)
_PHP_TOKENS = re.compile(r"<\?(?!xml)(?P<open>=|php\b)?(?P<body>.*?)(?P<close>\?>|\Z)", re.S)
# PHP (and WordPress) calls that write markup, and those that write text
_PHP_HOLE_TEXT = (
    r"(?:(?:include|require)(?:_once)?\b|echo\s+do_shortcode\b|(?:get_header|get_footer|"
    r"get_sidebar|get_template_part|get_search_form|comments_template|the_content|"
    r"the_excerpt|the_post_thumbnail|wp_head|wp_footer|wp_body_open|wp_nav_menu|"
    r"dynamic_sidebar|the_posts_pagination|the_posts_navigation|the_tags|the_category|"
    r"the_author_posts_link|the_custom_logo|"
    # ... and those whose names read as a getter's, a setup's or text's, but print markup
    # by default: archives' and widgets' lists and links, the post's navigation
    r"wp_get_archives|wp_register|get_calendar|the_post_navigation|the_comments_navigation|"
    r"the_comments_pagination|the_privacy_policy_link|"
    # hooks whose callbacks print (plugins, WooCommerce), and what prints a template or a
    # form WordPress or WooCommerce holds
    r"do_action|do_action_ref_array|comment_form|wp_list_comments|wp_link_pages|the_widget|"
    r"load_template|locate_template|wc_get_template|wc_get_template_part|"
    r"woocommerce_\w+)\s*\()")
_PHP_HOLE = re.compile(r"\s*" + _PHP_HOLE_TEXT)
_PHP_CALL = re.compile(r"\s*(?!(?:if|else|elseif|endif|foreach|endforeach|for|endfor|while|"
                       r"endwhile|switch|case|return|echo|print)\b)[A-Za-z_]\w*\s*\(")
# (the_post() and ACF's the_row() set up a loop's item: they write nothing)
_PHP_WRITES_TEXT = (r"(?:echo|print|printf|vprintf|_e|esc_html_e|esc_attr_e|"
                    r"the_(?!post\b|row\b)\w+|bloginfo|single_\w+_title|wp_title)\b")
_PHP_WRITES = re.compile(r"\s*" + _PHP_WRITES_TEXT)
# ... the same inside a block of code (<?php if ( x ) { echo esc_html( $a ); } ?>), where
# an echo of markup (echo '<li>' . $item) is a hole too; and PHP's comments, set apart
# before a block is read (a translators' note before a printf())
_PHP_MARKUP_TEXT = r"""\b(?:echo|print|printf|vprintf)\b[^;]*?["'][^"']*<[A-Za-z/]"""
_PHP_MARKUP = re.compile(_PHP_MARKUP_TEXT)
_PHP_HOLE_INSIDE = re.compile(r"(?<![\w$>])" + _PHP_HOLE_TEXT + "|" + _PHP_MARKUP_TEXT)
# A call standing as a statement (<?php largo_byline(); ?>, if ( $x ) theme_icon();): a
# theme's own function is called so to print, a byline, an icon, a list; unless it writes
# text (above), or returns or sets up and prints nothing (WordPress's getters and loop
# set-up, PHP's functions on strings and arrays)
_PHP_STATEMENT_CALL = re.compile(
    r"(?:\A|[;{}:)]|\belse\b)\s*(?!(?:if|elseif|foreach|for|while|switch|return|function|fn|"
    r"new|array|list|isset|empty|unset|match)\b|" + _PHP_WRITES_TEXT + r")([A-Za-z_]\w*)\s*\(")
_PHP_SILENT = re.compile(
    r"(?:(?:get|is|has|wp_reset|wp_enqueue|wp_register|wp_dequeue|wp_localize|wp_add_inline|"
    r"add|remove|set|update|delete|register|esc|sanitize|wp_kses|wp_cache|wp_parse|array|str|"
    r"ob|json|wp_json|apply_filters|wp_get|wp_list_pluck)(?:_\w*)?|"
    r"the_post|the_row|have_posts|have_rows|setup_postdata|rewind_posts|query_posts|"
    r"define|defined|extract|compact|count|sprintf|vsprintf|implode|explode|in_array|trim|"
    r"absint|intval|floatval|function_exists|class_exists|method_exists|shortcode_atts|"
    r"__|_x|_n|_nx|wp_die|die|exit|load_theme_textdomain)\Z")
_PHP_WRITES_INSIDE = re.compile(r"(?<![\w$>])" + _PHP_WRITES_TEXT)
_PHP_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)|//[^\n]*|#[^\n]*", re.S)

# The blocks a template's code opens and closes (_Neutraliser.code_blocks): its strings and
# comments set apart first; braces (PHP, a JSP's Java, EJS's JavaScript), with the
# statement before a brace that makes its block conditional; PHP's alternative syntax;
# Ruby's keywords (ERB). A file's blocks are followed this many deep (a block deeper is
# read as part of the one around it)
_CODE_STRINGS = re.compile(r""""(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|`(?:[^`\\]|\\.)*`?"""
                           r"|/\*.*?(?:\*/|\Z)|//[^\r\n]*|#(?!\{)[^\r\n]*", re.S)
_CONDITIONAL_HEAD = re.compile(r"\s*(?:else|elseif|if|switch|unless)\b")
# ... and a loop's (a foreach, for, while or do block; JavaScript's xs.forEach(function (x)
# {, xs.map(x => {); Ruby's xs.each do |x|, n.times do
_LOOP_HEAD = re.compile(r"\s*(?:foreach|for|while|do)\b|[^;{}]*\.(?:forEach|map|each)\s*\(")
# ... a for's header holding semicolons (for (i = 0; i < n; i++) {), read back from its brace
_LOOP_HEADER = re.compile(r"\b(?:for|foreach|while)\s*\((?:[^()]|\([^()]*\))*\)\s*\Z")


def _loops(code: str, head: int, brace: int, floor: int) -> bool:
    """Whether the block of code that opens with the brace at ``brace`` is a loop's: its
    head (from ``head``, after the statement before it) begins a loop, or a loop's header
    (read back from ``floor``) ends at the brace, semicolons in it."""
    return (_LOOP_HEAD.match(code, head, brace) is not None
            or _LOOP_HEADER.search(code, floor, brace) is not None)


_RUBY_LOOP = re.compile(r"\.\s*(?:each\w*|times|map|collect|upto|downto|step|each_slice)\b")
_BRACE_BLOCKS = re.compile(r"(?P<brace>\{)|(?P<close>\})")
_PHP_BLOCKS = re.compile(
    r"(?P<brace>\{)|(?P<close>\})"
    r"|\b(?P<alternative>if|foreach|for|while|switch)\s*"
    r"\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\s*:(?!:)"
    r"|\bend(?P<alternative_end>if|foreach|for|while|switch)\b")
_RUBY_BLOCKS = re.compile(
    r"\A\s*(?P<ruby>if|unless|case|while|until|for|begin)\b"
    r"|\bdo(?P<ruby_do>)\s*(?:\|[^|]{0,200}\|)?\s*\Z"
    r"|\b(?P<ruby_end>end)\b(?![?!])")
_BLOCK_NESTING = 256

# Laravel's Blade: comments, @php blocks, raw ({!! !!}) and escaped-for-the-client
# (@{{ }}) expressions, expressions, and @directives with their arguments (nested
# parentheses and quoted strings; not after a word: an e-mail address, @handle in a URL),
# with the space before them on their line (an @else's mark needs room)
_BLADE_TOKENS = re.compile(
    r"\{\{--.*?(?:--\}\}|\Z)|[ \t]*@php\b(?!\s*\().*?(?:@endphp\b|\Z)"
    # (a Blade view is PHP: its <?php ?> blocks are read as a PHP template's)
    r"|<\?(?!xml)(?P<open>=|php\b)?(?P<body>.*?)(?P<close>\?>|\Z)"
    r"|(?P<raw>\{!!" + _to(r"\{!!") + r"!!\})|@(?P<verbatim>" + _CURLY_EXPRESSION + ")"
    + r"|(?P<expression>" + _CURLY_EXPRESSION + ")"
    r"|(?P<lead>[ \t]*)(?<![\w@.:/-])@(?P<name>[A-Za-z]\w*)"
    r"(?P<args>\s?\((?:[^()'\"]|'[^']*'|\"[^\"]*\""
    r"|\((?:[^()'\"]|'[^']*'|\"[^\"]*\"|\([^()]*\))*\))*\))?",
    re.S)
_BLADE_SLOT = re.compile(r"\{\{\s*\$slot\b")
# The directives that write markup another file or the data holds (holes), those that begin
# another branch, those that write an element's attributes, and those that write nothing
# (a directive Blade does not define is a project's own: written as nothing too, if it has
# arguments; without, @name is text, a handle)
_BLADE_HOLES = frozenset((
    "include", "includeif", "includewhen", "includeunless", "includefirst", "each", "yield",
    "stack", "show", "parent", "livewire", "component", "svg", "icon", "markdown"))
_BLADE_BRANCHES = frozenset((
    "else", "elseif", "elseauth", "elseguest", "elsecan", "elsecannot", "case", "default"))
# ... those that open a conditional, with the directive that closes each
_BLADE_CONDITIONS = {
    "if": "endif", "hassection": "endif", "sectionmissing": "endif", "unless": "endunless",
    "isset": "endisset", "empty": "endempty", "auth": "endauth", "guest": "endguest",
    "can": "endcan", "cannot": "endcannot", "canany": "endcanany", "env": "endenv",
    "production": "endproduction", "switch": "endswitch", "error": "enderror",
    "session": "endsession"}
_BLADE_CONDITION_ENDS = frozenset(_BLADE_CONDITIONS.values())
# ... and loops
_BLADE_LOOPS = {"foreach": "endforeach", "for": "endfor", "forelse": "endforelse",
                "while": "endwhile"}
_BLADE_LOOP_ENDS = frozenset(_BLADE_LOOPS.values())
_BLADE_ATTRIBUTES = frozenset((
    "class", "style", "checked", "selected", "disabled", "readonly", "required"))
_BLADE_STATEMENTS = frozenset((
    "if", "endif", "unless", "endunless", "isset", "endisset", "empty", "endempty", "auth",
    "endauth", "guest", "endguest", "can", "endcan", "cannot", "endcannot", "canany",
    "endcanany", "env", "endenv", "production", "endproduction", "hassection",
    "sectionmissing", "switch", "endswitch", "break", "continue", "for", "endfor", "foreach",
    "endforeach", "forelse", "endforelse", "while", "endwhile", "once", "endonce", "push",
    "endpush", "pushonce", "endpushonce", "prepend", "endprepend", "section", "endsection",
    "stop", "append", "overwrite", "extends", "props", "aware", "csrf", "method", "error",
    "enderror", "verbatim", "endverbatim", "endcomponent", "slot", "endslot", "inject",
    "use", "vite", "vitereactrefresh", "livewirestyles", "livewirescripts", "json", "js",
    "dd", "dump", "fragment", "endfragment", "session", "endsession", "context",
    "endcontext"))

# A hole's mark in the text parsed: a comment of "@" (line breaks kept), which no rule reads
# as content; :func:`is_hole` tells one (engine.template_unknown, the rules that ask)
HOLE_FILL = "@"
# ... and an else's (the branches of a conditional): a comment of "~" (is_branch)
BRANCH_FILL = "~"
_RAW_TEXT = ("title", "textarea", "script", "style", "xmp")
_JINJA_ENDS = re.compile(r"\{%-?\s*end(\w+)")
# The statements that begin another branch of a conditional, or a loop's empty case
_JINJA_BRANCH_NAMES = frozenset(("else", "elif", "elsif", "elseif", "when", "empty"))
# ... and those that open a conditional (closed by "end" and their name)
_JINJA_CONDITIONS = frozenset(("if", "unless", "ifchanged", "ifequal", "ifnotequal", "case"))
# ... and those that open a loop (Liquid's tablerow, Nunjucks' asynchronous loops)
_JINJA_LOOPS = frozenset(("for", "tablerow", "asyncEach", "asyncAll"))
_CURLY_BRANCH = re.compile(r"\{\{[~-]?\s*(?:else\b|\^\s*\}\})")
# A block of code that captures what it holds into a variable, or for a layout's yield
# (<% link_text = capture do %>, <% content_for :head do %>): not written where it stands;
# and a helper that writes what its block holds as a script or a style sheet (<%=
# javascript_tag do %>): no text of the page
_ERB_CAPTURE = re.compile(
    r"(?:.*\bcapture\b|\s*content_for\b.*)\s*\bdo\s*(?:\|[^|]{0,200}\|)?\s*\Z", re.S)
_ERB_RAW_BLOCK = re.compile(
    r"\s*(?:javascript_tag|tag\s*\.\s*(?:script|style)|content_tag\s*\(?\s*:(?:script|style))"
    r"\b.*\bdo\s*(?:\|[^|]{0,200}\|)?\s*\Z", re.S)
_ERB_BRANCH = re.compile(r"\s*(?:else|elsif|when)\b")
_PHP_BRANCH = re.compile(r"\s*(?:\}\s*)?(?:else|elseif)\b")


def is_branch(comment_text: str | None) -> bool:
    """Whether a comment of the parsed page is where a template's conditional begins another
    branch (``{% else %}``): what stands before it and after it may be alternatives."""
    return (comment_text is not None and BRANCH_FILL in comment_text
            and not comment_text.strip("~\r\n"))


# The names an element whose name the data decides is read with (<{{ tag }}>: t--tag,
# <h{{ level }}>: h--level, padded with hyphens to the expression's length)
_DYNAMIC = re.compile(r"(?:t|h)--[\w.-]*")
_NOT_IN_NAME = re.compile(r"[^A-Za-z0-9_.]+")


def _dynamic_name(prefix: str, written: str) -> str:
    """The custom element name an expression that writes a tag's name is read as: the
    expression's words after ``prefix``, as long as the expression."""
    words = _NOT_IN_NAME.sub("-", written[2:-2]).strip("-")
    return (prefix + words)[:len(written)].ljust(len(written), "-")


def is_component(tag: str) -> bool:
    """Whether an element of a Blade template is a component (``<x-alert>``, Livewire's
    and Flux's ``<livewire:search>``, ``<flux:avatar>``): its view writes its markup, and
    its attributes are that view's to use (``title`` may be a modal's heading)."""
    return tag.startswith("x-") or ":" in tag


def is_dynamic_heading(tag: str) -> bool:
    """Whether an element's name is that of a heading whose level a template's expression
    writes (``<h{{ level }}>``, read as ``<h--level--->``: :meth:`_Neutraliser.kept`)."""
    return tag.startswith("h--") and is_dynamic_name(tag)


def is_dynamic_name(tag: str) -> bool:
    """Whether an element's name is written by a template's expression (``<{{ tag }}>``,
    ``<h{{ level }}>``)."""
    return tag[1:3] == "--" and _DYNAMIC.fullmatch(tag) is not None


def is_hole(comment_text: str | None) -> bool:
    """Whether a comment of the parsed page is where a template writes markup that another
    file or the data holds (an include, a block, a raw expression): the content there is
    not known."""
    return (comment_text is not None and HOLE_FILL in comment_text
            and not comment_text.strip("@\r\n"))


def _offsets(text: str, sub: str) -> list[int]:
    """Where ``sub`` occurs in ``text``, in order."""
    found: list[int] = []
    at = text.find(sub)
    while at >= 0:
        found.append(at)
        at = text.find(sub, at + 1)
    return found


def _blank(text: str) -> str:
    return _BLANK.sub(" ", text)


# A call of a translation function whose first argument is the text itself (gettext's
# convention: Django's {% trans %} and _(), Jinja's _(), Handlebars' {{t}}, WordPress's
# __() and esc_html_e()...): the text a reader of the site's own language gets
_TRANSLATED = re.compile(
    r"""(?:=|php\b)?[\s~-]*(?:echo\s+)?(?:_|gettext|ngettext|trans|translate|t|__|_e|_x|"""
    r"""_n|esc_html__|esc_html_e|esc_attr__|esc_attr_e|esc_html_x|esc_attr_x)\s*\(?\s*"""
    r"""(["'])([^"'\\\r\n{}<>]+)\1"""
    # the text alone: then the call's other arguments, or the token's end
    r"""\s*(?:[,)]|[~-]?\s*[%}]|\w+=)""")


# ... and a translation filter on a text (Drupal's and Symfony's Twig: {{ 'Home'|t }})
_TRANSLATED_FILTER = re.compile(
    r"""[\s-]*(["'])([^"'\\\r\n{}<>]+)\1\s*\|\s*(?:t|trans|translate)\b""")
# A translation key, not a text (Shopify's {{ 'general.search.search' | t }}, i18next's
# t("nav.home"), Rails' lazy t(".title")): what the reader gets is in the site's locale files
_TRANSLATION_KEY = re.compile(r"[\w-]+(?:\.[\w-]+)+|\.[\w-]+(?:\.[\w-]+)*")


def _translated(token: str) -> str | None:
    """A translation call's text, where the token (an expression or a statement that writes
    text) is one: the text, then spaces, as long as the token (its line breaks kept)."""
    start = 2 if token[:2] in ("{{", "{%", "<%", "<?") else 0
    m = _TRANSLATED.match(token, start) or (
        _TRANSLATED_FILTER.match(token, start) if start else None)
    return None if m is None else _as_text(token, m[2])


def _as_text(token: str, text: str) -> str | None:
    """``token`` written as the translated ``text`` it renders: the text, then spaces, as
    long as the token (its line breaks kept); None for no text, or a key that names one."""
    text = text.strip()
    if (not text or "\n" in token[:len(text)] or "\r" in token[:len(text)]
            or _TRANSLATION_KEY.fullmatch(text)):
        return None     # (the text stands where the token began: no line break may go)
    return text + _BLANK.sub(" ", token[len(text):])


def _expression(text: str) -> str:
    """An expression as kept: ``{{ ... }}``, nothing in it that ends a tag or a value; a
    translation call as its text (:func:`_translated`)."""
    if len(text) < 4:
        return _blank(text)
    return _translated(text) or text[:2] + text[2:-2].translate(_LOOK_ALIKES) + text[-2:]


_BLADE_TEXT = re.compile(r"""\s?\(\s*(["'])([^"'\\\r\n{}<>]+)\1""")


def _blade_translated(token: str, args: str) -> str:
    """Blade's ``@lang('Read more')``: its text, as :func:`_translated` reads a call; a key
    (``@lang('auth.failed')``) is an expression."""
    m = _BLADE_TEXT.match(args)
    written = _as_text(token, m[2]) if m is not None else None
    if written is not None:
        return written
    return "{{" + token[2:-2].translate(_LOOK_ALIKES) + "}}" if len(token) >= 4 else (
        _blank(token))


def _delimited(opening: str, body: str, closing: str) -> str:
    """An ERB or PHP expression written as ``{{ body }}``, as long as it was written; a
    translation call as its text."""
    return _translated(opening + body + closing) or (
        "{{" + " " * (len(opening) - 2) + body.translate(_LOOK_ALIKES)
        + " " * (len(closing) - 2) + "}}")


# A start tag's name just before a token: Drupal writes an element's attributes so,
# <div{{ attributes }}>
_GLUED = re.compile(r"<[A-Za-z][\w:.-]*\Z")
# A tag whose name the data decides, before its expression: <{{ tag }}>, </{{ tag }}>, and a
# heading's level, <h{{ level }}> (Drupal, GOV.UK Frontend); and such a name's expression
# (then another expression is glued to it: <{{ tag }}{{ attributes }}>)
_DYNAMIC_NAME = re.compile(r"</?h?\Z")
_AFTER_DYNAMIC_NAME = re.compile(r"</?h?\{\{[^{}<>]*\}\}\Z")
# The elements whose content is elements alone (a list's items, a table's rows, a select's
# options), and the elements that end in such content: an expression standing there writes
# markup, not text (Drupal's <ul>{{ items }}</ul>, a macro's rows)
_CHILDREN_ONLY = frozenset((
    "ul", "ol", "menu", "dl", "table", "thead", "tbody", "tfoot", "tr", "select", "optgroup",
    "datalist", "colgroup"))
_CHILD_ENDS = frozenset((
    "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "caption", "colgroup"))
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][\w-]*)")
# The closing delimiters of the tokens that may stand between such a tag and the
# expression, and their openers
_CLOSERS = {"%}": "{%", "#}": "{#", "}}": "{{", "%>": "<%", "?>": "<?"}
# A tag's "<" and ">", not those of ERB's and PHP's tokens (<%, <?php, %>, ?>)
_TAG_OPENING = re.compile(r"<(?![%?])")
_TAG_CLOSING = re.compile(r"(?<![%?])>")


class _Span(NamedTuple):
    """A token a scanner read (Razor's, which no one pattern reads): its text and where it
    starts, as a token's match gives them (``m[0]``, ``m.start()``)."""

    text: str
    at: int

    def start(self) -> int:
        return self.at


class _Neutraliser:
    """One file's neutralising (:func:`neutralise`): each family's tokens, and where a hole
    is (a start tag's attributes and raw text take no comment)."""

    def __init__(self, text: str, family: str = "") -> None:
        self.text = text
        self.lower = text.lower()
        self.family = family
        # (the blocks open, innermost last: a name to close it by, where it began, whether
        # what it holds is rendered on a condition, whether once for each item of a loop;
        # and each such block's span, once read: Template.conditions, Template.loops)
        self.blocks: list[tuple[str, int, bool, bool]] = []
        self.open_names: dict[str, int] = {}     # (how many blocks of each name are open)
        self.conditions: list[tuple[int, int]] = []
        self.loops: list[tuple[int, int]] = []
        # (the blocks that capture what they hold, by where they begin, and what they hold
        # once closed: written as nothing, read())
        self.captures: set[int] = set()
        self.captured: list[tuple[int, int]] = []
        # (a call of one of the file's macros, read at its first expression)
        self.macro_call: re.Pattern[str] | None = None
        self.macros_read = False
        # (the names of the blocks the file ends, {% endname %}: writes, read at the first
        # statement it asks of; each raw-text element's start and end tags: in_raw_text)
        self.block_ends: frozenset[str] | None = None
        self.raw_tags: tuple[tuple[list[int], list[int], int], ...] | None = None
        # (the offsets of every "<" and ">" that is no ERB or PHP token's: in_tag)
        self.brackets: tuple[list[int], list[int]] | None = None
        # (a JSP's tag libraries by prefix, read at its first tag; FreeMarker's flag, set at
        # its first token; whether each choice open, <c:choose> or <#switch>, has had its
        # first case)
        self.libraries: dict[str, str] | None = None
        self.freemarker = False
        self.cases: list[bool] = []
        # (whether a Thymeleaf page's <html> is a layout's, read at its first token;
        # whether a Handlebars file is Ember's Glimmer, _GLIMMER)
        self.laid_out: bool | None = None
        self.glimmer = False
        # (whether the partial an include names is a nameless icon: reading()'s icons)
        self.icons: Callable[[str], bool] | None = None
        # (each token's answer to writes_children, with the lowest offset its walk read;
        # how far in_value read the last tag it was asked about: the tag's start, the
        # offset it read to, and the quote open there)
        self.children: dict[int, tuple[bool, int]] = {}
        self.value_scan: tuple[int, int, str] = (-1, 0, "")
        # (each {{#link-to}} open: whether it was written as an <a href>)
        self.link_tos: list[bool] = []

    def begin(self, name: str, at: int, conditional: bool = True, loop: bool = False) -> None:
        """A block of the template opens at ``at`` (``{% if %}``, a ``{`` of code): what it
        holds is rendered on a condition if ``conditional``, else (a loop, a macro) as
        often as its own statement says; once for each item if ``loop`` (``{% for %}``,
        ``{{#each}}``, a ``foreach`` block of code: :attr:`Template.loops`). ``name``: what
        closes it (:meth:`end`)."""
        if len(self.blocks) < _BLOCK_NESTING:
            self.blocks.append((name, at, conditional, loop))
            self.open_names[name] = self.open_names.get(name, 0) + 1

    def end(self, name: str | None, at: int) -> None:
        """The innermost block open of ``name`` (None: of any name) closes at ``at``, and
        every block opened inside it and left open with it. An end no block open answers
        (a block its file did not open, or one nested too deep to follow) closes none."""
        blocks, open_names = self.blocks, self.open_names
        if not blocks or (name is not None and not open_names.get(name)):
            return      # (found at once: a file of ends no block answers is read in linear time)
        for index in range(len(blocks) - 1, -1, -1):
            if name is None or blocks[index][0] == name:
                for closed, start, conditional, loop in blocks[index:]:
                    open_names[closed] -= 1
                    if conditional:
                        self.conditions.append((start, at))
                    if loop:
                        self.loops.append((start, at))
                    if start in self.captures:
                        self.captured.append((start, at))
                del blocks[index:]
                return

    def loop_ends(self, at: int) -> None:
        """An else at ``at``: where the innermost block open is a loop's (``{% for %}..{%
        empty %}``, ``{{#each}}..{{else}}``), what follows is written once where there is
        no item, not once for each: the loop's span ends here, and a block that is none
        runs on to its end."""
        if self.blocks and self.blocks[-1][3]:
            name = self.blocks[-1][0]
            self.end(name, at)
            self.begin(name, at, False)

    def closed(self) -> tuple[tuple[int, int], ...]:
        """The spans of the file's conditional blocks (:attr:`Template.conditions`), those
        left open running to the end of the file, in order of their starts; and the same of
        its loops' blocks, into :attr:`loops`."""
        for _, start, conditional, loop in self.blocks:
            if conditional:
                self.conditions.append((start, len(self.text)))
            if loop:
                self.loops.append((start, len(self.text)))
        self.loops.sort()
        self.blocks.clear()
        self.open_names.clear()
        return tuple(sorted(self.conditions))

    def code_blocks(self, code: str, start: int, pattern: re.Pattern[str]) -> None:
        """The blocks a token of code at ``start`` (PHP, a JSP scriptlet, EJS or ERB) opens
        and closes: with braces (an ``if``'s, an ``else``'s and a ``switch``'s block are
        conditional), PHP's alternative syntax (``if ( x ) :`` ... ``endif;``), Ruby's
        keywords (``if x`` ... ``end``, ``each do |x|`` ... ``end``). ``pattern``: the
        family's (:data:`_PHP_BLOCKS`, :data:`_BRACE_BLOCKS`, :data:`_RUBY_BLOCKS`)."""
        if "'" in code or '"' in code or "/" in code or "#" in code or "`" in code:
            code = _CODE_STRINGS.sub(lambda found: _blank(found[0]), code)
        for found in pattern.finditer(code):
            kind = found.lastgroup
            if kind == "brace":
                brace = found.start()
                head = max(code.rfind(";", 0, brace), code.rfind("}", 0, brace),
                           code.rfind("{", 0, brace)) + 1
                self.begin("{", start, _CONDITIONAL_HEAD.match(code, head, brace) is not None,
                           _loops(code, head, brace, max(0, brace - 512)))
            elif kind == "close":
                self.end("{", start)
            elif kind == "alternative":
                self.begin(found[kind], start, found[kind] in ("if", "switch"),
                           found[kind] in ("foreach", "for", "while"))
            elif kind == "alternative_end":
                self.end(found[kind], start)
            elif kind == "ruby":
                self.begin("end", start, found[kind] in ("if", "unless", "case"),
                           found[kind] in ("while", "until", "for"))
            elif kind == "ruby_do":
                self.begin("end", start, False,
                           _RUBY_LOOP.search(code, 0, found.start()) is not None)
            elif kind == "ruby_end":
                self.end("end", start)

    def kept(self, m: re.Match[str] | _Span, written: str) -> str:
        """An expression as kept (``written``), or a hole where it stands in a list's, a
        table's or a select's content. Against a tag's name (``<div{{ attributes }}>``) it
        moves one place on, after a space: the name ends before it, and the parser reads the
        expression as attributes (one character of it is left out, the first after its
        ``{{``, to keep the length and the line breaks in it where they were). Where it is
        the tag's name (``<{{ tag }}>``, ``<h{{ level }}>``), it is read as a custom
        element's name, the same in the end tag: an element whose role the data decides,
        its content kept in it. (An expression that spans lines stays as written there.)"""
        text, at = self.text, m.start()
        if "\n" not in written and "\r" not in written:
            if _DYNAMIC_NAME.search(text, max(0, at - 3), at):
                return _dynamic_name("--" if text[at - 1] == "h" else "t--", written)
            if len(written) > 4 and (_GLUED.search(text, max(0, at - 64), at) or
                                     _AFTER_DYNAMIC_NAME.search(text, max(0, at - 256), at)):
                return " " + written[:2] + written[3:]
        if self.writes_children(at):
            return self.hole(m)
        return written

    def writes_children(self, at: int) -> bool:
        """Whether ``at`` is in the content of an element that holds elements alone: after
        such an element's start tag (``<ul>``) or an end tag of what it holds (``</li>``),
        with nothing but space and template tokens between (read back from ``at``: a
        statement may hold a ">", ``{% if n > 0 %}``; 4 KB at most). A run of tokens is
        read back once: where the walk reaches a token asked about before, that token's
        answer is this one's, or False where its walk read below this one's 4 KB (this
        walk would have stopped there). A file of 50,000 expressions in one tag took 11 s,
        each read back over the 600 before it."""
        text = self.text
        memo = self.children
        floor = max(0, at - 4096)
        end = at
        while True:
            if end != at and (known := memo.get(end)) is not None:
                # (a walk that read below this floor would have stopped at it: False)
                memo[at] = known = known if known[1] >= floor else (False, floor)
                return known[0]
            while end > floor and text[end - 1].isspace():
                end -= 1
            opener = _CLOSERS.get(text[end - 2:end])
            if opener is None:
                if text[end - 1:end] == ">":
                    # a JSP's <c:forEach ...>, <c:set .../>, FreeMarker's </#list>: tokens too
                    lt = text.rfind("<", floor, end - 1)
                    if lt >= 0 and self.token_tag(lt):
                        end = lt
                        continue
                break
            end = text.rfind(opener, floor, end - 2)
            if end < 0:
                memo[at] = (False, floor)
                return False
        if end <= floor or text[end - 1] != ">":
            memo[at] = (False, end - 1 if end > floor else floor)
            return False
        lt = text.rfind("<", floor, end)
        while lt >= 0 and text[lt + 1:lt + 2] in ("%", "?"):
            lt = text.rfind("<", floor, lt)
        tag = _TAG_NAME.match(text, lt) if lt >= 0 else None
        found = tag is not None and tag[2].lower() in (_CHILD_ENDS if tag[1] else _CHILDREN_ONLY)
        memo[at] = (found, lt if lt >= 0 else floor)
        return found

    def token_tag(self, at: int) -> bool:
        """Whether the tag at ``at`` is a template's token: a tag of a JSP's tag libraries,
        a FreeMarker directive (``<#list>``, ``<@macro>``)."""
        if self.freemarker:
            return self.text.startswith(("<#", "</#", "<@", "</@"), at)
        library_tag = _JSP_PREFIX.match(self.text, at) if self.libraries is not None else None
        return library_tag is not None and library_tag[1] in (self.libraries or ())

    def in_tag(self, at: int) -> bool:
        """Whether ``at`` is among a start tag's attributes (or in one's quoted value). The
        ``<`` and ``>`` of ERB's and PHP's own tokens (``<?php``, ``%>``) are not a tag's.
        The offsets of the others are listed once (stepping back over the tokens from each
        hole was quadratic: 10,000 ``<?php get_header(); ?>`` lines took 17 s)."""
        brackets = self.brackets
        if brackets is None:
            text = self.text
            brackets = self.brackets = (
                [m.start() for m in _TAG_OPENING.finditer(text)],
                [m.start() for m in _TAG_CLOSING.finditer(text)])
        opens, closes = brackets
        index = bisect_left(opens, at)
        if not index:
            return False
        lt = opens[index - 1]
        index = bisect_left(closes, at)
        return (not index or lt > closes[index - 1]) and self.text[lt + 1:lt + 2].isalpha()

    def in_value(self, at: int) -> bool:
        """Whether ``at``, among a start tag's attributes (:meth:`in_tag` said so), is in an
        attribute's value: in quotes (those in ``{{ }}`` left out), or right after an
        ``=``. The tag is read from its start once: a question about a later offset in
        the same tag goes on from where the last one stopped (a tag of 20,000 modifiers
        took 50 s, read from its start for each)."""
        text = self.text
        assert self.brackets is not None
        opens = self.brackets[0]
        lt = opens[bisect_left(opens, at) - 1]
        scan = self.value_scan
        start, quote = (scan[1], scan[2]) if scan[0] == lt and scan[1] <= at else (lt, "")
        kept: tuple[int, int, str] | None = None
        for m in _QUOTE_OR_EXPRESSION.finditer(text, start, at):
            if kept is None and text.find("{{", start, m.start()) >= 0:
                # (a "{{" not closed before this offset: a quote after it may be inside a
                # {{ }} that a later question reads whole; go on from before it)
                kept = (lt, start, quote)
            token = m[0]
            if len(token) == 1:
                quote = token if not quote else "" if token == quote else quote
            start = m.end()
        if kept is None and text.find("{{", start, at) >= 0:
            kept = (lt, start, quote)
        self.value_scan = kept or (lt, start, quote)
        if quote:
            return True
        while at > 0 and text[at - 1].isspace():
            at -= 1
        return text[at - 1:at] == "="

    def in_raw_text(self, at: int) -> bool:
        """Whether offset ``at`` stands in a raw-text element's content (a title, a
        script...): after its last ``<name`` before ``at`` and no ``</name`` since. The
        offsets of every ``<name`` and ``</name`` of the file are listed once (a search
        back from each hole read the whole text before it: quadratic in a file of holes)."""
        tags = self.raw_tags
        if tags is None:
            tags = self.raw_tags = tuple(
                (_offsets(self.lower, f"<{name}"), _offsets(self.lower, f"</{name}"),
                 len(name) + 1) for name in _RAW_TEXT)
        for opens, closes, width in tags:
            # (a tag wholly before ``at``: one that starts at ``at - width`` at the latest)
            index = bisect_right(opens, at - width)
            if index and bisect_right(closes, at - width - 1) == bisect_right(
                    closes, opens[index - 1]):
                return True
        return False

    def hole(self, m: re.Match[str] | _Span, fill: str = HOLE_FILL) -> str:
        """A hole's mark in place of the token: a comment as long as it, in text only (in a
        start tag or raw text, and where it is too short or its delimiters span lines,
        spaces). ``fill``: :data:`BRANCH_FILL` for an else's mark. Where ``<!--`` and
        ``-->`` do not fit (a token shorter than 8 characters, ``{{>x}}``, ``@else``, or one
        whose first four or last three span a line break), a bogus comment does: ``<!@@@>``,
        which the HTML parser reads as a comment of what stands between ``<!`` and ``>``."""
        token, at = m[0], m.start()
        if len(token) < 4 or _has_line_break(token[:2] + token[-1:], 0, 3):
            return _blank(token)
        if self.in_tag(at):
            return _blank(token)            # among a start tag's attributes
        if self.in_raw_text(at):
            return _blank(token)            # in a title, a script...: text, not markup
        if self.icons is not None and fill == HOLE_FILL and len(token) >= 11 and not (
                _has_line_break(token[:5] + token[-6:], 0, 11)):
            name = included_name(token, self.family)
            if name is not None and self.icons(name):
                # the icon as the partial writes it, as far as the rules can tell: an
                # <svg> with no name
                return "<svg>" + _blank(token[5:-6]) + "</svg>"
        return _hole_mark(token, fill)

    def jinja(self, m: re.Match[str]) -> str:
        if m["expression"] is not None:
            if m["expression"].startswith("{{{") or _JINJA_RAW.search(m["expression"]):
                return self.hole(m)
            if not self.macros_read:
                self.macro_call, self.macros_read = _macro_call(self.text), True
            call = self.macro_call
            if call is not None and call.match(m["expression"]) and not self.in_tag(m.start()):
                return self.hole(m)     # (in a tag's attributes a macro writes their text)
            return self.kept(m, _expression(m["expression"]))
        if m["statement"] is not None:
            name = m["name"]
            if name in _JINJA_CONDITIONS:
                self.begin(name, m.start())
            elif name in _JINJA_LOOPS:
                self.begin(name, m.start(), False, True)
            elif name[:3] == "end" and (name[3:] in _JINJA_CONDITIONS
                                        or name[3:] in _JINJA_LOOPS):
                self.end(name[3:], m.start())
            if name in _WRITING_STATEMENTS:
                text = m["statement"]   # as an expression: {% url "home" %} -> {{ url ... }}
                return _translated(text) or "{{" + text[2:-2].translate(_LOOK_ALIKES) + "}}"
            if name in _HOLE_STATEMENTS:
                return self.hole(m)
            if name in _JINJA_BRANCH_NAMES:
                self.loop_ends(m.start())
                return self.hole(m, BRANCH_FILL)
            if self.writes(name, m["statement"]):
                if self.in_tag(m.start()):     # its text, in a value: as an expression
                    text = m["statement"]
                    return "{{" + text[2:-2].translate(_LOOK_ALIKES) + "}}"
                return self.hole(m)
        return _blank(m[0])

    def writes(self, name: str, statement: str) -> bool:
        """Whether a statement of none of the known lists (a tag of the site's own library:
        ``{% breadcrumbs %}``, ``{% top_menu %}``) writes where it stands: not a block's
        opening whose end is in the file (``{% thumbnail %}..{% endthumbnail %}``), nor
        an end, nor one that assigns a variable (``{% get_settings as s %}``)."""
        if (not name or name in _SILENT_STATEMENTS or name in _JINJA_CONDITIONS
                or name.startswith("end") or _ASSIGNS.search(statement)):
            return False
        ends = self.block_ends
        if ends is None:    # (one pass over the file for every name, not one per name)
            ends = self.block_ends = frozenset(m[1] for m in _JINJA_ENDS.finditer(self.text))
        return name not in ends

    def curly(self, m: re.Match[str]) -> str:
        text = m["expression"]
        if text is None:
            return _blank(m[0])
        block = _CURLY_BLOCK.match(text)
        if block is not None:
            self.curly_block(block, m.start())
            if block["name"] == "link-to" and self.family == "handlebars":
                written = None if self.in_tag(m.start()) else _link_to(text)
                self.link_tos.append(written is not None)
                if written is not None:
                    return written
            elif block["closed"] == "link-to" and self.family == "handlebars" and (
                    self.link_tos and self.link_tos.pop()):
                return "</a>" + _blank(text[4:])
        if _CURLY_HOLE.match(text) or _CURLY_HOLE.search(text, 2) or (
                self.glimmer and _GLIMMER_HOLE.match(text)):
            return self.hole(m)
        if self.glimmer and _GLIMMER_INLINE_IF.match(text):
            return self.kept(m, _expression(text))
        if self.glimmer and _GLIMMER_MODIFIER.match(text) and self.in_tag(m.start()) and (
                not self.in_value(m.start())):
            return _blank(text)         # (in an attribute's value, not a modifier: kept)
        if _CURLY_BRANCH.match(text):
            self.loop_ends(m.start())
            return self.hole(m, BRANCH_FILL)
        if _CURLY_STATEMENT.match(text):
            return _blank(text)
        return self.kept(m, _expression(text))

    def curly_block(self, block: re.Match[str], at: int) -> None:
        """A Handlebars or Mustache block's opening (``{{#if x}}``, ``{{^x}}``, a section
        ``{{#x}}``: conditional, but a loop's or a context's) or end (``{{/if}}``); a Go
        template's action that opens a block (``{{ if }}``, ``{{ with }}``: conditional;
        ``{{ range }}``, ``{{ define }}``) or ends one (``{{ end }}``)."""
        if block["open"] is not None:
            name = block["name"] or ""
            self.begin(name, at, block["open"] == "^" or name not in _CURLY_NOT_CONDITIONS,
                       block["open"] == "#" and name in ("each", "foreach"))
        elif block["close"] is not None:
            self.end(block["closed"] or "", at)
        elif self.family == "go":
            if block["go"] == "end":
                self.end(None, at)
            else:
                self.begin("", at, block["go"] in ("if", "with"), block["go"] == "range")

    def placeholder(self, m: re.Match[str]) -> str:
        """A placeholder (``__BODY__``), replaced by what the data holds as it stands, markup
        or text: in content a hole; among a tag's attributes, in a value and in raw text (a
        title, a style) an expression, ``{{BODY}}``."""
        at = m.start()
        if self.in_tag(at) or self.in_raw_text(at):
            return self.kept(m, "{{" + m[0][2:-2] + "}}")
        return self.hole(m)

    def erb(self, m: re.Match[str]) -> str:
        kind = m["kind"]
        if kind != "#":
            # (EJS's blocks are braces; ERB's, Ruby's keywords)
            body = m["body"]
            self.code_blocks(body, m.start(), _BRACE_BLOCKS if "{" in body or "}" in body
                             else _RUBY_BLOCKS)
            if (_ERB_CAPTURE if kind == "" else _ERB_RAW_BLOCK).match(body) and (
                    self.blocks and self.blocks[-1][1] == m.start()):
                self.captures.add(m.start())
        if kind == "==" or (kind in ("=", "-") and _ERB_HOLE.match(m["body"])):
            return self.hole(m)
        if kind in ("=", "-"):
            return self.kept(m, _delimited("<%" + kind, m["body"], m["close"]))
        if kind == "" and _ERB_BRANCH.match(m["body"]):
            return self.hole(m, BRANCH_FILL)
        return _blank(m[0])

    def php(self, m: re.Match[str]) -> str:
        opening = "<?" + (m["open"] or "")
        body = m["body"]
        if not m["close"]:
            return _blank(m[0])
        code = body if "/" not in body and "#" not in body else _PHP_COMMENT.sub(
            lambda comment: _blank(comment[0]), body)
        self.code_blocks(code, m.start(), _PHP_BLOCKS)
        if _PHP_HOLE.match(code):
            return self.hole(m)
        if (m["open"] == "=" or _PHP_WRITES.match(code) or (
                _PHP_CALL.match(code) and self.in_tag(m.start()))) and not (
                _PHP_MARKUP.search(code)):
            # (a call among a start tag's attributes writes some: <html <?php
            # language_attributes(); ?>> has its lang; read as attributes an expression writes)
            return self.kept(m, _delimited(opening, body, m["close"]))
        if _PHP_BRANCH.match(code):
            return self.hole(m, BRANCH_FILL)
        if _PHP_HOLE_INSIDE.search(code) or any(
                not _PHP_SILENT.match(call[1]) for call in _PHP_STATEMENT_CALL.finditer(code)):
            return self.hole(m)
        if _PHP_WRITES_INSIDE.search(code):
            return self.kept(m, _delimited(opening, body, m["close"]))
        return _blank(m[0])


    def jsp(self, m: re.Match[str]) -> str:
        if self.libraries is None:
            self.libraries = dict(_JSP_DEFAULT_PREFIXES)
            for prefix, where in _JSP_TAGLIB.findall(self.text):
                self.libraries[prefix] = next(
                    (library for part, library in _JSP_LIBRARIES if part in where), "own")
        if m["el"] is not None:
            return self.el(m)
        if m["local"] is not None:
            return self.jsp_tag(m)
        kind = m["kind"]
        if kind == "=":
            return self.kept(m, _delimited("<%=", m["body"], "%>"))
        if kind == "" and m["body"] is not None:
            self.code_blocks(m["body"], m.start(), _BRACE_BLOCKS)
            if _JSP_WRITES.match(m["body"]):
                return self.hole(m)
            if _JSP_BRANCH.match(m["body"]):
                return self.hole(m, BRANCH_FILL)
        return _blank(m[0])     # a comment, a directive, a declaration, what a tag captures

    def jsp_tag(self, m: re.Match[str]) -> str:
        """A tag of a tag library: what its library says it writes (nothing, text, another
        branch), or, for a project's own tags and those that include, markup: a hole. A
        prefix no tag library of the page names (``<o:p>``, ``<svg:rect>``) is markup."""
        library = (self.libraries or {}).get(m["prefix"])
        if library is None:
            return m[0]
        local, end, attributes = m["local"], m["end"] is not None, m["attributes"]
        if (library, local) in _JSP_CONDITIONS and not attributes.endswith("/"):
            if end:
                self.end(local, m.start())
            else:
                self.begin(local, m.start())
        elif (library, local) in _JSP_LOOPS and not attributes.endswith("/"):
            if end:
                self.end(local, m.start())
            else:
                self.begin(local, m.start(), False, True)
        if library == "core" and local == "choose":
            return self.choice(m, end, attributes.endswith("/"))
        if library == "core" and local in ("when", "otherwise"):
            if end:
                return _blank(m[0])
            return self.case(m) if local == "when" else self.hole(m, BRANCH_FILL)
        if library == "struts" and local in ("elseif", "else"):
            return _blank(m[0]) if end else self.hole(m, BRANCH_FILL)
        if local in _JSP_SILENT.get(library, ()):
            return _blank(m[0])
        if local in _JSP_TEXT.get(library, ()):
            if end or _JSP_VAR.search(attributes):
                return _blank(m[0])             # (into a variable: nothing written here)
            if _JSP_RAW_OUT.search(attributes):
                return self.hole(m)             # <c:out escapeXml="false">: markup
            value = _JSP_VALUE.search(attributes)
            shown = (value[1] or value[2] or "") if value is not None else local
            if len(m[0]) < 4 or "\n" in m[0] or "\r" in m[0]:
                return self.kept(m, _blank(m[0]))
            inner = len(m[0]) - 4
            return self.kept(m, "{{" + shown.translate(_LOOK_ALIKES)[:inner].center(inner)
                             + "}}")
        return self.hole(m)

    def el(self, m: re.Match[str], raw: bool = False) -> str:
        """An expression of JSP's EL or FreeMarker (``${story.title}``): kept as long as it
        was written, ``{{``, its body and its ``}``; a hole where it writes markup (a string
        of it, ``${'<h'}${level}``, or a value written ``raw``)."""
        if raw or _MARKUP_STRING.search(m["el"]):
            return self.hole(m)
        return self.kept(m, "{{" + m["el"].translate(_LOOK_ALIKES) + "}")

    def choice(self, m: re.Match[str], end: bool, closed: bool) -> str:
        """A choice's start or end (``<c:choose>``, ``<#switch>``; ``closed``: one that
        closes itself): its cases are alternatives (:meth:`case`)."""
        if end:
            if self.cases:
                self.cases.pop()
        elif not closed:
            self.cases.append(False)
        return _blank(m[0])

    def case(self, m: re.Match[str]) -> str:
        """A case of the choice open: nothing for its first, another branch's mark for the
        rest."""
        if self.cases and not self.cases[-1]:
            self.cases[-1] = True
            return _blank(m[0])
        return self.hole(m, BRANCH_FILL)

    def freemarker_token(self, m: re.Match[str]) -> str:
        # (not named freemarker: that is the flag it sets, which token_tag() reads)
        self.freemarker = True
        if m["el"] is not None:
            return self.el(m, raw="?no_esc" in m["el"])     # (written unescaped: ftlh)
        name, end = m["name"], m["end"] is not None
        if name is None:
            return _blank(m[0])                 # a comment, what a directive captures
        if m["kind"] == "@":
            return self.hole(m)                 # a macro's call writes its markup
        if name in ("if", "switch", "list") and not m["arguments"].endswith("/"):
            if end:
                self.end(name, m.start())
            else:
                self.begin(name, m.start(), name != "list", name == "list")
        if name == "switch":
            return self.choice(m, end, False)
        if name in ("case", "on") and not end:
            return self.case(m)
        if name in _FTL_BRANCHES and not end:
            self.loop_ends(m.start())           # (<#list>..<#else>: the empty case)
            return self.hole(m, BRANCH_FILL)
        if name in _FTL_HOLES:
            return self.hole(m)
        return _blank(m[0])

    def velocity(self, m: re.Match[str]) -> str:
        reference = m["reference"]
        if reference is not None:
            chain = reference
            while True:                     # (its calls' and indexes' arguments set apart)
                bare = _VTL_CALL.sub("", chain)
                if bare == chain:
                    break
                chain = bare
            if _VTL_MARKUP.search(chain.strip("$!{}").rsplit(".", 1)[-1]):
                return self.hole(m)
            if "{" in reference[:3]:        # ${x}, $!{x}: "{{", its body, "}"
                inner = reference[reference.index("{") + 1:-1]
                return self.kept(m, "{{" + inner.translate(_BODY_LOOK_ALIKES).rjust(
                    len(reference) - 3) + "}")
            # ($!x: written as nothing when null)
            return self.kept(m, _opened(reference, 2 if reference[1:2] == "!" else 1))
        if m["literal"] is not None:        # #[[ ... ]]#: written as it stands
            text = m[0]
            closed = text.endswith("]]#")
            return "   " + text[3:len(text) - 3 * closed] + "   " * closed
        name = m["name"]
        if name is None:
            return _blank(m[0])             # a comment
        if name in _VTL_BLOCKS or name.startswith("@"):
            self.begin("", m.start(), name == "if", name == "foreach")
        elif name == "end":
            self.end(None, m.start())
        if name in _VTL_BRANCHES:
            trail = m["trail"] or ""
            core = _Span(m[0][:len(m[0]) - len(trail)], m.start())
            if trail and _mark_fits(core.text):
                return self.hole(core, BRANCH_FILL) + trail
            return self.hole(m, BRANCH_FILL)
        if name in _VTL_SILENT:
            return _blank(m[0])
        if name in _VTL_HOLES or m["args"] is not None or name.startswith("@"):
            return self.hole(m)             # an include, a macro's call
        return m[0]                         # #top, #fff: text

    def thymeleaf(self, m: re.Match[str]) -> str:
        if self.laid_out is None:
            self.laid_out = _th_partial(self.text)
        if m["removed"] is not None:
            return _blank(m[0])             # (a prototype comment's content is rendered)
        if m["doctype"] is not None:
            return _blank(m[0]) if self.laid_out else m[0]
        if m["block"] is not None:
            return self.th_block(m)
        if m["inline"] is not None:
            token = m["inline"]
            if token.startswith("[("):
                return self.hole(m)         # [(${x})]: unescaped, markup
            return self.kept(m, "{{" + token[2:-2].translate(_LOOK_ALIKES) + "}}")
        if m["tag"] is None:
            return m[0]                     # an HTML comment
        attributes = m["attributes"]
        if m["tag"].lower() == "html" and self.laid_out:
            return _blank(m[0])
        if "th:" not in attributes and "data-th-" not in attributes:
            return m[0]
        return m[0][:m.start("attributes") - m.start()] + _th_attributes(attributes) + ">"

    def th_block(self, m: re.Match[str]) -> str:
        """A ``<th:block>`` tag: nothing of its own, but what its processors write: a
        text (``th:text``: an expression), markup (``th:utext``, ``th:insert``,
        ``th:replace``: a hole)."""
        token = m[0]
        found = _TH_BLOCK_WRITES.search(token)
        if found is None or len(token) < 4 or _has_line_break(token, 0, len(token)):
            return _blank(token)
        if found["what"].lower() != "text":
            return self.hole(m)
        shown = _TH_EXPRESSION.sub("", found["value"] or "").strip("\"'{}")
        inner = len(token) - 3
        return self.kept(m, "{{" + shown.translate(_LOOK_ALIKES)[:inner].center(inner) + "}")

    def blade(self, m: re.Match[str]) -> str:
        if m["body"] is not None:
            return self.php(m)
        if m["raw"] is not None:
            return self.hole(m)
        if m["verbatim"] is not None:     # @{{ x }}: "{{ x }}", for a script in the page
            return " " + m["verbatim"]
        if m["expression"] is not None:
            if _BLADE_SLOT.match(m["expression"]):
                return self.hole(m)             # a component's slot: the markup it is given
            return self.kept(m, _expression(m["expression"]))
        name = m["name"]
        if name is None:
            return _blank(m[0])                 # a comment, a block of PHP
        lower, args = name.lower(), m["args"]
        closer = _BLADE_CONDITIONS.get(lower)
        if closer is not None and (args is not None or lower in ("auth", "guest",
                                                                 "production")):
            self.begin(closer, m.start())
        elif lower in _BLADE_CONDITION_ENDS or lower in _BLADE_LOOP_ENDS:
            self.end(lower, m.start())
        elif lower in _BLADE_LOOPS and args is not None:
            self.begin(_BLADE_LOOPS[lower], m.start(), False, True)
        if self.in_tag(m.start()):
            if args is None and (self.text[m.end():m.end() + 1] in ("=", ".", ":")
                                 or lower not in _BLADE_STATEMENTS):
                return m[0]     # Alpine's @click="...", an @handle in a value: as written
            lead = m["lead"]
            if lower in _BLADE_ATTRIBUTES and len(m[0]) - len(lead) >= 4:
                # writes attributes
                return lead + "{{" + _blank(m[0][len(lead) + 2:-2]) + "}}"
            return _blank(m[0])
        if lower in _BLADE_HOLES:
            return self.hole(m)
        if lower in _BLADE_BRANCHES or (lower == "empty" and args is None):
            self.loop_ends(m.start())
            return self.hole(m, BRANCH_FILL)    # (@empty alone: a @forelse's empty case)
        if lower in ("lang", "choice") and args is not None:
            return _blade_translated(m[0], args)
        if lower in _BLADE_STATEMENTS or args is not None:
            return _blank(m[0])
        return m[0]                             # @handle: text


# An EL or FreeMarker expression (its quoted strings read whole), and a string in one that
# holds markup
_EL = r"""[$#]\{(?P<el>(?:[^{}"']|"[^"]*"|'[^']*')*)\}"""
_MARKUP_STRING = re.compile(r"""["'][^"']*[<>]""")

# JavaServer Pages (OpenCms, Magnolia's and Escenic's JSP templates): comments; directives,
# declarations, expressions and scriptlets; what <c:set> or <jsp:attribute> capture; the
# tags of tag libraries (<c:if>, <fmt:message/>, a project's own <m:image/>); and EL
# expressions (${story.title}, #{bean.x}), quoted strings in them read whole
# (a quoted value does not run over another library tag's opening: one left open fails
# there, not at the end of the file)
_JSP_QUOTED = r"""(?:[^"'<]|<(?![A-Za-z][\w-]*:[A-Za-z]))"""
_JSP_TAG_ATTRIBUTES = (r"""(?:[^>"']|"(?:""" + _JSP_QUOTED + r"""|')*"|'(?:"""
                       + _JSP_QUOTED + r"""|")*')*""")
_JSP_TOKENS = re.compile(
    r"<%--.*?(?:--%>|\Z)"
    r"|<%(?P<kind>[@!=]?)(?P<body>" + _to("<%") + ")(?P<close>%>)"
    rf"|<(?P<captured>c:set|jsp:attribute)\b{_JSP_TAG_ATTRIBUTES}(?<!/)>"
    r".*?(?:</(?P=captured)\s*>|\Z)"
    r"|<(?P<end>/)?(?P<prefix>[A-Za-z][\w-]*):(?P<local>[A-Za-z][\w.-]*)"
    rf"(?P<attributes>{_JSP_TAG_ATTRIBUTES})>"
    r"|" + _EL,
    re.S)
# A page's tag libraries, by their prefix and their URI or folder (<%@ taglib prefix="c"
# uri="http://java.sun.com/jsp/jstl/core" %>), and the libraries whose tags are known
_JSP_TAGLIB = re.compile(
    r"""<%@\s*taglib\b(?=[^%]*\bprefix\s*=\s*["']([\w-]+)["'])"""
    r"""(?=[^%]*\b(?:uri|tagdir)\s*=\s*["']([^"']*)["'])""")
_JSP_LIBRARIES = (("jstl/core", "core"), ("jstl/fmt", "fmt"), ("jstl/functions", "fn"),
                  ("springframework.org/tags/form", "form"),
                  ("springframework.org/tags", "spring"), ("security/tags", "sec"),
                  ("struts-tags", "struts"))
# (the prefixes a page may use undeclared, its taglib directives in an included file:
# Apache Roller's views include taglibs-struts2.jsp)
_JSP_DEFAULT_PREFIXES = {"c": "core", "fmt": "fmt", "fn": "fn", "jsp": "jsp",
                         "spring": "spring", "sec": "sec", "form": "form", "s": "struts"}
# What each known library's tags write: nothing (a condition, a loop, a setting), text, or
# the start of another branch; any other tag (a project's own, <jsp:include>, <c:import>,
# Spring's form controls, Tiles) writes markup: a hole
_JSP_SILENT = {
    "core": frozenset(("if", "choose", "forEach", "forTokens", "catch", "remove", "param",
                       "redirect", "set")),
    "fmt": frozenset(("setLocale", "setBundle", "bundle", "requestEncoding", "setTimeZone",
                      "timeZone", "param")),
    "jsp": frozenset(("useBean", "setProperty", "param", "params", "body", "attribute",
                      "fallback")),
    "spring": frozenset(("bind", "nestedPath", "hasBindErrors", "htmlEscape", "param",
                         "argument")),
    "sec": frozenset(("authorize", "accesscontrollist")),
    "struts": frozenset(("if", "iterator", "set", "param", "push", "bean", "i18n", "append",
                         "generator", "merge", "sort", "subset")),
}
_JSP_TEXT = {
    "core": frozenset(("out", "url")),
    "fmt": frozenset(("message", "formatDate", "formatNumber", "parseDate", "parseNumber")),
    "jsp": frozenset(("getProperty", "expression", "text")),
    "spring": frozenset(("message", "theme", "url", "eval", "escapeBody", "transform")),
    "sec": frozenset(("authentication",)),
    # (Struts 2: a message's text, a value, a date, a number, a URL)
    "struts": frozenset(("text", "property", "date", "number", "url")),
}
# The tags whose content is rendered on a condition (Struts 2's <s:elseif> and <s:else>
# follow their <s:if>: each is another branch)
_JSP_CONDITIONS = frozenset((("core", "if"), ("core", "choose"), ("sec", "authorize"),
                             ("spring", "hasBindErrors"), ("struts", "if"),
                             ("struts", "elseif"), ("struts", "else")))
_JSP_LOOPS = frozenset((("core", "forEach"), ("core", "forTokens"), ("struts", "iterator")))
_JSP_PREFIX = re.compile(r"</?([A-Za-z][\w-]*):[A-Za-z]")
_JSP_RAW_OUT = re.compile(r"""\sescape(?:Xml|Html)\s*=\s*["']\s*false\b""")
_JSP_VAR = re.compile(r"""\svar\s*=""")
_JSP_VALUE = re.compile(r"""\s(?:value|key|code|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# A scriptlet that writes (out.print(), an include) or begins another branch (} else {)
_JSP_WRITES = re.compile(r"\s*(?:out\s*\.\s*(?:print|println|write)|pageContext\s*\.\s*include"
                         r"|request\s*\.\s*getRequestDispatcher)\b")
_JSP_BRANCH = re.compile(r"\s*\}\s*else\b")


# FreeMarker (Magnolia's, Liferay's, Bloomreach's and Halo's templates): comments; what
# <#assign x>, <#global x>, <#local x> and <#function> capture; directives (<#if>, </#list>,
# <#include>) and user directives, a macro's call (<@layout.put>); interpolations (${x},
# #{x}). A directive's arguments may hold ">" in parentheses and quoted strings
_FTL_QUOTED = r"""(?:"(?:[^"\\<]|\\.|<(?![#@/]))*"|'(?:[^'\\<]|\\.|<(?![#@/]))*')"""
_FTL_ARGUMENTS = r"""(?:[^<>"'()]|\((?:[^()"']|""" + _FTL_QUOTED + r""")*\)|""" + _FTL_QUOTED + ")*"
_FTL_TOKENS = re.compile(
    r"<#--.*?(?:-->|\Z)"
    r"|<#(?P<captured>assign|global|local)\s+[\w.]+\s*>.*?(?:</#(?P=captured)\s*>|\Z)"
    r"|<#function\b" + _FTL_ARGUMENTS + r">.*?(?:</#function\s*>|\Z)"
    # (with the space before it on its line: an <#else>'s mark needs room)
    r"|[ \t]*<(?P<end>/)?(?P<kind>[#@])(?P<name>[\w.]+)(?P<arguments>" + _FTL_ARGUMENTS + ")>"
    r"|" + _EL,
    re.S)
_FTL_BRANCHES = frozenset(("else", "elseif", "recover", "default"))
_FTL_HOLES = frozenset(("include", "nested", "recurse", "visit"))


# Razor (ASP.NET's .cshtml views and Blazor's .razor components: Umbraco, Orchard Core,
# Sitecore, Kentico, Piranha): "@" begins C# in markup, and markup begins again in C#
# where a statement may begin, so no one pattern reads a file: a scanner (_Razor) follows
# the two, its braces and parentheses balanced, C#'s strings and comments read whole.
_RAZOR_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
# Directives (what a view is, what it imports: nothing written), a view's blocks of C#
# (members: nothing written where they stand), and the statements whose block holds code
_RAZOR_DIRECTIVES = frozenset((
    "model", "using", "inherits", "inject", "implements", "layout", "page", "namespace",
    "addTagHelper", "removeTagHelper", "tagHelperPrefix", "attribute", "preservewhitespace",
    "rendermode", "typeparam"))
_RAZOR_MEMBERS = frozenset(("functions", "code"))
_RAZOR_CONTROL = frozenset((
    "if", "foreach", "for", "while", "switch", "using", "lock", "try", "do"))
_RAZOR_CONTINUED = {"if": ("else",), "try": ("catch", "finally"), "do": ("while",)}
_RAZOR_CONTINUATION = re.compile(r"\s*(else|catch|finally|while)\b")
# C#'s keywords: after "@" in code, a verbatim identifier (new { @class = "x" }), not C#
# written out
_CSHARP_KEYWORDS = frozenset((
    "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked",
    "class", "const", "continue", "decimal", "default", "delegate", "do", "double", "else",
    "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for",
    "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
    "long", "namespace", "new", "null", "object", "operator", "out", "override", "params",
    "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
    "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw",
    "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using",
    "virtual", "void", "volatile", "while"))
# An expression that writes markup another file or the data holds: an HTML helper (but
# those that write a text: Html.Encode, Html.DisplayNameFor...), a layout's body and
# sections, a view component, Umbraco's macros, grids and block lists, an HtmlString
_RAZOR_HOLE = re.compile(
    r"\bHtml\s*\.\s*(?!(?:Encode|AttributeEncode|DisplayName|DisplayNameFor|"
    r"DisplayNameForModel|DisplayText|DisplayTextFor|NameFor|NameForModel|IdFor|IdForModel|"
    r"ValueFor|Id|Name|Value|ViewData|ViewBag|ViewContext|GenerateIdFromName|FieldIdFor|"
    r"FieldNameFor|NameOf)\b)[A-Za-z_]"
    r"|\b(?:RenderBody(?:Async)?|RenderSection(?:Async)?|RenderPage|RenderPartial|"
    r"CachedPartial|Display(?:Async)?|New\s*\.\s*\w+|"
    r"Component\s*\.\s*InvokeAsync|Umbraco\s*\.\s*(?:RenderMacro|RenderTemplate)(?:Async)?)\b"
    r"|\.\s*(?:ToHtmlString|GetGridHtml|GetBlockListHtml|GetBlockGridHtml\w*)\b"
    r"|\bnew\s+(?:Html|Markup)String\b")
# ... and a statement of C# that writes markup
_RAZOR_CODE_HOLE = re.compile(
    r"\b(?:Html\s*\.\s*Render\w*|RenderBody|RenderSection(?:Async)?|RenderPartial|"
    r"Write(?:Literal)?|Output\s*\.\s*Write)\s*\(")
# A localizer's text (@Localizer["Read more"], Orchard Core's @T["Read more"], Orchard's
# @T("Read more")): that text
_RAZOR_LOCALIZED = re.compile(
    r"""@\(?\s*(?:\w*Localizer|T|L|S)\s*[\[(]\s*"([^"\\\r\n{}<>]+)"\s*[\]),]""")
_RAZOR_MARKUP_EVENTS = re.compile(r"@|<!--|<(/?)([A-Za-z][\w:.-]*)|[}\n]")
_RAZOR_CODE_EVENTS = re.compile(
    r"""(?:@\$?|\$@?)?"|'|//|/\*|@\*|@|[{}]|<(?=/?[A-Za-z])"""
    r"""|\b(?:else|case|default|switch)\b""")
_RAZOR_HEADER_EVENTS = re.compile(r"""[()"'{};<]""")
_RAZOR_BALANCE_EVENTS = re.compile(r"""[()\[\]"']""")
_RAZOR_TAG_EVENTS = re.compile(r"""[>"']|@(?=[A-Za-z_(])""")
_RAZOR_BLOCK_EVENTS = re.compile(r"""[{}"]|//|/\*|@\*""")
_CSHARP_STRING = re.compile(r'"(?:[^"\\\r\n]|\\.)*"?')
_CSHARP_VERBATIM = re.compile(r'"(?:[^"]|"")*"?')
_CSHARP_CHARACTER = re.compile(r"'(?:[^'\\\r\n]|\\.){1,8}'")
_RAZOR_ELSE = re.compile(r"(?:else(?:[ \t]+if[ \t]*\((?:[^()\r\n]|\([^()\r\n]*\))*\))?"
                         r"|catch(?:[ \t]*\([^()\r\n]*\))?)[ \t]*\{?")
_RAZOR_CASE = re.compile(r"(?:case\b[^:\r\n]*|default\s*):")
# Tag helpers: an asp- attribute writes the element's attributes (<a asp-action="Index">
# has an href, <input asp-for="Email"> a type, an id, a name); Blazor's directive attributes
# (@onclick="...", @bind-Value) write none, but @attributes writes any
_ASP_ATTRIBUTE = re.compile(r"(?<=\s)asp-[\w-]+")
_BLAZOR_ATTRIBUTE = re.compile(r"""@([\w:-]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")
_BLAZOR_DIRECTIVE_ATTRIBUTES = re.compile(r"(?:on\w+|bind(?:-[\w:-]+)?|ref|key|formname|"
                                          r"rendermode|attributes|preventDefault)\Z")
# Tags that render their content only (Razor's <text>, the environment and cache tag
# helpers) and those whose view writes markup (<partial>, a view component, <component>;
# in Blazor, a component is any tag whose name begins with a capital)
_RAZOR_CONTENT_ONLY = frozenset((
    "text", "environment", "cache", "distributed-cache",
    # (Blazor's components that render their child content alone, and those whose content
    # is another branch's: what a user not signed in sees, what an error shows)
    "authorizeview", "authorized", "cascadingvalue", "cascadingauthenticationstate",
    "childcontent", "errorboundary", "notauthorized", "authorizing", "errorcontent"))
_BLAZOR_BRANCHES = frozenset(("notauthorized", "authorizing", "errorcontent"))
_RAZOR_NESTING = 100     # (a file nested deeper is read as text from there)


def is_tag_helper(name: str) -> bool:
    """Whether an attribute of the text parsed is a Razor tag helper's or a Thymeleaf
    processor's that writes the element's attributes (``asp-action``, parsed as
    ``{{p-action``; ``th:attr``, parsed as ``{{:attr``)."""
    return name.startswith((_ASP_MARK, _TH_MARK, _REPLACED_MARK))


def attribute_as_written(name: str) -> str:
    """An attribute's name as the template wrote it (a tag helper's: ``asp-action``)."""
    if name.startswith(_ASP_MARK):
        return "asp-" + name[4:]
    return "th" + name[2:] if name.startswith((_TH_MARK, _REPLACED_MARK)) else name


def writes_content(el: object) -> bool:
    """Whether an element's content is written by the template where it stands, not as
    written in the file (Thymeleaf's ``th:text``, ``th:utext``, ``th:insert``: parsed as an
    attribute ``@@-text``...; ``th:replace``, which replaces the element, attributes and
    all: ``{{@replace``)."""
    attributes = getattr(el, "attrib", None) or {}
    return any(name.startswith((CONTENT_MARK, _REPLACED_MARK)) for name in attributes)


def is_looped(el: object) -> bool:
    """Whether an element is written once for each item of a loop (a Thymeleaf
    ``th:each``, parsed as ``%%-each``)."""
    attributes = getattr(el, "attrib", None) or {}
    return any(name.startswith(_LOOP_MARK) for name in attributes)


def is_conditional(el: object) -> bool:
    """Whether an element is rendered on a condition (a Thymeleaf ``th:if``, ``th:unless``
    or ``th:case``, parsed as ``~~-if``...): two elements in two such elements may be
    alternatives (:func:`a11y_audit.checks.holes.branch_between`)."""
    attributes = getattr(el, "attrib", None) or {}
    return any(name.startswith(_CONDITION_MARK) for name in attributes)


_ASP_MARK = EXPRESSION + "p-"
_TH_MARK = EXPRESSION + ":"
_REPLACED_MARK = EXPRESSION + "@"
_CONDITION_MARK = "~~-"
# ... and once for each item of a loop (a Thymeleaf th:each, parsed as "%%-each")
_LOOP_MARK = "%%-"
# (the attribute that marks an element whose content the template writes)
CONTENT_MARK = "@@-"


def _razor_component(tag: str) -> bool:
    lower = tag.lower()
    return (lower in ("partial", "component", "shape", "resources") or lower.startswith("vc:")
            or tag[0].isupper())


class _Razor:
    """One Razor file's neutralising: markup, where ``@`` begins C# (an expression, a code
    block, a control statement, a directive, a comment), and C#, where an element, an
    ``@:`` line or ``<text>`` begins markup where a statement may begin. C# renders
    nothing; an expression is kept as ``{{``, its text and ``}``, as long as it was written;
    a hole, a branch and a translated text as the other families'."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out = list(text)
        self.neutraliser = _Neutraliser(text)
        # (the marks written over C# read blank: branches, statements that write markup)
        self.marks: list[tuple[int, str]] = []
        self.depth = 0
        self.in_start_tag = False
        # (what reading balanced parentheses and statements' headers may still cost, in
        # characters stepped over: a file of thousands of unclosed "@(" is read in linear
        # time, its rest as text once this is spent)
        self.budget = 16 * len(text) + 65536

    def read(self) -> str:
        self.markup(0, "file")
        for at, written in self.marks:
            self.put(at, written)
        return "".join(self.out)

    def put(self, at: int, written: str) -> None:
        self.out[at:at + len(written)] = written

    def blank(self, start: int, end: int) -> None:
        self.put(start, _blank(self.text[start:end]))

    def mark(self, start: int, end: int, fill: str = HOLE_FILL) -> None:
        """A hole's or a branch's mark over C# (none in a start tag: no comment stands
        there, and the C# reads blank)."""
        if not self.in_start_tag:
            self.marks.append((start, self.neutraliser.hole(
                _Span(self.text[start:end], start), fill)))

    # -- markup ---------------------------------------------------------------------------

    def markup(self, at: int, until: str, name: str = "") -> int:
        """Reads markup from ``at`` to the end of what holds it; returns where it ended.
        ``until``: "file"; "brace", a section's closing brace (its position); "line", an
        ``@:`` line's end (its line break's position); "element", the end of the element
        ``name`` whose start tag is at ``at``."""
        text, depth = self.text, 0
        self.depth += 1
        try:
            while self.depth < _RAZOR_NESTING:
                m = _RAZOR_MARKUP_EVENTS.search(text, at)
                if m is None:
                    return len(text)
                token, start = m[0], m.start()
                if token == "@":
                    at = self.transition(start, code=False)
                elif token == "<!--":
                    end = text.find("-->", start + 4)
                    at = len(text) if end < 0 else end + 3
                elif token == "\n" or token == "}":
                    if until == ("line" if token == "\n" else "brace"):
                        return start
                    at = start + 1
                else:
                    tag, lower = m[2], m[2].lower()
                    end = self.tag_end(m.end())
                    if m[1]:
                        if lower in _RAZOR_CONTENT_ONLY or _razor_component(tag):
                            self.blank(start, end)
                        at = end
                        if until == "element" and lower == name:
                            depth -= 1
                            if depth <= 0:
                                return end
                        continue
                    closed = text[end - 2:end] == "/>" or lower in VOID_ELEMENTS
                    at = self.start_tag(tag, start, m.end(), end)
                    if until == "element" and lower == name:
                        if closed and depth == 0:
                            return end
                        depth += 0 if closed else 1
                    if lower in ("script", "style") and not closed:
                        at = self.raw_text(at, lower)
            return at
        finally:
            self.depth -= 1

    def start_tag(self, tag: str, start: int, name_end: int, end: int) -> int:
        """A start tag: a component's a hole, a tag that renders its content only nothing,
        and any other's attributes read (an asp- attribute writes attributes; ``@`` begins
        C#); returns where its reading ended."""
        text, lower = self.text, tag.lower()
        if lower == "zone":                 # (Orchard Core's: written in the layout's zone)
            close = self.neutraliser.lower.find("</zone", end)
            close = len(text) if close < 0 else self.tag_end(close + 6)
            self.blank(start, close)
            return close
        if lower in _RAZOR_CONTENT_ONLY:
            self.blank(start, end)
            if lower in _BLAZOR_BRANCHES:
                self.put(start, self.neutraliser.hole(_Span(text[start:end], start),
                                                      BRANCH_FILL))
            return end
        if _razor_component(tag):
            self.put(start, self.neutraliser.hole(_Span(text[start:end], start)))
            return end
        for helper in _ASP_ATTRIBUTE.finditer(text, name_end, end):
            self.put(helper.start(), EXPRESSION)
        at, outer = name_end, self.in_start_tag
        self.in_start_tag = True
        try:
            while at < end:
                at = text.find("@", at, end)
                if at < 0:
                    return end
                at = self.transition(at, code=False)
        finally:
            self.in_start_tag = outer
        return at

    def tag_end(self, at: int) -> int:
        """After the end of the tag whose attributes begin at ``at``: quoted values read
        whole, and C# in them (``onclick="f('@(x.Replace("'", ""))')"``)."""
        text, quote, i = self.text, "", at
        while True:
            m = _RAZOR_TAG_EVENTS.search(text, i)
            if m is None:
                return len(text)
            token, i = m[0], m.end()
            if token == "@":
                start = m.start()
                if not start or not (text[start - 1].isalnum() or text[start - 1] == "_"):
                    word = _RAZOR_IDENTIFIER.match(text, i)
                    if word is not None and word[0] in _RAZOR_CONTROL:
                        end = self.statement_end(word[0], word.end())
                    else:
                        end = self.balanced(i) if text[i] == "(" else self.implicit(i)
                    i = max(end, i)
            elif quote:
                quote = "" if token == quote else quote
            elif token == ">":
                return i
            else:
                quote = token

    def statement_end(self, name: str, at: int) -> int:
        """After the control statement ``name`` whose header begins at ``at`` (its blocks,
        an else's too), read without writing (in a tag: ``<input @if (x) { <text>checked
        </text> }>``); ``at`` where it has no block."""
        end = at
        while True:
            brace = self.header_brace(end)
            if brace < 0:
                return end
            end = self.block_end(brace)
            m = _RAZOR_CONTINUATION.match(self.text, end)
            if m is None or m[1] not in _RAZOR_CONTINUED.get(name, ()) or m[1] == "while":
                return end
            end = m.end()

    def block_end(self, brace: int) -> int:
        """After the brace that closes the block opened at ``brace`` (C#'s strings and
        comments read whole); the end of the file where none does."""
        text, depth, i = self.text, 0, brace
        while True:
            m = self.event(_RAZOR_BLOCK_EVENTS, i, len(text))
            if m is None:
                return len(text)
            token, i = m[0], m.end()
            if token == '"':
                i = self.string_end(m.start())
            elif token in ("//", "/*", "@*"):
                closer = {"//": "\n", "/*": "*/", "@*": "*@"}[token]
                end = text.find(closer, i)
                i = len(text) if end < 0 else end + len(closer)
            elif token == "{":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return i

    def raw_text(self, at: int, name: str) -> int:
        """A script's or a style's text, where only ``@`` begins C#: to its end tag."""
        close = self.neutraliser.lower.find("</" + name, at)
        close = len(self.text) if close < 0 else close
        while at < close:
            at = self.text.find("@", at, close)
            if at < 0:
                return close
            at = self.transition(at, code=False)
        return at

    # -- transitions ----------------------------------------------------------------------

    def transition(self, at: int, code: bool) -> int:
        """What the ``@`` at ``at`` begins (in markup, or where a statement may begin in
        code); returns where it ends."""
        text = self.text
        following = text[at + 1:at + 2]
        if following == "@":
            self.put(at, " @")              # an escaped "@"
            return at + 2
        if following == "*":
            end = text.find("*@", at + 2)
            end = len(text) if end < 0 else end + 2
            self.blank(at, end)
            return end
        if following == "{":
            return self.block(at, at + 1)
        if following == "(":
            end = self.balanced(at + 1)
            if end < 0:
                return self.literal(at, code)
            self.expression(at, end)
            return end
        if code and following == ":":
            self.blank(at, at + 2)          # a line of text
            return self.markup(at + 2, "line")
        if code and following == "<":
            self.blank(at, at + 1)          # a template of markup
            tag = _TAG_NAME.match(text, at + 1)
            return self.markup(at + 1, "element", tag[2].lower()) if tag else at + 1
        if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
            return self.literal(at, code)   # an e-mail address
        word = _RAZOR_IDENTIFIER.match(text, at + 1)
        if word is None:
            return self.literal(at, code)   # "@" alone: text
        name = word[0]
        if code:
            if name in _CSHARP_KEYWORDS:
                return self.literal(at, code)   # a verbatim identifier, or C# read on
        else:
            attribute = _BLAZOR_ATTRIBUTE.match(text, at) if self.in_start_tag else None
            if attribute is not None and text[at - 1].isspace() and (
                    "=" in attribute[0]
                    or _BLAZOR_DIRECTIVE_ATTRIBUTES.match(attribute[1]) is not None):
                self.blank(at, attribute.end())
                if attribute[1] == "attributes":
                    self.put(at, EXPRESSION)
                return attribute.end()
            written = self.statement(at, name, word.end())
            if written is not None:
                return written
        start = word.start()
        if name == "await":                 # (@await Html.PartialAsync("x"))
            rest = word.end()
            while text[rest:rest + 1] in (" ", "\t"):
                rest += 1
            awaited = _RAZOR_IDENTIFIER.match(text, rest)
            start = awaited.start() if awaited is not None else start
        end = self.implicit(start)
        self.expression(at, end)
        return end

    def literal(self, at: int, code: bool) -> int:
        """An ``@`` that begins nothing: text in markup, C# in code (blank)."""
        if code:
            self.blank(at, at + 1)
        return at + 1

    def statement(self, at: int, name: str, name_end: int) -> int | None:
        """A control statement, a directive, a section or a block of members at ``at`` (in
        markup); where it ends, or None for none."""
        text = self.text
        if name in _RAZOR_CONTROL and not (
                name == "using" and text[name_end:name_end + 1 + 64].lstrip()[:1] != "("):
            return self.control(at, name, name_end)
        line_start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
        if name in _RAZOR_DIRECTIVES and not text[line_start:at].strip(" \t\ufeff"):
            end = _line_end(text, at)
            self.blank(at, end)
            return end
        if name in _RAZOR_MEMBERS or name in ("section", "helper"):
            brace = self.header_brace(name_end)
            if brace < 0:
                return None
            if name in _RAZOR_MEMBERS:
                end = self.code(brace + 1)
                self.blank(at, end)
                self.marks = [m for m in self.marks if not at <= m[0] < end]
                return end
            self.blank(at, brace + 1)
            if name == "helper":
                end = self.code(brace + 1)
                self.blank(end - 1, end)
                return end
            close = self.markup(brace + 1, "brace")
            if close < len(text):
                self.blank(close, close + 1)
                return close + 1
            return close
        return None

    def block(self, at: int, brace: int) -> int:
        """A code block (``@{ ... }``): C# to its closing brace."""
        end = self.code(brace + 1)
        self.blank(at, brace + 1)
        self.blank(end - 1, end)
        return end

    def control(self, at: int, name: str, name_end: int) -> int:
        """A control statement (``@if (x) { ... } else { ... }``): its headers render
        nothing, an else is another branch, its blocks are C#; an ``if``'s or a
        ``switch``'s is rendered on a condition (:attr:`Template.conditions`)."""
        end = self._control(at, name, name_end)
        if name in ("if", "switch"):
            self.neutraliser.conditions.append((at, end))
        elif name in ("foreach", "for", "while", "do"):
            self.neutraliser.loops.append((at, end))
        return end

    def _control(self, at: int, name: str, name_end: int) -> int:
        text = self.text
        brace = self.header_brace(name_end)
        if brace < 0:
            end = _line_end(text, at)
            self.blank(at, end)
            return end
        if name == "using" and _RAZOR_HOLE.search(text, at, brace):
            self.blank(at, brace + 1)       # (Html.BeginForm(): a form's start tag)
            self.mark(at, brace + 1)
        else:
            self.blank(at, brace + 1)
        end = self.code(brace + 1, switch=name == "switch")
        self.blank(end - 1, end)
        continued = _RAZOR_CONTINUED.get(name, ())
        while True:
            m = _RAZOR_CONTINUATION.match(text, end)
            if m is None or m[1] not in continued:
                return end
            if m[1] == "while":             # do { } while (x);
                stop = text.find(";", m.end(), m.end() + 4000)
                stop = m.end() if stop < 0 else stop + 1
                self.blank(end, stop)
                return stop
            brace = self.header_brace(m.end())
            if brace < 0:
                return end
            self.blank(end, brace + 1)
            if m[1] in ("else", "catch"):    # (what a catch writes replaces the try's)
                self.branch(end - 1, m.start(1))
            end = self.code(brace + 1)
            self.blank(end - 1, end)

    def branch(self, close: int, word: int) -> None:
        """Another branch's mark, for an else or a case at ``word``: from the brace before
        it (``close``), if on its line, or the space before it, to the end of its header
        (an else's block's brace, if on its line or the next: the mark needs room)."""
        text = self.text
        start = close if not _has_line_break(text, close, word) else word
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        header = (_RAZOR_CASE if text.startswith(("case", "default"), word) else _RAZOR_ELSE
                  ).match(text, word)
        end = header.end() if header is not None else word + 4
        after = end
        while text[after:after + 1].isspace():
            after += 1
        if text[end - 1] != "{" and text[after:after + 1] == "{" and text.count(
                "\n", end, after) + text.count("\r", end, after) <= 2:
            end = after + 1
        if not _mark_fits(text[start:end]) and text[end - 1] == "{":
            # (an else alone on its line, its brace on the next: the mark takes the
            # space of the block's first line too, "<!--" in place of the else, "-->"
            # in the indentation)
            after = end
            while text[after:after + 1].isspace():
                after += 1
            end = after
        self.mark(start, end, BRANCH_FILL)

    # -- C# -------------------------------------------------------------------------------

    def code(self, at: int, switch: bool = False) -> int:
        """C# from ``at`` (after a block's opening brace) to its closing brace: nothing
        rendered, but markup begun where a statement may begin, statements that write
        markup (holes), and a conditional's other branches (an else, a switch's later
        cases); returns where it ends, after the brace."""
        self.depth += 1
        try:
            return self._code(at, switch)
        finally:
            self.depth -= 1

    def _code(self, at: int, switch: bool) -> int:
        text = self.text
        blocks = ["switch" if switch else "block"]
        # (where each block open began, if it is an if's, an else's or a switch's; and if
        # it is a loop's)
        conditional: list[int | None] = [None]
        looped: list[int | None] = [None]
        cased = [False]
        switching = False
        run = i = at
        while True:
            m = _RAZOR_CODE_EVENTS.search(text, i)
            if m is None or self.depth >= _RAZOR_NESTING:
                self.code_run(run, len(text))
                return len(text)
            token, start = m[0], m.start()
            if token[-1] == '"':
                quote = start + len(token) - 1
                string = (_CSHARP_VERBATIM if "@" in token else _CSHARP_STRING).match(
                    text, quote)
                i = string.end() if string is not None else quote + 1
            elif token == "'":
                character = _CSHARP_CHARACTER.match(text, start)
                i = character.end() if character is not None else start + 1
            elif token in ("//", "/*", "@*"):
                closer = {"//": "\n", "/*": "*/", "@*": "*@"}[token]
                end = text.find(closer, start + 2)
                i = len(text) if end < 0 else end + len(closer)
            elif token == "{":
                blocks.append("switch" if switching else "block")
                floor = max(at, start - 4096)
                head = max(text.rfind(";", floor, start), text.rfind("{", floor, start),
                           text.rfind("}", floor, start), floor - 1) + 1
                conditional.append(start if _CONDITIONAL_HEAD.match(text, head, start)
                                   else None)
                looped.append(start if _loops(text, head, start, floor) else None)
                cased.append(False)
                switching = False
                i = start + 1
            elif token == "}":
                blocks.pop()
                began = conditional.pop()
                if began is not None:
                    self.neutraliser.conditions.append((began, start))
                began = looped.pop()
                if began is not None:
                    self.neutraliser.loops.append((began, start))
                cased.pop()
                if not blocks:
                    self.code_run(run, start)
                    return start + 1
                i = start + 1
            elif token == "switch":
                switching = True
                i = m.end()
            elif token == "else":
                close = start
                while close > run and text[close - 1] in " \t\r\n":
                    close -= 1
                self.branch(close - 1 if text[close - 1:close] == "}" else start, start)
                i = m.end()
            elif token in ("case", "default"):
                if blocks[-1] == "switch" and _RAZOR_CASE.match(text, start):
                    if cased[-1]:
                        self.branch(start, start)
                    cased[-1] = True
                i = m.end()
            elif not self.statement_start(start, at):
                i = start + 1
            else:
                self.code_run(run, start)
                if token == "@":
                    i = self.transition(start, code=True)
                else:
                    tag = _TAG_NAME.match(text, start)
                    if tag is None or tag[1]:
                        i = self.tag_end(start + 1)
                    else:
                        i = self.markup(start, "element", tag[2].lower())
                run = i

    def code_run(self, start: int, end: int) -> None:
        """C# between ``start`` and ``end``: blank, but a statement that writes markup."""
        text = self.text
        self.blank(start, end)
        for found in _RAZOR_CODE_HOLE.finditer(text, start, end):
            stop = text.find(";", found.end(), end)
            self.mark(found.start(), end if stop < 0 else stop + 1)

    def statement_start(self, at: int, floor: int) -> bool:
        """Whether a statement may begin at ``at`` in code that began at ``floor``: after a
        block's brace, a statement's end, a case's label or markup."""
        text, i = self.text, at - 1
        while i >= floor and text[i] in " \t\r\n":
            i -= 1
        return i < floor or text[i] in "{};:>" or text.startswith("*@", i - 1)

    def header_brace(self, at: int) -> int:
        """Where the brace that opens the block of the statement whose header begins at
        ``at`` is (parentheses balanced, strings read whole); -1 where there is none."""
        depth, i = 0, at
        limit = min(len(self.text), at + 4000)
        while i < limit:
            m = self.event(_RAZOR_HEADER_EVENTS, i, limit)
            if m is None:
                return -1
            token, i = m[0], m.end()
            if token in "\"'":
                i = self.string_end(m.start())
            elif token == "(":
                depth += 1
            elif token == ")":
                depth -= 1
            elif depth <= 0:
                return m.start() if token == "{" else -1
        return -1

    def event(self, pattern: re.Pattern[str], at: int, limit: int) -> re.Match[str] | None:
        """The next of ``pattern``'s matches from ``at`` before ``limit``, what it steps over
        charged to the budget; None where there is none, or the budget is spent."""
        m = pattern.search(self.text, at, limit)
        if m is None:
            return None
        self.budget -= m.end() - at
        return m if self.budget >= 0 else None

    def balanced(self, at: int) -> int:
        """Where the parenthesis or bracket at ``at`` is closed (strings read whole), after
        it; -1 where it is not."""
        text = self.text
        opener = text[at]
        closer = ")" if opener == "(" else "]"
        depth, i = 0, at
        limit = min(len(text), at + 8000)
        while i < limit:
            m = self.event(_RAZOR_BALANCE_EVENTS, i, limit)
            if m is None:
                return -1
            token, i = m[0], m.end()
            if token in "\"'":
                i = self.string_end(m.start())
            elif token == opener:
                depth += 1
            elif token == closer:
                depth -= 1
                if depth == 0:
                    return i
        return -1

    def string_end(self, at: int) -> int:
        """After the C# string or character at ``at``."""
        text = self.text
        if text[at] == "'":
            found = _CSHARP_CHARACTER.match(text, at)
        elif text[at - 1:at] == "@" or text[at - 2:at] == "@$":
            found = _CSHARP_VERBATIM.match(text, at)
        else:
            found = _CSHARP_STRING.match(text, at)
        return found.end() if found is not None else at + 1

    def implicit(self, at: int) -> int:
        """Where the implicit expression whose first name is at ``at`` ends: names joined
        by dots, calls and indexes (``@Model.Items[0].Title``, ``@item.Date.ToString("d")``)."""
        text = self.text
        found = _RAZOR_IDENTIFIER.match(text, at)
        end = found.end() if found is not None else at
        while end < len(text):
            c = text[end]
            if c in ".?":
                step = 1 if c == "." else 2 if text[end + 1:end + 2] == "." else 0
                name = _RAZOR_IDENTIFIER.match(text, end + step) if step else None
                if name is None:
                    break
                end = name.end()
            elif c in "([":
                closed = self.balanced(end)
                if closed < 0:
                    break
                end = closed
            else:
                break
        return end

    def expression(self, at: int, end: int) -> None:
        """An expression (``@x.y``, ``@(x)``) as kept: ``{{``, its text and ``}``, as long as
        it was written; a hole where it writes markup, a localizer's text as that text."""
        text = self.text
        token = text[at:end]
        span = _Span(token, at)
        if _RAZOR_HOLE.search(token) and not self.in_start_tag:
            self.put(at, self.neutraliser.hole(span))
            return
        localized = _RAZOR_LOCALIZED.match(token)
        translated = _as_text(token, localized[1]) if localized is not None else None
        if translated is not None:
            self.put(at, translated)
            return
        explicit = token[1:2] == "(" or _has_line_break(token, 0, len(token))
        self.put(at, self.neutraliser.kept(span, _opened(token, 2 if explicit else 1)))


def _opened(token: str, start: int) -> str:
    """An expression opened by one or two characters and closed by none (Razor's ``@x.y``
    and ``@(x)``, Velocity's ``$x.y`` and ``$!x``) as kept: ``{{``, its text from
    ``start`` (a line break in it stays where it was where ``start`` is 2), ``}``, as long
    as it was written; ``{{`` alone for two characters."""
    if len(token) < 3:
        return EXPRESSION[:len(token)]
    return "{{" + token[start:start - 3].translate(_BODY_LOOK_ALIKES) + "}"


def _hole_mark(token: str, fill: str) -> str:
    """A hole's or a branch's mark (``fill``) in place of ``token``, in content: a comment as
    long as it, or spaces where none fits (see :meth:`_Neutraliser.hole`)."""
    if len(token) < 4 or _has_line_break(token[:2] + token[-1:], 0, 3):
        return _blank(token)
    if not _mark_fits(token):
        return "<!" + _BLANK.sub(fill, token[2:-1]) + ">"
    return "<!--" + _BLANK.sub(fill, token[4:-3]) + "-->"


def _mark_fits(token: str) -> bool:
    """Whether a hole's or a branch's mark fits in ``token`` (:meth:`_Neutraliser.hole`):
    "<!--" and "-->" each on one line."""
    return len(token) >= 8 and not _has_line_break(token[:4] + token[-3:], 0, 7)


def _line_end(text: str, at: int) -> int:
    ends = [end for end in (text.find("\n", at), text.find("\r", at)) if end >= 0]
    return min(ends) if ends else len(text)


def _has_line_break(text: str, start: int, end: int) -> bool:
    return text.find("\n", start, end) >= 0 or text.find("\r", start, end) >= 0

# -- Svelte (.svelte components: the graphics desks' Reuters Graphics kit, The Pudding) ---------

# What a component's markup holds besides HTML: a tag ({#if x}, {:else}, {/if}, {@html x},
# {x}), and, in a start tag, an attribute's value ({x}, "a {x}"), a spread or a shorthand
# ({...props}, {alt}) and directives (on:click={...}, bind:value, class:on={x}). A tag or
# an expression is JavaScript between balanced braces, its strings, template literals and
# comments passed over.
_SVELTE_EVENTS = re.compile(r"<!--|<(/?)([A-Za-z][\w:.-]*)|\{")
_SVELTE_BLOCK = re.compile(r"\{\s*([#:/@])\s*([\w-]*)")
_SVELTE_SPACE = re.compile(r"\s*")
_SVELTE_NAME = re.compile(r"""[^\s=/>{"']+""")
_SVELTE_UNQUOTED = re.compile(r"""[^\s>{"'=<`]*""")
_SVELTE_IN_QUOTES = {'"': re.compile(r'["{]'), "'": re.compile(r"['{]")}
# ... directives, which write no attribute (an event's handler, a binding, an action, a
# transition, a class or a style property set on a condition, a slot's let:)
_SVELTE_DIRECTIVE = re.compile(r"(?:on|bind|use|transition|in|out|animate|class|style|let):",
                               re.I)
# ... Svelte's own elements that write no element of their own (what <svelte:head> holds
# goes to the document's head; a window's or a body's listeners; a boundary, a fragment)
_SVELTE_UNWRITTEN = frozenset((
    "svelte:head", "svelte:window", "svelte:body", "svelte:document", "svelte:options",
    "svelte:fragment", "svelte:boundary"))
# ... and those whose markup another file or the data writes: a component by name or by
# value, the component itself, an element whose name is a value, a slot the caller fills
_SVELTE_WRITTEN_ELSEWHERE = frozenset((
    "svelte:component", "svelte:self", "svelte:element", "slot"))
# JavaScript's tokens that may hold a brace that is no block's: strings, template literals,
# comments
_JS_EVENTS = re.compile(r"""[{}"'`]|/[/*]""")
_JS_STRING = {'"': re.compile(r'"(?:[^"\\\r\n]|\\[\s\S])*"'),
              "'": re.compile(r"'(?:[^'\\\r\n]|\\[\s\S])*'")}
_JS_TEMPLATE_REST = re.compile(r"(?:[^`\\$]|\\[\s\S]|\$(?!\{))*(`|\$\{)")


def _svelte_component(name: str) -> bool:
    """Whether a tag of a Svelte component's markup invokes a component (``<Card>``,
    ``<ui.Button>``) or writes markup another file or the data holds (``<slot>``,
    ``<svelte:component this={X}>``)."""
    return name[0].isupper() or "." in name or name in _SVELTE_WRITTEN_ELSEWHERE


def _js_end(text: str, at: int) -> int:
    """After the ``}`` that closes the ``{`` at ``at``, JavaScript's strings, template
    literals (and the expressions in them) and comments passed over; -1 when the file never
    closes it."""
    return _script_end(text, at, False, None, 0)


def _script_end(text: str, at: int, markup: bool, spans: list[tuple[int, int]] | None,
                nesting: int) -> int:
    """:func:`_js_end`, and where ``markup`` (Astro's JSX) the markup in the braces passed
    over too (:func:`_jsx_element_end`), its spans appended to ``spans``; -1 also where it
    nests past :data:`_JSX_NESTING` (``nesting``: how deep this expression stands)."""
    if nesting > _JSX_NESTING:
        return -1
    depth = 0
    literals: list[int] = []    # (the depths at which a template literal's "${" opened)
    i = at
    events = _JSX_EVENTS if markup else _JS_EVENTS
    while (m := events.search(text, i)) is not None:
        token, i = m[0], m.end()
        if token == "<":        # (an event of markup's only)
            if not literals and _jsx_starts(text, m.start(), at):
                end = _jsx_element_end(text, m.start(), nesting + 1)
                if end < 0:
                    return -1
                if spans is not None:
                    spans.append((m.start(), end))
                i = end
            continue
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if literals and literals[-1] == depth:
                literals.pop()          # (back in the template literal)
                token = "`"
            elif depth == 0:
                return i
        elif token == "'" or token == '"':
            # (a string left open ends with its line, as JavaScript reads it: no string is
            # read twice)
            string = _JS_STRING[token].match(text, m.start())
            i = string.end() if string is not None else _line_end(text, i)
        elif token == "//":
            i = _line_end(text, i)
        elif token == "/*":
            close = text.find("*/", i)
            if close < 0:
                return -1
            i = close + 2
        if token == "`":
            rest = _JS_TEMPLATE_REST.match(text, i)
            if rest is None:
                return -1
            i = rest.end()
            if rest[1] == "${":
                literals.append(depth)
                depth += 1
    return -1


def _svelte_text(token: str) -> str:
    """A Svelte expression in content (``{story.headline}``) as kept: ``{{``, its text,
    ``}``, as long as written, its line breaks where they were (a break just after the
    opening brace stays, and the kept form opens with one brace: text all the same)."""
    chars = list(token[1:-1].translate(_BODY_LOOK_ALIKES))
    if chars and chars[0] not in "\r\n":
        chars[0] = "{"
    return "{" + "".join(chars) + "}" if len(token) >= 2 else _blank(token)


def _svelte_attributes(token: str) -> str:
    """A spread or a shorthand among a start tag's attributes (``{...props}``, ``{alt}``):
    attributes an expression writes, kept as a name that begins with ``{{``, as long as
    written, its line breaks where they were."""
    if len(token) < 3 or token[1] in "\r\n":
        return _blank(token)
    return "{{" + token[2:-1].translate(_BODY_LOOK_ALIKES) + "}"


def _match_end(pattern: re.Pattern[str], text: str, at: int) -> int:
    """After what ``pattern`` (one that matches the empty text too) matches at ``at``."""
    found = pattern.match(text, at)
    return at if found is None else found.end()


def _space_end(text: str, at: int) -> int:
    return _match_end(_SVELTE_SPACE, text, at)


def _svelte_value(token: str) -> str:
    """An attribute's value a Svelte expression writes (``alt={photo.alt}``): a quoted
    value holding ``{{`` (:data:`EXPRESSION`), as long as written, its line breaks where
    they were; ``{{}`` for a one-character expression (``{x}``)."""
    n = len(token)
    if n <= 2:
        return '""'[:n]
    if n == 3:
        return "{{}" if token[1] not in "\r\n" else '"' + token[1] + '"'
    chars = list(token[1:-1].translate(_BODY_LOOK_ALIKES))
    _mark_expression(chars)
    return '"' + "".join(chars) + '"'


def _mark_expression(chars: list[str]) -> bool:
    """Marks ``chars``, an expression's text in a value, as a value an expression fills in:
    ``{{`` over its first two characters that stand together on a line, ``}`` over its last
    where that comes after them and is no line break (line breaks stay where they were).
    False where no two characters stand together (then nothing is written)."""
    for i in range(len(chars) - 1):
        if chars[i] not in "\r\n" and chars[i + 1] not in "\r\n":
            chars[i] = chars[i + 1] = "{"
            if i + 2 < len(chars) and chars[-1] not in "\r\n":
                chars[-1] = "}"
            return True
    return False


# A component a component file imports by a literal path (import SvgClose from
# "~/assets/close.svg?inline", import Icon from "./Icon.svelte"; the first import of a name
# counts), and what an invocation of it may carry that names what it renders or renders it on
# a condition: a title or label passed down, attributes a spread writes, a condition, a loop,
# content the data writes
_IMPORT = re.compile(
    r"""^[ \t]*import\s+(?!type\b)(?:([A-Za-z_$][\w$]*)\s*(?:,\s*)?)?(?:\{([^{}]*)\}\s*)?"""
    r"""from\s*(["'])([^"'\r\n]+)\3""", re.M)
_IMPORT_NAMED = re.compile(r"\s*(?:type\s+)?([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?\s*")
# ... what an import's query makes of a file: a component (an SVG file too, by the loaders
# of Nuxt and Vite: "?inline", "?component"), or, for an SVG file, its markup as a string
# ({@html wordmark}: "?raw", or Vite's svg-string plugins with no query); "?url" neither
_AS_COMPONENT = ("", "inline", "component")
_AS_MARKUP = ("", "raw")
_HTML_NAME = re.compile(r"\{\s*@html\s+([A-Za-z_$][\w$]*)\s*\}")
_INVOCATION_NAMING = frozenset((
    "title", "aria-label", "aria-labelledby", "alt", "label", "v-bind", "v-if", "v-else-if",
    "v-else", "v-show", "v-for", "v-html", "v-text", "..."))


def _imports(text: str) -> dict[str, tuple[str, str]]:
    """The names a component file imports (the first import of each): the module's path
    and the export ("default" for a default import)."""
    found: dict[str, tuple[str, str]] = {}
    for m in _IMPORT.finditer(text):
        if m[1] is not None:
            found.setdefault(m[1], (m[4], "default"))
        for part in (m[2] or "").split(","):
            named = _IMPORT_NAMED.fullmatch(part)
            if named is not None:
                found.setdefault(named[2] or named[1], (m[4], named[1]))
    return found


def global_component(name: str) -> str:
    """How a reader asks whether a component no import names, ``name``, is a nameless icon
    the project registers for every file: ``<name>``, which no import's path can be."""
    return f"<{name}>"


def _invocation_names(attribute: str) -> bool:
    """Whether an attribute of a component's invocation (``:title``, ``{...props}``, as
    the readers name them) may name what it renders, or render it on a condition."""
    lower = attribute.lower()
    for prefix in (":", "v-bind:", "bind:"):
        if lower.startswith(prefix):
            lower = lower[len(prefix):]
            break
    return lower in _INVOCATION_NAMING or lower.startswith("{") or lower.startswith("...")


def _icon_in(token: str) -> str | None:
    """A component's start tag (or Svelte's ``{@html}``) written as a nameless icon, as long
    as it, its line breaks where they were: ``<svg/>`` (which ``/>`` closes, as foreign
    content) at its start, or on the first of its lines that has room (``<Icon`` then a
    line break: on its attributes' line); None where no line has."""
    at = 0
    for line in re.split(r"(\r\n|\r|\n)", token):
        if len(line) >= 6 and line[0] not in "\r\n":
            return _blank(token[:at]) + "<svg/>" + _blank(token[at + 6:])
        at += len(line)
    return None


def _pascal(name: str) -> str:
    """A component's kebab-case tag as the name it is imported by (``svg-close``:
    ``SvgClose``)."""
    return "".join(word[:1].upper() + word[1:] for word in name.split("-"))


class _ComponentReader:
    """A component file's reader (Svelte's, Vue's): the text, what it is written as
    (:meth:`put` over it, as long), the neutraliser that keeps its blocks, and how many
    ``<svg>`` and ``<math>`` elements are open (where ``/>`` closes an element).
    ``icons``: whether the file a component is imported from (by the import's path) writes
    a nameless icon (:func:`is_nameless_icon`), as :func:`reading`'s."""

    family = ""

    def __init__(self, text: str, icons: Callable[[str], bool] | None = None) -> None:
        self.text = text
        self.out = list(text)
        self.neutraliser = _Neutraliser(text, self.family)
        self.foreign = 0
        self.icons = icons
        self.imported: dict[str, tuple[str, str]] | None = None

    def put(self, at: int, written: str) -> None:
        self.out[at:at + len(written)] = written

    def self_closed(self, start: int, at: int, lower: str) -> None:
        """The start tag ``text[start:at]`` of an HTML element, ``lower``, that ``/>``
        closes in a component (Svelte's, Astro's), not in HTML: written with its end tag,
        its attributes as kept (:func:`_closed_element`)."""
        kept = "".join(self.out[start:at])
        written = [" ".join(m[0].split()) for m in _VUE_ATTRIBUTE.finditer(
            kept, 1 + len(lower), len(kept) - 2) if m["name"]]
        fitted = _closed_element(self.text[start:at], [f"<{lower}"], lower, written)
        if fitted is not None:
            self.put(start, fitted)

    def icon_file(self, name: str, markup: bool = False) -> bool:
        """Whether the file the component file imports ``name`` from writes a nameless icon
        (asked of :attr:`icons`, by the import's path without its query), imported as a
        component (or, ``markup``, an SVG file imported as its markup). A component the
        file does not import may be one the project registers for every file (Nuxt's
        components folder, an icon module's ``<Icon>``): asked of :attr:`icons` as
        :func:`global_component` names it."""
        if self.imported is None:
            self.imported = _imports(self.text)
        found = self.imported.get(name)
        if found is None:
            return (not markup and self.icons is not None and self.family == "vue"
                    and self.icons(global_component(name)))
        path, _, query = found[0].partition("?")
        if is_icon_component(path, found[1]):
            return not markup          # (an icon library's component)
        if self.icons is None or found[1] != "default":
            return False
        if markup:
            return query in _AS_MARKUP and path.lower().endswith(".svg") and self.icons(path)
        return query in _AS_COMPONENT and self.icons(path)

    def invocation(self, name: str, attributes: list[str], start: int, end: int) -> str:
        """What a component's start tag ``text[start:end]`` writes, whose attributes are
        named ``attributes``: a hole, but an ``<svg>`` without a name where the component
        is imported from a file that writes a nameless icon (an SVG file a loader makes a
        component of, ``import SvgClose from "~/assets/close.svg?inline"``; a component
        whose markup is such an ``<svg>``), invoked with nothing that may name it or hold
        it back (no title, label or spread, no condition: :func:`_invocation_names`) and
        with no content (``<SvgClose />``, ``<SvgClose></SvgClose>``)."""
        text = self.text
        token = text[start:end]
        if (not any(_invocation_names(a) for a in attributes)
                and (text[end - 2:end] == "/>" or re.compile(
                    r"\s*</" + re.escape(name) + r"\s*>").match(text, end) is not None)
                and (self.icon_file(name)
                     or ("-" in name and self.icon_file(_pascal(name))))):
            icon = _icon_in(token)
            if icon is not None:
                return icon
        return _hole_mark(token, HOLE_FILL)


class _Svelte(_ComponentReader):
    """One Svelte component's neutralising. Its markup is HTML with Svelte's tags and
    expressions between braces: a block's tags render nothing (``{#if}``, ``{#each}``,
    ``{#await}`` and ``{#key}`` open a block, conditional but for the last two; an
    ``{:else}``, ``{:then}`` or ``{:catch}`` begins another branch), ``{@html}`` and
    ``{@render}`` write markup (a hole), ``{@const}`` and ``{@debug}`` nothing, and an
    expression writes text (kept: ``{{``, its text, ``}``). In a start tag, an expression
    writes an attribute's value (``alt={photo.alt}``, ``href="/tag/{slug}"``), a spread
    or a shorthand writes attributes (``{...props}``, ``{alt}``: an expression among the
    attributes), and a directive writes none (``on:click={...}``, ``bind:value``,
    ``class:active={x}``, ``{@attach}``). A component's start tag (``<Card>``,
    ``<slot>``, ``<svelte:component>``) is a hole and its end tag nothing, as Glimmer's;
    Svelte's own ``<svelte:head>``, ``<svelte:window>``... write no element; an HTML
    element that ``/>`` closes (``<textarea bind:value={v} />``), which an HTML parser
    leaves open, is written with its end tag (:func:`_closed_element`). The component's
    ``<script>`` is script, its ``<style>`` the styles it scopes to its markup. A brace
    the file never closes is text, and the rest of the file after it read as written."""

    family = "svelte"

    def read(self) -> str:
        text, n, at = self.text, len(self.text), 0
        while (m := _SVELTE_EVENTS.search(text, at)) is not None:
            start = m.start()
            if m[0] == "<!--":
                close = text.find("-->", start + 4)
                at = n if close < 0 else close + 3
            elif m[0] == "{":
                end = _js_end(text, start)
                if end < 0:
                    break           # (a brace never closed: the rest as written)
                self.tag(start, end)
                at = end
            elif m[1]:
                close = text.find(">", m.end())
                end = n if close < 0 else close + 1
                name = m[2]
                if _svelte_component(name) or name.lower() in _SVELTE_UNWRITTEN:
                    self.put(start, _blank(text[start:end]))
                elif name.lower() in ("svg", "math") and self.foreign:
                    self.foreign -= 1
                at = end
            else:
                at = self.start_tag(start, m.end(), m[2])
        return "".join(self.out)

    def tag(self, start: int, end: int) -> None:
        """A tag or an expression in content, ``text[start:end]``."""
        token = self.text[start:end]
        block = _SVELTE_BLOCK.match(token)
        neutraliser = self.neutraliser
        if block is None:
            self.put(start, _svelte_text(token))
            return
        kind, name = block[1], block[2]
        if kind == "#":
            neutraliser.begin(name, start, name in ("if", "await"), name == "each")
        elif kind == "/":
            neutraliser.end(name, start)
        elif kind == ":":
            neutraliser.loop_ends(start)    # ({#each}'s {:else}: no item)
            self.put(start, _hole_mark(token, BRANCH_FILL))
            return
        elif name in ("html", "render"):
            html = _HTML_NAME.fullmatch(token) if name == "html" else None
            icon = (_icon_in(token) if html is not None
                    and self.icon_file(html[1], markup=True) else None)
            # (an SVG file's markup, imported as a string: that icon)
            self.put(start, icon if icon is not None else _hole_mark(token, HOLE_FILL))
            return
        self.put(start, _blank(token))

    def start_tag(self, start: int, at: int, name: str) -> int:
        """A start tag whose attributes begin at ``at``: after its end."""
        text, n = self.text, len(self.text)
        names: list[str] = []
        while at < n:
            at = _space_end(text, at)
            if at >= n or text[at] == ">" or text.startswith("/>", at):
                at = min(n, at + (1 if at < n and text[at] == ">" else 2))
                break
            if text[at] == "{":
                end = _js_end(text, at)
                if end < 0:
                    return n
                token = text[at:end]
                if _SVELTE_BLOCK.match(token) is not None:
                    self.put(at, _blank(token))     # ({@attach f}: no attribute)
                else:       # ({...props}, {alt}: attributes an expression writes)
                    self.put(at, _svelte_attributes(token))
                    names.append(token[1:-1].strip() or "{")
                at = end
                continue
            found = _SVELTE_NAME.match(text, at)
            if found is None:
                at += 1         # (a stray quote: passed over, as the HTML parser does)
                continue
            names.append(found[0])
            attribute, at = at, found.end()
            after = _space_end(text, at)
            if after < n and text[after] == "=":
                at = self.value(_space_end(text, after + 1))
            if _SVELTE_DIRECTIVE.match(found[0]):
                self.put(attribute, _blank(text[attribute:at]))
        lower = name.lower()
        if _svelte_component(name) or lower in _SVELTE_UNWRITTEN:
            self.put(start, _blank(text[start:at]) if lower in _SVELTE_UNWRITTEN
                     else self.invocation(name, names, start, at))
        elif lower in ("script", "style"):
            close = self.neutraliser.lower.find("</" + lower, at)
            return n if close < 0 else close
        elif lower in ("svg", "math"):
            if text[at - 2:at] != "/>":
                self.foreign += 1
        elif lower == "enhanced:img":
            # (SvelteKit's enhanced images: an <img> of the attributes given, in a picture)
            self.put(start, "<img" + " " * (len(name) - 3))
        elif text[at - 2:at] == "/>" and not self.foreign and lower not in VOID_ELEMENTS:
            self.self_closed(start, at, lower)
        return at

    def value(self, at: int) -> int:
        """An attribute's value from ``at``: after it."""
        text, n = self.text, len(self.text)
        if at >= n:
            return n
        first = text[at]
        if first == "{":
            end = _js_end(text, at)
            if end < 0:
                return n
            self.put(at, _svelte_value(text[at:end]))
            return end
        if first == '"' or first == "'":
            events, at = _SVELTE_IN_QUOTES[first], at + 1
            while (m := events.search(text, at)) is not None:
                if m[0] == first:
                    return m.end()
                end = _js_end(text, m.start())
                if end < 0:
                    return n
                self.put(m.start(), _svelte_text(text[m.start():end]))
                at = end
            return n
        while True:         # (unquoted: to a space or the tag's end, expressions in it)
            at = _match_end(_SVELTE_UNQUOTED, text, at)
            if at >= n or text[at] != "{":
                return at
            end = _js_end(text, at)
            if end < 0:
                return n
            self.put(at, _svelte_text(text[at:end]))
            at = end


# -- Vue (.vue single-file components: Mirror Media's Nuxt site) --------------------------------

# A component's top-level blocks and its template's events: a comment, a tag, an
# interpolation; a start tag's attributes
_VUE_EVENTS = re.compile(r"<!--|<(/?)([A-Za-z][\w:.-]*)|\{\{")
_VUE_ATTRIBUTE = re.compile(
    r"""\s*(?P<name>[^\s=/>"']+)(?:\s*=\s*(?P<value>"[^"]*"?|'[^']*'?|[^\s>"']+))?""")
_VUE_LANGUAGE = re.compile(r"""\slang\s*=\s*["']?(\w+)""")
# ... the elements that write their content alone (a transition, what Nuxt renders in the
# browser only), and Nuxt's and Vue Router's links (an <a href>)
_VUE_UNWRITTEN = frozenset((
    "template", "transition", "transition-group", "keep-alive", "client-only", "no-ssr",
    "Transition", "TransitionGroup", "KeepAlive", "ClientOnly", "Teleport", "Suspense",
    "teleport", "suspense"))
_VUE_LINKS = frozenset(("nuxt-link", "NuxtLink", "router-link", "RouterLink"))
# ... and Nuxt Image's components, an <img> of the attributes given (its alt among them; a
# picture's <img> holds them)
_VUE_IMAGES = frozenset(("nuxt-img", "NuxtImg", "nuxt-picture", "NuxtPicture"))
# ... the directives read: rendered on a condition, once for each item, the content written
# by the data (text or markup); the others (v-on, @, v-model, v-slot, #, custom ones)
# write no attribute
_VUE_CONDITIONS = frozenset(("v-if", "v-else-if", "v-else", "v-show"))
_VUE_CONTENT = frozenset(("v-text", "v-html"))
# (the attributes a bound one adds to, rather than replaces)
_VUE_MERGED = frozenset(("class", "style"))
# (the elements that, empty and without attributes, are nothing to any rule: an <h1 />,
# an <a />, a <th /> or a <nav /> is not)
_VUE_NOTHING = frozenset(("div", "span", "i", "b", "em", "strong", "small", "p", "u", "s"))
_VUE_MARKS = ("~~-", "%%-", "@@-", EXPRESSION)


def _vue_element(name: str) -> str:
    """What a tag of a Vue template writes: "html" (an element as written), "link" (Nuxt's
    and Vue Router's links, rendered as ``<a href>``), "image" (Nuxt Image's, rendered as
    an ``<img>`` of the attributes given), "unwritten" (no element: a
    ``<template>``, a ``<transition>``...) or "component" (a component, a slot: markup
    another file writes)."""
    if name in _VUE_LINKS:
        return "link"
    if name in _VUE_IMAGES:
        return "image"
    if name in _VUE_UNWRITTEN:
        return "unwritten"
    if name[0].isupper() or "-" in name or "." in name or name in ("slot", "component"):
        return "component"
    return "html"


def _vue_bound(attribute: str) -> str | None:
    """The attribute a ``:name`` or ``v-bind:name`` binding sets (None: no binding; "" or
    "[...]": attributes an expression names)."""
    if attribute.startswith(":"):
        return attribute[1:].split(".")[0]
    if attribute.startswith("v-bind:"):
        return attribute[7:].split(".")[0]
    return None


def _vue_value(value: str) -> str:
    """A bound attribute's value (``:alt="photo.alt"``) as kept: holding ``{{``
    (:data:`EXPRESSION`), as long as written, its line breaks where they were."""
    n = len(value)
    quote = value[:1] if value[:1] in ("'", '"') else ""
    if not quote:
        if n >= 2 and not _has_line_break(value, 0, 2):
            return "{{" + value[2:].translate(_BODY_LOOK_ALIKES)
        return _blank(value)
    end = n - 1 if n >= 2 and value[-1] == quote else n
    chars = list(value[1:end].translate(_BODY_LOOK_ALIKES))
    if not _mark_expression(chars) and n >= 2 and not _has_line_break(value, 0, 2):
        return "{{" + _blank(value[2:])        # (too short: "{{" unquoted, spaces)
    return quote + "".join(chars) + value[end:]


def _vue_moved(attribute: str) -> str:
    """An attribute as kept, for a tag rewritten: a value an expression writes as ``"{{"``
    (moved, it is no longer where the expression is written: a message would quote another
    text of the file as it)."""
    name, equals, value = attribute.partition("=")
    if equals and EXPRESSION in value and not name.startswith(_VUE_MARKS):
        return f'{name}="{{{{"'
    return attribute


# ... a value that needs no quotes
_VUE_UNQUOTED = re.compile(r"""^([^=]+)=(?:"([^\s"'=<>`]+)"|'([^\s"'=<>`]+)')$""")


def _vue_unquoted(attribute: str) -> str:
    """An attribute as kept, its value unquoted where it needs no quotes."""
    m = _VUE_UNQUOTED.match(attribute)
    return attribute if m is None else f"{m[1]}={m[2] or m[3]}"


def _vue_short(attribute: str) -> str:
    """An attribute as kept, shortened where a rewritten tag needs the room: a mark's name
    alone (``@@-text``), a bound value ``{{`` unquoted."""
    if attribute.startswith(_VUE_MARKS):
        return attribute.split("=")[0][:4]
    name, equals, value = attribute.partition("=")
    return f"{name}={{{{" if equals and EXPRESSION in value else attribute


def _closed_element(span: str, head: list[str], name: str, written: list[str]) -> str | None:
    """An HTML element that ``/>`` closes in a component (Vue's, Svelte's), which an HTML
    parser would leave open over what follows: its start tag ``span`` written with its end
    tag, from ``head`` (``<div``, ``<a href``) and its attributes as kept (``written``),
    moved left into the room its directives leave; shortened where they do not fit, then
    unquoted, then its first ones alone with the marks of the others (an empty element
    without its class is nearer what renders than one that holds what follows it). One
    too short for its end tag (``<div
    />``) holds nothing and has no attribute: a comment of nothing for the generic
    elements; None for the others (an ``<h1 />`` is left as written)."""
    short = [_vue_short(a) for a in written]
    unquoted = [_vue_unquoted(a) for a in short]
    # (then its first attributes, as many as fit, and the marks of the others: an id, which
    # a label names, comes first more often than not)
    fewer = ([*unquoted[:k], *(a for a in unquoted[k:] if a.startswith(_VUE_MARKS))]
             for k in range(len(unquoted) - 1, -1, -1))
    for attempt in ([_vue_moved(a) for a in written], short, unquoted, *fewer):
        fitted = _fit(span, [*head, *attempt, ">", f"</{name}>"])
        if fitted is not None:
            return fitted
    return "<!" + _blank(span[2:-1]) + ">" if name in _VUE_NOTHING else None


def _fit(span: str, tokens: list[str]) -> str | None:
    """``tokens`` (none holding a line break) written in order in a text as long as
    ``span``, its line breaks where they were: the first at its start, each after the one
    before with a space between (none before ">" or an end tag, nor after a ">"), the rest
    spaces; None where they do not fit."""
    out = [c if c in "\r\n" else " " for c in span]
    at = 0
    for index, token in enumerate(tokens):
        if index and token[:1] != ">" and token[:2] != "</" and out[at - 1] not in "\r\n" \
                and tokens[index - 1][-1:] != ">":
            at += 1
        line = _line_end(span, at)
        while at + len(token) > line:
            if not index or line >= len(span):
                return None
            at = line + (2 if span[line:line + 2] == "\r\n" else 1)
            line = _line_end(span, at)
        out[at:at + len(token)] = token
        at += len(token)
    return "".join(out)


class _Vue(_ComponentReader):
    """One Vue single-file component's neutralising: its ``<template>``'s markup, where an
    interpolation (``{{ story.headline }}``) writes text and directives say what is
    rendered: ``v-if``, ``v-else-if``, ``v-else`` and ``v-show`` render the element on a
    condition, ``v-for`` once for each item, ``v-text`` and ``v-html`` write its content
    (marks among the attributes, as Thymeleaf's are read: ``~~-if``, ``%%-or``,
    ``@@-text``; v-text's text, where the element holds nothing as written, as an
    expression in it: :meth:`text_content`), a bound attribute (``:alt="photo.alt"``,
    ``v-bind:href``) a value that replaces the tag's own (adds to it for class and style),
    ``v-bind="attrs"`` attributes, and the others (``@click``, ``v-model``, ``#slot``)
    none. A component's start tag (``<ArticleCard>``, ``<lazy-image>``, ``<slot>``) is a
    hole and its end tag nothing; ``<template>``, ``<transition>`` and Nuxt's
    ``<client-only>`` write their content alone; Nuxt's and Vue Router's links are ``<a
    href>``. An HTML element that ``/>`` closes (``<h1 v-text="title" />``), which an
    HTML parser leaves open, is written with its end tag (:func:`_closed_element`). The
    component's ``<script>`` is script, its ``<style>`` the styles of its markup, its other
    blocks (``<i18n>``) nothing; a template in another language (``lang="pug"``) nothing."""

    family = "vue"

    def read(self) -> str:
        text, n, at = self.text, len(self.text), 0
        lower = self.neutraliser.lower
        while (m := _VUE_EVENTS.search(text, at)) is not None:
            if m[0] == "<!--":
                close = text.find("-->", m.end())
                at = n if close < 0 else close + 3
                continue
            if m[0] == "{{" or m[1]:
                at = m.end()
                continue        # (outside the blocks: text)
            name = m[2].lower()
            end = self.tag_end(m.end())
            close = lower.find(f"</{name}", end)
            stop = n if close < 0 else close
            if name in ("script", "style"):
                at = stop
                continue
            self.put(m.start(), _blank(text[m.start():end]))
            language = _VUE_LANGUAGE.search(text, m.end(), end)
            if name == "template" and (language is None or language[1].lower() == "html"):
                stop = self.template(end)
            else:       # (a custom block, <i18n>; a template in pug: nothing)
                self.put(end, _blank(text[end:stop]))
            close_end = text.find(">", stop)
            at = n if stop >= n or close_end < 0 else close_end + 1
            self.put(stop, _blank(text[stop:at]))
        return "".join(self.out)

    def attributes(self, at: int) -> tuple[list[tuple[int, int, str, str]], int]:
        """The attributes of the start tag whose attributes begin at ``at`` (where each
        begins and ends, its name, its value as written), and after the tag's end."""
        text, found = self.text, []
        while (m := _VUE_ATTRIBUTE.match(text, at)) is not None:
            found.append((m.start("name"), m.end(), m["name"], m["value"] or ""))
            at = m.end()
        at = _space_end(text, at)
        if text.startswith("/>", at):
            return found, at + 2
        close = text.find(">", at)
        return found, len(text) if close < 0 else close + 1

    def tag_end(self, at: int) -> int:
        return self.attributes(at)[1]

    def template(self, at: int) -> int:
        """The root template's markup from ``at``: where its ``</template>`` begins (the
        end of the text if none)."""
        text, n, depth = self.text, len(self.text), 0
        neutraliser = self.neutraliser
        while (m := _VUE_EVENTS.search(text, at)) is not None:
            start = m.start()
            if m[0] == "<!--":
                close = text.find("-->", m.end())
                at = n if close < 0 else close + 3
            elif m[0] == "{{":
                close = text.find("}}", m.end())
                if close < 0:
                    return n
                at = close + 2
                self.put(start, _expression(text[start:at]))
            elif m[1]:
                name = m[2]
                close = text.find(">", m.end())
                at = n if close < 0 else close + 1
                kind = _vue_element(name)
                if name == "template":
                    if not depth:
                        return start
                    depth -= 1
                    neutraliser.end("template", start)
                if kind == "link":
                    self.put(start, "</a>" + _blank(text[start + 4:at]))
                elif kind != "html":
                    self.put(start, _blank(text[start:at]))
                elif name.lower() in ("svg", "math") and self.foreign:
                    self.foreign -= 1
            else:
                at = self.start_tag(start, m.end(), m[2])
                if m[2] == "template" and text[at - 2:at] != "/>":
                    depth += 1
        return n

    def start_tag(self, start: int, at: int, name: str) -> int:
        """A start tag of the template: after it."""
        text = self.text
        attributes, end = self.attributes(at)
        closed = text[end - 2:end] == "/>"
        kind = _vue_element(name)
        token = text[start:end]
        if kind == "component":
            self.put(start, self.invocation(name, [a for _, _, a, _ in attributes], start, end))
            return end
        bound = {_vue_bound(a) for _, _, a, _ in attributes}
        written: list[str] = []         # (each attribute as kept, for a tag rewritten)
        conditional = loop = False
        content = None                  # (v-text's value, and its attribute as kept)
        to = None                       # (where a link's "to" ends its name)
        for where, stop, attribute, value in attributes:
            kept = self.attribute(attribute, value, text[where:stop], bound)
            conditional |= attribute in _VUE_CONDITIONS
            loop |= attribute == "v-for"
            if kind == "link" and to is None and (attribute == "to"
                                                  or _vue_bound(attribute) == "to"):
                to = where + len(attribute)
            self.put(where, kept)
            if kept.strip():
                written.append(" ".join(kept.split()))
                if attribute == "v-text" and value:
                    content = value, written[-1]
        if content is not None and kind != "unwritten":
            after = self.text_content(start, end, name, kind, written, content)
            if after is not None:
                return after
        if kind == "unwritten":
            self.put(start, _blank(token))
            if name == "template" and not closed:
                self.neutraliser.begin("template", start, conditional, loop)
            return end
        lower = name.lower()
        head = [f"<{lower}"]
        if kind == "link":
            head, lower = ["<a", "href"], "a"
            if not (to is not None and not closed and self.link_to(start, name, to)):
                self.put(start, "<a href" + " " * (len(name) - 6))
        elif kind == "image":
            self.put(start, "<img" + " " * (len(name) - 3))
            head, lower = ["<img"], "img"
        elif lower in ("svg", "math") and not closed:
            self.foreign += 1
        if closed and not self.foreign and lower not in VOID_ELEMENTS:
            # "/>" closes it in Vue, not in HTML: written with its end tag
            fitted = _closed_element(token, head, lower, written)
            if fitted is not None:
                self.put(start, fitted)
        return end

    def link_to(self, start: int, name: str, to: int) -> bool:
        """A link's start tag at ``start`` (Nuxt's, Vue Router's) written as the ``<a href>``
        it renders, its ``to`` (or ``:to``, whose name ends at ``to``) the ``href``, in
        place, so that its value (or the expression that writes it) stays where it is
        written: where the room before the name is blank (``<nuxt-link to="/a">``, a
        ``:to`` on a line of its own). False where it is not (the tag is then ``<a href``
        and the ``to`` an attribute of its own)."""
        if to - 4 < start + 3:
            return False
        # (the room as it will be: the tag's name blanked after "<a")
        room = "".join(" " if start + 2 <= i < start + 1 + len(name) else self.out[i]
                       for i in range(to - 5, to))
        if room[1:].strip() not in ("", "to") or "\n" in room[1:] or "\r" in room[1:] \
                or room[0] not in " \t\r\n":
            return False
        self.put(start, "<a" + " " * (len(name) - 1))
        self.put(to - 4, "href")
        return True

    def text_content(self, start: int, end: int, name: str, kind: str, written: list[str],
                     content: tuple[str, str]) -> int | None:
        """An element whose text ``v-text`` writes and that holds nothing as written
        (``<h2 v-text="story.title" />``, ``<a :href="u" v-text="label"></a>``): written
        as the element holding the text as an expression (``{{story.title``, with no
        closing braces: it is no longer where its expression is written), its attributes
        moved left (shortened if need be), its end tag after the text. After the element;
        None where it does not fit (then v-text is a mark: the content the data writes)."""
        text = self.text
        lower = "a" if kind == "link" else name.lower()
        if lower in VOID_ELEMENTS or kind == "image" or self.foreign:
            return None
        stop = end
        if text[end - 2:end] != "/>":
            closing = re.compile(rf"\s*</{re.escape(name)}\s*>").match(text, end)
            if closing is None:
                return None     # (it holds something as written: v-text replaces it)
            stop = closing.end()
        value, mark = content
        inner = value[1:-1] if value[:1] in "'\"" and value[-1:] == value[:1] else value
        expression = "{{" + " ".join(inner.split()).translate(_BODY_LOOK_ALIKES)
        others = [a for a in written if a is not mark]
        head = ["<a", "href"] if kind == "link" else [f"<{lower}"]
        short = [_vue_short(a) for a in others]
        for attempt in ([_vue_moved(a) for a in others], short,
                        [_vue_unquoted(a) for a in short]):
            for words in (expression, expression[:14], "{{"):
                fitted = _fit(text[start:stop], [*head, *attempt, ">", words, f"</{lower}>"])
                if fitted is not None:
                    self.put(start, fitted)
                    return stop
        return None

    @staticmethod
    def attribute(attribute: str, value: str, whole: str, bound: set[str | None]) -> str:
        """An attribute as kept (``whole``: its text, from its name to its value's end)."""
        target = _vue_bound(attribute)
        if target is not None:
            if not target or target.startswith("["):
                return EXPRESSION + _blank(whole[2:])      # (attributes it names)
            if target in ("key", "ref"):
                return _blank(whole)
            name_at = attribute.index(target)
            head = (" " * name_at + target + " " * (len(attribute) - name_at - len(target))
                    + whole[len(attribute):len(whole) - len(value)])
            return head + _vue_value(value)
        if attribute in _VUE_CONDITIONS:
            return "~~-" + whole[3:]
        if attribute == "v-for":
            return "%%-" + whole[3:]
        if attribute in _VUE_CONTENT:
            return "@@-" + whole[3:]
        if attribute == "v-bind":       # ("{{ind}": a message names it as written)
            return EXPRESSION + "ind}" + whole[6:]
        if attribute.startswith(("v-", "@", "#")):
            return _blank(whole)
        if attribute in bound and attribute not in _VUE_MERGED:
            return _blank(whole)        # (the binding replaces it)
        return whole


# Apache Velocity (Atex Polopoly's, dotCMS's and Apache Roller's templates): comments
# (## and #* *#), unparsed content (#[[ ]]#), directives (#if, #{else}, #foreach, #set,
# #parse) with their arguments, a macro's call (#showComments($entry): a name and its
# arguments), and references ($entry.title, ${x}, $!{x}, with their calls and indexes; not
# after a backslash, which writes them as text). A directive's arguments and a reference's
# calls stay on their line: one left open fails there
_VTL_ARGUMENTS = r"\([^()\r\n]*\)"
for _ in range(4):      # (five deep: #if($a && !(($b && $s.match($c, $d)) || $e)))
    _VTL_ARGUMENTS = (r"""\((?:[^()"'\r\n]|"[^"\r\n]*"|'[^'\r\n]*'|""" + _VTL_ARGUMENTS
                      + r")*\)")
_VTL_TOKENS = re.compile(
    r"##[^\r\n]*|#\*.*?(?:\*#|\Z)"
    r"|(?P<literal>#\[\[).*?(?:\]\]#|\Z)"
    # (with the space before it on its line: an #else's mark needs room)
    r"|(?P<lead>[ \t]*)#(?P<brace>\{)?(?P<name>@?[A-Za-z][\w-]*)(?(brace)\})"
    r"(?P<args>[ \t]*" + _VTL_ARGUMENTS + ")?"
    # (and an #else's the next line's indentation, for room where it has too little)
    r"(?P<trail>(?<=else)[ \t]*(?:\r\n?|\n)[ \t]*(?=\S))?"
    r"|(?<!\\)(?P<reference>\$!?\{[^{}\r\n]*\}"
    r"|\$!?[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*|" + _VTL_ARGUMENTS + r"|\[[^\[\]\r\n]*\])*)",
    re.S)
_VTL_SILENT = frozenset(("if", "foreach", "set", "end", "macro", "define", "break", "stop"))
_VTL_BRANCHES = frozenset(("else", "elseif"))
# ... and those that open a block (closed by #end; a block macro's call, #@name, too)
_VTL_BLOCKS = frozenset(("if", "foreach", "macro", "define"))
_VTL_HOLES = frozenset(("parse", "include", "evaluate"))
# A reference's arguments (to read the names it is made of), and the last name of one
# whose value is a story's markup, not text: a body, a content, an HTML (Velocity escapes
# nothing, so any reference may write markup; these do by their name)
_VTL_CALL = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_VTL_MARKUP = re.compile(r"(?i)(?:body|content|html|markup)\Z")


# Thymeleaf (Spring's templates: natural HTML, the template's work in th: attributes):
# parser-level comments (<!--/* */-->, removed) and prototype-only ones (<!--/*/ /*/-->,
# whose content is rendered), HTML comments (as written), <th:block> tags, start tags (their
# th: attributes read: _Neutraliser.thymeleaf), and inlined expressions ([[${x}]] text,
# [(${x})] markup). A start tag's quoted values read whole, but a tag ends at another's "<"
# (one left open fails there)
_TH_TAG_ATTRIBUTES = (r"(?:[^<>\"']++"
                      r'|"(?:[^"<]|<(?![A-Za-z/!]))*+"'
                      r"|'(?:[^'<]|<(?![A-Za-z/!]))*+')*+")
_TH_TOKENS = re.compile(
    r"(?P<removed><!--/\*(?!/).*?(?:\*/-->|\Z)|<!--/\*/|/\*/-->)|<!--.*?(?:-->|\Z)"
    r"|(?P<doctype><!DOCTYPE\b[^>]*>)"
    r"|(?P<block></?th:block\b" + _TH_TAG_ATTRIBUTES + r">)"
    r"|<(?P<tag>[A-Za-z][\w:.-]*)(?P<attributes>" + _TH_TAG_ATTRIBUTES + r")>"
    # (an inlined expression ends before another's opener: one left open fails there)
    r"|(?P<inline>\[\[(?:(?!\[\[)[^\]\r\n])*\]\]|\[\((?:(?!\[\()[^\r\n])*?\)\])",
    re.S)
_TH_ATTRIBUTE = re.compile(
    r"""(?<=\s)(?P<prefix>th:|data-th-)(?P<what>[\w:-]+)"""
    r"""(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_ATTRIBUTE = re.compile(
    r"""(?<=\s)(?P<name>[^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
# What each processor does: nothing written (conditions, loops, variables, fragments'
# names, a class added), the element's content written (text, markup, a fragment), the
# element's attributes written; any other th:x sets the attribute x
_TH_SILENT = frozenset((
    "with", "object", "fragment", "inline", "switch", "remove", "classappend",
    "assert", "ref", "waituntil", "errorclass", "block"))
_TH_LOOPS = frozenset(("each",))
_TH_CONDITIONS = frozenset(("if", "unless", "case"))
_TH_CONTENT = frozenset(("text", "utext", "insert", "include"))
_TH_REPLACED = frozenset(("replace", "substituteby"))
# An <html> a layout writes (th:replace="~{layout :: page(~{::body})}", the Layout
# Dialect's layout:decorate): the file is a child template, a partial
_TH_LAYOUT = re.compile(r"""\s(?:(?:data-)?th[:-](?:replace|insert|substituteby|decorate)"""
                        r"""|(?:data-)?layout[:-]decorat(?:e|or))\s*=""", re.I)
_TH_ATTRIBUTES = frozenset((
    "attr", "field", "styleappend", "attrappend", "attrprepend", "alt-title",
    "lang-xmllang", "errors"))
# An expression in a value (${x}, *{x}, #{key}, @{/url}, ~{fragment}): written "{{"
_TH_EXPRESSION = re.compile(r"[$*#@~]\{")
_TH_BLOCK_WRITES = re.compile(
    r"""\s(?:data-)?th[:-](?P<what>text|utext|insert|include|replace|substituteby)\b"""
    r"""(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'))?""", re.I)
_HTML_START = re.compile(r"<html\b" + _TH_TAG_ATTRIBUTES + ">", re.I)
_TH_FRAGMENT = re.compile(r"\s(?:data-)?th[:-]fragment\s*=", re.I)


def _th_partial(text: str) -> bool:
    """Whether a Thymeleaf file that has an ``<html>`` is a partial all the same: a child
    template, whose ``<html>`` a layout writes (``th:replace``, the Layout Dialect's
    ``layout:decorate``), or a library of fragments, which defines fragments below an
    ``<html>`` that is none (written so that the file shows in a browser as a prototype).
    Its doctype and ``<html>`` are read as nothing."""
    html = _HTML_START.search(text)
    if html is None:
        return False
    return _TH_LAYOUT.search(html[0]) is not None or (
        _TH_FRAGMENT.search(html[0]) is None and _TH_FRAGMENT.search(text, html.end()) is not None)


_TOKENS = {"jinja": _JINJA_TOKENS, "handlebars": _CURLY_TOKENS, "go": _CURLY_TOKENS,
           "erb": _ERB_TOKENS, "php": _PHP_TOKENS, "blade": _BLADE_TOKENS, "jsp": _JSP_TOKENS,
           "freemarker": _FTL_TOKENS, "velocity": _VTL_TOKENS, "thymeleaf": _TH_TOKENS,
           "placeholder": _PLACEHOLDER}
_METHODS = {"jinja": "jinja", "handlebars": "curly", "go": "curly", "erb": "erb", "php": "php",
            "blade": "blade", "jsp": "jsp", "freemarker": "freemarker_token",
            "velocity": "velocity", "thymeleaf": "thymeleaf", "placeholder": "placeholder"}


def _th_attributes(attributes: str) -> str:
    """A start tag's attributes with their Thymeleaf processors read (as long as written):
    one that writes nothing blank; one that writes the element's content marked so
    (:data:`CONTENT_MARK`, ``th:text`` as ``@@-text``); one that writes the element's
    attributes as an expression among them (``th:attr`` as ``{{:attr``); ``th:alt`` as the
    ``alt`` it sets (the tag's own ``alt``, which it replaces, blank), its value's
    expressions written ``{{``."""
    out = list(attributes)
    names = {found["name"].lower(): found for found in _ATTRIBUTE.finditer(attributes)}
    for found in _TH_ATTRIBUTE.finditer(attributes):
        start, end = found.span()
        what = found["what"].lower()
        name_end = found.end("what")
        if what in _TH_SILENT:
            out[start:end] = _blank(found[0])
            continue
        if what in _TH_CONTENT or what in _TH_ATTRIBUTES or what in _TH_REPLACED or (
                what in _TH_CONDITIONS or what in _TH_LOOPS):
            mark = (CONTENT_MARK if what in _TH_CONTENT else _REPLACED_MARK
                    if what in _TH_REPLACED else _CONDITION_MARK if what in _TH_CONDITIONS
                    else _LOOP_MARK if what in _TH_LOOPS else _TH_MARK)
            name = (mark + found["what"]).rjust(name_end - start)
        else:
            name = found["what"].rjust(name_end - start)
            own = names.get(what)
            if own is not None:             # (the th: attribute sets it: the tag's own is not)
                out[own.start():own.end()] = _blank(own[0])
        out[start:name_end] = name
        value = found["value"]
        if value is not None:
            at = found.start("value")
            out[at:at + len(value)] = _th_value(value)
    return "".join(out)


def _th_value(value: str) -> str:
    """A processor's value as the parser reads it: its expressions written ``{{`` (a value
    that holds none, an expression all the same); a literal text (``'Read more'``), that
    text."""
    quote = value[0] if value[0] in "\"'" else ""
    inner = value[len(quote):len(value) - len(quote)]
    if len(inner) >= 2 and inner[0] == "'" and inner[-1] == "'" and "'" not in inner[1:-1] \
            and not _TH_EXPRESSION.search(inner):
        return quote + " " + inner[1:-1] + " " + quote      # a literal text
    written = _TH_EXPRESSION.sub("{{", inner)
    if EXPRESSION not in written and len(written) >= 2:
        written = EXPRESSION + written[2:]
    return quote + written.translate(_LOOK_ALIKES) + quote


def _macro_call(text: str) -> re.Pattern[str] | None:
    """What a call of one of the macros ``text`` imports or defines looks like (None where
    it has none)."""
    names, spaces = set(), set()
    for found in _JINJA_MACROS.finditer(text):
        if found["space"]:
            spaces.add(found["space"])
        elif found["macro"]:
            names.add(found["macro"])
            spaces.add("_self")     # (Twig 2 calls a file's own macros so)
        else:
            for imported in _IMPORTED_NAME.finditer(_WITH_CONTEXT.sub("", found["names"])):
                names.add(imported[2] or imported[1])
    if not names and not spaces:
        return None
    called = [*sorted(names), *(rf"{space}\.\w+" for space in sorted(spaces))]
    return re.compile(r"\{\{-?\s*(?:" + "|".join(called) + r")\s*\(")


def neutralise(text: str, family: str) -> str:
    """``text`` as the page model parses it (see the module docstring): as long as ``text``,
    its line breaks where they were."""
    return read(text, family)[0]


def read(text: str, family: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """:func:`neutralise`, and the spans of ``text`` that the template renders on a
    condition (:attr:`Template.conditions`)."""
    parsed, conditions, _ = reading(text, family)
    return parsed, conditions


# -- Astro (.astro components: the news themes and sites built on Astro) -----------------------

# A component's frontmatter, its code: between a "---" line at the file's start and the next
_ASTRO_FENCE = re.compile(r"\A\ufeff?\s*---[ \t]*(?=\r|\n)")
_ASTRO_FENCE_END = re.compile(r"(?:\r\n|\r|\n)[ \t]*---[ \t]*(?=\r|\n|\Z)")
# ... its markup's events: a comment, an expression, a tag, a fragment's tag
_ASTRO_EVENTS = re.compile(r"<!--|\{|<(/?)([A-Za-z][\w:.-]*)|</?>")
# ... and, in an expression's JavaScript, what may hold a brace or a tag that is not the
# expression's: strings, template literals, comments, markup (JSX: <li>{tag}</li>)
_JSX_EVENTS = re.compile(r"""[{}"'`<]|/[/*]""")
_JSX_NAME = re.compile(r"[A-Za-z][\w:.-]*")
_JSX_CONTENT = re.compile(r"[<{]")
_JSX_NESTING = 32           # (expressions and elements nested deeper: the rest as written)
# ... what before a "<" makes it markup's, not a comparison's (x < y): the start of the
# expression, an operator, a bracket, an arrow, a "return"
_JSX_AFTER = frozenset("([{,;:?=&|!>")
# ... the elements Astro itself writes: a fragment's content alone; astro:assets' <Image>
# and <Picture> an <img> of the attributes given (alt among them)
_ASTRO_UNWRITTEN = frozenset(("Fragment",))
_ASTRO_IMAGES = {"Image": "<img  ", "Picture": "<img    "}
# ... the directives that write an attribute (class:list, the class), the element's content
# (set:html markup, set:text text: a mark, as Vue's v-html) or none (client:, is:,
# define:vars, transition:, server:)
_ASTRO_DIRECTIVE = re.compile(r"[A-Za-z]+:[\w-]+")


def _jsx_starts(text: str, at: int, start: int) -> bool:
    """Whether the ``<`` at ``at``, in the JavaScript of an expression that opened at
    ``start``, begins markup: a letter or ``>`` (a fragment) after it, and before it (past
    spaces) the expression's start, an operator, a bracket or an arrow, or ``return``."""
    if at + 1 >= len(text) or not (text[at + 1].isalpha() or text[at + 1] == ">"):
        return False
    i = at - 1
    while i > start and text[i] in " \t\r\n":
        i -= 1
    return i <= start or text[i] in _JSX_AFTER or text.endswith("return", start, i + 1)


def _jsx_end(text: str, at: int, spans: list[tuple[int, int]] | None = None,
             nesting: int = 0) -> int:
    """After the ``}`` that closes the expression whose ``{`` is at ``at`` (as
    :func:`_js_end`, and the markup in it passed over: :func:`_jsx_element_end`), the
    spans of that markup appended to ``spans``; -1 when the file never closes it, or it
    nests too deep to follow."""
    return _script_end(text, at, True, spans, nesting)


def _jsx_element_end(text: str, at: int, nesting: int) -> int:
    """After the element (or fragment) whose start tag begins at ``at``, in an expression:
    its start tags' values and its content's expressions passed over (:func:`_jsx_end`),
    its elements counted to the end tag that closes it; -1 when the file never closes it."""
    n, i, depth = len(text), at, 0
    while True:
        if text.startswith("</", i):
            close = text.find(">", i)
            if close < 0:
                return -1
            i, depth = close + 1, depth - 1
            if depth <= 0:
                return i
        else:
            name = _JSX_NAME.match(text, i + 1)
            j = i + 1 if name is None else name.end()
            while True:
                if j >= n:
                    return -1
                c = text[j]
                if c == ">" or text.startswith("/>", j):
                    closed = c == "/"
                    j += 2 if closed else 1
                    break
                if c == "{":
                    j = _jsx_end(text, j, None, nesting + 1)
                    if j < 0:
                        return -1
                elif c == '"' or c == "'":
                    close = text.find(c, j + 1)
                    if close < 0:
                        return -1
                    j = close + 1
                else:
                    j += 1
            if not closed:
                depth += 1
            elif depth == 0:
                return j
            i = j
        while True:         # (its content: text, expressions, to the next tag)
            found = _JSX_CONTENT.search(text, i)
            if found is None:
                return -1
            if found[0] == "{":
                i = _jsx_end(text, found.start(), None, nesting + 1)
                if i < 0:
                    return -1
                continue
            i = found.start()
            after = text[i + 1:i + 2]
            if after.isalpha() or after in ("/", ">"):
                break
            i += 1          # (a "<" of text)


class _Astro(_ComponentReader):
    """One Astro component's neutralising. Its frontmatter (the code between its ``---``
    lines) renders nothing; its markup is HTML with expressions between braces, whose
    JavaScript may hold markup (JSX): an expression of code alone writes text (kept as
    Svelte's, ``{{``, its text, ``}``), a comment in braces nothing, and the markup in an
    expression (``{isLive && <span>Live</span>}``, ``{tags.map((t) => <li>{t}</li>)}``) is
    read where it stands, its code around it nothing, each piece on a condition of its own
    (once for each item after a ``.map(``). In a start tag, an expression writes a value
    (``alt={photo.alt}``; a quoted value is a plain string in Astro), a spread or a
    shorthand attributes; ``class:list`` writes the class, ``set:html`` and ``set:text``
    the element's content (a mark among its attributes, as Vue's ``v-html``), the other
    directives (``client:load``, ``is:inline``, ``define:vars``) nothing. A component
    (``<Card />``, ``<slot />``) is a hole (or the nameless icon it is imported as:
    :meth:`_ComponentReader.invocation`), ``<Fragment>`` writes its content alone, and
    astro:assets' ``<Image>`` and ``<Picture>`` an ``<img>`` of the attributes given. An
    HTML element that ``/>`` closes is written with its end tag (:func:`_closed_element`).
    A brace or an element the file never closes is text, the rest of the file read as
    written."""

    family = "astro"

    def read(self) -> str:
        text = self.text
        at = 0
        fence = _ASTRO_FENCE.match(text)
        if fence is not None:
            close = _ASTRO_FENCE_END.search(text, fence.end())
            at = len(text) if close is None else close.end()
            self.put(0, _blank(text[:at]))
        self.markup(at, len(text))
        return "".join(self.out)

    def markup(self, at: int, stop: int) -> None:
        """The markup of ``text[at:stop]``."""
        text = self.text
        while (m := _ASTRO_EVENTS.search(text, at, stop)) is not None:
            start = m.start()
            if m[0] == "<!--":
                close = text.find("-->", start + 4, stop)
                at = stop if close < 0 else close + 3
            elif m[0] == "{":
                spans: list[tuple[int, int]] = []
                end = _jsx_end(text, start, spans)
                if end < 0 or end > stop:
                    return          # (a brace never closed: the rest as written)
                self.expression(start, end, spans)
                at = end
            elif m[2] is None:          # (a fragment's tag: <>, </>)
                self.put(start, _blank(m[0]))
                at = m.end()
            elif m[1]:
                close = text.find(">", m.end(), stop)
                at = stop if close < 0 else close + 1
                name = m[2]
                if name in _ASTRO_IMAGES and self.astro_image(name):
                    self.put(start, _blank(text[start:at]))     # (an <img> has no end tag)
                elif _svelte_component(name) or name in _ASTRO_UNWRITTEN:
                    self.put(start, _blank(text[start:at]))
                elif name.lower() in ("svg", "math") and self.foreign:
                    self.foreign -= 1
            else:
                at = self.start_tag(start, m.end(), m[2], stop)

    def expression(self, start: int, end: int, spans: list[tuple[int, int]]) -> None:
        """An expression in content, ``text[start:end]``, and the markup in it."""
        text = self.text
        if not spans:
            inner = text[start + 1:end - 1].strip()
            comment = inner.startswith("/*") and inner.endswith("*/")
            self.put(start, _blank(text[start:end]) if comment or not inner
                     else _svelte_text(text[start:end]))
            return
        # (markup that is the whole expression, {<p>a</p>} or {(<p>a</p>)}, is written as it
        # stands; that code decides on, each piece on a condition of its own)
        alone = len(spans) == 1 and not (text[start + 1:spans[0][0]]
                                         + text[spans[0][1]:end - 1]).strip(" \t\r\n()")
        at = start
        for first, last in spans:
            self.put(at, _blank(text[at:first]))
            if not alone:
                self.neutraliser.begin("{", first, True, ".map(" in text[start:first])
            self.markup(first, last)
            if not alone:
                self.neutraliser.end("{", last)
            at = last
        self.put(at, _blank(text[at:end]))

    def astro_image(self, name: str) -> bool:
        """Whether ``<Image>`` or ``<Picture>`` is astro:assets' (an ``<img>``)."""
        if self.imported is None:
            self.imported = _imports(self.text)
        return self.imported.get(name, ("", ""))[0] == "astro:assets"

    def start_tag(self, start: int, at: int, name: str, stop: int) -> int:
        """A start tag whose attributes begin at ``at``: after its end."""
        text = self.text
        names: list[str] = []
        content = False
        while at < stop:
            at = _space_end(text, at)
            if at >= stop or text[at] == ">" or text.startswith("/>", at):
                at = min(stop, at + (1 if at < stop and text[at] == ">" else 2))
                break
            if text[at] == "{":
                end = _jsx_end(text, at)
                if end < 0 or end > stop:
                    return stop
                token = text[at:end]
                self.put(at, _svelte_attributes(token))     # ({...props}, {alt})
                names.append(token[1:-1].strip() or "{")
                at = end
                continue
            found = _SVELTE_NAME.match(text, at)
            if found is None:
                at += 1         # (a stray quote: passed over, as the HTML parser does)
                continue
            attribute, at = at, found.end()
            names.append(found[0])
            after = _space_end(text, at)
            if after < stop and text[after] == "=":
                at = self.value(_space_end(text, after + 1), stop)
            if _ASTRO_DIRECTIVE.fullmatch(found[0]):
                lower = found[0].lower()
                if lower == "class:list":
                    self.put(attribute, "class     ")
                elif lower in ("set:html", "set:text"):
                    self.put(attribute, CONTENT_MARK + lower[4:] + " ")
                    content = True
                else:
                    self.put(attribute, _blank(text[attribute:at]))
        lower = name.lower()
        if name in _ASTRO_IMAGES and self.astro_image(name):
            self.put(start, _ASTRO_IMAGES[name])
        elif name in _ASTRO_UNWRITTEN and not content:
            self.put(start, _blank(text[start:at]))
        elif _svelte_component(name) or name in _ASTRO_UNWRITTEN:
            self.put(start, self.invocation(name, names, start, at))
        elif lower in ("script", "style"):
            close = self.neutraliser.lower.find("</" + lower, at)
            return stop if close < 0 or close > stop else close
        elif lower in ("svg", "math"):
            if text[at - 2:at] != "/>":
                self.foreign += 1
        elif text[at - 2:at] == "/>" and not self.foreign and lower not in VOID_ELEMENTS:
            self.self_closed(start, at, lower)
        return at

    def value(self, at: int, stop: int) -> int:
        """An attribute's value from ``at``: after it."""
        text = self.text
        if at >= stop:
            return stop
        first = text[at]
        if first == "{":
            end = _jsx_end(text, at)
            if end < 0 or end > stop:
                return stop
            self.put(at, _svelte_value(text[at:end]))
            return end
        if first == '"' or first == "'":
            close = text.find(first, at + 1, stop)
            return stop if close < 0 else close + 1
        return _match_end(_SVELTE_UNQUOTED, text, at)


class Reading(NamedTuple):
    """A template's text as parsed (:func:`neutralise`), and the spans of it that the
    template renders on a condition (:attr:`Template.conditions`) and once for each item of
    a loop (:attr:`Template.loops`), each in order of their starts."""

    parsed: str
    conditions: tuple[tuple[int, int], ...]
    loops: tuple[tuple[int, int], ...]


_COMPONENT_READERS: dict[str, type[_Svelte | _Vue | _Astro]] = {
    "svelte": _Svelte, "vue": _Vue, "astro": _Astro}


def reading(text: str, family: str, icons: Callable[[str], bool] | None = None) -> Reading:
    """:func:`read`, and the spans of ``text`` that the template renders once for each item
    of a loop. ``icons``: whether the partial an include names (by a literal), or the file
    a Svelte, Vue or Astro component imports (by its path), is one the repository holds that
    writes a nameless icon (:func:`is_nameless_icon`); such an include or component is
    read as an ``<svg>`` without a name, not as a hole."""
    if family == "razor":
        razor = _Razor(text)
        parsed = razor.read()
        conditions = razor.neutraliser.closed()
        return Reading(parsed, conditions, tuple(razor.neutraliser.loops))
    if family in _COMPONENT_READERS:
        reader = _COMPONENT_READERS[family](text, icons)
        parsed = reader.read()
        return Reading(parsed, reader.neutraliser.closed(), tuple(reader.neutraliser.loops))
    neutraliser = _Neutraliser(text, family)
    neutraliser.icons = icons
    if family == "wordpress":
        # A dynamic block of WordPress's block markup (<!-- wp:post-content /-->, a template
        # part, a query loop): WordPress writes the markup it renders there, a hole; its
        # other block comments render nothing around the markup they hold.
        pieces: list[str] = []
        at = 0
        for start, end in _wp_dynamic_blocks(text):
            pieces += (text[at:start], neutraliser.hole(_Span(text[start:end], start)))
            at = end
        parsed = "".join(pieces) + text[at:]
    elif family == "handlebars" and _GLIMMER.search(text) is not None:
        neutraliser.glimmer = True
        parsed = _CURLY_TOKENS.sub(neutraliser.curly, _glimmer_tags(text, neutraliser))
        parsed = _SPLATTED.sub("{{attribute}}", parsed)
    else:
        parsed = _TOKENS[family].sub(getattr(neutraliser, _METHODS[family]), text)
    conditions = neutraliser.closed()
    if neutraliser.captured:
        written = list(parsed)
        for start, end in neutraliser.captured:
            written[start:end] = _blank(parsed[start:end])
        parsed = "".join(written)
    return Reading(parsed, conditions, tuple(neutraliser.loops))


# An expression as kept in the text parsed: "{{", its text on one line, "}}" or "}"; in a
# message, also one cut short by an ellipsis
_KEPT = re.compile(r"\{\{[^{}\r\n]*\}\}?")
_KEPT_OR_CUT = re.compile(r"\{\{[^{}\r\n…]*(?:\}\}?|…)")


def written_expressions(parsed: str, written: str) -> dict[str, str]:
    """Each expression as :func:`neutralise` kept it in ``parsed`` that ``written`` (the
    template, as long) writes otherwise, with how it writes it: ``{{Model.Image.U}`` ->
    ``@Model.Image.Url``, ``{{ post.title }}`` of ERB -> ``<%= post.title %>``, Jinja's
    quotes kept as look-alikes -> ``{{ "x" }}``. A message quotes an attribute's value or
    an element's text from the tree, as parsed; :func:`as_written` shows it as written.
    Each is keyed with its spaces collapsed, as a message quotes an element's text (a JSP's
    ``<s:text name="tip"/>`` is kept as ``{{      tip      }}``). A kept form written two
    ways is left out: which one a message quotes cannot be told."""
    found: dict[str, str] = {}
    twice: set[str] = set()
    for m in _KEPT.finditer(parsed):
        kept = " ".join(m[0].split())
        start, end = m.span()
        if start and parsed[start - 1] == " " and written[start - 1] != " ":
            start -= 1      # (moved one place on, after a tag's name: _Neutraliser.kept)
        original = written[start:end]
        if original == m[0] or kept in twice:
            continue
        if found.setdefault(kept, original) != original:
            del found[kept]
            twice.add(kept)
    return found


def as_written(text: str, expressions: dict[str, str]) -> str:
    """``text`` (a message, a snippet rebuilt from the tree) with each expression as kept
    shown as the template writes it (:func:`written_expressions`); one a message cut short
    (``{{ h.humanize(\u2032package\u2032, …``), as written and cut as long, where it is the
    start of one kept form only."""
    if EXPRESSION not in text or not expressions:
        return text

    def written(m: re.Match[str]) -> str:
        kept = " ".join(m[0].split())
        if not kept.endswith("…"):
            return expressions.get(kept, m[0])
        start = kept[:-1]
        found = {original for form, original in expressions.items() if form.startswith(start)}
        if len(found) != 1:
            return m[0]
        original = " ".join(found.pop().split())
        return original[:len(m[0]) - 1] + "…" if len(original) >= len(m[0]) else original

    return _KEPT_OR_CUT.sub(written, text)


# -- partials ---------------------------------------------------------------------------------

_MAY_HIDE_TAGS = re.compile(r"<!--|<(?:script|style|textarea|pre|code|xmp|template)\b", re.I)
_DOCUMENT_TAG = re.compile(r"<(?:!doctype|html|head|body|title)(?=[\s/>])", re.I)
_TEMPLATE_DOCUMENT_TAG = re.compile(r"<(?:!doctype|html)(?=[\s/>])", re.I)


def is_fragment(text: str, template: bool = False) -> bool:
    """Whether ``text`` is a partial (an include, a component, a child template), not a
    page: no doctype, and no ``<html>``, ``<head>``, ``<body>`` or ``<title>`` start tag
    outside comments, scripts and styles. A template's page has a doctype or ``<html>``:
    its ``<head>`` or ``<body>`` alone is an include of a layout (Jekyll's head.html)."""
    pattern = _TEMPLATE_DOCUMENT_TAG if template else _DOCUMENT_TAG
    found = _document_tag(pattern, text)
    if found is None:
        return True
    if _MAY_HIDE_TAGS.search(text, 0, found) is None:
        return False        # (a page's first such tag: nothing before it can hide it)
    return _document_tag(pattern, _NOT_MARKUP.sub(" ", text)) is None


def _document_tag(pattern: re.Pattern[str], text: str) -> int | None:
    """Where the first tag that makes a document is: a ``<title>`` in an ``<svg>`` (an icon
    sprite's symbols) is the SVG's own, not the page's."""
    for found in pattern.finditer(text):
        at = found.start()
        if found[0][1:].lower() == "title":
            lower = text[:at].lower()
            if lower.rfind("<svg") > lower.rfind("</svg"):
                continue
        return at
    return None


class Template(NamedTuple):
    """What the page model was told of a template file: its family (None: plain HTML),
    whether it is a partial, and the spans of its text (start and end offsets, in order of
    their starts) that it renders on a condition: an ``{% if %}``'s to its ``{% endif
    %}``, a ``{{#if}}``'s, an ``@if``'s, an ``if``'s block of code (two elements each in
    a span of its own, neither span inside the other, may be alternatives:
    :func:`a11y_audit.checks.holes.branch_between`)."""

    family: str | None
    fragment: bool
    conditions: tuple[tuple[int, int], ...] = ()
    # ... and the spans it renders once for each item of a loop ({% for %}..{% endfor %},
    # {{#each}}, a foreach's block of code): an element in one is repeated
    # (:func:`a11y_audit.checks.holes.repeated_by_loop`)
    loops: tuple[tuple[int, int], ...] = ()
    # ... and, for a Markdown story, the lines of its images written without a description
    # (:attr:`a11y_audit.markdown.Rendering.undescribed`)
    undescribed_images: frozenset[int] = frozenset()
    # ... and the title its front matter gives it (:attr:`a11y_audit.markdown.Rendering.title`)
    title: str = ""
