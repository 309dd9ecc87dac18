"""Score our rules on the W3C ACT test cases (or axe-core's fixtures) in ``../shared``.

    python scripts/conformance.py [--failures] [--rule ACT-ID] [--axe [DIR] [--axe-details]]

The dev entry behind ``make conformance``: it points ``python -m a11y_audit.conformance`` at
the data sets beside this checkout (``tests/shared_data.py``: ``../shared``, or the
``A11Y_AUDIT_*`` variables), which the installed package does not know about. Users score
their own copy of the suite with ``a11y-audit conformance SUITE_DIR``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.shared_data import act_rules_dir, axe_fixtures_dir

from a11y_audit.conformance import main

if __name__ == "__main__":
    os.environ.setdefault("A11Y_AUDIT_ACT_RULES", str(act_rules_dir()))
    os.environ.setdefault("A11Y_AUDIT_AXE_FIXTURES", str(axe_fixtures_dir()))
    raise SystemExit(main(sys.argv[1:]))
