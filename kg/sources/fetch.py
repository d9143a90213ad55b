"""Fetch articles from the web: pages and RSS/Atom feeds, politely, with timeouts and retries.

A URL may name a page (read through trafilatura, like an HTML file), a plain
text, or a feed, whose items' pages are fetched in turn (the item's title and
date fill in what a page lacks). Requests go out a few at a time overall
(``concurrency``) and per host (``per_host``), each with a ``timeout``;
connection failures, timeouts, 429 and 5xx answers are retried ``retries``
times with growing pauses (``Retry-After`` honoured up to 30 s). A URL that
still fails becomes a :class:`~kg.sources.read.ReadProblem` naming it; the others go
on. Pages are identified by their URL after redirects, canonicalised.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kg import __version__
from kg.errors import InputError
from kg.sources.article import Article, ReadProblem, canonical_url, is_url, normalise_date, url_id
from kg.sources.conditional import Validators
from kg.sources.parse import parse_html, parse_text

RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchOptions:
    """How to fetch: timeout (s, a deadline per page), retries, requests at once overall and per host, size limit."""

    timeout: float = 20.0
    retries: int = 2
    concurrency: int = 4
    per_host: int = 2
    max_bytes: int = 20_000_000
    user_agent: str = f"policy-kg/{__version__} (news research; +https://pypi.org/project/policy-kg/)"
    backoff: float = 1.0
    #: Conditional requests (ETag / Last-Modified); a URL answering 304 yields nothing.
    validators: Validators | None = None


class FetchError(Exception):
    """A URL could not be fetched; the message says why."""


class NotModified(FetchError):
    """The server answered 304: the URL has not changed since the validators were learned."""


@dataclass
class _FeedItem:
    url: str
    title: str | None
    date: str | None
    feed: str


def read_url_file(path: str | os.PathLike[str]) -> Iterator[str | ReadProblem]:
    """Yield the URLs listed in a file, one a line (blank lines and ``#`` comments skipped); a bad line is a problem."""
    where = os.fspath(path)
    try:
        text = Path(where).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        yield ReadProblem(where, f"cannot read the URL list ({getattr(exc, 'strerror', None) or exc}); "
                          "give a UTF-8 file with one URL a line")
        return
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line):
            yield line
        else:
            yield ReadProblem(f"{where}:{n}", f"not an http(s) URL: {line[:80]!r}")


def fetch_articles(urls: Iterable[str | ReadProblem], *, options: FetchOptions | None = None,
                   max_chars: int = 2_000_000) -> Iterator[Article | ReadProblem]:
    """Yield the article at each URL (every item's article for a feed), in order, fetching a few at a time."""
    import httpx

    options = options or FetchOptions()
    limits = httpx.Limits(max_connections=options.concurrency, max_keepalive_connections=options.concurrency)
    client = httpx.Client(timeout=options.timeout, follow_redirects=True, limits=limits,
                          headers={"User-Agent": options.user_agent, "Accept": "text/html, application/xhtml+xml, "
                                   "application/rss+xml, application/atom+xml, text/plain;q=0.8, */*;q=0.5"})
    hosts = _HostLimits(options.per_host)
    sources = iter(urls)
    todo: deque[tuple[str, _FeedItem | None]] = deque()
    pending: deque[Future[list[Any]]] = deque()
    exhausted = False
    with client, ThreadPoolExecutor(max_workers=options.concurrency, thread_name_prefix="kg-fetch") as pool:
        while True:
            ready: list[ReadProblem] = []
            while len(pending) < 2 * options.concurrency and (todo or not exhausted):
                if todo:
                    url, item = todo.popleft()
                else:
                    try:
                        nxt = next(sources)
                    except StopIteration:
                        exhausted = True
                        break
                    if isinstance(nxt, ReadProblem):
                        ready.append(nxt)
                        continue
                    url, item = nxt, None
                pending.append(pool.submit(_fetch_one, client, hosts, url, item, options, max_chars))
            yield from ready
            if not pending:
                return
            for result in pending.popleft().result():
                if isinstance(result, _FeedItem):
                    todo.append((result.url, result))
                else:
                    yield result


class _HostLimits:
    """A semaphore per host, so one site never gets more than ``per_host`` requests at once."""

    def __init__(self, per_host: int) -> None:
        self.per_host = max(1, per_host)
        self.lock = threading.Lock()
        self.sems: dict[str, threading.Semaphore] = {}

    def __call__(self, url: str) -> threading.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self.lock:
            return self.sems.setdefault(host, threading.Semaphore(self.per_host))


def _get(client: Any, hosts: _HostLimits, url: str, options: FetchOptions) -> tuple[str, str, bytes]:
    """Return (final URL, content type, body) of ``url``, retrying what may pass; raise FetchError."""
    import httpx

    last = "no attempt"
    for attempt in range(options.retries + 1):
        wait = options.backoff * (2 ** attempt)
        try:
            conditions = options.validators.headers(url) if options.validators else {}
            with hosts(url), client.stream("GET", url, headers=conditions) as resp:
                # httpx's timeout bounds each read; a server sending a line a second never trips it. The page
                # must come whole within the timeout (it is checked as each piece arrives: one read's wait past it
                # at most).
                deadline = time.monotonic() + options.timeout
                status = resp.status_code
                if status == 304 and conditions:
                    raise NotModified("not modified since the last fetch")
                if status in RETRY_STATUS:
                    last = f"HTTP {status} {resp.reason_phrase}"
                    wait = _retry_after(resp.headers.get("Retry-After"), wait)
                elif status >= 400:
                    raise FetchError(f"HTTP {status} {resp.reason_phrase}; check the URL")
                else:
                    declared = resp.headers.get("Content-Length")
                    if declared and declared.isdigit() and int(declared) > options.max_bytes:
                        raise FetchError(f"the page is {int(declared):,} bytes, more than the limit "
                                         f"{options.max_bytes:,}")
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body += chunk
                        if time.monotonic() > deadline:
                            raise httpx.ReadTimeout("the page did not come whole in time")
                        if len(body) > options.max_bytes:
                            raise FetchError(f"the page is larger than the limit of {options.max_bytes:,} bytes")
                    if options.validators:
                        options.validators.learn(url, resp.headers)
                    return str(resp.url), resp.headers.get("Content-Type", ""), bytes(body)
        except httpx.TimeoutException:
            last = f"timed out after {options.timeout:g}s"
        except httpx.InvalidURL as exc:
            raise FetchError(f"not a valid URL ({exc})") from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError("too many redirects") from exc
        except httpx.HTTPError as exc:
            last = f"connection failed ({type(exc).__name__}: {exc})"
        if attempt < options.retries:
            time.sleep(wait)
    tries = options.retries + 1
    raise FetchError(f"{last} ({tries} attempt{'s' if tries > 1 else ''}); try again later or raise --timeout")


def _retry_after(value: str | None, default: float) -> float:
    if value and value.strip().isdigit():
        return min(float(value.strip()), 30.0)
    return default


def _looks_like_feed(ctype: str, body: bytes) -> bool:
    if any(t in ctype for t in ("rss", "atom", "rdf")):
        return True
    head = body.lstrip()[:2000].lower()
    return (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head) and b"<html" not in head


def _fetch_one(client: Any, hosts: _HostLimits, url: str, item: _FeedItem | None, options: FetchOptions,
               max_chars: int) -> list[Any]:
    """Return what one URL yields: an article, the items of a feed, or the problem."""
    try:
        final, ctype, body = _get(client, hosts, url, options)
    except NotModified:
        if options.validators:
            options.validators.unchanged(url)
        return []
    except FetchError as exc:
        where = f"{url} (item of {item.feed})" if item else url
        return [ReadProblem(where, str(exc))]
    ctype = ctype.lower()
    if item is None and _looks_like_feed(ctype, body):
        return _feed_items(url, body)
    try:
        article = _page(final, ctype, body, max_chars)
    except InputError as exc:
        return [ReadProblem(url, str(exc).removeprefix(f"{final}: "))]
    if item is not None:
        article.title = article.title or item.title
        article.date = article.date or item.date
    return [article]


def _page(url: str, ctype: str, body: bytes, max_chars: int) -> Article:
    art_id = url_id(canonical_url(url))
    if not body.strip():
        raise InputError(f"{url}: the page is empty")
    charset = ctype.split("charset=", 1)[1].split(";")[0].strip(" \"'") if "charset=" in ctype else None
    if "html" in ctype or (not ctype and body.lstrip()[:1] == b"<"):
        raw: str | bytes = body
        if charset:
            try:
                raw = body.decode(charset)
            except (LookupError, UnicodeDecodeError):
                raw = body
        article = parse_html(raw, article_id=art_id, url=url)
    elif ctype.startswith("text/plain") or not ctype:
        text = body.decode(charset or "utf-8", "replace")
        if len(text) > max_chars:
            raise InputError(f"{url}: {len(text):,} characters, more than --max-chars {max_chars:,}")
        article = parse_text(text, article_id=art_id, path=url)
        article.path = None
    else:
        kind = ctype.split(";")[0].strip()
        raise InputError(f"{url}: unsupported content type '{kind}'; kg reads HTML pages, plain text and "
                         "RSS/Atom feeds")
    if len(article.text) > max_chars:
        raise InputError(f"{url}: {len(article.text):,} characters, more than --max-chars {max_chars:,}")
    article.url = url
    article.origin = canonical_url(url)
    return article


def _feed_items(url: str, body: bytes) -> list[Any]:
    import feedparser

    try:
        feed = feedparser.parse(body)
    except Exception as exc:  # noqa: BLE001 - feedparser is lenient, but its XML layer can still raise
        return [ReadProblem(url, f"the feed cannot be read ({type(exc).__name__}: {exc})")]
    entries = list(feed.get("entries") or [])
    if not entries:
        if feed.get("bozo"):
            return [ReadProblem(url, f"the feed cannot be read ({feed.get('bozo_exception')})")]
        return [ReadProblem(url, "the feed has no items", warning=True)]
    out: list[Any] = []
    for i, entry in enumerate(entries, 1):
        link = (entry.get("link") or "").strip()
        if not is_url(link):
            out.append(ReadProblem(f"{url} (item {i})", "the feed item has no http(s) link; skipped"))
            continue
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        date = normalise_date(time.strftime("%Y-%m-%d", parsed)) if parsed else None
        out.append(_FeedItem(link, entry.get("title"), date, url))
    return out
