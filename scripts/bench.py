"""Benchmark over the news corpus: prints a table of figures and writes them as JSON; asserts none.

    python3 scripts/dev.py bench                   # or: make bench
    python3 scripts/bench.py --pages 2000 --json reports/bench.json
    python3 scripts/bench.py --no-memory --rule link-name
    python3 scripts/bench.py --memory-only --small 200 --pages 2000
    python3 scripts/bench.py --batch-only --batch-repeat 5      # the speed-up alone

Figures, all over every page of ../shared/corpus/news (A11Y_AUDIT_CORPUS overrides it):
- bare lxml parse (the floor) and the full audit (Page, every rule, style hints, locating
  findings) on one core, their ratio, pages/s and MB/s;
- the batch path (read, decode, parse, audit; a11y_audit.runner) with one worker and with
  ``--jobs`` workers, and the speed-up: ``--batch-repeat`` runs of each, one worker and
  ``--jobs`` workers taking turns (so a change in the machine's load hits both alike); the
  figures are the medians, with the least and most speed-up of the pairs, and the CPU time the
  workers and the main process spent against the one-worker run's (the cost of going
  parallel, which other processes' load barely moves);
- each rule's share of the audit (top 10 by the rule's own code; beside it, the share with the
  page-wide cascade and visibility work it happened to ask for first), and the shares of the
  stylesheet/cascade code, of the visibility walk and of locating findings;
- time per MB for the smallest, middle and largest third of the pages, beside the bare parse's
  time per MB and the audit's time per element of the same third;
- the peak memory of a command-line run (``a11y-audit check -f json -f jsonl -f html``;
  formats by ``--memory-format``) over ``--small`` pages and over ``--pages`` pages (the corpus
  repeated): all its processes at once (PSS, sampled) and its largest process (peak RSS,
  exact), how soon its first progress line came, and the command process's own CPU time a
  page (receiving pages and writing the reports: what sets the pace when many workers, on a
  Dask cluster, feed one command).

One-core figures are CPU time of this process (steady on a shared machine); the batch runs
(several processes) and memory runs are wall-clock time, so on a busy machine their pages/s
and the speed-up are low: compare runs on the same, quiet machine (the CPU-time ratio of the
batch runs is the steadier figure of what going parallel costs).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import inspect
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from lxml import etree, html

from a11y_audit import engine, inputs
from a11y_audit.engine import audit_page
from a11y_audit.page import Page
from a11y_audit.registry import LoadedRule, all_rules, get
from a11y_audit.runner import Job, iter_audit, paused_collector
from a11y_audit.semantics.visibility import Visibility
from a11y_audit.sources import decode_exact

# The data-set locator is dev-only (tests/shared_data.py): import it from this checkout.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.shared_data import corpus_dir

REPO = Path(__file__).resolve().parents[1]
# Modules whose time is "the cascade" (style sheets, selectors, computed styles): the ones that
# exist are measured where other modules call into them.
CASCADE_MODULES = ("a11y_audit.semantics.stylesheets", "a11y_audit.semantics.cascade",
                   "a11y_audit.semantics.css", "a11y_audit.semantics.selectors")
MB = 1024 * 1024
# In-process timings count this process's CPU time, not wall time: on a shared machine other
# processes' load then barely moves the one-core figures. The batch and memory runs (several
# processes) are timed by the wall clock.
CLOCK = time.process_time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000,
                        help="pages of the long memory run (the corpus repeated); default 2000")
    parser.add_argument("--small", type=int, default=200,
                        help="pages of the short memory run; default 200")
    parser.add_argument("--jobs", type=int, default=2, help="workers of the parallel run")
    parser.add_argument("--memory-jobs", type=int, default=2,
                        help="workers of the memory runs; default 2")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes (best is kept)")
    parser.add_argument("--batch-repeat", type=int, default=3,
                        help="runs of the batch path with one and with --jobs workers, taking "
                             "turns (the medians are reported); default 3")
    parser.add_argument("--rule", action="append", help="only these rules")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    parser.add_argument("--memory-only", action="store_true",
                        help="only the memory runs (no timing of the corpus)")
    parser.add_argument("--batch-only", action="store_true",
                        help="only the batch runs (one and --jobs workers), no other figure")
    parser.add_argument("--memory-format", action="append", dest="memory_formats",
                        help="report formats of the memory runs (repeatable); default json, "
                             "jsonl and html")
    parser.add_argument("--json", type=Path, default=REPO / "reports" / "bench.json")
    args = parser.parse_args()

    root = corpus_dir()
    files = sorted(root.glob("*.html.gz"))
    if not files:
        print(f"no corpus at {root} (set A11Y_AUDIT_CORPUS)", file=sys.stderr)
        return 2
    formats = tuple(args.memory_formats or ("json", "jsonl", "html"))
    if args.memory_only:
        figures = _memory(files, args, formats)
        for count, run in figures["memory"].items():
            print(f"peak memory, {count} pages (-j {run['jobs']}, -f {' -f '.join(formats)}): "
                  f"{run['total_mb']:.0f} MB; {_memory_note(run)}")
        print(f"peak memory growth, long vs short run: {100 * figures['memory_growth']:+.0f}%")
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
        print(f"\nwrote {args.json}")
        return 0
    rules = [get(r) for r in args.rule] if args.rule else list(all_rules())
    if args.batch_only:
        batch = _batches(files, rules, args.jobs, max(1, args.batch_repeat))
        for name, run in batch.items():
            print(f"{name}: {run}")
        return 0
    # Each page as a worker has it: its text, and its bytes when they are the text's UTF-8
    # (then parsed as they are: runner._audit_input)
    texts = [decode_exact(gzip.decompress(f.read_bytes()), f.name)[::2] for f in files]
    raw = [text.encode("utf-8", "surrogatepass") if utf8 is None else utf8
           for text, utf8 in texts]
    sizes = [len(b) for b in raw]
    total_mb = sum(sizes) / MB
    n = len(texts)
    print(f"{n} pages, {total_mb:.1f} MB of HTML, {len(rules)} rules, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}", flush=True)

    # The floor is cheap (~0.3 s) but a single run swings by 40% with the first-touch cost of
    # the parser and the machine's load: always take the best of at least five.
    parse_runs = [_timed_parse(raw) for _ in range(max(args.repeat, 5))]
    parse = min(sum(run) for run in parse_runs)
    parse_per_page = [min(times) for times in zip(*parse_runs, strict=True)]
    elements = [_elements(data) for data in raw]
    audit_runs = [_timed_audit(texts, files, rules) for _ in range(args.repeat)]
    per_page = min(audit_runs, key=sum)
    audit = sum(per_page)
    warm = min(sum(_timed_audit(texts, files, rules, again=True)) for _ in range(args.repeat))
    shares = _shares(texts, files, rules)
    batch = _batches(files, rules, args.jobs, max(1, args.batch_repeat))

    figures: dict[str, Any] = {
        "pages": n, "megabytes": round(total_mb, 3), "rules": len(rules),
        "cores": os.cpu_count(), "python": platform.python_version(),
        "parse_seconds": round(parse, 4), "audit_seconds": round(audit, 4),
        "ratio": round(audit / parse, 2),
        "warm": {"audit_seconds": round(warm, 4), "ratio": round(warm / parse, 2),
                 "ms_per_page": round(1000 * warm / n, 2)},
        "one_core": {"pages_per_second": round(n / audit, 2),
                     "mb_per_second": round(total_mb / audit, 3),
                     "ms_per_page": round(1000 * audit / n, 2)},
        "batch": {
            **{name: {**run, "pages_per_second": round(n / run["seconds"], 2),
                      "mb_per_second": round(total_mb / run["seconds"], 3)}
               for name, run in batch.items() if name.startswith("jobs_")},
            **{name: value for name, value in batch.items() if not name.startswith("jobs_")},
        },
        "shares": shares,
        "ms_per_mb": _by_size(sizes, per_page, parse_per_page, elements),
    }
    if not args.no_memory:
        figures.update(_memory(files, args, formats))
    _print(figures, args.jobs)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"\nwrote {args.json}")
    return 0


def _timed_parse(raw: list[bytes]) -> list[float]:
    """The floor, per page: lxml's HTML parser alone."""
    parser = html.HTMLParser(encoding="utf-8", remove_comments=False, huge_tree=True)
    times = []
    for data in raw:
        started = CLOCK()
        html.document_fromstring(data, parser=parser)
        times.append(CLOCK() - started)
    return times


def _elements(data: bytes) -> int:
    """Elements of a page (comments and processing instructions left out)."""
    parser = html.HTMLParser(encoding="utf-8", remove_comments=False, huge_tree=True)
    return sum(1 for _ in html.document_fromstring(data, parser=parser).iter(etree.Element))


def _timed_audit(texts: list[tuple[str, bytes | None]], files: list[Path],
                 rules: list[LoadedRule], again: bool = False) -> list[float]:
    """Per page: Page.from_html and every rule, findings located, with the garbage collector
    paused and the page freed after it (what a worker does; runner.audit_input). ``again``:
    each page is audited once untimed first, so that the timed audit finds its stylesheets
    read and its selectors compiled, as a site's pages find the CSS they share (the corpus's
    181 pages come from as many sites, and a run keeps only the last 2 MB of CSS it read)."""
    times = []
    for (text, utf8), path in zip(texts, files, strict=True):
        for timed in ((False, True) if again else (True,)):
            started = CLOCK()
            with paused_collector():
                page = Page.from_html(text, path.name, utf8=utf8)
                audit_page(page, rules)
                page.close()
                del page
            if timed:
                times.append(CLOCK() - started)
    return times


class _Clock:
    """Adds up time spent in wrapped functions, counting only the outermost call."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.depth = 0

    def wrap(self, label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self.depth:
                return function(*args, **kwargs)
            self.depth += 1
            started = CLOCK()
            try:
                result = function(*args, **kwargs)
                if hasattr(result, "__next__"):          # a generator: run it here
                    result = list(result)
                return result
            finally:
                self.seconds[label] += CLOCK() - started
                self.depth -= 1
        return timed


def _patch_callers(clock: _Clock, label: str, module_names: tuple[str, ...]) -> list[tuple]:
    """Wrap the functions of ``module_names`` where other a11y_audit modules call them."""
    targets = {name for name in module_names if name in sys.modules}
    undo = []
    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "")
        if not name.startswith("a11y_audit") or name in targets:
            continue
        for attribute, value in list(vars(module).items()):
            if callable(value) and getattr(value, "__module__", None) in targets \
                    and not isinstance(value, type):
                undo.append((module, attribute, value))
                setattr(module, attribute, clock.wrap(label, value))
    return undo


def _patch_methods(clock: _Clock, label: str, module_names: tuple[str, ...]) -> list[tuple]:
    """Wrap the methods of the classes defined in ``module_names`` (the cascade's work is
    mostly in methods of the page's Cascade, called by rules long after it is built)."""
    undo = []
    for name in module_names:
        module = sys.modules.get(name)
        if module is None:
            continue
        for cls in list(vars(module).values()):
            if not isinstance(cls, type) or cls.__module__ != name:
                continue
            for attribute, value in list(vars(cls).items()):
                if inspect.isfunction(value) and (attribute == "__init__"
                                                  or not attribute.startswith("__")):
                    undo.append((cls, attribute, value))
                    setattr(cls, attribute, clock.wrap(label, value))
    return undo


def _shares(texts: list[tuple[str, bytes | None]], files: list[Path],
            rules: list[LoadedRule]) -> dict[str, Any]:
    """One instrumented pass: each rule's time (its check, run to the end), the cascade's (calls
    into the style modules) and locating findings (engine.locate), as shares of the audit."""
    for name in CASCADE_MODULES:
        with contextlib.suppress(ImportError):
            __import__(name)
    rule_clock, cascade_clock, locate_clock = _Clock(), _Clock(), _Clock()
    fill_clock = _Clock()
    # Page-wide work is lazy: the first rule that asks whether an element is hidden pays for the
    # page's whole visibility walk and cascade build. Each rule's "own" time leaves out the
    # cascade and walk time spent inside it, so the table names the rules that cost by themselves.
    shared: dict[str, float] = defaultdict(float)

    def own(rule_id: str, check: Callable[..., Any]) -> Callable[..., Any]:
        timed = rule_clock.wrap(rule_id, check)

        def run(*args: Any, **kwargs: Any) -> Any:
            before = cascade_clock.seconds["cascade"] + fill_clock.seconds["fill"]
            try:
                return timed(*args, **kwargs)
            finally:
                shared[rule_id] += (cascade_clock.seconds["cascade"]
                                    + fill_clock.seconds["fill"] - before)
        return run

    timed_rules = [replace(r, check=own(r.id, r.check)) for r in rules]
    undo = _patch_callers(cascade_clock, "cascade", CASCADE_MODULES)
    undo += _patch_methods(cascade_clock, "cascade", CASCADE_MODULES)
    original_locate, original_fill = engine.locate, Visibility._fill
    engine.locate = locate_clock.wrap("locate", original_locate)
    Visibility._fill = fill_clock.wrap("fill", original_fill)  # type: ignore[method-assign]
    try:
        total = sum(_timed_audit(texts, files, timed_rules))
    finally:
        engine.locate = original_locate
        Visibility._fill = original_fill  # type: ignore[method-assign]
        for module, attribute, value in undo:
            setattr(module, attribute, value)
    with_shared = rule_clock.seconds
    own_seconds = {rule: seconds - shared[rule] for rule, seconds in with_shared.items()}
    top = sorted(own_seconds.items(), key=lambda kv: -kv[1])[:10]
    return {
        "instrumented_seconds": round(total, 4),
        "rules_total": round(sum(with_shared.values()) / total, 4),
        "top_rules": {rule: round(seconds / total, 4) for rule, seconds in top},
        "top_rules_with_page_work": {rule: round(with_shared[rule] / total, 4)
                                     for rule, _ in top},
        "cascade": round(cascade_clock.seconds["cascade"] / total, 4),
        "cascade_modules": [m for m in CASCADE_MODULES if m in sys.modules],
        "visibility_walk": round(fill_clock.seconds["fill"] / total, 4),
        "locate": round(locate_clock.seconds["locate"] / total, 4),
    }


def _batch(files: list[Path], rules: list[LoadedRule], jobs: int) -> dict[str, float]:
    """The batch path: files read, decoded, parsed and audited by ``jobs`` workers. Wall
    time, and the CPU time of this process and of the workers (reaped when the pool shuts
    down, so they are in os.times()'s children figures)."""
    items = [inputs.Input(str(f), "file", str(f)) for f in files]
    job = Job.make(rules)
    before = os.times()
    started = time.perf_counter()
    for _ in iter_audit(items, job, jobs):
        pass
    wall = time.perf_counter() - started
    after = os.times()
    return {"seconds": wall,
            "main_cpu": after.user + after.system - before.user - before.system,
            "workers_cpu": max(0.0, after.children_user + after.children_system
                               - before.children_user - before.children_system)}


def _batches(files: list[Path], rules: list[LoadedRule], jobs: int,
             repeat: int) -> dict[str, Any]:
    """``repeat`` runs of the batch path with one worker and with ``jobs`` workers, taking
    turns; the median run of each, the spread of the speed-up over the pairs, and how much
    CPU time the parallel runs spent against the one-worker runs."""
    runs: dict[int, list[dict[str, float]]] = {1: [], jobs: []}
    for _ in range(repeat):
        for count in (1, jobs):
            runs[count].append(_batch(files, rules, count))
    pairs = sorted(a["seconds"] / b["seconds"] for a, b in zip(runs[1], runs[jobs], strict=True))

    def median(count: int, key: str) -> float:
        return statistics.median(run[key] for run in runs[count])

    def cpu(count: int) -> float:
        return median(count, "main_cpu") + median(count, "workers_cpu")

    out: dict[str, Any] = {
        f"jobs_{count}": {"seconds": round(median(count, "seconds"), 3),
                          "runs": [round(run["seconds"], 3) for run in runs[count]],
                          "main_cpu_seconds": round(median(count, "main_cpu"), 3),
                          "workers_cpu_seconds": round(median(count, "workers_cpu"), 3)}
        for count in (1, jobs)}
    out.update({"repeat": repeat,
                "speedup": round(median(1, "seconds") / median(jobs, "seconds"), 2),
                "speedup_min": round(pairs[0], 2), "speedup_max": round(pairs[-1], 2),
                "cpu_ratio": round(cpu(jobs) / cpu(1), 3) if cpu(1) else None})
    return out


def _by_size(sizes: list[int], times: list[float], parse: list[float],
             elements: list[int]) -> dict[str, Any]:
    """Cost against page size, by thirds of the pages ranked by size: the audit's and the
    parse's time per MB, and the audit's time per element (the audit's work follows the
    elements, the parse's the bytes: large pages carry more bytes per element)."""
    ranked = sorted(zip(sizes, times, parse, elements, strict=True))
    third = len(ranked) // 3
    parts = {"small": ranked[:third], "median": ranked[third:2 * third],
             "large": ranked[2 * third:]}
    out = {}
    for label, part in parts.items():
        mb = sum(row[0] for row in part) / MB
        audit = sum(row[1] for row in part)
        count = sum(row[3] for row in part)
        out[label] = {"pages": len(part),
                      "median_kb": round(statistics.median(row[0] for row in part) / 1024, 1),
                      "ms_per_mb": round(1000 * audit / mb, 1),
                      "parse_ms_per_mb": round(1000 * sum(row[2] for row in part) / mb, 1),
                      "ratio": round(audit / sum(row[2] for row in part), 1),
                      "elements_per_page": round(count / len(part)),
                      "us_per_element": round(1e6 * audit / count, 1)}
    return out


def _memory(files: list[Path], args: argparse.Namespace,
            formats: tuple[str, ...]) -> dict[str, Any]:
    """The short and the long memory run, and how much more the long one took (by the memory
    of all the run's processes at once, the figure the machine pays)."""
    memory = {str(count): _memory_run(files, count, args.memory_jobs, formats)
              for count in dict.fromkeys((args.small, args.pages))}
    small, large = memory[str(args.small)]["total_mb"], memory[str(args.pages)]["total_mb"]
    return {"memory": memory, "memory_formats": list(formats),
            "memory_growth": round(large / small - 1, 3) if small else None}


# The command runs under a small launcher that forks it. Linux counts into a process's peak
# RSS the address space it left at exec (the child of a vfork, as subprocess starts one, shares
# its parent's), so a command started straight from this process, grown to ~200 MB by the
# timing runs, would report this process's peak whatever the command used. Forked from a
# fresh interpreter, the floor is the launcher's ~10 MB. The launcher prints the command's
# peak RSS, the largest of its own and its workers' (wait4 counts the waited descendants).
_LAUNCH = """
import os, sys
pid = os.fork()
if pid == 0:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    try:
        os.execv(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
# The command's own CPU time (not its workers'): its /proc/PID/stat utime and stime, read
# once it has ended and before it is reaped, then its peak RSS from wait4.
os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
try:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
except (OSError, ValueError, IndexError):
    cpu = -1
_, status, usage = os.wait4(pid, 0)
print(cpu)
print(usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _memory_run(files: list[Path], count: int, jobs: int,
                formats: tuple[str, ...] = ("json", "jsonl", "html")) -> dict[str, Any]:
    """Memory of ``a11y-audit check`` over ``count`` pages (the corpus repeated), and when its
    first progress line came."""
    with tempfile.TemporaryDirectory(prefix="a11y-bench-") as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for index in range(count):
            source = files[index % len(files)]
            (folder / f"{index:07d}-{source.name}").symlink_to(source)
        command = [sys.executable, "-m", "a11y_audit", "check", str(folder),
                   *(arg for name in formats for arg in ("-f", name)),
                   "-o", str(Path(tmp) / "out"), "-j", str(jobs), "--progress-interval", "1"]
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", _LAUNCH, *command],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert process.stderr is not None and process.stdout is not None
        sampler = _Sampler(process.pid)
        sampler.start()
        first = None
        lines = []
        for line in process.stderr:
            if first is None:
                first = time.perf_counter() - started
            lines.append(line.rstrip())
        printed = process.stdout.read().split()
        process.wait()
        wall = time.perf_counter() - started
        sampler.stop.set()
        sampler.join()
        report = Path(tmp) / "out" / "a11y-report.json"
        size = report.stat().st_size if report.exists() else 0
    largest = int(printed[-1]) if printed and printed[-1].isdigit() else 0
    try:
        command_cpu = float(printed[-2]) if len(printed) >= 2 else -1.0
    except ValueError:
        command_cpu = -1.0
    return {"pages": count, "jobs": jobs, "exit_code": process.returncode,
            "seconds": round(wall, 2), "pages_per_second": round(count / wall, 2),
            "total_mb": round(sampler.total / 1024, 1),
            "peak_rss_mb": round(largest / 1024, 1),
            "main_peak_rss_mb": round(sampler.main_peak / 1024, 1),
            "workers_peak_rss_mb": round(sampler.worker_peak / 1024, 1),
            # the command's own CPU (receiving pages, the spool, writing every report;
            # start-up included): what sets the pace when many workers feed one command
            "command_cpu_seconds": round(command_cpu, 2) if command_cpu >= 0 else None,
            "samples": sampler.samples,
            "first_progress_seconds": round(first, 3) if first is not None else None,
            "json_report_mb": round(size / MB, 1), "status_lines": len(lines)}


class _Sampler(threading.Thread):
    """Samples, every 0.1 s, the memory of a launcher's command and of the command's workers
    (Linux /proc): the largest sum of their proportional set sizes (PSS, kB: pages a forked
    worker still shares with the command count once, split between them, where summing RSS
    would count them twice), and each one's peak RSS (VmHWM, kB). A sample misses what
    happens between two; the command's own peak RSS, exact, comes from the launcher."""

    def __init__(self, launcher: int) -> None:
        super().__init__(daemon=True)
        self.launcher = launcher
        self.total = 0
        self.main_peak = 0
        self.worker_peak = 0
        self.samples = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.1):
            commands = _children(self.launcher)
            if not commands:
                continue
            command = commands[0]
            workers = _children(command)
            total = 0
            for pid in (command, *workers):
                pss, peak = _memory_of(pid)
                total += pss
                if pid == command:
                    self.main_peak = max(self.main_peak, peak)
                else:
                    self.worker_peak = max(self.worker_peak, peak)
            self.total = max(self.total, total)
            self.samples += 1


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in
                Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _memory_of(pid: int) -> tuple[int, int]:
    """A process's PSS and peak RSS in kB (0 for a process gone meanwhile)."""
    pss = peak = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
                break
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1])
                break
    except (OSError, ValueError):
        pass
    return pss, peak


def _memory_note(run: dict[str, Any]) -> str:
    cpu = run.get("command_cpu_seconds")
    own = (f", command CPU {1000 * cpu / run['pages']:.1f} ms/page" if cpu is not None
           and run["pages"] else "")
    return (f"all processes (PSS); largest process {run['peak_rss_mb']:.0f} MB RSS (command "
            f"{run['main_peak_rss_mb']:.0f}, workers {run['workers_peak_rss_mb']:.0f}), "
            f"{run['seconds']:.0f} s, first progress {run['first_progress_seconds']} s{own}")


def _print(f: dict[str, Any], jobs: int) -> None:
    batch = f["batch"]
    rows = [
        ("bare lxml parse (floor)", f"{f['parse_seconds']:.2f} s",
         f"{1000 * f['parse_seconds'] / f['pages']:.2f} ms/page"),
        ("full audit, one core", f"{f['audit_seconds']:.2f} s",
         f"{f['one_core']['ms_per_page']:.2f} ms/page"),
        ("audit / parse", f"{f['ratio']:.1f}x", "target <= 8x"),
        ("full audit, its CSS read before", f"{f['warm']['audit_seconds']:.2f} s",
         f"{f['warm']['ms_per_page']:.2f} ms/page, {f['warm']['ratio']:.1f}x the parse "
         "(each page audited twice, the second timed: a site's pages share their CSS)"),
        ("one core", f"{f['one_core']['pages_per_second']:.1f} pages/s",
         f"{f['one_core']['mb_per_second']:.2f} MB/s"),
        ("batch, 1 worker (median)", f"{batch['jobs_1']['pages_per_second']:.1f} pages/s",
         f"{batch['jobs_1']['mb_per_second']:.2f} MB/s"),
        (f"batch, {jobs} workers (median)",
         f"{batch[f'jobs_{jobs}']['pages_per_second']:.1f} pages/s",
         f"{batch[f'jobs_{jobs}']['mb_per_second']:.2f} MB/s"),
        (f"speed-up with {jobs} workers", f"{batch['speedup']:.2f}x",
         f"target >= 1.7x (median of {batch['repeat']} runs each; pairs "
         f"{batch['speedup_min']:.2f}x-{batch['speedup_max']:.2f}x)"),
        (f"CPU time, {jobs} workers / 1", f"{batch['cpu_ratio']:.3f}x",
         f"(workers {batch[f'jobs_{jobs}']['workers_cpu_seconds']:.2f} s + main "
         f"{batch[f'jobs_{jobs}']['main_cpu_seconds']:.2f} s against "
         f"{batch['jobs_1']['main_cpu_seconds']:.2f} s: the cost of going parallel)"),
        ("stylesheet/cascade share", f"{100 * f['shares']['cascade']:.1f}%",
         "(parsing sheets, matching, computed styles)"),
        ("visibility walk share", f"{100 * f['shares']['visibility_walk']:.1f}%",
         "(the page-wide walk, cascade calls included)"),
        ("locating findings share", f"{100 * f['shares']['locate']:.1f}%", ""),
        ("rule code share", f"{100 * f['shares']['rules_total']:.1f}%", "(includes cascade)"),
    ]
    for label, part in f["ms_per_mb"].items():
        rows.append((f"time per MB, {label} third", f"{part['ms_per_mb']:.0f} ms/MB",
                     f"median page {part['median_kb']:.0f} KB, parse "
                     f"{part['parse_ms_per_mb']:.0f} ms/MB ({part['ratio']:.0f}x), "
                     f"{part['elements_per_page']} "
                     f"elements/page, {part['us_per_element']:.0f} us/element"))
    for count, run in f.get("memory", {}).items():
        rows.append((f"peak memory, {count} pages (-j {run['jobs']})",
                     f"{run['total_mb']:.0f} MB", _memory_note(run)))
    if f.get("memory_growth") is not None:
        rows.append(("peak memory growth, long vs short", f"{100 * f['memory_growth']:+.0f}%",
                     "target within 20%, under 250 MB"))
    width = max(len(r[0]) for r in rows)
    print()
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>14}  {note}")
    print("\ntop rules (share of the audit: own code, then with the page-wide cascade and "
          "visibility work it was first to ask for):")
    with_page = f["shares"]["top_rules_with_page_work"]
    for rule, share in f["shares"]["top_rules"].items():
        print(f"  {rule:<36} {100 * share:5.1f}%  {100 * with_page[rule]:5.1f}%")


if __name__ == "__main__":
    sys.exit(main())
