"""Interfaces: the store handed to other tools: the SPARQL endpoint, file exports, SHACL validation.

:mod:`~kg.interfaces.endpoint` (``kg serve``: SPARQL 1.1 Protocol over HTTP), :mod:`~kg.interfaces.export`
(N-Quads, Turtle, GraphML, GEXF, CSV) and :mod:`~kg.interfaces.validate` (the store checked against SHACL
shapes). The two faces for people sit above these at the top of the package: the library API
(:mod:`kg.api`) and the command line (:mod:`kg.cli`). It may import every layer but those two.
"""
