"""``object`` elements that show an image, audio or video have an accessible name.

An ``<object>`` that embeds a chart image, an audio clip or a video is announced by its name;
its fallback content and an ``alt`` attribute do not name it. Without ``title``, ``aria-label``
or ``aria-labelledby`` screen reader users meet an unnamed object and cannot tell what it holds.

The rule applies to ``object`` elements exposed to assistive technology, without a ``role``,
whose resource is an image, audio or video: known from the ``type`` attribute, or from the file
extension (or ``data:`` URL) of the ``data`` attribute. Objects that embed HTML, PDF or other
documents are not checked.

Differs from axe-core: ACT rule 8fc3b6 applies only to objects that embed an image, audio or video,
and to no object with a role; axe-core checks every ``object`` whose ``data`` loaded, documents
included, and lets a presentational role pass. Whether an address loads is not known from markup,
so axe-core's reading is followed only for ``data:`` URLs, which always load: such an object needs
a name whatever it holds, unless its role needs none (``role="separator"`` not focusable) or
``role="none"`` sticks.

Fails::

    <object data="/graphics/turnout-2024.png"></object>

    <object data="/audio/podcast-ep12.mp3" alt="Episode 12">
      <a href="/audio/podcast-ep12.mp3">Download</a></object>

Passes::

    <object data="/graphics/turnout-2024.png" title="Turnout by region, 2024"></object>

    <object type="video/mp4" data="/video/clip" aria-label="Interview with the mayor"></object>

Limits: when neither ``type`` nor the URL tells the resource type, an unnamed object is cantTell
(the server's Content-Type decides). An unnamed object that a stylesheet the cascade reads hides
(``display: none``, ``visibility: hidden``) is not checked; one that only a linked stylesheet that
could not be read may hide is checked.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from a11y_audit.checks.naming import describe, named, native_name_rule_applies
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="object-alt",
    impact="serious",
    wcag=("1.1.1",),
    act=("8fc3b6",),
    tags=("cat.text-alternatives",),
    help="Give the object a title, aria-label or aria-labelledby describing its content",
    template_values=("aria-labelledby", "content"),
)

# File extensions by MIME type family (MIME Sniffing "image/audio or video MIME type").
_MEDIA = frozenset((
    "apng", "avif", "bmp", "gif", "ico", "jfif", "jpeg", "jpg", "png", "svg", "svgz", "tif",
    "tiff", "webp",                                                          # image
    "aac", "flac", "m4a", "mid", "midi", "mp3", "oga", "ogg", "opus", "wav", "weba",  # audio
    "3gp", "avi", "m4v", "mkv", "mov", "mp4", "mpeg", "mpg", "ogv", "webm",   # video
))
_DOCUMENTS = frozenset((
    "asp", "aspx", "cfm", "htm", "html", "jsp", "php", "pdf", "shtml", "swf", "txt", "xht",
    "xhtml", "xml", "json", "js", "css",
))
_MEDIA_TYPE = re.compile(r"^\s*(image|audio|video)/", re.I)
_EXTENSION = re.compile(r"\.([a-z0-9]{1,5})$", re.I)


def check(page: Page) -> Results:
    for el in page.tags("object"):
        if page.is_hidden(el):
            continue
        if (el.get("data") or "").strip().lower().startswith("data:"):
            yield from _loaded(page, el)
            continue
        if page.explicit_roles.get(el) is not None:
            continue
        kind = media_kind(el)
        if kind is False:
            continue
        if kind is None and not page.name(el):
            yield RULE.cant_tell(el, f"{describe(el)} has no accessible name, and whether it "
                                     "embeds an image, audio or video is not known from markup")
            continue
        yield named(RULE, page, el, "Object", text=False)


def _loaded(page: Page, el: Element) -> Results:
    """An object whose ``data:`` URL always loads, whatever it holds, checked as axe-core
    checks every loaded object: its role may take over (a ``separator`` that is not focusable
    needs no name) and a presentational role that sticks passes."""
    if not native_name_rule_applies(page, el):
        return
    if page.role(el) in ("none", "presentation"):
        yield RULE.ok(el, "Marked decorative")
    else:
        yield named(RULE, page, el, "Object", text=False)


def media_kind(el: Element) -> bool | None:
    """True for an image, audio or video resource, False for anything else, None unknown."""
    declared = el.get("type")
    if declared and declared.strip():
        return bool(_MEDIA_TYPE.match(declared))
    data = (el.get("data") or "").strip()
    if not data:
        return False   # nothing embedded: the fallback content is rendered
    if data.lower().startswith("data:"):
        return bool(_MEDIA_TYPE.match(data[5:]))
    try:
        path = urlsplit(data).path
    except ValueError:      # no URL at all ("http://[", an unclosed IPv6 address)
        return None
    match = _EXTENSION.search(path)
    if match is None:
        return None
    extension = match.group(1).lower()
    if extension in _MEDIA:
        return True
    if extension in _DOCUMENTS:
        return False
    return None
