"""The one error type for a source that cannot be audited (shared by reading and fetching)."""

from __future__ import annotations

from typing import Any

from a11y_audit.safe_text import one_line, writable


class SourceError(Exception):
    """A source that cannot be audited; ``str()`` is the one-line, terminal-safe message.

    ``source`` is kept as named (reports record it exactly, except that bytes of a file name
    that are not UTF-8 become ``\\xNN`` escapes: see :func:`~a11y_audit.safe_text.writable`);
    ``reason`` is made one line here, since it often quotes an exception or a server's words.
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source = source = writable(source)
        self.reason = one_line(reason)
        super().__init__(f"{one_line(source)}: {self.reason}")



# A source that hit a bug in a11y-audit is reported as an input error whose message starts
# with this; the run then exits 3 (Policy.exit_code), the other sources still reported.
INTERNAL = "internal error (a bug in a11y-audit)"


def is_internal(error: Any) -> bool:
    """An input error that is a bug in a11y-audit rather than a problem with the input."""
    return str(getattr(error, "message", "")).startswith(INTERNAL)
