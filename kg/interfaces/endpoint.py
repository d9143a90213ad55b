"""``kg serve``: a SPARQL 1.1 Protocol endpoint over a store folder, and a query page.

The HTTP side is a small ASGI app (Starlette, served by uvicorn). Queries run
in worker processes, each holding the store open: a query past the time
limit is stopped by ending its worker, which frees its CPU and memory at
once, and a fresh worker takes its place, so the endpoint keeps serving.

- ``GET /sparql?query=...``, ``POST /sparql`` (form ``query=``/``update=``,
  or a body of type ``application/sparql-query``/``application/sparql-update``);
- SELECT and ASK answers as SPARQL JSON, XML, CSV or TSV, CONSTRUCT and
  DESCRIBE as RDF/XML, Turtle, N-Triples or JSON-LD, chosen by the ``Accept``
  header (or a ``format`` parameter), so SPARQLWrapper's and rdflib's
  defaults work as they are;
- the dataset: the articles' default graph, unless the query's FROM / FROM
  NAMED or the protocol's ``default-graph-uri`` / ``named-graph-uri`` name
  another (:mod:`kg.store.base`);
- ``GET /queries`` lists the saved queries and their parameters as JSON;
  ``GET /queries/NAME?PARAM=VALUE`` runs one, its parameters bound as terms;
- read-only unless started with ``allow_update``; ``SERVICE`` refused unless
  ``allow_service``; every query under a time limit and a row limit (an
  answer cut by the row limit carries ``X-KG-Truncated: true``);
- ``GET /`` is a page that works offline: a query box, the saved research
  queries one click away, and a result table.

What the web may do with it (:class:`Guard`): a request whose ``Host`` is not
one of the allowed names (loopback names by default; ``--allow-host``) is
refused, so a DNS-rebinding page cannot reach the endpoint under its own
name. A request from a page of another origin (its ``Origin``, or
``Sec-Fetch-Site: cross-site``) may run read-only queries by GET, answered
with ``Access-Control-Allow-Origin: *`` (``cors="get"``, the default; "post"
allows POST queries too, with their preflight; "off" none); an update from
another origin is always refused, and never gets CORS headers. Every answer
carries ``X-Content-Type-Options: nosniff``.
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from kg.errors import KGError, StoreError
from kg.store.sparql import Limits, QueryText, memory_error, memory_exceeded, nesting_problem

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878

#: Media types by format name, and the order a ``*/*`` client gets.
SOLUTION_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_TYPES = {"turtle": "text/turtle", "rdfxml": "application/rdf+xml", "ntriples": "application/n-triples",
               "jsonld": "application/ld+json"}
ALIASES = {"application/json": "json", "text/xml": "xml", "application/xml": "xml", "text/plain": "ntriples",
           "application/x-turtle": "turtle"}
#: Names that mean another format for a graph answer (SPARQLWrapper sends format=xml, and text/xml, for RDF/XML).
GRAPH_ALIASES = {"xml": "rdfxml", "rdf": "rdfxml", "application/xml": "rdfxml", "text/xml": "rdfxml",
                 "json": "jsonld", "application/json": "jsonld", "n3": "turtle", "text/n3": "turtle",
                 "text/plain": "ntriples", "application/x-turtle": "turtle"}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
CORS_MODES = ("get", "post", "off")


@dataclass
class Reply:
    """What a worker sends back for one request."""

    status: int
    media_type: str
    body: bytes
    truncated: bool = False


# ---------------------------------------------------------------- the worker process


def _execute(st: Any, job: dict[str, Any]) -> Reply:
    from io import BytesIO, StringIO

    from kg.errors import QueryError
    from kg.store.base import Dataset
    from kg.store.queries import bind_parameters
    from kg.store.results import SOLUTION_FORMATS, boolean_text, write_triples

    try:
        if job["op"] == "update":
            st.update(job["text"])
            return Reply(204, "text/plain", b"")
        text = job["text"]
        if job.get("params") is not None:
            text = bind_parameters(text, job["params"], st)
        dataset = None
        if job.get("default") or job.get("named"):
            dataset = Dataset(default=tuple(job.get("default") or Dataset().default),
                              named=tuple(job["named"]) if job.get("named") else None)
        stream = st.stream(text, dataset=dataset)
        fmt, cap = job["format"], job["max_rows"]
        if stream.kind == "boolean":
            fmt = fmt if fmt in SOLUTION_TYPES else "json"
            return Reply(200, SOLUTION_TYPES[fmt], boolean_text(bool(stream.boolean), fmt).encode())
        rows = list(islice(stream.rows, cap + 1))
        truncated = len(rows) > cap
        rows = rows[:cap]
        if stream.kind == "select":
            fmt = fmt if fmt in SOLUTION_TYPES else "json"
            text = StringIO()
            SOLUTION_FORMATS[fmt][1](stream.variables, rows, text)
            return Reply(200, SOLUTION_TYPES[fmt] + "; charset=utf-8", text.getvalue().encode(), truncated)
        fmt = fmt if fmt in GRAPH_TYPES else "turtle"
        data = BytesIO()
        write_triples(rows, data, fmt)
        return Reply(200, GRAPH_TYPES[fmt] + "; charset=utf-8", data.getvalue(), truncated)
    except QueryError as exc:
        return Reply(400, "text/plain; charset=utf-8", f"{exc}\n".encode())
    except KGError as exc:
        return Reply(500, "text/plain; charset=utf-8", f"{exc}\n".encode())


def worker_main(conn: Any, path: str, writable: bool) -> None:
    """Serve jobs from ``conn`` against the store at ``path`` until the pipe closes (runs in a worker process)."""
    from kg.ingest.engines import exit_with_parent
    from kg.store.embedded import Store

    exit_with_parent()  # a killed `kg serve` leaves no worker holding the store

    try:
        st = Store(path, read_only=not writable)
    except KGError as exc:
        conn.send(Reply(500, "text/plain; charset=utf-8", str(exc).encode()))
        return
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            break
        conn.send(_execute(st, job))
    st.close()


class WorkerPool:
    """Worker processes holding the store; a job past its deadline ends its worker, and a new one starts."""

    def __init__(self, path: Path, *, size: int, writable: bool) -> None:
        self.path, self.writable = str(path), writable
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[tuple[Any, Any]] = queue.Queue()
        self._lock = threading.Lock()
        self._all: list[Any] = []
        for _ in range(size):
            self._idle.put(self._start())

    def _start(self) -> tuple[Any, Any]:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=worker_main, args=(child, self.path, self.writable), daemon=True,
                                 name="kg-serve-worker")
        proc.start()
        child.close()
        if not parent.poll(60):
            proc.kill()
            raise StoreError(f"the query worker for {self.path} did not start")
        first = parent.recv()
        if isinstance(first, Reply):
            proc.join(5)
            raise StoreError(first.body.decode())
        with self._lock:
            self._all.append(proc)
        return proc, parent

    def run(self, job: dict[str, Any], timeout: float | None, limits: Limits | None = None) -> Reply | None:
        """Return the worker's reply, or None when the job ran past ``timeout`` seconds (its worker is replaced; one
        that dies on a job answers 500 saying so, one that grows past ``limits.max_memory`` is stopped with 503)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            proc, conn = self._idle.get(timeout=timeout)
        except queue.Empty:
            return None
        said: Reply | None = None  # what to answer when the worker is stopped (None: the time limit)
        try:
            conn.send(job)
            while True:  # in slices, looking at the worker's memory between them
                left = None if deadline is None else max(0.0, deadline - time.monotonic())
                if conn.poll(0.1 if left is None else min(left, 0.1)):
                    reply: Reply = conn.recv()
                    self._idle.put((proc, conn))
                    return reply
                if limits is not None and memory_exceeded(limits, proc.pid):
                    stopped = memory_error(limits, option="the --max-memory of `kg serve`")
                    said = Reply(503, "text/plain; charset=utf-8", f"{stopped}\n".encode())
                    break
                if left is not None and left <= 0:
                    break
        except (EOFError, OSError):
            log.warning("a query worker died; starting another")
            said = Reply(500, "text/plain; charset=utf-8",
                         b"query stopped: the query worker died while evaluating it (the engine crashed, or ran out "
                         b"of memory); narrow the query and try again\n")
        proc.kill()
        proc.join(5)
        conn.close()
        with self._lock:
            self._all.remove(proc)
        self._idle.put(self._start())
        return said

    def close(self) -> None:
        with self._lock:
            for proc in self._all:
                proc.kill()
                proc.join(5)
            self._all.clear()


# ---------------------------------------------------------------- content negotiation


def negotiate(accept: str, form: str | None, override: str | None = None) -> str | None:
    """Return the format name to answer in, or None when the client accepts none we can give."""
    offers = GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else SOLUTION_TYPES
    by_type = {mt: name for name, mt in offers.items()}
    aliases = GRAPH_ALIASES if offers is GRAPH_TYPES else ALIASES
    if override:  # a `format` parameter (a name or a media type) wins when we understand it
        key = by_type.get(override.lower()) or aliases.get(override.lower(), override.lower())
        if key in offers:
            return key
    if not accept.strip():
        return next(iter(offers))
    best: tuple[float, int, str] | None = None
    for position, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        media, q = bits[0].lower(), 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        name = by_type.get(media) or (aliases.get(media) if aliases.get(media) in offers else None)
        if name is None and media in ("*/*", "application/*", "text/*"):
            name = next((n for n, mt in offers.items() if media == "*/*" or mt.startswith(media[:-1])), None)
        if name and q > 0 and (best is None or (q, -position) > (best[0], best[1])):
            best = (q, -position, name)
    return best[2] if best else None


# ---------------------------------------------------------------- the app


@dataclass(frozen=True)
class Guard:
    """Which requests the endpoint answers: the ``Host`` names it goes by, and what other origins may do."""

    hosts: tuple[str, ...] = LOOPBACK_HOSTS     # "*" accepts any (behind a proxy that checks it)
    cors: str = "get"                           # "get", "post" or "off"
    origins: tuple[str, ...] = ()               # origins allowed to send updates besides the endpoint's own

    def host_allowed(self, host_header: str) -> bool:
        if "*" in self.hosts:
            return True
        name = host_header.strip().lower()
        if name.startswith("["):                # [::1]:7878
            name = name[1:].split("]", 1)[0]
        elif name.count(":") == 1:
            name = name.split(":", 1)[0]
        return bool(name) and name in {h.lower().strip("[]") for h in self.hosts}

    @classmethod
    def for_host(cls, bind: str, *, hosts: tuple[str, ...] = (), cors: str = "get",
                 origins: tuple[str, ...] = ()) -> Guard:
        """Return the guard of an endpoint bound to ``bind``: loopback names, ``bind`` itself unless it is a
        wildcard address, and ``hosts``."""
        names = [*LOOPBACK_HOSTS, *hosts]
        if bind not in ("0.0.0.0", "::", ""):
            names.append(bind)
        if cors not in CORS_MODES:
            raise ValueError(f"cors must be one of {', '.join(CORS_MODES)}")
        return cls(hosts=tuple(dict.fromkeys(names)), cors=cors, origins=origins)


class GuardMiddleware:
    """ASGI middleware: refuses a foreign ``Host`` before anything runs; adds ``nosniff`` to every answer."""

    def __init__(self, app: Any, guard: Guard) -> None:
        self.app, self.guard = app, guard

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if not self.guard.host_allowed(host):
            body = (f"this endpoint does not answer to the host name '{host}': it answers to "
                    f"{', '.join(self.guard.hosts)}; start `kg serve --allow-host NAME` to add one\n").encode()
            await send({"type": "http.response.start", "status": 403, "headers": [
                (b"content-type", b"text/plain; charset=utf-8"), (b"x-content-type-options", b"nosniff"),
                (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return

        async def send_nosniff(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-content-type-options", b"nosniff")]
            await send(message)

        await self.app(scope, receive, send_nosniff)


def _foreign_origin(headers: Any) -> str | None:
    """Return the ``Origin`` of a request sent from a page of another origin than the endpoint's, else None."""
    from urllib.parse import urlsplit

    origin = headers.get("origin")
    if origin is None:
        # No Origin: not a browser's cross-origin request, unless the browser says so in Sec-Fetch-Site.
        return "(a page of another site)" if headers.get("sec-fetch-site") == "cross-site" else None
    if origin == "null" or urlsplit(origin).netloc.lower() != headers.get("host", "").lower():
        return origin
    return None


def create_app(*, store: str | Path, limits: Limits, allow_update: bool = False, workers: int = 2,
               guard: Guard | None = None) -> Any:
    """Return the ASGI app serving ``store`` (a folder) under ``limits``, answering the requests ``guard`` lets
    through (default: loopback host names, CORS for GET queries)."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
    from starlette.routing import Route

    from kg.store.base import store_path
    from kg.store.queries import saved_queries

    guard = guard or Guard()
    path = store_path(store)
    if not allow_update and not path.exists():
        raise StoreError(f"no store at {path}: run `kg ingest` first, or pass --store DIR")
    pool = WorkerPool(path, size=1 if allow_update else max(1, workers), writable=allow_update)
    timeout = limits.timeout or None
    cap = limits.max_rows or 10_000_000

    def refuse(status: int, message: str) -> Response:
        return PlainTextResponse(message + "\n", status_code=status)

    def cors(response: Response, request: Request) -> Response:
        """Add the CORS headers a read-only answer gets when the request came from another origin."""
        if request.headers.get("origin") and guard.cors != "off":
            response.headers["Access-Control-Allow-Origin"] = "*"
            response.headers["Access-Control-Expose-Headers"] = "X-KG-Truncated, X-KG-Max-Rows"
        return response

    async def preflight(request: Request) -> Response:
        methods = {"get": "GET", "post": "GET, POST", "off": ""}[guard.cors]
        wanted = request.headers.get("access-control-request-method", "").upper()
        if not methods or (wanted and wanted not in methods):
            return refuse(403, f"cross-origin {wanted or 'requests'} are not allowed here (CORS: "
                               f"{guard.cors}); read-only GET queries are, unless `kg serve --cors off`")
        return Response(status_code=204, headers={
            "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": methods,
            "Access-Control-Allow-Headers": "Accept, Content-Type", "Access-Control-Max-Age": "600"})

    async def sparql(request: Request) -> Response:
        if request.method == "OPTIONS":
            return await preflight(request)
        foreign = _foreign_origin(request.headers)
        params = dict(request.query_params)
        dataset = {"default": request.query_params.getlist("default-graph-uri"),
                   "named": request.query_params.getlist("named-graph-uri")}
        query_text = update_text = None
        if request.method == "POST":
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype == "application/sparql-query":
                query_text = (await request.body()).decode("utf-8", "replace")
            elif ctype == "application/sparql-update":
                update_text = (await request.body()).decode("utf-8", "replace")
            elif ctype == "application/x-www-form-urlencoded":
                form = parse_qs((await request.body()).decode("utf-8", "replace"), keep_blank_values=True)
                query_text = form["query"][0] if "query" in form else None
                update_text = form["update"][0] if "update" in form else None
                if "format" in form:
                    params["format"] = form["format"][0]
                dataset["default"] += form.get("default-graph-uri", [])
                dataset["named"] += form.get("named-graph-uri", [])
            else:
                return refuse(415, f"unsupported content type '{ctype}': send a form (query=... or update=...), "
                                   "application/sparql-query or application/sparql-update")
        else:
            query_text = params.get("query")
            formats = request.query_params.getlist("format")
            params["format"] = next((f for f in formats if negotiate("", "SELECT", f) or
                                     negotiate("", "CONSTRUCT", f)), formats[0] if formats else "")
            if "update" in params:
                return refuse(400, "updates must be sent with POST (SPARQL 1.1 Protocol)")
        too_deep = nesting_problem(QueryText.read(update_text if update_text is not None else query_text or ""))
        if too_deep:
            return refuse(400, f"refused: {too_deep}")
        if update_text is not None:
            if not allow_update:
                return refuse(403, "this endpoint is read-only: updates are refused (start `kg serve "
                                   "--allow-update` to accept them)")
            if foreign and foreign not in guard.origins:
                return refuse(403, f"an update from another origin ({foreign}) is refused: send it from this "
                                   "endpoint's own page or a client that is not a browser, or start `kg serve "
                                   "--allow-origin ORIGIN`")
            reply = await run_in_threadpool(pool.run, {"op": "update", "text": update_text}, timeout, limits)
            return _reply(reply, limits)
        if foreign and (guard.cors == "off" or (request.method == "POST" and guard.cors != "post")):
            how = "off" if guard.cors == "off" else "on for GET only"
            return refuse(403, f"a query from another origin ({foreign}) by {request.method} is refused (CORS is "
                               f"{how}): send it by GET, or start `kg serve --cors post`")
        if not query_text:
            return cors(Response(_service_description(str(request.url)), media_type="text/turtle"), request)
        q = QueryText.read(query_text)
        if q.is_update:
            return refuse(403 if not allow_update else 400,
                          "this is a SPARQL update sent as a query: "
                          + ("send it as `update` (POST)" if allow_update else
                             "this endpoint is read-only (start `kg serve --allow-update` to accept updates)"))
        if q.uses_service and not limits.allow_service:
            return refuse(403, "SERVICE is refused: this endpoint does not call other SPARQL servers (start "
                               "`kg serve --allow-service` to allow federated queries)")
        fmt = negotiate(request.headers.get("accept", ""), q.form, params.get("format"))
        if fmt is None:
            offers = GRAPH_TYPES if q.form in ("CONSTRUCT", "DESCRIBE") else SOLUTION_TYPES
            return refuse(406, f"cannot answer in the formats accepted ({request.headers.get('accept')}); "
                               f"available: {', '.join(offers.values())}")
        job = {"op": "query", "text": query_text, "format": fmt, "max_rows": cap, **dataset}
        reply = await run_in_threadpool(pool.run, job, timeout, limits)
        return cors(_reply(reply, limits), request)

    async def saved_list(request: Request) -> Response:
        listing = {name: {"question": q.question, "parameters": [
            {"name": p.name, "kind": p.kind, "default": p.default, "description": p.description}
            for p in q.parameters]} for name, q in saved_queries().items()}
        return cors(JSONResponse(listing), request)

    async def saved_run(request: Request) -> Response:
        if _foreign_origin(request.headers) and guard.cors == "off":
            return refuse(403, "a query from another origin is refused (CORS is off)")
        name = request.path_params["name"]
        saved = saved_queries().get(name)
        if saved is None:
            return refuse(404, f"no saved query named '{name}': GET /queries lists them")
        values = {k: v for k, v in request.query_params.items() if k != "format"}
        fmt = negotiate(request.headers.get("accept", ""), QueryText.read(saved.text).form,
                        request.query_params.get("format"))
        if fmt is None:
            return refuse(406, f"cannot answer in the formats accepted ({request.headers.get('accept')})")
        job = {"op": "query", "text": saved.text, "params": values, "format": fmt, "max_rows": cap}
        reply = await run_in_threadpool(pool.run, job, timeout, limits)
        return cors(_reply(reply, limits), request)

    async def page(request: Request) -> Response:
        return HTMLResponse(render_page(saved_queries(), limits=limits, allow_update=allow_update))

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        try:
            yield
        finally:
            pool.close()

    app = Starlette(routes=[Route("/", page), Route("/sparql", sparql, methods=["GET", "POST", "OPTIONS"]),
                            Route("/queries", saved_list), Route("/queries/{name}", saved_run)], lifespan=lifespan)
    app.state.pool = pool
    return GuardMiddleware(app, guard)


def _reply(reply: Reply | None, limits: Limits) -> Any:
    from starlette.responses import PlainTextResponse, Response

    if reply is None:
        return PlainTextResponse(
            f"query stopped: it ran past this endpoint's {limits.timeout:g} s time limit; narrow it (a LIMIT, more "
            "specific patterns) or start `kg serve` with a larger --timeout\n", status_code=503)
    headers = {"X-KG-Truncated": "true", "X-KG-Max-Rows": str(limits.max_rows)} if reply.truncated else None
    return Response(reply.body, status_code=reply.status, media_type=reply.media_type, headers=headers)


def _service_description(url: str) -> str:
    endpoint = url.split("?", 1)[0]
    formats = " , ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in (
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "RDF_XML", "Turtle",
        "N-Triples", "JSON-LD"))
    return ("@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
            f"<{endpoint}> a sd:Service ; sd:endpoint <{endpoint}> ;\n"
            "  sd:supportedLanguage sd:SPARQL11Query ; sd:feature sd:RequiresDataset ;\n"
            f"  sd:resultFormat {formats} .\n")


def render_page(saved: dict[str, Any], *, limits: Limits, allow_update: bool) -> str:
    """Return the query page: a query box, the saved queries as buttons, a result table (no remote resources)."""
    from kg.vocabulary.namespace import PREFIXES

    data = json.dumps({"saved": {n: {"question": q.question, "text": q.text} for n, q in saved.items()},
                       "prefixes": PREFIXES}).replace("</", "<\\/")
    first = next(iter(saved.values())).text if saved else "SELECT * WHERE { ?s ?p ?o } LIMIT 10"
    buttons = "".join(f'<li><button type="button" data-name="{html.escape(n)}">{html.escape(n)}</button> '
                      f"<span>{html.escape(q.question)}</span></li>" for n, q in saved.items())
    note = (f"Time limit {limits.timeout:g} s, at most {limits.max_rows} rows; "
            + ("updates accepted" if allow_update else "read-only") + ".")
    return _PAGE.replace("{{query}}", html.escape(first)).replace("{{buttons}}", buttons) \
        .replace("{{note}}", html.escape(note)).replace("{{data}}", data)


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>policy-kg SPARQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:12px 20px;color:#222}
h1{font-size:20px;margin:8px 0}textarea{width:100%;height:14em;font:13px monospace;box-sizing:border-box}
#bar{margin:6px 0;display:flex;gap:10px;align-items:center}#status{color:#555}#status.error{color:#b00020}
table{border-collapse:collapse;margin-top:8px;font-size:13px}th,td{border:1px solid #ddd;padding:3px 6px;
text-align:left;vertical-align:top;max-width:480px;overflow-wrap:break-word}th{background:#f3f3f3;white-space:nowrap}
ul#saved{list-style:none;padding:0}ul#saved li{margin:4px 0}ul#saved span{color:#555}small{color:#666}
</style></head><body>
<h1>policy-kg SPARQL endpoint</h1>
<p><small>Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol). Prefixes pk:, pkid:, pkart:, rdf:, rdfs:, owl:,
xsd:, skos:, prov:, dcterms: and wd: are predeclared; the default graph holds the articles' statements, each
once; the ontology and registry are the graphs &lt;https://policy-kg.org/graph/ontology&gt; and
&lt;https://policy-kg.org/graph/registry&gt;.
{{note}}</small></p>
<form id="form"><textarea id="query" name="query" spellcheck="false">{{query}}</textarea>
<div id="bar"><button type="submit">Run query</button><label><input type="checkbox" id="labels" checked>
show labels</label><span id="status"></span></div></form>
<div id="result"></div>
<h2>Saved queries</h2><ul id="saved">{{buttons}}</ul>
<script id="kg-data" type="application/json">{{data}}</script>
<script>
const DATA = JSON.parse(document.getElementById("kg-data").textContent);
const NS = Object.entries(DATA.prefixes).sort((a, b) => b[1].length - a[1].length);
const labels = new Map();
function compact(iri) {
  for (const [p, ns] of NS) {
    const local = iri.slice(ns.length);
    if (iri.startsWith(ns) && /^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(local)) return p + ":" + local;
  }
  return "<" + iri + ">";
}
function show(term) {
  if (!term) return "";
  if (term.type === "uri") {
    const named = document.getElementById("labels").checked && labels.has(term.value);
    return named ? labels.get(term.value) : compact(term.value);
  }
  return term.value;
}
async function post(query) {
  const body = new URLSearchParams({query});
  return fetch("sparql", {method: "POST", body,
                          headers: {"Accept": "application/sparql-results+json, text/turtle;q=0.9"}});
}
async function fetchLabels(iris) {
  const todo = [...iris].filter(i => !labels.has(i) && !i.includes(">")).slice(0, 500);
  if (!todo.length) return;
  const q = "SELECT ?s (SAMPLE(?l) AS ?label) WHERE { VALUES ?s { " + todo.map(i => "<" + i + ">").join(" ") +
            " } ?s rdfs:label ?l } GROUP BY ?s";
  const r = await post(q);
  if (r.ok) for (const b of (await r.json()).results.bindings) labels.set(b.s.value, b.label.value);
}
function table(vars, rows) {
  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  for (const v of vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
  const body = t.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const v of vars) tr.insertCell().textContent = show(row[v]);
  }
  return t;
}
async function run(query) {
  const status = document.getElementById("status"), out = document.getElementById("result");
  status.className = ""; status.textContent = "running…"; out.replaceChildren();
  const started = performance.now();
  let r;
  try { r = await post(query); } catch (e) { status.className = "error"; status.textContent = String(e); return; }
  if (!r.ok) { status.className = "error"; status.textContent = r.status + ": " + await r.text(); return; }
  if (!(r.headers.get("Content-Type") || "").includes("json")) {
    const pre = document.createElement("pre"); pre.textContent = await r.text(); out.appendChild(pre);
    status.textContent = "graph answer (Turtle)"; return;
  }
  const res = await r.json();
  const secs = ((performance.now() - started) / 1000).toFixed(2);
  if ("boolean" in res) { status.textContent = "answer: " + res.boolean + " (" + secs + " s)"; return; }
  const rows = res.results.bindings;
  const iris = new Set();
  for (const row of rows) for (const v of Object.values(row)) if (v.type === "uri") iris.add(v.value);
  if (document.getElementById("labels").checked) await fetchLabels(iris);
  const cut = r.headers.get("X-KG-Truncated") ? " (cut at the row limit)" : "";
  status.textContent = rows.length + " row(s) in " + secs + " s" + cut;
  out.appendChild(table(res.head.vars, rows));
}
document.getElementById("form").addEventListener("submit", e => {
  e.preventDefault(); run(document.getElementById("query").value);
});
document.getElementById("labels").addEventListener("change", () => run(document.getElementById("query").value));
for (const b of document.querySelectorAll("#saved button")) {
  b.addEventListener("click", () => {
    const q = DATA.saved[b.dataset.name].text;
    document.getElementById("query").value = q;
    window.scrollTo(0, 0);
    run(q);
  });
}
run(document.getElementById("query").value);
</script></body></html>
"""


def serve(*, store: str | os.PathLike[str] | None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, limits: Limits,
          allow_update: bool = False, workers: int = 2, allow_hosts: tuple[str, ...] = (), cors: str = "get",
          allow_origins: tuple[str, ...] = (), on_ready: Callable[[], None] | None = None) -> None:
    """Serve the store until interrupted (blocks); ``on_ready`` is called once the address is bound and the
    query workers hold the store, so nothing says "serving" before it is (a taken port, a locked store)."""
    import socket

    import uvicorn

    from kg.store.base import is_endpoint, store_path

    if is_endpoint(store):
        raise StoreError("kg serve serves a store folder; a SPARQL server already has its own endpoint")
    guard = Guard.for_host(host, hosts=allow_hosts, cors=cors, origins=allow_origins)
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        raise StoreError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); pick another --port, or stop "
                         "what is using it") from exc
    with sock:
        app = create_app(store=store_path(store), limits=limits, allow_update=allow_update, workers=workers,
                         guard=guard)
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        if on_ready is not None:
            on_ready()
        server.run(sockets=[sock])
