"""Unnamed icons inside named links and buttons: the advice is aria-hidden, not a <title>."""

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
