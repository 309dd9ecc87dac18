"""Every W3C ACT test case of the 34 static rules, through the same engine as the CLI.

Cases marked ``beyondStatic`` (they need CSS, layout or script) must give the expected outcome
or cantTell, never a wrong definite answer; every other case must give exactly the expected
outcome. Known exceptions would go in ``EXCEPTIONS`` with a reason each; there are none.
"""

from __future__ import annotations

import json

import pytest

from a11y_audit.conformance import (
    earl_report,
    load_cases,
    rules_by_act,
    run_case,
    score,
    static_rule_ids,
)
from a11y_audit.outcome import Outcome
from tests.conftest import require_data
from tests.shared_data import act_rules_dir

# (ACT rule id, test case id) -> why static HTML cannot give the expected outcome.
EXCEPTIONS: dict[tuple[str, str], str] = {}

ROOT = act_rules_dir()
HAVE_DATA = (ROOT / "manifest.json").is_file()


def _cases():
    if not HAVE_DATA:
        return [pytest.param(None, id="act-rules-data-missing")]
    static = set(static_rule_ids(ROOT))
    return [pytest.param(c, id=c.key) for c in load_cases(ROOT) if c.rule_id in static]


def test_every_static_rule_is_implemented(act_root):
    mapping = rules_by_act()
    missing = [r for r in static_rule_ids(act_root) if r not in mapping]
    assert missing == []
    assert len(static_rule_ids(act_root)) == 34


@pytest.mark.parametrize("case", _cases())
def test_case(case):
    if case is None:
        require_data(ROOT / "manifest.json", "ACT test cases")
    key = (case.rule_id, case.case_id)
    if key in EXCEPTIONS:
        pytest.xfail(EXCEPTIONS[key])
    actual = run_case(case, rules_by_act()[case.rule_id]).actual
    if case.beyond_static:
        assert actual in (case.expected, Outcome.CANT_TELL), case.title
    else:
        assert actual == case.expected, case.title


def test_earl_report_is_valid_json_ld(act_root):
    pyld = pytest.importorskip("pyld", reason="pyld is in the test extras")
    scores = score(act_root, ["23a2a8", "bc659a"])
    document = json.loads(json.dumps(earl_report(scores)))
    expanded = pyld.jsonld.expand(document)
    earl = "http://www.w3.org/ns/earl#"
    nodes = [n for item in expanded for n in item.get("@graph", [item])]
    assertions = [a for n in nodes for a in n.get("@reverse", {}).get(f"{earl}subject", [])]
    cases = sum(len(s.results) for s in scores)
    modules = sum(len(r.procedures) for s in scores for r in s.results)
    assert len(assertions) == modules >= cases > 0
    outcomes = {a[f"{earl}result"][0][f"{earl}outcome"][0]["@id"] for a in assertions}
    assert outcomes <= {f"{earl}{o}" for o in ("passed", "failed", "inapplicable", "cantTell")}
    assert f"{earl}failed" in outcomes and f"{earl}passed" in outcomes
    sources = {n["http://purl.org/dc/terms/source"][0]["@value"] for n in nodes
               if "http://purl.org/dc/terms/source" in n}
    assert all(s.startswith("https://www.w3.org/WAI/content-assets/wcag-act-rules/testcases/")
               for s in sources)
    # Compacting back with the same context round-trips the assertions.
    compacted = pyld.jsonld.compact(expanded, document["@context"])
    assert "@graph" in compacted
