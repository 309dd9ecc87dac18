"""Language tags (BCP 47) as the ACT rules read them: the "known primary language tag".

Sources:

* RFC 5646 section 2.1 "Syntax" (https://www.rfc-editor.org/rfc/rfc5646.html#section-2.1): a
  language tag is a sequence of subtags separated by hyphens; the first one is the *primary
  language subtag* (section 2.2.1). Subtags are case-insensitive (section 2.1.1).
* IANA Language Subtag Registry
  (https://www.iana.org/assignments/language-subtag-registry), as the ``language-tags``
  package ships it: a primary subtag is *known* when the registry has it with
  ``Type: language``. Only the package's table of language subtags is read (see
  :func:`_languages`).
* ACT rules glossary, "Known Primary Language Tag"
  (https://www.w3.org/WAI/standards-guidelines/act/rules/de46e4/#known-primary-language-tag):
  only the primary subtag counts, so ``en-US-GB`` and ``de-hello`` name a known language
  although they break the RFC grammar; grandfathered tags (``i-lux``), ISO 639-2 codes without
  a registry entry (``eng``), ``x-`` private use and the ``qaa..qtz`` private-use range do not.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import cache, lru_cache
from pathlib import Path

# ASCII whitespace (HTML "ASCII whitespace": tab, LF, FF, CR, space).
ASCII_WHITESPACE = "\t\n\f\r "

_SUBTAG = re.compile(r"^[A-Za-z0-9]+$")


def is_blank(value: str | None) -> bool:
    """True when an attribute value is absent, empty, or only ASCII whitespace."""
    return value is None or not value.strip(ASCII_WHITESPACE)


def primary_subtag(value: str) -> str | None:
    """The primary language subtag of a tag (lower-cased), or None when there is none.

    Surrounding ASCII whitespace is ignored; a first subtag that is not purely alphanumeric
    (``#1``, ``en_US``) is no subtag at all.
    """
    first = value.strip(ASCII_WHITESPACE).split("-", 1)[0]
    return first.lower() if _SUBTAG.match(first) else None


@lru_cache(maxsize=512)
def is_known_language(subtag: str) -> bool:
    """The subtag is in the IANA registry with ``Type: language``."""
    return subtag.lower() in _languages()


@cache
def _languages() -> frozenset[str]:
    """The registry's language subtags, lower case.

    ``language-tags`` keeps them as the keys of its ``data/json/language.json`` (114 KB),
    which is read alone: importing the package's API parses its whole registry and index
    (1.4 MB of JSON), 6% of a one-page run's time. Where that file is not found (another
    layout in a future release), the package's own index answers, as ``tags.type(subtag,
    "language")`` does."""
    spec = importlib.util.find_spec("language_tags")     # (finds it without importing it)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        table = Path(folder, "data", "json", "language.json")
        if table.is_file():
            with table.open(encoding="utf-8") as handle:
                return frozenset(json.load(handle))
    from language_tags import data
    return frozenset(subtag for subtag, types in data.get("index").items()
                     if "language" in types)


def has_known_primary_language(value: str | None) -> bool:
    """ACT "known primary language tag": the primary subtag is a registered language."""
    if value is None:
        return False
    subtag = primary_subtag(value)
    return subtag is not None and is_known_language(subtag)


def describe_problem(value: str) -> str:
    """Why a tag has no known primary language, in a few words (for messages)."""
    if is_blank(value):
        return "it is only whitespace"
    subtag = primary_subtag(value)
    if subtag is None:
        return "its first subtag is not made of letters and digits"
    if len(subtag) == 1:
        return f"{subtag!r} is a singleton (grandfathered or private-use tag), not a language"
    if len(subtag) == 3 and "qaa" <= subtag <= "qtz":
        return f"{subtag!r} is in the private-use range qaa..qtz, not a known language"
    if len(subtag) == 3:
        return (f"{subtag!r} is not in the IANA registry (ISO 639-2 codes with a two-letter "
                "equivalent are not registered)")
    return f"{subtag!r} is not a language subtag in the IANA registry"
