"""Every rule documents itself: metadata is valid, and its docstring examples behave."""

from __future__ import annotations

import re

import pytest

from a11y_audit.knowledge import wcag
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
    assert "``" not in rule.description    # shown as plain text (rules list, reports)
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


# -- rule options (issue 10): documented under an Options heading, shown by explain -------------

_OPTIONS_TITLE = "\nOptions\n-------\n"


def documented_options(docs: str) -> list[str]:
    """The option names the docstring's ``Options`` section defines (````name```` at the start
    of a line); the section runs to the end of the docstring."""
    if _OPTIONS_TITLE not in docs:
        return []
    section = docs.split(_OPTIONS_TITLE, 1)[1]
    return re.findall(r"^``([\w-]+)``", section, re.M)


@pytest.mark.parametrize("loaded", RULES, ids=IDS)
def test_options_are_documented_under_an_options_heading(loaded):
    docs = loaded.rule.docs
    names = documented_options(docs)
    if not loaded.options:
        assert _OPTIONS_TITLE not in docs, f"{loaded.id} has no OPTIONS but documents some"
        return
    assert docs.count(_OPTIONS_TITLE) == 1, f"{loaded.id}: OPTIONS need one Options section"
    assert sorted(names) == sorted(loaded.options), (
        f"{loaded.id}: the Options section must define each option once, and only those")
    assert len(names) == len(set(names))


def test_documented_options_parser_sees_what_it_should():
    docs = "Text.\n\nOptions\n-------\n\n``a-b`` (x)\n    About ``c``.\n\n``d`` (y)\n    More."
    assert documented_options(docs) == ["a-b", "d"]
    assert documented_options("Text about ``a``.") == []


def test_explain_prints_the_options_section():
    from click.testing import CliRunner

    from a11y_audit.cli import main

    with_options = [r for r in RULES if r.options]
    assert with_options
    for loaded in with_options:
        out = CliRunner().invoke(main, ["explain", loaded.id, "--no-color"]).output
        assert "\nOptions:\n" in out and "-------" not in out, loaded.id
        section = out.split("\nOptions:\n", 1)[1]
        for name in loaded.options:
            assert f"\n{name} (" in section, (loaded.id, name)


# -- how a rule relates to axe-core (issue 7: one meaning per id) -------------------------------

# The paragraph begins "Matches axe-core.", "Differs from axe-core:" or "No axe-core
# counterpart." (a colon or a bracket after the first and last is tolerated).
_AXE_OPENINGS = ("Matches axe-core", "Differs from axe-core:", "No axe-core counterpart")


def axe_paragraph(docs: str) -> list[str]:
    """The docstring paragraphs that state the rule's relation to axe-core."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", docs)]
    return [p for p in paragraphs if p.startswith(_AXE_OPENINGS)]


@pytest.mark.parametrize("loaded", RULES, ids=IDS)
def test_axe_relation_is_stated(loaded):
    from a11y_audit.knowledge.axe_rules import AXE_RULE_IDS

    rule = loaded.rule
    found = axe_paragraph(rule.docs)
    assert len(found) == 1, (
        f"{rule.id}: the docstring needs exactly one paragraph starting with one of "
        f"{_AXE_OPENINGS} (found {len(found)})")
    paragraph = found[0]
    if paragraph.startswith("No axe-core counterpart"):
        assert not rule.axe, f"{rule.id}: a rule without axe counterpart sets axe=False"
        assert rule.id not in AXE_RULE_IDS, f"{rule.id} is an axe-core id: say how it differs"
    else:
        assert rule.id in AXE_RULE_IDS, f"{rule.id}: axe-core 4.x has no rule with this id"
    if rule.axe:
        assert rule.id in AXE_RULE_IDS, f"{rule.id}: axe=True but axe-core has no such rule"
    if paragraph.startswith("Differs from axe-core:"):
        assert len(paragraph) > len("Differs from axe-core:") + 20, "say what differs and why"
    if paragraph.startswith("Matches axe-core") and not rule.axe:
        pytest.fail(f"{rule.id}: matches axe-core but sets axe=False")


def test_explain_shows_the_axe_relation():
    from click.testing import CliRunner

    from a11y_audit.cli import main

    for loaded in RULES:
        result = CliRunner().invoke(main, ["explain", loaded.id])
        assert result.exit_code == 0, result.output
        assert axe_paragraph(result.output), f"explain {loaded.id} does not show it"



def test_axe_rule_ids_are_the_installed_axe_cores():
    """The id list is axe-core's own: compared with ``axe.getRules()`` of node_modules/axe-core
    (installed by scripts/install-browser-deps.sh), so a misspelt id cannot slip in."""
    import json
    import shutil
    import subprocess

    from a11y_audit.knowledge.axe_rules import AXE_RULE_IDS
    from tests.conftest import REPO, require_data

    require_data(REPO / "node_modules" / "axe-core" / "axe.js", "axe-core (npm)",
                 "run 'bash scripts/install-browser-deps.sh'")
    node = shutil.which("node")
    if node is None:
        require_data(REPO / "no-node", "node", "install nodejs")
    script = ("const axe = require('./node_modules/axe-core');"
              "console.log(JSON.stringify(axe.getRules().map(r => r.ruleId)))")
    out = subprocess.run([node, "-e", script], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout
    assert set(json.loads(out)) == AXE_RULE_IDS


def test_explain_renders_every_inline_literal_even_one_wrapped_over_two_lines():
    from a11y_audit.explain import render_docs

    for loaded in RULES:
        text = render_docs(loaded.rule.docs)
        assert "``" not in text, (loaded.id, text[text.index("``") - 60:text.index("``") + 60])
    wrapped = "Hides it (``display: none``, ``visibility:\nhidden``) here.\n\nNext ``x``."
    assert render_docs(wrapped) == ("Hides it (display: none, visibility:\nhidden) here.\n\n"
                                    "Next x.\n")
    # on a colour terminal each line of a wrapped literal is bold on its own
    assert render_docs(wrapped, colour=True).splitlines()[:2] == [
        "Hides it (\x1b[1mdisplay: none\x1b[0m, \x1b[1mvisibility:\x1b[0m",
        "\x1b[1mhidden\x1b[0m) here."]
