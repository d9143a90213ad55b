"""The story views in headless Chromium: the explorer's stance-over-time panel, the digest page, the timeline picture.

Set ``KG_SHOTS`` to a folder to keep the screenshots these tests take (to look at them).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kg import api
from kg.views.changes import digest, window
from kg.views.digest import to_html
from kg.views.explore import make_filters, select
from kg.views.story import pair_stance

from .test_story import corpus_of
from .test_view_browser import open_page, python_edges

ACME = "https://policy-kg.org/id/acme-social"
NDA = "https://policy-kg.org/id/northland-data-authority"


def shot(page: Any, tmp_path: Path, name: str) -> Path:
    folder = Path(os.environ.get("KG_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5000   # a real picture, not a blank page
    return path


def test_explorer_shows_a_pairs_stance_and_its_months_filter_the_graph(browser: Any, story_store: Path,
                                                                       tmp_path: Path) -> None:
    out = tmp_path / "story.html"
    api.viz(out=out, store=story_store)
    corpus = corpus_of(story_store)
    o = open_page(browser, out)
    try:
        o.js("([s, o]) => window.kgExplorer.selectEdge(s, o)", [ACME, NDA])
        o.page.wait_for_selector("#kg-stance .kg-stance-pair")
        want = pair_stance(corpus, corpus.index[ACME], corpus.index[NDA])
        got = o.js("([s, o]) => window.kgExplorer.stance(s, o)", [ACME, NDA])
        assert got["periods"] == [[p.period, round(p.score, 3)] for p in want.periods]
        assert [(t[0], t[1]) for t in got["turns"]] == [(t.period, t.to_sign) for t in want.turning_points]
        # Both turning points are listed with the sentences that flipped them, as text (the markup stays text).
        april = o.page.inner_text("#kg-stance .kg-turning[data-month='2024-04']")
        assert "Turning point 2024-04: against (after 2024-02)" in april
        assert "<script>alert('x')</script> over the fine." in april
        assert o.js("document.querySelectorAll('#kg-evidence script').length") == 0
        assert o.page.inner_text("#kg-stance .kg-turning[data-month='2024-06']").startswith("Turning point 2024-06")
        # Bars: green above the line for, red below against, and every month between drawn (quiet ones too).
        months = o.js("s => Array.from(document.querySelectorAll(`.kg-stance-pair[data-subject='${s}'] "
                      ".kg-stance-month`)).map(g => [g.dataset.month, g.dataset.score, g.querySelector('rect.kg-for')"
                      " ? 'for' : g.querySelector('rect.kg-against') ? 'against' : ''])", ACME)
        assert months == [["2024-01", "0.900", "for"], ["2024-02", "0.800", "for"], ["2024-03", "0.000", ""],
                          ["2024-04", "-1.550", "against"], ["2024-05", "0.000", ""], ["2024-06", "0.900", "for"]]
        shot(o.page, tmp_path, "explorer-stance.png")
        panel = o.page.locator("#kg-stance")
        panel.scroll_into_view_if_needed()
        panel.screenshot(path=str(Path(os.environ.get("KG_SHOTS") or tmp_path) / "explorer-stance-panel.png"))
        # A click on April shows April alone in the graph, as Python's filters do.
        o.page.click(f".kg-stance-pair[data-subject='{ACME}'] .kg-stance-month[data-month='2024-04'] .kg-hit")
        assert o.js("[window.kgExplorer.state.since, window.kgExplorer.state.until]") == ["2024-04-01", "2024-04-30"]
        view = select(corpus, make_filters(since="2024-04-01", until="2024-04-30"))
        assert {tuple(e) for e in o.js("window.kgExplorer.visibleEdges()")} == python_edges(corpus, view)
        assert o.page.input_value("#kg-since") == "2024-04-01"
        assert not o.errors, o.errors
        assert all(r.startswith("file://") for r in o.requests), o.requests
    finally:
        o.page.close()


def test_digest_page_in_the_browser(browser: Any, story_store: Path, tmp_path: Path) -> None:
    corpus = corpus_of(story_store)
    new, before, baseline, period = window(corpus, "2024-04-01", "2024-04-30")
    out = tmp_path / "digest.html"
    out.write_text(to_html(digest(corpus, new, before, baseline, period=period, title="Northland in April")))
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(out.as_uri())
        assert requests == [out.as_uri()] and not errors   # self-contained: nothing else is fetched
        assert page.evaluate("document.scripts.length") == 0
        headings = page.evaluate("Array.from(document.querySelectorAll('h2')).map(h => h.textContent)")
        assert headings == ["New actors", "New pairs", "Relations that rose", "Stance flips", "Most active enforcers",
                            "Most targeted", "Articles"]
        flip = page.inner_text("#flips li")
        assert flip.startswith("Acme Social → Northland Data Authority for in 2024-02, against in 2024-04")
        assert "<script>alert('x')</script>" in flip   # shown as text, not run
        # The article with a javascript: URL is named without a link; the one with an https URL is linked.
        links = page.evaluate("Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href'))")
        assert links and all(h.startswith("https://") for h in links)
        # Readable: body text at least 14px, the page no wider than the window.
        assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 14
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        shot(page, tmp_path, "digest.png")
    finally:
        page.close()


def test_timeline_picture_in_the_browser(browser: Any, story_store: Path, tmp_path: Path) -> None:
    png, svg = tmp_path / "timeline.png", tmp_path / "timeline.svg"
    api.timeline(actor="Acme Social", other="Northland Data Authority", store=story_store, out=png)
    api.timeline(actor="Acme Social", other="Northland Data Authority", store=story_store, out=svg)
    both = tmp_path / "pictures.html"
    both.write_text("<!DOCTYPE html><body style='margin:0'><img id='png' src='timeline.png' style='width:900px'>"
                    "<img id='svg' src='timeline.svg' style='width:900px'></body>")
    page = browser.new_page(viewport={"width": 1820, "height": 1000})
    try:
        page.goto(svg.as_uri())
        texts = page.evaluate("Array.from(document.querySelectorAll('text')).map(t => t.textContent)")
        joined = " ".join(texts)
        # The six months, the flip marked in April and back in June, the stance values printed on the bars.
        for needed in ("2024-01", "2024-03", "2024-06", "turns against", "turns for", "+0.90", "-1.55",
                       "stance of Acme Social toward Northland Data Authority"):
            assert needed in joined, needed
        page.goto(both.as_uri())
        page.wait_for_function("Array.from(document.images).every(i => i.complete)")
        sizes = page.evaluate("Array.from(document.images).map(i => [i.id, i.naturalWidth, i.naturalHeight])")
        assert [s[0] for s in sizes] == ["png", "svg"] and all(w >= 500 and h >= 400 for _, w, h in sizes), sizes
        shot(page, tmp_path, "timeline.png")
    finally:
        page.close()
