"""A server that says "try again later" (429, 502, 503, 504): tried again as it asks, within
the fetch's deadline, and a one-line error that says how often once the tries are spent.

The waits here are the server's ``Retry-After: 0``, a date already past, or a backoff of
hundredths of a second; no assertion is about elapsed time.
"""

from __future__ import annotations

import collections

import pytest
from click.testing import CliRunner

from a11y_audit import fetch as fetching
from a11y_audit.cli import main
from a11y_audit.fetch import FetchError, FetchLimits, _seconds_after, fetch
from tests.loopback import QuietHandler, serving

PAGE = b'<!doctype html><html lang="en"><title>Story</title><main><h1>Story</h1></main></html>'
QUICK = FetchLimits(deadline=5, robots=False, backoff=0.01)


@pytest.fixture(scope="module")
def server():
    asked: collections.Counter[str] = collections.Counter()

    class Handler(QuietHandler):
        def do_GET(self):
            asked[self.path] += 1
            kind, _, rest = self.path.strip("/").partition("/")
            failures = int(rest.split("/")[0]) if kind in ("flaky", "gateway") else 10 ** 6
            if kind == "hop":
                self.answer(302, b"", "text/html", ("Location", f"/flaky/2/{rest}"))
            elif kind == "ok" or asked[self.path] > failures:
                self._send(200, PAGE)
            elif kind == "gateway":
                self._send(502)
            elif kind == "later":
                self._send(429, retry_after="3600")
            elif kind == "dated":
                self._send(503, retry_after="Wed, 21 Oct 2015 07:28:00 GMT")
            elif kind == "busy":
                self._send(503)
            else:
                self._send(503, retry_after="0")

        def _send(self, status, body=b"", retry_after=None):
            self.answer(status, body, "text/html",
                        *([("Retry-After", retry_after)] if retry_after is not None else []))

    with serving(Handler) as httpd:
        httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"   # type: ignore[attr-defined]
        httpd.asked = asked                                          # type: ignore[attr-defined]
        yield httpd


@pytest.fixture(autouse=True)
def _fresh_robots():
    fetching.clear_robots_cache()


def test_a_deploy_that_ends_within_the_retries_gives_the_page(server):
    assert fetch(f"{server.base}/flaky/2/a", QUICK).body == PAGE
    assert server.asked["/flaky/2/a"] == 3


def test_a_redirect_spends_none_of_the_targets_tries(server):
    got = fetch(f"{server.base}/hop/h2", QUICK)
    assert got.body == PAGE and got.final_url == f"{server.base}/flaky/2/h2"
    assert server.asked["/flaky/2/h2"] == 3


def test_a_gateway_error_without_retry_after_backs_off_and_tries_again(server):
    assert fetch(f"{server.base}/gateway/1/b", QUICK).body == PAGE
    assert server.asked["/gateway/1/b"] == 2


def test_spent_tries_are_counted_in_the_error(server):
    url = f"{server.base}/busy/c"
    with pytest.raises(FetchError) as info:
        fetch(url, QUICK)
    assert str(info.value) == f"{url}: HTTP 503 Service Unavailable (tried 3 times)"
    assert server.asked["/busy/c"] == 3


def test_retries_zero_tries_once(server):
    url = f"{server.base}/flaky/1/d"
    with pytest.raises(FetchError, match=r"HTTP 503 Service Unavailable \(tried once\)$"):
        fetch(url, FetchLimits(deadline=5, robots=False, retries=0))
    assert server.asked["/flaky/1/d"] == 1


def test_a_wait_past_the_deadline_is_not_waited(server):
    url = f"{server.base}/later/e"
    with pytest.raises(FetchError) as info:
        fetch(url, QUICK)
    assert info.value.reason == ("HTTP 429 Too Many Requests (tried once; asked to retry in "
                                 "3600 s, past the 5 s deadline)")
    assert server.asked["/later/e"] == 1


def test_a_retry_date_already_past_means_now(server):
    with pytest.raises(FetchError, match=r"\(tried 3 times\)"):
        fetch(f"{server.base}/dated/f", QUICK)
    assert server.asked["/dated/f"] == 3


@pytest.mark.parametrize(("value", "seconds"), [
    ("120", 120.0), (" 0 ", 0.0), ("99999999999999999999", float(10 ** 18)),
    ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0), ("-5", None), ("soon", None), ("", None),
])
def test_retry_after_is_seconds_or_a_date(value, seconds):
    assert _seconds_after(value) == seconds


def test_the_command_takes_the_number_of_retries(server, tmp_path):
    url = f"{server.base}/flaky/1/g"
    result = CliRunner().invoke(main, ["check", url, "--retries", "0", "--no-robots", "-j", "1",
                                       "-o", str(tmp_path), "-f", "json"])
    assert result.exit_code == 2
    assert f"a11y-audit: error: {url}: HTTP 503 Service Unavailable (tried once)" in result.output
    url = f"{server.base}/flaky/1/h"
    result = CliRunner().invoke(main, ["check", url, "--no-robots", "-j", "1",
                                       "-o", str(tmp_path), "-f", "json"])
    assert result.exit_code in (0, 1), result.output
    assert server.asked["/flaky/1/h"] == 2
