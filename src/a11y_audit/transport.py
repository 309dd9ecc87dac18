"""The httpx side of :mod:`a11y_audit.fetch`: a client whose every socket operation waits at
most until the fetch's deadline, and one line for each error httpx or the network can raise.

A module of its own so that httpx, httpcore and h11 load on the first fetch, not with every
run: most runs audit files only, and their import was 6% of a one-page run.
"""

from __future__ import annotations

import functools
import http.client
import socket
import ssl
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from a11y_audit.fetch import FetchLimits


def describe(exc: BaseException, limits: FetchLimits) -> str:
    """One line for anything httpx or the network can raise (:func:`a11y_audit.fetch._describe`
    words the module's own refusals)."""
    if isinstance(exc, httpx.TimeoutException | httpcore.TimeoutException | TimeoutError
                  | socket.timeout):
        if isinstance(exc, httpx.ConnectTimeout | httpcore.ConnectTimeout):
            return f"cannot fetch: no connection within {limits.connect_timeout:g} s"
        return f"timed out: no complete answer within {limits.deadline:g} s"
    if "CERTIFICATE_VERIFY_FAILED" in str(exc):
        why = str(exc).partition("certificate verify failed: ")[2].partition(" (_ssl")[0]
        return (f"TLS certificate not trusted ({why or _cause(exc)}); a site signed by its own "
                f"certificate authority needs --ca-bundle")
    if isinstance(exc, httpx.ConnectError | httpcore.ConnectError | ConnectionRefusedError):
        return f"cannot fetch: cannot connect ({_cause(exc)})"
    if isinstance(exc, httpx.RemoteProtocolError | httpcore.RemoteProtocolError
                  | httpx.LocalProtocolError | http.client.HTTPException):
        return f"broken HTTP response ({_cause(exc)})"
    if isinstance(exc, httpx.DecodingError | zlib.error | EOFError):
        return f"broken response body ({_cause(exc)})"
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol | UnicodeError):
        return f"invalid URL ({_cause(exc)})"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error ({_cause(exc)})"
    if isinstance(exc, MemoryError):
        return "out of memory while fetching"
    if isinstance(exc, httpx.HTTPError | httpcore.NetworkError | OSError):
        return f"cannot fetch: {_cause(exc)}"
    return f"cannot fetch: {type(exc).__name__}: {_cause(exc)}"


def _cause(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


# -- the whole-fetch deadline: every socket operation waits at most until it ------------------

class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def _left(self, timeout: float | None) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("deadline passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._left(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname,
                                                      self._left(timeout)), self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, deadline: float) -> None:
        self._backend = httpcore.SyncBackend()
        self._deadline = deadline

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ConnectTimeout("deadline passed")
        timeout = left if timeout is None else min(timeout, left)
        return _DeadlineStream(self._backend.connect_tcp(host, port, timeout, local_address,
                                                         socket_options), self._deadline)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@functools.lru_cache(maxsize=4)
def ssl_context(ca_bundle: str | None = None) -> ssl.SSLContext:
    """The public certificate authorities httpx trusts (certifi's), and those of
    ``ca_bundle`` (a PEM file: a staging site's own CA) as well. Built once for each: loading
    the CA bundle costs more than a loopback fetch. An unreadable file or one without a
    certificate raises :class:`OSError` or :class:`ssl.SSLError`."""
    context = httpx.create_ssl_context()
    if ca_bundle is not None:
        context.load_verify_locations(cafile=ca_bundle)
    return context


class _DeadlineTransport(httpx.HTTPTransport):
    def __init__(self, deadline: float, ca_bundle: str | None) -> None:
        context = ssl_context(ca_bundle)
        super().__init__(verify=context, retries=0)
        # httpx builds its connection pool without a way to pass a network backend; rebuild it
        # with ours (same settings otherwise: the TLS context above, HTTP/1.1).
        self._pool = httpcore.ConnectionPool(
            ssl_context=context, max_connections=4,
            network_backend=_DeadlineBackend(deadline),
        )


@contextmanager
def client(limits: FetchLimits, deadline: float) -> Iterator[httpx.Client]:
    timeout = httpx.Timeout(limits.deadline, connect=limits.connect_timeout)
    headers = {"User-Agent": limits.user_agent, "Accept-Encoding": "gzip, deflate",
               "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"}
    with httpx.Client(transport=_DeadlineTransport(deadline, limits.ca_bundle), timeout=timeout,
                      headers=headers, follow_redirects=False, trust_env=False) as client:
        yield client
