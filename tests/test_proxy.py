"""Fetching through an HTTP proxy: --proxy, the environment's HTTP_PROXY and NO_PROXY, and
the machine itself always reached directly.

The proxy is a loopback server that answers for ``news.example`` itself (a forward proxy sees
the whole URL in the request line), so no name is ever resolved.
"""

from __future__ import annotations

import base64
import json

import pytest
from click.testing import CliRunner

from a11y_audit import fetch as fetching
from a11y_audit.cli import main
from a11y_audit.fetch import FetchError, FetchLimits, fetch
from a11y_audit.transport import _bypassed, proxy_for
from tests.hostile import dead_port
from tests.loopback import QuietHandler, serving

PAGE = (b'<!doctype html><html lang="en"><title>Story</title>'
        b"<main><h1>Story</h1><p>Text.</p></main></html>")
PROXY_ENV = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY", "https_proxy", "http_proxy",
             "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def _clean(monkeypatch):
    for name in PROXY_ENV:
        monkeypatch.delenv(name, raising=False)
    fetching.clear_robots_cache()


@pytest.fixture(scope="module")
def proxy():
    """A forward proxy for http://news.example/ that wants ``ci:pw`` when the path says so."""
    seen: list[tuple[str, str | None]] = []

    class Handler(QuietHandler):
        def do_GET(self):
            seen.append((self.path, self.headers.get("Proxy-Authorization")))
            wanted = "Basic " + base64.b64encode(b"ci:pw").decode()
            if "/locked/" in self.path and self.headers.get("Proxy-Authorization") != wanted:
                self.answer(407, b"", "text/plain", ("Proxy-Authenticate", 'Basic realm="p"'))
            elif self.path.startswith("http://news.example/") and \
                    not self.path.endswith("/robots.txt"):
                self.answer(200, PAGE)
            else:
                self.answer(404, b"", "text/plain")

    with serving(Handler) as httpd:
        httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"   # type: ignore[attr-defined]
        httpd.seen = seen                                           # type: ignore[attr-defined]
        yield httpd


@pytest.fixture(scope="module")
def local():
    class Handler(QuietHandler):
        def do_GET(self):
            self.answer(200, PAGE) if self.path == "/story" else self.answer(404)

    with serving(Handler) as httpd:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"


def test_the_environments_proxy_is_used(proxy, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    assert fetch("http://news.example/env-story", FetchLimits(deadline=5)).body == PAGE
    assert ("http://news.example/env-story", None) in proxy.seen
    assert ("http://news.example/robots.txt", None) in proxy.seen


def test_a_proxy_flag_with_credentials_is_used_by_the_command(proxy, tmp_path):
    url = "http://news.example/locked/story"
    result = CliRunner().invoke(main, ["check", url, "--proxy",
                                       proxy.url.replace("//", "//ci:pw@"), "-j", "1",
                                       "-o", str(tmp_path), "-f", "json"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads((tmp_path / "a11y-report.json").read_text())
    assert [page["source"] for page in report["pages"]] == [url]
    assert (url, "Basic " + base64.b64encode(b"ci:pw").decode()) in proxy.seen
    assert "pw@" not in result.output


def test_a_proxy_that_wants_credentials_is_a_one_line_error(proxy):
    url = "http://news.example/locked/other"
    with pytest.raises(FetchError) as info:
        fetch(url, FetchLimits(deadline=5, proxy=proxy.url))
    assert str(info.value) == f"{url}: HTTP 407 Proxy Authentication Required"


def test_the_machine_itself_is_never_sent_to_a_proxy(local, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{dead_port()}")
    assert fetch(f"{local}/story", FetchLimits(deadline=5)).body == PAGE
    assert fetch(f"{local}/story", FetchLimits(deadline=5, proxy="http://127.0.0.1:9")).body \
        == PAGE


def test_a_dead_proxy_is_a_connection_error(monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{dead_port()}")
    with pytest.raises(FetchError, match="cannot fetch: cannot connect"):
        fetch("http://news.example/x", FetchLimits(deadline=5))


def test_a_socks_proxy_in_the_environment_is_named(monkeypatch):
    monkeypatch.setenv("ALL_PROXY", "socks5://127.0.0.1:1080")
    with pytest.raises(FetchError) as info:
        fetch("http://news.example/x", FetchLimits(deadline=5))
    assert info.value.reason == ("the proxy setting: only http:// and https:// proxies are "
                                 "supported (such as http://proxy.example:3128)")


@pytest.mark.parametrize("given", ["socks5://p:1080", "proxy.example:3128", "http://p:99999"])
def test_a_proxy_flag_that_cannot_be_used_is_a_usage_error(given):
    result = CliRunner().invoke(main, ["check", "x.html", "--proxy", given])
    assert result.exit_code == 2 and "--proxy" in result.output


def test_which_proxy_a_request_takes(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://secure:3128")
    monkeypatch.setenv("HTTP_PROXY", "http://plain:3128")
    monkeypatch.setenv("NO_PROXY", "internal.example, .corp.example,10.0.0.0/8")
    assert proxy_for("https", "news.example", None) == "http://secure:3128"
    assert proxy_for("http", "news.example", None) == "http://plain:3128"
    for host in ("internal.example", "cms.internal.example", "corp.example", "a.corp.example",
                 "10.1.2.3", "localhost", "127.0.0.1", "::1", "dev.localhost"):
        assert proxy_for("https", host, None) is None, host
    assert proxy_for("https", "news.example", "none") is None
    assert proxy_for("https", "news.example", "http://flag:1") == "http://flag:1"
    monkeypatch.delenv("HTTPS_PROXY")
    monkeypatch.setenv("ALL_PROXY", "http://every:3128")
    assert proxy_for("https", "news.example", None) == "http://every:3128"


@pytest.mark.parametrize(("host", "no_proxy", "bypassed"), [
    ("a.example", "*", True),
    ("a.example", "*.example", True),
    ("notexample", "example", False),
    ("example.org", "example.org:8080", True),
    ("2001:db8::1", "[2001:db8::1]:443", True),
    ("2001:db8::2", "2001:db8::/64", True),
    ("192.168.1.5", "192.168.0.0/16", True),
    ("192.168.1.5", "10.0.0.0/8,,", False),
])
def test_no_proxy_reads_as_curl_reads_it(host, no_proxy, bypassed):
    assert _bypassed(host, no_proxy) is bypassed
