"""Extraction cost per sentence on one long document: does it stay flat as the document grows?

    python benchmarks/long_bench.py [--sizes 100 1000 10000] [--seed 0] [--profile]

Each size is one document of that many sentences of generated news text
(paragraphs of four sentences): half the sentences are those of
``benchmarks/corpus.py`` (invented actors), half name well-known actors from
the built-in registry (regulators, companies, people, courts, governments,
laws), as real policy news does; the registry's matches are where a rescan
of the document per match would show. Each document is read the way
``kg extract`` reads it (:func:`kg.extraction.pipeline.extract_articles`,
cut for the parser where long) in the same warmed-up process, and its CPU
time divided by its sentence count. The last line is always

    cost per sentence at N / at 100: R

(the bar is at most 1.5).
"""

from __future__ import annotations

import argparse
import datetime
import random
import resource
import time

import corpus  # the benchmark's own generator, beside this file (the script's folder is on sys.path)


def _registry_sentences(rng: random.Random, names: dict[str, list[str]]) -> list[str]:
    """Return four sentences naming actors of the built-in registry."""
    def pick(kind: str) -> str:
        return rng.choice(names[kind])

    amount = rng.randint(2, 900)
    return [
        rng.choice([
            f"The {pick('Regulator')} fined {pick('Company')} {amount} million euros.",
            f"{pick('Company')} was fined {amount} million euros by the {pick('Regulator')}.",
            f"The {pick('Regulator')} opened an investigation into {pick('Platform')}.",
        ]),
        rng.choice([
            f"{pick('Person')} criticised the {pick('Regulator')}.",
            f"{pick('Person')} said {pick('Company')} would appeal.",
        ]),
        rng.choice([
            f"The {pick('Court')} ordered {pick('Company')} to change {pick('Platform')}.",
            f"The {pick('GovernmentBody')} welcomed the ruling.",
        ]),
        rng.choice([
            f"The {pick('Regulator')} says {pick('Company')} breached the {pick('Legislation')}.",
            f"{pick('Country')} banned {pick('Platform')} from government devices.",
        ]),
    ]


def document(sentences: int, seed: int = 0) -> str:
    """Return one document of ``sentences`` sentences, half of them naming registry actors."""
    from kg.vocabulary.ontology import load_ontology

    rng = random.Random(seed)
    names: dict[str, list[str]] = {}
    for actor in load_ontology().actors.values():
        names.setdefault(actor.type, []).append(actor.names[0])
    invented = corpus.build_actors(rng)
    start = datetime.date(2022, 1, 1)
    out: list[str] = []
    n = 0
    while len(out) < sentences:
        if n % 2:
            out.extend(_registry_sentences(rng, names))
        else:
            _, text = corpus.article(rng, invented, n, start)
            body = text.split("\n\n", 2)[2]
            out.extend(s.strip() + "." for s in body.replace("\n", " ").split(". ") if s.strip())
        n += 1
    out = [s.rstrip(".") + "." for s in out[:sentences]]
    return "\n\n".join(" ".join(out[i:i + 4]) for i in range(0, len(out), 4)) + "\n"


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def measure(text: str) -> tuple[float, float, int]:
    """Return (CPU seconds, wall seconds, triples) of extracting ``text`` as one article."""
    from kg.extraction.pipeline import extract_articles
    from kg.sources.article import Article

    article = Article(id="long", text=text, title="long")
    c0, w0 = cpu(), time.perf_counter()
    triples = sum(len(ex.triples) for ex in extract_articles([article]))
    return cpu() - c0, time.perf_counter() - w0, triples


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--profile", action="store_true", help="print a cProfile of the largest size instead")
    args = p.parse_args(argv)
    sizes = sorted(args.sizes)
    docs = {n: document(n, args.seed) for n in sizes}
    measure(document(40, args.seed + 1))  # load the model and the registry before timing
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.runcall(measure, docs[sizes[-1]])
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        return
    print("long documents: kg extract's path, one document per size")
    print(f"{'sentences':>10} {'chars':>10} {'triples':>8} {'cpu s':>8} {'wall s':>8} {'ms/sentence':>12} {'ratio':>6}")
    base = None
    ratio = 0.0
    for n in sizes:
        c, w, t = measure(docs[n])
        per = c / n
        base = base or per
        ratio = per / base
        print(f"{n:>10} {len(docs[n]):>10} {t:>8} {c:>8.2f} {w:>8.2f} {per * 1000:>12.2f} {ratio:>6.2f}", flush=True)
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"cost per sentence at {sizes[-1]} / at {sizes[0]}: {ratio:.2f}")


if __name__ == "__main__":
    main()
