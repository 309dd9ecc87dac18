"""A WACZ file named by its http(s) URL: read where it is served, a byte range at a time (its
ZIP directory, page list, index, and the records of its pages and stylesheets), as a browser
replays one; never downloaded whole."""

from __future__ import annotations

import io
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from a11y_audit.inputs import load
from a11y_audit.sources import SourceError
from tests.loopback import RangedFiles, serving
from tests.test_cli import validate
from tests.test_inputs import _POOL, _random_wacz, crawl, index_wacz, items, write_wacz

__all__ = ["crawl"]     # (the fixture, used by name)

# two pages, a stylesheet and 2 MB of images between them
RECORDS = [("html", _POOL[0], 1), ("image", _POOL[3], 1000), ("css", _POOL[4], 0),
           ("image", _POOL[3], 1000), ("html", _POOL[1], 2), ("gone", _POOL[2], 0)]
LISTED = [_POOL[0], _POOL[1], _POOL[2], "https://news.example/never"]


@contextmanager
def served(data: bytes, handler: type[RangedFiles] = RangedFiles,
           name: str = "/crawls/crawl.wacz") -> Iterator[tuple[str, list, type[RangedFiles]]]:
    """``data`` served at ``name`` by ``handler``: the URL, the requests (path, Range), and
    the handler class (its ``files`` are what is served)."""
    asked: list[tuple[str, str | None]] = []

    class Files(handler):  # type: ignore[valid-type,misc]
        pass

    Files.files = {name: (data, '"v1"')}
    Files.asked = asked
    with serving(Files) as httpd:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{name}", asked, Files


def described(found: tuple[list, list], name: str) -> list[str]:
    """A listing's inputs and errors, the WACZ file's name (path or URL) as "WACZ" and where
    a page is read left out (a served file's names its version: _served_location)."""
    return [repr(x).replace(name, "WACZ") if isinstance(x, SourceError) else
            repr((x.source.replace(name, "WACZ"), x.kind, x.offset, x.meta))
            for x in (*found[0], *found[1])]


def fetched_bytes(asked: list[tuple[str, str | None]], size: int) -> int:
    """The bytes the ranges asked for come to (each cut at the file's end)."""
    total = 0
    for _, ranged in asked:
        if ranged:
            first, last = (int(n) for n in re.fullmatch(r"bytes=(\d+)-(\d+)", ranged).groups())
            total += max(0, min(last, size - 1) - first + 1)
    return total


def test_a_served_wacz_gives_the_pages_and_errors_the_file_on_disk_gives(tmp_path):
    """Listed by its URL, a WACZ file gives what the same file on disk gives (its listed
    pages, the errors of those captured as no page or not at all), each named by the URL,
    and each page loads the same bytes; the 2 MB of images between them are not fetched."""
    path = tmp_path / "crawl.wacz"
    _random_wacz(path, RECORDS, LISTED)
    index_wacz(path)
    data = path.read_bytes()
    local = items(str(path))
    with served(data) as (url, asked, _):
        remote = items(url)
        assert described(remote, url) == described(local, str(path))
        assert len(remote[0]) == 2 and len(remote[1]) == 2
        listing = fetched_bytes(asked, len(data))
        assert [load(item).data for item in remote[0]] == [load(item).data
                                                           for item in local[0]]
    assert len(data) > 2_000_000 and listing < 300_000, (listing, asked)
    assert all(path == "/robots.txt" or ranged for path, ranged in asked)


def test_a_served_wacz_is_audited_as_the_file_on_disk_with_the_crawls_stylesheets(
        tmp_path, crawl):
    """The CLI, two workers: a served WACZ file's report is the file on disk's, named by
    its URL; the crawl's stylesheet, read from the served file by the workers, hides the
    print-only logo. (The CLI runs in a process of its own, as a user runs it: this one
    runs the server's threads, and its workers would fork them.)"""
    path = tmp_path / "crawl.wacz"
    write_wacz(path, crawl, [["https://news.example/"],
                             ["https://news.example/old", "https://news.example/gone"]])
    index_wacz(path)

    def check(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "a11y_audit", "check", *args],
                              capture_output=True, text=True, timeout=300)

    with served(path.read_bytes()) as (url, _, _):
        reports = {}
        for name, source in (("local", str(path)), ("remote", url)):
            out = tmp_path / name
            result = check(source, "-j", "2", "-o", str(out), "-f", "json", "--quiet")
            assert result.returncode == 2, result.stderr     # (the 404 page)
            reports[name] = validate(out / "a11y-report.json")
            listed = check(source, "--list-pages")
            assert listed.stdout.splitlines() == [f"{source}#https://news.example/",
                                                  f"{source}#https://news.example/story"]
    local, remote = reports["local"], reports["remote"]
    assert [p["source"] for p in remote["pages"]] == [
        f"{url}#https://news.example/", f"{url}#https://news.example/story"]
    for page in (*local["pages"], *remote["pages"]):
        page["source"] = page["source"].partition("#")[2]
    assert remote["pages"] == local["pages"]
    assert [(e["source"], e["message"]) for e in remote["errors"]] == [
        (f"{url}#https://news.example/gone", "captured with HTTP status 404: not audited")]
    assert [e["message"] for e in remote["errors"]] == [e["message"] for e in local["errors"]]
    story = remote["pages"][1]
    assert [f["snippet"] for f in story["findings"] if f["rule"] == "image-alt"] == [
        '<img src="a.jpg">']


class _WholeFile(RangedFiles):
    """A server that does not send parts of a file: every answer is the whole file."""

    def do_GET(self) -> None:
        self.asked.append((self.path, self.headers.get("Range")))
        self.answer(200, next(iter(self.files.values()))[0], "application/octet-stream")


class _Changed(RangedFiles):
    """A file replaced after its first part was read (a new crawl uploaded): its ETag is
    another from the second request on."""

    def do_GET(self) -> None:
        if self.path != "/robots.txt" and any(p != "/robots.txt" for p, _ in self.asked):
            ((name, (data, _)),) = self.files.items()
            type(self).files = {name: (data, '"v2"')}
        super().do_GET()


class _OtherPart(RangedFiles):
    """A server that sends another part than the one asked for."""

    def do_GET(self) -> None:
        self.asked.append((self.path, self.headers.get("Range")))
        data = next(iter(self.files.values()))[0]
        self.answer(206, data[10:20], "application/octet-stream",
                    ("Content-Range", f"bytes 10-19/{len(data)}"))


class _LongerPart(RangedFiles):
    """A server whose answer is longer than the part its Content-Range names."""

    def do_GET(self) -> None:
        self.asked.append((self.path, self.headers.get("Range")))
        data = next(iter(self.files.values()))[0]
        self.answer(206, data[:70_000], "application/octet-stream",
                    ("Content-Range", f"bytes 0-65535/{len(data)}"))


class _NoContentRange(RangedFiles):
    def do_GET(self) -> None:
        self.asked.append((self.path, self.headers.get("Range")))
        self.answer(206, b"PK", "application/octet-stream")


class _Compressed(RangedFiles):
    def do_GET(self) -> None:
        self.asked.append((self.path, self.headers.get("Range")))
        self.answer(206, b"PK", "application/octet-stream", ("Content-Encoding", "gzip"),
                    ("Content-Range", "bytes 0-1/2"))


@pytest.mark.parametrize("case, reason", [
    ("whole", "the server does not send parts of this file (HTTP 200 to a Range request, not "
              "206): download the file, then name it"),
    ("changed", "the file changed while it was read (its ETag or Last-Modified is not what "
                "it was): read it again"),
    ("other part", "a part of the file other than the one asked for (bytes 0-65535 asked, "
                   "bytes 10-19/TOTAL sent)"),
    ("longer part", "a part of the file whose Content-Length (70000) is not its "
                    "Content-Range's (bytes 0-65535/TOTAL)"),
    ("no content-range", "a part of the file sent without a Content-Range that says which "
                         "(bytes FIRST-LAST/SIZE)"),
    ("compressed", "a part of the file sent compressed (gzip), not as it is stored"),
    ("gone", "HTTP 404 Not Found"),
    ("not a zip", "broken WACZ file (not a ZIP archive: BadZipFile)"),
    ("unindexed", "a WACZ file is read over http(s) through its index (indexes/*.cdxj, as "
                  "Browsertrix and py-wacz write it); this one has no index of its records "
                  "that can be read (or its WARC files are stored compressed): download the "
                  "file, then name it"),
    ("unlisted unindexed", "a WACZ file is read over http(s) through its index "
                           "(indexes/*.cdxj, as Browsertrix and py-wacz write it); this one "
                           "has no index of its records that can be read (or its WARC files "
                           "are stored compressed): download the file, then name it"),
])
def test_a_served_wacz_that_cannot_be_read_so_is_one_line_error(tmp_path, case, reason):
    """Whatever the server or the file does wrong, the WACZ file is one error naming its
    URL, and a pass over every record (all of the file) is never how it is read."""
    path = tmp_path / "crawl.wacz"
    _random_wacz(path, RECORDS, [] if case.startswith("unlisted") else LISTED)
    if not case.endswith("unindexed"):
        index_wacz(path)
    data = b"<!doctype html><title>Not a crawl</title>" if case == "not a zip" else (
        path.read_bytes())
    handler = {"whole": _WholeFile, "changed": _Changed, "other part": _OtherPart,
               "longer part": _LongerPart,
               "no content-range": _NoContentRange, "compressed": _Compressed}.get(
                   case, RangedFiles)
    with served(data, handler, "/elsewhere.wacz" if case == "gone" else "/crawl.wacz") as (
            url, asked, _):
        url = url.replace("/elsewhere.wacz", "/crawl.wacz")
        found, errors = items(url)
    assert not found
    assert [(e.source, e.reason) for e in errors] == [
        (url, reason.replace("TOTAL", str(len(data))))]
    assert fetched_bytes(asked, len(data)) < 300_000


def test_a_served_wacz_is_listed_from_its_index_without_reading_a_page(tmp_path):
    """A crawl's index says which capture is what (URL, type, status, digest): the listing
    of a served WACZ file reads its directory, page list and index, and none of its pages'
    records (each one a round trip to where it is kept, one after the other), and lists
    what the file on disk lists, whether the index names its digests' algorithm or not."""
    records, listed = [], []
    for n in range(12):
        listed.append(f"https://news.example/{n}")
        records += [("html", listed[-1], n), ("image", _POOL[3], 300)]
    records.insert(5, ("revisit", _POOL[4], 2))
    path = tmp_path / "crawl.wacz"
    for digests in ("named", "bare"):
        _random_wacz(path, records, [*listed, _POOL[4]])
        index_wacz(path, digests=digests)
        data = path.read_bytes()
        local = items(str(path))
        with served(data) as (url, asked, _):
            remote = items(url)
        assert described(remote, url) == described(local, str(path))
        assert len(remote[0]) == 13 and not remote[1]      # (the revisit's page included)
        ranged = [r for p, r in asked if p != "/robots.txt"]
        # its first 64 KB (its size, and what it holds), then its end: the ZIP's
        # directory, the page list and the index
        assert len(ranged) == 2 and ranged[0] == "bytes=0-65535", asked
        assert len(data) > 3_600_000 and fetched_bytes(asked, len(data)) < 200_000


def test_a_served_wacz_page_its_index_misplaces_is_an_error_when_read(tmp_path):
    """A served file's listing takes its index at its word; the worker that reads a page
    checks that the record is that page's HTML capture: an index that gives two pages each
    other's places, or calls a PDF a page, or a page cut short, is an error for each such
    page, never one page's markup reported as another's. Where the listing itself must read
    a record (the index gives no status) the whole file is one error, as before."""
    records = [("html", _POOL[0], 1), ("image", _POOL[3], 300), ("html", _POOL[1], 2),
               ("pdf", _POOL[2], 0), ("html", _POOL[4], 3)]
    path = tmp_path / "crawl.wacz"
    pages = (_POOL[0], _POOL[1])

    def misplaced(statuses):
        def entries(found):
            first, second = (e for e in found if e["url"] in pages)
            first["url"], second["url"] = second["url"], first["url"]
            for entry in found:
                if entry["url"] == _POOL[2]:
                    entry["mime"] = "text/html"
                if not statuses:
                    del entry["status"]
            return found
        return entries

    _random_wacz(path, records, [_POOL[0], _POOL[1], _POOL[2], _POOL[4]])
    index_wacz(path, misplaced(True))
    mismatch = ("the archive's index does not match its records (where it places this page "
                "is no HTML capture of it): not audited")
    with served(path.read_bytes()) as (url, _, _):
        found, errors = items(url)
        assert not errors
        assert [i.source for i in found] == [f"{url}#{u}" for u in (_POOL[1], _POOL[0],
                                                                   _POOL[2], _POOL[4])]
        outcomes = []
        for item in found:
            try:
                outcomes.append(load(item).data)
            except SourceError as exc:
                outcomes.append((exc.source, exc.reason))
    assert outcomes[:3] == [(i.source, mismatch) for i in found[:3]]
    assert b"<h1>P3</h1>" in outcomes[3]

    _random_wacz(path, records, [_POOL[0], _POOL[1], _POOL[2], _POOL[4]])
    index_wacz(path, misplaced(False))
    with served(path.read_bytes()) as (url, _, _):
        found, errors = items(url)
    assert not found
    assert [(e.source, e.reason) for e in errors] == [(url, (
        "a WACZ file is read over http(s) through its index (indexes/*.cdxj, as Browsertrix "
        "and py-wacz write it); this one has an index that does not match its records: "
        "download the file, then name it"))]


def test_a_served_wacz_page_the_crawler_cut_short_is_the_error_the_file_on_disk_gives(
        tmp_path):
    """The index does not say a record was cut short (WARC-Truncated): the served file's
    listing lists the page, and reading it gives the error the file on disk's listing
    gives; the other captures of the URL are named as on disk."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = io.BytesIO()
    writer = WARCWriter(warc, gzip=True)
    for uri, date, body, extra in [
            (_POOL[0], "2026-11-01T08:00:00Z", b"<h1>Early</h1>", {}),
            (_POOL[0], "2026-11-01T20:00:00.250Z", b"<h1>Late</h1>", {}),
            (_POOL[1], "2026-11-01T08:00:00Z", b"<h1>Long", {"WARC-Truncated": "length"})]:
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), warc_headers_dict={
                "WARC-Date": date, **extra}, http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")))
    path = tmp_path / "crawl.wacz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("archive/data.warc.gz", warc.getvalue())
        archive.writestr("pages/pages.jsonl", f'{{"url": "{_POOL[0]}"}}\n'
                                              f'{{"url": "{_POOL[1]}"}}\n')
    index_wacz(path)
    local = items(str(path))
    cut = "the crawler cut this page short (WARC-Truncated: length): not audited"
    assert [(e.source, e.reason) for e in local[1]] == [(f"{path}#{_POOL[1]}", cut)]
    with served(path.read_bytes()) as (url, _, _):
        found, errors = items(url)
        assert not errors
        assert [i.source for i in found] == [
            f"{url}#{_POOL[0]}", f"{url}#{_POOL[0]}@2026-11-01T20:00:00.250Z",
            f"{url}#{_POOL[1]}"]
        assert [i.source.replace(url, "WACZ") for i in found[:2]] == [
            i.source.replace(str(path), "WACZ") for i in local[0]]
        with pytest.raises(SourceError) as raised:
            load(found[2])
    assert (raised.value.source, raised.value.reason) == (f"{url}#{_POOL[1]}", cut)


def test_a_page_of_a_served_wacz_that_changed_since_it_was_listed_is_an_error(tmp_path):
    """A worker reads its page from the file as the listing found it (size and ETag): one
    replaced since is an error for that page, never another file's bytes audited."""
    path = tmp_path / "crawl.wacz"
    _random_wacz(path, RECORDS, LISTED)
    index_wacz(path)
    with served(path.read_bytes()) as (url, _, files):
        found, _ = items(url)
        outcome: list[object] = []

        def worker() -> None:   # (a thread of its own: no part of the file kept yet)
            try:
                outcome.append(load(found[1]).data[:15])
            except SourceError as exc:
                outcome.append(exc)

        for etag in ('"v1"', '"v2"'):       # the file as listed, then replaced
            ((name, (data, _)),) = files.files.items()
            files.files = {name: (data, etag)}
            thread = threading.Thread(target=worker)
            thread.start()
            thread.join()
    read, error = outcome
    assert read == b"<!doctype html>"
    assert isinstance(error, SourceError)
    assert (error.source, error.reason) == (
        found[1].source, "the file changed while it was read (its ETag or Last-Modified is "
                         "not what it was): read it again")


def test_a_served_file_reads_as_the_file_itself():
    """Whatever is asked of it (seeks from the start, from where it is, from the end; reads
    of any length, across blocks, past the end), a served file reads as the file on disk
    does, and no block is fetched twice while it is kept."""
    from a11y_audit import inputs

    with served(b"") as (url, asked, files):

        @settings(max_examples=int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "25")),
                  deadline=None, database=None)
        @given(size=st.integers(1, 700_000),
               reads=st.lists(st.tuples(st.sampled_from([io.SEEK_SET, io.SEEK_CUR,
                                                         io.SEEK_END]),
                                        st.integers(-300_000, 800_000),
                                        st.integers(0, 300_000)), min_size=1, max_size=12))
        def reads_as_the_file(size, reads):
            data = random.Random(size).randbytes(size)
            ((name, _),) = files.files.items()
            files.files = {name: (data, f'"{size}"')}
            asked.clear()
            remote = inputs._RemoteFile(url)
            with tempfile.TemporaryFile() as local:
                local.write(data)
                local.seek(0)
                try:
                    for whence, offset, count in reads:
                        base = (0, local.tell(), size)[whence]
                        if base + offset < 0:   # (a regular file's EINVAL)
                            with pytest.raises(OSError):
                                local.seek(offset, whence)
                            with pytest.raises(OSError):
                                remote.seek(offset, whence)
                            continue
                        assert remote.seek(offset, whence) == local.seek(offset, whence)
                        assert remote.read(count) == local.read(count)
                        assert remote.tell() == local.tell()
                finally:
                    remote.close()
            ranges = [r for _, r in asked]
            assert len(ranges) == len(set(ranges))

        reads_as_the_file()


@pytest.mark.parametrize("fails_from", [2, 3])
def test_a_served_wacz_that_stops_answering_part_way_is_an_error_after_what_was_read(
        tmp_path, fails_from):
    """A server that stops answering part way (here: its Nth range is a 404) ends the
    file's listing with one error naming it, after the pages found before (the first page
    is in the first range; its directory, list and index in the second; the third is the
    listed redirect's record, where the page it went to is read from)."""
    path = tmp_path / "crawl.wacz"
    _random_wacz(path, [("html", _POOL[0], 1), ("image", _POOL[3], 1000),
                        ("redirect", _POOL[2], 1), ("image", _POOL[3], 1000),
                        ("html", _POOL[1], 2)], [_POOL[0], _POOL[2]])
    index_wacz(path)

    class GoneLater(RangedFiles):
        def do_GET(self) -> None:
            if sum(p != "/robots.txt" for p, _ in self.asked) >= fails_from - 1:
                self.asked.append((self.path, self.headers.get("Range")))
                self.answer(404, b"gone")
                return
            super().do_GET()

    with served(path.read_bytes(), GoneLater) as (url, _, _):
        found, errors = items(url)
    assert [i.source for i in found] == ([] if fails_from == 2 else [f"{url}#{_POOL[0]}"])
    assert [(e.source, e.reason) for e in errors] == [(url, "HTTP 404 Not Found")]


def test_a_served_wacz_lists_what_the_file_on_disk_lists(tmp_path):
    """Whatever a crawl holds (pages, errors, redirects, revisits, stylesheets, images)
    and whatever it lists (pages captured or not; none: every HTML response), the served
    file, its index whole (its digests named by their algorithm, or not, or left out: what
    the index does not tell is read from the record), lists what the file on disk does."""
    with served(b"", name="/crawl.wacz") as (url, _, files):

        @settings(max_examples=int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "20")),
                  deadline=None, database=None)
        @given(records=st.lists(st.tuples(
                   st.sampled_from(["html", "html", "gone", "css", "image", "pdf", "redirect",
                                    "revisit"]),
                   st.sampled_from(_POOL), st.integers(0, 9)), min_size=1, max_size=12),
               listed=st.lists(st.sampled_from([*_POOL, "https://news.example/never"]),
                               min_size=0, max_size=4),
               digests=st.sampled_from(["named", "bare", None]))
        def lists_the_same(records, listed, digests):
            folder = tempfile.mkdtemp(dir=tmp_path)
            path = Path(folder) / "crawl.wacz"
            _random_wacz(path, records, listed)
            index_wacz(path, digests=digests)
            files.files = {"/crawl.wacz": (path.read_bytes(), f'"{folder}"')}
            local, remote = items(str(path)), items(url)
            assert described(remote, url) == described(local, str(path))

        lists_the_same()


def test_a_damaged_served_wacz_gives_pages_and_one_line_errors_never_a_traceback(tmp_path):
    """Bytes flipped and the end cut off a served WACZ file (listed or not, its index
    sound or not): whatever is read is a page or a one-line error, and so is each page read
    (a stylesheet read from the archive included)."""
    from a11y_audit.inputs import warc_stylesheet
    from tests.damage import damaged, pages_read
    from tests.test_inputs import CRAWL

    wholes = {}
    for listed in (True, False):
        whole = tmp_path / f"{listed}.wacz"
        write_wacz(whole, CRAWL, [["https://news.example/", "https://news.example/story"]]
                   if listed else None)
        index_wacz(whole)
        wholes[listed] = whole
    with served(b"", name="/crawl.wacz") as (url, _, files):

        @settings(max_examples=int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "20")),
                  deadline=None, database=None)
        @given(listed=st.booleans(),
               cuts=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=6),
               end=st.floats(0.05, 1))
        def reads_as_pages_or_errors(listed, cuts, end):
            path = damaged(wholes[listed], tmp_path / "damaged.wacz", cuts, end)
            files.files = {"/crawl.wacz": (path.read_bytes(), f'"{listed}{cuts}{end}"')}
            for _, raw in pages_read(url):
                assert isinstance(raw.data, bytes) and raw.url.startswith("https://")
            sheet = warc_stylesheet(url, "https://news.example/css/site.css", 1 << 20)
            assert sheet is None or isinstance(sheet, str)

        reads_as_pages_or_errors()


def test_a_worker_that_serves_run_after_run_reads_a_replaced_wacz_afresh(tmp_path, crawl):
    """A Dask worker audits run after run, and a nightly crawl is replaced at the same URL:
    a worker thread that read last night's file reads tonight's pages and stylesheets from
    tonight's, not from what it kept of last night's (its open file, its blocks, where the
    stylesheets were)."""
    from concurrent.futures import ThreadPoolExecutor

    from a11y_audit.inputs import warc_stylesheet

    nights = []
    for night, css in enumerate((b".print-only{display:none}", b".print-only{color:red}")):
        path = tmp_path / f"{night}.wacz"
        records = [(url, status, kind, css if kind == "text/css" else body)
                   for url, status, kind, body in crawl]
        write_wacz(path, records, [["https://news.example/story"]])
        index_wacz(path)
        nights.append(path.read_bytes())
    css_url = "https://news.example/css/site.css"
    with served(nights[0], name="/crawl.wacz") as (url, _, files), \
            ThreadPoolExecutor(max_workers=1) as worker:     # (one thread, kept throughout)
        read = []
        for night, data in enumerate(nights):
            files.files = {"/crawl.wacz": (data, f'"night-{night}"')}
            (page,), errors = items(url)
            assert not errors
            read.append(worker.submit(lambda page=page: (
                load(page).data, warc_stylesheet(page.location, css_url, 1 << 20))).result())
    assert read[0][1] == ".print-only{display:none}"
    assert read[1][1] == ".print-only{color:red}"
    assert read[0][0] == read[1][0] and b"<h1>Story</h1>" in read[1][0]


def test_a_served_multi_wacz_file_lists_what_the_file_on_disk_lists(tmp_path, crawl):
    """A multi-WACZ file where it is served (a Browsertrix download kept in a bucket): the
    pages of each WACZ file it holds, through their indexes, as on disk; its report, two
    workers, as on disk's, the crawl's stylesheet hiding the print-only logo."""
    from tests.test_inputs import write_multi_wacz

    parts = []
    for number, pages in enumerate((["https://news.example/"],
                                    ["https://news.example/story", "https://news.example/gone"])):
        part = tmp_path / f"crawl-{number}.wacz"
        write_wacz(part, crawl, [pages])
        index_wacz(part)
        parts.append(part)
    multi = tmp_path / "multi.wacz"
    write_multi_wacz(multi, parts)
    local = items(str(multi))
    with served(multi.read_bytes()) as (url, asked, _):
        remote = items(url)
        result = subprocess.run([sys.executable, "-m", "a11y_audit", "check", url, "-j", "2",
                                 "-f", "json", "-o", str(tmp_path / "out"), "--quiet"],
                                capture_output=True, text=True, timeout=300)
    assert described(remote, url) == described(local, str(multi))
    # (each WACZ file holds the whole crawl: each page at two captures, the second named
    # by its date)
    assert [i.source.partition("#")[2].partition("@")[0] for i in remote[0]] == [
        "https://news.example/", "https://news.example/story"] * 2
    assert result.returncode == 2, result.stderr       # (the 404 page)
    report = validate(tmp_path / "out" / "a11y-report.json")
    assert [p["source"] for p in report["pages"]] == sorted(i.source for i in remote[0])
    for story in (p for p in report["pages"] if "/story" in p["source"]):
        assert [f["snippet"] for f in story["findings"] if f["rule"] == "image-alt"] == [
            '<img src="a.jpg">']
    assert all(ranged for path, ranged in asked if path != "/robots.txt")
