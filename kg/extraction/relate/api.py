"""What an extractor receives: the :class:`Context` of one parsed article, and what it gives back: :class:`Triple`.

An extractor is a function ``Context -> Iterable[Triple]`` registered by name
(:func:`kg.extraction.relate.registry.extractor`). Through the context it reads:

- ``ctx.doc``: the spaCy parse; ``ctx.ont``: the ontology (relations, lexicon);
- ``ctx.refs(token)``: the entities (with a certainty) the phrase headed by a
  token refers to, through names, descriptions, pronouns, appositions,
  coordination and relative pronouns;
- ``ctx.entity(i)``: the resolved :class:`~kg.extraction.resolve.Entity` ``i``;

and builds statements with ``ctx.make(...)`` / ``ctx.make_all(...)``, which
check the relation's type constraints, read negation and modality off the
parse, and fold the references' certainty into the confidence. Clause syntax
(subjects, objects, passives) is in :mod:`kg.extraction.relate.clause`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.extraction import memo
from kg.extraction.relate.modality import inside_condition, modality
from kg.extraction.resolve import Entity, Resolution
from kg.extraction.resolve.descriptions import named_as
from kg.extraction.resolve.entities import unlisted_government
from kg.extraction.tuning import TUNING, Tuning
from kg.vocabulary.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: An entity index with how certain the reference to it is.
Ref = tuple[int, float]

_RELATIVE_WORDS = "relativeWord"


def _agrees(verb: Token, tag: str, past: str) -> bool:
    """Return True when ``verb`` or its auxiliary is in the number the tag ``tag`` marks (VBZ singular, VBP
    plural), or is the past of "be" in that number (``past``: "was", "were")."""
    return any(t.tag_ == tag or t.lower_ == past for t in (verb, *(
        a for a in verb.children if a.dep_ in {"aux", "auxpass"})))


#: Descriptions of a branch of the state apart from the government: "the EU's top court" is a court, never the EU.
_BRANCH_CLASSES = frozenset({"Court", "Legislature"})


@dataclass
class Triple:
    """One extracted statement, with its evidence and how it was found."""

    subject: int                 # entity index
    relation: str
    object: int
    sentence: Span
    extractor: str
    rule: str
    trigger: int                 # token index of the trigger word
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5


@dataclass
class Context:
    """What an extractor sees: the parse, the resolved entities, the ontology and the tuning table."""

    doc: Doc
    res: Resolution
    ont: Ontology
    tuning: Tuning = TUNING
    found: list[Triple] = field(default_factory=list)   # what the extractors that ran before found
    cache: dict[str, Any] = field(default_factory=dict)  # per-article values an extractor computes once
    stand_ins: dict[int, int] = field(default_factory=dict)  # country entity -> the government acting for it
    _refs_cache: dict[int, list[Ref]] = field(default_factory=dict)
    _noun_entries_cache: dict[int, tuple[tuple[str, str | None], ...]] = field(default_factory=dict)

    @functools.cached_property
    def tokens(self) -> list[Token]:
        """Return the article's tokens, made once (iterating a Doc makes new Token objects each time)."""
        return memo.tokens(self.doc)

    def entity(self, idx: int) -> Entity:
        """Return the resolved entity ``idx``."""
        return self.res.entities[idx]

    def clear_cache(self) -> None:
        """Forget cached references (they may change as extractors add statements)."""
        self._refs_cache.clear()

    def actor(self, iri: str, alias: str | None = None) -> int:
        """Return the entity of registry actor ``iri``, adding it when the article implies it without naming it
        (a senator's Senate, the party of "(R-TX)")."""
        i = next((n for n, e in enumerate(self.res.entities) if e.id == iri), -1)
        if i < 0:
            a = self.ont.actors[iri]
            self.res.entities.append(Entity(iri, a.label, a.type, {a.label}, registry=True))
            i = len(self.res.entities) - 1
        if alias:
            self.res.entities[i].aliases.add(alias)
        return i

    def country_named(self, name: str) -> int:
        """Return the entity of the country called ``name`` (the registry's, else one under the IRI its name
        mints), adding it when the article implies it without naming it ("the Kenyan president")."""
        from kg.sources.article import slug
        from kg.vocabulary.namespace import PKID

        iri = str(PKID[slug(name)])
        if iri in self.ont.actors:
            return self.actor(iri)
        i = next((n for n, e in enumerate(self.res.entities) if e.id == iri), -1)
        if i < 0:
            self.res.entities.append(Entity(iri, name, "Country", {name}, typed_by="cue"))
            i = len(self.res.entities) - 1
        return i

    def government_by_adjective(self, word: str) -> Ref | None:
        """Return the government a nationality names ("Italian", and outside the registry "Kenyan"), or None."""
        from kg.extraction.recognise import country_of_demonym

        named = self.ont.government_named(word)
        if named is not None:
            country = next((n for n, e in enumerate(self.res.entities) if e.id == self.ont.country_of.get(named)),
                           None)
            return self.acting((country, 1.0)) if country is not None else (self.actor(named), 1.0)
        place = country_of_demonym(word)
        return self.acting((self.country_named(place), 1.0)) if place is not None else None

    def acting(self, ref: Ref) -> Ref:
        """Return the actor behind a reference: a country acts (and is acted on) through its government."""
        e = self.entity(ref[0])
        if e.type != "Country":
            return ref
        gov = self.ont.government_of.get(e.id)
        if gov is not None:
            idx = self.actor(gov)
        else:
            iri, label, names = unlisted_government(e.id, e.label, self.ont.demonym(e.label))
            idx = next((n for n, x in enumerate(self.res.entities) if x.id == iri), -1)
            if idx < 0:
                self.res.entities.append(Entity(iri, label, "GovernmentBody", names))
                idx = len(self.res.entities) - 1
        self.res.entities[idx].aliases |= e.aliases | {e.label}
        self.stand_ins[ref[0]] = idx
        return (idx, ref[1])

    def words(self, key: str) -> frozenset[str]:
        """Return the ontology lexicon's word list ``key``."""
        return self.ont.words(key)

    def light_verbs(self, noun: Token) -> frozenset[str]:
        """Return the verbs whose subject does what the event noun ``noun`` names: the light verbs, and for a
        meeting, pact or partnership (a symmetric relation) the verbs by which parties make one together."""
        light = self.words("lightVerb")
        entries = self.noun_entries(noun)
        if entries and all(self.ont.relations[r].symmetric for r, _ in entries):
            return light | self.words("pactVerb")
        return light

    def noun_entries(self, tok: Token) -> list[tuple[str, str | None]]:
        """Return the (relation, preposition) entries the noun lexicon gives the noun ``tok``, read with the
        modifiers before it ("took legal action against": "legal action", not "action")."""
        # (the extractors ask of the same nouns over and over: what the lexicon says of one is kept per article)
        found = self._noun_entries_cache.get(tok.i)
        if found is None:
            from kg.extraction.recognise import noun_entries

            found = self._noun_entries_cache[tok.i] = tuple(noun_entries(self.ont, tok))
        return list(found)

    def issuers(self, noun: Token) -> list[Ref]:
        """Return the enforcers a decision noun's "from" phrase names: "a fine from the Data Agency", "any order
        from the court"."""
        return [r for p in noun.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
                if o.dep_ == "pobj" for r in self.refs(o)
                if self.entity(self.acting(r)[0]).type in self.ont.enforcer_classes | {"Court"}]

    def enforcement_noun(self, tok: Token) -> bool:
        """Return True when the noun ``tok`` names an enforcement ("fine", "ban", "legal action", "probe")."""
        return any(r in self.ont.enforcing_relations for r, _ in self.noun_entries(tok))

    # -- references ----------------------------------------------------------
    def refs(self, tok: Token) -> list[Ref]:
        """Return the entities (with certainty) the phrase headed by ``tok`` refers to."""
        cached = self._refs_cache.get(tok.i)
        if cached is not None:
            return cached
        self._refs_cache[tok.i] = []  # guards cycles in odd parses
        out = self._refs(tok)
        appos_at = min((c.i for c in tok.children if c.dep_ == "appos"), default=None)
        own_types = {self.entity(i).type for i, _ in out}
        for c in tok.children:
            # A conjunct after an apposition belongs to the apposition ("Musk, the boss of xAI and the X
            # platform, ..."), unless it names another of the same kind ("Wyden, a Democrat, and Biggs").
            if c.dep_ != "conj":
                continue
            if appos_at is None or c.i < appos_at or self._after_comma_and(c):
                out += self.refs(c)  # (", and" closes the apposition: "Binance, the largest exchange, and its CEO")
            elif c.i in self.res.token_entity and self.entity(self.res.token_entity[c.i]).type in own_types:
                out += self.refs(c)
        if out and any(c.dep_ == "conj" for c in tok.children):
            out = self._list_head_cut_off(tok) + out
        for c in tok.children:
            # "Kinmira Labs, Zeltra Pay and Dovecot Systems were fined", parsed with the second name as an
            # apposition of the first: a name of the same class that goes on into a list is the list's next name.
            if c.dep_ == "appos" and c.i in self.res.token_entity and out and any(
                    g.dep_ == "conj" for g in c.children) and self.entity(
                    self.res.token_entity[c.i]).type in {self.entity(i).type for i, _ in out}:
                out += self.refs(c)
        if out:
            out += self._after_apposition(tok)
        seen: set[int] = set()
        result = []
        for idx, cert in out:
            if idx not in seen:
                seen.add(idx)
                result.append((idx, cert))
        self._refs_cache[tok.i] = result
        return result

    def _after_apposition(self, tok: Token) -> list[Ref]:
        """Return a name coordinated with ``tok`` that the parser hung on ``tok``'s apposition: in "Binance, the
        largest platform, and its chief executive Zhao" the ", and" after the apposition's close joins Zhao to
        Binance, not to the platform the apposition describes."""
        out: list[Ref] = []
        for a in tok.children:
            if a.dep_ != "appos" or a.i in self.res.token_entity:
                continue
            for g in a.children:
                if g.dep_ == "conj" and g.i in self.res.token_entity and self._after_comma_and(g):
                    out += self.refs(g)
        return out

    def _after_comma_and(self, conj: Token) -> bool:
        """Return True when ``conj`` follows ", and" (the comma closing an apposition before it)."""
        start = conj.left_edge.i
        return start >= 2 and self.doc[start - 1].lower_ == "and" and self.doc[start - 2].text == ","

    def _list_head_cut_off(self, tok: Token) -> list[Ref]:
        """Return the first name of a list the parser cut off from the rest: in "Meta, Google and TikTok were
        fined" it may hang "Meta" on the verb as a modifier and take "Google and TikTok" for the subject."""
        if tok.i < 2 or self.doc[tok.i - 1].text != ",":
            return []
        first = self.doc[tok.i - 2]
        idx = self.res.token_entity.get(first.i)
        if idx is None:
            return []
        root = first
        while root.head.i != root.i and self.res.token_entity.get(root.head.i) == idx:
            root = root.head
        if root.head.i == tok.head.i and root.dep_ in {"advmod", "npadvmod", "dep", "nmod", "intj", "meta"}:
            return self.refs(root)
        return []

    def _refs(self, tok: Token) -> list[Ref]:
        res, tune = self.res, self.tuning
        idx = res.token_entity.get(tok.i)
        if idx is not None:
            return [(idx, res.token_certainty.get(tok.i, 1.0))]
        if tok.i in res.groups:
            return [(i, tune.group_member) for i in res.groups[tok.i]]
        if tok.lower_ in self.words(_RELATIVE_WORDS) and tok.head.dep_ == "relcl":
            # "Voss, a Democrat who chairs ..., and Holm": the relative means its own noun, not the list.
            ante = tok.head.head
            if ante.i not in res.token_entity and ante.dep_ == "appos":
                ante = ante.head
            verb = tok.head
            if ante.dep_ == "conj" and ante.i in res.token_entity and tok.dep_ in {"nsubj", "nsubjpass"} and \
                    _agrees(verb, "VBP", "were"):
                # "Ofcom and the CNIL, which have fined it": a verb in the plural agrees with the whole list.
                first = ante
                while first.dep_ == "conj" and first.head.i in res.token_entity:
                    first = first.head
                return self.refs(first)
            if ante.i in res.token_entity and not any(c.dep_ == "conj" for c in ante.children):
                return [(res.token_entity[ante.i], res.token_certainty.get(ante.i, 1.0))]
            listed = self.refs(ante)
            if len(listed) > 1 and tok.dep_ in {"nsubj", "nsubjpass"} and _agrees(verb, "VBZ", "was"):
                # "firms like Zeltra and Kinmira, which owns Quorvane", "Signal and WhatsApp, which is owned by
                # Meta": a verb in the singular agrees with the list's last name, the one right before the
                # relative, not with the list.
                last = max((t for t in ante.subtree if t.i < tok.i and t.i in res.token_entity), key=lambda t: t.i,
                           default=None)
                if last is not None:
                    return [(res.token_entity[last.i], res.token_certainty.get(last.i, 1.0))]
            return listed
        if tok.lower_ in self.words(_RELATIVE_WORDS) and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and \
                tok.head.head.dep_ == "relcl" and tok.head.i < tok.i:
            # "Meta, against which Sánchez launched an investigation", "the firm with which it signed a deal": the
            # relative after its preposition means the noun the clause hangs on.
            ante = tok.head.head.head
            if ante.i not in res.token_entity and ante.dep_ == "appos":
                ante = ante.head  # "Meta, Mark Zuckerberg's company, against which ..."
            return [(res.token_entity[ante.i], res.token_certainty.get(ante.i, 1.0))] \
                if ante.i in res.token_entity else []
        out: list[Ref] = []
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return out
        classes = self.ont.description_classes(tok.lemma_.lower())
        for c in tok.children:
            if c.dep_ == "appos" and c.i in res.token_entity:
                out += self.refs(c)  # "the regulator Ofcom"; "Facebook parent firm Meta" is Meta alone
        # "the group known as APT40", "a hacking group called Volt Typhoon": the name it goes by.
        out += [r for o in named_as(tok, self.words("knownAsVerb")) if o.i in res.token_entity for r in self.refs(o)]
        if out:
            return out
        if tok.lemma_.lower() in self.words("polityNoun"):
            # "sued the state of Texas", "the Republic of Korea": the place the polity is, acting as its government.
            out = [r for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                   if o.dep_ == "pobj" and o.i in res.token_entity for r in self.refs(o)
                   if self.entity(r[0]).type == "Country"]
            if out:
                return out
        if tok.lemma_.lower() in self.words("envoyNoun") and not any(c.dep_ == "appos" for c in tok.children):
            # "summoned the Dutch ambassador", "China's envoy": an envoy with no name speaks for their government.
            for c in tok.children:
                if c.dep_ in {"amod", "compound", "nmod"} and c.i < tok.i:
                    gov = self.government_by_adjective(c.text)
                    if gov is not None:
                        return [gov]
                if c.dep_ in {"poss", "compound"} and c.i in res.token_entity and \
                        self.entity(res.token_entity[c.i]).type in {"Country", "GovernmentBody"}:
                    return [self.acting((res.token_entity[c.i], res.token_certainty.get(c.i, 1.0)))]
        if not classes and self.ont.role_for(tok.lemma_) is not None:
            # "The CEO of Nvidia, Jensen Huang, met ...": the title's holder, hung by the parser on the organisation;
            # "Director of National Intelligence Tulsi Gabbard said": the holder read as the end of the portfolio.
            for p in tok.children:
                if p.dep_ == "prep" and p.lower_ in {"of", "for"}:
                    out += [r for o in p.children if o.dep_ == "pobj" for a in o.children
                            if a.dep_ == "appos" and a.i in res.token_entity and p.lower_ == "of"
                            and self.entity(res.token_entity[a.i]).type == "Person" for r in self.refs(a)]
                    out += [r for o in p.children if o.dep_ == "pobj" and o.i > p.i + 1 and o.i in res.token_entity
                            and self.entity(res.token_entity[o.i]).type == "Person"
                            and res.token_entity.get(p.i + 1) != res.token_entity[o.i] for r in self.refs(o)]
            if out:
                return out
        for c in tok.children:
            if c.dep_ in {"compound", "nmod"} and c.i in res.token_entity and c.i > tok.i - tune.title_span:
                # "the Meta platform"; but "the U.S. company" is no country.
                if self.entity(res.token_entity[c.i]).type in classes:
                    out += self.refs(c)
        if out:
            return out
        named = self.name_after(tok)
        if named is not None:
            return [(named, res.token_certainty.get(tok.i + 1, 1.0))]
        if tok.dep_ == "appos" and tok.head.i in res.token_entity:
            return self.refs(tok.head)
        if tok.lemma_.lower() in self.words("spokesNoun"):
            # "an Uber spokesperson said", "a Commission official told reporters": one who speaks for an
            # organisation and has no name of their own speaks as it.
            # "officials from Armenia and Azerbaijan", "a spokesperson for Meta": those they come from (a country
            # through its government).
            out = self._organisations_of(tok, {"compound", "nmod", "poss"}, {"from", "of", "for"}, acting=True)
            if out:
                return out
        court = self._court_of_unnamed_judge(tok)
        if court is not None:
            return [court]
        if tok.lemma_.lower() in self.words("makerNoun") and any(c.dep_ == "poss" for c in tok.children):
            # "fined Replika's developer": the one behind the possessor (the resolver gives the one the registry
            # knows), else no one named, never the possessor itself
            return []
        classes = self.ont.description_classes(tok.lemma_.lower())
        if classes:
            # "his website", "its chatbot": the one of that class the possessor is known to run or own; none known,
            # the possessor ("an inquiry into Meta's advertising model": into Meta's doings).
            for c in tok.children:
                if c.dep_ == "poss":
                    out += self.possessed(c, classes) or [(i, cert * tune.possessor) for i, cert in self.refs(c)
                                                          if self.entity(i).type != "Person"
                                                          and not classes <= _BRANCH_CLASSES]
        elif (self.ont.role_for(tok.lemma_) is None or tok.tag_ == "NNS") and \
                tok.lemma_.lower() not in self.words("clienteleNoun"):
            # "criticised the Commission's decision": the possessor acts; "Apple's lawyers argued": those in a
            # role for another (plural, no name of their own) speak for it.
            for c in tok.children:
                if c.dep_ == "poss":
                    out += [(i, cert * tune.possessor) for i, cert in self.refs(c) if self.possessor_made(tok, i)]
            if not out and tok.lemma_.lower() in self.words("conductNoun"):
                # "criticised the content of Zeltra Chat": the "of" phrase of a deed or output names its doer
                out += [(i, cert * tune.possessor) for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj" for i, cert in self.refs(o)]
            if not out and tok.lemma_.lower() in self.words("decisionNoun") | self.words("policyNoun"):
                # "the move by the Indian government drew criticism", "criticised the proposal by the Commission": a
                # decision's or a policy's maker, as its possessor would be.
                # The parser may hang the "by" phrase right after an object on its verb ("criticised the plan by the
                # ministry"), but an active verb's own "by" says how, never who: there it is the object's too.
                by = [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "by"] or \
                     [p for p in tok.head.children if tok.dep_ == "dobj" and p.dep_ == "prep" and p.lower_ == "by"
                      and p.i == tok.right_edge.i + 1 and tok.head.pos_ == "VERB" and tok.head.tag_ != "VBN"]
                out += [(i, cert * tune.possessor) for p in by for o in p.children if o.dep_ == "pobj"
                        and o.i in self.res.token_entity for i, cert in self.refs(o)]
            if not out and tok.lemma_.lower() in self.words("decisionNoun"):
                out += [(i, cert * tune.possessor) for i, cert in self.issuers(tok)]
            if not out and tok.lemma_.lower() in self.words("decisionNoun") | self.words("policyNoun"):
                # "criticised the Supreme Court ruling", "the FCC decision": the enforcer whose name the noun carries
                out += [(i, cert * tune.possessor) for c in tok.children if c.dep_ in {"compound", "nmod"}
                        and c.i < tok.i and c.i in self.res.token_entity for i, cert in self.refs(c)
                        if self.entity(i).type in self.ont.enforcer_classes | {"Court"}]
            if not out and tok.lemma_.lower() in self.words("decisionNoun") | self.words("policyNoun"):
                out += self.measure_by_nationality(tok)
            if not out and tok.tag_ == "NNS" and self.ont.role_for(tok.lemma_) is not None:
                # "Baidu executives", "Meta lawyers", "executives of Zeltra": those in a role for an organisation
                # named before the title or in its "of" phrase.
                out += self._organisations_of(tok, {"compound"}, {"of"})
        else:
            out += self._unnamed_holder(tok)
        for c in tok.children:
            # "platforms including X", "companies such as Meta and Google", "firms like Acme"
            if c.dep_ == "prep" and (c.lower_ in {"including", "like"} or (
                    c.lower_ == "as" and any(a.lower_ == "such" for a in c.children))):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += self.refs(p)
        return out

    def possessor_made(self, noun: Token, idx: int) -> bool:
        """Return True when entity ``idx``, the possessor of ``noun``, is the one who did or made what it names. The
        possessor of a fine or a ban is the one punished, unless it enforces ("upheld Vexa's fine"); a country's
        field is no doing of its government ("oversees Italy's telecommunications"), its decisions, policies,
        deeds, requests and bids are."""
        typ = self.entity(idx).type
        if self.punishes_possessor(noun, idx):
            return False
        acts = self.words("decisionNoun") | self.words("policyNoun") | self.words("conductNoun") | self.words(
            "culpritDeed") | self.words("requestNoun") | self.words("bidNoun")
        return typ != "Country" or noun.lemma_.lower() in acts

    def punishes_possessor(self, noun: Token, idx: int) -> bool:
        """Return True when ``noun`` is a fine or a ban and its possessor, entity ``idx``, enforces nothing: the one
        punished ("Vexa's fine"), never its maker ("the Commission's fine", "Italy's ban")."""
        return any(r in {"fines", "bans"} for r, _ in self.noun_entries(noun)) and \
            self.entity(idx).type not in self.ont.enforcer_classes | {"Country"}

    def measure_by_nationality(self, tok: Token) -> list[Ref]:
        """Return the government whose measure a nationality word says ``tok`` is: "criticised the Chinese export
        controls", "the US tariffs", "the EU rules" (an abbreviation of a public body is read as the adjective it stands
        for; a country's full name before the noun is more often its target, as in "the Russia sanctions")."""
        for c in tok.children:
            if c.i > tok.i or c.dep_ not in {"amod", "compound", "nmod"}:
                continue
            if c.dep_ == "amod" or c.i not in self.res.token_entity:
                gov = self.government_by_adjective(c.text)
                if gov is not None:
                    return [(gov[0], gov[1] * self.tuning.possessor)]
            elif c.text.replace(".", "").isupper() and self.entity(self.res.token_entity[c.i]).type not in {
                    "Company", "Platform", "AISystem", "Person", "Legislation"}:
                refs = self.refs(c)
                if refs:
                    i, cert = self.acting(refs[0])
                    return [(i, cert * self.tuning.possessor)]
        return []

    def _court_of_unnamed_judge(self, tok: Token) -> Ref | None:
        """Return the court an unnamed judge sits for: "asked a federal judge to block the law" asks the court the
        article names (the nearest before, else the first after), when it names courts at all."""
        role = self.ont.role_for(tok.lemma_) if tok.tag_ == "NN" else None
        if role is None or role.organisation_types != frozenset({"Court"}) or tok.i in self.res.token_entity or any(
                c.dep_ in {"appos", "compound", "flat"} and c.i in self.res.token_entity for c in tok.children):
            return None
        if self.name_after(tok) is not None:
            return None
        # Where the article says its judge sits ("a judge at the superintendency ruled"), that body, whatever its kind;
        # else the court named nearest before, else the first named after.
        seats = self._judges_seats(tok)
        courts = sorted((i, e) for i, e in self.res.token_entity.items() if self.entity(e).type == "Court")
        before = [e for i, e in courts if i < tok.i]
        after = [e for i, e in courts if i > tok.i]
        found = seats[0] if len(seats) == 1 else before[-1] if before else after[0] if after else None
        if found is None:
            # No court named: the one judge the article names ("A federal judge ruled ... U.S. District Judge
            # Allison Burroughs wrote").
            judges = {self.res.token_entity[t.head.i] for t in self.tokens
                      if t.lemma_.lower() in self.words("judgeNoun")
                      and t.dep_ == "compound" and t.head.i in self.res.token_entity
                      and self.entity(self.res.token_entity[t.head.i]).type == "Person"}
            found = judges.pop() if len(judges) == 1 else None
        return None if found is None else (found, self.tuning.description)

    def _judges_seats(self, tok: Token) -> list[int]:
        """Return the bodies the article says a judge of ``tok``'s word sits at ("a judge at the Data Agency", "the
        judge of the tribunal"), the judge's own phrase's first."""
        seats: list[int] = []
        for t in (tok, *(t for t in self.tokens if t.lemma_ == tok.lemma_ and t.i != tok.i)):
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in {"at", "of", "from"}:
                    for o in p.children:
                        idx = self.res.token_entity.get(o.i) if o.dep_ == "pobj" else None
                        if idx is not None and self.entity(idx).type in self.ont.organisational_classes and \
                                idx not in seats:
                            seats.append(idx)
            if seats and t == tok:
                return seats
        return seats

    def _unnamed_holder(self, tok: Token) -> list[Ref]:
        """Return the organisation an unnamed holder of its office acts for: "called on TikTok's chief executive to
        appear", "summoned the head of the company" (a title with no name of its own, of an organisation)."""
        if tok.tag_ != "NN" or any(c.dep_ in {"appos", "relcl", "acl"} for c in tok.children):
            return []
        out = self._organisations_of(tok, {"poss", "compound"}, {"of"})
        role = self.ont.role_for(tok.lemma_)
        if not out and role is not None and role.implies_government:
            # "Britain's technology secretary accused Meta", "the German interior minister said": a government
            # office of a country acts for the country's government.
            gov = next((g for c in tok.children if c.dep_ == "amod" and c.i < tok.i
                        and (g := self.government_by_adjective(c.text)) is not None), None)
            out = [(gov[0], gov[1] * self.tuning.possessor)] if gov is not None else self._organisations_of(
                tok, {"poss", "compound"}, {"of"}, acting=True)
        return self._named_holder(tok, out) or out

    def _organisations_of(self, tok: Token, deps: set[str], preps: set[str], *, acting: bool = False) -> list[Ref]:
        """Return the organisations a noun of people or a title names as theirs: the ones its modifiers before it
        (``deps``) or the objects of its phrases (``preps``) refer to, as a possessor stands for them ("Baidu
        executives", "the head of the company"); ``acting``: a country through its government ("officials from
        Armenia")."""
        holders = [c for c in tok.children if c.dep_ in deps and c.i < tok.i] + [
            o for p in tok.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children if o.dep_ == "pobj"]
        refs = [self.acting(r) if acting else r for c in holders for r in self.refs(c)]
        return [(i, cert * self.tuning.possessor) for i, cert in refs
                if self.entity(i).type in self.ont.organisational_classes]

    def _named_holder(self, tok: Token, orgs: list[Ref]) -> list[Ref]:
        """Return the one person the article names as holding the title ``tok`` has at one of ``orgs``: the headline's
        "Canada's heritage minister slams Meta" is the "Heritage Minister Pascale St-Onge" of the story."""
        words = self._title_words(tok)
        within = {i for i, _ in orgs}
        within |= {t.subject for t in self.found if t.relation == "partOf" and t.object in within}
        govs = {self.entity(i).id for i in within}
        within |= {n for n, e in enumerate(self.res.entities) if (a := self.ont.actors.get(e.id)) is not None
                   and self.ont.government_of.get(a.jurisdiction or "") in govs and a.type == "GovernmentBody"}
        named = {t.subject for t in self.found if t.extractor == "role" and t.relation in {"leads", "memberOf"}
                 and t.object in within and self.entity(t.subject).type == "Person"
                 and self.doc[t.trigger].lemma_.lower() == tok.lemma_.lower()
                 and words <= self._title_words(self.doc[t.trigger])}
        return [(named.pop(), self.tuning.description)] if len(named) == 1 else []

    def _title_words(self, tok: Token) -> set[str]:
        """Return the words before a title that name its portfolio ("heritage" in "Canada's heritage minister"), not
        its organisation or country."""
        words = set()
        for c in tok.children:
            if c.dep_ not in {"amod", "compound"} or c.i > tok.i:
                continue
            for w in c.subtree:  # ("Canadian Heritage Minister": the portfolio inside the department's name)
                idx = self.res.token_entity.get(w.i)
                if w.is_alpha and self.government_by_adjective(w.text) is None and (
                        idx is None or self.entity(idx).type != "Country"):
                    words.add(w.lower_)
        return words

    def possessed(self, owner_tok: Token, classes: frozenset[str]) -> list[Ref]:
        """Return the entity of ``classes`` that a structure statement found so far ties to the possessor."""
        owners = {i for i, _ in self.refs(owner_tok)}
        tied = [t.object for t in self.found if t.subject in owners and t.object not in owners
                and self.ont.relations[t.relation].group == "structure" and self.entity(t.object).type in classes]
        # The noun's own class first: "his website" is his platform, not his company.
        exact = set(self.ont.description_index.get(owner_tok.head.lemma_.lower(), ()))
        best = [i for i in tied if self.entity(i).type in exact] or tied
        return [(i, self.tuning.description) for i in dict.fromkeys(best)]

    def name_after(self, tok: Token) -> int | None:
        """Return the entity named right after a title or description noun ("creator xAI")."""
        nxt = tok.i + 1
        if nxt < len(self.doc) and nxt in self.res.token_entity and tok.i not in self.res.token_entity:
            lemma = tok.lemma_.lower()
            if (self.ont.role_for(lemma) is not None or lemma in self.ont.description_index) and \
                    self.doc[nxt].pos_ != "PUNCT":
                return self.res.token_entity[nxt]
        return None

    # -- statements ------------------------------------------------------------
    def make(self, subj: Ref, rel: str, obj: Ref, trigger: Token, extractor_name: str, rule: str, base: float,
             modal_token: Token | None = None) -> Triple | None:
        """Return the statement ``subj rel obj``, or None when it links an entity to itself or the types don't fit."""
        subj, obj = self.acting(subj), self.acting(obj)
        if subj[0] == obj[0]:
            return None
        if rel == "bans" and self.entity(obj[0]).type == "Legislation":
            rel = "opposes"  # "the court suspended the act": a law is halted, not banned
        info = self.ont.relations[rel]
        s, o = self.entity(subj[0]), self.entity(obj[0])
        if not info.accepts(s.type, o.type):
            return None
        if info.group in {"stance", "enforcement"} and s.registry and o.registry and \
                s.id in getattr(self.ont.actors.get(o.id), "owners", ()):
            return None  # "Meta threatened to pull Facebook out of Nigeria": no one takes a stance against its own
        if inside_condition(modal_token or trigger, self.ont):
            return None  # "if it decided to ban X": a supposition, no statement
        negated, mod = modality(modal_token or trigger, self.ont)
        conf = round(base * min(subj[1], obj[1]) * (self.tuning.hedged if mod == "hedged" else 1.0), 3)
        return Triple(subj[0], rel, obj[0], memo.sentence(trigger), extractor_name, rule, trigger.i, negated, mod, conf)

    def make_all(self, subjects: list[Ref], rel: str, objects: list[Ref], trigger: Token, extractor_name: str,
                 rule: str, base: float) -> list[Triple]:
        """Return the statements of every subject-object pair the relation's types admit."""
        made = (self.make(s, rel, o, trigger, extractor_name, rule, base) for s in subjects for o in objects)
        return [t for t in made if t is not None]

    def pick(self, rels: list[str], subj: Ref, obj: Ref) -> str | None:
        """Return the first of ``rels`` whose type constraints admit the pair."""
        s, o = self.entity(subj[0]), self.entity(obj[0])
        for r in rels:
            if self.ont.relations[r].accepts(s.type, o.type):
                return r
        return None
