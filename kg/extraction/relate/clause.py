"""Clause syntax as plain functions: who does what a verb or an event noun says, and to whom.

Each function takes the extractor :class:`~kg.extraction.relate.api.Context` (for
``refs``, the entities a phrase refers to) and a token of the parse:

- :func:`is_passive`: passive voice, including reduced relatives ("a fine imposed on");
- :func:`subjects`: the doers of a verb: its subject, a passive agent, or a
  subject shared through coordination, control ("ordered X to remove": X),
  participles ("..., saying"), and the agent of an event noun the verb modifies;
- :func:`objects`: what a verb acts on (direct object, dative, passive patient);
- :func:`noun_agents`: who does what an event noun names (possessor, "by"
  phrase, the subject of its light verb);
- :func:`prep_objects`: the entities in a token's prepositional complements.

Each returning a "how" string gives the construction, recorded as the rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extraction import memo
from kg.extraction.relate.modality import accusing_verb
from kg.extraction.resolve.pronouns import out_of_quotation
from kg.extraction.tuning import TUNING
from kg.vocabulary.ontology import RelationInfo

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extraction.relate.api import Context, Ref, Triple

SUBJECT_DEPS = {"nsubj", "csubj"}
VERBAL = {"VERB", "AUX"}


#: Proceedings that frame what their maker says of someone: "In a lawsuit, X alleged that Y ..." (X sues Y), "In its
#: complaint, the SEC says Coinbase ..." (the speech extractor).
FRAMING = frozenset({"sues", "investigates"})


@memo.per_token  # (asked of the same verb by many rules)
def accompanied_doer(verb: Token) -> Token | None:
    """Return the subject a parser lost when a doer comes "along with" others: in "Mastercard, along with Visa and
    PayPal, lobbied against the rule" it may take the name for the sentence's root and the verb for a participle
    hung on it or on the last name of the list. None for a true participle ("which ...", "... by X")."""
    if verb.tag_ not in {"VBD", "VBN"} or verb.dep_ not in {"acl", "relcl"}:
        return None
    root = verb.head
    while root.head.i != root.i:
        root = root.head
    own_clause = {"nsubj", "nsubjpass", "auxpass", "agent", "mark"}
    if root.pos_ not in {"PROPN", "NOUN"} or any(c.dep_ in own_clause or c.lower_ in {"by", "which", "who", "that"}
                                                 for c in verb.children):
        return None
    along = next((p for p in root.children if p.i < verb.i and _along_with(p) is not None), None)
    return root if along is not None and verb.i > along.i + 2 else None


def _along_with(p: Token) -> Token | None:
    """Return the preposition whose objects go along with a doer: "alongside", or the "with" of "along with" and
    "together with". None for any other word."""
    if p.dep_ != "prep":
        return None
    if p.lower_ == "alongside":
        return p
    return next((w for w in p.children if w.lower_ == "with"), None) if p.lower_ in {"along", "together"} else None


#: What a ban may fall on through what it offers or sells: a service, its maker or its seller (never a place).
_SERVICE_CLASSES = frozenset({"Platform", "AISystem", "Company", "Organisation", "MediaOutlet"})


def _marked_that(clause_head: Token) -> bool:
    """Return True when a clause opens with "that"."""
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause_head.children)


def is_subjunctive(clause_head: Token) -> bool:
    """Return True for the bare verb of a mandative clause: "(demanded) that Vexa respond", also where the tagger read
    it as a present tense, after "that" or with a singular subject ("that Vexa Labs explain", "its chief appear")."""
    if clause_head.tag_ == "VB":
        return True
    return clause_head.tag_ == "VBP" and not any(m.dep_ in {"aux", "auxpass"} for m in clause_head.children) and (
        _marked_that(clause_head) or any(s.dep_ == "nsubj" and s.tag_ in {"NN", "NNP"} for s in clause_head.children))


@memo.per_token  # (asked of the same verb by many rules)
def is_passive(verb: Token) -> bool:
    """Return True when ``verb`` is in the passive voice (or a past participle modifying a noun)."""
    return accompanied_doer(verb) is None and _passive_form(verb)


@memo.per_token  # (asked of the same verb by many rules)
def _passive_form(verb: Token) -> bool:
    """Return True for a verb with a passive's marks, whoever the parser took its subject to be: also a participle
    with its own "by" agent coordinated with a passive one ("sponsored by Kenya and co-sponsored by Ghana")."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN") or hyphen_agent(verb) is not None or interposed(verb) is not None \
        or verb.dep_ == "conj" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children) and \
        verb.head.i != verb.i and _passive_form(verb.head)


@memo.per_token  # (asked of the same verb by many rules)
def interposed(verb: Token) -> Token | None:
    """Return the name a past participle set off by commas describes, where the parser read the participle as the
    name's verb: "Meta, fined €1.2bn by the regulator last year, faces ..." (Meta was fined, by the regulator)."""
    # (the "by" on the verb, or on the sum it took for its object: "Meta, fined €1.2bn by the regulator")
    by_on = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    if verb.tag_ not in {"VBN", "VBD"} or any(c.dep_ in {"aux", "auxpass", "nsubjpass"} for c in verb.children) or \
            not any(c.dep_ in {"prep", "agent"} and c.lower_ == "by" for t in by_on for c in t.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    # (no active verb stands after its subject and a comma: "Meta, fined ..." is a participle, whatever its tag)
    if subj is None or verb.doc[verb.i - 1].text != "," or subj.right_edge.i not in {verb.i - 2, verb.i - 1}:
        return None
    return subj


@memo.per_token  # (asked of the same verb by many rules)
def hyphen_agent(verb: Token) -> Token | None:
    """Return the name a past participle is hyphenated onto when the pair modifies a noun ("Meta-owned WhatsApp",
    "Kremlin-backed hackers"): the participle's agent, its noun the patient. Nationality words are no agents
    ("Chinese-owned app": owned by someone Chinese, not by China's government)."""
    if verb.tag_ != "VBN" or verb.dep_ not in {"amod", "compound"} or verb.i < 2:
        return None
    doc = verb.doc
    hyphen, name = doc[verb.i - 1], doc[verb.i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or name.whitespace_ or name.head.i != verb.i:
        return None
    if not (name.pos_ == "PROPN" or name.text[:1].isupper()) or name.ent_type_ in {"NORP", "LANGUAGE"}:
        return None
    return name


def passive_agent(ctx: Context, verb: Token) -> list[Ref]:
    """Return the entities of a passive verb's "by" phrase, or of the name hyphenated onto it."""
    for c in verb.children:
        if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" and interposed(verb) is not None:
            for p in c.children:
                if p.dep_ == "pobj":
                    return ctx.refs(p)
    for c in verb.children:
        # "was fined 290 million euros by the watchdog": the parser hangs the "by" on the sum.
        if c.dep_ == "dobj" and (c.ent_type_ == "MONEY" or any(m.dep_ == "nummod" for m in c.children)) and (
                any(s.dep_ == "nsubjpass" for s in verb.children) or interposed(verb) is not None):
            refs = [r for p in c.children if p.dep_ == "prep" and p.lower_ == "by"
                    for o in p.children if o.dep_ == "pobj" for r in ctx.refs(o)]
            if refs:
                return refs
    for c in verb.children:
        # "was barred from selling chips by the Commerce Department": the parser hangs the "by" on the gerund.
        if c.dep_ == "prep" and c.lower_ in {"from", "for"} and any(s.dep_ == "nsubjpass" for s in verb.children):
            refs = [r for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG" for p in g.children
                    if p.dep_ == "prep" and p.lower_ == "by" for o in p.children if o.dep_ == "pobj"
                    for r in ctx.refs(o)]
            if refs:
                return refs
    name = hyphen_agent(verb)
    return ctx.refs(name) if name is not None else []


def _named_after_the_phrase(ctx: Context, verb: Token, noun: Token) -> list[Ref]:
    """Return the names an apposition gives a plural noun after the participle phrase that describes it, where the
    parser hung the apposition on the phrase's object: "The firms challenging the Online Safety Act, Vexa Labs and
    Zeta Chat, lost" (the firms are Vexa Labs and Zeta Chat, not the act). Only names of another kind than the
    object's own."""
    if noun.tag_ not in {"NNS", "NNPS"} or noun.i in ctx.res.token_entity:
        return []
    for o in verb.children:
        if o.dep_ != "dobj":
            continue
        own = {ctx.entity(i).type for i, _ in ctx.refs(o)}
        return [r for a in o.children if a.dep_ == "appos" and a.i in ctx.res.token_entity and a.i > o.i
                for r in ctx.refs(a) if ctx.entity(r[0]).type not in own]
    return []


def _co_doers(ctx: Context, verb: Token, subjects_: list[Token]) -> list[Ref]:
    """Return the doers a subject takes "along with", "together with" or "alongside": "Mastercard, along with Visa
    and PayPal, lobbied against the rule" (on the verb or on the subject, wherever the parser hangs them)."""
    out: list[Ref] = []
    for head in (verb, *subjects_):
        for p in head.children:
            with_ = _along_with(p)
            if with_ is not None:
                out += [r for o in with_.children if o.dep_ == "pobj" for r in ctx.refs(o)]
            elif p.dep_ == "prep" and p.lower_ == "with" and any(
                    a.dep_ == "advmod" and a.lower_ in {"along", "together"} for a in p.children):
                out += [r for o in p.children if o.dep_ == "pobj" for r in ctx.refs(o)]  # ("together" on "with")
    return out


def addressee_to_act(ctx: Context, verb: Token, head: Token) -> tuple[list[Ref], str] | None:
    """Return who is to do an infinitive that a prepositional object of its head asks to act: "called on Ofcom
    to ban X", "appealed to the Commission to act" (a phrase of urging), "called for the FTC to fine X" (the
    "for" phrase before the infinitive). None when no such phrase is there."""
    if verb.dep_ not in {"xcomp", "advcl"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    for words, rel in ctx.ont.phrase_index.get(head.lemma_.lower(), []):
        last = match_phrase(head, words) if rel == "urges" else None
        addressees = [c for c in last.children if c.dep_ == "pobj"] if last is not None else []
        if addressees and last is not None and last.i < verb.i:
            # (one the article does not name, "called on the authorities to ban X", is still the one to act,
            # never the caller)
            return [r for c in addressees for r in ctx.refs(c)], f"object control of '{' '.join(words)}'"
    refs = [r for p in head.children if p.dep_ == "prep" and p.lower_ == "for" and p.i < verb.i
            for c in p.children if c.dep_ == "pobj" for r in ctx.refs(c)]
    return (refs, "subject of 'for ... to'") if refs else None


def subjects(ctx: Context, verb: Token, depth: int = 0) -> tuple[list[Ref], str]:
    """Return the doers of ``verb`` and how they were found."""
    if depth > TUNING.subject_depth:
        return [], ""
    accompanied = accompanied_doer(verb)
    if accompanied is not None:
        refs = ctx.refs(accompanied)
        return refs + [r for r in _co_doers(ctx, verb, [accompanied]) if r not in refs], "subject, along with others"
    if _passive_form(verb):
        agents = passive_agent(ctx, verb)
        return (agents, "passive agent") if agents else ([], "")
    subjects_ = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    framed = _participle_after_a_phrase(ctx, verb, depth)
    if framed is not None:
        return framed
    for c in subjects_:
        refs = ctx.refs(c)
        if refs:
            return refs + [r for r in _co_doers(ctx, verb, subjects_) if r not in refs], "subject"
    for c in subjects_:
        # "State-run Acme blocked X": the parser may give the verb a second, empty subject; else
        # "The lawsuit, filed by A and B, alleged that ...": a document speaks for those who made it.
        if c.lemma_.lower() in ctx.words("documentNoun"):
            refs, _ = noun_agents(ctx, c, depth + 1)
            return (refs, f"makers of the {c.lower_}") if refs else ([], "")
        rule = verb.head if c.tag_ == "WDT" and verb.dep_ == "relcl" else c
        if rule.lemma_.lower() in ctx.words("ruleNoun") and verb.pos_ == "VERB" and \
                ctx.ont.enforcing_relations & set(ctx.ont.verb_relations(verb.lemma_, verb.lower_)):
            # "signed a decree that bars Huawei", "the rules issued by the ministry ban X": a rule enforces for
            # the one who made it.
            refs, _ = noun_agents(ctx, rule, depth + 1)
            return (refs, f"the ones who made the {rule.lower_}") if refs else ([], "")
    if subjects_:
        return [], "subject"
    head = verb.head
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "received instructions from the regulator to suspend access to X", the infinitive hung on the verb
        refs = [r for o in head.children if any(rel == "orders" for rel, _ in ctx.noun_entries(o))
                for r in _received_from(ctx, o)]
        if refs:
            return refs, f"agent of the order '{head.text}' from"
    speaker = _speaker_of_reported_clause(ctx, verb, depth)
    if speaker is not None:
        return speaker
    if verb.dep_ in {"xcomp", "conj", "advcl", "ccomp"} and head.i != verb.i and head.pos_ in VERBAL:
        if verb.dep_ in {"advcl", "ccomp"} and not (verb.tag_ == "VBG" or verb.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
            return [], ""
        if verb.dep_ == "conj" and is_passive(head):
            if verb.tag_ in {"VBD", "VBZ", "VBP"} or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
                # "Google was fined and received an order", "was disappointed and would appeal": an active verb
                # coordinated with a passive one shares its grammatical subject (a participle, "was fined and
                # ordered to pay", stays passive).
                refs = [r for c in head.children if c.dep_ == "nsubjpass" for r in ctx.refs(c)]
                return (refs, f"passive subject of '{head.text}'") if refs else ([], "")
            return [], ""
        addressed = addressee_to_act(ctx, verb, head)
        if addressed:
            return addressed
        if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children) and \
                head.lemma_ not in ctx.words("subjectControlVerb"):
            # Object control: "ordered X to remove" -> X removes.
            for c in head.children:
                if c.dep_ == "dobj":
                    return ctx.refs(c), "object control"
        refs, _ = subjects(ctx, head, depth + 1)
        return refs, f"shared with '{head.text}'" if refs else ""
    if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBG":
        refs = ctx.refs(head) or _named_after_the_phrase(ctx, verb, head)
        if refs:
            return refs, "participle of its noun"
    if verb.dep_ in {"acl", "relcl"} and head.dep_ == "attr" and head.head.pos_ in VERBAL and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "Montana became the first state to ban TikTok", "Italy was the only country to block it": the one the
        # copula describes does it.
        refs, _ = subjects(ctx, head.head, depth + 1)
        if refs:
            return refs, f"the one '{head.head.text}' describes"
    if verb.dep_ in {"acl", "relcl"} and head.pos_ == "NOUN":
        # "threats to block his website": the noun's agent acts.
        refs, _ = noun_agents(ctx, head, depth + 1)
        if refs:
            return refs, "agent of its noun"
        refs = _received_from(ctx, head)  # "operators received an order from the regulator to block X"
        if refs:
            return refs, f"agent of its noun by 'from' phrase, '{head.head.text}'"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ == "for" and head.head.pos_ in VERBAL:
        # "X was fined for breaching the Act", "issued an order against X for breaching it": the one punished
        # did it, never the one punishing.
        verb_ = head.head
        targets = [t for t in (verb_, *(c for c in verb_.children if c.dep_ == "dobj"))]
        against = [p for t in targets for p in t.children if p.dep_ == "prep" and p.lower_ == "against"]
        refs = [r for p in against for c in p.children if c.dep_ == "pobj" for r in ctx.refs(c)] or \
            objects(ctx, verb_)
        doers = {r[0] for r in subjects(ctx, verb_, depth + 1)[0]}
        refs = [r for r in refs if r[0] not in doers]
        if refs:
            return refs, f"patient of '{verb_.text}'"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ == "of" and accusing_verb(ctx.words, head):
        # "The FTC accused Meta of buying Instagram", "Meta was charged with ... of hiding": the accused did it.
        accuser = accusing_verb(ctx.words, head)
        assert accuser is not None
        accused = [r for c in accuser.children if c.dep_ in ({"nsubjpass"} if is_passive(accuser) else {"dobj"})
                   for r in ctx.refs(c)]
        if accused:
            return accused, f"the one '{accuser.text}' names"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ == "to" and head.head.lower_ == "addition" and \
            head.head.head.lower_ == "in" and head.head.head.head.pos_ in VERBAL and \
            not is_passive(head.head.head.head):
        # "In addition to blocking Zeta, the government banned Vexa": whoever banned Vexa blocked Zeta.
        refs, _ = subjects(ctx, head.head.head.head, depth + 1)
        if refs:
            return refs, f"gerund after 'in addition to' shares '{head.head.head.head.text}'"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ in ctx.words("sharedSubjectPreposition") and \
            head.head.pos_ in VERBAL and not is_passive(head.head):
        # "The SEC widened its crackdown by accusing Coinbase": whoever widened it accused; "Germany joined France in
        # criticising the tariffs": the one joined did it too.
        refs, _ = subjects(ctx, head.head, depth + 1)
        if refs and head.head.lemma_.lower() == "join" and head.lower_ == "in":
            refs += [r for c in head.head.children if c.dep_ == "dobj" for r in ctx.refs(c) if r not in refs]
        if refs:
            return refs, f"gerund after '{head.lower_}' shares '{head.head.text}'"
    if verb.dep_ in {"acl", "advcl"} and verb.tag_ == "VBG":
        # "messages criticising the UK", reached through prepositions.
        t = head
        for _ in range(TUNING.climb_depth):
            if t.pos_ in VERBAL:
                if verb.dep_ == "acl" and head.head.i == t.i and head.dep_ in {"dobj", "nsubjpass"} and (
                        undoes(ctx, t) or any(
                        ctx.ont.relations[r].group == "stance" for r in ctx.ont.verb_relations(t.lemma_, t.lower_))):
                    # "the court blocked a rule prohibiting X", "criticised a law requiring X to ...": what the rule
                    # does is not done by the one who blocks or criticises it
                    return [], ""
                refs, _ = subjects(ctx, t, depth + 1)
                return refs, f"participle under '{t.text}'" if refs else ""
            if t.head == t:
                break
            t = t.head
    return [], ""


def objects(ctx: Context, verb: Token, rel: RelationInfo | None = None) -> list[Ref]:
    """Return what ``verb`` acts on: its direct object, or its patient in the passive."""
    if is_passive(verb):
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                return ctx.refs(c)
        described = interposed(verb)
        if described is not None:
            return ctx.refs(described)
        if verb.dep_ == "acl":
            named = ctx.refs(verb.head)
            cop = verb.head.head
            if not named and verb.head.dep_ == "nsubj" and cop.lemma_ == "be":
                # "The two nationals sanctioned by the UK are Zhao and Ni": who they are, named after the copula.
                named = [r for c in cop.children if c.dep_ == "attr" for r in ctx.refs(c)]
            return named
        if hyphen_agent(verb) is not None:
            # "Meta-owned Facebook and Instagram": the modifier reaches the coordinated names, but not one with an
            # owner of its own ("Amazon-owned Twitch and Google's YouTube").
            own = {ctx.res.token_entity.get(c.i) for c in verb.head.conjuncts
                   if any(g.dep_ == "poss" or hyphen_agent(g) is not None for g in c.children)}
            return [r for r in ctx.refs(verb.head) if r[0] not in own]
        if verb.dep_ == "conj":
            return objects(ctx, verb.head)
        return []
    if rel is not None and rel.name == "urges" and not any(
            c.dep_ in {"dobj", "dative"} and c.i in ctx.res.token_entity for c in verb.children):
        # "requested Google's financial data from the tax authority", "requested information from Zeta Chat": asked
        # of the one it is asked from, not of whoever the thing asked for belongs to.
        asked = [r for h in (verb, *(c for c in verb.children if c.dep_ == "dobj")) for p in h.children
                 if p.dep_ == "prep" and p.lower_ == "from" for o in p.children if o.dep_ == "pobj"
                 for r in ctx.refs(o)]  # (the "from" on the verb, or on what is asked for)
        if asked:
            return asked
    for c in verb.children:
        if c.dep_ in {"dobj", "dative"}:
            if rel is not None and rel.group == "enforcement" and c.i not in ctx.res.token_entity and \
                    c.lemma_.lower() in ctx.words("decisionNoun"):
                # "reviewed the FTC's order", "suspended the ban on TikTok": acting on a decision is no
                # enforcement on its maker or its target (a stance toward its maker: implied.decision_stances).
                return []
            kept = _kept_from_using(ctx, verb) if rel is not None and rel.name == "bans" and \
                c.i not in ctx.res.token_entity else []
            if kept:
                return kept  # ("banned government officials from using Zeta Chat": not the officials' government)
            refs = ctx.refs(c)
            if refs:
                return refs
            if c.ent_type_ == "MONEY" or (c.lemma_.lower() in ctx.words("currencyNoun") or c.lower_ in ctx.words(
                    "currencyNoun")) and (any(m.dep_ == "nummod" for m in c.children)
                                          or c.i + 1 < len(c.doc) and c.nbor().like_num):
                # "fined Acme parent firm Meta 5 million pounds", parsed with the sum as the object and the
                # fined firm hung on it ("fined Google 5 billion rupees": a compound; "fined Meta Rs 213 crore",
                # deeper in the sum's phrase): the name inside the sum's phrase, before its figure, is the object.
                # ("fined Vexa 10 million euros, Zeta 5 million euros and Pinmark 2 million": the name before each
                # sum of the list)
                sums = [c, *(k for k in c.children if k.dep_ == "appos")]
                sums += [k for sm in sums for k in sm.conjuncts if k not in sums]
                refs = [r for sm in sums for m in sm.children if m.dep_ in {"nmod", "npadvmod", "compound"}
                        and m.ent_type_ != "MONEY" and (m.dep_ != "compound" or m.pos_ == "PROPN")
                        and m.i < sm.i for r in ctx.refs(m)]
                figure = next((t.i for t in c.subtree if t.like_num), c.i)
                refs = refs or [r for t in c.subtree if t is not c and t.i < figure and t.pos_ == "PROPN"
                                and t.ent_type_ != "MONEY" and t.i in ctx.res.token_entity for r in ctx.refs(t)]
                # ("UEFA fined Chelsea 31 million euros", the name hung on the verb before the sum)
                refs = refs or [r for m in verb.children if m.dep_ in {"npadvmod", "dative"} and m.i < c.i
                                for r in ctx.refs(m)]
                if refs:
                    return refs
            called = [n for n in c.children if n.dep_ in {"nmod", "compound"} and n.i < c.i
                      and n.i in ctx.res.token_entity and any(m.dep_ == "det" for m in c.doc[n.i + 1:c.i])]
            if called:
                # "branded Inman Grant the eSafety commissar": the one named, read as a modifier of what they are
                # called (a determiner between them: not "the TikTok ban")
                refs = [r for n in called for r in ctx.refs(n)]
                if refs:
                    return refs
            if rel is not None and rel.name == "bans":
                # "restricted calls on WhatsApp", "blocked downloads of TikTok", "blocked the websites of exchanges
                # Binance and OctaFX": a ban on what a service or a firm offers bans it (a place is no such service:
                # "banned sales in Kenya").
                refs = [r for p in c.children if p.dep_ == "prep" and p.lower_ in {"on", "of", "to", "from"}
                        for o in p.children if o.dep_ == "pobj" for r in ctx.refs(o)
                        if ctx.entity(r[0]).type in _SERVICE_CLASSES]
                if refs:
                    return refs
    if rel is not None and rel.clausal_object and not any(c.dep_ == "dobj" for c in verb.children):
        # "threatened to ban X"; but in "ordered telecom firms to block Telegram" the firms are ordered, not Telegram
        for c in verb.children:
            if c.dep_ == "xcomp":
                found = objects(ctx, c)
                if not found and rel.name == "threatens":
                    # "threatened to impose tariffs on the EU", "vowed to take measures against it": the one the
                    # punishment held out would fall on ("on French products": on France).
                    found = [r for h in (c, *(d for d in c.children if d.dep_ == "dobj")) for p in h.children
                             if p.dep_ == "prep" and p.lower_ in {"on", "against"} for o in p.children
                             if o.dep_ == "pobj" for r in (ctx.refs(o) or ctx.measure_by_nationality(o))]
                return found
    if rel is not None and rel.question_object:
        # "examining whether Microsoft abused its position", "investigate how DeepSeek handles data": the one the
        # question is about.
        words = ctx.words("questionWord")
        for c in verb.children:
            if c.dep_ in {"ccomp", "advcl"} and any(m.dep_ in {"mark", "advmod"} and m.lower_ in words and m.i < c.i
                                         for m in c.children):
                refs = [r for s in c.children if s.dep_ in {"nsubj", "nsubjpass"} for r in ctx.refs(s)]
                if refs:
                    return refs
    if verb.lemma_.lower() in ctx.words("mandativeVerb"):
        # "Ofcom requested that X explain its checks", "the court demanded that X name a representative": the one
        # the clause's subjunctive is addressed to.
        for c in verb.children:
            if c.dep_ == "ccomp" and is_subjunctive(c) and _marked_that(c):
                return [r for s in c.children if s.dep_ == "nsubj" for r in ctx.refs(s)]
    if verb.lemma_.lower() in ctx.words("allegationVerb"):
        # "The SEC alleged (that) Binance mishandled funds": the one the clause blames.
        for c in verb.children:
            if c.dep_ == "ccomp":
                return [r for s in c.children if s.dep_ in {"nsubj", "nsubjpass"} for r in ctx.refs(s)]
    return []


def _participle_after_a_phrase(ctx: Context, verb: Token, depth: int) -> tuple[list[Ref], str] | None:
    """Return who does a participle that closes a phrase of place or address: in "filed a lawsuit in a federal court
    accusing Kinmira of theft" and "lodged a complaint with the ministry accusing the firm" the parser hangs
    "accusing" on the court or the ministry (or reads "with [Ofcom accusing ...]" as the participle's own clause),
    but the one who filed or lodged it accuses."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.doc[verb.i - 1].text == ",":
        return None
    if verb.dep_ == "pcomp" and verb.head.lower_ in {"with", "to"}:
        prep = verb.head  # "a complaint with [Ofcom accusing Kinmira]": the one it went to is no subject
        if prep.head.lemma_.lower() not in ctx.words("documentNoun"):
            return None
    elif verb.dep_ in {"acl", "relcl"} and verb.head.dep_ == "pobj" and verb.head.head.dep_ == "prep" and not any(
            c.dep_ in SUBJECT_DEPS for c in verb.children):
        prep = verb.head.head  # (a relative clause's own subject stands: "the giant, which is facing a lawsuit")
    else:
        return None
    holder = prep.head
    if holder.pos_ in VERBAL:
        refs, _ = subjects(ctx, holder, depth + 1)
        return (refs, f"subject of '{holder.text}', its phrase '{prep.lower_}' closed by it") if refs else None
    if holder.lemma_.lower() in ctx.words("documentNoun"):
        refs, _ = noun_agents(ctx, holder, depth + 1)
        return (refs, f"those whose {holder.lower_} its phrase '{prep.lower_}' is on") if refs else None
    return None


def _speaker_of_reported_clause(ctx: Context, verb: Token, depth: int) -> tuple[list[Ref], str] | None:
    """Return the speaker a participle of speaking or naming after a reported clause belongs to: in "the embassy said
    Huawei would not be excluded without consequences, calling the plan ruthless" the parser hangs "calling" on the
    reported clause, but the one who said it calls the plan so. Likewise a verb coordinated with a quoted clause
    from outside the quotation: in 'Lee said that "the fee is unfair" and accused Pellam of abuse' the parser hangs
    "accused" on "is", but Lee accuses."""
    said = out_of_quotation(verb, ctx.words("speechVerb"))
    if said is not None:
        refs, _ = subjects(ctx, said, depth + 1)
        return (refs, f"speaker of '{said.text}'") if refs else None
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0 or verb.doc[verb.i - 1].text != "," or \
            verb.lemma_.lower() not in ctx.words("speechVerb") | ctx.words("namingVerb"):
        return None
    t = verb.head
    while t.dep_ in {"ccomp", "conj", "advcl"} and t.head.i != t.i:
        t = t.head
        if t.lemma_.lower() in ctx.words("speechVerb") and t.i < verb.i and t.i != verb.head.i:
            refs, _ = subjects(ctx, t, depth + 1)
            return (refs, f"speaker of '{t.text}'") if refs else None
    return None


def refusal(ctx: Context, tok: Token) -> bool:
    """Return True when the verb ``tok`` is refused: under "refuse" or "decline" ("refused to sign"), or negated with
    "will" or "would" ("will not sign", "would not back")."""
    head = tok.head
    if tok.dep_ == "xcomp" and head.lemma_.lower() in ctx.words("refusingVerb"):
        return True
    return any(c.dep_ == "neg" for c in tok.children) and any(
        c.dep_ == "aux" and c.lower_ in ctx.words("futureAux") for c in tok.children)


def noun_clauses(ctx: Context, noun: Token) -> list[Token]:
    """Return the clauses on an event noun: its participles and relative clauses, and those the parser hangs on
    the sum in its "of" phrase ("a fine of $5 million imposed on Vexa by the authority", "of 40 million rupees")."""
    sums = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
            if o.dep_ == "pobj" and is_sum(ctx, o)]
    return [c for t in (noun, *sums) for c in t.children if c.dep_ in {"relcl", "acl"}]


#: The words that name a sum as a punishment: "a fine", "a penalty".
FINE_WORDS = frozenset({"fine", "penalty"})


def is_sum(ctx: Context, tok: Token) -> bool:
    """Return True when ``tok`` heads a sum of money ("345 million euros", "$5m") or names a fine."""
    if tok.ent_type_ == "MONEY" or any(c.ent_type_ == "MONEY" for c in tok.children):
        return True
    return tok.lemma_.lower() in ctx.words("currencyNoun") | FINE_WORDS or tok.lower_ in ctx.words("currencyNoun")


def sums_ordered_paid(ctx: Context, verb: Token) -> list[Token]:
    """Return the sums an order verb tells someone to pay ("ordered TikTok to pay 345 million euros")."""
    return [c for x in verb.children if x.dep_ == "xcomp" and x.lemma_.lower() == "pay" for c in x.children
            if c.dep_ == "dobj" and is_sum(ctx, c)]


def _kept_from_using(ctx: Context, verb: Token) -> list[Ref]:
    """Return what a ban keeps people "from" using, buying or dealing with: "banned officials from using the Zeta
    Chat app", "prohibited agencies from using Vexa's chatbot", "barred operators from purchasing chips from
    Pinmark" (the service, its maker or its seller is banned, not the people kept from it)."""
    out: list[Ref] = []
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ != "from":
            continue
        for g in p.children:
            if g.dep_ != "pcomp" or g.tag_ != "VBG":
                continue
            for o in (c for c in g.children if c.dep_ == "dobj"):
                found = ctx.refs(o) or [r for c in o.children if c.dep_ in {"compound", "poss"} and c.i < o.i
                                        for r in ctx.refs(c)]
                found = found or [r for h in (o, g) for q in h.children if q.dep_ == "prep"
                                  and q.lower_ in {"from", "by", "of"} for x in q.children if x.dep_ == "pobj"
                                  for r in ctx.refs(x)]
                out += [r for r in found if ctx.entity(r[0]).type in _SERVICE_CLASSES]
    return out


def fining_classes(sums: list[Token]) -> frozenset[str]:
    """Return the classes whose order to pay ``sums`` is a fine: a regulator's or a government's any sum, a court's
    only one it names a fine or a penalty (a sum a court orders paid is otherwise damages)."""
    named = any(c.lemma_.lower() in FINE_WORDS for c in sums)
    return frozenset({"Regulator", "GovernmentBody", *(("Court",) if named else ())})


def noun_agents(ctx: Context, noun: Token, depth: int = 0) -> tuple[list[Ref], str]:
    """Return who does what an event noun names: its possessor, a "by" phrase, or the light verb's subject."""
    for c in noun.children:
        if c.dep_ == "poss":
            return ctx.refs(c), "possessor"
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            for p in c.children:
                if p.dep_ == "pobj":
                    return ctx.refs(p), "'by' phrase"
    light = ctx.light_verbs(noun)
    for c in noun_clauses(ctx, noun):
        # "an investigation that the Commission opened", "a lawsuit brought by the DOJ"
        if c.lemma_ in light:
            refs, _ = subjects(ctx, c, depth + 1)
            if refs:
                return refs, f"subject of '{c.text}' on the noun"
    head = noun.head
    if noun.dep_ in {"dobj", "attr"} and head.lemma_ in light:
        refs, _ = subjects(ctx, head, depth + 1)
        return refs, f"subject of light verb '{head.text}'" if refs else ""
    if noun.dep_ == "nsubjpass" and head.lemma_ in light:
        # "a fine of $5bn was levied on Facebook by the FTC": the passive light verb's agent.
        refs = passive_agent(ctx, head)
        return refs, f"agent of passive light verb '{head.text}'" if refs else ""
    if noun.dep_ == "pobj" and head.lower_ in {"over", "for"} and head.head.pos_ in VERBAL and \
            enforces(ctx, head.head):
        # "opened proceedings against Meta over suspected breaches of the DSA", "fined X for breaches": the reason
        # for an enforcement is the deed of the one acted against, never of the one acting.
        verb = head.head
        targets = [p for t in (verb, *(c for c in verb.children if c.dep_ == "dobj")) for p in t.children
                   if p.dep_ == "prep" and p.lower_ == "against"]
        refs = [r for p in targets for c in p.children if c.dep_ == "pobj" for r in ctx.refs(c)] or objects(ctx, verb)
        doers = {r[0] for r in subjects(ctx, verb, depth + 1)[0]}
        refs = [r for r in refs if r[0] not in doers]
        return refs, f"the one '{verb.text}' acts against" if refs else ""
    if (noun.dep_ == "pobj" or noun.dep_ == "dobj" and head.dep_ == "prep") and \
            head.lower_ in {"after", "following"} and head.head.pos_ in VERBAL and \
            not is_passive(head.head) and enforces(ctx, head.head):
        # "fined Zeltra following an investigation into its pricing": who enforces after an inquiry made it.
        refs, _ = subjects(ctx, head.head, depth + 1)
        refs = [r for r in refs if ctx.entity(r[0]).type in ctx.ont.enforcer_classes | {"Court"}]
        return refs, f"the enforcer '{head.head.text}' it led to" if refs else ""
    if noun.dep_ == "pobj" and head.head.lemma_ in light and head.head.pos_ in VERBAL:
        # "carrying out an assessment": prt; "in contact with": prep chain.
        refs, _ = subjects(ctx, head.head, depth + 1)
        return refs, f"subject of '{head.head.text}'" if refs else ""
    return [], ""


def _received_from(ctx: Context, noun: Token) -> list[Ref]:
    """Return who an event noun a patient light verb takes came from: "received an order from the regulator"."""
    if noun.dep_ not in {"dobj", "attr"} or noun.head.lemma_ not in ctx.words("patientLightVerb"):
        return []
    return prep_objects(ctx, noun, {"from"})


def enforces(ctx: Context, verb: Token) -> bool:
    """Return True when a verb, or the event noun it takes as object, names an enforcement ("fined", "opened
    proceedings")."""
    ont = ctx.ont
    rels = ont.verb_relations(verb.lemma_, verb.lower_)
    rels += [r for c in verb.children if c.dep_ == "dobj" for r, _ in ctx.noun_entries(c)]
    return any(r in ont.enforcing_relations for r in rels)


def patient_frame(ctx: Context, noun: Token) -> tuple[list[Ref], list[Ref], str]:
    """Return (agents, patients, how) for an event noun under a patient light verb: "X received an order from Y",
    "X came under fire from Y", "X drew criticism from Y", "X is the target of a probe by Y" -> Y acts on X."""
    patient_verbs = ctx.words("patientLightVerb")
    verb = None
    if noun.dep_ in {"dobj", "attr"} and noun.head.lemma_ in patient_verbs:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "under" and (
            noun.head.head.lemma_ in patient_verbs or noun.head.head.lemma_ in {"be", "remain", "stay"}):
        verb = noun.head.head  # "came under fire from Y", "is under investigation by Y"
    elif noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_ in ctx.words("patientNoun") and \
            noun.head.head.dep_ == "attr" and noun.head.head.head.lemma_ in {"be", "become", "remain"}:
        verb = noun.head.head.head  # "X is the subject of an inquiry by Y", "X became the target of a probe by Y"
    if verb is None or verb.pos_ not in VERBAL:
        return [], [], ""
    agents = prep_objects(ctx, noun, {"from", "by"}) or prep_objects(ctx, verb, {"from", "by"})
    patients, _ = subjects(ctx, verb)
    if is_passive(verb) or not agents or not patients:
        return [], [], ""
    return agents, patients, f"patient light verb '{verb.text}'"


def instrument_frame(ctx: Context, noun: Token) -> tuple[list[Ref], list[Ref], str]:
    """Return (agents, targets, how) for an event noun a verb applies with "with": "hit the firm with a fine",
    "slapped Google with a penalty" -> the verb's subject acts on its object."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with" or prep.head.pos_ not in VERBAL:
        return [], [], ""
    verb = prep.head
    if "threatens" in ctx.ont.verb_relations(verb.lemma_, verb.lower_):
        return [], [], ""  # "threatened Google with large fines": a fine held out, not imposed
    # "Amazon was hit with a fine by the CNIL": the passive subject is the target, the "by" phrase (subjects of a
    # passive) the agent.
    target_deps = {"nsubjpass"} if is_passive(verb) else {"dobj"}
    targets = [r for c in verb.children if c.dep_ in target_deps for r in ctx.refs(c)]
    if not targets:
        return [], [], ""
    agents, how = subjects(ctx, verb)
    if not agents and is_passive(verb):
        agents, how = noun_agents(ctx, noun)  # "hit with a fine by the CNIL": the parser hangs "by" on the noun
    return agents, targets, f"'with' instrument of '{verb.text}', {how}"


def undoes(ctx: Context, verb: Token) -> bool:
    """Return True for a verb that undoes or stops what it acts on ("blocked", "struck down", ``pk:undoingVerb``)."""
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return any(f"{lemma} {p}" in ctx.words("undoingVerb") for p in particles) or \
        lemma in ctx.words("undoingVerb") and not particles


def match_phrase(tok: Token, words: tuple[str, ...]) -> Token | None:
    """Return the last token of ``words`` hanging below ``tok`` in order, or None. A word may hang below the
    word before it or, after it, on ``tok`` itself ("hit out at X", with "out" and "at" both on "hit")."""
    cur = tok
    k = 1
    while k < len(words):
        w = words[k]
        nxt = None
        candidates = list(cur.children)
        if cur.i != tok.i:
            candidates += [c for c in tok.children if c.i > cur.i]
        for c in candidates:
            # Not the infinitive's "to" ("to appeal the ruling" is no "appeal to").
            if c.dep_ not in {"aux", "auxpass", "mark"} and (c.lemma_.lower() == w or c.lower_ == w):
                nxt = c
                break
        if nxt is None and w == "to" and k + 1 < len(words):
            # "took Ofcom to court", parsed as an infinitive: the noun after "to" read as a verb with "to" its aux.
            nxt = next((c for c in candidates if c.dep_ == "xcomp" and c.lower_ == words[k + 1] and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            k += 1
        if nxt is None:
            return None
        if len(words) == 2 and nxt.dep_ == "prep" and nxt.lower_ == "on" and any(
                c.dep_ == "dobj" and tok.i < c.i < nxt.i for c in tok.children):
            # "calling the penalty absurd on X": where the verb's object was named, no "call on" (but a verb may take
            # an object before its phrase's preposition: "petitioned the court against the orders")
            return None
        cur = nxt
        k += 1
    return cur


def prep_objects(ctx: Context, tok: Token, preps: set[str] | frozenset[str]) -> list[Ref]:
    """Return the entities in ``tok``'s prepositional complements headed by one of ``preps``."""
    out: list[Ref] = []
    for c in tok.children:
        if c.dep_ in {"prep", "dative"} and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out += ctx.refs(p)
    return out


def contact_asking(ctx: Context, trigger: Token, agents: list[Ref], targets: list[Ref],
                   extractor_name: str) -> list[Triple]:
    """A contact "demanding", "asking", "urging" asks the one contacted: "sent a letter to TikTok demanding
    answers", "wrote to Apple asking for details" (``trigger`` the contact's noun or verb)."""
    asking = ctx.words("mandativeVerb") | ctx.words("wishVerb")
    for c in [*trigger.children, *trigger.head.children]:
        if c.dep_ in {"acl", "advcl", "xcomp"} and c.tag_ == "VBG" and c.lemma_.lower() in asking:
            # "notices requiring them to report": what the verb itself means ("require" orders), else a request.
            rel = "orders" if "orders" in ctx.ont.verb_relations(c.lemma_, c.lower_) else "urges"
            return ctx.make_all(agents, rel, targets, c, extractor_name, f"contact '{c.text}' of its addressee",
                                ctx.tuning.event_noun)
    return []
