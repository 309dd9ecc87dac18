"""WordPress posts as an export holds them: the story bodies of a WordPress newsroom's archive.

A WordPress export (WXR: Tools > Export, or ``wp export``) is an RSS file whose items are the
site's posts and pages, each with its body as the editor saved it (``content:encoded``). A
newsroom's archive is there, offline, without fetching a page. WordPress renders a body
through ``the_content`` before it writes it into the theme; :func:`render` does what of that
decides accessibility and can be done without the site, keeping every line where it was
(findings name the export's lines):

- core's media shortcodes: ``[caption]`` is the captioned photo of a classic post, written as
  WordPress writes it for a theme that supports HTML5 captions (``<figure class="wp-caption">``
  with the image, and the caption as its ``<figcaption>``); ``[embed]``, ``[gallery]``,
  ``[audio]``, ``[video]`` and ``[playlist]`` write markup that the site decides (oEmbed, the
  media library): holes. Other shortcodes are plugins' and are left as written (WordPress
  writes an unregistered one as its text);
- a classic post's paragraphs, as ``wpautop`` writes them (:func:`autop`): text parted by a
  blank line, or by a block element's tag, is a paragraph, a line break in it a ``<br />``.
  A post written in the block editor (``<!-- wp:paragraph -->``) is saved as its HTML and
  gets none of this.

The block markup itself (a dynamic block, ``<!-- wp:latest-posts /-->``, renders what the
site holds) is read by the template reader's WordPress family
(:mod:`a11y_audit.templates`). Knowledge floor: text in, text out.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re

from a11y_audit.scanning import NextFinder

# A hole: markup the site writes (see a11y_audit.templates.is_hole)
_HOLE = "<!--@-->"
# Core's shortcodes whose markup the site decides
_MEDIA = ("embed", "gallery", "audio", "video", "playlist")
_SHORTCODE_OPENING = re.compile(r"\[(caption|wp_caption|embed|gallery|audio|video|playlist)\b")
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'\]]+))""")
# The image, with its link, that a caption holds, and the caption after it (as core reads it)
_CAPTIONED = re.compile(r"\s*((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(.*)", re.S | re.I)
# wpautop's block elements: a paragraph ends before each one's start tag and after each one's
# end tag (and after <hr>)
_BLOCKS = ("table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|"
           "form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|"
           "article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary")
_BLOCK_START = re.compile(rf"<(?:{_BLOCKS})[\s/>]", re.I)
_BLOCK_END = re.compile(rf"</(?:{_BLOCKS})>|<hr\s*/?>", re.I)
# A body is read as comments, tags and the text between them
_TOKEN = re.compile(r"<!--.*?(?:-->|\Z)|<[^>]*>?", re.S)
# ... and the elements whose content wpautop keeps as written: a <pre>'s, and (no <br />
# inside) a <script>'s, <style>'s, <svg>'s, <math>'s; each one that is closed
_RAW = ("pre", "script", "style", "svg", "math")
_RAW_START = re.compile(r"<(pre|script|style|svg|math)(?=[\s/>])", re.I)
# The white space wpautop takes out before it parts paragraphs, where the body holds what
# calls for it: (what calls for it, the tag, the side: -1 before it, 1 after it, 0 both)
_COLLAPSING = (
    (("<option",), re.compile(r"<option\b", re.I), -1),
    (("<option",), re.compile(r"</option>", re.I), 1),
    (("</object>",), re.compile(r"<object\b", re.I), 1),
    (("</object>",), re.compile(r"</object>", re.I), -1),
    (("</object>",), re.compile(r"</?(?:param|embed)\b", re.I), 0),
    (("<source", "<track"), re.compile(r"<(?:audio|video)\b", re.I), 1),
    (("<source", "<track"), re.compile(r"</(?:audio|video)>", re.I), -1),
    (("<source", "<track"), re.compile(r"<(?:source|track)\b", re.I), 0),
    (("<figcaption",), re.compile(r"<figcaption\b", re.I), -1),
    (("<figcaption",), re.compile(r"</figcaption>", re.I), 1),
)
_BR = re.compile(r"<br\s*/?>", re.I)
_BLANK_LINE = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"(?<!<br />)\s*\n")
# The clean-ups of a paragraph once wrapped in <p>, in wpautop's order: a <p> of white space;
# a paragraph left open in a <div>, <address> or <form> is closed before its end tag; a block
# tag alone in a paragraph, and an <li> in one, are unwrapped; a blockquote's paragraph moves
# inside it; a <p> before a block tag goes, and a </p> after one; then, once its line breaks
# are <br />, a <br /> after a block tag, and one before the end of a paragraph, list,
# division or cell. (A tag is read to its ">" or to the next "<", so that no pattern reads
# the rest of a paragraph again at each "<".)
_EMPTY = re.compile(r"<p>\s*</p>")
_LEFT_OPEN = re.compile(r"<p>([^<]+)</(div|address|form)>")
_ALONE = re.compile(rf"<p>\s*(</?(?:{_BLOCKS})[^<>]*>)\s*</p>", re.I)
_LIST_ITEM = re.compile(r"<p>(<li.+?)</p>")
_QUOTE = re.compile(r"<p><blockquote([^<>]*)>", re.I)
_P_BEFORE_BLOCK = re.compile(rf"<p>\s*(</?(?:{_BLOCKS})[^<>]*>)", re.I)
_P_AFTER_BLOCK = re.compile(rf"(</?(?:{_BLOCKS})[^<>]*>)\s*</p>", re.I)
_BR_AFTER_BLOCK = re.compile(rf"(</?(?:{_BLOCKS})[^<>]*>)\s*<br />", re.I)
_BR_BEFORE_END = re.compile(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^<>]*>)",
                            re.I)
_WP_BLOCKS = re.compile(r"<!--\s+wp:")


def render(body: str) -> str:
    """The markup WordPress writes for a post's ``body``, as many lines long (see the module
    docstring)."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    body = _shortcodes(body)
    if _WP_BLOCKS.search(body) is None:
        body = autop(body)
    return body


def _shortcodes(body: str) -> str:
    """Core's media shortcodes written (see the module docstring). Each closing tag is
    looked for once for all openings before it (an opening never closed costs no more)."""
    out: list[str] = []
    at = 0
    find = NextFinder(body).find
    for m in _SHORTCODE_OPENING.finditer(body):
        start = m.start()
        if start < at:
            continue
        name = m[1].lower()
        end = find("]", m.end())
        if end < 0:
            break
        # (another opening before the "]", or a blank line: no shortcode; looked for no
        # further than the next "[", so that a run of openings is read once)
        if body.find("[", m.end(), end) >= 0 or body.find("\n\n", m.end(), end) >= 0:
            continue
        attributes = body[m.end():end]
        stop = end + 1
        content = ""
        closing = f"[/{name}]"
        found = find(closing, stop)
        if found >= 0 and (name in ("caption", "wp_caption") or body.find(
                "[" + name, stop, found) < 0):
            content = body[stop:found]
            stop = found + len(closing)
        elif name in ("caption", "wp_caption"):
            continue        # (a caption never closed: its text, as WordPress writes it)
        written = body[start:stop]
        markup = _HOLE if name in _MEDIA else _caption(_attributes(attributes), content)
        out += (body[at:start], markup, "\n" * written.count("\n"))
        at = stop
    out.append(body[at:])
    return "".join(out)


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(text):
        found[m[1].lower()] = next(v for v in (m[2], m[3], m[4], "") if v is not None)
    return found


def _caption(attributes: dict[str, str], content: str) -> str:
    """``[caption]`` as core writes it with HTML5 captions: the image in a ``<figure>``, the
    caption (its attribute, else the text after the image) its ``<figcaption>``; without a
    caption, the content alone. Its line breaks are the caller's to keep."""
    caption = attributes.get("caption", "")
    if not caption:
        m = _CAPTIONED.match(content)
        if m is not None:
            content, caption = m[1], m[2].strip()
    content = content.replace("\n", " ").strip()
    caption = caption.replace("\n", " ").strip()
    if not caption:
        return content
    identifier = attributes.get("id", "")
    label = ""
    if identifier:
        label = (f' id="{html.escape(identifier)}" aria-describedby="caption-'
                 f'{html.escape(identifier)}"')
    align = html.escape(attributes.get("align", "alignnone"))
    caption_id = f' id="caption-{html.escape(identifier)}"' if identifier else ""
    return (f'<figure{label} class="wp-caption {align}">{content}'
            f'<figcaption{caption_id} class="wp-caption-text">{caption}</figcaption></figure>')


def autop(body: str) -> str:
    """A classic post's paragraphs, as WordPress's ``wpautop`` writes them, every line where
    it was. A paragraph ends at a blank line, at two ``<br>`` in a row (both dropped), before
    a block element's start tag and after its end tag; each is wrapped in ``<p>`` and
    cleaned up as wpautop cleans it (one that starts with a block tag gets no ``<p>``, one
    that ends with one no ``</p>``, a blockquote's text is a paragraph inside it...), and its
    line breaks are ``<br />``. Those inside a tag or a comment, and the content of a
    ``<pre>``, ``<script>``, ``<style>``, ``<svg>`` or ``<math>``, are kept as written
    (wpautop also parts a ``<style>``'s text at its blank lines, which decides nothing here),
    and so is the white space wpautop takes out beside an ``<option>``, a ``<figcaption>``
    and a media element's parts. Each paragraph is cleaned up alone: where wpautop's
    clean-up reaches from one to the next (two ``<br>`` just inside a ``<p>``), an empty
    paragraph or a stray ``</p>`` can be left that wpautop does not leave (44 to 65 of
    3,000 generated classic bodies a seed differ so, and in nothing but ``<p>`` tags, from
    WordPress 6.1's own)."""
    cuts: list[tuple[int, int]] = []        # the spans between two paragraphs
    kept: list[tuple[int, int]] = []        # the spans whose line breaks are as written
    collapsed: list[tuple[int, int]] = []   # the white space wpautop takes out
    raw: set[tuple[int, int]] = set()       # the elements whose content is as written
    lower = body.lower()
    closes = {name: lower.rfind(f"</{name}") for name in _RAW}
    collapsing = [(tag, side) for needles, tag, side in _COLLAPSING
                  if any(needle in lower for needle in needles)]
    tokens: list[tuple[int, int]] = []
    at = 0
    while (m := _TOKEN.search(body, at)) is not None:
        start, end = m.span()
        opening = _RAW_START.match(body, start)
        if opening is not None and start < closes[opening[1].lower()]:
            close = lower.find(f"</{opening[1].lower()}", end - 1)
            close_end = body.find(">", close)
            end = len(body) if close_end < 0 else close_end + 1
            raw.add((start, end))
        tokens.append((start, end))
        at = end
    at = 0
    for index, (start, end) in enumerate(tokens):
        cuts += (b.span() for b in _BLANK_LINE.finditer(body, at, start))
        at = end
        if (start, end) in raw or "\n" in body[start:end]:
            kept.append((start, end))
        for tag, side in collapsing:
            if tag.match(body, start):
                before, after = start, end
                if side <= 0:
                    while before > 0 and body[before - 1].isspace():
                        before -= 1
                    collapsed.append((before, start))
                if side >= 0:
                    while after < len(body) and body[after].isspace():
                        after += 1
                    collapsed.append((end, after))
                break
        if _BLOCK_START.match(body, start):
            cuts.append((start, start))
        if _BLOCK_END.match(body, start) or ((start, end) in raw and _RAW_START.match(
                body, start)[1].lower() in ("pre", "style")):  # type: ignore[index]
            cuts.append((end, end))
        elif _BR.fullmatch(body, start, end) and index + 1 < len(tokens):
            following = tokens[index + 1]
            if _BR.fullmatch(body, *following) and not body[end:following[0]].strip():
                cuts.append((start, following[1]))   # (both <br> dropped)
    cuts += (b.span() for b in _BLANK_LINE.finditer(body, at))
    kept += collapsed
    # (while a paragraph is cleaned up, a line break kept as written is a character the
    # body does not hold, and an element kept as written is an empty element of its name,
    # marked by another: a <pre> is a block tag to the clean-up)
    held = set(body)
    free = (chr(c) for c in itertools.chain(*_STAND_INS) if chr(c) not in held)
    line_break, mark = next(free, None), next(free, None)
    if line_break is None or mark is None:
        return body     # (a body that holds every one of them: as written)
    paragraph = _Paragraphs(body, kept, raw, line_break, mark)
    out: list[str] = []
    at = 0
    for start, end in _merged(body, cuts, collapsed):
        out.append(paragraph(at, start))
        out.append("\n" * body.count("\n", start, end))
        at = end
    out.append(paragraph(at, len(body)))
    return "".join(out)


def _merged(body: str, cuts: list[tuple[int, int]], collapsed: list[tuple[int, int]]
            ) -> list[tuple[int, int]]:
    """The cuts in order, without those in white space wpautop takes out; each with the
    white space around it up to its outermost line breaks, as wpautop's blank lines take it
    (the two line breaks it writes at a block tag and those beside them are one); those that
    meet or overlap made one."""
    merged: list[tuple[int, int]] = []
    collapsed.sort()
    starts = [start for start, _ in collapsed]
    size = len(body)
    for start, end in sorted(cuts):
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and end <= collapsed[i][1]:
            continue
        at = start
        while at > 0 and body[at - 1] in _SPACE:
            at -= 1
            if body[at] == "\n":
                start = at
        at = end
        while at < size and body[at] in _SPACE:
            at += 1
            if body[at - 1] == "\n":
                end = at
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_SPACE = frozenset(" \t\n\f\v")
# The characters a paragraph's stand-ins are made of: Unicode's private use areas
_STAND_INS = (range(0xE000, 0xF900), range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE))


class _Paragraphs:
    """Writes a span of a body as wpautop writes a paragraph."""

    def __init__(self, body: str, kept: list[tuple[int, int]], raw: set[tuple[int, int]],
                 line_break: str, mark: str) -> None:
        self.body = body
        self.kept = sorted(kept)
        self.starts = [start for start, _ in self.kept]
        self.raw = raw
        self.line_break = line_break
        self.mark = mark

    def __call__(self, start: int, end: int) -> str:
        """``body[start:end]`` wrapped in ``<p>`` and cleaned up, its line breaks ``<br />``
        (not those kept as written); the line breaks at its ends outside it."""
        body = self.body
        text = body[start:end]
        inner = text.strip("\n")
        if not inner.strip():
            return text
        lead = len(text) - len(text.lstrip("\n"))
        first, last = start + lead, start + lead + len(inner)
        pieces: list[str] = []
        held: list[tuple[str, str]] = []     # (the element's stand-in, the element)
        at = first
        i = max(bisect.bisect_right(self.starts, first) - 1, 0)
        while i < len(self.kept) and self.kept[i][0] < last:
            span_start, span_end = self.kept[i]
            i += 1
            span_start, span_end = max(span_start, at), min(span_end, last)
            if span_start >= span_end:
                continue
            pieces.append(_BR.sub(_normal_br, body[at:span_start]))
            if (span_start, span_end) in self.raw:
                element = body[span_start:span_end]
                name = _RAW_START.match(element)[1].lower()  # type: ignore[index]  # (raw)
                held.append((f"<{name} {self.mark}></{name}>", element))
                pieces.append(held[-1][0])
            else:
                pieces.append(body[span_start:span_end].replace("\n", self.line_break))
            at = span_end
        pieces.append(_BR.sub(_normal_br, body[at:last]))
        written = _cleaned("<p>" + "".join(pieces) + "</p>", "<" in inner)
        written = written.replace(self.line_break, "\n")
        if held:
            restored: list[str] = []
            at = 0
            for stand_in, element in held:
                found = written.find(stand_in, at)
                restored += (written[at:found], element)
                at = found + len(stand_in)
            written = "".join(restored) + written[at:]
        missing = max(inner.count("\n") - written.count("\n"), 0)
        return text[:lead] + written + "\n" * missing + text[lead + len(inner):]


def _normal_br(m: re.Match[str]) -> str:
    """``<br>`` and ``<br/>`` as wpautop writes them before it adds its own."""
    return "<br />" if m[0] in ("<br>", "<br/>") else m[0]


def _cleaned(written: str, tagged: bool) -> str:
    """A paragraph wrapped in ``<p>``, cleaned up and its line breaks made ``<br />``, as
    wpautop does it. (``tagged``: whether the paragraph holds a tag; most hold text alone,
    which no clean-up of tags changes.)"""
    if tagged:
        written = _EMPTY.sub("", written)
        written = _LEFT_OPEN.sub(r"<p>\1</p></\2>", written)
        written = _ALONE.sub(r"\1", written)
        written = _LIST_ITEM.sub(r"\1", written)
        written = _QUOTE.sub(r"<blockquote\1><p>", written)
        written = written.replace("</blockquote></p>", "</p></blockquote>")
        written = _P_BEFORE_BLOCK.sub(r"\1", written)
        written = _P_AFTER_BLOCK.sub(r"\1", written)
    if "\n" in written:
        written = _LINE_BREAK.sub("<br />\n", written)
    if "<br />" in written:
        written = _BR_AFTER_BLOCK.sub(r"\1", written)
        written = _BR_BEFORE_END.sub(r"\1", written)
    return written
