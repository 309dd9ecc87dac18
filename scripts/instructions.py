"""Instructions executed by the one-core audit of the news corpus, counted by callgrind: a
speed figure that the machine's load does not move (wall-clock runs on a shared host swing by
±20%, more than most single changes gain).

    python scripts/instructions.py                  # every 9th corpus page (21 pages)
    python scripts/instructions.py --step 3         # every 3rd
    PYTHONPATH=../old/src python scripts/instructions.py   # another checkout, to compare
    python scripts/instructions.py --objects        # also: where they run (libpython, lxml...)

Each page is audited as ``make bench`` times it: a cold pass (selector and stylesheet caches
empty), the collector paused, the page closed after its audit. Only the audits are counted,
not the imports or the reading of the corpus. Needs valgrind (Debian: ``apt install
valgrind``); runs ~50x slower than the audit itself. Prints a figure, asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import gc
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# The data-set locator is dev-only (tests/shared_data.py): import it from this checkout.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.shared_data import corpus_dir

_INNER = "A11Y_AUDIT_INSTRUCTIONS_INNER"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, default=9, help="audit every STEP-th page")
    parser.add_argument("--objects", action="store_true",
                        help="also the instructions of each shared object (the interpreter, "
                             "lxml and libxml2, libc...): how much a compiled core could save")
    args = parser.parse_args()
    if os.environ.get(_INNER):
        return _audit(args.step)
    if not any(corpus_dir().glob("*.html.gz")):
        print(f"no corpus pages in {corpus_dir()} (set A11Y_AUDIT_CORPUS)", file=sys.stderr)
        return 2
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("valgrind not found (Debian: apt install valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        # reduce() is a C function called once: counting only inside it counts the audits
        run = subprocess.run(
            [valgrind, "--tool=callgrind", f"--callgrind-out-file={out}",
             "--toggle-collect=*functools_reduce*", sys.executable, __file__,
             "--step", str(args.step)],
            env={**os.environ, _INNER: "1"}, capture_output=True, text=True, check=False)
        if run.returncode != 0:
            print(run.stdout + run.stderr, file=sys.stderr)
            return run.returncode
        for line in run.stderr.splitlines():    # the audit's page errors, not valgrind's
            if not line.startswith("=="):
                print(line, file=sys.stderr)
        profile = out.read_text()
        totals = re.search(r"^totals: (\d+)", profile, re.MULTILINE)
    pages = run.stdout.strip()
    if totals is None:
        print("callgrind wrote no totals", file=sys.stderr)
        return 2
    count = int(totals.group(1))
    print(f"{pages} pages (every {args.step}th): {count / 1e9:.3f} G instructions, "
          f"{count / 1e6 / int(pages):.1f} M a page")
    if args.objects:
        for name, spent in sorted(_by_object(profile).items(), key=lambda kv: -kv[1]):
            if spent * 1000 >= count:
                print(f"  {100 * spent / count:5.1f}%  {spent / 1e6 / int(pages):7.1f} M a page"
                      f"  {name}")
    return 0


def _by_object(profile: str) -> dict[str, int]:
    """Self instructions by shared object, from callgrind's output file: each cost line
    belongs to the object of the function it follows (``ob=``), except the line after a
    ``calls=`` line, which is the callee's inclusive cost."""
    names: dict[str, str] = {}
    spent: dict[str, int] = {}
    current, callee_cost = "?", False
    for line in profile.splitlines():
        if line.startswith(("ob=", "cob=")):
            # compressed names: "(id) name" the first time (on either kind of line), "(id)"
            # after; only ob= changes the object the costs below belong to
            text = line.partition("=")[2]
            found = re.match(r"\((\d+)\)(?: (.*))?", text)
            if found and found.group(2):
                names[found.group(1)] = Path(found.group(2)).name
            if line[0] == "o":
                current = (names.get(found.group(1), found.group(1)) if found
                           else Path(text).name)
        elif line.startswith("calls="):
            callee_cost = True
        elif line[:1].isdigit() or line[:1] in "+-*":
            if callee_cost:
                callee_cost = False
                continue
            fields = line.split()
            if len(fields) > 1:
                spent[current] = spent.get(current, 0) + int(fields[1])
    return spent


def _audit(step: int) -> int:
    from a11y_audit.engine import audit_page
    from a11y_audit.limits import DEFAULT_LIMITS, AuditLimits
    from a11y_audit.page import Page
    from a11y_audit.registry import all_rules
    from a11y_audit.sources import decode_exact

    files = sorted(corpus_dir().glob("*.html.gz"))[::step]
    texts = [decode_exact(gzip.decompress(f.read_bytes()), f.name)[::2] for f in files]
    rules = list(all_rules())
    # The engine's time limits stay in force (their bookkeeping is part of an audit's cost),
    # but far out of reach: under valgrind a large page runs ~50x slower, and a rule stopped
    # at its limit would be counted short, with different results.
    limits = AuditLimits(rule_seconds=DEFAULT_LIMITS.rule_seconds * 1000,
                         page_seconds=DEFAULT_LIMITS.page_seconds * 1000)
    audit_page(Page.from_html("<p>first</p>", "warm-up"), rules, limits=limits)  # imports...

    def audit(count: int, item: tuple[str, tuple[str, bytes | None]]) -> int:
        name, (text, utf8) = item
        gc.disable()
        page = Page.from_html(text, name, utf8=utf8)    # as a worker parses it
        report = audit_page(page, rules, limits=limits)
        if report.errors:       # a time limit reached after all, or a rule that crashed
            print(f"{page.source}: {'; '.join(report.errors)}", file=sys.stderr)
        page.close()
        del page
        gc.enable()
        gc.collect(0)
        return count + 1

    print(functools.reduce(audit, zip([f.name for f in files], texts, strict=True), 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
