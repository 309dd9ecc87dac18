"""Reading pages: encodings, gzip, limits and bad input, each a one-line error."""

from __future__ import annotations

import gzip

import pytest

from a11y_audit import sources
from a11y_audit.sources import SourceError, decode, read
from tests.fresh import run_fresh

UMLAUT = "<html><head>{meta}</head><body><h1>Größte Überschwemmung</h1></body></html>"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (UMLAUT.format(meta="").encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + UMLAUT.format(meta="").encode("utf-8"), "utf-8"),
        (UMLAUT.format(meta='<meta charset="iso-8859-1">').encode("latin-1"), "iso-8859-1"),
        (UMLAUT.format(meta='<meta http-equiv="Content-Type" content="text/html; '
                            'charset=windows-1252">').encode("cp1252"), "windows-1252"),
        (b"\xff\xfe" + UMLAUT.format(meta="").encode("utf-16-le"), "utf-16le"),
    ],
    ids=["utf8", "utf8-bom", "meta-charset", "http-equiv", "utf16-bom"],
)
def test_decoding(raw, encoding):
    text, found = decode(raw, "x.html")
    assert "Größte Überschwemmung" in text
    assert found.replace("_", "-").lower() == encoding


def test_undeclared_legacy_encoding_is_detected():
    raw = UMLAUT.format(meta="").encode("cp1252")
    text, _ = decode(raw, "x.html")
    assert "Größte" in text


def test_gzip_is_read_transparently(tmp_path):
    path = tmp_path / "a.html.gz"
    path.write_bytes(gzip.compress(UMLAUT.format(meta="").encode()))
    assert "Überschwemmung" in read(str(path)).text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"   \n\t ", "file is empty"),
        (b"\x00\x01\x02\x03binary\x00", "not HTML: binary data"),
        (b"just words, no markup at all", "does not look like HTML (no markup)"),
        (b"\x1f\x8b\x09\x00broken", "broken gzip data"),
        (gzip.compress(b"<p>cut off</p>" * 100)[:-12], "truncated gzip data"),
    ],
    ids=["empty", "blank", "binary", "no-markup", "bad-gzip", "truncated-gzip"],
)
def test_bad_files_give_one_line_errors(tmp_path, content, message):
    path = tmp_path / "page.html"
    path.write_bytes(content)
    with pytest.raises(SourceError) as info:
        read(str(path))
    assert info.value.reason.startswith(message)
    assert str(info.value).startswith(f"{path}: ") and "\n" not in str(info.value)


def test_size_limit(tmp_path):
    path = tmp_path / "huge.html"
    path.write_bytes(b"<p>" + b"x" * 2000 + b"</p>")
    with pytest.raises(SourceError, match="too large"):
        read(str(path), max_bytes=1000)
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"x" * 5000))
    with pytest.raises(SourceError, match="decompressed page is too large"):
        read(str(bomb), max_bytes=1000)


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.html"
    path.write_text("<p>x</p>")

    def refuse(name, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(name))

    monkeypatch.setattr(sources.os, "open", refuse)  # root can read mode-000 files anyway
    with pytest.raises(SourceError, match="permission denied"):
        read(str(path))


def test_dead_url_is_an_error_not_a_traceback():
    # Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    with pytest.raises(SourceError) as info:
        read("http://127.0.0.1:9/article.html")
    assert info.value.reason.startswith("cannot fetch")


def test_expand_names_missing_sources_and_empty_folders(tmp_path):
    (tmp_path / "empty").mkdir()
    items = list(sources.expand([str(tmp_path / "nope.html"), str(tmp_path / "empty")]))
    assert [i.reason for i in items] == ["no such file or folder",
                                         "folder holds no .html, .htm or .html.gz files"]


def test_broken_utf8_is_decoded_not_refused():
    raw = b'<html><head><meta charset="utf-8"></head><body><h1>Caf\xe9 \xff\xfe opens</h1>' \
          b"</body></html>"
    text, _ = decode(raw, "x.html")
    assert "opens" in text and "<h1>" in text


@pytest.fixture
def server():
    """A loopback HTTP server with an article, a PNG and a 404 (bounded: stopped after the test)."""
    import http.server
    import threading

    article = ('<html><head><meta charset="windows-1252"></head><body><h1>Caf\xe9 reopens</h1>'
               '</body></html>').encode("cp1252")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/story":
                body, kind = article, "text/html"
            elif self.path == "/photo.png":
                body, kind = b"\x89PNG\r\n\x1a\n", "image/png"
            else:
                self.send_error(404, "Not Found")
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_are_fetched_and_decoded(server):
    document = read(f"{server}/story")
    assert "Café reopens" in document.text
    assert document.url == f"{server}/story"
    with pytest.raises(SourceError, match="HTTP 404"):
        read(f"{server}/missing")
    with pytest.raises(SourceError, match=r"not an HTML page \(Content-Type image/png\)"):
        read(f"{server}/photo.png")


@pytest.mark.parametrize(
    ("head", "label"),
    [
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<META CHARSET=ISO-8859-1>", "iso-8859-1"),        # names and values are ASCII-lowered
        (b'<meta charset=" utf-8 ">', "utf-8"),
        (b"<meta/charset=utf-8>", "utf-8"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
         "windows-1252"),
        (b'<meta content="text/html; charset=windows-1252" http-equiv="content-type">',
         "windows-1252"),                                    # attribute order does not matter
        (b"<meta http-equiv=content-type content='text/html;charset = \"euc-jp\"'>", "euc-jp"),
        (b'<meta content="text/html; charset=windows-1252">', None),   # no pragma: no declaration
        (b'<meta charset="utf-8" charset="koi8-r">', "utf-8"),         # the first attribute counts
        (b'<meta charset="bogus"><meta charset="shift_jis">', "shift_jis"),  # unknown: read on
        (b'<meta charset="x-user-defined">', "windows-1252"),
        (b"<meta charset>", None),
        (b"<metacharset=utf-8>", None),
        (b'<!-- <meta charset="koi8-r"> --><meta charset="utf-8">', "utf-8"),
        (b'<!--><meta charset="koi8-r">', "koi8-r"),          # "<!-->" is a whole comment
        (b'<!-- never closed <meta charset="koi8-r">', None),
        (b'<div title="<meta charset=koi8-r>"><meta charset=utf-8>', "utf-8"),
        (b"<a href=x'y><meta charset=koi8-r>", "koi8-r"),     # a quote inside a bare value
        (b'<?xml version="1.0" encoding="iso-8859-1"?><html>', None),  # browsers ignore it
        (b"<p>no declaration here</p>", None),
        (b" " * 3000 + b'<meta charset="koi8-r">', "koi8-r"),  # beyond the prescan's 1,024 bytes
    ],
)
def test_the_meta_declaration_is_read_as_the_html_prescan_reads_it(head, label):
    assert sources.declared_encoding(head) == label


def test_a_declared_legacy_encoding_decodes_the_page():
    raw = ('<html><head><meta charset="koi8-r"></head><body><h1>Новости</h1></body></html>'
           .encode("koi8-r"))
    text, encoding = decode(raw, "x.html")
    assert "Новости" in text and encoding == "koi8-r"


def test_a_utf8_page_is_decoded_without_loading_bs4():
    """bs4 (and soupsieve) load only for pages in a legacy encoding: their import was a fifth
    of a one-page run's time."""
    run_fresh("import sys; from a11y_audit import sources",
              "sources.decode('<meta charset=utf-8><p>Caf\\u00e9</p>'.encode(), 'x.html')",
              "sources.decode(b'<p>plain</p>', 'y.html')",
              "assert 'bs4' not in sys.modules, 'bs4 loaded'",
              "sources.decode('<p>Caf\\u00e9</p>'.encode('cp1252') * 5, 'z.html')",
              "assert 'bs4' in sys.modules, 'legacy bytes should use bs4'")
