"""Batches: sorted, streamed results; a process pool gives the same report as one process."""

from __future__ import annotations

import json

from click.testing import CliRunner

from a11y_audit.cli import main
from a11y_audit.finding import InputError, PageReport
from a11y_audit.registry import all_rules
from a11y_audit.runner import Job, audit_sources, iter_audit, plan

ARTICLE = ('<!doctype html><html lang="en"><head><title>Story {n}</title></head><body>'
           '<a href="#main">Skip to content</a><main id="main"><h1>Story {n}</h1>'
           '<figure><img src="photo{n}.jpg"><figcaption>Caption {n}</figcaption></figure>'
           '<h3>Skipped level</h3><a href="/x"></a></main></body></html>')


def corpus(tmp_path, count=9):
    for n in range(count):
        # written in an order that differs from the sorted one
        (tmp_path / f"p{(n * 5) % count:02d}.html").write_text(ARTICLE.format(n=n))
    (tmp_path / "broken.html").write_bytes(b"")
    return tmp_path


def stable(data):
    """The report without what differs between two runs (timings, the time of day)."""
    data = dict(data)
    data.pop("generated_at", None)
    data.pop("seconds", None)
    data["pages"] = [{k: v for k, v in p.items() if k != "seconds"} for p in data["pages"]]
    return data


def test_results_come_sorted_by_source_with_errors_in_place(tmp_path):
    items, errors = plan([str(corpus(tmp_path)), str(tmp_path / "nope.html")])
    assert [e.source for e in errors] == [str(tmp_path / "nope.html")]
    results = list(iter_audit(items, Job.make(all_rules())))
    sources = [r.source for r in results]
    assert sources == sorted(sources)
    assert isinstance(results[0], InputError) and results[0].source.endswith("broken.html")
    assert all(isinstance(r, PageReport) for r in results[1:])


def test_a_pool_gives_the_same_report_as_one_process(tmp_path):
    (tmp_path / "pages").mkdir()
    folder = corpus(tmp_path / "pages")
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = CliRunner().invoke(main, ["check", str(folder), "-f", "json", "-o", str(out),
                                           "--jobs", jobs])
        assert result.exit_code == 2, result.output      # broken.html is an input error
        runs[jobs] = json.loads((out / "a11y-report.json").read_text())
    assert stable(runs["1"]) == stable(runs["2"])
    assert len(runs["2"]["pages"]) == 9 and runs["2"]["summary"]["failed"] > 9


def test_impact_overrides_reach_the_workers(tmp_path):
    from dataclasses import replace

    from a11y_audit.registry import get

    rule = get("heading-order")
    louder = replace(rule, rule=replace(rule.rule, impact="critical"))
    report = audit_sources([str(corpus(tmp_path))], [louder], jobs=2)
    impacts = {str(f.impact) for p in report.pages for f in p.findings}
    assert impacts == {"critical"}


def test_stdin_and_path_globs_on_the_command_line(tmp_path):
    folder = corpus(tmp_path)
    result = CliRunner().invoke(main, ["check", "-", "-f", "json", "-o", str(tmp_path / "o"),
                                       "-j", "1"], input=ARTICLE.format(n=99))
    data = json.loads((tmp_path / "o" / "a11y-report.json").read_text())
    assert result.exit_code == 1 and [p["source"] for p in data["pages"]] == ["-"]
    assert data["pages"][0]["title"] == "Story 99"
    result = CliRunner().invoke(main, ["check", str(folder), "-f", "json", "-o",
                                       str(tmp_path / "g"), "--include-path", "p0*",
                                       "--exclude-path", "p00.html", "-j", "1"])
    data = json.loads((tmp_path / "g" / "a11y-report.json").read_text())
    assert [p["source"].rsplit("/", 1)[1] for p in data["pages"]] == [
        f"p{n:02d}.html" for n in range(1, 9)]


def test_long_runs_recycle_the_pool_and_give_the_same_report(tmp_path, monkeypatch):
    """Workers are replaced by a fresh pool after their share of pages (flat peak memory on
    long runs); the report does not change, pages stay in order, none is lost or repeated."""
    from a11y_audit import runner

    created = []

    class Counted(runner.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            created.append(self)
            super().__init__(*args, **kwargs)

    (tmp_path / "pages").mkdir()
    folder = corpus(tmp_path / "pages", count=23)
    runs = {}
    for jobs in ("1", "2"):
        if jobs == "2":
            monkeypatch.setattr(runner, "PAGES_PER_WORKER", 2)   # 2 workers: 4 pages a pool
            monkeypatch.setattr(runner, "ProcessPoolExecutor", Counted)
        out = tmp_path / f"out{jobs}"
        result = CliRunner().invoke(main, ["check", str(folder), "-f", "json", "-o", str(out),
                                           "--jobs", jobs])
        assert result.exit_code == 2, result.output
        runs[jobs] = json.loads((out / "a11y-report.json").read_text())
    assert len(created) == 6          # 24 inputs (23 pages and broken.html), 4 a pool
    assert stable(runs["1"]) == stable(runs["2"])
    assert len(runs["2"]["pages"]) == 23
    assert [p["source"] for p in runs["2"]["pages"]] == sorted(
        str(p) for p in folder.glob("p*.html"))


def test_a_page_is_audited_with_the_collector_paused_and_freed_after(tmp_path, monkeypatch):
    import gc
    import weakref

    from a11y_audit import runner

    seen: list = []
    original = runner.audit_page

    def spy(page, *args, **kwargs):
        seen.append((gc.isenabled(), weakref.ref(page)))
        return original(page, *args, **kwargs)

    monkeypatch.setattr(runner, "audit_page", spy)
    (tmp_path / "story.html").write_text(ARTICLE.format(n=1))
    items, _ = plan([str(tmp_path)])
    job = Job.make(all_rules())
    assert gc.isenabled()
    report = runner.audit_input(next(iter(items)), job)
    assert isinstance(report, PageReport) and report.findings
    (enabled, page), = seen
    assert not enabled                      # paused while the rules ran
    assert gc.isenabled()                   # and on again after
    assert page() is None                   # the page's cycles are gone without a full collection


def test_a_caller_that_disabled_the_collector_keeps_it_disabled():
    import gc

    from a11y_audit.runner import paused_collector

    gc.disable()
    try:
        with paused_collector():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()



def test_page_reports_pickle_to_equal_ones_field_for_field(tmp_path):
    """Workers send page reports to the main process, which spools them: the compact pickling
    of findings and rule summaries (their field values) keeps every field."""
    import pickle

    from a11y_audit.finding import Finding, Related, RuleSummary
    from a11y_audit.outcome import Impact, Outcome
    from a11y_audit.policy import BaselineStatus

    report = audit_sources([str(corpus(tmp_path))], jobs=1).pages[0]
    assert report.findings and report.rules
    every_field = Finding("r", Outcome.FAILED, Impact.SERIOUS, "m", "a > b", "/html/a", 3,
                          "<a>", ("1.1.1",), "h", "u", "a>b", "f00", BaselineStatus.KNOWN, 7,
                          (Related("s", "/x", None, 2, "<x>"),))
    report.findings.append(every_field)
    report.rules["r"] = RuleSummary("r", Outcome.FAILED, 1, 2, 3)
    again = pickle.loads(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == report and again is not report
    last = again.findings[-1]
    assert (last.baseline, last.column, last.related) == (BaselineStatus.KNOWN, 7,
                                                          every_field.related)
    assert type(last) is Finding and again.rules["r"] == RuleSummary("r", Outcome.FAILED, 1, 2, 3)


def test_a_page_that_kills_its_worker_is_an_error_and_the_run_goes_on(tmp_path, monkeypatch):
    """A worker that dies (killed, out of memory, a crash in lxml's C code) breaks the whole
    process pool: every page it held is audited again alone in a fresh pool, and the page that
    kills its worker again becomes an error naming it, instead of a traceback ending the run."""
    import multiprocessing
    import os
    import signal
    import threading

    import pytest

    from a11y_audit import runner

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the workers inherit the poisoned audit through fork only")
    folder = corpus(tmp_path, count=12)
    (folder / "p05.html").write_text(ARTICLE.format(n="poison"))
    audit_chunk = runner.audit_chunk

    def dies_on_the_poison(items, job):     # runs in the forked workers
        if any(item.source.endswith("p05.html") for item in items):
            os.kill(os.getpid(), signal.SIGKILL)
        return audit_chunk(items, job)

    monkeypatch.setattr(runner, "audit_chunk", dies_on_the_poison)
    # A fresh pool forks only when the threads of the broken pool are gone: one still running
    # could hold a lock the child inherits, taken for ever (Python 3.12 and later warn of it
    # on every fork of a multi-threaded process). (Counted against the threads before the
    # run: other tests' may linger.)
    before = threading.active_count()
    threads_at_fork = []
    fork = os.fork

    def counted_fork():
        threads_at_fork.append(threading.active_count())
        return fork()

    monkeypatch.setattr(os, "fork", counted_fork)
    report = audit_sources([str(folder)], jobs=2)
    assert len(threads_at_fork) > 2 and set(threads_at_fork) == {before}, threads_at_fork
    poisoned = [e for e in report.errors if e.source.endswith("p05.html")]
    assert [e.message for e in poisoned] == [
        "the worker auditing this page stopped abruptly (killed, out of memory, or a crash in "
        "C code)"]
    # every other page is audited, in order, with its findings
    sources = [page.source for page in report.pages]
    assert sources == sorted(sources) and len(sources) == 11
    assert all(page.findings for page in report.pages)
    assert {e.source for e in report.errors} == {str(folder / "broken.html"),
                                                 str(folder / "p05.html")}
