"""Extraction throughput, measured against spaCy's own parsing speed in the same run.

What it measures
----------------
Two workloads over exactly the same texts: every article in ``examples/articles``
(read with :func:`kg.sources.read.read_article`, analysed as ``Article.body``), repeated
until there are at least ``--min-sentences`` sentences (3000 by default).

* **baseline** -- a bare ``nlp.pipe(texts, batch_size=16)`` with the model kg
  uses (``kg.extraction.model.load_model(kg.extraction.model.model_name())``), docs consumed with
  ``list()``. This is the floor: what parsing alone costs.
* **extract** -- ``kg.extraction.pipeline.extract_articles(articles)``, consumed fully. That
  parses with ``kg.extraction.recognise.pipeline()`` (the same model plus the actor
  registry's entity ruler) and then runs recognition, resolution and relation
  extraction in Python.

Both pipelines are loaded and warmed up on one copy of the articles before any
timing, so model loading is excluded. Rounds are interleaved (baseline,
extract, baseline, extract, ...) and the **best** (fastest) round of each is
reported, with the median beside it; on a shared machine noise only ever adds
time, so the minimum is the most repeatable estimate.

Why a ratio
-----------
Absolute words/sec depends on whatever else the (shared, noisy, 2-core) machine
is doing. Parsing the same texts in the same process, interleaved with the
extraction rounds, is affected by the same noise, so the ratio
``extract words/sec / baseline words/sec`` is what to compare across runs and
machines. 1.00 would mean kg's own stages cost nothing beyond the parse; 0.50
would mean the extractor spends as long in its own code as spaCy spends parsing.

The headline ratio (the last line) is of **CPU time** (``time.process_time``,
best round of each): when other processes share the two cores, they stretch
the wall clock of whichever rounds they overlap, by different amounts for the
two workloads, while the CPU time the process itself spends is what the code
costs. The wall-clock ratio is printed on the line before it.

Memory is reported as peak RSS (``resource.getrusage(...).ru_maxrss``) at the
end of the run: tracemalloc is too slow to leave on here, and peak RSS covers
both pipelines and spaCy's native allocations.

The last line printed is always ``throughput ratio (extract / spaCy parse): R``.
"""

from __future__ import annotations

import argparse
import gc
import math
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=Path, default=REPO / "examples" / "articles",
                   help="folder (or file) of articles to use (default: examples/articles)")
    p.add_argument("--min-sentences", type=int, default=3000,
                   help="repeat the articles until there are at least this many sentences (default: 3000)")
    p.add_argument("--repeat", type=int, default=3,
                   help="timing rounds of each workload, interleaved; the best is reported (default: 3)")
    p.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size for both workloads (default: 16)")
    p.add_argument("--model", default=None, help="spaCy model (default: what kg.extraction.model.model_name() picks)")
    args = p.parse_args(argv)
    if args.repeat < 1:
        p.error("--repeat must be at least 1")
    if args.min_sentences < 1:
        p.error("--min-sentences must be at least 1")
    return args


def peak_rss_mib() -> float:
    """Return this process's peak resident set size in MiB."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from kg.extraction.model import load_model, model_name
    from kg.extraction.pipeline import extract_articles
    from kg.extraction.recognise import pipeline
    from kg.sources.read import iter_paths, read_article

    one_copy = [a for path in iter_paths([args.articles]) for a in read_article(path)]
    if not one_copy:
        print(f"no articles found under {args.articles}", file=sys.stderr)
        return 1

    # Load both pipelines before any timing. kg.extraction.recognise.pipeline() is cached,
    # so extract_articles(model=None) reuses the one built here.
    name = model_name(args.model)
    t0 = time.perf_counter()
    nlp = load_model(name)
    kg_nlp = pipeline(args.model)
    load_s = time.perf_counter() - t0

    # Size one copy of the texts (also the baseline's warm-up).
    docs = list(nlp.pipe((a.body for a in one_copy), batch_size=args.batch_size))
    sents_per_copy = sum(1 for d in docs for _ in d.sents)
    words_per_copy = sum(1 for d in docs for t in d if not (t.is_punct or t.is_space))
    tokens_per_copy = sum(len(d) for d in docs)
    del docs
    copies = max(1, math.ceil(args.min_sentences / max(1, sents_per_copy)))
    articles = one_copy * copies
    texts = [a.body for a in articles]
    n_articles, n_sents, n_words = len(articles), sents_per_copy * copies, words_per_copy * copies

    # Extraction warm-up over one copy (ruler matcher, ontology, lazy imports).
    for _ in extract_articles(one_copy, model=args.model, batch_size=args.batch_size):
        pass

    print(f"model: {name}  (pipes: {', '.join(nlp.pipe_names)}; kg adds: "
          f"{', '.join(p for p in kg_nlp.pipe_names if p not in nlp.pipe_names)})")
    print(f"pipelines loaded in {load_s:.1f}s (not timed)")
    print(f"texts: {len(one_copy)} articles x {copies} copies = {n_articles} articles, "
          f"{n_sents} sentences, {n_words} words ({tokens_per_copy * copies} tokens)")
    print(f"rounds: {args.repeat} of each, interleaved; batch_size={args.batch_size}; reporting best (median)")

    base_cpu: list[float] = []
    ext_cpu: list[float] = []

    def run_baseline() -> float:
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        out = list(nlp.pipe(texts, batch_size=args.batch_size))
        elapsed = time.perf_counter() - start
        base_cpu.append(time.process_time() - cpu)
        if len(out) != n_articles:
            raise RuntimeError(f"baseline produced {len(out)} docs for {n_articles} texts")
        return elapsed

    triples_seen: list[int] = []

    def run_extract() -> float:
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        n = triples = 0
        for ex in extract_articles(articles, model=args.model, batch_size=args.batch_size):
            n += 1
            triples += len(ex.triples)
        elapsed = time.perf_counter() - start
        ext_cpu.append(time.process_time() - cpu)
        if n != n_articles:
            raise RuntimeError(f"extract produced {n} extractions for {n_articles} articles")
        triples_seen.append(triples)
        return elapsed

    base_times: list[float] = []
    ext_times: list[float] = []
    for r in range(1, args.repeat + 1):
        base_times.append(run_baseline())
        ext_times.append(run_extract())
        print(f"  round {r}: baseline {base_times[-1]:6.2f}s   extract {ext_times[-1]:6.2f}s   "
              f"(round ratio {base_times[-1] / ext_times[-1]:.2f})", flush=True)

    def report(label: str, times: list[float]) -> float:
        best, med = min(times), statistics.median(times)
        print(f"{label:<9} best {best:6.2f}s (median {med:6.2f}s)  "
              f"{n_words / best:8.0f} words/s ({n_words / med:.0f})  "
              f"{n_sents / best:7.1f} sents/s ({n_sents / med:.1f})  "
              f"{1000 * best / n_articles:6.1f} ms/article ({1000 * med / n_articles:.1f})")
        return n_words / best

    base_wps = report("baseline", base_times)
    ext_wps = report("extract", ext_times)
    print(f"kg's own stages (recognise/resolve/relate + entity ruler): "
          f"~{1000 * (min(ext_times) - min(base_times)) / n_articles:.1f} ms/article over the parse")
    print(f"triples per run: {triples_seen[-1]} ({triples_seen[-1] / copies:.0f} per copy of the articles)")
    round_ratios = [b / e for b, e in zip(base_times, ext_times, strict=True)]
    print(f"median of per-round ratios: {statistics.median(round_ratios):.2f}")
    print(f"wall-clock ratio (best extract / best parse): {ext_wps / base_wps:.2f}")
    print(f"CPU time: parse best {min(base_cpu):.2f}s, extract best {min(ext_cpu):.2f}s")
    print(f"peak RSS: {peak_rss_mib():.0f} MiB (ru_maxrss, whole process: both pipelines)")
    # The headline ratio is of CPU time: on a shared machine, other processes stretch the wall clock of
    # whichever round they overlap, while the CPU time this process spends is what the code costs.
    print(f"throughput ratio (extract / spaCy parse): {min(base_cpu) / min(ext_cpu):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
