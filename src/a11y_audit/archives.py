"""ZIP and tar archives of pages: a site's build as CI keeps it (``site.zip``, ``public.tar.gz``),
a batch of saved articles as a newsroom sends it.

Each member whose name a folder's walk would take (``.html``, ``.htm``, ``.xhtml``, their
``.gz``, and the templates ``--templates`` reads) is a page, named ``site.zip#news/flood.html``;
the path globs (``--include-path``, ``--exclude-path``) match the member's path. Nothing is
extracted to disk, so a member's name is only ever a label: no path of it is opened.

- A ZIP archive's members are read where they are, when audited (:func:`read_zip_member`: a
  worker keeps the archive open for the members after), so an archive of any size costs the
  run its list of names, not its pages.
- A tar archive (``.tar``, and gzip, bzip2 or xz compressed) can only be read from its start:
  it is read once, as a stream, and each page is taken with its bytes while the run's inputs
  are sorted (on disk beyond 16 MB of them: :class:`a11y_audit.spool.SortedSpool`). An
  archive cut short gives its pages up to the break, then a one-line error.
- A page's linked stylesheets are read from its archive (:func:`read_archive_file`).

Every member is read to at most the page limit (``--max-bytes``), whatever size its header
claims: a member too large is a one-line error of its own, as a file too large is. Links,
devices and folders in an archive are no pages. Knowledge floor: bytes in, inputs out.
"""

from __future__ import annotations

import functools
import os
import posixpath
import stat
import tarfile
import zipfile
from collections.abc import Callable, Iterator

from a11y_audit.errors import SourceError
from a11y_audit.sources import open_regular_file

ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz")
SUFFIXES = (*ZIP_SUFFIXES, *TAR_SUFFIXES)

# What a broken archive raises as it is read: zipfile and tarfile raise many more than their
# own (zlib.error, struct.error, EOFError, KeyError...), as the WARC reader finds of warcio;
# the code they guard is theirs alone
_BROKEN = (Exception,)


def zip_members(path: str, keep: Callable[[str], bool]) -> Iterator[str]:
    """The names of the pages of a ZIP archive that ``keep`` takes, in the archive's order.
    Raises SourceError where the archive cannot be read."""
    try:
        with open_regular_file(path) as raw, zipfile.ZipFile(raw) as archive:
            infos = archive.infolist()
    except SourceError:
        raise
    except _BROKEN as exc:
        raise SourceError(path, f"broken ZIP archive ({_reason(exc)})") from None
    for info in infos:
        kind = stat.S_IFMT(info.external_attr >> 16)     # (0: a file, as Windows zips say)
        if info.is_dir() or (kind and kind != stat.S_IFREG) or not keep(info.filename):
            continue        # (a folder, or a link a Unix zip keeps as one)
        yield info.filename


def read_zip_member(path: str, member: str, max_bytes: int, source: str) -> bytes:
    """A ZIP archive's member, read to at most ``max_bytes + 1`` bytes (raises SourceError,
    named ``source``)."""
    try:
        archive = _open_zip(path, *_identity(path))
        with archive.open(member) as handle:
            data = handle.read(max_bytes + 1)
    except RuntimeError as exc:
        # (zipfile says so of an encrypted member)
        reason = "encrypted" if "encrypted" in str(exc) else _reason(exc)
        raise SourceError(source, f"cannot read the archive's member ({reason})") from None
    except _BROKEN as exc:
        raise SourceError(source, f"cannot read the archive's member ({_reason(exc)})") \
            from None
    if len(data) > max_bytes:
        raise SourceError(source, f"page is too large (limit {max_bytes:,} bytes)")
    return data


def member_path(member: str) -> str:
    """A member's path in its archive, as the path globs and a page's name read it: without
    the "./" or "/" a tar archive may write before it."""
    while member.startswith(("./", "/")):
        member = member[1:] if member[0] == "/" else member[2:]
    return member


def archive_member_path(address: str) -> tuple[str, str] | None:
    """The archive and the member an address inside one names
    (``site.zip#news/../css/site.css``: ``site.zip`` and ``css/site.css``), or None: not in
    an archive on disk, or a path that leaves it."""
    lower = address.lower()
    for at in _markers(lower):
        archive = address[:at]
        if os.path.isfile(archive):
            member = posixpath.normpath(address[at + 1:].replace(os.sep, "/"))
            if member in (".", "..") or member.startswith(("../", "/")):
                return None
            return archive, member
    return None


def _markers(lower: str) -> Iterator[int]:
    """Where an archive's name may end before a "#" in an address, first to last."""
    at = lower.find("#")
    while at >= 0:
        if lower[:at].endswith(SUFFIXES):
            yield at
        at = lower.find("#", at + 1)


def read_archive_file(address: str, max_bytes: int) -> bytes | None:
    """The bytes of the file an address inside an archive names (a page's linked
    stylesheet), or None where there is none, or none of at most ``max_bytes``. A tar
    archive's stylesheets are read once a worker (:func:`_tar_stylesheets`)."""
    inside = archive_member_path(address)
    if inside is None:
        return None
    archive, member = inside
    if archive.lower().endswith(TAR_SUFFIXES):
        try:
            data = _tar_stylesheets(archive, *_identity(archive)).get(member)
        except SourceError:
            return None
        return data if data is not None and len(data) <= max_bytes else None
    for name in (member, "./" + member):
        try:
            return read_zip_member(archive, name, max_bytes, address)
        except SourceError:
            continue
    return None


def root_of(base: str, path: str) -> str | None:
    """Where a root-relative link (``/css/site.css``) of a page inside an archive points:
    the archive's root is the site's, unless the archive holds the site in a folder of its
    own (``zip -r site.zip public/``), where the file is under the page's first folder
    (``public/css/site.css``). None for a page in no archive."""
    inside = archive_member_path(base)
    if inside is None:
        return None
    archive, member = inside
    at_root = f"{archive}#{path.lstrip('/')}"
    folder = member.partition("/")[0] if "/" in member else ""
    if folder and not _holds(archive, path.lstrip("/")):
        under = f"{folder}/{path.lstrip('/')}"
        if _holds(archive, under):
            return f"{archive}#{under}"
    return at_root


def _holds(archive: str, member: str) -> bool:
    """Whether the archive holds the file (of a tar archive: the stylesheet)."""
    try:
        if archive.lower().endswith(TAR_SUFFIXES):
            return member in _tar_stylesheets(archive, *_identity(archive))
        names = _open_zip(archive, *_identity(archive)).NameToInfo
    except Exception:   # (an archive that cannot be read holds nothing)
        return False
    return member in names or "./" + member in names


# What a tar archive's stylesheets may hold in a worker: each, and all of them
MAX_TAR_STYLESHEET = 5 * 1024 * 1024
MAX_TAR_STYLESHEETS = 32 * 1024 * 1024


@functools.lru_cache(maxsize=1)
def _tar_stylesheets(path: str, mtime: int, size: int) -> dict[str, bytes]:
    """Every stylesheet (``.css`` member) of a tar archive, by its path: a tar archive is
    read from its start, so a worker reads it once, the first time one of its pages links a
    stylesheet (up to 5 MB each, 32 MB in all; those of an archive that breaks before it)."""
    found: dict[str, bytes] = {}
    total = 0
    try:
        with tarfile.open(path, mode="r|*") as archive:
            for info in archive:
                if (not info.isreg() or not info.name.lower().endswith(".css")
                        or info.size > MAX_TAR_STYLESHEET
                        or total + info.size > MAX_TAR_STYLESHEETS):
                    continue
                handle = archive.extractfile(info)
                if handle is not None:
                    data = handle.read(MAX_TAR_STYLESHEET + 1)
                    found[member_path(info.name)] = data
                    total += len(data)
    except _BROKEN:
        pass
    return found


def _identity(path: str) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc.strerror or exc}") from None
    return info.st_mtime_ns, info.st_size


@functools.lru_cache(maxsize=4)
def _open_zip(path: str, mtime: int, size: int) -> zipfile.ZipFile:
    """The archive, kept open for its next members (a worker reads many of one archive; its
    list of names is read once). Keyed by the file's time and size: a changed file is read
    again."""
    return zipfile.ZipFile(path)


def tar_members(path: str, keep: Callable[[str], bool], max_bytes: int
                ) -> Iterator[tuple[str, bytes | SourceError]]:
    """Each page of a tar archive that ``keep`` takes, as the stream reaches it: its name and
    its bytes, or the error of a member too large. Raises SourceError where the archive
    breaks, after the pages before it."""
    try:
        with open_regular_file(path) as raw, tarfile.open(fileobj=raw, mode="r|*") as archive:
            for info in archive:
                if not info.isreg() or not keep(info.name):
                    continue
                handle = archive.extractfile(info)
                if handle is None:
                    continue
                data = handle.read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield info.name, SourceError(f"{path}#{member_path(info.name)}",
                                                 f"page is too large (limit {max_bytes:,} bytes)")
                else:
                    yield info.name, data
    except SourceError:
        raise
    except _BROKEN as exc:
        raise SourceError(path, f"broken tar archive ({_reason(exc)})") from None


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
