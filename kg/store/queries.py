"""Saved research queries and reading a query argument (SPARQL text, a ``.rq`` file, or a saved query's name).

The saved queries are the ``.rq`` files of ``examples/queries`` (installed as
the package data ``kg.saved_queries``). Each starts with ``#`` comment lines
saying the question it answers; ``kg query NAME`` runs one by its file name
without ``.rq``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import QueryError

_NAME = re.compile(r"^[A-Za-z0-9][\w-]*$")


@dataclass(frozen=True)
class SavedQuery:
    name: str
    question: str
    text: str
    path: Path


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
        lines.append(line.lstrip("#").strip())
    return " ".join(x for x in lines if x)


def saved_queries() -> dict[str, SavedQuery]:
    """Return the saved queries by name, sorted."""
    out: dict[str, SavedQuery] = {}
    for path in sorted(_folder().glob("*.rq")):
        text = read_query_file(path)
        out[path.stem] = SavedQuery(path.stem, _question(text), text, path)
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
