"""Write a JSON document whose one long list streams: the same text as ``json.dumps(data,
indent=2, ensure_ascii=False)`` with the list filled in, written one item at a time, so the
list (a run's pages, SARIF results) is never in memory whole."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from typing import IO, Any


def _dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def write_items(handle: IO[str], items: Iterable[Any], pad: str) -> None:
    """A JSON list whose opening bracket is already placed on a line indented by ``pad``."""
    first = True
    for item in items:
        handle.write("[\n" if first else ",\n")
        handle.write(textwrap.indent(_dumps(item), pad + "  "))
        first = False
    handle.write("[]" if first else f"\n{pad}]")


def write_with_list(handle: IO[str], data: dict[str, Any], key: str, pad: str,
                    items: Iterable[Any]) -> None:
    """``data`` as indented JSON, its list at ``key`` (empty in ``data``; its line indented by
    ``pad``; the key must appear once at that indentation) written from ``items``."""
    text = _dumps(data)
    marker = f'\n{pad}"{key}": '
    before, found, after = text.partition(marker + "[]")
    assert found, f"no empty list {key!r} at indentation {len(pad)}"
    handle.write(before + marker)
    write_items(handle, items, pad)
    handle.write(after + "\n")
