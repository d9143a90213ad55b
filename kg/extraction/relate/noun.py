"""The ``noun`` extractor: an event noun with its agent and target.

"launched an investigation into X", "Musk's criticism of the Government",
"a fine imposed on TikTok", "the TikTok ban": the noun (``pk:noun``) names
the event, its possessor, "by" phrase or light verb's subject is the agent
(:func:`kg.extraction.relate.clause.noun_agents`), and its complement the target.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extraction.relate import clause
from kg.extraction.relate.api import Context, Ref, Triple
from kg.extraction.relate.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Token


@extractor("noun", order=30)
def noun_triples(ctx: Context) -> Iterator[Triple]:
    """Event nouns with their agent and target ("launched an investigation into X", "Musk's criticism of Y")."""
    ont = ctx.ont
    complements = ctx.words("nounComplement")
    light = ctx.words("lightVerb")
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN":
            continue
        entries = ctx.noun_entries(tok)
        if not entries or tok.dep_ == "pobj" and tok.head.lower_ == "in" and {r for r, _ in entries} == {"violates"}:
            continue  # "in breach of": a state (states_of_breach), not an event a light verb's subject does
        if any(c.dep_ in {"acl", "relcl"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in tok.children) or tok.dep_ == "dobj" and any(
                c.dep_ in {"advcl", "xcomp"} and c.i > tok.right_edge.i and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.head.children):
            # "faces calls from Kinmira to withdraw it": a noun that asks for an act is a request first
            entries = sorted(entries, key=lambda e: e[0] != "urges")
        yield from _framed(ctx, tok, entries)
        yield from _what_it_found(ctx, tok, entries)
        if all(ont.relations[r].symmetric for r, _ in entries):
            made = _between(ctx, tok, entries)
            yield from made
            if made:
                continue
        agents, how = clause.noun_agents(ctx, tok)
        occasion = _occasion_verb(ctx, tok)
        if not agents and occasion is not None and all(ont.relations[r].group == "interaction" for r, _ in entries):
            # "visited China for talks with Wang Yi", "cut jobs after talks with the union": the clause's doer
            # took part in the meeting its phrase names.
            agents, _ = clause.subjects(ctx, occasion)
            how = f"the doer of '{occasion.text}', in its '{tok.head.lower_}' phrase"
        elif not agents and tok.dep_ == "pobj" and tok.head.lower_ == "in" and \
                tok.head.head.i in ctx.res.token_entity and \
                all(ont.relations[r].group == "interaction" for r, _ in entries):
            # "Vexa, in partnership with Pinmark, built the tool": the phrase hung on the name of the one who
            # took part.
            agents, how = ctx.refs(tok.head.head), "the name its 'in' phrase is on"
        if not agents:
            continue
        yield from _joint(ctx, tok, agents, how)
        for rel, prep in entries:
            preps = frozenset({prep}) if prep else complements
            targets = clause.prep_objects(ctx, tok, preps)
            if not targets and rel == "bans":
                # "the blocking of access to Zeta Chat", "a ban on access to it": what access is cut to; "the
                # blocking of the account of Ana Lima", "of Ana Lima's accounts": the account's holder
                held = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "on", "to"}
                        for o in c.children if o.dep_ == "pobj"]
                targets = [r for o in held if o.lemma_.lower() == "access" for r in clause.prep_objects(ctx, o, {"to"})]
                targets += [r for o in held if o.lemma_.lower() in ctx.words("accountNoun") and o.i not in
                            ctx.res.token_entity for r in [*clause.prep_objects(ctx, o, {"of"}), *(
                                x for g in o.children if g.dep_ == "poss" for x in ctx.refs(g))]]
            if not targets and ont.relations[rel].question_object:
                # "an inquiry into whether Kinmira complied": the one the question is about.
                targets = [r for p in tok.children if p.dep_ == "prep" and p.lower_ in preps for q in p.children
                           if q.dep_ == "pcomp" and any(m.lower_ in ctx.words("questionWord") for m in q.children)
                           for s in q.children if s.dep_ in {"nsubj", "nsubjpass"} for r in ctx.refs(s)]
            # "a penalty of 2.1 billion rupees on Meta": the target hung on the sum; "a fine of 47 million euros on
            # Vexa and 20 million euros on Zeta": on each of the sums listed.
            if not targets:
                # (or a sum the noun is said to total: "penalty notices totalling 5 million euros against Vexa")
                sums = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" or c.dep_ == "acl"
                        for o in c.children if o.dep_ in {"pobj", "dobj"} and clause.is_sum(ctx, o)]
                targets = [r for o in sums for s in (o, *(k for k in o.conjuncts if clause.is_sum(ctx, k)))
                           for r in clause.prep_objects(ctx, s, preps)]
            if not targets and tok.dep_ in {"dobj", "nsubjpass"} and tok.head.lemma_ in light and not (
                    how == "possessor" and any(c.dep_ in clause.SUBJECT_DEPS for c in tok.head.children)
                    and {i for i, _ in clause.subjects(ctx, tok.head)[0]} != {i for i, _ in agents}):
                # (but in "the prosecutor sent the agency's notices to the court" the one sending addresses it)
                targets = clause.prep_objects(ctx, tok.head, preps)
            if not targets:
                # "a request for information to Meta": the target's phrase hung on what the noun is for.
                # (but "called for a ban on Vexa": the measure asked for falls on Vexa, asked of someone else)
                targets = [r for c in tok.children if c.dep_ == "prep" and c.lower_ in {"for", "of"} for o in c.children
                           if o.dep_ == "pobj" and o.i not in ctx.res.token_entity and not (
                               rel == "urges" and ctx.enforcement_noun(o))
                           for r in clause.prep_objects(ctx, o, preps & {"to", "against", "into", "on"})]
            if not targets and tok.dep_ == "dobj" and tok.head.lemma_ in light and \
                    ont.relations[rel].group == "enforcement":
                # "handed Meta a $220 million fine", "gave Apple an order": the one it is handed to.
                targets = [r for c in tok.head.children if c.dep_ == "dative" for r in ctx.refs(c)]
            if not targets and tok.dep_ in {"dobj", "pobj"}:
                # "upheld Ofcom's fine on Rumble", the "on" hung by the parser on the verb (also where it read
                # "the Competition Commission of India's fine" as "the Commission of [India's fine]"): a target
                # phrase right after the noun is the noun's.
                verb = next((a for a in tok.ancestors if a.pos_ in clause.VERBAL), None)
                after = [c for c in (verb.children if verb is not None else ()) if c.dep_ == "prep"
                         and c.i == tok.right_edge.i + 1 and c.lower_ in preps & {"on", "against", "into"}]
                targets = [r for c in after for p in c.children if p.dep_ == "pobj" for r in ctx.refs(p)]
            if not targets and tok.dep_ == "dobj" and tok.head.lemma_ in ctx.words("defendantVerb"):
                # "Pfizer agreed to settle a lawsuit brought by California": the one settling was its target.
                targets = [r for r in clause.subjects(ctx, tok.head)[0] if r not in agents]
            if not targets and ont.relations[rel].clausal_object:
                for c in tok.children:
                    if c.dep_ in {"acl", "relcl"} and c.pos_ in clause.VERBAL:
                        targets = clause.objects(ctx, c)
            if not targets:
                for c in clause.noun_clauses(ctx, tok):
                    # "a fine imposed on TikTok": the target hangs on the light verb.
                    if c.lemma_ in light:
                        targets = clause.prep_objects(ctx, c, preps)
            if not targets and rel == "investigates":
                # "a probe into the company's practices", "an investigation of Vexa's accounts": whose they are.
                targets = [r for p in tok.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children
                           if o.dep_ == "pobj" and o.i not in ctx.res.token_entity for g in o.children
                           if g.dep_ == "poss" for r in ctx.refs(g) if r not in agents]
            if not targets and rel == "investigates" and occasion is not None and clause.enforces(ctx, occasion):
                # "fined Vexa following a probe", "fined Vexa after an investigation by the commission": the one
                # penalised was the one investigated.
                targets = [r for r in clause.objects(ctx, occasion) if r not in agents]
            if not targets and how == "'by' phrase" and ont.relations[rel].group == "enforcement" and \
                    occasion is not None and not clause.enforces(ctx, occasion):
                # "Tesla recalled cars after an investigation by the NHTSA": the clause's subject was its target.
                targets = [r for c in occasion.children if c.dep_ in {"nsubj", "nsubjpass"}
                           for r in ctx.refs(c) if r not in agents]
            if not targets and not any(c.dep_ == "prep" and c.lower_ in preps & {"on", "against", "into"} and any(
                    o.dep_ == "pobj" for o in c.children) for c in tok.children):
                for c in tok.children:
                    # "the TikTok ban": a named target in compound position (but a "GDPR fine" is a fine under the
                    # law, not on it; and in "Google Play restrictions on rival stores" the phrase names the target)
                    if c.dep_ == "compound" and c.i in ctx.res.token_entity:
                        targets = [r for r in ctx.refs(c) if ctx.entity(r[0]).type != "Legislation"
                                   or "Legislation" in ont.relations[rel].object_types]
            made = ctx.make_all(agents, rel, targets, tok, "noun", f"event noun '{tok.lemma_}', agent by {how}",
                                ctx.tuning.event_noun)
            yield from made
            if made and rel == "contacts":
                yield from clause.contact_asking(ctx, tok, agents, targets, "noun")
            if made:
                break
    yield from addressed_requests(ctx)
    yield from requests_acted_on(ctx)
    yield from pressure_from(ctx)
    yield from decided_claims(ctx)
    yield from threatened_measures(ctx)
    yield from widened_events(ctx)
    yield from named_defendants(ctx)
    yield from sided_rulings(ctx)
    yield from states_of_breach(ctx)
    yield from ordered_payments(ctx)
    yield from payments_to_enforcers(ctx)
    yield from fines_read_as_adjectives(ctx)


def fines_read_as_adjectives(ctx: Context) -> Iterator[Triple]:
    """A fine the parser reads as an adjective of its sum is a fine all the same: in "China slapped an 18 billion
    yuan fine on Alibaba" the sum is the light verb's object, "fine" its modifier, the one fined in "on"."""
    light = ctx.words("lightVerb")
    for tok in ctx.tokens:
        if tok.lemma_.lower() not in clause.FINE_WORDS or tok.pos_ == "NOUN" or tok.dep_ not in {"amod", "compound"}:
            continue
        the_sum = tok.head
        if the_sum.dep_ != "dobj" or not clause.is_sum(ctx, the_sum) or the_sum.head.lemma_.lower() not in light:
            continue
        verb = the_sum.head
        agents, how = clause.subjects(ctx, verb)
        fined = clause.prep_objects(ctx, verb, {"on", "against"}) or [
            r for c in verb.children if c.dep_ == "dative" for r in ctx.refs(c)]
        yield from ctx.make_all(agents, "fines", fined, tok, "noun",
                                f"'{tok.lower_}' read as the adjective of its sum, agent by {how}",
                                ctx.tuning.event_noun)


def ordered_payments(ctx: Context) -> Iterator[Triple]:
    """A sum an enforcer orders someone to pay is a fine: "the watchdog ordered TikTok to pay 345 million euros",
    "Meta was ordered by the commission to pay a penalty" -> the enforcer fines them (a court's order to pay
    damages is no fine)."""
    orders = {v for v, rels in ctx.ont.verb_index.items() if "orders" in rels}
    for tok in ctx.tokens:
        if tok.lemma_.lower() != "pay" or tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in orders:
            continue
        verb = tok.head
        paid = clause.sums_ordered_paid(ctx, verb)
        if not paid:
            continue
        fining = clause.fining_classes(paid)
        if clause.is_passive(verb):
            payers = [r for c in verb.children if c.dep_ == "nsubjpass" for r in ctx.refs(c)]
            # "was ordered to pay a penalty by the commission": the "by" phrase may hang on "pay".
            enforcers, how = clause.passive_agent(ctx, verb) or clause.prep_objects(ctx, tok, {"by"}), "'by' phrase"
        else:
            payers = [r for c in verb.children if c.dep_ == "dobj" for r in ctx.refs(c)]
            enforcers, how = clause.subjects(ctx, verb)
        enforcers = [r for r in enforcers if ctx.entity(ctx.acting(r)[0]).type in fining]
        yield from ctx.make_all(enforcers, "fines", payers, tok, "noun",
                                f"sum ordered to be paid ('{verb.text} ... to pay'), enforcer by {how}",
                                ctx.tuning.event_noun)


def payments_to_enforcers(ctx: Context) -> Iterator[Triple]:
    """A fine or a sum paid to an enforcer is its fine: "Shell paid a $2m fine to the Nigerian government", "Meta
    will pay $5bn to the FTC" -> the enforcer fines the payer (a sum paid to anyone else is no fine)."""
    for tok in ctx.tokens:
        if tok.lemma_.lower() != "pay" or tok.pos_ not in clause.VERBAL or clause.is_passive(tok):
            continue
        # ("pay a total of $520m": the sum inside the object's phrase)
        sums = [c for c in tok.children if c.dep_ == "dobj" and any(clause.is_sum(ctx, w) for w in c.subtree)]
        if not sums:
            continue
        # The "to" may hang on any word of the sum ("a $2m fine to the regulator", "fine" read as an adjective); the
        # payee may be the verb's indirect object ("pay the FTC $5m").
        payees = [r for c in (tok, *(w for x in sums for w in x.subtree)) for r in clause.prep_objects(ctx, c, {"to"})
                  if ctx.entity(ctx.acting(r)[0]).type in ctx.ont.enforcer_classes]
        payees += [r for c in tok.children if c.dep_ == "dative" for r in ctx.refs(c)
                   if ctx.entity(ctx.acting(r)[0]).type in ctx.ont.enforcer_classes]
        payers, how = clause.subjects(ctx, tok)
        yield from ctx.make_all(payees, "fines", payers, tok, "noun",
                                f"sum paid ('{tok.text} ... to') to an enforcer, payer by {how}", ctx.tuning.event_noun)


def _occasion_verb(ctx: Context, tok: Token) -> Token | None:
    """Return the verb whose "after", "for", "during" ... phrase the event noun ``tok`` heads, if it heads one."""
    # ("following" tagged a verb, with the noun its object: "fined Vexa following a probe")
    if (tok.dep_ == "pobj" or tok.dep_ == "dobj" and tok.head.dep_ == "prep") and \
            tok.head.lower_ in ctx.words("occasionPreposition") and tok.head.head.pos_ in clause.VERBAL:
        return tok.head.head
    return None


def _between(ctx: Context, tok: Token, entries: list[tuple[str, str | None]]) -> list[Triple]:
    """Return a symmetric event between the two parties its noun names together: "talks between Japan and
    China", "the US-China trade deal", "the EU–Mercosur agreement", or the coordinated doers of its light verb
    ("Japan and Korea signed a pact")."""
    parties: list[Ref] = []
    how = ""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            parties = [r for o in c.children if o.dep_ == "pobj" for r in ctx.refs(o)]
            how = "'between' phrase"
    if not parties:
        te = ctx.res.token_entity
        for i in range(max(tok.left_edge.i + 1, 1), tok.i - 1):
            dash = ctx.doc[i]
            if dash.text in {"-", "–", "/"} and i - 1 in te and i + 1 in te and te[i - 1] != te[i + 1] and \
                    not dash.whitespace_ and not ctx.doc[i - 1].whitespace_:
                parties = [(te[i - 1], ctx.res.token_certainty.get(i - 1, 1.0)),
                           (te[i + 1], ctx.res.token_certainty.get(i + 1, 1.0))]
                how = f"pair '{ctx.doc[i - 1:i + 2].text}' naming it"
                break
    if not parties and tok.dep_ == "dobj" and tok.head.lemma_ in ctx.light_verbs(tok) and not any(
            c.dep_ == "prep" and c.lower_ in {"with", "between", "to"} for c in [*tok.children, *tok.head.children]):
        # "Japan and South Korea signed a defence pact", "the two firms struck a deal": the light verb's
        # coordinated doers, each with each (one doer is no pair: "Meta signed a deal" names no other side).
        doers = {r[0]: r for r in reversed(clause.subjects(ctx, tok.head)[0])}
        if len(doers) >= 2 and not clause.is_passive(tok.head):
            how = f"coordinated doers of '{tok.head.text}'"
            return [t for a, b in _each_with_each(list(reversed(doers.values())))
                    if (t := _first_made(ctx, a, b, tok, entries, how))]
    if len(parties) > 2 and how == "'between' phrase":
        # "talks between the ministry and Telekom, Vodafone and Telefonica": the first party, joined to the rest by
        # "and", met each of them; "between A, B and C": each met each.
        pairs = [(parties[0], b) for b in parties[1:]] if _first_joined_by_and(tok) else _each_with_each(parties)
        return [t for a, b in pairs if (t := _first_made(ctx, a, b, tok, entries, how + " of several"))]
    if len(parties) != 2:
        return []
    t = _first_made(ctx, parties[0], parties[1], tok, entries, how)
    return [t] if t else []


def _each_with_each(refs: list[Ref]) -> list[tuple[Ref, Ref]]:
    """Return every pair of ``refs``, each once, in order."""
    return [(a, b) for i, a in enumerate(refs) for b in refs[i + 1:]]


def _first_joined_by_and(tok: Token) -> bool:
    """Return True when the first of the noun's "between" parties is joined to the next by "and", not a comma."""
    first = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "between" for o in c.children
                  if o.dep_ == "pobj"), None)
    nxt = next((c for c in first.children if c.dep_ == "conj"), None) if first is not None else None
    if first is None or nxt is None:
        return False
    return any(t.lower_ == "and" for t in tok.doc[first.i + 1:nxt.left_edge.i])


def _joint(ctx: Context, tok: Token, agents: list[Ref], how: str) -> list[Triple]:
    """Doers of a joint act work together: "Ofcom and the ICO launched a joint investigation" (``pk:jointWord``)."""
    if len(agents) < 2 or not any(c.dep_ == "amod" and c.lower_ in ctx.words("jointWord") for c in tok.children):
        return []
    rule = f"joint '{tok.lemma_}', doers by {how}"
    return [t for a, b in _each_with_each(agents) if a[0] != b[0]
            and (t := ctx.make(a, "cooperatesWith", b, tok, "noun", rule, ctx.tuning.event_noun))]


def _first_made(ctx: Context, a: Ref, b: Ref, tok: Token, entries: list[tuple[str, str | None]],
                how: str) -> Triple | None:
    """Return the statement of the noun's first relation that ``a`` and ``b`` can stand in."""
    for rel, _ in entries:
        t = ctx.make(a, rel, b, tok, "noun", f"event noun '{tok.lemma_}' between two, {how}", ctx.tuning.event_noun)
        if t:
            return t
    return None


def named_defendants(ctx: Context) -> Iterator[Triple]:
    """Naming someone as defendant is suing them: "Epic filed suit, naming Apple as the defendant"."""
    roles = ctx.words("defendantNoun")
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in roles or tok.dep_ != "pobj" or tok.head.lower_ != "as":
            continue
        verb = tok.head.head
        if verb.pos_ not in clause.VERBAL or verb.lemma_.lower() != "name":
            continue
        if clause.is_passive(verb):
            # "Apple was named as a defendant in Epic's suit": the suit's makers, if the sentence gives them.
            named = [r for c in verb.children if c.dep_ == "nsubjpass" for r in ctx.refs(c)]
            suers, how = clause.passive_agent(ctx, verb), "passive agent"
        else:
            named = clause.objects(ctx, verb)
            suers, how = clause.subjects(ctx, verb)
        yield from ctx.make_all(suers, "sues", named, tok, "noun", f"named as '{tok.lemma_}' ({how})",
                                ctx.tuning.event_noun)


def sided_rulings(ctx: Context) -> Iterator[Triple]:
    """A court's decision for or against a party is its stance toward the party: "the court issued a ruling in
    favour of Kinmira" (supports), "a verdict against the ministry" (opposes); its maker by the noun's agent."""
    decisions = ctx.words("courtDecisionNoun")
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in decisions:
            continue
        sides: list[tuple[str, Token]] = []
        light = tok.dep_ == "dobj" and tok.head.lemma_ in ctx.light_verbs(tok)
        # "issued a ruling in favour of X": the parser may hang the phrase on the light verb.
        for p in (*tok.children, *(c for c in tok.head.children if c.i > tok.i and light)):
            if p.dep_ != "prep":
                continue
            if p.lower_ == "against":
                sides += [("opposes", o) for o in p.children if o.dep_ == "pobj"]
            elif p.lower_ == "in":
                # "in favour of X": the phrase's object hangs on "favour".
                sides += [("supports", o) for f in p.children if f.dep_ == "pobj" and f.lower_ in {"favour", "favor"}
                          for q in f.children if q.dep_ == "prep" and q.lower_ == "of"
                          for o in q.children if o.dep_ == "pobj"]
        if not sides:
            continue
        makers, how = clause.noun_agents(ctx, tok)
        for rel, obj in sides:
            yield from ctx.make_all(makers, rel, ctx.refs(obj), tok, "noun",
                                    f"'{tok.lemma_}' {'against' if rel == 'opposes' else 'in favour of'} a party, "
                                    f"maker by {how}", ctx.tuning.event_noun)


def states_of_breach(ctx: Context) -> Iterator[Triple]:
    """Being in breach of a law is violating it: "Kinmira was found in breach of the GDPR", "the regulator found
    Zeltra in violation of the act" (the one found so), "Zeltra is in breach of its licence"; and doing something in
    breach of it: "Zeltra shared the data in breach of the act" (the doer)."""
    states = ctx.words("copulaVerb") | ctx.words("servingVerb") | ctx.words("findingVerb")
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ != "in":
            continue
        rels = [r for r, prep in ctx.noun_entries(tok) if r == "violates" and prep in {None, "of"}]
        verb = tok.head.head
        if not rels or verb.pos_ not in clause.VERBAL:
            continue
        laws = [r for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj" for r in ctx.refs(o)]
        if not laws:
            continue
        found = [r for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} for r in ctx.refs(c)]
        if verb.lemma_.lower() in states:
            # "found Zeltra in breach": the one found so; "Zeltra was found in breach": the passive's subject.
            breakers, how = (found, "the one found so") if found else clause.subjects(ctx, verb)
        elif verb.lemma_.lower() in ctx.words("speechVerb") or any(
                ctx.ont.relations[r].group in {"enforcement", "stance"}
                 for r in ctx.ont.verb_relations(verb.lemma_, verb.lower_)) or \
                any(ctx.noun_entries(c) for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}):
            # "opened an inquiry into whether Zeltra ranks rivals lower, in breach of the act, the EU said": the
            # manner of the conduct acted on or told of, hung by the parser on the act or the telling.
            continue
        else:
            passive = [r for c in verb.children if c.dep_ == "nsubjpass" for r in ctx.refs(c)]
            breakers, how = (passive, "passive subject") if passive else clause.subjects(ctx, verb)
            how = f"the doer of '{verb.text}' ({how})"
        yield from ctx.make_all(breakers, "violates", laws, tok, "noun", f"'in {tok.lower_} of' a law, by {how}",
                                ctx.tuning.event_noun)


def addressed_requests(ctx: Context) -> Iterator[Triple]:
    """A request is addressed to whoever decides on it: "the court granted Apple's request for a stay", "the
    regulator rejected Meta's application" -> the requester urges the decider."""
    deciding = ctx.words("decidingVerb")
    for tok, verb in _decided(ctx, ctx.words("requestNoun")):
        if verb.lemma_.lower() not in deciding:
            continue
        requesters = [r for c in tok.children if c.dep_ == "poss" for r in ctx.refs(c)]
        deciders, how = clause.subjects(ctx, verb)
        for t in ctx.make_all(requesters, "urges", deciders, tok, "noun",
                              f"request '{tok.lemma_}' decided on ('{verb.text}') by its addressee ({how})",
                              ctx.tuning.event_noun):
            t.negated = False  # a request refused ("will not grant Vexa's request") was made all the same
            yield t


def requests_acted_on(ctx: Context) -> Iterator[Triple]:
    """A clause done "at the request of" someone says they asked its doer: "at the ministry's request, Vexa removed
    the posts", "Pinmark shut the service at the behest of the regulator" -> the requester urges the doer."""
    for tok in ctx.tokens:
        if tok.lemma_.lower() not in ctx.words("requestNoun") or tok.dep_ != "pobj" or \
                tok.head.lower_ not in {"at", "on", "upon"} or tok.head.head.pos_ not in clause.VERBAL:
            continue
        verb = tok.head.head
        requesters = [r for c in tok.children if c.dep_ == "poss" for r in ctx.refs(c)] or \
                     [r for p in tok.children if p.dep_ == "prep" and p.lower_ in {"of", "from"}
                      for o in p.children if o.dep_ == "pobj" for r in ctx.refs(o)]
        if not requesters or clause.is_passive(verb):
            continue  # ("the posts were removed at the request of Vexa": who removed them is not said)
        doers, how = clause.subjects(ctx, verb)
        if not doers and not any(c.dep_ in clause.SUBJECT_DEPS for c in verb.children):
            # "At the request of the ministry, Vexa removed them": the parser may read the fronted phrase's end and
            # the doer after its comma as one name and its apposition.
            doers = [r for a in tok.subtree if a.dep_ == "appos" and a.i > tok.i and a.head.dep_ == "pobj"
                     and a.doc[a.left_edge.i - 1].text == "," for r in ctx.refs(a)]
            how = "the name after the phrase's comma"
            requesters = [r for r in requesters if r not in doers]
        yield from ctx.make_all(requesters, "urges", [d for d in doers if d not in requesters], tok, "noun",
                                f"'{verb.text}' done at the {tok.lemma_} of another, doer by {how}",
                                ctx.tuning.event_noun)


def pressure_from(ctx: Context) -> Iterator[Triple]:
    """Pressure "from" someone bears on whom its "on" phrase names, or on the doer of the clause it is in: "bowed to
    pressure from the government", "tightened its rules after months of pressure from Washington" -> the one
    pressing urges them."""
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or "urges" not in {r for r, _ in ctx.noun_entries(tok)}:
            continue
        if tok.lemma_.lower() in ctx.words("marketNoun") and any(
                c.dep_ == "amod" and c.lower_ in ctx.words("quantityAdjective") for c in tok.children):
            continue  # "strong demand from customers": a market's, no one's call
        agents = [r for p in tok.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
                  if o.dep_ == "pobj" for r in ctx.refs(o)]
        if not agents:
            continue
        targets = clause.prep_objects(ctx, tok, frozenset({"on"}))
        how = "its 'on' phrase"
        head = tok
        while not targets and head.dep_ == "pobj" and head.head.dep_ == "prep":
            # ("after months of pressure": up through the phrases to the verb they hang on)
            head = head.head.head
            if head.pos_ in clause.VERBAL:
                if not clause.is_passive(head):
                    targets, how = clause.subjects(ctx, head)
                    how = f"doer of '{head.text}' ({how})"
                break
        yield from ctx.make_all(agents, "urges", [t for t in targets if t not in agents], tok, "noun",
                                f"'{tok.lemma_}' from its 'from' phrase, on {how}", ctx.tuning.event_noun)


def threatened_measures(ctx: Context) -> Iterator[Triple]:
    """Whoever threatens a measure threatens the one it would fall on: the object of its "on" or "against" phrase
    ("threatened sanctions against Vexa"), else the subject of the condition it is made on ("threatened tariffs if
    Pinmark keeps the tax"), else the one who acted after it ("Zeta removed the post after the agency threatened
    legal action")."""
    measures = ctx.words("decisionNoun") | ctx.words("policyNoun")
    for tok in ctx.tokens:
        verb = tok.head
        if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or verb.pos_ not in clause.VERBAL or \
                "threatens" not in ctx.ont.verb_relations(verb.lemma_, verb.lower_):
            continue
        if tok.lemma_.lower() not in measures and not ctx.enforcement_noun(tok):
            continue
        threatened = clause.prep_objects(ctx, tok, {"on", "against"}) or [
            r for p in verb.children if p.dep_ == "prep" and p.lower_ in {"on", "against"} and p.i > tok.i
            for o in p.children if o.dep_ == "pobj" for r in ctx.refs(o)]
        how = "its 'on' or 'against' phrase"
        if not threatened:
            how = "the subject of its condition"
            threatened = [r for c in verb.children if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
                for s in c.children if s.dep_ in clause.SUBJECT_DEPS for r in ctx.refs(s)]
        if not threatened and verb.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in {"after", "when", "as"} for m in verb.children):
            how = "the one who acted after it"
            threatened = clause.subjects(ctx, verb.head)[0]
        agents, by = clause.subjects(ctx, verb)
        threatened = [r for r in threatened if r[0] not in {a for a, _ in agents}]
        yield from ctx.make_all(agents, "threatens", threatened, tok, "noun", f"'{tok.lemma_}' threatened "
                                f"('{verb.text}'), threatened by {how}, agent by {by}", ctx.tuning.event_noun)


def _decided(ctx: Context, nouns: frozenset[str]) -> Iterator[tuple[Token, Token]]:
    """Yield each of ``nouns`` (a request, a claim) that a verb decides on, as its object or passive subject, with
    the verb: "granted Vexa's request", "the appeal was dismissed"."""
    for tok in ctx.tokens:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns and tok.dep_ in {"dobj", "nsubjpass"} and \
                tok.head.pos_ in clause.VERBAL:
            yield tok, tok.head


def widened_events(ctx: Context) -> Iterator[Triple]:
    """An inquiry (or any event noun) widened to take in others acts on them too: "the probe into Vexa has been
    expanded to include Pinmark and Zeta", "the agency widened its investigation to cover Pinmark"."""
    widening, taking_in = ctx.words("wideningVerb"), ctx.words("includingVerb")
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or tok.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
            continue
        verb = tok.head
        if verb.pos_ not in clause.VERBAL or verb.lemma_.lower() not in widening:
            continue
        entries = [rel for rel, _ in ctx.noun_entries(tok)]
        if not entries:
            continue
        # (the parser may hang "to include" on the noun: "widened its investigation to cover X")
        targets = [r for x in (*verb.children, *tok.children) if x.dep_ in {"xcomp", "advcl", "acl"}
                   and x.i > tok.i and x.lemma_.lower() in taking_in
                   for o in x.children if o.dep_ == "dobj" for r in ctx.refs(o)]
        agents, how = clause.noun_agents(ctx, tok)
        if not agents and tok.dep_ == "dobj":
            agents, how = clause.subjects(ctx, verb)
        yield from ctx.make_all(agents, entries[0], targets, tok, "noun", f"event noun '{tok.lemma_}' widened "
                                f"('{verb.text}') to take in others, agent by {how}", ctx.tuning.event_noun)


def decided_claims(ctx: Context) -> Iterator[Triple]:
    """Whoever turns down a party's claim, appeal or challenge opposes the party; whoever grants it sides with them:
    "the court dismissed Vexa's appeal" (opposes Vexa), "the judge threw out the lawsuit brought by Zeta" (opposes
    Zeta), "the tribunal granted Pinmark's request" (supports Pinmark). A verb that itself opposes ("rejected X's
    claim") is the verb extractor's."""
    nouns = ctx.words("requestNoun") | ctx.words("claimNoun")
    stances = {"opposes": ctx.words("denyingVerb"), "supports": ctx.words("grantingVerb")}
    for tok, verb in _decided(ctx, nouns):
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        lemma = f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()
        rel = next((r for r, words in stances.items() if lemma in words), None)
        if rel is None or rel in ctx.ont.verb_relations(verb.lemma_, verb.lower_) or \
                any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
            continue  # (what a verb "allowed the suit to proceed" allows is the proceeding, not the claim)
        claimants, how = clause.noun_agents(ctx, tok)
        deciders, by = clause.subjects(ctx, verb) if tok.dep_ == "dobj" else (
            clause.passive_agent(ctx, verb), "passive agent")
        deciders = [d for d in deciders if d[0] not in {c for c, _ in claimants}]
        made = ctx.make_all(deciders, rel, claimants, tok, "noun",
                            f"'{tok.lemma_}' {'turned down' if rel == 'opposes' else 'granted'} ('{verb.text}'), "
                            f"claimant by {how}, decider by {by}", ctx.tuning.event_noun)
        # (a claim not granted or not dismissed says no more than that: no stance either way)
        yield from (t for t in made if not t.negated)


def _what_it_found(ctx: Context, tok: Token, entries: list[tuple[str, str | None]]) -> Iterator[Triple]:
    """An investigation that found something of someone investigated them: "A Data Agency investigation found that
    Vexa had breached the law", "its probe found Vexa had misled users" (the doer named before the noun, the one
    investigated the subject of what it found)."""
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in ctx.words("findingVerb"):
        return
    for rel, _ in entries:
        if rel != "investigates":
            continue
        # (a name compounded on the noun, "A Data Agency investigation", does it too)
        agents = clause.noun_agents(ctx, tok)[0] or [
            r for c in tok.children if c.dep_ == "compound" and c.i < tok.i for r in ctx.refs(c)]
        targets = [r for c in tok.head.children if c.dep_ == "ccomp" for s in c.children
                   if s.dep_ in {"nsubj", "nsubjpass"} for r in ctx.refs(s) if r[0] not in {a for a, _ in agents}]
        yield from ctx.make_all(agents, rel, targets, tok, "noun", f"event noun '{tok.lemma_}' that "
                                f"'{tok.head.lemma_}' something of the subject of its clause", ctx.tuning.event_noun)


def _framed(ctx: Context, tok: Token, entries: list[tuple[str, str | None]]) -> Iterator[Triple]:
    """Event nouns whose roles a frame verb sets: patient light verbs ("received an order from Y") and
    instruments ("hit X with a fine")."""
    for frame in (clause.patient_frame, clause.instrument_frame):
        agents, targets, how = frame(ctx, tok)
        if not (agents and targets):
            continue
        for rel, _ in entries:
            made = ctx.make_all(agents, rel, targets, tok, "noun", f"event noun '{tok.lemma_}', {how}",
                                ctx.tuning.idiom)
            yield from made
            if made:
                return
