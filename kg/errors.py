"""Errors policy-kg raises. The CLI turns each into a message naming the fix.

    KGError                 anything policy-kg reports to its user
     +-- InputError         an article cannot be read (binary, empty, undecodable, missing)
     +-- ModelError         the spaCy model is missing or unusable
     +-- OntologyError      the ontology files are missing or inconsistent
     +-- StoreError         the RDF store cannot be opened or written
     |    +-- GraphTextError  one graph's text is not valid RDF (that graph alone is left out)
     +-- QueryError         a SPARQL query is malformed or fails
     +-- DistributedError   the Dask path cannot start (Dask missing, scheduler unreachable)
     +-- OutputError        an output file (a page, a picture) cannot be written
     +-- RegistryError      a user's registry file has a bad entry (the message names file, entry and fix)
     +-- CurationError      a merge or split cannot be made (unknown actor, already one actor, ...)

Dependency errors are re-raised as one of these with ``from exc``.
"""

from __future__ import annotations


class KGError(Exception):
    """Base of every error policy-kg reports to a user."""


class InputError(KGError):
    """An article cannot be read: its path, bytes or contents are unusable."""


class ModelError(KGError):
    """The spaCy model cannot be loaded."""


class OntologyError(KGError):
    """The ontology files are missing, unparseable or inconsistent."""


class StoreError(KGError):
    """The RDF store cannot be opened, read or written."""


class GraphTextError(StoreError):
    """A graph handed to the store is not valid RDF text: nothing of it is written; other graphs can be."""


class QueryError(KGError):
    """A SPARQL query is malformed or cannot be evaluated."""


class DistributedError(KGError):
    """The Dask path cannot start: Dask is not installed, or the scheduler cannot be reached."""


class OutputError(KGError):
    """An output file cannot be written: its folder is missing or read-only, or the disk is full."""


class RegistryError(KGError):
    """A user registry file cannot be read, or one of its entries is wrong."""


class CurationError(KGError):
    """A merge or split decision cannot be made or applied."""
