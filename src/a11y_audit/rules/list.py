"""Lists (``ul``, ``ol``) contain only ``li`` elements, ``script`` and ``template``.

Screen readers announce a list with its number of items and let users jump from item to item.
A ``div``, ``p``, heading, ``button`` or stray text placed directly in a ``ul`` is not an item:
it is announced outside the count, or items are miscounted, and the markup is invalid HTML.

Matches axe-core. Same id and check as axe-core's ``list`` (check ``only-listitems``): applies
to ``ul`` and ``ol`` without a ``role`` attribute that are exposed to assistive technology; each
child must be an ``li`` without a role or with ``role="listitem"`` (or any element with
``role="listitem"``), a ``script`` or ``template``, or hidden; non-blank text directly in the
list fails. A ``menu`` element is not checked (as in axe). Lists with a role attribute are
``aria-required-children``'s business. This rule also answers ACT rule bc4a75 for native lists
(its Failed Example 10 is a ``ul`` holding ``div`` elements).

Fails::

    <ul class="related">
      <li><a href="/a">Flooding closes roads</a></li>
      <div class="ad-slot"><a href="/ad">Sponsored</a></div>
    </ul>

    <ol><li>Preheat the oven</li> Then: <li>Bake</li></ol>

Passes::

    <ul class="related">
      <li><a href="/a">Flooding closes roads</a></li>
      <li><a href="/b">Schools reopen</a></li>
      <script>trackList()</script>
    </ul>

Limits: a child hidden by any stylesheet the cascade reads (a ``<style>`` element, a linked file it
could read, ``--stylesheet`` site CSS) is skipped; one hidden only by a linked stylesheet that could
not be read still counts as a child; where a rule the cascade cannot evaluate (``@container``,
an unknown ``var()``...) may hide it, the failure is cantTell and names
that rule.
"""

from __future__ import annotations

from a11y_audit.checks.naming import shorten
from a11y_audit.dom import tag_of
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="list",
    impact="serious",
    wcag=("1.3.1",),
    act=("bc4a75",),
    tags=("cat.structure",),
    help="Put only <li> elements (and script or template) directly inside <ul> and <ol>",
    template_values=("children",),
)

_ALWAYS_ALLOWED = frozenset(("script", "template"))


def check(page: Page) -> Results:
    with_role = page.holders("role")     # (a set test, not el.get: see Page.holders)
    for el in page.select("ul", "ol"):
        if el in with_role or page.is_hidden(el):
            continue
        wrong, child = wrong_child(page, el)
        if wrong:
            yield RULE.fail(el, f"<{tag_of(el)}> holds {wrong} directly: only <li> items belong "
                                "in a list", related=(child,) if child is not None else ())
        else:
            yield RULE.ok(el)


def wrong_child(page: Page, el: Element) -> tuple[str, Element | None]:
    """The first child that is not a list item, described, and that child (None for text);
    ("", None) when there is none."""
    if el.text and el.text.strip():
        return f"the text {shorten(el.text, 40)!r}", None
    for child in el:
        tag = child.tag
        if tag == "li" and child not in page.holders("role"):
            pass   # a list item, hidden or not (most children: no role or visibility asked)
        elif (isinstance(tag, str) and not page.is_hidden(child)
              and page.explicit_roles.get(child) != "listitem" and tag not in _ALWAYS_ALLOWED):
            shown = f' role="{child.get("role")}"' if child.get("role") is not None else ""
            return f"<{tag}{shown}>", child
        if child.tail and child.tail.strip():
            return f"the text {shorten(child.tail, 40)!r}", None
    return "", None
