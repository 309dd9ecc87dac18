"""The fetcher against a misbehaving loopback server: every answer is a page or a one-line error.

Bounded: the server is on 127.0.0.1, the deadlines here are a second or two, and the size limit
a few megabytes; no assertion is about elapsed time.
"""

from __future__ import annotations

import threading

import pytest

from a11y_audit import fetch as fetching
from a11y_audit.fetch import FetchError, FetchLimits, fetch
from a11y_audit.sources import SourceError, read
from tests.fresh import run_fresh
from tests.hostile import PAGE, dead_port, hostile_server

LIMITS = FetchLimits(deadline=2.0, connect_timeout=1.0, max_bytes=4 * 1024 * 1024)


@pytest.fixture(scope="module")
def server():
    with hostile_server() as running:
        yield running


@pytest.fixture(autouse=True)
def _fresh_robots():
    fetching.clear_robots_cache()


def test_a_good_page_is_fetched_with_its_type_and_charset(server):
    got = fetch(f"{server.base}/ok", LIMITS)
    assert (got.status, got.content_type, got.charset, got.body) == (200, "text/html", "utf-8",
                                                                    PAGE)


def test_charset_comes_from_the_header(server):
    document = read(f"{server.base}/latin1", limits=LIMITS)
    assert "Café crème" in document.text
    assert document.encoding in ("iso-8859-1", "latin-1", "iso8859-1")


def test_gzip_content_encoding_is_inflated(server):
    assert fetch(f"{server.base}/gzip", LIMITS).body == PAGE * 50


@pytest.mark.parametrize("path", ["/br", "/zstd"])
def test_brotli_and_zstd_content_encodings_are_decoded(server, path):
    """httpx asks for brotli when the brotli package is installed (it is a dependency), and
    a server may send zstd unasked: both are decoded, within the page limit."""
    assert fetch(f"{server.base}{path}", LIMITS).body == PAGE * 50


def test_redirects_are_followed_to_the_final_url(server):
    got = fetch(f"{server.base}/to-ok", LIMITS)
    assert got.final_url == f"{server.base}/ok" and got.body == PAGE


def test_more_than_100_headers_or_a_64_kb_header_line_is_still_a_page(server):
    # http.client gave up on both; h11 accepts up to 100 KB of head, as browsers do.
    assert fetch(f"{server.base}/many-headers", LIMITS).body == PAGE
    assert fetch(f"{server.base}/long-header", LIMITS).body == PAGE


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/bad-status", "broken HTTP response"),
        ("/not-http", "broken HTTP response"),
        ("/huge-header", "broken HTTP response"),
        ("/bad-chunked", "broken HTTP response"),
        ("/corrupt-gzip", "broken gzip data"),
        ("/truncated-gzip", "truncated gzip data"),
        ("/bomb", "decompressed page is too large (limit 4,194,304 bytes)"),
        ("/br-bomb", "decompressed page is too large (limit 4,194,304 bytes)"),
        ("/corrupt-br", "broken brotli data"),
        ("/truncated-zstd", "truncated zstd data"),
        ("/short", "broken HTTP response"),
        ("/loop", "redirect loop: "),
        ("/hops", "too many redirects (limit 5): "),
        ("/missing", "HTTP 404 Not Found"),
        ("/big", "page is too large (over 4,194,304 bytes)"),
        ("/big-declared", "page is too large (52,428,800 bytes; limit 4,194,304)"),
        ("/trickle", "timed out: no complete answer within 2 s"),
        ("/trickle-head", "timed out: no complete answer within 2 s"),
        ("/private/page", "robots.txt disallows this URL (--no-robots audits it anyway)"),
    ],
)
def test_misbehaving_servers_give_one_line_errors(server, path, reason):
    url = f"{server.base}{path}"
    with pytest.raises(FetchError) as info:
        fetch(url, LIMITS)
    assert info.value.reason.startswith(reason), info.value.reason
    assert str(info.value).startswith(f"{url}: ")
    assert "\n" not in str(info.value) and "\x1b" not in str(info.value)


def test_the_redirect_loop_is_named_on_one_line(server):
    with pytest.raises(FetchError) as info:
        fetch(f"{server.base}/loop", LIMITS)
    assert info.value.reason.endswith(f"{server.base}/loop -> {server.base}/loop2 -> "
                                      f"{server.base}/loop")


def test_server_words_cannot_reach_the_terminal_raw(server):
    with pytest.raises(FetchError) as info:
        fetch(f"{server.base}/evil-reason", LIMITS)
    message = str(info.value)
    assert "HTTP 500" in message
    assert "\x1b" not in message and "\x07" not in message and "Oops" in message


def test_robots_can_be_ignored_when_asked(server):
    loose = FetchLimits(deadline=2.0, robots=False)
    assert fetch(f"{server.base}/private/page", loose).body == PAGE


def test_a_dead_port_is_a_connection_error():
    with pytest.raises(FetchError, match="cannot fetch: cannot connect"):
        fetch(f"http://127.0.0.1:{dead_port()}/x", LIMITS)


@pytest.mark.parametrize("url", ["http://", "http://[::1/x", "http://exa mple.org/"])
def test_malformed_urls_are_errors(url):
    with pytest.raises(FetchError):
        fetch(url, LIMITS)


def test_non_html_types_are_refused_by_type_and_by_content(server):
    with pytest.raises(SourceError, match=r"not an HTML page \(Content-Type application/pdf\)"):
        read(f"{server.base}/pdf", limits=LIMITS)
    with pytest.raises(SourceError, match="not HTML: a PDF document"):
        read(f"{server.base}/pdf-as-html", limits=LIMITS)


def test_per_host_concurrency_is_bounded(server):
    limits = FetchLimits(deadline=10.0, per_host=2)
    threads = [threading.Thread(target=fetch, args=(f"{server.base}/slow", limits))
               for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert server.peak["slow"] == 2


def test_the_user_agent_names_the_tool():
    assert fetching.USER_AGENT.startswith("a11y-audit/")


def test_httpx_loads_on_the_first_fetch_only():
    """A run over files never imports httpx and its stack, nor urllib.request (robots.txt) and
    http.client: they were 8% of a one-page run."""
    out = run_fresh(
        "import sys; import a11y_audit.cli, a11y_audit.batch, a11y_audit.inputs",
        "for name in ('httpx', 'httpcore', 'h11', 'urllib.request', 'http.client'):",
        "    assert name not in sys.modules, name",
        "from a11y_audit.fetch import FetchError, FetchLimits, fetch",
        "try:",
        "    fetch('http://127.0.0.1:9/', FetchLimits(deadline=2, robots=False))",
        "except FetchError as exc:",
        "    print(exc)",
        "assert 'httpx' in sys.modules")
    assert out.startswith("http://127.0.0.1:9/: cannot fetch"), out


def _keep_alive_server(answered_a_connection: int | None = None):
    """A server that keeps its connections alive (HTTP/1.1), counting them; with
    ``answered_a_connection``, it answers that many requests on a connection, then reads
    the next one and closes the connection without an answer (an idle timeout that comes
    as the request goes out)."""
    from tests.loopback import QuietHandler, serving

    connections: list[int] = []

    class Handler(QuietHandler):
        protocol_version = "HTTP/1.1"

        def handle(self):
            connections.append(1)
            answered = 0
            self.close_connection = False
            while not self.close_connection:
                if answered == answered_a_connection:
                    self.rfile.readline(65537)      # the request, never answered
                    return
                self.handle_one_request()
                answered += 1

        def do_GET(self):
            self.answer(200, PAGE)

    return serving(Handler), connections


def test_a_hosts_pages_come_over_one_kept_connection():
    """A run's fetches to one host reuse a kept-alive connection, not a new one each (a new
    TCP and TLS handshake is a round trip or three to a far server, for every page)."""
    running, connections = _keep_alive_server()
    limits = FetchLimits(deadline=5.0, robots=False)
    with running as httpd:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        assert [fetch(f"{base}/story/{n}", limits).body for n in range(10)] == [PAGE] * 10
    assert len(connections) == 1


def test_a_kept_connection_the_server_closes_as_the_request_goes_is_asked_again():
    """A kept connection the server closes as a request goes out (its idle timeout) is not
    the page's error: the request is asked again once on a new connection, as browsers do."""
    running, connections = _keep_alive_server(answered_a_connection=1)
    limits = FetchLimits(deadline=5.0, robots=False)
    with running as httpd:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        assert [fetch(f"{base}/story/{n}", limits).body for n in range(3)] == [PAGE] * 3
    assert len(connections) == 3        # each fetch after the first: asked again


def test_a_server_that_drops_every_request_is_still_an_error():
    running, connections = _keep_alive_server(answered_a_connection=0)
    with running as httpd:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/story"
        with pytest.raises(FetchError) as caught:
            fetch(url, FetchLimits(deadline=5.0, robots=False))
    assert str(caught.value) == (
        f"{url}: broken HTTP response (Server disconnected without sending a response.)")
    assert len(connections) == 1        # a new connection's drop is not asked again
