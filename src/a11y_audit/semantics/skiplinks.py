"""Skip links: same-page links before the main content that let keyboard users bypass blocks.

A link is a skip link when all of these hold:

* it is a same-page link (``href="#id"``, not a bare ``#``) that is rendered;
* it comes before the main content: before the first ``main`` landmark and not inside it, or,
  on a page without one, among the first ``first_focusable`` focusable elements;
* its target is the main landmark or inside it, or its accessible name reads like a skip link
  ("Skip to main content", "Jump to navigation", "Zum Inhalt springen"...);
* its name is not only a menu opener ("Menu", "Sections"): those toggle a drawer.

The phrases are regular expressions per language, configurable through the rule options.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from a11y_audit.dom import inside
from a11y_audit.page import Element, Link, Page

# Verbs and destinations of skip links, per language (case-insensitive, matched on the name).
SKIP_PATTERNS: dict[str, tuple[str, ...]] = {
    "en": (
        r"^\W*(skip|jump|go|move|scroll|navigate|bypass)\b.{0,30}\b(main|content|article|story|"
        r"navigation|nav|menu|search|footer|header|sections?|links|text)\b",
        r"^\W*skip\b",
        r"^\W*(main|page|article) content\W*$",
        r"^\W*(to|back to) (the )?(main )?content\W*$",
    ),
    "de": (r"\b(zum|zur|zu den|direkt zum|springen zu[rm]?)\b.{0,20}\b(inhalt|hauptinhalt|"
           r"navigation|suche|hauptmen[uü]|seitenanfang|fu[sß]zeile|artikel)\b",
           r"\binhalt springen\b"),
    "fr": (r"\b(aller|passer|acc[eé]der|sauter|allez)\b.{0,20}\b(contenu|navigation|menu|"
           r"recherche|article|pied de page)\b",
           r"^\W*(contenu principal|[eé]viter les menus)\W*$"),
    "es": (r"\b(saltar|ir|pasar)\b.{0,20}\b(contenido|navegaci[oó]n|men[uú]|b[uú]squeda|"
           r"buscador|art[ií]culo)\b",),
    "it": (r"\b(vai|salta|passa|torna)\b.{0,20}\b(contenuto|navigazione|men[uù]|ricerca|"
           r"articolo)\b",),
    "pt": (r"\b(ir|pular|saltar|avan[cç]ar)\b.{0,20}\b(conte[uú]do|navega[cç][aã]o|menu|"
           r"pesquisa|busca|artigo)\b",),
    "nl": (r"\b(ga|naar|direct naar|spring|sla)\b.{0,20}\b(inhoud|navigatie|menu|zoeken|"
           r"artikel|hoofdinhoud)\b",),
    "sv": (r"\b(hoppa|g[aå])\b.{0,20}\b(inneh[aå]ll|huvudinneh[aå]ll|navigering|meny|s[oö]k)",),
    "da": (r"\b(g[aå]|spring|hop)\b.{0,20}\b(indhold|navigation|menu|s[oø]g)",),
    "no": (r"\b(hopp|g[aå])\b.{0,20}\b(innhold|hovedinnhold|navigasjon|meny|s[oø]k)",),
    "fi": (r"\b(siirry|hypp[aä][aä])\b.{0,20}\b(sis[aä]lt[oö][oö]n|p[aä][aä]sis[aä]lt[oö][oö]n|"
           r"navigaatioon|valikkoon|hakuun)",),
    "pl": (r"\b(przejd[zź]|skocz|pomi[nń])\b.{0,20}\b(tre[sś]ci|zawarto[sś]ci|nawigacji|menu|"
           r"wyszukiwarki)",),
}

# A same-page link with only such a name opens a menu; it is not a skip link.
MENU_PATTERNS: tuple[str, ...] = (
    r"^\W*(open |close |toggle |show |hide )?(the )?(main |site |navigation )?"
    r"(menu|menus|sections|navigation|nav|more|hamburger|search)\W*$",
    r"^\W*(men[uü]|men[uù]|rubriques|secciones|sezioni|sektionen|ressorts)\W*$",
)

DEFAULT_FIRST_FOCUSABLE = 10


@dataclass(frozen=True, slots=True)
class SkipLink:
    link: Link
    name: str
    by_target: bool     # identified because its target is (in) the main landmark
    by_name: bool       # identified because its name reads like a skip link


@dataclass(frozen=True, slots=True)
class Phrases:
    skip: tuple[re.Pattern[str], ...]
    menu: tuple[re.Pattern[str], ...]

    @classmethod
    def compile(cls, skip: Iterable[str], menu: Iterable[str]) -> Phrases:
        return cls(tuple(re.compile(p, re.I) for p in skip),
                   tuple(re.compile(p, re.I) for p in menu))

    def is_skip(self, name: str) -> bool:
        return any(p.search(name) for p in self.skip)

    def is_menu(self, name: str) -> bool:
        return any(p.search(name) for p in self.menu)


def phrases_for(languages: Sequence[str], skip: Iterable[str] = (),
                menu: Iterable[str] = ()) -> Phrases:
    """The phrases of these languages (keys of SKIP_PATTERNS) plus extra patterns."""
    return _compiled(tuple(languages), tuple(skip), tuple(menu))


@functools.cache
def _compiled(languages: tuple[str, ...], skip: tuple[str, ...], menu: tuple[str, ...]
              ) -> Phrases:
    patterns = [p for lang in languages for p in SKIP_PATTERNS.get(lang, ())]
    return Phrases.compile([*patterns, *skip], [*MENU_PATTERNS, *menu])


def default_phrases() -> Phrases:
    """Every language's phrases: what the skip-link rule uses without options."""
    return phrases_for(sorted(SKIP_PATTERNS))


def main_landmark(page: Page) -> Element | None:
    for landmark in page.landmarks:
        if landmark.role == "main":
            return landmark.element
    return None


def first_tabbable(page: Page, limit: int) -> list[Element]:
    """The first ``limit`` elements in sequential focus order."""
    return page.tabbable[:limit]


def before_main(page: Page, el: Element, main: Element | None, limit: int) -> bool:
    """Whether ``el`` comes before the main content (see the module docstring)."""
    if main is not None:
        if el is main or any(a is main for a in el.iterancestors()):
            return False
        return page.order[el] < page.order[main]
    return el in first_tabbable(page, limit)


def within(el: Element, container: Element) -> bool:
    return el is container or inside(el, container)


def find_skip_links(page: Page, phrases: Phrases | None = None,
                    first_focusable: int = DEFAULT_FIRST_FOCUSABLE) -> list[SkipLink]:
    """Every skip link of the page, in document order (found once per page and phrase set:
    the skip-link and region rules both ask)."""
    phrases = phrases or default_phrases()
    return page.memo(("skiplinks", phrases, first_focusable),
                     lambda page: _find(page, phrases, first_focusable))


def _find(page: Page, phrases: Phrases, first_focusable: int) -> list[SkipLink]:
    main = main_landmark(page)
    found: list[SkipLink] = []
    early: list[Element] | None = None
    for link in page.links:
        if not link.fragment or not page.is_rendered(link.element):
            continue
        el = link.element
        if main is not None:
            if not before_main(page, el, main, first_focusable):
                continue
        else:
            if early is None:
                early = first_tabbable(page, first_focusable)
            if el not in early:
                continue
        name = page.name(el)
        by_target = main is not None and link.target is not None and within(link.target, main)
        by_name = phrases.is_skip(name)
        if phrases.is_menu(name) and not by_name:
            continue
        if by_target or by_name:
            found.append(SkipLink(link, name, by_target, by_name))
    return found
