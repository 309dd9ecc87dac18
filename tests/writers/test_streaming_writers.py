"""Reports written as they are rendered, from the page spool (issue 11). The HTML report holds
only counts, template groups and one page's article findings at a time; JSON, SARIF, axe and
EARL write their long list item by item, the terminal a page at a time, and GitHub's
annotations wait on disk. The text is the same as rendering the report whole."""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
import tracemalloc
from dataclasses import replace

import pytest

from a11y_audit import batch, earl
from a11y_audit.cli import example_path
from a11y_audit.config import Config
from a11y_audit.finding import Report
from a11y_audit.spool import PageSpool
from a11y_audit.tally import Tally
from a11y_audit.writers import (
    BUILTIN,
    axe_writer,
    earl_writer,
    github_writer,
    html_writer,
    json_writer,
    sarif_writer,
    terminal_writer,
    writers,
)
from a11y_audit.writers.report_data import report_data


@pytest.fixture
def spooled_run(tmp_path, request):
    """A batch run over ``copies`` pages of the example article, its pages spooled to disk
    (temporary files until ``pages.close()``, as the CLI closes them once its reports are
    written: closed after the test)."""
    def run(copies: int = 4) -> Report:
        site = tmp_path / "site"
        site.mkdir()
        page = example_path().read_text(encoding="utf-8")
        for i in range(copies):       # the same template on every page: template groups
            own = "".join(f'<aside><img src="{i}-{n}.jpg"></aside>' for n in range(i % 3))
            (site / f"p{i}.html").write_text(page.replace("</body>", own + "</body>"),
                                             encoding="utf-8")
        report = batch.run([str(site)], Config(), quiet=True)
        request.addfinalizer(report.pages.close)
        return report
    return run


def test_streamed_html_is_the_html_of_the_report_in_memory(spooled_run):
    report = spooled_run()
    assert isinstance(report.pages, PageSpool)
    out = io.StringIO()
    html_writer.write(report, out)
    in_memory = Report(pages=list(report.pages), errors=report.errors, rules=report.rules)
    assert out.getvalue() == html_writer.render_data(report_data(in_memory))
    assert out.getvalue() == html_writer.render(report)
    assert 'class="f tg"' in out.getvalue() and 'id="page-1"' in out.getvalue()


def test_the_spool_is_read_twice_and_one_page_of_findings_is_held(spooled_run, monkeypatch):
    report = spooled_run()
    reads = []
    original = PageSpool.__iter__
    monkeypatch.setattr(PageSpool, "__iter__", lambda self: reads.append(1) or original(self))
    held, listed = [], []
    articles = html_writer.ArticlePages.__iter__

    def watch(self):
        groups = list(enumerate(self._split.template, start=1))
        for view in articles(self):
            # the page being written holds its findings; the rows of the others, read back
            # from disk, hold none
            assert view.article
            held.append(sum(1 for v in self._views if v.article or v.templates))
            # the groups the page is on, as each group counted it for the page (a few pages:
            # each group keeps them all)
            assert view.templates == [(number, group.rule, group.counts.first[view.index])
                                      for number, group in groups
                                      if view.index in group.counts.first]
            listed.append(len(view.templates))
            yield view

    monkeypatch.setattr(html_writer.ArticlePages, "__iter__", watch)
    html_writer.write(report, io.StringIO())
    assert len(reads) == 2              # counts and groups, then the article sections
    assert held and set(held) == {0}
    assert min(listed) > 0


def test_the_page_rows_are_on_disk_and_read_back_whole(spooled_run):
    report = spooled_run(copies=7)
    data = report_data(Report(pages=list(report.pages), rules=report.rules))
    model = html_writer.view_model(data)
    table = model["pages"]
    try:
        assert isinstance(table, html_writer.PageTable) and len(table) == 7
        assert table.root and all(not v.name.startswith(table.root) for v in table)
        # each row as read by index is the row met in order, and template and article
        # counts add up to what the page shows
        for index, view in enumerate(table):
            assert view.index == index and table[index] == view
            assert view.template + view.article_count == view.shown
        assert sum(v.article_count for v in table) == model["article_findings"]
        assert sum(v.template for v in table) == model["template_findings"]
    finally:
        table.close()


@pytest.mark.parametrize("writer", [json_writer, sarif_writer, axe_writer, html_writer],
                         ids=lambda w: w.NAME)
@pytest.mark.parametrize("copies", [0, 1, 4])
def test_streaming_writers_write_what_they_render(spooled_run, writer, copies):
    report = spooled_run(copies) if copies else Report()
    out = io.StringIO()
    writer.write(report, out)
    assert out.getvalue() == writer.render(report)
    if writer is not html_writer:
        json.loads(out.getvalue())


class _Watched(list):
    """A run's pages that check, as each next page is read, that the writer has already put
    the previous page's text into ``out``: the writer streams, it does not gather."""

    def __init__(self, pages, out):
        super().__init__(pages)
        self.out = out
        self.sizes: list[int] = []

    def __iter__(self):
        for page in super().__iter__():
            size = len(self.out.getvalue())
            if self.sizes:
                assert size > self.sizes[-1], "the previous page's text was not written yet"
            self.sizes.append(size)
            yield page


@pytest.mark.parametrize("write", [
    lambda report, out: terminal_writer.write(report, out, verbose=True, summary=False),
    earl_writer.write,
], ids=["terminal", "earl"])
def test_stdout_and_earl_writers_write_each_page_before_reading_the_next(spooled_run, write):
    report = spooled_run(3)
    whole = io.StringIO()
    write(report, whole)
    out = io.StringIO()
    watched = Report(pages=_Watched(list(report.pages), out), rules=report.rules,
                     fail_on=report.fail_on)
    write(watched, out)
    assert len(watched.pages.sizes) == 3
    assert out.getvalue() == whole.getvalue()


def test_earl_written_a_page_at_a_time_is_one_document(spooled_run):
    report = spooled_run(3)
    out = io.StringIO()
    earl_writer.write(report, out)
    graph = json.loads(out.getvalue())["@graph"]
    assert graph[0]["@id"] == earl.TOOL_URI
    assert [node["source"].rsplit("/", 1)[1] for node in graph[1:]] == \
        ["p0.html", "p1.html", "p2.html"]
    assert all(node["assertions"] for node in graph[1:])


def test_github_annotations_wait_on_disk_and_come_out_whole(spooled_run, monkeypatch):
    """The annotations wait in a temporary file until the notice on GitHub's limit can be
    written first; past the in-memory size they go to disk and read back the same."""
    report = spooled_run(3)
    in_memory = github_writer.render(report)
    lines = in_memory.splitlines()
    assert lines[0].startswith("::notice title=a11y-audit::GitHub shows the first")
    assert len(lines) > github_writer.SHOWN + 1
    rolled = []
    real = tempfile.SpooledTemporaryFile

    class Watched(real):
        def rollover(self):
            rolled.append(True)
            super().rollover()

    monkeypatch.setattr(github_writer, "_IN_MEMORY", 100)
    monkeypatch.setattr(github_writer.tempfile, "SpooledTemporaryFile", Watched)
    assert github_writer.render(report) == in_memory
    assert rolled


def _spool_of(template: Report, count: int) -> Report:
    """A report of ``count`` spooled pages, copies of ``template``'s under their own names."""
    pages = PageSpool(tally=Tally(template.policy))
    models = list(template.pages)
    for i in range(count):
        pages.append(replace(models[i % len(models)], source=f"site/p{i:04d}.html"))
    return Report(pages=pages, rules=template.rules, fail_on=template.fail_on)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", [name for name, writer in writers().items()
                                  if hasattr(writer, "write") and name in BUILTIN])
def test_every_writer_s_memory_stays_flat_in_run_length(spooled_run, monkeypatch, name):
    """Each writer's peak memory (tracemalloc) over 160 spooled pages is close to its peak
    over 40: none gathers a run's output (EARL, the terminal and GitHub once did; 4x the
    pages gave 4x the memory). GitHub's annotations wait in memory up to a bound, and are
    copied out in chunks of a constant size: both are lowered here, so that both runs reach
    them."""
    writer = writers()[name]
    monkeypatch.setattr(github_writer, "_IN_MEMORY", 16 * 1024)
    monkeypatch.setattr(shutil, "COPY_BUFSIZE", 8 * 1024)
    template = spooled_run(4)
    short, long = _spool_of(template, 40), _spool_of(template, 160)
    try:
        with open(os.devnull, "w", encoding="utf-8") as sink:
            writer.write(short, sink)       # templates compiled, modules imported
        peaks = []
        for report in (short, long):
            tracemalloc.start()
            try:
                with open(os.devnull, "w", encoding="utf-8") as sink:
                    writer.write(report, sink)
                peaks.append(tracemalloc.get_traced_memory()[1])
            finally:
                tracemalloc.stop()
    finally:
        short.pages.close()
        long.pages.close()
    assert peaks[1] < 1.5 * peaks[0] + 64 * 1024, peaks
