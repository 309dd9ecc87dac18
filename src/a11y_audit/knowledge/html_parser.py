"""Element categories of HTML's tree construction (HTML, 13.2.4), as the page model's repairs
of libxml2's tree read them (page.py, paragraphs.py): one list each, as the standard gives it.
"""

from __future__ import annotations

# Where "has an element in scope" stops looking up (HTML, 13.2.4.2); "button scope" adds
# ``button``
SCOPE_BOUNDARIES = frozenset((
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "mi",
    "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title"))

# The elements whose start tag puts a marker in the list of active formatting elements: no
# formatting element open above one is found, or opened again, below it
MARKERS = frozenset(("applet", "caption", "marquee", "object", "td", "th", "template"))

# HTML's formatting elements: the ones a browser opens again, as copies, after a block
FORMATTING = frozenset(("a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small",
                        "strike", "strong", "tt", "u"))

# HTML's "special" elements (HTML, 13.2.4.2), as the adoption agency reads them
SPECIAL = frozenset((
    "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound",
    "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure",
    "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link",
    "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript",
    "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select",
    "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot",
    "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp"))

# The start tags that close a ``p`` in button scope (HTML, 13.2.6.4.7, "in body"); ``table``
# only in no-quirks mode
CLOSES_P = frozenset((
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
    "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu",
    "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6",
    "pre", "listing", "form", "plaintext", "xmp", "hr", "li", "dd", "dt", "table"))
# Those that close it in every mode, where the mode is not read (a table's does in no-quirks
# mode only)
CLOSES_P_IN_EVERY_MODE = CLOSES_P - {"table"}
# Elements whose start tag does not open the formatting elements again (the blocks, the
# table parts, raw text, the head's elements, ruby's parts): what they hold may. ``xmp``
# closes a paragraph and then does open them again.
NO_RECONSTRUCTION = (CLOSES_P - {"xmp"}) | frozenset(("rb", "rp", "rt", "rtc",
    "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr", "iframe",
    "noembed", "noframes", "noscript", "textarea", "param", "source", "track", "script",
    "style", "template", "title", "base", "basefont", "bgsound", "link", "meta", "frame",
    "frameset", "head", "body", "html"))

# The elements whose end tags HTML's parser implies ("generate implied end tags", 13.2.6.3)
IMPLIED_END_TAGS = frozenset(("p", "li", "dd", "dt", "option", "optgroup", "rb", "rp", "rt",
                              "rtc"))

# The start tags at which libxml2's parser closes an element (the current node, and again
# the one that is then current) where HTML's parser closes nothing: the pairs of its HTML 4
# "start close" table (htmlStartClose) that HTML's "in body" insertion mode does not share.
# Left out: table parts (HTML ignores them outside a table), ``p`` (closed by the same
# blocks in both), a list item and a definition's parts ended by the next (both), ``form``
# in ``form`` (HTML ignores the inner start tag), and the head's elements.
LIBXML2_CLOSED_BY = {
    "a": frozenset(("fieldset", "table")),
    "address": frozenset(("dd", "dl", "dt", "form", "li", "ul")),
    "b": frozenset(("center", "p")), "i": frozenset(("center", "p")),
    "font": frozenset(("center",)),
    "big": frozenset(("p",)), "s": frozenset(("p",)), "small": frozenset(("p",)),
    "strike": frozenset(("p",)), "tt": frozenset(("p",)), "u": frozenset(("p",)),
    "dir": frozenset(("dd", "dl", "dt", "form", "ul")),
    "menu": frozenset(("dd", "dl", "dt", "form", "ul")),
    "dl": frozenset(("form", "li")), "dt": frozenset(("dl",)),
    "legend": frozenset(("fieldset",)),
    "listing": frozenset(("dd", "dl", "dt", "fieldset", "form", "li", "table", "ul")),
    "pre": frozenset(("dd", "dl", "dt", "fieldset", "form", "li", "table", "ul")),
    "ol": frozenset(("form",)),
    "ul": frozenset(("address", "form", "menu", "pre")),
    **{heading: frozenset(("fieldset", "form", "li", "p", "table"))
       for heading in ("h1", "h2", "h3", "h4", "h5", "h6")},
}

# The end tags at which HTML's parser closes their element with everything open inside it,
# where it is in scope (HTML, 13.2.6.4.7, "in body": "pop elements from the stack of open
# elements until an element with the same tag name has been popped"; a heading's end tag
# closes the heading of any level open): the blocks, list items and the parts of a
# definition, headings, buttons. Not here: ``div`` (libxml2 closes through what its own end
# tag may, below), ``p`` (libxml2 closes it at a block's start tag already), ``form`` (HTML
# takes the form out of the stack and leaves what is open inside it), the formatting
# elements (the adoption agency) and the table's parts.
CLOSED_THROUGH = frozenset((
    "address", "article", "aside", "blockquote", "button", "center", "details", "dialog",
    "dir", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "listing",
    "main", "menu", "nav", "ol", "pre", "search", "section", "summary", "ul", "li", "dd", "dt",
    "h1", "h2", "h3", "h4", "h5", "h6"))

# libxml2's end-tag "priorities" (HTMLparser.c, htmlEndPriority): an end tag closes the
# elements open inside its element only where none of them has a higher priority than its
# own; otherwise libxml2 ignores it. Every other element has 100.
LIBXML2_END_PRIORITY = {"div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180,
                        "tbody": 180, "tfoot": 180, "table": 190, "head": 200, "body": 200,
                        "html": 220}

# What the start tag of a list item or of a definition's part ends (HTML, 13.2.6.4.7, "in
# body": "a start tag whose tag name is li", "... one of dd, dt"): the item open, with what
# it holds, looking past any open element but a special one other than ITEM_END_PASSES
ITEMS_ENDED = {"li": frozenset(("li",)), "dd": frozenset(("dd", "dt")),
               "dt": frozenset(("dd", "dt"))}
ITEM_END_PASSES = frozenset(("address", "div", "p"))
