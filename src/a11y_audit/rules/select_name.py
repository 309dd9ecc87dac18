"""Select menus have an accessible name.

A ``<select>`` without a name is announced only with its current option ("combo box, Europe"),
so users cannot tell whether it picks a region, a sort order or a date. Its options are never
its name. Give it a ``<label>``, ``aria-label`` or ``aria-labelledby``.

Differs from axe-core: a ``<label for="x">`` labels only the first element whose id is ``x``
(HTML, "labeled control"), so when a form is repeated (a newsletter form on the page and again
in a modal) the second ``<select id="x">`` has no label and fails; axe-core's ``explicit-label``
accepts any ``label[for=x]`` on the page. Otherwise it matches axe-core.

Fails::

    <select name="edition"><option>UK edition</option><option>US edition</option></select>

    <label for="cat" style="display: none">Categories</label>
    <select id="cat" name="cat"><option>Select Category</option></select>

    <div id="sort-label"></div>
    <select aria-labelledby="sort-label"><option>Newest first</option></select>

Passes::

    <label for="edition">Edition</label>
    <select id="edition" name="edition"><option>UK edition</option>
      <option>US edition</option></select>

    <select aria-label="Sort comments"><option>Newest first</option></select>

A ``<label>`` that is hidden (``display: none``, ``visibility: hidden``, ``hidden`` or
``aria-hidden``) names nothing, as HTML-AAM, Chromium and axe-core's ``hidden-explicit-label``
have it: WordPress's category widget hides its ``<label class="screen-reader-text">`` with
``display: none`` in some themes, leaving the select unnamed.

Limits: a label that only a linked stylesheet that could not be read may hide still counts. An
unnamed select that a stylesheet the cascade reads hides (``display: none``, ``visibility:
hidden``) is not checked; one that only a linked stylesheet that could not be read may hide is
checked.
"""

from __future__ import annotations

from a11y_audit.checks.naming import FIELD_ROLES, check_named
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="select-name",
    impact="critical",
    wcag=("4.1.2",),
    act=("e086e5",),
    tags=("cat.forms",),
    help="Label the select: a <label> element, aria-label or aria-labelledby",
    template_values=("id", "aria-labelledby", "labels"),
)


def check(page: Page) -> Results:
    selects = [el for el in page.tags("select")
               if page.role(el) in FIELD_ROLES and not page.is_hidden(el)]
    yield from check_named(RULE, page, selects, "Select", ("<label>",), text=False)
