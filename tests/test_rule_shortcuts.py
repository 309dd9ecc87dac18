"""The shortcuts hot rules take (a cheap test first, a C-level scan instead of a Python walk)
give the answers of the general code path on the cases that tell them apart."""

from __future__ import annotations

import gc
import re
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree, html

from a11y_audit import dom
from a11y_audit.checks import contrast
from a11y_audit.checks.naming import command_rule
from a11y_audit.dom import DEPTHS
from a11y_audit.knowledge import aria
from a11y_audit.outcome import Outcome
from a11y_audit.page import Page
from a11y_audit.rules import (
    anchor_has_href,
    figure_image_alt,
    image_redundant_alt,
    link_adjacent_duplicate,
    link_name,
    link_new_window_or_file,
    link_text_generic,
    listitem,
    live_region_ticker,
    p_as_heading,
    region,
)
from a11y_audit.semantics import focus
from tests.conftest import outcomes, run_rule

FAILED, PASSED = Outcome.FAILED, Outcome.PASSED


@pytest.mark.parametrize(("inner", "has_text"), [
    ("Read", True),
    ("<span> </span>", False),
    ("<span>\u00a0\u2003</span>", False),          # no-break and em spaces are white space
    ("<b><i></i>deep</b>", True),
    ("<span></span>after", True),                  # a child's tail
    ("<!-- a comment --><img src=x.jpg>", False),  # a comment's text is not text
    ("<!-- a comment -->tail", True),
    ("<svg><title>Share</title></svg>", False),    # an svg's title is not visible text
    ("<svg><text>Share</text></svg> Read", True),   # the svg's tail is
    ("<span><svg><title>x</title></svg></span>", False),
    ("<span><script>var a</script><style>b{}</style></span>", False),
    ("<span><script>var a</script>shown</span>", True),
])
def test_link_text_with_and_without_parts_to_leave_out(inner, has_text):
    link = html.fragment_fromstring(f'<a href="/x">{inner}</a>')
    assert link_adjacent_duplicate._has_text(link) is has_text


@pytest.mark.parametrize("markup", [
    "<a href='/a'> <span><svg><title>Share</title></svg></span></a><a href='/b'> <b>x</b></a>"
    "<a href='/c'><img src='c.jpg'> </a><a href='/d'><span><script>var a</script></span>d</a>"
    "<a href='/e'><style>b{}</style> </a><svg><a href='/f'><text>f</text></a></svg>"
    "<a href='/g'><picture><img src='g.jpg'></picture><i>G</i></a><map name='m'>"
    "<area href='/h'></map><a href='/i'>  <!-- c --> </a><a href='/j'><svg></svg>tail</a>",
])
def test_link_kinds_from_the_page_holders_match_asking_each_link(markup, corpus_root):
    """The kind of each link (image, text, both, empty) with what it holds read from the
    page's holders of images and of svg, script and style is the kind found by searching
    inside the link."""
    import gzip

    from a11y_audit.sources import decode

    pages = [Page.from_html(f"<html><body>{markup}</body></html>")]
    pages += [Page.from_html(decode(gzip.decompress(path.read_bytes()), path.name)[0])
              for path in sorted(corpus_root.glob("*.html.gz"))[::9]]
    seen = set()
    for page in pages:
        images = link_adjacent_duplicate.image_holders(page)
        others = link_adjacent_duplicate._holders_of(page, link_adjacent_duplicate._NOT_TEXT)
        for link in page.links:
            el = link.element
            kind = link_adjacent_duplicate._kind(el, el in images, el in others)
            assert kind == link_adjacent_duplicate._kind(el), link.href
            seen.add(kind)
    assert seen == {"image", "text", "both", "empty"}


def test_ticker_hint_joins_class_id_and_label():
    """Elements with a class alone are matched by their class; with an id or a label, the
    pattern sees all of them together, as when every element was keyed in full."""
    markup = ('<div class="news" id="ticker-x"><p>Flash</p></div>'
              '<div class="news">Calm</div>'
              '<div class="news" aria-label="ticker">Wire</div>')
    found = outcomes("live-region-ticker", markup, patterns=[r"news ticker"])
    assert found == [(FAILED, "#ticker-x"), (FAILED, "html > body > div:nth-of-type(3)")]
    # the hint of the element with a class alone is its class (and the empty label)
    found = outcomes("live-region-ticker", markup, patterns=[r"^news $"])
    assert found == [(FAILED, "html > body > div:nth-of-type(2)")]


@pytest.mark.parametrize(("patterns", "words"), [
    (live_region_ticker.OPTIONS["patterns"],
     ("breaking", "ticker", "newsticker", "newsflash", "live", "crawl")),
    ([r"(?<!s)ticker"], ("ticker",)),        # after a negative lookbehind
    ([r"(?<=news)ticker"], None),            # a positive one is not read
    ([r"News ticker"], ("news",)),
    ([r"^news $"], ("news",)),
    ([r"tickers?"], ("ticker",)),            # the optional last letter is not required
    ([r"ab{0,1}"], ("a",)),
    ([r"\bx*"], None),                      # nothing required
    ([r"(?:live|feed)"], None),
    ([r"live|feed"], None),
    ([r"[Tt]icker"], None),
    ([], ()),
])
def test_ticker_patterns_required_words(patterns, words):
    assert live_region_ticker.required_literals(patterns) == words


_TICKER_CASES = [
    '<div class="BREAKING-NEWS">Flash</div>',
    '<div class="tic\u212aer">Flash</div>',         # Kelvin sign: IGNORECASE matches k
    '<div class="new\u017fflash">Flash</div>',      # long s: IGNORECASE matches s, lower() not
    '<div class="\u00e9 news-Ticker">Flash</div>',   # not ASCII: the pattern decides
    '<div class="x" id="LiveUpdates">Feed</div>',
    '<div aria-label="Liveblog: election">Feed</div>',
    '<div role="region" class="wrap"><div role="log">Log</div></div>',
    '<a class="ticker" href="/t">Link</a><div class="deliver olive">Not one</div>',
    '<div class="rule-ticker">Report</div><div class="a11y-breaking x">Note</div>',
    '<section class="live-blog" id="b"><p class="ticker">x</p></section>'
    '<div class="livestream">y</div>',
    '<div class="weather-sticker">Sun</div><div class="Newsticker">Flash</div>',
]


@pytest.mark.parametrize("markup", _TICKER_CASES)
@pytest.mark.parametrize("patterns", [
    live_region_ticker.OPTIONS["patterns"], [r"news ticker", r"live"], [r"^x$", r"feed"]])
def test_ticker_word_prefilter_gives_the_pattern_answers(markup, patterns, monkeypatch):
    """Only hints holding a word every match needs go to the pattern: the same tickers as
    when every hint does."""
    fast = outcomes("live-region-ticker", markup, patterns=patterns)
    monkeypatch.setattr(live_region_ticker, "required_literals", lambda _: None)
    assert outcomes("live-region-ticker", markup, patterns=patterns) == fast


def test_ticker_prefilter_finds_upper_case_and_case_folded_hints():
    for markup in _TICKER_CASES[:6]:
        assert len(outcomes("live-region-ticker", markup)) == 1, markup
    assert not outcomes("live-region-ticker", _TICKER_CASES[7])    # a link; olive, deliver
    assert not outcomes("live-region-ticker", _TICKER_CASES[8])    # ignored prefixes
    found = outcomes("live-region-ticker", _TICKER_CASES[9])
    assert [s for _, s in found] == ["#b"]            # the outermost only; livestream is not


_TICKER_HINT_PAGE = (
    '<div class="ticker">a</div><div class="ticker" id="t1">b</div>'      # the same class,
    '<div class="ticker" role="region">c</div><div class="calm" id="ticker">d</div>'  # fuller
    '<div class="calm" aria-label="Live feed">e</div><div id="x" aria-label="y">f</div>'
    '<div role="log">g</div><div class="" id="">h</div><div class="caf\u00e9">i</div>'
    '<div class="news" id="live\nblog">j</div><div class="rule-ticker" id="x">k</div>'
    '<p class="BREAKING">l</p><p class="breaking" id="ok">m</p>'
)


@pytest.mark.parametrize("patterns", [
    live_region_ticker.OPTIONS["patterns"], [r"news ticker", r"live"], [r"^x$", r"feed"],
    [r"^ticker $"], [r"^x y$"], [r"caf"], [r"live-?blog"]])
def test_ticker_matches_from_the_page_values_are_each_elements_own_hint(patterns):
    """The tickers found from the page's class, id and aria-label values (distinct values
    matched once, the class of an element with an id, label or role left to its full hint)
    are the elements whose own hint, read with lxml's get, the pattern finds."""
    page = Page.from_html(_TICKER_HINT_PAGE)
    prefixes = tuple(live_region_ticker.OPTIONS["ignore-prefixes"])
    pattern = re.compile("|".join(patterns), re.I)
    expected = {
        el for el in page.elements
        if any(el.get(name) is not None for name in ("class", "id", "aria-label", "role"))
        and pattern.search(live_region_ticker._hint(
            el.get("class"), el.get("id"), el.get("aria-label"), prefixes))}
    for literals in (live_region_ticker.required_literals(patterns), None):
        assert live_region_ticker._matching(page, pattern, prefixes, literals) == expected


def test_focus_marks_from_the_page_indexes_match_a_scan_of_the_tree():
    markup = ('<div inert><a href="/a">A</a></div><dialog><button>x</button></dialog>'
              '<dialog open><button>y</button></dialog><fieldset disabled><input></fieldset>'
              '<fieldset><input></fieldset><svg><g inert=""></g></svg>')
    page = Page.from_html(markup)
    focus._MARKS.clear()
    from_page = focus.marks(page.root)
    assert not focus._MARKS                            # kept in the page's memo instead
    del dom._PAGES[id(page.root)]
    scanned = focus.marks(page.root)                   # no page attached: the tree scan
    assert focus._MARKS[id(page.root)][1] is scanned
    assert from_page == scanned
    assert len(scanned.inert) == 2 and len(scanned.closed_dialogs) == 1
    assert len(scanned.disabled_fieldsets) == 1
    assert focus.is_inert(page.tags("a")[0]) and not focus.is_focusable(page.tags("a")[0])


_FOCUS_PAGES = [
    '<a href="/a">a</a><a>no href</a><a href="">empty</a><a xlink:href="/x">x</a>'
    '<area href="/m"><area><map><area href="/n"></map><svg><a href="/s">s</a></svg>',
    '<div tabindex="0">0</div><span tabindex="-1">-1</span><p tabindex=" +2 ">2</p>'
    '<i tabindex="x">bad</i><b tabindex="">empty</b><a href="/a" tabindex="-1">a</a>'
    '<input type="hidden" tabindex="0"><button disabled tabindex="0">b</button>',
    '<input><input type="HIDDEN "><input disabled><button>b</button><select></select>'
    '<textarea disabled></textarea><iframe></iframe><embed><audio controls></audio>'
    '<video></video><details><summary>s</summary><summary>t</summary></details><summary>u'
    '</summary>',
    '<div contenteditable>e</div><div contenteditable="TRUE ">t</div><div contenteditable='
    '"false">f</div><p contenteditable="plaintext-only">p</p><span contenteditable="x">x</span>',
    '<div inert><a href="/a">a</a><p tabindex="0">p</p><div contenteditable>c</div></div>'
    '<a href="/b" inert>b</a><button>out</button>',
    '<fieldset disabled><legend><input id="in-legend"></legend><input id="off"></fieldset>'
    '<fieldset><input></fieldset><dialog><button>closed</button></dialog>'
    '<dialog open><a href="/d">open</a></dialog><div tabindex="0" inert>x</div>',
    '<svg><g inert=""><a href="/g">g</a></g></svg><math><mi tabindex="0">x</mi></math>',
]


@pytest.mark.parametrize("markup", _FOCUS_PAGES)
def test_focus_from_the_page_holders_is_focus_from_each_elements_attributes(markup):
    """Focusability read from the page's holder sets and marks is what lxml's get on each
    element (and the ancestor walks) decide, for every element, and so is the Tab order."""
    page = Page.from_html(markup)
    for el in page.elements:
        assert focus.focusable_on(page, el) is focus.is_focusable(el), dom.opening_tag(el)
        assert page.is_focusable(el) is focus.is_focusable(el)
        assert focus.tabbable_on(page, el) is focus.is_tabbable(el), dom.opening_tag(el)
    expected = [el for el in page.elements if focus.is_tabbable(el)]
    assert focus.tabbable_among(page, page.elements) == expected
    assert any(focus.is_focusable(el) for el in page.elements)


def test_describe_from_the_attribute_names_is_every_shown_attribute_asked():
    """:func:`describe` reads only the shown attributes an element has (from its names): the
    opening tag asking lxml for each of them in turn."""
    from a11y_audit.checks import naming

    def asked(el):
        parts = [el.tag]
        for attribute in naming._SHOWN_ATTRIBUTES:
            value = el.get(attribute)
            if value is not None:
                value = dom.normalize_space(value)
                if len(value) > naming._VALUE_LIMIT:
                    value = value[: naming._VALUE_LIMIT - 1] + "\u2026"
                parts.append(f'{attribute}="{value}"')
        return "<" + " ".join(parts) + ">"

    page = Page.from_html(
        '<a class=" card  x " href="/n" id="i" data-x="1" title="t">a</a><p>plain</p>'
        '<input name="q" type="search" role="searchbox" src="" class="">'
        '<object data="movie.swf" type="application/x-shockwave-flash"></object>'
        f'<img src="{"x" * 60}.jpg" alt=""><svg viewBox="0 0 1 1" role="img"></svg>')
    for el in page.elements:
        assert naming.describe(el) == asked(el)
    assert naming.describe(page.tags("a")[0]) == '<a id="i" href="/n" class="card x">'


def test_a_dead_page_is_forgotten():
    page = Page.from_html("<p>x</p>")
    key = id(page.root)
    assert dom._PAGES[key]() is page
    del page
    gc.collect()
    assert key not in dom._PAGES


def test_image_container_memo_gives_the_nearest_container_of_each_image():
    """Images share ancestors; the memoised walk must still find each one's nearest
    container, whichever image asked first."""
    markup = ('<div><p><span><img id="i1" src="a"></span>'
              '<a href="/x"><b><img id="i2" src="b"></b></a></p>'
              '<span role="button"><img id="i3" src="c"></span><img id="i4" src="d">'
              '<ul><li><a><img id="i5" src="e"></a></li></ul></div>')
    page = Page.from_html(markup)

    def is_container(el):   # read from the element's own attributes, not the page's sets
        return el.tag in image_redundant_alt._CONTAINERS or el.get("role") == "button" or (
            el.tag == "a" and el.get("href") is not None)

    def naive(el):
        return next((anc for anc in el.iterancestors() if is_container(anc)), None)

    images = page.tags("img")
    for order in (images, list(reversed(images))):
        fresh = Page.from_html(markup)
        by_id = {img.get("id"): img for img in fresh.tags("img")}
        for img in order:
            mine = image_redundant_alt._container(fresh, by_id[img.get("id")])
            assert mine is naive(by_id[img.get("id")])
    tags = {img.get("id"): getattr(image_redundant_alt._container(page, img), "tag", None)
            for img in images}
    assert tags == {"i1": "p", "i2": "a", "i3": "span", "i4": None, "i5": "li"}


@pytest.mark.parametrize(("lang", "text", "marked"), [
    ("en", "Hello", True),
    ("en", "2024 - 12:00 !", False),      # ASCII without a letter: no Latin letter
    ("ru", "Hello", False),               # ASCII letters are Latin only
    ("ru", "Привет", True),
    ("en", "café", True),                  # not ASCII: the scripts of its letters
    ("sr-Latn", "Zdravo", True),
])
def test_lang_passage_is_marked_when_its_text_is_in_the_language_script(lang, text, marked):
    found = outcomes("lang-of-parts", f'<html lang="en"><body><p lang="{lang}">{text}</p>')
    assert ((PASSED, "p") in [(o, s.split(" > ")[-1]) for o, s in found]) is marked


_TEXTS = ["", "X", "x.", "Hello. World.", "Wait...", "a.b", "Q: why? Because.", "3 €", "É!",
          "日本語。", "?!", "A; b", "..:", "Ünïcödé ñ", " \u00a0 "]


@pytest.mark.parametrize("text", _TEXTS)
def test_sentence_and_letter_counts_stop_early_with_the_full_counts_answers(text):
    assert p_as_heading._sentences(text) is (len(p_as_heading._SENTENCE.findall(text)) >= 2)
    assert contrast._letters(text) == min(2, sum(1 for c in text if c.isalpha()))


@pytest.mark.parametrize("markup", [
    '<div><a href="/s"><img src="a.jpg" alt=""></a><a href="/s/">Story</a></div>',
    '<div><a href="/s">Story</a><a href="/s#top"><svg></svg></a></div>',
    '<div><a href="/s"><img src="a.jpg" alt="">Story</a><a href="/s">Story</a></div>',
    '<div><a href="/s"><picture></picture></a><a href="/t">Other</a></div>',
    '<div><a href="/s"> </a><a href="/s"><img src="a.jpg" alt=""></a></div>',
])
def test_adjacent_links_kinds_looked_up_lazily_match_every_links_kind(markup, monkeypatch):
    """Kinds are worked out only for links with an image and for pairs to one target: the
    results are those of working out every link's kind."""
    fast = outcomes("link-adjacent-duplicate", markup)
    asked = []
    monkeypatch.setattr(link_adjacent_duplicate, "_kind_of",
                        lambda kinds, el, image, others: asked.append(el)
                        or link_adjacent_duplicate._kind(el))
    assert outcomes("link-adjacent-duplicate", markup) == fast
    assert asked


@pytest.mark.parametrize("markup", [
    '<fieldset><legend>L</legend><label>Name <input></label></fieldset>',
    '<span id="l">Label</span><div role="button" aria-labelledby="l">Go</div>',
    '<label for="i">Name</label><input id="i"><button>Send</button>',
    '<fieldset disabled><p>Off</p></fieldset><label for="j">J</label><input id="j" disabled>',
    '<span id="m">M</span><input aria-labelledby="m" aria-disabled="true"><p>text</p>',
])
def test_contrast_disabled_shortcut_agrees_with_the_walk(markup):
    """With no disabled or aria-disabled attribute on the page no text is exempt, as the walk
    up each text element's ancestors finds."""
    page = Page.from_html(markup)
    fast = [contrast.disabled_reason(page, el) for el in page.elements]
    page.by_attribute.setdefault("disabled", [])        # (the key alone) forces the walk
    assert [contrast.disabled_reason(page, el) for el in page.elements] == fast
    assert any(fast) is ("disabled" in markup)


@pytest.mark.parametrize("markup", [
    '<div aria-disabled="true" role="button"><span>a<b>b</b></span></div><p>c</p>'
    '<label>L <input disabled><i>d</i></label><div id="x"><p>e</p></div>'
    '<input aria-labelledby="x" disabled><button disabled><span>f</span></button>',
    '<span id="m">M<b>n</b></span><input aria-labelledby="m" aria-disabled="true">'
    '<div aria-disabled="true"><p>not a widget</p></div><label for="j"><i>J</i></label>'
    '<input id="j" aria-disabled="TRUE "><select disabled><option>o</option></select>',
    '<fieldset disabled><legend><b>kept</b></legend><p>off</p></fieldset>'
    '<fieldset disabled><p>x</p><legend>second</legend></fieldset><p>on</p>',
])
def test_contrast_disabled_reasons_memoised_by_element_agree_with_the_walk(markup,
                                                                           corpus_root):
    """On a page with disabled controls the contrast rules take each element's exemption
    from its own step and its parent's answer (memoised): in document order and in reverse,
    every element's is what the walk up its ancestors finds; with a disabled fieldset (its
    first legend is not exempt) the walk is asked."""
    import gzip

    from a11y_audit.sources import decode

    pages = [Page.from_html(markup)]
    pages += [Page.from_html(decode(gzip.decompress(path.read_bytes()), path.name)[0])
              for path in sorted(corpus_root.glob("*.html.gz"))[::45]]
    exempt = 0
    for page in pages:
        walked = [contrast.disabled_reason(page, el) for el in page.elements]
        for order in (1, -1):
            reason = contrast._disabled_reasons_on(page)
            memoised = {el: reason(el) for el in page.elements[::order]}
            assert [memoised[el] for el in page.elements] == walked
        exempt += sum(found is not None for found in walked)
    assert exempt >= 3


_FOCUS_CASES = (
    '<a href="/a">a</a><a>no href</a><a xlink:href="#x">svg-style</a><area href="/m">'
    '<a href="/b" tabindex="-1">minus</a><a href="/c" tabindex=" 2 ">two</a>'
    '<a href="/d" tabindex="x">bad tabindex</a><a href="/e" inert>inert link</a>'
    '<span tabindex="0">span</span><span tabindex="0" inert>inert span</span>'
    '<input><input type="hidden" tabindex="0"><input type=" HIDDEN "><button disabled>b</button>'
    '<button tabindex="0" disabled>b</button><select><option>o</option></select><textarea>'
    '</textarea><iframe src="x"></iframe><details><summary>s</summary><summary>2</summary>'
    '</details><summary>loose</summary><video controls></video><audio></audio>'
    '<div contenteditable>e</div><div contenteditable="false">f</div>'
)


@pytest.mark.parametrize("extra", [
    "",                                                              # the fast path
    '<div inert><a href="/in">in inert</a><span tabindex="0">s</span></div>',
    '<fieldset disabled><legend><input id="l"></legend><input id="f"></fieldset>',
    '<dialog><a href="/d">in closed dialog</a></dialog>',
])
def test_tabbable_from_the_page_marks_matches_is_tabbable(extra):
    page = Page.from_html(f"<body>{_FOCUS_CASES}{extra}</body>")
    candidates = list(page.elements)
    expected = [el for el in candidates if focus.is_tabbable(el)]
    assert focus.tabbable_among(page, candidates) == expected
    assert page.tabbable == [el for el in expected if page.is_rendered(el) and el in set(
        page.select("a[href]", "area[href]", "button", "input", "select", "textarea", "iframe",
                    "summary", "audio[controls]", "video[controls]", "*[tabindex]",
                    "*[contenteditable]"))]
    assert len(expected) >= 8


def test_link_name_takes_links_without_a_role_attribute_as_the_general_path_does():
    page = Page.from_html(
        '<a href="/a">a</a><a href="">empty href</a><a href="/b" role="">empty role</a>'
        '<a href="/c" role="link">link</a><a href="/d" role="button">button</a>'
        '<a href="/e" role="presentation">presentation</a><a href="/f" role="doc-noteref">'
        'note</a><a href="/g" hidden>hidden</a><span role="link" tabindex="0">span</span>'
        '<a href="/h" role="bogus">bogus</a><a role="link">no href</a>')
    general = [(el, page.role(el)) for el in page.select("a[href]", "*[role]")
               if not page.is_hidden(el) and page.role(el) not in ("none", "presentation")
               and command_rule(page, el) == "link-name"]
    assert link_name._links(page) == general
    assert len(general) == 9   # the focusable <a role="presentation"> stays a link


_LINK_PAGES = [
    '<a href="/a">a</a><a href="">empty href</a><a href="/b" role="">empty role</a>'
    '<a href="/c" role="link">link</a><a href="/d" role="button">button</a>'
    '<a href="/e" role="presentation">presentation</a><a href="/f" role="doc-noteref">'
    'note</a><a href="/g" hidden>hidden</a><span role="link" tabindex="0">span</span>'
    '<a href="/h" role="bogus">bogus</a><a role="link">no href</a>',
    '<span role="link" hidden>h</span><div aria-hidden="true"><a href="/x">x</a>'
    '<i role="doc-backlink">b</i></div><p role="doc-biblioref link">p</p><a href="/y">y</a>'
    '<area href="/z" role="link"><button role="link">b</button><a role="button link">c</a>',
    '<img src="m.png" usemap="#m"><map name="m"><area href="/1" alt="one">'
    '<area href="/2" role="button"><area href="/3" role="link" hidden></map>'
    '<map name="unused"><area href="/4"></map><a href="/5"><img src="x.png"></a>'
    '<div role="link">d</div><a href="/6" style="display:none">n</a>',
    '<style>.off{display:none}</style><a href="/1" class="off">o</a><b role="link" '
    'class="off">b</b><a href="/2" role="doc-glossref">g</a><a href="/3" role="none">n</a>',
]


@pytest.mark.parametrize("markup", _LINK_PAGES)
def test_link_name_links_from_the_page_links_are_those_of_the_general_path(markup):
    """link-name reads its links from page.links and the elements with an explicit link
    role; every a[href], area[href] and element with a role attribute gives the same."""
    page = Page.from_html(f"<html><body>{markup}</body></html>")
    assert link_name._links(page) == link_name._links_selected(page)
    assert link_name._links(page)


def test_link_name_links_on_corpus_pages(corpus_root):
    import gzip

    from a11y_audit.sources import decode

    for path in sorted(corpus_root.glob("*.html.gz"))[::10]:
        page = Page.from_html(decode(gzip.decompress(path.read_bytes()), path.name)[0])
        assert link_name._links(page) == link_name._links_selected(page), path.name


@pytest.mark.parametrize("markup", [
    "<div>plain</div>",
    "<div>x<!-- comment -->y<?pi z?>w<b>b<i>i</i>t</b>tail<br>&amp;&nbsp;e</div>after",
    "<div><svg><title>T</title><text>x</text></svg>e<img alt='a'> <span> </span></div>",
    "<div>" + "<span>deep " * 30 + "</span>" * 30 + "</div>",
    "<div>a<script>var x</script>b<noscript>n</noscript><style>s{}</style>c</div>",
    "<div>a<template>t</template><p>b<script>x</script></p>c</div>",
    # leaves (read from their own text): empty, white space, a comment's tail
    "<div><span></span><em>leaf text</em><p> </p><b><!-- c -->t</b><br>tail</div>",
    "<div><p>line\r\nbreak &lt;&#x1F600;&gt; \U0001d11e \u00e9\u0301<b>&#0;&#xD800;</b>"
    "&unknown; &amp</p>\u2028<q>x</q></div>",
    "<div><p>a<span>b<em>c<noscript>n</noscript></em>d</span>e</p><p>f<i>g</i></p></div>",
])
@pytest.mark.parametrize("limit", [None, 0, 1, 3, 10, 200])
def test_text_content_in_c_gives_the_walk_answer(markup, limit):
    """The text of a page's elements (the elements that hold a script, style, template or
    noscript below them found once a page, the text of the others serialised by libxml2)
    is the walk's, and so is that of the same tree with no page (lxml's descendant test)."""
    page = Page.from_html(markup)
    (div,) = page.tags("div")
    elements = (div, *div.iterdescendants(etree.Element))
    attached = [dom.text_content(el, limit) for el in elements]
    assert dom.page_of(div) is page
    del dom._PAGES[id(page.root)]
    assert dom.page_of(div) is None
    for el, text in zip(elements, attached, strict=True):
        assert text == dom.text_content(el, limit) == dom._walked_text(el, limit)
    if "script" in markup or "template" in markup:
        assert "x" not in dom.text_content(div) and "t" not in dom.text_content(div)


def test_text_holders_are_the_elements_with_a_left_out_element_below():
    page = Page.from_html(
        "<head><style>s{}</style></head><body><div><p>a<span><script>x</script></span></p>"
        "<p>b<template><i>t</i></template></p><section><noscript>n</noscript></section>"
        "<p>plain<b>b</b></p></div><script>y</script><svg><style>z</style></svg></body>")
    below = {el for el in page.elements if next(el.iterdescendants(*dom._NO_TEXT), None)
             is not None}
    assert dom._text_holders(page.body) == below
    assert {el.tag for el in below} == {"html", "head", "body", "div", "p", "span", "section",
                                        "svg"}


@pytest.mark.parametrize("markup", [
    "<a href='/x'><span>plain</span></a>",
    "<a href='/x'><!-- c --><span><lazy-image alt='x'></lazy-image></span><b data-alt='y'></b></a>",
    "<a href='/x'><span data-alt=''></span><my-el></my-el></a>",
    "<a href='/x'><svg><path></path></svg><?pi x?></a>",
    "<my-link href='/x'><span>x</span></my-link>",
])
def test_scripted_content_finds_what_the_xpath_finds(markup):
    from a11y_audit.checks.naming import scripted_content

    page = Page.from_html(markup)
    el = page.body[0]
    found = el.xpath(".//*[contains(local-name(), '-') or @data-alt]")
    expected = el if "-" in el.tag else (found[0] if found else None)
    assert scripted_content(el) is expected


_LINK_STATES = (
    '<a href="/a">a</a><a href="/b" hidden>hidden</a><a href="/c" aria-hidden="true">aria</a>'
    '<div style="display:none"><a href="/d">in none</a></div>'
    '<div style="visibility:hidden"><a href="/e">invisible</a>'
    '<a href="/f" style="visibility:visible">shown again</a></div>'
    '<div inert><a href="/g">inert</a></div><map name="m"><area href="/h" alt="h"></map>'
    '<style>.gone{display:none}</style><p class="gone"><a href="/i">by sheet</a></p>'
)


def test_link_hidden_and_rendered_are_the_pages_answers():
    """``Link.hidden`` and ``Link.rendered`` (read once for every link rule) are what
    ``is_hidden`` and ``is_rendered`` answer."""
    page = Page.from_html(_LINK_STATES)
    states = [(link.hidden, link.rendered) for link in page.links]
    assert states == [(page.is_hidden(link.element), page.is_rendered(link.element))
                      for link in page.links]
    assert {state for state in states} == {(False, True), (True, True), (True, False)}


def test_heading_content_reached_memo_matches_a_walk_per_heading():
    """Headings share ancestors: what the walk reaches is remembered, and a heading under a
    skipped ancestor is still not reached."""
    markup = ("<body><main><section><h2>A</h2><p>x</p><h2>B</h2></section>"
              "<section><div hidden><h2>hidden</h2></div><p>z</p></section>"
              "<template><h2>T</h2></template>"
              "<section><div><h3>C</h3></div><h2>D</h2><h2>E</h2></section></main></body>")
    found = outcomes("heading-has-content", markup)
    assert found == [
        (PASSED, "html > body > main > section:nth-of-type(1) > h2:nth-of-type(1)"),
        (PASSED, "html > body > main > section:nth-of-type(1) > h2:nth-of-type(2)"),
        (FAILED, "html > body > main > section:nth-of-type(3) > div > h3"),
        (FAILED, "html > body > main > section:nth-of-type(3) > h2:nth-of-type(1)"),
        (FAILED, "html > body > main > section:nth-of-type(3) > h2:nth-of-type(2)"),
    ]


def test_image_holders_are_the_links_an_image_search_finds():
    page = Page.from_html(
        '<a href="/a"><img src="a.jpg"></a><a href="/b">text</a><a href="/c"><span><svg>'
        '</svg></span></a><a href="/d"><picture></picture>x</a><a href="/e"><a href="/f">'
        '<img src="f.jpg"></a></a><map name="m"><area href="/g"></map><img src="loose.jpg">'
        '<a href="/h"><video poster="p.jpg"></video></a>')
    links = page.tags("a") + page.tags("area")
    expected = {el for el in links if next(el.iter("img", "svg", "picture"), None) is not None}
    assert link_adjacent_duplicate.image_holders(page) & set(links) == expected
    assert len(expected) == 4


def test_new_window_link_to_a_file_is_judged_as_a_new_window_without_the_file_test():
    """The file-extension test runs only for links that open no new window; a hidden link
    is passed over before either test."""
    from tests.conftest import run_rule

    markup = ('<a href="/r.pdf" target="_blank">Report</a><a href="/r.pdf">Report</a>'
              '<a href="/r.pdf" target="_blank" hidden>Hidden</a><a href="/story">Story</a>'
              '<a href="/s" target="_blank">Story (opens in a new tab)</a>')
    found = [(f.outcome, f.message) for f in run_rule("link-new-window-or-file", markup,
                                                      **{"cue-patterns": []}).findings]
    assert found == [(FAILED, 'Link "Report" opens a new window without saying so'),
                     (FAILED, 'Link "Report" opens a file without saying so'),
                     (PASSED, "The link opens a new window and says so")]
    assert outcomes("link-new-window-or-file", markup, **{"file-extensions": []}) == [
        (FAILED, "html > body > a:nth-of-type(1)"), (PASSED, "html > body > a:nth-of-type(5)")]


def _lang_of_parts_every_block(page):
    """lang-of-parts' general path: every rendered block asked for its text."""
    from a11y_audit.rules import lang_of_parts

    return ([el for el in page.elements
             if el.tag in lang_of_parts.BLOCKS and page.is_rendered(el)],
            set(page.root.iter()))


@pytest.mark.parametrize("markup", [
    '<p>Plain English text.</p><p>Он сказал: «Привет, мир», and left.</p>',
    '<div>Intro <span>Москва и Санкт-Петербург сегодня</span> more</div><p>x</p>',
    '<div><!-- коммент -->Далее текст на русском языке здесь<p>ascii</p></div>',
    '<ul><li>one</li><li><b>Пример длинного текста на русском</b></li></ul>',
    '<div lang="ja"><p>Tokyo news in English words here</p><p>東京のニュース</p></div>',
    '<section><p>café résumé naïve</p><div>Ελληνικά κείμενα εδώ πολλά</div></section>',
    '<p>Text<script>var s = "Мы не отступим никогда";</script> after</p><p>Ж и Ж и Ж</p>',
    '<p><b>Note:</b> Мы не отступим никогда, сказал он журналистам</p>',
    '<p>Plain words first, then «Мы не отступим никогда», he said</p><p>Second «x»</p>',
    '<p>Many letters: ' + "".join(chr(0x4E00 + 3 * i) for i in range(40)) + '</p><p>«q»</p>'
    '<div>Plain <b>words</b> then 東京</div>',
    '<div><b>Note:</b> plain words first, then «Мы не отступим никогда»<p>Sub</p></div>',
    '<p>Text <!-- c -->Мы не отступим никогда, сказал он</p><p lang="">Москва сегодня</p>',
    '<p>Text <?pi x?>Мы не отступим никогда, сказал он</p><div lang="ru">Plain words in '
    'the Latin script</div>',
    '<div lang="ru"><p>Это <!-- c -->The quick brown fox jumps over it</p><p>Just ascii '
    'words here</p><p>Тоже</p></div>',
])
def test_lang_of_parts_ascii_blocks_skipped_give_the_full_answers(markup, monkeypatch):
    """Blocks with ASCII text only (not under a non-ASCII text piece) are passed over when
    their language is written in Latin: the results are those of gathering every block's
    text."""
    from a11y_audit.rules import lang_of_parts

    page_markup = f'<html lang="en"><body>{markup}</body></html>'
    fast = outcomes("lang-of-parts", page_markup)
    monkeypatch.setattr(lang_of_parts, "_candidates", _lang_of_parts_every_block)
    assert outcomes("lang-of-parts", page_markup) == fast


@pytest.mark.parametrize("raw", [
    "", " ", "\u00a0\u2003\n", "One.", " One. Two. ", "One.\n\n.Two", "a.\t:b", "Wait...\nwhat",
    "Q?\u00a0A!", "\u3000x\u3000", "no marks at all", "end;\r\n",
])
def test_p_as_heading_reads_raw_text_as_the_normalised_text(raw):
    """Paragraphs are passed over on their text before normalising: empty or white space
    there means empty after, and the sentence marks are the same."""
    normalised = dom.normalize_space(raw)
    assert (not raw.isspace() and raw != "") is bool(normalised)
    assert p_as_heading._sentences(raw) is p_as_heading._sentences(normalised)


def test_p_as_heading_white_space_paragraphs_give_the_normalised_answers(monkeypatch):
    markup = ("<div><p><b>Lead</b></p><p>\u00a0 \n</p><p>Polls closed at ten and counting "
              "is under way.</p></div><div><p>Two.\n\n.Marks</p><p>x</p></div>"
              "<div><p><i>Short</i></p><p>  A longer paragraph follows here, unstyled  </p>"
              "<p> </p></div>")
    fast = [(f.outcome, f.message) for f in run_rule("p-as-heading", markup).findings]
    monkeypatch.setattr(p_as_heading, "text_content",
                        lambda el: dom.normalize_space(dom.text_content(el)))
    assert [(f.outcome, f.message) for f in run_rule("p-as-heading", markup).findings] == fast
    assert len(fast) == 2


_LANG_PAGES = [
    '<html lang="en"><body><p>Plain text.</p><script>var s = "Мы не отступим никогда";'
    '</script><style>p::after{content:"東京のニュース"}</style></body></html>',
    '<html lang="en"><body><p>Text <!-- Мы не отступим никогда -->after</p></body></html>',
    '<html lang="en"><body><p>Text <!-- c -->Мы не отступим никогда, сказал он</p></body></html>',
    '<html lang="en"><body><p>Text <?pi x?>Мы не отступим никогда, сказал он</p></body></html>',
    '<html lang="en"><head><title>Мы не отступим никогда</title></head><body><p>x</p></body>'
    '</html>',
    '<html lang="en"><body><p>Он сказал: «Привет, мир», and left.</p></body></html>',
    '<html lang="en"><body><p>x <span lang="ru">Он сказал: «Привет, мир» вчера</span></p>'
    '</body></html>',
    '<html lang="ru"><body><p>Это <!-- c -->The quick brown fox jumps over it</p></body></html>',
    '<html lang="ru"><body><p>Это текст</p><script>var quick = "brown fox jumps over";'
    '</script></body></html>',
    '<html lang="ru"><body><p>Это текст, <b>and the quick brown fox jumps</b></p></body></html>',
    '<html lang="ja"><body><p>東京のニュース</p><div lang="en">Plain English words</div>'
    '</body></html>',
    '<html><body><p>Он сказал: «Привет, мир», and left.</p></body></html>',
    '<html lang="xx"><body><p>Он сказал: «Привет, мир», and left.</p></body></html>',
    '<html lang="en"><body><noscript><p>Мы не отступим никогда, сказал</p></noscript>'
    '<textarea>Мы не отступим никогда</textarea></body></html>',
]


@pytest.mark.parametrize("markup", _LANG_PAGES)
def test_lang_of_parts_page_scripts_shortcut_gives_the_every_block_answers(markup,
                                                                           monkeypatch):
    """A page is passed over when no language its ``lang`` attributes name misses a script
    of its text outside scripts and styles: the results are those of asking every block."""
    from a11y_audit.rules import lang_of_parts

    fast = outcomes("lang-of-parts", markup)
    monkeypatch.setattr(lang_of_parts, "_may_hold_other_scripts", lambda page: True)
    monkeypatch.setattr(lang_of_parts, "_candidates", _lang_of_parts_every_block)
    assert outcomes("lang-of-parts", markup) == fast


@pytest.mark.parametrize("markup", _LANG_PAGES)
def test_lang_of_parts_page_scripts_are_those_of_its_text_outside_scripts_and_styles(markup):
    """The scripts read from the pieces of the page's text that hold a character outside
    ASCII (plus Latin from ASCII letters, where it matters) are those of all its text nodes
    but the content of scripts and styles."""
    from a11y_audit.knowledge import scripts
    from a11y_audit.rules import lang_of_parts

    page = Page.from_html(markup)
    text = "".join(page.root.xpath("//text()[not(parent::script or parent::style)]"))
    expected = scripts.scripts_in(text)
    assert lang_of_parts._text_scripts(page, latin_known=False) == expected
    # Latin left undecided when every language asked is written in it (it changes nothing)
    assert lang_of_parts._text_scripts(page, latin_known=True) - {"Latin"} == (
        expected - {"Latin"})


@pytest.mark.parametrize("values", [
    set(), {""}, {"nav", "card__title"}, {"li", "ve"},      # no word, nor across two values
    {"nav", "BREAKING-news"}, {"x", "deliver olive"}, {"tic\u212aer"}, {"new\u017fflash"},
    {"\u00e9 plain", "nav"}, {"a\nlive", "b"}, {"marquee"},
])
@pytest.mark.parametrize("literals", [
    live_region_ticker.required_literals(live_region_ticker.OPTIONS["patterns"]), ("x",),
    (), None,
])
def test_ticker_values_asked_at_once_give_the_per_value_answers(values, literals):
    """The page's class values are searched for the required words joined in one string;
    the values kept are those :func:`_may_match` keeps one by one."""
    expected = values if literals is None else {
        value for value in values if live_region_ticker._may_match(value, literals)}
    assert live_region_ticker._may_match_some(set(values), literals) == expected


_TEXT_ELEMENT_CASES = [
    "<p>Text</p><div> \n <span>inner</span> \u00a0</div><div><b>x</b> tail</div>",
    "<div><!-- a comment --> after the comment</div><div><!-- only -->  </div>",
    "<div><?pi x?>after a processing instruction</div>",
    "<script>var s = 'text';</script><style>p{}</style><noscript><p>no</p></noscript>",
    "<title>T</title><select><option>o</option></select>text after<textarea>t</textarea>",
    '<input type="submit" value="Go"><input type="button" value=" "><input value="v">'
    '<input type="reset">',
    '<svg><text>In svg</text></svg><math><mi>x</mi></math><p>out</p>',
    '<div hidden>hidden text</div><p style="display:none">none</p><p>shown</p>',
    '<template><p>inert</p></template><p>after template</p>',
    '<iframe>frame text</iframe><video>video text<track></video>t',
    '<table><tr><td>cell</td><td> </td></tr></table>\u3000',
    '<ul><li>one<li>two<li>\u2003</ul><a href="/x">link</a>tail text',
]


@pytest.mark.parametrize("markup", _TEXT_ELEMENT_CASES)
def test_text_elements_read_in_c_match_the_walk(markup):
    """The text and tails read in C, sifted by compress, give the walk's elements."""
    page = Page.from_html(f"<html><body>{markup}</body></html>")
    assert contrast._text_elements_read(page) == contrast._text_elements_walk(page)
    assert contrast.text_elements(page) == contrast._text_elements_walk(page)


def test_text_elements_leave_out_namespaced_elements_as_the_walk_does():
    """Namespaced names (a tree from an XML parser) are not HTML text: the tag index holds
    their local names, so they are found and then dropped by their tags."""
    for markup in (
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hi</p><div>x<span>y</span> z'
        '</div><script>var a</script></body></html>',
        '<html><body><p>Hi</p><div>x<q:p xmlns:q="urn:q">t</q:p> z</div><!-- c --> t'
        '<script>var a</script></body></html>',
    ):
        page = Page(etree.fromstring(markup))
        assert contrast._text_elements_read(page) == contrast._text_elements_walk(page)
    assert [el.tag for el in contrast._text_elements_read(page)] == ["body", "p", "div"]


def test_passes_are_the_results_ok_builds_one_by_one():
    p = Page.from_html("<p><a href='/a'>A</a><a>B</a><a href=''>C</a></p>")
    anchors = p.tags("a")
    for message in ("", "The link has an href"):
        batch = list(anchor_has_href.RULE.passes(anchors, message))
        one_by_one = [anchor_has_href.RULE.ok(el, message) for el in anchors]
        assert batch == one_by_one
        assert [type(result) for result in batch] == [type(one_by_one[0])] * 3
        assert [result.message for result in batch] == [message] * 3
    assert list(anchor_has_href.RULE.passes([], "x")) == []


def _told(results):
    """What a rule says of each element, in order: the results a shortcut and its general
    path must both give."""
    return [(r.outcome, r.element, r.message) for r in results]


def _assert_as_one_by_one(check, one_by_one, markup):
    """A rule's shortcut says what its general path (as the rule was written before) says."""
    page = Page.from_html(f"<html><body>{markup}</body></html>")
    assert _told(check(page)) == _told(one_by_one(page))


def _anchor_has_href_one_by_one(page):
    """anchor-has-href as written before the attribute-index shortcut: el.get per anchor."""
    for el in page.tags("a"):
        if el.get("href") is not None:
            yield anchor_has_href.RULE.ok(el, "The link has an href")
            continue
        if not anchor_has_href._has_content(el) or not page.is_rendered(el):
            continue
        role, index = aria.explicit_role(el), focus.tabindex(el)
        if role is not None and index is not None and index >= 0:
            yield anchor_has_href.RULE.ok(el, f"<a role=\"{role}\" tabindex=\"{index}\"> is "
                                              "an ARIA widget keyboard users can reach")
        else:
            label = (dom.normalize_space(dom.text_content(el, 60)) or page.name(el)
                     or "(image)")
            yield anchor_has_href.RULE.fail(
                el, f"<a> \"{label}\" has no href: keyboard users cannot reach it and screen "
                    "readers do not announce it as a link")


@pytest.mark.parametrize("markup", [
    "<p>no anchors</p>",
    "<a href='/a'>A</a><a href=''>B</a><a HREF='/c'>C</a>",            # all have one
    "<a>first</a><a href='/a'>A</a><a href='/b'>B</a>",                 # lacking first
    "<a href='/a'>A</a><a onclick='x()'>More</a><a href='/b'>B</a>",    # in the middle
    "<a href='/a'>A</a><a href='/b'>B</a><a class='share'><img src=x.svg alt=X></a>",
    "<a name='top'></a><a href='#top'>Top</a><a></a><a role='button' tabindex='0'>Go</a>"
    "<a style='display:none'>Hidden</a><a>Last</a><a href='/z'>Z</a>",
    "<a>1</a><a>2</a><a>3</a>",                                          # none has one
    "<link href='/s.css'><a href='/a'>A</a><area href='/b'><a data-href='/c'>C</a>",
])
def test_anchor_has_href_shortcut_matches_one_anchor_at_a_time(markup):
    _assert_as_one_by_one(anchor_has_href.check, _anchor_has_href_one_by_one, markup)


_LINK_MIX = ("<a href='/a'>A</a><a href='/b' role='button'>B</a><a href='/c' role=''>C</a>"
             "<a href='/d' role='menuitem'>D</a><a href='/e' role='listitem'>E</a>"
             "<a href='/f' role='none'>F</a><a href='/g' ROLE='LINK'></a><span role='link'>"
             "S</span><a href='/h' target='_blank'>H</a><a href='/i.pdf' target=''>I</a>"
             "<a href='/j' target=' _Self '>J</a><a href='/k' target='x'>K (opens new tab)</a>"
             "<a href='/l' target='_blank' role='link' aria-hidden='true'>L</a>"
             "<a href='/m' target='_top' role='presentation'>M</a>")


@pytest.mark.parametrize("new_window", [True, False])
def test_link_new_window_targets_match_asking_each_link(new_window, monkeypatch):
    page = Page.from_html(f"<html><body>{_LINK_MIX}</body></html>")
    options = {**link_new_window_or_file.OPTIONS, "new-window": new_window}
    fast = _told(link_new_window_or_file.check(page, options))
    # the general path: every link asked for its target (an index that lists every link
    # as holding one sends each to el.get)
    attributes = dict(page.by_attribute)
    attributes["target"] = [link.element for link in page.links]
    monkeypatch.setitem(page.__dict__, "by_attribute", attributes)
    slow = _told(link_new_window_or_file.check(page, options))
    assert fast == slow
    assert len(fast) == (3 if new_window else 1)


_FILE_LINK_MIX = (
    "<p id='d1'>PDF, 2 MB</p><a href='/r.PDF?x=1#p2'>Report</a><a href='/a'>A</a>"
    "<a href='/b.pdf' aria-describedby='d1 none'>Budget</a><a href='/c.csv' title='CSV'>"
    "Data</a><a href='/d.zip' class='icon-download'>Files</a><a href='/e.doc'><span "
    "class='x'><i class='pdf-icon'></i></span>Minutes</a><a href='/f' target='_blank' "
    "title='opens in a new tab'>F</a><a href='/g' target='_blank'><b>G</b><!-- c --></a>"
    "<a href='/h' target='_blank' class='External'>H</a><a href='/i.epub'>I</a>")


@pytest.mark.parametrize("markup", [_FILE_LINK_MIX, _LINK_MIX, "<a href='/a'>no file</a>"])
def test_link_new_window_or_file_shortcuts_match_asking_each_link(markup, monkeypatch):
    """The addresses searched at once for a file extension, the title and description read
    only for their holders, the classes read from the page's values: the results of asking
    each link for each."""
    page = Page.from_html(f"<html><body>{markup}</body></html>")
    options = link_new_window_or_file.OPTIONS
    fast = _told(link_new_window_or_file.check(page, options))
    links = {link.element for link in page.links}
    monkeypatch.setattr(link_new_window_or_file, "_may_link_file", lambda *_: True)
    monkeypatch.setitem(page._holders, "title", links)
    monkeypatch.setitem(page._holders, "aria-describedby", links)
    monkeypatch.setattr(link_new_window_or_file, "_classes", lambda _page, el: [
        node.get("class") or "" for node in el.iter()])
    assert _told(link_new_window_or_file.check(page, options)) == fast
    assert len(fast) == (9 if markup == _FILE_LINK_MIX else 3 if markup == _LINK_MIX else 0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(
    ["a", "/", ".", "?", "#", "\n", " ", "pdf", "PDF", "PdF", "cſv", "csv", "zip", "z\u0130p",
     "\u212a", "é"]), max_size=8).map("".join), max_size=4))
def test_link_file_search_of_all_addresses_misses_no_file_link(hrefs):
    """A page whose addresses the joined search finds no extension in has no link
    :func:`_is_file` takes for a file."""
    rule = link_new_window_or_file
    extensions = (*rule.OPTIONS["file-extensions"], "PdF")
    files, dotted = rule._patterns((), extensions)[1], rule._dotted(extensions)
    links = [SimpleNamespace(href=href) for href in hrefs]
    if any(rule._is_file(files, dotted, href.strip().split("#", 1)[0]) for href in hrefs):
        assert rule._may_link_file(links, dotted)


def _listitem_one_by_one(page):
    """listitem as written before its shortcuts: each item and list asked for its role."""
    for el in page.tags("li"):
        if el.get("role") is not None or page.is_hidden(el):
            continue
        parent = el.getparent()
        if parent is None:
            continue
        role = aria.explicit_role(parent)
        tag = parent.tag
        if role in ("list", "none", "presentation"):
            yield listitem.RULE.ok(el)
        elif role is not None and tag in ("ul", "ol", "menu"):
            continue
        elif role is None and tag in ("ul", "ol", "menu"):
            yield listitem.RULE.ok(el)
        else:
            shown = f' role="{role}"' if role else ""
            yield listitem.RULE.fail(el, f"<li> sits in <{tag}{shown}>, not in a <ul>, <ol> or "
                                         "<menu>: it is not announced as a list item")


@pytest.mark.parametrize("markup", [
    "<p>no items</p>",
    "<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol><menu><li>d</li></menu>",
    "<div><li>stray first</li></div><ul><li>a</li><li role='tab'>b</li><li>c</li></ul>",
    "<ul role='list'><li>a</li></ul><ul role='tablist'><li>b</li></ul><ul role=''><li>c</li>"
    "</ul><ul role='bogus'><li>d</li></ul><ul role='NONE'><li>e</li></ul>",
    "<div role='list'><li>a</li></div><div role='presentation'><li>b</li></div>"
    "<div role='navigation'><li>c</li></div><section><li>d</li><li>e</li></section>",
    "<ul aria-hidden='true'><li>a</li></ul><ul><li hidden>b</li><li>c</li></ul><li>last</li>",
])
def test_listitem_shortcuts_match_asking_each_item(markup):
    _assert_as_one_by_one(listitem.check, _listitem_one_by_one, markup)


def _region_skippable_asking_each(page, el, excluded):
    """region's test as written before live regions were read from the attribute index."""
    if el in excluded or el.tag in region._NO_CONTENT or page.is_hidden(el):
        return True
    if el.get("aria-live") not in (None, "off"):
        return True
    role = page.role(el)
    return role in region._CONTAINER_ROLES or role in region.LANDMARK_ROLES


@pytest.mark.parametrize("markup", [
    "<main><p>in</p></main><div aria-live='polite'><p>ticker</p></div><p>out</p>",
    "<main><p>in</p></main><div aria-live='off'><p>off is content</p></div>",
    "<main><p>in</p></main><div aria-live=''><p>empty</p></div><div aria-live='OFF'>x</div>",
    "<main><p>in</p></main><div><span aria-live='assertive'>a</span><span>b</span></div>",
    "<div aria-live='polite'><main><p>in</p></main>loose text</div><p>out</p>",
    "<p>no landmark</p><div aria-live='off'>x</div>",
])
def test_region_live_regions_from_the_index_match_asking_each_element(markup, monkeypatch):
    page = Page.from_html(f"<html><body>{markup}</body></html>")
    fast = _told(region.check(page))
    attributes = {k: v for k, v in page.by_attribute.items() if k != "aria-live"}
    monkeypatch.setitem(page.__dict__, "by_attribute", attributes)
    monkeypatch.setattr(region, "_skippable", _region_skippable_asking_each)
    slow = _told(region.check(page))
    assert fast == slow


class _Everything:
    """A phrase set holding every phrase: link-text-generic's prefilter then lets every
    name through to the general path."""

    def __or__(self, other):
        return self

    def __sub__(self, other):
        return self

    def __contains__(self, item):
        return True


@pytest.mark.parametrize(("lang", "options"), [
    ("en", {}), ("es", {}), ("de-DE", {}), ("xx", {}), (None, {}),
    ("en", {"phrases": ["Full coverage"], "allow": ["More"]}),
    ("fr", {"phrases": ["Tout lire"], "allow": ["Lire la suite"]}),
])
def test_link_text_generic_prefilter_matches_the_language_lists(lang, options, monkeypatch):
    links = ("<a href='/1'>Read more</a><a href='/2'>Seguir leyendo</a><a href='/3'>Mehr</a>"
             "<a href='/4'>Flood defences fail</a><a href='/5' lang='es'>Leer más »</a>"
             "<a href='/6'>Full  coverage</a><a href='/7'>More</a><a href='/8'>Lire la "
             "suite</a><a href='/9' lang='de'>Weiterlesen</a><a href='/10'>Tout lire</a>"
             "<a href='/11'>Clique aqui</a><a href='/12' lang='pt'>clique aqui</a>")
    attribute = f" lang='{lang}'" if lang else ""
    page = Page.from_html(f"<html{attribute}><body><p>{links}</p></body></html>")
    merged = {**link_text_generic.OPTIONS, **options}
    fast = _told(link_text_generic.check(page, merged))
    monkeypatch.setattr(link_text_generic, "_ANY_LANGUAGE", _Everything())
    slow = _told(link_text_generic.check(page, merged))
    assert fast == slow
    assert len(fast) == 12 and any(r[0] is FAILED for r in fast)


_HEADING_PAGES = [
    "<h2>A</h2><p>x</p><h2>B</h2><div><div><p>y</p><h3>C</h3></div><p>z</p></div><h2>D</h2>",
    "<p>before</p><div><section><h2>A</h2></section> tail</div><h2>B</h2><h1>C</h1>",
    "<h2>A<h3>sub</h3></h2><p>x</p><div><h2>B<span>in</span></h2></div><h2>C</h2>",
    '<h2>A</h2><div hidden><h2>H</h2><p>x</p></div><template><h2>T</h2></template>'
    '<noscript><h2>N</h2><p>n</p></noscript><h2>B</h2><p>b</p>',
    '<div><p>x</p><!-- c --><div><h2>A</h2><!-- d --> after a comment</div></div><h2>B</h2>',
    '<h2>A</h2><div aria-hidden="true"><h2>AH</h2><p>x</p></div><span>t</span><h2>B</h2>',
    '<div style="display:none"><div><h2>N</h2></div></div><div><div><div><h4>D</h4></div>'
    '</div></div><img src="a.jpg" alt="photo"><h2>E</h2><h3>F</h3>',
    '<ul><li><h3>A</h3></li><li><h3>B</h3></li></ul>ul tail<h2 role="heading" aria-level="1">'
    'C</h2><div role="heading" aria-level="3">D</div><p>d</p>',
    '<h2>A</h2><p>x</p><div><p>y</p><div><p>z</p></div></div>',
    '<h2><a href="/a">Teaser</a></h2><div><div><p>x</p></div><h2>B</h2></div><h2>C</h2>',
    '<div><h2>A</h2></div><div><p>x</p><h2>B</h2>text after B<h2>C</h2></div>'
    '<script>var a</script><h2>D</h2>',
]


@pytest.mark.parametrize("markup", _HEADING_PAGES)
def test_heading_content_jump_gives_the_events_of_the_walk(markup):
    """Jumping from the content found to the next heading the walk reaches gives the events
    of the walk that goes there by skipping subtrees."""
    from a11y_audit.rules import heading_has_content as rule

    page = Page.from_html(f"<html><body>{markup}</body></html>")
    headings = {h.element: h for h in page.headings if not h.hidden}
    assert rule._events(page, headings) == rule._events_walk(page, headings)


def test_heading_content_jump_gives_the_events_of_the_walk_on_corpus_pages(corpus_root):
    import gzip

    from a11y_audit.rules import heading_has_content as rule
    from a11y_audit.sources import decode

    for path in sorted(corpus_root.glob("*.html.gz"))[::12]:
        page = Page.from_html(decode(gzip.decompress(path.read_bytes()), path.name)[0])
        headings = {h.element: h for h in page.headings if not h.hidden}
        assert rule._events(page, headings) == rule._events_walk(page, headings), path.name


def test_heading_teaser_test_of_a_childless_heading_matches_the_link_search(corpus_root):
    """A heading without children is asked only for a link around it: the answers are
    those of searching its descendants too."""
    import gzip

    from a11y_audit.rules import heading_has_content as rule
    from a11y_audit.sources import decode

    pages = [Page.from_html("<h2>A</h2><h2><a href='/b'>B</a></h2><a href='/c'><h3>C</h3></a>"
                            "<a><h3>D</h3></a><h2><span>E<a href='/e'>e</a></span></h2>"
                            "<h2><!-- c --></h2><h2>F<a>f</a></h2>")]
    pages += [Page.from_html(decode(gzip.decompress(path.read_bytes()), path.name)[0])
              for path in sorted(corpus_root.glob("*.html.gz"))[::12]]
    answers = set()
    for page in pages:
        for heading in page.headings:
            el = heading.element
            general = any(True for _ in el.iterdescendants("a")) or any(
                anc.get("href") is not None for anc in el.iterancestors("a"))
            assert rule._is_teaser(el) is general
            answers.add((len(el) > 0, general))
    assert answers == {(False, False), (False, True), (True, False), (True, True)}


_NESTING_PAGES = [
    *_HEADING_PAGES,
    '<div role="heading" aria-level="2">A<h3>sub</h3> t</div><p>x</p><h2>B</h2>',
    '<div role="heading" aria-level="2"><span>A</span><div role="heading" aria-level="3">'
    '<em>B</em><h4>C</h4></div>tail</div><h2>D<!-- c --></h2>after<h2>E</h2>',
    '<div role="heading" aria-level="2">A<div hidden><h3>H</h3></div></div><h3>F</h3><p>x</p>',
    '<div role="heading" aria-level="1"><p>A</p></div><div role="heading" aria-level="2">'
    '<h3>B</h3></div><h3>C</h3>',
]


@pytest.mark.parametrize("markup", _NESTING_PAGES)
def test_heading_subtrees_skipped_give_the_events_of_the_walk_into_them(markup, monkeypatch):
    """A heading that holds no other heading has its subtree skipped (nothing inside an open
    heading is content); walking into every heading's subtree gives the same events, and
    _nesting finds exactly the headings that hold one."""
    from a11y_audit.rules import heading_has_content as rule

    page = Page.from_html(f"<html><body>{markup}</body></html>")
    headings = {h.element: h for h in page.headings if not h.hidden}
    ahead = [h for h in headings if h in page.order]
    assert rule._nesting(page, ahead) == {
        h for h in ahead if any(d in headings for d in h.iterdescendants())}
    skipped = (rule._events(page, headings), rule._events_walk(page, headings))
    monkeypatch.setattr(rule, "_nesting", lambda page, ahead: _Everything())
    assert (rule._events(page, headings), rule._events_walk(page, headings)) == skipped


def test_heading_subtrees_skipped_give_the_events_of_the_walk_on_corpus_pages(
        corpus_root, monkeypatch):
    import gzip

    from a11y_audit.rules import heading_has_content as rule
    from a11y_audit.sources import decode

    pages = []
    for path in sorted(corpus_root.glob("*.html.gz"))[::12]:
        page = Page.from_html(decode(gzip.decompress(path.read_bytes()), path.name)[0])
        headings = {h.element: h for h in page.headings if not h.hidden}
        pages.append((path.name, page, headings, rule._events(page, headings)))
    monkeypatch.setattr(rule, "_nesting", lambda page, ahead: _Everything())
    for name, page, headings, skipped in pages:
        assert rule._events(page, headings) == skipped, name


def test_shown_text_is_what_each_title_rule_read_for_itself():
    """title-attr-inputs-only and title-attr-not-duplicate share one reading of the text a
    titled element shows; it must be the alt of an img, else the text content, normalised
    and case-folded, whichever rule asks first."""
    from a11y_audit.checks.titles import shown_text

    page = Page.from_html('<p title="A">Straße  <b>Ünd</b><script>x</script></p>'
                          '<img title="t" alt=" Flood  Photo "><img title="u">'
                          '<div title="d"><span>  </span></div><abbr title="x">X</abbr>')
    for el in page.select("*[title]"):
        tag = dom.tag_of(el)
        general = dom.normalize_space(
            el.get("alt") if tag == "img" else dom.text_content(el)).casefold()
        assert shown_text(page, el, tag) == general
        assert shown_text(page, el, tag) is shown_text(page, el, tag)


_ROLE_PAGES = [
    '<div role="">empty</div><div role="  ">blank</div><p role="BUTTON link">b</p>'
    '<span role="foo">unknown</span><span role="foo  Link">second</span><i role="none">n</i>'
    '<b role="roletype widget">abstract only</b><b role="landmark region">abstract first</b>'
    '<ul role="list"><li role="listitem">x</li><li>y</li></ul><a href="/a">no role</a>',
    '<svg role="img"><g role="presentation"><text role="x">t</text></g></svg>'
    '<table role="grid"><tr role="row"><td role="gridcell">c</td><th>h</th></tr></table>'
    '<math role="math"><mi role="button">x</mi></math><div role="button" role="link">dup</div>',
]


@pytest.mark.parametrize("markup", _ROLE_PAGES)
def test_page_explicit_roles_are_each_elements_explicit_role(markup):
    """``page.explicit_roles`` (read once from the page's role values) is what
    ``aria.explicit_role`` reads from each element's role attribute, for every element."""
    page = Page.from_html(markup)
    for el in page.elements:
        assert page.explicit_roles.get(el) == aria.explicit_role(el), dom.opening_tag(el)
    assert set(page.explicit_roles) < set(page.holders("role"))


def test_page_explicit_roles_are_each_elements_explicit_role_on_corpus_pages(corpus_root):
    import gzip

    from a11y_audit.sources import decode

    seen = 0
    for path in sorted(corpus_root.glob("*.html.gz"))[::6]:
        page = Page.from_html(decode(gzip.decompress(path.read_bytes()), path.name)[0])
        for el in page.elements:
            assert page.explicit_roles.get(el) == aria.explicit_role(el), path.name
        seen += len(page.explicit_roles)
    assert seen


_CONTRAST_PAGES = [
    '<p style="color:#999">Grey words</p><button style="color:#aaa">X</button>'
    '<span style="color:#bbb">»</span><p style="color:#ccc">a 1</p><p>Black on white</p>',
    '<div style="background:#333"><p style="color:#444">Dark on dark</p><i style="color:#555'
    '">é</i></div><p style="color:#777;font-size:30px">Large grey</p>',
    '<input type="submit" value="Go" style="color:#ddd"><p style="color:#eee">›› »</p>',
]


def _contrast_told(page):
    from a11y_audit.rules import color_contrast, color_contrast_enhanced

    found = []
    for rule in (color_contrast, color_contrast_enhanced):
        found += [(r.outcome, r.element, r.message) for r in rule.check(page)]
    return found


def _contrast_pages_and_corpus(corpus_root):
    import gzip

    from a11y_audit.sources import decode

    yield from (Page.from_html(markup) for markup in _CONTRAST_PAGES)
    for path in sorted(corpus_root.glob("*.html.gz"))[::6]:
        yield Page.from_html(decode(gzip.decompress(path.read_bytes()), path.name)[0])


def test_contrast_letters_counted_for_failures_only_give_the_results_of_counting_all(
        corpus_root, monkeypatch):
    """The contrast rules count a text's letters only where it fails (fewer than two make the
    failure cantTell): the results are those of verdicts with every text's letters counted."""
    pages = list(_contrast_pages_and_corpus(corpus_root))
    lazy = [_contrast_told(page) for page in pages]
    for page in pages:
        page.close()
    counted = contrast._judge_on

    def counting_all(page):
        judged = counted(page)
        return lambda el, _: judged(el, True)

    monkeypatch.setattr(contrast, "_judge_on", counting_all)
    assert [_contrast_told(page) for page in pages] == lazy
    assert sum(len(found) for found in lazy[:len(_CONTRAST_PAGES)]) >= 10
    assert any("fewer than two letters" in r[2] for found in lazy for r in found)


def test_contrast_texts_judged_in_turn_get_the_verdicts_of_each_judged_alone(corpus_root):
    """The contrast rules judge a page's texts with one judge (``_judge_on``), which looks up
    the cascade and whether anything is disabled once and shares the depth, backdrop and
    exemption memos from text to text (the parent's depth first): in document order and in
    reverse, letters counted or not, its verdicts are those of each text judged alone with
    nothing memoised, on pages with disabled controls, translucent and positioned boxes,
    shadows, input buttons and nesting too deep to judge."""
    pages = list(_contrast_pages_and_corpus(corpus_root))
    deep = "<div>" * (contrast._MAX_DEPTH + 3) + "deep" + "</div>" * (contrast._MAX_DEPTH + 3)
    pages.append(Page.from_html(
        '<fieldset disabled><p style="color:#ccc">off</p></fieldset><label for="b">lab</label>'
        '<input id="b" disabled><div aria-disabled="true" role="button">no</div>'
        '<div style="opacity:.5"><p style="color:#fff;text-shadow:1px 1px #000">a</p>'
        '<p style="text-shadow:0 0 1px rgba(0,0,0,.004)">b</p></div>'
        '<div style="position:absolute"><span style="color:var(--x)">c</span></div>'
        '<input type="button" value="Go" style="background:#000;font-size:20px">'
        '<p style="text-indent:-9999px">d</p><p style="color:transparent">e</p>' + deep))

    def forget(page):
        for key in (DEPTHS, "contrast.backdrop"):
            page._memo.pop(key, None)

    def alone(page, el, count):
        forget(page)
        return contrast._judge_on(page)(el, count)

    compared = 0
    for page in pages:
        elements = page.elements
        for count in (False, True):
            each = [alone(page, el, count) for el in elements]
            for order in (elements, elements[::-1]):
                forget(page)
                judged = contrast._judge_on(page)
                got = {el: judged(el, count) for el in order}
                assert [got[el] for el in elements] == each
            compared += sum(verdict is not None for verdict in each)
    assert compared > 2000
    told = [v for v in each if v is not None]    # the last page's: every case above is met
    assert any("nested more than" in v.doubt for v in told)
    assert any(v.shadow for v in told) and any(v.doubt for v in told if not v.shadow)


def test_contrast_backdrops_shared_through_the_memo_are_each_texts_own_walk(corpus_root):
    """Text elements share their ancestors' backdrops (memoised by element, apart for walks
    that met a background below): in document order and in reverse, each is what a walk from
    that text alone, with nothing memoised, finds."""
    pages = list(_contrast_pages_and_corpus(corpus_root))
    pages.append(Page.from_html(
        '<div style="background:#000"><div style="opacity:.5"><p style="color:#fff">a</p>'
        '<p style="color:#fff;background:rgba(0,0,255,.5)">b</p><p>c</p></div>'
        '<div style="background:rgba(255,0,0,.5)"><span>d<b style="opacity:.5">e</b></span>'
        '</div></div>'))
    compared = 0
    for page in pages:
        texts = contrast.text_elements(page)
        alone = []
        for el in texts:
            page._memo.pop("contrast.backdrop", None)
            alone.append(contrast._backdrop(page, el))
        for order in (1, -1):
            page._memo.pop("contrast.backdrop", None)
            shared = {el: contrast._backdrop(page, el) for el in texts[::order]}
            assert [shared[el] for el in texts] == alone
        compared += len(texts)
    assert compared > 1000


@pytest.mark.parametrize("inner", [
    "", " \n\t", "\u00a0\u2003\u3000", "x", "<b>in</b>", "<b>in</b> \u2028", "<i></i>\u00a0.",
    "<!-- c --> ", "<!-- c -->tail", "\x1c\x1d\x1e\x1f\x85",
])
def test_region_own_text_by_isspace_is_the_stripped_texts_answer(inner):
    """region reads each text and tail once and asks ``str.isspace``: the answer of
    stripping them, white space by Unicode's definition included."""
    el = html.fragment_fromstring(f"<div>{inner}</div>")
    stripped = bool((el.text or "").strip()) or any((c.tail or "").strip() for c in el)
    assert region._own_text(el) is stripped


def _caption_by_whole_walks(image, patterns):
    """figure-image-alt's caption search walking every scope whole, the inner wrappers again
    inside the outer ones: the reference for the walk that skips what it walked."""
    if image.caption is not None:
        return image.caption
    el = image.element
    scopes = []
    if image.figure is not None:
        scopes.append(image.figure)
    elif next(el.iterancestors("a"), None) is None:
        for level, ancestor in enumerate(el.iterancestors()):
            if level >= patterns.depth or dom.tag_of(ancestor) in ("body", "main", "article"):
                break
            if len(ancestor.findall(".//img")) > 1:
                break
            scopes.append(ancestor)
    for scope in scopes:
        for node in scope.iterdescendants():
            if (isinstance(node.tag, str) and node is not el and patterns.is_caption(node)
                    and node not in list(el.iterancestors())):
                return node
    return None


def test_figure_caption_walk_skipping_inner_wrappers_finds_the_whole_walks_caption(
        corpus_root):
    """Each wrapper of an image holds the one before it; the caption search walks each
    wrapper without the subtree of the one before (searched already): it finds the caption
    the walks of each whole wrapper find, the first in document order of the nearest."""
    import gzip

    from a11y_audit.sources import decode

    pages = [Page.from_html(markup) for markup in (
        '<div class="x"><p class="caption">outer first</p><div><span>'
        '<img src="a.jpg" alt=""><!-- c --></span><i>no</i></div>'
        '<p class="caption">outer last</p></div>',
        '<div><div class="caption"><div><img src="b.jpg"></div></div><p class="caption">'
        'beside</p></div>',
        '<div><div><div><img src="c.jpg"></div><b class="credit caption">c</b></div>'
        '<span itemprop="caption">deep</span></div>',
        '<figure><div><img src="d.jpg"></div><div class="caption">in figure</div></figure>',
        '<div><div><img src="e.jpg"><img src="f.jpg"></div><p class="caption">g</p></div>',
    )]
    pages += [Page.from_html(decode(gzip.decompress(path.read_bytes()), path.name)[0])
              for path in sorted(corpus_root.glob("*.html.gz"))[::6]]
    found = 0
    for page in pages:
        patterns = figure_image_alt._Patterns(figure_image_alt.OPTIONS, page)
        for image in page.images:
            caption = figure_image_alt.find_caption(page, image, patterns)
            assert caption is _caption_by_whole_walks(image, patterns)
            found += caption is not None and image.caption is None and image.figure is None
    assert found >= 10


@pytest.mark.parametrize("text", [
    "".join(map(chr, range(128))),                   # every ASCII character
    "Read more", "  Search_the-site (2024)  ", "X", "e-mail\tUS\n$5.99 at 10:30",
    "ABC123def", "a_b", "", "   ", "O'Brien's  \x00\x1f\x7f ~`!@#",
])
def test_label_tokens_of_ascii_text_match_the_unicode_reading(text):
    """ASCII text is read by one regular expression: the words the reading of each
    character's Unicode category gives."""
    from a11y_audit.rules import label_content_name_mismatch as rule

    assert rule.tokens(text) == rule._unicode_tokens(text)
    assert rule.tokens(text + "é") == rule._unicode_tokens(text + "é")


def test_label_tokens_of_ascii_names_on_corpus_pages(corpus_root):
    """Every aria-label and visible label of the corpus that is ASCII gives the same words."""
    import gzip

    from a11y_audit.rules import label_content_name_mismatch as rule
    from a11y_audit.sources import decode

    seen = 0
    for path in sorted(corpus_root.glob("*.html.gz"))[::6]:
        page = Page.from_html(decode(gzip.decompress(path.read_bytes()), path.name)[0])
        for el in page.select("*[aria-label]"):
            for text in (el.get("aria-label"), page.name(el), dom.text_content(el)):
                if text.isascii():
                    seen += 1
                    assert rule.tokens(text) == rule._unicode_tokens(text), text
    assert seen >= 100


_LABEL_WORDS = st.lists(st.sampled_from(
    ["Ave.", "avenue", "Dr.", "doctor", "e-mail", "email", "co\u2010op", "coop", "x\u2011ray",
     "xray", "St.", "street", "U.S.", "us", "-", ".", "a.b", "Read", "more", "é.", "ÉCOLE."]
) | st.text(max_size=6), max_size=8).map(" ".join)


@settings(max_examples=300)
@given(_LABEL_WORDS, _LABEL_WORDS)
def test_label_abbreviation_and_hyphenation_tests_match_the_pattern_on_every_word(text, other):
    """The abbreviation and hyphenation tests that look for a period or a hyphen first give
    what matching their pattern against every word gives."""
    from a11y_audit.rules import label_content_name_mismatch as rule

    others = set(rule.tokens(other))
    abbreviated = False
    for word in text.casefold().split():
        match = rule._ABBREVIATION.match(word)
        if match and match.group(1) not in others and any(
                len(t) > len(match.group(1)) and t.startswith(match.group(1)) for t in others):
            abbreviated = True
    hyphenated = any(rule._HYPHENATED.search(word) and "".join(rule.tokens(word)) in others
                     for word in text.split())
    assert rule._abbreviated(text, list(others)) is abbreviated
    assert rule._hyphenation_differs(text, list(others)) is hyphenated


def test_ticker_is_not_a_sticker_a_stock_table_cell_or_a_hero_marquee():
    assert [s for _, s in outcomes("live-region-ticker", _TICKER_CASES[10])] == [
        "div.Newsticker"]
    table = ('<table><tr><th class="ticker">Ticker</th><th>Price</th></tr>'
             '<tr><td class="ticker"><a href="/q/HD">HD</a></td><td>230</td></tr>'
             '<tr><td class="news-ticker"><marquee>Markets open</marquee></td></tr></table>')
    assert [s for _, s in outcomes("live-region-ticker", table)] == [
        "td.news-ticker > marquee", "td.news-ticker > marquee"]    # its region, its pause
    hero = ('<figure class="js_marquee-assetfigure"><img src="a.jpg" alt="Crowd"></figure>'
            '<div class="page-marquee-container"><p>Lead</p></div>')
    assert not outcomes("live-region-ticker", hero)
    assert outcomes("live-region-ticker", hero, patterns=["marquee"])     # on request
