"""Reading pages: files, folders (recursive), gzip files and URLs, decoded to text.

Every failure becomes a :class:`SourceError` with a one-line message naming the source; the caller
reports it and goes on with the rest of the batch. Only regular files are read (a FIFO would
block forever, a device never ends); the type comes from the content, not the name (a PDF or an
SVG file named ``.html`` is refused by kind); gzip is inflated within the size limit, every
member of a multi-member file included.
"""

from __future__ import annotations

import codecs
import logging
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from a11y_audit import fetch as fetching
from a11y_audit.errors import SourceError
from a11y_audit.inflate import GZIP_MAGIC, InflateError, Inflater

# bs4 logs "Some characters could not be decoded" for pages with stray bytes; a page with a few
# replaced characters is still audited, and that log line would break one-line error output.
# (bs4 itself loads only for a page in a legacy encoding, declared or not: see _decode_text.)
logging.getLogger("bs4.dammit").setLevel(logging.ERROR)

MAX_BYTES = fetching.MAX_BYTES    # larger pages are refused (a 1.5 MB article is already big)
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
USER_AGENT = fetching.USER_AGENT
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")

__all__ = ["MAX_BYTES", "Document", "SourceError", "decode", "decode_exact", "expand", "is_url",
           "read", "sniff"]


@dataclass(frozen=True, slots=True)
class Document:
    source: str            # what the user named (path or URL)
    text: str              # decoded HTML
    encoding: str | None   # the encoding it was decoded from
    url: str | None = None
    # The text's UTF-8 encoding, when the source's bytes are exactly that (decode_exact):
    # the parser reads them as they are instead of encoding the whole page again.
    utf8: bytes | None = field(default=None, repr=False, compare=False)


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def expand(sources: Iterator[str] | list[str] | tuple[str, ...]) -> Iterator[str | SourceError]:
    """Each named source, folders expanded to their page files (sorted, recursive)."""
    for source in sources:
        if is_url(source):
            yield source
            continue
        path = Path(source)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.name.lower().endswith(PAGE_SUFFIXES)
            )
            if not found:
                yield SourceError(source, "folder holds no .html, .htm or .html.gz files")
            yield from (str(p) for p in found)
        elif path.exists():
            yield source
        else:
            yield SourceError(source, "no such file or folder")


def read(source: str, max_bytes: int = MAX_BYTES,
         limits: fetching.FetchLimits | None = None) -> Document:
    """Read and decode one source. Raises SourceError, never anything else it expects."""
    if is_url(source):
        limits = limits or fetching.DEFAULT_LIMITS
        if max_bytes != limits.max_bytes:
            limits = replace(limits, max_bytes=max_bytes)
        got = fetching.fetch(source, limits)
        if got.content_type not in HTML_TYPES:
            raise SourceError(source, f"not an HTML page (Content-Type {got.content_type})")
        text, encoding, utf8 = decode_exact(got.body, source, got.charset)
        return Document(source, text, encoding, url=got.final_url, utf8=utf8)
    raw = read_regular_file(source, max_bytes)
    if raw[:2] == GZIP_MAGIC:
        try:
            raw = _inflate_file(raw, max_bytes)
        except InflateError as exc:
            raise SourceError(source, str(exc)) from None
    elif len(raw) > max_bytes:
        raise SourceError(source, f"file is too large (limit {max_bytes:,} bytes)")
    text, encoding, utf8 = decode_exact(raw, source)
    return Document(source, text, encoding, utf8=utf8)


_NOT_REGULAR = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                (stat.S_ISDIR, "a folder"))


def read_regular_file(location: str, max_bytes: int, source: str | None = None) -> bytes:
    """The file's bytes (at most ``max_bytes + 1``): regular files only. Opened without blocking
    and checked on the open descriptor, so a FIFO put in place after a check cannot hang us."""
    source = source or location
    with open_regular_file(location, source,
                           None if location.endswith(".gz") else max_bytes) as handle:
        try:
            return handle.read(max_bytes + 1)
        except PermissionError:
            raise SourceError(source, "permission denied") from None
        except OSError as exc:
            raise SourceError(source, f"cannot read: {exc.strerror or exc}") from None


def open_regular_file(location: str, source: str | None = None,
                      max_bytes: int | None = None) -> BinaryIO:
    """The file opened for reading: regular files only (see :func:`read_regular_file`), and
    none larger than ``max_bytes`` when it is given. Raises SourceError."""
    source = source or location
    try:
        fd = os.open(location, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOCTTY", 0))
    except IsADirectoryError:
        raise SourceError(source, "is a folder") from None
    except PermissionError:
        raise SourceError(source, "permission denied") from None
    except FileNotFoundError:
        raise SourceError(source, "no such file or folder") from None
    except (OSError, ValueError) as exc:
        raise SourceError(source, f"cannot read: {getattr(exc, 'strerror', None) or exc}") \
            from None
    try:
        info = os.fstat(fd)
        for test, kind in _NOT_REGULAR:
            if test(info.st_mode):
                raise SourceError(source, f"is {kind}, not a regular file")
        if max_bytes is not None and info.st_size > max_bytes:
            raise SourceError(source, f"file is too large ({info.st_size:,} bytes; limit "
                                      f"{max_bytes:,})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb", closefd=True)
        fd = -1
        return handle
    except SourceError:
        raise
    except PermissionError:
        raise SourceError(source, "permission denied") from None
    except OSError as exc:
        raise SourceError(source, f"cannot read: {exc.strerror or exc}") from None
    finally:
        if fd >= 0:
            os.close(fd)


def _inflate_file(raw: bytes, max_bytes: int) -> bytes:
    inflater = Inflater("gzip", max_bytes)
    inflater.feed(raw)
    return inflater.finish()


# -- what kind of content: magic numbers, XML roots, NUL bytes --------------------------------

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (GZIP_MAGIC, "gzip data inside gzip data"),
    (b"RIFF", "a RIFF file (WebP image, WAV or AVI)"),
    (b"\x00\x00\x01\x00", "an icon"),
)
_SVG = "an SVG image"
_XML_FEEDS = {"rss": "an RSS feed", "feed": "an Atom feed", "urlset": "a sitemap",
              "sitemapindex": "a sitemap index", "svg": _SVG}
NUL_SHARE = 0.01     # more NUL bytes than this share of the first 64 KB: binary, not text
# The MIME Sniffing standard's "binary data bytes": the C0 controls other than tab, line
# feed, form feed, carriage return and escape, which no text encoding read here puts in a
# page (UTF-16 is told apart before). Compressed or random data holds about one byte in ten
# (27 of 256 values); the corpus pages hold none. More than CONTROL_SHARE of the first
# CONTROL_HEAD bytes, and at least CONTROL_MIN of them: binary, not text. Read on the head
# alone (as a browser sniffs 1,445 bytes), one C pass of a few microseconds.
_BINARY_BYTES = bytes((*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)))
CONTROL_SHARE = 0.02
CONTROL_HEAD = 8192
CONTROL_MIN = 16


def sniff(raw: bytes) -> str | None:
    """What non-HTML content this is ("a PDF document"...), or None when it may be HTML."""
    head = raw[:65536]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_guess(head):
        return None
    nuls = head.count(0)
    if nuls and nuls > NUL_SHARE * len(head):
        return f"binary data ({nuls * 100 // len(head)}% NUL bytes)"
    start = head[:CONTROL_HEAD]
    controls = len(start) - len(start.translate(None, _BINARY_BYTES))
    if controls >= CONTROL_MIN and controls > CONTROL_SHARE * len(start):
        return f"binary data ({controls * 100 // len(start)}% control bytes)"
    return None


def _utf16_guess(head: bytes) -> str | None:
    """UTF-16 without a byte order mark: ASCII markup leaves every other byte NUL."""
    sample = head[:4096]
    if len(sample) < 16:
        return None
    if sample[1::2].count(0) > 0.9 * len(sample[1::2]) and sample[0::2].count(0) == 0:
        return "utf-16-le"
    if sample[0::2].count(0) > 0.9 * len(sample[0::2]) and sample[1::2].count(0) == 0:
        return "utf-16-be"
    return None


_TAG = re.compile(r"<([A-Za-z][^\s/>]*)")


def _xml_kind(text: str) -> str | None:
    """An SVG image or another XML document (a feed, a sitemap) rather than HTML or XHTML:
    judged by the first element after any declaration, comment or doctype."""
    start = text[:65536].lstrip("\ufeff \t\r\n")
    position = 0
    while start.startswith("<!--", position) or start.startswith(("<?", "<!"), position):
        end = (start.find("-->", position) + 3 if start.startswith("<!--", position)
               else start.find(">", position) + 1)
        if end <= 0:
            return None
        position = len(start) - len(start[end:].lstrip(" \t\r\n"))
    match = _TAG.match(start, position)
    if match is None:
        return None
    name = match.group(1).lower().rpartition(":")[2]
    if name in _XML_FEEDS:
        return _XML_FEEDS[name]
    if start.startswith("<?xml") and name not in ("html", "head", "body"):
        return f"an XML document (root element <{name}>)"
    return None


def decode(raw: bytes, source: str, declared: str | None = None) -> tuple[str, str | None]:
    """Bytes to text, as a browser would: BOM, then the HTTP charset, then a ``<meta>``
    declaration (:func:`declared_encoding`), then detection (bs4's UnicodeDammit). UTF-8,
    declared or detected, is decoded leniently: a stray byte becomes U+FFFD instead of turning
    the page into cp1252 mojibake."""
    text, encoding, _ = decode_exact(raw, source, declared)
    return text, encoding


def decode_exact(raw: bytes, source: str, declared: str | None = None, *,
                 partial: bool = False) -> tuple[str, str | None, bytes | None]:
    """:func:`decode`'s text and encoding, and the bytes of which the text is exactly the
    UTF-8 decoding (``raw`` itself, or without its BOM), or None when it is not one (another
    encoding, or a stray byte replaced). :meth:`Page.from_html` parses those bytes as they
    are: encoding the text again would cost ~2% of an audit, for bytes already at hand.

    ``partial``: the file may be a partial of a repository (a11y_audit.templates): an
    ``<svg>`` root without an XML declaration is an inline icon that a layout includes (one
    that declares itself XML is an SVG document, as a page's check says), and text without
    markup may be a template's (the caller decides: it is not refused here)."""
    if not raw or raw.isspace():        # (not strip(): it would copy the page)
        raise SourceError(source, "file is empty")
    kind = sniff(raw)
    if kind is not None:
        raise SourceError(source, f"not HTML: {kind}")
    text, encoding, utf8 = _decode_text(raw, declared)
    if text is None:
        raise SourceError(source, "cannot decode the text in any known encoding")
    refuse_xml(text, source, partial)
    if "<" not in text[:65536] and not partial:
        raise SourceError(source, NO_MARKUP)
    return text, encoding, utf8


def refuse_xml(text: str, source: str, partial: bool = False) -> None:
    """Refuses (:class:`SourceError`) a text that is an SVG image or another XML document
    (a feed, a sitemap), not HTML; an SVG without an XML declaration is taken where a
    partial may be (an icon a layout includes). Also asked of a template's text as it
    renders (a Velocity feed template's first element follows a comment of the template
    language's own)."""
    kind = _xml_kind(text)
    if kind is not None and not (partial and kind == _SVG and not _XML_DECLARED.match(text)):
        raise SourceError(source, f"not HTML: {kind}")


NO_MARKUP = "does not look like HTML (no markup)"
# A local file whose name says it is JavaScript or TypeScript: code, even where it writes
# markup (a React component's JSX, which an HTML parser misreads: "() => x" ends a tag)
CODE_SUFFIXES = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx")
CODE_FILE = ("JavaScript or TypeScript source, not markup (a component's JSX is code: "
             "eslint-plugin-jsx-a11y judges it)")
_XML_DECLARED = re.compile(r"[\ufeff \t\r\n]*<\?xml\b")


def _decode_text(raw: bytes, declared: str | None
                 ) -> tuple[str | None, str | None, bytes | None]:
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16le"),
                      (codecs.BOM_UTF16_BE, "utf-16be")):
        if raw.startswith(bom):
            if name == "utf-8":
                return _utf8(raw[len(bom):], lenient=True)
            return raw[len(bom):].decode(name, "replace"), name, None
    guess = _utf16_guess(raw[:4096])
    if guess:
        return raw.decode(guess, "replace"), guess, None
    if not _known(declared):
        declared = declared_encoding(raw[:_PRESCAN_BYTES])
    known = _known(declared)
    if known in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        known = "utf-8"       # HTML: a <meta> naming UTF-16 in ASCII-compatible bytes means UTF-8
    if known == "utf-8" or known is None:
        decoded = _utf8(raw, lenient=known == "utf-8")
        if decoded[0] is not None:
            return decoded
    # A legacy encoding, declared or to be detected: bs4 (and soupsieve, which it imports) loads
    # for such pages only; its import was a fifth of a one-page run's time.
    from bs4.dammit import UnicodeDammit

    # (the ignore: declared is a known label when known is set)
    dammit = UnicodeDammit(
        raw, known_definite_encodings=[declared] if known else [],  # type: ignore[list-item]
        is_html=True)
    return dammit.unicode_markup, dammit.original_encoding, None


# How far a page's bytes are read for a <meta> declaration. The prescan of the HTML standard
# reads 1,024 bytes, but a browser that meets a later declaration while parsing re-decodes the
# page with it (the encoding is still "tentative"), so a declaration after a long head counts.
_PRESCAN_BYTES = 65536
_SPACE = b"\t\n\f\r "
# One attribute as the prescan reads it ("get an attribute"): a name (a first "=" is part of
# it), then, after "=", a value quoted (to the closing quote, or to the end if none) or bare
# (to a space or ">"). A quote elsewhere is an ordinary byte.
_ATTRIBUTE = (rb"[\t\n\f\r /]*(?P<name>[^\t\n\f\r />][^\t\n\f\r /=>]*)"
              rb"(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:\"(?P<double>[^\"]*)\"?|'(?P<single>[^']*)'?"
              rb"|(?P<bare>[^\t\n\f\r >]*)))?")
_PRESCAN_ATTRIBUTE = re.compile(_ATTRIBUTE)
_ANY_ATTRIBUTES = re.sub(rb"\?P<\w+>", b"", _ATTRIBUTE)     # (the same, without group names)
# What the prescan stops at, the cases of the standard's loop: a comment, which ends at the
# first ">" after two dashes (those of "<!--" count: "<!-->" is a whole comment) or runs to
# the end; a <meta> start tag with its attributes; another start or end tag, whose attributes
# are skipped (a "<meta" in a quoted value is no tag); "<!", "</" or "<?" markup, to the next ">".
_PRESCAN = re.compile(
    rb"<!--(?:.*?(?<=--)>|.*)"
    rb"|<meta[\t\n\f\r /](?P<meta>(?:" + _ANY_ATTRIBUTES + rb")*)"
    rb"|</?[a-z][^\t\n\f\r >]*(?:" + _ANY_ATTRIBUTES + rb")*"
    rb"|<[!/?][^>]*", re.I | re.S)


def declared_encoding(head: bytes) -> str | None:
    """The encoding label a page's ``<meta>`` declares (lower case), read as the HTML standard's
    prescan reads it (https://html.spec.whatwg.org/#prescan-a-byte-stream-to-determine-its-encoding):
    ``<meta charset>``, or ``<meta http-equiv="content-type" content="...; charset=...">`` (the
    ``content`` alone does not count); the first such declaration naming a known encoding wins;
    comments and the attribute values of other tags are skipped. ``x-user-defined`` reads as
    windows-1252, as the standard says. None when nothing is declared.

    Only declarations count: an XML declaration's ``encoding`` does not, as browsers ignore it
    in HTML (the detection that follows for non-UTF-8 bytes still weighs it)."""
    lowered = head.lower()
    last = lowered.rfind(b"charset")
    if last < 0:
        return None             # no declaration can lack the word (most pages end here fast)
    for match in _PRESCAN.finditer(lowered, 0, min(len(lowered), last + 4096)):
        if match.start() > last:
            break
        if match.group("meta") is None:
            continue
        charset = _meta_charset(match.group("meta"))
        if charset is not None:
            return charset
    return None


def _meta_charset(attributes: bytes) -> str | None:
    """The encoding label one ``<meta>`` tag declares, its attributes lower case already; None
    when it declares none, or one no codec knows (the prescan then reads on)."""
    seen: set[bytes] = set()
    got_pragma = False
    need_pragma: bool | None = None
    charset: bytes | None = None
    for found in _PRESCAN_ATTRIBUTE.finditer(attributes):
        name = found.group("name")
        if name in seen:
            continue        # the first of repeated attributes counts
        seen.add(name)
        value = found.group("double")
        if value is None:
            value = found.group("single")
            if value is None:
                value = found.group("bare") or b""
        if name == b"http-equiv":
            got_pragma = got_pragma or value == b"content-type"
        elif name == b"content":
            if charset is None:
                charset = _content_charset(value)
                if charset is not None:
                    need_pragma = True
        elif name == b"charset":
            charset, need_pragma = value, False
    if need_pragma is None or (need_pragma and not got_pragma) or charset is None:
        return None
    label = charset.decode("latin-1").strip("\t\n\f\r ")
    if label == "x-user-defined":
        return "windows-1252"
    return label if _known(label) else None


_VALUE_END = re.compile(rb"[\t\n\f\r ;]")     # where an unquoted charset in a content value ends


def _content_charset(content: bytes) -> bytes | None:
    """The standard's "extract a character encoding from a meta element" of a lower-cased
    ``content`` value: what follows ``charset`` and ``=``, quoted or up to a space or ";"."""
    position = 0
    while True:
        position = content.find(b"charset", position)
        if position < 0:
            return None
        position += 7
        rest = content[position:].lstrip(_SPACE)
        if not rest.startswith(b"="):
            position = len(content) - len(rest)
            continue
        rest = rest[1:].lstrip(_SPACE)
        if not rest:
            return None
        if rest[:1] in (b'"', b"'"):
            end = rest.find(rest[:1], 1)
            return rest[1:end] if end > 0 else None
        found = _VALUE_END.search(rest)
        return rest[:found.start()] if found else rest


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip()).name.replace("_", "-")
    except (LookupError, ValueError):
        return None


def _utf8(raw: bytes, lenient: bool) -> tuple[str | None, str | None, bytes | None]:
    """``raw`` as UTF-8, with ``raw`` as the exact bytes when it is valid UTF-8. Otherwise
    stray bytes become U+FFFD, if ``lenient`` or if they are few (at most one in ten non-ASCII
    characters); else no text: not UTF-8."""
    try:
        return raw.decode("utf-8"), "utf-8", raw
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", "replace")
    if not lenient:
        bad = text.count("\ufffd") - raw.count("\ufffd".encode())
        good = sum(1 for ch in text if ord(ch) > 127) - bad - raw.count("\ufffd".encode())
        if not (good > 0 and bad * 10 <= good):
            return None, None, None
    return text, "utf-8", None
