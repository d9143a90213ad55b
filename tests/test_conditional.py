"""Conditional requests (kg.sources.conditional with the fetcher): ETag and Last-Modified kept, sent, honoured.

A local page answers 304 to the validators it gave; no model needed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.sources.article import Article
from kg.sources.conditional import Validators, load_validators, validators_json
from kg.sources.fetch import FetchOptions, fetch_articles

PAGE = (b"<html><head><title>Ofcom fines Acme Social</title></head><body><article><h1>Ofcom fines Acme Social</h1>"
        b"<p>Ofcom fined Acme Social on Monday for failing to check the ages of its users.</p>"
        b"<p>Acme Social said it would appeal, and officials declined to comment further.</p>"
        b"</article></body></html>")


class Page:
    """One page with an ETag (``/etag``) and one with only Last-Modified (``/dated``); logs what was asked."""

    def __init__(self) -> None:
        self.log: list[tuple[str, dict[str, str], int]] = []
        page = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                sent = {k: v for k, v in self.headers.items() if k.lower().startswith("if-")}
                if self.path == "/etag":
                    fresh = self.headers.get("If-None-Match") != '"v1"'
                    headers = {"ETag": '"v1"'}
                else:
                    fresh = self.headers.get("If-Modified-Since") != "Mon, 02 Mar 2026 08:00:00 GMT"
                    headers = {"Last-Modified": "Mon, 02 Mar 2026 08:00:00 GMT"}
                status = 200 if fresh else 304
                page.log.append((self.path, sent, status))
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if fresh:
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(PAGE)))
                self.end_headers()
                if fresh:
                    self.wfile.write(PAGE)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def page() -> Iterator[Page]:
    p = Page()
    yield p
    p.server.shutdown()
    p.server.server_close()


def fetch(urls: list[str], validators: Validators) -> list[Article]:
    got = list(fetch_articles(urls, options=FetchOptions(retries=0, timeout=5, validators=validators)))
    assert all(isinstance(a, Article) for a in got), got
    return [a for a in got if isinstance(a, Article)]


def test_validators_are_sent_once_committed_and_a_304_yields_nothing(page: Page, tmp_path: Path) -> None:
    urls = [f"{page.base}/etag", f"{page.base}/dated"]
    v = Validators()
    assert len(fetch(urls, v)) == 2
    assert sorted(v.staged) == sorted(urls) and not v.known
    # Staged, not kept: until commit() the next fetch asks in full (a cycle that did not finish forgets them).
    assert len(fetch(urls, v)) == 2 and all(not sent for _, sent, _ in page.log)
    v.commit()
    page.log.clear()
    assert fetch(urls, v) == []
    assert sorted(v.not_modified) == sorted(urls)
    assert sorted((path, status) for path, _, status in page.log) == [("/dated", 304), ("/etag", 304)]
    assert {path: sent for path, sent, _ in page.log} == {
        "/etag": {"If-None-Match": '"v1"'}, "/dated": {"If-Modified-Since": "Mon, 02 Mar 2026 08:00:00 GMT"}}
    # Kept in a file and read back; a URL forgotten (its article failed) is asked for in full again.
    state = tmp_path / "fetch-state.json"
    state.write_text(validators_json(v))
    again = load_validators(state)
    assert again.headers(urls[0]) == {"If-None-Match": '"v1"'}
    again.forget([urls[0]])
    assert again.headers(urls[0]) == {"If-None-Match": '"v1"'}   # forget drops staged ones only
    fresh = Validators()
    fresh.learn(urls[0], {"ETag": '"v2"'})
    fresh.forget([urls[0]])
    fresh.commit()
    assert fresh.headers(urls[0]) == {}


def test_a_missing_state_is_empty_and_a_broken_one_names_the_fix(tmp_path: Path) -> None:
    assert load_validators(tmp_path / "none.json").known == {}
    bad = tmp_path / "fetch-state.json"
    bad.write_text("{not json")
    with pytest.raises(InputError, match="delete it and every page is fetched again once"):
        load_validators(bad)
