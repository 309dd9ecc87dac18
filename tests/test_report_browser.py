"""The HTML report in a real browser: axe-core finds nothing, the filters work, and the report
reads fine with JavaScript off.

Needs Debian's chromium (/usr/bin/chromium), Python playwright and node_modules/axe-core
(``bash scripts/install-browser-deps.sh`` installs all three). Without them the tests skip
locally and fail under CI=true, like the shared data sets (see conftest.require_data).
The browser gets no network: the report loads from file:// and every other request is
aborted and fails the test.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from a11y_audit.cli import example_path
from a11y_audit.engine import audit_html
from a11y_audit.finding import Report
from a11y_audit.registry import all_rules
from a11y_audit.runner import audit_sources
from a11y_audit.writers import html_writer
from tests.conftest import REPO
from tests.writers.test_html_writer import HOSTILE

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CORPUS_PAGES = 50
# The top of each report (what a reader sees first) is also saved here to look at.
SCREENSHOTS = Path(os.environ.get("A11Y_AUDIT_SCREENSHOTS", "/tmp"))
SHOWN = "document.querySelectorAll('.f:not([hidden])')"   # for wait_for_function
INSTALL = "run 'bash scripts/install-browser-deps.sh'"


def skip_or_fail(message: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def launched_chromium(*needs: Path) -> Iterator[Any]:
    """Debian's chromium launched through playwright, closed after; skipped (failed under CI)
    when it, playwright or one of ``needs`` (npm files) is missing."""
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} not found; {INSTALL} (apt-get install chromium)")
    for need in needs:
        if not need.exists():
            skip_or_fail(f"{need} not found; {INSTALL} (npm ci)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail(f"Python playwright is not installed; {INSTALL}")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium(AXE)


@pytest.fixture(scope="module")
def example_report(tmp_path_factory) -> Path:
    report = audit_sources([str(example_path())])
    path = tmp_path_factory.mktemp("example") / "a11y-report.html"
    path.write_text(html_writer.render(report), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory, corpus_root) -> Path:
    index = json.loads((corpus_root / "index.json").read_text())
    names = sorted(str(corpus_root / entry["file"]) for entry in index)[:CORPUS_PAGES]
    report = audit_sources(names)
    assert len(report.pages) == CORPUS_PAGES
    path = tmp_path_factory.mktemp("corpus") / "a11y-report.html"
    path.write_text(html_writer.render(report), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site_report(tmp_path_factory) -> Path:
    """One site's articles sharing a template: the example under five names, so the report has
    template problems (the corpus holds at most three pages of any one site)."""
    folder = tmp_path_factory.mktemp("site")
    markup = example_path().read_text(encoding="utf-8")
    for n in range(5):
        story = markup.replace("Mali", f"Mali ({n})")
        if n == 0:  # and one article problem of its own
            story = story.replace("<h2>A decade", '<p><img src="chart-0.png"></p><h2>A decade')
        (folder / f"story-{n}.html").write_text(story, encoding="utf-8")
    report = audit_sources([str(folder)])
    path = folder / "a11y-report.html"
    path.write_text(html_writer.render(report), encoding="utf-8")
    return path


class Opened:
    """A report open in a fresh, offline browser context; records console errors and any
    request that is not for a file:// URL."""

    def __init__(self, browser: Any, path: Path, javascript: bool = True) -> None:
        self.context = browser.new_context(java_script_enabled=javascript,
                                           viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.context.route("**/*", self._route)
        if javascript:
            # An init script runs through the DevTools protocol, outside the report's CSP.
            self.context.add_init_script(path=str(AXE))
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())

    def _route(self, route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def axe(self) -> list[dict]:
        # Big reports let the browser skip off-screen sections (content-visibility), which
        # axe would report as incomplete rather than check: render everything first.
        return self.page.evaluate("""async () => {
            document.body.classList.remove("big");
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 5).map((n) => [n.target.join(" "), n.failureSummary])}));
        }""")

    def visible(self, selector: str) -> int:
        return self.page.locator(f"{selector}:visible").count()

    def close(self) -> None:
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.blocked == [], f"the report made requests: {self.blocked}"
        self.context.close()


def assert_no_violations(opened: Opened, state: str) -> None:
    violations = opened.axe()
    for v in violations:
        print(f"axe [{state}] {v['id']} ({v['impact']}): {v['help']}")
        for target, summary in v["nodes"]:
            print(f"    {target}\n      {summary}")
    assert violations == [], f"axe-core violations ({state}): {[v['id'] for v in violations]}"


def screenshot(opened: Opened, name: str, tmp_path: Path) -> None:
    """The whole page in tmp_path; its top in SCREENSHOTS (A11Y_AUDIT_SCREENSHOTS, /tmp)."""
    shot = tmp_path / f"report-{name}.png"
    opened.page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    height = opened.page.evaluate("() => document.documentElement.scrollHeight")
    opened.page.screenshot(path=str(SCREENSHOTS / f"report-{name}.png"), full_page=True,
                           clip={"x": 0, "y": 0, "width": 1280, "height": min(height, 2400)})


@pytest.mark.parametrize("which", ["example", "corpus", "site"])
def test_axe_finds_no_violations(browser, request, tmp_path, which):
    report = request.getfixturevalue(f"{which}_report")
    opened = Opened(browser, report)
    assert opened.page.evaluate("typeof axe") == "object", "axe-core was not injected"
    assert opened.visible("#filters") == 1, "the filter script did not run (CSP hash?)"
    assert_no_violations(opened, "as loaded")
    screenshot(opened, which, tmp_path)
    opened.page.get_by_role("button", name="Expand all").click()
    assert opened.page.locator("details:not([open])").count() == 0
    assert_no_violations(opened, "all sections expanded")
    # Control: axe is live and sees the report (a planted button without a name is caught).
    opened.page.evaluate("""() => document.querySelector("main").append(
        document.createElement("button"))""")
    assert [v["id"] for v in opened.axe()] == ["button-name"]
    opened.close()


def test_filters_hide_and_show_findings(browser, corpus_report):
    opened = Opened(browser, corpus_report)
    page = opened.page
    page.get_by_role("button", name="Expand all").click()
    units = page.locator(".f")
    total = units.count()
    assert total > 100 and opened.visible(".f") == total

    # Text search: only units containing the text stay; the status says how many.
    needle = page.locator(".pg .f dd.c").first.inner_text()[:12].lower()
    page.get_by_label("Text in message, selector or snippet").fill(needle)
    page.wait_for_function(f"() => {SHOWN}.length < {total}")
    shown = page.locator(".f:not([hidden])")
    assert 0 < shown.count() < total
    assert all(needle in text.lower() for text in shown.all_text_contents())
    assert "Showing" in page.locator("#filter-status").inner_text()
    page.get_by_label("Text in message, selector or snippet").fill("no such text anywhere 9f8e7d")
    page.wait_for_function(f"() => {SHOWN}.length === 0")
    assert page.locator("section[aria-labelledby=article] .none").is_visible()
    assert opened.visible(".pg") == 0

    # Reset, then impact: unchecking "critical" hides every critical unit and nothing else.
    page.get_by_role("button", name="Show all").click()
    page.wait_for_function(f"() => {SHOWN}.length === {total}")
    critical = page.locator(".f[data-i=critical]").count()
    assert critical
    page.locator("input[name=impact][value=critical]").uncheck()
    assert page.locator(".f[data-i=critical]:not([hidden])").count() == 0
    assert page.locator(".f:not([hidden])").count() == total - critical

    # Rule: only that rule's units.
    page.get_by_role("button", name="Show all").click()
    rule = page.locator(".pg .rg").first.get_attribute("data-r")
    page.get_by_label("Rule", exact=True).select_option(rule)
    rules = page.evaluate(f"""() => Array.from({SHOWN},
        (unit) => (unit.closest(".rg") || unit).dataset.r)""")
    assert rules and set(rules) == {rule}

    # Page: only that page's article findings, plus template problems that list it.
    page.get_by_role("button", name="Show all").click()
    # text_content, not inner_text: a big report renders off-screen pages lazily
    # (content-visibility: auto), and inner_text of a skipped subtree is empty.
    name = page.locator(".pg .src").last.text_content()
    page.get_by_label("Page name or title").fill(name)
    page.wait_for_function("() => document.querySelectorAll('.pg:not([hidden])').length === 1")
    assert page.locator(".pg:not([hidden]) .src").text_content() == name
    for unit in page.locator(".tg:not([hidden])").all():
        assert name in unit.locator("ul.pages").text_content()
    opened.close()


@pytest.mark.parametrize("which", ["example", "corpus", "site"])
def test_readable_without_javascript(browser, request, which):
    report = request.getfixturevalue(f"{which}_report")
    opened = Opened(browser, report, javascript=False)
    page = opened.page
    assert not page.locator("#filters").is_visible(), "no dead controls without JavaScript"
    assert page.locator(".f[hidden]").count() == 0
    assert page.get_by_role("heading", name="Article problems").is_visible()
    if which == "example":
        assert opened.visible(".f") == page.locator(".f").count() > 0
        assert page.get_by_text("has no alt attribute").first.is_visible()
    else:
        templates = page.locator(".tg").count()
        assert opened.visible(".tg") == templates
        assert templates > 0 if which == "site" else True
        details = page.locator(".pg details").first
        if details.get_attribute("open") is None:
            details.locator("summary").first.click()   # <details> opens without JavaScript
        assert page.locator(".pg").first.locator(".f").first.is_visible()
    opened.close()


def test_hostile_page_content_never_runs(browser, tmp_path):
    page = audit_html(HOSTILE, source='<img src=x onerror="alert(11)">.html')
    path = tmp_path / "a11y-report.html"
    path.write_text(html_writer.render(Report(pages=[page], rules=list(all_rules()))),
                    encoding="utf-8")
    opened = Opened(browser, path)
    dialogs: list[str] = []
    opened.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    opened.page.get_by_role("button", name="Expand all").click()
    opened.page.get_by_label("Text in message, selector or snippet").fill("alert")
    opened.page.wait_for_timeout(300)
    for link in opened.page.locator("a[href]").all():
        assert link.get_attribute("href").startswith(("#", "https://"))
    assert opened.page.locator("pre", has_text="javascript:alert(1)").count() >= 1
    assert_no_violations(opened, "hostile page")
    assert dialogs == []
    opened.close()        # no console errors: nothing was even blocked by the CSP
