"""Searches of untrusted text that stay linear however it is written.

A reader of template syntax asks, at each opening it meets (``{{``, ``[caption``), where its
closing is. Asked with ``str.find`` from every opening, a file of openings never closed, or
closed once at its end, is read to its end once an opening: quadratic. :class:`NextFinder`
answers each question from the last answer while that answer is still ahead.
Knowledge floor: text only.
"""

from __future__ import annotations


class NextFinder:
    """Where each token next stands in ``text`` at or after a position, for positions
    asked in increasing order: each token's occurrences are found once in all (and a token
    that does not occur, once)."""

    __slots__ = ("_next", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._next: dict[str, int] = {}

    def find(self, token: str, start: int) -> int:
        """The first place of ``token`` at or after ``start``, or -1."""
        found = self._next.get(token)
        if found is None or 0 <= found < start:
            found = self._next[token] = self._text.find(token, start)
        return found
