"""Ingest at corpus scale: articles streamed in, parsed in parallel, written by one writer, each outcome reported.

The flow, for every article the reader yields:

1. **identity** (main process): its origin (URL, relative path, ``file#id``)
   and content hash are looked up in the store. Same origin and same hash:
   *unchanged*, skipped (unless ``force``). Same text under another origin:
   a *duplicate*, stored once with both origins recorded. Otherwise it gets an
   id (its readable slug, or the slug and a hash of its origin when another
   article holds the slug) and goes on, *new* or *updated*.
2. **extraction** (a pool of ``workers`` processes, or in-process for one):
   batches of articles are parsed with ``nlp.pipe`` (a long text in chunks cut
   at paragraph ends, joined back into one ``Doc``), analysed, and turned into
   N-Quads. A failing article fails alone; a crashed worker is replaced.
3. **writing** (one writer thread): each article's graph replaces the old one
   in one transaction (the new articles of a batch are added in one), with its
   provenance (``pk:origin``, ``pk:contentHash``, ``pk:extractedWith``).

Memory stays bounded: the reader streams, at most a few batches are in
flight, per run only an 8-byte digest of each origin seen is kept (to catch one
origin given twice with different texts), and spaCy's vocabulary may grow by
:data:`VOCAB_BUDGET` strings, after which each batch is parsed in a memory zone. Outcomes go to a callback (progress
bar, report file) as they happen, not into a list.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import queue
import re
import threading
import time
from array import array
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

from .errors import KGError, ModelError, OntologyError
from .fetch import FetchOptions
from .read import MAX_CHARS, Article, Fields, ReadProblem, readable_id, short_hash
from .store import nquads_to_ntriples  # noqa: F401 - importable from here, as before

if TYPE_CHECKING:
    from .store import GraphStore

log = logging.getLogger(__name__)

#: Characters per parse: spaCy refuses texts over ``nlp.max_length`` (1,000,000) and its memory grows with length.
CHUNK_CHARS = 100_000
BATCH_SIZE = 16
#: New strings spaCy may keep in its vocabulary per process (about 0.5 KB each, so some 50 MB) before every batch
#: is parsed in a memory zone that frees them. Zones cost a fifth of the parse (spaCy's tokenizer caches nothing
#: inside one and every new word is made again per batch), so they start only when this is spent: memory stays
#: bounded, and a corpus whose words fit parses as fast as ``nlp.pipe`` alone.
VOCAB_BUDGET = 100_000
#: Articles written between flushes of the store's in-memory tables to disk.
FLUSH_EVERY = 200
PK = "https://policy-kg.org/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# ---------------------------------------------------------------- settings, outcomes, report


@dataclass(frozen=True)
class Settings:
    """What extraction needs in a worker process (picklable)."""

    model: str | None = None
    disabled: tuple[str, ...] = ()
    min_confidence: float = 0.0
    chunk_chars: int = CHUNK_CHARS


@dataclass
class Outcome:
    """What happened to one article (or one input that yielded none)."""

    status: str          # new, updated, unchanged, duplicate, failed, warning
    location: str        # path, path:line, archive record or URL
    id: str | None = None
    origin: str | None = None
    triples: int = 0
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the outcome as one entry of the ``--report`` file."""
        out: dict[str, Any] = {"status": self.status, "location": self.location}
        for key in ("id", "origin", "reason"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.status in ("new", "updated"):
            out["triples"] = self.triples
        return out


@dataclass
class IngestReport:
    """What ``ingest`` did: counts by outcome, and every failure and warning with its reason."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    triples: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)    # (location, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (location, message)
    seconds: float = 0.0

    @property
    def stored(self) -> int:
        """Return how many article graphs were written (new and updated)."""
        return self.new + self.updated

    @property
    def ok(self) -> bool:
        return not self.failed

    def count(self, outcome: Outcome) -> None:
        """Add ``outcome`` to the counts."""
        if outcome.status == "new":
            self.new += 1
        elif outcome.status == "updated":
            self.updated += 1
        elif outcome.status == "unchanged":
            self.unchanged += 1
        elif outcome.status == "duplicate":
            self.duplicates += 1
        elif outcome.status == "failed":
            self.failed.append((outcome.location, outcome.reason or "failed"))
        elif outcome.status == "warning":
            self.warnings.append((outcome.location, outcome.reason or ""))
        self.triples += outcome.triples

    @property
    def articles(self) -> int:
        """Return how many articles were seen (every outcome but warnings)."""
        return self.new + self.updated + self.unchanged + self.duplicates + len(self.failed)


# ---------------------------------------------------------------- extraction (runs in the workers)


def split_for_parser(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Return ``text`` cut into pieces of at most ``limit`` characters, at paragraph ends where possible.

    A paragraph longer than ``limit`` is cut at sentence ends, a sentence
    longer than that at spaces, and a run of text without spaces anywhere.
    """
    if len(text) <= limit:
        return [text]
    pieces = [p for para in re.split(r"\n\s*\n", text)
              for p in ([para] if len(para) <= limit else _split_long(para, limit))]
    return [c for c in _pack(pieces, limit, "\n\n") if c.strip()] or [text[:limit]]


def _pack(pieces: list[str], limit: int, sep: str) -> list[str]:
    """Return ``pieces`` joined with ``sep`` into as few chunks of at most ``limit`` characters as they fit."""
    out: list[str] = []
    current = ""
    for piece in pieces:
        if current and len(current) + len(sep) + len(piece) > limit:
            out.append(current)
            current = ""
        current = f"{current}{sep}{piece}" if current else piece
    if current:
        out.append(current)
    return out


def _split_long(text: str, limit: int) -> list[str]:
    units = re.split(r"(?<=[.!?])\s+", text.strip())
    return _pack([p for u in units for p in ([u] if len(u) <= limit else _split_words(u, limit))], limit, " ")


def _split_words(text: str, limit: int) -> list[str]:
    out: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > limit:
            if current:
                out.append(current)
                current = ""
            out.append(word[:limit])
            word = word[limit:]
        if current and len(current) + 1 + len(word) > limit:
            out.append(current)
            current = ""
        current = f"{current} {word}" if current else word
    if current:
        out.append(current)
    return out


#: One extraction result: (job number, N-Quads or None, triple count, failure reason or None).
Result = tuple[int, str | None, int, str | None]


def extract_batch(items: list[tuple[int, Article]], settings: Settings) -> list[Result]:
    """Return, per (number, article), its graph as N-Quads or the reason it failed.

    Runs in a worker process (or in-process). Errors of one article are
    caught and returned; a missing model or ontology raises, since no article
    could be extracted then.
    """
    from .extract import analyse
    from .ontology import load_ontology
    from .recognise import pipeline

    nlp = pipeline(settings.model)
    ont = load_ontology()
    texts: list[str] = []
    owner: list[int] = []
    limit = max(1000, min(settings.chunk_chars, nlp.max_length - 1)) if hasattr(nlp, "max_length") \
        else settings.chunk_chars
    for i, (_, article) in enumerate(items):
        for chunk in split_for_parser(article.body, limit):
            texts.append(chunk)
            owner.append(i)
    results: list[Result] = []
    with _zone(nlp):  # past the vocabulary budget, strings spaCy adds for this batch are freed after it
        docs = _parse(nlp, texts)
        per_article: list[list[Any]] = [[] for _ in items]
        for i, doc in zip(owner, docs, strict=True):
            per_article[i].append(doc)
        for (n, article), parsed in zip(items, per_article, strict=True):
            failure = next((d for d in parsed if isinstance(d, BaseException)), None)
            if failure is not None:
                results.append((n, None, 0, f"the parser failed on this article ({type(failure).__name__}: "
                                            f"{str(failure)[:200]})"))
                continue
            try:
                doc = parsed[0] if len(parsed) == 1 else _join(parsed)
                ex = analyse(article, doc, ont, disabled=settings.disabled, min_confidence=settings.min_confidence)
                results.append((n, graph_nquads(ex), len(ex.triples), None))
            except (ModelError, OntologyError):
                raise  # nothing could be extracted: stop the batch
            except KGError as exc:
                results.append((n, None, 0, str(exc)))
            except Exception as exc:  # noqa: BLE001 - a bug in one rule must not abort the batch
                log.debug("extracting %s failed", article.location, exc_info=True)
                results.append((n, None, 0, f"extraction failed ({type(exc).__name__}: {exc}); this is a bug, "
                                            "please report it"))
    return results


#: Size of each pipeline's string store when this process first used it (by ``id``; pipelines are cached).
_vocab_start: dict[int, int] = {}


def _zone(nlp: Any) -> contextlib.AbstractContextManager[Any]:
    """Return a memory zone for one batch once ``nlp`` has taken :data:`VOCAB_BUDGET` new strings, else nothing."""
    if not hasattr(nlp, "memory_zone"):
        return contextlib.nullcontext()
    strings = len(nlp.vocab.strings)
    start = _vocab_start.setdefault(id(nlp), strings)
    return nlp.memory_zone() if strings - start >= VOCAB_BUDGET else contextlib.nullcontext()


def _parse(nlp: Any, texts: list[str]) -> list[Any]:
    """Return one Doc per text, or the exception parsing that text raised (the others are still parsed)."""
    try:
        return list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    except Exception:  # noqa: BLE001 - find the culprit: parse one by one
        out: list[Any] = []
        for text in texts:
            try:
                out.append(nlp(text))
            except Exception as exc:  # noqa: BLE001
                out.append(exc)
        return out


def _join(docs: list[Any]) -> Any:
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=True)


def graph_nquads(ex: Any) -> str:
    """Return the article graph of an extraction as N-Quads in its named graph (lines sorted)."""
    from .load import article_nquads

    nquads = article_nquads(ex)
    _check_nquads(nquads)
    return nquads


def _check_nquads(nquads: str) -> None:
    """Raise KGError when ``nquads`` would not load: a bug, but one that must cost one article, not the run."""
    import pyoxigraph

    try:
        for _ in pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS):
            pass
    except (SyntaxError, ValueError) as exc:
        raise KGError(f"the article's graph is not valid RDF ({exc}); this is a bug, please report it") from exc


# ---------------------------------------------------------------- identity


def nt_string(text: str) -> str:
    """Return ``text`` as an N-Triples / SPARQL string literal (quotes, backslashes and line ends escaped)."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r"))
    return f'"{escaped}"'


def settings_fingerprint(settings: Settings) -> str:
    """Return what ``pk:extractedWith`` records: extractor version, model and options."""
    from .extract import EXTRACTOR_VERSION
    from .model import model_name

    disabled = ",".join(sorted(settings.disabled)) or "-"
    return f"{EXTRACTOR_VERSION} model={model_name(settings.model)} disabled={disabled} " \
           f"min_confidence={settings.min_confidence:g}"


class DigestSet:
    """A set of 8-byte digests in a sorted array (8 bytes per member), with a small set in front."""

    def __init__(self) -> None:
        self._sorted = array("Q")
        self._recent: set[int] = set()

    @staticmethod
    def digest(text: str) -> int:
        return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")

    def __contains__(self, text: str) -> bool:
        d = self.digest(text)
        if d in self._recent:
            return True
        i = bisect_left(self._sorted, d)
        return i < len(self._sorted) and self._sorted[i] == d

    def add(self, text: str) -> None:
        self._recent.add(self.digest(text))
        if len(self._recent) >= 65_536:
            merged = sorted([*self._sorted, *self._recent])
            self._sorted = array("Q", merged)
            self._recent.clear()


@dataclass
class Job:
    """An article on its way through extraction to the writer."""

    n: int
    article: Article
    iri: str
    content_hash: str
    status: str                      # new or updated
    origins: list[str]
    queued: bool = False             # its write was handed to the writer
    triples: int = 0
    attached: list[Outcome] = field(default_factory=list)  # duplicates waiting on it


@dataclass
class _Stored:
    iri: str
    content_hash: str | None
    settings: str | None
    origins: set[str]


class Planner:
    """Decides, per article, what to do with it: skip, record as a duplicate, or extract under which id."""

    def __init__(self, st: GraphStore, settings: Settings, *, force: bool) -> None:
        from .load import article_iri

        self.st = st
        self.force = force
        self.fingerprint = settings_fingerprint(settings)
        self.article_iri = article_iri
        self.seen = DigestSet()
        self.by_origin: dict[str, Job] = {}
        self.by_hash: dict[str, Job] = {}
        self.by_iri: dict[str, Job] = {}
        self.n = 0

    def _query(self, sparql: str) -> list[list[Any]]:
        return self.st.query(sparql).rows

    def _lookup(self, origin: str, chash: str, iri: str) -> tuple[_Stored | None, str | None, _Stored | None]:
        """Return (the article stored under ``origin``, the article holding text ``chash``, the article at ``iri``)."""
        if hasattr(self.st, "match"):
            return self._lookup_quads(origin, chash, iri)
        return self._lookup_sparql(origin, chash, iri)

    def _lookup_sparql(self, origin: str, chash: str, iri: str) -> tuple[_Stored | None, str | None, _Stored | None]:
        """Return what :meth:`_lookup` returns, by one SPARQL query (any store)."""
        rows = self._query(f"""SELECT ?kind ?a ?h ?w ?o WHERE {{
  {{ GRAPH ?a {{ ?a pk:origin {nt_string(origin)} ; pk:contentHash ?h . OPTIONAL {{ ?a pk:extractedWith ?w }}
               OPTIONAL {{ ?a pk:origin ?o }} }} BIND("origin" AS ?kind) }}
  UNION {{ GRAPH ?a {{ ?a pk:contentHash {nt_string(chash)} }} BIND("hash" AS ?kind) }}
  UNION {{ GRAPH <{iri}> {{ <{iri}> a pk:Article . OPTIONAL {{ <{iri}> pk:origin ?o }} }}
           BIND(<{iri}> AS ?a) BIND("id" AS ?kind) }}
}}""")  # constants, not VALUES: Oxigraph scans every graph for "VALUES ?a {...} GRAPH ?a {...}"
        own: _Stored | None = None
        same_text: str | None = None
        at_iri: _Stored | None = None
        for kind, a, h, w, o in rows:
            if kind == "origin":
                own = own or _Stored(a, h, w, set())
                if o:
                    own.origins.add(o)
            elif kind == "hash":
                same_text = same_text or a
            elif kind == "id":
                at_iri = at_iri or _Stored(a, None, None, set())
                if o:
                    at_iri.origins.add(o)
        return own, same_text, at_iri

    def _lookup_quads(self, origin: str, chash: str, iri: str) -> tuple[_Stored | None, str | None, _Stored | None]:
        """Return what :meth:`_lookup` returns, read from the store's indexes (an embedded store)."""
        from pyoxigraph import Literal, NamedNode

        match = self.st.match  # type: ignore[attr-defined]
        p_origin, p_hash = NamedNode(f"{PK}origin"), NamedNode(f"{PK}contentHash")
        p_with = NamedNode(f"{PK}extractedWith")

        def values(subject: Any, predicate: Any) -> list[str]:
            return [q.object.value for q in match(subject, predicate, None, subject)]

        own: _Stored | None = None
        for q in match(None, p_origin, Literal(origin), None):
            a = q.subject
            if a != q.graph_name:
                continue
            hashes = values(a, p_hash)
            if not hashes:
                continue
            if own is None:
                own = _Stored(a.value, hashes[0], next(iter(values(a, p_with)), None), set())
            own.origins.update(values(a, p_origin))
        same_text = next((q.subject.value for q in match(None, p_hash, Literal(chash), None)
                          if q.subject == q.graph_name), None)
        node = NamedNode(iri)
        at_iri: _Stored | None = None
        if next(match(node, NamedNode(RDF_TYPE), NamedNode(f"{PK}Article"), node), None) is not None:
            at_iri = _Stored(iri, None, None, set(values(node, p_origin)))
        return own, same_text, at_iri

    def _iri_taken(self, iri: str) -> bool:
        if iri in self.by_iri:
            return True
        if hasattr(self.st, "match"):
            from pyoxigraph import NamedNode

            return next(self.st.match(None, None, None, NamedNode(iri)), None) is not None
        return bool(self.st.query(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}").boolean)

    def plan(self, article: Article, ops: Callable[[tuple[Any, ...]], None]) -> tuple[Job | None, Outcome | None]:
        """Return the job to extract ``article`` (or None) and the outcome decided already (or None).

        ``ops`` hands a store operation to the writer (recording a duplicate's
        origin, detaching an origin whose text changed).
        """
        origin = article.origin = article.origin or article.location
        chash = article.content_hash()
        loc = article.location
        if origin in self.seen:
            return None, self._seen_twice(article, origin, chash)
        self.seen.add(origin)
        candidate = self.article_iri(article.id)
        own, same_text, at_iri = self._lookup(origin, chash, str(candidate))
        keep_iri: str | None = None
        if own is not None:
            if own.content_hash == chash:
                if own.settings == self.fingerprint and not self.force:
                    return None, Outcome("unchanged", loc, _id(own.iri), origin)
                return self._job(article, own.iri, chash, "updated", sorted(own.origins | {origin})), None
            if len(own.origins) > 1:  # other sources still hold the old text: leave it to them
                pending = self.by_iri.get(own.iri)
                if pending is not None and not pending.queued and origin in pending.origins:
                    pending.origins.remove(origin)  # its write, still to come, must not bring it back
                else:
                    ops(("remove_origin", own.iri, origin))
            else:
                keep_iri = own.iri
        if same_text is not None and same_text in self.by_iri and self.by_iri[same_text].content_hash != chash:
            same_text = None  # that article's text is being replaced in this run: this one stands alone
        holder = self.by_hash.get(chash)
        if holder is not None or same_text is not None:
            if keep_iri is not None:
                ops(("drop", keep_iri))  # this origin's old text is gone; it now reads as the other article
            if holder is not None:
                out = Outcome("duplicate", loc, _id(holder.iri), origin,
                              reason=f"same text as {holder.article.location}; stored once, both origins recorded")
                if holder.queued:
                    ops(("add_origin", holder.iri, origin))
                    return None, out
                holder.origins.append(origin)
                holder.attached.append(out)
                return None, None  # reported when the holder is written (or fails)
            assert same_text is not None
            ops(("add_origin", same_text, origin))
            return None, Outcome("duplicate", loc, _id(same_text), origin,
                                 reason=f"same text as the stored article {_id(same_text)}; origin recorded")
        if keep_iri is not None:
            return self._job(article, keep_iri, chash, "updated", [origin]), None
        iri = str(candidate)
        if at_iri is not None and not at_iri.origins and iri not in self.by_iri:
            # A graph stored before articles had origins: the same name, adopt it.
            return self._job(article, iri, chash, "updated", [origin]), None
        if at_iri is not None or iri in self.by_iri:
            base = article.id
            for digits in (8, 16, 40):  # another origin holds the readable id: add a hash of this origin
                article.id = readable_id(f"{base}-{short_hash(origin, digits)}", limit=120)
                iri = str(self.article_iri(article.id))
                if not self._iri_taken(iri):
                    break
        return self._job(article, iri, chash, "new", [origin]), None

    def _seen_twice(self, article: Article, origin: str, chash: str) -> Outcome:
        loc = article.location
        job = self.by_origin.get(origin)
        if job is not None:
            earlier_hash, earlier, iri = job.content_hash, job.article.location, job.iri
        else:
            own, _, _ = self._lookup(origin, chash, str(self.article_iri(article.id)))
            if own is None:  # the earlier copy failed: nothing stored under this origin
                return Outcome("failed", loc, None, origin, reason=f"origin {origin} was read twice in this run; "
                               "the first copy failed, so this one was not tried either")
            earlier_hash, earlier, iri = own.content_hash or "", "an earlier input", own.iri
        if earlier_hash == chash:
            return Outcome("unchanged", loc, _id(iri), origin, reason="read twice in this run; stored once")
        return Outcome("failed", loc, None, origin,
                       reason=f"another input of this run ({earlier}) has the same origin {origin} but a different "
                       "text; kept the first. Give the folders' common parent, or ingest them in separate runs")

    def _job(self, article: Article, iri: str, chash: str, status: str, origins: list[str]) -> Job:
        self.n += 1
        article.id = _id(iri)
        job = Job(self.n, article, iri, chash, status, origins)
        self.by_origin[article_origin(job)] = job
        self.by_hash[chash] = job
        self.by_iri[iri] = job
        return job

    def done(self, job: Job) -> None:
        """Forget ``job``: it is written (or failed), so the store answers for it from now on."""
        for table, key in ((self.by_origin, article_origin(job)), (self.by_hash, job.content_hash),
                           (self.by_iri, job.iri)):
            if table.get(key) is job:
                del table[key]


def article_origin(job: Job) -> str:
    return job.article.origin or job.article.location


def _id(iri: str) -> str:
    from .load import article_iri

    return iri.removeprefix(str(article_iri("")))


# ---------------------------------------------------------------- the writer


def provenance(job: Job, fingerprint: str) -> str:
    """Return the N-Quads, in the article's graph, recording its origins, content hash and extraction settings."""
    s = f"<{job.iri}>"
    end = f" {s} .\n"
    lines = [f"{s} <{PK}origin> {nt_string(o)}{end}" for o in sorted(set(job.origins))]
    lines.append(f"{s} <{PK}contentHash> {nt_string(job.content_hash)}{end}")
    lines.append(f"{s} <{PK}extractedWith> {nt_string(fingerprint)}{end}")
    return "".join(lines)


class Writer:
    """The one thread that writes to the store, in the order operations are handed to it.

    A ``write`` operation carries a batch of articles: their graphs go to the
    store in one call (:meth:`~kg.store.GraphStore.replace_graphs`: one
    transaction for the new ones), each graph whole.
    """

    def __init__(self, st: GraphStore, fingerprint: str, *, depth: int = 64) -> None:
        self.st = st
        self.fingerprint = fingerprint
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
        while True:
            op = self.ops.get()
            if op is None:
                return
            if self.error is not None:
                continue  # drain: the run is stopping
            jobs: list[Job | None] = [job for job, _ in op[1]] if op[0] == "write" else [None]
            try:
                self._apply(op)
                before, self.written = self.written, self.written + len(jobs)
                if self.written // FLUSH_EVERY > before // FLUSH_EVERY and hasattr(self.st, "flush"):
                    self.st.flush()  # RocksDB keeps writes in memory tables until flushed: keep memory flat
                for job in jobs:
                    self.done.put((job, None))
            except BaseException as exc:  # noqa: BLE001 - handed to the main thread, which stops the run
                self.error = exc
                self.done.put((jobs[0], exc))

    def _apply(self, op: tuple[Any, ...]) -> None:
        kind = op[0]
        if kind == "write":
            self.st.replace_graphs([(job.iri, nquads + provenance(job, self.fingerprint)) for job, nquads in op[1]])
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
            self.st.replace_graph(op[1], "")


# ---------------------------------------------------------------- executors


class InProcess(Executor):
    """Runs each submitted batch at once, in this process (``--workers 1``)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - delivered through the future, as a pool would
            fut.set_exception(exc)
        return fut


def _init_worker(settings: Settings) -> None:
    """Load the pipeline in a fresh worker (a forked one has it already)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which stops the pool
    from .recognise import pipeline

    pipeline(settings.model)


class ProcessPool:
    """A pool of worker processes that is replaced when one of them dies."""

    def __init__(self, workers: int, settings: Settings) -> None:
        self.workers = workers
        self.settings = settings
        self.pool = self._start()

    def _start(self) -> Executor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        # fork shares the loaded model with the workers; elsewhere each worker loads it.
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(self.settings,))

    def submit(self, items: list[tuple[int, Article]]) -> Future[list[Result]]:
        return self.pool.submit(extract_batch, items, self.settings)

    def rerun_alone(self, items: list[tuple[int, Article]]) -> list[Result]:
        """Return the results of ``items`` one at a time in a fresh pool, after a worker died."""
        from concurrent.futures.process import BrokenProcessPool

        out: list[Result] = []
        for item in items:
            self.restart()
            try:
                out.extend(self.pool.submit(extract_batch, [item], self.settings).result())
            except BrokenProcessPool:
                out.append((item[0], None, 0, "the parser process died on this article (out of memory, or a "
                                              "crash in spaCy); left out, the rest of the batch goes on"))
        self.restart()
        return out

    def restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._start()

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class ClientExecutor:
    """Extraction on any ``concurrent.futures`` executor, such as a Dask client's (see :mod:`kg.distributed`)."""

    def __init__(self, executor: Executor, settings: Settings) -> None:
        self.executor = executor
        self.settings = settings

    def submit(self, items: list[tuple[int, Article]]) -> Future[list[Result]]:
        return self.executor.submit(extract_batch, items, self.settings)

    def rerun_alone(self, items: list[tuple[int, Article]]) -> list[Result]:  # pragma: no cover - Dask retries
        return [(n, None, 0, "the worker running this article's partition died") for n, _ in items]

    def shutdown(self) -> None:
        pass


class Local:
    """In-process extraction behind the executor interface."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.executor = InProcess()

    def submit(self, items: list[tuple[int, Article]]) -> Future[list[Result]]:
        return self.executor.submit(extract_batch, items, self.settings)

    def rerun_alone(self, items: list[tuple[int, Article]]) -> list[Result]:  # pragma: no cover - never breaks
        return extract_batch(items, self.settings)

    def shutdown(self) -> None:
        pass


def default_workers() -> int:
    """Return the number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------- the run


def run(items: Iterable[Article | ReadProblem], *, st: GraphStore, settings: Settings, workers: int = 1,
        force: bool = False, on_outcome: Callable[[Outcome], None] | None = None,
        executor: Executor | None = None, batch_size: int = BATCH_SIZE) -> IngestReport:
    """Ingest the articles ``items`` yields into the open store ``st``; return the report.

    ``executor`` (a ``concurrent.futures`` executor, e.g. a Dask client's)
    replaces the local pool. Errors that stop everything (model, ontology,
    store) raise after what was written so far is complete.
    """
    report = IngestReport()
    start = time.perf_counter()

    def emit(outcome: Outcome) -> None:
        report.count(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    planner = Planner(st, settings, force=force)
    engines: list[Local | ProcessPool | ClientExecutor] = []

    def engine() -> Local | ProcessPool | ClientExecutor:
        """Return the extraction engine, started on first use (a run that only skips never loads the model)."""
        if not engines:
            if executor is not None:
                engines.append(ClientExecutor(executor, settings))
            elif workers > 1:
                from .recognise import pipeline

                pipeline(settings.model)  # load once here: forked workers share it, and a missing model fails fast
                engines.append(ProcessPool(workers, settings))
            else:
                engines.append(Local(settings))
        return engines[0]

    window = 0 if executor is None and workers <= 1 else 2 * max(1, workers)
    writer = Writer(st, planner.fingerprint)
    inflight: deque[tuple[Future[list[Result]], list[Job]]] = deque()

    def confirm(block: bool = False) -> None:
        """Take the writer's confirmations: report written articles, forget them in the planner."""
        while True:
            try:
                job, exc = writer.done.get(block=block, timeout=None if block else 0)
            except queue.Empty:
                return
            if exc is not None:
                raise exc
            if job is not None:
                planner.done(job)
                emit(Outcome(job.status, job.article.location, job.article.id, article_origin(job), job.triples))
                for dup in job.attached:
                    emit(dup)
            if block:
                return

    def collect(fut: Future[list[Result]], jobs: list[Job]) -> None:
        from concurrent.futures.process import BrokenProcessPool

        try:
            results = fut.result()
        except BrokenProcessPool:
            results = engine().rerun_alone([(j.n, j.article) for j in jobs])
        except KGError:
            raise  # from a worker: no model, no ontology
        except Exception as exc:  # noqa: BLE001 - a distributed worker lost for good (KilledWorker), a cancelled task
            lost = f"the worker running this article's partition failed ({type(exc).__name__}: {exc})"
            results = [(j.n, None, 0, lost) for j in jobs]
        by_n = {j.n: j for j in jobs}
        written: list[tuple[Job, str]] = []
        for n, nquads, triples, reason in results:
            job = by_n[n]
            if reason is not None or nquads is None:
                planner.done(job)
                emit(Outcome("failed", job.article.location, None, article_origin(job),
                             reason=reason or "no result"))
                for dup in job.attached:
                    emit(Outcome("failed", dup.location, None, dup.origin,
                                 reason=f"same text as {job.article.location}, which failed: {reason}"))
                continue
            job.triples = triples
            job.queued = True
            written.append((job, nquads))
        if written:
            writer.put(("write", written))
        confirm()

    batch: list[Job] = []

    def submit() -> None:
        nonlocal batch
        if batch:
            inflight.append((engine().submit([(j.n, j.article) for j in batch]), batch))
            batch = []
        while len(inflight) > window:
            collect(*inflight.popleft())

    try:
        for item in items:
            if isinstance(item, ReadProblem):
                emit(Outcome("warning" if item.warning else "failed", item.location, reason=item.reason))
                continue
            job, outcome = planner.plan(item, writer.put)
            if outcome is not None:
                emit(outcome)
            if job is not None:
                batch.append(job)
                if len(batch) >= batch_size:
                    submit()
            confirm()
        submit()
        while inflight:
            collect(*inflight.popleft())
    finally:
        for started in engines:
            started.shutdown()
        writer.close()
    if writer.error is not None:
        raise writer.error
    confirm()
    while not writer.done.empty():
        confirm()
    report.seconds = time.perf_counter() - start
    return report


def ingest_inputs(*, inputs: Iterable[str | os.PathLike[str]], store: str | os.PathLike[str] | None,
                  settings: Settings, workers: int | None = None, force: bool = False,
                  urls_file: str | os.PathLike[str] | None = None, fields: Fields | None = None,
                  input_format: str | None = None, encoding: str | None = None, max_chars: int = MAX_CHARS,
                  fetch_options: FetchOptions | None = None, on_outcome: Callable[[Outcome], None] | None = None,
                  stdin: BinaryIO | None = None, executor: Executor | None = None) -> IngestReport:
    """Open the store and ingest every input: files, folders, ``-``, URLs and feeds, and the URLs in ``urls_file``."""
    from .read import is_url, read_inputs
    from .store import ONTOLOGY_GRAPH, open_store

    names = [os.fspath(x) for x in inputs]
    local = [n for n in names if not is_url(n)]
    urls = [n for n in names if is_url(n)]
    fields = fields or Fields()

    def items() -> Iterator[Article | ReadProblem]:
        yield from read_inputs(local, fields=fields, fmt=input_format, encoding=encoding, max_chars=max_chars,
                               stdin=stdin)
        if urls or urls_file is not None:
            from .fetch import fetch_articles, read_url_file

            listed: Iterable[str | ReadProblem] = urls
            if urls_file is not None:
                listed = [*urls, *read_url_file(urls_file)]
            yield from fetch_articles(listed, options=fetch_options or FetchOptions(), max_chars=max_chars)

    with open_store(store) as st:  # a folder, or a SPARQL endpoint's URL
        store_ontology(st, ONTOLOGY_GRAPH)
        from .distributed import PARTITION

        return run(items(), st=st, settings=settings, workers=workers or default_workers(), force=force,
                   on_outcome=on_outcome, executor=executor,
                   batch_size=BATCH_SIZE if executor is None else PARTITION)


def store_ontology(st: GraphStore, graph_iri: str) -> None:
    """Write the ontology into its own graph (so queries can use class labels and hierarchy)."""
    from .load import to_ntriples
    from .ontology import load_ontology

    end = f" <{graph_iri}> .\n"
    nquads = "".join(line[:-2] + end for line in to_ntriples(load_ontology().graph).split("\n") if line)
    st.replace_graphs([(graph_iri, nquads)])  # a new store takes it without SPARQL to parse
