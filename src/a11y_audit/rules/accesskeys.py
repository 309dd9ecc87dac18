"""Every ``accesskey`` value is unique.

``accesskey`` binds a keyboard shortcut to an element. When two elements share a key, the
browser either activates only the first or cycles between them, so the shortcut a reader
learned on one page goes somewhere else on the next, or nowhere useful.

The rule applies to every element with a non-empty ``accesskey`` that is rendered (hidden from
assistive technology or not; one with ``display: none`` or ``visibility: hidden`` does not
count). Keys are compared ignoring case. One result is given per key, on the first element that
uses it: failed when later elements use it too (they are named in the message), else passed.

Matches axe-core. Same selector (``[accesskey]``, hidden included), check (``accesskeys``, which
skips elements hidden for everyone) and grouping (``accesskeys-after``: one result per key, on
its first element).

Fails::

    <a href="/" accesskey="h">Home</a> <a href="/help" accesskey="H">Help</a>

    <a href="/search" accesskey="s">Search</a>
    <button accesskey="s" aria-hidden="true">Share</button>

Passes::

    <a href="/" accesskey="h">Home</a> <a href="/search" accesskey="s">Search</a>

    <a href="/" accesskey="h">Home</a> <a href="/help" accesskey="h" hidden>Help</a>

In a template, a key written inside a loop (``{% for %}``, ``{{#each}}``, a ``foreach``
block) is written once for each item: cantTell, naming the loop.
"""

from __future__ import annotations

from a11y_audit.checks.holes import repeated_by_loop
from a11y_audit.checks.naming import describe
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="accesskeys",
    impact="serious",
    wcag=(),
    tags=("cat.keyboard", "best-practice"),
    help="Give each element its own accesskey, or drop the accesskey",
    template_values=("accesskey", "branches"),
)


def check(page: Page) -> Results:
    keys: dict[str, list[Element]] = {}
    for el in page.by_attribute.get("accesskey", []):
        value = el.get("accesskey") or ""
        if not value or not page.is_rendered(el) or page.visibility_state(el)[1]:
            continue
        keys.setdefault(value.upper(), []).append(el)
    for elements in keys.values():
        first, others = elements[0], elements[1:]
        key = first.get("accesskey")
        if others:
            listed = ", ".join(f"{describe(e)} (line {page.line(e)})" for e in others[:4])
            yield RULE.fail(first, f"accesskey {key!r} is also used by {listed}")
        elif page.template is not None and (loop := repeated_by_loop(page, first, key or "")):
            yield RULE.cant_tell(first, f"accesskey {key!r} stands in the template's loop "
                                        f"{loop}: each item writes it, so on a page of two "
                                        "items or more it is used twice")
        else:
            yield RULE.ok(first, lambda key=key: f"accesskey {key!r} is unique")
