"""The ontology as Python objects: classes, relations, role titles, lexicon, actors.

Everything here is read from ``ontology/*.ttl``; no word list is repeated in
code. :func:`load_ontology` parses the files once per process and caches the
result.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.errors import OntologyError
from kg.vocabulary.namespace import DCTERMS, PK, PKART, PKID, PKST, PREFIXES, PROV, WD

__all__ = ["DCTERMS", "PK", "PKART", "PKID", "PKST", "PREFIXES", "PROV", "WD", "Actor", "Ontology", "load_ontology",
           "read_ontology", "set_extra_actors"]

#: The installed ontology files are the package data ``kg.ontology_data`` (the
#: checkout's ``ontology/`` folder, mapped in pyproject.toml).
DATA_PACKAGE = "kg.ontology_data"


def ontology_dir() -> Path:
    """Return the folder holding the ontology files (``KG_ONTOLOGY`` overrides the installed ones)."""
    env = os.environ.get("KG_ONTOLOGY")
    if env:
        return Path(env)
    return package_data_dir(DATA_PACKAGE)


def package_data_dir(package: str) -> Path:
    """Return the folder of an installed data package (``kg.ontology_data``, ``kg.saved_queries``)."""
    import importlib.resources

    try:
        return Path(str(importlib.resources.files(package)))
    except ModuleNotFoundError as exc:
        raise OntologyError(f"the package data {package} is not installed: reinstall policy-kg"
                            " (`make setup`, or `pip install` its wheel)") from exc


@dataclass(frozen=True)
class ClassInfo:
    name: str
    label: str
    color: str
    name_cues: tuple[str, ...]
    description_nouns: tuple[str, ...]
    ner_labels: tuple[str, ...]
    organisational: bool = False
    enforcer: bool = False


@dataclass(frozen=True)
class RelationInfo:
    name: str
    label: str
    verbs: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    nouns: tuple[tuple[str, str | None], ...]
    subject_types: frozenset[str]
    object_types: frozenset[str]
    symmetric: bool
    clausal_object: bool
    group: str = ""   # stance, interaction, enforcement, structure
    question_object: bool = False   # "investigate whether X broke the law": the question's subject is the target

    def accepts(self, subject_type: str, object_type: str) -> bool:
        """Return True when the relation's type constraints admit the pair."""
        if self.subject_types and subject_type not in self.subject_types:
            return False
        return not (self.object_types and object_type not in self.object_types)


@dataclass(frozen=True)
class RoleTitle:
    title: tuple[str, ...]
    relation: str
    implies_government: bool
    implies_legislature: bool = False
    holder_class: str | None = None   # a name right before the title is of this class ("Acme CEO Jo Lee")
    organisation_types: frozenset[str] = frozenset()   # the holder sits only in these ("judge": Court)


@dataclass
class Actor:
    iri: str
    label: str
    type: str
    alt_labels: list[str] = field(default_factory=list)
    government: str | None = None
    jurisdiction: str | None = None
    demonym: str | None = None
    seats: tuple[str, ...] = ()           # "Washington": the city that stands for the actor
    executive: str | None = None          # a union's acting body: the EU's Commission
    part_of: str | None = None
    same_as: list[str] = field(default_factory=list)
    member_titles: tuple[str, ...] = ()   # legislatures: "senator", "mp"
    member_nouns: tuple[str, ...] = ()    # parties: "Democrat"
    party_code: str | None = None         # parties: "D" in "(D-CA)"
    owners: tuple[str, ...] = ()          # the registry's background hints: who owns or develops it (pk:ownedBy ...)
    developers: tuple[str, ...] = ()      # of the owners, those who develop it (pk:developedBy)
    administration: str | None = None     # the government a leader heads or headed ("the Trump administration")

    @property
    def names(self) -> list[str]:
        return [self.label, *self.alt_labels]


@dataclass
class Ontology:
    graph: Graph
    classes: dict[str, ClassInfo]
    relations: dict[str, RelationInfo]
    roles: list[RoleTitle]
    lexicon: dict[str, frozenset[str]]
    actors: dict[str, Actor]
    verb_index: dict[str, list[str]] = field(default_factory=dict)
    phrase_index: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    noun_index: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    modified_noun_index: dict[str, dict[str, list[tuple[str, str | None]]]] = field(default_factory=dict)
    description_index: dict[str, list[str]] = field(default_factory=dict)
    government_of: dict[str, str] = field(default_factory=dict)   # country IRI -> its government's IRI
    country_of: dict[str, str] = field(default_factory=dict)      # government IRI -> its country's IRI
    government_by_name: dict[str, str] = field(default_factory=dict)  # country name or demonym -> government IRI
    actor_by_seat: dict[str, str] = field(default_factory=dict)  # "Washington" -> the actor it stands for
    nationalities: dict[str, str] = field(default_factory=dict)  # "Norwegian" -> "Norway" (lexicon-wordnet.ttl)
    places: dict[str, str] = field(default_factory=dict)  # "Lima" -> "Peru" (lexicon-wordnet.ttl, lexicon-places.ttl)

    def __post_init__(self) -> None:
        for rel in self.relations.values():
            for v in rel.verbs:
                self.verb_index.setdefault(v, []).append(rel.name)
            for p in rel.phrases:
                self.phrase_index.setdefault(p[0], []).append((p, rel.name))
            for noun, prep in rel.nouns:
                self.noun_index.setdefault(noun, []).append((rel.name, prep))
                if " " in noun:  # "legal action": the noun "action" with the modifier "legal"
                    modifier, head = noun.rsplit(" ", 1)
                    self.modified_noun_index.setdefault(modifier, {}).setdefault(head, []).append((rel.name, prep))
        for cls in self.classes.values():
            for noun in cls.description_nouns:
                self.description_index.setdefault(noun, []).append(cls.name)
        for actor in self.actors.values():
            for seat in actor.seats:  # a country's capital speaks for its government
                self.actor_by_seat[seat] = actor.government or actor.iri
            if actor.government:
                self.government_of[actor.iri] = actor.government
                self.country_of[actor.government] = actor.iri
                for name in [*actor.names, *([actor.demonym] if actor.demonym else [])]:
                    self.government_by_name.setdefault(name, actor.government)
        # Longest phrases first, so "take legal action against" beats "take".
        for entries in self.phrase_index.values():
            entries.sort(key=lambda e: -len(e[0]))

    def demonym(self, country: str) -> str | None:
        """Return the adjective of nationality a country's government is called by ("Thailand" -> "Thai", "Nepal"
        -> "Nepali"): of WordNet's adjectives for it, the one that shares the longest opening with its name (the
        shorter on a tie), at least three letters of it; None when none does ("Myanmar" and "Burmese")."""
        def shared(adjective: str) -> int:
            n = 0
            while n < min(len(adjective), len(country)) and adjective[n] == country[n]:
                n += 1
            return n

        found = sorted((-shared(a), len(a), a) for a, place in self.nationalities.items() if place == country)
        return found[0][2] if found and -found[0][0] >= 3 else None

    def with_actors(self, extra: Iterable[Actor]) -> Ontology:
        """Return a copy of the ontology with ``extra`` actors added, or replacing the ones with their IRIs.

        A name an extra actor bears is taken from every other actor's aliases,
        and extra actors come first, so the registry's matcher gives the name to
        the extra actor.
        """
        added = {a.iri: a for a in extra}
        taken = {n.casefold() for a in added.values() for n in a.names}
        actors = dict(added)
        for iri, actor in self.actors.items():
            if iri in added:
                continue
            kept = [n for n in actor.alt_labels if n.casefold() not in taken]
            actors[iri] = actor if len(kept) == len(actor.alt_labels) else dataclasses.replace(actor, alt_labels=kept)
        return Ontology(graph=self.graph, classes=self.classes, relations=self.relations, roles=self.roles,
                        lexicon=self.lexicon, actors=actors, nationalities=self.nationalities, places=self.places)

    def verb_relations(self, token_lemma: str, token_lower: str) -> list[str]:
        """Return the relations the verb lexicon (``pk:verb``) gives a word ("fined" -> fines), none if it has none."""
        keys = self.lemma_keys(token_lemma, token_lower, self.verb_index)
        return list(self.verb_index[keys[0]]) if keys else []

    @functools.cached_property
    def _lemma_keys_memo(self) -> dict[int, tuple[object, dict[tuple[str, str], tuple[str, ...]]]]:
        """Per index of this ontology's lexicon (by identity: the index, and the keys :meth:`lemma_keys` found in it
        for a word), as the rules ask of the same words thousands of times an article. An index not listed here is
        looked up afresh."""
        own = [self.verb_index, self.phrase_index, self.noun_index, *self.modified_noun_index.values()]
        return {id(index): (index, {}) for index in own}

    def noun_entries(self, token_lemma: str, token_lower: str, modifiers: tuple[str, ...] = ()) -> list[
            tuple[str, str | None]]:
        """Return the (relation, preposition) entries the noun lexicon (``pk:noun``) gives a word ("fines" ->
        [("fines", None)]), none if it has none. A modifier before the word that makes a noun of the lexicon with it
        comes first ("legal" with "action": "legal action")."""
        memo = self._noun_entries_memo  # (the lexicon is not changed once the ontology is built)
        key = (token_lemma, token_lower, modifiers)
        found = memo.get(key)
        if found is None:
            if len(memo) > 100_000:
                memo.clear()  # words are many in a long run
            found = memo[key] = tuple(self._noun_entries(token_lemma, token_lower, modifiers))
        return list(found)

    @functools.cached_property
    def _noun_entries_memo(self) -> dict[tuple[str, str, tuple[str, ...]], tuple[tuple[str, str | None], ...]]:
        return {}

    def _noun_entries(self, token_lemma: str, token_lower: str, modifiers: tuple[str, ...]) -> list[
            tuple[str, str | None]]:
        for m in modifiers:
            index = self.modified_noun_index.get(m.lower(), {})
            keys = self.lemma_keys(token_lemma, token_lower, index) if index else []
            if keys:
                return list(index[keys[0]])
        keys = self.lemma_keys(token_lemma, token_lower, self.noun_index)
        return list(self.noun_index[keys[0]]) if keys else []

    def lemma_keys(self, token_lemma: str, token_lower: str, index: dict) -> list[str]:
        """Return the index keys a word may stand for: its lemma, or its form with a regular ending removed.

        spaCy's lemmatiser misses some forms ("fined" -> "fin"), so regular
        inflections are undone here as a fallback.
        """
        # (the ontology's own indexes are not changed once it is built, so what a word's keys are is kept)
        entry = self._lemma_keys_memo.get(id(index))
        if entry is None or entry[0] is not index:
            return self._lemma_keys(token_lemma, token_lower, index)
        memo = entry[1]
        found = memo.get((token_lemma, token_lower))
        if found is None:
            if len(memo) > 100_000:
                memo.clear()  # words are many in a long run
            found = memo[token_lemma, token_lower] = tuple(self._lemma_keys(token_lemma, token_lower, index))
        return list(found)

    @staticmethod
    def _lemma_keys(token_lemma: str, token_lower: str, index: dict) -> list[str]:
        cands = [token_lemma.lower(), token_lower]
        w = token_lower
        if w.endswith("ies"):
            cands.append(w[:-3] + "y")
        if w.endswith("ied"):
            cands.append(w[:-3] + "y")
        if w.endswith("es") or w.endswith("ed"):
            cands += [w[:-1], w[:-2]]
            if len(w) > 4 and w[-3] == w[-4]:
                cands.append(w[:-3])
        if w.endswith("s"):
            cands.append(w[:-1])
        if w.endswith("ing"):
            cands += [w[:-3], w[:-3] + "e"]
            if len(w) > 5 and w[-4] == w[-5]:
                cands.append(w[:-4])
        return [c for c in dict.fromkeys(cands) if c in index]

    @functools.cached_property
    def organisational_classes(self) -> frozenset[str]:
        """Return the classes of collective actors ("it" and "they" may stand for them)."""
        return frozenset(c.name for c in self.classes.values() if c.organisational)

    def actors_in(self, country: str, classes: Iterable[str]) -> list[Actor]:
        """Return the registry actors of ``classes`` whose jurisdiction is ``country``."""
        wanted = set(classes)
        return [a for a in self.by_jurisdiction.get(country, []) if a.type in wanted]

    def actor_named(self, name: str) -> str | None:
        """Return the IRI of the one registry actor ``name`` names (any case), or None."""
        return self._by_name.get(name.casefold())

    @functools.cached_property
    def _by_name(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for a in self.actors.values():
            for n in a.names:
                out.setdefault(n.casefold(), a.iri)
        return out

    @functools.cached_property
    def by_jurisdiction(self) -> dict[str, list[Actor]]:
        out: dict[str, list[Actor]] = {}
        for a in self.actors.values():
            if a.jurisdiction:
                out.setdefault(a.jurisdiction, []).append(a)
        return out

    def domain_words(self, words: Iterable[str]) -> set[str]:
        """Return ``words`` with every word of the same field ("privacy" -> "data", "protection", ...), and of the
        fields those share a word with ("antitrust" -> "trade" -> "economic": a Federal Economic Competition
        Commission is a competition authority), whatever order the fields are listed in."""
        out = {w.lower() for w in words}
        groups = [set(group.split()) for group in self.words("domainGroup")]
        while True:
            grown = out.union(*(members for members in groups if out & members))
            if grown == out:
                return out
            out = grown

    @functools.cached_property
    def people_by_surname(self) -> dict[str, list[str]]:
        """Return registry people by the last word of their name ("Trump" -> Donald Trump)."""
        out: dict[str, list[str]] = {}
        for a in self.actors.values():
            if a.type == "Person" and len(a.label.split()) > 1:
                out.setdefault(a.label.split()[-1], []).append(a.iri)
        return out

    @functools.cached_property
    def _names_but_one_word(self) -> dict[tuple[int, int, tuple[str, ...]], list[tuple[str, str]]]:
        """Index every registry name of two or more words by itself with one word left out:
        (word count, position, other words) -> [(the word left out, actor IRI)]."""
        out: dict[tuple[int, int, tuple[str, ...]], list[tuple[str, str]]] = {}
        for a in self.actors.values():
            for name in a.names:
                words = name.lower().split()
                if len(words) < 2:
                    continue
                for i, word in enumerate(words):
                    out.setdefault((len(words), i, (*words[:i], *words[i + 1:])), []).append((word, a.iri))
        return out

    def misspelt_name(self, name: str, *, person: bool) -> str | None:
        """Return the one registry actor whose name ``name`` misspells, else None.

        A misspelling is one word off by one edit (a letter added, dropped, changed or two swapped:
        "Kier Starmer", "Mark Zuckerburg"), the other words the same. The word must be long enough for one edit
        not to make another name (4 letters; a surname, 7), and no second actor may be as close.
        """
        from rapidfuzz.distance import DamerauLevenshtein

        words = name.lower().split()
        if len(words) < 2:
            return None
        found: set[str] = set()
        for i, word in enumerate(words):
            shortest = 7 if (person and i == len(words) - 1) or not person else 4
            if len(word) < shortest:
                continue
            for known, iri in self._names_but_one_word.get((len(words), i, (*words[:i], *words[i + 1:])), []):
                if known != word and DamerauLevenshtein.distance(known, word, score_cutoff=1) <= 1:
                    found.add(iri)
        return found.pop() if len(found) == 1 else None

    @functools.cached_property
    def body_titles(self) -> dict[str, str]:
        """Return the titles named after the body their holder sits in, with that body's noun ("commissioner" ->
        "commission": pk:bodyTitle)."""
        return dict(pair.split() for pair in self.words("bodyTitle"))

    @functools.cached_property
    def field_words(self) -> frozenset[str]:
        """Return every word that names a field of government ("data", "competition", "digital": pk:domainGroup)."""
        return frozenset(w for group in self.words("domainGroup") for w in group.split())

    @functools.cached_property
    def generic_name_words(self) -> frozenset[str]:
        """Return the words a generic institution name is made of ("Supreme Court", "Ministry of Justice")."""
        words = {w.lower() for c in self.classes.values() for cue in c.name_cues for w in cue.split()}
        return frozenset(words | self.field_words | self.words("genericNameWord"))

    def is_generic_name(self, name: str) -> bool:
        """Return True for a name any country's institution could bear ("High Court", "Data Protection Commission")."""
        words = [w.lower().strip(",.") for w in name.split()]
        return len(words) > 1 and all(w in self.generic_name_words for w in words)

    def description_classes(self, noun: str) -> frozenset[str]:
        """Return the classes a description noun may name ("company" -> Company and Platform)."""
        classes = set(self.description_index.get(noun.lower(), ()))
        if classes & {"Company", "Platform"}:
            classes |= {"Company", "Platform"}
        return frozenset(classes)

    def legislature_for(self, title: str, country: str | None) -> str | None:
        """Return the legislature of ``country`` whose members carry ``title`` ("senator" -> US Senate)."""
        title = title.lower()
        found = [a.iri for a in self.by_jurisdiction.get(country or "", []) if title in a.member_titles]
        if not found:
            # A union's chamber seats members of every state in it: "Dutch MEP", "MEP" in any article.
            found = [a.iri for a in self.actors.values() if a.type == "Legislature" and title in a.member_titles
                     and a.jurisdiction is not None and a.jurisdiction in self.actors
                     and self.actors[a.jurisdiction].type != "Country"]
        return found[0] if len(found) == 1 else None

    def parties(self, *, noun: str | None = None, code: str | None = None,
                country: str | None = None) -> list[str]:
        """Return the parties whose members are called ``noun`` or tagged ``code``, in ``country`` if given."""
        return [a.iri for a in self.party_actors
                if (noun is None or noun in a.member_nouns) and (code is None or a.party_code == code)
                and (country is None or a.jurisdiction in {None, country})]

    @functools.cached_property
    def party_actors(self) -> list[Actor]:
        return [a for a in self.actors.values() if a.type == "PoliticalParty"]

    @functools.cached_property
    def party_words(self) -> frozenset[str]:
        """Return every party member noun ("Democrat")."""
        return frozenset(n for a in self.party_actors for n in a.member_nouns)

    @functools.cached_property
    def enforcing_relations(self) -> frozenset[str]:
        """Return the enforcement relations an enforcer does to another (fines, bans, orders, ...): all of the group
        but ``violates``, whose doer is the one who breaks the rule."""
        return frozenset(n for n, r in self.relations.items() if r.group == "enforcement" and n != "violates")

    @functools.cached_property
    def enforcer_classes(self) -> frozenset[str]:
        """Return the classes whose actors fine, ban, order and investigate."""
        return frozenset(c.name for c in self.classes.values() if c.enforcer)

    @functools.cached_property
    def company_suffixes(self) -> frozenset[str]:
        """Return the words that end a company's name without telling it apart ("Labs", "Systems", "Inc."): those
        a company's name is known without ("Vexa" for "Vexa Labs")."""
        return frozenset(self.classes["Company"].name_cues) if "Company" in self.classes else frozenset()

    @functools.cached_property
    def _places_folded(self) -> dict[str, str]:
        return {name.casefold(): country for name, country in self.places.items()}

    def place_country(self, name: str) -> str | None:
        """Return the country a city or region is in ("Lima" -> "Peru"), in any case ("RIO DE JANEIRO")."""
        return self.places.get(name) or self._places_folded.get(name.casefold())

    def government_named(self, word: str) -> str | None:
        """Return the government IRI of the country ``word`` names or describes ("Australian", "Japan")."""
        return self.government_by_name.get(word)

    @functools.cached_property
    def honorifics(self) -> frozenset[str]:
        """Return every honorific, with and without a full stop ("mr", "mr.")."""
        words = self.words("maleHonorific") | self.words("femaleHonorific") | self.words("honorific")
        return frozenset(words | {w + "." for w in words})

    def words(self, key: str) -> frozenset[str]:
        """Return the lexicon's word set named ``key`` (empty if absent)."""
        return self.lexicon.get(key, _NO_WORDS)

    def class_for_ner(self, ner_label: str) -> str | None:
        """Return the class a spaCy NER label maps to, if the ontology names one."""
        for cls in self.classes.values():
            if ner_label in cls.ner_labels:
                return cls.name
        return None

    @functools.cached_property
    def _types_by_name(self) -> dict[str, str | None]:
        return {}

    def type_from_name(self, name: str) -> str | None:
        """Return the class a name's head word suggests ("... Commission" -> Regulator)."""
        memo = self._types_by_name
        if name not in memo:
            if len(memo) > 100_000:
                memo.clear()  # names are many in a long run; the cues are few
            memo[name] = self._type_from_name(name)
        return memo[name]

    def _type_from_name(self, name: str) -> str | None:
        # Multi-word cues first ("House of Representatives", "White House").
        for cls in self.classes.values():
            for cue in cls.name_cues:
                if " " in cue and re.search(rf"\b{re.escape(cue)}\b", name):
                    return cls.name
        head_part = re.split(r"\s+(?:of|for|on|in|to)\s+|\s*\(", name, maxsplit=1)[0]
        for part in (head_part, name):
            words = part.replace(",", " ").split()
            for word in reversed(words):
                for cls in self.classes.values():
                    if word in cls.name_cues:
                        return cls.name
        return None

    @functools.cached_property
    def roles_by_last_word(self) -> dict[str, list[RoleTitle]]:
        out: dict[str, list[RoleTitle]] = {}
        for role in self.roles:
            out.setdefault(role.title[-1], []).append(role)
        return out

    def may_end_title(self, word: str) -> bool:
        """Return False when no role title can end with ``word`` (lower case), so :meth:`role_for` of any phrase
        ending with it is None; a cheap test before building the phrase."""
        last = self.roles_by_last_word
        return word in last or word.endswith("s") and (word[:-1] in last or word[:-2] in last)

    def role_for(self, phrase: str) -> RoleTitle | None:
        """Return the longest role title ending ``phrase`` ("executive vice president")."""
        memo = self._roles_for  # (asked of the same words many times an article; the titles are not changed)
        try:
            return memo[phrase]
        except KeyError:
            pass
        if len(memo) > 100_000:
            memo.clear()  # phrases are many in a long run
        found = memo[phrase] = self._role_for(phrase)
        return found

    @functools.cached_property
    def _roles_for(self) -> dict[str, RoleTitle | None]:
        return {}

    def _role_for(self, phrase: str) -> RoleTitle | None:
        words = tuple(phrase.lower().replace("-", " ").split())
        if words and words[-1] not in self.roles_by_last_word and words[-1].endswith("s"):
            # a plural title: "Judges", "Senators", "Attorneys"
            for singular in (words[-1][:-1], words[-1][:-2]):
                if singular in self.roles_by_last_word:
                    words = (*words[:-1], singular)
                    break
        best: RoleTitle | None = None
        for role in self.roles_by_last_word.get(words[-1], ()) if words else ():
            n = len(role.title)
            if n <= len(words) and words[-n:] == role.title:
                better = best is None or n > len(best.title) or (
                    n == len(best.title) and role.implies_government and not best.implies_government)
                if better:
                    best = role
        return best


#: The word set of a list the lexicon lacks.
_NO_WORDS: frozenset[str] = frozenset()


def _strings(g: Graph, s: URIRef, p: URIRef) -> tuple[str, ...]:
    return tuple(sorted(str(o) for o in g.objects(s, p) if isinstance(o, Literal)))


def _local(iri: object) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


def _bool(g: Graph, s: URIRef, p: URIRef) -> bool:
    return any(bool(o.toPython()) for o in g.objects(s, p) if isinstance(o, Literal))


def parse_files(paths: Iterable[Path]) -> Graph:
    """Return one rdflib graph holding every Turtle file given."""
    g = Graph()
    for path in paths:
        try:
            g.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many parser-specific types
            raise OntologyError(f"cannot parse ontology file {path}: {exc}") from exc
    return g


#: Actors added to the default ontology (a user registry file): see :func:`set_extra_actors`.
_EXTRA: dict[str, object] = {"key": "", "ontology": None}


def load_ontology(folder: str | None = None) -> Ontology:
    """Return the ontology read from ``folder`` (default :func:`ontology_dir`, with the extra actors set)."""
    if folder is None and _EXTRA["ontology"] is not None:
        return _EXTRA["ontology"]  # type: ignore[return-value]
    return read_ontology(folder)


def set_extra_actors(actors: Sequence[Actor], key: str) -> bool:
    """Make :func:`load_ontology` give the default ontology with ``actors`` added; return True if that changed it.

    ``key`` names the set of actors (a digest of them): setting the same key
    again changes nothing. No actors restores the files' ontology.
    """
    if key == _EXTRA["key"]:
        return False
    _EXTRA["key"], _EXTRA["ontology"] = key, (read_ontology(None).with_actors(actors) if actors else None)
    return True


@functools.lru_cache(maxsize=4)
def read_ontology(folder: str | None = None) -> Ontology:
    """Return the ontology read from the files in ``folder`` (default :func:`ontology_dir`), nothing added."""
    base = Path(folder) if folder else ontology_dir()
    files = sorted(base.glob("*.ttl"))
    if not files:
        raise OntologyError(f"no ontology files (*.ttl) in {base}: set KG_ONTOLOGY to the ontology folder")
    g = parse_files(files)
    actor_cls = PK.Actor

    classes: dict[str, ClassInfo] = {}
    for cls in sorted(g.subjects(RDFS.subClassOf, actor_cls), key=str):
        assert isinstance(cls, URIRef)
        name = _local(cls)
        classes[name] = ClassInfo(
            name=name,
            label=str(g.value(cls, RDFS.label) or name),
            color=str(g.value(cls, PK.color) or "#999999"),
            name_cues=_strings(g, cls, PK.nameCue),
            description_nouns=_strings(g, cls, PK.descriptionNoun),
            ner_labels=_strings(g, cls, PK.nerLabel),
            organisational=_bool(g, cls, PK.organisational),
            enforcer=_bool(g, cls, PK.enforcer),
        )

    lexicon: dict[str, frozenset[str]] = {}
    lex = PK.lexicon
    for p in set(g.predicates(lex, None)):
        if p == RDF.type:
            continue
        lexicon[_local(p)] = frozenset(_strings(g, lex, URIRef(str(p))))

    relations: dict[str, RelationInfo] = {}
    for rel in sorted(g.subjects(RDF.type, PK.Relation), key=str):
        assert isinstance(rel, URIRef)
        name = _local(rel)
        nouns: list[tuple[str, str | None]] = []
        for text in _strings(g, rel, PK.noun):
            words = text.split()
            prep = None
            if len(words) > 1 and words[-1] in lexicon.get("preposition", frozenset()):
                prep, words = words[-1], words[:-1]
            nouns.append((" ".join(words), prep))
        relations[name] = RelationInfo(
            name=name,
            label=str(g.value(rel, RDFS.label) or name),
            verbs=_strings(g, rel, PK.verb),
            phrases=tuple(tuple(w for w in p.split() if w not in {"a", "an", "the"})
                          for p in _strings(g, rel, PK.phrase)),
            nouns=tuple(nouns),
            subject_types=frozenset(_local(o) for o in g.objects(rel, PK.subjectType)),
            object_types=frozenset(_local(o) for o in g.objects(rel, PK.objectType)),
            symmetric=_bool(g, rel, PK.symmetric),
            clausal_object=_bool(g, rel, PK.clausalObject),
            question_object=_bool(g, rel, PK.questionObject),
            group=_local(g.value(rel, PK.relationGroup) or "").removeprefix("group-"),
        )

    roles: list[RoleTitle] = []
    for role in sorted(g.subjects(RDF.type, PK.RoleTitle), key=str):
        assert isinstance(role, URIRef)
        rel_iri = g.value(role, PK.relationOf)
        if rel_iri is None or _local(rel_iri) not in relations:
            raise OntologyError(f"role title {role} names no known relation")
        holder = g.value(role, PK.holderOf)
        org_types = frozenset(_local(o) for o in g.objects(role, PK.organisationType))
        for title in _strings(g, role, PK.title):
            roles.append(RoleTitle(tuple(title.lower().replace("-", " ").split()), _local(rel_iri),
                                   _bool(g, role, PK.impliesGovernment), _bool(g, role, PK.impliesLegislature),
                                   _local(holder) if holder is not None else None, org_types))

    actors: dict[str, Actor] = {}
    # In IRI order: the store's own order varies from run to run, and which of two actors a name or a country's
    # description finds first must not.
    for s, cls in sorted(g.subject_objects(RDF.type), key=lambda pair: (str(pair[0]), str(pair[1]))):
        if not isinstance(s, URIRef) or not str(s).startswith(str(PKID)):
            continue
        cname = _local(cls)
        if cname not in classes:
            raise OntologyError(f"actor {s} has unknown class {cls}")
        label = g.value(s, RDFS.label)
        if label is None:
            raise OntologyError(f"actor {s} has no rdfs:label")

        def ref(p: URIRef, s: URIRef = s) -> str | None:
            v = g.value(s, p)
            return str(v) if v is not None else None

        actors[str(s)] = Actor(
            iri=str(s), label=str(label), type=cname,
            alt_labels=sorted(str(o) for o in g.objects(s, SKOS.altLabel)),
            government=ref(PK.government), jurisdiction=ref(PK.jurisdiction),
            demonym=ref(PK.demonym), seats=_strings(g, s, PK.seat), executive=ref(PK.executive),
            part_of=ref(PK.partOf),
            same_as=sorted(str(o) for o in g.objects(s, OWL.sameAs)),
            member_titles=_strings(g, s, PK.memberTitle), member_nouns=_strings(g, s, PK.memberNoun),
            party_code=ref(PK.partyCode),
            owners=tuple(sorted(str(o) for p in (PK.ownedBy, PK.developedBy) for o in g.objects(s, p))),
            developers=tuple(sorted(str(o) for o in g.objects(s, PK.developedBy))),
            administration=ref(PK.administrationOf),
        )
    nationalities = dict(str(pair).split("=", 1) for pair in sorted(g.objects(None, PK.nationality), key=str)
                         if "=" in str(pair))
    # (a place two lexicons put in two countries, "Manchester", is placed in none)
    placed: dict[str, set[str]] = {}
    for pair in g.objects(None, PK.placeIn):
        if "=" in str(pair):
            place, country = str(pair).split("=", 1)
            placed.setdefault(place, set()).add(country)
    places = {place: next(iter(countries)) for place, countries in sorted(placed.items()) if len(countries) == 1}
    return Ontology(graph=g, classes=classes, relations=relations, roles=roles,
                    lexicon=lexicon, actors=actors, nationalities=nationalities, places=places)
