"""SPARQL through `kg query` against raw pyoxigraph on the same store, in the same run.

What it measures
----------------
A store of a synthetic corpus (``benchmarks/corpus.py``, 2,000 articles by
default, seed 0) is built once with ``kg ingest`` and kept under
``.cache/bench/`` (rebuilt when the corpus options or the ontology change).
Then each query -- every saved research query plus one that returns every
statement with its evidence (a large answer) -- runs two ways:

* **raw** -- ``pyoxigraph.Store.read_only(path).query(text, prefixes=...)``
  (the default graph: the articles' statements, as kg reads it; a saved
  query's parameters bound to their defaults), every term's value read and
  written as CSV to a null sink: what a researcher writes with pyoxigraph alone.
* **kg** -- ``kg.api.stream_query(sparql=NAME_OR_TEXT, store=path, max_rows=None)``
  and ``kg.store.results.write_csv`` to a null sink: the code path of
  ``kg query --format csv --max-rows 0`` (query resolution, the safety
  checks, the evaluation thread with its batched hand-over, streaming).

Both open the store for every query. Rounds are interleaved (raw, kg, raw,
kg, ...) and the best round of each is kept: on a shared machine noise only
adds time. Queries under a second get more rounds (up to four times
``--repeat``), as their best time is the noisiest. The last line is ``query ratio (kg query / raw pyoxigraph): R``
with R = the sum of kg's best times over the sum of raw's (1.00 = no cost).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".cache" / "bench"

ALL_STATEMENTS = """SELECT ?st ?s ?p ?o ?evidence ?date ?confidence WHERE {
  ?st a pk:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; pk:evidence ?evidence ;
      pk:confidence ?confidence .
  OPTIONAL { ?st dcterms:date ?date }
}"""


class Null:
    """A text sink that discards what is written (formatting still happens)."""

    def write(self, s: str) -> int:
        return len(s)


def build_store(articles: int, seed: int) -> Path:
    """Return a store of the synthetic corpus, ingesting it unless a matching one is cached."""
    from kg import api
    from kg.vocabulary.ontology import ontology_dir

    sys.path.insert(0, str(REPO / "benchmarks"))
    import corpus

    digest = hashlib.sha1(b"".join(p.read_bytes() for p in sorted(ontology_dir().glob("*.ttl"))))
    digest.update((REPO / "benchmarks" / "corpus.py").read_bytes())
    key = f"{articles}-s{seed}-{digest.hexdigest()[:10]}"
    store, done = CACHE / f"store-{key}", CACHE / f"store-{key}.done"
    if done.exists():
        return store
    for old in CACHE.glob("store-*"):
        shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()
    texts = CACHE / f"corpus-{key}"
    shutil.rmtree(texts, ignore_errors=True)
    corpus.generate(texts, articles=articles, seed=seed, fmt="jsonl")
    print(f"ingesting {articles} articles into {store} (once; cached for later runs)...", flush=True)
    t0 = time.perf_counter()
    report = api.ingest(paths=[texts], store=store)
    if report.failed:
        raise SystemExit(f"ingest failed for {len(report.failed)} article(s): {report.failed[:3]}")
    print(f"ingested {report.stored} articles, {report.triples} triples in {time.perf_counter() - t0:.0f}s")
    shutil.rmtree(texts, ignore_errors=True)
    done.touch()
    return store


def run_raw(store: Path, text: str) -> int:
    import pyoxigraph

    from kg.vocabulary.namespace import PREFIXES

    st = pyoxigraph.Store.read_only(str(store))
    result = st.query(text, prefixes=PREFIXES)
    w = csv.writer(Null(), lineterminator="\r\n")
    w.writerow([v.value for v in result.variables])
    n = 0
    for sol in result:
        w.writerow(["" if t is None else t.value for t in sol])
        n += 1
    del st
    return n


def run_kg(store: Path, name_or_text: str) -> int:
    from kg import api
    from kg.store.results import write_csv

    with api.stream_query(sparql=name_or_text, store=store, max_rows=None) as answer:
        return write_csv(answer.variables, answer.rows(), Null())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=2000, help="corpus size (default: 2000)")
    p.add_argument("--seed", type=int, default=0, help="corpus seed (default: 0)")
    p.add_argument("--repeat", type=int, default=5, help="interleaved rounds per query; best kept (default: 5)")
    args = p.parse_args(argv)
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from kg.store.queries import bind_parameters, saved_queries

    store = build_store(args.articles, args.seed)
    queries = {name: (name, bind_parameters(q.text, {})) for name, q in saved_queries().items()}
    queries["all-statements"] = (ALL_STATEMENTS, ALL_STATEMENTS)
    print(f"store: {store.name} ({sum(f.stat().st_size for f in store.iterdir()) / 2**20:.0f} MiB); "
          f"{len(queries)} queries, {args.repeat} interleaved rounds each, best kept; pid {os.getpid()}")
    total_raw = total_kg = 0.0
    for name, (arg, text) in queries.items():
        raw_times, kg_times = [], []
        t0 = time.perf_counter()
        rows = (run_raw(store, text), run_kg(store, arg))  # warm-up, and both must agree
        if rows[0] != rows[1]:
            raise SystemExit(f"{name}: raw gave {rows[0]} rows, kg gave {rows[1]}")
        # Short queries get more rounds (up to 4x): their best time is the noisiest.
        rounds = max(args.repeat, min(4 * args.repeat, int(4.0 / max(time.perf_counter() - t0, 1e-3))))
        for _ in range(rounds):
            t0 = time.perf_counter()
            run_raw(store, text)
            raw_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            run_kg(store, arg)
            kg_times.append(time.perf_counter() - t0)
        raw, kg = min(raw_times), min(kg_times)
        total_raw += raw
        total_kg += kg
        print(f"  {name:28} {rows[0]:7} rows   raw {1000 * raw:8.1f} ms   kg {1000 * kg:8.1f} ms   "
              f"ratio {kg / raw:5.2f}   ({rounds} rounds)", flush=True)
    print(f"total: raw {total_raw:.2f}s, kg {total_kg:.2f}s")
    print(f"query ratio (kg query / raw pyoxigraph): {total_kg / total_raw:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
