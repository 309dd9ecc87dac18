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

from collections.abc import Callable, Iterable
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


def item_utf8(item: Any, pad: str) -> bytes:
    """``item`` as :func:`write_items` writes it in a list indented by ``pad`` (without the
    separator before it), in UTF-8."""
    newline = f"\n{pad}  ".encode()
    # (a newline byte is never part of a multi-byte UTF-8 character)
    return orjson.dumps(item, option=_INDENTED).replace(b"\n", newline)


def write_copied(handle: IO[str], data: dict[str, Any], key: str, pad: str,
                 items: Callable[[IO[bytes]], None]) -> None:
    """:func:`write_with_list` whose list is already rendered: ``items`` copies its text,
    ``[`` to the line before the closing bracket, to the binary file under ``handle``."""
    text = dumps(data)
    marker = f'\n{pad}"{key}": '
    before, found, after = text.partition(marker + "[]")
    assert found, f"no empty list {key!r} at indentation {len(pad)}"
    handle.write(before + marker)
    handle.flush()
    items(handle.buffer)  # type: ignore[attr-defined]
    handle.write(after + "\n")


def write_items(handle: IO[str], items: Iterable[Any], pad: str) -> None:
    """A JSON list whose opening bracket is already placed on a line indented by ``pad``."""
    first = True
    # Each item's lines are indented by replacing its newlines: JSON text has no blank lines
    # and no raw newline inside a string, so this is textwrap.indent at a fraction of its cost.
    newline = f"\n{pad}  "
    for item in items:
        handle.write("[" + newline if first else "," + newline)
        handle.write(dumps(item).replace("\n", newline))
        first = False
    handle.write("[]" if first else f"\n{pad}]")


def write_with_list(handle: IO[str], data: dict[str, Any], key: str, pad: str,
                    items: Iterable[Any]) -> None:
    """``data`` as indented JSON, its list at ``key`` (empty in ``data``; its line indented by
    ``pad``; the key must appear once at that indentation) written from ``items``."""
    text = dumps(data)
    marker = f'\n{pad}"{key}": '
    before, found, after = text.partition(marker + "[]")
    assert found, f"no empty list {key!r} at indentation {len(pad)}"
    handle.write(before + marker)
    write_items(handle, items, pad)
    handle.write(after + "\n")
