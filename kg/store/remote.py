"""The remote backend: any SPARQL 1.1 server as a store.

Reads go by the SPARQL 1.1 Protocol to the endpoint URL given as ``--store``
(answers read as TSV, or N-Triples for CONSTRUCT, and parsed as they
arrive); writes go by the SPARQL 1.1 Graph Store HTTP Protocol: each article
is one ``PUT ?graph=<article IRI>``, which replaces the graph on the server,
so re-ingesting stays idempotent.

The Graph Store endpoint is derived from the query endpoint by the layout of
the server (Oxigraph ``/query`` -> ``/store``; Fuseki ``/ds/query`` or
``/ds/sparql`` -> ``/ds/data``; GraphDB ``/repositories/ID`` ->
``/repositories/ID/rdf-graphs/service``; Virtuoso ``/sparql`` ->
``/sparql-graph-crud``), or given by ``KG_GRAPH_STORE``. Credentials go in the
URL (``https://user:password@host/...``), sent as HTTP Basic, or Digest when
``KG_STORE_AUTH=digest``.

The server must treat its default graph as the union of the named graphs
(Oxigraph ``--union-default-graph``, Fuseki ``unionDefaultGraph``; GraphDB,
Virtuoso and QLever do so by default): this is checked when the store opens.
On such a server the default graph takes in the ontology and registry graphs
too; a query that must count the articles alone names its dataset (FROM, or a
:class:`~kg.store.base.Dataset`, sent as ``default-graph-uri``), which the
server honours.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from kg.errors import QueryError, StoreError
from kg.store.base import ARTICLES_GRAPH, Dataset, GraphStore, QueryStream, parse_ntriples
from kg.store.sparql import QueryText, explain_syntax_error, with_prefixes

log = logging.getLogger(__name__)

TSV = "text/tab-separated-values"
SPARQL_JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples"


def graph_store_url(endpoint: str) -> str:
    """Return the Graph Store Protocol URL of the server whose query endpoint is ``endpoint``."""
    env = os.environ.get("KG_GRAPH_STORE")
    if env:
        return env
    parts = urlsplit(endpoint)
    path = parts.path.rstrip("/")
    segments = path.split("/")
    if path == "/query":                                   # Oxigraph
        new = "/store"
    elif len(segments) >= 3 and segments[-1] in {"query", "sparql"}:   # Fuseki /ds/query, /ds/sparql
        new = "/".join(segments[:-1]) + "/data"
    elif len(segments) >= 3 and segments[-2] == "repositories":        # GraphDB, RDF4J
        new = path + "/rdf-graphs/service"
    elif path == "/sparql":                                # Virtuoso
        new = "/sparql-graph-crud"
    else:
        raise StoreError(f"cannot tell where the Graph Store Protocol endpoint of {endpoint} is: "
                         "set KG_GRAPH_STORE to its URL")
    return urlunsplit((parts.scheme, parts.netloc, new, "", ""))


class _Reader(io.RawIOBase):
    """A file-like view of an HTTP response body, read as it arrives."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


class RemoteStore(GraphStore):
    """A SPARQL 1.1 server used as the store."""

    def __init__(self, endpoint: str, *, read_only: bool = False) -> None:
        import httpx

        parts = urlsplit(endpoint)
        auth: Any = None
        if parts.username:
            user, password = parts.username, parts.password or ""
            auth = httpx.DigestAuth(user, password) if os.environ.get("KG_STORE_AUTH") == "digest" \
                else httpx.BasicAuth(user, password)
            netloc = parts.hostname or ""
            if parts.port:
                netloc += f":{parts.port}"
            endpoint = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
        self.endpoint = endpoint
        self.location = endpoint
        self.read_only = read_only
        self._client = httpx.Client(auth=auth, timeout=httpx.Timeout(60.0, connect=10.0, read=600.0),
                                    follow_redirects=True)
        self._check_union_default_graph()

    # ------------------------------------------------------------ reads

    def _post_query(self, sparql: str, accept: str, dataset: Dataset | None = None) -> Any:
        import httpx

        data: dict[str, Any] = {"query": with_prefixes(sparql)}
        if dataset is not None:
            if ARTICLES_GRAPH in dataset.default:
                raise QueryError(f"<{ARTICLES_GRAPH}> names the default graph of a store folder; a SPARQL server "
                                 "has its own: name the article graphs it should read instead")
            data["default-graph-uri"] = list(dataset.default)
            if dataset.named is not None:
                data["named-graph-uri"] = list(dataset.named)
        request = self._client.build_request("POST", self.endpoint, data=data, headers={"Accept": accept})
        try:
            response = self._client.send(request, stream=True)
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {self.endpoint}: {exc}. Is the server running?"
                             ) from exc
        if response.status_code >= 400:
            body = response.read().decode("utf-8", "replace")
            response.close()
            if response.status_code == 400:
                raise QueryError(explain_syntax_error(sparql, body))
            if response.status_code in (401, 403):
                raise StoreError(f"the SPARQL endpoint {self.endpoint} refused the query "
                                 f"({response.status_code}): give credentials in the URL (https://user:pw@host/...)")
            raise QueryError(f"the SPARQL endpoint answered {response.status_code}: {body.strip()[:300]}")
        return response

    def stream(self, sparql: str, *, dataset: Dataset | None = None) -> QueryStream:
        """Return the answer to ``sparql`` from the server, parsed as it arrives (``dataset`` sent as the protocol's
        default-graph-uri and named-graph-uri; the query's own FROM clauses are the server's to honour)."""
        import pyoxigraph

        form = QueryText.read(sparql).form
        if form in ("CONSTRUCT", "DESCRIBE"):
            response = self._post_query(sparql, NTRIPLES, dataset)
            reader = io.BufferedReader(_Reader(response.iter_bytes()))
            triples = pyoxigraph.parse(reader, pyoxigraph.RdfFormat.N_TRIPLES)
            return QueryStream("triples", ["subject", "predicate", "object"],
                               _closing(([t.subject, t.predicate, t.object] for t in triples), response))
        if form == "ASK":
            response = self._post_query(sparql, SPARQL_JSON, dataset)
            try:
                result = pyoxigraph.parse_query_results(response.read(), pyoxigraph.QueryResultsFormat.JSON)
            except SyntaxError as exc:
                raise QueryError(f"the SPARQL endpoint sent an unreadable answer: {exc}") from exc
            finally:
                response.close()
            return QueryStream("boolean", [], boolean=bool(result))
        response = self._post_query(sparql, f"{TSV}, {SPARQL_JSON};q=0.5", dataset)
        fmt = pyoxigraph.QueryResultsFormat.TSV
        if "json" in response.headers.get("content-type", ""):
            fmt = pyoxigraph.QueryResultsFormat.JSON
        reader = io.BufferedReader(_Reader(response.iter_bytes()))
        try:
            solutions = pyoxigraph.parse_query_results(reader, fmt)
        except SyntaxError as exc:
            response.close()
            raise QueryError(f"the SPARQL endpoint sent an unreadable answer: {exc}") from exc
        if isinstance(solutions, pyoxigraph.QueryBoolean):
            response.close()
            return QueryStream("boolean", [], boolean=bool(solutions))
        return QueryStream("select", [v.value for v in solutions.variables],
                           _closing((list(s) for s in solutions), response))

    def _check_union_default_graph(self) -> None:
        named = self.stream("ASK { GRAPH ?g { ?s ?p ?o } }").boolean
        default = self.stream("ASK { ?s ?p ?o }").boolean
        if named and not default:
            raise StoreError(f"the SPARQL server at {self.endpoint} does not query the union of its named graphs "
                             "by default: start Oxigraph with --union-default-graph (Fuseki: "
                             "tdb2:unionDefaultGraph true)")

    # ------------------------------------------------------------ writes

    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        """Replace the graph ``graph_iri`` on the server by one Graph Store Protocol PUT (a DELETE when
        ``ntriples`` holds nothing: the server keeps no empty graph behind)."""
        import httpx

        triples = parse_ntriples(graph_iri, ntriples)
        if self.read_only:
            raise StoreError(f"cannot write graph {graph_iri}: the store {self.endpoint} was opened read-only")
        body = "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in triples).encode("utf-8")
        url = graph_store_url(self.endpoint)
        try:
            if body:
                response = self._client.put(url, params={"graph": graph_iri}, content=body,
                                            headers={"Content-Type": NTRIPLES})
            else:
                response = self._client.delete(url, params={"graph": graph_iri})
                if response.status_code == 404:
                    return   # no such graph: nothing to drop
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot write graph {graph_iri} to {url}: {exc}") from exc
        if response.status_code >= 300:
            raise StoreError(f"cannot write graph {graph_iri}: the Graph Store at {url} answered "
                             f"{response.status_code}: {response.text.strip()[:300]}")

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> RemoteStore:
        return self


def _closing(rows: Iterator[list[Any]], response: Any) -> Iterator[list[Any]]:
    """Yield ``rows`` and close ``response`` at the end; errors while reading become :class:`QueryError`."""
    try:
        yield from rows
    except SyntaxError as exc:
        raise QueryError(f"the answer from the SPARQL endpoint broke off: {exc}") from exc
    finally:
        response.close()
