"""The embedded store: an Oxigraph database in a folder on disk (pyoxigraph), one named graph per article.

A batch of graphs is written whole: those the store lacks (new articles) in one transaction, from
text Oxigraph parses itself. The folder is checked before it is opened (:mod:`kg.store.check`), and its data
files against their checksums (:mod:`kg.store.checksums`).

Oxigraph's own default graph holds the merge of the article graphs, kept in step with them on every
write: a triple goes in with the first article that gives it and leaves with the last. Queries read it
as their default graph, so the ontology, registry and curation graphs stay out of counts, and a fact
given by four articles comes back once. (Oxigraph's union default graph would take in every named
graph; naming the thousands of article graphs instead costs one index scan per graph per pattern.)
"""

from __future__ import annotations

import errno
import io
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from kg.errors import GraphTextError, QueryError, StoreError
from kg.store.base import (
    ARTICLE_GRAPH_PREFIX,
    ARTICLES_GRAPH,
    Dataset,
    GraphStore,
    QueryStream,
    is_article_graph,
    nquads_to_ntriples,
    parse_ntriples,
    store_path,
)
from kg.store.check import check_store_folder, damaged, explain_open_error, rebuild_hint
from kg.store.checksums import record_written, verify_store
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


def _checked_tables(path: Path, read_only: bool) -> set[str]:
    """Return the names of the data files of the store folder ``path`` once they are found to match their checksums
    (:mod:`kg.store.checksums`); a damaged one raises :class:`StoreError` naming it, before the store is opened."""
    check_store_folder(path, read_only=read_only)
    if not path.is_dir():
        return set()
    problem, tables = verify_store(path)
    if problem is not None:
        raise StoreError(f"the store at {path} is damaged (a data file does not match its checksums: {problem}); "
                         f"{rebuild_hint(path)}")
    return tables


def _remove_cut_bulk_writes(path: Path) -> None:
    """Remove the files of a bulk write a crash cut short (Oxigraph names them ``bulk-*.sst``; RocksDB never lists
    them), once this process holds the store's lock: no other process is writing them then."""
    for orphan in path.glob("bulk-*.sst"):
        orphan.unlink(missing_ok=True)


class Store(GraphStore):
    """An Oxigraph store on disk (the embedded backend)."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        self.path = store_path(path)
        self.location = str(self.path)
        self.read_only = read_only
        self._tables = _checked_tables(self.path, read_only)
        self._store = _open_embedded(self.path, read_only)
        if not read_only:
            _remove_cut_bulk_writes(self.path)
        self._union = False   # True: a store written before the default graph was kept (read-only: read the union)
        if self._lacks_default_graph():
            if read_only:
                log.warning("the store %s predates the articles' default graph: reading the union of every graph "
                            "(the ontology and registry included); open it once for writing (`kg ingest` with "
                            "nothing new) to bring it up to date", self.location)
                self._union = True
            else:
                self._fill_default_graph()

    def _lacks_default_graph(self) -> bool:
        """Return True when the store holds article graphs but its default graph is empty (an older store)."""
        import pyoxigraph

        if next(iter(self._store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())), None) is not None:
            return False
        return any(is_article_graph(g.value) for g in self._store.named_graphs())

    def _fill_default_graph(self) -> None:
        log.info("copying the article graphs of %s into its default graph (once)", self.location)
        try:
            self._store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                               f"FILTER(STRSTARTS(STR(?g), \"{ARTICLE_GRAPH_PREFIX}\")) }}")
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"cannot bring the store {self.location} up to date: {exc}") from exc

    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        """Replace the named graph ``graph_iri`` with the N-Triples ``ntriples``, atomically (an article's graph: its
        triples in the default graph as well)."""
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in parse_ntriples(graph_iri, ntriples))
        update = f"DROP SILENT GRAPH <{graph_iri}> ;\nINSERT DATA {{ GRAPH <{graph_iri}> {{\n{body}\n}} }}"
        if is_article_graph(graph_iri):
            update = f"{_LEAVING_DEFAULT.format(g=graph_iri, prefix=ARTICLE_GRAPH_PREFIX)} ;\n{update}"
            if body:
                update += f" ;\nINSERT DATA {{\n{body}\n}}"
        try:
            self._store.update(update)
        except (OSError, SyntaxError, ValueError, RuntimeError) as exc:
            raise damaged(self.path, exc) or StoreError(write_failure(f"graph {graph_iri}", exc)) from exc

    def replace_graphs(self, graphs: Sequence[tuple[str, str]], *, bulk: bool = False) -> None:
        """Replace each named graph of ``graphs``, pairs (graph IRI, its quads as N-Quads), each graph whole.

        The graphs that hold nothing yet (a new article's) are added together
        in one transaction, all of them or none: their triples go to Oxigraph
        as one TriG text, each graph's block naming it (so no line can land in
        another graph), made as Oxigraph reads it and parsed there with no
        Python object per quad. With
        ``bulk`` that text goes to Oxigraph's bulk loader, still all or none:
        it writes sorted data files and hands them to RocksDB in one step,
        with no in-memory tables or log to write first (about 2.5 times less
        CPU per quad for ingest, and RocksDB then merges one file per batch
        rather than one per flush). A graph that holds quads is replaced on
        its own, as by :meth:`replace_graph`. Lines naming another graph are
        left out; nothing is written when any text is not valid.
        """
        import pyoxigraph

        fresh: dict[str, str] = {}
        used: list[tuple[str, str]] = []
        for iri, nquads in graphs:
            if iri in fresh or any(iri == u for u, _ in used):
                # The same graph twice: what comes before must be written before it is replaced again.
                self._write(fresh, used, bulk=bulk)
                fresh, used = {}, []
            try:
                node = pyoxigraph.NamedNode(iri)
            except ValueError as exc:
                raise GraphTextError(f"cannot write graph {iri}: not an IRI ({exc})") from exc
            if next(iter(self.match(None, None, None, node)), None) is None:
                fresh[iri] = nquads   # turned into the store's text as it is read (_write)
            else:
                ntriples = nquads_to_ntriples(nquads, iri)
                parse_ntriples(iri, ntriples)  # every text is checked before anything is written
                used.append((iri, ntriples))
        self._write(fresh, used, bulk=bulk)

    def _write(self, fresh: dict[str, str], used: list[tuple[str, str]], *, bulk: bool = False) -> None:
        """Add the triples of the graphs ``fresh`` (IRI: N-Quads; holding nothing yet) in one transaction; replace
        those ``used`` (IRI, N-Triples)."""
        import pyoxigraph

        if fresh:
            names = sorted(fresh)
            more = f" and {len(names) - 3} more" if len(names) > 3 else ""
            try:
                if bulk:
                    self._store.bulk_load(_TrigReader(fresh), pyoxigraph.RdfFormat.TRIG)
                else:
                    self._store.load(_TrigReader(fresh), pyoxigraph.RdfFormat.TRIG)
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
        body, gone = {}, ""
        for name, lines in (("DELETE", remove), ("INSERT", add)):
            triples = parse_ntriples(graph_iri, "".join(f"{line}\n" for line in lines))
            if triples:
                body[name] = " ".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
            if triples and name == "DELETE":
                gone = " ".join(f"({t.subject} {t.predicate} {t.object})" for t in triples)
        if not body:
            return
        ops = [f"{op} DATA {{ GRAPH <{graph_iri}> {{ {text} }} }}" for op, text in body.items()]
        if is_article_graph(graph_iri):
            if gone:   # a triple leaves the default graph when no article graph holds it any more
                ops.insert(1, f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{ {gone} }} "
                              f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} "
                              f"FILTER(STRSTARTS(STR(?h), \"{ARTICLE_GRAPH_PREFIX}\")) }} }}")
            if "INSERT" in body:
                ops.append(f"INSERT DATA {{ {body['INSERT']} }}")
        try:
            self._store.update(" ; ".join(ops))
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
        try:
            return {f"{q.subject} {q.predicate} {q.object} ."
                    for q in self._store.quads_for_pattern(None, None, None, g)}
        except (OSError, RuntimeError) as exc:
            raise damaged(self.path, exc) or StoreError(f"cannot read the store {self.location}: {exc}") from exc

    def graphs(self) -> list[str]:
        """Return the names of the store's named graphs."""
        try:
            return sorted(g.value for g in self._store.named_graphs())
        except (OSError, RuntimeError) as exc:
            # A read-only reader whose files a writer's compaction removed meanwhile: one clear error, not a trace.
            raise damaged(self.path, exc) or StoreError(f"cannot read the store {self.location}: {exc}") from exc

    def quads(self) -> Iterator[Any]:
        """Yield every quad of the named graphs (pyoxigraph ``Quad``)."""
        import pyoxigraph

        for q in self._store:
            if not isinstance(q.graph_name, pyoxigraph.DefaultGraph):
                yield q

    def dump(self, out: IO[bytes], fmt: str) -> None:
        """Write every named graph to ``out`` as ``fmt`` ("trig" or "nquads"); the default graph repeats the
        articles' triples and is left out."""
        import pyoxigraph

        rdf_format = {"trig": pyoxigraph.RdfFormat.TRIG, "nquads": pyoxigraph.RdfFormat.N_QUADS}[fmt]
        try:
            pyoxigraph.serialize(self.quads(), out, rdf_format, prefixes=PREFIXES if fmt == "trig" else None)
        except RuntimeError as exc:
            raise damaged(self.path, exc) or StoreError(f"cannot read the store {self.location}: {exc}") from exc

    def __len__(self) -> int:
        """Return the number of quads in the named graphs (the default graph repeats the articles')."""
        import pyoxigraph

        default = sum(1 for _ in self._store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))
        return len(self._store) - default

    def stream(self, sparql: str, *, dataset: Dataset | None = None) -> QueryStream:
        """Return the answer to ``sparql`` as a stream, with the ontology's prefixes predeclared.

        The dataset is ``dataset`` if given, else the query's FROM and FROM
        NAMED clauses, else the articles' default graph and every named graph.
        """
        import pyoxigraph

        from kg.store.sparql import explain_syntax_error, query_dataset

        if dataset is None:
            dataset = query_dataset(sparql)
        if self._union and dataset is None:
            options: dict[str, Any] = {"use_default_graph_as_union": True}
        else:
            options = self._dataset_options(dataset or Dataset())
        # Results are lazy: evaluation errors surface while iterating, so the
        # row iterator translates them as well.
        try:
            result = self._store.query(sparql, prefixes=PREFIXES, **options)
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

    def _dataset_options(self, dataset: Dataset) -> dict[str, Any]:
        """Return pyoxigraph's ``default_graph`` and ``named_graphs`` for ``dataset``; a graph the store does not
        hold raises :class:`QueryError` (it would answer nothing, silently)."""
        import pyoxigraph

        def node(iri: str) -> Any:
            if iri == ARTICLES_GRAPH:
                return pyoxigraph.DefaultGraph()
            try:
                named = pyoxigraph.NamedNode(iri)
            except ValueError as exc:
                raise QueryError(f"<{iri}> is not an IRI: name a graph of the store") from exc
            if not self._store.contains_named_graph(named):
                raise QueryError(f"this store has no graph <{iri}>: `kg query \"SELECT DISTINCT ?g WHERE {{ GRAPH ?g "
                                 f"{{ }} }}\"` lists them (<{ARTICLES_GRAPH}> names the articles' default graph)")
            return named

        default = [node(iri) for iri in dataset.default]
        options: dict[str, Any] = {"default_graph": default[0] if len(default) == 1 else default}
        if dataset.named is not None:
            options["named_graphs"] = [node(iri) for iri in dataset.named if iri != ARTICLES_GRAPH]
        return options

    def update(self, sparql: str) -> None:
        """Apply a SPARQL update in one transaction (``kg serve --allow-update``), then bring the default graph in
        step with the article graphs; errors raise QueryError."""
        from kg.store.sparql import explain_syntax_error

        try:
            self._store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(explain_syntax_error(sparql, str(exc), update=True)) from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"update failed: {exc}") from exc
        # An update may change any graph: the default graph is brought back to the merge of the article graphs
        # (a pass over the store; what an update writes into the default graph itself does not stay).
        try:
            self._store.update(_RESYNC_DEFAULT.format(prefix=ARTICLE_GRAPH_PREFIX))
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"the update was applied but the default graph of {self.location} could not follow it: "
                             f"{exc}; send any update again (the default graph is rebuilt after each)") from exc

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
        if not self.read_only:
            record_written(self.path, self._tables)  # what RocksDB wrote here is whole: the next open need not read it

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

#: Takes out of the default graph the triples of article graph {g} that no other article graph holds.
_LEAVING_DEFAULT = ("DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} "
                    "FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} "
                    "FILTER(?h != <{g}> && STRSTARTS(STR(?h), \"{prefix}\")) }} }}")


_RESYNC_DEFAULT = ("DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} "
                   "FILTER(STRSTARTS(STR(?g), \"{prefix}\")) }} }} ;\n"
                   "INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{prefix}\")) }}")


class _TrigReader(io.RawIOBase):
    """The graphs ``fresh`` (IRI: N-Quads) as one TriG text, read as a file: each graph's block naming it (so no line
    can land in another graph), then the article graphs' triples again in the default graph.

    The text is made an article at a time as Oxigraph reads it, never held
    whole: a batch's text and its N-Triples copies cost some 45 MB per 400
    articles when joined into one string first, beside the N-Quads they are
    made from.
    """

    def __init__(self, fresh: dict[str, str]) -> None:
        super().__init__()
        self._blocks = self._text(fresh)
        self._chunk = memoryview(b"")

    @staticmethod
    def _text(fresh: dict[str, str]) -> Iterator[bytes]:
        for iri, nquads in fresh.items():
            ntriples = nquads_to_ntriples(nquads, iri)
            if ntriples:
                yield f"<{iri}> {{\n{ntriples}}}\n".encode()
        for iri, nquads in fresh.items():
            ntriples = nquads_to_ntriples(nquads, iri) if is_article_graph(iri) else ""
            if ntriples:
                yield f"{{\n{ntriples}}}\n".encode()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._chunk:
            block = next(self._blocks, None)
            if block is None:
                return 0
            self._chunk = memoryview(block)
        n = min(len(buffer), len(self._chunk))
        buffer[:n] = self._chunk[:n]
        self._chunk = self._chunk[n:]
        return n


def _guard(rows: Iterator[list[Any]], path: Path) -> Iterator[list[Any]]:
    """Yield ``rows``, turning evaluation errors raised while iterating into :class:`QueryError`."""
    try:
        yield from rows
    except (OSError, ValueError, RuntimeError) as exc:
        raise damaged(path, exc) or QueryError(f"query failed: {exc}") from exc
