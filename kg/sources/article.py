"""Articles and their identity: the :class:`Article` record every source yields, the record fields
a batch names, and the slugs, URL forms and dates that make an article's identity.

The small data module of the sources layer: :mod:`kg.sources.parse` (one document),
:mod:`kg.sources.records` (batches) and :mod:`kg.sources.read` (files, folders, streams) all build on it.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field

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
    #: The news agencies the story's dateline credits ("Reuters" in "LONDON (Reuters) -"), cut from the text.
    agencies: list[str] = field(default_factory=list)
    #: The place the dateline says the story was filed from ("Lima" in "LIMA (Reuters) -"), cut from the text.
    dateline: str | None = None
    #: What the reader could not use and the user should hear of (a date that is not a date), for the report.
    warnings: list[str] = field(default_factory=list)
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
