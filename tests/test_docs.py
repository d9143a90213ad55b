"""Documentation: every command has help and is in the generated CLI reference; the README stays a front door;
every documented command line parses; example outputs come only from running the commands; every module says
what it is for.

The docs site itself is built by ``make docs`` (CI runs it); these tests need no build and nothing outside the
checkout.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shlex
import sys
from pathlib import Path
from types import ModuleType

import click
import pytest
import yaml

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(main.commands)
DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "hooks" not in p.relative_to(DOCS).parts)
GENERATED_PAGES = {"reference/ontology.md"}   # written at build time by docs/hooks/ontology.py
README_LIMIT = 8000


def test_there_are_commands() -> None:
    assert {"ingest", "extract", "query", "viz", "extractors"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name: str) -> None:
    cmd = main.commands[name]
    assert (cmd.help or "").strip(), f"`kg {name}` has no help text"
    ctx = click.Context(main)
    for param in cmd.get_params(ctx):
        if isinstance(param, click.Option) and param.name not in {"help"} and not param.is_flag:
            assert param.help or param.show_default or param.type.name == "choice", (
                f"`kg {name} {param.opts[0]}` has no help text")


def _hook(name: str) -> ModuleType:
    """Import one of the docs build hooks (docs/hooks/NAME.py), which are not part of the package."""
    module_name = f"kg_docs_hook_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, DOCS / "hooks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cli_reference() -> str:
    """The CLI reference page as HTML, rendered from the click commands the way the docs build does."""
    markdown = pytest.importorskip("markdown", reason="the CLI reference needs markdown (pip install -e '.[test]')")
    pytest.importorskip("mkdocs_click", reason="the CLI reference needs mkdocs-click (pip install -e '.[test]')")
    text = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")
    assert "::: mkdocs-click" in text and ":command: main" in text and ":list_subcommands: true" in text, (
        "docs/reference/cli.md must generate the reference from kg.cli:main with every subcommand")
    return str(markdown.markdown(text, extensions=["mkdocs-click", "attr_list", "fenced_code"]))


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_cli_reference(name: str, cli_reference: str) -> None:
    assert re.search(rf"<h\d[^>]*>\s*{re.escape(name)}\s*</h\d>", cli_reference), (
        f"`kg {name}` has no section in the generated CLI reference")
    assert (main.commands[name].help or "").strip().split("\n")[0] in cli_reference


def test_readme_is_a_front_door() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme) <= README_LIMIT, (
        f"README.md has {len(readme)} characters (at most {README_LIMIT}): move the detail into docs/")
    assert "make demo" in readme and "make test" in readme
    assert "docs/explorer.png" in readme
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", readme):
        if "://" not in target:
            assert (ROOT / target).exists(), f"README.md links to {target}, which does not exist"


def _nav_pages(nav: list) -> list[str]:
    out: list[str] = []
    for entry in nav:
        for value in (entry.values() if isinstance(entry, dict) else [entry]):
            out += _nav_pages(value) if isinstance(value, list) else [value]
    return out


def test_every_page_is_in_the_nav() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = _nav_pages(config["nav"])
    pages = {p.relative_to(DOCS).as_posix() for p in PAGES}
    assert pages | GENERATED_PAGES == set(nav), "docs/ pages and the nav of mkdocs.yml differ"
    assert "reference/cli.md" in nav and "reference/api.md" in nav


FENCE = re.compile(r"^[ \t]*```([^\n]*)\n(.*?)^[ \t]*```[ \t]*$", re.M | re.S)


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_example_outputs_are_never_written_by_hand(page: Path) -> None:
    """Console blocks (a command and what it printed) are made at build time from ```run blocks, never typed."""
    for info, body in FENCE.findall(page.read_text(encoding="utf-8")):
        words = info.split()
        assert not words or words[0] not in {"console", "shell-session", "text", "output"}, (
            f"{page.name}: a ```{info} block; show a command's output with a ```run block, which runs it")
        if words and words[0] in {"sh", "bash", "shell"}:
            assert not re.search(r"^\$ ", body, re.M), f"{page.name}: a prompt in a ```{info} block; use ```run"


def _documented_commands() -> list[tuple[str, str]]:
    """Every `kg ...` command line in README.md and the docs pages: (where, the command)."""
    commands_of = _hook("commands").commands_of
    found: list[tuple[str, str]] = []
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [("README.md", "\n".join(line[4:] for line in readme.splitlines() if line.startswith("    ")))]
    for page in PAGES:
        for info, body in FENCE.findall(page.read_text(encoding="utf-8")):
            if info.split()[:1] in (["sh"], ["run"], ["bash"]):
                blocks.append((page.relative_to(ROOT).as_posix(), body))
    for where, body in blocks:
        for command in commands_of(body):
            if command.startswith("kg "):
                found.append((where, command))
    return found


DOCUMENTED = _documented_commands()


def test_the_docs_show_commands() -> None:
    assert len(DOCUMENTED) > 30
    assert {c.split()[1] for _, c in DOCUMENTED} >= {"ingest", "query", "viz", "export", "serve", "merge", "split"}


@pytest.mark.parametrize("where,command", DOCUMENTED, ids=[f"{w}:{c[:60].rstrip()}" for w, c in DOCUMENTED])
def test_documented_command_parses(where: str, command: str) -> None:
    """A renamed command or option, or a value its choices refuse, fails here before a reader meets it."""
    args = shlex.split(command, comments=True)[1:]
    args = args[:args.index("&")] if "&" in args else args
    name, rest = args[0], args[1:]
    assert name in main.commands, f"{where}: `kg {name}` is not a command"
    cmd = main.commands[name]
    try:
        cmd.make_context(name, rest, parent=click.Context(main, info_name="kg"))
    except click.ClickException as exc:
        pytest.fail(f"{where}: `{command}` does not parse: {exc.format_message()}")


def test_run_blocks_show_what_the_commands_print(tmp_path: Path) -> None:
    hooks = _hook("commands")
    runner = hooks.Runner(base=tmp_path)
    page = "```run\nkg --version\n```\n\n```run lines=1\nkg extractors\n```\n\n```run-python\nprint(6 * 7)\n```\n"
    shown = hooks.render(page, runner, "page.md")
    assert "```console\n$ kg --version\npolicy-kg, version " in shown
    assert "$ kg extractors\nrole " in shown and "more lines)" in shown
    assert "```python\nprint(6 * 7)\n```" in shown and "42" in shown
    with pytest.raises(hooks.CommandFailed, match="exited 2"):
        hooks.render("```run\nkg no-such-command\n```\n", runner, "page.md")
    assert "$ kg no-such-command" in hooks.render("```run exit=2\nkg no-such-command\n```\n", runner, "page.md")
    assert hooks.render("```run hide\nkg --version\n```\n", runner, "page.md").strip() == ""


def test_a_command_may_span_lines() -> None:
    commands_of = _hook("commands").commands_of
    body = "kg query '\nSELECT ?s WHERE { ?s ?p ?o }' --store s\nkg stats \\\n  --store s\n\nkg extractors\n"
    assert commands_of(body) == ["kg query '\nSELECT ?s WHERE { ?s ?p ?o }' --store s", "kg stats \\\n  --store s",
                                 "kg extractors"]


def test_the_ontology_page_lists_every_class_and_relation() -> None:
    from kg.vocabulary.ontology import load_ontology

    page = _hook("ontology").render()
    onto = load_ontology()
    for name in [*onto.classes, *onto.relations]:
        assert f"`pk:{name}`" in page, f"pk:{name} is missing from the generated ontology page"
    assert "`fine`" in page and "`hit out at`" in page   # trigger words, as the Turtle writes them


def test_the_api_reference_is_generated_from_kg_api() -> None:
    import inspect

    from kg import api

    assert re.search(r"^::: kg\.api$", (DOCS / "reference" / "api.md").read_text(encoding="utf-8"), re.M)
    for name, func in inspect.getmembers(api, inspect.isfunction):
        if func.__module__ == "kg.api" and not name.startswith("_"):
            assert (func.__doc__ or "").strip(), f"kg.api.{name} has no docstring for the API reference"


@pytest.mark.parametrize("module", sorted(p.relative_to(ROOT / "kg").as_posix() for p in (ROOT / "kg").rglob("*.py")))
def test_module_has_docstring(module: str) -> None:
    tree = ast.parse((ROOT / "kg" / module).read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree)
    assert doc and doc.strip(), f"kg/{module} has no module docstring"


def test_every_kg_subpackage_ships_in_the_wheel() -> None:
    """A subpackage missing from pyproject's list installs nowhere: `pip install` would break on import."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(root).parts) for p in (root / "kg").rglob("*/__init__.py")}
    assert found <= listed, f"add {sorted(found - listed)} to [tool.setuptools] packages"


def test_getting_started_runs_what_make_demo_runs() -> None:
    """The demo page shows the output of the very commands `make demo` runs."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^demo:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe, "no demo target in the Makefile"
    demo = [line.strip().replace("$(BIN)/", "") for line in recipe.group(1).splitlines()]
    page = (DOCS / "getting-started.md").read_text(encoding="utf-8")
    shown = [c for info, body in FENCE.findall(page) if info.split()[:1] == ["run"]
             for c in _hook("commands").commands_of(body)]
    assert demo == [c for c in shown if c in demo][:len(demo)], (
        f"docs/getting-started.md should run the commands of `make demo` in order: {demo}")
