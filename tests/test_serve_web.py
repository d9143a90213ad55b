"""`kg serve` among web clients: Host and Origin checks and nosniff (issue 20, fault 6), CORS for read-only GET
queries, the defaults of SPARQLWrapper and rdflib's SPARQLStore, the protocol's dataset parameters, saved queries
with parameters, and a page of another origin querying the endpoint in a browser (Playwright)."""

from __future__ import annotations

import http.client
import http.server
import json
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import SPARQLWrapper
from test_serve import ACME, FINES, NDA, make_store, start, stop

from kg.store.load import article_iri
from kg.vocabulary.namespace import PK


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    store = make_store(tmp_path_factory.mktemp("web") / "store")
    proc, base = start(store, "--allow-update")
    try:
        yield base, store
    finally:
        stop(proc)


def request(base: str, method: str, path: str, body: str | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, str, dict[str, str]]:
    """Send one request with exactly these headers (Host included, when given) and return status, body, headers."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    sent = {"Accept": "application/sparql-results+json", **(headers or {})}
    conn.putrequest(method, path, skip_host="Host" in sent, skip_accept_encoding=True)
    for k, v in sent.items():
        conn.putheader(k, v)
    data = body.encode() if body is not None else None
    if data is not None:
        conn.putheader("Content-Length", str(len(data)))
    conn.endheaders(data)
    r = conn.getresponse()
    out = r.status, r.read().decode(), {k.lower(): v for k, v in r.getheaders()}
    conn.close()
    return out


def get_query(query: str, **params: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query, **params}, doseq=True)


def fines(base: str) -> list[tuple[str, str]]:
    status, body, _ = request(base, "GET", get_query(FINES + " ORDER BY ?s"))
    assert status == 200, body
    return [(b["s"]["value"], b["o"]["value"]) for b in json.loads(body)["results"]["bindings"]]


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def test_a_foreign_host_is_refused(server: tuple[str, Path]) -> None:
    base, _ = server
    status, body, headers = request(base, "GET", get_query(FINES), headers={"Host": "attacker.example:7878"})
    assert status == 403 and "--allow-host" in body
    assert headers["x-content-type-options"] == "nosniff"
    port = urllib.parse.urlsplit(base).port
    status, _, _ = request(base, "GET", get_query(FINES), headers={"Host": f"localhost:{port}"})
    assert status == 200


def test_an_update_from_another_origin_is_refused_and_changes_nothing(server: tuple[str, Path]) -> None:
    base, _ = server
    before = fines(base)
    assert before
    for headers in ({"Origin": "http://attacker.example", **FORM}, {"Origin": "null", **FORM},
                    {"Sec-Fetch-Site": "cross-site", **FORM}):
        status, body, out = request(base, "POST", "/sparql", "update=DROP+ALL", headers)
        assert status == 403 and "another origin" in body, (headers, body)
        assert "access-control-allow-origin" not in out
    assert fines(base) == before
    # The endpoint's own page (same origin) and clients that are not browsers may still update.
    own = f"http://127.0.0.1:{urllib.parse.urlsplit(base).port}"
    status, body, _ = request(base, "POST", "/sparql", "update=" + urllib.parse.quote(
        "INSERT DATA { GRAPH <https://policy-kg.org/article/web> { pkid:zeta pk:fines pkid:acme-social } }"),
        {"Origin": own, **FORM})
    assert status == 204, body
    assert ("https://policy-kg.org/id/zeta", ACME) in fines(base)


def test_every_answer_says_nosniff_and_get_queries_carry_cors(server: tuple[str, Path]) -> None:
    base, _ = server
    for path in ("/", get_query(FINES), "/queries"):
        _, _, headers = request(base, "GET", path, headers={"Origin": "http://elsewhere.example"})
        assert headers["x-content-type-options"] == "nosniff", path
    _, _, headers = request(base, "GET", get_query(FINES), headers={"Origin": "http://elsewhere.example"})
    assert headers["access-control-allow-origin"] == "*"
    # POST queries from another origin need `--cors post`; a preflight for them is refused.
    status, body, _ = request(base, "POST", "/sparql", "query=" + urllib.parse.quote(FINES),
                              {"Origin": "http://elsewhere.example", **FORM})
    assert status == 403 and "--cors post" in body
    status, _, headers = request(base, "OPTIONS", "/sparql", headers={
        "Origin": "http://elsewhere.example", "Access-Control-Request-Method": "GET"})
    assert status == 204 and headers["access-control-allow-methods"] == "GET"


def test_sparqlwrapper_defaults_run_every_query_form(server: tuple[str, Path]) -> None:
    base, _ = server

    def run(query: str) -> Any:
        sw = SPARQLWrapper(base + "/sparql")   # its defaults: GET, XML results, RDF/XML graphs
        sw.setQuery(query)
        return sw.queryAndConvert()

    select = run(FINES)
    assert (NDA, ACME) in {(r[0].firstChild.data, r[1].firstChild.data) for r in
                           [[b.getElementsByTagName("uri")[0] for b in res.getElementsByTagName("binding")]
                            for res in select.getElementsByTagName("result")]}
    assert run("ASK { ?s pk:fines ?o }").getElementsByTagName("boolean")[0].firstChild.data == "true"
    constructed = run("CONSTRUCT { ?s pk:fines ?o } WHERE { ?s pk:fines ?o }")
    assert isinstance(constructed, Graph) and (URIRef(NDA), PK.fines, URIRef(ACME)) in constructed
    described = run(f"DESCRIBE <{NDA}>")
    assert isinstance(described, Graph) and (URIRef(NDA), PK.fines, URIRef(ACME)) in described


def test_rdflib_sparqlstore_defaults(server: tuple[str, Path]) -> None:
    base, _ = server
    g = Graph(SPARQLStore(base + "/sparql"))
    assert (URIRef(NDA), URIRef(ACME)) in {(r[0], r[1]) for r in g.query(FINES)}
    assert g.query("ASK { ?s pk:fines ?o }").askAnswer is True
    constructed = g.query("CONSTRUCT { ?s pk:fines ?o } WHERE { ?s pk:fines ?o }").graph
    assert (URIRef(NDA), PK.fines, URIRef(ACME)) in constructed
    assert (URIRef(NDA), PK.fines, URIRef(ACME)) in g.query(f"DESCRIBE <{NDA}>").graph
    assert (URIRef(NDA), PK.fines, URIRef(ACME)) in g


def test_the_protocol_dataset_parameters_are_honoured(server: tuple[str, Path]) -> None:
    base, _ = server
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s pk:fines ?o }"
    numbers = "https://policy-kg.org/article/numbers"
    status, body, _ = request(base, "GET", get_query(count, **{"default-graph-uri": numbers}))
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "0"
    status, body, _ = request(base, "GET", get_query(count, **{"default-graph-uri": str(article_iri("hand-built"))}))
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "1"
    status, body, _ = request(base, "GET", get_query(count, **{"default-graph-uri": "https://example.org/none"}))
    assert status == 400 and "no graph <https://example.org/none>" in body


def test_saved_queries_with_parameters_on_the_endpoint(server: tuple[str, Path]) -> None:
    base, _ = server
    status, body, _ = request(base, "GET", "/queries")
    listing = json.loads(body)
    assert listing["actor-timeline"]["parameters"][0]["name"] == "actor"
    status, body, _ = request(base, "GET", "/queries/actor-timeline?actor=Acme+Social")
    assert status == 200, body
    rows = json.loads(body)["results"]["bindings"]
    assert rows and all("Acme Social" in (r["subject"]["value"], r["object"]["value"]) for r in rows)
    assert ("Northland Data Authority", "fines") in {(r["subject"]["value"], r["relation"]["value"]) for r in rows}
    status, body, _ = request(base, "GET", "/queries/actor-timeline?actor=Nobody+At+All")
    assert status == 400 and "no actor of that name" in body
    status, body, _ = request(base, "GET", "/queries/nothing-here")
    assert status == 404


@pytest.mark.browser
def test_a_page_of_another_origin_queries_the_endpoint(server: tuple[str, Path], tmp_path: Path) -> None:
    from views.conftest import CHROMIUM_ARGS, chromium_path

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (run `make setup`)")
    executable = chromium_path()
    if executable is None:
        pytest.skip("no chromium binary found (apt-get install chromium)")
    base, _ = server
    query = urllib.parse.quote("SELECT DISTINCT ?o WHERE { ?s pk:fines ?o }")
    (tmp_path / "index.html").write_text(f"""<!doctype html><title>elsewhere</title><pre id="out">waiting</pre>
<script>
fetch("{base}/sparql?query={query}", {{headers: {{"Accept": "application/sparql-results+json"}}}})
  .then(r => r.json())
  .then(j => {{ document.getElementById("out").textContent = j.results.bindings.map(b => b.o.value).join(" "); }})
  .catch(e => {{ document.getElementById("out").textContent = "failed: " + e; }});
</script>""")
    handler = lambda *a, **kw: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **kw)  # noqa: E731
    page_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=page_server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS[1:], headless=True)
            page = browser.new_page()
            page.goto(f"http://localhost:{page_server.server_address[1]}/index.html")  # another origin
            page.wait_for_function("document.getElementById('out').textContent !== 'waiting'", timeout=30_000)
            assert page.text_content("#out") == ACME
            # The same page cannot change the store: its form POST of an update is refused.
            status = page.evaluate(f"""fetch("{base}/sparql", {{method: "POST", mode: "no-cors",
                body: new URLSearchParams({{update: "DROP ALL"}})}}).then(r => r.type)""")
            assert status == "opaque"
            browser.close()
    finally:
        page_server.shutdown()
    assert fines(base)
