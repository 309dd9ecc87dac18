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

# An inline literal, which a docstring wrapped at its width may break over two lines
_LITERAL = re.compile(r"``(.+?)``", re.S)
_BLOCK = re.compile(r"^(?P<label>[A-Z][\w ]*?)::\s*$")
_UNDERLINE = re.compile(r"^([-=~])\1{2,}\s*$")
_LABELS = {"Fails": ("Fails", "✗", "31"), "Passes": ("Passes", "✓", "32")}


def plain(text: str) -> str:
    """reST inline literals (````code````) as plain text: ``code``."""
    return _LITERAL.sub(lambda m: m.group(1), text)


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def _is_title(line: str, following: str) -> bool:
    """A reST section title: text over an underline of the same length."""
    return (bool(line.strip()) and not line.startswith((" ", "\t"))
            and _UNDERLINE.match(following) is not None
            and len(following.strip()) == len(line.strip()))


def _prose(lines: list[str], out: list[str], colour: bool) -> None:
    """Append a paragraph's lines to ``out``, its inline literals plain (bold on a colour
    terminal), a literal broken over two lines included; then empty ``lines``."""
    if not lines:
        return
    text = _LITERAL.sub(lambda m: "\n".join(_paint(part, "1", colour)
                                            for part in m.group(1).split("\n")),
                        "\n".join(lines))
    out.extend(text.split("\n"))
    lines.clear()


def render_docs(docs: str, colour: bool = False) -> str:
    out: list[str] = []
    prose: list[str] = []       # the paragraph being read (a literal may span its lines)
    block: tuple[str, str, str] | None = None
    lines = docs.rstrip().splitlines()
    underlines: set[int] = set()
    for index, line in enumerate(lines):
        if index in underlines:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        heading = _BLOCK.match(line)
        title = _is_title(line, following)
        if block is not None and line.strip() and not line.startswith((" ", "\t")):
            block = None                            # the literal block ended
        if line.strip() and block is None and heading is None and not title:
            prose.append(line)
            continue
        _prose(prose, out, colour)
        if title:
            underlines.add(index + 1)
            block = None
            out.append(_paint(f"{line.strip()}:", "1", colour))
        elif heading:
            label = heading.group("label")
            block = _LABELS.get(label, (label, "│", "2"))
            out.append(_paint(f"{block[0]}:", "1", colour))
        elif block is not None and line.strip():
            out.append(_paint(f"  {block[1]} {line.strip()}", block[2], colour))
        else:
            out.append("")                          # a blank line
    _prose(prose, out, colour)
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
