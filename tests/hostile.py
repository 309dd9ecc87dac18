"""A loopback HTTP server (127.0.0.1 only) that misbehaves in every way the fetcher must survive.

Each path answers with raw bytes written to the socket, so responses can break HTTP itself (a bad
status line, a 64 KB header line, a broken chunked body) rather than only return odd statuses.
Every connection is bounded: trickling and endless bodies stop when the client hangs up or after
``MAX_SECONDS``.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import socketserver
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

MAX_SECONDS = 20.0
PAGE = (b"<!doctype html><html lang=en><head><title>Fine</title></head><body><main><h1>Fine "
        b"page</h1><p>Text.</p></main></body></html>")
LATIN1_PAGE = ("<!doctype html><html lang=fr><head><title>Caf\xe9</title></head><body><main>"
               "<h1>Caf\xe9 cr\xe8me</h1></main></body></html>").encode("latin-1")


def _head(status: str = "200 OK", *headers: str) -> bytes:
    return (f"HTTP/1.1 {status}\r\n" + "".join(f"{h}\r\n" for h in headers)
            + "Connection: close\r\n\r\n").encode("latin-1")


def _ok(body: bytes, kind: str = "text/html; charset=utf-8", *extra: str) -> bytes:
    return _head("200 OK", f"Content-Type: {kind}", f"Content-Length: {len(body)}", *extra) + body


def _bomb_member() -> bytes:
    """One gzip member of 16 MiB of zeros (about 16 KB); 192 of them inflate to 3 GiB."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return squeeze.compress(bytes(16 * 1024 * 1024)) + squeeze.flush()


def zstd_compress(data: bytes) -> bytes:
    """Zstandard, by CPython's module (3.14) or its backport."""
    try:
        from compression import zstd  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        from backports import zstd  # type: ignore[import-not-found,no-redef,unused-ignore]
    return bytes(zstd.compress(data))


# path -> raw response, or a callable writing to the socket (for timed or endless answers)
def _responses() -> dict[str, object]:
    import brotli

    member = _bomb_member()
    gz = gzip.compress(PAGE * 50)
    # what browsers are sent (brotli, zstd), and a brotli bomb: 64 MiB of zeros in ~50 bytes
    squeezed = {"br": brotli.compress(PAGE * 50), "zstd": zstd_compress(PAGE * 50),
                "br-bomb": brotli.compress(bytes(64 << 20), quality=5)}
    return {
        "/br": _ok(squeezed["br"], "text/html", "Content-Encoding: br"),
        "/zstd": _ok(squeezed["zstd"], "text/html", "Content-Encoding: zstd"),
        "/br-bomb": _ok(squeezed["br-bomb"], "text/html", "Content-Encoding: br"),
        "/corrupt-br": _ok(b"\xff" * 64, "text/html", "Content-Encoding: br"),
        "/truncated-zstd": _ok(squeezed["zstd"][: len(squeezed["zstd"]) // 2], "text/html",
                               "Content-Encoding: zstd"),
        "/robots.txt": _ok(b"User-agent: *\nDisallow: /private\n", "text/plain"),
        "/ok": _ok(PAGE),
        "/private/page": _ok(PAGE),
        "/latin1": _ok(LATIN1_PAGE, "text/html; charset=iso-8859-1"),
        "/gzip": _ok(gz, "text/html", "Content-Encoding: gzip"),
        "/many-headers": _head("200 OK", "Content-Type: text/html",
                               f"Content-Length: {len(PAGE)}",
                               *(f"X-Filler-{i}: {i}" for i in range(150))) + PAGE,
        "/bad-status": b"HTTP/1.1 two hundred OK\r\nContent-Length: 2\r\n\r\nhi",
        "/not-http": b"SSH-2.0-OpenSSH_9.6\r\n",
        "/long-header": _head("200 OK", "Content-Type: text/html",
                              "X-Long: " + "a" * 65536) + PAGE,
        "/huge-header": _head("200 OK", "Content-Type: text/html",
                              "X-Long: " + "a" * 200_000) + PAGE,
        "/bad-chunked": _head("200 OK", "Content-Type: text/html", "Transfer-Encoding: chunked")
        + b"5\r\nhello\r\nZZZ\r\nnot hex\r\n0\r\n\r\n",
        "/corrupt-gzip": _ok(b"\x1f\x8b\x08\x00garbage-not-deflate" * 10, "text/html",
                             "Content-Encoding: gzip"),
        "/truncated-gzip": _ok(gz[: len(gz) // 2], "text/html", "Content-Encoding: gzip"),
        "/bomb": _head("200 OK", "Content-Type: text/html", "Content-Encoding: gzip",
                       f"Content-Length: {len(member) * 192}"),   # body written by _bomb
        "/short": _head("200 OK", "Content-Type: text/html", "Content-Length: 5000") + PAGE,
        "/loop": _head("302 Found", "Location: /loop2", "Content-Length: 0"),
        "/loop2": _head("301 Moved Permanently", "Location: /loop", "Content-Length: 0"),
        "/hops": _head("302 Found", "Location: /hops1", "Content-Length: 0"),
        **{f"/hops{i}": _head("302 Found", f"Location: /hops{i + 1}", "Content-Length: 0")
           for i in range(1, 20)},
        "/to-ok": _head("301 Moved", "Location: /ok", "Content-Length: 0"),
        "/missing": _head("404 Not Found", "Content-Type: text/html", "Content-Length: 9")
        + b"not found",
        "/evil-reason": _head("500 \x1b]0;pwned\x07\x1b[2J Oops", "Content-Length: 0"),
        "/pdf": _ok(b"%PDF-1.7\n" + bytes(200), "application/pdf"),
        "/pdf-as-html": _ok(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n" + b"x" * 5000
                            + bytes(10), "text/html"),
        "/big": _head("200 OK", "Content-Type: text/html"),               # endless, by _endless
        "/big-declared": _head("200 OK", "Content-Type: text/html",
                               f"Content-Length: {50 * 1024 * 1024}"),  # refused on the header
        "/trickle": _head("200 OK", "Content-Type: text/html"),           # by _trickle
        "/trickle-head": b"",                                             # by _trickle
        "/slow": _ok(PAGE),                                               # by _slow
        "_bomb_member": member,
    }


class HostileServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.responses = _responses()
        self.active = 0
        self.peak: dict[str, int] = {}
        self.lock = threading.Lock()
        self.requests: list[str] = []       # paths asked for, in order

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(socketserver.BaseRequestHandler):
    server: HostileServer

    def handle(self) -> None:
        self.request.settimeout(MAX_SECONDS)
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 65536:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            data += chunk
        path = data.split(b" ", 2)[1].decode("latin-1") if data.count(b" ") >= 2 else "/"
        with self.server.lock:
            self.server.requests.append(path)
        with contextlib.suppress(OSError):   # the client hung up: expected for refused answers
            self._answer(path)

    def _answer(self, path: str) -> None:
        sock = self.request
        responses = self.server.responses
        if path == "/bomb":
            sock.sendall(responses["/bomb"])
            for _ in range(192):
                sock.sendall(responses["_bomb_member"])
        elif path == "/big":
            sock.sendall(responses["/big"])
            block = b"<p>" + b"x" * 65530 + b"</p>"
            for _ in range(50 * 16):                  # 50 MB unless the client stops first
                sock.sendall(block)
        elif path in ("/trickle", "/trickle-head"):
            head = responses["/trickle"] if path == "/trickle" else b""
            sock.sendall(head)
            payload = PAGE if path == "/trickle" else _head("200 OK", "Content-Type: text/html")
            end = time.monotonic() + MAX_SECONDS
            for byte in payload:
                if time.monotonic() > end:
                    break
                sock.sendall(bytes([byte]))
                time.sleep(0.1)
        elif path == "/slow":
            with self.server.lock:
                self.server.active += 1
                self.server.peak["slow"] = max(self.server.peak.get("slow", 0),
                                               self.server.active)
            time.sleep(0.3)
            with self.server.lock:
                self.server.active -= 1
            sock.sendall(responses["/slow"])
        elif path in responses:
            sock.sendall(responses[path])
        else:
            sock.sendall(_head("404 Not Found", "Content-Length: 0"))
        sock.shutdown(socket.SHUT_WR)


@contextmanager
def hostile_server() -> Iterator[HostileServer]:
    server = HostileServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def dead_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
