"""The rule contract: metadata (:class:`Rule`) and what ``check(page)`` yields (:class:`Result`).

This module is the one import surface for rule authors::

    from a11y_audit.rule import Page, Result, Rule
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import repeat
from typing import NamedTuple

from a11y_audit.knowledge import wcag
from a11y_audit.outcome import Impact, Outcome
from a11y_audit.page import Element, Page

__all__ = ["Element", "Impact", "Outcome", "Page", "Result", "Results", "Rule"]

AXE_DOCS = "https://dequeuniversity.com/rules/axe/4.10/{id}"
ACT_DOCS = "https://www.w3.org/WAI/standards-guidelines/act/rules/{act}/"

# Tags a rule may declare besides the ones derived from its metadata.
KNOWN_TAGS = frozenset(("news", "best-practice", "experimental", "cat.aria", "cat.forms",
                        "cat.keyboard", "cat.language", "cat.name-role-value", "cat.parsing",
                        "cat.semantics", "cat.sensory-and-visual-cues", "cat.structure",
                        "cat.tables", "cat.text-alternatives", "cat.time-and-media"))


class Result(NamedTuple):
    """One rule's outcome on one element, as a rule yields it; the engine adds the location.

    ``text`` is the message, or a function that builds it when :attr:`message` is read: passed
    results are only reported with ``--include-passed``, so their messages need not be built.

    A named tuple, not a frozen dataclass: rules yield ~800 results a page, and a frozen
    dataclass's ``__init__`` (one ``object.__setattr__`` per field) cost five times as much
    as building the tuple. Immutable and compared by value all the same.

    A message function is called with no arguments; it is typed ``Callable[..., str]`` because
    rules bind a loop's values as defaults (``lambda el=el: ...``), which mypy cannot match to
    ``Callable[[], str]``."""

    rule: Rule
    outcome: Outcome
    element: Element
    text: str | Callable[..., str]
    related: tuple[Element, ...] = ()   # other elements involved: the offending child, the
                                        # duplicate landmark, the label pointing elsewhere

    @property
    def message(self) -> str:
        return self.text() if callable(self.text) else self.text


@dataclass(frozen=True)
class Rule:
    """A rule's metadata. ``description`` and ``docs`` come from the module docstring."""

    id: str
    impact: Impact | str
    wcag: tuple[str, ...]
    help: str
    act: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    axe: bool = True                 # axe-core has a rule with this id and the same check
    aliases: tuple[str, ...] = ()
    help_url: str = ""
    # Why the rule judges hidden content too (a page-level rule, or one that applies to hidden
    # elements on purpose), empty for the others: the engine makes a failure of the others
    # cantTell where a stylesheet rule the cascade cannot evaluate may hide the element
    # (Page.may_be_hidden); this one's failures stand.
    hidden_content: str = ""
    # The rule fails an element for its copies (a second banner, a landmark's name twice,
    # another level-one heading): where the page's stylesheets were not all read, a copy in
    # an element that frameworks hide on a desktop screen or until a script shows it (a
    # mobile menu's "hidden-lg", a modal) may not be shown, so unless two copies are shown
    # for sure the failure is cantTell (stylesheets.hidden_by_class).
    copies: bool = False
    # The rule judges only what is seen (text on screen, its contrast and size): content
    # hidden from sight is skipped, so a failure on content that a stylesheet rule the cascade
    # cannot evaluate may hide from sight (clip, off-screen...) is cantTell too.
    seen_only: bool = False
    # The rule judges the whole document (its title, its language, its main landmark, what
    # lies outside every landmark, where its links lead): not run on a partial, whose page
    # is the layout that includes it (a11y_audit.templates.is_fragment).
    document_level: bool = False
    # The verdict on an element depends on its ancestors (a list item's list, an ARIA
    # role's required parent): on a partial, an element at the top of the file is placed by
    # the layout that includes it, so a failure there is cantTell.
    needs_context: bool = False
    # The rule judges what the whole document holds (a main landmark, a level-one heading, a
    # skip link, a title): in a template, its blocks, includes and expressions may add it,
    # so a failure there is cantTell.
    whole_content: bool = False
    # Attributes whose value the rule judges, or whose value decides its verdict (an id a
    # reference points at): in a template, a failure on an element whose value of one of
    # them an expression fills in (``lang="{{ locale }}"``) is cantTell, since the data
    # decides it. ``aria-*``: every ARIA attribute; ``style``: the attribute, and the
    # template's ``<style>`` elements; ``content``: the element's content, where an include,
    # a block or a raw expression writes some of it (a link's name, a list's items);
    # ``children``: likewise, but only where it writes the element's own children (a
    # list's items; one inside an item writes that item's content);
    # ``table``: likewise, the content of the element's table (a header's data cells);
    # ``labels``: the ``<label for>`` of an element whose id the template writes twice
    # (perhaps in alternatives: the label names the first);
    # ``branches``: the failure's element and its related ones (duplicates), where a
    # conditional's else stands between them (``{% if %}<header>{% else %}<header>``).
    # ``landmarks`` (partials too, templates or not): the failure's element, or all its
    # related ones, a ``<header>``, ``<footer>`` or unnamed ``<aside>`` that no element of
    # the partial scopes: a landmark or not by where the layout includes it.
    # ``aria-labelledby`` and ``aria-describedby`` also cover what they refer to: an id a
    # partial does not hold (the layout may), and a target whose text an expression writes.
    template_values: tuple[str, ...] = ()
    description: str = field(default="", compare=False)
    docs: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "impact", Impact(self.impact))
        for criterion in self.wcag:
            if criterion not in wcag.CRITERIA:
                raise ValueError(f"{self.id}: unknown WCAG criterion {criterion!r}")
        for tag in self.tags:
            if tag not in KNOWN_TAGS:
                raise ValueError(f"{self.id}: unknown tag {tag!r}")
        if not self.help_url:
            if self.axe:
                url = AXE_DOCS.format(id=self.id)
            elif self.act:
                url = ACT_DOCS.format(act=self.act[0])
            elif self.wcag:
                url = wcag.url(self.wcag[0])
            else:
                url = ""
            object.__setattr__(self, "help_url", url)

    @property
    def all_tags(self) -> tuple[str, ...]:
        """Declared tags plus the derived ones: ``wcag2a``/``wcag2aa``, ``wcag111``, ``act``."""
        derived: list[str] = []
        for level in sorted({wcag.level(c) for c in self.wcag}, key=len):
            derived.append("wcag2" + level.lower())
        derived.extend(wcag.tag(c) for c in self.wcag)
        if self.act:
            derived.append("act")
        if not self.wcag and "best-practice" not in self.tags:
            derived.append("best-practice")
        return tuple(dict.fromkeys((*derived, *self.tags)))

    # -- what check() yields ----------------------------------------------------------------

    def ok(self, element: Element, message: str | Callable[..., str] = "") -> Result:
        # The tuple built directly (Result's generated __new__ is a Python call more): ``ok``
        # is the commonest call of every rule.
        return _new_tuple(Result, (self, _PASSED, element, message, ()))

    def passes(self, elements: Iterable[Element], message: str = "") -> Iterator[Result]:
        """``ok(element, message)`` for each element in turn, the results built in C (a map
        over a zip of repeats): a rule that passes hundreds of elements a page with one
        message (every ``<a href>``, every listed ``<li>``) yields them at half the cost of
        calling ``ok`` for each (callgrind: ~1,400 instructions a result against ~2,900)."""
        return map(_new_tuple, repeat(Result), zip(repeat(self), repeat(_PASSED), elements,
                                                   repeat(message), repeat(())))

    def fail(self, element: Element, message: str,
             related: Iterable[Element] = ()) -> Result:
        """``related``: other elements the failure involves; each is reported with its own
        location. The first one inside ``element`` is shown in the snippet."""
        return Result(self, Outcome.FAILED, element, message, tuple(related))

    def cant_tell(self, element: Element, message: str,
                  related: Iterable[Element] = ()) -> Result:
        return Result(self, Outcome.CANT_TELL, element, message, tuple(related))


Results = Iterator[Result]
_PASSED = Outcome.PASSED
_new_tuple = tuple.__new__
