"""The actors a store holds: label, type, aliases, articles, Wikidata id, IRI (``kg actors``).

Each article graph gives an actor a label and a type; the label and type of
the most articles win (ties: the one that sorts first), as in the explorer.
Aliases are every other name the articles used; descriptions ("the company",
"the social media giant": a determiner and no proper-name word) are kept
apart, as they are not names. :func:`find_actor` turns
what a user typed (an IRI, a ``pkid:`` slug, a label or an alias) into one
actor, or says which ones it could be.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.store.stats import ACTOR_VOTES, majority, registry_identity
from kg.vocabulary.namespace import PKID, WD

if TYPE_CHECKING:
    from kg.store.base import GraphStore
    from kg.vocabulary.ontology import Ontology

#: Per article graph, so an actor named or typed differently in a few articles takes what most articles give it.
VOTES_QUERY = ACTOR_VOTES

ARTICLES_QUERY = "SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?e pk:mentionedIn ?g } } GROUP BY ?e"

MENTIONS_QUERY = "SELECT DISTINCT ?e ?m WHERE { GRAPH ?g { ?e pk:mentionedIn ?g ; pk:mention ?m } }"

SAME_AS_QUERY = "SELECT DISTINCT ?e ?same WHERE { GRAPH ?g { ?e pk:mentionedIn ?g ; owl:sameAs ?same } }"


@dataclass(frozen=True)
class StoredActor:
    """One actor as the store knows it."""

    iri: str
    label: str
    type: str
    aliases: tuple[str, ...]
    articles: int
    wikidata: tuple[str, ...] = ()   # Q-ids
    descriptions: tuple[str, ...] = ()   # what the articles called it that is not a name ("the company")

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)

    def to_json(self) -> dict[str, Any]:
        """Return the actor as one entry of ``kg actors --format json``."""
        return {"label": self.label, "type": self.type, "aliases": list(self.aliases),
                "descriptions": list(self.descriptions), "articles": self.articles,
                "wikidata": list(self.wikidata), "iri": self.iri}


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})


def is_description(mention: str) -> bool:
    """Return True for a mention that describes rather than names: no capital letter or digit after a leading
    determiner ("the company", "the social media giant", "its regulator"), where a name has one ("the European
    Commission", "4chan")."""
    words = mention.split()
    rest = words[1:] if words and words[0].lower() in _DETERMINERS else words
    return bool(rest) and not any(ch.isupper() or ch.isdigit() for w in rest for ch in w)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def values(var: str, iris: Iterable[str]) -> str:
    """Return a SPARQL ``VALUES`` clause binding ``?var`` to each IRI of ``iris``."""
    return f"VALUES ?{var} {{ {' '.join(f'<{iri}>' for iri in iris)} }}"


def stored_actors(st: GraphStore, iris: Collection[str] | None = None) -> list[StoredActor]:
    """Return every actor mentioned in an article graph of ``st`` (or those of ``iris``: each with what every
    article says of it), most articles first, then by label."""
    from kg.vocabulary.ontology import load_ontology

    def ask(query: str) -> list[list[Any]]:
        if iris is None:
            return st.query(query).rows
        return st.query(query.replace("WHERE {", "WHERE { " + values("e", iris), 1)).rows if iris else []

    classes = load_ontology().classes
    votes: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for e, typ, label, n in ask(VOTES_QUERY):
        if _local(typ) in classes:
            votes[e][(_local(typ), label)] += int(n)
    articles = {e: int(n) for e, n in ask(ARTICLES_QUERY)}
    mentions: dict[str, set[str]] = defaultdict(set)
    for e, m in ask(MENTIONS_QUERY):
        mentions[e].add(m)
    wikidata: dict[str, set[str]] = defaultdict(set)
    for e, same in ask(SAME_AS_QUERY):
        if str(same).startswith(str(WD)):
            wikidata[e].add(str(same)[len(str(WD)):])
    out = []
    for iri, n in articles.items():
        if votes.get(iri):
            cls, label = majority(votes[iri], registry_identity(iri))
        else:
            cls, label = "Organisation", _local(iri)
        other_labels = {lab for _, lab in votes.get(iri, {})}
        said = (mentions.get(iri, set()) | other_labels) - {label}
        descriptions = {m for m in said if is_description(m)}
        aliases = tuple(sorted(said - descriptions, key=str.casefold))
        out.append(StoredActor(iri, label, cls, aliases, n, tuple(sorted(wikidata.get(iri, ()))),
                               tuple(sorted(descriptions, key=str.casefold))))
    out.sort(key=lambda a: (-a.articles, a.label.casefold(), a.iri))
    return out


def list_actors(st: GraphStore, *, types: frozenset[str] | None = None, match: str | None = None) -> list[StoredActor]:
    """Return the store's actors of ``types`` (all if None) whose label, an alias or IRI contains ``match``."""
    key = (match or "").strip().casefold()
    out = []
    for a in stored_actors(st):
        if types is not None and a.type not in types:
            continue
        if key and not any(key in text.casefold() for text in (*a.names, a.iri, *a.wikidata)):
            continue
        out.append(a)
    return out


def find_actor(actors: list[StoredActor], name: str) -> StoredActor:
    """Return the one actor ``name`` stands for: its IRI, ``pkid:`` slug, label or alias; raise InputError."""
    text = name.strip()
    by_iri = {a.iri: a for a in actors}
    for iri in (text, str(PKID) + text.removeprefix("pkid:")):
        if iri in by_iri:
            return by_iri[iri]
    key = text.casefold()
    for matches in ([a for a in actors if a.label.casefold() == key],
                    [a for a in actors if any(x.casefold() == key for x in a.aliases)]):
        if len(matches) == 1:
            return matches[0]
        if matches:
            listing = "; ".join(f"{a.label} ({a.type}, {a.articles} articles, {a.iri})" for a in matches[:8])
            raise InputError(f"'{name}' names {len(matches)} actors: {listing}. Give the IRI instead")
    close = difflib.get_close_matches(text, sorted({n for a in actors for n in a.names}), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise InputError(f"no actor named '{name}' in the store{hint} (`kg actors --match TEXT` lists them)")


def registry_actor(name: str) -> StoredActor | None:
    """Return the registry actor (built-in or user) whose IRI, label or alias is ``name``, if exactly one is."""
    from kg.vocabulary.ontology import load_ontology

    actors = load_ontology().actors
    text = name.strip()
    for iri in (text, str(PKID) + text.removeprefix("pkid:")):
        if iri in actors:
            found = [actors[iri]]
            break
    else:
        key = text.casefold()
        found = [a for a in actors.values() if any(n.casefold() == key for n in a.names)]
    if len(found) != 1:
        return None
    a = found[0]
    return StoredActor(a.iri, a.label, a.type, tuple(a.alt_labels), 0,
                       tuple(s[len(str(WD)):] for s in a.same_as if s.startswith(str(WD))))


def _titled(name: str, names: Iterable[str], ont: Ontology) -> bool:
    """Return True for a name that is another of ``names`` after a title or an honorific ("President Erdogan"
    beside "Erdogan", "Prime Minister Ada Vos" beside "Ada Vos"): how a text names the actor, not a name of its own
    for a registry to match."""
    words, known = name.split(), {n.casefold() for n in names}
    return any(" ".join(words[k:]).casefold() in known and (
        k == 1 and words[0].lower() in ont.honorifics or ont.role_for(" ".join(words[:k]).lower()) is not None)
        for k in range(1, len(words)))


def actors_csv(actors: list[StoredActor]) -> str:
    """Return ``actors`` as CSV text: label, type, aliases (``;``-separated), articles, wikidata, iri, descriptions;
    a registry file as it is (:mod:`kg.curation.registry_files` reads past articles and descriptions).

    So that feeding it back changes nothing, a registry actor's aliases are its registry names (the names the
    articles used are what matched them); another actor's are the names the articles used, but for those
    another actor also bears (a registry name stands for one actor, and the store cannot tell which is meant).
    """
    import csv
    import io

    from kg.vocabulary.ontology import load_ontology

    ont = load_ontology()
    registry = ont.actors
    bearers: Counter[str] = Counter(n.casefold() for a in actors for n in {x.casefold() for x in a.names})
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["label", "type", "aliases", "articles", "wikidata", "iri", "descriptions"])
    for a in actors:
        known = registry.get(a.iri)
        if known is not None:
            aliases = [n for n in known.names if n.casefold() != a.label.casefold()]
        else:
            aliases = [n for n in a.aliases if bearers[n.casefold()] == 1 and not _titled(n, a.names, ont)]
        w.writerow([a.label, a.type, "; ".join(aliases), a.articles, "; ".join(a.wikidata), a.iri,
                    "; ".join(a.descriptions)])
    return buf.getvalue()
