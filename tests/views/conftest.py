"""Fixtures of the view tests: stores written without the spaCy model, and the headless browser.

The browser is Debian's ``chromium`` driven through Playwright; ``make test``
installs it when run as root. Without one the browser tests skip and say how
to get it, unless ``KG_REQUIRE_BROWSER=1`` (set by ``.ci/run``) turns the skip
into a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .worlds import SMALL_ACTORS, SMALL_ARTICLES, SMALL_STATEMENTS, scale_world, write_world


@pytest.fixture(scope="session")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_world(tmp_path_factory.mktemp("views-small") / "store", SMALL_ACTORS, SMALL_ARTICLES,
                       SMALL_STATEMENTS)


@pytest.fixture(scope="session")
def scale_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_world(tmp_path_factory.mktemp("views-scale") / "store", *scale_world())


# ---------------------------------------------------------------- the browser

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
INSTALL_HINT = ("install Debian's chromium (`apt-get install chromium`; `make test` does it when run as root) "
                "or point KG_CHROMIUM at a Chromium binary")


def chromium_path() -> str | None:
    """Return the Chromium binary the browser tests use, or None."""
    explicit = os.environ.get("KG_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _no_browser(reason: str) -> None:
    if os.environ.get("KG_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (KG_REQUIRE_BROWSER=1) but {reason}: {INSTALL_HINT}")
    pytest.skip(f"no headless browser, browser tests skipped: {reason}; {INSTALL_HINT}")


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _no_browser("the playwright package is not installed (run `make setup`)")
    executable = chromium_path()
    if executable is None:
        _no_browser("no chromium binary found")
    with sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS[1:], headless=True)
        except Error as exc:
            _no_browser(f"{executable} did not start ({str(exc).splitlines()[0]})")
        yield b
        b.close()


@pytest.fixture(scope="session")
def story_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .worlds import STORY_ACTORS, STORY_ARTICLES, STORY_STATEMENTS

    return write_world(tmp_path_factory.mktemp("views-story") / "store", STORY_ACTORS, STORY_ARTICLES,
                       STORY_STATEMENTS)
