"""Elements whose role needs a context sit inside an element with that context role.

A ``listitem``, ``tab``, ``menuitem``, ``option``, ``row`` or ``cell`` means something only
inside its ``list``, ``tablist``, ``menu``, ``listbox``, ``table``: screen readers announce
"tab 2 of 5" or "row 3" from that context. A ``role="tab"`` in a plain ``div`` is announced
without it, and some screen readers drop such orphans altogether.

Applies to elements exposed to assistive technology with an explicit WAI-ARIA 1.2 role that has
required context roles, unless the element's implicit role is that same role
(``<li role="listitem">``), as ACT rule ff89c9 and axe-core's ``aria-required-parent``. The
element must be a child in the accessibility tree of an element with one of those roles:
elements with role ``none``/``presentation`` and elements without any role are skipped on the
way up, and so are ``generic`` wrappers (``div``, ``span``) with no global ARIA attribute that
are not focusable, as WAI-ARIA 1.3 and axe-core do; ``aria-owns`` moves an element under its
owner. A wrapper with a role (``tabpanel``) or a global ARIA attribute (``aria-live``) breaks
the context (ACT ff89c9 Failed Examples 2 and 3). A ``group`` counts as context only inside
the role that owns it through WAI-ARIA's required owned chains (``group → menuitem`` in a
``menu``/``menubar``, ``group → treeitem`` in a ``tree``, ``group → option`` in a
``listbox``), as axe-core checks: a ``treeitem`` in a lone ``role="group"`` fails, and so does
a ``menuitem`` in a group inside another menu item. A ``treeitem`` in a group owned by a
``treeitem`` is a nested tree and passes.

Differs from axe-core: in ``<ul role="menu"><li><a role="menuitem">``, axe reads the ``li`` as
a ``listitem`` and fails the menu item. HTML-AAM maps an ``li`` whose list parent has a non-list
role to ``generic``, so it is looked through and the menu item's context is the menu: it
passes. Browsers expose such menus as menus; the pattern made 1,530 of the corpus's 2,512
critical findings.

Fails::

    <div class="tabs">
      <button role="tab" aria-selected="true">Latest</button>
      <button role="tab" aria-selected="false">Most read</button>
    </div>

Passes::

    <div class="tabs" role="tablist">
      <button role="tab" aria-selected="true">Latest</button>
      <button role="tab" aria-selected="false">Most read</button>
    </div>

Limits: an element hidden by any stylesheet the cascade reads (a ``<style>`` element, a linked file
it could read, ``--stylesheet`` site CSS) is skipped; one hidden only by a linked stylesheet that
could not be read still counts as exposed; where a rule the cascade cannot evaluate
(``@container``, an unknown ``var()``...) may hide it, the failure is
cantTell and names that rule. Elements a script moves into a shadow root are not seen.
"""

from __future__ import annotations

from a11y_audit.dom import tag_of
from a11y_audit.knowledge import aria
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics import aria_tree

RULE = Rule(
    id="aria-required-parent",
    impact="critical",
    wcag=("1.3.1",),
    act=("ff89c9",),
    tags=("cat.aria",),
    help="Put the element inside an element with its required context role (e.g. tab in tablist)",
    needs_context=True,
    template_values=("role",),
)


def check(page: Page) -> Results:
    for source in aria_tree.shadow_root_sources(page):
        yield RULE.cant_tell(source, "Content in a shadow root (built by script or a declarative "
                                     "template) is not checked: it may change the accessibility "
                                     "tree")
    for el in page.with_role:
        explicit = page.explicit_roles.get(el)
        context = aria.required_context(explicit) if explicit else ()
        # (explicit is set when context is not empty)
        if not context or not aria.is_aria12_role(explicit):  # type: ignore[arg-type]
            continue
        if (page.is_hidden(el) or aria_tree.in_mathml(page, el)
                or explicit == aria.implicit_role(el)):
            continue
        parent = aria_tree.tree_parent(page, el, through_generic=True)
        owner = parent
        # "group" is a context only as a step of the owner's chain ("group → menuitem" in a
        # menu, "group → treeitem" in a tree, "group → option" in a listbox): climb through
        # groups (nested ones too, ACT bc4a75 Passed Example 6) to the element that must own them
        while owner is not None and "group" in context and page.role(owner) == "group":
            owner = aria_tree.tree_parent(page, owner, through_generic=True)
        owner_role = page.role(owner) if owner is not None else ""
        if owner_role in context or (owner is not parent and owner_role == explicit == "treeitem"):
            # ... or a nested tree: a treeitem owns the group of its child treeitems (WAI-ARIA
            # treeitem; axe-core's ownGroupRoles)
            yield RULE.ok(el)
        else:
            where = _describe(parent, page)
            if owner is not parent:
                where += f" in {_describe(owner, page)}"
            yield RULE.fail(el, f'role="{explicit}" must be owned by {_roles(context)}; its '
                                f"parent in the accessibility tree is {where}")


def _roles(roles: tuple[str, ...]) -> str:
    return " or ".join(f"role={r!r}" for r in roles)


def _describe(el: Element | None, page: Page) -> str:
    if el is None:
        return "the document root"
    role = page.role(el)
    return f"<{tag_of(el)}> with role {role!r}" if role else f"<{tag_of(el)}>"
