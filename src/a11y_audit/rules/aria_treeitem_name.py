"""Tree items have an accessible name.

Site maps, topic trees and nested section menus built with ``role="tree"`` are read item by
item. A ``treeitem`` without text content, ``aria-label``, ``aria-labelledby`` or ``title`` is
announced as "tree item" and nothing more.

The rule applies to every element whose ``role`` attribute is exactly ``treeitem``, not hidden
from assistive technology, and that HTML does not already name (a link, an image, a button...:
those are left to their own rules). It passes when the element's accessible name (content,
``aria-label``, ``aria-labelledby`` or ``title``) is not empty.

Matches axe-core. Same selector (``[role="treeitem"]``, hidden excluded, the
``no-naming-method-matches`` filter) and checks (``has-visible-text``, ``aria-label``,
``aria-labelledby``, ``non-empty-title``).

Fails::

    <ul role="tree"><li role="treeitem"><span class="icon-folder"></span></li></ul>

    <div role="tree"><div role="treeitem" aria-label=" "></div></div>

Passes::

    <ul role="tree"><li role="treeitem">Politics</li></ul>

    <div role="tree"><div role="treeitem" title="Sport"></div></div>

Limits: text added by CSS (``::before``) is not seen. An unnamed item that a stylesheet the cascade
reads hides (``display: none``, ``visibility: hidden``) is not checked; one that only a linked
stylesheet that could not be read may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.axe_scope import unnamed_role_elements
from a11y_audit.checks.naming import check_named
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-treeitem-name",
    impact="serious",
    wcag=(),
    tags=("cat.aria", "best-practice"),
    help="Give the tree item text content, an aria-label or aria-labelledby",
    template_values=("aria-labelledby", "content"),
)


def check(page: Page) -> Results:
    yield from check_named(RULE, page, unnamed_role_elements(page, "treeitem"), "Tree item")
