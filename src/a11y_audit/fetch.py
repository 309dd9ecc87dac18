"""Fetching one URL over HTTP(S), within limits, for pages and for lists of pages.

``fetch(url)`` returns a :class:`Fetched` (final URL, status, content type, charset, body) or
raises :class:`FetchError`, a one-line :class:`~a11y_audit.errors.SourceError`; nothing else
escapes, whatever the server does. The limits (:class:`FetchLimits`):

- one deadline for the whole fetch, redirects included: every socket read waits at most until
  it, so a server that trickles a byte a second times out like a silent one;
- a connect timeout, a redirect limit (loops are named), a size limit on the body as sent and
  after decompression (gzip and deflate content encodings inflate within the limit);
- a body shorter than its ``Content-Length`` is an error, never a page audited as complete;
- a 429, 502, 503 or 504 answer (a deploy, a rate limit) tried again, ``retries`` times, after
  the ``Retry-After`` the server gives or a doubling backoff, within the same deadline;
- at most ``per_host`` fetches at a time to one host, a clear User-Agent, and robots.txt
  honoured (RFC 9309; ``robots=False`` to skip it);
- the user's headers and credentials sent to the origins they were given for, and to no
  other (:mod:`a11y_audit.credentials`), redirects included.

:class:`ByteRanges` reads a large file a byte range at a time (a WACZ file where it is
served), each range a fetch within the same limits, over the same kept connections.

Built on httpx (strict HTTP/1.1 parsing through h11, typed errors, streaming bodies), which
:mod:`a11y_audit.transport` wraps and which loads on the first fetch only.
"""

from __future__ import annotations

import datetime
import email.utils
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from a11y_audit import __version__
from a11y_audit.credentials import Headers, headers_for
from a11y_audit.dom import BIG, integer, is_digits
from a11y_audit.errors import SourceError
from a11y_audit.inflate import InflateError, decoder

if TYPE_CHECKING:
    import urllib.robotparser

    import httpx

USER_AGENT: str = f"a11y-audit/{__version__} (+https://pypi.org/project/a11y-audit/)"
ROBOTS_AGENT = "a11y-audit"
MAX_BYTES = 25 * 1024 * 1024
MAX_ROBOTS_BYTES = 512 * 1024     # RFC 9309: crawlers must read at least 500 KiB
# "try again later": too many requests, and a gateway's or an overloaded server's answers
RETRY_STATUSES = frozenset((429, 502, 503, 504))


@dataclass(frozen=True, slots=True)
class FetchLimits:
    deadline: float = 30.0          # seconds for the whole fetch, redirects included
    connect_timeout: float = 10.0
    max_redirects: int = 5
    max_bytes: int = MAX_BYTES      # body as sent and after decompression
    per_host: int = 2               # fetches at a time to one host
    robots: bool = True             # honour robots.txt
    user_agent: str = USER_AGENT
    headers: Headers = ()           # --header: sent only to the origins in ``credentials``
    # (origin, headers) for each origin named: see a11y_audit.credentials.bind
    credentials: tuple[tuple[str, Headers], ...] = ()
    ca_bundle: str | None = None    # PEM file of certificate authorities trusted besides certifi's
    retries: int = 2                # more tries after a 429, 502, 503 or 504, within the deadline
    # --proxy: a URL, "none" (direct), or None: the environment's (see transport.proxy_for)
    proxy: str | None = None
    backoff: float = 1.0            # seconds before the first retry a server gives no time for
    cookies: str | None = None      # Netscape cookie file: each cookie to its own domain and path


DEFAULT_LIMITS = FetchLimits()


class FetchError(SourceError):
    """A URL that could not be fetched; ``str()`` is ``"URL: reason"`` on one line."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str                        # as asked for
    final_url: str                  # after redirects
    status: int
    content_type: str               # media type, lower case, no parameters ("" when absent)
    charset: str | None             # from the Content-Type header
    body: bytes                     # decoded from its content encoding
    # a byte range's answer (ByteRanges): the whole file's size, and what names this
    # version of it (a strong ETag, or Last-Modified), for If-Range
    total: int | None = None
    validator: str | None = None


_current = DEFAULT_LIMITS


def use_limits(limits: FetchLimits) -> None:
    """Make ``limits`` the default of :func:`fetch` in this process (the CLI's settings; each
    worker of a pool sets them from its job)."""
    global _current
    _current = limits


def current_limits() -> FetchLimits:
    return _current


def fetch(url: str, limits: FetchLimits | None = None) -> Fetched:
    """GET ``url`` within ``limits`` (default: :func:`current_limits`); a 2xx answer's body,
    or a :class:`FetchError`."""
    return _fetch(url, limits or _current, take_slot=True)


def _fetch(url: str, limits: FetchLimits, take_slot: bool,
           span: _Span | None = None) -> Fetched:
    """:func:`fetch` (``span``: the byte range :class:`ByteRanges` asks for)."""
    deadline = time.monotonic() + limits.deadline
    try:
        slot = _host_slot(url, limits.per_host) if take_slot else nullcontext()
        with slot, _kept_client(limits, deadline) as (client, opened):
            return _asked_again_if_dropped(
                opened, lambda: _follow(client, url, limits, deadline, span))
    except FetchError:
        raise
    except Exception as exc:  # every failure is this URL's, named in one line
        raise FetchError(url, _describe(exc, limits)) from None


def _asked_again_if_dropped(opened: Any, ask: Callable[[], Fetched]) -> Fetched:
    """``ask()``, and once more if it went over a kept connection the server closed as the
    request went out (its idle timeout: "disconnected without sending a response", and no
    connection opened for it), as browsers do; the dropped connection is closed, so the
    second goes over a new one. ``opened``: the client's
    :class:`a11y_audit.transport.Deadline`, which counts the connections it opens."""
    from a11y_audit import transport

    before = opened.connections
    try:
        return ask()
    except (transport.httpx.RemoteProtocolError, transport.httpcore.RemoteProtocolError) as exc:
        if opened.connections != before or "without sending" not in str(exc):
            raise       # (a new connection's: the server's own answer)
    return ask()


@contextmanager
def _kept_client(limits: FetchLimits, deadline: float) -> Iterator[tuple[httpx.Client, Any]]:
    """A client for one fetch, and its :class:`a11y_audit.transport.Deadline` (which counts
    the connections it opens): this thread's kept client for ``limits``, so that a site's
    pages and stylesheets come over a few kept-alive connections, not a new TCP and TLS
    handshake each (a round trip or three to a far server, for every page). Its deadline is
    this fetch's and its cookie jar a fresh one (a fetch's cookies are its own); a fetch
    that fails closes it. While in use it is not kept: a fetch within it (robots.txt) has a
    client of its own. A forked worker keeps its own clients (:func:`kept_by_thread`)."""
    # httpx and its stack load on the first fetch: most runs audit files only, and the import
    # was 6% of a one-page run
    from a11y_audit import transport

    kept = kept_by_thread(_clients)
    entry = kept.pop(limits, None)
    if entry is None:
        holder = transport.Deadline(deadline)
        entry = (transport.new_client(limits, holder), holder)
    else:
        entry[0].cookies = transport.cookie_jar(limits.cookies)
    client, holder = entry
    holder.at = deadline
    try:
        yield client, holder
    except BaseException:
        client.close()
        raise
    kept[limits] = entry
    while len(kept) > _CLIENTS_KEPT:
        kept.popitem(last=False)[1][0].close()


# Each thread's kept clients, by the limits they were made for (a run has one set; robots.txt
# is read with another), and how many: each holds at most 4 connections.
_clients = threading.local()
_CLIENTS_KEPT = 4


def kept_by_thread(store: threading.local) -> OrderedDict[Any, Any]:
    """What this thread keeps open in ``store`` (connections, clients over them), oldest
    first. A forked worker keeps its own: its parent's connections are not its to use, nor
    to close (they are held, never closed, in ``store.inherited``)."""
    kept = getattr(store, "kept", None)
    if kept is None or store.pid != os.getpid():
        store.inherited = kept
        kept = store.kept = OrderedDict()
        store.pid = os.getpid()
    return kept


def _follow(client: httpx.Client, url: str, limits: FetchLimits, deadline: float,
            span: _Span | None = None) -> Fetched:
    """GET ``url`` (``span``: the bytes of it :class:`ByteRanges` asks for), following
    redirects, waiting as a server that is busy asks."""
    hops = [url]
    current = url
    tries = 0
    while True:
        if limits.robots and not _robots_allow(current, limits):
            # (a staging site's robots.txt often disallows every page: say the way out)
            raise FetchError(url, (f"robots.txt disallows {current}" if current != url
                                   else "robots.txt disallows this URL")
                             + " (--no-robots audits it anyway)")
        extra = headers_for(current, limits)
        asked = {**dict(extra), **span.headers()} if span is not None else (
            dict(extra) if extra else None)
        with client.stream("GET", current, headers=asked) as response:
            status = response.status_code
            tries += 1
            if status in RETRY_STATUSES:
                wait, why_not = _retry_wait(response.headers.get("retry-after"), limits, tries,
                                            deadline)
                if wait is not None:
                    response.close()
                    time.sleep(wait)    # (holding the host's slot: it asked for less load)
                    continue
                reason = response.reason_phrase or _phrase(status)
                raise FetchError(url, f"HTTP {status} {reason} ({why_not})")
            location = response.headers.get("location")
            if status in (301, 302, 303, 307, 308) and location:
                target = urljoin(current, location.strip())
                if not target.startswith(("http://", "https://")):
                    raise FetchError(url, f"redirect to a non-HTTP address: {target}")
                if target in hops:
                    raise FetchError(url, f"redirect loop: {' -> '.join([*hops, target])}")
                if len(hops) > limits.max_redirects:
                    raise FetchError(url, f"too many redirects (limit {limits.max_redirects}): "
                                          f"{' -> '.join([*hops, target])}")
                hops.append(target)
                current = target
                tries = 0           # (the tries are each address's own)
                continue
            if status >= 300:
                reason = response.reason_phrase or _phrase(status)
                raise FetchError(url, f"HTTP {status} {reason}".rstrip())
            kind, charset = _content_type(response.headers.get("content-type", ""))
            if span is not None:
                return span.read(url, response, limits, deadline)
            body = _read_body(response, limits, deadline)
            return Fetched(url, str(response.url), status, kind, charset, body)


@dataclass(frozen=True, slots=True)
class _Span:
    """A byte range :class:`ByteRanges` asks for: ``size`` bytes from ``start``, of the
    version of the file ``validator`` names (None: the first answer gives it)."""
    start: int
    size: int
    validator: str | None

    def headers(self) -> dict[str, str]:
        # identity: a range is of the bytes as stored, not of a compressed answer
        asked = {"Range": f"bytes={self.start}-{self.start + self.size - 1}",
                 "Accept-Encoding": "identity"}
        if self.validator is not None:
            asked["If-Range"] = self.validator
        return asked

    def read(self, url: str, response: httpx.Response, limits: FetchLimits,
             deadline: float) -> Fetched:
        """The answer's bytes, checked to be the range asked for (RFC 9110 14.4, 15.3.7)."""
        status = response.status_code
        if status != 206:
            raise FetchError(url, (
                "the file changed while it was read (its ETag or Last-Modified is not what "
                "it was): read it again" if self.validator is not None else
                f"the server does not send parts of this file (HTTP {status} to a Range "
                "request, not 206): download the file, then name it"))
        coding = response.headers.get("content-encoding", "").strip().lower()
        if coding not in ("", "identity"):
            raise FetchError(url, f"a part of the file sent compressed ({coding[:40]}), not as "
                                  "it is stored")
        found = _CONTENT_RANGE.fullmatch(response.headers.get("content-range", "").strip())
        if found is None:
            raise FetchError(url, "a part of the file sent without a Content-Range that says "
                                  "which (bytes FIRST-LAST/SIZE)")
        first, last, total = (integer(part) for part in found.groups())
        if (first != self.start or last < first or last - first >= self.size
                or last >= total or (last - first + 1 < self.size and last != total - 1)):
            raise FetchError(url, f"a part of the file other than the one asked for (bytes "
                                  f"{self.start}-{self.start + self.size - 1} asked, "
                                  f"{found.group(0)[:60]} sent)")
        declared = response.headers.get("content-length", "").strip()
        if is_digits(declared) and integer(declared) != last - first + 1:
            shown = declared if len(declared) < 20 else "more than 10^18"
            raise FetchError(url, f"a part of the file whose Content-Length ({shown}) is not "
                                  f"its Content-Range's ({found.group(0)[:60]})")
        body = _read_body(response, replace(limits, max_bytes=last - first + 1), deadline)
        if len(body) != last - first + 1:
            raise FetchError(url, f"a part of the file cut short ({len(body):,} of "
                                  f"{last - first + 1:,} bytes)")
        etag = response.headers.get("etag", "").strip()
        validator = (etag if etag and not etag.startswith("W/")
                     else response.headers.get("last-modified", "").strip() or None)
        kind, charset = _content_type(response.headers.get("content-type", ""))
        return Fetched(url, str(response.url), status, kind, charset, body, total, validator)


# bytes FIRST-LAST/SIZE, each at most 18 digits (an exabyte)
_CONTENT_RANGE = re.compile(r"bytes[ \t]+([0-9]{1,18})-([0-9]{1,18})/([0-9]{1,18})", re.I)


class ByteRanges:
    """A file served over HTTP(S), read a byte range at a time (RFC 9110 14): what a reader
    of a large file needs a few parts of asks for those, over the thread's kept connections
    (:func:`_kept_client`, as a browser's replay of a web archive does). Each range is a
    fetch of its own within ``limits`` (deadline, retries, robots.txt, credentials,
    redirects), and
    ``If-Range`` names the version the first answer gave: a file that changes while it is
    read is an error, never parts of two versions read as one. ``version``: the size and
    validator another reader found (:attr:`version`), to hold this one to. :meth:`read`
    raises :class:`FetchError` only."""

    def __init__(self, url: str, limits: FetchLimits | None = None,
                 version: tuple[int, str | None] | None = None) -> None:
        self.url = url
        # the file's size (known once the first range is read) and validator
        self.size: int | None = None
        self._validator: str | None = None
        if version is not None:
            self.size, self._validator = version
        self._limits = limits or _current

    def read(self, start: int, size: int) -> bytes:
        """``size`` bytes from ``start`` (fewer where the file ends first)."""
        got = _fetch(self.url, self._limits, True, _Span(start, size, self._validator))
        if self.size is None:
            self.size, self._validator = got.total, got.validator
        elif got.total != self.size:
            raise FetchError(self.url, "the file changed while it was read (its size is not "
                                       "what it was): read it again")
        return got.body

    @property
    def version(self) -> tuple[int, str | None]:
        """The file's size and validator (once a range is read)."""
        assert self.size is not None
        return self.size, self._validator


def _retry_wait(retry_after: str | None, limits: FetchLimits, tries: int,
                deadline: float) -> tuple[float | None, str]:
    """Seconds to wait before trying again after a 429, 502, 503 or 504: the server's
    ``Retry-After`` (seconds or a date), else ``backoff`` doubled each time; or None and why
    not, when the tries are spent or the wait would pass the fetch's deadline."""
    tried = "tried once" if tries == 1 else f"tried {tries} times"
    if tries > limits.retries:
        return None, tried
    asked = _seconds_after(retry_after) if retry_after else None
    wait = asked if asked is not None else limits.backoff * 2 ** (tries - 1)
    if time.monotonic() + wait >= deadline:
        told = f"asked to retry in {wait:g} s" if asked is not None else f"next try in {wait:g} s"
        return None, f"{tried}; {told}, past the {limits.deadline:g} s deadline"
    return wait, ""


def _seconds_after(value: str) -> float | None:
    """A ``Retry-After`` value in seconds from now (RFC 9110 10.2.3: a number of seconds or
    an HTTP date); None when it is neither."""
    value = value.strip()
    if is_digits(value):
        return float(integer(value)) if len(value) < 10 else float(BIG)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    return max(0.0, (when - datetime.datetime.now(datetime.UTC)).total_seconds())


def _read_body(response: httpx.Response, limits: FetchLimits, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    size = integer(declared) if declared is not None and is_digits(declared.strip()) else 0
    if size > limits.max_bytes:
        shown = f"{size:,}" if size < BIG else "more than 10^18"
        raise _Refused(f"page is too large ({shown} bytes; limit {limits.max_bytes:,})")
    encodings = [e.strip().lower() for e in response.headers.get("content-encoding", "").split(",")
                 if e.strip() and e.strip().lower() != "identity"]
    if len(encodings) > 1:
        raise _Refused(f"unsupported content encoding {', '.join(encodings)}")
    inflater = decoder(encodings[0], limits.max_bytes) if encodings else None
    parts: list[bytes] = []
    size = 0
    for chunk in response.iter_raw():
        size += len(chunk)
        if size > limits.max_bytes:
            raise _Refused(f"page is too large (over {limits.max_bytes:,} bytes)")
        if time.monotonic() > deadline:
            raise _Refused(f"timed out: no complete answer within {limits.deadline:g} s")
        if inflater is not None:
            inflater.feed(chunk)
        else:
            parts.append(chunk)
    return inflater.finish() if inflater is not None else b"".join(parts)


def _phrase(status: int) -> str:
    """The standard reason phrase of an HTTP status ("" for one HTTP does not define)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


class _Refused(Exception):
    """A limit this module enforces; the message is the reason as it stands."""


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return kind.strip().lower(), charset


def _describe(exc: BaseException, limits: FetchLimits) -> str:
    """One line for anything a fetch can raise."""
    if isinstance(exc, _Refused | InflateError):
        return str(exc)
    from a11y_audit import transport  # loaded by the fetch that raised
    return transport.describe(exc, limits)


# -- politeness: per-host concurrency and robots.txt ------------------------------------------

_slots_lock = threading.Lock()
_slots: dict[str, threading.BoundedSemaphore] = {}


@contextmanager
def _host_slot(url: str, per_host: int) -> Iterator[None]:
    host = (urlsplit(url).hostname or "").lower()
    with _slots_lock:
        slot = _slots.setdefault(f"{host}/{per_host}", threading.BoundedSemaphore(per_host))
    with slot:
        yield


_robots_lock = threading.Lock()
_robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}


def _robots_allow(url: str, limits: FetchLimits) -> bool:
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    with _robots_lock:
        known = origin in _robots
        parser = _robots.get(origin)
    if not known:
        parser = _load_robots(origin, limits)
        with _robots_lock:
            _robots[origin] = parser
    return parser is None or parser.can_fetch(ROBOTS_AGENT, url)


def _load_robots(origin: str, limits: FetchLimits) -> urllib.robotparser.RobotFileParser | None:
    """The origin's rules; None (everything allowed) when it has no robots.txt (RFC 9309 2.3.1.3:
    4xx), or when it cannot be read for a reason the page fetch will report itself. A 5xx
    answer means "unreachable": everything is disallowed, as the RFC asks."""
    import urllib.robotparser  # (it imports urllib.request: only runs that fetch load it)

    quick = replace(limits, robots=False, max_bytes=MAX_ROBOTS_BYTES,
                    deadline=min(limits.deadline, 10.0))
    parser = urllib.robotparser.RobotFileParser()
    try:
        got = _fetch(f"{origin}/robots.txt", quick, take_slot=False)  # inside the page's slot
    except FetchError as exc:
        if exc.reason.startswith("HTTP 5"):
            parser.disallow_all = True  # type: ignore[attr-defined]  # (typeshed lacks it)
            return parser
        return None
    parser.parse(got.body.decode("utf-8", "replace").splitlines())
    return parser


def clear_robots_cache() -> None:
    with _robots_lock:
        _robots.clear()
