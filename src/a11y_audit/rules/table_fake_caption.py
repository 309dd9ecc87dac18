"""Data tables use ``caption``, not a first row spanning every column, as their title.

A results table whose title sits in a first row of one cell spanning all columns (``<tr><td
colspan="4">Turnout by region</td></tr>``) looks titled, but screen readers do not announce it as
the table's name, and they read it as a cell of every column's header row.

The rule applies to every data table (axe-core's ``isDataTable`` heuristic, see td-has-header)
not hidden from assistive technology. It fails when the table has more than one row and more
than one column and its whole first row is one cell.

Matches axe-core. Same selector (``table``, hidden excluded), ``data-table-matches`` and check
(``caption-faked``). axe-core tags it experimental; so do we.

Fails::

    <table><tr><td colspan="3">Turnout by region</td></tr>
      <tr><th>Region</th><th>2019</th><th>2024</th></tr>
      <tr><th>North</th><td>62%</td><td>64%</td></tr></table>

Passes::

    <table><caption>Turnout by region</caption>
      <tr><th>Region</th><th>2019</th><th>2024</th></tr>
      <tr><th>North</th><td>62%</td><td>64%</td></tr></table>

Limits: whether a plain table (no ``th``, ``caption``, ``thead``...) is a data table depends in
axe-core on its rendered borders, backgrounds and width; a failure on such a table is cantTell.
"""

from __future__ import annotations

from a11y_audit.dom import normalize_space, text_content
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics.data_tables import LAYOUT, UNKNOWN, data_table_kind
from a11y_audit.semantics.tables import form_table

RULE = Rule(
    id="table-fake-caption",
    impact="serious",
    wcag=("1.3.1",),
    tags=("cat.tables", "experimental"),
    help="Move the title row into a <caption> element",
    template_values=("content",),
)


def check(page: Page) -> Results:
    for table in page.tags("table"):
        if page.is_hidden(table):
            continue
        kind = data_table_kind(table)
        if kind == LAYOUT:
            continue
        model = form_table(table)
        first_row = [model.cell_at(x, 0) for x in range(model.width)]
        faked = (model.height > 1 and model.width > 1 and first_row[0] is not None
                 and all(cell is first_row[0] for cell in first_row))
        if not faked:
            yield RULE.ok(table, "the first row is not one cell spanning the table")
            continue
        # (first_row[0] is a cell: faked)
        title = normalize_space(text_content(first_row[0].element))[:60]  # type: ignore[union-attr]
        message = f"the first row is one cell spanning every column ({title!r}): a fake caption"
        if kind == UNKNOWN:
            yield RULE.cant_tell(table, message + "; but the table may be a layout table")
        else:
            yield RULE.fail(table, message)
