"""Description lists (``dl``) contain only ``dt`` and ``dd`` groups, ``script`` and ``template``.

Fact boxes ("Born: 1961", "Party: Labour") are often ``dl`` lists. Screen readers pair each
term with its description; a ``p``, heading or stray text directly in the ``dl`` breaks the
pairs, and the markup is invalid HTML.

Matches axe-core. Same id and checks as axe-core's ``definition-list``: applies to ``dl``
without a ``role`` attribute that are exposed to assistive technology. ``only-dlitems``: each
child must be a ``dt`` or ``dd`` without a role, a ``div`` (HTML allows one level of ``div`` to
group a term with its descriptions) holding only such ``dt``/``dd``, a ``script`` or
``template``, or hidden; non-blank text directly in the ``dl`` (or in such a ``div``) fails.
``structured-dlitems``: a ``dl`` with ``dt`` or ``dd`` children of its own needs a ``dd`` after a
``dt`` (HTML's content model: groups of one or more ``dt`` followed by one or more ``dd``), so a
term without description (a photo gallery's ``<dl><dt><img></dt></dl>``) fails, and so does a
``dd`` with no term before it.

Fails::

    <dl class="factbox"><dt>Born</dt><dd>1961, Leeds</dd><p>Source: party website</p></dl>

    <dl class="gallery-item"><dt><img src="storm.jpg" alt="Flooded street"></dt></dl>

Passes::

    <dl class="factbox"><dt>Born</dt><dd>1961, Leeds</dd>
      <div><dt>Party</dt><dd>Labour</dd></div></dl>

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
    id="definition-list",
    impact="serious",
    wcag=("1.3.1",),
    tags=("cat.structure",),
    help="Put only <dt> and <dd> elements (optionally grouped in a <div>) directly in a <dl>",
    template_values=("children",),
)

_ALWAYS_ALLOWED = frozenset(("script", "template"))


def check(page: Page) -> Results:
    for el in page.tags("dl"):
        if el.get("role") is not None or page.is_hidden(el):
            continue
        wrong = _wrong_child(page, el, allow_div=True) or _unpaired(el)
        if wrong:
            yield RULE.fail(el, f"<dl> holds {wrong}: only <dt> and <dd> (optionally grouped in "
                                "a <div>) belong in a description list")
        else:
            yield RULE.ok(el)


def _wrong_child(page: Page, el: Element, *, allow_div: bool) -> str:
    if el.text and el.text.strip():
        return f"the text {shorten(el.text, 40)!r}"
    for child in el:
        if isinstance(child.tag, str) and not page.is_hidden(child):
            tag = tag_of(child)
            if tag in ("dt", "dd") and child.get("role") is None:
                pass
            elif tag == "div" and allow_div:
                inner = _wrong_child(page, child, allow_div=False)
                if inner:
                    return f"{inner} inside a <div>"
            elif tag not in _ALWAYS_ALLOWED:
                shown = f' role="{child.get("role")}"' if child.get("role") is not None else ""
                return f"<{tag}{shown}>"
        if child.tail and child.tail.strip():
            return f"the text {shorten(child.tail, 40)!r}"
    return ""


def _unpaired(el: Element) -> str:
    """axe-core's structured-dlitems: direct ``dt``/``dd`` children, but no ``dd`` after a
    ``dt`` (children grouped in ``div`` elements are not looked at)."""
    tags = [tag_of(child) for child in el if isinstance(child.tag, str)]
    if "dt" not in tags and "dd" not in tags:
        return ""
    if "dt" in tags and "dd" in tags[tags.index("dt"):]:
        return ""
    if "dt" in tags:
        return "a <dt> term with no <dd> description after it"
    return "a <dd> description with no <dt> term before it"
