"""List items (``li``) sit directly in a ``ul``, ``ol``, ``menu`` or an element with a list role.

An ``li`` outside a list is announced as nothing in particular: the reader loses the "item 2
of 5" that tells how long the list is and where they are in it, and the markup is invalid HTML.

Differs from axe-core: axe's ``listitem`` (check ``listitem``) also fails an ``li`` whose
``ul``/``ol``/``menu`` parent has another explicit role, such as the ``<ul role="menu"><li><a
role="menuitem">`` of many site menus. HTML-AAM maps an ``li`` whose list parent has a non-list
role to ``generic`` (no list-item semantics to lose), so those ``li`` are inapplicable here; the
menu's structure is judged by ``aria-required-children`` and ``aria-required-parent``.
Otherwise the check is axe's: applies to ``li`` without a ``role`` attribute that are exposed
to assistive technology; the parent element must be a ``ul``, ``ol`` or ``menu``, or have
``role="list"``, ``"none"`` or ``"presentation"``.

Fails::

    <div class="byline"><li>By Jane Doe</li></div>

Passes::

    <ul class="tags"><li><a href="/t/climate">Climate</a></li></ul>

    <div role="list"><li>First</li><li>Second</li></div>

Limits: an element hidden by any stylesheet the cascade reads (a ``<style>`` element, a linked file
it could read, ``--stylesheet`` site CSS) is skipped; one hidden only by a linked stylesheet that
could not be read still counts as exposed; where a rule the cascade cannot evaluate (``@container``,
an unknown ``var()``...) may hide it, the failure is cantTell and names
that rule.
"""

from __future__ import annotations

from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="listitem",
    impact="serious",
    wcag=("1.3.1",),
    tags=("cat.structure",),
    help="Put each <li> directly inside a <ul>, <ol> or <menu>",
    needs_context=True,
)

_LIST_TAGS = frozenset(("ul", "ol", "menu"))
_PARENT_ROLES_OK = frozenset(("list", "none", "presentation"))


def check(page: Page) -> Results:
    # Role attributes are rare: a set test against the attribute index answers for most
    # items and their lists (lxml's el.get costs ~1,500 instructions even for an absent
    # attribute), and a parent's explicit role is the page's (page.explicit_roles). The passes
    # (~100 a page) are gathered in runs and yielded by Rule.passes.
    with_role = set(page.by_attribute.get("role", ()))
    listed: list[Element] = []
    for el in page.tags("li"):
        if el in with_role or page.is_hidden(el):
            continue
        parent = el.getparent()
        if parent is None:
            continue
        role = page.explicit_roles.get(parent)
        tag = parent.tag
        if role in _PARENT_ROLES_OK or (role is None and tag in _LIST_TAGS):
            listed.append(el)
        elif role is not None and tag in _LIST_TAGS:
            continue  # HTML-AAM: this li is generic; the parent's role decides (see docs)
        else:
            yield from RULE.passes(listed)
            listed = []
            shown = f' role="{role}"' if role else ""
            yield RULE.fail(el, f"<li> sits in <{tag}{shown}>, not in a <ul>, <ol> or <menu>: "
                                "it is not announced as a list item")
    yield from RULE.passes(listed)
