"""Elements whose role restricts their children own only the roles it allows.

A ``list`` is announced with its number of items, a ``menu`` as a set of choices, a ``tablist``
as a row of tabs, a ``table`` row by row. When they own anything else (a ``div`` between
``ul`` and ``li``, a link directly in a ``role="menu"`` of a site navigation) screen readers
miscount or skip content, and menus expected to be keyboard-driven are not.

Applies to elements exposed to assistive technology whose semantic role (explicit or implicit)
has WAI-ARIA 1.2 required owned elements (feed, grid, list, listbox, menu, menubar, radiogroup,
row, rowgroup, table, tablist, tree, treegrid), unless it or an ancestor has
``aria-busy="true"``, as ACT rule bc4a75 and axe-core's ``aria-required-children``. Each element
it owns must have one of the allowed roles; "group → menuitem" chains (a ``group`` in a
``menu``) are followed, nested groups included. Owned means a child in the accessibility tree:
hidden elements are skipped, elements with role ``none``/``presentation`` or without any role
are looked through, ``aria-owns`` adds owned elements; text is not an element and is not
checked (ACT: "only owns elements with..."). A ``caption`` is allowed in the tables whose
context it needs, a ``separator`` in a ``menu`` or ``menubar`` (as WAI-ARIA 1.3 allows).

Differs from axe-core: an owner with no owned element at all (an empty ``role="list"``)
passes here, as W3C ACT rule bc4a75 (ARIA required owned elements) checks only that each owned
element has an allowed role; axe-core also fails owners with no required child. A failure
names the first offending owned element as its related node, and the snippet shows it inside
the owner's start tag.

Fails::

    <ul class="share-links">
      <div><a href="https://twitter.com/share">Twitter</a></div>
    </ul>

Passes::

    <ul class="share-links">
      <li><a href="https://twitter.com/share">Twitter</a></li>
    </ul>

Limits: an element that only a stylesheet hides still counts as exposed. An element that owns
nothing passes: static HTML cannot tell whether a script fills it later. Content in shadow roots
is not parsed: a script that attaches one (or a declarative shadow-root template) gives
cantTell.
"""

from __future__ import annotations

from functools import cache

from a11y_audit.commons import aria
from a11y_audit.commons.dom import tag_of
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="aria-required-children",
    impact="critical",
    wcag=("1.3.1",),
    act=("bc4a75",),
    tags=("cat.aria",),
    help="Give the children the roles the parent needs (e.g. li in ul, role=menuitem in menu)",
)

_OWNER_ROLES = frozenset(
    name for name in aria.ARIA_ROLES if aria.required_owned(name) and aria.is_aria12_role(name)
)
_CANDIDATES = ("ul", "ol", "menu", "table", "thead", "tbody", "tfoot", "tr", "select", "datalist",
               "*[role]")
# WAI-ARIA 1.3 "allowed accessibility child roles" beyond the 1.2 required owned elements.
_ALSO_ALLOWED = {"menu": ("separator",), "menubar": ("separator",)}


def check(page: Page) -> Results:
    for source in aria.shadow_root_sources(page):
        yield RULE.cant_tell(source, "Content in a shadow root (built by script or a declarative "
                                     "template) is not checked: it may change the accessibility "
                                     "tree")
    for el in page.select(*_CANDIDATES):
        role = page.role(el)
        if role not in _OWNER_ROLES or page.is_hidden(el) or aria.is_mathml(el):
            continue
        if _busy(el):
            continue
        wrong, child = _wrong_children(page, el, role)
        if wrong:
            yield RULE.fail(el, f"role {role!r} (<{tag_of(el)}>) owns {wrong}; allowed: "
                                f"{_allowed_text(role)}", related=(child,))
        else:
            yield RULE.ok(el)


def _busy(el: Element) -> bool:
    for node in (el, *el.iterancestors()):
        if (node.get("aria-busy") or "").strip().lower() == "true":
            return True
    return False


@cache
def _allowed(role: str) -> tuple[frozenset[str], dict[str, str]]:
    """Directly allowed roles, and group roles with the roles they must contain."""
    direct: set[str] = set(_ALSO_ALLOWED.get(role, ()))
    groups: dict[str, set[str]] = {}
    for chain in aria.required_owned(role):
        if len(chain) == 1:
            direct.add(chain[0])
        else:
            groups.setdefault(chain[0], set()).add(chain[1])
    if role in aria.required_context("caption"):
        direct.add("caption")
    return frozenset(direct), {k: " ".join(sorted(v)) for k, v in groups.items()}


def _allowed_text(role: str) -> str:
    return ", ".join(" > ".join(chain) for chain in aria.required_owned(role))


def _wrong_children(page: Page, owner: Element, role: str) -> tuple[str, Element | None]:
    """The first owned element that is not allowed, described, and the element itself."""
    direct, groups = _allowed(role)
    for node in aria.owned_nodes(page, owner):
        problem, child = _check_node(page, node, direct, groups)
        if problem:
            return problem, child
    return "", None


def _check_node(page: Page, node, direct: frozenset[str],
                groups: dict[str, str]) -> tuple[str, Element | None]:
    if isinstance(node, aria.OwnedText):
        return "", None  # ACT bc4a75 restricts the owned *elements*; text is no element
    child_role = page.role(node)
    if child_role in direct:
        return "", None
    if child_role in groups:
        inner = frozenset(groups[child_role].split()) | (direct & {"separator"})
        for sub in aria.owned_nodes(page, node):
            problem, child = _check_node(page, sub, inner, groups)
            if problem:
                return f"{problem} inside role {child_role!r}", child
        return "", None
    shown = f"role {child_role!r}" if child_role else "no role"
    return f"<{tag_of(node)}> ({shown})", node
