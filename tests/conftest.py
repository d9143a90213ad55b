"""Shared fixtures: small articles written for these tests, and helpers to write files under tmp_path.

Every sentence here was written for this test suite. Tests that need the
spaCy model are marked ``@pytest.mark.model``; the model is installed by
``make setup``.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

try:  # hypothesis keeps caches in ./.hypothesis by default: tests never write into the working directory
    import tempfile

    from hypothesis.configuration import set_hypothesis_home_dir

    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "policy-kg-hypothesis")
except ImportError:  # pragma: no cover - hypothesis comes with the test extras
    pass

# The tests read this checkout's ontology: an editable install made from another checkout of the repository
# (a git worktree sharing its virtual environment) maps the package data kg.ontology_data to that checkout's
# files, and its ontology may lag the code under test here. In the checkout installed, both are the same folder.
os.environ.setdefault("KG_ONTOLOGY", str(Path(__file__).resolve().parent.parent / "ontology"))

#: Own articles, tech-policy flavoured, short enough to parse in milliseconds.
ARTICLES: dict[str, str] = {
    "ofcom-fines-acme-social.txt": (
        "date 2026-01-12\n"
        "\n"
        "Ofcom fines Acme Social over age checks\n"
        "\n"
        "Ofcom fined Acme Social £2m on Monday for failing to check the ages of its users.\n"
        "\n"
        "The regulator also opened an investigation into Zeta Chat, a messaging app popular with teenagers.\n"
        "\n"
        "Acme Social criticised Ofcom and said it would appeal.\n"
    ),
    "zuckerberg-meets-starmer.txt": (
        "date 2026-02-02\n"
        "\n"
        "Meta's chief executive Mark Zuckerberg met Keir Starmer in London on Tuesday.\n"
        "\n"
        "The European Commission sued Meta over its advertising model.\n"
    ),
    "commission-fines-apple.md": (
        "---\n"
        "title: Brussels fines Apple over app store rules\n"
        "date: 2026-03-04\n"
        "source: Example Policy Wire\n"
        "url: https://example.org/policy/commission-fines-apple\n"
        "---\n"
        "\n"
        "The European Commission fined Apple on Wednesday.\n"
        "\n"
        "Apple criticised the European Commission and said it would appeal.\n"
    ),
}

#: The article ``article_file`` writes.
SAMPLE_NAME = "ofcom-fines-acme-social.txt"


@pytest.fixture(scope="session")
def sample_articles() -> dict[str, str]:
    """Return the own test articles, file name -> text."""
    return dict(ARTICLES)


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Return a function writing text (UTF-8) or bytes to ``tmp_path / name`` and returning the path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture
def article_file(write_file: Callable[[str, str | bytes], Path]) -> Path:
    """Write one small tech-policy article of the suite's own sentences and return its path."""
    return write_file(SAMPLE_NAME, ARTICLES[SAMPLE_NAME])


def write_articles(folder: Path, *, bad: bool = True) -> Path:
    """Write the own articles (and, with ``bad``, a binary and an empty file) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    if bad:
        (folder / "scan.txt").write_bytes(b"%PDF-1.4\x00\x01\x02\x03 not text")
        (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def articles_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder (one per test module) holding the three own articles plus a binary and an empty file."""
    return write_articles(tmp_path_factory.mktemp("articles"))


# ---------------------------------------------------------------- servers the tests start


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_http(url: str, proc, seconds: float = 30.0) -> None:  # noqa: ANN001 - a Popen
    """Wait until ``url`` answers (any HTTP status), failing early if ``proc`` died."""
    import time
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def oxigraph_binary() -> str:
    """Return the `oxigraph` server binary installed by the `oxigraph` PyPI package (a test dependency)."""
    import shutil
    import sys

    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the `oxigraph` server binary is missing: run `make setup` (it installs the oxigraph package)")
    return found


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - yields the query endpoint URL
    """Start `oxigraph serve` (union default graph) on a free port; yield its query endpoint URL."""
    import subprocess

    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", proc)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def clear_oxigraph(endpoint: str) -> None:
    """Remove every graph from the test Oxigraph server behind ``endpoint``."""
    import urllib.request

    url = endpoint.rsplit("/", 1)[0] + "/update"
    req = urllib.request.Request(url, data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(req, timeout=10).close()


# Two small article graphs for the store tests.
G1 = "https://policy-kg.org/article/one"
G2 = "https://policy-kg.org/article/two"
NT_A = ("<https://policy-kg.org/id/ofcom> <https://policy-kg.org/ns#fines> <https://policy-kg.org/id/acme-social> .\n"
        "<https://policy-kg.org/id/ofcom> <http://www.w3.org/2000/01/rdf-schema#label> \"Ofcom\" .\n")
NT_B = ("<https://policy-kg.org/id/acme-social> <https://policy-kg.org/ns#criticises> "
        "<https://policy-kg.org/id/ofcom> .\n")


def default_sigint() -> None:
    """Give a child process the default Ctrl-C (``preexec_fn``): a suite run as a background job of a shell
    starts with SIGINT ignored, every child inherits that, and Python then never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
