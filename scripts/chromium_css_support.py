"""Write src/a11y_audit/knowledge/css_support.py: the CSS that Debian's Chromium supports, as
``@supports`` asks it (``CSS.supports``), for the cascade's reading of ``@supports``.

    python3 scripts/chromium_css_support.py

It lists the property names Chromium knows (every name of a style declaration, standard,
``-webkit-`` and aliases, kept where ``CSS.supports(name, "inherit")`` holds), the values of
``display`` it takes, the vendor-prefixed values (``-webkit-box``, ``-webkit-sticky``...) it
takes for a property (from a list of candidates below, kept where ``CSS.supports`` holds), the
pseudo-classes and pseudo-elements ``selector()`` takes, the ``font-tech()`` and
``font-format()`` keywords and the at-rules ``at-rule()`` takes. Facts read off the browser,
not code: rerun it when Chromium's major version changes, and review the diff. Needs
``bash scripts/install-browser-deps.sh``.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "a11y_audit" / "knowledge" / "css_support.py"

# Candidate values of `display` (CSS Display 3 and 4, legacy and vendor spellings)
DISPLAYS = [
    "none", "contents", "block", "inline", "inline-block", "flow", "flow-root", "list-item",
    "run-in", "table", "inline-table", "table-row-group", "table-header-group",
    "table-footer-group", "table-row", "table-cell", "table-column-group", "table-column",
    "table-caption", "flex", "inline-flex", "grid", "inline-grid", "grid-lanes",
    "inline-grid-lanes", "masonry", "inline-masonry", "ruby", "ruby-base", "ruby-text",
    "ruby-base-container", "ruby-text-container", "math", "inline-math", "block-math",
    "compact", "marker", "-webkit-box", "-webkit-inline-box", "-webkit-flex",
    "-webkit-inline-flex", "-moz-box", "-moz-inline-box", "-moz-grid", "-moz-inline-grid",
    "-ms-grid", "-ms-inline-grid", "-ms-flexbox", "-ms-inline-flexbox", "-webkit-grid",
    "layout", "inline-layout",
]

# Candidate vendor-prefixed values, with a property that would take them
VENDOR_VALUES = [
    ("position", v) for v in ("-webkit-sticky", "-moz-sticky", "-ms-sticky")
] + [
    ("width", v) for v in ("-webkit-fill-available", "-moz-available", "-webkit-min-content",
                           "-webkit-max-content", "-webkit-fit-content", "-moz-min-content",
                           "-moz-max-content", "-moz-fit-content", "-ms-fill-available")
] + [
    ("text-align", v) for v in ("-webkit-center", "-webkit-left", "-webkit-right",
                                "-webkit-match-parent", "-moz-center", "-moz-left",
                                "-moz-right")
] + [
    ("color", v) for v in ("-webkit-link", "-webkit-focus-ring-color", "-webkit-activelink",
                           "-webkit-text", "-moz-activehyperlinktext", "-moz-hyperlinktext",
                           "-moz-buttontext", "-moz-default-color")
] + [
    ("background-image", f"{v}(red, blue)") for v in (
        "-webkit-linear-gradient", "-webkit-radial-gradient",
        "-webkit-repeating-linear-gradient", "-webkit-repeating-radial-gradient",
        "-moz-linear-gradient", "-moz-radial-gradient", "-o-linear-gradient",
        "-ms-linear-gradient")
] + [
    ("background-image", "-webkit-gradient(linear, left top, left bottom, from(red), to(blue))"),
    ("background-image", "-webkit-image-set(url(a.png) 1x)"),
    ("background-image", "-webkit-cross-fade(url(a.png), url(b.png), 50%)"),
    ("width", "-webkit-calc(1px + 1px)"),
    ("width", "-moz-calc(1px + 1px)"),
    ("unicode-bidi", "-webkit-isolate"), ("unicode-bidi", "-webkit-isolate-override"),
    ("unicode-bidi", "-webkit-plaintext"), ("unicode-bidi", "-moz-isolate"),
    ("white-space", "-webkit-nowrap"), ("white-space", "-moz-pre-wrap"),
    ("white-space", "-o-pre-wrap"), ("white-space", "-pre-wrap"),
    ("vertical-align", "-webkit-baseline-middle"), ("font-size", "-webkit-xxx-large"),
    ("image-rendering", "-webkit-optimize-contrast"), ("image-rendering", "-moz-crisp-edges"),
    ("image-rendering", "-o-crisp-edges"), ("font-family", "-webkit-pictograph"),
    ("font-family", "-webkit-body"), ("cursor", "-webkit-zoom-in"),
    ("cursor", "-webkit-grab"), ("cursor", "-moz-grab"), ("cursor", "-webkit-grabbing"),
    ("cursor", "-moz-zoom-in"), ("box-sizing", "-moz-border-box"),
    ("overflow", "-webkit-paged-x"), ("overflow", "-moz-scrollbars-none"),
    ("overflow", "-moz-hidden-unscrollable"), ("text-decoration", "-webkit-line"),
    ("word-break", "-webkit-break"), ("font-weight", "-webkit-bold"),
]

# Candidate pseudo-classes (Selectors 4, HTML, CSS specs that define one, vendor spellings)
PSEUDO_CLASSES = [
    "active", "any-link", "autofill", "blank", "buffering", "checked", "closed", "current",
    "default", "defined", "dir", "disabled", "empty", "enabled", "first", "first-child",
    "first-of-type", "focus", "focus-visible", "focus-within", "fullscreen", "future", "has",
    "host", "host-context", "hover", "in-range", "indeterminate", "invalid", "is", "lang",
    "last-child", "last-of-type", "left", "link", "local-link", "matches", "modal", "muted",
    "not", "nth-child", "nth-col", "nth-last-child", "nth-last-col", "nth-last-of-type",
    "nth-of-type", "only-child", "only-of-type", "open", "optional", "out-of-range", "past",
    "paused", "picture-in-picture", "placeholder-shown", "playing", "popover-open", "read-only",
    "read-write", "required", "right", "root", "scope", "seeking", "stalled", "state", "target",
    "target-within", "user-invalid", "user-valid", "valid", "visited", "volume-locked", "where",
    "xr-overlay", "active-view-transition", "active-view-transition-type", "has-slotted",
    "heading", "target-current", "target-before", "target-after", "-webkit-any",
    "-webkit-any-link", "-webkit-autofill", "-webkit-full-screen", "-webkit-drag",
    "-webkit-full-screen-ancestor", "-webkit-full-page-media", "-moz-any", "-moz-any-link",
    "-moz-focusring", "-moz-placeholder", "-moz-ui-invalid", "-moz-ui-valid", "-moz-read-only",
    "-moz-read-write", "-moz-full-screen", "-moz-only-whitespace", "-moz-window-inactive",
    "-ms-input-placeholder", "-ms-fullscreen", "-o-prefocus", "window-inactive", "horizontal",
    "vertical", "decrement", "increment", "start", "end", "double-button", "single-button",
    "no-button", "corner-present",
]
FUNCTIONAL = {"dir": "(ltr)", "has": "(a)", "host-context": "(a)", "is": "(a)",
              "lang": "(en)", "matches": "(a)", "not": "(a)", "nth-child": "(1)",
              "nth-col": "(1)", "nth-last-child": "(1)", "nth-last-col": "(1)",
              "nth-last-of-type": "(1)", "nth-of-type": "(1)", "state": "(x)", "where": "(a)",
              "-webkit-any": "(a)", "-moz-any": "(a)", "host": "(a)",
              "active-view-transition-type": "(x)", "heading": "(1)"}
PSEUDO_ELEMENTS = [
    "after", "backdrop", "before", "cue", "cue-region", "file-selector-button", "first-letter",
    "first-line", "grammar-error", "highlight", "marker", "part", "placeholder", "selection",
    "slotted", "spelling-error", "target-text", "view-transition", "view-transition-group",
    "view-transition-image-pair", "view-transition-new", "view-transition-old",
    "details-content", "picker", "picker-icon", "checkmark", "scroll-marker",
    "scroll-marker-group", "scroll-button", "column", "search-text", "-webkit-scrollbar",
    "-webkit-scrollbar-thumb", "-webkit-scrollbar-track", "-webkit-scrollbar-button",
    "-webkit-scrollbar-corner", "-webkit-scrollbar-track-piece", "-webkit-resizer",
    "-webkit-input-placeholder", "-webkit-search-cancel-button", "-webkit-search-decoration",
    "-webkit-inner-spin-button", "-webkit-outer-spin-button", "-webkit-slider-thumb",
    "-webkit-slider-runnable-track", "-webkit-file-upload-button", "-webkit-details-marker",
    "-webkit-media-controls", "-webkit-calendar-picker-indicator", "-webkit-progress-bar",
    "-webkit-progress-value", "-webkit-meter-bar", "-webkit-color-swatch",
    "-webkit-datetime-edit", "-webkit-media-controls-panel", "-webkit-media-text-track-display",
    "-moz-selection", "-moz-placeholder", "-moz-focus-inner", "-moz-range-thumb",
    "-moz-range-track", "-moz-progress-bar", "-moz-list-bullet", "-ms-clear", "-ms-reveal",
    "-ms-expand", "-ms-input-placeholder", "-ms-thumb", "-ms-track", "-ms-fill-lower",
    "-ms-browse",
]
ELEMENT_ARGUMENTS = {"cue": "(b)", "cue-region": "(b)", "highlight": "(x)", "part": "(x)",
                     "slotted": "(a)", "view-transition-group": "(x)",
                     "view-transition-image-pair": "(x)", "view-transition-new": "(x)",
                     "view-transition-old": "(x)", "scroll-button": "(up)"}
FONT_TECH = [
    "features-opentype", "features-aat", "features-graphite", "color-colrv0", "color-colrv1",
    "color-svg", "color-sbix", "color-cbdt", "variations", "palettes", "incremental",
]
AT_RULES = [
    "charset", "color-profile", "container", "counter-style", "custom-media", "custom-selector",
    "document", "font-face", "font-feature-values", "font-palette-values", "function", "import",
    "keyframes", "layer", "media", "namespace", "page", "position-try", "property", "scope",
    "starting-style", "supports", "view-transition", "viewport", "-webkit-keyframes",
    "-moz-keyframes", "-moz-document", "-ms-viewport",
]
FONT_FORMAT = ["collection", "embedded-opentype", "opentype", "svg", "truetype", "woff", "woff2"]

_PROBE = """(data) => {
  const out = {properties: [], displays: [], vendorValues: [], pseudoClasses: [],
               pseudoElements: [], fontTech: [], fontFormat: [], atRules: []};
  const names = new Set();
  for (const key in document.body.style) {
    if (typeof document.body.style[key] !== 'string') continue;
    let name = key.includes('-') ? key : key.replace(/[A-Z]/g, m => '-' + m.toLowerCase());
    if (name.startsWith('webkit-')) name = '-' + name;
    names.add(name);
  }
  for (const name of getComputedStyle(document.body)) names.add(name);
  for (const name of names) if (CSS.supports(name, 'inherit')) out.properties.push(name);
  for (const value of data.displays)
    if (CSS.supports('display', value)) out.displays.push(value);
  for (const [property, value] of data.vendorValues)
    if (CSS.supports(property, value)) out.vendorValues.push(value.split('(')[0]);
  for (const [name, args] of data.pseudoClasses)
    if (CSS.supports(`selector(:${name}${args})`)) out.pseudoClasses.push(name);
  for (const [name, args] of data.pseudoElements)
    if (CSS.supports(`selector(::${name}${args})`)) out.pseudoElements.push(name);
  for (const name of data.fontTech)
    if (CSS.supports(`font-tech(${name})`)) out.fontTech.push(name);
  for (const name of data.fontFormat)
    if (CSS.supports(`font-format(${name})`)) out.fontFormat.push(name);
  for (const name of data.atRules)
    if (CSS.supports(`at-rule(@${name})`)) out.atRules.push(name);
  out.userAgent = navigator.userAgent;
  return out;
}"""


def main() -> int:
    from playwright.sync_api import sync_playwright

    data = {"displays": DISPLAYS, "vendorValues": VENDOR_VALUES,
            "pseudoClasses": [(name, FUNCTIONAL.get(name, "")) for name in PSEUDO_CLASSES],
            "pseudoElements": [(name, ELEMENT_ARGUMENTS.get(name, ""))
                               for name in PSEUDO_ELEMENTS],
            "fontTech": FONT_TECH, "fontFormat": FONT_FORMAT, "atRules": AT_RULES}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        try:
            page = browser.new_page()
            page.set_content("<p>x</p>")
            found = page.evaluate(_PROBE, data)
            version = browser.version
        finally:
            browser.close()
    major = version.split(".")[0]

    def listing(name: str, values: list[str], doc: str) -> str:
        words = sorted(set(values))
        lines, line = [], "    "
        for word in words:
            item = f'"{word}", '
            if len(line) + len(item) > 96:
                lines.append(line.rstrip())
                line = "    "
            line += item
        lines.append(line.rstrip())
        body = "\n".join(lines)
        return f"# {doc}\n{name} = frozenset((\n{body}\n))"

    parts = [
        f'"""What Chromium {major} supports, as ``@supports`` asks it (knowledge only; no '
        'Page).\n\nGenerated by scripts/chromium_css_support.py from Debian\'s Chromium '
        f'{version}: do not\nedit by hand; rerun the script when Chromium\'s major version '
        'changes. Read by\n:mod:`a11y_audit.semantics.supports`.\n"""\n',
        "from __future__ import annotations",
        f'CHROMIUM_VERSION = "{version}"',
        listing("PROPERTIES", found["properties"],
                "Property names, lower case (standard, -webkit- and aliases)"),
        listing("DISPLAY_VALUES", found["displays"], "Values of `display`"),
        listing("VENDOR_VALUES", found["vendorValues"],
                "Vendor-prefixed keywords and functions taken as values (any other is not)"),
        listing("PSEUDO_CLASSES", found["pseudoClasses"], "Pseudo-classes selector() takes"),
        listing("PSEUDO_ELEMENTS", found["pseudoElements"],
                "Pseudo-elements selector() takes"),
        listing("FONT_TECH", found["fontTech"], "font-tech() keywords"),
        listing("FONT_FORMAT", found["fontFormat"], "font-format() keywords"),
        listing("AT_RULES", found["atRules"], "At-rule names at-rule() takes (without the @)"),
    ]
    OUT.write_text("\n\n".join(parts[:2]) + "\n\n" + "\n\n\n".join(parts[2:]) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: Chromium {version}, "
          f"{len(found['properties'])} properties")
    return 0


if __name__ == "__main__":
    sys.exit(main())
