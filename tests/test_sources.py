"""Reading pages: encodings, gzip, limits and bad input, each a one-line error."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from a11y_audit import sources
from a11y_audit.sources import SourceError, decode, decode_exact, read
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


@pytest.mark.parametrize(
    ("raw", "exact"),
    [
        (UMLAUT.format(meta="").encode("utf-8"), slice(None)),
        (UMLAUT.format(meta='<meta charset="utf-8">').encode("utf-8"), slice(None)),
        (b"\xef\xbb\xbf" + UMLAUT.format(meta="").encode("utf-8"), slice(3, None)),
        (b"<p>plain ASCII</p>", slice(None)),
        # a stray byte is replaced, so the bytes are not the text's: none
        (b'<meta charset="utf-8"><h1>Caf\xe9 opens</h1>', None),
        (b"\xef\xbb\xbf<h1>Caf\xe9 opens</h1>", None),
        (b"<h1>one stray \xff among many \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
         b"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9</h1>", None),
        # encoded surrogates are not valid UTF-8: replaced, none
        (b'<meta charset="utf-8"><p>\xed\xa0\x80</p>', None),
        (UMLAUT.format(meta='<meta charset="iso-8859-1">').encode("latin-1"), None),
        (UMLAUT.format(meta="").encode("cp1252"), None),
        (b"\xff\xfe" + UMLAUT.format(meta="").encode("utf-16-le"), None),
    ],
    ids=["utf8", "utf8-declared", "utf8-bom", "ascii", "stray-declared", "stray-bom",
         "stray-undeclared", "surrogate", "latin1", "cp1252", "utf16"],
)
def test_decode_exact_gives_the_bytes_only_when_they_are_the_texts_utf8(raw, exact):
    """Page.from_html parses these bytes in place of the text's encoding: they must be exactly
    it, or the parsed tree and the located offsets would not be the text's."""
    text, encoding, utf8 = decode_exact(raw, "x.html")
    assert (text, encoding) == decode(raw, "x.html")
    if exact is None:
        assert utf8 is None
    else:
        assert utf8 == raw[exact] == text.encode("utf-8")


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=60), st.sampled_from(["", '<meta charset="utf-8">',
                                                '<meta charset="windows-1252">']))
def test_decode_exact_bytes_are_always_the_texts_utf8(body, meta):
    raw = b"<html><head>" + meta.encode() + b"</head><body><p>" + body + b"</p></body></html>"
    try:
        text, _, utf8 = decode_exact(raw, "x.html")
    except SourceError:
        return
    assert utf8 is None or utf8 == text.encode("utf-8")


def test_sources_carry_the_exact_bytes_to_the_parser(tmp_path):
    from a11y_audit.page import Page

    utf8 = tmp_path / "utf8.html"
    utf8.write_bytes(UMLAUT.format(meta="").encode("utf-8"))
    legacy = tmp_path / "legacy.html"
    legacy.write_bytes(UMLAUT.format(meta='<meta charset="windows-1252">').encode("cp1252"))
    document = read(str(utf8))
    assert document.utf8 == utf8.read_bytes()
    assert read(str(legacy)).utf8 is None
    # the same page, parsed from the bytes or from the text's encoding
    given, encoded = (Page.from_html(document.text, "x", utf8=document.utf8),
                      Page.from_html(document.text, "x"))
    assert given.markup == encoded.markup == document.text
    assert [el.tag for el in given.elements] == [el.tag for el in encoded.elements]
    assert given.root.findtext(".//h1") == encoded.root.findtext(".//h1") == \
        "Größte Überschwemmung"


@pytest.fixture
def server():
    """A loopback HTTP server with an article, a PNG and a 404 (bounded: stopped after the test)."""
    from tests.loopback import QuietHandler, serving

    article = ('<html><head><meta charset="windows-1252"></head><body><h1>Caf\xe9 reopens</h1>'
               '</body></html>').encode("cp1252")

    class Handler(QuietHandler):
        def do_GET(self):
            if self.path == "/story":
                self.answer(200, article, "text/html")
            elif self.path == "/photo.png":
                self.answer(200, b"\x89PNG\r\n\x1a\n", "image/png")
            else:
                self.send_error(404, "Not Found")

    with serving(Handler) as httpd:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"


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
