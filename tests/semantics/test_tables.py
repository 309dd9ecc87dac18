"""semantics.tables: the HTML table model (HTML 4.9.12.1) and header assignment (4.9.12.2)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from a11y_audit.page import Page
from a11y_audit.semantics.tables import aria_rows, assigned_headers, form_table, is_empty


def _model(markup: str):
    page = Page.from_html(markup)
    return page, form_table(page.by_tag["table"][0])


def _text(cell) -> str:
    return "".join(cell.element.itertext()).strip()


def _headers_of(markup: str) -> dict[str, list[str]]:
    page, model = _model(markup)
    return {_text(c): [_text(h) for h in assigned_headers(model, c, page)] for c in model.cells}


@pytest.mark.parametrize(
    ("markup", "slots"),
    [
        # colspan and rowspan place later cells to the right of spanning ones
        ("<table><tr><td rowspan=2>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
         {"a": (0, 0, 1, 2), "b": (1, 0, 1, 1), "c": (1, 1, 1, 1)}),
        ("<table><tr><th colspan=2>a</th></tr><tr><td>b</td><td>c</td></tr></table>",
         {"a": (0, 0, 2, 1), "b": (0, 1, 1, 1), "c": (1, 1, 1, 1)}),
        # tfoot goes to the end of the model whatever its position in the source
        ("<table><tfoot><tr><td>f</td></tr></tfoot><tbody><tr><td>b</td></tr></tbody></table>",
         {"b": (0, 0, 1, 1), "f": (0, 1, 1, 1)}),
        # rowspan=0 grows to the end of its row group
        ("<table><tbody><tr><td rowspan=0>a</td><td>b</td></tr><tr><td>c</td></tr>"
         "<tr><td>d</td></tr></tbody></table>",
         {"a": (0, 0, 1, 3), "b": (1, 0, 1, 1), "c": (1, 1, 1, 1), "d": (1, 2, 1, 1)}),
        # cells directly in the table (libxml2 does not add the tr) form a row
        ("<table><td>a</td><td>b</td></table>", {"a": (0, 0, 1, 1), "b": (1, 0, 1, 1)}),
        # a rowspan past its row group ends with it, as Chromium lays the table out (HTML's
        # model would grow the table: the next group's rows after empty ones)
        ("<table><tbody><tr><th rowspan=5>h</th><td>a</td></tr><tr><td>b</td></tr></tbody>"
         "<tbody><tr><td>c</td></tr></tbody></table>",
         {"h": (0, 0, 1, 2), "a": (1, 0, 1, 1), "b": (1, 1, 1, 1), "c": (0, 2, 1, 1)}),
        # the rows written straight into the table are in an implied tbody, and the cells
        # after the tfoot in another, in an implied row: a's rowspan ends with the first
        ("<table><tr><td rowspan=9>a</td><td>b</td></tr><tr><td>c</td></tr><tfoot><tr>"
         "<td rowspan=3>f</td></tr></tfoot><td>d</td><td>e</td></table>",
         {"a": (0, 0, 1, 2), "b": (1, 0, 1, 1), "c": (1, 1, 1, 1), "d": (0, 2, 1, 1),
          "e": (1, 2, 1, 1), "f": (0, 3, 1, 1)}),
        ("<table><tr><td colspan=1000 rowspan=65534>a</td></tr><tr><td>b</td></tr></table>",
         {"a": (0, 0, 1000, 2), "b": (1000, 1, 1, 1)}),
        # nested tables keep their own cells
        ("<table><tr><td>a<table><tr><td>x</td></tr></table></td></tr></table>",
         {"ax": (0, 0, 1, 1)}),
    ],
)
def test_slots(markup, slots):
    _, model = _model(markup)
    assert {_text(c): (c.x, c.y, c.width, c.height) for c in model.cells} == slots


@pytest.mark.parametrize(
    ("markup", "kinds"),
    [
        ("<table><tr><th>C</th></tr><tr><td>d</td></tr></table>", {"C": "column"}),
        ("<table><tr><th>R</th><td>d</td></tr></table>", {"R": "row"}),
        ("<table><tr><th>X</th><td>d</td></tr><tr><td>d</td><td>d</td></tr></table>",
         {"X": ""}),                                    # neither: HTML-AAM role cell
        ("<table><tr><th scope=row>S</th></tr><tr><td>d</td></tr></table>", {"S": "row"}),
        ("<table><tr><td role=columnheader>E</td><td>d</td></tr></table>", {"E": "column"}),
        ("<table><tbody><tr><th scope=rowgroup>G</th><td>d</td></tr></tbody></table>",
         {"G": "rowgroup"}),
    ],
)
def test_header_kinds(markup, kinds):
    _, model = _model(markup)
    assert {_text(c): c.kind for c in model.cells if c.header} == kinds


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # column and row headers by scanning
        ("<table><tr><th></th><th>Mon</th></tr><tr><th>Bus</th><td>3</td></tr></table>",
         {"3": ["Bus", "Mon"]}),
        # an empty td corner is a data cell: "Mon" and "Bus" are then neither column nor row
        # headers in HTML's sense (scope="col"/"row" would make them so)
        ("<table><tr><td></td><th>Mon</th></tr><tr><th>Bus</th><td>3</td></tr></table>",
         {"3": []}),
        ("<table><tr><td></td><th scope=col>Mon</th></tr><tr><th scope=row>Bus</th><td>3</td>"
         "</tr></table>",
         {"3": ["Bus", "Mon"]}),
        # the headers attribute replaces scanning; unknown ids and the cell itself are dropped
        ("<table><tr><th id=a>A</th><th id=b>B</th></tr>"
         "<tr><td id=s headers='b nope s'>1</td><td>2</td></tr></table>",
         {"1": ["B"], "2": ["B"]}),
        # a header above a header is assigned to it (header blocks)
        ("<table><tr><th>Day</th><th>AM</th></tr><tr><th>Mon</th><td>8</td></tr></table>",
         {"Mon": ["Day"], "8": ["Mon", "AM"]}),
        # empty header cells are never assigned
        ("<table><tr><th></th><th>H</th></tr><tr><td>x</td><td>y</td></tr></table>",
         {"x": [], "y": ["H"]}),
        # an opaque header block stops a header of the same width further up
        ("<table><tr><th>Top</th></tr><tr><th>Mid</th></tr><tr><td>d</td></tr>"
         "<tr><th>Low</th></tr><tr><td>e</td></tr></table>",
         {"d": ["Mid", "Top"], "e": ["Low"]}),
    ],
)
def test_assigned_headers(markup, expected):
    found = _headers_of(markup)
    for cell, headers in expected.items():
        assert found[cell] == headers, cell


@pytest.mark.parametrize(
    ("markup", "empty"),
    [("<table><tr><th> </th></tr></table>", True),
     ("<table><tr><th><img alt=''></th></tr></table>", False),
     ("<table><tr><th>x</th></tr></table>", False)],
)
def test_is_empty(markup, empty):
    _, model = _model(markup)
    assert is_empty(model.cells[0].element) is empty


def test_aria_rows_columns():
    page = Page.from_html(
        '<div role="grid" id="g"><div role="row"><div role="columnheader">A</div>'
        '<div role="columnheader" aria-colspan="2">B</div><div role="columnheader">C</div></div>'
        '<div role="row"><div role="gridcell" aria-colindex="4">c</div></div></div>'
    )
    rows = aria_rows(page.ids["g"], page)
    assert [[(el.text, col) for el, col in row] for row in rows] == [
        [("A", 0), ("B", 1), ("C", 3)], [("c", 3)]]


_SPANS = st.sampled_from(["", " colspan=2", " rowspan=2", " rowspan=0", " colspan=3 rowspan=2",
                          " colspan=0", " rowspan=65534", " colspan=1000"])


@st.composite
def _tables(draw) -> str:
    groups = []
    for _ in range(draw(st.integers(1, 3))):
        rows = "".join("<tr>" + "".join(f"<{tag}{span}>c</{tag}>" for tag, span in draw(
            st.lists(st.tuples(st.sampled_from(["td", "th"]), _SPANS), max_size=4))) + "</tr>"
            for _ in range(draw(st.integers(0, 4))))
        tag = draw(st.sampled_from(["", "thead", "tbody", "tfoot"]))
        groups.append(f"<{tag}>{rows}</{tag}>" if tag else rows)
    return "<table>" + "".join(groups) + "</table>"


@settings(max_examples=150, deadline=None)
@given(_tables())
def test_each_slot_holds_the_cells_covering_it(markup):
    """The slots, kept row by row, give for each slot the cells whose anchor and spans cover
    it (several where the model has an error): what a map of every slot to its list of
    cells gave."""
    _, model = _model(markup)
    for y in range(model.height):
        for x in range(model.width):
            covering = [c for c in model.cells
                        if c.x <= x < c.x + c.width and c.y <= y < c.y + c.height]
            assert sorted(map(id, model.slots.get((x, y)))) == sorted(map(id, covering)), (x, y)
            assert ((x, y) in model.slots) == bool(covering)
            assert model.cell_at(x, y) is (covering[0] if len(covering) == 1 else None)
        assert list(model.slots.row(y)) == [
            c for x in range(model.width) for c in model.slots.get((x, y))]
    assert model.slots.get((-1, 0)) == () and model.slots.get((0, model.height)) == ()


def test_a_cell_spanning_millions_of_slots_is_kept_in_a_list_a_row():
    import tracemalloc

    page = Page.from_html("<table><tr><td colspan=1000 rowspan=65534>a</td></tr>"
                          + "<tr><td>b</td></tr>" * 2000 + "</table>")
    table = page.by_tag["table"][0]
    tracemalloc.start()
    try:
        model = form_table(table)
        used = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (model.width, model.height) == (1001, 2001)
    assert used < 40_000_000, used      # 8 bytes a slot; a dict entry a slot took 485 MB


def _scanned_slot_by_slot(model, principal, x, y, dx, dy):
    """HTML's "internal algorithm for scanning and assigning header cells" as the spec
    words it: every slot from (x, y) to the table's edge, in turn."""
    opaque, in_block = [], principal.header
    block = [principal] if principal.header else []
    while True:
        x, y = x + dx, y + dy
        if x < 0 or y < 0:
            return
        current = model.cell_at(x, y)
        if current is None:
            continue
        if current.header:
            in_block = True
            block.append(current)
            if dx == 0:
                blocked = current.kind != "column" or any(
                    o.x == current.x and o.width == current.width for o in opaque)
            else:
                blocked = current.kind != "row" or any(
                    o.y == current.y and o.height == current.height for o in opaque)
            if not blocked:
                yield current
        elif in_block:
            in_block = False
            opaque.extend(block)
            block = []


@st.composite
def _headed_tables(draw) -> str:
    """Tables of header and data cells with spans, and some headers with a scope."""
    cell = st.tuples(st.sampled_from(["td", "th", "th", "th scope=row", "th scope=col"]),
                     st.sampled_from(["", "", " colspan=2", " rowspan=2", " rowspan=0",
                                      " colspan=2 rowspan=3"]))
    rows = draw(st.lists(st.lists(cell, max_size=5), min_size=1, max_size=7))
    return "<table>" + "".join(
        "<tr>" + "".join(f"<{tag}{span}>c{i}-{j}</{tag.split()[0]}>"
                         for j, (tag, span) in enumerate(row)) + "</tr>"
        for i, row in enumerate(rows)) + "</table>"


@settings(max_examples=300, deadline=None)
@given(_headed_tables())
def test_header_scans_and_kinds_read_the_table_as_the_spec_words_them(markup):
    """The header scan goes from header slot to header slot of a line, and a header's kind
    reads the rows and columns that hold data from one list a table: the same answers as a
    scan of every slot in turn, and as a header's own rows and columns read slot by slot."""
    from a11y_audit.semantics.tables import _scan

    _, model = _model(markup)
    for cell in model.cells:
        if cell.header and cell.element.get("scope") is None:
            rows_data = any(not c.header for y in range(cell.y, cell.y + cell.height)
                            for c in model.slots.row(y))
            columns_data = any(not c.header for x in range(cell.x, cell.x + cell.width)
                               for y in range(model.height) for c in model.slots.get((x, y)))
            expected = "column" if not rows_data else "row" if not columns_data else ""
            assert cell.kind == expected, _text(cell)
        for y in range(cell.y, cell.y + cell.height):
            assert list(_scan(model, cell, cell.x, y, -1, 0)) == list(
                _scanned_slot_by_slot(model, cell, cell.x, y, -1, 0)), (_text(cell), y)
        for x in range(cell.x, cell.x + cell.width):
            assert list(_scan(model, cell, x, cell.y, 0, -1)) == list(
                _scanned_slot_by_slot(model, cell, x, cell.y, 0, -1)), (_text(cell), x)


@st.composite
def _grouped_tables(draw) -> str:
    """Headed tables in row groups, with column groups, group scopes and headers attributes."""
    cell = st.tuples(
        st.sampled_from(["td", "th", "th", "th scope=row", "th scope=col", "th scope=rowgroup",
                         "th scope=colgroup", "td headers=h1", "td headers='h0 h2'",
                         "th role=cell", "td role=columnheader"]),
        st.sampled_from(["", "", " colspan=2", " rowspan=2", " rowspan=0"]))
    groups = []
    for _ in range(draw(st.integers(1, 3))):
        rows = draw(st.lists(st.lists(cell, max_size=4), max_size=4))
        body = "".join("<tr>" + "".join(
            f"<{tag} id=h{draw(st.integers(0, 3))}{span}>c</{tag.split()[0]}>"
            for tag, span in row) + "</tr>" for row in rows)
        tag = draw(st.sampled_from(["", "thead", "tbody", "tfoot"]))
        groups.append(f"<{tag}>{body}</{tag}>" if tag else body)
    columns = draw(st.sampled_from(["", "<colgroup span=2></colgroup>"]))
    return f"<table>{columns}{''.join(groups)}</table>"


@settings(max_examples=300, deadline=None)
@given(_grouped_tables())
def test_th_has_data_cells_finds_the_headers_every_cells_assignment_finds(markup):
    """th-has-data-cells reads cells from the end and skips those whose scans can meet no
    header still unassigned: the same headers fail as when every cell's assigned headers are
    read in document order."""
    from a11y_audit.rules import th_has_data_cells as rule

    page, model = _model(markup)
    found = {id(h) for cell in model.cells for h in assigned_headers(model, cell, page)}
    results = {r.element: r.outcome.value for r in rule._html_table(page, model.element)}
    for cell in model.cells:
        if cell.element in results:
            assert (results[cell.element] == "failed") is (id(cell) not in found), _text(cell)


def _group_headers_by_definition(model, cell):
    """The row group and column group headers HTML assigns to ``cell``: those of its groups
    anchored at or above and left of its bottom right corner, row groups first, in order."""
    right, bottom = cell.x + cell.width - 1, cell.y + cell.height - 1
    if cell.row_group is not None:
        yield from (o for o in model.cells if o.kind == "rowgroup"
                    and o.row_group == cell.row_group and o.x <= right and o.y <= bottom)
    for start, width in model.column_groups:
        if start <= cell.x < start + width:
            yield from (o for o in model.cells if o.kind == "colgroup"
                        and start <= o.x < start + width and o.x <= right and o.y <= bottom)


@settings(max_examples=300, deadline=None)
@given(_grouped_tables())
def test_scans_and_group_headers_of_grouped_tables_read_as_the_spec_words_them(markup):
    from a11y_audit.semantics.tables import _group_headers, _scan

    _, model = _model(markup)
    for cell in model.cells:
        assert list(_group_headers(model, cell)) == list(
            _group_headers_by_definition(model, cell)), _text(cell)
        for y in range(cell.y, cell.y + cell.height):
            assert list(_scan(model, cell, cell.x, y, -1, 0)) == list(
                _scanned_slot_by_slot(model, cell, cell.x, y, -1, 0))
        for x in range(cell.x, cell.x + cell.width):
            assert list(_scan(model, cell, x, cell.y, 0, -1)) == list(
                _scanned_slot_by_slot(model, cell, x, cell.y, 0, -1))
