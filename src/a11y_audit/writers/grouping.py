"""Template problems and article problems: who fixes a finding.

A news site renders every article through the same templates (masthead, navigation, share bar,
footer). A failure in a template repeats on every page, at the same place: the same rule at the
same *template path* (``Finding.path``: the element's ancestry without sibling indexes). Such a
finding is reported once, for engineers, with the list of pages it affects. The rest are article
problems (a photo without alt text, a skipped heading level), for editors.

The threshold: a (rule, path) pair seen on at least ``min_pages`` distinct pages of one site
(default :data:`MIN_PAGES`, 3) is a template problem. The site is the host of the page's URL
(fetched, or declared by ``<link rel="canonical">``/``og:url``; "www." ignored); pages without a
URL form one site together, so a folder of saved pages still groups. Two pages are too few to
tell a template from a coincidence; with fewer pages in the report than ``min_pages``, nothing
is a template problem. Findings without a path (no element to place them) are always article
problems.

Everything here reads the report data (the JSON report's shape) one page at a time, runs in time
linear in the number of findings, and keeps counts, not findings: a report's pages can stream
from disk through it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

MIN_PAGES = 3
SHOWN = ("failed", "cantTell")          # outcomes the report lists (passed ones are not problems)
IMPACT_RANK = {"minor": 0, "moderate": 1, "serious": 2, "critical": 3}
# Weights for ranking the worst pages: each failure counts by its impact.
WEIGHTS = {"critical": 10, "serious": 7, "moderate": 3, "minor": 1}

Data = Mapping[str, Any]


@dataclass(slots=True)
class PageCounts:
    """Occurrences a page for the first ``keep`` distinct pages met (all of them when ``keep``
    is None), and how many distinct pages there were in all: a million-page run lists a
    hundred of them and counts the rest, so its size stops growing with the run. Pages are
    added in report order, each page's occurrences together."""

    keep: int | None = None
    first: dict[int, int] = field(default_factory=dict)  # page index -> occurrences, in order
    total: int = 0                                       # distinct pages
    last: int = -1                                       # the page added last

    def add(self, index: int) -> None:
        count = self.first.get(index)
        if count is not None:
            self.first[index] = count + 1
        elif index != self.last:
            self.total += 1
            if self.keep is None or len(self.first) < self.keep:
                self.first[index] = 1
        self.last = index

    def __len__(self) -> int:
        return self.total

    def items(self) -> Iterable[tuple[int, int]]:
        """(page index, occurrences) of the pages kept, in report order."""
        return self.first.items()

    @property
    def more(self) -> int:
        """Pages counted but not kept."""
        return self.total - len(self.first)


@dataclass(slots=True)
class TemplateGroup:
    """One (rule, path) pair of one site found on ``min_pages`` pages or more: fix it once, in
    the template. It keeps counts and one example, never every occurrence, and the occurrences
    a page only for its first pages when the grouper was given ``keep``."""

    rule: str
    path: str
    site: str
    counts: PageCounts = field(default_factory=PageCounts)
    occurrences: int = 0
    failed: int = 0
    impact: str = "minor"                 # the worst impact of its occurrences
    example: Data = field(default_factory=dict)  # the first failed occurrence, else the first
    example_page: int = 0
    statuses: set[str | None] = field(default_factory=set)   # baseline statuses met
    levels: set[str | None] = field(default_factory=set)     # policy levels met
    template: bool = False                # seen on min_pages pages: a template problem

    def add(self, index: int, finding: Data) -> None:
        failed = finding["outcome"] == "failed"
        if not self.occurrences or (failed and not self.failed):
            self.example, self.example_page = finding, index
        self.counts.add(index)
        self.occurrences += 1
        self.failed += failed
        if IMPACT_RANK[finding["impact"]] > IMPACT_RANK[self.impact]:
            self.impact = finding["impact"]
        self.statuses.add(finding.get("baseline"))
        self.levels.add(finding.get("level"))

    @property
    def pages(self) -> tuple[int, ...]:
        """Distinct page indexes, in report order (the first ``keep`` of them, if limited)."""
        return tuple(self.counts.first)

    @property
    def page_count(self) -> int:
        """Distinct pages it is on, kept or not."""
        return self.counts.total

    @property
    def cant_tell(self) -> int:
        return self.occurrences - self.failed

    @property
    def outcome(self) -> str:
        return "failed" if self.failed else "cantTell"


Key = tuple[str, str, str]        # (site, rule, template path)


class Grouper:
    """Template groups counted one page at a time (:meth:`add` every page in report order,
    then :meth:`finish`); memory grows with the distinct (site, rule, path) keys, which a
    site's templates bound, and by one count a page. With ``keep``, each group keeps the
    occurrences a page of its first ``keep`` pages only (at least ``min_pages``), and counts
    the rest."""

    def __init__(self, min_pages: int = MIN_PAGES, keep: int | None = None) -> None:
        if min_pages < 1:
            raise ValueError(f"min_pages must be at least 1, not {min_pages}")
        if keep is not None and keep < 1:
            raise ValueError(f"keep must be at least 1, not {keep}")
        self.min_pages = min_pages
        self.keep = None if keep is None else max(keep, min_pages)
        self._keys: dict[Key, TemplateGroup] = {}
        # findings a page in template groups, counted as groups reach min_pages: a group's
        # earlier pages are all among its kept ones then (keep >= min_pages)
        self._on: list[int] = []

    def add(self, index: int, page: Data) -> None:
        site = site_of(page.get("url"))
        on = self._on
        if len(on) <= index:
            on.extend([0] * (index + 1 - len(on)))
        for finding in shown(page["findings"]):
            path = finding.get("path")
            if path:
                key = (site, finding["rule"], path)
                group = self._keys.get(key)
                if group is None:
                    group = self._keys[key] = TemplateGroup(
                        finding["rule"], path, site, PageCounts(self.keep))
                group.add(index, finding)
                if group.template:
                    on[index] += 1
                elif group.counts.total >= self.min_pages:
                    group.template = True
                    for earlier, count in group.counts.items():
                        on[earlier] += count

    def finish(self) -> Grouping:
        groups = [g for g in self._keys.values() if g.template]
        # A total order: the same rule and path on two sites tie on everything else, so the
        # pages (report indexes; disjoint, as a page has one site) decide, never the hash
        # seed or the order groups were met.
        groups.sort(key=lambda g: (g.outcome != "failed", -IMPACT_RANK[g.impact],
                                   -g.page_count, g.rule, g.path, g.pages))
        template = {(g.site, g.rule, g.path): index for index, g in enumerate(groups)}
        self._keys.clear()
        on, self._on = self._on, []
        return Grouping(tuple(groups), template, self.min_pages, on)


@dataclass(frozen=True, slots=True)
class Grouping:
    template: tuple[TemplateGroup, ...]          # worst impact first, then most pages
    keys: Mapping[Key, int]         # the (site, rule, path) of each group: its index above
    min_pages: int
    on: Sequence[int] = ()          # each page's findings in template groups, by page index

    def article(self, page: Data) -> list[Data]:
        """A page's article problems: its shown findings in no template group, in order."""
        return self.on_page(page)[0]

    def on_page(self, page: Data) -> tuple[list[Data], Counter[int]]:
        """A page's article problems, and how many of its findings each template group holds
        (by the group's index in :attr:`template`; the groups it is not on are absent): one
        pass over its shown findings."""
        site = site_of(page.get("url"))
        keys = self.keys
        article: list[Data] = []
        groups: Counter[int] = Counter()
        for f in shown(page["findings"]):
            path = f.get("path")
            index = keys.get((site, f["rule"], path)) if path else None
            if index is None:
                article.append(f)
            else:
                groups[index] += 1
        return article, groups

    def template_count(self, page: int | None = None) -> int:
        """Template findings in the report, or on one page."""
        if page is None:
            return sum(group.occurrences for group in self.template)
        return self.on[page] if page < len(self.on) else 0


def site_of(url: str | None) -> str:
    """The host a page belongs to ("" when its URL is unknown); "www." is ignored."""
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:      # a WARC record's target URI that is no URL ("https://[::1/x")
        return ""
    return host.removeprefix("www.")


def shown(findings: Iterable[Data]) -> list[Data]:
    return [f for f in findings if f["outcome"] in SHOWN]


def split(data: Data, min_pages: int = MIN_PAGES) -> Grouping:
    """Template groups of report data held in memory (the JSON report's shape)."""
    grouper = Grouper(min_pages)
    for index, page in enumerate(data["pages"]):
        grouper.add(index, page)
    return grouper.finish()


def weighted_failures(findings: Iterable[Data]) -> int:
    """A page's failures, each weighted by its impact (:data:`WEIGHTS`)."""
    return sum(WEIGHTS[f["impact"]] for f in findings if f["outcome"] == "failed")


def worst_pages(data: Data, count: int = 10) -> list[tuple[int, int]]:
    """(page index, weighted failures) of the ``count`` worst pages; pages without failures are
    left out; ties keep report order."""
    scores = [(index, weighted_failures(page["findings"]))
              for index, page in enumerate(data["pages"])]
    ranked = sorted((s for s in scores if s[1]), key=lambda s: -s[1])
    return ranked[:count]


def common_root(sources: Sequence[str]) -> str:
    """The folder shared by every file source (ending in "/"), or "" for URLs, a single page or
    sources without a shared folder; the report shows names relative to it."""
    if len(sources) < 2 or any("://" in s for s in sources):
        return ""
    first, last = min(sources), max(sources)
    size = 0
    for a, b in zip(first, last, strict=False):
        if a != b:
            break
        size += 1
    return first[:size].rpartition("/")[0] + "/" if "/" in first[:size] else ""
