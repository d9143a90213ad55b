"""The library API: one function per command, keyword arguments in, data out, nothing printed."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .extract import Extraction, extract_articles
from .fetch import FetchOptions
from .ingest import IngestReport, Outcome
from .read import MAX_CHARS, Article, Fields, read_article

log = logging.getLogger(__name__)


def extract(*, path: str | os.PathLike[str], model: str | None = None, disabled: Iterable[str] = (),
            min_confidence: float = 0.0) -> list[Extraction]:
    """Return the extractions of the article(s) in one file, without touching the store."""
    articles = read_article(Path(path))
    return list(extract_articles(articles, model=model, disabled=disabled, min_confidence=min_confidence))


def ingest(*, paths: Iterable[str | os.PathLike[str]] = (), store: str | os.PathLike[str] | None = None,
           model: str | None = None, disabled: Iterable[str] = (), min_confidence: float = 0.0,
           workers: int | None = None, force: bool = False, urls_file: str | os.PathLike[str] | None = None,
           fields: Fields | None = None, input_format: str | None = None, encoding: str | None = None,
           max_chars: int = MAX_CHARS, fetch_options: FetchOptions | None = None,
           on_outcome: Callable[[Outcome], None] | None = None, stdin: BinaryIO | None = None,
           executor: Executor | None = None) -> IngestReport:
    """Extract every article under ``paths`` (files, folders, ``-``, URLs, feeds) and store each as its own graph.

    Articles stream through: read, identified (unchanged ones skipped unless
    ``force``, duplicates recorded once), parsed by ``workers`` processes
    (default: the machine's cores; or on ``executor``, e.g. a Dask client's),
    and written one graph per transaction. A bad file, record or URL is
    reported in the returned :class:`IngestReport` and passed to
    ``on_outcome`` with every other outcome; the rest is stored.
    """
    from .ingest import Settings, ingest_inputs

    settings = Settings(model=model, disabled=tuple(disabled), min_confidence=min_confidence)
    return ingest_inputs(inputs=paths, store=store, settings=settings, workers=workers, force=force,
                         urls_file=urls_file, fields=fields, input_format=input_format, encoding=encoding,
                         max_chars=max_chars, fetch_options=fetch_options, on_outcome=on_outcome, stdin=stdin,
                         executor=executor)


def extract_nquads(*, articles: Iterable[Article], model: str | None = None, disabled: Iterable[str] = (),
                   min_confidence: float = 0.0) -> tuple[str, list[tuple[str, str]]]:
    """Return a partition of articles as N-Quads (one named graph each) and the (location, reason) of failures.

    The function a distributed worker runs (see :mod:`kg.distributed`); the
    articles' ids must be final (as :func:`ingest` assigns them).
    """
    from .ingest import Settings, extract_batch

    items = list(enumerate(articles))
    results = extract_batch(items, Settings(model=model, disabled=tuple(disabled), min_confidence=min_confidence))
    failed = [(items[n][1].location, reason) for n, _, _, reason in results if reason is not None]
    return "".join(nq for _, nq, _, _ in results if nq), failed


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
        min_confidence: float = 0.0, include_modal: bool = False, title: str = "policy-kg") -> dict[str, int]:
    """Write an interactive HTML network of the store to ``out``; return node and edge counts."""
    from .store import Store
    from .viz import graph_from_store, write_html

    with Store(store, read_only=True) as st:
        g = graph_from_store(st, min_confidence=min_confidence, include_modal=include_modal)
    write_html(g, Path(out), title=title)
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
