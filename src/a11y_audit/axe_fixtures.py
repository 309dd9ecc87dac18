"""Score our rules against axe-core's own rule integration fixtures, element by element.

The fixtures live in ``../shared/axe-fixtures`` (see its README; MPL-2.0 test data, never copied
into this repository). Two kinds:

- ``cases/<rule>/<name>.html`` + ``.json``: an HTML fragment that axe's runner sets as the
  content of ``<div id="fixture">`` and audits with that one rule, scope = the fixture. We put
  the fragment in ``div#fixture`` inside a minimal page (``<html lang="en">``, a ``<title>``, a
  body) and keep only our results on the fixture and its descendants.
- ``cases-full/<rule>/<page>.html`` with expectations in ``full-cases.json``: whole pages for
  page-level rules; scope = the document.

The ``.json`` lists CSS selectors of the elements axe reports as ``violations``, ``passes`` and
``incomplete``; every element it does not list is inapplicable for axe. A selector with several
steps points into an iframe, whose content a static checker does not see: it is counted as
skipped. For every rule id both tools have, we count:

- **hits**: elements axe fails that we fail (recall = hits / elements axe fails);
- **misses**: elements axe fails that we pass or do not test;
- **false failures**: elements we fail that axe passes or finds inapplicable;
- **cantTell**: elements axe decides that we report as cantTell; neither a hit nor a false
  failure, listed so they stay visible;
- failures of ours on elements axe reports as incomplete are listed apart (axe cannot tell
  either).

Run it with ``python scripts/conformance.py --axe [DIR]`` in a checkout (``--axe-details``
lists every miss, false failure and cantTell).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cssselect import SelectorError
from lxml import etree

from a11y_audit.outcome import Outcome, combine
from a11y_audit.page import Element, Page
from a11y_audit.registry import LoadedRule, all_rules

PAGE_TEMPLATE = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                 '<title>axe fixture</title></head>\n<body><div id="fixture">{fragment}</div>'
                 '</body></html>\n')

AXE_KINDS = {"violations": Outcome.FAILED, "passes": Outcome.PASSED,
             "incomplete": Outcome.CANT_TELL}


@dataclass(frozen=True, slots=True)
class Fixture:
    """One fixture page and what axe reports on it: selector -> axe outcome."""

    rule: str
    file: Path
    full_page: bool
    expected: tuple[tuple[str, Outcome], ...]
    skipped: int                   # targets inside iframes (several selector steps)

    @property
    def name(self) -> str:
        return f"{self.rule}/{self.file.name}"


@dataclass(frozen=True, slots=True)
class Pair:
    """One element's pair of outcomes: axe's (inapplicable when unlisted) and ours."""

    fixture: str
    selector: str                  # axe's selector, or our XPath for elements axe does not list
    axe: Outcome
    ours: Outcome
    message: str = ""

    @property
    def key(self) -> str:
        return f"{self.fixture} {self.selector}"


@dataclass(slots=True)
class RuleScore:
    rule: str
    elements: list[Pair] = field(default_factory=list)
    skipped: int = 0
    unresolved: list[str] = field(default_factory=list)   # selectors matching nothing

    def _pick(self, axe: Iterable[Outcome], ours: Iterable[Outcome]) -> list[Pair]:
        axe, ours = set(axe), set(ours)
        return [e for e in self.elements if e.axe in axe and e.ours in ours]

    @property
    def axe_failed(self) -> list[Pair]:
        return [e for e in self.elements if e.axe is Outcome.FAILED]

    @property
    def hits(self) -> list[Pair]:
        return self._pick([Outcome.FAILED], [Outcome.FAILED])

    @property
    def misses(self) -> list[Pair]:
        return self._pick([Outcome.FAILED], [Outcome.PASSED, Outcome.INAPPLICABLE])

    @property
    def false_failures(self) -> list[Pair]:
        return self._pick([Outcome.PASSED, Outcome.INAPPLICABLE], [Outcome.FAILED])

    @property
    def cant_tell(self) -> list[Pair]:
        return self._pick([Outcome.FAILED, Outcome.PASSED], [Outcome.CANT_TELL])

    @property
    def failed_on_incomplete(self) -> list[Pair]:
        return self._pick([Outcome.CANT_TELL], [Outcome.FAILED])


@dataclass(slots=True)
class Score:
    rules: list[RuleScore]

    def total(self, what: str) -> int:
        return sum(len(getattr(r, what)) for r in self.rules)

    @property
    def recall(self) -> float:
        failed = self.total("axe_failed")
        return self.total("hits") / failed if failed else 1.0


# -- loading ----------------------------------------------------------------------------------

def _targets(entries: Iterable[Sequence[str]]) -> tuple[list[str], int]:
    single, skipped = [], 0
    for target in entries:
        if len(target) == 1 and isinstance(target[0], str):
            single.append(target[0])
        else:
            skipped += 1
    return single, skipped


def _fixture(rule: str, file: Path, spec: dict, full_page: bool) -> Fixture:
    expected: list[tuple[str, Outcome]] = []
    skipped = 0
    for kind, outcome in AXE_KINDS.items():
        selectors, n = _targets(spec.get(kind, []))
        skipped += n
        expected.extend((s, outcome) for s in selectors)
    return Fixture(rule, file, full_page, tuple(expected), skipped)


def load_fixtures(root: Path) -> list[Fixture]:
    """Every fixture under ``root`` (``cases/`` and ``cases-full/`` + ``full-cases.json``)."""
    fixtures = []
    for spec_file in sorted((root / "cases").glob("*/*.json")):
        spec = json.loads(spec_file.read_text(encoding="utf-8"))
        html_file = spec_file.with_suffix(".html")
        if html_file.is_file():
            fixtures.append(_fixture(spec.get("rule", spec_file.parent.name), html_file, spec,
                                     full_page=False))
    full = root / "full-cases.json"
    if full.is_file():
        for spec in json.loads(full.read_text(encoding="utf-8"))["cases"]:
            fixtures.append(_fixture(spec["rule"], root / "cases-full" / spec["file"], spec,
                                     full_page=True))
    return fixtures


# -- running ----------------------------------------------------------------------------------

def fixture_page(fixture: Fixture) -> tuple[Page, Element]:
    """The page to audit and the scope element (``div#fixture``, or the root element)."""
    text = fixture.file.read_text(encoding="utf-8", errors="replace")
    if fixture.full_page:
        page = Page.from_html(text, source=str(fixture.file))
        return page, page.root
    page = Page.from_html(PAGE_TEMPLATE.format(fragment=text), source=str(fixture.file))
    scope = page.ids.get("fixture")
    return page, scope if scope is not None else page.root


def _first_match(page: Page, selector: str) -> Element | None:
    try:
        found = page.root.cssselect(selector)
    except (SelectorError, etree.XPathError):
        return None
    return found[0] if found else None


def _in_scope(el: Element, scope: Element) -> bool:
    node: Element | None = el
    while node is not None:
        if node is scope:
            return True
        node = node.getparent()
    return False


def run_fixture(fixture: Fixture, loaded: LoadedRule, into: RuleScore) -> None:
    page, scope = fixture_page(fixture)
    ours: dict[Element, list[Outcome]] = defaultdict(list)
    messages: dict[Element, str] = {}
    try:
        results = list(loaded.run(page))
    except Exception as exc:  # a crash is our failure to answer, never a traceback here
        into.unresolved.append(f"{fixture.name}: rule crashed: {type(exc).__name__}: {exc}")
        results = []
    for result in results:
        if _in_scope(result.element, scope):
            ours[result.element].append(result.outcome)
            if result.outcome is not Outcome.PASSED:
                messages.setdefault(result.element, result.message)
    into.skipped += fixture.skipped
    listed: dict[Element, tuple[str, Outcome]] = {}
    for selector, axe in fixture.expected:
        el = _first_match(page, selector)
        if el is None:
            into.unresolved.append(f"{fixture.name}: {selector} matches nothing")
        else:
            listed.setdefault(el, (selector, axe))
    # A result on an element axe does not list counts for the nearest listed ancestor: axe
    # reports some rules on the container (a table, a landmark) where we name the part at fault.
    attributed: dict[Element, list[Outcome]] = defaultdict(list)
    for el, outcomes in ours.items():
        target: Element | None = el
        while target is not None and target not in listed and target is not scope:
            target = target.getparent()
        target = target if target in listed else el
        attributed[target].extend(outcomes)
        if target is not el and el in messages:
            messages.setdefault(target, messages[el])
    for el, (selector, axe) in listed.items():
        into.elements.append(Pair(fixture.name, selector, axe,
                                  combine(attributed.get(el, ())), messages.get(el, "")))
    for el, outcomes in attributed.items():
        if el not in listed:
            into.elements.append(Pair(fixture.name, page.xpath(el), Outcome.INAPPLICABLE,
                                      combine(outcomes), messages.get(el, "")))


def score(root: Path, rules: Sequence[LoadedRule] | None = None) -> Score:
    """Score every fixture whose rule id we implement."""
    by_id = {r.id: r for r in (all_rules() if rules is None else rules)}
    scores: dict[str, RuleScore] = {}
    for fixture in load_fixtures(root):
        loaded = by_id.get(fixture.rule)
        if loaded is None:
            continue
        into = scores.setdefault(fixture.rule, RuleScore(fixture.rule))
        run_fixture(fixture, loaded, into)
    return Score(sorted(scores.values(), key=lambda s: s.rule))


# -- output -----------------------------------------------------------------------------------

def format_table(result: Score) -> str:
    header = (f"{'rule':38} {'axe fails':>9} {'hits':>5} {'recall':>7} {'false':>5} "
              f"{'cT':>3} {'inc':>4} {'skip':>4}")
    lines = [header, "-" * len(header)]
    for r in result.rules:
        failed = len(r.axe_failed)
        recall = f"{100.0 * len(r.hits) / failed:6.1f}%" if failed else "     -"
        lines.append(f"{r.rule:38} {failed:9d} {len(r.hits):5d} {recall:>7} "
                     f"{len(r.false_failures):5d} {len(r.cant_tell):3d} "
                     f"{len(r.failed_on_incomplete):4d} {r.skipped:4d}")
    lines.append("-" * len(header))
    failed, hits = result.total("axe_failed"), result.total("hits")
    lines.append(f"{len(result.rules)} rules; recall {hits}/{failed} "
                 f"({100.0 * result.recall:.1f}%); false failures "
                 f"{result.total('false_failures')}; cantTell {result.total('cant_tell')}; "
                 f"failed where axe is incomplete {result.total('failed_on_incomplete')}; "
                 f"targets in iframes skipped {sum(r.skipped for r in result.rules)}")
    lines.append("columns: false = we fail, axe passes or does not apply; cT = we say cantTell "
                 "where axe decides; inc = we fail, axe says incomplete")
    return "\n".join(lines)


def format_details(result: Score) -> str:
    lines = []
    for r in result.rules:
        for title, items in (("miss", r.misses), ("false failure", r.false_failures),
                             ("cantTell", r.cant_tell),
                             ("failed, axe incomplete", r.failed_on_incomplete)):
            for e in items:
                note = f": {e.message}" if e.message else ""
                lines.append(f"  {title:22} {e.key} (axe {e.axe}, ours {e.ours}){note}")
        lines.extend(f"  {'unresolved':22} {u}" for u in r.unresolved)
    return "\n".join(lines)


def main(root: Path, details: bool = False) -> int:
    result = score(root)
    print(format_table(result))
    if details:
        print(format_details(result))
    return 0
