"""The ``implied`` extractor: statements whose actor the sentence leaves to the surrounding text.

- agentless passives of enforcement verbs: "Acme has been fined EUR 40m" ->
  the enforcer of the surrounding text fines Acme;
- stances toward a decision: "Meta said it would appeal the ruling",
  "campaigners welcomed the decision" -> a stance toward whoever made it (the
  noun's own agent when the sentence names one: "the fine imposed by the
  KFTC");
- deadlines: "the Commission gave Google 60 days to end the practice", "the
  firm was given six months to stop" -> orders;
- investigations aimed at no one: "the CMA began its investigation in January" ->
  the agent investigated the ones it is found fining, accusing, ordering, banning
  or suing, those of the nearest sentence;
- background ownership: a product and the one company the registry says owns
  or develops it, named in one sentence ("Meta said Instagram would ...") ->
  owns (develops for a developer), marked as background in the rule.

The enforcer of the surrounding text is, in order: the actor of an
enforcement statement found earlier in the same sentence; for a decision
someone takes a stance toward, the enforcer acting on that someone, else the
story's first enforcer; the latest one
within :attr:`~kg.extraction.tuning.Tuning.enforcer_window` tokens before; the one
regulator or court the article names most, when it names it at
least twice and more than any other. Nothing is guessed beyond that, and
statements made this way carry a lower confidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extraction import memo
from kg.extraction.relate import clause
from kg.extraction.relate.api import Context, Ref, Triple
from kg.extraction.relate.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Token


def enforcer(ctx: Context, tok: Token, court: bool = False, dominant: bool = True) -> tuple[Ref, str] | None:
    """Return the enforcer the text around ``tok`` implies, and how it was found; with ``court``, only one that
    rules on cases (a court, a regulator, a judge: the maker of a ruling, not a prosecutor); without ``dominant``,
    never the article's main enforcer by count alone (the maker of a decision some clause takes a stance toward is
    often another: the court that upheld it, the agency that proposed it)."""
    sent = memo.sentence(tok)
    latest: Triple | None = None
    for t in _found_between(ctx, min(sent.start, tok.i - ctx.tuning.enforcer_window), sent.end):
        if t.relation not in ctx.ont.enforcing_relations or not _enforcing(ctx, t.subject):
            continue  # (a company that sues enforces nothing: "Acme sued Zeltra. Grok was restricted.")
        if t.negated or court and not _judges(ctx, t.subject):
            continue
        if sent.start <= t.trigger < sent.end and t.trigger != tok.i:
            return (t.subject, 1.0), "enforcer of the same sentence"
        if t.trigger < tok.i and tok.i - t.trigger <= ctx.tuning.enforcer_window and (
                latest is None or t.trigger > latest.trigger):
            latest = t
    if latest is not None:
        return (latest.subject, ctx.tuning.enforcer_before), "enforcer of the sentences before"
    if court:
        # A ruling whose maker did nothing the rules could read ("Judge X found Apple in contempt"): the court or
        # judge named last before it.
        te = ctx.res.token_entity
        for i in range(tok.i - 1, max(-1, tok.i - ctx.tuning.enforcer_window), -1):
            if i in te and _judges(ctx, te[i]):
                return (te[i], ctx.tuning.enforcer_before), "the court or judge named last before it"
        return None
    main = _dominant_enforcer(ctx) if dominant else None
    if main is not None:
        return (main, ctx.tuning.enforcer_dominant), "the article's main enforcer"
    return None


def _enforcing(ctx: Context, idx: int) -> bool:
    """Return True for an actor that may fine, ban, order or rule: a government body, a regulator or a court."""
    return ctx.entity(idx).type in ctx.ont.enforcer_classes | {"Court"}


def _found_between(ctx: Context, start: int, end: int) -> list[Triple]:
    """Return the statements found so far whose trigger lies in tokens ``start:end``, in the order found.

    An index by trigger kept in the context's cache and brought up to date with what was found since (statements
    are only ever appended), so a long document is not read again for every passive in it.
    """
    import bisect

    index = ctx.cache.get("found_by_trigger")
    if index is None:
        index = ctx.cache["found_by_trigger"] = [0, [], {}]  # statements indexed, sorted triggers, trigger -> positions
    seen, triggers, at = index
    for pos in range(seen, len(ctx.found)):
        trigger = ctx.found[pos].trigger
        if trigger not in at:
            at[trigger] = []
            bisect.insort(triggers, trigger)
        at[trigger].append(pos)
    index[0] = len(ctx.found)
    lo, hi = bisect.bisect_left(triggers, start), bisect.bisect_left(triggers, end)
    positions = sorted(pos for trigger in triggers[lo:hi] for pos in at[trigger])
    return [ctx.found[pos] for pos in positions]


def _judges(ctx: Context, idx: int) -> bool:
    """Return True for a court, a regulator (which rules on cases), or a person the article calls a judge."""
    e = ctx.entity(idx)
    return e.type in {"Court", "Regulator"} or e.type == "Person" and bool(e.roles & ctx.words("judgeNoun"))


def _dominant_enforcer(ctx: Context) -> int | None:
    cache = ctx.cache.get("dominant_enforcer")
    if cache is not None:
        return cache if cache >= 0 else None
    counts: Counter[int] = Counter()
    te = ctx.res.token_entity
    for i, idx in te.items():
        # A government is mostly named as a place or a party to the story; only agencies and courts count.
        e = ctx.entity(idx)
        if te.get(i - 1) != idx and e.type in ctx.ont.enforcer_classes and e.type != "GovernmentBody":
            counts[idx] += 1
    top = counts.most_common(2)
    found = top[0][0] if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]) else -1
    ctx.cache["dominant_enforcer"] = found
    return found if found >= 0 else None


def _has_agent(ctx: Context, verb: Token) -> bool:
    """Return True when the passive names its agent, wherever the parser hung the "by"."""
    return any(c.dep_ == "agent" for c in verb.children) or bool(clause.passive_agent(ctx, verb))


def _enforcement_rels(ctx: Context, tok: Token) -> list[str]:
    """Return the enforcement relations of a verb, or of the event noun it applies "with" ("was hit with a fine")."""
    rels = ctx.ont.verb_relations(tok.lemma_, tok.lower_)
    if not rels:
        rels = [r for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for n in p.children
                if n.dep_ == "pobj" for r, _ in ctx.noun_entries(n)]
    return [r for r in rels if r in ctx.ont.enforcing_relations]


def agentless_passives(ctx: Context) -> Iterator[Triple]:
    """"X was fined" with no "by": the enforcer of the surrounding text fines X."""
    for tok in ctx.tokens:
        if tok.pos_ not in clause.VERBAL or not clause.is_passive(tok) or _has_agent(ctx, tok):
            continue
        rels = _enforcement_rels(ctx, tok)
        if not rels:
            continue
        patients = clause.objects(ctx, tok)
        if not patients:
            continue
        if tok.dep_ == "conj" and clause.is_passive(tok.head) and _has_agent(ctx, tok.head):
            continue  # "was fined by regulators abroad and has been ordered to delete the data": an affair of the
            # agent named there, not of the story's enforcer
        states = _countries_it_happens_in(ctx, tok)
        found = _decision_behind(ctx, tok) or _announcer(ctx, tok) or (states[0] if len(states) == 1 else None) or \
            (None if states else enforcer(ctx, tok))
        # ("has been banned in the U.S., the UK and other nations": each of those states, no enforcer of the story)
        for (agent, cert), how in [found] if found is not None else states:
            yield from _agentless(ctx, tok, rels, patients, (agent, cert), how)


def _agentless(ctx: Context, tok: Token, rels: list[str], patients: list[Ref], agent: Ref,
               how: str) -> Iterator[Triple]:
    """Return what the agentless passive ``tok`` says ``agent`` did to each of ``patients``."""
    paid = clause.sums_ordered_paid(ctx, tok) if "orders" in rels else []
    if paid and ctx.entity(ctx.acting(agent)[0]).type in clause.fining_classes(paid):
        # "Shein was ordered to pay 150 million euros": a sum an enforcer orders paid is its fine (as
        # noun.ordered_payments reads it with the enforcer named)
        rels = ["fines"]
    for p in patients:
        rel = ctx.pick(rels, agent, p)
        if rel is None:
            continue
        t = ctx.make(agent, rel, p, tok, "implied", f"agentless passive '{tok.lemma_}', agent: {how}",
                     ctx.tuning.implied_agent)
        if t:
            yield t


def _decision_behind(ctx: Context, verb: Token) -> tuple[Ref, str] | None:
    """Return the one whose decision an agentless enforcement follows: "X was suspended after a ruling by Justice
    Moraes", "the app was removed following an order from the regulator" (the decision's maker enforced it)."""
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ not in {"after", "following", "under"}:
            continue
        for noun in p.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in ctx.words("decisionNoun"):
                continue
            makers, _ = clause.noun_agents(ctx, noun)
            makers = makers or clause.prep_objects(ctx, noun, {"from", "of"})
            if len(makers) == 1:
                (maker, cert), = makers
                return (maker, cert * ctx.tuning.enforcer_before), f"maker of the {noun.lemma_} it follows"
    return None


def _announcer(ctx: Context, verb: Token) -> tuple[Ref, str] | None:
    """Return the one enforcer who announces an agentless enforcement: "the authority said Telegram had been
    suspended", "the CAC released a statement announcing that Micron is banned" (who tells of it did it)."""
    head = verb
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ != "ccomp" or head.head.pos_ not in clause.VERBAL or \
            head.head.lemma_.lower() not in ctx.words("speechVerb"):
        return None
    speakers, _ = clause.subjects(ctx, head.head)
    if len(speakers) != 1 or not _enforcing(ctx, speakers[0][0]):
        return None
    (speaker, cert), = speakers
    return (speaker, cert * ctx.tuning.enforcer_before), f"the one telling of it ('{head.head.text}')"


def _countries_it_happens_in(ctx: Context, verb: Token) -> list[tuple[Ref, str]]:
    """Return the governments of the countries an agentless enforcement happens in: "TikTok was banned in Nepal",
    "Telegram was suspended across Brazil", "banned in the U.S. and the UK" (a state acts within its borders)."""
    for p in [*verb.children, *(g for c in verb.children if c.dep_ in {"prep", "dobj"} for n in (c, *c.children)
                                for g in n.children)]:
        # (on the verb, or on its object: "was hit with a fine in Luxembourg")
        if p.dep_ == "prep" and p.lower_ in {"in", "across", "throughout"}:
            for o in p.children:
                refs = ctx.refs(o) if o.dep_ == "pobj" else []
                if refs and all(ctx.entity(r[0]).type == "Country" for r in refs):
                    return [(ctx.acting((r[0], ctx.tuning.enforcer_before)), "the country it happens in")
                            for r in refs]
    return []


def decision_maker(ctx: Context, noun: Token, tok: Token) -> tuple[list[Ref], str]:
    """Return who made the decision a noun names: its own agent, else the enforcer around ``tok``."""
    agents, how = clause.noun_agents(ctx, noun)
    # ("upheld Vexa's fine": the possessor of a fine or a ban is the one punished, unless it enforces; the maker is
    # then the enforcer around, as for a fine no one is said to have)
    punished = how == "possessor" and any(r in {"fines", "bans"} for r, _ in ctx.noun_entries(noun)) and all(
        ctx.punishes_possessor(noun, i) for i, _ in agents)
    if agents and not punished:
        return agents, f"maker of the {noun.lemma_} by {how}"
    agents = ctx.measure_by_nationality(noun)
    if agents:
        return agents, f"maker of the {noun.lemma_} by the nationality before it"
    for c in noun.children:
        # "the fine imposed by the KFTC"
        if c.dep_ == "acl" and clause.is_passive(c):
            by = clause.passive_agent(ctx, c)
            if by:
                return by, f"maker of the {noun.lemma_} by '{c.text} by'"
    issuers = ctx.issuers(noun)
    if issuers:
        return issuers, f"maker of the {noun.lemma_} by 'from' phrase"  # "a fine from Italy's antitrust authority"
    if not punished and any(c.dep_ == "poss" and c.ent_type_ not in {"DATE", "TIME"} for c in noun.children):
        # "the ministry's decision": its maker is named, and is no actor of the article ("today's order" names a day)
        return [], ""
    court = noun.lemma_.lower() in ctx.words("courtDecisionNoun")
    if court or noun.lemma_.lower() == "decision":
        # "the ruling of the Delhi High Court", "the decision of the Commission": a ruling's "of" names who made it
        makers = clause.prep_objects(ctx, noun, {"of"})
        if makers:
            return makers, f"maker of the {noun.lemma_} by 'of' phrase"
    found = _decision_enforcer(ctx, tok, court) or enforcer(ctx, tok, court=court, dominant=False)
    if found is None:
        return [], ""
    ref, how = found
    return [ref], f"maker of the {noun.lemma_}: {how}"


def _decision_enforcer(ctx: Context, tok: Token, court: bool) -> tuple[Ref, str] | None:
    """Return the maker of "the decision", "the move" a clause speaks of with none named in its sentence: the
    latest enforcer acting on the clause's subject ("Google said it would appeal the decision": the one that
    fined Google), else the article's first enforcer (the story's news, which a bystander welcomes or condemns).
    None when an enforcer acts in the same sentence (:func:`enforcer` reads that)."""
    sent = memo.sentence(tok)
    acts = sorted((t for t in _found_between(ctx, 0, sent.end) if ctx.ont.relations[t.relation].group == "enforcement"
                   and t.relation != "violates" and not t.negated and (not court or _judges(ctx, t.subject))),
                  key=lambda t: t.trigger)
    if not acts or any(sent.start <= t.trigger < sent.end for t in acts):
        return None
    doers = {r[0] for r in clause.subjects(ctx, tok)[0]}
    aimed = [t for t in acts if t.object in doers and t.subject not in doers]
    if aimed:
        return (aimed[-1].subject, ctx.tuning.enforcer_before), "the enforcer acting on the one who speaks"
    first = next((t for t in acts if t.subject not in doers), None)
    if first is None:
        return None
    return (first.subject, ctx.tuning.enforcer_before), "the article's first enforcer"


def decision_stances(ctx: Context) -> Iterator[Triple]:
    """A stance toward a decision is a stance toward its maker: "Meta will appeal the ruling"."""
    decisions = ctx.words("decisionNoun")
    appeal = ctx.words("appealVerb")
    # Pairs a structure statement ties (member and body): one's stance toward one's own body's decision is none.
    tied = {frozenset((t.subject, t.object)) for t in ctx.found if ctx.ont.relations[t.relation].group == "structure"}
    for tok in ctx.tokens:
        if tok.pos_ not in clause.VERBAL:
            continue
        rels = [r for r in ctx.ont.verb_relations(tok.lemma_, tok.lower_) if ctx.ont.relations[r].group == "stance"
                and r not in {"threatens", "urges", "compares", "agreesWith"}]
        # "The ban was condemned by Access Now": the passive's subject is what its agent takes a stance toward.
        dep = "nsubjpass" if clause.is_passive(tok) else "dobj"
        objs = [c for c in tok.children if c.dep_ == dep]
        if not rels:
            # "disagreed with the ruling", "hit out at the fine": a stance phrase of a verb and a preposition.
            rels, phrase_objs = _stance_phrase(ctx, tok)
            objs = phrase_objs if rels else objs
        if not rels and clause.undoes(ctx, tok):
            rels = ["opposes"]  # "the judge blocked the ministry's ban", "the court struck down the order"
        defied = not rels and tok.lemma_.lower() in ctx.words("complianceVerb") and clause.refusal(ctx, tok)
        if defied:
            # "would not abide by the ruling", "will not accept China's ban", "refused to comply with the order"
            rels = ["opposes"]
            objs = objs or [o for p in tok.children if p.dep_ == "prep" and p.lower_ in {"by", "with"}
                            for o in p.children if o.dep_ == "pobj"]
        if not rels:
            continue
        targets: list[Ref] = []
        how = ""
        undoing = rels == ["opposes"] and (defied or clause.undoes(ctx, tok))
        if objs:
            noun = objs[0]
            named = ctx.refs(noun)
            if noun.lemma_.lower() not in decisions or named and not undoing:
                continue
            # (an undoing verb is an enforcement verb, which reads no maker in its object: the maker is read here)
            targets, how = (named, f"maker of the {noun.lemma_} it names") if named else \
                decision_maker(ctx, noun, tok)
            if defied and not how.startswith(f"maker of the {noun.lemma_} "):
                continue  # (refusing an order no one is named to have made: whose it is, the text leaves open)
        elif tok.lemma_.lower() in appeal and not any(c.dep_ == "prep" for c in tok.children):
            found = enforcer(ctx, tok, dominant=False)
            if found is not None:
                targets, how = [found[0]], f"appeal with no object: {found[1]}"
        if not targets:
            continue
        subjects, s_how = clause.subjects(ctx, tok)
        for s in subjects:
            for o in targets:
                if frozenset((s[0], o[0])) in tied:
                    continue  # "the Commission's vice-president defended the fine": a body's own, no stance toward it
                rel = ctx.pick(rels, s, o)
                if rel is None:
                    continue
                t = ctx.make(s, rel, o, tok, "implied", f"stance '{tok.lemma_}' toward a decision, {how}, {s_how}",
                             ctx.tuning.speech)
                if t and rel == "supports" and t.negated and clause.refusal(ctx, tok):
                    t.relation, t.negated = "opposes", False  # "refused to accept the ruling"
                if t and defied:
                    # the refusal is the opposition, as what it says will happen: "would not abide by" is no
                    # condition
                    t.negated, t.modality = False, "asserted"
                if t:
                    yield t


def _stance_phrase(ctx: Context, verb: Token) -> tuple[list[str], list[Token]]:
    """Return the stance relations of a phrase the verb heads and ends in a preposition ("disagree with", "hit
    out at", "push back against"), and the preposition's objects."""
    for words, rel in ctx.ont.phrase_index.get(verb.lemma_.lower(), []):
        if ctx.ont.relations[rel].group != "stance" or rel in {"threatens", "urges", "compares", "agreesWith"}:
            continue
        last = clause.match_phrase(verb, words)
        objs = [c for c in last.children if c.dep_ == "pobj"] if last is not None and last.dep_ == "prep" else []
        if objs:
            return [rel], objs
    return [], []


def deadlines(ctx: Context) -> Iterator[Triple]:
    """A deadline given is an order: "gave Google 60 days to end the practice", "was given six months to stop"."""
    verbs, units = ctx.words("deadlineVerb"), ctx.words("deadlineNoun")
    for tok in ctx.tokens:
        if tok.lemma_.lower() not in verbs or tok.pos_ not in clause.VERBAL:
            continue
        span = [c for c in tok.children if c.dep_ in {"dobj", "npadvmod"} and c.lemma_.lower() in units]
        if not span:
            continue
        has_to = any(c.dep_ in {"advcl", "xcomp", "relcl", "acl"} and any(a.lower_ == "to" for a in c.children)
                     for t in (tok, span[0]) for c in t.children)
        if not has_to:
            continue
        if clause.is_passive(tok):
            targets = [r for c in tok.children if c.dep_ == "nsubjpass" for r in ctx.refs(c)]
            agents = clause.passive_agent(ctx, tok)
            how = "passive agent"
            base = ctx.tuning.idiom
            if not agents:
                found = enforcer(ctx, tok)
                if found is None:
                    continue
                agents, how, base = [found[0]], found[1], ctx.tuning.implied_agent
        else:
            targets = [r for c in tok.children if c.dep_ == "dative" for r in ctx.refs(c)]
            agents, how = clause.subjects(ctx, tok)
            base = ctx.tuning.idiom
        yield from ctx.make_all(agents, "orders", targets, tok, "implied", f"deadline given, agent by {how}", base)


def wider_membership(ctx: Context) -> Iterator[Triple]:
    """A person in a unit is a member of the body the unit belongs to: "Dana Ito, head of the agency's Market
    Bureau" (memberOf the agency), stated on the sentence of the role."""
    parts: dict[int, list[Triple]] = {}
    for t in ctx.found:
        if t.relation == "partOf" and not t.negated and t.rule.startswith("unit "):  # bureaus, divisions, panels
            parts.setdefault(t.subject, []).append(t)
    if not parts:
        return
    for t in list(ctx.found):
        if t.relation not in {"leads", "memberOf"} or t.negated or ctx.entity(t.subject).type != "Person":
            continue
        for part in parts.get(t.object, []):
            made = ctx.make((t.subject, 1.0), "memberOf", (part.object, 1.0), ctx.doc[t.trigger], "implied",
                            f"member of a unit ({t.rule}) that is part of the whole ({part.rule})",
                            min(t.confidence, part.confidence) * ctx.tuning.shared_subject)
            if made:
                made.negated, made.modality = False, "asserted"
                yield made


def background_owners(ctx: Context) -> Iterator[Triple]:
    """A product named in a sentence with the one company the registry says owns or develops it: "Meta said
    Instagram would ..." (Meta owns Instagram; develops for an AI system's developer). Background knowledge, not
    what the sentence says, so it carries the low implied confidence; stated once per pair, on the first sentence
    naming both where the sentence speaks of the tie: a word of ownership or making (``pk:ownershipCue``: "its parent
    company Meta", "forced to sell Instagram", "the maker of ChatGPT") or the product in the owner's possession
    ("Google's YouTube"). Named side by side and nothing more ("Google removed videos on YouTube"), the tie is what
    the registry knows, not what the article says."""
    done: set[tuple[int, int]] = set()
    te = ctx.res.token_entity
    cues = ctx.words("ownershipCue")
    for sent in ctx.doc.sents:
        named = {te[i] for i in range(sent.start, sent.end) if i in te and ctx.res.token_certainty.get(i, 1.0) >= 0.95}
        cued = any(t.lemma_.lower() in cues or t.lower_ in cues for t in sent)
        for idx in named:
            actor = ctx.ont.actors.get(ctx.entity(idx).id)
            if actor is None or len(actor.owners) != 1:
                continue
            owner = next((j for j in named if ctx.entity(j).id == actor.owners[0]), None)
            if owner is None or (owner, idx) in done:
                continue
            products = [ctx.doc[i] for i in range(sent.start, sent.end) if te.get(i) == idx]
            if not cued and not any(_possessed_by(ctx, p, owner) or _speaks_for(ctx, p, owner) for p in products):
                continue
            done.add((owner, idx))
            rel = "develops" if actor.owners[0] in actor.developers else "owns"
            tok = ctx.doc[next(i for i in range(sent.start, sent.end) if te.get(i) == idx)]
            t = ctx.make((owner, 1.0), rel, (idx, 1.0), tok, "implied",
                         f"background: the registry's {'developer' if rel == 'develops' else 'owner'} of a product "
                         f"named in the same sentence", ctx.tuning.implied_agent)
            if t:
                t.negated, t.modality = False, "asserted"
                yield t


def _possessed_by(ctx: Context, tok: Token, owner: int) -> bool:
    """Return True when the name ``tok`` is written as ``owner``'s: "Google's YouTube", "Meta's Facebook and
    Instagram" (the possessive on the first of a list, which a name before the first alone does not share:
    "Microsoft OneDrive and GitHub"), "the Google Android system"."""
    te = ctx.res.token_entity
    if any(te.get(c.i) == owner for c in tok.children if c.dep_ in {"poss", "compound", "nmod"}):
        return True
    kind = ctx.doc[tok.i - 1] if tok.i > 0 else None
    if kind is not None and kind.pos_ == "NOUN" and any(te.get(c.i) == owner for c in kind.children
                                                       if c.dep_ == "poss"):
        return True  # "Google's video platform YouTube", the name parsed apart from the kind before it
    while tok.dep_ in {"conj", "compound", "appos"} and tok.head != tok:  # ("Google's video platform, YouTube")
        tok = tok.head
        if any(te.get(c.i) == owner for c in tok.children if c.dep_ == "poss"):
            return True
    return False


def _speaks_for(ctx: Context, tok: Token, owner: int) -> bool:
    """Return True when ``owner`` is the one saying what the product ``tok`` will do or has done: "Meta said
    Instagram would add new settings", the company speaking for its own service."""
    head = tok.head
    while head.dep_ not in {"ccomp", "ROOT"} and head.head != head:
        head = head.head
    verb = head.head if head.dep_ == "ccomp" else None
    return verb is not None and verb.lemma_.lower() in ctx.words("speechVerb") and any(
        ctx.res.token_entity.get(c.i) == owner for c in verb.children if c.dep_ == "nsubj") and \
        tok.dep_ in {"nsubj", "nsubjpass"} and tok.head == head


def punished_possessors(ctx: Context) -> Iterator[Triple]:
    """A fine or a ban a party is said to have, or to be "for", is the enforcer's on them: "Meta's €1.2bn fine",
    "the €345m fine for TikTok", "TikTok's ban" -> the enforcer of the text fines or bans them (a possessor that
    enforces is the one fining: "the Commission's fine")."""
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN":
            continue
        rels = [r for r, _ in ctx.noun_entries(tok)]
        if not rels or rels[0] not in {"fines", "bans"} or any(
                c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
            continue
        punished = [r for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON" for r in ctx.refs(c)]
        if rels[0] == "fines":
            punished += [r for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children
                         if o.dep_ == "pobj" for r in ctx.refs(o)]
        punished = [r for r in punished if not _enforcing(ctx, r[0])
                    and ctx.entity(r[0]).type not in {"Country", "Legislation"}]
        if not punished:
            continue
        found = enforcer(ctx, tok)
        if found is None:
            continue
        (agent, cert), how = found
        if ctx.entity(agent).type == "Court" and tok.dep_ in {"dobj", "nsubjpass"} and \
                agent in {i for i, _ in clause.subjects(ctx, tok.head)[0]} | {
                    i for i, _ in clause.passive_agent(ctx, tok.head)}:
            continue  # "the court confirmed Vexa's fine": the court rules on the fine, whoever imposed it
        yield from ctx.make_all([(agent, cert)], rels[0], punished, tok, "implied", f"{tok.lemma_} of its possessor "
                                f"or 'for' phrase, agent: {how}", ctx.tuning.implied_agent)


#: What an investigation's agent does to the one it investigated, in the statements found before.
_OUTCOMES = frozenset({"fines", "accuses", "orders", "bans", "sues"})


def unaimed_investigations(ctx: Context) -> Iterator[Triple]:
    """An investigation whose agent the sentence names and whose target it does not ("the regulator began its
    investigation in January", "after its long-running investigation found a breach") was into the ones that agent
    is found acting on (fined, accused, ordered, banned, sued): those of the sentence nearest to it, three at most
    away."""
    aimed = {t.trigger for t in ctx.found if t.relation == "investigates"}
    sentence_of = {s.start: n for n, s in enumerate(ctx.doc.sents)}
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or tok.i in aimed or "investigates" not in {r for r, _ in ctx.noun_entries(tok)}:
            continue
        agents, how = clause.noun_agents(ctx, tok)
        doers = {ctx.acting(a)[0] for a in agents}
        here = sentence_of[memo.sentence(tok).start]
        outcomes = [(abs(sentence_of[t.sentence.start] - here), t.object) for t in ctx.found
                    if t.subject in doers and t.relation in _OUTCOMES and not t.negated
                    and t.modality == "asserted" and t.object not in doers]
        near = [o for d, o in outcomes if d == min(d for d, _ in outcomes) and d <= 3] if outcomes else []
        targets = [(o, 1.0) for o in dict.fromkeys(near)]
        yield from ctx.make_all(agents, "investigates", targets, tok, "implied",
                                f"investigation '{tok.lemma_}' with no target, agent by {how}: the one its agent "
                                "acts on nearest", ctx.tuning.implied_agent)


@extractor("implied", late=True)
def implied_triples(ctx: Context) -> Iterator[Triple]:
    """Actors the sentence leaves implicit: agentless passives, a party's fine or ban, stances toward a decision,
    deadlines, the body a unit's member belongs to, and a product's owner the registry knows."""
    yield from agentless_passives(ctx)
    yield from punished_possessors(ctx)
    yield from decision_stances(ctx)
    yield from deadlines(ctx)
    yield from unaimed_investigations(ctx)
    yield from wider_membership(ctx)
    yield from background_owners(ctx)
