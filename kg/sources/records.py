"""Many articles in one file: JSON Lines, CSV and web archives (WARC), read one record at a time.

Each record becomes an :class:`~kg.sources.read.Article` or a
:class:`~kg.sources.read.ReadProblem` naming the file and line (or the archive record
and its URL); a bad record never costs the good ones around it. Lines are read
with a length limit, so one huge line cannot fill the memory, and nothing is
read ahead: a file of a million records streams.

Record fields are found by name (:class:`~kg.sources.read.Fields`, defaults in
:data:`~kg.sources.article.DEFAULT_FIELDS`). A record's identity is its URL when it has
one, else ``file#id=<id field>``, else ``file#sha256=<hash of its text>``, so
removing or reordering lines never moves an identity onto another article.
"""

from __future__ import annotations

import collections
import csv
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kg.errors import InputError
from kg.sources.article import (
    DEFAULT_FIELDS,
    NO_FIELDS,
    Article,
    Fields,
    ReadProblem,
    canonical_url,
    is_url,
    normalise_date,
    readable_id,
    url_id,
)
from kg.sources.parse import clean_text, looks_like_html, parse_html, parse_text, sniff_encoding

RECORD_FORMATS = ("jsonl", "csv", "warc")


class _Joined(io.RawIOBase):
    """A raw stream reading ``head`` first, then ``rest`` (to look at a file's first bytes without seeking)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_record_file(path: Path, fmt: str, *, origin: str, stem: str, fields: Fields = NO_FIELDS,
                     encoding: str | None = None, max_chars: int = 2_000_000) -> Iterator[Article | ReadProblem]:
    """Yield the records of the file at ``path`` (``.gz`` for JSON Lines and CSV is unpacked as it streams)."""
    import gzip

    where = str(path)
    try:
        fh: BinaryIO = path.open("rb")
    except FileNotFoundError:
        yield ReadProblem(where, "no such file; check the path")
        return
    except PermissionError:
        yield ReadProblem(where, "permission denied; make it readable (chmod) or leave it out")
        return
    except OSError as exc:
        yield ReadProblem(where, f"cannot be read ({exc.strerror or exc})")
        return
    with fh:
        stream: BinaryIO = fh
        if path.name.lower().endswith(".gz") and fmt != "warc":  # warcio unpacks .warc.gz itself
            stream = gzip.GzipFile(fileobj=fh)  # type: ignore[assignment]
        yield from read_records(stream, fmt, where=where, origin=origin, stem=stem, fields=fields,
                                encoding=encoding, max_chars=max_chars)


def read_records(stream: BinaryIO, fmt: str, *, where: str, origin: str, stem: str, fields: Fields = NO_FIELDS,
                 encoding: str | None = None, max_chars: int = 2_000_000) -> Iterator[Article | ReadProblem]:
    """Yield the records of a JSON Lines, CSV or WARC byte stream."""
    if fmt == "warc":
        yield from _warc(stream, where=where, origin=origin, stem=stem, max_chars=max_chars)
        return
    reader = _jsonl if fmt == "jsonl" else _csv
    done = 0
    try:
        for item in reader(stream, where=where, origin=origin, stem=stem, fields=fields, encoding=encoding,
                           max_chars=max_chars):
            done += 1
            yield item
    except (OSError, EOFError, zlib.error) as exc:  # a truncated or damaged .gz, a failing disk
        yield ReadProblem(where, f"the file is damaged or cut short after {done} record(s) ({exc}); "
                          "the records before were read")
        return
    if not done:
        yield ReadProblem(where, "no records in this file (it is empty, or has only blank lines or a header row)")


# ---------------------------------------------------------------- lines


def _text_lines(stream: BinaryIO, where: str, encoding: str | None, limit: int,
                problems: list[ReadProblem]) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) with the line ending; undecodable and overlong lines go to ``problems``."""
    head = stream.read(4096)
    name, skip = (encoding, 0) if encoding else sniff_encoding(head)
    buffered = io.BufferedReader(_Joined(head[skip:], stream), buffer_size=1 << 16)
    if name and name.replace("-", "").lower().startswith(("utf16", "utf32")):
        text = io.TextIOWrapper(buffered, encoding=name, errors="strict", newline="")
        n = 0
        try:
            for n, line in enumerate(text, 1):  # noqa: B007 - n is reported after the loop
                yield n, line
        except UnicodeDecodeError as exc:
            problems.append(ReadProblem(f"{where}:{n + 1}", f"not valid {name} ({exc.reason}); the lines before "
                                        "were read; re-save the file as UTF-8"))
        return
    codec = name or "utf-8"
    n = 0
    while True:
        raw = buffered.readline(limit + 1)
        if not raw:
            return
        n += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:  # skip the rest of the overlong line without holding it
                rest = buffered.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            problems.append(ReadProblem(f"{where}:{n}", f"line longer than {limit:,} bytes; skipped (raise "
                                        "--max-chars if it is one article)"))
            continue
        try:
            yield n, raw.decode(codec)
        except UnicodeDecodeError as exc:
            problems.append(ReadProblem(f"{where}:{n}", f"not valid {codec.upper()} (byte {exc.start}); "
                                        "pass --encoding, or re-save the file as UTF-8"))
        except LookupError:
            problems.append(ReadProblem(where, f"unknown encoding '{codec}'; give a name such as utf-8 or latin-1"))
            return


def _jsonl(stream: BinaryIO, *, where: str, origin: str, stem: str, fields: Fields, encoding: str | None,
           max_chars: int) -> Iterator[Article | ReadProblem]:
    problems: list[ReadProblem] = []
    for n, line in _text_lines(stream, where, encoding, 4 * max_chars + 1024, problems):
        yield from problems
        problems.clear()
        if not line.strip():
            continue
        loc = f"{where}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(loc, f"not valid JSON ({exc.msg}, column {exc.colno}); one JSON object per line")
            continue
        except (ValueError, RecursionError) as exc:
            yield ReadProblem(loc, f"not usable JSON ({type(exc).__name__}: {exc}); one JSON object per line")
            continue
        if not isinstance(rec, dict):
            yield ReadProblem(loc, f"each line needs a JSON object with a \"text\" string, not a {_kind(rec)}")
            continue
        yield _record(rec, loc=loc, origin=origin, stem=stem, fields=fields, max_chars=max_chars)
    yield from problems


def _csv(stream: BinaryIO, *, where: str, origin: str, stem: str, fields: Fields, encoding: str | None,
         max_chars: int) -> Iterator[Article | ReadProblem]:
    problems: list[ReadProblem] = []
    limit = 4 * max_chars + 1024
    csv.field_size_limit(min(limit, 2**31 - 1))
    records = _CSVRecords(_text_lines(stream, where, encoding, limit, problems), limit)
    header: list[str] | None = None
    for start, lines in records:
        yield from problems
        problems.clear()
        loc = f"{where}:{start}"
        if lines is None:
            yield ReadProblem(loc, "a double quote opened on this line is never closed; this row is skipped and the "
                              "rows after it are read (close the quote, or double a quote inside a quoted text)")
            continue
        try:
            rows = list(csv.reader(lines, strict=True))
        except csv.Error as exc:
            yield ReadProblem(loc, f"malformed CSV ({exc}); check the quoting of this row")
            records.read_again(lines)  # a stray quote that paired with the next row's: that row is read again
            continue
        for row in rows:
            if header is None:
                header = [h.strip().lstrip("\ufeff") for h in row]
                if not any(header):
                    yield ReadProblem(loc, "the first row must name the columns (text, title, date, url, id)")
                    return
                if len(set(header)) != len(header):
                    yield ReadProblem(loc, "the header names a column twice; give each column its own name")
                    return
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield ReadProblem(loc, f"{len(row)} field(s) where the header has {len(header)}; check the quoting "
                                  "(a comma or line break inside a text must be in double quotes)")
                continue
            yield _record(dict(zip(header, row, strict=True)), loc=loc, origin=origin, stem=stem, fields=fields,
                          max_chars=max_chars)
    yield from problems
    if header is None:
        yield ReadProblem(where, "empty CSV file; the first row must name the columns (text, title, date, url, id)")


class _CSVRecords:
    """The records of a CSV text: (first line number, the lines of one record), or (line number, None) for a
    record whose quote is never closed (by the end of the file, or within ``limit`` characters); the lines after
    such a line are then read again as records of their own, so one stray quote costs one row, not the rest of the
    file.

    A record ends at a line end outside quotes: where the count of double quotes so far is even (a quote inside a
    quoted text is doubled, so it never changes the count's parity).
    """

    def __init__(self, lines: Iterator[tuple[int, str]], limit: int) -> None:
        self._lines = lines
        self._limit = limit
        self._again: collections.deque[tuple[int, str]] = collections.deque()
        self._last: list[tuple[int, str]] = []

    def _take(self) -> tuple[int, str] | None:
        return self._again.popleft() if self._again else next(self._lines, None)

    def read_again(self, lines: list[str]) -> None:
        """Read the lines after the first of the record just given again (it did not parse)."""
        if len(self._last) > 1 and [text for _, text in self._last] == lines:
            self._again.extendleft(reversed(self._last[1:]))

    def __iter__(self) -> Iterator[tuple[int, list[str] | None]]:
        while (first := self._take()) is not None:
            taken = [first]
            quotes, size = first[1].count('"'), len(first[1])
            while quotes % 2 and size <= self._limit and (line := self._take()) is not None:
                taken.append(line)
                quotes += line[1].count('"')
                size += len(line[1])
            if quotes % 2:
                self._again.extendleft(reversed(taken[1:]))
                self._last = []
                yield first[0], None
                continue
            self._last = taken
            yield first[0], [text for _, text in taken]


def _kind(value: object) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean",
            type(None): "null"}.get(type(value), type(value).__name__)


def _pick(rec: dict[str, Any], kind: str, given: str | None) -> tuple[str | None, Any]:
    """Return (field name, value) of the first non-empty field for ``kind``."""
    if given:
        return (given, rec[given]) if rec.get(given) not in (None, "") else (given, None)
    lowered = {str(k).lower(): k for k in rec}
    for name in DEFAULT_FIELDS[kind]:
        key = lowered.get(name)
        if key is not None and rec[key] not in (None, ""):
            return key, rec[key]
    return None, None


def _scalar(rec: dict[str, Any], kind: str, given: str | None, loc: str) -> str | None:
    name, value = _pick(rec, kind, given)
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise InputError(f"{loc}: field '{name}' is a {_kind(value)}; the {kind} must be a string")
    return clean_text(str(value)).strip() or None


def _record(rec: dict[str, Any], *, loc: str, origin: str, stem: str, fields: Fields,
            max_chars: int) -> Article | ReadProblem:
    """Return the article in one record, or the problem with it."""
    try:
        name, text = _pick(rec, "text", fields.text)
        if text is None:
            have = ", ".join(str(k) for k in list(rec)[:12]) or "no fields"
            if fields.text:
                raise InputError(f"{loc}: no '{fields.text}' field with text (this record has: {have}); "
                                 "check --text-field")
            tried = ", ".join(DEFAULT_FIELDS["text"])
            raise InputError(f"{loc}: no text field (looked for {tried}; this record has: {have}); "
                             "name it with --text-field")
        if not isinstance(text, str):
            raise InputError(f"{loc}: field '{name}' is a {_kind(text)}; the text must be a string")
        if len(text) > max_chars:
            raise InputError(f"{loc}: {len(text):,} characters, more than --max-chars {max_chars:,}; "
                             "split it, or raise --max-chars")
        title = _scalar(rec, "title", fields.title, loc)
        date = _scalar(rec, "date", fields.date, loc)
        url = _scalar(rec, "url", fields.url, loc)
        ident = _scalar(rec, "id", fields.id, loc)
        source = _scalar(rec, "source", None, loc)
        url = url if url and is_url(url) else None
        provisional = readable_id(ident) if ident else url_id(canonical_url(url)) if url else stem
        if looks_like_html(text):
            art = parse_html(text, article_id=provisional, path=loc, url=url)
        else:
            art = parse_text(text, article_id=provisional, path=loc)
    except InputError as exc:
        return ReadProblem(loc, str(exc))
    art.title = title or art.title
    art.date = normalise_date(date) or art.date
    if date and not normalise_date(date):
        art.warnings.append(f"the date '{date[:40]}' is not a date (YYYY-MM-DD, an ISO timestamp or an RFC 2822 "
                            "date): stored without one; fix the record or name another field with --date-field")
    art.source = source or art.source
    art.url = url or art.url
    if url:
        art.origin = canonical_url(url)
    elif ident:
        art.origin = f"{origin}#id={ident}"
    else:
        digest = art.content_hash().removeprefix("sha256:")
        art.id = readable_id(f"{stem}-{digest[:8]}")
        art.origin = f"{origin}#sha256={digest[:16]}"
    return art


# ---------------------------------------------------------------- web archives


def _warc(stream: BinaryIO, *, where: str, origin: str, stem: str, max_chars: int) -> Iterator[Article | ReadProblem]:
    """Yield the HTML (and plain text) pages of a WARC file; other records (images, requests, 404s) are passed over."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    counted = _Counted(stream)
    archive = ArchiveIterator(counted)
    last: Any = None
    try:
        for rec in archive:
            n += 1
            last = rec
            if not str(rec.format).startswith("warc"):
                yield ReadProblem(where, "not a WARC file (no WARC/1.x record header); kg reads WARC archives")
                return
            if rec.rec_type not in _WARC_TYPES or rec.rec_headers is None \
                    or rec.rec_headers.get_header("Content-Length") is None:  # required: a header cut inside
                what = "cut short" if rec.rec_type and not counted.read(1) else "damaged"  # a header cut inside
                kind = (f"of unknown type {rec.rec_type!r}" if rec.rec_type not in _WARC_TYPES else
                        "without a Content-Length") if rec.rec_type else "without a WARC type"
                yield ReadProblem(f"{where}: record {n}", f"the archive is {what} here (a record {kind}); the "
                                  f"{n - 1} record(s) before it were read")
                return
            if rec.rec_type not in ("response", "resource"):
                continue
            url = (rec.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ")
            loc = f"{where}: record {n}" + (f" ({url})" if url else "")
            headers = rec.http_headers if rec.rec_type == "response" else None
            if rec.rec_type == "response" and headers is None:
                if url.startswith(("http://", "https://")):  # an HTTP response without its HTTP head: cut inside
                    yield ReadProblem(loc, "the record is cut short or damaged (its HTTP headers are missing); "
                                      "skipped, the records before it were read")
                continue  # a non-HTTP response (dns:, ftp:)
            if headers is not None and not str(headers.get_statuscode() or "").startswith("2"):
                continue
            ctype = ((headers.get_header("Content-Type") if headers is not None else None)
                     or rec.rec_headers.get_header("Content-Type") or "").lower()
            if not any(t in ctype for t in ("html", "text/plain")):
                continue
            page = _warc_page(rec, loc=loc, url=url, ctype=ctype, origin=origin, stem=stem, n=n,
                              max_chars=max_chars)
            if isinstance(page, ReadProblem) and page.reason.startswith("the record is cut short"):
                last = None  # said already
            yield page
    except (ArchiveLoadFailed, Exception) as exc:  # noqa: BLE001 - warcio fails in many ways on a broken archive
        try:
            ended = not counted.read(1)
        except Exception:  # noqa: BLE001 - the stream itself failed: say it is damaged
            ended = False
        what = "cut short" if ended else "damaged"
        yield ReadProblem(f"{where}: record {n + 1}", f"the archive is {what} here ({type(exc).__name__}: "
                          f"{str(exc)[:200]}); the {n} record(s) before it were read")
        return
    # A cut archive ends without an error from warcio: inside a record (fewer bytes than its Content-Length), or
    # inside a compressed member it then passes over in silence.
    if last is not None and getattr(last.raw_stream, "limit", 0) > 0:
        yield ReadProblem(f"{where}: record {n}", f"the archive is cut short inside this record ("
                          f"{last.raw_stream.limit:,} of its {last.length:,} bytes missing); the {n - 1} record(s) "
                          "before it were read")
    elif n == 0 and counted.count == 0:
        yield ReadProblem(where, "an empty file: no WARC records in it")
    elif counted.count > archive.offset:
        yield ReadProblem(f"{where}: record {n + 1}", f"the archive is cut short: its last "
                          f"{counted.count - archive.offset:,} bytes are not a whole record; the {n} record(s) "
                          "before them were read")


#: The record types of WARC 1.0 and 1.1: anything else is a header read from a damaged or cut archive.
_WARC_TYPES = {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"}


class _Counted:
    """A byte stream that counts what was read from it."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.count += len(data)
        return data


def _warc_page(rec: Any, *, loc: str, url: str, ctype: str, origin: str, stem: str, n: int,
               max_chars: int) -> Article | ReadProblem:
    try:
        payload = rec.content_stream().read(4 * max_chars + 1)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        return ReadProblem(loc, f"the record's content cannot be unpacked ({type(exc).__name__}); skipped")
    if len(payload) > 4 * max_chars:
        return ReadProblem(loc, f"page larger than --max-chars {max_chars:,} allows; skipped")
    missing = getattr(rec.raw_stream, "limit", 0)
    if missing > 0:  # the archive ended before the record's Content-Length did
        return ReadProblem(loc, f"the record is cut short ({missing:,} of its {rec.length:,} bytes missing: the "
                           "archive ends inside it); skipped, the records before it were read")
    url = url if is_url(url) else ""
    provisional = url_id(canonical_url(url)) if url else f"{stem}-record-{n}"
    try:
        if not payload.strip():
            raise InputError(f"{loc}: empty page")
        charset = ctype.split("charset=", 1)[1].split(";")[0].strip(" \"'") if "charset=" in ctype else None
        if "html" in ctype:
            raw: str | bytes = payload
            if charset:
                try:
                    raw = payload.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    raw = payload  # let trafilatura guess
            art = parse_html(raw, article_id=provisional, path=loc, url=url or None)
        else:
            art = parse_text(payload.decode(charset or "utf-8", "replace"), article_id=provisional, path=loc)
    except InputError as exc:
        return ReadProblem(loc, str(exc))
    if not art.date:
        art.date = normalise_date((rec.rec_headers.get_header("WARC-Date") or "")[:10])
    if url:
        art.url = url
        art.origin = canonical_url(url)
    else:
        digest = art.content_hash().removeprefix("sha256:")
        art.origin = f"{origin}#sha256={digest[:16]}"
    return art
