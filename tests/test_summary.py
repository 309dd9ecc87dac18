"""Every run ends with a summary on standard error; --quiet prints only errors; errors once."""

from __future__ import annotations

from collections import Counter

from click.testing import CliRunner

from a11y_audit import batch
from a11y_audit.cli import example_path, main
from a11y_audit.config import Config
from a11y_audit.finding import Report
from a11y_audit.outcome import Impact, Outcome
from a11y_audit.policy import Policy
from a11y_audit.spool import PageSpool
from a11y_audit.summary import summary_lines
from a11y_audit.tally import tally_of
from a11y_audit.writers.report_data import summary
from tests.test_cli import CLEAN


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def site(tmp_path, clean: int = 2):
    folder = tmp_path / "public"
    folder.mkdir()
    for i in range(clean):
        (folder / f"clean{i}.html").write_text(CLEAN, encoding="utf-8")
    (folder / "mali.html").write_bytes(example_path().read_bytes())
    return folder


def test_machine_formats_only_still_end_with_a_summary(tmp_path):
    result = run("check", str(site(tmp_path)), "--fail-on", "serious", "-f", "json",
                 "-f", "sarif", "-f", "junit", "-o", str(tmp_path / "reports"))
    assert result.exit_code == 1
    assert result.stdout == ""                        # nothing on stdout: only files
    lines = result.stderr.splitlines()
    assert lines[0] == "3 pages audited: 2/3 pages pass at --fail-on serious"
    assert "9 failures (1 critical, 2 serious, 6 moderate) on 1 page" in lines[1]
    assert "0 errors" in lines[1]
    written = next(line for line in lines if line.lstrip().startswith("wrote "))
    for suffix in (".json", ".sarif", ".junit.xml"):
        assert str(tmp_path / "reports" / f"a11y-report{suffix}") in written
    assert lines[-1].strip() == ("exit 1: 3 failures of impact serious or worse "
                                 "(--fail-on serious)")


def test_a_passing_run_says_why_it_exits_zero(tmp_path):
    page = tmp_path / "clean.html"
    page.write_text(CLEAN, encoding="utf-8")
    result = run("check", str(page), "-f", "json", "-o", str(tmp_path))
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == "1 page audited: 1/1 page passes at any failure"
    assert "exit 0: no failure" in result.stderr


def test_errors_are_printed_once_and_explain_exit_two(tmp_path):
    folder = site(tmp_path, clean=1)
    (folder / "empty.html").write_bytes(b"")
    result = run("check", str(folder), "-f", "terminal", "-f", "json", "-o", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert result.output.count("file is empty") == 1
    assert "file is empty" in result.stderr and "file is empty" not in result.stdout
    assert "1 error" in result.stderr and "exit 2:" in result.stderr


def test_quiet_prints_only_errors(tmp_path):
    folder = site(tmp_path, clean=1)
    result = run("check", str(folder), "--quiet", "-o", str(tmp_path / "o"))
    assert result.exit_code == 1 and result.output == ""
    assert (tmp_path / "o" / "a11y-report.json").is_file()
    (folder / "empty.html").write_bytes(b"")
    result = run("check", str(folder), "-q", "-o", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert result.output.strip().endswith("empty.html: file is empty")
    assert len(result.output.strip().splitlines()) == 1


def test_baseline_counts_in_the_summary(tmp_path):
    folder = site(tmp_path, clean=0)
    baseline = tmp_path / "base.json"
    assert run("check", str(folder), "--baseline", str(baseline), "--update-baseline",
               "-q").exit_code == 0
    result = run("check", str(folder), "-f", "json", "--baseline", str(baseline),
                 "-o", str(tmp_path / "o"))
    assert result.exit_code == 0
    assert "baseline: 0 new, 9 known, 0 fixed" in result.stderr
    assert "that the baseline does not know" in result.stderr


def test_the_summary_comes_from_the_tally_not_from_the_spool(tmp_path, monkeypatch, request):
    """A batch run counts its figures as pages finish: the summary, the JSON summary and the
    exit code read no page back, and say what a recount of the pages says."""
    folder = site(tmp_path)
    (folder / "empty.html").write_bytes(b"")
    (folder / "quiet.html").write_text(CLEAN.replace("<main>", '<main data-a11y-ignore="*">'),
                                       encoding="utf-8")
    config = Config(fail_on=Impact.SERIOUS)
    report = batch.run([str(folder)], config, quiet=True)
    request.addfinalizer(report.pages.close)    # (its temporary files)
    assert isinstance(report.pages, PageSpool) and report.pages.tally.pages == 4
    reads = []
    monkeypatch.setattr(PageSpool, "__iter__", lambda self: reads.append("iter") or iter(()))
    monkeypatch.setattr(PageSpool, "__getitem__", lambda self, i: reads.append(i))
    lines = summary_lines(report, ["out/a11y-report.json"])
    figures = summary(report)
    code = report.exit_code()
    assert reads == []
    monkeypatch.undo()
    pages = list(report.pages)
    recounted = Report(pages=pages, errors=report.errors, fail_on=Impact.SERIOUS)
    assert summary_lines(recounted, ["out/a11y-report.json"]) == lines
    assert summary(recounted) == figures
    failed = [f for p in pages for f in p.findings if f.outcome is Outcome.FAILED]
    assert figures["failed"] == len(failed) > 0
    assert figures["gating"] == sum(f.impact.rank >= Impact.SERIOUS.rank for f in failed)
    assert figures["pages_failed"] == sum(any(f.outcome is Outcome.FAILED for f in p.findings)
                                          for p in pages)
    assert figures["cant_tell"] == sum(f.outcome is Outcome.CANT_TELL
                                       for p in pages for f in p.findings)
    assert figures["by_rule"] == dict(sorted(Counter(f.rule for f in failed).items(),
                                             key=lambda kv: (-kv[1], kv[0])))
    assert figures["errors"] == 1 and code == 2
    assert lines[0] == "4 pages audited: 3/4 pages pass at --fail-on serious"


def test_a_tally_under_another_policy_is_recounted(tmp_path, request):
    report = batch.run([str(site(tmp_path))], Config(fail_on=Impact.CRITICAL), quiet=True)
    request.addfinalizer(report.pages.close)    # (its temporary files)
    strict = Policy(fail_on=None)
    assert tally_of(report, strict) is not report.pages.tally
    assert tally_of(report, strict).gating == tally_of(report, strict).failed == 9
    assert tally_of(report).gating == 1
