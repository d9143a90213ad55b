"""Sources: where text comes from, as :class:`~kg.sources.article.Article` objects with an identity.

:mod:`~kg.sources.article` (the record and its identity), :mod:`~kg.sources.parse` (one text, Markdown
or HTML document), :mod:`~kg.sources.records` (JSON Lines, CSV, WARC batches), :mod:`~kg.sources.read`
(files, folders, standard input) and :mod:`~kg.sources.fetch` (URLs and feeds, asked conditionally with
the validators :mod:`~kg.sources.conditional` keeps). It may import
:mod:`kg.vocabulary` and :mod:`kg.errors`.
"""
