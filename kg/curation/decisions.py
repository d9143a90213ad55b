"""Curation decisions: merge two actors, or split names off one; kept as data, applied to every article graph.

A decision is a node of its own named graph, :data:`DECISIONS_GRAPH`, with
who made it (``pk:decidedBy``), when (``prov:endedAtTime``) and why
(``pk:reason``). Two kinds:

- **merge** (``pk:Merge``): the absorbed IRI B is the kept actor A. In a
  graph naming B, every B becomes A; B's label becomes a mention of A, and A
  takes the decision's label and type where the graph has none of its own.
- **split** (``pk:Split``): the IRI A stood for two actors, told apart by a
  name. In a graph where A is mentioned by one of the moved names (any case),
  A becomes the other actor N, labelled as the decision says, without A's
  ``owl:sameAs`` links. Graphs that never use those names keep A.

Both are functions from one article graph to another, so the same rule
serves twice: :func:`record` rewrites every stored graph the decision
touches (each graph's change in one transaction), and ingest applies every
recorded decision, oldest first, to each new graph before it is written
(:func:`apply_all`), so a re-extracted article keeps the decision.
"""

from __future__ import annotations

import datetime
import getpass
import hashlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.curation.pending import mark_pending
from kg.errors import CurationError
from kg.vocabulary.namespace import OWL, PK, PKID, PROV, RDF, RDFS, XSD

if TYPE_CHECKING:
    from kg.curation.actors import StoredActor
    from kg.store.base import GraphStore

DECISIONS_GRAPH = "https://policy-kg.org/graph/decisions"

#: Graphs rewritten between flushes of the store's in-memory tables to disk (as the ingest writer does).
FLUSH_EVERY = 25
DECISION_NS = "https://policy-kg.org/decision/"

_TYPE, _LABEL, _SAME_AS, _MENTION = str(RDF.type), str(RDFS.label), str(OWL.sameAs), str(PK.mention)
_MENTIONED_IN = str(PK.mentionedIn)


@dataclass(frozen=True)
class Decision:
    """One recorded merge or split."""

    iri: str
    kind: str                   # "merge" or "split"
    actor: str                  # merge: the kept IRI; split: the IRI names are taken from
    other: str                  # merge: the absorbed IRI; split: the IRI they go to
    label: str                  # the label the resulting actor takes where a graph gives none
    type: str | None            # its class name (merge), None to keep the graph's (split)
    names: tuple[str, ...]      # split: the moved names
    by: str
    when: str                   # xsd:dateTime
    why: str | None = None

    def touches(self, ntriples: str) -> bool:
        """Return True when the graph ``ntriples`` may change under the decision (a quick text test)."""
        return f"<{self.other if self.kind == 'merge' else self.actor}>" in ntriples

    def apply(self, triples: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
        """Return the triples (N-Triples terms) of one article graph with the decision applied."""
        return _merge(self, triples) if self.kind == "merge" else _split(self, triples)

    def to_json(self) -> dict[str, Any]:
        """Return the decision as one entry of ``kg decisions --format json``."""
        out: dict[str, Any] = {"iri": self.iri, "kind": self.kind, "when": self.when, "by": self.by}
        if self.kind == "merge":
            out.update(keeps=self.actor, absorbs=self.other)
        else:
            out.update(splits_from=self.actor, into=self.other, names=list(self.names))
        out.update(label=self.label, why=self.why)
        return out

    def describe(self) -> str:
        """Return the decision in one line of words."""
        if self.kind == "merge":
            return f"merged {_short(self.other)} into {_short(self.actor)} ({self.label})"
        names = ", ".join(repr(n) for n in self.names)
        return f"split {names} off {_short(self.actor)} into {_short(self.other)} ({self.label})"


def _short(iri: str) -> str:
    return "pkid:" + iri[len(str(PKID)):] if iri.startswith(str(PKID)) else iri


def _lit(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def _text(term: str) -> str | None:
    """Return the text of an N-Triples literal term (None for an IRI)."""
    import pyoxigraph

    if not term.startswith('"'):
        return None
    (t,) = pyoxigraph.parse(f"<x:s> <x:p> {term} .", format=pyoxigraph.RdfFormat.N_TRIPLES)
    return str(t.object.value)


def _merge(d: Decision, triples: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    keep, gone = f"<{d.actor}>", f"<{d.other}>"
    if not any(gone in (s, o) for s, _, o in triples):
        return triples
    out: set[tuple[str, str, str]] = set()
    for s, p, o in triples:
        if s == gone and p == f"<{_LABEL}>":
            out.add((keep, f"<{_MENTION}>", o))   # the name the article used stays a mention
            continue
        if s == gone and p == f"<{_TYPE}>":
            continue
        out.add((keep if s == gone else s, p, keep if o == gone else o))
    if not any(s == keep and p == f"<{_LABEL}>" for s, p, _ in out):
        out.add((keep, f"<{_LABEL}>", _lit(d.label)))
    if d.type and not any(s == keep and p == f"<{_TYPE}>" for s, p, _ in out):
        out.add((keep, f"<{_TYPE}>", f"<{PK}{d.type}>"))
    return out


def _split(d: Decision, triples: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    node, new = f"<{d.actor}>", f"<{d.other}>"
    moved = {n.casefold() for n in d.names}
    names = [_text(o) for s, p, o in triples if s == node and p in (f"<{_MENTION}>", f"<{_LABEL}>")]
    if not any(n is not None and n.casefold() in moved for n in names):
        return triples
    out: set[tuple[str, str, str]] = set()
    for s, p, o in triples:
        if s == node and p in (f"<{_LABEL}>", f"<{_SAME_AS}>"):
            continue   # A's label and links out are A's, not the other actor's
        out.add((new if s == node else s, p, new if o == node else o))
    if not any(s == new and p == f"<{_LABEL}>" for s, p, _ in out):
        out.add((new, f"<{_LABEL}>", _lit(d.label)))
    return out


def _parse(ntriples: str) -> set[tuple[str, str, str]]:
    import pyoxigraph

    return {(str(t.subject), str(t.predicate), str(t.object))
            for t in pyoxigraph.parse(ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES)}


def _serialise(triples: set[tuple[str, str, str]]) -> str:
    return "".join(f"{s} {p} {o} .\n" for s, p, o in sorted(triples))


def apply_all(decisions: list[Decision], ntriples: str) -> str:
    """Return the article graph ``ntriples`` with ``decisions`` applied in order (unchanged text if none touch it)."""
    todo = [d for d in decisions if d.touches(ntriples)]
    if not todo:
        return ntriples
    triples = _parse(ntriples)
    for d in decisions:   # all of them, in order: a later one may act on what an earlier one made
        triples = d.apply(triples)
    return _serialise(triples)


# ---------------------------------------------------------------- the decisions graph

DECISIONS_QUERY = f"""
SELECT ?d ?kind ?actor ?other ?label ?type ?name ?by ?when ?why WHERE {{
  GRAPH <{DECISIONS_GRAPH}> {{
    {{ ?d a pk:Merge ; pk:keeps ?actor ; pk:absorbs ?other . BIND("merge" AS ?kind) }}
    UNION {{ ?d a pk:Split ; pk:splitsFrom ?actor ; pk:into ?other . BIND("split" AS ?kind)
             OPTIONAL {{ ?d pk:movesName ?name }} }}
    ?d pk:actorLabel ?label ; pk:decidedBy ?by ; prov:endedAtTime ?when .
    OPTIONAL {{ ?d pk:actorType ?type }}
    OPTIONAL {{ ?d pk:reason ?why }}
  }}
}}"""


def read_decisions(st: GraphStore) -> list[Decision]:
    """Return the decisions recorded in ``st``, oldest first."""
    rows: dict[str, dict[str, Any]] = {}
    for d, kind, actor, other, label, typ, name, by, when, why in st.query(DECISIONS_QUERY).rows:
        row = rows.setdefault(d, {"iri": d, "kind": kind, "actor": actor, "other": other, "label": label,
                                  "type": str(typ).rsplit("#", 1)[-1] if typ else None, "names": set(),
                                  "by": by, "when": when, "why": why})
        if name:
            row["names"].add(name)
    out = [Decision(**{**r, "names": tuple(sorted(r["names"]))}) for r in rows.values()]
    out.sort(key=lambda d: (decision_time(d.when), d.iri))
    return out


def decision_ntriples(d: Decision) -> str:
    s = f"<{d.iri}>"
    lines = [f"{s} <{_TYPE}> <{PK.Merge if d.kind == 'merge' else PK.Split}> ."]
    if d.kind == "merge":
        lines += [f"{s} <{PK.keeps}> <{d.actor}> .", f"{s} <{PK.absorbs}> <{d.other}> ."]
    else:
        lines += [f"{s} <{PK.splitsFrom}> <{d.actor}> .", f"{s} <{PK.into}> <{d.other}> ."]
        lines += [f"{s} <{PK.movesName}> {_lit(n)} ." for n in d.names]
    lines.append(f"{s} <{PK.actorLabel}> {_lit(d.label)} .")
    if d.type:
        lines.append(f"{s} <{PK.actorType}> <{PK}{d.type}> .")
    lines += [f"{s} <{PK.decidedBy}> {_lit(d.by)} .",
              f"{s} <{PROV.endedAtTime}> \"{d.when}\"^^<{XSD.dateTime}> ."]
    if d.why:
        lines.append(f"{s} <{PK.reason}> {_lit(d.why)} .")
    return "\n".join(lines) + "\n"




def rewrite(st: GraphStore, d: Decision) -> int:
    """Apply ``d`` to every stored article graph it touches; return how many changed.

    A decision changes only triples naming its two IRIs (:meth:`Decision.apply` passes every other triple
    through), so each graph's change is read and written as those triples alone, in one transaction
    (:meth:`~kg.store.base.GraphStore.change_graph`). The graphs are first marked for the corpus pass
    (:mod:`~kg.curation.corpus_pass`) with the names the decision may take out of them, then changed one at a time,
    the store flushed to disk every :data:`FLUSH_EVERY` graphs.
    """
    from kg.curation.actors import values

    target = d.other if d.kind == "merge" else d.actor
    graphs = sorted({str(g) for pattern in (f"<{target}> ?p ?o", f"?s ?p <{target}>")
                     for (g,) in st.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {pattern} }} }}").rows}
                    - {DECISIONS_GRAPH})
    articles = sorted({str(g) for i in range(0, len(graphs), 400) for (g,) in st.query(
        f"SELECT ?g WHERE {{ {values('g', graphs[i:i + 400])} GRAPH ?g {{ ?g a pk:Article }} }}").rows})
    if not articles:
        return 0
    # What the graphs lose is the decision's own IRIs (the absorbed actor, or the split one's names): the pass
    # reads every other actor where it still is.
    former = [(str(e), str(n)) for prop in ("rdfs:label", "pk:mention") for e, n in st.query(
        f"SELECT DISTINCT ?e ?n WHERE {{ {values('e', [d.actor, d.other])} GRAPH ?g {{ ?e {prop} ?n }} }}").rows]
    mark_pending(st, articles, former)
    st.flush()
    changed = 0
    iris = (d.actor, d.other)
    for g in articles:
        before = st.triples_naming(g, iris)
        after = d.apply(before)
        if after != before:
            st.change_graph(g, _lines(before - after), _lines(after - before))
            changed += 1
            if changed % FLUSH_EVERY == 0:
                st.flush()   # as the ingest writer does: memory stays flat however many graphs change
    return changed


def _lines(triples: set[tuple[str, str, str]]) -> list[str]:
    return [f"{s} {p} {o} ." for s, p, o in sorted(triples)]


def decision_time(text: str) -> datetime.datetime:
    t = datetime.datetime.fromisoformat(text)
    return t if t.tzinfo else t.replace(tzinfo=datetime.UTC)


# ---------------------------------------------------------------- making decisions


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="microseconds")


def current_user() -> str:
    """Return who is deciding: ``KG_USER``, else the login name, else "unknown"."""
    try:
        return os.environ.get("KG_USER") or getpass.getuser()
    except (OSError, KeyError):   # no login name (a container without a passwd entry)
        return "unknown"


def _iri(*parts: str) -> str:
    return DECISION_NS + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def merge_decision(keep: StoredActor, absorb: StoredActor, *, why: str | None = None, by: str | None = None,
                   when: str | None = None) -> Decision:
    """Return the decision that ``absorb`` is the actor ``keep``."""
    if keep.iri == absorb.iri:
        raise CurationError(f"'{keep.label}' and '{absorb.label}' are one actor already ({keep.iri})")
    when = when or _now()
    return Decision(_iri("merge", keep.iri, absorb.iri, when), "merge", keep.iri, absorb.iri, keep.label, keep.type,
                    (), by or current_user(), when, why)


def split_decision(actor: StoredActor, names: list[str], *, into: str | None = None,
                   existing: StoredActor | None = None, why: str | None = None, by: str | None = None,
                   when: str | None = None) -> Decision:
    """Return the decision that articles calling ``actor`` by one of ``names`` mean another actor.

    That actor is ``existing`` if given, else a new one labelled ``into``
    (default: the first name), its IRI minted from the label.
    """
    from kg.sources.article import slug

    known = {n.casefold(): n for n in actor.names}
    wrong = [n for n in names if n.casefold() not in known]
    if not names or wrong:
        raise CurationError(f"'{actor.label}' is not called {', '.join(repr(w) for w in wrong) or 'anything'} in "
                            f"the store; its names are {', '.join(repr(n) for n in actor.names)}")
    if {n.casefold() for n in names} >= set(known):
        raise CurationError(f"every name of '{actor.label}' would move: nothing would stay on {actor.iri}; "
                            "name fewer, or merge it into another actor with `kg merge`")
    if existing is not None:
        label, target = existing.label, existing.iri
    else:
        label = (into or known[names[0].casefold()]).strip()
        target = str(PKID[slug(label)])
    if target == actor.iri:
        raise CurationError(f"the split actor would have the IRI of '{actor.label}' ({target}); give --into "
                            "another label")
    when = when or _now()
    moved = tuple(sorted({known[n.casefold()] for n in names}))
    return Decision(_iri("split", actor.iri, target, *moved, when), "split", actor.iri, target, label, None, moved,
                    by or current_user(), when, why)
