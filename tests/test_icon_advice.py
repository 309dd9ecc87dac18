"""Unnamed icons inside named links and buttons: the advice is aria-hidden, not a <title>;
and a title that is an icon link's only name is replaced before it is dropped."""

from __future__ import annotations

import pytest

from a11y_audit.outcome import Outcome
from tests.conftest import run_rule

ICON = '<svg role="img" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>'


@pytest.mark.parametrize("markup", [
    f'<a href="/share">{ICON} Share on Facebook</a>',
    f'<button type="button" aria-label="Copy link">{ICON}</button>',
    f'<div role="button" tabindex="0"><span>{ICON}</span>Subscribe</div>',
])
def test_icon_in_named_control_is_told_to_hide(markup):
    (finding,) = run_rule("svg-img-alt", markup).findings
    assert finding.outcome is Outcome.FAILED
    assert 'aria-hidden="true"' in finding.message and "already named" in finding.message


@pytest.mark.parametrize("markup", [
    ICON,                                          # a lone chart: name it
    f'<a href="/home">{ICON}</a>',                 # the icon is the link's only content
])
def test_icon_without_named_control_keeps_naming_advice(markup):
    (finding,) = run_rule("svg-img-alt", markup).findings
    assert finding.outcome is Outcome.FAILED
    assert "aria-hidden" not in finding.message and "<title>" in finding.message


def test_role_img_icon_in_named_button():
    markup = '<button><i class="icon-search" role="img"></i> Search</button>'
    (finding,) = run_rule("role-img-alt", markup).findings
    assert finding.outcome is Outcome.FAILED
    assert 'aria-hidden="true"' in finding.message and '"Search"' in finding.message


@pytest.mark.parametrize(("markup", "noun"), [
    ('<a href="/share" title="Share on X"><svg aria-hidden="true"></svg></a>', "link"),
    ('<a href="/g" title="Photo gallery"><img src="g.jpg" alt=""></a>', "link"),
    ('<span role="button" tabindex="0" title="Close"></span>', "button"),
])
def test_a_title_that_is_a_controls_only_name_is_kept_until_it_is_replaced(markup, noun):
    # the help says "drop title"; on an icon link that would leave it nameless
    (finding,) = run_rule("title-attr-inputs-only", markup).findings
    assert finding.outcome is Outcome.FAILED
    assert finding.message.endswith(f"; it is also the {noun}'s only accessible name, so give "
                                    "it aria-label or visible text before dropping title")


@pytest.mark.parametrize("markup", [
    '<a href="/w" title="World news">World</a>',                      # named by its text
    '<a href="/l" title="Log in" aria-label="Log in to your account"><i></i></a>',
    '<p title="Published 6 December">Flood recedes</p>',              # no name from content
])
def test_a_title_beside_another_name_gets_no_such_warning(markup):
    (finding,) = run_rule("title-attr-inputs-only", markup).findings
    assert finding.outcome is Outcome.FAILED
    assert "only accessible name" not in finding.message
