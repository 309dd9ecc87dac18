"""Every rule documents itself: metadata is valid, and its docstring examples behave."""

from __future__ import annotations

import re

import pytest

from a11y_audit.commons import wcag
from a11y_audit.outcome import Impact, Outcome
from a11y_audit.registry import all_rules
from tests.conftest import run_rule

RULES = all_rules()
IDS = [r.id for r in RULES]
_BLOCK = re.compile(r"^(Fails|Passes)::\n\n((?:[ \t]+.*\n|\n)+)", re.M)


def examples(docs: str, kind: str) -> list[str]:
    """The examples of every ``Fails::``/``Passes::`` block; a blank line separates examples."""
    blocks = [m.group(2) for m in _BLOCK.finditer(docs + "\n") if m.group(1) == kind]
    return [ex for b in blocks for ex in re.split(r"\n\s*\n", _dedent(b)) if ex.strip()]


def _dedent(block: str) -> str:
    import textwrap

    return textwrap.dedent(block).strip()


@pytest.mark.parametrize("loaded", RULES, ids=IDS)
def test_metadata(loaded):
    rule = loaded.rule
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.id)
    assert loaded.module.__name__.rsplit(".", 1)[1] == rule.id.replace("-", "_")
    assert isinstance(rule.impact, Impact)
    assert all(c in wcag.CRITERIA for c in rule.wcag)
    assert rule.help and rule.help_url.startswith("https://")
    assert rule.description and rule.description.endswith(".")
    assert all(re.fullmatch(r"[0-9a-z]{6}", act) for act in rule.act)


@pytest.mark.parametrize("loaded", RULES, ids=IDS)
def test_docstring_examples(loaded):
    docs = loaded.rule.docs
    fails, passes = examples(docs, "Fails"), examples(docs, "Passes")
    assert fails, f"{loaded.id}: docstring has no Fails:: block"
    assert passes, f"{loaded.id}: docstring has no Passes:: block"
    assert docs.index("Fails::") < docs.index("Passes::")
    for markup in fails:
        report = run_rule(loaded.id, markup)
        assert report.rules[loaded.id].outcome is Outcome.FAILED, markup
    for markup in passes:
        report = run_rule(loaded.id, markup)
        assert report.rules[loaded.id].outcome is Outcome.PASSED, markup
