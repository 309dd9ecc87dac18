"""Page reports kept on disk until the writers read them: memory stays flat in run length.

A :class:`PageSpool` stands in for ``Report.pages`` (a list): ``append`` pickles the page to a
temporary file and keeps only its offset; iterating reads the pages back one at a time. Writers
that loop over ``report.pages`` work unchanged, and a run over a million pages holds one page
report in memory at a time, not a million. A spool made with a :class:`~a11y_audit.tally.Tally`
counts each page as it is added, so the summary and the exit code never read the pages back.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from a11y_audit.finding import PageReport
from a11y_audit.tally import Tally


class PageSpool:
    """A list of page reports in a temporary file (deleted on close or at exit)."""

    def __init__(self, directory: str | os.PathLike[str] | None = None,
                 tally: Tally | None = None) -> None:
        self.tally = tally
        self._file: IO[bytes] = tempfile.TemporaryFile(  # noqa: SIM115 - closed by close()
            prefix="a11y-audit-pages-",
            dir=directory)
        self._offsets: list[int] = []
        self._end = 0

    def append(self, page: PageReport) -> None:
        data = pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        self._offsets.append(self._end)
        self._end += len(data)
        if self.tally is not None:
            self.tally.add(page)

    def extend(self, pages: Any) -> None:
        for page in pages:
            self.append(page)

    def __len__(self) -> int:
        return len(self._offsets)

    def __bool__(self) -> bool:
        return bool(self._offsets)

    def __getitem__(self, index: int) -> PageReport:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]  # type: ignore[return-value]
        offset = self._offsets[index]
        self._file.flush()
        self._file.seek(offset)
        return pickle.load(self._file)

    def __iter__(self) -> Iterator[PageReport]:
        self._file.flush()
        for offset in self._offsets:
            self._file.seek(offset)
            page = pickle.load(self._file)
            yield page

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> PageSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
