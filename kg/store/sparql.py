"""Query safety: what a SPARQL text is (query form, updates, SERVICE, prefixes) and guarded execution.

``kg query`` and ``kg serve`` apply the same rules (:class:`Limits`):

- the text must be a query; an update is refused with a message naming the
  way to change the store;
- ``SERVICE`` (a federated call to another server named in the query) is
  refused unless explicitly allowed;
- a query gets a time limit and a row limit; rows are streamed, so memory
  stays bounded by a batch, not the whole answer;
- a syntax error is reported briefly (position and the text there), and an
  unknown prefix by name with the predeclared ones listed.

The scanner below works on the lexical level of SPARQL (comments, strings and
IRIs removed, so ``"SERVICE"`` in a literal or ``?service`` as a variable are
not mistaken for the keyword); the parsing proper is left to the store.
"""

from __future__ import annotations

import logging
import os
import queue
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.errors import QueryError
from kg.store.base import Dataset
from kg.vocabulary.namespace import PREFIXES

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from kg.store.base import GraphStore, QueryStream

#: Defaults shared by ``kg query`` and ``kg serve``.
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_ROWS = 10_000
#: Megabytes of memory a query's process may reach before the query is stopped (an ORDER BY over a cartesian
#: product grows by gigabytes a second; without a bound it ends when the kernel kills the process).
DEFAULT_MAX_MEMORY = 4096

UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

# Lexical pieces that may hide keywords: comments, the four string forms, IRIs.
_LEXEME = re.compile(
    r"""(?P<comment>\#[^\n\r]*)"""
    r"""|(?P<long1>'''(?:[^'\\]|\\.|'(?!''))*''')"""
    r'''|(?P<long2>"""(?:[^"\\]|\\.|"(?!""))*""")'''
    r"""|(?P<short1>'(?:[^'\\\n\r]|\\.)*')"""
    r'''|(?P<short2>"(?:[^"\\\n\r]|\\.)*")'''
    r"""|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)""",
    re.DOTALL,
)
_WORD = r"(?<![\w?$:.\-]){}(?![\w:\-])"
_SERVICE = re.compile(_WORD.format("SERVICE"), re.IGNORECASE)
_FIRST_WORD = re.compile(r"[A-Za-z]+")
_PROLOGUE = re.compile(r"\s*(?:(?:PREFIX\s+[\w.\-]*:\s*<>|BASE\s*<>)\s*)*", re.IGNORECASE)
_DECLARED = re.compile(r"PREFIX\s+([\w.\-]*):", re.IGNORECASE)
_PNAME = re.compile(r"(?<![\w?$:.\-])([A-Za-z][\w.\-]*)?:(?=[\w\-%\\]|\s|[;,.)}\]]|$)")
_POSITION = re.compile(r"error at (\d+):(\d+)")


def strip_lexemes(text: str, *, keep_iris: bool = False) -> str:
    """Return ``text`` with comments removed and strings and IRIs emptied (``""``, ``<>``; IRIs kept whole with
    ``keep_iris``), keywords intact."""

    def repl(m: re.Match[str]) -> str:
        kind = m.lastgroup
        if kind == "comment":
            return " "
        if kind == "iri":
            return m.group(0) if keep_iris else "<>"
        return '""'

    return _LEXEME.sub(repl, text)


@dataclass(frozen=True)
class QueryText:
    """What a SPARQL text is, read from its lexical level."""

    text: str
    form: str | None          # SELECT, ASK, CONSTRUCT, DESCRIBE; None if none was found
    is_update: bool
    uses_service: bool
    declared_prefixes: frozenset[str]
    depth: int = 0            # the deepest nesting of braces, parentheses and brackets

    @classmethod
    def read(cls, text: str) -> QueryText:
        bare = strip_lexemes(text)
        body = bare[_PROLOGUE.match(bare).end():]  # type: ignore[union-attr]
        first = _FIRST_WORD.match(body.lstrip())
        word = first.group(0).upper() if first else ""
        return cls(text=text,
                   form=word if word in QUERY_FORMS else None,
                   is_update=word in UPDATE_KEYWORDS,
                   uses_service=bool(_SERVICE.search(bare)),
                   declared_prefixes=frozenset(_DECLARED.findall(bare)),
                   depth=_depth(bare))

    def used_prefixes(self) -> set[str]:
        """Return the prefixes the text's prefixed names use ("" for the empty prefix)."""
        bare = strip_lexemes(self.text)
        return {m.group(1) or "" for m in _PNAME.finditer(bare)
                if not re.search(r"PREFIX\s*$", bare[max(0, m.start() - 20):m.start()], re.IGNORECASE)}


#: The deepest nesting of groups a query may have. Oxigraph's parser recurses once per level, and some thousands
#: of levels overflow its stack (a crash with no message); no real query comes near this.
MAX_NESTING = 128


def _depth(bare: str) -> int:
    """Return the deepest nesting of ``{``, ``(`` and ``[`` in a text with its strings and comments emptied."""
    depth = deepest = 0
    for ch in bare:
        if ch in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "})]":
            depth = max(0, depth - 1)
    return deepest


def nesting_problem(q: QueryText) -> str | None:
    """Return why the query's nesting is refused, or None when it is not too deep."""
    if q.depth <= MAX_NESTING:
        return None
    return (f"the query nests {q.depth} levels of braces or parentheses, more than the {MAX_NESTING} allowed "
            "(the engine would crash on it); flatten the groups")


@dataclass(frozen=True)
class Limits:
    """The rules a query runs under (the same for ``kg query`` and ``kg serve``)."""

    timeout: float | None = DEFAULT_TIMEOUT    # seconds; None or 0: no limit
    max_rows: int | None = DEFAULT_MAX_ROWS    # None or 0: no limit
    allow_service: bool = False
    max_memory: int | None = DEFAULT_MAX_MEMORY  # megabytes of the evaluating process; None or 0: no limit

    @property
    def row_cap(self) -> int | None:
        return self.max_rows or None


def process_memory(pid: int | None = None) -> int | None:
    """Return the resident memory of process ``pid`` (this one by default) in bytes, or None where it cannot be
    read (no /proc: the memory limit is then not enforced)."""
    try:
        with open(f"/proc/{pid or 'self'}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def memory_exceeded(limits: Limits, pid: int | None = None) -> bool:
    """Return True when the process evaluating a query uses more memory than ``limits`` allow."""
    if not limits.max_memory:
        return False
    used = process_memory(pid)
    return used is not None and used > limits.max_memory * 1024 * 1024


def memory_error(limits: Limits, *, option: str = "--max-memory") -> QueryError:
    return QueryError(f"query stopped: it needed more than {limits.max_memory:,} MB of memory; narrow it (a LIMIT, "
                      f"more specific patterns, no ORDER BY over a large answer) or raise {option}")


def check_query(text: str, limits: Limits, *, command: str = "kg query") -> QueryText:
    """Return the analysed ``text``, or raise :class:`QueryError` if the rules refuse it."""
    q = QueryText.read(text)
    too_deep = nesting_problem(q)
    if too_deep:
        raise QueryError(f"{command} refused the query: {too_deep}")
    if q.is_update:
        raise QueryError(f"{command} is read-only; use `kg ingest` to add or replace articles, or run "
                         "`kg serve --allow-update` and send SPARQL updates to its endpoint")
    if q.uses_service and not limits.allow_service:
        raise QueryError(f"SERVICE is refused: {command} does not call other SPARQL servers named in a query "
                         "unless --allow-service is given")
    return q


def blank_lexemes(text: str) -> str:
    """Return ``text`` with comments, strings and IRIs blanked out by spaces, so every position stays the same."""
    return _LEXEME.sub(lambda m: " " * len(m.group(0)), text)


_DATASET_CLAUSE = re.compile(r"(?<![\w?$:.\-])FROM\s+(NAMED\s+)?(<[^<>\s]*>|[A-Za-z][\w.\-]*:[\w.\-]*|:[\w.\-]*)",
                             re.IGNORECASE)
_PREFIX_DECL = re.compile(r"PREFIX\s+([\w.\-]*):\s*<([^<>\s]*)>", re.IGNORECASE)


def query_dataset(text: str) -> Dataset | None:
    """Return the dataset the query's FROM and FROM NAMED clauses name, or None when it has none.

    Only the text before the first ``{`` is read (the clauses come before
    WHERE); a clause naming a prefix that is not declared raises
    :class:`QueryError`.
    """
    bare = strip_lexemes(text, keep_iris=True)
    head = bare.split("{", 1)[0]
    clauses = _DATASET_CLAUSE.findall(head)
    if not clauses:
        return None
    prefixes = {**PREFIXES, **dict(_PREFIX_DECL.findall(head))}
    default: list[str] = []
    named: list[str] = []
    for is_named, ref in clauses:
        if ref.startswith("<"):
            iri = ref[1:-1]
        else:
            prefix, local = ref.split(":", 1)
            if prefix not in prefixes:
                raise QueryError(f"FROM {ref}: unknown prefix '{prefix}:': declare it (PREFIX {prefix}: <...>)")
            iri = prefixes[prefix] + local
        (named if is_named else default).append(iri)
    return Dataset(default=tuple(default), named=tuple(named))


def explain_syntax_error(text: str, message: str, *, update: bool = False) -> str:
    """Return a short, readable form of a store's SPARQL syntax error for ``text`` (a query, or an update)."""
    q = QueryText.read(text)
    if q.is_update and not update:
        return "this is a SPARQL update, not a query: kg query is read-only; use `kg ingest` to change the store"
    known = set(PREFIXES) | set(q.declared_prefixes)
    unknown = sorted(q.used_prefixes() - known)
    if unknown:
        names = ", ".join(f"'{p}:'" for p in unknown)
        return (f"SPARQL syntax error: unknown prefix {names}: declare it (PREFIX {unknown[0]}: <...>) "
                f"or use one of the predeclared prefixes: {', '.join(p + ':' for p in PREFIXES)}")
    m = _POSITION.search(message)
    if m:
        line, col = int(m.group(1)), int(m.group(2))
        lines = text.splitlines() or [""]
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        near = source[max(0, col - 1):][:40].strip() or "(end of line)"
        expected = message[m.end():].strip(" :")
        hint = ""
        if expected.startswith("expected") and len(expected) < 80:
            hint = f" ({expected})"
        return f"SPARQL syntax error at line {line}, column {col}, near '{near}'{hint}"
    return f"SPARQL syntax error: {message.splitlines()[0][:200]}"


def with_prefixes(text: str) -> str:
    """Return ``text`` with PREFIX lines for the predeclared prefixes it does not declare itself (one line)."""
    declared = QueryText.read(text).declared_prefixes
    head = " ".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in declared)
    return f"{head}\n{text}" if head else text


# ---------------------------------------------------------------- guarded execution


@dataclass
class Answer:
    """A query's answer, streamed: iterate :meth:`rows` once; ``truncated`` is set when the row limit cut it."""

    kind: str                    # "select", "boolean", "triples"
    variables: list[str]
    boolean: bool | None = None
    truncated: bool = False
    _rows: Iterator[list[Any]] = field(default_factory=lambda: iter(()))
    #: IRI -> rdfs:label lookup over the same store (set by kg.api.stream_query).
    labels: Callable[[set[str]], dict[str, str]] | None = None

    def rows(self) -> Iterator[list[Any]]:
        """Yield rows of terms (pyoxigraph terms, ``None`` for unbound)."""
        return self._rows


_DONE = object()
#: Seconds between looks at the memory of a query being evaluated.
_SLICE = 0.1
_BATCH = 512


def run_guarded(store: GraphStore, text: str, limits: Limits, *, command: str = "kg query",
                dataset: Dataset | None = None) -> Answer:
    """Run ``text`` on ``store`` under ``limits``: checked first, evaluated in a worker thread, streamed.

    The store evaluates in a daemon thread, handing rows over in batches
    through a small queue (so memory holds a few batches, not the answer).
    The caller's thread waits with the deadline, so a query past the timeout
    raises :class:`QueryError`, and Ctrl-C interrupts the wait at once. The
    abandoned thread dies with the process (the CLI exits right after); a
    long-lived process should use ``kg serve``, which runs each query in a
    worker process it can kill.
    """
    check_query(text, limits, command=command)
    deadline = time.monotonic() + limits.timeout if limits.timeout else None
    handoff: queue.Queue[Any] = queue.Queue(maxsize=4)
    stop = threading.Event()

    def put(item: tuple[str, Any]) -> bool:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            stream = store.stream(text, dataset=dataset)
            if not put(("head", stream)):
                return
            batch: list[Any] = []
            for row in stream.rows:
                batch.append(row)
                if len(batch) >= _BATCH:
                    if not put(("rows", batch)):
                        return
                    batch = []
            if batch and not put(("rows", batch)):
                return
            put(("end", None))
        except BaseException as exc:  # handed to the caller's thread, raised there
            # Without the tracebacks, which hold this thread's frames and with them the engine's result: pyoxigraph's
            # results must be dropped by the thread that made them (else a second error is printed at exit).
            link: BaseException | None = exc
            while link is not None:
                link.__traceback__ = None
                link = link.__cause__ or link.__context__
            put(("error", exc))

    worker = threading.Thread(target=produce, name="kg-query", daemon=True)
    worker.start()
    log.debug("query evaluating (timeout %s s, max rows %s)", limits.timeout, limits.max_rows)

    def take() -> tuple[str, Any]:
        try:
            while True:  # in slices, looking at the process's memory between them
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    raise queue.Empty
                try:
                    item: tuple[str, Any] = handoff.get(timeout=min(remaining or _SLICE, _SLICE))
                    break
                except queue.Empty:
                    if memory_exceeded(limits):
                        stop.set()
                        raise memory_error(limits) from None
        except queue.Empty:
            stop.set()
            raise _timeout(limits) from None
        except BaseException:  # Ctrl-C while waiting: let the producer give up too
            stop.set()
            raise
        if item[0] == "error":
            stop.set()
            raise item[1]
        return item

    kind, head = take()
    stream: QueryStream = head
    answer = Answer(kind=stream.kind, variables=list(stream.variables), boolean=stream.boolean)

    def rows() -> Iterator[list[Any]]:
        cap = limits.row_cap
        n = 0
        try:
            while True:
                kind, batch = take()
                if kind == "end":
                    return
                if cap is None or n + len(batch) <= cap:
                    n += len(batch)
                    yield from batch
                    continue
                for row in batch:
                    if n >= cap:
                        answer.truncated = True
                        return
                    n += 1
                    yield row
        finally:
            stop.set()

    answer._rows = rows()
    return answer


def _timeout(limits: Limits) -> QueryError:
    return QueryError(f"query stopped: it ran past the {limits.timeout:g} s time limit; narrow it (a LIMIT, "
                      "more specific patterns) or raise --timeout")
