"""Descriptions: "the regulator", "the Commission", "the Australian government", "the firms", "the judge".

A definite description refers to the latest entity whose class the noun
names (the ontology's ``pk:descriptionNoun``), preferring one whose name holds
the noun ("the Commission"); a government noun takes a country modifier's
government, else the latest government, else the article's own; a role noun
("the judge") refers to the latest person seen with that role; a plural
("the firms") refers to the latest coordinated group of that class. A
description standing beside a name ("regulator Ofcom", "eSafety, the
regulator") is a title of that name, not a reference.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import TYPE_CHECKING

from kg.extraction import memo
from kg.extraction.resolve.entities import TYPE_EVIDENCE, Entity, retype
from kg.extraction.resolve.state import SUBJECT_DEPS, ResolveState

if TYPE_CHECKING:
    from spacy.tokens import Token


def definite(st: ResolveState, token: Token) -> bool:
    """Return True for a noun with a definite or demonstrative determiner, or a possessor."""
    demonstratives = st.words("demonstrative")
    return any((c.dep_ == "det" and c.lower_ in demonstratives) or c.dep_ == "poss" for c in token.children)


def plural_body(st: ResolveState, token: Token) -> bool:
    """Return True for a plural the ontology lists as naming a body itself ("ministers", "lawmakers")."""
    return token.tag_ in {"NNS", "NNPS"} and token.lower_ in st.ont.description_index


def same_roles(st: ResolveState, nouns: set[str]) -> set[str]:
    """Return ``nouns`` with the role nouns the lexicon says mean the same ("judge" -> "justice")."""
    out = set(nouns)
    for group in st.words("sameRole"):
        words = set(group.split())
        if out & words:
            out |= words
    return out


def is_description(st: ResolveState, token: Token) -> bool:
    """Return True when ``token`` heads a description that refers back to an entity."""
    lemma = token.lemma_.lower()
    if st.ont.description_index.get(lemma) == ["Legislation"] and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False  # "the text of the ruling", "the regulation of AI": what it is of, not a law named before
    mission = embassy(st, token)
    if mission is not None:
        st.refers(token.i, mission, st.tuning.description, is_subject=token.dep_ in SUBJECT_DEPS)
        return False
    owner = product_owner(st, token)
    if owner is not None:
        # "the ChatGPT maker", "the TikTok owner": the company behind the product named.
        st.refers(token.i, owner, st.tuning.description, is_subject=token.dep_ in SUBJECT_DEPS)
        words = [t.lower_ if t.dep_ == "det" else t.text for t in token.lefts] + [token.text]
        st.entity(owner).aliases.add(" ".join(words))
        return False
    if lemma in st.words("institutionNoun") and lemma not in st.ont.description_index and \
            token.dep_ not in {"compound", "amod"} and institution(st, token) is not None:
        return True  # "Kenya's data protection office": an institution by its country and field
    if lemma not in st.ont.description_index and token.lower_ not in st.ont.description_index:
        # The determiner first: gathering every entity's roles per noun would cost the document's length again.
        if not (definite(st, token) and lemma in same_roles(st, {r for _, e in st.table.live() for r in e.roles})):
            return False
    if token.dep_ == "compound" and token.head.i not in st.token_entity and token.head.pos_ == "NOUN" and \
            st.ont.role_for(token.head.text) is not None:
        # "foreign ministry spokesman Lin Jian": the institution a title before a name says its holder works in;
        # "Commission chairman Yoon Jong-in": the commission the article named before.
        inst = institution(st, token)
        if inst is None and st.ont.description_classes(lemma) & st.ont.organisational_classes:
            inst = describe(st, token)
        if inst is not None:
            st.refers(token.i, inst, st.tuning.description, is_subject=False)
        return False
    if token.dep_ in {"compound", "amod"}:
        if token.dep_ == "compound" and token.head.i in st.token_entity:
            named = st.entity(st.token_entity[token.head.i])  # "crypto exchange Coinbase"
            named.roles.add(lemma)
            _retype_by_description(st, named, token)
        return False
    # A description naming an entity in place ("regulator Ofcom", "the telecoms
    # regulator Anatel", "eSafety, the regulator") is a title.
    classes = st.ont.description_classes(lemma) or st.ont.description_classes(token.lower_)
    if lemma in st.words("governmentNoun") and (_led_by(st, token) is not None or any(
            c.dep_ in {"compound", "poss"} and c.i < token.i and c.i in st.token_entity
            and st.entity(st.token_entity[c.i]).type == "Person" for c in token.children)):
        return True  # "the Trump administration", "the Netanyahu government": the government he leads, not a title
    for child in token.children:
        if child.dep_ in {"appos", "compound"} and child.i in st.token_entity:
            named = st.entity(st.token_entity[child.i])
            if child.dep_ == "compound" and classes and named.type not in classes and (named.type in {
                    "Country", "GovernmentBody"} or classes == {"Legislation"}):
                continue  # "the U.S. company", "the United Nations resolution": a place or a maker, not the name
            named.roles.add(lemma)
            _retype_by_description(st, named, token)
            return False
    held = [a for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
            if o.dep_ == "pobj" for a in (*(c for c in o.children if c.dep_ == "appos"), o)
            if a.i in st.token_entity and a.i > p.i + 1]
    for a in held:
        # "the governor of the Bank of Zembla, Jon Tavares": the name the parser hung on the organisation
        # is the title's holder, not someone named before.
        if st.entity(st.token_entity[a.i]).type == "Person":
            st.entity(st.token_entity[a.i]).roles.add(lemma)
            return False
    for name in (t for t in named_as(token, st.words("knownAsVerb")) if t.i in st.token_entity):
        # "the Chinese state-sponsored group known as APT40": the name the description gives is what it means.
        named = st.entity(st.token_entity[name.i])
        named.roles.add(lemma)
        _retype_by_description(st, named, token)
        return False
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        # "The DPC, which is TikTok's lead privacy regulator in the EU": what the copula says its subject is
        subj = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in st.words("relativeWord") and token.head.dep_ == "relcl":
            subj = token.head.head
        if subj is not None and subj.i in st.token_entity:
            st.entity(st.token_entity[subj.i]).roles.add(lemma)
            return False
    if token.dep_ == "appos" and token.head.i in st.token_entity:
        named = st.entity(st.token_entity[token.head.i])
        named.roles.add(lemma)
        if not (named.type == "Person" and any(
                c.dep_ in {"poss", "nmod"} and c.i in st.token_entity and st.entity(
                    st.token_entity[c.i]).type not in {"Country", "GovernmentBody"} for c in token.children)):
            # (A person beside "Baker & Lane's privacy group" works in another's group: no retyping.)
            _retype_by_description(st, named, token)
        return False
    if plural_body(st, token) or anchored(st, token) is not None:
        return True  # "ministers", "regulators at Ofcom"
    if token.tag_ == "NN" and classes and not classes - _STATE_CLASSES and (
            description_country(st, token) is not None or unlisted_country(st, token) is not None):
        return True  # "a Brazilian court", "an Indian regulator": a state's body, named by its nationality
    if token.tag_ == "NN" and lemma in st.words("chamberNoun") and not any(c.dep_ == "det" for c in token.children):
        return True  # "protesters stormed parliament", "told parliament": the country's own, with no article
    return definite(st, token)


def named_as(token: Token, verbs: frozenset[str]) -> list[Token]:
    """Return the tokens of the name a participle of naming (``pk:knownAsVerb``) gives a noun: "the group known as
    APT40", "a firm called Acme"."""
    return [o for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in verbs
            for g in c.children if g.dep_ == "oprd" or g.dep_ == "prep" and g.lower_ == "as"
            for o in ([g] if g.dep_ == "oprd" else [p for p in g.children if p.dep_ == "pobj"])]


def country_modifier(st: ResolveState, token: Token) -> int | None:
    """Return the government of a country named by a modifier of ``token`` ("the Australian government")."""
    country = description_country(st, token)
    if country is not None and country in st.ont.government_of:
        return st.entity_for_actor(st.ont.government_of[country])
    for child in token.children:
        idx = st.token_entity.get(child.i) if child.dep_ in {"amod", "compound", "poss", "nmod"} else None
        if idx is not None and st.entity(idx).type in {"GovernmentBody", "Country"}:
            return st.government(idx)
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"in", "of"}):
        # "authorities in Kenya", "the government of Chile"
        for p in prep.children:
            idx = st.token_entity.get(p.i) if p.dep_ == "pobj" else None
            if idx is not None and st.entity(idx).type == "Country":
                return st.government(idx)
    name = unlisted_country(st, token)
    return st.country_named(name) if name is not None else None


def unlisted_country(st: ResolveState, token: Token) -> str | None:
    """Return the name of a country outside the registry that a possessor or modifier of ``token`` names
    ("Ukraine's", "Kenyan")."""
    from kg.extraction.recognise import country_of_demonym

    for c in token.children:
        if c.dep_ not in {"poss", "amod", "compound", "nmod"} or c.i > token.i:
            continue
        idx = st.token_entity.get(c.i)
        if idx is not None:
            e = st.entity(idx)
            if e.type == "Country" and not e.registry and e.id not in st.ont.government_of:
                return e.label
        elif c.dep_ in {"amod", "compound"} and (state := _state_by_demonym(st, c)) is not None:
            return state
        elif c.dep_ in {"amod", "compound"} and st.ont.government_named(c.text) is None:
            name = country_of_demonym(c.text)
            if name is not None:
                return name
    return None


def _state_by_demonym(st: ResolveState, word: Token) -> str | None:
    """Return the state a nationality and the word before it name ("South Australian" -> "South Australia")."""
    from kg.extraction.recognise import state_by_demonym

    return state_by_demonym(st.doc[word.i - 1], word, st.ont) if word.i > 0 else None


def nationality_unknown(token: Token) -> bool:
    """Return True when a modifier before ``token`` is a nationality no country could be found for ("the
    Ruritanian president"): the noun is that country's, so never the article's own government."""
    return any(c.dep_ in {"amod", "compound"} and c.i < token.i and c.ent_type_ == "NORP" for c in token.children)


def described_class(st: ResolveState, token: Token) -> str | None:
    """Return the one class a description noun names, trying it with its compound first ("news agency",
    "law firm", "messaging service")."""
    for c in token.lefts:
        if c.dep_ == "compound" and c.is_lower:
            found = st.ont.description_index.get(f"{c.lower_} {token.lemma_.lower()}", [])
            if len(found) == 1:
                return found[0]
    found = st.ont.description_index.get(token.lemma_.lower(), [])
    return found[0] if len(found) == 1 else None


def embassy(st: ResolveState, token: Token) -> int | None:
    """Return the embassy a description names by its country and where it sits ("China's embassy in Germany",
    "the Russian embassy in Paris": "Chinese Embassy in Germany", a government body of its own)."""
    if token.lemma_.lower() not in st.words("embassyNoun") or token.tag_ in {"NNS", "NNPS"}:
        return None
    country = description_country(st, token)
    if country is not None:
        land = st.ont.actors[country]
        demonym = land.demonym or land.label
    else:
        from kg.extraction.recognise import country_of_demonym

        name = unlisted_country(st, token)
        if name is None:
            return None
        demonym = next((c.text for c in token.children if c.dep_ in {"amod", "compound"}
                        and country_of_demonym(c.text) == name), name)
    place = next((" ".join(t.text for t in p.subtree) for c in token.children if c.dep_ == "prep" and c.lower_ == "in"
                  for p in c.children if p.dep_ == "pobj"), None)
    label = f"{demonym} {token.text.title()}" + (f" in {place}" if place else "")
    idx = st.minted(label, "GovernmentBody")
    words = [t.lower_ if t.dep_ == "det" else t.text
             for t in memo.tokens(st.doc)[token.left_edge.i:token.right_edge.i + 1]]
    st.entity(idx).aliases.add(" ".join(words).replace(" 's", "'s"))
    return idx


def product_owner(st: ResolveState, token: Token) -> int | None:
    """Return the company a maker's epithet names by its product ("the ChatGPT maker", "the Instagram parent",
    "ChatGPT's maker"): the one owner or developer the registry gives the product, else nobody."""
    if token.lemma_.lower() not in st.words("makerNoun") or token.dep_ in {"compound", "amod"}:
        return None
    for c in token.children:
        idx = st.token_entity.get(c.i) if c.dep_ in {"compound", "nmod", "poss"} and c.i < token.i else None
        if idx is None:
            continue
        actor = st.ont.actors.get(st.entity(idx).id)
        if actor is not None and len(actor.owners) == 1 and st.entity(idx).type in {"Platform", "AISystem"}:
            return st.entity_for_actor(actor.owners[0])
    return None


def _retype_by_description(st: ResolveState, named: Entity, token: Token) -> None:
    # A role noun ("owner", "developer") may describe a person: it types nobody.
    if st.ont.role_for(token.lemma_) is None:
        retype(named, described_class(st, token), "description")


def type_list_members(st: ResolveState) -> None:
    """Type names listed under a class noun: "platforms including Viber and Witk", "firms such as Acme"."""
    tokens = st.tokens
    for i, pos in enumerate(memo.column(st.doc, "pos_")):
        if pos != "NOUN":
            continue
        token = tokens[i]
        typ = described_class(st, token)
        if typ is None:
            continue
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ in {"including", "like", "as"}:
                for p in c.children:
                    for member in [p, *p.conjuncts] if p.dep_ == "pobj" else []:
                        idx = st.token_entity.get(member.i)
                        if idx is not None:
                            retype(st.entity(idx), typ, "description")
    # Coordinated names typed on weak evidence follow the type the better-typed ones agree on.
    for i, idx in list(st.token_entity.items()):
        tok = st.doc[i]
        if tok.dep_ == "conj" or st.token_entity.get(tok.head.i) == idx or not any(
                c.dep_ == "conj" for c in tok.children):
            continue  # not the head of the first name of a list
        listed = [tok, *tok.conjuncts] + ([tok.head] if tok.dep_ == "appos" else [])
        members = [st.entity(st.token_entity[c.i]) for c in listed if c.i in st.token_entity]
        strong = Counter(e.type for e in members if TYPE_EVIDENCE.get(e.typed_by, 0) > TYPE_EVIDENCE["list"])
        if len(members) > 2 and strong:
            (typ, n), *rest = strong.most_common(2)
            if not rest or rest[0][1] < n:
                for e in members:
                    retype(e, typ, "list")


def _national(st: ResolveState, gov: int) -> int:
    """Return the national government over ``gov`` when it is a federal state's ("Government of Texas" -> the US
    Government), else ``gov`` itself."""
    from kg.extraction.recognise import subdivision_country

    country = subdivision_country(st.entity(gov).label.removeprefix("Government of "))
    national = st.ont.government_named(country) if country is not None else None
    return st.entity_for_actor(national) if national is not None else gov


def description_country(st: ResolveState, token: Token) -> str | None:
    """Return the registry country a description names by a possessor or modifier ("South Korea's", "Italian").

    In a title before a name the parser may hang the country on the title, beside the description: "Russian
    foreign ministry spokeswoman Ada Vos" (a modifier of "spokeswoman" left of "foreign ministry")."""
    beside = [c for c in token.head.children if c.i < token.left_edge.i] if token.dep_ == "compound" else []
    for c in [*token.children, *beside]:
        if c.dep_ not in {"poss", "amod", "compound", "nmod"}:
            continue
        idx = st.token_entity.get(c.i)
        if idx is not None:
            e = st.entity(idx)
            if e.id in st.ont.government_of:
                return e.id
            if e.id in st.ont.country_of:
                return st.ont.country_of[e.id]
            continue  # "Western Australia's": a state named with its country's name, not the country
        whole = st.doc[c.left_edge.i:c.i + 1].text  # "the South African regulator": a nationality of two words
        if whole != c.text and (gov := st.ont.government_named(whole)) is not None:
            return st.ont.country_of[gov]
        if _state_by_demonym(st, c) is not None:
            continue  # "the South Australian government": a state's, not Australia's
        gov = st.ont.government_named(c.text)
        if gov is not None:
            return st.ont.country_of[gov]
    return None


def field_words(st: ResolveState, token: Token) -> list[Token]:
    """Return the common words before an institution noun that name its field ("industry", "data protection"),
    with the words that modify them in turn ("consumer" in "consumer protection agency"), in text order."""
    found: list[Token] = []
    todo = [token]
    while todo:
        head = todo.pop()
        for c in [*head.lefts, *(c for c in head.rights if c.dep_ == "conj" and c.i < token.i)]:
            # "data protection", "consumer protection", "information and communication technologies", and a field
            # in capitals ("IT ministry")
            word = c.dep_ in {"amod", "compound", "nmod", "conj"} and c.pos_ in {"NOUN", "ADJ", "PROPN"} and \
                c.is_lower or \
                c.dep_ == "compound" and c.is_upper and c.lower_ in st.ont.field_words
            if word and c.i not in st.token_entity and st.ont.government_named(c.text) is None:
                found.append(c)
                todo.append(c)
    return sorted(found, key=lambda t: t.i)


def institution(st: ResolveState, token: Token) -> int | None:
    """Return the institution a description names by its country and field: "South Korea's industry ministry",
    "Italy's data watchdog", "the defence ministry" (in the article's country). A registry actor of that country
    whose names share the field is taken; otherwise the institution becomes an entity of its own."""
    noun = token.lemma_.lower()
    if noun not in st.words("institutionNoun") or token.tag_ in {"NNS", "NNPS"}:
        return None
    if described_class(st, token) not in {None, "Regulator", "GovernmentBody"}:
        return None  # "news agency": a newsroom, not an institution of government
    known = st.ont.domain_words([])
    fields = [f for f in field_words(st, token) if st.ont.domain_words([f.lemma_]) - known]
    country = description_country(st, token)
    if country is None and (abroad := unlisted_country(st, token)) is not None:
        # "Ukraine's foreign ministry": a country the registry lacks, never the article's own.
        if not fields:
            return None
        return _mint_institution(st, token, None, fields, st.ont.description_classes(noun), place=abroad)
    if not fields and country is None:
        return None
    if country is None:
        home = st.home_government()
        country = st.ont.country_of.get(st.entity(home).id) if home is not None else None
    if country is None:
        return None
    # "board" describes no class of its own: a country's board with a field is one of its regulators or bodies.
    classes = st.ont.description_classes(noun) or frozenset({"Regulator", "GovernmentBody"})
    wanted = st.ont.domain_words([*(f.lemma_ for f in fields), *(f.lower_ for f in fields)])  # "data", not "datum"
    # Only the words that name a field count when some do: a "consumer protection agency" is no data protection
    # authority for sharing "protection".
    wanted = (wanted & st.ont.field_words) or wanted
    scored = []
    # The description's own words first ("information and communication technologies authority" is the one of that
    # name, not the data protection authority that shares the field of "information"), then its field's words.
    own = {f.lower_ for f in fields} | {f.lemma_.lower() for f in fields}
    for actor in st.ont.actors_in(country, classes):
        names = {w for n in actor.names for w in re.findall(r"[a-z]+", n.lower())}
        if fields and not own & names and names & st.ont.field_words - wanted - st.ont.domain_words(wanted & names):
            # A body of another field that shares a word with this one: "Poland's foreign ministry" is no "Ministry
            # of Digital Affairs" for sharing "affairs".
            continue
        scored.append(((len(own & names), len(wanted & names)), actor))
    scored.sort(key=lambda x: (-x[0][0], -x[0][1]))
    if fields and scored and scored[0][0][1] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return st.entity_for_actor(scored[0][1].iri)
    if not fields:
        return st.entity_for_actor(scored[0][1].iri) if len(scored) == 1 else None
    return _mint_institution(st, token, country, fields, classes)


def chamber(st: ResolveState, token: Token) -> int | None:
    """Return the legislature a country names: "Kenya's parliament", "the Brazilian Senate", "the parliament of
    Ghana" (the registry's chamber of that name in that country, else one of its own, "Parliament of Kenya")."""
    noun = token.lemma_.lower()
    if noun not in st.words("chamberNoun") or token.tag_ in {"NNS", "NNPS"}:
        return None
    country = description_country(st, token)
    place = unlisted_country(st, token) if country is None else None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of" and country is place is None):
        for p in prep.children:
            idx = st.token_entity.get(p.i) if p.dep_ == "pobj" else None
            if idx is not None and st.entity(idx).type == "Country":
                e = st.entity(idx)
                country = st.ont.country_of.get(e.id, e.id) if e.registry else None
                place = None if e.registry else e.label
    if country is None and place is None and not any(c.dep_ in {"poss", "amod"} or c.dep_ == "det" and c.lower_ != "the"
                                                     for c in token.children):
        # "told parliament", "the Senate must approve him": the chamber of the country the story is about
        home = st.home_government()
        home_e = st.entity(home) if home is not None else None
        if home_e is not None and home_e.registry:
            country = st.ont.country_of.get(home_e.id)
        elif home_e is not None and home_e.type == "Country":
            place = home_e.label
    if country is not None:
        chambers = st.ont.actors_in(country, {"Legislature"})
        named = [a for a in chambers if any(noun in n.lower().split() for n in a.names)]
        if len(named) == 1:
            return st.entity_for_actor(named[0].iri)
        if named or noun != "parliament" and chambers:
            return None  # two of that name, or a chamber the country may not have: which is not said
        place = st.ont.actors[country].label
    if place is None:
        return None
    return st.minted(f"{token.text.title()} of {place}", "Legislature")


def _mint_instrument(st: ResolveState, token: Token) -> int | None:
    """Return a policy instrument the article describes but never names, as an actor of its own: "the accord",
    "the proposed 10-year moratorium", "the resolution" (labelled by its phrase, less the determiner)."""
    words = [t for t in token.lefts if t.dep_ in {"amod", "compound", "nummod", "nmod"} and t.i not in st.token_entity]
    start = min([t.i for t in words], default=token.i)
    if any(t.i in st.token_entity or t.is_punct and t.text != "-" for t in memo.tokens(st.doc)[start:token.i]):
        start = token.i
    return st.minted(st.doc[start:token.i + 1].text, "Legislation")


def _mint_institution(st: ResolveState, token: Token, country: str | None, fields: list[Token],
                      classes: frozenset[str], place: str | None = None) -> int:
    if place is not None:
        # A country outside the registry: "Foreign Ministry of Ukraine".
        label = " ".join([*(f.text.title() for f in fields), token.text.title(), "of", place])
    else:
        actor = st.ont.actors[country or ""]
        label = " ".join([actor.demonym or actor.label, *(f.text.title() for f in fields), token.text.title()])
    typ = "GovernmentBody" if "GovernmentBody" in classes or not classes else sorted(classes)[0]
    idx = st.minted(label, typ, typed_by="ner")
    start = min(f.i for f in fields)
    st.entity(idx).aliases.add(st.doc[start:token.i + 1].text)
    return idx


def describe(st: ResolveState, token: Token) -> int | None:
    """Return the entity a singular class description refers to."""
    inst = institution(st, token)
    if inst is None:
        inst = chamber(st, token)
    if inst is not None:
        return inst
    if any(c.dep_ == "poss" and not _is_country(st, c) for c in token.children) and (
            description_country(st, token) is None or token.lemma_.lower() in st.words("subsidiaryTitle")):
        # "its chatbot", "Meta's platform": whose, not which; not guessed ("Kenya's government" is). Nor is "its
        # China subsidiary", which is no company the article named for being from China.
        return None
    noun = token.lemma_.lower()
    classes = set(st.ont.description_index.get(noun, [])) | set(st.ont.description_index.get(token.lower_, []))
    if "GovernmentBody" in classes and {noun, token.lower_} & st.words("governmentNoun"):
        found = _government_described(st, token, noun)
        if found is not None:
            st.the_government = found
        return found
    if not classes:
        return None
    if "Company" in classes:
        classes.add("Platform")  # "the company" behind a service
    if classes == {"Country"} and _regional(st, token):
        # "the South American country", "the Balkan nation": a region's word for the country the story is about, not
        # for the country named last ("sued the judge in a U.S. court ... a ban in the South American country")
        home = st.home_government()
        if home is not None:
            return home

    # "the Dutch regulator" is the Netherlands' (a state's body belongs to its country); "the U.S. firm" is a
    # company from there, which the registry does not place.
    public = not classes - _STATE_CLASSES
    country = description_country(st, token) if public else None
    abroad = unlisted_country(st, token) if public and country is None else None

    kind = noun in st.words("kindNoun")
    fields = st.ont.domain_words(w.lower_ for w in field_words(st, token) if w.lower_ in st.ont.field_words)

    def accept(e: Entity) -> bool:
        # "the Senate" is no "Senate Commerce Committee": a part named after the whole is not the whole.
        words = re.split(r"\s+(?:of|for|on|in|to)\s+", e.label.lower(), maxsplit=1)[0].split()
        # and "the committee" is no Senate: a part describes only a body named as one.
        return e.type in classes and not (noun in words[:-1] and words[-1] != noun) and \
            (noun not in st.words("bodyPartNoun") or noun in words) and \
            (country is abroad is None or st.of_country(e, country, abroad)) and \
            (not kind or e.type != "Organisation" or _called(e, noun)) and \
            _same_field(st, e, fields)  # "the communications regulator" is no data protection authority

    def prefer(e: Entity) -> bool:
        return noun in e.label.lower()

    # ("a U.S. company ... the country's top court": a country named only as a firm's origin is no country meant)
    idx = st.recent(token.i, accept, prefer, skip=st.origin_only if classes == {"Country"} else None)
    if idx is None and classes == {"Country"} and definite(st, token):
        idx = st.home_government()  # "NAIROBI - ... the country's top court": the story's, its dateline says which
    if idx is not None and public and country is abroad is None and _in_passing(st, token, idx):
        # "Kenya's Communications Authority ordered Zeta Chat to register, as Britain's Ofcom did last month. The
        # regulator said ...": the story's own body, not another country's named in passing since
        own = st.recent(token.i, lambda e: accept(e) and _of_home(st, e), prefer)
        idx = idx if own is None else own
    if idx is None and noun in st.words("instrumentNoun") and definite(st, token):
        idx = _mint_instrument(st, token)
    if idx is None and (country is not None or abroad is not None) and token.tag_ not in {"NNS", "NNPS"}:
        # "the Dutch regulator" with no Dutch regulator named before: an actor of its own, never another
        # country's regulator the article named earlier.
        return _mint_described(st, token, sorted(classes)[0])
    if idx is None and public and fields and token.tag_ not in {"NNS", "NNPS"} and definite(st, token):
        # "the data protection authority" in a story about a country the registry lacks: that country's, named
        # after it (the registry's bodies are its own countries', never this one's)
        home = st.home_government()
        land = st.entity(home) if home is not None else None
        if land is not None and land.type == "Country" and not land.registry and not any(
                e.type in classes - {"GovernmentBody"} for _, e in st.table.live()):
            # (only where the story names no body of the kind: one it names, by another name, may be this one)
            return _mint_described(st, token, sorted(classes)[0], of=land.label)
    if idx is None and st.ont.role_for(token.lemma_) is None:
        # "Flutterwave ... the company", none of that class named before: the description is better evidence of
        # the class than a bare name ("the owner" is a title, and says whose, not which).
        idx = st.recent(token.i, lambda e: _loosely_typed(e, classes))
        if idx is not None:
            _retype_by_description(st, st.entity(idx), token)
    return idx


def _government_described(st: ResolveState, token: Token, noun: str) -> int | None:
    """Return the government "the government", "ministers", "the authorities" refer to."""
    led = _led_by(st, token)
    if led is not None:
        return led
    national = any(c.lower_ in st.words("nationalWord") for c in token.children)
    if noun == "government" and any(c.lower_ in st.words("subnationalWord") and c.dep_ in {"amod", "compound"}
                                     for c in token.children):
        # "the state government", "the provincial government": the federal state's the story named, else none
        return st.recent(token.i, _subnational)
    by_country = country_modifier(st, token)
    if by_country is not None:
        # ("the federal government in New Delhi": the country's, wherever it sits)
        return _national(st, by_country) if national else by_country
    if nationality_unknown(token) or not definite(st, token) and noun not in st.words("governmentNoun"):
        return None  # "uncooperative with authorities": whose is not said ("ministers agreed" is the cabinet)
    litigant = _litigant(st, token) if noun == "government" else None
    if litigant is not None:
        return litigant
    # (a federal state's is "the state government"; "the government" alone is a nation's: "the Karnataka high court
    # dismissed ... orders issued by the Union government")
    recent = st.recent(token.i, lambda e: st.is_government(e) and not _subnational(e),
                       skip=st.origin_only)
    home = st.home_government()
    if recent is None:
        found = home
    elif home is not None and st.government(recent) != home and (
            not _in_sentence(st, token, recent) or _only_aside(st, token, recent)):
        # "the government", a sentence after another country was named, or after one named in an aside about
        # someone ("Lee, who lives in Japan, said the government ..."): still the story's own government.
        found = home
    elif home is None and st.the_government is not None and not _in_sentence(st, token, recent) and not any(
            st.table.find(j) == recent and subj for tok, j, subj in st.history if tok < token.i):
        # With no home government known, "the government" said again is the one it meant before, not a country
        # named since only as a place ("... at 10:00 in Spain. The government may ban it"); a country that acts
        # ("Spain fined X. The government said") or is named in its own sentence is another matter.
        found = st.the_government
    else:
        found = st.government(recent)
    if found is not None and national:
        return _national(st, found)  # "the federal government" in a story about Texas: the United States'
    return found


def _regional(st: ResolveState, token: Token) -> bool:
    """Return True when a capitalised modifier of ``token`` names a region, not one country ("the South American
    country", "the Balkan nation"; not "the Kenyan nation")."""
    from kg.extraction.recognise import country_of_demonym

    for c in token.children:
        if c.dep_ not in {"amod", "compound"} or c.i > token.i or c.i in st.token_entity:
            continue
        whole = st.doc[c.left_edge.i:c.i + 1].text
        if whole[:1].isupper() and whole.replace(" ", "").replace("-", "").isalpha() and \
                st.ont.government_named(whole) is None and st.ont.nationalities.get(whole) is None and \
                country_of_demonym(whole) is None and st.ont.place_country(whole) is None:
            return True
    return False


def _subnational(e: Entity) -> bool:
    """Return True for a federal state or province, or its government ("Quebec", "Government of Quebec")."""
    from kg.extraction.recognise import subdivision_country

    name = e.label.removeprefix("Government of ")
    return e.type in {"GovernmentBody", "Country"} and (  # ("Lagos State": the state of Lagos)
        subdivision_country(name) is not None or subdivision_country(name.removesuffix(" State")) is not None)


def _of_home(st: ResolveState, e: Entity) -> bool:
    """Return True when ``e`` is a body of the story's own country (by the registry, or by its name)."""
    home = st.home_government()
    if home is None:
        return False
    country = st.ont.country_of.get(st.entity(home).id)
    return st.of_country(e, country, None if country else st.entity(home).label)


def _in_passing(st: ResolveState, token: Token, idx: int) -> bool:
    """Return True when body ``idx``, which a description before ``token`` would refer to, is another country's
    than the story's, named last in an earlier sentence that tells of the like done elsewhere (``pk:parallelWord``:
    "Anacom took a similar step") or only inside a noun phrase about something else ("an order by Britain's
    Ofcom"), not as a party to its verb ("took Turkey to the European court")."""
    if _of_home(st, st.entity(idx)) or st.home_government() is None:
        return False
    # (the history is in text order: read back from the description, not over the whole of a long document)
    history = st.history
    last = next((history[k][0] for k in range(bisect.bisect_left(history, (token.i,)) - 1, -1, -1)
                 if st.table.find(history[k][1]) == idx), None)
    if last is None or last >= memo.sentence(token).start:
        return False
    t = st.doc[last]
    if any(w.lower_ in st.words("parallelWord") for w in memo.sentence(t)):
        return True  # ("Portugal's regulator took a similar step last year"): the like done elsewhere
    while t.head.i != t.i and t.head.pos_ not in {"VERB", "AUX"}:
        if t.head.pos_ in {"NOUN", "PROPN", "PRON"} and st.token_entity.get(t.head.i) is None:
            return True  # (a noun between the name and its clause's verb: the name is that noun's detail)
        t = t.head
    return False


def _litigant(st: ResolveState, token: Token) -> int | None:
    """Return the state's body that brought the court case "the government" is a party to ("The Justice Department
    sued Vexa ... The government argued that ...", "ruled in the government's favour"): the one body of the story's
    own government (not the government itself) named as suing before ``token``. None where "the government" does
    not act as a party (``pk:litigationVerb``, ``pk:litigationNoun``), or where no such body, or more than one,
    sued."""
    verbs, nouns = st.words("litigationVerb"), st.words("litigationNoun")
    head = token.head
    party = token.dep_ in SUBJECT_DEPS and head.lemma_.lower() in verbs or \
        token.dep_ == "poss" and head.lemma_.lower() in nouns or \
        token.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in nouns  # "lawyers for the ..."
    home = st.home_government()
    if not party or home is None or not definite(st, token):
        return None
    rel = st.ont.relations.get("sues")
    if rel is None:
        return None
    suing = set(rel.verbs)
    suits = {noun.split()[-1] for noun, _ in rel.nouns}
    found: set[int] = set()
    for t in st.tokens[:token.i]:
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and lemma in suing:
            by = [c for c in t.children if c.dep_ == "nsubj"]          # "the Justice Department sued Vexa"
        elif t.pos_ == "NOUN" and lemma in suits:
            by = [c for c in t.children if c.dep_ == "poss"] or (     # "the department's lawsuit", "brought a case"
                [c for c in t.head.children if c.dep_ == "nsubj"] if t.dep_ == "dobj" else [])
        else:
            continue
        for subject in by:
            for s in (subject, *(c for c in subject.children if c.dep_ == "conj")):
                idx = st.token_entity.get(s.i)
                if idx is None:
                    continue
                e = st.entity(idx)
                if e.type in {"GovernmentBody", "Regulator"} and not st.is_government(e) and _of_home(st, e):
                    found.add(st.table.find(idx))
    return found.pop() if len(found) == 1 else None


def _same_field(st: ResolveState, e: Entity, fields: set[str]) -> bool:
    """Return False when the fields of a description ("the communications regulator"; ``fields`` its field words
    with those of the same field, :meth:`~kg.vocabulary.ontology.Ontology.domain_words`) are none the entity's
    names give while those name another ("Data Protection Authority of Ghana"); True otherwise (a name with no
    field word, "Ofcom", may be any)."""
    if not fields:
        return True
    named = {w for n in (e.label, *e.aliases) for w in re.findall(r"[a-z]+", n.lower())} & st.ont.field_words
    return not named or bool(fields & named)


def _called(e: Entity, noun: str) -> bool:
    """Return True when ``e``'s name or one of its aliases holds ``noun`` ("Communication Workers Union")."""
    return noun in e.label.lower() or any(noun in a.lower() for a in e.aliases)


_STATE_CLASSES = frozenset({"Regulator", "GovernmentBody", "Legislature", "Court"})


def _in_sentence(st: ResolveState, token: Token, idx: int) -> bool:
    """Return True when entity ``idx`` is named in ``token``'s sentence before it."""
    start = memo.sentence(token).start
    return any(start <= tok < token.i and st.table.find(j) == idx for tok, j, _ in st.history)


def _only_aside(st: ResolveState, token: Token, idx: int) -> bool:
    """Return True when each naming of entity ``idx`` in ``token``'s sentence before it sits in a relative clause
    or an apposition about something else, one that ``token`` is outside ("Lee, who lives in Japan, said")."""
    doc = token.doc
    start = memo.sentence(token).start
    named = [doc[tok] for tok, j, _ in st.history if start <= tok < token.i and st.table.find(j) == idx]
    if not named:
        return False

    def aside(t: Token) -> bool:
        for a in t.ancestors:
            if a.dep_ in {"relcl", "appos"}:
                return not (a.left_edge.i <= token.i <= a.right_edge.i)
        return False

    return all(aside(t) for t in named)


def _led_by(st: ResolveState, token: Token) -> int | None:
    """Return the government a leader's name before "administration" or "government" names ("the Trump
    administration", "the Starmer government"), by the registry's knowledge of whose government it is."""
    for c in token.children:
        if c.dep_ not in {"compound", "poss", "nmod"} or c.i > token.i:
            continue
        idx = st.token_entity.get(c.i)
        if idx is not None and st.entity(idx).registry:
            actor = st.ont.actors.get(st.entity(idx).id)
            if actor is not None and actor.administration in st.ont.actors:
                return st.entity_for_actor(actor.administration)
        if idx is None:
            # a leader's surname the NER took for no one's ("the Biden-Harris administration"): the one registry
            # leader of that surname
            for w in c.subtree:
                led = {gov for p in st.ont.people_by_surname.get(w.text, ())
                       if w.pos_ == "PROPN" and (gov := st.ont.actors[p].administration) is not None
                       and gov in st.ont.actors}
                if len(led) == 1:
                    return st.entity_for_actor(led.pop())
    return None


def _mint_described(st: ResolveState, token: Token, typ: str, of: str | None = None) -> int:
    """Return an actor named by its description ("the Dutch regulator" -> "Dutch regulator"; ``of``: the country
    it is of, where the description does not say)."""
    words = [t for t in token.lefts if t.dep_ in {"amod", "compound", "nmod"} and not t.is_punct]
    # (with the words before each: "data protection commissioner", "data" hung on "protection")
    start = min([t.left_edge.i for t in words], default=token.i)
    label = st.doc[start:token.i + 1].text
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None:
        # "Turkey's board" -> "board of Turkey"; "the country's top court" -> the country it was read as
        whose = st.token_entity.get(owner.i)
        land = st.entity(whose) if whose is not None and st.entity(whose).type in {"Country", "GovernmentBody"} \
            else None
        if land is not None and land.registry and land.id in st.ont.country_of:
            name = st.ont.actors[st.ont.country_of[land.id]].label
        elif land is not None:
            name = land.label.removeprefix("Government of ")
        else:
            name = st.doc[owner.left_edge.i:owner.i + 1].text
        label = f"{label} of {name}"
    elif of is not None:
        label = f"{label} of {of}"
    return st.minted(label, typ)


def _is_country(st: ResolveState, token: Token) -> bool:
    """Return True when ``token`` names a country (one the registry lists or not)."""
    idx = st.token_entity.get(token.i)
    return idx is not None and st.entity(idx).type == "Country"


def _loosely_typed(e: Entity, classes: set[str]) -> bool:
    """Return True for an organisation whose class rests on no more than a name (an unknown name the parser took
    for an organisation), which "the company" or "the firm" may refer to and type."""
    return e.type == "Organisation" and bool(classes) and classes <= {"Company", "Platform"} and \
        TYPE_EVIDENCE.get(e.typed_by, 0) < TYPE_EVIDENCE["description"]


def describe_person(st: ResolveState, token: Token) -> int | None:
    """Return the person a role noun refers to ("the judge" after "Judge Amit Mehta")."""
    same = same_roles(st, {token.lemma_.lower()})
    return st.recent(token.i, lambda e: e.type == "Person" and bool(same & e.roles))


def group_before(st: ResolveState, token: Token, classes: set[str] | frozenset[str],
                 subjects_only: bool = False, floor: int = 0) -> list[int]:
    """Return the latest coordinated pair or list of entities of ``classes`` before ``token`` (from ``floor`` on)."""
    for i in range(token.i - 1, max(floor - 1, token.i - st.tuning.group_window), -1):
        idx = st.token_entity.get(i)
        if idx is None or st.entity(idx).type not in classes:
            continue
        t = st.doc[i]
        if subjects_only and t.dep_ not in SUBJECT_DEPS:
            continue
        members = [st.table.find(idx)]
        for c in t.conjuncts:
            j = st.token_entity.get(c.i)
            if j is not None and st.table.find(j) not in members and st.entity(j).type in classes:
                members.append(st.table.find(j))
        if len(members) > 1:
            return members
    return []


def anchored(st: ResolveState, token: Token) -> int | None:
    """Return the organisation a description is anchored to by a preposition: "campaigners at the Molly Rose
    Foundation", "lawyers for Meta", "officials from the Commission" speak for that organisation."""
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in st.words("anchorPreposition"):
            for p in c.children:
                idx = st.token_entity.get(p.i) if p.dep_ == "pobj" else None
                if idx is not None and st.entity(idx).type in st.ont.organisational_classes:
                    return st.table.find(idx)
        elif c.dep_ == "prep" and c.lower_ in {"in", "of"} and token.tag_ == "NNS":
            # "lawmakers in the European Parliament", "officials of the ministry": those who sit in a body of the
            # state ("companies in the EU" are no part of it; "the head of the agency" is a person).
            for p in c.children:
                idx = st.token_entity.get(p.i) if p.dep_ == "pobj" else None
                if idx is not None and st.entity(idx).type in _STATE_CLASSES:
                    return st.table.find(idx)
    return None


def resolve_description(st: ResolveState, token: Token) -> None:
    """Record what the description headed by ``token`` refers to, if anything."""
    if token.tag_ in {"NNS", "NNPS"} and set(st.ont.description_index.get(token.lemma_.lower(), [])) == {"Country"}:
        return  # "worked with 120 countries at the UN, including China": which ones, the list says
    anchor = anchored(st, token)
    if anchor is not None:
        st.refers(token.i, anchor, st.tuning.description, is_subject=token.dep_ in SUBJECT_DEPS)
        return
    if token.tag_ in {"NNS", "NNPS"} and not plural_body(st, token):
        classes = set(st.ont.description_index.get(token.lemma_.lower(), []))
        firms = "Company" in classes
        if "Company" in classes or "Platform" in classes:
            classes |= {"Company", "Platform"}
        members = group_before(st, token, classes)
        if members and firms and all(st.entity(m).type == "Platform" for m in members):
            # "fined Google and Apple over Google Play and the App Store ... the two companies": firms before
            # services named in the same sentence as them.
            mention = next(i for i in range(token.i - 1, -1, -1) if st.token_entity.get(i) is not None
                           and st.table.find(st.token_entity[i]) in members)
            members = group_before(st, token, {"Company"}, floor=memo.sentence(st.doc[mention]).start) or members
        if members:
            st.groups[token.i] = members
            st.note(token.i, members[0], is_subject=False)
        return
    idx = describe(st, token)
    if idx is None:
        idx = describe_person(st, token)
    if idx is None:
        return
    st.refers(token.i, idx, st.tuning.description, is_subject=token.dep_ in SUBJECT_DEPS)
    det = "the " if any(c.lower_ == "the" for c in token.children) else ""
    st.entity(idx).aliases.add(det + token.text)
    # With the common words that say which one ("the privacy watchdog", "the Australian regulator").
    words = [c for c in token.lefts if c.dep_ in {"amod", "compound"} and c.i not in st.token_entity]
    if words and all(c.i + 1 == n.i for c, n in zip(words, [*words[1:], token], strict=True)):
        st.entity(idx).aliases.add(det + st.doc[words[0].i:token.i + 1].text)
