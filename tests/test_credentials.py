"""Credentials for a staging site: --header, the configuration's headers and a URL's own
user:password@, sent to the origins named and to no other, and never shown.

The server answers on 127.0.0.1; ``localhost`` reaches the same server as another origin,
which stands for a CDN, a login host or another site.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from a11y_audit import fetch as fetching
from a11y_audit.cli import main
from a11y_audit.config import ConfigError, parse
from a11y_audit.credentials import (
    CredentialsError,
    bind,
    expand,
    headers_for,
    origin,
    parse_header,
    without_userinfo,
)
from a11y_audit.fetch import FetchLimits, fetch
from tests.loopback import QuietHandler, serving

SECRET = "p@ss:w/rd"
USERINFO = "ed:p%40ss%3Aw%2Frd"
BASIC = "Basic " + base64.b64encode(f"ed:{SECRET}".encode()).decode()
TOKEN = "tok-5e1d"


# -- headers, variables, origins ---------------------------------------------------------------

def test_a_header_is_a_name_and_a_trimmed_value():
    assert parse_header("Authorization:  Bearer abc ") == ("Authorization", "Bearer abc")
    assert parse_header("X-Preview:") == ("X-Preview", "")


@pytest.mark.parametrize(("text", "says"), [
    ("Bearer abc", "no colon"),
    (": abc", "no colon"),
    ("X Token: abc", "is not a header name"),
    ("Host: staging.example.com", "Host is set by a11y-audit's HTTP client"),
    ("accept-encoding: br", "accept-encoding is set by a11y-audit's HTTP client"),
    ("X-Token: abc\r\nX-Evil: 1", "line break"),
    ("X-Token: caf\u00e9-secret", "outside ASCII"),
])
def test_a_header_that_cannot_be_sent_is_refused_without_repeating_its_value(text, says):
    with pytest.raises(CredentialsError) as info:
        parse_header(text)
    message = str(info.value)
    assert says in message
    assert "abc" not in message and "secret" not in message and "X-Evil" not in message


def test_a_pasted_secret_before_a_colon_is_not_repeated():
    with pytest.raises(CredentialsError) as info:
        parse_header("Bearer eyJhbGciOi.secret.part")
    assert "secret" not in str(info.value)


def test_variables_are_expanded_from_the_environment():
    environ = {"STAGING_TOKEN": TOKEN}
    assert expand("Bearer ${STAGING_TOKEN}", "headers", environ) == f"Bearer {TOKEN}"
    assert expand("a $HOME b", "headers", environ) == "a $HOME b"   # only ${NAME}
    with pytest.raises(CredentialsError, match=r"headers: \$\{MISSING\} is not set"):
        expand("Bearer ${MISSING}", "headers", environ)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://Staging.Example.com/a?b#c", "https://staging.example.com"),
    ("https://example.com:443/", "https://example.com"),
    ("http://example.com:80/", "http://example.com"),
    ("http://example.com:8080/", "http://example.com:8080"),
    ("https://ed:pw@example.com/", "https://example.com"),
    ("http://[::1]:8000/x", "http://[::1]:8000"),
    ("https://b\u00fccher.example/", "https://xn--bcher-kva.example"),
    ("ftp://example.com/", None),
    ("https://example.com:99999/", None),
    ("/relative/path", None),
])
def test_origins_are_scheme_host_and_port(url, expected):
    assert origin(url) == expected


def test_a_urls_user_and_password_become_basic_authorisation():
    url, authorization = without_userinfo(f"http://{USERINFO}@127.0.0.1:9/x?y=1")
    assert url == "http://127.0.0.1:9/x?y=1"
    assert authorization == BASIC
    assert without_userinfo("http://127.0.0.1:9/x") == ("http://127.0.0.1:9/x", None)
    assert without_userinfo("http://@127.0.0.1:9/x") == ("http://127.0.0.1:9/x", None)
    # an "@" left unescaped in a password: the host is after the last one
    assert without_userinfo("http://ed:p@ss@example.com/")[0] == "http://example.com/"
    assert without_userinfo("https://example.com/?by=ed@example.com") == (
        "https://example.com/?by=ed@example.com", None)


def test_bind_sends_headers_only_to_the_origins_named():
    limits = FetchLimits(headers=(("X-Token", TOKEN),))
    names, bound = bind(["https://staging.example.com/a", "page.html",
                         f"https://{USERINFO}@preview.example.com/b"], limits,
                        listed=["https://staging.example.com:8443/c"])
    assert names == ["https://staging.example.com/a", "page.html",
                     "https://preview.example.com/b"]
    assert headers_for("https://staging.example.com/css/site.css", bound) == (
        ("X-Token", TOKEN),)
    assert headers_for("https://staging.example.com:8443/x", bound) == (("X-Token", TOKEN),)
    assert dict(headers_for("https://preview.example.com/robots.txt", bound)) == {
        "X-Token": TOKEN, "Authorization": BASIC}
    for elsewhere in ("https://cdn.example.com/site.css", "http://staging.example.com/a",
                      "https://staging.example.com.evil.test/", "not a url"):
        assert headers_for(elsewhere, bound) == ()


def test_a_urls_own_password_wins_over_an_authorization_header_for_every_origin():
    limits = FetchLimits(headers=(("authorization", "Bearer x"),))
    _, bound = bind([f"https://{USERINFO}@a.example/", "https://b.example/"], limits)
    assert headers_for("https://a.example/", bound) == (("Authorization", BASIC),)
    assert headers_for("https://b.example/", bound) == (("authorization", "Bearer x"),)


def test_two_passwords_for_one_origin_are_an_error():
    with pytest.raises(CredentialsError, match="two different user names or passwords"):
        bind(["https://a:1@a.example/x", "https://a:2@a.example/y"], FetchLimits())


def test_no_url_named_binds_nothing():
    _, bound = bind(["page.html"], FetchLimits(headers=(("X-Token", TOKEN),)))
    assert bound.credentials == ()


# -- configuration -----------------------------------------------------------------------------

def test_the_configuration_takes_headers_with_variables(monkeypatch):
    monkeypatch.setenv("A11Y_TEST_TOKEN", TOKEN)
    config = parse({"headers": ["Authorization: Bearer ${A11Y_TEST_TOKEN}", "X-Preview: 1"]})
    assert config.headers == (("Authorization", f"Bearer {TOKEN}"), ("X-Preview", "1"))
    assert config.to_dict()["headers"] == ["Authorization: ****", "X-Preview: ****"]


@pytest.mark.parametrize(("headers", "says"), [
    (["Authorization: Bearer ${A11Y_TEST_UNSET}"], "${A11Y_TEST_UNSET} is not set"),
    (["Cookie: a=1", "cookie: b=2"], "cookie is given twice"),
    (["X-Token: ${A11Y_TEST_NEWLINE}"], "line break"),
    ("X-Token", "no colon"),
])
def test_bad_configured_headers_are_errors(monkeypatch, headers, says):
    monkeypatch.delenv("A11Y_TEST_UNSET", raising=False)
    monkeypatch.setenv("A11Y_TEST_NEWLINE", "a\nX-Evil: 1")
    with pytest.raises(ConfigError) as info:
        parse({"headers": headers})
    assert says in str(info.value) and "X-Evil" not in str(info.value)


def test_print_config_shows_header_names_never_values(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".a11y-audit.toml").write_text('headers = ["X-Preview: cfg-secret"]\n')
    result = CliRunner().invoke(main, ["check", "--print-config", "--header",
                                       f"Authorization: Bearer {TOKEN}"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["headers"] == ["X-Preview: ****", "Authorization: ****"]
    assert TOKEN not in result.output and "cfg-secret" not in result.output


def test_a_command_line_header_replaces_the_configurations_of_the_same_name(tmp_path,
                                                                           monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".a11y-audit.toml").write_text('headers = ["x-token: old", "X-Other: 1"]\n')
    result = CliRunner().invoke(main, ["check", "--print-config", "--header", "X-Token: new"])
    assert json.loads(result.output)["headers"] == ["X-Other: ****", "X-Token: ****"]


def test_a_malformed_header_flag_is_a_usage_error():
    result = CliRunner().invoke(main, ["check", "x.html", "--header", "Authorization Bearer x"])
    assert result.exit_code == 2 and "--header" in result.output


# -- against a server ---------------------------------------------------------------------------

def _page(tag: str, port: int) -> bytes:
    return (f'<!doctype html><html lang="en"><head><title>Story {tag}</title>'
            f'<link rel="stylesheet" href="/site-{tag}.css">'
            f'<link rel="stylesheet" href="http://localhost:{port}/cdn-{tag}.css"></head>'
            f"<body><main><h1>Story {tag}</h1><p>Text.</p></main></body></html>").encode()


@pytest.fixture(scope="module")
def server():
    """Records every request's Host, path and headers."""
    seen: list[tuple[str, str, dict[str, str]]] = []

    class Handler(QuietHandler):
        def do_GET(self):
            port = self.server.server_address[1]
            seen.append((self.headers.get("Host", ""), self.path,
                         {k.lower(): v for k, v in self.headers.items()}))
            path = self.path
            if path.startswith("/private/") and self.headers.get("Authorization") != BASIC:
                self.answer(401, b"login first", "text/plain",
                           ("WWW-Authenticate", 'Basic realm="staging"'))
            elif path == "/robots.txt":
                self.answer(200, b"User-agent: *\nAllow: /\n", "text/plain")
            elif path.startswith(("/private/", "/open/", "/landing/")):
                self.answer(200, _page(path.rsplit("/", 1)[1], port), "text/html")
            elif path.endswith(".css"):
                self.answer(200, b"p { color: #222 }", "text/css")
            elif path.startswith("/away/"):
                self.answer(302, b"", "text/plain",
                           ("Location", f"http://localhost:{port}/landing/{path[6:]}"))
            elif path.startswith("/stay/"):
                self.answer(302, b"", "text/plain", ("Location", f"/open/{path[6:]}"))
            elif path.startswith("/leaky-"):
                tag = path[7:].removesuffix(".rss")
                body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>'
                        f"<item><link>http://x:leak@localhost:{port}/open/{tag}</link></item>"
                        f"</channel></rss>").encode()
                self.answer(200, body, "application/rss+xml")
            elif path.startswith("/feed-"):
                tag = path[6:].removesuffix(".rss")
                body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>'
                        f"<item><link>http://127.0.0.1:{port}/open/{tag}-own</link></item>"
                        f"<item><link>http://localhost:{port}/open/{tag}-other</link></item>"
                        f"</channel></rss>").encode()
                self.answer(200, body, "application/rss+xml")
            else:
                self.answer(404, b"no", "text/plain")


    with serving(Handler) as httpd:
        httpd.seen = seen      # type: ignore[attr-defined]
        httpd.port = httpd.server_address[1]     # type: ignore[attr-defined]
        yield httpd


@pytest.fixture(autouse=True)
def _fresh_robots():
    fetching.clear_robots_cache()


def _sent(server, host: str, path: str) -> dict[str, str]:
    matches = [headers for got_host, got_path, headers in server.seen
               if got_host == f"{host}:{server.port}" and got_path == path]
    assert matches, f"no request for {host}{path}"
    return matches[-1]


def test_a_redirect_to_another_origin_loses_the_headers(server):
    base = f"http://127.0.0.1:{server.port}"
    _, limits = bind([f"{base}/away/r1"], FetchLimits(deadline=5, headers=(("X-Token", TOKEN),)))
    got = fetch(f"{base}/away/r1", limits)
    assert got.final_url == f"http://localhost:{server.port}/landing/r1"
    assert _sent(server, "127.0.0.1", "/away/r1")["x-token"] == TOKEN
    assert _sent(server, "127.0.0.1", "/robots.txt")["x-token"] == TOKEN
    assert "x-token" not in _sent(server, "localhost", "/landing/r1")
    assert "x-token" not in _sent(server, "localhost", "/robots.txt")


def test_a_redirect_within_the_origin_keeps_them(server):
    base = f"http://127.0.0.1:{server.port}"
    _, limits = bind([f"{base}/stay/r2"], FetchLimits(deadline=5, headers=(("X-Token", TOKEN),)))
    assert fetch(f"{base}/stay/r2", limits).final_url == f"{base}/open/r2"
    assert _sent(server, "127.0.0.1", "/open/r2")["x-token"] == TOKEN


def _check(tmp_path: Path, *args: str):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", *args, "-j", "1", "-o", str(out),
                                       "-f", "json", "-f", "terminal"], catch_exceptions=False)
    report = (out / "a11y-report.json").read_text() if (out / "a11y-report.json").exists() else ""
    return result, report


def test_a_staging_page_behind_basic_auth_is_audited_and_its_password_shown_nowhere(
        server, tmp_path):
    url = f"http://{USERINFO}@127.0.0.1:{server.port}/private/s1"
    result, report = _check(tmp_path, url)
    assert result.exit_code in (0, 1), result.output
    clean = f"http://127.0.0.1:{server.port}/private/s1"
    assert [page["source"] for page in json.loads(report)["pages"]] == [clean]
    for shown in (report, result.output):
        assert SECRET not in shown and "p%40ss" not in shown and USERINFO not in shown
    # the page's stylesheet on its own origin was read with the credentials; the CDN's
    # stylesheet and robots.txt on another origin were asked for without them
    assert _sent(server, "127.0.0.1", "/site-s1.css")["authorization"] == BASIC
    assert "authorization" not in _sent(server, "localhost", "/cdn-s1.css")


def test_a_header_flag_goes_to_the_named_origin_only(server, tmp_path):
    url = f"http://127.0.0.1:{server.port}/open/h1"
    result, report = _check(tmp_path, url, "--header", f"X-Token: {TOKEN}")
    assert result.exit_code in (0, 1), result.output
    assert _sent(server, "127.0.0.1", "/open/h1")["x-token"] == TOKEN
    assert _sent(server, "127.0.0.1", "/site-h1.css")["x-token"] == TOKEN
    assert "x-token" not in _sent(server, "localhost", "/cdn-h1.css")
    assert TOKEN not in report and TOKEN not in result.output


def test_a_url_lists_origins_get_the_credentials(server, tmp_path):
    listing = tmp_path / "staging.txt"
    listing.write_text(f"# staging pages\nhttp://{USERINFO}@127.0.0.1:{server.port}/private/l1\n")
    result, report = _check(tmp_path, str(listing))
    assert result.exit_code in (0, 1), result.output
    pages = json.loads(report)["pages"]
    assert [page["source"] for page in pages] == [f"http://127.0.0.1:{server.port}/private/l1"]
    assert SECRET not in report and "p%40ss" not in report


def test_a_feeds_links_to_other_origins_get_no_credentials(server, tmp_path):
    feed = f"http://127.0.0.1:{server.port}/feed-f1.rss"
    result, report = _check(tmp_path, feed, "--header", f"X-Token: {TOKEN}")
    assert result.exit_code in (0, 1), result.output
    assert len(json.loads(report)["pages"]) == 2
    assert _sent(server, "127.0.0.1", "/feed-f1.rss")["x-token"] == TOKEN
    assert _sent(server, "127.0.0.1", "/open/f1-own")["x-token"] == TOKEN
    assert "x-token" not in _sent(server, "localhost", "/open/f1-other")


def test_without_the_password_the_page_is_a_one_line_error(server, tmp_path):
    url = f"http://127.0.0.1:{server.port}/private/e1"
    result, _ = _check(tmp_path, url)
    assert result.exit_code == 2
    assert f"a11y-audit: error: {url}: HTTP 401 Unauthorized" in result.output


def test_a_password_a_feed_gives_is_neither_sent_nor_shown(server, tmp_path):
    result, report = _check(tmp_path, f"http://127.0.0.1:{server.port}/leaky-k1.rss")
    assert result.exit_code in (0, 1), result.output
    assert [page["source"] for page in json.loads(report)["pages"]] == [
        f"http://localhost:{server.port}/open/k1"]
    assert "authorization" not in _sent(server, "localhost", "/open/k1")
    assert "leak" not in report and "leak" not in result.output


def test_the_python_api_binds_credentials_too(server):
    from a11y_audit.runner import audit_sources

    report = audit_sources([f"http://{USERINFO}@127.0.0.1:{server.port}/private/api1"])
    assert not report.errors
    assert [page.source for page in report.pages] == [
        f"http://127.0.0.1:{server.port}/private/api1"]
