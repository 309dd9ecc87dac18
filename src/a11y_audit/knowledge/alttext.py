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
    r"|^[0-9a-f]{16,}$",
    re.I,
)
# A word of letters, digits, "_" and "-" holding a run of five digits ("IMG_20190412",
# "12345-67"): told by two linear tests, not one pattern ("[\w-]*\d{5,}[\w-]*" backtracked
# over every split of a long run of digits: 100 s for an alt of 6,000)
_WORD = re.compile(r"[\w-]+")
_DIGITS = re.compile(r"\d{5}")

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

# "Credit: Jane Doe", "(c) Reuters", "Photo by Jane Doe": what follows is a credit.
_STRONG_PREFIX = re.compile(
    r"^\s*(\(c\)|©|copyright|credits?|photo(?:graph)?s?\s+(?:by|credit)|picture\s+by|"
    r"images?\s+by|courtesy(?:\s+of)?|photographer)\s*[:\-–—]?\s*",
    re.I,
)
# "Photo: ...", "Image: ...": a credit only when what follows is an agency or "Name/Agency".
_WEAK_PREFIX = re.compile(
    r"^\s*(photograph|photos?|pictures?|images?|source|via|foto|bild)\s*[:\-–—]\s*", re.I)
_NAME_SLASH_ORG = re.compile(r"^[^/\s][^/]{0,40}/[^/\s][^/]{0,40}$")
_PARTICLES = frozenset(("de", "da", "van", "von", "der", "den", "del", "di", "la", "le", "bin",
                        "al", "el", "du", "dos", "das", "y", "of"))
_SENTENCE_END = re.compile(r"[.!?]\s+")


def fold(text: str) -> str:
    """Lower case, accents kept, punctuation dropped, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


def is_file_name(alt: str) -> bool:
    alt = alt.strip()
    return bool(_FILE_NAME.match(alt)) or (
        _WORD.fullmatch(alt) is not None and _DIGITS.search(alt) is not None)


def is_placeholder(alt: str) -> bool:
    return fold(alt) in PLACEHOLDER_WORDS


def _looks_like_name(text: str) -> bool:
    """"Jane Doe", "Moussa Traoré", "Ludwig van Beethoven": capitalised words, no digits."""
    words = re.sub(r"[^\w\s'’-]", " ", text).split()
    if not 1 <= len(words) <= 4 or any(ch.isdigit() for ch in text):
        return False
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words) and words[0][0].isupper()


def _is_agency_list(text: str) -> bool:
    """"AP Photo/Jane Doe", "Jane Doe/Reuters", "AFP via Getty Images": agencies and names."""
    parts = [p.strip() for p in re.split(r"[/;,|]| via | and | for ", text, flags=re.I)]
    parts = [p for p in parts if fold(p)]
    if not parts or not any(fold(p) in AGENCIES for p in parts):
        return False
    return all(fold(p) in AGENCIES or _looks_like_name(p) for p in parts)


def is_credit_only(alt: str) -> bool:
    """Whether the text is only a photo credit: "Getty Images", "AP Photo/Jane Doe",
    "(c) Reuters", "Photo: John Smith/AFP", "Credit: Jane Doe". Ambiguous text ("Photo:
    Flooded Main Street") is not a credit: a false alarm costs more than a missed one."""
    text = alt.strip()
    strong = _STRONG_PREFIX.match(text)
    weak = None if strong else _WEAK_PREFIX.match(text)
    prefix = strong or weak
    rest = text[prefix.end():] if prefix else text
    if not fold(rest):
        return bool(prefix)
    if fold(rest) in AGENCIES or _is_agency_list(rest):
        return True
    if prefix and _NAME_SLASH_ORG.match(rest.strip()):
        return True
    return bool(strong) and _looks_like_name(rest)


def _split_last_sentence(text: str) -> tuple[str, str]:
    ends = list(_SENTENCE_END.finditer(text))
    if not ends:
        return "", text
    cut = ends[-1].end()
    return text[:cut], text[cut:]


def strip_credit(caption: str) -> str:
    """The text without a trailing credit: "... (AP Photo/Jane Doe)", "... Photo: Getty Images",
    "... Photograph: Jane Doe/The Guardian", "... Jane Doe/Reuters"."""
    text = re.sub(r"(?<=\S)([(\[])", r" \1", caption.strip())  # "Friday.(AP Photo)" from spans
    while True:
        bracket = re.search(r"\s*[(\[]([^()\[\]]{1,100})[)\]]\W*$", text)
        if bracket and bracket.start() > 0 and (
            is_credit_only(bracket.group(1)) or _STRONG_PREFIX.match(bracket.group(1))
            or _WEAK_PREFIX.match(bracket.group(1))
        ):
            text = text[: bracket.start()].rstrip()
            continue
        head, tail = _split_last_sentence(text)
        if head and is_credit_only(tail.strip(" .")):
            text = head.rstrip()
            continue
        prefixed = re.search(
            r"(?:(?<=[.!?])|^)\s*((?:\(c\)|©|copyright|credits?|photo(?:graph)?s?|pictures?|"
            r"images?|foto)\b[^.!?]{0,100})$", text, re.I)
        if prefixed and prefixed.start() > 0 and is_credit_only(prefixed.group(1)):
            text = text[: prefixed.start()].rstrip()
            continue
        return text


def same_text(alt: str, caption: str) -> bool:
    """Whether alt only repeats the caption (after normalising and dropping credits)."""
    alts = {fold(alt), fold(strip_credit(alt))} - {""}
    return bool(alts) and not alts.isdisjoint({fold(caption), fold(strip_credit(caption))} - {""})
