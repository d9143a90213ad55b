"""Curation: the actors a store holds, and the people's and the corpus's decisions about them.

:mod:`~kg.curation.actors` (actors as stored: label, type, aliases), :mod:`~kg.curation.registry_files`
(a user's registry, YAML or CSV), :mod:`~kg.curation.decisions` (merge and split decisions, recorded in
the store), :mod:`~kg.curation.pending` (which graphs await the corpus pass),
:mod:`~kg.curation.corpus_pass` (short names joined to the one actor the corpus gives them) and
:mod:`~kg.curation.curate` (a decision carried out). It may import :mod:`kg.store`,
:mod:`kg.extraction`, :mod:`kg.sources`, :mod:`kg.vocabulary` and :mod:`kg.errors`.
"""
