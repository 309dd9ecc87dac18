"""Issue 12 acceptance: one batch mixing every misbehaving server, every bad file and 20 corpus
pages ends (bounded: a 2 s fetch deadline, a 5 MB size limit), exits 2, prints exactly one error
line per bad input, and reports every good page completely."""

from __future__ import annotations

import gzip
import json
import os
import sys

import pytest
from click.testing import CliRunner

from a11y_audit.cli import main
from a11y_audit.registry import all_rules
from a11y_audit.safe_text import one_line
from tests.hostile import dead_port, hostile_server

BAD_PATHS = ("/bad-status", "/not-http", "/huge-header", "/bad-chunked", "/corrupt-gzip",
             "/truncated-gzip", "/bomb", "/short", "/loop", "/hops", "/missing", "/big",
             "/big-declared", "/trickle", "/trickle-head", "/pdf", "/pdf-as-html",
             "/evil-reason", "/private/page")
GOOD_PATHS = ("/ok", "/gzip", "/latin1", "/many-headers", "/long-header")


def bad_files(folder) -> list[str]:
    folder.mkdir()
    made = {
        "empty.html": b"",
        "photo.html": b"\x89PNG\r\n\x1a\n" + bytes(64),
        "report.html": b"%PDF-1.7\n" + b"<p>" * 2000 + bytes(8),
        "logo.html": b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
        "feed.html": b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
        "cut.html.gz": gzip.compress(b"<p>cut</p>" * 500)[:-20],
        "broken.html.gz": b"\x1f\x8b\x08\x00not deflate at all",
        "bomb.html.gz": gzip.compress(b"<p>" + bytes(6_000_000)),
        "evil\n\x1b]0;x\x07name.html": b"",
    }
    names = []
    for name, data in made.items():
        (folder / name).write_bytes(data)
        names.append(str(folder / name))
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.html")
        names.append(str(folder / "pipe.html"))
    names.append(str(folder / "missing.html"))
    return names


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX files")
def test_one_batch_of_everything(tmp_path, corpus_root):
    corpus = sorted(corpus_root.glob("*.html.gz"))[:20]
    files = bad_files(tmp_path / "bad")
    with hostile_server() as server:
        bad_urls = [f"{server.base}{p}" for p in BAD_PATHS] + [f"http://127.0.0.1:{dead_port()}/"]
        good_urls = [f"{server.base}{p}" for p in GOOD_PATHS]
        names = [*map(str, corpus), *files, *bad_urls, *good_urls]
        result = CliRunner().invoke(main, [
            "check", *names, "-j", "1", "--fetch-timeout", "2", "--max-bytes", "5000000",
            "-f", "json", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("a11y-audit: error")]
    bad = [*files, *bad_urls]
    assert len(errors) == len(bad), "\n".join(errors)
    for name in bad:   # one line each, the name made terminal-safe (escape sequence removed)
        shown = one_line(name)
        assert "\x1b" not in shown and "\n" not in shown
        assert sum(1 for line in errors if line.startswith(f"a11y-audit: error: {shown}:")) == 1
    assert "Traceback" not in result.output
    data = json.loads((tmp_path / "out" / "a11y-report.json").read_text())
    audited = {page["source"]: page for page in data["pages"]}
    assert set(audited) == {*map(str, corpus), *good_urls}
    rules = len(all_rules())
    for page in audited.values():
        assert len(page["rules"]) == rules and page["errors"] == []
    assert {e["source"] for e in data["errors"]} == set(bad)
