"""Newsroom rules (tag ``news``): options, cantTell answers and the knowledge they share.

Fixtures in ``rules/<id>/`` cover each rule's pass/fail cases; these tests cover what a fixture
cannot: rule options, page-level cantTell answers, and the date/time, script and link-text
knowledge in ``a11y_audit.knowledge``."""

from __future__ import annotations

from html import escape

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from a11y_audit.knowledge import datetimes, embeds, linktext, scripts
from a11y_audit.outcome import Outcome
from tests.conftest import outcomes, page_outcome, run_rule
from tests.test_robustness import _URL_PIECES

FAILED, CANT_TELL, PASSED = Outcome.FAILED, Outcome.CANT_TELL, Outcome.PASSED


@pytest.mark.parametrize(("value", "kind"), [
    ("2019", "year"), ("0000", None), ("2019-11", "month"), ("2019-13", None),
    ("2024-02-29", "date"), ("2023-02-29", None), ("2019-04-31", None),
    ("--02-29", "yearless date"), ("11-31", None),
    ("2020-W53", "week"), ("2021-W53", None), ("2015-W53", "week"), ("2019-W00", None),
    ("07:00", "time"), ("23:59:59.999", "time"), ("24:00", None), ("07:60", None),
    ("07:00:05.1234", None),
    ("2019-11-20T07:00", "local date and time"), ("2019-11-20 07:00:00", "local date and time"),
    ("2019-11-20T07:00Z", "global date and time"),
    ("2019-11-20T07:00:00+05:30", "global date and time"),
    ("2019-11-20T07:00:00-0500", "global date and time"),
    ("2019-11-20T07:00:00+24:00", None), ("2019-11-20T07:00:00+5:30", None),
    ("Z", "time-zone offset"), ("-08:00", "time-zone offset"),
    ("PT4H18M3S", "duration"), ("P2D", "duration"), ("P1DT2H", "duration"),
    ("PT1.5S", "duration"), ("P", None), ("PT", None), ("P1DT", None), ("P1Y", None),
    ("P1W", None), ("4h 18m 3s", "duration"), ("1w 2d", "duration"), ("4h 4h", None),
    ("2.5h", None), ("", None), (" 2019-11-20", None), ("Wed Nov 20 2019", None),
    ("4h x", None), ("4h 18", None), ("x 4h", None), (" 4h ", "duration"),
    ("1" * 5000 + "h", "duration"), ("1" * 5000 + "x", None),
])
def test_html_date_and_time_microsyntaxes(value, kind):
    assert datetimes.kind_of(value) == kind


def test_scripts_of_letters_and_languages():
    assert scripts.script_of("ж") == "Cyrillic" and scripts.script_of("ع") == "Arabic"
    assert scripts.script_of("中") == "Han" and scripts.script_of("ひ") == "Kana"
    assert scripts.script_of("क") == "Devanagari" and scripts.script_of("ש") == "Hebrew"
    assert scripts.script_of("λ") == "Greek" and scripts.script_of("ก") == "Thai"
    assert scripts.script_of("Ｗ") == "Latin" and scripts.script_of("7") is None
    assert scripts.scripts_of_language("en-GB") == {"Latin"}
    assert scripts.scripts_of_language("sr-Latn") == {"Latin"}
    assert scripts.scripts_of_language("ja") == {"Han", "Kana"}
    assert scripts.scripts_of_language("x-klingon") is None
    assert scripts.runs("Hi Мир мой!") == [("Latin", "Hi"), ("Cyrillic", "Мир мой")]


@pytest.mark.parametrize("text", ["", "Hi Мир мой!", "«Привет», said 東京 – 3 ½", "7 × 8 = 56"])
def test_scripts_in_is_the_set_of_scripts_runs_finds(text):
    assert scripts.scripts_in(text) == {script for script, _ in scripts.runs(text)}


def test_generic_link_text_is_matched_whole_and_by_language():
    english = linktext.phrases_for("en")
    assert linktext.is_generic("Read more »", english)
    assert linktext.is_generic("  CLICK   HERE ", english)
    assert not linktext.is_generic("Read more about the flood", english)
    assert linktext.is_generic("Lire la suite…", linktext.phrases_for("fr-CA"))
    assert not linktext.is_generic("Lire la suite", english)
    assert linktext.is_generic("Leia mais", linktext.phrases_for("pt"))
    assert linktext.is_generic("Full coverage", linktext.phrases_for("en", ["full coverage"]))


def test_embed_classification():
    assert embeds.classify("https://www.youtube-nocookie.com/embed/x") == ("video", "YouTube")
    assert embeds.classify("//player.vimeo.com/video/1") == ("video", "Vimeo")
    assert embeds.classify("https://www.youtube.com/watch?v=x") is None
    assert embeds.classify("https://open.spotify.com/embed/episode/1") == ("podcast", "Spotify")
    assert embeds.classify("not a url") is None


def test_link_text_generic_options():
    markup = '<html lang="en"><body><a href="/a">Full coverage</a><a href="/b">More</a></body>'
    assert [o for o, _ in outcomes("link-text-generic", markup)] == [PASSED, FAILED]
    found = outcomes("link-text-generic", markup, phrases=["Full coverage"], allow=["More"])
    assert [o for o, _ in found] == [FAILED, PASSED]


def test_video_caption_captioned_players_option():
    markup = '<iframe src="https://players.brightcove.net/123/default/index.html" title="V">'
    assert page_outcome("video-caption", markup) is CANT_TELL
    assert page_outcome("video-caption", markup, **{"captioned-players": ["Brightcove"]}) \
        is PASSED


def test_headline_in_title_patterns_and_rewording():
    page = ("<html><head><title>{}</title></head><body><main><h1>Storm hits coast</h1>"
            "</main></body></html>")
    pattern = {"patterns": ["{headline} | {site}"]}
    assert page_outcome("headline-in-title", page.format("Storm hits coast | Planet"),
                        **pattern) is PASSED
    assert page_outcome("headline-in-title", page.format("Planet: Storm hits coast"),
                        **pattern) is FAILED
    assert page_outcome("headline-in-title", page.format("Storm hits the coast: latest")) \
        is CANT_TELL
    assert page_outcome("headline-in-title", page.format("Weather")) is FAILED


def test_headline_in_title_a_rewording_that_keeps_most_topic_words_is_the_same_story():
    page = ("<html><head><title>{}</title></head><body><main><h1>Why you just can't trust the "
            "White House on Donald Trump's health</h1></main></body></html>")
    cnn = page.format("Why you can't trust the White House on Donald Trump's health - CNN")
    assert [(outcome, message.split(" (")[1]) for outcome, message in
            messages("headline-in-title", cnn)] == [
        (PASSED, "7 of its 8 topic words): the same story")]
    # below the share (5 of 8), or with the share raised past 1: a rewording to check
    assert page_outcome("headline-in-title", page.format("White House trust and Trump - CNN")) \
        is CANT_TELL
    assert page_outcome("headline-in-title", cnn, **{"same-story-share": 1.01}) is CANT_TELL
    # a short headline shares all its words with many titles: never fewer than four
    short = ("<html><head><title>Impeachment: Adam Schiff works against the clock</title>"
             "</head><body><main><h1>The Impeachment Clock</h1></main></body></html>")
    assert page_outcome("headline-in-title", short) is CANT_TELL


def test_link_new_window_option_keeps_only_files():
    markup = '<a href="/r" target="_blank">Report</a><a href="/r.pdf">Budget</a>'
    assert len([o for o, _ in outcomes("link-new-window-or-file", markup) if o is FAILED]) == 2
    found = outcomes("link-new-window-or-file", markup, **{"new-window": False})
    assert [o for o, _ in found] == [FAILED]


def test_text_min_size_option_and_relative_sizes():
    markup = '<p style="font-size: 12px">Photo: Reuters</p>'
    assert page_outcome("text-min-size", markup) is PASSED
    assert page_outcome("text-min-size", markup, **{"min-px": 13}) is FAILED
    # 0.6em of a size the page never sets: depends on the reader's default.
    assert page_outcome("text-min-size", '<p style="font-size: .6em">Credit</p>') is CANT_TELL


@pytest.mark.parametrize(("css", "expected"), [
    # a rule the cascade does not evaluate that may set the size, here or above: cantTell
    ("@container (width > 1px) { .credit { font-size: 14px } }", CANT_TELL),
    ("@container (width > 1px) { figure { font: 14px serif } }", CANT_TELL),
    ("figure:nth-child(1 of .x:invalid) { --size: 14px }", CANT_TELL),
    # one that sets only colours, or matches nothing here: the size stands
    ("@container (width > 1px) { .credit { color: #000 } }", FAILED),
    ("@container (width > 1px) { .promo { font-size: 14px } }", FAILED),
    # :nth-child(An+B of S), evaluated: it matches, and sets no size that is used
    ("figure:nth-child(1 of .x) { --size: 14px }", FAILED),
])
def test_text_min_size_says_cant_tell_where_a_rule_it_cannot_evaluate_may_resize(css,
                                                                                   expected):
    markup = (f"<html><head><style>{css}</style></head><body><figure class='x'><img alt='A'"
              " src='a.jpg'><figcaption class='credit' style='font-size: 9px'>Photo: Reuters"
              "</figcaption></figure></body></html>")
    assert page_outcome("text-min-size", markup) is expected
    if expected is CANT_TELL:
        [finding] = run_rule("text-min-size", markup).findings
        assert "9.0px as far as the cascade tells, but the stylesheet rule '" in finding.message
        assert "may set the font size here" in finding.message


def test_tabindex_zero_strict_option():
    markup = '<div role="button" tabindex="0">Follow</div>'
    assert page_outcome("tabindex-zero-focusable", markup) is PASSED
    assert page_outcome("tabindex-zero-focusable", markup,
                        **{"allow-widget-roles": False}) is FAILED


def test_lang_of_parts_thresholds():
    page = '<html lang="en"><body><p>{}</p></body></html>'
    assert page_outcome("lang-of-parts", page.format("Known as Мбаппе at home")) \
        is Outcome.INAPPLICABLE
    assert page_outcome("lang-of-parts", page.format("He said Мы победим today")) is CANT_TELL
    assert page_outcome("lang-of-parts", page.format("He said Мы победим всех today")) is FAILED
    assert page_outcome("lang-of-parts", page.format("He said Мы победим всех"),
                        **{"min-words": 4}) is CANT_TELL


@pytest.mark.parametrize(("markup", "expected"), [
    # the page-wide shortcut (one script in the whole document) must not hide a passage
    ('<html lang="ru"><body><p>Это текст: and five more English words here</p></body></html>',
     FAILED),
    ('<html lang="ru"><body><p>Это текст</p><p>and five more English words here</p>'
     '</body></html>', FAILED),
    # a passage in another language's element, with lang naming an unknown language above it
    ('<html lang="x-unknown"><body><div lang="en"><p>Quote: Мы победим всех врагов</p></div>'
     '</body></html>', FAILED),
    # non-Latin text the rule does not read (scripts, comments, attributes) changes nothing
    ('<html lang="en"><body><script>var s = "Мы победим всех";</script><!-- Мы победим всех -->'
     '<p title="Мы победим всех">Plain English text</p></body></html>', Outcome.INAPPLICABLE),
    ('<html lang="en"><body><p>Café “quotes” — naïve</p></body></html>', Outcome.INAPPLICABLE),
])
def test_lang_of_parts_whole_page_shortcut(markup, expected):
    assert page_outcome("lang-of-parts", markup) is expected


def test_scripts_in_utf8_reads_the_non_ascii_characters_only():
    assert scripts.scripts_in_utf8(b"plain ascii 123") == {"Latin"}
    assert scripts.scripts_in_utf8("123 — «»".encode()) == set()
    assert scripts.scripts_in_utf8("Мир and 東京".encode()) == {"Cyrillic", "Latin", "Han"}
    assert scripts.scripts_in_utf8("Мир".encode()) == {"Cyrillic"}


@pytest.mark.parametrize(("body", "expected"), [
    # content before the first heading, and between sections, is skipped over quickly but the
    # heading after it is still found and judged
    ("<p>Intro</p><div><div><h2>A</h2></div></div><p>x</p><h2>B</h2>",
     [(Outcome.PASSED, "A"), (Outcome.FAILED, "B")]),
    # a heading in a subtree the walk skips is not judged, wherever the walk is
    ('<p>x</p><div style="visibility:hidden"><h2 style="visibility:visible">A</h2></div>'
     "<h2>B</h2><p>y</p>", [(Outcome.PASSED, "B")]),
    ('<h2>A</h2><div style="visibility:hidden"><h2 style="visibility:visible">B</h2></div>'
     "<p>y</p>", [(Outcome.PASSED, "A")]),
    ('<h2>A</h2><script>document.write("x")</script><h2>B</h2>',
     [(Outcome.FAILED, "A"), (Outcome.FAILED, "B")]),
    # text in the heading is not content; its tail is
    ("<h2>A<span>more</span></h2> tail<h2>B</h2><p hidden>x</p>",
     [(Outcome.PASSED, "Amore"), (Outcome.FAILED, "B")]),
    # (a heading inside a heading closes it, as in a browser: two headings)
    ("<h2>A<h3>sub</h3></h2><p>x</p>", [(Outcome.PASSED, "A"), (Outcome.PASSED, "sub")]),
    # content hidden from assistive technology is no content; the tail after it is
    ('<h2>A</h2><div aria-hidden="true"><p>x</p><img src="a.jpg" alt="y"></div><h2>B</h2>'
     '<span aria-hidden="true">z</span> tail<h2>C</h2><p>w</p>',
     [(Outcome.FAILED, "A"), (Outcome.PASSED, "B"), (Outcome.PASSED, "C")]),
    ('<h2>A</h2><div aria-hidden="false"><p>x</p></div>', [(Outcome.PASSED, "A")]),
])
def test_heading_has_content_walk(body, expected):
    report = run_rule("heading-has-content", f"<html><body>{body}</body></html>")
    found = [(f.outcome, f.message.split('"')[1]) for f in report.findings]
    assert found == expected


def test_headline_in_title_reads_og_title_before_calling_an_h1_the_masthead():
    # an article header outside <article> is a banner (HTML-AAM): og:title says whose h1
    story = ("<html><head><title>Harbour dredging to start in May | Harbour Post</title>{}"
             "</head><body><header><h1>{}</h1></header><p>Story text.</p></body></html>")
    headline = "Harbour dredging to start in May"
    for meta in ('<meta property="og:title" content="Harbour dredging to start in May">',
                 '<meta name="twitter:title" content="Harbour dredging to start in May | HP">'):
        assert page_outcome("headline-in-title", story.format(meta, headline)) is PASSED
    assert page_outcome("headline-in-title", story.format("", headline)) is CANT_TELL
    # the site's name, or a short start of another title, stays the masthead
    other = '<meta property="og:title" content="Harbour Post: ferry fares rise again">'
    for h1 in ("Harbour Post", "Harbour"):
        assert page_outcome("headline-in-title", story.format(other, h1)) is CANT_TELL
    # application-name (MSN sets it to the headline) does not name the site before
    # og:site_name
    msn = (f"<html><head><title>{headline} - MSN</title><meta name='application-name' "
           f"content='{headline}'><meta property='og:site_name' content='MSN'></head><body>"
           f"<main><h1>{headline}</h1></main></body></html>")
    assert page_outcome("headline-in-title", msn) is PASSED


def messages(rule_id: str, markup: str) -> list[tuple[Outcome, str]]:
    return [(f.outcome, f.message) for f in run_rule(rule_id, markup).findings]


@pytest.mark.parametrize(("markup", "expected"), [
    # WooCommerce's order review, which a script fills: no cells yet
    ("<table class='shop_table review-order'></table>", Outcome.CANT_TELL),
    ("<table><thead></thead><tbody></tbody></table>", Outcome.PASSED),       # thead: data
    ("<table><tbody><tr></tr></tbody></table>", Outcome.CANT_TELL),
    ("<table role=presentation></table>", Outcome.PASSED),
    ("<table><tr><td>Photo</td></tr></table>", Outcome.FAILED),
])
def test_table_for_data_leaves_a_table_without_cells_to_its_script(markup, expected):
    ((outcome, message),) = messages("table-for-data", markup)
    assert outcome is expected
    if outcome is Outcome.CANT_TELL:
        assert message.startswith("The table has no cells")


def test_headline_in_title_an_h1_inside_a_home_link_is_the_masthead():
    # Entermedia: <a href="/"><h1>엔터 미디어</h1></a>, the site's name in Korean, while
    # the title ends "- Entermedia": the link around the h1 says masthead
    page = ("<html><head><title>Harbour dredging to start in May - Harbourmedia</title></head>"
            "<body><div id='header'>{}</div><div id='content'><p>The council approved the "
            "dredging.</p></div></body></html>")
    found = messages("headline-in-title", page.format("<a href='/'><h1>하버 미디어</h1></a>"))
    assert found == [(CANT_TELL, 'The h1 "하버 미디어" looks like the masthead, not a headline')]
    for home in ("./", "/index.html", "https://harbour.example/", "HTTPS://harbour.example",
                 "//harbour.example/"):
        markup = page.format(f"<a href='{home}'><h1>하버 미디어</h1></a>")
        assert page_outcome("headline-in-title", markup) is CANT_TELL, home
        markup = page.format(f"<h1><a href='{home}'>하버 미디어</a></h1>")
        assert page_outcome("headline-in-title", markup) is CANT_TELL, home
    # a link to a story, a section or a malformed address is no home link: the h1 is
    # taken as the headline, which the title does not hold
    for other in ("/2019/11/story.html", "/?page=2", "/#top", "https://harbour.example/news",
                  "http://[#", "mailto:desk@harbour.example", "http:/", ""):
        markup = page.format(f"<a href='{other}'><h1>하버 미디어</h1></a>")
        assert page_outcome("headline-in-title", markup) is FAILED, other


@pytest.mark.parametrize(("story", "expected"), [
    # a classic WordPress theme: the site's name the h1, the post's title an h2 that the
    # page's og:title names
    ("<h2>Harbour dredging to start in May</h2>", PASSED),
    ("<h3><a href='/2019/05/dredging'>Harbour dredging to start in May</a></h3>", PASSED),
    # the post's own h1 after the site's (GiveWell's blog), og:title or not
    ("<article><h1>Harbour dredging to start in May</h1></article>", PASSED),
    # a rewording of the story's headline the rule passes for an h1 passes here too
    ("<article><h1>Harbour dredging will start in May</h1></article>", PASSED),
    # an h2 that is not the og:title (nor half of its start) is no more than a guess: the
    # masthead stays cantTell
    ("<h2>Harbour</h2>", CANT_TELL),
    ("<h2>Ferry fares rise again</h2>", CANT_TELL),
    # a second h1 the title does not hold, or one that is a masthead too (the title holds
    # the site's name), or a hidden heading
    ("<article><h1>Ferry fares rise again</h1></article>", CANT_TELL),
    ("<h1><a href='/'>Harbour Post</a></h1>", CANT_TELL),
    ("<h2 hidden>Harbour dredging to start in May</h2>", CANT_TELL),
    ("<h2 aria-hidden='true'>Harbour dredging to start in May</h2>", CANT_TELL),
])
def test_headline_in_title_finds_the_story_headline_behind_a_masthead_h1(story, expected):
    page = ("<html><head><title>Harbour dredging to start in May | Harbour Post</title>"
            "<meta property='og:title' content='Harbour dredging to start in May'></head>"
            "<body><main><a href='/'><h1>Harbour Post</h1></a>{}"
            "<p>The council approved the dredging.</p></main></body></html>")
    found = messages("headline-in-title", page.format(story))
    assert [outcome for outcome, _ in found] == [expected]
    if expected is PASSED:
        assert found[0][1].startswith("The title holds the story's headline, the <h")
        assert found[0][1].endswith('(the h1 "Harbour Post" looks like the masthead)')
    else:
        assert found[0][1] == 'The h1 "Harbour Post" looks like the masthead, not a headline'


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_URL_PIECES), max_size=8).map("".join) | st.text(max_size=40))
@example(href="http://[#")
@example(href="//[::1/")
def test_headline_in_title_reads_any_address_of_a_link_around_the_h1(href):
    # the addresses URL parsers stumble on ("http://[#" made urlsplit raise elsewhere)
    page = (f"<html><head><title>Harbour news</title></head><body><a href='{escape(href)}'>"
            "<h1>Ferry fares rise again</h1></a></body></html>")
    report = run_rule("headline-in-title", page)
    assert report.errors == []      # a crash would be a cantTell with an error
    assert report.rules["headline-in-title"].outcome in (FAILED, CANT_TELL)


def test_headline_in_title_a_title_that_names_another_heading_is_cant_tell():
    # Digg: the story's headline is an h2; the page's only h1 is a featured story in a
    # sidebar. The title names the story: which heading is the headline needs a person.
    page = ("<html><head><title>{}</title></head><body><main><article><header><h2>Harbour "
            "dredging to start in May</h2></header><p>Text.</p></article><aside><article>"
            "<h1>Ferry fares rise again</h1></article></aside></main></body></html>")
    found = messages("headline-in-title", page.format("Harbour dredging to start in May - HP"))
    assert found == [(CANT_TELL, 'The title "Harbour dredging to start in May - HP" contains '
                                 'the heading <h2> "Harbour dredging to start in May", not the '
                                 'h1 "Ferry fares rise again"; check which one is the story\'s '
                                 'headline')]
    # a heading of fewer than three topic words names no story ("Local News" is a section)
    assert page_outcome("headline-in-title", page.format("Dredging - HP").replace(
        "Harbour dredging to start in May</h2>", "Dredging</h2>")) is FAILED
    # a hidden heading does not count
    hidden = page.format("Harbour dredging to start in May - HP").replace(
        "<h2>", "<h2 hidden>")
    assert page_outcome("headline-in-title", hidden) is FAILED
    assert page_outcome("headline-in-title", page.format("Weather - HP")) is FAILED


def test_dialog_name_of_a_closed_dialog_whose_title_a_script_writes():
    dialog = ('<div role="dialog" class="share" aria-labelledby="t" {}><h3 id="t">{}</h3>'
              '<button>Close</button></div>')
    assert page_outcome("dialog-name-modal", dialog.format('aria-hidden="true"', "")) \
        is CANT_TELL
    assert page_outcome("dialog-name-modal", dialog.format("", "")) is FAILED     # shown
    # one that looks blocking without aria-modal fails whatever its title will be
    blocking = dialog.replace('class="share"', 'class="modal"')
    found = outcomes("dialog-name-modal", blocking.format('aria-hidden="true"', ""))
    assert [o for o, _ in found] == [FAILED]
    assert page_outcome("dialog-name-modal", blocking.format(
        'aria-hidden="true" aria-modal="true"', "")) is CANT_TELL
    closed = '<div role="dialog" aria-labelledby="none" aria-hidden="true"><p>Hi</p></div>'
    assert page_outcome("dialog-name-modal", closed) is FAILED      # no such element
    native = '<dialog aria-labelledby="t"><h3 id="t"></h3></dialog>'
    assert page_outcome("dialog-name-modal", native) is CANT_TELL
    assert page_outcome("dialog-name-modal", native.replace("<dialog ", "<dialog open ")) \
        is FAILED


def _skips_nothing_by_definition(page, link, target):
    """skip-link-present's question by its definition: walk the Tab order from the link,
    collecting what comes before the target, then look for the masthead among them."""
    from a11y_audit.semantics import skiplinks
    from a11y_audit.semantics.tabbing import subtree_end

    if page.order[target] < page.order[link]:
        return None
    tabbable = page.tabbable
    skipped = []
    if link in tabbable:
        for el in tabbable[tabbable.index(link) + 1:]:
            if page.order[el] >= page.order[target]:
                break
            skipped.append(el)
    main = skiplinks.main_landmark(page)
    end = subtree_end(page, target)
    masthead = None
    for landmark in page.landmarks:
        el = landmark.element
        if landmark.role not in ("banner", "navigation") or page.order[el] < page.order[link]:
            continue
        if page.order[el] > end:
            break
        if main is not None and skiplinks.within(el, main):
            continue
        if any(skiplinks.within(t, el) for t in tabbable if page.order[t] > page.order[el]):
            masthead = el
            break
    if masthead is None:
        return None if skipped else "nothing"
    return None if any(skiplinks.within(el, masthead) for el in skipped) else "masthead"


def test_skip_link_present_judges_what_a_link_skips_as_a_walk_of_the_tab_order_does():
    # The rule reads the Tab order and the landmarks from indexes built once a page (a walk
    # per skip link was quadratic); on random pages of links, navigations and headers, its
    # answer for every same-page link and target is the walk's.
    import random

    from a11y_audit.page import Page
    from a11y_audit.rules import skip_link_present as rule

    rng = random.Random(7)
    pieces = ['<a href="#t{}">Skip</a>', '<a href="/x">x</a>', '<nav><a href="/n">n</a></nav>',
              '<header><a href="/h">h</a><nav><a href="/m">m</a></nav></header>', '<nav></nav>',
              '<div id="t{}"><a href="/d">d</a></div>', '<button tabindex="-1">b</button>',
              '<div id="t{}"><nav><a href="/w">w</a></nav><p>story</p></div>',
              '<a id="t{}" href="/z">z</a>',
              '<main id="t{}"><nav><a href="/i">i</a></nav><p>story</p></main>', "<p>text</p>"]
    for _ in range(200):
        body = "".join(rng.choice(pieces).format(rng.randrange(6))
                       for _ in range(rng.randint(1, 14)))
        page = Page.from_html(f"<!doctype html><html lang=en><title>t</title><body>{body}")
        links = [el for el in page.root.iter("a") if (el.get("href") or "").startswith("#t")]
        for link in links:
            target = page.ids.get(link.get("href")[1:])
            if target is None:
                continue
            found = rule._skips_nothing(page, link, target)
            expected = _skips_nothing_by_definition(page, link, target)
            assert (found is None) is (expected is None), (body, link.get("href"))
            if found is not None:
                assert found.startswith("does not skip") is (expected == "masthead"), body


def test_link_adjacent_duplicate_names_the_pair_by_the_text_link_whichever_comes_first():
    text_first = ('<div><a href="/s">Flood defences fail</a>'
                  '<a href="/s/"><img src="f.jpg" alt=""></a></div>')
    image_first = ('<div><a href="/s"><img src="f.jpg" alt=""></a>'
                   '<a href="/s">Flood defences fail</a></div>')
    (first,) = [m for o, m in messages("link-adjacent-duplicate", text_first) if o is FAILED]
    assert first.startswith('This link ("Flood defences fail") and the next, an image link, '
                            'both go to /s')
    (second,) = [m for o, m in messages("link-adjacent-duplicate", image_first) if o is FAILED]
    assert second.startswith('This image link and the next ("Flood defences fail") both go')


def test_a_long_link_text_is_quoted_cut_with_an_ellipsis():
    # (a template's text runs with spaces: the cut is told after they collapse)
    headline = "Flood defences fail   \n\n      " * 6
    pair = (f'<div><a href="/s">{headline}</a><a href="/s"><img src="f.jpg" alt=""></a></div>')
    (message,) = [m for o, m in messages("link-adjacent-duplicate", pair) if o is FAILED]
    quoted = message.split("(", 1)[1].split(")", 1)[0]
    assert quoted.endswith('…"') and len(quoted) == 82
    (message,) = [m for o, m in messages("anchor-has-href", f"<a>{headline}</a>")
                  if o is FAILED]
    assert message.startswith('<a> "Flood defences fail Flood defences fail Flood defences '
                              'fail…" has no href')
    (message,) = [m for o, m in messages("anchor-has-href", "<a>Flood defences fail</a>")
                  if o is FAILED]
    assert message.startswith('<a> "Flood defences fail" has no href')


def test_figure_image_alt_says_when_the_caption_is_only_a_credit():
    figure = ('<figure><img src="a.jpg" alt="note-10-plus.jpg"><figcaption>'
              '<span class="caption"></span><span class="credit">Getty Images</span>'
              '</figcaption></figure>')
    (message,) = [m for o, m in messages("figure-image-alt", figure) if o is FAILED]
    assert message == ('Alt text "note-10-plus.jpg" is a file name, not a description; the '
                       'caption holds only a photo credit')
    captioned = figure.replace('<span class="caption"></span>',
                               '<span class="caption">Samsung\'s Note 10+</span>')
    (message,) = [m for o, m in messages("figure-image-alt", captioned) if o is FAILED]
    assert message.endswith('; caption: "Samsung\'s Note 10+"')


def test_names_quoted_in_messages_are_cut_short():
    banner = "Privacy overview. " + "This website uses cookies to improve your experience. " * 30
    dialog = (f'<div role="dialog" class="cli-modal" id="pop" aria-labelledby="pop">'
              f'<p>{banner}</p></div>')
    (message,) = [m for o, m in messages("dialog-name-modal", dialog) if o is FAILED]
    assert message.startswith('Dialog "Privacy overview. This website uses cookies')
    quoted = message.split('"')[1]
    assert len(quoted) == 80 and quoted.endswith("…")
    assert message.endswith('looks like it blocks the page (<div id="pop" role="dialog" '
                            'class="cli-modal">) but has no aria-modal="true"')


def test_an_empty_name_in_a_message_reads_empty_not_a_pair_of_quotes():
    (order,) = [m for o, m in messages("heading-order", "<h1><img src=l.png alt=''></h1>"
                                       "<h3>Sport</h3>") if o is FAILED]
    assert order == 'Heading level 3 "Sport" follows level 1 (empty): level 2 skipped'
    (header, _) = messages("th-has-data-cells", "<table><tr><th class=logo><img src=l.png "
                                                "alt=Team></th><th>Score</th></tr><tr><td>1"
                                                "</td><td>2</td></tr></table>")
    assert header == (PASSED, 'Header <th class="logo"> heads at least one cell')
    redundant = messages("image-redundant-alt", "<p><img src=a.jpg> Flood</p>"
                                               "<p><img src=b.jpg alt=Rain> Flood</p>")
    assert redundant == [
        (PASSED, "the image has no text alternative to repeat the text around it"),
        (PASSED, 'alt text "Rain" adds to the text around it')]


@pytest.mark.parametrize(("body", "expected"), [
    # a row named for a breaking-news page that holds the story's headline or body is the
    # article (the Jerusalem Post's article rows): not judged, and what matches inside it is
    ("<div class='breaking-row'><h1>Ferry strike called off</h1></div>", []),
    ("<div class='breaking-row'><div itemprop='articleBody'>The union...</div></div>", []),
    ("<div class='breaking-row' itemprop='articleBody'>The union called it off.</div>", []),
    ("<div class='breaking-row'><h1>Ferry strike</h1><div class='ticker'>"
     "<a href='/n/2'>Bridge reopens</a></div></div>", [("div", FAILED)]),
    # a hidden h1 is no story, nor is an itemprop without articleBody
    ("<div class='breaking-row'><h1 hidden>Ferry strike called off</h1></div>",
     [("div", FAILED)]),
    ("<div class='breaking-row'><div itemprop='headline'>Ferry strike</div></div>",
     [("div", FAILED)]),
    # a live blog's container may hold its headline: still judged
    ("<article class='liveblog'><h1>Live: the count</h1><p>21:45 Turnout up</p></article>",
     [("article", FAILED)]),
    ("<section class='live-updates' aria-label='Live updates'><h1>Live</h1></section>",
     [("section", PASSED)]),
    # a <marquee>, or role=marquee or log, is a ticker wherever the headline is
    ("<div role='log' class='breaking'><h1>Ferry strike called off</h1></div>",
     [("div", PASSED)]),
    ("<marquee><h1>Ferry strike called off</h1></marquee>",
     [("marquee", PASSED), ("marquee", FAILED)]),
])
def test_live_region_ticker_leaves_out_the_story_in_a_breaking_news_layout(body, expected):
    report = run_rule("live-region-ticker", f"<html><body>{body}</body></html>")
    found = [(f.snippet[1:].split(">")[0].split()[0], f.outcome) for f in report.findings]
    assert found == expected
