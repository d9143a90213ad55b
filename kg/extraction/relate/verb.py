"""The ``verb`` extractor: a trigger verb or phrase with its subject and object.

Covers active and passive voice, coordination, control verbs ("threatened to
ban X"), relative clauses ("Meta, which owns Instagram"), reduced relatives
("the regulator headed by ...") and participles; trigger verbs and phrases
come from the ontology (``pk:verb``, ``pk:phrase``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extraction.relate import clause
from kg.extraction.relate.api import Context, Ref, Triple
from kg.extraction.relate.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Token


def phrase_objects(ctx: Context, last: Token, head: Token) -> list[Ref]:
    """Return the entities governed by the last word of a matched phrase, else the head verb's object
    ("took the firm to court")."""
    refs: list[Ref] = []
    words = ctx.words("questionWord")
    for c in last.children:
        if c.dep_ in {"pobj", "dobj"}:
            refs += ctx.refs(c)
        elif c.dep_ == "pcomp" and any(m.dep_ in {"mark", "advmod"} and m.lower_ in words for m in c.children):
            # "looking into whether X complied": the one the question is about
            refs += [r for s in c.children if s.dep_ in {"nsubj", "nsubjpass"} for r in ctx.refs(s)]
    if not refs and last != head and not any(c.dep_ == "pobj" for c in last.children):
        # (a phrase whose preposition has an object of its own is about that object: "petitioned the court against
        # the orders" is against the orders, not the court)
        for c in head.children:
            if c.dep_ == "dobj":
                refs += ctx.refs(c)
    return refs


def _blame_by_noun(ctx: Context, noun: Token, subjects: list[Ref], objects: list[Ref], how: str,
                   only: frozenset[str] | None = None) -> Iterator[Triple]:
    """Yield the relations of a proceeding noun ("lawsuit": sues) from the ones who speak through it to the ones
    they blame, at a lower confidence (``only``: the relations allowed)."""
    for rel, _prep in ctx.noun_entries(noun):
        if only is None or rel in only:
            yield from ctx.make_all(subjects, rel, objects, noun, "verb", f"event noun '{noun.lower_}' {how}",
                                    ctx.tuning.event_noun * ctx.tuning.shared_subject)


def _reciprocal(ctx: Context, verb: Token, subjects: list[Ref], how: str, rels: list[str]) -> list[Triple]:
    """Return the statements between coordinated doers of a symmetric relation's verb that has no object of its
    own: "Japan and Korea agreed to cooperate", "the two leaders, Lee and Ortiz, met on Friday" (each with each)."""
    doers = list(dict.fromkeys(r[0] for r in subjects))
    symmetric = [r for r in dict.fromkeys(rels) if ctx.ont.relations[r].symmetric]
    if len(doers) < 2 or not symmetric or how in {"passive agent", "object control"}:
        # ("urged Facebook, Google and TikTok to collaborate in removing content": each with the one urging, if
        # anyone; the urged work with no one yet)
        return []
    if any(c.dep_ in {"dobj", "attr", "dative", "xcomp", "ccomp"} or c.dep_ == "prep" and c.lower_ in {"with", "to"}
           for c in verb.children):
        # "met the minister", "cooperate with Acme": the object is the other side; "agreed to cooperate",
        # "agreed that ...": a complement, not each other
        return []
    ref = {r[0]: r for r in reversed(subjects)}   # each doer with its first reference
    out: list[Triple] = []
    for i, a in enumerate(doers):
        for b in doers[i + 1:]:
            rel = ctx.pick(symmetric, ref[a], ref[b])
            t = ctx.make(ref[a], rel, ref[b], verb, "verb", f"symmetric verb '{verb.lemma_.lower()}' with "
                         f"coordinated doers ({how})", ctx.tuning.active_verb) if rel else None
            if t:
                out.append(t)
    return out


def directives(ctx: Context, tok: Token) -> list[Triple]:
    """Return what a directive verb says ("the FTC told Amazon to stop selling it"): with its object told *to*
    act, an order from an enforcer (a regulator, a government, a court) and a request from anyone else."""
    if tok.lemma_.lower() not in ctx.words("directiveVerb") or clause.is_passive(tok):
        return []
    objs = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
    # Told *to* act, or told that it must or should ("Ofcom told Acme it must remove the posts").
    if not objs or not any(c.i > objs[0].i and (
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            or c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ctx.words("obligationAux")
                                         for a in c.children)) for c in tok.children):
        return []
    subjects, how = clause.subjects(ctx, tok)
    out: list[Triple] = []
    for s in subjects:
        enforcer = ctx.entity(s[0]).type in ctx.ont.enforcer_classes
        rel = "orders" if enforcer else "urges"
        for o in (r for c in objs for r in ctx.refs(c)):
            t = ctx.make(s, rel, o, tok, "verb", f"directive verb '{tok.lemma_.lower()}' with what to do, "
                         f"by {'an enforcer' if enforcer else 'no enforcer'} ({how})", ctx.tuning.active_verb)
            if t:
                out.append(t)
    return out


def _ordered_ban(ctx: Context, tok: Token, subjects: list[Ref], how: str) -> tuple[list[Ref], str]:
    """Return who bans when one orders others to ("Justice Moraes ordered Apple and Google to block access to
    Telegram", "... to help block it"): the one ordering, not those who carry the order out."""
    up = tok
    for _ in range(3):
        if up.head == up or up.dep_ != "xcomp" and not (up.dep_ == "ccomp" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in up.children)):
            break  # ("demanded telecoms firms to block it", parsed as a clause of its own with "to")
        up = up.head
        rels = ctx.ont.verb_relations(up.lemma_, up.lower_)
        ordering = "orders" in rels or up.lemma_.lower() in ctx.words("directiveVerb")
        if ordering or "urges" in rels or up.lemma_.lower() in ctx.words("mandativeVerb"):
            if any(c.dep_ == "neg" for c in tok.children):
                return [], "forbidden"  # "ordered the ministry never to block it": no one blocks it
            orderers, o_how = clause.subjects(ctx, up)
            # "the authorities asked telecoms firms to block the exchanges": an enforcer's request is its order
            # (a country asks through its government).
            orderers = orderers if ordering else [ctx.acting(r) for r in orderers]
            if orderers and (ordering or all(ctx.entity(i).type in ctx.ont.enforcer_classes for i, _ in orderers)):
                return orderers, f"the one {'ordering' if ordering else 'asking for'} it ({o_how} of '{up.text}')"
            break
    return subjects, how


def _only_asked_or_allowed(ctx: Context, tok: Token) -> bool:
    """Return True when the infinitive ``tok`` is what someone asks, wants or allows another to do ("urged the
    ministry to ban Zeta", "called on Ofcom to fine it", "wants the FTC to investigate", "empowered the agency to
    block it"): the one asked has not done it (the request is the asker's ``urges``; an order is read as done)."""
    head = tok.head
    if tok.dep_ not in {"xcomp", "advcl", "ccomp"} or head == tok or not any(
            a.dep_ == "aux" and a.lower_ == "to" for a in tok.children):
        return False
    lemma = head.lemma_.lower()
    return "urges" in ctx.ont.verb_relations(head.lemma_, head.lower_) or \
        lemma in ctx.words("permissionVerb") | ctx.words("wishVerb") or \
        any(rel == "urges" for _, rel in ctx.ont.phrase_index.get(lemma, []))


def _only_threatened(ctx: Context, tok: Token) -> bool:
    """Return True when the infinitive ``tok`` is what its doer threatens to do ("threatened to block Zeta unless
    it complies", "threatened that it would fine Vexa"): not done (the threat is the threatener's ``threatens``).
    What a threat says has happened ("warned that the ministry had blocked Zeta") stays a statement."""
    head = tok.head
    to_do = {"to"} if tok.dep_ == "xcomp" else {"would", "will"} if tok.dep_ == "ccomp" else set()
    return head.i != tok.i and head.pos_ in clause.VERBAL and \
        "threatens" in ctx.ont.verb_relations(head.lemma_, head.lower_) and \
        any(a.dep_ == "aux" and a.lower_ in to_do for a in tok.children)


def _force_on_a_place(ctx: Context, tok: Token) -> bool:
    """Return True when a verb that may name the use of force (``pk:forceVerb``) has a place as its object and no
    phrase of what was said ("attacked Ukraine", "attacked Kyiv overnight"; but "attacked Ukraine over its
    tariffs", "attacked the ministry as incompetent" are words)."""
    from kg.extraction.recognise import is_country_name

    if tok.lemma_.lower() not in ctx.words("forceVerb") or any(
            c.dep_ == "prep" and c.lower_ in {"for", "over", "as", "in"} and c.i > tok.i and not any(
                o.ent_type_ in {"DATE", "TIME", "GPE", "LOC"} for o in c.children) for c in tok.children):
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objs) and all(o.ent_type_ in {"GPE", "LOC", "FAC"} or is_country_name(o.text)
                              or o.text in ctx.ont.places for o in objs)


def _kept_out_of_rules(ctx: Context, tok: Token) -> bool:
    """Return True when a verb of banning keeps its object out of a rule, an inquiry or a measure rather than out
    of a market: "excluded Zeta Chat from the scope of the act", "excluded Vexa from being designated", "excluded
    Pinmark from the investigation" (spared, not banned; but "barred Vexa from exporting chips" bans)."""
    kept_out = ctx.words("scopeNoun") | ctx.words("policyNoun") | ctx.words("decisionNoun")

    def a_rule(o: Token) -> bool:
        return o.lemma_.lower() in kept_out or ctx.enforcement_noun(o)

    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ != "from":
            continue
        for o in p.children:
            if o.dep_ == "pobj" and a_rule(o) or o.dep_ == "pcomp" and o.tag_ == "VBG" and any(
                    a_rule(g) for g in o.subtree if g.pos_ == "NOUN"):
                return True
    return False


def wishes(ctx: Context, tok: Token) -> list[Triple]:
    """Return the requests a verb of wishing makes of the one it wants to act: "the EU wants Apple to open its
    iPhone", "called for Meta to stop", "encouraged TikTok to adopt age checks", "appealed to Washington to
    reconsider" (``pk:wishVerb``; "call" only with "for")."""
    lemma = tok.lemma_.lower()
    if lemma not in ctx.words("wishVerb") or clause.is_passive(tok):
        return []
    targets: list[Ref] = []
    for c in tok.children:
        to = any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        if not to or c.dep_ not in {"ccomp", "advcl", "xcomp"}:
            continue
        if lemma == "call" and c.dep_ == "xcomp":
            # "called for Vexa to withdraw it", parsed with the name in a "for" phrase of the verb and the
            # infinitive hung beside it (but "called for Vexa to be fined" asks the one who would fine it)
            if not any(a.dep_ == "auxpass" for a in c.children):
                targets += [r for p in tok.children if p.dep_ == "prep" and p.lower_ == "for" and p.i < c.i
                            for o in p.children if o.dep_ == "pobj" and o.i < c.i for r in ctx.refs(o)]
            continue
        if lemma == "call" and not any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            continue
        targets += [r for s in c.children if s.dep_ == "nsubj" for r in ctx.refs(s)]
        if c.dep_ == "xcomp" and lemma != "call":
            targets += [r for o in tok.children if o.dep_ == "dobj" for r in ctx.refs(o)]
        if lemma != "call" or not targets:
            # "appealed to Washington to reconsider", "pushed for the FTC to fine Meta": the one asked to act, as
            # the infinitive's own doer is read.
            addressed = clause.addressee_to_act(ctx, c, tok)
            targets += addressed[0] if addressed else []
    rule = f"verb of wishing '{lemma}' with an infinitive"
    if not targets:
        # "called for an FTC investigation into X", "pushed for a ban by the ministry": the one who would do the
        # act wished for is asked to (its name before the noun, its possessor or its "by" phrase).
        for p in tok.children:
            if p.dep_ != "prep" or p.lower_ != "for":
                continue
            for n in p.children:
                if n.dep_ != "pobj" or n.i in ctx.res.token_entity or not ctx.noun_entries(n):
                    continue
                targets += [r for c in n.children if c.dep_ in {"compound", "poss"} and c.i < n.i
                            and c.i in ctx.res.token_entity for r in ctx.refs(c)]
                targets += clause.prep_objects(ctx, n, {"by"})
                rule = f"verb of wishing '{lemma}' for an act, of the one who would do it"
    return _urged_by_subject(ctx, tok, targets, rule)


def mandates(ctx: Context, tok: Token) -> list[Triple]:
    """Return the requests a mandative verb outside the lexicon makes with a subjunctive clause ("the ACCC demanded
    that Google end the deals", "insisted that X withdraw it"): the clause's subject is urged."""
    lemma = tok.lemma_.lower()
    if lemma not in ctx.words("mandativeVerb") or ctx.ont.lemma_keys(lemma, tok.lower_, ctx.ont.verb_index):
        return []  # a lexicon verb ("request", "order") reads its clause itself
    # (the subjunctive's bare verb with its own subject says so without "that": "demanded Vexa respond")
    targets = [r for c in tok.children if c.dep_ == "ccomp" and clause.is_subjunctive(c) and (any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children) or not any(
        m.dep_ in {"aux", "mark"} for m in c.children)) for s in c.children if s.dep_ == "nsubj"
        for r in ctx.refs(s)]
    if targets:
        return _urged_by_subject(ctx, tok, targets, f"mandative verb '{lemma}' with a subjunctive clause")
    if any(c.dep_ == "dobj" for c in tok.children):
        # "demanded answers from Vexa": what is demanded "from" someone is asked of them
        targets = [r for t in (tok, *(c for c in tok.children if c.dep_ == "dobj"))
                   for r in clause.prep_objects(ctx, t, {"from"})]
    return _urged_by_subject(ctx, tok, targets, f"mandative verb '{lemma}' of something, 'from' its addressee")


def listings(ctx: Context, tok: Token) -> list[Triple]:
    """Return the bans a verb of adding makes by putting someone on a list of the barred (``pk:banList``): "the
    agency added Vexa to its Entity List", "Vexa and Pinmark were added to the Commerce Department's Entity List",
    "placed on a sanctions list by the Treasury"."""
    if tok.lemma_.lower() not in ctx.words("listingVerb"):
        return []
    lists = ctx.words("banList")

    def named(o: Token) -> str:  # the list's words, "Entity List" of "the Commerce Department's Entity List"
        return " ".join(t.lower_ for t in o.lefts if t.dep_ in {"compound", "amod"}) + f" {o.lower_}"

    found = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in {"to", "on"} for o in p.children
             if o.dep_ == "pobj" and any(named(o).strip().endswith(w) for w in lists)]
    if not found:
        return []
    passive = clause.is_passive(tok)
    listed = [r for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj") for r in ctx.refs(c)]
    if passive:
        doers, how = clause.passive_agent(ctx, tok), "passive agent"
        if not doers:
            # "the Commerce Department's Entity List"; "a sanctions list by the Treasury", the "by" hung on the list
            doers, how = [r for g in found[0].children if g.dep_ == "poss" or g.dep_ == "prep" and g.lower_ == "by"
                          for r in ctx.refs(g if g.dep_ == "poss" else next(
                              (o for o in g.children if o.dep_ == "pobj"), g))], "the list's owner"
    else:
        doers, how = clause.subjects(ctx, tok)
    return [t for d in doers for o in listed if o[0] != d[0] and (
        t := ctx.make(d, "bans", o, tok, "verb", f"'{tok.lemma_}' to a list of the barred, {how}",
                      ctx.tuning.active_verb))]


def _urged_by_subject(ctx: Context, tok: Token, targets: list[Ref], rule: str) -> list[Triple]:
    """Return the verb's subjects urging each of ``targets``, with ``rule`` and how the subject was found."""
    if not targets:
        return []
    subjects, how = clause.subjects(ctx, tok)
    return [t for s in subjects for o in targets
            if (t := ctx.make(s, "urges", o, tok, "verb", f"{rule}, {how}", ctx.tuning.active_verb))]


def signatures(ctx: Context, tok: Token) -> list[Triple]:
    """Return the support a signing verb gives an agreement it takes as object ("twenty companies signed the
    accord", "Kenya ratified the convention"); a bill signed into law is enacted, and any other object is no
    stance ("signed a striker")."""
    lemma = tok.lemma_.lower()
    sponsor = lemma in ctx.words("sponsoringVerb") or lemma in ctx.words("approvingVerb")
    if not sponsor and (lemma not in ctx.words("signingVerb") or clause.is_passive(tok)):
        return []
    agreements = ctx.words("agreementWord")
    found = clause.objects(ctx, tok, ctx.ont.relations["supports"])
    if not sponsor and any(c.dep_ == "prt" and c.lower_ in {"on", "up"} for c in tok.children):
        found += clause.prep_objects(ctx, tok, {"to"})  # "signed on to the accord", "signed up to the code"
    laws = [r for r in found if ctx.entity(r[0]).type == "Legislation"]
    refused = clause.refusal(ctx, tok)
    objects = [r for r in laws if sponsor or refused or ctx.entity(r[0]).label.split()[-1].lower() in agreements]
    if not objects:
        return []
    subjects, how = clause.subjects(ctx, tok)
    if refused and not sponsor:
        # "Ruto said he would not sign the Finance Bill", "Meta will not sign the code": declining to sign opposes it
        made = [t for s in subjects for o in objects
                if (t := ctx.make(s, "opposes", o, tok, "verb", f"signing verb '{lemma}' declined, {how}",
                                  ctx.tuning.active_verb))]
        for t in made:
            t.negated = False
        return made
    return [t for s in subjects for o in objects
            if (t := ctx.make(s, "supports", o, tok, "verb", f"{'sponsoring or approving' if sponsor else 'signing'} "
                              f"verb '{lemma}' with {'a law' if sponsor else 'an agreement'} as object, {how}",
                              ctx.tuning.active_verb))]


@extractor("verb", order=20)
def verb_triples(ctx: Context) -> Iterator[Triple]:
    """Trigger verbs and phrases with their subject and object (active, passive, coordinated, controlled)."""
    ont, tune = ctx.ont, ctx.tuning
    for tok in ctx.tokens:
        if tok.pos_ not in clause.VERBAL and tok.tag_ not in {"VBN", "VBG"}:
            continue
        found = directives(ctx, tok) or signatures(ctx, tok) or mandates(ctx, tok) or wishes(ctx, tok) or \
            listings(ctx, tok)
        if found:
            yield from found
            continue
        lemma = tok.lemma_.lower()
        phrases = [p for k in ont.lemma_keys(lemma, tok.lower_, ont.phrase_index) for p in ont.phrase_index[k]]
        verb_keys = ont.lemma_keys(lemma, tok.lower_, ont.verb_index)
        verb_rels = ont.verb_index[verb_keys[0]] if verb_keys else []
        lemma = verb_keys[0] if verb_keys else lemma
        if not phrases and not verb_rels:
            continue
        subjects, how = clause.subjects(ctx, tok)
        if "bans" in verb_rels or any(rel == "bans" for _, rel in phrases):
            subjects, how = _ordered_ban(ctx, tok, subjects, how)
        if _only_asked_or_allowed(ctx, tok) and {ctx.acting(r)[0] for r in subjects} - {
                ctx.acting(r)[0] for r in clause.subjects(ctx, tok.head)[0]}:
            continue  # "Vexa asked the agency to ban Zeta", "the law allows the agency to block it": not done
        if _only_threatened(ctx, tok):
            continue  # "threatened to block Zeta": a threat, no ban
        if "owns" in verb_rels and any(c.dep_ in {"advmod", "npadvmod", "amod"} and c.lower_ in ctx.words(
                "partialWord") for c in tok.children):
            verb_rels = ["cooperatesWith" if r == "owns" else r for r in verb_rels]  # "partly owned by": a stake
        if "bans" in verb_rels and _kept_out_of_rules(ctx, tok):
            verb_rels = [r for r in verb_rels if r != "bans"]  # "excluded Zeta from the probe": spared, not banned
        if "criticises" in verb_rels and _force_on_a_place(ctx, tok):
            verb_rels = [r for r in verb_rels if r != "criticises"]  # "Russia attacked Kyiv": force, not words
        if not subjects:
            continue
        passive = clause.is_passive(tok)
        done = False
        for words, rel in phrases:
            last = clause.match_phrase(tok, words)
            if last is None:
                continue
            objs = phrase_objects(ctx, last, tok)
            found = ctx.make_all(subjects, rel, objs, tok, "verb", f"phrase '{' '.join(words)}', {how}", tune.phrase)
            yield from found
            if found and rel == "contacts":
                yield from clause.contact_asking(ctx, tok, subjects, objs, "verb")  # "wrote to Apple asking ..."
            if found:
                # "petitioned the court against the orders": a phrase ending in a preposition leaves the verb's own
                # object to the verb (urges the court).
                done = last.dep_ != "prep" or not any(c.dep_ == "dobj" and ctx.refs(c) for c in tok.children)
                break
        if not done:
            # A verb the lexicon has only in a phrase ("work with") is reciprocal alone only with "together".
            together = any(c.lower_ in {"together", "jointly"} for c in tok.children)
            found = _reciprocal(ctx, tok, subjects, how, [*verb_rels, *(rel for _, rel in phrases if together)])
            yield from found
            done = bool(found)
        if done or not verb_rels:
            continue
        objects = clause.objects(ctx, tok, ont.relations[verb_rels[0]])
        voice = "passive" if passive else "active"
        base = tune.passive_verb if passive else tune.active_verb
        for s in subjects:
            for o in objects:
                picked = ctx.pick(verb_rels, s, o)
                if picked is None:
                    continue
                t = ctx.make(s, picked, o, tok, "verb", f"{voice} verb '{lemma}', {how}", base)
                if t and picked == "supports" and t.negated and clause.refusal(ctx, tok):
                    # "refused to back the bill", "will not support the plan": a refusal to support opposes
                    t.relation, t.negated, t.rule = "opposes", False, t.rule + ", refused"
                if t:
                    yield t
        if objects and not passive:
            # "In a lawsuit filed on Tuesday, the SEC alleged that Coinbase ...": the speaker's lawsuit is
            # against the one it blames.
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for noun in (n for n in prep.children if n.dep_ == "pobj"):
                        # "in a letter", "in a call": whom it went to is not whom it blames
                        yield from _blame_by_noun(ctx, noun, subjects, objects, f"framing '{lemma}'", clause.FRAMING)
        if how.startswith("makers of the ") and objects:
            # "The lawsuit filed by A alleged that Y ...": A's lawsuit is against the one it blames.
            noun = next(c for c in tok.children if c.dep_ in clause.SUBJECT_DEPS
                        and c.lemma_.lower() in ctx.words("documentNoun"))
            yield from _blame_by_noun(ctx, noun, subjects, objects, f"whose makers blame the object of '{lemma}'")
