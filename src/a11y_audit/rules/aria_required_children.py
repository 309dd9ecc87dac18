"""Elements whose role restricts their children own only the roles it allows.

A ``list`` is announced with its number of items, a ``menu`` as a set of choices, a ``tablist``
as a row of tabs, a ``table`` row by row. When they own anything else (a ``div`` between
``ul`` and ``li``, a link directly in a ``role="menu"`` of a site navigation) screen readers
miscount or skip content, and menus expected to be keyboard-driven are not.

Applies to elements exposed to assistive technology whose role has WAI-ARIA 1.2 required owned
elements (feed, grid, list, listbox, menu, menubar, radiogroup, row, rowgroup, table, tablist,
tree, treegrid), unless it or an ancestor has ``aria-busy="true"``, as ACT rule bc4a75 and axe-
core's ``aria-required-children``: explicit roles (a ``role`` attribute), plus native tables,
rows and ``select`` lists, which ACT bc4a75 includes (its Passed Examples 8 and 9; the HTML
parser keeps them well formed, so they pass). Native ``ul``/``ol``/``menu`` without a role
attribute are left to ``list`` (axe-core's split; ``list`` answers bc4a75's native-list cases).
Each element it owns must have one of the allowed roles; "group → menuitem" chains (a ``group``
in a ``menu``) are followed, nested groups included. Owned means a child in the accessibility
tree: hidden elements are skipped, elements with role ``none``/``presentation`` or without any
role are looked through, and so are ``generic`` wrappers (``div``, ``span``) with no global ARIA
attribute that are not focusable, as WAI-ARIA 1.3 and axe-core do; ``aria-owns`` adds owned
elements. An ``li`` is a ``listitem`` unless its parent is a ``ul``/``ol``/``menu`` with a
non-list role, so ``<div role="list"><div role="presentation"><li>`` owns list items, as
Chromium exposes them. Text directly in the owner is not an element and is not checked (ACT:
"only owns elements with..."); text in a looked-through wrapper fails (bc4a75 Failed Example 1:
``<div role="list"><span>Item</span>``). A ``caption`` is allowed in the tables whose context
it needs, a ``separator`` in a ``menu`` or ``menubar`` (as WAI-ARIA 1.3 allows), and a sub-menu
(``menu``) in a ``menu`` or ``menubar``: the WAI-ARIA Authoring Practices menubar puts it beside
its menu item, ``<li role="none"><a role="menuitem">…</a><ul role="menu">``, as axe-core
allows.

Differs from axe-core: in ``<ul role="menu"><li><a role="menuitem">``, axe reads the ``li`` as
a ``listitem`` and fails the menu. HTML-AAM maps an ``li`` whose list parent has a non-list role
to ``generic``, so the ``li`` is a wrapper that is looked through and the menu owns its menu
items: it passes. (This pattern alone made 1,530 of the corpus's critical findings.) axe's rule
applies to ``[role]`` only; native tables and ``select`` lists are checked here for ACT bc4a75
and always pass. An owner with no owned element at all (an empty ``role="list"``)
passes here, as W3C ACT rule bc4a75 (ARIA required owned elements) checks only that each owned
element has an allowed role; axe-core also fails owners with no required child. A
``radiogroup`` must own only ``radio`` elements, as WAI-ARIA 1.2 requires ("Required Owned
Elements: radio") and ACT bc4a75 checks; axe-core gives ``radiogroup`` no required owned
elements (a noted spec difference in its source), so ``<div role="radiogroup"><div
role="heading">`` fails here and is inapplicable there. A failure
names the first offending owned element as its related node, and the snippet shows it inside
the owner's start tag.

Fails::

    <div role="list" class="share-links">
      <a href="https://twitter.com/share">Twitter</a>
    </div>

    <div role="tablist" aria-label="Sections">
      <div class="tab-wrap" aria-live="polite"><button role="tab">Latest</button></div>
    </div>

Passes::

    <div role="list" class="share-links">
      <div class="item-wrap"><span role="listitem">Twitter</span></div>
    </div>

    <ul role="menu" class="site-menu">
      <li><a role="menuitem" href="/world">World</a></li>
    </ul>

    <ul role="menubar" aria-label="Sections">
      <li role="none"><a role="menuitem" href="/news">News</a>
        <ul role="menu"><li role="none"><a role="menuitem" href="/news/uk">UK</a></li></ul>
      </li>
    </ul>

Limits: an element hidden by any stylesheet the cascade reads (a ``<style>`` element, a linked file
it could read, ``--stylesheet`` site CSS) is skipped; one hidden only by a linked stylesheet that
could not be read still counts as exposed; where a rule the cascade cannot evaluate (``@container``,
an unknown ``var()``...) may hide it, the failure is cantTell and names
that rule. An element that owns nothing passes: static HTML cannot tell whether a script fills it
later. Content in shadow roots is not parsed: a script that attaches one (or a declarative
shadow-root template) gives cantTell.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from a11y_audit.dom import tag_of
from a11y_audit.knowledge import aria
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics import aria_tree

RULE = Rule(
    id="aria-required-children",
    impact="critical",
    wcag=("1.3.1",),
    act=("bc4a75",),
    tags=("cat.aria",),
    help="Give the children the roles the parent needs (e.g. li in ul, role=menuitem in menu)",
    template_values=("role", "content"),
)

_CANDIDATES = ("table", "thead", "tbody", "tfoot", "tr", "select", "datalist", "*[role]")
_NATIVE_LISTS = frozenset(("ul", "ol", "menu"))
_OWNER_ROLES = frozenset(
    name for name in aria.ARIA_ROLES if aria.required_owned(name) and aria.is_aria12_role(name)
)
# Allowed beyond the WAI-ARIA 1.2 required owned elements: a separator (WAI-ARIA 1.3 "allowed
# accessibility child roles"), and in a menu or menubar a sub-menu: the WAI-ARIA Authoring
# Practices menubar examples put it beside its menu item, <li role="none"><a role="menuitem">
# plus <ul role="menu">, so the outer menu owns it (axe-core allows it too).
_ALSO_ALLOWED = {"menu": ("separator", "menu"), "menubar": ("separator", "menu")}


def check(page: Page) -> Results:
    for source in aria_tree.shadow_root_sources(page):
        yield RULE.cant_tell(source, "Content in a shadow root (built by script or a declarative "
                                     "template) is not checked: it may change the accessibility "
                                     "tree")
    for el in page.select(*_CANDIDATES):
        role = page.role(el)
        if role not in _OWNER_ROLES or page.is_hidden(el) or aria_tree.in_mathml(page, el):
            continue
        if page.explicit_roles.get(el) != role and tag_of(el) in _NATIVE_LISTS:
            continue  # a native list without a role attribute: the list rule (axe's split)
        if _busy(el):
            continue
        wrong, child = _wrong_children(page, el, role)
        if wrong:
            yield RULE.fail(el, f"role {role!r} (<{tag_of(el)}>) owns {wrong}; allowed: "
                                f"{_allowed_text(role)}",
                            related=(child,))  # type: ignore[arg-type]  # (set when wrong is)
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
    """The first owned element that is not allowed, described, and the element itself; a
    group role is looked into, its own roles allowed inside. A walk with a stack, not a call
    per nested group (groups nested 1,900 deep ran out of the interpreter's stack)."""
    direct, groups = _allowed(role)
    inside: list[str] = []          # the group roles around the node, outermost first
    # (the owned nodes left at each level, and the roles allowed there)
    stack: list[tuple[Iterator[Any], frozenset[str]]] = [
        (iter(aria_tree.owned_nodes(page, owner, through_generic=True)), direct)]
    while stack:
        nodes, allowed = stack[-1]
        node = next(nodes, None)
        if node is None:
            stack.pop()
            if stack:
                inside.pop()        # (the group's nodes are done)
            continue
        problem, child, child_role = _check_one(page, node, allowed, groups)
        if problem:
            return problem + _around(inside), child
        if child_role in groups and child_role not in allowed:
            inner = frozenset(groups[child_role].split()) | (allowed & {"separator"})
            stack.append((iter(aria_tree.owned_nodes(page, node, through_generic=True)),
                          inner))
            inside.append(child_role)
    return "", None


def _check_one(page: Page, node, allowed: frozenset[str], groups: dict[str, str]
               ) -> tuple[str, Element | None, str]:
    """Whether one owned node is not allowed (a description and the element, else ""; a
    group role is allowed, and looked into), and its role."""
    if isinstance(node, aria_tree.OwnedText):
        if node.wrapper is not None:  # text in a looked-through div/span: not an allowed child
            return f"text in <{tag_of(node.wrapper)}> (no role)", node.wrapper, ""
        return "", None, ""  # ACT bc4a75 restricts the owned *elements*; text is no element
    child_role = page.role(node)
    if child_role in allowed or child_role in groups:
        return "", None, child_role
    shown = f"role {child_role!r}" if child_role else "no role"
    return f"<{tag_of(node)}> ({shown})", node, child_role


def _around(inside: list[str]) -> str:
    """" inside role 'group'" for each group around a node, innermost first (the middle of
    a long chain summed up)."""
    said = [f" inside role {role!r}" for role in reversed(inside)]
    if len(said) > 4:
        said = [*said[:2], f" … ({len(said) - 3} more)", said[-1]]
    return "".join(said)
