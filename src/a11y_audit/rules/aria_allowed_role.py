"""The ``role`` attribute gives an element a role that HTML allows for it.

ARIA in HTML ("Document conformance requirements for use of ARIA attributes in HTML") lists, for
each element, the roles an author may give it. A role outside the list fights the element's own
behaviour: ``<button role="heading">`` is still a button for the keyboard, ``<ul role="button">``
still a list for the browser, and screen reader users get a role whose keys and states do not
work. Most news pages pass; menus built from ``ul``/``li``/``a`` use allowed roles.

The rule applies to every HTML element (not SVG or MathML content, not custom elements) with a
``role`` attribute that holds at least one valid role, hidden or not. Each valid role token is
checked: the element's implicit role is always allowed (``header``/``footer`` may say ``banner``/
``contentinfo``); the DPUB roles ``doc-backlink``, ``doc-biblioref``, ``doc-glossref``,
``doc-noteref`` (link roles), ``doc-cover`` (an image role) and ``doc-biblioentry``,
``doc-endnote`` (list item roles) only on elements whose implicit role is of that kind; otherwise
the element's entry in the table decides: any role, no role, or a list (with variants for ``a``
with ``href``, ``area``, ``img`` with or without alt text, ``input`` by type, ``select``, and
``figure``: any role, but none other than ``figure`` or ``doc-example`` once it has a
``figcaption`` child). A
disallowed role on an element hidden from assistive technology is cantTell: it matters only
once the element is shown.

Matches axe-core. Same selector (``[role]``, hidden included, ``aria-allowed-role-matches``) and
check (``aria-allowed-role``, ``allowImplicit``), and the same per-element allowances
(axe-core's ``standards/html-elms``, which follows ARIA in HTML).

Fails::

    <button role="heading" aria-level="2">Live</button>

    <ul role="button"><li>Menu</li></ul>

    <figure role="presentation"><img src="duvet.jpg" alt="A folded duvet">
      <figcaption>Too big for your nostrils. (Photo: Getty)</figcaption></figure>

Passes::

    <ul role="menu"><li role="none"><a href="/news" role="menuitem">News</a></li></ul>

    <header role="banner"><a href="/">Home</a></header>
"""

from __future__ import annotations

from a11y_audit.checks.naming import describe
from a11y_audit.dom import tag_of
from a11y_audit.knowledge import aria, aria_data
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics.names import in_svg

RULE = Rule(
    id="aria-allowed-role",
    impact="minor",
    wcag=(),
    tags=("cat.aria", "best-practice"),
    help="Use an element whose native role fits, or a role ARIA in HTML allows on this element",
    template_values=("role", "type", "alt"),
)

ANY, NONE = True, False


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LISTS = ("directory group listbox menu menubar none presentation radiogroup tablist toolbar "
          "tree")
_HEADINGS = "none presentation tab doc-subtitle"
_SECTION = ("alert alertdialog application banner complementary contentinfo dialog document feed "
            "group log main marquee navigation none note presentation search status tabpanel "
            "doc-abstract doc-acknowledgments doc-afterword doc-appendix doc-bibliography "
            "doc-chapter doc-colophon doc-conclusion doc-credit doc-credits doc-dedication "
            "doc-endnotes doc-epigraph doc-epilogue doc-errata doc-example doc-foreword "
            "doc-glossary doc-index doc-introduction doc-notice doc-pagelist doc-part "
            "doc-preface doc-prologue doc-pullquote doc-qna doc-toc")
# ARIA in HTML, per element: ANY role, NONE, or the roles allowed (variants: see _allowed_by).
_TABLE: dict[str, bool | frozenset[str]] = {
    **dict.fromkeys(_words(
        "abbr address b bdi bdo blockquote canvas cite code data del dfn div em figure hgroup i "
        "ins kbd mark output p pre q rp rt ruby s samp small span strong svg sub sup table tbody "
        "tfoot thead time td th tr u var"), ANY),
    **dict.fromkeys(_words(
        "base body caption col colgroup datalist dd details head html label legend link main "
        "map math meta meter noscript optgroup option param picture progress script slot source "
        "style summary template textarea title track"), NONE),
    "article": _words("feed presentation none document application main region"),
    "aside": _words("feed note presentation none region search doc-dedication doc-example "
                        "doc-footnote doc-glossary doc-pullquote doc-tip"),
    "audio": frozenset(("application",)),
    "video": frozenset(("application",)),
    "br": frozenset(("presentation", "none")),
    "wbr": frozenset(("presentation", "none")),
    "button": _words("checkbox combobox gridcell link menuitem menuitemcheckbox "
                         "menuitemradio option radio separator slider switch tab "
                         "treeitem"),
    "dialog": frozenset(("alertdialog",)),
    "dl": _words("group list presentation none"),
    "dt": frozenset(("listitem",)),
    "embed": _words("application document img presentation none"),
    "fieldset": _words("none presentation radiogroup"),
    "figcaption": _words("group none presentation"),
    "footer": _words("group none presentation doc-footnote"),
    "header": _words("group none presentation doc-footnote"),
    "form": _words("form search none presentation"),
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), frozenset(_HEADINGS.split())),
    "hr": _words("none presentation doc-pagebreak"),
    "iframe": _words("application document img none presentation"),
    "li": _words("menuitem menuitemcheckbox menuitemradio option none presentation radio "
                     "separator tab treeitem doc-biblioentry doc-endnote"),
    "menu": frozenset(_LISTS.split()),
    "ol": frozenset(_LISTS.split()),
    "ul": frozenset(_LISTS.split()),
    "nav": _words("doc-index doc-pagelist doc-toc menu menubar none presentation "
                      "tablist"),
    "object": _words("application document img"),
    "search": _words("form group none presentation region search"),
    "section": frozenset(_SECTION.split()),
    # variants, decided in _allowed_by
    "a": ANY, "area": ANY, "img": ANY, "input": ANY, "select": ANY,
}
_LINK_ROLES = _words("button checkbox menuitem menuitemcheckbox menuitemradio option radio "
                         "switch tab treeitem doc-backlink doc-biblioref doc-glossref "
                         "doc-noteref")
_IMG_NAMED = _words("button checkbox link math menuitem menuitemcheckbox menuitemradio "
                        "meter option progressbar radio scrollbar separator slider switch tab "
                        "treeitem doc-cover")
_INPUT_NO_ROLES = _words("color date datetime-local file month number password range reset "
                             "submit time week hidden")
# DPUB roles allowed only where the implicit role is of their kind (axe getRoleType).
_DPUB_KIND = {"doc-backlink": "link", "doc-biblioref": "link", "doc-glossref": "link",
              "doc-noteref": "link", "doc-cover": "img", "doc-biblioentry": "listitem",
              "doc-endnote": "listitem"}
_LANDMARK_FALLBACK = {"header": "banner", "footer": "contentinfo"}
_SECTIONING = frozenset(("article", "aside", "nav", "section"))
_SECTIONING_ROLES = frozenset(("article", "complementary", "navigation", "region"))


def check(page: Page) -> Results:
    for el in page.with_role:
        tag = tag_of(el)
        if tag not in _TABLE or in_svg(el) or page.explicit_roles.get(el) is None:
            continue
        roles = [r for r in (el.get("role") or "").lower().split() if _valid(r)]
        implicit = _implicit(page, el, tag)
        wrong = [r for r in dict.fromkeys(roles) if not _allowed(el, tag, r, implicit)]
        if not wrong:
            yield RULE.ok(el, lambda el=el: f"{describe(el)}: role allowed")
            continue
        listed = ", ".join(repr(r) for r in wrong)
        message = f"<{tag}> may not have the role {listed} (ARIA in HTML)"
        if page.is_hidden(el):
            yield RULE.cant_tell(el, f"{message}; it is hidden now, and matters once shown")
        else:
            yield RULE.fail(el, message)


def _valid(role: str) -> bool:
    definition = aria_data.ROLES.get(role)
    return definition is not None and not definition.abstract


def _implicit(page: Page, el: Element, tag: str) -> str:
    has_name = bool(page.name(el)) if tag in ("section", "form", "aside") else None
    if tag == "aside":
        # axe-core (and HTML-AAM "aside scoped to body or main"): complementary unless inside
        # sectioning content (an article, aside, nav or section element without a role, or an
        # article, complementary, navigation or region role) and unnamed. main, with or
        # without role="main", is no such scope.
        scoped = any(
            (tag_of(a) in _SECTIONING and a.get("role") is None)
            or (a.get("role") or "").strip() in _SECTIONING_ROLES for a in el.iterancestors())
        return "complementary" if has_name or not scoped else ""
    return aria.implicit_role(el, has_name=has_name) or ""


def _allowed(el: Element, tag: str, role: str, implicit: str) -> bool:
    if role == implicit or _LANDMARK_FALLBACK.get(tag) == role:
        return True
    kind = _DPUB_KIND.get(role)
    if kind is not None and kind != implicit:
        return False
    allowed = _allowed_by(el, tag)
    if isinstance(allowed, frozenset):
        return role in allowed
    return allowed


def _allowed_by(el: Element, tag: str) -> bool | frozenset[str]:
    if tag == "a":
        return _LINK_ROLES if el.get("href") is not None else ANY
    if tag == "area":
        return NONE if el.get("href") is not None else frozenset(("button", "link"))
    if tag == "img":
        named = bool(el.get("alt")) or any(
            (el.get(a) or "").strip() for a in ("aria-label", "aria-labelledby", "title"))
        return _IMG_NAMED if named else frozenset(("presentation", "none"))
    if tag == "input":
        return _input_roles(el)
    if tag == "figure" and any(tag_of(child) == "figcaption" for child in el):
        # ARIA in HTML: a figure with a caption takes no role but figure (DPUB: doc-example)
        return frozenset(("doc-example",))
    if tag == "select":
        size = el.get("size")
        if el.get("multiple") is None and (size is None or size.strip() == "1"):
            return frozenset(("menu",))
        return NONE
    return _TABLE[tag]


def _input_roles(el: Element) -> bool | frozenset[str]:
    kind = (el.get("type") or "text").strip().lower()
    if kind == "button":
        return _words("checkbox combobox link menuitem menuitemcheckbox menuitemradio "
                          "option radio switch tab")
    if kind == "checkbox":
        base = {"menuitemcheckbox", "option", "switch"}
        return frozenset(base | {"button"}) if el.get("aria-pressed") is not None \
            else frozenset(base)
    if kind in _INPUT_NO_ROLES:
        return NONE
    if kind == "image":
        return _words("link menuitem menuitemcheckbox menuitemradio radio switch")
    if kind == "radio":
        return frozenset(("menuitemradio",))
    if kind == "text" and el.get("list") is not None:
        return NONE
    return frozenset(("combobox", "searchbox", "spinbutton"))
