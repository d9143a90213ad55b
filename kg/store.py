"""The RDF store: an Oxigraph database on disk, one named graph per article.

Writing an article replaces its graph in a single SPARQL update, which
Oxigraph applies as one transaction: a failure leaves the previous graph in
place, and nothing is ever half-written. Queries see the union of all graphs
as the default graph.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import QueryError, StoreError
from .ontology import PREFIXES
from .storecheck import check_store_folder, explain_open_error

log = logging.getLogger(__name__)

DEFAULT_STORE = "kg-store"
ONTOLOGY_GRAPH = "https://policy-kg.org/graph/ontology"


def store_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Return the store folder: ``path``, else ``KG_STORE``, else ``./kg-store``."""
    return Path(path or os.environ.get("KG_STORE") or DEFAULT_STORE)


@dataclass
class QueryResult:
    """A SPARQL answer: ``variables`` and ``rows`` for SELECT, ``boolean`` for ASK, ``triples`` for CONSTRUCT."""

    kind: str
    variables: list[str]
    rows: list[list[Any]]
    boolean: bool | None = None


def _term_value(term: Any) -> Any:
    if term is None:
        return None
    return getattr(term, "value", str(term))


class Store:
    """An Oxigraph store on disk."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        import pyoxigraph

        self.path = store_path(path)
        self.read_only = read_only
        check_store_folder(self.path, read_only=read_only)
        try:
            if read_only:
                self._store = pyoxigraph.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = pyoxigraph.Store(str(self.path))
        except (OSError, RuntimeError) as exc:  # RocksDB reports corruption as RuntimeError
            raise explain_open_error(self.path, exc) from exc

    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        """Replace the named graph ``graph_iri`` with the N-Triples ``ntriples``, atomically."""
        import pyoxigraph

        # Parse first, so that text which is not N-Triples can never run as
        # part of the update ("} } ; DROP ALL ; ...").
        try:
            triples = pyoxigraph.parse(ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES)
            body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write graph {graph_iri}: not valid N-Triples: {exc}") from exc
        update = f"DROP SILENT GRAPH <{graph_iri}> ;\nINSERT DATA {{ GRAPH <{graph_iri}> {{\n{body}\n}} }}"
        try:
            self._store.update(update)
        except (OSError, SyntaxError, ValueError, RuntimeError) as exc:
            raise StoreError(f"cannot write graph {graph_iri}: {exc}") from exc

    def graph_ntriples(self, graph_iri: str) -> set[str]:
        """Return the set of triples in ``graph_iri`` as N-Triples lines (for comparisons)."""
        import pyoxigraph

        g = pyoxigraph.NamedNode(graph_iri)
        return {f"{q.subject} {q.predicate} {q.object} ." for q in self._store.quads_for_pattern(None, None, None, g)}

    def graphs(self) -> list[str]:
        """Return the names of the store's named graphs."""
        return sorted(g.value for g in self._store.named_graphs())

    def __len__(self) -> int:
        return len(self._store)

    def query(self, sparql: str) -> QueryResult:
        """Return the answer to ``sparql``, with the ontology's prefixes predeclared."""
        import pyoxigraph

        # Results are lazy: evaluation errors surface while iterating, so that
        # happens inside the try as well.
        try:
            result = self._store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
            if isinstance(result, pyoxigraph.QueryBoolean):
                return QueryResult("boolean", [], [], bool(result))
            if isinstance(result, pyoxigraph.QuerySolutions):
                variables = [v.value for v in result.variables]
                rows = [[_term_value(sol[v]) for v in variables] for sol in result]
                return QueryResult("select", variables, rows)
            rows = [[_term_value(t.subject), _term_value(t.predicate), _term_value(t.object)] for t in result]
            return QueryResult("triples", ["subject", "predicate", "object"], rows)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {exc}") from exc

    def flush(self) -> None:
        self._store.flush()

    def close(self) -> None:
        """Release the store (Oxigraph holds a lock on the folder while open)."""
        if not self.read_only:
            self._store.flush()
        del self._store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
