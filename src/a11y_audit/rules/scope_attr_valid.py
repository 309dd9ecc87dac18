"""The ``scope`` attribute is used correctly.

``scope`` tells a screen reader which cells a header cell heads: ``col``, ``row``,
``colgroup`` or ``rowgroup``. Any other value is ignored, so the header may be announced with
the wrong cells or none; and in HTML5 ``scope`` belongs on ``th`` only, so on a ``td`` it does
nothing.

The rule applies to every ``td`` and ``th`` with a ``scope`` attribute, not hidden from
assistive technology. It fails when the value (ignoring case) is not ``row``, ``col``,
``rowgroup`` or ``colgroup``, or when the element is a ``td`` in an HTML5 document (one whose
doctype is ``<!DOCTYPE html>`` with no public or system identifier); it passes otherwise.

Matches axe-core. Same selector (``td[scope], th[scope]``, hidden excluded) and checks
(``html5-scope`` and ``scope-value``). Like axe-core, the value is not trimmed:
``scope=" col"`` fails.

Fails::

    <table><tr><th scope="column">Votes</th></tr><tr><td>1,204</td></tr></table>

    <!DOCTYPE html><table><tr><td scope="col">Votes</td></tr><tr><td>1,204</td></tr></table>

Passes::

    <table><tr><th scope="col">Votes</th><th scope="COL">Seats</th></tr>
      <tr><td>1,204</td><td>3</td></tr></table>

    <!DOCTYPE html><table><tr><th scope="rowgroup">North</th><td>1,204</td></tr></table>
"""

from __future__ import annotations

from a11y_audit.dom import tag_of
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="scope-attr-valid",
    impact="moderate",
    wcag=(),
    tags=("cat.tables", "best-practice"),
    help="Use scope=\"col\", \"row\", \"colgroup\" or \"rowgroup\", on th elements only",
    template_values=("scope",),
)

_VALUES = frozenset(("row", "col", "rowgroup", "colgroup"))


def check(page: Page) -> Results:
    cells = [el for el in page.by_attribute.get("scope", []) if tag_of(el) in ("td", "th")]
    if not cells:
        return
    html5 = _is_html5(page)
    for el in cells:
        if page.is_hidden(el):
            continue
        value = el.get("scope") or ""
        problems = []
        if html5 and tag_of(el) == "td":
            problems.append("scope belongs on th in HTML5, not td")
        if value.lower() not in _VALUES:
            problems.append(f"scope={value!r} is not row, col, rowgroup or colgroup")
        if problems:
            yield RULE.fail(el, f"<{tag_of(el)} scope={value!r}>: " + "; ".join(problems))
        else:
            yield RULE.ok(el, lambda value=value: f"scope={value!r} is valid")


def _is_html5(page: Page) -> bool:
    """``<!DOCTYPE html>`` without public or system identifier (axe-core ``isHTML5``). libxml2
    gives a document without a doctype an HTML 4.0 one, which is not HTML5 either: right, as
    axe-core reads a missing doctype as not HTML5."""
    info = page.root.getroottree().docinfo
    return (info.root_name or "").lower() == "html" and not info.public_id \
        and not info.system_url  # type: ignore[attr-defined]  # (lxml-stubs lack it)
