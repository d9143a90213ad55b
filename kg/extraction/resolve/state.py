"""What the resolvers share while reading one article: the entity table and what each token refers to.

:class:`ResolveState` holds the parse, the ontology, the :class:`EntityTable`,
the token -> entity map (with certainty), plural groups, and the history of
references in text order that descriptions and pronouns look back through.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.extraction import memo
from kg.extraction.resolve.entities import Entity, EntityTable
from kg.extraction.tuning import TUNING, Tuning
from kg.vocabulary.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass
class ResolveState:
    doc: Doc
    ont: Ontology
    table: EntityTable = field(default_factory=EntityTable)
    token_entity: dict[int, int] = field(default_factory=dict)      # token index -> entity index
    token_certainty: dict[int, float] = field(default_factory=dict)
    groups: dict[int, list[int]] = field(default_factory=dict)       # plural reference -> entity indexes
    history: list[tuple[int, int, bool]] = field(default_factory=list)  # (token, entity, is_subject), sorted
    tuning: Tuning = TUNING
    article_country: str | None = None  # the country the article's names point to most (names.article_country)
    misspelt: set[int] = field(default_factory=set)  # starts of names linked to the registry by spelling
    dateline: str | None = None  # the place the story was filed from ("Lima"), when its dateline says
    the_government: int | None = None  # what "the government" last meant
    _home: int | None = None
    _home_done: bool = False

    @functools.cached_property
    def tokens(self) -> list[Token]:
        """Return the article's tokens, made once."""
        return memo.tokens(self.doc)

    def words(self, key: str) -> frozenset[str]:
        return self.ont.words(key)

    def entity(self, idx: int) -> Entity:
        return self.table[idx]

    def refers(self, token: int, idx: int, certainty: float, *, is_subject: bool) -> None:
        """Record that ``token`` refers to entity ``idx``."""
        self.token_entity[token] = idx
        self.token_certainty[token] = certainty
        self.note(token, idx, is_subject=is_subject)

    def note(self, token: int, idx: int, *, is_subject: bool) -> None:
        """Add a reference to the history, keeping it in text order."""
        bisect.insort(self.history, (token, idx, is_subject))

    def recent(self, before: int, accept: Callable[[Entity], bool], prefer: Callable[[Entity], bool] | None = None,
               window: int | None = None, skip: Callable[[int], bool] | None = None) -> int | None:
        """Return the latest entity referred to before token ``before`` that ``accept`` admits (``prefer`` first),
        passing over the references at the tokens ``skip`` says."""
        window = self.tuning.description_window if window is None else window
        best = None
        for tok, idx, _ in reversed(self.history):
            if tok >= before:
                continue
            if before - tok > window:
                break
            if skip is not None and skip(tok):
                continue
            e = self.table[idx]
            if not accept(e):
                continue
            if prefer is None or prefer(e):
                return self.table.find(idx)
            if best is None:
                best = self.table.find(idx)
        return best

    def origin_only(self, tok: int) -> bool:
        """Return True when a country's name at token ``tok`` only says where a firm or a service is from ("a U.S.
        company", "Chinese apps"): no government that acts, unlike "the U.S. government", "U.S. sanctions" or "U.S.
        President Ana Ruiz"."""
        t = self.tokens[tok]
        while t.dep_ == "compound" and t.head.i > t.i and t.ent_type_ and t.head.ent_type_ == t.ent_type_:
            t = t.head  # (a name's last word: "United States")
        head = t.head
        if t.dep_ not in {"compound", "amod", "nmod"} or head.i < t.i or head.pos_ != "NOUN":
            return False
        # (a firm's, a service's, an outlet's: a kind of organisation or product the ontology describes; not "U.S.
        # sanctions" or "the U.S. law", which are the state's own)
        classes = set(self.ont.description_index.get(head.lemma_.lower(), ()))
        return bool(classes) and classes <= {"Company", "Platform", "MediaOutlet", "AISystem", "Organisation"}

    def entity_for_actor(self, iri: str) -> int:
        """Return the entity of registry actor ``iri``, adding it on first use."""
        idx = self.table.by_key(iri)
        if idx is not None:
            return idx
        actor = self.ont.actors[iri]
        return self.table.add(Entity(iri, actor.label, actor.type, {actor.label}, registry=True, typed_by="registry"))

    @staticmethod
    def mints(label: str) -> str:
        """Return the IRI a name mints: the one the same name gets wherever it is written."""
        from kg.sources.article import slug
        from kg.vocabulary.namespace import PKID

        return str(PKID[slug(label)])

    def minted(self, label: str, typ: str, typed_by: str = "description") -> int:
        """Return the entity under the IRI ``label`` mints (the IRI the same name gets wherever it is written),
        adding it, of class ``typ``, on first use."""
        iri = self.mints(label)
        idx = self.table.by_key(iri)
        return idx if idx is not None else self.table.add(Entity(iri, label, typ, {label}, typed_by=typed_by))

    def country_named(self, name: str) -> int:
        """Return the entity of the country called ``name``: the registry's, else one with the IRI its name mints
        (the IRI the same name gets where the article writes it out)."""
        iri = self.mints(name)
        if iri in self.ont.actors:
            return self.entity_for_actor(iri)
        return self.minted(name, "Country", typed_by="cue")

    def home_government(self) -> int | None:
        """Return the government of the country the article is mostly about (by its registry actors)."""
        if self._home_done:
            return self._home
        from kg.extraction.recognise import country_of_demonym, is_state_name, subdivision_country

        counts: Counter[str] = Counter()
        unlisted: dict[str, int] = {}
        # Each name counts as often as it is written; the first sentence (the headline, or the lede) says what the
        # story is about, and its names count twice.
        first = next(iter(self.doc.sents)).end if len(self.doc) else 0
        named: Counter[int] = Counter()
        origin: set[int] = set()
        for tok, j, _ in self.history:
            if self.table[j].type == "Country" and self.origin_only(tok):
                origin.add(self.table.find(j))
                continue
            named[self.table.find(j)] += 2 if tok < first else 1
        # (a country named only as where things are from, "a U.S. company", says nothing of whose story it is)
        origin -= set(named)
        by_name: dict[str, str] = {}  # a country the registry lacks, named only inside a body's name
        for i, e in self.table.live():
            if i in origin:
                continue
            actor = self.ont.actors.get(e.id) if e.registry else None
            if actor is None:
                nation = subdivision_country(e.label) if e.type == "Country" else None
                found = self._country_of_place(nation, is_state_name) if nation else None
                if found is not None:
                    # a federal state ("Karnataka", "Quebec") counts for its country, as a body named there does
                    counts[found[0]] += max(named[i], 1)
                    if found[1] is not None and found[0] not in unlisted:
                        unlisted[found[0]], by_name[found[0]] = -1, found[1]
                elif e.type == "Country":   # a country the registry lacks counts as often as it is named
                    unlisted[e.id] = i
                    counts[e.id] += 2 * max(named[i], 1)
                elif e.type not in {"Person", "Legislation"}:
                    # "the Kenyan Communications Authority": a body its country's adjective names counts for that
                    # country, as the country named would
                    land = country_of_demonym(e.label.split()[0]) if e.label[:1].isupper() else None
                    found = self._country_of_place(land, is_state_name) if land else None
                    if found is None and " of " in e.label:
                        # ("Securities and Exchange Commission of Philippines", named by the country's adjective)
                        found = self._country_of_place(e.label.rsplit(" of ", 1)[1], is_state_name)
                    if found is not None:
                        counts[found[0]] += max(named[i], 1)
                        if found[1] is not None and found[0] not in unlisted:
                            unlisted[found[0]], by_name[found[0]] = -1, found[1]
                continue
            # (in halves: "Congress", "the Department of Justice", any country's, weigh half a name)
            weight = max(named[i], 1) * (1 if self.named_generically(e) else 2)
            if actor.jurisdiction:
                counts[actor.jurisdiction] += weight
            if e.id in self.ont.country_of:
                counts[self.ont.country_of[e.id]] += weight
            if e.id in self.ont.government_of:
                counts[e.id] += weight
        for at, found in self.described_countries:
            # "the Philippine government", "the South African regulator": a state's body described by its country's
            # adjective counts as a body named (twice in the first sentence)
            counts[found[0]] += 4 if at < first else 2
            if found[1] is not None and found[0] not in unlisted:
                unlisted[found[0]], by_name[found[0]] = -1, found[1]
        for ent in self.doc.ents:
            # A city or a region named in the story ("a court in Hong Kong", "protests in Lagos") counts once for
            # its country, as a body named only generically does; a seat of power ("Washington") is an actor's.
            if ent.label_ not in {"GPE", "LOC"} or ent.text in self.ont.actor_by_seat:
                continue
            found = self._country_of_place(ent.text)
            if found is not None and found[1] is None:  # (a country the registry lacks is counted by its name)
                counts[found[0]] += 1
        filed = self.filed_from()
        if filed is not None:
            # Where the story was filed from counts as a name in its headline: "LIMA (Reuters) -" before a story
            # that names the United States too is Peru's.
            key, unlisted_name = filed
            if unlisted_name is not None and key not in unlisted:
                unlisted[key] = -1  # minted below only if it is the home
            counts[key] += 4
        self._home_done = True
        ranked = [(iri, n) for iri, n in counts.most_common()
                  if iri in unlisted or (a := self.ont.actors.get(iri)) is not None and a.government]
        # Only a clear first: an article that names Russia and Germany alike has no home government to guess.
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            if ranked[0][0] in unlisted:
                # An article about a country the registry lacks ("Kenya suspended Worldcoin"): it acts through the
                # government its name mints.
                idx = unlisted[ranked[0][0]]
                if idx < 0 and ranked[0][0] in by_name:
                    idx = self.country_named(by_name[ranked[0][0]])
                self._home = idx if idx >= 0 or filed is None or filed[1] is None else self.country_named(filed[1])
            else:
                gov = self.ont.actors[ranked[0][0]].government
                self._home = self.entity_for_actor(gov) if gov else None
        return self._home

    def named_generically(self, e: Entity, unlisted_home: bool = False) -> bool:
        """Return True when the article names registry body ``e`` only as any country's body may be named ("the
        Department of Justice", "Congress"), never by its registry name, and never names the body's country (with
        ``unlisted_home``, the story's country one the registry lacks: in no sentence that names the body)."""
        actor = self.ont.actors.get(e.id) if e.registry else None
        if actor is None or actor.type == "Person":
            return False
        written = e.aliases - {actor.label}
        # (an acronym is any country's body's too: Nigeria's SEC, the Philippines' SEC)
        if not written or not all(self.ont.is_generic_name(a) or a.lower() in self.ont.description_index
                                  or a.isupper() and a.isalpha() and len(a) <= 5 for a in written):
            return False
        land = self.ont.actors.get(self.ont.country_of.get(actor.jurisdiction or "", actor.jurisdiction or ""))
        if land is None:
            return False
        # In a story about a country the registry lacks, its country named where the body is: "In Ireland, the
        # Data Protection Commission fined Meta"; a story about Kenya that names Ireland elsewhere still means
        # Kenya's commission. (Between registry countries, anywhere: "the Commerce Department" of a story about US
        # controls on China that names the US is the US's.)
        where = {0: memo.text(self.doc)}
        if unlisted_home:
            where = {memo.sentence(self.doc[tok]).start: memo.sentence(self.doc[tok]).text for tok, j, _ in self.history
                     if self.table[j] is e} or where
        # (its seat names the country too: "the FTC in Washington")
        seats = [seat for seat, actor in self.ont.actor_by_seat.items() if actor in {land.iri, land.government}]
        return not any(n and n in text for text in where.values()
                       for n in (land.label, land.demonym, *land.names, *seats))

    def filed_from(self) -> tuple[str, str | None] | None:
        """Return the country the dateline's place is in: the registry country's IRI (and None), or, for a country
        the registry lacks, the IRI its name mints and the name. None without a dateline or a known place."""
        if self.dateline is None:
            return None
        from kg.extraction.recognise import is_state_name

        for part in self.dateline.split(", "):  # "Lima"; "Nyon, Switzerland"; "Austin, Texas"
            actor = self.ont.actors.get(self.ont.actor_by_seat.get(part) or "")
            if actor is not None:
                country = self.ont.country_of.get(actor.iri) or actor.jurisdiction
                if country:
                    return country, None
            found = self._country_of_place(part, states=is_state_name)
            if found is not None:
                return found
        return None

    def _country_of_place(self, place: str, states: Callable[[str], bool] | None = None) -> \
            tuple[str, str | None] | None:
        """Return the country a city or region is in (``states``, if given, says which names are countries
        themselves): the registry country's IRI and None, or for a country the registry lacks, the IRI its name
        mints and the name. None for a place the ontology does not place."""
        name = self.ont.place_country(place) or (place if states is not None and states(place) else None)
        if name is None:
            return None
        iri = self.mints(name)
        return (iri, None) if iri in self.ont.actors else (iri, name)

    @functools.cached_property
    def described_countries(self) -> list[tuple[int, tuple[str, str | None]]]:
        """Return where a state's body is described by its country's adjective ("the Philippine government", "the
        South African regulator"), each with that country as :meth:`_country_of_place` gives it."""
        state_nouns = self.words("governmentNoun") | {noun for noun, classes in self.ont.description_index.items()
                                                      if {"Regulator", "Court", "Legislature"} & set(classes)}
        out = []
        for ent in self.doc.ents:
            if ent.label_ == "NORP" and ent.root.dep_ in {"amod", "compound"} and \
                    ent.root.head.lemma_.lower() in state_nouns:
                found = self._country_of_nationality(ent.text)
                if found is not None:
                    out.append((ent.start, found))
        return out

    def _country_of_nationality(self, word: str) -> tuple[str, str | None] | None:
        """Return the country an adjective of nationality names ("Philippine", "South African"), as
        :meth:`_country_of_place` returns it; None for no nationality."""
        from kg.extraction.recognise import country_of_demonym

        gov = self.ont.government_named(word)
        if gov is not None:
            return self.ont.country_of[gov], None
        name = self.ont.nationalities.get(word) or country_of_demonym(word)
        return self._country_of_place(name, lambda _: True) if name else None

    def of_country(self, e: Entity, country: str | None, abroad: str | None) -> bool:
        """Return True when ``e`` belongs to a country: ``country`` the registry's (by the registry's jurisdiction,
        else by the country's names in ``e``'s), or ``abroad`` the name of one the registry lacks."""
        actor = self.ont.actors.get(e.id) if e.registry else None
        if actor is not None:
            return country is not None and country in {actor.jurisdiction, self.ont.country_of.get(actor.iri),
                                                       actor.iri}
        land = self.ont.actors[country] if country is not None else None
        names = {abroad} if land is None else {land.label, land.demonym, *land.names}
        return any(n and n.lower() in a.lower() for n in names for a in {e.label, *e.aliases})

    def is_government(self, e: Entity) -> bool:
        """Return True for a national government (not a ministry or agency), or a country that has one."""
        if e.registry:
            return e.id in self.ont.country_of or e.id in self.ont.government_of
        # A country the registry lacks acts through the government its name mints ("authorities in Vietnam").
        return e.type == "Country" or e.type == "GovernmentBody" and "government" in e.label.lower()

    def government(self, idx: int) -> int:
        """Return the government entity of country entity ``idx`` (``idx`` itself for anything else)."""
        gov = self.ont.government_of.get(self.entity(idx).id)
        return idx if gov is None else self.entity_for_actor(gov)

    def organisation_types(self) -> frozenset[str]:
        """Return the classes "it" and "they" may stand for (the ontology marks them pk:organisational)."""
        return self.ont.organisational_classes
