"""An iframe with links or controls inside is not taken out of the Tab order.

``tabindex="-1"`` on an iframe keeps keyboard focus from ever entering the framed document.
Embedded polls, video players, maps, newsletter forms and social posts then cannot be used
without a mouse: their buttons and links are in the framed page, but Tab skips the frame.

Applies to each rendered ``iframe`` whose document has content in the Tab order. The framed
document is read from ``srcdoc``; an iframe loading another address (``src``) cannot be seen
from the page's HTML, so a negative ``tabindex`` on it gives cantTell, and without one the frame
is not reported. The iframe must not have a negative ``tabindex``.

Differs from axe-core: axe-core looks into the framed document; static HTML shows only ``srcdoc``,
so a frame loaded from ``src`` with a negative ``tabindex`` is cantTell here.

Fails::

    <figure><iframe tabindex="-1" title="Reader poll"
      srcdoc="<form><button>Vote yes</button><button>Vote no</button></form>"></iframe>
    </figure>

Passes::

    <figure><iframe title="Reader poll"
      srcdoc="<form><button>Vote yes</button><button>Vote no</button></form>"></iframe>
    </figure>

Limits: the content of frames loaded from ``src`` is not fetched (cantTell when the frame has a
negative tabindex); a frame 1 pixel or less wide or high may show nothing, so it gives cantTell
rather than failing. Its size is the cascade's ``width``, ``height``, ``max-width`` and
``max-height`` (style attribute, ``<style>`` elements, stylesheets that were read: they win over
the ``width``/``height`` attributes), else the attributes; a size in ``%``, ``calc()`` or
``var()`` is not taken as tiny, and a size that only a stylesheet that could not be read sets is
not seen. A frame that an inline script names along with tabindex, inert or showModal gives
cantTell; a frame that a stylesheet the cascade reads hides is not checked.
"""

from __future__ import annotations

import re

from lxml import etree

from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics import focus
from a11y_audit.semantics.cascade import cascade_of
from a11y_audit.semantics.css import Viewport
from a11y_audit.semantics.tabbing import (
    FRAME,
    TABBABLE,
    frame_content_state,
    is_inert,
    script_may_change_tabindex,
)

RULE = Rule(
    id="frame-focusable-content",
    impact="serious",
    wcag=("2.1.1",),
    act=("akn7bn",),
    tags=("cat.keyboard",),
    help='Remove tabindex="-1" from iframes that contain links, buttons or form fields',
)

_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)")
_CSS_LENGTH = re.compile(r"^(-?(?:\d+(?:\.\d+)?|\.\d+))(px|vw|vh|em|rem)?$")
TINY = 1.0


def check(page: Page) -> Results:
    for frame in page.by_tag.get("iframe", []):
        if not page.is_rendered(frame) or is_inert(frame):
            continue
        content = frame_content_state(frame)
        if content is None:
            continue
        index = focus.tabindex(frame)
        negative = index is not None and index < 0
        where = _describe(frame)
        if not negative:
            if content != TABBABLE or _tiny(page, frame):
                continue
            if script_may_change_tabindex(page, frame):
                yield RULE.cant_tell(frame, f"{where} is in the Tab order, but a script on the "
                                     "page names it and may change its tabindex")
            else:
                yield RULE.ok(frame, f"{where} is in the Tab order and so is its content")
            continue
        if content == FRAME:
            yield RULE.cant_tell(frame, f"{where} has tabindex={frame.get('tabindex')!r}; its "
                                 "document is loaded from elsewhere, so whether it has links "
                                 "or controls keyboard users cannot reach is unknown")
        elif _tiny(page, frame):
            yield RULE.cant_tell(frame, f"{where} has tabindex={frame.get('tabindex')!r} and "
                                 "focusable content, but its size may keep that content from "
                                 "being visible")
        elif script_may_change_tabindex(page, frame):
            yield RULE.cant_tell(frame, f"{where} has tabindex={frame.get('tabindex')!r} and "
                                 "focusable content, but a script on the page names it and may "
                                 "change its tabindex")
        else:
            yield RULE.fail(frame, f"{where} has tabindex={frame.get('tabindex')!r}, so "
                            "keyboard users cannot reach the links or controls inside it")


def _describe(frame: etree._Element) -> str:
    title = frame.get("title")
    src = frame.get("src")
    if title:
        return f"<iframe title={title!r}>"
    if src and frame.get("srcdoc") is None:
        return f"<iframe src={src[:80]!r}>"
    return "<iframe>"


def _tiny(page: Page, frame: etree._Element) -> bool:
    """Width or height of at most 1 pixel: the cascade's ``width``/``height`` (or a
    ``max-width``/``max-height``) where CSS sets one, else the attribute (a presentational hint
    that any CSS declaration overrides)."""
    style = page.style(frame)
    cascade = cascade_of(page)
    root = cascade.font(page.root).size
    for dim in ("width", "height"):
        css = style.values.get(dim)
        if css:
            size = _css_pixels(css, style.font_size, root, cascade.viewport)
        else:
            match = _LENGTH.match(frame.get(dim) or "")
            size = float(match.group(1)) if match else None
        if size is not None and size <= TINY:
            return True
        limit = style.values.get(f"max-{dim}")
        size = _css_pixels(limit, style.font_size, root, cascade.viewport) if limit else None
        if size is not None and size <= TINY:
            return True
    return False


def _css_pixels(value: str, font_size: float | None, root_size: float | None,
                viewport: Viewport) -> float | None:
    """A CSS length in pixels (px, vw, vh, em, rem, and 0), None for anything else
    (``auto``, ``%``, ``calc()``, ``var()``...)."""
    match = _CSS_LENGTH.match(value.replace("!important", "").strip())
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    if unit is None:
        return number if number == 0 else None     # a unitless length other than 0 is invalid
    factor = {"px": 1.0, "vw": viewport.width / 100, "vh": viewport.height / 100,
              "rem": root_size, "em": font_size}.get(unit)
    return None if factor is None else number * factor
