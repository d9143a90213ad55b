"""The saved queries on hand-built article graphs: what they count, how they name actors, and that their answers
follow an article that is written again or removed (they read the articles' default graph)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import api
from kg.ingest import store_ontology
from kg.store.embedded import Store

ART, PK, ID = "https://policy-kg.org/article/", "https://policy-kg.org/ns#", "https://policy-kg.org/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LABEL, DATE = "<http://www.w3.org/2000/01/rdf-schema#label>", "<http://purl.org/dc/terms/date>"
TYPES = {"ofcom": "Regulator", "cnil": "Regulator", "meta": "Company", "apple": "Company", "x": "Company"}


def article(name: str, date: str, *statements: tuple[str, str, str, str], labels: dict[str, str] | None = None,
            negated: bool = False, modality: str = "asserted") -> tuple[str, str]:
    """Return (graph IRI, N-Triples) of an article whose statements are (subject, relation, object, sentence)."""
    iri = f"{ART}{name}"
    a = f"<{iri}>"
    lines = [f"{a} <{RDF}type> <{PK}Article> .", f'{a} {DATE} "{date}"^^<http://www.w3.org/2001/XMLSchema#date> .']
    for n, (s, p, o, sentence) in enumerate(statements):
        for actor in (s, o):
            label = (labels or {}).get(actor, actor.title())
            lines += [f"<{ID}{actor}> <{RDF}type> <{PK}{TYPES[actor]}> .", f'<{ID}{actor}> {LABEL} "{label}" .',
                      f"<{ID}{actor}> <{PK}mentionedIn> {a} ."]
        st = f"<https://policy-kg.org/statement/{name}-{n}>"
        lines += [f"{st} <{RDF}type> <{PK}Statement> .", f"{st} <{RDF}subject> <{ID}{s}> .",
                  f"{st} <{RDF}predicate> <{PK}{p}> .", f"{st} <{RDF}object> <{ID}{o}> .",
                  f'{st} <{PK}evidence> "{sentence}" .', f"{st} <{PK}article> {a} .",
                  f'{st} {DATE} "{date}"^^<http://www.w3.org/2001/XMLSchema#date> .',
                  f'{st} <{PK}confidence> "0.9"^^<http://www.w3.org/2001/XMLSchema#decimal> .',
                  f'{st} <{PK}negated> "{str(negated).lower()}"^^<http://www.w3.org/2001/XMLSchema#boolean> .',
                  f'{st} <{PK}modality> "{modality}" .']
        if modality == "asserted" and not negated:
            lines.append(f"<{ID}{s}> <{PK}{p}> <{ID}{o}> .")
    return iri, "\n".join(lines) + "\n"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with Store(path) as st:
        store_ontology(st)
        st.replace_graph(*article("a1", "2024-03-01", ("ofcom", "fines", "meta", "Ofcom fined Meta."),
                                  ("ofcom", "investigates", "apple", "Ofcom is investigating Apple.")))
        # The same fact, Meta named otherwise: one actor, one row, two articles.
        st.replace_graph(*article("a2", "2025-02-01", ("ofcom", "fines", "meta", "Ofcom fined Meta Platforms."),
                                  ("cnil", "fines", "meta", "The CNIL fined Meta Platforms."),
                                  labels={"meta": "Meta Platforms"}))
        st.replace_graph(*article("a3", "2025-03-01", ("cnil", "investigates", "apple", "The CNIL may look at Apple."),
                                  modality="hedged"))
    return path


def rows(store: Path, name: str, **params: str) -> list[list[str]]:
    return [[str(v) for v in row] for row in api.query(sparql=name, store=store, params=params).rows]


def test_a_fact_is_counted_once_per_article_under_one_name_of_its_actor(store: Path) -> None:
    top = rows(store, "who-acts-on-whom")
    assert top[0] == ["Ofcom", "fines", "Meta", "2"]   # the least of the names the articles give
    assert ["Cnil", "fines", "Meta", "1"] in top
    assert not any("investigates" in r and "Cnil" in r for r in top)  # a hedged statement is no fact
    assert rows(store, "corroborated") == [["Ofcom", "fines", "Meta", "2", "a1 a2"]] or \
        rows(store, "corroborated") == [["Ofcom", "fines", "Meta", "2", "a2 a1"]]
    facts = {(r[0], r[1], r[2]): r[3:7] for r in rows(store, "facts")}
    assert facts[("Ofcom", "fines", "Meta")] == ["2", "2", "2024-03-01", "2025-02-01"]


def test_the_answers_follow_an_article_written_again_or_removed(store: Path) -> None:
    with Store(store) as st:
        st.replace_graph(*article("a2", "2025-02-01", ("cnil", "fines", "meta", "The CNIL fined Meta.")))
    assert ["Ofcom", "fines", "Meta", "1"] in rows(store, "who-acts-on-whom")
    assert rows(store, "corroborated") == []
    with Store(store) as st:
        st.replace_graph(f"{ART}a1", "")
    top = rows(store, "who-acts-on-whom")
    assert [r[:3] for r in top] == [["Cnil", "fines", "Meta"]]
    assert {r[0] for r in rows(store, "event-data-codes")} == {"fines"}


def test_qualified_statements_and_new_pairs(store: Path) -> None:
    qualified = rows(store, "qualified-statements")
    assert [(r[0], r[1], r[2], r[3]) for r in qualified] == [("Cnil", "investigates", "Apple", "hedged")]
    new = rows(store, "new-pairs-since", since="2025-01-01")
    assert [(r[0], r[1], r[2], r[3]) for r in new] == [("Cnil", "Meta", "2025-02-01", "fines")]
    assert new[0][4] == "The CNIL fined Meta Platforms." and new[0][5].endswith("/a2")


def test_regulators_and_the_companies_they_act_on_together(store: Path) -> None:
    actions = rows(store, "regulator-actions-by-year")
    assert ["Ofcom", "2024", "fines", "1"] in actions and ["Ofcom", "2025", "fines", "1"] in actions
    pairs = rows(store, "co-targeted-companies")
    assert ["Meta", "2", "Apple", "1"] in pairs and ["Apple", "1", "Meta", "1"] in pairs
    assert rows(store, "co-targeted-companies", min_regulators="2") == []


def test_stance_per_pair_per_month_sums_signed_confidences_of_asserted_statements(tmp_path: Path) -> None:
    """Pinned before its passes were reordered for speed: +1 for supports, -1 for criticises and accuses, each
    times its confidence (0.9 here), per pair and month; negated and hedged statements are left out."""
    path = tmp_path / "store"
    with Store(path) as st:
        store_ontology(st)
        st.replace_graph(*article("b1", "2024-03-01", ("ofcom", "criticises", "meta", "Ofcom criticised Meta."),
                                  ("ofcom", "supports", "meta", "Ofcom backed Meta's plan."),
                                  ("cnil", "accuses", "meta", "The CNIL accused Meta.")))
        st.replace_graph(*article("b2", "2024-03-20", ("ofcom", "criticises", "meta", "Ofcom criticised Meta again.")))
        st.replace_graph(*article("b3", "2024-04-02", ("ofcom", "criticises", "apple", "Ofcom criticised Apple."),
                                  ("ofcom", "fines", "apple", "Ofcom fined Apple.")))
        st.replace_graph(*article("b4", "2024-04-03", ("ofcom", "supports", "apple", "Ofcom never backed Apple."),
                                  negated=True))
        st.replace_graph(*article("b5", "2024-04-04", ("ofcom", "supports", "apple", "Ofcom may back Apple."),
                                  modality="hedged"))
    assert rows(path, "stance-per-pair-per-month") == [
        ["Cnil", "Meta", "2024-03", "-0.9", "1"],
        ["Ofcom", "Apple", "2024-04", "-0.9", "1"],
        ["Ofcom", "Meta", "2024-03", "-0.9", "3"],
    ]


#: The saved queries as they were before they read a statement's article from the graph holding it and its date from
#: that article, each statement's own pk:article and dcterms:date (and new-pairs-since made its sentence for every
#: statement, not only for those on or after the date): the saved ones must give the same rows, in the same order.
BEFORE = Path(__file__).parent / "golden" / "statement-queries"


@pytest.fixture(scope="module")
def generated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of 80 generated articles (benchmarks/corpus.py, as make bench-scale ingests) and one with no date."""
    import importlib.util
    import sys

    name = "policy_kg_benchmark_corpus"
    spec = importlib.util.spec_from_file_location(name, Path(__file__).parent.parent / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[name] = corpus   # its dataclasses look their module up while it runs
    try:
        spec.loader.exec_module(corpus)
    finally:
        del sys.modules[name]
    folder = tmp_path_factory.mktemp("generated")
    corpus.generate(folder, articles=80, seed=3, fmt="jsonl")
    (folder / "undated.txt").write_text("Ofcom fined Acme Social on Monday. Ofcom fined Acme Social again.\n")
    store = folder / "store"
    report = api.ingest(paths=[folder], store=store, workers=1)
    assert report.new == 81
    return store


@pytest.mark.model
@pytest.mark.parametrize(("name", "since"), [("facts", None), ("who-acts-on-whom", None)] + [
    ("new-pairs-since", since) for since in ("2022-01-01", "2023-06-01", "2025-01-01", "2030-01-01")])
def test_the_statement_passes_read_the_article_from_its_graph_with_the_same_answer(generated_store: Path, name: str,
                                                                                  since: str | None) -> None:
    """facts and new-pairs-since took 4-6 s on 20,000 articles (make bench-scale), a pass over a statement index and
    a join of 160,000 rows for each of pk:article and dcterms:date; the article is now read with pk:negated (the
    graph holding the statement) and the date from the 20,000 articles. The answers are those of the old text."""
    from kg.store.queries import saved_queries

    params = {"since": since} if since else {}
    text, old = saved_queries()[name].text, (BEFORE / f"{name}.rq").read_text()
    assert text != old
    got = [[str(v) for v in row] for row in api.query(sparql=text, store=generated_store, params=params,
                                                       max_rows=None).rows]
    want = [[str(v) for v in row] for row in api.query(sparql=old, store=generated_store, params=params,
                                                        max_rows=None).rows]
    assert got == want and (len(want) > 5 or since == "2030-01-01")
