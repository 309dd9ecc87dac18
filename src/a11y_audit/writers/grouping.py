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

Everything here is a pure function of the report data (the JSON report's shape) and runs in time
linear in the number of findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

MIN_PAGES = 3
SHOWN = ("failed", "cantTell")          # outcomes the report lists (passed ones are not problems)
IMPACT_RANK = {"minor": 0, "moderate": 1, "serious": 2, "critical": 3}
# Weights for ranking the worst pages: each failure counts by its impact.
WEIGHTS = {"critical": 10, "serious": 7, "moderate": 3, "minor": 1}

Data = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Located:
    """A finding with the index of its page in ``data["pages"]``."""

    page: int
    finding: Data


@dataclass(frozen=True, slots=True)
class TemplateGroup:
    """One (rule, path) pair found on ``min_pages`` pages or more: fix it once, in the template."""

    rule: str
    path: str
    findings: tuple[Located, ...]     # every occurrence, in report order
    pages: tuple[int, ...]            # distinct page indexes, in report order

    @property
    def example(self) -> Data:
        """The first failed occurrence (else the first one): what the group looks like."""
        return next((x.finding for x in self.findings if x.finding["outcome"] == "failed"),
                    self.findings[0].finding)

    @property
    def failed(self) -> int:
        return sum(1 for x in self.findings if x.finding["outcome"] == "failed")

    @property
    def cant_tell(self) -> int:
        return len(self.findings) - self.failed

    @property
    def outcome(self) -> str:
        return "failed" if self.failed else "cantTell"

    @property
    def impact(self) -> str:
        return max((x.finding["impact"] for x in self.findings), key=IMPACT_RANK.__getitem__)


@dataclass(frozen=True, slots=True)
class Grouping:
    template: tuple[TemplateGroup, ...]          # worst impact first, then most pages
    article: dict[int, tuple[Data, ...]]         # page index -> its article findings
    min_pages: int

    @property
    def article_count(self) -> int:
        return sum(len(found) for found in self.article.values())

    def template_count(self, page: int | None = None) -> int:
        """Template findings in the report, or on one page."""
        if page is None:
            return sum(len(group.findings) for group in self.template)
        return sum(1 for group in self.template for x in group.findings if x.page == page)


def site_of(url: str | None) -> str:
    """The host a page belongs to ("" when its URL is unknown); "www." is ignored."""
    if not url:
        return ""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def shown(findings: Iterable[Data]) -> list[Data]:
    return [f for f in findings if f["outcome"] in SHOWN]


def split(data: Data, min_pages: int = MIN_PAGES) -> Grouping:
    """Split the report's failed and cantTell findings into template and article problems."""
    if min_pages < 1:
        raise ValueError(f"min_pages must be at least 1, not {min_pages}")
    sites = [site_of(page.get("url")) for page in data["pages"]]
    pages_seen: dict[tuple[str, str, str], set[int]] = {}
    for index, page in enumerate(data["pages"]):
        for finding in shown(page["findings"]):
            if finding.get("path"):
                key = (sites[index], finding["rule"], finding["path"])
                pages_seen.setdefault(key, set()).add(index)
    templates = {key for key, pages in pages_seen.items() if len(pages) >= min_pages}

    occurrences: dict[tuple[str, str, str], list[Located]] = {key: [] for key in templates}
    article: dict[int, tuple[Data, ...]] = {}
    for index, page in enumerate(data["pages"]):
        own = []
        for finding in shown(page["findings"]):
            key = (sites[index], finding["rule"], finding.get("path") or "")
            if key in templates:
                occurrences[key].append(Located(index, finding))
            else:
                own.append(finding)
        if own:
            article[index] = tuple(own)

    groups = [
        TemplateGroup(rule, path, tuple(found), tuple(dict.fromkeys(x.page for x in found)))
        for (_site, rule, path), found in occurrences.items()
    ]
    # A total order: the same rule and path on two sites tie on everything else, so the pages
    # (report indexes) decide, never the hash seed or the order groups were met.
    groups.sort(key=lambda g: (g.outcome != "failed", -IMPACT_RANK[g.impact], -len(g.pages),
                               g.rule, g.path, g.pages))
    return Grouping(tuple(groups), article, min_pages)


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
