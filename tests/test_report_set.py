"""Reports that cannot be half-replaced and do not change between identical runs (issue 12).

- the same input gives byte-identical reports in every format (the files: JSON, JSON Lines, HTML,
  SARIF, JUnit, EARL, axe; standard output: terminal, GitHub), timestamps and durations only
  with ``--timestamps``, whatever the number of workers;
- a run replaces the whole report set or nothing: a writer failing half-way, or SIGINT/SIGTERM,
  leaves the previous set and no temporary file; stale temporary files of killed runs go;
- an interrupted run exits 130 (SIGINT) or 143 (SIGTERM) and says so on one line.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from a11y_audit.cli import example_path, main
from a11y_audit.writers import sarif_writer
from tests.hostile import hostile_server

FORMATS = ("json", "jsonl", "html", "sarif", "junit", "earl", "axe", "markdown", "csv")
PRINTED = ("terminal", "github")
PAGE = ("<!doctype html><html lang=en><head><title>{t}</title></head><body><main><h1>{t}</h1>"
        "<img src=x.jpg><p>Text</p></main></body></html>")


def pages(folder: Path) -> Path:
    folder.mkdir()
    for i in range(4):
        (folder / f"p{i}.html").write_text(PAGE.format(t=f"Page {i}"))
    return folder


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def formats(*names: str) -> list[str]:
    return [arg for name in names for arg in ("-f", name)]


def report_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_reruns_are_byte_identical_in_every_format(tmp_path):
    site = pages(tmp_path / "site")
    first, second = tmp_path / "a", tmp_path / "b"
    run(str(site), str(example_path()), "-j", "1", *formats(*FORMATS), "-o", str(first))
    run(str(site), str(example_path()), "-j", "2", *formats(*FORMATS), "-o", str(second))
    a, b = report_files(first), report_files(second)
    assert sorted(a) == sorted(f"a11y-report.{s}" for s in
                               ("json", "jsonl", "html", "sarif", "junit.xml", "earl.jsonld",
                                "axe.json", "md", "csv"))
    assert a == b
    data = json.loads(a["a11y-report.json"])
    assert "generated_at" not in data and "seconds" not in data["pages"][0]
    assert {page["timestamp"] for page in json.loads(a["a11y-report.axe.json"])} == {""}


def test_reruns_print_identical_terminal_and_github_output(tmp_path):
    site = pages(tmp_path / "site")
    outputs = [run(str(site), str(example_path()), "-j", jobs, *formats(*PRINTED), "-o",
                   str(tmp_path / jobs)).stdout for jobs in ("1", "2")]
    assert "::error " in outputs[0] and "image-alt" in outputs[0]
    assert outputs[0] == outputs[1]


def test_timestamps_only_when_asked(tmp_path):
    site = pages(tmp_path / "site")
    result = run(str(site), "--timestamps", *formats("json", "junit"), "-o", str(tmp_path / "o"))
    assert result.exit_code == 1, result.output
    data = json.loads((tmp_path / "o" / "a11y-report.json").read_text())
    assert data["generated_at"] and "seconds" in data["pages"][0]
    assert 'time="' in (tmp_path / "o" / "a11y-report.junit.xml").read_text()
    result = run(str(site), "--timestamps", *formats("axe"), "-o", str(tmp_path / "o"))
    axe = json.loads((tmp_path / "o" / "a11y-report.axe.json").read_text())
    assert axe[0]["timestamp"].endswith("Z")


def test_a_writer_failing_half_way_leaves_the_previous_set_whole(tmp_path, monkeypatch):
    site = pages(tmp_path / "site")
    out = tmp_path / "out"
    run(str(site), *formats("json", "html", "sarif"), "-o", str(out))
    before = report_files(out)
    (site / "p0.html").write_text(PAGE.format(t="Changed"))

    def broken(report, handle, policy=None):     # SARIF streams: fail after a first piece
        handle.write('{\n  "$schema": ')
        raise OSError("disk full")

    monkeypatch.setattr(sarif_writer, "write", broken)
    result = run(str(site), *formats("json", "html", "sarif"), "-o", str(out))
    assert result.exit_code != 0
    assert report_files(out) == before          # not a new JSON beside the old SARIF


def test_stale_temporary_files_of_killed_runs_are_cleaned(tmp_path):
    site = pages(tmp_path / "site")
    out = tmp_path / "out"
    out.mkdir()
    dead = out / ".a11y-report.json.999999999.tmp-x1y2"      # no such process
    live = out / f".a11y-report.json.{os.getppid()}.tmp-z3"   # a run still going on
    dead.write_text("")
    live.write_text("")
    run(str(site), *formats("json"), "-o", str(out))
    assert not dead.exists() and live.exists()
    assert (out / "a11y-report.json").exists()


# The command, with Ctrl-C's default handling: a shell starts a background job with SIGINT
# ignored and its children inherit that, so a suite run as `pytest ... &` would otherwise see
# the command rightly ignore the SIGINT it is sent, and run to its end.
_WITH_SIGINT = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
                "from a11y_audit.cli import main; sys.exit(main(prog_name='a11y-audit'))")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(("signum", "code", "name"), [(signal.SIGINT, 130, "SIGINT"),
                                                      (signal.SIGTERM, 143, "SIGTERM")])
def test_an_interrupted_run_writes_nothing_and_says_so(tmp_path, signum, code, name):
    site = pages(tmp_path / "site")
    out = tmp_path / "out"
    run(str(site), *formats("json", "html"), "-o", str(out))
    before = report_files(out)
    with hostile_server() as server:
        process = subprocess.Popen(
            [sys.executable, "-c", _WITH_SIGINT, "check", str(site), f"{server.base}/trickle",
             "--fetch-timeout", "60", "-f", "json", "-f", "html", "-o", str(out)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(400):                     # wait (bounded) until the fetch is under way
            if "/trickle" in server.requests:
                break
            time.sleep(0.05)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == code, stderr
    lines = [line for line in stderr.splitlines() if "interrupted" in line]
    assert lines == [f"a11y-audit: interrupted by {name}; no report written (the previous "
                     "reports are unchanged)"]
    assert "Traceback" not in stderr
    assert report_files(out) == before
