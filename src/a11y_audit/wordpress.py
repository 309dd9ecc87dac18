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
- a classic post's paragraphs (``wpautop``): text parted by a blank line is a paragraph, a
  line break in it a ``<br />``; a piece that holds a block element's tag is left as written,
  and so is the content of ``<pre>``, ``<script>`` and ``<style>``. A post written in the
  block editor (``<!-- wp:paragraph -->``) is saved as its HTML and gets none of this.

The block markup itself (a dynamic block, ``<!-- wp:latest-posts /-->``, renders what the
site holds) is read by the template reader's WordPress family
(:mod:`a11y_audit.templates`). Knowledge floor: text in, text out.
"""

from __future__ import annotations

import html
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
# What wpautop leaves unwrapped: a piece that holds a block element's tag
_BLOCK_TAG = re.compile(
    r"</?(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|"
    r"form|map|area|blockquote|address|style|script|p|h[1-6]|hr|fieldset|legend|section|"
    r"article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|math|"
    r"iframe|video|audio|object|embed|noscript|!--)\b", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# A line break, or a tag (whose line breaks are no <br />: <a\nhref="...">)
_BREAK_OR_TAG = re.compile(r"\n|<[A-Za-z/!][^<>]*>")
_RAW_OPEN = re.compile(r"<(pre|script|style)\b", re.I)
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
    it was: each piece of text between blank lines that holds no block element's tag is a
    ``<p>``, its line breaks ``<br />`` (not those inside a tag); ``<pre>``, ``<script>``
    and ``<style>`` content, and a piece that holds a block tag, are left as written."""
    pieces: list[str] = []
    at = 0
    raw: str | None = None          # (the element whose content a piece is in)
    for m in (*_PARAGRAPH_BREAK.finditer(body), None):
        end = len(body) if m is None else m.start()
        piece = body[at:end]
        if raw is None and piece.strip() and _BLOCK_TAG.search(piece) is None:
            lead = len(piece) - len(piece.lstrip())
            text = piece[lead:].rstrip()
            tail = piece[lead + len(text):]
            piece = f"{piece[:lead]}<p>{_BREAK_OR_TAG.sub(_break, text)}</p>{tail}"
        raw = _still_open(piece, raw)
        pieces.append(piece)
        if m is not None:
            pieces.append(m[0])
            at = m.end()
    return "".join(pieces)


def _break(m: re.Match[str]) -> str:
    return "<br />\n" if m[0] == "\n" else m[0]


def _still_open(piece: str, raw: str | None) -> str | None:
    """The raw-text element (``pre``, ``script``, ``style``) open after ``piece``, given the
    one open before it."""
    at = 0
    lower = piece.lower()
    while True:
        if raw is not None:
            end = lower.find(f"</{raw}", at)
            if end < 0:
                return raw
            raw, at = None, end + 2
        m = _RAW_OPEN.search(piece, at)
        if m is None:
            return None
        raw, at = m[1].lower(), m.end()
