"""The HTML report's render(): structure, escaping, filters, grouping, edge cases, and that it
passes our own audit. (tests/test_report_browser.py runs it in a real browser with axe-core.)"""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from a11y_audit.cli import example_path
from a11y_audit.engine import audit_html
from a11y_audit.finding import Finding, InputError, PageReport, Report
from a11y_audit.outcome import Impact, Outcome
from a11y_audit.registry import all_rules
from a11y_audit.runner import audit_sources
from a11y_audit.writers import grouping, html_writer
from a11y_audit.writers.report_data import report_data

NAV = "html>body>header>nav>ul>li>a"
UNITS = "//*[contains(concat(' ', @class, ' '), ' f ')]"     # filterable units (findings)

HOSTILE = """<!DOCTYPE html><html><head>
<title>{{ 7*7 }} </textarea><script>alert("title")</script> & "quotes"</title></head><body>
<a href="javascript:alert(1)"><img src="x.jpg" onerror="alert(2)"></a>
<figure><img src="a.jpg" onerror="alert(3)"><figcaption>{{ 7*7 }} </textarea>
<script>alert(4)</script></figcaption></figure>
<h1></h1>
<h4>{% raw %}{{ config }}{% endraw %} </pre></code><script>alert(5)</script> ]]> <!-- </h4>
<button onclick="alert(6)" formaction="javascript:alert(7)"></button>
<iframe src="javascript:alert(8)"></iframe>
<a href="  JaVaScRiPt:alert(9)" onmouseover="alert(10)"></a>
</body></html>"""


def parse(text: str):
    return lxml_html.document_fromstring(text)


def own_failures(text: str) -> list[tuple[str, str, str]]:
    page = audit_html(text, source="a11y-report.html")
    assert page.errors == []
    return [(f.rule, f.selector, f.message) for f in page.findings
            if f.outcome is Outcome.FAILED]


def make_finding(rule: str = "link-name", path: str = NAV, *, outcome: Outcome = Outcome.FAILED,
                 impact: Impact = Impact.SERIOUS, message: str = "Link has no name",
                 line: int | None = 12, baseline: str | None = None) -> Finding:
    return Finding(rule=rule, outcome=outcome, impact=impact, message=message,
                   selector="header > nav > ul > li:nth-of-type(2) > a",
                   xpath="/html/body/header/nav/ul/li[2]/a", line=line,
                   snippet='<a href="/world"><svg></svg></a>', wcag=("2.4.4", "4.1.2"),
                   help="Give the link text", help_url=f"https://example.org/rules/{rule}",
                   path=path, fingerprint=f"{rule}-{path}", baseline=baseline)


def make_report(*pages: PageReport, **kwargs) -> Report:
    return Report(pages=list(pages), rules=list(all_rules()), **kwargs)


@pytest.fixture(scope="module")
def example_html() -> str:
    return html_writer.render(audit_sources([str(example_path())]))


@pytest.fixture(scope="module")
def hostile():
    page = audit_html(HOSTILE, source='<img src=x onerror="alert(11)">.html')
    return page, html_writer.render(make_report(page))


# --- structure -----------------------------------------------------------------------------

def test_example_report_structure(example_html):
    doc = parse(example_html)
    assert doc.get("lang") == "en"
    assert [h.text_content() for h in doc.iter("h1")] == ["Accessibility report"]
    assert doc.find(".//title").text.startswith("Accessibility report: 9 failures on 1 page")
    for section in ("overview", "template", "article", "rules", "pages"):
        assert doc.get_element_by_id(section).tag == "h2"
        assert doc.xpath(f"//nav//a[@href='#{section}']"), f"no contents link to {section}"
    assert doc.xpath("//a[@class='skip'][@href='#content']")
    assert doc.get_element_by_id("content").tag == "main"
    # Every finding shows message, line, selector, XPath and snippet; rule help and WCAG once
    # per rule group, with the Understanding page linked.
    findings = doc.xpath(UNITS)
    # 9 failures (one the live-region-ticker on its breaking-news bar, one skip-link-present)
    # and four cantTell (p-as-heading: the kicker's class may style it as a heading; the two
    # contrast rules and link-in-text-block: the page's linked stylesheet is not in the
    # package)
    assert len(findings) == 13
    image_alt = doc.xpath("//div[@data-r='image-alt']")[0]
    text = image_alt.text_content()
    assert "has no alt attribute" in text and "Line70" in text.replace(" ", "")
    assert "figure.inline-photo > img" in text
    assert "/html/body/main/article/figure[2]/img" in text
    assert image_alt.xpath(".//pre")[0].text.startswith('<img src="/media/2024/03/IMG_4027.jpg"')
    assert image_alt.xpath(".//a[@href='https://www.w3.org/WAI/WCAG22/Understanding/"
                           "non-text-content.html']")
    assert image_alt.xpath(".//a[starts-with(@href, 'https://dequeuniversity.com/')]")
    # Overview: counts by impact and by rule; the single page is not ranked.
    overview = doc.xpath("//section[@aria-labelledby='overview']")[0].text_content()
    assert "Failures by impact" in overview and "Findings by rule" in overview
    assert "Worst pages" not in overview
    (gate,) = doc.xpath("//p[@class='gate']")
    assert " ".join(gate.text_content().split()) == (
        "0/1 page passes at any failure; exit 1: 9 failures (without --fail-on, any failure "
        "gates). Findings marked gates fail the build.")
    rule_rows = doc.xpath("//section[@aria-labelledby='overview']//tbody/tr/th/a/text()")
    assert set(rule_rows) == {"figure-image-alt", "region", "image-alt", "heading-order",
                              "skip-link", "p-as-heading", "live-region-ticker",
                              "color-contrast", "color-contrast-enhanced", "skip-link-present",
                              "link-in-text-block"}


def test_self_contained_with_a_strict_content_security_policy(example_html):
    doc = parse(example_html)
    assert not doc.xpath("//link | //img | //iframe | //object | //embed | //base")
    assert not doc.xpath("//*[@src]"), "nothing is loaded from elsewhere"
    (script,) = doc.xpath("//script")
    (style,) = doc.xpath("//style")
    assert script.get("type") == "module"
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert f"script-src 'sha256-{digest(script.text)}'" in csp
    assert f"style-src 'sha256-{digest(style.text)}'" in csp
    assert "default-src 'none'" in csp and "unsafe" not in csp
    assert not doc.xpath("//*[@style]"), "inline style attributes would be blocked by the CSP"


def test_filter_controls_are_hidden_until_the_script_shows_them(example_html):
    doc = parse(example_html)
    form = doc.get_element_by_id("filters")
    assert form.get("hidden") is not None and form.get("role") == "search"
    kinds = form.xpath(".//input[@type='checkbox'][@name='impact']/@value")
    assert kinds == ["critical", "serious", "moderate", "minor", "review"]
    assert form.xpath(".//select[@name='rule']/option/@value")[:2] == ["", "figure-image-alt"]
    for control in form.xpath(".//select | .//input[@type='search']"):
        label = form.xpath(f".//label[@for='{control.get('id')}']")
        assert label and label[0].text_content().strip(), f"unlabelled {control.get('name')}"
    assert doc.get_element_by_id("filter-status").get("role") == "status"
    # Every filterable unit carries what the script filters on.
    for unit in doc.xpath(UNITS):
        assert unit.get("data-i") in html_writer.KINDS
        assert (unit.get("data-r") or unit.xpath("ancestor::div[@data-r]"))
    assert "@media print" in doc.xpath("//style")[0].text


def test_the_example_report_passes_our_own_audit(example_html):
    assert own_failures(example_html) == []


# --- escaping ------------------------------------------------------------------------------

def test_hostile_page_content_is_quoted_never_run(hostile):
    page, text = hostile
    assert len(page.findings) >= 6
    doc = parse(text)
    (script,) = doc.xpath("//script")                    # only the report's own script
    assert "alert" not in script.text
    assert not [a for el in doc.iter() if isinstance(el.tag, str)
                for a in el.attrib if a.lower().startswith("on")]
    for href in doc.xpath("//@href"):
        assert href.startswith(("#", "https://")), href
    assert not doc.xpath("//iframe | //img | //button[@formaction] | //textarea")
    # Snippets and messages come back exactly as text: escaped once, not dropped or mangled.
    snippets = [pre.text for pre in doc.xpath("//pre")]
    assert sorted(snippets) == sorted(f.snippet for f in page.findings)
    # the message is the text after the badges (impact, gate level, baseline status)
    messages = {"".join(p.xpath("text()")).strip()
                for p in doc.xpath(f"{UNITS}//p[@class='msg']")}
    assert messages == {f.message for f in page.findings}
    assert doc.xpath("//h3")[0].text_content() == page.title
    assert "{{ 7*7 }}" in page.title and "49" not in doc.xpath("//h3")[0].text_content()
    assert '<img src=x onerror="alert(11)">.html' in doc.text_content()
    assert "javascript:alert(1)" in " ".join(snippets)   # shown as text, never as a link


def test_hostile_report_passes_our_own_audit(hostile):
    assert own_failures(hostile[1]) == []


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x",
                                 "file:///etc/passwd", "vbscript:x", "//evil.example/", "x"])
def test_only_http_urls_become_links(url):
    assert html_writer.safe_url(url) == ""
    page = PageReport(source="a.html", title="A", url=url, findings=[make_finding()])
    text = html_writer.render(make_report(page))
    assert url.strip() not in parse(text).xpath("//@href")


def test_http_urls_are_linked():
    assert html_writer.safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    page = PageReport(source="a.html", title="A", url="https://example.org/story",
                      findings=[make_finding()])
    doc = parse(html_writer.render(make_report(page)))
    assert doc.xpath("//div[@class='pg']//a[@href='https://example.org/story']")


# --- grouping ------------------------------------------------------------------------------

def test_template_problems_are_shown_once_with_their_pages():
    pages = [PageReport(source=f"/srv/site/{i}.html", title=f"Story {i}",
                        findings=[make_finding(), make_finding(message=f"m{i}")]
                        + ([make_finding("image-alt", "html>body>main>img",
                                         impact=Impact.CRITICAL, message="Photo")]
                           if i == 1 else []))
             for i in range(4)]
    doc = parse(html_writer.render(make_report(*pages)))
    (group,) = doc.xpath("//div[contains(@class,'tg')]")
    assert group.get("data-r") == "link-name" and group.get("id") == "t-1"
    assert "link-name on 4 pages" in group.xpath("h3")[0].text_content()
    assert NAV in group.text_content()
    assert group.xpath(".//summary")[0].text_content() == "8 occurrences on 4 pages"
    assert [li.text_content() for li in group.xpath(".//ul[@class='pages']/li")] == [
        f"{i}.html ×2" for i in range(4)]                # names relative to /srv/site/
    assert not group.xpath(".//p[@class='more']")       # every page listed
    # Article problems: only the photo, on page 1, which links back to its template problem.
    (block,) = doc.xpath("//div[@class='pg']")
    assert block.get("id") == "page-1"
    assert [f.text_content() for f in block.xpath(".//p[@class='msg']")] == ["critical gates Photo"]
    assert block.xpath(".//a[@href='#t-1']")[0].text_content() == "link-name #1"
    pages_table = doc.xpath("//tr[@id='pr-1']")[0]
    assert [td.text for td in pages_table.xpath("td")] == ["3", "2", "1", "0", "0"]
    assert own_failures(html_writer.render(make_report(*pages))) == []


def test_long_page_lists_show_the_first_pages_and_count_the_rest():
    listed, more = html_writer.LISTED_PAGES, 30
    pages = [PageReport(source=f"/srv/site/{i:04}.html", title=f"Story {i}",
                        findings=[make_finding()]) for i in range(listed + more)]
    doc = parse(html_writer.render(make_report(*pages)))
    names = [f"{i:04}.html" for i in range(listed)]
    note = f"and {more} more pages, counted above and listed in the JSON report."
    (group,) = doc.xpath("//div[contains(@class,'tg')]")
    assert f"link-name on {listed + more} pages" in group.xpath("h3")[0].text_content()
    assert [li.text_content() for li in group.xpath(".//ul[@class='pages']/li")] == names
    assert group.xpath(".//p[@class='more']")[0].text_content() == note
    rule = doc.xpath("//div[@id='rule-link-name']")[0]
    assert rule.xpath(".//summary")[0].text_content() == f"Pages with link-name ({listed + more})"
    assert [li.text_content() for li in rule.xpath(".//ul[@class='pages']/li")] == [
        f"{name} ×1" for name in names]
    assert rule.xpath(".//p[@class='more']")[0].text_content() == note
    # every page still has its row, with its template finding counted
    rows = doc.xpath("//table[@class='pagetable']/tbody/tr")
    assert len(rows) == listed + more
    assert {tuple(td.text for td in row.xpath("td")) for row in rows} == {("1", "1", "0", "0", "0")}


# --- edge cases ----------------------------------------------------------------------------

def test_empty_report():
    text = html_writer.render(Report(rules=list(all_rules())))
    doc = parse(text)
    assert "0 failures on 0 pages" in doc.find(".//title").text
    assert "No page was audited" in doc.text_content()
    assert not doc.xpath(UNITS)
    assert own_failures(text) == []


def test_clean_report_says_so():
    text = html_writer.render(make_report(PageReport(source="clean.html", title="Clean")))
    assert "No failures and nothing to review." in text
    assert own_failures(text) == []


def test_report_with_errors():
    crashed = PageReport(source="b.html", title="B", findings=[make_finding()],
                         errors=["rule link-name crashed: ValueError: <boom>"])
    report = make_report(crashed, errors=[InputError("missing.html", "no such file or folder"),
                                          InputError("<bad>.html", "binary file, not HTML")])
    text = html_writer.render(report)
    doc = parse(text)
    errors = doc.xpath("//section[@aria-labelledby='errors']")[0].text_content()
    assert "missing.html: no such file or folder" in errors
    assert "<bad>.html: binary file, not HTML" in errors
    assert "rule link-name crashed: ValueError: <boom>" in errors
    assert doc.xpath("//nav//a[@href='#errors']")
    assert own_failures(text) == []


def test_baseline_status_and_fixed_findings():
    page = PageReport(source="a.html", title="A", findings=[
        make_finding(baseline="new"), make_finding("image-alt", "p", baseline="known"),
        make_finding("region", "q", baseline="known")])
    report = make_report(page, baseline="baseline.json", fixed=[
        {"rule": "heading-order", "fingerprint": "abc", "source": "a.html",
         "path": "html>body>h4", "message": "Level 4 <after> level 2"}])
    text = html_writer.render(report)
    doc = parse(text)
    baseline = doc.xpath("//table[caption='Compared with the baseline']")[0]
    assert [tr.text_content() for tr in baseline.xpath("tbody/tr")] == ["new1", "known2",
                                                                        "fixed1"]
    fixed = doc.xpath("//section[@aria-labelledby='fixed']")[0].text_content()
    assert "heading-order on a.html: Level 4 <after> level 2 html>body>h4" in fixed
    assert doc.xpath("//select[@name='baseline']/option/@value") == ["", "new", "known"]
    assert sorted(doc.xpath(f"{UNITS}/@data-b")) == ["known", "known", "new"]
    assert own_failures(text) == []


def test_no_baseline_no_baseline_ui(example_html):
    assert "Compared with the baseline" not in example_html
    assert 'name="baseline"' not in example_html and 'id="fixed"' not in example_html


def test_cant_tell_findings_are_to_review():
    page = PageReport(source="a.html", findings=[
        make_finding("frame-title", "p", outcome=Outcome.CANT_TELL, message="Maybe")])
    doc = parse(html_writer.render(make_report(page)))
    (unit,) = doc.xpath(UNITS)
    assert unit.get("data-i") == "review"
    assert unit.xpath(".//span[@class='b review']")[0].text == "to review"


# --- scale ---------------------------------------------------------------------------------

def synthetic(pages: int) -> Report:
    """Per page: 2 template findings (nav) and 3 article findings of its own."""
    return make_report(*(PageReport(source=f"/srv/site/{i:05}.html", title=f"Story {i}", findings=[
        make_finding(), make_finding("region", "html>body>div", message="Outside landmarks"),
        *(make_finding("image-alt", f"html>body>main>figure{i}>img{j}", impact=Impact.CRITICAL,
                       message=f"Photo {i}.{j} has no alt") for j in range(3))])
        for i in range(pages)))


def test_size_grows_linearly():
    # (its time is the benchmark's business: scripts/bench.py --memory-only writes this report)
    sizes = {pages: len(html_writer.render(synthetic(pages))) for pages in (500, 1000)}
    assert 1.8 < sizes[1000] / sizes[500] < 2.2
    per_page = sizes[1000] / 1000
    assert per_page < 3000, f"{per_page:.0f} bytes per page of 5 findings"
    # big reports let the browser skip rendering off-screen sections; small ones do not
    assert '<body class="big">' in html_writer.render(synthetic(500))
    assert '<body class="big">' not in html_writer.render(synthetic(50))
    # the nav finding is shown once, not once per page
    assert html_writer.render(synthetic(50)).count("Link has no name") == 1


def test_help_text_is_not_repeated_per_finding():
    page = PageReport(source="a.html", findings=[make_finding(message=f"m{i}") for i in range(50)])
    text = html_writer.render(make_report(page))
    assert text.count("Give the link text") == 2       # the page's rule group, the Rules section
    assert len(re.findall(r'class="f"', text)) == 50


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(list(Impact)), max_size=3), max_size=25))
def test_worst_pages_are_the_highest_weighted_first_ties_in_report_order(impacts):
    pages = [PageReport(source=f"/srv/{i:03}.html", title="", findings=[
        make_finding("image-alt", f"html>body>img{i}x{n}", impact=impact)
        for n, impact in enumerate(found)]) for i, found in enumerate(impacts)]
    data = report_data(make_report(*pages))
    model = html_writer.view_model(data)
    try:
        assert [(view.index, score) for view, score in model["worst"]] == \
            grouping.worst_pages(data)
    finally:
        model["pages"].close()


def test_article_findings_are_written_for_the_first_max_pages_pages():
    report = synthetic(12)              # 2 template and 3 article findings a page
    text = html_writer.render(report, max_pages=5)
    doc = parse(text)
    assert doc.xpath("//div[@class='pg']/@id") == [f"page-{i}" for i in range(5)]
    note = doc.xpath("//section[@aria-labelledby='article']/p[@class='note']")[0]
    assert note.text_content().startswith(
        "7 more pages have 21 article findings not written here: this report writes the article "
        "findings of the first 5 pages that have some (--html-max-pages).")
    # every page keeps its row and its counts; only the pages with a section link to one
    rows = doc.xpath("//table[@class='pagetable']/tbody/tr")
    assert [bool(row.xpath("th/a[starts-with(@href, '#page-')]")) for row in rows] == \
        [True] * 5 + [False] * 7
    assert {tuple(td.text for td in row.xpath("td")) for row in rows} == {("5", "2", "3", "0", "0")}
    worst = doc.xpath("//table[starts-with(caption, 'Worst pages')]//a/@href")
    assert worst == [f"#page-{i}" for i in range(5)] + [f"#pr-{i}" for i in range(5, 10)]
    assert "36 article findings" in doc.xpath("//ul[@class='cards']")[0].text_content()
    assert own_failures(text) == []
    # no limit: every page's section, no note; a limit above the pages changes nothing
    whole = html_writer.render(report, max_pages=0)
    assert len(parse(whole).xpath("//div[@class='pg']")) == 12 and "more pages have" not in whole
    assert html_writer.render(report, max_pages=12) == whole
