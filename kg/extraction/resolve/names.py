"""Names: mentions the recogniser found become entities of the table.

A registry name takes its registry entity (a country acts through its
government); an unknown name joins an entity it repeats (same alias, a
person's surname, an organisation's acronym) or starts a new one with an
IRI minted from the name. People get their gender from an honorific and the
role nouns written around their name ("Judge", "the chief executive").
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kg.extraction import memo
from kg.extraction.recognise import Mention, bracketed_acronym, is_country_name
from kg.extraction.resolve.entities import Entity, retype, unlisted_government
from kg.extraction.resolve.state import SUBJECT_DEPS, ResolveState
from kg.sources.article import slug
from kg.vocabulary.namespace import PKID

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.vocabulary.ontology import Actor


def _titled(st: ResolveState, m: Mention) -> bool:
    """Return True when a one-word name carries a title or honorific ("President Biden", "Mr Musk") or heads a
    government ("the Biden administration")."""
    doc = st.doc
    if m.honorific or m.start > 0 and st.ont.role_for(doc[m.start - 1].lower_) is not None:
        return True
    after = doc[m.end] if m.end < len(doc) else None
    return after is not None and after.lower_ in st.words("governmentNoun")


def entity_for_name(st: ResolveState, m: Mention) -> int:
    """Return the entity a name mention stands for, adding one when it is new."""
    typ = m.type or "Organisation"
    if st.ont.is_generic_name(m.text):
        idx = _generic_abroad(st, m, typ)
        if idx is not None:
            return idx
    if m.iri:
        # A country stays a place here; where it acts, :mod:`kg.extraction.relate` puts its government in its stead.
        idx = st.entity_for_actor(m.iri)
        st.entity(idx).aliases.add(m.text)
        return idx
    if m.end - m.start == 1 and m.start >= 2 and bracketed_acronym(st.doc, m.start - 1) == m.text:
        # "the Dutch Data Protection Authority (AP)": the article defines the acronym, whatever its letters.
        named = st.token_entity.get(m.start - 2)
        if named is not None and st.entity(named).type not in {"Person", "Country"}:
            st.entity(named).aliases.add(m.text)
            return named
    found = st.table.match(m.text, typ, st.words("nameParticle"), st.ont.company_suffixes)
    if found is not None:
        st.entity(found).aliases.add(m.text)
        if not (m.type == "Person" and st.entity(found).type != "Person"):  # ("Pinmark", taken for a person's)
            retype(st.entity(found), m.type, m.typed_by)
        return found
    if " " not in m.text and (typ == "Person" or m.typed_by == "ner") and _titled(st, m):
        # A surname alone, in an article that never gives the full name, with a title that makes it a public
        # figure's ("President Biden", "the Biden administration"): the one registry person it can be. A bare
        # surname ("Khan said") may be anyone's.
        known = st.ont.people_by_surname.get(m.text, [])
        if len(known) == 1:
            idx = st.entity_for_actor(known[0])
            st.entity(idx).aliases.add(m.text)
            return idx
    name = m.text
    if st.ont.is_generic_name(name) and st.article_country is not None:
        # "Supreme Court", "Data Protection Commission": every country has one; the article's is meant, under the
        # name the registry gives it ("Brazilian Supreme Court") when it has one, else its country's ("Data
        # Protection Commission of Kenya" in a story about Kenya, never another country's the story names too).
        land = st.ont.actors.get(st.article_country)
        land_label = land.label if land is not None else st.article_country
        body, _ = _countrys_body(st, name, land, land_label)
        if body is not None:
            idx = st.entity_for_actor(body)
            st.entity(idx).aliases.add(m.text)
            return idx
        name = f"{name} of {land_label}"
    place = _government_of(name)
    if place is not None and st.mints(place) not in st.ont.actors:
        # "the Kenyan Government", "the Government of Kenya": the government of a country the registry lacks, one
        # actor under the IRI its country's acting mints, whichever way the article names it.
        gov_iri, label, names = unlisted_government(st.mints(place), place, st.ont.demonym(place))
        idx = st.table.by_key(gov_iri)
        if idx is None:
            idx = st.table.add(Entity(gov_iri, label, "GovernmentBody", names, typed_by="cue"))
        st.entity(idx).aliases.add(m.text)
        return idx
    iri = str(PKID[slug(name)])
    if iri in st.ont.actors:
        # The registry's actor under another casing or spelling of its name ("Alexandre De Moraes"): one actor,
        # one IRI, whatever type the NER guessed (the registry's type wins).
        idx = st.entity_for_actor(iri)
        st.entity(idx).aliases.add(m.text)
        return idx
    existing = st.table.by_key(iri)
    if existing is not None:
        st.entity(existing).aliases.add(m.text)
        retype(st.entity(existing), m.type, m.typed_by)
        return existing
    near = st.ont.misspelt_name(m.text, person=typ == "Person")
    if near is not None and (st.ont.actors[near].type == "Person") == (typ == "Person"):
        # "Kier Starmer": one letter off a registry name and nothing else as close; linked, less surely.
        st.misspelt.add(m.start)
        idx = st.entity_for_actor(near)
        st.entity(idx).aliases.add(m.text)
        return idx
    variants = _seat_variants(m.text, st.ont.generic_name_words) if typ == "Court" else set()
    return st.table.add(Entity(iri, m.text, typ, {m.text, *variants}, typed_by=m.typed_by))


def _seat_variants(name: str, generic: frozenset[str]) -> set[str]:
    """Return the other way news names a court by its seat: "a court in Madrid" is "a Madrid court", and "a
    Delhi district court" a "district court in Delhi" (the recogniser's courts by place); a court's own name
    ("Supreme Court", "High Court") has no seat in it (``generic``: the words such names are made of)."""
    words = name.split()
    lower = [w.lower() for w in words]
    if "court" not in lower:
        return set()
    at = lower.index("court")
    if lower[at + 1:at + 2] == ["in"] and at + 2 < len(words) and all(w in generic for w in lower[:at]):
        return {" ".join([*words[at + 2:], *words[:at + 1]])}
    if at == len(words) - 1 and at > 0 and words[0][:1].isupper():
        # (the place first, then any level words: "San Francisco federal court")
        place = [w for w in words[:at] if w[:1].isupper()]
        rest = words[len(place):at + 1]
        if place and len(place) + len(rest) == len(words) and not any(w.lower() in generic for w in place):
            return {" ".join([*rest, "in", *place])}
    return set()


def _government_of(name: str) -> str | None:
    """Return the country a government's name names ("Kenyan Government", "Government of Kenya"), else None."""
    from kg.extraction.recognise import country_of_demonym, is_state_name

    words = name.split()
    if len(words) == 2 and words[1].lower() == "government":
        return country_of_demonym(words[0]) or (words[0] if is_state_name(words[0]) else None)
    rest = name.removeprefix("Government of ").removeprefix("government of ")
    return rest if rest != name and is_state_name(rest) else None


def _generic_abroad(st: ResolveState, m: Mention, typ: str) -> int | None:
    """Return the body a name any country's body may bear stands for when a country other than the registry's
    is named right before it ("Ghana's Data Protection Commission", "the Nigeria Data Protection Commission",
    "Kenya's Supreme Court"), or the one of those the article named before ("the Data Protection Commission"
    after "Ghana's Data Protection Commission"); None otherwise."""
    if m.iri is None and len(m.text.split()) > 3:
        return None  # "Federal Competition and Consumer Protection Commission": a long name says which on its own
    place = _other_country_before(st, m)
    if place is None:
        return next((i for i, e in st.table.live() if not e.registry and m.text in e.aliases
                     and e.label.startswith(f"{m.text} of ")), None)
    land = st.ont.actors.get(st.ont.actor_named(place) or "")
    known, name = _countrys_body(st, m.text, land, place)
    idx = st.entity_for_actor(known) if known is not None else st.minted(name, typ, typed_by=m.typed_by)
    st.entity(idx).aliases.add(m.text)
    start = m.start
    while start > 0 and st.doc[start - 1].is_title and st.doc[start - 1].pos_ == "PROPN":
        start -= 1
    if start < m.start:  # the name as written with its place: "the Karnataka High Court"
        st.entity(idx).aliases.add(st.doc[start:m.end].text)
    return idx


def _countrys_body(st: ResolveState, name: str, land: Actor | None, place: str) -> tuple[str | None, str]:
    """Return the registry's body called ``name`` in a country ("Brazilian Supreme Court", "Brazil Supreme
    Court" or "Supreme Court of Brazil"), or None, with the name a body of its own takes there: the country's
    adjective first, as news writes it ("Chinese Foreign Ministry"), "Data Protection Commission of Ghana" for a
    country the registry lacks."""
    names = [f"{name} of {place}"] if land is None else [
        f"{land.demonym} {name}" if land.demonym else f"{name} of {land.label}", f"{land.label} {name}",
        f"{name} of {land.label}"]
    known = next((i for n in names if (i := st.ont.actor_named(n)) and st.ont.actors[i].type != "Person"), None)
    return known, names[0]


_STATE_BODIES = frozenset({"Regulator", "GovernmentBody", "Court", "Legislature"})


def relocate_generic_names(st: ResolveState) -> None:
    """Make a registry body named only by a name any country's body bears ("the Data Protection Commission")
    the article's own country's when the article never names the registry body's country: a story about Ghana
    means Ghana's commission, not Ireland's."""
    home = st.home_government()
    if home is None:
        return
    home_e = st.entity(home)
    place = st.ont.actors.get(st.ont.country_of.get(home_e.id, home_e.id)) if home_e.registry else None
    place_label = place.label if place is not None else _government_of(home_e.label) or home_e.label
    for i, e in list(st.table.live()):
        actor = st.ont.actors.get(e.id) if e.registry else None
        if actor is None or actor.type not in _STATE_BODIES:
            continue
        written = e.aliases - {actor.label}
        if not st.named_generically(e, unlisted_home=place is None):
            continue  # (where the article names the body's own country, the registry's body may well be meant)
        land = st.ont.actors.get(st.ont.country_of.get(actor.jurisdiction or "", actor.jurisdiction or ""))
        if land is None or (place is not None and place.iri == land.iri):
            continue
        iri, mint = _countrys_body(st, max(written, key=len), place, place_label)
        label = st.ont.actors[iri].label if iri else mint
        st.table.rekey(i, iri or str(PKID[slug(label)]))
        e.label, e.registry, e.aliases = label, iri is not None, written | {label}
        e.typed_by = "registry" if iri else "cue"


def _other_country_before(st: ResolveState, m: Mention) -> str | None:
    """Return the country named right before a registry name ("Ghana's", "Nigeria", "Kenyan") when it is not
    the country of that registry actor, else None."""
    from kg.extraction.recognise import country_of_demonym, is_state_name

    at = m.start - 1
    if at >= 0 and st.doc[at].dep_ == "case":
        at -= 1
    if at < 0:
        return None
    tok = st.doc[at]
    idx = st.token_entity.get(at)
    name = st.entity(idx).label if idx is not None and st.entity(idx).type == "Country" else \
        tok.text if is_state_name(tok.text) else country_of_demonym(tok.text)
    if name is None:
        return None
    actor = st.ont.actors.get(m.iri or "")
    if actor is None:
        return name
    home = st.ont.actors.get(st.ont.country_of.get(actor.jurisdiction or "", actor.jurisdiction or ""))
    if home is not None and name.lower() in {n.lower() for n in (*home.names, home.demonym or "")}:
        return None
    return name


def note_person(st: ResolveState, m: Mention, idx: int) -> None:
    """Record a person's gender (from an honorific) and the role nouns around the name."""
    e = st.entity(idx)
    if m.honorific in st.words("maleHonorific"):
        e.gender = "m"
    elif m.honorific in st.words("femaleHonorific"):
        e.gender = "f"
    before = st.doc[m.start - 1] if m.start > 0 else None
    if before is not None and before.is_title and (m.honorific or st.ont.role_for(before.lower_) is not None):
        # How the text names them: "President Erdogan", "Mr Musk", "Prime Minister Benjamin Netanyahu".
        first = before.i
        two = st.ont.role_for(f"{st.doc[first - 1].lower_} {before.lower_}") if first > 0 else None
        if two is not None and len(two.title) == 2 and st.doc[first - 1].is_title:
            first -= 1  # a title of two words ("Prime Minister"), not a word before one ("Greens Senator")
        e.aliases.add(f"{st.doc[first:m.start].text} {m.text}")
    head = st.doc[m.start:m.end].root
    for child in head.children:
        if child.dep_ in {"compound", "appos"} and child.i < m.start and child.pos_ in {"NOUN", "PROPN"}:
            e.roles.add(child.lemma_.lower())
    if head.dep_ in {"appos", "compound"}:
        e.roles.add(head.head.lemma_.lower())
    for child in head.children:
        if child.dep_ == "appos" and child.i >= m.end:
            e.roles.add(child.lemma_.lower())


def article_country(st: ResolveState, mentions: list[Mention]) -> str | None:
    """Return the country the article's names point to most: the registry's names by their jurisdictions and
    states, a country the registry lacks by its name (and the dateline's country as two names). The registry
    country's IRI, or for one the registry lacks the name it is written with (which :meth:`Ontology.actors` does
    not hold)."""
    counts: Counter[str] = Counter()
    filed = st.filed_from()
    if filed is not None:
        counts[filed[1] or filed[0]] += 2
    # (the first sentence, the headline or the lede, says what the story is about: its names count twice)
    first = next(iter(st.doc.sents)).end if len(st.doc) and st.doc.has_annotation("SENT_START") else 0
    for m in mentions:
        weight = 2 if m.start < first else 1
        if m.type == "Country" and st.origin_only(m.start):
            continue  # "huge US tech firms": where the firms are from, not whose story it is
        actor = st.ont.actors.get(m.iri) if m.iri else None
        if actor is None:
            if m.type == "Country" and m.kind == "ner" and st.mints(m.text) not in st.ont.actors and \
                    is_country_name(m.text):
                counts[m.text] += weight  # "Kenya suspended Zeta Chat": a country the registry lacks
            continue
        if actor.iri in st.ont.government_of:
            counts[actor.iri] += weight
        elif actor.iri in st.ont.country_of:
            counts[st.ont.country_of[actor.iri]] += weight
        elif actor.jurisdiction in st.ont.government_of:
            counts[actor.jurisdiction] += weight
    for at, (iri, unlisted_name) in st.described_countries:  # "the South African regulator"
        counts[unlisted_name or iri] += 2 if at < first else 1
    top = counts.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None  # a tie names no country


def resolve_names(st: ResolveState, mentions: list[Mention]) -> None:
    """Give every name mention its entity, then fold surnames seen before the full name."""
    st.article_country = article_country(st, mentions)
    tune = st.tuning
    for m in mentions:
        if m.kind not in {"registry", "ner"}:
            continue
        idx = entity_for_name(st, m)
        # a person's one word may be a surname standing for another's full name ("Musk"); an organisation's one word
        # is its name ("Ofcom", "4chan"), registry or not
        certainty = tune.name if m.kind == "registry" or len(m.text.split()) > 1 or m.type != "Person" \
            else tune.short_name
        if m.start in st.misspelt:
            certainty = tune.misspelt_name
        m.entity = idx
        for t in range(m.start, m.end):
            st.token_entity[t] = idx
            st.token_certainty[t] = certainty
        st.note(m.start, idx, is_subject=st.doc[m.start:m.end].root.dep_ in SUBJECT_DEPS)
        if st.entity(idx).type == "Person":
            note_person(st, m, idx)
    st.table.fold_surnames(st.words("nameParticle"))
    fold_generic_bodies(st)
    former_names(st, mentions)


def fold_generic_bodies(st: ResolveState) -> None:
    """Fold a body named only by a name any country's body bears, with its country ("the U.S. District Court",
    "Kenya's High Court"), into the one body of that kind and country the article names in full ("the U.S. District
    Court for the District of Delaware"): the same court, not every country's court of the kind under one name."""
    live = list(st.table.live())
    for i, e in live:
        if e.registry or e.type not in _STATE_BODIES:
            continue
        found = _generic_with_country(st, e.label)
        if found is None:
            continue
        core, country, abroad = found
        words = core.lower().split()
        fuller = [j for j, f in live if j != i and f.type == e.type and len(f.label.split()) > len(e.label.split())
                  and all(w in f.label.lower().split() for w in words) and st.of_country(f, country, abroad)]
        if len(fuller) == 1:
            st.table.merge(i, fuller[0])


def _generic_with_country(st: ResolveState, label: str) -> tuple[str, str | None, str | None] | None:
    """Return the generic name inside a body's label and the country it names, as the registry's country's IRI or
    the name of one it lacks ("American District Court" -> "District Court", the United States), or None when the
    label is no such pair."""
    from kg.extraction.recognise import country_of_demonym

    head, _, rest = label.partition(" ")
    core, _, place = label.partition(" of ")
    for name, land in ((rest, head), (core, place)):
        if not land or not st.ont.is_generic_name(name):
            continue
        gov = st.ont.government_named(land)
        if gov is not None:
            return name, st.ont.country_of.get(gov), None
        if country_of_demonym(land) is not None or land[:1].isupper():
            return name, None, country_of_demonym(land) or land
    return None

def _only_words(between: list[Token], words: frozenset[str]) -> bool:
    """Return True when the words ``between`` two names, brackets, commas and "known as" aside, are some and all
    of ``words`` (read up to the first that is not: the words between two names far apart are many)."""
    some = False
    for t in between:
        lower = t.lower_
        if lower in {"(", ",", "known", "as"}:
            continue
        if lower not in words:
            return False
        some = True
    return some


def former_names(st: ResolveState, mentions: list[Mention]) -> None:
    """Fold a former name into the name it is given after: "World Foundation (formerly Worldcoin Foundation)",
    "Meta, previously Facebook," ("formerly known as" too): one actor under two names."""
    words = st.words("formerlyWord")
    named = sorted((m for m in mentions if m.entity is not None and m.kind in {"registry", "ner"}),
                   key=lambda m: m.start)
    for a, b in zip(named, named[1:], strict=False):
        if a.entity is None or b.entity is None:
            continue
        if _only_words(memo.tokens(st.doc)[a.end:b.start], words) and st.entity(a.entity).type != "Person" and \
                st.entity(b.entity).type not in {"Person", "Country"} and not st.entity(b.entity).registry:
            st.table.merge(b.entity, a.entity)
