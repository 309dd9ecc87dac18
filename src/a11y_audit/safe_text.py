"""Text from pages and servers made safe for a terminal, a log or one line of output.

Page titles, snippets, role values, file names and HTTP reason phrases are untrusted. Written raw
to a terminal, an escape sequence in them can set the window title, clear the screen or move the
cursor (ECMA-48 CSI and OSC sequences); a U+202E reverses the text after it (Unicode bidi
controls); a newline breaks the one-line-per-error promise. :func:`terminal_safe` removes
escape sequences whole and shows every other control character, and every bidi control, as a
visible ``\\xNN`` / ``\\uNNNN`` escape.
"""

from __future__ import annotations

import re

# ECMA-48: CSI (ESC [ or 0x9B) params/intermediates final; OSC/DCS/SOS/PM/APC strings (ESC ] ...
# ended by BEL or ST, or unterminated to the end); other two-byte ESC sequences.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)
# C0 controls (tab included: it moves the cursor), DEL, C1 controls, and the bidi formatting
# characters (LRM, RLM, ALM, embeddings, overrides, isolates).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Line and paragraph separators end a line in some terminals and editors too.
_SEPARATOR = re.compile(r"[\u2028\u2029\x85]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` without escape sequences, its other control and bidi characters escaped."""
    if text.isprintable() and text.isascii():
        return text
    text = _SEQUENCE.sub("", text)
    text = _SEPARATOR.sub(_escape, text)
    return _CONTROL.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` on one line: line breaks inside it become a visible ``\\n`` escape."""
    return terminal_safe(str(text))


_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def writable(name: str) -> str:
    """``name`` (a file name, a command-line argument) as text every report can hold. A name
    whose bytes are not UTF-8 reaches Python with each bad byte as a lone surrogate (PEP 383),
    which no UTF-8 file can store: the writers failed on it. Each such byte becomes a visible
    ``\\xNN`` escape, as ``ls -b`` shows it; any other lone surrogate a ``\\udNNN`` one."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return name


def has_bidi_controls(text: str) -> bool:
    return bool(_BIDI.search(text))
