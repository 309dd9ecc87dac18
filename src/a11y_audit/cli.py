"""Command line: ``a11y-audit check``, ``rules`` and ``explain``. Only wiring lives here."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

import click

from a11y_audit import __version__, batch, credentials, inputs
from a11y_audit import baseline as baseline_mod
from a11y_audit import fetch as fetching
from a11y_audit.config import (
    FRAGMENTS,
    TEMPLATES,
    Config,
    ConfigError,
    UnknownNames,
    check_site_url,
    check_viewport,
    find_config,
    header_list,
    load_config,
    parse,
    resolve_names,
    rules_named,
)
from a11y_audit.explain import render_docs, render_options
from a11y_audit.fetch import MAX_BYTES, FetchLimits
from a11y_audit.finding import Report
from a11y_audit.limits import AuditLimits
from a11y_audit.outcome import Impact
from a11y_audit.progress import Listing
from a11y_audit.registry import all_rules, get
from a11y_audit.rule import Rule
from a11y_audit.runner import default_jobs
from a11y_audit.safe_text import one_line
from a11y_audit.scope import Scope, ScopeError
from a11y_audit.summary import summary_lines
from a11y_audit.tally import tally_of
from a11y_audit.writers import REPORT_STEM, ReportSet, write_reports, writers
from a11y_audit.writers.report_data import rule_data, timestamps

EXAMPLE = "mali-aid.html"
DEFAULT_FORMATS = ("terminal", "json", "html")


def example_path() -> Path:
    """The bundled example article (shipped inside the package)."""
    return Path(str(files("a11y_audit") / "examples" / EXAMPLE))


def _keep(ctx: click.Context, param: click.Parameter, value: object) -> object:
    ctx.meta[f"a11y-audit.{param.name}"] = value
    return value


_LIMIT_OPTIONS = (
    click.option("--fetch-timeout", type=click.FloatRange(min=0.1), default=30.0,
                 show_default=True, metavar="SECONDS", expose_value=False, callback=_keep,
                 help="Whole-fetch deadline per URL, redirects included."),
    click.option("--rule-time-limit", type=click.FloatRange(min=0.01), default=10.0,
                 show_default=True, metavar="SECONDS", expose_value=False, callback=_keep,
                 help="Time for one rule on one page; then its outcome is cantTell."),
    click.option("--page-time-limit", type=click.FloatRange(min=0.01), default=60.0,
                 show_default=True, metavar="SECONDS", expose_value=False, callback=_keep,
                 help="Time for all rules on one page; the rest are cantTell."),
    click.option("--max-elements", type=click.IntRange(min=1), default=1_000_000,
                 show_default=True, expose_value=False, callback=_keep,
                 help="Refuse pages with more elements."),
    click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES,
                 show_default=True, expose_value=False, callback=_keep,
                 help="Refuse pages larger than this (as read and after decompression)."),
    click.option("--no-robots", is_flag=True, expose_value=False, callback=_keep,
                 help="Fetch URLs even where robots.txt disallows."),
    click.option("--retries", type=click.IntRange(min=0, max=10), default=2, show_default=True,
                 metavar="N", expose_value=False, callback=_keep,
                 help="Try a URL again after a 429, 502, 503 or 504 answer (a deploy, a rate "
                      "limit), as the server's Retry-After asks or after 1 s, 2 s, 4 s..., "
                      "within --fetch-timeout."),
    click.option("--proxy", metavar="URL", expose_value=False, callback=_keep,
                 help="Fetch through this http(s) proxy (http://user:pass@proxy:3128), or "
                      "'none' to connect directly. Default: HTTPS_PROXY, HTTP_PROXY, "
                      "ALL_PROXY and NO_PROXY, as curl and pip read them; localhost is "
                      "always reached directly."),
    click.option("--ca-bundle", type=click.Path(dir_okay=False, path_type=Path),
                 metavar="FILE", expose_value=False, callback=_keep,
                 help="Trust the certificate authorities in this PEM file too (a staging "
                      "site's own CA), besides the public ones."),
    click.option("--cookies", type=click.Path(dir_okay=False, path_type=Path),
                 metavar="FILE", expose_value=False, callback=_keep,
                 help="Send the cookies of this Netscape cookie file (curl -c writes one, "
                      "browsers' cookie export extensions save one), each only to its own "
                      "domain and path: a login's session on a staging site."),
    click.option("--header", "headers", multiple=True, metavar="'NAME: VALUE'",
                 expose_value=False, callback=_keep,
                 help="Send this HTTP header (repeatable), such as a staging site's "
                      "'Authorization: Bearer ...' or 'Cookie: ...', to the origins of the "
                      "URLs named (on the command line or in a URL list) and to no other. "
                      "A URL's own user:password@ is sent to its origin the same way."),
    click.option("--timestamps", is_flag=True, expose_value=False, callback=_keep,
                 help="Put the generation time and durations in the reports (by default the "
                      "same input gives byte-identical reports)."),
)


def _limit_options(command):
    """The limits options (values kept in the click context, out of check()'s signature)."""
    for option in reversed(_LIMIT_OPTIONS):
        command = option(command)
    return command


def _limits(config: Config) -> tuple[AuditLimits, FetchLimits, int]:
    meta = click.get_current_context().meta
    max_bytes = meta.get("a11y-audit.max_bytes", MAX_BYTES)
    limits = AuditLimits(rule_seconds=meta.get("a11y-audit.rule_time_limit", 10.0),
                         page_seconds=meta.get("a11y-audit.page_time_limit", 60.0),
                         max_elements=meta.get("a11y-audit.max_elements", 1_000_000))
    fetch_limits = FetchLimits(deadline=meta.get("a11y-audit.fetch_timeout", 30.0),
                               max_bytes=max_bytes,
                               robots=not meta.get("a11y-audit.no_robots", False),
                               retries=meta.get("a11y-audit.retries", 2),
                               proxy=_proxy(meta.get("a11y-audit.proxy")),
                               headers=config.headers,
                               ca_bundle=str(config.ca_bundle) if config.ca_bundle else None,
                               cookies=str(config.cookies) if config.cookies else None)
    return limits, fetch_limits, max_bytes


def _proxy(given: str | None) -> str | None:
    """--proxy as given ("none" included), or a usage error for one that cannot be used."""
    if given is None or given == "none":
        return given
    from a11y_audit import transport  # (httpx: loaded only when a proxy is given)

    try:
        return transport.check_proxy(given, "--proxy")
    except transport.ProxyRefused as exc:
        raise click.UsageError(str(exc)) from None


def _with_files(config: Config) -> Config:
    """--ca-bundle and --cookies over the configuration's (see :func:`_with_file`)."""
    config = _with_file(config, "ca-bundle", "ssl_context", "no PEM certificate in it")
    return _with_file(config, "cookies", "cookies_from",
                      "not a Netscape cookie file (its first line says '# Netscape HTTP Cookie "
                      "File')")


def _with_file(config: Config, option: str, reader: str, malformed: str) -> Config:
    """--OPTION over the configuration's; the file is read now by ``transport.<reader>``, so
    that a missing one, or one whose content is ``malformed``, is a usage error before any
    page is fetched (the message never repeats the content: it may hold secrets)."""
    field = option.replace("-", "_")
    given = click.get_current_context().meta.get(f"a11y-audit.{field}")
    if given is not None:
        config = replace(config, **{field: given})
    path = getattr(config, field)
    if path is None:
        return config
    import http.cookiejar
    import ssl

    from a11y_audit import transport  # (httpx: loaded only when such a file is given)

    try:
        getattr(transport, reader)(str(path))
    except OSError as exc:    # (ssl.SSLError and cookiejar.LoadError are OSErrors)
        reason = (malformed if isinstance(exc, ssl.SSLError | http.cookiejar.LoadError)
                  else exc.strerror or str(exc))
        raise click.UsageError(f"--{option} ({option}): {path}: {one_line(reason)}") from None
    return config


def _with_headers(config: Config) -> Config:
    """--header adds to the configuration's headers; one of the same name replaces its."""
    given = click.get_current_context().meta.get("a11y-audit.headers") or ()
    if not given:
        return config
    try:
        flags = header_list(given, "--header")
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    named = {name.lower() for name, _ in flags}
    return replace(config, headers=(*(h for h in config.headers if h[0].lower() not in named),
                                    *flags))


def _bind_credentials(names: list[str], fetch_limits: FetchLimits
                      ) -> tuple[list[str], FetchLimits]:
    """Credentials taken out of the URLs named, and the headers bound to their origins
    (:func:`a11y_audit.credentials.bind`); a warning when headers have no origin to go to."""
    try:
        names, fetch_limits = credentials.bind(names, fetch_limits, inputs.listed_urls(names))
    except credentials.CredentialsError as exc:
        raise click.UsageError(str(exc)) from None
    if fetch_limits.headers and not fetch_limits.credentials:
        click.echo("a11y-audit: warning: no URL is named (on the command line or in a URL "
                   "list), so the headers given are sent nowhere", err=True)
    return names, fetch_limits


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="a11y-audit")
def main() -> None:
    """Audit news-article HTML for accessibility problems."""


@main.command()
@click.argument("sources", nargs=-1)
@click.option("-f", "--format", "formats", multiple=True,
              type=click.Choice(sorted(writers())),
              help="Output format; repeat for several. Default: terminal, json and html.")
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for report files (a11y-report.*). Default: reports/. '-': write "
                   "the one report format to standard output (json unless -f names another).")
@click.option("--fail-on", type=click.Choice([i.value for i in Impact]),
              help="Exit 1 only for failures of this impact or worse. Default: any failure.")
@click.option("-r", "--rule", "selected", multiple=True, metavar="ID",
              help="Run only these rules (ids or tags; repeatable).")
@click.option("--tags", multiple=True, metavar="TAG", expose_value=False,
              callback=_keep,
              help="Run only rules with these tags, e.g. news or wcag2aa (repeatable; adds to -r).")
@click.option("--ignore", "ignored", multiple=True, metavar="ID",
              help="Do not run these rules (ids or tags; repeatable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Configuration file (default: nearest .a11y-audit.toml or pyproject.toml "
                   "with [tool.a11y-audit]).")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Report findings in this baseline as known; gate only on new ones.")
@click.option("--update-baseline", is_flag=True,
              help="(Re)write the --baseline file from this run and exit 0.")
@click.option("--print-config", is_flag=True, help="Print the effective configuration and exit.")
@click.option("--example", is_flag=True, help="Audit the bundled example article too.")
@click.option("--include-passed", is_flag=True, default=None,
              help="List passed results in the reports.")
@click.option("-v", "--verbose", is_flag=True, help="Show findings to review in the terminal.")
@click.option("--color/--no-color", default=None,
              help="Colour terminal output (default: on a TTY).")
@click.option("--include-path", "include", multiple=True, metavar="GLOB",
              help="In folders, sitemaps, feeds and WARC files, audit only pages whose path "
                   "matches (repeatable; e.g. 'news/**').")
@click.option("--exclude-path", "exclude", multiple=True, metavar="GLOB",
              help="In folders, sitemaps, feeds and WARC files, skip pages whose path matches "
                   "(repeatable).")
@click.option("--include", "scope_include", multiple=True, metavar="SELECTOR",
              help="Audit only inside elements matching this CSS selector (repeatable; axe's "
                   "context include), e.g. 'article'. Page-level results on <html> are then "
                   "dropped; a page where it matches nothing is an error.")
@click.option("--exclude", "scope_exclude", multiple=True, metavar="SELECTOR",
              help="Drop every rule's results inside elements matching this CSS selector "
                   "(repeatable; axe's context exclude), e.g. '.ad-slot'.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes. Default: every core.")
@click.option("-q", "--quiet", is_flag=True,
              help="Print only errors: no summary, no page counter, no terminal listing "
                   "(report files and -f github still written).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="Where workers run: local processes, or Dask (a LocalCluster of --jobs "
                   "workers, or the cluster at --scheduler; needs a11y-audit[dask]).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Join the Dask cluster whose scheduler listens here "
                   "(tcp://host:8786); implies --executor dask.")
@click.option("--stylesheet", "stylesheets", multiple=True, metavar="FILE",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Site CSS applied to every page, as if linked first (repeatable): a saved "
                   "page's own stylesheets are usually not saved with it.")
@click.option("--viewport", metavar="WxH",
              help="Screen size for @media queries, in CSS pixels (default 1280x800).")
@click.option("--missing-stylesheets", "missing_stylesheets",
              type=click.Choice(["cantTell", "ignore"]), default=None,
              help="A linked stylesheet that cannot be read: cantTell (default: its colours "
                   "are unknown, as for a live page) or ignore (absent, as in a browser whose "
                   "load failed: the page is judged unstyled by it).")
@click.option("--site-root", type=click.Path(exists=True, file_okay=False, path_type=Path),
              expose_value=False, metavar="DIR",
              callback=_keep,
              help="Folder that a local page's root-relative links (/css/site.css) point into "
                   "(a checkout of the site). Without it such stylesheets are missing and what "
                   "they may decide is cantTell.")
@click.option("--site-url", "site_urls", multiple=True, metavar="URL", expose_value=False,
              callback=_keep,
              help="A URL the site serves its files from (https://cdn.example.com/assets/; "
                   "repeatable): stylesheets linked under it are read from --site-root (the "
                   "rest of their path under that folder), never fetched.")
@click.option("--templates", type=click.Choice(TEMPLATES), default=None, expose_value=False,
              callback=_keep,
              help="How a local file's template syntax is read: auto (default: from its name, "
                   "such as .njk or .hbs, or from a statement such as {% if %} or {{#each}} "
                   "in its markup), off, or the language (jinja also reads Django, Nunjucks, "
                   "Twig and Liquid; jsp reads JavaServer Pages and tag files; freemarker, "
                   ".ftl files; razor, .cshtml views and Blazor's .razor components; velocity, "
                   ".vm and .vtl files; thymeleaf, Spring's HTML templates; wordpress, a "
                   "block theme's templates and parts; placeholder, __NAME__ placeholders; "
                   "svelte, .svelte components; vue, .vue components; astro, .astro "
                   "components; markdown and mdx, the .md and .mdx stories a folder holds, "
                   "read as the HTML they render, as a file named so always is). "
                   "Statements "
                   "render nothing; what an expression fills in ({{ locale }}) is decided by "
                   "the rendered page: cantTell.")
@click.option("--fragments", type=click.Choice(FRAGMENTS), default=None, expose_value=False,
              callback=_keep,
              help="A local file without doctype, <html>, <head>, <body> or <title> is a "
                   "partial (an include, a component, a child template): auto (default) runs "
                   "no page-level rule on it (title, lang, main landmark, region...); pages "
                   "audits it as a whole page.")
@click.option("--html-max-pages", type=click.IntRange(min=0), default=None, metavar="N",
              expose_value=False,
              callback=_keep,
              help="Write the article findings of at most N pages into the HTML report (the "
                   "first N that have some; 0: every page). Counts, template problems and the "
                   "pages table still cover every page. Default: 1000.")
@click.option("--sample", type=click.IntRange(min=1), default=None, metavar="N",
              expose_value=False, callback=_keep,
              help="Audit N of the pages found (folders, sitemaps, feeds, WARC files), chosen "
                   "by a hash of their source and --seed: the same N on every run, wherever "
                   "they are still found. A nightly check of an archive.")
@click.option("--seed", default=None, metavar="TEXT", expose_value=False,
              callback=_keep,
              help="Draw another --sample (any text, such as a date; default 0).")
@click.option("--list-pages", is_flag=True, expose_value=False,
              callback=_keep,
              help="Print the pages the run would audit, one a line (after the path globs "
                   "and --sample), and exit: audit nothing, write no report.")
@click.option("--progress-interval", type=click.FloatRange(min=0.1), default=10.0,
              show_default=True, metavar="SECONDS",
              help="When standard error is not a terminal, print a progress line this often "
                   "(on a terminal a progress bar is shown).")
@_limit_options
def check(sources: tuple[str, ...], formats: tuple[str, ...], out: Path | None,
          fail_on: str | None, selected: tuple[str, ...], ignored: tuple[str, ...],
          config_path: Path | None, baseline: Path | None, update_baseline: bool,
          print_config: bool, example: bool, include_passed: bool | None, verbose: bool,
          color: bool | None, include: tuple[str, ...], exclude: tuple[str, ...],
          jobs: int | None, quiet: bool, executor: str, scheduler: str | None,
          stylesheets: tuple[Path, ...], viewport: str | None,
          missing_stylesheets: str | None, progress_interval: float, scope_include: tuple[str, ...],
          scope_exclude: tuple[str, ...]) -> None:
    """Audit PAGES: files (pages, templates and components, Markdown and MDX stories),
    folders, .html.gz files, - (standard input), URLs, files listing URLs (.txt), XML
    sitemaps and sitemap indexes, RSS and Atom feeds (the articles they link to), WARC files
    (every HTML response), WACZ files (the pages they list; on disk or at an http(s) URL),
    ZIP and tar archives (every page in them) and WordPress exports (every post). Pages are
    reported sorted by source.

    \b
    Exit codes: 0 no failure at or above --fail-on; 1 such failures;
    2 usage or configuration error, or an input that could not be read
    (the rest is still audited).
    """
    to_stdout = out == Path("-")
    config = _effective_config(config_path, formats, None if to_stdout else out, fail_on,
                               (*selected, *_tags()), ignored, baseline, include_passed,
                               stylesheets, viewport)
    if to_stdout:
        config = replace(config, formats=(_stdout_format(formats),))
    config = _with_scope(config, scope_include, scope_exclude)
    if missing_stylesheets is not None:
        config = replace(config, missing_stylesheets=missing_stylesheets)
    site_root = click.get_current_context().meta.get("a11y-audit.site_root")
    if site_root is not None:
        config = replace(config, site_root=site_root)
    site_urls = click.get_current_context().meta.get("a11y-audit.site_urls") or ()
    try:
        site_urls = tuple(check_site_url(url, "--site-url") for url in site_urls)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    if site_urls:
        config = replace(config, site_urls=(*config.site_urls, *site_urls))
    if config.site_urls and config.site_root is None:
        raise click.UsageError("--site-url (site-urls) needs --site-root (site-root): the "
                               "folder its stylesheets are read from")
    meta = click.get_current_context().meta
    for key in ("templates", "fragments"):
        if meta.get(f"a11y-audit.{key}") is not None:
            config = replace(config, **{key: meta[f"a11y-audit.{key}"]})
    config = _with_files(_with_headers(config))
    html_max_pages = click.get_current_context().meta.get("a11y-audit.html_max_pages")
    if html_max_pages is not None:
        config = replace(config, html_max_pages=html_max_pages)
    if print_config:
        click.echo(json.dumps(config.to_dict(), indent=2))
        return
    names = [*sources, *([str(example_path())] if example else [])]
    if not names:
        raise click.UsageError("name at least one page, folder or URL (or --example)")
    if update_baseline and config.baseline is None:
        raise click.UsageError("--update-baseline needs --baseline FILE (or baseline in the "
                               "configuration)")
    entries = None
    if config.baseline is not None and not update_baseline:
        try:
            entries = baseline_mod.load(config.baseline)
        except baseline_mod.BaselineError as exc:
            raise click.UsageError(str(exc)) from None
    limits, fetch_limits, max_bytes = _limits(config)
    names, fetch_limits = _bind_credentials(names, fetch_limits)
    if click.get_current_context().meta.get("a11y-audit.list_pages"):
        sys.exit(_list_pages(names, include, exclude, fetch_limits, max_bytes, quiet,
                             progress_interval, config.templates))
    report_set = ReportSet()
    stamped = click.get_current_context().meta.get("a11y-audit.timestamps", False)
    with _interruptible(report_set), timestamps(stamped), ExitStack() as stack:
        if to_stdout:   # written whole into a folder of its own, then copied out
            config = replace(config, out=Path(stack.enter_context(
                tempfile.TemporaryDirectory(prefix="a11y-audit-"))))
        assert config.out is not None
        jsonl = (config.out / f"{REPORT_STEM}{writers()['jsonl'].SUFFIX}"
                 if "jsonl" in config.formats and not update_baseline else None)
        pool = None
        if executor == "dask" or scheduler:
            from a11y_audit import dask_executor

            try:
                pool = stack.enter_context(dask_executor.connect(scheduler,
                                                                 jobs or default_jobs()))
            except dask_executor.DaskUnavailable as exc:
                raise click.UsageError(str(exc)) from None
        report = batch.run(names, config, jobs=jobs or default_jobs(), include=include,
                           exclude=exclude, baseline=entries, jsonl=jsonl, quiet=quiet,
                           executor=pool, progress_interval=progress_interval,
                           limits=limits, fetch_limits=fetch_limits, max_bytes=max_bytes,
                           report_set=report_set,
                           keep_pages=update_baseline or any(
                               _reads_pages(name, quiet) for name in config.formats),
                           render_json="json" in config.formats, sample=_sample())
        # the spooled pages' files, closed once the reports are written (or discarded)
        stack.callback(report.pages.close)  # type: ignore[attr-defined]  # (batch's spool)
        if update_baseline:
            report_set.discard()
            return _finish_baseline(report, config, quiet)
        _write_reports(report, config, color, verbose, quiet, report_set)
        written: list[Path | str] = list(report_set.commit())
        if to_stdout:
            _copy_to_stdout(written)
            written = [f"the {config.formats[0]} report to standard output"]
    _print_errors(report)
    if not quiet:
        for line in summary_lines(report, written):
            click.echo(line, err=True)
    sys.exit(report.exit_code())


def _stdout_format(formats: tuple[str, ...]) -> str:
    """The one format ``-o -`` writes to standard output: json, or the one -f names (the
    configuration's formats are for report folders). Several would be one unreadable stream,
    as would a report file's with the terminal listing or GitHub's annotations."""
    chosen = tuple(dict.fromkeys(formats)) or ("json",)
    available = writers()
    if len(chosen) != 1 or available[chosen[0]].SUFFIX is None:
        raise click.UsageError(
            "-o - writes one report to standard output: name one file format with -f "
            f"({', '.join(sorted(n for n, w in available.items() if w.SUFFIX))}); "
            f"-f {' -f '.join(chosen)} was given")
    return chosen[0]


def _copy_to_stdout(written: list[Path | str]) -> None:
    """The report ``-o -`` wrote, as its bytes, onto standard output. A reader that stops
    early (``| head``) ends the copy, and no error is printed for it, as for ``cat``."""
    sys.stdout.flush()
    stream = sys.stdout.buffer
    try:
        for path in written:
            with open(path, "rb") as handle:
                shutil.copyfileobj(handle, stream)
        stream.flush()
    except BrokenPipeError:
        # stdout onto /dev/null, so that the interpreter's last flush meets no closed pipe
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _reads_pages(fmt: str, quiet: bool) -> bool:
    """Whether the writer of ``fmt`` reads the run's pages back once they are audited: all but
    JSON Lines (streamed as pages arrive) and, under ``--quiet``, the terminal (not printed).
    A run of only those keeps no page on disk (:class:`a11y_audit.spool.PageCount`)."""
    return not (fmt == "jsonl" or (fmt == "terminal" and quiet))


def _finish_baseline(report: Report, config: Config, quiet: bool) -> None:
    count = baseline_mod.write(report, config.baseline)  # type: ignore[arg-type]  # (check())
    _print_errors(report)
    if not quiet:
        click.echo(f"wrote {config.baseline}: {count} known failure(s) on "
                   f"{len(report.pages)} page(s)", err=True)
    sys.exit(2 if report.policy.error_count(report) else 0)


class Terminated(BaseException):
    """SIGTERM (a CI job cancelled), raised where the run is, like KeyboardInterrupt."""


@contextmanager
def _interruptible(report_set: ReportSet) -> Iterator[None]:
    """Ctrl-C (SIGINT) and SIGTERM stop the run: the workers are stopped, no report file is
    written or replaced (the previous set stays whole), what was done is said on one line, and
    the exit code is 130 or 143."""
    def terminate(signum: int, frame: object) -> None:
        raise Terminated

    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    except (KeyboardInterrupt, Terminated) as exc:
        report_set.discard()
        name, code = (("SIGTERM", 143) if isinstance(exc, Terminated) else ("SIGINT", 130))
        pages = getattr(exc, "a11y_pages", None)
        done = f" after auditing {pages} page{'s' if pages != 1 else ''}" if pages else ""
        click.echo(f"a11y-audit: interrupted by {name}{done}; no report written (the previous "
                   "reports are unchanged)", err=True)
        sys.exit(code)
    except BaseException:
        report_set.discard()   # a failed writer: the previous set stays whole
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _print_errors(report: Report) -> None:
    """Every error once, on standard error: unreadable inputs, then rules that crashed. One
    line each, terminal-safe (names and reasons may come from pages, servers or hostile file
    names)."""
    for error in report.errors:
        _print_error(error.source, error.message)
    for source, crash in tally_of(report).errors:
        _print_error(source, crash)


def _print_error(source: str, message: str) -> None:
    click.echo(f"a11y-audit: error: {one_line(source)}: {one_line(message)}", err=True)


def _list_pages(names: list[str], include: tuple[str, ...], exclude: tuple[str, ...],
                fetch_limits: FetchLimits, max_bytes: int, quiet: bool,
                progress_interval: float, templates: str = "auto") -> int:
    """--list-pages: the pages found (and chosen), one a line on standard output, the inputs
    that could not be read on standard error; 2 if there were some, else 0."""
    fetching.use_limits(fetch_limits)
    items, errors, sample = batch.find_pages(
        names, include=include, exclude=exclude, max_bytes=max_bytes, sample=_sample(),
        listing=None if quiet else Listing(interval=progress_interval), templates=templates)
    try:
        count = 0
        for item in items:
            click.echo(one_line(item.source))
            count += 1
    finally:
        items.close()
    for error in errors:
        _print_error(error.source, error.message)
    if not quiet:
        chosen = (f" (a sample of {sample.found:,} found, --seed {one_line(sample.seed)})"
                  if sample is not None else "")
        click.echo(f"{count:,} page{'' if count == 1 else 's'} to audit{chosen}"
                   + (f"; {len(errors)} input{'' if len(errors) == 1 else 's'} could not be "
                      f"read" if errors else ""), err=True)
    return 2 if errors else 0


def _sample() -> tuple[int, str] | None:
    """--sample and --seed as (size, seed); None without --sample."""
    meta = click.get_current_context().meta
    size, seed = meta.get("a11y-audit.sample"), meta.get("a11y-audit.seed")
    if size is None:
        if seed is not None:
            raise click.UsageError("--seed chooses the pages of --sample N: give --sample too")
        return None
    return size, seed if seed is not None else "0"


def _tags() -> tuple[str, ...]:
    """The --tags values (kept out of check()'s signature, which every new option touches)."""
    return tuple(click.get_current_context().meta.get("a11y-audit.tags", ()))


def _effective_config(path: Path | None, formats: tuple[str, ...], out: Path | None,
                      fail_on: str | None, selected: tuple[str, ...], ignored: tuple[str, ...],
                      baseline: Path | None, include_passed: bool | None,
                      stylesheets: tuple[Path, ...] = (), viewport: str | None = None) -> Config:
    """Defaults < configuration file < command line."""
    for names, flag in ((selected, "'-r' / '--rule'"), (ignored, "'--ignore'")):
        try:
            resolve_names(names)
        except UnknownNames as exc:
            raise click.BadParameter(str(exc), param_hint=flag) from None
    selected, ignored = resolve_names(selected), resolve_names(ignored)
    try:
        config = load_config(path if path is not None else find_config(Path.cwd()))
        if viewport is not None:
            viewport = check_viewport(viewport, "--viewport")
        flags = parse({
            **({"select": list(selected)} if selected else {}),
            **({"ignore": list(ignored)} if ignored else {}),
        }) if (selected or ignored) else None
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    return replace(
        config,
        select=flags.select if flags and flags.select else config.select,
        ignore=(*config.ignore, *(flags.ignore if flags else ())),
        formats=formats or config.formats or DEFAULT_FORMATS,
        out=out or config.out or Path("reports"),
        fail_on=Impact(fail_on) if fail_on else config.fail_on,
        baseline=baseline or config.baseline,
        include_passed=config.include_passed if include_passed is None else include_passed,
        stylesheets=(*config.stylesheets, *stylesheets),
        viewport=viewport or config.viewport,
    )


def _with_scope(config: Config, include: tuple[str, ...], exclude: tuple[str, ...]) -> Config:
    """--include/--exclude add to the configuration's include/exclude selectors."""
    if not include and not exclude:
        return config
    current = config.scope or Scope()
    try:
        scope = Scope.of((*current.include, *include), (*current.exclude, *exclude))
    except ScopeError as exc:
        raise click.BadParameter(str(exc), param_hint=f"'--{exc.key}'") from None
    return replace(config, scope=scope)


def _write_reports(report: Report, config: Config, color: bool | None, verbose: bool,
                   quiet: bool = False, report_set: ReportSet | None = None) -> list[Path]:
    """Write the report files (into ``report_set``, which the caller commits; else each in
    place at once), print the stdout formats; returns the files written."""
    own = report_set is None
    report_set = report_set or ReportSet()
    available = writers()
    assert config.out is not None
    files = [name for name in config.formats if available[name].SUFFIX is not None]
    # jsonl was streamed while the pages were audited
    written = write_reports(report, files, config.out, skip=("jsonl",), report_set=report_set,
                            options={"html": {"max_pages": config.html_max_pages}})
    if own:
        report_set.commit()
    if "github" in config.formats:
        _job_summary(report)
    for name in dict.fromkeys(config.formats):
        writer = available[name]
        if name == "terminal":
            if quiet:
                continue
            colour = sys.stdout.isatty() if color is None else color
            # color=: click would strip the colours of --color on a pipe (``| less -R``)
            writer.write(report, _Stdout(colour), colour=colour, verbose=verbose,
                         summary=False)
        elif writer.SUFFIX is None:
            if hasattr(writer, "write"):     # a page at a time: flat in run length
                writer.write(report, _Stdout())
            else:
                click.echo(writer.render(report), nl=False)
    return written


def _job_summary(report: Report) -> None:
    """In GitHub Actions, ``-f github`` also appends the Markdown summary to the job's
    summary page (the file ``$GITHUB_STEP_SUMMARY`` names), in one write. A file that
    cannot be written is a warning: the annotations and the exit code stand."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    text = writers()["markdown"].render(report)
    try:
        with open(path, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        click.echo(f"warning: the job summary ($GITHUB_STEP_SUMMARY, {one_line(path)}) could "
                   f"not be written: {one_line(exc.strerror or str(exc))}", err=True)


class _Stdout:
    """Standard output as a writer's handle, through click.echo (which encodes for the
    console as the rest of the command's output)."""

    def __init__(self, colour: bool | None = None) -> None:
        self.colour = colour

    def write(self, text: str) -> None:
        click.echo(text, nl=False, color=self.colour)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("-r", "--rule", "selected", multiple=True, metavar="ID",
              help="Only these rules (ids or tags; repeatable), as check's -r.")
@click.option("--tags", multiple=True, metavar="TAG",
              help="Only rules with these tags, e.g. news, wcag2aa or best-practice "
                   "(repeatable; adds to -r).")
def list_rules(fmt: str, selected: tuple[str, ...], tags: tuple[str, ...]) -> None:
    """List the rules with their impact and WCAG criteria: all of them, or those that
    check --rule and --tags would run with the same ids and tags."""
    loaded = all_rules()
    for names, flag in ((selected, "'-r' / '--rule'"), (tags, "'--tags'")):
        try:
            resolve_names(names)
        except UnknownNames as exc:
            raise click.BadParameter(str(exc), param_hint=flag) from None
    if selected or tags:
        loaded = rules_named(resolve_names((*selected, *tags)), loaded)
    if fmt == "json":
        click.echo(json.dumps([rule_data(r) for r in loaded], indent=2, ensure_ascii=False))
        return
    width = max(len(r.id) for r in loaded)
    for r in loaded:
        wcag = ",".join(r.rule.wcag) or "best-practice"
        click.echo(f"{r.id:<{width}}  {r.rule.impact!s:<8}  {wcag:<14}  {r.rule.description}")


@main.command()
@click.argument("rule_id")
@click.option("--color/--no-color", default=None, help="Colour (default: on a TTY).")
def explain(rule_id: str, color: bool | None) -> None:
    """Print a rule's documentation, examples and options (RULE_ID is case-insensitive)."""
    try:
        loaded = get(rule_id)
    except KeyError:
        try:
            resolve_names([rule_id])
        except UnknownNames as exc:
            raise click.BadParameter(str(exc), param_hint="RULE_ID") from None
        raise click.BadParameter(f"{rule_id!r} is a tag, not a rule id (see 'a11y-audit "
                                 "rules')", param_hint="RULE_ID") from None
    rule = loaded.rule
    colour = sys.stdout.isatty() if color is None else color
    click.echo(f"{rule.id} ({rule.impact})\n")
    click.echo(render_docs(rule.docs, colour), color=colour)
    if loaded.options:
        click.echo(render_options(loaded.options))
    click.echo(f"How to fix: {rule.help}")
    if rule.wcag:
        click.echo(f"WCAG: {', '.join(rule.wcag)}")
    if rule.act:
        click.echo(f"ACT rules: {', '.join(rule.act)}")
    click.echo(f"Tags: {', '.join(rule.all_tags)}")
    if rule.hidden_content:
        click.echo(f"Judges hidden content too: {rule.hidden_content}")
    for line in template_notes(rule):
        click.echo(line)
    click.echo(f"More: {rule.help_url}")


def template_notes(rule: Rule) -> list[str]:
    """What the rule does with a template file or a partial (README: "Templates and
    partials")."""
    notes = []
    if rule.document_level:
        notes.append("On a partial: not run (it judges the whole document, which is the "
                     "layout's).")
    if rule.needs_context:
        notes.append("On a partial: cantTell on an element at the top of the file (the "
                     "layout places it).")
    if rule.whole_content:
        notes.append("In a template: a failure is cantTell (its blocks and includes may add "
                     "what is missing).")
    values = [name for name in rule.template_values if name not in _TEMPLATE_TOKENS]
    if values:
        notes.append(f"In a template: cantTell where an expression fills in {', '.join(values)}.")
    notes.extend(note for name, note in _TEMPLATE_TOKENS.items()
                 if name in rule.template_values)
    references = [name for name in ("aria-labelledby", "aria-describedby")
                  if name in rule.template_values]
    if references:
        notes.append(f"In a partial or a template: cantTell where {' or '.join(references)} "
                     "points at an id the file does not hold, or at text an expression "
                     "writes.")
    return notes


# What the template_values that name no attribute mean (Rule.template_values)
_TEMPLATE_TOKENS = {
    "content": "In a template: cantTell where an include, a block or a raw expression writes "
               "some of the element's content.",
    "children": "In a template: cantTell where an include, a block or a raw expression "
                "writes some of the element's own children.",
    "table": "In a template: cantTell where an include, a block or a raw expression writes "
             "some of the content of the element's table.",
    "branches": "In a template: cantTell where an else stands between the element and the "
                "others it is judged with, or each stands in a conditional of its own "
                "(they may be alternatives).",
    "labels": "In a template: cantTell where the template writes the element's id twice (a "
              "<label for> names the first).",
    "landmarks": "On a partial: cantTell where a <header>, <footer> or unnamed <aside> it "
                 "judges has no <article>, <main>, <nav>, <section> or <aside> around it in "
                 "the file (where the layout includes it decides whether it is a landmark).",
}


@main.command()
@click.argument("suite_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--rule", "act_rules", multiple=True, metavar="ACT-ID",
              help="Only these ACT rule ids (repeatable), e.g. 23a2a8.")
@click.option("--failures", is_flag=True, help="List every case answered wrongly.")
@click.option("--earl", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("reports/act-implementation.jsonld"), show_default=True,
              help="Where to write the EARL JSON-LD implementation report.")
def conformance(suite_dir: Path, act_rules: tuple[str, ...], failures: bool,
                earl: Path) -> None:
    """Score the W3C ACT test cases in SUITE_DIR (a copy of the ACT rules suite: its
    testcases.json manifest saved as manifest.json, and the case files) with our rules:
    per ACT rule the cases, exact answers, false positives and negatives, cantTell."""
    from a11y_audit import conformance as suite

    if not (suite_dir / "manifest.json").is_file():
        raise click.BadParameter(f"{suite_dir} has no manifest.json (the ACT suite's test "
                                 "case manifest)", param_hint="SUITE_DIR")
    args = ["--act-rules", str(suite_dir), "--earl", str(earl)]
    for act_id in act_rules:
        args += ["--rule", act_id]
    if failures:
        args.append("--failures")
    sys.exit(suite.main(args))


INTERNAL_ERROR = 3


def entry() -> None:
    """Console entry point: an unexpected exception is a bug, reported as such (exit 3), so a
    crash is never mistaken for "failures found" (exit 1)."""
    try:
        main(standalone_mode=True)
    except SystemExit:
        raise
    except Exception:  # a bug in a11y-audit, not in the page: show where, then exit 3
        import traceback

        traceback.print_exc()
        click.echo("a11y-audit: internal error (a bug in a11y-audit; please report it with the "
                   "traceback above)", err=True)
        sys.exit(INTERNAL_ERROR)


if __name__ == "__main__":
    entry()
