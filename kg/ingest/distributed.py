"""Extraction on a Dask cluster, for corpora that outgrow one machine.

The parse is what costs (tens of milliseconds an article against well under
one for reading and writing), so that is what goes out: the main process
reads the inputs, decides each article's identity against the store, and
sends partitions of articles to the cluster, where each worker turns its
partition into N-Quads (:func:`kg.ingest.extract_batch`, as
:func:`kg.api.extract_nquads` does for library users). The quads come back
and one writer loads them into the store, each article's graph in one
transaction (a batch of new articles shares one), so
everything said of a local ingest (unchanged articles skipped, duplicates
stored once, every outcome reported) holds here too.

``address`` is a scheduler (``tcp://scheduler:8786``; every worker needs
policy-kg and its spaCy model installed), or ``local`` / ``local:N`` for a
``LocalCluster`` of N single-threaded worker processes on this machine.
Dask is an optional extra: ``pip install 'policy-kg[dask]'``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from concurrent.futures import Executor

from kg.errors import DistributedError

log = logging.getLogger(__name__)

#: Articles per task sent to a Dask worker: large enough that scheduling costs little per article.
PARTITION = 32


@contextlib.contextmanager
def dask_executor(address: str, *, timeout: float = 30.0) -> Iterator[tuple[Executor, int]]:
    """Yield (an executor running tasks on the Dask cluster at ``address``, its number of worker threads)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise DistributedError("the Dask path needs Dask: pip install 'policy-kg[dask]' "
                               "(or pip install 'dask[distributed]')") from exc
    cluster = None
    try:
        if address == "local" or address.startswith("local:"):
            n = int(address.split(":", 1)[1]) if ":" in address else 2
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster, timeout=timeout)
        else:
            client = Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise DistributedError(f"cannot reach the Dask scheduler at {address} ({exc}); check the address "
                               "(tcp://host:8786) and that the scheduler runs") from exc
    try:
        threads = sum(client.nthreads().values()) or 1
        log.info("Dask cluster at %s: %d worker thread(s)", address, threads)
        yield client.get_executor(), threads
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
