"""Resolve stage: group mentions into entities, and find what descriptions and pronouns refer to.

Within one article:

- names: a registry IRI, a full name, its surname or trailing part
  ("Musk", "Inman Grant"), an acronym of its capitalised words ("FTC");
- descriptions: "the regulator", "the company", "the Government", "ministers",
  "the judge" -> the most recent entity whose class (or role title) the noun
  names, preferring one whose name contains the noun ("the Commission");
  a country modifier picks that country's government ("the Australian
  government");
- plural descriptions ("the firms") -> the last coordinated group of that class;
- pronouns: he/she -> the most salient person (honorifics give gender),
  it/its -> the most salient organisation, they/their -> the last group.

Countries that have a government in the registry are folded into it: where a
country acts, the statement is about its government.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .ontology import PKID, Ontology
from .read import slug
from .recognise import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
NEUTER = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
_NAME_PARTICLES = {"de", "da", "do", "dos", "van", "von", "der", "den", "la", "le", "del", "di", "bin", "al"}
_ORG_TYPES = {"GovernmentBody", "Regulator", "Legislature", "Court", "Company", "Platform", "Organisation",
              "MediaOutlet", "PoliticalParty", "AISystem"}


@dataclass
class Entity:
    """An actor as one article names it."""

    id: str                       # stable IRI
    label: str                    # canonical name
    type: str
    aliases: set[str] = field(default_factory=set)
    registry: bool = False
    gender: str | None = None
    roles: set[str] = field(default_factory=set)   # role nouns seen with the entity ("judge")
    certainty: float = 1.0


@dataclass
class Resolution:
    """The entities of one article and, per token, the entity it refers to."""

    entities: list[Entity]
    token_entity: dict[int, int]          # token index -> entity index
    token_certainty: dict[int, float]     # how sure the reference is (1.0 for names)
    groups: dict[int, list[int]]          # token index of a plural reference -> entity indexes
    home_government: int | None = None


def _acronym(label: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", label) if w.lower() not in {"of", "the", "for"})


class _Resolver:
    def __init__(self, doc: Doc, mentions: list[Mention], ont: Ontology) -> None:
        self.doc, self.mentions, self.ont = doc, mentions, ont
        self.entities: list[Entity] = []
        self.by_key: dict[str, int] = {}
        self.token_entity: dict[int, int] = {}
        self.token_certainty: dict[int, float] = {}
        self.groups: dict[int, list[int]] = {}
        self.history: list[tuple[int, int, bool]] = []  # (token, entity, is_subject), text order

    # -- entities ------------------------------------------------------------
    def entity_for_actor(self, iri: str) -> int:
        if iri in self.by_key:
            return self.by_key[iri]
        actor = self.ont.actors[iri]
        ent = Entity(iri, actor.label, actor.type, {actor.label}, registry=True)
        self.entities.append(ent)
        self.by_key[iri] = len(self.entities) - 1
        return self.by_key[iri]

    def entity_for_name(self, m: Mention) -> int:
        typ = m.type or "Organisation"
        if m.iri:
            actor = self.ont.actors[m.iri]
            if actor.government and actor.government in self.ont.actors:
                # A country acts through its government.
                idx = self.entity_for_actor(actor.government)
            else:
                idx = self.entity_for_actor(m.iri)
            self.entities[idx].aliases.add(m.text)
            return idx
        found = self.match_existing(m.text, typ)
        if found is not None:
            self.entities[found].aliases.add(m.text)
            return found
        iri = str(PKID[slug(m.text)])
        if iri in self.ont.actors:  # a name the registry spells differently in its IRI
            iri = str(PKID[slug(m.text) + "-" + typ.lower()])
        ent = Entity(iri, m.text, typ, {m.text})
        self.entities.append(ent)
        self.by_key[iri] = len(self.entities) - 1
        return self.by_key[iri]

    def match_existing(self, text: str, typ: str) -> int | None:
        words = [w for w in text.split() if w.lower() not in _NAME_PARTICLES]
        for i in range(len(self.entities) - 1, -1, -1):
            e = self.entities[i]
            if text in e.aliases or text.lower() == e.label.lower():
                return i
        for i in range(len(self.entities) - 1, -1, -1):
            e = self.entities[i]
            if typ == "Person" and e.type == "Person":
                label_words = [w for w in e.label.split() if w.lower() not in _NAME_PARTICLES]
                if words and len(words) < len(label_words) and label_words[-len(words):] == words:
                    return i
            elif typ != "Person" and e.type != "Person":
                if text.isupper() and 2 <= len(text) <= 6 and _acronym(e.label) == text:
                    return i
        return None

    def fold_people(self) -> None:
        """Merge a surname-only entity seen before its full name into the full one."""
        # Mentions are processed in order, so "Musk ... Elon Musk" makes two
        # entities; merge the shorter into the longer.
        for i, e in enumerate(self.entities):
            if e.type != "Person" or len(e.label.split()) != 1:
                continue
            for j, f in enumerate(self.entities):
                if j != i and f.type == "Person" and f.label.split()[-1] == e.label and len(f.label.split()) > 1:
                    self.merge(i, j)
                    break

    def merge(self, src: int, dst: int) -> None:
        self.entities[dst].aliases |= self.entities[src].aliases
        self.entities[dst].roles |= self.entities[src].roles
        self.entities[dst].gender = self.entities[dst].gender or self.entities[src].gender
        for tok, idx in list(self.token_entity.items()):
            if idx == src:
                self.token_entity[tok] = dst
        self.history = [(t, dst if e == src else e, s) for t, e, s in self.history]
        for key, members in self.groups.items():
            self.groups[key] = [dst if x == src else x for x in members]
        self.entities[src].aliases = set()
        self.entities[src].label = ""

    def assign(self, m: Mention, idx: int, certainty: float) -> None:
        m.entity = idx
        for t in range(m.start, m.end):
            self.token_entity[t] = idx
            self.token_certainty[t] = certainty
        head = self.doc[m.start:m.end].root
        self.history.append((m.start, idx, head.dep_ in {"nsubj", "nsubjpass"}))

    # -- titles and genders -----------------------------------------------------
    def note_person(self, m: Mention, idx: int) -> None:
        e = self.entities[idx]
        if m.honorific in self.ont.words("maleHonorific"):
            e.gender = "m"
        elif m.honorific in self.ont.words("femaleHonorific"):
            e.gender = "f"
        head = self.doc[m.start:m.end].root
        for child in head.children:
            if child.dep_ in {"compound", "appos"} and child.i < m.start and child.pos_ in {"NOUN", "PROPN"}:
                e.roles.add(child.lemma_.lower())
        if head.dep_ == "appos" or head.dep_ == "compound":
            e.roles.add(head.head.lemma_.lower())
        for child in head.children:
            if child.dep_ == "appos" and child.i >= m.end:
                e.roles.add(child.lemma_.lower())

    # -- descriptions and pronouns -------------------------------------------
    def recent(self, before: int, accept, prefer=None, window: int = 400) -> int | None:
        best = None
        for tok, idx, _ in reversed(self.history):
            if tok >= before:
                continue
            if before - tok > window:
                break
            e = self.entities[idx]
            if not e.label or not accept(e):
                continue
            if prefer is None or prefer(e):
                return idx
            if best is None:
                best = idx
        return best

    def salient(self, token: Token, accept) -> int | None:
        """Return the entity a pronoun most likely means: the latest subject, else the latest mention."""
        sent = token.sent
        # Same sentence, before the pronoun: the subject of a governing clause.
        for tok, idx, is_subj in reversed(self.history):
            if tok >= token.i or tok < sent.start:
                continue
            if is_subj and accept(self.entities[idx]) and not self._same_clause(tok, token):
                return idx
        # Previous sentences: their subjects first, then any mention.
        prev_start = sent.start
        for _ in range(3):
            if prev_start <= 0:
                break
            prev = self.doc[prev_start - 1].sent
            for tok, idx, is_subj in self.history:
                if prev.start <= tok < prev.end and is_subj and accept(self.entities[idx]):
                    return idx
            prev_start = prev.start
        return self.recent(token.i, accept, window=120)

    @staticmethod
    def _same_clause(a: int, token: Token) -> bool:
        doc = token.doc

        def clause(t: Token) -> int:
            while t.dep_ not in {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp"} and t.head is not t:
                t = t.head
            return t.i

        return clause(doc[a]) == clause(token)

    def home(self) -> int | None:
        """Return the government of the country the article is mostly about."""
        counts: Counter[str] = Counter()
        for e in self.entities:
            if not e.registry or not e.label:
                continue
            actor = self.ont.actors.get(e.id)
            if actor is None:
                continue
            weight = len(e.aliases) + 1
            if actor.jurisdiction:
                counts[actor.jurisdiction] += weight
            if e.id in self.ont.country_of:
                counts[self.ont.country_of[e.id]] += weight
        for country_iri, _ in counts.most_common():
            gov = self.ont.actors.get(country_iri)
            if gov and gov.government:
                return self.entity_for_actor(gov.government)
        return None

    def country_modifier(self, token: Token) -> int | None:
        """Return the government of a country named by a modifier of ``token``."""
        for child in token.children:
            if child.dep_ not in {"amod", "compound", "poss", "nmod"}:
                continue
            text = child.text
            for actor in self.ont.actors.values():
                if actor.type == "Country" and actor.government and (
                        text == actor.demonym or text in actor.names):
                    return self.entity_for_actor(actor.government)
            idx = self.token_entity.get(child.i)
            if idx is not None and self.entities[idx].type == "GovernmentBody":
                return idx
        return None

    def describe(self, token: Token) -> int | None:
        noun = token.lemma_.lower()
        text = token.text.lower()
        classes = set(self.ont.description_index.get(noun, [])) | set(self.ont.description_index.get(text, []))
        if "GovernmentBody" in classes and noun in self.ont.words("governmentNoun"):
            by_country = self.country_modifier(token)
            if by_country is not None:
                return by_country
            home = self.recent(token.i, lambda e: self._is_government(e))
            return home if home is not None else self.home_government()
        if not classes:
            return None

        if "Company" in classes:
            classes.add("Platform")  # "the company" behind a service

        def accept(e: Entity) -> bool:
            return e.type in classes

        def prefer(e: Entity) -> bool:
            return noun in e.label.lower()

        return self.recent(token.i, accept, prefer)

    def describe_person(self, token: Token) -> int | None:
        noun = token.lemma_.lower()
        same = {noun}
        for group in self.ont.words("sameRole"):
            if noun in group.split():
                same |= set(group.split())
        return self.recent(token.i, lambda e: e.type == "Person" and bool(same & e.roles))

    def clause_subject(self, token: Token) -> int | None:
        """Return the entity that is the subject of the clause a pronoun object sits in."""
        t = token if token.pos_ in {"VERB", "AUX"} else token.head
        for _ in range(6):
            for c in t.children:
                if c.dep_ in {"nsubj", "nsubjpass"} and c.i in self.token_entity:
                    return self.token_entity[c.i]
            if t.dep_ in {"advcl", "xcomp", "conj", "pcomp", "prep"} and t.head is not t:
                t = t.head
            else:
                break
        return None

    def _is_government(self, e: Entity) -> bool:
        return e.id in self.ont.country_of if e.registry else (
            e.type == "GovernmentBody" and "government" in e.label.lower())

    def home_government(self) -> int | None:
        if not hasattr(self, "_home"):
            self._home = self.home()
        return self._home

    def group_before(self, token: Token, classes: set[str], subjects_only: bool = False) -> list[int]:
        """Return the latest coordinated pair or list of entities of ``classes``."""
        for sent_tok in range(token.i - 1, max(-1, token.i - 300), -1):
            idx = self.token_entity.get(sent_tok)
            if idx is None or self.entities[idx].type not in classes:
                continue
            t = self.doc[sent_tok]
            if subjects_only and t.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            members = [idx]
            for c in t.conjuncts:
                j = self.token_entity.get(c.i)
                if j is not None and j not in members and self.entities[j].type in classes:
                    members.append(j)
            if len(members) > 1:
                return members
        return []

    # -- main ----------------------------------------------------------------
    def run(self) -> Resolution:
        for m in self.mentions:
            if m.kind in {"registry", "ner"}:
                idx = self.entity_for_name(m)
                self.assign(m, idx, 1.0 if m.kind == "registry" or len(m.text.split()) > 1 else 0.95)
                if self.entities[idx].type == "Person":
                    self.note_person(m, idx)
        self.fold_people()
        described = {m.start for m in self.mentions if m.kind == "description"}
        self.history.sort()
        for token in self.doc:
            if token.i in self.token_entity and token.i not in described:
                continue
            lower = token.lower_
            if token.pos_ == "PRON" and lower in MALE | FEMALE | NEUTER | PLURAL:
                self.resolve_pronoun(token, lower)
            elif token.i in described or (token.pos_ in {"NOUN", "PROPN"} and self._is_description(token)):
                self.resolve_description(token)
        home = self.home_government()  # may add the government entity: before the list is taken
        return Resolution(list(self.entities), self.token_entity, self.token_certainty, self.groups, home)

    def _is_description(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        if lemma not in self.ont.description_index and token.lower_ not in self.ont.description_index:
            roles = {r for e in self.entities for r in e.roles}
            for group in self.ont.words("sameRole"):
                if roles & set(group.split()):
                    roles |= set(group.split())
            if not (lemma in roles and self._definite(token)):
                return False
        if token.dep_ in {"compound", "amod"}:
            return False
        # A description naming an entity in place ("regulator Ofcom",
        # "the telecoms regulator Anatel", "eSafety, the regulator") is a title.
        for child in token.children:
            if child.dep_ in {"appos", "compound"} and child.i in self.token_entity:
                self._alias_title(token, self.token_entity[child.i])
                return False
        if token.dep_ == "appos" and token.head.i in self.token_entity:
            self._alias_title(token, self.token_entity[token.head.i])
            return False
        if self._plural_body(token):
            return True
        return self._definite(token)

    def _plural_body(self, token: Token) -> bool:
        """Return True for a plural the ontology lists as naming a body itself ("ministers", "lawmakers")."""
        return token.tag_ in {"NNS", "NNPS"} and token.lower_ in self.ont.description_index

    def _alias_title(self, token: Token, idx: int) -> None:
        self.entities[idx].roles.add(token.lemma_.lower())

    @staticmethod
    def _definite(token: Token) -> bool:
        demonstratives = {"the", "this", "that", "these", "those"}
        return any((c.dep_ == "det" and c.lower_ in demonstratives) or c.dep_ == "poss" for c in token.children)

    def resolve_description(self, token: Token) -> None:
        if token.tag_ in {"NNS", "NNPS"} and not self._plural_body(token):
            classes = set(self.ont.description_index.get(token.lemma_.lower(), []))
            if "Company" in classes or "Platform" in classes:
                classes |= {"Company", "Platform"}
            members = self.group_before(token, classes)
            if members:
                self.groups[token.i] = members
                self.history.append((token.i, members[0], False))
                self.history.sort()
            return
        idx = self.describe(token)
        if idx is None:
            idx = self.describe_person(token)
        if idx is None:
            return
        self.token_entity[token.i] = idx
        self.token_certainty[token.i] = 0.85
        det = "the " if any(c.lower_ == "the" for c in token.children) else ""
        self.entities[idx].aliases.add(det + token.text)
        self.history.append((token.i, idx, token.dep_ in {"nsubj", "nsubjpass"}))
        self.history.sort()

    def resolve_pronoun(self, token: Token, lower: str) -> None:
        if lower in PLURAL:
            members = self.group_before(token, _ORG_TYPES, subjects_only=True)
            if members and token.i - max(0, token.sent.start) < 200:
                self.groups[token.i] = members
            return
        if lower in MALE or lower in FEMALE:
            gender = "m" if lower in MALE else "f"
            # A pronoun object cannot mean its own clause's subject ("Musk
            # attacked the judge, branding him ..."): that would be "himself".
            bound = self.clause_subject(token) if token.dep_ in {"dobj", "pobj", "dative"} else None
            idx = self.salient(token, lambda e: e.type == "Person" and e.gender in {None, gender}
                               and self.entities.index(e) != bound)
        elif token.dep_ in {"nsubj", "nsubjpass", "poss"}:
            idx = self.salient(token, lambda e: e.type in _ORG_TYPES - {"AISystem"})
        elif token.dep_ == "pobj" and token.head.head.pos_ == "NOUN":
            # Inside a noun phrase "it" may mean the clause's subject: "Meta
            # defeated the FTC's lawsuit against it".
            idx = self.clause_subject(token.head.head)
            if idx is None or self.entities[idx].type not in _ORG_TYPES:
                return
        elif token.dep_ == "dobj" and token.head.dep_ == "conj":
            # Parallel objects: "ordered the company to comply and fined it".
            idx = next((self.token_entity[c.i] for c in token.head.head.children
                        if c.dep_ == "dobj" and c.i in self.token_entity), None)
            if idx is None or self.entities[idx].type not in _ORG_TYPES:
                return
        else:
            # Otherwise "it" as an object is usually a thing (the fine, the
            # law, the ban), not an actor: leave it unresolved.
            return
        if idx is None:
            return
        self.token_entity[token.i] = idx
        self.token_certainty[token.i] = 0.75
        self.history.append((token.i, idx, token.dep_ in {"nsubj", "nsubjpass"}))
        self.history.sort()


def resolve(doc: Doc, mentions: list[Mention], ont: Ontology) -> Resolution:
    """Return the article's entities and what each referring token points to."""
    return _Resolver(doc, mentions, ont).run()
