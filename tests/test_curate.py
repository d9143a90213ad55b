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
from kg.store import Store

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
    lines = [f"{a} <{RDF_TYPE}> <{PK}Article> ."]
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
    from kg.actors import stored_actors

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
    from kg.actors import list_actors

    assert [a.label for a in list_actors(st, types=frozenset({"Person"}))] == ["Mila Oskarsson"]
    # "vda" is an alias of the authority and the label of the other node
    assert {a.iri.removeprefix(ID) for a in list_actors(st, match="vda")} == {"veltrian-data-authority", "vda"}
    assert list_actors(st, match="Q99999001")[0].label == "Veltrian Data Authority"
    assert list_actors(st, match="nobody-by-this-name") == []


def test_find_actor_by_iri_slug_label_alias_and_ambiguity(st: Store) -> None:
    from kg.actors import find_actor, stored_actors

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
                                       "articles": 2, "wikidata": [], "iri": ID + "korro-labs"}]
    csv_out = runner.invoke(main, ["actors", "--store", str(store_path), "--format", "csv", "--match", "mila"])
    assert csv_out.output.splitlines() == ["label,type,aliases,articles,wikidata,iri",
                                           f"Mila Oskarsson,Person,,1,,{ID}mila-oskarsson"]
    bad = runner.invoke(main, ["actors", "--store", str(store_path), "--type", "Wizard"])
    assert bad.exit_code == 1 and "unknown actor type 'Wizard'" in bad.output
