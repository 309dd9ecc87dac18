"""Streaming: pages on disk, the JSON report written page by page (same bytes as rendering it
whole), JSON Lines as pages finish, and progress on standard error."""

from __future__ import annotations

import contextvars
import io
import json
from concurrent.futures import Future

import pytest
from click.testing import CliRunner

from a11y_audit import batch, runner
from a11y_audit import progress as progress_module
from a11y_audit.cli import main
from a11y_audit.config import Config
from a11y_audit.finding import InputError, PageReport, Report
from a11y_audit.progress import Progress
from a11y_audit.registry import all_rules
from a11y_audit.runner import audit_sources
from a11y_audit.spool import PageCount, PageSpool
from a11y_audit.tally import Tally
from a11y_audit.writers import json_writer, jsonl_writer
from a11y_audit.writers.report_data import timestamps

from .test_runner import ARTICLE, corpus


def spooled(report: Report, request: pytest.FixtureRequest) -> Report:
    """``report`` with its pages in a spool, closed after the test."""
    spool = PageSpool()
    request.addfinalizer(spool.close)
    spool.extend(report.pages)
    report.pages = spool  # type: ignore[assignment]
    return report


def without_time(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if '"generated_at"' not in line)


def test_the_spool_gives_back_every_page(tmp_path):
    report = audit_sources([str(corpus(tmp_path))], all_rules())
    with PageSpool() as spool, PageSpool() as empty:
        spool.extend(report.pages)
        assert len(spool) == len(report.pages) == 9 and spool
        assert [p.source for p in spool] == [p.source for p in report.pages]
        assert spool[3].findings == report.pages[3].findings
        assert [p.source for p in spool[1:3]] == [p.source for p in report.pages[1:3]]
        # two walks at once (a writer looping inside a loop) each see every page
        assert [(a.source, b.source) for a in spool for b in spool][10] == (
            report.pages[1].source, report.pages[1].source)
        assert not empty


def test_the_json_report_streamed_from_disk_is_the_rendered_one(tmp_path, request):
    report = audit_sources([str(corpus(tmp_path))], all_rules())
    report.errors.append(InputError("gone.html", "no such file or folder"))
    rendered = json_writer.render(report)
    out = io.StringIO()
    json_writer.write(spooled(report, request), out)
    assert without_time(out.getvalue()) == without_time(rendered)
    empty = Report(rules=list(all_rules()))
    out = io.StringIO()
    json_writer.write(spooled(empty, request), out)
    assert without_time(out.getvalue()) == without_time(json_writer.render(empty))
    assert json.loads(out.getvalue())["pages"] == []


def test_json_lines_stream_and_render_alike(tmp_path):
    report = audit_sources([str(corpus(tmp_path))], all_rules())
    out = io.StringIO()
    stream = jsonl_writer.Stream(out, report)
    first = out.getvalue()
    assert json.loads(first)["kind"] == "run"      # written before any page
    for page in report.pages:
        stream.add(page)
    stream.close(report)
    assert out.getvalue() == jsonl_writer.render(report)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["kind"] for line in lines] == ["run", *["page"] * 9, "error", "summary"]
    assert lines[-1]["failed"] == sum(len(p.failures()) for p in report.pages)


def test_the_command_writes_json_lines_that_match_the_json_report(tmp_path):
    (tmp_path / "pages").mkdir()
    folder = corpus(tmp_path / "pages")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", str(folder), "-f", "json", "-f", "jsonl",
                                       "-o", str(out), "-j", "2", "--quiet"])
    assert result.exit_code == 2
    data = json.loads((out / "a11y-report.json").read_text())
    lines = [json.loads(x) for x in (out / "a11y-report.jsonl").read_text().splitlines()]
    pages = [{k: v for k, v in x.items() if k != "kind"} for x in lines if x["kind"] == "page"]
    assert pages == data["pages"]
    assert [x["source"] for x in lines if x["kind"] == "error"] == [
        e["source"] for e in data["errors"]]
    assert "auditing" not in result.stderr     # --quiet: no progress


def test_a_json_lines_only_run_spools_no_page_and_reports_alike(tmp_path, monkeypatch):
    """JSON Lines streams as pages arrive: a run that writes only it (the terminal quiet) keeps
    no page on disk, and its report, summary and exit code are those of a run that does."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(3):
        (folder / f"p{i}.html").write_text(ARTICLE.format(n=i), encoding="utf-8")
    (folder / "empty.html").write_text("", encoding="utf-8")     # an input error: exit 2
    spools = []
    made = PageSpool.__init__

    def counted(self, *args, **kwargs):
        spools.append(self)
        made(self, *args, **kwargs)

    monkeypatch.setattr(PageSpool, "__init__", counted)

    def run(out, *formats):
        result = CliRunner().invoke(main, ["check", str(folder), *formats, "-o", str(out),
                                           "-j", "1", "--quiet"])
        return result, without_time((out / "a11y-report.jsonl").read_text())

    alone, alone_text = run(tmp_path / "a", "-f", "jsonl")
    assert spools == []
    kept, kept_text = run(tmp_path / "b", "-f", "jsonl", "-f", "sarif")
    assert len(spools) == 1
    assert (alone.exit_code, alone_text) == (kept.exit_code, kept_text) and alone.exit_code == 2
    summary = json.loads(alone_text.splitlines()[-1])
    assert (summary["kind"], summary["pages"], summary["failed"] > 0) == ("summary", 3, True)
    # the terminal reads the pages back when it prints
    CliRunner().invoke(main, ["check", str(folder), "-f", "jsonl", "-f", "terminal",
                              "-o", str(tmp_path / "c"), "-j", "1"])
    assert len(spools) == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_json_lines_only_run_has_its_workers_count_and_render(tmp_path, monkeypatch, jobs):
    """Each page comes from its worker as figures and a rendered line (runner.Digest): this
    process writes no page line itself, and a run that keeps no page has the report, summary
    and exit code of one that does. A baseline must mark the pages here, so a run with one
    gets the reports themselves."""
    (tmp_path / "pages").mkdir()
    folder = corpus(tmp_path / "pages")
    calls = {"add": 0, "add_line": 0}
    for name in calls:
        real = getattr(jsonl_writer.Stream, name)

        def counted(self, value, real=real, name=name):
            calls[name] += 1
            real(self, value)

        monkeypatch.setattr(jsonl_writer.Stream, name, counted)

    def run(out, *extra):
        for name in calls:
            calls[name] = 0
        result = CliRunner().invoke(main, ["check", str(folder), "-f", "jsonl", *extra,
                                           "-o", str(out), "-j", jobs, "--quiet"])
        lines = without_time((out / "a11y-report.jsonl").read_text()).splitlines()
        return result.exit_code, lines[:-1], json.loads(lines[-1]), dict(calls)

    code, lines, summary, digested = run(tmp_path / "a")
    assert digested == {"add": 0, "add_line": 9}
    kept = run(tmp_path / "b", "-f", "sarif")
    assert kept[3] == {"add": 0, "add_line": 9}
    summary.pop("seconds", None)
    kept[2].pop("seconds", None)
    assert (code, lines, summary) == kept[:3]
    assert code == 2 and summary["pages"] == 9 and summary["failed"] > 0
    baseline = tmp_path / "baseline.json"
    assert CliRunner().invoke(main, ["check", str(folder), "--baseline", str(baseline),
                                     "--update-baseline"]).exit_code == 2
    marked = run(tmp_path / "c", "--baseline", str(baseline))
    assert marked[3] == {"add": 9, "add_line": 0}
    assert marked[0] == 2 and marked[2]["failed"] == summary["failed"]
    pages = [line for line in marked[1] if '"kind":"page"' in line]
    assert len(pages) == 9 and all('"baseline":"known"' in line for line in pages)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_pages_sent_as_digests_give_the_reports_of_pages_sent_whole(tmp_path, monkeypatch,
                                                                   jobs):
    """Every report file of a run whose workers send digests (pickled for the spool,
    counted, the JSON Lines line and the JSON report's item rendered) is byte for byte that
    of a run whose workers send the page reports, which this process counts, renders and
    spools itself."""
    (tmp_path / "pages").mkdir()
    folder = corpus(tmp_path / "pages")
    formats = [arg for name in ("json", "jsonl", "html", "sarif", "junit", "earl", "axe",
                                "markdown", "csv")
               for arg in ("-f", name)]
    digests = []
    real = PageSpool.add_digest

    def counted(self, digest):
        digests.append(digest)
        real(self, digest)

    monkeypatch.setattr(PageSpool, "add_digest", counted)

    def run(out):
        result = CliRunner().invoke(main, ["check", str(folder), *formats, "-o", str(out),
                                           "-j", jobs, "--quiet"])
        assert result.exit_code == 2, result.output
        return {path.name: path.read_bytes() for path in sorted(out.iterdir())}

    sent = run(tmp_path / "digests")
    assert len(digests) == 9 and all(d.report and d.line and d.json for d in digests)
    # the workers (forked after this, for -j 2) send each page report as it is
    monkeypatch.setattr(runner, "_digest", lambda report, job, policy: report)
    whole = run(tmp_path / "whole")
    assert len(digests) == 9
    assert len(sent) == 9 and sent == whole


class _OwnContext:
    """An executor whose worker has a context of its own, as a Dask worker does: nothing the
    command set in its context (--timestamps) reaches it but through the job."""

    def submit(self, function, *args):
        future = Future()
        future.set_result(contextvars.Context().run(function, *args))
        return future


def test_a_worker_renders_lines_with_the_runs_timestamps(tmp_path):
    (tmp_path / "pages").mkdir()
    folder = corpus(tmp_path / "pages")
    for stamped in (True, False):
        out = tmp_path / f"{stamped}.jsonl"
        with timestamps(stamped):
            batch.run([str(folder)], Config(), jsonl=out, quiet=True, keep_pages=False,
                      executor=_OwnContext())
        pages = [json.loads(line) for line in out.read_text().splitlines()
                 if '"kind":"page"' in line]
        assert len(pages) == 9 and all(("seconds" in page) is stamped for page in pages)


@pytest.mark.parametrize("pages", [0, 3])
def test_the_json_report_copies_the_workers_items_only_when_they_fit(tmp_path, pages,
                                                                   request):
    """The JSON report copies the items the workers rendered when they are every page's,
    under the policy and timestamp choice it is written with; else it renders the pages."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(pages):
        (folder / f"p{i}.html").write_text(ARTICLE.format(n=i), encoding="utf-8")
    (folder / "empty.html").write_text("", encoding="utf-8")
    report = batch.run([str(folder)], Config(), quiet=True, render_json=True)
    request.addfinalizer(report.pages.close)    # (its temporary files)
    items = report.pages.json_items
    assert items.count == len(report.pages) == pages

    def written(stamped=False):
        path = tmp_path / "report.json"
        with timestamps(stamped), path.open("w", encoding="utf-8") as handle:
            json_writer.write(report, handle)
        return path.read_text(encoding="utf-8")

    copied = []
    real = items.copy
    items.copy = lambda out: (copied.append(True), real(out))
    assert written() == json_writer.render(report) and copied == [True]
    # under another timestamp choice the items do not fit: the pages are rendered
    data = json.loads(written(stamped=True))
    assert copied == [True] and len(data["pages"]) == pages
    assert all("seconds" in page for page in data["pages"])


def test_pages_not_kept_cannot_be_read_back_by_mistake():
    pages = PageCount(Tally(Report().policy))
    assert not pages and len(pages) == 0
    for page in [PageReport(source="a.html"), PageReport(source="b.html", errors=["x"])]:
        pages.append(page)
    assert len(pages) == 2 and pages.tally.pages == 2 and pages.tally.page_errors == 1
    with pytest.raises(RuntimeError, match="not kept"):
        list(pages)


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_status_lines_when_not_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(progress_module, "ANNOUNCE_FROM", 5)
    report = audit_sources([str(corpus(tmp_path))], all_rules())
    clock, out = Clock(), io.StringIO()
    progress = Progress(len(report.pages), stream=out, tty=False, interval=5, jobs=2,
                        clock=clock)
    assert out.getvalue() == "a11y-audit: auditing 9 pages with 2 workers\n"
    for page in report.pages[:4]:
        clock.now += 1
        progress.page(page)
    assert out.getvalue().count("\n") == 1        # not yet 5 seconds
    clock.now += 1
    progress.page(report.pages[4])
    clock.now += 1
    progress.error()
    status = out.getvalue().splitlines()[1]
    assert status.startswith("a11y-audit: 5/9 pages (55%), 1.0 pages/s, ")
    assert f"{sum(len(p.failures()) for p in report.pages[:5]):,} failures, 0 errors" in status
    assert status.endswith("ETA 0:04")
    assert out.getvalue().count("\n") == 2        # the next line waits another 5 seconds


def test_a_bar_on_a_terminal(tmp_path):
    report = audit_sources([str(corpus(tmp_path))], all_rules())
    clock, out = Clock(), io.StringIO()
    progress = Progress(len(report.pages), stream=out, tty=True, clock=clock)
    assert out.getvalue() == ""
    for page in report.pages:
        clock.now += 0.5
        progress.page(page)
    progress.close()
    frames = out.getvalue().split("\r")[1:]
    assert len(frames) == 10 and frames[-1].endswith("\n")
    assert frames[0].startswith("[" + "#" * 2 + "." * 22 + "] 1/9 pages (11%), 2.0 pages/s")
    assert frames[-1].startswith("[" + "#" * 24 + "] 9/9 pages (100%)")
    assert "ETA" not in frames[-1]


def test_progress_shows_at_once_on_a_long_run(tmp_path, monkeypatch):
    """The first status line comes before any page is audited (no wall clock measured); a
    short run prints only its summary."""
    monkeypatch.setattr(progress_module, "ANNOUNCE_FROM", 30)
    for n in range(30):
        (tmp_path / f"p{n:03d}.html").write_text(ARTICLE.format(n=n))
    result = CliRunner().invoke(main, ["check", str(tmp_path), "-f", "json", "-o",
                                       str(tmp_path / "out"), "-j", "1"])
    assert result.stderr.startswith("a11y-audit: auditing 30 pages with 1 worker\n")
    (tmp_path / "p000.html").unlink()
    result = CliRunner().invoke(main, ["check", str(tmp_path), "-f", "json", "-o",
                                       str(tmp_path / "out"), "-j", "1"])
    assert "auditing" not in result.stderr


def test_a_2000_page_run_shows_progress_before_its_first_page(tmp_path, monkeypatch):
    """Progress within the first seconds of a 2,000-page run, shown as an order of events (no
    clock): the status line is written before any page is audited; on a terminal the bar is
    drawn at the first page."""
    for n in range(2000):
        (tmp_path / f"p{n:04d}.html").write_text("<p>x</p>")
    events: list[str] = []
    write = Progress._write

    def record(self, text):
        events.append("progress" if "auditing 2,000 pages" in text else "status")
        write(self, text)

    def audit_input(item, job):     # the pages themselves do not matter here: be quick
        events.append("audit")
        return PageReport(source=item.source)

    monkeypatch.setattr(Progress, "_write", record)
    monkeypatch.setattr(runner, "audit_input", audit_input)
    result = CliRunner().invoke(main, ["check", str(tmp_path), "-f", "json", "-o",
                                       str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert events[:2] == ["progress", "audit"]
    assert events.count("audit") == 2000
    assert result.stderr.startswith("a11y-audit: auditing 2,000 pages with 1 worker\n")
    bar = Progress(2000, stream=io.StringIO(), tty=True)
    bar.page(PageReport(source="p0000.html"))
    assert bar.stream.getvalue().startswith("\r[........................] 1/2,000 pages")


@pytest.mark.parametrize("count", [0, 1, 6, 7, 8, 50, 333])
def test_a_sorted_spool_sorts_as_sorted_does_beyond_one_run(count):
    """Equal keys keep the order they were added in, across runs spilled to disk and the
    items still in memory (sorted() is stable; so must the merge be)."""
    import random

    from a11y_audit.spool import SortedSpool

    rng = random.Random(count)
    added = [(rng.choice("abcde") * rng.randint(1, 3), n) for n in range(count)]
    with SortedSpool(lambda item: item[0], run=7) as spool:
        spool.BLOCK = 3
        for item in added:
            spool.append(item)
        assert len(spool) == count and spool.spilled == count // 7
        expected = sorted(added, key=lambda item: item[0])
        assert list(spool) == expected
        assert list(spool) == expected      # read again: the runs stay on disk


@pytest.mark.parametrize("count", [0, 1, 6, 7, 8, 50, 333])
def test_a_unique_sorted_spool_keeps_the_first_of_equal_keys(count):
    """With unique, an item whose key an earlier item had is dropped, within a run, between
    runs on disk and between them and the items in memory; len counts what iterating gives
    (read again, the same), added counts every item."""
    import random

    from a11y_audit.spool import SortedSpool

    rng = random.Random(count)
    added = [(rng.choice("abcdefgh") * rng.randint(1, 3), n) for n in range(count)]
    expected = {}
    for key, n in added:
        expected.setdefault(key, (key, n))
    with SortedSpool(lambda item: item[0], run=7, unique=True) as spool:
        spool.BLOCK = 3
        for item in added:
            spool.append(item)
        assert spool.added == count and spool.spilled == count // 7
        assert len(spool) == len(expected)
        assert list(spool) == sorted(expected.values())
        assert list(spool) == sorted(expected.values()) and len(spool) == len(expected)
        spool.append(("a", -1))                 # a repeat, then a new key: counted again
        spool.append(("zz", -2))
        assert len(spool) == len(expected | {"a": 0, "zz": 0}) and spool.added == count + 2
        assert [n for key, n in spool if key in ("a", "zz")] == (
            [expected["a"][1]] if "a" in expected else [-1]) + [-2]


def test_inputs_that_carry_their_bytes_are_spilled_by_weight(monkeypatch):
    """A WordPress export's posts wait for the sort with their bodies: a run is spilled when
    the bytes it holds reach the budget, not only at its count of items."""
    from a11y_audit.inputs import Input
    from a11y_audit.runner import plan
    from a11y_audit.spool import SortedSpool

    monkeypatch.setattr(SortedSpool, "BUDGET", 1000)
    with SortedSpool(lambda item: item[0], weight=lambda item: len(item[1])) as spool:
        for n in range(30):
            spool.append((f"k{(n * 7) % 30:02d}", "x" * 100))
        assert spool.spilled == 3 and len(spool) == 30
        assert [k for k, _ in spool] == [f"k{n:02d}" for n in range(30)]
    # the run's plan weighs its inputs by the bytes they carry
    monkeypatch.setattr("a11y_audit.inputs.enumerate_inputs", lambda names, **_: (
        Input(f"export.xml#{n}", "data", "export.xml", data=b"<p>x</p>" * 50)
        for n in range(12)))
    found, errors = plan(["export.xml"])
    with found:
        assert found.spilled == 4 and not errors and len(found) == 12


def test_a_long_enumeration_counts_the_pages_it_finds():
    """Before the audit's own progress, an enumeration that takes a while says it is alive;
    a short one prints nothing."""
    from a11y_audit.progress import Listing

    clock, out = Clock(), io.StringIO()
    listing = Listing(stream=out, tty=False, interval=5, clock=clock)
    for count in range(1, 14):
        clock.now += 1
        listing.found(count)
    listing.close()
    assert out.getvalue() == ("a11y-audit: finding pages: 5 so far\n"
                              "a11y-audit: finding pages: 10 so far\n")
    clock, out = Clock(), io.StringIO()
    listing = Listing(stream=out, tty=True, clock=clock)
    for count in range(1, 6):
        clock.now += 0.4
        listing.found(count)
    assert out.getvalue() == "\rfinding pages: 3 so far\x1b[K\rfinding pages: 4 so far\x1b[K" \
                             "\rfinding pages: 5 so far\x1b[K"
    listing.close()
    assert out.getvalue().endswith("so far\x1b[K\r\x1b[K")     # erased for the bar
    clock, out = Clock(), io.StringIO()
    listing = Listing(stream=out, tty=True, clock=clock)
    listing.found(1)
    listing.close()
    assert out.getvalue() == ""


def test_the_command_counts_the_pages_of_a_slow_enumeration(tmp_path, monkeypatch):
    """batch.run shows the enumeration's count (with no interval: after every input), and
    not under --quiet."""
    from a11y_audit.progress import Listing

    class Eager(Listing):
        def __init__(self, **options):
            super().__init__(**{**options, "interval": 0.0})

    monkeypatch.setattr(batch, "Listing", Eager)
    for n in range(3):
        (tmp_path / f"p{n}.html").write_text(ARTICLE.format(n=n))
    args = ["check", str(tmp_path), "-f", "json", "-o", str(tmp_path / "out"), "-j", "1"]
    result = CliRunner().invoke(main, args)
    assert [line for line in result.stderr.splitlines() if "finding" in line] == [
        f"a11y-audit: finding pages: {n} so far" for n in (1, 2, 3)]
    result = CliRunner().invoke(main, [*args, "--quiet"])
    assert "finding" not in result.stderr


def test_a_sorted_spool_that_cannot_write_keeps_the_rest_in_memory(monkeypatch):
    """A full disk while a run is spilled costs the sort its flat memory, not its items or
    their order."""
    from a11y_audit import spool as spool_module
    from a11y_audit.spool import SortedSpool

    written = 0
    real = spool_module.Spool.append_pickled

    def append_pickled(self, data):
        nonlocal written
        written += 1
        if written > 3:             # the first run (2 blocks) and part of the second fit
            raise OSError(28, "No space left on device")
        real(self, data)

    monkeypatch.setattr(spool_module.Spool, "append_pickled", append_pickled)
    added = [(f"k{(n * 7) % 20:02d}", n) for n in range(40)]
    with SortedSpool(lambda item: item[0], run=6) as spool:
        spool.BLOCK = 3
        for item in added:
            spool.append(item)
        assert spool.spilled == 1 and len(spool) == 40
        assert list(spool) == sorted(added, key=lambda item: item[0])


@pytest.mark.parametrize("extra", [(), ("--include", "nav")])
def test_the_cli_closes_the_spooled_pages_files(tmp_path, monkeypatch, extra):
    """The page spool's temporary files (and the rendered JSON items') are closed once the
    reports are written, a page error or not: not left open until the process ends (a
    library caller's or a test process's file descriptors), nor to the collector."""
    import tempfile

    from a11y_audit import spool
    from a11y_audit.writers import json_stream

    opened = []
    temporary_file = tempfile.TemporaryFile

    def recorded(*args, **kwargs):
        opened.append(temporary_file(*args, **kwargs))
        return opened[-1]

    assert spool.tempfile is json_stream.tempfile is tempfile
    monkeypatch.setattr(tempfile, "TemporaryFile", recorded)
    folder = corpus(tmp_path, count=2)
    result = CliRunner().invoke(main, ["check", str(folder), "-f", "json", "-f", "html",
                                       "-o", str(tmp_path / "out"), "-j", "1", *extra])
    assert result.exit_code in (1, 2), result.output
    assert len(opened) >= 2 and all(f.closed for f in opened)
