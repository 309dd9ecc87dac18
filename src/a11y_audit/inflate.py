"""Bounded decompression for every compressed path: local ``.gz`` files, HTTP content encodings
and the bodies a web archive keeps as the server sent them.

A 3 MB gzip body can inflate to gigabytes, so output is produced at most ``limit + 1`` bytes at a
time (zlib's ``max_length``) and refused as soon as it passes the limit. A gzip file may hold
several members one after the other (``cat a.gz b.gz``); all of them are read, as ``gunzip`` does.
Brotli and zstd (``br`` and ``zstd`` content codings: what a browser is sent, and a browser's
crawl keeps) are read the same way, by :func:`decoder`: their ratios are unbounded (a few bytes
of brotli can stand for a gigabyte), so their output is bounded by the call, never by the data.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from typing import Any

GZIP_MAGIC = b"\x1f\x8b"


class InflateError(Exception):
    """Broken, truncated or oversized compressed data; ``str()`` is a one-line reason."""


class _Bounded:
    """Output kept in parts, refused as soon as it passes ``limit`` (every decoder here)."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._size = 0
        self._parts: list[bytes] = []

    def _keep(self, out: bytes) -> None:
        self._size += len(out)
        if self._size > self._limit:
            raise InflateError(f"decompressed page is too large (limit {self._limit:,} bytes)")
        self._parts.append(out)

    def _room(self) -> int:
        return self._limit - self._size + 1     # (at least 1: _keep refuses beyond the limit)


class Inflater(_Bounded):
    """Feed compressed chunks, get the bytes they inflate to, never more than ``limit``."""

    def __init__(self, encoding: str, limit: int) -> None:
        if encoding not in ("gzip", "x-gzip", "deflate"):
            raise InflateError(f"unsupported content encoding {encoding!r}")
        super().__init__(limit)
        self._gzip = encoding != "deflate"
        self._started = False                 # any compressed byte seen
        self._raw_deflate = False             # "deflate" sent without its zlib header
        self._inflater = self._new()

    def _new(self) -> zlib._Decompress:
        if self._gzip:
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(-zlib.MAX_WBITS if self._raw_deflate else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> None:
        if not data:
            return
        if not self._started and not self._gzip:
            # RFC 9110 "deflate" is zlib-wrapped; some servers send raw deflate instead.
            self._raw_deflate = (data[0] & 0x0F) != 8 or int.from_bytes(data[:2], "big") % 31 != 0
            self._inflater = self._new()
        self._started = True
        while data:
            inflater = self._inflater
            if inflater.eof:
                if not self._gzip or not data.startswith(GZIP_MAGIC[: len(data)]):
                    return                    # trailing bytes after the last member: ignored
                self._inflater = inflater = self._new()
            try:
                out = inflater.decompress(data, self._room())
            except zlib.error as exc:
                raise InflateError(f"broken {'gzip' if self._gzip else 'deflate'} data "
                                   f"({exc})") from None
            self._keep(out)
            data = inflater.unconsumed_tail or (inflater.unused_data if inflater.eof else b"")

    def finish(self) -> bytes:
        """All the inflated bytes; raises if the last member was cut short."""
        if self._started and not self._inflater.eof:
            self._keep(self._inflater.flush())      # (too large says so first)
            raise InflateError(f"truncated {'gzip' if self._gzip else 'deflate'} data")
        return b"".join(self._parts)


def inflate(chunks: Iterable[bytes], encoding: str, limit: int) -> bytes:
    """Inflate a whole compressed stream (an iterable of chunks) within ``limit`` bytes."""
    inflater = Inflater(encoding, limit)
    for chunk in chunks:
        inflater.feed(chunk)
    return inflater.finish()


# the HTTP content codings :func:`decoder` reads
CODINGS = ("gzip", "x-gzip", "deflate", "br", "zstd")


def decoder(encoding: str, limit: int) -> Inflater | Unbrotli | Unzstd:
    """What decodes a body in the HTTP content coding ``encoding`` within ``limit`` bytes
    (``feed`` it chunks, then ``finish``): one of :data:`CODINGS`. Raises InflateError for
    another."""
    if encoding == "br":
        return Unbrotli(limit)
    if encoding == "zstd":
        return Unzstd(limit)
    return Inflater(encoding, limit)


class Unbrotli(_Bounded):
    """Brotli (RFC 7932), with the brotli package's bounded output (1.2 and later)."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        try:
            import brotli
        except ImportError:  # pragma: no cover - a dependency
            raise InflateError("reading brotli needs the brotli package") from None
        self._error = brotli.error
        self._decompressor = brotli.Decompressor()

    def feed(self, data: bytes) -> None:
        if not data:
            return
        decompressor = self._decompressor
        try:
            if decompressor.is_finished():
                return                  # trailing bytes after the stream: ignored
            self._keep(decompressor.process(data, output_buffer_limit=self._room()))
            # output held back by the limit comes with empty input, until it can take more
            while not decompressor.can_accept_more_data():
                self._keep(decompressor.process(b"", output_buffer_limit=self._room()))
        except self._error as exc:
            raise InflateError(f"broken brotli data ({exc})") from None

    def finish(self) -> bytes:
        if not self._decompressor.is_finished():
            raise InflateError("truncated brotli data")
        return b"".join(self._parts)


class Unzstd(_Bounded):
    """Zstandard (RFC 8878): CPython's own module (3.14's compression.zstd, or its backport),
    its window held to 8 MB as RFC 9659 asks of a content coding's decoder, every frame read."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        try:
            from compression import zstd  # type: ignore[import-not-found,unused-ignore]
        except ImportError:
            try:
                from backports import zstd  # type: ignore[import-not-found,no-redef,unused-ignore]
            except ImportError:  # pragma: no cover - a dependency below Python 3.14
                raise InflateError("reading zstd needs Python 3.14 or the backports.zstd "
                                   "package") from None
        self._zstd: Any = zstd
        self._started = False
        self._decompressor: Any = self._new()

    def _new(self) -> Any:
        zstd = self._zstd
        return zstd.ZstdDecompressor(options={zstd.DecompressionParameter.window_log_max: 23})

    def feed(self, data: bytes) -> None:
        if not data:
            return
        self._started = True
        decompressor = self._decompressor
        try:
            while True:
                if decompressor.eof:        # a frame ended: the next one, if any
                    data = decompressor.unused_data + data
                    if not data:
                        return
                    decompressor = self._decompressor = self._new()
                self._keep(decompressor.decompress(data, max_length=self._room()))
                data = b""
                # more input wanted, or the last frame's end: done with this chunk; else
                # output held back by the limit, or a frame after the one that ended
                if decompressor.needs_input and not decompressor.eof:
                    return
                if decompressor.eof and not decompressor.unused_data:
                    return
        except self._zstd.ZstdError as exc:
            raise InflateError(f"broken zstd data ({exc})") from None

    def finish(self) -> bytes:
        if self._started and not self._decompressor.eof:
            raise InflateError("truncated zstd data")
        return b"".join(self._parts)
