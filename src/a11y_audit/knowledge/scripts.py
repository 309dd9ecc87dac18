"""Writing systems (Unicode scripts) of text and of languages, from ``unicodedata``.

Python's ``unicodedata`` has no Script property, but every letter's character name starts with
its script ("CYRILLIC SMALL LETTER A", "ARABIC LETTER ALEF", "CJK UNIFIED IDEOGRAPH-4E00",
"DEVANAGARI LETTER KA"), which is what :func:`script_of` reads. Only letters (general category
L*) count; digits, punctuation and symbols are shared by all scripts. Knowledge only: no Page.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# First word of the character name -> script; names not listed are their own script.
_NAME_SCRIPT = {
    "CJK": "Han", "HIRAGANA": "Kana", "KATAKANA": "Kana", "HALFWIDTH": None, "FULLWIDTH": None,
    "HANGUL": "Hangul", "LATIN": "Latin", "CYRILLIC": "Cyrillic", "ARABIC": "Arabic",
    "HEBREW": "Hebrew", "GREEK": "Greek", "DEVANAGARI": "Devanagari", "THAI": "Thai",
    "BENGALI": "Bengali", "TAMIL": "Tamil", "TELUGU": "Telugu", "GUJARATI": "Gujarati",
    "GURMUKHI": "Gurmukhi", "KANNADA": "Kannada", "MALAYALAM": "Malayalam",
    "GEORGIAN": "Georgian", "ARMENIAN": "Armenian", "ETHIOPIC": "Ethiopic", "KHMER": "Khmer",
    "LAO": "Lao", "MYANMAR": "Myanmar", "SINHALA": "Sinhala", "TIBETAN": "Tibetan",
    "SYRIAC": "Syriac", "THAANA": "Thaana", "MONGOLIAN": "Mongolian", "ORIYA": "Oriya",
}

# Primary language subtag -> the scripts its text is written in (the usual ones).
LANGUAGE_SCRIPTS: dict[str, frozenset[str]] = {
    **{lang: frozenset(("Latin",)) for lang in (
        "en", "es", "fr", "de", "pt", "it", "nl", "ca", "sv", "da", "no", "nb", "nn", "fi",
        "pl", "cs", "sk", "sl", "hr", "bs", "hu", "ro", "tr", "id", "ms", "vi", "tl", "fil",
        "sw", "af", "ga", "cy", "eu", "gl", "et", "lv", "lt", "is", "mt", "sq", "ha", "yo",
        "so", "uz", "az", "lb", "rm", "eo", "la", "ig", "zu", "xh", "mi", "haw")},
    **{lang: frozenset(("Cyrillic",)) for lang in (
        "ru", "uk", "be", "bg", "mk", "kk", "ky", "tg", "mn")},
    "sr": frozenset(("Cyrillic", "Latin")),
    **{lang: frozenset(("Arabic",)) for lang in ("ar", "fa", "ur", "ps", "ckb", "sd", "ug")},
    "he": frozenset(("Hebrew",)), "yi": frozenset(("Hebrew",)),
    "el": frozenset(("Greek",)),
    "zh": frozenset(("Han",)), "yue": frozenset(("Han",)),
    "ja": frozenset(("Han", "Kana")),
    "ko": frozenset(("Hangul", "Han")),
    **{lang: frozenset(("Devanagari",)) for lang in ("hi", "mr", "ne", "sa", "mai", "kok")},
    "bn": frozenset(("Bengali",)), "as": frozenset(("Bengali",)),
    "pa": frozenset(("Gurmukhi",)), "gu": frozenset(("Gujarati",)),
    "ta": frozenset(("Tamil",)), "te": frozenset(("Telugu",)), "kn": frozenset(("Kannada",)),
    "ml": frozenset(("Malayalam",)), "or": frozenset(("Oriya",)), "si": frozenset(("Sinhala",)),
    "th": frozenset(("Thai",)), "lo": frozenset(("Lao",)), "km": frozenset(("Khmer",)),
    "my": frozenset(("Myanmar",)), "ka": frozenset(("Georgian",)),
    "hy": frozenset(("Armenian",)), "am": frozenset(("Ethiopic",)),
    "ti": frozenset(("Ethiopic",)), "bo": frozenset(("Tibetan",)), "dv": frozenset(("Thaana",)),
}
# ISO 15924 script subtags (en-Latn, sr-Cyrl, zh-Hant) -> script.
SUBTAG_SCRIPTS = {"latn": "Latin", "cyrl": "Cyrillic", "arab": "Arabic", "hebr": "Hebrew",
                  "grek": "Greek", "hans": "Han", "hant": "Han", "hani": "Han", "jpan": "Han",
                  "kore": "Hangul", "hang": "Hangul", "deva": "Devanagari", "thai": "Thai",
                  "beng": "Bengali", "taml": "Tamil", "geor": "Georgian", "armn": "Armenian",
                  "ethi": "Ethiopic"}
# Scripts written without spaces between words: runs are measured in characters.
UNSPACED = frozenset(("Han", "Kana", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan"))


@lru_cache(maxsize=65536)
def script_of(char: str) -> str | None:
    """The script of a letter, or None for anything that is not a letter."""
    if not unicodedata.category(char).startswith("L"):
        return None
    name = unicodedata.name(char, "")
    if not name:
        return None
    words = name.split()
    first = words[0]
    if first in ("HALFWIDTH", "FULLWIDTH") and len(words) > 1:
        first = words[1]
    script = _NAME_SCRIPT.get(first, first.title())
    return script


def scripts_of_language(tag: str | None) -> frozenset[str] | None:
    """The scripts a language tag is written in, or None when we do not know the language."""
    if not tag:
        return None
    parts = tag.strip().lower().replace("_", "-").split("-")
    for part in parts[1:]:
        if len(part) == 4 and part in SUBTAG_SCRIPTS:
            script = SUBTAG_SCRIPTS[part]
            return frozenset(("Han", "Kana")) if part == "jpan" else frozenset((script,))
    return LANGUAGE_SCRIPTS.get(parts[0])


def scripts_in(text: str) -> set[str]:
    """The scripts of the letters in ``text``: what :func:`runs` would find, read from the
    distinct characters only (a paragraph has a few dozen), so it is cheap to ask first."""
    found = {script_of(char) for char in set(text)}
    found.discard(None)
    return found  # type: ignore[return-value]


_ASCII = bytes(range(128))
_ASCII_LETTER = re.compile(rb"[A-Za-z]")


def scripts_in_utf8(data: bytes) -> set[str]:
    """:func:`scripts_in` of UTF-8 text, for a whole document's text at once: the ASCII bytes
    (most of it, and never part of a longer character) are dropped in one C pass first, so
    only the other characters are looked at one by one."""
    found = scripts_in(data.translate(None, _ASCII).decode("utf-8", "replace"))
    if _ASCII_LETTER.search(data):
        found.add("Latin")
    return found


def runs(text: str) -> list[tuple[str, str]]:
    """(script, text) runs of letters of one script; spaces and punctuation between letters of
    the same script stay inside the run."""
    out: list[tuple[str, list[str]]] = []
    pending: list[str] = []
    for char in text:
        script = script_of(char)
        if script is None:
            if out:
                pending.append(char)
            continue
        if out and out[-1][0] == script:
            out[-1][1].extend(pending)
            out[-1][1].append(char)
        else:
            out.append((script, [char]))
        pending = []
    return [(script, "".join(chars)) for script, chars in out]
