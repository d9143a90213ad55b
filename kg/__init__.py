"""policy-kg: tech-policy news into a knowledge graph of who does what to whom.

The package is built in layers, each a folder, and imports run one way, down
the list (a test checks it, ``tests/test_layout.py``):

- :mod:`kg.vocabulary`: the ontology's terms, read from its Turtle files;
- :mod:`kg.sources`: where text comes from (files, records, URLs, feeds);
- :mod:`kg.extraction`: the stages that read an article (recognise, resolve, relate);
- :mod:`kg.store`: the RDF store (embedded and remote), SPARQL, statements as RDF;
- :mod:`kg.curation`: the actors (registry files, decisions, the corpus pass);
- :mod:`kg.views`: the explorer page, static pictures, layout;
- :mod:`kg.ingest`: a corpus run end to end, in parallel, each outcome reported;
- :mod:`kg.interfaces`: the SPARQL endpoint, exports, SHACL validation;
- :mod:`kg.api`: the library API (``ingest``, ``extract``, ``query``, ``viz`` ...);
- :mod:`kg.cli`: the ``kg`` command, a thin layer over :mod:`kg.api`.

:mod:`kg.errors` holds the one error hierarchy every layer raises from.
Importing this package loads no model.
"""

__version__ = "0.1.0"
