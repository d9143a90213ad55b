"""The library API: one function per command, keyword arguments in, data out, nothing printed."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, KGError, ModelError, OntologyError, StoreError
from .extract import Extraction, analyse, extract_articles, parse_articles
from .read import Article, iter_paths, read_article

if TYPE_CHECKING:
    from .sparql import Answer
    from .store import GraphStore, QueryResult

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """What ``ingest`` did: the articles stored and the files that failed, with reasons."""

    stored: list[str] = field(default_factory=list)       # article ids
    triples: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    @property
    def ok(self) -> bool:
        return not self.failed


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Article], list[tuple[str, str]]]:
    """Return the articles under ``paths`` and the (path, reason) of each file that could not be read."""
    articles: list[Article] = []
    failed: list[tuple[str, str]] = []
    for p in iter_paths([Path(x) for x in paths]):
        try:
            articles.extend(read_article(p))
        except InputError as exc:
            failed.append((str(p), str(exc)))
    ids: dict[str, str] = {}
    unique: list[Article] = []
    for a in articles:
        if a.id in ids and ids[a.id] != a.path:
            failed.append((a.path or a.id, f"article id '{a.id}' is also the id of {ids[a.id]}; rename one file"))
            continue
        ids[a.id] = a.path or a.id
        unique.append(a)
    return unique, failed


def extract(*, path: str | os.PathLike[str], model: str | None = None, disabled: Iterable[str] = (),
            min_confidence: float = 0.0) -> list[Extraction]:
    """Return the extractions of the article(s) in one file, without touching the store."""
    articles = read_article(Path(path))
    return list(extract_articles(articles, model=model, disabled=disabled, min_confidence=min_confidence))


def ingest(*, paths: Iterable[str | os.PathLike[str]], store: str | os.PathLike[str] | None = None,
           model: str | None = None, disabled: Iterable[str] = (), min_confidence: float = 0.0) -> IngestReport:
    """Extract every article under ``paths`` and store each as its own named graph.

    A file that cannot be read or extracted is reported and skipped; the rest
    of the batch is stored. Each article's graph is written in one transaction.
    """
    from .load import article_iri, to_graph, to_ntriples
    from .ontology import load_ontology
    from .store import ONTOLOGY_GRAPH, open_store

    report = IngestReport()
    articles, report.failed = read_paths(paths)
    ont = load_ontology()
    disabled = tuple(disabled)
    with open_store(store) as st:
        _store_ontology(st, ONTOLOGY_GRAPH)
        for article, doc in parse_articles(articles, model=model):
            try:
                ex = analyse(article, doc, ont, disabled=disabled, min_confidence=min_confidence)
                nt = to_ntriples(to_graph(ex))
                st.replace_graph(str(article_iri(article.id)), nt)
            except KGError as exc:
                if isinstance(exc, ModelError | StoreError | OntologyError):
                    raise  # these stop the batch: nothing further could be stored
                report.failed.append((article.path or article.id, str(exc)))
                continue
            except Exception as exc:  # a bug in one rule must not abort the whole batch
                log.debug("extracting %s failed", article.path or article.id, exc_info=True)
                reason = f"extraction failed ({type(exc).__name__}: {exc}); this is a bug, please report it"
                report.failed.append((article.path or article.id, reason))
                continue
            report.stored.append(article.id)
            report.triples += len(ex.triples)
    return report


def _store_ontology(st: GraphStore, graph_iri: str) -> None:
    from .load import to_ntriples
    from .ontology import load_ontology

    st.replace_graph(graph_iri, to_ntriples(load_ontology().graph))


def query(*, sparql: str, store: str | os.PathLike[str] | None = None, timeout: float | None = None,
          max_rows: int | None = None, allow_service: bool = False) -> QueryResult:
    """Return the whole answer to a SPARQL query (text, a .rq file or a saved query's name) over the store."""
    from .store import QueryResult

    with stream_query(sparql=sparql, store=store, timeout=timeout, max_rows=max_rows,
                      allow_service=allow_service) as answer:
        rows = [[None if t is None else getattr(t, "value", str(t)) for t in row] for row in answer.rows()]
        return QueryResult(answer.kind, answer.variables, rows, answer.boolean)


@contextmanager
def stream_query(*, sparql: str, store: str | os.PathLike[str] | None = None, timeout: float | None = None,
                 max_rows: int | None = None, allow_service: bool = False) -> Iterator[Answer]:
    """Yield the streamed answer to a query under the query-safety rules (read-only, SERVICE, limits).

    ``sparql`` is SPARQL text, a ``.rq``/``.sparql`` file or a saved query's
    name. Rows come as they are evaluated; ``answer.truncated`` tells whether
    ``max_rows`` cut them; a query past ``timeout`` seconds raises QueryError.
    ``answer.labels`` maps IRIs to their rdfs:label.
    """
    from .queries import query_text
    from .sparql import Limits, run_guarded
    from .store import open_store

    text = query_text(sparql)
    with open_store(store, read_only=True) as st:
        answer = run_guarded(st, text, Limits(timeout=timeout, max_rows=max_rows, allow_service=allow_service))
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
    from .queries import saved_queries as saved

    return saved()


def viz(*, out: str | os.PathLike[str], store: str | os.PathLike[str] | None = None,
        min_confidence: float = 0.0, include_modal: bool = False, title: str = "policy-kg") -> dict[str, int]:
    """Write an interactive HTML network of the store to ``out``; return node and edge counts."""
    from .store import open_store
    from .viz import graph_from_store, write_html

    with open_store(store, read_only=True) as st:
        g = graph_from_store(st, min_confidence=min_confidence, include_modal=include_modal)
    write_html(g, Path(out), title=title)
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}


def stats(*, store: str | os.PathLike[str] | None = None) -> Any:
    """Return the store's statistics (:class:`kg.stats.Stats`): articles, actors by type, statements by relation."""
    from .stats import store_stats
    from .store import open_store

    with open_store(store, read_only=True) as st:
        return store_stats(st)


def export(*, fmt: str, out: str | os.PathLike[str], store: str | os.PathLike[str] | None = None,
           min_confidence: float = 0.0, include_modal: bool = False) -> dict[str, int]:
    """Write the store as ``fmt`` (graphml, gexf, csv, jsonld, trig, nquads) to ``out``; return counts."""
    from .export import export_store
    from .store import open_store

    with open_store(store, read_only=True) as st:
        return export_store(st, fmt=fmt, out=Path(out), min_confidence=min_confidence, include_modal=include_modal)


def serve(*, store: str | os.PathLike[str] | None = None, host: str = "127.0.0.1", port: int = 7878,
          timeout: float | None = 60.0, max_rows: int = 10_000, allow_update: bool = False,
          allow_service: bool = False, workers: int = 2) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint with a query page; blocks until interrupted."""
    from .serve import serve as run
    from .sparql import Limits

    run(store=store, host=host, port=port, limits=Limits(timeout=timeout, max_rows=max_rows,
                                                         allow_service=allow_service),
        allow_update=allow_update, workers=workers)


def validate(*, store: str | os.PathLike[str] | None = None) -> Any:
    """Return the store checked against the SHACL shapes (:class:`kg.validate.ValidationReport`)."""
    from .store import open_store
    from .validate import validate_store

    with open_store(store, read_only=True) as st:
        return validate_store(st)
