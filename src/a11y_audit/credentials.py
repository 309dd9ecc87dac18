"""Credentials for pages behind a login, sent only to the origins the user names.

A newsroom audits its staging or preview site before a template goes live, and that site
sits behind basic authentication, a preview token or a session cookie. Two ways to give them:

- ``--header 'NAME: VALUE'`` (repeatable), or the configuration's ``headers``, where
  ``${VAR}`` takes the value of an environment variable, so that no secret is committed;
- a user name and password in a URL named, ``https://user:pass@staging.example.com/``: that
  origin's basic authorisation. The name the reports and messages show has it removed.

**Where they go.** Only to the origins (scheme, host and port) of the URLs named on the
command line or in a URL list named there. Every request to such an origin carries them: the
page, its robots.txt, a redirect within the origin, its stylesheets there, a sitemap's or
feed's pages there. No request to another origin does: not a CDN's stylesheet, not a
redirect to a login host, not a feed's links to other sites. This is the line a browser's
``fetch`` with ``credentials: "same-origin"`` draws. pa11y-ci and Lighthouse CI send their
extra headers with every request a page makes, third parties included; a token given for a
staging site has no business reaching an advertiser's server.

Values never appear in reports, in messages or in ``--print-config`` (which shows stars), and
they are checked when given: a value with a line break or a byte outside printable ASCII is
refused with a message that does not repeat it.
"""

from __future__ import annotations

import base64
import functools
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit, urlunsplit

if TYPE_CHECKING:
    from a11y_audit.fetch import FetchLimits

Headers = tuple[tuple[str, str], ...]

# set by the client itself, or which would make it misread the answer
RESERVED = frozenset(("host", "content-length", "transfer-encoding", "connection", "keep-alive",
                      "upgrade", "te", "trailer", "accept-encoding"))
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_VALUE = re.compile(r"[\t\x20-\x7e]*")
_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class CredentialsError(ValueError):
    """A header or a URL's credentials that cannot be used; the message never holds a value."""


def parse_header(text: str, where: str = "--header") -> tuple[str, str]:
    """``"Name: value"`` to ``("Name", "value")``, or :class:`CredentialsError`."""
    name, colon, value = text.partition(":")
    name, value = name.strip(), value.strip()
    if not colon or not name:
        raise CredentialsError(f"{where}: give a header as 'NAME: VALUE' (such as "
                               f"'Authorization: Bearer $TOKEN'); {_shown_name(name)} has no "
                               f"colon after its name")
    if not _TOKEN.fullmatch(name):
        raise CredentialsError(f"{where}: {_shown_name(name)} is not a header name (letters, "
                               f"digits and !#$%&'*+-.^_`|~ only)")
    if name.lower() in RESERVED:
        raise CredentialsError(f"{where}: {name} is set by a11y-audit's HTTP client and cannot "
                               f"be given")
    if not _VALUE.fullmatch(value):
        raise CredentialsError(f"{where}: the value of {name} holds a line break, a control "
                               f"character or a character outside ASCII (not shown)")
    return name, value


def _shown_name(name: str) -> str:
    """A name for a message: the text before the colon may be a pasted secret, so only a
    short, plain one is repeated."""
    return repr(name) if len(name) <= 40 and _TOKEN.fullmatch(name) else "the text given"


def expand(value: str, where: str, environ: Mapping[str, str] | None = None) -> str:
    """``${VAR}`` replaced by the environment variable's value (a configuration's headers),
    or :class:`CredentialsError` naming the variable that is not set."""
    environ = os.environ if environ is None else environ

    def value_of(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in environ:
            raise CredentialsError(f"{where}: ${{{name}}} is not set in the environment")
        return environ[name]

    return _VARIABLE.sub(value_of, value)


def origin(url: str) -> str | None:
    """``scheme://host[:port]`` of an http(s) URL, lower case, the default port left out and
    an international host name in its ASCII form; None for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname
    if scheme not in ("http", "https") or not host:
        return None
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}" + ("" if port in (None, 80 if scheme == "http" else 443)
                                   else f":{port}")


def without_userinfo(url: str) -> tuple[str, str | None]:
    """The URL without its ``user:password@``, and the basic authorisation those give (None
    when the URL has none)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url, None
    if "@" not in parts.netloc:
        return url, None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    clean = urlunsplit(parts._replace(netloc=hostport))
    if userinfo in ("", ":"):     # "https://@host/": no user, no password
        return clean, None
    user, _, password = userinfo.partition(":")
    pair = f"{unquote(user)}:{unquote(password)}".encode()
    return clean, "Basic " + base64.b64encode(pair).decode("ascii")


def bind(names: Iterable[str], limits: FetchLimits,
         listed: Iterable[str] = ()) -> tuple[list[str], FetchLimits]:
    """The names with credentials taken out of their URLs, and ``limits`` whose
    ``credentials`` say which headers go to which origin: ``limits.headers`` to the origin of
    every URL in ``names`` and ``listed`` (the URLs of the URL lists named), a URL's own user
    and password to its origin (over an ``Authorization`` header given for every origin).
    Two different passwords for one origin are a :class:`CredentialsError`."""
    from a11y_audit.sources import is_url  # (sources imports fetch, which imports this module)

    names = list(names)
    origins: set[str] = set()
    basic: dict[str, str] = {}
    for url in [*names, *listed]:
        if not is_url(url):
            continue
        stripped, authorization = without_userinfo(url)
        where = origin(stripped)
        if where is None:
            continue
        origins.add(where)
        if authorization is not None and basic.setdefault(where, authorization) != authorization:
            raise CredentialsError(f"two different user names or passwords are given in URLs "
                                   f"for {where}")
    clean = [without_userinfo(name)[0] if is_url(name) else name for name in names]
    given = dict(limits.headers)
    table = []
    for where in sorted(origins):
        headers = dict(given)
        if where in basic:
            for key in [k for k in headers if k.lower() == "authorization"]:
                del headers[key]
            headers["Authorization"] = basic[where]
        if headers:
            table.append((where, tuple(headers.items())))
    return clean, replace(limits, credentials=tuple(table))


@functools.lru_cache(maxsize=8)
def _table(credentials: tuple[tuple[str, Headers], ...]) -> dict[str, Headers]:
    return dict(credentials)


def headers_for(url: str, limits: FetchLimits) -> Headers:
    """The headers a request to ``url`` carries beyond the client's own (none when its origin
    was not named)."""
    if not limits.credentials:
        return ()
    where = origin(url)
    return _table(limits.credentials).get(where, ()) if where is not None else ()
