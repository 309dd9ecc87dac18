"""One command-line run over many pages: enumerate, audit in workers, stream the results.

Pages arrive from the workers in source order (:func:`a11y_audit.runner.iter_audit`). Each is
marked against the baseline, counted by the progress display, written to the JSON Lines report
at once and kept on disk (:class:`~a11y_audit.spool.PageSpool`) for the writers that run at the
end; the JSON report is then written page by page from there. So the memory of a run does not
grow with its length. Without a baseline to mark the pages against, the workers count each
page, render its line and pickle it for the spool (:class:`~a11y_audit.runner.Digest`): this
process only adds and copies.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from a11y_audit import fetch as fetching
from a11y_audit.baseline import Matcher
from a11y_audit.fetch import MAX_BYTES, FetchLimits
from a11y_audit.finding import InputError, Report, Sample
from a11y_audit.inputs import Input
from a11y_audit.limits import DEFAULT_LIMITS, AuditLimits
from a11y_audit.progress import Listing, Progress
from a11y_audit.runner import Chosen, Digest, Job, iter_audit, plan
from a11y_audit.runner import sample as sample_of
from a11y_audit.spool import PageCount, PageSpool, RenderedItems, SortedSpool
from a11y_audit.tally import Tally
from a11y_audit.writers import ReportSet, atomic_file, json_writer, jsonl_writer
from a11y_audit.writers.report_data import with_timestamps


def find_pages(names: Iterable[str], *, include: Iterable[str] = (),
               exclude: Iterable[str] = (), max_bytes: int = MAX_BYTES,
               sample: tuple[int, str] | None = None, listing: Listing | None = None,
               templates: str = "auto",
               ) -> tuple[SortedSpool[Input] | Chosen, list[InputError], Sample | None]:
    """The pages a run audits, in source order (:func:`a11y_audit.runner.plan`; close them
    when done), the errors met finding them, and the :class:`Sample` when ``sample`` (size,
    seed) chose fewer than were found. ``listing`` is told of the pages as they are found."""
    try:
        items, errors = plan(names, include=include, exclude=exclude, max_bytes=max_bytes,
                             on_found=listing.found if listing is not None else None,
                             templates=templates)
    finally:
        if listing is not None:
            listing.close()
    if sample is None or len(items) <= sample[0]:
        return items, errors, None
    found = len(items)
    with items:
        chosen = sample_of(items, *sample)
    return chosen, errors, Sample(found, len(chosen), sample[1])


def run(names: Iterable[str], config: Any, *, jobs: int = 1, include: Iterable[str] = (),
        exclude: Iterable[str] = (), baseline: list[dict[str, Any]] | None = None,
        jsonl: Path | None = None, quiet: bool = False, executor: Any = None,
        progress_interval: float | None = None, limits: AuditLimits = DEFAULT_LIMITS,
        fetch_limits: FetchLimits | None = None, max_bytes: int = MAX_BYTES,
        report_set: ReportSet | None = None, keep_pages: bool = True,
        render_json: bool = False, sample: tuple[int, str] | None = None) -> Report:
    """Audit every page named with ``config`` (rules, options, fail-on); returns the report,
    whose ``pages`` is a spool on disk, in temporary files that ``report.pages.close()`` closes
    once the writers have read it (closed here if the run fails). ``jsonl`` names a JSON
    Lines report to stream to. Without ``keep_pages`` (no writer will read the pages back),
    ``pages`` only counts them: the summary and the exit code are the same, and nothing is
    spooled. ``render_json`` (a JSON report will be written) has the workers render each
    page's item of it as well. ``sample`` (size, seed) audits that many of the pages found
    (:func:`a11y_audit.runner.sample`), when more are found."""
    started = time.perf_counter()
    rules = config.rules()
    report = Report(rules=list(rules), fail_on=config.fail_on)
    # the summary and the exit code read the tally counted as pages arrive, not the spool
    tally = Tally(report.policy)
    matcher = Matcher(baseline) if baseline is not None else None
    # no page is marked here without a baseline: the workers count each page, render what
    # the reports need of it and pickle it for the spool, and this process adds and copies
    # (see runner.Digest)
    digest = matcher is None
    render_json = digest and keep_pages and render_json
    stamped = with_timestamps()
    items_of_json = (RenderedItems(report.policy, stamped, json_writer.PAD) if render_json
                     else None)
    # Report declares a list: a spool or a count stands in for it (the writers only iterate
    # and count it), and this run calls its own methods through ``pages``
    pages: PageSpool | PageCount = (PageSpool(tally=tally, json_items=items_of_json)
                                    if keep_pages else PageCount(tally))
    report.pages = pages  # type: ignore[assignment]
    fetch_limits = fetch_limits or fetching.DEFAULT_LIMITS
    fetching.use_limits(fetch_limits)
    interval: dict[str, Any] = ({"interval": progress_interval}
                                if progress_interval is not None else {})
    try:
        items, report.errors, report.sample = find_pages(
            names, include=include, exclude=exclude, max_bytes=max_bytes, sample=sample,
            listing=None if quiet else Listing(**interval),
            templates=getattr(config, "templates", "auto"))
    except BaseException:
        pages.close()       # (its temporary files: no report will read them)
        raise
    job = Job.make(rules, options=config.rule_options, include_passed=config.include_passed,
                   ignores=tuple(config.ignore_elements), max_bytes=max_bytes, limits=limits,
                   fetch_limits=fetch_limits,
                   stylesheets=tuple(str(p) for p in getattr(config, "stylesheets", ())),
                   viewport=getattr(config, "viewport", None),
                   missing_stylesheets=getattr(config, "missing_stylesheets", "cantTell"),
                   site_root=(str(config.site_root)
                              if getattr(config, "site_root", None) else None),
                   site_urls=tuple(getattr(config, "site_urls", ())),
                   scope=getattr(config, "scope", None),
                   templates=getattr(config, "templates", "auto"),
                   fragments=getattr(config, "fragments", "auto"))
    if digest:
        job = replace(job, digest=report.policy, digest_line=jsonl is not None,
                      digest_report=keep_pages, digest_json=render_json, timestamps=stamped)
    progress = None if quiet else Progress(
        len(items), jobs=jobs if executor is None else getattr(executor, "workers", jobs),
        **interval)
    opener = report_set.file if report_set is not None else atomic_file
    handle = opener(jsonl) if jsonl is not None else None
    stream = jsonl_writer.Stream(handle.__enter__(), report) if handle is not None else None
    try:
        for result in iter_audit(items, job, jobs, executor):
            if isinstance(result, Digest):
                pages.add_digest(result)
                if stream is not None and result.line is not None:
                    stream.add_line(result.line)
                if progress is not None:
                    progress.counted(result.figures.failed, bool(result.figures.errors))
                continue
            if isinstance(result, InputError):
                report.errors.append(result)
                if progress is not None:
                    progress.error()
                continue
            if matcher is not None:
                matcher.mark(result)
            pages.append(result)
            if stream is not None:
                stream.add(result)
            if progress is not None:
                progress.page(result)
        if matcher is not None and config.baseline is not None:
            matcher.finish(report, config.baseline)
        report.seconds = time.perf_counter() - started
        if stream is not None:
            stream.close(report)
    except BaseException as exc:
        exc.a11y_pages = len(pages)  # type: ignore[attr-defined]  # for "what was done"
        pages.close()
        if handle is not None:
            handle.__exit__(type(exc), exc, exc.__traceback__)
        raise
    finally:
        items.close()
        if progress is not None:
            progress.close()
    if handle is not None:
        handle.__exit__(None, None, None)
    return report
