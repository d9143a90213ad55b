"""The actor registry as data: every ``ontology/actors*.ttl`` file, checked for the conventions its header states.

Names must be unique across the whole registry, no name may be a generic
bare form (those are resolved by country in code), every national body names
its jurisdiction, Wikidata links are entity IRIs and every actor is defined
in one file only. A test with an own article shows that a world-registry
actor is found in text and carries its Wikidata link.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.vocabulary.ontology import PK, PKID, load_ontology, ontology_dir

#: Names that many countries give one of their institutions. They are never a
#: label or an altLabel: the resolver reads them in the article's country.
GENERIC_NAMES = frozenset(name.casefold() for name in (
    # courts
    "Supreme Court", "High Court", "Constitutional Court", "Federal Court", "Federal Supreme Court",
    "Court of Appeal", "Court of Appeals", "Appeals Court", "Court of Cassation", "Supreme Court of Justice",
    "Supreme Court of Justice of the Nation", "Council of State", "Constitutional Council",
    "Constitutional Tribunal", "Supreme Administrative Court", "Administrative Court", "District Court",
    "Court of Justice", "General Court", "Conseil d'État", "Conseil d'Etat", "Cour de cassation",
    # regulators
    "Data Protection Authority", "Data Protection Commission", "Data Protection Commissioner",
    "Data Protection Agency", "Data Protection Board", "Data Protection Office", "Datatilsynet",
    "Datenschutzbehörde", "Information Commissioner", "Information Regulator", "Privacy Commissioner",
    "Personal Information Protection Commission", "Competition Commission", "Competition Authority",
    "Competition Council", "Competition Agency", "Antitrust Authority", "Communications Authority",
    "Communications Commission", "Media Authority", "Telecommunications Authority",
    "Telecommunications Regulatory Authority", "the regulator", "the watchdog",
    # ministries and governments
    "Ministry of Justice", "Justice Ministry", "Ministry of Finance", "Finance Ministry", "Ministry of Economy",
    "Ministry of the Economy", "Economy Ministry", "Ministry of Economic Affairs", "Ministry of Digital Affairs",
    "Digital Ministry", "Ministry of Communications", "Communications Ministry", "Ministry of Trade",
    "Trade Ministry", "Ministry of Commerce", "Ministry of Industry", "Ministry of Foreign Affairs",
    "Foreign Ministry", "Ministry of the Interior", "Interior Ministry", "Ministry of Defence",
    "Ministry of Defense", "Ministry of Information and Broadcasting", "Ministry of Law and Justice",
    "Department of Telecommunications", "Attorney-General's Department", "the government", "the Government",
    # legislatures
    "Parliament", "National Parliament", "Senate", "House of Representatives", "Chamber of Deputies",
    "National Assembly", "Federal Assembly", "House of Commons", "Upper House", "Lower House", "Legislature",
    "National Congress", "Federal Council", "Bundesrat", "Nationalrat", "Shura Council",
    "Assembly of the Republic",
))

#: Generic names actors.ttl still carries, left to its curators: each entry
#: is (actor IRI, name). Remove an entry when actors.ttl drops the name.
KNOWN_IN_ACTORS_TTL = frozenset({
    (str(PKID["irish-data-protection-commission"]), "Data Protection Commission"),
})

#: Classes of bodies that belong to a country (or to the EU): each must name it.
NATIONAL_CLASSES = frozenset({"GovernmentBody", "Regulator", "Legislature", "Court", "Legislation"})

WIKIDATA_ITEM = re.compile(r"http://www\.wikidata\.org/entity/Q[1-9]\d*")


def registry_files() -> list[Path]:
    return sorted(ontology_dir().glob("actors*.ttl"))


@pytest.fixture(scope="module")
def registry() -> dict[Path, Graph]:
    files = registry_files()
    assert any(p.name == "actors-world.ttl" for p in files), "ontology/actors-world.ttl is missing"
    return {path: Graph().parse(path, format="turtle") for path in files}


@pytest.fixture(scope="module")
def merged(registry: dict[Path, Graph]) -> Graph:
    graph = Graph()
    for g in registry.values():
        graph += g
    return graph


def actors_of(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(PKID))}


def class_of(graph: Graph, actor: URIRef) -> str:
    return str(graph.value(actor, RDF.type)).rsplit("#", 1)[-1]


def names_of(graph: Graph, actor: URIRef) -> list[str]:
    return [str(o) for p in (RDFS.label, SKOS.altLabel) for o in graph.objects(actor, p)]


def test_every_actor_is_defined_in_one_file_only(registry: dict[Path, Graph]) -> None:
    files_of: dict[URIRef, list[str]] = defaultdict(list)
    for path, graph in registry.items():
        for actor in actors_of(graph):
            files_of[actor].append(path.name)
        # Statements about an actor defined elsewhere would split one actor over files.
        for s in set(graph.subjects()):
            if isinstance(s, URIRef) and str(s).startswith(str(PKID)):
                assert (s, RDF.type, None) in graph, f"{path.name} describes {s} without defining it"
    twice = {str(a): names for a, names in files_of.items() if len(names) > 1}
    assert not twice, f"actor IRIs defined in more than one file: {twice}"


def test_every_actor_has_one_class_and_one_label(merged: Graph) -> None:
    for actor in actors_of(merged):
        assert len(list(merged.objects(actor, RDF.type))) == 1, f"{actor}: more than one rdf:type"
        labels = list(merged.objects(actor, RDFS.label))
        assert len(labels) == 1 and str(labels[0]).strip(), f"{actor}: needs exactly one rdfs:label"


def test_no_two_actors_share_a_name(merged: Graph) -> None:
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for actor in actors_of(merged):
        for name in names_of(merged, actor):
            owners[name.casefold()].add(actor)
    government_of = {s: o for s, o in merged.subject_objects(PK.government)}

    def country_and_its_government(actors: set[URIRef]) -> bool:
        if len(actors) != 2:
            return False
        a, b = sorted(actors)
        return government_of.get(a) == b or government_of.get(b) == a

    clashes = {name: sorted(str(a) for a in actors) for name, actors in owners.items()
               if len(actors) > 1 and not country_and_its_government(actors)}
    assert not clashes, f"names used by more than one actor: {clashes}"


def test_no_name_is_a_generic_bare_form(merged: Graph) -> None:
    generic = sorted((str(actor), name) for actor in actors_of(merged) for name in names_of(merged, actor)
                     if name.casefold() in GENERIC_NAMES and (str(actor), name) not in KNOWN_IN_ACTORS_TTL)
    assert not generic, f"generic bare names (qualify them by country): {generic}"


def test_the_generic_list_catches_a_bare_form() -> None:
    assert "supreme court" in GENERIC_NAMES and "data protection commission" in GENERIC_NAMES
    assert "supreme court of japan" not in GENERIC_NAMES


def test_every_national_body_names_its_jurisdiction(merged: Graph) -> None:
    actors = actors_of(merged)
    missing = sorted(str(a) for a in actors
                     if class_of(merged, a) in NATIONAL_CLASSES and merged.value(a, PK.jurisdiction) is None)
    assert not missing, f"national bodies without pk:jurisdiction: {missing}"
    for actor, target in merged.subject_objects(PK.jurisdiction):
        assert target in actors, f"{actor}: pk:jurisdiction {target} is not an actor"
        assert class_of(merged, target) in {"Country", "Organisation"}, f"{actor}: jurisdiction {target}"


def test_every_country_has_a_government_and_a_demonym(merged: Graph) -> None:
    for country in actors_of(merged):
        if class_of(merged, country) != "Country":
            continue
        government = merged.value(country, PK.government)
        assert government is not None, f"{country}: no pk:government"
        assert class_of(merged, government) == "GovernmentBody", f"{country}: government {government}"
        assert merged.value(government, PK.jurisdiction) == country, f"{government}: jurisdiction is not {country}"
        assert isinstance(merged.value(country, PK.demonym), Literal), f"{country}: no pk:demonym"


def test_part_of_and_owner_links_point_at_actors(merged: Graph) -> None:
    actors = actors_of(merged)
    for prop in (PK.partOf, PK.ownedBy, PK.developedBy, PK.government):
        for actor, target in merged.subject_objects(prop):
            assert target in actors, f"{actor} {prop} {target}: not an actor"
            assert target != actor, f"{actor} {prop} itself"
    # Only organisations and services are owned, only AI systems developed.
    for actor in merged.subjects(PK.ownedBy, None):
        assert class_of(merged, actor) in {"Company", "Platform", "MediaOutlet"}, f"{actor}: pk:ownedBy"
    for actor in merged.subjects(PK.developedBy, None):
        assert class_of(merged, actor) == "AISystem", f"{actor}: pk:developedBy"


def test_same_as_links_are_wikidata_entity_iris(merged: Graph) -> None:
    for actor, link in merged.subject_objects(OWL.sameAs):
        assert isinstance(link, URIRef) and WIKIDATA_ITEM.fullmatch(str(link)), f"{actor}: owl:sameAs {link!r}"
    owners: dict[URIRef, set[URIRef]] = defaultdict(set)
    for actor, link in merged.subject_objects(OWL.sameAs):
        owners[link].add(actor)
    shared = {str(link): sorted(map(str, a)) for link, a in owners.items() if len(a) > 1}
    assert not shared, f"one Wikidata item linked from several actors: {shared}"


def test_the_world_registry_is_loaded_with_the_rest() -> None:
    ont = load_ontology()
    world = Graph().parse(ontology_dir() / "actors-world.ttl", format="turtle")
    assert {str(a) for a in actors_of(world)} <= set(ont.actors)
    japan_court = ont.actors[str(PKID["supreme-court-of-japan"])]
    assert (japan_court.type, japan_court.jurisdiction) == ("Court", str(PKID["japan"]))


@pytest.mark.model
def test_a_world_registry_actor_is_found_in_text_with_its_wikidata_link() -> None:
    from kg.extraction.pipeline import extract_articles
    from kg.sources.parse import parse_text

    text = ("The Swedish Authority for Privacy Protection fined Spotify on Tuesday. "
            "Baidu said the Supreme Court of Japan would hear its appeal.")
    (ex,) = extract_articles([parse_text(text, article_id="t")])
    by_label = {e.label: e for e in ex.entities}
    ont = load_ontology()
    for label, cls in (("Swedish Authority for Privacy Protection", "Regulator"), ("Spotify", "Company"),
                       ("Baidu", "Company"), ("Supreme Court of Japan", "Court")):
        assert label in by_label, f"{label} not found: {sorted(by_label)}"
        assert by_label[label].type == cls
    assert ont.actors[by_label["Spotify"].id].same_as == ["http://www.wikidata.org/entity/Q689141"]
