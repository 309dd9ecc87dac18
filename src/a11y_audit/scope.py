"""Which part of a page a run audits: CSS selectors to include and exclude, as axe-core's context.

``--include article --exclude ".ad-slot"`` keeps the results of every rule on elements inside an
``<article>`` and drops those inside an ad slot (pa11y calls these ``rootElement`` and
``hideElements``). Rules still read the whole page (a duplicate id elsewhere is still a
duplicate; a label outside the scope still names its field); only the results are scoped, as
axe-core selects the nodes a rule checks from its context and evaluates them in the whole
document.

As axe-core decides (``isNodeInContext``): an element is in scope when it is inside an included
element (with no include, the whole document is) and not inside an excluded element, unless an
included element nearer to it sits inside that excluded one. Matching the same element, include
wins. Page-level results sit on ``<html>`` or ``<body>``: they are kept without ``--include``
(the context is then the page, and axe runs its page-level rules) and dropped with it, unless an
include selector matches that element (axe runs page-level rules only when the context is the
page).
An include that matches nothing on a page is an error for that page, as in axe-core ("No
elements found for include"): nothing there was audited, and saying "pass" would hide it.
Results dropped this way are out of scope, not suppressed: they are not counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cssselect import HTMLTranslator, SelectorError

from a11y_audit.dom import unknown_chain


class ScopeError(ValueError):
    """An include or exclude value that is not a CSS selector we can match; ``key`` says
    which list ("include" or "exclude") it came from."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def _compile(selector: str, key: str) -> str:
    if not isinstance(selector, str) or not selector.strip():
        raise ScopeError(key, f"expected a CSS selector, got {selector!r}")
    try:
        return HTMLTranslator().css_to_xpath(selector)
    except SelectorError as exc:
        raise ScopeError(key, f"invalid CSS selector {selector!r}: {exc}") from None


@dataclass(frozen=True)
class Scope:
    """Include/exclude selectors; picklable (workers get it in their job)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    _include_xpaths: tuple[str, ...] = field(default=(), init=False, repr=False, compare=False)
    _exclude_xpaths: tuple[str, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "include", tuple(self.include))
        object.__setattr__(self, "exclude", tuple(self.exclude))
        object.__setattr__(self, "_include_xpaths",
                           tuple(_compile(s, "include") for s in self.include))
        object.__setattr__(self, "_exclude_xpaths",
                           tuple(_compile(s, "exclude") for s in self.exclude))

    @classmethod
    def of(cls, include: Iterable[str] = (), exclude: Iterable[str] = ()) -> Scope | None:
        """A scope, or None when neither list has a selector (the whole page)."""
        scope = cls(tuple(include), tuple(exclude))
        return scope if scope else None

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude)

    def on(self, page: Any) -> Membership:
        """Where this scope falls on ``page``: call the answer with an element."""
        marks: dict[Any, bool] = {}
        for xpath in self._exclude_xpaths:
            for el in page.root.xpath(xpath):
                marks[el] = False
        matched = False
        for xpath in self._include_xpaths:
            for el in page.root.xpath(xpath):
                marks[el] = True          # include wins over an exclude of the same element
                matched = True
        return Membership(marks, default=not self.include,
                          unmatched=bool(self.include) and not matched)

    def describe(self, *, include_only: bool = False) -> str:
        """The selectors as they would be given on the command line."""
        parts = [*(f"--include {s!r}" for s in self.include),
                 *(() if include_only else (f"--exclude {s!r}" for s in self.exclude))]
        return " ".join(parts)


class Membership:
    """Whether an element of one page is in scope; memoised along each ancestor chain."""

    __slots__ = ("_default", "_memo", "unmatched")

    def __init__(self, marks: dict[Any, bool], *, default: bool, unmatched: bool) -> None:
        self._memo = dict(marks)
        self._default = default
        self.unmatched = unmatched     # an include was given and matched no element

    def __call__(self, element: Any) -> bool:
        chain, answer = unknown_chain(self._memo, element, self._default)
        for item in chain:
            self._memo[item] = answer
        return answer
