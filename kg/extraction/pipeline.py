"""The extraction pipeline: an :class:`~kg.sources.read.Article` in, an :class:`Extraction` out.

Runs the stages in order (recognise, resolve, relate) over one parse of the
article, and gives the result in the JSON shape of the evaluation contract.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.extraction.chunks import CHUNK_CHARS, join_parses, split_for_parser
from kg.extraction.recognise import pipeline, recognise, sentence_cased_headline, with_text
from kg.extraction.relate import Triple, extract_triples
from kg.extraction.resolve import Entity, Resolution, resolve
from kg.sources.article import Article
from kg.vocabulary.ontology import Ontology, load_ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "policy-kg/0.1.0"


def _ordered_aliases(aliases: set[str], label: str) -> list[str]:
    """Return an entity's other names, names before descriptions and the longer names first."""
    def order(alias: str) -> tuple[bool, int, str]:
        described = alias[:1].islower() or alias.split(" ", 1)[0].lower() in {"the", "a", "an"}
        return described, -len(alias.split()), alias

    return sorted((a for a in aliases if a != label), key=order)


@dataclass
class Extraction:
    """What one article says: its entities and the statements between them."""

    article: Article
    entities: list[Entity]
    triples: list[Triple]
    #: Per entity (by position), the character spans [start, end) of the words that refer to it, names and
    #: references alike, in the text analysed (:attr:`Article.body`: the title, a blank line, the text).
    mentions: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    def to_json(self, *, explain: bool = False) -> dict[str, Any]:
        """Return the document ``kg extract --format json`` prints (GUIDE.md's contract).

        Beyond the contract's keys, each entity has ``mentions`` (``[start, end]`` character spans) and each
        triple ``sentence_start``/``sentence_end``, offsets in the text analysed: the title, a blank line and
        the text (``article.body``), so annotation tools can show and correct them.
        """
        ents = self.entities
        out_entities = [
            {"id": e.id, "label": e.label, "type": e.type,
             # Names before descriptions, and the names that say most first: "Nigerian Government" before the bare
             # "Nigeria" it also answers to, and both before "the government".
             "aliases": _ordered_aliases(e.aliases, e.label),
             "mentions": [list(span) for span in self.mentions.get(i, [])]}
            for i, e in enumerate(self.entities)
        ]
        out_triples = []
        for t in self.triples:
            row: dict[str, Any] = {
                "subject": ents[t.subject].label, "relation": t.relation, "object": ents[t.object].label,
                "subject_type": ents[t.subject].type, "object_type": ents[t.object].type,
                "sentence": t.sentence.text.strip(), "negated": t.negated, "modality": t.modality,
                "confidence": t.confidence, "extractor": t.extractor,
                "sentence_start": t.sentence.start_char, "sentence_end": t.sentence.end_char,
            }
            if explain:
                row["rule"] = t.rule
                row["trigger"] = t.sentence.doc[t.trigger].text
            out_triples.append(row)
        return {"article": {"id": self.article.id, "title": self.article.title, "date": self.article.date,
                            "source": self.article.source, "url": self.article.url, "path": self.article.path},
                "entities": out_entities, "triples": out_triples}


def analyse(article: Article, doc: Doc, ont: Ontology, *, disabled: Iterable[str] = (),
            min_confidence: float = 0.0) -> Extraction:
    """Return the extraction for ``article`` given its parse ``doc``."""
    mentions = recognise(doc, ont)
    res: Resolution = resolve(doc, mentions, ont, dateline=article.dateline)
    triples = extract_triples(doc, res, ont, disabled=disabled, min_confidence=min_confidence)
    entities = res.entities + credited_agencies(article, res.entities, ont)
    return Extraction(article, entities, triples, mention_spans(doc, res.token_entity))


def credited_agencies(article: Article, entities: list[Entity], ont: Ontology) -> list[Entity]:
    """Return the news agencies the story's dateline credits ("LONDON (Reuters) -") that the text does not
    name again, as media outlets of the article (the registry's, else under the IRI the name mints)."""
    from kg.sources.article import slug
    from kg.vocabulary.namespace import PKID

    have = {e.id for e in entities}
    out: list[Entity] = []
    for name in article.agencies:
        iri = ont.actor_named(name)
        actor = ont.actors.get(iri or "")
        if actor is not None and actor.type != "MediaOutlet":
            continue  # a credit that names something else ("(Sept 5)" is no agency)
        e = Entity(actor.iri, actor.label, actor.type, {actor.label, name}, registry=True, typed_by="registry") \
            if actor is not None else Entity(str(PKID[slug(name)]), name, "MediaOutlet", {name}, typed_by="cue")
        if e.id not in have:
            have.add(e.id)
            out.append(e)
    return out


def mention_spans(doc: Doc, token_entity: dict[int, int]) -> dict[int, list[tuple[int, int]]]:
    """Return, per entity, the character spans of the runs of adjacent tokens that refer to it, in text order."""
    spans: dict[int, list[tuple[int, int]]] = {}
    previous: tuple[int, int] | None = None   # (token index, entity) of the run being extended
    for i in sorted(token_entity):
        entity, token = token_entity[i], doc[i]
        end = token.idx + len(token.text)
        if previous == (i - 1, entity):
            start, _ = spans[entity][-1]
            spans[entity][-1] = (start, end)
        else:
            spans.setdefault(entity, []).append((token.idx, end))
        previous = (i, entity)
    return spans


def parse_articles(articles: Iterable[Article], *, model: str | None = None,
                   batch_size: int = 16) -> Iterator[tuple[Article, Doc]]:
    """Yield each article with its parse, parsing in batches with ``nlp.pipe``; a long article is parsed in
    pieces (as ingest parses it, :func:`~kg.extraction.chunks.split_for_parser`) joined into one document."""
    nlp = pipeline(model)
    ont = load_ontology()
    items = list(articles)
    limit = max(1000, min(CHUNK_CHARS, nlp.max_length - 1))
    pieces = [split_for_parser(a.body, limit) for a in items]
    # A headline in title case is parsed as a sentence would be written ("Ofcom fines TikTok over ..."), and its
    # words given back as written: the parser reads a line of capitals as one long name.
    read = [[sentence_cased_headline(text, ont) if n == 0 and article.title else text
             for n, text in enumerate(texts)] for article, texts in zip(items, pieces, strict=True)]
    docs = iter(nlp.pipe((text for texts in read for text in texts), batch_size=batch_size))
    for article, texts, as_read in zip(items, pieces, read, strict=True):
        parsed = [with_text(next(docs), text) if text != again else next(docs)
                  for text, again in zip(texts, as_read, strict=True)]
        yield article, parsed[0] if len(parsed) == 1 else join_parses(parsed)


def extract_articles(articles: Iterable[Article], *, model: str | None = None, disabled: Iterable[str] = (),
                     min_confidence: float = 0.0, batch_size: int = 16) -> Iterator[Extraction]:
    """Yield one :class:`Extraction` per article."""
    ont = load_ontology()
    disabled = tuple(disabled)
    for article, doc in parse_articles(articles, model=model, batch_size=batch_size):
        yield analyse(article, doc, ont, disabled=disabled, min_confidence=min_confidence)
