"""Following a story end to end, with the spaCy model: our own articles through ingest, timeline, changes and watch.

- a generated corpus (a few regulators fining companies month by month, and Spotify backing the European
  Commission in March 2026 then turning on it in May), ingested with the examples: ``kg timeline`` shows the
  flip in May with its sentences, ``kg changes --since 2026-05`` lists it;
- ``kg watch --once`` against a local feed server whose items change between cycles: the second cycle asks
  conditionally, fetches only the new item, and its digest lists exactly what that item added.

Every sentence here was written for this suite.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import default_sigint

from kg import api
from kg.cli import main

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent

#: (regulator, company) pairs the generator rotates through, one fine a month each.
FINES = [("Ofcom", "TikTok"), ("The European Commission", "Apple"), ("The Irish Data Protection Commission", "Meta")]
STANCE = {
    "2026-03-10": ("Spotify backs Brussels on app store rules", [
        "Spotify praised the European Commission on Tuesday for its new rules on app stores.",
        "Daniel Ek said Spotify supported the European Commission and welcomed the decision."]),
    "2026-05-14": ("Spotify turns on Brussels over a streaming levy", [
        "Spotify criticised the European Commission on Thursday over a proposed levy on streaming services.",
        "The company accused the European Commission of punishing European companies."]),
}


def generate_corpus(folder: Path) -> list[Path]:
    """Write the generated corpus: a fine a month per regulator from January to June 2026, and the stance story."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for month in range(1, 7):
        for n, (regulator, company) in enumerate(FINES):
            if (month + n) % 2:   # each pair every other month, so counts rise and fall
                continue
            date = f"2026-{month:02d}-{3 + 7 * n:02d}"
            path = folder / f"fine-{month:02d}-{n}.txt"
            day = datetime.date.fromisoformat(date).strftime("%d %B").lstrip("0")
            path.write_text(f"date {date}\n\n{regulator} fines {company}\n\n"   # each text its own, or ingest
                            f"{regulator} fined {company} on {day} over its handling of user data.\n",  # dedupes
                            encoding="utf-8")
            out.append(path)
    for date, (title, sentences) in STANCE.items():
        path = folder / f"spotify-{date}.txt"
        path.write_text(f"date {date}\n\n{title}\n\n" + "\n\n".join(sentences) + "\n", encoding="utf-8")
        out.append(path)
    return out


@pytest.fixture(scope="module")
def story_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("story-e2e")
    generate_corpus(base / "generated")
    store = base / "store"
    out = CliRunner().invoke(main, ["ingest", str(ROOT / "examples" / "articles"), str(base / "generated"),
                                    "--store", str(store), "--workers", "1", "-q"])
    assert out.exit_code == 0, out.output
    return store


def test_timeline_shows_the_flip_in_may_with_its_sentences(story_store: Path) -> None:
    out = CliRunner().invoke(main, ["timeline", "Spotify", "European Commission", "--store", str(story_store),
                                    "--format", "json"])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.output)
    [stance] = [s for s in doc["stance"] if s["subject"] == "Spotify"]
    assert [(p["period"], p["sign"]) for p in stance["periods"]] == [("2026-03", 1), ("2026-05", -1)]
    [turn] = stance["turning_points"]
    assert (turn["period"], turn["before"], turn["from"], turn["to"]) == ("2026-05", "2026-03", 1, -1)
    assert {e["sentence"] for e in turn["evidence"]} == set(STANCE["2026-05-14"][1])
    assert {e["date"] for e in turn["evidence"]} == {"2026-05-14"}
    text = CliRunner().invoke(main, ["timeline", "Spotify", "European Commission", "--store", str(story_store)])
    assert "turning point 2026-05: against (after 2026-03), because:" in text.output
    assert f"“{STANCE['2026-05-14'][1][0]}”" in text.output


def test_changes_since_may_lists_the_flip_and_the_months_fines(story_store: Path, tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["changes", "--since", "2026-05", "--until", "2026-05", "--store",
                                    str(story_store), "--format", "json", "--state", str(tmp_path / "s.json")])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.output)
    flips = doc["sections"]["flips"]
    assert [f["title"] for f in flips] == ["Spotify → European Commission"]
    assert flips[0]["before_period"] == "2026-03" and flips[0]["to"] == -1
    assert {e["sentence"] for e in flips[0]["evidence"]} == set(STANCE["2026-05-14"][1])
    # May's fines: months 5 with (5 + n) even: n = 1 (the Commission fines Apple).
    assert [(e["title"], e["detail"]) for e in doc["sections"]["enforcers"]] == [("European Commission",
                                                                                  "against Apple")]
    # April had Ofcom and the Irish regulator fining, May only the Commission: fines fell. The counts are those
    # SPARQL gives for the 31 days before May and for May (a headline may say a fine too).
    def fines(first: str, last: str) -> int:
        query = ("SELECT (COUNT(?st) AS ?n) WHERE { ?st a pk:Statement ; rdf:predicate pk:fines ; pk:negated false ; "
                 f'pk:modality "asserted" ; dcterms:date ?d . FILTER(?d >= "{first}"^^xsd:date && '
                 f'?d <= "{last}"^^xsd:date) }}')
        return int(api.query(sparql=query, store=story_store).rows[0][0])

    april, may = fines("2026-03-31", "2026-04-30"), fines("2026-05-01", "2026-05-31")
    assert april > may > 0
    [fall] = doc["sections"]["falls"]
    assert (fall["title"], fall["before"], fall["now"]) == ("fines", april, may)
    may_fines = {"The European Commission fined Apple on 10 May over its handling of user data.",
                 "The European Commission fines Apple."}
    assert {e["sentence"] for e in fall["evidence"]} <= may_fines


# ---------------------------------------------------------------- kg watch against a local feed server


def page_html(title: str, date: str, sentences: list[str]) -> bytes:
    body = "".join(f"<p>{s}</p>" for s in sentences)
    return (f"<html><head><title>{title}</title><meta name='date' content='{date}'></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}"
            "<p>Analysts said the dispute could take months to settle, and officials declined to comment.</p>"
            "</article><footer>Cookie settings</footer></body></html>").encode()


ITEMS = {
    "ofcom-tiktok": ("Ofcom fines TikTok", "2026-02-02", ["Ofcom fined TikTok on Monday over its age checks."]),
    "spotify-backs": ("Spotify backs Brussels", "2026-03-10", list(STANCE["2026-03-10"][1])),
    "spotify-turns": ("Spotify turns on Brussels", "2026-05-14", list(STANCE["2026-05-14"][1])),
}


class FeedSite:
    """A feed and its item pages, answering conditional requests; ``items`` is what the feed lists now."""

    def __init__(self) -> None:
        self.items = ["ofcom-tiktok", "spotify-backs"]
        self.log: list[tuple[str, str | None, int]] = []   # (path, If-None-Match sent, status answered)
        self.slow: set[str] = set()             # item pages held back until ``release`` is set
        self.held = threading.Event()           # set when a held-back page has been asked for
        self.release = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                if self.path == "/feed.xml":
                    entries = "".join(
                        f"<item><title>{ITEMS[k][0]}</title><link>{base}/story/{k}</link>"
                        f"<pubDate>{ITEMS[k][1]}</pubDate></item>" for k in site.items)
                    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Policy wire</title>{entries}'
                            "</channel></rss>").encode()
                    ctype = "application/rss+xml"
                elif self.path.startswith("/story/") and self.path[7:] in ITEMS:
                    if self.path[7:] in site.slow:
                        site.held.set()
                        site.release.wait(60)
                    body, ctype = page_html(*ITEMS[self.path[7:]]), "text/html; charset=utf-8"
                else:
                    self.send_response(404)
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
                sent = self.headers.get("If-None-Match")
                status = 304 if sent == etag else 200
                site.log.append((self.path, sent, status))
                self.send_response(status)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", formatdate(1767225600, usegmt=True))
                if status == 200:
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status == 200:
                    self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def feed_site() -> Iterator[FeedSite]:
    site = FeedSite()
    yield site
    site.close()


def test_watch_once_fetches_only_new_items_and_digests_exactly_what_they_added(feed_site: FeedSite,
                                                                              tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# the wire\n{feed_site.base}/feed.xml\n", encoding="utf-8")
    store, digests = tmp_path / "store", tmp_path / "digests"
    args = ["watch", "--once", "--urls", str(urls), "--store", str(store), "--digests", str(digests),
            "--retries", "0"]
    runner = CliRunner()

    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "cycle 1: stored 2 article(s) (2 new, 0 updated)" in first.output
    assert all(sent is None for _, sent, _ in feed_site.log)   # nothing known yet: no conditions sent

    feed_site.items.append("spotify-turns")
    feed_site.log.clear()
    second = runner.invoke(main, args)
    assert second.exit_code == 0, second.output
    assert "cycle 1: stored 1 article(s) (1 new, 0 updated)" in second.output
    assert "2 URL(s) not modified" in second.output
    log = {path: (sent is not None, status) for path, sent, status in feed_site.log}
    assert log == {"/feed.xml": (True, 200),                   # the feed changed: fetched again
                   "/story/ofcom-tiktok": (True, 304), "/story/spotify-backs": (True, 304),   # asked, not sent
                   "/story/spotify-turns": (False, 200)}       # the new item, fetched once
    digest_files = sorted(digests.glob("digest-*.json"))
    assert len(digest_files) == 2 and len(list(digests.glob("digest-*.html"))) == 2
    named = Path(second.output.split("; digest ", 1)[1].split(" (", 1)[0])   # the cycle names its digest
    assert named.suffix == ".md" and named.with_suffix(".json") == digest_files[-1]   # and they sort in order
    doc = json.loads(digest_files[-1].read_text(encoding="utf-8"))
    [article] = doc["articles"]
    assert article["title"] == "Spotify turns on Brussels" and article["date"] == "2026-05-14"
    evidence = [e for items in doc["sections"].values() for item in items for e in item["evidence"]]
    assert evidence and {e["article"] for e in evidence} == {article["id"]}
    assert {e["sentence"] for e in evidence} == set(STANCE["2026-05-14"][1])
    assert doc["statements"] == 2
    assert [f["title"] for f in doc["sections"]["flips"]] == ["Spotify → European Commission"]
    assert not doc["sections"]["actors"] and not doc["sections"]["pairs"]   # both were known from March

    feed_site.log.clear()
    third = runner.invoke(main, args)   # nothing changed: the feed answers 304, nothing is stored
    assert "cycle 1: stored 0 article(s)" in third.output and "1 URL(s) not modified" in third.output
    assert feed_site.log == [("/feed.xml", feed_site.log[0][1], 304)]
    last = json.loads(sorted(digests.glob("digest-*.json"))[-1].read_text(encoding="utf-8"))
    assert last["statements"] == 0 and not last["articles"]
    # The digests and kg changes share their record: nothing is new since the watch's last digest.
    out = runner.invoke(main, ["changes", "--since", "last", "--store", str(store), "--format", "json"])
    assert json.loads(out.output)["statements"] == 0


def test_watch_refuses_a_missing_url_list(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["watch", "--once", "--urls", str(tmp_path / "none.txt"), "--store",
                                    str(tmp_path / "store")])
    assert out.exit_code == 1 and "no URL list at" in out.output


def kg_process(*args: str) -> subprocess.Popen[str]:
    """Start ``kg ARGS`` in its own process (so a signal reaches it alone), its output unbuffered."""
    return subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", *args], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"}, preexec_fn=default_sigint)


def test_ctrl_c_between_cycles_stops_at_once(feed_site: FeedSite, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{feed_site.base}/feed.xml\n", encoding="utf-8")
    proc = kg_process("watch", "--urls", str(urls), "--store", str(tmp_path / "store"), "--digests",
                      str(tmp_path / "digests"), "--interval", "600")
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()   # the first cycle's line; then it waits 600 s for the next one
        assert line.startswith("cycle 1: stored 2 article(s)"), line + (proc.stderr.read() if proc.stderr else "")
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
        assert code == 130 and time.monotonic() - started < 10
        assert "stopped: every stored article is whole" in (proc.stderr.read() if proc.stderr else "")
    finally:
        proc.kill()
        proc.wait()
    out = CliRunner().invoke(main, ["validate", "--store", str(tmp_path / "store")])
    assert out.exit_code == 0 and out.output.startswith("conforms"), out.output


def test_a_watch_killed_mid_cycle_leaves_the_store_whole(feed_site: FeedSite, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{feed_site.base}/feed.xml\n", encoding="utf-8")
    feed_site.items.append("spotify-turns")
    feed_site.slow.add("spotify-turns")
    store, digests = tmp_path / "store", tmp_path / "digests"
    args = ["watch", "--once", "--urls", str(urls), "--store", str(store), "--digests", str(digests)]
    proc = kg_process(*args)
    try:
        assert feed_site.held.wait(120), proc.stderr.read() if proc.stderr else ""
        time.sleep(1.0)          # the pages before it are being parsed, perhaps written
        proc.kill()              # SIGKILL: no clean-up at all
        proc.wait(timeout=30)
    finally:
        proc.kill()
        proc.wait()
    assert not list(digests.glob("digest-*")) and not (digests / "fetch-state.json").exists()
    feed_site.release.set()
    out = CliRunner().invoke(main, ["validate", "--store", str(store)])
    assert out.exit_code == 0 and out.output.startswith("conforms"), out.output
    # The next cycle fetches in full (no validators were kept) and its digest lists all three articles,
    # those the killed cycle stored included.
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.output
    [made] = sorted(digests.glob("digest-*.json"))
    doc = json.loads(made.read_text(encoding="utf-8"))
    assert sorted(a["title"] for a in doc["articles"]) == ["Ofcom fines TikTok", "Spotify backs Brussels",
                                                          "Spotify turns on Brussels"]
    # Both months came in one digest: the flip within them is listed.
    assert [(f["title"], f["before_period"], f["period"]) for f in doc["sections"]["flips"]] == [
        ("Spotify → European Commission", "2026-03", "2026-05")]
