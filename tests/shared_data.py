"""Where the shared data sets live (``../shared`` beside the checkout), overridable by env vars.

Dev-only: the tests and the scripts in ``scripts/`` read it; the installed package does not (a
user names their own data, e.g. ``a11y-audit conformance SUITE_DIR``).
``A11Y_AUDIT_SHARED`` points at the shared folder; ``A11Y_AUDIT_ACT_RULES``,
``A11Y_AUDIT_CORPUS`` and ``A11Y_AUDIT_AXE_FIXTURES`` point at the data sets directly.
"""

from __future__ import annotations

import os
from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    value = os.environ.get("A11Y_AUDIT_SHARED")
    return Path(value) if value else _REPO.parent / "shared"


def act_rules_dir() -> Path:
    value = os.environ.get("A11Y_AUDIT_ACT_RULES")
    return Path(value) if value else shared_dir() / "act-rules"


def corpus_dir() -> Path:
    value = os.environ.get("A11Y_AUDIT_CORPUS")
    return Path(value) if value else shared_dir() / "corpus" / "news"


def axe_fixtures_dir() -> Path:
    value = os.environ.get("A11Y_AUDIT_AXE_FIXTURES")
    return Path(value) if value else shared_dir() / "axe-fixtures"
