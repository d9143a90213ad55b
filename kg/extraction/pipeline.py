"""The extraction pipeline: an :class:`~kg.sources.read.Article` in, an :class:`Extraction` out.

Runs the stages in order (recognise, resolve, relate) over one parse of the
article, and gives the result in the JSON shape of the evaluation contract.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.extraction.chunks import CHUNK_CHARS, join_parses, split_for_parser
from kg.extraction.recognise import pipeline, recognise
from kg.extraction.relate import Triple, extract_triples
from kg.extraction.resolve import Entity, Resolution, resolve
from kg.sources.article import Article
from kg.vocabulary.ontology import Ontology, load_ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "policy-kg/0.1.0"


@dataclass
class Extraction:
    """What one article says: its entities and the statements between them."""

    article: Article
    entities: list[Entity]
    triples: list[Triple]

    def to_json(self, *, explain: bool = False) -> dict[str, Any]:
        """Return the document ``kg extract --format json`` prints (GUIDE.md's contract)."""
        ents = self.entities
        out_entities = [
            {"id": e.id, "label": e.label, "type": e.type,
             "aliases": sorted(a for a in e.aliases if a != e.label)}
            for e in self.entities
        ]
        out_triples = []
        for t in self.triples:
            row: dict[str, Any] = {
                "subject": ents[t.subject].label, "relation": t.relation, "object": ents[t.object].label,
                "subject_type": ents[t.subject].type, "object_type": ents[t.object].type,
                "sentence": t.sentence.text.strip(), "negated": t.negated, "modality": t.modality,
                "confidence": t.confidence, "extractor": t.extractor,
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
    res: Resolution = resolve(doc, mentions, ont)
    triples = extract_triples(doc, res, ont, disabled=disabled, min_confidence=min_confidence)
    return Extraction(article, res.entities, triples)


def parse_articles(articles: Iterable[Article], *, model: str | None = None,
                   batch_size: int = 16) -> Iterator[tuple[Article, Doc]]:
    """Yield each article with its parse, parsing in batches with ``nlp.pipe``; a long article is parsed in
    pieces (as ingest parses it, :func:`~kg.extraction.chunks.split_for_parser`) joined into one document."""
    nlp = pipeline(model)
    items = list(articles)
    limit = max(1000, min(CHUNK_CHARS, nlp.max_length - 1))
    pieces = [split_for_parser(a.body, limit) for a in items]
    docs = iter(nlp.pipe((text for texts in pieces for text in texts), batch_size=batch_size))
    for article, texts in zip(items, pieces, strict=True):
        parsed = [next(docs) for _ in texts]
        yield article, parsed[0] if len(parsed) == 1 else join_parses(parsed)


def extract_articles(articles: Iterable[Article], *, model: str | None = None, disabled: Iterable[str] = (),
                     min_confidence: float = 0.0, batch_size: int = 16) -> Iterator[Extraction]:
    """Yield one :class:`Extraction` per article."""
    ont = load_ontology()
    disabled = tuple(disabled)
    for article, doc in parse_articles(articles, model=model, batch_size=batch_size):
        yield analyse(article, doc, ont, disabled=disabled, min_confidence=min_confidence)
