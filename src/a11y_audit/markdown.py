"""Markdown and MDX stories: an article as a static site's repository holds it.

Newsrooms that publish with Hugo, Jekyll, Eleventy or Astro write their stories in Markdown
(``content/news/2026/flood.md``) or MDX, and a layout renders each one into a page. The
story's body is where most of a page's accessibility is decided by its reporters: the photos
and their alt text, the links, the headings, the tables, the embeds pasted in as HTML. A
pre-commit hook that hands the audit the files that changed hands it those files, so they
are read here as they render: HTML, each block on the line of the file it is written on.

Knowledge floor: no Page here; the caller reads the HTML as a template partial
(:mod:`a11y_audit.templates`).

- :func:`render` gives the HTML a CommonMark renderer writes (markdown-it-py, the Python port
  of the parser Eleventy and many static sites use, with GitHub's tables and raw HTML on, as
  Hugo, Jekyll and Astro have them), padded with line breaks so that each block starts on the
  line its Markdown starts on, and so that an inline element (an image, a link) is on its
  line too. A finding's line is the file's; its column and snippet are the rendered HTML's.
- The front matter (YAML between ``---`` lines, TOML between ``+++``) is the layout's data,
  not the story: blank lines. Its ``title`` names the story in the reports
  (:attr:`Rendering.title`), as the layout names the page it renders.
- Template syntax written in the Markdown (Jekyll's Liquid ``{{ site.baseurl }}``, ``{%
  include %}``; Eleventy's Nunjucks) is kept as written, through the Markdown parser
  unharmed: a link to ``{{ site.baseurl }}/about`` stays a link. The caller then reads it as
  a template of its family.
- Hugo's shortcodes: ``{{< figure >}}``, the photo of most Hugo stories, is written as
  Hugo's own template writes it (``<figure>``, an ``<img>`` whose ``alt`` is the ``alt``
  parameter, else the caption's text, else none; a ``<figcaption>`` with the title as an
  ``<h4>`` and the caption); ``{{< ref >}}`` and ``{{< relref >}}`` are the page they name;
  any other shortcode writes markup the theme holds: a hole.
- A shortcode is replaced, before the Markdown is parsed, by a placeholder it writes in its
  place afterwards, as Hugo does: alone in its paragraph, without the paragraph; in a start
  tag (a link's address), as an expression, since its value is the theme's.
- :class:`Dialect`: where the caller knows the story's site generator
  (:func:`a11y_audit.runner.site_dialect`), its Markdown: Hugo omits raw HTML unless told
  otherwise; Jekyll's kramdown reads attribute lists (``{:target="_blank"}`` after a link,
  ``{: .lead}`` on the line after a block); both read a heading's attributes after its text
  (``## Personas {#personas}``: kramdown's header IDs, Hugo's heading attributes).
- MDX: its ``import`` and ``export`` blocks are code (blank), and its JSX (``<Chart
  data={x} />``, ``{props.caption}``) is read by the caller as Astro's markup is, which is
  written the same way.
- An image written with no description (``![](flood.jpg)``) renders ``alt=""``, which says
  the image is decorative. Markdown has no other way to write a decorative image, and no way
  to tell it from a description forgotten: :attr:`Rendering.undescribed` holds where each
  one is (its line), for the rules to ask a person.
"""

from __future__ import annotations

import html
import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple, cast

from a11y_audit.scanning import NextFinder

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.token import Token

# The template families written in Markdown, by the file name endings that say them
FAMILIES = frozenset(("markdown", "mdx"))

# Front matter: a YAML block between "---" lines, or Hugo's TOML between "+++" lines, at the
# file's start (after blank lines, which Hugo allows)
_FRONT_MATTER = re.compile(r"\A(\ufeff?(?:[ \t]*\n)*)(---|\+\+\+)[ \t]*\n"
                           r"(?:.*?\n)??\2[ \t]*(?=\n|\Z)", re.S)
# ... its title: a top-level key, YAML's "title:" or TOML's "title ="
_TITLE = re.compile(r"^title[ \t]*[:=][ \t]*(.*)$", re.M | re.I)
_YAML_BLOCK = re.compile(r"[>|][+-]?\d?")
_ESCAPED = re.compile(r"\\(u[0-9a-fA-F]{4}|.)")
_ESCAPES = {"n": " ", "t": " ", "r": " ", '"': '"', "\\": "\\", "/": "/"}


def front_matter_title(block: str) -> str:
    """The ``title`` of a story's front matter (the block with its ``---`` or ``+++``
    lines), on one line, as the layout would write it: a YAML or TOML string (quoted or
    plain, on one line or folded over several, or a YAML block scalar's lines); "" where it
    has none or it is not a string."""
    m = _TITLE.search(block)
    if m is None:
        return ""
    value = m[1].strip()
    # (the lines after the key's that are indented: a plain or block scalar's own)
    indented = []
    for line in block[m.end() + 1:].splitlines():
        if line.strip() and not line[:1].isspace():
            break
        indented.append(line.strip())
    if _YAML_BLOCK.fullmatch(value):
        value = " ".join(indented)
    elif value[:1] == '"':
        # (a quoted string may go on over lines, indented or not: it ends at its quote)
        quoted = _DOUBLE_QUOTED.match(block, m.start(1))
        if quoted is None:
            return ""
        value = _ESCAPED.sub(lambda e: chr(int(e[1][1:], 16)) if len(e[1]) == 5
                             else _ESCAPES.get(e[1], e[1]), quoted[1])
    elif value[:1] == "'":
        quoted = _SINGLE_QUOTED.match(block, m.start(1))
        if quoted is None:
            return ""
        value = quoted[1].replace("''", "'")
    elif value[:1] in ("[", "{", "&", "*", "!"):
        return ""       # a list, a map, an anchor, an alias or a tag: no string to show
    else:
        # a plain scalar, and its comment
        value = " ".join(re.sub(r"(?:^|\s+)#.*", "", line) for line in (value, *indented))
    return " ".join(value.split())


_DOUBLE_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"', re.S)
_SINGLE_QUOTED = re.compile(r"'((?:[^']|'')*)'", re.S)


# Where template syntax opens: a Hugo shortcode ({{< >}}, {{% %}}), a Liquid or Nunjucks
# expression ({{ }}) or statement ({% %}); and where each closes
_OPENER = re.compile(r"\{\{[<%]?|\{%")
_CLOSER = {"{{<": ">}}", "{{%": "%}}", "{{": "}}", "{%": "%}"}
# A Hugo shortcode's inside: its closing slash, its name and its parameters
_SHORTCODE = re.compile(r"\s*(/?)\s*([\w./-]+)(.*)", re.S)
# ... the longest whose parameters are read (a longer one is a hole)
_MAX_SHORTCODE = 10_000
# ... a parameter: name="value", name=`value`, name=value, or a positional value
_PARAMETER = re.compile(r"""(?:([\w-]+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))""",
                        re.S)
# MDX: an ESM block (its imports and exports), a paragraph that starts with one
_ESM = re.compile(r"(\A|\n[ \t]*\n)((?:import|export)\b.*?)(?=\n[ \t]*\n|\Z)", re.S)
# kramdown's attribute lists: a span's, at the start of the text after a link or an image;
# a block's, a line of its own; and their items (#id, .class, name="value")
_SPAN_LIST = re.compile(r"\{:\s*([^{}\n]*)\}")
_BLOCK_LIST = re.compile(r"\{:\s*([^{}\n]*)\}[ \t]*")
# ... and a heading's own, after its text
_HEADING_ATTRIBUTES = re.compile(r"[ \t]*\{([#.][^{}\n]*)\}[ \t]*\Z")
_LIST_ITEM = re.compile(r"""([#.])([\w-]+)|([A-Za-z_:][\w:.-]*)=(?:"([^"]*)"|'([^']*)'|"""
                        r"""([^\s"'}]+))""")
# A start tag (where a shortcode writes a value), and the expression it is read as there
_START_TAG = re.compile(r"<[A-Za-z][^<>]*>")
_SHORTCODE_VALUE = "{{ shortcode }}"
_LINE_BREAK = re.compile(r"\r\n|\r")
_NOT_LINE_BREAK = re.compile(r"[^\n]")
_TAG = re.compile(r"<[^>]*>")


class _Kept:
    """What is set aside before the Markdown is parsed (template syntax, what a shortcode
    writes) and put back after, each in the place of a placeholder: letters and digits,
    unchanged in text, titles and addresses, and of a prefix the story does not hold."""

    def __init__(self, text: str) -> None:
        marker = "a11yTPL"
        while marker in text:
            marker += "q"
        self.marker = marker
        self.items: list[str] = []
        self.markup: set[int] = set()   # (the items a shortcode writes: markup)
        self.placeholder = re.compile(re.escape(marker) + r"(\d+)Z")
        # ... one alone in a paragraph
        self.alone = re.compile("<p>" + re.escape(marker) + r"(\d+)Z</p>")

    def put(self, written: str, markup: bool = False) -> str:
        """``written`` set aside (``markup``: what a shortcode writes): its placeholder."""
        if markup:
            self.markup.add(len(self.items))
        self.items.append(written)
        return f"{self.marker}{len(self.items) - 1}Z"


class Rendering(NamedTuple):
    """The HTML a Markdown file renders, each block on its line, and where its images
    written without a description are (their lines, from 1)."""

    html: str
    undescribed: frozenset[int]
    # ... and whether template syntax ({{ }}, {% %}) is written in it
    templated: bool
    # ... and the title its front matter gives it ("" if none)
    title: str = ""


@cache
def _parser() -> MarkdownIt:
    # (imported when a Markdown file is first read: an HTML audit never loads it)
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


class Dialect(NamedTuple):
    """How a site generator renders Markdown, where it differs from CommonMark's defaults:
    whether raw HTML is written (Hugo omits it unless its configuration says ``unsafe:
    true``), whether kramdown's attribute lists are read (Jekyll's:
    ``[Report](r.pdf){:target="_blank"}``), and whether a figure shortcode is written as
    Hugo's built-in one writes it (else it is a hole, as other shortcodes)."""

    raw_html: bool = True
    attribute_lists: bool = False
    # ... and whether {{< figure >}} is Hugo's own (a site's layouts or theme may write its own)
    hugo_figure: bool = True
    # ... and whether a heading's attributes are read after its text (``## Personas
    # {#personas}``: kramdown's header IDs, the heading attributes Hugo's Goldmark reads)
    heading_attributes: bool = False


COMMONMARK = Dialect()
# What Hugo writes for raw HTML it does not render
OMITTED = "<!-- raw HTML omitted -->"


def render(text: str, mdx: bool = False, dialect: Dialect = COMMONMARK) -> Rendering:
    """``text``'s HTML, with as many lines as ``text`` and each block on its line (see the
    module docstring). ``mdx``: the file is MDX (its ESM blocks blank); ``dialect``: its
    site generator's Markdown."""
    text = _LINE_BREAK.sub("\n", text)
    front = _FRONT_MATTER.match(text)
    title = "" if front is None else front_matter_title(front[0][len(front[1]):])
    if front is not None:
        text = front[1] + _blank(front[0][len(front[1]):]) + text[front.end():]
    if mdx:
        text = _ESM.sub(lambda m: m[1] + _blank(m[2]), text)
    kept = _Kept(text)
    text, templated = _template_syntax(text, kept, dialect.hugo_figure)
    parser = _parser()
    env: dict[str, object] = {}
    tokens = parser.parse(text, env)
    if dialect.attribute_lists:
        _attribute_lists(tokens)
    if dialect.heading_attributes:
        _heading_attributes(tokens)
    out: list[str] = []
    undescribed: set[int] = set()
    line = 0
    renderer = cast("RendererHTML", parser.renderer)
    for index, token in enumerate(tokens):
        if token.map is not None and token.type != "inline" and token.map[0] > line:
            out.append("\n" * (token.map[0] - line))
            line = token.map[0]
        if token.type == "inline":
            _undescribed(token, line, undescribed)
            if not dialect.raw_html:
                for child in token.children or ():
                    if child.type == "html_inline":
                        child.content = OMITTED + "\n" * child.content.count("\n")
            piece = renderer.renderInline(token.children or [], parser.options, env)
        elif token.type in ("fence", "code_block"):
            piece = renderer.rules[token.type](tokens, index, parser.options, env)
            # (the code from the line after a fence's; the block's line break after </pre>
            # is the next block's to place)
            piece = piece[:-1] if piece.endswith("\n") else piece
            if token.type == "fence":
                start = piece.index(">", piece.index("<code")) + 1
                piece = piece[:start] + "\n" + piece[start:]
        elif token.type == "html_block":
            piece = token.content if dialect.raw_html else (
                OMITTED + "\n" * token.content.count("\n"))
        else:
            piece = renderer.renderToken(tokens, index, parser.options, env).replace("\n", "")
        if token.map is not None:
            # (a code block's last line ends with a line break its file may not have)
            piece = _within(piece, token.map[1] - 1 - line)
        out.append(piece)
        line += piece.count("\n")
    rendered = _within("".join(out), text.count("\n"))
    items = kept.items
    if items:
        # (a shortcode alone in its paragraph is written in its place, as Hugo writes it;
        # one in a start tag, a link's address, writes a value the theme decides: an
        # expression)
        rendered = kept.alone.sub(
            lambda m: items[int(m[1])] if int(m[1]) in kept.markup else m[0], rendered)
        in_tags = _START_TAG.sub(lambda m: kept.placeholder.sub(
            lambda p: _SHORTCODE_VALUE if int(p[1]) in kept.markup else p[0], m[0]),
            rendered)
        templated = templated or in_tags != rendered
        rendered = kept.placeholder.sub(lambda m: items[int(m[1])], in_tags)
    return Rendering(rendered, frozenset(undescribed), templated, title)


def _attribute_lists(tokens: list[Token]) -> None:
    """Apply kramdown's attribute lists (IALs) to the elements they name, and take them out
    of the text: a span's, right after a link, an image, an emphasis or a code span
    (``[a](b){:target="_blank"}``, ``![a](b){: .wide}``); a block's, on a line of its own
    (``{: .lead}``): the block right before it, where no blank line parts them (the line
    after a paragraph, which CommonMark reads as its last line, or a heading), else the
    block right after it (the line before a paragraph: its first line)."""
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        children = token.children or []
        for at, child in enumerate(children):
            if child.type != "text" or not child.content.startswith("{:") or at == 0:
                continue
            m = _SPAN_LIST.match(child.content)
            target = _span_target(children, at - 1)
            if m is not None and target is not None:
                _apply(target, m[1])
                child.content = child.content[m.end():]
        opening = tokens[index - 1]
        if opening.type != "paragraph_open" or opening.map is None:
            continue
        alone = _BLOCK_LIST.fullmatch(token.content)
        if alone is not None:
            before = tokens[index - 2] if index >= 2 else None
            if before is not None and before.nesting == 1:
                before = None           # (the first block in a list item or a quote)
            named = (_opening_before(tokens, index - 1) if before is not None else None)
            if named is None or named.map is None or named.map[1] != opening.map[0]:
                named = next((tokens[i] for i in range(index + 2, len(tokens))
                              if tokens[i].nesting != -1 and tokens[i].type != "inline"),
                             None)
            if named is not None:
                _apply(named, alone[1])
            token.children = []
            opening.hidden = tokens[index + 1].hidden = True
        elif (len(children) >= 2 and children[-2].type == "softbreak"
              and children[-1].type == "text"
              and (tail := _BLOCK_LIST.fullmatch(children[-1].content)) is not None):
            _apply(opening, tail[1])
            children[-1].content = ""       # (its line break kept: the lines stay the file's)
        elif (len(children) >= 2 and children[0].type == "text"
              and children[1].type == "softbreak"
              and (head := _BLOCK_LIST.fullmatch(children[0].content)) is not None):
            _apply(opening, head[1])       # (a line of its own before the paragraph)
            children[0].content = ""


def _heading_attributes(tokens: list[Token]) -> None:
    """A heading's attributes written after its text (``## Personas {#personas .lead}``)
    set on the heading and taken out of its text."""
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or index + 1 >= len(tokens):
            continue
        children = tokens[index + 1].children or []
        if not children or children[-1].type != "text":
            continue
        m = _HEADING_ATTRIBUTES.search(children[-1].content)
        if m is not None:
            _apply(token, m[1])
            children[-1].content = children[-1].content[:m.start()]


def _opening_before(tokens: list[Token], index: int) -> Token | None:
    """The opening token of the block that ends right before ``tokens[index]``."""
    before = tokens[index - 1]
    if before.nesting == 0:
        return before
    depth = 0
    for i in range(index - 1, -1, -1):
        depth += tokens[i].nesting
        if depth == 0 and tokens[i].nesting == 1:
            return tokens[i]
    return None


def _span_target(children: list[Token], before: int) -> Token | None:
    """The span (a link, an image, an emphasis, a code span) that ends at
    ``children[before]``, or None."""
    child = children[before]
    if child.type in ("image", "code_inline"):
        return child
    if not child.type.endswith("_close"):
        return None
    kind = child.type[:-6]
    depth = 0
    for i in range(before - 1, -1, -1):
        candidate = children[i]
        if candidate.type == child.type:
            depth += 1
        elif candidate.type == kind + "_open":
            if depth == 0:
                return candidate
            depth -= 1
    return None


def _apply(token: Token, written: str) -> None:
    """An attribute list's ``#id``, ``.class`` and ``name="value"`` onto ``token``."""
    for m in _LIST_ITEM.finditer(written):
        if m[1] == "#":
            token.attrSet("id", m[2])
        elif m[1] == ".":
            classes = str(token.attrGet("class") or "")
            token.attrSet("class", f"{classes} {m[2]}".strip())
        elif m[3] is not None:
            value = next((v for v in (m[4], m[5], m[6]) if v is not None), "")
            token.attrSet(m[3], value)


def _within(piece: str, breaks: int) -> str:
    """``piece`` with no more than ``breaks`` line breaks: the last ones beyond, spaces."""
    excess = piece.count("\n") - max(breaks, 0)
    if excess <= 0:
        return piece
    head, *tail = piece.rsplit("\n", excess)
    return " ".join((head, *tail))


def _blank(text: str) -> str:
    return _NOT_LINE_BREAK.sub(" ", text)


def _template_syntax(text: str, kept: _Kept, hugo_figure: bool = True) -> tuple[str, bool]:
    """``text`` with its Hugo shortcodes written as Hugo writes them (:func:`_shortcode`)
    and its Liquid or Nunjucks syntax on one line set aside in ``kept`` (the syntax itself
    could end a link's address or start emphasis), and whether it has any of the latter.
    One pass: where each closing token next stands, and the next line break, are found
    once for every opening before them (an opening never closed costs nothing more)."""
    out: list[str] = []
    at = 0
    templated = False
    find = NextFinder(text).find
    for m in _OPENER.finditer(text):
        start, opener = m.start(), m[0]
        if start < at:
            continue
        end = find(_CLOSER[opener], m.end())
        if end < 0:
            continue
        end += len(_CLOSER[opener])
        if opener in ("{{<", "{{%"):
            out += (text[at:start], _shortcode(text[start:end], kept, hugo_figure))
        else:
            line_break = find("\n", start)
            if 0 <= line_break < end:
                continue    # (across lines: left as written)
            out += (text[at:start], kept.put(text[start:end]))
            templated = True
        at = end
    out.append(text[at:])
    return "".join(out), templated


def _shortcode(written: str, kept: _Kept, hugo_figure: bool = True) -> str:
    """What a Hugo shortcode writes (see the module docstring), as many lines long."""
    lines = written.count("\n")
    inside = _SHORTCODE.match(written, 3, len(written) - 3)
    if inside is None or inside[1] or len(written) > _MAX_SHORTCODE:
        return _hole(written, kept)
    name = inside[2].lower()
    parameters = _parameters(inside[3])
    if name in ("ref", "relref"):
        placeholder = kept.put(html.escape(parameters.get("0", parameters.get("path", ""))))
    elif name == "figure" and hugo_figure:
        placeholder = kept.put(_figure(parameters), markup=True)
    else:
        return _hole(written, kept)
    return placeholder + "\n" * lines


def _hole(written: str, kept: _Kept) -> str:
    """Markup a theme's template writes: a comment of "@", which the template reader takes
    for a hole (its placeholder, and the line breaks it spans)."""
    hole = f"<!--{_NOT_LINE_BREAK.sub('@', written.replace(chr(10), ''))}-->"
    return kept.put(hole, markup=True) + "\n" * written.count("\n")


def _parameters(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    position = 0
    for m in _PARAMETER.finditer(text):
        value = m[2] if m[2] is not None else m[3] if m[3] is not None else m[4] or ""
        if m[2] is not None:
            value = value.replace('\\"', '"')
        if m[1]:
            found[m[1].lower()] = value
        else:
            found[str(position)] = value
            position += 1
    return found


def _figure(parameters: dict[str, str]) -> str:
    """Hugo's figure shortcode, as its built-in template writes it, on one line."""
    attribute = html.escape
    parser = _parser()
    caption = parser.renderInline(parameters["caption"]) if parameters.get("caption") else ""
    attr = parser.renderInline(parameters["attr"]) if parameters.get("attr") else ""
    alt = parameters.get("alt") or html.unescape(_TAG.sub("", caption))
    image = f'<img src="{attribute(parameters.get("src", ""))}"'
    if alt:
        image += f' alt="{attribute(alt)}"'
    for name in ("width", "height", "loading"):
        if parameters.get(name):
            image += f' {name}="{attribute(parameters[name])}"'
    image += ">"
    if parameters.get("link"):
        link = "".join(f' {name}="{attribute(parameters[name])}"' for name in ("target", "rel")
                       if parameters.get(name))
        image = f'<a href="{attribute(parameters["link"])}"{link}>{image}</a>'
    figcaption = ""
    if parameters.get("title") or caption or attr:
        title = f"<h4>{attribute(parameters['title'])}</h4>" if parameters.get("title") else ""
        if attr and parameters.get("attrlink"):
            attr = f'<a href="{attribute(parameters["attrlink"])}">{attr}</a>'
        text = f"<p>{caption}{attr}</p>" if caption or attr else ""
        figcaption = f"<figcaption>{title}{text}</figcaption>"
    class_ = f' class="{attribute(parameters["class"])}"' if parameters.get("class") else ""
    return f"<figure{class_}>{image}{figcaption}</figure>"


def _undescribed(token: Token, line: int, found: set[int]) -> None:
    """Add the images of an inline token written with no description and no title."""
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "html_inline":
            line += child.content.count("\n")
        elif (child.type == "image" and not child.children and not child.attrGet("title")):
            found.add(line + 1)
