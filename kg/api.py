"""The library API: one function per command, keyword arguments in, data out, nothing printed."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
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
          max_rows: int | None = None, allow_service: bool = False, params: Mapping[str, str] | None = None,
          with_ontology: bool = False) -> QueryResult:
    """Return the whole answer to a SPARQL query (text, a .rq file or a saved query's name) over the store, typed.

    Values come as Python values: IRIs and plain strings as ``str``, numbers as
    ``int``/``float``/``Decimal``, dates as ``datetime.date``, booleans as
    ``bool`` (:func:`kg.store.results.python_value`); unbound as None.
    """
    from kg.store.base import QueryResult
    from kg.store.results import python_value

    with stream_query(sparql=sparql, store=store, timeout=timeout, max_rows=max_rows, allow_service=allow_service,
                      params=params, with_ontology=with_ontology) as answer:
        rows = [[python_value(t) for t in row] for row in answer.rows()]
        return QueryResult(answer.kind, answer.variables, rows, answer.boolean)


@contextmanager
def stream_query(*, sparql: str, store: str | os.PathLike[str] | None = None, timeout: float | None = None,
                 max_rows: int | None = None, allow_service: bool = False, params: Mapping[str, str] | None = None,
                 with_ontology: bool = False, max_memory: int | None = DEFAULT_MAX_MEMORY) -> Iterator[Answer]:
    """Yield the streamed answer to a query under the query-safety rules (read-only, SERVICE, limits).

    ``sparql`` is SPARQL text, a ``.rq``/``.sparql`` file or a saved query's
    name; ``params`` give the values of its declared parameters (``# @param``
    lines, bound as RDF terms, never pasted as text). ``with_ontology`` adds the
    ontology and registry graphs to the articles' default graph. Rows come as
    they are evaluated; ``answer.truncated`` tells whether ``max_rows`` cut
    them; a query past ``timeout`` seconds, or growing this process past
    ``max_memory`` MB, raises QueryError. ``answer.labels`` maps IRIs to their rdfs:label.
    """
    from kg.store.base import Dataset
    from kg.store.location import open_store
    from kg.store.queries import bind_parameters, query_text
    from kg.store.sparql import Limits, run_guarded

    text = query_text(sparql)
    with open_store(store, read_only=True) as st:
        text = bind_parameters(text, params or {}, st)
        answer = run_guarded(st, text, Limits(timeout=timeout, max_rows=max_rows, allow_service=allow_service,
                                              max_memory=max_memory),
                             dataset=Dataset.with_reference() if with_ontology else None)
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
           min_confidence: float = 0.0, include_modal: bool = False, relations: Iterable[str] = (),
           types: Iterable[str] = (), since: str | None = None, until: str | None = None,
           min_articles: int = 1) -> dict[str, int]:
    """Write the store as ``fmt`` (graphml, gexf, csv, jsonld, trig, nquads) to ``out``; return counts.

    The network formats take the views' filters (``relations`` or their
    groups, actor ``types``, ``since``/``until`` dates, ``min_articles``).
    """
    from kg.interfaces.export import export_store
    from kg.store.location import open_store
    from kg.views.explore import make_filters

    filters = make_filters(relations=relations, types=types, since=since, until=until,
                           min_confidence=min_confidence, min_articles=min_articles, include_modal=include_modal)
    with open_store(store, read_only=True) as st:
        return export_store(st, fmt=fmt, out=Path(out), min_confidence=min_confidence, include_modal=include_modal,
                            filters=filters)


def dataframe(*, sparql: str, store: str | os.PathLike[str] | None = None, params: Mapping[str, str] | None = None,
              with_ontology: bool = False, timeout: float | None = None, max_rows: int | None = None) -> Any:
    """Return the answer to a SELECT query (text, a .rq file or a saved query's name) as a pandas DataFrame.

    Columns hold typed values (:func:`query`); a column of dates becomes
    ``datetime64``. Needs pandas (``pip install 'policy-kg[pandas]'``).
    """
    import datetime

    try:
        import pandas as pd
    except ImportError as exc:
        from kg.errors import InputError

        raise InputError("kg.api.dataframe needs pandas: pip install 'policy-kg[pandas]' (or pandas)") from exc
    answer = query(sparql=sparql, store=store, params=params, with_ontology=with_ontology, timeout=timeout,
                   max_rows=max_rows)
    if answer.kind == "boolean":
        from kg.errors import QueryError

        raise QueryError("an ASK query answers true or false, not a table: use kg.api.query")
    frame = pd.DataFrame(answer.rows, columns=answer.variables)
    for column in frame.columns:
        values = frame[column].dropna()
        if len(values) and all(isinstance(v, datetime.date) for v in values):
            frame[column] = pd.to_datetime(frame[column])
    return frame


def network(*, store: str | os.PathLike[str] | None = None, min_confidence: float = 0.0,
            include_modal: bool = False, relations: Iterable[str] = (), types: Iterable[str] = (),
            since: str | None = None, until: str | None = None, min_articles: int = 1) -> Any:
    """Return the actor network as a networkx ``MultiDiGraph``: what ``kg export --format graphml`` writes.

    Nodes are actor IRIs (label, type, wikidata, articles); edges one per
    (subject, relation, object), keyed by relation, with ``weight`` (the
    statements behind it), ``articles``, ``first_date``, ``last_date`` and
    ``confidence``. The filters are the views' (:func:`viz`).
    """
    from kg.interfaces.export import actor_network
    from kg.store.location import open_store
    from kg.views.explore import make_filters

    filters = make_filters(relations=relations, types=types, since=since, until=until,
                           min_confidence=min_confidence, min_articles=min_articles, include_modal=include_modal)
    with open_store(store, read_only=True) as st:
        return actor_network(st, min_confidence=min_confidence, include_modal=include_modal, filters=filters)


def serve(*, store: str | os.PathLike[str] | None = None, host: str = "127.0.0.1", port: int = 7878,
          timeout: float | None = 60.0, max_rows: int = 10_000, allow_update: bool = False,
          allow_service: bool = False, workers: int = 2, allow_hosts: Iterable[str] = (), cors: str = "get",
          allow_origins: Iterable[str] = (), on_ready: Callable[[], None] | None = None,
          max_memory: int | None = DEFAULT_MAX_MEMORY) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint with a query page; blocks until interrupted (``on_ready``
    is called once it is listening with the store open).

    Requests for host names other than loopback ones, ``host`` and
    ``allow_hosts`` are refused; ``cors`` says which read-only queries pages
    of other origins may send ("get", "post", "off"); updates from other
    origins are refused unless listed in ``allow_origins``.
    """
    from kg.interfaces.endpoint import serve as run
    from kg.store.sparql import Limits

    run(store=store, host=host, port=port, limits=Limits(timeout=timeout, max_rows=max_rows,
                                                         allow_service=allow_service, max_memory=max_memory),
        allow_update=allow_update, workers=workers, allow_hosts=tuple(allow_hosts), cors=cors,
        allow_origins=tuple(allow_origins), on_ready=on_ready)


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


def timeline(*, actor: str, other: str | None = None, store: str | os.PathLike[str] | None = None,
             unit: str = "month", include_modal: bool = False, out: str | os.PathLike[str] | None = None,
             fmt: str | None = None, title: str | None = None) -> Any:
    """Return ``actor``'s relations per period (or the pair's with ``other``, both directions) and their stance.

    The result is a :class:`kg.views.story.Timeline`: rows by relation and by
    relation group with counts and first and last dates, and for a pair the
    signed stance per period with its turning points. ``unit`` is ``week``,
    ``month`` or ``year``; ``out`` (``.png`` or ``.svg``) also writes its picture.
    """
    from kg.errors import InputError
    from kg.store.location import open_store
    from kg.views.explore import find_actor, read_corpus
    from kg.views.output import write_output
    from kg.views.story import timeline as build
    from kg.views.timeline_picture import draw_timeline

    with open_store(store, read_only=True) as st:
        corpus = read_corpus(st)
    first = corpus.index[find_actor(corpus, actor, where="instead of the name")]
    second = corpus.index[find_actor(corpus, other, where="instead of the name")] if other else None
    if second == first:
        raise InputError(f"'{actor}' and '{other}' name the same actor: give two different actors")
    found = build(corpus, first, second, unit=unit, include_modal=include_modal)
    if out is not None:
        kind = fmt or Path(out).suffix.lower().lstrip(".")
        if kind not in ("png", "svg"):
            raise InputError(f"cannot draw a timeline as '{kind or Path(out).name}': pass --out FILE.png or FILE.svg")
        write_output(out, draw_timeline(found, fmt=kind, title=title))
    return found


def changes(*, since: str, until: str | None = None, store: str | os.PathLike[str] | None = None,
            state: str | os.PathLike[str] | None = None, record: bool = True, include_modal: bool = False,
            title: str = "What changed") -> Any:
    """Return the digest (:class:`kg.views.changes.Digest`) of what is new from ``since`` to ``until``.

    ``since`` is a date (YYYY-MM-DD, YYYY-MM, YYYY: statements of articles
    dated in the period against those dated before), or ``"last"``: the
    articles stored since the previous digest, read from ``state`` (default:
    ``<store>-digests.json`` beside the store folder). With ``record`` the
    digest's time and the articles it saw are written there.
    """
    from kg.errors import InputError
    from kg.store.location import open_store
    from kg.views.changes import (
        DigestState,
        article_hashes,
        by_articles,
        digest,
        read_state,
        state_beside,
        unseen,
        window,
        write_state,
    )
    from kg.views.explore import parse_date, read_corpus

    with open_store(store, read_only=True) as st:
        corpus = read_corpus(st)
        hashes = article_hashes(st)
    if since.strip().lower() == "last":
        if until:
            raise InputError("--until does not go with --since last (which means: since the previous digest)")
        path = Path(state) if state is not None else state_beside(store)
        previous = read_state(path)
        if previous is None:
            raise InputError(f"no previous digest recorded in {path}: give a date to --since once (every digest "
                             "records itself there)")
        new, before, baseline = by_articles(corpus, unseen(hashes, previous))
        period = f"articles stored since the digest of {previous.made}"
    else:
        first, last = parse_date(since), parse_date(until, end=True)
        assert first is not None
        if last and first > last:
            raise InputError(f"--since {since} is after --until {until}: swap them")
        new, before, baseline, period = window(corpus, first, last)
    found = digest(corpus, new, before, baseline, period=period, title=title, include_modal=include_modal)
    if record:
        target = Path(state) if state is not None else (None if _is_url(store) else state_beside(store))
        if target is not None:
            write_state(target, DigestState(found.made, hashes))
    return found


def _is_url(store: str | os.PathLike[str] | None) -> bool:
    from kg.store.base import is_endpoint

    return is_endpoint(store)


def watch(*, urls_file: str | os.PathLike[str], digests: str | os.PathLike[str],
          store: str | os.PathLike[str] | None = None, interval: float = 3600.0, once: bool = False,
          formats: Iterable[str] = ("md", "html", "json"), state: str | os.PathLike[str] | None = None,
          model: str | None = None, workers: int | None = None, fetch_options: FetchOptions | None = None,
          on_cycle: Callable[[Any], None] | None = None, stop: Any = None,
          registry: str | os.PathLike[str] | None = None) -> list[Any]:
    """Watch the feeds and pages in ``urls_file``: each cycle ingests what is new and writes a digest.

    Returns the cycles run (:class:`kg.ingest.watch.Cycle`), each also passed to
    ``on_cycle`` as it ends. ``once`` runs one cycle; otherwise a cycle starts
    every ``interval`` seconds until ``stop`` (a ``threading.Event``) is set or
    the process is interrupted. Requests are conditional (ETag,
    Last-Modified), so a page that has not changed is not fetched again.
    """
    from kg.ingest import Settings
    from kg.ingest.watch import watch as run

    return run(urls_file=urls_file, digests=digests, store=store, interval=interval, once=once,
               formats=tuple(formats), state=state, settings=Settings(model=model), workers=workers,
               fetch_options=fetch_options, on_cycle=on_cycle, stop=stop, registry=registry)
