"""Run the W3C ACT Rules test cases through the same engine the CLI uses, and score them.

Each rule module declares the ACT rule ids it implements (``Rule.act``), so the mapping is derived
from the rules, not kept by hand. For each (ACT rule, test case) the findings of every module that
implements the rule are reduced to one outcome: failed if any target failed, else cantTell if any,
else passed if any, else inapplicable.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from a11y_audit import earl
from a11y_audit.engine import audit_page
from a11y_audit.outcome import Outcome, combine
from a11y_audit.page import Page
from a11y_audit.registry import LoadedRule, all_rules
from a11y_audit.writers import write_atomic
from a11y_audit.writers.report_data import timestamps

ASSET_PREFIX = "/WAI/content-assets/wcag-act-rules/"
_IN_A_CHECKOUT = "in a checkout: python scripts/conformance.py reads ../shared"


@dataclass(frozen=True, slots=True)
class Case:
    rule_id: str
    rule_name: str
    case_id: str
    title: str
    expected: Outcome
    file: Path
    url: str
    beyond_static: str | None

    @property
    def key(self) -> str:
        return f"{self.rule_id}/{self.case_id}"


@dataclass(slots=True)
class CaseResult:
    case: Case
    actual: Outcome                                   # the modules' outcomes combined
    procedures: dict[str, Outcome] = field(default_factory=dict)  # per rule module

    @property
    def exact(self) -> bool:
        return self.actual == self.case.expected

    @property
    def false_positive(self) -> bool:
        return self.actual is Outcome.FAILED and self.case.expected is not Outcome.FAILED

    @property
    def false_negative(self) -> bool:
        return self.case.expected is Outcome.FAILED and self.actual is not Outcome.FAILED

    @property
    def acceptable(self) -> bool:
        """Exact, or cantTell on a case that needs more than static HTML."""
        return self.exact or (self.case.beyond_static is not None
                              and self.actual is Outcome.CANT_TELL)


@dataclass(slots=True)
class RuleScore:
    rule_id: str
    rule_name: str
    modules: tuple[str, ...]
    results: list[CaseResult] = field(default_factory=list)

    def count(self, what: str, static_only: bool = True) -> int:
        return sum(
            1 for r in self.results
            if getattr(r, what) and not (static_only and r.case.beyond_static)
        )

    @property
    def static_cases(self) -> int:
        return sum(1 for r in self.results if not r.case.beyond_static)

    @property
    def cant_tell(self) -> int:
        return sum(1 for r in self.results if r.actual is Outcome.CANT_TELL)


def load_cases(root: Path) -> list[Case]:
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    return [
        Case(
            rule_id=entry["ruleId"],
            rule_name=entry["ruleName"],
            case_id=entry["testcaseId"],
            title=entry["title"],
            expected=Outcome(entry["expected"]),
            file=root / entry["file"],
            url=entry["url"],
            beyond_static=entry.get("beyondStatic"),
        )
        for entry in manifest
    ]


def static_rule_ids(root: Path) -> list[str]:
    rules = json.loads((root / "rules.json").read_text(encoding="utf-8"))
    return [r["ruleId"] for r in rules if r.get("static") == "static"]


def rules_by_act(rules: Iterable[LoadedRule] | None = None) -> dict[str, list[LoadedRule]]:
    mapping: dict[str, list[LoadedRule]] = defaultdict(list)
    for loaded in all_rules() if rules is None else rules:
        for act_id in loaded.rule.act:
            mapping[act_id].append(loaded)
    return mapping


def run_case(case: Case, modules: Sequence[LoadedRule]) -> CaseResult:
    raw = case.file.read_bytes()
    page = Page.from_html(raw, source=str(case.file), url=case.url)
    report = audit_page(page, modules)
    procedures = {rule_id: summary.outcome for rule_id, summary in report.rules.items()}
    return CaseResult(case, combine(procedures.values()), procedures)


def score(root: Path, rule_ids: Iterable[str] | None = None) -> list[RuleScore]:
    """Run every case of the given ACT rules (default: the static ones) that has a module."""
    wanted = list(rule_ids) if rule_ids is not None else static_rule_ids(root)
    mapping = rules_by_act()
    cases = load_cases(root)
    scores: dict[str, RuleScore] = {}
    for rule_id in wanted:
        name = next((c.rule_name for c in cases if c.rule_id == rule_id), rule_id)
        modules = tuple(m.id for m in mapping.get(rule_id, []))
        scores[rule_id] = RuleScore(rule_id, name, modules)
    for case in cases:
        score_ = scores.get(case.rule_id)
        if score_ is None or not score_.modules:
            continue
        score_.results.append(run_case(case, mapping[case.rule_id]))
    return list(scores.values())


def earl_report(scores: Sequence[RuleScore]) -> dict:
    """The EARL JSON-LD implementation report: one subject per test case (its W3C URL), one
    assertion per rule module that implements the case's ACT rule."""
    wcag = {r.id: r.rule.wcag for r in all_rules()}
    subjects = [
        earl.subject(result.case.url, [
            earl.assertion(module, outcome, wcag=wcag.get(module, ()))
            for module, outcome in result.procedures.items()
        ])
        for s in scores for result in s.results
    ]
    with timestamps():   # an implementation report is dated
        return earl.document(subjects)


def format_table(scores: Sequence[RuleScore]) -> str:
    header = (f"{'ACT':7} {'module(s)':34} {'cases':>5} {'exact':>5} {'FP':>3} {'FN':>3} "
              f"{'cT':>3}  name")
    lines = [header, "-" * len(header)]
    implemented = [s for s in scores if s.modules]
    for s in scores:
        mods = ", ".join(s.modules) or "(not implemented)"
        if len(mods) > 34:
            mods = mods[:33] + "…"
        lines.append(
            f"{s.rule_id:7} {mods:34} {s.static_cases:5d} {s.count('exact'):5d} "
            f"{s.count('false_positive'):3d} {s.count('false_negative'):3d} {s.cant_tell:3d}  "
            f"{s.rule_name[:50]}"
        )
    cases = sum(s.static_cases for s in implemented)
    exact = sum(s.count("exact") for s in implemented)
    fp = sum(s.count("false_positive") for s in implemented)
    fn = sum(s.count("false_negative") for s in implemented)
    beyond = [r for s in implemented for r in s.results if r.case.beyond_static]
    beyond_wrong = sum(1 for r in beyond if not r.acceptable)
    right = sum(1 for s in implemented if all(r.acceptable for r in s.results) and s.results)
    lines.append("-" * len(header))
    pct = 100.0 * exact / cases if cases else 0.0
    lines.append(f"{len(implemented)} of {len(scores)} static rules implemented; "
                 f"{right} fully right")
    lines.append(f"cases not beyondStatic: {cases}, exact {exact} ({pct:.1f}%), "
                 f"false positives {fp}, false negatives {fn}")
    lines.append(f"beyondStatic cases: {len(beyond)}, wrong definite answers {beyond_wrong}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m a11y_audit.conformance``: the data sets are named by flag or environment
    variable (``A11Y_AUDIT_ACT_RULES``, ``A11Y_AUDIT_AXE_FIXTURES``); the installed package
    knows no checkout layout. In a checkout, ``python scripts/conformance.py`` fills them in
    from ``../shared``."""
    import argparse
    import os

    act_default = os.environ.get("A11Y_AUDIT_ACT_RULES")
    axe_default = os.environ.get("A11Y_AUDIT_AXE_FIXTURES")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--axe", nargs="?", type=Path, metavar="DIR",
                        const=Path(axe_default) if axe_default else "",
                        help="instead of the ACT cases, score axe-core's rule fixtures element "
                             "by element (default DIR: $A11Y_AUDIT_AXE_FIXTURES)")
    parser.add_argument("--axe-details", action="store_true",
                        help="with --axe: list every miss, false failure and cantTell")
    parser.add_argument("--act-rules", type=Path,
                        default=Path(act_default) if act_default else None,
                        help="the ACT suite folder (manifest.json and the cases; default: "
                             "$A11Y_AUDIT_ACT_RULES)")
    parser.add_argument("--rule", action="append", help="only these ACT rule ids")
    parser.add_argument("--failures", action="store_true", help="list every wrong case")
    parser.add_argument("--earl", type=Path, default=Path("reports/act-implementation.jsonld"),
                        help="where to write the EARL JSON-LD implementation report "
                             "(default: %(default)s)")
    args = parser.parse_args(argv)
    if args.axe is not None:
        from a11y_audit import axe_fixtures

        if args.axe == "":                    # --axe without DIR and no variable set
            parser.error("name the axe-core fixtures: --axe DIR or A11Y_AUDIT_AXE_FIXTURES "
                         f"({_IN_A_CHECKOUT})")
        if not (args.axe / "cases").is_dir():
            parser.error(f"no axe-core fixtures at {args.axe} (set A11Y_AUDIT_AXE_FIXTURES)")
        return axe_fixtures.main(args.axe, details=args.axe_details)
    if args.act_rules is None:
        parser.error(f"name the ACT test cases: --act-rules DIR or A11Y_AUDIT_ACT_RULES "
                     f"({_IN_A_CHECKOUT})")
    if not (args.act_rules / "manifest.json").is_file():
        parser.error(f"no ACT test cases at {args.act_rules} (set A11Y_AUDIT_ACT_RULES)")
    scores = score(args.act_rules, args.rule)
    print(format_table(scores))
    write_atomic(args.earl, json.dumps(earl_report(scores), indent=1) + "\n")
    print(f"EARL implementation report: {args.earl}")
    if args.failures:
        for s in scores:
            for r in s.results:
                if not r.acceptable:
                    tag = f" [beyondStatic: {r.case.beyond_static}]" if r.case.beyond_static else ""
                    print(f"  {r.case.key} expected {r.case.expected} got {r.actual}: "
                          f"{r.case.title}{tag}  ({r.case.file})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
