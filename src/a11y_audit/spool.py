"""Page reports kept on disk until the writers read them: memory stays flat in run length.

A :class:`PageSpool` stands in for ``Report.pages`` (a list): ``append`` pickles the page to a
temporary file and keeps only its offset; iterating reads the pages back one at a time. Writers
that loop over ``report.pages`` work unchanged, and a run over a million pages holds one page
report in memory at a time, not a million. A spool made with a :class:`~a11y_audit.tally.Tally`
counts each page as it is added, so the summary and the exit code never read the pages back.
A :class:`SortedSpool` sorts the run's inputs the same way: beyond one run of them, on disk.
"""

from __future__ import annotations

import heapq
import os
import pickle
import sys
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any, Generic, Self, TypeVar

from a11y_audit.finding import PageReport
from a11y_audit.tally import Tally
from a11y_audit.writers.json_stream import RenderedList

if TYPE_CHECKING:
    from a11y_audit.policy import Policy
    from a11y_audit.runner import Digest

T = TypeVar("T")


class Spool(Generic[T]):
    """A list of picklable objects in a temporary file (deleted on close or at exit); memory
    holds 8 bytes an item, its offset."""

    prefix = "a11y-audit-spool-"

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(  # noqa: SIM115 - closed by close()
            prefix=self.prefix,
            dir=directory)
        self._offsets = array("q")
        self._end = 0

    def append(self, item: T) -> None:
        self.append_pickled(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))

    def append_pickled(self, data: bytes) -> None:
        """An item pickled elsewhere (by the worker that made it)."""
        self._file.seek(self._end)
        self._file.write(data)
        self._offsets.append(self._end)
        self._end += len(data)

    def extend(self, items: Iterable[T]) -> None:
        for item in items:
            self.append(item)

    def __len__(self) -> int:
        return len(self._offsets)

    def __bool__(self) -> bool:
        return bool(self._offsets)

    def __getitem__(self, index: int) -> T:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        offset = self._offsets[index]
        self._file.flush()
        self._file.seek(offset)
        return pickle.load(self._file)

    def __iter__(self) -> Iterator[T]:
        self._file.flush()
        for offset in self._offsets:
            self._file.seek(offset)
            item = pickle.load(self._file)
            yield item

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SortedSpool(Generic[T]):
    """Items sorted by ``key`` as they are added, held in memory up to ``run`` of them; beyond
    that each ``run`` items are sorted and kept on disk, and iterating merges the sorted runs
    (an external merge sort). The sort is stable: items of equal keys come out in the order
    they were added. Memory holds one run, and one block of each run being merged: ten
    million inputs of a run take ~2 MB (a run) and ~9 MB (a block of each of ~1,200 runs),
    where a list of them took ~2.2 GB. Items that carry their bytes (a WordPress export's
    posts) are spilled sooner, when the ``weight`` of a run reaches ``BUDGET``.

    With ``unique``, an item whose key equals an earlier item's is dropped: the first added
    is kept (a page named twice, or listed by two sitemaps of an index, is audited once).
    Each run is spilled without its repeats and the merge drops those between runs, so
    ``len`` counts what iterating yields: in memory, at once; once runs are on disk, by one
    pass over them (remembered until the next ``append``). ``added`` counts every item."""

    RUN = 8192          # items sorted in memory, then spilled as one run (~2 MB of inputs)
    BUDGET = 16 << 20   # or fewer, when their ``weight`` (bytes they carry) reaches this
    BLOCK = 32          # items a run reads back at a time while merging

    def __init__(self, key: Callable[[T], Any], run: int | None = None,
                 directory: str | os.PathLike[str] | None = None,
                 weight: Callable[[T], int] | None = None, unique: bool = False) -> None:
        self._key = key
        self._unique = unique
        self._length: int | None = None     # with unique: the items iterating yields, counted
        self._run = run or self.RUN
        self._directory = directory
        self._weight = weight
        self._held = 0                    # the weight of the items in memory
        self._items: list[T] = []
        self._spool: Spool[list[T]] | None = None
        self._runs: list[range] = []      # the blocks of each run spilled, in the spool
        self._count = 0

    def append(self, item: T) -> None:
        self._items.append(item)
        self._count += 1
        self._length = None
        if self._weight is not None:
            self._held += self._weight(item)
        if len(self._items) >= self._run or self._held >= self.BUDGET:
            self._spill()

    def _spill(self) -> None:
        items = self._items
        items.sort(key=self._key)
        if self._unique:
            items = list(_first_of_each(items, self._key))
        try:
            if self._spool is None:
                self._spool = Spool(self._directory)
            first = len(self._spool)
            for start in range(0, len(items), self.BLOCK):
                self._spool.append(items[start:start + self.BLOCK])
        except OSError:
            # No room on disk (or no temporary folder): the items stay in memory from now
            # on. The run is still whole and in order, only no longer flat in memory; the
            # blocks of the run that failed are left unread.
            self._run = sys.maxsize
            self._weight = None
            self._held = 0
            return
        self._runs.append(range(first, len(self._spool)))
        self._items = []
        self._held = 0

    @property
    def spilled(self) -> int:
        """How many sorted runs are on disk."""
        return len(self._runs)

    @property
    def added(self) -> int:
        """How many items were added (with ``unique``, repeats included)."""
        return self._count

    def __len__(self) -> int:
        if not self._unique:
            return self._count
        if self._length is None:
            self._length = sum(1 for _ in self)
        return self._length

    def __iter__(self) -> Iterator[T]:
        key = self._key
        self._items.sort(key=key)
        if self._unique:        # (the repeats in memory are dropped for good)
            self._items = list(_first_of_each(self._items, key))
        if not self._runs:
            return iter(self._items)
        # heapq.merge keeps the order of its inputs for equal keys: the runs in the order
        # they were spilled, then the items still in memory (the last added)
        spool = self._spool
        assert spool is not None

        def read(blocks: range) -> Iterator[T]:
            for block in blocks:
                yield from spool[block]
        merged = heapq.merge(*(read(blocks) for blocks in self._runs), self._items, key=key)
        return _first_of_each(merged, key) if self._unique else merged

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
        self._items = []

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _first_of_each(items: Iterable[T], key: Callable[[T], Any]) -> Iterator[T]:
    """The first item of each run of equal keys in ``items`` (sorted by ``key``)."""
    last: Any = _NOTHING
    for item in items:
        value = key(item)
        if value != last:
            last = value
            yield item


_NOTHING = object()


class RenderedItems(RenderedList):
    """Each page's item of the JSON report as its worker rendered it, and what they were
    rendered under (``policy``, ``timestamps``): the report copies them when they fit."""

    def __init__(self, policy: Policy, timestamps: bool, pad: str,
                 directory: str | os.PathLike[str] | None = None) -> None:
        super().__init__(pad, directory)
        self.policy = policy
        self.timestamps = timestamps

    def fits(self, count: int, policy: Policy, timestamps: bool) -> bool:
        """Whether these are the items of ``count`` pages under ``policy`` and ``timestamps``."""
        return (self.count, self.policy, self.timestamps) == (count, policy, timestamps)


class PageSpool(Spool[PageReport]):
    """The run's page reports, counted by ``tally`` (when given) as they are added;
    ``json_items`` keeps their items of the JSON report when their workers render them."""

    prefix = "a11y-audit-pages-"

    def __init__(self, directory: str | os.PathLike[str] | None = None,
                 tally: Tally | None = None, json_items: RenderedItems | None = None) -> None:
        super().__init__(directory)
        self.tally = tally
        self.json_items = json_items

    def append(self, page: PageReport) -> None:
        super().append(page)
        if self.tally is not None:
            self.tally.add(page)

    def add_digest(self, digest: Digest) -> None:
        """A page as its worker sent it: pickled, and counted there."""
        assert digest.report is not None, "a spooled run's workers send the pickled report"
        self.append_pickled(digest.report)
        if self.tally is not None:
            self.tally.add_figures(digest.figures)
        if self.json_items is not None:
            assert digest.json is not None, "the workers render the JSON items asked for"
            self.json_items.add(digest.json)

    def close(self) -> None:
        super().close()
        if self.json_items is not None:
            self.json_items.close()


class PageCount:
    """Stands in for the page spool when no writer will read the pages back (only JSON Lines,
    which streams as pages arrive, was asked for): each page is counted by ``tally`` for the
    summary and the exit code, then dropped, so an archive run keeps nothing on disk for it
    (the spool takes ~50 KB a page: 250 GB for five million). Reading the pages back is a bug,
    and says so rather than giving none."""

    def __init__(self, tally: Tally) -> None:
        self.tally = tally
        self._count = 0

    def append(self, page: PageReport) -> None:
        self.tally.add(page)
        self._count += 1

    def add_digest(self, digest: Digest) -> None:
        """A page as its worker sent it, counted there."""
        self.tally.add_figures(digest.figures)
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return bool(self._count)

    def __iter__(self) -> Iterator[PageReport]:
        raise RuntimeError("this run's page reports were not kept (only streamed formats were "
                           "asked for): they cannot be read back")

    def close(self) -> None:
        pass
