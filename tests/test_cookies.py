"""--cookies FILE: a login's session from a Netscape cookie file, each cookie sent only to its
own domain and path, expired and secure-only ones where they belong (nowhere here)."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from a11y_audit import fetch as fetching
from a11y_audit.cli import main
from a11y_audit.fetch import FetchLimits, fetch
from tests.loopback import QuietHandler, serving

PAGE = (b'<!doctype html><html lang="en"><title>Story</title>'
        b"<main><h1>Story</h1><p>Text.</p></main></html>")
LATER = int(time.time()) + 86400


def cookie_file(path, *lines):
    # (domain, include subdomains, path, secure only, expires, name, value), tab-separated
    path.write_text("# Netscape HTTP Cookie File\n" + "".join("\t".join(map(str, line)) + "\n"
                                                              for line in lines))
    return path


@pytest.fixture(autouse=True)
def _fresh_robots():
    fetching.clear_robots_cache()


@pytest.fixture(scope="module")
def server():
    seen: dict[str, str | None] = {}

    class Handler(QuietHandler):
        def do_GET(self):
            seen[self.path] = self.headers.get("Cookie")
            if self.path.startswith("/preview/") and "preview=ok" not in (
                    self.headers.get("Cookie") or ""):
                self.answer(403, b"", "text/plain")
            elif self.path.startswith("/login"):     # sets a session cookie, then onwards
                self.answer(302, b"", "text/plain", ("Set-Cookie", "step=2; Path=/"),
                            ("Location", "/after-login"))
            else:
                self.answer(200, PAGE)

    with serving(Handler) as httpd:
        httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"   # type: ignore[attr-defined]
        httpd.seen = seen                                           # type: ignore[attr-defined]
        yield httpd


def test_each_cookie_goes_to_its_own_domain_and_path(server, tmp_path):
    jar = cookie_file(tmp_path / "cookies.txt",
                      ("127.0.0.1", "FALSE", "/", "FALSE", LATER, "preview", "ok"),
                      ("127.0.0.1", "FALSE", "/account/", "FALSE", LATER, "deep", "1"),
                      ("127.0.0.1", "FALSE", "/", "TRUE", LATER, "secure", "1"),
                      ("127.0.0.1", "FALSE", "/", "FALSE", 1, "expired", "1"),
                      (".ads.example", "TRUE", "/", "FALSE", LATER, "tracker", "1"),
                      ("#HttpOnly_127.0.0.1", "FALSE", "/", "FALSE", LATER, "session", "s1"))
    limits = FetchLimits(deadline=5, cookies=str(jar))
    assert fetch(f"{server.base}/preview/c1", limits).body == PAGE
    sent = sorted(server.seen["/preview/c1"].split("; "))
    # not /account/'s, not the https-only one, not the expired one, not another domain's
    assert sent == ["preview=ok", "session=s1"]


def test_a_cookie_a_redirect_sets_goes_with_the_next_hop_of_that_fetch(server):
    got = fetch(f"{server.base}/login/c2", FetchLimits(deadline=5))
    assert got.final_url == f"{server.base}/after-login"
    assert server.seen["/after-login"] == "step=2"
    fetch(f"{server.base}/plain/c2", FetchLimits(deadline=5))
    assert server.seen["/plain/c2"] is None           # kept for that fetch only


def test_the_command_audits_a_preview_behind_a_session_cookie(server, tmp_path):
    jar = cookie_file(tmp_path / "cookies.txt",
                      ("127.0.0.1", "FALSE", "/", "FALSE", LATER, "preview", "ok"))
    url = f"{server.base}/preview/c3"
    result = CliRunner().invoke(main, ["check", url, "--cookies", str(jar), "-j", "1",
                                       "-o", str(tmp_path / "out"), "-f", "json"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads((tmp_path / "out" / "a11y-report.json").read_text())
    assert [page["source"] for page in report["pages"]] == [url] and not report["errors"]
    without = CliRunner().invoke(main, ["check", f"{server.base}/preview/c4", "-j", "1",
                                        "-o", str(tmp_path / "out2"), "-f", "json"])
    assert without.exit_code == 2 and "HTTP 403 Forbidden" in without.output


def test_the_configuration_names_the_file_relative_to_itself(tmp_path, monkeypatch):
    cookie_file(tmp_path / "jar.txt", ("127.0.0.1", "FALSE", "/", "FALSE", LATER, "a", "1"))
    (tmp_path / ".a11y-audit.toml").write_text('cookies = "jar.txt"\n')
    monkeypatch.chdir(tmp_path)
    shown = json.loads(CliRunner().invoke(main, ["check", "--print-config"]).output)
    assert shown["cookies"] == str(tmp_path / "jar.txt")


@pytest.mark.parametrize(("content", "says"), [
    (None, "No such file or directory"),
    ("session=abc\n", "not a Netscape cookie file"),
])
def test_a_cookie_file_that_cannot_be_read_is_a_usage_error(tmp_path, content, says):
    path = tmp_path / "cookies.txt"
    if content is not None:
        path.write_text(content)
    result = CliRunner().invoke(main, ["check", "page.html", "--cookies", str(path)])
    assert result.exit_code == 2
    assert f"--cookies (cookies): {path}: {says}" in result.output
    assert "abc" not in result.output
