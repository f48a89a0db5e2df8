"""The direction of imports: the core (ratios, statements, company, bank, forecast, money, errors, fileio)
imports nothing of the faces (workbook, excel, cli); the Excel face imports nothing of the CLI."""

import ast
import re

import pytest

from tests.conftest import ROOT

CORE = ["ratios.py", "ratio_args.py", "statements", "company.py", "money.py", "errors.py", "fileio.py", "bank", "forecast",
        "imports"]
FACES = ("xlcapital.workbook", "xlcapital.excel", "xlcapital.udfs", "xlcapital.cli", "xlwings", "xlsxwriter")


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def _core_files():
    for name in CORE:
        target = ROOT / "xlcapital" / name
        yield from (sorted(target.rglob("*.py")) if target.is_dir() else [target])


@pytest.mark.parametrize("path", list(_core_files()), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_imports_no_face(path):
    bad = [m for m in _imports(path) if m.startswith(FACES)]
    assert bad == [], f"{path.relative_to(ROOT)} imports {bad}: the core must not know Excel or the CLI"


def test_the_check_sees_the_core():
    assert len(list(_core_files())) >= 15


@pytest.mark.parametrize("path", sorted((ROOT / "xlcapital" / "excel").rglob("*.py")), ids=lambda p: p.name)
def test_the_excel_face_imports_no_cli(path):
    bad = [m for m in _imports(path) if m.startswith("xlcapital.cli")]
    assert bad == [], f"{path.relative_to(ROOT)} imports {bad}: the CLI uses the Excel face, not the other way"


@pytest.mark.parametrize("path", sorted((ROOT / "xlcapital" / "workbook").rglob("*.py")), ids=lambda p: p.name)
def test_the_workbook_face_imports_no_other_face(path):
    """The workbook generator is used by the Excel face (the functions workbook) and the CLI; it
    uses neither, so the faces' imports run one way (cli -> excel -> workbook -> core)."""
    bad = [m for m in _imports(path) if m.startswith(("xlcapital.excel", "xlcapital.cli", "xlcapital.udfs"))]
    assert bad == [], f"{path.relative_to(ROOT)} imports {bad}: the workbook face must not reach up"


def test_the_xlwings_conf_names_the_module_that_registers_the_functions():
    import importlib

    from xlcapital.workbook.xlwingsconf import UDF_MODULE

    module = importlib.import_module(UDF_MODULE)
    assert module.__name__ == "xlcapital.excel.udfs" and callable(module.CCC)


def test_the_top_of_the_package_is_the_core():
    """Faces live in packages of their own (workbook/, excel/, cli/). At the top only ``__main__`` (runs the
    CLI) and ``udfs.py`` may reach a face: the old UDF module name, kept for workbooks whose VBA wrappers
    call it, a re-export without code of its own."""
    for path in sorted((ROOT / "xlcapital").glob("*.py")):
        if path.name in {"__main__.py", "udfs.py"}:
            continue
        bad = [m for m in _imports(path) if m.startswith(FACES)]
        assert bad == [], f"{path.relative_to(ROOT)} imports {bad}: a face belongs in workbook/, excel/ or cli/"
    legacy = ROOT / "xlcapital" / "udfs.py"
    assert set(_imports(legacy)) == {"xlcapital.excel.udfs"}
    assert "def " not in legacy.read_text(encoding="utf-8")


_REPO_PATH = re.compile(r"(?<![\w./-])((?:xlcapital|tests|templates|bench|scripts|docs)/[\w./-]*[\w-])")


def test_the_docs_name_only_files_that_exist():
    """README and docs/ point the reader at the repository's own files; each one named must be there
    (a folder, a module given as a path, or a file). Placeholders such as <name> or * are not paths."""
    missing = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            for path in _REPO_PATH.findall(line):
                if any(ch in path for ch in "<*{") or (ROOT / path).exists():
                    continue
                if (ROOT / path).with_suffix(".py").exists() or (ROOT / path.rstrip("/")).exists():
                    continue
                missing.append(f"{doc.name}:{number}: {path}")
    assert missing == []


def test_no_module_of_the_package_is_over_600_lines():
    """Issue 14: a module that grows past 600 lines is split where its seams are (counted with wc -l's rule:
    newline characters), so that each stays readable in one sitting."""
    long = {str(p.relative_to(ROOT)): n for p in sorted((ROOT / "xlcapital").rglob("*.py"))
            if (n := p.read_bytes().count(b"\n")) > 600}
    assert long == {}


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_import_circle_between_modules():
    # Every import counts, those inside functions too (a late import hides a circle from Python, not from the
    # reader who must understand one file before the other). An import of a package's __init__ is left out:
    # it re-exports its modules, which are the nodes. Circles are found as strongly connected components.
    files = {_module_name(p): p for p in (ROOT / "xlcapital").rglob("*.py") if p.name != "__init__.py"}

    def targets(node):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                yield full if full in files else node.module

    graph = {name: {t for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) for t in targets(node)
                    if t in files and t != name} for name, path in files.items()}
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(v):  # Tarjan's algorithm
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while not component or component[-1] != v:
                component.append(stack.pop())
                on_stack.discard(component[-1])
            if len(component) > 1:
                circles.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    assert circles == []
