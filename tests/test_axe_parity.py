"""Behaviour brought to axe-core's meaning (issue 7) that fixtures cannot express."""

from __future__ import annotations

from a11y_audit.outcome import Outcome
from tests.conftest import outcomes, page_outcome, run_rule

PAYWALL = """<body>
  <div class="paywall" role="dialog" aria-modal="true" aria-label="Subscribe">
    <h2>Subscribe to keep reading</h2><a href="/subscribe">Subscribe</a></div>
  <div aria-hidden="true" class="story"><p>The case for a four-day week</p></div>
</body>"""


def test_image_alt_empty_alt_is_not_called_white_space():
    report = run_rule("image-alt", '<img src="a.png" alt="" tabindex="0">'
                                   '<img src="b.png" alt="  ">')
    by_outcome = {f.outcome: f.message for f in report.findings}
    assert "white space" not in by_outcome[Outcome.PASSED]
    assert "white space" in by_outcome[Outcome.FAILED]


def test_page_rules_cannot_tell_behind_a_dialog():
    # axe-core passes both while a modal is open; markup cannot say the dialog is modal.
    assert page_outcome("landmark-one-main", PAYWALL) is Outcome.CANT_TELL
    assert page_outcome("page-has-heading-one", PAYWALL) is Outcome.CANT_TELL
    without_dialog = PAYWALL.replace('role="dialog"', "")
    assert page_outcome("landmark-one-main", without_dialog) is Outcome.FAILED
    hidden_dialog = PAYWALL.replace('role="dialog"', 'role="dialog" hidden')
    assert page_outcome("page-has-heading-one", hidden_dialog) is Outcome.FAILED


def test_duplicate_landmarks_fail_once_on_the_first():
    found = outcomes("landmark-no-duplicate-main",
                     '<main id="a">1</main><div role="main" id="b">2</div><main id="c">3</main>')
    assert found == [(Outcome.FAILED, "#a")]
    assert outcomes("landmark-unique", '<nav id="x">A</nav><nav id="y">B</nav>') == [
        (Outcome.FAILED, "#x")]


def test_naming_rules_route_as_axe():
    markup = ('<a href="/a" role="button" id="ab"></a><button role="link" id="bl"></button>'
              '<div role="button" id="db"></div><button id="b"></button>'
              '<span role="link" id="sl"></span><a href="/x" id="a"></a>')
    failed = {rule: {sel for outcome, sel in outcomes(rule, markup) if outcome is Outcome.FAILED}
              for rule in ("button-name", "link-name", "aria-command-name")}
    assert failed == {"button-name": {"#b"}, "link-name": {"#bl", "#sl", "#a"},
                      "aria-command-name": {"#ab", "#db"}}
