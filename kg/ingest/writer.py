"""The one writer thread: article graphs and their provenance into the store, in order."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kg.curation.pending import former_names, mark_pending, pending_graph
from kg.errors import GraphTextError
from kg.ingest.identity import PK, Job
from kg.store.base import nt_string

if TYPE_CHECKING:
    from kg.curation.decisions import Decision
    from kg.store.base import GraphStore


#: Articles written between flushes of the store's in-memory tables to disk.
FLUSH_EVERY = 200
#: New articles gathered into one write, at most: the embedded store writes them as files of its own, sorted,
#: beside the others (no in-memory tables, no log), and RocksDB merges every second such write into the rest of
#: its index, reading and writing that index whole (while it is under 512 MB it is kept in one level): the
#: fewer the writes, the less the merging costs as the store grows.
BATCH_ARTICLES = 2000
#: N-Quads, in characters, gathered into one write at most: what a write costs in memory goes with its quads
#: (Oxigraph's bulk loader takes some 900 bytes a quad while it sorts them; some 200 bytes of N-Quads), not
#: with its articles, and one long document holds as many quads as hundreds of news items. 40 million is some
#: 800 articles of generated news (benchmarks/corpus.py) and some 350 MB while they are written; writes of 400
#: (160 MB) left RocksDB's merging a fifth of the CPU of ingest at 20,000 articles (make bench-scale).
BATCH_CHARS = 40_000_000
#: Seconds a new article may wait for others to be written with it, so a slow source (pages fetched one by one)
#: still sees its articles stored as it goes; long enough that an ingest at full pace (some 20 articles a second
#: on 2 cores) gathers by count (a deadline of 5 s gave batches of 100, a quarter of the saving).
BATCH_SECONDS = 60.0
#: What the writer's loop takes when the gathered articles are due to be written.
_DUE: tuple[Any, ...] = ("due",)


def provenance(job: Job, fingerprint: str) -> str:
    """Return the N-Quads, in the article's graph, recording its origins, content hash and extraction settings."""
    s = f"<{job.iri}>"
    end = f" {s} .\n"
    lines = [f"{s} <{PK}origin> {nt_string(o)}{end}" for o in sorted(set(job.origins))]
    lines.append(f"{s} <{PK}contentHash> {nt_string(job.content_hash)}{end}")
    if job.read_from:
        lines.append(f"{s} <{PK}readFrom> {nt_string(job.read_from)}{end}")
    lines.append(f"{s} <{PK}extractedWith> {nt_string(fingerprint)}{end}")
    return "".join(lines)


class Writer:
    """The one thread that writes to the store, in the order operations are handed to it.

    A ``write`` operation carries a batch of articles. Batches that follow one
    another are gathered, up to :data:`BATCH_CHARS` characters of N-Quads,
    :data:`BATCH_ARTICLES` articles or :data:`BATCH_SECONDS` seconds, and
    their graphs go to the store in one
    call (:meth:`~kg.store.base.GraphStore.replace_graphs` with ``bulk``: all
    the new ones or none), each graph whole, with the mark that they await
    the corpus pass (:func:`kg.curation.pending.pending_graph`). Any other
    operation waits for the gathered batches to be written first. The store
    checks the text as it loads it; when one graph is not valid RDF (a bug in
    extraction) nothing of the gathered batches is written, and their graphs
    are written again one by one, so that article alone fails.

    ``done`` receives, per article, ``(job, None)`` once it is written,
    ``(job, GraphTextError)`` when its graph was refused (the run goes on),
    or ``(job or None, error)`` for an error that stops the run.
    """

    def __init__(self, st: GraphStore, fingerprint: str, *, depth: int = 64,
                 decisions: Sequence[Decision] = ()) -> None:
        self.st = st
        self.fingerprint = fingerprint
        self.decisions = list(decisions)   # merges and splits recorded in the store (kg.curation.decisions)
        self.ops: queue.Queue[tuple[Any, ...] | None] = queue.Queue(maxsize=depth)
        self.done: queue.Queue[tuple[Job | None, BaseException | None]] = queue.Queue()
        self.error: BaseException | None = None
        self.written = 0  # articles
        self.thread = threading.Thread(target=self._run, name="kg-writer", daemon=True)
        self.thread.start()

    def put(self, op: tuple[Any, ...]) -> None:
        if self.error is not None:
            raise self.error
        self.ops.put(op)

    def close(self) -> None:
        """Wait for every operation handed over to be written."""
        self.ops.put(None)
        self.thread.join()

    def _run(self) -> None:
        gathered: list[tuple[Any, str]] = []   # (job, N-Quads) of the write operations not yet written
        chars = 0   # of their N-Quads
        deadline = 0.0
        while True:
            try:
                wait = max(0.0, deadline - time.monotonic()) if gathered else None
                op = self.ops.get(timeout=wait)
            except queue.Empty:
                op = _DUE
            if op is not None and op[0] == "write" and self.error is None:
                if not gathered:
                    deadline = time.monotonic() + BATCH_SECONDS
                gathered.extend(op[1])
                chars += sum(len(nquads) for _, nquads in op[1])
                if len(gathered) < BATCH_ARTICLES and chars < BATCH_CHARS:
                    continue
                op = _DUE
            if gathered:
                self._carry_out(("write", gathered))
                gathered, chars = [], 0
            if op is None:
                return
            if op is not _DUE:
                self._carry_out(op)

    def _carry_out(self, op: tuple[Any, ...]) -> None:
        """Apply ``op`` and report each of its articles as written, refused, or (on an error) stopping the run."""
        if self.error is not None:
            return  # drain: the run is stopping
        jobs: list[Job | None] = [job for job, _ in op[1]] if op[0] == "write" else [None]
        try:
            refused = self._apply(op)
            before, self.written = self.written, self.written + len(jobs)
            if self.written // FLUSH_EVERY > before // FLUSH_EVERY:
                self.st.flush()  # RocksDB keeps writes in memory tables until flushed: keep memory flat
            for job in jobs:
                self.done.put((job, refused.get(id(job))))
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread, which stops the run
            self.error = exc
            self.done.put((jobs[0], exc))

    def _apply(self, op: tuple[Any, ...]) -> dict[int, GraphTextError]:
        """Carry out ``op``; return the error of each article (by ``id`` of its job) whose graph was refused."""
        kind = op[0]
        if kind == "write":
            former = [row for job, _ in op[1] if job.status == "updated" for row in former_names(self.st, job.iri)]
            pending = pending_graph([job.iri for job, _ in op[1]], former)
            graphs = [(job.iri, self._decided(job.iri, nquads) + provenance(job, self.fingerprint))
                      for job, nquads in op[1]]
            try:
                self.st.replace_graphs([pending, *graphs], bulk=True)  # the new graphs and the mark: all or none
                return {}
            except GraphTextError:
                pass  # nothing of the batch was written: find the article it refuses
            self.st.replace_graphs([pending])
            refused: dict[int, GraphTextError] = {}
            for (job, _), graph in zip(op[1], graphs, strict=True):
                try:
                    self.st.replace_graphs([graph])
                except GraphTextError as exc:
                    refused[id(job)] = exc
            return refused
        elif kind in ("add_origin", "remove_origin"):
            iri, origin = op[1], op[2]
            line = f"<{iri}> <{PK}origin> {nt_string(origin)} ."
            lines = self.st.graph_ntriples(iri)
            if kind == "add_origin":
                lines.add(line)
            else:
                lines.discard(line)
            self.st.replace_graph(iri, "\n".join(sorted(lines)) + "\n")
        elif kind == "drop":
            mark_pending(self.st, [op[1]], former_names(self.st, op[1]))
            self.st.replace_graph(op[1], "")
        return {}

    def _decided(self, graph_iri: str, nquads: str) -> str:
        """Return an article graph's N-Quads with the recorded merges and splits applied."""
        if not self.decisions or not any(d.touches(nquads) for d in self.decisions):
            return nquads
        from kg.curation.decisions import apply_all
        from kg.store.base import nquads_to_ntriples

        ntriples = apply_all(self.decisions, nquads_to_ntriples(nquads, graph_iri))
        return ntriples.replace(" .\n", f" <{graph_iri}> .\n") if ntriples else ""
