"""Markdown and MDX stories (a11y_audit.markdown): read as the HTML they render, each block
on its line of the file, and audited as a partial."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from a11y_audit.limits import AuditLimits
from a11y_audit.markdown import COMMONMARK, OMITTED, Dialect, render
from a11y_audit.runner import audit_sources, site_dialect
from a11y_audit.templates import folder_suffixes, is_hole
from a11y_audit.writers.report_data import reading_label
from tests.test_fuzz import assert_sound_report
from tests.test_templates import outcomes, rule_outcome, run, write_tree

STORY = """\
---
title: "Flood waters rise"
tags: [weather]
---
# Flood waters rise

Residents *left* their homes on Friday,
as ![A street under water](street.jpg) shows.

- first
- second

> A quote
> that goes on

```js
let x = "<b>";
```

| Town | Homes |
|------|-------|
| Ayr  | 40    |

<figure><img src="map.png" alt="">
<figcaption>The map</figcaption></figure>

    indented code
Closing **words**.
"""


def _line_of(html: str, needle: str) -> int:
    return next(i for i, line in enumerate(html.split("\n"), 1) if needle in line)


def test_each_block_renders_on_the_line_it_is_written_on():
    html = render(STORY).html
    assert html.count("\n") <= STORY.count("\n")
    for needle, line in [("<h1>Flood waters rise</h1>", 5), ("<p>Residents <em>left</em>", 7),
                         ('<img src="street.jpg" alt="A street under water"', 8),
                         ("<li>first</li>", 10), ("<li>second</li>", 11),
                         ("<blockquote>", 13), ("that goes on", 14),
                         ('<code class="language-js">', 16), ("let x = &quot;&lt;b&gt;", 17),
                         ("</code></pre>", 18), ("<th>Town</th>", 20), ("<td>Ayr</td>", 22),
                         ('<figure><img src="map.png" alt="">', 24), ("<figcaption>", 25),
                         ("<pre><code>indented code", 27), ("<strong>words</strong>", 28)]:
        assert _line_of(html, needle) == line, needle


@pytest.mark.parametrize("front", ['---\ntitle: "A"\n---\n', '+++\ntitle = "A"\n+++\n',
                                   '\ufeff---\ntitle: "A"\n---\n', '\n---\ntitle: A\n---\n'])
def test_front_matter_is_the_layouts_data_not_the_story(front):
    html = render(front + "Text\n").html
    # no <hr> and no setext heading of the YAML or TOML
    assert "<hr" not in html and "<h2" not in html and "title" not in html
    assert _line_of(html, "<p>Text</p>") == front.count("\n") + 1


@pytest.mark.parametrize(("front", "title"), [
    ('---\ntitle: Flood hits Ayr\ndate: 2024-05-01\n---\n', "Flood hits Ayr"),
    ('---\ntitle: "Ayr\'s \\"worst\\" flood \\u00e9"\n---\n', 'Ayr\'s "worst" flood \u00e9'),
    ("---\ntitle: 'It''s here'  \n---\n", "It's here"),
    ('+++\ntitle = "Hugo story"\n+++\n', "Hugo story"),
    ("---\ntitle: >-\n  Water rises\n  in Ayr\ntags: [news]\n---\n", "Water rises in Ayr"),
    ("---\ntitle: Plain words # a comment\n---\n", "Plain words"),
    ('---\ntitle: "67 million records at your\nfingertips"\ndate: 2015-07-15\n---\n',
     "67 million records at your fingertips"),
    ("---\ntitle: True Crime Detectives: How We Used\n  Free Tools\ndeck: x\n---\n",
     "True Crime Detectives: How We Used Free Tools"),
    ('---\ntitle: "never closed\n---\n', ""),
    ("---\nseo:\n  title: Not the story's\n---\n", ""),
    ("---\ntitle: [a, b]\n---\n", ""),
    ("---\nlayout: post\n---\n", ""),
    ("Title: not front matter\n", ""),
])
def test_the_front_matters_title_names_the_story(front, title):
    assert render(front + "\nText\n").title == title


def test_a_thematic_break_that_closes_nothing_is_no_front_matter():
    assert "<hr />" in render("---\n\nText\n").html


def test_template_syntax_survives_the_markdown_parser():
    rendering = render("[The map]({{ site.baseurl }}/map) and {{ page.author_name }}\n"
                       "{% include promo.html id=\"a_b\" %}\n")
    assert '<a href="{{ site.baseurl }}/map">The map</a>' in rendering.html
    assert "{{ page.author_name }}" in rendering.html
    assert '{% include promo.html id="a_b" %}' in rendering.html
    assert rendering.templated
    assert not render("Plain text and a [link](/a).\n").templated


def test_hugo_figure_is_written_as_hugo_writes_it():
    html = render('{{< figure src="/a.jpg" alt="A boat" caption="The **Ayr** at noon" '
                  'title="Scene" link="/big.jpg" >}}\n\n'
                  "{{< figure src=\"/b.jpg\" caption=\"Main Street\" >}}\n\n"
                  "{{< figure src=/c.jpg >}}\n").html
    assert ('<figure><a href="/big.jpg"><img src="/a.jpg" alt="A boat"></a><figcaption>'
            "<h4>Scene</h4><p>The <strong>Ayr</strong> at noon</p></figcaption></figure>") in html
    # without alt, the caption's text is the alt; without either, no alt at all
    assert '<img src="/b.jpg" alt="Main Street">' in html
    assert '<figure><img src="/c.jpg"></figure>' in html
    assert _line_of(html, "/c.jpg") == 5
    linked = render('{{< figure src="/d.jpg" alt="D" link="/d" target="_blank" >}}\n').html
    assert '<a href="/d" target="_blank"><img src="/d.jpg" alt="D"></a>' in linked
    # a site's own figure shortcode writes what its template says: a hole
    own = render('{{< figure src="/c.jpg" >}}\n', dialect=Dialect(hugo_figure=False)).html
    assert own.startswith("<!--@") and "<img" not in own


def test_other_shortcodes_are_holes_and_refs_the_page_they_name():
    html = render('{{< youtube w7Ft2ymGmfc >}}\n\n{{% notice\n  info %}}\n\n'
                  '[Earlier]({{< ref "posts/flood.md" >}})\n').html
    comments = [part.split("-->")[0] for part in html.split("<!--")[1:]]
    assert len(comments) == 2 and all(is_hole(c) for c in comments)
    # (alone in its paragraph, a shortcode is written in its place, not in a <p>)
    assert "<p>" not in html.split("<p><a")[0]
    assert _line_of(html, "<!--@") == 1 and _line_of(html, "Earlier") == 6
    assert '<a href="posts/flood.md">Earlier</a>' in html


def test_mdx_imports_are_code_and_its_jsx_is_left_for_the_reader():
    text = ('import Chart from "../components/Chart.astro";\nexport const meta = {\n  a: 1,\n};\n\n'
            "# Budget\n\nImports rose, {props.year} says.\n\n<Chart data={x} />\n")
    html = render(text, mdx=True).html
    assert "import Chart" not in html and "export" not in html
    # (in MDX a paragraph that starts with "import " is code; "Imports" is prose)
    assert "<p>Imports rose, {props.year} says.</p>" in html
    assert "<Chart data={x} />" in html
    assert _line_of(html, "<h1>Budget") == 6


def test_images_without_a_description_are_found_on_their_lines():
    rendering = render('Text ![](a.jpg)\nmore ![x](b.jpg) and ![](c.jpg "Title")\n\n'
                       "Some <span\nclass=\"x\">text</span> ![](d.jpg)\n")
    assert rendering.undescribed == frozenset({1, 5})


STORY_FILE = """\
---
title: Flood
---
Residents left ![](flood.jpg) on Friday. [Click here]({{ site.baseurl }}/map).
![Boats on Main Street](boats.jpg)

## Details

[](https://example.com/empty)

{{< figure src="/img/b.jpg" >}}

<iframe src="https://maps.example.com/embed"></iframe>
"""


def test_a_markdown_story_is_audited_as_the_partial_it_renders(tmp_path):
    result, data = run(tmp_path, str(tmp_path / "flood.md"), "--include-passed",
                       files={"flood.md": STORY_FILE})
    assert "read as a Markdown story, the HTML it renders: page-level rules not run" in (
        result.output)
    assert reading_label("markdown", True) == "Markdown story"
    assert reading_label("mdx", True) == "MDX story"
    page = data["pages"][0]
    assert page["template"] == "markdown" and page["fragment"] is True
    found = outcomes(page)
    lines = {(f["rule"], f["outcome"]): f["line"] for f in page["findings"]}
    # an image without a description: decorative, or a description forgotten?
    assert [o for o, _ in found["image-alt"]] == ["cantTell", "passed", "failed"]
    assert "describe it between the brackets" in found["image-alt"][0][1]
    assert lines[("image-alt", "cantTell")] == 4 and lines[("image-alt", "failed")] == 11
    assert lines[("link-name", "failed")] == 9
    assert lines[("link-text-generic", "failed")] == 4
    assert lines[("frame-title", "failed")] == 13
    # the line is the file's, the column is not given (the element is the rendered HTML)
    assert all(f["column"] is None for f in page["findings"])
    # a partial: no title, lang or main landmark asked of it; the report names it by its
    # front matter's title
    assert rule_outcome(page, "document-title") == "inapplicable"
    assert page["title"] == "Flood"


def test_a_story_is_a_partial_whatever_raw_html_it_holds(tmp_path):
    # (a code span a blank line ended: the <html> tag is raw HTML of the story's body)
    text = "Update your tag:\n\n`<!-- c -->\n<html itemscope>`\n\nMore text.\n"
    _, data = run(tmp_path, str(tmp_path / "tags.md"), "--include-passed",
                  files={"tags.md": text})
    page = data["pages"][0]
    assert page["fragment"] is True
    assert rule_outcome(page, "doctype-html") == "inapplicable"


def test_mdx_components_are_holes(tmp_path):
    text = ('import Gallery from "./Gallery.astro";\n\n# Photos\n\n'
            "<a href=\"/photos\"><Gallery /></a>\n")
    _, data = run(tmp_path, str(tmp_path / "photos.mdx"), files={"photos.mdx": text})
    page = data["pages"][0]
    assert page["template"] == "mdx"
    # the component may write the link's name
    assert [o for o, _ in outcomes(page)["link-name"]] == ["cantTell"]


def test_a_folder_takes_markdown_stories_only_when_asked(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "README.md").write_text("# Read me\n\n![](x.png)\n", encoding="utf-8")
    (tmp_path / "site" / "page.html").write_text(
        "<!doctype html><html lang=\"en\"><title>T</title><main><p>\n    Indented</p></main>",
        encoding="utf-8")
    _, data = run(tmp_path, str(tmp_path / "site"))
    assert [p["source"].rsplit("/", 1)[1] for p in data["pages"]] == ["page.html"]
    _, data = run(tmp_path, str(tmp_path / "site"), "--templates", "markdown")
    pages = {p["source"].rsplit("/", 1)[1]: p for p in data["pages"]}
    assert pages["README.md"]["template"] == "markdown"
    # an HTML page beside them is still HTML (an indented line is no code block)
    assert "template" not in pages["page.html"]
    assert folder_suffixes("markdown") == (".md", ".markdown")
    assert folder_suffixes("mdx") == (".mdx",)


def test_a_folder_of_stories_says_how_to_audit_them(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "flood.md").write_text("# Flood\n", encoding="utf-8")
    result, _ = run(tmp_path, str(tmp_path / "content"))
    assert "Markdown stories are audited with --templates markdown" in result.output


# -- hostile stories --------------------------------------------------------------------------

FUZZ_EXAMPLES = int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "20"))
LIMITS = AuditLimits(rule_seconds=20.0, page_seconds=120.0, max_elements=3000, max_depth=400)
TOKENS = ("---\n", "+++\n", "# ", "## ", "#### ", "> ", "- ", "1. ", "    ", "```", "```js\n",
          "~~~", "| a | b |\n", "|---|---|\n", "![](a.png)", "![x](b.png \"t\")", "[a](/b)",
          "[](/c)", "[x]: /y\n", "<https://a.b>", "*", "**", "_", "`", "\\", "{{ site.url }}",
          "{% include x.html %}", "{% raw %}", "{% endraw %}", "{{", "}}", "{%", "%}",
          '{{< figure src="a.png" caption="C" >}}', "{{< youtube x >}}", "{{% note %}}",
          "{{< /note >}}", '{{< ref "a.md" >}}', "{{<", ">}}", "import X from 'x'\n",
          "export const a = 1\n", "<Chart data={x} />", "{props.a}", "<div>", "</div>",
          "<img src=x>", "<figure>", "<figcaption>", "<!--", "-->", "<iframe src=/e>",
          "text", "Read more", " ", "\n", "\n\n", "\r\n", "\t", "\x1b[31m", "\u202e", "é",
          "<", ">", '"', "'", "{", "}", "(", ")", "[", "]", "!", '{:target="_blank"}',
          "{: .lead}", "{: #id .a b=c}", "{:", "<b>", "</b>", "a11yTPL0Z", "a11yTPL")


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(parts=st.lists(st.sampled_from(TOKENS), max_size=60), mdx=st.booleans(),
       raw_html=st.booleans(), attribute_lists=st.booleans())
def test_hostile_stories_never_break_the_pipeline(parts, mdx, raw_html, attribute_lists):
    text = "".join(parts)
    lines = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    rendering = render(text, mdx=mdx, dialect=Dialect(raw_html, attribute_lists))
    # each block on its line: never more lines than the file
    assert len(rendering.html.split("\n")) <= lines
    assert all(1 <= line <= lines for line in rendering.undescribed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("story.mdx" if mdx else "story.md")
        path.write_bytes(text.encode("utf-8"))
        report = audit_sources([str(path)], limits=LIMITS, jobs=1)
    assert_sound_report(report, str(path))
    for page in report.pages:
        assert all(1 <= (f.line or 1) <= lines and f.column is None for f in page.findings)


# -- site generators' dialects ----------------------------------------------------------------

def test_hugo_omits_raw_html_unless_told_otherwise():
    text = ('Before <b>bold</b>\nafter.\n\n<iframe src="/e">\n</iframe>\n\n'
            '{{< figure src="/a.jpg" alt="A boat" >}}\n')
    html = render(text, dialect=Dialect(raw_html=False)).html
    assert "<b>" not in html and "<iframe" not in html
    assert html.count(OMITTED) == 3
    # (a shortcode is no raw HTML: Hugo writes it)
    assert '<figure><img src="/a.jpg" alt="A boat"></figure>' in html
    assert _line_of(html, "after.") == 2 and _line_of(html, "<figure>") == 7
    assert "<iframe" in render(text).html


def test_kramdown_attribute_lists_name_the_element_they_follow():
    text = ('Read the [report](r.pdf){:target="_blank"} and ![](a.png){: .wide} '
            "*x*{:.red}.\n{: .lead}\n\n# Title\n{: #top}\n\nSome text.\n\n{: .after}\n"
            "Next\n")
    html = render(text, dialect=Dialect(attribute_lists=True)).html
    assert '<a href="r.pdf" target="_blank">report</a>' in html
    assert '<img src="a.png" alt="" class="wide" />' in html
    assert '<em class="red">x</em>' in html
    assert '<p class="lead">Read the' in html and '<h1 id="top">Title</h1>' in html
    assert "<p>Some text.</p>" in html and '<p class="after">' in html
    assert "{:" not in html
    # each block on its line still
    assert _line_of(html, "<h1") == 4 and _line_of(html, "Some text") == 7
    assert _line_of(html, "Next") == 10
    # CommonMark's sites write them as text
    assert '{:target=&quot;_blank&quot;}' in render(text).html


# (both read a heading's attributes after its text; Jekyll's kramdown its attribute lists)
KRAMDOWN = Dialect(attribute_lists=True, heading_attributes=True)
HUGO = Dialect(raw_html=False, heading_attributes=True)
HUGO_UNSAFE = Dialect(heading_attributes=True)


@pytest.mark.parametrize(("files", "expected"), [
    ({"_config.yml": "title: News\n"}, KRAMDOWN),
    ({"_config.yml": "markdown: kramdown\n"}, KRAMDOWN),
    ({"_config.yml": "markdown: CommonMarkGhPages\n"}, COMMONMARK),
    ({"_config.yml": "title: x\n", "package.json": '{"dependencies": {"hexo": "7"}}'},
     COMMONMARK),
    ({"hugo.toml": "title = 'News'\n"}, HUGO),
    ({"hugo.toml": "[markup.goldmark.renderer]\n  unsafe = true\n"}, HUGO_UNSAFE),
    ({"config.yml": "markup:\n  goldmark:\n    renderer:\n      unsafe: true\n",
      "content/": ""}, HUGO_UNSAFE),
    ({"config.toml": "title = 'x'\n", "content/": ""}, HUGO),
    ({"config/_default/markup.toml": "[goldmark.renderer]\nunsafe = true\n", "content/": ""},
     HUGO_UNSAFE),
    ({"config/_default/hugo.toml": "title = 'x'\n"}, HUGO),
    # a site or a theme that writes its own figure shortcode
    ({"hugo.toml": "", "layouts/shortcodes/figure.html": "<img>"},
     HUGO._replace(hugo_figure=False)),
    ({"hugo.yaml": "", "themes/paper/layouts/_shortcodes/figure.html": "<img>"},
     HUGO._replace(hugo_figure=False)),
    ({"hugo.yaml": "", "themes/paper/layouts/shortcodes/card.html": "<img>"},
     HUGO),
    # a config.toml alone is no Hugo site; and none is looked for above a repository
    ({"config.toml": "title = 'x'\n"}, COMMONMARK),
    ({"../_config.yml": "title: x\n", ".git/": ""}, COMMONMARK),
    ({}, COMMONMARK),
])
def test_a_stories_site_generator_is_known_by_its_configuration(tmp_path, files, expected):
    site = tmp_path / "site"
    write_tree(site, {**files, "posts/2024/": ""})
    site_dialect.cache_clear()
    assert site_dialect(str(site / "posts" / "2024")) == expected


def test_stories_are_read_in_their_sites_dialect(tmp_path):
    (tmp_path / "jekyll" / "_posts").mkdir(parents=True)
    (tmp_path / "jekyll" / "_config.yml").write_text("title: News\n", encoding="utf-8")
    (tmp_path / "hugo" / "content").mkdir(parents=True)
    (tmp_path / "hugo" / "hugo.toml").write_text("title = 'News'\n", encoding="utf-8")
    files = {"jekyll/_posts/2024-05-01-flood.md":
             'Read [the report](/r.html){:target="_blank"}.\n',
             "hugo/content/flood.md": 'Watch:\n\n<iframe src="https://v.example/1"></iframe>\n'}
    site_dialect.cache_clear()
    _, data = run(tmp_path, *(str(tmp_path / name) for name in files), files=files)
    pages = {p["source"].split(str(tmp_path))[1]: outcomes(p) for p in data["pages"]}
    jekyll = pages["/jekyll/_posts/2024-05-01-flood.md"]
    assert [o for o, _ in jekyll["link-new-window-or-file"]] == ["failed"]
    assert "new window" in jekyll["link-new-window-or-file"][0][1]
    # Hugo's default writes no raw HTML: no frame to judge
    assert "frame-title" not in pages["/hugo/content/flood.md"]


def test_kramdown_and_hugo_read_a_headings_attributes_after_its_text():
    text = ("## Personas {#personas}\n\nText.\n\n### Surveys {#surveys .wide}  \n\n"
            "Setext {#setext}\n===\n\n## Braces {not attributes}\n")
    html = render(text, dialect=HUGO).html
    assert '<h2 id="personas">Personas</h2>' in html
    assert '<h3 id="surveys" class="wide">Surveys</h3>' in html
    assert '<h1 id="setext">Setext</h1>' in html
    assert "<h2>Braces {not attributes}</h2>" in html
    assert _line_of(html, "Surveys") == 5 and html.count("\n") <= text.count("\n")
    # CommonMark's sites (Eleventy, Astro) write them as text
    assert "<h2>Personas {#personas}</h2>" in render(text).html


def test_a_shortcode_in_a_links_address_writes_a_value():
    rendering = render('See [the report]({{< legacy-file "r.pdf" >}}) and '
                       '{{< legacy-img src="a.jpg" >}} text.\n')
    assert '<a href="{{ shortcode }}">the report</a>' in rendering.html
    assert "text.</p>" in rendering.html and "<!--@" in rendering.html
    # (read as an expression: its value the theme's)
    assert rendering.templated


def test_a_story_that_writes_the_placeholders_own_words_keeps_them():
    # (what the reader sets aside is put back by a placeholder the story does not hold)
    text = "Text a11yTPL0Z and a11yTPL7Z, {{ site.url }} and {{< youtube x >}}.\n"
    html = render(text).html
    assert "Text a11yTPL0Z and a11yTPL7Z, {{ site.url }} and <!--@" in html
