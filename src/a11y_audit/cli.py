"""Command line: ``a11y-audit check``, ``rules`` and ``explain``. Only wiring lives here."""

from __future__ import annotations

import json
import sys
from importlib.resources import files
from pathlib import Path

import click

from a11y_audit import __version__
from a11y_audit.outcome import Impact
from a11y_audit.registry import all_rules, get
from a11y_audit.runner import audit_sources
from a11y_audit.writers import REPORT_STEM, write_atomic, writers
from a11y_audit.writers.report_data import rule_data

EXAMPLE = "mali-aid.html"
DEFAULT_FORMATS = ("terminal", "json", "html")


def example_path() -> Path:
    """The bundled example article (shipped inside the package)."""
    return Path(str(files("a11y_audit") / "examples" / EXAMPLE))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="a11y-audit")
def main() -> None:
    """Audit news-article HTML for accessibility problems."""


@main.command()
@click.argument("sources", nargs=-1)
@click.option("-f", "--format", "formats", multiple=True,
              type=click.Choice(sorted(writers())),
              help="Output format; repeat for several. Default: terminal, json and html.")
@click.option("-o", "--out", default=Path("reports"), show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for report files (a11y-report.json, a11y-report.html).")
@click.option("--fail-on", type=click.Choice([i.value for i in Impact]),
              help="Exit 1 only for failures of this impact or worse. Default: any failure.")
@click.option("-r", "--rule", "selected", multiple=True, metavar="ID",
              help="Run only these rules (repeatable).")
@click.option("--example", is_flag=True, help="Audit the bundled example article too.")
@click.option("--include-passed", is_flag=True, help="List passed results in the reports.")
@click.option("-v", "--verbose", is_flag=True, help="Show findings to review in the terminal.")
@click.option("--color/--no-color", default=None, help="Colour terminal output (default: on a TTY).")
def check(sources: tuple[str, ...], formats: tuple[str, ...], out: Path, fail_on: str | None,
          selected: tuple[str, ...], example: bool, include_passed: bool, verbose: bool,
          color: bool | None) -> None:
    """Audit PAGES (files, folders, .html.gz files or URLs).

    \b
    Exit codes: 0 no failure at or above --fail-on; 1 such failures;
    2 usage error, or an input that could not be read (the rest is still audited).
    """
    names = [*sources, *([str(example_path())] if example else [])]
    if not names:
        raise click.UsageError("name at least one page, folder or URL (or --example)")
    try:
        rules = [get(rule_id) for rule_id in selected] or None
    except KeyError as exc:
        raise click.BadParameter(f"unknown rule id {exc.args[0]!r} (see 'a11y-audit rules')",
                                 param_hint="--rule") from None
    formats = formats or DEFAULT_FORMATS
    impact = Impact(fail_on) if fail_on else None
    report = audit_sources(names, rules, fail_on=impact, include_passed=include_passed)
    available = writers()
    written = []
    for name in dict.fromkeys(formats):
        writer = available[name]
        if writer.SUFFIX is None:
            continue
        path = out / f"{REPORT_STEM}{writer.SUFFIX}"
        write_atomic(path, writer.render(report))
        written.append(path)
    if "terminal" in formats:
        colour = sys.stdout.isatty() if color is None else color
        text = available["terminal"].render(report, colour=colour, verbose=verbose)
        click.echo(text, nl=False)
        for path in written:
            click.echo(f"wrote {path}")
    for error in report.errors:
        click.echo(f"a11y-audit: error: {error.source}: {error.message}", err=True)
    sys.exit(report.exit_code())


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def list_rules(fmt: str) -> None:
    """List the rules with their impact and WCAG criteria."""
    loaded = all_rules()
    if fmt == "json":
        click.echo(json.dumps([rule_data(r) for r in loaded], indent=2, ensure_ascii=False))
        return
    width = max(len(r.id) for r in loaded)
    for r in loaded:
        wcag = ",".join(r.rule.wcag) or "best-practice"
        click.echo(f"{r.id:<{width}}  {r.rule.impact!s:<8}  {wcag:<14}  {r.rule.description}")


@main.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Print a rule's documentation."""
    try:
        loaded = get(rule_id)
    except KeyError:
        raise click.BadParameter(f"unknown rule id {rule_id!r} (see 'a11y-audit rules')",
                                 param_hint="RULE_ID") from None
    rule = loaded.rule
    click.echo(f"{rule.id} ({rule.impact})\n")
    click.echo(rule.docs.rstrip() + "\n")
    click.echo(f"How to fix: {rule.help}")
    if rule.wcag:
        click.echo(f"WCAG: {', '.join(rule.wcag)}")
    if rule.act:
        click.echo(f"ACT rules: {', '.join(rule.act)}")
    click.echo(f"Tags: {', '.join(rule.all_tags)}")
    click.echo(f"More: {rule.help_url}")


if __name__ == "__main__":
    main()
