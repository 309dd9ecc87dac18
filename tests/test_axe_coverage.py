"""docs/axe-coverage.md lists every axe-core rule, and gives a reason for each one not here."""

from __future__ import annotations

from tests.conftest import REPO, load_script


def _script():
    return load_script("axe_coverage")


def test_every_axe_rule_is_listed_with_an_answer():
    module = _script()
    page = module.render()
    for axe_id in module.AXE_RULES:
        row = next(line for line in page.splitlines() if line.startswith(f"| `{axe_id}` |"))
        assert "implemented" in row
        assert "not decided yet" not in row, f"{axe_id}: give a reason in NOT_HERE"
    assert set(module.NOT_HERE) <= set(module.AXE_RULES), "reasons for unknown axe ids"


def test_the_committed_page_lists_every_axe_rule():
    module = _script()
    committed = (REPO / "docs" / "axe-coverage.md").read_text(encoding="utf-8")
    for axe_id in module.AXE_RULES:
        assert f"| `{axe_id}` |" in committed
