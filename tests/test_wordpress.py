"""WordPress exports (WXR): each post's body as WordPress writes it (a11y_audit.wordpress),
audited as a partial whose lines are the export's."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from a11y_audit.inputs import enumerate_inputs, load
from a11y_audit.sources import SourceError
from a11y_audit.templates import is_hole
from a11y_audit.wordpress import autop, render
from tests.loopback import QuietHandler, serving
from tests.test_templates import outcomes, run

HEAD = """\
<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>The Ledger</title>
	<link>https://ledger.example</link>
"""


def item(number: int, body: str, *, slug: str = "", kind: str = "post",
         status: str = "publish", link: str = "") -> str:
    return (f"\t<item>\n\t\t<title><![CDATA[Story {number}]]></title>\n"
            f"\t\t<link>{link or f'https://ledger.example/{slug or number}/'}</link>\n"
            f"\t\t<content:encoded><![CDATA[{body}]]></content:encoded>\n"
            f"\t\t<wp:post_id>{number}</wp:post_id>\n"
            f"\t\t<wp:post_name><![CDATA[{slug}]]></wp:post_name>\n"
            f"\t\t<wp:status><![CDATA[{status}]]></wp:status>\n"
            f"\t\t<wp:post_type><![CDATA[{kind}]]></wp:post_type>\n\t</item>\n")


def export(*items: str) -> str:
    return HEAD + "".join(items) + "</channel>\n</rss>\n"


CLASSIC = ("Residents left their homes on Friday.\nThe river rose overnight.\n\n"
           '[caption id="attachment_12" align="alignnone" width="800"]<img src="flood.jpg" '
           'alt="" width="800" /> Residents leave Main Street.[/caption]\n\n'
           'Read more <a href="https://ledger.example/map">here</a>.')
BLOCKS = ('<!-- wp:heading -->\n<h2 class="wp-block-heading">Our team</h2>\n'
          "<!-- /wp:heading -->\n\n<!-- wp:latest-posts /-->\n\n<!-- wp:image -->\n"
          '<figure class="wp-block-image"><a href="/team"><img src="team.jpg" alt=""/></a>'
          "</figure>\n<!-- /wp:image -->")


# What WordPress's own wpautop writes for each (6.1, run in PHP), up to white space between
# tags: ours keeps every line break where it was
@pytest.mark.parametrize(("body", "expected"), [
    ("One line\nand the next.\n\nA second paragraph.",
     "<p>One line<br />\nand the next.</p>\n\n<p>A second paragraph.</p>"),
    # text beside block elements is a paragraph of its own: a bold line above a heading is
    # the fake heading p-as-heading looks for; a blockquote's text is its paragraph
    ("<strong>Flood warning</strong>\n<h2>What we know</h2>\nThe river rose overnight.\n"
     "<blockquote>We left at dawn.</blockquote>\nResidents said.",
     "<p><strong>Flood warning</strong></p>\n<h2>What we know</h2>\n<p>The river rose "
     "overnight.</p>\n<blockquote><p>We left at dawn.</p></blockquote>\n<p>Residents said.</p>"),
    ("Intro.\n<ul>\n\t<li>one</li>\n\t<li>two</li>\n</ul>\nAfter the list.",
     "<p>Intro.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>After the list.</p>"),
    # (a blank line inside a division parts it as WordPress does, stray </p> and all)
    ('<div class="note">A block\n\nof markup</div>',
     '<div class="note">A block</p>\n\n<p>of markup</p></div>'),
    ("<pre>code\n\nmore</pre>\nText after", "<pre>code\n\nmore</pre>\n<p>Text after</p>"),
    ("Before<br><br>After", "<p>Before</p><p>After</p>"),
    # a line break inside a tag is none of the text's
    ('See <a\nhref="/map">the\nmap</a>', '<p>See <a\nhref="/map">the<br />\nmap</a></p>'),
    # no paragraph beside a caption
    ('<figure><img src="a.jpg" alt="">\n<figcaption>Main\nStreet</figcaption>\n</figure>\nText',
     '<figure><img src="a.jpg" alt="">\n<figcaption>Main<br />\nStreet</figcaption>\n'
     "</figure>\n<p>Text</p>"),
    ("<address>1 Main St\nAyr</address><strong>Contact</strong>",
     "<address>1 Main St<br />\nAyr</address><p><strong>Contact</strong></p>"),
    # a script's text is kept whole (wpautop would part it at its blank line)
    ("Text <script>var a = 1;\n\nvar b;</script> more",
     "<p>Text <script>var a = 1;\n\nvar b;</script> more</p>"),
])
def test_a_classic_posts_paragraphs_are_as_wpautop_writes_them(body, expected):
    assert autop(body) == expected


@settings(max_examples=int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "20")), deadline=None,
          database=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.sampled_from((
    "text", "\n", "\n\n", " ", "\t", "<div>", "</div>", "<p>", "</p>", "<h2>", "</h2>",
    "<br>", "<br />", "<blockquote>", "</blockquote>", "<li>", "</li>", "<pre>", "</pre>",
    "<hr>", "<!-- c -->", "<!--", "<figcaption>", "</figcaption>", "<option>", "</object>",
    "<source>", "<video>", "<script>", "</script>", "<a\nhref=x>", "<", ">", "\ue000",
    "\U000f0000")), max_size=80))
def test_paragraphs_keep_every_line_where_it_was(parts):
    body = "".join(parts)
    written = autop(body)
    assert written.count("\n") == body.count("\n")
    # (what it adds is paragraphs and line breaks; what it drops, two <br> in a row and white
    # space beside a block tag)
    def content(text):
        for tag in ("<p>", "</p>", "<br />", "<br>"):
            text = text.replace(tag, "")
        return "".join(text.split())
    assert content(written) == content(body)


def test_a_body_that_holds_every_stand_in_is_left_as_written():
    import itertools

    from a11y_audit.wordpress import _STAND_INS
    body = "".join(map(chr, itertools.chain(*_STAND_INS))) + "\n\nText\nmore"
    assert autop(body) == body


def test_a_block_editor_post_is_its_saved_markup():
    assert render(BLOCKS) == BLOCKS
    assert render("Text only") == "<p>Text only</p>"


@pytest.mark.parametrize(("body", "expected"), [
    # the caption: the text after the image, or the caption attribute
    ('[caption id="attachment_5" align="alignleft"]<a href="/p"><img src="a.jpg" alt="A" />'
     "</a> Main\nStreet[/caption]",
     '<figure id="attachment_5" aria-describedby="caption-attachment_5" class="wp-caption '
     'alignleft"><a href="/p"><img src="a.jpg" alt="A" /></a><figcaption id="caption-'
     'attachment_5" class="wp-caption-text">Main Street</figcaption></figure>\n'),
    ('[caption caption="The pier"]<img src="b.jpg" />[/caption]',
     '<figure class="wp-caption alignnone"><img src="b.jpg" /><figcaption class="wp-caption-'
     'text">The pier</figcaption></figure>'),
    # no caption: the image alone; a caption never closed: its text
    ('[caption]<img src="c.jpg" />[/caption]', '<img src="c.jpg" />'),
    ('[caption]<img src="d.jpg" /> no end', '[caption]<img src="d.jpg" /> no end'),
])
def test_a_caption_is_the_figure_wordpress_writes(body, expected):
    assert render(f"<div>{body}</div>") == f"<div>{expected}</div>"


def test_media_shortcodes_write_what_the_site_holds():
    written = render('<div>[embed]https://youtu.be/x[/embed] [gallery ids="1,2"]\n'
                     '[video src="v.mp4"][/video] [pullquote]Kept[/pullquote]</div>')
    holes = [part.split("-->")[0] for part in written.split("<!--")[1:]]
    assert len(holes) == 3 and all(is_hole(h) for h in holes)
    # (a plugin's shortcode is not known: as written, as WordPress writes an unregistered one)
    assert "[pullquote]Kept[/pullquote]" in written and written.count("\n") == 1


def test_shortcodes_never_closed_are_read_once():
    body = "[caption " * 20_000 + "]" + "[embed]" * 20_000 + "\n"
    written = render(body)
    assert written.count("\n") == 1 and written.count("<!--@-->") == 20_000


@settings(max_examples=int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "20")), deadline=None,
          database=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.sampled_from((
    "[caption]", "[/caption]", '[caption id="a" caption="c"]', "<img src=x>", "<a href=/>",
    "</a>", "[embed]", "[/embed]", "[gallery]", "]", "[", "\n", "\n\n", "\r\n", "text",
    "<pre>", "</pre>", "<div>", "</div>", "<p>", "<!-- wp:image -->", "<script>", "</script>",
    "\u202e", '"', "'")), max_size=60))
def test_a_body_keeps_its_lines(parts):
    body = "".join(parts)
    assert render(body).count("\n") == body.replace("\r\n", "\n").count("\n")


def test_an_exports_posts_are_audited_as_wordpress_writes_them(tmp_path):
    text = export(item(101, CLASSIC, slug="flood-hits-ayr"),
                  item(7, BLOCKS, slug="about", kind="page", status="draft"),
                  item(12, '<img src="x">', kind="attachment", status="inherit"),
                  item(13, '<img src="y">', status="trash"),
                  item(14, "  "), item(15, '<p><img src="z"></p>', kind="story"))
    _, data = run(tmp_path, str(tmp_path / "export.xml"), "--include-passed",
                  files={"export.xml": text})
    pages = {p["source"].split("#")[1]: p for p in data["pages"]}
    # the media library, the trash and an empty body are no story; a custom type is
    assert sorted(pages) == ["101/flood-hits-ayr", "15", "7/about"]
    post = pages["101/flood-hits-ayr"]
    assert post["template"] == "wordpress" and post["fragment"] is True
    assert post["url"] == "https://ledger.example/flood-hits-ayr/"
    # (a partial has no <title>: the report names the post by the export's)
    assert post["title"] == "Story 101"
    found = {f["rule"]: f for f in post["findings"] if f["outcome"] != "passed"}
    lines = text.splitlines()
    # the caption is the photo's: a decorative captioned photo is to review; lines are the
    # export's
    assert found["figure-image-alt"]["outcome"] == "cantTell"
    assert "flood.jpg" in lines[found["figure-image-alt"]["line"] - 1]
    assert "here</a>" in lines[found["link-text-generic"]["line"] - 1]
    # the block editor's page: a dynamic block is a hole, its linked image names nothing
    about = outcomes(pages["7/about"])
    assert [o for o, _ in about["link-name"]] == ["failed"]
    assert [o for o, _ in outcomes(pages["15"])["image-alt"]] == ["failed"]


def test_a_post_is_read_as_its_body_alone_its_lines_the_exports(tmp_path):
    path = tmp_path / "export.xml"
    late = '<p>Late <img src="late.jpg"></p>\n<span id="n">A</span>\n<span id="n">B</span>' \
           '<button aria-labelledby="n">Go</button>'
    path.write_text(export(item(1, "Filler.\n" * 300), item(2, late)), encoding="utf-8")
    second = list(enumerate_inputs([str(path)]))[1]
    # what a run holds and sorts on disk is the body as saved; what a worker reads and
    # parses is that body as WordPress writes it, never padded to its line: an export's last
    # post costs no more than its first
    assert second.data == late.encode()
    assert load(second).data == render(late).encode()
    assert load(second).data.startswith(b"<p>Late")
    lines = path.read_text().splitlines()
    _, data = run(tmp_path, str(path))
    (page,) = [p for p in data["pages"] if p["source"].endswith("#2")]
    found = {f["rule"]: f for f in page["findings"]}
    # ... and its findings, and the lines their messages name, are the export's
    assert "late.jpg" in lines[found["image-alt"]["line"] - 1]
    duplicate = found["duplicate-id-aria"]
    assert 'id="n">A' in lines[duplicate["line"] - 1]
    assert f"(line {duplicate['line'] + 1})" in duplicate["message"]
    assert '<span id="n">B' in lines[duplicate["line"]]


def _posts(found: list) -> list[str]:
    return [f.source.rsplit("#", 1)[1] for f in found if not isinstance(f, SourceError)]


def test_an_export_of_any_size_is_read_as_a_stream(tmp_path, monkeypatch):
    import gzip

    from a11y_audit import inputs
    monkeypatch.setattr(inputs, "MAX_CONTAINER_BYTES", 4096)
    text = export(*(item(n, f"<p>Story {n}</p>") for n in range(1, 41)))
    assert len(text) > 4096
    (tmp_path / "export.xml").write_text(text, encoding="utf-8")
    (tmp_path / "export.xml.gz").write_bytes(gzip.compress(text.encode()))
    for name in ("export.xml", "export.xml.gz"):
        found = list(enumerate_inputs([str(tmp_path / name)]))
        assert _posts(found) == [str(n) for n in range(1, 41)]
    # other XML is read whole, up to the limit
    sitemap = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               + "".join(f"<url><loc>https://x.example/{n}</loc></url>" for n in range(200))
               + "</urlset>")
    (tmp_path / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    (error,) = enumerate_inputs([str(tmp_path / "sitemap.xml")])
    assert isinstance(error, SourceError) and "too large" in error.reason


def test_a_streamed_export_holds_about_one_item_at_a_time(tmp_path):
    from a11y_audit.inputs import _export_items
    path = tmp_path / "export.xml"
    path.write_text(export(*(item(n, f"<p>Story {n}</p>") for n in range(1, 501))),
                    encoding="utf-8")
    held = [sum(1 for _ in element.itersiblings(preceding=True))
            for element in _export_items(str(path))]
    assert len(held) == 500
    # the items read, and the channel's elements before them, are dropped as the stream goes
    # (only the parser's read-ahead, a block of the file, is held after the item)
    assert held[:2] == [2, 1] and max(held[2:]) == 1


def test_an_export_cut_short_gives_its_posts_then_a_one_line_error(tmp_path):
    text = export(*(item(n, f"<p>Story {n}</p>") for n in range(1, 31)))
    cut = text[:text.index("Story 25")]
    path = tmp_path / "export.xml"
    path.write_text(cut, encoding="utf-8")
    found = list(enumerate_inputs([str(path)]))
    assert _posts(found) == [str(n) for n in range(1, 25)]
    assert isinstance(found[-1], SourceError) and found[-1].source == str(path)
    assert found[-1].reason.startswith("broken XML (")
    assert found[-1].reason.endswith("the 24 posts before it are audited")
    assert "\n" not in found[-1].reason and "<string>" not in found[-1].reason
    # a run audits those posts, and its exit code says a source was not read whole
    result, data = run(tmp_path, str(path))
    assert result.exit_code == 2 and len(data["pages"]) == 24
    assert [e["source"] for e in data["errors"]] == [str(path)]
    # a gzip cut short: the same
    import gzip
    text = export(*(item(n, f"<p>Story {n}</p>") for n in range(1, 3001)))
    (tmp_path / "cut.xml.gz").write_bytes(gzip.compress(text.encode())[:-200])
    found = list(enumerate_inputs([str(tmp_path / "cut.xml.gz")]))
    assert 1000 < len(_posts(found)) < 3000
    assert isinstance(found[-1], SourceError)
    assert found[-1].reason.startswith("cannot read: EOFError: Compressed file ended")
    assert found[-1].reason.endswith("posts before it are audited")


def test_an_export_without_posts_is_a_one_line_error(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(export(item(1, "<p>x</p>", kind="nav_menu_item")), encoding="utf-8")
    found = list(enumerate_inputs([str(path)]))
    assert [type(f) for f in found] == [SourceError]
    assert found[0].reason == "WordPress export holds no post or page with a body"


def test_path_globs_choose_posts_by_their_address(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(export(item(1, "<p>a</p>", link="https://x.example/2024/a/"),
                           item(2, "<p>b</p>", link="https://x.example/2023/b/")),
                    encoding="utf-8")
    found = list(enumerate_inputs([str(path)], include=["2024/*"]))
    assert [f.source.rsplit("#", 1)[1] for f in found] == ["1"]


def test_an_export_fetched_over_http_is_read_as_one(tmp_path):
    body = export(item(7, BLOCKS, slug="about")).encode()

    class Handler(QuietHandler):
        def do_GET(self):
            self.answer(200, body, "application/rss+xml")

    with serving(Handler) as httpd:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/export.xml"
        _, data = run(tmp_path, url, "--no-robots")
    (page,) = data["pages"]
    assert page["source"] == url + "#7/about"
    # (its body as saved: the dynamic block a hole, never read as a page a server sent)
    assert page["template"] == "wordpress" and page["fragment"] is True
    assert [o for o, _ in outcomes(page)["link-name"]] == ["failed"]
