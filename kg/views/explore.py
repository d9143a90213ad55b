"""The explorer's data: every statement read from the store, the view filters, and the ego network.

:func:`read_corpus` reads the store through SPARQL alone (``store.query``),
so it works with any store that answers SPARQL. It returns a
:class:`Corpus`: actors (label, type, aliases), articles (title, date,
source, url), and one :class:`Statement` per extracted fact with its
sentence, rule, confidence, modality and negation.

:class:`Filters` is one view of it, the same filters the explorer page
offers; :func:`select` applies them and returns the visible edges, one per
(subject, object) pair with every statement behind it. The page's
JavaScript (``kg/views/explorer/explorer.js``) applies the same rules in the same
order, and a browser test checks that the two agree:

1. a statement is shown when its relation, modality (negated statements
   only when asked), confidence and date pass, and both its actors are of a
   shown type; with a date bound set, undated statements are left out;
2. shown statements are grouped into one edge per (subject, object);
   an edge needs statements from at least ``min_articles`` articles;
3. an ego view keeps the actors within ``hops`` edges of the centre and the
   edges between them.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.errors import InputError, OntologyError
from kg.store.stats import majority, registry_identity
from kg.vocabulary.ontology import Ontology, load_ontology

if TYPE_CHECKING:
    from kg.store.base import GraphStore

MODALITIES = ("asserted", "conditional", "hedged", "intended")
ACTOR_NS = "https://policy-kg.org/id/"

# Inside GRAPH: each statement lives in its article's graph, and matching per graph spares the store the
# union of all graphs (twice as fast on Oxigraph at 26,000 statements).
STATEMENTS_QUERY = """
SELECT ?s ?p ?o ?evidence ?article ?date ?rule ?extractor ?confidence ?negated ?modality WHERE { GRAPH ?g {
  ?st a pk:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; pk:evidence ?evidence ;
      pk:article ?article ; pk:confidence ?confidence ; pk:negated ?negated ; pk:modality ?modality .
  OPTIONAL { ?st dcterms:date ?date }
  OPTIONAL { ?st pk:rule ?rule }
  OPTIONAL { ?st pk:extractor ?extractor }
} }
"""

ARTICLES_QUERY = """
SELECT ?article ?id ?title ?date ?source ?url WHERE {
  ?article a pk:Article .
  OPTIONAL { ?article dcterms:identifier ?id }
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article dcterms:date ?date }
  OPTIONAL { ?article dcterms:source ?source }
  OPTIONAL { ?article pk:url ?url }
}
"""

# Per article graph, so that an actor typed or labelled differently in a few
# articles takes the type and label most articles give it (as kg stats and kg actors:
# the registry's graph casts no vote).
ACTORS_QUERY = """
SELECT ?e ?type ?label (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g { ?e pk:mentionedIn ?g ; a ?type ; rdfs:label ?label . }
  FILTER(STRSTARTS(STR(?e), "https://policy-kg.org/id/"))
} GROUP BY ?e ?type ?label
"""

MENTIONS_QUERY = """
SELECT DISTINCT ?e ?mention WHERE {
  ?e pk:mention ?mention .
  FILTER(STRSTARTS(STR(?e), "https://policy-kg.org/id/"))
}
"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Actor:
    """One node: an actor of the ontology's classes."""

    iri: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleInfo:
    """Where statements come from."""

    iri: str
    id: str
    title: str | None
    date: str | None
    source: str | None
    url: str | None


@dataclass(frozen=True)
class Statement:
    """One extracted fact; ``subject``, ``object``, ``article`` and ``sentence`` index the corpus lists."""

    subject: int
    relation: str
    object: int
    article: int
    sentence: int
    date: str | None
    rule: str
    confidence: float
    modality: str
    negated: bool


@dataclass(frozen=True)
class RelationGroup:
    """A family of relations (ontology/relation-groups.ttl)."""

    name: str
    label: str
    color: str
    relations: tuple[str, ...]


@dataclass
class Corpus:
    """Everything the views show, read once from the store."""

    actors: list[Actor]
    articles: list[ArticleInfo]
    sentences: list[str]
    statements: list[Statement]
    index: dict[str, int] = field(default_factory=dict)  # actor IRI -> position in ``actors``

    def __post_init__(self) -> None:
        self.index = {a.iri: i for i, a in enumerate(self.actors)}

    def date_range(self) -> tuple[str | None, str | None]:
        """Return the first and last statement dates (None when no statement is dated)."""
        dates = [s.date for s in self.statements if s.date]
        return (min(dates), max(dates)) if dates else (None, None)


def relation_groups(ont: Ontology | None = None) -> list[RelationGroup]:
    """Return the ontology's relation groups, each with its relations in ontology order."""
    from kg.vocabulary.namespace import PK, RDF, RDFS

    ont = ont or load_ontology()
    g = ont.graph
    groups: dict[str, tuple[str, str, list[str]]] = {}
    for grp in sorted(g.subjects(RDF.type, PK.RelationGroup), key=str):
        name = _local(str(grp)).removeprefix("group-")
        groups[name] = (str(g.value(grp, RDFS.label) or name), str(g.value(grp, PK.color) or "#888888"), [])
    for rel in ont.relations:
        found = [_local(str(o)).removeprefix("group-") for o in g.objects(PK[rel], PK.relationGroup)]
        if len(found) != 1 or found[0] not in groups:
            raise OntologyError(f"relation pk:{rel} needs exactly one pk:relationGroup of a known group "
                                f"(see ontology/relation-groups.ttl); it has {found or 'none'}")
        groups[found[0]][2].append(rel)
    order = ["stance", "interaction", "enforcement", "structure"]
    names = sorted(groups, key=lambda n: (order.index(n) if n in order else len(order), n))
    return [RelationGroup(n, groups[n][0], groups[n][1], tuple(groups[n][2])) for n in names]


def read_corpus(store: GraphStore) -> Corpus:
    """Return every actor, article and statement in ``store``, read through SPARQL."""
    ont = load_ontology()
    votes: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for e, typ, label, n in store.query(ACTORS_QUERY).rows:
        cls = _local(typ)
        if cls in ont.classes:
            votes[e][(cls, label)] += int(n)
    mentions: dict[str, set[str]] = defaultdict(set)
    for e, mention in store.query(MENTIONS_QUERY).rows:
        mentions[e].add(mention)

    articles: list[ArticleInfo] = []
    art_index: dict[str, int] = {}
    for iri, ident, title, date, source, url in sorted(store.query(ARTICLES_QUERY).rows, key=lambda r: r[0]):
        if iri in art_index:
            continue
        art_index[iri] = len(articles)
        articles.append(ArticleInfo(iri, ident or _local(iri), title, date, source, url))

    rows = store.query(STATEMENTS_QUERY).rows
    used = sorted({r[0] for r in rows} | {r[2] for r in rows})
    actors = []
    for iri in used:
        if votes.get(iri):
            # Most articles first; then the registry's, or the class and label that sort first (as kg actors).
            cls, label = majority(votes[iri], registry_identity(iri))
        else:
            cls, label = "Organisation", _local(iri)
        aliases = tuple(sorted(m for m in mentions.get(iri, ()) if m != label))
        actors.append(Actor(iri, label, cls, aliases))
    index = {a.iri: i for i, a in enumerate(actors)}

    sentences: list[str] = []
    sent_index: dict[str, int] = {}
    statements: list[Statement] = []
    for s, p, o, evidence, article, date, rule, extractor, conf, negated, modality in rows:
        if article not in art_index:  # a statement whose article node is missing still has a source
            art_index[article] = len(articles)
            articles.append(ArticleInfo(article, _local(article), None, None, None, None))
        art = art_index[article]
        sid = sent_index.get(evidence)
        if sid is None:
            sid = sent_index[evidence] = len(sentences)
            sentences.append(evidence)
        how = (extractor or "").rsplit("#", 1)[-1]
        statements.append(Statement(
            subject=index[s], relation=_local(p), object=index[o], article=art, sentence=sid,
            date=(date or articles[art].date or None), rule=f"{how}: {rule}" if how and rule else (rule or how),
            confidence=float(conf), modality=modality, negated=negated in ("true", "1", True)))
    statements.sort(key=lambda st: (st.date or "9999", articles[st.article].id, st.sentence, st.subject,
                                    st.relation, st.object))
    return Corpus(actors, articles, sentences, statements)


# ---------------------------------------------------------------- filters


@dataclass
class Filters:
    """One view of the corpus; ``None`` for relations or types means all of them."""

    relations: frozenset[str] | None = None
    types: frozenset[str] | None = None
    modalities: frozenset[str] = frozenset({"asserted"})
    negated: bool = False
    min_confidence: float = 0.0
    min_articles: int = 1
    since: str | None = None
    until: str | None = None
    ego: str | None = None       # actor IRI
    hops: int = 1

    def describe(self, corpus: Corpus | None = None) -> list[str]:
        """Return the filters that narrow the view, in words ("relations: fines, bans")."""
        parts = []
        if self.ego:
            name = corpus.actors[corpus.index[self.ego]].label if corpus and self.ego in corpus.index else self.ego
            parts.append(f"neighbourhood of {name} ({self.hops} hop{'s' if self.hops > 1 else ''})")
        if self.relations is not None:
            parts.append("relations: " + ", ".join(sorted(self.relations)))
        if self.types is not None:
            parts.append("actor types: " + ", ".join(sorted(self.types)))
        if set(self.modalities) != {"asserted"} or self.negated:
            mods = sorted(self.modalities) + (["negated"] if self.negated else [])
            parts.append("modality: " + ", ".join(mods))
        if self.min_confidence > 0:
            parts.append(f"confidence ≥ {self.min_confidence:g}")
        if self.min_articles > 1:
            parts.append(f"≥ {self.min_articles} articles per edge")
        if self.since or self.until:
            parts.append(f"dates {self.since or '…'} to {self.until or '…'}")
        return parts


@dataclass
class Selection:
    """What a view shows: edges keyed by (subject, object) with their statement indices, and the actors."""

    edges: dict[tuple[int, int], list[int]]
    nodes: set[int]
    rings: list[list[int]] = field(default_factory=list)  # ego view: actors 1, 2, ... hops from the centre

    @property
    def statement_count(self) -> int:
        return sum(len(v) for v in self.edges.values())


def statement_passes(corpus: Corpus, st: Statement, f: Filters) -> bool:
    """Return True when one statement passes the statement-level filters (rule 1)."""
    if f.relations is not None and st.relation not in f.relations:
        return False
    if st.modality not in f.modalities or (st.negated and not f.negated):
        return False
    if st.confidence < f.min_confidence - 1e-9:
        return False
    if f.since or f.until:
        if not st.date or (f.since and st.date < f.since) or (f.until and st.date > f.until):
            return False
    if f.types is not None:
        actors = corpus.actors
        if actors[st.subject].type not in f.types or actors[st.object].type not in f.types:
            return False
    return True


def select(corpus: Corpus, f: Filters) -> Selection:
    """Return the edges and actors the filters ``f`` leave visible (rules 1-3 of the module doc)."""
    grouped: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, st in enumerate(corpus.statements):
        if statement_passes(corpus, st, f):
            grouped[(st.subject, st.object)].append(i)
    edges = {k: v for k, v in grouped.items()
             if f.min_articles <= 1 or len({corpus.statements[i].article for i in v}) >= f.min_articles}
    rings: list[list[int]] = []
    if f.ego is not None:
        centre = corpus.index.get(f.ego)
        if centre is None:
            raise InputError(f"no actor {f.ego} in the store")
        adjacent: dict[int, set[int]] = defaultdict(set)
        for s, o in edges:
            adjacent[s].add(o)
            adjacent[o].add(s)
        seen = {centre}
        frontier = [centre]
        for _ in range(f.hops):
            nxt = sorted({n for v in frontier for n in adjacent[v]} - seen)
            if not nxt:
                break
            rings.append(nxt)
            seen.update(nxt)
            frontier = nxt
        edges = {k: v for k, v in edges.items() if k[0] in seen and k[1] in seen}
        nodes = seen
    else:
        nodes = {n for k in edges for n in k}
    return Selection(edges, nodes, rings)


# ---------------------------------------------------------------- reading filter values from a user


def parse_relations(values: Iterable[str], groups: list[RelationGroup]) -> frozenset[str] | None:
    """Return the relations named by ``values`` (relation or group names, comma-separated); None for none given."""
    by_name = {r.lower(): r for g in groups for r in g.relations}
    by_name.update({re.sub(r"\s+", "", r).lower(): r for r in list(by_name.values())})
    by_group = {g.name: g.relations for g in groups}
    chosen: set[str] = set()
    names = [v.strip() for value in values for v in value.split(",") if v.strip()]
    for name in names:
        key = re.sub(r"[\s_-]+", "", name).lower()
        if key in by_group:
            chosen.update(by_group[key])
        elif key in by_name:
            chosen.add(by_name[key])
        else:
            known = sorted({r for g in groups for r in g.relations})
            hint = difflib.get_close_matches(name, known + list(by_group), n=1)
            raise InputError(f"unknown relation '{name}'" + (f" (did you mean '{hint[0]}'?)" if hint else "")
                             + f"; use one of {', '.join(known)}, or a group: {', '.join(by_group)}")
    return frozenset(chosen) if names else None


def parse_types(values: Iterable[str], ont: Ontology | None = None) -> frozenset[str] | None:
    """Return the actor classes named by ``values`` (class names or labels, comma-separated); None for none."""
    ont = ont or load_ontology()
    lookup = {}
    for cls in ont.classes.values():
        lookup[cls.name.lower()] = cls.name
        lookup[re.sub(r"\s+", "", cls.label).lower()] = cls.name
    chosen: set[str] = set()
    names = [v.strip() for value in values for v in value.split(",") if v.strip()]
    for name in names:
        key = re.sub(r"\s+", "", name).lower()
        if key not in lookup:
            raise InputError(f"unknown actor type '{name}'; use one of {', '.join(sorted(ont.classes))}")
        chosen.add(lookup[key])
    return frozenset(chosen) if names else None


def parse_date(value: str | None, *, end: bool = False) -> str | None:
    """Return ``value`` (YYYY, YYYY-MM or YYYY-MM-DD) as a full ISO date, the period's last day with ``end``."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return f"{text}-12-31" if end else f"{text}-01-01"
        if re.fullmatch(r"\d{4}-\d{2}", text):
            first = datetime.date.fromisoformat(f"{text}-01")
            if not end:
                return first.isoformat()
            nxt = first.replace(year=first.year + (first.month == 12), month=first.month % 12 + 1)
            return (nxt - datetime.timedelta(days=1)).isoformat()
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise InputError(f"'{value}' is not a date: write YYYY-MM-DD (or YYYY-MM, or YYYY)") from exc


def find_actor(corpus: Corpus, name: str, *, where: str = "to --ego") -> str:
    """Return the IRI of the actor called ``name`` (label, alias, IRI or slug); raise naming close matches.

    ``where`` says where the user passes the IRI instead when ``name`` names several actors.
    """
    text = name.strip()
    if text in corpus.index:
        return text
    if ACTOR_NS + text in corpus.index:
        return ACTOR_NS + text
    key = text.casefold()
    count = Counter(n for st in corpus.statements for n in (st.subject, st.object))
    for matches in ([a for a in corpus.actors if a.label.casefold() == key],
                    [a for a in corpus.actors if any(x.casefold() == key for x in a.aliases)]):
        if len(matches) == 1:
            return matches[0].iri
        if matches:
            matches.sort(key=lambda a: -count[corpus.index[a.iri]])
            listing = "; ".join(f"{a.label} ({a.type}, {a.iri})" for a in matches[:6])
            raise InputError(f"'{name}' names {len(matches)} actors: {listing}. Pass the IRI {where}")
    names = sorted({a.label for a in corpus.actors} | {x for a in corpus.actors for x in a.aliases})
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise InputError(f"no actor named '{name}' in the store{hint} (`kg query` lists actors: "
                     "SELECT ?label WHERE { ?a rdfs:label ?label })")


def make_filters(*, relations: Iterable[str] = (), types: Iterable[str] = (), since: str | None = None,
                 until: str | None = None, min_confidence: float = 0.0, min_articles: int = 1,
                 include_modal: bool = False, hops: int = 1) -> Filters:
    """Return the :class:`Filters` a user's options name (all but the ego centre); raise InputError on bad values."""
    if not 0.0 <= min_confidence <= 1.0:
        raise InputError(f"minimum confidence {min_confidence} is not between 0 and 1")
    if min_articles < 1:
        raise InputError(f"minimum articles {min_articles} must be 1 or more")
    if hops not in (1, 2, 3):
        raise InputError(f"hops must be 1, 2 or 3, not {hops}")
    first, last = parse_date(since), parse_date(until, end=True)
    if first and last and first > last:
        raise InputError(f"--since {since} is after --until {until}: swap them")
    return Filters(
        relations=parse_relations(relations, relation_groups()),
        types=parse_types(types),
        modalities=frozenset(MODALITIES) if include_modal else frozenset({"asserted"}),
        negated=include_modal, min_confidence=min_confidence, min_articles=min_articles,
        since=first, until=last, hops=hops)
