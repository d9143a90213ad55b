"""The library API: one function per command, keyword arguments in, data out, nothing printed."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, KGError, ModelError, OntologyError, StoreError
from .extract import Extraction, analyse, extract_articles, parse_articles
from .read import Article, iter_paths, read_article

if TYPE_CHECKING:
    from .store import Store

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
    from .store import ONTOLOGY_GRAPH, Store

    report = IngestReport()
    articles, report.failed = read_paths(paths)
    ont = load_ontology()
    disabled = tuple(disabled)
    with Store(store) as st:
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


def _store_ontology(st: Store, graph_iri: str) -> None:
    from .load import to_ntriples
    from .ontology import load_ontology

    st.replace_graph(graph_iri, to_ntriples(load_ontology().graph))


def query(*, sparql: str, store: str | os.PathLike[str] | None = None):  # noqa: ANN201 - QueryResult
    """Return the answer to a SPARQL query over the store."""
    from .store import Store

    text = sparql
    candidate = Path(sparql)
    if len(sparql) < 4096 and "\n" not in sparql and candidate.suffix in {".rq", ".sparql"}:
        if not candidate.is_file():
            raise InputError(f"query file {candidate} not found")
        text = candidate.read_text(encoding="utf-8")
    with Store(store, read_only=True) as st:
        return st.query(text)


def viz(*, out: str | os.PathLike[str], store: str | os.PathLike[str] | None = None,
        min_confidence: float = 0.0, include_modal: bool = False, title: str = "policy-kg",
        fmt: str | None = None, ego: str | None = None, hops: int = 1, relations: Iterable[str] = (),
        types: Iterable[str] = (), since: str | None = None, until: str | None = None,
        min_articles: int = 1) -> dict[str, Any]:
    """Write the explorer page (HTML), or a PNG/SVG picture, of the store to ``out``; return what the view shows.

    The filters (``ego``/``hops``, ``relations``, ``types``, ``since``/``until``,
    ``min_articles``, ``min_confidence``, ``include_modal``) set the view the
    page opens on; the page still holds every statement. ``fmt`` defaults to
    the ending of ``out``. See :func:`kg.viz.write_view` for the returned keys.
    """
    from .explore import find_actor, make_filters, read_corpus
    from .store import Store
    from .viz import output_format, write_view

    fmt = output_format(out, fmt)
    filters = make_filters(relations=relations, types=types, since=since, until=until,
                           min_confidence=min_confidence, min_articles=min_articles,
                           include_modal=include_modal, hops=hops)
    with Store(store, read_only=True) as st:
        corpus = read_corpus(st)
    if ego:
        filters.ego = find_actor(corpus, ego)
    return write_view(corpus, filters, out, fmt=fmt, title=title)
