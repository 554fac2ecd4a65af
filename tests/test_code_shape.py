"""The code's shape: no import circles among the GUI modules, and no module or function
grown past the size a reader can hold (400 lines a module, 60 a function)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
GUI = SRC / "evenside" / "gui"

MODULE_LINES = 400
FUNCTION_LINES = 60
# The first migration creates the whole schema in one revision; it is never edited again.
ALLOWED = {("evenside/storage/migrations/versions/0001_initial_schema.py", "upgrade")}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _gui_imports() -> dict[str, set[str]]:
    """Each gui module and the gui modules it imports (at any depth of the file)."""
    modules = {_module_name(p): p for p in GUI.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                    base = f"{base}.{node.module}" if node.module else base
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = "done"

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    return cycles


def test_the_cycle_finder_sees_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c", "a"]]


def test_the_gui_graph_holds_the_session_page_and_its_components() -> None:
    graph = _gui_imports()
    assert "evenside.gui.session.entry" in graph["evenside.gui.pages.session"]
    assert "evenside.gui.changes" in graph["evenside.gui.undo"]


def test_no_import_circles_in_the_gui() -> None:
    assert _cycles(_gui_imports()) == []


def test_no_module_over_400_lines() -> None:
    long = {
        str(p.relative_to(SRC)): n
        for p in SRC.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MODULE_LINES
    }
    assert long == {}


def test_no_function_over_60_lines() -> None:
    long = {}
    for path in SRC.rglob("*.py"):
        where = path.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                key = (where, node.name)
                if length > FUNCTION_LINES and key not in ALLOWED:
                    long[key] = length
    assert long == {}
