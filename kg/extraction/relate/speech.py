"""The ``speech`` extractor: what a speaker says against an actor is criticism of it.

"In a statement, the company said the ruling was unfair", "the minister said
the platform had misled its users": the speaker (subject of a
speech verb, ``pk:speechVerb``) criticises the actor the reported clause is
about (its subject, else an actor it names) when the clause carries a
negative cue (``pk:negativeCue``: "unfair", "rob", "violation", ...); an
enforcer saying so accuses ("Ofcom said 4chan had breached the Act"). A
heuristic reading of tone, so its statements carry the low
:attr:`~kg.extraction.tuning.Tuning.speech` confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extraction import memo
from kg.extraction.relate import clause
from kg.extraction.relate.api import Context, Ref, Triple
from kg.extraction.relate.implied import decision_maker
from kg.extraction.relate.registry import extractor
from kg.extraction.resolve.pronouns import attributing_verbs, quotations

if TYPE_CHECKING:
    from spacy.tokens import Token


def reported_clauses(tok: Token) -> list[Token]:
    """Return the heads of the clauses a speech verb reports ("said [the ruling was unfair]"; set in or after the
    clause it reports: "[the company], Ofcom warned, [risks a fine]", "[the decision was unfair], Zeta said")."""
    out = [c for c in tok.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ in clause.VERBAL | {"NOUN", "ADJ"}]
    if tok.dep_ == "parataxis" and tok.head.pos_ in clause.VERBAL:
        out.append(tok.head)
    return out


def own_clause(head: Token) -> list[Token]:
    """Return the tokens of the clause headed by ``head``, without the clauses embedded in it."""
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in t.children if c.dep_ not in {"ccomp", "advcl", "relcl", "acl", "conj", "parataxis"}]
    return out


def _fought(ctx: Context, t: Token) -> bool:
    """Return True for a word in, or of, what a verb acting against it takes ("fighting fraud", "combatting harmful
    content", "cracking down on abuse")."""
    noun = t.head if t.dep_ in {"amod", "compound"} else t
    counter = ctx.words("counterVerb")
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in counter
    return noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in counter


def negative(ctx: Context, head: Token) -> Token | None:
    """Return the first negative cue word in the clause headed by ``head`` (not in clauses it embeds)."""
    cues, rights, questions = ctx.words("negativeCue"), ctx.words("rightWord"), ctx.words("questionWord")
    denied = _denied(ctx, head)
    # (with a second predicate of the same subject: "the order will hurt workers and is deeply unfair")
    shared = [w for c in head.children if c.dep_ == "conj" and c.pos_ in clause.VERBAL and not any(
        g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) for w in own_clause(c)]
    clause_words = sorted([*own_clause(head), *shared], key=lambda t: t.i)
    for t in clause_words:
        # "said the fine was not justified", "was not proportionate": a word of approval denied runs it down
        if (t.lemma_.lower() in rights or t.lower_ in rights) and (denied or any(
                c.dep_ == "neg" or c.dep_ == "preconj" and c.lower_ == "neither" for c in t.children)) and \
                not _in_question(t, head, questions):
            return t
    if denied:
        return None  # "said Zeltra had not broken the rules", "had done nothing illegal": a defence, no charge
    for t in clause_words:
        if _in_reason_phrase(t, head):
            continue  # "the penalty was the largest ever for a privacy violation": the cause, not the verdict
        if _fought(ctx, t):
            continue  # "said Zeta was fighting fraud", "by combatting harmful content": the wrong fought
        if _in_question(t, head, questions):
            continue  # "opened an investigation into whether Google unfairly demotes": asked, not said
        lower = t.lower_
        if t.lemma_.lower() in cues or lower in cues or (lower.endswith("ly") and lower[:-2] in cues):
            return t  # "unlawfully" counts as "unlawful"
        if t.i >= 2 and t.doc[t.i - 1].text == "-" and t.doc[t.i - 2].lower_ + lower in cues:
            return t  # "an over-reach", split at its hyphen, is an overreach
        if t == head and t.pos_ == "VERB" and _breaks_a_rule(ctx, t):
            return t  # "had broken the law", "flouted the rules": a verb of violation with a rule as object
        if t.head.i == head.i and head.lemma_ == "be" and t.dep_ == "prep" and \
                t.lower_ in ctx.words("culpritPreposition") and any(
                o.dep_ == "pobj" and o.lemma_.lower() in ctx.words("culpritDeed") for o in t.children):
            return t  # "said the group was behind the attack"
    return None


def _denied(ctx: Context, head: Token) -> bool:
    """Return True when the clause headed by ``head`` denies what it says: a negation or "never" on its verb, or
    an object that is no one and nothing ("broke no rules", "did nothing wrong")."""
    words = ctx.words("negationWord")
    for c in head.children:
        if c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ in words:
            return True
        if c.dep_ in {"dobj", "attr"} and (c.lower_ in words or any(
                d.dep_ == "det" and d.lower_ in words for d in c.children)):
            return True
    return False


_REASON_PREPOSITIONS = frozenset({"for", "over", "after", "following"})


def _positive(ctx: Context, head: Token) -> Token | None:
    """Return the first word of praise (``pk:positiveCue``: "historic", "landmark") in the phrase headed by
    ``head``, unless the phrase is negated."""
    cues = ctx.words("positiveCue")
    toks = sorted(own_clause(head), key=lambda t: t.i)
    if any(t.dep_ == "neg" for t in toks):
        return None
    return next((t for t in toks if t.lemma_.lower() in cues or t.lower_ in cues), None)


def _in_question(tok: Token, head: Token, words: frozenset[str]) -> bool:
    """Return True when ``tok`` sits in an embedded question of the clause headed by ``head`` ("whether X broke")."""
    t = tok
    while t.i != head.i and t.head.i != t.i:
        if any(c.dep_ in {"mark", "advmod"} and c.lower_ in words and c.i < t.i for c in t.children):
            return True
        t = t.head
    return False


def _in_reason_phrase(tok: Token, head: Token) -> bool:
    """Return True when ``tok`` sits in a "for", "over", "after" phrase of the clause headed by ``head``."""
    t = tok
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ in _REASON_PREPOSITIONS:
            return True
        t = t.head
    return False


def _wrongdoing(ctx: Context, cue: Token) -> bool:
    """Return True for a cue that says someone did wrong ("misled", "unlawfully"), not that a policy is bad."""
    words = ctx.words("wrongdoingCue") | ctx.words("culpritPreposition")
    lower = cue.lower_
    return cue.lemma_.lower() in words or lower in words or lower.endswith("ly") and lower[:-2] in words


def _breaks_a_rule(ctx: Context, verb: Token) -> bool:
    """Return True for a verb of violation (``pk:violates``) whose object is a law or a rule."""
    if "violates" not in ctx.ont.verb_relations(verb.lemma_, verb.lower_):
        return False
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in ctx.words("ruleNoun") or any(
        ctx.entity(i).type == "Legislation" for i, _ in ctx.refs(c))) for c in verb.children)


def clause_target(ctx: Context, head: Token, speaker: set[int]) -> tuple[list[Ref], str]:
    """Return the actor a reported clause runs down: its active subject, or the maker of a decision that is its
    subject ("the administration's decision was misguided"). A passive subject is a victim, not a target."""
    decisions = ctx.words("decisionNoun")
    for c in head.children:
        # (an adjective read as a passive's participle: 'said the bill was "deeply flawed"')
        if c.dep_ != "nsubj" and not (c.dep_ == "nsubjpass" and head.tag_ == "JJ"):
            continue
        if c.lower_ == "it":
            # "it was irresponsible for Facebook to put profits first": the expletive's clause names the actor.
            doers = [r for v in head.children if v.dep_ in {"advcl", "ccomp", "xcomp"} and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in v.children)
                for s in v.children if s.dep_ == "nsubj" for r in ctx.refs(s) if r[0] not in speaker]
            if doers:
                return doers, "subject of its 'for ... to' clause"
            if any(v.dep_ in {"advcl", "ccomp", "xcomp"} and any(a.lower_ == "to" for a in v.children)
                   for v in head.children):
                return [], ""  # "it was wrong to ban the app": no one named as the doer
        if c.lower_ in {"this", "that"} and c.pos_ == "PRON" and head.lemma_ == "be" and not ctx.refs(c):
            # '"This is censorship," Zeta Chat said', after the news of a ban: what "this" points at is the
            # decision, and its maker the one run down.
            agents, how = decision_maker(ctx, c, head)
            agents = [r for r in agents if r[0] not in speaker]
            return (agents, f"'{c.lower_}' as the news, {how}") if agents else ([], "")
        refs = [r for r in ctx.refs(c) if r[0] not in speaker]
        if refs and c.lemma_.lower() not in decisions:
            return refs, "subject"
        if c.lemma_.lower() in decisions:
            agents, how = decision_maker(ctx, c, head)
            agents = [r for r in agents if r[0] not in speaker]
            if agents:
                return agents, how
    return [], ""


def _complement(tok: Token) -> Token | None:
    """Return what a verb of naming calls its object: "called the fine [disproportionate]", "described the order
    [as unlawful]"."""
    for c in tok.children:
        if c.dep_ in {"oprd", "xcomp", "ccomp", "acomp"} or c.dep_ in {"advmod", "advcl"} and c.pos_ == "ADJ" and any(
                o.dep_ == "dobj" and o.i < c.i for o in tok.children):
            return c  # ("ruled the postponement unlawful", the adjective read as the verb's modifier)
        if c.dep_ == "prep" and c.lower_ == "as":
            return next((g for g in c.children if g.dep_ in {"pobj", "amod", "acomp", "pcomp"}), None)
    return None


def _named_actors(ctx: Context, tok: Token, named: list[Ref], comp: Token) -> Iterator[Triple]:
    """Calling an actor something negative accuses it ("called the government fascists", "described the
    regulator as a censor"); a law so called is criticised ("called the bill reckless")."""
    cue = negative(ctx, comp)
    praise = _positive(ctx, comp) if cue is None else None
    if cue is None and praise is None:
        return
    speakers, how = clause.subjects(ctx, tok)
    own = {i for i, _ in speakers}
    for target in named:
        typ = ctx.entity(target[0]).type
        if target[0] in own or typ == "Country" or praise is not None and typ != "Legislation":
            continue
        # A law called "historic" or "a landmark" is backed; one called "reckless", criticised.
        said = cue if cue is not None else praise
        word = said.text if said is not None else ""
        rel = ("criticises" if praise is None else "supports") if typ == "Legislation" else "accuses"
        for s in speakers:
            t = ctx.make(s, _as_judged(ctx, s, rel), target, tok, "speech",
                         f"'{tok.lemma_}' it '{word}', speaker by {how}", ctx.tuning.speech)
            if t:
                yield t


def _as_judged(ctx: Context, speaker: Ref, rel: str) -> str:
    """Return ``rel`` as a court says it: a court that rules a measure or an actor unlawful rules against them
    (opposes), where a speaker's words criticise or accuse."""
    return "opposes" if rel in {"criticises", "accuses"} and ctx.entity(speaker[0]).type == "Court" else rel


def attributions(ctx: Context) -> Iterator[Triple]:
    """Laying a wrong at someone's door accuses them: "the Netherlands attributed the cyberattack to China",
    "officials pinned the hack on a Russian group" (``pk:attributingVerb`` with a ``pk:culpritDeed`` object)."""
    verbs, deeds = ctx.words("attributingVerb"), ctx.words("culpritDeed")
    for tok in ctx.tokens:
        if tok.pos_ not in clause.VERBAL or tok.lemma_.lower() not in verbs:
            continue
        passive = clause.is_passive(tok)
        deed = next((c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
        if deed is None or not ({deed.lemma_.lower(), *(c.lemma_.lower() for c in deed.children
                                                        if c.dep_ == "compound")} & deeds):
            continue
        # (the "to" phrase on the verb, or hung by the parser on the deed)
        culprits = clause.prep_objects(ctx, tok, {"to", "on"}) or clause.prep_objects(ctx, deed, {"to", "on"})
        accusers, how = (clause.passive_agent(ctx, tok), "passive agent") if passive else clause.subjects(ctx, tok)
        yield from ctx.make_all(accusers, "accuses", culprits, tok, "speech",
                                f"'{tok.lemma_}' a '{deed.lemma_}' to its culprit, accuser by {how}", ctx.tuning.speech)


def named_decisions(ctx: Context) -> Iterator[Triple]:
    """Naming a decision with a negative word criticises its maker: "OpenAI called the fine
    'disproportionate'", "the firm described the order as unlawful"."""
    verbs = ctx.words("namingVerb")
    # A plan or a policy is named as its maker's decision is: "called Berlin's plan a ruthless attempt".
    decisions = ctx.words("decisionNoun") | ctx.words("policyNoun")
    for tok in ctx.tokens:
        if tok.pos_ not in clause.VERBAL or tok.lemma_.lower() not in verbs:
            continue
        noun = next((c for c in tok.children if c.dep_ == "dobj"), None)
        comp = _complement(tok)
        if noun is None and comp is not None:
            # "called the fine disproportionate", parsed with the noun hung on the complement.
            # ("called the fine unjustified": "fine" read as an adverb of the complement, after its determiner)
            noun = next((c for c in comp.children if (c.dep_ in {"amod", "nsubj", "compound"} or c.dep_ == "advmod"
                                                      and c.i > 0 and c.doc[c.i - 1].dep_ in {"det", "poss"})
                         and c.i < comp.i and c.lemma_.lower() in decisions), None)
        if comp is None and noun is not None:
            # "called the decision completely unjustified", parsed with the complement hung on the noun: an
            # adjective after its noun is what the noun is called; so is a quoted noun ('called it "a mistake"').
            comp = next((c for c in noun.children if c.dep_ in {"amod", "appos"} and c.i > noun.i), None)
            # "described the agency's decision as an abuse of power", the "as" hung on the noun
            comp = comp or next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "as"
                                 for g in c.children if g.dep_ in {"pobj", "amod", "acomp", "pcomp"}), None)
            comp = comp or _complement_after_clause(noun)
        if comp is None:
            continue
        if noun is not None and noun.lower_ in {"it", "this"} and noun.i not in ctx.res.token_entity:
            # "vowed to repeal the Act, calling it an overreach": the actor or law the clause acts on (a fine or an
            # order it imposes may not be what "it" is: "fined X, calling it deceptive" calls X so)
            before = _object_before(tok)
            if before is not None and (before.i in ctx.res.token_entity or _acted_on_speaker(ctx, tok)):
                noun = before
        # "called Zeltra's tracking tool intrusive": what an actor owns or made, named so, is the actor's doing.
        owners = [r for c in noun.children if c.dep_ == "poss" for r in ctx.refs(c)] \
            if noun is not None and noun.i not in ctx.res.token_entity else []
        named = (ctx.refs(noun) if noun.lemma_.lower() not in decisions and not owners else []) \
            if noun is not None else [
            r for c in comp.children if c.dep_ in {"compound", "nsubj", "nmod"} and c.i < comp.i for r in ctx.refs(c)]
        if named:
            yield from _named_actors(ctx, tok, named, comp)
            continue
        if noun is None or noun.lemma_.lower() not in decisions and not owners:
            continue
        # "called the fine disproportionate" criticises its maker; "called the judgment a win for workers", backs it
        cue = negative(ctx, comp)
        praise = _positive(ctx, comp) if cue is None else None
        if cue is None and praise is None:
            continue
        rel, word = ("criticises", cue.text) if cue is not None else ("supports", praise.text if praise else "")
        speakers, how = clause.subjects(ctx, tok)
        own = {i for i, _ in speakers}
        makers, m_how = decision_maker(ctx, noun, tok) if noun.lemma_.lower() in decisions else (
            owners, f"{noun.lemma_}'s possessor")
        for target in makers:
            if target[0] in own or ctx.entity(target[0]).type == "Legislation":  # (a country, through its government)
                continue
            for s in speakers:
                t = ctx.make(s, _as_judged(ctx, s, rel), target, tok, "speech",
                             f"'{tok.lemma_}' the {noun.lemma_} '{word}', {m_how}, speaker by {how}",
                             ctx.tuning.speech)
                if t:
                    yield t


def _complement_after_clause(noun: Token) -> Token | None:
    """Return what ends a noun's infinitive clause when the parser took it into the clause: "called Canada's
    decision to ban the app [unfair]" (read as the object of "ban" or a modifier after "app"), "called the plan to
    ban Zeta Chat [a mistake]" (a second object); the first of coordinated words ("[disappointing] and wrong")."""
    clauses = [c for c in noun.children if c.dep_ == "acl" and c.i > noun.i and c.tag_ == "VB"]
    if not clauses:
        return None
    last = clauses[-1].right_edge
    while last.is_punct and last.i > clauses[-1].i:
        last = last.nbor(-1)
    while last.dep_ == "conj" and last.head.i > clauses[-1].i:
        last = last.head
    if last.dep_ not in {"dobj", "amod", "oprd", "acomp"} or last.head.i > last.i:
        return None
    if last.tag_ == "JJ":
        return last
    # a noun only as the clause's second object: "ban Zeta Chat a mistake"
    objects = [c for c in last.head.children if c.dep_ == "dobj"]
    return last if last.tag_ == "NN" and len(objects) == 2 and objects[-1] == last else None


def _acted_on_speaker(ctx: Context, tok: Token) -> bool:
    """Return True when an enforcer is found acting on the one who speaks by ``tok``: "it" in "Shein vowed to appeal
    the fine, calling it disproportionate" may then be the decision it appeals."""
    speakers = {i for i, _ in clause.subjects(ctx, tok)[0]}
    return any(v.i < tok.i and v.pos_ in clause.VERBAL and set(ctx.ont.verb_relations(v.lemma_, v.lower_)) &
               ctx.ont.enforcing_relations and speakers & {i for i, _ in clause.objects(ctx, v)} for v in ctx.tokens)


def _object_before(tok: Token) -> Token | None:
    """Return what a participle of naming hung on a clause means by "it": the object of the verb it hangs on, or
    of that verb's infinitive ("pledged to repeal the Act, calling it an overreach", "fined Zeltra, calling it
    reckless")."""
    if tok.tag_ != "VBG" or tok.dep_ not in {"advcl", "xcomp", "conj"}:
        return None
    head = tok.head
    for verb in (head, *(c for c in head.children if c.dep_ == "xcomp" and c.i < tok.i)):
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i), None)
        if obj is not None:
            return obj
    return None


def obligations(ctx: Context, tok: Token, speakers: list[Ref], how: str, rel: str = "urges") -> Iterator[Triple]:
    """A speaker saying someone must or should act urges them: "Ribera said Google must come forward with a
    remedy", "the minister said platforms should remove it" (``pk:obligationAux``). What they should have done
    is past, and saying so reproaches them: "TikTok should have known better" criticises TikTok."""
    own = {i for i, _ in speakers}
    for head in reported_clauses(tok):
        modal = next((c.lower_ for c in head.children if c.dep_ == "aux" and c.lower_ in ctx.words("obligationAux")),
                     None)
        if modal is None and head.lemma_.lower() in ctx.words("semiModalVerb") and any(
                c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for c in head.children) and not (
                    head.tag_ == "VBD" and any(t.ent_type_ == "DATE" for t in head.subtree)):
            # "said Vexa had to stop", "needs to stop": must, in other words ("had to pay a fine last year": a
            # past fact)
            modal = f"{head.lemma_.lower()} to"
        if modal is None or any(c.dep_ == "neg" for c in head.children):
            continue
        said, what = rel, "act"
        if head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in head.children):
            if rel != "urges":
                continue
            said, what = "criticises", "have acted"  # "should have done better": a reproach, nothing left to urge
        targets = [r for c in head.children if c.dep_ == "nsubj" for r in ctx.refs(c) if r[0] not in own]
        for target in targets:
            if ctx.entity(target[0]).type in {"Legislation", "Country"}:
                continue
            for s in speakers:
                t = ctx.make(s, said, target, tok, "speech", f"speech '{tok.lemma_}' that its subject "
                             f"'{modal}' {what}, speaker by {how}", ctx.tuning.speech)
                if t:
                    yield t


@extractor("speech", order=40)
def speech_triples(ctx: Context) -> Iterator[Triple]:
    """Speakers criticising the actor their reported words run down ("said the regulator acted unlawfully")."""
    verbs = ctx.words("speechVerb")
    for tok in ctx.tokens:
        if tok.pos_ not in clause.VERBAL:
            continue
        if tok.lemma_.lower() in {"rule", "decide"}:
            # "the court ruled that Meta must seek consent": a ruling that someone must act orders them.
            deciders, d_how = clause.subjects(ctx, tok)
            deciders = [r for r in deciders if ctx.entity(r[0]).type in ctx.ont.enforcer_classes]
            yield from obligations(ctx, tok, deciders, d_how, rel="orders")
            continue
        if tok.lemma_.lower() not in verbs:
            continue
        speakers, how = clause.subjects(ctx, tok)
        if not speakers:
            continue
        yield from obligations(ctx, tok, speakers, how)
        yield from framed_claims(ctx, tok, speakers, how)
        yield from warnings(ctx, tok, speakers, how)
        yield from feelings(ctx, tok, speakers, how)
        for head in reported_clauses(tok):
            cue = negative(ctx, head)
            if cue is not None:
                yield from _verdicts(ctx, speakers, head, cue, tok, f"speech '{tok.lemma_}' with negative cue "
                                     f"'{cue.text}' about its {{target}}, speaker by {how}")
    yield from named_decisions(ctx)
    yield from attributions(ctx)
    yield from attributed_clauses(ctx)
    yield from quoted_sentences(ctx)


_FEELING_PREPOSITIONS = frozenset({"by", "with", "at", "over", "about"})


def feelings(ctx: Context, tok: Token, speakers: list[Ref], how: str) -> Iterator[Triple]:
    """A speaker saying they are dismayed or glad at what another did criticises or supports that other: "Meta said
    it was disappointed by the court's ruling", "the minister said she was pleased with the regulator's decision"
    (``pk:dismayWord``, ``pk:gladWord``; the one who did it is the actor named, or the maker of the decision)."""
    own = {i for i, _ in speakers}
    dismay, glad = ctx.words("dismayWord"), ctx.words("gladWord")
    for head in reported_clauses(tok):
        if any(c.dep_ == "neg" for c in head.children):
            continue
        feel = next((c for c in [head, *head.children] if c.dep_ in {"acomp", "ccomp"} or c == head
                     if c.lower_ in dismay | glad), None)
        if feel is None:
            continue
        rel = "criticises" if feel.lower_ in dismay else "supports"
        for clause_head in (c for c in feel.children if c.dep_ == "ccomp" and c.pos_ in clause.VERBAL):
            # "said it was disappointed that Ofcom had opened a probe": the doer of what they feel so about.
            targets = [r for s in clause_head.children if s.dep_ == "nsubj" for r in ctx.refs(s)
                       if r[0] not in own and ctx.entity(r[0]).type != "Country"]
            yield from ctx.make_all(speakers, rel, targets, tok, "speech", f"speech '{tok.lemma_}' that its speaker "
                                    f"is '{feel.lower_}' that another acted, speaker by {how}", ctx.tuning.speech)
        for p in feel.children:
            if p.dep_ not in {"prep", "agent"} or p.lower_ not in _FEELING_PREPOSITIONS:
                continue
            for o in (o for o in p.children if o.dep_ == "pobj"):
                targets, t_how = ctx.refs(o), "the one named"
                if not targets and o.lemma_.lower() in ctx.words("decisionNoun"):
                    targets, t_how = decision_maker(ctx, o, tok)
                targets = [r for r in targets if r[0] not in own and ctx.entity(r[0]).type != "Country"]
                yield from ctx.make_all(speakers, rel, targets, tok, "speech", f"speech '{tok.lemma_}' that its "
                                        f"speaker is '{feel.lower_}' '{p.lower_}' {t_how}, speaker by {how}",
                                        ctx.tuning.speech)


def warnings(ctx: Context, tok: Token, speakers: list[Ref], how: str) -> Iterator[Triple]:
    """A speaker saying someone could face a punishment threatens them: "Ofcom warned that TikTok could face a ban",
    "the minister said platforms would face fines" (a patient verb, ``pk:patientLightVerb``, with an enforcement
    noun)."""
    own = {i for i, _ in speakers}
    for head in reported_clauses(tok):
        if any(c.dep_ == "neg" for c in head.children):
            continue
        if clause.is_passive(head) and clause.enforces(ctx, head) and any(
                c.dep_ == "aux" and c.lower_ in ctx.words("futureAux") | ctx.words("possibilityAux")
                for c in head.children):
            # "the minister said Kinmira would be fined if it did not act": a punishment foretold threatens.
            targets = [r for c in head.children if c.dep_ == "nsubjpass" for r in ctx.refs(c) if r[0] not in own]
            yield from ctx.make_all(speakers, "threatens", targets, tok, "speech", f"speech '{tok.lemma_}' that its "
                                    f"subject would be '{head.text}', speaker by {how}", ctx.tuning.speech)
            continue
        if not clause.is_passive(head) and clause.enforces(ctx, head) and tok.lemma_.lower() in ctx.words(
                "warningVerb") and any(c.dep_ == "aux" and c.lower_ in ctx.words("futureAux") | ctx.words(
                "possibilityAux") for c in head.children) and {i for i, _ in clause.subjects(ctx, head)[0]} & own:
            # "the regulator warned it could block X", "warned that it would fine X": a punishment of its own held
            # out threatens the one it would fall on
            targets = [r for r in clause.objects(ctx, head) if r[0] not in own]
            yield from ctx.make_all(speakers, "threatens", targets, tok, "speech", f"speech '{tok.lemma_}' that it "
                                    f"would '{head.lemma_}', speaker by {how}", ctx.tuning.speech)
            continue
        if head.lemma_.lower() not in ctx.words("patientLightVerb"):
            continue
        punishing = [o for o in head.children if o.dep_ == "dobj" and ctx.enforcement_noun(o)]
        if not punishing:
            continue
        targets = [r for c in head.children if c.dep_ == "nsubj" for r in ctx.refs(c) if r[0] not in own]
        yield from ctx.make_all(speakers, "threatens", targets, tok, "speech", f"speech '{tok.lemma_}' that its "
                                f"subject would '{head.lemma_}' a '{punishing[0].lemma_}', speaker by {how}",
                                ctx.tuning.speech)


def framed_claims(ctx: Context, tok: Token, speakers: list[Ref], how: str) -> Iterator[Triple]:
    """What a speaker says in a proceeding of theirs is an allegation against the one it is about, and the
    proceeding is against them: "In its complaint, the SEC says Coinbase ran an unregistered exchange" (accuses and
    sues), "in the investigation, the regulator says TikTok ..." (investigates)."""
    framing = [(noun, rel) for p in tok.children if p.dep_ == "prep" and p.lower_ == "in" for noun in p.children
               if noun.dep_ == "pobj" for rel, _ in ctx.noun_entries(noun)
               if rel in clause.FRAMING]
    if not framing:
        return
    noun, rel = framing[0]
    own = {i for i, _ in speakers}
    for head in reported_clauses(tok):
        targets, t_how = clause_target(ctx, head, own)
        targets = [r for r in targets if ctx.entity(r[0]).type not in {"Legislation", "Country"}]
        for relation in (rel, "accuses"):
            yield from ctx.make_all(speakers, relation, targets, tok, "speech", f"speech '{tok.lemma_}' in its "
                                    f"'{noun.lemma_}' about its {t_how}, speaker by {how}", ctx.tuning.speech)


def _verdicts(ctx: Context, speakers: list[Ref], head: Token, cue: Token, trigger: Token,
              rule: str) -> Iterator[Triple]:
    """Return what ``speakers`` say against the actor the reported clause ``head`` runs down, ``cue`` its negative
    word: what an enforcer says against someone is an allegation ("Ofcom said 4chan had breached the Act"), and so
    is saying someone did wrong ("misled its users"); anything else is criticism. A law or a place said to be bad
    is no actor criticised (its opponents: elsewhere). ``rule`` names how the target was found as ``{target}``."""
    targets, t_how = clause_target(ctx, head, {i for i, _ in speakers})
    if not targets and trigger != head:
        # '"These rules are unworkable," Kinmira said of the FTC's proposal': what the words are said of.
        own = {i for i, _ in speakers}
        targets = [r for p in trigger.children if p.dep_ == "prep" and p.lower_ in {"of", "about"}
                   for o in p.children if o.dep_ == "pobj" for r in ctx.refs(o) if r[0] not in own]
        t_how = f"'{trigger.text} of' phrase"
    wrong = cue if cue.pos_ == "NOUN" else cue.head if cue.dep_ == "amod" and cue.head.pos_ == "NOUN" else None
    if not targets and wrong is not None:
        # "said the findings suggested a worrying failure by Snap", "said the audit showed Vexa's failure": the
        # wrong the words name, and the one its "by" phrase or its possessor says did it.
        own = {i for i, _ in speakers}
        targets = [r for c in wrong.children if c.dep_ == "poss" for r in ctx.refs(c) if r[0] not in own] + [
            r for r in clause.prep_objects(ctx, wrong, {"by"}) if r[0] not in own]
        t_how = f"doer of the '{wrong.text}'"
    for target in targets:
        if ctx.entity(target[0]).type == "Country" or ctx.entity(target[0]).type == "Legislation" and \
                _wrongdoing(ctx, cue):
            continue  # (a law argued to breach another, "the act violates the First Amendment", is opposed in court)
        for s in speakers:
            # (a law is criticised, never accused: "the bill is outright dangerous", "the act is unworkable")
            rel = "accuses" if (ctx.entity(s[0]).type in ctx.ont.enforcer_classes or _wrongdoing(ctx, cue)) and \
                ctx.entity(target[0]).type != "Legislation" else "criticises"
            t = ctx.make(s, rel, target, trigger, "speech", rule.replace("{target}", t_how), ctx.tuning.speech)
            if t:
                yield t


def attributed_clauses(ctx: Context) -> Iterator[Triple]:
    """What a clause says "according to" someone is theirs to say: "According to the regulator, Acme breached the
    rules" (the regulator accuses Acme), read as a speech verb's report is."""
    for tok in ctx.tokens:
        if tok.lower_ != "according" or tok.head.pos_ not in clause.VERBAL:
            continue
        speakers = [r for to in tok.children if to.lower_ == "to" for o in to.children if o.dep_ == "pobj"
                    for r in ctx.refs(o)]
        head = tok.head
        cue = negative(ctx, head) if speakers else None
        if cue is not None:
            yield from _verdicts(ctx, speakers, head, cue, head, f"clause 'according to' its speaker with negative "
                                 f"cue '{cue.text}' about its {{target}}")


def quoted_sentences(ctx: Context) -> Iterator[Triple]:
    """The sentences of a quotation its speaking verb does not govern are the speaker's too: in '"Ofcom has acted
    unlawfully. We will appeal," said Kinmira Labs.' the first sentence is no clause of "said", yet it is what
    Kinmira Labs said; so is every sentence after 'Kinmira Labs said: "...'. Each is read as a reported clause of
    the speaker of the quotation's attributing verb (:func:`~kg.extraction.resolve.pronouns.attributing_verbs`)."""
    doc = ctx.doc
    for opening, closing in quotations(doc):
        found = ((v, *clause.subjects(ctx, v)) for v in attributing_verbs(doc, opening, closing,
                                                                         ctx.words("speechVerb")))
        verb, speakers, how = next(((v, s, h) for v, s, h in found if s), (None, [], ""))
        if verb is None:
            continue
        governed = {c.i for c in reported_clauses(verb)}
        for sent in {memo.sentence(doc[i]) for i in range(opening + 1, closing)}:
            head = sent.root
            if sent.start < opening or sent.end > closing + 1 or head.i in governed or head.pos_ not in clause.VERBAL:
                continue  # only whole sentences inside the quotation, not the one the verb governs
            cue = negative(ctx, head)
            if cue is not None:
                yield from _verdicts(ctx, speakers, head, cue, verb, f"quoted sentence with negative cue "
                                     f"'{cue.text}' about its {{target}}, speaker by {how} of '{verb.lemma_}'")
