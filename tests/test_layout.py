"""The package's layout: folders by layer, imports running one way (down), no import cycle.

The import graph is built from the source with :mod:`ast`: every ``import`` and ``from ... import``
naming a ``kg`` module counts, at module level, inside functions and under ``TYPE_CHECKING`` alike, so
an import moved into a function cannot hide a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"

#: The layers, bottom first. A module may import its own layer and those before it, never a later one.
LAYERS = ("kg.errors", "kg.vocabulary", "kg.sources", "kg.extraction", "kg.store", "kg.curation", "kg.views",
          "kg.ingest", "kg.interfaces", "kg.api", "kg.cli")


def modules(root: Path = KG) -> dict[str, tuple[Path, bool]]:
    """Return every module of the package under ``root``: dotted name -> (file, is a package)."""
    found = {}
    for f in sorted(root.rglob("*.py")):
        parts = list(f.relative_to(root.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (f, is_package)
    return found


def import_graph(mods: dict[str, tuple[Path, bool]]) -> dict[str, set[str]]:
    """Return module -> the package modules it imports (a name imported from a package is its submodule when
    one of that name exists)."""
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for name, (path, is_package) in mods.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".") if is_package else name.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in mods else module for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            graph[name] |= {t for t in targets if t in mods and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return one cycle through each strongly connected group of two or more modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


def layer(module: str) -> int | None:
    """Return the index in :data:`LAYERS` of the layer holding ``module`` (None for the package itself)."""
    for i, prefix in enumerate(LAYERS):
        if module == prefix or module.startswith(prefix + "."):
            return i
    return None


def test_the_graph_reader_sees_a_cycle(tmp_path: Path) -> None:
    pkg = tmp_path / "kg"
    (pkg / "a").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a" / "__init__.py").write_text("")
    (pkg / "a" / "one.py").write_text("from kg.a.two import f\n")
    (pkg / "a" / "two.py").write_text("def f():\n    from . import one  # hidden in a function\n")
    (pkg / "three.py").write_text("from kg.a import one\n")
    found = cycles(import_graph(modules(pkg)))
    assert found == [["kg.a.one", "kg.a.two"]]


def test_no_import_cycle() -> None:
    assert cycles(import_graph(modules())) == []


def test_imports_run_down_the_layers() -> None:
    mods = modules()
    unplaced = [m for m in mods if m != "kg" and layer(m) is None]
    assert not unplaced, f"modules in no layer (add them to LAYERS or move them): {unplaced}"
    upward = [(a, b) for a, targets in import_graph(mods).items() for b in sorted(targets)
              if layer(a) is not None and layer(b) is not None and layer(b) > layer(a)]  # type: ignore[operator]
    assert not upward, "imports that run up the layers: " + ", ".join(f"{a} -> {b}" for a, b in upward)


def test_top_level_holds_at_most_twelve_entries() -> None:
    entries = [p.name for p in KG.iterdir() if p.name != "__pycache__" and not p.name.endswith(".egg-info")]
    assert len(entries) <= 12, sorted(entries)


@pytest.mark.parametrize("init", sorted(KG.rglob("__init__.py")), ids=lambda p: str(p.relative_to(KG.parent)))
def test_every_package_opens_with_its_paragraph(init: Path) -> None:
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert doc and len(doc.split("\n\n")[0].split()) >= 8, f"{init}: open with a paragraph saying the package's job"
    if init.parent != KG:
        assert "import" in doc, f"{init}: say which layers the package may import"
