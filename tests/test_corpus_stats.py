"""scripts/corpus_stats.py: per-rule page counts over a folder of pages, saved and compared."""

from __future__ import annotations

import gzip
import json

from tests.conftest import load_script

corpus_stats = load_script("corpus_stats")

NO_LANG = "<!doctype html><html><head><title>t</title></head><body><p>x</p></body></html>"
WITH_LANG = NO_LANG.replace("<html>", '<html lang="en">')
BAD_LANG = NO_LANG.replace("<html>", '<html lang="xx-!!">')


def test_counts_pages_per_outcome_and_compares(tmp_path, capsys):
    corpus = tmp_path / "pages"
    corpus.mkdir()
    (corpus / "a.html").write_text(NO_LANG)
    (corpus / "b.html.gz").write_bytes(gzip.compress(WITH_LANG.encode()))
    (corpus / "c.htm").write_text(BAD_LANG)
    (corpus / "notes.txt").write_text("not a page")
    saved = tmp_path / "before.json"
    argv = ["--corpus", str(corpus), "-r", "html-has-lang", "-r", "html-lang-valid"]
    assert corpus_stats.main([*argv, "--json", str(saved), "--pages"]) == 0
    figures = json.loads(saved.read_text())
    assert figures["pages"] == 3
    has_lang = figures["rules"]["html-has-lang"]
    assert (has_lang["failed"], has_lang["passed"], has_lang["inapplicable"]) == (1, 2, 0)
    assert has_lang["pages"]["failed"] == ["a.html"]
    valid = figures["rules"]["html-lang-valid"]
    assert (valid["failed"], valid["passed"], valid["inapplicable"]) == (1, 1, 1)
    assert "failed: c.htm" in capsys.readouterr().out

    (corpus / "a.html").write_text(WITH_LANG)
    assert corpus_stats.main([*argv, "--compare", str(saved)]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines()
               if line.startswith("html-has-lang"))
    assert row.split()[1:4] == ["1->0", "0", "2->3"]


def test_unknown_rule_and_missing_corpus_exit_2(tmp_path, capsys):
    assert corpus_stats.main(["--corpus", str(tmp_path / "none")]) == 2
    (tmp_path / "a.html").write_text(NO_LANG)
    assert corpus_stats.main(["--corpus", str(tmp_path), "-r", "no-such-rule"]) == 2
    err = capsys.readouterr().err
    assert "no pages at" in err and "no-such-rule" in err
