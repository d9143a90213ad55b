"""Which store a location names: a SPARQL endpoint URL is a remote store, anything else a folder."""

from __future__ import annotations

import os

from kg.store.base import GraphStore, is_endpoint
from kg.store.embedded import Store
from kg.store.remote import RemoteStore


def open_store(location: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> GraphStore:
    """Return the store at ``location``: a SPARQL endpoint URL, else a folder (``KG_STORE``, ``./kg-store``)."""
    if is_endpoint(location):
        return RemoteStore(str(location or os.environ["KG_STORE"]), read_only=read_only)
    return Store(location, read_only=read_only)
