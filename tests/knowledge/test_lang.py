"""knowledge.lang: ACT "known primary language tag" (RFC 5646 primary subtag + IANA registry)."""

from __future__ import annotations

import pytest

from a11y_audit.knowledge.lang import (
    describe_problem,
    has_known_primary_language,
    is_blank,
    primary_subtag,
)


@pytest.mark.parametrize(
    ("value", "known"),
    [
        ("en", True),
        ("FR", True),                 # subtags are case-insensitive (RFC 5646 2.1.1)
        ("en-US-GB", True),           # only the primary subtag counts (ACT)
        ("de-hello", True),           # ACT's own example
        ("fr-CH", True),
        ("zh-cmn-Hans", True),
        (" en ", True),               # surrounding ASCII whitespace ignored
        ("em-US", False),             # "em" is not registered
        ("eng", False),               # ISO 639-2 code with a two-letter equivalent
        ("i-lux", False),             # grandfathered: primary subtag "i" is a singleton
        ("x-private", False),
        ("qaa", False),               # private-use range, not a language
        ("dutch", False),
        ("#1", False),
        ("en_US", False),             # "en_US" is not an alphanumeric subtag
        ("  ", False),
        ("", False),
        (None, False),
    ],
)
def test_known_primary_language(value, known):
    assert has_known_primary_language(value) is known


@pytest.mark.parametrize(
    ("value", "subtag"),
    [("en-GB", "en"), ("FR", "fr"), ("#!", None), ("", None), ("-en", None)],
)
def test_primary_subtag(value, subtag):
    assert primary_subtag(value) == subtag


@pytest.mark.parametrize(("value", "blank"), [(None, True), ("", True), (" \t\n", True),
                                              ("en", False), ("\u00a0", False)])
def test_is_blank(value, blank):
    assert is_blank(value) is blank


@pytest.mark.parametrize(
    ("value", "words"),
    [("  ", "whitespace"), ("#1", "letters and digits"), ("i-lux", "singleton"),
     ("eng", "ISO 639-2"), ("qaa", "private-use"), ("dutch", "not a language subtag")],
)
def test_describe_problem(value, words):
    assert words in describe_problem(value)


def test_the_language_table_is_the_registry_s_language_subtags():
    """is_known_language reads language-tags' table of language subtags alone; it must be
    what the package's own API says of every subtag it knows (all types: a region or script
    subtag is not a language)."""
    from language_tags import data, tags

    from a11y_audit.knowledge import lang

    index = data.get("index")
    assert len(lang._languages()) > 8000
    for subtag in index:
        assert lang.is_known_language(subtag) is (tags.type(subtag, "language") is not None), \
            subtag
    assert lang.is_known_language("EN") and not lang.is_known_language("eng")


def test_without_the_table_the_package_index_answers(monkeypatch, tmp_path):
    """A future language-tags without data/json/language.json: the index gives the same set."""
    import importlib.util

    from a11y_audit.knowledge import lang

    found = lang._languages()
    real = importlib.util.find_spec("language_tags")
    spec = importlib.util.spec_from_file_location(
        "language_tags", tmp_path / "__init__.py", submodule_search_locations=[str(tmp_path)])
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: spec if name == "language_tags" else real)
    lang._languages.cache_clear()
    try:
        assert lang._languages() == found
    finally:
        lang._languages.cache_clear()
