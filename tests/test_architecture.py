"""The headless core never imports Textual, the CLI starts without heavy imports, and the house stays small:
no module over 300 lines, no class over 25 methods (issue 9)."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path

import pytest

import bilingual_reader

SRC = Path(bilingual_reader.__file__).parent
MAX_MODULE_LINES = 300
MAX_CLASS_METHODS = 25

CORE_MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(bilingual_reader.__path__, "bilingual_reader.")
    if not m.name.startswith("bilingual_reader.tui")
)


def _imported_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_core_list_is_not_empty() -> None:
    assert "bilingual_reader.documents.articles" in CORE_MODULES
    assert "bilingual_reader.lookup" in CORE_MODULES


def test_core_modules_never_import_textual() -> None:
    imports = "\n".join(f"import {name}" for name in CORE_MODULES)
    loaded = _imported_after(imports)
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


def test_cli_entry_point_and_the_review_store_import_nothing_heavy() -> None:
    # The review store is opened by every ``check``: through sqlite-utils it imported numpy and scanned the
    # installed packages for plugins, half of a short check's CPU.
    loaded = _imported_after("import bilingual_reader.cli\nimport bilingual_reader.qa.dismissals")
    heavy = {"textual", "ctranslate2", "sentencepiece", "pythainlp", "argostranslate", "sqlite_utils"}
    assert not heavy & {m.split(".")[0] for m in loaded}


# The house stays small ----------------------------------------------------------------------------------

#: (module, class name) -> the class's definition.
Classes = dict[tuple[str, str], ast.ClassDef]


def _module_name(path: Path, root: Path) -> str:
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _parse(sources: dict[str, str]) -> tuple[Classes, dict[str, dict[str, str]]]:
    """Every class of ``sources`` (module -> text), and each module's names bound to our things by ``from
    … import`` (name -> "module.Name")."""
    classes: Classes = {}
    imports: dict[str, dict[str, str]] = {}
    for module, text in sources.items():
        tree = ast.parse(text)
        names = imports.setdefault(module, {})
        for node in _statements(tree):
            if isinstance(node, ast.ClassDef):
                classes[module, node.name] = node
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return classes, imports


def _statements(tree: ast.Module) -> Iterator[ast.AST]:
    """``ast.walk(tree)`` without the expressions (no class or import is an expression or inside one): the
    statements in the order ``ast.walk`` gives them (breadth first, fields in order; handlers and match
    cases, which hold statements, too). A third of ``ast.walk``'s nodes, ~0.3 CPU-s fewer over the source."""
    todo = deque([tree])
    while todo:
        node = todo.popleft()
        yield node
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list) and value and isinstance(value[0], _HOLDERS):
                todo.extend(value)


_HOLDERS = (ast.stmt, ast.excepthandler, ast.match_case)


def _base(
    module: str, base: ast.expr, classes: Classes, imports: dict[str, dict[str, str]]
) -> tuple[str, str] | None:
    """The (module, class) of one of ``module``'s base-class expressions, if it is one of ours."""
    if isinstance(base, ast.Subscript):  # Generic[T], Screen[None]
        base = base.value
    if isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name):  # module.Class
        home = imports[module].get(base.value.id)
        return (home, base.attr) if home is not None and (home, base.attr) in classes else None
    if not isinstance(base, ast.Name):
        return None
    if (module, base.id) in classes:
        return module, base.id
    target = imports[module].get(base.id)
    if target is None:
        return None
    home, _, name = target.rpartition(".")
    return (home, name) if (home, name) in classes else None


def method_counts(sources: dict[str, str]) -> dict[str, int]:
    """Each class's methods and properties ("module.Class" -> count): the names defined in its body and in
    the bodies of its base classes that are ours (mixins included), each name once."""
    classes, imports = _parse(sources)

    def names(key: tuple[str, str], seen: frozenset[tuple[str, str]]) -> set[str]:
        node = classes[key]
        found = {n.name for n in node.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
        for expr in node.bases:
            base = _base(key[0], expr, classes, imports)
            if base is not None and base not in seen:
                found |= names(base, seen | {base})
        return found

    return {
        f"{module}.{name}": len(names((module, name), frozenset({(module, name)})))
        for module, name in classes
    }


def _sources() -> dict[str, str]:
    return {_module_name(path, SRC): path.read_text(encoding="utf-8") for path in sorted(SRC.rglob("*.py"))}


METHOD_CASES = [
    ("class A:\n    def f(self): ...\n    @property\n    def g(self): ...\n", {"m.A": 2}),
    ("class A:\n    def f(self):\n        def inner(): ...\n", {"m.A": 1}),
    ("class M:\n    def f(self): ...\nclass A(M):\n    def g(self): ...\n", {"m.M": 1, "m.A": 2}),
    ("class M:\n    def f(self): ...\nclass A(M):\n    def f(self): ...\n", {"m.M": 1, "m.A": 1}),
    ("from textual.widget import Widget\nclass A(Widget):\n    def f(self): ...\n", {"m.A": 1}),
    ("class G(Generic[T]):\n    async def f(self): ...\nclass A(G[int]):\n    pass\n", {"m.G": 1, "m.A": 1}),
]


@pytest.mark.parametrize(("source", "expected"), METHOD_CASES)
def test_method_counts_take_in_our_base_classes_only(source: str, expected: dict[str, int]) -> None:
    assert method_counts({"m": source}) == expected


def test_method_counts_follow_imports_of_our_mixins() -> None:
    sources = {"p.mixin": "class Keys:\n    def a(self): ...\n    def b(self): ...\n"}
    sources["p.screen"] = "from p.mixin import Keys\nclass Screen(Keys):\n    def c(self): ...\n"
    assert method_counts(sources) == {"p.mixin.Keys": 2, "p.screen.Screen": 3}
    sources["p.screen"] = "from p import mixin\nclass Screen(mixin.Keys):\n    def c(self): ...\n"
    assert method_counts(sources) == {"p.mixin.Keys": 2, "p.screen.Screen": 3}


def test_no_class_has_more_than_25_methods() -> None:
    counts = method_counts(_sources())
    assert "bilingual_reader.tui.reader.article_view.ArticleView" in counts
    assert {name: n for name, n in counts.items() if n > MAX_CLASS_METHODS} == {}


def test_no_module_is_longer_than_300_lines() -> None:
    lines = {module: len(text.splitlines()) for module, text in _sources().items()}
    assert "bilingual_reader.tui.reader.article_view" in lines
    assert {module: n for module, n in lines.items() if n > MAX_MODULE_LINES} == {}
