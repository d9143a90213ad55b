"""The store's interface and the pieces every backend shares: :class:`GraphStore`, query answers,
N-Triples parsing, and where a store lives (``--store``, ``KG_STORE``).

Backends: :class:`kg.store.embedded.Store` (Oxigraph on disk) and
:class:`kg.store.remote.RemoteStore` (any SPARQL 1.1 server); :func:`kg.store.location.open_store`
picks one from a location. Writing an article replaces its graph in one transaction: a
failure leaves the previous graph in place, and nothing is ever half-written.

What a query reads (its dataset): the default graph holds the articles' statements, each
triple once however many articles give it (the union, as an RDF merge, of the graphs
``pkart:*``); the ontology (:data:`ONTOLOGY_GRAPH`), the actor registry
(:data:`REGISTRY_GRAPH`) and the curation graphs are named graphs outside it, read with
``GRAPH <...>``, ``FROM <...>`` or a :class:`Dataset`. A query's ``FROM`` and ``FROM NAMED``
clauses, and the protocol's ``default-graph-uri`` and ``named-graph-uri``, are honoured;
:data:`ARTICLES_GRAPH` names the articles' default graph in them.
"""

from __future__ import annotations

import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kg.errors import GraphTextError
from kg.vocabulary.namespace import PREFIXES

log = logging.getLogger(__name__)

DEFAULT_STORE = "kg-store"
ONTOLOGY_GRAPH = "https://policy-kg.org/graph/ontology"
#: The actors of the built-in registry (types, labels, other names, Wikidata links).
REGISTRY_GRAPH = "https://policy-kg.org/graph/registry"
#: A name for the default graph (the merge of every article graph), for FROM and default-graph-uri.
ARTICLES_GRAPH = "https://policy-kg.org/graph/articles"
#: Every article's named graph starts with this (``pkart:``).
ARTICLE_GRAPH_PREFIX = "https://policy-kg.org/article/"


def is_article_graph(iri: str) -> bool:
    """Return True when ``iri`` names an article's graph (whose triples make up the default graph)."""
    return iri.startswith(ARTICLE_GRAPH_PREFIX)


@dataclass(frozen=True)
class Dataset:
    """The graphs a query reads when not the usual ones: ``default`` graphs merged as its default graph
    (:data:`ARTICLES_GRAPH` for the articles), and the ``named`` graphs ``GRAPH ?g`` ranges over (None: all)."""

    default: tuple[str, ...] = (ARTICLES_GRAPH,)
    named: tuple[str, ...] | None = None

    @classmethod
    def with_reference(cls) -> Dataset:
        """Return the dataset whose default graph adds the ontology and the registry to the articles."""
        return cls(default=(ARTICLES_GRAPH, ONTOLOGY_GRAPH, REGISTRY_GRAPH))


def store_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Return the store folder: ``path``, else ``KG_STORE``, else ``./kg-store``."""
    return Path(path or os.environ.get("KG_STORE") or DEFAULT_STORE)


def is_endpoint(location: str | os.PathLike[str] | None) -> bool:
    """Return True when ``location`` (or ``KG_STORE``) names a SPARQL server rather than a folder."""
    text = str(location or os.environ.get("KG_STORE") or "")
    return text.startswith(("http://", "https://"))


@dataclass
class QueryResult:
    """A SPARQL answer held whole: ``variables`` and ``rows`` of values (SELECT, or subject/predicate/object
    for CONSTRUCT), ``boolean`` for ASK."""

    kind: str
    variables: list[str]
    rows: list[list[Any]]
    boolean: bool | None = None


@dataclass
class QueryStream:
    """A SPARQL answer as it is evaluated: ``rows`` yields lists of pyoxigraph terms (``None`` if unbound)."""

    kind: str                      # "select", "boolean" or "triples"
    variables: list[str]
    rows: Iterator[list[Any]] = field(default_factory=lambda: iter(()))
    boolean: bool | None = None


def term_value(term: Any) -> Any:
    """Return the plain value of a pyoxigraph term (IRI text, literal lexical form), ``None`` for unbound."""
    if term is None:
        return None
    return getattr(term, "value", str(term))



class GraphStore(ABC):
    """The store interface: open (the constructor), replace a graph, query, close."""

    read_only: bool
    location: str

    @abstractmethod
    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        """Replace the named graph ``graph_iri`` with the N-Triples ``ntriples``, atomically."""

    def replace_graphs(self, graphs: Sequence[tuple[str, str]], *, bulk: bool = False) -> None:
        """Replace each named graph of ``graphs``, pairs (graph IRI, its quads as N-Quads), each graph whole.

        Lines of the N-Quads naming another graph are left out. Nothing is
        written when any of the texts is not valid RDF. This default writes
        one graph after the other with :meth:`replace_graph`; a backend may
        write several in one transaction, and with ``bulk`` (many new graphs
        at once, as ingest writes them) in the way it writes most data fastest.
        """
        texts = [(iri, nquads_to_ntriples(nquads, iri)) for iri, nquads in graphs]
        for iri, ntriples in texts:
            parse_ntriples(iri, ntriples)
        for iri, ntriples in texts:
            self.replace_graph(iri, ntriples)

    def change_graph(self, graph_iri: str, remove: Iterable[str], add: Iterable[str]) -> None:
        """Take the N-Triples lines ``remove`` out of the named graph ``graph_iri`` and put ``add`` in, atomically.

        This default reads the graph and replaces it whole (:meth:`replace_graph`); the embedded store changes
        only those triples.
        """
        remove, add = list(remove), list(add)
        parse_ntriples(graph_iri, "".join(f"{line}\n" for line in [*remove, *add]))  # refused before anything is read
        lines = self.graph_ntriples(graph_iri) - set(remove)
        lines.update(add)
        self.replace_graph(graph_iri, "".join(f"{line}\n" for line in sorted(lines)))

    def triples_naming(self, graph_iri: str, iris: Iterable[str]) -> set[tuple[str, str, str]]:
        """Return the triples (N-Triples terms) of the named graph ``graph_iri`` whose subject or object is one of
        ``iris``."""
        rows = self.stream(f"SELECT ?s ?p ?o WHERE {{ VALUES ?x {{ {' '.join(f'<{i}>' for i in iris)} }} "
                           f"GRAPH <{graph_iri}> {{ {{ ?x ?p ?o BIND(?x AS ?s) }} UNION "
                           f"{{ ?s ?p ?x BIND(?x AS ?o) }} }} }}").rows
        return {(str(s), str(p), str(o)) for s, p, o in rows}

    @abstractmethod
    def stream(self, sparql: str, *, dataset: Dataset | None = None) -> QueryStream:
        """Return the answer to ``sparql`` as a stream (predeclared prefixes); ``dataset``, when given, overrides
        the query's own FROM and FROM NAMED (as the protocol's default-graph-uri and named-graph-uri do)."""

    @abstractmethod
    def close(self) -> None:
        """Release the store."""

    def flush(self) -> None:  # noqa: B027 - a server's store has nothing to flush; the embedded one overrides it
        """Write what the store holds in memory to disk (a server's store: nothing to do)."""

    def query(self, sparql: str, *, dataset: Dataset | None = None) -> QueryResult:
        """Return the whole answer to ``sparql`` as plain values."""
        s = self.stream(sparql, dataset=dataset)
        rows = [[term_value(t) for t in row] for row in s.rows]
        return QueryResult(s.kind, s.variables, rows, s.boolean)

    def graphs(self) -> list[str]:
        """Return the names of the store's named graphs, sorted."""
        return sorted(str(term_value(r[0])) for r in self.stream("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").rows)

    def graph_ntriples(self, graph_iri: str) -> set[str]:
        """Return the set of triples in ``graph_iri`` as N-Triples lines (for comparisons)."""
        rows = self.stream(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}").rows
        return {f"{s} {p} {o} ." for s, p, o in rows}

    def quads(self) -> Iterator[Any]:
        """Yield every quad of the named graphs (pyoxigraph ``Quad``)."""
        import pyoxigraph

        for g, s, p, o in self.stream("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows:
            yield pyoxigraph.Quad(s, p, o, g)

    def dump(self, out: IO[bytes], fmt: str) -> None:
        """Write every named graph to ``out`` as ``fmt`` ("trig" or "nquads")."""
        import pyoxigraph

        rdf_format = {"trig": pyoxigraph.RdfFormat.TRIG, "nquads": pyoxigraph.RdfFormat.N_QUADS}[fmt]
        pyoxigraph.serialize(self.quads(), out, rdf_format, prefixes=PREFIXES if fmt == "trig" else None)

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return int(rows[0][0])

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def nquads_to_ntriples(nquads: str, graph_iri: str) -> str:
    """Return the triples of the one graph ``graph_iri`` in ``nquads`` as N-Triples."""
    suffix = f" <{graph_iri}> ."
    if nquads.endswith("\n") and nquads.count("\n") == nquads.count(suffix + "\n"):
        return nquads.replace(suffix + "\n", " .\n")  # every line is in the graph (the usual case): no loop
    # Split on "\n" only: N-Quads leaves form feeds, U+2028 and the like unescaped inside literals.
    return "".join(line[: -len(suffix)] + " .\n" for line in nquads.split("\n") if line.endswith(suffix))


def nt_string(text: str) -> str:
    """Return ``text`` as an N-Triples / SPARQL string literal (quotes, backslashes and line ends escaped)."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r"))
    return f'"{escaped}"'


def parse_ntriples(graph_iri: str, ntriples: str) -> list[Any]:
    """Return the triples of ``ntriples``; text that is not N-Triples raises :class:`StoreError`.

    Parsing first means text can never run as part of an update ("} } ; DROP ALL ; ...").
    """
    import pyoxigraph

    try:
        return list(pyoxigraph.parse(ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES))
    except (SyntaxError, ValueError) as exc:
        raise GraphTextError(f"cannot write graph {graph_iri}: not valid N-Triples: {exc}") from exc
