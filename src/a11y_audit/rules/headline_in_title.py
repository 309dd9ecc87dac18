"""The document title contains the article's headline.

The title is the first thing a screen reader announces on arrival, and the name of the tab,
bookmark and search result. On an article it should say which story this is: bbc-a11y's
semi-automated standard "Title element must identify main content" compares it with the main
heading. A title that is only the site name ("Daily Planet"), a section ("World news") or a
different story's headline (a template bug) fails.

No axe-core counterpart. The headline is the page's first visible ``h1`` inside ``main`` or
``article`` (else the first visible ``h1``); titles and headline are compared after folding case,
quotes, dashes and white space. With the ``patterns`` option (e.g. ``["{headline} | {site}"]``)
the title must match one of the patterns instead, where ``{site}`` stands for any text.

Fails::

    <title>Daily Planet</title><body><main><h1>Storm hits coast</h1></main></body>

Passes::

    <title>Storm hits coast | Daily Planet</title><body><main><h1>Storm hits coast</h1></main>
    </body>

A title that rewords the headline passes when it holds at least ``same-story-share`` (70%)
of the headline's topic words, four or more ("Why you can't trust the White House on Donald
Trump's health - CNNPolitics" for "Why you just can't trust the White House on Donald
Trump's health": 7 of 8).

cantTell: the title shares at least ``reworded-share`` (20%) of the headline's words, too few
to pass (an SEO title that rewords the headline may still identify the story); the title
contains the text of another heading of the page, three topic words or more (a template
that makes the story's headline an ``h2`` under a featured story's ``h1``: which one is the
headline needs a person); and an ``h1`` that may be the masthead (inside the
banner, inside or holding a link to the home page, ``/`` or ``https://example.com/``, the
``og:site_name``, or an image only), unless its text is the page's ``og:title`` (or
``twitter:title``), or begins it: then it is the headline. Behind a masthead ``h1`` the
page passes when its title holds the story's headline: another ``h1`` that is no masthead,
or a heading of any level whose text is the ``og:title`` (or begins it), as classic
WordPress themes write the post's title in an ``h2`` under the site's ``h1``; it never fails
for such a heading. Words are compared without stop
words and a plural or possessive "s". The headline is the ``h1``'s text (its accessible name
only when it has no text: an ``aria-label`` on a link inside it is not the headline).

Limits: pages without a title are left to ``document-title``; pages without an ``h1`` to
``page-has-heading-one``.

Options
-------

``patterns`` (list of strings, default none)
    Title patterns with ``{headline}`` and ``{site}``, e.g. ``"{headline} | {site}"``; the title
    must match one. Empty: the title must contain the headline.

``reworded-share`` (number from 0 to 1, default 0.2)
    Share of the headline's words the title must hold for cantTell instead of failed (SEO titles
    often reword the headline).

``same-story-share`` (number from 0 to 1, default 0.7)
    Share of the headline's topic words (four at least) a title that rewords it must hold to
    pass as naming the same story. 1 passes only titles that hold every topic word; more than
    1 never passes a rewording.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from a11y_audit.dom import normalize_space, tag_of, text_content
from a11y_audit.knowledge import bbc
from a11y_audit.page import Heading
from a11y_audit.rule import Element, Page, Result, Results, Rule

RULE = Rule(
    id="headline-in-title",
    impact="moderate",
    wcag=(),
    tags=("news", "cat.structure"),
    axe=False,
    help_url=bbc.url("structure/unique-pagescreen-titles"),
    help="Put the headline in <title>, e.g. \"Storm hits coast | Daily Planet\"",
    document_level=True,
    whole_content=True,
)

OPTIONS: dict[str, Any] = {
    # Title patterns with {headline} and {site}, e.g. "{headline} | {site}" or
    # "{site}: {headline}"; empty: the title must contain the headline.
    "patterns": [],
    # Share of the headline's words the title must hold to say cantTell instead of failed
    # (SEO titles often reword the headline: "Investors unsure on trade war" for "Investors
    # don't seem to know what to make of the US-China trade war" shares 5 of 13 words).
    "reworded-share": 0.2,
    # Share of the headline's topic words (and at least four of them) a rewording must hold
    # to pass: "Why you can't trust the White House on Donald Trump's health" for "Why you
    # just can't trust ..." (7 of 8) names the same story.
    "same-story-share": 0.7,
}
# Fewer shared topic words than this never pass as the same story: a short headline ("The
# Impeachment Clock") shares all its words with many titles.
SAME_STORY_WORDS = 4

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                         "\u00a0": " "})
_WORD = re.compile(r"\w+")
# Words that carry no topic (en, es, fr, de, pt), left out when comparing reworded titles.
_STOP_WORDS = """a an the of in on at to for and or but is are was were be been it its this
that these those with from by as how why what who when my your our their his her we you they
i not no do does don t s el la los las un una de del y en por para que le les des du et au aux
une est der die das ein eine und im zu mit von o os as um uma e do da dos das em"""
_STOP = frozenset(_STOP_WORDS.split())


def _content_words(text: str) -> list[str]:
    """Topic words, with a possessive 's and a plural s taken off ("Apple's" = "apple")."""
    out = []
    for word in _WORD.findall(text.replace("'s ", " ").replace("'s", "")):
        if word in _STOP:
            continue
        out.append(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return out


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(text.split())


def check(page: Page, options: dict[str, Any]) -> Results:
    title = page.title
    headline_el = _headline(page)
    if not title or headline_el is None:
        return
    headline = _heading_text(page, headline_el)
    if not headline:
        return
    target = _title_element(page)
    folded_title = fold(title)
    if _looks_like_masthead(page, headline_el, headline):
        story = _story_headline(page, headline_el, folded_title,
                                float(options["same-story-share"]))
        if story is not None:
            el, text = story
            yield RULE.ok(target, f"The title holds the story's headline, the <{tag_of(el)}> "
                                  f"\"{text}\" (the h1 \"{headline}\" looks like the masthead)")
        else:
            yield RULE.cant_tell(target, f"The h1 \"{headline}\" looks like the masthead, not "
                                         "a headline")
        return
    folded_headline = fold(headline)
    if options["patterns"]:
        if any(_matches(p, folded_title, folded_headline) for p in options["patterns"]):
            yield RULE.ok(target, f"The title follows the pattern with \"{headline}\"")
        else:
            yield _fail(page, target, headline_el,
                        f"The title \"{title}\" does not follow "
                        f"{' or '.join(options['patterns'])} with the headline \"{headline}\"")
        return
    if folded_headline in folded_title:
        yield RULE.ok(target, f"The title contains the headline \"{headline}\"")
        return
    shared, share = _shared_words(folded_headline, folded_title)
    if shared >= SAME_STORY_WORDS and share >= float(options["same-story-share"]):
        words = len(_content_words(folded_headline))
        yield RULE.ok(target, f"The title \"{title}\" rewords the headline \"{headline}\" "
                              f"({shared} of its {words} topic words): the same story")
        return
    if share >= float(options["reworded-share"]):
        yield RULE.cant_tell(target, f"The title \"{title}\" rewords the headline "
                                     f"\"{headline}\"; check it names the same story")
        return
    named = _named_heading(page, headline_el, folded_title)
    if named is not None:
        yield RULE.cant_tell(target, f"The title \"{title}\" contains the heading "
                                     f"<{tag_of(named.element)}> \"{named.text}\", not the h1 "
                                     f"\"{headline}\"; check which one is the story's "
                                     "headline")
    else:
        yield _fail(page, target, headline_el,
                    f"The title \"{title}\" does not contain the headline \"{headline}\"")


def _shared_words(folded_headline: str, folded_title: str) -> tuple[int, float]:
    """How many of the headline's topic words the title holds, and what share of them."""
    words = _content_words(folded_headline)
    title_words = set(_content_words(folded_title))
    shared = sum(w in title_words for w in words)
    return shared, shared / len(words) if words else 0


def _story_headline(page: Page, masthead: Element, folded_title: str,
                    same_story: float) -> tuple[Element, str] | None:
    """When the page's first ``h1`` looks like the masthead: the story's headline, if the
    title holds it (its text, or a rewording the rule passes), with its text; else None
    (the rule stays cantTell: it never fails a page for a heading it only guesses is the
    headline). The story's headline is another rendered ``h1`` that does not look like the
    masthead (GiveWell's blog: the site's name in an ``h1`` at the top of ``main``, the
    post's title in an ``h1`` in its ``article``), or a heading of any level whose text is
    the page's ``og:title``/``twitter:title`` or begins it (a classic WordPress theme or AP's
    hosted pages: the site's name the ``h1``, the post's title an ``h2``)."""
    shared_title = _meta(page, ("og:title", "twitter:title"))
    for heading in page.headings:
        el = heading.element
        if el is masthead or heading.hidden or not page.is_rendered(el):
            continue
        text = _heading_text(page, el)
        folded = fold(text)
        if not folded:
            continue
        if tag_of(el) == "h1":
            if _looks_like_masthead(page, el, text):
                continue
        elif not _names_shared_title(folded, shared_title):
            continue
        if folded in folded_title:
            return el, text
        shared, share = _shared_words(folded, folded_title)
        if shared >= SAME_STORY_WORDS and share >= same_story:
            return el, text
    return None


def _fail(page: Page, target: Element, headline: Element, message: str) -> Result:
    """The failure, or cantTell when a stylesheet rule the cascade cannot evaluate may hide
    the headline (another h1, or none, would be the headline): the engine looks only at the
    failing element, the title, here."""
    reason = page.may_be_hidden(headline)
    if reason:
        return RULE.cant_tell(target, f"The headline <h1>: {reason}; if it is shown: {message}")
    return RULE.fail(target, message)


def _headline(page: Page) -> Element | None:
    first = None
    for heading in page.headings:
        el = heading.element
        if heading.hidden or tag_of(el) != "h1" or not page.is_rendered(el):
            continue
        if any(tag_of(a) in ("main", "article") or page.role(a) == "main"
               for a in el.iterancestors()):
            return el
        first = first if first is not None else el
    return first


def _looks_like_masthead(page: Page, el: Element, headline: str) -> bool:
    """Whether the ``h1`` may be the site's masthead rather than the story's headline: inside
    the banner, inside or holding a link to the home page, the site's name, or no text (a
    logo). The page's
    own ``og:title``/``twitter:title``, the story's headline for sharing, settles it: an
    ``h1`` whose text is that title (or begins it, as in "Best gadgets | ZDNet") is the
    headline, wherever the template puts it (article headers are often ``<header>``
    elements outside any ``<article>``, which HTML-AAM makes the banner)."""
    if not any(t.strip() for t in el.itertext()):
        return True
    site = _meta(page, ("og:site_name",)) or _meta(page, ("application-name",))
    suspect = ((bool(site) and site.replace(" ", "") == fold(headline).replace(" ", ""))
               or any(_home(a.get("href")) for a in el.iter("a"))
               or any(page.role(a) == "banner"
                      or (tag_of(a) == "a" and _home(a.get("href")))
                      for a in el.iterancestors()))
    if not suspect:
        return False
    return not _names_shared_title(fold(headline), _meta(page, ("og:title", "twitter:title")))


def _names_shared_title(folded: str, shared: str) -> bool:
    """Whether a heading's folded text is the page's ``og:title``/``twitter:title``
    (``shared``, folded) or begins it, as in "Best gadgets | ZDNet": the story's headline."""
    return bool(shared) and shared.startswith(folded) and 2 * len(folded) >= len(shared)


def _home(href: str | None) -> bool:
    """A link to a site's home page: its root (``/``, ``./``, ``https://example.com/``) or
    the root's index file (``/index.html``), without a query or fragment."""
    href = (href or "").strip()
    if href in ("/", "./"):
        return True
    if not (href.startswith("/") or href[:6].lower().startswith(("http:", "https:"))):
        return False
    try:
        parts = urlsplit(href)
    except ValueError:          # a malformed address ("http://[#"): no home page
        return False
    if parts.query or parts.fragment:
        return False
    if (parts.scheme or href.startswith("//")) and not parts.netloc:
        return False        # "http:/": no site named
    return _ROOT.fullmatch(parts.path) is not None


_ROOT = re.compile(r"/?(?:index\.\w{2,5})?", re.I)
# Headings shorter than this many topic words are not taken as naming a story: a title
# holds "News" or "Politics" by chance.
_STORY_WORDS = 3


def _heading_text(page: Page, el: Element) -> str:
    """A heading's text; its accessible name only when it has no text (an ``aria-label`` on a
    link inside it is not the headline)."""
    return normalize_space(text_content(el)) or page.name(el)


def _named_heading(page: Page, h1: Element, folded_title: str) -> Heading | None:
    """Another heading of the page (rendered, seen by assistive technology) whose text the
    title contains, long enough to name a story: then the title names a story on the page,
    and the h1 that it does not hold may not be the story's headline (a template that makes
    the headline an ``h2`` under a featured story's ``h1``). None when there is none."""
    for heading in page.headings:
        el = heading.element
        if el is h1 or heading.hidden or not page.is_rendered(el):
            continue
        folded = fold(_heading_text(page, el))
        if len(_content_words(folded)) >= _STORY_WORDS and folded in folded_title:
            return heading
    return None


def _meta(page: Page, names: tuple[str, ...]) -> str:
    """The folded content of the first ``<meta>`` with one of these names or properties."""
    for meta in page.select("meta[content]"):
        if (meta.get("property") or meta.get("name") or "").lower() in names:
            return fold(meta.get("content") or "")
    return ""


def _title_element(page: Page) -> Element:
    from a11y_audit.semantics.document import title_element

    el = title_element(page)
    return el if el is not None else page.root


def _matches(pattern: str, title: str, headline: str) -> bool:
    parts = re.split(r"(\{headline\}|\{site\})", fold(pattern))
    regex = "".join(re.escape(headline) if p == "{headline}" else ".+" if p == "{site}"
                    else re.escape(p) for p in parts)
    return re.fullmatch(regex, title) is not None
