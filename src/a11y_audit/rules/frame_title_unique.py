"""Frames on one page have distinct titles.

Screen reader users move between frames by their titles: a page with three tweets all titled
"Twitter Tweet", two ad slots titled "3rd party ad content" and two videos titled "YouTube video
player" offers a list of identical entries. This is the news embed view of ``frame-title``:
social posts, maps, polls, podcasts, videos and ads each need a title of their own.

Differs from axe-core: axe-core's ``frame-title-unique`` fails every frame whose title
(trimmed, white space collapsed, case ignored) another frame shares. ACT rule 4b1c6c ("Iframe
elements with identical accessible names have equivalent purpose") allows the same name for
frames that embed the same resource, so frames with the same title and the same ``src`` pass;
a frame whose content a script writes (no ``src``, or ``about:blank``, as ad slots often are) is
cantTell when it shares its title, since whether the resources are equivalent cannot be seen.

Fails::

    <iframe src="https://platform.twitter.com/embed/Tweet.html?id=1" title="Twitter Tweet">
    </iframe>
    <iframe src="https://platform.twitter.com/embed/Tweet.html?id=2" title="Twitter Tweet">
    </iframe>

Passes::

    <iframe src="https://www.youtube.com/embed/a1" title="Video: the flood"></iframe>
    <iframe src="https://www.youtube.com/embed/b2" title="Video: the clean-up"></iframe>

Limits: frames that a stylesheet the cascade reads hides are not compared (those that only a linked
stylesheet that could not be read may hide are); the title attribute is what is compared (as
axe-core does), not an ``aria-label``.
"""

from __future__ import annotations

from collections import defaultdict

from a11y_audit.dom import normalize_space
from a11y_audit.knowledge import embeds
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="frame-title-unique",
    impact="serious",
    wcag=("4.1.2",),
    tags=("news", "cat.text-alternatives"),
    help="Give each frame a title that says which post, video, map or ad it holds",
    template_values=("title", "branches"),
)


def check(page: Page) -> Results:
    groups: dict[str, list[Element]] = defaultdict(list)
    for frame in page.select("iframe[title]", "frame[title]"):
        title = normalize_space(frame.get("title")).casefold()
        if title and not page.is_hidden(frame):
            groups[title].append(frame)
    for frames in groups.values():
        if len(frames) == 1:
            yield RULE.ok(frames[0], "No other frame has this title")
            continue
        title = normalize_space(frames[0].get("title"))
        # each frame's source read once (a page of thousands of frames sharing one title
        # compared every pair: 25 million reads for 5,000 frames)
        sources = [_source(frame) for frame in frames]
        shown = set(sources) - {""}
        scripted = len(frames) - sum(map(bool, sources))
        for frame, own in zip(frames, sources, strict=True):
            yield _judge(frame, own, shown, scripted, len(frames), title)


def _judge(frame: Element, own: str, shown: set[str], scripted: int, count: int,
           title: str):
    """One frame of ``count`` that share a title: ``own`` its source, ``shown`` the group's
    sources, ``scripted`` how many of them have none (a script fills them)."""
    kind = embeds.classify(own)
    what = f"{kind[1]} {kind[0]} frame" if kind else "frame"
    if own and len(shown) > 1:
        return RULE.fail(frame, f"This {what} shares the title \"{title}\" with a frame "
                                "showing other content")
    if not own or scripted:
        return RULE.cant_tell(frame, f"A script fills this frame or one that shares its title "
                                     f"\"{title}\"; whether they show the same thing cannot "
                                     "be seen")
    return RULE.ok(frame, f"{count} frames titled \"{title}\" embed the same page")


def _source(frame: Element) -> str:
    src = (frame.get("src") or frame.get("data-src") or "").strip()
    return "" if src.lower() in ("", "about:blank") else src.split("#", 1)[0]
