"""The ``role`` extractor: titles and appositions link a person (or a body) to an organisation.

"Technology Secretary Liz Kendall" (memberOf the government), "Mark
Zuckerberg, Meta's chief executive" (leads), "Grok's creator xAI"
(develops), "the Commission, the EU's executive arm" (partOf). Role titles
and the relation each implies come from the ontology (``pk:RoleTitle``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extraction import memo
from kg.extraction.recognise import common_word
from kg.extraction.relate import clause
from kg.extraction.relate.api import Context, Ref, Triple
from kg.extraction.relate.registry import extractor
from kg.extraction.resolve import Entity
from kg.vocabulary.ontology import RoleTitle

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _role_tokens(tok: Token) -> list[Token]:
    """Return a role noun with the words hyphenated onto it ("vice-president" -> vice, -, president)."""
    toks = [tok]
    doc = tok.doc
    i = tok.i
    while i >= 2 and doc[i - 1].text == "-" and doc[i - 2].is_alpha:
        toks.append(doc[i - 2])
        i -= 2
    return toks


def _role_phrase(tok: Token, hyphenated_after: bool = False) -> str:
    """Return the title a role noun spells with its modifiers ("executive vice president"), singular; with
    ``hyphenated_after``, also the words hyphenated after it ("secretary-general", parsed with the noun first)."""
    words = []
    for t in _role_tokens(tok):
        words += _modifiers(t)
    if hyphenated_after:
        doc, i = tok.doc, tok.i
        while i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].is_alpha and not doc[i].whitespace_:
            words.append(doc[i + 2])
            i += 2
    words = sorted(set(words), key=lambda t: t.i)
    return " ".join(_title_form(w) if w == tok else w.text for w in words)


def _title_form(tok: Token) -> str:
    """Return how a role noun ends its title phrase: singular ("judges" -> "judge")."""
    return tok.lemma_.lower() if tok.tag_ in {"NNS", "NNPS"} else tok.text


def _title_end(tok: Token) -> str:
    """Return the last word of the title phrase ending with ``tok``, as :meth:`Ontology.role_for` splits it."""
    words = _title_form(tok).lower().replace("-", " ").split()
    return words[-1] if words else ""


def _portfolio_words(ctx: Context, tok: Token, role: RoleTitle) -> bool:
    """Return True when common nouns before a title name a portfolio ("trade chief", "policy head")."""
    mods = [m for t in _role_tokens(tok) for m in _modifiers(t) if m.i != t.i]
    extra = [m for m in mods if m.lower_ not in role.title and m.i not in ctx.res.token_entity]
    # A field of government names a portfolio whatever its part of speech ("digital chief", "Trade chief").
    return any(m.pos_ == "NOUN" and m.is_lower or m.lower_ in ctx.ont.field_words for m in extra)


def _modifiers(tok: Token) -> list[Token]:
    words = [tok]
    for c in tok.children:
        if c.i < tok.i and c.dep_ in {"compound", "amod", "nmod"} and (c.pos_ in {"NOUN", "ADJ", "PROPN"} or (
                c.tag_ == "VBG" and c.is_lower)):  # ("managing director", the participle tagged a verb)
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
                    # (a person the parser hangs on the portfolio names its holder: "Head of Compliance, Ada Moss")
                    if p.dep_ == "pobj" and not any(ctx.entity(i).type != "Person" for i, _ in ctx.refs(p)) and \
                            not _is_title(ctx, f"{t.text} {c.lower_} {p.text}"):
                        return True
    return False


def _title_children(ctx: Context, role_tok: Token) -> list[Token]:
    """Return the children of a role noun and of the words hyphenated or coordinated with it
    ("founder and CEO of Telegram": "CEO" shares "of Telegram"); a person coordinated with a title holds a title of
    their own ("Agency Director Ana Lima and deputy counsel Ben Cole": Cole's title names no agency)."""
    toks = _role_tokens(role_tok)
    head = role_tok.head
    if role_tok.dep_ == "conj" and head.pos_ in {"NOUN", "PROPN"} and not (
            head.i in ctx.res.token_entity and ctx.entity(ctx.res.token_entity[head.i]).type == "Person"):
        toks.append(role_tok.head)
        doc, at = role_tok.doc, role_tok.head.i
        if at >= 2 and doc[at - 1].text == "-" and doc[at - 2].dep_ == role_tok.head.dep_:
            toks.append(doc[at - 2])  # "OpenAI's co-founder and chief executive", "co" taken apart from "founder"
    toks += [c for c in role_tok.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]
    return [c for t in toks for c in t.children]


def _home_country(ctx: Context) -> str | None:
    home = ctx.res.home_government
    return ctx.ont.country_of.get(ctx.entity(home).id) if home is not None else None


def _entity_for(ctx: Context, iri: str) -> int | None:
    return next((i for i, e in enumerate(ctx.res.entities) if e.id == iri), None)


#: How :func:`_role_org` says the organisation is the possessor of an unnamed part the title heads ("head of the
#: Parliament's liberal group"): the holder is a member of it, not its leader.
_PART_OF_POSSESSOR = "a part of its possessor"


def _another_country_beside(ctx: Context, role_tok: Token) -> bool:
    """Return True when the title's sentence names a country other than the article's, or its government: a head
    of state or government named there may head either ("defended the curbs on exports to Freedonia, saying
    President Ana Lima's criticism ...")."""
    home = ctx.res.home_government
    home_country = ctx.ont.country_of.get(ctx.entity(home).id) if home is not None else None
    te = ctx.res.token_entity
    for t in memo.sentence(role_tok):
        if t.i not in te or te[t.i] == home:
            continue
        e = ctx.entity(te[t.i])
        if e.type == "Country" and e.id != home_country or e.type == "GovernmentBody" and e.id in ctx.ont.country_of \
                and ctx.ont.country_of[e.id] != home_country:
            return True
    return False


def _acts_on(ctx: Context, holder: int, target: int, role_tok: Token) -> bool:
    """Return True when the holder of a title does something to ``target`` in the title's sentence ("Prime Minister
    Rishi Sunak urged Israel to ..."): one does not urge, meet or criticise the government one heads."""
    te = ctx.res.token_entity
    for t in memo.sentence(role_tok):
        if te.get(t.i) != holder or t.dep_ not in clause.SUBJECT_DEPS:
            continue
        verb = t.head
        objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}] + [
            o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        if any(o.i in te and target in {te[o.i], ctx.acting((te[o.i], 1.0))[0]} for o in objects):
            return True
    return False


def _role_org(ctx: Context, role_tok: Token, role: RoleTitle, holder: int) -> tuple[list[Ref], str]:
    out: list[Ref] = []
    children = _title_children(ctx, role_tok)
    # "its chief executive Zhao Changpeng": the parser may hang the possessive on the name the title precedes.
    before_title = [c for c in role_tok.head.children if c.dep_ == "poss" and c.i < role_tok.i] \
        if role_tok.dep_ == "compound" and ctx.res.token_entity.get(role_tok.head.i) == holder else []
    for c in children + before_title:
        if c.dep_ == "poss":
            if any(n.dep_ in {"compound", "nmod"} and c.i < n.i < role_tok.i and ctx.res.token_entity.get(n.i) not in
                   {None, holder} and ctx.entity(ctx.res.token_entity[n.i]).type not in {"Person", "Country"}
                   for n in children):
                continue  # "Uganda's Communications Commission executive director": the body named, not its country
            out = [r for r in ctx.refs(c) if r[0] != holder]
            if out:
                return out, "possessor"
    body = _body_in_title(ctx, role_tok)
    if body is not None:
        return [(body, 1.0)], "the body the title is named after"
    inner = [g for c in children if c.dep_ == "compound" and c.i < role_tok.i for g in c.children
             if g.dep_ in {"compound", "nmod", "amod"} and g.i < c.i]
    inner += [c for c in _beside_title(ctx, role_tok) if c.dep_ in {"compound", "nmod"}]
    for c in children + inner:
        # "a Commission spokeswoman", "Anthropic CEO", "Facebook parent firm": a name inside the title.
        if c.dep_ in {"compound", "nmod", "amod"} and c.i < role_tok.i and c.i in ctx.res.token_entity:
            idx = ctx.res.token_entity[c.i]
            e = ctx.entity(idx)
            if role.implies_legislature and e.type in {"Country", "GovernmentBody"}:
                # "US Senator Ted Cruz": the country's chamber whose members carry the title, not its government.
                state_iri = e.id if e.type == "Country" else ctx.ont.country_of.get(e.id)
                seated_in = ctx.ont.legislature_for(" ".join(role.title), state_iri)
                if seated_in is not None:
                    return [(ctx.actor(seated_in), 1.0)], "chamber of the country in the title"
                continue
            if idx != holder and e.type != "Person" and not _portfolio_name(ctx, e):
                return [(idx, ctx.res.token_certainty.get(c.i, 1.0))], "name in the title"
    for c in children:
        if c.dep_ == "prep" and c.lower_ in {"of", "at", "for", "in", "on", "with"}:
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if _is_title(ctx, f"{role_tok.text} {c.lower_} {p.text}"):
                    continue  # "Secretary of State" is one title
                if c.lower_ in {"of", "for"} and p.i in ctx.res.token_entity and \
                        _field_portfolio(ctx, ctx.entity(ctx.res.token_entity[p.i])):
                    continue  # "minister of Science and ICT", "director of Corporate Affairs": a portfolio
                out = [r for r in ctx.refs(p) if r[0] != holder]
                if out and p.i not in ctx.res.token_entity and p.pos_ == "NOUN" and {i for i, _ in out} <= {
                        i for g in p.children if g.dep_ == "poss" for i, _ in ctx.refs(g)}:
                    # "head of the European Parliament's liberal group": an unnamed part of the possessor, which
                    # the holder leads; of the possessor, a member.
                    return out, f"'{c.lower_}' phrase, {_PART_OF_POSSESSOR}"
                if out:
                    if role_tok.dep_ == "appos" and not _bracketed(ctx.doc, role_tok):
                        # "the boss of xAI and the X platform": conjuncts
                        # the parser hung on the name itself.
                        for conj in role_tok.head.children:
                            if conj.dep_ == "conj" and conj.i > role_tok.i:
                                # (never a person: "Elon Musk, owner of X, and Edward Snowden" names a second
                                # speaker, coordinated with the first)
                                out += [r for r in ctx.refs(conj) if r[0] != holder
                                        and ctx.entity(r[0]).type != "Person"]
                    return out, f"'{c.lower_}' phrase"
    if not role.implies_government and role_tok.lower_ in ctx.words("nationalLeaderWord"):
        # "Chinese leader Xi Jinping": a leader a nation's adjective names leads that nation's government (where
        # "opposition leader" or "party leader" names none).
        for c in role_tok.children:
            if c.i < role_tok.i and c.dep_ in {"amod", "compound"} and c.i not in ctx.res.token_entity:
                nation = ctx.government_by_adjective(c.text)
                if nation is not None:
                    return [(nation[0], 1.0)], "country adjective before a leader"
    if role.implies_government:
        for c in role_tok.children:
            if c.i < role_tok.i and c.dep_ in {"compound", "amod", "nmod", "poss"}:
                gov = ctx.res.token_entity.get(c.i)
                if gov is not None and ctx.entity(gov).type == "GovernmentBody":
                    return [(gov, 1.0)], "country in the title"
                by_word = None
                if c.dep_ != "poss":
                    # "South Korean President Yoon": the nationality with the words before it, else alone
                    words = [g.text for g in c.lefts if g.dep_ in {"amod", "compound"} and g.text[:1].isupper()]
                    if words:
                        by_word = ctx.government_by_adjective(" ".join([*words, c.text]))
                    by_word = by_word or ctx.government_by_adjective(c.text)
                if by_word is not None:
                    # "the Italian minister", and outside the registry "the Kenyan president"
                    return [(by_word[0], 1.0)], "country adjective in the title"
                if c.ent_type_ == "NORP" and c.dep_ in {"amod", "compound"}:
                    return [], ""  # another country's title, whichever: not the article's government
        known = [t.object for t in ctx.found if t.subject == holder and t.relation in {"memberOf", "leads"}
                 and ctx.entity(t.object).type == "GovernmentBody" and not t.negated]
        if known:
            # "French Economy Minister Bruno Le Maire ... Minister Le Maire": the government his first title named.
            return [(known[0], ctx.tuning.home_government)], "the government an earlier title of theirs named"
        person = ctx.ont.actors.get(ctx.entity(holder).id) if ctx.entity(holder).registry else None
        if person is not None and person.administration in ctx.ont.actors:
            # "President Donald Trump" in a story about Colombia: the government the registry knows he heads.
            return [(ctx.actor(person.administration), ctx.tuning.home_government)], "the government they head"
        if ctx.res.home_government is not None and not _acts_on(ctx, holder, ctx.res.home_government, role_tok) \
                and not (role.relation == "leads" and _another_country_beside(ctx, role_tok)):
            return [(ctx.res.home_government, ctx.tuning.home_government)], "the article's government"
    if role.implies_legislature:
        for c in [*role_tok.children, *_beside_title(ctx, role_tok)]:
            named = ctx.ont.government_named(c.text) if c.i < role_tok.i and c.dep_ in {"amod", "compound"} else None
            chamber_iri = ctx.ont.legislature_for(" ".join(role.title), ctx.ont.country_of.get(named or ""))
            if chamber_iri is not None:  # "British MP Ada Lowe"
                return [(ctx.actor(chamber_iri), 1.0)], "chamber of the country adjective in the title"
        # Only a chamber the article names: a state senator is no member of the national Senate.
        iri = ctx.ont.legislature_for(" ".join(role.title), _home_country(ctx))
        chamber = _entity_for(ctx, iri) if iri else None
        if chamber is not None:
            return [(chamber, ctx.tuning.home_government)], "the named legislature of the article's country"
    if role.organisation_types:
        # "U.S. District Judge Jo Lee found Apple in contempt", the court named in another sentence: the one body of
        # that kind the article names.
        bodies = {i for i, e in enumerate(ctx.res.entities) if e.type in role.organisation_types and i != holder}
        if len(bodies) == 1:
            return [(bodies.pop(), ctx.tuning.home_government)], "the one such body the article names"
    head = ctx.ont.body_titles.get(role_tok.lower_)
    if head is not None and not any(c.lower_ in {"state", "former"} for c in role_tok.children):
        # "Commissioner Thierry Breton", "the competition commissioner" in a story that names one commission,
        # "Senator Ada Vos" in one that names one senate: a member of the one body the article names that the
        # title is named after (a state senator sits in no national senate).
        bodies = {i for i, e in enumerate(ctx.res.entities) if i != holder and e.type in {
            "Regulator", "GovernmentBody", "Legislature"} and head in e.label.lower().split()}
        if len(bodies) == 1:
            return [(bodies.pop(), ctx.tuning.home_government)], "the one body the article names after the title"
    return [], ""


def _body_in_title(ctx: Context, role_tok: Token) -> int | None:
    """Return the registry body a title is named after, with the capitalised words before it: "European
    Commissioner" sits in the European Commission, "Federal Trade Commissioner" in the Federal Trade Commission."""
    head = ctx.ont.body_titles.get(role_tok.lower_)
    if head is None:
        return None
    mods = sorted((c for c in role_tok.children if c.dep_ in {"amod", "compound"} and c.i < role_tok.i
                   and c.text[:1].isupper()), key=lambda c: c.i)
    mods += [g for c in mods for g in c.children if g.dep_ in {"amod", "compound"} and g.text[:1].isupper()]
    if not mods:
        return None
    words = [t.text for t in sorted(mods, key=lambda t: t.i)]
    iri = ctx.ont.actor_named(" ".join([*words, head]))
    return ctx.actor(iri) if iri is not None else None


def _field_portfolio(ctx: Context, e: Entity) -> bool:
    """Return True for a portfolio's name after a title's "of" or "for": common words naming a field of
    government ("Science and ICT", "Corporate Affairs"); not "Columbia Business School"."""
    return _portfolio_name(ctx, e) and any(w.lower() in ctx.ont.field_words for w in e.label.split())


def _bracketed(doc: Doc, tok: Token) -> bool:
    """Return True when the phrase ``tok`` heads opens with a bracket: "(the parent company of Google)", whose
    phrase ends at the closing bracket, whatever the parser hangs after it."""
    return tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text in {"(", "["}


def _portfolio_name(ctx: Context, e: Entity) -> bool:
    """Return True for a name the NER made of a title's portfolio: a few common words naming no kind of body, no
    registry actor ("Transport and Infrastructure Minister Ada Vos": the minister's portfolio, not an organisation;
    but "Consumer Protection Commission" and "National Security Council", whose last word names a kind of body, are
    ones)."""
    words = e.label.replace(" and ", " ").split()
    bodies = ctx.words("institutionNoun") | set(ctx.ont.description_index)
    return not e.registry and e.type not in {"Country", "GovernmentBody", "Person"} and len(words) <= 3 and \
        all(common_word(w) and w.lower() not in bodies for w in words) and ctx.ont.type_from_name(words[-1]) is None


def _beside_title(ctx: Context, role_tok: Token) -> list[Token]:
    """Return the words before a title that the parser hangs beside it on the name, not on the title:
    "Russian Foreign Ministry Spokeswoman Maria Zakharova", "British MP Ada Lowe"."""
    out: list[Token] = []
    up = role_tok
    while up.dep_ == "compound" and up.head.i != up.i:
        up = up.head
        out += [c for c in up.children if role_tok.i - ctx.tuning.title_span < c.i < role_tok.i]
    return out


def _appointee(ctx: Context, tok: Token) -> Token | None:
    """Return the one a verb of appointing or serving gives the title ``tok``: "was appointed deputy governor of the
    bank", "named Weber chief executive", "who was elected chair of the authority", "serves as deputy governor"."""
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "as" and verb.dep_ == "prep":
        verb = verb.head  # "serves as", "was named as"
    elif tok.dep_ != "oprd":
        return None
    lemma = verb.lemma_.lower()
    if verb.pos_ not in {"VERB", "AUX"} or lemma not in ctx.words("appointingVerb") | ctx.words("servingVerb"):
        return None
    deps = ({"nsubjpass"} if any(c.dep_ == "nsubjpass" for c in verb.children) else {"dobj"}) \
        if lemma in ctx.words("appointingVerb") else {"nsubj"}
    who = next((c for c in verb.children if c.dep_ in deps), None)
    if who is not None and who.lower_ in ctx.words("relativeWord") and verb.dep_ == "relcl":
        who = verb.head  # "Weber, who was elected chair of ...": the one the relative clause is about
    return who


def _holder_token(ctx: Context, tok: Token) -> Token | None:
    """Return the name a role noun is the title of: "CEO Jo Lee", "Jo Lee, the CEO", "Lee is CEO"."""
    doc, known = ctx.doc, ctx.res.token_entity
    if tok.dep_ == "compound" and tok.head.i in known and tok.i not in known:
        return tok.head
    if tok.dep_ == "compound" and tok.head.i in known and tok.i in known and known[tok.i] != known[tok.head.i] and \
            tok.i + 1 < len(doc) and known.get(tok.i + 1) != known[tok.i] and \
            ctx.entity(known[tok.head.i]).type == "Person":
        return tok.head  # "eSafety Commissioner Julie Inman Grant": an office named by its title, before its holder
    if tok.dep_ == "nmod" and tok.head.i in known and tok.i not in known and tok.i < tok.head.i and \
            ctx.entity(known[tok.head.i]).type == "Person":
        return tok.head  # "The UN secretary-general, António Guterres, ...", parsed as a modifier of the name
    if tok.dep_ == "appos" and tok.head.i in known:
        before = tok.left_edge.i - 2
        if before >= 0 and _bracketed(doc, tok) and before in known:
            return doc[before]  # "Amazon, Alphabet (the parent company of Google), ...": the name before the bracket
        # "Francos and Roberto Silva, head of the commission": the apposition the parser hung on the list's first
        # name describes the name right before it.
        last = max((c for c in tok.head.children if c.dep_ == "conj" and c.i < tok.i and c.i in known),
                   key=lambda c: c.i, default=None)
        if last is not None and last.right_edge.i + 2 >= tok.left_edge.i:
            return last
        return tok.head
    if tok.dep_ == "attr" and tok.head.lemma_ in ctx.words("copulaVerb"):
        subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ctx.words("relativeWord") and tok.head.dep_ == "relcl":
            return tok.head.head  # "Weber, who has been a critic of the bank,": the one the relative clause is about
        return subject
    named = _appointee(ctx, tok)
    if named is not None:
        return named
    if tok.dep_ in {"dobj", "pobj", "nsubj"} and tok.i not in known and any(
            c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in tok.children):
        # "sued Live Nation, the owner of Ticketmaster,": the parser may read the apposition as a second object
        # of the same word, right after the name and a comma.
        comma = tok.left_edge.i - 1
        twin = next((c for c in tok.head.children if c.dep_ == tok.dep_ and c.i < tok.i
                     and c.right_edge.i == comma - 1 and c.i in known), None)
        if twin is not None and comma >= 0 and doc[comma].text == ",":
            return twin
    if tok.dep_ == "conj" and tok.head.pos_ in {"NOUN", "PROPN"} and tok.head.i not in known:
        # "the founder and CEO of Telegram": the coordinated title has the same holder.
        return _holder_token(ctx, tok.head)
    holder = next((c for c in tok.children if c.dep_ in {"appos", "compound"} and c.i > tok.i and c.i in known), None)
    if holder is None and ctx.name_after(tok) is not None:
        holder = doc[tok.i + 1]
    if holder is None:
        # "The CEO of Nvidia, Jensen Huang, met ...": the parser may hang the person's name on the organisation.
        holder = next((a for p in tok.children if p.dep_ == "prep" and p.lower_ in {"of", "for", "at"}
                       for o in p.children if o.dep_ == "pobj" for a in o.children if a.dep_ == "appos" and a.i in known
                       and ctx.entity(known[a.i]).type == "Person"), None)
    if holder is None:
        # "Spain's secretary of state for AI Carme Artigas": the parser may read the name as the end of the
        # portfolio's phrase; a person named right after the portfolio's words holds the title.
        holder = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ in {"for", "of"}
                       for o in p.children if o.dep_ == "pobj" and o.i in known and o.i > p.i + 1
                       and ctx.entity(known[o.i]).type == "Person"
                       and not ctx.res.token_entity.get(p.i + 1) == known[o.i]), None)
    return holder


#: Classes of actors one company may own: a "unit" of a ministry is part of it, a "unit" of a company owned.
_COMMERCIAL = frozenset({"Company", "Platform", "MediaOutlet"})


@extractor("role", order=10)
def role_triples(ctx: Context) -> Iterator[Triple]:
    """Titles, appositions and possessive roles ("Meta's chief executive Mark Zuckerberg")."""
    for tok in ctx.tokens:
        if tok.pos_ not in {"NOUN", "PROPN"} or not ctx.ont.may_end_title(_title_end(tok)):
            continue  # the second test is the cheap half of role_for(_role_phrase(tok)) below
        holder_tok = _holder_token(ctx, tok)
        if holder_tok is None or holder_tok.i not in ctx.res.token_entity:
            continue
        if tok.i in ctx.res.token_entity and ctx.res.token_entity[tok.i] == ctx.res.token_entity[holder_tok.i]:
            continue
        role = ctx.ont.role_for(_role_phrase(tok, hyphenated_after=True)) or ctx.ont.role_for(_role_phrase(tok))
        if role is None:
            continue
        if any(c.lower_ in ctx.words("pastRoleWord") for c in tok.children if c.dep_ in {"amod", "advmod"}):
            continue  # a former role is no current membership
        if any(c.lower_ in ctx.words("outsideRoleWord") for c in tok.children if c.dep_ in {"amod", "compound"}
               and c.i < tok.i):
            continue  # "opposition leader", "shadow chancellor": a role facing the government, not in it
        orgs: list[Ref] = []
        how = ""
        for holder, cert in _holders(ctx, tok, holder_tok):
            h_ent = ctx.entity(holder)
            relation = role.relation
            if relation in {"leads", "memberOf"} and h_ent.type != "Person":
                if relation == "leads" or role.implies_government or role.implies_legislature:
                    continue
                relation = "partOf"  # "the Commission, the EU's executive arm"
            if relation == "leads" and (_portfolio(ctx, tok) or _portfolio_words(ctx, tok, role) or any(
                    m.lower_ in ctx.words("deputyWord") for t in _role_tokens(tok) for m in _modifiers(t)) or (
                    tok.i > 0 and ctx.doc[tok.i - 1].lower_ in ctx.words("deputyWord")
                    and ctx.doc[tok.i - 1].dep_ == "compound")):
                # "head of public policy", "trade chief": a part, inside the whole; "deputy governor" (or a flat
                # run of names, "Roskomnadzor Deputy Chief Jo Lee"): second to the one who leads
                relation = "memberOf"
            office = ctx.res.token_entity.get(tok.i)
            if not orgs and office is not None and office != holder and h_ent.type == "Person" and \
                    ctx.entity(office).type in ctx.ont.organisational_classes and relation == "memberOf" and \
                    ctx.entity(office).label.lower().endswith(tok.lower_) and \
                    tok.lower_ not in ctx.words("unitNoun") | ctx.words("subsidiaryTitle"):
                # "Julie Inman Grant, Australia's eSafety Commissioner": the title names an office that is a body
                # of its own; its holder leads it (and, where the title is a government's, sits in that too).
                orgs, how, relation = [(office, 1.0)], "the office the title names", "leads"
                seat = ctx.ont.actors.get(ctx.entity(office).id)
                gov = ctx.ont.government_of.get(seat.jurisdiction or "") if seat is not None else None
                if role.implies_government and seat is not None and gov is not None and gov != seat.iri and (
                        t := ctx.make((holder, cert), "memberOf", (ctx.actor(gov), 1.0), tok, "role",
                                      f"role '{' '.join(role.title)}' ({tok.dep_}) of a government, in the "
                                      "government of the office it names", ctx.tuning.role)):
                    yield t
            if not orgs:
                orgs, how = _role_org(ctx, tok, role, holder)
                if relation == "leads" and how.endswith(_PART_OF_POSSESSOR):
                    relation = "memberOf"
                if h_ent.type == "Person" and not role.implies_legislature:
                    portfolio = _portfolio(ctx, tok) or _portfolio_words(ctx, tok, role)
                    orgs += [e for o in orgs if (e := _executive(ctx, o, role, portfolio)) is not None]
                if not orgs and tok.dep_ in {"compound", "appos", "conj"}:
                    # "Judge James Boasberg of the US District Court"; "Jo Lee, the co-owner
                    # and chief executive, of Acme" where the parser hangs "of" on the name.
                    orgs = [r for r in clause.prep_objects(ctx, holder_tok, {"of", "at"}) if r[0] != holder]
                    how = "'of' phrase on the name"
                if not orgs and h_ent.type == "Person" and role.title[-1] in {"governor", "gov."}:
                    orgs, how = _the_one_state(ctx), "the one state the article names"
                if not orgs and h_ent.type == "Person" and role.holder_class == "Company":
                    orgs, how = _the_sentence_company(ctx, tok, holder), "the one company its sentence names"
            if role.organisation_types:
                orgs = [o for o in orgs if ctx.entity(o[0]).type in role.organisation_types]
            for o in orgs:
                if relation == "partOf" and " ".join(role.title) in ctx.words("subsidiaryTitle") and \
                        h_ent.type in _COMMERCIAL and ctx.entity(o[0]).type in _COMMERCIAL:
                    # "Careem, a subsidiary of Uber", "Google, a unit of Alphabet": a company inside another is
                    # owned by it.
                    t = ctx.make(o, "owns", (holder, cert), tok, "role", f"role '{' '.join(role.title)}' "
                                 f"({tok.dep_}) of one company in another, organisation by {how}", ctx.tuning.role)
                else:
                    t = ctx.make((holder, cert), relation, o, tok, "role",
                                 f"role '{' '.join(role.title)}' ({tok.dep_}), organisation by {how}", ctx.tuning.role)
                if t:
                    t.negated, t.modality = False, "asserted"
                    yield t
                if t and role.implies_government and h_ent.type == "Person":
                    yield from _in_its_government(ctx, (holder, cert), o, tok, role)
    yield from affiliation_triples(ctx)
    yield from portfolio_verbs(ctx)
    yield from occupation_triples(ctx)
    yield from people_of(ctx)
    yield from unit_triples(ctx)
    yield from committee_triples(ctx)
    yield from ministry_triples(ctx)
    yield from portfolio_ministries(ctx)
    yield from under_triples(ctx)


def portfolio_ministries(ctx: Context) -> Iterator[Triple]:
    """A minister whose title names a portfolio leads the one ministry of that portfolio the article names: "Trade
    Minister Budi Santoso" and "the Ministry of Trade", "Finance Minister Lena Brandt" and "the Finance Ministry"."""
    nouns = ctx.words("ministryNoun")
    ministries = [(i, e) for i, e in enumerate(ctx.res.entities)
                  if e.type == "GovernmentBody" and any(n in e.label.lower().split() for n in nouns)]
    if not ministries:
        return
    for tok in ctx.tokens:
        if tok.lemma_.lower() != "minister" or tok.i in ctx.res.token_entity:
            continue
        fields = [c.lower_ for c in tok.children if c.i < tok.i and c.dep_ in {"compound", "amod"}
                  and c.i not in ctx.res.token_entity and c.lower_ in ctx.ont.field_words]
        # "Minister of Science and ICT", "Minister for Digital Affairs": the portfolio's words after the title
        fields += [w.lower_ for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "for"}
                   for p in c.children if p.dep_ == "pobj" for w in p.subtree if w.is_alpha and not w.is_stop
                   and any(x.lower_ in ctx.ont.field_words for x in p.subtree)]
        others = {c.lower_ for c in tok.children if c.dep_ in {"amod", "compound", "advmod"}}
        if not fields or others & (ctx.words("deputyWord") | ctx.words("pastRoleWord")):
            continue  # "Deputy Trade Minister", "former Finance Minister": not the ministry's head today
        found = [i for i, e in ministries if all(f in e.label.lower().split() for f in fields)]
        holder = _holder_token(ctx, tok)
        if len(found) != 1 or holder is None or holder.i not in ctx.res.token_entity:
            continue
        person = ctx.res.token_entity[holder.i]
        if ctx.entity(person).type != "Person":
            continue
        t = ctx.make((person, ctx.res.token_certainty.get(holder.i, 1.0)), "leads", (found[0], 1.0), tok, "role",
                     f"role '{' '.join(fields)} minister' ({tok.dep_}), the one ministry of its portfolio the "
                     "article names", ctx.tuning.role)
        if t:
            t.negated, t.modality = False, "asserted"
            yield t


def under_triples(ctx: Context) -> Iterator[Triple]:
    """A body named as being "under" a person is led by them: "the SEC under Gensler", "Under Ursula von der
    Leyen, the Commission fined Apple" (the subject of the clause the phrase opens)."""
    for tok in ctx.tokens:
        if tok.lower_ != "under" or tok.dep_ != "prep" or tok.pos_ != "ADP":
            continue
        people = [r for c in tok.children if c.dep_ == "pobj" for r in ctx.refs(c)
                  if ctx.entity(r[0]).type == "Person"]
        if not people:
            continue
        head = tok.head
        if head.pos_ in {"VERB", "AUX"}:
            # "Under X, the Commission fined Apple": the clause's doer, when the phrase opens the clause.
            bodies = [r for c in head.children if c.dep_ == "nsubj" and tok.i < c.i for r in ctx.refs(c)]
        else:
            bodies = ctx.refs(head) if head.i in ctx.res.token_entity else []
        for body in bodies:
            if ctx.entity(body[0]).type in {"Person", "Legislation", "AISystem"}:
                continue
            for person in people:
                t = ctx.make(person, "leads", body, tok, "role", "body 'under' a person", ctx.tuning.role)
                if t:
                    t.negated, t.modality = False, "asserted"
                    yield t


def ministry_triples(ctx: Context) -> Iterator[Triple]:
    """A ministry named with its country is part of that country's government: "South Korea's industry ministry",
    "the Canadian foreign ministry" (partOf the government the country acts through)."""
    nouns = ctx.words("ministryNoun")
    for tok in ctx.tokens:
        idx = ctx.res.token_entity.get(tok.i)
        if idx is None or tok.lemma_.lower() not in nouns or \
                ctx.res.token_entity.get(tok.head.i) == idx or ctx.entity(idx).type != "GovernmentBody":
            continue   # not the head noun of a government body's name
        gov: Ref | None = None
        how = ""
        for c in tok.children:
            if c.i > tok.i or c.dep_ not in {"poss", "amod", "compound", "nmod"}:
                continue
            country = next((r for r in ctx.refs(c) if ctx.entity(r[0]).type == "Country"), None)
            if country is not None:
                gov, how = ctx.acting(country), f"country '{c.text}' naming it"
                break
            by_word = ctx.government_by_adjective(c.text) if c.dep_ == "amod" else None
            if by_word is not None:
                gov, how = by_word, f"country adjective '{c.text}'"
                break
        if gov is None or gov[0] == idx:
            continue
        t = ctx.make((idx, ctx.res.token_certainty.get(tok.i, 1.0)), "partOf", gov, tok, "role",
                     f"ministry named by its country ({how})", ctx.tuning.role)
        if t:
            t.negated, t.modality = False, "asserted"
            yield t


def committee_triples(ctx: Context) -> Iterator[Triple]:
    """A committee named after its chamber is part of it: "Senate Commerce Committee", "U.S. House of
    Representatives Committee on Science" (partOf the Senate, the House of the article's country)."""
    country = _home_country(ctx)
    chambers = [a for a in ctx.ont.by_jurisdiction.get(country or "", []) if a.type == "Legislature"]
    first_token: dict[int, Token] = {}
    for tok in ctx.tokens:
        idx = ctx.res.token_entity.get(tok.i)
        if idx is not None and idx not in first_token:
            first_token[idx] = tok
    for idx, tok in first_token.items():
        e = ctx.entity(idx)
        words = e.label.split()
        known = ctx.ont.actors.get(e.id) if e.registry else None
        # The registry's own link stands (it is in the registry graph); a registry entry that gives none, as a
        # curated `kg actors` CSV fed back with --registry, must not lose the link its name gives.
        if (known is not None and known.part_of) or e.type != "Legislature" or \
                not {"committee", "subcommittee"} & {w.lower() for w in words}:
            continue
        label = e.label.lower()
        legislatures = (a for a in ctx.ont.actors.values() if a.type == "Legislature")
        chamber, alias = max(((a, e.label[:len(n)]) for a in legislatures for n in a.names
                              if label.startswith(n.lower() + " ")), key=lambda m: len(m[1]), default=(None, None))
        if chamber is None and len(words) > 1:
            # "Senate ...": the chamber of the article's country whose name ends in that word.
            named = [a for a in chambers if a.label.split()[-1].lower() == words[0].lower()
                     or words[0].lower() in {w.lower() for w in a.label.split()} and words[0] == "House"]
            chamber = named[0] if len(named) == 1 else None
        if chamber is None or chamber.iri == e.id:
            continue
        t = ctx.make((idx, 1.0), "partOf", (ctx.actor(chamber.iri, alias), 1.0), tok, "role",
                     "committee named after its chamber", ctx.tuning.role)
        if t:
            t.negated, t.modality = False, "asserted"
            yield t


def unit_triples(ctx: Context) -> Iterator[Triple]:
    """A named unit inside a body: "the commission's Investigation Bureau", "the Enforcement Division of the
    agency" (partOf). The unit's name must end in a unit noun of the lexicon ("bureau", "division")."""
    units = ctx.words("unitNoun")
    organisational = ctx.ont.organisational_classes
    for tok in ctx.tokens:
        idx = ctx.res.token_entity.get(tok.i)
        if idx is None or tok.lemma_.lower() not in units and tok.lower_ not in units:
            continue
        if ctx.res.token_entity.get(tok.head.i) == idx or ctx.entity(idx).type not in organisational:
            continue  # not the head of the unit's name, or a person
        owners = [r for c in tok.children if c.dep_ == "poss" for r in ctx.refs(c)]
        how = "possessor"
        if not owners:
            owners, how = clause.prep_objects(ctx, tok, {"of"}), "'of' phrase"
        for owner in owners:
            if owner[0] == idx or ctx.entity(owner[0]).type not in organisational:
                continue
            t = ctx.make((idx, 1.0), "partOf", owner, tok, "role", f"unit '{tok.text}' of its {how}",
                         ctx.tuning.role)
            if t:
                t.negated, t.modality = False, "asserted"
                _qualify(ctx.entity(idx), ctx.entity(t.object))
                yield t


def _qualify(unit: Entity, whole: Entity) -> None:
    """Give a unit the registry lacks an IRI under its whole's: every agency has an "Enforcement Division",
    and one IRI must not stand for them all."""
    if unit.registry or unit.id.startswith(whole.id + "-"):
        return
    base, _, local = unit.id.rpartition("/")
    unit.id = f"{whole.id}-{local}" if base else unit.id


def _the_one_state(ctx: Context) -> list[Ref]:
    """Return the government of the one federal state or province the article names ("Gov. Gavin Newsom" in a
    story set in California), or nothing when it names none or several."""
    from kg.extraction.recognise import is_subdivision_name

    states = {i for i, e in enumerate(ctx.res.entities) if e.type == "Country" and is_subdivision_name(e.label)}
    if len(states) != 1:
        return []
    return [ctx.acting((states.pop(), ctx.tuning.description))]


def _the_sentence_company(ctx: Context, tok: Token, holder: int) -> list[Ref]:
    """Return the one company the sentence of a company title names, for a title that names none: "Unilever said
    chief executive Hein Schumacher would step down" (two companies named: neither)."""
    found = {ctx.res.token_entity[t.i] for t in memo.sentence(tok) if t.i in ctx.res.token_entity}
    companies = [i for i in found if i != holder and ctx.entity(i).type in {"Company", "Organisation"}]
    return [(companies[0], ctx.tuning.description)] if len(companies) == 1 else []


def _in_its_government(ctx: Context, holder: Ref, org: Ref, tok: Token, role: RoleTitle) -> Iterator[Triple]:
    """Yield the membership of the government a minister's department is part of: "Canadian Heritage Minister
    Pascale St-Onge" sits in the department and in the Canadian government."""
    actor = ctx.ont.actors.get(ctx.entity(org[0]).id)
    gov = actor.part_of if actor is not None else None
    if actor is None or gov is None or gov not in ctx.ont.country_of or gov == actor.iri:
        return
    t = ctx.make(holder, "memberOf", (ctx.actor(gov), org[1]), tok, "role", f"role '{' '.join(role.title)}' "
                 f"({tok.dep_}) in a department, in the government the department is part of", ctx.tuning.role)
    if t:
        t.negated, t.modality = False, "asserted"
        yield t


def _executive(ctx: Context, org: Ref, role: RoleTitle, portfolio: bool = False) -> Ref | None:
    """Return the body a union's office holder also sits in when the title names it: an "EU competition
    commissioner" is a member of the EU and of the European Commission, and so is the holder of a portfolio
    ("EU trade chief", "EU tech chief": the commissioner for it)."""
    actor = ctx.ont.actors.get(ctx.entity(org[0]).id)
    if actor is None or actor.executive is None:
        return None
    body = ctx.ont.actors[actor.executive].label.split()[-1].lower()
    if not role.title[-1].lower().startswith(body) and not portfolio:
        return None
    return ctx.actor(actor.executive), org[1]


def _holders(ctx: Context, tok: Token, holder_tok: Token) -> list[Ref]:
    """Return the holder of a title, and for a plural title ("Senators A and B") every coordinated person."""
    cert = ctx.res.token_certainty.get(holder_tok.i, 1.0)
    first = (ctx.res.token_entity[holder_tok.i], cert)
    if tok.tag_ not in {"NNS", "NNPS"}:
        return [first]
    people = [r for r in ctx.refs(holder_tok) if ctx.entity(r[0]).type == "Person"]
    return people or [first]


def portfolio_verbs(ctx: Context) -> Iterator[Triple]:
    """Leading a portfolio at an organisation is working in it: "Adam Presser, who leads trust and safety at
    TikTok", "she heads policy at Meta" (what is led is no actor; the organisation is named by "at" or "of")."""
    for tok in ctx.tokens:
        if tok.pos_ != "VERB":
            continue
        if "leads" not in ctx.ont.verb_relations(tok.lemma_, tok.lower_):
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if not objs or ctx.refs(objs[0]):
            continue
        orgs = clause.prep_objects(ctx, objs[0], {"at", "of"}) or clause.prep_objects(ctx, tok, {"at"})
        orgs = [o for o in orgs if ctx.entity(o[0]).type in ctx.ont.organisational_classes]
        if not orgs:
            continue
        people, how = clause.subjects(ctx, tok)
        for p in people:
            if ctx.entity(p[0]).type != "Person":
                continue
            for o in orgs:
                t = ctx.make(p, "memberOf", o, tok, "role", f"leading a portfolio ('{tok.lemma_} "
                             f"{objs[0].text}') at an organisation, holder by {how}", ctx.tuning.role)
                if t:
                    yield t


def occupation_triples(ctx: Context) -> Iterator[Triple]:
    """An occupation in apposition to a person, at an organisation: "Sam Patel, an economist with the Brookings
    Institution", "Jo Lee, a senior technologist at the ACLU" (memberOf), for a noun no role title lists."""
    te = ctx.res.token_entity
    for tok in ctx.tokens:
        if tok.dep_ != "appos" or tok.pos_ != "NOUN" or not tok.is_lower or tok.i in te:
            continue
        if ctx.ont.role_for(tok.lemma_) is not None or ctx.ont.description_classes(tok.lemma_.lower()):
            continue  # a title the role rules read, or a description of an organisation ("the firm")
        holder = te.get(tok.head.i)
        if holder is None or ctx.entity(holder).type != "Person" or not any(
                c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children):
            continue
        orgs = [r for r in clause.prep_objects(ctx, tok, {"at", "with", "for"})
                if ctx.entity(r[0]).type in ctx.ont.organisational_classes]
        for o in orgs:
            t = ctx.make((holder, ctx.res.token_certainty.get(tok.head.i, 1.0)), "memberOf", o, tok, "role",
                         f"occupation '{tok.lemma_}' in apposition, at its organisation", ctx.tuning.role)
            if t:
                t.negated, t.modality = False, "asserted"
                yield t


def people_of(ctx: Context) -> Iterator[Triple]:
    """A person named with the organisation they come from: "said Anna Weber of the Molly Rose Foundation", "Peter
    Dutton, of the Liberal Party," (memberOf; a place after "of" names no organisation)."""
    te = ctx.res.token_entity
    for tok in ctx.tokens:
        holder = te.get(tok.i)
        if holder is None or ctx.entity(holder).type != "Person" or te.get(tok.head.i) == holder:
            continue  # (the head word of the person's name only)
        for p in tok.children:
            if p.dep_ != "prep" or p.lower_ not in {"of", "from"} or p.i < tok.i:
                continue
            orgs = [r for o in p.children if o.dep_ == "pobj" for r in ctx.refs(o)
                    if ctx.entity(r[0]).type in ctx.ont.organisational_classes and r[0] != holder]
            for o in orgs:
                t = ctx.make((holder, ctx.res.token_certainty.get(tok.i, 1.0)), "memberOf", o, p, "role",
                             f"person '{p.lower_}' an organisation", ctx.tuning.role)
                if t:
                    t.negated, t.modality = False, "asserted"
                    yield t
        yield from _possessed_person(ctx, tok, holder)


def _possessed_person(ctx: Context, tok: Token, holder: int) -> Iterator[Triple]:
    """A person named with an organisation's possessive among a title's examples holds that title there: "chief
    executives such as Vexa's Tom Hale", "CEOs like Meta's Mark Zuckerberg" (leads). Alone ("Nvidia's Jensen
    Huang") the possessive says they belong, not how: often the boss, so no relation is guessed."""
    orgs = [r for c in tok.children if c.dep_ == "poss" and c.i < tok.i for r in ctx.refs(c)
            if ctx.entity(r[0]).type in ctx.ont.organisational_classes and r[0] != holder]
    if not orgs:
        return
    relation, how = "", ""
    up = tok
    while up.dep_ == "conj":
        up = up.head
    such_as = up.head.lower_ == "as" and up.head.i > 0 and ctx.doc[up.head.i - 1].lower_ == "such"
    if up.dep_ == "pobj" and (up.head.lower_ == "like" or such_as):
        # the plural title right before "like" or "such as", wherever the parser hangs the phrase
        at = up.head.i - (2 if such_as else 1)
        title = ctx.doc[at] if at >= 0 else up.head
        words = [t.lemma_.lower() for t in title.lefts if t.dep_ in {"amod", "compound"}] + [title.lemma_.lower()]
        role = ctx.ont.role_for(" ".join(words)) or ctx.ont.role_for(title.lemma_.lower())
        if title.tag_ == "NNS" and role is not None and role.relation in {"leads", "memberOf"}:
            relation, how = role.relation, f"one of the '{title.lemma_}' its sentence names, by possessive"
    if not relation:
        return
    for o in orgs:
        t = ctx.make((holder, ctx.res.token_certainty.get(tok.i, 1.0)), relation, o, tok, "role", how,
                     ctx.tuning.role)
        if t:
            t.negated, t.modality = False, "asserted"
            yield t


def affiliation_triples(ctx: Context) -> Iterator[Triple]:
    """Party membership: "Ron Wyden, a Democrat", "Republican Senator Jo Lee", "Jo Lee (R-TX)", "Lee, D-Ohio"."""
    country = _home_country(ctx)
    seen: set[tuple[int, int]] = set()
    doc = ctx.doc
    texts = [t.text for t in ctx.tokens]  # (each word's text read once, not once per word beside it)
    party_words = ctx.ont.party_words
    for tok in ctx.tokens:
        holder_tok: Token | None = None
        party: str | None = None
        how = ""
        alias = ""
        i, text = tok.i, texts[tok.i]
        if i in ctx.res.token_entity and ctx.entity(ctx.res.token_entity[i]).type == "Person":
            code = _party_tag(doc, tok)
            if code:
                parties = ctx.ont.parties(code=code, country=country)
                party, holder_tok, how = (parties[0] if len(parties) == 1 else None), tok, f"tag '{code}-'"
                alias = code
        pair = f"{texts[i - 1]} {text}" if i > 0 else ""
        if pair and i - 1 not in ctx.res.token_entity and pair in party_words:
            words = [pair]  # "Liberal Democrat MP": the longer member noun, not "Democrat"
        elif i + 1 < len(texts) and f"{text} {texts[i + 1]}" in party_words:
            words = []  # "Liberal" of "Liberal Democrat": read at "Democrat"
        else:
            words = [w for w in (text, _adjective_noun(text)) if w]
        if party is None and words and tok.pos_ in {"NOUN", "PROPN", "ADJ"} and i not in ctx.res.token_entity \
                and any(w in party_words for w in words):
            parties = []
            for noun in dict.fromkeys(words):
                parties = _parties_for(ctx, noun, country) if noun else []
                if parties:
                    break
            if len(parties) == 1:
                holder_tok = _party_holder(ctx, tok)
                party, how = parties[0], f"member noun '{tok.text}'"
                alias = tok.text
        if party is None or holder_tok is None or holder_tok.i not in ctx.res.token_entity:
            continue
        holder = ctx.res.token_entity[holder_tok.i]
        if ctx.entity(holder).type != "Person":
            continue
        p_idx = ctx.actor(party, alias)
        h_ref = (holder, ctx.res.token_certainty.get(holder_tok.i, 1.0))
        if (holder, p_idx) not in seen:
            seen.add((holder, p_idx))
            t = ctx.make(h_ref, "memberOf", (p_idx, 1.0), tok, "role", f"party affiliation by {how}",
                         ctx.tuning.role)
            if t:
                t.negated, t.modality = False, "asserted"
                yield t
        if tok is not holder_tok:
            # "a Democrat on the budget committee": the body the member sits on.
            for body in clause.prep_objects(ctx, tok, {"on", "in", "of"}):
                t = ctx.make(h_ref, "memberOf", body, tok, "role", f"party member noun '{tok.text}' on a body",
                             ctx.tuning.role)
                if t and ctx.entity(body[0]).type in {"Legislature", "GovernmentBody", "Organisation"}:
                    t.negated, t.modality = False, "asserted"
                    yield t


def _parties_for(ctx: Context, noun: str, home: str | None) -> list[str]:
    """Return the parties whose members ``noun`` names: the home country's; when it has none by that name, those
    of the other countries the article names ("US lawmakers ... a Democrat" in a report about Britain)."""
    parties = ctx.ont.parties(noun=noun, country=home)
    if parties or home is None:
        return parties
    named = {e.id if e.type == "Country" else ctx.ont.country_of.get(e.id) for e in ctx.res.entities}
    named.discard(home)
    return [p for c in sorted(c for c in named if c) for p in ctx.ont.parties(noun=noun, country=c)
            if ctx.ont.actors[p].jurisdiction == c]


def _adjective_noun(adj: str) -> str | None:
    # "Democratic senator" -> the member noun "Democrat"; "Republican" is both.
    return adj[:-2] if adj.endswith("ic") and adj[:1].isupper() else adj if adj[:1].isupper() else None


def _party_holder(ctx: Context, tok: Token) -> Token | None:
    """Return the person a party member noun describes: appositive, predicate, or modifier of a title."""
    known = ctx.res.token_entity
    if tok.dep_ == "appos" and tok.head.i in known:
        return tok.head
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        return next((c for c in tok.head.children if c.dep_ == "nsubj" and c.i in known), None)
    if tok.dep_ in {"amod", "compound"}:
        head = tok.head
        if head.i in known:
            return head
        # "Republican Senator Jo Lee": the title's holder.
        return _holder_token(ctx, head) if ctx.ont.role_for(head.lemma_) is not None else None
    return None


def _party_tag(doc, tok: Token) -> str | None:  # noqa: ANN001 - a spaCy Doc
    """Return the party letter of a US-style tag right after a name: "(R-TX)", ", D-San Jose,"."""
    if tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I":
        return None  # not the last word of the name
    rest = doc[tok.i + 1: tok.i + 9].text
    import re

    m = re.match(r"\s*[(,]\s*([A-Z])\s*[-–.]\s*[A-Z][A-Za-z. ]*[),]", rest)
    return m.group(1) if m else None
