"""The Dask executor: a LocalCluster gives the report a local run gives, in the same order.

Whatever starts a Dask client runs in a child process: distributed keeps process-wide threads
(its IO loop, its offload thread) for the life of the process that used it, and a pytest
process that kept them would fork the later tests' worker pools while multi-threaded
(Python 3.12+ warns of the deadlocks that can cause)."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from a11y_audit.cli import main

from .test_archives import tar_archive, zip_archive
from .test_inputs import CRAWL, index_wacz, page, write_wacz, write_warc
from .test_remote_wacz import served
from .test_runner import corpus


@pytest.fixture(scope="module")
def dask_installed():
    if importlib.util.find_spec("distributed") is None:
        message = "Dask is not installed: pip install -e '.[test]' (or '.[dask]')"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)


def without_timings(text: str) -> str:
    """The report text less the lines that differ between any two runs: the time of day and
    the seconds a page took."""
    return "\n".join(line for line in text.splitlines()
                     if not line.lstrip().startswith(('"generated_at"', '"seconds"')))


def jsonl_without_timings(text: str) -> list[dict]:
    out = []
    for line in text.splitlines():
        data = json.loads(line)
        data.pop("generated_at", None)
        data.pop("seconds", None)
        out.append(data)
    return out


def run_command(*args: str) -> subprocess.CompletedProcess[str]:
    """``a11y-audit ARGS`` in a child process, its output captured."""
    return subprocess.run([sys.executable, "-m", "a11y_audit", *args], capture_output=True,
                          text=True, timeout=600, check=False)


def test_a_local_cluster_writes_the_local_report(tmp_path, dask_installed):
    folder = tmp_path / "pages"
    folder.mkdir()
    corpus(folder)
    write_warc(folder / "crawl.warc.gz", [
        ("https://news.example/a", "200 OK", "text/html; charset=utf-8", page("Archived A")),
        ("https://news.example/b", "200 OK", "text/html", page("Archived B")),
    ])
    # and archives: a ZIP's pages read where they are, a tar's with their bytes; and a WACZ
    # file served over http, its pages and stylesheet read by byte ranges where it is
    wacz = tmp_path / "crawl.wacz"
    write_wacz(wacz, CRAWL, [["https://news.example/", "https://news.example/story"]])
    index_wacz(wacz)
    with served(wacz.read_bytes()) as (url, _, _):
        _same_reports_locally_and_on_dask(tmp_path, folder, [
            str(zip_archive(tmp_path / "site.zip")), str(tar_archive(tmp_path / "site.tgz")),
            url], url)


def _same_reports_locally_and_on_dask(tmp_path, folder, archives, url):
    threads = threading.active_count()
    local, dask = tmp_path / "local", tmp_path / "dask"
    result = CliRunner().invoke(main, ["check", str(folder), *archives, "-f", "json", "-f",
                                       "jsonl", "-o", str(local), "--quiet", "-j", "1"])
    assert result.exit_code == 2, result.output + result.stderr   # broken.html
    run = run_command("check", str(folder), *archives, "-f", "json", "-f", "jsonl", "-o",
                      str(dask), "--quiet", "--executor", "dask", "-j", "2")
    assert run.returncode == 2, run.stdout + run.stderr
    assert without_timings((dask / "a11y-report.json").read_text()) == without_timings(
        (local / "a11y-report.json").read_text())
    assert jsonl_without_timings((dask / "a11y-report.jsonl").read_text()) == \
        jsonl_without_timings((local / "a11y-report.jsonl").read_text())
    # a run of JSON Lines alone: the workers send each page's figures and line (Digest)
    lines = tmp_path / "dask-jsonl"
    run = run_command("check", str(folder), *archives, "-f", "jsonl", "-o", str(lines),
                      "--quiet", "--executor", "dask", "-j", "2")
    assert run.returncode == 2, run.stdout + run.stderr
    assert jsonl_without_timings((lines / "a11y-report.jsonl").read_text()) == \
        jsonl_without_timings((local / "a11y-report.jsonl").read_text())
    data = json.loads((dask / "a11y-report.json").read_text())
    assert len(data["pages"]) == 17
    assert [p["source"] for p in data["pages"]][-6:] == [
        f"{tmp_path}/site.tgz#news/bridge.html.gz", f"{tmp_path}/site.tgz#news/flood.html",
        f"{tmp_path}/site.zip#news/bridge.html.gz", f"{tmp_path}/site.zip#news/flood.html",
        f"{url}#https://news.example/", f"{url}#https://news.example/story"]
    # the crawl's stylesheet, which a worker found through the served file's index, hides
    # the story's print-only logo
    assert [f["snippet"] for f in data["pages"][-1]["findings"] if f["rule"] == "image-alt"
            ] == ['<img src="a.jpg">']
    assert [p["source"] for p in data["pages"]][:2] == [
        f"{folder}/crawl.warc.gz#https://news.example/a",
        f"{folder}/crawl.warc.gz#https://news.example/b"]
    assert threading.active_count() == threads     # no Dask thread left in this process


def test_an_unreachable_scheduler_is_a_one_line_error(dask_installed):
    child = """if True:
        from a11y_audit.dask_executor import DaskUnavailable, connect
        try:
            with connect("tcp://127.0.0.1:1", timeout=2):
                print("connected")
        except DaskUnavailable as exc:
            print(repr(str(exc)))
    """
    run = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                         timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    message = ast.literal_eval(run.stdout)      # the repr printed above
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:1" in message
    assert "\n" not in message


def test_an_executor_gets_the_job_once_and_chunks_of_its_size(tmp_path):
    """The job (every rule's metadata, ~280 KB pickled) goes to a cluster once; each chunk
    carries what ``share`` returned, not the job (a cluster would move 280 KB a chunk
    through its scheduler, twice). Chunks are the executor's size, shrinking at the end."""
    from concurrent.futures import Future

    from a11y_audit.registry import get
    from a11y_audit.runner import Job, iter_audit, plan

    job = Job.make([get("html-has-lang")])

    class Sharing:
        workers = 2
        chunk = 3

        def __init__(self):
            self.shared, self.sent, self.sizes = [], [], []

        def share(self, value):
            self.shared.append(value)
            return "job-on-the-workers"

        def submit(self, function, batch, shared):
            self.sent.append(shared)
            self.sizes.append(len(batch))
            future = Future()
            future.set_result(function(batch, job if shared == "job-on-the-workers" else None))
            return future

    items, _ = plan([str(corpus(tmp_path, count=39))])
    executor = Sharing()
    with items:
        results = list(iter_audit(items, job, executor=executor))
    assert executor.shared == [job]
    assert len(executor.sent) > 1 and set(executor.sent) == {"job-on-the-workers"}
    assert [r.source for r in results] == sorted(r.source for r in results) and len(results) == 40
    assert executor.sizes[:3] == [3, 3, 3] and executor.sizes[-1] == 1
    assert max(executor.sizes) == 3 and sum(executor.sizes) == 40
