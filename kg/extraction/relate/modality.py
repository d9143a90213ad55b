"""Negation and modality of a statement, read off the clause chain above its trigger word.

``modality(trigger, ont)`` gives ``(negated, modality)`` where modality is
one of :data:`MODALITIES`. The cue words (negation, negating verbs such as
"refused to", conditional auxiliaries and markers, intention verbs and nouns,
hedges) come from the ontology lexicon.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kg.extraction.tuning import TUNING
from kg.vocabulary.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Token

MODALITIES = ("asserted", "conditional", "hedged", "intended")
_VERBAL = {"VERB", "AUX"}


def accusing_verb(words: Callable[[str], frozenset[str]], of: Token) -> Token | None:
    """Return the accusing verb an "of" phrase completes: "accused Meta of buying", or with the phrase hung on the
    object by the parser, "accusing the firm of breaching"."""
    head = of.head
    if head.lemma_.lower() in words("accusingVerb"):
        return head
    if head.dep_ == "dobj" and head.head.lemma_.lower() in words("accusingVerb"):
        return head.head
    return None


def _has_conditional_mark(tok: Token, marks: frozenset[str]) -> bool:
    return tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in tok.children)


def clause_chain(pred: Token, ont: Ontology) -> tuple[list[Token], bool, set[str]]:
    """Return the trigger's clause chain (the trigger, the light verb or noun it hangs from, the verbs whose
    complement it is), whether a negating verb governs it, and the modalities the chain's heads impose."""
    negating = ont.words("negatingVerb")
    intention = ont.words("intentionVerb")
    wishing = intention | ont.words("wishVerb")  # what is meant or wished for, not done
    negated = False
    found: set[str] = set()
    chain: list[Token] = [pred]
    t = pred
    for _ in range(TUNING.chain_depth):
        if t.dep_ == "advcl" and t.head.lemma_ in wishing and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                   for a in t.children):
            found.add("intended")  # "called for the FTC to fine Meta", parsed as an adverbial clause: wished for
            break
        if t.dep_ not in {"xcomp", "dobj", "conj", "acl", "relcl", "pobj", "prep", "ccomp", "pcomp"} or t.head == t:
            break
        if t.dep_ in {"acl", "relcl"} and t.head.pos_ == "NOUN":
            if t.head.lemma_.lower() in ont.words("intentionNoun"):
                found.add("intended")
            break
        parent = t.head
        if t.dep_ == "xcomp" or (t.dep_ in {"acl", "relcl"} and pred.pos_ in _VERBAL and parent.pos_ == "NOUN"):
            if parent.lemma_ in wishing and parent is not pred:
                found.add("intended")  # "appealed to the Commission to investigate X": wished for, not done
            if parent.lemma_ in negating:
                negated = True
        if t.dep_ == "ccomp" and parent.lemma_ in ont.words("hedgeVerb"):
            found.add("hedged")
        if t.dep_ in {"ccomp", "advcl"} and parent.lemma_ in wishing \
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children):
            found.add("intended")  # "lawmakers want the FTC to investigate Meta": wished for, not done
        if t.dep_ == "prep" and t.lower_ == "of" and accusing_verb(ont.words, t) is not None:
            found.add("hedged")  # "accused Meta of buying Instagram": what the accusation says
        chain.append(parent)
        if t.dep_ == "ccomp":
            break
        t = parent
    return chain, negated, found


def modality(pred: Token, ont: Ontology) -> tuple[bool, str]:
    """Return (negated, modality) for the statement whose trigger is ``pred``."""
    neg_words = ont.words("negationWord")
    cond_aux = ont.words("conditionalAux")
    cond_mark = ont.words("conditionalMark")
    hedge_adv = ont.words("hedgeAdverb")
    chain, negated, found = clause_chain(pred, ont)
    for node in chain[:4]:
        for c in node.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and node is pred):
                if c.lower_ in neg_words or c.dep_ == "neg":
                    negated = True
            if c.dep_ == "aux" and c.lower_ in cond_aux:
                # "would" in a conditional commitment; "could", "might", "may" say what is possible: a hedge.
                found.add("hedged" if c.lower_ in ont.words("possibilityAux") else "conditional")
            if c.dep_ == "advmod" and c.lower_ in hedge_adv or \
                    c.dep_ == "amod" and node is pred and c.lower_ in ont.words("hedgeAdjective"):
                found.add("hedged")  # "reportedly", and on an event noun "suspected breaches", "alleged abuse"
            if _has_conditional_mark(c, cond_mark):
                found.add("conditional")
        if _has_conditional_mark(node, cond_mark):
            found.add("conditional")
    # Inside an if-clause higher up ("if it decided to ban X").
    t = pred
    for _ in range(TUNING.climb_depth):
        if _has_conditional_mark(t, cond_mark):
            found.add("conditional")
        if t.head == t:
            break
        t = t.head
    if _set_aside(pred, ont.words("insteadWord")):
        negated = True  # "chose to sue rather than work with the company": what was not done
    if _denied_cleft(pred):
        negated = True  # "It is not the US that threatens Hungary": the cleft denies who does it
    for mod in ("conditional", "intended", "hedged"):
        if mod in found:
            return negated, mod
    return negated, "asserted"


def inside_condition(pred: Token, ont: Ontology) -> bool:
    """Return True when the trigger ``pred`` lies in a condition ("if it decided to ban X", "until Congress passes
    the act", "unless Vexa pays the fine"): what a condition supposes is no statement. The consequent ("the
    government would back Ofcom if ...") is, with its modality conditional; and a condition that the act goes on
    ("if Vexa continues to breach the law") says it is being done."""
    marks = ont.words("conditionalMark")
    t = pred
    for _ in range(TUNING.climb_depth):
        if _has_conditional_mark(t, marks):
            return t.lemma_.lower() not in ont.words("continuingVerb")
        if t.head == t:
            return False
        t = t.head
    return False


def _denied_cleft(pred: Token) -> bool:
    """Return True for the verb of a cleft whose copula is denied: "It is not the United States that threatens
    Hungary", "it was not Zeltra that leaked the data"."""
    if pred.dep_ != "relcl" or pred.head.dep_ != "attr":
        return False
    be = pred.head.head
    return be.lemma_ == "be" and any(c.dep_ == "neg" for c in be.children) and any(
        c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in be.children)


def _set_aside(pred: Token, words: frozenset[str]) -> bool:
    """Return True when ``pred`` is the alternative a clause sets aside: "sue rather than work with the company",
    "instead of working with it"."""
    if pred.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "than" and any(
            a.lower_ in words for a in c.children) for c in pred.head.children):
        return True
    return instead_of(pred, words)


def instead_of(pred: Token, words: frozenset[str]) -> bool:
    """Return True when ``pred`` is the gerund of an "instead of" phrase ("sued instead of negotiating")."""
    head = pred.head
    return pred.dep_ == "pcomp" and head.lower_ == "of" and (
        head.head.lower_ in words or any(c.lower_ in words for c in head.children))
