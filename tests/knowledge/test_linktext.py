"""knowledge.linktext: folding link names for the generic-phrase lists."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from a11y_audit.knowledge.linktext import _fold, fold

# ASCII with the decoration characters and every kind of ASCII white space over-represented
_ASCII = st.text(st.sampled_from("aZ9_ .,:;!?>-|/\\()[]{}'\"*+#&\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f")
                 | st.characters(max_codepoint=127))


@given(_ASCII)
def test_ascii_fold_is_the_pattern_fold(text):
    """The byte-table fold of ASCII text folds as the regular expression does."""
    assert fold.__wrapped__(text) == _fold(text)


@given(st.text())
def test_fold_of_any_text_is_the_pattern_fold(text):
    assert fold.__wrapped__(text) == _fold(text)


def test_fold_examples():
    assert fold("  Read   MORE »") == "read more"
    assert fold("Click here...") == "click here"
    assert fold("a\x1cb") == "a b"          # white space to str.split, not to bytes.split
    assert fold("Lire la suite…") == "lire la suite"
    assert fold("") == ""
