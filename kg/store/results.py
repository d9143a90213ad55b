"""Writing query answers: the terminal table and CSV/TSV/JSON of ``kg query``, and the SPARQL result formats.

Every writer takes rows as they come (an iterator of lists of pyoxigraph
terms) and writes them to a text stream, so an answer is never held whole.
The table shows compact names: ``pkid:sam-altman`` for
``https://policy-kg.org/id/sam-altman``, or the actor's label with
``labels``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from kg.store.base import term_value as plain
from kg.vocabulary.namespace import PREFIXES

#: Longest namespace first, so "pkid:" wins over a shorter prefix of the same IRI.
_BY_LENGTH = sorted(((iri, p) for p, iri in PREFIXES.items()), key=lambda x: -len(x[0]))
_LOCAL_OK = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


def compact(iri: str) -> str:
    """Return ``iri`` as a prefixed name when a predeclared prefix covers it, else ``<iri>``."""
    for ns, prefix in _BY_LENGTH:
        if iri.startswith(ns):
            local = iri[len(ns):]
            if local and set(local) <= _LOCAL_OK and not local.startswith("-"):
                return f"{prefix}:{local}"
    return f"<{iri}>"


def is_iri(term: Any) -> bool:
    return term is not None and type(term).__name__ == "NamedNode"


def display(term: Any, labels: dict[str, str] | None = None) -> str:
    """Return a term as the table shows it: label or prefixed name for IRIs, the text of a literal."""
    if term is None:
        return ""
    if is_iri(term):
        if labels and term.value in labels:
            return labels[term.value]
        return compact(term.value)
    if type(term).__name__ == "BlankNode":
        return f"_:{term.value}"
    return str(term.value)


def _cell(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def write_table(variables: list[str], rows: Iterator[list[Any]], out: IO[str], *, max_width: int = 60,
                labeller: Callable[[set[str]], dict[str, str]] | None = None, sample: int = 200) -> int:
    """Write rows as an aligned table; return how many. Widths come from the first ``sample`` rows."""
    labels: dict[str, str] = {}

    def texts(batch: list[list[Any]]) -> list[list[str]]:
        if labeller is not None:
            wanted = {t.value for r in batch for t in r if is_iri(t) and t.value not in labels}
            if wanted:
                labels.update(labeller(wanted))
        return [[_cell(display(t, labels), max_width) for t in r] for r in batch]

    first = texts(list(islice(rows, sample)))
    widths = [max([len(v)] + [len(r[i]) for r in first]) for i, v in enumerate(variables)]
    out.write("  ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    n = 0

    def emit(batch: list[list[str]]) -> None:
        nonlocal n
        for r in batch:
            out.write("  ".join(_cell(v, w).ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")
            n += 1

    emit(first)
    while True:
        batch = list(islice(rows, sample))
        if not batch:
            return n
        emit(texts(batch))


def write_csv(variables: list[str], rows: Iterable[list[Any]], out: IO[str]) -> int:
    """Write rows as SPARQL 1.1 CSV (plain values); return how many."""
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(variables)
    n = 0
    for r in rows:
        try:
            w.writerow(["" if t is None else t.value for t in r])
        except AttributeError:  # an RDF-star triple term has no single value
            w.writerow(["" if t is None else plain(t) for t in r])
        n += 1
    return n


def write_tsv(variables: list[str], rows: Iterable[list[Any]], out: IO[str]) -> int:
    """Write rows as SPARQL 1.1 TSV (terms in N-Triples syntax); return how many."""
    out.write("\t".join(f"?{v}" for v in variables) + "\n")
    n = 0
    for r in rows:
        out.write("\t".join("" if t is None else str(t) for t in r) + "\n")
        n += 1
    return n


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
                                "unsignedShort", "unsignedByte")}
_FLOATS = {_XSD + t for t in ("decimal", "double", "float")}


def python_value(term: Any) -> Any:
    """Return a term as a Python value: ``int``, ``float`` (decimals too), ``bool``, ``datetime.date`` or
    ``datetime.datetime`` for literals of those XSD types, ``str`` for IRIs and other literals, None if unbound.

    A literal whose text does not fit its type (``"n/a"^^xsd:integer``) stays a string.
    """
    import datetime

    if term is None:
        return None
    datatype = getattr(getattr(term, "datatype", None), "value", None)
    value = plain(term)
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype in _FLOATS:
            return float(value)
        if datatype == _XSD + "boolean":
            return value in ("true", "1")
        if datatype == _XSD + "date":
            return datetime.date.fromisoformat(value)
        if datatype == _XSD + "dateTime":
            return datetime.datetime.fromisoformat(value)
    except ValueError:
        return value
    return value


def _json_value(term: Any) -> Any:
    value = python_value(term)
    return value.isoformat() if hasattr(value, "isoformat") else value


def write_records(variables: list[str], rows: Iterable[list[Any]], out: IO[str]) -> int:
    """Write rows as a JSON list of {variable: value} records (numbers and booleans typed, dates as ISO text);
    return how many."""
    out.write("[")
    n = 0
    for r in rows:
        out.write(",\n  " if n else "\n  ")
        out.write(json.dumps(dict(zip(variables, [_json_value(t) for t in r], strict=True)), ensure_ascii=False))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def _json_term(term: Any) -> dict[str, str]:
    kind = type(term).__name__
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}
    if kind == "Literal":
        d = {"type": "literal", "value": term.value}
        if term.language:
            d["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            d["datatype"] = term.datatype.value
        return d
    return {"type": "triple", "value": str(term)}


def write_sparql_json(variables: list[str], rows: Iterable[list[Any]], out: IO[str]) -> int:
    """Write rows as SPARQL 1.1 Query Results JSON; return how many."""
    out.write('{"head":{"vars":' + json.dumps(variables) + '},"results":{"bindings":[')
    n = 0
    for r in rows:
        binding = {v: _json_term(t) for v, t in zip(variables, r, strict=True) if t is not None}
        out.write(("," if n else "") + json.dumps(binding, ensure_ascii=False))
        n += 1
    out.write("]}}\n")
    return n


def _xml_term(term: Any) -> str:
    kind = type(term).__name__
    if kind == "NamedNode":
        return f"<uri>{escape(term.value)}</uri>"
    if kind == "BlankNode":
        return f"<bnode>{escape(term.value)}</bnode>"
    if kind == "Literal":
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def write_sparql_xml(variables: list[str], rows: Iterable[list[Any]], out: IO[str]) -> int:
    """Write rows as SPARQL Query Results XML; return how many."""
    out.write('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>')
    out.write("".join(f"<variable name={quoteattr(v)}/>" for v in variables) + "</head>\n<results>\n")
    n = 0
    for r in rows:
        cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                        for v, t in zip(variables, r, strict=True) if t is not None)
        out.write(f"<result>{cells}</result>\n")
        n += 1
    out.write("</results>\n</sparql>\n")
    return n


def boolean_text(value: bool, fmt: str) -> str:
    """Return an ASK answer in ``fmt``: "json", "xml", "csv", "tsv" (SPARQL formats) or "text"."""
    word = "true" if value else "false"
    if fmt == "json":
        return '{"head":{},"boolean":' + word + "}\n"
    if fmt == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{word}</boolean></sparql>\n")
    return word + "\n"


#: SPARQL result formats by name: (media type, writer).
SOLUTION_FORMATS: dict[str, tuple[str, Callable[[list[str], Iterable[list[Any]], IO[str]], int]]] = {
    "json": ("application/sparql-results+json", write_sparql_json),
    "xml": ("application/sparql-results+xml", write_sparql_xml),
    "csv": ("text/csv", write_csv),
    "tsv": ("text/tab-separated-values", write_tsv),
}
#: RDF formats for CONSTRUCT and DESCRIBE answers: name -> (media type, pyoxigraph RdfFormat name).
GRAPH_FORMATS: dict[str, tuple[str, str]] = {
    "turtle": ("text/turtle", "TURTLE"),
    "rdfxml": ("application/rdf+xml", "RDF_XML"),
    "ntriples": ("application/n-triples", "N_TRIPLES"),
    "jsonld": ("application/ld+json", "JSON_LD"),
}


def write_triples(rows: Iterable[list[Any]], out: IO[bytes], fmt: str) -> int:
    """Write (subject, predicate, object) rows as RDF in ``fmt`` (a key of :data:`GRAPH_FORMATS`); return count."""
    import pyoxigraph

    count = 0

    def triples() -> Iterator[Any]:
        nonlocal count
        for s, p, o in rows:
            count += 1
            yield pyoxigraph.Triple(s, p, o)

    rdf_format = getattr(pyoxigraph.RdfFormat, GRAPH_FORMATS[fmt][1])
    prefixes = PREFIXES if fmt in ("turtle", "jsonld") else None
    pyoxigraph.serialize(triples(), out, rdf_format, prefixes=prefixes)
    return count


def write_answer(answer: Any, out: IO[str], fmt: str, *, labels: bool = False) -> int:
    """Write a streamed :class:`kg.store.sparql.Answer` to ``out`` as "table", "csv", "tsv" or "json"; return rows."""
    if answer.kind == "boolean":
        value = bool(answer.boolean)
        out.write(json.dumps({"boolean": value}) + "\n" if fmt == "json" else boolean_text(value, "text"))
        return 0
    rows = answer.rows()
    if fmt == "table":
        return write_table(answer.variables, rows, out, labeller=answer.labels if labels else None)
    writer = {"csv": write_csv, "tsv": write_tsv, "json": write_records}[fmt]
    return writer(answer.variables, rows, out)
