"""The CSS cascade for the properties rules need: computed styles per element, memoised.

Sources, in cascade order: the browser's defaults that matter here (``[hidden]`` and closed
``dialog`` not displayed, heading sizes, bold text, form controls' font and background, as
Chromium has them), the presentational hints of legacy attributes (``bgcolor``,
``background``, ``<font color size>``, ``<body text link>``) and SVG elements' presentation
attributes (``display``, ``visibility``, ``opacity``, ``color``, ``font-size``,
``font-weight``), the site's stylesheets supplied
with ``--stylesheet`` / the ``stylesheets`` config key, then the page's ``<link rel=stylesheet>``
and ``<style>`` elements in document order (``@import`` included; with the links that a
script applies once loaded, ``rel=preload as=style`` with an ``onload``, and the media an
``onload`` sets), then ``style`` attributes. Declarations compete by origin and
``!important``, style attribute, cascade layer, specificity and order (CSS Cascade 5, section
6); ``inherit``/``initial``/``unset``/``revert``/``revert-layer`` are honoured
(``revert-layer`` rolls the cascade back a layer at a time, the presentational hints being
the layer below the page's first), and ``all`` sets each of them on every property read
here; ``color``, ``font-size``, ``font-weight`` and
``visibility`` inherit. Font sizes follow Chromium's two quirks (:class:`FontState`): the
generic ``monospace`` family alone has its own sizes where a size is not absolute
(``<code>`` is 13px at the reader's default), and such a size is never below 6px; ``ex``
and ``ch`` read the font's metrics and are unknown. A page without a doctype renders in
quirks mode (:func:`a11y_audit.semantics.document.quirks_mode`): its tables reset their font
(medium size, normal weight and slant) and take the body's colour, and its CSS is read with
the quirks of numbers without units and colours without "#" (:func:`css.quirky_value`).
The page is read at rest: a CSS animation that ends filled (``forwards``/``both``) holds
its last keyframe's opacity, colours, backgrounds, transform and offsets; a paused one its
first keyframe (or the declared values before a delay); what an endless one animates is
unknown, unless its keyframes all agree.

Selectors are matched by :mod:`a11y_audit.semantics.selectors` (what is not judged is listed
there); stylesheets are parsed and indexed by :mod:`a11y_audit.semantics.css` (which at-rules
count, and how media queries are evaluated for the viewport, default screen 1280x800).

A linked stylesheet that cannot be had (a saved page whose CSS lives on the site) is listed in
:attr:`Cascade.missing`; callers keep their cautious answers (cantTell, class-word hints)
for such pages. A partial (``Page.fragment``: an include, a component, a child template)
has only its own styles when the run was not given the site's CSS
(``StyleEnvironment.site_css``, ``--stylesheet``): the page that includes it links the
site's stylesheets (:attr:`Cascade.partial_styles_only`). With
``StyleEnvironment(missing_stylesheets="ignore")`` (the CLI's ``--missing-stylesheets
ignore``) such a stylesheet is taken as absent, as in a browser whose
load of it failed, and listed in :attr:`Cascade.absent` instead: the page is judged as it
renders without it (how axe-core in a browser judged the saved corpus pages). Root-relative
links (``/css/site.css``) of a local page resolve under ``StyleEnvironment.site_root``
(``--site-root``) or are missing; a URL under one of ``StyleEnvironment.site_urls``
(``--site-url https://cdn.example.com/assets/``) is the site's own file under that root, on
any page, never fetched. A web-font service's stylesheet (Google Fonts' CSS API:
:mod:`a11y_audit.knowledge.web_fonts`) holds only ``@font-face`` rules: it is never fetched
nor missing. ``var()`` takes the inherited custom property (fallbacks only when no
stylesheet is missing). Font sizes written with ``calc()``, ``min()``, ``max()`` or
``clamp()`` (fluid type) are worked out at the viewport. Values the cascade cannot resolve
(other ``calc()`` values, an unknown custom property, system colours) are unknown (``None``),
never guessed; invalid ones (``color: none``) are dropped, as browsers drop them.

Style rules the cascade does not evaluate (``@container``, a root-less ``@scope`` nested,
nesting too deep to join, a vendor pseudo-class or a state not judged) that may hide
what they match are listed per page in :attr:`Cascade.undecided`, with a test that matches
at least their elements;
with the unknown ``display``/``visibility`` values (:meth:`Cascade.unknown_rendering`) they
make the "may be hidden" answer of
:meth:`a11y_audit.semantics.visibility.Visibility.may_be_hidden`.
"""

from __future__ import annotations

import base64
import functools
import itertools
import math
import operator
import posixpath
import re
from collections.abc import Callable, ItemsView, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import unquote, unquote_to_bytes, urljoin, urlsplit

from lxml import etree

from a11y_audit.archives import archive_member_path, read_archive_file, root_of
from a11y_audit.dom import list_box, tag_of, unknown_chain
from a11y_audit.knowledge.web_fonts import font_faces_only
from a11y_audit.semantics import colors
from a11y_audit.semantics.css import (
    BARE_NUMBER,
    DEFAULT_VIEWPORT,
    NUMBER,
    PSEUDO_ELEMENT,
    RENDERING,
    SHORTHANDS,
    SYSTEM_COLORS,
    WIDE_KEYWORDS,
    Declaration,
    Stylesheet,
    Viewport,
    family_list_valid,
    may_turn,
    media_matches,
    noted_if_uncompiled,
    parse_declarations,
    parse_stylesheet,
    presentation_declaration,
    selector_key,
    split_selectors,
    valid_color,
)
from a11y_audit.semantics.css_math import math_length
from a11y_audit.semantics.document import quirks_mode
from a11y_audit.semantics.selectors import (
    SCOPE_MARK,
    compile_selector,
    never,
    widened,
    written_scoped,
)
from a11y_audit.semantics.supports import chromium_prelude

if TYPE_CHECKING:
    from a11y_audit.page import Page

Element = etree._Element
RGBA = tuple[float, float, float, float]

MAX_STYLESHEET_BYTES = 5 * 1024 * 1024
_IMPORT_DEPTH = 4

# -- where stylesheets come from -----------------------------------------------------------

Fetch = Callable[[str], "str | None"]


class LayeredCustoms:
    """The custom properties of an element that declares some of its own below an ancestor
    with many: that ancestor's map, shared, and the declarations since (``None`` where one is
    guaranteed-invalid), as Chromium's StyleInheritedVariables keeps a root and the changes
    since. Copying the whole map for every such element grew a page of 6,000 custom
    properties on its root and 6,000 paragraphs declaring one each to 1.3 GB."""

    __slots__ = ("own", "root")

    def __init__(self, root: dict[str, str], own: dict[str, str | None]) -> None:
        self.root = root
        self.own = own

    def get(self, name: str) -> str | None:
        found = self.own.get(name, _ABSENT)
        if found is _ABSENT:
            return self.root.get(name)
        return found

    def flat(self) -> dict[str, str]:
        """The same map, as one dict."""
        out = dict(self.root)
        for name, value in self.own.items():
            if value is None:
                out.pop(name, None)
            else:
                out[name] = value
        return out

    def __contains__(self, name: str) -> bool:
        return self.get(name) is not None

    def items(self) -> ItemsView[str, str]:
        return self.flat().items()

    def __eq__(self, other: object) -> bool:
        return (self.flat() == other.flat() if isinstance(other, LayeredCustoms)
                else self.flat() == other)

    __hash__ = None     # type: ignore[assignment]


# An element's custom properties (see LayeredCustoms)
Customs = dict[str, str] | LayeredCustoms
_ABSENT: Any = object()
# An element that declares custom properties copies its parent's map when that holds at most
# this many, else shares it under a layer of its own (LayeredCustoms); a layer holding more
# than this many is made one map again, which its descendants share
_SHARED_FROM = 64


def with_own(custom: Customs, own: dict[str, str]) -> Customs:
    """``custom`` with the custom properties ``own`` declares added (see LayeredCustoms)."""
    if type(custom) is dict:
        if len(custom) <= _SHARED_FROM:
            return {**custom, **own}
        return LayeredCustoms(custom, dict(own))
    assert isinstance(custom, LayeredCustoms)
    changes: dict[str, str | None] = {**custom.own, **own}
    if len(changes) <= _SHARED_FROM:
        return LayeredCustoms(custom.root, changes)
    return {**custom.flat(), **own}


def _set_custom(custom: Customs, name: str, value: str | None) -> None:
    """Set custom property ``name`` of a map :func:`with_own` built (None: guaranteed-invalid,
    as if not declared)."""
    if isinstance(custom, LayeredCustoms):
        custom.own[name] = value
    elif value is None:
        del custom[name]
    else:
        custom[name] = value


@dataclass(slots=True)
class StyleEnvironment:
    """What a run knows beyond each page: the viewport, site CSS for every page, and how to
    load linked stylesheets (local files next to the page; URLs only with ``fetch``).
    Loaded stylesheets are cached for the run, since one site's pages share them."""

    viewport: Viewport = DEFAULT_VIEWPORT
    site_css: tuple[str, ...] = ()
    fetch: Fetch | None = None
    # "cantTell": a linked stylesheet that cannot be had leaves the styles unknown (the
    # accurate answer for a live page); "ignore": it is absent, as when a browser's load fails
    missing_stylesheets: str = "cantTell"
    site_root: str | None = None    # the folder a local page's "/css/site.css" is under
    # URLs whose stylesheets are the site's own files, read under site_root (--site-url)
    site_urls: tuple[str, ...] = ()
    _cache: dict[str, str | None] = field(default_factory=dict)

    def load(self, href: str, base: str | None) -> tuple[str, str | None]:
        """(address, CSS text or None when it cannot be had). A ``data:`` URL is read
        from itself (its address shortened)."""
        href = href.strip()
        if href[:5].lower() == "data:":
            if href not in self._cache:
                self._cache[href] = data_url_css(href)
            return (href if len(href) <= 80 else href[:79] + "\u2026"), self._cache[href]
        address = _resolve(href, base, self.site_root)
        if self.site_urls and self.site_root is not None:
            address = _site_file(address, self.site_urls, self.site_root) or address
        if address in self._cache:
            return address, self._cache[address]
        text: str | None = None
        if font_faces_only(address):
            text = ""       # Google Fonts' CSS: only @font-face rules, nothing to fetch
        elif address.startswith(ROOT_RELATIVE):
            text = None     # root-relative on a local page, and no site root to resolve it
        elif address.startswith(("http://", "https://")):
            if self.fetch is not None:
                try:
                    text = self.fetch(address)
                except Exception:   # a stylesheet that cannot be fetched is missing, not fatal
                    text = None
        elif address and not address.startswith(("data:", "//")):
            text = _read_local(address)
        self._cache[address] = text
        return address, text


# The address of a local page's root-relative link when no site root is set (never read)
ROOT_RELATIVE = "site-root:"
# The stylesheets of the page that includes a partial (Page.fragment: an include, a
# component, a child template): the layout links the site's stylesheets, which a run has
# only as the site CSS it is given (--stylesheet); see Cascade.partial_styles_only. In
# Cascade.absent when --missing-stylesheets ignore judges the partial on its own styles
INCLUDING_PAGE = "the stylesheets of the page that includes it"


def _resolve(href: str, base: str | None, site_root: str | None = None) -> str:
    """Where a linked stylesheet is: a URL, a local path, or ``site-root:/path`` for a
    root-relative href of a local page when no site root is configured (never read: a
    local page's "/css/site.css" is the site's file, not one at this machine's root)."""
    if href.startswith(("http://", "https://")) or base is None:
        return href
    try:
        if base.startswith(("http://", "https://")):
            return urljoin(base, href)
        if href.startswith("//"):
            return "https:" + href
        path = unquote(urlsplit(href).path)
    except ValueError:      # no URL at all ("//[::1"): nothing a browser could load
        return ""
    if not path:
        return ""
    if path.startswith("/"):
        found = None if site_root is None else _under_root(site_root, path)
        if found is None and (rooted := root_of(base, path)) is not None:
            return rooted       # (a page of a site's build in an archive)
        return ROOT_RELATIVE + path if found is None else found
    if "#" in base and (inside := archive_member_path(base)) is not None:
        # (beside a page in an archive is in the archive: never a file beside the archive;
        # a path that leaves it names nothing there)
        return f"{inside[0]}#{posixpath.join(posixpath.dirname(inside[1]), path)}"
    return str(Path(base).parent / path)


def _document_base(page: Page) -> str | None:
    """What the page's links resolve against: its URL or file, or HTML's document base URL,
    the first ``<base href>``, where that is an http(s) URL (absolute, or any on a page
    fetched over HTTP). A relative ``<base href>`` of a local file is not followed."""
    base = page.url or (page.source if Path(page.source).suffix else None)
    for el in page.select("base[href]")[:1]:
        href = (el.get("href") or "").strip()
        try:
            if base is not None and base.startswith(("http://", "https://")):
                href = urljoin(base, href)
            urlsplit(href)
        except ValueError:  # a base that is no URL is ignored, as HTML says
            return base
        if href.startswith(("http://", "https://")):
            return href
    return base


# An assignment to the link's media in its onload script: this.media='all', media="screen"
# (not a comparison such as media!='all' or media=='print')
_MEDIA_SET = re.compile(r"""(?<![\w$])(?:this\.)?media\s*=\s*(['"])([^'"]*)\1""")


def _linked_sheet(el: Element, onload: str | None) -> str | None:
    """The address a ``<link>`` applies a stylesheet from, as written: ``rel=stylesheet``,
    or a ``rel=preload as=style`` its ``onload`` turns into one; not an alternate or a
    disabled one, nor one without a resource (HTML: an empty href makes no link) or
    pointing at the page itself. None for any other link."""
    rel = (el.get("rel") or "").lower().split()
    if "stylesheet" not in rel and not (onload and "preload" in rel and (
            el.get("as") or "").strip().lower() == "style"):
        return None
    if "alternate" in rel or el.get("disabled") is not None:
        return None
    href = (el.get("href") or "").strip()
    return href if href and not href.startswith("#") else None


def _media_on_load(onload: str, media: str | None) -> str | None:
    """The media a link applies to once its ``onload`` script has run: the last value the
    script assigns to its ``media`` (the "print media" loading pattern:
    ``media="print" onload="this.media='all'"``), else its own."""
    found = _MEDIA_SET.findall(onload)
    return found[-1][1] if found else media


def _under_root(site_root: str, path: str) -> str | None:
    """The file at ``path`` under the site root, or None for a path that would leave it
    ("/../x")."""
    try:
        root = Path(site_root).resolve()
        target = (root / path.lstrip("/")).resolve()
    except (OSError, ValueError):   # a NUL byte ("%00"), a loop of symbolic links
        return None
    if target != root and root not in target.parents:
        return None
    return str(target)


def site_url_prefix(url: str) -> tuple[str, str] | None:
    """A ``--site-url`` as (host, path ending in "/"), or None when it is not an http(s)
    URL with a host and without query or fragment."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if (parts.scheme.lower() not in ("http", "https") or not parts.hostname or parts.query
            or parts.fragment):
        return None
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return parts.netloc.lower(), path


def _site_file(address: str, site_urls: tuple[str, ...], site_root: str) -> str | None:
    """The site's own file that a stylesheet URL under one of ``site_urls`` is: the rest of
    its path, after the site URL's, under the site root (``https://cdn.example.com/assets/``
    with root ``public``: ``https://cdn.example.com/assets/css/site.css?v=3`` is
    ``public/css/site.css``; http and https alike). None for any other address."""
    if not address.startswith(("http://", "https://")):
        return None
    try:
        parts = urlsplit(address)
    except ValueError:
        return None
    host = parts.netloc.lower()
    for url in site_urls:
        prefix = site_url_prefix(url)
        if prefix is not None and host == prefix[0] and parts.path.startswith(prefix[1]):
            return _under_root(site_root, unquote(parts.path[len(prefix[1]):]))
    return None


def data_url_css(url: str) -> str | None:
    """The CSS a ``data:`` URL holds, as Chromium reads it for a stylesheet (the Fetch
    standard's data: URL processor); None when it holds none: malformed, bad base64, too
    large, or a type other than ``text/css`` (a page in quirks mode would take those too, a
    page with a doctype not: not decided here)."""
    head, comma, body = url[5:].partition("#")[0].partition(",")
    if not comma or len(body) > 2 * MAX_STYLESHEET_BYTES:
        return None
    kind = head.strip()
    is_base64 = False
    if (before := kind.rpartition(";"))[1] and before[2].strip().lower() == "base64":
        kind, is_base64 = before[0].strip(), True
    essence, *parameters = kind.split(";")
    if essence.strip().lower() != "text/css":
        return None
    data = unquote_to_bytes(body)
    if is_base64:
        text = "".join(data.decode("latin-1").split())
        if len(text) % 4 == 0 and text.endswith("="):
            text = text[:-2] if text.endswith("==") else text[:-1]
        if len(text) % 4 == 1 or not _BASE64.fullmatch(text):
            return None
        data = base64.b64decode(text + "=" * (-len(text) % 4))
    charset = "utf-8"
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"')
    try:
        return data.decode(charset, "replace")
    except LookupError:     # a charset Python does not know
        return data.decode("utf-8", "replace")


_BASE64 = re.compile(r"[A-Za-z0-9+/]*")


def _read_local(path: str) -> str | None:
    """A local stylesheet's text: a file, or a file of the archive a page is in."""
    if "#" in path:
        data = read_archive_file(path, MAX_STYLESHEET_BYTES)
        if data is not None:
            return data.decode("utf-8", "replace")
    try:
        file = Path(path)
        if not file.is_file() or file.stat().st_size > MAX_STYLESHEET_BYTES:
            return None
        return file.read_bytes().decode("utf-8", "replace")
    except (OSError, ValueError):   # ValueError: a NUL byte in the path ("a%00.css")
        return None


DEFAULT_ENVIRONMENT = StyleEnvironment()


# -- computed style -----------------------------------------------------------------------

_INHERITED = ("color", "font-size", "font-weight", "visibility", "text-shadow",
              "-webkit-text-fill-color", "font-style", "font-family", "color-scheme")
_UNLAYERED = 1 << 20


class FontState(NamedTuple):
    """What Chromium works a font size out from (Blink's font description), beside the
    computed size rules read: the specified size, before the 6px minimum (what ``em``, ``%``
    and ``rem`` multiply); the size keyword it comes from (``medium``...), kept through
    inheritance; whether it is absolute (set in px, pt..., viewport units or ``rem``, or
    relative to such a size); and whether the family is the generic ``monospace`` alone.

    Two quirks of the browsers read them. Text in the monospace family alone is set at 13px
    rather than 16px where its size is not absolute (``<code>``, ``<pre>`` and ``<kbd>`` are
    13px at the reader's default, 26px under a ``2em`` heading); and a size that is not
    absolute is never below 6px (Chromium's minimum logical font size)."""

    specified: float | None
    keyword: str | None
    absolute: bool
    mono: bool


_DEFAULT_FONT = FontState(16.0, "medium", False, False)


@dataclass(slots=True)
class Style:
    """The computed values rules read. ``None`` means unknown (``var()``, ``calc()``...)."""

    display: str | None = "inline"
    visibility: str | None = "visible"
    content_visibility: str = "visible"
    opacity: float | None = 1.0
    color: RGBA | None = (0.0, 0.0, 0.0, 1.0)
    background_color: RGBA | None = (0.0, 0.0, 0.0, 0.0)
    background_image: bool | None = False
    font_size: float | None = 16.0
    font_weight: int | None = 400
    position: str = "static"
    # The font-size declared on this element itself (lower case, after the ``font``
    # shorthand is expanded; None when inherited), and the element whose absolute size
    # (px, pt... or viewport units) the computed size derives from through em/%/rem: None
    # when it derives from the reader's default size alone.
    font_size_own: str | None = None
    font_size_anchor: Element | None = None
    font_state: FontState = _DEFAULT_FONT
    custom: Customs = field(default_factory=dict)   # custom properties (inherited)
    values: dict[str, str] = field(default_factory=dict)    # other tracked properties, as text
    origin: dict[str, str] = field(default_factory=dict)    # property -> where it was set

    def get(self, name: str) -> str:
        return self.values.get(name, "")


_ROOT_PARENT = Style()


def _child_style(parent: Style, custom: Customs, values: dict[str, str],
                 origin: dict[str, str]) -> Style:
    """A style with ``parent``'s inherited fields and the other fields' initial values
    (Style's defaults), before an element's own declarations apply. The fields given by
    position: with keywords the call builds a dict of them, ~3,700 instructions a style."""
    return Style("inline", parent.visibility, "visible", 1.0, parent.color,
                 (0.0, 0.0, 0.0, 0.0), False, parent.font_size, parent.font_weight, "static",
                 None, parent.font_size_anchor, parent.font_state, custom, values, origin)


class FontSize(NamedTuple):
    """An element's computed font size and where it comes from: the font-size fields of its
    :class:`Style` (``origin`` is ``Style.origin["font-size"]``, None when no rule set it), as
    :meth:`Cascade.font` works them out without the rest of the style."""

    size: float | None
    own: str | None
    anchor: Element | None
    origin: str | None
    state: FontState


_ROOT_FONT = FontSize(_ROOT_PARENT.font_size, None, None, None, _DEFAULT_FONT)


def _inherited(parent: FontSize) -> FontSize:
    """The font of an element that declares no size of its own under ``parent``: the
    parent's fields with no declared value (the parent itself when it declares none
    either, as most do: one tuple shared down the tree)."""
    if parent.own is None:
        return parent
    return FontSize(parent.size, None, parent.anchor, parent.origin, parent.state)


def _font_of(style: Style) -> FontSize:
    return FontSize(style.font_size, style.font_size_own, style.font_size_anchor,
                    style.origin.get("font-size"), style.font_state)


# The properties visually_hidden_reason reads that some declaration on the element itself
# must set for it to find a reason (none inherits, and the browser's defaults set none):
# without one, an element is not hidden from sight by its own style.
_SIGHT = frozenset(("clip", "clip-path", "left", "top", "right", "inset", "overflow",
                    "overflow-x", "overflow-y", "opacity", "transform",
                    # ... and the animations, whose last keyframe may set one (Cascade._animate)
                    "animation", "animation-name"))


# ... and every property it reads (``position`` and the sizes decide only with one
# of those): an element's own declarations of these are all its reason depends on, with its
# font size, unless one uses ``var()`` or ``inherit``
_SIGHT_READS = _SIGHT | {"position", "width", "height", "max-width", "max-height"}


def _sets_sight(declarations: tuple[Declaration, ...]) -> bool:
    return bool(_block_bits(declarations) & SIGHTS)


@functools.lru_cache(maxsize=16384)
def _block_bits(declarations: tuple[Declaration, ...]) -> int:
    """:data:`SIGHTS` if the declarations set a property that may hide from sight, and
    :data:`MONOSPACE` if they may set the monospace family alone (:func:`alone_monospace`:
    in ``font-family`` or ``font``, or in a custom property a ``var()`` may read)."""
    bits = 0
    for name, value, _ in declarations:
        if name in _SIGHT:
            bits |= SIGHTS
        elif (name == "font-family" or name == "font" or name[:2] == "--") and (
                alone_monospace(value)):
            bits |= MONOSPACE
    return bits


def alone_monospace(text: str) -> bool:
    """``text`` (a value or declarations) names the generic ``monospace`` family where it
    may stand alone: as a whole value or a ``var()`` fallback, not in a list of families
    (``Menlo, monospace``; normalize.css's ``monospace, monospace``). Case-insensitive."""
    lower = text.lower()
    start = lower.find("monospace")
    while start >= 0:
        end = start + 9
        after = lower[end:end + 64].lstrip()[:1]
        before = lower[max(0, start - 64):start].rstrip()[-1:]
        if (after != "," and (before != "," or after == ")")
                and _NAME_CHAR.match(after) is None
                and (start == 0 or _NAME_CHAR.match(lower, start - 1) is None)):
            return True
        start = lower.find("monospace", end)
    return False


_NAME_CHAR = re.compile(r"[-\w]")


@dataclass(frozen=True, slots=True)
class Rendering:
    """The computed values that decide whether an element is rendered (None: unknown)."""

    display: str | None
    visibility: str | None
    content_visibility: str | None


_ROOT_RENDERING = Rendering("inline", "visible", "visible")
_UNSET = object()       # a memo's miss, where None is a value (unknown)


# (priority, property, value, important, origin): one declaration that applies to an element
Declared = tuple[tuple, str, str, bool, str]
_UA_PRIORITY = (0, 0, 0, (0, 0, 0), 0, 0)
# ... and its !important ones (input type=hidden, a form left in a table), above every
# declaration of the page (CSS Cascade 5, 6.1: important user-agent declarations come last)
_UA_IMPORTANT = (3, 0, 0, (0, 0, 0), 0, 0)
# Presentational hints (bgcolor, <font color>...): above the browser's defaults, below every
# declaration of the page's own CSS (CSS Cascade 5, 6.1: their own origin, before the author's)
_HINT_PRIORITY = (0, 1, 0, (0, 0, 0), 0, 0)


# The sort key of a Declared: its priority (C-level, called for every declaration matched)
_priority = operator.itemgetter(0)


@functools.lru_cache(maxsize=8192)
def _class_keys(classes: str) -> tuple[str, ...]:
    """The index keys (``.name``) of a class attribute's words, each once (memoised: a page
    repeats its class attributes)."""
    return tuple(dict.fromkeys("." + word for word in classes.split()))


def _element_keys(el: Element) -> list[str]:
    """The index keys a rule's rightmost compound may have to match ``el``: ``*``, its tag,
    ``#id`` and each ``.class``."""
    keys = ["*", el.tag]
    ident = el.get("id")
    if ident:
        keys.append("#" + ident)
    classes = el.get("class")
    if classes:
        keys.extend(_class_keys(classes))
    return keys


# One rule as a candidate list holds it: (ancestor keys, test, normal priority, important
# priority, declarations, selector); in a partial list (see _PARTS), only its declarations of
# those properties. The test is run only where the element carries the rule's own keys and
# its ancestors the ancestor keys (and is _by_keys, not run, where those decide it).
Candidate = tuple[frozenset[str], Callable[[Element], bool], tuple, tuple,
                  tuple[Declaration, ...], str]


class _Bucket(NamedTuple):
    """The rules of one selector key, ready for :meth:`Cascade._candidates`: per rule, the
    keys the element must carry besides the bucket's key, and its candidate per
    ``_PART_NAMES`` slot (None when the rule sets none of the slot's properties)."""

    rules: list[tuple[frozenset[str], Candidate, Candidate | None, Candidate | None]]
    # per slot, the candidates of every rule, when no rule needs a key besides the bucket's
    # (nearly always): a candidate list then extends these lists as they are
    ready: tuple[list[Candidate], ...] | None


def _bucket(rules: list[tuple]) -> _Bucket:
    # (map and filter in C, not a generator and comprehensions: a Python frame each, and a
    # page builds a bucket for each key of each sheet it carries; a candidate is a
    # non-empty tuple, so filter(None) drops the Nones alone)
    if any(map(_OWN_KEYS, rules)):
        return _Bucket(rules, None)
    # (the slots written out, not a comprehension: every rule has a full candidate)
    return _Bucket(rules, (list(map(_FULL_CANDIDATE, rules)),
                           list(filter(None, map(_RENDERING_CANDIDATE, rules))),
                           list(filter(None, map(_SIZE_CANDIDATE, rules)))))


def _joined(buckets: list[_Bucket]) -> _Bucket:
    """One key's buckets of several sheets, in sheet order."""
    if len(buckets) == 1:
        return buckets[0]
    return _bucket(list(itertools.chain.from_iterable(map(_RULES, buckets))))


def _keys_decide(selector: str, above: frozenset[str], own: frozenset[str]) -> bool:
    """Whether the keys of a compiled selector decide its test where the cascade runs it: a
    selector of one compound of a tag, classes and ids (``.card``, ``a.more``), or of two
    such joined by a descendant combinator, the first one id, class or tag alone (``.nav
    a``, ``#main .title``). Its candidate is tested only on an element that carries its
    ``own`` keys (the bucket's key and those the candidate lists require) and whose
    ancestors carry its ``above`` keys: such a selector then matches, and its test, which
    reads the element's attributes through lxml (and walks its ancestors), is not called.

    Told by lengths: the selector holds each key's text (as many characters, or more when
    escaped; ASCII, so a tag lowers to as many), and a combinator between the compounds, so
    a selector no longer than those holds nothing else (no pseudo-class, attribute
    selector, universal selector, repeated key or second combinator). Of the one-character
    combinators only the descendant and the child (``>``, ruled out) add ``above`` keys."""
    if selector in own:
        return True             # one key alone (a fifth of the selectors)
    if above:
        if len(above) > 1 or ">" in selector:
            return False
        extra = len(next(iter(above))) + 1
    else:
        extra = 0
    return selector.isascii() and len(selector) == extra + sum(map(len, own))


def _by_keys(el: Element) -> bool:
    """The test of a rule whose keys decide it (:func:`_keys_decide`): matching skips it."""
    return True


def _layer_ranks(order: list[str]) -> dict[str, int]:
    """The rank of each cascade layer of a page, from the layers' full names in order of
    first appearance (a later rank wins for normal declarations). A layer's own rules come
    after its sublayers' (CSS Cascade 5, 6.4.3: they are its implicit last sublayer), so
    ``a.b`` ranks before ``a``, and a sublayer's parent is declared with it (``@layer
    a.b {}`` before any ``@layer a`` declares ``a``)."""
    tree: dict[str, Any] = {}
    for name in order:
        node = tree
        for part in name.split("."):
            node = node.setdefault(part, {})
    # Each layer of the tree ranked after its sublayers, in order of appearance: a walk
    # with a stack, not a call per level (a layer named with 20,000 parts ran out of the
    # interpreter's stack), ranking the tree's nodes, then the names, each by its path (not
    # by every prefix's full name: their lengths add up to the square of a long name's).
    node_ranks: dict[int, int] = {}
    stack: list[tuple[dict[str, Any], Iterator[dict[str, Any]]]] = [
        (tree, iter(tree.values()))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            node_ranks[id(node)] = len(node_ranks)
        else:
            stack.append((child, iter(child.values())))
    ranks: dict[str, int] = {}
    for name in order:
        node = tree
        for part in name.split("."):
            node = node[part]
        ranks[name] = node_ranks[id(node)]
    return ranks


def _sheet_bucket(sheet: Stylesheet, kind: str, position: int, ranks: dict[str, int],
                  key: str, within: frozenset[str] | None = None) -> _Bucket | None:
    """The bucket of ``key`` of a sheet at ``position`` among the page's sheets, with the
    page's layer ranks (the cascade priority depends on both). ``within``: the keys of the
    one page the bucket is for, to leave out the rules that need an id, class or tag the
    page lacks (on the element or an ancestor): they cannot match there."""
    rules = []
    for selector, order, layer, declarations in sheet.rules_of(kind, key, within):
        compiled = compile_selector(selector)
        if compiled is None:
            if noted_if_uncompiled(selector):
                sheet.suspects[(order, selector)] = None   # see Cascade.undecided
            continue
        matches, specificity, above, own = compiled
        if matches is never or (
                within is not None and not (above <= within and own <= within)):
            continue        # (never: a state at rest, ':hover', that matches no element)
        # (those with a pseudo-class or two keys above told without the call: most rules of
        # a bucket are never tested, and the call would cost more than their match saves)
        if len(above) <= 1 and ":" not in selector and _keys_decide(selector, above, own):
            matches = _by_keys
        rank = ranks.get(layer, 0) if layer is not None else _UNLAYERED
        normal = (1, 0, rank, specificity, position, order)
        important = (2, 0, -rank, specificity, position, order)
        if selector[:1] == ":" and selector.startswith(SCOPE_MARK):
            # (a rule in @scope: its priority takes the proximity of each match, and its
            # origin is shown as written)
            normal, important = _Scoped(normal), _Scoped(important)
            selector = written_scoped(selector)
        # (the two partial slots written out, and the rule's fields unpacked once above,
        # not a comprehension, a frame a rule, and attribute reads: the step-9 pages'
        # _sheet_bucket's own work 1.94 -> 1.49 M instructions a page)
        rendering, size = _partial_sets(declarations)
        rules.append((own - {key},
                      (above, matches, normal, important, declarations, selector),
                      (above, matches, normal, important, rendering, selector)
                      if rendering else None,
                      (above, matches, normal, important, size, selector) if size else None))
    return _bucket(rules) if rules else None


class _Scoped(tuple):   # (a priority: see _sheet_bucket)
    """The priority of a rule in ``@scope`` before it matches: :meth:`near` gives the
    priority of a match (CSS Cascade 6's scope proximity, between specificity and order of
    appearance: the fewest generations between the element and the scope's root win, and
    any proximity wins over none, a rule outside ``@scope``)."""

    __slots__ = ()

    def near(self, hops: int) -> tuple:
        """The priority of a match ``hops`` - 1 generations below its root (the test's
        answer: selectors._compile_scoped). The specificity gains a fourth item, so that
        it sorts after the same specificity without one."""
        return (*self[:3], (*self[3], -hops), *self[4:])


@functools.lru_cache(maxsize=16384)
def _partial_sets(declarations: tuple[Declaration, ...]) -> tuple[tuple[Declaration, ...], ...]:
    """A rule's declarations of the properties of each partial list (``_PART_NAMES[1:]``),
    worked out once per declaration block (rules share blocks, and parse_declarations gives
    equal blocks as one tuple)."""
    return tuple([tuple([d for d in declarations
                         if d[0] in names])  # type: ignore[operator]  # (None: slot 0 only)
                  for names in _PART_NAMES[1:]])


# The partial lists :meth:`Cascade.declarations` matches alone, by slot (0 is every property):
# many elements are asked only whether they are rendered, or only whether they declare a
# font size, and few rules set those properties.
_PARTS: dict[str, tuple[int, frozenset[str]]] = {
    "rendering": (1, RENDERING),
    "font-size": (2, frozenset(("font-size", "font"))),
}
_PART_NAMES: tuple[frozenset[str] | None, ...] = (None, RENDERING, _PARTS["font-size"][1])
_RENDERING_SLOT = _PARTS["rendering"][0]
_FONT_SIZE_SLOT = _PARTS["font-size"][0]
# A bucket rule's keys besides the bucket's, and its candidate of each slot; a bucket's rules
# (see _bucket and _joined)
_OWN_KEYS = operator.itemgetter(0)
# (unpacked by name, as _bucket, _sheet_bucket and Cascade._candidates_of use them: the
# import fails if _PART_NAMES ever holds other than three lists)
_FULL_CANDIDATE, _RENDERING_CANDIDATE, _SIZE_CANDIDATE = (
    operator.itemgetter(slot) for slot in range(1, len(_PART_NAMES) + 1))
_RULES = operator.attrgetter("rules")

# What the rules of a selector key may set (see Cascade.key_mask), as bits
HIDES, SIZES, SIGHTS, MONOSPACE = 1, 2, 4, 8


class Cascade:
    """Styles for one page. Build with :func:`cascade_of`."""

    def __init__(self, page: Page, env: StyleEnvironment) -> None:
        self.page = page
        self.env = env
        self.viewport = env.viewport
        # the page renders in quirks mode (no doctype): its CSS is read with the quirks
        # (css.quirky_value), and its tables reset their font (_ua_declarations)
        self.quirks = quirks_mode(page.root)
        self.missing: list[str] = []          # linked stylesheets that could not be had
        self.missing_at: list[Element] = []   # the <link> or <style> that named each
        self.absent: list[str] = []           # missing, but taken as absent (see the module)
        self.loaded: list[str] = []           # linked stylesheets read
        self._styles: dict[Element, Style] = {}
        self._ancestors: dict[Element, frozenset[str]] = {}
        # The attributes read for each element matched, and for its ancestors' keys: read
        # once a page (Page.values, Page.holders), where lxml's get costs ~1,000
        # instructions a call, found or not
        self._ids = page.values("id")
        self._classes = page.values("class")
        self._inline = page.values("style")
        # (an HTML attribute: an SVG or MathML element that carries it is displayed, and so
        # is an embed: HTML's "embed[hidden] { display: inline; height: 0; width: 0 }")
        # What the attribute does to each (see _ua_declared): hides it (True), or, hidden
        # until found (the keyword in any case, but not with spaces around it), shows its
        # box and skips its contents (UNTIL_FOUND)
        self._hidden: dict[Element, bool | str] = {
            el: UNTIL_FOUND if (el.get("hidden") or "").lower() == UNTIL_FOUND else True
            for el in page.holders("hidden") if not _foreign(el) and el.tag != "embed"}
        sheets: list[Stylesheet] = []
        # the page's cascade layers, in order of first appearance (see _layer_ranks)
        order: list[str] = []
        # a media query of the page asks for the orientation (see Stylesheet.orientation)
        self.orientation = False
        for site_css in env.site_css:
            self._add(sheets, order, site_css, None, 0)
        # a partial's own styles only (the page that includes it links the site's): the
        # colour rules judge what those make doubtful, and say so
        self.partial_styles_only = False
        if page.fragment and not env.site_css:
            if env.missing_stylesheets == "ignore":
                self.absent.append(INCLUDING_PAGE)
            else:
                self.partial_styles_only = True
        base = _document_base(page)
        # (a template's or noscript's content is not in the page: Page.contents_apart)
        for el in page.select("style", "link[href]"):
            media = el.get("media")
            is_style = tag_of(el) == "style"
            onload = None if is_style else el.get("onload")
            if onload:
                media = _media_on_load(onload, media)
            css: str | None = None          # a <style>'s text
            href = None
            read: tuple[str, str | None] | None = None     # a linked sheet, once read
            if is_style:
                kind = (el.get("type") or "text/css").strip().lower()
                if kind not in ("", "text/css"):
                    continue
                css = "".join(el.itertext())  # type: ignore[arg-type]  # (str)
            else:
                href = _linked_sheet(el, onload)
                if href is None:
                    continue
            if media and not self.orientation and "orientation" in media.lower():
                # a whole sheet for one orientation: does it turn anything?
                if href is not None:
                    read = env.load(href, base)
                    css = read[1]
                self.orientation = css is not None and may_turn(css)
            if media and not media_matches(media, self.viewport):
                continue
            if href is None:
                self._add(sheets, order, css, base, 0, el)  # type: ignore[arg-type]  # (str)
                continue
            address, text = read if read is not None else env.load(href, base)
            if text is None:
                self._lost(address or href, el)
            else:
                self.loaded.append(address)
                self._add(sheets, order, text, address, 0, el)
        self._ranks = _layer_ranks(order) if order else {}
        # the page's @keyframes by name, the last of a name winning (a sheet may hold only
        # them, as CSS-in-JS libraries write them: not kept in sheets)
        self._keyframes: dict[str, tuple[tuple[str, str], ...]] = {}
        for sheet in sheets:
            if sheet.keyframes:
                self._keyframes.update(sheet.keyframes)
        self.orientation = self.orientation or any(s.orientation for s in sheets)
        # the custom properties registered with @property (see _base_custom)
        registered: dict[str, tuple[bool, str | None]] = {}
        for sheet in sheets:
            registered.update(sheet.properties)
        self._initials = {name: initial for name, (_, initial) in registered.items()
                          if initial is not None}
        self._not_inherited = {name: initial for name, (inherits, initial)
                               in registered.items() if not inherits}
        self._bases: dict[int, Customs] = {}
        self._registers = bool(self._initials or self._not_inherited)
        self.sheets = [s for s in sheets if s.rules or s.undecided]
        self._indexes: dict[str, dict[str, _Bucket]] = {}
        self._by_signature: dict[tuple, tuple[tuple, ...]] = {}     # see _candidates
        self._by_keys: dict[tuple, tuple[tuple, ...]] = {}          # by _short() keys
        # a matched candidate's declarations as _match lists them, by id(candidate)
        self._listed: dict[int, tuple[Declared, ...]] = {}
        # the lists of elements whose rules their keys alone decide (see _match)
        self._keyed: dict[tuple, list[Declared]] = {}
        self._short_classes: dict[str, tuple[str, ...]] = {}
        self._rendering: dict[Element, Rendering] = {}
        self._displays: dict[Element, str | None] = {}            # see display()
        # renderings of elements only the browser's defaults apply to (see rendering_under)
        self._ua_renderings: dict[tuple, Rendering] = {}
        # see key_hides
        self.hiding_keys: dict[str, bool] = {}
        self._hiding_rules: dict[str, list[tuple]] = {}   # (own keys, above keys, test)
        self._class_masks: dict[str, int] = {}
        self._hidden_from_sight: dict[Element, str | None] = {}    # visually_hidden
        self._declared: dict[Element, list[Declared]] = {}
        # partial lists matched alone, by _PARTS slot (see declarations())
        self._partial: tuple[dict[Element, list[Declared]], ...] = tuple(
            {} for _ in _PART_NAMES)
        # styles shared by elements, by parent style (whose id is stable: every computed
        # style stays in _styles) and declarations; see style()
        self._shared: dict[tuple, Style] = {}
        self._sight: dict[int, str | None] = {}
        self._sight_tests: dict[int, tuple[tuple, ...]] = {}       # see _may_hide
        self._fonts: dict[Element, FontSize] = {}
        self._owners: dict[Element, Element | None] = {}    # see font_owner
        # see repaint_doubt: of the colours (0), of the font size (1)
        self._repaint_doubts: tuple[dict[Element, str | None], ...] = ({}, {})

    @property
    def skipped(self) -> int:
        """Selectors never applied (pseudo-elements), in the sheets indexed so far."""
        return sum(s.skipped for s in self.sheets)

    def _index(self, kind: str) -> dict[str, list[Candidate]]:
        """The page's rules of every sheet by selector key, as candidates (for inspection;
        matching reads :meth:`_buckets`)."""
        return {key: [rule[1] for rule in bucket.rules]
                for key, bucket in self._buckets(kind).items()}

    def _buckets(self, kind: str) -> dict[str, _Bucket]:
        """The page's rules of every sheet by selector key, built once per kind (matching
        uses ``"all"``), each with what matching needs worked out once: the compiled
        selector, the keys the element and its ancestors must carry, and the cascade
        priority of its normal and important declarations. That work is kept with a
        stylesheet parsed more than once (``Stylesheet.prepared``): a page whose sheet an
        earlier page had, at the same position and with the same layer ranks, only looks
        its keys up."""
        found = self._indexes.get(kind)
        if found is not None:
            return found
        per_key: dict[str, list[_Bucket]] = {}
        ranks = self._ranks
        keys = self._page_keys()
        for position, sheet in enumerate(self.sheets):
            if sheet.uses > 1:
                # a sheet parsed more than once (a site's sheet) keeps the work for the
                # pages to come; one seen once so far keeps it with this page only, and
                # leaves out what cannot match on this page (from its keyed selectors too:
                # Stylesheet.keyed)
                prepared = sheet.prepared
                if prepared is None:
                    prepared = sheet.prepared = {}
                within = None
            else:
                prepared = {}
                within = keys
            # kept by position and the ranks of the sheet's layers, which priorities carry
            ranked = (kind, position, *[ranks.get(name, 0) for name in sheet.layers])
            by_key = prepared.get(ranked)
            if by_key is None:
                by_key = prepared[ranked] = {}
            keyed = sheet.keyed(within)
            wanted = keys & keyed.keys() if len(keys) < len(keyed) else keyed.keys() & keys
            for key in wanted:
                if key in by_key:
                    bucket = by_key[key]
                else:
                    bucket = by_key[key] = _sheet_bucket(sheet, kind, position, ranks, key,
                                                            within)
                if bucket is not None:
                    per_key.setdefault(key, []).append(bucket)
        merged = self._indexes[kind] = {key: _joined(buckets)
                                        for key, buckets in per_key.items()}
        return merged

    @functools.cached_property
    def _all_index(self) -> dict[str, _Bucket]:
        """:meth:`_buckets` of ``"all"``: what matching reads."""
        return self._buckets("all")

    def _page_keys(self) -> frozenset[str]:
        """Every selector key an element of the page carries: ``*``, its tags, ``#id`` and
        ``.class`` (the keys :meth:`declarations` looks up)."""
        page = self.page
        keys = {"*", *page.by_tag}      # the tag index is keyed by tag_of already
        keys.update("#" + ident for ident in set(self._ids.values()) if ident)
        # each distinct class attribute once (a page repeats most of them), and then each
        # word once, made keys by one join and split (a word holds no whitespace): no
        # Python step per attribute or word
        words = " ".join(set(self._classes.values())).split()
        if words:
            keys.update(("." + " .".join(set(words))).split(" "))
        return frozenset(keys)

    def _add(self, sheets: list[Stylesheet], order: list[str], css: str, base: str | None,
             depth: int, owner: Element | None = None, layer: str | None = None) -> None:
        """Read a sheet (into cascade layer ``layer``: an import's) and the sheets it
        imports, before it, into ``sheets``, and their layers into ``order``."""
        sheet = parse_stylesheet(css, self.viewport, layer, self.quirks)
        if depth < _IMPORT_DEPTH:
            for url, into, after in sheet.imports:
                # the layers the sheet declares before the import come before its sheet's;
                # the import's own layer is declared where the import is, loaded or not
                order.extend(after)
                if into is not None:
                    order.append(into)
                if not url.strip() or url.strip().startswith("#"):
                    continue        # the importing sheet itself: nothing more
                address, text = self.env.load(url, base)
                if text is None:
                    self._lost(address or url, owner)
                else:
                    self._add(sheets, order, text, address, depth + 1, owner, into)
        order.extend(sheet.layers)
        sheets.append(sheet)

    def _lost(self, address: str, owner: Element | None) -> None:
        """A linked or imported stylesheet that could not be had."""
        if self.env.missing_stylesheets == "ignore":
            self.absent.append(address)
            return
        self.missing.append(address)
        if owner is not None:
            self.missing_at.append(owner)

    @property
    def complete(self) -> bool:
        """Every linked stylesheet was read: the cascade, not a guess, decides."""
        return not self.missing

    @functools.cached_property
    def undecided(self) -> list[tuple[str, str, str, str, bool]]:
        """The page's style rules the cascade does not evaluate and that may stop what they
        match being rendered (``display: none``, ``visibility: hidden``, an unknown value...):
        rules in ``@container`` or in ``@scope`` not evaluated (see
        :mod:`a11y_audit.semantics.css`), style rules nested too deep to join to their
        parent (:func:`a11y_audit.semantics.css._nest`), selectors with a vendor
        pseudo-class or a state not judged; per selector, its index key, a selector
        that matches at least the elements it matches, its origin
        (``'@container (min-width: 40em) .promo'``), why it is not evaluated, and whether it
        may hide them from sight only. Empty on most pages (worked out once per stylesheet;
        see :meth:`undecided_reason`)."""
        return self._kept("hides", _hides_from_sight_only)

    def _kept(self, kind: str, judge: Callable[[str], bool | None], vendor: bool = True
              ) -> list[tuple[str, str, str, str, bool]]:
        """The page's rules not evaluated that ``judge`` keeps (:func:`_sheet_undecided`),
        worked out once per stylesheet (``Stylesheet.kept``, by ``kind``)."""
        out: list[tuple[str, str, str, str, bool]] = []
        _ = self._all_index     # (the page's buckets: they find the suspect selectors)
        for sheet in self.sheets:
            found = sheet.kept.get(kind)
            if found is None or found[0] != len(sheet.suspects):
                # (a later page of a shared sheet may find more suspects: its keys differ)
                found = sheet.kept[kind] = (len(sheet.suspects),
                                            _sheet_undecided(sheet, judge, vendor))
            out.extend(found[1])
        return out

    @functools.cached_property
    def repaints(self) -> dict[str, list[tuple[str, str, str, bool]]]:
        """The page's style rules the cascade does not evaluate (as :attr:`undecided`) that
        may change how text is painted (colours, opacity, a filter or blend mode, a shadow,
        font size or weight, or a custom property those may read), by index key: per
        selector, one that matches at least what it matches, its origin and why it is not
        evaluated, and whether it may change the font size or weight too. Empty on most pages
        (worked out once per stylesheet)."""
        by_key: dict[str, list[tuple[str, str, str, bool]]] = {}
        for key, selector, origin, why, sizes in self._kept("repaints", _repaints, vendor=False):
            by_key.setdefault(key, []).append((selector, origin, why, sizes))
        return by_key

    def repaint_doubt(self, el: Element, size: bool = False) -> str | None:
        """Why the colours, opacity or size of ``el``'s text may not be those the cascade
        works out: a rule of :attr:`repaints` may match it or an ancestor (whose colours it
        inherits, or whose background, opacity or filter it is painted with); ``size``: only
        a rule that may change the font size or weight (the text-size rules). None when none
        may (on nearly every page, nothing to look up). Memoised per element."""
        by_key = self.repaints
        if not by_key:
            return None
        memo = self._repaint_doubts[size]
        what = "the font size" if size else "the colours, opacity or font size"
        chain = []
        node: Element | None = el
        while node is not None and node not in memo:
            chain.append(node)
            node = node.getparent()
        found = memo.get(node) if node is not None else None
        for node in reversed(chain):
            own = None
            for key in _element_keys(node):
                for selector, origin, why, sizes in by_key.get(key, ()):
                    if size and not sizes:
                        continue
                    test = _undecided_test(selector)
                    if test is not None and test(node):
                        own = f"the stylesheet rule {origin} may set {what} here ({why})"
                        break
                if own is not None:
                    break
            found = memo[node] = own or found
        return found

    @functools.cached_property
    def _undecided_by_key(self) -> tuple[dict[str, list[tuple[str, str, str]]], ...]:
        """:attr:`undecided` by key, in order, for rendering (0) and for sight (1: those and
        the rules that may hide from sight only): an element is tested against the rules of
        its own keys only, each selector compiled when an element first needs it. Each with
        what the reason says after "may hide it"."""
        rendering: dict[str, list[tuple[str, str, str]]] = {}
        sight: dict[str, list[tuple[str, str, str]]] = {}
        for key, selector, origin, why, sight_only in self.undecided:
            if not sight_only:
                rendering.setdefault(key, []).append((selector, origin, f"({why})"))
            sight.setdefault(key, []).append(
                (selector, origin, f"from sight ({why})" if sight_only else f"({why})"))
        return rendering, sight

    def undecided_reason(self, el: Element, sight: bool = False) -> str | None:
        """Why a rule of :attr:`undecided` may hide ``el`` itself (not its ancestors), None
        when none matches it; ``sight``: also the rules that may hide it from sight only."""
        by_key = self._undecided_by_key[sight]
        keys = _element_keys(el)
        for key in keys:
            for selector, origin, why in by_key.get(key, ()):
                test = _undecided_test(selector)
                if test is not None and test(el):
                    return f"the stylesheet rule {origin} may hide it {why}"
        return None

    # -- matching ------------------------------------------------------------------------

    def declarations(self, el: Element, kind: str = "all") -> list[Declared]:
        """(priority, property, value, important, origin) of every declaration that applies
        to ``el``, lowest priority first. ``kind="rendering"``: display, visibility and
        content-visibility only; ``"font-size"``: font-size and font only. Memoised per
        element (do not change the list).

        Most elements are asked first, and many only, whether they are rendered, or whether
        they declare a font size, and few rules set those properties: such a partial list is
        matched against those rules alone (see :meth:`_candidates`), and is the full list's
        items of those properties in the same order (a stable sort of a subsequence), read
        from the full list once that exists."""
        found = self._declared.get(el)
        if kind == "all":
            if found is None:
                found = self._declared[el] = self._match(el)
            return found
        slot, names = _PARTS[kind]
        if found is not None:
            return [item for item in found if item[1] in names]
        memo = self._partial[slot]
        found = memo.get(el)
        if found is None:
            found = memo[el] = self._match(el, slot)
        return found

    def _match(self, el: Element, slot: int = 0) -> list[Declared]:
        """The declarations that apply to ``el``, sorted (see :meth:`declarations`); only
        those of the properties of ``_PART_NAMES[slot]`` when slot is not 0."""
        tag = el.tag   # a Page's element: the lower-case local name (see dom.tag_of)
        hidden = self._hidden.get(el, False)
        flag = _ua_flag(tag, el)
        if tag == "a" and flag and el in self._svg_inner:
            flag = False    # an SVG link: the browser's link colours are HTML's links'
        hinted = tag in self._hinted and (tag != "a" or flag)
        svg = self.svg_hints.get(el) if self.svg_hints else None
        inline = self._inline.get(el)
        keyed: tuple | None = None
        above: frozenset[str] | None = None
        if self.sheets:
            candidates = self._candidates(tag, self._ids.get(el), self._classes.get(el))[slot]
            if len(candidates) > _KEYED_FROM and not (hinted or svg or inline):
                # An element none of whose many candidate rules needs more than its own and
                # its ancestors' keys (``p``, ``.card``, ``body p``) has the list of every
                # element with those candidates, browser defaults and ancestor keys: one list,
                # shared (5,000 rules for ``p`` on 5,000 paragraphs were matched and sorted
                # once a paragraph, and held 25 million references). Few candidates are
                # matched again: cheaper than the look-up.
                above = self._above(el)
                keyed = (id(candidates), tag, hidden, flag, slot, above)
                found = self._keyed.get(keyed)
                if found is not None:
                    return found
        found = list(_ua_part(tag, hidden, flag, slot) if slot
                     else _ua_declared(tag, hidden, flag))
        if hinted:
            names = _PART_NAMES[slot]
            found.extend(item for item in presentational_hints(el, tag, self._link_hint)
                         if names is None or item[1] in names)
        if svg:
            names = _PART_NAMES[slot]
            found.extend(item for item in svg if names is None or item[1] in names)
        if self.sheets:
            listed = self._listed
            for candidate in candidates:
                needs_above, matches, normal, important, declared, selector = candidate
                if needs_above:
                    if above is None:
                        above = self._above(el)
                    if not needs_above <= above:
                        continue
                if matches is not _by_keys:
                    keyed = None
                    hit = matches(el)
                    if not hit:
                        continue
                    if normal.__class__ is _Scoped:
                        normal, important = normal.near(hit), important.near(hit)
                        found.extend([(important if is_important else normal, name, value,
                                       is_important, selector)
                                      for name, value, is_important in declared])
                        continue
                # One tuple per declaration of a rule, shared by every element it matches:
                # a page's elements hold references, not copies (5,000 rules for "p" on
                # 5,000 paragraphs held 2.2 GB of copies).
                items = listed.get(key := id(candidate))
                if items is None:
                    items = listed[key] = tuple([
                        (important if is_important else normal, name, value, is_important,
                         selector) for name, value, is_important in declared])
                found += items
        if inline:
            names = _PART_NAMES[slot]
            for order, (name, value, important) in enumerate(
                    parse_declarations(inline, self.quirks)):
                if names is not None and name not in names:
                    continue
                priority = (2 if important else 1, 1, 0, (0, 0, 0), 0, order)
                found.append((priority, name, value, important, STYLE_ATTRIBUTE))
        if len(found) > 1:
            found.sort(key=_priority)
        if keyed is not None:
            found = self._keyed[keyed] = _Keyed(found)
        return found

    def _candidates(self, tag: str, ident: str | None, classes: str | None
                    ) -> tuple[tuple[tuple, ...], ...]:
        """The rules an element with this tag, id and class attribute may match, in the
        order matching visits them (universal, tag, id, then class buckets), each as
        (ancestor keys, test, normal priority, important priority, declarations, selector);
        then the same for each of the partial lists (``_PARTS``): the rules that set one of
        its properties, with only those declarations. Worked out once per distinct (tag, id,
        class) of the page, since a page repeats them (a list of cards, a menu's items), and
        built once per distinct set of the keys among them that some rule names (see
        :meth:`_short`): most ids and many class words are named by no rule, so elements
        that differ only by those share one list."""
        signature = (tag, ident, classes)
        found = self._by_signature.get(signature)
        if found is not None:
            return found
        keys = self._short(tag, ident, classes)
        found = self._by_keys.get(keys)
        if found is None:
            found = self._by_keys[keys] = self._candidates_of(keys)
        self._by_signature[signature] = found
        return found

    def _short(self, tag: str, ident: str | None, classes: str | None) -> tuple[str, ...]:
        """The selector keys of an element with this tag, id and class attribute that some
        rule of the page names (:attr:`_named`), in matching order: ``*``, the tag, ``#id``,
        then the class keys in the attribute's order (the order decides which of two tied
        selectors of one rule is the origin). A key no rule names has no bucket and is
        required by no rule besides its bucket's key, so it changes no candidate list."""
        named = self._named
        keys: tuple[str, ...] = ("*", tag)
        if ident and (key := "#" + ident) in named:
            keys += (key,)
        if classes:
            words = self._short_classes.get(classes)
            if words is None:
                words = self._short_classes[classes] = tuple(
                    [key for key in _class_keys(classes) if key in named])
            keys += words
        return keys

    @functools.cached_property
    def _named(self) -> frozenset[str]:
        """Every selector key a rule of the page is indexed under or requires on the element
        itself besides that key (``.a.b`` under ``.a`` requires ``.b``)."""
        index = self._all_index
        named = set(index)
        for bucket in index.values():
            if bucket.ready is None:        # some rule requires a key besides the bucket's
                for own, *_ in bucket.rules:
                    named.update(own)
        return frozenset(named)

    def _candidates_of(self, keys: tuple[str, ...]) -> tuple[tuple[tuple, ...], ...]:
        """:meth:`_candidates` of an element that carries these keys (``*``, its tag, then
        its id and class keys, in matching order).

        The three lists of ``_PART_NAMES`` by name, not by a zip over the slots: a zip with
        ``strict`` parses its keyword for each bucket, and the generators building the lists
        and the result cost a frame each (the step-9 pages' calls replayed: ~25,000 -> ~7,500
        instructions a call, 0.91 -> 0.28 M a page)."""
        index = self._all_index
        mine: frozenset[str] | None = None
        full: list[tuple] = []
        rendering: list[tuple] = []
        sizing: list[tuple] = []
        for key in keys:
            bucket = index.get(key)
            if bucket is None:
                continue
            ready = bucket.ready
            if ready is not None:
                every, renders, sizes = ready
                full += every
                if renders:
                    rendering += renders
                if sizes:
                    sizing += sizes
                continue
            if mine is None:
                mine = frozenset(keys)
            for own, candidate, renders_one, sizes_one in bucket.rules:
                if own and not own <= mine:
                    continue
                full.append(candidate)
                if renders_one is not None:
                    rendering.append(renders_one)
                if sizes_one is not None:
                    sizing.append(sizes_one)
        return (tuple(full), tuple(rendering), tuple(sizing))

    def display_origin(self, el: Element) -> str | None:
        """Where the winning ``display: none`` or ``visibility: hidden`` of ``el`` comes from
        (a selector, "style attribute" or "the browser's default"), None when neither wins."""
        winners: dict[str, tuple[str, str]] = {}
        for _, name, value, _, origin in self.declarations(el, "rendering"):
            winners[name] = (value.strip().lower(), origin)
        display = winners.get("display")
        if display and display[0] == "none":
            return display[1]
        visibility = winners.get("visibility")
        if visibility and visibility[0] in ("hidden", "collapse"):
            return visibility[1]
        return None

    def sets_rendering(self, el: Element) -> bool:
        """A stylesheet rule (not the browser's default) sets ``display`` or ``visibility``
        on ``el``: the page's own CSS decides whether it is displayed."""
        return any(priority[0] >= 1 and priority[1] == 0
                   for priority, *_ in self.declarations(el, "rendering"))

    def _defaults_only(self, el: Element, tag: str, slot: int) -> bool:
        """No rule of the page and no style attribute can set a property of ``slot`` on
        ``el``: only the browser's defaults can (as for most elements of a page)."""
        return el not in self._inline and el not in self.svg_hints and (
            not self.sheets or not self._candidates(
                tag, self._ids.get(el), self._classes.get(el))[slot])

    def declares_font_size(self, el: Element) -> bool:
        """The computed style of ``el`` has a font size declared on the element itself
        (:attr:`Style.font_size_own`: a page's rule, the style attribute or the browser's
        default, as for headings). Without a ``font-size`` or ``font`` declaration it has
        none, and nothing is computed to say so."""
        found = self._fonts.get(el)
        if found is None:
            style = self._styles.get(el)
            if style is not None:
                return style.font_size_own is not None
            if not self._size_declared(el):
                return False    # most elements: no rule of the page nor default sets a size
            found = self.font(el)
        return found.own is not None

    def font_owner(self, el: Element) -> Element | None:
        """The nearest element, ``el`` or an ancestor, that declares the font size ``el``'s
        text is set in (:meth:`declares_font_size`), None when none does. Memoised along
        the way up, so deep pages stay linear; an element whose tag, id and class no rule
        and no default of the browser sizes, and that has no style attribute, is passed by
        with one look-up (most elements)."""
        owners = self._owners
        unsized = self._unsized
        chain = []
        node: Element | None = el
        found: Element | None = None
        while node is not None:
            known = owners.get(node, owners)        # (the dict itself: not known yet)
            if known is not owners:
                found = known  # type: ignore[assignment]  # (not the dict: an owner or None)
                break
            if node not in unsized and self.declarations(node, "font-size") and (
                    self.font(node).own is not None):
                found = node
                break
            chain.append(node)
            node = node.getparent()
        for item in chain:
            owners[item] = found
        if node is not None:
            owners[node] = found
        return found

    def _size_declared(self, el: Element) -> list[Declared]:
        """The ``font-size`` and ``font`` declarations that apply to ``el`` (none: it
        inherits its parent's size), matched only where a rule or default may set one."""
        unsized = self._unsized
        if el in unsized:
            return []
        return self.declarations(el, "font-size")

    @functools.cached_property
    def _monospace(self) -> bool:
        """A rule of the page's index or a style attribute may set the monospace family
        alone, whose sizes differ (:class:`FontState`), on any element: then :meth:`font`
        reads every element's full style. Most pages' do not (a family list that ends in
        ``monospace`` is not that family alone)."""
        return any(bits & MONOSPACE for bits in self._masks.values()) or any(
            _block_bits(parse_declarations(el.get("style") or "", self.quirks)) & MONOSPACE
            for el in self.page.by_attribute.get("style", ()))

    @functools.cached_property
    def _monospace_scope(self) -> set[Element]:
        """The elements the browser sets in the monospace family (``<code>``, ``<pre>``,
        ``<textarea>``...; ``<font face=monospace>``) and everything inside them: where a
        family may change a size on a page whose rules set no monospace
        (:meth:`_monospace`). :meth:`font` reads all their declarations."""
        by_tag = self.page.by_tag
        scope: set[Element] = set()
        for tag in _MONOSPACE_TAGS.intersection(by_tag):
            for el in by_tag[tag]:
                if el not in scope:
                    scope.update(el.iter())
        for el in by_tag.get("font", ()):
            if el not in scope and alone_monospace(el.get("face") or ""):
                scope.update(el.iter())
        return scope

    def font(self, el: Element) -> FontSize:
        """The font-size fields of :meth:`style` (memoised; ancestors first), worked out
        from the ``font-size`` and ``font`` declarations alone: the font-size rules ask this
        of every text element and its ancestors, and most of them need no other property.
        An element whose size declarations use ``var()`` takes its full style (custom
        properties decide)."""
        fonts = self._fonts
        found = fonts.get(el)
        if found is not None:
            return found
        if self._monospace:
            # any element's family may change its size (FontState): the full style reads it
            found = fonts[el] = _font_of(self.style(el))
            return found
        styles = self._styles
        chain = []
        node: Element | None = el
        parent = _ROOT_FONT
        while node is not None:
            known = fonts.get(node)
            if known is None:
                style = styles.get(node)
                if style is not None:
                    known = fonts[node] = _font_of(style)
            if known is not None:
                parent = known
                break
            chain.append(node)
            node = node.getparent()
        root_el = self.page.root
        root = fonts.get(root_el)
        if root is None and root_el in styles:
            root = fonts[root_el] = _font_of(styles[root_el])
        for item in reversed(chain):
            parent = fonts[item] = self._own_font(item, parent, root)
            if root is None:
                root = parent
        return parent

    def _own_font(self, el: Element, parent: FontSize, root: FontSize | None) -> FontSize:
        """:meth:`font` of ``el`` given its parent's and the root's (None while the root's
        is being computed), as :meth:`_compute` sets the font-size fields. The family is read
        where it may change the size: in the browser's monospace elements and inside them
        (:meth:`_monospace_scope`; on a page whose rules may set monospace anywhere,
        :meth:`font` reads full styles instead)."""
        scoped = el in self._monospace_scope
        declarations = self.declarations(el) if scoped else self._size_declared(el)
        if not declarations:
            return _inherited(parent)
        value: str | None = None
        where: str | None = None
        family: str | None = None
        for _, name, declared, _, origin in declarations:
            if name not in _FONT_PROPERTIES:
                continue        # (a full list, in the monospace scope)
            if "var(" in (low := declared.lower()) or "revert-layer" in low:
                return _font_of(self.style(el))     # (the full style works them out)
            for longhand, part in _expand(name, declared):
                if longhand == "font-size":
                    value, where = part, origin
                elif longhand == "font-family":
                    family = part
        mono = None if family is None else self._monospace_family(declarations, family)
        lower = None if value is None else value.strip().lower()
        if lower == "revert":
            reverted = _browser_value(declarations, "font-size")
            if reverted is not None:
                lower, where = reverted.lower(), BROWSER_DEFAULT
        if lower is None or lower in _INHERITING_RESETS:
            if mono is None:
                return _inherited(parent)
            # the parent's size, in another family (FontState)
            state = font_state(None, mono, parent.state, None, self.viewport)
            return FontSize(computed_font_size(state), None, parent.anchor, parent.origin,
                            state)
        if lower == "initial":
            lower = _INITIAL["font-size"]
        anchor = _size_anchor(el, lower, parent.anchor,
                              root.anchor if root is not None else None)
        state = font_state(lower, mono, parent.state,
                           root.state.specified if root is not None else 16.0, self.viewport)
        return FontSize(computed_font_size(state), lower, anchor, where, state)

    def _monospace_family(self, declarations: list[Declared], family: str) -> bool | None:
        """Whether the font-family an element declares (``family``, the last declared, as
        written) is the generic ``monospace`` alone; None when it inherits its parent's (a
        reset that inherits, or a var() that did not resolve): read only for FontState."""
        lower = family.strip().lower()
        if lower == "revert":
            reverted = _browser_value(declarations, "font-family")
            lower = reverted.lower() if reverted is not None else "unset"
        if lower in _INHERITING_RESETS or "var(" in lower:
            return None
        return lower == "monospace"

    def rendering(self, el: Element) -> Rendering:
        """Computed display, visibility and content-visibility (memoised). The visibility
        walk (:mod:`a11y_audit.semantics.visibility`) does not read this memo: it asks
        :meth:`key_hides` and :meth:`rendering_under` as it goes down the tree."""
        memo = self._rendering
        found = memo.get(el)
        if found is not None:
            return found
        chain, parent = unknown_chain(memo, el, _ROOT_RENDERING)
        for item in chain:
            parent = memo[item] = self.rendering_under(item, parent.visibility)
        return parent

    def display(self, el: Element) -> str | None:
        """The computed ``display`` of ``el`` (None: unknown), as :meth:`rendering` gives
        it, without the ancestors :meth:`rendering` computes first for ``visibility``:
        ``display`` is not inherited. Memoised."""
        memo = self._displays
        found = memo.get(el, _UNSET)
        if found is not _UNSET:
            return found    # type: ignore[return-value]  # (str | None)
        rendering = self._rendering.get(el)
        if rendering is None:
            # (a parent's visibility changes no display: "visible" for any parent)
            rendering = self.rendering_under(el, "visible")
        display = rendering.display
        memo[el] = display
        return display

    def rendering_under(self, el: Element, parent_visibility: str | None) -> Rendering:
        """The rendering of ``el`` given its parent's computed ``visibility`` (all that a
        parent passes on to it here); not memoised."""
        declared = self._declared.get(el)
        if declared is None:
            tag = el.tag   # a Page's element: the lower-case local name (see dom.tag_of)
            if self._defaults_only(el, tag, _RENDERING_SLOT):
                # Only the browser's defaults can apply, as for most elements of a page: the
                # answer follows from the tag, the attributes the defaults read and the
                # parent's visibility (all it passes on), worked out once per combination.
                key = (tag, self._hidden.get(el, False), _ua_flag(tag, el), parent_visibility)
                found = self._ua_renderings.get(key)
                if found is None:
                    found = self._ua_renderings[key] = self._computed_rendering(
                        el, parent_visibility, self.declarations(el, "rendering"))
                return found
            declared = self.declarations(el, "rendering")
        # the full list when it was matched already (other properties skipped: filtering it
        # first costs a copy), else the rendering one
        return self._computed_rendering(el, parent_visibility, declared)

    def key_hides(self, key: str) -> bool:
        """A rule of the page indexed under this selector key (``*``, a tag, ``#id``,
        ``.class``) may change whether an element is rendered: it sets ``visibility``,
        ``content-visibility``, or ``display`` to ``none`` or an unknown value (``var()``).
        The rules of other keys set nothing but a box (``display: flex``...): an element
        that carries none of these keys, and whose style attribute and browser defaults
        (:data:`UA_HIDING`, ``hidden``) do not matter either, is displayed with its parent's
        visibility and ``content-visibility: visible``, so the visibility walk needs no
        match for it (it reads :meth:`key_mask`). Memoised in :attr:`hiding_keys`."""
        found = self.hiding_keys.get(key)
        if found is None:
            found = self.hiding_keys[key] = bool(self.key_mask(key) & HIDES)
            if found:
                self._hiding_rules[key] = [
                    (own, rule[0], rule[1]) for own, *slots in self._all_index[key].rules
                    if (rule := slots[_RENDERING_SLOT]) is not None
                    and not _displays_a_box(rule[4])]
        return found

    @functools.cached_property
    def universal_hiding_candidates(self) -> set[Element] | None:
        """:meth:`universal_candidates` of :data:`HIDES`: what the visibility walk matches
        against the universal rules that may hide."""
        return self.universal_candidates(HIDES)

    def universal_candidates(self, bit: int) -> set[Element] | None:
        """The elements a rule indexed under the universal key that may set what ``bit``
        stands for (:meth:`key_mask`) may match; None when that is any element. Such rules
        end in attribute selectors (``[hidden]``, ``.ad > [data-slot=top]``), which every
        element they match carries (:func:`_subject_attribute`), or in a compound that
        requires nothing of the element but whose ancestors must carry a key
        (``.menu > *``: the keys of :func:`compile_selector`, which matching also reads),
        or are ``:root``: the elements carrying one of those attributes, the descendants of
        those carrying one such key of each rule, and the root are all they can match. None
        when one rule requires none of these (``*``, ``:not([x])``); empty when no universal
        rule may set it."""
        bucket = self._all_index.get("*") if self.key_mask("*") & bit else None
        found: set[Element] = set()
        if bucket is None:
            return found
        attributes = self.page.by_attribute
        keys: set[str] = set()
        for _, full, rendering, size in bucket.rules:
            if not _rule_bits(full, rendering, size) & bit:
                continue
            selector = full[5]
            name = _subject_attribute(selector)
            if name is not None:
                found.update(attributes.get(name, ()))
            elif full[0]:
                # one key its ancestors must carry: an id or a class word rather than a tag
                key = min(full[0], key=_fewest_carriers)
                if key in _EVERY_ELEMENTS_ANCESTOR:
                    return None     # (body > :not(.nav): no element to leave out)
                keys.add(key)
            elif selector == ":root" and self.page.root.getparent() is None:
                found.add(self.page.root)
            else:
                return None
        below: set[Element] = set()
        if keys:
            # one pass over the page in document order: an element under a carrier met
            # before is in its subtree already, and each subtree is walked once
            ids, classes = self._ids, self._classes
            for el in self.page.elements:
                if el in below:
                    continue
                if el.tag in keys or (
                        (ident := ids.get(el)) is not None and "#" + ident in keys) or (
                        (value := classes.get(el)) is not None
                        and not keys.isdisjoint(_class_keys(value))):
                    below.update(el.iter())
        return found | below

    def key_mask(self, key: str) -> int:
        """What the page's rules indexed under this selector key may set on an element
        that carries it, as bits: :data:`HIDES` (see :meth:`key_hides`), :data:`SIZES` (a
        ``font-size`` or ``font``) and :data:`SIGHTS` (a property
        :func:`visually_hidden_reason` reads, see :meth:`sight`); 0 for a key no rule is
        indexed under (most class words and ids of a page). Worked out for every key of the
        page at once: a page's index holds a few dozen keys, its elements hundreds of
        distinct words."""
        masks = self._masks
        return masks.get(key, 0)

    @functools.cached_property
    def _masks(self) -> dict[str, int]:
        """:meth:`key_mask` of every key of the page's index that has some bit."""
        masks: dict[str, int] = {}
        if not self.sheets:
            return masks
        index = self._all_index
        for key, bucket in index.items():
            bits = 0
            for _, full, rendering, size in bucket.rules:
                bits |= _rule_bits(full, rendering, size)
            if bits:
                masks[key] = bits
        return masks

    def kinds_of(self, bit: int) -> frozenset[str]:
        """The first characters of the keys whose rules may set what ``bit`` stands for
        (:meth:`key_mask`): ``#`` for ids, ``.`` for class words, ``*`` for the universal
        key, a letter for tags; empty when no rule may."""
        masks = self._masks
        return frozenset(key[0] for key, bits in masks.items() if bits & bit)

    def class_mask(self, classes: str) -> int:
        """:meth:`key_mask` of the words of a class attribute together (memoised per
        attribute: a page repeats them)."""
        found = self._class_masks.get(classes)
        if found is None:
            masks = self._masks
            found = 0
            if masks:
                for key in _class_keys(classes):
                    found |= masks.get(key, 0)
            self._class_masks[classes] = found
        return found

    @functools.cached_property
    def carriers(self) -> list[tuple[Element, int]]:
        """Each element of the page whose id or class attribute carries a key with a
        non-zero :meth:`key_mask`, with the bits of those keys together, in document order
        of ids then classes (an element may come twice); read once per page, for every
        bit, from the page's attribute index."""
        masks = self._masks
        found: list[tuple[Element, int]] = []
        bits: int | None        # (a class attribute's None: not in class_mask's memo yet)
        kinds = self.kinds_of(HIDES | SIZES | SIGHTS)
        if "#" in kinds:
            for el, ident in self._ids.items():
                bits = masks.get("#" + ident, 0)
                if bits:
                    found.append((el, bits))
        if "." in kinds:
            class_masks = self._class_masks
            class_mask = self.class_mask
            for el, classes in self._classes.items():
                bits = class_masks.get(classes)
                if bits is None:
                    bits = class_mask(classes)
                if bits:
                    found.append((el, bits))
        return found

    @functools.cached_property
    def _unsized(self) -> set[Element]:
        return self._uncarried[0]

    @functools.cached_property
    def _unsighted(self) -> set[Element]:
        return self._uncarried[1]

    @functools.cached_property
    def _uncarried(self) -> tuple[set[Element], set[Element]]:
        """:attr:`_unsized` and :attr:`_unsighted`: the elements of the page on which no
        rule of the page and no default of the browser can set a font size (:data:`SIZES`),
        or a property that hides from sight (:data:`SIGHTS`), and whose style attribute
        cannot either (for sizes: that have none): none of their keys carries the bit
        (:meth:`key_mask`), and no universal rule of the bit may match them
        (:meth:`universal_candidates`). Worked out for the whole page at once from its
        indexes, so that the walks up the ancestors of text (:meth:`font_owner`,
        :meth:`visually_hidden`) pass most elements by with one set look-up, without
        reading their attributes. An element not in the page's tree is in neither."""
        page = self.page
        masks = self._masks
        sized: set[Element] = set()
        sighted: set[Element] = set()
        for tag, elements in page.by_tag.items():
            bits = masks.get(tag, 0)
            if bits & SIZES or _ua_may_size(tag):
                sized.update(elements)
            elif tag == "font":     # <font size=...>: a presentational hint
                sized.update(el for el in elements if el.get("size") is not None)
            if bits & SIGHTS:
                sighted.update(elements)
        attributes = page.by_attribute
        styled = attributes.get("style", ())
        sized.update(styled)
        sized.update(el for el, hints in self.svg_hints.items()
                     if any(name == "font-size" for _, name, *_ in hints))
        sighted.update(el for el in styled
                       if _sets_sight(parse_declarations(el.get("style") or "", self.quirks)))
        for el, bits in self.carriers:
            if bits & SIZES:
                sized.add(el)
            if bits & SIGHTS:
                sighted.add(el)
        everything = set(page.elements)
        # a universal rule may set it on every element, or on those it may match
        sizing = self.universal_candidates(SIZES)
        sighting = self.universal_candidates(SIGHTS)
        return (set() if sizing is None else everything - sized - sizing,
                set() if sighting is None else everything - sighted - sighting)

    def shown_as_parent(self, el: Element) -> bool:
        """No rule that may hide ``el`` (see :meth:`key_hides`) matches it: unless its style
        attribute or the browser's defaults decide otherwise (the caller's to check), it is
        displayed, with its parent's visibility and ``content-visibility: visible``.
        Cheaper than its rendering: only those rules are matched, none of the page's other
        rules that set ``display``."""
        keys = _element_keys(el)
        hiding = self.hiding_keys
        for key in keys:
            hides = hiding.get(key)
            if hides is None:
                hides = self.key_hides(key)
            if hides and self._any_matches(el, self._hiding_rules[key], keys):
                return False
        return True

    def _any_matches(self, el: Element, tests: Iterable[tuple], keys: list[str] | None = None
                     ) -> bool:
        """One of ``tests`` ((keys on the element, keys on its ancestors, test) each, the
        first two possibly empty) matches ``el``, whose own keys are ``keys``: the key sets
        are compared first, built only when a test needs them."""
        mine: frozenset[str] | None = None
        above: frozenset[str] | None = None
        for own, needs_above, matches in tests:
            if own:
                if mine is None:
                    mine = frozenset(keys or ())
                if not own <= mine:
                    continue
            if needs_above:
                if above is None:
                    above = self._above(el)
                if not needs_above <= above:
                    continue
            if matches is _by_keys or matches(el):
                return True
        return False

    def _computed_rendering(self, el: Element, parent_visibility: str | None,
                            declared: list[Declared]) -> Rendering:
        display: str | None = "inline"
        visibility = parent_visibility
        content: str | None = "visible"
        for _, name, value, _, _ in declared:
            if name not in RENDERING:
                continue
            lower = value.strip().lower()
            # (revert-layer: worked out by the full style)
            unknown = "var(" in lower or "env(" in lower or lower == "revert-layer"
            if lower == "revert":
                lower = (_browser_value(declared, name) or "unset").lower()
            if name == "display":
                display = (None if unknown else "inline" if lower in _RESETS
                           else lower.split()[0] if lower else display)
            elif name == "visibility":
                visibility = (None if unknown else parent_visibility
                              if lower in _INHERITING_RESETS
                              else "visible" if lower in _RESETS else lower)
            else:
                content = None if unknown else "visible" if lower in _RESETS else lower
        if display is None or visibility is None or content is None:
            # var(): custom properties decide; what stays None is unknown (see
            # Visibility.may_be_hidden)
            full = self.style(el)
            display = full.display if display is None else display
            visibility = full.visibility if visibility is None else visibility
            if content is None:
                known = full.content_visibility.lower()
                content = None if "var(" in known or "env(" in known else known
        return Rendering(display, visibility, content)

    def unknown_rendering(self, el: Element) -> str | None:
        """The winning ``display``, ``visibility`` or ``content-visibility`` declaration of
        ``el`` whose value is unknown (a ``var()`` without a usable value), described with
        where it comes from; None when there is none."""
        winners: dict[str, tuple[str, str]] = {}
        for _, name, value, _, origin in self.declarations(el, "rendering"):
            winners[name] = (value, origin)
        for name in ("display", "visibility", "content-visibility"):
            value, origin = winners.get(name, ("", ""))
            lower = value.lower()
            if "var(" in lower or "env(" in lower:
                where = ("its style attribute" if origin == STYLE_ATTRIBUTE
                         else f"the stylesheet rule '{origin}'")
                return f"{where} may hide it ({name}: {value} has no known value)"
        return None

    def _above(self, el: Element) -> frozenset[str]:
        """Ids, classes and tags of the element's ancestors (memoised), to skip rules whose
        ancestor compounds cannot match without walking the ancestors."""
        memo = self._ancestors
        parent = el.getparent()
        if parent is None:
            return frozenset()
        found = memo.get(parent)
        if found is not None:
            return found
        chain, keys = unknown_chain(memo, parent, frozenset())
        ids, class_values = self._ids, self._classes
        for item in chain:
            ident = ids.get(item)
            classes = class_values.get(item)
            if ident or classes:
                own = {item.tag}
                if ident:
                    own.add("#" + ident)
                if classes:
                    own.update(_class_keys(classes))
                if not own <= keys:
                    keys = keys | own
            elif item.tag not in keys:
                keys = keys | {item.tag}
            # else: the same set as the parent's, shared (a union would copy it per level)
            memo[item] = keys
        return keys

    def hidden_from_sight(self, style: Style) -> str | None:
        """:func:`visually_hidden_reason` of a computed style at this viewport, memoised per
        Style object (elements with only the browser's defaults share one)."""
        memo = self._sight
        key = id(style)     # stable: every computed style stays in _styles for the page
        if key in memo:
            return memo[key]
        reason = memo[key] = visually_hidden_reason(style, self.viewport)
        return reason

    def sight_of_style(self, el: Element) -> str | None:
        """:meth:`sight`'s answer read from the element's full computed style (what
        :meth:`sight` spares where it can)."""
        style = self.style(el)
        return self._boxed(el, style, self.hidden_from_sight(style))

    def _boxed(self, el: Element, style: Style, reason: str | None) -> str | None:
        """``reason`` (:func:`visually_hidden_reason` of ``el``'s style), but for an inline
        box, which sizes and transforms leave as it is (asked only where they hide)."""
        if reason is not None and reason.startswith(_BOX_REASONS) and self.inline_box(
                el, style):
            return visually_hidden_reason(style, self.viewport, True)
        return reason

    def inline_box(self, el: Element, style: Style) -> bool:
        """``el`` (of this computed style) is laid out as an inline box: its computed display
        is ``inline``, and it is not replaced (an image, a form control, an ``<svg>``...),
        absolutely positioned or a flex or grid item, which make it a block. Sizes,
        ``overflow``, transforms and ``text-indent`` do nothing to such a box (CSS 2.2,
        10.3.1 and 10.6.1; CSS Transforms 1, "transformable element"). (A float, which
        ``float`` would make a block, is not read.)"""
        if style.display != "inline" or style.position in ("absolute", "fixed") or (
                el.tag in _REPLACED_INLINE):
            return False
        parent = el.getparent()
        return parent is not None and (self.display(parent) or "") not in _ITEM_CONTAINERS

    def text_hidden(self, el: Element, style: Style) -> str | None:
        """:func:`text_hidden_reason` of ``el``'s own text (of this computed style): the
        ``text-indent`` of an inline box's text is its block's (the nearest ancestor that is
        not an inline box), not its own (an image replacement's ``<h1 class="logo"><a>``)."""
        if self._indents and self.inline_box(el, style):
            node = el.getparent()
            while node is not None:
                block = self.style(node)
                if not self.inline_box(node, block):
                    return text_hidden_reason(style, self.viewport, block)
                node = node.getparent()
        return text_hidden_reason(style, self.viewport)

    @functools.cached_property
    def _indents(self) -> bool:
        """A sheet or style attribute of the page may set ``text-indent`` (a search of their
        text, once a page: most pages' text is read without a walk to its block)."""
        return any("text-indent" in sheet.source for sheet in self.sheets) or any(
            "text-indent" in value for value in self._inline.values())

    def visually_hidden(self, el: Element) -> str | None:
        """:meth:`sight` of ``el`` or, when that is None, of the nearest ancestor for which
        it is not (see :meth:`Page.visually_hidden`); memoised along the way down from the
        nearest known ancestor, and the elements no declaration can hide from sight
        (:attr:`_uncarried`) take their parent's answer without a call."""
        memo = self._hidden_from_sight
        if el in memo:
            return memo[el]
        unsighted = self._unsighted
        chain = []
        node: Element | None = el
        reason: str | None = None
        while node is not None:
            if node in memo:
                reason = memo[node]
                break
            chain.append(node)
            node = node.getparent()
        for item in reversed(chain):
            if reason is None and item not in unsighted:
                reason = self.sight(item)
            memo[item] = reason
        return reason

    def sight(self, el: Element) -> str | None:
        """:meth:`hidden_from_sight` of the element's style (its own reason, not its
        ancestors'), without computing styles the answer does not need: none for an element
        on which no declaration of the properties that reason reads applies (most
        elements); for the others, the element's own values and its font size (for ``em``
        lengths), but not its ancestors' styles, unless one of those declarations uses
        ``var()`` or ``inherit`` (the ancestors' values decide)."""
        unsighted = self._unsighted
        if el in unsighted:
            return None     # no declaration it reads applies: nothing hides it (any style)
        style = self._styles.get(el)
        if style is not None:
            reason = self.hidden_from_sight(style)
        elif not self._may_hide(el):
            return None
        elif any(name in _SIGHT_READS and ("var(" in (low := value.lower()) or "inherit" in low)
                 for _, name, value, _, _ in self.declarations(el)):
            # the parent's values decide (custom properties, or inherit): the full style
            style = self.style(el)
            reason = self.hidden_from_sight(style)
        else:
            # What the reason reads of the style is the element's own, non-inherited values
            # (display among them) and its computed font size: computed here as under the
            # initial style, without the ancestors' (a throwaway Style, so not memoised by
            # hidden_from_sight's id key)
            style = self._compute(el, _ROOT_PARENT, None)
            style.font_size = self.font(el).size
            reason = visually_hidden_reason(style, self.viewport)
        reason = self._boxed(el, style, reason)
        if reason is None and "translate" in style.values.get("transform", ""):
            return self._translated_off(el, style)
        return reason

    def _translated_off(self, el: Element, style: Style) -> str | None:
        """Whether a translation by its own size moves the box off the page's top or left
        edge, where no one can scroll: a skip link's ``position: absolute; top: 0;
        transform: translateY(-100%)``. Decided where the layout is known: the box is
        positioned absolute or fixed with the page's origin as its containing block (no
        ancestor positioned, for an absolute box, nor transformed or filtered), its offset
        on that side is known, and the translation on that axis is -100% of its size or
        more, plus a length that leaves its far edge at or before the page's edge."""
        if style.position not in ("absolute", "fixed"):
            return None
        transform = style.values.get("transform", "").strip()
        found = _TRANSLATE.match(transform)
        if found is None:
            return None
        axis, arguments = found.group(1), _split_commas(found.group(2))
        shifts = ((arguments[0], None) if axis == "x" else (None, arguments[0]) if axis == "y"
                  else (arguments[0], arguments[1] if len(arguments) > 1 else None))
        for shift, side in zip(shifts, ("left", "top"), strict=True):
            moved = _percent_and_px(shift) if shift is not None else None
            if moved is None or moved[0] > -100:
                continue
            offset = style.values.get(side, "auto")
            base = _length_px(offset, style, self.viewport) if offset != "auto" else None
            if base is not None and base + moved[1] <= 0 and self._at_origin(el, style.position):
                return f"transform: {transform} (off-screen)"
        return None

    def _at_origin(self, el: Element, position: str) -> bool:
        """The containing block of a box positioned ``position`` (absolute or fixed) is the
        page's initial one, or the viewport: no ancestor is positioned (for ``absolute``),
        transformed or filtered (their boxes contain even fixed ones)."""
        for ancestor in el.iterancestors():
            style = self.style(ancestor)
            values = style.values
            if values.get("transform", "none") != "none" or values.get("filter", "none") != "none":
                return False
            if position == "absolute" and style.position != "static":
                return False
        return True

    def _may_hide(self, el: Element) -> bool:
        """A declaration of a ``_SIGHT`` property applies to ``el``."""
        declared = self._declared.get(el)
        if declared is not None:
            return any(item[1] in _SIGHT for item in declared)
        inline = self._inline.get(el)
        if inline and _sets_sight(parse_declarations(inline, self.quirks)):
            return True
        if not self.sheets:
            return False
        candidates = self._candidates(el.tag, self._ids.get(el), self._classes.get(el))[0]
        key = id(candidates)        # stable: the lists stay in _by_keys for the page
        tests = self._sight_tests.get(key)
        if tests is None:
            # (the candidates carry the element's own keys already: none to compare)
            tests = self._sight_tests[key] = tuple(
                (None, needs_above, matches)
                for needs_above, matches, _, _, declarations, _ in candidates
                if _sets_sight(declarations))
        return bool(tests) and self._any_matches(el, tests)

    @functools.cached_property
    def _link_hint(self) -> str | None:
        """The colour of unvisited links that ``<body link=...>`` sets, None without one."""
        body = next(self.page.root.iter("body"), None)
        value = body.get("link") if body is not None else None
        return legacy_color(value) if value is not None else None

    @functools.cached_property
    def svg_hints(self) -> dict[Element, tuple[Declared, ...]]:
        """The declarations of the SVG elements' presentation attributes (SVG 2, "Presentation
        attributes": ``<g display="none">``, ``<path opacity=".5" color="red">``), for the
        properties rules read, by element: read from the page's attribute index, so a page
        without them pays a few look-ups. Below every page rule, as HTML's hints."""
        attributes = self.page.by_attribute
        found: dict[Element, list[Declared]] = {}
        for name in _PRESENTATION_ATTRIBUTES:
            for el in attributes.get(name, ()):
                declaration = presentation_declaration(name, el.get(name) or "")
                if declaration is not None and _presentation_valid(name, declaration[1]) \
                        and _svg_element(el):
                    found.setdefault(el, []).append(
                        (_HINT_PRIORITY, name, declaration[1], False, f"{name} attribute"))
        return {el: tuple(hints) for el, hints in found.items()}

    @functools.cached_property
    def svg_rendering_hinted(self) -> list[Element]:
        """The elements whose presentation attributes set ``display`` or ``visibility``
        (see :attr:`svg_hints`): the visibility walk works them out in full."""
        return [el for el, hints in self.svg_hints.items()
                if any(item[1] in RENDERING for item in hints)]

    @functools.cached_property
    def _svg_inner(self) -> set[Element]:
        """The SVG elements but the outermost ``<svg>`` of each drawing: they take no
        ``position`` (Chromium's style adjuster sets them back to ``static``), so an SVG
        path is never positioned, nor off-screen. A page without SVG pays one look-up."""
        inner: set[Element] = set()
        for svg in self.page.by_tag.get("svg", ()):
            if svg not in inner:
                inner.update(el for el in svg.iter(etree.Element) if _svg_element(el) and (
                    el.tag != "svg" or _svg_element(el.getparent())))  # type: ignore[arg-type]
        return inner

    @functools.cached_property
    def _hinted(self) -> frozenset[str]:
        """The tags that presentational hints may style on this page."""
        return _HINTED | _LINK_TAGS if self._link_hint is not None else _HINTED

    # -- computing -----------------------------------------------------------------------

    def generated(self, el: Element) -> str | None:
        """The selector of a ``::before`` or ``::after`` rule that may give ``el`` generated
        content (a ``content`` other than ``none``/``normal``: an icon, a mark, a drawn
        underline), None when no rule of the page's sheets does. The cascade does not
        compute pseudo-elements' styles: this is what a rule asks before it calls an
        element unmarked (a later rule may set ``content: none``; that is not weighed)."""
        for sheet in self.sheets:
            rules = sheet.generated
            if rules is None:
                rules = sheet.generated = _generating_rules(sheet)
            for selector, matches in rules:
                if matches(el):
                    return selector
        return None

    def style(self, el: Element) -> Style:
        """The computed style of ``el`` (memoised; ancestors first, for inheritance)."""
        styles = self._styles
        found = styles.get(el)
        if found is not None:
            return found
        chain, parent_style = unknown_chain(styles, el, _ROOT_PARENT)
        root_style = styles.get(self.page.root)
        shared = self._shared
        matched = self._declared        # (declarations(item), without a call per element)
        svg_inner = self._svg_inner
        for item in chain:
            declared = matched.get(item)
            if declared is None:
                declared = matched[item] = self._match(item)
            # The style is a function of the parent's style and the declarations alone (the
            # root's style is the same for every element but the root, computed first), but
            # for a font size in absolute units declared on the element itself, whose anchor
            # is the element: elements with the same parent style and declarations (most
            # with the browser's defaults alone, and a quarter of the others on the step-9
            # pages: cards, menu items) share one (never changed) Style object.
            # (a list shared by the elements whose keys decide their many rules is its own
            # key: one of 5,000 declarations is not hashed again for each element)
            key = ((_Keyed, id(parent_style), id(declared)) if declared.__class__ is _Keyed
                   else (id(parent_style), *declared))
            if svg_inner and item in svg_inner:
                key = (_SVG_INNER, *key)    # (its position is not its declarations')
            style = shared.get(key)
            if style is None:
                style = self._compute(item, parent_style, root_style, declared)
                if style.font_size_anchor is not item:
                    shared[key] = style
            styles[item] = style
            if root_style is None:
                root_style = style
            parent_style = style
        return parent_style

    def _compute(self, el: Element, parent: Style, root: Style | None,
                 declared: list[Declared] | None = None) -> Style:
        if declared is None:
            declared = self.declarations(el)
        custom = self._base_custom(parent) if self._registers else parent.custom
        # One pass over the declarations, for the elements that declare no custom property
        # (nearly all): their var()s read the parent's custom properties as they are.
        specified = self._specify(declared, custom, own_custom=False)
        if specified is None:
            custom, specified = self._specified(declared, custom)
        # The inherited values, then the element's own, in this order (origin's key order is
        # the order the properties were set in). Loops, not comprehensions, which make and
        # call a function each: ~2,000 instructions a style
        values: dict[str, str] = {}
        inherited = parent.values
        if inherited:
            for name in _INHERITED_VALUES:
                if name in inherited:
                    values[name] = inherited[name]
        origins: dict[str, str] = {}
        inherited = parent.origin
        if inherited:
            for name in _INHERITED:
                if name in inherited:
                    origins[name] = inherited[name]
        style = _child_style(parent, custom, values, origins)
        viewport = self.viewport
        own_scheme = specified.get("color-scheme")
        if own_scheme is not None:
            # (read before the colours, which light-dark() chooses by it; the loop below
            # reads it again, a reset included)
            values["color-scheme"] = own_scheme[0].strip().lower()
        size: str | None = None         # the declared font size and family (see FontState)
        family: bool | None = None
        for name, (value, origin) in specified.items():
            value = value.strip()
            lower = value.lower()
            if lower == "revert-layer":
                value, origin = self._rolled_back(declared, name, custom)
                lower = value.lower()
            if lower == "revert":
                # the browser's own value, as if the page's declarations were not there
                # (CSS Cascade 5, 7.3.3); without one, as unset
                reverted = _browser_value(declared, name)
                if reverted is not None:
                    value, lower, origin = reverted, reverted.lower(), BROWSER_DEFAULT
            if name == "font-family":
                family = self._monospace_family(declared, lower)
                if family is None:
                    continue    # inherited (a reset that inherits, an unresolved var())
            if lower in _COMPUTED_RESETS:
                if lower == QUIRK_INHERIT:
                    # a table's colour in quirks mode: the body's (_ua_declarations)
                    origins[name] = origin
                    body = self.page.body
                    style.color = parent.color if body is el else self.style(body).color
                    continue
                if lower != "initial" and lower != "inherit" and name in _INHERITED:
                    continue        # unset, revert, revert-layer: inherited as if undeclared
                if lower == "inherit":
                    if name in _INHERITED:
                        continue
                else:               # initial, unset, revert, revert-layer
                    if name not in _INITIAL:
                        values.pop(name, None)
                        continue
                    value = lower = _INITIAL[name]
            if name == "font-size":
                style.font_size_own = lower
                style.font_size_anchor = _size_anchor(
                    el, lower, parent.font_size_anchor,
                    root.font_size_anchor if root is not None else None)
            origins[name] = origin
            if name == "font-size":
                size = lower
            elif lower == "inherit":
                _inherit(style, parent, name)
            elif name in _APPLIED:
                _apply(style, name, value, lower, parent)
            else:
                values[name] = lower        # (as _apply stores the others)
        animated = values.get("animation-name")
        if animated is not None and animated != "none" and self._keyframes:
            self._animate(style, animated, declared, parent)
        if style.position != "static" and el in self._svg_inner:
            style.position = "static"       # (see _svg_inner)
            origins.pop("position", None)
        if size is not None or family is not None:
            state = style.font_state = font_state(
                size, family, parent.font_state,
                root.font_state.specified if root is not None else 16.0, viewport)
            style.font_size = computed_font_size(state)
        if style.background_color is not None:
            background = specified.get("background-color")
            if background is not None and "currentcolor" in background[0].lower():
                style.background_color = style.color
        used = values.get("color-scheme")
        if used is not None and "dark" in used and dark_scheme(style):
            self._dark_defaults(el, style, specified, root is None)
        return style

    def _dark_defaults(self, el: Element, style: Style,
                       specified: dict[str, tuple[str, str]], is_root: bool) -> None:
        """The browser's own colours of an element in a dark colour scheme, where the
        defaults above give the light ones (Chromium's system colours, colors.system): the
        root's text is CanvasText (the others inherit it), a link's LinkText, a dialog's
        CanvasText on Canvas, form controls' and list boxes' options' as Chromium paints
        them (_control_colors, _dark_option_colors); a mark and a rule keep theirs, as does
        a table in quirks mode (its body's colour, already dark). Only the element's own
        defaults change: what it inherits is its parent's, already dark."""
        origins = style.origin
        if is_root and "color" not in origins:
            style.color = colors.system("canvastext", True)
            return
        colour = _own_default(specified, origins, "color")
        background = _own_default(specified, origins, "background-color")
        if not (colour or background):
            return
        tag = el.tag
        if tag in _SAME_IN_DARK:
            return
        dark = _dark_ua_colors(tag, _ua_flag(tag, el)) if tag in _DARK_CONTROLLED else {}
        if colour:
            style.color = (colors.system("linktext", True) if tag in _LINK_TAGS
                           else colors.system("canvastext", True) if tag == "dialog"
                           else style.color if tag == "table"
                           else dark.get("color"))
        if background:
            style.background_color = (colors.system("canvas", True) if tag == "dialog"
                                      else dark.get("background-color"))

    def _base_custom(self, parent: Style) -> Customs:
        """The custom properties an element starts from, on a page that registers some with
        @property: its parent's, but those that do not inherit, at their initial values (or
        unset, without one); the root's, every registered initial value. Memoised by the
        parent's dict (each element's own declarations are added to a copy)."""
        inherited = parent.custom
        found = self._bases.get(id(inherited))
        if found is None:
            if isinstance(inherited, LayeredCustoms):
                # the layer, with the names that do not inherit set above the shared map
                # (None: unset), not the map copied
                layer: dict[str, str | None] = dict(inherited.own)
                layer.update(self._not_inherited)
                found = LayeredCustoms(inherited.root, layer)
            else:
                flat = dict(self._initials) if parent is _ROOT_PARENT else dict(inherited)
                for name, initial in self._not_inherited.items():
                    if initial is None:
                        flat.pop(name, None)
                    else:
                        flat[name] = initial
                found = flat
            self._bases[id(inherited)] = found
        return found

    def _animate(self, style: Style, names: str, declared: list[Declared],
                 parent: Style) -> None:
        """The page at rest, once its animations have run (CSS Animations 1, timed as Web
        Animations 1's model says), for opacity, colours, backgrounds, transform, clip, offsets
        and sizes (not display, visibility or fonts), above the element's normal
        declarations and below its ``!important`` ones:

        - a running animation that ends filled (``forwards``/``both``) holds the keyframe it
          ends on (by direction and iteration count): a fade-in from ``opacity: 0`` ends
          shown; one that ends unfilled leaves the values as declared;
        - a paused one stays where it starts: at its first keyframe (the last one where it
          runs in reverse) when it has no delay, or a positive one and fills ``backwards``;
          as declared when its delay is positive otherwise;
        - an endless one, one that ends between keyframes (``1.5`` iterations) or one
          paused part-way (a negative delay) shows a moment that is not known here: what its
          keyframes animate is unknown, unless every keyframe gives it one same value."""
        values = style.values
        lists = [_split_commas(values.get(name, default)) for name, default in _TIMING_STATE]
        important: set[str] | None = None
        for index, name in enumerate(_split_commas(names)):
            name = name.strip()
            blocks = self._keyframes.get(name)
            if blocks is None:
                continue
            offset = _rest_offset(*(items[index % len(items)].strip() for items in lists))
            if offset == _UNAFFECTED:
                continue
            if important is None:
                important = {longhand for _, prop, value, is_important, _ in declared
                             if is_important for longhand, _ in _expand(prop, value)}
            frames = _frame_values(blocks, self.quirks)
            where = f"@keyframes {name}"
            for longhand, by_offset in frames.items():
                if longhand in important:
                    continue
                if offset is None:
                    # a moment between keyframes: known only if every keyframe gives one
                    # value, from start to end (else it is interpolated, with the
                    # declared value where a keyframe at 0% or 100% leaves it out)
                    distinct = set(by_offset.values())
                    part = (distinct.pop() if len(distinct) == 1 and 0.0 in by_offset
                            and 100.0 in by_offset else "var()")
                else:
                    found = by_offset.get(offset)
                    if found is None:
                        continue    # the declared value (the keyframe leaves it out)
                    part = found
                if "var(" in part.lower() and part != "var()":
                    part = _substituted(part, style.custom, self.complete)
                lower = part.strip().lower()
                if lower in _RESETS:
                    continue
                style.origin[longhand] = where
                _apply(style, longhand, part.strip(), lower, parent)

    def _rolled_back(self, declared: list[Declared], name: str, custom: Customs
                     ) -> tuple[str, str]:
        """The value (and where it comes from) that ``revert-layer`` gives property
        ``name``: the cascade of the declarations in the layers below the winning
        declaration's (CSS Cascade 5, 7.3.4), again while the value found is
        ``revert-layer``; ``unset`` where none is left. Layers are ordered as Chromium
        orders them, whatever the importance (:func:`_layer_of`): an important
        ``revert-layer`` leaves out its layer's normal declarations too, and the layers
        above it."""
        while True:
            layer = None
            for item in reversed(declared):
                prop = item[1]
                if prop == name or any(longhand == name
                                       for longhand, _ in _expand(prop, item[2])):
                    layer = _layer_of(item[0])
                    break
            if layer is None:
                return "unset", BROWSER_DEFAULT
            declared = [item for item in declared if _layer_of(item[0]) < layer]
            found = self._specify(declared, custom, own_custom=True)
            assert found is not None
            value, origin = found.get(name, ("unset", BROWSER_DEFAULT))
            if value.strip().lower() != "revert-layer":
                return value, origin

    def _specified(self, declared: list[Declared], custom: Customs
                   ) -> tuple[Customs, dict[str, tuple[str, str]]]:
        """The custom properties and the specified values of an element that declares custom
        properties of its own: those are resolved first, since any declaration's var()s may
        read them."""
        own = {name: value.strip() for _, name, value, _, _ in declared if name[:2] == "--"}
        # A custom property's computed value has its var()s substituted where it is
        # declared (CSS Custom Properties 1, 2.2). One that cannot be resolved is
        # guaranteed-invalid, as if not declared (and so for what inherits it): a var()
        # with no value and no fallback, a cycle, a result too long. Where a stylesheet
        # that could define what it reads is missing, it stays as written, and its uses
        # are unknown.
        custom = with_own(custom, own)
        for name, value in own.items():
            if "var(" in value.lower():
                try:
                    resolved = substitute_vars(value, custom, self.complete)
                except SubstitutionTooLong:
                    # (unknown where a sheet is missing: not expanded again at each use)
                    resolved = None if self.complete else "var()"
                if resolved is not None or self.complete:
                    _set_custom(custom, name, resolved)
        specified = self._specify(declared, custom, own_custom=True)
        assert specified is not None
        return custom, specified

    def _specify(self, declared: list[Declared], custom: Customs, *, own_custom: bool
                 ) -> dict[str, tuple[str, str]] | None:
        """The specified value and origin of each property ``declared`` sets (shorthands
        expanded, var()s substituted from ``custom``), the last declaration winning. Custom
        properties are left out when the element has ``own_custom`` ones (already in
        ``custom``); else meeting one gives None (then :meth:`_specified` resolves them)."""
        specified: dict[str, tuple[str, str]] = {}
        for _, name, value, _, origin in declared:
            if name[:2] == "--":
                if own_custom:
                    continue
                return None
            if "(" in value and "var(" in value.lower():
                value = _substituted(value, custom, self.complete)
                if name in _COLOR_PROPERTIES and value != "var()" and not valid_color(value):
                    value = "unset"     # invalid at computed-value time (CSS Variables 1)
            if name in _SHORTHANDS:
                for longhand, part in _expand(name, value):
                    specified[longhand] = (part, origin)
            else:
                specified[name] = (value, origin)
        return specified


_RESETS = WIDE_KEYWORDS
# The browser's colour of a table in quirks mode (Chromium's -internal-quirk-inherit): the
# body's colour, not its parent's (see _ua_declarations). An author cannot write it (no
# colour: dropped), so only the browser's defaults set it; the reset keywords and it are
# what Cascade._compute reads before a value
QUIRK_INHERIT = "-internal-quirk-inherit"
_COMPUTED_RESETS = WIDE_KEYWORDS | {QUIRK_INHERIT}
# What an animation's last keyframe sets at rest (see Cascade._animate)
_ANIMATED = frozenset(("opacity", "color", "background-color", "background-image", "transform",
                       "clip", "clip-path", "left", "top", "right", "width", "height",
                       "text-indent", "filter", "text-shadow", "-webkit-text-fill-color"))
_SVG_INNER = object()       # Cascade.style's mark of an SVG element's sharing key


_KEYED_FROM = 32


class _Keyed(list[Declared]):
    """The declarations of every element whose many candidate rules their keys alone decide,
    with the same candidates, browser defaults and ancestor keys (see Cascade._match): one
    list, kept for the page (Cascade.style keys its styles by the list's identity)."""

    __slots__ = ()


# What an inherited property takes its parent's value for (revert: when the browser sets
# none; revert-layer: the same, when no layer below sets it)
_INHERITING_RESETS = frozenset(("inherit", "unset", "revert", "revert-layer"))
# The origin of the browser's own declarations (Declared[4]), as results name it
BROWSER_DEFAULT = "the browser's default"
STYLE_ATTRIBUTE = "style attribute"
HIDDEN_ATTRIBUTE = "the hidden attribute"
UNTIL_FOUND = "until-found"     # (the hidden attribute's other state)


def _layer_of(priority: tuple) -> tuple[int, int, int]:
    """The layer of a declaration of this priority, as ``revert-layer`` rolls back over them
    (Cascade._rolled_back), lowest first: the browser's defaults, the presentational hints,
    the page's cascade layers in their order, its unlayered rules, its style attributes.
    Importance does not change a declaration's layer (Chromium: an important ``revert-layer``
    in the page's unlayered rules rolls back over their normal declarations and the style
    attributes' to its last cascade layer)."""
    level, inline, rank = priority[:3]
    if level == 0:
        return (1, 0, 0) if inline else (0, 0, 0)     # a hint, or the browser's default
    if level == 3:
        return (0, 0, 0)                              # the browser's !important defaults
    return (2, inline, rank if level == 1 else -rank)


def _browser_value(declared: Iterable[Declared], name: str) -> str | None:
    """The value the browser's defaults give property ``name`` (a longhand) among an
    element's declarations, None when they give none."""
    found = None
    for _, prop, value, _, origin in declared:
        if prop == name and origin == BROWSER_DEFAULT:
            found = value
    return found


_INHERITED_VALUES = _INHERITED[4:]      # the inherited properties a Style keeps in values
# The properties _apply sets a field of Style for; it keeps the others' values as written
_APPLIED = frozenset(("display", "visibility", "content-visibility", "opacity", "color",
                      "background-color", "background-image", "font-size", "font-weight",
                      "position", "animation-name"))
_INITIAL = {"display": "inline", "visibility": "visible", "opacity": "1", "color": "black",
            "background-color": "transparent", "background-image": "none",
            "position": "static", "font-size": "medium", "font-weight": "normal"}

_ABSOLUTE_SIZE = re.compile(rf"^{NUMBER}(px|pt|pc|in|cm|mm|q|vw|vh|vmin|vmax)$")
_RELATIVE_SIZE = re.compile(rf"^{NUMBER}(em|%|ex|ch)$|^(smaller|larger|inherit)$")


def _size_anchor(el: Element, value: str, parent: Element | None, root: Element | None
                 ) -> Element | None:
    """The element whose absolute font size a declared ``font-size`` derives from, given
    the parent's and the root's (None while the root's own is computed)."""
    kind = _anchor_kind(value.strip())
    return el if kind == _OWN else parent if kind == _PARENT else root if kind == _ROOT else None


_OWN, _PARENT, _ROOT, _DEFAULT = range(4)


@functools.lru_cache(maxsize=4096)
def _anchor_kind(value: str) -> int:
    """Which element a declared ``font-size`` (stripped) derives from (see _size_anchor), by
    the value alone: memoised, since a page repeats a few dozen sizes on many elements and
    the regular expressions cost more than the look-up."""
    if _ABSOLUTE_SIZE.match(value):
        return _OWN
    if _RELATIVE_SIZE.match(value):
        return _PARENT
    if value.endswith("rem"):
        return _ROOT
    return _DEFAULT                 # keywords, initial, rem on the root: the reader's default


_VAR_DEPTH = 16
# CSS Values 5, "long substitution": a substitution whose result would be longer than the
# browser's limit is invalid, so that a chain of custom properties each using the one before
# several times (--b: var(--a) var(--a); --c: var(--b) var(--b)...) cannot grow a value
# exponentially. Chromium's limit (kMaxVariableBytes, probed in Chromium 156): a value of
# 2,097,152 characters is used, one longer is not. A 1 KB page of such a chain grew a value
# past 2 GB here before this limit.
MAX_SUBSTITUTION = 2_097_152


class SubstitutionTooLong(Exception):
    """A ``var()`` substitution's result would pass :data:`MAX_SUBSTITUTION`: invalid."""


def substitute_vars(value: str, custom: Customs, fallbacks: bool,
                    depth: int = 0) -> str | None:
    """``value`` with each ``var(--name, fallback)`` replaced by the custom property's
    computed value (CSS Custom Properties 1, section 3); None when one cannot be resolved:
    the property is not known and has no fallback, or a fallback may not be used because a
    stylesheet that could define the property is missing (``fallbacks`` False). Raises
    :class:`SubstitutionTooLong` as soon as the result passes :data:`MAX_SUBSTITUTION`
    (before it is built)."""
    if depth > _VAR_DEPTH:
        return None
    out: list[str] = []
    size = 0
    position = 0
    lower = value.lower()
    while True:
        start = lower.find("var(", position)
        if start < 0:
            if size and size + len(value) - position > MAX_SUBSTITUTION:
                raise SubstitutionTooLong
            out.append(value[position:])
            return "".join(out)
        out.append(value[position:start])
        depth_now, i, comma = 1, start + 4, -1
        while i < len(value) and depth_now:
            char = value[i]
            if char == "(":
                depth_now += 1
            elif char == ")":
                depth_now -= 1
            elif char == "," and depth_now == 1 and comma < 0:
                comma = i
            i += 1
        if depth_now:
            return None                                 # unbalanced
        inner_end = i - 1
        name = value[start + 4:comma if comma >= 0 else inner_end].strip()
        found = custom.get(name)
        if found is not None:
            replaced = substitute_vars(found, custom, fallbacks, depth + 1)
        elif comma >= 0 and fallbacks:
            replaced = substitute_vars(value[comma + 1:inner_end].strip(), custom, fallbacks,
                                       depth + 1)
        else:
            replaced = None
        if replaced is None:
            return None
        size += start - position + len(replaced)
        if size > MAX_SUBSTITUTION:
            raise SubstitutionTooLong
        out.append(replaced)
        position = i


def _substituted(value: str, custom: Customs, fallbacks: bool) -> str:
    """A declared value with its ``var()``s substituted (:func:`substitute_vars`);
    ``var()`` where that is unknown, ``unset`` where its result is too long (invalid at
    computed-value time, as Chromium reads it)."""
    try:
        return substitute_vars(value, custom, fallbacks) or "var()"
    except SubstitutionTooLong:
        return "unset"


def _inherit(style: Style, parent: Style, name: str) -> None:
    attribute = name.replace("-", "_")
    if hasattr(style, attribute) and attribute not in ("values", "origin"):
        setattr(style, attribute, getattr(parent, attribute))
    elif name in parent.values:
        style.values[name] = parent.values[name]


def _apply(style: Style, name: str, value: str, lower: str, parent: Style) -> None:
    unknown = "var(" in lower or "env(" in lower or "attr(" in lower
    if name == "display":
        style.display = None if unknown else lower.split()[0]
    elif name == "visibility":
        style.visibility = None if unknown else lower
    elif name == "content-visibility":
        style.content_visibility = lower
    elif name == "opacity":
        style.opacity = _number(lower)
    elif name == "color":
        style.color = parent.color if lower == "currentcolor" else (
            None if unknown else _paint(value, lower, style))
    elif name == "background-color":
        style.background_color = None if unknown else (
            style.color if lower == "currentcolor" else _paint(value, lower, style))
    elif name == "background-image":
        style.background_image = None if unknown else lower != "none"
    elif name == "font-weight":
        style.font_weight = font_weight(lower, parent.font_weight)
    elif name == "position":
        style.position = lower
    elif name == "animation-name":
        style.values[name] = value.strip()      # (keyframe names are case-sensitive)
    else:
        style.values[name] = lower


def dark_scheme(style: Style) -> bool:
    """The element's used colour scheme is dark: its ``color-scheme`` supports dark and not
    light (the reader is taken to prefer light, as ``prefers-color-scheme`` is answered, so
    ``light dark`` is light; ``<meta name="color-scheme">`` is its root's)."""
    words = style.values.get("color-scheme", "normal").split()
    return "dark" in words and "light" not in words


def _paint(value: str, lower: str, style: Style) -> RGBA | None:
    """A colour value (not ``currentcolor``) in the element's colour scheme: its
    ``light-dark()`` chosen by it, a system colour's value in it, or else
    :func:`parse_color`'s reading."""
    if "light-dark(" in lower:
        try:
            chosen = colors.light_dark(value, dark_scheme(style))
        except RecursionError:      # (nested past Python's stack: hostile)
            return None
        return None if chosen is None else parse_color(chosen)
    found = parse_color(value)
    if found is None and lower in SYSTEM_COLORS:
        return colors.system(lower, dark_scheme(style))
    return found


def _number(text: str) -> float | None:
    text = text.strip()
    try:
        if text.endswith("%"):
            return max(0.0, min(1.0, float(text[:-1]) / 100))
        return max(0.0, min(1.0, float(text)))
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def parse_color(text: str) -> RGBA | None:
    """A CSS colour as sRGB (0-1 channels, clipped to its gamut, and alpha), None when
    unknown (system colours, an unresolved ``var()``: see :mod:`a11y_audit.semantics.colors`,
    which reads every colour space, ``color-mix()`` and relative colours).
    Memoised by the text: a site repeats a few dozen colours on every element, and
    tinycss2's parse costs ~100 us."""
    try:
        return colors.srgb(text)
    except (ValueError, ZeroDivisionError, OverflowError, RecursionError):
        return None     # (RecursionError: functions nested past Python's stack, hostile)


# Form controls take the browser's control font, not the parent's: Chromium's and Firefox's
# system font for them is the reader's default size less 2pt (13.33px at 16px), in normal
# weight. A keyword of our own: like the other keywords, it derives from the reader's
# default size (no element's absolute size), and computes to what the browsers compute.
CONTROL_FONT_SIZE = "-webkit-small-control"
# (the platform's control font: Chromium's "font: -webkit-small-control", not monospace)
CONTROL_FONT_FAMILY = "-webkit-small-control"
_KEYWORD_SIZES = {"xx-small": 9.0, "x-small": 10.0, "small": 13.0, "medium": 16.0,
                  "large": 18.0, "x-large": 24.0, "xx-large": 32.0, "xxx-large": 48.0,
                  CONTROL_FONT_SIZE: 16.0 - 2 * 4 / 3}
_SIZE = re.compile(rf"^({NUMBER})(px|em|rem|%|pt|pc|in|cm|mm|q|vw|vh|vmin|vmax|ex|ch)?$")


# The size keywords in the monospace family alone (Chromium's table for its 13px default
# fixed-width size, in standards mode)
_MONO_KEYWORD_SIZES = {"xx-small": 9.0, "x-small": 10.0, "small": 12.0, "medium": 13.0,
                       "large": 16.0, "x-large": 20.0, "xx-large": 26.0, "xxx-large": 39.0}
_MONO_SCALE = 13 / 16           # the default fixed-width size against the default size
_MINIMUM_LOGICAL_SIZE = 6.0     # Chromium's minimum for sizes that are not absolute


def font_state(value: str | None, mono: bool | None, parent: FontState,
               root: float | None, viewport: Viewport = DEFAULT_VIEWPORT) -> FontState:
    """An element's :class:`FontState`, as Chromium works it out, from its declared
    ``font-size`` (lower case, stripped; None when it inherits its parent's), whether the
    family it declares is the generic ``monospace`` alone (None when it declares none), its
    parent's state and the root's specified size (what ``rem`` multiplies).

    Where the family changes between monospace and the others, a size that is not absolute
    is worked out again: from its keyword in the other table, else scaled by 13/16 (or
    16/13); an absolute size stays (Blink's FontBuilder, "generic family change")."""
    is_mono = parent.mono if mono is None else mono
    if value is None:
        if is_mono == parent.mono:
            return parent
        specified, keyword, absolute = parent.specified, parent.keyword, parent.absolute
    elif value in _MONO_KEYWORD_SIZES:
        table = _MONO_KEYWORD_SIZES if is_mono else _KEYWORD_SIZES
        return FontState(table[value], value, False, is_mono)
    else:
        keyword = None
        specified = font_size(value, parent.specified, root, viewport)
        # em, %, ex, ch, smaller and larger follow the parent's; px, pt..., viewport units,
        # rem, math functions and a form control's system size are absolute
        absolute = parent.absolute if _anchor_kind(value) == _PARENT else True
    if is_mono != parent.mono and not absolute and specified is not None:
        if keyword is not None:
            specified = (_MONO_KEYWORD_SIZES if is_mono else _KEYWORD_SIZES)[keyword]
        else:
            specified *= _MONO_SCALE if is_mono else 1 / _MONO_SCALE
    return FontState(specified, keyword, absolute, is_mono)


def computed_font_size(state: FontState) -> float | None:
    """The computed size of a :class:`FontState`: its specified size, but 6px for a size
    below that which is not absolute (0 stays 0: the "visually hidden" idiom)."""
    size = state.specified
    if size is None or size >= _MINIMUM_LOGICAL_SIZE or state.absolute or size == 0:
        return size
    return _MINIMUM_LOGICAL_SIZE


def font_size(value: str, parent: float | None, root: float | None,
              viewport: Viewport = DEFAULT_VIEWPORT) -> float | None:
    """A ``font-size`` value in CSS pixels; None when it cannot be resolved statically."""
    value = value.strip()
    if value in _KEYWORD_SIZES:
        return _KEYWORD_SIZES[value]
    if value.startswith(_MATH_FUNCTIONS):
        return _math_size(value, parent, root, viewport)
    if value in ("smaller", "larger"):
        return None if parent is None else parent * (1 / 1.2 if value == "smaller" else 1.2)
    parsed = _size_number(value)
    if parsed is None:
        return None
    number, unit = parsed
    if unit == "px":
        return number
    if unit in ("em", "%"):
        if parent is None:
            return None
        return parent * (number / 100 if unit == "%" else number)
    if unit == "rem":
        return None if root is None else root * number
    if unit in ("ex", "ch"):
        return None     # the font's own x-height or digit width: not known here
    factor = _length_units(viewport).get(unit)
    return number * factor if factor is not None else None


@functools.lru_cache(maxsize=16)
def _length_units(viewport: Viewport) -> dict[str, float]:
    """CSS pixels per unit of the absolute and viewport lengths, at ``viewport`` (one table
    per viewport, read, never changed)."""
    return {"px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4,
            "q": 96 / 101.6, "vw": viewport.width / 100, "vh": viewport.height / 100,
            "vmin": min(viewport.width, viewport.height) / 100,
            "vmax": max(viewport.width, viewport.height) / 100}


def _math_size(value: str, parent: float | None, root: float | None,
               viewport: Viewport) -> float | None:
    """A font size written with ``calc()``, ``min()``, ``max()`` or ``clamp()`` (fluid
    type: ``clamp(1rem, 0.8rem + 1vw, 1.5rem)``), in CSS pixels, clamped at 0 as a font size
    is; None when a term cannot be resolved (``ex``, ``var()``, a parent size unknown) or
    the expression is not valid (CSS Values 4, section 10)."""
    units = dict(_length_units(viewport))
    if parent is not None:
        units["em"] = parent
        units["%"] = parent / 100
    if root is not None:
        units["rem"] = root
    found = math_length(value, units)
    return None if found is None else max(0.0, found)


@functools.lru_cache(maxsize=4096)
def _size_number(value: str) -> tuple[float, str] | None:
    """The number and unit of a font-size length or percentage (stripped; "" for a bare
    number other than 0), None for anything else: memoised by the text, as _anchor_kind."""
    match = _SIZE.match(value)
    if not match:
        return None
    number = float(match.group(1))
    return number, match.group(2) or ("px" if number == 0 else "")


def font_weight(value: str, parent: int | None) -> int | None:
    value = value.strip()
    if value == "normal":
        return 400
    if value == "bold":
        return 700
    if value in ("bolder", "lighter"):
        if parent is None:
            return None
        if value == "bolder":
            return 400 if parent < 350 else 700 if parent < 550 else 900
        return 100 if parent < 550 else 400 if parent < 750 else 700
    try:
        number = float(value)
    except ValueError:
        return None
    return int(number) if 1 <= number <= 1000 else None


# -- shorthands -----------------------------------------------------------------------------

def _tokens(value: str) -> list[str]:
    """Top-level space-separated tokens (parentheses kept together)."""
    out, depth, start = [], 0, None
    for i, char in enumerate(value):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char.isspace() and depth == 0:
            if start is not None:
                out.append(value[start:i])
                start = None
        elif start is None:
            start = i
    if start is not None:
        out.append(value[start:])
    return out


_IMAGE = re.compile(r"url\(|gradient\(|image-set\(|image\(|element\(|cross-fade\(", re.I)
_FONT_SYSTEM = frozenset(("caption", "icon", "menu", "message-box", "small-caption",
                          "status-bar"))


# _expand's: the shorthands css.py lists (those ``all`` does not set as written), and
# ``animation``, kept whole among ``all``'s longhands
_SHORTHANDS = SHORTHANDS | {"animation"}


def _expand(name: str, value: str) -> tuple[tuple[str, str], ...]:
    """The longhands a shorthand declaration sets, with their values; memoised for values
    of a usual length (a page's elements repeat their rules' shorthands, and a border or a
    font is read token by token; a long one, a data: URL background, is not kept)."""
    if len(value) > _EXPANSION_KEPT:
        return tuple(_expand_shorthand(name, value))
    return _expand_kept(name, value)


_EXPANSION_KEPT = 256


@functools.lru_cache(maxsize=1024)
def _expand_kept(name: str, value: str) -> tuple[tuple[str, str], ...]:
    return tuple(_expand_shorthand(name, value))


def _expand_shorthand(name: str, value: str) -> list[tuple[str, str]]:
    if name == "background":
        lower = value.lower()
        if "var(" in lower:
            return [("background-color", "var()"), ("background-image", "var()")]
        keyword = lower.strip()
        if keyword in WIDE_KEYWORDS:    # (only alone: css drops a value that mixes one in)
            return [("background-color", keyword), ("background-image", keyword)]
        image = "url()" if _IMAGE.search(value) else "none"
        layers = _split_commas(value)
        color = "transparent"
        for token in _tokens(layers[-1]):
            low = token.lower()
            if low == "none":
                continue
            if low == "currentcolor" or low in SYSTEM_COLORS or parse_color(token) is not None \
                    or low.partition("(")[0] in colors.COLOR_FUNCTIONS:
                color = token   # (one not read here, light-dark() or relative: unknown)
        return [("background-color", color), ("background-image", image)]
    if name == "font":
        lower = value.lower().strip()
        if "var(" in lower:
            return [("font-size", "var()"), ("font-weight", "var()"), ("font-family", "var()"),
                    ("font-style", "var()"), ("line-height", "var()")]
        if lower in _FONT_SYSTEM:       # a system font: its size is the platform's
            return [("font-size", "var()"), ("font-weight", "var()"), ("font-family", lower),
                    ("font-style", "normal"), ("line-height", "normal")]
        if lower in WIDE_KEYWORDS:
            return [("font-size", lower), ("font-weight", lower), ("font-family", lower),
                    ("font-style", lower), ("line-height", lower)]
        weight = "normal"
        slant = "normal"
        line = "normal"
        size = None
        tokens = _tokens(value.split(",")[0])
        rest: list[str] = []
        for at, token in enumerate(tokens):
            low = token.lower()
            if low in ("bold", "bolder", "lighter"):
                weight = low
                continue
            if BARE_NUMBER.fullmatch(low):
                # a number before the size is a weight (1 to 1000); a size needs a unit,
                # but 0 (the shorthand takes no quirk: "font: 14 serif" is dropped)
                number = float(low)
                if 1 <= number <= 1000:
                    weight = low
                    continue
                if number != 0:
                    return []
            if low in ("italic", "oblique"):
                slant = low
                continue
            candidate, slash, height = low.partition("/")
            if slash and BARE_NUMBER.fullmatch(candidate) and float(candidate) != 0:
                return []       # (a size without a unit before its line height)
            if candidate and (candidate in _KEYWORD_SIZES or _SIZE.match(candidate)
                              or candidate.startswith(("calc(", "clamp(", "min(", "max("))):
                size = candidate
                # the family after the size and its line height ("12px/1.5", "12px / 1.5")
                rest = tokens[at + 1:]
                if (slash and not height) or (not slash and rest and rest[0] == "/"):
                    line = rest[not slash] if len(rest) > (not slash) else "normal"
                    rest = rest[1 + (not slash):]
                elif not slash and rest and rest[0].startswith("/"):
                    line = rest[0][1:]
                    rest = rest[1:]
                elif slash:
                    line = height
                break
        if size is None or (not rest and "," not in value):
            return []   # no size or no family: the shorthand is invalid, and dropped
        # the families as written (the generic "monospace" alone is the value "monospace",
        # as _monospace_family reads it)
        family = " ".join(rest).lower()
        if "," in value:
            family += "," + value.split(",", 1)[1].lower()
            if not family_list_valid(family):
                return []   # an empty family ("12px Georgia,"): invalid, and dropped
        return [("font-weight", weight), ("font-size", size),
                ("font-family", family or "other"), ("font-style", slant),
                ("line-height", line)]
    if name == "inset":
        parts = _tokens(value) or ["auto"]
        top = parts[0]
        right = parts[1] if len(parts) > 1 else top
        bottom = parts[2] if len(parts) > 2 else top
        left = parts[3] if len(parts) > 3 else right
        return [("top", top), ("right", right), ("bottom", bottom), ("left", left)]
    if name == "overflow":
        parts = _tokens(value) or ["visible"]
        return [("overflow-x", parts[0]), ("overflow-y", parts[-1])]
    if name == "animation":
        return list(_expand_animation(value))
    if name == "text-decoration":
        return _expand_decoration(value)
    if name in _EDGES:
        return _expand_edges(name, value)
    return [(name, value)]


# The line and style keywords of ``text-decoration`` (CSS Text Decoration 3); its colour and
# thickness are not read
_DECORATION_LINES = frozenset(("none", "underline", "overline", "line-through", "blink"))
_DECORATION_STYLES = frozenset(("solid", "double", "dotted", "dashed", "wavy"))


def _expand_decoration(value: str) -> list[tuple[str, str]]:
    """``text-decoration`` as its line and style longhands (lower case; the line keywords
    sorted, as one value): ``underline dotted red`` is ``underline`` and ``dotted``."""
    lower = value.strip().lower()
    if "var(" in lower or "env(" in lower:
        return [("text-decoration-line", "var()"), ("text-decoration-style", "var()")]
    if lower in WIDE_KEYWORDS:
        return [("text-decoration-line", lower), ("text-decoration-style", lower)]
    lines = []
    style = "solid"
    for token in _tokens(lower):
        if token in _DECORATION_LINES:
            if token != "none":
                lines.append(token)
        elif token in _DECORATION_STYLES:
            style = token
    return [("text-decoration-line", " ".join(sorted(set(lines))) or "none"),
            ("text-decoration-style", style)]


_BORDER_STYLES = frozenset(("none", "hidden", "dotted", "dashed", "solid", "double", "groove",
                            "ridge", "inset", "outset", "auto"))
_BORDER_WIDTHS = frozenset(("thin", "medium", "thick"))
# The shorthands of the edges read (a link's top and bottom borders, its outline) and the
# longhands each sets: (width, style, colour) per edge
_SIDES = (("border-top-width", "border-top-style", "border-top-color"),
          ("border-bottom-width", "border-bottom-style", "border-bottom-color"))
_OUTLINE = (("outline-width", "outline-style", "outline-color"),)
_EDGES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "border": _SIDES, "border-top": _SIDES[:1], "border-bottom": _SIDES[1:],
    "outline": _OUTLINE, "border-width": _SIDES, "border-style": _SIDES,
    "border-color": _SIDES}


def _expand_edges(name: str, value: str) -> list[tuple[str, str]]:
    """``border``, ``border-top``, ``border-bottom`` and ``outline`` (a width, a style and a
    colour in any order, each reset when left out), and ``border-width``/``-style``/``-color``
    (one to four values: top, right, bottom, left), as the longhands of the top and bottom
    borders and the outline."""
    lower = value.strip().lower()
    edges = _EDGES[name]
    part = name.rpartition("-")[2] if name.startswith("border-") and name not in (
        "border-top", "border-bottom") else None
    if part is not None:        # border-width, border-style, border-color
        slot = ("width", "style", "color").index(part)
        if "var(" in lower or "env(" in lower:
            return [(edge[slot], "var()") for edge in edges]
        values = _tokens(lower) or [lower]
        top = values[0]
        bottom = values[2] if len(values) > 2 else top
        return [(_SIDES[0][slot], top), (_SIDES[1][slot], bottom)]
    if "var(" in lower or "env(" in lower:
        return [(longhand, "var()") for edge in edges for longhand in edge]
    if lower in WIDE_KEYWORDS:
        return [(longhand, lower) for edge in edges for longhand in edge]
    width, style, color = "medium", "none", "currentcolor"
    for token in _tokens(lower):
        if token in _BORDER_STYLES:
            style = token
        elif token in _BORDER_WIDTHS or _SIZE.match(token) or token.startswith(
                ("calc(", "clamp(", "min(", "max(")):
            width = token
        else:
            color = token
    return [item for edge in edges
            for item in ((edge[0], width), (edge[1], style), (edge[2], color))]


_ANIMATION_LONGHANDS = ("animation-name", "animation-fill-mode", "animation-iteration-count",
                        "animation-direction", "animation-play-state", "animation-duration",
                        "animation-delay")
_TIMING = re.compile(r"^(?:ease|ease-in|ease-out|ease-in-out|linear|step-start|step-end"
                     r"|steps\(.*|cubic-bezier\(.*|linear\(.*)$")
_TIME = re.compile(rf"^{NUMBER}m?s$")


@functools.lru_cache(maxsize=1024)
def _keyframe_offsets(selector: str) -> frozenset[float]:
    """The offsets (0-100) a keyframe selector (lower case) lists: ``from``, ``to``, ``50%``."""
    offsets = set()
    for part in selector.split(","):
        part = part.strip()
        if part == "from":
            offsets.add(0.0)
        elif part == "to":
            offsets.add(100.0)
        elif _KEYFRAME_PERCENT.fullmatch(part):
            offsets.add(float(part[:-1]))
    return frozenset(offsets)


_KEYFRAME_PERCENT = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?%")


# The longhands that time an animation, with their initial values (Cascade._animate)
_TIMING_STATE = (("animation-fill-mode", "none"), ("animation-iteration-count", "1"),
                 ("animation-direction", "normal"), ("animation-play-state", "running"),
                 ("animation-duration", "0s"), ("animation-delay", "0s"))
_UNAFFECTED = -1.0      # _rest_offset: the animation leaves the declared values


def _rest_offset(fill: str, count: str, direction: str, state: str, duration: str,
                 delay: str) -> float | None:
    """The keyframe offset (0-100) an animation shows on the page at rest (running ones
    ended, paused ones at their start: see :meth:`Cascade._animate`); None for a moment
    between keyframes, or one not known here (``var()`` timing); :data:`_UNAFFECTED` when
    it leaves the declared values. The phases are Web Animations 1's ("Animation effect
    phases and states"): paused at the start, time 0 is before a positive delay, in the
    active interval when that ends after 0, else after it."""
    seconds, start = _seconds(duration), _seconds(delay)
    if seconds is None or start is None or seconds < 0:
        return None
    if count == "infinite":
        iterations = math.inf
    elif _COUNT.match(count):
        iterations = float(count)     # (a huge one is infinite: endless)
    else:
        return None                     # not a count (``nan``...), or unknown (``var()``)
    first = 100.0 if direction in ("reverse", "alternate-reverse") else 0.0  # where it starts
    if state == "paused":
        if start > 0:       # before the delay: shown only when filled backwards
            return first if fill in ("backwards", "both") else _UNAFFECTED
        if seconds and start + iterations * seconds > 0:
            # active at time 0: at its very start without a delay, else part-way
            return first if start == 0 else None
    elif state != "running":
        return None
    elif iterations == math.inf and seconds:
        return None         # endless
    # ended (its active interval is over at rest)
    if fill not in ("forwards", "both"):
        return _UNAFFECTED
    if iterations == math.inf or iterations != int(iterations):
        return None         # it ends between keyframes (or, endless in no time, not known)
    last = int(iterations) - 1   # (-1: no iteration, it ends where it starts)
    if last < 0:
        return first
    forward = (direction == "normal" or (direction == "alternate" and last % 2 == 0)
               or (direction == "alternate-reverse" and last % 2 == 1))
    return 100.0 if forward else 0.0


_COUNT = re.compile(r"^\+?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$")     # an iteration count


def _seconds(text: str) -> float | None:
    """A CSS ``<time>`` in seconds (``.3s``, ``300ms``); None when it is not one."""
    lower = text.lower()
    if not _TIME.match(lower):
        return None
    try:
        return float(lower[:-2]) / 1000 if lower.endswith("ms") else float(lower[:-1])
    except ValueError:
        return None


@functools.lru_cache(maxsize=256)
def _frame_values(blocks: tuple[tuple[str, str], ...], quirks: bool
                  ) -> dict[str, dict[float, str]]:
    """What a ``@keyframes`` rule's keyframes set of the animated properties: longhand ->
    offset -> value (a later keyframe for the same offset wins; ``!important`` in a
    keyframe is ignored, as CSS Animations 1 says); read in quirks mode if ``quirks``."""
    frames: dict[str, dict[float, str]] = {}
    for selector, body in blocks:
        offsets = _keyframe_offsets(selector)
        if not offsets:
            continue
        for prop, value, is_important in parse_declarations(body, quirks):
            if is_important:
                continue
            for longhand, part in _expand(prop, value):
                if longhand in _ANIMATED:
                    by_offset = frames.setdefault(longhand, {})
                    for offset in offsets:
                        by_offset[offset] = part
    return frames


@functools.lru_cache(maxsize=1024)
def _expand_animation(value: str) -> tuple[tuple[str, str], ...]:
    """The ``animation`` shorthand's longhands the cascade reads (CSS Animations 1, 3.11),
    each a comma-separated list, one item per animation; a keyword that can be a value of
    another longhand is read as that one first, as the shorthand's grammar says."""
    lower = value.strip().lower()
    if lower in WIDE_KEYWORDS or "var(" in lower:
        keep = lower if lower in WIDE_KEYWORDS else "var()"
        return tuple((name, keep) for name in _ANIMATION_LONGHANDS)
    lists: dict[str, list[str]] = {name: [] for name in _ANIMATION_LONGHANDS}
    for item in _split_commas(value.strip()):
        found: dict[str, str] = {}
        for written in _tokens(item):
            token = written.lower()     # (a name keeps its case: keyframe names have one)
            if _TIME.match(token):
                # the first time is the duration, the second the delay
                found["animation-delay" if "animation-duration" in found
                      else "animation-duration"] = token
                continue
            if _TIMING.match(token):
                continue                    # the timing function
            if token in ("normal", "reverse", "alternate", "alternate-reverse") \
                    and "animation-direction" not in found:
                found["animation-direction"] = token
            elif token in ("none", "forwards", "backwards", "both") \
                    and "animation-fill-mode" not in found:
                found["animation-fill-mode"] = token
            elif (token == "infinite" or token[:1].isdigit() or token[:1] == ".") \
                    and "animation-iteration-count" not in found:
                found["animation-iteration-count"] = token
            elif token in ("running", "paused") and "animation-play-state" not in found:
                found["animation-play-state"] = token
            else:
                found["animation-name"] = written.strip("'\"")
        for name, default in zip(_ANIMATION_LONGHANDS,
                                 ("none", "none", "1", "normal", "running", "0s", "0s"),
                                 strict=True):
            lists[name].append(found.get(name, default))
    return tuple((name, ", ".join(items)) for name, items in lists.items())


def _split_commas(value: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, char in enumerate(value):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            out.append(value[start:i])
            start = i + 1
    out.append(value[start:])
    return out


# -- the browser's own stylesheet (the parts that matter here) ----------------------------

_HEADING_SIZES = {"h1": "2em", "h2": "1.5em", "h3": "1.17em", "h4": "1em", "h5": "0.83em",
                  "h6": "0.67em"}
_BOLD = frozenset(("th", "h1", "h2", "h3", "h4", "h5", "h6", "optgroup"))
_BOLDER = frozenset(("b", "strong"))     # one step bolder than the parent (HTML, 15.3.4)
# Text decorations and slant of the browsers' defaults (HTML, 15.3.4 "Phrasing content"; a
# link's underline is set where the link flag is, see _ua_declarations)
_UNDERLINED = frozenset(("u", "ins"))
_STRUCK = frozenset(("s", "strike", "del"))
_ITALIC = frozenset(("i", "em", "cite", "var", "dfn", "address"))
_CONTROLS = frozenset(("button", "input", "select", "textarea"))
_FONT_PROPERTIES = frozenset(("font-size", "font", "font-family"))
_COLOR_PROPERTIES = frozenset(("color", "background-color"))
# The elements Chromium's defaults set in the monospace family
_MONOSPACE_TAGS = frozenset(("code", "kbd", "samp", "tt", "pre", "listing", "plaintext", "xmp",
                             "textarea"))
_BLOCK = frozenset(("html", "body", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                    "li", "dl", "dt", "dd", "section", "article", "aside", "nav", "header",
                    "footer", "main", "figure", "figcaption", "blockquote", "pre", "form",
                    "fieldset", "table", "address", "details", "summary", "hr", "dialog", "legend",
                    "menu", "search", "hgroup", "center"))
# Not displayed: HTML's hidden elements ("Rendering", 15.3.1; not area, whose links are in the
# accessibility tree through their image, nor audio without controls, which still plays), and
# SVG's never-rendered elements (SVG 2, "Rendering model": metadata, descriptive and
# definition elements draw nothing by themselves), by lower-case local name.
_NONE = frozenset(("head", "script", "style", "template", "title", "meta", "link", "base",
                   "noscript", "basefont", "datalist", "noembed", "noframes", "param", "rp",
                   "metadata", "desc", "defs", "symbol", "clippath", "mask",
                   "lineargradient", "radialgradient", "pattern", "marker", "filter"))
_TABLE = {"table": "table", "tr": "table-row", "td": "table-cell", "th": "table-cell",
          "thead": "table-header-group", "tbody": "table-row-group",
          "tfoot": "table-footer-group", "caption": "table-caption", "col": "table-column",
          "colgroup": "table-column-group", "li": "list-item"}


def _input_kind(el: Element) -> str:
    """What the browser's defaults of an ``<input>`` depend on: ``hidden`` (not displayed),
    ``button`` (button face), ``bare`` (no background), ``file`` (no background, its
    parent's colour), ``range`` (a slider), or ``field``
    (a text field: every other type, an unknown one included, which is a text field); and
    whether it is disabled (:func:`_disabled`: `` disabled`` after the kind)."""
    kind = (el.get("type") or "").strip().lower()
    if kind == "hidden":
        return kind
    kind = "button" if kind in _BUTTON_TYPES else "bare" if kind in _BARE_TYPES else (
        kind if kind == "range" or kind == "file" else "field")
    return kind + _DISABLED if _disabled(el) else kind


_BUTTON_TYPES = frozenset(("submit", "reset", "button", "color"))
_BARE_TYPES = frozenset(("checkbox", "radio", "image"))
_DISABLED = " disabled"


def _select_kind(el: Element) -> str:
    """A ``<select>`` shown as a ``list`` box or as a ``drop``-down list, and whether it is
    disabled."""
    kind = "list" if list_box(el) else "drop"
    return kind + _DISABLED if _disabled(el) else kind


def _option_state(el: Element) -> str:
    """What an ``<option>``'s colours depend on: in a list box, whether it is ``selected``
    (at rest: its attribute, held by the last option that has it where the list box is not
    ``multiple``) and ``disabled`` (itself, its optgroup or its select); empty
    elsewhere (a drop-down list's options are not painted in the page)."""
    parent = el.getparent()
    group = None
    if parent is not None and parent.tag == "optgroup":
        group, parent = parent, parent.getparent()
    if parent is None or parent.tag != "select" or not list_box(parent):
        return ""      # (most options: a drop-down list's, read without a walk up)
    selected = "selected" if el.get("selected") is not None and (
        parent.get("multiple") is not None or _last_selected(parent) is el) else ""
    disabled = el.get("disabled") is not None or (
        group is not None and group.get("disabled") is not None) or _disabled(parent)
    return selected + _DISABLED if disabled else selected


def _last_selected(select: Element) -> Element | None:
    """The option a list box without ``multiple`` shows selected at rest: the last with a
    ``selected`` attribute (HTML's selectedness setting algorithm unselects the others)."""
    found = None
    for option in select.iter("option"):
        if option.get("selected") is not None:
            found = option
    return found


def _disabled(el: Element) -> bool:
    """A form control is disabled (HTML, "actually disabled"): it has ``disabled``, or it is
    in a disabled ``<fieldset>`` but not in that fieldset's first ``<legend>`` child."""
    if el.get("disabled") is not None:
        return True
    for fieldset in el.iterancestors("fieldset"):
        if fieldset.get("disabled") is not None:
            legend = next((child for child in fieldset if child.tag == "legend"), None)
            if legend is None or not any(node is legend for node in el.iterancestors("legend")):
                return True
    return False


_TABLE_PARTS = frozenset(("table", "thead", "tbody", "tfoot", "tr"))


def _misplaced_form(el: Element) -> bool:
    """A ``<form>`` the parser left empty as a child of a table, a row group or a row (a
    form start tag in a table): HTML's rendering hides it (``display: none !important``).
    One that holds content here (lxml's parser keeps a table's rows in it; a browser's
    moves them out) is left displayed: hiding it would hide its rows."""
    parent = el.getparent()
    return (parent is not None and parent.tag in _TABLE_PARTS and len(el) == 0
            and not (el.text or "").strip())


def _meta_color_scheme(el: Element) -> str | None:
    """The colour schemes the page says it supports with ``<meta name="color-scheme">`` (the
    first such element in the head, lower case), which its root element takes unless its CSS
    sets ``color-scheme``; None without one."""
    for meta in el.iterfind("head/meta[@name]"):
        if meta.get("name", "").strip().lower() == "color-scheme":
            content = " ".join((meta.get("content") or "").lower().split())
            return content or None
    return None


# The attribute each of these elements' defaults depend on (besides ``hidden``): a dialog
# without ``open`` and ``input type=hidden`` are not displayed, a link with href is coloured
# and underlined, an abbreviation with a title underlined with dots,
# an input's type and a select's list box choose their background, a disabled control is
# greyed, a table resets its font in a page in quirks mode, and ruby text in a ruby is halved.
_UA_BY_ATTRIBUTE: dict[str, Callable[[Element], bool | str | None]] = {
    "dialog": lambda el: el.get("open") is None,
    "form": _misplaced_form,
    "input": _input_kind,
    "select": _select_kind,
    "button": _disabled,
    "textarea": _disabled,
    "optgroup": lambda el: el.get("disabled") is not None,
    "option": _option_state,
    "a": lambda el: el.get("href") is not None,
    "area": lambda el: el.get("href") is not None,
    "abbr": lambda el: el.get("title") is not None,
    "acronym": lambda el: el.get("title") is not None,
    "table": quirks_mode,
    "html": _meta_color_scheme,
    "rt": lambda el: (up := el.getparent()) is not None and up.tag == "ruby",
}
# Every value a tag's flag can take (None: the tags _UA_BY_ATTRIBUTE does not list)
_UA_FLAGS: dict[str, tuple[bool | str | None, ...]] = {
    "input": ("hidden", *(kind + disabled for kind in ("button", "bare", "file", "range",
                                                        "field")
                          for disabled in ("", _DISABLED))),
    "select": ("list", "drop", "list" + _DISABLED, "drop" + _DISABLED),
    "option": ("", "selected", _DISABLED, "selected" + _DISABLED)}


@functools.lru_cache(maxsize=1024)
def _ua_declared(tag: str, hidden: bool | str, flag: bool | str | None
                 ) -> tuple[Declared, ...]:
    """The browser's defaults for an element as :meth:`Cascade.declarations` lists them,
    by what they depend on (memoised: a page has a few dozen distinct combinations)."""
    found = tuple((_UA_IMPORTANT if important else _UA_PRIORITY, name, value, important,
                   BROWSER_DEFAULT) for name, value, important in _ua_declarations(tag, flag))
    # Chromium maps the hidden attribute to a presentational hint, not a rule of its own
    # stylesheet: "display: revert" (as in "the new CSS reset") shows such an element;
    # hidden="until-found" too, to content-visibility: hidden (its box shown, its contents
    # skipped, out of the accessibility tree, until the reader's search finds them)
    if hidden == UNTIL_FOUND:
        return (*found, (_HINT_PRIORITY, "content-visibility", "hidden", False,
                         HIDDEN_ATTRIBUTE))
    return (*found, (_HINT_PRIORITY, "display", "none", False, HIDDEN_ATTRIBUTE)) if hidden \
        else found


def _ua_flag(tag: str, el: Element) -> bool | str | None:
    """What the browser's defaults for ``tag`` read of ``el`` besides ``hidden`` (see
    ``_UA_BY_ATTRIBUTE``), None for the tags whose defaults read nothing else."""
    test = _UA_BY_ATTRIBUTE.get(tag)
    return test(el) if test is not None else None


# The tags whose browser defaults can hide them (see _ua_declarations): never displayed, or
# not displayed by an attribute or place (a closed dialog, input type=hidden, a form left in
# a table); ``hidden`` aside.
UA_HIDING = frozenset(_NONE | {"dialog", "input", "form"})


@functools.lru_cache(maxsize=4096)
def _displays_a_box(declarations: tuple[Declaration, ...]) -> bool:
    """Each declaration sets ``display`` to a known value other than ``none`` and
    ``contents`` (as :meth:`Cascade._computed_rendering` reads it: a reset keyword is
    ``inline``; ``contents`` renders nothing of an image, a form control or most SVG
    elements, see visibility._contents_as_none): the rule cannot hide an element (see
    :meth:`Cascade.key_hides`)."""
    for name, value, _ in declarations:
        if name != "display":
            return False
        lower = value.strip().lower()
        if "var(" in lower or "env(" in lower or (
                lower and lower.split()[0] in ("none", "contents")):
            return False
    return True


def _rule_bits(full: Candidate, rendering: Candidate | None, size: Candidate | None) -> int:
    """What a rule of the page's index (an entry of a bucket's ``rules``) may set on the
    elements it matches, as :meth:`Cascade.key_mask` bits."""
    bits = 0
    if rendering is not None and not _displays_a_box(rendering[4]):
        bits |= HIDES
    if size is not None:
        bits |= SIZES
    return bits | _block_bits(full[4])


# A selector's last compound made of tag, class, id and pseudo-class characters and attribute
# selectors (group 1), after its last combinator; and the name of an attribute selector, read
# after its "[" (as both selector readers read it; a namespace bar is not read)
_SUBJECT = re.compile(r"""(?:.*[\s>+~])?((?:[-\w.#*:]|\[[^\]\[\"']*(?:(?:"[^"]*"|'[^']*')"""
                      r"""[^\]\[\"']*)*\])+)""", re.S)
_ATTRIBUTE_NAME = re.compile(r"\s*([-\w]+)\s*(?:[~|^$*!]?=|\])")
_SUBJECT_CHARS = 400        # longer selectors are not read (the pattern backtracks)


# The tags nearly every element of a page is under: a rule that requires only them of its
# element's ancestors may match any element (the pass to find those under them is no saving)
_EVERY_ELEMENTS_ANCESTOR = frozenset(("html", "body"))


def _fewest_carriers(key: str) -> tuple[int, str]:
    """The order in which an ancestor key is picked to find the elements under its carriers:
    an id, then a class word, then a tag (most carried); then by name, for one choice."""
    return "#.".find(key[0]) % 3, key


@functools.lru_cache(maxsize=4096)
def _subject_attribute(selector: str) -> str | None:
    """The name (lower case, as the matcher looks it up) of an attribute that every element
    ``selector`` matches carries: the first attribute selector of its last compound
    (``.ad > [data-slot=top]``: ``data-slot``). None when that compound has none, or when
    the selector holds an escape or a parenthesis (``:not([x])`` requires nothing), or is
    not read here."""
    if "\\" in selector or "(" in selector or len(selector) > _SUBJECT_CHARS:
        return None
    found = _SUBJECT.fullmatch(selector)
    if found is None:
        return None
    subject = found.group(1)
    start = subject.find("[")
    name = _ATTRIBUTE_NAME.match(subject, start + 1) if start >= 0 else None
    return name.group(1).lower() if name is not None else None


@functools.lru_cache(maxsize=1024)
def _ua_part(tag: str, hidden: bool | str, flag: bool | str | None, slot: int
             ) -> tuple[Declared, ...]:
    """The items of :func:`_ua_declared` of the properties of ``_PART_NAMES[slot]``."""
    names = _PART_NAMES[slot]
    return tuple(item for item in _ua_declared(tag, hidden, flag)
                 if item[1] in names)  # type: ignore[operator]  # (slot 0 is not asked)


@functools.lru_cache(maxsize=1024)
def _ua_may_size(tag: str) -> bool:
    """The browser's defaults may set the font size of a ``tag`` element."""
    return any(_ua_part(tag, hidden, flag, _FONT_SIZE_SLOT)
               for hidden in (False, True) for flag in _UA_FLAGS.get(tag, (None, False, True)))


def _ua_declarations(tag: str, flag: bool | str | None) -> list[Declaration]:
    out: list[Declaration] = []
    if tag in _BLOCK:
        out.append(("display", "block", False))
    elif tag in _TABLE:
        out.append(("display", _TABLE[tag], False))
    elif tag in _CONTROLS:
        out.append(("display", "inline-block", False))
    if tag in _NONE or (tag == "dialog" and flag):
        out.append(("display", "none", False))
    if tag == "input" and flag == "hidden":
        out.append(("display", "none", True))
    if tag == "form" and flag:
        out.append(("display", "none", True))
    size = _HEADING_SIZES.get(tag)
    if size:
        out.append(("font-size", size, False))
    elif tag in ("small", "sub", "sup"):
        out.append(("font-size", "smaller", False))
    elif tag == "rt" and flag:
        out.append(("font-size", "50%", False))     # ruby text (Chromium's html.css: ruby > rt)
    elif tag == "big":
        out.append(("font-size", "larger", False))
    elif tag in _CONTROLS:
        out.append(("font-size", CONTROL_FONT_SIZE, False))
        out.append(("font-weight", "normal", False))
        out.append(("font-family", CONTROL_FONT_FAMILY, False))
        out.append(("font-style", "normal", False))     # (the font shorthand resets it)
    if tag in _MONOSPACE_TAGS:
        out.append(("font-family", "monospace", False))
    if tag in _BOLD:
        out.append(("font-weight", "bold", False))
    elif tag in _BOLDER:
        out.append(("font-weight", "bolder", False))
    elif tag == "option":
        out.append(("font-weight", "normal", False))     # (not its optgroup's bold)
    if tag in _UNDERLINED or (tag == "a" and flag):
        out.append(("text-decoration-line", "underline", False))
    elif tag in ("abbr", "acronym") and flag:
        out.append(("text-decoration-line", "underline", False))
        out.append(("text-decoration-style", "dotted", False))
    elif tag in _STRUCK:
        out.append(("text-decoration-line", "line-through", False))
    if tag in _ITALIC:
        out.append(("font-style", "italic", False))
    if tag in ("a", "area") and flag:
        out.append(("color", "#0000ee", False))          # :link, unvisited at rest
    elif tag == "mark":
        out.append(("background-color", "yellow", False))
        out.append(("color", "black", False))
    elif tag in _CONTROLS:
        out.extend(_control_colors(tag, flag))
    elif tag == "option" and flag:          # in a list box: selected, greyed when disabled
        if flag != "selected":
            out.append(("color", "gray", False))
        if flag != _DISABLED:
            out.append(("background-color", "#cecece", False))
            if flag == "selected":
                out.append(("color", "#101010", False))
    elif tag == "optgroup" and flag:
        out.append(("color", "gray", False))
    elif tag == "html" and flag:
        out.append(("color-scheme", str(flag), False))   # (the page's meta color-scheme)
    elif tag == "dialog":
        out.append(("background-color", "white", False))     # Canvas, light scheme
        out.append(("color", "black", False))                # CanvasText
        out.append(("position", "absolute", False))
    elif tag == "hr":
        out.append(("color", "gray", False))
    elif tag == "table" and flag:
        # quirks mode (Chromium's quirks.css; HTML, "Tables"): a table does not inherit its
        # font, and takes the body's colour
        out.extend((("font-size", "medium", False), ("font-weight", "normal", False),
                    ("font-style", "normal", False), ("line-height", "normal", False),
                    ("color", QUIRK_INHERIT, False)))
    return out


def _control_colors(tag: str, flag: bool | str | None, dark: bool = False
                    ) -> list[Declaration]:
    """A form control's colours, as Chromium paints them in the light colour scheme (or the
    dark one, ``dark``): ButtonText on ButtonFace for buttons and drop-down lists, FieldText
    on Field for text fields and list boxes, no background for checkboxes, radio buttons,
    file and image inputs; greyed when disabled (a select is also faded: opacity 0.7). A
    file input's text inherits its colour (html.css: ``color: inherit``) but when disabled."""
    kind = flag if isinstance(flag, str) else ""
    disabled = flag is True or kind.endswith(_DISABLED)
    kind = kind.removesuffix(_DISABLED)
    if kind == "file" and not disabled:
        return []
    text, grey, button_face, field = _DARK_CONTROL if dark else _LIGHT_CONTROL
    face: str | None
    if tag == "select":
        color, face = grey if disabled else text, field if kind == "list" else button_face
    elif tag == "button" or kind == "button":
        color, face = ((_DARK_FADED_TEXT, _DARK_FADED_BUTTON) if dark else (
            "rgba(16, 16, 16, 0.3)", _FADED_FACE)) if disabled else (text, button_face)
    elif kind == "range":
        color, face = ("#c5c5c5", None) if disabled else ("#9d968e", field)
    else:
        color = (grey if dark else _DISABLED_TEXT) if disabled else text
        face = None if kind == "bare" or kind == "file" else (
            _DARK_FADED_FIELD if dark else _FADED_FACE) if disabled else field
    out = [("color", color, False)]
    if face is not None:
        out.append(("background-color", face, False))
    if disabled and tag == "select":
        out.append(("opacity", "0.7", False))
    return out


def _dark_option_colors(tag: str, flag: bool | str | None) -> list[Declaration]:
    """What the dark colour scheme paints of an option in a list box and of a disabled
    optgroup (see _ua_declarations for the light scheme's): a disabled one is greyed, a
    selected one set on the inactive selection's grey."""
    if not flag:
        return []
    state = flag if isinstance(flag, str) else _DISABLED
    text, grey, _, _ = _DARK_CONTROL
    out: list[Declaration] = []
    if tag == "optgroup" or state.endswith(_DISABLED):
        out.append(("color", grey, False))
    elif state == "selected":
        out.append(("color", text, False))
    if tag == "option" and state.startswith("selected"):
        out.append(("background-color", "#545454", False))
    return out


# Chromium's form controls' text, greyed (disabled) text, ButtonFace (buttons and drop-down
# lists) and Field (text fields and list boxes) colours, in the light and in the dark colour
# scheme (Chromium 156, getComputedStyle); checkboxes, radio buttons, file and image inputs
# paint no background
_LIGHT_CONTROL = ("black", "gray", "#efefef", "#ffffff")
_DARK_CONTROL = ("#ffffff", "#aaaaaa", "#6b6b6b", "#3b3b3b")
_DARK_FADED_TEXT = "rgba(255, 255, 255, 0.3)"
_DARK_FADED_BUTTON = "rgba(19, 1, 1, 0.3)"
_DARK_FADED_FIELD = "rgba(59, 59, 59, 0.3)"
# The tags whose browser colours _dark_ua_colors gives in a dark scheme
_DARK_CONTROLLED = _CONTROLS | {"option", "optgroup"}


def _own_default(specified: dict[str, tuple[str, str]], origins: dict[str, str],
                 name: str) -> bool:
    """The element's own declarations give it the browser's value of ``name`` (its default,
    or a page's ``revert`` to it), not one it inherits."""
    own = specified.get(name)
    return own is not None and origins.get(name) == BROWSER_DEFAULT and (
        own[1] == BROWSER_DEFAULT or own[0].strip().lower() in ("revert", "revert-layer"))


@functools.lru_cache(maxsize=64)
def _dark_ua_colors(tag: str, flag: bool | str | None) -> dict[str, RGBA | None]:
    """A form control's, an option's or an optgroup's browser colours in a dark colour
    scheme, read (memoised: a handful of combinations)."""
    declared = (_control_colors(tag, flag, True) if tag in _CONTROLS
                else _dark_option_colors(tag, flag))
    return {name: parse_color(value) for name, value, _ in declared}


_FADED_FACE = "rgba(239, 239, 239, 0.3)"
_DISABLED_TEXT = "#545454"


# -- presentational hints (HTML, "Rendering": attributes browsers map to CSS) -------------

_BACKGROUND_TAGS = frozenset(("body", "table", "thead", "tbody", "tfoot", "tr", "td", "th"))
_BGCOLOR_TAGS = _BACKGROUND_TAGS | {"marquee"}
_LINK_TAGS = frozenset(("a", "area"))
# The elements whose browser colours are the same in a dark scheme (Mark and MarkText; a
# rule's grey)
_SAME_IN_DARK = frozenset(("mark", "hr"))
_HINTED = _BGCOLOR_TAGS | {"font", "hr"}
_LEGACY_SIZES = ("x-small", "small", "medium", "large", "x-large", "xx-large", "xxx-large")


def presentational_hints(el: Element, tag: str, link_color: str | None) -> list[Declared]:
    """The declarations that ``el``'s legacy attributes map to, for the properties rules
    read (HTML, "Rendering", 15.3): ``bgcolor`` and ``background`` on the body and table
    elements, ``<font color size face>``, ``<hr color noshade>``, ``<body text>``, and
    ``link_color`` (``<body link>``)
    on links. Each names its attribute as its origin."""
    out: list[Declared] = []

    def hint(name: str, attribute: str, read: Callable[[str], str | None]) -> None:
        value = el.get(attribute)
        found = read(value) if value is not None else None
        if found is not None:
            out.append((_HINT_PRIORITY, name, found, False, f"{attribute} attribute"))

    if tag in _BGCOLOR_TAGS:
        hint("background-color", "bgcolor", legacy_color)
        if tag in _BACKGROUND_TAGS:
            hint("background-image", "background", _legacy_image)
    if tag == "font":
        hint("color", "color", legacy_color)
        hint("font-size", "size", legacy_font_size)
        hint("font-family", "face", _legacy_face)
    elif tag == "hr":
        # a rule's colour is its background (Chromium paints the rule as a box); noshade
        # without a colour paints it dark grey
        if el.get("color") is not None:
            hint("background-color", "color", legacy_color)
        elif el.get("noshade") is not None:
            out.append((_HINT_PRIORITY, "background-color", "#808080", False,
                        "noshade attribute"))
    elif tag == "body":
        hint("color", "text", legacy_color)
    elif link_color is not None and tag in _LINK_TAGS and el.get("href") is not None:
        out.append((_HINT_PRIORITY, "color", link_color, False, "link attribute of <body>"))
    return out


def _legacy_face(value: str) -> str | None:
    """``<font face>``: its families as written; an empty one sets none."""
    return value if value.strip() else None


# The presentation attributes of SVG elements that set a property rules read
_PRESENTATION_ATTRIBUTES = ("display", "visibility", "opacity", "color", "font-size",
                            "font-weight")
# HTML elements a browser's parser never leaves inside <svg> (HTML, "parsing in foreign
# content": they end it); lxml's parser keeps them there, as HTML elements
_SVG_BREAKOUT = frozenset((
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
    "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
    "sub", "sup", "table", "tt", "u", "ul", "var", "font", "html"))


_MATH_FUNCTIONS = ("calc(", "min(", "max(", "clamp(")


def _presentation_valid(name: str, value: str) -> bool:
    """A presentation attribute's value is one its property takes; an invalid one is ignored,
    as a browser ignores it. A value that cannot be worked out here (``calc()``, a word
    that may be a system colour) is kept, and is unknown."""
    lower = value.lower()
    if lower in _RESETS or lower.startswith(_MATH_FUNCTIONS):
        return True
    if name == "color":
        return lower.isalpha() or parse_color(value) is not None
    if name == "opacity":
        return _number(lower) is not None
    if name == "font-size":
        # (ex and ch are valid, but the font's metrics they read are not known here)
        return font_size(lower, 16.0, 16.0, DEFAULT_VIEWPORT) is not None or (
            lower[-2:] in ("ex", "ch") and _size_number(lower) is not None)
    if name == "font-weight":
        return font_weight(lower, 400) is not None
    if name == "visibility":
        return lower in ("visible", "hidden", "collapse")
    return lower.replace("-", "").replace(" ", "").isalpha()      # display's keywords


def _svg_element(el: Element) -> bool:
    """``el`` is an SVG element: ``<svg>``, or inside one and not in a ``<foreignObject>``
    (whose content is HTML again), nor an HTML element the browser's parser takes out of it."""
    return _foreign(el, ("svg",))


def _foreign(el: Element, roots: tuple[str, ...] = ("svg", "math")) -> bool:
    """``el`` is an element of the foreign content ``roots`` start (SVG, MathML): such a root,
    or inside one and not in a ``<foreignObject>`` (whose content is HTML again), nor an HTML
    element the browser's parser takes out of it."""
    node: Element | None = el
    while node is not None:
        tag = node.tag
        if tag in roots:
            return True
        if tag in _SVG_BREAKOUT or (tag == "foreignobject" and node is not el):
            return False
        node = node.getparent()
    return False


def _legacy_image(value: str) -> str | None:
    """A ``background`` attribute's image (its address is not read: any image is enough to
    leave the backdrop unknown), None when empty."""
    return "url(image)" if value.strip() else None


@functools.lru_cache(maxsize=1024)
def legacy_color(value: str) -> str | None:
    """HTML's "rules for parsing a legacy colour value": the colour of ``bgcolor="#fc0"``,
    ``color="red"`` or ``text="FFFFFF"`` (a CSS colour, as ``#rrggbb`` or a name), None for
    an empty value, ``transparent``, or no colour. Junk is read as the browsers read it
    (``"chucknorris"`` is ``#c00000``)."""
    text = value.strip(" \t\n\f\r")
    lower = text.lower()
    if not text or lower == "transparent":
        return None
    if lower.isalpha() and lower != "currentcolor" and parse_color(lower) is not None:
        return lower                # a named colour (system colours parse to None)
    if len(text) == 4 and text[0] == "#" and all(c in _HEX for c in text[1:]):
        return "#" + "".join(c * 2 for c in text[1:].lower())
    text = "".join("00" if ord(c) > 0xFFFF else c for c in text)[:128]
    if text[:1] == "#":
        text = text[1:]
    digits = "".join(c if c in _HEX else "0" for c in text)
    while not digits or len(digits) % 3:
        digits += "0"
    length = len(digits) // 3
    parts = [digits[i * length:(i + 1) * length] for i in range(3)]
    if length > 8:
        parts = [part[length - 8:] for part in parts]
        length = 8
    while length > 2 and all(part[0] == "0" for part in parts):
        parts = [part[1:] for part in parts]
        length -= 1
    return "#" + "".join(part[:2].rjust(2, "0") for part in parts).lower()


_HEX = frozenset("0123456789abcdefABCDEF")


def legacy_font_size(value: str) -> str | None:
    """HTML's "rules for parsing a legacy font size": ``<font size="2">`` is ``small``,
    ``"+1"`` is ``large`` (relative to 3), clamped to 1-7; None for no number."""
    match = re.match(r"[ \t\n\f\r]*([+-]?)(\d+)", value)
    if match is None:
        return None
    number = int(match.group(2)[:9])
    sign = match.group(1)
    number = 3 + number if sign == "+" else 3 - number if sign == "-" else number
    return _LEGACY_SIZES[min(7, max(1, number)) - 1]


_UNKNOWN_VALUE = ("var(", "env(", "attr(")


def _may_hide(declarations: tuple[Declaration, ...]) -> bool:
    """Some declaration may stop an element being rendered: ``display: none``,
    ``visibility: hidden``/``collapse``, ``content-visibility: hidden``, or one of those
    properties with a value known only at run time (``var()``...)."""
    for name, value, _ in declarations:
        if name not in RENDERING:
            continue
        lower = value.strip().lower()
        if any(unknown in lower for unknown in _UNKNOWN_VALUE) or (
                lower.split()[:1] == ["none"] if name == "display"
                else lower in ("hidden", "collapse")):
            return True
    return False


# A ::before or ::after pseudo-element at the end of a selector (CSS 2's one-colon spelling
# too), and a declaration of generated content that is not none or normal
_BEFORE_AFTER = re.compile(r"::?(?:before|after)\s*$", re.I)
_CONTENT = re.compile(r"(?:^|[;{\s])content\s*:\s*(?!\s*(?:none|normal)\s*(?:!\s*important\s*)?"
                      r"(?:;|$))[^;\s]", re.I)


def _generating_rules(sheet: Stylesheet) -> list[tuple[str, Callable[[Element], bool]]]:
    """The selectors of a sheet's rules that give a ``::before`` or ``::after`` content
    (see :meth:`Cascade.generated`), each with the test of its element (the selector
    without the pseudo-element); a selector not judged statically matches every element."""
    found: list[tuple[str, Callable[[Element], bool]]] = []
    for prelude, body, _ in sheet.raw:
        if "before" not in prelude.lower() and "after" not in prelude.lower():
            continue
        # (a sheet's comments are gone: css._scan)
        if "content" not in body.lower() or not _CONTENT.search(body):
            continue
        read = chromium_prelude(prelude)
        if read is None:
            continue            # a selector Chromium does not read: the rule is dropped
        for selector in split_selectors(read):
            cut = _BEFORE_AFTER.search(selector)
            if cut is None:
                continue
            owner = selector[:cut.start()].rstrip() or "*"
            if PSEUDO_ELEMENT.search(owner):
                continue        # a pseudo-element not at the end: invalid, dropped
            if owner[-1] in ">+~":
                owner += " *"
            compiled = compile_selector(owner)
            if compiled is None:
                found.append((selector, _every))
            elif compiled[0] is not never:
                found.append((selector, compiled[0]))
    return found


def _every(el: Element) -> bool:
    return True


def _sheet_undecided(sheet: Stylesheet, judge: Callable[[str], bool | None],
                     vendor: bool = True) -> list[tuple[str, str, str, str, bool]]:
    """The rules of one stylesheet not evaluated whose body ``judge`` judges (not None),
    with its answer: :attr:`Cascade.undecided` (:func:`_hides_from_sight_only`) and
    :attr:`Cascade.repaints` (:func:`_repaints`). Without ``vendor``, the selectors with a
    vendor pseudo-class are left out (``input:-webkit-autofill``: form parts and browser
    states; those Chromium does not read at all, ``input:-moz-placeholder``, are dropped with
    their rule before, see supports.chromium_prelude)."""
    out = []
    for origin, selectors, body, why in sheet.undecided:
        sight_only = judge(body)
        if sight_only is None or chromium_prelude(selectors) is None:
            continue
        for selector in split_selectors(selectors):
            if len(selector) > _UNDECIDED_CHARS:
                selector = "*"      # (matched as any element: the test is not linear)
            key = selector_key(selector)
            if key is None and ":-" in selector and (wide := widened(selector)) is not None:
                selector = wide[0]          # (a vendor pseudo-class reads as an element)
                key = selector_key(selector)
            if key is not None:
                out.append((key, selector, _shown(origin), why, sight_only))
    for order, selector in list(sheet.suspects):
        if not vendor and ":-" in selector:
            continue
        sight_only = judge(sheet.raw[order][1])
        if sight_only is None:
            continue
        wide = widened(selector)
        if wide is not None and (key := selector_key(wide[0])) is not None:
            out.append((key, wide[0], _shown(f"'{selector}'"), wide[1], sight_only))
    return out


_SHOWN_CHARS = 200


def _shown(origin: str) -> str:
    """A rule's origin as findings name it, cut where a hostile selector runs on."""
    return origin if len(origin) <= _SHOWN_CHARS else origin[:_SHOWN_CHARS - 1] + "…"


def _repaints(body: str) -> bool | None:
    """Whether a rule with these declarations may change how the text of what it matches,
    or inside it, is painted (see Cascade.repaint_doubt): True when it may change its size
    too (a font size or weight, or a custom property), False when only its colours, None
    when neither."""
    found = None
    for name, _, _ in parse_declarations(body):
        if name in _RESIZING or name[:2] == "--":
            return True
        if name in _REPAINTING:
            found = False
    return found


# What changes how text is painted: its colours, and so its contrast (the contrast rules),
# or its size and weight (large text's threshold)
_REPAINTING = frozenset((
    "color", "background", "background-color", "background-image", "opacity", "filter",
    "mix-blend-mode", "text-shadow", "-webkit-text-fill-color", "font", "font-size",
    "font-weight"))
_RESIZING = frozenset(("font", "font-size", "font-weight"))


def _hides_from_sight_only(body: str) -> bool | None:
    """How a rule with these declarations may hide what it matches: False when it may stop
    it being rendered (:func:`_may_hide`), True when only from sight
    (:func:`_may_hide_from_sight`), None when it cannot hide it."""
    declarations = parse_declarations(body)
    if _may_hide(declarations):
        return False
    return True if _may_hide_from_sight(declarations) else None


def _may_hide_from_sight(declarations: tuple[Declaration, ...]) -> bool:
    """Some declaration may hide an element from sight (:func:`visually_hidden_reason`,
    whose other conditions, such as ``position: absolute``, may come from other rules):
    ``clip``, ``clip-path``, ``opacity: 0``, a ``transform`` that scales, a negative offset,
    a size of at most 1px, or one of those with a value known only at run time."""
    for name, value, _ in declarations:
        if name not in _SIGHT_READS or name == "position":
            continue
        lower = value.strip().lower()
        if any(unknown in lower for unknown in _UNKNOWN_VALUE) or "calc(" in lower:
            return True
        if name in ("clip", "clip-path"):
            if lower not in ("auto", "none", "initial", "unset", "inherit"):
                return True
        elif name == "opacity":
            if _number(lower) == 0:
                return True
        elif name == "transform":
            if "scale" in lower:
                return True
        elif name in _SIZES:
            size = _OFFSET.match(lower)
            if size and float(size.group(1)) <= 1 and size.group(2) in (None, "px"):
                return True
        elif lower.startswith("-"):
            return True
    return False


_UNDECIDED_CHARS = 2000     # longer selectors of undecided rules match any element


@functools.lru_cache(maxsize=4096)
def _undecided_test(selector: str) -> Callable[[Element], bool] | None:
    """The test of a selector of :attr:`Cascade.undecided`, widened where it is not judged
    (:func:`widened`); None when it cannot be read at all (it matches nothing in browsers)."""
    compiled = compile_selector(selector)
    if compiled is None and (wide := widened(selector)) is not None:
        compiled = compile_selector(wide[0])
    return compiled[0] if compiled is not None else None


def cascade_of(page: Page) -> Cascade:
    """The page's cascade, built once (the environment is ``page.style_environment``)."""
    env = getattr(page, "style_environment", None) or DEFAULT_ENVIRONMENT
    return page.memo("cascade", lambda p: Cascade(p, env))


# -- hidden: not rendered, and visually hidden ----------------------------------------------

_RECT_NUMBERS = re.compile(NUMBER)
_OFFSET = re.compile(rf"^({NUMBER})(px|em|rem|%|vw|vh)?$")


def _length_px(value: str, style: Style, viewport: Viewport) -> float | None:
    match = _OFFSET.match(value.strip())
    if not match:
        return None
    number = float(match.group(1))
    unit = match.group(2)
    if unit == "px" or not number:
        return number
    if unit is None:
        # a number without a unit (a page in quirks mode reads one in px before, see
        # css.quirky_value): in a shorthand that takes no quirk ("inset: 50"), which
        # browsers drop; not judged
        return None
    if unit in ("em", "rem"):
        return number * (style.font_size or 16.0)
    if unit == "vw":
        return number * viewport.width / 100
    if unit == "vh":
        return number * viewport.height / 100
    return None


_INSET_ALL = re.compile(r"inset\(\s*(50|100)(\.0+)?%")
_NO_SHAPE = re.compile(r"(circle|ellipse)\(\s*0(px|%)?\s*[\s)]")
_CLIPPING = frozenset(("hidden", "clip"))
_SCALE_ZERO = re.compile(r"scale[xy]?\(\s*0(\.0+)?\s*[,)]")


# One translation (Cascade._translated_off): translate(x[, y]), translateX/Y(), translate3d()
_TRANSLATE = re.compile(r"^translate(x|y|3d)?\((.*)\)$")
# A translation's length: a percentage or a length, or calc() of one of each added
_SHIFT_TERMS = re.compile(r"([+-]?(?:\d+(?:\.\d*)?|\.\d+))(%|px)?\s*(?:([+-])\s*"
                          r"((?:\d+(?:\.\d*)?|\.\d+))(%|px)?)?")


def _percent_and_px(text: str) -> tuple[float, float] | None:
    """A translation's length as (percentage of the box's size, pixels): ``-100%``,
    ``calc(-100% - 20px)``, ``-40px``, ``0``; None for anything else."""
    text = text.strip()
    if text.startswith("calc(") and text.endswith(")"):
        text = text[5:-1].strip()
    found = _SHIFT_TERMS.fullmatch(text)
    if found is None:
        return None
    first, unit, sign, second, second_unit = found.groups()
    percent = px = 0.0
    for number, kind in ((float(first), unit), (
            0.0 if second is None else float(second) * (-1 if sign == "-" else 1),
            second_unit)):
        if kind == "%":
            percent += number
        elif kind == "px" or number == 0:
            px += number
        else:
            return None         # a unitless length other than 0
    return percent, px


# The reasons of visually_hidden_reason that an inline box escapes
_BOX_REASONS = ("width:", "height:", "max-width:", "max-height:", "transform:")
# The sizes that, at 1px or less with overflow hidden, hide a box's contents (a collapsed
# accordion's max-height: 0 among them; min-height, which would win, is not read)
_SIZES = ("width", "height", "max-width", "max-height")
# Elements whose inline box is atomic (replaced, or a control's): sizes and transforms apply
_REPLACED_INLINE = frozenset(("img", "svg", "video", "audio", "canvas", "iframe", "embed",
                              "object", "input", "select", "textarea", "button", "math",
                              "meter", "progress"))
# The displays whose children are blockified (flex and grid items)
_ITEM_CONTAINERS = frozenset(("flex", "inline-flex", "grid", "inline-grid", "-webkit-box",
                              "-webkit-inline-box"))


def visually_hidden_reason(style: Style, viewport: Viewport = DEFAULT_VIEWPORT,
                           inline: bool = False) -> str | None:
    """Why a rendered element with this style is hidden from sight (it stays in the
    accessibility tree): the sr-only clip patterns, off-screen positioning, zero size with
    overflow hidden, zero opacity, ``scale(0)``. None when nothing hides it. ``inline``: the
    element is an inline box (Cascade.inline_box), which sizes and transforms leave as it is.

    Zero size is read from ``width`` and ``height`` alone: ``padding`` is not tracked, so the
    aspect-ratio box (``height: 0; padding-bottom: 56.25%; overflow: hidden``) counts as
    hidden, where a browser shows what sits over its padding (see the README, "Against
    Chromium's computed styles"; reading padding was measured and left out)."""
    values = style.values
    positioned = style.position in ("absolute", "fixed")
    clip = values.get("clip", "")
    if positioned and clip.startswith("rect("):
        numbers = [float(n) for n in _RECT_NUMBERS.findall(clip)]
        if len(numbers) == 4 and (abs(numbers[2] - numbers[0]) <= 1
                                  or abs(numbers[1] - numbers[3]) <= 1):
            return f"clip: {clip}"
    clip_path = values.get("clip-path", "")
    if clip_path and (_INSET_ALL.match(clip_path) or _NO_SHAPE.match(clip_path)):
        return f"clip-path: {clip_path}"
    if positioned:
        for side in ("left", "top", "right"):
            offset = values.get(side)
            if offset:
                pixels = _length_px(offset, style, viewport)
                if pixels is not None and pixels <= -999:
                    return f"{side}: {offset} (off-screen)"
    if not inline and (values.get("overflow-x") in _CLIPPING
                       or values.get("overflow-y") in _CLIPPING):
        for side in _SIZES:
            size = values.get(side)
            if size:
                pixels = _length_px(size, style, viewport)
                if pixels is not None and pixels <= 1:
                    return f"{side}: {size} with overflow hidden"
    if style.opacity is not None and style.opacity == 0:
        return "opacity: 0"
    transform = values.get("transform", "")
    if transform and not inline and _SCALE_ZERO.match(transform):
        return f"transform: {transform}"
    return None


def winning(declared: list[Declared], longhand: str) -> tuple[str, bool, str] | None:
    """The value (as written, shorthands expanded), importance and origin of the declaration
    of ``longhand`` that wins among an element's declarations (:meth:`Cascade.declarations`,
    lowest priority first); None when none sets it."""
    found = None
    for _, name, value, important, origin in declared:
        if name == longhand:
            found = (value.strip(), important, origin)
        elif name in _SHORTHANDS:
            for part_name, part in _expand(name, value):
                if part_name == longhand:
                    found = (part.strip(), important, origin)
    return found


_BORDER_WIDTH_PX = {"thin": 1.0, "medium": 3.0, "thick": 5.0}


def edge_drawn(style: Style, edge: str) -> bool | None:
    """The border edge (``border-top``, ``border-bottom``) or the ``outline`` of an element
    with this style is drawn: a style other than none, a width above 0 and a colour that is
    not transparent; None when one of them is not known."""
    values = style.values
    kind = values.get(f"{edge}-style", "none")
    if kind in ("none", "hidden"):
        return False
    width = values.get(f"{edge}-width", "medium")
    colour = values.get(f"{edge}-color", "currentcolor")
    if "var()" in kind or "var()" in width or "var()" in colour:
        return None
    size = _BORDER_WIDTH_PX.get(width)
    if size is None:
        found = _SIZE.match(width)
        if found is None:
            return None
        size = float(found.group(1))
    if size <= 0:
        return False
    paint = style.color if colour == "currentcolor" else parse_color(colour)
    if paint is None:
        return None
    return paint[3] > 0


def text_hidden_reason(style: Style, viewport: Viewport = DEFAULT_VIEWPORT,
                       block: Style | None = None) -> str | None:
    """Why the element's own text cannot be seen although its box may be: a large negative
    ``text-indent`` (image replacement: the indent of ``block``'s style, where the element
    is an inline box in that block), ``font-size: 0``, transparent text."""
    indented = style if block is None else block
    indent = indented.values.get("text-indent")
    if indent:
        pixels = _length_px(indent, indented, viewport)
        if pixels is not None and pixels <= -999:
            return f"text-indent: {indent}"
    if style.font_size is not None and style.font_size == 0:
        return "font-size: 0"
    if style.color is not None and style.color[3] == 0:
        return "color: transparent"
    return None
