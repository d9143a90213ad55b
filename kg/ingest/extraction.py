"""Extraction of a batch of articles into N-Quads: what runs in the worker processes (or in-process for one)."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.errors import KGError, ModelError, OntologyError
from kg.extraction.chunks import CHUNK_CHARS, join_parses, split_for_parser
from kg.sources.article import Article

if TYPE_CHECKING:
    from kg.vocabulary.ontology import Actor

log = logging.getLogger(__name__)


#: Articles per batch handed to a worker (and per ``nlp.pipe`` batch).
BATCH_SIZE = 16
#: New strings spaCy may keep in its vocabulary per process (about 0.5 KB each, so some 50 MB) before every batch
#: is parsed in a memory zone that frees them. Zones cost a fifth of the parse (spaCy's tokenizer caches nothing
#: inside one and every new word is made again per batch), so they start only when this is spent: memory stays
#: bounded, and a corpus whose words fit parses as fast as ``nlp.pipe`` alone.
VOCAB_BUDGET = 100_000


@dataclass(frozen=True)
class Settings:
    """What extraction needs in a worker process (picklable)."""

    model: str | None = None
    disabled: tuple[str, ...] = ()
    min_confidence: float = 0.0
    chunk_chars: int = CHUNK_CHARS
    actors: tuple[Actor, ...] = ()   # from a user registry file (kg.curation.registry_files), besides the built-in ones


#: One extraction result: (job number, N-Quads or None, triple count, failure reason or None).
Result = tuple[int, str | None, int, str | None]


def extract_batch(items: list[tuple[int, Article]], settings: Settings) -> list[Result]:
    """Return, per (number, article), its graph as N-Quads or the reason it failed.

    Runs in a worker process (or in-process). Errors of one article are
    caught and returned; a missing model or ontology raises, since no article
    could be extracted then.
    """
    from kg.curation.registry_files import activate
    from kg.extraction.pipeline import analyse
    from kg.extraction.recognise import pipeline
    from kg.vocabulary.ontology import load_ontology

    activate(settings.actors)
    nlp = pipeline(settings.model)
    ont = load_ontology()
    texts: list[str] = []
    owner: list[int] = []
    limit = max(1000, min(settings.chunk_chars, nlp.max_length - 1)) if hasattr(nlp, "max_length") \
        else settings.chunk_chars
    for i, (_, article) in enumerate(items):
        for chunk in split_for_parser(article.body, limit):
            texts.append(chunk)
            owner.append(i)
    results: list[Result] = []
    with _zone(nlp):  # past the vocabulary budget, strings spaCy adds for this batch are freed after it
        docs = _parse(nlp, texts)
        per_article: list[list[Any]] = [[] for _ in items]
        for i, doc in zip(owner, docs, strict=True):
            per_article[i].append(doc)
        for (n, article), parsed in zip(items, per_article, strict=True):
            failure = next((d for d in parsed if isinstance(d, BaseException)), None)
            if failure is not None:
                results.append((n, None, 0, f"the parser failed on this article ({type(failure).__name__}: "
                                            f"{str(failure)[:200]})"))
                continue
            try:
                doc = parsed[0] if len(parsed) == 1 else join_parses(parsed)
                ex = analyse(article, doc, ont, disabled=settings.disabled, min_confidence=settings.min_confidence)
                results.append((n, graph_nquads(ex), len(ex.triples), None))
            except (ModelError, OntologyError):
                raise  # nothing could be extracted: stop the batch
            except KGError as exc:
                results.append((n, None, 0, str(exc)))
            except Exception as exc:  # noqa: BLE001 - a bug in one rule must not abort the batch
                log.debug("extracting %s failed", article.location, exc_info=True)
                results.append((n, None, 0, f"extraction failed ({type(exc).__name__}: {exc}); this is a bug, "
                                            "please report it"))
    return results


#: Size of each pipeline's string store when this process first used it (by ``id``; pipelines are cached).
_vocab_start: dict[int, int] = {}


def _zone(nlp: Any) -> contextlib.AbstractContextManager[Any]:
    """Return a memory zone for one batch once ``nlp`` has taken :data:`VOCAB_BUDGET` new strings, else nothing."""
    if not hasattr(nlp, "memory_zone"):
        return contextlib.nullcontext()
    strings = len(nlp.vocab.strings)
    start = _vocab_start.setdefault(id(nlp), strings)
    return nlp.memory_zone() if strings - start >= VOCAB_BUDGET else contextlib.nullcontext()


def _parse(nlp: Any, texts: list[str]) -> list[Any]:
    """Return one Doc per text, or the exception parsing that text raised (the others are still parsed)."""
    try:
        return list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    except Exception:  # noqa: BLE001 - find the culprit: parse one by one
        out: list[Any] = []
        for text in texts:
            try:
                out.append(nlp(text))
            except Exception as exc:  # noqa: BLE001
                out.append(exc)
        return out


def graph_nquads(ex: Any) -> str:
    """Return the article graph of an extraction as N-Quads in its named graph (lines sorted).

    Not parsed here: the store checks the text as it loads it, and the writer
    leaves out the one article whose graph it refuses (see :class:`~kg.ingest.writer.Writer`).
    """
    from kg.store.load import article_nquads

    return article_nquads(ex)


def check_nquads(nquads: str) -> None:
    """Raise KGError when ``nquads`` would not load: a bug, but one that must cost one article, not a whole load.

    For N-Quads handed to a caller who loads them elsewhere (:func:`kg.api.extract_nquads`); ingest leaves the
    check to the store as it writes.
    """
    import pyoxigraph

    try:
        for _ in pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS):
            pass
    except (SyntaxError, ValueError) as exc:
        raise KGError(f"the article's graph is not valid RDF ({exc}); this is a bug, please report it") from exc
