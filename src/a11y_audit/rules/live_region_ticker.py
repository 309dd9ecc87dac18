"""Breaking-news tickers and live feeds are polite live regions, and can be paused.

A banner, ticker or live-updates feed is a polite live region or a labelled region, and one
that scrolls by itself has a pause button.

Tickers and live blogs change while the reader is on the page. As a polite live region
(``aria-live="polite"``, ``role="status"``, ``"log"`` or ``"marquee"``) screen readers announce
updates when the reader pauses; as a labelled region (``role="region"`` or a named
``section``/``aside``) readers can find and re-read it. ``role="alert"`` or
``aria-live="assertive"`` on content that updates on its own interrupts whatever the reader is
listening to, with every headline. A ticker that scrolls by itself (``<marquee>``, or a
recognised ticker with an autoplay or auto-scroll attribute) needs a pause button (WCAG 2.2.2).

No axe-core counterpart. Tickers are recognised by ``role="marquee"``/``"log"``, the
``<marquee>`` element, or a class, id or ``aria-label`` matching the ``patterns`` option
(default: breaking, ticker but not sticker, newsflash, live-updates, liveblog, live-blog,
live-feed, crawl) on a container (not on a link, control, image or table cell: a newsletter
checkbox with ``id="breaking-news"`` is not a banner, nor a stock table's
``<td class="ticker">``), nor on an empty ``<i>``, ``<span>`` or other phrasing element (an
icon, ``<i class="icon--coverage-live-blog">``; an empty ``<div>`` or ``<ul>`` a script
fills is judged); only the outermost match counts. A container that holds the story's
headline (a rendered ``h1``) or body (``itemprop="articleBody"``) is the article, not a
banner or a ticker, unless its name says live blog, live updates or live feed (whose
container may hold its headline) or it is a ``<marquee>`` or a ``role=marquee|log``: what
matches inside it is judged instead. A class with "marquee" is not a
ticker: in page templates it names the lead picture or hero unit far more often than a
scrolling one. ``role="alert"`` and ``aria-live`` alone do not make a ticker: form errors use
them correctly.

Fails::

    <div class="breaking-news" role="alert"><a href="/n/1">Breaking: polls close</a></div>

    <div id="ticker" class="news-ticker"><ul><li><a href="/n/1">Markets open higher</a></li>
      </ul></div>

Passes::

    <div class="breaking-news" role="status"><a href="/n/1">Breaking: polls close</a></div>

    <section class="liveblog" aria-label="Live updates"><article><p>21:45 Turnout up</p>
      </article></section>

Limits: whether content really updates, and whether a stylesheet or script animates it, cannot be
seen; a ticker that a stylesheet the cascade reads hides is not checked; one that only a linked
stylesheet that could not be read may hide is. In a template, a ticker that is neither but
holds what an include, a block or a component writes (``<div class="breaking-news">{%
include "alert.html" %}</div>``) is cantTell: that markup may be the live region. The 2.2.2
failure (no pause button) is reported with the others under this rule, which declares no
WCAG criterion as a whole.

Options
-------

``patterns`` (list of regular expressions)
    Default: breaking, ticker (not after "s", but newsticker), newsflash, live-updates,
    live-blog, live-feed, crawl.
    Matched against class, id and aria-label (case is ignored) to find a ticker.

``ignore-prefixes`` (list of strings, default ``rule-`` and ``a11y-``)
    Class or id tokens with these prefixes are never tickers (names that merely mention a rule).

``autoplay-attributes`` (list of attribute names)
    Default: data-autoplay, data-auto-scroll, data-autoscroll, data-scroll, data-interval,
    data-speed.
    Attributes that mean the ticker moves by itself.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from a11y_audit.checks.holes import holds_component, holds_hole
from a11y_audit.checks.naming import describe
from a11y_audit.dom import tag_of
from a11y_audit.rule import Element, Page, Result, Results, Rule

RULE = Rule(
    id="live-region-ticker",
    impact="moderate",
    wcag=(),
    tags=("news", "cat.aria"),
    axe=False,
    help_url="https://www.w3.org/WAI/ARIA/apg/practices/landmark-regions/",
    help="Make the ticker aria-live=\"polite\" (or role=status/log), never alert/assertive, "
         "and give a scrolling ticker a pause button",
)

OPTIONS: dict[str, Any] = {
    # Regular expressions matched against class, id and aria-label (case is ignored).
    # ("sticker" is not a ticker; "marquee" in a class names a hero unit, not a scroller)
    "patterns": [r"breaking", r"(?<!s)ticker", r"newsticker", r"newsflash", r"live-?updates?",
                 r"live-?blog", r"live-?feed", r"\bcrawl"],
    # Class or id tokens with these prefixes are never tickers: names that merely mention a
    # rule, like this tool's own report (id="rule-live-region-ticker").
    "ignore-prefixes": ["rule-", "a11y-"],
    # Attributes that mean the ticker moves by itself.
    "autoplay-attributes": ["data-autoplay", "data-auto-scroll", "data-autoscroll",
                            "data-scroll", "data-interval", "data-speed"],
}

_POLITE_ROLES = frozenset(("status", "log", "marquee"))
# Controls, embedded content and table cells are never the ticker itself (a newsletter
# checkbox with id="breaking-news" is not a banner, nor a stock table's <td class="ticker">;
# a <marquee> inside a cell is found as itself).
_NOT_CONTAINERS = frozenset(("html", "head", "body", "a", "button", "input", "select",
                             "textarea", "option", "label", "img", "svg", "picture", "iframe",
                             "form", "script", "style", "link", "meta", "noscript", "template",
                             "source", "video", "audio", "use", "path", "tr", "th", "td",
                             "caption", "thead", "tbody", "tfoot"))
# Phrasing elements that, empty, are an icon or a badge a stylesheet draws (``<i
# class="icon--live-blog">``, a coverage list's "live blog" mark), never a feed: a script fills
# a feed's container (a <div>, a <ul>), which stays judged empty.
_ICON_TAGS = frozenset(("i", "span", "b", "em", "strong", "small", "mark", "sup", "sub", "s",
                        "u"))
_PAUSE = re.compile(r"\b(?:pause|stop|pausa|pausar|parar|arrêter|anhalten|stopp)\b", re.I)


def check(page: Page, options: dict[str, Any]) -> Results:
    for el in _tickers(page, options):
        yield _politeness(page, el)
        moving = any(node.tag == "marquee" or any(
            node.get(a) is not None for a in options["autoplay-attributes"])
            for node in el.iter(etree.Element))
        if moving:
            yield _pause(page, el)


_LEADING = re.compile(r"(?:\\b|\^|\(\?<![^()]*\))?([A-Za-z0-9_]+)([?*{]?)")


def required_literals(patterns: list[str]) -> tuple[str, ...] | None:
    """A word each pattern's every match contains, lower-case: the run of plain letters and
    digits it starts with (after ``\\b``, ``^`` or a negative lookbehind such as ``(?<!s)``;
    without a last letter that ``?``, ``*`` or ``{`` makes optional). None when a pattern does
    not start so or has an alternation: then every hint goes to the regular expression."""
    found = []
    for pattern in patterns:
        match = _LEADING.match(pattern)
        if match is None or "|" in pattern:
            return None
        word = match.group(1)[:-1] if match.group(2) else match.group(1)
        if not word:
            return None
        found.append(word.lower())
    return tuple(dict.fromkeys(found))       # each word once (live-updates, live-blog...)


def _may_match(value: str | None, literals: tuple[str, ...]) -> bool:
    """The hint built from ``value`` can match: one of the patterns' required words is in it.
    An ASCII value is tested by plain lower-case containment, which for ASCII text and words
    is what ``re.IGNORECASE`` compares; other text always goes to the regular expression
    (its case folding has more equivalents, as the Kelvin sign for k)."""
    if not value:
        return False
    if not value.isascii():
        return True
    lowered = value.lower()
    for word in literals:  # noqa: SIM110 (a loop: any() of a generator costs 3x more)
        if word in lowered:
            return True
    return False


def _may_match_some(values: set[str], literals: tuple[str, ...] | None) -> set[str]:
    """The values for which :func:`_may_match` holds. A page has a few hundred distinct class
    values and almost never one of the required words: they are looked for in all the
    values joined at once (a word of letters and digits cannot span the line break between
    two), and only when one is there, or a value is not ASCII, is each value asked."""
    if literals is None:
        return values
    joined = "\n".join(values)
    if joined.isascii():
        lowered = joined.lower()
        for word in literals:
            if word in lowered:
                break
        else:
            return set()
    return {value for value in values if _may_match(value, literals)}


def _matching(page: Page, pattern: re.Pattern[str], prefixes: tuple[str, ...],
              literals: tuple[str, ...] | None) -> set[Element]:
    """Elements whose hint (class, id and aria-label, see :func:`_hint`) the pattern finds.

    Hundreds of elements a page have a class, a few have an id, an aria-label or a role, and
    almost none is a ticker: the distinct class values (and (class, id, aria-label) triples)
    are collected once each, from the page's attribute values (read once a page, shared with
    the cascade: no lxml ``get`` here); only those holding a word every match needs (see
    :func:`required_literals`) are matched, once; elements are looked up again only for the
    values that matched. Most elements with a class have neither id nor label: their hint is
    read from the class alone. Role is there because a pattern may match the empty hint of an
    element with a role only (then there are no required words)."""
    search = pattern.search
    by_attribute = page.by_attribute
    classes, ids, labels = page.values("class"), page.values("id"), page.values("aria-label")
    fuller = [*by_attribute.get("id", ()), *by_attribute.get("aria-label", ()),
              *by_attribute.get("role", ())]
    # Every class value is matched, those of the fuller elements too (a few more values, in
    # C), instead of a Python pass that drops those elements first; the fuller elements are
    # left out of what the class alone found.
    hits = {value for value in _may_match_some(set(classes.values()), literals)
            if search(_hint(value, None, None, prefixes))}
    found: set[Element] = set()
    if hits:
        skip = set(fuller)
        found.update(el for el, value in classes.items() if value in hits and el not in skip)
    get_class, get_id, get_label = classes.get, ids.get, labels.get
    keys = {el: (get_class(el), get_id(el), get_label(el)) for el in fuller}
    # a key's three parts joined: a required word (letters, digits) cannot span the line
    # break, so this is _may_match of any one part
    matched = {key for key in set(keys.values())
               if (literals is None or _may_match("\n".join(filter(None, key)), literals))
               and search(_hint(*key, prefixes))}
    if matched:
        found.update(el for el, key in keys.items() if key in matched)
    return found


def _tickers(page: Page, options: dict[str, Any]) -> list[Element]:
    """The outermost rendered containers that look like tickers, in document order.

    Tens of thousands of elements have a class, id or role and almost none is a ticker: each
    distinct hint is matched once (see :func:`_matching`), and only the few matches are
    sorted and looked at further (links, controls and images are dropped then)."""
    pattern = re.compile("|".join(options["patterns"]), re.I) if options["patterns"] else None
    prefixes = tuple(options["ignore-prefixes"])
    candidates: set[Element] = set(page.by_tag.get("marquee", ()))
    for el in page.by_attribute.get("role", ()):
        if page.explicit_roles.get(el) in ("marquee", "log"):
            candidates.add(el)
    if pattern is not None:
        literals = required_literals(options["patterns"])
        candidates |= _matching(page, pattern, prefixes, literals)
    tickers: list[Element] = []
    seen: set[Element] = set()
    order = page.order
    story: set[Element] | None = None
    for el in sorted(candidates, key=order.__getitem__):
        if el.tag in _NOT_CONTAINERS:
            continue        # links, controls, images and svg paths are never the ticker
        if el.tag in _ICON_TAGS and len(el) == 0 and not (el.text or "").strip():
            continue        # an empty <i> or <span>: an icon
        if el.tag != "marquee" and page.explicit_roles.get(el) not in ("marquee", "log"):
            if story is None:
                story = _story(page)
            if el in story and not _FEED.search(_hint(el.get("class"), el.get("id"),
                                                      el.get("aria-label"), prefixes)):
                continue    # the story itself, in a breaking-news page's layout
        if page.is_rendered(el) and not any(anc in seen for anc in el.iterancestors()):
            tickers.append(el)
            seen.add(el)
    return tickers


# The patterns' words for a live feed, whose container may hold the story's headline and body
# (a live blog's page), unlike a banner or a ticker
_FEED = re.compile(r"live-?updates?|live-?blog|live-?feed", re.I)


def _story(page: Page) -> set[Element]:
    """The story's headline (a rendered ``h1``) and body (``itemprop="articleBody"``), and
    every element that holds one of them. A breaking-news banner or a ticker holds neither:
    a container named like one that does is the article, in the layout of a page about
    breaking news (the Jerusalem Post's article rows, ``g-row-breaking-news``)."""
    found: set[Element] = set()
    bodies = [el for el in page.by_attribute.get("itemprop", ())
              if "articlebody" in (el.get("itemprop") or "").lower().split()]
    for el in [*page.by_tag.get("h1", ()), *bodies]:
        if el in found or (el.tag == "h1" and not page.is_rendered(el)):
            continue
        found.add(el)
        for ancestor in el.iterancestors():
            if ancestor in found:
                break
            found.add(ancestor)
    return found


def _hint(classes: str | None, ident: str | None, label: str | None,
          prefixes: tuple[str, ...]) -> str:
    """Class and id tokens (minus ignored ones) and the aria-label, for the patterns."""
    tokens = (classes or "").split()
    if ident:
        tokens += ident.split()
    if prefixes and tokens:
        lowered = " ".join(tokens).lower()
        if any(prefix.lower() in lowered for prefix in prefixes):   # else none starts with one
            tokens = [t for t in tokens if not t.lower().startswith(prefixes)]
    tokens.append(label or "")
    return " ".join(tokens)


def _politeness(page: Page, el: Element) -> Result:
    """Judged on the container and what it holds: a wrapper (``ticker-wrap``) around a
    polite ``role=marquee`` is fine, an assertive region anywhere inside is not."""
    label = describe(el)
    polite = labelled = None
    for node in el.iter(etree.Element):
        role = page.explicit_roles.get(node)
        live = (node.get("aria-live") or "").strip().lower()
        if role == "alert" or live == "assertive":
            return RULE.fail(node, f"{describe(node)} is an assertive live region: every update "
                                   "interrupts the screen reader; use aria-live=\"polite\"")
        if polite is None and (live == "polite" or role in _POLITE_ROLES
                               or tag_of(node) == "marquee"):
            polite = node
        if labelled is None and page.role(node) == "region" and page.name(node):
            labelled = node
    if polite is not None:
        return RULE.ok(el, f"{label} is (or holds) a polite live region")
    if labelled is not None:
        return RULE.ok(el, f"{label} is (or holds) a labelled region")
    if page.template is not None and (holds_hole(el) or (
            page.template == "blade" and holds_component(el))):
        return RULE.cant_tell(el, f"{label} looks like a ticker or live feed, and an include, "
                                  "a block, a component or a raw expression writes some of "
                                  "what it holds, which may be the live region: the rendered "
                                  "page decides")
    return RULE.fail(el, f"{label} looks like a ticker or live feed but is neither a polite "
                         "live region nor a labelled region")


def _pause(page: Page, el: Element) -> Result:
    scope = el.getparent()
    if scope is None:
        scope = el
    controls: dict[Element, list[Element]] = page.memo(_PAUSE_CONTROLS, _new_memo)
    found = controls.get(scope)
    if found is None:
        # the pause controls in the scope, found once for the tickers it holds (a page of
        # many tickers side by side searched the whole scope for each)
        found = controls[scope] = [
            control for control in scope.iter(etree.Element)
            if page.is_focusable(control) and _PAUSE.search(page.name(control))]
    if any(control is not el for control in found):
        return RULE.ok(el, "The moving ticker has a pause control")
    return RULE.fail(el, f"{describe(el)} moves by itself and has no pause button (WCAG 2.2.2 "
                         "Pause, Stop, Hide)")


_PAUSE_CONTROLS = "live-region-ticker.pause-controls"


def _new_memo(page: Page) -> dict[Element, list[Element]]:
    return {}
