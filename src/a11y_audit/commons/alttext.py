"""What makes alternative text useless: file names, placeholder words, credits, caption copies.

Used by the news rules on captioned photos. Each test works on the accessible name, whitespace
normalised; all comparisons ignore case, punctuation and spacing.
"""

from __future__ import annotations

import re
import unicodedata

_FILE_NAME = re.compile(
    r"^\S+\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic|jfif)(\?\S*)?$"
    r"|^(img|dsc|dscn|dscf|pict|pxl|photo|image|screenshot|screen shot)[\s_-]*\d[\w\s-]*$"
    r"|^[0-9a-f]{16,}$|^[\w-]*\d{5,}[\w-]*$",
    re.I,
)

def _phrases(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.replace("\n", " ").split("|") if p.strip())


# Alt texts that say nothing about the picture (folded: lower case, no punctuation).
PLACEHOLDER_WORDS = _phrases(
    """
    image|images|img|photo|photos|photograph|picture|pictures|pic|pics|thumbnail|thumb|
    graphic|graphics|spacer|placeholder|untitled|default|alt|alt text|alttext|null|none|
    undefined|blank|empty|foto|fotos|bild|imagen|imagem|immagine|lead image|main image|
    hero image|featured image|article image|story image|photo gallery|gallery|slideshow|
    image principale|photo principale
    """
)

# News agencies and picture desks that appear as credits (lower case, punctuation removed).
AGENCIES = _phrases(
    """
    getty images|getty|ap|ap photo|associated press|the associated press|reuters|afp|
    afp via getty images|epa|epa-efe|efe|shutterstock|rex|rex features|rex shutterstock|
    alamy|pa|pa images|pa wire|pa media|press association|xinhua|anadolu|anadolu agency|dpa|
    ansa|bloomberg|bloomberg via getty images|istock|istockphoto|corbis|upi|sipa|sipa press|
    zuma|zuma press|nurphoto|imago|picture alliance|abaca|wenn|splash news|mediapunch|
    contributed|courtesy|handout|file photo|file|staff|staff photo|wire|pool|ap pool|
    nasa|unsplash|pexels|wikimedia commons|creative commons|ddp|keystone|tass|ria novosti|
    kyodo|yonhap|aap|cp|the canadian press|new york times|the new york times|nyt
    """
)

_CREDIT_PREFIX = re.compile(
    r"^\s*(\(c\)|©|copyright|credit|credits|photo|photos|photograph|picture|image|foto|bild|"
    r"courtesy( of)?|source|via)\s*(by|credit|:|-|–|—)?\s*:?\s*",
    re.I,
)
_TRAILING_CREDIT = re.compile(
    r"[\s(\[|–—-]*(\(c\)|©|copyright|credit|photo|photograph|picture|image|foto|bild)s?"
    r"\s*(by|credit)?\s*[:/-]?\s*[^.!?()\[\]]{0,80}[)\]]?\s*$",
    re.I,
)


def fold(text: str) -> str:
    """Lower case, accents kept, punctuation dropped, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


def is_file_name(alt: str) -> bool:
    return bool(_FILE_NAME.match(alt.strip()))


def is_placeholder(alt: str) -> bool:
    return fold(alt) in PLACEHOLDER_WORDS


def _is_agency_list(text: str) -> bool:
    parts = [fold(p) for p in re.split(r"[/;,|]| via | and | for ", text, flags=re.I)]
    parts = [p for p in parts if p]
    return bool(parts) and all(
        p in AGENCIES or _looks_like_person(p) for p in parts
    ) and any(p in AGENCIES for p in parts)


def _looks_like_person(folded: str) -> bool:
    return 1 <= len(folded.split()) <= 3


def is_credit_only(alt: str) -> bool:
    """"Getty Images", "AP Photo/Jane Doe", "(c) Reuters", "Photo: John Smith/AFP"."""
    text = alt.strip()
    stripped = _CREDIT_PREFIX.sub("", text, count=1)
    folded = fold(stripped)
    if not folded:
        return True
    if folded in AGENCIES or _is_agency_list(stripped):
        return True
    # "Photo: Jane Doe" / "Credit: Jane Doe" - a prefix and a short name, nothing else.
    had_prefix = stripped != text and bool(re.match(r"^\s*(\(c\)|©|copyright|credit|photo|"
                                                     r"courtesy)", text, re.I))
    return had_prefix and len(folded.split()) <= 4 and not re.search(r"\b(of|shows?|with)\b",
                                                                     folded)


def strip_credit(caption: str) -> str:
    """The caption without a trailing credit ("... (Photo: AP)", "... Getty Images")."""
    text = caption.strip()
    match = _TRAILING_CREDIT.search(text)
    if match and match.start() > 0:
        text = text[: match.start()]
    words = text.rstrip(" .").split(" ")
    # trailing agency without prefix: "... in Bamako. Reuters" / "... AP Photo/Jane Doe"
    for cut in range(min(6, len(words) - 1), 0, -1):
        tail = " ".join(words[-cut:])
        if _is_agency_list(tail) or fold(tail) in AGENCIES:
            return " ".join(words[:-cut])
    return text


def same_text(alt: str, caption: str) -> bool:
    """Whether alt only repeats the caption (after normalising and dropping a credit)."""
    a = fold(alt)
    return bool(a) and a in (fold(caption), fold(strip_credit(caption)))
