"""Every input a newsroom has, through one interface: what to audit, then its bytes.

:func:`enumerate_inputs` turns the names given on the command line into :class:`Input` items,
cheaply and without reading pages: files, folders (recursive, with include/exclude globs),
``.html.gz``, ``-`` for standard input, http(s) URLs, files listing URLs (``.txt``), XML
sitemaps (news sitemaps and sitemap indexes, local or fetched), RSS and Atom feeds (the linked
articles) and WARC files (every HTML response record, located by its offset so a worker reads
only that record). Containers (sitemaps, feeds, lists, WARC indexes) are read while
enumerating; pages are not.

:func:`load` reads one item to ``(source, bytes, metadata)`` (:class:`RawPage`); it runs in
whichever process audits the page, so a pool or a cluster only ships small items around.
:func:`iter_pages` chains the two.

Every failure is a :class:`~a11y_audit.sources.SourceError` naming its source: a broken sitemap
or a dead feed is one error, and the run goes on with the rest.
"""

from __future__ import annotations

import contextlib
import fnmatch
import gzip
import hashlib
import io
import json
import logging
import os
import re
import sys
import threading
import zipfile
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, NamedTuple
from urllib.parse import urljoin, urlsplit

import orjson
from lxml import etree

from a11y_audit import archives, sources, wordpress
from a11y_audit import fetch as fetching
from a11y_audit import templates as templates_module
from a11y_audit.credentials import without_userinfo
from a11y_audit.inflate import CODINGS, GZIP_MAGIC, InflateError, decoder, inflate
from a11y_audit.safe_text import writable
from a11y_audit.sources import MAX_BYTES, SourceError, is_url

STDIN = "-"
WACZ_SUFFIXES = (".wacz",)
# web archives: WARC (and ARC) files, and WACZ files (a ZIP of WARC files and a page list)
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz", *WACZ_SUFFIXES)
XML_SUFFIXES = (".xml", ".xml.gz", ".rss", ".atom")
LIST_SUFFIXES = (".txt", ".urls")
FOLDER_SUFFIXES = (*sources.PAGE_SUFFIXES, ".warc", ".warc.gz", *WACZ_SUFFIXES)
MAX_SITEMAP_DEPTH = 3                 # sitemap index -> sitemap index -> sitemap: deep enough
MAX_CONTAINER_BYTES = 50 * 1024 * 1024  # the sitemap protocol allows 50 MB uncompressed
# A WordPress export: an <rss> that declares WordPress's namespace, in a file's first 64 KB
_SNIFF_BYTES = 65536
_RSS_TAG = re.compile(rb"<rss[\s>]")
_WXR_DECLARED = re.compile(
    rb"""\sxmlns:[\w.-]+\s*=\s*["']https?://wordpress\.org/export/\d+\.\d+/?["']""")
HTML_TYPES = ("text/html", "application/xhtml+xml")
XML_TYPES = ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
             "application/rdf+xml", "application/x-gzip", "application/gzip")

_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
# A WordPress export (WXR): an RSS file in WordPress's export namespace (1.0 to 1.2), each
# item a post with its body; the post types that are no story (the media library, menus,
# revisions, the block theme's templates, global styles...) and the statuses of no post
_WXR = re.compile(r"https?://wordpress\.org/export/\d+\.\d+/?")
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_WXR_NOT_STORIES = frozenset((
    "attachment", "nav_menu_item", "revision", "custom_css", "customize_changeset",
    "oembed_cache", "user_request", "wp_block", "wp_template", "wp_template_part",
    "wp_global_styles", "wp_navigation", "wp_font_family", "wp_font_face"))
_WXR_NOT_POSTS = frozenset(("trash", "auto-draft", "inherit"))


@dataclass(frozen=True, slots=True)
class Input:
    """One page to audit, not read yet.

    ``kind`` says how :func:`load` reads it: ``file`` (a path), ``url`` (fetched), ``warc``
    (the record at ``offset`` in the WARC file ``location``), ``zip`` (the member ``meta``
    names in the ZIP archive ``location``) or ``data`` (bytes already in hand: standard
    input, a page named on the command line that was fetched to see what it was, a tar
    archive's page, a WordPress export's post: its body as saved, rendered when read).
    ``meta`` carries what the enumeration learnt (the page URL, a news sitemap's title).
    """

    source: str
    kind: str
    location: str = ""
    offset: int = 0
    data: bytes | None = field(default=None, repr=False)
    meta: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        # The name shown and reported; ``location`` keeps the name the file system needs.
        shown = writable(self.source)
        if shown is not self.source:
            object.__setattr__(self, "source", shown)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Pickled as its values and restored without __post_init__ (its source is writable
        # already): a third of the time of the slotted dataclass's own __getstate__ and
        # __setstate__, for the millions of inputs a long run sorts on disk
        return _restored_input, (self.source, self.kind, self.location, self.offset,
                                 self.data, self.meta)


def _restored_input(source: str, kind: str, location: str, offset: int, data: bytes | None,
                    meta: tuple[tuple[str, str], ...]) -> Input:
    item = _new(Input)
    _set(item, "source", source)
    _set(item, "kind", kind)
    _set(item, "location", location)
    _set(item, "offset", offset)
    _set(item, "data", data)
    _set(item, "meta", meta)
    return item


_new = object.__new__
_set = object.__setattr__


@dataclass(frozen=True, slots=True)
class RawPage:
    """A page's bytes and what is known about them: ``url`` (final, after redirects) and
    ``charset`` (declared by the HTTP response) when they are known; ``line``, the line of
    the file the page was cut from that its first line is (a WordPress export's post)."""

    source: str
    data: bytes
    meta: dict[str, str]

    @property
    def url(self) -> str | None:
        return self.meta.get("url")

    def decode(self, partial: bool = False) -> sources.Document:
        """Bytes to text (the HTTP charset first); raises SourceError. ``partial``: see
        :func:`sources.decode_exact`."""
        text, encoding, utf8 = sources.decode_exact(self.data, self.source,
                                                    self.meta.get("charset"), partial=partial)
        return sources.Document(self.source, text, encoding, url=self.url, utf8=utf8)


# -- enumeration ------------------------------------------------------------------------------

def enumerate_inputs(names: Iterable[str], *, include: Iterable[str] = (),
                     exclude: Iterable[str] = (), max_bytes: int = MAX_BYTES,
                     stdin: object = None, templates: str = "auto",
                     ) -> Iterator[Input | SourceError]:
    """Every page named, containers expanded. ``include``/``exclude`` are globs matched
    against what a container holds (a file's path relative to its folder, a URL's path): a
    page is kept when it matches an include glob (if any) and no exclude glob. A page named
    directly is always kept. A folder's walk takes HTML and WARC files, and the templates
    that ``templates`` (the --templates setting) reads (:func:`templates.folder_suffixes`)."""
    globs = _Globs(tuple(include), tuple(exclude),
                   (*FOLDER_SUFFIXES, *templates_module.folder_suffixes(templates)))
    for name in names:
        try:
            if name == STDIN:
                yield _stdin(stdin, max_bytes)
            elif is_url(name):
                yield from _named_url(name, globs, max_bytes)
            else:
                yield from _named_path(name, globs, max_bytes)
        except SourceError as exc:
            yield exc


@dataclass(frozen=True, slots=True)
class _Globs:
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    suffixes: tuple[str, ...] = FOLDER_SUFFIXES     # the files a folder's walk takes

    def keep(self, relative: str) -> bool:
        def hit(pattern: str) -> bool:
            return (fnmatch.fnmatchcase(relative, pattern)
                    or fnmatch.fnmatchcase(PurePosixPath(relative).name, pattern)
                    or fnmatch.fnmatchcase(relative, pattern.removeprefix("**/")))
        if self.include and not any(hit(p) for p in self.include):
            return False
        return not any(hit(p) for p in self.exclude)

    def keep_url(self, url: str) -> bool:
        if not (self.include or self.exclude):
            return True
        try:
            path = urlsplit(url).path
        except ValueError:      # no URL at all: kept, so that it fails with its own error
            return True
        return self.keep(path.lstrip("/"))


def _stdin(stream: object, max_bytes: int) -> Input:
    handle = stream if stream is not None else sys.stdin.buffer
    data = handle.read(max_bytes + 1)  # type: ignore[union-attr]  # (a stream)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        raise SourceError(STDIN, f"input is too large (limit {max_bytes:,} bytes)")
    # `gzip -c page.html | a11y-audit check -`: gzip is recognised by its magic bytes
    return Input(STDIN, "data", data=_maybe_gunzip(data, STDIN, max_bytes))


def _named_path(name: str, globs: _Globs, max_bytes: int) -> Iterator[Input | SourceError]:
    path = Path(name)
    if path.is_dir():
        found = False
        # a .php or JSP .tag file left out: said in the error if nothing else is found
        named_only: str | None = None
        root = str(path)
        # str(path / relative), made of strings: pathlib interns every part of a path it
        # parses, so a Path a file would put each folder's names in the interpreter's table
        # of interned strings, which keeps its size
        lead = "" if root == "." else os.path.join(root, "")
        for relative in _walk(root):
            # not only regular files: a FIFO or a dangling link named .html is then refused
            # by name when read, never skipped in silence
            file_name = relative.rpartition("/")[2].lower()
            if not file_name.endswith(globs.suffixes):
                if not found and named_only is None:
                    named_only = ("PHP templates are audited with --templates php"
                                  if file_name.endswith((".php", ".phtml")) else
                                  "JSP tag files are audited with --templates jsp"
                                  if file_name.endswith((".tag", ".tagf")) else
                                  "Markdown stories are audited with --templates markdown"
                                  if file_name.endswith((".md", ".markdown")) else
                                  "MDX stories are audited with --templates mdx"
                                  if file_name.endswith(".mdx") else None)
            elif globs.keep(relative):
                found = True
                location = lead + (relative if os.sep == "/" else relative.replace("/", os.sep))
                if location.lower().endswith(WARC_SUFFIXES):
                    yield from warc_inputs(location, globs)
                else:
                    yield Input(location, "file", location)
        if not found:
            yield SourceError(name, "folder holds no .html, .htm, .html.gz or WARC files"
                              + (" matching the path globs" if globs.include or globs.exclude
                                 else "")
                              + (f" (its {named_only})" if named_only else ""))
        return
    if not path.exists():
        yield SourceError(name, "no such file or folder")
        return
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        yield from warc_inputs(name, globs)
    elif lower.endswith(archives.SUFFIXES):
        yield from _archive_pages(name, globs, max_bytes)
    elif lower.endswith(XML_SUFFIXES):
        if _wordpress_export(name):
            yield from _wordpress_posts(_export_items(name), name, globs)
        else:
            yield from _container(name, _read_file(name, MAX_CONTAINER_BYTES), name, globs,
                                  max_bytes, depth=0)
    elif lower.endswith(LIST_SUFFIXES):
        yield from _url_list(name, _read_file(name, MAX_CONTAINER_BYTES), globs)
    else:
        yield Input(name, "file", name)


def _walk(folder: str, prefix: str = "") -> Iterator[str]:
    """The path, relative to ``folder`` and with ``/`` between its parts, of everything under
    it that is not a folder, in sorted order (``sorted(Path(folder).rglob("*"))``'s, part by
    part), yielded as the walk goes: a folder of a million pages is never held as one list,
    only one folder's names at a time. Links to folders are not followed, as ``rglob`` does
    not; a subfolder that cannot be read is skipped, as ``rglob`` skips it."""
    try:
        with os.scandir(folder) as entries:
            listed = sorted((entry.name, _is_folder(entry)) for entry in entries)
    except OSError:
        return
    for name, kind in listed:
        if kind is None:
            yield prefix + name
        elif kind:         # a folder, not a link to one
            yield from _walk(os.path.join(folder, name), f"{prefix}{name}/")


def _is_folder(entry: os.DirEntry[str]) -> bool | None:
    """None: not a folder (a file, a FIFO, a dangling link); True: a folder to walk into;
    False: a link to a folder (neither walked into nor audited)."""
    try:
        if not entry.is_dir():
            return None
        return not entry.is_symlink()
    except OSError:
        return None


def _named_url(url: str, globs: _Globs, max_bytes: int) -> Iterator[Input | SourceError]:
    """A URL named on the command line may be a page, a sitemap or a feed: fetch it once to
    see, and keep the bytes of a page so it is not fetched twice. A user name and password in
    the URL are not used, nor shown: :func:`a11y_audit.credentials.bind` turns them into the
    origin's credentials before a run enumerates its names."""
    url = without_userinfo(url)[0]
    try:
        path = urlsplit(url).path.lower()
    except ValueError:      # (no URL after all: the fetch says why)
        path = ""
    if path.endswith(WACZ_SUFFIXES):
        # read where it is served, a byte range at a time: its page list, its index, and
        # the records of its pages and stylesheets (see warc_inputs)
        yield from warc_inputs(url, globs)
        return
    if path.endswith((*WARC_SUFFIXES, *archives.SUFFIXES)):
        # refused before a byte is fetched: a crawl's archive is gigabytes, and with no
        # index to say where its pages are, every byte of it would be read
        raise SourceError(url, "WARC files and ZIP or tar archives are read from disk, not "
                               "over http(s) (WACZ files are): download the file, then "
                               "name it")
    fetched = http_get(url, max_bytes, container_bytes=MAX_CONTAINER_BYTES)
    if _is_xml(fetched.content_type, fetched.data):
        yield from _container(url, fetched.data, fetched.url, globs, max_bytes, depth=0)
        return
    if fetched.content_type not in (*HTML_TYPES, "text/plain"):
        raise SourceError(url, f"not an HTML page (Content-Type {fetched.content_type})")
    if len(fetched.data) > max_bytes:
        raise SourceError(url, f"page is too large (limit {max_bytes:,} bytes)")
    meta = [("url", fetched.url)] + ([("charset", fetched.charset)] if fetched.charset else [])
    yield Input(url, "data", data=fetched.data, meta=tuple(meta))


def _url_list(name: str, data: bytes, globs: _Globs) -> Iterator[Input | SourceError]:
    """One URL (or path, relative to the list) a line; blank lines and ``#`` comments skipped."""
    base = Path(name).parent
    for number, entry in _list_entries(data):
        if is_url(entry):
            entry = without_userinfo(entry)[0]     # (credentials.bind took them)
            if globs.keep_url(entry):
                yield Input(entry, "url", entry, meta=(("url", entry),))
        elif "://" in entry:
            yield SourceError(f"{name}:{number}", f"not an http(s) URL: {entry[:100]!r}")
        else:
            path = base / entry
            yield Input(str(path), "file", str(path)) if path.is_file() else SourceError(
                f"{name}:{number}", f"no such file: {entry[:200]}")


def _list_entries(data: bytes) -> Iterator[tuple[int, str]]:
    text = data.decode("utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if entry and not entry.startswith("#"):
            yield number, entry


def listed_urls(names: Iterable[str]) -> Iterator[str]:
    """The URLs of the URL lists among ``names`` (local ``.txt`` and ``.urls`` files): the
    origins a run's credentials go to (:func:`a11y_audit.credentials.bind`). A list that
    cannot be read lists nothing here; enumerating it reports why."""
    for name in names:
        if name.lower().endswith(LIST_SUFFIXES) and not is_url(name):
            try:
                data = _read_file(name, MAX_CONTAINER_BYTES)
            except SourceError:
                continue
            for _, entry in _list_entries(data):
                if is_url(entry):
                    yield entry


def _is_xml(content_type: str, data: bytes) -> bool:
    head = _maybe_gunzip(data[:65536], "", probe=True).lstrip()[:512].lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return False
    return content_type in XML_TYPES or head.startswith((b"<?xml", b"<urlset", b"<sitemapindex",
                                                        b"<rss", b"<feed", b"<rdf:rdf"))


def _container(source: str, data: bytes, base: str, globs: _Globs, max_bytes: int,
               depth: int) -> Iterator[Input | SourceError]:
    """A sitemap, a sitemap index or a feed: the pages it links to."""
    root = parse_xml(_maybe_gunzip(data, source), source)
    tag = etree.QName(root).localname.lower() if isinstance(root.tag, str) else ""
    if tag == "sitemapindex":
        if depth >= MAX_SITEMAP_DEPTH:
            yield SourceError(source, f"sitemap indexes nested deeper than {MAX_SITEMAP_DEPTH}")
            return
        for loc in _locs(root, "sitemap", base):
            loc = without_userinfo(loc)[0]     # a sitemap's credentials are never sent
            try:
                child = _read_container(loc)
                yield from _container(loc, child, loc, globs, max_bytes, depth + 1)
            except SourceError as exc:
                yield exc
        return
    if tag == "rss" and _wordpress_space(root) is not None:
        yield from _wordpress_posts(root.iter("item"), source, globs)
        return
    if tag == "urlset":
        links = _sitemap_pages(root, base)
    elif tag in ("rss", "rdf"):
        links = _rss_links(root, base)
    elif tag == "feed":
        links = _atom_links(root, base)
    else:
        raise SourceError(source, f"XML but not a sitemap or a feed (root element <{tag}>)")
    count = 0
    for url, meta in links:
        count += 1
        if not is_url(url):
            yield SourceError(source, f"link is not an http(s) URL: {url[:100]!r}")
        else:
            url = without_userinfo(url)[0]     # a feed's credentials are never sent
            if globs.keep_url(url):
                yield Input(url, "url", url, meta=(("url", url), *meta))
    if not count:
        yield SourceError(source, f"{'sitemap' if tag == 'urlset' else 'feed'} links to no page")


def _wordpress_posts(items: Iterable[etree._Element], source: str, globs: _Globs
                     ) -> Iterator[Input | SourceError]:
    """A WordPress export's posts and pages (any post type that is a story, drafts
    included, not the trash): each body as WordPress writes it
    (:func:`a11y_audit.wordpress.render`), named ``export.xml#<id>/<slug>``, its lines the
    export's, read with WordPress's block markup (its dynamic blocks are holes). ``items``
    are the export's ``<item>`` elements, of a whole tree or of a stream
    (:func:`_export_items`); a stream that breaks gives the posts before the break, then the
    error."""
    found = 0
    space: str | None = None
    try:
        for item in items:
            if space is None:
                space = _wordpress_space(item) or ""
            kind = _text(item.find(f"{{{space}}}post_type")) or "post"
            status = _text(item.find(f"{{{space}}}status"))
            content = item.find(_CONTENT)
            if kind in _WXR_NOT_STORIES or status in _WXR_NOT_POSTS or content is None:
                continue
            body = content.text or ""
            if not body.strip():
                continue
            link = _text(item.find("link"))
            if link and not globs.keep_url(link):
                continue
            found += 1
            number = _text(item.find(f"{{{space}}}post_id")) or str(found)
            slug = _text(item.find(f"{{{space}}}post_name"))
            line: int = content.sourceline or 1  # type: ignore[assignment]  # (stubbed as ...)
            meta: list[tuple[str, str]] = [("template", "wordpress"), ("line", str(line))]
            meta += [("url", link)] if is_url(link) else []
            title = _text(item.find("title"))
            meta += [("title", title)] if title else []
            yield Input(f"{source}#{number}" + (f"/{slug}" if slug else ""), "data", source,
                        data=body.encode("utf-8"), meta=tuple(meta))
    except SourceError as exc:
        if found:
            exc = SourceError(source, f"{exc.reason}: the {found:,} posts before it are "
                                      "audited")
        yield exc
        return
    if not found:
        yield SourceError(source, "WordPress export holds no post or page with a body")


def _wordpress_space(element: etree._Element) -> str | None:
    """WordPress's export namespace, when it is declared on ``element`` or around it."""
    return next((s for s in element.nsmap.values() if s and _WXR.fullmatch(s)), None)


def _wordpress_export(location: str) -> bool:
    """Whether a local XML file (or its gzip) is a WordPress export: an ``<rss>`` that
    declares WordPress's namespace in the first 64 KB. An export is read as a stream
    (:func:`_export_items`), of any size; other XML is read whole, up to 50 MB."""
    with sources.open_regular_file(location) as raw:
        head = _maybe_gunzip(raw.read(_SNIFF_BYTES), location, _SNIFF_BYTES, probe=True)
    rss = _RSS_TAG.search(head)
    if rss is None:
        return False
    end = head.find(b">", rss.start())
    return _WXR_DECLARED.search(head, rss.start(), end if end >= 0 else len(head)) is not None


def _export_items(location: str) -> Iterator[etree._Element]:
    """The ``<item>`` elements of a local WordPress export (or its gzip), each as it ends in a
    stream: an export of any size, in flat memory. Each item is dropped from the tree once the
    caller has read it, with the elements before it (the tree holds about one item at a
    time). Raises SourceError where the file breaks (an export cut short, as a long export
    from the dashboard can be), after the items before it; parsed as untrusted XML
    (:func:`parse_xml`'s settings)."""
    with contextlib.ExitStack() as stack:
        raw = stack.enter_context(sources.open_regular_file(location))
        gzipped = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        stream = stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb")) if gzipped else raw
        events = etree.iterparse(stream, events=("end",), tag="item", resolve_entities=False,
                                 no_network=True, load_dtd=False, huge_tree=False,
                                 remove_comments=True)
        try:
            for _, item in events:
                yield item
                item.clear()
                parent = item.getparent()
                if parent is not None:
                    while item.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as exc:
            # (its message, without the "(<string>, line N)" lxml adds for a stream)
            message = (exc.msg or str(exc)).splitlines()[0][:200]
            raise SourceError(location, f"broken XML ({message})") from None
        except (OSError, EOFError, zlib.error) as exc:
            raise SourceError(location, f"cannot read: {type(exc).__name__}: "
                                        f"{str(exc)[:200]}") from None


def _read_container(location: str) -> bytes:
    if is_url(location):
        return http_get(location, MAX_CONTAINER_BYTES).data
    return _read_file(location, MAX_CONTAINER_BYTES)


def parse_xml(data: bytes, source: str) -> etree._Element:
    """Parse untrusted XML: no entities expanded, no network, no DTD loading."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise SourceError(source, f"broken XML ({str(exc).splitlines()[0][:200]})") from None
    if root is None:
        raise SourceError(source, "empty XML document")
    return root


def _text(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _joined(base: str, url: str) -> str:
    """``url`` resolved against the listing's address (a sitemap or feed fetched over HTTP);
    as written when the base is a file, or when either cannot be parsed as a URL (a listing's
    ``https://[::1`` is then an input of its own that fails with a one-line error, not the
    whole listing)."""
    if not is_url(base):
        return url
    try:
        return urljoin(base, url)
    except ValueError:
        return url


def _locs(root: etree._Element, entry: str, base: str) -> Iterator[str]:
    for item in root:
        if isinstance(item.tag, str) and etree.QName(item).localname == entry:
            loc = next((c for c in item if isinstance(c.tag, str)
                        and etree.QName(c).localname == "loc"), None)
            if _text(loc):
                yield _joined(base, _text(loc))


def _sitemap_pages(root: etree._Element, base: str) -> Iterator[tuple[str, tuple]]:
    for item in root:
        if not (isinstance(item.tag, str) and etree.QName(item).localname == "url"):
            continue
        loc = _text(item.find(f"{_SITEMAP}loc")) or _text(item.find("loc"))
        if not loc:
            continue
        meta = []
        news = item.find(f"{_NEWS}news")
        if news is not None:
            title = _text(news.find(f"{_NEWS}title"))
            date = _text(news.find(f"{_NEWS}publication_date"))
            meta += [("title", title)] if title else []
            meta += [("published", date)] if date else []
        yield _joined(base, loc), tuple(meta)


def _rss_links(root: etree._Element, base: str) -> Iterator[tuple[str, tuple]]:
    for item in root.iter("item", f"{_RSS1}item"):
        link = _text(item.find("link")) or _text(item.find(f"{_RSS1}link"))
        if not link:
            guid = item.find("guid")
            if guid is not None and guid.get("isPermaLink", "true") == "true":
                link = _text(guid)
        if link:
            title = _text(item.find("title")) or _text(item.find(f"{_RSS1}title"))
            yield _joined(base, link), (
                (("title", title),) if title else ())


def _atom_links(root: etree._Element, base: str) -> Iterator[tuple[str, tuple]]:
    xml_base = root.get("{http://www.w3.org/XML/1998/namespace}base") or ""
    try:
        feed_base = urljoin(base, xml_base)
    except ValueError:      # an xml:base that is no URL: the feed's own address
        feed_base = base
    for entry in root.iter(f"{_ATOM}entry"):
        href = ""
        for link in entry.iter(f"{_ATOM}link"):
            if link.get("rel", "alternate") == "alternate" and link.get("href"):
                href = link.get("href", "")
                break
        if href:
            title = _text(entry.find(f"{_ATOM}title"))
            yield _joined(feed_base, href) if feed_base else href, (
                (("title", title),) if title else ())


# -- WARC -------------------------------------------------------------------------------------

def warc_inputs(path: str, globs: _Globs | None = None) -> Iterator[Input | SourceError]:
    """Every HTML response record of a WARC file (and resource record: a page stored as a
    file, as warcit stores a site's folder), located by offset (the bytes stay on disk),
    named ``crawl.warc.gz#<its URL>``. A URL captured again later in the file (a long crawl
    comes back to a page) is named by its capture too, ``#<URL>@<its WARC-Date>``: each
    capture is audited, and reported apart. A record the crawler cut short (``WARC-Truncated``:
    a size or time limit) is an error of its own, not a page judged by half its markup.
    Revisit records (a capture whose content was unchanged) hold no page: the capture they
    repeat is audited (in a WACZ file, a listed page captured only so is audited from that
    capture).

    A WACZ file (Browsertrix, ArchiveWeb.page, py-wacz: a ZIP of WARC files and lists of the
    pages crawled) gives the captures of the pages it lists (``pages/*.jsonl``: the seeds and
    the pages found from them), not every HTML document the crawl fetched on the way (the
    frames of ads and embeds); one that lists none, every HTML response. Its WARC files are
    read where the ZIP stores them (:func:`_records`). A multi-WACZ file (the WACZ files of
    a crawl or collection, stored in one: :func:`_wacz_parts`) gives the pages of each, as
    one WACZ file of their WARC files and page lists would. Where it holds an index of its records
    (CDXJ, as py-wacz and Browsertrix write), the listing walks the index
    (:func:`_indexed_records`) and reads only the pages, the stylesheets and the records of
    the pages it lists, not the images and video that are most of a crawl's bytes; where
    the index does not hold (a record not where it says, or of another URL; a listed page it
    does not list), every record is read, and what the walk gave is not given twice. The
    index is taken at its word for what it leaves out or the types it gives, as replay tools
    take it.

    A WACZ file named by its http(s) URL is read where it is served, a byte range at a time
    (:class:`_RemoteFile`), as a browser replays one: its ZIP directory, its page list and
    its index, from which its pages are listed (:class:`_IndexedRecord`: a record is read
    only for what its index line does not tell), then each page's and stylesheet's record
    as a worker audits it, not the gigabytes of the rest. So it must hold an index, taken at
    its word for the pages it does not find (or, with no page list, for which of its
    responses are HTML) and for what it says each capture is (the worker that reads a page
    checks: :func:`_check_page_record`): where it has none, or one a record read does not
    match, it is an error that says to download it (a pass over every record would read
    all of it)."""
    try:
        from warcio.archiveiterator import ArchiveIterator  # noqa: F401
    except ImportError:  # pragma: no cover - warcio is a dependency
        yield SourceError(path, "reading WARC files needs warcio (pip install warcio)")
        return
    if not _is_wacz(path):
        yield from _listing(path, globs, None, _records(path), 0)
        return
    remote = is_url(path)
    location = path
    if remote:
        _forget_remote_file(path)
        try:
            with _wacz(path) as (raw, _):
                # (one that cannot be had, or is no ZIP: said once, here)
                location = _served_location(path, raw.version)  # type: ignore[attr-defined]
        except SourceError as exc:
            yield exc
            return
    try:
        listed, unread = _listed_pages(path)
        index = _wacz_index(path) if listed is not None or remote else None
    except fetching.FetchError as exc:      # (a served file's part that could not be had)
        yield exc
        return
    yield from unread
    if remote and index is None:
        yield SourceError(path, _NOT_READ_REMOTELY.format(
            "no index of its records that can be read (or its WARC files are stored "
            "compressed)"))
        return
    if index is None or (listed is None and not remote):
        yield from _listing(path, globs, listed, _records(path), len(unread))
        return
    # The walk of the index, checked as it goes; where it does not hold (a record not where
    # the index says, a listed page it does not find), the pass over every record gives
    # what the walk did not (what it gave, the pass gives again: said once)
    said: set[bytes] = set()
    try:
        wanted = listed.wanted if listed is not None else None
        walk = _indexed_records(path, index, lambda kind, key: bool(kind) or (
            wanted is not None and wanted(key)), told=remote)
        # (a served file's index is taken at its word for the pages it does not list, or
        # where none are listed for every HTML response it holds, as replay tools take it:
        # a pass over every record would fetch all of it)
        for item in _listing(path, globs, listed, walk, len(unread),
                             walked="trusted" if remote else "checked", location=location):
            said.add(_said(item))
            yield item
        return
    except _IndexDoesNotHold:
        if remote:
            yield SourceError(path, _NOT_READ_REMOTELY.format(
                "an index that does not match its records"))
            return
    listed, _ = _listed_pages(path)
    for item in _listing(path, globs, listed, _records(path), len(unread)):
        if _said(item) not in said:
            yield item


def _served_location(url: str, version: tuple[int, str | None]) -> str:
    """Where a worker reads the pages of the WACZ file served at ``url``: its URL, and the
    size and validator its listing found (a line of its own), so that a worker holds what
    it reads to the file its run listed, and what a worker keeps of a file (its open file,
    its stylesheets' places, the stylesheets read from it) is kept for that version only (a
    Dask worker serves run after run, and a nightly crawl is replaced at the same URL)."""
    return f"{url}\n{version[0]} {version[1] or ''}"


def _location_parts(location: str) -> tuple[str, tuple[int, str | None] | None]:
    """A served file's URL, and the version its location names (None: not named)."""
    url, _, version = location.partition("\n")
    if not version:
        return url, None
    size, _, validator = version.partition(" ")
    return url, (int(size), validator or None)


def _is_wacz(location: str) -> bool:
    """Whether a web archive is a WACZ file, by its name (a URL's, by its path)."""
    if is_url(location):
        try:
            location = urlsplit(_location_parts(location)[0]).path
        except ValueError:
            return False
    return location.lower().endswith(WACZ_SUFFIXES)


_NOT_READ_REMOTELY = ("a WACZ file is read over http(s) through its index (indexes/*.cdxj, as "
                      "Browsertrix and py-wacz write it); this one has {}: download the "
                      "file, then name it")


def _said(item: Input | SourceError) -> bytes:
    return hashlib.blake2b(repr(item).encode("utf-8", "surrogatepass"), digest_size=8).digest()


class _IndexDoesNotHold(Exception):
    """A WACZ file's index does not match its records: they are read one by one instead."""


def _listing(path: str, globs: _Globs | None, listed: _ListedPages | None,
             records: Iterable[tuple[Any, int] | SourceError], found: int,
             walked: str = "", location: str = "") -> Iterator[Input | SourceError]:
    """:func:`warc_inputs` from ``records`` (``found``: errors said before). ``walked``: the
    records are a walk of the file's index (:func:`_indexed_records`), which a listed page
    it does not find makes doubtful ("checked": _IndexDoesNotHold, not an error) or not
    ("trusted": the page is not captured). ``location``: where a worker reads the pages
    (a served file's: :func:`_served_location`; default ``path``)."""
    location = location or path
    # the URLs met so far, as 8-byte digests: a file of a million captures holds ~60 MB of
    # them at most (a crawler splits its WARC files at 1 GB: far fewer)
    captured: set[bytes] = set()
    # with a page list: where each HTML body is, by its digest (what a revisit record names),
    # and the URL of its capture
    payloads: dict[str, tuple[int, str]] = {}
    # The file's stylesheets, found on the way (see _warc_stylesheets): kept for the
    # workers, which this process starts once the run's inputs are listed.
    sheets: dict[str, int] = {}
    kept = _sheets_key(location)
    try:
        for entry in records:
            if isinstance(entry, SourceError):
                found += 1
                yield entry
                continue
            record, offset = entry
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            capture = uri       # (the URL of the record the page is read from)
            served = _served(record, uri)
            if served is None:
                if listed is None or record.rec_type != "revisit":
                    continue
                # a listed page whose content was unchanged since a capture the crawl kept
                # (a crawler that deduplicates writes a revisit record, not the body again):
                # audited from that capture
                held = payloads.get(_digest(record.rec_headers.get_header("WARC-Payload-Digest")))
                if not listed.revisited(uri, held is not None):
                    continue
                assert held is not None
                offset, capture = held
            else:
                _note_stylesheet(sheets, uri, served, offset)
                status, _, headers = served
                html = _serves(served, HTML_TYPES)
                if html and listed is not None:
                    digest = _digest(record.rec_headers.get_header("WARC-Payload-Digest"))
                    if digest:
                        payloads.setdefault(digest, (offset, uri))
                if listed is not None and not listed.wants(uri, status, headers):
                    continue
                if not html:
                    continue
            if globs is not None and uri and not globs.keep_url(uri):
                continue
            found += 1
            name = f"{path}#{uri or offset}"
            if uri:
                met = hashlib.blake2b(uri.encode("utf-8", "surrogatepass"),
                                      digest_size=8).digest()
                if met in captured:
                    date = record.rec_headers.get_header("WARC-Date") or ""
                    name += f"@{date.strip()[:40] or offset}"
                captured.add(met)
            # (a record its index line tells: the worker that reads it checks)
            cut = (None if isinstance(record, _IndexedRecord)
                   else record.rec_headers.get_header("WARC-Truncated"))
            if cut is not None:
                yield _cut_short(name, cut)
                continue
            # (a capture of another URL, that a revisit's content is the same as: the worker
            # checks that the record it reads is the one named)
            yield Input(name, "warc", location, offset=offset,
                        meta=((("url", uri),) if uri else ())
                        + ((("capture", capture),) if capture != uri else ()))
    except _IndexDoesNotHold:
        raise
    except SourceError as exc:
        _keep_stylesheets(kept, sheets)     # (those before the break, as a worker finds)
        yield exc
        return
    except OSError as exc:
        _keep_stylesheets(kept, sheets)
        yield SourceError(path, f"cannot read: {exc.strerror or exc}")
        return
    except Exception as exc:  # warcio raises plain exceptions on broken archives
        _keep_stylesheets(kept, sheets)
        yield SourceError(path, f"broken WARC file ({type(exc).__name__}: "
                                f"{str(exc).splitlines()[0][:200] if str(exc) else ''})")
        return
    if listed is not None:
        missing = list(listed.missing())
        if walked == "checked" and listed.unfound():
            raise _IndexDoesNotHold
        _keep_stylesheets(kept, sheets)
        for url, why in missing:
            if globs is None or globs.keep_url(url):
                found += 1
                yield SourceError(f"{path}#{url}", why)
    else:
        _keep_stylesheets(kept, sheets)
    if not found:
        yield SourceError(path, f"{'WACZ' if listed is not None else 'WARC'} file holds no HTML "
                                "response record")


def _digest(value: str | None) -> str:
    """A payload digest as the listing compares them: a record's ``WARC-Payload-Digest``
    names its algorithm (``sha1:``); an index line may leave a SHA-1's name out, as CDX
    indexes did."""
    value = (value or "").strip()
    return value[5:] if value[:5].lower() == "sha1:" else value


def _cut_short(source: str, cut: str) -> SourceError:
    return SourceError(source, "the crawler cut this page short (WARC-Truncated: "
                               f"{cut.strip()[:40] or 'unspecified'}): not audited")


def _served(record: Any, uri: str) -> tuple[str | None, str, Any] | None:
    """What a WARC record serves, or None (a request, a revisit, metadata): its status, its
    Content-Type and the headers that say so. A response's are its HTTP headers; a resource
    record (a file stored as it is, as warcit and Webrecorder's tools store pages) of an
    http(s) URL serves its content with status 200 and the record's own type."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None:
            return None
        return headers.get_statuscode(), headers.get_header("Content-Type") or "", headers
    if record.rec_type == "resource" and is_url(uri):
        headers = record.rec_headers
        return "200", headers.get_header("Content-Type") or "", headers
    return None


def _records(path: str) -> Iterator[tuple[Any, int] | SourceError]:
    """Every record of a WARC file with its offset, where :func:`_warc_record` reads it back.
    For a WACZ file, the records of each WARC file it holds (``archive/``), their offsets
    the file's own: the format stores them in the ZIP as they are (uncompressed, "stored"),
    so each is a stretch of the file. One compressed in the ZIP cannot be read where it is:
    an error of its own, named ``crawl.wacz#archive/data.warc.gz``, as is one broken part
    way (the records before the break are read)."""
    from warcio.archiveiterator import ArchiveIterator

    if not _is_wacz(path):
        with sources.open_regular_file(path) as handle:
            head = _maybe_gunzip(handle.read(4096), path, probe=True)
            if not head.startswith((b"WARC/", b"filedesc://")):
                raise SourceError(path, "broken WARC file (no WARC record at its start)")
            handle.seek(0)
            records = ArchiveIterator(handle, arc2warc=True, block_size=_SCAN_BLOCK)
            for record in _quietly(records):
                yield record, records.get_record_offset()
        return
    with _wacz_parts(path) as (parts, errors):
        yield from errors
        members = [(part, info) for part in parts for info in part.archive.infolist()
                   if _warc_member(info)]
        if not members:
            raise SourceError(path, "WACZ file holds no WARC file (archive/*.warc.gz)")
        for part, info in members:
            name = f"{path}#{part.name}{info.filename}"
            if not _stored(info):
                yield SourceError(name, "WARC file compressed or encrypted in the WACZ: its "
                                        "records cannot be read where they are (the format "
                                        "stores archive/ files: zip -0)")
                continue
            try:
                within = _member_start(part.file, info)
                start = part.base + within
                records = ArchiveIterator(_Stretch(part.file, within, info.compress_size),
                                          arc2warc=True, block_size=_SCAN_BLOCK)
                for record in _quietly(records):
                    yield record, start + records.get_record_offset()
            except Exception as exc:    # (zipfile's and warcio's many; OSError included)
                yield SourceError(name, f"broken WARC file in the WACZ ({type(exc).__name__})")


def _warc_member(info: zipfile.ZipInfo) -> bool:
    """Whether a WACZ file's member is one of its WARC files (``archive/*.warc.gz``)."""
    return (info.filename.startswith("archive/")
            and info.filename.lower().endswith((".warc", ".warc.gz")))


def _stored(info: zipfile.ZipInfo) -> bool:
    """Whether a ZIP member is stored as it is (not compressed, not encrypted): a stretch of
    the file, read where it is."""
    return info.compress_type == zipfile.ZIP_STORED and not info.flag_bits & 1


def _member_start(raw: BinaryIO, info: zipfile.ZipInfo) -> int:
    """Where a ZIP member stored as it is starts in the file (after its local header)."""
    raw.seek(info.header_offset)
    header = raw.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise ValueError("no local header where the ZIP's directory says")
    return (info.header_offset + 30 + int.from_bytes(header[26:28], "little")
            + int.from_bytes(header[28:30], "little"))


class _Indexed(NamedTuple):
    """A record a WACZ file's index lists (:func:`_wacz_index`)."""
    at: int         # its offset in the WACZ file
    end: int        # where its WARC file ends (a record is read to its own end, whatever
                    # length the index says)
    kind: str       # what its type says it is: "page" (HTML), "css", "?" (no type given)
                    # or "" (images, video, scripts, revisits...)
    key: int        # its URL's key (:func:`_url_key`)
    url: str = ""   # its URL, type (without parameters, in lower case), HTTP status ("":
    mime: str = ""  # none given, or no number) and payload digest: kept for the pages,
    status: str = ""    # stylesheets, revisits and records of no type, not for the rest
    digest: str = ""


class _Index:
    """A WACZ file's index (:func:`_wacz_index`), every record in the order a pass over its
    WARC files meets them, held compactly: a crawl's index has a line for each page and for
    each of its images, scripts and fonts (fifty and more a page: a million lines for some
    20,000 pages), and a listing needs the details of its pages, stylesheets and revisits
    only. Each record costs 21 bytes (its offset, WARC file, kind and URL key) and those of
    the few kinds whose details are kept some 300 more: 35 MB for a million lines, where a
    list of every line's details held 300 MB (and the process peaked at 530 MB)."""

    __slots__ = ("_details", "_ends", "_members", "ats", "keys", "kinds", "revisits")

    def __init__(self, ats: array, members: array, ends: list[int], kinds: bytearray,
                 keys: array, details: dict[int, tuple[str, str, str, str]]) -> None:
        self.ats = ats
        self._members = members
        self._ends = ends
        self.kinds = kinds          # (codes: see _KINDS)
        self.keys = keys
        self._details = details
        # whether a page's digest may matter: a revisit, or a record of no type, is listed
        self.revisits = _REVISIT_CODE in kinds or _KINDS.index("?") in kinds

    def __len__(self) -> int:
        return len(self.ats)

    def entry(self, number: int) -> _Indexed:
        return _Indexed(self.ats[number], self._ends[self._members[number]],
                        _KINDS[self.kinds[number]], self.keys[number],
                        *self._details.get(number, ()))


# The kinds of record an index lists, by their code in _Index.kinds (a revisit's is "": it
# is read where the listing wants its URL, as an image's is, but its details are kept)
_KINDS = ("", "page", "css", "?", "")
_REVISIT_CODE = 4


def _url_key(url: str) -> int:
    """A URL's key (without its fragment), as an index walk compares them: its hash, not
    the URL itself. Compared within the process that made them only (a str's hash differs
    from one process to the next); two URLs of the same key cost a record read for
    nothing (the record's own URL is what counts)."""
    return hash(_unfragmented(url))


def _wacz_index(path: str) -> _Index | None:
    """The records a WACZ file's index lists (``indexes/*.cdx``, ``*.cdxj`` and their
    ``.gz``, as py-wacz and Browsertrix write them: a line per record, its URL, type,
    status, digest, WARC file, offset and length), in the order a pass over its WARC files
    meets them (a record listed twice, once). None where the index is not there or cannot
    be had whole: a line not read, a WARC file it does not name or names wrongly, one
    stored compressed."""
    # each line as it comes: where it is (its WARC file's order, and its offset in it), and
    # what _Index holds
    places: list[int] = []
    ats, members, keys = array("q"), array("I"), array("q")
    kinds = bytearray()
    details: dict[int, tuple[str, str, str, str]] = {}
    ends: list[int] = []
    # (a crawl's index repeats a few types and statuses hundreds of thousands of times)
    shared: dict[str, str] = {}
    try:
        with _wacz_parts(path) as (parts, unread):
            if unread:
                return None
            for part in parts:
                found: dict[str, tuple[int, int, int]] = {}
                indexes = []
                for info in part.archive.infolist():
                    if _warc_member(info):
                        if not _stored(info):
                            return None
                        start = part.base + _member_start(part.file, info)
                        found[PurePosixPath(info.filename).name] = (
                            len(ends), start, info.compress_size)
                        ends.append(start + info.compress_size)
                    elif (info.filename.startswith("indexes/")
                          and info.filename.lower().endswith(_INDEX_SUFFIXES)):
                        indexes.append(info)
                if not found or not indexes:
                    return None
                named = set()
                # each WARC file's place, by the name the index gives it (a line each)
                by_name: dict[str, tuple[int, int, int]] = {}
                for info in indexes:
                    with part.archive.open(info) as handle:
                        # (read through a buffer: a gzip file's own readline is Python's, a
                        # million calls for a million lines)
                        lines: Any = (io.BufferedReader(gzip.GzipFile(fileobj=handle), 1 << 20)
                                      if info.filename.lower().endswith(".gz") else handle)
                        while line := lines.readline(_MAX_INDEX_LINE):
                            if len(line) == _MAX_INDEX_LINE and not line.endswith(b"\n"):
                                return None
                            line = line.strip()
                            if not line or line.startswith(b"!"):
                                continue
                            fields = orjson.loads(line.split(b" ", 2)[2])
                            given = str(fields["filename"])
                            place = by_name.get(given)
                            if place is None:
                                name = PurePosixPath(given).name
                                place = by_name[given] = found[name]
                                named.add(name)
                            member, start, size = place
                            offset, length = int(fields["offset"]), int(fields["length"])
                            url = fields["url"]
                            if not (offset >= 0 and length > 0 and offset + length <= size
                                    and isinstance(url, str)):
                                return None
                            mime = str(fields.get("mime") or "").split(";")[0].strip().lower()
                            code = (1 if mime in HTML_TYPES else 2 if mime == "text/css"
                                    else _REVISIT_CODE if mime == _REVISIT else 0 if mime else 3)
                            if code:
                                status = str(fields.get("status") or "")
                                digest = (str(fields.get("digest") or "")
                                          if code in (1, _REVISIT_CODE) else "")
                                details[len(places)] = (
                                    url, shared.setdefault(mime, mime),
                                    shared.setdefault(status, status)
                                    if len(status) == 3 and status.isdigit() else "", digest)
                            places.append(member << 48 | offset)
                            ats.append(start + offset)
                            members.append(member)
                            kinds.append(code)
                            keys.append(_url_key(url))
                if named != set(found):
                    return None
    except fetching.FetchError:
        raise               # (a served file's part that could not be had)
    except Exception:   # (a broken ZIP, a line not read: the pass over every record says)
        return None
    # in file order, each place once
    order_of = sorted(range(len(places)), key=places.__getitem__)
    kept = [number for at, number in enumerate(order_of)
            if at == 0 or places[number] != places[order_of[at - 1]]]
    del places, order_of
    return _Index(array("q", (ats[n] for n in kept)), array("I", (members[n] for n in kept)),
                  ends, bytearray(kinds[n] for n in kept), array("q", (keys[n] for n in kept)),
                  {at: details[n] for at, n in enumerate(kept) if n in details})


_REVISIT = "warc/revisit"       # (a revisit record's type in a CDXJ index)


_INDEX_SUFFIXES = (".cdx", ".cdxj", ".cdx.gz", ".cdxj.gz")
_MAX_INDEX_LINE = 1 << 20


def _indexed_records(path: str, index: _Index, wanted: Callable[[str, int], bool],
                     told: bool = False) -> Iterator[tuple[Any, int]]:
    """The records of a WACZ file that ``wanted`` asks for, by its index
    (:func:`_wacz_index`), in file order; ``wanted`` is given each record's kind and URL
    key when the walk comes to it. The listing asks for the pages and stylesheets, and any
    record of a URL it wants then (a listed page, a redirect's target), as the pass over
    every record would meet them; the others (images, video, scripts) are not read.
    ``told``: a record whose index line tells its type and status (or that it is a revisit)
    is given as the line tells it (:class:`_IndexedRecord`), read only for what the line
    does not tell. Raises _IndexDoesNotHold where a record is not the one the index says."""
    kinds, keys = index.kinds, index.keys
    with _wacz(path) as (raw, _):
        for number in range(len(index)):
            if not wanted(_KINDS[kinds[number]], keys[number]):
                continue
            entry = index.entry(number)
            if told and entry.mime and (entry.status or entry.mime == _REVISIT):
                # (a page's digest matters only to a revisit: where the index lists none, a
                # record read for its digest would be read for nothing)
                yield _IndexedRecord(entry, raw, index.revisits), entry.at
            else:
                yield _record_at(raw, entry), entry.at


def _record_at(raw: BinaryIO, entry: _Indexed) -> Any:
    """The record an index line places (raises _IndexDoesNotHold where it is not the
    record of the line's URL, or none; SourceError where a served file's part cannot be
    had)."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        record = next(_quietly(ArchiveIterator(_Stretch(raw, entry.at, entry.end - entry.at),
                                               arc2warc=True)), None)
    except SourceError:
        raise       # (a served file's part that could not be fetched)
    except Exception as exc:
        raise _IndexDoesNotHold from exc
    uri = record.rec_headers.get_header("WARC-Target-URI") if record is not None else None
    if uri is None or (uri != entry.url if entry.url else _url_key(uri) != entry.key):
        raise _IndexDoesNotHold
    return record


class _IndexedRecord:
    """A record of a served WACZ file as its index line tells it (:func:`_wacz_index`): its
    URL, type, status and payload digest, and whether it is a revisit. What the line does
    not tell (a redirect's ``Location``, a second capture's ``WARC-Date``, a digest it
    leaves out) is read from the record itself when asked, as a replay tool reads a crawl:
    its index says which capture is what, and a record is fetched when it is wanted. A
    listing of a crawl of thousands of pages so reads a few records, not one range a page
    one after the other (a round trip each to a far bucket: some 20 s for a thousand
    pages). What the listing takes on the line's word, the worker that reads a page checks
    (:func:`_warc_record`: an HTML page with status 200, not cut short)."""

    __slots__ = ("_entry", "_raw", "_record", "http_headers", "rec_headers", "rec_type")

    def __init__(self, entry: _Indexed, raw: BinaryIO, revisits: bool) -> None:
        self._entry = entry
        self._raw = raw
        self._record: Any = None
        revisit = entry.mime == _REVISIT
        self.rec_type = "revisit" if revisit else "response"
        told = {"warc-target-uri": entry.url}
        if entry.digest or not revisits:        # (none: not needed)
            told["warc-payload-digest"] = entry.digest
        self.rec_headers = _ToldHeaders(self, True, told)
        self.http_headers = None if revisit else _ToldHeaders(self, False, {
            "content-type": entry.mime}, entry.status)

    def record(self) -> Any:
        """The record itself, read the first time it is asked for."""
        if self._record is None:
            self._record = _record_at(self._raw, self._entry)
        return self._record


class _ToldHeaders:
    """A record's WARC headers (``warc``) or HTTP headers as its index line tells them
    (``told``, by lower-case name: "" for one told absent), and its record's for the
    others (read when one is asked for)."""

    __slots__ = ("_owner", "_status", "_told", "_warc")

    def __init__(self, owner: _IndexedRecord, warc: bool, told: dict[str, str],
                 status: str = "") -> None:
        self._owner = owner
        self._warc = warc
        self._told = told
        self._status = status

    def get_header(self, name: str, default: str | None = None) -> str | None:
        key = name.lower()
        if key in self._told:
            return self._told[key] or default
        record = self._owner.record()
        headers = record.rec_headers if self._warc else record.http_headers
        return headers.get_header(name, default) if headers is not None else default

    def get_statuscode(self) -> str:
        return self._status


# What a pass over every record of a WARC file reads at a time (warcio's default is 16 KB):
# a crawl's records are mostly images and video the pass only skips, a Python step for each
# block. A 921 MB WACZ of 600 pages and 300 images: 1.0-1.35 s a pass with 16 KB blocks,
# 0.76-0.80 s with 256 KB; a 65 MB one of 2,000 pages alike (0.20 s).
_SCAN_BLOCK = 256 << 10


@contextlib.contextmanager
def _wacz(path: str) -> Iterator[tuple[BinaryIO, zipfile.ZipFile]]:
    """A WACZ file, opened as the regular file it must be (:func:`a11y_audit.sources.
    open_regular_file`: a FIFO so named is refused, never waited on), or where it is served
    (:func:`_archive_file`), and read as a ZIP: the open file and the archive. Raises
    SourceError."""
    with _archive_file(path) as raw:
        try:
            archive = zipfile.ZipFile(raw)
        except (OSError, SourceError):
            raise       # (SourceError: a served file's part that could not be fetched)
        except Exception as exc:
            raise SourceError(path, f"broken WACZ file (not a ZIP archive: "
                                    f"{type(exc).__name__})") from None
        with archive:
            yield raw, archive


@dataclass(frozen=True)
class _Part:
    """A WACZ file's content: the file itself, or one of the WACZ files a multi-WACZ file
    holds. ``archive``: it read as a ZIP (its members' offsets within ``file``); ``base``:
    where ``file`` starts in the file opened (offsets said to the listing and the workers
    are the opened file's); ``name``: ``inner.wacz#`` for an inner WACZ file ("" for the
    file itself), before its members' names in errors."""
    file: Any           # (a binary file: the one opened, or a _Stretch of it)
    archive: zipfile.ZipFile
    base: int
    name: str


@contextlib.contextmanager
def _wacz_parts(path: str) -> Iterator[tuple[list[_Part], list[SourceError]]]:
    """A WACZ file's parts (:class:`_Part`), and an error for each inner WACZ file that
    cannot be read where it is. A multi-WACZ file (Browsertrix's download of a crawl or a
    collection that is more than one WACZ file: ``"profile": "multi-wacz-package"``) holds
    WACZ files, stored as they are, and no WARC file of its own: each is a stretch of it,
    read as a WACZ file where it is (its records' offsets the outer file's), as ReplayWeb.page
    reads one. Known by what it holds, not its profile, as replay tools do. Raises
    SourceError."""
    with _wacz(path) as (raw, archive):
        infos = archive.infolist()
        inner = [info for info in infos if info.filename.lower().endswith(WACZ_SUFFIXES)
                 and "/" not in info.filename.rstrip("/")]
        if not inner or any(_warc_member(info) for info in infos):
            yield [_Part(raw, archive, 0, "")], []
            return
        parts, errors = [], []
        with contextlib.ExitStack() as stack:
            for info in inner:
                name = f"{info.filename}#"
                if not _stored(info):
                    errors.append(SourceError(f"{path}#{info.filename}", (
                        "WACZ file compressed or encrypted in the multi-WACZ file: it cannot "
                        "be read where it is (Browsertrix stores them: zip -0)")))
                    continue
                try:
                    start = _member_start(raw, info)
                    window = _Stretch(raw, start, info.compress_size)
                    parts.append(_Part(window, stack.enter_context(zipfile.ZipFile(window)),
                                       start, name))
                except SourceError:
                    raise       # (a served file's part that could not be fetched)
                except Exception as exc:    # (zipfile's many, OSError included)
                    errors.append(SourceError(f"{path}#{info.filename}", (
                        f"broken WACZ file in the multi-WACZ file (not a ZIP archive: "
                        f"{type(exc).__name__})")))
            yield parts, errors


@contextlib.contextmanager
def _archive_file(location: str) -> Iterator[BinaryIO]:
    """A web archive opened for reading: a regular file, or a WACZ file where it is served
    (its http(s) URL: :class:`_RemoteFile`, kept open for the next reads of this thread).
    Raises SourceError."""
    if not is_url(location):
        with sources.open_regular_file(location) as raw:
            yield raw
        return
    kept: OrderedDict[str, _RemoteFile] = fetching.kept_by_thread(_remote_files)
    remote = kept.pop(location, None)
    if remote is None:
        remote = _RemoteFile(*_location_parts(location))
    kept[location] = remote
    while len(kept) > _REMOTE_FILES_KEPT:
        kept.popitem(last=False)[1].close()
    yield remote  # type: ignore[misc]  # (read as a binary file: seek, tell, read)


def _forget_remote_file(url: str) -> None:
    """Read a served file afresh: a listing takes it as it is now, not as this process
    read it before (its blocks, size and validator)."""
    remote = fetching.kept_by_thread(_remote_files).pop(url, None)
    if remote is not None:
        remote.close()


class _RemoteFile(io.RawIOBase):
    """A WACZ file served over http(s), read as a file whose every read fetches what it does
    not hold yet (:class:`a11y_audit.fetch.ByteRanges`: the thread's kept connections, each
    range a fetch within the run's limits). It keeps the last :data:`_BLOCKS_KEPT` blocks of
    :data:`_BLOCK` bytes, and a read that goes on where the last fetch ended fetches twice
    as many blocks as that one did, up to :data:`_MOST_BLOCKS` (a ZIP's directory, an index,
    a page's record are read in order). ``version``: the file's size and validator its
    listing found (a worker's pages: :func:`_served_location`): a file changed since is an
    error, not another file's bytes. Raises SourceError (a :class:`~a11y_audit.fetch.
    FetchError`)."""

    def __init__(self, url: str, version: tuple[int, str | None] | None = None) -> None:
        super().__init__()
        self._ranges = fetching.ByteRanges(url, version=version)
        self._blocks: OrderedDict[int, bytes] = OrderedDict()
        self._at = 0
        self._after = -1        # the block after the last fetch's
        self._run = 1           # blocks that fetch asked for
        if version is None:
            self._fetch(0)      # (its size)

    @property
    def version(self) -> tuple[int, str | None]:
        return self._ranges.version

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._at

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = (0 if whence == io.SEEK_SET else self._at if whence == io.SEEK_CUR
                else self.version[0])
        if base + offset < 0:
            raise OSError("negative seek position")
        self._at = base + offset
        return self._at

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        size = self.version[0]
        done = 0
        while done < len(view) and self._at < size:
            number, within = divmod(self._at, _BLOCK)
            block = self._blocks.get(number)
            if block is None:
                block = self._fetch(number)
            else:
                self._blocks.move_to_end(number)
            part = block[within:within + len(view) - done]
            if not part:
                break       # (a block shorter than the file says: its last)
            view[done:done + len(part)] = part
            done += len(part)
            self._at += len(part)
        return done

    def _fetch(self, number: int) -> bytes:
        """Fetch block ``number`` and, when it goes on from the last fetch, those after it."""
        run = min(self._run * 2, _MOST_BLOCKS) if number == self._after else 1
        known = self._ranges.size
        if known is not None:
            run = max(1, min(run, -(-known // _BLOCK) - number))
        data = self._ranges.read(number * _BLOCK, run * _BLOCK)
        self._run, self._after = run, number + run
        for index in range(run):
            part = data[index * _BLOCK:(index + 1) * _BLOCK]
            if not part:
                break
            self._blocks[number + index] = part
            self._blocks.move_to_end(number + index)
        while len(self._blocks) > _BLOCKS_KEPT:
            self._blocks.popitem(last=False)
        return data[:_BLOCK]

    def close(self) -> None:
        self._blocks.clear()
        super().close()


_BLOCK = 64 << 10
_MOST_BLOCKS = 64           # 4 MB a fetch at most
_BLOCKS_KEPT = 256          # 16 MB
# The served WACZ files each thread keeps open, by location (a worker reads its pages from
# one or two).
_remote_files = threading.local()
_REMOTE_FILES_KEPT = 2


class _Stretch(io.RawIOBase):
    """``size`` bytes of an open file from ``start``, read as a file of their own: a WARC file
    a WACZ stores (read straight from the ZIP, so a damaged part costs the records after
    it, not the whole file to the ZIP's check of its CRC at the end)."""

    def __init__(self, handle: Any, start: int, size: int) -> None:   # (a binary file)
        super().__init__()
        self._handle = handle
        self._start = start
        self._at = start
        self._end = start + size

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._at - self._start

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = (self._start if whence == io.SEEK_SET else self._at if whence == io.SEEK_CUR
                else self._end)
        if base + offset < self._start:
            raise OSError("negative seek position")
        self._at = base + offset
        return self._at - self._start

    def readinto(self, buffer: Any) -> int:
        left = self._end - self._at
        if left <= 0:
            return 0
        self._handle.seek(self._at)
        read = self._handle.readinto(memoryview(buffer)[:min(len(buffer), left)])
        self._at += read
        return read


class _ListedPages:
    """The pages a WACZ file lists (``pages/pages.jsonl``, ``extraPages.jsonl``...): their
    captures are its pages. A listed page captured as a redirect is followed to where it
    went; one captured with no page (an error status, a PDF) or not at all is an error of
    its own, named by its URL."""

    def __init__(self, urls: Iterable[str]) -> None:
        self._wanted = {_unfragmented(url): "not captured in the archive" for url in urls}
        # their keys (_url_key), as an index walk asks
        self._keys = {_url_key(url) for url in self._wanted}
        # those a capture read says are no page (an error status, another type)
        self._no_page: set[str] = set()

    def wants(self, uri: str, status: str | None, headers: Any) -> bool:
        """Whether a response to ``uri`` is a capture of a listed page (noting why one that
        holds no page does not count)."""
        uri = _unfragmented(uri)
        why = self._wanted.get(uri)
        if why is None:
            return False
        if why == "":           # (a capture already audited)
            return True
        ctype = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
        if status and status[:1] == "3" and headers.get_header("Location"):
            try:
                target = urljoin(uri, headers.get_header("Location").strip())
            except ValueError:
                target = ""
            self._wanted[uri] = ""
            if target and _unfragmented(target) not in self._wanted:
                self._wanted[_unfragmented(target)] = (
                    f"redirected from {uri[:200]}, but not captured in the archive")
                self._keys.add(_url_key(target))
            return False
        if status != "200":
            self._wanted[uri] = f"captured with HTTP status {(status or '?')[:3]}: not audited"
            self._no_page.add(uri)
            return False
        if ctype not in HTML_TYPES:
            self._wanted[uri] = f"not an HTML page (Content-Type {ctype[:100] or 'none'})"
            self._no_page.add(uri)
            return False
        self._wanted[uri] = ""
        return True

    def wanted(self, key: int) -> bool:
        """Whether a record of the URL whose key (:func:`_url_key`) is ``key`` may matter to
        the listing now: a listed page, or a redirect's target (:meth:`wants` and
        :meth:`revisited` pass over the others)."""
        return key in self._keys

    def revisited(self, uri: str, held: bool) -> bool:
        """Whether a revisit record of ``uri`` (its content unchanged since a capture the
        file holds, when ``held``) is a listed page to audit from that capture: not when
        the page is not listed or a capture of it was audited; one whose capture the file
        does not hold (an earlier crawl's) is noted."""
        uri = _unfragmented(uri)
        if not self._wanted.get(uri):
            return False
        self._no_page.discard(uri)
        self._wanted[uri] = "" if held else (
            "captured as unchanged since a capture this archive does not hold (a revisit "
            "record): not audited")
        return held

    def unfound(self) -> bool:
        """Whether a listed page (or a redirect's target) was not found, or found as a
        revisit of a capture not found: a walk of the file's index that leaves one so may
        have missed what a pass over every record finds. (One captured as no page was
        found: its capture says so, wherever the walk met it.)"""
        return any(why and url not in self._no_page for url, why in self._wanted.items())

    def missing(self) -> Iterator[tuple[str, str]]:
        """The listed pages (and redirects' targets) no capture of which was audited, and
        why."""
        for url, why in self._wanted.items():
            if why:
                yield url, why


def _unfragmented(url: str) -> str:
    return url.partition("#")[0]


def _listed_pages(path: str) -> tuple[_ListedPages | None, list[SourceError]]:
    """The pages a WACZ file lists, or None when it lists none (or its lists cannot be read:
    its WARC files' errors say why the file is broken); and a list's lines too long to read
    (a page's text a crawler added, beyond 64 MB), each an error."""
    urls: list[str] = []
    errors: list[SourceError] = []
    try:
        with _wacz_parts(path) as (parts, _):
            for part, info in ((p, i) for p in parts for i in p.archive.infolist()):
                archive = part.archive
                if not (info.filename.startswith("pages/")
                        and info.filename.lower().endswith(".jsonl")):
                    continue
                with archive.open(info) as handle:
                    number = 0
                    while line := handle.readline(_MAX_LIST_LINE):
                        number += 1
                        if len(line) == _MAX_LIST_LINE and not line.endswith(b"\n"):
                            while (rest := handle.readline(_MAX_LIST_LINE)) and (
                                    not rest.endswith(b"\n")):
                                pass
                            errors.append(SourceError(
                                f"{path}#{part.name}{info.filename}:{number}",
                                f"line longer than {_MAX_LIST_LINE:,} bytes: not read"))
                            continue
                        try:
                            entry = json.loads(line)
                        except ValueError:
                            continue
                        url = entry.get("url") if isinstance(entry, dict) else None
                        if isinstance(url, str) and is_url(url):
                            urls.append(url)
    except fetching.FetchError:
        raise               # (a served file's part that could not be had)
    except Exception:   # (a broken ZIP: said by _records)
        return None, []
    return (_ListedPages(urls) if urls else None), errors


_MAX_LIST_LINE = 64 << 20


def _archive_pages(path: str, globs: _Globs, max_bytes: int) -> Iterator[Input | SourceError]:
    """The pages of a ZIP or tar archive (:mod:`a11y_audit.archives`): each member a folder's
    walk would take, named ``site.zip#news/flood.html``, the path globs matched against its
    path in the archive."""
    suffixes = tuple(s for s in globs.suffixes if s not in WARC_SUFFIXES)

    def keep(member: str) -> bool:
        return (member.rpartition("/")[2].lower().endswith(suffixes)
                and globs.keep(archives.member_path(member)))

    found = 0
    if path.lower().endswith(archives.ZIP_SUFFIXES):
        for member in archives.zip_members(path, keep):
            found += 1
            yield Input(f"{path}#{archives.member_path(member)}", "zip", path,
                        meta=(("member", member),))
    else:
        try:
            for member, data in archives.tar_members(path, keep, max_bytes):
                found += 1
                if isinstance(data, SourceError):       # (a member too large)
                    yield data
                    continue
                source = f"{path}#{archives.member_path(member)}"
                try:
                    data = _maybe_gunzip(data, source, max_bytes)
                except SourceError as exc:
                    yield exc
                    continue
                yield Input(source, "data", path, data=data)
        except SourceError as exc:
            yield SourceError(path, f"{exc.reason}: the {found:,} pages before it are audited"
                              if found else exc.reason)
            return
    if not found:
        yield SourceError(path, "archive holds no .html, .htm or .xhtml files"
                          + (" matching the path globs" if globs.include or globs.exclude
                             else ""))


def warc_stylesheet(path: str, url: str, max_bytes: int) -> str | None:
    """The stylesheet at ``url`` as the WARC file ``path`` holds it (its response with status
    200 and a CSS type), or None: a crawl keeps a page's stylesheets beside it, and a page of
    the archive is judged with them, never by fetching them again."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        key = _sheets_key(path)
        if key is None:
            return None
        offset = _warc_stylesheets(key).get(url)
        if offset is None:
            return None
        with _archive_file(path) as handle:
            handle.seek(offset)
            record = next(_quietly(ArchiveIterator(handle, arc2warc=True)))
            if (record.rec_headers.get_header("WARC-Target-URI") != url
                    or not _serves(_served(record, url), _CSS_TYPES)):
                return None     # (the file changed since its stylesheets were found, or its
                                # index said what its record does not)
            data = _record_content(record, max_bytes, url)
            ctype = _record_type(record)
    except Exception:   # (a record that cannot be read is a stylesheet that cannot be had)
        return None
    if len(data) > max_bytes:
        return None
    return data.decode(_charset(ctype) or "utf-8", "replace")


def _warc_stylesheets(key: tuple[str, int, int]) -> dict[str, int]:
    """Where each stylesheet of a WARC (or WACZ) file is: its URL and its record's offset
    (the first capture with status 200 and a CSS type). ``key``: the file's path, time and
    size (:func:`_sheets_key`; a changed file is read again).

    Read once per process and file: by :func:`warc_inputs` as it lists the file's pages,
    and the pool's workers, forked once the run's inputs are listed, have it from there
    (a crawl's WARC files run to a gigabyte each, nearly all of it images and video, and a
    pool's workers are replaced every few hundred pages: each reading the whole file again
    for its first stylesheet cost more than auditing the pages). A process that did not
    list the file (a Dask worker) reads it the first time one of its pages links a
    stylesheet: a WACZ file's stylesheets through its index (:func:`_wacz_index`; every
    record where the index does not hold)."""
    found = _STYLESHEETS.get(key)
    if found is not None:
        _STYLESHEETS.move_to_end(key)
        return found
    found = {}
    path = key[0]
    index = _wacz_index(path) if _is_wacz(path) else None
    if index is not None:
        try:
            for record, offset in _indexed_records(path, index, _stylesheet_kind,
                                                   told=is_url(path)):
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                served = _served(record, uri)
                if served is not None:
                    _note_stylesheet(found, uri, served, offset)
        except Exception:   # (_IndexDoesNotHold, or a file that broke: every record says)
            found, index = {}, None
    if index is not None or is_url(path):
        # (a served file's are found through its index, or not at all: a pass over every
        # record would fetch all of it)
        _keep_stylesheets(key, found)
        return found
    try:
        for entry in _records(path):
            if isinstance(entry, SourceError):
                continue
            record, offset = entry
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            served = _served(record, uri)
            if served is not None:
                _note_stylesheet(found, uri, served, offset)
    except Exception:   # a broken archive: the stylesheets found before the break
        pass
    _keep_stylesheets(key, found)
    return found


def _stylesheet_kind(kind: str, key: int) -> bool:
    """Whether a record the index lists may be a stylesheet (its type says so, or none)."""
    return kind in ("css", "?")


def _note_stylesheet(found: dict[str, int], uri: str, served: tuple[str | None, str, Any],
                     offset: int) -> None:
    """Note the record at ``offset`` (its URL, and what :func:`_served` says it serves) in
    ``found`` if it is a stylesheet, unless an earlier capture of its URL is."""
    if uri and _serves(served, _CSS_TYPES):
        found.setdefault(uri, offset)


def _serves(served: tuple[str | None, str, Any] | None, types: tuple[str, ...]) -> bool:
    """Whether a record (what :func:`_served` says of it) serves one of ``types`` with
    status 200: a page (HTML_TYPES), a stylesheet (_CSS_TYPES)."""
    return (served is not None and served[0] == "200"
            and served[1].split(";")[0].strip().lower() in types)


_CSS_TYPES = ("text/css",)


def _sheets_key(path: str) -> tuple[str, int, int] | None:
    """What a file's stylesheet index is kept by: its path, time and size (None: it cannot
    be read). A served file's: its location, which names its version
    (:func:`_served_location`)."""
    if is_url(path):
        return path, 0, 0
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return path, info.st_mtime_ns, info.st_size


def _keep_stylesheets(key: tuple[str, int, int] | None, found: dict[str, int]) -> None:
    """Keep a file's stylesheet index, and those of the files read before it while they
    hold at most :data:`_STYLESHEETS_KEPT` stylesheets, and are at most
    :data:`_STYLESHEET_FILES_KEPT` files, in all (a run over a folder of WARC files audits
    them one after the other). Their count is kept as they come and go: a sum over every
    index at each file was quadratic in a folder of thousands of files."""
    global _stylesheets_held
    if key is None:
        return
    before = _STYLESHEETS.pop(key, None)
    if before is not None:
        _stylesheets_held -= len(before)
    _STYLESHEETS[key] = found
    _stylesheets_held += len(found)
    while len(_STYLESHEETS) > 1 and (_stylesheets_held > _STYLESHEETS_KEPT
                                     or len(_STYLESHEETS) > _STYLESHEET_FILES_KEPT):
        _, dropped = _STYLESHEETS.popitem(last=False)
        _stylesheets_held -= len(dropped)


# The stylesheet indexes of the WARC and WACZ files read (see _warc_stylesheets), oldest
# first, and how many stylesheets they hold; a URL and an offset each, ~200 bytes: some
# 20 MB at most, and a file's key ~200 bytes.
_STYLESHEETS: OrderedDict[tuple[str, int, int], dict[str, int]] = OrderedDict()
_STYLESHEETS_KEPT = 100_000
_STYLESHEET_FILES_KEPT = 10_000
_stylesheets_held = 0


def _quietly(records: Iterable) -> Iterator:
    """Iterate warcio records with its stderr warnings kept off the terminal (a page's bytes
    must never reach it raw); a warning means a damaged archive."""
    logging.getLogger("warcio").setLevel(logging.ERROR)
    iterator = iter(records)
    while True:
        captured = io.StringIO()
        with contextlib.redirect_stderr(captured):
            record = next(iterator, None)
        if captured.getvalue().strip():
            raise ValueError("a record's length does not match its content")
        if record is None:
            return
        yield record


def _warc_record(item: Input, max_bytes: int) -> RawPage:
    from warcio.archiveiterator import ArchiveIterator

    try:
        with _archive_file(item.location) as handle:
            handle.seek(item.offset)
            record = next(_quietly(ArchiveIterator(handle, arc2warc=True)))
            meta = dict(item.meta)
            _check_page_record(record, item.source, meta.get("capture", meta.get("url")))
            data = _record_content(record, max_bytes, item.source)
            ctype = _record_type(record)
    except SourceError as exc:
        if exc.source != item.source:   # (the served file's part that could not be had)
            raise SourceError(item.source, exc.reason) from None
        raise
    except OSError as exc:
        raise SourceError(item.source, f"cannot read: {exc.strerror or exc}") from None
    except Exception as exc:
        raise SourceError(item.source, f"broken WARC record ({type(exc).__name__})") from None
    if len(data) > max_bytes:
        raise SourceError(item.source, f"page is too large (limit {max_bytes:,} bytes)")
    meta.pop("capture", None)
    charset = _charset(ctype)
    if charset:
        meta["charset"] = charset
    return RawPage(item.source, data, meta)


def _check_page_record(record: Any, source: str, url: str | None) -> None:
    """Raise SourceError unless ``record`` is a page's whole capture: of ``url`` (where the
    page has one), an HTML response (or resource) with status 200, not cut short by the
    crawler. The listing checked the record it names (the capture a revisit record's content
    is the same as, for a revisit), unless it took a served file's index at its word
    (:class:`_IndexedRecord`): then this is where it is checked."""
    cut = record.rec_headers.get_header("WARC-Truncated")
    if cut is not None:
        raise _cut_short(source, cut)
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if (url is not None and uri != url) or not _serves(_served(record, uri), HTML_TYPES):
        raise SourceError(source, "the archive's index does not match its records (where it "
                                  "places this page is no HTML capture of it): not audited")


def _record_content(record: Any, max_bytes: int, source: str) -> bytes:
    """A record's content, decoded, read to at most ``max_bytes + 1`` bytes (raises
    SourceError). A crawl keeps a body as the server sent it: chunked, and compressed in the
    coding its Content-Encoding names (gzip, deflate, and what browsers are sent, brotli and
    zstd). The body is dechunked by warcio and decoded here (:func:`a11y_audit.inflate.
    decoder`), never by warcio, whose brotli output (when the package is installed) has no
    bound; one in another coding, or in two, is an error that names it."""
    from warcio.bufferedreaders import ChunkedDataReader

    headers = record.http_headers
    stream = record.raw_stream
    if headers is None:
        return stream.read(max_bytes + 1)
    if (headers.get_header("Transfer-Encoding") or "").strip().lower() == "chunked":
        stream = ChunkedDataReader(stream)
    encoding = (headers.get_header("Content-Encoding") or "").strip().lower()
    if encoding in ("", "identity"):
        return stream.read(max_bytes + 1)
    if encoding not in CODINGS:
        raise SourceError(source, f"page compressed with {encoding[:40]!r} (its "
                                  "Content-Encoding), which is not read: only gzip, deflate, "
                                  "br and zstd are")
    try:
        body = decoder(encoding, max_bytes)
        while chunk := stream.read(65536):
            body.feed(chunk)
        return body.finish()
    except InflateError as exc:
        raise SourceError(source, str(exc)) from None


def _record_type(record: Any) -> str:
    """The Content-Type of a record's content: its HTTP header's, or a resource record's."""
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    return headers.get_header("Content-Type") or ""


# -- reading ----------------------------------------------------------------------------------

def load(item: Input, max_bytes: int = MAX_BYTES) -> RawPage:
    """The bytes of one input (raises SourceError, never anything else)."""
    if item.kind == "data":
        assert item.data is not None
        if len(item.data) > max_bytes:
            raise SourceError(item.source, f"page is too large (limit {max_bytes:,} bytes)")
        # (a page cut out of a larger file, a WordPress export's post, says in its "line"
        # the line it starts on there: its findings give that file's lines, Page.first_line)
        meta = dict(item.meta)
        data = item.data
        if meta.get("template") == "wordpress":
            # a WordPress export's post waits as its body as saved, and is written as
            # WordPress writes it when read: by the worker that audits it
            data = wordpress.render(data.decode("utf-8", "replace")).encode("utf-8")
        return RawPage(item.source, data, meta)
    if item.kind == "file":
        return RawPage(item.source, _read_file(item.location, max_bytes, item.source), {})
    if item.kind == "warc":
        return _warc_record(item, max_bytes)
    if item.kind == "zip":
        data = archives.read_zip_member(item.location, dict(item.meta)["member"], max_bytes,
                                        item.source)
        return RawPage(item.source, _maybe_gunzip(data, item.source, max_bytes), {})
    if item.kind == "url":
        fetched = http_get(item.location, max_bytes, source=item.source)
        if fetched.content_type not in (*HTML_TYPES, "text/plain"):
            raise SourceError(item.source,
                              f"not an HTML page (Content-Type {fetched.content_type})")
        meta = {**dict(item.meta), "url": fetched.url}
        if fetched.charset:
            meta["charset"] = fetched.charset
        return RawPage(item.source, fetched.data, meta)
    raise SourceError(item.source, f"unknown input kind {item.kind!r}")


def iter_pages(names: Iterable[str], **options: object) -> Iterator[RawPage | SourceError]:
    """``(source, bytes, metadata)`` for every page named, in enumeration order."""
    max_bytes = int(options.get("max_bytes", MAX_BYTES))  # type: ignore[call-overload]
    for item in enumerate_inputs(names, **options):  # type: ignore[arg-type]
        if isinstance(item, SourceError):
            yield item
            continue
        try:
            yield load(item, max_bytes)
        except SourceError as exc:
            yield exc


def _read_file(location: str, max_bytes: int, source: str | None = None) -> bytes:
    source = source or location
    raw = sources.read_regular_file(location, max_bytes, source)  # FIFOs, devices refused
    if raw[:2] == b"\x1f\x8b":
        return _maybe_gunzip(raw, source, max_bytes=max_bytes)
    if len(raw) > max_bytes:
        raise SourceError(source, f"file is too large (limit {max_bytes:,} bytes)")
    return raw


def _maybe_gunzip(raw: bytes, source: str, max_bytes: int = MAX_CONTAINER_BYTES,
                  probe: bool = False) -> bytes:
    if raw[:2] != b"\x1f\x8b":
        return raw
    if probe:
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, max_bytes + 1)
        except zlib.error:
            return b""
    try:   # bounded, and every member of a multi-member file
        return inflate([raw], "gzip", max_bytes)
    except InflateError as exc:
        raise SourceError(source, str(exc)) from None


# -- HTTP -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Fetched:
    data: bytes
    content_type: str
    charset: str | None
    url: str                # after redirects


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value.strip(' "\''):
            return value.strip(' "\'')
    return None


def http_get(url: str, max_bytes: int, source: str | None = None,
             container_bytes: int | None = None) -> Fetched:
    """GET ``url`` through the hardened client (:mod:`a11y_audit.fetch`: one deadline for the
    whole fetch, redirect and size limits, bounded decompression, robots.txt), with the
    limits this process was given. The size limit is ``max_bytes``, or ``container_bytes``
    when the response is XML (a sitemap). A ``.gz`` resource served as gzip bytes is
    inflated too."""
    source = source or url
    ceiling = max(max_bytes, container_bytes or 0)
    try:
        got = fetching.fetch(url, replace(fetching.current_limits(), max_bytes=ceiling))
    except SourceError as exc:
        raise SourceError(source, exc.reason) from None
    ctype = got.content_type
    if container_bytes and (ctype in XML_TYPES
                            or urlsplit(url).path.lower().endswith(XML_SUFFIXES)):
        max_bytes = container_bytes
    raw = got.body
    if len(raw) > max_bytes:
        raise SourceError(source, f"response is too large (limit {max_bytes:,} bytes)")
    try:
        gzip_named = raw[:2] == b"\x1f\x8b" and urlsplit(got.final_url).path.endswith(".gz")
    except ValueError:
        gzip_named = False
    if gzip_named:
        raw = _maybe_gunzip(raw, source, max_bytes)
    return Fetched(raw, ctype or "application/octet-stream", got.charset, got.final_url)
