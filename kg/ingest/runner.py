"""The run: reader, planner, extraction engine and writer tied together, for the open store or a location."""

from __future__ import annotations

import os
import queue
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from typing import TYPE_CHECKING, BinaryIO

from kg.errors import GraphTextError, KGError
from kg.ingest.engines import ClientExecutor, Local, ProcessPool, default_workers
from kg.ingest.extraction import BATCH_SIZE, Result, Settings
from kg.ingest.identity import Job, Planner, article_origin
from kg.ingest.report import IngestReport, Outcome
from kg.ingest.writer import Writer
from kg.sources.article import Article, Fields, ReadProblem
from kg.sources.fetch import FetchOptions
from kg.sources.parse import MAX_CHARS

if TYPE_CHECKING:
    from kg.store.base import GraphStore


def run(items: Iterable[Article | ReadProblem], *, st: GraphStore, settings: Settings, workers: int = 1,
        force: bool = False, on_outcome: Callable[[Outcome], None] | None = None,
        executor: Executor | None = None, batch_size: int = BATCH_SIZE) -> IngestReport:
    """Ingest the articles ``items`` yields into the open store ``st``; return the report.

    ``executor`` (a ``concurrent.futures`` executor, e.g. a Dask client's)
    replaces the local pool. Errors that stop everything (model, ontology,
    store) raise after what was written so far is complete.
    """
    from kg.curation.registry_files import activate

    report = IngestReport()
    start = time.perf_counter()
    activate(settings.actors)  # before workers fork, so they share the pipeline built with these actors

    def emit(outcome: Outcome) -> None:
        report.count(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    planner = Planner(st, settings, force=force)
    engines: list[Local | ProcessPool | ClientExecutor] = []

    def engine() -> Local | ProcessPool | ClientExecutor:
        """Return the extraction engine, started on first use (a run that only skips never loads the model)."""
        if not engines:
            if executor is not None:
                engines.append(ClientExecutor(executor, settings))
            elif workers > 1:
                from kg.extraction.recognise import pipeline

                pipeline(settings.model)  # load once here: forked workers share it, and a missing model fails fast
                engines.append(ProcessPool(workers, settings))
            else:
                engines.append(Local(settings))
        return engines[0]

    window = 0 if executor is None and workers <= 1 else 2 * max(1, workers)
    from kg.curation.decisions import read_decisions

    writer = Writer(st, planner.fingerprint, decisions=read_decisions(st))
    inflight: deque[tuple[Future[list[Result]], list[Job]]] = deque()

    def confirm(block: bool = False) -> None:
        """Take the writer's confirmations: report written articles, forget them in the planner."""
        while True:
            try:
                job, exc = writer.done.get(block=block, timeout=None if block else 0)
            except queue.Empty:
                return
            if isinstance(exc, GraphTextError) and job is not None and writer.error is None:
                fail(job, f"the article's graph is not valid RDF ({exc}); this is a bug, please report it")
            elif exc is not None:
                raise exc
            elif job is not None:
                planner.done(job)
                emit(Outcome(job.status, job.article.location, job.article.id, article_origin(job), job.triples))
                for dup in job.attached:
                    emit(dup)
            if block:
                return

    def fail(job: Job, reason: str) -> None:
        """Report ``job``'s article (and the same texts attached to it) as failed."""
        planner.done(job)
        emit(Outcome("failed", job.article.location, None, article_origin(job), reason=reason))
        for dup in job.attached:
            emit(Outcome("failed", dup.location, None, dup.origin,
                         reason=f"same text as {job.article.location}, which failed: {reason}"))

    def collect(fut: Future[list[Result]], jobs: list[Job]) -> None:
        from concurrent.futures.process import BrokenProcessPool

        try:
            results = fut.result()
        except BrokenProcessPool:
            results = engine().rerun_alone([(j.n, j.article) for j in jobs])
        except KGError:
            raise  # from a worker: no model, no ontology
        except Exception as exc:  # noqa: BLE001 - a distributed worker lost for good (KilledWorker), a cancelled task
            lost = f"the worker running this article's partition failed ({type(exc).__name__}: {exc})"
            results = [(j.n, None, 0, lost) for j in jobs]
        by_n = {j.n: j for j in jobs}
        written: list[tuple[Job, str]] = []
        for n, nquads, triples, reason in results:
            job = by_n[n]
            if reason is not None or nquads is None:
                fail(job, reason or "no result")
                continue
            job.triples = triples
            job.queued = True
            written.append((job, nquads))
        if written:
            writer.put(("write", written))
        confirm()

    batch: list[Job] = []

    def submit() -> None:
        nonlocal batch
        if batch:
            inflight.append((engine().submit([(j.n, j.article) for j in batch]), batch))
            batch = []
        while len(inflight) > window:
            collect(*inflight.popleft())

    try:
        for item in items:
            if isinstance(item, ReadProblem):
                emit(Outcome("warning" if item.warning else "failed", item.location, reason=item.reason))
                continue
            for warning in item.warnings:
                emit(Outcome("warning", item.location, reason=warning))
            job, outcome = planner.plan(item, writer.put)
            if outcome is not None:
                emit(outcome)
            if job is not None:
                batch.append(job)
                if len(batch) >= batch_size:
                    submit()
            confirm()
        submit()
        while inflight:
            collect(*inflight.popleft())
    finally:
        for started in engines:
            started.shutdown()
        writer.close()
    if writer.error is not None:
        raise writer.error
    confirm()
    while not writer.done.empty():
        confirm()
    from kg.curation.corpus_pass import link_pending

    st.flush()  # the run's writes on disk, the memory they took handed back, before the pass reads
    report.linked = link_pending(st)  # what was written, against the whole store: the same IRIs in any order
    report.seconds = time.perf_counter() - start
    return report


def ingest_inputs(*, inputs: Iterable[str | os.PathLike[str]], store: str | os.PathLike[str] | None,
                  settings: Settings, workers: int | None = None, force: bool = False,
                  urls_file: str | os.PathLike[str] | None = None, fields: Fields | None = None,
                  input_format: str | None = None, encoding: str | None = None, max_chars: int = MAX_CHARS,
                  fetch_options: FetchOptions | None = None, on_outcome: Callable[[Outcome], None] | None = None,
                  stdin: BinaryIO | None = None, executor: Executor | None = None,
                  registry: str | os.PathLike[str] | None = None) -> IngestReport:
    """Open the store and ingest every input: files, folders, ``-``, URLs and feeds, and the URLs in ``urls_file``.

    ``registry`` is a user registry file (default: one beside the store, see
    :mod:`kg.curation.registry_files`); its actors join the built-in ones.
    """
    import dataclasses

    from kg.curation.registry_files import load_registry, registry_beside
    from kg.sources.article import is_url
    from kg.sources.read import read_inputs
    from kg.store.location import open_store

    registry = registry if registry is not None else registry_beside(store)
    if registry is not None:
        settings = dataclasses.replace(settings, actors=load_registry(registry))

    names = [os.fspath(x) for x in inputs]
    local = [n for n in names if not is_url(n)]
    urls = [n for n in names if is_url(n)]
    fields = fields or Fields()

    def items() -> Iterator[Article | ReadProblem]:
        yield from read_inputs(local, fields=fields, fmt=input_format, encoding=encoding, max_chars=max_chars,
                               stdin=stdin)
        if urls or urls_file is not None:
            from kg.sources.fetch import fetch_articles, read_url_file

            listed: Iterable[str | ReadProblem] = urls
            if urls_file is not None:
                listed = [*urls, *read_url_file(urls_file)]
            yield from fetch_articles(listed, options=fetch_options or FetchOptions(), max_chars=max_chars)

    with open_store(store) as st:  # a folder, or a SPARQL endpoint's URL
        store_ontology(st)
        from kg.ingest.distributed import PARTITION

        return run(items(), st=st, settings=settings, workers=workers or default_workers(), force=force,
                   on_outcome=on_outcome, executor=executor,
                   batch_size=BATCH_SIZE if executor is None else PARTITION)


def store_ontology(st: GraphStore) -> None:
    """Write the ontology and the actor registry into their own graphs (outside the articles' default graph), so
    queries can name them for class labels, the hierarchy and the registry's names."""
    from kg.store.base import ONTOLOGY_GRAPH, REGISTRY_GRAPH
    from kg.store.load import to_ntriples
    from kg.vocabulary.ontology import load_ontology

    ontology = load_ontology()
    actors = {f"<{iri}>" for iri in ontology.actors}
    lines: dict[str, list[str]] = {ONTOLOGY_GRAPH: [], REGISTRY_GRAPH: []}
    for line in to_ntriples(ontology.graph).split("\n"):
        if line:
            graph = REGISTRY_GRAPH if line.split(" ", 1)[0] in actors else ONTOLOGY_GRAPH
            lines[graph].append(f"{line[:-2]} <{graph}> .\n")
    st.replace_graphs([(graph, "".join(text)) for graph, text in lines.items()])  # a new store: no SPARQL to parse
