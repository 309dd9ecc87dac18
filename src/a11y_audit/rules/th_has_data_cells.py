"""Each table header cell heads at least one cell of its table.

A header is announced with the cells it heads: "Turnout, North, 64%". A header with no cells
under or beside it (an extra column heading over a short row, or a ``headers`` attribute that
skips it) tells screen reader users about data that is not there, and often means the table is
built wrong, so the other headers are announced with the wrong cells too.

Applies to each rendered, exposed header cell (a ``th`` that HTML's table model makes a column
or row header, or an element with ``role="columnheader"``/``"rowheader"``) whose closest table
is a rendered, exposed table or grid. Empty header cells (a blank corner cell) are not checked.
In HTML tables, cells are assigned to headers by the HTML algorithm (``headers`` attribute,
else scanning up the column and along the row, with ``scope``, ``colspan`` and ``rowspan``);
in ARIA tables a column header heads the cells of its column and a row header those of its row.
Header cells count as assigned cells too.

Differs from axe-core: ACT rule d0f69e and HTML's table model decide which cells a header heads. A
header that no cell is assigned to fails even when a cell's ``aria-labelledby`` points at it, and
tables axe-core only asks to review (headers it cannot place) get a definite answer here.

Fails::

    <table><caption>Fares</caption>
      <tr><th>Zone</th><th>Price</th><th>Discount</th></tr>
      <tr><td>1</td><td>2.50</td></tr></table>

Passes::

    <table><caption>Fares</caption>
      <tr><th>Zone</th><th>Price</th></tr>
      <tr><td>1</td><td>2.50</td></tr></table>

Limits: a table that a stylesheet the cascade reads hides is not checked; one it moves off screen
or clips gives cantTell instead of failing; layout tables marked up with ``th`` are judged as data
tables.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from a11y_audit.checks.naming import describe, quote
from a11y_audit.dom import normalize_space, tag_of
from a11y_audit.outcome import Outcome
from a11y_audit.rule import Page, Result, Results, Rule
from a11y_audit.semantics.stylesheets import may_be_hidden_by_style
from a11y_audit.semantics.tables import (
    HEADER_ROLES,
    TABLE_ROLES,
    Cell,
    aria_rows,
    assigned_headers,
    closest_table,
    form_table,
    is_empty,
)

RULE = Rule(
    id="th-has-data-cells",
    impact="serious",
    wcag=("1.3.1",),
    act=("d0f69e",),
    tags=("cat.tables",),
    help="Give every header cell data cells under or beside it, or make it a plain cell",
    template_values=("headers", "id", "content", "table"),
)

_HEADER_KINDS = frozenset(("column", "row", "rowgroup", "colgroup"))
_PAST = 1 << 62        # a position past any slot of a table (see _Waiting._nearest)


def check(page: Page) -> Results:
    for table in _tables(page):
        html = tag_of(table) == "table"
        results = _html_table(page, table) if html else _aria_table(page, table)
        table_hidden_by = may_be_hidden_by_style(page, table)
        for result in results:
            if result.outcome is not Outcome.FAILED:
                if not table_hidden_by:
                    yield result
                continue
            hidden_by = table_hidden_by or may_be_hidden_by_style(page, result.element)
            if hidden_by:
                yield RULE.cant_tell(result.element, f"{result.message}; but the stylesheet "
                                     f"rule {hidden_by!r} hides it from sight "
                                     f"({page.visually_hidden(result.element) or 'not rendered'})")
            else:
                yield result


def _tables(page: Page) -> Iterator[etree._Element]:
    for el in page.select("table", "*[role]"):
        if tag_of(el) != "table" and page.explicit_roles.get(el) not in TABLE_ROLES:
            continue
        if page.role(el) in TABLE_ROLES and not page.is_hidden(el):
            yield el


def _applicable(page: Page, el: etree._Element) -> bool:
    return not page.is_hidden(el) and not is_empty(el)


def _html_table(page: Page, table: etree._Element) -> Iterator[Result]:
    model = form_table(table)
    targets: list[Cell] = []
    for cell in model.cells:
        explicit = page.explicit_roles.get(cell.element)
        is_header = explicit in HEADER_ROLES or (
            explicit is None and cell.header and cell.kind in _HEADER_KINDS)
        if is_header and _applicable(page, cell.element):
            targets.append(cell)
    if not targets:
        return
    waiting = _Waiting(targets)
    # Which headers are found at the end depends neither on the order the cells are read in
    # nor on the cells whose scans can meet no header still waiting, which are skipped. Data
    # cells first (they are what headers head), from the end of the table (a cell's scan
    # goes up and left): in a long table every waiting header is soon found or out of reach,
    # where reading each cell's assigned headers was quadratic (4,000 rows of row headers:
    # 20 s; 2,000 rows of th only, each assigned every header above it: over 10 s).
    for cell in [*(c for c in reversed(model.cells) if not c.header),
                 *(c for c in reversed(model.cells) if c.header)]:
        if waiting.may_meet(cell):
            for header in assigned_headers(model, cell, page):
                waiting.found(header)
            if not waiting:
                break
    for target in targets:
        yield _result(target.element, not waiting.waits(target))


class _Waiting:
    """The header cells no cell has been found assigned to yet, and where they are: by
    column, their anchor rows, and by row, their anchor columns (ascending, each list read
    from its first header still waiting)."""

    def __init__(self, targets: list[Cell]) -> None:
        self._ids = {id(t) for t in targets}
        # headers of row and column groups are assigned from anywhere in their group
        self._anywhere = any(t.kind in ("rowgroup", "colgroup") for t in targets)
        self._columns: dict[int, list[tuple[int, Cell]]] = {}
        self._rows: dict[int, list[tuple[int, Cell]]] = {}
        for target in targets:
            for x in range(target.x, target.x + target.width):
                self._columns.setdefault(x, []).append((target.y, target))
            for y in range(target.y, target.y + target.height):
                self._rows.setdefault(y, []).append((target.x, target))
        for lines in (self._columns, self._rows):
            for line in lines.values():
                line.sort(key=lambda item: item[0])
        self._first: dict[tuple[bool, int], int] = {}

    def __bool__(self) -> bool:
        return bool(self._ids)

    def waits(self, header: Cell) -> bool:
        return id(header) in self._ids

    def found(self, header: Cell) -> None:
        self._ids.discard(id(header))

    def may_meet(self, cell: Cell) -> bool:
        """Whether the cell's assigned headers may hold one still waiting: its ``headers``
        attribute names cells anywhere, and its scans go up its columns and left along its
        rows, meeting only headers that cover a slot there (one anchored above, or left)."""
        if self._anywhere or cell.element.get("headers") is not None:
            return True
        for x in range(cell.x, cell.x + cell.width):
            if self._nearest(True, x, self._columns.get(x)) < cell.y:
                return True
        for y in range(cell.y, cell.y + cell.height):
            if self._nearest(False, y, self._rows.get(y)) < cell.x:
                return True
        return False

    def _nearest(self, column: bool, index: int, line: list[tuple[int, Cell]] | None) -> int:
        """The least anchor position of a header still waiting on the line (_PAST for
        none); the headers found before it are passed once."""
        if not line:
            return _PAST
        key = (column, index)
        at = self._first.get(key, 0)
        while at < len(line) and id(line[at][1]) not in self._ids:
            at += 1
        self._first[key] = at
        return line[at][0] if at < len(line) else _PAST


def _aria_table(page: Page, table: etree._Element) -> Iterator[Result]:
    rows = aria_rows(table, page)
    columns: dict[int, list[etree._Element]] = {}
    for row in rows:
        for el, column in row:
            columns.setdefault(column, []).append(el)
    for row in rows:
        for el, column in row:
            role = page.role(el)
            if role not in HEADER_ROLES or closest_table(el, page) is not table:
                continue
            if not _applicable(page, el):
                continue
            if role == "columnheader":
                assigned = any(other is not el for other in columns.get(column, ()))
            else:
                assigned = any(other is not el for other, _ in row)
            yield _result(el, assigned)


def _result(el: etree._Element, assigned: bool) -> Result:
    text = normalize_space("".join(el.itertext()))  # type: ignore[arg-type]  # (str)
    label = quote(text) if text else describe(el)     # (a header holding an image only)
    if assigned:
        return RULE.ok(el, f"Header {label} heads at least one cell")
    return RULE.fail(el, f"Header {label} is assigned to no cell of its table")
