"""The ``role`` extractor: titles and appositions link a person (or a body) to an organisation.

"Technology Secretary Liz Kendall" (memberOf the government), "Mark
Zuckerberg, Meta's chief executive" (leads), "Grok's creator xAI"
(develops), "the Commission, the EU's executive arm" (partOf). Role titles
and the relation each implies come from the ontology (``pk:RoleTitle``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..ontology import RoleTitle
from . import clause
from .api import Context, Ref, Triple
from .registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Token
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


def _role_org(ctx: Context, role_tok: Token, role: RoleTitle, holder: int) -> tuple[list[Ref], str]:
    out: list[Ref] = []
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
            return [(ctx.res.home_government, ctx.tuning.home_government)], "the article's government"
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
        if any(c.lower_ in ctx.words("pastRoleWord") for c in tok.children if c.dep_ in {"amod", "advmod"}):
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
            orgs = clause.prep_objects(ctx, holder_tok, {"of", "at"})
            how = "'of' phrase on the name"
        for o in orgs:
            t = ctx.make((holder, ctx.res.token_certainty.get(holder_tok.i, 1.0)), relation, o, tok, "role",
                         f"role '{' '.join(role.title)}' ({tok.dep_}), organisation by {how}", ctx.tuning.role)
            if t:
                t.negated, t.modality = False, "asserted"
                yield t

