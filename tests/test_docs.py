"""Documentation: every command has help and is in the README; every module says what it is for."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(main.commands)


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


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_readme(name: str) -> None:
    readme = ROOT / "README.md"
    assert readme.is_file(), "README.md is missing"
    assert f"kg {name}" in readme.read_text(encoding="utf-8"), f"README.md does not mention `kg {name}`"


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
