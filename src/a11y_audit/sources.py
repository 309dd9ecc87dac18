"""Reading pages: files, folders (recursive), gzip files and URLs, decoded to text.

Every failure becomes a :class:`SourceError` with a one-line message naming the source; the caller
reports it and goes on with the rest of the batch.
"""

from __future__ import annotations

import gzip
import logging
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bs4.dammit import EncodingDetector, UnicodeDammit

# bs4 logs "Some characters could not be decoded" for pages with stray bytes; a page with a few
# replaced characters is still audited, and that log line would break one-line error output.
logging.getLogger("bs4.dammit").setLevel(logging.ERROR)

MAX_BYTES = 25 * 1024 * 1024          # larger pages are refused (a 1.5 MB article is already big)
URL_TIMEOUT = 20.0
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
USER_AGENT = "a11y-audit (+https://pypi.org/project/a11y-audit/)"


class SourceError(Exception):
    """A source that cannot be audited; ``str()`` is the one-line message."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Document:
    source: str            # what the user named (path or URL)
    text: str              # decoded HTML
    encoding: str | None   # the encoding it was decoded from
    url: str | None = None


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


def read(source: str, max_bytes: int = MAX_BYTES) -> Document:
    """Read and decode one source. Raises SourceError, never anything else."""
    if is_url(source):
        raw, declared, final_url = _fetch(source, max_bytes)
        return Document(source, *decode(raw, source, declared), url=final_url)
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > max_bytes and not source.endswith(".gz"):
            raise SourceError(source, f"file is too large ({size:,} bytes; limit {max_bytes:,})")
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except SourceError:
        raise
    except IsADirectoryError:
        raise SourceError(source, "is a folder") from None
    except PermissionError:
        raise SourceError(source, "permission denied") from None
    except OSError as exc:
        raise SourceError(source, f"cannot read: {exc.strerror or exc}") from None
    if raw[:2] == b"\x1f\x8b":
        raw = _gunzip(raw, source, max_bytes)
    elif len(raw) > max_bytes:
        raise SourceError(source, f"file is too large (limit {max_bytes:,} bytes)")
    return Document(source, *decode(raw, source))


def _gunzip(raw: bytes, source: str, max_bytes: int) -> bytes:
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = inflater.decompress(raw, max_bytes + 1)
    except zlib.error as exc:
        raise SourceError(source, f"broken gzip data ({exc})") from None
    if len(out) > max_bytes:
        raise SourceError(source, f"decompressed page is too large (limit {max_bytes:,} bytes)")
    if not inflater.eof:
        raise SourceError(source, "truncated gzip data")
    return out


def decode(raw: bytes, source: str, declared: str | None = None) -> tuple[str, str | None]:
    """Bytes to text: BOM, then HTTP/meta declarations, then detection (bs4's UnicodeDammit)."""
    if not raw.strip():
        raise SourceError(source, "file is empty")
    head = raw[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")) and not _utf16(head):
        raise SourceError(source, "binary file, not HTML")
    known = [declared] if declared else []
    dammit = UnicodeDammit(raw, known_definite_encodings=known, is_html=True)
    text = dammit.unicode_markup
    if text is None:
        raise SourceError(source, "cannot decode the text in any known encoding")
    if "<" not in text[:65536]:
        raise SourceError(source, "does not look like HTML (no markup)")
    return text, dammit.original_encoding


def _utf16(head: bytes) -> bool:
    sniffed = EncodingDetector.find_declared_encoding(head, is_html=True)
    return bool(sniffed and sniffed.lower().startswith("utf-16"))


def _fetch(url: str, max_bytes: int) -> tuple[bytes, str | None, str]:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT) as response:
            raw = response.read(max_bytes + 1)
            charset = response.headers.get_content_charset()
            final_url = response.geturl()
            if response.headers.get("Content-Encoding", "").lower() == "gzip":
                raw = gzip.decompress(raw)
            content_type = response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        raise SourceError(url, f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise SourceError(url, f"cannot fetch: {exc.reason}") from None
    except (TimeoutError, OSError, ValueError) as exc:
        raise SourceError(url, f"cannot fetch: {exc}") from None
    if len(raw) > max_bytes:
        raise SourceError(url, f"page is too large (limit {max_bytes:,} bytes)")
    if content_type not in ("text/html", "application/xhtml+xml", "text/plain"):
        raise SourceError(url, f"not an HTML page (Content-Type {content_type})")
    return raw, charset, final_url
