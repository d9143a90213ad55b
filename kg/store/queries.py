"""Saved research queries, their parameters, and reading a query argument (SPARQL text, a ``.rq`` file, or a
saved query's name).

The saved queries are the ``.rq`` files of ``examples/queries`` (installed as
the package data ``kg.saved_queries``). Each starts with ``#`` comment lines
saying the question it answers; ``kg query NAME`` runs one by its file name
without ``.rq``.

A query declares a parameter in its header with a line

    # @param NAME (KIND[, default VALUE]): what it is

where KIND is ``actor`` (a name, other name, ``pkid:`` slug or IRI of an
actor in the store), ``iri``, ``string``, ``integer``, ``decimal``, ``date``
(YYYY-MM-DD) or ``boolean``. The query uses it as the variable ``?NAME``;
``kg query NAME --param NAME=VALUE`` (and ``/queries/NAME?NAME=VALUE`` on
``kg serve``) binds it: the value is checked against its kind, made an RDF
term and joined to the query as ``VALUES ?NAME { term }`` at the head of
its WHERE group. Values are never pasted into the text as they come, so no
value can change the query.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import QueryError
from kg.store.sparql import blank_lexemes
from kg.vocabulary.namespace import PREFIXES

if TYPE_CHECKING:
    from kg.store.base import GraphStore

_NAME = re.compile(r"^[A-Za-z0-9][\w-]*$")
_PARAM = re.compile(r"^#\s*@param\s+([A-Za-z_]\w*)\s*\(\s*(\w+)\s*(?:,\s*default\s+([^)]*?))?\s*\)\s*:?\s*(.*)$")
KINDS = ("actor", "iri", "string", "integer", "decimal", "date", "boolean")
_XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class Parameter:
    """A saved query's parameter: the variable ``?name``, its kind, a default value (or None: required)."""

    name: str
    kind: str
    default: str | None
    description: str

    def usage(self) -> str:
        default = f"={self.default}" if self.default is not None else ""
        return f"{self.name}{default} ({self.kind})"


@dataclass(frozen=True)
class SavedQuery:
    name: str
    question: str
    text: str
    path: Path
    parameters: tuple[Parameter, ...] = ()


def declared_parameters(text: str) -> tuple[Parameter, ...]:
    """Return the parameters the ``# @param`` lines of the query's header declare; a bad line raises QueryError."""
    out = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if "@param" not in line:
            continue
        m = _PARAM.match(line)
        if not m or m.group(2) not in KINDS:
            raise QueryError(f"cannot read the parameter line '{line.strip()}': write "
                             f"'# @param NAME (KIND[, default VALUE]): what it is', KIND one of {', '.join(KINDS)}")
        out.append(Parameter(m.group(1), m.group(2), m.group(3), m.group(4).strip()))
    return tuple(out)


def _folder() -> Path:
    from kg.vocabulary.ontology import package_data_dir

    return package_data_dir("kg.saved_queries")


def read_query_file(path: Path) -> str:
    """Return the text of a query file; a missing or non-UTF-8 file raises :class:`QueryError`."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise QueryError(f"query file {path} not found") from None
    except OSError as exc:
        raise QueryError(f"cannot read query file {path}: {exc.strerror}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QueryError(f"query file {path} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset "
                         f"{exc.start}); save it as UTF-8") from None


def _question(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if "@param" not in line:
            lines.append(line.lstrip("#").strip())
    return " ".join(x for x in lines if x)


def saved_queries() -> dict[str, SavedQuery]:
    """Return the saved queries by name, sorted."""
    out: dict[str, SavedQuery] = {}
    for path in sorted(_folder().glob("*.rq")):
        text = read_query_file(path)
        out[path.stem] = SavedQuery(path.stem, _question(text), text, path, declared_parameters(text))
    return out


def query_text(arg: str) -> str:
    """Return the SPARQL that ``arg`` stands for: a saved query's name, a ``.rq``/``.sparql`` file, or the text."""
    candidate = Path(arg)
    if len(arg) < 4096 and "\n" not in arg and candidate.suffix in {".rq", ".sparql"}:
        return read_query_file(candidate)
    if _NAME.match(arg):
        saved = saved_queries()
        if arg in saved:
            return saved[arg].text
        raise QueryError(f"no saved query named '{arg}': `kg query --list` shows them "
                         f"({', '.join(saved) or 'none installed'})")
    return arg


def bind_parameters(text: str, values: Mapping[str, str], store: GraphStore | None = None) -> str:
    """Return ``text`` with its declared parameters bound to ``values`` (else their defaults), as a VALUES block.

    An undeclared name, a missing required value, or a value that is not of
    its parameter's kind raises :class:`QueryError`; an ``actor`` is looked up
    in ``store`` by name.
    """
    params = {p.name: p for p in declared_parameters(text)}
    unknown = sorted(set(values) - set(params))
    if unknown:
        known = ", ".join(p.usage() for p in params.values()) or "none"
        raise QueryError(f"the query has no parameter '{unknown[0]}': its parameters are {known}")
    if not params:
        return text
    terms = []
    for p in params.values():
        value = values.get(p.name, p.default)
        if value is None:
            raise QueryError(f"the query needs a value for '{p.name}' ({p.kind}: {p.description}): "
                             f"pass --param {p.name}=VALUE")
        terms.append(f"VALUES ?{p.name} {{ {_term(p, value.strip(), store)} }}")
    return _insert_in_where(text, " ".join(terms))


def _term(p: Parameter, value: str, store: GraphStore | None) -> str:
    """Return ``value`` as an RDF term in SPARQL syntax, escaped by pyoxigraph; a bad value raises QueryError."""
    import datetime
    from decimal import Decimal, InvalidOperation

    import pyoxigraph

    def bad(what: str) -> QueryError:
        return QueryError(f"--param {p.name}={value!r}: not {what}")

    if p.kind in ("iri", "actor"):
        iri = _expand(value)
        if p.kind == "actor" and iri is None:
            iri = _actor_named(value, store, p)
        if iri is None:
            raise bad("an IRI (<https://...>, or a prefixed name such as pkid:meta)")
        try:
            return str(pyoxigraph.NamedNode(iri))
        except ValueError:
            raise bad("an IRI") from None
    checks: dict[str, tuple[Any, str]] = {
        "integer": (int, "an integer"), "decimal": (Decimal, "a decimal number"),
        "date": (datetime.date.fromisoformat, "a date (YYYY-MM-DD)")}
    if p.kind in checks:
        parse, what = checks[p.kind]
        try:
            parse(value)
        except (ValueError, InvalidOperation):
            raise bad(what) from None
    if p.kind == "boolean":
        if value.lower() not in ("true", "false"):
            raise bad("true or false")
        value = value.lower()
    if p.kind == "string":
        return str(pyoxigraph.Literal(value))
    return str(pyoxigraph.Literal(value, datatype=pyoxigraph.NamedNode(_XSD + p.kind)))


def _expand(value: str) -> str | None:
    """Return the IRI ``value`` names (``<iri>``, ``http(s)://...`` or a predeclared prefix), else None."""
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    if value.startswith(("http://", "https://")):
        return value
    prefix, colon, local = value.partition(":")
    if colon and prefix in PREFIXES and " " not in local:
        return PREFIXES[prefix] + local
    return None


def _actor_named(name: str, store: GraphStore | None, p: Parameter) -> str | None:
    """Return the IRI of the one actor called ``name`` (label or other name, any case) in ``store``."""
    import pyoxigraph

    if store is None:
        return None
    literal = str(pyoxigraph.Literal(name.casefold()))
    rows = store.query("SELECT DISTINCT ?e ?l WHERE { { ?e rdfs:label ?n } UNION { ?e pk:mention ?n } "
                       f"FILTER(LCASE(STR(?n)) = {literal}) ?e pk:mentionedIn ?a ; rdfs:label ?l }} ORDER BY ?e").rows
    found = {str(e): str(label) for e, label in rows}
    if not found:
        raise QueryError(f"--param {p.name}={name!r}: no actor of that name in the store; `kg actors` lists them "
                         "(or give an IRI such as pkid:meta)")
    if len(found) > 1:
        which = "; ".join(f"{label} <{iri}>" for iri, label in list(found.items())[:5])
        raise QueryError(f"--param {p.name}={name!r} names {len(found)} actors ({which}): give the IRI of one")
    return next(iter(found))


def _insert_in_where(text: str, block: str) -> str:
    """Return ``text`` with ``block`` placed just inside the ``{`` that opens its WHERE group."""
    bare = blank_lexemes(text)
    where = re.search(r"(?<![\w?$:])WHERE\s*\{", bare, re.IGNORECASE)
    start = where.end() if where else bare.find("{") + 1
    if start <= 0:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    return f"{text[:start]} {block}\n{text[start:]}"
