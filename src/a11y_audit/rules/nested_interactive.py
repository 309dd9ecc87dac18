"""Controls whose content is presentational (buttons, tabs, checkboxes) hold nothing focusable.

For some roles (button, checkbox, img, tab, option, slider...) WAI-ARIA makes the children
presentational: assistive technology shows the control as one thing and ignores what is inside.
A link inside a "Read more" button, or a share link inside a tab, still takes keyboard focus, but
screen readers have nothing to announce for it: no name, no role.

Applies to each element whose role has presentational children in WAI-ARIA 1.2: ``button``,
``checkbox``, ``img``, ``menuitemcheckbox``, ``menuitemradio``, ``meter``, ``option``,
``progressbar``, ``radio``, ``scrollbar``, ``separator``, ``slider``, ``switch`` and ``tab``
(native elements such as ``<button>`` included). No descendant may be in the Tab order.

Differs from axe-core: ACT rule 307n5z fails any descendant in the Tab order, so a ``<span
tabindex="0">`` inside a button fails here while axe-core, which looks only at focusable elements
with a widget role, passes it; and a ``<button tabindex="-1">`` inside ``role="radio"`` is out of
the Tab order and passes here, where axe-core fails it.

Fails::

    <button class="card">
      <h3>Council approves new budget</h3>
      <a href="/news/budget">Read more</a>
    </button>

Passes::

    <article class="card">
      <h3><a href="/news/budget">Council approves new budget</a></h3>
      <button aria-label="Save story">&#9734;</button>
    </article>

Limits: an iframe loaded from ``src`` inside such a control gives cantTell; descendants that a
stylesheet the cascade reads hides do not count; those that only a linked stylesheet that could not
be read may hide still count as focusable.
"""

from __future__ import annotations

from lxml import etree

from a11y_audit.dom import tag_of
from a11y_audit.rule import Page, Result, Results, Rule
from a11y_audit.semantics.tabbing import tabbable_summary

RULE = Rule(
    id="nested-interactive",
    impact="serious",
    wcag=("4.1.2",),
    act=("307n5z",),
    tags=("cat.keyboard",),
    help="Move links and controls out of buttons, tabs and other controls; make them siblings",
)


def _words(text: str) -> list[str]:
    return text.split()


# WAI-ARIA 1.2, roles with "Children Presentational: True" (section 5.2.8.7 / each role's table).
PRESENTATIONAL_CHILDREN_ROLES = frozenset(
    _words("""
    button checkbox img menuitemcheckbox menuitemradio meter option progressbar radio scrollbar
    separator slider switch tab
    """)
)

# Elements whose implicit role can be one of those (HTML-AAM), and any explicit role.
_CANDIDATES = ("button", "meter", "progress", "option", "img", "input", "hr", "*[role]")


def check(page: Page) -> Results:
    for el in page.select(*_CANDIDATES):
        role = page.role(el)
        if role not in PRESENTATIONAL_CHILDREN_ROLES:
            continue
        yield _judge(page, el, role)


def _judge(page: Page, el: etree._Element, role: str) -> Result:
    first, count, frames = tabbable_summary(page, el) if len(el) else (None, 0, False)
    name = _label(el, role)
    if first is not None:
        more = f" and {count - 1} more" if count > 1 else ""
        return RULE.fail(el, f"{name} contains focusable <{tag_of(first)}>{more}; its content is "
                         f"presentational for role {role}, so assistive technology cannot "
                         "announce it")
    if frames:
        return RULE.cant_tell(el, f"{name} contains an iframe whose document is not visible "
                              "here; it may hold focusable content")
    return RULE.ok(el, f"{name} contains nothing focusable")


def _label(el: etree._Element, role: str) -> str:
    tag = el.tag
    explicit = el.get("role")
    return f"<{tag} role={explicit!r}>" if explicit else f"<{tag}> ({role})"
