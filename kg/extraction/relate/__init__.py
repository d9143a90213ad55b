"""Relate stage: statements (subject, relation, object) read off the dependency parse.

Part of :mod:`kg.extraction`; it may import :mod:`kg.extraction.resolve`, :mod:`kg.extraction.recognise`
and the layers below extraction.

Extractors are registered by name (:mod:`kg.extraction.relate.registry`), like spaCy
factories, and each yields :class:`Triple` objects for one parsed article
through the small API of :class:`Context` (:mod:`kg.extraction.relate.api`). Clause
syntax is in :mod:`kg.extraction.relate.clause`, negation and modality in
:mod:`kg.extraction.relate.modality`, numbers in :mod:`kg.extraction.tuning`. Built-ins, one
module each:

- ``verb`` (:mod:`kg.extraction.relate.verb`): a trigger verb or phrase with its subject
  and object, in active and passive voice, through coordination, control
  verbs, relative clauses, reduced relatives and participles;
- ``noun`` (:mod:`kg.extraction.relate.noun`): an event noun with its arguments ("launched
  an investigation into X", "Musk's criticism of the Government");
- ``role`` (:mod:`kg.extraction.relate.role`): titles and appositions ("Technology
  Secretary Liz Kendall", "Mark Zuckerberg, Meta's chief executive");
- ``speech`` (:mod:`kg.extraction.relate.speech`): a speaker criticises the actor
  their reported words run down ("said the ruling was unfair");
- ``reason`` (:mod:`kg.extraction.relate.reason`, runs last): suing someone for a deed, or punishing them for
  an alleged one, accuses them of it ("sued Acme for misleading customers");
- ``implied`` (:mod:`kg.extraction.relate.implied`, runs late): the actor the text leaves
  implicit: agentless passives ("Acme was fined"), stances toward a decision
  ("Meta will appeal the ruling"), deadlines ("gave Google 60 days to ...").

Every triple carries negation, modality (asserted, conditional, hedged,
intended), a confidence, and the rule that produced it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.errors import KGError
from kg.extraction.relate import implied, noun, reason, role, speech, verb  # noqa: F401  (registers the built-in extractors)
from kg.extraction.relate.api import Context, Ref, Triple
from kg.extraction.relate.modality import MODALITIES
from kg.extraction.relate.registry import Registered, extractor, registered
from kg.extraction.resolve import Resolution
from kg.extraction.resolve.entities import GOVERNMENT_SUFFIX, unlisted_government
from kg.vocabulary.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["EXTRACTORS", "MODALITIES", "Context", "Ref", "Registered", "Triple", "extract_triples", "extractor",
           "registered"]


def __getattr__(name: str) -> dict[str, Registered]:
    # EXTRACTORS is computed on access, so plugins registered later are listed.
    if name == "EXTRACTORS":
        return registered()
    raise AttributeError(name)


def extract_triples(doc: Doc, res: Resolution, ont: Ontology, *, disabled: Iterable[str] = (),
                    min_confidence: float = 0.0) -> list[Triple]:
    """Return the triples every enabled extractor finds, duplicates within a sentence removed."""
    extractors = registered()
    unknown = set(disabled) - set(extractors)
    if unknown:
        raise KGError(f"unknown extractor(s) {', '.join(sorted(unknown))}; known: {', '.join(extractors)}")
    ctx = Context(doc, res, ont)
    seen: dict[tuple[int, str, int, int], Triple] = {}
    for name, reg in extractors.items():
        if name in disabled:
            continue
        ctx.clear_cache()  # references may read what the previous extractors found
        for t in reg.func(ctx):
            ctx.found.append(t)
            if t.confidence < min_confidence:
                continue
            key = (t.subject, t.relation, t.object, t.sentence.start)
            if key not in seen or seen[key].confidence < t.confidence:
                seen[key] = t
    triples = sorted(seen.values(), key=lambda t: (t.sentence.start, t.trigger))
    triples = fold_acting_countries(ctx, triples)
    one_node_per_state(ctx)
    return triples


def one_node_per_state(ctx: Context) -> None:
    """Give a country named only as a place the IRI of its state's government, so a state is one node across a
    corpus whether an article names it as a place or as an actor (the store writes the country as a node of its
    own, linked to the government: :func:`kg.store.load.entity_iris`)."""
    for e in ctx.res.entities:
        if e.type != "Country":
            continue
        gov = ctx.ont.government_of.get(e.id)
        e.id = gov if gov is not None else (
            e.id if e.id.endswith(GOVERNMENT_SUFFIX) else unlisted_government(e.id, e.label, None)[0])


def fold_acting_countries(ctx: Context, triples: list[Triple]) -> list[Triple]:
    """Fold a country that acts in the article into its government; one only named as a place (or as what a
    president leads) stays a Country. Rewrites ``ctx.res`` and the triples' entity indexes."""
    res = ctx.res
    acting_govs = {i for t in triples if ctx.ont.relations[t.relation].group != "structure"
                   for i in (t.subject, t.object)}
    folded = {c: g for c, g in ctx.stand_ins.items() if g in acting_govs}
    if not folded:
        return triples
    keep = [i for i in range(len(res.entities)) if i not in folded]
    new_index = {old: n for n, old in enumerate(keep)}
    remap = {i: new_index[folded.get(i, i)] for i in range(len(res.entities))}
    for c, g in folded.items():
        res.entities[g].aliases |= res.entities[c].aliases
    res.entities[:] = [res.entities[i] for i in keep]
    res.token_entity = {t: remap[i] for t, i in res.token_entity.items()}
    res.groups = {t: list(dict.fromkeys(remap[i] for i in m)) for t, m in res.groups.items()}
    if res.home_government is not None:
        res.home_government = remap[res.home_government]
    for t in triples:
        t.subject, t.object = remap[t.subject], remap[t.object]
    return triples
