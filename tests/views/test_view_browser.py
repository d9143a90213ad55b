"""The explorer page in a real browser (headless Chromium through Playwright).

Each test runs on three pages: the small hand-written world, a generated
world of ~1,200 actors and 5,600 statements (the page's large-graph mode), and
the shipped examples ingested with the spaCy model (what ``make demo``
writes). ``KG_VIZ_TEST_STORE=DIR`` adds a page of any store, e.g. the
2,000-article benchmark corpus. The page's filter rules are checked against
:func:`kg.views.explore.select` on the same store.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kg import api
from kg.store.embedded import Store
from kg.views.explore import MODALITIES, Corpus, Filters, Selection, read_corpus, relation_groups, select

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser

STORES = [pytest.param("small", id="small"), pytest.param("scale", id="scale"),
          pytest.param("examples", id="examples", marks=pytest.mark.model)]
if os.environ.get("KG_VIZ_TEST_STORE"):
    STORES.append(pytest.param("env", id="env-store"))


@dataclass
class Page:
    """A written explorer page and the corpus it was written from."""

    name: str
    path: Path
    corpus: Corpus
    store: Path


@pytest.fixture(scope="module", params=STORES)
def written(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Page:
    name = request.param
    if name == "small":
        store = request.getfixturevalue("small_store")
    elif name == "scale":
        store = request.getfixturevalue("scale_store")
    elif name == "env":
        store = Path(os.environ["KG_VIZ_TEST_STORE"])
    else:
        store = tmp_path_factory.mktemp("examples-views") / "store"
        report = api.ingest(paths=[ROOT / "examples" / "articles"], store=store)
        assert report.stored and not report.failed, report.failed
    out = tmp_path_factory.mktemp(f"page-{name}") / "graph.html"
    api.viz(out=out, store=store)
    with Store(store, read_only=True) as st:
        corpus = read_corpus(st)
    assert corpus.statements, f"the {name} store has no statements"
    return Page(name, out, corpus, store)


@dataclass
class Opened:
    page: Any
    errors: list[str]
    requests: list[str]

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)


def open_page(browser: Any, path: Path, viewport: tuple[int, int] = (1400, 900)) -> Opened:
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_function("window.kgExplorer && window.kgExplorer.ready", timeout=60_000)
    return Opened(page, errors, requests)


@pytest.fixture
def opened(browser: Any, written: Page) -> Iterator[Opened]:
    o = open_page(browser, written.path)
    yield o
    o.page.close()
    assert not o.errors, o.errors


def python_edges(corpus: Corpus, view: Selection) -> set[tuple[str, str, int]]:
    return {(corpus.actors[s].iri, corpus.actors[o].iri, len(sts)) for (s, o), sts in view.edges.items()}


def page_edges(o: Opened) -> set[tuple[str, str, int]]:
    return {tuple(e) for e in o.js("kgExplorer.visibleEdges()")}  # type: ignore[misc]


def busiest_actor(corpus: Corpus, view: Selection) -> int:
    weight: Counter[int] = Counter()
    for (s, t), sts in view.edges.items():
        weight[s] += len(sts)
        weight[t] += len(sts)
    return min(weight, key=lambda n: (-weight[n], n))


# ---------------------------------------------------------------- loading


def test_page_loads_offline_without_errors(opened: Opened, written: Page) -> None:
    view = select(written.corpus, Filters())
    assert page_edges(opened) == python_edges(written.corpus, view)
    assert opened.js("kgExplorer.network.body.data.nodes.length") == len(view.nodes)
    assert opened.js("kgExplorer.network.body.data.edges.length") == len(view.edges)
    stats = opened.page.inner_text("#kg-stats")
    assert f"{len(view.nodes)} actor" in stats and f"{len(view.edges)} edge" in stats
    assert f"of {len(written.corpus.statements)} statement" in stats
    outside = [u for u in opened.requests if not u.startswith(("file:", "data:", "about:"))]
    assert outside == [], "the page fetched something from elsewhere"
    # Physics stays off: positions are the ones computed in Python.
    assert opened.js("kgExplorer.network.physics.options.enabled") is False


def test_labels_show_for_the_most_connected_and_on_hover_for_the_rest(opened: Opened, written: Page) -> None:
    view = select(written.corpus, Filters())
    labelled = opened.js("kgExplorer.labelledNodes()")
    assert 0 < len(labelled) <= 60
    assert len(labelled) == len(view.nodes) or len(labelled) >= min(10, len(view.nodes))
    weight: Counter[int] = Counter()
    for (s, t), sts in view.edges.items():
        weight[s] += len(sts)
        weight[t] += len(sts)
    assert labelled[0] == busiest_actor(written.corpus, view), "the most connected actor is labelled first"
    assert all(weight[a] >= weight[b] for a, b in zip(labelled, labelled[1:], strict=False))
    titles = opened.js("kgExplorer.network.body.data.nodes.get().slice(0, 50).map(n => n.title)")
    assert all(t and "(" in t for t in titles), "every actor names itself on hover"
    # Zooming in on one actor brings labels for the actors around it.
    unlabelled = [n for n in sorted(view.nodes, key=lambda n: (weight[n], n)) if n not in labelled]
    if not unlabelled:
        return  # a small view: every actor is labelled
    quiet = unlabelled[0]
    opened.js("id => kgExplorer.network.focus(id, {scale: 4, animation: false})", quiet)
    opened.page.wait_for_function(f"kgExplorer.network.redraw() || kgExplorer.labelledNodes().includes({quiet})")


# ---------------------------------------------------------------- search


def test_search_by_name_selects_and_centres_the_actor(opened: Opened, written: Page) -> None:
    corpus = written.corpus
    view = select(corpus, Filters())
    target = busiest_actor(corpus, view)
    label = corpus.actors[target].label
    query = label[: max(4, len(label) - 3)]
    opened.page.fill("#kg-search", query)
    opened.page.wait_for_selector("#kg-suggest li")
    options = opened.page.locator("#kg-suggest li")
    names = [options.nth(i).get_attribute("data-node") for i in range(options.count())]
    assert str(target) in names, f"{label} is not suggested for {query!r}"
    opened.page.click(f'#kg-suggest li[data-node="{target}"]')
    opened.page.wait_for_function("kgExplorer.network.getSelectedNodes().length === 1")
    assert opened.js("kgExplorer.network.getSelectedNodes()") == [target]
    assert opened.page.inner_text("#kg-evidence-title") == label
    # The focus animation takes 300 ms; then the actor sits in the middle of the network pane.
    iri = corpus.actors[target].iri
    opened.page.wait_for_function(f"""() => {{
        const p = kgExplorer.canvasPosition({iri!r}), box = document.getElementById('kg-network');
        return Math.abs(p.x - box.clientWidth / 2) < 30 && Math.abs(p.y - box.clientHeight / 2) < 30; }}""",
                                  timeout=10_000)


def test_search_by_alias_and_enter(opened: Opened, written: Page) -> None:
    corpus = written.corpus
    view = select(corpus, Filters())
    count = Counter(n for k in view.edges for n in k)
    # An alias that names one visible actor only and is not its label's start.
    owners: dict[str, set[int]] = {}
    for i, a in enumerate(corpus.actors):
        for name in (a.label, *a.aliases):
            owners.setdefault(name.lower(), set()).add(i)
    candidates = [(count[i], i, alias) for i, a in enumerate(corpus.actors) if i in view.nodes for alias in a.aliases
                  if len(alias) >= 3 and owners[alias.lower()] == {i} and not a.label.lower().startswith(alias.lower())]
    if not candidates:
        pytest.skip(f"no actor with a distinctive alias in the {written.name} store")
    _, target, alias = max(candidates)
    opened.page.fill("#kg-search", alias)
    opened.page.wait_for_selector("#kg-suggest li")
    first = opened.page.locator("#kg-suggest li").first.get_attribute("data-node")
    assert first == str(target), f"an exact alias ({alias!r}) should come first"
    opened.page.press("#kg-search", "Enter")
    opened.page.wait_for_function("kgExplorer.network.getSelectedNodes().length === 1")
    assert opened.js("kgExplorer.network.getSelectedNodes()") == [target]
    assert opened.page.inner_text("#kg-evidence-title") == corpus.actors[target].label


# ---------------------------------------------------------------- filters


def test_relation_filter_hides_its_edges(opened: Opened, written: Page) -> None:
    corpus = written.corpus
    counts = Counter(corpus.statements[i].relation for sts in select(corpus, Filters()).edges.values() for i in sts)
    relation, _ = counts.most_common(1)[0]
    before = opened.js("kgExplorer.network.body.data.edges.length")
    opened.page.uncheck(f'input[data-relation="{relation}"]')
    rest = frozenset(r for g in relation_groups() for r in g.relations) - {relation}
    expected = select(corpus, Filters(relations=rest))
    assert page_edges(opened) == python_edges(corpus, expected)
    assert opened.js("kgExplorer.network.body.data.edges.length") == len(expected.edges) < before
    total = sum(st.relation == relation for st in corpus.statements)
    assert opened.page.inner_text(f'[data-relation-count="{relation}"]') == f"({total})", "a hidden relation's total"
    # The group box turns half-checked; a click checks the whole group, another hides it all.
    group = next(g for g in relation_groups() if relation in g.relations)
    present = {st.relation for st in corpus.statements} & set(group.relations)
    box = f'input[data-group="{group.name}"]'
    assert opened.js(f"document.querySelector('{box}').indeterminate") is (len(present) > 1)
    opened.page.click(box)
    assert opened.page.is_checked(box) and opened.page.is_checked(f'input[data-relation="{relation}"]')
    assert page_edges(opened) == python_edges(corpus, select(corpus, Filters()))
    opened.page.click(box)
    assert not opened.page.is_checked(box)
    expected = select(corpus, Filters(relations=rest - set(group.relations)))
    assert page_edges(opened) == python_edges(corpus, expected)


def test_every_filter_control_matches_python(opened: Opened, written: Page) -> None:
    corpus = written.corpus
    page = opened.page
    types = Counter(a.type for a in corpus.actors)
    dropped = types.most_common()[-1][0] if len(types) > 1 else None
    f = Filters()
    if dropped:
        page.uncheck(f'input[data-type="{dropped}"]')
        f.types = frozenset(types) - {dropped}
        assert page_edges(opened) == python_edges(corpus, select(corpus, f))
    page.evaluate("""() => { const r = document.getElementById('kg-min-confidence');
                             r.value = '0.7'; r.dispatchEvent(new Event('input')); }""")
    f.min_confidence = 0.7
    assert page_edges(opened) == python_edges(corpus, select(corpus, f))
    first, last = corpus.date_range()
    assert first and last
    middle = first[:4] + "-07-01" if first[:4] != last[:4] else first
    page.fill("#kg-since", middle)
    page.dispatch_event("#kg-since", "change")
    f.since = middle
    assert page_edges(opened) == python_edges(corpus, select(corpus, f))
    page.fill("#kg-min-articles", "2")
    f.min_articles = 2
    assert page_edges(opened) == python_edges(corpus, select(corpus, f))
    present = {st.modality for st in corpus.statements} - {"asserted"}
    for m in sorted(present):
        page.check(f'input[data-modality="{m}"]')
    if any(st.negated for st in corpus.statements):
        page.check('input[data-modality="negated"]')
        f.negated = True
    f.modalities = frozenset({"asserted"} | present)
    assert page_edges(opened) == python_edges(corpus, select(corpus, f))
    page.click("#kg-reset")
    assert page_edges(opened) == python_edges(corpus, select(corpus, Filters()))
    assert page.input_value("#kg-since") == "" and page.input_value("#kg-min-articles") == "1"


def test_undated_statements_leave_with_a_date_range(browser: Any, small_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "small.html"
    api.viz(out=out, store=small_store)
    with Store(small_store, read_only=True) as st:
        corpus = read_corpus(st)
    o = open_page(browser, out)
    o.page.fill("#kg-until", "2030-01-01")
    o.page.dispatch_event("#kg-until", "change")
    assert page_edges(o) == python_edges(corpus, select(corpus, Filters(until="2030-01-01")))
    assert page_edges(o) != python_edges(corpus, select(corpus, Filters()))
    assert not o.errors


# ---------------------------------------------------------------- evidence


def _clear_point(corpus: Corpus, view: Selection) -> tuple[int, int, float]:
    """Return an edge and a point along it (0..1) that no other actor or edge comes near, busiest edges first."""
    import numpy as np

    xs = np.array(corpus_positions(corpus))
    pairs = np.array(list(view.edges))
    a, b = xs[pairs[:, 0]], xs[pairs[:, 1]]
    others = np.array(sorted(view.nodes))
    ts = np.linspace(0.2, 0.8, 13)
    for (s, o), _sts in sorted(view.edges.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:400]:
        if (o, s) in view.edges:
            continue  # two edges drawn on one line
        length = float(np.linalg.norm(xs[o] - xs[s]))
        if length < 60:
            continue
        points = xs[s] + ts[:, None] * (xs[o] - xs[s])                       # (t, 2)
        d = b - a                                                              # (e, 2)
        rel = points[:, None, :] - a[None, :, :]                               # (t, e, 2)
        u = np.clip((rel * d).sum(-1) / np.maximum((d * d).sum(-1), 1e-9), 0, 1)
        gap = np.linalg.norm(rel - u[..., None] * d, axis=-1)                  # (t, e)
        own = (pairs[:, 0] == s) & (pairs[:, 1] == o)
        gap[:, own] = np.inf
        node_gap = np.linalg.norm(points[:, None, :] - xs[others][None, :, :], axis=-1)
        clearance = np.minimum(gap.min(axis=1), node_gap.min(axis=1) - 40)
        best = int(clearance.argmax())
        if clearance[best] > length / 30:
            return s, o, float(ts[best])
    pytest.skip("no edge has a point clear of other actors and edges")


_POSITIONS: dict[int, list[tuple[float, float]]] = {}


def corpus_positions(corpus: Corpus) -> list[tuple[float, float]]:
    from kg.views.viz import layout_positions

    if id(corpus) not in _POSITIONS:
        _POSITIONS[id(corpus)] = layout_positions(corpus)
    return _POSITIONS[id(corpus)]


def test_clicking_an_edge_lists_every_statement_behind_it(opened: Opened, written: Page) -> None:
    corpus = written.corpus
    view = select(corpus, Filters())
    s, o, t = _clear_point(corpus, view)
    opened.js("ids => kgExplorer.network.fit({nodes: ids, animation: false})", [s, o])
    at = opened.js("([s, o, t]) => kgExplorer.pointOnEdge(s, o, t)", [corpus.actors[s].iri, corpus.actors[o].iri, t])
    box = opened.page.locator("#kg-network").bounding_box()
    opened.page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    opened.page.wait_for_selector("#kg-evidence-title")
    assert opened.js("kgExplorer.network.getSelectedEdges()") == [f"{s}>{o}"]
    title = opened.page.inner_text("#kg-evidence-title")
    assert title == f"{corpus.actors[s].label} → {corpus.actors[o].label}"
    items = opened.page.locator("#kg-evidence .kg-statement")
    sts = [corpus.statements[i] for i in view.edges[(s, o)]]
    assert items.count() == len(sts)
    shown = [items.nth(i).locator("blockquote").inner_text() for i in range(items.count())]
    assert sorted(shown) == sorted(corpus.sentences[st.sentence] for st in sts)
    metas = [items.nth(i).locator(".kg-meta").inner_text() for i in range(items.count())]
    for meta in metas:
        assert re.search(r"rule .+ · confidence \d\.\d\d$", meta), meta
    dates = [m.group(0) for meta in metas if (m := re.search(r"\d{4}-\d{2}-\d{2}", meta))]
    assert dates == sorted(dates), "statements come in date order"
    titles = {corpus.articles[st.article].title or corpus.articles[st.article].id for st in sts}
    assert all(any(t in meta for meta in metas) for t in titles)
    assert "Statements per month" in opened.page.inner_text("#kg-timeline-title")
    assert corpus.actors[s].label in opened.page.inner_text("#kg-timeline-title")


def test_evidence_links_to_the_source_when_known(browser: Any, written: Page) -> None:
    corpus = written.corpus
    with_url = [st for st in corpus.statements if corpus.articles[st.article].url and st.modality == "asserted"
                and not st.negated]
    if not with_url:
        pytest.skip(f"no article of the {written.name} store has a url")
    st = with_url[0]
    o = open_page(browser, written.path)
    o.js("([s, t]) => kgExplorer.selectEdge(s, t)", [corpus.actors[st.subject].iri, corpus.actors[st.object].iri])
    o.page.wait_for_selector("#kg-evidence .kg-statement")
    hrefs = o.page.eval_on_selector_all("#kg-evidence .kg-meta a", "as => as.map(a => a.href)")
    assert corpus.articles[st.article].url in hrefs
    assert o.page.get_attribute("#kg-evidence .kg-meta a", "rel") == "noopener noreferrer"
    assert not o.errors


def test_clicking_an_actor_lists_its_statements_in_date_order(opened: Opened, written: Page) -> None:
    corpus = written.corpus
    view = select(corpus, Filters())
    target = busiest_actor(corpus, view)
    opened.js("id => kgExplorer.network.focus(id, {scale: 1.5, animation: false})", target)
    pos = opened.js(f"kgExplorer.canvasPosition({corpus.actors[target].iri!r})")
    box = opened.page.locator("#kg-network").bounding_box()
    opened.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    opened.page.wait_for_function(f"kgExplorer.network.getSelectedNodes()[0] === {target}")
    assert opened.page.inner_text("#kg-evidence-title") == corpus.actors[target].label
    expected = [i for (s, o), sts in view.edges.items() if target in (s, o) for i in sts]
    assert f"{len(expected)} statement" in opened.page.inner_text("#kg-evidence")
    items = opened.page.locator("#kg-evidence .kg-statement")
    assert items.count() == min(len(expected), 200)
    metas = opened.page.eval_on_selector_all("#kg-evidence .kg-meta", "ms => ms.map(m => m.textContent)")
    dates = [m.group(0) for meta in metas if (m := re.search(r"\d{4}-\d{2}-\d{2}", meta))]
    assert dates == sorted(dates)


# ---------------------------------------------------------------- ego view


def test_ego_view_and_back_to_the_whole_graph(opened: Opened, written: Page) -> None:
    corpus = written.corpus
    whole = select(corpus, Filters())
    target = busiest_actor(corpus, whole)
    iri = corpus.actors[target].iri
    opened.js("id => kgExplorer.network.focus(id, {scale: 1.5, animation: false})", target)
    pos = opened.js(f"kgExplorer.canvasPosition({iri!r})")
    box = opened.page.locator("#kg-network").bounding_box()
    opened.page.mouse.dblclick(box["x"] + pos["x"], box["y"] + pos["y"])
    opened.page.wait_for_selector("#kg-ego-bar:not([hidden])")
    assert opened.page.inner_text("#kg-ego-name") == corpus.actors[target].label
    one = select(corpus, Filters(ego=iri, hops=1))
    assert sorted(opened.js("kgExplorer.visibleNodes()")) == sorted(corpus.actors[n].iri for n in one.nodes)
    assert page_edges(opened) == python_edges(corpus, one)
    # The centre sits in the middle, its neighbours on one ring around it.
    xy = opened.js("kgExplorer.network.getPositions()")
    centre = xy[str(target)]
    radii = [math.dist((centre["x"], centre["y"]), (xy[str(n)]["x"], xy[str(n)]["y"])) for n in one.rings[0]]
    assert max(radii) - min(radii) < 1e-3 * max(radii) + 0.5
    opened.page.click('#kg-evidence button[data-ego-hops="2"]')
    two = select(corpus, Filters(ego=iri, hops=2))
    assert page_edges(opened) == python_edges(corpus, two)
    assert opened.page.input_value("#kg-hops") == "2"
    opened.page.click("#kg-whole")
    assert opened.page.is_hidden("#kg-ego-bar")
    assert page_edges(opened) == python_edges(corpus, whole)


# ---------------------------------------------------------------- timeline


def test_timeline_counts_months_and_a_click_picks_one(opened: Opened, written: Page) -> None:
    corpus = written.corpus
    view = select(corpus, Filters())
    months = Counter(corpus.statements[i].date[:7] for sts in view.edges.values() for i in sts  # type: ignore[index]
                     if corpus.statements[i].date)
    bars = opened.js("""Array.from(document.querySelectorAll('#kg-timeline-chart g.kg-month')).map(g =>
                         [g.dataset.month, g.querySelector('title').textContent])""")
    page_counts = {m: int(t.split(": ")[1].split(" ")[0]) for m, t in bars}
    assert {m: c for m, c in page_counts.items() if c} == dict(months)
    busiest = max(months, key=lambda m: (months[m], m))
    opened.page.click(f'#kg-timeline-chart g[data-month="{busiest}"]')
    since = opened.page.input_value("#kg-since")
    until = opened.page.input_value("#kg-until")
    assert since == f"{busiest}-01" and until.startswith(busiest)
    expected = select(corpus, Filters(since=since, until=until))
    assert page_edges(opened) == python_edges(corpus, expected)
    assert expected.statement_count == months[busiest]


# ---------------------------------------------------------------- command-line views


def test_a_command_line_view_opens_pre_filtered(browser: Any, written: Page, tmp_path: Path) -> None:
    corpus = written.corpus
    whole = select(corpus, Filters())
    target = busiest_actor(corpus, whole)
    rels = Counter(corpus.statements[i].relation for (s, o), sts in whole.edges.items() if target in (s, o)
                   for i in sts)
    keep = sorted(r for r, _ in rels.most_common(2))
    out = tmp_path / "view.html"
    api.viz(out=out, store=written.store, ego=corpus.actors[target].iri, hops=2, relations=keep, include_modal=True)
    o = open_page(browser, out)
    f = Filters(relations=frozenset(keep), ego=corpus.actors[target].iri, hops=2,
                modalities=frozenset(MODALITIES), negated=True)
    assert page_edges(o) == python_edges(corpus, select(corpus, f))
    assert o.page.is_visible("#kg-ego-bar")
    assert o.page.inner_text("#kg-evidence-title") == corpus.actors[target].label
    for r in keep:
        assert o.page.is_checked(f'input[data-relation="{r}"]')
    others = [r for r in rels if r not in keep]
    for r in others:
        assert not o.page.is_checked(f'input[data-relation="{r}"]')
    assert not o.errors


# ---------------------------------------------------------------- edge cases (small world only)


def test_an_actor_hidden_by_the_filters_says_so_and_reset_shows_it(browser: Any, small_store: Path,
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "small.html"
    api.viz(out=out, store=small_store)
    o = open_page(browser, out)
    o.page.uncheck('input[data-type="Court"]')
    o.page.fill("#kg-search", "Southland")
    o.page.press("#kg-search", "Enter")
    o.page.wait_for_selector("#kg-evidence .kg-warn")
    assert o.page.inner_text("#kg-evidence-title") == "Southland Court"
    assert "Hidden by the current filters" in o.page.inner_text("#kg-evidence .kg-warn")
    o.page.click("#kg-evidence .kg-warn button")
    o.page.wait_for_function("kgExplorer.network.getSelectedNodes().length === 1")
    assert o.page.is_checked('input[data-type="Court"]')
    assert o.page.locator("#kg-evidence .kg-statement").count() == 1
    assert not o.errors


def test_empty_store_and_empty_view_pages(browser: Any, small_store: Path, tmp_path: Path) -> None:
    Store(tmp_path / "empty").close()
    api.viz(out=tmp_path / "empty.html", store=tmp_path / "empty")
    o = open_page(browser, tmp_path / "empty.html")
    assert o.page.is_visible("#kg-empty") and "no statements yet" in o.page.inner_text("#kg-empty")
    assert "no dated statements" in o.page.inner_text("#kg-timeline-title")
    assert not o.errors
    api.viz(out=tmp_path / "none.html", store=small_store, since="2030-01-01")
    o = open_page(browser, tmp_path / "none.html")
    assert o.js("kgExplorer.visibleEdges().length") == 0
    assert o.page.is_visible("#kg-empty") and "No statement passes the current filters" in o.page.inner_text(
        "#kg-empty")
    o.page.click("#kg-reset")
    assert o.js("kgExplorer.visibleEdges().length") > 0 and o.page.is_hidden("#kg-empty")
    assert not o.errors
