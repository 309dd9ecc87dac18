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
class TemplateGroup:
    """One (rule, path) pair of one site found on ``min_pages`` pages or more: fix it once, in
    the template. It keeps counts and one example, never every occurrence: its size does not
    grow with the pages it is on beyond one count a page."""

    rule: str
    path: str
    site: str
    counts: dict[int, int] = field(default_factory=dict)  # page index -> occurrences, in order
    occurrences: int = 0
    failed: int = 0
    impact: str = "minor"                 # the worst impact of its occurrences
    example: Data = field(default_factory=dict)  # the first failed occurrence, else the first
    example_page: int = 0
    statuses: set[str | None] = field(default_factory=set)   # baseline statuses met
    levels: set[str | None] = field(default_factory=set)     # policy levels met

    def add(self, index: int, finding: Data) -> None:
        failed = finding["outcome"] == "failed"
        if not self.occurrences or (failed and not self.failed):
            self.example, self.example_page = finding, index
        self.counts[index] = self.counts.get(index, 0) + 1
        self.occurrences += 1
        self.failed += failed
        if IMPACT_RANK[finding["impact"]] > IMPACT_RANK[self.impact]:
            self.impact = finding["impact"]
        self.statuses.add(finding.get("baseline"))
        self.levels.add(finding.get("level"))

    @property
    def pages(self) -> tuple[int, ...]:
        """Distinct page indexes, in report order."""
        return tuple(self.counts)

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
    site's templates bound, not with the pages."""

    def __init__(self, min_pages: int = MIN_PAGES) -> None:
        if min_pages < 1:
            raise ValueError(f"min_pages must be at least 1, not {min_pages}")
        self.min_pages = min_pages
        self._keys: dict[Key, TemplateGroup] = {}
        self._pages = 0

    def add(self, index: int, page: Data) -> None:
        site = site_of(page.get("url"))
        self._pages = max(self._pages, index + 1)
        for finding in shown(page["findings"]):
            path = finding.get("path")
            if path:
                key = (site, finding["rule"], path)
                group = self._keys.get(key)
                if group is None:
                    group = self._keys[key] = TemplateGroup(finding["rule"], path, site)
                group.add(index, finding)

    def finish(self) -> Grouping:
        groups = [g for g in self._keys.values() if len(g.counts) >= self.min_pages]
        # A total order: the same rule and path on two sites tie on everything else, so the
        # pages (report indexes) decide, never the hash seed or the order groups were met.
        groups.sort(key=lambda g: (g.outcome != "failed", -IMPACT_RANK[g.impact],
                                   -len(g.counts), g.rule, g.path, g.pages))
        template = {(g.site, g.rule, g.path): index for index, g in enumerate(groups)}
        self._keys.clear()
        return Grouping(tuple(groups), template, self.min_pages)


@dataclass(frozen=True, slots=True)
class Grouping:
    template: tuple[TemplateGroup, ...]          # worst impact first, then most pages
    keys: Mapping[Key, int]         # the (site, rule, path) of each group: its index above
    min_pages: int

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
        return sum(group.counts.get(page, 0) for group in self.template)


def site_of(url: str | None) -> str:
    """The host a page belongs to ("" when its URL is unknown); "www." is ignored."""
    if not url:
        return ""
    host = urlsplit(url).hostname or ""
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
