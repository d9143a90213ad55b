"""Identity: per article, whether it is unchanged, a duplicate, or extracted under which id (:class:`Planner`)."""

from __future__ import annotations

import hashlib
import os
from array import array
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.ingest.extraction import Settings
from kg.ingest.report import Outcome
from kg.sources.article import Article, readable_id, short_hash
from kg.store.base import nt_string

if TYPE_CHECKING:
    from kg.store.base import GraphStore


PK = "https://policy-kg.org/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"




def settings_fingerprint(settings: Settings) -> str:
    """Return what ``pk:extractedWith`` records: extractor version, model and options."""
    from kg.curation.registry_files import registry_key
    from kg.extraction.model import model_name
    from kg.extraction.pipeline import EXTRACTOR_VERSION

    disabled = ",".join(sorted(settings.disabled)) or "-"
    registry = f" registry={registry_key(settings.actors)}" if settings.actors else ""
    return f"{EXTRACTOR_VERSION} model={model_name(settings.model)} disabled={disabled} " \
           f"min_confidence={settings.min_confidence:g}{registry}"


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
    read_from: str | None = None     # the file's absolute path, for an origin that is a path (see Planner.plan)


@dataclass
class _Stored:
    iri: str
    content_hash: str | None
    settings: str | None
    origins: set[str]
    read_from: set[str] = field(default_factory=set)


class Planner:
    """Decides, per article, what to do with it: skip, record as a duplicate, or extract under which id."""

    def __init__(self, st: GraphStore, settings: Settings, *, force: bool) -> None:
        from kg.store.load import article_iri

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
  UNION {{ GRAPH ?a {{ ?a pk:origin {nt_string(origin)} ; pk:readFrom ?o }} BIND("from" AS ?kind) }}
  UNION {{ GRAPH ?a {{ ?a pk:contentHash {nt_string(chash)} }} BIND("hash" AS ?kind) }}
  UNION {{ GRAPH <{iri}> {{ <{iri}> a pk:Article . OPTIONAL {{ <{iri}> pk:origin ?o }} }}
           BIND(<{iri}> AS ?a) BIND("id" AS ?kind) }}
}}""")  # constants, not VALUES: Oxigraph scans every graph for "VALUES ?a {...} GRAPH ?a {...}"
        own: _Stored | None = None
        same_text: str | None = None
        at_iri: _Stored | None = None
        read_from: set[str] = set()
        for kind, a, h, w, o in rows:
            if kind == "origin":
                own = own or _Stored(a, h, w, set())
                if o:
                    own.origins.add(o)
            elif kind == "from":
                read_from.add(o)
            elif kind == "hash":
                same_text = same_text or a
            elif kind == "id":
                at_iri = at_iri or _Stored(a, None, None, set())
                if o:
                    at_iri.origins.add(o)
        if own is not None:
            own.read_from = read_from
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
                own = _Stored(a.value, hashes[0], next(iter(values(a, p_with)), None), set(),
                              set(values(a, NamedNode(f"{PK}readFrom"))))
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
        # A path origin is relative to the folder given, so report.txt of folder a/ and of folder b/, ingested in
        # two runs, have one origin: a different file must not replace the article silently.
        here = os.path.abspath(article.path) if article.path and _is_path_origin(origin) else None
        keep_iri: str | None = None
        # The stored paths of this origin (a graph holding several origins' copies of one text records the path of
        # the one it was read from).
        theirs = sorted(p for p in own.read_from if Path(p).as_posix().endswith(f"/{origin}")) if own else []
        if own is not None and own.content_hash != chash and here and theirs and here not in theirs:
            there = theirs[0]
            return None, Outcome("failed", loc, None, origin, reason=(
                f"its origin {origin} already names the article read from {there}, a different file with a "
                "different text; nothing was replaced. Ingest from the folders' common parent so each keeps its "
                f"own path (kg ingest {os.path.commonpath([here, there])}), or rename one of the files"))
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
        if article.path and _is_path_origin(article_origin(job)):
            job.read_from = os.path.abspath(article.path)
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


def _is_path_origin(origin: str) -> bool:
    """Return True for an origin that is a file's path (not a URL, a record's ``#id=`` or ``#sha256=``, stdin)."""
    return "#" not in origin and "://" not in origin and origin != "stdin"


def article_origin(job: Job) -> str:
    return job.article.origin or job.article.location


def _id(iri: str) -> str:
    from kg.store.load import article_iri

    return iri.removeprefix(str(article_iri("")))
