"""scripts/new_rule.py writes what test_rule_docs.py and test_rule_fixtures.py ask of a rule."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from a11y_audit.page import Page
from a11y_audit.registry import load_module
from tests.test_rule_docs import axe_paragraph, documented_options

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "new_rule.py"


def _script():
    spec = importlib.util.spec_from_file_location("new_rule_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _scaffold(tmp_path: Path, rule_id: str, options: dict | None = None):
    """Scaffold into a fake checkout under tmp_path and load the rule module it wrote."""
    (tmp_path / "src" / "a11y_audit" / "rules").mkdir(parents=True)
    _script().main(rule_id, options, root=tmp_path)
    path = tmp_path / "src" / "a11y_audit" / "rules" / f"{rule_id.replace('-', '_')}.py"
    spec = importlib.util.spec_from_file_location(f"scaffolded_{rule_id.replace('-', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return load_module(module), tmp_path / "rules" / rule_id


def test_a_rule_without_options(tmp_path):
    loaded, data = _scaffold(tmp_path, "byline-present")
    assert loaded.id == "byline-present" and loaded.options == {}
    assert "\nOptions\n-------\n" not in loaded.rule.docs
    assert axe_paragraph(loaded.rule.docs)[0].startswith("No axe-core counterpart")
    assert loaded.rule.axe is False
    assert list(loaded.run(Page.from_html("<p>x</p>"))) == []
    assert (data / "notes.md").is_file()
    assert sorted(p.name for p in data.iterdir()) == ["fail", "notes.md", "pass"]
    assert list((data / "fail").iterdir()) == []


def test_a_rule_with_options_documents_each_and_gets_an_options_fixture(tmp_path):
    options = {"min-px": 14, "house-patterns": ["Abschrift", "\\bé\""], "strict": True,
               "label": "x", "map": {"a": None}}
    loaded, data = _scaffold(tmp_path, "byline-present", options)
    assert loaded.options == options
    assert documented_options(loaded.rule.docs) == list(options)
    assert loaded.rule.docs.count("\nOptions\n-------\n") == 1
    assert list(loaded.run(Page.from_html("<p>x</p>"), {"min-px": 9})) == []
    page = data / "fail" / "with-options.html"
    values = json.loads((data / "fail" / "with-options.options.json").read_text())
    assert page.is_file() and values == options
    assert 'data-expect="failed"' in page.read_text()


def test_an_axe_core_id_claims_to_match(tmp_path):
    loaded, _ = _scaffold(tmp_path, "region")
    assert axe_paragraph(loaded.rule.docs)[0].startswith("Matches axe-core.")
    assert loaded.rule.axe is True


def test_the_scaffold_refuses_an_existing_rule(tmp_path):
    _scaffold(tmp_path, "byline-present")
    with pytest.raises(SystemExit, match="exists already"):
        _script().main("byline-present", root=tmp_path)


@pytest.mark.parametrize(("text", "expected"), [
    ("min-px=14", ("min-px", 14)), ("patterns=[\"a\", \"b\"]", ("patterns", ["a", "b"])),
    ("strict=false", ("strict", False)), ("label=Read more", ("label", "Read more")),
    ("empty=", ("empty", "")),
])
def test_option_defaults_are_json_or_text(text, expected):
    assert _script().parse_option(text) == expected


@pytest.mark.parametrize("bad", ["min-px", "Min=1", "=3", "a b=1"])
def test_bad_option_flags_are_refused_in_one_line(bad):
    done = subprocess.run([sys.executable, str(SCRIPT), "byline-x", "--option", bad],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "NAME=DEFAULT" in done.stderr and "Traceback" not in done.stderr
