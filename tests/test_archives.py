"""ZIP and tar archives of pages (a11y_audit.archives): each page member audited as the file it
would be, named archive#member; bad archives and bad members are one-line errors."""

from __future__ import annotations

import gzip
import io
import os
import tarfile
import zipfile

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from a11y_audit.archives import archive_member_path, read_archive_file
from a11y_audit.cli import main
from a11y_audit.inputs import enumerate_inputs, load
from a11y_audit.sources import SourceError
from tests.damage import damaged, pages_read
from tests.test_cli import validate

PAGE = ('<!doctype html><html lang="en"><title>{title}</title>{head}<main><h1>{title}</h1>'
        "<p>Text.</p>{body}</main></html>")
FLOOD = PAGE.format(title="Flood", head='<link rel="stylesheet" href="../css/site.css">',
                    body='<p class="print-only"><img src="logo.png"></p><img src="a.jpg">')
BRIDGE = PAGE.format(title="Bridge", head="", body='<img src="b.jpg" alt="The bridge">')
MEMBERS = {"news/flood.html": FLOOD.encode(), "css/site.css": b".print-only{display:none}",
           "news/bridge.html.gz": gzip.compress(BRIDGE.encode()), "notes.txt": b"<p>no</p>",
           "news/img/a.jpg": b"\xff\xd8\xff"}


def zip_archive(path, members=MEMBERS, prefix=""):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(prefix + "news/", b"")        # a folder
        for name, data in members.items():
            archive.writestr(prefix + name, data)
    return path


def tar_archive(path, mode="w:gz", members=MEMBERS):
    with tarfile.open(path, mode) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo("./" + name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("./news/link.html")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
    return path


def check(tmp_path, *args):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", *args, "-j", "1", "-o", str(out), "-f", "json"],
                                catch_exceptions=False)
    return result, validate(out / "a11y-report.json")


def outcomes(page):
    found = {}
    for finding in page["findings"]:
        found.setdefault(finding["rule"], []).append(finding["outcome"])
    return found


@pytest.mark.parametrize("kind", ["zip", "tar.gz", "tar", "tar.xz", "tar.bz2"])
def test_an_archives_pages_are_audited_as_their_files_would_be(tmp_path, kind):
    path = tmp_path / f"site.{kind}"
    if kind == "zip":
        zip_archive(path)
    else:
        tar_archive(path, "w" if kind == "tar" else f"w:{kind.rpartition('.')[2]}")
    result, data = check(tmp_path, str(path))
    pages = {p["source"].partition("#")[2]: p for p in data["pages"]}
    # pages only (not the text file, the stylesheet, the image, the folder or the link), by
    # their path in the archive ("./" left out), a gzip member read through
    assert sorted(pages) == ["news/bridge.html.gz", "news/flood.html"]
    assert result.exit_code == 1 and data["errors"] == []
    flood = outcomes(pages["news/flood.html"])
    # (the page reads its archive's stylesheet, which hides one of its two images)
    assert flood["image-alt"] == ["failed"]
    assert pages["news/bridge.html.gz"]["title"] == "Bridge"
    assert "image-alt" not in outcomes(pages["news/bridge.html.gz"])


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_a_page_reads_the_stylesheets_of_its_archive(tmp_path, kind):
    # the archive's own CSS hides the print-only logo: one image left to fail, as for the
    # same files in a folder
    write = zip_archive if kind == "zip" else tar_archive
    archive = write(tmp_path / f"site.{kind}")
    _, data = check(tmp_path, str(archive), "--include-passed")
    (flood,) = [p for p in data["pages"] if p["source"].endswith("flood.html")]
    images = [f for f in flood["findings"] if f["rule"] == "image-alt"]
    assert [(f["outcome"], f["snippet"][:20]) for f in images] == [
        ("failed", '<img src="a.jpg">')]
    folder = tmp_path / "folder"
    for name, content in MEMBERS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    _, from_folder = check(tmp_path, str(folder / "news" / "flood.html"), "--include-passed")
    assert [(f["rule"], f["outcome"]) for f in from_folder["pages"][0]["findings"]] == [
        (f["rule"], f["outcome"]) for f in flood["findings"]]
    # a root-relative link is read from the archive's root; one the archive does not hold
    # is missing (both images fail, and what it may hide is to review); in an archive that
    # holds the site in a folder of its own (zip -r site.zip public/), under that folder
    for n, (folder, sheet, expected) in enumerate((("", "/css/site.css", ["failed"]),
                                                   ("", "/css/none.css", ["failed", "failed"]),
                                                   ("public/", "/css/site.css", ["failed"]))):
        rooted = write(tmp_path / f"rooted{n}.{kind}", members={
            f"{folder}news/flood.html": FLOOD.replace("../css/site.css", sheet).encode(),
            f"{folder}css/site.css": MEMBERS["css/site.css"]})
        _, data = check(tmp_path, str(rooted))
        assert outcomes(data["pages"][0])["image-alt"] == expected


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_what_is_beside_a_page_in_an_archive_is_in_the_archive(tmp_path, kind):
    # a page at the archive's root links css/site.css: the archive's, not a file of that
    # name beside the archive; one that leaves the archive (../print.css) names nothing,
    # even where such a file is on disk
    write = zip_archive if kind == "zip" else tar_archive
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("p { color: black }", encoding="utf-8")
    (tmp_path / "print.css").write_text(".print-only{display:none}", encoding="utf-8")
    for n, (sheet, expected) in enumerate((("css/site.css", ["failed"]),
                                           ("../print.css", ["failed", "failed"]))):
        archive = write(tmp_path / f"flat{n}.{kind}", members={
            "flood.html": FLOOD.replace("../css/site.css", sheet).encode(),
            "css/site.css": MEMBERS["css/site.css"]})
        _, data = check(tmp_path, str(archive))
        assert outcomes(data["pages"][0])["image-alt"] == expected


def test_a_path_inside_an_archive_never_leaves_it(tmp_path):
    path = zip_archive(tmp_path / "site.zip")
    assert archive_member_path(f"{path}#news/../css/site.css") == (str(path), "css/site.css")
    assert archive_member_path(f"{path}#../../etc/passwd") is None
    assert archive_member_path(f"{path}#news/../../x.css") is None
    assert archive_member_path(str(tmp_path / "none.zip#a.css")) is None
    assert archive_member_path(str(tmp_path / "page#1.html")) is None


def test_path_globs_choose_an_archives_pages(tmp_path):
    path = zip_archive(tmp_path / "site.zip", prefix="public/")
    found = list(enumerate_inputs([str(path)], include=["public/news/*"],
                                  exclude=["*.gz"]))
    assert [f.source.partition("#")[2] for f in found] == ["public/news/flood.html"]
    (none,) = enumerate_inputs([str(path)], include=["nothing/*"])
    assert isinstance(none, SourceError)
    assert none.reason == ("archive holds no .html, .htm or .xhtml files matching the "
                           "path globs")


def test_a_member_too_large_is_an_error_of_its_own(tmp_path):
    big = PAGE.format(title="Big", head="", body="<p>x</p>" * 2000).encode()
    members = {"a.html": FLOOD.encode(), "big.html": big}
    for path in (zip_archive(tmp_path / "site.zip", members),
                 tar_archive(tmp_path / "site.tar.gz", members=members)):
        result, data = check(tmp_path, str(path), "--max-bytes", "8000")
        assert result.exit_code == 2
        assert [p["source"] for p in data["pages"]] == [f"{path}#a.html"]
        assert [(e["source"], e["message"]) for e in data["errors"]] == [
            (f"{path}#big.html", "page is too large (limit 8,000 bytes)")]


def test_a_zip_bomb_is_read_no_further_than_the_page_limit(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.html", b"<p>" + b" " * 50_000_000)
    assert path.stat().st_size < 200_000
    (item,) = enumerate_inputs([str(path)])
    with pytest.raises(SourceError, match="page is too large"):
        load(item, max_bytes=1_000_000)


def test_an_encrypted_member_is_a_one_line_error(tmp_path):
    path = tmp_path / "locked.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.html", FLOOD)
    # (the flag an encrypted member carries, in its local and its central header)
    data = bytearray(path.read_bytes())
    data[6] |= 0x1
    data[data.find(b"PK\x01\x02") + 8] |= 0x1
    path.write_bytes(bytes(data))
    (item,) = enumerate_inputs([str(path)])
    with pytest.raises(SourceError) as raised:
        load(item)
    assert raised.value.reason == "cannot read the archive's member (encrypted)"


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("broken.zip", b"PK\x03\x04 not really", "broken ZIP archive (BadZipFile: File is not a "
                                             "zip file)"),
    ("empty.zip", None, "archive holds no .html, .htm or .xhtml files"),
    ("broken.tar.gz", b"\x1f\x8b\x08\x00garbage", "broken tar archive ("),
])
def test_a_broken_or_empty_archive_is_a_one_line_error(tmp_path, name, data, reason):
    path = tmp_path / name
    if data is None:
        zip_archive(path, {"notes.txt": b"x"})
    else:
        path.write_bytes(data)
    result, report = check(tmp_path, str(path))
    assert result.exit_code == 2 and report["pages"] == []
    (error,) = report["errors"]
    assert error["source"] == str(path) and error["message"].startswith(reason)
    assert "\n" not in error["message"]


def test_a_tar_archive_cut_short_gives_its_pages_before_the_break(tmp_path):
    members = {f"p{n:03}.html": PAGE.format(title=f"P{n}", head="", body="x" * 3000).encode()
               for n in range(60)}
    whole = tar_archive(tmp_path / "whole.tar.gz", members=members).read_bytes()
    path = tmp_path / "cut.tar.gz"
    path.write_bytes(whole[: len(whole) // 2])
    found = list(enumerate_inputs([str(path)]))
    pages = [f for f in found if not isinstance(f, SourceError)]
    assert 0 < len(pages) < 60 and isinstance(found[-1], SourceError)
    assert found[-1].reason.startswith("broken tar archive (")
    assert found[-1].reason.endswith(f"the {len(pages)} pages before it are audited")


def test_a_folders_walk_leaves_archives_alone(tmp_path):
    zip_archive(tmp_path / "site.zip")
    (tmp_path / "page.html").write_text(BRIDGE)
    found = list(enumerate_inputs([str(tmp_path)]))
    assert [f.source for f in found] == [str(tmp_path / "page.html")]


@settings(max_examples=int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "20")), deadline=None,
          database=None, suppress_health_check=[HealthCheck.too_slow,
                                                HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["zip", "tar.gz", "tar"]),
       cuts=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=6),
       end=st.floats(0.05, 1))
def test_a_damaged_archive_gives_pages_and_one_line_errors_never_a_traceback(
        tmp_path, kind, cuts, end):
    """Bytes flipped and the end cut off: whatever is read is a page or a one-line error,
    and so is each page read (a stylesheet read from the archive included)."""
    whole = tmp_path / f"whole.{kind}"
    if kind == "zip":
        zip_archive(whole)
    else:
        tar_archive(whole, "w:gz" if kind == "tar.gz" else "w")
    path = damaged(whole, tmp_path / f"damaged.{kind}", cuts, end)
    for item, raw in pages_read(path):
        assert archive_member_path(f"{path}#{item.source.partition('#')[2]}") is not None
        assert isinstance(read_archive_file(f"{path}#css/site.css", 1 << 20), bytes | None)
        assert isinstance(raw.data, bytes)
