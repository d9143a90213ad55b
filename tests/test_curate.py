"""Curation: listing the store's actors, registry files, merge and split decisions.

The stores here are built by hand from small article graphs written for these
tests (invented actors), so the rules are tested without the spaCy model.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputError
from kg.store.embedded import Store

ID = "https://policy-kg.org/id/"
ART = "https://policy-kg.org/article/"
PK = "https://policy-kg.org/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"


def lit(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def article_graph(article: str, actors: list[tuple[str, str, str, list[str]]],
                  edges: list[tuple[str, str, str]] = (), same_as: dict[str, str] | None = None) -> str:
    """Return the N-Triples of one article graph: actors (slug, label, type, mentions) and direct edges."""
    a = f"<{ART}{article}>"
    lines = [f"{a} <{RDF_TYPE}> <{PK}Article> .", f"{a} <http://purl.org/dc/terms/identifier> {lit(article)} ."]
    for slug, label, typ, mentions in actors:
        node = f"<{ID}{slug}>"
        lines += [f"{node} <{RDF_TYPE}> <{PK}{typ}> .", f"{node} <{LABEL}> {lit(label)} .",
                  f"{node} <{PK}mentionedIn> {a} ."]
        lines += [f"{node} <{PK}mention> {lit(m)} ." for m in mentions]
    for slug, target in (same_as or {}).items():
        lines.append(f"<{ID}{slug}> <{SAME_AS}> <{target}> .")
    for s, rel, o in edges:
        lines.append(f"<{ID}{s}> <{PK}{rel}> <{ID}{o}> .")
    return "\n".join(lines) + "\n"


#: Three invented articles about a regulator of the invented state of Veltria.
GRAPHS = {
    "vda-fines-korro": article_graph(
        "vda-fines-korro",
        [("veltrian-data-authority", "Veltrian Data Authority", "Regulator", ["Veltrian Data Authority", "VDA"]),
         ("korro-labs", "Korro Labs", "Company", ["Korro Labs"])],
        [("veltrian-data-authority", "fines", "korro-labs")],
        same_as={"veltrian-data-authority": "http://www.wikidata.org/entity/Q99999001"}),
    "vda-warns-korro": article_graph(
        "vda-warns-korro",
        [("vda", "VDA", "Organisation", ["VDA"]), ("korro-labs", "Korro Labs", "Company", ["Korro", "Korro Labs"])],
        [("vda", "criticises", "korro-labs")]),
    "mila-oskarsson-speaks": article_graph(
        "mila-oskarsson-speaks",
        [("mila-oskarsson", "Mila Oskarsson", "Person", ["Mila Oskarsson"]),
         ("veltrian-data-authority", "Veltrian Data Authority", "Regulator", ["Veltrian Data Authority"])],
        [("mila-oskarsson", "leads", "veltrian-data-authority")]),
}


def build_store(path: Path, graphs: dict[str, str] = GRAPHS) -> Path:
    with Store(path) as st:
        for name, nt in graphs.items():
            st.replace_graph(ART + name, nt)
    return path


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return build_store(tmp_path / "store")


@pytest.fixture
def st(store_path: Path) -> Iterator[Store]:
    with Store(store_path) as opened:
        yield opened


# ---------------------------------------------------------------- kg actors


def test_actors_lists_label_type_aliases_articles_wikidata_iri(st: Store) -> None:
    from kg.curation.actors import stored_actors

    found = {a.iri.removeprefix(ID): a for a in stored_actors(st)}
    assert set(found) == {"veltrian-data-authority", "vda", "korro-labs", "mila-oskarsson"}
    vda = found["veltrian-data-authority"]
    assert (vda.label, vda.type, vda.articles, vda.wikidata) == ("Veltrian Data Authority", "Regulator", 2,
                                                                 ("Q99999001",))
    assert vda.aliases == ("VDA",)
    assert found["korro-labs"].aliases == ("Korro",) and found["korro-labs"].articles == 2
    # most articles first
    assert [a.articles for a in stored_actors(st)] == [2, 2, 1, 1]


def test_actors_filter_by_type_and_text(st: Store) -> None:
    from kg.curation.actors import list_actors

    assert [a.label for a in list_actors(st, types=frozenset({"Person"}))] == ["Mila Oskarsson"]
    # "vda" is an alias of the authority and the label of the other node
    assert {a.iri.removeprefix(ID) for a in list_actors(st, match="vda")} == {"veltrian-data-authority", "vda"}
    assert list_actors(st, match="Q99999001")[0].label == "Veltrian Data Authority"
    assert list_actors(st, match="nobody-by-this-name") == []


def test_find_actor_by_iri_slug_label_alias_and_ambiguity(st: Store) -> None:
    from kg.curation.actors import find_actor, stored_actors

    actors = stored_actors(st)
    assert find_actor(actors, "pkid:korro-labs").label == "Korro Labs"
    assert find_actor(actors, ID + "vda").iri == ID + "vda"
    assert find_actor(actors, "mila oskarsson").iri == ID + "mila-oskarsson"
    assert find_actor(actors, "Korro").iri == ID + "korro-labs"
    with pytest.raises(InputError, match="did you mean 'Korro Labs'"):
        find_actor(actors, "Korro Lab")


def test_cli_actors_formats(store_path: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(main, ["actors", "--store", str(store_path), "--type", "Regulator"])
    assert table.exit_code == 0, table.output
    assert "Veltrian Data Authority" in table.output and "Q99999001" in table.output
    assert "Korro Labs" not in table.output and "1 actor(s)" in table.output
    out = runner.invoke(main, ["actors", "--store", str(store_path), "--format", "json", "--match", "korro"])
    assert json.loads(out.output) == [{"label": "Korro Labs", "type": "Company", "aliases": ["Korro"],
                                       "descriptions": [], "articles": 2, "wikidata": [], "iri": ID + "korro-labs"}]
    csv_out = runner.invoke(main, ["actors", "--store", str(store_path), "--format", "csv", "--match", "mila"])
    assert csv_out.output.splitlines() == ["label,type,aliases,articles,wikidata,iri,descriptions",
                                           f"Mila Oskarsson,Person,,1,,{ID}mila-oskarsson,"]
    bad = runner.invoke(main, ["actors", "--store", str(store_path), "--type", "Wizard"])
    assert bad.exit_code == 1 and "unknown actor type 'Wizard'" in bad.output


def test_one_actor_one_type_in_stats_actors_and_the_explorer(tmp_path: Path) -> None:
    """A government most articles call a government, named a country in one: one actor of one type everywhere."""
    from kg.store.stats import store_stats

    govt = ("veltrian-government", "Veltrian Government", "GovernmentBody", ["Veltrian Government"])
    graphs = {f"g{i}": article_graph(f"g{i}", [govt, ("korro-labs", "Korro Labs", "Company", ["the company"])],
                                     [("veltrian-government", "criticises", "korro-labs")]) for i in range(2)}
    graphs["c"] = article_graph("c", [("veltrian-government", "Veltria", "Country", ["Veltria"])])
    with Store(build_store(tmp_path / "s", graphs)) as st:
        from kg.curation.actors import stored_actors

        actors = {a.iri.removeprefix(ID): a for a in stored_actors(st)}
        stats = store_stats(st)
        assert (actors["veltrian-government"].type, actors["veltrian-government"].label) == \
               ("GovernmentBody", "Veltrian Government")
        assert stats.actors == len(actors) == 2
        assert stats.actors_by_type == {"Company": 1, "GovernmentBody": 1}
        # A description is kept apart from the names.
        assert actors["korro-labs"].aliases == () and actors["korro-labs"].descriptions == ("the company",)


def test_the_actors_csv_is_a_registry_file_that_changes_nothing(st: Store, tmp_path: Path) -> None:
    from kg.curation.actors import actors_csv, stored_actors
    from kg.curation.registry_files import load_registry

    before = stored_actors(st)
    path = tmp_path / "actors.csv"
    path.write_text(actors_csv(before), encoding="utf-8")
    registry = {a.iri: a for a in load_registry(path)}
    assert {(a.iri, a.label, a.type) for a in before} == {(a.iri, a.label, a.type) for a in registry.values()}
    for a in before:   # "VDA" names two actors of the store: left out, since a registry name names one
        assert set(a.aliases) - {"VDA"} <= set(registry[a.iri].alt_labels), a.iri


# ---------------------------------------------------------------- registry files

REGISTRY_YAML = """\
# the invented state of Veltria and its regulator
- label: Veltrian Data Authority
  type: Regulator
  aliases: [VDA, Veltra Watch]
  wikidata: Q99999001
  country: Veltria
- {label: Veltria, type: Country}
- label: Ofcom
  aliases: Office of Communications; Veltrian Ofcom
  wikidata: https://www.wikidata.org/wiki/Q99999002
"""

REGISTRY_CSV = """\
label,type,aliases,articles,wikidata,country,iri
Korro Labs,Company,Korro; KL,3,,,
Mila Oskarsson,Person,,,Q99999003,,pkid:mila-oskarsson-veltria
Tamsin Greaves,Person,,,,British,
"""


@pytest.fixture
def fresh_pipeline() -> Iterator[None]:
    """Leave the default registry active after the test, whatever the test activated."""
    from kg.curation.registry_files import activate

    yield
    activate(())


def test_yaml_registry_adds_actors_and_overrides_a_built_in(tmp_path: Path) -> None:
    from kg.curation.registry_files import load_registry

    (tmp_path / "r.yaml").write_text(REGISTRY_YAML, encoding="utf-8")
    actors = {a.iri.removeprefix(ID): a for a in load_registry(tmp_path / "r.yaml")}
    assert set(actors) == {"veltrian-data-authority", "veltria", "ofcom"}
    vda = actors["veltrian-data-authority"]
    assert (vda.type, vda.alt_labels, vda.jurisdiction) == ("Regulator", ["VDA", "Veltra Watch"], ID + "veltria")
    assert vda.same_as == ["http://www.wikidata.org/entity/Q99999001"]
    ofcom = actors["ofcom"]   # the built-in IRI and the fields left out are kept
    assert (ofcom.type, ofcom.jurisdiction) == ("Regulator", ID + "united-kingdom")
    assert ofcom.alt_labels == ["Office of Communications", "Veltrian Ofcom"]
    assert ofcom.same_as == ["http://www.wikidata.org/entity/Q99999002"]


def test_csv_registry_reads_semicolon_aliases_iri_and_demonym(tmp_path: Path) -> None:
    from kg.curation.registry_files import load_registry

    (tmp_path / "r.csv").write_text(REGISTRY_CSV, encoding="utf-8")
    actors = {a.label: a for a in load_registry(tmp_path / "r.csv")}
    assert actors["Korro Labs"].alt_labels == ["Korro", "KL"] and actors["Korro Labs"].iri == ID + "korro-labs"
    assert actors["Mila Oskarsson"].iri == ID + "mila-oskarsson-veltria"
    assert actors["Tamsin Greaves"].jurisdiction == ID + "united-kingdom"


def test_an_override_keeps_the_fields_it_leaves_out(tmp_path: Path) -> None:
    """A built-in actor overridden by a row (as `kg actors --format csv` writes one) keeps its seat, executive,
    owners and links: feeding the CSV back changes no extraction."""
    from kg.curation.registry_files import load_registry
    from kg.vocabulary.ontology import read_ontology

    built_in = read_ontology(None).actors
    rows = [a for a in built_in.values() if a.seats][:1] + [a for a in built_in.values() if a.executive][:1] + \
        [a for a in built_in.values() if a.owners][:1]
    assert len(rows) == 3
    (tmp_path / "r.csv").write_text("label,type,aliases,iri\n" + "".join(
        f'"{a.label}",{a.type},"{"; ".join(a.alt_labels)}",{a.iri}\n' for a in rows), encoding="utf-8")
    for actor in load_registry(tmp_path / "r.csv"):
        assert actor == built_in[actor.iri], actor.label


@pytest.mark.parametrize(("text", "message"), [
    ("- type: Regulator\n", "r.yaml, entry 1: no label"),
    ("- {label: Veltria Board, type: Wizard}\n", "r.yaml, entry 1: unknown type 'Wizard'; use one of"),
    ("- {label: Veltria Board}\n", "entry 1: 'Veltria Board' is not a built-in actor, so it needs a type"),
    ("- {label: Veltria Board, type: Regulator, wikidata: 99}\n", "wikidata '99' is not a Wikidata id; write it as"),
    ("- {label: Veltria Board, type: Regulator, country: Atlantis}\n", "unknown country 'Atlantis'"),
    ("- {label: Veltria Board, type: Regulator, alias: VB}\n", "unknown field 'alias'; an entry has label, type,"),
    ("- {label: Veltria Board, type: Regulator, iri: 'Not An IRI'}\n", "iri 'Not An IRI' is not an actor IRI"),
    ("- {label: Veltria Board, type: Regulator, aliases: [VB]}\n- {label: Vale Bank, type: Company, aliases: [VB]}\n",
     "r.yaml, entry 2: the name 'VB' is also given by r.yaml, entry 1"),
    ("- {label: Veltria Board, type: Regulator, aliases: [Ofcom, Ireland]}\n",
     "belong to 2 built-in actors: .*Give the iri"),
    ("label: Veltria Board\n", "write a list of entries"),
    ("- just a name\n", "r.yaml, entry 1: an entry is a mapping"),
    ("- [unclosed\n", "r.yaml is not valid YAML"),
])
def test_bad_registry_entries_name_file_entry_and_fix(tmp_path: Path, text: str, message: str) -> None:
    from kg.curation.registry_files import load_registry
    from kg.errors import RegistryError

    (tmp_path / "r.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError, match=message):
        load_registry(tmp_path / "r.yaml")


def test_bad_csv_row_names_its_line(tmp_path: Path) -> None:
    from kg.curation.registry_files import load_registry
    from kg.errors import RegistryError

    (tmp_path / "r.csv").write_text("label,type\nKorro Labs,Company\nVale Bank,Bank\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"r.csv, line 3: unknown type 'Bank'"):
        load_registry(tmp_path / "r.csv")


def test_registry_names_win_over_built_in_aliases() -> None:
    from kg.vocabulary.ontology import Actor, read_ontology

    base = read_ontology()
    assert "Office of Communications" in base.actors[ID + "ofcom"].alt_labels
    mine = Actor(ID + "veltrian-office-of-communications", "Veltrian Office of Communications", "Regulator",
                 ["Office of Communications"])
    ont = base.with_actors([mine])
    assert "Office of Communications" not in ont.actors[ID + "ofcom"].alt_labels
    assert next(iter(ont.actors)) == mine.iri and len(ont.actors) == len(base.actors) + 1
    assert "Office of Communications" in base.actors[ID + "ofcom"].alt_labels   # the base is left alone


def test_registry_found_beside_the_store(tmp_path: Path) -> None:
    from kg.curation.registry_files import registry_beside
    from kg.errors import RegistryError

    assert registry_beside(tmp_path / "store") is None
    (tmp_path / "kg-registry.csv").write_text(REGISTRY_CSV, encoding="utf-8")
    assert registry_beside(tmp_path / "store") == (tmp_path / "kg-registry.csv").resolve()
    assert registry_beside("http://localhost:7878/query") is None
    (tmp_path / "kg-registry.yaml").write_text(REGISTRY_YAML, encoding="utf-8")
    with pytest.raises(RegistryError, match="two registry files"):
        registry_beside(tmp_path / "store")


VDA_ARTICLE = "Veltra Watch fined Korro Labs on Monday over its handling of user data.\n"


@pytest.mark.model
def test_extract_with_a_registry_uses_its_iri_type_and_wikidata(tmp_path: Path, fresh_pipeline: None) -> None:
    from kg import api
    from kg.store.load import to_graph

    (tmp_path / "r.yaml").write_text(REGISTRY_YAML, encoding="utf-8")
    (tmp_path / "a.txt").write_text(VDA_ARTICLE, encoding="utf-8")
    (ex,) = api.extract(path=tmp_path / "a.txt", registry=tmp_path / "r.yaml")
    ents = {e.id: e for e in ex.entities}
    assert ents[ID + "veltrian-data-authority"].type == "Regulator"
    assert ents[ID + "veltrian-data-authority"].label == "Veltrian Data Authority"
    nt = to_graph(ex).serialize(format="nt")
    assert "<http://www.wikidata.org/entity/Q99999001>" in nt
    (plain,) = api.extract(path=tmp_path / "a.txt")   # without the registry, the name is unknown again
    assert ID + "veltrian-data-authority" not in {e.id for e in plain.entities}


@pytest.mark.model
def test_ingest_finds_the_registry_beside_the_store_and_re_extracts_when_it_changes(tmp_path: Path,
                                                                                   fresh_pipeline: None) -> None:
    from kg import api

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(VDA_ARTICLE, encoding="utf-8")
    first = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "store", workers=1)
    assert first.new == 1
    (tmp_path / "kg-registry.yaml").write_text(REGISTRY_YAML, encoding="utf-8")
    second = api.ingest(paths=[tmp_path / "in"], store=tmp_path / "store", workers=1)
    assert second.updated == 1, "a new registry re-extracts the articles"
    found = api.actors(store=tmp_path / "store", match="Q99999001")
    assert [(a.label, a.type) for a in found] == [("Veltrian Data Authority", "Regulator")]
    runner = CliRunner()
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {label: Veltria Board}\n", encoding="utf-8")
    out = runner.invoke(main, ["ingest", str(tmp_path / "in"), "--store", str(tmp_path / "store"), "--registry",
                               str(bad), "--workers", "1"])
    assert out.exit_code == 1 and "bad.yaml, entry 1: 'Veltria Board' is not a built-in actor" in out.output


# ---------------------------------------------------------------- merge and split decisions


def test_merge_rewrites_stored_graphs_and_is_recorded_with_who_when_why(st: Store) -> None:
    from kg.curation.actors import find_actor, stored_actors
    from kg.curation.curate import record
    from kg.curation.decisions import merge_decision, read_decisions

    actors = stored_actors(st)
    d = merge_decision(find_actor(actors, "Veltrian Data Authority"), find_actor(actors, "pkid:vda"),
                       why="VDA is the authority's acronym", by="tester")
    assert record(st, d)[1] == 1
    after = {a.iri.removeprefix(ID): a for a in stored_actors(st)}
    assert "vda" not in after
    vda = after["veltrian-data-authority"]
    assert (vda.articles, vda.type, vda.aliases) == (3, "Regulator", ("VDA",))
    lines = st.graph_ntriples(ART + "vda-warns-korro")
    assert f"<{ID}veltrian-data-authority> <{PK}criticises> <{ID}korro-labs> ." in lines
    assert f'<{ID}veltrian-data-authority> <{LABEL}> "Veltrian Data Authority" .' in lines
    assert f"<{ID}veltrian-data-authority> <{RDF_TYPE}> <{PK}Regulator> ." in lines
    assert not any(f"<{ID}vda>" in line for line in lines)
    (kept,) = read_decisions(st)
    assert (kept.kind, kept.actor, kept.other, kept.by, kept.why) == (
        "merge", ID + "veltrian-data-authority", ID + "vda", "tester", "VDA is the authority's acronym")
    assert kept.when.startswith("20") and "T" in kept.when
    # the untouched graph is left as it was
    assert st.graph_ntriples(ART + "mila-oskarsson-speaks") == {
        line for line in GRAPHS["mila-oskarsson-speaks"].splitlines()}


def test_merge_refuses_one_actor_twice_and_unknown_names(st: Store) -> None:
    from kg.curation.actors import find_actor, stored_actors
    from kg.curation.decisions import merge_decision
    from kg.errors import CurationError

    actors = stored_actors(st)
    with pytest.raises(CurationError, match="one actor already"):
        merge_decision(find_actor(actors, "VDA"), find_actor(actors, "pkid:vda"))
    with pytest.raises(InputError, match="no actor named 'Veltrian Data Agency'.*did you mean"):
        find_actor(actors, "Veltrian Data Agency")


def test_decisions_apply_to_a_new_graph_as_they_did_to_the_stored_one(st: Store) -> None:
    """What ingest writes for an article after a decision equals what the decision made of its stored graph."""
    from kg.curation.actors import find_actor, stored_actors
    from kg.curation.curate import record
    from kg.curation.decisions import apply_all, merge_decision, read_decisions, split_decision

    actors = stored_actors(st)
    record(st, merge_decision(find_actor(actors, "Veltrian Data Authority"), find_actor(actors, "pkid:vda"),
                              when="2026-11-27T10:00:00+00:00"))
    actors = stored_actors(st)
    record(st, split_decision(find_actor(actors, "Korro Labs"), ["Korro"], into="Korro Holdings",
                              when="2026-11-27T11:00:00+00:00"))
    decisions = read_decisions(st)
    assert [d.kind for d in decisions] == ["merge", "split"]
    for name, nt in GRAPHS.items():
        assert set(apply_all(decisions, nt).splitlines()) == st.graph_ntriples(ART + name), name
    assert apply_all(decisions, GRAPHS["mila-oskarsson-speaks"]) == GRAPHS["mila-oskarsson-speaks"]


SUPREME = {
    "brazil-court-rules": article_graph(
        "brazil-court-rules",
        [("supreme-court", "Supreme Court", "Court", ["Supreme Federal Court", "Supreme Court"]),
         ("tavo-rede", "Tavo Rede", "Platform", ["Tavo Rede"])],
        [("supreme-court", "bans", "tavo-rede")],
        same_as={"supreme-court": "http://www.wikidata.org/entity/Q99999010"}),
    "us-court-hears": article_graph(
        "us-court-hears",
        [("supreme-court", "Supreme Court", "Court", ["Supreme Court", "the court"])],
        same_as={"supreme-court": "http://www.wikidata.org/entity/Q99999010"}),
}


def test_split_moves_the_articles_using_the_name_to_a_new_actor(tmp_path: Path) -> None:
    from kg.curation.actors import find_actor, stored_actors
    from kg.curation.curate import record
    from kg.curation.decisions import split_decision

    with Store(build_store(tmp_path / "store", SUPREME)) as s:
        court = find_actor(stored_actors(s), "Supreme Court")
        d = split_decision(court, ["supreme federal court"], why="Brazil's court is not the US one")
        assert (d.other, d.label, d.names) == (ID + "supreme-federal-court", "Supreme Federal Court",
                                               ("Supreme Federal Court",))
        assert record(s, d)[1] == 1
        found = {a.iri.removeprefix(ID): a for a in stored_actors(s)}
        assert found["supreme-court"].articles == 1 and found["supreme-court"].wikidata == ("Q99999010",)
        moved = found["supreme-federal-court"]
        assert (moved.label, moved.type, moved.articles, moved.wikidata) == ("Supreme Federal Court", "Court", 1, ())
        assert moved.aliases == ("Supreme Court",)
        assert f"<{ID}supreme-federal-court> <{PK}bans> <{ID}tavo-rede> ." in s.graph_ntriples(
            ART + "brazil-court-rules")


def test_split_refuses_a_name_the_actor_never_had_and_moving_every_name(st: Store) -> None:
    from kg.curation.actors import find_actor, stored_actors
    from kg.curation.decisions import split_decision
    from kg.errors import CurationError

    authority = find_actor(stored_actors(st), "Veltrian Data Authority")
    with pytest.raises(CurationError, match="not called 'Veltra Watch'.*its names are 'Veltrian Data Authority'"):
        split_decision(authority, ["Veltra Watch"])
    with pytest.raises(CurationError, match="every name of 'Veltrian Data Authority' would move"):
        split_decision(authority, ["VDA", "veltrian data authority"])
    with pytest.raises(CurationError, match="would have the IRI of"):
        split_decision(authority, ["VDA"], into="Veltrian Data Authority")


def test_store_with_decisions_still_validates(tmp_path: Path) -> None:
    from kg import api
    from kg.interfaces.validate import validate_store

    path = build_store(tmp_path / "store", SUPREME)
    api.split(actor="Supreme Court", names=["Supreme Federal Court"], store=path, why="two courts")
    with Store(path) as s:
        report = validate_store(s)
    assert report.conforms, [str(v) for v in report.violations]


def test_cli_merge_split_and_decisions(store_path: Path) -> None:
    runner = CliRunner()
    store = ["--store", str(store_path)]
    out = runner.invoke(main, ["merge", "Veltrian Data Authority", "pkid:vda", *store, "--why", "acronym",
                               "--by", "ana"])
    assert out.exit_code == 0, out.output
    assert "merged pkid:vda into pkid:veltrian-data-authority" in out.output and "1 article graph(s)" in out.output
    out = runner.invoke(main, ["split", "Korro Labs", "--alias", "Korro", "--into", "Korro Holdings", *store])
    assert out.exit_code == 0, out.output
    assert "split 'Korro' off pkid:korro-labs into pkid:korro-holdings" in out.output
    listing = runner.invoke(main, ["decisions", *store])
    assert "ana" in listing.output and "acronym" in listing.output and "2 decision(s)" in listing.output
    as_json = json.loads(runner.invoke(main, ["decisions", *store, "--format", "json"]).output)
    assert [d["kind"] for d in as_json] == ["merge", "split"] and as_json[1]["names"] == ["Korro"]
    again = runner.invoke(main, ["merge", "Veltrian Data Authority", "VDA", *store])
    assert again.exit_code == 1 and "one actor already" in again.output


def _write(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


#: Invented articles about the invented state of Veltria; two name its regulator only by its acronym.
VELTRIA = {
    "vda-fines-korro.txt": "Veltrian regulator fines Korro Labs\n\nThe Veltrian Data Authority (VDA) fined Korro "
                           "Labs on Monday for keeping children's location data.\n\nKorro Labs criticised the VDA "
                           "and said it would appeal.\n",
    "vda-warns-pellam.txt": "Regulator warns chat app\n\nThe VDA warned Pellam Chat that its age checks were too "
                            "weak.\n\nPellam Chat said it would work with the VDA.\n",
    "brask-praises-vda.txt": "Minister backs data watchdog\n\nVeltrian digital minister Oona Brask praised the "
                             "Veltrian Data Authority on Tuesday.\n\nBrask said the authority had been right to "
                             "fine Korro Labs.\n",
    "varn-criticises-brask.txt": "Korro founder speaks\n\nKorro Labs founder Ilse Varn criticised Oona Brask over "
                                 "the new data rules.\n\nVarn said the VDA had acted unfairly.\n",
}


def _iris(store: Path) -> set[str]:
    from kg import api

    return {a.iri for a in api.actors(store=store)}


#: An app renamed between two articles: the extractor cannot know the names are one app, a researcher can.
PELLAM = {
    "vda-warns-pellam.txt": VELTRIA["vda-warns-pellam.txt"],
    "pellam-messenger-appeals.txt": "Chat app appeals\n\nPellam Messenger criticised the Veltrian Data Authority "
                                    "on Friday and said it would appeal.\n",
}


@pytest.mark.model
def test_a_merge_survives_a_forced_re_ingest_and_applies_to_new_articles(tmp_path: Path) -> None:
    from kg import api

    src = _write(tmp_path / "in", PELLAM)
    store = tmp_path / "store"
    api.ingest(paths=[src], store=store, workers=1)
    assert {ID + "pellam-chat", ID + "pellam-messenger"} <= _iris(store)
    decision, changed = api.merge(keep="Pellam Chat", absorb="Pellam Messenger", store=store, why="renamed")
    assert changed == 1
    assert ID + "pellam-messenger" not in _iris(store)
    report = api.ingest(paths=[src], store=store, workers=1, force=True)
    assert report.updated == 2
    assert ID + "pellam-messenger" not in _iris(store), "the re-extracted article keeps the merge"
    _write(src, {"pellam-messenger-grows.txt": "Pellam Messenger grows\n\nPellam Messenger said on Monday that "
                                               "the Veltrian Data Authority had praised its new age checks.\n"})
    assert api.ingest(paths=[src], store=store, workers=1).new == 1
    iris = _iris(store)
    assert ID + "pellam-messenger" not in iris and ID + "pellam-chat" in iris
    (app,) = api.actors(store=store, match="pellam")
    assert app.articles == 3 and "Pellam Messenger" in app.aliases
    assert [d.iri for d in api.decisions(store=store)] == [decision.iri]


def _actors_by_article(store: Path) -> dict[str, set[str]]:
    with Store(store) as s:
        rows = s.query("SELECT ?g ?e WHERE { GRAPH ?g { ?e pk:mentionedIn ?g } }").rows
    out: dict[str, set[str]] = {}
    for g, e in rows:
        out.setdefault(g, set()).add(e)
    return out


@pytest.mark.model
def test_ingest_order_does_not_change_actor_iris(tmp_path: Path) -> None:
    """The same articles ingested one run each, in two orders, into two fresh stores: the same actors, article
    by article."""
    from kg import api

    names = list(VELTRIA)
    stores = []
    for n, order in enumerate((names, names[::-1])):
        src = _write(tmp_path / f"in{n}", VELTRIA)
        store = tmp_path / f"store{n}"
        for name in order:
            report = api.ingest(paths=[src / name], store=store, workers=1)
            assert report.new == 1, name
        stores.append(store)
    assert _iris(stores[0]) == _iris(stores[1])
    assert _actors_by_article(stores[0]) == _actors_by_article(stores[1])
    assert len(_actors_by_article(stores[0])) == 4
    # the articles that only say "the VDA" are linked to the authority another article names in full
    assert ID + "vda" not in _iris(stores[0]) and ID + "veltrian-data-authority" in _iris(stores[0])


# ---------------------------------------------------------------- the corpus teaches the registry


def test_corpus_links_an_acronym_and_a_surname_to_the_one_actor_they_name() -> None:
    from kg.curation.actors import StoredActor
    from kg.curation.corpus_pass import corpus_links

    def actor(slug: str, label: str, typ: str, *aliases: str) -> StoredActor:
        return StoredActor(ID + slug, label, typ, aliases, 1)

    authority = actor("veltrian-data-authority", "Veltrian Data Authority", "Regulator", "VDA")
    brask = actor("oona-brask", "Oona Brask", "Person")
    short = [actor("vda", "VDA", "Organisation"), actor("brask", "Brask", "Person")]
    links = corpus_links([authority, brask, *short], registry=set())
    assert {(y.iri, x.iri) for y, x in links} == {(ID + "vda", authority.iri), (ID + "brask", brask.iri)}
    # two actors the name could be: nothing is linked
    other = actor("vale-data-agency", "Vale Data Agency", "Regulator", "VDA")
    mikkel = actor("mikkel-brask", "Mikkel Brask", "Person")
    assert corpus_links([authority, brask, other, mikkel, *short], registry=set()) == []
    # registry actors stay; a name a user split off is not linked back
    assert corpus_links([authority, short[0]], registry={ID + "vda"}) == []
    from kg.curation.decisions import Decision

    split = Decision("d", "split", authority.iri, ID + "vda-2", "VDA", None, ("VDA",), "ana", "2026-01-01T00:00:00Z")
    assert corpus_links([authority, short[0]], registry=set(), decisions=[split]) == []
    # a one-word organisation name is not a surname, and a long capital word is not an acronym
    assert corpus_links([authority, actor("korro", "Korro", "Organisation"),
                         actor("veltriadatabase", "VELTRIADATABASE", "Organisation")], registry=set()) == []


def test_link_corpus_rewrites_the_store(st: Store) -> None:
    from kg.curation.actors import stored_actors
    from kg.curation.corpus_pass import link_corpus

    assert link_corpus(st) == [(ID + "vda", ID + "veltrian-data-authority")]
    assert ID + "vda" not in {a.iri for a in stored_actors(st)}
    assert link_corpus(st) == []


def test_split_into_a_registry_actor_takes_its_iri_and_label(tmp_path: Path) -> None:
    from kg import api

    path = build_store(tmp_path / "store", SUPREME)
    decision, changed = api.split(actor="pkid:supreme-court", names=["Supreme Federal Court"],
                                  into="supreme court of spain", store=path)
    assert (decision.other, decision.label, changed) == (ID + "supreme-court-of-spain", "Supreme Court of Spain", 1)
    assert {a.iri for a in api.actors(store=path, types=["Court"])} == {ID + "supreme-court",
                                                                       ID + "supreme-court-of-spain"}


@pytest.mark.model
def test_cli_extract_takes_a_registry(tmp_path: Path, fresh_pipeline: None) -> None:
    (tmp_path / "r.csv").write_text("label,type,aliases\nVeltrian Data Authority,Regulator,Veltra Watch\n",
                                    encoding="utf-8")
    (tmp_path / "a.txt").write_text(VDA_ARTICLE, encoding="utf-8")
    out = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--format", "json", "--registry",
                                    str(tmp_path / "r.csv")])
    assert out.exit_code == 0, out.output
    ents = {e["id"]: e for e in json.loads(out.output)["entities"]}
    assert ents[ID + "veltrian-data-authority"]["type"] == "Regulator"


@pytest.mark.model
def test_cli_ingest_says_what_the_corpus_linked(tmp_path: Path) -> None:
    src = _write(tmp_path / "in", dict(list(VELTRIA.items())[:2]))
    out = CliRunner().invoke(main, ["ingest", str(src), "--store", str(tmp_path / "store"), "--workers", "1"])
    assert out.exit_code == 0, out.output
    assert "linked 1 short name(s) to the one stored actor each names" in out.output
    again = CliRunner().invoke(main, ["ingest", str(src), "--store", str(tmp_path / "store"), "--workers", "1"])
    assert "linked" not in again.output   # nothing written, nothing left to link
