"""The views' data side: reading the store, the filter rules, ego networks, name look-ups, relation groups, layout.

No browser and no spaCy model: the stores are written by the fixtures in
this folder's conftest.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from kg.errors import InputError, OntologyError
from kg.store.embedded import Store
from kg.views.explore import (
    Corpus,
    Filters,
    find_actor,
    make_filters,
    parse_date,
    parse_relations,
    parse_types,
    read_corpus,
    relation_groups,
    select,
)
from kg.views.layout import SPACING, components, force_layout, ring_layout
from kg.vocabulary.namespace import PKID
from kg.vocabulary.ontology import load_ontology

from .worlds import SMALL_STATEMENTS, A, Art, S, write_world


@pytest.fixture(scope="module")
def corpus(small_store: Path) -> Corpus:
    with Store(small_store, read_only=True) as st:
        return read_corpus(st)


def iri(key: str) -> str:
    return str(PKID[key])


def edges_of(corpus: Corpus, f: Filters) -> dict[tuple[str, str], list[str]]:
    """Return the visible edges as (subject IRI, object IRI) -> sorted relation names of their statements."""
    view = select(corpus, f)
    return {(corpus.actors[s].iri, corpus.actors[o].iri): sorted(corpus.statements[i].relation for i in sts)
            for (s, o), sts in view.edges.items()}


# ---------------------------------------------------------------- reading the store


def test_read_corpus_keeps_every_statement_with_its_provenance(corpus: Corpus) -> None:
    assert len(corpus.statements) == len(SMALL_STATEMENTS)
    by_sentence = {corpus.sentences[st.sentence]: st for st in corpus.statements}
    fine = by_sentence["The Northland Data Authority fined Acme Social four million crowns on Monday."]
    assert corpus.actors[fine.subject].label == "Northland Data Authority"
    assert corpus.actors[fine.object].type == "Company"
    assert (fine.relation, fine.date, fine.confidence, fine.modality, fine.negated) == (
        "fines", "2024-01-15", 0.9, "asserted", False)
    assert fine.rule == "verb: active verb"
    art = corpus.articles[fine.article]
    assert (art.title, art.source, art.url) == ("Northland regulator fines Acme Social", "Example Policy Wire",
                                               "https://example.org/news/nda-fines-acme")
    negated = by_sentence["The Northland Government did not ban Zeta Chat outright."]
    assert negated.negated and negated.modality == "asserted"
    undated = by_sentence["The Authority fined Acme Social again, a spokesperson said."]
    assert undated.date is None


def test_a_sentence_behind_two_statements_is_stored_once(corpus: Corpus) -> None:
    shared = "The Authority also opened an inquiry into Zeta Chat, the messaging service Acme runs."
    assert corpus.sentences.count(shared) == 1
    assert sum(corpus.sentences[st.sentence] == shared for st in corpus.statements) == 2


def test_actors_have_type_label_and_aliases(corpus: Corpus) -> None:
    nda = corpus.actors[corpus.index[iri("northland-data-authority")]]
    assert (nda.label, nda.type) == ("Northland Data Authority", "Regulator")
    assert set(nda.aliases) == {"NDA", "the Authority"}
    assert all(a.type in load_ontology().classes for a in corpus.actors)


def test_statements_are_in_date_order_undated_last(corpus: Corpus) -> None:
    dates = [st.date for st in corpus.statements]
    assert dates[-1] is None
    assert dates[:-1] == sorted(d for d in dates if d)
    assert corpus.date_range() == ("2024-01-15", "2025-03-11")


def test_an_actor_typed_differently_takes_the_type_most_articles_give(tmp_path: Path) -> None:
    articles = [Art(f"a{i}", f"Article {i}", f"2024-0{i + 1}-01") for i in range(3)]
    statements = [S(f"a{i}", "x", "criticises", f"y{i}", f"Sentence {i}.") for i in range(3)]
    others = [A(f"y{i}", f"Y{i}", "Person") for i in range(3)]
    path = tmp_path / "store"
    # Two articles call x a Company, one a Platform under another name.
    write_world(path, [*others, A("x", "Xcorp", "Company")], articles[:2], statements[:2])
    write_world(path, [*others, A("x", "Xcorp app", "Platform")], articles[2:], statements[2:])
    with Store(path, read_only=True) as st:
        c = read_corpus(st)
    x = c.actors[c.index[iri("x")]]
    assert (x.type, x.label) == ("Company", "Xcorp")


# ---------------------------------------------------------------- filter rules


def test_default_view_shows_asserted_not_negated_statements(corpus: Corpus) -> None:
    view = select(corpus, Filters())
    shown = [corpus.statements[i] for sts in view.edges.values() for i in sts]
    assert len(shown) == len(SMALL_STATEMENTS) - 2  # one hedged, one negated
    assert all(st.modality == "asserted" and not st.negated for st in shown)


def test_parallel_statements_become_one_edge_keeping_every_statement(corpus: Corpus) -> None:
    edges = edges_of(corpus, Filters())
    assert edges[(iri("northland-data-authority"), iri("acme-social"))] == ["fines", "fines", "fines"]


def test_modalities_and_negation_are_opt_in(corpus: Corpus) -> None:
    hedged = Filters(modalities=frozenset({"asserted", "hedged"}))
    assert (iri("northland-data-authority"), iri("orbit-labs")) in edges_of(corpus, hedged)
    assert (iri("northland-data-authority"), iri("orbit-labs")) not in edges_of(corpus, Filters())
    negated = edges_of(corpus, Filters(negated=True))
    assert negated[(iri("northland-government"), iri("zeta-chat"))] == ["bans"]


def test_relation_filter(corpus: Corpus) -> None:
    edges = edges_of(corpus, Filters(relations=frozenset({"fines", "bans"})))
    assert set(edges) == {(iri("northland-data-authority"), iri("acme-social")),
                          (iri("northland-government"), iri("orbit-assistant"))}


def test_type_filter_needs_both_ends_of_a_shown_type(corpus: Corpus) -> None:
    edges = edges_of(corpus, Filters(types=frozenset({"Regulator", "Company"})))
    assert set(edges) == {(iri("northland-data-authority"), iri("acme-social")),
                          (iri("acme-social"), iri("northland-data-authority")),
                          (iri("quill-systems"), iri("orbit-labs"))}


def test_confidence_filter(corpus: Corpus) -> None:
    edges = edges_of(corpus, Filters(min_confidence=0.85))
    assert all(corpus.statements[i].confidence >= 0.85 for sts in select(corpus, Filters(min_confidence=0.85))
               .edges.values() for i in sts)
    assert (iri("jane-roe"), iri("acme-social")) in edges  # exactly 0.85 passes
    assert (iri("acme-social"), iri("zeta-chat")) not in edges


def test_date_range_leaves_out_undated_statements(corpus: Corpus) -> None:
    everything = edges_of(corpus, Filters())
    assert len(everything[(iri("northland-data-authority"), iri("acme-social"))]) == 3
    year = edges_of(corpus, Filters(since="2024-01-01", until="2024-12-31"))
    assert len(year[(iri("northland-data-authority"), iri("acme-social"))]) == 2  # undated one left out
    assert (iri("southland-court"), iri("zeta-chat")) not in year
    late = edges_of(corpus, Filters(since="2025-01-01"))
    assert set(late) == {(iri("southland-court"), iri("zeta-chat")), (iri("zeta-chat"), iri("online-harms-act"))}


def test_min_articles_counts_distinct_articles(corpus: Corpus) -> None:
    edges = edges_of(corpus, Filters(min_articles=2))
    # NDA fined Acme in three articles; the other pairs come from one article each.
    assert set(edges) == {(iri("northland-data-authority"), iri("acme-social"))}
    assert edges_of(corpus, Filters(min_articles=4)) == {}


def test_ego_view_one_and_two_hops(corpus: Corpus) -> None:
    one = select(corpus, Filters(ego=iri("jane-roe"), hops=1))
    names = {corpus.actors[n].label for n in one.nodes}
    assert names == {"Jane Roe", "Acme Social", "Northland Data Authority"}
    assert [len(r) for r in one.rings] == [2]
    # Induced: the edges between the neighbours are shown too.
    assert (corpus.index[iri("northland-data-authority")], corpus.index[iri("acme-social")]) in one.edges
    two = select(corpus, Filters(ego=iri("jane-roe"), hops=2))
    names2 = {corpus.actors[n].label for n in two.nodes}
    assert {"Zeta Chat", "Tom Quill"} <= names2 and "Orbit Assistant" not in names2
    assert len(two.rings) == 2 and not set(two.rings[0]) & set(two.rings[1])


def test_ego_view_follows_the_other_filters(corpus: Corpus) -> None:
    view = select(corpus, Filters(ego=iri("jane-roe"), hops=2, relations=frozenset({"leads", "opposes"})))
    assert {corpus.actors[n].label for n in view.nodes} == {"Jane Roe", "Acme Social", "Northland Data Authority"}
    alone = select(corpus, Filters(ego=iri("jane-roe"), relations=frozenset({"bans"})))
    assert alone.nodes == {corpus.index[iri("jane-roe")]} and not alone.edges


def test_describe_names_the_narrowing_filters(corpus: Corpus) -> None:
    f = Filters(relations=frozenset({"fines"}), ego=iri("jane-roe"), hops=2, since="2024-01-01", min_articles=2)
    text = "; ".join(f.describe(corpus))
    assert "neighbourhood of Jane Roe (2 hops)" in text and "relations: fines" in text
    assert "2024-01-01" in text and "2 articles" in text
    assert Filters().describe(corpus) == []


# ---------------------------------------------------------------- reading user input


def test_parse_relations_accepts_names_labels_and_groups() -> None:
    groups = relation_groups()
    assert parse_relations(["fines,bans"], groups) == {"fines", "bans"}
    assert parse_relations(["agrees with", "memberOf"], groups) == {"agreesWith", "memberOf"}
    assert parse_relations(["enforcement"], groups) == set(next(g for g in groups if g.name == "enforcement")
                                                           .relations)
    assert parse_relations([], groups) is None
    with pytest.raises(InputError, match=r"unknown relation 'fnies' \(did you mean 'fines'\?\).*bans"):
        parse_relations(["fnies"], groups)


def test_parse_types() -> None:
    assert parse_types(["Regulator,company", "Government body"]) == {"Regulator", "Company", "GovernmentBody"}
    assert parse_types([]) is None
    with pytest.raises(InputError, match="unknown actor type 'Regulators'.*Regulator"):
        parse_types(["Regulators"])


@pytest.mark.parametrize(("text", "end", "expected"), [
    ("2025-01-01", False, "2025-01-01"), ("2025", False, "2025-01-01"), ("2025", True, "2025-12-31"),
    ("2024-02", True, "2024-02-29"), ("2024-12", True, "2024-12-31"), ("2024-12", False, "2024-12-01"),
    (None, False, None), ("", True, None)])
def test_parse_date(text: str | None, end: bool, expected: str | None) -> None:
    assert parse_date(text, end=end) == expected


@pytest.mark.parametrize("bad", ["2025-13-01", "01/02/2025", "yesterday", "2025-02-30"])
def test_parse_date_rejects_non_dates(bad: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_date(bad)


def test_make_filters_checks_its_values() -> None:
    f = make_filters(relations=["fines"], since="2024", until="2024-06", include_modal=True, hops=2)
    assert (f.since, f.until, f.hops, f.negated) == ("2024-01-01", "2024-06-30", 2, True)
    assert f.modalities == {"asserted", "conditional", "hedged", "intended"}
    with pytest.raises(InputError, match="after --until.*swap"):
        make_filters(since="2025-01-01", until="2024-01-01")
    with pytest.raises(InputError, match="hops"):
        make_filters(hops=4)
    with pytest.raises(InputError, match="minimum articles"):
        make_filters(min_articles=0)


def test_find_actor_by_label_alias_iri_and_slug(corpus: Corpus) -> None:
    assert find_actor(corpus, "Northland Data Authority") == iri("northland-data-authority")
    assert find_actor(corpus, "  northland data authority ") == iri("northland-data-authority")
    assert find_actor(corpus, "NDA") == iri("northland-data-authority")
    assert find_actor(corpus, iri("zeta-chat")) == iri("zeta-chat")
    assert find_actor(corpus, "zeta-chat") == iri("zeta-chat")


def test_find_actor_ambiguous_alias_lists_the_candidates(corpus: Corpus) -> None:
    with pytest.raises(InputError, match=r"'Quill' names 2 actors: .*Tom Quill.*Quill Systems|Quill Systems.*Tom"):
        find_actor(corpus, "Quill")


def test_find_actor_unknown_suggests_close_names(corpus: Corpus) -> None:
    with pytest.raises(InputError, match=r"no actor named 'Acme Socail'.*did you mean 'Acme Social'"):
        find_actor(corpus, "Acme Socail")


# ---------------------------------------------------------------- relation groups (ontology/relation-groups.ttl)


def test_every_relation_is_in_exactly_one_of_the_four_groups() -> None:
    groups = relation_groups()
    assert [g.name for g in groups] == ["stance", "interaction", "enforcement", "structure"]
    listed = [r for g in groups for r in g.relations]
    assert sorted(listed) == sorted(load_ontology().relations)
    assert len({g.color for g in groups}) == 4


def test_a_relation_without_a_group_is_an_ontology_error(tmp_path: Path) -> None:
    (tmp_path / "o.ttl").write_text(
        "@prefix pk: <https://policy-kg.org/ns#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "pk:Person rdfs:subClassOf pk:Actor .\npk:meets a pk:Relation .\npk:fines a pk:Relation .\n"
        "pk:group-interaction a pk:RelationGroup ; rdfs:label \"Interaction\" .\n"
        "pk:meets pk:relationGroup pk:group-interaction .\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="pk:fines needs exactly one pk:relationGroup"):
        relation_groups(load_ontology(str(tmp_path)))


# ---------------------------------------------------------------- layout


def test_layout_is_deterministic_and_finite() -> None:
    edges = [(i, (i * 7 + 3) % 50, 1.0) for i in range(50)] + [(50, 51, 2.0)]
    a = force_layout(53, edges)
    assert a == force_layout(53, edges)
    assert len(a) == 53 and all(math.isfinite(x) and math.isfinite(y) for x, y in a)


def test_layout_keeps_neighbours_close_and_components_apart() -> None:
    # Two rings of 20 and an isolated pair.
    edges = [(i, (i + 1) % 20, 1.0) for i in range(20)] + [(20 + i, 20 + (i + 1) % 20, 1.0) for i in range(20)]
    edges.append((40, 41, 1.0))
    pos = force_layout(42, edges)
    neighbour = [math.dist(pos[a], pos[b]) for a, b, _ in edges]
    assert SPACING * 0.5 < min(neighbour) and max(neighbour) < SPACING * 2
    boxes = []
    for comp in components(42, [(a, b) for a, b, _ in edges]):
        xs, ys = [pos[v][0] for v in comp], [pos[v][1] for v in comp]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    assert len(boxes) == 3
    for i, p in enumerate(boxes):
        for q in boxes[i + 1:]:
            assert p[2] < q[0] or q[2] < p[0] or p[3] < q[1] or q[3] < p[1], "components overlap"


def test_layout_of_a_large_graph_needs_no_scipy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "scipy", None)  # any `import scipy` now fails
    n = 1500
    edges = [(i, (i * 31 + 7) % n, 1.0) for i in range(n)] + [(i, i // 10, 1.0) for i in range(10, n)]
    pos = force_layout(n, edges, iterations=5)
    assert len(pos) == n and len(set(pos)) == n


def test_ring_layout_puts_each_hop_on_its_own_circle() -> None:
    positions = [(0.0, 0.0), (100.0, 0.0), (0.0, 100.0), (-100.0, 0.0), (200.0, 10.0)]
    rings = [[1, 2, 3], [4]]
    out = ring_layout(0, rings, positions)
    assert out[0] == (0.0, 0.0)
    r1 = {round(math.hypot(*out[v])) for v in rings[0]}
    r2 = {round(math.hypot(*out[v])) for v in rings[1]}
    assert len(r1) == 1 and len(r2) == 1 and min(r2) > max(r1)
    # Order around the ring follows the angle in the whole-graph layout.
    angles = [math.atan2(positions[v][1], positions[v][0]) for v in rings[0]]
    assert [v for _, v in sorted(zip(angles, rings[0], strict=True))] == [1, 2, 3]
