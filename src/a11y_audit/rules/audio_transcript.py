"""Audio and podcast players have a transcript nearby.

Deaf and hard-of-hearing readers (and readers who would rather skim) need a text version of a
podcast episode or an audio report: WCAG 1.2.1 asks for a transcript of prerecorded
audio-only content. The rule looks for a link or a heading/summary reading "Transcript" (in
English, Spanish, French, German or Portuguese, plus the ``transcript-patterns`` option) in the
player's section of the page: the nearest ancestor that also holds a heading, an ``article``,
``section``, ``figure`` or ``aside``, or the parent.

No axe-core counterpart. axe-core's ``audio-caption`` was deprecated and only asked for review.

Fails::

    <section><h2>Podcast: The week</h2><audio controls src="/p/week.mp3"></audio></section>

Passes::

    <section><h2>Podcast: The week</h2><audio controls src="/p/week.mp3"></audio>
      <a href="/p/week/transcript">Read the transcript</a></section>

    <div class="listen"><p>Listen to this article</p><audio controls src="/a/1.mp3"></audio></div>

A player labelled as the narration of the article ("Listen to this article", "Écouter cet
article"...) passes: the article is its text alternative (WCAG "media alternative for text").

cantTell: a podcast embed (Spotify, Apple Podcasts, SoundCloud, Megaphone, Omny, Simplecast,
Libsyn, Acast, Art19...) without a transcript nearby: the provider's player may offer one inside
the frame, which static HTML cannot see. A bare ``<audio>`` on the page without one fails.

Limits: a transcript elsewhere on the site, linked from a place this rule does not look, is not
found; a transcript's quality is not checked.

Options
-------

``transcript-patterns`` (list of regular expressions, default none)
    More patterns that mark a link or heading as the transcript (case is ignored), added to the
    built-in English ones, e.g. ``"Abschrift"``.
"""

from __future__ import annotations

import re
from typing import Any

from a11y_audit.dom import normalize_space, tag_of, text_content
from a11y_audit.knowledge import embeds
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="audio-transcript",
    impact="serious",
    wcag=("1.2.1",),
    tags=("news", "cat.time-and-media"),
    axe=False,
    help="Link a transcript next to the player (\"Read the transcript\")",
)

TRANSCRIPT = (r"\btranscri(?:pt|ption|pción|pcion|ção|cao)s?\b", r"\btranskript", r"\bmitschrift",
              r"\btexte intégral\b", r"\bread the text\b", r"\bfull text\b")
NARRATION = (r"\blisten to (?:this|the) (?:article|story)\b", r"\baudio version\b",
             r"\bescucha(?:r)? (?:este|el) (?:artículo|articulo)\b",
             r"\bécouter (?:cet|l') ?article\b", r"\bartikel (?:an)?hören\b",
             r"\bouvir (?:esta|a) (?:matéria|notícia|reportagem)\b", r"\bvorlesen\b")

OPTIONS: dict[str, Any] = {
    # More regular expressions for transcript links or headings (case is ignored).
    "transcript-patterns": [],
}

_SECTIONS = frozenset(("article", "section", "figure", "aside", "details", "li", "main"))
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def check(page: Page, options: dict[str, Any]) -> Results:
    transcript = re.compile("|".join((*TRANSCRIPT, *options["transcript-patterns"])), re.I)
    narration = re.compile("|".join(NARRATION), re.I)
    players: list[tuple[Element, str | None]] = []
    for audio in page.tags("audio"):
        if page.is_rendered(audio) and not page.is_hidden(audio):
            players.append((audio, None))
    for frame in page.tags("iframe"):
        kind = embeds.classify(frame.get("src") or frame.get("data-src"))
        if kind and kind[0] == "podcast" and not page.is_hidden(frame):
            players.append((frame, kind[1]))
    for player, provider in players:
        section = _section(player)
        text = normalize_space(text_content(section, 4000))
        what = f"{provider} player" if provider else "<audio>"
        if _has_transcript(page, section, transcript):
            yield RULE.ok(player, f"A transcript is linked next to the {what}")
        elif narration.search(text) or narration.search(page.name(player)):
            yield RULE.ok(player, f"The {what} reads the article aloud: the article is its text")
        elif provider:
            yield RULE.cant_tell(player, f"No transcript next to the {what}; the player may "
                                         "offer one inside its frame")
        else:
            yield RULE.fail(player, "No transcript next to this <audio>: deaf and "
                                    "hard-of-hearing readers cannot follow it")


def _section(player: Element) -> Element:
    parent = player.getparent()
    for anc in player.iterancestors():
        if tag_of(anc) in _SECTIONS or any(True for _ in anc.iter(*_HEADINGS)):
            return anc
    return parent if parent is not None else player


def _has_transcript(page: Page, section: Element, pattern: re.Pattern[str]) -> bool:
    for el in section.iter("a", "summary", "button", *_HEADINGS):
        if pattern.search(page.name(el) or normalize_space(text_content(el, 200))):
            return True
    return False
