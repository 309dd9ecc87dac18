"""--sample N: a nightly check of an archive audits N of the pages found, the same N on every
run wherever they are still found, and every report says it was a sample."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from a11y_audit.cli import main
from a11y_audit.inputs import Input
from a11y_audit.runner import sample
from tests.test_cli import validate


def inputs(count: int, prefix: str = "archive/") -> list[Input]:
    return [Input(f"{prefix}{n:05}.html", "file", f"{prefix}{n:05}.html") for n in range(count)]


def sources(items) -> list[str]:
    return [item.source for item in items]


def test_a_sample_is_size_items_in_their_order():
    items = inputs(1000)
    chosen = sample(items, 50, "0")
    assert len(chosen) == 50
    assert sources(chosen) == sorted(sources(chosen))
    assert set(sources(chosen)) <= set(sources(items))
    assert sources(sample(items, 50, "0")) == sources(chosen)        # the same every run


def test_another_seed_draws_another_sample():
    items = inputs(1000)
    first, second = set(sources(sample(items, 50, "0"))), set(sources(sample(items, 50, "1")))
    assert first != second and len(first & second) < 25


def test_a_growing_archive_keeps_the_pages_it_had_wherever_they_still_rank():
    night_one = inputs(1000)
    night_two = sorted([*night_one, *inputs(500, "archive/new-")], key=lambda i: i.source)
    before = set(sources(sample(night_one, 100, "x")))
    after = set(sources(sample(night_two, 100, "x")))
    # a page of the second night's sample that was there the first night was in its sample
    old_pages = set(sources(night_one))
    assert after & old_pages <= before
    assert len(after & before) > 50


def test_asking_for_more_than_there_are_gives_them_all():
    items = inputs(7)
    assert sources(sample(items, 10, "0")) == sources(items)


@pytest.fixture
def folder(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for n in range(12):
        (site / f"story-{n:02}.html").write_text(
            f'<!doctype html><html lang="en"><title>Story {n}</title>'
            f"<main><h1>Story {n}</h1><p>Text.</p></main></html>")
    return site


def check(tmp_path, *args):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", *args, "-j", "1", "-o", str(out), "-f", "json",
                                       "-f", "jsonl", "-f", "markdown", "-f", "html"],
                                catch_exceptions=False)
    return result, out


def test_the_reports_say_the_run_was_a_sample(folder, tmp_path):
    result, out = check(tmp_path, str(folder), "--sample", "4", "--seed", "2026-12-06")
    assert result.exit_code == 0, result.output
    data = validate(out / "a11y-report.json")
    assert data["schema_version"] == "1.12"
    assert data["sample"] == {"found": 12, "audited": 4, "seed": "2026-12-06"}
    assert data["summary"]["pages"] == len(data["pages"]) == 4
    run_line = json.loads((out / "a11y-report.jsonl").read_text().splitlines()[0])
    assert run_line["sample"] == data["sample"]
    assert ("4 pages audited (a sample of 12 found, --seed 2026-12-06): 4/4 pages pass"
            in result.output)
    assert "A sample of 12 pages found (seed 2026\\-12\\-06)." in (   # (Markdown escapes)
        out / "a11y-report.md").read_text()
    assert "(a sample of 12 found, seed <code>2026-12-06</code>)" in (
        out / "a11y-report.html").read_text()


def test_the_same_sample_gives_the_same_bytes(folder, tmp_path):
    check(tmp_path / "a", str(folder), "--sample", "5")
    check(tmp_path / "b", str(folder), "--sample", "5")
    first = (tmp_path / "a" / "out" / "a11y-report.json").read_bytes()
    assert first == (tmp_path / "b" / "out" / "a11y-report.json").read_bytes()
    assert json.loads(first)["sample"]["seed"] == "0"


def test_no_sample_when_fewer_pages_are_found(folder, tmp_path):
    result, out = check(tmp_path, str(folder), "--sample", "12")
    data = json.loads((out / "a11y-report.json").read_text())
    assert "sample" not in data and len(data["pages"]) == 12
    assert "a sample" not in result.output


def test_a_seed_without_a_sample_is_a_usage_error(folder):
    result = CliRunner().invoke(main, ["check", str(folder), "--seed", "1"])
    assert result.exit_code == 2 and "--seed chooses the pages of --sample N" in result.output


def test_list_pages_prints_what_a_run_would_audit_and_writes_nothing(folder, tmp_path):
    _, out = check(tmp_path / "run", str(folder), "--sample", "5", "--seed", "s")
    audited = [page["source"] for page in json.loads((out / "a11y-report.json").read_text())[
        "pages"]]
    listed = CliRunner().invoke(main, ["check", str(folder), "--sample", "5", "--seed", "s",
                                       "--list-pages", "-o", str(tmp_path / "none")])
    assert listed.exit_code == 0
    assert listed.stdout.splitlines() == audited
    assert listed.stderr.strip() == "5 pages to audit (a sample of 12 found, --seed s)"
    assert not (tmp_path / "none").exists()


def test_list_pages_names_inputs_that_cannot_be_read(folder, tmp_path):
    listed = CliRunner().invoke(main, ["check", str(folder), str(tmp_path / "gone.html"),
                                       "--include-path", "story-0*", "--list-pages"])
    assert listed.exit_code == 2
    assert len(listed.stdout.splitlines()) == 10
    assert f"a11y-audit: error: {tmp_path / 'gone.html'}: no such file or folder" in (
        listed.stderr)
    assert "10 pages to audit; 1 input could not be read" in listed.stderr
