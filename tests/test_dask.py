"""The Dask executor: a LocalCluster gives the report a local run gives, in the same order."""

from __future__ import annotations

import importlib.util
import json
import os

import pytest
from click.testing import CliRunner

from a11y_audit.cli import main

from .test_inputs import page, write_warc
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


def test_a_local_cluster_writes_the_local_report(tmp_path, dask_installed):
    folder = tmp_path / "pages"
    folder.mkdir()
    corpus(folder)
    write_warc(folder / "crawl.warc.gz", [
        ("https://news.example/a", "200 OK", "text/html; charset=utf-8", page("Archived A")),
        ("https://news.example/b", "200 OK", "text/html", page("Archived B")),
    ])
    runs = {}
    for name, extra in (("local", ["-j", "1"]), ("dask", ["--executor", "dask", "-j", "2"])):
        out = tmp_path / name
        result = CliRunner().invoke(main, ["check", str(folder), "-f", "json", "-f", "jsonl",
                                           "-o", str(out), "--quiet", *extra])
        assert result.exit_code == 2, result.output + result.stderr   # broken.html
        runs[name] = out
    local, dask = runs["local"], runs["dask"]
    assert without_timings((dask / "a11y-report.json").read_text()) == without_timings(
        (local / "a11y-report.json").read_text())
    assert jsonl_without_timings((dask / "a11y-report.jsonl").read_text()) == \
        jsonl_without_timings((local / "a11y-report.jsonl").read_text())
    # a run of JSON Lines alone: the workers send each page's figures and line (Digest)
    lines = tmp_path / "dask-jsonl"
    result = CliRunner().invoke(main, ["check", str(folder), "-f", "jsonl", "-o", str(lines),
                                       "--quiet", "--executor", "dask", "-j", "2"])
    assert result.exit_code == 2, result.output + result.stderr
    assert jsonl_without_timings((lines / "a11y-report.jsonl").read_text()) == \
        jsonl_without_timings((local / "a11y-report.jsonl").read_text())
    data = json.loads((dask / "a11y-report.json").read_text())
    assert len(data["pages"]) == 11
    assert [p["source"] for p in data["pages"]][:2] == [
        f"{folder}/crawl.warc.gz#https://news.example/a",
        f"{folder}/crawl.warc.gz#https://news.example/b"]


def test_an_unreachable_scheduler_is_a_one_line_error(dask_installed):
    from a11y_audit.dask_executor import DaskUnavailable, connect

    with pytest.raises(DaskUnavailable) as info, connect("tcp://127.0.0.1:1", timeout=2):
        pass
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:1" in str(info.value)
    assert "\n" not in str(info.value)


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
