"""The direction of imports: the core (ratios, statements, company, bank, forecast, money, errors, fileio)
imports nothing of the Excel-facing modules (workbook, udfs, excel_shapes, cli)."""

import ast

import pytest

from tests.conftest import ROOT

CORE = ["ratios.py", "ratio_args.py", "statements", "company.py", "money.py", "errors.py", "fileio.py", "bank", "forecast"]
FACES = ("xlcapital.workbook", "xlcapital.udfs", "xlcapital.excel_shapes", "xlcapital.cli", "xlwings", "xlsxwriter")


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
