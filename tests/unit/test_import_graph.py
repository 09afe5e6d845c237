"""The modules of automl_sdk import each other without a cycle (one owner per concern).

Every import a module makes when it runs counts: at module level and inside functions, except
those under ``if TYPE_CHECKING:``, which only type checkers follow. ``from package import name``
reaches the submodule ``package.name`` when there is one, else the package. A cycle means two
modules each own part of the other's concern, so it fails the suite with the cycle spelled out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import automl_sdk

PACKAGE_DIR = Path(automl_sdk.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_type_checking_block(node: ast.AST) -> bool:
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(
    tree: ast.AST, module: str, is_package: bool, modules: frozenset[str] = frozenset()
) -> set[str]:
    """The modules ``tree`` imports when it runs; ``modules`` are the ones that exist, so that
    ``from package import submodule`` names the submodule and not its package."""
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        for child in ast.iter_child_nodes(node):
            if is_type_checking_block(child):
                stack.extend(child.orelse)  # type: ignore[attr-defined]
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = resolve(child, module, is_package)
                for alias in child.names:
                    submodule = f"{base}.{alias.name}"
                    found.add(submodule if submodule in modules else base)
            stack.append(child)
    return found


def resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    anchor = parts if is_package else parts[:-1]
    anchor = anchor[: len(anchor) - (node.level - 1)]
    return ".".join([*anchor, *([node.module] if node.module else [])])


def import_graph() -> dict[str, set[str]]:
    paths = {module_name(path): path for path in PACKAGE_DIR.rglob("*.py")}
    modules = frozenset(paths)
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text("utf-8"))
        targets = runtime_imports(tree, name, path.name == "__init__.py", modules)
        graph[name] = {target for target in targets if target in modules and target != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a path that ends where it starts, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_find_cycle_reports_a_cycle_it_is_given() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_type_checking_imports_and_relative_imports_are_resolved() -> None:
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from automl_sdk import client\n"
        "from . import _finding\n"
        "from .formatters import FileReport\n"
        "def f():\n    from ..migrate import _request\n"
    )
    modules = frozenset({"automl_sdk.lint._finding", "automl_sdk.migrate._request"})
    found = runtime_imports(tree, "automl_sdk.lint", is_package=True, modules=modules)
    assert found == {
        "typing",
        "automl_sdk.lint._finding",
        "automl_sdk.lint.formatters",
        "automl_sdk.migrate._request",
    }


def test_automl_sdk_modules_import_each_other_without_a_cycle() -> None:
    assert find_cycle(import_graph()) is None
