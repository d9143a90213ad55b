"""Vocabulary: the ontology's classes, relations and surface forms, and the namespaces they live in.

The bottom layer. :mod:`kg.vocabulary.ontology` reads the Turtle files of ``ontology/`` (installed as
``kg.ontology_data``), the one source of the vocabulary; :mod:`kg.vocabulary.namespace` gives the
namespaces and prefixes. It may import only :mod:`kg.errors`.
"""
