"""What a user types into the fetch options (headers, URLs with credentials, proxy settings,
NO_PROXY lists) and what a server sends back (Retry-After), as arbitrary text: each reader
answers or refuses with its own one-line error, never a traceback, and a refused header's
value is never repeated.

``A11Y_AUDIT_FUZZ_EXAMPLES`` sets the examples a property tries (default 300).
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from a11y_audit.credentials import (
    CredentialsError,
    bind,
    expand,
    origin,
    parse_header,
    without_userinfo,
)
from a11y_audit.fetch import FetchLimits, _seconds_after
from a11y_audit.transport import ProxyRefused, _bypassed, check_proxy

EXAMPLES = int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "300"))
TEXT = (st.text(max_size=80)
        | st.from_regex(r"https?://[^\s]{0,40}", fullmatch=True)
        | st.from_regex(r"[A-Za-z-]{1,12}: ?[^\n]{0,30}", fullmatch=True))
SECRET = "s3cr3t-value"


@settings(max_examples=EXAMPLES, deadline=None)
@given(TEXT)
def test_every_reader_answers_or_refuses_in_its_own_terms(text):
    try:
        name, value = parse_header(text)
        assert name and ":" not in name and "\n" not in value
    except CredentialsError as exc:
        assert "\n" not in str(exc)
    url, authorization = without_userinfo(text)
    assert authorization is None or (authorization.startswith("Basic ")
                                     and "@" not in urlsplit(url).netloc)
    found = origin(text)
    assert found is None or found.startswith(("http://", "https://"))
    assert isinstance(_bypassed(text, text), bool) and isinstance(_bypassed("a.example", text),
                                                                    bool)
    wait = _seconds_after(text)
    assert wait is None or wait >= 0
    try:
        assert check_proxy(text, "--proxy") == text
    except ProxyRefused as exc:
        assert str(exc).startswith("--proxy: ")
    try:
        expand(text, "headers", {})
    except CredentialsError as exc:
        assert "is not set in the environment" in str(exc)
    try:
        names, bound = bind([text, f"http://{text}"], FetchLimits(headers=(("X-Token", "1"),)))
        assert len(names) == 2
        assert all("@" not in where for where, _ in bound.credentials)
    except CredentialsError as exc:
        assert "two different user names or passwords" in str(exc)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet=st.characters(categories=("Cc", "Cs", "Lo", "So")), min_size=1,
               max_size=5))
def test_a_refused_value_is_never_repeated(bad):
    try:
        parse_header(f"X-Token: {SECRET}{bad}")
    except CredentialsError as exc:
        assert SECRET not in str(exc)
