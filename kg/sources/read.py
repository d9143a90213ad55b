"""Read stage: inputs into :class:`Article` objects, each with an identity, site furniture dropped.

Inputs are files, folders (walked in sorted order, symbolic links followed,
loops reported), ``-`` for standard input, and URLs (fetched by
:mod:`kg.sources.fetch`). Formats: plain text and Markdown take an optional ``date
YYYY-MM-DD`` first line or YAML front matter (title, date, url, source); HTML
goes through trafilatura for its main text and metadata; JSON Lines, CSV and
web archives (WARC) hold many articles, read one record at a time by
:mod:`kg.sources.records`. Scraped text is messy: the date line may run on into a
donation appeal, headlines have no full stop, and bylines, photo credits and
"Read more" lines sit between paragraphs. Those lines are dropped here, using
the cue words of the ontology's lexicon.

Identity. Every article gets an *origin*, the key that says which article it
is: its URL when known, else its path relative to the folder given (the path
as given for a file named directly), else, for a record without URL, its
file and id field (``batch.jsonl#id=17``), else its file and a hash of its
text. Its ``id`` (the ``pkart:`` name) starts as a readable slug of the same
thing; :mod:`kg.ingest` keeps it unless another origin already holds it.

Nothing here raises for bad input while streaming: :func:`read_inputs` yields
a :class:`ReadProblem` naming the file and line (or URL) and carries on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError
from kg.sources import records
from kg.sources.article import NO_FIELDS, Article, Fields, ReadProblem, is_url, readable_id
from kg.sources.parse import MAX_CHARS, parse_document, read_bytes, with_origin

#: File endings the reader understands (a ``.gz`` may follow the line-oriented and archive ones).
TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".warc": "warc"}
SUFFIXES = set(TEXT_SUFFIXES) | set(RECORD_SUFFIXES)
FORMATS = ("txt", "md", "html", "jsonl", "csv", "warc")


# ---------------------------------------------------------------- files and folders


def file_format(name: str) -> str | None:
    """Return the format a file name shows (txt, md, html, jsonl, csv, warc), or None."""
    lower = name.lower()
    if lower.endswith(".gz"):
        fmt = RECORD_SUFFIXES.get(Path(lower[:-3]).suffix)
        return fmt
    return TEXT_SUFFIXES.get(Path(lower).suffix) or RECORD_SUFFIXES.get(Path(lower).suffix)


def strip_suffixes(rel: str) -> str:
    """Return ``rel`` without its format suffix (and ``.gz``): ``2024/report.txt`` -> ``2024/report``."""
    base = rel[:-3] if rel.lower().endswith(".gz") else rel
    stem, dot, suffix = base.rpartition(".")
    return stem if dot and "/" not in suffix and stem else base


def walk(root: Path) -> Iterator[tuple[Path, str] | ReadProblem]:
    """Yield (file, path relative to ``root``) for every article file under ``root``, sorted.

    Hidden entries and files of other types are left out. Symbolic links are
    followed; one that leads back to a folder containing it, or nowhere, is
    reported (as a warning) instead of being skipped in silence.
    """
    try:
        st = root.stat()
    except OSError as exc:
        yield ReadProblem(str(root), f"cannot open folder ({exc.strerror or exc})")
        return
    yield from _walk(root, "", frozenset({(st.st_dev, st.st_ino)}))


def _walk(folder: Path, rel: str, ancestors: frozenset[tuple[int, int]]) -> Iterator[tuple[Path, str] | ReadProblem]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except PermissionError:
        yield ReadProblem(str(folder), "permission denied: cannot list this folder; make it readable or leave it out")
        return
    except OSError as exc:
        yield ReadProblem(str(folder), f"cannot list this folder ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        child_rel = f"{rel}/{entry.name}" if rel else entry.name
        try:
            st = os.stat(entry.path)  # follows links
        except FileNotFoundError:
            if entry.is_symlink():
                yield ReadProblem(str(child), f"broken symbolic link (its target {os.readlink(child)} is missing); "
                                  "skipped", warning=True)
            continue
        except OSError as exc:  # ELOOP: a link to itself, or a ring of links
            yield ReadProblem(str(child), f"symbolic link loop ({exc.strerror or exc}); skipped", warning=True)
            continue
        if entry.is_dir():
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                yield ReadProblem(str(child), f"symbolic link loop: it leads back to {os.path.realpath(child)}, "
                                  "a folder that contains it; not followed", warning=True)
                continue
            yield from _walk(child, child_rel, ancestors | {key})
        elif file_format(entry.name):
            yield child, child_rel


def iter_paths(paths: list[Path]) -> Iterator[Path]:
    """Yield article files under ``paths`` (folders are walked, sorted; files named directly are passed on)."""
    for p in paths:
        if p.is_dir():
            for item in walk(p):
                if not isinstance(item, ReadProblem):
                    yield item[0]
        else:
            yield p


def read_file(path: Path, *, origin: str, article_id: str, fields: Fields = NO_FIELDS, fmt: str | None = None,
              encoding: str | None = None, max_chars: int = MAX_CHARS) -> Iterator[Article | ReadProblem]:
    """Yield the articles in one file, and a :class:`ReadProblem` for the file or each record that fails."""
    where = str(path)
    fmt = fmt or file_format(path.name)
    if fmt is None:
        suffix = path.suffix.lower() or "(none)"
        yield ReadProblem(where, f"unsupported file type '{suffix}'; use .txt, .md, .html, .jsonl, .csv or .warc"
                          " (or --input-format)")
        return
    if fmt in records.RECORD_FORMATS:
        yield from records.read_record_file(path, fmt, origin=origin, stem=article_id, fields=fields,
                                            encoding=encoding, max_chars=max_chars)
        return
    try:
        data = read_bytes(path, where, limit=4 * max_chars + 4)
        yield with_origin(parse_document(data, fmt, article_id=article_id, path=where, encoding=encoding,
                                         max_chars=max_chars), origin)
    except InputError as exc:
        yield ReadProblem(where, str(exc))


def read_stream(stream: BinaryIO, *, fmt: str | None = None, fields: Fields = NO_FIELDS, encoding: str | None = None,
                max_chars: int = MAX_CHARS) -> Iterator[Article | ReadProblem]:
    """Yield the articles read from standard input (``-``): one document, or records when ``fmt`` says so."""
    where = "<stdin>"
    if fmt in records.RECORD_FORMATS:
        yield from records.read_records(stream, fmt, where=where, origin="stdin", stem="stdin", fields=fields,
                                        encoding=encoding, max_chars=max_chars)
        return
    data = stream.read(4 * max_chars + 5)
    if len(data) > 4 * max_chars + 4:
        yield ReadProblem(where, f"standard input is longer than --max-chars {max_chars:,} allows; split it")
        return
    if fmt is None:
        head = data.lstrip()[:64]
        if head.startswith(b"WARC/"):
            fmt = "warc"
        elif head.startswith(b"{"):
            fmt = "jsonl"
        elif head.startswith(b"<"):
            fmt = "html"
        else:
            fmt = "txt"
    if fmt in records.RECORD_FORMATS:
        import io

        yield from records.read_records(io.BytesIO(data), fmt, where=where, origin="stdin", stem="stdin",
                                        fields=fields, encoding=encoding, max_chars=max_chars)
        return
    try:
        art = parse_document(data, fmt, article_id="stdin", path=where, encoding=encoding, max_chars=max_chars)
    except InputError as exc:
        yield ReadProblem(where, str(exc))
        return
    digest = art.content_hash().removeprefix("sha256:")
    art.id = f"stdin-{digest[:8]}"
    # Text on standard input has no name: its content is its identity.
    yield with_origin(art, f"stdin#sha256={digest[:16]}")


def read_inputs(inputs: Iterable[str | os.PathLike[str]], *, fields: Fields = NO_FIELDS, fmt: str | None = None,
                encoding: str | None = None, max_chars: int = MAX_CHARS,
                stdin: BinaryIO | None = None) -> Iterator[Article | ReadProblem]:
    """Yield every article under the local ``inputs`` (files, folders, ``-``), one at a time, problems inline.

    An article's origin is its URL when it names one, else its path relative
    to the folder given (the path as given for a file named directly).
    """
    for raw in inputs:
        name = os.fspath(raw)
        if name == "-":
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, fmt=fmt, fields=fields,
                                   encoding=encoding, max_chars=max_chars)
            continue
        path = Path(name)
        if path.is_dir():
            for item in walk(path):
                if isinstance(item, ReadProblem):
                    yield item
                    continue
                file, rel = item
                yield from read_file(file, origin=rel, article_id=readable_id(strip_suffixes(rel)), fields=fields,
                                     encoding=encoding, max_chars=max_chars)
        else:
            given = Path(os.path.normpath(name)).as_posix()
            stem = strip_suffixes(path.name) if file_format(path.name) else path.stem
            yield from read_file(path, origin=given, article_id=readable_id(stem), fields=fields, fmt=fmt,
                                 encoding=encoding, max_chars=max_chars)


def read_article(path: Path, *, fields: Fields = NO_FIELDS, encoding: str | None = None) -> list[Article]:
    """Return the articles in the file at ``path`` (several for JSON Lines, CSV, WARC); the first problem raises."""
    stem = strip_suffixes(path.name) if file_format(path.name) else path.stem
    out: list[Article] = []
    for item in read_file(path, origin=Path(os.path.normpath(path)).as_posix(), article_id=readable_id(stem),
                          fields=fields, encoding=encoding):
        if isinstance(item, ReadProblem):
            if item.warning:
                continue
            raise InputError(str(item))
        out.append(item)
    return out


def count_inputs(inputs: Iterable[str | os.PathLike[str]], *, limit_seconds: float = 2.0) -> int | None:
    """Return about how many articles the local ``inputs`` hold (files, and lines of JSON Lines and CSV files).

    None when it cannot be known cheaply: standard input, URLs, web archives,
    compressed files, or a count that takes longer than ``limit_seconds``.
    """
    import time

    start = time.monotonic()
    total = 0
    for raw in inputs:
        name = os.fspath(raw)
        if name == "-" or is_url(name):
            return None
        path = Path(name)
        files = (x[0] for x in walk(path) if not isinstance(x, ReadProblem)) if path.is_dir() else iter([path])
        for f in files:
            if time.monotonic() - start > limit_seconds:
                return None
            fmt = file_format(f.name)
            if fmt in (None, "txt", "md", "html"):
                total += 1
                continue
            if fmt == "warc" or f.name.lower().endswith(".gz"):
                return None
            try:
                lines = 0
                with f.open("rb") as fh:
                    while chunk := fh.read(1 << 20):
                        lines += chunk.count(b"\n")
            except OSError:
                continue
            total += max(lines - (fmt == "csv"), 0)
    return total
