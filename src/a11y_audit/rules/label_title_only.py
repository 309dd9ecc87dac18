"""Form fields are not labelled only by a ``title`` or ``aria-describedby``.

A ``title`` tooltip shows only on mouse hover, not to keyboard or touch users, and screen readers
may read it as a description rather than a name; ``aria-describedby`` is a description, not a
name. A newsletter sign-up box or comment field labelled only that way has no visible, reliable
label.

The rule applies to every ``input`` (except ``hidden``, ``image``, ``button``, ``submit`` and
``reset``), ``select`` and ``textarea`` not hidden from assistive technology. It fails when the
field has no label from ``aria-labelledby``, ``aria-label``, a ``label for`` or an enclosing
``label``, but has a ``title`` or an ``aria-describedby``.

Matches axe-core. Same selector (``input, select, textarea``, ``label-matches``, hidden
excluded) and check (``title-only``, which reads labels as ``labelVirtual`` does).

Fails::

    <input type="email" name="email" title="Your email address">

    <p id="hint">Weekly, every Friday</p><input type="email" aria-describedby="hint">

Passes::

    <label for="e">Email</label><input id="e" type="email" title="Your email address">

    <input type="email" aria-label="Email" title="We never share it">
"""

from __future__ import annotations

from a11y_audit.checks.axe_scope import screen_reader_text
from a11y_audit.checks.naming import describe
from a11y_audit.dom import normalize_space, tag_of, text_content
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="label-title-only",
    impact="serious",
    wcag=(),
    tags=("cat.forms", "best-practice"),
    help="Give the field a visible <label> (or aria-labelledby); keep title for extra advice",
    template_values=("id", "aria-labelledby", "labels"),
)

_SKIPPED_TYPES = frozenset(("hidden", "image", "button", "submit", "reset"))


def check(page: Page) -> Results:
    for el in page.select("input", "select", "textarea"):
        if tag_of(el) == "input" and el.get("type") is not None and (
                el.get("type") or "").lower() in _SKIPPED_TYPES:
            continue
        if page.is_hidden(el):
            continue
        if _label_text(el, page):
            yield RULE.ok(el, "the field has a label")
        elif normalize_space(el.get("title")) or el.get("aria-describedby") is not None:
            what = "title" if normalize_space(el.get("title")) else "aria-describedby"
            yield RULE.fail(el, f"{describe(el)} is labelled only by its {what}")
        else:
            yield RULE.ok(el, "no title or aria-describedby stands in for a label")


def _label_text(el: Element, page: Page) -> str:
    """axe-core ``labelVirtual``: aria-labelledby, aria-label, the first ``label for``, then the
    enclosing ``label``."""
    for ref in normalize_space(el.get("aria-labelledby")).split():
        target = page.ids.get(ref)
        if target is not None and normalize_space(text_content(target)):
            return normalize_space(text_content(target))
    if normalize_space(el.get("aria-label")):
        return normalize_space(el.get("aria-label"))
    own_id = el.get("id")
    if own_id:
        labels = page.labels_by_for.get(own_id)
        label = labels[0] if labels else None
        if label is not None and screen_reader_text(label, page):
            return screen_reader_text(label, page)
    enclosing = next(el.iterancestors("label"), None)
    return screen_reader_text(enclosing, page) if enclosing is not None else ""
