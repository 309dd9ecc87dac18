"""The same engine on a Dask cluster (``pip install 'a11y-audit[dask]'``).

:func:`connect` gives an executor for :func:`a11y_audit.runner.iter_audit`: a ``LocalCluster``
on this machine (one single-threaded worker process a core, on 127.0.0.1, no dashboard) or the
cluster whose scheduler listens at ``scheduler``. The inputs are partitioned into chunks of
pages (files, URLs, WARC records located by offset); each chunk is one task, read and audited
on a worker, and its page reports come back to this process, which writes the reports exactly
as a local run does, in the same order. Workers need a11y-audit installed (the same version)
and, for files and WARC records, the same paths (a shared file system); URLs are fetched by
the workers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class DaskUnavailable(RuntimeError):
    """Dask is not installed, or the scheduler cannot be reached (one-line message)."""


class Submitter:
    """What :func:`a11y_audit.runner.iter_audit` needs from an executor: ``submit`` returning
    a future with ``result()``. Tasks are impure (pure=False): two identical chunks are
    two tasks, and nothing is cached between runs on a long-lived cluster."""

    # Pages a task (runner._ordered; chunks still shrink at the end of a run). A Dask task
    # costs the command far more than a pool's chunk does (submitting it, the scheduler's
    # round trips, gathering its result): against a separate scheduler on this machine, the
    # command's CPU went from 0.98 to 0.18 ms a page from 4 pages a task (runner.CHUNK) to
    # 32, and a 2,000-page run of one cheap rule from 23 to 10 s. 32 corpus pages take ~1 s.
    chunk = 32

    def __init__(self, client: Any) -> None:
        self.client = client

    def submit(self, function: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(function, *args, pure=False)

    def share(self, value: Any) -> Any:
        """``value`` sent to the workers once: a future that tasks given it as an argument
        receive as the value itself (a worker that joins later fetches it from another)."""
        return self.client.scatter(value, broadcast=True, hash=False)

    @property
    def workers(self) -> int:
        """Worker threads of the cluster: how many chunks to keep in flight."""
        info = self.client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))


@contextmanager
def connect(scheduler: str | None = None, workers: int = 1,
            timeout: float = 30.0) -> Iterator[Submitter]:
    """A Dask executor: the cluster at ``scheduler``, or a LocalCluster of ``workers``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable("--executor dask needs Dask: pip install 'a11y-audit[dask]'") \
            from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=timeout)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", scheduler_port=0, dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster, timeout=timeout)
    except OSError as exc:          # includes asyncio and comm time-outs
        if cluster is not None:
            cluster.close()
        raise DaskUnavailable(f"cannot reach the Dask scheduler {scheduler or ''}: "
                              f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
                              ) from None
    try:
        yield Submitter(client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
