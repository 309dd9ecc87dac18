"""Every run ends with a summary on standard error; --quiet prints only errors; errors once."""

from __future__ import annotations

import io

from click.testing import CliRunner

from a11y_audit.cli import example_path, main
from a11y_audit.engine import audit_html
from a11y_audit.summary import PageCounter
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


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_page_counter_counts_on_a_tty_only():
    page = audit_html(CLEAN)
    tty = Tty()
    counter = PageCounter(tty, total=2)
    counter(page)
    counter(page)
    counter.close()
    assert "\r1/2 pages audited" in tty.getvalue() and "\r2/2 pages audited" in tty.getvalue()
    assert tty.getvalue().endswith("\r\x1b[K")        # the line is cleared for the summary
    pipe = io.StringIO()
    silent = PageCounter(pipe)
    silent(page)
    silent.close()
    assert pipe.getvalue() == "" and silent.count == 1
