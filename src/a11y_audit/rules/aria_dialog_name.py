"""Dialogs have an accessible name.

Cookie banners, newsletter pop-ups, paywall prompts and image lightboxes are often
``role="dialog"`` or ``role="alertdialog"``. When focus moves into one, screen readers announce
its name ("Subscribe to our newsletter, dialog"); without a name the reader hears only
"dialog" and must explore it to find out why it opened.

The rule applies to every element whose ``role`` attribute is exactly ``dialog`` or
``alertdialog``, not hidden from assistive technology, and that HTML does not already name. The
name must come from ``aria-label``, ``aria-labelledby`` or ``title``: a dialog's content does
not name it.

Matches axe-core. Same selector (``[role="dialog"], [role="alertdialog"]``, hidden excluded, the
``no-naming-method-matches`` filter) and checks (``aria-label``, ``aria-labelledby``,
``non-empty-title``). A ``<dialog>`` element without a ``role`` attribute is not checked, as in
axe-core.

Fails::

    <div role="dialog"><h2>Subscribe</h2><button>Close</button></div>

    <div role="alertdialog" aria-labelledby="nothing-here"><p>Your session expired.</p></div>

Passes::

    <div role="dialog" aria-labelledby="h"><h2 id="h">Subscribe</h2><button>Close</button></div>

    <div role="alertdialog" aria-label="Session expired"><p>Sign in again.</p></div>

Limits: dialogs in a page's markup are usually closed, hidden by a stylesheet until a script opens
them, and axe-core (which sees the styles) skips hidden ones. A dialog that a stylesheet the
cascade reads hides is skipped too. An unnamed dialog that carries a closed-widget class or id
("modal", "hidden", "fade", "closed", "popup"...) on itself or an ancestor is cantTell where no
stylesheet rule that was read sets its ``display`` or ``visibility`` (such a rule decides: a dialog
it shows fails). Under ``--missing-stylesheets ignore`` the words are no hint: the page is judged
as a browser shows it without the stylesheet it could not read.
"""

from __future__ import annotations

import re

from a11y_audit.checks.axe_scope import unnamed_role_elements
from a11y_audit.checks.naming import named
from a11y_audit.dom import tag_of
from a11y_audit.outcome import Outcome
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics.cascade import cascade_of

RULE = Rule(
    id="aria-dialog-name",
    impact="serious",
    wcag=(),
    tags=("cat.aria", "best-practice"),
    help="Name the dialog with aria-labelledby (its heading), aria-label or title",
    template_values=("aria-labelledby",),
)


# Class and id words of widgets that a stylesheet keeps hidden until a script opens them.
_CLOSED_WORDS = frozenset(("modal", "hidden", "hide", "invisible", "fade", "closed",
                           "collapsed", "offcanvas", "lightbox", "popup", "overlay"))
_SPLIT = re.compile(r"[\s_:-]+")


def check(page: Page) -> Results:
    for el in unnamed_role_elements(page, "dialog", "alertdialog"):
        result = named(RULE, page, el, "Dialog", text=False)
        hint = _closed_hint(page, el) if result.outcome is Outcome.FAILED else None
        if hint:
            yield RULE.cant_tell(el, f"{result.message}; but {hint}, so a stylesheet probably "
                                     "hides it until it opens")
        else:
            yield result


def _closed_hint(page: Page, el: Element) -> str | None:
    """A closed-widget word in the class or id of the (rendered) dialog or an ancestor, on
    elements whose display no stylesheet rule that the cascade read decides. None when
    ``--missing-stylesheets ignore`` took an unreadable stylesheet as absent: the page is
    then judged as a browser shows it without that stylesheet, where no class hides."""
    cascade = cascade_of(page)
    if cascade.absent:
        return None
    for node in (el, *el.iterancestors()):
        if tag_of(node) == "body":
            break
        if cascade.sets_rendering(node):
            continue    # a rule that was read sets display or visibility: it shows this one
        for attribute in ("class", "id"):
            words = {w.lower() for w in _SPLIT.split(node.get(attribute) or "") if w}
            found = sorted(words & _CLOSED_WORDS)
            if found:
                return f"<{tag_of(node)}> has {found[0]!r} in its {attribute}"
    return None
