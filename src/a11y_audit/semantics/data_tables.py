"""Data table or layout table: axe-core's ``isDataTable`` heuristic, from markup.

axe-core (``lib/commons/table/is-data-table.js``) decides whether a ``table`` holds data by a
sequence of tests: roles, ``contenteditable``, ``datatable="0"``, ``summary``, ``caption``,
``thead``, ``tfoot``, ``colgroup``, any ``th``, cells with ``scope``/``headers``/``abbr`` or a
header role, a cell holding only an ``abbr``, nested tables, the number of rows and of cells in
the middle row, then rendered borders, row backgrounds and the table's width. Static HTML can run
every test but the rendered ones; there the answer is UNKNOWN (a ``border`` attribute counts as a
border, and twenty rows decide as they would after the styles). Rules that use it
(td-has-header, table-fake-caption) report cantTell instead of failed on UNKNOWN tables.
"""

from __future__ import annotations

from math import ceil

from lxml import etree

from a11y_audit.dom import tag_of
from a11y_audit.knowledge import aria
from a11y_audit.semantics.focus import is_focusable

Element = etree._Element

DATA, LAYOUT, UNKNOWN = "data", "layout", "unknown"


def data_table_kind(table: Element) -> str:
    """axe-core's ``isDataTable`` from markup: DATA, LAYOUT, or UNKNOWN where it needs the
    rendered borders, row backgrounds or width."""
    role = aria.explicit_role(table)
    if role in aria.PRESENTATIONAL and not is_focusable(table):
        return LAYOUT
    if (table.get("contenteditable") == "true"
            or any(a.get("contenteditable") == "true" for a in table.iterancestors())):
        return DATA
    if role in ("grid", "treegrid", "table") or (role and "landmark" in aria.role_chain(role)):
        return DATA
    if table.get("datatable") == "0":
        return LAYOUT
    if table.get("summary"):
        return DATA
    if any(tag_of(c) in ("thead", "tfoot", "caption", "colgroup") for c in table):
        return DATA
    rows = _rows(table)
    cells = 0
    for row in rows:
        for cell in row:
            if tag_of(cell) == "th":
                return DATA
            if cell.get("scope") or cell.get("headers") or cell.get("abbr"):
                return DATA
            if aria.explicit_role(cell) in ("columnheader", "rowheader"):
                return DATA
            children = [c for c in cell if isinstance(c.tag, str)]
            if len(children) == 1 and tag_of(children[0]) == "abbr":
                return DATA
            cells += 1
    if table.xpath(".//table"):
        return LAYOUT
    if len(rows) < 2:
        return LAYOUT
    sample = rows[ceil(len(rows) / 2)] if ceil(len(rows) / 2) < len(rows) else rows[-1]
    if len(sample) == 1 and (sample[0].get("colspan") or "1").strip() in ("", "1"):
        return LAYOUT
    if len(sample) >= 5:
        return DATA
    if (table.get("border") or "0").strip() not in ("", "0"):
        return DATA
    if len(rows) >= 20:
        return DATA
    return UNKNOWN   # borders, row backgrounds and width decide


def _rows(table: Element) -> list[list[Element]]:
    """``table.rows`` and each row's ``cells``: the ``tr`` children of the table and of its
    ``thead``/``tbody``/``tfoot`` children."""
    rows: list[Element] = []
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if tag_of(r) == "tr")
    return [[c for c in row if tag_of(c) in ("td", "th")] for row in rows]
