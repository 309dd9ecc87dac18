"""Compare a11y-audit with axe-core (in Chromium, page JavaScript off) on the news corpus.

    python3 scripts/axe_corpus.py run      # axe-core over every corpus page -> reports/axe-corpus/
    python3 scripts/axe_corpus.py compare  # our audit vs the cached axe results; prints figures
    python3 scripts/axe_corpus.py elements --rule color-contrast   # one rule, element by element

This is a measurement tool, not a test: it prints figures and asserts none.

``run`` needs Debian's chromium, Python playwright and node_modules/axe-core (``bash
scripts/install-browser-deps.sh``). Each page is loaded with JavaScript disabled and every
network request aborted, like the static audit (saved pages whose stylesheets are elsewhere get
none in either tool). Two adjustments keep the comparison about rules, not about set-up:

* ``<noscript>`` content is rendered by a browser with scripting off, but a static auditor
  treats the page as a scripting browser does (noscript is inert). A stylesheet
  ``noscript{display:none}`` is added before axe runs, so both tools see the same content.
  That hides noscript's boxes but not the ``<style>``/``<link>`` elements parsed inside it,
  which still apply (WP Rocket's ``<noscript><style>[data-lazy-src]{display:none}`` hid every
  lazy image and emptied headings holding one): those are disabled too. (Added after the cached
  results of November 2026 were made: two pages' empty-heading failures there come from it.)
* With scripting disabled, Chromium runs no timers, and axe-core schedules its work with
  ``setTimeout``. The script installs microtask-based ``setTimeout``/``requestAnimationFrame``
  before injecting axe; the page's own scripts still never run.

axe runs every rule it has, experimental ones included, at a 1280x800 viewport.

``compare`` runs a11y-audit's rules that carry an axe-core id (``Rule.axe``) over the same pages
and compares page-level verdicts per (page, rule). Our audit runs as with
``--missing-stylesheets ignore``: a linked stylesheet that the saved page cannot load is absent,
as it was for axe in Chromium (every request aborted), rather than our default cantTell.
"fails" means at least one failed result
(axe: a violation). It prints the agreement, the pairs that either tool fails, and per rule the
pages that only we fail and only axe fails, and writes the disagreements as JSON for reading.

``elements`` compares one rule element by element, with the same set-up: each node axe fails
or leaves incomplete is found on our tree by its selector, and the table gives our answer on
it (failed, cantTell, passed, no result), and axe's on each element we answer; the elements of
each cell are written as JSON. The cached axe results hold no passes, so an element we fail
that axe lists nowhere is one axe passed or did not test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
DEFAULT_OUT = REPO / "reports" / "axe-corpus"

_TIMER_SHIM = """(() => {
  const later = (fn, args) => Promise.resolve().then(() => fn(...args));
  window.setTimeout = (fn, ms, ...args) => { later(fn, args); return 1; };
  window.clearTimeout = () => {};
  window.requestAnimationFrame = (fn) => { later(fn, [performance.now()]); return 1; };
  window.requestIdleCallback = (fn) => {
    later(fn, [{ timeRemaining: () => 50, didTimeout: false }]); return 1; };
})()"""

_HIDE_NOSCRIPT = """(() => {
  const style = document.createElement('style');
  style.textContent = 'noscript { display: none !important; }';
  (document.head || document.documentElement).appendChild(style);
  for (const sheet of document.querySelectorAll('noscript style, noscript link')) {
    sheet.disabled = true;
    sheet.remove();
  }
})()"""

_RUN = """async () => {
  const ids = axe.getRules().map(r => r.ruleId);
  const result = await axe.run(document, {
    runOnly: { type: 'rule', values: ids },
    resultTypes: ['violations', 'incomplete'],
  });
  const nodes = list => list.map(r => ({
    id: r.id, impact: r.impact,
    nodes: r.nodes.map(n => ({ target: n.target, html: n.html.slice(0, 300) })),
  }));
  return {
    version: result.testEngine.version,
    violations: nodes(result.violations),
    incomplete: nodes(result.incomplete),
    passes: result.passes.map(r => r.id),
    inapplicable: result.inapplicable.map(r => r.id),
  };
}"""


def corpus_dir() -> Path:
    env = os.environ.get("A11Y_AUDIT_CORPUS")
    if env:
        return Path(env)
    shared = os.environ.get("A11Y_AUDIT_SHARED")
    return (Path(shared) if shared else REPO.parent / "shared") / "corpus" / "news"


def corpus_files(limit: int | None) -> list[Path]:
    root = corpus_dir()
    files = sorted(root.glob("*.html.gz"))
    if not files:
        raise SystemExit(f"no corpus at {root} (set A11Y_AUDIT_CORPUS or A11Y_AUDIT_SHARED)")
    return files[:limit] if limit else files


def read_page(path: Path) -> str:
    data = gzip.decompress(path.read_bytes())
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def offline_context(browser: Any) -> Any:
    """A page context as every comparison with Chromium here uses: page JavaScript off,
    every request aborted (linked stylesheets and scripts absent, as for our audit with
    ``--missing-stylesheets ignore``), axe-core's 1280x800 viewport."""
    context = browser.new_context(java_script_enabled=False,
                                  viewport={"width": 1280, "height": 800})
    context.route("**/*", lambda route: route.abort())
    return context


def cmd_run(args: argparse.Namespace) -> int:
    from playwright.sync_api import sync_playwright

    for need, hint in ((CHROMIUM, "apt-get install chromium"), (AXE_JS, "npm ci")):
        if not need.exists():
            raise SystemExit(f"{need} not found: run bash scripts/install-browser-deps.sh ({hint})")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    axe_source = AXE_JS.read_text(encoding="utf-8")
    files = corpus_files(args.limit)
    started = time.perf_counter()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--no-sandbox", "--disable-gpu"])
        context = offline_context(browser)
        for n, path in enumerate(files, 1):
            target = out / (path.name.removesuffix(".html.gz") + ".json")
            if target.exists() and not args.force:
                continue
            page = context.new_page()
            page.set_default_timeout(args.timeout * 1000)
            t0 = time.perf_counter()
            try:
                page.set_content(read_page(path), wait_until="domcontentloaded")
                page.evaluate(_TIMER_SHIM)
                page.evaluate(_HIDE_NOSCRIPT)
                page.evaluate(axe_source)
                result = page.evaluate(_RUN)
                result["seconds"] = round(time.perf_counter() - t0, 3)
            except Exception as exc:  # a page axe cannot run on is recorded, not fatal
                result = {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0]}"}
            finally:
                page.close()
            target.write_text(json.dumps(result), encoding="utf-8")
            print(f"[{n}/{len(files)}] {path.name[:16]} "
                  f"{result.get('seconds', result.get('error'))}", flush=True)
        browser.close()
    print(f"axe-core over {len(files)} pages in {time.perf_counter() - started:.0f} s -> {out}")
    return 0


def _ours(files: list[Path]) -> tuple[dict[str, dict[str, str]], list[str], float]:
    from a11y_audit.engine import audit_page
    from a11y_audit.page import Page
    from a11y_audit.registry import all_rules
    from a11y_audit.semantics.cascade import StyleEnvironment

    rules = [r for r in all_rules() if r.rule.axe]
    # axe's Chromium aborted every request, so a linked stylesheet was absent: judge the page
    # the same way (--missing-stylesheets ignore), not with our default cantTell
    env = StyleEnvironment(missing_stylesheets="ignore")
    verdicts: dict[str, dict[str, str]] = {}
    started = time.perf_counter()
    for path in files:
        page = Page.from_html(read_page(path), source=path.name)
        page.style_environment = env
        report = audit_page(page, rules)
        verdicts[path.name] = {rid: str(getattr(s.outcome, "value", s.outcome))
                               for rid, s in report.rules.items()}
    return verdicts, [r.id for r in rules], time.perf_counter() - started


def _axe_verdict(result: dict, rule_id: str) -> str:
    if any(v["id"] == rule_id for v in result["violations"]):
        return "failed"
    if any(v["id"] == rule_id for v in result["incomplete"]):
        return "cantTell"
    if rule_id in result["passes"]:
        return "passed"
    return "inapplicable"


def cmd_compare(args: argparse.Namespace) -> int:
    files = corpus_files(args.limit)
    axe: dict[str, dict] = {}
    for path in files:
        cached = args.out / (path.name.removesuffix(".html.gz") + ".json")
        if cached.exists():
            data = json.loads(cached.read_text(encoding="utf-8"))
            if "error" not in data:
                axe[path.name] = data
    if not axe:
        raise SystemExit(f"no axe results in {args.out}: run `scripts/axe_corpus.py run` first")
    files = [f for f in files if f.name in axe]
    ours, rule_ids, seconds = _ours(files)
    axe_ids = {r["id"] for data in axe.values() for r in data["violations"] + data["incomplete"]}
    axe_ids |= {rid for data in axe.values() for rid in data["passes"] + data["inapplicable"]}
    shared = [rid for rid in rule_ids if rid in axe_ids]
    unknown = sorted(set(rule_ids) - axe_ids)
    pairs = agree = either = both = 0
    only_ours: Counter[str] = Counter()
    only_axe: Counter[str] = Counter()
    cant: Counter[str] = Counter()
    details: dict[str, list[dict]] = defaultdict(list)
    for path in files:
        for rid in shared:
            mine, theirs = ours[path.name][rid], _axe_verdict(axe[path.name], rid)
            pairs += 1
            we_fail, they_fail = mine == "failed", theirs == "failed"
            agree += we_fail == they_fail
            if we_fail or they_fail:
                either += 1
                both += we_fail and they_fail
            if mine == "cantTell":
                cant[rid] += 1
            if we_fail != they_fail:
                (only_ours if we_fail else only_axe)[rid] += 1
                nodes = [n for r in axe[path.name]["violations"] + axe[path.name]["incomplete"]
                         if r["id"] == rid for n in r["nodes"]]
                details[rid].append({"page": path.name, "ours": mine, "axe": theirs,
                                     "axe_nodes": nodes[:5]})
    print(f"{len(files)} pages with axe results; {len(shared)} rules with an axe id in both "
          f"tools; our audit of those rules took {seconds:.1f} s")
    print("linked stylesheets the saved pages cannot load are absent in both tools (ours: "
          "--missing-stylesheets ignore; axe: Chromium's requests aborted)")
    if unknown:
        print(f"rules with axe=True that this axe-core does not have: {', '.join(unknown)}")
    print(f"page-rule pairs: {pairs}; verdicts agree (fails / does not fail): {agree} "
          f"({100 * agree / pairs:.1f}%)")
    if either:
        print(f"pairs either tool fails: {either}; both fail: {both} ({100 * both / either:.1f}%); "
              f"only ours: {sum(only_ours.values())}; only axe: {sum(only_axe.values())}")
    print(f"\n{'rule':34} {'only ours':>9} {'only axe':>9} {'our cantTell':>12}")
    for rid in sorted(set(only_ours) | set(only_axe) | set(cant),
                      key=lambda r: -(only_ours[r] + only_axe[r])):
        print(f"{rid:34} {only_ours[rid]:9} {only_axe[rid]:9} {cant[rid]:12}")
    target = args.out / "disagreements.json"
    target.write_text(json.dumps(details, indent=1), encoding="utf-8")
    print(f"\ndisagreements written to {target}")
    return 0


def cmd_elements(args: argparse.Namespace) -> int:
    """Element by element, for one rule: what we answer on each element axe-core fails or
    leaves incomplete, and what axe answered on each element we fail. axe's results hold
    only its violations and incomplete nodes (not its passes): an element we fail that axe
    lists in neither is one it passed or did not test."""
    from lxml.cssselect import CSSSelector, SelectorError

    from a11y_audit.page import Page
    from a11y_audit.registry import get
    from a11y_audit.semantics.cascade import StyleEnvironment

    rule = get(args.rule)
    env = StyleEnvironment(missing_stylesheets="ignore")
    table: Counter[tuple[str, str]] = Counter()
    unplaced = 0
    examples: dict[str, list[dict]] = defaultdict(list)
    for path in corpus_files(args.limit):
        cached = args.out / (path.name.removesuffix(".html.gz") + ".json")
        data = json.loads(cached.read_text(encoding="utf-8")) if cached.exists() else None
        if data is None or "error" in data:
            continue
        page = Page.from_html(read_page(path), source=path.name)
        page.style_environment = env
        ours = {result.element: result for result in rule.check(page)}
        theirs: dict[object, tuple[str, str]] = {}
        for kind in ("violations", "incomplete"):
            for node in (n for r in data[kind] if r["id"] == rule.id for n in r["nodes"]):
                target = node["target"]
                try:    # axe's selector, read on our tree (one frame deep only)
                    found = CSSSelector(target[0])(page.root) if len(target) == 1 else []
                except SelectorError:
                    found = []
                if len(found) == 1:
                    theirs[found[0]] = (kind, target[0])
                else:
                    unplaced += 1
        for el, (kind, target) in theirs.items():
            mine = ours[el].outcome.value if el in ours else "no result"
            table[(kind, mine)] += 1
            examples[f"axe {kind}, ours {mine}"].append(
                {"page": path.name, "axe_target": target,
                 "ours": ours[el].message if el in ours else ""})
        for el, result in ours.items():
            if el not in theirs:
                table[("passed or not tested", result.outcome.value)] += 1
                if result.outcome.value == "failed":
                    examples["axe passed or did not test, ours failed"].append(
                        {"page": path.name, "ours": result.message})
    print(f"{rule.id}, element by element (axe's answer down, ours across; "
          f"{unplaced} axe nodes not found once on our tree)")
    ours_kinds = ("failed", "cantTell", "passed", "no result")
    print(f"{'axe':24}" + "".join(f"{k:>11}" for k in ours_kinds))
    for kind in ("violations", "incomplete", "passed or not tested"):
        print(f"{kind:24}" + "".join(f"{table[(kind, k)]:11}" for k in ours_kinds))
    target = args.out / f"elements-{rule.id}.json"
    target.write_text(json.dumps(examples, indent=1), encoding="utf-8")
    print(f"\nthe elements of each cell written to {target}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("run", "compare", "elements"))
    parser.add_argument("--rule", default="color-contrast",
                        help="the rule whose elements `elements` compares")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="folder for the cached axe results (default reports/axe-corpus)")
    parser.add_argument("--limit", type=int, help="only the first N corpus pages")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per page (run)")
    parser.add_argument("--force", action="store_true", help="rerun pages already cached")
    args = parser.parse_args()
    commands = {"run": cmd_run, "compare": cmd_compare, "elements": cmd_elements}
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
