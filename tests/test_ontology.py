"""The ontology files: they parse, agree with the GUIDE's vocabulary, and the actor registry is consistent."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, URIRef

from kg.errors import OntologyError
from kg.vocabulary.ontology import PK, PKID, Ontology, load_ontology, ontology_dir

#: The relation vocabulary of the evaluation GUIDE, copied here on purpose:
#: a relation added to or dropped from the ontology must be a visible decision.
GUIDE_RELATIONS = (
    "accuses criticises threatens compares supports opposes urges agreesWith meets contacts cooperatesWith "
    "investigates bans fines sues orders regulates enforces violates leads owns develops operates memberOf partOf"
).split()

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@pytest.fixture(scope="module")
def ont() -> Ontology:
    return load_ontology()


@pytest.fixture(scope="module")
def actors_graph() -> Graph:
    """The actor registry: actors.ttl and every other actors-*.ttl beside it."""
    graph = Graph()
    for path in sorted(ontology_dir().glob("actors*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def test_load_ontology_parses_and_is_cached(ont: Ontology) -> None:
    assert len(ont.graph) > 100
    assert ont.classes and ont.relations and ont.roles and ont.actors
    assert load_ontology() is ont


def test_every_class_has_colour_and_label(ont: Ontology) -> None:
    assert {"Person", "GovernmentBody", "Regulator", "Company", "Legislation", "Country"} <= set(ont.classes)
    for name in ont.classes:
        node = PK[name]
        colour = ont.graph.value(node, PK.color)
        label = ont.graph.value(node, RDFS.label)
        assert colour is not None and HEX_COLOUR.match(str(colour)), f"{name}: pk:color missing or not #rrggbb"
        assert label is not None and str(label).strip(), f"{name}: no rdfs:label"


def test_class_colours_are_distinct(ont: Ontology) -> None:
    by_colour: dict[str, list[str]] = defaultdict(list)
    for cls in ont.classes.values():
        by_colour[cls.color.lower()].append(cls.name)
    shared = {c: names for c, names in by_colour.items() if len(names) > 1}
    assert not shared, f"classes share a legend colour: {shared}"


def test_relations_match_the_guide_vocabulary(ont: Ontology) -> None:
    missing = sorted(set(GUIDE_RELATIONS) - set(ont.relations))
    extra = sorted(set(ont.relations) - set(GUIDE_RELATIONS))
    assert not missing, f"relations in the GUIDE but not in the ontology: {missing}"
    assert not extra, f"relations in the ontology but not in the GUIDE: {extra}"


def test_every_relation_has_a_label(ont: Ontology) -> None:
    for name in GUIDE_RELATIONS:
        assert ont.graph.value(PK[name], RDFS.label) is not None, name


def test_every_relation_can_be_found(ont: Ontology) -> None:
    role_relations = {r.relation for r in ont.roles}
    silent = [name for name, rel in ont.relations.items()
              if name not in {"partOf", "memberOf"}
              and not (rel.verbs or rel.phrases or rel.nouns) and name not in role_relations]
    assert not silent, f"relations with no trigger verb, phrase, noun or role title: {silent}"


def test_role_titles_name_known_relations(ont: Ontology) -> None:
    for role in ont.roles:
        assert role.relation in ont.relations
        assert role.title and all(w == w.lower() for w in role.title)


def test_type_constraints_name_known_classes(ont: Ontology) -> None:
    for rel in ont.relations.values():
        unknown = (rel.subject_types | rel.object_types) - set(ont.classes)
        assert not unknown, f"{rel.name}: unknown classes {unknown}"


def test_lexicon_has_the_cue_lists_the_code_reads(ont: Ontology) -> None:
    for key in ("boilerplateCue", "negationWord", "conditionalAux", "intentionVerb", "hedgeAdverb", "lightVerb"):
        assert ont.words(key), key
    assert ont.words("no-such-list") == frozenset()


# ---------------------------------------------------------------- actor registry


def test_every_actor_has_a_known_class_and_a_label(ont: Ontology, actors_graph: Graph) -> None:
    subjects = {s for s in actors_graph.subjects() if isinstance(s, URIRef) and str(s).startswith(str(PKID))}
    assert len(subjects) > 50
    for s in subjects:
        types = [t for t in actors_graph.objects(s, RDF.type)]
        assert len(types) == 1, f"{s}: needs exactly one rdf:type, has {types}"
        assert str(types[0]).startswith(str(PK)) and str(types[0])[len(str(PK)):] in ont.classes, (
            f"{s}: class {types[0]} is not an actor class")
        labels = list(actors_graph.objects(s, RDFS.label))
        assert len(labels) == 1 and str(labels[0]).strip(), f"{s}: needs one rdfs:label"
    assert set(ont.actors) == {str(s) for s in subjects}


def test_no_two_actors_share_a_name(ont: Ontology) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in ont.actors.values():
        for name in actor.names:
            owners[name.casefold()].add(actor.iri)
    clashes = {name: sorted(iris) for name, iris in owners.items() if len(iris) > 1}
    assert not clashes, f"names used by more than one actor: {clashes}"


def test_government_and_jurisdiction_targets_are_actors(ont: Ontology) -> None:
    for actor in ont.actors.values():
        if actor.government:
            target = ont.actors.get(actor.government)
            assert target is not None, f"{actor.iri}: pk:government {actor.government} is not an actor"
            assert target.type == "GovernmentBody", f"{actor.iri}: its government is a {target.type}"
        if actor.jurisdiction:
            assert actor.jurisdiction in ont.actors, f"{actor.iri}: pk:jurisdiction {actor.jurisdiction} unknown"


def test_registry_hints_point_at_actors(ont: Ontology) -> None:
    for prop in (PK.partOf, PK.ownedBy, PK.developedBy):
        for s, target in ont.graph.subject_objects(prop):
            if str(s).startswith(str(PKID)):
                assert str(target) in ont.actors, f"{s} {prop} {target}: target is not an actor"


def test_same_as_links_are_wikidata_items(ont: Ontology) -> None:
    for actor in ont.actors.values():
        for link in actor.same_as:
            assert re.fullmatch(r"http://www\.wikidata\.org/entity/Q\d+", link), f"{actor.iri}: {link}"


# ---------------------------------------------------------------- lookups


@pytest.mark.parametrize(("phrase", "relation", "government"), [
    ("executive vice president", "memberOf", False),
    ("executive vice-president", "memberOf", False),
    ("president", "leads", True),
    ("deputy prime minister", "memberOf", True),
    ("prime minister", "leads", True),
    ("chief executive", "leads", False),
    ("Chief Executive", "leads", False),
])
def test_role_for_picks_the_longest_title(ont: Ontology, phrase: str, relation: str, government: bool) -> None:
    role = ont.role_for(phrase)
    assert role is not None
    assert (role.relation, role.implies_government) == (relation, government)


def test_role_for_unknown_phrase(ont: Ontology) -> None:
    assert ont.role_for("gardener") is None
    assert ont.role_for("") is None


@pytest.mark.parametrize(("name", "cls"), [
    ("Department of Justice", "GovernmentBody"),
    ("Digital Freedom Project", "Organisation"),
    ("US Court of Appeals for the DC Circuit", "Court"),
    ("Online Safety Amendment (Social Media Minimum Age) Act", "Legislation"),
    ("Northland Data Protection Authority", "Regulator"),
])
def test_type_from_name(ont: Ontology, name: str, cls: str) -> None:
    assert ont.type_from_name(name) == cls


def test_type_from_name_without_cue(ont: Ontology) -> None:
    assert ont.type_from_name("Zeta Chat") is None


# ---------------------------------------------------------------- broken ontologies

PREFIXES = """@prefix pk: <https://policy-kg.org/ns#> .
@prefix pkid: <https://policy-kg.org/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


def test_unparseable_file_raises_ontology_error(tmp_path: Path) -> None:
    (tmp_path / "good.ttl").write_text(PREFIXES + "pk:Person rdfs:subClassOf pk:Actor .\n", encoding="utf-8")
    (tmp_path / "bad.ttl").write_text(PREFIXES + "pk:Person rdfs:label \"unclosed .\n", encoding="utf-8")
    with pytest.raises(OntologyError, match=r"bad\.ttl"):
        load_ontology(str(tmp_path))


def test_empty_folder_raises_ontology_error(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="KG_ONTOLOGY"):
        load_ontology(str(tmp_path))


def test_actor_of_unknown_class_raises_ontology_error(tmp_path: Path) -> None:
    (tmp_path / "o.ttl").write_text(PREFIXES + "pk:Person rdfs:subClassOf pk:Actor .\n"
                                    "pkid:zeta a pk:Spaceship ; rdfs:label \"Zeta\" .\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="unknown class"):
        load_ontology(str(tmp_path))


def test_actor_without_label_raises_ontology_error(tmp_path: Path) -> None:
    (tmp_path / "o.ttl").write_text(PREFIXES + "pk:Person rdfs:subClassOf pk:Actor .\n"
                                    "pkid:jane-doe a pk:Person .\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="rdfs:label"):
        load_ontology(str(tmp_path))


def test_role_title_of_unknown_relation_raises_ontology_error(tmp_path: Path) -> None:
    (tmp_path / "o.ttl").write_text(
        PREFIXES + "pk:role-x a pk:RoleTitle ; pk:relationOf pk:nope ; pk:title \"boss\" .\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="role title"):
        load_ontology(str(tmp_path))


def test_minimal_ontology_folder_loads(tmp_path: Path) -> None:
    (tmp_path / "o.ttl").write_text(
        PREFIXES + "pk:Person rdfs:subClassOf pk:Actor ; rdfs:label \"Person\" ; pk:color \"#123456\" .\n"
        "pk:meets a pk:Relation ; pk:verb \"meet\" .\n"
        "pkid:jane-doe a pk:Person ; rdfs:label \"Jane Doe\" .\n", encoding="utf-8")
    small = load_ontology(str(tmp_path))
    assert set(small.classes) == {"Person"} and small.classes["Person"].color == "#123456"
    assert small.relations["meets"].verbs == ("meet",)
    assert small.actors["https://policy-kg.org/id/jane-doe"].label == "Jane Doe"


def test_closed_namespace_matches_the_ontology_files():
    """Every pk: term the Turtle files use is a member of the closed PK namespace, and the reverse."""
    import re

    from kg.vocabulary.namespace import PK as CLOSED

    used: set[str] = set()
    for path in ontology_dir().glob("*.ttl"):
        used |= set(re.findall(r"\bpk:([A-Za-z][\w-]*)", path.read_text(encoding="utf-8")))
    declared = set(CLOSED.__annotations__) | set(CLOSED._extras)
    assert used - declared == set(), "terms in ontology/*.ttl missing from kg/vocabulary/namespace.py"
    assert declared - used == set(), "terms in kg/vocabulary/namespace.py the ontology never declares"


def test_closed_namespace_rejects_a_misspelt_term():
    import pytest as _pytest

    from kg.vocabulary.namespace import PK as CLOSED

    with _pytest.raises(AttributeError):
        CLOSED.fnies  # noqa: B018


def test_a_field_word_leaving_its_group_keeps_generic_names_generic() -> None:
    """"Data Protection Commission" is a name any country's body may bear, whichever field group holds its words."""
    from kg.vocabulary.ontology import load_ontology

    ont = load_ontology()
    assert ont.is_generic_name("Data Protection Commission")
    assert ont.is_generic_name("Consumer Protection Agency") or "agency" not in ont.generic_name_words
    assert "data" in ont.field_words and "protection" not in ont.field_words


def test_places_name_the_country_they_are_in() -> None:
    # Built from WordNet (tools/wordnet_lexicon.py): a dateline's city tells which country a story is filed from.
    places = load_ontology().places
    assert places["Lima"] == "Peru" and places["Nairobi"] == "Kenya" and places["Seattle"] == "United States"
    assert "Peru" not in places  # a country is no place inside one


_FINGERPRINT = """
from kg.vocabulary.ontology import load_ontology
ont = load_ontology()
print(sorted(ont.domain_words(["antitrust"])))
print([a.iri for a in ont.actors.values()][:50])
print({k: [a.iri for a in v] for k, v in sorted(ont.by_jurisdiction.items())})
print(sorted(ont.nationalities.items())[:50])
"""


def test_the_ontology_reads_the_same_under_every_hash_seed() -> None:
    # Python orders sets of strings by a hash seeded anew in each process: what the loaded ontology says, and the
    # order in which it lists actors (which of two a description finds first), must not depend on it.
    import os
    import subprocess
    import sys

    outs = {subprocess.run([sys.executable, "-c", _FINGERPRINT], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "3", "6", "7")}
    assert len(outs) == 1


@pytest.mark.parametrize(("country", "demonym"), [
    ("Thailand", "Thai"),              # not "Siamese", WordNet's other adjective for it
    ("Philippines", "Philippine"),     # the one sharing the longer opening, not "Filipino"
    ("Ghana", "Ghanaian"),
    ("Switzerland", "Swiss"),
    ("Myanmar", None),                 # "Burmese" shares no opening: the government keeps "Government of Myanmar"
    ("Freedonia", None),
])
def test_a_country_outside_the_registry_has_the_demonym_its_government_is_called_by(
        ont: Ontology, country: str, demonym: str | None) -> None:
    assert ont.demonym(country) == demonym
