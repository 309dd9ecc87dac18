"""Bounded decompression for every gzip path: local ``.gz`` files and HTTP content encodings.

A 3 MB gzip body can inflate to gigabytes, so output is produced at most ``limit + 1`` bytes at a
time (zlib's ``max_length``) and refused as soon as it passes the limit. A gzip file may hold
several members one after the other (``cat a.gz b.gz``); all of them are read, as ``gunzip`` does.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

GZIP_MAGIC = b"\x1f\x8b"


class InflateError(Exception):
    """Broken, truncated or oversized compressed data; ``str()`` is a one-line reason."""


class Inflater:
    """Feed compressed chunks, get the bytes they inflate to, never more than ``limit``."""

    def __init__(self, encoding: str, limit: int) -> None:
        if encoding not in ("gzip", "x-gzip", "deflate"):
            raise InflateError(f"unsupported content encoding {encoding!r}")
        self._gzip = encoding != "deflate"
        self._limit = limit
        self._size = 0
        self._parts: list[bytes] = []
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
                out = inflater.decompress(data, self._limit - self._size + 1)
            except zlib.error as exc:
                raise InflateError(f"broken {'gzip' if self._gzip else 'deflate'} data "
                                   f"({exc})") from None
            self._size += len(out)
            if self._size > self._limit:
                raise InflateError(f"decompressed page is too large (limit {self._limit:,} "
                                   "bytes)")
            self._parts.append(out)
            data = inflater.unconsumed_tail or (inflater.unused_data if inflater.eof else b"")

    def finish(self) -> bytes:
        """All the inflated bytes; raises if the last member was cut short."""
        if self._started and not self._inflater.eof:
            rest = self._inflater.flush()
            self._size += len(rest)
            if self._size > self._limit:
                raise InflateError(f"decompressed page is too large (limit {self._limit:,} "
                                   "bytes)")
            raise InflateError(f"truncated {'gzip' if self._gzip else 'deflate'} data")
        return b"".join(self._parts)


def inflate(chunks: Iterable[bytes], encoding: str, limit: int) -> bytes:
    """Inflate a whole compressed stream (an iterable of chunks) within ``limit`` bytes."""
    inflater = Inflater(encoding, limit)
    for chunk in chunks:
        inflater.feed(chunk)
    return inflater.finish()
