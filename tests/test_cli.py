"""The command line: exit codes, report files, the JSON schema, rules and explain."""

from __future__ import annotations

import gzip
import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from a11y_audit.cli import example_path, main
from a11y_audit.registry import all_rules

SCHEMA = json.loads((files("a11y_audit") / "schemas" / "report.schema.json").read_text())
CLEAN = """<!DOCTYPE html><html lang="en"><head><title>Storm hits coast</title></head><body>
<a href="#main">Skip to main content</a>
<header><nav aria-label="Sections"><a href="/world">World</a></nav></header>
<main id="main"><h1>Storm hits coast</h1><p>Text.</p></main>
<footer><p>Contact</p></footer></body></html>"""


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def validate(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    checker = jsonschema.FormatChecker()
    jsonschema.Draft202012Validator(SCHEMA, format_checker=checker).validate(data)
    return data


def test_example_fails_and_json_validates(tmp_path):
    result = invoke("check", str(example_path()), "-f", "json", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    data = validate(tmp_path / "out" / "a11y-report.json")
    page = data["pages"][0]
    assert page["title"].startswith("U.S. pledges $120 million")
    failed_rules = {f["rule"] for f in page["findings"] if f["outcome"] == "failed"}
    assert {"figure-image-alt", "heading-order", "image-alt", "skip-link"} <= failed_rules
    ran = {r["id"] for r in page["rules"]}
    assert ran == {r.id for r in all_rules()}
    assert data["summary"]["exit_code"] == 1


def test_default_formats_write_json_and_html(tmp_path):
    result = invoke("check", "--example", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert (tmp_path / "a11y-report.json").is_file()
    html = (tmp_path / "a11y-report.html").read_text(encoding="utf-8")
    assert "figure-image-alt" in html and "<main" in html
    assert "1 page audited" in result.output


def test_clean_page_exits_zero(tmp_path):
    page = tmp_path / "clean.html"
    page.write_text(CLEAN, encoding="utf-8")
    result = invoke("check", str(page), "-f", "json", "-o", str(tmp_path / "out"))
    data = validate(tmp_path / "out" / "a11y-report.json")
    assert [f for f in data["pages"][0]["findings"] if f["outcome"] == "failed"] == []
    assert result.exit_code == 0


def test_fail_on_threshold(tmp_path):
    page = tmp_path / "order.html"
    # Only a heading-order failure (moderate), everything else in place.
    page.write_text(CLEAN.replace("<p>Text.</p>", "<h3>Details</h3>"), encoding="utf-8")
    assert invoke("check", str(page), "-f", "terminal").exit_code == 1
    assert invoke("check", str(page), "-f", "terminal", "--fail-on", "moderate").exit_code == 1
    assert invoke("check", str(page), "-f", "terminal", "--fail-on", "serious").exit_code == 0


def test_unreadable_input_is_named_and_the_rest_still_runs(tmp_path):
    good = tmp_path / "good.html"
    good.write_text(CLEAN, encoding="utf-8")
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = invoke("check", str(good), str(empty), str(binary), str(tmp_path / "missing.html"),
                    "-f", "json", "-f", "terminal", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    data = validate(tmp_path / "out" / "a11y-report.json")
    assert [p["source"] for p in data["pages"]] == [str(good)]
    reasons = {Path(e["source"]).name: e["message"] for e in data["errors"]}
    assert reasons == {"empty.html": "file is empty", "photo.html": "not HTML: a PNG image",
                       "missing.html": "no such file or folder"}
    assert f"error: {empty}: file is empty" in result.output


def test_folder_and_gzip_inputs(tmp_path):
    (tmp_path / "site" / "world").mkdir(parents=True)
    (tmp_path / "site" / "a.html").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "site" / "world" / "b.html.gz").write_bytes(gzip.compress(CLEAN.encode()))
    (tmp_path / "site" / "notes.txt").write_text("not a page")
    result = invoke("check", str(tmp_path / "site"), "-f", "json", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    data = validate(tmp_path / "out" / "a11y-report.json")
    assert sorted(Path(p["source"]).name for p in data["pages"]) == ["a.html", "b.html.gz"]


def test_unknown_rule_and_no_sources_are_usage_errors():
    assert invoke("check", "--rule", "no-such-rule", "--example").exit_code == 2
    assert invoke("check").exit_code == 2


def test_rules_json_lists_every_rule_with_metadata():
    result = invoke("rules", "--format", "json")
    assert result.exit_code == 0
    listed = {r["id"]: r for r in json.loads(result.output)}
    newsroom = {"skip-link", "figure-image-alt", "image-alt", "heading-order",
                "page-has-heading-one", "empty-heading", "single-heading-one",
                "landmark-one-main", "landmark-no-duplicate-main", "landmark-no-duplicate-banner",
                "landmark-no-duplicate-contentinfo", "landmark-banner-is-top-level",
                "landmark-contentinfo-is-top-level", "landmark-main-is-top-level",
                "landmark-complementary-is-top-level", "landmark-unique", "region"}
    assert newsroom <= set(listed)
    for entry in listed.values():
        jsonschema.validate(entry, {"$defs": SCHEMA["$defs"], "$ref": "#/$defs/rule"})
        assert set(entry) == {"id", "description", "impact", "wcag", "act", "tags", "help",
                              "help_url"}
    assert listed["image-alt"]["wcag"] == ["1.1.1"] and "23a2a8" in listed["image-alt"]["act"]


def test_rules_lists_those_ids_and_tags_name_as_check_would_run_them():
    result = invoke("rules", "--tags", "news", "--format", "json")
    assert result.exit_code == 0
    news = [r["id"] for r in json.loads(result.output)]
    assert {"single-heading-one", "figure-image-alt", "live-region-ticker"} <= set(news)
    assert "image-alt" not in news and news == sorted(news)
    assert all("news" in r["tags"] for r in json.loads(result.output))
    # ids and tags together (case-insensitive), in the text listing too
    result = invoke("rules", "-r", "Image-Alt", "--tags", "news")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.splitlines()]
    assert sorted(listed) == sorted([*news, "image-alt"])
    result = invoke("rules", "--tags", "nws")
    assert result.exit_code == 2 and "did you mean 'news'?" in result.output


def test_explain_prints_docs():
    result = invoke("explain", "figure-image-alt")
    assert result.exit_code == 0
    assert "Fails:" in result.output and "WCAG: 1.1.1" in result.output
    assert invoke("explain", "nope").exit_code == 2


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_reports_escape_page_content(tmp_path, fmt):
    hostile = tmp_path / "x.html"
    hostile.write_text('<html><body><figure><img src="a.jpg" onerror="alert(1)">'
                       '<figcaption></figcaption></figure>'
                       '<h1><script>alert("pwned")</script></h1></body></html>')
    invoke("check", str(hostile), "-f", fmt, "-o", str(tmp_path / "out"))
    text = (tmp_path / "out" / f"a11y-report.{fmt}").read_text(encoding="utf-8")
    if fmt == "html":
        assert "onerror=\"alert(1)\">" not in text
        assert "&lt;img src=&#34;a.jpg&#34; onerror=&#34;alert(1)&#34;&gt;" in text
        assert "<script>alert" not in text        # snippets show markup as written, escaped
        assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in text
    else:
        validate(tmp_path / "out" / "a11y-report.json")


def test_internal_error_exits_3_not_1(monkeypatch, capsys):
    import a11y_audit.cli as cli

    def broken(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "main", broken)
    with pytest.raises(SystemExit) as info:
        cli.entry()
    assert info.value.code == 3
    assert "internal error" in capsys.readouterr().err


def test_reports_are_never_half_written(tmp_path):
    from a11y_audit.writers import write_atomic

    target = tmp_path / "a11y-report.html"
    write_atomic(target, "previous report")
    with pytest.raises(TypeError):
        write_atomic(target, None)  # type: ignore[arg-type]  # the write fails half-way
    assert target.read_text() == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["a11y-report.html"]  # no temporary left


@pytest.mark.parametrize("flag", ["--color", "--no-color", None])
def test_terminal_colour_follows_the_flag_on_a_pipe(tmp_path, flag):
    """The runner's output is not a terminal: colour only with --color (``| less -R``)."""
    args = ["check", str(example_path()), "-f", "terminal", "-o", str(tmp_path)]
    result = invoke(*args, *([flag] if flag else []))
    assert "figure-image-alt" in result.output
    assert ("\x1b[" in result.output) == (flag == "--color")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "html"])
def test_out_dash_writes_the_report_to_standard_output(tmp_path, monkeypatch, fmt):
    """``-o -`` puts the one report on standard output, byte for byte the file ``-o DIR``
    writes, and the summary on standard error; no folder named "-" is made."""
    monkeypatch.chdir(tmp_path)
    piped = invoke("check", "--example", "-f", fmt, "-o", "-")
    filed = invoke("check", "--example", "-f", fmt, "-o", "folder")
    assert piped.exit_code == filed.exit_code == 1
    written = next((tmp_path / "folder").iterdir())
    assert piped.stdout_bytes == written.read_bytes()
    assert f"wrote the {fmt} report to standard output" in piped.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]


def test_out_dash_is_json_unless_named(tmp_path, monkeypatch):
    """Without -f, ``-o -`` writes JSON: the configuration's formats are those of a report
    folder, and several reports on one stream could not be read."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".a11y-audit.toml").write_text('format = ["terminal", "html"]\n')
    result = invoke("check", "--example", "-o", "-")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["pages"][0]["title"].startswith("U.S. pledges")


@pytest.mark.parametrize("formats", [["terminal"], ["github"], ["json", "html"],
                                     ["json", "terminal"]])
def test_out_dash_takes_one_report_format(tmp_path, monkeypatch, formats):
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "--example", *[a for f in formats for a in ("-f", f)], "-o", "-")
    assert result.exit_code == 2
    assert "-o - writes one report to standard output" in result.stderr
    assert f"-f {' -f '.join(formats)} was given" in result.stderr
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_out_dash_reports_an_unreadable_input_and_exits_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.html").write_bytes(b"")
    result = invoke("check", "--example", "empty.html", "-f", "json", "-o", "-")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [e["source"] for e in data["errors"]] == ["empty.html"]
    assert "empty.html" in result.stderr


def test_out_dash_into_a_reader_that_stops_early(tmp_path):
    """``a11y-audit check ... -o - | head -c 10``: the copy ends quietly, as ``cat``'s, and
    the exit code is the audit's."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "a11y_audit", "check", "--example", "-f", "sarif", "-o", "-"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(10) == b'{\n  "$sche'
    process.stdout.close()          # the report is larger than a pipe's buffer
    error = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1
    assert "Traceback" not in error and "BrokenPipe" not in error
    assert "wrote the sarif report to standard output" in error
