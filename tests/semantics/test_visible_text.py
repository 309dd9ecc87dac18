"""Visible inner text (ACT glossary) and the ACT "label in name algorithm" (rule 2ee8b8)."""

from __future__ import annotations

import pytest

from a11y_audit.page import Page
from a11y_audit.rules.label_content_name_mismatch import compare, tokens
from a11y_audit.semantics.visible_text import has_visible_text, visible_inner_text


def inner(markup: str) -> str:
    page = Page.from_html(markup)
    (el,) = page.root.xpath("//*[@data-t]")
    return " ".join(visible_inner_text(el, page).split())


@pytest.mark.parametrize(("markup", "expected"), [
    ('<a data-t>Download <span aria-hidden="true">gizmo</span> spec</a>',
     "Download gizmo spec"),
    ('<a data-t>Download <span style="visibility: hidden">the</span> '
     '<span style="display: none">gizmo</span> spec</a>', "Download spec"),
    ('<a data-t><div style="display: inline">A</div><div style="display: inline">C</div></a>',
     "AC"),
    ("<a data-t><p>Hello</p><p>world</p></a>", "Hello world"),
    ("<a data-t>compose&nbsp;&nbsp;<br>email</a>", "compose email"),
    ('<a data-t><img src="a.png" alt="logo"> Home</a>', "Home"),
    ('<a data-t>Read <span style="position:absolute;left:-10000px">the story</span>more</a>',
     "Read more"),
    ('<a data-t>A<span hidden>B</span>C<script>var x</script></a>', "AC"),
    ('<button data-t><svg><title>Icon</title><text>Label</text></svg></button>', "Label"),
    # a drop-down select shows its selected option only (HTML's selectedness algorithm)
    ('<select data-t role="menuitem" aria-label="Edition"><option>Africa</option>'
     '<option selected>United States</option><option>Wales</option></select>',
     "United States"),
    ("<select data-t><option selected>A</option><option selected>B</option></select>", "B"),
    ("<select data-t><option disabled>Pick one</option><option>Africa</option></select>",
     "Africa"),
    ('<select data-t size="1"><optgroup disabled label="G"><option>A</option></optgroup>'
     "<option>B</option></select>", "B"),
    ('<select data-t><option label="US">United  States</option></select>', "US"),
    ('<select data-t><option label="">United\n States</option></select>', "United States"),
    ("<select data-t></select>", ""),
    # a list box shows its options
    ("<select data-t multiple><option>A</option><option selected>B</option></select>", "A B"),
    ('<select data-t size="3"><option>A</option><option>B</option></select>', "A B"),
])
def test_visible_inner_text(markup, expected):
    assert inner(markup) == expected


def test_hidden_predicate_treats_more_text_as_invisible():
    page = Page.from_html('<a data-t>Share <span class="sr-only">on Facebook</span></a>')
    (el,) = page.root.xpath("//*[@data-t]")
    text = visible_inner_text(el, page, hidden=lambda n: "sr-only" in (n.get("class") or ""))
    assert " ".join(text.split()) == "Share"


def test_has_visible_text():
    page = Page.from_html('<a id="a"><img src="x" alt="alt only"></a><a id="b"> <b> </b></a>'
                          '<a id="c">x</a>')
    assert not has_visible_text(page.ids["a"], page)
    assert not has_visible_text(page.ids["b"], page)
    assert has_visible_text(page.ids["c"], page)


def test_tokens():
    assert tokens("  ACT   Rules!! ") == ["act", "rules"]
    assert tokens("Next…") == ["next"]
    assert tokens("💡 Submit 💡") == ["submit"]
    assert tokens("123.555.0123") == ["123", "555", "0123"]
    assert tokens("non\u00adstandard") == ["nonstandard"]
    assert tokens("Café") == ["cafe"]


@pytest.mark.parametrize(("label", "name", "expected"), [
    ("ACT rules", "ACT rules", True),
    ("ACT rules", "  act   RULES ", True),
    ("Next Page", "Next Page in the list", True),
    ("X", "anything", True),                         # symbolic "x"
    ("Search by date (YYYY-MM-DD)", "Search by date", True),
    ("Next…", "Next", True),
    (">>> ** Submit ** <<<", "💡 Submit 💡", True),
    ("ACT rules", "WCAG", False),
    ("The full label", "the full", False),
    ("Discover It", "Discover Italy", False),          # whole words only
    ("justice", "just ice", False),
    ("W C A G", "WCAG", False),
    ("Download specification", "Download the specification", False),  # contiguous
    ("2021", "20 21", False),
    ("1", "1a", False),
    ("two thousand twenty-one", "twenty twenty-one", False),
    ("University Ave.", "University Avenue", None),     # abbreviation: not applicable
    ("nonstandard", "non-standard", None),              # hyphenation differs
    ("e-mail", "Email us", None),
    ("搜索", "搜索按钮", True),                           # no spaces between words
    ("新闻", "体育", False),
])
def test_label_in_name_algorithm(label, name, expected):
    assert compare(label, name) is expected


@pytest.mark.parametrize(("style", "default", "cascade"), [
    # a stylesheet that makes spans blocks sets their words apart
    (".w { display: block }", "Monday12", "Monday 12"),
    (".w { display: flex }", "Monday12", "Monday 12"),
    # inline-level displays run them together, whatever the tag
    ("div.w { display: inline-block }", "Monday12", "Monday12"),
    # a stylesheet that sets nothing on them: the tags' defaults
    (".other { display: block }", "Monday12", "Monday12"),
])
def test_cascade_block_reads_the_computed_display(style, default, cascade):
    from a11y_audit.semantics.visible_text import cascade_block

    page = Page.from_html(f'<style>{style}</style><a data-t href="/"><span class="w">Monday</span>'
                          '<span class="w">12</span></a>')
    (el,) = page.root.xpath("//*[@data-t]")
    assert " ".join(visible_inner_text(el, page).split()) == default
    assert " ".join(visible_inner_text(el, page, block=cascade_block(page)).split()) == cascade


def test_cascade_block_runs_blocks_made_inline_together():
    from a11y_audit.semantics.visible_text import cascade_block

    page = Page.from_html('<html><head><style>.auth div { display: inline }</style></head><body>'
                          '<button class="auth" data-t><div>Log</div><div>in</div></button>'
                          '</body></html>')
    (el,) = page.root.xpath("//*[@data-t]")
    assert " ".join(visible_inner_text(el, page).split()) == "Log in"
    assert visible_inner_text(el, page, block=cascade_block(page)).strip() == "Login"
