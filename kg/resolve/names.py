"""Names: mentions the recogniser found become entities of the table.

A registry name takes its registry entity (a country acts through its
government); an unknown name joins an entity it repeats (same alias, a
person's surname, an organisation's acronym) or starts a new one with an
IRI minted from the name. People get their gender from an honorific and the
role nouns written around their name ("Judge", "the chief executive").
"""

from __future__ import annotations

from ..namespace import PKID
from ..read import slug
from ..recognise import Mention
from .entities import Entity, retype
from .state import SUBJECT_DEPS, ResolveState


def entity_for_name(st: ResolveState, m: Mention) -> int:
    """Return the entity a name mention stands for, adding one when it is new."""
    typ = m.type or "Organisation"
    if m.iri:
        # A country stays a place here; where it acts, :mod:`kg.relate` puts its government in its stead.
        idx = st.entity_for_actor(m.iri)
        st.entity(idx).aliases.add(m.text)
        return idx
    found = st.table.match(m.text, typ, st.words("nameParticle"))
    if found is not None:
        st.entity(found).aliases.add(m.text)
        retype(st.entity(found), m.type, m.typed_by)
        return found
    iri = str(PKID[slug(m.text)])
    if iri in st.ont.actors:  # a name the registry spells differently in its IRI
        iri = str(PKID[slug(m.text) + "-" + typ.lower()])
    existing = st.table.by_key(iri)
    if existing is not None:
        st.entity(existing).aliases.add(m.text)
        retype(st.entity(existing), m.type, m.typed_by)
        return existing
    return st.table.add(Entity(iri, m.text, typ, {m.text}, typed_by=m.typed_by))


def note_person(st: ResolveState, m: Mention, idx: int) -> None:
    """Record a person's gender (from an honorific) and the role nouns around the name."""
    e = st.entity(idx)
    if m.honorific in st.words("maleHonorific"):
        e.gender = "m"
    elif m.honorific in st.words("femaleHonorific"):
        e.gender = "f"
    head = st.doc[m.start:m.end].root
    for child in head.children:
        if child.dep_ in {"compound", "appos"} and child.i < m.start and child.pos_ in {"NOUN", "PROPN"}:
            e.roles.add(child.lemma_.lower())
    if head.dep_ in {"appos", "compound"}:
        e.roles.add(head.head.lemma_.lower())
    for child in head.children:
        if child.dep_ == "appos" and child.i >= m.end:
            e.roles.add(child.lemma_.lower())


def resolve_names(st: ResolveState, mentions: list[Mention]) -> None:
    """Give every name mention its entity, then fold surnames seen before the full name."""
    tune = st.tuning
    for m in mentions:
        if m.kind not in {"registry", "ner"}:
            continue
        idx = entity_for_name(st, m)
        certainty = tune.name if m.kind == "registry" or len(m.text.split()) > 1 else tune.short_name
        m.entity = idx
        for t in range(m.start, m.end):
            st.token_entity[t] = idx
            st.token_certainty[t] = certainty
        st.note(m.start, idx, is_subject=st.doc[m.start:m.end].root.dep_ in SUBJECT_DEPS)
        if st.entity(idx).type == "Person":
            note_person(st, m, idx)
    st.table.fold_surnames(st.words("nameParticle"))
