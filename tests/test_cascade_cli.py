"""--stylesheet, --viewport and their configuration keys reach the cascade of every page."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from a11y_audit.cli import main

PAGE = """<!doctype html><html lang="en"><head><title>t</title></head><body><main>
<h1>Story</h1><a class="icon" href="/share"></a></main></body></html>"""


def audit(tmp_path: Path, *args: str) -> dict:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "page.html"), "-f", "json",
                                       "-o", str(tmp_path / "out"), "-r", "link-name",
                                       "--include-passed", *args])
    assert result.exit_code in (0, 1), result.output
    report = json.loads((tmp_path / "out" / "a11y-report.json").read_text(encoding="utf-8"))
    return next(r for r in report["pages"][0]["rules"] if r["rule"] == "link-name")


def test_site_stylesheet_hides_what_it_hides(tmp_path: Path):
    assert audit(tmp_path)["outcome"] == "failed"           # an unnamed, visible link
    css = tmp_path / "site.css"
    css.write_text(".icon{display:none}", encoding="utf-8")
    assert audit(tmp_path, "--stylesheet", str(css))["outcome"] == "inapplicable"


def test_viewport_decides_media_queries(tmp_path: Path):
    css = tmp_path / "site.css"
    css.write_text("@media (max-width: 600px){.icon{display:none}}", encoding="utf-8")
    assert audit(tmp_path, "--stylesheet", str(css))["outcome"] == "failed"
    assert audit(tmp_path, "--stylesheet", str(css), "--viewport", "375x667"
                 )["outcome"] == "inapplicable"


def test_configuration_keys(tmp_path: Path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("@media (max-width: 600px){.icon{display:none}}",
                                               encoding="utf-8")
    config = tmp_path / ".a11y-audit.toml"
    config.write_text('stylesheets = ["css/site.css"]\nviewport = "360x640"\n',
                      encoding="utf-8")
    assert audit(tmp_path, "--config", str(config))["outcome"] == "inapplicable"
    shown = CliRunner().invoke(main, ["check", "--print-config", "--config", str(config)])
    data = json.loads(shown.output)
    assert data["viewport"] == "360x640"
    assert data["stylesheets"] == [str(tmp_path / "css" / "site.css")]


def test_bad_viewport_is_a_usage_error(tmp_path: Path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "page.html"), "--viewport",
                                       "huge"])
    assert result.exit_code == 2
    assert "WIDTHxHEIGHT" in result.output


LINKED = """<!doctype html><html lang="en"><head><title>t</title>
<link rel="stylesheet" href="https://cdn.example/site.css"></head><body><main>
<h1>Story</h1><p style="color:#aaa">Grey byline</p></main></body></html>"""


def contrast(tmp_path: Path, *args: str) -> tuple[int, dict]:
    (tmp_path / "linked.html").write_text(LINKED, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "linked.html"), "-f", "json",
                                       "-o", str(tmp_path / "out"), "-r", "color-contrast",
                                       *args])
    report = json.loads((tmp_path / "out" / "a11y-report.json").read_text(encoding="utf-8"))
    return result.exit_code, report["pages"][0]["rules"][0]


def test_missing_stylesheets_cant_tell_by_default_ignore_on_request(tmp_path: Path):
    code, rule = contrast(tmp_path)
    assert (code, rule["outcome"]) == (0, "cantTell")
    code, rule = contrast(tmp_path, "--missing-stylesheets", "ignore")
    assert (code, rule["outcome"]) == (1, "failed")
    config = tmp_path / ".a11y-audit.toml"
    config.write_text('missing-stylesheets = "ignore"\n', encoding="utf-8")
    assert contrast(tmp_path, "--config", str(config))[1]["outcome"] == "failed"
    # the command line wins over the configuration file
    assert contrast(tmp_path, "--config", str(config), "--missing-stylesheets", "cantTell"
                    )[1]["outcome"] == "cantTell"
    shown = CliRunner().invoke(main, ["check", "--print-config", "--config", str(config)])
    assert json.loads(shown.output)["missing-stylesheets"] == "ignore"


def test_bad_missing_stylesheets_value_is_a_usage_error(tmp_path: Path):
    config = tmp_path / ".a11y-audit.toml"
    config.write_text('missing-stylesheets = "skip"\n', encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "page.html"), "--config",
                                       str(config)])
    assert result.exit_code == 2
    assert "missing-stylesheets must be one of cantTell, ignore" in result.output


def linked_page(tmp_path: Path, href: str) -> Path:
    site = tmp_path / "site"
    (site / "css").mkdir(parents=True)
    (site / "css" / "site.css").write_text(".icon{display:none}", encoding="utf-8")
    (site / "news").mkdir()
    page = site / "news" / "page.html"
    page.write_text(PAGE.replace("<title>t</title>",
                                 f'<title>t</title><link rel="stylesheet" href="{href}">'),
                    encoding="utf-8")
    return page


def audit_file(page: Path, out: Path, *args: str) -> dict:
    result = CliRunner().invoke(main, ["check", str(page), "-f", "json", "-o", str(out),
                                       "-r", "link-name", "-r", "color-contrast", *args])
    assert result.exit_code in (0, 1), result.output
    report = json.loads((out / "a11y-report.json").read_text(encoding="utf-8"))
    return {r["rule"]: r for r in report["pages"][0]["rules"]}


def test_root_relative_stylesheets_resolve_under_the_site_root(tmp_path: Path):
    page = linked_page(tmp_path, "/css/site.css")
    without = audit_file(page, tmp_path / "a")
    assert without["link-name"]["outcome"] == "failed"         # the sheet is not read...
    assert without["color-contrast"]["outcome"] == "cantTell"  # ...and is named as missing
    found = audit_file(page, tmp_path / "b", "--site-root", str(tmp_path / "site"))
    assert found["link-name"]["outcome"] == "inapplicable"     # read from DIR/css/site.css


def test_root_relative_href_never_reads_the_machine_root_or_leaves_the_site(tmp_path: Path):
    from a11y_audit.semantics.cascade import StyleEnvironment

    env = StyleEnvironment()
    page = str(tmp_path / "page.html")
    assert env.load("/etc/hostname", page) == ("site-root:/etc/hostname", None)
    rooted = StyleEnvironment(site_root=str(tmp_path / "site"))
    assert rooted.load("/../../etc/hostname", page)[1] is None


def test_site_root_configuration_key(tmp_path: Path):
    page = linked_page(tmp_path, "/css/site.css")
    config = tmp_path / ".a11y-audit.toml"
    config.write_text('site-root = "site"\n', encoding="utf-8")
    found = audit_file(page, tmp_path / "c", "--config", str(config))
    assert found["link-name"]["outcome"] == "inapplicable"
    shown = CliRunner().invoke(main, ["check", "--print-config", "--config", str(config)])
    assert json.loads(shown.output)["site-root"] == str(tmp_path / "site")


def byline_template(tmp_path: Path, root: str, *hrefs: str) -> None:
    """A site checkout (``root``/css/site.css greys the byline) and a story template that
    links ``hrefs``."""
    (tmp_path / root / "css").mkdir(parents=True)
    (tmp_path / root / "css" / "site.css").write_text(".byline{color:#aaa}", encoding="utf-8")
    links = "".join(f'<link rel="stylesheet" href="{href}">' for href in hrefs)
    (tmp_path / "story.html").write_text(
        f'<!doctype html><html lang="en"><head><title>t</title>{links}</head><body><main>'
        '<h1>Story</h1><p class="byline">Grey byline</p></main></body></html>',
        encoding="utf-8")


def contrast_of(tmp_path: Path, *args: str) -> tuple[int, str, list[dict]]:
    """Exit code, output and color-contrast findings of the story template."""
    result = CliRunner().invoke(main, ["check", str(tmp_path / "story.html"), "-f", "json",
                                       "-o", str(tmp_path / "out"), "-r", "color-contrast",
                                       *args])
    if result.exit_code == 2:
        return 2, result.output, []
    report = json.loads((tmp_path / "out" / "a11y-report.json").read_text("utf-8"))
    return result.exit_code, result.output, report["pages"][0]["findings"]


def test_a_template_linking_google_fonts_is_judged_with_its_site_root(tmp_path: Path):
    byline_template(tmp_path, "site",
                    "https://fonts.googleapis.com/css2?family=Lora:wght@400;700&display=swap",
                    "/css/site.css")
    code, _, [finding] = contrast_of(tmp_path, "--site-root", str(tmp_path / "site"))
    assert (code, finding["outcome"], finding["selector"]) == (1, "failed", "p.byline")


def test_site_urls_read_absolute_links_from_the_site_root(tmp_path: Path):
    byline_template(tmp_path, "public", "https://cdn.example.com/assets/css/site.css?v=41")
    code, _, [finding] = contrast_of(tmp_path)
    assert (code, finding["outcome"]) == (0, "cantTell")
    assert finding["message"].endswith(
        "(read the site's copy with --site-root and --site-url, or supply it with "
        "--stylesheet and judge without the link: --missing-stylesheets ignore)")
    root = str(tmp_path / "public")
    code, _, [finding] = contrast_of(tmp_path, "--site-root", root, "--site-url",
                                     "https://cdn.example.com/assets")
    assert (code, finding["outcome"], finding["selector"]) == (1, "failed", "p.byline")
    # a file the site URL points at that is not in the checkout is named, as a file
    code, _, [finding] = contrast_of(tmp_path, "--site-root", root, "--site-url",
                                     "https://cdn.example.com/")
    assert finding["outcome"] == "cantTell"
    assert "assets/css/site.css could not be read" in finding["message"]
    assert finding["message"].endswith("(not a readable file)")
    # the configuration key, relative site root, and the command line adding to it
    config = tmp_path / ".a11y-audit.toml"
    config.write_text('site-root = "public"\nsite-urls = ["https://static.example.com/"]\n',
                      encoding="utf-8")
    assert contrast_of(tmp_path, "--config", str(config))[2][0]["outcome"] == "cantTell"
    code, _, [finding] = contrast_of(tmp_path, "--config", str(config), "--site-url",
                                     "https://cdn.example.com/assets/")
    assert finding["outcome"] == "failed"
    shown = CliRunner().invoke(main, ["check", "--print-config", "--config", str(config),
                                      "--site-url", "https://cdn.example.com/assets/"])
    assert json.loads(shown.output)["site-urls"] == [
        "https://static.example.com/", "https://cdn.example.com/assets/"]
    # usage errors: no site root, not an http(s) URL (command line and configuration)
    code, output, _ = contrast_of(tmp_path, "--site-url", "https://cdn.example.com/assets/")
    assert code == 2 and "--site-url (site-urls) needs --site-root" in output
    code, output, _ = contrast_of(tmp_path, "--site-root", root, "--site-url",
                                  "cdn.example.com/assets/")
    assert code == 2 and "--site-url: 'cdn.example.com/assets/' is not an http(s) URL" in output
    config.write_text('site-root = "public"\nsite-urls = ["https://x.example/?v=1"]\n',
                      encoding="utf-8")
    code, output, _ = contrast_of(tmp_path, "--config", str(config))
    assert code == 2 and "site-urls: 'https://x.example/?v=1' is not an http(s) URL" in output
