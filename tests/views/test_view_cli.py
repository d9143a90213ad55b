"""``kg viz`` end to end without a browser: the page's contents, the pre-filtered views, pictures, output errors."""

from __future__ import annotations

import errno
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from kg.cli import main
from kg.store.embedded import Store
from kg.views import output
from kg.views.explore import Filters, read_corpus, select
from kg.vocabulary.namespace import PKID

from .worlds import SMALL_STATEMENTS


def kg(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def ok(result: Result) -> Result:
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    return result


def failed(result: Result) -> str:
    """Return the message of a run that must fail cleanly: non-zero exit, no traceback."""
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.output


def page_json(page: str) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    assert m, "no data block in the page"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def small_page(small_store: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, str]:
    out = tmp_path_factory.mktemp("page") / "sub" / "graph.html"
    result = ok(kg("viz", "--store", small_store, "--out", out))
    return result, out.read_text(encoding="utf-8")


def test_viz_reports_what_it_wrote(small_page: tuple[Result, str]) -> None:
    result, _ = small_page
    shown = len(SMALL_STATEMENTS) - 2  # hedged and negated are hidden by default
    assert re.match(rf"wrote .*graph\.html: 11 actors, 13 relations \({shown} of {len(SMALL_STATEMENTS)} statements",
                    result.stdout), result.stdout


def test_page_is_self_contained(small_page: tuple[Result, str]) -> None:
    _, page = small_page
    assert "vis-network" in page and "new vis.Network(" in page
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", page, re.IGNORECASE), (
        "the page must load nothing: every script and style is inlined")
    assert not re.search(r"@import|url\(\s*['\"]?https?:", page)
    assert page.count("</script>") == 3  # data, vis-network, the explorer


def test_page_holds_every_statement_with_its_evidence(small_page: tuple[Result, str], small_store: Path) -> None:
    _, page = small_page
    data = page_json(page)
    assert len(data["st"]["s"]) == len(SMALL_STATEMENTS)
    assert {data["sentences"][e] for e in data["st"]["e"]} == {s.sentence for s in SMALL_STATEMENTS}
    rel_names = [r["name"] for r in data["relations"]]
    assert [data["groups"][r["group"]]["name"] for r in data["relations"] if r["name"] == "fines"] == ["enforcement"]
    with Store(small_store, read_only=True) as st:
        rows = st.query("SELECT ?p ?e ?c WHERE { ?x a pk:Statement ; rdf:predicate ?p ; pk:evidence ?e ; "
                        "pk:confidence ?c }").rows
    page_rows = {(rel_names[r], data["sentences"][e], c)
                 for r, e, c in zip(data["st"]["r"], data["st"]["e"], data["st"]["c"], strict=True)}
    assert page_rows == {(p.rsplit("#", 1)[1], e, float(c)) for p, e, c in rows}
    url = "https://example.org/news/nda-fines-acme"
    assert url in data["articles"]["url"]
    assert "Example Policy Wire" in data["articles"]["source"]
    nda = data["nodes"]["iri"].index(str(PKID["northland-data-authority"]))
    assert set(data["nodes"]["aliases"][nda]) == {"NDA", "the Authority"}
    assert (data["dateMin"], data["dateMax"]) == ("2024-01-15", "2025-03-11")


def test_page_is_the_same_for_the_same_store(small_store: Path, tmp_path: Path,
                                             small_page: tuple[Result, str]) -> None:
    ok(kg("viz", "--store", small_store, "--out", tmp_path / "again.html"))
    assert (tmp_path / "again.html").read_text(encoding="utf-8") == small_page[1]


def test_text_from_articles_cannot_close_the_script(tmp_path: Path) -> None:
    from .worlds import A, Art, S, write_world

    evil = 'A regulator wrote "</script><script>alert(1)</script>" in its notice <!-- and more.'
    store = write_world(tmp_path / "store", [A("r", "Reg </script>", "Regulator"), A("c", "Co", "Company")],
                        [Art("x", "T </script>", "2024-01-01")], [S("x", "r", "fines", "c", evil)])
    ok(kg("viz", "--store", store, "--out", tmp_path / "p.html"))
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert page.lower().count("</script") == 3
    assert evil in page_json(page)["sentences"]


def test_filters_become_the_opening_view(small_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = ok(kg("viz", "--store", small_store, "--out", out, "--ego", "Jane Roe", "--hops", "2",
                   "--relation", "stance,leads", "--relation", "opposes", "--type", "Person,Company,Regulator",
                   "--since", "2024-01", "--until", "2024", "--min-articles", "1", "--min-confidence", "0.7"))
    initial = page_json(out.read_text(encoding="utf-8"))["initial"]
    assert initial["ego"] == str(PKID["jane-roe"]) and initial["hops"] == 2
    assert "leads" in initial["relations"] and "criticises" in initial["relations"]
    assert "fines" not in initial["relations"]
    assert sorted(initial["types"]) == ["Company", "Person", "Regulator"]
    assert (initial["since"], initial["until"], initial["minConfidence"]) == ("2024-01-01", "2024-12-31", 0.7)
    assert initial["modalities"] == ["asserted"] and initial["negated"] is False
    with Store(small_store, read_only=True) as st:
        corpus = read_corpus(st)
    f = Filters(relations=frozenset(initial["relations"]), types=frozenset(initial["types"]), since="2024-01-01",
                until="2024-12-31", min_confidence=0.7, ego=str(PKID["jane-roe"]), hops=2)
    view = select(corpus, f)
    assert f"{len(view.nodes)} actors, {len(view.edges)} relations" in result.stdout


def test_include_modal_opens_with_every_modality(small_store: Path, tmp_path: Path) -> None:
    ok(kg("viz", "--store", small_store, "--out", tmp_path / "m.html", "--include-modal"))
    initial = page_json((tmp_path / "m.html").read_text(encoding="utf-8"))["initial"]
    assert initial["negated"] is True and set(initial["modalities"]) == {"asserted", "conditional", "hedged",
                                                                         "intended"}


@pytest.mark.parametrize(("args", "message"), [
    (["--ego", "Nobody Known"], "no actor named 'Nobody Known'"),
    (["--ego", "Jane Roo"], "did you mean 'Jane Roe'"),
    (["--ego", "Quill"], "'Quill' names 2 actors"),
    (["--relation", "fnies"], "unknown relation 'fnies' (did you mean 'fines'?)"),
    (["--type", "Regulators"], "unknown actor type 'Regulators'"),
    (["--since", "last year"], "'last year' is not a date"),
    (["--since", "2025-01-01", "--until", "2024-01-01"], "swap them"),
    (["--hops", "5"], "5 is not in the range 1<=x<=3"),
    (["--min-articles", "0"], "0 is not in the range x>=1"),
])
def test_bad_view_options_name_the_problem(small_store: Path, tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "g.html"
    assert message in failed(kg("viz", "--store", small_store, "--out", out, *args))
    assert not out.exists()


def test_ego_with_nothing_left_warns(small_store: Path, tmp_path: Path) -> None:
    result = ok(kg("viz", "--store", small_store, "--out", tmp_path / "g.html", "--ego", "Jane Roe",
                   "--relation", "bans"))
    assert "1 actors, 0 relations" in result.stdout
    assert "warning: Jane Roe has no statement that passes the filters" in result.stderr


def test_empty_store_gives_a_page_that_says_so(tmp_path: Path) -> None:
    Store(tmp_path / "empty").close()
    result = ok(kg("viz", "--store", tmp_path / "empty", "--out", tmp_path / "g.html"))
    assert "0 actors" in result.stdout and "run `kg ingest` first" in result.stderr
    assert "The store has no statements yet" in (tmp_path / "g.html").read_text(encoding="utf-8")


def test_missing_store_says_ingest_first(tmp_path: Path) -> None:
    assert "kg ingest" in failed(kg("viz", "--store", tmp_path / "none", "--out", tmp_path / "g.html"))


# ---------------------------------------------------------------- pictures


def test_png_picture(small_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.png"
    result = ok(kg("viz", "--store", small_store, "--out", out))
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width > 1000 and height > 800
    assert "wrote" in result.stdout


def test_svg_picture_shows_the_same_filtered_view(small_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "fines.svg"
    ok(kg("viz", "--store", small_store, "--out", out, "--relation", "fines,bans", "--title", "Enforcement"))
    root = ET.fromstring(out.read_bytes())
    assert root.tag.endswith("svg")
    text = " ".join(t for t in root.itertext())
    assert "Enforcement" in text and "4 actors, 2 edges, 4 statements" in text and "relations: bans, fines" in text
    for shown in ("Northland Data Authority", "Acme Social", "Northland Government", "Orbit Assistant"):
        assert shown in text
    assert "Jane Roe" not in text and "Zeta Chat" not in text


def test_format_option_wins_over_the_file_ending(small_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "picture.out"
    ok(kg("viz", "--store", small_store, "--out", out, "--format", "svg", "--ego", "NDA"))
    assert out.read_bytes().lstrip().startswith(b"<?xml")
    assert "neighbourhood of Northland Data Authority" in out.read_text(encoding="utf-8")


def test_svg_is_reproducible(small_store: Path, tmp_path: Path) -> None:
    ok(kg("viz", "--store", small_store, "--out", tmp_path / "a.svg"))
    ok(kg("viz", "--store", small_store, "--out", tmp_path / "b.svg"))
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


# ---------------------------------------------------------------- output errors


def test_out_under_a_file_is_a_clear_error(small_store: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("a file\n", encoding="utf-8")
    message = failed(kg("viz", "--store", small_store, "--out", tmp_path / "notes.txt" / "deeper" / "g.html"))
    assert f"{tmp_path / 'notes.txt'} is a file, not a folder" in message


def test_out_is_a_folder(small_store: Path, tmp_path: Path) -> None:
    assert "is a directory" in failed(kg("viz", "--store", small_store, "--out", tmp_path))


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux) to simulate a full disk")
def test_full_disk_is_a_clear_error(small_store: Path) -> None:
    message = failed(kg("viz", "--store", small_store, "--out", "/dev/full"))
    assert "cannot write /dev/full" in message and "is full" in message


def test_full_disk_leaves_the_previous_page_whole(small_store: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "graph.html"
    out.write_text("the previous page\n", encoding="utf-8")
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def write(self, data: bytes) -> int:
            self.fh.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    message = failed(kg("viz", "--store", small_store, "--out", out))
    assert "is full" in message and "free some space" in message
    assert out.read_text(encoding="utf-8") == "the previous page\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"], "no partial file is left behind"


def test_read_only_folder_is_a_clear_error(small_store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        probe = folder / "probe"
        try:
            probe.write_text("x")
        except PermissionError:
            pass
        else:
            probe.unlink()
            pytest.skip("running as root: file permissions do not stop writes (test_permission_error_message "
                        "covers the message)")
        message = failed(kg("viz", "--store", small_store, "--out", folder / "g.html"))
        assert "no permission to write" in message and "--out" in message
    finally:
        folder.chmod(0o700)


def test_permission_error_message(small_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: object, **_kw: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(output.tempfile, "mkstemp", refuse)
    message = failed(kg("viz", "--store", small_store, "--out", tmp_path / "g.html"))
    assert f"cannot write {tmp_path / 'g.html'}: no permission to write in {tmp_path}" in message


def test_read_only_file_system_is_a_clear_error(small_store: Path) -> None:
    if not os.path.isdir("/proc/self"):
        pytest.skip("needs /proc")
    message = failed(kg("viz", "--store", small_store, "--out", "/proc/self/kg-graph.html"))
    assert "cannot write /proc/self/kg-graph.html" in message


def test_a_folder_no_one_may_write_is_a_clear_error(small_store: Path) -> None:
    """sysfs refuses new files to every user, root included: a real unwritable folder."""
    if not os.path.isdir("/sys/kernel"):
        pytest.skip("needs Linux's /sys")
    message = failed(kg("viz", "--store", small_store, "--out", "/sys/kernel/kg-graph.html"))
    assert "cannot write /sys/kernel/kg-graph.html" in message and "--out" in message
    assert not os.path.exists("/sys/kernel/kg-graph.html")
