"""Extraction: one article in, its actors and statements out, over one spaCy parse.

The stages, one module or package each: :mod:`~kg.extraction.recognise` (actors: NER plus the registry),
:mod:`~kg.extraction.resolve` (aliases, descriptions, pronouns), :mod:`~kg.extraction.relate` (statements
from the parse), run in order by :mod:`~kg.extraction.pipeline`. :mod:`~kg.extraction.model` loads the
spaCy model, :mod:`~kg.extraction.tuning` holds the numbers, :mod:`~kg.extraction.fastrules` speeds up
the parse. It may import :mod:`kg.sources`, :mod:`kg.vocabulary` and :mod:`kg.errors`.
"""
