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
popup, takeover, backdrop), or the cascade (style attribute, ``<style>`` elements, stylesheets
that were read) gives it or its parent ``position: fixed`` over the whole screen (``inset: 0``,
or 100% / 100vw and 100vh in both directions).

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
and only the stylesheet knows. And a closed dialog (``aria-hidden="true"``, or a ``<dialog>``
without ``open``) whose ``aria-labelledby`` names only empty elements: the title a script
writes as it opens the dialog (``<h3 id="share-title"></h3>``), which the markup cannot show.

Limits: a dialog whose background is made inert some other way (``inert`` or
``aria-hidden="true"`` on everything else) passes only if it also has ``aria-modal``. A fixed
box that does not cover the screen (a cookie strip at the foot of the page) is no sign of
blocking; sizes the cascade cannot resolve (``calc()``, ``var()`` it cannot substitute, a
stylesheet that could not be read) are no sign either, so such a dialog is cantTell unless
its class or id says it blocks.

Options
-------

``modal-patterns`` (list of regular expressions)
    Default: modal, overlay, paywall, interstitial, lightbox, popup, pop-up, takeover, backdrop.
    Class or id words on a dialog or its parent (case is ignored) that say it blocks the page: a
    named dialog without ``aria-modal="true"`` then fails instead of cantTell. An empty list
    leaves only a fixed position over the whole screen as that sign.
"""

from __future__ import annotations

import re
from typing import Any

from a11y_audit.checks.naming import describe, quote
from a11y_audit.dom import tag_of, text_content
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics.cascade import cascade_of

RULE = Rule(
    id="dialog-name-modal",
    impact="serious",
    wcag=(),
    tags=("news", "cat.aria"),
    axe=False,
    help_url="https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/",
    help="Name the dialog (aria-labelledby its heading) and add aria-modal=\"true\" if it "
         "blocks the page",
    template_values=("aria-labelledby",),
)

OPTIONS: dict[str, Any] = {
    "modal-patterns": [r"modal", r"overlay", r"paywall", r"interstitial", r"lightbox",
                       r"popup", r"pop-up", r"takeover", r"backdrop"],
}

def check(page: Page, options: dict[str, Any]) -> Results:
    pattern = re.compile("|".join(options["modal-patterns"]), re.I) \
        if options["modal-patterns"] else None
    for el in page.select("dialog", "*[role]"):
        native = tag_of(el) == "dialog"
        role = page.explicit_roles.get(el)
        if not native and role not in ("dialog", "alertdialog"):
            continue
        if not native and not page.is_rendered(el):
            continue
        name = page.name(el)
        label = describe(el)
        modal = (el.get("aria-modal") or "").strip().lower() == "true"
        if not name:
            empty = _empty_label(page, el)
            if empty is None:
                yield RULE.fail(el, f"{label} has no accessible name: screen readers announce "
                                    "only \"dialog\"")
            elif not (modal or native) and _looks_blocking(page, el, pattern):
                yield RULE.fail(el, f"{label} looks like it blocks the page but has no "
                                    "aria-modal=\"true\" (its title "
                                    f"{describe(empty)} is empty until a script fills it)")
            else:
                yield RULE.cant_tell(el, f"{label} is closed and named by {describe(empty)}, "
                                         "which is empty: fine if a script fills it as the "
                                         "dialog opens")
            continue
        if modal or native:
            yield RULE.ok(el, f"Dialog {quote(name)} is named"
                              + (" and modal" if modal else " (a <dialog> is modal when "
                                                              "opened with showModal())"))
        elif _looks_blocking(page, el, pattern):
            yield RULE.fail(el, f"Dialog {quote(name)} looks like it blocks the page ({label}) "
                                "but has no aria-modal=\"true\"")
        else:
            yield RULE.cant_tell(el, f"Dialog {quote(name)} has no aria-modal: fine if it does not "
                                     "block the page")


def _empty_label(page: Page, el: Element) -> Element | None:
    """For a closed dialog (``aria-hidden="true"`` on it or above it, or a ``<dialog>``
    without ``open``) whose ``aria-labelledby`` names only elements that exist and hold no
    text at all (``<h3 id="modal-title"></h3>``, a title a script writes when it opens the
    dialog): the first of them; else None."""
    ids = (el.get("aria-labelledby") or "").split()
    if not ids:
        return None
    closed = (el.get("open") is None if tag_of(el) == "dialog" else any(
        (node.get("aria-hidden") or "").strip().lower() == "true"
        for node in (el, *el.iterancestors())))
    if not closed:
        return None
    targets = [page.ids.get(ident) for ident in ids]
    if any(target is None or text_content(target).strip() for target in targets):
        return None
    return targets[0]


def _looks_blocking(page: Page, el: Element, pattern: re.Pattern[str] | None) -> bool:
    parent = el.getparent()
    nodes = (el, parent) if parent is not None else (el,)
    if any(_covers_screen(page, node) for node in nodes):
        return True
    if pattern is None:
        return False
    for node in nodes:
        hint = " ".join(v for v in (node.get("class"), node.get("id")) if v)
        if hint and pattern.search(hint):
            return True
    return False


_ZERO = frozenset(("0", "0px", "0%", "0vw", "0vh", "0em", "0rem"))


def _covers_screen(page: Page, el: Element) -> bool:
    """The cascade fixes ``el`` to the viewport and stretches it over all of it: both offsets of
    each axis 0 (``inset: 0``), or a size of 100% (100vw / 100vh, or the viewport's pixels)."""
    style = page.style(el)
    if style.position != "fixed":
        return False
    viewport = cascade_of(page).viewport
    values = style.values
    return (_spans(values, "left", "right", "width", "vw", viewport.width)
            and _spans(values, "top", "bottom", "height", "vh", viewport.height))


def _spans(values: dict[str, str], start: str, end: str, size: str, unit: str,
           screen: float) -> bool:
    if values.get(start) in _ZERO and values.get(end) in _ZERO:
        return True
    value = values.get(size, "")
    if value in ("100%", f"100{unit}"):
        return True
    if value.endswith("px"):
        try:
            return float(value[:-2]) >= screen
        except ValueError:
            return False
    return False
