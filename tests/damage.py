"""Damaged copies of containers (archives, web archives) for the property tests: whatever is
read from one is a page or a one-line error, never a traceback."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from a11y_audit.inputs import Input, RawPage, enumerate_inputs, load
from a11y_audit.sources import SourceError


def damaged(whole: Path, path: Path, cuts: Iterable[tuple[float, int]], end: float) -> Path:
    """``whole``'s bytes written to ``path`` with a byte set at each cut (where, as a fraction
    of the file; value) and the end cut off (``end``: the fraction kept, at least one byte)."""
    data = bytearray(whole.read_bytes())
    for where, value in cuts:
        data[min(int(where * len(data)), len(data) - 1)] = value
    path.write_bytes(bytes(data[: max(1, int(end * len(data)))]))
    return path


def pages_read(path: Path | str) -> Iterator[tuple[Input, RawPage]]:
    """Each input enumerated from ``path`` (or a URL) that reads as a page, with what was
    read; every error met on the way, enumerating or reading, is asserted to be one line."""
    for item in enumerate_inputs([str(path)]):
        if isinstance(item, SourceError):
            assert item.reason and "\n" not in item.reason
            continue
        try:
            raw = load(item)
        except SourceError as exc:
            assert "\n" not in exc.reason
            continue
        yield item, raw
