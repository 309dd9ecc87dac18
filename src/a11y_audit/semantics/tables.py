"""The table model: which cell sits where, and which header cells each cell is assigned.

Sources:

* HTML Living Standard 4.9.12.1 "Forming a table"
  (https://html.spec.whatwg.org/multipage/tables.html#forming-a-table): slots, cells anchored at
  (x, y) with a width (``colspan``) and height (``rowspan``), row groups, column groups and the
  pending ``tfoot`` elements that go to the end.
* HTML 4.9.12.2 "Forming relationships between data cells and header cells"
  (https://html.spec.whatwg.org/multipage/tables.html#header-and-data-cell-semantics): column,
  row, row group and column group headers, the ``headers`` attribute, and the "internal
  algorithm for scanning and assigning header cells" (opaque headers, header blocks).
* WAI-ARIA 1.2 section 5.3.2 "Document Structure Roles" (``table``, ``row``, ``cell``,
  ``columnheader``, ``rowheader``) and ``grid``/``gridcell``: for ARIA tables built from other
  elements, a ``columnheader`` heads the cells of its column and a ``rowheader`` those of its
  row (as browsers compute column and row headers).

Header cells are ``th`` elements unless an explicit ``role`` says otherwise: an explicit
``columnheader``/``rowheader`` makes a cell a header of that kind and an explicit ``cell`` or
``gridcell`` makes a ``th`` a data cell, as browsers expose them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from a11y_audit.dom import integer, is_digits, tag_of
from a11y_audit.knowledge import aria

if TYPE_CHECKING:
    from a11y_audit.page import Page

Element = etree._Element

TABLE_ROLES = frozenset(("table", "grid", "treegrid"))
CELL_ROLES = frozenset(("cell", "gridcell", "columnheader", "rowheader"))
HEADER_ROLES = frozenset(("columnheader", "rowheader"))

_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534


@dataclass(eq=False, slots=True)
class Cell:
    """One ``td``/``th`` anchored at (x, y) and covering width x height slots."""

    element: Element
    x: int
    y: int
    width: int
    height: int
    header: bool                      # a header cell (th, or an explicit header role)
    kind: str = ""                    # "column", "row", "rowgroup", "colgroup" or "" (headers)
    row_group: tuple[int, int] | None = None   # (first row, height) of its row group


class Slots:
    """The slots of a table, row by row: the cell covering each column of a row (a list of
    them where several do, a model error). A list a row, not an entry a slot: a 37 KB page's
    ``<td colspan=1000 rowspan=65534>`` above 2,000 rows covers two million slots, which
    took 485 MB as a dict of slots and takes 16 MB as rows."""

    __slots__ = ("rows",)

    def __init__(self) -> None:
        self.rows: list[list[Cell | list[Cell] | None]] = []

    def add(self, start: int, end: int, y: int, cell: Cell) -> None:
        """``cell`` covers columns ``start`` to ``end`` (excluded) of row ``y``."""
        rows = self.rows
        while len(rows) <= y:
            rows.append([])
        row = rows[y]
        if len(row) < end:
            row.extend([None] * (end - len(row)))
        if not any(row[start:end]):
            row[start:end] = [cell] * (end - start)
            return
        for x in range(start, end):
            found = row[x]
            row[x] = (cell if found is None else [*found, cell] if isinstance(found, list)
                      else [found, cell])

    def get(self, key: tuple[int, int], default: tuple = ()) -> list[Cell] | tuple:
        """The cells covering slot (x, y), in the order they were added to it; ``default``
        where none does."""
        x, y = key
        if x < 0 or y < 0 or y >= len(self.rows):
            return default
        row = self.rows[y]
        found = row[x] if x < len(row) else None
        if found is None:
            return default
        return found if isinstance(found, list) else [found]

    def __contains__(self, key: tuple[int, int]) -> bool:
        return bool(self.get(key))

    def row(self, y: int) -> Iterator[Cell]:
        """Each cell covering a slot of row ``y``, once a slot (a spanning cell once for
        each of its columns)."""
        if 0 <= y < len(self.rows):
            for found in self.rows[y]:
                if isinstance(found, list):
                    yield from found
                elif found is not None:
                    yield found


@dataclass(slots=True)
class Table:
    """The HTML table model of one ``table`` element."""

    element: Element
    cells: list[Cell] = field(default_factory=list)
    slots: Slots = field(default_factory=Slots)
    width: int = 0
    height: int = 0
    column_groups: list[tuple[int, int]] = field(default_factory=list)   # (first column, width)
    by_element: dict[Element, Cell] = field(default_factory=dict)
    # see line(): by (True, column) and (False, row)
    lines: dict[tuple[bool, int], tuple[list[int], list[int], int]] = field(
        default_factory=dict, repr=False, compare=False)
    # see group_heads()
    groups: tuple[dict[tuple[int, int], list[Cell]], list[Cell]] | None = field(
        default=None, repr=False, compare=False)

    def cell_at(self, x: int, y: int) -> Cell | None:
        """The one cell covering a slot; None when no cell or several (a model error) do."""
        found = self.slots.get((x, y))
        return found[0] if len(found) == 1 else None

    def line(self, index: int, column: bool) -> tuple[list[int], list[int], int]:
        """Along column ``index`` (its rows; ``column``) or row ``index`` (its columns): the
        positions of the slots :meth:`cell_at` answers with a header cell, and of those it
        answers with a data cell, each ascending; and the first position of a header of the
        line's kind (a column header in a column, a row header in a row: the only headers a
        scan along it assigns), or a number past the end. Worked out once a line: the
        header scans of the cells of a column or row all read it (a slot at a time, they
        were quadratic in a long table)."""
        key = (column, index)
        found = self.lines.get(key)
        if found is not None:
            return found
        rows = self.slots.rows
        if column:
            along = [row[index] if index < len(row) else None for row in rows]
        else:
            along = rows[index] if 0 <= index < len(rows) else []
        heads: list[int] = []
        data: list[int] = []
        kind = "column" if column else "row"
        first = len(along)
        for position, cell in enumerate(along):
            if cell is not None and not isinstance(cell, list):    # one cell covers it
                if cell.header:
                    heads.append(position)
                    if cell.kind == kind and position < first:
                        first = position
                else:
                    data.append(position)
        found = self.lines[key] = (heads, data, first)
        return found

    def group_heads(self) -> tuple[dict[tuple[int, int], list[Cell]], list[Cell]]:
        """The row group headers by their row group, and the column group headers, each in
        document order (listed once a table: each cell looks for those of its groups)."""
        if self.groups is None:
            by_row_group: dict[tuple[int, int], list[Cell]] = {}
            column_group: list[Cell] = []
            for cell in self.cells:
                if cell.kind == "rowgroup" and cell.row_group is not None:
                    by_row_group.setdefault(cell.row_group, []).append(cell)
                elif cell.kind == "colgroup":
                    column_group.append(cell)
            self.groups = (by_row_group, column_group)
        return self.groups


# -- forming a table (HTML 4.9.12.1) ---------------------------------------------------------


def _span(value: str | None, default: int, zero_ok: bool, limit: int) -> int:
    """HTML "rules for parsing non-negative integers" for colspan/rowspan, clamped."""
    digits = ""
    for ch in (value or "").strip(" \t\n\f\r"):
        if ch.isdigit() and ch.isascii():
            digits += ch
        else:
            break
    if not digits:
        return default
    number = integer(digits)
    if number == 0:
        return 0 if zero_ok else 1
    return min(number, limit)


class _Builder:
    def __init__(self, table: Element, is_header) -> None:
        self.model = Table(table)
        self.is_header = is_header
        self.y_current = 0
        self.growing: list[Cell] = []
        # each row's count of rows to the end of its group (see _row)
        self.left = _rows_left(table)

    def build(self) -> Table:
        pending_tfoot: list[Element] = []
        loose_cells: list[Element] = []
        for child in self.model.element:
            tag = tag_of(child)
            if tag in ("td", "th"):
                loose_cells.append(child)   # HTML parsers add the tr; libxml2 does not
                continue
            if loose_cells:
                self._row(loose_cells, self.left.get(loose_cells[0], 1))
                loose_cells = []
            if tag == "colgroup":
                self._colgroup(child)
            elif tag in ("thead", "tbody"):
                self._end_row_group()
                self._row_group(child)
            elif tag == "tfoot":
                pending_tfoot.append(child)
            elif tag == "tr":
                self._row(_cells_of_row(child), self.left.get(child, 1))
        if loose_cells:
            self._row(loose_cells, self.left.get(loose_cells[0], 1))
        self._end_row_group()
        for tfoot in pending_tfoot:
            self._row_group(tfoot)
        self._classify_headers()
        return self.model

    def _colgroup(self, colgroup: Element) -> None:
        cols = [c for c in colgroup if tag_of(c) == "col"]
        if cols:
            width = sum(_span(c.get("span"), 1, False, _MAX_COLSPAN) for c in cols)
        else:
            width = _span(colgroup.get("span"), 1, False, _MAX_COLSPAN)
        start = self.model.width
        self.model.width += width
        self.model.column_groups.append((start, width))

    def _row_group(self, group: Element) -> None:
        y_start = self.model.height
        first = len(self.model.cells)
        for row in group:
            if tag_of(row) == "tr":
                self._row(_cells_of_row(row), self.left.get(row, 1))
        self._end_row_group()
        height = self.model.height - y_start
        for cell in self.model.cells[first:]:
            cell.row_group = (y_start, height)

    def _end_row_group(self) -> None:
        model = self.model
        while self.y_current < model.height:
            self._grow_downward()
            self.y_current += 1
        self.growing = []

    def _grow_downward(self) -> None:
        for cell in self.growing:
            if cell.y + cell.height <= self.y_current:
                self.model.slots.add(cell.x, cell.x + cell.width, cell.y + cell.height, cell)
                cell.height += 1

    def _row(self, cells: list[Element], left: int) -> None:
        """One row of cells; ``left``: the rows of its row group from it to the group's end,
        which no cell spans past (as Chromium lays tables out and exposes them: HTML's model
        grows the table to the span, and ``<td colspan=1000 rowspan=65534>`` made 65 million
        slots)."""
        model = self.model
        if model.height == self.y_current:
            model.height += 1
        x_current = 0
        self._grow_downward()
        for el in cells:
            while x_current < model.width and (x_current, self.y_current) in model.slots:
                x_current += 1
            if x_current == model.width:
                model.width += 1
            colspan = _span(el.get("colspan"), 1, False, _MAX_COLSPAN)
            rowspan = _span(el.get("rowspan"), 1, True, _MAX_ROWSPAN)
            downward = rowspan == 0
            rowspan = min(rowspan or 1, left)
            model.width = max(model.width, x_current + colspan)
            model.height = max(model.height, self.y_current + rowspan)
            cell = Cell(el, x_current, self.y_current, colspan, rowspan, self.is_header(el))
            for y in range(self.y_current, self.y_current + rowspan):
                model.slots.add(x_current, x_current + colspan, y, cell)
            model.cells.append(cell)
            model.by_element[el] = cell
            if downward:
                self.growing.append(cell)
            x_current += colspan
        self.y_current += 1

    def _classify_headers(self) -> None:
        model = self.model
        data_rows: set[int] | None = None       # the rows and columns with a data cell,
        data_columns: set[int] = set()          # listed once, when a header asks
        for cell in model.cells:
            if not cell.header:
                continue
            explicit = aria.explicit_role(cell.element)
            scope = (cell.element.get("scope") or "").strip().lower()
            if explicit == "columnheader" or scope == "col":
                cell.kind = "column"
            elif explicit == "rowheader" or scope == "row":
                cell.kind = "row"
            elif scope == "rowgroup" and cell.row_group is not None:
                cell.kind = "rowgroup"
            elif scope == "colgroup" and _in_column_group(model, cell):
                cell.kind = "colgroup"
            else:
                if data_rows is None:
                    data_rows, data_columns = _data_lines(model)
                if data_rows.isdisjoint(range(cell.y, cell.y + cell.height)):
                    cell.kind = "column"
                elif data_columns.isdisjoint(range(cell.x, cell.x + cell.width)):
                    cell.kind = "row"


def _rows_left(table: Element) -> dict[Element, int]:
    """Each row of the table (a ``tr``, or the first of a run of cells outside one) with the
    count of rows from it to the end of its row group: a ``thead``, ``tbody`` or ``tfoot``,
    or the rows outside them that a ``thead`` or ``tbody`` ends (as _Builder.build groups
    them)."""
    left: dict[Element, int] = {}
    loose: list[Element] = []

    def count(rows: list[Element]) -> None:
        for index, row in enumerate(rows):
            left[row] = len(rows) - index

    in_cells = False
    for child in table:
        tag = tag_of(child)
        if tag in ("td", "th"):
            if not in_cells:
                loose.append(child)
            in_cells = True
            continue
        in_cells = False
        if tag in ("thead", "tbody"):
            count(loose)
            loose = []
            count([row for row in child if tag_of(row) == "tr"])
        elif tag == "tfoot":
            count([row for row in child if tag_of(row) == "tr"])
        elif tag == "tr":
            loose.append(child)
    count(loose)
    return left


def _cells_of_row(row: Element) -> list[Element]:
    return [c for c in row if tag_of(c) in ("td", "th")]


def _data_lines(model: Table) -> tuple[set[int], set[int]]:
    """The rows and the columns in which a data cell covers a slot (a cell covers the slots of
    its rectangle: x to x + width, y to y + height): whether a header cell's rows, then its
    columns, hold data decides its kind. Listed once a table (a scan of each header's
    columns was quadratic in a table of row headers: 4,000 rows, 20 s)."""
    rows: set[int] = set()
    columns: set[int] = set()
    for cell in model.cells:
        if not cell.header:
            rows.update(range(cell.y, cell.y + cell.height))
            columns.update(range(cell.x, cell.x + cell.width))
    return rows, columns


def _in_column_group(model: Table, cell: Cell) -> bool:
    return any(start <= cell.x < start + width for start, width in model.column_groups)


def is_header_element(el: Element) -> bool:
    """A header cell: an explicit columnheader/rowheader role, else a ``th`` without an
    explicit cell role."""
    explicit = aria.explicit_role(el)
    if explicit in HEADER_ROLES:
        return True
    if explicit in ("cell", "gridcell"):
        return False
    return tag_of(el) == "th"


def form_table(table: Element) -> Table:
    """The HTML table model of a ``table`` element (its own cells; nested tables excluded)."""
    return _Builder(table, is_header_element).build()


# -- assigning header cells (HTML 4.9.12.2) --------------------------------------------------


def is_empty(el: Element) -> bool:
    """HTML "empty cell": no element children and only White_Space text."""
    if any(isinstance(child.tag, str) for child in el):
        return False
    return not "".join(el.itertext()).strip()  # type: ignore[arg-type]  # (str)


def headers_attribute_targets(model: Table, cell: Cell, page: Page) -> list[Cell]:
    """The cells a ``headers`` attribute names (first element with each id, in this table)."""
    out: list[Cell] = []
    for token in (cell.element.get("headers") or "").split():
        target = page.ids.get(token)
        found = model.by_element.get(target) if target is not None else None
        if found is not None and found is not cell:
            out.append(found)
    return out


def assigned_headers(model: Table, cell: Cell, page: Page) -> list[Cell]:
    """The header cells assigned to ``cell`` ("algorithm for assigning header cells")."""
    if cell.element.get("headers") is not None:
        found = headers_attribute_targets(model, cell, page)
    else:
        found = []
        for y in range(cell.y, cell.y + cell.height):
            found.extend(_scan(model, cell, cell.x, y, -1, 0))
        for x in range(cell.x, cell.x + cell.width):
            found.extend(_scan(model, cell, x, cell.y, 0, -1))
        found.extend(_group_headers(model, cell))
    seen: set[int] = set()
    out: list[Cell] = []
    for header in found:
        if header is cell or id(header) in seen or is_empty(header.element):
            continue
        seen.add(id(header))
        out.append(header)
    return out


def _scan(model: Table, principal: Cell, x: int, y: int, dx: int, dy: int) -> Iterator[Cell]:
    """HTML's "internal algorithm for scanning and assigning header cells" from (x, y), left
    (``dx`` -1) or up (``dy`` -1).

    The algorithm reads each slot in turn, but only the header cells and the first data cell
    after a block of them change anything (a slot no single cell covers changes nothing, nor
    does a data cell outside a block): so the scan goes from header slot to header slot of
    the line (:meth:`Table.line`), and a block ends where a data slot lies between two."""
    opaque: list[Cell] = []
    in_block = principal.header
    block: list[Cell] = [principal] if principal.header else []
    at = y if dx == 0 else x
    if at == 0:
        return      # at the table's edge (and a line read for nothing costs the table's height)
    heads, data, first = model.line(x, True) if dx == 0 else model.line(y, False)
    for index in range(bisect_left(heads, at) - 1, -1, -1):
        position = heads[index]
        if position < first:
            return                      # no header left that the scan could assign
        if in_block:
            before = bisect_left(data, at) - 1
            if before >= 0 and data[before] > position:
                in_block = False        # a data cell between the last header and this one
                opaque.extend(block)
                block = []
        current = model.cell_at(x, position) if dx == 0 else model.cell_at(position, y)
        assert current is not None      # (a header slot of the line)
        in_block = True
        block.append(current)
        if dx == 0:
            blocked = current.kind != "column" or any(
                o.x == current.x and o.width == current.width for o in opaque
            )
        else:
            blocked = current.kind != "row" or any(
                o.y == current.y and o.height == current.height for o in opaque
            )
        if not blocked:
            yield current
        at = position


def _group_headers(model: Table, cell: Cell) -> Iterator[Cell]:
    right = cell.x + cell.width - 1
    bottom = cell.y + cell.height - 1
    by_row_group, column_group = model.group_heads()
    if cell.row_group is not None:
        for other in by_row_group.get(cell.row_group, ()):
            if other.x <= right and other.y <= bottom:
                yield other
    if column_group:
        for start, width in model.column_groups:
            if start <= cell.x < start + width:
                for other in column_group:
                    if start <= other.x < start + width and other.x <= right \
                            and other.y <= bottom:
                        yield other


# -- ARIA tables built from other elements ---------------------------------------------------


def closest_table(el: Element, page: Page) -> Element | None:
    """The nearest ancestor that is a ``table`` element or has an ARIA table/grid role."""
    for anc in el.iterancestors():
        if tag_of(anc) == "table" or aria.explicit_role(anc) in TABLE_ROLES:
            return anc
    return None


def aria_rows(table: Element, page: Page) -> list[list[tuple[Element, int]]]:
    """Rows of an ARIA table: for each ``row``, its cells with their column index.

    Columns come from ``aria-colindex`` when given (1-based), else from the cell's position,
    counting ``aria-colspan``.
    """
    rows: list[list[tuple[Element, int]]] = []
    for row in table.iterdescendants(etree.Element):
        if page.role(row) != "row" or _closest_row_owner(row, page) is not table:
            continue
        cells: list[tuple[Element, int]] = []
        column = 0
        for cell in row.iterdescendants(etree.Element):
            if page.role(cell) not in CELL_ROLES or _closest_row(cell, page) is not row:
                continue
            index = _positive_int(cell.get("aria-colindex"))
            if index is not None:
                column = index - 1
            cells.append((cell, column))
            column += _positive_int(cell.get("aria-colspan")) or 1
        rows.append(cells)
    return rows


def _closest_row_owner(row: Element, page: Page) -> Element | None:
    for anc in row.iterancestors():
        if tag_of(anc) == "table" or page.role(anc) in TABLE_ROLES:
            return anc
    return None


def _closest_row(cell: Element, page: Page) -> Element | None:
    for anc in cell.iterancestors():
        role = page.role(anc)
        if role == "row":
            return anc
        if role in TABLE_ROLES or tag_of(anc) == "table":
            return None
    return None


def _positive_int(value: str | None) -> int | None:
    value = (value or "").strip()
    return number if is_digits(value) and (number := integer(value)) > 0 else None
