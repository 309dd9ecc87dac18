"""The headers attribute of a table cell names only other cells of the same table.

In results tables, league tables and budget breakdowns, ``headers="col-2024 row-north"`` tells
a screen reader which headers to announce with a cell. An id that does not exist, that belongs
to a cell of another table or to an element that is not a cell, or the cell's own id is
ignored, so the reader hears the number without its headers.

Applies to each ``headers`` attribute on a ``td`` or ``th`` of a ``table`` that is rendered,
exposed to assistive technology and still a table (a ``table`` with ``role="presentation"`` or
another non-table role is not). Each id must be the id of a cell (``td``/``th``) of the same
table (the first element with that id, as ``getElementById`` finds it), and not the cell's own.

Differs from axe-core: results are reported on each cell with a ``headers`` attribute, as ACT rule
a25f45 applies to cells (axe-core reports the table; the axe fixture scorer credits the table). An
id that names a ``th`` given another role (``role="cell"``) still names a cell of the table and
passes, as ACT rule a25f45 asks only for a cell; axe-core fails it. A hidden cell is not checked,
as in axe-core.

Fails::

    <table><caption>Turnout by region</caption>
      <tr><th id="region">Region</th><th id="turnout">Turnout</th></tr>
      <tr><td headers="regoin">North</td><td headers="turnout">64%</td></tr></table>

Passes::

    <table><caption>Turnout by region</caption>
      <tr><th id="region">Region</th><th id="turnout">Turnout</th></tr>
      <tr><td headers="region">North</td><td headers="turnout">64%</td></tr></table>

Limits: a table that a stylesheet the cascade reads hides is not checked; one it moves off screen
or clips gives cantTell instead of failing; a linked stylesheet that could not be read is not seen.
"""

from __future__ import annotations

from a11y_audit.dom import tag_of
from a11y_audit.outcome import Outcome
from a11y_audit.rule import Page, Result, Results, Rule
from a11y_audit.semantics.stylesheets import may_be_hidden_by_style
from a11y_audit.semantics.tables import TABLE_ROLES, Cell, Table, form_table

RULE = Rule(
    id="td-headers-attr",
    impact="serious",
    wcag=("1.3.1",),
    act=("a25f45",),
    tags=("cat.tables",),
    help="Point headers only at the ids of header cells in the same table",
    template_values=("headers", "id", "table"),
)


def check(page: Page) -> Results:
    for table in page.by_tag.get("table", []):
        if not table.xpath(".//td[@headers]|.//th[@headers]"):
            continue
        if page.role(table) not in TABLE_ROLES or page.is_hidden(table):
            continue
        model = form_table(table)
        hidden_by = may_be_hidden_by_style(page, table)
        for cell in model.cells:
            if cell.element.get("headers") is None or page.is_hidden(cell.element):
                continue   # a hidden cell is announced with no header (as axe-core skips it)
            result = _judge(page, model, cell)
            if hidden_by and result.outcome is Outcome.FAILED:
                yield RULE.cant_tell(cell.element, f"{result.message}; but the stylesheet "
                                     f"rule {hidden_by!r} hides the table from sight "
                                     f"({page.visually_hidden(table) or 'not rendered'})")
            elif not hidden_by:
                yield result


def _judge(page: Page, model: Table, cell: Cell) -> Result:
    el = cell.element
    value = el.get("headers") or ""
    own = el.get("id")
    problems: list[str] = []
    for token in value.split():
        if own and token == own:
            problems.append(f"{token!r} is the cell's own id")
            continue
        target = page.ids.get(token)
        if target is None:
            problems.append(f"no element has id {token!r}")
        elif target not in model.by_element:
            where = "a cell of another table" if tag_of(target) in ("td", "th") else (
                f"a <{tag_of(target)}>, not a cell of this table")
            problems.append(f"id {token!r} is {where}")
    name = tag_of(el)
    if problems:
        return RULE.fail(el, f"<{name} headers={value!r}>: " + "; ".join(problems))
    return RULE.ok(el, f"<{name} headers={value!r}> names cells of the same table")
