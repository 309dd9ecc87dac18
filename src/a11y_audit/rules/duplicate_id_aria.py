"""Ids that ARIA attributes or labels point at are unique.

``aria-labelledby``, ``aria-describedby``, ``aria-controls`` and ``<label for>`` find their
target by id, and a browser takes the first element with that id. When a template repeats a
block (two share bars, a headline reused in a teaser), a second element with the same id means
a control may be named or described by the wrong text, or by text the reader never sees.

The rule applies to every element whose non-empty ``id`` (white space trimmed) is referenced by
an ARIA ID-reference attribute (``aria-activedescendant``, ``aria-controls``,
``aria-describedby``, ``aria-details``, ``aria-errormessage``, ``aria-flowto``,
``aria-labelledby``, ``aria-owns``) or by a ``label``'s ``for``; hidden elements count too. One
result is given per id, on its first element, naming the others.

Differs from axe-core: axe-core marks the rule ``reviewOnFail`` and lists every duplicate under
"needs review", since the reference may still resolve to the element the author meant; here
that is cantTell. It is failed only where the markup shows the reference resolving to the wrong
element: a ``label for`` whose first element with the id cannot be labelled while a later one
is a form control, or an ``aria-labelledby``/``aria-describedby`` whose first element with the
id has no text while a later one has some. Selection (``[id]`` that ``isAccessibleRef``, hidden
included) and the check (one result per id) are axe-core's.

Fails::

    <label for="q">Search</label><span id="q"></span><input id="q">

    <button aria-describedby="tip">Share</button><span id="tip"></span>
    <span id="tip">Copy the link to this story</span>

Passes::

    <label for="q">Search</label><input id="q"><div id="results"></div>

Limits: which of two copies the author meant is a judgement; where markup does not show it,
the result is cantTell. In a template, an id written as it stands (no expression in it)
inside a loop (``{% for %}``, ``{{#each}}``, a ``foreach`` block) is written once for each
item: cantTell, naming the loop, since the file does not say how many items there are.
"""

from __future__ import annotations

from a11y_audit.checks.axe_scope import id_referenced
from a11y_audit.checks.holes import repeated_by_loop
from a11y_audit.checks.naming import describe
from a11y_audit.dom import normalize_space, tag_of, text_content
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="duplicate-id-aria",
    impact="critical",
    wcag=("4.1.2",),
    act=("3ea0c8",),
    tags=("cat.parsing",),
    help="Give each element that labels or is referenced by ARIA an id of its own",
    hidden_content="axe-core counts hidden elements: a reference may still resolve to them",
    template_values=("id", "branches"),
)


def check(page: Page) -> Results:
    referenced = id_referenced(page)
    if not referenced:
        return
    groups: dict[str, list] = {}
    for el in page.by_attribute.get("id", []):
        value = (el.get("id") or "").strip()
        if value and value in referenced:
            groups.setdefault(value, []).append(el)
    for value, elements in groups.items():
        first = elements[0]
        if len(elements) == 1:
            if page.template is not None and (
                    loop := repeated_by_loop(page, first, first.get("id") or "")):
                yield RULE.cant_tell(first, (
                    f"id {value!r} is referenced by ARIA or a label and stands in the "
                    f"template's loop {loop}: each item writes it, so on a page of two "
                    "items or more every reference resolves to the first item's"))
                continue
            yield RULE.ok(first, lambda v=value: f"id {v!r} is referenced and unique")
            continue
        others = ", ".join(f"{describe(e)} (line {page.line(e)})" for e in elements[1:4])
        more = f" and {len(elements) - 4} more" if len(elements) > 4 else ""
        message = (f"id {value!r} is referenced by ARIA or a label and is also the id of "
                   f"{others}{more}; references resolve to this first one")
        wrong = _resolves_wrongly(page, value, elements)
        if wrong:
            yield RULE.fail(first, f"{message}, but {wrong}")
        else:
            yield RULE.cant_tell(first, f"{message}: check that it is the one meant")


_LABELABLE = frozenset(("button", "input", "meter", "output", "progress", "select", "textarea"))


def _labelable(el: Element) -> bool:
    return tag_of(el) in _LABELABLE and not (
        tag_of(el) == "input" and (el.get("type") or "").strip().lower() == "hidden")


def _has_text(el: Element) -> bool:
    return bool(normalize_space(text_content(el)) or normalize_space(el.get("aria-label")))


def _resolves_wrongly(page: Page, value: str, elements: list[Element]) -> str:
    """Why the reference certainly resolves to the wrong copy ("" when markup cannot tell)."""
    first, later = elements[0], elements[1:]
    if (not _labelable(first) and any(_labelable(e) for e in later)
            and value in page.labels_by_for):
        return f"that <{tag_of(first)}> cannot be labelled, so the label labels no control"
    if _has_text(first) or not any(_has_text(e) for e in later):
        return ""
    referring = page.select("*[aria-labelledby]", "*[aria-describedby]")
    if any(value in normalize_space(e.get("aria-labelledby")).split()
           or value in normalize_space(e.get("aria-describedby")).split() for e in referring):
        return "it has no text, so the name or description it gives is empty"
    return ""
