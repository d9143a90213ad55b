"""The library API: one function per command, keyword arguments in, data out, nothing printed."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from kg.extraction.pipeline import Extraction, extract_articles
from kg.ingest import IngestReport, Outcome
from kg.sources.article import Article, Fields
from kg.sources.fetch import FetchOptions
from kg.sources.parse import MAX_CHARS
from kg.sources.read import read_article
from kg.store.sparql import DEFAULT_MAX_MEMORY

if TYPE_CHECKING:
    from kg.store.base import GraphStore, QueryResult
    from kg.store.sparql import Answer

log = logging.getLogger(__name__)


def extract(*, path: str | os.PathLike[str], model: str | None = None, disabled: Iterable[str] = (),
            min_confidence: float = 0.0, registry: str | os.PathLike[str] | None = None) -> list[Extraction]:
    """Return the extractions of the article(s) in one file, without touching the store.

    ``registry`` is a user registry file whose actors join the built-in ones (see :mod:`kg.curation.registry_files`).
    """
    from kg.curation.registry_files import activate, load_registry

    activate(load_registry(registry) if registry is not None else ())
    articles = read_article(Path(path))
    return list(extract_articles(articles, model=model, disabled=disabled, min_confidence=min_confidence))


def ingest(*, paths: Iterable[str | os.PathLike[str]] = (), store: str | os.PathLike[str] | None = None,
           model: str | None = None, disabled: Iterable[str] = (), min_confidence: float = 0.0,
           workers: int | None = None, force: bool = False, urls_file: str | os.PathLike[str] | None = None,
           fields: Fields | None = None, input_format: str | None = None, encoding: str | None = None,
           max_chars: int = MAX_CHARS, fetch_options: FetchOptions | None = None,
           on_outcome: Callable[[Outcome], None] | None = None, stdin: BinaryIO | None = None,
           executor: Executor | None = None, registry: str | os.PathLike[str] | None = None) -> IngestReport:
    """Extract every article under ``paths`` (files, folders, ``-``, URLs, feeds) and store each as its own graph.

    Articles stream through: read, identified (unchanged ones skipped unless
    ``force``, duplicates recorded once), parsed by ``workers`` processes
    (default: the machine's cores; or on ``executor``, e.g. a Dask client's),
    and written each graph whole, in one transaction (a batch of new
    articles shares one). A bad file, record or URL is
    reported in the returned :class:`IngestReport` and passed to
    ``on_outcome`` with every other outcome; the rest is stored.
    ``registry`` is a user registry file (default: ``kg-registry.yaml`` or
    ``.csv`` beside the store folder); merge and split decisions recorded in
    the store apply to every article written.
    """
    from kg.ingest import Settings, ingest_inputs

    settings = Settings(model=model, disabled=tuple(disabled), min_confidence=min_confidence)
    return ingest_inputs(inputs=paths, store=store, settings=settings, workers=workers, force=force,
                         urls_file=urls_file, fields=fields, input_format=input_format, encoding=encoding,
                         max_chars=max_chars, fetch_options=fetch_options, on_outcome=on_outcome, stdin=stdin,
                         executor=executor, registry=registry)


def extract_nquads(*, articles: Iterable[Article], model: str | None = None, disabled: Iterable[str] = (),
                   min_confidence: float = 0.0) -> tuple[str, list[tuple[str, str]]]:
    """Return a partition of articles as N-Quads (one named graph each) and the (location, reason) of failures.

    The function a distributed worker runs (see :mod:`kg.ingest.distributed`); the
    articles' ids must be final (as :func:`ingest` assigns them).
    """
    from kg.errors import KGError
    from kg.ingest import Settings, extract_batch
    from kg.ingest.extraction import check_nquads

    items = list(enumerate(articles))
    results = extract_batch(items, Settings(model=model, disabled=tuple(disabled), min_confidence=min_confidence))
    failed = [(items[n][1].location, reason) for n, _, _, reason in results if reason is not None]
    good = []
    for n, nquads, _, _ in results:
        if not nquads:
            continue
        try:
            check_nquads(nquads)  # one bad graph must not spoil the partition's load
        except KGError as exc:
            failed.append((items[n][1].location, str(exc)))
            continue
        good.append(nquads)
    return "".join(good), failed


def query(*, sparql: str, store: str | os.PathLike[str] | None = None, timeout: float | None = None,
          max_rows: int | None = None, allow_service: bool = False) -> QueryResult:
    """Return the whole answer to a SPARQL query (text, a .rq file or a saved query's name) over the store."""
    from kg.store.base import QueryResult

    with stream_query(sparql=sparql, store=store, timeout=timeout, max_rows=max_rows,
                      allow_service=allow_service) as answer:
        rows = [[None if t is None else getattr(t, "value", str(t)) for t in row] for row in answer.rows()]
        return QueryResult(answer.kind, answer.variables, rows, answer.boolean)


@contextmanager
def stream_query(*, sparql: str, store: str | os.PathLike[str] | None = None, timeout: float | None = None,
                 max_rows: int | None = None, allow_service: bool = False,
                 max_memory: int | None = DEFAULT_MAX_MEMORY) -> Iterator[Answer]:
    """Yield the streamed answer to a query under the query-safety rules (read-only, SERVICE, limits).

    ``sparql`` is SPARQL text, a ``.rq``/``.sparql`` file or a saved query's
    name. Rows come as they are evaluated; ``answer.truncated`` tells whether
    ``max_rows`` cut them; a query past ``timeout`` seconds, or growing this process past ``max_memory`` MB,
    raises QueryError.
    ``answer.labels`` maps IRIs to their rdfs:label.
    """
    from kg.store.location import open_store
    from kg.store.queries import query_text
    from kg.store.sparql import Limits, run_guarded

    text = query_text(sparql)
    with open_store(store, read_only=True) as st:
        answer = run_guarded(st, text, Limits(timeout=timeout, max_rows=max_rows, allow_service=allow_service,
                                              max_memory=max_memory))
        answer.labels = lambda iris: _labels(st, iris)
        yield answer


def _labels(st: GraphStore, iris: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    todo = sorted(iris)
    for i in range(0, len(todo), 200):
        values = " ".join(f"<{iri}>" for iri in todo[i:i + 200] if ">" not in iri)
        for s, label in st.query(f"SELECT ?s (SAMPLE(?l) AS ?label) WHERE {{ VALUES ?s {{ {values} }} "
                                 "?s rdfs:label ?l } GROUP BY ?s").rows:
            out[s] = label
    return out


def saved_queries() -> dict[str, Any]:
    """Return the saved research queries by name (each with its question and text)."""
    from kg.store.queries import saved_queries as saved

    return saved()


def viz(*, out: str | os.PathLike[str], store: str | os.PathLike[str] | None = None,
        min_confidence: float = 0.0, include_modal: bool = False, title: str = "policy-kg",
        fmt: str | None = None, ego: str | None = None, hops: int = 1, relations: Iterable[str] = (),
        types: Iterable[str] = (), since: str | None = None, until: str | None = None,
        min_articles: int = 1) -> dict[str, Any]:
    """Write the explorer page (HTML), or a PNG/SVG picture, of the store to ``out``; return what the view shows.

    The filters (``ego``/``hops``, ``relations``, ``types``, ``since``/``until``,
    ``min_articles``, ``min_confidence``, ``include_modal``) set the view the
    page opens on; the page still holds every statement. ``fmt`` defaults to
    the ending of ``out``. See :func:`kg.views.viz.write_view` for the returned keys.
    """
    from kg.store.location import open_store
    from kg.views.explore import find_actor, make_filters, read_corpus
    from kg.views.viz import output_format, write_view

    fmt = output_format(out, fmt)
    filters = make_filters(relations=relations, types=types, since=since, until=until,
                           min_confidence=min_confidence, min_articles=min_articles,
                           include_modal=include_modal, hops=hops)
    with open_store(store, read_only=True) as st:
        corpus = read_corpus(st)
    if ego:
        filters.ego = find_actor(corpus, ego)
    return write_view(corpus, filters, out, fmt=fmt, title=title)


def stats(*, store: str | os.PathLike[str] | None = None) -> Any:
    """Return the store's statistics (:class:`~kg.store.stats.Stats`): articles, actors by type, statements
    by relation."""
    from kg.store.location import open_store
    from kg.store.stats import store_stats

    with open_store(store, read_only=True) as st:
        return store_stats(st)


def export(*, fmt: str, out: str | os.PathLike[str], store: str | os.PathLike[str] | None = None,
           min_confidence: float = 0.0, include_modal: bool = False) -> dict[str, int]:
    """Write the store as ``fmt`` (graphml, gexf, csv, jsonld, trig, nquads) to ``out``; return counts."""
    from kg.interfaces.export import export_store
    from kg.store.location import open_store

    with open_store(store, read_only=True) as st:
        return export_store(st, fmt=fmt, out=Path(out), min_confidence=min_confidence, include_modal=include_modal)


def serve(*, store: str | os.PathLike[str] | None = None, host: str = "127.0.0.1", port: int = 7878,
          timeout: float | None = 60.0, max_rows: int = 10_000, allow_update: bool = False,
          allow_service: bool = False, workers: int = 2, on_ready: Callable[[], None] | None = None,
          max_memory: int | None = DEFAULT_MAX_MEMORY) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint with a query page; blocks until interrupted (``on_ready``
    is called once it is listening with the store open)."""
    from kg.interfaces.endpoint import serve as run
    from kg.store.sparql import Limits

    run(store=store, host=host, port=port, limits=Limits(timeout=timeout, max_rows=max_rows,
                                                         allow_service=allow_service, max_memory=max_memory),
        allow_update=allow_update, workers=workers, on_ready=on_ready)


def validate(*, store: str | os.PathLike[str] | None = None) -> Any:
    """Return the store checked against the SHACL shapes (:class:`kg.interfaces.validate.ValidationReport`)."""
    from kg.interfaces.validate import validate_store
    from kg.store.location import open_store

    with open_store(store, read_only=True) as st:
        return validate_store(st)


def actors(*, store: str | os.PathLike[str] | None = None, types: Iterable[str] = (),
           match: str | None = None) -> list[Any]:
    """Return the store's actors (:class:`~kg.curation.actors.StoredActor`), filtered by type names and a text
    to match."""
    from kg.curation.actors import list_actors
    from kg.store.location import open_store
    from kg.views.explore import parse_types

    wanted = parse_types(types)
    with open_store(store, read_only=True) as st:
        return list_actors(st, types=wanted, match=match)


def merge(*, keep: str, absorb: str, store: str | os.PathLike[str] | None = None, why: str | None = None,
          by: str | None = None) -> tuple[Any, int]:
    """Record that actor ``absorb`` is actor ``keep`` (IRIs, labels or aliases); return the decision and the
    number of stored article graphs rewritten. Later ingests apply it too (see :mod:`kg.curation.decisions`)."""
    from kg.curation.actors import find_actor, stored_actors
    from kg.curation.curate import record
    from kg.curation.decisions import merge_decision
    from kg.store.location import open_store

    with open_store(store) as st:
        actors = stored_actors(st)
        return record(st, merge_decision(find_actor(actors, keep), find_actor(actors, absorb), why=why, by=by))


def split(*, actor: str, names: Iterable[str], into: str | None = None,
          store: str | os.PathLike[str] | None = None, why: str | None = None,
          by: str | None = None) -> tuple[Any, int]:
    """Record that articles calling ``actor`` by one of ``names`` mean another actor: ``into`` (an actor in the
    store, or the label of a new one; default the first name). Return the decision and the graphs rewritten."""
    from kg.curation.actors import find_actor, registry_actor, stored_actors
    from kg.curation.curate import record
    from kg.curation.decisions import split_decision
    from kg.errors import InputError
    from kg.store.location import open_store

    with open_store(store) as st:
        actors = stored_actors(st)
        found = find_actor(actors, actor)
        existing = None
        if into:
            try:
                existing = find_actor(actors, into)
            except InputError:
                existing = registry_actor(into)   # else the label of a new actor
        return record(st, split_decision(found, list(names), into=into, existing=existing, why=why, by=by))


def decisions(*, store: str | os.PathLike[str] | None = None) -> list[Any]:
    """Return the merge and split decisions recorded in the store (:class:`~kg.curation.decisions.Decision`),
    oldest first."""
    from kg.curation.decisions import read_decisions
    from kg.store.location import open_store

    with open_store(store, read_only=True) as st:
        return read_decisions(st)
