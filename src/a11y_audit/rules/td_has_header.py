"""Each non-empty data cell of a large data table has a header.

In a results table, a league table or a budget breakdown, a screen reader announces a cell's
headers with it: "North, Turnout, 64%". A data cell without any header is read as a bare
number, and in a table of three or more rows and columns the reader soon cannot tell which
figure is which.

The rule applies to every ``table`` not hidden from assistive technology that is a data table
(axe-core's ``isDataTable`` heuristic: a table role, a caption, ``thead``, ``tfoot``,
``colgroup``, a ``summary``, a ``th``, a cell with ``scope``, ``headers`` or ``abbr``, five
cells in the middle row, twenty rows, a border...) and is at least three rows deep with three
columns in each of its first three rows. It fails when a data cell (``td``) with content and no
``aria-label``/``aria-labelledby`` has no header cell with content: neither through its
``headers`` attribute nor through HTML's algorithm for assigning header cells. The result is on
the table; the message names the cells.

Matches axe-core. Same selector (``table``, hidden excluded), ``data-table-large-matches`` and
``td-has-header`` check. axe-core tags the rule experimental.

Fails::

    <table><caption>Turnout</caption><tr><td>North</td><td>64%</td><td>+2</td></tr>
      <tr><td>South</td><td>58%</td><td>-1</td></tr><tr><td>East</td><td>61%</td><td>0</td></tr>
    </table>

Passes::

    <table><caption>Turnout</caption><tr><th>Region</th><th>Turnout</th><th>Change</th></tr>
      <tr><th>North</th><td>64%</td><td>+2</td></tr><tr><th>South</th><td>58%</td><td>-1</td></tr>
    </table>

Limits: whether a plain table is a data table depends, in axe-core, on its rendered borders,
row backgrounds and width. Static HTML sees the ``border`` attribute only; a table that only
those styles would make a data table, and that would fail, is cantTell.
"""

from __future__ import annotations

from a11y_audit.dom import normalize_space, tag_of, text_content
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics.data_tables import LAYOUT, UNKNOWN, data_table_kind
from a11y_audit.semantics.tables import Table, assigned_headers, form_table

RULE = Rule(
    id="td-has-header",
    impact="critical",
    wcag=("1.3.1",),
    tags=("cat.tables", "experimental"),
    help="Give the table header cells (th) for its rows and columns, or headers attributes",
    template_values=("content",),
)

_CONTENT_ELEMENTS = frozenset(("img", "input", "select", "textarea", "button", "svg", "video",
                               "audio", "canvas", "object", "iframe", "embed", "picture",
                               "math", "meter", "progress"))


def check(page: Page) -> Results:
    for table in page.tags("table"):
        if page.is_hidden(table):
            continue
        kind = data_table_kind(table)
        if kind == LAYOUT:
            continue
        model = form_table(table)
        if not _large(model):
            continue
        bad = _cells_without_header(model, page)
        if not bad:
            yield RULE.ok(table, "every data cell with content has a header")
            continue
        cells = ", ".join(repr(normalize_space(text_content(c))[:30]) for c in bad[:5])
        more = f" and {len(bad) - 5} more" if len(bad) > 5 else ""
        message = f"{len(bad)} data cell(s) have no header: {cells}{more}"
        if kind == UNKNOWN:
            yield RULE.cant_tell(table, f"{message}; but the table may be a layout table (its "
                                        "borders, backgrounds and width decide)")
        else:
            yield RULE.fail(table, message)


def _large(model: Table) -> bool:
    """At least three rows, each of the first three at least three columns wide."""
    if model.height < 3:
        return False
    return all(sum(1 for x in range(model.width) if (x, y) in model.slots) >= 3
               for y in range(3))


def _cells_without_header(model: Table, page: Page) -> list[Element]:
    bad: list[Element] = []
    for cell in model.cells:
        el = cell.element
        if cell.header or tag_of(el) != "td" or not _has_content(el) or _labelled(el, page):
            continue
        if not any(_has_content(h.element) for h in assigned_headers(model, cell, page)):
            bad.append(el)
    return bad


def _has_content(el: Element) -> bool:
    if normalize_space(text_content(el)) or normalize_space(el.get("aria-label")):
        return True
    return any(tag_of(d) in _CONTENT_ELEMENTS for d in el.iterdescendants())


def _labelled(el: Element, page: Page) -> bool:
    if normalize_space(el.get("aria-label")):
        return True
    return any(
        (target := page.ids.get(ref)) is not None and normalize_space(text_content(target))
        for ref in normalize_space(el.get("aria-labelledby")).split()
    )
