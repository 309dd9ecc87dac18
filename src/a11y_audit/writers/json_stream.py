"""JSON text for the reports, and a JSON document whose one long list streams: the same text as
``dumps(data)`` with the list filled in, written one item at a time, so the list (a run's pages,
SARIF results) is never in memory whole.

The text is orjson's: 2-space indentation, non-ASCII characters as themselves, the format of
``json.dumps(value, indent=2, ensure_ascii=False)`` (the only difference is that a float below
1e-4 is written without an exponent: ``0.00005``, not ``5e-05``). orjson writes it 4-6 times as
fast as the standard library, whose indenting encoder is pure Python: on the 181 corpus pages
the JSON report (22 MB) took 1.1 s of the main process's CPU, after the workers had finished,
and now takes 0.3 s.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from typing import IO, Any

import orjson

_INDENTED = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS


def dumps(value: Any) -> str:
    """``value`` as indented JSON text (no final newline)."""
    return orjson.dumps(value, option=_INDENTED).decode("utf-8")


def dumps_line(value: Any) -> str:
    """``value`` as JSON on one line, without spaces (no final newline)."""
    return dumps_line_utf8(value).decode("utf-8")


def dumps_line_utf8(value: Any) -> bytes:
    """:func:`dumps_line`'s text in UTF-8, as orjson makes it."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)


def _marks(pad: str) -> tuple[str, str]:
    """What comes before each item of a list whose opening bracket is on a line indented by
    ``pad`` (after the bracket or the comma), and what closes the list."""
    return f"\n{pad}  ", f"\n{pad}]"


def item_utf8(item: Any, pad: str) -> bytes:
    """``item`` as :func:`write_items` writes it in a list indented by ``pad`` (without the
    separator before it), in UTF-8."""
    # (a newline byte is never part of a multi-byte UTF-8 character)
    return orjson.dumps(item, option=_INDENTED).replace(b"\n", _marks(pad)[0].encode())


class RenderedList:
    """The items of a JSON list indented by ``pad``, rendered elsewhere (:func:`item_utf8`,
    by the workers of a run) and kept in a temporary file until :meth:`copy` writes the list:
    it is never in memory whole, and never rendered again."""

    def __init__(self, pad: str, directory: str | os.PathLike[str] | None = None) -> None:
        newline, end = _marks(pad)
        self._newline, self._end = newline.encode(), end.encode()
        self.count = 0
        self._file: IO[bytes] = tempfile.TemporaryFile(  # noqa: SIM115 - closed by close()
            prefix="a11y-audit-items-", dir=directory)

    def add(self, item: bytes) -> None:
        self._file.write(b"," + self._newline + item if self.count else self._newline + item)
        self.count += 1

    def copy(self, out: IO[bytes]) -> None:
        """The list, brackets included, to ``out``."""
        if not self.count:
            out.write(b"[]")
            return
        out.write(b"[")
        self._file.flush()
        self._file.seek(0)
        shutil.copyfileobj(self._file, out)
        out.write(self._end)

    def close(self) -> None:
        self._file.close()


def write_copied(handle: IO[str], data: dict[str, Any], key: str, pad: str,
                 items: RenderedList) -> None:
    """:func:`write_with_list` whose list's items are already rendered: they are copied to
    the binary file under ``handle``."""
    before, after = _around(data, key, pad)
    handle.write(before)
    handle.flush()
    items.copy(handle.buffer)  # type: ignore[attr-defined]
    handle.write(after)


def write_items(handle: IO[str], items: Iterable[Any], pad: str) -> None:
    """A JSON list whose opening bracket is already placed on a line indented by ``pad``."""
    first = True
    # Each item's lines are indented by replacing its newlines: JSON text has no blank lines
    # and no raw newline inside a string, so this is textwrap.indent at a fraction of its cost.
    newline, end = _marks(pad)
    for item in items:
        handle.write("[" + newline if first else "," + newline)
        handle.write(dumps(item).replace("\n", newline))
        first = False
    handle.write("[]" if first else end)


def write_with_list(handle: IO[str], data: dict[str, Any], key: str, pad: str,
                    items: Iterable[Any]) -> None:
    """``data`` as indented JSON, its list at ``key`` (empty in ``data``; its line indented by
    ``pad``; the key must appear once at that indentation) written from ``items``."""
    before, after = _around(data, key, pad)
    handle.write(before)
    write_items(handle, items, pad)
    handle.write(after)


def _around(data: dict[str, Any], key: str, pad: str) -> tuple[str, str]:
    """The text of ``data`` (and a final newline) before and after its empty list at ``key``
    (see :func:`write_with_list`)."""
    text = dumps(data)
    marker = f'\n{pad}"{key}": '
    before, found, after = text.partition(marker + "[]")
    assert found, f"no empty list {key!r} at indentation {len(pad)}"
    return before + marker, after + "\n"
