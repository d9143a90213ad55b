"""Where extraction runs: in-process, a pool of worker processes, or any ``concurrent.futures`` executor."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

from kg.ingest.extraction import Result, Settings, extract_batch
from kg.sources.article import Article


class InProcess(Executor):
    """Runs each submitted batch at once, in this process (``--workers 1``)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - delivered through the future, as a pool would
            fut.set_exception(exc)
        return fut


def exit_with_parent(every: float = 1.0, parent: int | None = None) -> None:
    """End this worker process as soon as the process that started it is gone (a ``kill -9`` gives the parent no
    chance to stop its pool, and a worker left behind keeps working with the store's files open). A thread looks
    at the parent's pid every ``every`` seconds: portable, and unlike Linux's PR_SET_PDEATHSIG not tied to the
    parent *thread* that started the worker."""
    import threading
    import time

    parent = parent or os.getppid()  # given by the parent: it may be gone before this worker gets here

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="kg-exit-with-parent", daemon=True).start()


def _init_worker(settings: Settings, parent: int | None = None) -> None:
    """Load the pipeline in a fresh worker (a forked one has it already)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which stops the pool
    exit_with_parent(parent=parent)
    from kg.extraction.recognise import pipeline

    pipeline(settings.model)


class ProcessPool:
    """A pool of worker processes that is replaced when one of them dies."""

    def __init__(self, workers: int, settings: Settings) -> None:
        self.workers = workers
        self.settings = settings
        self.pool = self._start()

    def _start(self) -> Executor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        # fork shares the loaded model with the workers; elsewhere each worker loads it.
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(self.settings, os.getpid()))

    def submit(self, items: list[tuple[int, Article]]) -> Future[list[Result]]:
        return self.pool.submit(extract_batch, items, self.settings)

    def rerun_alone(self, items: list[tuple[int, Article]]) -> list[Result]:
        """Return the results of ``items`` one at a time in a fresh pool, after a worker died."""
        from concurrent.futures.process import BrokenProcessPool

        out: list[Result] = []
        for item in items:
            self.restart()
            try:
                out.extend(self.pool.submit(extract_batch, [item], self.settings).result())
            except BrokenProcessPool:
                out.append((item[0], None, 0, "the parser process died on this article (out of memory, or a "
                                              "crash in spaCy); left out, the rest of the batch goes on"))
        self.restart()
        return out

    def restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._start()

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class ClientExecutor:
    """Extraction on any ``concurrent.futures`` executor, such as a Dask client's (see :mod:`kg.ingest.distributed`)."""

    def __init__(self, executor: Executor, settings: Settings) -> None:
        self.executor = executor
        self.settings = settings

    def submit(self, items: list[tuple[int, Article]]) -> Future[list[Result]]:
        return self.executor.submit(extract_batch, items, self.settings)

    def rerun_alone(self, items: list[tuple[int, Article]]) -> list[Result]:  # pragma: no cover - Dask retries
        return [(n, None, 0, "the worker running this article's partition died") for n, _ in items]

    def shutdown(self) -> None:
        pass


class Local:
    """In-process extraction behind the executor interface."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.executor = InProcess()

    def submit(self, items: list[tuple[int, Article]]) -> Future[list[Result]]:
        return self.executor.submit(extract_batch, items, self.settings)

    def rerun_alone(self, items: list[tuple[int, Article]]) -> list[Result]:  # pragma: no cover - never breaks
        return extract_batch(items, self.settings)

    def shutdown(self) -> None:
        pass


def default_workers() -> int:
    """Return the number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)
