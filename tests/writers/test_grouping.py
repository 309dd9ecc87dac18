"""Template problems vs article problems, worst pages and the common root: pure functions over
report data (the JSON report's shape)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from a11y_audit.writers import grouping

NAV = "html>body>header>nav>ul>li>a"
PHOTO = "html>body>main>article>figure>img"


def finding(rule: str, path: str, outcome: str = "failed", impact: str = "serious",
            message: str = "", baseline: str | None = None) -> dict:
    return {"rule": rule, "path": path, "outcome": outcome, "impact": impact,
            "message": message or f"{rule} at {path}", "baseline": baseline}


def data(*pages: list[dict]) -> dict:
    return {"pages": [{"source": f"site/{i}.html", "findings": list(found)}
                      for i, found in enumerate(pages)]}


def article(report: dict, split: grouping.Grouping) -> dict[int, tuple]:
    """Page index -> its article findings, for the pages that have some."""
    found = {i: tuple(split.article(page)) for i, page in enumerate(report["pages"])}
    return {i: own for i, own in found.items() if own}


def article_count(report: dict, split: grouping.Grouping) -> int:
    return sum(len(own) for own in article(report, split).values())


def test_same_rule_and_path_on_min_pages_is_one_template_group():
    nav = finding("link-name", NAV)
    report = data([nav, finding("image-alt", PHOTO)], [nav], [nav], [])
    split = grouping.split(report)
    assert [(g.rule, g.path, g.pages) for g in split.template] == [("link-name", NAV, (0, 1, 2))]
    assert article(report, split) == {0: (report["pages"][0]["findings"][1],)}
    assert split.template_count() == 3 and article_count(report, split) == 1


def test_below_the_threshold_everything_is_an_article_problem():
    nav = finding("link-name", NAV)
    report = data([nav] * 20, [nav] * 20)          # 40 occurrences, but on 2 pages only
    split = grouping.split(report)
    assert split.template == ()
    assert {i: len(found) for i, found in article(report, split).items()} == {0: 20, 1: 20}


def test_min_pages_is_a_parameter():
    nav = finding("link-name", NAV)
    report = data([nav], [nav])
    assert len(grouping.split(report, min_pages=2).template) == 1
    assert grouping.split(report, min_pages=3).template == ()
    assert grouping.MIN_PAGES == 3
    with pytest.raises(ValueError):
        grouping.split(report, min_pages=0)


def test_key_is_rule_and_path_together():
    pages = [[finding("link-name", NAV), finding("region", NAV if i == 0 else PHOTO)]
             for i in range(3)]
    report = data(*pages)
    split = grouping.split(report)
    assert [(g.rule, g.path) for g in split.template] == [("link-name", NAV)]
    # region: same rule on 3 pages but at two different places: article problems
    assert [f["rule"] for found in article(report, split).values() for f in found] == [
        "region"] * 3


def test_findings_without_a_path_are_never_template_problems():
    report = data(*([finding("document-title", "")] for _ in range(4)))
    split = grouping.split(report)
    assert split.template == () and article_count(report, split) == 4


def test_passed_findings_are_neither():
    report = data(*([finding("link-name", NAV, outcome="passed")] for _ in range(3)))
    split = grouping.split(report)
    assert split.template == () and article(report, split) == {}


def test_group_counts_every_occurrence_and_summarises_them():
    pages = [
        [finding("link-name", NAV, outcome="cantTell", impact="minor", message="first")],
        [finding("link-name", NAV, impact="critical", message="worst"),
         finding("link-name", NAV, impact="serious", message="again")],
        [finding("link-name", NAV, outcome="cantTell", message="third", baseline="new")],
    ]
    (group,) = grouping.split(data(*pages)).template
    assert group.pages == (0, 1, 2)
    assert dict(group.counts.items()) == {0: 1, 1: 2, 2: 1} and group.occurrences == 4
    assert group.example["message"] == "worst"        # the first failed one, not the first
    assert group.example_page == 1 and group.statuses == {None, "new"}
    assert (group.failed, group.cant_tell, group.outcome, group.impact) == (
        2, 2, "failed", "critical")
    assert grouping.split(data(*pages)).template_count(page=1) == 2


def test_a_group_with_only_cant_tell_is_to_review():
    report = data(*([finding("frame-title", NAV, outcome="cantTell")] for _ in range(3)))
    (group,) = grouping.split(report).template
    assert group.outcome == "cantTell" and group.example["outcome"] == "cantTell"


def test_groups_order_failed_then_worst_impact_then_most_pages():
    def on(n: int, rule: str, impact: str, outcome: str = "failed") -> list[list[dict]]:
        return [[finding(rule, f"html>body>{rule}", outcome, impact)] for _ in range(n)]

    pages = [a + b + c + d for a, b, c, d in zip(
        on(5, "review-me", "critical", "cantTell"), on(5, "minor-wide", "minor"),
        [*on(5, "critical-few", "critical")[:3], [], []], on(5, "critical-many", "critical"),
        strict=True)]
    order = [g.rule for g in grouping.split(data(*pages)).template]
    assert order == ["critical-many", "critical-few", "minor-wide", "review-me"]


def test_article_findings_keep_page_and_report_order():
    a, b = finding("image-alt", PHOTO, message="a"), finding("heading-order", "h", message="b")
    report = data([], [a, b], [])
    found = article(report, grouping.split(report))
    assert list(found) == [1]
    assert [f["message"] for f in found[1]] == ["a", "b"]


def test_worst_pages_weigh_failures_by_impact():
    report = data(
        [finding("x", "p", impact="minor")] * 9,                  # 9
        [finding("x", "p", impact="critical")],                   # 10
        [finding("x", "p", impact="serious"), finding("x", "p", impact="moderate")],  # 10
        [finding("x", "p", outcome="cantTell", impact="critical")],  # review only: 0
        [],
    )
    assert grouping.weighted_failures(report["pages"][2]["findings"]) == 10
    assert grouping.worst_pages(report) == [(1, 10), (2, 10), (0, 9)]   # ties: report order
    assert grouping.worst_pages(report, count=1) == [(1, 10)]


@pytest.mark.parametrize(("sources", "root"), [
    (["/srv/site/a.html", "/srv/site/world/b.html"], "/srv/site/"),
    (["/srv/site/ab.html", "/srv/site/ac.html"], "/srv/site/"),        # not "/srv/site/a"
    (["/srv/site/a.html"], ""),                                         # one page: full name
    (["a.html", "b.html"], ""),
    (["https://example.org/a", "https://example.org/b"], ""),
    ([], ""),
])
def test_common_root(sources, root):
    assert grouping.common_root(sources) == root


def test_template_problems_are_per_site():
    def page(url, path="html>body>header>nav>a"):
        return {"source": url or "x.html", "url": url, "findings": [
            {"rule": "link-name", "path": path, "outcome": "failed", "impact": "serious"}]}

    data = {"pages": [page("https://www.a.example/1"), page("https://a.example/2"),
                      page("https://b.example/1"), page("https://b.example/2"),
                      page("https://a.example/3")]}
    result = grouping.split(data, min_pages=3)
    assert [(g.rule, g.pages) for g in result.template] == [("link-name", (0, 1, 4))]
    assert sorted(article(data, result)) == [2, 3]
    # Pages without a URL are one site together (a folder of saved pages).
    local = {"pages": [page(None), page(None), page(None)]}
    assert len(grouping.split(local, min_pages=3).template) == 1
    assert grouping.site_of("https://www.News.example:8080/a") == "news.example"
    assert grouping.site_of(None) == ""


# --- long runs: groups keep their first pages and count the rest -------------------------

def test_page_counts_keep_the_first_pages_and_count_every_page():
    counts = grouping.PageCounts(keep=2)
    for index in (0, 0, 3, 5, 5, 5, 9):
        counts.add(index)
    assert dict(counts.items()) == {0: 2, 3: 1}
    assert (len(counts), counts.more) == (4, 2)       # pages 5 and 9 counted, not kept
    whole = grouping.PageCounts()
    for index in (0, 0, 3, 5, 5, 5, 9):
        whole.add(index)
    assert dict(whole.items()) == {0: 2, 3: 1, 5: 3, 9: 1} and whole.more == 0


_paths = st.sampled_from([NAV, PHOTO, "html>body>footer>a", None])
_findings = st.lists(st.tuples(st.sampled_from(["link-name", "image-alt"]), _paths,
                               st.sampled_from(["failed", "cantTell"])), max_size=4)
_pages = st.lists(st.tuples(st.sampled_from([None, "https://a.example/x", "https://b.example/y"]),
                            _findings), max_size=14)


@settings(max_examples=150, deadline=None)
@given(_pages, st.integers(1, 4), st.integers(1, 5))
def test_keeping_few_pages_changes_no_group_and_no_page_count(pages, min_pages, keep):
    report = {"pages": [{"source": f"{i}.html", "url": url,
                         "findings": [finding(rule, path, outcome) for rule, path, outcome
                                      in found]}
                        for i, (url, found) in enumerate(pages)]}

    def run(keep: int | None) -> grouping.Grouping:
        grouper = grouping.Grouper(min_pages, keep=keep)
        for index, page in enumerate(report["pages"]):
            grouper.add(index, page)
        return grouper.finish()

    whole, kept = run(None), run(keep)

    def summary(g: grouping.TemplateGroup) -> tuple:
        return (g.site, g.rule, g.path, g.page_count, g.occurrences, g.failed, g.example_page)

    assert [summary(g) for g in kept.template] == [summary(g) for g in whole.template]
    limit = max(keep, min_pages)
    for small, full in zip(kept.template, whole.template, strict=True):
        assert list(small.counts.items()) == list(full.counts.items())[:limit]
        assert small.counts.more == max(0, full.page_count - limit)
    # each page's template findings, counted as groups were found, match the full counts
    for index, page in enumerate(report["pages"]):
        expected = sum(dict(g.counts.items()).get(index, 0) for g in whole.template)
        assert kept.template_count(index) == whole.template_count(index) == expected
        assert len(kept.article(page)) == len(grouping.shown(page["findings"])) - expected
    assert kept.template_count() == whole.template_count()
