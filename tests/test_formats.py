"""Reading inputs: encodings, folders with links, JSON Lines, CSV and web archives, record by record.

No model needed: these test the read stage alone.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
from pathlib import Path

import pytest

from kg.sources.article import Article, Fields, ReadProblem, canonical_url, normalise_date, url_id
from kg.sources.read import count_inputs, read_article, read_inputs

BODY = "Ofcom fined Acme Social £2m on Monday.\n\nThe regulator said the company had ignored three warnings.\n"


def read_all(*inputs: object, **kw: object) -> tuple[list[Article], list[ReadProblem]]:
    arts: list[Article] = []
    problems: list[ReadProblem] = []
    for item in read_inputs([str(i) for i in inputs], **kw):  # type: ignore[arg-type]
        (problems if isinstance(item, ReadProblem) else arts).append(item)  # type: ignore[arg-type]
    return arts, problems


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_utf16_and_other_unicode_files_are_read(tmp_path: Path, encoding: str) -> None:
    """Old: a UTF-16 file was called binary."""
    path = tmp_path / "wide.txt"
    path.write_bytes(("date 2026-01-11\n\n" + BODY).encode(encoding))
    (art,) = read_article(path)
    assert art.date == "2026-01-11" and art.text.startswith("Ofcom fined Acme Social £2m")


def test_utf16_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    lines = [json.dumps({"id": "one", "text": BODY}), "{broken", json.dumps({"id": "two", "text": BODY + " Again."})]
    path.write_bytes(codecs.BOM_UTF16_LE + "\n".join(lines).encode("utf-16-le"))
    arts, problems = read_all(path)
    assert [a.id for a in arts] == ["one", "two"]
    assert [p.location for p in problems] == [f"{path}:2"]


def test_explicit_encoding_reads_latin1(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(BODY.encode("latin-1"))
    arts, problems = read_all(path)
    assert not arts and "--encoding" in problems[0].reason
    arts, problems = read_all(path, encoding="latin-1")
    assert not problems and "£2m" in arts[0].text


def test_control_characters_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "ctl.txt"
    path.write_bytes(("Ofcom fined\x07 Acme\x1b Social on Monday.\n" * 2).encode() + b"\x00" * 0)
    (art,) = read_article(path)
    assert "\x07" not in art.text and "\x1b" not in art.text and "Acme" in art.text


# ---------------------------------------------------------------- folders


def test_symlink_loop_is_reported_not_silent(tmp_path: Path) -> None:
    """Old: a symbolic link loop inside a folder was skipped without a word."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(BODY, encoding="utf-8")
    os.symlink("..", root / "sub" / "back-up")
    os.symlink("missing-target.txt", root / "broken.txt")
    os.symlink("self-link", root / "self-link")
    arts, problems = read_all(root)
    assert [a.origin for a in arts] == ["sub/a.txt"]
    reasons = {Path(p.location).name: p.reason for p in problems}
    assert all(p.warning for p in problems)
    assert "symbolic link loop" in reasons["back-up"] and "not followed" in reasons["back-up"]
    assert "broken symbolic link" in reasons["broken.txt"]
    assert "symbolic link loop" in reasons["self-link"]


def test_linked_folder_outside_the_tree_is_followed(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / "corpus" / "linked")
    arts, problems = read_all(tmp_path / "corpus")
    assert [a.origin for a in arts] == ["linked/b.txt"] and not problems


def test_reading_is_lazy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.sources import read as read_module

    for i in range(5):
        (tmp_path / f"a{i}.txt").write_text(BODY, encoding="utf-8")
    opened: list[str] = []
    real = read_module.read_bytes

    def counting(path: Path, *a: object, **k: object) -> bytes:
        opened.append(path.name)
        return real(path, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(read_module, "read_bytes", counting)
    stream = read_inputs([tmp_path])
    first = next(stream)
    assert isinstance(first, Article) and opened == ["a0.txt"]


def test_count_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("{}\n{}\n{}\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text("text\nx\ny\n", encoding="utf-8")
    assert count_inputs([tmp_path]) == 6
    assert count_inputs([tmp_path, "-"]) is None
    assert count_inputs(["https://example.org/feed"]) is None


# ---------------------------------------------------------------- JSON Lines


def test_bad_jsonl_line_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    """Old: one malformed line rejected the whole file."""
    good = [json.dumps({"id": f"a{i}", "text": f"Ofcom fined Company{i} on Monday."}) for i in range(4)]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([good[0], "{not json", good[1], "[1, 2]", good[2], '{"text": 5}', good[3]]) + "\n",
                    encoding="utf-8")
    arts, problems = read_all(path)
    assert [a.id for a in arts] == ["a0", "a1", "a2", "a3"]
    assert [(p.location, p.reason[:20]) for p in problems] == [
        (f"{path}:2", "not valid JSON (Expe"), (f"{path}:4", "each line needs a JS"),
        (f"{path}:6", "field 'text' is a nu")]


def test_jsonl_fields_of_common_scrapers_and_flags(tmp_path: Path) -> None:
    path = tmp_path / "scrape.jsonl"
    rec = {"maintext": BODY, "headline": "Ofcom fines Acme Social", "date_publish": "2026-01-11 09:30:00",
           "link": "https://news.example.org/ofcom?utm_medium=x", "source_domain": "news.example.org"}
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (art,) = read_article(path)
    assert (art.title, art.date, art.url, art.source) == (
        "Ofcom fines Acme Social", "2026-01-11", "https://news.example.org/ofcom?utm_medium=x", "news.example.org")
    assert art.origin == "https://news.example.org/ofcom" and art.id == "news-example-org-ofcom"
    custom = tmp_path / "custom.jsonl"
    custom.write_text(json.dumps({"story": BODY, "key": "K-1", "when": "2026-02-01"}) + "\n", encoding="utf-8")
    (art,) = read_article(custom, fields=Fields(text="story", id="key", date="when"))
    assert (art.id, art.date, art.origin) == ("k-1", "2026-02-01", f"{custom}#id=K-1")
    arts, problems = read_all(custom, fields=Fields(text="body"))
    assert not arts and "no 'body' field" in problems[0].reason and "story" in problems[0].reason


def test_overlong_line_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    good = json.dumps({"id": "ok", "text": BODY})
    path.write_text(good + "\n" + json.dumps({"text": "x " * 20_000}) + "\n" + good.replace('"ok"', '"ok2"') + "\n",
                    encoding="utf-8")
    arts, problems = read_all(path, max_chars=5000)
    assert [a.id for a in arts] == ["ok", "ok2"]
    assert problems[0].location == f"{path}:2" and "line longer than" in problems[0].reason


def test_gzipped_jsonl_and_a_truncated_one(tmp_path: Path) -> None:
    data = "\n".join(json.dumps({"id": f"g{i}", "text": BODY + f" Item {i}."}) for i in range(50)).encode()
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress(data))
    arts, problems = read_all(path)
    assert len(arts) == 50 and not problems
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(data)[:-30])
    arts, problems = read_all(cut)
    assert len(arts) >= 10 and problems and "cut short" in problems[-1].reason


def test_dates_are_normalised() -> None:
    assert normalise_date("2026-01-11T09:30:00Z") == "2026-01-11"
    assert normalise_date("Tue, 10 Jun 2025 08:00:00 GMT") == "2025-06-10"
    assert normalise_date("2026/2/3") == "2026-02-03"
    assert normalise_date("2026-02-31") is None and normalise_date("yesterday") is None and normalise_date(None) is None


def test_urls_are_canonical_identities() -> None:
    assert canonical_url("HTTPS://Example.org:443/a?b=1&utm_source=x#top") == "https://example.org/a?b=1"
    assert canonical_url("http://example.org") == "http://example.org/"
    assert url_id("https://www.example.org/news/2026/ofcom-fines.html") == "example-org-news-2026-ofcom-fines"
    assert len(url_id("https://example.org/" + "x" * 300)) <= 80


# ---------------------------------------------------------------- CSV


def test_csv_rows_with_quoted_text_and_a_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["title", "text", "url"])
    w.writerow(["Ofcom fines Acme Social", BODY, "https://example.org/1"])
    buf.write('Broken row,"only two fields\n')  # an unclosed quote swallows the rest... up to the next quote
    buf.write('"\n')
    w.writerow(["Apple fined", "The European Commission fined Apple, again.", "https://example.org/2"])
    w.writerow(["", "", ""])
    path.write_text(buf.getvalue(), encoding="utf-8")
    arts, problems = read_all(path)
    assert [a.url for a in arts] == ["https://example.org/1", "https://example.org/2"]
    assert arts[0].text.startswith("Ofcom fined") and arts[0].title == "Ofcom fines Acme Social"
    # The body spans lines 2 to 5 (quoted line breaks); the broken row starts on line 6.
    assert len(problems) == 1 and problems[0].location == f"{path}:6" and "field(s)" in problems[0].reason


def test_csv_quote_never_closed_costs_its_row_only(tmp_path: Path) -> None:
    """Old: csv's lenient mode read an unclosed quote to the end of the file, so the rows after it became part of
    one article (their statements under its id and date), exit 0 and no word."""
    path = tmp_path / "export.csv"
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "date", "text"])
    w.writerow(["one", "2026-01-01", BODY])
    buf.write('two,2026-01-02,"Meta was fined by the regulator on Friday.\n')  # the quote is never closed
    w.writerow(["three", "2026-01-03", "The European Commission fined Apple, again."])
    w.writerow(["four", "2026-01-04", 'Google said "no comment" on Tuesday.'])
    path.write_text(buf.getvalue(), encoding="utf-8")
    arts, problems = read_all(path)
    assert [(a.id, a.date) for a in arts] == [("one", "2026-01-01"), ("three", "2026-01-03"),
                                              ("four", "2026-01-04")]
    assert "Meta" not in "".join(a.text for a in arts)
    ((problem,),) = [problems]
    assert problem.location == f"{path}:6" and "never closed" in problem.reason  # row one spans lines 2 to 5


def test_csv_with_text_field_flag_and_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Story,Headline\n\"" + BODY.replace('"', '""') + "\",Ofcom fines\n", encoding="utf-8")
    arts, problems = read_all(path, fields=Fields(text="Story", title="Headline"))
    assert not problems and arts[0].title == "Ofcom fines"
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    arts, problems = read_all(empty)
    assert not arts and "empty CSV" in problems[0].reason


# ---------------------------------------------------------------- web archives


def _warc(path: Path, records: list[tuple[str, str, bytes, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, status, body, ctype in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


PAGE = ("<html><head><title>Ofcom fines Acme Social</title></head><body><article><h1>Ofcom fines Acme Social</h1>"
        "<p>Ofcom fined Acme Social £2m on Monday for failing to check the ages of its many young users.</p>"
        "<p>The regulator said the company had ignored repeated warnings about its age checks this year.</p>"
        "</article></body></html>")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_pages_are_read_and_the_rest_passed_over(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _warc(path, [
        ("https://example.org/a", "200 OK", PAGE.encode(), "text/html; charset=utf-8"),
        ("https://example.org/logo.png", "200 OK", b"\x89PNG....", "image/png"),
        ("https://example.org/gone", "404 Not Found", b"<html>gone</html>", "text/html"),
        ("https://example.org/empty", "200 OK", b"<html><body></body></html>", "text/html"),
        ("https://example.org/b", "200 OK", PAGE.replace("Acme Social", "Zeta Chat").encode("latin-1"),
         "text/html; charset=iso-8859-1"),
    ])
    arts, problems = read_all(path)
    assert [a.origin for a in arts] == ["https://example.org/a", "https://example.org/b"]
    assert "£2m" in arts[1].text and "Zeta Chat" in arts[1].text
    assert len(problems) == 1 and "record 4 (https://example.org/empty)" in problems[0].location


def test_damaged_warc_keeps_the_records_before(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _warc(path, [("https://example.org/a", "200 OK", PAGE.encode(), "text/html"),
                 ("https://example.org/b", "200 OK", PAGE.encode() + b" ", "text/html")])
    data = path.read_bytes()
    second = data.index(b"WARC/1", 10)
    path.write_bytes(data[:second] + b"WARC/1.0\r\nnot a header\r\n\r\ngarbage")
    arts, problems = read_all(path)
    assert [a.origin for a in arts] == ["https://example.org/a"]
    assert problems and "damaged" in problems[0].reason and "1 record(s) before" in problems[0].reason


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
@pytest.mark.parametrize("kept", [0.1, 0.5, 0.97])
def test_truncated_warc_says_where_it_ends(tmp_path: Path, name: str, kept: float) -> None:
    """Old: an archive cut short was read with no word, the cut record stored as if whole (its Content-Length
    never compared with what was read), or a cut compressed record passed over in silence."""
    first = PAGE.encode()
    path = tmp_path / name
    _warc(path, [("https://example.org/a", "200 OK", first, "text/html")])
    one = path.stat().st_size
    _warc(path, [("https://example.org/a", "200 OK", first, "text/html"),
                 ("https://example.org/b", "200 OK", PAGE.replace("Acme Social", "Zeta Chat").encode(), "text/html")])
    data = path.read_bytes()
    path.write_bytes(data[:one + int(kept * (len(data) - one))])  # cut inside the second record
    arts, problems = read_all(path)
    assert [a.origin for a in arts] == ["https://example.org/a"]
    (problem,) = problems
    assert "cut short" in problem.reason and "record 2" in problem.location, problem


def test_not_a_warc_is_a_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not an archive\n", encoding="utf-8")
    arts, problems = read_all(path)
    assert not arts and "not a WARC file" in problems[0].reason


def test_stdin_formats(tmp_path: Path) -> None:
    arts, _ = read_all("-", stdin=io.BytesIO(BODY.encode()))
    assert arts[0].origin and arts[0].origin.startswith("stdin#sha256=")
    arts, _ = read_all("-", stdin=io.BytesIO(PAGE.encode()))
    assert arts[0].title == "Ofcom fines Acme Social"
    arts, problems = read_all("-", stdin=io.BytesIO(b'{"text": "Ofcom fined Acme."}\n{oops\n'))
    assert len(arts) == 1 and problems[0].location == "<stdin>:2"
    arts, _ = read_all("-", stdin=io.BytesIO(b"text\nOfcom fined Acme.\n"), fmt="csv")
    assert arts[0].text == "Ofcom fined Acme."
