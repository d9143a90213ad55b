"""Ingest at corpus scale: articles streamed in, parsed in parallel, written by one writer, each outcome reported.

The layer that runs the others end to end: it may import :mod:`kg.views` and every layer below it
(:mod:`kg.curation`, :mod:`kg.store`, :mod:`kg.extraction`, :mod:`kg.sources`, :mod:`kg.vocabulary`).

The flow, for every article the reader yields:

1. **identity** (main process): its origin (URL, relative path, ``file#id``)
   and content hash are looked up in the store. Same origin and same hash:
   *unchanged*, skipped (unless ``force``). Same text under another origin:
   a *duplicate*, stored once with both origins recorded. Otherwise it gets an
   id (its readable slug, or the slug and a hash of its origin when another
   article holds the slug) and goes on, *new* or *updated*.
2. **extraction** (a pool of ``workers`` processes, or in-process for one):
   batches of articles are parsed with ``nlp.pipe`` (a long text in chunks cut
   at paragraph ends, joined back into one ``Doc``), analysed, and turned into
   N-Quads. A failing article fails alone; a crashed worker is replaced.
3. **writing** (one writer thread): each article's graph replaces the old one
   in one transaction (the new articles of a batch are added in one), with its
   provenance (``pk:origin``, ``pk:contentHash``, ``pk:extractedWith``).

Memory stays bounded: the reader streams, at most a few batches are in
flight, per run only an 8-byte digest of each origin seen is kept (to catch one
origin given twice with different texts), and spaCy's vocabulary may grow by
:data:`VOCAB_BUDGET` strings, after which each batch is parsed in a memory
zone. Outcomes go to a callback (progress bar, report file) as they happen, not
into a list.

One module per job: :mod:`~kg.ingest.extraction` (what runs in the workers),
:mod:`~kg.ingest.identity` (the planner), :mod:`~kg.ingest.writer`,
:mod:`~kg.ingest.engines` (in-process, process pool, any executor),
:mod:`~kg.ingest.report` (outcomes and counts) and :mod:`~kg.ingest.runner`
(the run itself). Their public names are importable from here. :mod:`~kg.ingest.watch`
runs ingests on an interval over a list of feeds and writes a digest per cycle.
"""

from kg.ingest.engines import ClientExecutor, InProcess, Local, ProcessPool, default_workers
from kg.ingest.extraction import (
                         BATCH_SIZE,
                         CHUNK_CHARS,
                         VOCAB_BUDGET,
                         Result,
                         Settings,
                         extract_batch,
                         graph_nquads,
                         split_for_parser,
)
from kg.ingest.identity import PK, DigestSet, Job, Planner, article_origin, settings_fingerprint
from kg.ingest.report import IngestReport, Outcome
from kg.ingest.runner import ingest_inputs, run, store_ontology
from kg.ingest.writer import FLUSH_EVERY, Writer, provenance
from kg.store.base import nquads_to_ntriples, nt_string

__all__ = ["BATCH_SIZE", "CHUNK_CHARS", "FLUSH_EVERY", "PK", "VOCAB_BUDGET", "ClientExecutor", "DigestSet",
           "InProcess", "IngestReport", "Job", "Local", "Outcome", "Planner", "ProcessPool", "Result", "Settings",
           "Writer", "article_origin", "default_workers", "extract_batch", "graph_nquads", "ingest_inputs",
           "nquads_to_ntriples", "nt_string", "provenance", "run", "settings_fingerprint", "split_for_parser",
           "store_ontology"]
