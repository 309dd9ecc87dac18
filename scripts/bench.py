"""Benchmark: time parsing and the full audit over the news corpus; prints figures, asserts none.

    python3 scripts/dev.py bench [--repeat N] [--rule ID ...]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from collections import defaultdict

from a11y_audit.engine import audit_page
from a11y_audit.page import Page
from a11y_audit.registry import all_rules, get
from a11y_audit.shared_data import corpus_dir
from a11y_audit.sources import decode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rule", action="append")
    parser.add_argument("--per-rule", action="store_true", help="time each rule separately")
    args = parser.parse_args()
    root = corpus_dir()
    files = sorted(root.glob("*.html.gz"))
    if not files:
        print(f"no corpus at {root} (set A11Y_AUDIT_CORPUS)", file=sys.stderr)
        return 2
    rules = [get(r) for r in args.rule] if args.rule else list(all_rules())
    texts = [decode(gzip.decompress(f.read_bytes()), f.name)[0] for f in files]
    size = sum(len(t) for t in texts)
    print(f"{len(texts)} pages, {size / 1e6:.1f} M characters, {len(rules)} rules, "
          f"best of {args.repeat}")
    parse_times, audit_times = [], []
    per_rule: dict[str, float] = defaultdict(float)
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        pages = [Page.from_html(t, f.name) for t, f in zip(texts, files, strict=True)]
        t1 = time.perf_counter()
        for page in pages:
            if args.per_rule:
                for rule in rules:
                    s = time.perf_counter()
                    audit_page(page, [rule])
                    per_rule[rule.id] += time.perf_counter() - s
            else:
                audit_page(page, rules)
        t2 = time.perf_counter()
        parse_times.append(t1 - t0)
        audit_times.append(t2 - t1)
    n = len(texts)
    parse, audit = min(parse_times), min(audit_times)
    print(f"parse only:       {parse:7.2f} s  {1000 * parse / n:6.2f} ms/page")
    print(f"rules (indexes):  {audit:7.2f} s  {1000 * audit / n:6.2f} ms/page")
    print(f"parse + rules:    {parse + audit:7.2f} s  {1000 * (parse + audit) / n:6.2f} ms/page  "
          f"({n / (parse + audit):.0f} pages/s)")
    print(f"spread of runs:   parse {statistics.pstdev(parse_times):.3f} s, "
          f"rules {statistics.pstdev(audit_times):.3f} s")
    if args.per_rule:
        print("\nslowest rules (ms/page, first run builds the shared indexes):")
        for rule_id, seconds in sorted(per_rule.items(), key=lambda kv: -kv[1])[:15]:
            print(f"  {rule_id:40} {1000 * seconds / n / args.repeat:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
