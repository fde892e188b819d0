"""The package's modules import each other without circles: each module can be read after the
ones it imports. Imports inside functions (loaded on first use) and under ``TYPE_CHECKING``
(annotations only) are not edges."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsclean"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _top_level_imports(path: Path, modules: set[str]) -> set[str]:
    """Package modules ``path`` imports when it is loaded."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for sub in ast.walk(node):
            if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                break
            if isinstance(sub, ast.ImportFrom):
                base = package
                for _ in range(sub.level - 1):
                    base = base.rpartition(".")[0]
                target = (f"{base}.{sub.module}" if sub.module else base) if sub.level else (sub.module or "")
                candidates = [target] + [f"{target}.{alias.name}" for alias in sub.names]
                found.update(c for c in candidates if c in modules)
            elif isinstance(sub, ast.Import):
                found.update(alias.name for alias in sub.names if alias.name in modules)
    found.discard(name)
    return found


def _graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(p) for p in paths}
    return {_module_name(p): _top_level_imports(p, modules) for p in paths}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_module_graph_has_no_circle() -> None:
    graph = _graph()
    assert "newsclean.textshape" in graph and "newsclean.document" in graph["newsclean.result"]
    cycle = _cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def test_textshape_is_a_leaf_and_normalize_needs_no_document() -> None:
    graph = _graph()
    assert graph["newsclean.textshape"] <= {"newsclean._core"}  # the compiled core is a leaf too
    # fenced code, and the side-by-side columns of layout text (a leaf as well)
    assert graph["newsclean.normalize"] <= {"newsclean._core", "newsclean.textshape", "newsclean.columns"}
    assert graph["newsclean.columns"] == set()
    assert "newsclean.result" not in graph["newsclean.inputs"]


def test_a_circle_is_found() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
