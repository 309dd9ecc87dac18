"""Rules that find related elements through a page index, not a pass over the page for each
element they judge (tests/test_pathological.py holds them linear): what they find.

label's stray labels, frame-title-unique's groups, live-region-ticker's pause controls and
link-name's image maps each judge as the pass over every element did, edge cases included;
aria-required-children names a child not allowed with the groups around it (a walk with a
stack now, not a call per group).
"""

from __future__ import annotations

from a11y_audit.outcome import Outcome
from tests.conftest import run_rule

FAILED, PASSED, CANT_TELL = Outcome.FAILED, Outcome.PASSED, Outcome.CANT_TELL


def test_a_field_names_the_labels_meant_for_it_that_do_not_label_it():
    report = run_rule("label", "\n".join([
        "<body><form>",
        '<input name="email" id="e1"><label for="email">Email</label>',      # its name
        '<input id="Phone"><label for="phone">Phone</label>',                # its id's case
        "<label>Town</label><input id=\"town\">",                            # just before it
        '<input id="a"><label for="a">A</label><input id="a">',              # a duplicate id
        '<input id="b" name="B"><label for="B">B</label><label for="b">b</label>',
        "</form></body>"]))
    failed = {f.selector: f for f in report.findings if f.outcome is FAILED}
    stray = {selector: sorted(el.line for el in finding.related)
             for selector, finding in failed.items()}
    assert stray == {
        "#e1": [2],
        "#Phone": [3],
        "#town": [4],
        "html > body > form > input:nth-of-type(5)": [],    # the second "a": for="a" labels
                                                            # the first
    }
    assert failed["#e1"].message.endswith("a <label> beside it is not associated with it "
                                          "(line 2)")
    assert "not associated" not in failed["html > body > form > input:nth-of-type(5)"].message
    # "#b" is labelled by for="b"; for="B" names it too (its name) but it has a label
    assert "#b" not in failed and "#a" not in failed


def test_frames_sharing_a_title_are_judged_by_their_group_of_sources():
    report = run_rule("frame-title-unique", "<body>" + "".join([
        '<iframe id="s1" title="Video" src="/v#t=1"></iframe>',
        '<iframe id="s2" title="video " src="/v"></iframe>',                 # same page
        '<iframe id="d1" title="Poll" src="/p/1"></iframe>',
        '<iframe id="d2" title="Poll" src="/p/2"></iframe>',                 # other pages
        '<iframe id="d3" title="Poll"></iframe>',                            # script-filled
        '<iframe id="m1" title="Map" src="/m"></iframe>',
        '<iframe id="m2" title="Map" src="about:blank"></iframe>',
        '<iframe id="o1" title="Only" src="/o"></iframe>',
    ]))
    assert {f.selector: f.outcome for f in report.findings} == {
        "#s1": PASSED, "#s2": PASSED, "#d1": FAILED, "#d2": FAILED, "#d3": CANT_TELL,
        "#m1": CANT_TELL, "#m2": CANT_TELL, "#o1": PASSED}
    messages = {f.selector: f.message for f in report.findings}
    assert messages["#s1"] == '2 frames titled "Video" embed the same page'


def test_a_moving_ticker_passes_with_a_pause_control_beside_it():
    report = run_rule("live-region-ticker", "<body>" + "".join([
        '<div id="with"><div class="ticker" aria-live="polite" id="t1"><marquee>a</marquee>'
        '</div><div class="ticker" aria-live="polite" id="t2"><marquee>b</marquee></div>'
        "<button>Pause the ticker</button></div>",
        '<div id="without"><div class="ticker" aria-live="polite" id="t3">'
        "<marquee>c</marquee></div><a href=\"/more\">More news</a></div>",
    ]))
    pauses = {f.selector: f.outcome for f in report.findings
              if "pause" in f.message.lower() or "moves by itself" in f.message}
    assert pauses == {"#t1": PASSED, "#t2": PASSED, "#t3": FAILED}


def test_an_area_is_a_link_only_in_a_map_a_rendered_image_uses():
    report = run_rule("link-name", "<body>" + "".join([
        '<map name="used"><area id="u" href="/u" shape="rect" coords="0,0,1,1"></map>',
        '<img usemap=" #used" src="a.png" alt="A">',
        '<map id="by-id"><area id="i" href="/i" shape="rect" coords="0,0,1,1"></map>',
        '<object usemap="#by-id" data="b.png"></object>',
        '<map name="hidden"><area id="h" href="/h" shape="rect" coords="0,0,1,1"></map>',
        '<img usemap="#hidden" src="c.png" alt="C" hidden>',
        '<map name="unused"><area id="n" href="/n" shape="rect" coords="0,0,1,1"></map>',
        '<map name=""><area id="e" href="/e" shape="rect" coords="0,0,1,1"></map>',
        '<img usemap="#" src="d.png" alt="D">',
    ]))
    assert {f.selector: f.outcome for f in report.findings} == {"#u": FAILED, "#i": FAILED}


def test_a_child_not_allowed_in_nested_groups_is_named_with_the_groups_around_it():
    def menu(depth: int) -> str:
        return ('<div role="menu" id="m">' + '<div role="group">' * depth
                + '<div role="menuitem">ok</div><p>wrong</p>' + "</div>" * depth + "</div>")

    def message(depth: int) -> str:
        report = run_rule("aria-required-children", f"<body>{menu(depth)}</body>")
        return next(f.message for f in report.findings if f.selector == "#m")

    assert "<p> (role 'paragraph') inside role 'group' inside role 'group';" in message(2)
    assert "inside role 'group' inside role 'group' inside role 'group'" not in message(2)
    deep = message(40)
    assert "<p> (role 'paragraph') inside role 'group' inside role 'group' … (37 more) " \
           "inside role 'group';" in deep
    assert len(deep) < 400
