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
negative tabindex); a frame sized 1 pixel or less by its attributes or inline style may show
nothing, so it gives cantTell rather than failing; a frame that an inline script names along with
tabindex, inert or showModal gives cantTell; a frame that a stylesheet the cascade reads hides is
not checked, but a size that a stylesheet gives a frame is not read.
"""

from __future__ import annotations

import re

from lxml import etree

from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics import focus
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
_STYLE_SIZE = re.compile(r"(?:^|;)\s*(width|height)\s*:\s*(\d+(?:\.\d+)?)(px)?\s*(?:!important)?"
                         r"\s*(?:;|$)", re.I)
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
            if content != TABBABLE or _tiny(frame):
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
        elif _tiny(frame):
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


def _tiny(frame: etree._Element) -> bool:
    """Width or height of at most 1 pixel, from the attributes or the inline style."""
    sizes: dict[str, float] = {}
    for dim in ("width", "height"):
        match = _LENGTH.match(frame.get(dim) or "")
        if match:
            sizes[dim] = float(match.group(1))
    for dim, value, _unit in _STYLE_SIZE.findall(frame.get("style") or ""):
        sizes[dim.lower()] = float(value)
    return any(v <= TINY for v in sizes.values())
