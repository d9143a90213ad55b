"""The embedded store: an Oxigraph database in a folder on disk (pyoxigraph), one named graph per article.

A batch of graphs is written whole: those the store lacks (new articles) in one transaction, from
text Oxigraph parses itself. The folder is checked before it is opened (:mod:`kg.store.check`).
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from kg.errors import GraphTextError, QueryError, StoreError
from kg.store.base import GraphStore, QueryStream, nquads_to_ntriples, parse_ntriples, store_path
from kg.store.check import check_store_folder, damaged, explain_open_error
from kg.vocabulary.namespace import PREFIXES

log = logging.getLogger(__name__)


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


def write_failure(what: str, exc: BaseException) -> str:
    """Return the one-line message for a failed write to the store, with what to do about it."""
    text = str(exc)
    if getattr(exc, "errno", None) == errno.ENOSPC or "No space left" in text or "ENOSPC" in text:
        return (f"cannot write {what}: the disk is full ({text}); free some space and run the command again "
                "(every article stored so far is whole and is kept; a re-run completes the rest)")
    return f"cannot write {what}: {text}"


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
            raise damaged(self.path, exc) or StoreError(write_failure(f"graph {graph_iri}", exc)) from exc

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
            if next(iter(self.match(None, None, None, node)), None) is None:
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
                raise damaged(self.path, exc) or StoreError(write_failure(f"graph {', '.join(names[:3])}{more}",
                                                                          exc)) from exc
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
            raise StoreError(write_failure(f"graph {graph_iri}", exc)) from exc

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
            raise damaged(self.path, exc) or StoreError(f"cannot read the store {self.location}: {exc}") from exc

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
        try:
            self._store.dump(out, rdf_format, prefixes=PREFIXES if fmt == "trig" else None)
        except RuntimeError as exc:
            raise damaged(self.path, exc) or StoreError(f"cannot read the store {self.location}: {exc}") from exc

    def __len__(self) -> int:
        return len(self._store)

    def stream(self, sparql: str) -> QueryStream:
        """Return the answer to ``sparql`` as a stream, with the ontology's prefixes predeclared."""
        import pyoxigraph

        from kg.store.sparql import explain_syntax_error

        # Results are lazy: evaluation errors surface while iterating, so the
        # row iterator translates them as well.
        try:
            result = self._store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(explain_syntax_error(sparql, str(exc))) from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise damaged(self.path, exc) or QueryError(f"query failed: {exc}") from exc
        if isinstance(result, pyoxigraph.QueryBoolean):
            return QueryStream("boolean", [], boolean=bool(result))
        if isinstance(result, pyoxigraph.QuerySolutions):
            return QueryStream("select", [v.value for v in result.variables],
                               _guard((list(s) for s in result), self.path))
        return QueryStream("triples", ["subject", "predicate", "object"],
                           _guard(([t.subject, t.predicate, t.object] for t in result), self.path))

    def update(self, sparql: str) -> None:
        """Apply a SPARQL update in one transaction (``kg serve --allow-update``); errors raise QueryError."""
        from kg.store.sparql import explain_syntax_error

        try:
            self._store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(explain_syntax_error(sparql, str(exc), update=True)) from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"update failed: {exc}") from exc

    def flush(self) -> None:
        """Write the in-memory tables to disk, and hand the memory freed since back to the system."""
        try:
            self._store.flush()
        except (OSError, RuntimeError) as exc:
            raise damaged(self.path, exc) or StoreError(write_failure(self.location, exc)) from exc
        release_freed_memory()

    def close(self) -> None:
        """Release the store (Oxigraph holds a lock on the folder while open), even when its last write fails."""
        if not hasattr(self, "_store"):
            return
        try:
            if not self.read_only:
                self._store.flush()
        except (OSError, RuntimeError) as exc:
            raise damaged(self.path, exc) or StoreError(write_failure(self.location, exc)) from exc
        finally:
            del self._store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.close()
        except StoreError:
            if exc[0] is None:
                raise
            # The error that stopped the work says what went wrong (a full disk fails the write, then the flush).
            log.debug("closing the store after an error failed too", exc_info=True)


def _guard(rows: Iterator[list[Any]], path: Path) -> Iterator[list[Any]]:
    """Yield ``rows``, turning evaluation errors raised while iterating into :class:`QueryError`."""
    try:
        yield from rows
    except (OSError, ValueError, RuntimeError) as exc:
        raise damaged(path, exc) or QueryError(f"query failed: {exc}") from exc
