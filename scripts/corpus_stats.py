"""Corpus statistics: per rule, how many pages fail, cantTell, pass or are inapplicable.

    python scripts/corpus_stats.py                       # every rule over the news corpus
    python scripts/corpus_stats.py --rule skip-link -r region --pages
    python scripts/corpus_stats.py --json before.json    # save the figures ...
    python scripts/corpus_stats.py --compare before.json # ... and later print before -> after

The page outcome is the report's: failed if any element failed, else cantTell if any, else
passed if any, else inapplicable. ``elements`` counts failed and cantTell results. The corpus
is ``../shared/corpus/news`` (``--corpus DIR`` or ``A11Y_AUDIT_CORPUS`` overrides it); pages
are ``*.html``, ``*.htm`` and ``*.html.gz``. Prints figures, asserts none.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from a11y_audit.engine import audit_page
from a11y_audit.outcome import Outcome
from a11y_audit.page import Page
from a11y_audit.registry import all_rules, get
from a11y_audit.sources import decode

# The data-set locator is dev-only (tests/shared_data.py): import it from this checkout.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.shared_data import corpus_dir

COLUMNS = ("failed", "cantTell", "passed", "inapplicable")


def corpus_files(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir()
                  if p.is_file() and p.name.endswith((".html", ".htm", ".html.gz")))


def read_page(path: Path) -> Page:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return Page.from_html(decode(data, path.name)[0], source=path.name)


def collect(files: list[Path], rules: list) -> dict[str, dict]:
    """rule id -> {outcome: page count, "elements": {...}, "pages": {outcome: [names]}}."""
    stats = {r.id: {**dict.fromkeys(COLUMNS, 0),
                    "elements": {"failed": 0, "cantTell": 0},
                    "pages": {"failed": [], "cantTell": []}}
             for r in rules}
    for path in files:
        report = audit_page(read_page(path), rules)
        for error in report.errors:
            print(f"{path.name}: {error}", file=sys.stderr)
        for rule_id, summary in report.rules.items():
            entry = stats[rule_id]
            outcome = summary.outcome.value
            entry[outcome] += 1
            entry["elements"]["failed"] += summary.failed
            entry["elements"]["cantTell"] += summary.cant_tell
            if summary.outcome in (Outcome.FAILED, Outcome.CANT_TELL):
                entry["pages"][outcome].append(path.name)
    return stats


def _cell(now: int, before: int | None) -> str:
    if before is None or before == now:
        return str(now)
    return f"{before}->{now}"


def render(stats: dict[str, dict], pages: int, before: dict | None = None,
           list_pages: bool = False, partial: bool = False) -> str:
    old = (before or {}).get("rules", {})
    width = max([len(r) for r in stats] + [4])
    lines = [f"{pages} pages" + (f" (before: {before['pages']} pages)" if before else ""),
             f"{'rule':{width}}  " + "  ".join(f"{c:>12}" for c in COLUMNS)
             + f"  {'elements failed/cantTell':>26}"]
    for rule_id in sorted(stats):
        entry, prev = stats[rule_id], old.get(rule_id)
        cells = [_cell(entry[c], prev[c] if prev else None) for c in COLUMNS]
        elements = entry["elements"]
        prev_el = prev["elements"] if prev else {}
        counts = (f"{_cell(elements['failed'], prev_el.get('failed'))}/"
                  f"{_cell(elements['cantTell'], prev_el.get('cantTell'))}")
        lines.append(f"{rule_id:{width}}  " + "  ".join(f"{c:>12}" for c in cells)
                     + f"  {counts:>26}")
        if list_pages:
            for outcome in ("failed", "cantTell"):
                if entry["pages"][outcome]:
                    lines.append(f"    {outcome}: " + " ".join(entry["pages"][outcome]))
    gone = sorted(set(old) - set(stats)) if before and not (partial or before.get("partial")) \
        else []
    if gone:
        lines.append("rules in the earlier run only: " + ", ".join(gone))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--rule", action="append", metavar="ID",
                        help="only this rule (repeatable)")
    parser.add_argument("--corpus", type=Path, help="folder of pages (default: the news corpus)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument("--compare", type=Path, metavar="FILE",
                        help="show changes against figures saved earlier with --json")
    parser.add_argument("--pages", action="store_true",
                        help="list the pages that fail or cantTell under each rule")
    args = parser.parse_args(argv)
    root = args.corpus or corpus_dir()
    files = corpus_files(root) if root.is_dir() else []
    if not files:
        print(f"no pages at {root} (use --corpus DIR or set A11Y_AUDIT_CORPUS)", file=sys.stderr)
        return 2
    try:
        rules = [get(r) for r in args.rule] if args.rule else list(all_rules())
    except KeyError as exc:
        print(f"unknown rule {exc.args[0]!r}", file=sys.stderr)
        return 2
    before = None
    if args.compare:
        try:
            before = json.loads(args.compare.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"{args.compare}: cannot read figures: {exc}", file=sys.stderr)
            return 2
    stats = collect(files, rules)
    print(render(stats, len(files), before, args.pages, bool(args.rule)))
    if args.json:
        payload = {"pages": len(files), "partial": bool(args.rule), "rules": stats}
        args.json.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
