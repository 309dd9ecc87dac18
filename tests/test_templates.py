"""Template files and partials (a11y_audit.templates): what a pre-commit hook hands the audit
is a repository's Jinja, Handlebars, ERB, PHP or Go templates and its partials, not rendered
pages. Statements render nothing, what an expression fills in is the data's to decide, and a
partial is judged without the page that includes it."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from a11y_audit.cli import main
from a11y_audit.knowledge.icon_packages import is_icon_component
from a11y_audit.templates import (
    as_written,
    detect,
    family_of_name,
    folder_suffixes,
    included_name,
    is_branch,
    is_fragment,
    is_hole,
    is_nameless_icon,
    neutralise,
    partial_paths,
    read,
    reading,
    written_expressions,
)
from tests.loopback import QuietHandler, serving
from tests.test_cli import validate

CHILD = """{% extends "base.html" %}
{% block content %}
<article class="story">
  <h1>{{ story.headline }}</h1>
  {% if story.image %}
  <figure>
    <img src="{{ story.image.url }}" alt="{{ story.image.alt }}">
    <figcaption>{{ story.image.caption }}</figcaption>
  </figure>
  {% endif %}
  <p class="byline">By <a href="{{ story.author.url }}">{{ story.author.name }}</a></p>
  {{ story.body|safe }}
  <a href="{{ story.share_url }}" target="_blank"><svg class="icon"><use href="#fb"/></svg></a>
</article>
{% endblock %}
"""

LAYOUT = """<!doctype html>
<html lang="{{ locale }}">
<head><title>{% block title %}{% endblock %} | Daily Planet</title></head>
<body>
<main id="main">{% block content %}{% endblock %}</main>
<footer><time datetime="{{ now|isoformat }}">{{ now }}</time>
<div role="{{ role }}">x</div>
<img {{ attrs }} src="x.png">
<img src="{{ logo }}">
<p lang="{{ other }}">Text</p></footer>
</body></html>
"""


def write_tree(root, files: dict[str, str]) -> None:
    """Write ``files`` (path under ``root``: text; a path ending "/" is a folder)."""
    for name, text in files.items():
        if name.endswith("/"):
            (root / name).mkdir(parents=True, exist_ok=True)
            continue
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def project_findings(tmp_path, root, files: dict[str, str], audited: str,
                     rule: str) -> list[tuple[str, str]]:
    """The (outcome, message) of each finding of ``rule`` on the file ``audited`` of a
    project at ``root`` holding ``files``, passed ones included."""
    write_tree(root, files)
    _, data = run(tmp_path, str(root / audited), "--include-passed")
    return outcomes(data["pages"][0])[rule]


def run(tmp_path, *args, files=None):
    write_tree(tmp_path, files or {})
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", *args, "-j", "1", "-o", str(out), "-f", "json",
                                       "-f", "terminal", "-v"], catch_exceptions=False)
    data = validate(out / "a11y-report.json") if (out / "a11y-report.json").exists() else None
    return result, data


def outcomes(page: dict) -> dict[str, list[tuple[str, str]]]:
    """rule -> [(outcome, message)] of the page's findings."""
    found: dict[str, list[tuple[str, str]]] = {}
    for finding in page["findings"]:
        found.setdefault(finding["rule"], []).append((finding["outcome"], finding["message"]))
    return found


def rule_findings(tmp_path, name: str, text: str, rule: str) -> list[tuple[str, str]]:
    """The (outcome, message) of each finding of ``rule`` on the file ``name`` holding
    ``text``, audited alone."""
    _, data = run(tmp_path, str(tmp_path / name), files={name: text})
    return outcomes(data["pages"][0])[rule]


def assert_same_lines(parsed: str, text: str) -> None:
    """What a template is parsed as is as long as it, its line breaks where they were."""
    assert len(parsed) == len(text)
    assert [i for i, c in enumerate(parsed) if c in "\r\n"] == [
        i for i, c in enumerate(text) if c in "\r\n"]


def rule_outcome(page: dict, rule: str) -> str:
    return next(r["outcome"] for r in page["rules"] if r["rule"] == rule)


# -- detection --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "family"), [
    (CHILD, "jinja"),
    ("<ul>{% for s in sections %}<li>{{ s }}</li>{% endfor %}</ul>", "jinja"),
    ("<p>{% trans 'Latest' %}</p>", "jinja"),
    ("{{#each stories}}<li>{{title}}</li>{{/each}}", "handlebars"),
    ("<p>{{^empty}}Stories{{/empty}}</p>", "handlebars"),
    ("{{ range .Stories }}<li>{{ .Title }}</li>{{ end }}", "go"),
    # a Django comment alone; an EJS block's opening (NPR's graphics kit writes EJS in
    # .html files)
    ("{# Keep the demo out of search engines #}<h1>Log in</h1>", "jinja"),
    ('<% if (children) { %><select><% children.forEach(function(c) { %><option><%= c %>'
     "</option><% }) %></select><% } %>", "erb"),
    ("<ul><%_ items.forEach(i => {_%><li><%= i %></li><%_ }) _%></ul>", "erb"),
    # WordPress's block markup with a dynamic block (a block theme's template)
    ('<!-- wp:template-part {"slug":"header"} /-->\n<!-- wp:group {"tagName":"main"} -->'
     '<main class="wp-block-group"><!-- wp:post-content /--></main><!-- /wp:group -->',
     "wordpress"),
    # placeholders a build or an app replaces (the Guardian's app article templates)
    ('<html lang="en"><head><link href="__TEMPLATES_DIRECTORY__assets/style.css"></head>'
     '<body class="__FONT_SIZE__"><h1>__HEADLINE__</h1></body></html>', "placeholder"),
    ('<ul class="key-events__list">__KEY_EVENT_ITEM__</ul>', "placeholder"),
])
def test_each_family_is_found_by_a_statement_of_it(text, family):
    assert detect(text) == family


@pytest.mark.parametrize("text", [
    "<!doctype html><html><body><p>Plain.</p></body></html>",
    # an expression alone: Angular and Vue pages, and articles about them, write it
    "<p>Hello {{ name }}</p>",
    # client-side templates in scripts, CSS, comments and code samples are not the markup's
    '<script type="text/x-handlebars-template">{{#each x}}{{/each}}</script>',
    "<style>a{color:red}</style><!-- {% if x %} -->",
    "<pre><code>{% if user %}Hello{% endif %}</code></pre>",
    "<p>Prices rose 5<%; the index <?xml is text</p>",
    # an expression alone; PHP and Ruby's ERB are known by the file's name
    "<h1><%= story.title %></h1>",
    "<% stories.each do |s| %><li><%= s.title %></li><% end %>",
    "<?php get_header(); ?><h1><?= $title ?></h1>",
    "<p>Scores: {#1 seed} beat {#4}</p>",
    # text without an expression
    "Just words, {braced} words",
    # block markup without a dynamic block renders as written (a post's saved content)
    '<!-- wp:paragraph --><p>Storm hits coast</p><!-- /wp:paragraph -->',
    # double underscores in scripts, in a Next.js page's script id, in class names (BEM),
    # Python's names, and placeholders only after the first 4 KB (a page's own text)
    '<script id="__NEXT_DATA__">{}</script><script>window.__INITIAL_STATE__={}</script>',
    '<div class="card__title card__title--big">__init__ and __main__</div>',
    "<p>" + "x" * 5000 + "</p><p>__LATE__</p>",
])
def test_plain_html_is_no_template(text):
    assert detect(text) is None


def test_an_expression_in_a_file_without_markup_is_a_templates():
    assert detect("{{ self }}\n") == "jinja"
    assert detect("Read {{ value.text }} here") == "jinja"


def test_a_file_name_says_its_family():
    assert family_of_name("templates/story.njk") == "jinja"
    assert family_of_name("views/story.html.erb") == "erb"
    assert family_of_name("theme/single.php") == "php"
    assert family_of_name("partials/card.HBS") == "handlebars"
    assert family_of_name("story.html") is None


# -- what the page model parses ---------------------------------------------------------------

@pytest.mark.parametrize(("family", "text"), [
    ("jinja", CHILD), ("jinja", LAYOUT),
    ("handlebars", '{{!-- note --}}{{#if x}}<img alt="{{t "a>b"}}">{{else}}{{> card}}{{/if}}'),
    ("go", '{{/* note */}}{{ range .X }}<a href="{{ .URL }}">{{ .T }}</a>{{ end }}'),
    ("erb", '<%# note %>\n<% if x %><img alt="<%= t("photo") %>"><% end %>'),
    ("php", '<?php if ($x): ?>\n<h1><?= $a->title ?></h1><?php endif; ?><?php echo "x";'),
])
def test_the_text_parsed_keeps_every_offset_and_line(family, text):
    parsed = neutralise(text, family)
    assert len(parsed) == len(text)
    assert [i for i, c in enumerate(parsed) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"]


def test_statements_render_nothing_and_expressions_stay():
    parsed = neutralise('<p class="a {% if x %}b{% endif %}">{# c #}{{ f("x") }}</p>', "jinja")
    blank = " " * len("{% if x %}"), " " * len("{% endif %}"), " " * len("{# c #}")
    assert parsed == f'<p class="a {blank[0]}b{blank[1]}">{blank[2]}{{{{ f(\u2033x\u2033) }}}}</p>'


def test_an_expression_cannot_end_a_tag_or_a_value_early():
    parsed = neutralise('<img alt="{{ a if n > 1 else "b" }}">', "jinja")
    assert parsed.count('"') == 2 and parsed.count(">") == 1


def test_a_statement_that_writes_text_is_kept_as_an_expression():
    parsed = neutralise('<a href="{% url "home" %}">{% now "Y" %}</a>', "jinja")
    assert parsed == '<a href="{{ url \u2033home\u2033 }}">{{ now \u2033Y\u2033 }}</a>'


def test_a_block_comment_hides_its_markup():
    parsed = neutralise("{% comment %}<img src=x>{% endcomment %}<p>x</p>", "jinja")
    assert parsed.strip() == "<p>x</p>"


@pytest.mark.parametrize(("family", "text", "expected"), [
    ("erb", '<img alt="<%= h("x") %>">', '<img alt="{{  h(\u2033x\u2033) }}">'),
    ("php", "<h1><?= $t ?></h1>", "<h1>{{  $t }}</h1>"),
    ("php", "<p><?php echo $a->b; ?></p>", "<p>{{    echo $a-\u203ab; }}</p>"),
    ("php", "<p>x</p><?php foo();", "<p>x</p>            "),   # no ?> at the end of a file
])
def test_erb_and_php_expressions_are_written_as_expressions(family, text, expected):
    assert neutralise(text, family) == expected


# -- partials ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "fragment"), [
    ('<li class="card"><a href="/x">Story</a></li>', True),
    (CHILD, True),
    ("<!-- <html> --><header>Masthead</header>", True),
    ("<!DOCTYPE html><p>Page</p>", False),
    ("<html><p>Page</p></html>", False),
    ("<title>Page</title><p>Text</p>", False),
    (LAYOUT, False),
])
def test_a_partial_has_no_document_tag(text, fragment):
    assert is_fragment(text) is fragment


# -- the audit --------------------------------------------------------------------------------

def test_a_child_template_is_judged_as_a_partial_in_its_syntax(tmp_path):
    result, data = run(tmp_path, str(tmp_path / "story.html"), files={"story.html": CHILD})
    page = data["pages"][0]
    assert page["template"] == "jinja" and page["fragment"] is True
    found = outcomes(page)
    # the one real failure: an icon link with no name, whatever the data
    assert [outcome for outcome, _ in found.pop("link-name")] == ["failed"]
    assert found == {}
    for rule in ("document-title", "html-has-lang", "landmark-one-main", "region",
                 "page-has-heading-one", "skip-link-present", "doctype-html"):
        assert rule_outcome(page, rule) == "inapplicable"
    assert "read as a partial in jinja template syntax" in result.output
    assert "{% block" not in result.output


def test_what_an_expression_fills_in_is_the_rendered_pages_to_decide(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "base.html"), files={"base.html": LAYOUT})
    page = data["pages"][0]
    assert page["template"] == "jinja" and "fragment" not in page
    found = outcomes(page)
    for rule, value in (("html-lang-valid", 'lang="{{ locale }}"'),
                        ("valid-lang", 'lang="{{ other }}"'),
                        ("time-datetime-valid", 'datetime="{{ now|isoformat }}"'),
                        ("aria-roles", 'role="{{ role }}"')):
        (outcome, message), = found[rule]
        assert outcome == "cantTell"
        assert message.startswith(f"{value} is filled in when the template renders")
    # an expression that writes attributes may write alt; a value in src does not give one
    images = dict((message.split(": ")[0], outcome) for outcome, message in found["image-alt"])
    assert sorted(images.values()) == ["cantTell", "failed"]
    assert "an expression writes attributes of <img> ({{ attrs }})" in images


def test_what_the_templates_blocks_may_add_is_to_review(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "base.html"), files={"base.html": LAYOUT})
    (outcome, message), = outcomes(data["pages"][0])["page-has-heading-one"]
    assert outcome == "cantTell" and "blocks, includes and expressions" in message
    # the same markup as plain HTML: no level-one heading is a failure
    _, data = run(tmp_path, str(tmp_path / "base.html"), "--templates", "off")
    assert [o for o, _ in outcomes(data["pages"][0])["page-has-heading-one"]] == ["failed"]


def test_a_template_value_written_as_it_is_is_still_judged(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "t.html"), files={
        "t.html": '{% if x %}<!doctype html><html lang="xx-!!"><title>T</title>'
                  "<main><h1>T</h1></main></html>{% endif %}"})
    assert [o for o, _ in outcomes(data["pages"][0])["html-lang-valid"]] == ["failed"]


def test_an_item_at_the_top_of_a_partial_is_placed_by_the_layout(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "card.html"), str(tmp_path / "cards.html"), files={
        "card.html": '<li class="card"><a href="/x">Story</a></li>',
        "cards.html": '<div class="cards"><li><a href="/x">Story</a></li></div>'})
    card, cards = data["pages"]
    assert card["source"].endswith("card.html") and card["fragment"] is True
    assert [o for o, _ in outcomes(card)["listitem"]] == ["cantTell"]
    assert [o for o, _ in outcomes(cards)["listitem"]] == ["failed"]    # its parent is here


def test_a_partials_headers_and_footers_are_landmarks_as_the_layout_places_them(tmp_path):
    # a theme's entry header and footer: in the post's <article> once included, no landmarks
    entry = ('<div class="a"><header class="entry-header"><h2>A</h2></header></div>\n'
             '<div class="b"><header class="entry-header"><h2>B</h2></header></div>\n'
             '<footer class="entry-footer">x</footer><footer class="entry-footer">y</footer>\n'
             '<aside class="related">r</aside><aside class="more">m</aside>\n')
    _, data = run(tmp_path, str(tmp_path / "entry.html"), str(tmp_path / "page.html"), files={
        "entry.html": entry,
        "page.html": ("<!doctype html><html lang=en><title>T</title><body><main><h1>T</h1>"
                      f"</main>{entry}</body></html>")})
    partial, page = (outcomes(p) for p in data["pages"])
    for rule in ("landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo",
                 "landmark-unique"):
        assert {o for o, _ in partial[rule]} == {"cantTell"}, rule
        assert {o for o, _ in page[rule]} == {"failed"}, rule      # (a page is its own layout)
    (_, message), = partial["landmark-no-duplicate-banner"]
    assert message.startswith("<header> is a banner landmark only outside <article>, <aside>,"
                              " <main>, <nav> and <section>, and this partial has none around "
                              "it: where the layout includes it decides; as written: The page "
                              "has 2 banner landmarks")
    assert [message.split(" is ")[0] for _, message in partial["landmark-unique"]] == [
        "<header>", "<footer>", "<aside>"]


@pytest.mark.parametrize(("entry", "outcome"), [
    # one header the partial scopes itself (no landmark) and one it does not: one banner
    ('<article><header>A</header></article><header>B</header>', None),
    # a role the file gives is sure, with one it does not: two banners
    ('<div role="banner">A</div><header>B</header>', "cantTell"),
    ('<div role="banner">A</div><div role="banner">B</div>', "failed"),
    # named asides are landmarks wherever they stand
    ('<aside aria-label="More">A</aside><aside aria-label="More">B</aside>', "failed"),
])
def test_a_partials_landmarks_that_the_file_settles_are_judged(tmp_path, entry, outcome):
    _, data = run(tmp_path, str(tmp_path / "entry.html"), files={"entry.html": entry})
    found = outcomes(data["pages"][0])
    rule = "landmark-unique" if "aside" in entry else "landmark-no-duplicate-banner"
    assert [o for o, _ in found.get(rule, []) if o != "passed"] == (
        [outcome] if outcome else [])


def test_a_header_in_a_landmark_of_a_partial_may_be_none_at_the_top_level(tmp_path):
    found = rule_findings(tmp_path, "masthead.html",
                          '<div role="search"><header>Search the site</header></div>',
                          "landmark-banner-is-top-level")
    assert [outcome for outcome, _ in found] == ["cantTell"]
    assert found[0][1].startswith("<header> is a banner landmark only outside")


def test_partials_can_be_audited_as_pages(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "card.html"), "--fragments", "pages", files={
        "card.html": '<li class="card"><a href="/x">Story</a></li>'})
    page = data["pages"][0]
    assert "fragment" not in page
    assert rule_outcome(page, "document-title") == "failed"
    assert [o for o, _ in outcomes(page)["listitem"]] == ["failed"]


def test_templates_off_reads_the_syntax_as_text(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "base.html"), "--templates", "off",
                  files={"base.html": LAYOUT})
    page = data["pages"][0]
    assert "template" not in page
    assert [o for o, _ in outcomes(page)["html-lang-valid"]] == ["failed"]


def test_a_language_named_reads_a_file_whose_markup_does_not_say_it(tmp_path):
    text = '<!doctype html><html lang="{{ locale }}"><title>T</title><main><h1>T</h1></main>'
    _, data = run(tmp_path, str(tmp_path / "p.html"), files={"p.html": text})
    assert "template" not in data["pages"][0]      # an expression alone is not a template
    _, data = run(tmp_path, str(tmp_path / "p.html"), "--templates", "handlebars")
    page = data["pages"][0]
    assert page["template"] == "handlebars"
    assert [o for o, _ in outcomes(page)["html-lang-valid"]] == ["cantTell"]


def test_the_configuration_chooses_too(tmp_path):
    (tmp_path / ".a11y-audit.toml").write_text('templates = "off"\nfragments = "pages"\n')
    result = CliRunner().invoke(main, ["check", "--config", str(tmp_path / ".a11y-audit.toml"),
                                       "--print-config"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert (printed["templates"], printed["fragments"]) == ("off", "pages")
    (tmp_path / ".a11y-audit.toml").write_text('templates = "smarty"\n')
    result = CliRunner().invoke(main, ["check", "--config", str(tmp_path / ".a11y-audit.toml"),
                                       "x.html"])
    assert result.exit_code == 2
    assert "templates must be one of auto, off, jinja" in result.output


def test_a_page_a_server_sends_is_never_read_as_a_template(tmp_path):
    class Handler(QuietHandler):
        def do_GET(self):   # a page whose CMS leaked a statement: it is what readers get
            self.answer(200, b'<!doctype html><html lang="en"><title>T</title><main><h1>T'
                             b"</h1>{% if x %}<p>Text</p></main></html>")

    with serving(Handler) as httpd:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/story"
        _, data = run(tmp_path, url, "--no-robots")
    page = data["pages"][0]
    assert "template" not in page and "fragment" not in page


def test_standard_input_is_a_file_of_the_repository(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", "-", "-j", "1", "-o", str(out), "-f", "json"],
                                input='<li>{% trans "Home" %}</li>', catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    page = validate(out / "a11y-report.json")["pages"][0]
    assert page["template"] == "jinja" and page["fragment"] is True


def test_no_corpus_like_page_is_read_as_either():
    # a served page's markup, its scripts holding client-side templates
    page = ('<!DOCTYPE html><html><head><title>T</title><script type="text/template">'
            "{{#each x}}<li>{{y}}</li>{{/each}}{% if %}</script></head><body></body></html>")
    assert detect(page) is None and not is_fragment(page)


def test_a_heading_that_ends_a_partial_is_to_review(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "single.php"), files={
        "single.php": "<?php get_header(); ?>\n<main><h1><?= $title ?></h1></main>\n"})
    page = data["pages"][0]
    assert page["template"] == "php" and page["fragment"] is True
    (outcome, message), = outcomes(page)["heading-has-content"]
    assert outcome == "cantTell" and "ends this partial" in message


@pytest.mark.parametrize(("setting", "found"), [
    ("auto", ["card.html", "views/show.html.erb"]),
    ("php", ["card.html", "single.php"]),
    ("off", ["card.html"]),
])
def test_a_folders_walk_takes_the_templates_the_setting_reads(tmp_path, setting, found):
    site = tmp_path / "app"
    (site / "views").mkdir(parents=True)
    (site / "views" / "show.html.erb").write_text("<% if x %><h1><%= x %></h1><% end %>")
    (site / "single.php").write_text("<?php get_header(); ?><main><h1>x</h1></main>")
    (site / "functions.php.txt").write_text("not a page")
    (site / "card.html").write_text('<li class="card"><a href="/x">Story</a></li>')
    result = CliRunner().invoke(main, ["check", str(site), "--list-pages", "--templates",
                                       setting, "-q"])
    assert result.exit_code == 0, result.output
    listed = [line.removeprefix(f"{site}/") for line in result.output.splitlines()]
    assert listed == found


def test_explain_says_what_a_rule_does_with_templates_and_partials():
    result = CliRunner().invoke(main, ["explain", "html-lang-valid"])
    assert "On a partial: not run" in result.output
    assert "In a template: cantTell where an expression fills in lang, xml:lang." in (
        result.output)
    result = CliRunner().invoke(main, ["explain", "image-alt"])
    assert "On a partial" not in result.output
    result = CliRunner().invoke(main, ["explain", "landmark-unique"])
    assert "On a partial: cantTell where a <header>, <footer> or unnamed <aside>" in (
        result.output)


def test_colours_an_expression_fills_in_are_the_rendered_pages(tmp_path):
    page = ('<!doctype html><html lang="en"><title>T</title><style>'
            ".hed{{color:#eee;background:{background}}}</style><main>{{% if x %}}"
            '<h1 class="hed">Headline</h1>{{% endif %}}</main></html>')
    _, data = run(tmp_path, str(tmp_path / "t.html"),
                  files={"t.html": page.format(background="#fff")})
    assert [o for o, _ in outcomes(data["pages"][0])["color-contrast"]] == ["failed"]
    _, data = run(tmp_path, str(tmp_path / "t.html"),
                  files={"t.html": page.format(background="{{ theme.paper }}")})
    (outcome, message), = outcomes(data["pages"][0])["color-contrast"]
    assert outcome == "cantTell" and "a <style> element of the template" in message


def test_a_name_an_expression_fills_in_may_match_the_visible_text(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "t.html"), files={
        "t.html": '{% if x %}<a href="/" aria-label="{{ label }}">{{ text }}</a>{% endif %}'})
    assert [o for o, _ in outcomes(data["pages"][0])["label-content-name-mismatch"]] == [
        "cantTell"]


def test_the_html_report_says_how_a_file_was_read(tmp_path):
    (tmp_path / "card.html").write_text('<li>{% trans "Home" %}</li>')
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", str(tmp_path / "card.html"), "-o", str(out),
                                       "-f", "html"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    assert '<span class="ttl">partial, jinja template</span>' in (
        out / "a11y-report.html").read_text(encoding="utf-8")


def test_a_template_that_renders_a_feed_is_not_html_as_such_a_page_is_not(tmp_path):
    # Apache Roller's feed templates: a licence in the template language's comment first
    (tmp_path / "entries-atom.vm").write_text(
        "#** Licensed to the ASF *#<?xml version=\"1.0\" encoding='utf-8'?>\n"
        '#set($pager = $model.pager)\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>$model.title</title></feed>\n")
    # ... and an icon a layout includes, after a comment: a partial
    (tmp_path / "icon.hbs").write_text(
        '{{!-- the feed icon --}}<svg viewBox="0 0 24 24"><path d="M4 4"/></svg>\n')
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", str(tmp_path), "-o", str(out), "-f", "json"],
                                catch_exceptions=False)
    assert result.exit_code == 2, result.output
    data = validate(out / "a11y-report.json")
    assert [(p["source"].rpartition("/")[2], p["fragment"]) for p in data["pages"]] == [
        ("icon.hbs", True)]
    (error,) = data["errors"]
    assert error["source"].endswith("entries-atom.vm")
    assert error["message"] == "not HTML: an Atom feed"


def test_an_inline_svg_partial_is_a_partial_and_an_svg_image_is_not_a_page(tmp_path):
    icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M4 4"/></svg>'
    (tmp_path / "rss.hbs").write_text(icon)
    (tmp_path / "logo.svg").write_text(icon)
    (tmp_path / "declared.html").write_text('<?xml version="1.0"?>' + icon)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", str(tmp_path / "rss.hbs"),
                                       str(tmp_path / "logo.svg"), str(tmp_path / "declared.html"),
                                       "-o", str(out), "-f", "json"], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    data = validate(out / "a11y-report.json")
    assert [(p["source"].rpartition("/")[2], p.get("fragment")) for p in data["pages"]] == [
        ("rss.hbs", True)]
    assert sorted(e["source"].rpartition("/")[2] for e in data["errors"]) == [
        "declared.html", "logo.svg"]
    assert all("not HTML: an SVG image" in e["message"] for e in data["errors"])
    # as pages, every file is refused as before
    result = CliRunner().invoke(main, ["check", str(tmp_path / "rss.hbs"), "--fragments",
                                       "pages", "-o", str(out), "-f", "json"])
    assert result.exit_code == 2 and "not HTML: an SVG image" in result.output


def test_a_template_of_text_alone_is_audited_and_plain_text_is_refused(tmp_path):
    (tmp_path / "announcement.html").write_text("{% include 'disclaimer.html' %}\n")
    # a Wagtail block's template: an expression alone, and no markup at all
    (tmp_path / "paragraph_block.html").write_text("{{ value|richtext }}\n")
    (tmp_path / "notes.html").write_text("just words, no markup at all\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", str(tmp_path / "announcement.html"),
                                       str(tmp_path / "paragraph_block.html"),
                                       str(tmp_path / "notes.html"), "-o", str(out), "-f",
                                       "json"], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    data = validate(out / "a11y-report.json")
    assert [(p["source"].rpartition("/")[2], p["template"], p["fragment"])
            for p in data["pages"]] == [("announcement.html", "jinja", True),
                                        ("paragraph_block.html", "jinja", True)]
    assert [p["findings"] for p in data["pages"]] == [[], []]
    (error,) = data["errors"]
    assert error["source"].endswith("notes.html")
    assert error["message"] == "does not look like HTML (no markup)"


def test_javascript_and_typescript_files_are_refused_as_code(tmp_path):
    # a React component's JSX is code: read as HTML, "() =>" ended the button's tag and
    # named it with the code after it; a script holds no page
    (tmp_path / "Card.jsx").write_text(
        "export default () => <button onClick={() => go()}><Icon /></button>;\n")
    (tmp_path / "util.js").write_text('const x = "<b>hi</b>";\n')
    (tmp_path / "Card.html").write_text("<button></button>\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", str(tmp_path / "Card.jsx"),
                                       str(tmp_path / "util.js"), str(tmp_path / "Card.html"),
                                       "-o", str(out), "-f", "json"], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    data = validate(out / "a11y-report.json")
    assert [p["source"].rpartition("/")[2] for p in data["pages"]] == ["Card.html"]
    assert sorted((e["source"].rpartition("/")[2], e["message"]) for e in data["errors"]) == [
        ("Card.jsx", "JavaScript or TypeScript source, not markup (a component's JSX is code: "
                     "eslint-plugin-jsx-a11y judges it)"),
        ("util.js", "JavaScript or TypeScript source, not markup (a component's JSX is code: "
                    "eslint-plugin-jsx-a11y judges it)")]


# -- holes: markup another file or the data holds ----------------------------------------------

@pytest.mark.parametrize(("family", "token"), [
    ("jinja", '{% include "card.html" %}'), ("jinja", "{% block content %}"),
    ("jinja", "{{ story.body|safe }}"), ("handlebars", '{{> "icons/x"}}'),
    ("handlebars", "{{{body}}}"), ("go", '{{ partial "header.html" . }}'),
    ("go", "{{ .Content }}"), ("erb", "<%= render @stories %>"), ("erb", "<%= yield %>"),
    # Rails' helpers that write elements, and one given a block
    ("erb", '<%= link_to "Home", root_path %>'), ("erb", "<%= tag.li class: 'x' %>"),
    ("erb", "<%= csrf_meta_tags %>"), ("erb", '<%= image_tag "logo.png" %>'),
    ("erb", "<%= cache @story do %>"),
    # Rails' translation of a key ending in _html: markup the locale file holds
    ("erb", '<%= t(".intro_html", link: link) %>'), ("erb", "<%= t 'terms.html' %>"),
    ("php", "<?php get_template_part('card'); ?>"), ("php", "<?php the_content(); ?>"),
    # Wagtail's blocks, images and rich text; CKAN's snippets and links; Django's filters
    # that write paragraphs and links
    ("jinja", "{% include_block block %}"), ("jinja", "{% image page.photo fill-80x80 %}"),
    ("jinja", "{{ page.body|richtext }}"), ("jinja", "{% snippet 'package/item.html' %}"),
    ("jinja", "{% link_for _('Home'), named_route='home' %}"),
    ("jinja", "{{ story.text|linebreaks }}"),
    # a tag of the site's own library, written alone
    ("jinja", "{% breadcrumbs page %}"),
    # WordPress's functions that print markup by default, though named as a getter's, a
    # set-up's or a text's (a theme's sidebar: archives, meta links, the post's navigation)
    ("php", "<?php wp_get_archives( array( 'type' => 'monthly' ) ); ?>"),
    ("php", "<?php wp_register(); ?>"),
    ("php", "<?php get_calendar(); ?>"),
    ("php", "<?php the_post_navigation(); ?>"),
])
def test_what_writes_markup_is_a_hole(family, token):
    parsed = neutralise(f"<div>{token}</div>", family)
    assert parsed == f"<div><!--{'@' * (len(token) - 7)}--></div>"
    assert is_hole(parsed[9:-9])


@pytest.mark.parametrize(("family", "text"), [
    ("php", "<body <?php body_class(); ?>><p>x</p>"),          # among a tag's attributes
    ("jinja", "<title>{% block title %}{% endblock %}</title>"),  # in raw text
    ("handlebars", "<p>{{>x}}</p>"),                           # too short for a comment
])
def test_a_hole_where_no_comment_can_stand_is_blank(family, text):
    parsed = neutralise(text, family)
    assert "<!--" not in parsed and len(parsed) == len(text)


def test_holes_before_in_and_after_raw_text_are_told_apart():
    # (each raw-text element's tags are listed once: a search back from every hole made a
    # file of thousands of holes quadratic)
    inc = "{% include 'x.html' %}"
    text = (f"{inc}<TITLE>{inc}</title><p>{inc}</p><script>{inc}</SCRIPT>{inc}"
            f"<textarea>{inc}<textarea>{inc}</textarea>{inc}<title>{inc}")
    parsed = neutralise(text, "jinja")
    assert len(parsed) == len(text)
    marks = [parsed[at:at + len(inc)] for at in range(len(text)) if text.startswith(inc, at)]
    assert [mark.startswith("<!--") for mark in marks] == [
        True, False, True, False, True, False, False, True, False]


def test_a_comment_of_the_page_is_no_hole():
    assert not is_hole(" header ") and not is_hole("") and not is_hole(None)
    assert is_hole("@@@") and is_hole("@@\n@@")


def test_a_link_whose_content_an_include_writes_is_to_review(tmp_path):
    found = rule_findings(tmp_path, "links.hbs", (
        '<a class="social" href="{{twitter_url}}">{{> "icons/twitter"}}</a>'
        '<a class="social" href="{{rss_url}}"></a>'), "link-name")
    assert [outcome for outcome, _ in found] == ["cantTell", "failed"]
    assert found[0][1].startswith("an include, a block or a raw expression writes content "
                                  "inside <a>")


def test_a_section_an_include_fills_is_no_empty_section(tmp_path):
    found = rule_findings(tmp_path, "metrics.html", (
        "{% load humanize %}<section><h3>Race</h3>{% include 'metric.html' %}"
        "<h3>Income</h3><p>{{ income|intcomma }}</p><h3>Risk</h3><h3>Age</h3><p>x</p>"
        "</section>"), "heading-has-content")
    assert [outcome for outcome, _ in found] == ["cantTell", "failed"]
    assert "Risk" in found[1][1]


def test_a_layouts_body_is_no_content_outside_landmarks(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "default.hbs"), files={"default.hbs": (
        '<!doctype html><html lang="en"><head><title>{{meta_title}}</title></head><body>'
        '<header><a href="/">{{@site.title}}</a></header><div class="site-content">'
        "{{{body}}}</div><p>Stray</p><footer>x</footer></body></html>")})
    found = outcomes(data["pages"][0])
    assert [message for _, message in found["region"]] == [
        'Content outside every landmark: "Stray"']


def test_wordpress_template_tags_write_text_or_markup(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "content.php"), files={"content.php": (
        '<article><h2><a href="<?php the_permalink(); ?>"><?php the_title(); ?></a></h2>'
        '<a href="<?php the_permalink(); ?>"><?php the_post_thumbnail(); ?></a>'
        "<?php the_excerpt(); ?></article>")})
    page = data["pages"][0]
    assert page["template"] == "php" and page["fragment"] is True
    found = outcomes(page)
    # the headline link has the title's text; the thumbnail link's content is a hole
    assert [outcome for outcome, _ in found["link-name"]] == ["cantTell"]


def test_explain_says_where_content_a_template_writes_decides():
    result = CliRunner().invoke(main, ["explain", "link-name"])
    assert "In a template: cantTell where an expression fills in aria-labelledby." in (
        result.output)
    assert ("In a template: cantTell where an include, a block or a raw expression writes "
            "some of the element's content.") in result.output


def test_explain_says_an_else_may_part_duplicates():
    output = CliRunner().invoke(main, ["explain", "duplicate-id-aria"]).output
    assert "In a template: cantTell where an expression fills in id." in output
    assert "In a template: cantTell where an else stands between the element and the others" in (
        output)


def test_headings_an_include_may_write_between_two_levels_are_to_review(tmp_path):
    found = rule_findings(tmp_path, "story.html", (
        "{% extends 'base.html' %}{% block content %}<h1>{{ story.headline }}</h1>"
        "{% include 'story_body.html' %}<h3>Related</h3><h5>More</h5>{% endblock %}"),
        "heading-order")
    assert [outcome for outcome, _ in found] == ["cantTell", "failed"]
    assert found[0][1].startswith("an include, a block, a raw expression or a heading whose "
                                  "level the data decides stands between them")


@pytest.mark.parametrize(("text", "family"), [
    ('{{/* a hook */}}\n{{- partials.Include "filter.html" . -}}', "go"),
    ("{{ $title := .Title }}<h1>{{ $title }}</h1>", "go"),
    ("<h1>{{- title -}}</h1>{% if subtitle %}<p>{{ subtitle }}</p>{% endif %}", "jinja"),
])
def test_go_is_known_by_its_comments_trim_markers_and_variables(text, family):
    assert detect(text) == family


def test_a_wordpress_header_is_judged_as_its_pages_open_it(tmp_path):
    header = ('<!doctype html>\n<html <?php language_attributes(); ?>>\n<head>'
              '<title><?php wp_title(); ?></title><?php wp_head(); ?></head>\n'
              '<body <?php body_class(); ?>>\n<a class="skip-link" href="#content">'
              "<?php esc_html_e( 'Skip to content', 'theme' ); ?></a>\n"
              '<header id="masthead"><?php get_template_part( "header/site-branding" ); ?>'
              '</header>\n<div id="content" class="site-content">')
    _, data = run(tmp_path, str(tmp_path / "header.php"), files={"header.php": header})
    page = data["pages"][0]
    assert page["template"] == "php" and "fragment" not in page
    found = outcomes(page)
    # language_attributes() writes the lang: what it writes is the rendered page's
    (outcome, message), = found["html-has-lang"]
    assert outcome == "cantTell" and message.startswith("an expression writes attributes of "
                                                        "<html>")
    # the skip link leads to the #content its page opens: no content outside landmarks
    assert "region" not in found


def test_php_code_that_quotes_markup_is_a_partial(tmp_path):
    code = ("<?php\nfunction theme_title() {\n  return '<title>' . get_bloginfo() . "
            "'</title>';\n}\n")
    _, data = run(tmp_path, str(tmp_path / "functions.php"), files={"functions.php": code})
    page = data["pages"][0]
    assert page["fragment"] is True and page["findings"] == []


def test_a_folder_of_php_templates_says_how_to_audit_them(tmp_path):
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "single.php").write_text("<?php get_header(); ?><main></main>")
    result = CliRunner().invoke(main, ["check", str(theme), "--list-pages"])
    assert result.exit_code == 2
    assert ("folder holds no .html, .htm, .html.gz or WARC files (its PHP templates are "
            "audited with --templates php)") in result.output


@pytest.mark.parametrize(("family", "token", "text"), [
    ("jinja", '{% trans "Read more" %}', "Read more"),
    ("jinja", "{{ _('Close') }}", "Close"),
    ("jinja", '{{- gettext("Menu") -}}', "Menu"),
    ("handlebars", '{{t "Theme errors"}}', "Theme errors"),
    ("php", "<?php esc_html_e( 'Skip to content', 'theme' ); ?>", "Skip to content"),
    ("php", '<?= __("Search") ?>', "Search"),
    ("erb", '<%= t("Subscribe") %>', "Subscribe"),
])
def test_a_translation_is_read_as_its_text(family, token, text):
    parsed = neutralise(f"<a>{token}</a>", family)
    assert parsed == f"<a>{text}{' ' * (len(token) - len(text))}</a>"


@pytest.mark.parametrize("token", [
    '{{ _("Hello, " ~ name) }}',       # the text and data
    "{{ _(label) }}",                  # data only
    '{{ title|default("News") }}',     # not a translation
])
def test_what_is_not_a_translation_of_text_alone_stays_an_expression(token):
    assert neutralise(token, "jinja").startswith("{{")


def test_a_translated_link_text_is_judged(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "teaser.html"), files={"teaser.html": (
        '{% load i18n %}<article><h2><a href="{{ story.url }}">{{ story.title }}</a></h2>'
        '<a href="{{ story.url }}">{% trans "Read more" %}</a></article>')})
    (outcome, message), = outcomes(data["pages"][0])["link-text-generic"]
    assert outcome == "failed" and 'Link text "Read more"' in message


@pytest.mark.parametrize(("name", "text"), [
    ("agenda.html.j2", '<p><a href="{{ url }}">{{ link }}</a> <a href="/n">{{ more }}</a></p>'),
    ("card.cshtml", '<p><a href="@Model.Url">@Model.More</a></p>'),
    ("card.erb", '<p><a href="<%= url %>" aria-label="<%= more %>">x</a></p>'),
])
def test_a_link_text_an_expression_writes_is_the_datas_not_its_names_words(
        tmp_path, name, text):
    # Superdesk Newsroom's print template: <a href={{ link | safe }}>{{ link }}</a>
    _, data = run(tmp_path, str(tmp_path / name), "--include-passed", files={name: text})
    found = outcomes(data["pages"][0])["link-text-generic"]
    assert found and {outcome for outcome, _ in found} == {"passed"}
    assert all("is what the template's data writes" in message for _, message in found)


def test_a_generic_link_text_an_include_may_complete_is_the_rendered_pages(tmp_path):
    # Ghost's Headline theme: "Show more" and an icon partial, which may write hidden text
    (outcome, message), = rule_findings(tmp_path, "topic.hbs", (
        '<section><h2>{{name}}</h2><a class="gh-topic-link" href="{{url}}">Show more '
        '{{> "icons/arrow-right"}}</a></section>'), "link-text-generic")
    assert outcome == "cantTell" and "writes content inside <a>" in message


@pytest.mark.parametrize(("family", "text"), [
    ("go", "{{ if .Cover }}<header class=cover>{{ .Title }}</header>{{ else }}<header>"
           "{{ .Title }}</header>{{ end }}"),
    ("jinja", "{% if cover %}<header class=cover>{{ t }}</header>{% elif x %}<p>x</p>"
              "{% else %}<header>{{ t }}</header>{% endif %}"),
    ("handlebars", "{{#if cover}}<header class=cover>{{t}}</header>{{else}}<header>{{t}}"
                   "</header>{{/if}}"),
    ("erb", "<% if cover %><header class=cover><%= t %></header><% else %><header><%= t %>"
            "</header><% end %>"),
    ("php", "<?php if ( $cover ) : ?><header class=cover><?= $t ?></header><?php else : ?>"
            "<header><?= $t ?></header><?php endif; ?>"),
])
def test_the_branches_of_a_conditional_may_be_alternatives(tmp_path, family, text):
    name = {"go": "h.gohtml", "jinja": "h.njk", "handlebars": "h.hbs", "erb": "h.erb",
            "php": "h.php"}[family]
    _, data = run(tmp_path, str(tmp_path / name), files={name: text})
    (outcome, message), = outcomes(data["pages"][0])["landmark-no-duplicate-banner"]
    assert outcome == "cantTell" and message.startswith("an else of the template stands "
                                                        "between them")


BLOCKS = """<!-- wp:template-part {"slug":"header","tagName":"header"} /-->
<!-- wp:group {"tagName":"main","layout":{"type":"constrained"}} -->
<main class="wp-block-group"><!-- wp:heading {"level":1} -->
<h1 class="wp-block-heading">Page not found</h1>
<!-- /wp:heading -->
<!-- wp:search {"label":"","buttonText":"Search"} /-->
<!-- wp:heading {"level":2} -->
<h2 class="wp-block-heading">Latest</h2>
<!-- /wp:heading -->
<!-- wp:query {"queryId":1,"query":{"perPage":4}} /-->
<!-- wp:heading {"level":2} -->
<h2 class="wp-block-heading">Most read</h2>
<!-- /wp:heading --></main>
<!-- /wp:group -->
"""


def test_wordpress_block_markup_is_read_as_wordpress_renders_it(tmp_path):
    # a block theme's template (the Newspack block theme's): the group's comments render
    # nothing around its markup, each dynamic block writes WordPress's markup (a hole)
    parsed = neutralise(BLOCKS, "wordpress")
    assert_same_lines(parsed, BLOCKS)
    lines = parsed.splitlines()
    assert is_hole(lines[0][4:-3]) and is_hole(lines[5][4:-3]) and is_hole(lines[9][4:-3])
    assert lines[1] == BLOCKS.splitlines()[1]       # a static block's comment, as written
    assert "<h2 class=\"wp-block-heading\">Latest</h2>" in parsed
    # the query loop writes the posts after "Latest": no heading followed by another
    _, data = run(tmp_path, str(tmp_path / "404.html"), "--include-passed",
                  files={"404.html": BLOCKS})
    page = data["pages"][0]
    assert page["template"] == "wordpress" and page["fragment"] is True
    found = outcomes(page)["heading-has-content"]
    assert ("failed", 'Heading "Latest" is followed directly by the level-2 heading '
            '"Most read"') not in found
    assert {outcome for outcome, _ in found} <= {"passed", "cantTell"}


@pytest.mark.parametrize(("text", "holes"), [
    ("<!-- wp:post-content /-->", 1),
    ('<!-- wp:query {"query":{"perPage":4}} /-->', 1),
    ('<!-- wp:navigation{"ref":4}/-->', 1),
    # a block with content, its end, and one whose comment never ends (what follows is
    # the comment's, as HTML reads it; each comment's end is looked for once)
    ("<!-- wp:group --><p>x</p><!-- /wp:group -->", 0),
    ('<!-- wp:query /--><p><!-- wp:image {"id":1 </p><!-- wp:spacer /-->', 1),
])
def test_a_dynamic_block_is_a_self_closing_block_comment(text, holes):
    parsed = neutralise(text, "wordpress")
    assert len(parsed) == len(text)
    assert parsed.count("<!--@") == holes


def test_a_logo_link_and_its_text_alternative_may_be_alternatives(tmp_path):
    # freeCodeCamp's Ghost theme: the logo image, or the site's title where it has none
    found = rule_findings(tmp_path, "site-nav.hbs", (
        '<nav>{{#if @site.logo}}<a href="{{@site.url}}"><img src="{{@site.logo}}" '
        'alt="{{@site.title}}"></a>{{else}}<a href="{{@site.url}}">{{@site.title}}</a>{{/if}}'
        '</nav><article><a href="/s"><img src="a.jpg" alt="Storm"></a>'
        '<a href="/s">Storm hits coast</a></article>'), "link-adjacent-duplicate")
    assert [outcome for outcome, _ in found] == ["cantTell", "failed"]
    assert found[0][1].startswith("an else of the template stands between them")


def test_two_banners_in_one_branch_are_two(tmp_path):
    # (a page: in a partial, where the layout includes a <header> decides whether it is a
    # banner at all)
    _, data = run(tmp_path, str(tmp_path / "h.njk"), files={"h.njk": (
        "<!doctype html><html lang=en><title>T</title><body>"
        "{% if x %}<header>A</header><header>B</header>{% else %}<p>x</p>{% endif %}")})
    assert [o for o, _ in outcomes(data["pages"][0])["landmark-no-duplicate-banner"]] == [
        "failed"]


def test_a_templates_head_include_is_a_partial(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "head.html"), files={"head.html": (
        '<head><meta charset="utf-8"><title>{% if page.title %}{{ page.title }}'
        "{% endif %}</title></head>")})
    page = data["pages"][0]
    assert page["template"] == "jinja" and page["fragment"] is True
    assert rule_outcome(page, "html-has-lang") == "inapplicable"


def test_headings_in_two_branches_follow_no_one(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "branding.php"), files={"branding.php": (
        "<?php if ( is_front_page() ) : ?><h1><?php echo esc_html( $name ); ?></h1>"
        "<?php elseif ( is_home() ) : ?><h1><a href='/'><?php echo esc_html( $name ); ?>"
        "</a></h1><?php else : ?><h3><?php printf( esc_html__( 'By %s', 'x' ), $a ); ?>"
        "</h3><?php endif; ?><p>Text</p>")})
    found = outcomes(data["pages"][0])
    assert [o for o, _ in found["heading-has-content"]] == ["cantTell"]
    assert [o for o, _ in found["heading-order"]] == ["cantTell"]
    assert "empty-heading" not in found        # printf() writes the heading's text


def test_a_translation_over_lines_keeps_every_line():
    text = '<p>{{\n  _("Read more about the flood")\n}}</p>\n<img src="x">'
    parsed = neutralise(text, "jinja")
    assert [i for i, c in enumerate(parsed) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"]


def test_a_php_call_after_another_among_a_tags_attributes_writes_attributes():
    parsed = neutralise('<html class="<?php echo $c; ?>" <?php language_attributes(); ?>>',
                        "php")
    assert parsed.endswith('" {{    language_attributes(); }}>')


def test_a_layouts_skip_link_may_lead_into_a_block(tmp_path):
    (outcome, message), = rule_findings(tmp_path, "_base.html", (
        '<!doctype html><html lang="en"><title>{% block title %}{% endblock %}</title><body>'
        '<a class="sr-only" href="#content">Skip to content</a><header>Site</header>'
        "{% block content %}{% endblock %}</body></html>"), "skip-link")
    assert outcome == "cantTell" and "blocks, includes and expressions" in message


def test_content_outside_landmarks_that_only_expressions_write_is_to_review(tmp_path):
    found = rule_findings(tmp_path, "_base.html", (
        '<!doctype html><html lang="en"><title>T</title><body><div>{{ CSS.render() }} '
        "{{ JS.render() }}</div><p>Stray {{ name }}</p><main>{% block content %}{% endblock %}"
        "</main></body></html>"), "region")
    assert [outcome for outcome, _ in found] == ["cantTell", "failed"]
    assert found[1][1] == 'Content outside every landmark: "Stray {{ name }}"'


def test_a_new_window_links_cue_may_be_in_what_an_include_writes(tmp_path):
    found = rule_findings(tmp_path, "social.hbs", (
        '<a href="{{twitter_url}}" target="_blank">{{> "icons/twitter"}}</a>'
        '<a href="{{site_url}}" target="_blank">Our site{{> "icons/external"}}</a>'
        '<a href="{{about_url}}" target="_blank">About us</a>'), "link-new-window-or-file")
    assert [outcome for outcome, _ in found] == ["cantTell", "cantTell", "failed"]
    assert found[0][1] == ("The link opens a new window; an include or a block writes its "
                           "content, where the rendered page may say so")


def test_a_stylesheet_a_template_expression_links_says_so(tmp_path):
    (outcome, message), = rule_findings(tmp_path, "default.hbs", (
        '<!doctype html><html lang="en"><head><title>{{meta_title}}</title>'
        '<link rel="stylesheet" href="{{asset "built/screen.css"}}"></head>'
        "<body><main><p>Text</p></main></body></html>"), "color-contrast")
    assert outcome == "cantTell"
    assert message.endswith("(a template expression gives its address: supply the site's "
                            "CSS with --stylesheet and judge without the link: "
                            "--missing-stylesheets ignore)")


def test_an_svg_sprites_titles_are_its_symbols_not_a_page(tmp_path):
    sprite = ('<svg style="position: absolute; width: 0; height: 0"><defs>'
              '<symbol id="twitter"><title>twitter</title><path d="M0 0"/></symbol></defs></svg>')
    _, data = run(tmp_path, str(tmp_path / "svg-defs.html"), files={"svg-defs.html": sprite})
    page = data["pages"][0]
    assert page["fragment"] is True and page["findings"] == []
    assert is_fragment(sprite) and not is_fragment("<title>Page</title>" + sprite)


def test_alt_text_the_data_fills_in_is_no_placeholder(tmp_path):
    found = rule_findings(tmp_path, "photo.html", (
        '{% if image %}<figure><img src="{{ image.url }}" alt="{{ alt_text }}">'
        "<figcaption>{{ caption }}</figcaption></figure>"
        '<figure><img src="{{ image.url }}" alt="image"><figcaption>{{ caption }}'
        "</figcaption></figure>{% endif %}"), "figure-image-alt")
    assert [outcome for outcome, _ in found] == ["cantTell", "failed"]
    assert found[0][1].startswith('alt="{{ alt_text }}" is filled in when the template renders')


# -- what Drupal's, Shopify's, GOV.UK's and Eleventy's templates write --------------------------

def test_an_expression_against_a_tag_name_writes_attributes():
    # Drupal writes every element's attributes so: the tag's name ends before the expression
    parsed = neutralise('<dl{{ attributes }}><dt>a</dt></dl><li{{x}}>b</li>', "jinja")
    assert parsed == '<dl {{attributes }}><dt>a</dt></dl><li {{}}>b</li>'
    assert neutralise("<div<?= $attrs ?>>x</div>", "php") == "<div {{ $attrs }}>x</div>"


@pytest.mark.parametrize("text", [
    '<ul class="tabs">{{ primary }}</ul>',
    # (a statement's ">" is no tag's end)
    "<ul>\n{% for item in items %}\n  {% if item | length > 0 %}\n    {{ _pageItem(item) }}\n"
    "  {% endif %}\n{% endfor %}\n</ul>",
    "<table><tr><td>a</td>{{ cells }}</tr></table>",
    "<select name=s>{{ options }}</select>",
])
def test_an_expression_where_only_elements_stand_writes_markup(text):
    parsed = neutralise(text, "jinja")
    assert len(parsed) == len(text) and "{{" not in parsed
    assert is_hole(parsed[parsed.index("<!--") + 4:parsed.index("-->")])


@pytest.mark.parametrize(("text", "holes"), [
    # GOV.UK Frontend: a component's macro, imported, writes the component's markup
    ('{% from "govuk/components/button/macro.njk" import govukButton %}\n'
     '<main>{{ govukButton({ text: "Save" }) }}</main>', ["govukButton"]),
    # a namespace of macros (Jinja, Nunjucks, Twig); in an attribute, a macro writes text
    ('{%- import "icons.html" as icons -%}<a href="/rss">{{ icons.rss() }}</a>'
     '<a class="{{ icons.classes(x) }}" href="/">{{ icons }}</a>', ["icons.rss"]),
    # imported under another name, several at once, with the caller's context
    ("{% from 'cards.njk' import card as teaser, byline with context %}"
     "<li>{{ teaser(story) }}</li><p>{{ byline(story) }}</p><p>{{ card(story) }}</p>",
     ["teaser", "byline"]),
    # defined in the file (Twig 2 calls them on _self)
    ("{% macro card(s) %}<a>{{ s.title }}</a>{% endmacro %}<li>{{ card(x) }}</li>"
     "<li>{{ _self.card(x) }}</li><li>{{ cards(x) }}</li>", ["card", "_self.card"]),
    # no macro: a function's call writes text
    ("<p>{{ format_date(story.date) }}</p>", []),
])
def test_a_call_of_a_macro_the_file_imports_or_defines_writes_markup(text, holes):
    parsed = neutralise(text, "jinja")
    assert len(parsed) == len(text)
    written = [text[found.start():found.end()] for found in re.finditer(r"<!--@+-->", parsed)]
    assert [call[2:].strip().split("(")[0] for call in written] == holes


def test_a_link_a_macro_fills_is_to_review(tmp_path):
    found = rule_findings(tmp_path, "share.njk", (
        '{% import "icons.njk" as icons %}<a href="{{ twitter }}">{{ icons.twitter() }}</a>'
        '<a href="{{ rss }}">{{ feed_title(site) }}</a><a href="/x"></a>'), "link-name")
    # (the second, named by the text a function writes, passes: not listed)
    assert [outcome for outcome, _ in found] == ["cantTell", "failed"]
    assert found[1][1].startswith('Link <a href="/x">')


@pytest.mark.parametrize("text", [
    "<li>{{ item.title }}</li>",
    "<p>{% if a > b %}{{ x }}{% endif %}</p>",
    "<ul><li>a</li></ul>{{ after }}",
])
def test_an_expression_in_text_content_stays_text(text):
    assert "{{" in neutralise(text, "jinja")


def test_a_translation_filter_on_a_text_is_that_text_and_a_key_is_not():
    text = "<a>{{ 'Home'|t }}</a><b>{{ \"Menu\" | trans }}</b>"
    parsed = neutralise(text, "jinja")
    assert len(parsed) == len(text) and parsed.split() == ["<a>Home", "</a><b>Menu", "</b>"]
    # Shopify's and i18next's keys name a text in the locale files: the data's to decide
    for text in ("<a>{{ 'general.search.search' | t }}</a>", '<a>{{ t("nav.home") }}</a>'):
        assert neutralise(text, "jinja").startswith("<a>{{")
    # and so does Rails' lazy key, relative to the view
    assert neutralise('<a><%= t(".home") %></a>', "erb").startswith("<a>{{")


@pytest.mark.parametrize("text", [
    "{% capture sizes %}<ul>(min-width: 750px) 50vw</ul>{% endcapture %}",
    "{% set tag_url %}/tags/{{ tag | slugify }}/{% endset %}",
    "{%- schema -%}{\"name\": \"<p>\"}{%- endschema -%}",
    "{% javascript %}document.write('<ul>x</ul>'){% endjavascript %}",
])
def test_what_a_block_captures_is_not_written_where_it_stands(text):
    assert neutralise(text + "<p>x</p>", "jinja").strip() == "<p>x</p>"


@pytest.mark.parametrize("expression", [
    "{{- 'icon-close.svg' | inline_asset_content -}}",
    "{{ product.featured_image | image_url: width: 600 | image_tag }}",
    "{{ include('@olivero/../images/search.svg') }}",
    "{{ post.body | markdownify }}",
])
def test_a_filter_or_function_that_writes_markup_is_a_hole(expression):
    parsed = neutralise(f"<button>{expression}</button>", "jinja")
    assert is_hole(parsed[len("<button><!--"):-len("--></button>")])


def test_drupals_attribute_writing_lists_are_lists(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "links.html.twig"), files={"links.html.twig": (
        "<ul{{ attributes.addClass('links') }}>{% for item in items %}"
        "<li{{ item.attributes }}>{{ item.link }}</li>{% endfor %}</ul>\n"
        "<dl{{ attributes }}>{% for item in items %}<dt>{{ item.term }}</dt>"
        "<dd>{{ item.text }}</dd>{% endfor %}</dl>\n"
        '<ul class="tabs">{{ primary }}</ul>')})
    page = data["pages"][0]
    assert {"list", "dlitem", "listitem"}.isdisjoint(
        rule for rule, found in outcomes(page).items()
        if any(outcome == "failed" for outcome, _ in found))
    # read as plain HTML, the same file's lists fail (<dl{{ is no <dl>, and the tabs' text)
    _, data = run(tmp_path, str(tmp_path / "links.html.twig"), "--templates", "off")
    assert {"list", "dlitem"} <= {
        rule for rule, found in outcomes(data["pages"][0]).items()
        if any(outcome == "failed" for outcome, _ in found)}


def test_a_new_window_cue_the_layout_holds_is_the_rendered_pages(tmp_path):
    link = ('<a href="{{ shop.url }}" target="_blank" aria-describedby="new-window">'
            "{{ 'gift_cards.issued.shop_link' | t }}</a>")
    # a partial: the layout holds the description (Shopify's themes)
    (outcome, message), = rule_findings(tmp_path, "link.liquid", link,
                                        "link-new-window-or-file")
    assert outcome == "cantTell"
    assert message.startswith('aria-describedby refers to id "new-window", which this file')
    # the description's text is a translation the data gives
    (outcome, message), = rule_findings(tmp_path, "card.liquid", link + (
        "<span id=new-window>{{ 'accessibility.new_window' | t }}</span>"),
        "link-new-window-or-file")
    assert outcome == "cantTell" and message.startswith("the text of #new-window")
    # the same partial as plain HTML with the description written: a plain failure
    (outcome, _), = rule_findings(tmp_path, "plain.html", (
        '<a href="/shop" target="_blank" aria-describedby="d">Shop</a><span id=d>Shop</span>'),
        "link-new-window-or-file")
    assert outcome == "failed"


def test_a_target_the_data_fills_in_may_open_no_new_window(tmp_path):
    (outcome, message), = rule_findings(
        tmp_path, "menu.twig", '{% for item in items %}<a target="{{ item.target }}" '
        'href="{{ item.link }}">{{ item.title }}</a>{% endfor %}', "link-new-window-or-file")
    assert outcome == "cantTell" and message.startswith('target="{{ item.target }}" is filled')


def test_an_images_role_may_depend_on_alt_the_data_fills_in(tmp_path):
    found = rule_findings(tmp_path, "icon.liquid", (
        '<img src="{{ a | image_url }}" alt="{{ a.alt | escape }}" role="presentation">'
        '<img src="b.png" alt="Chart" role="presentation">'), "aria-allowed-role")
    assert sorted(outcome for outcome, _ in found) == ["cantTell", "failed"]


def test_a_header_whose_rows_an_include_writes_is_the_rendered_pages(tmp_path):
    table = ('<table><thead><tr><th scope="col">{{ "Product"|t }}</th></tr></thead>'
             "<tbody>{% for item in items %}{% render 'order-row', item: item %}"
             "{% endfor %}</tbody></table>")
    (outcome, message), = rule_findings(tmp_path, "order.liquid", table, "th-has-data-cells")
    assert outcome == "cantTell" and "inside the <table> of <th>" in message


def test_a_label_for_an_id_written_in_two_branches_may_name_either(tmp_path):
    text = ("{% if horizontal %}<label for=SortBy>Sort</label><select id=SortBy></select>"
            "{% endif %}<p>{{ count }} results</p>"
            "{% if vertical %}<label for=SortBy>Sort</label><select id=SortBy></select>"
            "{% endif %}")
    (outcome, message), = rule_findings(tmp_path, "facets.liquid", text, "select-name")
    assert outcome == "cantTell" and message.startswith('id "SortBy" is written twice')


def test_explain_says_what_another_file_may_hold():
    output = CliRunner().invoke(main, ["explain", "link-new-window-or-file"]).output
    assert "In a template: cantTell where an expression fills in target, aria-describedby." in (
        output)
    assert ("In a partial or a template: cantTell where aria-describedby points at an id the "
            "file does not hold, or at text an expression writes.") in output
    output = CliRunner().invoke(main, ["explain", "th-has-data-cells"]).output
    assert "writes some of the content of the element's table." in output
    output = CliRunner().invoke(main, ["explain", "select-name"]).output
    assert "the template writes the element's id twice" in output


def test_a_lists_wrong_child_is_certain_whatever_its_items_include(tmp_path):
    # Drupal's pager: an icon include inside an item writes that item's content, and the
    # ellipsis item's role="presentation" stays wrong whatever it writes
    text = ('<ul class="pager">{% if prev %}<li><a href="{{ prev }}">{{ include("p.svg") }}'
            '</a></li>{% endif %}<li role="presentation">&hellip;</li></ul>\n'
            "<dl><dt>Byline</dt>{% include 'byline-description.html' %}</dl>")
    _, data = run(tmp_path, str(tmp_path / "pager.html.twig"), files={"pager.html.twig": text})
    found = outcomes(data["pages"][0])
    assert [outcome for outcome, _ in found["list"]] == ["failed"]
    # the include among the description list's children may write its <dd>
    (outcome, message), = found["definition-list"]
    assert outcome == "cantTell" and "writes some of the children of <dl>" in message


@pytest.mark.parametrize("text", [
    "<a href=x><%- include('icons/share') %></a>",
    '<a href=x><%= await t.includeStatic("../static/icons/open.svg") %></a>',
])
def test_an_ejs_include_writes_markup(text):
    parsed = neutralise(text, "erb")
    assert is_hole(parsed[len("<a href=x><!--"):-len("--></a>")])


def test_what_an_erb_block_captures_or_scripts_is_not_the_pages_text():
    # GOV.UK's share links: each link's text captured, then written by link_to in an item;
    # a layout's body captured for its yield; a script a helper's block writes
    text = ("<ul>\n<% links.each do |link| %>\n<% link_text = capture do %>\n"
            '<% if link[:hidden] %><span class="visually-hidden"><%= link[:hidden] %></span>'
            "<% end %>\n<% end %>\n<li><%= link_to link_text, link[:href] %></li>\n"
            "<% end %>\n</ul>\n<% content_for :body do %><main><%= yield %></main><% end %>\n"
            "<%= javascript_tag nonce: true do -%>\ndocument.body.className += ' js';\n"
            "<% end %>\n<p>Kept</p>")
    parsed = neutralise(text, "erb")
    assert_same_lines(parsed, text)
    assert "<span" not in parsed and "<main>" not in parsed and "className" not in parsed
    assert "<li><!--@" in parsed and "<p>Kept</p>" in parsed


def test_a_tag_whose_name_the_data_decides_keeps_its_content():
    text = ('<h{{ level }} class="title">Results</h{{ level }}><ul><li>a</li></ul>'
            "<{{ heading.level }}{{ heading.attributes }}>Links</{{ heading.level }}>")
    parsed = neutralise(text, "jinja")
    assert len(parsed) == len(text)
    assert parsed == ('<h--level---- class="title">Results</h--level----><ul><li>a</li></ul>'
                      "<t--heading.level--- {{heading.attributes }}>Links"
                      "</t--heading.level--->")


def test_an_item_in_a_list_whose_name_the_data_decides_is_the_rendered_pages(tmp_path):
    # Drupal's item-list.html.twig: <{{ list_type }}> is a <ul> or an <ol>
    (outcome, message), = rule_findings(tmp_path, "item-list.html.twig", (
        "<div><{{ list_type }}>{% for item in items %}<li>{{ item.value }}</li>{% endfor %}"
        "</{{ list_type }}></div>"), "listitem")
    assert outcome == "cantTell"
    assert message.startswith("an expression writes the name of an element around <li>")


def test_a_heading_whose_level_the_data_decides_may_be_the_missing_level(tmp_path):
    # GOV.UK Frontend's components take their heading level as a parameter
    found = rule_findings(tmp_path, "panel.njk", (
        "<h1>Apply</h1><div class=panel><h{{ params.headingLevel }}>Done"
        "</h{{ params.headingLevel }}></div><h3>Next steps</h3><h5>More</h5>"),
        "heading-order")
    assert [outcome for outcome, _ in found] == ["cantTell", "failed"]
    assert "a heading whose level the data decides" in found[0][1]


@pytest.mark.parametrize(("text", "kind"), [
    # Newspack's author links: a translators' note before the printf()
    ("<a href=x><?php\n/* translators: %s is the author's name. */\nprintf( esc_html__( "
     "'More by %s', 'newspack' ), esc_html( $name ) );\n?></a>", "text"),
    # a block of code that echoes text in its branches
    ("<h2><?php\nif ( comments_open() ) {\n  echo esc_html( __( 'Join the conversation' ) );"
     "\n} ?></h2>", "text"),
    # ... or prints it (Newspack's comments title)
    ("<h2><?php if ( $one ) {\n  /* translators: %s: post title */\n  printf( _x( 'One "
     "reply on %s', 'comments title' ), get_the_title() );\n} ?></h2>", "text"),
    # ... or markup, or calls what writes markup
    ("<ul><?php foreach ( $items as $i ) { echo '<li>' . esc_html( $i ) . '</li>'; } ?></ul>",
     "hole"),
    ("<div><?php if ( is_single() ) { get_template_part( 'byline' ); } ?></div>", "hole"),
    # ... or prints markup with printf() (Largo's fallback <title>, its search heading)
    ("<head><?php\n// Fallback <title> tag\nif ( ! function_exists( 'x' ) ) {\n  printf( "
     "'<title>%1$s</title>', wp_title( '|', false ) );\n} ?></head>", "hole"),
    ("<h3><?php printf( __( 'Results for <span class=\"term\">%s</span>' ), $q ); ?></h3>",
     "hole"),
    # a theme's own function called to print (Largo's byline and home icon)
    ("<h5 class=byline><?php largo_byline( true, false, get_the_ID() ); ?></h5>", "hole"),
    ("<a href=x><?php if ( $logo )\n  largo_home_icon( 'icon-white' ); ?></a>", "hole"),
    ("<div><?php Theme::render_ad( 'top' ); ?></div>", "hole"),
    # the loop's set-up writes nothing, nor do getters and set-up calls standing alone
    ("<div><?php while ( have_posts() ) : the_post(); ?></div>", "nothing"),
    ("<div><?php the_post(); ?></div>", "nothing"),
    ("<ul><?php foreach ( $posts as $post ) : setup_postdata( $post ); ?></ul>", "nothing"),
    ("<div><?php wp_reset_postdata(); ?></div>", "nothing"),
    ("<div><?php $q = new WP_Query( $args ); $q->the_post(); ?></div>", "nothing"),
    ("<div><?php if ( is_single() ) { get_the_ID(); } ?></div>", "nothing"),
])
def test_a_php_block_of_code_writes_what_its_calls_write(text, kind):
    parsed = neutralise(text, "php")
    assert len(parsed) == len(text)
    inner = parsed[parsed.index(">") + 1:parsed.rindex("</")]
    if kind == "text":
        assert inner.startswith("{{") and inner.endswith("}}")
    elif kind == "hole":
        assert is_hole(inner[4:-3])
    else:
        assert not inner.strip()


def test_a_heading_a_call_fills_is_no_empty_heading(tmp_path):
    # Largo's byline: an h5 a theme function fills, after the h2 headline
    found = rule_findings(tmp_path, "content.php", (
        "<article><h2><?php the_title(); ?></h2>\n"
        "<h5 class=byline><?php largo_byline( true ); ?></h5>\n"
        "<?php the_content(); ?></article>"), "heading-order")
    assert found == [("failed", "Heading level 5 (text the template writes) follows level 2 "
                                "\"<?php the_title(); ?>\": level 3 skipped")]
    _, data = run(tmp_path, str(tmp_path / "content.php"))
    assert rule_outcome(data["pages"][0], "empty-heading") == "cantTell"


def test_a_wordpress_author_link_written_by_printf_has_a_name(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "author-bio.php"), files={"author-bio.php": (
        '<a class="author-link" href="<?php echo esc_url( $url ); ?>" rel="author">\n<?php\n'
        "\t/* translators: %s is the current author's name. */\n"
        "\tprintf( esc_html__( 'More by %s', 'newspack' ), esc_html( $author ) );\n?>\n</a>")})
    assert rule_outcome(data["pages"][0], "link-name") == "passed"


@pytest.mark.parametrize("action", [
    '{{- $menu_url := (cond (strings.HasSuffix .URL "/") .URL (printf "%s/" .URL)) }}',
    "{{ $link = $profile.profilelink }}",
    '{{- errorf "=> hugo v0.146.0 or greater is required" }}',
    '{{- $.Scratch.Add "bareul" . -}}',
    '{{ .Store.Set "toc" true }}',
])
def test_a_go_action_that_writes_nothing_renders_nothing(action):
    # (Hugo's PaperMod and Ananke themes: a list's assignments were its text)
    text = f"<ul>{action}<li>Item</li></ul>"
    assert neutralise(text, "go") == "<ul>" + " " * len(action) + "<li>Item</li></ul>"


@pytest.mark.parametrize("expression", [
    "{{ . | markdownify }}", "{{ $icon.Content | safe.HTML }}", "{{ .Summary | safeHTML }}",
    '{{ .RenderString "*x*" }}',
])
def test_hugos_markup_writers_are_holes(expression):
    parsed = neutralise(f"<figcaption>{expression}</figcaption>", "go")
    assert is_hole(parsed[len("<figcaption><!--"):-len("--></figcaption>")])


@pytest.mark.parametrize("text", [
    "<div{{ attributes\n  .addClass('x') }}>a</div>",
    "<{{ tag\n }} id=q>P</{{ tag\n }}>",
    "<li{{\nattrs }}>b</li>",
])
def test_a_tags_expression_across_lines_keeps_them(text):
    parsed = neutralise(text, "jinja")
    assert [i for i, c in enumerate(parsed) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"]


# -- Blade (Laravel) ----------------------------------------------------------------------------

BLADE = """@extends('layouts.base')
@section('body')
    @include('layouts._alerts')
    {{-- <h1>an old heading</h1> --}}
    <p>Join {{ $totalUsers }} readers. Mail tips@example.com or @newsdesk.</p>
    @if (Auth::guest())
        <a href="{{ route('register') }}" @click="open = true" @disabled($busy)>@lang('Join us')</a>
    @else
        <a href="{{ route('forum') }}">{!! $icon !!}</a>
    @endif
    <ul>@foreach ($items as $i)<li>{{ $i }}</li>@endforeach</ul>
    @php $x = '<h1>'; @endphp
    <span>@lang('auth.failed')</span>
@endsection
"""


def test_blade_is_known_by_its_name_and_read_as_it_renders():
    assert family_of_name("resources/views/home.blade.php") == "blade"
    parsed = neutralise(BLADE, "blade")
    assert len(parsed) == len(BLADE)
    assert [i for i, c in enumerate(parsed) if c == "\n"] == [
        i for i, c in enumerate(BLADE) if c == "\n"]
    assert "@extends" not in parsed and "@foreach" not in parsed and "<h1>" not in parsed
    # an e-mail address and a handle are text; an Alpine attribute stays an attribute
    assert "tips@example.com or @newsdesk." in parsed and '@click="open = true"' in parsed
    assert ">Join us" in parsed                        # @lang of a text
    assert "<span>{{" in parsed                        # @lang of a key: an expression
    assert not neutralise("@viteReactRefresh\n@vite(['app.js'])", "blade").strip()
    holes = [c for c in parsed.split("<!--")[1:]]
    assert [is_hole(h.split("-->")[0]) for h in holes] == [True, False, True]   # include,
    assert is_branch(holes[1].split("-->")[0])                           # else, {!! !!}


def test_a_blade_views_php_blocks_are_read_as_php(tmp_path):
    # Laravel's notification e-mail: an array of styles in a PHP block, then what uses it
    text = ("<body>\n<?php\n$style = [\n    'body' => 'margin: 0; padding: 0;',\n];\n?>\n"
            "<h1><?php echo e($title); ?></h1><?php if ($wide): ?><p>x</p><?php endif; ?>"
            "\n</body>")
    parsed = neutralise(text, "blade")
    assert "margin" not in parsed and "$style" not in parsed
    assert parsed.splitlines()[6].startswith("<h1>{{") and "e($title)" in parsed
    assert "if ($wide)" not in parsed and "endif" not in parsed
    assert read(text, "blade")[1] == ((text.index("<?php if"), text.index("<?php endif")),)


def test_a_blade_component_is_its_views(tmp_path):
    text = ('<x-modal identifier="deleteArticle" title="Delete article">Sure?</x-modal>\n'
            '<a href="{{ route(\'profile\', $user) }}"><flux:avatar src="{{ $src }}" /></a>\n'
            '<span title="Verified author">Verified</span>')
    found = rule_findings(tmp_path, "show.blade.php", text, "title-attr-inputs-only")
    assert sorted(outcome for outcome, _ in found) == ["cantTell", "failed"]
    assert any(m.startswith("<x-modal> is a Blade component") for _, m in found)
    (outcome, message), = rule_findings(tmp_path, "avatar.blade.php", text, "link-name")
    assert outcome == "cantTell" and message.startswith("a Blade component writes content")


def test_a_blade_components_slot_is_the_markup_it_is_given():
    parsed = neutralise('<a href="/x" target="_blank">{{ $slot }}</a>', "blade")
    assert is_hole(parsed[len('<a href="/x" target="_blank"><!--'):-len("--></a>")])


def test_a_folder_of_blade_views_is_walked(tmp_path):
    views = tmp_path / "views"
    views.mkdir()
    (views / "card.blade.php").write_text(
        "@if ($story)<li><a href=\"{{ $story->url }}\">{{ $story->title }}</a></li>@endif",
        encoding="utf-8")
    _, data = run(tmp_path, str(views))
    page, = data["pages"]
    assert page["template"] == "blade" and page["fragment"] is True


@pytest.mark.parametrize("call", [
    "do_action( 'woocommerce_checkout_order_review' );",
    "comment_form();", "wc_get_template( 'checkout/payment.php' );",
    "woocommerce_form_field( 'email', $field );",
])
def test_wordpress_hooks_and_template_loaders_write_markup(call):
    parsed = neutralise(f"<form><?php {call} ?></form>", "php")
    assert is_hole(parsed[len("<form><!--"):-len("--></form>")])


def test_a_form_whose_button_a_hook_may_write_is_the_rendered_pages(tmp_path):
    # Newspack's WooCommerce checkout: the order review hook writes the place-order button
    found = rule_findings(tmp_path, "checkout-form.php", (
        '<form name="checkout" method="post"><input name="billing_email" '
        'aria-label="Email"><?php do_action( \'woocommerce_checkout_order_review\' ); ?>'
        '</form><form><input name="q" aria-label="Search"></form>'), "form-has-submit")
    assert sorted(outcome for outcome, _ in found) == ["cantTell", "failed"]


# -- JavaServer Pages (OpenCms, Magnolia, Escenic) ----------------------------------------------

JSP = """<%@ page pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%@ taglib prefix="fmt" uri="http://java.sun.com/jsp/jstl/fmt" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags/mercury" %>
<%-- <h1>an old heading</h1> --%>
<c:set var="title" value="${content.value.Title}" />
<c:set var="anchor"><a class="anchor-link" href="#${id}"></a></c:set>
<article class="${css}">
<h1><c:out value="${title}" /></h1>
<c:choose><c:when test="${a > b}"><p>A</p></c:when>
<c:when test="${c}"><p>B</p></c:when><c:otherwise><p>C</p></c:otherwise></c:choose>
<ul><c:forEach items="${items}" var="item">${item.html}</c:forEach></ul>
<m:image-simple image="${image}" /><o:p>Word's markup</o:p>
<p><fmt:message key="msg.page.more" /><fmt:message key="msg.page.x" var="x" /></p>
<c:out escapeXml="false" value='<ul class="nav">' />
<% if (x) { %><b>1</b><% } else { %><b>2</b><% } %><%= story.getTitle() %>
</article>
"""


def test_a_folder_of_jsp_tag_files_says_how_to_audit_them(tmp_path):
    tags = tmp_path / "tags"
    tags.mkdir()
    (tags / "image.tag").write_text('<%@ tag body-content="empty" %><img src="${src}">')
    result, _ = run(tmp_path, str(tags))
    assert ("folder holds no .html, .htm, .html.gz or WARC files (its JSP tag files are "
            "audited with --templates jsp)") in result.output
    _, data = run(tmp_path, str(tags), "--templates", "jsp")
    assert [page["template"] for page in data["pages"]] == ["jsp"]


def test_jsp_is_known_by_its_name_and_read_as_it_renders():
    assert family_of_name("formatters/detail/article.jsp") == "jsp"
    assert family_of_name("WEB-INF/tags/m/image.tag") == "jsp"
    assert ".jsp" in folder_suffixes("auto") and ".tag" not in folder_suffixes("auto")
    assert ".tag" in folder_suffixes("jsp")
    parsed = neutralise(JSP, "jsp")
    assert_same_lines(parsed, JSP)
    lines = parsed.split("\n")
    assert not "".join(lines[:7]).strip()          # directives, a comment, what c:set holds
    assert lines[7] == '<article class="{{css}">'  # EL: "{{", its body, "}"
    assert lines[8].startswith("<h1>{{") and "${title}" in lines[8]     # c:out: its value
    marks = re.findall(r"<!--([@~]+)-->", parsed)
    # the choose's later cases are branches; the loop's item and the project's tag, markup;
    # c:out of markup a hole; a scriptlet's else a branch
    assert [mark[0] for mark in marks] == ["~", "~", "@", "@", "@", "~"]
    assert "<o:p>Word's markup</o:p>" in parsed    # a prefix no tag library names
    assert "<p>{{" in lines[13] and "msg.page.more" in lines[13]      # a message's key
    assert "{{  story.getTitle() }}" in parsed


@pytest.mark.parametrize(("text", "kind"), [
    ("<p><% out.println(teaser.getHtml()); %></p>", "hole"),
    ("<p><jsp:include page='byline.jsp' /></p>", "hole"),
    ("<p><c:import url='/system/byline.jsp' /></p>", "hole"),
    ("<p>${'<span class=\"x\">'}</p>", "hole"),                # markup written piecewise
    ("<p><c:url value='/news' var='newsUrl' /></p>", "nothing"),
    ("<p><c:if test='${a}'></c:if></p>", "nothing"),
    ("<p><jsp:useBean id='x' class='X' /></p>", "nothing"),
])
def test_a_jsp_tag_writes_what_its_library_says(text, kind):
    parsed = neutralise(text, "jsp")
    inner = parsed[3:-4]
    if kind == "hole":
        assert is_hole(inner[4:-3])
    else:
        assert not inner.strip()


def test_a_jsp_is_audited_as_it_renders(tmp_path):
    page = (
        '<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>\n'
        '<%@ taglib prefix="m" tagdir="/WEB-INF/tags/mercury" %>\n'
        '<article><h1><c:out value="${content.value.Title}" /></h1>\n'
        '<img src="${image.url}" alt="${image.alt}">\n'
        '<a href="${shareLink}"><m:icon icon="twitter" /></a>\n'
        '<a href="${feedLink}"></a></article>\n')
    _, data = run(tmp_path, str(tmp_path / "teaser.jsp"), files={"teaser.jsp": page})
    (report,) = data["pages"]
    assert report["template"] == "jsp" and report["fragment"] is True
    assert rule_outcome(report, "empty-heading") == "passed"
    assert rule_outcome(report, "image-alt") == "passed"       # alt="" would pass too
    assert [outcome for outcome, _ in outcomes(report)["link-name"]] == ["cantTell", "failed"]


def test_a_struts_view_is_audited_as_it_renders(tmp_path):
    # Apache Roller's views: Struts 2's tags, their taglib directive in an included file
    page = (
        '<%@ include file="/WEB-INF/jsps/taglibs-struts2.jsp" %>\n'
        '<h3><s:text name="mainPage.actions"/></h3>\n'
        '<table><tr><th><s:text name="generic.name"/></th></tr>\n'
        '<s:iterator value="targets"><tr><td><s:property value="#t.name"/></td></tr>'
        "</s:iterator></table>\n"
        '<s:if test="wide"><nav><p>a</p></nav></s:if>\n'
        '<s:else><nav><p>b</p></nav></s:else>\n'
        '<ul><s:property value="items" escapeHtml="false"/></ul>\n')
    _, data = run(tmp_path, str(tmp_path / "Targets.jsp"), files={"Targets.jsp": page})
    (report,) = data["pages"]
    found = outcomes(report)
    assert "empty-heading" not in found and "empty-table-header" not in found
    assert [outcome for outcome, _ in found["landmark-unique"]] == ["cantTell"]
    assert found["landmark-unique"][0][1].startswith("an else of the template")
    assert "list" not in found          # (its items: markup the value holds)


def test_content_outside_landmarks_that_el_writes_is_to_review(tmp_path):
    found = rule_findings(tmp_path, "page.jsp", (
        "<!doctype html><html lang=en><head><title>${title}</title></head><body>\n"
        '<div class="promo">${promo.text} ${promo.link}</div>\n'
        "<main><h1>${title}</h1><p>x</p></main></body></html>"), "region")
    assert [outcome for outcome, _ in found] == ["cantTell"]
    assert found[0][1].startswith("Content outside every landmark is all the template's "
                                  'expressions write: "${promo.text} ${promo.link}"')


# -- openers left unclosed ---------------------------------------------------------------------

@pytest.mark.parametrize(("family", "text", "expected"), [
    # a stray opener stays text; it does not run to the next expression's closer
    ("jinja", "<p>{{ </p><p>{{ x }}</p>", "<p>{{ </p><p>{{ x }}</p>"),
    ("handlebars", "<p>{{ </p><p>{{x}}</p>", "<p>{{ </p><p>{{x}}</p>"),
    ("erb", "<p><% </p><p><%= x %></p>", "<p><% </p><p>{{  x }}</p>"),
    ("jinja", "<p>{% </p><p>{% if a %}b</p>", "<p>{% </p><p>          b</p>"),
    # (a "{#" left open too: Liquid has no such comment, and Django's end on their line)
    ("jinja", "<p>a{#</p><p>{# b #}c</p>", "<p>a{#</p><p>       c</p>"),
    # a comment or a block left open runs to the end of the file, as an engine reads it
    ("jinja", "<p>a</p>{% capture x %}<p>b</p>", "<p>a</p>                       "),
    ("handlebars", "<p>a</p>{{!-- <p>b</p>", "<p>a</p>              "),
    ("jsp", "<p>a</p><%-- <p>b</p>", "<p>a</p>             "),
])
def test_an_opener_left_unclosed(family, text, expected):
    assert neutralise(text, family) == expected


def test_an_expression_may_hold_one_of_its_own():
    # Ghost's filters write an expression inside a helper's arguments
    text = ('{{#get "posts" filter="id:-{{post.id}}" limit="4" as |next|}}'
            "<p>{{next.title}}</p>{{/get}}")
    assert neutralise(text, "handlebars").strip().startswith("<p>{{next.title}}</p>")


def test_a_jsp_tags_open_quote_stops_at_the_next_library_tag():
    text = '<p><c:out value="${a}</p><p><c:out value="${title}" /></p>'
    parsed = neutralise(text, "jsp")
    assert parsed.endswith("<p>{{" + "${title}".center(len('<c:out value="${title}" />') - 4)
                           + "}}</p>")


# -- FreeMarker (Magnolia, Liferay, Bloomreach, Halo) ---------------------------------------------

FTL = """<#import "/lib/common.ftl" as common>
<#-- <h1>an old heading</h1> -->
<#assign teaser><p>captured</p></#assign>
<@layout.put block="content">
<article class="${css!}">
<h1>${post.title!}</h1>
<#if post.thumbnail??>
  <img src="${post.thumbnail}" alt="${post.title!}">
  <#else>
  <div class="no-cover"></div>
</#if>
<ul><#list post.tags as tag>${tag.html?no_esc}</#list></ul>
<#switch post.kind><#case "live"><p>Live</p><#case "video"><p>Video</p><#default><p>-</p></#switch>
<#include "module/share.ftl">
<time datetime="${post.createTime?string("yyyy-MM-dd")}">x</time>
</article>
</@layout.put>
"""


def test_freemarker_is_known_by_its_name_and_read_as_it_renders():
    assert family_of_name("templates/post.ftl") == "freemarker"
    assert family_of_name("templates/post.ftlh") == "freemarker"
    assert ".ftl" in folder_suffixes("auto")
    parsed = neutralise(FTL, "freemarker")
    assert_same_lines(parsed, FTL)
    lines = parsed.split("\n")
    assert not "".join(lines[:3]).strip()          # import, comment, what assign captures
    assert lines[4] == '<article class="{{css!}">' and lines[5] == "<h1>{{post.title!}</h1>"
    marks = re.findall(r"<!--([@~]+)-->", parsed)
    # the macro's call; the else (it takes the space before it on its line); the raw value
    # in the list; the switch's later cases; the include; the macro call's end
    assert [mark[0] for mark in marks] == ["@", "~", "@", "~", "~", "@", "@"]
    assert '<time datetime="{{post.createTime?string(\u2033yyyy-MM-dd\u2033)}">' in parsed


def test_a_freemarker_template_is_audited_as_it_renders(tmp_path):
    page = ('<#list posts as post>\n<article><h2><a href="${post.fullPath!}">${post.title!}</a>'
            '</h2>\n<a href="${post.fullPath!}"><#include "icon/arrow.ftl"></a>\n'
            '<a href="${post.fullPath!}" class="thumb"><span role="img" aria-label=""></span>'
            "</a>\n<time datetime=\"{post.year?c}\">x</time></article>\n</#list>\n")
    _, data = run(tmp_path, str(tmp_path / "list.ftl"), files={"list.ftl": page})
    (report,) = data["pages"]
    assert report["template"] == "freemarker" and report["fragment"] is True
    assert [o for o, _ in outcomes(report)["link-name"]] == ["cantTell", "failed"]
    # Halo's hshan theme: a "$" forgotten, so the value is no date whatever the data
    assert [o for o, _ in outcomes(report)["time-datetime-valid"]] == ["failed"]


# -- Razor (ASP.NET's .cshtml views, Blazor's .razor components) ---------------------------------

RAZOR = """\ufeff@model ArticleViewModel
@inject IViewLocalizer Localizer
@{
    ViewData["Title"] = Model.Title;
    var byline = Model.Author?.Name ?? "Staff";
}
@* <h1>an old heading</h1> *@
<article class="story @(Model.IsLive ? "live" : "")">
  <h1>@Model.Title</h1>
  <time datetime="@Model.Published.ToString("s")">@Model.Published.ToString("d MMMM")</time>
  @if (Model.Image != null)
  {
      <img src="@Model.Image.Url" alt="@Model.Image.Alt">
  }
  else
  {
      <div class="no-image"></div>
  }
  <ul>@foreach (var t in Tags) { <li><a asp-action="Tag" asp-route-id="@t.Id">@t.Name</a></li>}</ul>
  @Html.Raw(Model.BodyHtml)
  <partial name="_Share" model="Model" />
  <p>Write to news@example.com or @@dailyplanet. @Localizer["Read more"]</p>
  @switch (Model.Kind) { case Kind.Live: <b>Live</b> break; case Kind.Video: <b>Video</b> break; }
  @{ Html.RenderPartial("_Byline", byline); }
</article>
@section Scripts {
  <script>var config = { id: "@Model.Id" };</script>
}
"""


def test_razor_is_known_by_its_name_and_read_as_it_renders():
    assert family_of_name("Views/Article/Index.cshtml") == "razor"
    assert family_of_name("Components/Pages/Story.razor") == "razor"
    assert {".cshtml", ".razor"} <= set(folder_suffixes("auto"))
    parsed = neutralise(RAZOR, "razor")
    assert_same_lines(parsed, RAZOR)
    lines = parsed.split("\n")
    # directives (after a byte order mark), a code block, a comment
    assert not "".join(lines[:7]).strip("\ufeff ")
    assert lines[7] == '<article class="story {{Model.IsLive ? \u2033live\u2033 : \u2033\u2033}">'
    assert lines[8] == "  <h1>{{Model.Tit}</h1>"
    assert lines[9].startswith('  <time datetime="{{Model.Published.ToString(\u2033s}">')
    assert not lines[10].strip()                    # a control statement's header
    assert lines[12].strip() == '<img src="{{Model.Image.U}" alt="{{Model.Image.A}">'
    assert lines[18] == ('  <ul>' + " " * 27 + '<li><a {{p-action="Tag" {{p-route-id='
                         '"{{t.}">{{t.Na}</a></li> </ul>')
    marks = re.findall(r"<!--([@~\n]+)-->", parsed)     # (an else spans two lines)
    # the else; the raw HTML; the partial; the switch's later case; the partial a statement
    # renders
    assert [mark[0] for mark in marks] == ["~", "@", "@", "~", "@"]
    assert lines[21] == "  <p>Write to news@example.com or  @dailyplanet. Read more" + " " * 14 \
        + "</p>"
    assert "<b>Live</b>" in lines[22] and "<b>Video</b>" in lines[22]
    assert not lines[25].strip() and not lines[27].strip()     # a section's braces
    assert lines[26] == '  <script>var config = { id: "{{Model.}" };</script>'


@pytest.mark.parametrize(("text", "kind"), [
    ("<p>@Html.Partial(\"_Byline\")</p>", "hole"),
    ("<p>@await Html.PartialAsync(\"_Byline\")</p>", "hole"),
    ("<p>@await Component.InvokeAsync(\"Latest\")</p>", "hole"),
    ("<p>@RenderSection(\"Promo\", required: false)</p>", "hole"),
    ("<p>@Model.Body.ToHtmlString()</p>", "hole"),
    ("<p><vc:latest-stories count=\"5\"></vc:latest-stories></p>", "hole"),
    ("<p><StoryCard Story=\"story\" /></p>", "hole"),              # a Blazor component
    ("<p>@{ Html.RenderPartial(\"_Byline\"); }</p>", "hole"),
    ("<p>@functions { string Kicker() => \"<b>x</b>\"; }</p>", "nothing"),
    ("<p>@code { private int count; }</p>", "nothing"),
    ("<p>@* <b>a comment</b> *@</p>", "nothing"),
    ("<p>@Html.DisplayNameFor(m => m.Title)</p>", "expression"),  # writes a text
    ("<p>@Model.Title</p>", "expression"),
    ("<p>@(Model.Kicker ?? \"News\")</p>", "expression"),
])
def test_a_razor_token_writes_what_razor_says(text, kind):
    parsed = neutralise(text, "razor")
    assert len(parsed) == len(text)
    inner = parsed[3:-4]
    if kind == "hole":
        assert is_hole(inner.strip()[4:-3]), parsed
    elif kind == "nothing":
        assert not inner.strip(), parsed
    else:
        assert inner.startswith("{{") and inner.endswith("}"), parsed


@pytest.mark.parametrize(("text", "expected"), [
    # markup begins in C# where a statement may begin: an element, an @: line, <text>
    ("@{ var n = 1; <p>a</p> }", " " * 14 + "<p>a</p>  "),
    ("@if (a) {\n@:Breaking: @Model.Kicker\n}", "         \n  Breaking: {{Model.Kick}\n "),
    ("@foreach (var x in xs) { <text>@x, </text> }", " " * 31 + "{{," + " " * 10),
    # ... but not where C# compares or names a type
    ("@{ if (a < b) { var l = new List<string>(); } }", " " * 47),
    # an else-if is a branch too; so is a catch, whose markup replaces the try's
    ("@if (a) { <b>1</b> } else if (b) { <b>2</b> }",
     "          <b>1</b><!--~~~~~~~~~--> <b>2</b>  "),
    ("@try { <b>1</b> } catch (Exception) { <b>2</b> }",
     "       <b>1</b><!--~~~~~~~~~~~~~~~--> <b>2</b>  "),
    # an e-mail address and an escaped @ are text; "@" before no name is text
    ("<p>a@b.org @@x @ 5</p>", "<p>a@b.org  @x @ 5</p>"),
    # an else alone on its line, its brace on the next (C#'s own style): the mark takes the
    # block's first indentation
    ("@if (a)\n{\n    <header>1</header>\n}\nelse\n{\n    <header>2</header>\n}",
     "       \n \n    <header>1</header>\n \n<!--\n~\n~--><header>2</header>\n "),
    # Blazor's directive attributes write no attribute; @attributes writes any
    ('<button @onclick="Save" class="b">Save</button>',
     '<button' + " " * 17 + 'class="b">Save</button>'),
    ('<input @attributes="extra" @bind-Value="x">', "<input {{" + " " * 33 + ">"),
    # Blazor's components that render their content alone; what a reader not signed in sees
    # is another branch
    ("<AuthorizeView><Authorized><b>1</b></Authorized><NotAuthorized><b>2</b></NotAuthorized>"
     "</AuthorizeView>", " " * 27 + "<b>1</b>" + " " * 13 + "<!--~~~~~~~~--><b>2</b>"
     + " " * 32),
])
def test_razor_markup_and_code_in_turn(text, expected):
    assert neutralise(text, "razor") == expected


def test_razor_orchard_and_attribute_values():
    cases = {
        # a helper's id or name in a value is the value's text (its lambda's ">" too)
        '<input name="@Html.NameOf(m => m.X)" id="@Html.FieldIdFor(m => m.V)-no">':
            '<input name="{{Html.NameOf(m =\u203a m.}" id="{{Html.FieldIdFor(m =\u203a m.}-no">',
        # ... and so is what writes markup elsewhere: no comment stands in a tag
        '<img alt="@Html.Raw(x)">': '<img alt="{{Html.Raw(}">',
        # a statement among a start tag's attributes writes some of them
        '<input @if (x) { <text>checked</text> } else { <text>disabled</text> } id="a">':
            "<input" + " " * 17 + "checked" + " " * 23 + "disabled" + " " * 10 + 'id="a">',
        # Orchard's localizer and shapes; Orchard Core's shape tag helper and zones
        '<h3>@T("Role")</h3>': "<h3>Role      </h3>",
        "<div>@Display(Model.Content)</div>": "<div><!--" + "@" * 16 + "--></div>",
        "<div>@await DisplayAsync(Model.Header)</div>": "<div><!--" + "@" * 26 + "--></div>",
        '<shape type="Header" title="x" />': "<!--" + "@" * 26 + "-->",
        '<zone name="Footer"><p>@x</p></zone><p>a</p>': " " * 36 + "<p>a</p>",
        # a statement's "@" in code is C#'s
        "@{ if (x) { @foreach (var a in b) { <i>@a</i> } } }": " " * 36 + "<i>{{</i>" + " " * 6,
    }
    for text, expected in cases.items():
        assert neutralise(text, "razor") == expected, text


@pytest.mark.parametrize(("name", "text"), [
    ("form.html", '{% include "sort-label.html" %}<select id="{{ f.id }}"><option>a</option>'
                  '</select>{% include "q-label.html" %}<input id="{{ q.id }}" title="Search">'),
    ("Sort.cshtml", '@Html.LabelFor(m => m.Sort)<select id="@Html.IdFor(m => m.Sort)">'
                    '<option>a</option></select>@Html.LabelFor(m => m.Query)'
                    '<input id="@Html.IdFor(m => m.Query)" title="Search">'),
])
def test_a_field_whose_id_an_expression_writes_may_have_a_label(tmp_path, name, text):
    _, data = run(tmp_path, str(tmp_path / name), files={name: text})
    (report,) = data["pages"]
    found = outcomes(report)
    assert [outcome for outcome, _ in found["select-name"]] == ["cantTell"]
    assert [outcome for outcome, _ in found["label-title-only"]] == ["cantTell"]


@pytest.mark.parametrize("text", [
    "<p>@(</p><p>@Model.Title</p>",                 # a parenthesis left open
    "<main>" + "<p>@a(@(x</p>" * 2000 + "</main>",
    "@{ <p>" + "@if (x) {" * 300,                   # nested past the reader's depth
])
def test_razor_left_open_keeps_its_length_and_lines(text):
    parsed = neutralise(text, "razor")
    assert len(parsed) == len(text)
    assert parsed.count("\n") == text.count("\n")


def test_a_razor_view_is_audited_as_it_renders(tmp_path):
    page = ('@model StoryViewModel\n<article><h1>@Model.Headline</h1>\n'
            '<img src="@Model.Image.Url" alt="@Model.Image.Alt">\n'
            '<a href="@Model.ShareUrl">@Html.Raw(Icons.Twitter)</a>\n'
            '<a href="@Model.FeedUrl"></a>\n'
            '<a asp-controller="Story" asp-action="Edit" class="edit">Edit</a>\n'
            "<label>Email</label><input asp-for=\"Email\"></article>\n")
    _, data = run(tmp_path, str(tmp_path / "Story.cshtml"), files={"Story.cshtml": page})
    (report,) = data["pages"]
    assert report["template"] == "razor" and report["fragment"] is True
    assert rule_outcome(report, "empty-heading") == "passed"
    assert rule_outcome(report, "image-alt") == "passed"
    assert [outcome for outcome, _ in outcomes(report)["link-name"]] == ["cantTell", "failed"]
    ((outcome, message),) = outcomes(report)["anchor-has-href"]
    assert outcome == "cantTell"
    assert message.startswith("an expression writes attributes of <a> (asp-controller "
                              "asp-action): the rendered page decides")
    assert [outcome for outcome, _ in outcomes(report)["label"]] == ["cantTell"]


def test_a_folder_walk_takes_razor_views(tmp_path):
    views = tmp_path / "Views"
    views.mkdir()
    (views / "_ViewImports.cshtml").write_text("@using Planet.Web\n@addTagHelper *, Planet\n")
    (views / "Story.cshtml").write_text("<article><h1>@Model.Title</h1></article>\n")
    _, data = run(tmp_path, str(views))
    assert sorted((page["source"].rsplit("/", 1)[1], page["template"])
                  for page in data["pages"]) == [("Story.cshtml", "razor"),
                                                 ("_ViewImports.cshtml", "razor")]
    assert data["errors"] == []


# -- Velocity (Atex Polopoly, dotCMS, Apache Roller) ---------------------------------------------

VTL = """## $model is the page's model
#* <h1>an old heading</h1> *#
<article class="story" id="${entry.anchor}">
  <h1>$entry.title</h1>
  #if($entry.image)
    <img src="$entry.image.url" alt="$!entry.image.alt">
  #else
    <div class="no-image"></div>
  #end
  <div class="body">$entry.displayContent($url.entry($entry.anchor))</div>
  #showComments($entry)
  #parse("share.vm")
  <a href="#top" style="color:#fff">Top</a> <span>$!{entry.kicker}</span>
  <li #if($a)class="on"#end>x</li>
  #[[ <code>$raw</code> ]]#
</article>
"""


def test_velocity_is_known_by_its_name_and_read_as_it_renders():
    assert family_of_name("themes/basic/weblog.vm") == "velocity"
    assert family_of_name("vtl/article.vtl") == "velocity"
    assert {".vm", ".vtl"} <= set(folder_suffixes("auto"))
    parsed = neutralise(VTL, "velocity")
    assert_same_lines(parsed, VTL)
    lines = parsed.split("\n")
    assert not "".join(lines[:2]).strip()          # comments
    assert lines[2] == '<article class="story" id="{{entry.anchor}">'
    assert lines[3] == "  <h1>{{entry.tit}</h1>"
    assert lines[5] == '    <img src="{{entry.image.u}" alt="{{entry.image.al}">'
    marks = re.findall(r"<!--([@~\n]+)-->", parsed)
    # the else (taking the next line's indentation for room); the story's markup; the
    # macro's call; the parse
    assert [mark[0] for mark in marks] == ["~", "@", "@", "@"]
    assert lines[12] == '  <a href="#top" style="color:#fff">Top</a> <span>{{ entry.kicker}</span>'
    assert lines[13] == '  <li' + " " * 8 + 'class="on"    >x</li>'
    assert lines[14] == "      <code>$raw</code>    "


def test_a_velocity_template_is_audited_as_it_renders(tmp_path):
    page = ('<div class="entry"><h2><a href="$url.entry($entry.anchor)">$entry.title</a></h2>\n'
            '<img src="$entry.image">\n<a href="$url.feed">#showFeedIcon()</a>\n'
            '<a href="$url.home"></a>\n<time datetime="$entry.pubTime">x</time></div>\n')
    _, data = run(tmp_path, str(tmp_path / "day.vm"), files={"day.vm": page})
    (report,) = data["pages"]
    assert report["template"] == "velocity" and report["fragment"] is True
    assert [outcome for outcome, _ in outcomes(report)["image-alt"]] == ["failed"]
    assert [outcome for outcome, _ in outcomes(report)["link-name"]] == ["cantTell", "failed"]
    assert rule_outcome(report, "time-datetime-valid") == "cantTell"


@pytest.mark.parametrize(("text", "expected"), [
    # a directive's arguments and a reference's call stay on their line
    ("<p>#if($a</p><p>$b</p>", "<p>   ({{</p><p>{{</p>"),
    ("<p>$x.y(</p><p>$b</p>", "<p>{{x}(</p><p>{{</p>"),
    # a block comment or unparsed content left open runs to the end of the file
    ("<p>a</p>#* <p>b</p>", "<p>a</p>           "),
    # (closed: a condition five parentheses deep; a reference whose arguments hold braces,
    # written with look-alikes, so that the expression ends at its one "}")
    ("#if($a && !(($b && $s.m($c, $d)) || $e))<p>x</p>#end", " " * 40 + "<p>x</p>    "),
    ('<p>$text.get("k", [${x}])</p>',
     "<p>{{text.get(\u2033k\u2033, [$\u2774x\u2775}</p>"),
])
def test_velocity_reads_its_openers(text, expected):
    assert neutralise(text, "velocity") == expected


# -- Thymeleaf (Spring's natural templates) -------------------------------------------------------

THYMELEAF = """<div th:fragment="card(post)" class="card"
     th:classappend="${post.pinned ? 'pinned' : ''}">
  <!--/* <h1>a parser-level comment</h1> */-->
  <a th:href="@{${post.permalink}}" href="#" th:title="${post.title}">
    <img th:src="${post.cover}" th:alt="${post.title}" src="cover.png" alt="Cover">
  </a>
  <h2 th:text="${post.title}"></h2>
  <div th:utext="${post.content}">Lorem ipsum</div>
  <nav th:replace="~{modules/nav :: nav}"></nav>
  <input th:field="*{title}" type="text">
  <img th:src="@{/logo.png}" th:alt="'Daily Planet'">
  <th:block th:each="tag : ${post.tags}"><span>[[${tag.name}]]</span></th:block>
  <h3><th:block th:text="#{widget.tags}"></th:block></h3>
  <p th:if="${post.live}">Live</p><p th:unless="${post.live}">[(${post.summary})]</p>
</div>
"""


@pytest.mark.parametrize(("text", "family"), [
    ('<!DOCTYPE html>\n<html xmlns:th="http://www.thymeleaf.org">\n<body></body></html>',
     "thymeleaf"),
    ('<div\n  th:fragment="hero(title)"\n  class="hero"><h1 th:text="${title}"></h1></div>',
     "thymeleaf"),
    ('<section data-th-fragment="x"><p data-th-text="${y}">y</p></section>', "thymeleaf"),
    # a page whose styles write "width:" and "depth:": no th: attribute
    ("<html><head><style>a{width:1px;max-depth:2}</style></head><body><p>x</p></body></html>",
     None),
])
def test_thymeleaf_is_known_by_its_attributes(text, family):
    assert detect(text) == family


def test_thymeleaf_is_read_as_it_renders():
    parsed = neutralise(THYMELEAF, "thymeleaf")
    assert_same_lines(parsed, THYMELEAF)
    lines = parsed.split("\n")
    assert lines[0].split() == ['<div', 'class="card"'] and not lines[1].strip(" >")
    assert not lines[2].strip()                      # a parser-level comment
    # th:href sets the href (the tag's own, a prototype's, is not the page's)
    assert lines[3].split() == ['<a', 'href="{{{{post.permalink}}"', 'title="{{post.title}">']
    assert lines[4].split() == ['<img', 'src="{{post.cover}"', 'alt="{{post.title}"', '>']
    assert lines[6] == '  <h2 @@-text="{{post.title}"></h2>'          # content written
    assert lines[7] == '  <div @@-utext="{{post.content}">Lorem ipsum</div>'
    assert lines[8] == '  <nav {{@replace="{{modules/nav :: nav}"></nav>'
    assert lines[9] == '  <input {{:field="{{title}" type="text">'
    assert lines[10].split() == ['<img', 'src="{{/logo.png}"', 'alt="', 'Daily', 'Planet', '">']
    assert lines[11].strip() == "<span>{{${tag.name}}}</span>"
    assert lines[12].startswith("  <h3>{{") and "widget.tags" in lines[12]
    assert lines[13].startswith('  <p ~~-if="{{post.live}">Live</p><p ~~-unless=')
    assert is_hole(re.search(r"<!--(@+)-->", lines[13])[1])


def test_a_thymeleaf_template_is_audited_as_it_renders(tmp_path):
    page = ('<article th:fragment="teaser(post)">\n'
            '<a th:href="@{${post.url}}" th:text="${post.title}"></a>\n'
            '<a th:href="@{/feed}"></a>\n'
            '<img th:src="${post.image}" th:alt="${post.alt}">\n<img th:src="${post.icon}">\n'
            '<nav th:if="${wide}"><p>a</p></nav><nav th:unless="${wide}"><p>b</p></nav>'
            "</article>\n")
    _, data = run(tmp_path, str(tmp_path / "teaser.html"), files={"teaser.html": page})
    (report,) = data["pages"]
    assert report["template"] == "thymeleaf" and report["fragment"] is True
    found = outcomes(report)
    assert [outcome for outcome, _ in found["link-name"]] == ["cantTell", "failed"]
    assert [outcome for outcome, _ in found["image-alt"]] == ["failed"]
    # two navigation landmarks, each on a condition: alternatives
    assert [outcome for outcome, _ in found["landmark-unique"]] == ["cantTell"]


@pytest.mark.parametrize("text", [
    # a child template, whose <html> the layout writes; a library of fragments
    '<!DOCTYPE html>\n<html xmlns:th="http://www.thymeleaf.org" '
    'th:replace="~{layout :: page(~{::body})}">\n<body><h2>Owners</h2></body></html>',
    '<!DOCTYPE html>\n<html xmlns:layout="http://www.ultraq.net.nz/thymeleaf/layout" '
    'layout:decorate="~{layout}">\n<body><div layout:fragment="content">x</div></body></html>',
    '<!DOCTYPE html>\n<html xmlns:th="http://www.thymeleaf.org">\n<body><form>'
    '<th:block th:fragment="input(label)"><label th:text="${label}">L</label></th:block>'
    "</form></body></html>",
])
def test_a_thymeleaf_page_a_layout_writes_is_a_partial(tmp_path, text):
    _, data = run(tmp_path, str(tmp_path / "page.html"), files={"page.html": text})
    (report,) = data["pages"]
    assert report["template"] == "thymeleaf" and report["fragment"] is True
    assert "html-has-lang" not in outcomes(report)


# -- marks with little room ----------------------------------------------------------------------

@pytest.mark.parametrize(("family", "text", "expected"), [
    # where "<!--" and "-->" do not fit, a bogus comment does: "<!" and ">"
    ("blade", "@if($a)<b>1</b>@else<b>2</b>@endif", "       <b>1</b><!~~><b>2</b>      "),
    ("freemarker", "<#if a><b>1</b><#else><b>2</b></#if>",
     "       <b>1</b><!~~~~><b>2</b>      "),
    ("handlebars", "<p>{{>x}}</p>", "<p><!@@@></p>"),
    ("razor", "@if (a)\n{\n  <b>1</b>\n}\nelse\n{\n  <b>2</b>\n}",
     "       \n \n  <b>1</b>\n \n<!~~\n~\n~><b>2</b>\n "),
    ("handlebars", "{{#if a}}<b>1</b>{{^}}<b>2</b>{{/if}}",
     "         <b>1</b><!~~><b>2</b>       "),
    # ... but not in a tag's attributes nor in raw text
    ("handlebars", "<a {{>x}}>a</a><title>{{>x}}</title>",
     "<a       >a</a><title>      </title>"),
])
def test_a_short_token_still_marks_its_hole_or_branch(family, text, expected):
    parsed = neutralise(text, family)
    assert parsed == expected
    assert_same_lines(parsed, text)


def test_two_alternative_banners_an_else_at_the_margin_stands_between(tmp_path):
    # C#'s own style at the top of a view: the else alone at column 0, two spaces inside
    view = ("@if (Model.Image != null)\n{\n  <header class=\"hero\"><h1>A</h1></header>\n}\n"
            "else\n{\n  <header class=\"plain\"><h1>B</h1></header>\n}\n")
    found = rule_findings(tmp_path, "Header.cshtml", view, "landmark-unique")
    assert [outcome for outcome, _ in found] == ["cantTell"]


@pytest.mark.parametrize(("navs", "outcome"), [
    # each in an element of its own on a condition: alternatives
    ('<nav th:if="${a}"><p>x</p></nav><nav th:unless="${a}"><p>y</p></nav>', "cantTell"),
    ('<div th:if="${a}"><nav><p>x</p></nav></div><div th:if="${b}"><nav><p>y</p></nav></div>',
     "cantTell"),
    # one rendered whenever the other is: on one page together
    ('<nav><p>x</p></nav><nav th:if="${a}"><p>y</p></nav>', "failed"),
    ('<div th:if="${a}"><nav><p>x</p></nav><nav th:if="${b}"><p>y</p></nav></div>', "failed"),
])
def test_thymeleaf_conditions_make_alternatives_only_apart(tmp_path, navs, outcome):
    page = f'<main th:fragment="x">{navs}</main>'
    found = rule_findings(tmp_path, "navs.html", page, "landmark-unique")
    assert [o for o, _ in found] == [outcome]


# Each family's conditional: (its opening, its end, another's opening, its end); a banner in
# each of two, both in one, and one outside with another in one (a banner by its role: a
# <header> in a partial is one only where the layout does not scope it)
_BANNER = '<div role="banner"><p>x</p></div>'
_CONDITIONALS = {
    "h.njk": ("{% if a %}", "{% endif %}", "{% unless a %}", "{% endunless %}"),
    "h.hbs": ("{{#if a}}", "{{/if}}", "{{#unless a}}", "{{/unless}}"),
    "h.mustache": ("{{#a}}", "{{/a}}", "{{^a}}", "{{/a}}"),
    "h.gohtml": ("{{ if .A }}", "{{ end }}", "{{- with .B }}", "{{ end -}}"),
    "h.erb": ("<% if a %>", "<% end %>", "<% unless a %>", "<% end %>"),
    "h.ejs": ("<% if (a) { %>", "<% } %>", "<% if (!a) { %>", "<% } %>"),
    "h.php": ("<?php if ( is_a( $x ) ) : ?>", "<?php endif; ?>", "<?php if ( $b ) { ?>",
              "<?php } ?>"),
    "h.blade.php": ("@if($a)", "@endif\n", "@auth", "@endauth"),
    "h.jsp": ('<c:if test="${a}">', "</c:if>", "<% if (b) { %>", "<% } %>"),
    "h.ftl": ("<#if a>", "</#if>", "<#if !a>", "</#if>"),
    "h.vm": ("#if($a)", "#end", "#if(!$a)", "#end"),
    "h.cshtml": ("@if (a)\n{\n", "\n}\n", "@{\n  if (!a) {\n", "\n  }\n}\n"),
}


@pytest.mark.parametrize(("arrangement", "outcome"), [
    # two conditionals, neither inside the other: alternatives, for all the file says
    ("apart", "cantTell"),
    # both in one conditional, or one rendered whenever the other is: on one page together
    ("together", "failed"), ("one outside", "failed"), ("nested", "failed"),
])
def test_elements_in_two_conditionals_of_their_own_may_be_alternatives(tmp_path, arrangement,
                                                                      outcome):
    for name, (opening, end, other, other_end) in _CONDITIONALS.items():
        (tmp_path / name).write_text({
            "apart": opening + _BANNER + end + other + _BANNER + other_end,
            "together": opening + _BANNER + _BANNER + end,
            "one outside": _BANNER + opening + _BANNER + end,
            "nested": opening + _BANNER + other + _BANNER + other_end + end,
        }[arrangement], encoding="utf-8")
    _, data = run(tmp_path, *(str(tmp_path / name) for name in _CONDITIONALS))
    found = {page["source"].rsplit("/", 1)[-1]: outcomes(page)["landmark-no-duplicate-banner"]
             for page in data["pages"]}
    assert {name: [o for o, _ in found[name]] for name in _CONDITIONALS} == {
        name: [outcome] for name in _CONDITIONALS}
    if outcome == "cantTell":
        assert all(message.startswith("each stands in a conditional of its own in the "
                                      "template, so they may be alternatives")
                   for name in _CONDITIONALS for _, message in found[name])


def test_a_heading_followed_by_one_in_a_conditional_of_its_own_is_the_rendered_pages(
        tmp_path):
    # a live story's headline and another's, each on its own condition
    found = rule_findings(tmp_path, "story.njk", (
        "<main>{% if story.is_live %}<h1>Live: {{ story.headline }}</h1>{% endif %}\n"
        "{% if not story.is_live %}<h1>{{ story.headline }}</h1>{% endif %}<p>Text</p></main>"),
        "heading-has-content")
    assert [outcome for outcome, _ in found] == ["cantTell"]
    assert found[0][1].startswith("each stands in a conditional of its own in the template")


@pytest.mark.parametrize(("family", "text", "spans"), [
    # PHP: the alternative syntax and braces, a loop's block not conditional
    ("php", "<?php if ( $a ) : while ( have_posts() ) : the_post(); ?><p>x</p>"
            "<?php endwhile; endif; ?><?php foreach ( $b as $c ) { ?><i></i><?php } ?>",
     [(0, 65)]),
    # an else's block is a conditional of its own; a string's brace is no block's
    ("jsp", '<% if (a) { %><p>x</p><% } else { out.print("{"); %><p>y</p><% } %>',
     [(0, 22), (22, 60)]),
    # Ruby: a do block is a loop's, an if's end closes the if
    ("erb", "<% items.each do |i| %><% if i %><p><%= i %></p><% end %><% end %>",
     [(23, 48)]),
    # Velocity: #foreach and a block macro's call end with #end too
    ("velocity", "#foreach($i in $is)#if($i)<p>$i</p>#end#end#@box()<p>x</p>#end", [(19, 35)]),
    # Handlebars: a loop's block is not conditional, an inverted section is
    ("handlebars", "{{#each xs}}{{^x}}<p></p>{{/x}}{{/each}}", [(12, 25)]),
    # a conditional left open runs to the end of the file
    ("jinja", "{% if a %}<p>x</p>", [(0, 18)]),
    # Razor: an @if's statement, else and all; an if's block in a block of code
    ("razor", "@if (a) { <p>x</p> } else { <p>y</p> }\n@{ if (b) { <p>z</p> } }",
     [(0, 38), (49, 60)]),
])
def test_the_spans_a_template_renders_on_a_condition(family, text, spans):
    # (each from its opening to where its end begins)
    parsed, conditions = read(text, family)
    assert parsed == neutralise(text, family)
    assert list(conditions) == spans


# -- what a report shows of a template ---------------------------------------------------------

@pytest.mark.parametrize(("family", "text", "written"), [
    # Razor and Velocity: kept as "{{", their text and "}", two characters short of it
    ("razor", '<img src="@Model.Image.Url">', {"@Model.Image.Url"}),
    ("razor", "<p>@(Model.Count + 1)</p>", {"@(Model.Count + 1)"}),
    ("velocity", '<img src="$site.logoUrl"><a href="${site.url}/x">$!title</a>',
     {"$site.logoUrl", "${site.url}", "$!title"}),
    # ERB's and PHP's delimiters; a JSP's EL
    ("erb", '<img src="<%= story.image_url %>">', {"<%= story.image_url %>"}),
    ("php", '<img src="<?= $logo ?>">', {"<?= $logo ?>"}),
    ("jsp", '<img src="${story.image}">', {"${story.image}"}),
    # Jinja's quotes kept as look-alikes (a value's quote would end it); moved one place
    # on, after a tag's name
    ("jinja", '<img src="{{ static("logo.png") }}">', {'{{ static("logo.png") }}'}),
    ("jinja", "<img{{ attributes }} src=x>", {"{{ attributes }}"}),
])
def test_each_expression_kept_otherwise_maps_to_how_it_is_written(family, text, written):
    parsed = neutralise(text, family)
    expressions = written_expressions(parsed, text)
    assert set(expressions.values()) == written
    for kept, original in expressions.items():
        assert kept in " ".join(parsed.split()) and original in text
        assert as_written(f"<img src=\"{kept}/x.png\">", expressions) == (
            f"<img src=\"{original}/x.png\">")


def test_an_expression_kept_with_spaces_is_found_in_a_text_quoted_without_them():
    # (a JSP tag that writes text is kept as a centred expression; a message quotes an
    # element's text with its spaces collapsed)
    text = '<p class="tip"><s:text name="oauthKeys.tip" /></p>'
    expressions = written_expressions(neutralise(text, "jsp"), text)
    assert as_written("may make '{{ oauthKeys.tip }}' look like a heading", expressions) == (
        """may make '<s:text name="oauthKeys.tip" />' look like a heading""")


def test_an_expression_a_message_cut_short_is_shown_as_written_and_cut_as_long():
    text = "<h1>{{ h.label('edit dataset') }}</h1><p>{{ h.label('edit group') }}</p>"
    expressions = written_expressions(neutralise(text, "jinja"), text)
    assert as_written("follows \"{{ h.label(\u2032edit da…\": x", expressions) == (
        "follows \"{{ h.label('edit da…\": x")
    # (the start of two kept forms: which one, the message does not say)
    assert as_written("{{ h.label(\u2032edit…", expressions) == "{{ h.label(\u2032edit…"


def test_an_expression_kept_alike_from_two_writings_is_shown_as_kept():
    # (both kept as "{{Model.Image.U}": which one a message quotes cannot be told)
    text = '<img src="@Model.Image.Url"><img src="@Model.Image.Urx">'
    parsed = neutralise(text, "razor")
    assert written_expressions(parsed, text) == {}
    assert as_written("{{Model.Image.U}", written_expressions(parsed, text)) == (
        "{{Model.Image.U}")


def test_findings_on_a_template_show_its_expressions_and_markup_as_written(tmp_path):
    razor = ('<div>\n<a href="/y"><img src="@Umbraco.Media(1).Url"></a>\n'
             "<button>@Html.Raw(Model.Label)</button>\n</div>\n")
    _, data = run(tmp_path, str(tmp_path / "card.cshtml"), files={"card.cshtml": razor})
    found = {f["rule"]: f for f in data["pages"][0]["findings"]}
    image = found["image-alt"]
    assert image["message"].startswith('<img src="@Umbraco.Media(1).Url"> has no alt')
    assert image["snippet"] == '<img src="@Umbraco.Media(1).Url">'
    assert '<img src="@Umbraco.Media(1).Url">' in found["link-name"]["message"]
    # the raw expression a button holds, as written, not the comment it is parsed as
    assert found["button-name"]["snippet"] == "<button>@Html.Raw(Model.Label)</button>"


@pytest.mark.parametrize(("text", "parsed"), [
    # a tag of the site's own library that opens a block, with its end in the file
    ("{% thumbnail img %}<p>x</p>{% endthumbnail %}",
     " " * 19 + "<p>x</p>" + " " * 18),
    # one that assigns a variable, and a known one that writes nothing
    ("{% get_settings as s %}<p>x</p>", "                       <p>x</p>"),
    ("{% load wagtailcore_tags %}<p>x</p>", "                           <p>x</p>"),
    ("{%- teaser s -%}<p>x</p>{%- endteaser -%}", " " * 16 + "<p>x</p>" + " " * 17),
    # in a value: its text, as an expression
    ('<a href="{% pageurl page %}">x</a>', '<a href="{{ pageurl page }}">x</a>'),
    ('<a href="{% story_link s %}">x</a>', '<a href="{{ story_link s }}">x</a>'),
])
def test_a_statement_that_writes_nothing_or_text_is_no_hole(text, parsed):
    assert neutralise(text, "jinja") == parsed


def test_a_statement_whose_name_only_begins_an_end_in_the_file_writes():
    # {% endcards %} ends no {% card %}; each name is looked up among the file's ends
    text = "{% cards %}<p>{% card s %}</p>{% endcards %}"
    assert neutralise(text, "jinja") == (" " * 11 + "<p><!--" + "@" * 5 + "--></p>"
                                         + " " * 14)


def test_a_link_whose_image_a_wagtail_tag_writes_is_to_review(tmp_path):
    found = rule_findings(tmp_path, "card.html", (
        '{% load wagtailimages_tags %}<a href="{% pageurl page %}">'
        "{% image page.photo fill-300x200 %}</a>"), "link-name")
    assert [outcome for outcome, _ in found] == ["cantTell"]
# -- a partial's colours ----------------------------------------------------------------------

CARD = ('<div class="cta" style="background:#1b264f">\n'
        '<a class="button" href="/install">Show install guidance</a>\n</div>\n')


def contrast_findings(tmp_path, *args, files=None):
    files = {"card.html": CARD, **(files or {})}
    _, data = run(tmp_path, str(tmp_path / "card.html"), *args, files=files)
    return outcomes(data["pages"][0]).get("color-contrast", [])


def test_a_partials_colours_are_the_including_pages_stylesheets_to_decide(tmp_path):
    # (the layout's CSS gives the button its colour; unstyled, the link is the browser's
    # blue on the partial's dark background): what its own styles fail is to review
    (outcome, message), = contrast_findings(tmp_path)
    assert outcome == "cantTell"
    assert message.startswith("Text contrast 1.56:1 (#0000ee on #1b264f, 16px) is below 4.5:1 "
                              "for normal text; but a partial is judged here on its own "
                              "styles only")
    assert "--stylesheet" in message
    # what they pass, the page that includes it decides: no result
    found = contrast_findings(tmp_path, "--include-passed", files={
        "card.html": CARD.replace("#1b264f", "#fff")})
    assert found == []


def test_a_partial_is_judged_with_the_sites_css_given_or_on_its_own_styles(tmp_path):
    (tmp_path / "site.css").write_text(".button{color:#fff}", encoding="utf-8")
    found = contrast_findings(tmp_path, "--stylesheet", str(tmp_path / "site.css"),
                              "--include-passed")
    assert [outcome for outcome, _ in found] == ["passed"]
    (outcome, message), = contrast_findings(tmp_path, "--missing-stylesheets", "ignore")
    assert outcome == "failed" and message.endswith(
        "judged on the partial's own styles, without those of the page that includes it "
        "(--missing-stylesheets ignore)")
    # audited as a page, it is judged on its own styles as a page would be
    (outcome, _), = contrast_findings(tmp_path, "--fragments", "pages")
    assert outcome == "failed"


def test_a_partial_without_text_has_no_colours_to_judge(tmp_path):
    found = contrast_findings(tmp_path, files={"card.html": '<div class="rule"><hr></div>'})
    assert found == []


# -- loops ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("family", "text", "looped"), [
    ("jinja", "<ul>{% for s in xs %}<li>{{ s }}</li>{% endfor %}</ul>",
     ["{% for s in xs %}<li>{{ s }}</li>"]),
    # a loop's empty case is written once, where there is no item; an if's else in a loop
    # is in the loop
    ("jinja", "{% for s in xs %}<p></p>{% empty %}<i></i>{% endfor %}",
     ["{% for s in xs %}<p></p>"]),
    ("jinja", "{% for s in xs %}{% if s %}<p></p>{% else %}<i></i>{% endif %}{% endfor %}",
     ["{% for s in xs %}{% if s %}<p></p>{% else %}<i></i>{% endif %}"]),
    ("handlebars", "{{#each xs}}<p></p>{{else}}<i></i>{{/each}}", ["{{#each xs}}<p></p>"]),
    ("go", "{{ range .Xs }}<p></p>{{ else }}<i></i>{{ end }}", ["{{ range .Xs }}<p></p>"]),
    ("blade", "@forelse($xs as $x)<p></p>@empty<i></i>@endforelse", ["@forelse($xs as $x)<p></p>"]),
    ("freemarker", "<#list xs as x><p></p><#else><i></i></#list>", ["<#list xs as x><p></p>"]),
    # Handlebars: each, not a condition's block; Go: range, not if
    ("handlebars", "{{#each xs}}<p></p>{{/each}}{{#if x}}<i></i>{{/if}}",
     ["{{#each xs}}<p></p>"]),
    ("go", "{{ range .Xs }}<p></p>{{ end }}{{ if .X }}<i></i>{{ end }}",
     ["{{ range .Xs }}<p></p>"]),
    # Ruby: an each's block, not a form's
    ("erb", "<% xs.each do |x| %><p></p><% end %><%= form_with do %><i></i><% end %>",
     ["<% xs.each do |x| %><p></p>"]),
    # JavaScript's forEach in EJS
    ("erb", "<% items.forEach(function(i) { %><li></li><% }) %>",
     ["<% items.forEach(function(i) { %><li></li>"]),
    # PHP: braces (a for's header holding semicolons) and the alternative syntax
    ("php", "<?php for ($i = 0; $i < 3; $i++) { ?><p></p><?php } ?>"
            "<?php while ( have_posts() ) : the_post(); ?><p></p><?php endwhile; ?>",
     ["<?php for ($i = 0; $i < 3; $i++) { ?><p></p>",
      "<?php while ( have_posts() ) : the_post(); ?><p></p>"]),
    ("velocity", "#foreach($i in $xs)<p></p>#end#if($a)<i></i>#end",
     ["#foreach($i in $xs)<p></p>"]),
    ("jsp", '<c:forEach items="${xs}" var="x"><p></p></c:forEach>',
     ['<c:forEach items="${xs}" var="x"><p></p>']),
    ("blade", "@foreach($xs as $x)<p></p>@endforeach", ["@foreach($xs as $x)<p></p>"]),
    ("freemarker", "<#list xs as x><p></p></#list><#if a><i></i></#if>",
     ["<#list xs as x><p></p>"]),
    # Razor: a foreach statement, and a for's block in a block of code
    ("razor", "@foreach (var x in Model.Xs) { <p></p> }\n@{ for (var i = 0; i < 3; i++) "
              "{ <p></p> } }", ["@foreach (var x in Model.Xs) { <p></p> }", "{ <p></p> "]),
])
def test_the_spans_a_template_renders_once_for_each_item(family, text, looped):
    read_as = reading(text, family)
    assert (read_as.parsed, read_as.conditions) == read(text, family)
    assert [text[start:end] for start, end in read_as.loops] == looped


LOOPED = """{% for story in stories %}
<article>
  <h2 id="card-title">{{ story.title }}</h2>
  <a href="{{ story.url }}" aria-labelledby="card-title" accesskey="r">Read</a>
  <input id="q-{{ loop.index }}"><label for="q-{{ loop.index }}">Pick</label>
</article>
{% endfor %}
<label for="search">Search</label><input id="search" accesskey="s">
"""


def test_an_id_or_a_key_a_loop_repeats_is_to_review(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "cards.html"), "--include-passed",
                  files={"cards.html": LOOPED})
    found = outcomes(data["pages"][0])
    # the loop writes the headline's id and the link's key once for each story
    (outcome, message), = [f for f in found["duplicate-id-aria"] if f[0] != "passed"]
    assert outcome == "cantTell" and message.startswith(
        "id 'card-title' is referenced by ARIA or a label and stands in the template's "
        'loop "{% for story in stories %}": each item writes it')
    assert ("cantTell", "accesskey 'r' stands in the template's loop \"{% for story in "
            "stories %}\": each item writes it, so on a page of two items or more it is "
            "used twice") in found["accesskeys"]
    # outside the loop, or made of the item's data, they are unique
    assert ("passed", "id 'search' is referenced and unique") in found["duplicate-id-aria"]
    assert ("passed", "accesskey 's' is unique") in found["accesskeys"]
    assert [outcome for outcome, message in found["duplicate-id-aria"]
            if "q-" in message] == ["passed"]


def test_an_element_thymeleaf_writes_for_each_item_is_repeated(tmp_path):
    page = ('<html xmlns:th="http://www.thymeleaf.org" lang="en"><title>x</title><main>\n'
            '<article th:each="story : ${stories}">\n<h1 id="hed" th:text="${story.title}">'
            'Title</h1>\n<a th:href="@{/s}" aria-describedby="hed">Read</a>\n</article>\n'
            "</main></html>")
    _, data = run(tmp_path, str(tmp_path / "list.html"), files={"list.html": page})
    found = outcomes(data["pages"][0])
    for rule in ("duplicate-id-aria", "single-heading-one"):
        (outcome, message), = found[rule]
        assert outcome == "cantTell"
        assert "stands in the template's loop th:each=\"story : ${stories}\": each item" in (
            message)


def test_a_headline_or_a_landmark_a_loop_repeats_is_to_review(tmp_path):
    listing = ("<!doctype html><html lang=en><title>Stories</title><main>\n"
               "{% for story in stories %}<article><h1>{{ story.title }}</h1>"
               '<nav aria-label="Story tools"><a href="/share">Share</a></nav></article>'
               "{% endfor %}\n</main></html>")
    _, data = run(tmp_path, str(tmp_path / "list.html"), files={"list.html": listing})
    found = outcomes(data["pages"][0])
    (outcome, message), = found["single-heading-one"]
    assert outcome == "cantTell" and message.startswith(
        'The level-one heading "{{ story.title }}" stands in the template\'s loop "{% for '
        'story in stories %}": each item writes one')
    (outcome, message), = found["landmark-unique"]
    assert outcome == "cantTell" and message.startswith(
        'The navigation landmark named "Story tools" stands in the template\'s loop')
    # one whose name the item's data gives is the item's own
    _, data = run(tmp_path, str(tmp_path / "list.html"), "--include-passed", files={
        "list.html": listing.replace('aria-label="Story tools"',
                                     'aria-labelledby="tools-{{ story.id }}"')})
    assert {o for o, _ in outcomes(data["pages"][0])["landmark-unique"]} == {"passed"}
    # one written once is the page's headline, its landmarks unique
    _, data = run(tmp_path, str(tmp_path / "list.html"), "--include-passed", files={
        "list.html": listing.replace("{% for story in stories %}", "").replace(
            "{% endfor %}", "")})
    found = outcomes(data["pages"][0])
    assert [o for o, _ in found["single-heading-one"]] == ["passed"]
    assert {o for o, _ in found["landmark-unique"]} == {"passed"}


def test_a_link_a_partials_own_styles_hide_in_its_text_is_to_review(tmp_path):
    text = ('<p style="color:#222">Read the <a href="/report" style="color:#333;'
            'text-decoration:none">full report</a> on the storm.</p>')
    _, data = run(tmp_path, str(tmp_path / "note.html"), files={"note.html": text})
    (outcome, message), = outcomes(data["pages"][0])["link-in-text-block"]
    assert outcome == "cantTell" and "a partial is judged here on its own styles only" in message
    _, data = run(tmp_path, str(tmp_path / "note.html"), "--fragments", "pages")
    assert [o for o, _ in outcomes(data["pages"][0])["link-in-text-block"]] == ["failed"]


# Ember's Glimmer templates (Gothamist's web client, trimmed)
GLIMMER = """{{#unless this.sensitive.on}}
  <HtlbidAd class="dfp-skin" role="presentation" aria-hidden="true" @slot='gothamist/skin' />
{{/unless}}
<NyprOHeader @donateURL={{DONATE_URL}} as |header|>
  <header.menu @onClick={{action this.trackEvent (hash label=' - {{URL}}')}} />
</NyprOHeader>
<main class={{concat "c-main " this.mainRouteClasses}}>
  <h1 class="c-tag-listing__heading">{{if model.isWTC 'We the Commuters' model.title}}</h1>
  <div class="c-banners__breaking-news">
    {{#each model.breakingNews as |news|}}
      <BreakingNewsBanner @news={{news}} />
    {{/each}}
  </div>
  <a href={{model.article.leadImageLink}} target="_blank" rel="noopener">
    <NyprMFigure @image={{model.article.leadImage}} />
  </a>
  <Button class="mod-wide" @label={{if more.isRunning 'Loading...' 'More Results'}} />
  <button class="close" {{on "click" this.close}}></button>
  <a class="c-tool" ...attributes>{{yield}}</a>
  {{outlet}}
</main>
"""


def test_glimmer_components_write_their_own_markup():
    """A component's start tag is a hole (its template writes its markup), its end tag
    nothing; what it holds is the block it renders; an element in capitals is HTML's."""
    parsed = neutralise(GLIMMER, "handlebars")
    assert_same_lines(parsed, GLIMMER)
    lines = parsed.splitlines()
    assert is_hole(lines[1].strip()[4:-3])                  # <HtlbidAd ... />
    assert is_hole(lines[3].strip()[4:-3])                  # <NyprOHeader ...>
    assert is_hole(lines[4].strip()[4:-3])                  # a yielded <header.menu />
    assert lines[5].strip() == ""                           # </NyprOHeader>
    assert "{{if model.isWTC" in lines[7]                   # the inline if writes text
    assert is_hole(lines[10].strip()[4:-3]) and is_hole(lines[14].strip()[4:-3])
    assert is_hole(lines[16].strip()[4:-3])                 # <Button ... />
    assert "<button class=\"close\" " in lines[17] and "{{" not in lines[17]   # a modifier
    assert "{{attribute}}" in lines[18] and "<!--@" in lines[18]    # ...attributes, yield
    assert is_hole(lines[19].strip()[4:-3])                 # {{outlet}}
    # HTML's own elements, in any case, and a file without Glimmer's marks, as before
    assert neutralise("<DIV><A HREF='/'>Home</A></DIV> {{#if x}}{{/if}}", "handlebars") \
        .startswith("<DIV><A HREF='/'>Home</A></DIV>")
    plain = "<Button>Play</Button> {{#each items}}{{name}}{{/each}}"
    assert neutralise(plain, "handlebars").startswith("<Button>Play</Button>")


@pytest.mark.parametrize(("text", "kept"), [
    # a quote, or a {{, that the file never closes is text: the tag ends at its ">"
    ("<Card @title=\"x /> <p>y</p> {{#if a}}{{/if}} as |x|", "<p>y</p>"),
    ("<Card @title={{x /> <p>y</p>" + "<B 'c>" * 50 + " as |x|", "<p>y</p><B 'c>"),
    ("<Card " + "'" * 98 + " @a=b><p>y</p>" + "<Card title='x' @a=b>" * 50, "<p>y</p>"),
])
def test_a_glimmer_tag_left_open_is_read_to_its_end(text, kept):
    parsed = neutralise(text, "handlebars")
    assert len(parsed) == len(text)
    assert parsed.startswith("<!--@") and kept in parsed


def test_what_glimmer_components_write_is_the_rendered_pages(tmp_path):
    _, data = run(tmp_path, str(tmp_path / "application.hbs"), "--include-passed",
                  files={"application.hbs": GLIMMER})
    page = data["pages"][0]
    assert page["template"] == "handlebars"
    found = outcomes(page)
    # no <Button> component judged as a button, no aria-hidden ad holding the page, an
    # inline if's heading text, a link whose content the component writes
    assert [message[:36] for outcome, message in found["button-name"]
            if outcome == "failed"] == ['Button <button class="close"> has no']
    assert not any(outcome == "failed" for outcome, _ in found.get("aria-hidden-focus", []))
    assert not any(outcome == "failed" for outcome, _ in found.get("empty-heading", []))
    assert {outcome for outcome, _ in found["link-name"]} == {"cantTell"}
    # the breaking-news container's items are what the component writes
    (ticker,) = found["live-region-ticker"]
    assert ticker[0] == "cantTell" and "may be the live region" in ticker[1]
    # (the button that a modifier gives behaviour is judged above: it has no name)


@pytest.mark.parametrize(("text", "expected"), [
    # Ember's link helper renders an <a href>, its literal attributes as written, others
    # an expression's; with a tagName it renders another element: its content alone
    ('<nav>{{#link-to "index" class="logo" aria-label="home page"}}<b>x</b>{{/link-to}}</nav>',
     '<nav><a href class="logo" aria-label="home page">' + " " * 12 + "<b>x</b></a>        </nav>"),
    ("<p>{{#link-to params=@route class=x.cls title=(concat 'a' b)}}{{t}}{{/link-to}}</p>",
     '<p><a href class="{{" title="{{">' + " " * 29 + "{{t}}</a>        </p>"),
    ('<ul>{{#link-to "stream" tagName="li"}}Listen{{/link-to}}</ul>',
     "<ul>" + " " * 34 + "Listen" + " " * 12 + "</ul>"),
    # ... and so does its component, in a Glimmer file
    ('<div as |x|><LinkTo @route="story" class="c">Read</LinkTo></div>',
     '<div as |x|><a href @route="story" class="c">Read</a>     </div>'),
])
def test_embers_links_are_links(text, expected):
    parsed = neutralise(text, "handlebars")
    assert parsed == expected
    assert_same_lines(parsed, text)


def test_an_ember_link_is_judged_as_a_link(tmp_path):
    text = ('<header>{{#link-to "index" class="logo"}}{{/link-to}}'
            '{{#link-to "about"}}About us{{/link-to}}</header>')
    _, data = run(tmp_path, str(tmp_path / "header.hbs"), "--include-passed",
                  files={"header.hbs": text})
    found = outcomes(data["pages"][0])
    assert [o for o, _ in found["link-name"]] == ["failed", "passed"]


@pytest.mark.parametrize(("name", "text", "outcome"), [
    ("ticker.html.j2", '<div class="breaking-news">{% include "alert.html" %}</div>', "cantTell"),
    ("ticker.blade.php", '<div class="breaking-news"><x-alert :story="$s"/></div>', "cantTell"),
    # what the file holds alone, or an expression's text, is judged
    ("ticker.html.j2", '<div class="breaking-news"><a href="/n">{{ s.title }}</a></div>',
     "failed"),
    ("ticker.html.j2", '<div class="breaking-news" role="status">{% include "a.html" %}</div>',
     "passed"),
])
def test_a_tickers_live_region_may_be_what_an_include_writes(tmp_path, name, text, outcome):
    _, data = run(tmp_path, str(tmp_path / name), "--include-passed", files={name: text})
    (found,) = outcomes(data["pages"][0])["live-region-ticker"]
    assert found[0] == outcome


ICON = '<svg class="icon" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>\n'


@pytest.mark.parametrize(("text", "family", "icon"), [
    (ICON, None, True),
    ('<?xml version="1.0"?>\n<!-- Generator: Sketch -->\n' + ICON, None, True),
    ('{% verbatim %}<svg aria-hidden="true" class="{{ class }}"><path d="M0"/></svg>'
     "{% endverbatim %}", "jinja", True),
    ('<svg class="{{ class }}"><use href="#x"/></svg>', "jinja", True),
    # what names it, what may, and what is more than an icon
    ('<svg><title>Facebook</title><path d="M0"/></svg>', None, False),
    ('<svg aria-label="Search"><path d="M0"/></svg>', None, False),
    ('<svg aria-labelledby="t"><path d="M0"/></svg>', None, False),
    ('<svg><text x="0">RSS</text></svg>', None, False),
    ("<svg>{{#if title}}<title>{{title}}</title>{{/if}}</svg>", "handlebars", False),
    ("<svg>{{> inner}}</svg>", "handlebars", False),
    ("<svg><path/></svg><span>Share</span>", None, False),
    ("<span class='icon'></span>", None, False),
    ("<svg><svg><path/></svg></svg>", None, False),
    ("", None, False),
])
def test_a_nameless_icon_is_an_svg_alone(text, family, icon):
    assert is_nameless_icon(text, family) is icon


@pytest.mark.parametrize(("token", "family", "name"), [
    ('{{> "icons/facebook"}}', "handlebars", "icons/facebook"),
    ("{{>icons/search}}", "handlebars", "icons/search"),
    ("{{~> 'icons/x' class=\"y\"}}", "handlebars", "icons/x"),
    ('{% include "icons/arrow.html" with class="w-3" %}', "jinja", "icons/arrow.html"),
    ("{%- render 'icon-caret' -%}", "jinja", "icon-caret"),
    ("{% include icon-github.svg %}", "jinja", "icon-github.svg"),
    ("{{ source('icons/x.svg') }}", "jinja", "icons/x.svg"),
    ('{{ partial "icons/x.svg" . }}', "go", "icons/x.svg"),
    # a name the data decides, or no include
    ("{% include icon_name %}", "jinja", None),
    ("{{> (lookup . 'name')}}", "handlebars", None),
    ("{{{body}}}", "handlebars", None),
])
def test_an_includes_partial_is_named_by_a_literal(token, family, name):
    assert included_name(token, family) == name


def test_partials_are_looked_for_where_each_loader_looks():
    assert list(partial_paths("handlebars", "icons/x")) == [
        "partials/icons/x.hbs", "partials/icons/x.handlebars", "partials/icons/x",
        "icons/x.hbs", "icons/x.handlebars", "icons/x"]
    assert "snippets/icon-caret.liquid" in partial_paths("jinja", "icon-caret")
    assert "layouts/partials/icons/x.svg" in partial_paths("go", "icons/x.svg")
    # no path out of the folders searched, nor a name of another family
    for name in ("../secret", "/etc/passwd", "a/../../b", "x\\y", ""):
        assert list(partial_paths("jinja", name)) == []
    assert list(partial_paths("erb", "x")) == []


@pytest.mark.parametrize(("files", "template", "outcome"), [
    # a Ghost theme's partial, a Django project's, Shopify's snippet, Hugo's partial
    ({"partials/icons/facebook.hbs": ICON},
     ('author.hbs', '<a href="{{facebook_url}}">{{> "icons/facebook"}}</a>'), "failed"),
    ({"templates/icons/arrow.html": "{% verbatim %}" + ICON + "{% endverbatim %}"},
     ("templates/components/card.html",
      '<a href="{{ url }}">{% include "icons/arrow.html" with class="w-3" %}</a>'), "failed"),
    ({"snippets/icon-x.liquid": ICON},
     ("sections/footer.liquid", "<a href=\"{{ url }}\">{% render 'icon-x' %}</a>"), "failed"),
    ({"layouts/partials/icons/x.svg": ICON},
     ("layouts/_default/single.html", '<a href="{{ .URL }}">{{ partial "icons/x.svg" . }}</a>'
      "{{ range .Pages }}{{ end }}"), "failed"),
    # an icon saved with a byte order mark
    ({"partials/icons/x.hbs": "\ufeff" + ICON},
     ('author.hbs', '<a href="{{x_url}}">{{> "icons/x"}}</a>'), "failed"),
    # an icon with a title, a partial that is not there, one that is more than an icon
    ({"partials/icons/facebook.hbs": '<svg><title>Facebook</title><path d="M0"/></svg>'},
     ('author.hbs', '<a href="{{facebook_url}}">{{> "icons/facebook"}}</a>'), "cantTell"),
    ({}, ('author.hbs', '<a href="{{facebook_url}}">{{> "icons/facebook"}}</a>'), "cantTell"),
    ({"partials/icons/facebook.hbs": ICON + "<span>Facebook</span>"},
     ('author.hbs', '<a href="{{facebook_url}}">{{> "icons/facebook"}}</a>'), "cantTell"),
    # the icon beside the link's text: the text names it
    ({"partials/icons/arrow.hbs": ICON},
     ('author.hbs', '<a href="{{url}}">Next story {{> "icons/arrow"}}</a>'), "passed"),
])
def test_an_include_of_an_icon_the_repository_holds_is_that_icon(tmp_path, files, template,
                                                                  outcome):
    found = project_findings(tmp_path, tmp_path, {**files, template[0]: template[1]},
                             template[0], "link-name")
    assert [result for result, _ in found] == [outcome]
    if outcome == "failed":
        assert "its <svg> has no name" in found[0][1]


def test_a_partials_text_of_several_states_is_the_site_stylesheets_to_show(tmp_path):
    # Ghost's Source theme: the site's CSS shows "Subscribe" or "Email sent"
    text = ('<form><input type="email" aria-label="Email"><button type="submit" '
            'aria-label="Subscribe"><span>Subscribe</span> <span>Email sent</span></button>'
            "</form>")
    found = rule_findings(tmp_path, "subscribe.hbs", text, "label-content-name-mismatch")
    assert [result for result, _ in found] == ["cantTell"]
    assert "the page that includes this partial" in found[0][1]
    # a page, with its styles: the text is all visible
    page = "<!DOCTYPE html><html lang='en'><head><title>T</title></head><body>" + text
    found = rule_findings(tmp_path, "page.html", page, "label-content-name-mismatch")
    assert [result for result, _ in found] == ["failed"]


GUARDIAN = """<!DOCTYPE html>
<html lang="en-US"><head><title>__TITLE__</title>
<style>/* <-- */ __ATOMS_CSS__ /* --> */</style></head>
<body class="__FONT_SIZE__" data-page-id="__PAGE_ID__">
<div class="article"><h1 class="headline">__HEADLINE__</h1>
<div class="byline"><a class="avatar" href="x-gu://list/__AUTHOR_URL__">
<img src="__AUTHOR_IMAGE_SRC__" alt="__AUTHOR_ALT__"></a></div>
<ul class="key-events__list">__KEY_EVENT_ITEM__</ul>
<img src="__VIDEO_IMAGE__"/>
<a role="tab" href="#t" __TABS_SELECTED__>Scores</a>
__ARTICLE_BODY__</div></body></html>
"""


def test_placeholders_write_markup_in_content_and_values_elsewhere(tmp_path):
    """A placeholder is replaced as it stands: in content, with markup or text (a hole); in
    a value, a tag's attributes or raw text, with text (an expression)."""
    parsed = neutralise(GUARDIAN, "placeholder")
    assert_same_lines(parsed, GUARDIAN)
    assert "<title>{{TITLE}}</title>" in parsed and "{{ATOMS_CSS}}" in parsed
    assert 'alt="{{AUTHOR_ALT}}"' in parsed and 'href="#t" {{TABS_SELECTED}}>' in parsed
    assert "<h1 class=\"headline\"><!--@" in parsed and not re.search("__[A-Z]", parsed)
    _, data = run(tmp_path, str(tmp_path / "liveblogTemplate.html"), "--include-passed",
                  files={"liveblogTemplate.html": GUARDIAN})
    page = data["pages"][0]
    assert page["template"] == "placeholder"
    found = outcomes(page)
    # what the data fills in is the rendered page's; what is certain still fails
    assert {outcome for outcome, _ in found["image-alt"]} == {"passed", "failed"}
    assert [m for o, m in found["image-alt"] if o == "failed"] == [
        '<img src="__VIDEO_IMAGE__"> has no alt attribute and no aria-label, '
        "aria-labelledby or title"]
    assert {outcome for outcome, _ in found["list"]} == {"passed"}     # (its items: the data's)
    assert {outcome for outcome, _ in found["document-title"]} == {"passed"}
    assert {outcome for outcome, _ in found["empty-heading"]} == {"cantTell"}
    assert {outcome for outcome, _ in found["landmark-one-main"]} == {"cantTell"}


SVELTEKIT_SHELL = """<!doctype html>
<html lang="en">
<head>
  <link rel="icon" href="%sveltekit.assets%/favicon.png" />
  %sveltekit.head%
</head>
<body data-sveltekit-preload-data="hover">
  <a href="#content" class="skip-to-main">Skip to main content</a>
  <div style="display: contents">%sveltekit.body%</div>
</body>
</html>
"""


def test_a_sveltekit_page_shell_is_a_template_of_placeholders(tmp_path):
    """SvelteKit's src/app.html: the app writes the head's and the body's markup where
    %sveltekit.head% and %sveltekit.body% stand (holes), and its assets' path in a value."""
    assert detect(SVELTEKIT_SHELL) == "placeholder"
    parsed = neutralise(SVELTEKIT_SHELL, "placeholder")
    assert_same_lines(parsed, SVELTEKIT_SHELL)
    assert 'href="{{veltekit.asset}}/favicon.png"' in parsed
    assert '<div style="display: contents"><!--@@@@@@@@@-->' in parsed and "%" not in parsed
    _, data = run(tmp_path, str(tmp_path / "app.html"), files={"app.html": SVELTEKIT_SHELL})
    page = data["pages"][0]
    assert page["template"] == "placeholder" and not page.get("fragment")
    found = outcomes(page)
    # the app writes the title, the main landmark, the headline and the skip link's target
    for rule in ("document-title", "landmark-one-main", "page-has-heading-one", "skip-link"):
        assert [o for o, _ in found[rule]] == ["cantTell"], rule
    assert "region" not in found
    # a shell without them is plain HTML ("%" alone, or a placeholder in a script only)
    assert detect("<p>100% of <b>%</b></p>") is None
    assert detect("<p>x</p><script>var s = '%sveltekit.body%';</script>") is None


# -- Svelte (.svelte components: Reuters Graphics' kit, The Pudding's starter) -----------------

SVELTE = """<script>
  import Icon from "./Icon.svelte";
  let { story, open = $bindable(false) } = $props();
  const mark = `<b>${ {a: 1}.a }</b>`;
</script>

<svelte:head><title>{story.headline} | Reuters</title></svelte:head>
<article class="story {story.kind}">
  {#if story.image}
    <img src={story.image.src} alt={story.image.alt} />
  {:else}
    <div class="no-image"></div>
  {/if}
  <h2><a href="/story/{story.slug}">{story.headline}</a></h2>
  <button on:click={() => (open = !open)} aria-expanded={open}><Icon name="menu" /></button>
  <ul>
    {#each story.tags as tag (tag.id)}
      <li><a {href} {...tag.rest}>{tag.name}</a></li>
    {/each}
  </ul>
  {@html story.body}
  <!-- {not an expression} -->
</article>

<style>
  .story { color: #333; }
</style>
"""


def test_svelte_is_known_by_its_name_and_read_as_it_renders():
    assert family_of_name("src/components/Headline.svelte") == "svelte"
    assert ".svelte" in folder_suffixes("auto") and folder_suffixes("svelte") == (".svelte",)
    parsed, conditions, loops = reading(SVELTE, "svelte")
    assert_same_lines(parsed, SVELTE)
    lines = parsed.split("\n")
    assert lines[:5] == SVELTE.split("\n")[:5]      # the script, braces and all, as written
    # <svelte:head> writes no element; an expression writes text
    assert lines[6] == " " * 13 + "<title>{{tory.headline} | Reuters</title>" + " " * 14
    assert lines[7] == '<article class="story {{tory.kind}">'
    # a block's tags render nothing, its else is a branch; values an expression writes
    assert not lines[8].strip() and not lines[12].strip()
    assert lines[9] == '    <img src="{{ory.image.sr}" alt="{{ory.image.al}" />'
    assert lines[10] == "  <!~~~~>"
    assert lines[13] == '  <h2><a href="/story/{{tory.slug}">{{tory.headline}</a></h2>'
    # a directive writes no attribute, its arrow no ">"; a component is a hole
    assert lines[14] == ("  <button" + " " * 32 + ' aria-expanded="{{e}"><!--@@@@@@@@@@@@'
                         "@--></button>")
    # a shorthand and a spread are attributes an expression writes
    assert lines[17] == "      <li><a {{ref} {{..tag.rest}>{{ag.name}</a></li>"
    assert is_hole(lines[20].strip()[4:-3])         # {@html}
    assert lines[21] == "  <!-- {not an expression} -->"
    assert lines[-4:-1] == SVELTE.split("\n")[-4:-1]    # the component's scoped styles
    if_block = SVELTE.index("{#if"), SVELTE.index("{/if}")
    each_block = SVELTE.index("{#each"), SVELTE.index("{/each}")
    assert conditions == (if_block,)
    assert loops == (each_block,)


@pytest.mark.parametrize(("text", "expected"), [
    # the blocks: await's branches, key and snippet (rendered, not conditional), the tags
    # that write nothing, those that write markup
    ("{#await p}<p>…</p>{:then v}<p>{v}</p>{:catch e}<p>{e}</p>{/await}",
     "          <p>…</p><!--~~--><p>{{}</p><!--~~~--><p>{{}</p>        "),
    ("{#key k}<p>a</p>{/key}", "        <p>a</p>      "),
    ("{@const x = 1}{@debug x}{@render row(x)}", " " * 24 + "<!--@@@@@@@@@-->"),
    # JavaScript's braces, strings, template literals and comments in an expression
    ("<p>{f({a: '}'}, `${ {b: '{'} }`) /* } */}</p>",
     "<p>{{(❴a: ′❵′❵, `$❴ ❴b: ′❴′❵ ❵`) /* ❵ */}</p>"),
    # a value's expression in quotes, and around an equals sign's spaces
    ("<a title='a {b ? \"c\" : \"d\"} e' href = {u}>x</a>",
     "<a title='a {{ ? ″c″ : ″d″} e' href = {{}>x</a>"),
    # the directives, and Svelte 5's {@attach}: no attribute
    ("<input bind:value={v} class:on={a > b} style:color={c} use:act {@attach f}>",
     "<input" + " " * 68 + ">"),
    # Svelte 5's event attributes are attributes, their handlers expressions
    ("<button onclick={() => n > 1}>+</button>", '<button onclick="{{ =› n › }">+</button>'),
    # components: by a capital, a dot, Svelte's own; and elements Svelte writes none for
    ("<ui.Button>a</ui.Button><slot name='x'>b</slot>", "<!--@@@@-->a" + " " * 12
     + "<!--@@@@@@@@-->b       "),
    ("<svelte:window on:keydown={k} /><svelte:fragment>a</svelte:fragment>",
     " " * 49 + "a" + " " * 18),
    # an HTML element "/>" closes, with its end tag (its class where it fits); in an
    # <svg>, as written; a one-character value over a line break
    ("<textarea bind:value={v} /><p>a</p>", "<textarea></textarea>      <p>a</p>"),
    ('<div class="x" /><span class="a"\n/>b', '<div></div>      <span></span>  \n  b'),
    # ... its first attributes where not all fit (a label names its id)
    ('<textarea\n  id="t"\n  placeholder="Your message"\n/>',
     '<textarea\nid=t>   \n</textarea>' + " " * 17 + "\n  "),
    ('<svg><path d={p} /></svg>', '<svg><path d={{} /></svg>'),
    ("<p title={\n}>a</p>", '<p title="\n">a</p>'),
    # a brace the file never closes: the rest as written
    ("<p>{a</p><p>{b}</p>", "<p>{a</p><p>{b}</p>"),
    ("<p>{b}</p><p>{a '</p>\n{c}", "<p>{{}</p><p>{a '</p>\n{c}"),
])
def test_svelte_tags_and_expressions(text, expected):
    parsed = neutralise(text, "svelte")
    assert parsed == expected
    assert_same_lines(parsed, text)


def test_svelte_components_are_judged_on_what_they_write(tmp_path):
    files = {
        "Menu.svelte": ('<button on:click={() => (open = !open)}><Icon name="menu" /></button>\n'
                        '<button onclick={() => n > 1}></button>\n'
                        '<img src={photo.src}>\n<img {alt} src="x.png">\n'
                        "{#if wide}<main>a</main>{:else}<main>b</main>{/if}\n"),
    }
    _, data = run(tmp_path, str(tmp_path / "Menu.svelte"), files=files)
    page = data["pages"][0]
    assert page["template"] == "svelte" and page["fragment"] is True
    found = outcomes(page)
    # an icon component may name the button; an empty button is unnamed whatever its handler
    assert [(o, m[:44]) for o, m in found["button-name"]] == [
        ("cantTell", "an include, a block or a raw expression writ"),
        ("failed", "Button <button> has no accessible name: no t")]
    # an <img> without alt fails whatever the data; one whose attributes a shorthand writes
    # is the rendered page's
    assert [o for o, _ in found["image-alt"]] == ["failed", "cantTell"]
    # two <main> in an if and its else are alternatives
    assert [o for o, _ in found["landmark-no-duplicate-main"]] == ["cantTell"]


# -- Vue (.vue single-file components: Mirror Media's Nuxt site) ---------------------------------

VUE = """<template>
  <article class="card" :class="{ live: isLive }">
    <nuxt-link :to="`/story/${story.slug}`" class="card__link">
      <img v-if="story.image" :src="story.image.src" :alt="story.image.alt">
      <div v-else class="no-image" />
      <h2 class="card__title" v-text="story.title" />
    </nuxt-link>
    <p v-html="story.brief"></p>
    <button type="button" @click="open = !open" aria-label="Share"><SvgIcon name="s" /></button>
    <ul>
      <li v-for="tag in story.tags" :key="tag.id"><a :href="tag.url">{{ tag.name }}</a></li>
    </ul>
    <template v-if="a > b"><main>A</main></template>
    <template v-else><main>B</main></template>
    <i class="icon"
       v-show="x" />
  </article>
</template>

<script>
export default { data: () => ({ open: false }) }
</script>

<style scoped>
.card { color: #333; }
</style>

<i18n>
{ "en": { "hi": "Hi" } }
</i18n>
"""


def test_vue_is_known_by_its_name_and_read_as_it_renders():
    assert family_of_name("components/UiArticleCard.vue") == "vue"
    assert ".vue" in folder_suffixes("auto") and folder_suffixes("vue") == (".vue",)
    parsed, conditions, loops = reading(VUE, "vue")
    assert_same_lines(parsed, VUE)
    lines = parsed.split("\n")
    assert not lines[0].strip() and not lines[18].strip()    # the root template's tags
    # a bound class after the tag's own (the parser keeps the first: merged, not replaced)
    assert lines[1] == '  <article class="card"  class="{{live: isLive }">'
    # Nuxt's link is a link, its "to" the href: here a value a binding writes
    assert lines[2] == '    <a        href="{{story/$\u2774story.slug\u2775}" class="card__link">'
    assert lines[6] == "    </a>" + " " * 8
    # directives as marks: a condition, its else; "/>" closes an HTML element, its
    # attributes moved left and shortened (then unquoted) to leave room for its end tag;
    # the text v-text writes, where it fits, as an expression (not closed: moved)
    assert lines[3] == ('      <img ~~-f="story.image"  src="{{ory.image.sr}"  '
                        'alt="{{ory.image.al}">')
    assert lines[4] == "      <div ~~-l class=no-image></div>"
    assert lines[5] == '      <h2 class="card__title">{{story.title</h2>' + " " * 5
    assert lines[7] == '    <p @@-tml="story.brief"></p>'
    # an event handler writes no attribute; a component is a hole
    assert lines[8] == ('    <button type="button"' + " " * 23 + 'aria-label="Share"><!--'
                        + "@" * 13 + "--></button>")
    assert lines[10] == ('      <li %%-or="tag in story.tags"' + " " * 14
                         + '><a  href="{{g.ur}">{{ tag.name }}</a></li>')
    # <template> writes its content alone, on a condition; a mark on a line of its own
    assert lines[12].strip() == "<main>A</main>" and lines[13].strip() == "<main>B</main>"
    assert lines[14:16] == ['    <i class="icon"', '~~-how="x"></i>     ']
    assert lines[19:26] == VUE.split("\n")[19:26]       # the script and the styles
    assert not "".join(lines[27:]).strip()             # the i18n block
    assert conditions == ((VUE.index("<template v-if"), VUE.index("</template>")),
                          (VUE.index("<template v-else"), VUE.rindex("</template>", 0,
                                                                     VUE.index("<i class"))))
    assert loops == ()


@pytest.mark.parametrize(("text", "expected"), [
    # Nuxt's and Vue Router's links: their "to" the href, in place where the room before it
    # is blank, else an <a href> beside a "to" of its own
    ('<template><nuxt-link to="/a">x</nuxt-link></template>',
     '          <a       href="/a">x</a>        ' + " " * 11),
    ('<template><router-link\n  v-bind:to="{ name: \'a\' }">x</router-link></template>',
     '          <a          \n       href="{{name: ′a′ }">x</a>' + " " * 21),
    ('<template><NuxtLink class="c" to="/a">x</NuxtLink></template>',
     '          <a href   class="c" to="/a">x</a>       ' + " " * 11),
    # attributes an expression writes; a binding that replaces the tag's own
    ('<template><img v-bind="a" :[k]="v" alt="x" :alt="y"></template>',
     '          <img {{ind}="a" {{' + " " * 16 + 'alt={{ >           '),
    # a self-closing element without the room for its end tag and its attributes keeps its
    # marks alone; in an <svg>, "/>" closes an element
    ('<template><div class="a b" /></template>', "          <div></div>" + " " * 19),
    # ... and one too short for its end tag, which holds nothing, is nothing; but an empty
    # heading is an empty heading: as written
    ('<template><p>a<div />b<i\n/></p></template>', '          <p>a<!    >b<!\n >'
     '</p>           '),
    ("<template><h1 /></template>", "          <h1 />           "),
    ('<template><svg><path d="M0" /></svg><span :title="t"/></template>',
     '          <svg><path d="M0" /></svg><span></span>' + " " * 16),
    # a bound value over lines; one moved in a tag rewritten is no longer where its
    # expression is written, nor kept as one (a message would quote other text as it)
    ('<template><img\n  :src="\n   require(x)\n  "\n/></template>',
     '          <img\n   src="\n{{ require(x)\n }"\n/>           '),
    ('<template><button\n :class="{ a: b }"\n @click="go"\n/></template>',
     '          <button\nclass="{{">       \n</button>   \n             '),
    # v-text's text in an element that holds nothing; one that holds something as written
    # is replaced by it: a mark
    ('<template><a :href="u" v-text="label"></a><p v-text="x">old</p><i v-text="y"/>'
     '</template>', '          <a href="{{">{{label</a>        <p @@-ext="x">old</p><i>{{y'
     '</i>' + " " * 16),
    # a template in another language, a block that is neither script nor style
    ('<template lang="pug">div(class="x") {{ y }}</template><docs># Card</docs>',
     " " * 73),
    # an interpolation, a comment, a quote or a comment left open
    ('<template><p>{{ a > b ? "x" : y }}<!-- {{ z }} --></p></template>',
     '          <p>{{ a \u203a b ? \u2033x\u2033 : y }}<!-- {{ z }} --></p>           '),
    ('<template><p :title="x>{{ y }}</p></template>',
     '          <p  title="{{\u2774\u2774 y \u2775\u2775\u2039/p\u203a\u2039/template}'),
    ('<template><p>{{ a </p><!-- x', "          <p>{{ a </p><!-- x"),
])
def test_vue_directives_and_tags(text, expected):
    parsed = neutralise(text, "vue")
    assert parsed == expected
    assert_same_lines(parsed, text)


def test_vue_components_are_judged_on_what_they_write(tmp_path):
    text = """<template>
  <div>
    <button @click="open = !open"><svg-icon name="menu" /></button>
    <button type="button" @click="n > 1" />
    <img v-if="a" :src="photo.src">
    <img v-bind="attrs" src="x.png">
    <main v-if="wide">a</main>
    <main v-else>b</main>
    <h2 class="t" v-text="title" />
    <p>after</p>
  </div>
</template>
"""
    _, data = run(tmp_path, str(tmp_path / "Menu.vue"), files={"Menu.vue": text})
    page = data["pages"][0]
    assert page["template"] == "vue" and page["fragment"] is True
    found = outcomes(page)
    # a component may name the button; an empty one is unnamed whatever its handler
    assert [o for o, _ in found["button-name"]] == ["cantTell", "failed"]
    # an <img> without alt fails whatever the data; one whose attributes v-bind writes is
    # the rendered page's (named as written)
    assert [o for o, _ in found["image-alt"]] == ["failed", "cantTell"]
    assert found["image-alt"][1][1].startswith("an expression writes attributes of <img> "
                                               "(v-bind src)")
    # a v-if and its v-else are alternatives; v-text writes the heading's text, and "/>"
    # closed it (the paragraph after it is not its content)
    assert [o for o, _ in found["landmark-no-duplicate-main"]] == ["cantTell"]
    assert "empty-heading" not in found
    assert "heading-has-content" not in found or all(
        o != "failed" for o, _ in found["heading-has-content"])


# -- components imported from the project's files: an icon is that icon ---------------------

SVG_FILE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><path d="M0"/></svg>\n'
NAMED_SVG = '<svg viewBox="0 0 36 36"><title>Facebook</title><path d="M0"/></svg>\n'
SVG_COMPONENT = ('<template>\n  <svg :class="cls" viewBox="0 0 24 24" aria-hidden="true">'
                 '<path d="M0"/></svg>\n</template>\n<script>\nexport default { props: '
                 "['cls'] }\n</script>\n<style scoped>svg { fill: red; }</style>\n")


def vue_share(invocation: str, imported: str) -> str:
    return (f'<template>\n  <a :href="shareUrl" target="_blank">\n    {invocation}\n  </a>\n'
            f"</template>\n\n<script>\nimport SvgFbLogo from '{imported}'\n"
            "export default { components: { SvgFbLogo } }\n</script>\n")


@pytest.mark.parametrize(("files", "invocation", "imported", "outcome"), [
    # Nuxt's @nuxtjs/svg and vue-svg-loader: an SVG file the project holds, made a component
    ({"assets/fb-logo.svg": SVG_FILE}, "<SvgFbLogo />", "~/assets/fb-logo.svg?inline",
     "failed"),
    ({"assets/fb-logo.svg": SVG_FILE}, '<SvgFbLogo class="fb" @click="go" />',
     "@/assets/fb-logo.svg", "failed"),
    ({"src/assets/fb-logo.svg": SVG_FILE}, "<svg-fb-logo></svg-fb-logo>",
     "@/assets/fb-logo.svg?component", "failed"),
    ({"components/fb-logo.svg": SVG_FILE}, '<SvgFbLogo aria-hidden="true"/>', "./fb-logo.svg",
     "failed"),
    # a component whose markup is an <svg> alone, named without its ending
    ({"components/icons/Fb.vue": SVG_COMPONENT}, '<SvgFbLogo :cls="x" />', "./icons/Fb",
     "failed"),
    # what may name it: a title or label passed down, a spread; a condition; content
    ({"assets/fb-logo.svg": SVG_FILE}, '<SvgFbLogo title="Facebook" />', "~/assets/fb-logo.svg",
     "cantTell"),
    ({"assets/fb-logo.svg": SVG_FILE}, '<SvgFbLogo :aria-label="label" />',
     "~/assets/fb-logo.svg", "cantTell"),
    ({"assets/fb-logo.svg": SVG_FILE}, '<SvgFbLogo v-bind="$attrs" />', "~/assets/fb-logo.svg",
     "cantTell"),
    ({"assets/fb-logo.svg": SVG_FILE}, '<SvgFbLogo v-if="logo" />', "~/assets/fb-logo.svg",
     "cantTell"),
    ({"assets/fb-logo.svg": SVG_FILE}, "<SvgFbLogo><span class=\"fb\"></span></SvgFbLogo>",
     "~/assets/fb-logo.svg", "cantTell"),
    # an icon with a title; an SVG file imported as its text or its URL; a file not there,
    # one out of the project, a package's
    ({"assets/fb-logo.svg": NAMED_SVG}, "<SvgFbLogo />", "~/assets/fb-logo.svg", "cantTell"),
    ({"assets/fb-logo.svg": SVG_FILE}, "<SvgFbLogo />", "~/assets/fb-logo.svg?raw", "cantTell"),
    ({"assets/fb-logo.svg": SVG_FILE}, "<SvgFbLogo />", "~/assets/fb-logo.svg?url", "cantTell"),
    ({}, "<SvgFbLogo />", "~/assets/fb-logo.svg", "cantTell"),
    ({"../outside.svg": SVG_FILE}, "<SvgFbLogo />", "../../outside.svg", "cantTell"),
    ({}, "<SvgFbLogo />", "vue-fb-logo", "cantTell"),
    # the icon beside the link's text: the text names it
    ({"assets/fb-logo.svg": SVG_FILE}, "Share <SvgFbLogo />", "~/assets/fb-logo.svg", "passed"),
])
def test_a_vue_component_imported_from_an_icon_file_is_that_icon(tmp_path, files, invocation,
                                                                 imported, outcome):
    project = tmp_path / "site"
    files = {**files, "package.json": "{}",
             "components/UiShareFb.vue": vue_share(invocation, imported)}
    found = project_findings(tmp_path, project, files, "components/UiShareFb.vue",
                             "link-name")
    assert [result for result, _ in found] == [outcome]
    if outcome == "failed":
        assert "its <svg> has no name" in found[0][1]


@pytest.mark.parametrize(("invocation", "icon", "outcome"), [
    # SvelteKit's $lib: a component whose markup is an <svg> alone, its props in its tags
    ("<Close />", "Close.svelte", "failed"),
    ('<Close size={16} class="x" on:click={go} />', "Close.svelte", "failed"),
    ("<Close/>", "close.svg?component", "failed"),
    # a title passed down, a shorthand one, a spread
    ('<Close title="Close" />', "Close.svelte", "cantTell"),
    ("<Close {title} />", "Close.svelte", "cantTell"),
    ("<Close {...props} />", "Close.svelte", "cantTell"),
    # one that renders a title when given one
    ("<Close />", "Titled.svelte", "cantTell"),
])
def test_a_svelte_component_imported_from_an_icon_file_is_that_icon(tmp_path, invocation, icon,
                                                                    outcome):
    project = tmp_path / "kit"
    files = {
        "package.json": "{}",
        "src/lib/icons/Close.svelte": ("<script>\n  export let size = 24;\n</script>\n\n"
                                       "<svg width={size} height={size} {...$$restProps}>"
                                       '<path d="M0"/></svg>\n'),
        "src/lib/icons/Titled.svelte": ("<script>\n  export let title = '';\n</script>\n"
                                        "<svg>{#if title}<title>{title}</title>{/if}"
                                        '<path d="M0"/></svg>\n'),
        "src/lib/icons/close.svg": SVG_FILE,
        "src/lib/Dialog.svelte": (f"<script>\n  import Close from '$lib/icons/{icon}';\n"
                                  "</script>\n\n<dialog open>\n  <button on:click={() => "
                                  f"(open = false)}}>\n    {invocation}\n  </button>\n"
                                  "</dialog>\n"),
    }
    found = project_findings(tmp_path, project, files, "src/lib/Dialog.svelte",
                             "button-name")
    assert [result for result, _ in found] == [outcome]


def test_a_component_is_read_as_an_icon_where_its_lines_have_room_for_one():
    # (the reader asks whether the import's path is an icon file; here, whatever the path)
    def icons(path):
        return path == "./close.svg"

    text = ("<script>\nimport X from './close.svg'\nimport Icon from './close.svg'\n"
            "import Close from './close.svg'\n</script>\n<button><X/></button>\n"
            "<button><Icon\n  class='x' /></button>\n<button><Close /></button>\n")
    parsed = reading(text, "svelte", icons).parsed
    assert_same_lines(parsed, text)
    # too short for "<svg/>"; on its attributes' line, where its name's has no room; at its
    # start
    assert "<button><!@></button>" in parsed
    assert "<button>     \n<svg/>" in parsed
    assert "<button><svg/>   </button>" in parsed
    assert "<svg" not in reading(text, "svelte", lambda path: False).parsed



@pytest.mark.parametrize(("imports", "invocation", "outcome"), [
    # an icon library's component: Svelte's svelte-fa, Lucide's, unplugin-icons'
    ("import Fa from 'svelte-fa';\nimport { faX } from '@fortawesome/free-solid-svg-icons';",
     "<Fa icon={faX} fw />", "failed"),
    ('import { X as Close } from "lucide-svelte";', "<Close size={16} />", "failed"),
    ("import Close from '~icons/mdi/close';", "<Close />", "failed"),
    # a title passed down, content, another export (svelte-fa's layers write text)
    ("import Fa from 'svelte-fa';", '<Fa icon={faX} title="Close" />', "cantTell"),
    ('import { X as Close } from "lucide-svelte";', '<Close><span class="x" /></Close>',
     "cantTell"),
    ("import { FaLayersText } from 'svelte-fa';", '<FaLayersText content="X" />', "cantTell"),
    # a package the audit does not know
    ("import Icon from 'my-icons';", "<Icon />", "cantTell"),
])
def test_an_icon_librarys_component_is_a_nameless_icon(tmp_path, imports, invocation, outcome):
    text = (f"<script>\n  {imports}\n</script>\n\n<button on:click={{close}}>\n  {invocation}\n"
            "</button>\n")
    found = rule_findings(tmp_path, "Dialog.svelte", text, "button-name")
    assert [result for result, _ in found] == [outcome]


def test_icon_libraries_are_known_by_module_and_export():
    assert is_icon_component("svelte-fa", "default")
    assert is_icon_component("@heroicons/vue/24/solid", "XMarkIcon")
    assert is_icon_component("@fortawesome/vue-fontawesome", "FontAwesomeIcon")
    assert not is_icon_component("@fortawesome/vue-fontawesome", "FontAwesomeLayersText")
    assert not is_icon_component("svelte-fa-extra", "default")      # (another package)
    assert not is_icon_component("./icons/svelte-fa", "default")


VITE_CONFIG = """import { sveltekit } from "@sveltejs/kit/vite";
import svg from "vite-plugin-svgstring";
import path from "path";

export default defineConfig({
	plugins: [sveltekit(), svg()],
	resolve: {
		alias: {
			$components: path.resolve("./src/components"),
			$svg: path.resolve("./src/svg"),
			"@": fileURLToPath(new URL("./src", import.meta.url)),
			$outside: path.resolve("../shared"),
		}
	}
});
"""


@pytest.mark.parametrize(("imported", "svg", "outcome"), [
    # The Pudding's footer: an SVG file imported as its markup (a Vite plugin, or "?raw"),
    # written by {@html}, through an alias the project's Vite configuration sets
    ("$svg/wordmark.svg", SVG_FILE, "failed"),
    ("@/svg/wordmark.svg?raw", SVG_FILE, "failed"),
    # its URL, a named icon, a component, an alias out of the project
    ("$svg/wordmark.svg?url", SVG_FILE, "cantTell"),
    ("$svg/wordmark.svg", NAMED_SVG, "cantTell"),
    ("$components/Wordmark.svelte", SVG_FILE, "cantTell"),
    ("$outside/wordmark.svg", SVG_FILE, "cantTell"),
])
def test_an_svg_files_markup_written_by_html_is_that_icon(tmp_path, imported, svg, outcome):
    project = tmp_path / "starter"
    files = {"package.json": "{}", "vite.config.js": VITE_CONFIG, "src/svg/wordmark.svg": svg,
             "src/components/Wordmark.svelte": svg, "../shared/wordmark.svg": svg,
             "src/components/Footer.svelte": (
                 f'<script>\n\timport wordmark from "{imported}";\n</script>\n\n<footer>\n'
                 '\t<a class="img-wrapper" href="https://pudding.cool">\n'
                 '\t\t<span class="wordmark">{@html wordmark}</span>\n\t</a>\n</footer>\n')}
    found = project_findings(tmp_path, project, files, "src/components/Footer.svelte",
                             "link-name")
    assert [result for result, _ in found] == [outcome]


# -- Astro (.astro components: the news themes and sites built on Astro) ------------------------

ASTRO = """---
import { Image } from "astro:assets";
import Byline from "../components/Byline.astro";
const { story } = Astro.props;
const isLive = story.live && story.updated > Date.now() - 3600;
---

<article class:list={["story", { live: isLive }]}>
  <Image src={story.photo} alt={story.photo.alt} width={800} />
  <h1>{story.headline}</h1>
  {isLive && <span class="live">Live</span>}
  <ul class="tags">
    {story.tags.map((tag) => (
      <li><a href={`/tag/${tag.slug}`}>{tag.name}</a></li>
    ))}
  </ul>
  <Byline author={story.author} client:load />
  <div class="body" set:html={story.body} />
  {/* a comment */}
  <Fragment><p>Corrections: {story.corrections}</p></Fragment>
</article>

<style>
  .story { color: #333; }
</style>
"""


def test_astro_is_known_by_its_name_and_read_as_it_renders():
    assert family_of_name("src/components/Story.astro") == "astro"
    assert ".astro" in folder_suffixes("auto") and folder_suffixes("astro") == (".astro",)
    parsed, conditions, loops = reading(ASTRO, "astro")
    assert_same_lines(parsed, ASTRO)
    lines = parsed.split("\n")
    # the frontmatter is code: nothing
    assert not "".join(lines[:7]).strip()
    # class:list writes the class; astro:assets' <Image> an <img> of its attributes
    assert lines[7] == '<article class     ="{{story″, ❴ live: isLive ❵}">'
    assert lines[8] == '  <img   src="{{ory.phot}" alt="{{ory.photo.al}" width="{{}" />'
    assert lines[9] == "  <h1>{{tory.headline}</h1>"
    # the markup in an expression is read where it stands, its code nothing
    assert lines[10] == " " * 13 + '<span class="live">Live</span> '
    assert not lines[12].strip() and not lines[14].strip()
    assert lines[13] == '      <li><a href="{{tag/$❴tag.slug❵}">{{ag.name}</a></li>'
    # a component is a hole, its client directive nothing; set:html writes the content
    assert is_hole(lines[16].strip()[4:-3])
    assert lines[17].startswith('  <div class="body" @@-h></div>')
    # a comment in braces, and a fragment's tags, write nothing
    assert not lines[18].strip()
    assert lines[19] == "            <p>Corrections: {{tory.corrections}</p>" + " " * 11
    assert lines[-4:-1] == ASTRO.split("\n")[-4:-1]     # the component's styles
    live = ASTRO.index('<span class="live">'), ASTRO.index("</span>}") + 7
    item = ASTRO.index("<li>"), ASTRO.index("</li>") + 5
    assert conditions == (live, item)
    assert loops == (item,)


@pytest.mark.parametrize(("text", "expected"), [
    # a ternary's two pieces of markup; a comparison is no tag
    ("{a ? <b>x</b> : <i>y</i>}", "     <b>x</b>   <i>y</i> "),
    ("<p>{a < b ? 1 : 2}</p>", "<p>{{ ‹ b ? 1 : 2}</p>"),
    # strings, template literals and comments in the code; quotes in the markup's text
    ("{f('}') && <p>Don't {`${x}`}</p>}", "           <p>Don't {{$❴x❵`}</p> "),
    # a fragment's tags, a component in the markup, an expression in its attributes
    ("{x && <><Card story={s} /><p>a</p></>}", "        <!--@@@@@@@@@@@--><p>a</p>    "),
    # a quoted value is a plain string; a spread or a shorthand writes attributes
    ('<a href="/tag/{slug}" {...rest} {title}>x</a>',
     '<a href="/tag/{slug}" {{..rest} {{itle}>x</a>'),
    # directives that write no attribute; is:inline's script as written
    ("<div transition:name={n} data-x={1}>a</div>", "<div" + " " * 20 + " data-x={{}>a</div>"),
    ("<script is:inline>if (a < b) { go() }</script>",
     "<script          >if (a < b) { go() }</script>"),
    # an element "/>" closes, with its end tag; set:text writes its text
    ("<h2 set:text={t} /><p>b</p>", "<h2 @@-t></h2>     <p>b</p>"),
    # a brace or an element the file never closes: the rest as written
    ("<p>{a</p><p>{b}</p>", "<p>{a</p><p>{b}</p>"),
    ("{x && <p>a}<p>b</p>", "{x && <p>a}<p>b</p>"),
    ("---\nconst a = 1;\n", "   \n            \n"),
])
def test_astro_expressions_and_tags(text, expected):
    parsed = neutralise(text, "astro")
    assert parsed == expected
    assert_same_lines(parsed, text)


def test_astro_components_are_judged_on_what_they_write(tmp_path):
    files = {
        "Menu.astro": ("---\nimport Icon from 'my-icons';\nconst { items } = Astro.props;\n---\n"
                       '<button aria-expanded="false"><Icon name="menu" /></button>\n'
                       "<button onclick=\"go(1 > 0)\"></button>\n"
                       "<ul>\n  {items.map((i) => <li><a href={i.url}>{i.label}</a></li>)}\n</ul>\n"
                       "<img src={photo.src}>\n"
                       "{wide ? <main>a</main> : <main>b</main>}\n"),
    }
    _, data = run(tmp_path, str(tmp_path / "Menu.astro"), files=files)
    page = data["pages"][0]
    assert page["template"] == "astro" and page["fragment"] is True
    found = outcomes(page)
    # a component may name the button; an empty one is unnamed
    assert [o for o, _ in found["button-name"]] == ["cantTell", "failed"]
    # the items a .map() writes are the list's; an <img> without alt fails whatever the data
    assert "list" not in found and "listitem" not in found
    assert [o for o, _ in found["image-alt"]] == ["failed"]
    # a ternary's two pieces of markup are alternatives
    assert [o for o, _ in found["landmark-no-duplicate-main"]] == ["cantTell"]


@pytest.mark.parametrize(("text", "outcome"), [
    # markup that is the whole expression is written as it stands; code decides on a piece
    ("{<main>a</main>}\n{(\n  <main>b</main>\n)}\n", "failed"),
    ("{a && <main>a</main>}\n<main>b</main>\n", "failed"),
    ("{a && <main>a</main>}\n{!a && <main>b</main>}\n", "cantTell"),
])
def test_astro_markup_alone_in_an_expression_is_no_condition(tmp_path, text, outcome):
    found = rule_findings(tmp_path, "Body.astro", text, "landmark-no-duplicate-main")
    assert [o for o, _ in found] == [outcome]


def test_an_astro_layout_is_a_template_page(tmp_path):
    layout = ('---\nimport Header from "../components/Header.astro";\nconst { title } = '
              "Astro.props;\n---\n\n<!doctype html>\n<html lang=\"en\">\n<head>\n"
              "<meta charset=\"utf-8\" />\n<title>{title}</title>\n</head>\n<body>\n"
              "<Header />\n<main><slot /></main>\n</body>\n</html>\n")
    _, data = run(tmp_path, str(tmp_path / "Base.astro"), "--include-passed",
                  files={"Base.astro": layout})
    page = data["pages"][0]
    assert page["template"] == "astro" and not page.get("fragment")
    # the frontmatter is no text before the doctype: standards mode, a page
    assert rule_outcome(page, "doctype-html") == "passed"
    assert rule_outcome(page, "html-has-lang") == "passed"
    # the level-one heading may be the slot's
    assert rule_outcome(page, "page-has-heading-one") == "cantTell"


@pytest.mark.parametrize(("doctype", "outcome"), [("", "passed"), ("<!DOCTYPE html>\n", "passed"),
                                                  ('<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 3.2 '
                                                   'Final//EN">\n', "failed")])
def test_astro_writes_the_doctype_a_page_leaves_out(tmp_path, doctype, outcome):
    # Astro writes <!DOCTYPE html> before a page that has none: standards mode, whose
    # tables inherit the page's font (quirks mode resets it)
    page = (f"---\nconst title = 'T';\n---\n{doctype}<html lang=\"en\">\n<head><title>{{title}}"
            "</title><style>body { font-size: 8px; }</style></head>\n<body><main><h1>Hi</h1>"
            "<table><tr><td>Small print</td></tr></table></main></body>\n</html>\n")
    _, data = run(tmp_path, str(tmp_path / "index.astro"), "--include-passed",
                  files={"index.astro": page})
    found = data["pages"][0]
    assert rule_outcome(found, "doctype-html") == outcome
    # (the table's text: 8px in standards mode, the browser's 16px in quirks mode)
    assert rule_outcome(found, "text-min-size") == ("failed" if outcome == "passed"
                                                     else "passed")


@pytest.mark.parametrize(("name", "text", "expected"), [
    # Nuxt Image's components and SvelteKit's enhanced images are the <img> they render (an
    # alt the data writes is an alt, empty or not: the image is named or decorative)
    ("Card.vue", '<template><div><nuxt-img src="/a.jpg" /><NuxtImg :src="s" :alt="a" />'
     '<NuxtPicture src="/b.jpg" alt="Flood waters" /></div></template>',
     ["failed", "passed", "passed"]),
    ("Card.svelte", '<enhanced:img src="./a.jpg" /><enhanced:img src="./b.jpg" alt="Flood" />',
     ["failed", "passed"]),
])
def test_a_frameworks_image_component_is_the_img_it_renders(tmp_path, name, text, expected):
    _, data = run(tmp_path, str(tmp_path / name), "--include-passed", files={name: text})
    assert [o for o, _ in outcomes(data["pages"][0])["image-alt"]] == expected


def test_a_nuxt_links_to_is_where_it_goes(tmp_path):
    # a teaser's image link and headline link to one story: one link would do
    card = ('<template>\n  <article class="card">\n    <nuxt-link to="/story/flood">'
            '<img src="a.jpg" alt="Flood waters"></nuxt-link>\n    <h3><nuxt-link '
            'to="/story/flood">Flood defences fail</nuxt-link></h3>\n  </article>\n'
            "</template>\n")
    found = rule_findings(tmp_path, "Card.vue", card, "link-adjacent-duplicate")
    assert [o for o, _ in found] == ["failed"]
    assert "both go to /story/flood" in found[0][1]


@pytest.mark.parametrize(("config", "invocation", "outcome"), [
    # Nuxt 3 registers its components folder's files by their path, and an icon module
    # its <Icon>, for every file
    ("export default defineNuxtConfig({ modules: ['@nuxt/icon'] })", "<IconsClose />",
     "failed"),
    ("export default defineNuxtConfig({ modules: ['@nuxt/icon'] })", "<icons-close />",
     "failed"),
    ("export default defineNuxtConfig({})", "<LazyIconsClose />", "failed"),
    ("export default defineNuxtConfig({})", "<BaseClose />", "failed"),
    ("export default defineNuxtConfig({ modules: ['@nuxt/icon'] })",
     '<Icon name="mdi:close" />', "failed"),
    # a label passed down; an icon module the project does not use; a component the folder
    # does not hold; components not registered (Nuxt 2's default, or turned off)
    ("export default defineNuxtConfig({ modules: ['@nuxt/icon'] })",
     '<Icon name="mdi:close" aria-label="Close" />', "cantTell"),
    ("export default defineNuxtConfig({})", '<Icon name="mdi:close" />', "cantTell"),
    ("export default defineNuxtConfig({})", "<IconsOpen />", "cantTell"),
    ("export default { modules: [] }", "<IconsClose />", "cantTell"),
    ("export default defineNuxtConfig({ components: false })", "<IconsClose />", "cantTell"),
    ("export default { components: true }", "<IconsClose />", "failed"),
    # the folders' names left out of the components' (pathPrefix: false)
    ("export default defineNuxtConfig({ components: [{ path: '~/components', pathPrefix: "
     "false }] })", "<Close />", "failed"),
    ("export default defineNuxtConfig({ components: [{ path: '~/components', pathPrefix: "
     "false }] })", "<IconsClose />", "cantTell"),
])
def test_a_component_nuxt_registers_for_every_file_is_read_as_its_icon(tmp_path, config,
                                                                       invocation, outcome):
    project = tmp_path / "site"
    files = {"package.json": "{}", "nuxt.config.ts": config,
             "components/icons/Close.vue": SVG_COMPONENT,
             "components/base/BaseClose.vue": SVG_COMPONENT,
             "components/TheHeader.vue": (f'<template>\n  <button @click="close">{invocation}'
                                          "</button>\n</template>\n")}
    found = project_findings(tmp_path, project, files, "components/TheHeader.vue",
                             "button-name")
    assert [result for result, _ in found] == [outcome]
