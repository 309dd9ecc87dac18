"""Tables hold data, not layout.

A layout table makes screen readers announce "table, 3 columns, 2 rows" and read the page
cell by cell; older newsletters, syndicated wire copy and ad slots still use them. bbc-a11y's
standard "Use tables for data" checks the same, with the heuristics browsers use to tell a data
table from a layout table.

No axe-core counterpart. The heuristics follow bbc-a11y's ``detectTableType`` in this order:
``datatable="0"`` is layout; ``role=grid`` or ``treegrid``, a ``summary``, ``caption``,
``col``/``colgroup``, ``thead``/``tfoot``, ``th``, or cells with ``headers``, ``scope`` or
``abbr`` make a data table; a nested table makes it layout; 5 or more columns, 20 or more rows
or a ``border`` make it data; one row or one column makes it layout; 10 or fewer cells make it
layout; ``object``/``embed`` inside make it layout; the rest is data. Differences: a layout
table marked ``role="presentation"``/``"none"`` passes (assistive technology ignores its table
semantics, WCAG technique F46 fails only layout tables that keep them); a table without cells,
which bbc-a11y calls layout, is cantTell (nothing in it is read cell by cell, and the script
that fills it, a checkout's order review or a sortable feed, decides what it is); and
bbc-a11y's width test (over 95% of the page) needs layout and is skipped.

Fails::

    <table><tr><td><img src="logo.png" alt="Daily Planet"></td><td><a href="/">Home</a></td>
    </tr></table>

Passes::

    <table><caption>Results by county</caption><tr><th>County</th><th>Votes</th></tr>
      <tr><td>Kent</td><td>1,204</td></tr></table>

    <table role="presentation"><tr><td><img src="logo.png" alt="Daily Planet"></td>
      <td><a href="/">Home</a></td></tr></table>

Limits: tables shown with CSS ``display: table`` are not seen, and a table's cell borders set by
a stylesheet do not count; a small data table without headers is reported as layout (it needs
headers anyway, WCAG 1.3.1).
"""

from __future__ import annotations

from a11y_audit.dom import tag_of
from a11y_audit.knowledge import bbc
from a11y_audit.knowledge.aria import PRESENTATIONAL, explicit_role
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="table-for-data",
    impact="minor",
    wcag=(),
    tags=("news", "cat.tables"),
    axe=False,
    help_url=bbc.url("text-equivalents/visual-formatting"),
    help="Lay the content out with CSS; keep tables for data with header cells",
    template_values=("content",),
)

_DATA_PARTS = ("caption", "col", "colgroup", "tfoot", "thead", "th")


def check(page: Page) -> Results:
    for table in page.tags("table"):
        if not page.is_rendered(table) or page.is_hidden(table):
            continue
        kind, reason = table_type(table)
        if kind == "data":
            yield RULE.ok(table, f"A data table ({reason})")
        elif explicit_role(table) in PRESENTATIONAL:
            yield RULE.ok(table, "A layout table marked role=\"presentation\"")
        elif kind == "empty":
            # (nothing in it is read cell by cell: a script fills it, a checkout's order
            # review, a sortable feed, and what it puts there decides)
            yield RULE.cant_tell(table, "The table has no cells: what a script writes into "
                                        "it decides whether it is a data table")
        else:
            yield RULE.fail(table, f"The table looks like a layout table ({reason}); use CSS "
                                   "for layout, or role=\"presentation\"")


def _own(table: Element, tags: tuple[str, ...]) -> list[Element]:
    """Descendants with these tags that belong to this table, not to a nested one."""
    out = []
    for el in table.iter(*tags):
        owner = next((a for a in el.iterancestors("table")), None)
        if owner is table:
            out.append(el)
    return out


def table_type(table: Element) -> tuple[str, str]:
    """("data" | "layout", reason) by bbc-a11y's detectTableType heuristics, statically;
    ("empty", reason) for a table without cells, which bbc-a11y calls layout."""
    if (table.get("datatable") or "").strip() == "0":
        return "layout", 'datatable="0"'
    role = explicit_role(table)
    if role in ("grid", "treegrid"):
        return "data", f"role={role}"
    if table.get("summary") is not None:
        return "data", "summary attribute"
    parts = _own(table, _DATA_PARTS)
    if parts:
        return "data", f"has <{tag_of(parts[0])}>"
    cells = _own(table, ("td",))
    for cell in cells:
        for attribute in ("headers", "scope", "abbr"):
            if cell.get(attribute) is not None:
                return "data", f"a cell has {attribute}"
        children = [c for c in cell if isinstance(c.tag, str)]
        if (len(children) == 1 and tag_of(children[0]) == "abbr"
                and not (cell.text or "").strip() and not (children[0].tail or "").strip()):
            return "data", "a cell holds only an <abbr>"
    if any(True for _ in table.iterdescendants("table")):
        return "layout", "it contains another table"
    if not cells:
        return "empty", "no cells"
    rows = _own(table, ("tr",))
    columns = max((sum(1 for c in row if tag_of(c) == "td") for row in rows), default=0)
    if columns >= 5:
        return "data", f"{columns} columns"
    if len(rows) >= 20:
        return "data", f"{len(rows)} rows"
    if (table.get("border") or "0").strip() not in ("", "0"):
        return "data", "a border"
    if len(rows) == 1:
        return "layout", "one row"
    if columns == 1:
        return "layout", "one column"
    if len(cells) <= 10:
        return "layout", f"only {len(cells)} cells, no headers"
    if any(True for _ in table.iter("object", "embed", "applet")):
        return "layout", "it holds embedded objects"
    return "data", f"{len(cells)} cells"
