"""The RDF store: one named graph per article, behind one small interface.

:class:`GraphStore` is the interface every backend implements: open (the
constructor), replace a graph, stream a query, close. Two backends:

- :class:`Store`, an Oxigraph database on disk (embedded, pyoxigraph);
- :class:`kg.remote.RemoteStore`, any SPARQL 1.1 server: reads by the
  SPARQL Protocol, writes by the Graph Store Protocol.

:func:`open_store` picks one from a location: a URL is a server, anything
else a folder. Writing an article replaces its graph in one transaction: a
failure leaves the previous graph in place, and nothing is ever
half-written. :meth:`GraphStore.replace_graphs` writes a batch of graphs, each
whole; the embedded store adds those it lacks (new articles) in one
transaction, from text Oxigraph parses itself. Queries see the union of all
graphs as the default graph.
"""

from __future__ import annotations

import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import GraphTextError, QueryError, StoreError
from .namespace import PREFIXES
from .storecheck import check_store_folder, explain_open_error

log = logging.getLogger(__name__)

DEFAULT_STORE = "kg-store"
ONTOLOGY_GRAPH = "https://policy-kg.org/graph/ontology"


def store_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Return the store folder: ``path``, else ``KG_STORE``, else ``./kg-store``."""
    return Path(path or os.environ.get("KG_STORE") or DEFAULT_STORE)


def is_endpoint(location: str | os.PathLike[str] | None) -> bool:
    """Return True when ``location`` (or ``KG_STORE``) names a SPARQL server rather than a folder."""
    text = str(location or os.environ.get("KG_STORE") or "")
    return text.startswith(("http://", "https://"))


def open_store(location: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> GraphStore:
    """Return the store at ``location``: a SPARQL endpoint URL, else a folder (``KG_STORE``, ``./kg-store``)."""
    if is_endpoint(location):
        from .remote import RemoteStore

        return RemoteStore(str(location or os.environ["KG_STORE"]), read_only=read_only)
    return Store(location, read_only=read_only)


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

    def replace_graphs(self, graphs: Sequence[tuple[str, str]]) -> None:
        """Replace each named graph of ``graphs``, pairs (graph IRI, its quads as N-Quads), each graph whole.

        Lines of the N-Quads naming another graph are left out. Nothing is
        written when any of the texts is not valid RDF. This default writes
        one graph after the other with :meth:`replace_graph`; a backend may
        write several in one transaction.
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
    def stream(self, sparql: str) -> QueryStream:
        """Return the answer to ``sparql`` as a stream (predeclared prefixes, union default graph)."""

    @abstractmethod
    def close(self) -> None:
        """Release the store."""

    def flush(self) -> None:  # noqa: B027 - a server's store has nothing to flush; the embedded one overrides it
        """Write what the store holds in memory to disk (a server's store: nothing to do)."""

    def query(self, sparql: str) -> QueryResult:
        """Return the whole answer to ``sparql`` as plain values."""
        s = self.stream(sparql)
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


_trim: Any = None


def release_freed_memory() -> None:
    """Return the memory C code (RocksDB, the parser) freed to the system, where the C library can (glibc's
    ``malloc_trim``): long runs keep their resident memory near what they use, not what they once used."""
    global _trim
    if _trim is None:
        import ctypes

        try:
            _trim = ctypes.CDLL(None).malloc_trim
        except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to call
            _trim = False
    if _trim:
        _trim(0)


def _open_embedded(path: Path, read_only: bool) -> Any:
    """Return the pyoxigraph store in the folder ``path``, after checking the folder is one (or may become one)."""
    import pyoxigraph

    check_store_folder(path, read_only=read_only)
    try:
        if read_only:
            return pyoxigraph.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return pyoxigraph.Store(str(path))
    except (OSError, RuntimeError) as exc:  # RocksDB reports corruption as RuntimeError
        raise explain_open_error(path, exc) from exc


class Store(GraphStore):
    """An Oxigraph store on disk (the embedded backend)."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        self.path = store_path(path)
        self.location = str(self.path)
        self.read_only = read_only
        self._store = _open_embedded(self.path, read_only)

    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        """Replace the named graph ``graph_iri`` with the N-Triples ``ntriples``, atomically."""
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in parse_ntriples(graph_iri, ntriples))
        update = f"DROP SILENT GRAPH <{graph_iri}> ;\nINSERT DATA {{ GRAPH <{graph_iri}> {{\n{body}\n}} }}"
        try:
            self._store.update(update)
        except (OSError, SyntaxError, ValueError, RuntimeError) as exc:
            raise StoreError(f"cannot write graph {graph_iri}: {exc}") from exc

    def replace_graphs(self, graphs: Sequence[tuple[str, str]]) -> None:
        """Replace each named graph of ``graphs``, pairs (graph IRI, its quads as N-Quads), each graph whole.

        The graphs that hold nothing yet (a new article's) are added together
        in one transaction, all of them or none: their triples go to Oxigraph
        as one TriG text, each graph's block naming it (so no line can land in
        another graph), parsed there with no Python object per quad. A graph
        that holds quads is replaced on its own, as by :meth:`replace_graph`.
        Lines naming another graph are left out; nothing is written when any
        text is not valid.
        """
        import pyoxigraph

        fresh: dict[str, str] = {}
        used: list[tuple[str, str]] = []
        for iri, nquads in graphs:
            if iri in fresh or any(iri == u for u, _ in used):
                # The same graph twice: what comes before must be written before it is replaced again.
                self._write(fresh, used)
                fresh, used = {}, []
            try:
                node = pyoxigraph.NamedNode(iri)
            except ValueError as exc:
                raise GraphTextError(f"cannot write graph {iri}: not an IRI ({exc})") from exc
            ntriples = nquads_to_ntriples(nquads, iri)
            if next(iter(self._store.quads_for_pattern(None, None, None, node)), None) is None:
                fresh[iri] = ntriples
            else:
                parse_ntriples(iri, ntriples)  # every text is checked before anything is written
                used.append((iri, ntriples))
        self._write(fresh, used)

    def _write(self, fresh: dict[str, str], used: list[tuple[str, str]]) -> None:
        """Add the triples of the graphs ``fresh`` (holding nothing yet) in one transaction; replace those ``used``."""
        import pyoxigraph

        if fresh:
            names = sorted(fresh)
            more = f" and {len(names) - 3} more" if len(names) > 3 else ""
            trig = "".join(f"<{iri}> {{\n{ntriples}}}\n" for iri, ntriples in fresh.items() if ntriples)
            try:
                self._store.load(trig, pyoxigraph.RdfFormat.TRIG)
            except (SyntaxError, ValueError) as exc:
                raise GraphTextError(f"cannot write graph {', '.join(names[:3])}{more}: not valid N-Quads: {exc}") \
                    from exc
            except (OSError, RuntimeError) as exc:
                raise StoreError(f"cannot write graph {', '.join(names[:3])}{more}: {exc}") from exc
        for iri, ntriples in used:
            self.replace_graph(iri, ntriples)

    def change_graph(self, graph_iri: str, remove: Iterable[str], add: Iterable[str]) -> None:
        """Take the N-Triples lines ``remove`` out of the graph ``graph_iri`` and put ``add`` in: one SPARQL update,
        one transaction, touching those triples alone (the lines are parsed first, so no text can run as
        SPARQL)."""
        body = {}
        for name, lines in (("DELETE", remove), ("INSERT", add)):
            triples = parse_ntriples(graph_iri, "".join(f"{line}\n" for line in lines))
            if triples:
                body[name] = " ".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
        if not body:
            return
        try:
            self._store.update(" ; ".join(f"{op} DATA {{ GRAPH <{graph_iri}> {{ {text} }} }}"
                                          for op, text in body.items()))
        except (OSError, RuntimeError, ValueError) as exc:
            raise StoreError(f"cannot write graph {graph_iri}: {exc}") from exc

    def triples_naming(self, graph_iri: str, iris: Iterable[str]) -> set[tuple[str, str, str]]:
        """Return the triples of ``graph_iri`` whose subject or object is one of ``iris``, from the indexes."""
        import pyoxigraph

        g = pyoxigraph.NamedNode(graph_iri)
        out: set[tuple[str, str, str]] = set()
        for iri in iris:
            node = pyoxigraph.NamedNode(iri)
            for q in (*self.match(node, None, None, g), *self.match(None, None, node, g)):
                out.add((str(q.subject), str(q.predicate), str(q.object)))
        return out

    def match(self, subject: Any = None, predicate: Any = None, obj: Any = None, graph: Any = None) -> Iterator[Any]:
        """Yield the quads matching a pattern of pyoxigraph terms (``None`` matches anything), straight from the
        indexes: no SPARQL to parse and plan, for the lookups every ingested article needs."""
        try:
            yield from self._store.quads_for_pattern(subject, predicate, obj, graph)
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"cannot read the store {self.location}: {exc}") from exc

    def graph_ntriples(self, graph_iri: str) -> set[str]:
        """Return the set of triples in ``graph_iri`` as N-Triples lines (for comparisons)."""
        import pyoxigraph

        g = pyoxigraph.NamedNode(graph_iri)
        return {f"{q.subject} {q.predicate} {q.object} ." for q in self._store.quads_for_pattern(None, None, None, g)}

    def graphs(self) -> list[str]:
        """Return the names of the store's named graphs."""
        return sorted(g.value for g in self._store.named_graphs())

    def quads(self) -> Iterator[Any]:
        """Yield every quad of the named graphs (pyoxigraph ``Quad``)."""
        import pyoxigraph

        for q in self._store:
            if not isinstance(q.graph_name, pyoxigraph.DefaultGraph):
                yield q

    def dump(self, out: IO[bytes], fmt: str) -> None:
        """Write every graph to ``out`` as ``fmt`` ("trig" or "nquads")."""
        import pyoxigraph

        rdf_format = {"trig": pyoxigraph.RdfFormat.TRIG, "nquads": pyoxigraph.RdfFormat.N_QUADS}[fmt]
        self._store.dump(out, rdf_format, prefixes=PREFIXES if fmt == "trig" else None)

    def __len__(self) -> int:
        return len(self._store)

    def stream(self, sparql: str) -> QueryStream:
        """Return the answer to ``sparql`` as a stream, with the ontology's prefixes predeclared."""
        import pyoxigraph

        from .sparql import explain_syntax_error

        # Results are lazy: evaluation errors surface while iterating, so the
        # row iterator translates them as well.
        try:
            result = self._store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(explain_syntax_error(sparql, str(exc))) from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {exc}") from exc
        if isinstance(result, pyoxigraph.QueryBoolean):
            return QueryStream("boolean", [], boolean=bool(result))
        if isinstance(result, pyoxigraph.QuerySolutions):
            return QueryStream("select", [v.value for v in result.variables], _guard(list(s) for s in result))
        return QueryStream("triples", ["subject", "predicate", "object"],
                           _guard([t.subject, t.predicate, t.object] for t in result))

    def update(self, sparql: str) -> None:
        """Apply a SPARQL update in one transaction (``kg serve --allow-update``); errors raise QueryError."""
        from .sparql import explain_syntax_error

        try:
            self._store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(explain_syntax_error(sparql, str(exc), update=True)) from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"update failed: {exc}") from exc

    def flush(self) -> None:
        """Write the in-memory tables to disk, and hand the memory freed since back to the system."""
        self._store.flush()
        release_freed_memory()

    def close(self) -> None:
        """Release the store (Oxigraph holds a lock on the folder while open)."""
        if not hasattr(self, "_store"):
            return
        if not self.read_only:
            self._store.flush()
        del self._store

    def __enter__(self) -> Store:
        return self


def _guard(rows: Iterator[list[Any]]) -> Iterator[list[Any]]:
    """Yield ``rows``, turning evaluation errors raised while iterating into :class:`QueryError`."""
    try:
        yield from rows
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from exc


def nquads_to_ntriples(nquads: str, graph_iri: str) -> str:
    """Return the triples of the one graph ``graph_iri`` in ``nquads`` as N-Triples."""
    suffix = f" <{graph_iri}> ."
    if nquads.endswith("\n") and nquads.count("\n") == nquads.count(suffix + "\n"):
        return nquads.replace(suffix + "\n", " .\n")  # every line is in the graph (the usual case): no loop
    # Split on "\n" only: N-Quads leaves form feeds, U+2028 and the like unescaped inside literals.
    return "".join(line[: -len(suffix)] + " .\n" for line in nquads.split("\n") if line.endswith(suffix))


def parse_ntriples(graph_iri: str, ntriples: str) -> list[Any]:
    """Return the triples of ``ntriples``; text that is not N-Triples raises :class:`StoreError`.

    Parsing first means text can never run as part of an update ("} } ; DROP ALL ; ...").
    """
    import pyoxigraph

    try:
        return list(pyoxigraph.parse(ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES))
    except (SyntaxError, ValueError) as exc:
        raise GraphTextError(f"cannot write graph {graph_iri}: not valid N-Triples: {exc}") from exc
