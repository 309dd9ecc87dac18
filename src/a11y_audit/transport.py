"""The httpx side of :mod:`a11y_audit.fetch`: a client whose every socket operation waits at
most until the fetch's deadline, and one line for each error httpx or the network can raise.

A module of its own so that httpx, httpcore and h11 load on the first fetch, not with every
run: most runs audit files only, and their import was 6% of a one-page run.
"""

from __future__ import annotations

import functools
import http.client
import http.cookiejar
import ipaddress
import socket
import ssl
import time
import urllib.request
import zlib
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

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
    if isinstance(exc, ProxyRefused):
        return str(exc)
    if isinstance(exc, httpx.ProxyError | httpcore.ProxyError):
        return f"the proxy refused the connection ({_cause(exc)})"
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

class Deadline:
    """When a fetch must be done (``time.monotonic()``): a client's sockets read it at each
    operation, so a client kept for several fetches gives each its own. And how many
    connections the client has opened (a fetch that opened none went over a kept one)."""

    __slots__ = ("at", "connections")

    def __init__(self, at: float) -> None:
        self.at = at
        self.connections = 0


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._stream = stream
        self._deadline = deadline

    def _left(self, timeout: float | None) -> float:
        left = self._deadline.at - time.monotonic()
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
    def __init__(self, deadline: Deadline) -> None:
        self._backend = httpcore.SyncBackend()
        self._deadline = deadline

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        self._deadline.connections += 1
        left = self._deadline.at - time.monotonic()
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


# -- proxies: --proxy, else the environment's, never for the machine itself -----------------

class ProxyRefused(Exception):
    """A proxy the fetcher cannot use; the message says which setting names it."""


def proxy_for(scheme: str, host: str, configured: str | None) -> str | None:
    """The proxy a request to ``scheme://host`` goes through, or None to connect directly.

    ``configured`` is ``--proxy``: a URL, or ``"none"`` for direct connections whatever the
    environment says. Without it, the environment's, as curl, pip and httpx read it:
    ``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY`` (or in lower case) and the hosts
    ``NO_PROXY`` lists. The machine itself (``localhost``, loopback addresses) is always
    reached directly, as browsers do: a local development server is never sent to a proxy."""
    if _loopback(host):
        return None
    if configured is not None:
        return None if configured == "none" else configured
    found = urllib.request.getproxies_environment()
    if not found or _bypassed(host, found.get("no", "")):
        return None
    return found.get(scheme) or found.get("all")


def _bypassed(host: str, no_proxy: str) -> bool:
    """Whether ``NO_PROXY`` names ``host``, as curl reads it: ``*`` for every host, a name for
    itself and its subdomains (a leading ``.`` or ``*.`` changes nothing), an address, or a
    network of addresses (``10.0.0.0/8``)."""
    host = host.strip("[]").lower().rstrip(".")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    for entry in no_proxy.split(","):
        entry = entry.strip().lower()
        if entry == "*":
            return True
        entry = entry.removeprefix("*").lstrip(".").rstrip(".")
        if entry.startswith("["):            # [v6] or [v6]:port
            entry = entry[1:].partition("]")[0]
        elif entry.count(":") == 1:          # name:port, v4:port (the port is not compared)
            entry = entry.partition(":")[0]
        if not entry:
            continue
        if address is not None:
            try:
                if address in ipaddress.ip_network(entry, strict=False):
                    return True
            except ValueError:
                pass
            continue
        if host == entry or host.endswith("." + entry):
            return True
    return False


def _loopback(host: str) -> bool:
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_proxy(url: str, where: str) -> str:
    """A proxy URL as given, or :class:`ProxyRefused` naming ``where``: only http(s)
    proxies are supported (SOCKS would need another library)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        raise ProxyRefused(f"{where}: not a proxy URL") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ProxyRefused(f"{where}: only http:// and https:// proxies are supported "
                           f"(such as http://proxy.example:3128)")
    return url


class _DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport with our network backend, choosing for each request a direct
    connection or one through its proxy (:func:`proxy_for`). httpx builds its connection
    pool without a way to pass a network backend: the pools are ours (same settings
    otherwise: the TLS context, HTTP/1.1)."""

    def __init__(self, deadline: Deadline, ca_bundle: str | None, proxy: str | None) -> None:
        self._context = ssl_context(ca_bundle)
        super().__init__(verify=self._context, retries=0)
        self._backend = _DeadlineBackend(deadline)
        self._configured = proxy
        self._direct = self._pool = httpcore.ConnectionPool(
            ssl_context=self._context, max_connections=4, network_backend=self._backend)
        self._proxied: dict[str, httpcore.HTTPProxy] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        proxy = proxy_for(request.url.scheme, request.url.host, self._configured)
        # (a client serves one fetch in one thread: setting the pool for the call is safe)
        self._pool = self._direct if proxy is None else self._through(proxy)
        return super().handle_request(request)

    def _through(self, proxy: str) -> httpcore.HTTPProxy:
        pool = self._proxied.get(proxy)
        if pool is None:
            check_proxy(proxy, "the proxy setting")
            parts = urlsplit(proxy)
            auth = ((unquote(parts.username or ""), unquote(parts.password or ""))
                    if parts.username is not None else None)
            pool = self._proxied[proxy] = httpcore.HTTPProxy(
                proxy_url=urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2])),
                proxy_auth=auth, ssl_context=self._context, max_connections=4,
                network_backend=self._backend)
        return pool

    def close(self) -> None:
        self._direct.close()
        for pool in self._proxied.values():
            pool.close()


# -- cookies: a Netscape cookie file, each cookie sent only where its domain and path say ----

@functools.lru_cache(maxsize=4)
def cookies_from(path: str) -> tuple[http.cookiejar.Cookie, ...]:
    """The cookies of a Netscape cookie file (what ``curl -c`` writes and browsers' cookie
    export extensions save), expired ones left out and session ones kept (the file is the
    session). Read once a process; raises :class:`OSError` or
    :class:`http.cookiejar.LoadError`."""
    jar = http.cookiejar.MozillaCookieJar()
    jar.load(path, ignore_discard=True)
    return tuple(jar)


def cookie_jar(path: str | None) -> http.cookiejar.CookieJar:
    """A fetch's own jar: the file's cookies, and those the fetch's answers set (a login
    that redirects with Set-Cookie), kept for that fetch only."""
    jar = http.cookiejar.CookieJar()
    for cookie in cookies_from(path) if path else ():
        jar.set_cookie(cookie)
    return jar


def new_client(limits: FetchLimits, deadline: Deadline) -> httpx.Client:
    """An httpx client whose every socket operation waits at most until ``deadline`` (the
    caller moves it for each fetch of a client it keeps, and closes the client)."""
    timeout = httpx.Timeout(limits.deadline, connect=limits.connect_timeout)
    headers = {"User-Agent": limits.user_agent, "Accept-Encoding": "gzip, deflate",
               "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"}
    transport = _DeadlineTransport(deadline, limits.ca_bundle, limits.proxy)
    return httpx.Client(transport=transport, timeout=timeout, headers=headers,
                        cookies=cookie_jar(limits.cookies), follow_redirects=False,
                        trust_env=False)
