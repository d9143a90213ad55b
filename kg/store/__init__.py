"""Store: the RDF store behind one small interface, SPARQL against it, and statements written as RDF.

:mod:`~kg.store.base` (the :class:`~kg.store.base.GraphStore` interface and shared pieces),
:mod:`~kg.store.embedded` (Oxigraph on disk), :mod:`~kg.store.remote` (any SPARQL 1.1 server),
:mod:`~kg.store.location` (which one a ``--store`` names), :mod:`~kg.store.check` (a store folder checked
before it opens), :mod:`~kg.store.checksums` (its data files against RocksDB's checksums),
:mod:`~kg.store.sparql` (query safety: limits, time-outs, syntax messages),
:mod:`~kg.store.results` (answers as tables, CSV, JSON), :mod:`~kg.store.queries` (saved queries),
:mod:`~kg.store.stats` and :mod:`~kg.store.load` (an extraction as RDF, one named graph per article).
It may import :mod:`kg.extraction` (for the shape of an extraction), :mod:`kg.sources`,
:mod:`kg.vocabulary` and :mod:`kg.errors`.
"""
