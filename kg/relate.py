"""Relate stage: statements (subject, relation, object) read off the dependency parse.

Extractors are registered by name, like spaCy factories, and each yields
:class:`Triple` objects for one parsed article. Built-ins:

- ``verb``: a trigger verb or phrase with its subject and object, in active
  and passive voice, through coordination, control verbs ("threatened to
  ban X"), relative clauses ("Meta, which owns Instagram"), reduced
  relatives ("the regulator headed by ...") and participles;
- ``noun``: an event noun with its arguments: light verbs ("launched an
  investigation into X"), possessives ("Musk's criticism of the
  Government"), noun complements ("threats against X");
- ``role``: titles and appositions ("Technology Secretary Liz Kendall",
  "Mark Zuckerberg, Meta's chief executive", "Grok's creator xAI").

Every triple carries negation, modality (asserted, conditional, hedged,
intended), a confidence, and the rule that produced it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .ontology import Ontology, RelationInfo, RoleTitle
from .resolve import Resolution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MODALITIES = ("asserted", "conditional", "hedged", "intended")
_SUBJ = {"nsubj", "csubj"}
_RELATIVE = {"which", "who", "whom", "that"}
_VERBAL = {"VERB", "AUX"}


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


Extractor = Callable[["Context"], Iterable[Triple]]


@dataclass
class Registered:
    name: str
    func: Extractor
    description: str


EXTRACTORS: dict[str, Registered] = {}


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    """Register ``func`` as the extractor ``name`` (the way built-ins and plugins both register)."""

    def deco(func: Extractor) -> Extractor:
        doc = (func.__doc__ or "").strip().splitlines()
        EXTRACTORS[name] = Registered(name, func, doc[0] if doc else "")
        return func

    return deco


@dataclass
class Context:
    """What an extractor sees: the parse, the resolved entities, the ontology."""

    doc: Doc
    res: Resolution
    ont: Ontology
    _refs_cache: dict[int, list[tuple[int, float]]] = field(default_factory=dict)

    # -- references ----------------------------------------------------------
    def refs(self, tok: Token) -> list[tuple[int, float]]:
        """Return the entities (with certainty) the phrase headed by ``tok`` refers to."""
        cached = self._refs_cache.get(tok.i)
        if cached is not None:
            return cached
        self._refs_cache[tok.i] = []  # guards cycles in odd parses
        out = self._refs(tok)
        appos_at = min((c.i for c in tok.children if c.dep_ == "appos"), default=None)
        for c in tok.children:
            # A conjunct after an apposition belongs to the apposition:
            # "Musk, the boss of xAI and the X platform, ...".
            if c.dep_ == "conj" and (appos_at is None or c.i < appos_at):
                out += self.refs(c)
        seen: set[int] = set()
        result = []
        for idx, cert in out:
            if idx not in seen:
                seen.add(idx)
                result.append((idx, cert))
        self._refs_cache[tok.i] = result
        return result

    def _refs(self, tok: Token) -> list[tuple[int, float]]:
        res = self.res
        idx = res.token_entity.get(tok.i)
        if idx is not None:
            return [(idx, res.token_certainty.get(tok.i, 1.0))]
        if tok.i in res.groups:
            return [(i, 0.8) for i in res.groups[tok.i]]
        if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
            return self.refs(tok.head.head)
        out: list[tuple[int, float]] = []
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return out
        for c in tok.children:
            if c.dep_ in {"appos", "compound", "nmod"} and c.i in res.token_entity and c.i > tok.i - 6:
                if c.dep_ == "appos" or self.ont.description_index.get(tok.lemma_.lower()):
                    out += self.refs(c)
        if out:
            return out
        named = self.name_after(tok)
        if named is not None:
            return [(named, res.token_certainty.get(tok.i + 1, 1.0))]
        if tok.dep_ == "appos" and tok.head.i in res.token_entity:
            return self.refs(tok.head)
        if self.ont.role_for(tok.lemma_) is None:
            # "criticised the Commission's decision": the possessor acts.
            for c in tok.children:
                if c.dep_ == "poss":
                    out += [(i, cert * 0.9) for i, cert in self.refs(c)]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "including":
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += self.refs(p)
        return out

    def name_after(self, tok: Token) -> int | None:
        """Return the entity named right after a title or description noun ("creator xAI")."""
        nxt = tok.i + 1
        if nxt < len(self.doc) and nxt in self.res.token_entity and tok.i not in self.res.token_entity:
            lemma = tok.lemma_.lower()
            if (self.ont.role_for(lemma) is not None or lemma in self.ont.description_index) and \
                    self.doc[nxt].pos_ != "PUNCT" and (nxt - 1 < 0 or self.doc[nxt - 1].i == tok.i):
                return self.res.token_entity[nxt]
        return None

    def entity(self, idx: int):  # noqa: ANN201 - Entity, kept untyped to avoid an import cycle
        return self.res.entities[idx]

    # -- clause structure ----------------------------------------------------
    def is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
            verb.dep_ == "acl" and verb.tag_ == "VBN")

    def subjects(self, verb: Token, depth: int = 0) -> tuple[list[tuple[int, float]], str]:
        """Return the doers of ``verb`` and how they were found."""
        if depth > 4:
            return [], ""
        if self.is_passive(verb):
            for c in verb.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self.refs(p), "passive agent"
            return [], ""
        for c in verb.children:
            if c.dep_ in _SUBJ:
                refs = self.refs(c)
                return refs, "subject"
        head = verb.head
        if verb.dep_ in {"xcomp", "conj", "advcl", "ccomp"} and head is not verb and head.pos_ in _VERBAL:
            if verb.dep_ in {"advcl", "ccomp"} and not (verb.tag_ == "VBG" or verb.dep_ == "advcl" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
                return [], ""
            if verb.dep_ == "conj" and self.is_passive(head):
                return [], ""
            if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children) and \
                    head.lemma_ not in self.ont.words("subjectControlVerb"):
                # Object control: "ordered X to remove" -> X removes.
                for c in head.children:
                    if c.dep_ == "dobj":
                        return self.refs(c), "object control"
            refs, how = self.subjects(head, depth + 1)
            return refs, f"shared with '{head.text}'" if refs else ""
        if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBG":
            refs = self.refs(head)
            if refs:
                return refs, "participle of its noun"
        if verb.dep_ in {"acl", "relcl"} and head.pos_ == "NOUN":
            # "threats to block his website": the noun's agent acts.
            refs, how = self.noun_agents(head, depth + 1)
            if refs:
                return refs, "agent of its noun"
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ == "for" and head.head.pos_ in _VERBAL:
            # "X was fined for breaching the Act": the one punished did it.
            refs = self.objects(head.head)
            if refs:
                return refs, f"patient of '{head.head.text}'"
        if verb.dep_ in {"acl", "advcl"} and verb.tag_ == "VBG":
            # "messages criticising the UK", reached through prepositions.
            t = head
            for _ in range(8):
                if t.pos_ in _VERBAL:
                    refs, how = self.subjects(t, depth + 1)
                    return refs, f"participle under '{t.text}'" if refs else ""
                if t.head is t:
                    break
                t = t.head
        return [], ""

    def objects(self, verb: Token, rel: RelationInfo | None = None) -> list[tuple[int, float]]:
        """Return what ``verb`` acts on: its direct object, or its patient in the passive."""
        if self.is_passive(verb):
            for c in verb.children:
                if c.dep_ == "nsubjpass":
                    return self.refs(c)
            if verb.dep_ == "acl":
                return self.refs(verb.head)
            if verb.dep_ == "conj":
                return self.objects(verb.head)
            return []
        for c in verb.children:
            if c.dep_ in {"dobj", "dative"}:
                refs = self.refs(c)
                if refs:
                    return refs
        if rel is not None and rel.clausal_object:
            for c in verb.children:
                if c.dep_ == "xcomp":
                    return self.objects(c)
        return []

    def noun_agents(self, noun: Token, depth: int = 0) -> tuple[list[tuple[int, float]], str]:
        """Return who does what an event noun names: its possessor, a "by" phrase, or the light verb's subject."""
        for c in noun.children:
            if c.dep_ == "poss":
                return self.refs(c), "possessor"
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.refs(p), "'by' phrase"
        light = self.ont.words("lightVerb")
        for c in noun.children:
            # "an investigation that the Commission opened", "a lawsuit brought by the DOJ"
            if c.dep_ in {"relcl", "acl"} and c.lemma_ in light:
                refs, how = self.subjects(c, depth + 1)
                if refs:
                    return refs, f"subject of '{c.text}' on the noun"
        head = noun.head
        if noun.dep_ in {"dobj", "attr"} and head.lemma_ in light:
            refs, how = self.subjects(head, depth + 1)
            return refs, f"subject of light verb '{head.text}'" if refs else ""
        if noun.dep_ == "pobj" and head.head.lemma_ in self.ont.words("lightVerb") and head.head.pos_ in _VERBAL:
            # "carrying out an assessment": prt; "in contact with": prep chain.
            refs, how = self.subjects(head.head, depth + 1)
            return refs, f"subject of '{head.head.text}'" if refs else ""
        return [], ""

    def prep_objects(self, tok: Token, preps: set[str]) -> list[tuple[int, float]]:
        out: list[tuple[int, float]] = []
        for c in tok.children:
            if c.dep_ in {"prep", "dative"} and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += self.refs(p)
        return out

    # -- negation and modality -----------------------------------------------
    def modality(self, pred: Token) -> tuple[bool, str]:
        """Return (negated, modality) for the statement whose trigger is ``pred``."""
        lex = self.ont
        neg_words = lex.words("negationWord")
        negating = lex.words("negatingVerb")
        cond_aux = lex.words("conditionalAux")
        cond_mark = lex.words("conditionalMark")
        intention = lex.words("intentionVerb")
        hedge_v = lex.words("hedgeVerb")
        hedge_adv = lex.words("hedgeAdverb")
        negated = False
        found: set[str] = set()
        chain: list[Token] = [pred]
        t = pred
        # The clause chain: the trigger, the light verb or noun it hangs from,
        # and the verbs whose complement it is.
        for _ in range(6):
            if t.dep_ in {"xcomp", "dobj", "conj", "acl", "relcl", "pobj", "prep", "ccomp"} and t.head is not t:
                if t.dep_ in {"acl", "relcl"} and t.head.pos_ == "NOUN":
                    if t.head.lemma_.lower() in lex.words("intentionNoun"):
                        found.add("intended")
                    break
                parent = t.head
                if t.dep_ == "xcomp" or (t.dep_ in {"acl", "relcl"} and pred.pos_ in _VERBAL and parent.pos_ == "NOUN"):
                    if parent.lemma_ in intention and parent is not pred:
                        found.add("intended")
                    if parent.lemma_ in negating:
                        negated = True
                if t.dep_ == "ccomp" and parent.lemma_ in hedge_v:
                    found.add("hedged")
                if t.dep_ == "ccomp":
                    chain.append(parent)
                    break
                t = parent
                chain.append(t)
            else:
                break
        for node in chain[:4]:
            for c in node.children:
                if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and node is pred):
                    if c.lower_ in neg_words or c.dep_ == "neg":
                        negated = True
                if c.dep_ == "aux" and c.lower_ in cond_aux:
                    found.add("conditional")
                if c.dep_ == "advmod" and c.lower_ in hedge_adv:
                    found.add("hedged")
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cond_mark for m in c.children):
                    found.add("conditional")
            if node.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cond_mark for m in node.children):
                found.add("conditional")
        # Inside an if-clause higher up ("if it decided to ban X").
        t = pred
        for _ in range(8):
            if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cond_mark for m in t.children):
                found.add("conditional")
            if t.head is t:
                break
            t = t.head
        for mod in ("conditional", "intended", "hedged"):
            if mod in found:
                return negated, mod
        return negated, "asserted"

    def make_all(self, subjects: list[tuple[int, float]], rel: str, objects: list[tuple[int, float]],
                 trigger: Token, extractor_name: str, rule: str, base: float) -> list[Triple]:
        """Return the triples of every subject-object pair the relation's types admit."""
        made = (self.make(s, rel, o, trigger, extractor_name, rule, base) for s in subjects for o in objects)
        return [t for t in made if t is not None]

    def make(self, subj: tuple[int, float], rel: str, obj: tuple[int, float], trigger: Token, extractor_name: str,
             rule: str, base: float, modal_token: Token | None = None) -> Triple | None:
        if subj[0] == obj[0]:
            return None
        info = self.ont.relations[rel]
        s, o = self.entity(subj[0]), self.entity(obj[0])
        if not info.accepts(s.type, o.type):
            return None
        negated, modality = self.modality(modal_token or trigger)
        conf = round(base * min(subj[1], obj[1]), 3)
        return Triple(subj[0], rel, obj[0], trigger.sent, extractor_name, rule, trigger.i, negated, modality, conf)


def _pick(ctx: Context, rels: list[str], subj: tuple[int, float], obj: tuple[int, float]) -> str | None:
    s, o = ctx.entity(subj[0]), ctx.entity(obj[0])
    for r in rels:
        if ctx.ont.relations[r].accepts(s.type, o.type):
            return r
    return None


def _match_phrase(tok: Token, words: tuple[str, ...]) -> Token | None:
    """Return the last token of ``words`` hanging below ``tok`` in order, or None."""
    cur = tok
    for w in words[1:]:
        nxt = None
        for c in cur.children:
            if c.lemma_.lower() == w or c.lower_ == w:
                nxt = c
                break
        if nxt is None:
            return None
        cur = nxt
    return cur


def _phrase_objects(ctx: Context, last: Token) -> list[tuple[int, float]]:
    refs: list[tuple[int, float]] = []
    for c in last.children:
        if c.dep_ in {"pobj", "dobj"}:
            refs += ctx.refs(c)
    return refs


@extractor("verb")
def verb_triples(ctx: Context) -> Iterator[Triple]:
    """Trigger verbs and phrases with their subject and object (active, passive, coordinated, controlled)."""
    ont = ctx.ont
    for tok in ctx.doc:
        if tok.pos_ not in _VERBAL and tok.tag_ not in {"VBN", "VBG"}:
            continue
        lemma = tok.lemma_.lower()
        phrases = [p for k in ont.lemma_keys(lemma, tok.lower_, ont.phrase_index) for p in ont.phrase_index[k]]
        verb_keys = ont.lemma_keys(lemma, tok.lower_, ont.verb_index)
        verb_rels = ont.verb_index[verb_keys[0]] if verb_keys else []
        lemma = verb_keys[0] if verb_keys else lemma
        if not phrases and not verb_rels:
            continue
        subjects, how = ctx.subjects(tok)
        if not subjects:
            continue
        passive = ctx.is_passive(tok)
        done = False
        for words, rel in phrases:
            last = _match_phrase(tok, words)
            if last is None:
                continue
            found = ctx.make_all(subjects, rel, _phrase_objects(ctx, last), tok, "verb",
                                 f"phrase '{' '.join(words)}', {how}", 0.85)
            yield from found
            if found:
                done = True
                break
        if done or not verb_rels:
            continue
        objects = ctx.objects(tok, ont.relations[verb_rels[0]])
        voice = "passive" if passive else "active"
        for s in subjects:
            for o in objects:
                picked = _pick(ctx, verb_rels, s, o)
                if picked is None:
                    continue
                t = ctx.make(s, picked, o, tok, "verb", f"{voice} verb '{lemma}', {how}", 0.85 if not passive else 0.8)
                if t:
                    yield t


@extractor("noun")
def noun_triples(ctx: Context) -> Iterator[Triple]:
    """Event nouns with their agent and target ("launched an investigation into X", "Musk's criticism of Y")."""
    ont = ctx.ont
    complements = set(ont.words("nounComplement"))
    light = ont.words("lightVerb")
    for tok in ctx.doc:
        if tok.pos_ != "NOUN":
            continue
        keys = ont.lemma_keys(tok.lemma_, tok.lower_, ont.noun_index)
        if not keys:
            continue
        entries = ont.noun_index[keys[0]]
        agents, how = ctx.noun_agents(tok)
        if not agents:
            continue
        for rel, prep in entries:
            preps = {prep} if prep else complements
            targets = ctx.prep_objects(tok, preps)
            if not targets and tok.dep_ == "dobj" and tok.head.lemma_ in light:
                targets = ctx.prep_objects(tok.head, preps)
            if not targets and ont.relations[rel].clausal_object:
                for c in tok.children:
                    if c.dep_ in {"acl", "relcl"} and c.pos_ in _VERBAL:
                        targets = ctx.objects(c)
            if not targets:
                for c in tok.children:
                    # "a fine imposed on TikTok": the target hangs on the light verb.
                    if c.dep_ in {"acl", "relcl"} and c.lemma_ in light:
                        targets = ctx.prep_objects(c, preps)
            if not targets:
                for c in tok.children:
                    # "the TikTok ban": a named target in compound position
                    # (but a "GDPR fine" is a fine under the law, not on it).
                    if c.dep_ == "compound" and c.i in ctx.res.token_entity:
                        targets = [r for r in ctx.refs(c) if ctx.entity(r[0]).type != "Legislation"
                                   or "Legislation" in ont.relations[rel].object_types]
            made = ctx.make_all(agents, rel, targets, tok, "noun", f"event noun '{tok.lemma_}', agent by {how}", 0.75)
            yield from made
            if made:
                break


def _role_tokens(tok: Token) -> list[Token]:
    """Return a role noun with the words hyphenated onto it ("vice-president" -> vice, -, president)."""
    toks = [tok]
    doc = tok.doc
    i = tok.i
    while i >= 2 and doc[i - 1].text == "-" and doc[i - 2].is_alpha:
        toks.append(doc[i - 2])
        i -= 2
    return toks


def _role_phrase(tok: Token) -> str:
    """Return the title a role noun spells with its modifiers ("executive vice president")."""
    words = []
    for t in _role_tokens(tok):
        words += _modifiers(t)
    words.sort(key=lambda t: t.i)
    return " ".join(w.text for w in words)


def _modifiers(tok: Token) -> list[Token]:
    words = [tok]
    for c in tok.children:
        if c.i < tok.i and c.dep_ in {"compound", "amod", "nmod"} and c.pos_ in {"NOUN", "ADJ", "PROPN"}:
            words.append(c)
            for cc in c.children:
                if cc.i < c.i and cc.dep_ in {"compound", "amod"} and cc.pos_ in {"NOUN", "ADJ", "PROPN"}:
                    words.append(cc)
    return words


def _is_title(ctx: Context, phrase: str) -> bool:
    role = ctx.ont.role_for(phrase)
    return role is not None and len(role.title) == len(phrase.split())


def _portfolio(ctx: Context, role_tok: Token) -> bool:
    """Return True when a title names a portfolio ("president of global affairs", "head of policy")."""
    for t in _role_tokens(role_tok):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in {"of", "for"}:
                for p in c.children:
                    if p.dep_ == "pobj" and not ctx.refs(p) and not _is_title(ctx, f"{t.text} {c.lower_} {p.text}"):
                        return True
    return False


def _role_org(ctx: Context, role_tok: Token, role: RoleTitle, holder: int) -> tuple[list[tuple[int, float]], str]:
    out: list[tuple[int, float]] = []
    children = [c for t in _role_tokens(role_tok) for c in t.children]
    for c in children:
        if c.dep_ == "poss":
            out = [r for r in ctx.refs(c) if r[0] != holder]
            if out:
                return out, "possessor"
    for c in children:
        # "a Commission spokeswoman": a named organisation inside the title.
        if c.dep_ in {"compound", "nmod"} and c.i < role_tok.i and c.i in ctx.res.token_entity:
            idx = ctx.res.token_entity[c.i]
            if idx != holder and ctx.entity(idx).type != "Person":
                return [(idx, ctx.res.token_certainty.get(c.i, 1.0))], "name in the title"
    for c in children:
        if c.dep_ == "prep" and c.lower_ in {"of", "at", "for", "in"}:
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if _is_title(ctx, f"{role_tok.text} {c.lower_} {p.text}"):
                    continue  # "Secretary of State" is one title
                if p.dep_ == "pobj":
                    out = [r for r in ctx.refs(p) if r[0] != holder]
                    if out:
                        if role_tok.dep_ == "appos":
                            # "the boss of xAI and the X platform": conjuncts
                            # the parser hung on the name itself.
                            for conj in role_tok.head.children:
                                if conj.dep_ == "conj" and conj.i > role_tok.i:
                                    out += [r for r in ctx.refs(conj) if r[0] != holder]
                        return out, f"'{c.lower_}' phrase"
    if role.implies_government:
        for c in role_tok.children:
            if c.i < role_tok.i and c.dep_ in {"compound", "amod", "nmod", "poss"}:
                gov = ctx.res.token_entity.get(c.i)
                if gov is not None and ctx.entity(gov).type == "GovernmentBody":
                    return [(gov, 1.0)], "country in the title"
        if ctx.res.home_government is not None:
            return [(ctx.res.home_government, 0.8)], "the article's government"
    return [], ""


@extractor("role")
def role_triples(ctx: Context) -> Iterator[Triple]:
    """Titles, appositions and possessive roles ("Meta's chief executive Mark Zuckerberg")."""
    doc = ctx.doc
    for tok in doc:
        if tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        holder_tok = None
        if tok.dep_ == "compound" and tok.head.i in ctx.res.token_entity and tok.i not in ctx.res.token_entity:
            holder_tok = tok.head
        elif tok.dep_ == "appos" and tok.head.i in ctx.res.token_entity:
            holder_tok = tok.head
        elif tok.dep_ == "attr" and tok.head.lemma_ == "be":
            holder_tok = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        else:
            holder_tok = next((c for c in tok.children if c.dep_ in {"appos", "compound"} and c.i > tok.i
                               and c.i in ctx.res.token_entity), None)
            if holder_tok is None and ctx.name_after(tok) is not None:
                holder_tok = doc[tok.i + 1]
        if holder_tok is None or holder_tok.i not in ctx.res.token_entity:
            continue
        if tok.i in ctx.res.token_entity and ctx.res.token_entity[tok.i] == ctx.res.token_entity[holder_tok.i]:
            continue
        role = ctx.ont.role_for(_role_phrase(tok))
        if role is None:
            continue
        if any(c.lower_ in ctx.ont.words("pastRoleWord") for c in tok.children if c.dep_ in {"amod", "advmod"}):
            continue  # a former role is no current membership
        holder = ctx.res.token_entity[holder_tok.i]
        h_ent = ctx.entity(holder)
        relation = role.relation
        if relation in {"leads", "memberOf"} and h_ent.type != "Person":
            if relation == "leads" or role.implies_government:
                continue
            relation = "partOf"  # "the Commission, the EU's executive arm"
        if relation == "leads" and _portfolio(ctx, tok):
            relation = "memberOf"  # "head of public policy": leads a part, belongs to the whole
        orgs, how = _role_org(ctx, tok, role, holder)
        if not orgs and tok.dep_ == "compound":
            # "Judge James Boasberg of the US District Court"
            orgs = ctx.prep_objects(holder_tok, {"of", "at"})
            how = "'of' phrase on the name"
        for o in orgs:
            t = ctx.make((holder, ctx.res.token_certainty.get(holder_tok.i, 1.0)), relation, o, tok, "role",
                         f"role '{' '.join(role.title)}' ({tok.dep_}), organisation by {how}", 0.8)
            if t:
                t.negated, t.modality = False, "asserted"
                yield t


def extract_triples(doc: Doc, res: Resolution, ont: Ontology, *, disabled: Iterable[str] = (),
                    min_confidence: float = 0.0) -> list[Triple]:
    """Return the triples every enabled extractor finds, duplicates within a sentence removed."""
    unknown = set(disabled) - set(EXTRACTORS)
    if unknown:
        from .errors import KGError

        raise KGError(f"unknown extractor(s) {', '.join(sorted(unknown))}; known: {', '.join(EXTRACTORS)}")
    ctx = Context(doc, res, ont)
    seen: dict[tuple[int, str, int, int], Triple] = {}
    for name, reg in EXTRACTORS.items():
        if name in disabled:
            continue
        for t in reg.func(ctx):
            if t.confidence < min_confidence:
                continue
            key = (t.subject, t.relation, t.object, t.sentence.start)
            if key not in seen or seen[key].confidence < t.confidence:
                seen[key] = t
    return sorted(seen.values(), key=lambda t: (t.sentence.start, t.trigger))
