"""Query safety in `kg query`: read-only, SERVICE refused, time and row limits, Ctrl-C, readable errors, names.

The store here is written by hand (no model): a few labelled actors and a
graph of 3,000 numbered triples, enough for a cross product that would run
for minutes and fill gigabytes if it were not streamed and limited.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import default_sigint

from kg.cli import main
from kg.errors import QueryError
from kg.store.embedded import Store
from kg.store.queries import query_text, saved_queries
from kg.store.sparql import Limits, QueryText, check_query, strip_lexemes

ACTORS = ("<https://policy-kg.org/id/ofcom> <http://www.w3.org/2000/01/rdf-schema#label> \"Ofcom\" .\n"
          "<https://policy-kg.org/id/acme-social> <http://www.w3.org/2000/01/rdf-schema#label> \"Acme Social\" .\n"
          "<https://policy-kg.org/id/ofcom> <https://policy-kg.org/ns#fines> "
          "<https://policy-kg.org/id/acme-social> .\n")
CROSS = "SELECT ?a ?d WHERE { ?a pk:rank ?c . ?d pk:rank ?f } ORDER BY ?c ?f"


def kg(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("safety") / "store"
    numbers = "".join(f"<https://policy-kg.org/id/n{i}> <https://policy-kg.org/ns#rank> \"{i}\" .\n"
                      for i in range(3000))
    with Store(path) as st:
        st.replace_graph("https://policy-kg.org/article/actors", ACTORS)
        st.replace_graph("https://policy-kg.org/article/numbers", numbers)
    return path


def run_kg(*args: object, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the installed `kg` in its own process (for limits that end the process)."""
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


# ---------------------------------------------------------------- the scanner


@pytest.mark.parametrize("text", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX x: <urn:x#>\n# a comment with SELECT\ndelete where { ?s ?p ?o }",
    "DROP ALL",
    "LOAD <http://example.org/data.ttl>",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_updates_are_refused_with_the_way_to_change_the_store(text: str) -> None:
    with pytest.raises(QueryError, match=r"^kg query is read-only; use `kg ingest`"):
        check_query(text, Limits())


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o . SERVICE ?endpoint { ?s ?q ?r } }",
])
def test_service_is_refused_unless_allowed(text: str) -> None:
    with pytest.raises(QueryError, match="SERVICE is refused.*--allow-service"):
        check_query(text, Limits())
    assert check_query(text, Limits(allow_service=True)).uses_service


@pytest.mark.parametrize("text", [
    'SELECT ?service WHERE { ?service rdfs:label "SERVICE" }',
    "SELECT * WHERE { ?s pk:service ?o } # SERVICE in a comment",
    "SELECT * WHERE { <http://example.org/SERVICE> ?p ?o }",
    "SELECT * WHERE { ?s ?p '''a long\nSERVICE string''' }",
])
def test_the_word_service_elsewhere_is_not_a_service_call(text: str) -> None:
    assert not check_query(text, Limits()).uses_service


def test_strip_lexemes_keeps_keywords_and_empties_strings() -> None:
    bare = strip_lexemes('PREFIX a: <urn:a#> SELECT ?x WHERE { ?x a:p "it\\"s # not a comment" } # gone')
    assert bare.startswith("PREFIX a: <> SELECT ?x WHERE { ?x a:p \"\" }")
    assert "gone" not in bare and "comment" not in bare


def test_query_form_is_read_after_the_prologue() -> None:
    q = QueryText.read("BASE <urn:b>\nPREFIX x: <urn:x#>\n  construct { ?s ?p ?o } where { ?s ?p ?o }")
    assert q.form == "CONSTRUCT" and not q.is_update and q.declared_prefixes == {"x"}


# ---------------------------------------------------------------- kg query


def test_update_through_kg_query_is_refused(store: Path) -> None:
    result = kg("query", "DELETE WHERE { ?s ?p ?o }", "--store", store)
    assert result.exit_code == 1
    assert "kg query is read-only; use `kg ingest`" in result.output
    with Store(store, read_only=True) as st:
        assert len(st) == 3003


def test_unknown_prefix_is_named(store: Path) -> None:
    result = kg("query", "SELECT ?s WHERE { ?s foaf:name ?n }", "--store", store)
    assert result.exit_code == 1
    assert "unknown prefix 'foaf:'" in result.output and "pkid:" in result.output
    assert len(result.output) < 400, "no character class dump"


def test_syntax_error_is_short_and_placed(store: Path) -> None:
    result = kg("query", "SELECT ?s WHERE {\n  ?s ?p ?o\n  FILTER(?o >) }", "--store", store)
    assert result.exit_code == 1
    assert "SPARQL syntax error at line 3" in result.output and len(result.output) < 400


def test_non_utf8_query_file_is_reported(store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "latin.rq"
    rq.write_bytes("SELECT ?s WHERE { ?s rdfs:label \"Café\" }".encode("latin-1"))
    result = kg("query", rq, "--store", store)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "latin.rq is not UTF-8 text" in result.output and "save it as UTF-8" in result.output


def test_table_shows_compact_names_or_labels(store: Path) -> None:
    q = "SELECT ?s ?o WHERE { ?s pk:fines ?o }"
    table = kg("query", q, "--store", store)
    assert table.exit_code == 0, table.output
    assert "pkid:ofcom" in table.stdout and "pkid:acme-social" in table.stdout
    assert "https://" not in table.stdout
    labelled = kg("query", q, "--store", store, "--labels")
    assert "Ofcom" in labelled.stdout and "Acme Social" in labelled.stdout and "pkid:" not in labelled.stdout


def test_row_limit_streams_and_says_it_stopped(store: Path) -> None:
    # Nine million rows unlimited; without streaming this would build them all.
    result = kg("query", "SELECT ?a ?d WHERE { ?a pk:rank ?c . ?d pk:rank ?f }", "--store", store,
                "--format", "csv", "--max-rows", "5")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.strip().splitlines()) == 6
    assert "stopped at 5 rows (--max-rows)" in result.stderr


def test_tsv_keeps_rdf_terms(store: Path) -> None:
    result = kg("query", "SELECT ?s ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l", "--store", store, "--format", "tsv")
    assert result.stdout.splitlines() == ["?s\t?l", '<https://policy-kg.org/id/acme-social>\t"Acme Social"',
                                          '<https://policy-kg.org/id/ofcom>\t"Ofcom"']


def test_query_past_the_timeout_is_stopped(store: Path) -> None:
    done = run_kg("query", CROSS, "--store", store, "--timeout", "1")
    assert done.returncode == 1, done.stderr
    assert "ran past the 1 s time limit" in done.stderr


def test_deep_nesting_is_refused_before_the_engine(store: Path) -> None:
    """Old: 3,000 nested groups in a 6 KB query crashed `kg query` with signal 11 and no message."""
    deep = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
    done = run_kg("query", deep, "--store", store)
    assert done.returncode == 1, (done.returncode, done.stderr)
    (line,) = done.stderr.splitlines()
    assert "nests 3000 levels" in line and "flatten" in line
    shallow = "SELECT (COUNT(*) AS ?n) WHERE " + "{" * 20 + " ?s ?p ?o " + "}" * 20
    assert kg("query", shallow, "--store", store, "--format", "csv").output.splitlines() == ["n", "3003"]


def test_query_memory_is_bounded(store: Path) -> None:
    """Old: an ORDER BY over a cartesian product grew to gigabytes in seconds, unbounded, until the kernel killed
    it."""
    done = run_kg("query", CROSS, "--store", store, "--timeout", "0", "--max-memory", "300")
    assert done.returncode == 1, done.stderr
    (line,) = done.stderr.splitlines()
    assert "needed more than 300 MB of memory" in line and "--max-memory" in line


def test_max_memory_default_is_the_library_one() -> None:
    from kg.cli import query
    from kg.store.sparql import DEFAULT_MAX_MEMORY

    (option,) = [p for p in query.params if p.name == "max_memory"]
    assert option.default == DEFAULT_MAX_MEMORY


def test_ctrl_c_stops_a_running_query(store: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "-vv", "query", CROSS, "--store", str(store),
                             "--timeout", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=default_sigint)
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:  # wait until the query is being evaluated (the debug log says so)
        seen.append(line)
        if "query evaluating" in line:
            break
    time.sleep(0.5)
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, "".join(seen) + err
    assert "interrupted" in err


# ---------------------------------------------------------------- saved queries


def test_every_saved_query_says_its_question() -> None:
    saved = saved_queries()
    assert "who-acts-on-whom" in saved
    for q in saved.values():
        assert q.question.endswith("?") or len(q.question) > 20, f"{q.name}: no question comment"


def test_saved_query_runs_by_name(store: Path) -> None:
    assert query_text("who-acts-on-whom") == saved_queries()["who-acts-on-whom"].text
    result = kg("query", "who-acts-on-whom", "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


def test_unknown_saved_query_lists_the_names(store: Path) -> None:
    result = kg("query", "who-acts", "--store", store)
    assert result.exit_code == 1
    assert "no saved query named 'who-acts'" in result.output and "who-acts-on-whom" in result.output


def test_list_shows_names_and_questions() -> None:
    result = kg("query", "--list")
    assert result.exit_code == 0
    assert all(name in result.stdout for name in saved_queries())
