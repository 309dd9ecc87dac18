"""The comparison scripts keep Chromium's answers by page and by the numbered markup asked
about: answers about another markup (a page model that numbers elements otherwise) are
never compared with ours."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import load_script

styles = load_script("styles_vs_chromium")


def test_answers_are_kept_by_page_and_markup(tmp_path: Path):
    page = Path("abc123.html.gz")
    first = styles.cached_answers(tmp_path, page, "<p data-n='0'>x</p>")
    assert first.parent == tmp_path and first.name.startswith("abc123.")
    assert styles.cached_answers(tmp_path, page, "<p data-n='0'>x</p>") == first
    first.write_text("[]", encoding="utf-8")
    quirks = styles.cached_answers(tmp_path, page, "<p data-n='0'>x</p>", ".quirks")
    quirks.write_text("[]", encoding="utf-8")
    legacy = tmp_path / "abc123.json"           # kept by page alone, before
    legacy.write_text("[]", encoding="utf-8")
    other = tmp_path / "abc1234.0123456789ab.json"      # another page
    other.write_text("[]", encoding="utf-8")
    # another markup: another file, and the page's answers about the old one are gone
    second = styles.cached_answers(tmp_path, page, "<p data-n='0'>y</p>")
    assert second != first and not first.exists() and not legacy.exists()
    assert quirks.exists() and other.exists()      # another kind, another page: kept
