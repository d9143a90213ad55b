"""The entity table of one article: entities, their indexes, and merging without leftovers.

Mentions become :class:`Entity` rows; a key index (registry or minted IRI)
and an alias index find them again. :meth:`EntityTable.merge` forwards one
row to another, so every index handed out stays valid while resolving;
:meth:`EntityTable.compact` then gives the live entities only, with the map
from old indexes to new, so no consumer ever sees a merged-away row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


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
    typed_by: str = "ner"                           # the evidence the type rests on (see TYPE_EVIDENCE)


#: How much each kind of evidence for an entity's type weighs: stronger evidence may retype an entity.
TYPE_EVIDENCE = {"ner": 1, "list": 2, "description": 3, "title": 3, "cue": 3, "registry": 9}


#: The end of the IRI minted for the government of a country the registry lacks ("...kenya-government").
GOVERNMENT_SUFFIX = "-government"


def unlisted_government(country_iri: str, country_label: str, demonym: str | None) -> tuple[str, str, set[str]]:
    """Return the IRI, label and names of the government of a country the registry lacks: one actor however an
    article names it ("Kenya" acting, "the Kenyan Government", "the Government of Kenya"), labelled as the
    registry labels governments ("Kenyan Government") where the country has an adjective of nationality
    (``demonym``), else "Government of Kenya"."""
    formal = f"Government of {country_label}"
    label = f"{demonym} Government" if demonym else formal
    return f"{country_iri}{GOVERNMENT_SUFFIX}", label, {label, formal}


def retype(entity: Entity, typ: str | None, evidence: str) -> None:
    """Give ``entity`` the type ``typ`` when ``evidence`` outweighs what its type rests on now."""
    if typ and typ != entity.type and TYPE_EVIDENCE.get(evidence, 0) > TYPE_EVIDENCE.get(entity.typed_by, 0):
        entity.type, entity.typed_by = typ, evidence


def acronym(label: str, skip: frozenset[str] = frozenset({"of", "the", "for", "and"})) -> str:
    """Return the acronym of a name's capitalised words ("Federal Trade Commission" -> "FTC")."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", label) if w.lower() not in skip)


def name_words(text: str, particles: frozenset[str]) -> list[str]:
    """Return the words of a personal name without particles ("de", "van")."""
    return [w for w in text.split() if w.lower() not in particles]


class EntityTable:
    """The entities of one article, indexed by key (IRI) and alias."""

    def __init__(self) -> None:
        self._rows: list[Entity] = []
        self._forward: dict[int, int] = {}
        self._by_key: dict[str, int] = {}
        self._live: list[tuple[int, Entity]] | None = None   # live() until the next add or merge

    def __len__(self) -> int:
        return len(self._rows) - len(self._forward)

    def find(self, idx: int) -> int:
        """Return the live row ``idx`` was merged into (itself if it was not)."""
        while idx in self._forward:
            idx = self._forward[idx]
        return idx

    def __getitem__(self, idx: int) -> Entity:
        return self._rows[self.find(idx)]

    def live(self) -> list[tuple[int, Entity]]:
        """Return (index, entity) for every row not merged away, in creation order (not to be changed: shared
        until the next add or merge, since resolving asks for it per mention)."""
        if self._live is None:
            self._live = [(i, e) for i, e in enumerate(self._rows) if i not in self._forward]
        return self._live

    def by_key(self, key: str) -> int | None:
        """Return the entity whose IRI is ``key``."""
        idx = self._by_key.get(key)
        return None if idx is None else self.find(idx)

    def add(self, entity: Entity) -> int:
        """Add ``entity``; return its index."""
        self._rows.append(entity)
        self._live = None
        idx = len(self._rows) - 1
        self._by_key.setdefault(entity.id, idx)
        return idx

    def rekey(self, idx: int, key: str) -> None:
        """Give entity ``idx`` the IRI ``key`` (it is another actor than the one its old key named)."""
        e = self._rows[self.find(idx)]
        if self._by_key.get(e.id) == self.find(idx):
            del self._by_key[e.id]
        e.id = key
        self._by_key.setdefault(key, self.find(idx))

    def merge(self, src: int, dst: int) -> int:
        """Fold entity ``src`` into ``dst`` (aliases, roles, gender); return the surviving index."""
        src, dst = self.find(src), self.find(dst)
        if src == dst:
            return dst
        a, b = self._rows[src], self._rows[dst]
        b.aliases |= a.aliases
        b.roles |= a.roles
        b.gender = b.gender or a.gender
        b.registry = b.registry or a.registry
        self._forward[src] = dst
        self._live = None
        return dst

    def match(self, text: str, typ: str, particles: frozenset[str], suffixes: frozenset[str] = frozenset()) -> \
            int | None:
        """Return the entity a new name mention most likely repeats: same alias, a person's trailing name
        words ("Musk" for "Elon Musk"), an organisation's acronym ("FTC"), or a company's name without the words
        of ``suffixes`` that end it ("Vexa" for "Vexa Labs": the one company so named, and no person, even where
        the recogniser took the short name for a person's)."""
        live = self.live()
        for i, e in reversed(live):
            if text in e.aliases or text.lower() == e.label.lower():
                return i
        words = name_words(text, particles)
        for i, e in reversed(live):
            if typ == "Person" and e.type == "Person":
                label_words = name_words(e.label, particles)
                if words and len(words) < len(label_words) and label_words[-len(words):] == words:
                    return i
            elif typ != "Person" and e.type != "Person":
                if text.isupper() and 2 <= len(text) <= 6 and acronym(e.label) == text:
                    return i
        if " " in text or not suffixes or any(text in name_words(e.label, particles) for _, e in live
                                               if e.type == "Person"):
            return None
        short = [i for i, e in live if e.type in {"Company", "Platform", "Organisation"} and " " in e.label and
                 e.label.split()[0] == text and all(w in suffixes for w in e.label.split()[1:])]
        return short[0] if len(short) == 1 else None

    def fold_surnames(self, particles: frozenset[str]) -> None:
        """Merge a person named by one word into the one full name it can be part of: a surname ("Musk" ...
        "Elon Musk"), else a first name used alone ("Elton" for "Elton John") when only one person has it; and
        a one-word name the recogniser took for an organisation or place into the one person whose surname it
        is."""
        live = self.live()
        people = [(j, f, name_words(f.label, particles)) for j, f in live if f.type == "Person"]
        for i, e in live:
            if e.type != "Person" and not e.registry and e.typed_by == "ner" and " " not in e.label.strip() \
                    and all(" " not in a for a in e.aliases):
                # "Gary Gensler ... the SEC under Gensler": the recogniser's organisation is the surname of the
                # one person of the article with it (a name with no other evidence of its type).
                named = [j for j, _, words in people if len(words) > 1 and words[-1] == e.label.strip()]
                if len(named) == 1:
                    self.merge(i, named[0])
                continue
            if e.type != "Person" or len(name_words(e.label, particles)) != 1:
                continue
            word = e.label.strip()
            by_surname = [j for j, _, words in people if j != i and len(words) > 1 and words[-1] == word]
            by_first = [j for j, _, words in people if j != i and len(words) > 1 and words[0] == word]
            if by_surname:
                self.merge(i, by_surname[0])
            elif len(by_first) == 1:
                self.merge(i, by_first[0])

    def compact(self) -> tuple[list[Entity], dict[int, int]]:
        """Return the live entities and the map from every index handed out to its position among them."""
        live = self.live()
        position = {i: n for n, (i, _) in enumerate(live)}
        remap = {i: position[self.find(i)] for i in range(len(self._rows))}
        return [e for _, e in live], remap
