"""Dialogs have an accessible name, and blocking dialogs are marked ``aria-modal="true"``.

Paywalls, cookie-consent banners and newsletter pop-ups are dialogs. A screen reader announces
a dialog by its name ("Cookie settings, dialog"): without one the reader hears only "dialog".
A dialog that covers the page and blocks it must say so with ``aria-modal="true"`` (or be a
``<dialog>`` opened with ``showModal()``), or screen readers let the reader wander into the
story behind it, which they cannot use.

No axe-core counterpart: axe-core's ``aria-dialog-name`` (best practice) checks the name of
``role=dialog``/``alertdialog`` only; this rule adds ``<dialog>`` and the modal check. Applicable:
rendered ``role="dialog"``/``"alertdialog"`` elements and ``<dialog>`` elements (a closed
``<dialog>`` too: it opens later). The element looks blocking when its class or id (or its
parent's) matches the ``modal-patterns`` option (modal, overlay, paywall, interstitial, lightbox,
popup, takeover, backdrop) or its inline style is ``position: fixed`` (a ``position`` from a
stylesheet is not read).

Fails::

    <div role="dialog" class="paywall-modal"><p>Subscribe to keep reading</p>
      <a href="/subscribe">Subscribe</a></div>

    <div role="dialog" aria-label="Newsletter" class="newsletter-overlay">
      <label>Email <input type="email"></label><button>Sign up</button></div>

Passes::

    <div role="dialog" aria-modal="true" aria-labelledby="pw-h" class="paywall-modal">
      <h2 id="pw-h">Subscribe to keep reading</h2></div>

    <dialog aria-label="Cookie settings"><button>Accept</button></dialog>

cantTell: a named ``role=dialog`` without ``aria-modal`` that does not look blocking: a
cookie banner at the foot of the page is a correct non-modal dialog, a full-screen one is not,
and only the stylesheet knows.

Limits: a dialog whose background is made inert some other way (``inert`` or
``aria-hidden="true"`` on everything else) passes only if it also has ``aria-modal``.

Options
-------

``modal-patterns`` (list of regular expressions)
    Default: modal, overlay, paywall, interstitial, lightbox, popup, pop-up, takeover, backdrop.
    Class or id words on a dialog or its parent (case is ignored) that say it blocks the page: a
    named dialog without ``aria-modal="true"`` then fails instead of cantTell. An empty list
    leaves only a fixed-position ``style`` attribute as that sign.
"""

from __future__ import annotations

import re
from typing import Any

from a11y_audit.checks.naming import describe
from a11y_audit.dom import tag_of
from a11y_audit.knowledge.aria import explicit_role
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="dialog-name-modal",
    impact="serious",
    wcag=(),
    tags=("news", "cat.aria"),
    axe=False,
    help_url="https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/",
    help="Name the dialog (aria-labelledby its heading) and add aria-modal=\"true\" if it "
         "blocks the page",
)

OPTIONS: dict[str, Any] = {
    "modal-patterns": [r"modal", r"overlay", r"paywall", r"interstitial", r"lightbox",
                       r"popup", r"pop-up", r"takeover", r"backdrop"],
}

_FIXED = re.compile(r"position\s*:\s*fixed", re.I)


def check(page: Page, options: dict[str, Any]) -> Results:
    pattern = re.compile("|".join(options["modal-patterns"]), re.I) \
        if options["modal-patterns"] else None
    for el in page.select("dialog", "*[role]"):
        native = tag_of(el) == "dialog"
        role = explicit_role(el)
        if not native and role not in ("dialog", "alertdialog"):
            continue
        if not native and not page.is_rendered(el):
            continue
        name = page.name(el)
        label = describe(el)
        if not name:
            yield RULE.fail(el, f"{label} has no accessible name: screen readers announce only "
                                "\"dialog\"")
            continue
        modal = (el.get("aria-modal") or "").strip().lower() == "true"
        if modal or native:
            yield RULE.ok(el, f"Dialog \"{name}\" is named"
                              + (" and modal" if modal else " (a <dialog> is modal when "
                                                              "opened with showModal())"))
        elif _looks_blocking(el, pattern):
            yield RULE.fail(el, f"Dialog \"{name}\" looks like it blocks the page ({label}) "
                                "but has no aria-modal=\"true\"")
        else:
            yield RULE.cant_tell(el, f"Dialog \"{name}\" has no aria-modal: fine if it does not "
                                     "block the page")


def _looks_blocking(el: Element, pattern: re.Pattern[str] | None) -> bool:
    if _FIXED.search(el.get("style") or ""):
        return True
    if pattern is None:
        return False
    parent = el.getparent()
    for node in (el, parent) if parent is not None else (el,):
        hint = " ".join(v for v in (node.get("class"), node.get("id")) if v)
        if hint and pattern.search(hint):
            return True
    return False
