"""Inputs: folders with globs, stdin, URL lists, sitemaps, feeds and WARC files, each tested
against a loopback HTTP server or files the test writes."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from a11y_audit.inputs import Input, RawPage, enumerate_inputs, iter_pages, load
from a11y_audit.sources import SourceError
from tests.damage import damaged, pages_read
from tests.loopback import QuietHandler, serving


def page(title: str) -> bytes:
    return (f'<!doctype html><html lang="en"><head><title>{title}</title></head>'
            f"<body><main><h1>{title}</h1><p>Caf\u00e9</p></main></body></html>").encode()


BIG = 50 * 1024 * 1024


@pytest.fixture
def server():
    """Articles, sitemaps, feeds and hostile answers on 127.0.0.1 (stopped after the test:
    a server's thread running through the module would make the worker pools its other
    tests start fork a process of many threads)."""
    routes: dict[str, tuple[bytes, str]] = {}

    class Handler(QuietHandler):
        def do_GET(self):
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.end_headers()
                return
            if self.path == "/moved":
                self.send_response(301)
                self.send_header("Location", "/a")
                self.end_headers()
                return
            if self.path == "/huge":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(BIG))
                self.end_headers()
                chunk = b"<p>" + b"x" * 65533
                try:
                    for _ in range(BIG // len(chunk)):
                        self.wfile.write(chunk)
                except OSError:      # the client stopped reading at its limit
                    pass
                return
            if self.path not in routes:
                self.send_error(404, "Not Found")
                return
            body, kind = routes[self.path]
            body = body.replace(b"{BASE}", base.encode())
            if self.path.endswith(".gz"):
                body = gzip.compress(body)
            self.answer(200, body, kind)

    sitemap = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>{BASE}/a</loc>
    <news:news><news:title>Flood recedes</news:title>
    <news:publication_date>2026-11-30</news:publication_date></news:news></url>
  <url><loc>{BASE}/b</loc></url>
  <url><loc>{BASE}/sport/c</loc></url>
</urlset>"""
    index = b"""<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{BASE}/sitemap.xml</loc></sitemap>
  <sitemap><loc>{BASE}/sitemap-2.xml.gz</loc></sitemap>
  <sitemap><loc>{BASE}/gone.xml</loc></sitemap>
</sitemapindex>"""
    second = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{BASE}/d</loc></url></urlset>"""
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
  <item><title>A</title><link>{BASE}/a</link></item>
  <item><title>B</title><guid isPermaLink="true">{BASE}/b</guid></item>
</channel></rss>"""
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{BASE}/">
  <title>News</title>
  <entry><title>C</title><link rel="self" href="/self"/><link href="sport/c"/></entry>
  <entry><title>D</title><link rel="alternate" type="text/html" href="{BASE}/d"/></entry>
</feed>"""
    xxe = b"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&x;</loc></url></urlset>"""
    # a news sitemap and the month's sitemap both list the day's stories
    overlap = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{BASE}/d</loc></url><url><loc>{BASE}/a</loc></url><url><loc>{BASE}/d</loc></url>
</urlset>"""
    overlapping = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{BASE}/sitemap.xml</loc></sitemap>
  <sitemap><loc>{BASE}/sitemap-month.xml</loc></sitemap>
</sitemapindex>"""
    routes.update({
        "/sitemap-month.xml": (overlap, "application/xml"),
        "/index-overlapping.xml": (overlapping, "application/xml"),
        "/a": (page("A"), "text/html; charset=utf-8"),
        "/b": (page("B"), "text/html"),
        "/sport/c": (page("C"), "text/html"),
        "/d": (page("D"), "application/xhtml+xml"),
        "/photo.png": (b"\x89PNG\r\n\x1a\n", "image/png"),
        "/sitemap.xml": (sitemap, "application/xml"),
        "/sitemap-2.xml.gz": (second, "application/x-gzip"),
        "/index.xml": (index, "text/xml"),
        "/feed.rss": (rss, "application/rss+xml"),
        "/atom.xml": (atom, "application/atom+xml"),
        "/broken.xml": (b"<?xml version='1.0'?><urlset><url>", "application/xml"),
        "/xxe.xml": (xxe, "application/xml"),
        # entries that are no URL at all, beside good ones
        "/bad-locs.xml": (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                          b"<url><loc>https://[::1/x</loc></url><url><loc>{BASE}/a</loc>"
                          b"</url></urlset>", "application/xml"),
        "/bad-links.rss": (b"<rss><channel><item><link>//[::1/x</link></item><item>"
                           b"<link>{BASE}/b</link></item></channel></rss>",
                           "application/rss+xml"),
        "/bad-base.atom": (b'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://[x">'
                           b'<entry><link href="{BASE}/d"/></entry></feed>',
                           "application/atom+xml"),
    })
    with serving(Handler) as httpd:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"


def items(*names, **options):
    found = list(enumerate_inputs(names, **options))
    return ([i for i in found if isinstance(i, Input)],
            [e for e in found if isinstance(e, SourceError)])


def test_folders_recurse_with_include_and_exclude_globs(tmp_path):
    (tmp_path / "news" / "2024").mkdir(parents=True)
    (tmp_path / "sport").mkdir()
    (tmp_path / "news" / "2024" / "flood.html").write_bytes(page("Flood"))
    (tmp_path / "news" / "2024" / "vote.html.gz").write_bytes(gzip.compress(page("Vote")))
    (tmp_path / "sport" / "match.htm").write_bytes(page("Match"))
    (tmp_path / "notes.md").write_text("# not a page")
    everything, errors = items(str(tmp_path))
    assert not errors
    assert [i.source for i in everything] == sorted(i.source for i in everything)
    assert len(everything) == 3
    news, _ = items(str(tmp_path), include=["news/**"])
    assert {i.source.rsplit("/", 1)[1] for i in news} == {"flood.html", "vote.html.gz"}
    no_gz, _ = items(str(tmp_path), exclude=["*.gz"])
    assert {i.source.rsplit("/", 1)[1] for i in no_gz} == {"flood.html", "match.htm"}
    none, errors = items(str(tmp_path), include=["*.xhtml"])
    assert not none and "matching the path globs" in errors[0].reason
    pages = list(iter_pages([str(tmp_path)], exclude=["sport/*"]))
    assert all(isinstance(p, RawPage) for p in pages)
    assert b"Vote" in pages[1].data       # .html.gz is decompressed


def test_stdin_is_one_page():
    (found,), _ = items("-", stdin=io.BytesIO(page("From a pipe")))
    assert found.source == "-"
    assert "From a pipe" in load(found).decode().text


def test_gzipped_stdin_is_detected():
    import gzip

    (found,), _ = items("-", stdin=io.BytesIO(gzip.compress(page("Zipped pipe"))))
    assert "Zipped pipe" in load(found).decode().text
    found, errors = items("-", stdin=io.BytesIO(b"\x1f\x8b" + b"x" * 20))
    assert not found and len(errors) == 1 and "broken gzip data" in errors[0].reason


def test_a_named_url_is_fetched_once_with_its_final_url_and_charset(server):
    (found,), errors = items(f"{server}/moved")
    assert not errors and found.kind == "data"
    raw = load(found)
    assert raw.url == f"{server}/a"
    assert "Café" in raw.decode().text


def test_a_url_list_names_urls_and_paths(tmp_path, server):
    (tmp_path / "local.html").write_bytes(page("Local"))
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# pages to audit\n{server}/a\n\n{server}/b\nlocal.html\n"
                       "ftp://example.invalid/x\nmissing.html\n")
    found, errors = items(str(listing))
    assert [i.source for i in found] == [f"{server}/a", f"{server}/b",
                                         str(tmp_path / "local.html")]
    assert [e.source for e in errors] == [f"{listing}:6", f"{listing}:7"]
    assert [b"<h1>A</h1>" in load(i).data for i in found[:1]] == [True]


def test_a_news_sitemap_lists_articles_with_their_titles(server):
    found, errors = items(f"{server}/sitemap.xml")
    assert not errors
    assert [i.source for i in found] == [f"{server}/a", f"{server}/b", f"{server}/sport/c"]
    assert dict(found[0].meta)["title"] == "Flood recedes"
    only_sport, _ = items(f"{server}/sitemap.xml", include=["sport/*"])
    assert [i.source for i in only_sport] == [f"{server}/sport/c"]


def test_a_sitemap_index_follows_its_sitemaps_including_gzipped_ones(server):
    found, errors = items(f"{server}/index.xml")
    assert [i.source for i in found] == [f"{server}/a", f"{server}/b", f"{server}/sport/c",
                                         f"{server}/d"]
    assert len(errors) == 1 and errors[0].source == f"{server}/gone.xml"
    assert "HTTP 404" in errors[0].reason


def test_a_page_listed_twice_is_audited_once(server, tmp_path):
    """A sitemap index whose sitemaps overlap (the news sitemap and the month's list the
    day's stories), a URL list's repeats, a file named and also in a folder named: each page
    is one input, found first where it was first listed, and fetched once."""
    from a11y_audit.runner import plan

    found, errors = plan([f"{server}/index-overlapping.xml"])
    with found:
        assert not errors
        assert [i.source for i in found] == [f"{server}/{p}" for p in ("a", "b", "d", "sport/c")]
        assert len(found) == 4 and found.added == 6
        # the first listing's: the news sitemap's, with its title
        assert dict(next(iter(found)).meta)["title"] == "Flood recedes"
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "flood.html").write_bytes(page("Flood"))
    listed = tmp_path / "urls.txt"
    listed.write_text(f"{server}/b\n{server}/b\nnews/flood.html\n")
    found, errors = plan([str(tmp_path / "news" / "flood.html"), str(listed),
                          str(tmp_path / "news"), str(tmp_path / "news" / "flood.html")])
    with found:
        assert not errors
        assert [(i.source, i.kind) for i in found] == [
            (str(tmp_path / "news" / "flood.html"), "file"), (f"{server}/b", "url")]
    # an input that cannot be read, named twice, is one error
    _, errors = plan([str(tmp_path / "gone.html"), str(tmp_path / "gone.html")])
    assert [e.source for e in errors] == [str(tmp_path / "gone.html")]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc", "site.zip", "public.tar.gz"])
def test_an_archive_named_by_url_is_refused_before_it_is_fetched(name):
    """A crawl's WARC file is gigabytes, and with no index its pages are found by reading
    all of it: named by its URL, it is a one-line error that says what to do, and nothing
    is fetched (as for a ZIP or tar archive). A WACZ file is read where it is served:
    tests/test_remote_wacz.py."""
    from tests.loopback import serving

    asked = []

    class Handler(QuietHandler):
        def do_GET(self):
            asked.append(self.path)
            self.answer(200, b"WARC/1.1\r\n", "application/warc")

    with serving(Handler) as httpd:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/crawls/{name}?download=1"
        found, errors = items(url)
    assert not found and not asked
    assert [(e.source, e.reason) for e in errors] == [(
        url, "WARC files and ZIP or tar archives are read from disk, not over http(s) (WACZ "
             "files are): download the file, then name it")]


def test_a_local_sitemap_file(tmp_path, server):
    path = tmp_path / "sitemap.xml.gz"
    path.write_bytes(gzip.compress(
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{server}/b'
        "</loc></url></urlset>".encode()))
    (found,), errors = items(str(path))
    assert not errors and found.source == f"{server}/b"
    assert b"<h1>B</h1>" in load(found).data


def test_rss_and_atom_feeds_give_their_articles(server):
    rss, errors = items(f"{server}/feed.rss")
    assert not errors and [i.source for i in rss] == [f"{server}/a", f"{server}/b"]
    atom, errors = items(f"{server}/atom.xml")
    assert not errors and [i.source for i in atom] == [f"{server}/sport/c", f"{server}/d"]
    assert [dict(i.meta)["title"] for i in atom] == ["C", "D"]
    assert b"<h1>D</h1>" in load(atom[1]).data    # application/xhtml+xml is a page


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404"),
        ("/loop", "redirect loop: "),
        ("/huge", "too large"),
        ("/photo.png", "not an HTML page (Content-Type image/png)"),
        ("/broken.xml", "broken XML"),
    ],
    ids=["404", "redirect-loop", "50MB", "non-html", "broken-sitemap"],
)
def test_bad_urls_are_one_line_errors(server, path, message):
    found, errors = items(f"{server}/{path.lstrip('/')}", max_bytes=1024 * 1024)
    assert not found
    (error,) = errors
    assert error.source == f"{server}{path}"
    assert message in error.reason and "\n" not in str(error)


def test_a_dead_url_and_a_failing_article_do_not_stop_the_rest(server):
    dead = "http://127.0.0.1:1/story"
    listing = [dead, f"{server}/a"]
    results = list(iter_pages(listing))
    assert isinstance(results[0], SourceError) and results[0].source == dead
    assert "cannot fetch" in results[0].reason
    assert isinstance(results[1], RawPage)
    gone = Input(f"{server}/gone", "url", f"{server}/gone")
    with pytest.raises(SourceError, match="HTTP 404"):
        load(gone)


def test_listed_entries_that_are_no_urls_fail_alone(server):
    """A sitemap or feed entry that cannot be parsed as a URL fails alone, with a one-line
    error naming it; the listing's other entries are audited (an xml:base that is no URL is
    ignored)."""
    for listing, good in (("bad-locs.xml", "/a"), ("bad-links.rss", "/b"),
                          ("bad-base.atom", "/d")):
        results = list(iter_pages([f"{server}/{listing}"]))
        assert [r.source for r in results if isinstance(r, RawPage)] == [server + good]
        bad = [r for r in results if isinstance(r, SourceError)]
        assert len(bad) == (listing != "bad-base.atom"), listing
        assert all("[" in str(r) and "\n" not in str(r) for r in bad), bad
    # with path globs too: the entry that is no URL is kept, to fail with its own error
    results = list(iter_pages([f"{server}/bad-locs.xml"], include=["a"]))
    assert [r.source for r in results if isinstance(r, RawPage)] == [server + "/a"]
    assert [r.source for r in results if isinstance(r, SourceError)] == ["https://[::1/x"]


def test_sitemap_entities_are_not_expanded(server):
    found, errors = items(f"{server}/xxe.xml")
    assert all("root:" not in i.source for i in found)
    assert not any("root:" in str(e) for e in errors)


def write_warc(path, records, gzipped=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def write(record):
        writer.write_record(record)
        record.raw_stream.close()   # (warcio buffers a payload in a temporary file to digest it)

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzipped)
        for uri, status, ctype, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            write(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers))
        write(writer.create_warc_record(
            "https://news.example/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_warc_html_responses_are_pages_read_by_offset(tmp_path, gzipped):
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    latin = ('<html><body><h1>Caf\xe9</h1></body></html>').encode("latin-1")
    write_warc(path, [
        ("https://news.example/a", "200 OK", "text/html; charset=utf-8", page("A")),
        ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG"),
        ("https://news.example/old", "404 Not Found", "text/html", page("Gone")),
        ("https://news.example/b", "200 OK", "text/html; charset=iso-8859-1", latin),
    ], gzipped)
    found, errors = items(str(path))
    assert not errors
    assert [i.source for i in found] == [f"{path}#https://news.example/a",
                                         f"{path}#https://news.example/b"]
    second = load(found[1])
    assert second.url == "https://news.example/b" and second.meta["charset"] == "iso-8859-1"
    assert "Café" in second.decode().text
    assert b"<h1>A</h1>" in load(found[0]).data
    folder, _ = items(str(tmp_path))        # folders pick WARC files up too
    assert [i.source for i in folder] == [i.source for i in found]


def test_a_warc_page_reads_its_stylesheets_from_the_archive(tmp_path):
    """A crawl keeps a page's stylesheets beside it: the page is judged with them, as a
    browser replaying the archive would show it, and nothing is fetched."""
    from click.testing import CliRunner

    from a11y_audit.cli import main
    from tests.test_cli import validate

    def story(title, sheet):
        return (f'<!doctype html><html lang="en"><title>{title}</title>'
                f'<link rel="stylesheet" href="{sheet}"><main><h1>{title}</h1><p>Text.</p>'
                '<p class="print-only"><img src="/logo.png"></p><img src="/a.jpg"></main>'
                "</html>").encode()

    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        ("https://news.example/a", "200 OK", "text/html", story("A", "/css/site.css")),
        ("https://news.example/css/site.css", "200 OK", "text/css; charset=utf-8",
         b".print-only{display:none}"),
        ("https://news.example/css/old.css", "404 Not Found", "text/css", b".x{}"),
        ("https://news.example/b", "200 OK", "text/html", story("B", "css/old.css")),
    ])
    out = tmp_path / "out"
    CliRunner().invoke(main, ["check", str(path), "-j", "1", "-o", str(out), "-f", "json",
                              "--include-passed"], catch_exceptions=False)
    pages = {p["source"].rpartition("/")[2]: p for p in validate(out / "a11y-report.json")
             ["pages"]}

    def images(name):
        return [(f["outcome"], f["snippet"][:20]) for f in pages[name]["findings"]
                if f["rule"] == "image-alt"]
    # the archive's stylesheet hides the print-only logo: one image to fail
    assert images("a") == [("failed", '<img src="/a.jpg">')]
    # a stylesheet the crawl did not keep (a 404) is missing, as before: both images fail,
    # and what it may hide is to review
    assert [o for o, _ in images("b")] == ["failed", "failed"]
    contrast = [f for f in pages["b"]["findings"] if f["rule"] == "color-contrast"]
    assert contrast and "https://news.example/css/old.css could not be read" in (
        contrast[0]["message"])


def _styled_crawl(path, pages=2):
    """A crawl of ``pages`` stories that link its stylesheet (which hides a print-only logo),
    with a large image between them, as crawls hold far more media than pages."""
    story = ('<!doctype html><html lang="en"><title>{0}</title><link rel="stylesheet" '
             'href="/css/site.css"><main><h1>{0}</h1><p class="print-only">'
             '<img src="/logo.png"></p><img src="/a.jpg"></main></html>')
    write_warc(path, [
        ("https://news.example/css/site.css", "200 OK", "text/css", b".print-only{display:none}"),
        ("https://news.example/css/site.css", "200 OK", "text/css", b"p{color:red}"),
        ("https://news.example/big.jpg", "200 OK", "image/jpeg", bytes(200_000)),
        *((f"https://news.example/{n}", "200 OK", "text/html", story.format(n).encode())
          for n in range(pages)),
    ])


def test_listing_a_crawls_pages_finds_its_stylesheets_on_the_way(tmp_path, monkeypatch):
    """The pages of a WARC file are listed in one pass over it; the stylesheets its pages
    link are found in the same pass, not in a second reading of the whole file (the first
    capture of a URL counts). A file changed since is read again."""
    from a11y_audit import inputs
    from a11y_audit.inputs import warc_stylesheet

    path = tmp_path / "crawl.warc.gz"
    _styled_crawl(path)
    found, errors = items(str(path))
    assert len(found) == 2 and not errors
    read_again = []
    real_records = inputs._records
    monkeypatch.setattr(inputs, "_records", lambda name: read_again.append(name) or
                        real_records(name))
    url = "https://news.example/css/site.css"
    assert warc_stylesheet(str(path), url, 1 << 20) == ".print-only{display:none}"
    assert read_again == []
    write_warc(path, [(url, "200 OK", "text/css", b".x{display:none}")])
    os.utime(path, ns=(1, 1))       # (a file rewritten within the clock's tick)
    assert warc_stylesheet(str(path), url, 1 << 20) == ".x{display:none}"
    assert read_again == [str(path)]


def test_pool_workers_have_the_stylesheets_found_as_the_pages_were_listed(
        tmp_path, monkeypatch):
    """The pool's workers, started once the run's pages are listed, judge a crawl's pages
    with the stylesheets the listing found: none reads the file again (here, one that
    tried would find no stylesheet, and the logo it hides would fail)."""
    from click.testing import CliRunner

    from a11y_audit import batch, inputs
    from a11y_audit.cli import main
    from tests.test_cli import validate

    path = tmp_path / "crawl.warc.gz"
    _styled_crawl(path, pages=6)
    real_plan = batch.plan

    def plan_then_no_reading(*args, **kwargs):
        planned = real_plan(*args, **kwargs)
        monkeypatch.setattr(inputs, "_records", _no_second_reading)
        return planned

    monkeypatch.setattr(batch, "plan", plan_then_no_reading)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", str(path), "-j", "2", "-o", str(out),
                                       "-f", "json"])
    assert result.exit_code == 1, result.output
    report = validate(out / "a11y-report.json")
    assert not report["errors"] and len(report["pages"]) == 6
    assert {tuple(f["snippet"] for f in page["findings"] if f["rule"] == "image-alt")
            for page in report["pages"]} == {('<img src="/a.jpg">',)}


def test_the_stylesheet_indexes_kept_are_bounded(monkeypatch):
    """A run keeps the stylesheet index of each crawl it lists, within a bound of
    stylesheets and of files (the oldest go first); one file beyond the bound is kept alone,
    and a file read again is kept as new."""
    from collections import OrderedDict

    from a11y_audit import inputs

    monkeypatch.setattr(inputs, "_STYLESHEETS", OrderedDict())
    monkeypatch.setattr(inputs, "_stylesheets_held", 0)
    monkeypatch.setattr(inputs, "_STYLESHEETS_KEPT", 5)
    monkeypatch.setattr(inputs, "_STYLESHEET_FILES_KEPT", 3)

    def keep(name, count):
        inputs._keep_stylesheets((name, 0, 0),
                                 {f"https://news.example/{n}.css": n for n in range(count)})
        assert inputs._stylesheets_held == sum(map(len, inputs._STYLESHEETS.values()))
        return [key[0] for key in inputs._STYLESHEETS]

    assert keep("a", 2) == ["a"] and keep("b", 2) == ["a", "b"]
    assert keep("c", 1) == ["a", "b", "c"]          # 5 stylesheets in 3 files
    assert keep("d", 0) == ["b", "c", "d"]          # a fourth file
    assert keep("e", 4) == ["c", "d", "e"]          # 1 + 0 + 4 stylesheets
    assert keep("c", 3) == ["c"]                    # read again: 0 + 4 + 3 is too many
    assert keep("f", 9) == ["f"]


def _no_second_reading(name):
    raise AssertionError(f"{name} read again")


def test_each_capture_of_a_url_is_a_page_and_a_cut_short_one_an_error(tmp_path):
    """A long crawl comes back to a page: each capture is audited and named apart, the later
    ones by their date. The same record written twice is one capture. A record the crawler
    cut short (a size limit) is an error, not a page judged by half its markup; a revisit
    record (content unchanged since a capture) holds no page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from a11y_audit.runner import plan

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)

        def response(uri, date, body, **extra):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                               http_headers=headers,
                                               warc_headers_dict={"WARC-Date": date, **extra})
            writer.write_record(record)

        response("https://news.example/a", "2026-11-01T08:00:00Z", page("Early"))
        response("https://news.example/a", "2026-11-01T20:00:00Z", page("Late"))
        response("https://news.example/a", "2026-11-01T20:00:00Z", page("Late"))
        response("https://news.example/b", "2026-11-01T08:00:00Z", page("Long")[:40],
                 **{"WARC-Truncated": "length"})
        writer.write_record(writer.create_revisit_record(
            "https://news.example/c", digest="sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ",
            refers_to_uri="https://news.example/a",
            refers_to_date="2026-11-01T08:00:00Z",
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                          protocol="HTTP/1.1")))
    found, errors = plan([str(path)])
    with found:
        pages = list(found)
    assert [i.source for i in pages] == [f"{path}#https://news.example/a",
                                         f"{path}#https://news.example/a@2026-11-01T20:00:00Z"]
    assert [b"<h1>Early</h1>" in load(i).data for i in pages] == [True, False]
    assert [b"<h1>Late</h1>" in load(i).data for i in pages] == [False, True]
    assert [load(i).url for i in pages] == ["https://news.example/a"] * 2
    assert [(e.source, e.message) for e in errors] == [(
        f"{path}#https://news.example/b",
        "the crawler cut this page short (WARC-Truncated: length): not audited")]


def test_broken_and_empty_warc_files_are_one_line_errors(tmp_path):
    empty = tmp_path / "empty.warc.gz"
    write_warc(empty, [])
    _, errors = items(str(empty))
    assert [e.reason for e in errors] == ["WARC file holds no HTML response record"]
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"this is not a WARC file\r\n" * 10)
    _, errors = items(str(broken))
    assert len(errors) == 1 and errors[0].reason.startswith("broken WARC file")


def test_resource_records_of_pages_are_pages_too(tmp_path):
    """warcit (a site's folder into a WARC file) and Webrecorder's tools store files as
    resource records, with no HTTP headers: those of an http(s) URL and an HTML type are
    pages, with their stylesheets; a screenshot or a text of a page (urn: URIs) is none."""
    from click.testing import CliRunner
    from warcio.warcwriter import WARCWriter

    from a11y_audit.cli import main
    from tests.test_cli import validate

    path = tmp_path / "site.warc.gz"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for uri, ctype, body in (
                ("https://news.example/story.html", "text/html; charset=utf-8",
                 page("Story").replace(b"<main>", b'<link rel="stylesheet" href="site.css">'
                                       b'<main><img class="print-only" src="logo.png">')),
                ("https://news.example/site.css", "text/css", b".print-only{display:none}"),
                ("urn:textFinal:https://news.example/story.html", "text/html", page("Text")),
                ("urn:view:https://news.example/story.html", "image/png", b"\x89PNG")):
            writer.write_record(writer.create_warc_record(
                uri, "resource", payload=io.BytesIO(body), warc_content_type=ctype))
    found, errors = items(str(path))
    assert not errors
    assert [i.source for i in found] == [f"{path}#https://news.example/story.html"]
    read = load(found[0])
    assert b"<h1>Story</h1>" in read.data and read.meta["charset"] == "utf-8"
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", str(path), "-j", "1", "-o", str(out),
                                       "-f", "json", "--include-passed"])
    assert result.exit_code == 0, result.output
    (story,) = validate(out / "a11y-report.json")["pages"]
    # the stylesheet, a resource record too, hides the print-only logo: nothing to fail
    assert not [f for f in story["findings"] if f["rule"] == "image-alt"]


def test_a_body_kept_as_the_server_sent_it_is_decoded_within_the_page_limit(tmp_path):
    """A browser's crawl keeps a body as the server sent it, chunked and compressed as the
    browser asked (gzip, deflate, brotli, zstd; x-gzip is gzip's old name): each is decoded
    here, within the page limit (a brotli bomb is refused without being inflated whole); a
    coding not read, or two, is a one-line error that names it, never "binary data"."""
    import tracemalloc
    import zlib

    import brotli
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from tests.hostile import zstd_compress

    def chunked(body):
        return b"".join(b"%x\r\n%s\r\n" % (len(body[at:at + 100]), body[at:at + 100])
                        for at in range(0, len(body), 100)) + b"0\r\n\r\n"

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for name, encoding, body, extra in (
                ("gzip", "gzip", gzip.compress(page("G")), ()),
                ("x-gzip", "X-Gzip", gzip.compress(page("X")), ()),
                ("deflate", "deflate", zlib.compress(page("D")), ()),
                ("br", "br", brotli.compress(page("B")), ()),
                ("br-chunked", "br", chunked(brotli.compress(page("C") * 30)),
                 (("Transfer-Encoding", "chunked"),)),
                ("zstd", "zstd", zstd_compress(page("Z")), ()),
                ("bomb", "br", brotli.compress(bytes(64 << 20), quality=5), ()),
                ("both", "gzip, br", brotli.compress(gzip.compress(page("2"))), ()),
                ("compress", "compress", b"\x1f\x9d" + b"\x00" * 40, ())):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"),
                                                  ("Content-Encoding", encoding), *extra],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example/{name}", "response", payload=io.BytesIO(body),
                http_headers=headers, length=len(body)))
    found, errors = items(str(path))
    assert not errors and len(found) == 9
    read, refused = {}, {}
    tracemalloc.start()
    for item in found:
        try:
            read[item.source.rpartition("/")[2]] = load(item, max_bytes=1 << 20).data
        except SourceError as exc:
            refused[item.source.rpartition("/")[2]] = exc.reason
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert read == {"gzip": page("G"), "x-gzip": page("X"), "deflate": page("D"),
                    "br": page("B"), "br-chunked": page("C") * 30, "zstd": page("Z")}
    assert refused == {
        "bomb": "decompressed page is too large (limit 1,048,576 bytes)",
        **{name: f"page compressed with {coding!r} (its Content-Encoding), which is not read: "
                 "only gzip, deflate, br and zstd are"
           for name, coding in (("both", "gzip, br"), ("compress", "compress"))}}
    assert peak < 8 << 20       # the 64 MiB bomb was never inflated whole


def write_wacz(path, records, pages=None, *, compress=False):
    """A WACZ file as Browsertrix writes one: the crawl's WARC file stored in the ZIP
    (``compress``: deflated, as a hand-made ZIP may), ``pages`` (lists of page URLs) as
    ``pages/pages.jsonl`` and ``pages/extraPages.jsonl``, and a datapackage.json."""
    import json
    import zipfile

    warc = path.with_suffix(".warc.gz")
    write_warc(warc, records)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("datapackage.json", json.dumps({"profile": "data-package",
                                                         "wacz_version": "1.1.1"}))
        archive.writestr("archive/data.warc.gz", warc.read_bytes(),
                         compress_type=zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED)
        for name, urls in zip(("pages.jsonl", "extraPages.jsonl"), pages or (), strict=False):
            lines = [{"format": "json-pages-1.0", "id": "pages", "title": "All Pages"},
                     *({"id": str(n), "url": url, "ts": "2026-12-01T10:00:00Z"}
                       for n, url in enumerate(urls))]
            archive.writestr(f"pages/{name}", "\n".join(json.dumps(x) for x in lines) + "\n",
                             compress_type=zipfile.ZIP_DEFLATED)
    warc.unlink()


def index_wacz(path, entries=None, digests="named"):
    """Add the index py-wacz and Browsertrix write (``indexes/index.cdx.gz``: a CDXJ line per
    response, resource and revisit record, sorted by URL as a CDXJ index is) to the WACZ file
    ``path``. ``entries``: a function given the index's entries (dicts) that returns the
    ones to write (a test's damaged or partial index). ``digests``: each record's payload
    digest as its record names it ("named": ``sha1:...``), without a SHA-1's name ("bare",
    as CDX indexes wrote it), or left out (None)."""
    import json
    import zipfile

    from warcio.archiveiterator import ArchiveIterator

    found = []
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if not info.filename.startswith("archive/"):
                continue
            records = ArchiveIterator(io.BytesIO(archive.read(info)), arc2warc=True)
            for record in records:
                if record.rec_type not in ("response", "resource", "revisit"):
                    continue
                if record.rec_type == "revisit":
                    mime, status = "warc/revisit", "-"
                elif record.rec_type == "response":
                    mime = record.http_headers.get_header("Content-Type") or ""
                    status = record.http_headers.get_statuscode()
                else:
                    mime, status = record.rec_headers.get_header("Content-Type") or "", "200"
                uri = record.rec_headers.get_header("WARC-Target-URI")
                digest = record.rec_headers.get_header("WARC-Payload-Digest") or ""
                records.read_to_end(record)
                found.append({"url": uri, "mime": mime.split(";")[0].strip(), "status": status,
                              "offset": str(records.get_record_offset()),
                              "length": str(records.get_record_length()),
                              "filename": info.filename.rpartition("/")[2]})
                if digests and digest:
                    found[-1]["digest"] = (digest.removeprefix("sha1:") if digests == "bare"
                                           else digest)
    if entries is not None:
        found = entries(found)
    lines = sorted(f"{e['url']} 20261201100000 {json.dumps(e)}" for e in found)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("indexes/index.cdx.gz",
                         gzip.compress(("\n".join(lines) + "\n").encode()))


CRAWL = [
    ("https://news.example/", "200 OK", "text/html", page("Home")),
    ("https://news.example/css/site.css", "200 OK", "text/css", b".print-only{display:none}"),
    ("https://ads.example/frame", "200 OK", "text/html", page("Ad")),
    ("https://news.example/old", "301 Moved Permanently", "text/html", b""),
    ("https://news.example/story", "200 OK", "text/html",
     page("Story").replace(b"<main>", b'<link rel="stylesheet" href="/css/site.css"><main>'
                           b'<p class="print-only"><img src="logo.png"></p><img src="a.jpg">')),
    ("https://news.example/report.pdf", "200 OK", "application/pdf", b"%PDF-1.7"),
    ("https://news.example/gone", "404 Not Found", "text/html", page("Gone")),
]


@pytest.fixture
def crawl(monkeypatch):
    """CRAWL's records; the redirect says where it went."""
    from warcio.warcwriter import WARCWriter

    create = WARCWriter.create_warc_record

    def with_location(self, uri, record_type, *args, http_headers=None, **kwargs):
        if http_headers is not None and uri.endswith("/old"):
            http_headers.add_header("Location", "/story")
        return create(self, uri, record_type, *args, http_headers=http_headers, **kwargs)

    monkeypatch.setattr(WARCWriter, "create_warc_record", with_location)
    return CRAWL


def test_a_wacz_gives_the_captures_of_the_pages_it_lists(tmp_path, crawl):
    """Browsertrix's WACZ: the pages it lists (the seed, and the pages found from it) are
    audited, not every HTML document the crawl fetched (an ad's frame); a listed page that
    redirected is audited where it went; one captured as no page, or not at all, is an error
    of its own. Records are read where the ZIP stores them, stylesheets too."""
    from click.testing import CliRunner

    from a11y_audit.cli import main
    from a11y_audit.runner import plan
    from tests.test_cli import validate

    path = tmp_path / "crawl.wacz"
    write_wacz(path, crawl, [["https://news.example/"],
                             ["https://news.example/old", "https://news.example/report.pdf",
                              "https://news.example/gone#top", "https://news.example/never"]])
    found, errors = plan([str(path)])
    with found:
        pages = list(found)
    assert [i.source for i in pages] == [f"{path}#https://news.example/",
                                         f"{path}#https://news.example/story"]
    assert [b"<h1>Home</h1>" in load(pages[0]).data, b"<h1>Story</h1>" in load(pages[1]).data
            ] == [True, True]
    assert sorted((e.source.partition("#")[2], e.message) for e in errors) == [
        ("https://news.example/gone", "captured with HTTP status 404: not audited"),
        ("https://news.example/never", "not captured in the archive"),
        ("https://news.example/report.pdf", "not an HTML page (Content-Type application/pdf)"),
    ]
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", str(path), "-j", "1", "-o", str(out),
                                       "-f", "json", "--include-path", "story"])
    assert result.exit_code == 1, result.output     # the path globs: no error for the rest
    report = validate(out / "a11y-report.json")
    assert not report["errors"]
    (story,) = report["pages"]
    # the crawl's stylesheet, read from the WACZ, hides the print-only logo
    assert [f["snippet"] for f in story["findings"] if f["rule"] == "image-alt"] == [
        '<img src="a.jpg">']


def test_a_listed_page_captured_as_unchanged_is_audited_from_the_capture_it_repeats(
        tmp_path):
    """A crawler that deduplicates writes a revisit record, not the body again, for a page
    whose content it already holds (a URL variant, a page fetched twice). A listed page
    captured only so is audited from the capture it repeats, under its own URL; one whose
    capture the archive does not hold (an earlier crawl's) is an error; a revisit of a
    page audited already adds nothing."""
    import json
    import zipfile

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from a11y_audit.runner import plan

    def headers():
        return StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")

    warc = tmp_path / "data.warc.gz"
    with open(warc, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        first = writer.create_warc_record("https://news.example/a", "response",
                                          payload=io.BytesIO(page("A")), http_headers=headers())
        writer.write_record(first)
        digest = first.rec_headers.get_header("WARC-Payload-Digest")
        for uri, same in (("https://news.example/a?utm=x", digest),
                          ("https://news.example/a", digest),
                          ("https://news.example/old", "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")):
            writer.write_record(writer.create_revisit_record(
                uri, digest=same, refers_to_uri="https://news.example/a",
                refers_to_date="2026-12-01T10:00:00Z", http_headers=headers()))
    path = tmp_path / "crawl.wacz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(warc, "archive/data.warc.gz")
        archive.writestr("pages/pages.jsonl", "\n".join(json.dumps({"url": url}) for url in (
            "https://news.example/a", "https://news.example/a?utm=x",
            "https://news.example/old")))
    found, errors = plan([str(path)])
    with found:
        pages = list(found)
    assert [i.source.partition("#")[2] for i in pages] == [
        "https://news.example/a", "https://news.example/a?utm=x"]
    assert [(load(i).url, b"<h1>A</h1>" in load(i).data) for i in pages] == [
        ("https://news.example/a", True), ("https://news.example/a?utm=x", True)]
    assert [(e.source.partition("#")[2], e.message) for e in errors] == [(
        "https://news.example/old", "captured as unchanged since a capture this archive does "
                                    "not hold (a revisit record): not audited")]


def test_a_wacz_that_lists_no_page_gives_every_html_response(tmp_path, crawl):
    (tmp_path / "crawls").mkdir()
    path = tmp_path / "crawls" / "crawl.wacz"
    write_wacz(path, crawl)
    found, errors = items(str(path))
    assert not errors
    assert [i.source.partition("#")[2] for i in found] == [
        "https://news.example/", "https://ads.example/frame", "https://news.example/story"]
    folder, _ = items(str(tmp_path / "crawls"))     # folders pick WACZ files up too
    assert [i.source for i in folder] == [i.source for i in found]


def test_a_page_list_line_too_long_to_read_is_an_error(tmp_path, crawl, monkeypatch):
    """A crawler may add each page's text to its list: a line beyond the limit is not held
    in memory, and the page it lists is not silently dropped: the line is an error."""
    import json
    import zipfile

    monkeypatch.setattr("a11y_audit.inputs._MAX_LIST_LINE", 300)
    path = tmp_path / "crawl.wacz"
    write_wacz(path, crawl, [["https://news.example/"]])
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("pages/extraPages.jsonl", "\n".join(json.dumps(entry) for entry in (
            {"url": "https://news.example/story", "text": "Story " * 100},
            {"url": "https://news.example/gone", "text": "Gone"})) + "\n")
    found, errors = items(str(path))
    assert [i.source.partition("#")[2] for i in found] == ["https://news.example/"]
    assert sorted((e.source.partition("#")[2], e.reason) for e in errors) == [
        ("https://news.example/gone", "captured with HTTP status 404: not audited"),
        ("pages/extraPages.jsonl:1", "line longer than 300 bytes: not read")]


@settings(max_examples=int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "20")), deadline=None,
          database=None, suppress_health_check=[HealthCheck.too_slow,
                                                HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["wacz", "wacz-unlisted", "multi-wacz", "warc.gz", "warc"]),
       cuts=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=6),
       end=st.floats(0.05, 1))
def test_a_damaged_web_archive_gives_pages_and_one_line_errors_never_a_traceback(
        tmp_path, crawl, kind, cuts, end):
    """Bytes flipped and the end cut off a WACZ (or multi-WACZ) or WARC file: whatever is
    read is a page or a one-line error, and so is each page read (a stylesheet read from the
    archive included)."""
    from a11y_audit.inputs import warc_stylesheet

    whole = tmp_path / f"whole.{kind.removesuffix('-unlisted').removeprefix('multi-')}"
    if kind == "multi-wacz":
        inner = [tmp_path / "crawl-1.wacz", tmp_path / "crawl-2.wacz"]
        write_wacz(inner[0], crawl, [["https://news.example/"]])
        write_wacz(inner[1], crawl, [["https://news.example/story", "https://news.example/old"]])
        index_wacz(inner[1])
        write_multi_wacz(whole, inner)
    elif kind.startswith("wacz"):
        write_wacz(whole, crawl, None if kind == "wacz-unlisted" else [
            ["https://news.example/"], ["https://news.example/old", "https://news.example/gone"]])
    else:
        write_warc(whole, crawl, gzipped=kind == "warc.gz")
    path = damaged(whole, tmp_path / whole.name.replace("whole", "damaged"), cuts, end)
    for _, raw in pages_read(path):
        assert isinstance(raw.data, bytes) and raw.url.startswith("https://")
    sheet = warc_stylesheet(str(path), "https://news.example/css/site.css", 1 << 20)
    assert sheet is None or isinstance(sheet, str)


_POOL = ["https://news.example/a", "https://news.example/b", "https://news.example/c",
         "https://news.example/photo.jpg", "https://news.example/site.css"]


def _random_wacz(path, records, listed):
    """A WACZ file of ``records`` (kind, URL, argument), listing ``listed``."""
    import json
    import random
    import tempfile
    import zipfile

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    digests = []
    with tempfile.TemporaryFile() as warc:
        writer = WARCWriter(warc, gzip=True)
        for kind, uri, argument in records:
            if kind == "revisit":
                digest = digests[argument % len(digests)] if digests else "sha1:" + "A" * 32
                record = writer.create_revisit_record(
                    uri, digest=digest, refers_to_uri=_POOL[0],
                    refers_to_date="2026-12-01T10:00:00Z",
                    http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                                  protocol="HTTP/1.1"))
            else:
                status, ctype, body = {
                    "html": ("200 OK", "text/html; charset=utf-8", page(f"P{argument}")),
                    "gone": ("404 Not Found", "text/html", page("Gone")),
                    "css": ("200 OK", "text/css", b".print-only{display:none}"),
                    "image": ("200 OK", "image/jpeg",     # (as incompressible as one)
                              random.Random(argument).randbytes(argument * 1000)),
                    "pdf": ("200 OK", "application/pdf", b"%PDF-1.7"),
                    "redirect": ("302 Found", "text/html", b""),
                }[kind]
                headers = [("Content-Type", ctype)]
                if kind == "redirect":
                    headers.append(("Location", _POOL[argument % len(_POOL)]))
                record = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body),
                    http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"))
            writer.write_record(record)
            record.raw_stream.close()
            if kind == "html":
                digests.append(record.rec_headers.get_header("WARC-Payload-Digest"))
        warc.seek(0)
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("archive/data.warc.gz", warc.read())
            archive.writestr("pages/pages.jsonl", "\n".join(
                json.dumps({"url": url}) for url in listed) + "\n")


def _listed_both_ways(path, monkeypatch):
    """The listing of a WACZ file by its index, and by a pass over every record (each
    sorted, as a run sorts what it finds: where the index does not hold, the pass gives what
    the walk had not given yet, after it)."""
    from a11y_audit import inputs

    walked = items(str(path))
    with monkeypatch.context() as patched:
        patched.setattr(inputs, "_wacz_index", lambda name: None)
        passed = items(str(path))
    return (sorted(repr(x) for x in (*walked[0], *walked[1])),
            sorted(repr(x) for x in (*passed[0], *passed[1])))


@settings(max_examples=int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "20")), deadline=None,
          database=None, suppress_health_check=[HealthCheck.too_slow,
                                                HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.tuples(
           st.sampled_from(["html", "html", "gone", "css", "image", "pdf", "redirect",
                            "revisit"]),
           st.sampled_from(_POOL), st.integers(0, 9)), min_size=1, max_size=12),
       listed=st.lists(st.sampled_from([*_POOL, "https://news.example/never"]), min_size=1,
                       max_size=4),
       damage=st.sampled_from(["none", "swap", "shift", "drop-listed", "twice"]))
def test_a_wacz_listed_by_its_index_gives_what_a_pass_over_every_record_gives(
        tmp_path, monkeypatch, records, listed, damage):
    """A WACZ file's index lets the listing read its pages, stylesheets and the records of
    the URLs it wants, and skip the images and video that are most of a crawl: what it
    gives is what reading every record gives, in the same order (each capture, redirects
    followed, revisits, pages not captured), and so where the index does not hold: a
    record not where it says or of another URL, a listed page it does not list; and a
    record the index lists twice is read once. (A capture
    it leaves out while it lists another of the same page, or a page it gives another type,
    cannot be seen without reading every record: the index is taken at its word there, as
    replay tools take it.)"""
    import random
    import tempfile

    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = folder / "crawl.wacz"
    _random_wacz(path, records, listed)

    def damaged(entries):
        chosen = random.Random(len(entries))
        if damage == "swap" and len(entries) > 1:
            first, second = chosen.sample(range(len(entries)), 2)
            entries[first]["url"], entries[second]["url"] = (
                entries[second]["url"], entries[first]["url"])
        elif damage == "shift" and entries:
            entry = chosen.choice(entries)
            entry["offset"] = str(int(entry["offset"]) + 7)
        elif damage == "drop-listed":
            gone = chosen.choice(listed)
            entries = [e for e in entries if e["url"] != gone]
        elif damage == "twice" and entries:
            entries.append(dict(chosen.choice(entries)))
        return entries

    index_wacz(path, damaged)
    if damage in ("none", "swap", "twice"):
        from a11y_audit.inputs import _wacz_index
        assert _wacz_index(str(path)) is not None      # (the walk is what is compared)
    walked, passed = _listed_both_ways(path, monkeypatch)
    assert walked == passed


def _bytes_read(monkeypatch):
    """A list the bytes each read of a WARC file in a WACZ file go into (so far)."""
    from a11y_audit import inputs

    read = []
    real = inputs._Stretch.readinto

    def counted(self, buffer):
        done = real(self, buffer)
        read.append(done)
        return done

    monkeypatch.setattr(inputs._Stretch, "readinto", counted)
    return read


def test_a_wacz_listed_by_its_index_does_not_read_its_images(tmp_path, monkeypatch):
    """The walk of the index reads the pages and stylesheets, not the images between them
    (here 2 MB of them); the same pages are listed."""
    from a11y_audit import inputs

    path = tmp_path / "crawl.wacz"
    records = [("html", _POOL[0], 1), ("image", _POOL[3], 1000), ("css", _POOL[4], 0),
               ("image", _POOL[3], 1000), ("html", _POOL[1], 2)]
    _random_wacz(path, records, [_POOL[0], _POOL[1]])
    index_wacz(path)
    read = _bytes_read(monkeypatch)
    walked = items(str(path))
    walk_read, read[:] = sum(read), []
    with monkeypatch.context() as patched:
        patched.setattr(inputs, "_wacz_index", lambda name: None)
        passed = items(str(path))
    assert repr(walked) == repr(passed) and len(walked[0]) == 2 and not walked[1]
    assert walk_read < 100_000 and sum(read) > 2_000_000


def test_a_worker_that_did_not_list_a_wacz_finds_its_stylesheets_through_its_index(
        tmp_path, monkeypatch):
    """A Dask worker, which did not list the file, finds a WACZ file's stylesheets through
    its index: the stylesheets are read, not the images (here 2 MB of them); where the
    index does not hold, every record is read, and the stylesheet is still found."""
    from collections import OrderedDict

    from a11y_audit import inputs
    from a11y_audit.inputs import warc_stylesheet

    records = [("html", _POOL[0], 1), ("image", _POOL[3], 1000), ("css", _POOL[4], 0),
               ("image", _POOL[3], 1000), ("html", _POOL[1], 2)]
    sound, wrong = tmp_path / "sound.wacz", tmp_path / "wrong.wacz"
    for path in (sound, wrong):
        _random_wacz(path, records, [_POOL[0], _POOL[1]])
    index_wacz(sound)

    def css_of_a_page(entries):
        for entry in entries:
            if entry["url"] == _POOL[4]:
                entry["url"] = _POOL[0]
        return entries

    index_wacz(wrong, css_of_a_page)
    read = _bytes_read(monkeypatch)
    for path, most in ((sound, 100_000), (wrong, None)):
        monkeypatch.setattr(inputs, "_STYLESHEETS", OrderedDict())    # (nothing listed)
        monkeypatch.setattr(inputs, "_stylesheets_held", 0)
        read.clear()
        assert warc_stylesheet(str(path), _POOL[4], 1 << 20) == ".print-only{display:none}"
        assert sum(read) < most if most else sum(read) > 2_000_000


def test_broken_wacz_files_are_one_line_errors(tmp_path, crawl):
    import zipfile

    from warcio.archiveiterator import ArchiveIterator

    not_zip = tmp_path / "a.wacz"
    not_zip.write_bytes(b"WARC/1.1\r\n" * 20)
    deflated = tmp_path / "b.wacz"
    write_wacz(deflated, crawl, compress=True)
    no_warc = tmp_path / "c.wacz"
    with zipfile.ZipFile(no_warc, "w") as archive:
        archive.writestr("pages/pages.jsonl", '{"url": "https://news.example/"}\n')
    cut = tmp_path / "d.wacz"
    write_wacz(cut, crawl)
    with zipfile.ZipFile(cut) as archive:
        info = archive.getinfo("archive/data.warc.gz")
        records = ArchiveIterator(io.BytesIO(archive.read(info)))
        story = next(records.get_record_offset() for record in records
                     if record.rec_headers.get_header("WARC-Target-URI").endswith("/story"))
    data = bytearray(cut.read_bytes())
    # the story's record broken, past the first records: a place the crawl's random ids and
    # dates do not move (a quarter from the end landed, 1 time in 10, in the trailer of the
    # PDF's record, which nothing reads to its end)
    at = info.header_offset + 30 + len(info.filename) + len(info.extra) + story + 16
    data[at:at + 64] = bytes(64)
    cut.write_bytes(bytes(data))
    reasons = {}
    for path in (not_zip, deflated, no_warc, cut):
        found, errors = items(str(path))
        reasons[path.name] = ([i.source.partition("#")[2] for i in found],
                              [(e.source.partition("#")[2], e.reason) for e in errors])
    assert reasons["a.wacz"] == ([], [("", "broken WACZ file (not a ZIP archive: BadZipFile)")])
    assert reasons["b.wacz"] == ([], [
        ("archive/data.warc.gz", "WARC file compressed or encrypted in the WACZ: its records "
                                 "cannot be read where they are (the format stores archive/ "
                                 "files: zip -0)")])
    assert reasons["c.wacz"] == ([], [("", "WACZ file holds no WARC file (archive/*.warc.gz)")])
    pages, errors = reasons["d.wacz"]
    assert pages[:2] == ["https://news.example/", "https://ads.example/frame"]
    assert [(source, reason.partition(" (")[0]) for source, reason in errors] == [
        ("archive/data.warc.gz", "broken WARC file in the WACZ")]


def _rglob_files(root):
    """What the folder walk replaced: every file under ``root`` by pathlib, sorted (a
    reference computed another way, with every path held at once)."""
    from pathlib import Path

    from a11y_audit.inputs import FOLDER_SUFFIXES

    return [str(p) for p in sorted(Path(root).rglob("*"))
            if p.name.lower().endswith(FOLDER_SUFFIXES) and not p.is_dir()]


@pytest.fixture
def tricky_folder(tmp_path):
    """Names whose order differs part by part and character by character ("a-c" sorts
    before "a/x" as text, after it part by part), hidden files, upper case, a folder named
    like a page, a link to a folder (not followed) and a dangling link (kept, refused when
    read)."""
    root = tmp_path / "site"
    for relative in ("a/x.html", "a-c.html", "a.b/y.HTML", "A.html", "b/.hidden.htm",
                     "b/c/d/deep.html.gz", "b/c/e.html", "b/notes.txt", "z.html",
                     "dir.html/inside.html"):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page(relative))
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "linked.html").write_bytes(page("linked"))
    (root / "link").symlink_to(tmp_path / "elsewhere")
    (root / "linked-folder.html").symlink_to(tmp_path / "elsewhere")
    (root / "gone.html").symlink_to(tmp_path / "nowhere.html")
    return root


def test_a_folder_is_walked_as_a_sorted_rglob_of_its_files(tricky_folder, monkeypatch):
    expected = _rglob_files(tricky_folder)
    assert len(expected) == 10 and not any("linked" in name for name in expected)
    assert expected[0].endswith("/site/A.html") and expected[-1].endswith("/site/z.html")
    found, errors = items(str(tricky_folder))
    assert not errors
    assert [i.source for i in found] == expected    # the walk's own order, before any sort
    assert all(i.location == i.source and i.kind == "file" for i in found)
    # the name as given shapes the sources as pathlib would: a trailing slash, "./", "."
    monkeypatch.chdir(tricky_folder.parent)
    for name in ("site/", "./site", "site//b"):
        assert [i.source for i in items(name)[0]] == _rglob_files(name)
    monkeypatch.chdir(tricky_folder / "b")
    assert [i.source for i in items(".")[0]] == _rglob_files(".") == [
        ".hidden.htm", "c/d/deep.html.gz", "c/e.html"]


def test_a_folders_globs_see_paths_relative_to_it(tricky_folder):
    found, _ = items(str(tricky_folder), include=["b/**"], exclude=["*.gz"])
    assert [i.source.removeprefix(f"{tricky_folder}/") for i in found] == [
        "b/.hidden.htm", "b/c/e.html"]


def test_enumerating_a_run_holds_one_folder_and_one_sorted_run_at_a_time(tmp_path,
                                                                        monkeypatch):
    """Memory while a run's inputs are enumerated and read back in order does not grow with
    their number: the folder walk holds one folder's names, the sort one run of inputs (the
    rest are on disk) and one block of each run while merging. Before, every path of the run
    was held at once: the peak grew with the run (about 4x here)."""
    import tracemalloc

    from a11y_audit import runner
    from a11y_audit.spool import SortedSpool

    monkeypatch.setattr(SortedSpool, "RUN", 250)
    monkeypatch.setattr(SortedSpool, "BLOCK", 8)

    def peak(folders: int) -> tuple[int, int]:
        root = tmp_path / f"run{folders}"
        for f in range(folders):
            folder = root / f"{(f * 7) % folders:03d}"   # created out of order
            folder.mkdir(parents=True)
            for n in range(100):
                (folder / f"page-{n:03d}-{'x' * 60}.html").touch()
        tracemalloc.start()
        try:
            found, errors = runner.plan([str(root)])
            with found:
                runs, read, ordered, previous = found.spilled, 0, True, ""
                for item in found:      # read back in order: the runs merged
                    ordered = ordered and previous <= item.source
                    previous = item.source
                    read += 1
            top = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert not errors and ordered and runs == folders * 100 // 250
        return read, top

    short, long = peak(10), peak(40)
    assert short[0] == 1000 and long[0] == 4000
    assert long[1] < 1.5 * short[1] + 64 * 1024, (short, long)


def test_an_input_pickles_with_every_field():
    """Inputs cross to workers and into the run's sorted spool pickled by their values (a
    field added to Input and not to its pickling would be lost on the way)."""
    import dataclasses
    import pickle

    names = [f.name for f in dataclasses.fields(Input)]
    item = Input("s\u00e9", "warc", "a.warc", offset=7, data=b"x", meta=(("url", "u"),))
    assert len(item.__reduce__()[1]) == len(names)     # every field is pickled
    back = pickle.loads(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == item and back is not item
    assert [getattr(back, name) for name in names] == [
        "s\u00e9", "warc", "a.warc", 7, b"x", (("url", "u"),)]


def write_multi_wacz(path, inner, *, compress=()):
    """A multi-WACZ file, as Browsertrix downloads a crawl of more than one WACZ file: a
    datapackage.json of profile "multi-wacz-package" and the WACZ files ``inner`` (paths),
    stored as they are (``compress``: the names of those deflated instead)."""
    import json
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("datapackage.json", json.dumps({
            "profile": "multi-wacz-package",
            "resources": [{"name": p.name, "path": p.name, "bytes": p.stat().st_size}
                          for p in inner]}))
        for part in inner:
            archive.writestr(part.name, part.read_bytes(), compress_type=(
                zipfile.ZIP_DEFLATED if part.name in compress else zipfile.ZIP_STORED))


@pytest.mark.parametrize("indexed", [True, False], ids=["indexed", "unindexed"])
def test_a_multi_wacz_file_gives_the_pages_of_each_wacz_file_it_holds(tmp_path, indexed,
                                                                      monkeypatch):
    """Browsertrix downloads a crawl of several WACZ files as one multi-WACZ file: its pages
    are those each inner WACZ file gives, named by the outer file and read from it where
    they are (the same bytes), through their indexes or a pass over every record alike; a
    page captured in two of them is audited at each capture."""
    from a11y_audit import inputs

    first, second = tmp_path / "crawl-1.wacz", tmp_path / "crawl-2.wacz"
    _random_wacz(first, [("html", _POOL[0], 1), ("image", _POOL[3], 200), ("css", _POOL[4], 0),
                         ("gone", _POOL[2], 0)], [_POOL[0], _POOL[2]])
    _random_wacz(second, [("html", _POOL[1], 2), ("image", _POOL[3], 100),
                          ("html", _POOL[0], 3)], [_POOL[1], _POOL[0]])
    for part in (first, second):
        if indexed:
            index_wacz(part)
    multi = tmp_path / "multi.wacz"
    write_multi_wacz(multi, [first, second])
    found, errors = items(str(multi))
    assert [i.source for i in found] == [f"{multi}#{_POOL[0]}", f"{multi}#{_POOL[1]}",
                                         f"{multi}#{_POOL[0]}@{_dates(found[2])}"]
    assert [(e.source, e.reason) for e in errors] == [
        (f"{multi}#{_POOL[2]}", "captured with HTTP status 404: not audited")]
    alone = [load(i).data for part in (first, second) for i in items(str(part))[0]]
    assert [load(i).data for i in found] == alone
    assert [b"<h1>P1</h1>" in d for d in alone] == [True, False, False]
    if indexed:     # (the walk of the indexes gives what the pass over every record gives)
        with monkeypatch.context() as patched:
            patched.setattr(inputs, "_wacz_index", lambda name: None)
            assert repr(items(str(multi))) == repr((found, errors))


def _dates(item):
    """The date a second capture is named by (after its "@")."""
    return item.source.rpartition("@")[2]


def test_a_multi_wacz_file_with_a_compressed_wacz_file_gives_the_others_pages(tmp_path):
    """An inner WACZ file stored compressed cannot be read where it is: an error naming it;
    the pages of the others are audited."""
    first, second = tmp_path / "crawl-1.wacz", tmp_path / "crawl-2.wacz"
    _random_wacz(first, [("html", _POOL[0], 1)], [_POOL[0]])
    _random_wacz(second, [("html", _POOL[1], 2)], [_POOL[1]])
    for part in (first, second):
        index_wacz(part)
    multi = tmp_path / "multi.wacz"
    write_multi_wacz(multi, [first, second], compress={"crawl-2.wacz"})
    found, errors = items(str(multi))
    assert [i.source for i in found] == [f"{multi}#{_POOL[0]}"]
    assert [(e.source, e.reason) for e in errors] == [(
        f"{multi}#crawl-2.wacz", "WACZ file compressed or encrypted in the multi-WACZ file: "
        "it cannot be read where it is (Browsertrix stores them: zip -0)")]
