"""Videos have a captions track, or come from a player the newsroom captions.

Deaf and hard-of-hearing readers, and everyone watching on a train with the sound off, need
captions to follow a news video. axe-core never fails a video without captions (it asks for a
review); a newsroom can decide it statically for its own ``<video>`` elements.

Differs from axe-core: axe-core's ``video-caption`` passes a ``<video>`` with a
``<track kind="captions">`` and otherwise only asks for a review, since captions may be burned
in or served another way. This rule fails a video with a source and no captions or subtitles
track (WCAG 1.2.2, sufficient technique H95; ACT rule eac66b accepts captions, a transcript or a
media alternative, and a newsroom's own ``<video>`` with a plain file source offers none that
static HTML could see), passes a muted video without controls (no audio to caption, ACT eac66b
applies only to videos with audio), and accepts ``kind="subtitles"`` (also the default of a
``<track>`` without ``kind``) as this issue's newsroom policy does.

Fails::

    <video src="/media/flood.mp4" controls></video>

Passes::

    <video src="/media/flood.mp4" controls>
      <track kind="captions" src="/media/flood.vtt" srclang="en"></video>

    <video src="/media/loop.mp4" autoplay muted loop playsinline></video>

cantTell: a ``<video>`` whose source a player script sets (no ``src``, no ``<source>``), or an
adaptive stream (``.m3u8``, ``.mpd``) that may carry captions in the stream; and embedded
players (YouTube, Vimeo, Brightcove, JW Player, Dailymotion, Facebook), whose captions live on
the provider's side, unless the ``captioned-players`` option lists the provider (the newsroom
captions every video it uploads there).

Limits: whether the track really holds captions (and whether they are accurate) cannot be
seen.

Options
-------

``captioned-players`` (list of strings, default none)
    Providers whose videos the newsroom always captions (as messages name them, e.g. "YouTube"),
    or substrings of player URLs (``players.brightcove.net/123``).
"""

from __future__ import annotations

from typing import Any

from a11y_audit.dom import tag_of
from a11y_audit.knowledge import embeds
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="video-caption",
    impact="critical",
    wcag=("1.2.2",),
    tags=("news", "cat.time-and-media"),
    help="Add a captions track (<track kind=\"captions\" src=\"….vtt\">) or caption the video "
         "at its host",
)

OPTIONS: dict[str, Any] = {
    # Providers whose videos the newsroom always captions (labels as in messages, e.g.
    # "YouTube", "Brightcove"), or substrings of player URLs ("players.brightcove.net/123").
    "captioned-players": [],
}

_STREAMS = (".m3u8", ".mpd")


def check(page: Page, options: dict[str, Any]) -> Results:
    captioned = [p.lower() for p in options["captioned-players"]]
    for video in page.tags("video"):
        if page.is_hidden(video) or not page.is_rendered(video):
            continue
        yield _judge_video(video)
    for frame in page.tags("iframe"):
        src = frame.get("src") or frame.get("data-src")
        kind = embeds.classify(src)
        if kind is None or kind[0] != "video" or page.is_hidden(frame):
            continue
        provider = kind[1]
        if any(c == provider.lower() or c in (src or "").lower() for c in captioned):
            yield RULE.ok(frame, f"{provider} player: the configuration lists it as captioned")
        else:
            yield RULE.cant_tell(frame, f"{provider} player: its captions are set at {provider}; "
                                        "check them there (or list the provider in "
                                        "captioned-players)")


def _judge_video(video: Element) -> Any:
    tracks = [t for t in video.iter("track")
              if (t.get("kind") or "subtitles").strip().lower() in ("captions", "subtitles")]
    if tracks:
        return RULE.ok(video, "The video has a captions or subtitles track")
    if video.get("muted") is not None and video.get("controls") is None:
        return RULE.ok(video, "A muted video without controls: no audio to caption")
    sources = [video.get("src") or ""] + [s.get("src") or "" for s in video.iter("source")
                                          if tag_of(s) == "source"]
    sources = [s.strip() for s in sources if s.strip()]
    if not sources:
        return RULE.cant_tell(video, "A player script sets this video's source and may add "
                                     "captions")
    if any(s.lower().split("?")[0].endswith(_STREAMS) for s in sources):
        return RULE.cant_tell(video, "An adaptive stream may carry captions inside it")
    return RULE.fail(video, f"<video src=\"{sources[0][:80]}\"> has no <track "
                            "kind=\"captions\">: deaf and hard-of-hearing readers miss the audio")
