"""Write ``docs/axe-coverage.md``: every axe-core 4.x rule, and what a11y-audit does with it.

``python scripts/axe_coverage.py`` regenerates the page from the rule registry (which ids exist
here, and each rule's "Matches axe-core." / "Differs from axe-core:" paragraph) and from the
reasons below for the rules static HTML cannot decide. The axe-core list is the one of release
4.11 (``lib/rules/*.json`` at commit 57cb1ef): id -> (WCAG criteria as axe tags them, flags).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from a11y_audit.registry import all_rules  # noqa: E402

AXE_RULES: dict[str, tuple[str, str]] = {
    'accesskeys': ('', 'best-practice'),
    'area-alt': ('244,412', ''),
    'aria-allowed-attr': ('412', ''),
    'aria-allowed-role': ('', 'best-practice'),
    'aria-braille-equivalent': ('412', ''),
    'aria-command-name': ('412', ''),
    'aria-conditional-attr': ('412', ''),
    'aria-deprecated-role': ('412', ''),
    'aria-dialog-name': ('', 'best-practice'),
    'aria-hidden-body': ('131,412', ''),
    'aria-hidden-focus': ('412', ''),
    'aria-input-field-name': ('412', ''),
    'aria-meter-name': ('111', ''),
    'aria-progressbar-name': ('111', ''),
    'aria-prohibited-attr': ('412', ''),
    'aria-required-attr': ('412', ''),
    'aria-required-children': ('131', ''),
    'aria-required-parent': ('131', ''),
    'aria-roledescription': ('412', 'deprecated'),
    'aria-roles': ('412', ''),
    'aria-tab-name': ('412', ''),
    'aria-text': ('', 'best-practice'),
    'aria-toggle-field-name': ('412', ''),
    'aria-tooltip-name': ('412', ''),
    'aria-treeitem-name': ('', 'best-practice'),
    'aria-valid-attr-value': ('412', ''),
    'aria-valid-attr': ('412', ''),
    'audio-caption': ('121', 'deprecated'),
    'autocomplete-valid': ('135', ''),
    'avoid-inline-spacing': ('1412', ''),
    'blink': ('222', ''),
    'button-name': ('412', ''),
    'bypass': ('241', ''),
    'color-contrast-enhanced': ('146', ''),
    'color-contrast': ('143', ''),
    'css-orientation-lock': ('134', 'experimental'),
    'definition-list': ('131', ''),
    'dlitem': ('131', ''),
    'document-title': ('242', ''),
    'duplicate-id-active': ('411', 'deprecated'),
    'duplicate-id-aria': ('412', ''),
    'duplicate-id': ('411', 'deprecated'),
    'empty-heading': ('', 'best-practice'),
    'empty-table-header': ('', 'best-practice'),
    'focus-order-semantics': ('', 'best-practice experimental'),
    'form-field-multiple-labels': ('332', ''),
    'frame-focusable-content': ('211', ''),
    'frame-tested': ('', 'best-practice'),
    'frame-title-unique': ('412', ''),
    'frame-title': ('412', ''),
    'heading-order': ('', 'best-practice'),
    'hidden-content': ('', 'best-practice experimental'),
    'html-has-lang': ('311', ''),
    'html-lang-valid': ('311', ''),
    'html-xml-lang-mismatch': ('311', ''),
    'identical-links-same-purpose': ('249', ''),
    'image-alt': ('111', ''),
    'image-redundant-alt': ('', 'best-practice'),
    'input-button-name': ('412', ''),
    'input-image-alt': ('111,412', ''),
    'label-content-name-mismatch': ('253', 'experimental'),
    'label-title-only': ('', 'best-practice'),
    'label': ('412', ''),
    'landmark-banner-is-top-level': ('', 'best-practice'),
    'landmark-complementary-is-top-level': ('', 'best-practice deprecated'),
    'landmark-contentinfo-is-top-level': ('', 'best-practice'),
    'landmark-main-is-top-level': ('', 'best-practice'),
    'landmark-no-duplicate-banner': ('', 'best-practice'),
    'landmark-no-duplicate-contentinfo': ('', 'best-practice'),
    'landmark-no-duplicate-main': ('', 'best-practice'),
    'landmark-one-main': ('', 'best-practice'),
    'landmark-unique': ('', 'best-practice'),
    'link-in-text-block': ('141', ''),
    'link-name': ('244,412', ''),
    'list': ('131', ''),
    'listitem': ('131', ''),
    'marquee': ('222', ''),
    'meta-refresh-no-exceptions': ('224,325', ''),
    'meta-refresh': ('221', ''),
    'meta-viewport-large': ('', 'best-practice'),
    'meta-viewport': ('144', ''),
    'nested-interactive': ('412', ''),
    'no-autoplay-audio': ('142', ''),
    'object-alt': ('111', ''),
    'p-as-heading': ('131', 'experimental'),
    'page-has-heading-one': ('', 'best-practice'),
    'presentation-role-conflict': ('', 'best-practice'),
    'region': ('', 'best-practice'),
    'role-img-alt': ('111', ''),
    'scope-attr-valid': ('', 'best-practice'),
    'scrollable-region-focusable': ('211,213', ''),
    'select-name': ('412', ''),
    'server-side-image-map': ('211', ''),
    'skip-link': ('', 'best-practice'),
    'summary-name': ('412', ''),
    'svg-img-alt': ('111', ''),
    'tabindex': ('', 'best-practice'),
    'table-duplicate-name': ('', 'best-practice'),
    'table-fake-caption': ('131', 'experimental'),
    'target-size': ('258', ''),
    'td-has-header': ('131', 'experimental'),
    'td-headers-attr': ('131', ''),
    'th-has-data-cells': ('131', ''),
    'valid-lang': ('312', ''),
    'video-caption': ('122', ''),
}

# Why a rule is not implemented here: what static HTML lacks, or who is on it.
NOT_HERE: dict[str, str] = {
    "aria-roledescription": "Deprecated and disabled in axe-core 4.11 (its check only asks for "
                            "review outside a short list of roles); not done.",
    "audio-caption": "Deprecated in axe-core; whether a transcript or captions exist for audio "
                     "needs a person (axe only asks for review).",
    "bypass": "axe asks for review when a page has no heading, landmark or same-page link; the "
              "news rule skip-link-present and the landmark and heading rules cover the need.",
    "color-contrast": "Needs rendered colours: the cascade of every stylesheet, backgrounds, "
                      "images and layout.",
    "color-contrast-enhanced": "Needs rendered colours (as color-contrast).",
    "css-orientation-lock": "Needs every stylesheet, external ones included (media queries "
                            "with transforms).",
    "definition-list": "Issue 7 item 3 (native list structure), another engineer's.",
    "dlitem": "Issue 7 item 3 (native list structure), another engineer's.",
    "list": "Issue 7 item 3 (native list structure), another engineer's.",
    "listitem": "Issue 7 item 3 (native list structure), another engineer's.",
    "duplicate-id": "Deprecated in axe-core (WCAG 4.1.1 is obsolete); duplicate-id-aria checks "
                    "the ids that assistive technology follows.",
    "duplicate-id-active": "Deprecated in axe-core (WCAG 4.1.1 is obsolete); see duplicate-id.",
    "form-field-multiple-labels": "axe-core never fails it: several labels only make it ask "
                                  "for review, and a rule here must be able to fail.",
    "frame-tested": "Checks that axe-core itself ran inside each iframe; frame documents are "
                    "not fetched by a static audit.",
    "frame-title-unique": "axe-core only asks for review: whether frames with the same title "
                          "serve the same purpose needs a person (ACT 4b1c6c is a judgement "
                          "rule).",
    "hidden-content": "Experimental; lists content hidden by CSS for review, which needs the "
                      "styles.",
    "identical-links-same-purpose": "WCAG AAA; axe asks for review whether links with the same "
                                    "name lead to equivalent pages, which needs a person.",
    "link-in-text-block": "Needs rendered colours and underlines (CSS).",
    "no-autoplay-audio": "The news-rules engineer's (media).",
    "scrollable-region-focusable": "Needs layout: whether content overflows its box.",
    "target-size": "Needs layout: the rendered size and spacing of targets.",
    "video-caption": "The news-rules engineer's (media).",
}

_CONVENTION = re.compile(r"^(Matches axe-core\.|Differs from axe-core:|No axe-core counterpart\.)"
                         r"(.*?)(?:\n\s*\n|\Z)", re.M | re.S)


def _criteria(value: str) -> str:
    out = []
    for tag in value.split(","):
        if tag:
            # wcag111 -> 1.1.1, wcag1412 -> 1.4.12
            out.append(f"{tag[0]}.{tag[1]}.{tag[2:]}")
    return ", ".join(out) or "none"


def _status(docs: str) -> str:
    match = _CONVENTION.search(docs)
    if not match:
        return "implemented; see `a11y-audit explain`"
    if match.group(1).startswith("Matches"):
        return "implemented, matches"
    text = " ".join(match.group(2).split()).replace("``", "`")
    return "implemented, **differs**: " + text


def render() -> str:
    ours = {r.id: r for r in all_rules()}
    rows = []
    counts = {"implemented": 0, "not": 0}
    for axe_id, (criteria, flags) in sorted(AXE_RULES.items()):
        loaded = ours.get(axe_id)
        if loaded is not None:
            counts["implemented"] += 1
            status = _status(loaded.rule.docs)
        else:
            counts["not"] += 1
            status = "not implemented: " + NOT_HERE.get(axe_id, "not decided yet.")
        rows.append(f"| `{axe_id}` | {_criteria(criteria)} | {flags or ''} | {status} |")
    own = sorted(r.id for r in ours.values() if r.id not in AXE_RULES)
    return "\n".join([
        "# axe-core rules in a11y-audit",
        "",
        "Every rule of axe-core 4.11 (`lib/rules/*.json`), and whether a11y-audit implements it",
        "under the same id. A rule with an axe-core id checks what axe's rule checks: the same",
        "elements (selector, hidden elements, `matches`) and the same checks. Where it differs,",
        "its documentation (`a11y-audit explain ID`) says so under \"Differs from axe-core\" with",
        "the ACT rule or spec clause that justifies it, and this table repeats it. Where static",
        "HTML cannot see what axe sees in a browser (layout, stylesheets beyond the page's own",
        "`<style>`, scripts, iframe documents), rules answer cantTell rather than guess.",
        "",
        "Generated by `python scripts/axe_coverage.py`; rerun it after adding a rule.",
        "",
        f"{counts['implemented']} of {len(AXE_RULES)} axe-core rules implemented; "
        f"{counts['not']} not.",
        "",
        "| axe-core rule | WCAG (axe's tags) | axe flags | here |",
        "|---|---|---|---|",
        *rows,
        "",
        "## Our own rules (no axe-core counterpart)",
        "",
        ", ".join(f"`{r}`" for r in own) + ".",
        "",
    ])


def main() -> None:
    out = REPO / "docs" / "axe-coverage.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(render(), encoding="utf-8")
    print(f"wrote {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
