"""Build ``ontology/lexicon-wordnet.ttl`` from WordNet 3.0: verbs for the relations, and nationalities.

Run at build time, never at run time (``make lexicon``; needs Debian's ``wordnet-base`` and nltk):

    python tools/wordnet_lexicon.py [--wordnet /usr/share/wordnet] [--out ontology/lexicon-wordnet.ttl]

- **Verbs.** For every relation, the lemmas of the two commonest WordNet senses of each of its trigger verbs
  (``pk:verb`` in ``ontology/policy-kg.ttl``) are candidates. WordNet's senses are broad ("knock" shares a
  sense with "criticise"), so a candidate enters the lexicon only when ``tools/wordnet-review.tsv`` accepts
  it for that relation; every accepted word there names the test sentences of ours that check it
  (``tests/test_rules.py``, table ``WORDNET_VERBS``). A candidate the review has not seen is printed, so a
  new seed verb's neighbours get reviewed.
- **Nationalities.** Every adjective WordNet relates to a country (its pertainym: "Norwegian" -> Norway),
  for the countries ``pycountry`` names, so "the Norwegian government" names Norway's government even when
  the registry lacks Norway. The review table may reject one (``nationality<TAB>Adjective<TAB>reject``) where
  WordNet relates it to the wrong country.
- **Places.** Every city or region WordNet places in exactly one of those countries ("Lima" -> Peru), so a
  dateline ("LIMA (Reuters) -") tells which country the story is filed from.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PK = "https://policy-kg.org/ns#"


def wordnet_reader(folder: Path):  # noqa: ANN201 - nltk's reader
    """Return nltk's WordNet reader over the database in ``folder`` (Debian's lacks ``lexnames``; it is made)."""
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class Reader(WordNetCorpusReader):
        def map_wn(self, version: str = "wordnet") -> None:  # no mapping between WordNet versions is needed
            return None

    data = Path(tempfile.mkdtemp(prefix="kg-wordnet-"))
    target = data / "corpora" / "wordnet"
    shutil.copytree(folder, target)
    if not (target / "lexnames").exists():
        names = ["adj.all", "adj.pert", "adv.all"] + [f"noun.{n}" for n in (
            "Tops act animal artifact attribute body cognition communication event feeling food group location "
            "motive object person phenomenon plant possession process quantity relation shape state substance "
            "time").split()] + [f"verb.{n}" for n in (
                "body change cognition communication competition consumption contact creation emotion motion "
                "perception possession social stative weather").split()] + ["adj.ppl"]
        cat = {"adj": 3, "adv": 4, "noun": 1, "verb": 2}
        (target / "lexnames").write_text("".join(f"{i:02d}\t{n}\t{cat[n.split('.')[0]]}\n"
                                                 for i, n in enumerate(names)))
    nltk.data.path.insert(0, str(data))
    return Reader(nltk.data.find("corpora/wordnet"), None)


def seed_verbs(ttl: Path) -> dict[str, list[str]]:
    """Return relation -> its trigger verbs, as ``policy-kg.ttl`` lists them."""
    import rdflib

    g = rdflib.Graph().parse(ttl)
    ns = rdflib.Namespace(PK)
    return {str(r).removeprefix(PK): sorted(str(v) for v in g.objects(r, ns.verb))
            for r in g.subjects(rdflib.RDF.type, ns.Relation)}


def candidates(wn, seeds: dict[str, list[str]]) -> dict[tuple[str, str], set[str]]:  # noqa: ANN001
    """Return (relation, word) -> the WordNet senses that propose it."""
    known = {v for vs in seeds.values() for v in vs}
    out: dict[tuple[str, str], set[str]] = {}
    for rel, verbs in seeds.items():
        for v in verbs:
            for sense in wn.synsets(v, "v")[:2]:
                for lemma in sense.lemmas():
                    word = lemma.name()
                    if "_" not in word and word not in known:
                        out.setdefault((rel, word), set()).add(sense.name())
    return out


def country_name(country) -> str:  # noqa: ANN001 - a pycountry record
    """Return the name the lexicons write for a pycountry country: its common name, else its name ("Iran",
    "Peru"). A name with a comma ("Congo, The Democratic Republic of the") is one no text writes; callers leave
    it out."""
    return getattr(country, "common_name", None) or country.name


def nationalities(wn) -> dict[str, str]:  # noqa: ANN001
    """Return adjective -> country name (as pycountry spells it) for every nationality WordNet knows."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(value.lower(), country_name(c))
    out: dict[str, str] = {}
    for sense in wn.all_synsets("a"):
        for lemma in sense.lemmas():
            word = lemma.name()
            if not word[:1].isupper() or "_" in word:
                continue
            for p in lemma.pertainyms():
                if p.synset().lexname() != "noun.location":
                    continue
                for alt in [p, *p.synset().lemmas()]:   # the related noun itself first, then its synonyms
                    country = names.get(alt.name().replace("_", " ").lower())
                    if country and "," not in country:
                        out.setdefault(word, country)
                        break
    return dict(sorted(out.items()))


def places(wn, nations: dict[str, str]) -> dict[str, str]:  # noqa: ANN001
    """Return place -> country name (as the nationalities spell it) for the cities and regions WordNet places in one
    country (its part holonyms, up to two steps: a city in a state in a country). A name WordNet places in two
    countries ("Santiago", "Cordoba") and a country's own name are left out."""
    countries = set(nations.values())
    def country_of(sense, depth: int = 0) -> set[str]:  # noqa: ANN001
        out: set[str] = set()
        for h in sense.part_holonyms():
            name = next((n for lm in h.lemmas() if (n := lm.name().replace("_", " ")) in countries), None)
            if name is not None:
                out.add(name)
            elif depth < 2:
                out |= country_of(h, depth + 1)
        return out

    found: dict[str, set[str]] = {}
    for sense in wn.all_synsets("n"):
        if sense.lexname() != "noun.location":
            continue
        where = country_of(sense)
        for lemma in sense.lemmas():
            word = lemma.name().replace("_", " ")
            if word[:1].isupper() and word not in countries and where:
                found.setdefault(word, set()).update(where)
    return dict(sorted((w, next(iter(c))) for w, c in found.items() if len(c) == 1))


def review(path: Path) -> dict[tuple[str, str], tuple[bool, str]]:
    """Return (relation, word) -> (accepted, the tests or reason) from the review table."""
    with path.open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return {(r[0], r[1]): (r[2] == "accept", r[3] if len(r) > 3 else "") for r in rows}


def turtle(verbs: dict[str, list[str]], nations: dict[str, str], where: dict[str, str]) -> str:
    """Return the generated Turtle file's text."""
    def lit(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["# Generated by tools/wordnet_lexicon.py from WordNet 3.0 (make lexicon); do not edit by hand.",
             "# Verbs: WordNet neighbours of each relation's trigger verbs, accepted in tools/wordnet-review.tsv.",
             "# Nationalities: adjectives WordNet relates to a country, named as pycountry names it.",
             "# Places: cities and regions WordNet places in one country (a dateline's \"LIMA\" is in Peru).", "",
             f"@prefix pk: <{PK}> .", ""]
    for rel, words in sorted(verbs.items()):
        if words:
            lines.append(f"pk:{rel} pk:verb {', '.join(lit(w) for w in words)} .")
    lines.append("")
    # One literal per nationality ("Adjective=Country"), on the lexicon: no blank nodes, so the ontology graph a
    # store holds is the same triples on every load.
    pairs = [lit(f"{adj}={country}") for adj, country in nations.items()]
    lines.append("pk:lexicon pk:nationality " + ",\n    ".join(pairs) + " .")
    lines.append("")
    lines.append("pk:lexicon pk:placeIn " + ",\n    ".join(lit(f"{p}={c}") for p, c in where.items()) + " .")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--out", type=Path, default=ROOT / "ontology" / "lexicon-wordnet.ttl")
    args = ap.parse_args(argv)
    if not (args.wordnet / "data.verb").is_file():
        print(f"no WordNet database in {args.wordnet}: apt-get install wordnet-base", file=sys.stderr)
        return 2
    table = ROOT / "tools" / "wordnet-review.tsv"
    if not table.is_file():
        print(f"no review table at {table}: restore it from git (every verb the lexicon takes is decided there)",
              file=sys.stderr)
        return 2
    wn = wordnet_reader(args.wordnet)
    seen = review(table)
    verbs: dict[str, list[str]] = {}
    unreviewed = []
    for (rel, word), senses in sorted(candidates(wn, seed_verbs(ROOT / "ontology" / "policy-kg.ttl")).items()):
        verdict = seen.get((rel, word))
        if verdict is None:
            unreviewed.append(f"{rel}\t{word}\t(from {', '.join(sorted(senses))})")
        elif verdict[0]:
            verbs.setdefault(rel, []).append(word)
    nations = {adj: country for adj, country in nationalities(wn).items()
               if seen.get(("nationality", adj), (True, ""))[0]}   # a nationality is in unless the review rejects it
    where = places(wn, nationalities(wn))
    args.out.write_text(turtle(verbs, nations, where), encoding="utf-8")
    print(f"wrote {args.out}: {sum(map(len, verbs.values()))} verbs, {len(nations)} nationalities, "
          f"{len(where)} places")
    if unreviewed:
        print(f"{len(unreviewed)} candidates not in tools/wordnet-review.tsv (add each as accept or reject):")
        print("\n".join(unreviewed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
