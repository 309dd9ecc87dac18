"""A link that opens a new window or a file (PDF, Word...) says so.

A link that opens a new tab takes screen reader and screen magnifier users somewhere they did
not expect, and the Back button stops working; a link to a PDF or Word file opens another
application or starts a download. WCAG technique G201 ("Giving users advanced warning when
opening a new window") and bbc-a11y's guideline "Links to alternative formats must indicate
that an alternative is opening" (BBC standard 45, "Links: Links to alternative formats") ask for
a cue in the link text or in hidden text.

No axe-core counterpart. Applicable: rendered links with ``target="_blank"`` (or another new
browsing context name such as ``_new``) or whose ``href`` ends in a file extension of the
``file-extensions`` option. The cue is looked for in the accessible name and description (incl.
visually hidden text, an icon's alt text, ``aria-describedby``) in English, Spanish, French,
German and Portuguese, plus the ``cue-patterns`` option. A best practice (G201 is advisory), so
minor; ``new-window = false`` keeps only the file half, for newsrooms that open every external
link in a new tab by policy.

Fails::

    <a href="https://example.org/report" target="_blank">The full report</a>

    <a href="/files/budget-2024.pdf">Budget 2024</a>

Passes::

    <a href="https://example.org/report" target="_blank">The full report
      <span class="visually-hidden">(opens in a new tab)</span></a>

    <a href="/files/budget-2024.pdf">Budget 2024 (PDF, 2 MB)</a>

cantTell: a link whose class names an external or new-window icon (``external``, ``new-window``,
``icon-pdf``...): a stylesheet may add a visible cue (``::after``) that static HTML cannot read.

Limits: a cue elsewhere (a sentence before a list of links) is not seen; links that a script
opens in a new window are not seen.

Options
-------

``file-extensions`` (list of strings)
    Default: pdf, doc, docx, xls, xlsx, ppt, pptx, odt, ods, odp, rtf, csv, zip, epub.
    Link targets with these extensions are files the reader should be warned about.

``cue-patterns`` (list of regular expressions, default none)
    More patterns that count as a cue in the link's name or description (case is ignored).

``new-window`` (true or false, default true)
    Check ``target=_blank`` links too; false checks only links to files.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from a11y_audit.checks.holes import holds_hole
from a11y_audit.dom import id_refs, normalize_space, text_content
from a11y_audit.knowledge import bbc
from a11y_audit.page import Link
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="link-new-window-or-file",
    impact="minor",
    wcag=(),
    tags=("news", "cat.name-role-value"),
    axe=False,
    help_url=bbc.url("links/links-to-alternative-formats"),
    help="Add \"(opens in a new tab)\" or \"(PDF, 2 MB)\" to the link, visibly or in hidden text",
    template_values=("content", "target", "aria-describedby"),
)

CUES = (r"new (?:window|tab)", r"\bexternal\b", r"\bpdf\b", r"\bdocx?\b", r"\bword\b",
        r"\bexcel\b", r"\bxlsx?\b", r"\bpowerpoint\b", r"\bpptx?\b", r"\bcsv\b", r"\bzip\b",
        r"\bdownload", r"\bopens?\b", r"\bmb\b", r"\bkb\b",
        r"nueva (?:ventana|pestaña)", r"\bdescarga", r"\babre\b",
        r"nouvel(?:le)? (?:fenêtre|onglet)", r"\btélécharg", r"\bouvre\b",
        r"neue[ms]? (?:fenster|tab)", r"\bherunterladen\b", r"\böffnet\b",
        r"nova (?:janela|aba|guia)", r"\bbaixar\b", r"\babre\b")
# A word each cue's every match holds, in the cue's order: the cue pattern (27 branches, most
# behind a \b) costs ~25 us a link name, and almost no name holds any of these words.
CUE_WORDS = ("new ", "external", "pdf", "doc", "word", "excel", "xls", "powerpoint", "ppt",
             "csv", "zip", "download", "open", "mb", "kb", "nueva ", "descarga", "abre",
             "nouvel", "télécharg", "ouvre", "neue", "herunterladen", "öffnet", "nova ",
             "baixar", "abre")
_ASCII_WORDS = tuple(dict.fromkeys(word for word in CUE_WORDS if word.isascii()))

OPTIONS: dict[str, Any] = {
    "file-extensions": ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods",
                        "odp", "rtf", "csv", "zip", "epub"],
    # More regular expressions that count as a cue (case is ignored).
    "cue-patterns": [],
    # Check target=_blank links too (false: only links to files).
    "new-window": True,
}

_ICON = re.compile(r"external|new-?window|new-?tab|icon-?(?:pdf|doc|file|download)|"
                   r"(?:pdf|file|download)-?icon", re.I)
_SELF = frozenset(("", "_self", "_parent", "_top"))


def check(page: Page, options: dict[str, Any]) -> Results:
    cue, files = _patterns(tuple(options["cue-patterns"]), tuple(options["file-extensions"]))
    new_windows = bool(options["new-window"])
    extensions = _dotted(tuple(options["file-extensions"]))
    # Most links have no target: a set test against the attribute index rather than
    # el.get("target") per link (~1,500 instructions even for an absent attribute)
    targeted = set(page.by_attribute.get("target", ())) if new_windows else ()
    # likewise for the title and aria-describedby read of each link judged (the title
    # holders are the name computation's, read already)
    titled, described = page.holders("title"), page.holders("aria-describedby")
    if files is not None and not _may_link_file(page.links, extensions):
        files = None    # no address holds an extension: each is not asked
    for link in page.links:
        if link.hidden:     # (hidden covers not rendered)
            continue
        el = link.element
        target = el.get("target") if el in targeted else None
        new_window = target is not None and target.strip().lower() not in _SELF
        # (the file test only where it decides: a new-window link is judged as one)
        if not new_window and (files is None or not _is_file(files, extensions,
                                                             link.href.strip().split("#", 1)[0])):
            continue
        name = page.name(el)
        what = "opens a new window" if new_window else "opens a file"
        if not name:
            if page.template is not None and holds_hole(el):
                # (an icon an include writes may carry the cue: "opens in a new tab")
                yield RULE.cant_tell(el, f"The link {what}; an include or a block writes "
                                         "its content, where the rendered page may say so")
            continue  # link-name reports a link without a name
        description = _description(page, el) if el in described else ""
        title = (el.get("title") or "") if el in titled else ""
        words = f"{name} {description} {title}"
        if (options["cue-patterns"] or _may_cue(words)) and cue.search(words):
            yield RULE.ok(el, f"The link {what} and says so")
        elif _ICON.search(" ".join(_classes(page, el))):
            yield RULE.cant_tell(el, f"The link {what}; its class suggests an icon a "
                                     "stylesheet adds, which static HTML cannot read")
        else:
            yield RULE.fail(el, f"Link \"{name[:80]}\" {what} without saying so")


@functools.lru_cache(maxsize=32)
def _patterns(cues: tuple[str, ...], extensions: tuple[str, ...]
              ) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The cue pattern and the file-extension pattern for these options, built once a run
    rather than once a page."""
    cue = re.compile("|".join((*CUES, *cues)), re.I)
    files = re.compile(r"\.(?:" + "|".join(re.escape(e) for e in extensions)
                       + r")(?:$|[?#])", re.I) if extensions else None
    return cue, files


def _may_cue(words: str) -> bool:
    """The cue pattern can match ``words``: one of the cues' words is in them. ASCII text is
    tested by lower-case containment, which for ASCII text and these words is what
    ``re.IGNORECASE`` compares (é, ö... have no ASCII twin under it; the Kelvin sign and the
    long s, which do, are in no cue); other text always goes to the pattern."""
    if not words.isascii():
        return True
    lowered = words.lower()
    for word in _ASCII_WORDS:  # noqa: SIM110 (a loop: any() of a generator costs more)
        if word in lowered:
            return True
    return False


@functools.lru_cache(maxsize=32)
def _dotted(extensions: tuple[str, ...]) -> tuple[str, ...] | None:
    """``.pdf``, ``.doc``... lower-case, for :func:`_is_file`; None when an extension is not
    plain ASCII (then the pattern decides)."""
    if not all(e.isascii() for e in extensions):
        return None
    return tuple(f".{e.lower()}" for e in extensions)


def _may_link_file(links: list[Link], dotted: tuple[str, ...] | None) -> bool:
    """Whether a link's address may end with one of the extensions: ``.pdf``... is in the
    addresses joined, in lower case. Most pages link no file (161 of the 181 corpus pages
    hold no extension at all): one search of all the addresses, instead of :func:`_is_file`
    for each link (a Python call, a split, a lower case). Addresses that are not all ASCII
    are each asked (the pattern ignores case with more equivalents, as the long s for s)."""
    if dotted is None:
        return True
    joined = "\n".join([link.href for link in links])
    return not joined.isascii() or _dotted_pattern(dotted).search(joined.lower()) is not None


@functools.lru_cache(maxsize=32)
def _dotted_pattern(dotted: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, dotted)))


def _is_file(files: re.Pattern[str], dotted: tuple[str, ...] | None, href: str) -> bool:
    """``files.search(href)``: an extension right before the end or a ``?``. For an ASCII
    address, each piece between question marks is tested for ending with one (what the
    pattern finds, without a regular-expression scan of every address). A line break goes to
    the pattern: its ``$`` also matches before a last one."""
    if dotted is None or not href.isascii() or "\n" in href:
        return files.search(href) is not None
    if "?" not in href:     # (most addresses)
        return href.lower().endswith(dotted)
    return any(piece.lower().endswith(dotted) for piece in href.split("?"))


def _classes(page: Page, el: Element) -> list[str]:
    """The class values of the link and of the nodes inside it, read from the page's class
    values (shared with the cascade: a dict look-up each, not lxml's get at ~1,000
    instructions); the descendants walked only when the link has children (lxml's
    iterator costs ~5,000 instructions to set up; two judged links in three are text alone)."""
    class_of = page.values("class").get
    out = [class_of(el) or ""]
    if len(el):
        out.extend(class_of(node) or "" for node in el.iterdescendants())
    return out


def _description(page: Page, el: Element) -> str:
    parts = []
    for ref in id_refs(el.get("aria-describedby")):
        target = page.ids.get(ref)
        if target is not None:
            parts.append(normalize_space(text_content(target, 200)))
    return " ".join(parts)
