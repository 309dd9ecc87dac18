"""A link or button that takes its name from its content and got none says what in the
content gave no name, and the fix that fits (checks.naming.content_hint)."""

from __future__ import annotations

import pytest

from a11y_audit.engine import audit_page
from a11y_audit.outcome import Outcome
from a11y_audit.page import Page
from a11y_audit.registry import get

NO_NAME = "has no accessible name: no text, aria-labelledby, aria-label or title"


def failure(rule_id: str, markup: str) -> str:
    report = audit_page(Page.from_html(f"<main>{markup}</main>"), [get(rule_id)])
    (message,) = [f.message for f in report.findings if f.outcome is Outcome.FAILED]
    return message


@pytest.mark.parametrize(("markup", "hint"), [
    ('<a href="/" class="logo"></a>',
     '; the link is empty (a logo or icon that a stylesheet draws gives no name): add an '
     'aria-label or visually hidden text that says where the link leads'),
    ('<a href="/"><br> </a>', "; the link is empty"),
    ('<a href="/s"><img src="t.jpg" alt=""></a>',
     '; its image <img src="t.jpg"> has alt="", which marks it decorative: give it alt text '
     'that says where the link leads'),
    ('<a href="/s"><img src="t.jpg" alt=""><img src="u.jpg"></a>',
     '; its image <img src="u.jpg"> has no alt: give it alt text that says where the link '
     'leads'),
    # the image not displayed does not count; the one shown is marked decorative
    ('<a href="/"><img src="big.png" alt="" style="display:none"><img src="s.png" alt=""></a>',
     '; its image <img src="s.png"> has alt=""'),
    ('<a href="/"><svg class="logo"><path d="M0 0"/></svg></a>',
     '; its <svg class="logo"> has no name: give the link an aria-label (and the svg '
     'aria-hidden="true") that says where the link leads'),
    ('<a href="https://x.com/share"><i class="fa fa-twitter"></i></a>',
     '; its content (<i class="fa fa-twitter">) has no text (an icon that a stylesheet draws '
     'gives no name): add an aria-label or visually hidden text that says where the link '
     'leads'),
    ('<a href="/w"><div class="condition"><span class="icon"></span></div></a>',
     '; its content (<div class="condition">)'),
    ('<a href="/next"><span class="chevron" aria-hidden="true"></span></a>',
     '; its content (<span class="chevron">) is hidden from assistive technology by '
     'aria-hidden="true": add an aria-label that says where the link leads'),
])
def test_an_unnamed_link_says_what_in_its_content_gave_no_name(markup, hint):
    message = failure("link-name", markup)
    assert NO_NAME in message
    assert message.split(NO_NAME, 1)[1].startswith(hint)


def test_buttons_and_custom_commands_get_the_hint_with_their_purpose():
    assert failure("button-name", '<button class="close"><span class="ico"></span></button>'
                   ).endswith("visually hidden text that says what the button does")
    assert failure("button-name", '<button><svg aria-hidden="true"></svg></button>').endswith(
        'is hidden from assistive technology by aria-hidden="true": add an aria-label that '
        'says what the button does')
    assert failure("aria-command-name", '<div role="menuitem" tabindex="0"><img src="i.png" '
                   'alt=""></div>').endswith("give it alt text that says what the menu item "
                                             "does")


@pytest.mark.parametrize("markup", [
    '<a href="/s"><span style="display:none">Story</span></a>',   # text there, hidden
    '<a href="/s"><picture><source srcset="a.jpg"></picture></a>',  # shows its own picture
    '<a href="/s"><canvas class="chart"></canvas></a>',              # draws its own
])
def test_no_hint_where_the_cause_is_elsewhere_or_unclear(markup):
    assert failure("link-name", markup).endswith(NO_NAME)


def test_a_link_a_browser_empties_keeps_its_own_explanation():
    message = failure("link-name", '<p><a href="/s"><div>Story</div></a></p>')
    assert "A browser leaves it empty" in message and "the link is empty (" not in message
