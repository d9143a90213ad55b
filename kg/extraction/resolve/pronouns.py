"""Pronouns: he/she -> the most salient person of that gender, it/its -> the most salient organisation,
they/them -> the last coordinated group of subjects, and I/we/our inside a quotation -> its speaker.

Salience: a subject of a governing clause earlier in the same sentence, then
the subjects of the previous sentences, then the latest mention. A pronoun
object is never its own clause's subject ("Musk attacked the judge, branding
him ...": that would be "himself"), and "it" as an object is resolved only
where it cannot be a thing: inside a noun phrase ("a lawsuit against it")
or parallel to a named object ("ordered X to comply and fined it").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from kg.extraction import memo
from kg.extraction.resolve.descriptions import group_before
from kg.extraction.resolve.entities import Entity
from kg.extraction.resolve.state import SUBJECT_DEPS, ResolveState

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp"}


def same_clause(a: Token, b: Token) -> bool:
    """Return True when tokens ``a`` and ``b`` sit in the same clause."""

    def clause(t: Token) -> int:
        while t.dep_ not in _CLAUSE_DEPS and t.head.i != t.i:
            t = t.head
        return t.i

    return clause(a) == clause(b)


def salient(st: ResolveState, token: Token, accept: Callable[[Entity], bool]) -> int | None:
    """Return the entity a pronoun most likely means: the latest subject, else the latest mention.

    A possessive may mean its own clause's subject ("Kakao told its staff"); any other pronoun may not.
    """
    sent = memo.sentence(token)
    own_clause_ok = token.dep_ == "poss"
    for tok, idx, is_subj in reversed(st.history):
        if tok >= token.i or tok < sent.start:
            continue
        if is_subj and accept(st.entity(idx)) and (own_clause_ok or not same_clause(st.doc[tok], token)):
            return st.table.find(idx)
    prev_start = sent.start
    for _ in range(st.tuning.pronoun_sentences):
        if prev_start <= 0:
            break
        prev = memo.sentence(st.doc[prev_start - 1])
        for tok, idx, is_subj in st.history:
            if prev.start <= tok < prev.end and is_subj and accept(st.entity(idx)):
                return st.table.find(idx)
        prev_start = prev.start
    return st.recent(token.i, accept, window=st.tuning.pronoun_window)


def clause_subject(st: ResolveState, token: Token) -> int | None:
    """Return the entity that is the subject of the clause ``token`` sits in."""
    t = token if token.pos_ in {"VERB", "AUX"} else token.head
    for _ in range(st.tuning.chain_depth):
        for c in t.children:
            if c.dep_ in SUBJECT_DEPS and c.i in st.token_entity:
                return st.table.find(st.token_entity[c.i])
        if t.dep_ == "pcomp" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in st.words("accusingVerb"):
            # "He accused the Commission of fining him": the gerund's doer is the one accused.
            accused = next((c for c in t.head.head.children if c.dep_ == "dobj" and c.i in st.token_entity), None)
            return st.table.find(st.token_entity[accused.i]) if accused is not None else None
        if (said := out_of_quotation(t, st.words("speechVerb"))) is not None:
            t = said  # 'said that "the fee is unfair" and accused him': the speaker is the subject
        elif t.dep_ in {"advcl", "xcomp", "conj", "pcomp", "prep"} and t.head.i != t.i:
            t = t.head
        else:
            break
    return None


def _first_conjunct(st: ResolveState, token: Token) -> int | None:
    """Return the entity named first in "A and its B" (or "A, the ..., and its B"), for the possessive ``token``."""
    noun = token.head
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ != "conj" or noun.i < token.i:
        return None
    first = noun.head
    if first.dep_ == "appos" and first.head.i in st.token_entity:
        first = first.head   # "Binance, the largest platform, and its chief": the name the description is of
    idx = st.token_entity.get(first.i)
    return st.table.find(idx) if idx is not None else None


def _agentive_object(token: Token) -> bool:
    """Return True when the object ``token`` is made a doer by its verb's complement: accused *of* a deed or
    fined *for* one ("accusing it of abusing"), or told *to* act ("ordered it to pay")."""
    verb = token.head
    for c in verb.children:
        if c.i < token.i:
            continue
        if c.dep_ == "prep" and c.lower_ in {"of", "for"} and any(
                g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children):
            return True
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return True
    return False


def _controller(st: ResolveState, token: Token) -> int | None:
    """Return the organisation a possessive in the object of an infinitive means when another verb's object is told
    to do it: in "urged the ministry to reverse its order" the ministry reverses, and the order is its own."""
    noun = token.head
    verb = noun.head
    if noun.dep_ != "dobj" or verb.dep_ != "xcomp" or not any(
            a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
        return None
    governor = verb.head
    if governor.lemma_.lower() in st.words("subjectControlVerb"):
        return None
    told = next((c for c in governor.children if c.dep_ == "dobj" and c.i < verb.i and c.i in st.token_entity), None)
    if told is None:
        return None
    idx = st.table.find(st.token_entity[told.i])
    return idx if st.entity(idx).type in st.organisation_types() - {"AISystem"} else None


def _alleging(st: ResolveState, token: Token) -> Token | None:
    """Return the verb of alleging whose allegation ``token`` is the subject of ("alleging it broke the law")."""
    verb = token.head
    alleging = verb.head
    if verb.dep_ != "ccomp" or alleging.i == verb.i or "accuses" not in st.ont.verb_relations(alleging.lemma_,
                                                                                               alleging.lower_):
        return None
    return alleging


def _alleged_against(st: ResolveState, token: Token, alleging: Token) -> int | None:
    """Return the organisation a subject pronoun of what is alleged means: in "the FTC sued Acme, alleging it broke
    the law" the latest one named before it other than the one alleging (no one alleges a wrong of itself)."""
    bound = clause_subject(st, alleging)
    orgs = st.organisation_types() - {"AISystem"}
    return _latest_in_sentence(st, token, lambda e: e.type in orgs and e is not (
        st.entity(bound) if bound is not None else None))


def _country_as_it(st: ResolveState, token: Token) -> int | None:
    """Return the country "it" or "its" means where a country is the subject it goes with: the subject of its own
    clause for a possessive ("Russia launched its invasion"), of the clause its own is coordinated with for a
    subject ("Russia pressured the platforms, and it sued them"), of the verb its clause is reported by ("India
    announced it was banning the apps"). Elsewhere "it" means an organisation."""
    verb = token.head
    if token.dep_ == "poss":
        while verb.dep_ not in _CLAUSE_DEPS and verb.head.i != verb.i:
            verb = verb.head
    elif token.dep_ in SUBJECT_DEPS and verb.dep_ in {"conj", "ccomp"} and verb.head.i < token.i:
        verb = verb.head
    else:
        return None
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS and c.i < token.i and c.i in st.token_entity:
            idx = st.table.find(st.token_entity[c.i])
            return idx if st.entity(idx).type == "Country" else None
    return None


#: The enforcement relations whose verb's "it" is what they act on ("fined it", "block it"); an order's noun too
#: ("the orders issued to it"), where the verb "ordered it" tells it to act (:func:`_agentive_object`).
_ACTING_ON = frozenset({"bans", "fines", "sues", "investigates"})


def _acted_on(st: ResolveState, token: Token) -> bool:
    """Return True when the object ``token`` is what a verb of enforcement acts on ("block it", "fined it")."""
    verb = token.head
    return verb.pos_ == "VERB" and any(r in _ACTING_ON for r in st.ont.verb_relations(verb.lemma_, verb.lower_))


def _enforced_on(st: ResolveState, token: Token) -> bool:
    """Return True when the "it" of a "to", "on" or "against" phrase is what an enforcement is brought to bear on:
    "the orders issued to it", "a fine imposed on it" (a light verb with the enforcement's noun)."""
    prep = token.head
    verb = prep.head
    if prep.lower_ not in {"to", "on", "against"} or verb.pos_ != "VERB" or \
            verb.lemma_.lower() not in st.words("lightVerb"):
        return False
    nouns = [verb.head] if verb.dep_ in {"acl", "relcl"} else [
        c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(r in _ACTING_ON | {"orders"} for n in nouns for r, _ in st.ont.noun_entries(n.lemma_, n.lower_))


def _situational(token: Token) -> bool:
    """Return True for "it" as the subject of "be" with an adjective ("it is dangerous", "it was unfair to ..."):
    the situation spoken of, which news rarely says of an organisation with a bare "it"."""
    verb = token.head
    # (an adjective of feeling or will is said of the one who has it: "it was disappointed", "it is committed")
    return token.lower_ == "it" and verb.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.tag_ == "JJ" and not c.lower_.endswith("ed") for c in verb.children)


def _addressee(st: ResolveState, token: Token) -> int | None:
    """Return the organisation a speech verb addresses when ``token`` ("it") is the subject of the clause it
    reports: "told Apple it must comply", "warned TikTok it could face a ban"."""
    clause = token.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.lemma_.lower() not in st.words("speechVerb") | st.words("directiveVerb"):
        return None
    for c in verb.children:
        if c.dep_ in {"dobj", "dative"} and c.i in st.token_entity:
            idx = st.table.find(st.token_entity[c.i])
            # (a court is told of what the speaker did: "the authority told the court that it blocked the site")
            if st.entity(idx).type in st.organisation_types() - {"AISystem", "Court"}:
                return idx
    return None


def _latest_in_sentence(st: ResolveState, token: Token, accept: Callable[[Entity], bool]) -> int | None:
    """Return the latest entity named before ``token`` in its sentence that ``accept`` admits."""
    for tok, idx, _ in reversed(st.history):
        if tok >= token.i:
            continue
        if tok < memo.sentence(token).start:
            break
        if accept(st.entity(idx)):
            return st.table.find(idx)
    return None


def resolve_pronoun(st: ResolveState, token: Token) -> None:
    """Record what the pronoun ``token`` refers to, if it can be told."""
    lower = token.lower_
    orgs = st.organisation_types()
    if lower in st.words("pluralPronoun"):
        # "they", "their" mean a subject pair before them; an object "them" any pair ("sent notices to A and B requiring
        # them to ...").
        members = [st.table.find(i) for i in group_before(st, token, orgs,
                                                          subjects_only=token.dep_ not in {"dobj", "dative"})]
        if members and token.i - max(0, memo.sentence(token).start) < st.tuning.plural_pronoun_span:
            st.groups[token.i] = members
        return
    male, female = st.words("malePronoun"), st.words("femalePronoun")
    idx: int | None
    if lower in male or lower in female:
        gender = "m" if lower in male else "f"
        bound = clause_subject(st, token) if token.dep_ in {"dobj", "pobj", "dative"} else None
        idx = salient(st, token, lambda e: e.type == "Person" and e.gender in {None, gender}
                      and (bound is None or e is not st.entity(bound)))
    elif lower not in st.words("neuterPronoun"):
        return
    elif token.dep_ == "poss" and (first := _first_conjunct(st, token)) is not None:
        if st.entity(first).type not in orgs - {"AISystem"}:
            return   # "A and its owner B" with A no organisation: "its" is A's all the same, never another's
        idx = first   # "Binance and its chief executive": the one named first in the pair
    elif token.dep_ == "nsubj" and _situational(token):
        return  # "It is dangerous", "it was unfair": the situation, not an actor
    elif token.dep_ in {"nsubj", "nsubjpass"} and (alleging := _alleging(st, token)) is not None:
        # "sued Musical.ly, alleging it violated the act": the one the allegation is against, never the one alleging
        idx = _alleged_against(st, token, alleging)
    elif token.dep_ in {"nsubj", "nsubjpass", "poss"} and (country := _country_as_it(st, token)) is not None:
        idx = country  # "Russia launched its invasion": the country the clause is about
    elif token.dep_ in {"nsubj", "nsubjpass"} and (told := _addressee(st, token)) is not None:
        idx = told  # "Ribera told Apple it must comply": the one told
    elif token.dep_ == "poss" and (told := _controller(st, token)) is not None:
        idx = told  # "urged the ministry to reverse its order": the one told to act, whose the order is
    elif token.dep_ in {"nsubj", "nsubjpass", "poss"}:
        idx = salient(st, token, lambda e: e.type in orgs - {"AISystem"})
    elif token.dep_ == "pobj" and token.head.head.pos_ == "NOUN":
        # Inside a noun phrase "it" may mean the clause's subject: "Meta
        # defeated the FTC's lawsuit against it".
        idx = clause_subject(st, token.head.head)
        if idx is None or st.entity(idx).type not in orgs:
            return
    elif token.dep_ == "dobj" and _agentive_object(token):
        # "fined Apple, accusing it of abusing ...", "urged it to comply": what is accused of a deed or told to
        # act is an actor; the latest organisation of the sentence, never the clause's own subject.
        bound = clause_subject(st, token)
        idx = _latest_in_sentence(st, token, lambda e: e.type in orgs - {"AISystem"} and e is not (
            st.entity(bound) if bound is not None else None))
        if idx is None:
            idx = salient(st, token, lambda e: e.type in orgs - {"AISystem"}
                          and (bound is None or e is not st.entity(bound)))
    elif token.dep_ in {"dobj", "dative"} and token.lower_ == "it" and _acted_on(st, token) or \
            token.dep_ == "pobj" and token.lower_ == "it" and _enforced_on(st, token):
        # "asked telecom firms to block it", "regulators fined it": what an enforcement acts on is a service or a
        # firm, the latest named before it (never an enforcer, never the clause's own subject).
        bound = clause_subject(st, token)
        targets = frozenset({"Platform", "Company", "AISystem", "Organisation"})
        idx = _latest_in_sentence(st, token, lambda e: e.type in targets and e is not (
            st.entity(bound) if bound is not None else None))
        if idx is None:
            idx = salient(st, token, lambda e: e.type in targets and (bound is None or e is not st.entity(bound)))
    elif token.dep_ == "dobj" and token.head.dep_ == "conj":
        # Parallel objects: "ordered the company to comply and fined it".
        idx = next((st.token_entity[c.i] for c in token.head.head.children
                    if c.dep_ == "dobj" and c.i in st.token_entity), None)
        if idx is None or st.entity(idx).type not in orgs:
            return
    else:
        # Otherwise "it" as an object is usually a thing (the fine, the law,
        # the ban), not an actor: leave it unresolved.
        return
    if idx is None:
        return
    st.refers(token.i, idx, st.tuning.pronoun, is_subject=token.dep_ in SUBJECT_DEPS)


def resolve_pair_reference(st: ResolveState, token: Token) -> None:
    """Record what "the former" or "the latter" standing alone refers to: the first or the last of the latest pair
    named before it in its sentence or the one before, a coordinated pair first ("Vexa and Zeta appealed, the
    former calling the ruling unfair"), else the two actors named last ("Vexa sued Zeta; the latter said ...").
    "The former minister" is a title's modifier, no reference."""
    if token.i == 0 or st.doc[token.i - 1].lower_ != "the" or token.dep_ in {"amod", "compound"} or (
            token.i + 1 < len(st.doc) and st.doc[token.i + 1].pos_ in {"NOUN", "PROPN", "ADJ"}):
        return
    sent = memo.sentence(token)
    floor = memo.sentence(st.doc[sent.start - 1]).start if sent.start > 0 else 0
    pair: list[int] = []
    for i in range(token.i - 1, floor - 1, -1):
        if i not in st.token_entity:
            continue
        positions = sorted({i, *(c.i for c in st.doc[i].conjuncts if c.i in st.token_entity)})
        members = list(dict.fromkeys(st.table.find(st.token_entity[p]) for p in positions))
        if len(members) > 1:
            pair = members
            break
    if not pair:
        named = [st.table.find(idx) for tok, idx, _ in st.history if floor <= tok < token.i]
        last_two = list(dict.fromkeys(reversed(named)))[:2]
        pair = list(reversed(last_two)) if len(last_two) == 2 else []
    if pair:
        idx = pair[0] if token.lower_ == "former" else pair[-1]
        st.refers(token.i, idx, st.tuning.pronoun, is_subject=token.dep_ in SUBJECT_DEPS)


_OPENING, _CLOSING, _STRAIGHT = "“", "”", '"'
_SINGLE_OPENING, _SINGLE_CLOSING = "‘", "’"
_CLOSING_AFTER = frozenset({",", ".", "?", "!", "…"})


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """Return the (opening, closing) token indexes of each quotation of ``doc``. Curly marks open and close;
    straight ones alternate. A paragraph break ends a quotation left open (news closes none across paragraphs).
    Single curly marks quote too where no double quotation is open ("‘We will appeal,’ she said"): as the
    apostrophe is the same mark, a single quotation closes only on a mark standing alone after its last punctuation."""
    m = memo.memo(doc)  # (asked of every token a rule reads as quoted or not: found once per document)
    found = m.get(quotations)
    if found is None:
        found = m[quotations] = _quotations(doc)
    return found


def _quotations(doc: Doc) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start: int | None = None
    single: int | None = None
    texts = memo.column(doc, "text")  # (the words' texts, read once: no Token is made for this walk)
    for i, text in enumerate(texts):
        # (a paragraph break is a word of its own: the whitespace spaCy keeps after a word is one space or none)
        if "\n" in text:
            start = single = None
        if start is None and single is None and text == _SINGLE_OPENING:
            single = i
            continue
        if single is not None and text not in {_OPENING, _STRAIGHT}:
            if text == _SINGLE_CLOSING and i > 0 and texts[i - 1] in _CLOSING_AFTER:
                spans.append((single, i))
                single = None
            continue
        single = None  # a double quotation opening ends a single one that never closed (a quoted word or two)
        if text == _OPENING or text == _STRAIGHT and start is None:
            start = i
        elif text in {_CLOSING, _STRAIGHT} and start is not None:
            spans.append((start, i))
            start = None
    return spans


def inside_quotation(tok: Token) -> bool:
    """Return True when ``tok`` stands inside a quotation (between its marks)."""
    return any(opening < tok.i < closing for opening, closing in quotations(tok.doc) if opening < tok.i)


def out_of_quotation(verb: Token, speech_verbs: frozenset[str]) -> Token | None:
    """Return the speech verb a verb outside a quotation is coordinated with where the parser hung it on a verb
    inside the quotation: in 'Lee said that "the fee is unfair" and accused Pellam of abuse', "accused" goes
    with "said", not "is". None otherwise."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or head.head.i > head.i or \
            head.head.lemma_.lower() not in speech_verbs or not inside_quotation(head) or inside_quotation(verb):
        return None
    return head.head


def _speaker_of_verb(st: ResolveState, verb: Token, *, own: bool) -> int | None:
    """Return the entity that is the subject of the speech verb ``verb``; for "we" (``own`` False) also the
    organisation the subject speaks for ("a Meta spokesperson said", "a spokesperson for Meta said")."""
    for s in verb.children:
        if s.dep_ != "nsubj":
            continue
        if s.i in st.token_entity:
            if not own and st.entity(st.token_entity[s.i]).type == "Person":
                spoken_for = _spoken_for(st, s)
                if spoken_for is not None:
                    return spoken_for  # "Vexa spokesperson Ana Lima said: 'We will appeal'": Vexa
            return st.table.find(st.token_entity[s.i])
        if own:
            return None
        for c in s.children:
            if c.dep_ in {"compound", "poss"} and c.i in st.token_entity:
                return st.table.find(st.token_entity[c.i])
            if c.dep_ == "prep" and c.lower_ in {"for", "of", "at"}:
                org = next((o for o in c.children if o.dep_ == "pobj" and o.i in st.token_entity), None)
                if org is not None:
                    return st.table.find(st.token_entity[org.i])
    return None


def _spoken_for(st: ResolveState, name: Token) -> int | None:
    """Return the organisation a named person speaks for by their title: "Vexa spokesperson Ana Lima", "Ana Lima, a
    spokesperson for Vexa" (a title whose word speaks for a body, ``pk:spokesNoun``)."""
    orgs = st.ont.organisational_classes
    for c in name.children:
        if c.lemma_.lower() not in st.words("spokesNoun") or c.dep_ not in {"compound", "appos"}:
            continue
        for g in c.children:
            target = next((o for o in g.children if o.dep_ == "pobj"), None) \
                if g.dep_ == "prep" and g.lower_ in {"for", "of", "at"} else g if g.dep_ in {"compound", "poss"} \
                else None
            if target is not None and target.i in st.token_entity and \
                    st.entity(st.token_entity[target.i]).type in orgs:
                return st.table.find(st.token_entity[target.i])
    return None


def _speech_verb(tokens: Iterable[Token], verbs: frozenset[str]) -> Token | None:
    """Return the first speech verb (``pk:speechVerb``) among ``tokens``."""
    return next((t for t in tokens if t.pos_ == "VERB" and t.lemma_.lower() in verbs), None)


def _paragraph_run(tokens: Iterable[Token]) -> list[Token]:
    """Return ``tokens`` up to the first paragraph break among them."""
    out = []
    for t in tokens:
        if "\n" in t.text:
            break
        out.append(t)
    return out


def attributing_verbs(doc: Doc, opening: int, closing: int, verbs: frozenset[str]) -> list[Token]:
    """Return the speech verbs a quotation may be attributed to, the likelier first: one after it in the sentence
    where it closes ("'...,' said Wang Wenbin", "'...,' he added"), then one before it in the sentence where it
    opens ("Wang said: '...'"), each within the quotation's paragraph."""
    end_sent, start_sent = memo.sentence(doc[closing]), memo.sentence(doc[opening])
    after = [t for t in _paragraph_run(doc[closing + 1:end_sent.end]) if t.text not in {_OPENING, _STRAIGHT,
                                                                                         _SINGLE_OPENING}]
    found = [_speech_verb(after, verbs), _speech_verb(_paragraph_run(reversed(doc[start_sent.start:opening])), verbs)]
    return [v for v in found if v is not None]


def quoted_speaker(st: ResolveState, opening: int, closing: int, *, own: bool) -> int | None:
    """Return the entity a quotation is attributed to: the subject of its attributing speech verb
    (:func:`attributing_verbs`), else, for a quotation that opens a sentence or a paragraph, the speaker of the
    sentence before ("Wang said so on Monday. 'We ...'"). ``own`` is True for "I", whose speaker is a person and
    never the organisation."""
    doc = st.doc
    verbs = st.words("speechVerb")
    for verb in attributing_verbs(doc, opening, closing, verbs):
        speaker = _speaker_of_verb(st, verb, own=own)
        if speaker is not None:
            return speaker
    start_sent = memo.sentence(doc[opening])
    if start_sent.start > 0 and all("\n" in t.text or t.is_space for t in memo.tokens(doc)[start_sent.start:opening]):
        # A quotation that opens its sentence continues the quotation before it, even across a paragraph break
        # (news sets each quoted paragraph apart): the speaker of the sentence before.
        before = _speech_verb((t for t in memo.sentence(doc[start_sent.start - 1]) if not t.is_space), verbs)
        if before is not None:
            return _speaker_of_verb(st, before, own=own)
    return None


def resolve_first_person(st: ResolveState) -> None:
    """Resolve "I", "we", "our" inside a quotation to its speaker: "'We urge the EU to think again,' said Wang" ->
    Wang urges the EU. Outside quotations a first-person pronoun is the writer's, and left alone."""
    singular, plural = st.words("firstPersonPronoun"), st.words("firstPersonPluralPronoun")
    for opening, closing in quotations(st.doc):
        pronouns = [t for t in memo.tokens(st.doc)[opening + 1:closing]
                    if t.pos_ == "PRON" and t.lower_ in singular | plural
                    and t.text != "US" and t.i not in st.token_entity]
        if not pronouns:
            continue
        for own in (True, False):
            chosen = [t for t in pronouns if (t.lower_ in singular) == own]
            speaker = quoted_speaker(st, opening, closing, own=own) if chosen else None
            if speaker is None:
                continue
            for t in chosen:
                st.refers(t.i, speaker, st.tuning.pronoun, is_subject=t.dep_ in SUBJECT_DEPS)
