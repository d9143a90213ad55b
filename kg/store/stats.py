"""Store statistics: articles, actors by type, statements by relation, and the date range."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.store.base import ONTOLOGY_GRAPH

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


def store_stats(store: GraphStore) -> Stats:
    """Return the statistics of ``store`` (actors counted once each, under every type they were given)."""
    out = Stats()
    rows = store.query("SELECT (COUNT(DISTINCT ?a) AS ?n) (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE { "
                       "?a a pk:Article . OPTIONAL { ?a dcterms:date ?d } }").rows
    if rows:
        out.articles = int(rows[0][0] or 0)
        out.first_date, out.last_date = rows[0][1], rows[0][2]
    for cls, n in store.query("SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e pk:mentionedIn ?a ; a ?class . "
                              f"GRAPH <{ONTOLOGY_GRAPH}> {{ ?class rdfs:subClassOf pk:Actor }} }} "
                              "GROUP BY ?class ORDER BY DESC(?n) ?class").rows:
        out.actors_by_type[_local(cls)] = int(n)
    for rel, n in store.query("SELECT ?p (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a pk:Statement ; rdf:predicate ?p }"
                              " GROUP BY ?p ORDER BY DESC(?n) ?p").rows:
        out.statements_by_relation[_local(rel)] = int(n)
    out.statements = sum(out.statements_by_relation.values())
    return out
