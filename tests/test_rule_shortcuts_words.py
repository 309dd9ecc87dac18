"""Word prefilters in front of slow regular expressions (issue 11): a rule tests for a word
every match needs before it runs the pattern. These tests pin that the words are right and
that the rules give the answers of the pattern alone on the cases that tell them apart."""

from __future__ import annotations

import re

import pytest

from a11y_audit.rules import link_new_window_or_file as new_window
from tests.conftest import run_rule

_META = set("\\.^$*+?{}[]()|")


def test_each_cue_word_is_the_literal_start_of_its_cue():
    assert len(new_window.CUE_WORDS) == len(new_window.CUES)
    for cue, word in zip(new_window.CUES, new_window.CUE_WORDS, strict=True):
        assert not _META & set(word), word
        assert word == word.lower(), word
        # every match of the cue starts with the word (after a \b, which matches no text)
        assert cue.removeprefix(r"\b").startswith(word), (cue, word)


def test_no_cue_character_beyond_ascii_matches_an_ascii_one_when_case_is_ignored():
    """ASCII text is tested by lower-case containment, which holds only if no character of
    the cues outside ASCII matches an ASCII letter under re.IGNORECASE (as the Kelvin sign
    matches k)."""
    wide = {c for cue in new_window.CUES for c in cue if not c.isascii()}
    assert wide            # (télécharg, öffnet, pestaña...)
    for c in wide:
        for a in map(chr, range(128)):
            assert not re.fullmatch(re.escape(c), a, re.I), (c, a)
    # and the characters that do have such a twin are outside every cue
    assert not {"\u0130", "\u0131", "\u017f", "\u212a"} & wide


_NAMES = ["Read more", "Opens in a new TAB", "Share on Facebook", "Report (PDF, 2 MB)",
          "Télécharger le rapport", "Bericht ÖFFNET im neuen Fenster", "Abre en nueva ventana",
          "Nouvelle FENÊTRE", "Download", "downloads", "Mbabane news", "The ZIP code",
          "Workbook", "word", "Newsletter", "new  window", "Open\u212a", "\u017fite",
          "Docket", "powerpoints", "nova aba", "Baixar", "reopened", "kb"]


def _links(names: list[str], target: str = ' target="_blank"', href: str = "/story") -> str:
    return "".join(f'<p><a href="{href}"{target}>{name}</a></p>' for name in names)


def _findings(markup: str, **options) -> list[tuple[str, str, str]]:
    report = run_rule("link-new-window-or-file", markup, **options)
    return [(f.outcome, f.selector, f.message) for f in report.findings]


@pytest.mark.parametrize("options", [{}, {"cue-patterns": [r"\bnewsletter\b"]}])
def test_cue_prefilter_gives_the_pattern_answers(options, monkeypatch):
    markup = _links(_NAMES) + _links(["Annual report"], target="",
                                     href="/r.pdf") + _links(["x"], href="/a")
    fast = _findings(markup, **options)
    assert {outcome for outcome, _, _ in fast} >= {"passed", "failed"}
    monkeypatch.setattr(new_window, "_may_cue", lambda words: True)
    assert _findings(markup, **options) == fast


_HREFS = ["/r.pdf", "/r.PDF", "/r.Pdf?download=1", "/get?file=r.docx", "/get?file=r.docx&x=1",
          "/r.pdf/view", "/r.pdfx", "/r.pdf#page=2", "/a?b?c.zip", "/a.zip?", "/a.tar.gz",
          "/report.xlsx ", " /report.odt", "/pdf", "/a.pdf\n", "/a.pdf\n#top", "/a\u00e9.pdf",
          "/\u017fite.xl\u017f", "/x.epub?utm=1#frag", "/x.csv#", "mailto:a@b.pdf", "/a.",
          "/a.?"]


@pytest.mark.parametrize("extensions", [None, ["pdf", "tar.gz", "xls"], ["", "PDF"],
                                        ["p\u00e9f"]])
def test_file_test_gives_the_pattern_answers(extensions, monkeypatch):
    options = {} if extensions is None else {"file-extensions": extensions}
    markup = "".join(f'<p><a href="{href}">Annual report</a></p>' for href in _HREFS)
    fast = _findings(markup, **options)
    monkeypatch.setattr(new_window, "_dotted", lambda extensions: None)
    assert _findings(markup, **options) == fast
    if extensions is None:
        assert len(fast) >= 10


def test_file_test_against_the_pattern_directly():
    extensions = (*new_window.OPTIONS["file-extensions"], "tar.gz", "")
    _, files = new_window._patterns((), extensions)
    dotted = new_window._dotted(extensions)
    for href in [*_HREFS, "/A.PDF?", "/a.pdf?x.zip", "?.csv", "", "?", "/a.ods?q#", "/a\n.pdf"]:
        href = href.split("#", 1)[0]
        assert new_window._is_file(files, dotted, href) == bool(files.search(href)), href
