"""MkDocs hook: run the commands the pages show, and print their real output under them.

A fenced block whose info string starts with ``run`` holds command lines
(``kg ...``, one a line; a line ending in a backslash, or with a quotation
still open, goes on); at build time
each runs in the page's workspace and the block becomes a console block with
each command and what it printed (standard output and error, as a terminal
shows them). A ``run-python`` block holds a Python script: it is shown as
written, then run, and its output shown below it. Words after ``run`` or
``run-python``:

- ``hide``: run the block but show nothing (a set-up step the page has
  already shown or does not need to);
- ``lines=N``: show the first N lines of each output and say how many
  more there were;
- ``exit=N``: the exit code the block's last command is expected to end
  with (default 0; the commands before it must succeed). Any other code
  stops the build, so a documented command that stops working
  cannot go unnoticed;
- ``markdown`` (``run-python`` only): the script prints Markdown (a table
  made from what the commands or the library return), which is put in the
  page in place of the block.

Every page gets its own workspace, an empty temporary folder holding
``examples`` (a link to the checkout's), so a page's commands run as a
reader's would in a fresh checkout, top to bottom. The demo's ingest
(``kg ingest examples/articles --store demo/store``) parses the articles
once per build: later pages that run it get a copy of that store, with the
output it printed.
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.hooks.commands")

ROOT = Path(__file__).resolve().parents[2]
DEMO_INGEST = "kg ingest examples/articles --store demo/store"
FENCE = re.compile(r"^```(run-python|run)(?![\w-])([^\n]*)\n(.*?)^```[ \t]*$", re.M | re.S)
TIMEOUT = 900


class CommandFailed(Exception):
    """A documented command ended with another exit code than the page expects."""


@dataclass
class Options:
    hide: bool = False
    lines: int | None = None
    exit: int = 0
    markdown: bool = False

    @classmethod
    def parse(cls, words: str) -> Options:
        opts = cls()
        for word in words.split():
            key, _, value = word.partition("=")
            if key == "hide":
                opts.hide = True
            elif key == "lines":
                opts.lines = int(value)
            elif key == "exit":
                opts.exit = int(value)
            elif key == "markdown":
                opts.markdown = True
            else:
                raise ValueError(f"unknown run option {word!r} (hide, lines=N, exit=N, markdown)")
        return opts


@dataclass
class Runner:
    """Runs the commands of every page of one build, each page in a workspace of its own."""

    bin_dir: Path = field(default_factory=lambda: Path(sys.executable).parent)
    base: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="kg-docs-")))
    demo_output: str | None = None
    demo_dir: Path | None = None
    runs: int = 0

    def workspace(self, name: str) -> Path:
        """Return a new empty workspace holding ``examples``."""
        slug = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-") or "page"
        path = self.base / slug
        n = 1
        while path.exists():
            n += 1
            path = self.base / f"{slug}-{n}"
        path.mkdir(parents=True)
        (path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
        return path

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
        env["PATH"] = f"{self.bin_dir}{os.pathsep}{env.get('PATH', '')}"
        env.update({"KG_USER": "researcher", "TZ": "UTC", "COLUMNS": "120", "NO_COLOR": "1",
                    "PYTHONUNBUFFERED": "1"})
        return env

    def run(self, command: str, cwd: Path) -> tuple[int, str]:
        """Run one command line in ``cwd``; return its exit code and what it printed."""
        if command == DEMO_INGEST and not (cwd / "demo" / "store").exists():
            if self.demo_output is None or self.demo_dir is None:
                self.demo_dir = self.workspace("demo-ingest")
                code, out = self._run(command, self.demo_dir)
                if code:
                    return code, out
                self.demo_output = out
            shutil.copytree(self.demo_dir / "demo", cwd / "demo", dirs_exist_ok=True)
            return 0, self.demo_output
        return self._run(command, cwd)

    def _run(self, command: str, cwd: Path) -> tuple[int, str]:
        self.runs += 1
        done = subprocess.run(["bash", "-c", command], cwd=cwd, env=self.env(), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True, timeout=TIMEOUT)
        return done.returncode, done.stdout.replace(f"{cwd}/", "").replace(str(cwd), ".")

    def close(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)


def commands_of(body: str) -> list[str]:
    """Return the commands of a ``run`` block: a line, or several when a line ends in a backslash or a
    quotation (a multi-line SPARQL query) is still open."""
    out: list[str] = []
    lines: list[str] = []
    for line in body.splitlines():
        if not line.strip() and not lines:
            continue
        lines.append(line.rstrip())
        text = "\n".join(lines)
        if text.endswith("\\"):
            continue
        try:
            shlex.split(text)
        except ValueError:   # an open quotation: the command goes on
            continue
        out.append(text.strip())
        lines = []
    if lines:
        out.append("\n".join(lines).strip())
    return out


def _shown(output: str, lines: int | None) -> str:
    text = output.rstrip("\n")
    if lines is None:
        return text
    all_lines = text.splitlines()
    if len(all_lines) <= lines:
        return text
    more = len(all_lines) - lines
    return "\n".join([*all_lines[:lines], f"... ({more} more line{'s' if more > 1 else ''})"])




def render(markdown: str, runner: Runner, page: str) -> str:
    """Return ``markdown`` with every ``run`` and ``run-python`` block replaced by what it shows."""
    if not FENCE.search(markdown):
        return markdown
    cwd = runner.workspace(page)

    def replace(match: re.Match[str]) -> str:
        kind, opts, body = match.group(1), Options.parse(match.group(2)), match.group(3)
        if kind == "run-python":
            script = cwd / f"snippet-{runner.runs}.py"
            script.write_text(body, encoding="utf-8")
            code, output = runner.run(f"python {script.name}", cwd)
            script.unlink()
            if code != opts.exit:
                raise CommandFailed(f"{page}: a run-python block exited {code} (expected {opts.exit}); "
                                    f"it printed:\n{output}")
            if opts.hide:
                return ""
            if opts.markdown:
                return output
            shown = f"```python\n{body}```\n"
            if output.strip():
                shown += f'\n```text title="output"\n{_shown(output, opts.lines)}\n```\n'
            return shown
        parts = []
        commands = commands_of(body)
        for n, command in enumerate(commands):
            code, output = runner.run(command, cwd)
            expected = opts.exit if n == len(commands) - 1 else 0
            if code != expected:
                raise CommandFailed(f"{page}: `{command}` exited {code} (expected {expected}); it printed:\n{output}")
            parts.append(f"$ {command}" + (f"\n{_shown(output, opts.lines)}" if output.strip() else ""))
        return "" if opts.hide else "```console\n" + "\n".join(parts) + "\n```"

    return FENCE.sub(replace, markdown)


# ---------------------------------------------------------------- the MkDocs side

_runner: Runner | None = None


def on_pre_build(config: Any) -> None:
    global _runner
    _runner = Runner()


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    from mkdocs.exceptions import PluginError

    assert _runner is not None
    start, runs = time.perf_counter(), _runner.runs
    try:
        shown = render(markdown, _runner, page.file.src_uri)
    except (CommandFailed, ValueError, subprocess.TimeoutExpired) as exc:
        raise PluginError(str(exc)) from exc
    if _runner.runs > runs:
        log.info("%s: ran %d command(s) in %.1fs", page.file.src_uri, _runner.runs - runs,
                 time.perf_counter() - start)
    return shown


def on_post_build(config: Any) -> None:
    global _runner
    if _runner is not None:
        _runner.close()
        _runner = None


def on_build_error(error: Exception) -> None:
    on_post_build(None)
