"""Read stage: files into :class:`Article` objects, site furniture dropped.

Plain text and Markdown take an optional ``date YYYY-MM-DD`` first line or
YAML front matter (title, date, url, source); HTML goes through trafilatura
for its main text and metadata; JSON Lines hold one article per line with a
``text`` key. Scraped text is messy: the date line may run on into a donation
appeal, headlines have no full stop, and bylines, photo credits and "Read
more" lines sit between paragraphs. Those lines are dropped here, using the
cue words of the ontology's lexicon.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .ontology import load_ontology

#: File endings the reader understands.
SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}

_DATE_LINE = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_NAME = r"[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3}"
_BYLINE = re.compile(rf"^(?i:by|words by|reporting by)\s+{_NAME}(?:\s+(?:and|in)\s+{_NAME}){{0,2}}\s*(,[^.!?]*)?$")
_CREDIT = re.compile(r"^(photograph|photo|picture|image|illustration|video)\s*:", re.IGNORECASE)
_READ_MORE = re.compile(r"^((read more|see also)\b|(related|watch|listen)\s*([:\-–|]|$))", re.IGNORECASE)


@dataclass
class Article:
    """One article's text and metadata."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    dropped: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        """Return the text to analyse: the headline as a sentence, then the body."""
        if self.title:
            title = self.title.rstrip()
            if title[-1:] not in ".!?":
                title += "."
            return f"{title}\n\n{self.text}"
        return self.text


def slug(text: str) -> str:
    """Return a lowercase ASCII slug of ``text`` ("Elon Musk" -> "elon-musk")."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return s or hashlib.sha1(text.encode()).hexdigest()[:10]


def iter_paths(paths: list[Path]) -> Iterator[Path]:
    """Yield article files under ``paths`` (folders are walked, sorted)."""
    for p in paths:
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield p


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file; check the path") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a folder; pass files or folders of .txt/.md/.html/.jsonl") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: looks binary (NUL bytes); give a UTF-8 text, Markdown or HTML file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 (byte {exc.start}); re-save it as UTF-8, e.g. `iconv -f latin1 -t utf-8`"
        ) from exc


def is_boilerplate(paragraph: str) -> bool:
    """Return True for a paragraph of site furniture rather than article text."""
    text = " ".join(paragraph.split())
    if not text:
        return True
    if _BYLINE.match(text) and len(text.split()) <= 12:
        return True
    if _CREDIT.match(text) or _READ_MORE.match(text) and len(text.split()) <= 25:
        return True
    lowered = text.lower()
    cues = load_ontology().words("boilerplateCue")
    hits = {c for c in cues if re.search(rf"(?<!\w){re.escape(c)}s?(?!\w)", lowered)}
    words = len(text.split())
    # A long paragraph needs several distinct cues; a short line needs one.
    return len(hits) >= 3 or (len(hits) >= 1 and words <= 12) or (len(hits) >= 2 and words <= 60)


def _split_paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _looks_like_headline(paragraph: str) -> bool:
    words = paragraph.split()
    return "\n" not in paragraph and 2 <= len(words) <= 25 and paragraph.rstrip()[-1:] not in ".:;\"”'’"


def parse_text(raw: str, *, article_id: str, path: str | None = None, markdown: bool = False) -> Article:
    """Return the article held in plain text or Markdown ``raw``."""
    meta: dict[str, str] = {}
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
    text = "\n\n".join(" ".join(p.split()) for p in kept)
    if not text.strip() and not title:
        raise InputError(f"{path or article_id}: no article text found (empty, or only boilerplate)")
    return Article(id=article_id, text=text, title=title, date=meta.get("date"), source=meta.get("source"),
                   url=meta.get("url"), path=path, dropped=dropped)


def parse_html(raw: str, *, article_id: str, path: str | None = None) -> Article:
    """Return the article held in HTML ``raw``, main text found by trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None:
        raise InputError(f"{path or article_id}: no article text found in the HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = data.get("text") or ""
    if not body.strip():
        raise InputError(f"{path or article_id}: no article text found in the HTML")
    paragraphs = [p for p in _split_paragraphs(body.replace("\n", "\n\n")) if not is_boilerplate(p)]
    title = data.get("title")
    if title and paragraphs and " ".join(paragraphs[0].split()) == " ".join(title.split()):
        paragraphs = paragraphs[1:]  # the headline, already the title
    return Article(id=article_id, text="\n\n".join(paragraphs), title=title, date=data.get("date"),
                   source=data.get("sitename") or data.get("hostname"), url=data.get("url"), path=path)


def read_article(path: Path) -> list[Article]:
    """Return the articles in the file at ``path`` (several for JSON Lines)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type '{suffix}'; use .txt, .md, .html or .jsonl")
    raw = _decode(path)
    if not raw.strip():
        raise InputError(f"{path}: file is empty; put the article text in it, or leave it out")
    article_id = slug(path.stem)
    if suffix in {".html", ".htm"}:
        return [parse_html(raw, article_id=article_id, path=str(path))]
    if suffix == ".jsonl":
        return list(_read_jsonl(raw, path))
    return [parse_text(raw, article_id=article_id, path=str(path), markdown=suffix in {".md", ".markdown"})]


def _read_jsonl(raw: str, path: Path) -> Iterator[Article]:
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not valid JSON ({exc.msg}); one JSON object per line") from exc
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            raise InputError(f"{path}:{n}: each line needs a JSON object with a \"text\" string")
        art_id = slug(str(rec.get("id") or f"{path.stem}-{n}"))
        art = parse_text(rec["text"], article_id=art_id, path=f"{path}:{n}")
        art.title = rec.get("title") or art.title
        art.date = rec.get("date") or art.date
        art.source = rec.get("source") or art.source
        art.url = rec.get("url") or art.url
        yield art
