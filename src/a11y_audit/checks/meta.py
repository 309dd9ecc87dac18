"""``<meta>`` pragmas: the refresh delay and the viewport's zoom settings.

Sources:

* HTML Living Standard 4.2.5.3 "Pragma directives", Refresh state, and the "shared declarative
  refresh steps" (https://html.spec.whatwg.org/multipage/semantics.html#shared-declarative-refresh-steps):
  the time is the leading ASCII digits (a leading "." means 0; digits and dots after it are
  ignored); what follows must start with ";", "," or ASCII whitespace, else there is no
  refresh at all.
* CSS Device Adaptation, "Parsing algorithm" and "Translate into @viewport descriptors"
  (https://drafts.csswg.org/css-device-adapt/#viewport-meta): the viewport ``content`` is a list
  of key=value pairs separated by whitespace, commas or semicolons; values are read with a
  leading-number parse (strtod), ``yes`` is 1, ``device-width``/``device-height`` are 10 and
  other words are 0.
* ACT rule b4f0c3 "Meta viewport allows for zoom"
  (https://www.w3.org/WAI/standards-guidelines/act/rules/b4f0c3/proposed/): ``user-scalable``
  must not translate to ``user-zoom: fixed`` (a number between -1 and 1 excluded, ``no`` or an
  unknown word) and ``maximum-scale`` must not be a non-negative value below 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from a11y_audit.dom import integer
from a11y_audit.knowledge.lang import ASCII_WHITESPACE

if TYPE_CHECKING:
    from a11y_audit.page import Page
    from a11y_audit.rule import Results, Rule

_DIGITS = frozenset("0123456789")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_PAIR = re.compile(r"([^\s,;=]+)\s*(?:=\s*([^\s,;=]*))?")


# -- refresh ------------------------------------------------------------------------------------


def refresh_time(content: str | None) -> int | None:
    """The delay in seconds of a Refresh pragma, or None when the value makes no refresh."""
    if not content:
        return None
    pos = 0
    end = len(content)
    while pos < end and content[pos] in ASCII_WHITESPACE:
        pos += 1
    start = pos
    while pos < end and content[pos] in _DIGITS:
        pos += 1
    digits = content[start:pos]
    if not digits and (pos >= end or content[pos] != "."):
        return None
    time = integer(digits) if digits else 0
    while pos < end and (content[pos] == "." or content[pos] in _DIGITS):
        pos += 1
    if pos < end and content[pos] not in ";," + ASCII_WHITESPACE:
        return None
    return time


def first_refresh(page: Page) -> tuple[etree._Element, int] | None:
    """The first ``<meta http-equiv="refresh">`` whose content makes a refresh, and its delay.

    Metas inside ``noscript`` (not markup when scripting is on) or ``template`` are not in
    the page (:attr:`Page.contents_apart`).
    """
    # (only the metas with http-equiv: a set test, not meta.get per meta; see Page.holders)
    for meta in filter(page.holders("http-equiv").__contains__, page.by_tag.get("meta", ())):
        if (meta.get("http-equiv") or "").strip(ASCII_WHITESPACE).lower() != "refresh":
            continue
        time = refresh_time(meta.get("content"))
        if time is not None:
            return meta, time
    return None


# -- viewport -----------------------------------------------------------------------------------


def viewport_properties(content: str | None) -> dict[str, str]:
    """The key/value pairs of a viewport ``content`` attribute (lower-cased; last one wins)."""
    out: dict[str, str] = {}
    for key, value in _PAIR.findall(content or ""):
        out[key.lower()] = value.lower()
    return out


def _number(value: str) -> float | None:
    match = _NUMBER.match(value)
    return float(match.group(0)) if match else None


@dataclass(frozen=True, slots=True)
class ZoomProblem:
    key: str
    value: str
    reason: str


def user_scalable_problem(value: str) -> str | None:
    """Why a ``user-scalable`` value disables zoom, or None when it allows zoom."""
    if value in ("yes", "device-width", "device-height"):
        return None
    if value == "no":
        return "turns zooming off"
    number = _number(value)
    if number is None:
        return "is not yes, no or a number, which browsers read as 0 (zoom off)"
    if -1 < number < 1:
        return "is a number between -1 and 1, which browsers read as zoom off"
    return None


def maximum_scale_problem(value: str) -> str | None:
    """Why a ``maximum-scale`` value limits zoom below 200%, or None when it does not."""
    if value in ("device-width", "device-height"):
        return None
    if value == "yes":
        return "means 1 (no zoom beyond 100%)"
    number = _number(value)
    if number is None:
        return "is not a number, which browsers read as 0 (no zoom)"
    if number < 0 or number >= 2:
        return None
    return f"limits zoom to {number:g}x, below the 2x (200%) text resize needs"


def zoom_problems(content: str | None) -> tuple[bool, list[ZoomProblem]]:
    """(applicable, problems): applicable when the content has ``user-scalable`` or
    ``maximum-scale``; problems lists each setting that blocks zoom."""
    props = viewport_properties(content)
    applicable = "user-scalable" in props or "maximum-scale" in props
    problems: list[ZoomProblem] = []
    if "user-scalable" in props:
        reason = user_scalable_problem(props["user-scalable"])
        if reason:
            problems.append(ZoomProblem("user-scalable", props["user-scalable"], reason))
    if "maximum-scale" in props:
        reason = maximum_scale_problem(props["maximum-scale"])
        if reason:
            problems.append(ZoomProblem("maximum-scale", props["maximum-scale"], reason))
    return applicable, problems


def judge_refresh(rule: Rule, page: Page, *, allowed_over: int | None = None) -> Results:
    """The first refresh passes when immediate (delay 0) or, with ``allowed_over``, longer than
    that many seconds; any other delay fails. Shared by meta-refresh (20-hour exception) and
    meta-refresh-no-exceptions."""
    found = first_refresh(page)
    if found is None:
        return
    meta, delay = found
    content = meta.get("content")
    if delay == 0:
        yield rule.ok(meta, f"<meta http-equiv=refresh content={content!r}> redirects at once")
    elif allowed_over is not None and delay > allowed_over:
        yield rule.ok(meta, f"Refresh delay {delay}s is over {allowed_over // 3600} hours")
    else:
        yield rule.fail(meta, f"<meta http-equiv=refresh content={content!r}> reloads or "
                        f"redirects the page after {delay} seconds")
