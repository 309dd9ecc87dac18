"""Every finding on the news corpus, for checking that a speed change changes no result.

    python scripts/findings_snapshot.py --save before.jsonl     # before the change
    python scripts/findings_snapshot.py --compare before.jsonl  # after: exit 1 on any change

Each line is one page: its source and every result, passed ones included (rule, outcome, line,
XPath, selector, message), so a change in any rule's answer, message or location shows.
Prints what changed, asserts nothing else; not a test (it reads every corpus page).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from a11y_audit.engine import audit_page
from a11y_audit.page import Page
from a11y_audit.registry import all_rules
from a11y_audit.sources import decode_exact

# The data-set locator is dev-only (tests/shared_data.py): import it from this checkout.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.shared_data import corpus_dir


def snapshot(root: Path) -> dict[str, list]:
    rules = all_rules()
    pages = {}
    for path in sorted(root.glob("*.html.gz")):
        text, _, utf8 = decode_exact(gzip.decompress(path.read_bytes()), path.name)
        page = Page.from_html(text, path.name, utf8=utf8)     # as a worker parses it
        report = audit_page(page, rules, include_passed=True)
        pages[path.name] = sorted(
            [f.rule, str(f.outcome), f.line, f.xpath, f.selector, f.message, f.fingerprint]
            for f in report.findings) + sorted(
            ["rule-summary", s.rule, str(s.outcome), s.passed, s.failed, s.cant_tell]
            for s in report.rules.values()) + [["errors", *report.errors]]
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    args = parser.parse_args()
    current = snapshot(corpus_dir())
    if args.save:
        with args.save.open("w") as handle:
            for source, results in current.items():
                handle.write(json.dumps({"source": source, "results": results}) + "\n")
        print(f"saved {sum(len(r) for r in current.values())} results on {len(current)} pages")
        return 0
    before = {}
    with args.compare.open() as handle:
        for line in handle:
            entry = json.loads(line)
            before[entry["source"]] = entry["results"]
    changed = 0
    for source in sorted(set(before) | set(current)):
        old = {json.dumps(r) for r in before.get(source, [])}
        new = {json.dumps(r) for r in current.get(source, [])}
        for gone in sorted(old - new)[:5]:
            print(f"{source}: - {gone}")
        for added in sorted(new - old)[:5]:
            print(f"{source}: + {added}")
        changed += bool(old ^ new)
    print(f"{changed} of {len(current)} pages changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
