"""The corpus teaches the registry: a short name an article uses alone joins the one stored actor it names.

An article that only says "the VDA", or only "Brask", gets an actor of its
own (``pkid:vda``, ``pkid:brask``): the article alone cannot tell whom it
means. The corpus often can. :func:`corpus_links` finds such actors and the
one actor the rest of the store gives that name to:

- an acronym (every name of the actor is one all-capital word, "VDA") joins
  the one actor that another article names both by a full name and by that
  acronym ("the Veltrian Data Authority (VDA)");
- a surname (a person named by one word only, "Brask") joins the one person
  in the store whose full name ends with it ("Oona Brask").

When two or more actors could be meant, nothing is joined. Actors of the
built-in or user registry are never the ones joined away, and a user's
``kg split`` is respected: a name split off an actor is not joined back.

Why after writing, not while reading: an actor learnt from earlier articles
and used while reading later ones would make the IRIs depend on the order
the articles come in ("the VDA" read before the full name would mint
``pkid:vda``, read after would not). Linking instead runs after every ingest
that wrote something, over what the store then holds, so any order gives the
same IRIs. The links are not recorded as decisions: the next ingest derives
them again from what is stored (a re-extracted article is linked again).

What the pass reads grows with what was written, not with the store
(:func:`link_pending`). Whoever writes or rewrites an article graph records,
in the same write, a small graph of its own (:func:`pending_graph`) saying so,
with the actors and names a replaced graph held before. A link can only
appear where some actor's names or type changed, so the pass takes every name
of the actors those graphs hold or held, and asks the store, name by name and
through its indexes, for every actor that name could be; the one search with
no index (people whose full name ends with a surname) scans the labels, and
only for surnames some person goes by alone. Links found are applied, their
rewrites recorded the same way, and the pass runs again until nothing waits;
then the bookkeeping graphs are dropped. A run killed before that leaves
them for the next one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from kg.store.base import nt_string

if TYPE_CHECKING:
    from kg.curation.actors import StoredActor
    from kg.curation.decisions import Decision
    from kg.store.base import GraphStore

log = logging.getLogger(__name__)

_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,6}")
_WORD = re.compile(r"[A-Z][a-z'’-]+")


def _strip(name: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", name.strip())


def corpus_links(actors: list[StoredActor], registry: set[str],
                 decisions: Sequence[Decision] = ()) -> list[tuple[StoredActor, StoredActor]]:
    """Return (short-named actor, the actor it names) pairs: each short name names exactly one other actor."""
    split_off = {(d.actor, n.casefold()) for d in decisions if d.kind == "split" for n in d.names}
    split_into = {d.other for d in decisions if d.kind == "split"}
    by_name: dict[str, list[StoredActor]] = {}      # a name -> the actors also named in full
    by_surname: dict[str, list[StoredActor]] = {}   # a surname -> the people with a full name ending with it
    for x in actors:
        if any(len(n.split()) > 1 for n in x.names):
            for n in {_strip(n) for n in x.names}:
                by_name.setdefault(n, []).append(x)
        if x.type == "Person" and len(x.label.split()) > 1:
            by_surname.setdefault(x.label.split()[-1], []).append(x)
    out = []
    for y in actors:
        if y.iri in registry or y.iri in split_into:
            continue
        names = {_strip(n) for n in y.names}
        if len(names) != 1:
            continue
        (name,) = names
        if _ACRONYM.fullmatch(name):
            found = [x for x in by_name.get(name, ()) if x.iri != y.iri]
        elif y.type == "Person" and _WORD.fullmatch(name):
            found = [x for x in by_surname.get(name, ()) if x.iri != y.iri]
        else:
            continue
        if len(found) == 1 and (found[0].iri, name.casefold()) not in split_off:
            out.append((y, found[0]))
    return out


#: Bookkeeping graphs of the corpus pass are named with this prefix (and a random part).
_CHUNK = 400   # IRIs or names per query


def link_pending(st: GraphStore) -> list[tuple[str, str]]:
    """Run the corpus pass over the article graphs written since it last ran; return (joined, kept) IRIs."""
    done: list[tuple[str, str]] = []
    while True:
        marks: set[str] = set()
        graphs: set[str] = set()
        actors: set[str] = set()
        names: set[str] = set()
        for p, g, actor, name in st.query(
                "SELECT ?p ?g ?a ?n WHERE { GRAPH ?p { { ?g pk:awaitsLinking ?t } UNION { ?g pk:formerActor ?a } "
                "UNION { ?g pk:formerName ?n } } }").rows:
            marks.add(str(p))
            if actor is not None:
                actors.add(str(actor))
            elif name is not None:
                names.add(str(name))
            else:
                graphs.add(str(g))
        if not marks:
            return done
        done += _link(st, graphs, actors, names)
        for p in marks:
            st.replace_graph(p, "")


def link_corpus(st: GraphStore) -> list[tuple[str, str]]:
    """Run the corpus pass over every article graph of ``st``; return (joined, kept) IRIs."""
    graphs = {str(g) for (g,) in st.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a pk:Article } }").rows}
    done = _link(st, graphs, set(), set())
    return done + link_pending(st)


def _keys(names: Iterable[str]) -> tuple[set[str], set[str]]:
    """Return the acronyms and the surnames a link could turn on, from actors' names."""
    acronyms: set[str] = set()
    surnames: set[str] = set()
    for n in names:
        name = _strip(n)
        words = name.split()
        if len(words) == 1 and _ACRONYM.fullmatch(name):
            acronyms.add(name)
        elif words and _WORD.fullmatch(words[-1]):
            surnames.add(words[-1])   # a short name itself, or the end of a full one
    return acronyms, surnames


def _literals(keys: Iterable[str]) -> str:
    return " ".join(nt_string(form) for k in keys for form in (k, f"the {k}", f"The {k}"))


def _link(st: GraphStore, graphs: set[str], former_actors: set[str], former: set[str]) -> list[tuple[str, str]]:
    """Join the short-named actors whose candidates may have changed with ``graphs`` (now holding, or having held,
    ``former_actors`` and the names ``former``); return (joined, kept) IRIs."""
    from kg.curation.actors import stored_actors, values
    from kg.curation.decisions import merge_decision, read_decisions, rewrite
    from kg.vocabulary.ontology import load_ontology

    registry = set(load_ontology().actors)
    decisions = read_decisions(st)
    seen: set[str] = set()
    links: dict[str, tuple[StoredActor, StoredActor]] = {}

    def names_of(actors: list[str]) -> set[str]:
        out: set[str] = set()
        for part in _chunks(actors):
            for prop in ("rdfs:label", "pk:mention"):   # one pattern each: both read the subject index
                out.update(str(n) for (n,) in st.query(
                    f"SELECT DISTINCT ?n WHERE {{ {values('e', part)} GRAPH ?g {{ ?e {prop} ?n }} }}").rows)
        return out

    alone: dict[str, str] = {}   # a person named by a surname alone -> the surname

    def weigh(names: set[str]) -> None:
        acronyms, surnames = _keys(names)
        keys = sorted((acronyms | surnames) - seen)
        seen.update(keys)
        for part in _chunks(keys):
            found = {str(e) for prop in ("rdfs:label", "pk:mention") for (e,) in st.query(
                f"SELECT DISTINCT ?e WHERE {{ VALUES ?n {{ {_literals(part)} }} GRAPH ?g {{ ?e {prop} ?n }} }}").rows}
            actors = stored_actors(st, found)
            for a in actors:
                own = {_strip(n) for n in a.names}
                if a.type == "Person" and len(own) == 1 and own <= surnames:
                    alone[a.iri] = own.pop()   # weighed once every full name it could stand for is known
            for y, x in corpus_links([a for a in actors if a.iri not in alone], registry, decisions):
                links[y.iri] = (y, x)

    read: set[str] = set()   # actors whose names were read already (one in many articles is read once)
    for part in _chunks(sorted(graphs)):
        touched = {str(e) for (e,) in st.query(
            f"SELECT DISTINCT ?e WHERE {{ {values('g', part)} GRAPH ?g {{ ?e pk:mentionedIn ?g }} }}").rows} - read
        read |= touched
        weigh(names_of(sorted(touched)))
    weigh(names_of(sorted(former_actors - read)) | former)
    if alone:   # who in the store has a full name ending with one of those surnames? (no index: one scan)
        pattern = "|".join(sorted(set(alone.values())))
        full = {str(e) for (e,) in st.query(
            "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e rdfs:label ?l } "
            f'FILTER(REGEX(?l, "\\\\s(?:{pattern})$")) }}').rows}
        for y, x in corpus_links(stored_actors(st, full | set(alone)), registry, decisions):
            links[y.iri] = (y, x)

    done: list[tuple[str, str]] = []
    for y, x in sorted(links.values(), key=lambda pair: pair[0].iri):
        d = merge_decision(x, y, by="policy-kg", why="the corpus names one actor so", when="1970-01-01T00:00:00Z")
        if rewrite(st, d):
            log.info("linked %s to %s (%s)", y.iri, x.iri, x.label)
            done.append((y.iri, x.iri))
    return done


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]
