"""The ``reason`` extractor: punishing someone for a wrong accuses them of it.

"Paxton is suing Google for violating privacy law", "the FTC fined Acme for allegedly misleading customers",
"investigating Meta for allegedly abusing its dominance": whoever sues someone *for* a deed (a gerund, or a noun
of wrongdoing) says they did it, and so does whoever fines, bans, orders or investigates them for a deed the text
marks as alleged. A fine for a deed stated as fact is the finding itself (the target violates the rule it
broke, which the verb extractor reads), not a further accusation. The accusation
takes the punishment's negation and modality ("would fine X for ..." accuses conditionally), at a confidence
below the punishment's own. Runs late: it reads what the other extractors found (``ctx.found``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extraction.relate.api import Context, Triple
from kg.extraction.relate.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Punishments that say their target did what they are punished for.
_PUNISHING = frozenset({"fines", "sues", "bans", "orders"})


def reason(ctx: Context, trigger: Token) -> Token | None:
    """Return the deed a punishment is "for": the gerund or wrongdoing noun of a "for" phrase on the trigger, on
    its object, or on the phrase it heads ("fined X for misleading", "an order against X for breaching")."""
    wrongs = {n for rel in ("violates", "accuses") for n, _ in ctx.ont.relations[rel].nouns}
    heads = [trigger]
    if trigger.pos_ == "NOUN" and trigger.head.pos_ == "VERB":
        heads.append(trigger.head)   # "issued an order against X for breaching it": the light verb carries "for"
    places = [*heads, *(c for h in heads for c in h.children if c.dep_ in {"dobj", "pobj", "prep"})]
    places += [g for h in heads for c in h.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for place in places:
        for prep in place.children:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            for deed in prep.children:
                if deed.dep_ == "pcomp" and deed.tag_ == "VBG":
                    return deed
                if deed.dep_ == "pobj" and (deed.lemma_.lower() in wrongs or
                                            deed.lemma_.lower() in ctx.words("wrongdoingNoun")):
                    return deed
    return None


def _alleged(ctx: Context, deed: Token) -> bool:
    return any(t.lower_ in ctx.words("allegedWord") for t in deed.subtree) or any(
        t.lower_ in ctx.words("allegedWord") for t in deed.head.children)


@extractor("reason", late=True, order=60)
def reason_triples(ctx: Context) -> Iterator[Triple]:
    """Suing someone for a deed, punishing them for an alleged one or criticising them for a wrong accuses them
    of it; an order to stop doing something bans it; an enforcer's charges sue."""
    made: set[tuple[int, int, int]] = set()
    for t in list(ctx.found):
        if t.relation not in _PUNISHING and t.relation not in {"investigates", "criticises"}:
            continue
        trigger = ctx.doc[t.trigger]
        deed = reason(ctx, trigger)
        if deed is None:
            continue
        if t.relation == "criticises":
            # "slammed Meta for misleading parents": criticism for a wrong says the wrong was done.
            if deed.lemma_.lower() not in ctx.words("wrongdoingCue"):
                continue
        elif t.relation != "sues" and not _alleged(ctx, deed):
            continue  # a suit says what it is for; a fine or an order for a deed accuses only of an alleged one
        key = (t.subject, t.object, t.sentence.start)
        if key in made:
            continue
        made.add(key)
        a = ctx.make((t.subject, 1.0), "accuses", (t.object, 1.0), trigger, "reason",
                     f"{t.relation} ({t.rule}) for '{deed.text}'", t.confidence * ctx.tuning.shared_subject)
        if a is not None:
            a.negated, a.modality = t.negated, t.modality
            yield a
    yield from stopping_orders(ctx)
    yield from prosecutions(ctx)


def _stops_business(ctx: Context, stop: Token) -> bool:
    """Return True when what is to stop is the firm's business ("stop onboarding customers", "cease sales", "halt
    operations", "stop operating"), not one of its practices ("stop processing data", "halt shipments to Sophgo")."""
    words = ctx.words("businessWord")
    done = [c for c in stop.children if c.dep_ in {"dobj", "xcomp", "pcomp"}]
    done += [g for c in done if c.tag_ == "VBG" for g in c.children if g.dep_ == "dobj"]
    return any(c.lemma_.lower() in words or c.lower_ in words for c in done)


def stopping_orders(ctx: Context) -> Iterator[Triple]:
    """An order to stop doing something bans it: "the RBI told Mastercard to stop onboarding customers", "Ofcom
    ordered Acme to cease sales" (``pk:stopVerb``): the one ordering bans the one ordered."""
    stops = ctx.words("stopVerb")
    for t in list(ctx.found):
        if t.relation != "orders":
            continue
        trigger = ctx.doc[t.trigger]
        stop = next((c for c in trigger.children if c.dep_ == "xcomp" and c.lemma_.lower() in stops), None)
        if stop is None or not _stops_business(ctx, stop):
            continue
        b = ctx.make((t.subject, 1.0), "bans", (t.object, 1.0), trigger, "reason",
                     f"order to stop ({t.rule})", t.confidence * ctx.tuning.shared_subject)
        if b is not None:
            b.negated, b.modality = t.negated, t.modality
            yield b



def prosecutions(ctx: Context) -> Iterator[Triple]:
    """Charges an enforcing body brings are legal action against the one charged: "the SEC filed charges against
    Binance", "the Justice Department indicted two hackers" (``pk:chargeWord``) -> it sues them as well as accusing
    them. What a person or a company calls a charge is an accusation only."""
    charges = ctx.words("chargeWord")
    for t in list(ctx.found):
        trigger = ctx.doc[t.trigger]
        if t.relation != "accuses" or trigger.lemma_.lower() not in charges or \
                ctx.entity(t.subject).type not in ctx.ont.enforcer_classes:
            continue
        s = ctx.make((t.subject, 1.0), "sues", (t.object, 1.0), trigger, "reason", f"charges brought ({t.rule})",
                     t.confidence * ctx.tuning.shared_subject)
        if s is not None:
            s.negated, s.modality = t.negated, t.modality
            yield s
