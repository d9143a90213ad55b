"""`kg serve`: a real SPARQL client (SPARQLWrapper) against the endpoint, started on a free port.

The store holds the hand-built article of test_store_load, the ontology, and
3,000 numbered triples whose cross product would run for a minute: it is
the query past the time limit. The server must refuse updates, SERVICE and
that query clearly, and keep serving after each.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import free_port, wait_for_http
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, TSV, XML, SPARQLWrapper
from test_store_load import hand_extraction

from kg.ingest import store_ontology
from kg.interfaces.endpoint import negotiate
from kg.store.embedded import Store
from kg.store.load import article_iri, to_graph, to_ntriples
from kg.vocabulary.namespace import PKID

FINES = "SELECT ?s ?o WHERE { ?s pk:fines ?o }"
SLOW = "SELECT ?a ?d WHERE { ?a pk:rank ?c . ?d pk:rank ?f } ORDER BY ?c ?f"
NDA, ACME = str(PKID["northland-data-authority"]), str(PKID["acme-social"])


def make_store(path: Path) -> Path:
    numbers = "".join(f"<https://policy-kg.org/id/n{i}> <https://policy-kg.org/ns#rank> \"{i}\" .\n"
                      for i in range(3000))
    with Store(path) as st:
        store_ontology(st)
        st.replace_graph(str(article_iri("hand-built")), to_ntriples(to_graph(hand_extraction())))
        st.replace_graph("https://policy-kg.org/article/numbers", numbers)
    return path


def start(store: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port),
                             *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    wait_for_http(base + "/", proc, seconds=60)
    return proc, base


def stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    store = make_store(tmp_path_factory.mktemp("serve") / "store")
    proc, base = start(store, "--timeout", "2", "--max-rows", "100")
    try:
        yield base, store
    finally:
        stop(proc)


def client(base: str, query: str, fmt: str = JSON) -> SPARQLWrapper:
    sw = SPARQLWrapper(base + "/sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    return sw


def post(base: str, data: dict[str, str], accept: str = "application/sparql-results+json") -> tuple[int, str, dict]:
    req = urllib.request.Request(base + "/sparql", data=urllib.parse.urlencode(data).encode(),
                                 headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read().decode(), {k.lower(): v for k, v in r.headers.items()}
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), {k.lower(): v for k, v in e.headers.items()}


def assert_still_serving(base: str) -> None:
    rows = client(base, FINES).queryAndConvert()["results"]["bindings"]
    assert [(r["s"]["value"], r["o"]["value"]) for r in rows] == [(NDA, ACME)]


def test_json_results_for_a_sparql_client(server: tuple[str, Path]) -> None:
    base, _ = server
    result = client(base, FINES).queryAndConvert()
    assert result["head"]["vars"] == ["s", "o"]
    assert [(r["s"]["value"], r["o"]["value"]) for r in result["results"]["bindings"]] == [(NDA, ACME)]
    typed = client(base, "SELECT ?c WHERE { ?st pk:confidence ?c } ORDER BY DESC(?c) LIMIT 1").queryAndConvert()
    (c,) = typed["results"]["bindings"]
    assert c["c"] == {"type": "literal", "value": "0.85", "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}


def test_csv_tsv_and_xml_results(server: tuple[str, Path]) -> None:
    base, _ = server
    text = client(base, FINES, CSV).queryAndConvert().decode()
    assert list(csv.reader(io.StringIO(text))) == [["s", "o"], [NDA, ACME]]
    tsv = client(base, FINES, TSV).queryAndConvert().decode()
    assert tsv.splitlines() == ["?s\t?o", f"<{NDA}>\t<{ACME}>"]
    xml = client(base, FINES, XML).queryAndConvert()
    assert [b.firstChild.firstChild.data for b in xml.getElementsByTagName("binding")] == [NDA, ACME]


def test_ask_and_construct(server: tuple[str, Path]) -> None:
    base, _ = server
    assert client(base, f"ASK {{ <{NDA}> pk:fines <{ACME}> }}").queryAndConvert()["boolean"] is True
    status, body, headers = post(base, {"query": "CONSTRUCT { ?s pk:fines ?o } WHERE { ?s pk:fines ?o }"},
                                 accept="text/turtle")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=body, format="turtle")) == 1
    status, body, _ = post(base, {"query": "CONSTRUCT { ?s pk:fines ?o } WHERE { ?s pk:fines ?o }"},
                           accept="application/ld+json")
    assert status == 200 and len(Graph().parse(data=body, format="json-ld")) == 1


def test_update_is_refused_and_the_server_keeps_serving(server: tuple[str, Path]) -> None:
    base, _ = server
    sw = client(base, "DELETE WHERE { ?s ?p ?o }")
    sw.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as err:
        sw.query()
    assert err.value.code == 403 and "read-only" in err.value.read().decode()
    status, body, _ = post(base, {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert status == 403 and "--allow-update" in body
    assert_still_serving(base)


def test_service_is_refused_and_the_server_keeps_serving(server: tuple[str, Path]) -> None:
    base, _ = server
    with pytest.raises(urllib.error.HTTPError) as err:
        client(base, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }").query()
    assert err.value.code == 403 and "SERVICE is refused" in err.value.read().decode()
    assert_still_serving(base)


def test_query_past_the_timeout_is_refused_and_the_server_keeps_serving(server: tuple[str, Path]) -> None:
    base, _ = server
    with pytest.raises(urllib.error.HTTPError) as err:
        client(base, SLOW).query()
    assert err.value.code == 503 and "ran past this endpoint's 2 s time limit" in err.value.read().decode()
    assert_still_serving(base)
    assert_still_serving(base)  # both workers answer


def test_syntax_error_is_a_400_with_a_short_message(server: tuple[str, Path]) -> None:
    base, _ = server
    status, body, _ = post(base, {"query": "SELECT ?s WHERE { ?s foaf:name ?o }"})
    assert status == 400 and "unknown prefix 'foaf:'" in body and len(body) < 400


def test_row_limit_cuts_and_says_so(server: tuple[str, Path]) -> None:
    base, _ = server
    status, body, headers = post(base, {"query": "SELECT ?n WHERE { ?n pk:rank ?r }"})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 100
    assert headers.get("x-kg-truncated") == "true"


def test_page_works_offline_with_saved_queries(server: tuple[str, Path]) -> None:
    base, _ = server
    with urllib.request.urlopen(base + "/", timeout=30) as r:
        page = r.read().decode()
    assert "<textarea" in page and "who-acts-on-whom" in page and "actor-timeline" in page
    assert "createTBody" in page  # the result table is built by the page's own script
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", page), "nothing loaded from elsewhere"
    assert "@import" not in page and "url(" not in page


def test_content_negotiation() -> None:
    assert negotiate("", "SELECT") == "json"
    assert negotiate("text/csv", "SELECT") == "csv"
    assert negotiate("text/html,application/xhtml+xml,*/*;q=0.8", "SELECT") == "json"
    assert negotiate("application/sparql-results+xml;q=0.5, text/tab-separated-values", "SELECT") == "tsv"
    assert negotiate("application/n-triples", "CONSTRUCT") == "ntriples"
    assert negotiate("text/csv", "CONSTRUCT") is None
    assert negotiate("application/json", "SELECT", "csv") == "csv"


def test_allow_update_accepts_updates(tmp_path: Path) -> None:
    store = make_store(tmp_path / "store")
    proc, base = start(store, "--allow-update")
    try:
        status, body, _ = post(base, {"update": "INSERT DATA { GRAPH <https://policy-kg.org/article/extra> "
                                                "{ pkid:zeta-chat pk:fines pkid:acme-social } }"})
        assert status == 204, body
        rows = client(base, "SELECT ?s WHERE { ?s pk:fines pkid:acme-social } ORDER BY ?s").queryAndConvert()
        assert [r["s"]["value"] for r in rows["results"]["bindings"]] == [NDA, str(PKID["zeta-chat"])]
    finally:
        stop(proc)
    with Store(store, read_only=True) as st:
        assert "https://policy-kg.org/article/extra" in st.graphs()


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--store", str(tmp_path / "none"),
                           "--port", str(free_port())], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "kg ingest" in done.stderr


def test_deep_nesting_is_refused_and_a_dead_worker_is_not_called_a_time_out(server: tuple[str, Path],
                                                                             tmp_path: Path) -> None:
    """Old: a query nested 3,000 deep killed the serve worker (signal 11), and the client was told the query had
    run past the time limit after 0.16 s."""
    import os
    import signal
    import threading

    from kg.interfaces.endpoint import WorkerPool

    base, _ = server
    deep = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
    status, body, _ = post(base, {"query": deep})
    assert status == 400 and "nests 3000 levels" in body
    assert_still_serving(base)
    # A worker that dies on a query (the kernel's OOM killer, a crash in the engine) is named as such.
    pool = WorkerPool(make_store(tmp_path / "store"), size=1, writable=False)
    try:
        (proc,) = pool._all
        killer = threading.Timer(1.0, os.kill, (proc.pid, signal.SIGKILL))
        killer.start()
        cross = "SELECT ?a ?d WHERE { ?a pk:rank ?c . ?d pk:rank ?f } ORDER BY ?c ?f"
        reply = pool.run({"op": "query", "text": cross, "format": "json", "max_rows": 10}, 120)
        killer.join()
        assert reply is not None and reply.status == 500 and b"worker died" in reply.body  # None: "time limit"
    finally:
        pool.close()



def test_serve_says_serving_only_once_it_is(tmp_path: Path) -> None:
    """Old: `kg serve` printed "serving ... at" and then failed to start (here: the port is taken)."""
    import socket

    store = make_store(tmp_path / "store")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port)],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "serving" not in done.stdout, done.stdout
    (line,) = done.stderr.splitlines()
    assert f"cannot listen on 127.0.0.1:{port}" in line and "--port" in line


def test_query_memory_is_bounded_in_serve(tmp_path: Path) -> None:
    """Old: a kg serve worker evaluating an ORDER BY over a cartesian product grew to gigabytes, unbounded."""
    proc, base = start(make_store(tmp_path / "store"), "--timeout", "0", "--max-memory", "300", "--workers", "1")
    try:
        cross = "SELECT ?a ?d WHERE { ?a pk:rank ?c . ?d pk:rank ?f } ORDER BY ?c ?f"
        status, body, _ = post(base, {"query": cross})
        assert status == 503 and "needed more than 300 MB of memory" in body, (status, body)
        assert_still_serving(base)  # a fresh worker took its place
    finally:
        stop(proc)

