"""``a11y-audit explain``: a rule's docstring as readable terminal text.

The docstrings are reStructuredText (``Fails::`` literal blocks, ````code```` spans). The terminal
gets plain words: inline literals lose their backquotes (bold on a colour terminal), and the
``Fails::``/``Passes::`` blocks become labelled examples, each line marked (``✗``/``✓``) and
coloured red or green on a colour terminal. A section title (``Options`` over a ``-------``
underline) becomes a bold ``Options:`` line.
"""

from __future__ import annotations

import json
import re
from typing import Any

_LITERAL = re.compile(r"``(.+?)``")
_BLOCK = re.compile(r"^(?P<label>[A-Z][\w ]*?)::\s*$")
_UNDERLINE = re.compile(r"^([-=~])\1{2,}\s*$")
_LABELS = {"Fails": ("Fails", "✗", "31"), "Passes": ("Passes", "✓", "32")}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def _is_title(line: str, following: str) -> bool:
    """A reST section title: text over an underline of the same length."""
    return (bool(line.strip()) and not line.startswith((" ", "\t"))
            and _UNDERLINE.match(following) is not None
            and len(following.strip()) == len(line.strip()))


def render_docs(docs: str, colour: bool = False) -> str:
    out: list[str] = []
    block: tuple[str, str, str] | None = None
    lines = docs.rstrip().splitlines()
    underlines: set[int] = set()
    for index, line in enumerate(lines):
        if index in underlines:
            continue
        if _is_title(line, lines[index + 1] if index + 1 < len(lines) else ""):
            underlines.add(index + 1)
            block = None
            out.append(_paint(f"{line.strip()}:", "1", colour))
            continue
        heading = _BLOCK.match(line)
        if heading:
            label = heading.group("label")
            block = _LABELS.get(label, (label, "│", "2"))
            out.append(_paint(f"{block[0]}:", "1", colour))
            continue
        if block is not None:
            if line.strip() and not line.startswith((" ", "\t")):
                block = None                       # the literal block ended
            elif line.strip():
                out.append(_paint(f"  {block[1]} {line.strip()}", block[2], colour))
                continue
            else:
                out.append("")
                continue
        out.append(_LITERAL.sub(lambda m: _paint(m.group(1), "1", colour), line))
    return "\n".join(out).rstrip() + "\n"


def render_options(options: dict[str, Any]) -> str:
    """A rule's options and their defaults, as they go in ``[tool.a11y-audit.rules.ID]``."""
    lines = ["Defaults (set them in [tool.a11y-audit.rules.<id>]):"]
    for name, value in options.items():
        shown = json.dumps(value, ensure_ascii=False)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        lines.append(f"  {name} = {shown}")
    return "\n".join(lines) + "\n"
