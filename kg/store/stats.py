"""Store statistics: articles, actors by type, statements by relation, and the date range."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.store.base import GraphStore


@dataclass
class Stats:
    """What a store holds."""

    articles: int = 0
    statements: int = 0
    first_date: str | None = None
    last_date: str | None = None
    actors_by_type: dict[str, int] = field(default_factory=dict)
    statements_by_relation: dict[str, int] = field(default_factory=dict)

    @property
    def actors(self) -> int:
        return sum(self.actors_by_type.values())


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


#: Per article graph, what it calls each actor and the type it gives it: the votes :func:`actor_identities` counts.
ACTOR_VOTES = """
SELECT ?e ?type ?label (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g { ?e pk:mentionedIn ?g ; a ?type ; rdfs:label ?label . }
} GROUP BY ?e ?type ?label
"""
ACTORS_MENTIONED = "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e pk:mentionedIn ?g } }"


def majority(votes: Counter[tuple[str, str]], registry: tuple[str, str] | None = None) -> tuple[str, str]:
    """Return the (type, label) most articles give an actor; a tie goes to the ``registry``'s own (type, label)
    when it is among the tied, else to the one that sorts first."""
    top = max(votes.values())
    tied = sorted(key for key, n in votes.items() if n == top)
    return registry if registry in tied else tied[0]


def registry_identity(iri: str) -> tuple[str, str] | None:
    """Return the (type, label) the actor registry gives ``iri``, if it is a registry actor."""
    from kg.vocabulary.ontology import load_ontology

    actor = load_ontology().actors.get(iri)
    return (actor.type, actor.label) if actor else None


def actor_identities(store: GraphStore) -> dict[str, tuple[str, str]]:
    """Return each actor an article mentions with its one type and one label: those most articles give it
    (an actor no article types as an actor class: Organisation and its IRI's last part). ``kg stats``,
    ``kg actors`` and the explorer count and show actors so."""
    from kg.vocabulary.ontology import load_ontology

    classes = load_ontology().classes
    votes: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for e, typ, label, n in store.query(ACTOR_VOTES).rows:
        if _local(typ) in classes:
            votes[e][(_local(typ), label)] += int(n)
    return {e: majority(votes[e], registry_identity(e)) if votes.get(e) else ("Organisation", _local(e))
            for (e,) in store.query(ACTORS_MENTIONED).rows}


def store_stats(store: GraphStore) -> Stats:
    """Return the statistics of ``store`` (each actor counted once, under the one type most articles give it)."""
    out = Stats()
    rows = store.query("SELECT (COUNT(DISTINCT ?a) AS ?n) (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE { "
                       "?a a pk:Article . OPTIONAL { ?a dcterms:date ?d } }").rows
    if rows:
        out.articles = int(rows[0][0] or 0)
        out.first_date, out.last_date = rows[0][1], rows[0][2]
    counts = Counter(typ for typ, _ in actor_identities(store).values())
    out.actors_by_type = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    for rel, n in store.query("SELECT ?p (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a pk:Statement ; rdf:predicate ?p }"
                              " GROUP BY ?p ORDER BY DESC(?n) ?p").rows:
        out.statements_by_relation[_local(rel)] = int(n)
    out.statements = sum(out.statements_by_relation.values())
    return out
