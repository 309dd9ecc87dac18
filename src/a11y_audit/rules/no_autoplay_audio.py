"""Media that plays by itself does not play sound for more than 3 seconds without controls.

Sound that starts on its own talks over the screen reader: a blind reader opening an article
with an autoplaying video hears both at once and often cannot find the pause button by ear.
WCAG 1.4.2 asks for a way to pause or stop any audio that plays automatically for more than 3
seconds.

Differs from axe-core: axe-core (``no-autoplay-audio``, ACT 80f0bf) applies to ``audio`` and
``video`` with ``autoplay``, a source and no ``muted`` (or ``paused``) attribute, passes them
with ``controls``, and otherwise loads the media to measure its playable duration (3 seconds
or less passes, a ``loop`` without controls fails). Static HTML has no duration, so this rule
passes a media fragment (``#t=start,end``) of 3 seconds or less and fails the rest: an
autoplaying, unmuted video without controls on a news page is a story video, not a chime.

Fails::

    <video src="/media/briefing.mp4" autoplay></video>

    <audio autoplay loop><source src="/media/theme.mp3" type="audio/mpeg"></audio>

Passes::

    <video src="/media/briefing.mp4" autoplay controls></video>

    <audio src="/media/ding.mp3#t=0,2" autoplay></audio>

Muted media (``<video autoplay muted>``, the usual silent preview) is inapplicable. Hidden media is
checked like any other, as axe-core's selector includes it: a player that a stylesheet hides still
plays its sound.

Limits: browsers block most autoplay with sound until the reader interacts with the site, but
a reader who already has (a returning subscriber) hears it; a player script that starts media
without the ``autoplay`` attribute is not seen.
"""

from __future__ import annotations

import re

from a11y_audit.dom import tag_of
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="no-autoplay-audio",
    impact="moderate",
    wcag=("1.4.2",),
    tags=("news", "cat.time-and-media"),
    help="Start the media muted, or give it controls (controls attribute) to pause it",
    hidden_content="hidden media still plays its sound",
)

_RANGE = re.compile(r"#t=(?:npt:)?([\d:.]*)(?:,([\d:.]+))?")


def check(page: Page) -> Results:
    for el in page.select("audio[autoplay]", "video[autoplay]"):
        sources = _sources(el)
        if not sources or el.get("muted") is not None or el.get("paused") is not None:
            continue
        what = f"<{tag_of(el)}>"
        if el.get("controls") is not None:
            yield RULE.ok(el, f"The autoplaying {what} has controls to pause it")
        elif el.get("loop") is None and all(_short(s) for s in sources):
            yield RULE.ok(el, f"The autoplaying {what} plays 3 seconds or less")
        else:
            yield RULE.fail(el, f"{what} plays sound automatically with no controls to pause "
                                "or mute it")


def _sources(el: Element) -> list[str]:
    found = [el.get("src") or ""] + [s.get("src") or "" for s in el.iter("source")]
    return [s.strip() for s in found if s.strip()]


def _seconds(value: str) -> float | None:
    try:
        total = 0.0
        for part in value.split(":"):
            total = total * 60 + float(part)
        return total
    except ValueError:
        return None


def _short(src: str) -> bool:
    """A media fragment that limits playback to 3 seconds or less."""
    match = _RANGE.search(src)
    if not match or not match.group(2):
        return False
    start = _seconds(match.group(1) or "0")
    end = _seconds(match.group(2))
    return start is not None and end is not None and 0 <= end - start <= 3
