"""Generic link text: phrases that say nothing about where a link goes, by language.

Newsroom style guides (AP, BBC GEL, the Guardian, gov.uk) ban "click here" and "read more"
links, and WCAG 2.4.4 (in context) / 2.4.9 (link only) asks for a purpose users can tell. The
lists are knowledge only (no Page): the rule picks one by the page's (or the link's) language.
Matching is on the whole accessible name after folding case, punctuation, arrows and white
space, so "Read more »" and "READ MORE" match, "Read more about the flood" does not.
"""

from __future__ import annotations

import functools
import re
import unicodedata

GENERIC: dict[str, frozenset[str]] = {
    "en": frozenset((
        "click here", "click", "here", "more", "read more", "more info", "more information",
        "learn more", "find out more", "full story", "read full story", "read the full story",
        "continue reading", "continue", "keep reading", "read on", "details", "more details",
        "see more", "view more", "show more", "this", "link", "this link", "read article",
        "read the article", "see all", "view all", "more here", "tap here", "press here",
        "check it out", "this page", "this article", "this story", "full article",
    )),
    "es": frozenset((
        "haga clic aquí", "haz clic aquí", "pulse aquí", "pulsa aquí", "clic aquí", "aquí",
        "leer más", "lee más", "más", "ver más", "seguir leyendo", "sigue leyendo",
        "continuar leyendo", "más información", "saber más", "noticia completa", "leer noticia",
        "ver detalles", "detalles", "enlace", "este enlace", "continuar",
    )),
    "fr": frozenset((
        "cliquez ici", "cliquer ici", "ici", "lire la suite", "la suite", "suite", "lire plus",
        "en savoir plus", "plus", "voir plus", "plus d'infos", "plus d'informations",
        "lire l'article", "continuer la lecture", "poursuivre la lecture", "détails", "lien",
        "ce lien", "voir", "lire",
    )),
    "de": frozenset((
        "hier klicken", "klicken sie hier", "hier", "mehr", "weiterlesen", "weiter lesen",
        "mehr lesen", "mehr erfahren", "mehr dazu", "mehr infos", "mehr informationen",
        "zum artikel", "ganzen artikel lesen", "artikel lesen", "details", "link", "dieser link",
        "weiter", "lesen", "mehr anzeigen",
    )),
    "pt": frozenset((
        "clique aqui", "clica aqui", "aqui", "leia mais", "ler mais", "mais", "saiba mais",
        "veja mais", "ver mais", "continue lendo", "continuar a ler", "continuar lendo",
        "mais informações", "leia a matéria", "matéria completa", "notícia completa", "detalhes",
        "link", "este link", "confira",
    )),
}

_DECORATION = re.compile(r"[\s\u00a0\u2026.,:;!?…»«›‹>→←↗➔➜▶►▸\-–—|/\\()\[\]{}'\"“”‘’*+]+")
# The ASCII characters the decoration pattern matches, for fold's byte table: each becomes a
# space (white space too: bytes.split() does not split at \x1c-\x1f, which \s matches).
_ASCII_DECORATIONS = bytes(c for c in range(128) if _DECORATION.fullmatch(chr(c)))
_ASCII_DECORATION = bytes.maketrans(_ASCII_DECORATIONS, b" " * len(_ASCII_DECORATIONS))


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case, NFKC, punctuation and arrows turned into single spaces, trimmed.
    Memoised: a site's menus and "Read more" links repeat on every page of a run.

    ASCII text (98% of link names) is folded as bytes: NFKC leaves it as it is, case folding
    is ``lower``, and each decoration character becomes a space by a byte table, white space
    runs collapsing in the split (callgrind, the step-9 pages' 2,183 link names: ~3,600
    instructions a name against ~13,000 for the regular expression's substitution, which
    the link-text-generic rule asked of every link name: ~1 M a page)."""
    if text.isascii():
        return b" ".join(text.encode().lower().translate(_ASCII_DECORATION).split()).decode()
    return _fold(text)


def _fold(text: str) -> str:
    """:func:`fold` of any text, by the regular expression."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'")
    return " ".join(_DECORATION.sub(" ", text).split())


def _folded(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(fold(p) for p in phrases)


FOLDED: dict[str, frozenset[str]] = {lang: _folded(p) for lang, p in GENERIC.items()}


def phrases_for(language: str | None, extra: list[str] | tuple[str, ...] = (),
                fallback: str = "en") -> frozenset[str]:
    """The folded generic phrases for a primary language subtag (``fallback`` when we have no
    list for it), plus configured extras."""
    primary = (language or "").strip().lower().split("-")[0]
    base = FOLDED.get(primary) or FOLDED.get(fallback, frozenset())
    return base | frozenset(fold(p) for p in extra)


def is_generic(name: str, phrases: frozenset[str]) -> bool:
    folded = fold(name)
    return bool(folded) and folded in phrases
