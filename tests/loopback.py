"""A small HTTP(S) server on 127.0.0.1 for the tests of fetching, run in a thread.

``serving(Handler)`` starts a threading server for a ``QuietHandler`` subclass and stops it on
leaving; ``tls`` wraps its socket. ``QuietHandler.answer`` writes a whole response. (The raw
socket server of misbehaving answers, which http.server cannot write, is ``tests.hostile``.)
"""

from __future__ import annotations

import http.server
import re
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar


class QuietHandler(http.server.BaseHTTPRequestHandler):
    def answer(self, status: int, body: bytes = b"", kind: str = "text/html",
               *headers: tuple[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class RangedFiles(QuietHandler):
    """Files served whole, or a byte range of one (``Range: bytes=FIRST-LAST``, RFC 9110 14),
    as a static file server or a bucket serves a web archive: ``files`` maps each path to
    its bytes and ETag; ``If-Range`` with another ETag is answered with the whole file.
    Each request's path and Range header go into ``asked``."""

    files: ClassVar[dict[str, tuple[bytes, str]]] = {}
    asked: ClassVar[list[tuple[str, str | None]]] = []

    def do_GET(self) -> None:
        path = self.path.partition("?")[0]
        self.asked.append((path, self.headers.get("Range")))
        if path not in self.files:
            self.answer(404, b"gone")
            return
        body, etag = self.files[path]
        asked = re.fullmatch(r"bytes=([0-9]+)-([0-9]*)", self.headers.get("Range") or "")
        if asked is None or self.headers.get("If-Range", etag) != etag:
            self.answer(200, body, "application/octet-stream", ("ETag", etag))
            return
        first = int(asked[1])
        last = min(int(asked[2]) if asked[2] else len(body) - 1, len(body) - 1)
        if first >= len(body):
            self.answer(416, b"", "text/plain", ("Content-Range", f"bytes */{len(body)}"))
            return
        self.answer(206, body[first:last + 1], "application/octet-stream",
                    ("Content-Range", f"bytes {first}-{last}/{len(body)}"), ("ETag", etag),
                    ("Accept-Ranges", "bytes"))


@contextmanager
def serving(handler: type[http.server.BaseHTTPRequestHandler],
            tls: ssl.SSLContext | None = None) -> Iterator[http.server.ThreadingHTTPServer]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    # (polled often: a test's server stops at its end, and shutdown waits for the poll)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                     daemon=True).start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
