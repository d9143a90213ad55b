"""One document into an :class:`~kg.sources.article.Article`: text, Markdown or HTML, site furniture dropped.

Scraped text is messy: the date line may run on into a donation appeal,
headlines have no full stop, and bylines, photo credits and "Read more" lines
sit between paragraphs. Those lines are dropped here, using the cue words of
the ontology's lexicon. HTML goes through trafilatura for its main text and metadata.
"""

from __future__ import annotations

import codecs
import datetime
import functools
import os
import re
import string
from pathlib import Path

from kg.errors import InputError
from kg.sources.article import Article, canonical_url, is_url, normalise_date

#: Longest article text accepted by default (characters); longer texts are refused for that article alone.
MAX_CHARS = 2_000_000

_DATE_LINE = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_NAME = r"[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3}"
# C0 controls other than tab, newline, carriage return and form feed: never article text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: A news agency's dateline opening the story: "WASHINGTON –", "LONDON (Reuters) -",
#: "SAN FRANCISCO, March 3 (AP) —", "TAIPEI (Reuters):", "NEW DELHI:". The place is in capitals; a dash or a colon
#: ends it; a sentence follows.
_DATELINE = re.compile(
    r"^(?P<line>(?:(?P<place>[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?:, (?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?= \(|,| [-–—]))?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"
    r"(?: \((?P<agency>[A-Z][\w .&'/-]{1,40})\))?"
    r"|\((?P<credit>[A-Z][\w .&'-]{1,30}(?:/[A-Z][\w .&'-]{1,30})*)\))"
    r"\s*(?:[-–—]+|:))\s+(?=[A-Z\"“‘'])")

#: Capitalised words a line opens with and a colon follows that are a label, not a place ("BREAKING: ...").
_LABELS = frozenset({"breaking", "update", "updated", "exclusive", "watch", "analysis", "opinion", "editorial",
                     "live", "explainer", "comment", "review", "correction", "note", "editor's note", "factbox"})


#: The same in title case with a colon, as some outlets write it: "Bangalore, India: Elon Musk's X has sued ...".
_TITLE_DATELINE = re.compile(
    r"^(?P<line>(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}), (?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):)"
    r"\s+(?=[A-Z\"“‘'])")


#: A stock's exchange code after a company's name, as news agencies print it: "Apple AAPL.O", "Sony (6758.T)",
#: "Alibaba 9988.HK". A symbol and an exchange suffix, never a word: the parser would take it for one.
_TICKER = re.compile(
    r"(?<=[\w.)]) \(?(?:[A-Z]{1,5}|\d{3,6})\.(?:O|N|OQ|K|L|T|HK|SS|SZ|KS|KQ|DE|PA|AS|TO|AX|MI|MC|SW|ST|CO|HE|OL|BR|"
    r"LS|BO|NS|SI|TW|TWO|SA|MX|JK|BK|KL|F|VX|IR|WA|PK)\)?(?=[\s,;.)]|$)")

_OPENING_ADVERBS = frozenset({"however", "meanwhile", "still", "also", "now", "today", "yesterday", "moreover",
                              "instead", "finally", "earlier", "later", "separately", "elsewhere", "then", "first"})


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
    from kg.vocabulary.ontology import load_ontology

    ont = load_ontology()
    byline, credit, cross_link = _furniture_patterns(ont.words("bylineLead"), ont.words("creditLabel"),
                                                     ont.words("crossLinkLead"), ont.words("crossLinkLabel"))
    if byline.match(text) and len(text.split()) <= 12:
        return True
    if credit.match(text) or cross_link.match(text) and len(text.split()) <= 25:
        return True
    lowered = text.lower()
    agencies = _alternatives(ont.words("pictureAgency"))
    if len(text.split()) <= 25 and re.search(rf"(?:[/(]\s*|\bvia\s+)(?:{agencies})\b|(?:{agencies})\W*$", lowered):
        return True  # "Jo Lee/Getty Images", "(AFP via Getty Images)": a photo credit
    cues = ont.words("boilerplateCue")
    if not _any_cue(cues).search(lowered):
        return False  # most paragraphs: one combined search instead of one per cue
    hits = {c for c in cues if re.search(rf"(?<!\w){re.escape(c)}s?(?!\w)", lowered)}
    # One word found once is one cue: "cookies" is not "cookie" again, nor "read more" a second "read".
    hits = {c for c in hits if not any(c != h and (h == c + "s" or c in h) for h in hits)}
    words = len(text.split())
    # A short line needs one cue. A longer paragraph needs a phrase of site furniture ("sign up", "read more",
    # "we use cookies") among several cues: single words ("cookies", "advertisement") are what news about
    # cookie banners and advertising is written in.
    phrases = {c for c in hits if " " in c or ":" in c}
    return len(hits) >= 1 and words <= 12 or bool(phrases) and (len(hits) >= 3 or len(hits) >= 2 and words <= 60)


def strip_dateline(paragraphs: list[str], dropped: list[str] | None = None,
                   agencies: list[str] | None = None, places: list[str] | None = None) -> list[str]:
    """Return ``paragraphs`` with a dateline ("WASHINGTON (Reuters) -", "(NEWSnet/AP) –") cut from the first,
    noted in ``dropped``: it names where the story was filed, not an actor in it. The news agencies it credits
    go to ``agencies`` ("Reuters"; "NEWSnet" and "AP"), the place it was filed from to ``places`` ("Washington")."""
    if not paragraphs:
        return paragraphs
    m = _DATELINE.match(paragraphs[0]) or _TITLE_DATELINE.match(paragraphs[0])
    if m and m.re is _TITLE_DATELINE and m.group("place").lower() in _OPENING_ADVERBS:
        m = None  # "However, Meta: ..." opens a sentence, not a dateline
    if m and m.group("place") and m.group("place").lower() in _LABELS:
        m = None  # "BREAKING: ..." labels the story, it files it from nowhere
    if not m or not paragraphs[0][m.end():].strip():
        return paragraphs
    if dropped is not None:
        dropped.append(m.group("line"))
    if agencies is not None:
        credit = m.groupdict().get("agency") or m.groupdict().get("credit") or ""
        agencies += [a.strip() for a in credit.split("/") if a.strip()]
    if places is not None and m.group("place"):
        places.append(", ".join(p for p in (string.capwords(m.group("place")), m.group("region")) if p))
    return [paragraphs[0][m.end():], *paragraphs[1:]]


_ENDS_CLAUSE = re.compile(r"[.!?:;\"”’')\]]$")


def _split_paragraphs(text: str) -> list[str]:
    """Return the paragraphs of ``text``: blocks between blank lines and, in a block whose lines are not
    wrapped at a fixed width, each line (scraped pages put one paragraph, or a headline, on each line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if _hard_wrapped(lines):
            out.append(" ".join(lines))
            continue
        current = lines[0]
        for line in lines[1:]:
            if not _ENDS_CLAUSE.search(current) and line[:1].islower():
                current += " " + line  # a sentence running on to the next line
            else:
                out.append(current)
                current = line
        out.append(current)
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    """Return True for lines wrapped at a fixed width (most as long as the longest, up to 100 characters,
    many ending mid-sentence): one paragraph, not one per line."""
    if len(lines) < 3:
        return len(lines) == 2 and not _ENDS_CLAUSE.search(lines[0]) and lines[1][:1].islower()
    width = max(len(line) for line in lines)
    body = lines[:-1]
    full = sum(len(line) >= 0.6 * width for line in body)
    open_ended = sum(not _ENDS_CLAUSE.search(line) for line in body)
    return width <= 100 and full >= 0.8 * len(body) and open_ended >= 0.5 * len(body)


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
    agencies: list[str] = []
    places: list[str] = []
    kept = strip_dateline(kept, dropped, agencies, places)
    text = "\n\n".join(" ".join(_TICKER.sub("", p).split()) for p in kept)
    if not text.strip() and not title:
        raise InputError(f"{path or article_id}: no article text found (empty, or only boilerplate)")
    return Article(id=article_id, text=text, title=title, date=normalise_date(meta.get("date")),
                   source=meta.get("source"), url=meta.get("url"), path=path, dropped=dropped, agencies=agencies,
                   dateline=places[0] if places else None)




#: A mark set at the start and end of each block of a page before trafilatura reads it: its fallback readers
#: join a short page's blocks with spaces (the headline ran into the first sentence), and this mark, printable
#: and no white space, survives that, so each block comes back a paragraph of its own. News never writes it
#: (the three-em dash); a page that does has it read as a paragraph break.
_BLOCK_MARK = "\u2e3b"
_MARKED_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption", "dt", "dd")
#: Markup whose text is never the story: what a page shows without scripts ("Please enable JavaScript").
_NOT_STORY = "//noscript|//template"


def _prepared_page(raw: str | bytes) -> object | None:
    """Return the page ``raw`` as an lxml tree ready for trafilatura (None if it is no markup): ``<noscript>`` and
    ``<template>`` dropped, each block's text between two :data:`_BLOCK_MARK`."""
    from trafilatura import load_html

    if isinstance(raw, str):
        raw = raw.replace(_BLOCK_MARK, "")
    tree = load_html(raw)
    if tree is None:
        return None
    for node in tree.xpath(_NOT_STORY):
        node.drop_tree()   # its tail (the text after it) stays
    for block in tree.iter(*_MARKED_BLOCKS):
        block.text = _BLOCK_MARK + (block.text or "")
        if len(block):
            block[-1].tail = (block[-1].tail or "") + _BLOCK_MARK
        else:
            block.text += _BLOCK_MARK
    return tree


def _unmarked(text: str | None) -> str | None:
    return " ".join(text.replace(_BLOCK_MARK, " ").split()) if text else text


def _own_sentence(paragraph: str) -> str:
    """Return a page's heading-like block (a headline that is not the title, a subhead, a list item: no closing
    punctuation) with a full stop, as :attr:`Article.body` gives the title, so it is read as a sentence of its own
    rather than run into the next one."""
    return paragraph + "." if _looks_like_headline(paragraph) and paragraph[-1:] not in "!?…" else paragraph


def parse_html(raw: str | bytes, *, article_id: str, path: str | None = None, url: str | None = None) -> Article:
    """Return the article held in HTML ``raw``, main text found by trafilatura (bytes: it finds the charset).

    The headline (``<h1>``) is the title, or a paragraph of its own when the page's title differs; what
    ``<noscript>`` holds is never read."""
    import trafilatura

    _quiet_trafilatura()
    where = path or url or article_id
    try:
        tree = _prepared_page(raw)
        doc = None if tree is None else trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        raise InputError(f"{where}: the HTML could not be parsed ({type(exc).__name__}); is it a web page?") from exc
    if doc is None:
        raise InputError(f"{where}: no article text found in the HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = clean_text(data.get("text") or "").replace(_BLOCK_MARK, "\n")
    if not body.strip():
        raise InputError(f"{where}: no article text found in the HTML")
    paragraphs = [p for p in _split_paragraphs(body.replace("\n", "\n\n")) if not is_boilerplate(p)]
    title = clean_text(_unmarked(data.get("title")) or "") or None
    if title and paragraphs and " ".join(paragraphs[0].split()) == " ".join(title.split()):
        paragraphs = paragraphs[1:]  # the headline, already the title
    agencies: list[str] = []
    places: list[str] = []
    paragraphs = [_own_sentence(_TICKER.sub("", p)) for p in strip_dateline(paragraphs, agencies=agencies,
                                                                            places=places)]
    if not paragraphs and not title:
        raise InputError(f"{where}: no article text found in the HTML (only boilerplate)")
    return Article(id=article_id, text="\n\n".join(paragraphs), title=title, date=normalise_date(data.get("date")),
                   source=_unmarked(data.get("sitename")) or data.get("hostname"), url=url or data.get("url"),
                   path=path, agencies=agencies, dateline=places[0] if places else None)


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
