"""Watching feeds: every cycle ingests what is new at the listed URLs and writes a digest of what it added.

One cycle:

1. the URLs of the list (pages and RSS/Atom feeds) are fetched with the
   fetcher's limits (timeouts, retries, requests per host) and conditional
   requests: a feed or page answering ``304 Not Modified`` is skipped;
2. what came back is ingested (an unchanged article is skipped by its
   content hash, as ``kg ingest`` does); every article graph is written in a
   transaction, so a process killed mid-cycle leaves the store whole;
3. the digest of the articles stored since the previous digest
   (:func:`kg.views.changes.unseen`) is written into the digest folder as
   ``digest-<time>.md`` / ``.html`` / ``.json``, and the digest state
   (shared with ``kg changes --since last``) records what it saw;
4. only then are the fetch validators (``fetch-state.json`` in the digest
   folder) kept: a cycle that did not finish asks for every URL again.

Because the digest compares with what the previous *digest* saw, articles a
killed cycle stored still appear in the next cycle's digest.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.ingest.extraction import Settings
from kg.ingest.report import IngestReport, Outcome
from kg.sources.conditional import Validators, load_validators, validators_json
from kg.sources.fetch import FetchOptions
from kg.views.changes import Digest

log = logging.getLogger(__name__)

FETCH_STATE = "fetch-state.json"
DIGEST_FORMATS = ("md", "html", "json")


@dataclass
class Cycle:
    """One watch cycle: what the ingest did, which URLs had not changed, the digest and the files written."""

    number: int
    report: IngestReport
    not_modified: list[str]
    digest: Digest
    files: list[Path] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)   # ids of the articles stored (new or updated) this cycle


def _stamp(made: str) -> str:
    return made.replace(":", "").replace("-", "")


def _digest_files(folder: Path, made: str, formats: tuple[str, ...]) -> dict[str, Path]:
    """Return a fresh file per format for a digest made at ``made`` (``_2``, ... when that second is taken: the
    names still sort in the order the digests were made)."""
    base = f"digest-{_stamp(made)}"
    n = 1
    while True:
        name = base if n == 1 else f"{base}_{n}"
        paths = {fmt: folder / f"{name}.{fmt}" for fmt in formats}
        if not any(p.exists() for p in paths.values()):
            return paths
        n += 1


def run_cycle(*, number: int, urls_file: str | os.PathLike[str], digests: Path,
              store: str | os.PathLike[str] | None, formats: tuple[str, ...], state: Path | None,
              settings: Settings, workers: int | None, fetch_options: FetchOptions | None,
              registry: str | os.PathLike[str] | None = None) -> Cycle:
    """Run one watch cycle (see the module doc) and return it."""
    from kg.ingest.runner import ingest_inputs
    from kg.store.base import is_endpoint
    from kg.store.location import open_store
    from kg.views.changes import (
        DigestState,
        article_hashes,
        by_articles,
        digest,
        read_state,
        state_beside,
        unseen,
        write_state,
    )
    from kg.views.digest import render
    from kg.views.explore import read_corpus
    from kg.views.output import write_output

    validators: Validators = load_validators(digests / FETCH_STATE)
    options = dataclasses.replace(fetch_options or FetchOptions(), validators=validators)
    outcomes: list[Outcome] = []
    report = ingest_inputs(inputs=(), store=store, settings=settings, workers=workers, urls_file=urls_file,
                           fetch_options=options, on_outcome=outcomes.append, registry=registry)
    failed = [o.location for o in outcomes if o.status == "failed"]
    # A failed page, or a feed with a failed item, is asked for in full next time.
    validators.forget([u for u in list(validators.staged) if any(u in where for where in failed)])

    state_file = state or (digests / "digest-state.json" if is_endpoint(store) else state_beside(store))
    previous = read_state(state_file)
    with open_store(store, read_only=True) as st:
        corpus = read_corpus(st)
        hashes = article_hashes(st)
    new, before, baseline = by_articles(corpus, unseen(hashes, previous))
    since = f"the digest of {previous.made}" if previous else "the start (the first digest)"
    made = digest(corpus, new, before, baseline, title=f"What changed: watch cycle {number}",
                  period=f"articles stored since {since}")
    files = []
    for fmt, path in _digest_files(digests, made.made, formats).items():
        files.append(write_output(path, render(made, fmt)))
    write_state(state_file, DigestState(made.made, hashes))
    validators.commit()
    write_output(digests / FETCH_STATE, validators_json(validators))
    return Cycle(number, report, sorted(validators.not_modified), made, files,
                 [o.id for o in outcomes if o.status in ("new", "updated") and o.id])


def watch(*, urls_file: str | os.PathLike[str], digests: str | os.PathLike[str],
          store: str | os.PathLike[str] | None, interval: float = 3600.0, once: bool = False,
          formats: tuple[str, ...] = DIGEST_FORMATS, state: str | os.PathLike[str] | None = None,
          settings: Settings | None = None, workers: int | None = None, fetch_options: FetchOptions | None = None,
          on_cycle: Callable[[Cycle], None] | None = None, stop: threading.Event | None = None,
          registry: str | os.PathLike[str] | None = None) -> list[Cycle]:
    """Run watch cycles until ``stop`` is set (one with ``once``); return them.

    Between cycles it waits ``interval`` seconds on ``stop``, so setting it (or
    Ctrl-C, which the caller turns into setting it or leaving) ends the wait at once.
    """
    if not Path(urls_file).is_file():
        raise InputError(f"no URL list at {urls_file}: give a file with one feed or page URL a line")
    bad = [f for f in formats if f not in DIGEST_FORMATS]
    if bad or not formats:
        raise InputError(f"unknown digest format '{(bad or [''])[0]}': use {', '.join(DIGEST_FORMATS)}")
    if interval <= 0 and not once:
        raise InputError("the interval must be more than 0 seconds (or pass --once)")
    folder = Path(digests)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} is a file: pass --digests a folder")
    folder.mkdir(parents=True, exist_ok=True)
    stop = stop or threading.Event()
    cycles: list[Cycle] = []
    while not stop.is_set():
        cycle = run_cycle(number=len(cycles) + 1, urls_file=urls_file, digests=folder, store=store,
                          formats=formats, state=Path(state) if state is not None else None,
                          settings=settings or Settings(), workers=workers, fetch_options=fetch_options,
                          registry=registry)
        cycles.append(cycle)
        log.info("watch cycle %d: %d stored, %d not modified", cycle.number, cycle.report.stored,
                 len(cycle.not_modified))
        if on_cycle is not None:
            on_cycle(cycle)
        if once:
            break
        stop.wait(interval)
    return cycles


__all__ = ["DIGEST_FORMATS", "FETCH_STATE", "Cycle", "run_cycle", "watch"]
