"""The ``title`` attribute is used only on form controls and frames.

A ``title`` shows as a tooltip only when a mouse hovers; keyboard users, touch-screen users
(most news readers are on phones) and many screen reader configurations never get it. On links,
images and headings, information placed only in ``title`` is lost to them. On form controls it
is a last-resort label, and on frames it is the name. bbc-a11y's standard "Title attributes only
on inputs" checks the same.

No axe-core counterpart. bbc-a11y fails every visible element with ``title`` other than
``input``, ``button``, ``textarea``, ``select`` and ``iframe``. This rule also allows ``title``
where HTML gives it a defined meaning other than a tooltip: ``abbr`` and ``dfn`` (the
expansion or term), ``frame``, ``object`` and ``embed`` (their name), and elements outside the
rendered body (``link``, ``style``, ``meta``); an empty ``title`` is ignored. A ``title`` whose
text is already part of the element's own text (or an image's ``alt``) loses nothing when the
tooltip is missed; it passes here, and ``title-attr-not-duplicate`` reports an exact copy.
Option ``allowed-elements`` adds tag names. Where the title is a link's or button's only
accessible name (an icon link), the message says so: dropping the title, as the help says,
would leave it nameless, so a name must replace it first.

Fails::

    <a href="/world" title="Read more world news">World</a>

    <img src="chart.png" alt="Chart" title="Source: ONS, 2024">

Passes::

    <label>Email <input type="email" title="you@example.com"></label>

    <abbr title="European Central Bank">ECB</abbr>

    <iframe src="https://www.youtube.com/embed/x" title="Video: the flood"></iframe>

Limits: an element that a stylesheet the cascade reads hides is not checked; one that only a linked
stylesheet that could not be read may hide is.

Options
-------

``allowed-elements`` (list of tag names, default none)
    Elements on which ``title`` is accepted besides the built-in ones.
"""

from __future__ import annotations

from typing import Any

from a11y_audit.checks.naming import describe
from a11y_audit.checks.titles import shown_text
from a11y_audit.dom import normalize_space, tag_of
from a11y_audit.knowledge import bbc
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="title-attr-inputs-only",
    impact="minor",
    wcag=(),
    tags=("news", "cat.text-alternatives"),
    axe=False,
    help_url=bbc.url("text-equivalents/tooltips-and-supplementary-information"),
    help="Move the title text into the visible content or the accessible name, and drop title",
)

ALLOWED = ("input", "button", "textarea", "select", "iframe", "frame", "object", "embed",
           "abbr", "dfn")
# roles whose name comes from their content, where a title is the name of last resort
_NAMED_BY_CONTENT = frozenset(("link", "button", "menuitem", "tab", "checkbox", "radio",
                               "switch", "option", "heading", "cell", "columnheader",
                               "rowheader", "treeitem"))
_NOUNS = {"link": "link", "button": "button", "menuitem": "menu item"}
_HEAD = frozenset(("html", "head", "link", "style", "meta", "title", "script", "base"))

OPTIONS: dict[str, Any] = {
    # Tag names on which title is accepted besides the defaults above.
    "allowed-elements": [],
}


def check(page: Page, options: dict[str, Any]) -> Results:
    allowed = {*ALLOWED, *(t.lower() for t in options["allowed-elements"])}
    for el in page.select("*[title]"):
        title = normalize_space(el.get("title"))
        tag = tag_of(el)
        if not title or tag in _HEAD or not page.is_rendered(el):
            continue
        if tag in allowed:
            yield RULE.ok(el, f"title on <{tag}> is allowed")
            continue        # (before the text: a titled container's text can be long)
        own = shown_text(page, el, tag)
        if title.casefold() in own:
            yield RULE.ok(el, "The title repeats text the element shows")
        else:
            yield RULE.fail(el, f"{describe(el)} has title=\"{title[:80]}\": a tooltip that "
                                f"keyboard and touch users never see{_only_name(page, el, title)}")


def _only_name(page: Page, el: Element, title: str) -> str:
    """For a link or button whose name is its title alone (an icon link), what the fix must
    keep: dropping the title as the help says would leave it nameless."""
    role = page.role(el)
    if role not in _NAMED_BY_CONTENT or el.get("aria-label") or el.get("aria-labelledby"):
        return ""
    if normalize_space(page.name(el)) != title:
        return ""
    return (f"; it is also the {_NOUNS.get(role, role)}'s only accessible name, so give it "
            f"aria-label or visible text before dropping title")
