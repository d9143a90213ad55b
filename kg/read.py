"""Read stage: inputs into :class:`Article` objects, each with an identity, site furniture dropped.

Inputs are files, folders (walked in sorted order, symbolic links followed,
loops reported), ``-`` for standard input, and URLs (fetched by
:mod:`kg.fetch`). Formats: plain text and Markdown take an optional ``date
YYYY-MM-DD`` first line or YAML front matter (title, date, url, source); HTML
goes through trafilatura for its main text and metadata; JSON Lines, CSV and
web archives (WARC) hold many articles, read one record at a time by
:mod:`kg.records`. Scraped text is messy: the date line may run on into a
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

import codecs
import datetime
import functools
import hashlib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

#: File endings the reader understands (a ``.gz`` may follow the line-oriented and archive ones).
TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".warc": "warc"}
SUFFIXES = set(TEXT_SUFFIXES) | set(RECORD_SUFFIXES)
FORMATS = ("txt", "md", "html", "jsonl", "csv", "warc")
#: Longest article text accepted by default (characters); longer texts are refused for that article alone.
MAX_CHARS = 2_000_000

_DATE_LINE = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_NAME = r"[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3}"
# C0 controls other than tab, newline, carriage return and form feed: never article text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: A news agency's dateline opening the story: "WASHINGTON –", "LONDON (Reuters) -",
#: "SAN FRANCISCO, March 3 (AP) —". The place is in capitals; a dash ends it; a sentence follows.
_DATELINE = re.compile(
    r"^(?P<line>(?P<place>[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"
    r"(?: \([A-Z][\w .&'-]{1,40}\))?"
    r"\s*[-–—]+)\s+(?=[A-Z\"“‘'])")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


@dataclass
class Article:
    """One article's text and metadata, with where it came from."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    dropped: list[str] = field(default_factory=list)
    #: The identity key (URL, relative path, ``file#id=...``); None for a bare :func:`parse_text`.
    origin: str | None = None

    @property
    def body(self) -> str:
        """Return the text to analyse: the headline as a sentence, then the body."""
        if self.title:
            title = self.title.rstrip()
            if title[-1:] not in ".!?":
                title += "."
            return f"{title}\n\n{self.text}"
        return self.text

    @property
    def location(self) -> str:
        """Return where the article was read from, for messages (path, ``path:line`` or URL)."""
        return self.path or self.url or self.origin or self.id

    def content_hash(self) -> str:
        """Return ``sha256:<hex>`` of the text to analyse, whitespace normalised: equal texts, equal hashes."""
        return "sha256:" + hashlib.sha256(" ".join(self.body.split()).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class ReadProblem:
    """A file or record that could not be read (or, with ``warning``, something the user should know)."""

    location: str
    reason: str
    warning: bool = False

    def __post_init__(self) -> None:
        # Errors raised while reading name their file; the location says it already.
        self.reason = self.reason.removeprefix(f"{self.location}: ")

    def __str__(self) -> str:
        return self.reason if self.reason.startswith(self.location) else f"{self.location}: {self.reason}"


@dataclass(frozen=True)
class Fields:
    """Which record fields (JSON Lines keys, CSV columns) hold the text and metadata; None tries the defaults."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    id: str | None = None


#: No field named: the defaults are tried.
NO_FIELDS = Fields()

#: Field names tried in order when none is given: those of common scrapers (trafilatura, news-please,
#: newspaper3k, feed exports) and of hand-made files.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "content", "body", "article", "article_text", "full_text"),
    "title": ("title", "headline"),
    "date": ("date", "date_publish", "published", "publish_date", "published_at", "pubdate", "datetime"),
    "url": ("url", "link", "source_url", "canonical_url"),
    "id": ("id", "guid", "uuid", "doc_id", "article_id"),
    "source": ("source", "sitename", "source_domain", "hostname", "publisher"),
}


def slug(text: str) -> str:
    """Return a lowercase ASCII slug of ``text`` ("Elon Musk" -> "elon-musk")."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return s or hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def short_hash(text: str, n: int = 8) -> str:
    """Return the first ``n`` hex digits of the SHA-1 of ``text`` (for disambiguating ids)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def readable_id(text: str, *, limit: int = 80) -> str:
    """Return a slug of ``text`` short enough for an IRI, a hash standing in for a cut tail."""
    s = slug(text)
    if len(s) <= limit:
        return s
    return s[: limit - 9].rstrip("-") + "-" + short_hash(text)


def canonical_url(url: str) -> str:
    """Return ``url`` in the form used as an identity: scheme and host lowercased, no fragment or tracking query."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port and (parts.scheme, parts.port) not in {("http", 80), ("https", 443)} else None
    netloc = host + (f":{port}" if port else "")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(("utm_", "fbclid", "gclid", "mc_cid", "mc_eid"))]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query), ""))


def url_id(url: str) -> str:
    """Return a readable article id for ``url`` (host and path, without ``www.`` and the page suffix)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = re.sub(r"\.(s?html?|php|aspx?)$", "", parts.path.rstrip("/"))
    return readable_id(f"{host}{path}" + (f"-{parts.query}" if parts.query else ""))


def is_url(text: str) -> bool:
    """Return True when ``text`` is an http(s) URL."""
    return bool(_URL.match(text.strip()))


def normalise_date(value: object) -> str | None:
    """Return ``value`` as ``YYYY-MM-DD`` (ISO dates and timestamps, RFC 2822 feed dates), else None."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    text = str(value).strip()
    m = re.match(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])", text)
    if m:
        try:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    if re.search(r"\d{4}", text) and re.search(r"[A-Za-z]{3}", text):
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(text).date().isoformat()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return None


def clean_text(text: str) -> str:
    """Return ``text`` without NULs and other control characters (they are never article text)."""
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    # Lone surrogates (from broken UTF-16 or JSON escapes) cannot be written as UTF-8.
    return text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _alternatives(words: frozenset[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) or r"(?!x)x"


@functools.lru_cache(maxsize=2)
def _furniture_patterns(byline: frozenset[str], credit: frozenset[str], lead: frozenset[str],
                        label: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Return the patterns of a byline ("By Jo Lee"), a credit ("Photo: ...") and a cross-link ("Read more ...",
    "Related: ..."), built from the ontology lexicon's words."""
    return (
        re.compile(rf"^(?i:{_alternatives(byline)})\s+{_NAME}(?:\s+(?:and|in)\s+{_NAME}){{0,2}}\s*(,[^.!?]*)?$"),
        re.compile(rf"^({_alternatives(credit)})\s*:", re.IGNORECASE),
        re.compile(rf"^(({_alternatives(lead)})\b|({_alternatives(label)})\s*([:\-–|]|$))", re.IGNORECASE),
    )


@functools.lru_cache(maxsize=8)
def _any_cue(cues: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(c) for c in cues), key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{alternatives})s?(?!\w)")


# ---------------------------------------------------------------- bytes to text


def sniff_encoding(head: bytes) -> tuple[str | None, int]:
    """Return (encoding, BOM length) that the first bytes of a file show, or (None, 0) when they show none.

    A byte-order mark names UTF-8, UTF-16 or UTF-32; without one, text in
    UTF-16 shows as NUL bytes on every other position.
    """
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                      (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return name, len(bom)
    sample = head[:4096]
    if len(sample) >= 4 and b"\x00" in sample:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) >= 0.4 * len(odd) and even.count(0) <= 0.05 * len(even):
            return "utf-16-le", 0
        if even.count(0) >= 0.4 * len(even) and odd.count(0) <= 0.05 * len(odd):
            return "utf-16-be", 0
    return None, 0


def decode(data: bytes, where: str, encoding: str | None = None) -> str:
    """Return ``data`` as text: the given ``encoding``, else what its BOM or NUL pattern shows, else UTF-8."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError as exc:
            raise InputError(f"{where}: unknown encoding '{encoding}'; give a name such as utf-8 or latin-1") from exc
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not valid {encoding} (byte {exc.start}); check --encoding") from exc
    name, skip = sniff_encoding(data[:4096])
    if name is None and b"\x00" in data[:4096]:
        raise InputError(f"{where}: looks binary (NUL bytes); give a UTF-8 text, Markdown or HTML file "
                         "(UTF-16 works too)")
    try:
        return data[skip:].decode(name or "utf-8")
    except UnicodeDecodeError as exc:
        if name and name != "utf-8":
            raise InputError(f"{where}: not valid {name.upper()} (byte {exc.start + skip}); "
                             "re-save it as UTF-8") from exc
        raise InputError(
            f"{where}: not valid UTF-8 (byte {exc.start + skip}); pass --encoding latin-1 (or the file's encoding), "
            "or re-save it as UTF-8, e.g. `iconv -f latin1 -t utf-8`") from exc


def read_bytes(path: Path, where: str | None = None, *, limit: int | None = None) -> bytes:
    """Return the bytes of the file at ``path``; an unreadable file is an :class:`InputError` naming the cause."""
    where = where or str(path)
    try:
        with path.open("rb") as fh:
            data = fh.read() if limit is None else fh.read(limit + 1)
    except FileNotFoundError as exc:
        if path.is_symlink():
            raise InputError(f"{where}: broken symbolic link (its target {os.readlink(path)} is missing)") from exc
        raise InputError(f"{where}: no such file; check the path") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{where}: is a folder; pass files or folders of .txt/.md/.html/.jsonl/.csv/.warc") from exc
    except PermissionError as exc:
        raise InputError(f"{where}: permission denied; make it readable (chmod) or leave it out") from exc
    except OSError as exc:
        raise InputError(f"{where}: cannot be read ({exc.strerror or exc})") from exc
    if limit is not None and len(data) > limit:
        raise InputError(f"{where}: file is larger than {limit:,} bytes; split it, or raise --max-chars")
    return data


def is_boilerplate(paragraph: str) -> bool:
    """Return True for a paragraph of site furniture rather than article text."""
    text = " ".join(paragraph.split())
    if not text:
        return True
    from .ontology import load_ontology

    ont = load_ontology()
    byline, credit, cross_link = _furniture_patterns(ont.words("bylineLead"), ont.words("creditLabel"),
                                                     ont.words("crossLinkLead"), ont.words("crossLinkLabel"))
    if byline.match(text) and len(text.split()) <= 12:
        return True
    if credit.match(text) or cross_link.match(text) and len(text.split()) <= 25:
        return True
    lowered = text.lower()
    cues = ont.words("boilerplateCue")
    if not _any_cue(cues).search(lowered):
        return False  # most paragraphs: one combined search instead of one per cue
    hits = {c for c in cues if re.search(rf"(?<!\w){re.escape(c)}s?(?!\w)", lowered)}
    words = len(text.split())
    # A long paragraph needs several distinct cues; a short line needs one.
    return len(hits) >= 3 or (len(hits) >= 1 and words <= 12) or (len(hits) >= 2 and words <= 60)


def strip_dateline(paragraphs: list[str], dropped: list[str] | None = None) -> list[str]:
    """Return ``paragraphs`` with a dateline ("WASHINGTON (Reuters) -") cut from the first, noted in ``dropped``:
    it names where the story was filed, not an actor in it."""
    if not paragraphs:
        return paragraphs
    m = _DATELINE.match(paragraphs[0])
    if not m or not paragraphs[0][m.end():].strip():
        return paragraphs
    if dropped is not None:
        dropped.append(m.group("line"))
    return [paragraphs[0][m.end():], *paragraphs[1:]]


def _split_paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _looks_like_headline(paragraph: str) -> bool:
    words = paragraph.split()
    return "\n" not in paragraph and 2 <= len(words) <= 25 and paragraph.rstrip()[-1:] not in ".:;\"”'’"


def parse_text(raw: str, *, article_id: str, path: str | None = None, markdown: bool = False) -> Article:
    """Return the article held in plain text or Markdown ``raw``."""
    meta: dict[str, str] = {}
    raw = clean_text(raw)
    m = _FRONT_MATTER.match(raw)
    if m:
        import yaml

        try:
            data = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as exc:
            raise InputError(f"{path or article_id}: front matter is not valid YAML ({exc}); fix or remove it") from exc
        if not isinstance(data, dict):
            raise InputError(f"{path or article_id}: front matter must be a YAML mapping of title, date, url, source")
        meta = {k: v.isoformat()[:10] if isinstance(v, datetime.date) else str(v)
                for k, v in data.items() if v is not None}
        raw = raw[m.end():]
    lines = raw.lstrip("\ufeff").split("\n")
    # The date line may be preceded by blank lines and followed, on the same
    # line, by whatever the scraper glued to it.
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        dm = _DATE_LINE.match(line)
        if dm:
            meta.setdefault("date", dm.group(1))
            lines[i] = dm.group(2)
        break
    paragraphs = _split_paragraphs("\n".join(lines))
    if markdown:
        paragraphs = [re.sub(r"^#+\s*", "", p) for p in paragraphs]
        paragraphs = [re.sub(r"[*_`]{1,3}([^*_`]+)[*_`]{1,3}", r"\1", p) for p in paragraphs]
        paragraphs = [re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", p) for p in paragraphs]
    kept: list[str] = []
    dropped: list[str] = []
    for p in paragraphs:
        (dropped if is_boilerplate(p) else kept).append(p)
    title = meta.get("title")
    if title is None and kept and _looks_like_headline(kept[0]) and len(kept) > 1:
        title = kept.pop(0)
    elif title and kept and " ".join(kept[0].split()) == " ".join(title.split()):
        kept.pop(0)  # the headline repeated below the front matter
    kept = strip_dateline(kept, dropped)
    text = "\n\n".join(" ".join(p.split()) for p in kept)
    if not text.strip() and not title:
        raise InputError(f"{path or article_id}: no article text found (empty, or only boilerplate)")
    return Article(id=article_id, text=text, title=title, date=normalise_date(meta.get("date")),
                   source=meta.get("source"), url=meta.get("url"), path=path, dropped=dropped)




def parse_html(raw: str | bytes, *, article_id: str, path: str | None = None, url: str | None = None) -> Article:
    """Return the article held in HTML ``raw``, main text found by trafilatura (bytes: it finds the charset)."""
    import trafilatura

    _quiet_trafilatura()
    where = path or url or article_id
    try:
        doc = trafilatura.bare_extraction(raw, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except Exception as exc:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        raise InputError(f"{where}: the HTML could not be parsed ({type(exc).__name__}); is it a web page?") from exc
    if doc is None:
        raise InputError(f"{where}: no article text found in the HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = clean_text(data.get("text") or "")
    if not body.strip():
        raise InputError(f"{where}: no article text found in the HTML")
    paragraphs = [p for p in _split_paragraphs(body.replace("\n", "\n\n")) if not is_boilerplate(p)]
    title = clean_text(data["title"]) if data.get("title") else None
    if title and paragraphs and " ".join(paragraphs[0].split()) == " ".join(title.split()):
        paragraphs = paragraphs[1:]  # the headline, already the title
    paragraphs = strip_dateline(paragraphs)
    if not paragraphs and not title:
        raise InputError(f"{where}: no article text found in the HTML (only boilerplate)")
    return Article(id=article_id, text="\n\n".join(paragraphs), title=title, date=normalise_date(data.get("date")),
                   source=data.get("sitename") or data.get("hostname"), url=url or data.get("url"), path=path)


@functools.lru_cache(maxsize=1)
def _quiet_trafilatura() -> None:
    """Silence trafilatura's own log lines: a page without text is reported once, by kg, with its name."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def looks_like_html(text: str) -> bool:
    """Return True when ``text`` is markup rather than prose (a page saved as text, an HTML record field)."""
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and bool(re.search(r"</(p|div|body|article|html|span|h1)>", text[:200_000], re.I)))


def parse_document(data: bytes, fmt: str, *, article_id: str, path: str, encoding: str | None = None,
                   max_chars: int = MAX_CHARS) -> Article:
    """Return the one article held in the bytes of a text, Markdown or HTML document."""
    if not data.strip():
        raise InputError(f"{path}: file is empty; put the article text in it, or leave it out")
    if fmt == "html" and not encoding and sniff_encoding(data[:4096])[0] is None:
        if b"\x00" in data[:4096]:
            raise InputError(f"{path}: looks binary (NUL bytes); give an HTML page")
        return parse_html(data, article_id=article_id, path=path)  # trafilatura reads the page's charset
    text = decode(data, path, encoding)
    if len(text) > max_chars:
        raise InputError(f"{path}: {len(text):,} characters, more than --max-chars {max_chars:,}; "
                         "split it into several articles, or raise --max-chars")
    if not text.strip():
        raise InputError(f"{path}: file is empty; put the article text in it, or leave it out")
    if fmt == "html":
        return parse_html(text, article_id=article_id, path=path)
    return parse_text(text, article_id=article_id, path=path, markdown=fmt == "md")


def with_origin(article: Article, fallback: str) -> Article:
    """Return ``article`` with its identity set: its URL when it names one, else ``fallback``."""
    if article.url and is_url(article.url):
        article.origin = canonical_url(article.url)
    else:
        article.origin = fallback
    return article


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
    from . import records

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
    from . import records

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
