"""Scaffold a rule: ``python scripts/new_rule.py RULE-ID`` creates the module and fixture folder."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

MODULE = '''"""TODO: one sentence saying what is checked.

TODO: who is affected and why.

Fails::

    <p data-todo>TODO failing markup</p>

Passes::

    <p>TODO passing markup</p>
"""

from __future__ import annotations

from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="{rule_id}",
    impact="serious",
    wcag=(),
    help="TODO: the fix, in one line",
)


def check(page: Page) -> Results:
    yield from ()
'''


def main(rule_id: str) -> None:
    module = REPO / "src" / "a11y_audit" / "rules" / f"{rule_id.replace('-', '_')}.py"
    data = REPO / "rules" / rule_id
    if module.exists() or data.exists():
        raise SystemExit(f"{rule_id} exists already")
    module.write_text(MODULE.replace("{rule_id}", rule_id), encoding="utf-8")
    for kind in ("pass", "fail"):
        (data / kind).mkdir(parents=True)
    (data / "notes.md").write_text(f"# {rule_id}\n\nTODO: sources, decisions, limits.\n")
    print(f"created {module.relative_to(REPO)} and rules/{rule_id}/")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python scripts/new_rule.py RULE-ID")
    main(sys.argv[1])
