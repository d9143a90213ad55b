"""Conditional requests: remember each URL's ``ETag`` and ``Last-Modified``, ask again with
``If-None-Match`` / ``If-Modified-Since``, and let a ``304 Not Modified`` skip the URL.

A watch (:mod:`kg.ingest.watch`) keeps one :class:`Validators` per store in a
JSON file. What a fetch learns is *staged* and only :meth:`Validators.commit`
makes it the validators sent next time: the watch commits after the cycle's
articles are stored, so a cycle killed half-way asks for every page again
(and ingest skips the unchanged ones by their content hash) instead of
believing it has them.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

from kg.errors import InputError


class Validators:
    """The validators (ETag, Last-Modified) of fetched URLs: sent as conditions, learned from answers."""

    def __init__(self, known: Mapping[str, Mapping[str, str]] | None = None) -> None:
        self.known: dict[str, dict[str, str]] = {u: dict(v) for u, v in (known or {}).items()}
        self.staged: dict[str, dict[str, str]] = {}
        self.not_modified: list[str] = []
        self.lock = threading.Lock()

    def headers(self, url: str) -> dict[str, str]:
        """Return the conditional headers to send for ``url`` (none for a URL never fetched)."""
        with self.lock:
            v = self.known.get(url, {})
        out = {}
        if v.get("etag"):
            out["If-None-Match"] = v["etag"]
        if v.get("last_modified"):
            out["If-Modified-Since"] = v["last_modified"]
        return out

    def learn(self, url: str, headers: Mapping[str, str]) -> None:
        """Stage the validators of an answer for ``url`` (kept by :meth:`commit`)."""
        found = {k: headers[h] for k, h in (("etag", "ETag"), ("last_modified", "Last-Modified")) if headers.get(h)}
        if found:
            with self.lock:
                self.staged[url] = found

    def unchanged(self, url: str) -> None:
        """Note that ``url`` answered 304 Not Modified."""
        with self.lock:
            self.not_modified.append(url)

    def forget(self, urls: Iterable[str]) -> None:
        """Drop the staged validators of ``urls`` (their articles failed: ask for them in full next time)."""
        with self.lock:
            for url in urls:
                self.staged.pop(url, None)

    def commit(self) -> None:
        """Make the staged validators the ones sent from now on."""
        with self.lock:
            self.known.update(self.staged)
            self.staged = {}


def load_validators(path: str | os.PathLike[str]) -> Validators:
    """Return the validators kept in ``path`` (none when the file does not exist yet)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Validators()
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the fetch state {p} ({exc}): delete it and every page is fetched "
                         "again once") from exc
    if not isinstance(data, dict) or not isinstance(data.get("validators", {}), dict):
        raise InputError(f"{p} is not a fetch state file: delete it and every page is fetched again once")
    return Validators(data.get("validators", {}))


def validators_json(v: Validators) -> str:
    """Return the committed validators as the JSON text :func:`load_validators` reads."""
    with v.lock:
        return json.dumps({"validators": v.known}, indent=1, sort_keys=True) + "\n"
