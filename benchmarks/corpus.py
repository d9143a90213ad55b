"""Generate a synthetic corpus of short tech-policy articles, deterministic by seed.

    python benchmarks/corpus.py OUT_DIR [--articles 2000] [--seed 0] [--format txt|jsonl]

Every name is invented (syllables glued together), so nothing here copies a
real report. The corpus has the shape a researcher's corpus has: a few
thousand actors of every ontology class, a long tail of rarely named ones
and a head of often named ones (a Zipf-like draw), dates spread over four
years, and sentences in the constructions the extractor reads (active and
passive verbs, event nouns, titles, speech) mixed with filler sentences that
state no relation. Used by the benchmarks and the scale tests of ingest,
query and viz.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
from dataclasses import dataclass
from pathlib import Path

_ONSETS = ["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr", "dr", "gr",
           "kl", "pr", "st", "tr", "vl", "zh"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou", "ia"]
_CODAS = ["", "", "n", "r", "s", "l", "x", "m", "th", "nd"]

_COMPANY_SUFFIX = ["Inc", "Labs", "Group", "Corp", "Systems", "Technologies", "Holdings"]
_PLATFORM_SUFFIX = ["Chat", "Hub", "Gram", "Tube", "Feed", "Play", "Space"]
_AI_SUFFIX = ["GPT", "Mind", "Assist", "Brain"]
_REGULATOR_KIND = ["Communications Regulator", "Competition Authority", "Data Protection Authority",
                   "Media Commission", "Consumer Protection Agency"]
_LAW_KIND = ["Online Safety Act", "Digital Markets Act", "Data Protection Act", "Platform Accountability Act",
             "AI Transparency Act"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                   for _ in range(syllables)).capitalize()


@dataclass
class Actor:
    name: str
    type: str
    country: str | None = None


def build_actors(rng: random.Random, countries: int = 60, people: int = 1300, companies: int = 700,
                 platforms: int = 400, ai_systems: int = 100) -> dict[str, list[Actor]]:
    """Return invented actors by class; names are unique across the corpus."""
    seen: set[str] = set()

    def unique(make) -> str:  # noqa: ANN001 - a name factory
        for _ in range(1000):
            name = make()
            if name not in seen:
                seen.add(name)
                return name
        raise RuntimeError("name space exhausted; use fewer actors")

    nations = [unique(lambda: _word(rng, rng.choice([2, 3])) + rng.choice(["ia", "land", "stan", "ovia"]))
               for _ in range(countries)]
    actors: dict[str, list[Actor]] = {k: [] for k in (
        "Country", "GovernmentBody", "Regulator", "Court", "Legislation", "Person", "Company", "Platform",
        "AISystem")}
    for nation in nations:
        actors["Country"].append(Actor(nation, "Country", nation))
        actors["GovernmentBody"].append(Actor(f"Government of {nation}", "GovernmentBody", nation))
        for kind in rng.sample(_REGULATOR_KIND, 3):
            actors["Regulator"].append(Actor(f"{nation} {kind}", "Regulator", nation))
        actors["Court"].append(Actor(f"{nation} High Court", "Court", nation))
        for kind in rng.sample(_LAW_KIND, 2):
            actors["Legislation"].append(Actor(f"{nation} {kind}", "Legislation", nation))
    for _ in range(people):
        actors["Person"].append(Actor(unique(lambda: f"{_word(rng, 2)} {_word(rng, rng.choice([2, 3]))}"), "Person"))
    for _ in range(companies):
        actors["Company"].append(Actor(unique(lambda: f"{_word(rng, 2)} {rng.choice(_COMPANY_SUFFIX)}"), "Company"))
    for _ in range(platforms):
        actors["Platform"].append(Actor(unique(lambda: _word(rng, 2) + rng.choice(_PLATFORM_SUFFIX)), "Platform"))
    for _ in range(ai_systems):
        actors["AISystem"].append(Actor(unique(lambda: _word(rng, 2) + rng.choice(_AI_SUFFIX)), "AISystem"))
    return actors


def _zipf(rng: random.Random, items: list[Actor], s: float = 1.1) -> Actor:
    """Return an item drawn with weight 1/rank**s: a few actors recur, most are rare."""
    weights = _WEIGHTS.get((len(items), s))
    if weights is None:
        weights = [1 / (i + 1) ** s for i in range(len(items))]
        _WEIGHTS[(len(items), s)] = weights
    return rng.choices(items, weights=weights, k=1)[0]


_WEIGHTS: dict[tuple[int, float], list[float]] = {}
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_FILLER = [
    "The decision follows months of complaints from parents and consumer groups.",
    "Analysts said the case could take years to resolve.",
    "Shares in the sector fell slightly after the announcement.",
    "The hearing is expected to resume next month.",
    "Officials declined to give further details.",
    "The rules apply to services with more than ten million users.",
]


def article(rng: random.Random, actors: dict[str, list[Actor]], n: int, start: datetime.date) -> tuple[str, str]:
    """Return (id, text) of one invented article."""
    reg = _zipf(rng, actors["Regulator"])
    company = _zipf(rng, actors["Company"])
    platform = _zipf(rng, actors["Platform"])
    boss = _zipf(rng, actors["Person"], 0.9)
    minister = _zipf(rng, actors["Person"], 0.9)
    court = next(c for c in actors["Court"] if c.country == reg.country)
    gov = next(g for g in actors["GovernmentBody"] if g.country == reg.country)
    law = next(x for x in actors["Legislation"] if x.country == reg.country)
    ai = _zipf(rng, actors["AISystem"])
    other = _zipf(rng, actors["Company"])
    day = rng.choice(_DAYS)
    amount = rng.randint(2, 900)
    date = start + datetime.timedelta(days=rng.randint(0, 4 * 365))
    title = rng.choice([
        f"{reg.name} fines {company.name} over {platform.name}",
        f"{company.name} faces inquiry in {reg.country}",
        f"{gov.name} moves against {platform.name}",
    ])
    sentences = [
        rng.choice([
            f"The {reg.name} fined {company.name} {amount} million euros on {day}.",
            f"{company.name} was fined {amount} million euros by the {reg.name} on {day}.",
            f"The {reg.name} imposed a fine of {amount} million euros on {company.name}.",
        ]),
        rng.choice([
            f"{company.name}, which owns {platform.name}, said it would appeal.",
            f"{company.name} owns {platform.name}, the service at the centre of the case.",
        ]),
        rng.choice([
            f"The regulator opened an investigation into {platform.name} last year.",
            f"The {reg.name} launched an investigation into {platform.name} in {date.year - 1}.",
        ]),
        f"{company.name} chief executive {boss.name} criticised the decision.",
        rng.choice([
            f"{boss.name} accused the {reg.name} of overreach.",
            f"In a statement, {boss.name} said the {reg.name} had ignored the evidence.",
        ]),
        rng.choice([
            f"Digital Minister {minister.name} backed the {reg.name}.",
            f"The {gov.name} welcomed the ruling.",
        ]),
        rng.choice([
            f"The {court.name} ordered {company.name} to suspend {platform.name} for minors.",
            f"The {reg.name} says {company.name} breached the {law.name}.",
        ]),
        rng.choice([
            f"{other.name} develops {ai.name}, a chatbot that is also under review.",
            f"{other.name} partnered with {company.name} on age checks.",
            f"The {gov.name} banned {ai.name} from government devices.",
        ]),
    ]
    body = sentences[:]
    for _ in range(rng.randint(1, 3)):
        body.insert(rng.randint(1, len(body)), rng.choice(_FILLER))
    paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
    text = f"date {date.isoformat()}\n\n{title}\n\n" + "\n\n".join(paragraphs) + "\n"
    return f"article-{n:05d}", text


def generate(out: Path, *, articles: int = 2000, seed: int = 0, fmt: str = "txt") -> int:
    """Write ``articles`` invented articles under ``out``; return how many were written."""
    rng = random.Random(seed)
    actors = build_actors(rng)
    out.mkdir(parents=True, exist_ok=True)
    start = datetime.date(2022, 1, 1)
    if fmt == "jsonl":
        with (out / "corpus.jsonl").open("w", encoding="utf-8") as fh:
            for n in range(articles):
                art_id, text = article(rng, actors, n, start)
                date_line, _, body = text.partition("\n\n")
                fh.write(json.dumps({"id": art_id, "date": date_line.split()[1], "text": body}) + "\n")
    else:
        for n in range(articles):
            art_id, text = article(rng, actors, n, start)
            (out / f"{art_id}.txt").write_text(text, encoding="utf-8")
    return articles


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path, help="folder to write the articles into")
    p.add_argument("--articles", type=int, default=2000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    args = p.parse_args(argv)
    n = generate(args.out, articles=args.articles, seed=args.seed, fmt=args.format)
    print(f"wrote {n} articles to {args.out}")


if __name__ == "__main__":
    main()
