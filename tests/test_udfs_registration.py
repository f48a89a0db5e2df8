"""What Excel sees of xlcapital.excel.udfs: the registration metadata and the VBA that "Import Functions" writes.

On Linux the xlwings decorators are identity functions. The real ones live in ``xlwings.udfs``,
which imports only because of pywin32 (``pythoncom``, ``pywintypes``, ``win32com``). The
``registered`` fixture puts stub modules with those names in ``sys.modules``, imports
``xlwings.udfs``, binds ``xlwings.func/arg/ret`` to ``xlfunc/xlarg/xlret`` and only then imports
``xlcapital.excel.udfs`` afresh (with the modules it builds on), so the unchanged module carries the ``__xlfunc__`` metadata Excel gets.
Afterwards every module and attribute is put back, so other tests see plain Linux xlwings.

The stub ``win32com.client.VARIANT`` mirrors pywin32's (``varianttype``, ``value``), so the same
fixture shows the error values the functions return on Windows.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import sys
import types
from pathlib import Path

import pytest
import xlwings

import xlcapital
import xlcapital.excel
from xlcapital import ratios
from xlcapital.excel import functions as defs
from xlcapital.excel.shapes import Param

SNAPSHOT = Path(__file__).resolve().parent / "data" / "udfs_vba_wrapper.bas"
REFRESH_ENV = "XLCAPITAL_REFRESH_VBA_SNAPSHOT"

#: The Excel names issue 7 asks for, each with its library function.
ISSUE_NAMES = {
    "GROSS_WC": "gross_working_capital",
    "NWC": "net_working_capital",
    "WC_RATIO": "working_capital_ratio",
    "NWC_TO_REVENUE": "nwc_to_revenue",
    "CURRENT_RATIO": "current_ratio",
    "QUICK_RATIO": "quick_ratio",
    "QUICK_RATIO_NARROW": "quick_ratio_narrow",
    "CASH_RATIO": "cash_ratio",
    "DSO": "dso",
    "DSI": "dsi",
    "DPO": "dpo",
    "CCC": "ccc",
    "OPERATING_CYCLE": "operating_cycle",
    "BHK_CASHFLOW": "bhk_cashflow",
    "INTEREST_COVERAGE": "interest_coverage",
    "CF_INTEREST_COVERAGE": "cashflow_interest_coverage",
    "CF_COVERAGE": "cashflow_coverage",
    "OCF_RATIO": "ocf_ratio",
    "BURN_RATE": "burn_rate",
    "CASH_RUNWAY": "cash_runway",
    "FREE_CASH": "free_cash",
    "BUFFER_MONTHS": "buffer_months",
}

# The SCODEs pywin32 reads from Excel error cells (xlwings/_xlwindows.py, cell_errors):
# 0x800A0000 + the CVErr number (2007 #DIV/0!, 2042 #N/A) as a signed 32-bit int.
SCODE_DIV0 = -2146826281
SCODE_NA = -2146826246
VT_ERROR = 10  # VARENUM: VT_ERROR


class _Variant:
    """pywin32's win32com.client.VARIANT, as far as a UDF's return value needs it."""

    def __init__(self, vartype, value):
        self.varianttype = vartype
        self.value = value

    def __repr__(self):
        return f"VARIANT({self.varianttype}, {self.value})"


def _pywin32_stubs() -> dict[str, types.ModuleType]:
    stubs = {name: types.ModuleType(name) for name in ("pythoncom", "pywintypes", "win32com", "win32com.client")}
    stubs["pythoncom"].CoInitialize = lambda: None
    stubs["pythoncom"].VT_ERROR = VT_ERROR
    stubs["pywintypes"].com_error = type("com_error", (Exception,), {})
    stubs["win32com.client"].Dispatch = lambda *a, **k: None
    stubs["win32com.client"].VARIANT = _Variant
    stubs["win32com"].client = stubs["win32com.client"]
    return stubs


# shapes chooses the error values once (pywin32 VARIANTs here) and functions binds its helpers: all afresh
_FRESH = ("xlwings.udfs", "xlcapital.udfs", "xlcapital.excel.shapes", "xlcapital.excel.functions", "xlcapital.excel.udfs")
_MISSING = object()


@contextlib.contextmanager
def registered_udfs():
    """``(xlcapital.excel.udfs, xlwings.udfs)`` imported with the real xlwings decorators; everything restored after."""
    saved_modules = dict(sys.modules)
    saved_attrs = [(xlwings, n, getattr(xlwings, n, _MISSING)) for n in ("func", "arg", "ret", "udfs")]
    saved_attrs += [(xlcapital, "udfs", getattr(xlcapital, "udfs", _MISSING))]
    saved_attrs += [(xlcapital.excel, n, getattr(xlcapital.excel, n, _MISSING)) for n in ("udfs", "shapes", "functions")]
    env = os.environ.pop("XLCAPITAL_UDF_ERRORS", None)
    try:
        for name in _FRESH:
            sys.modules.pop(name, None)
        sys.modules.update(_pywin32_stubs())
        xlwings_udfs = importlib.import_module("xlwings.udfs")
        xlwings.func, xlwings.arg, xlwings.ret = xlwings_udfs.xlfunc, xlwings_udfs.xlarg, xlwings_udfs.xlret
        module = importlib.import_module("xlcapital.excel.udfs")
        yield module, xlwings_udfs
    finally:
        for name in [n for n in sys.modules if n not in saved_modules]:
            del sys.modules[name]
        sys.modules.update(saved_modules)
        for owner, name, value in saved_attrs:
            if value is _MISSING:
                if hasattr(owner, name):
                    delattr(owner, name)
            else:
                setattr(owner, name, value)
        if env is not None:
            os.environ["XLCAPITAL_UDF_ERRORS"] = env


@pytest.fixture(scope="module")
def registered():
    with registered_udfs() as pair:
        yield pair


def test_the_stubs_are_gone_afterwards():
    """Other tests must see plain Linux xlwings again: the same modules, the same decorators."""
    before_modules = {n: sys.modules.get(n) for n in ("xlcapital.excel.udfs", "xlcapital.excel.shapes", "pythoncom")}
    before_func = xlwings.func
    with registered_udfs() as (module, _):
        assert hasattr(module.DSO, "__xlfunc__")
        assert sys.modules["xlcapital.excel.udfs"] is module
        assert xlwings.func is not before_func
    assert {n: sys.modules.get(n) for n in before_modules} == before_modules
    assert xlwings.func is before_func
    if before_modules["pythoncom"] is None:  # plain Linux/macOS xlwings: no decorators attached
        assert "xlwings.udfs" not in sys.modules
        plain = importlib.import_module("xlcapital.excel.udfs")
        assert plain is not module and not hasattr(plain.DSO, "__xlfunc__")


def test_the_issue_names_map_to_the_library_functions(registered):
    module, _ = registered
    for excel_name, function_name in ISSUE_NAMES.items():
        udf = getattr(module, excel_name)
        assert udf.__xlfunc__["name"] == excel_name
        row = next(r for r in module.RATIO_UDFS if r.excel_name == excel_name)
        assert row.function is getattr(ratios, function_name)


def test_every_public_ratio_has_an_excel_function(registered):
    """A ratio added to xlcapital.ratios later becomes an Excel function too (see RATIO_UDFS)."""
    module, _ = registered
    public = {n for n in ratios.__all__ if callable(getattr(ratios, n)) and not n.isupper()}
    wrapped = {r.function.__name__ for r in defs._rows()}
    assert public == wrapped == set(ratios.RATIO_FUNCTIONS)
    for row in defs._rows():
        assert hasattr(getattr(module, row.excel_name), "__xlfunc__"), row.excel_name
    # and the statement
    assert {"CASHFLOW_INDIRECT", "CASHFLOW_LINE"} <= set(module.UDFS)


def _library_params(fn):
    import inspect

    return [(p.name, p.default) for p in inspect.signature(fn).parameters.values()]


def test_ratio_metadata(registered):
    module, _ = registered
    for row in module.RATIO_UDFS:
        xlf = getattr(module, row.excel_name).__xlfunc__
        assert xlf["name"] == row.excel_name
        assert xlf["category"] == "xlcapital"
        assert xlf["sub"] is False and xlf["volatile"] is False and xlf["async_mode"] is None
        assert xlf["call_in_wizard"] is True
        # the library function's own argument names, in its order, with its defaults as Excel's Optional
        params = _library_params(row.function)
        assert [a["name"] for a in xlf["args"]] == [name for name, _ in params]
        for arg, (name, default) in zip(xlf["args"], params):
            assert arg["options"] == {"ndim": 2}, (row.excel_name, name)  # a range always arrives as rows
            assert arg["vararg"] is False and arg["vba"] is None
            assert arg["doc"] == defs.arg_doc(Param(name, default)), (row.excel_name, name)
            if default is _EMPTY:
                assert "optional" not in arg, (row.excel_name, name)
            else:
                assert arg["optional"] == default, (row.excel_name, name)
        # the result: default conversion (a value or a list of rows that spills), no legacy expand
        assert xlf["ret"]["options"] == {}
        assert xlf["ret"]["doc"] == row.description


_EMPTY = __import__("inspect").Parameter.empty


def test_help_text_fits_the_function_wizard(registered):
    """Excel's MacroOptions cuts at 255 characters; every argument has a written description."""
    module, _ = registered
    for name, udf in module.UDFS.items():
        xlf = udf.__xlfunc__
        assert 20 < len(xlf["ret"]["doc"]) < 255, name
        for arg in xlf["args"]:
            assert 20 < len(arg["doc"]) < 255, (name, arg["name"])
            assert not arg["doc"].startswith("Positional argument"), (name, arg["name"])
    # every ratio argument has a meaning written for it (a new argument name must get one)
    for row in defs._rows():
        for name, _ in _library_params(row.function):
            assert name in module.ARG_MEANINGS, (row.excel_name, name)


def test_argument_help_examples(registered):
    module, _ = registered
    dso = {a["name"]: a for a in module.DSO.__xlfunc__["args"]}
    assert dso["receivables"]["doc"] == (
        "Trade receivables (debiteuren). One cell, two cells across (opening, closing: their average), "
        "or a column of rows."
    )
    assert dso["revenue"]["doc"] == "Revenue of the period (omzet). One cell, or a column of rows."
    assert dso["days"]["doc"].endswith("Optional: 365 when left out.")
    assert dso["days"]["optional"] == 365
    ccc = {a["name"]: a for a in module.CCC.__xlfunc__["args"]}
    assert ccc["cogs"]["optional"] is None and "leave out" in ccc["cogs"]["doc"]


def test_statement_metadata(registered):
    module, _ = registered
    xlf = module.CASHFLOW_INDIRECT.__xlfunc__
    assert xlf["category"] == "xlcapital"
    assert [(a["name"], a.get("optional", "required")) for a in xlf["args"]] == [
        ("opening", "required"),
        ("income", "required"),
        ("closing", "required"),
        ("extra", None),
        ("language", "en"),
    ]
    assert all(a["options"] == {"ndim": 2} for a in xlf["args"])
    assert xlf["ret"]["options"] == {}  # a list of rows spills in Excel 365
    line = module.CASHFLOW_LINE.__xlfunc__
    assert [(a["name"], a.get("optional", "required")) for a in line["args"]] == [
        ("opening", "required"),
        ("income", "required"),
        ("closing", "required"),
        ("extra", None),
        ("label", "net_cash_flow"),
    ]
    assert "debiteuren" in xlf["args"][0]["doc"]


def test_excel_argument_names_are_safe_in_vba(registered):
    """VBA ignores case: an argument named like a function of the module would shadow it."""
    module, _ = registered
    functions = {name.lower() for name in module.UDFS}
    reserved = {"date", "name", "type", "end", "function", "sub", "then", "next", "to", "step", "string", "error"}
    for name, udf in module.UDFS.items():
        for arg in udf.__xlfunc__["args"]:
            assert arg["name"].lower() not in functions | reserved, (name, arg["name"])
            assert len(arg["name"]) < 255


def test_errors_are_real_excel_error_values_on_windows(registered):
    """With pywin32 the functions return VT_ERROR variants, which a cell shows as #DIV/0! / #N/A."""
    module, _ = registered
    div0 = module.CURRENT_RATIO([[150_000.0]], [[0.0]])
    assert (div0.varianttype, div0.value) == (VT_ERROR, SCODE_DIV0)
    na = module.CURRENT_RATIO([[None]], [[110_000.0]])
    assert (na.varianttype, na.value) == (VT_ERROR, SCODE_NA)
    column = module.DSO([[90_000.0], [90_000.0], [None]], [[730_000.0], [0.0], [730_000.0]])
    assert column[0] == [45.0]  # 90,000 / (730,000 / 365)
    assert (column[1][0].varianttype, column[1][0].value) == (VT_ERROR, SCODE_DIV0)
    assert (column[2][0].varianttype, column[2][0].value) == (VT_ERROR, SCODE_NA)
    # bad input is text the cell shows, with what to do
    text = module.DSO([["1.234,56"]], [[730_000.0]])
    assert isinstance(text, str) and text.startswith("#VALUE! receivables:")


# --------------------------------------------------------------------------------------------
# The VBA wrapper "Import Functions" writes
# --------------------------------------------------------------------------------------------


class _Workbook:
    Name = "xlcapital-functions.xlsm"


def _vba(module, xlwings_udfs, module_name: str = "xlcapital.excel.udfs") -> str:
    out = io.StringIO()
    xlwings_udfs.generate_vba_wrapper(module_name, module, out, _Workbook())
    return out.getvalue()


def test_vba_wrapper_snapshot(registered):
    """The VBA that Import Functions injects must change only when the functions do.

    To accept a deliberate change (a function, an argument or a default added, renamed or
    removed), refresh the snapshot and review its diff before committing:

        XLCAPITAL_REFRESH_VBA_SNAPSHOT=1 PYTHONPATH=. python -m pytest tests/test_udfs_registration.py
    """
    module, xlwings_udfs = registered
    vba = _vba(module, xlwings_udfs)
    if os.environ.get(REFRESH_ENV):
        SNAPSHOT.write_text(vba, encoding="utf-8", newline="\n")
        pytest.skip(f"refreshed {SNAPSHOT.name}: review `git diff {SNAPSHOT}` and commit it")
    assert SNAPSHOT.exists(), f"no snapshot yet: create it with {REFRESH_ENV}=1 (see this test's docstring)"
    expected = SNAPSHOT.read_text(encoding="utf-8")
    assert vba == expected, (
        "the VBA wrapper of xlcapital.excel.udfs changed. If you changed the Excel functions on purpose, "
        f"refresh tests/data/{SNAPSHOT.name} with {REFRESH_ENV}=1 (see the docstring) and review the diff"
    )


def test_vba_wrapper_declares_every_function_with_its_optionals(registered):
    """Independent of the snapshot: what the VBA must say for Excel to call each function right."""
    module, xlwings_udfs = registered
    vba = _vba(module, xlwings_udfs)
    for name in module.UDFS:
        assert vba.count(f"Function {name}(") == 1, name
        assert f'XLPy.CallUDF("xlcapital.excel.udfs", "{name}", ' in vba
    assert "Function DSO(receivables, revenue, Optional days)" in vba
    assert "Function CCC(receivables, inventory, payables, revenue, Optional cogs, Optional days)" in vba
    assert "Function CASHFLOW_LINE(opening, income, closing, Optional extra, Optional label)" in vba
    assert "ThisWorkbook, Application.Caller)" in vba  # an .xlsm, not an add-in (.xlam)
    assert "Application.Volatile" not in vba


def test_workbooks_made_before_the_move_still_reach_the_functions(registered):
    """Their wrappers call ``XLPy.CallUDF("xlcapital.udfs", ...)``: that module hands out the same functions."""
    module, xlwings_udfs = registered
    legacy = importlib.import_module("xlcapital.udfs")
    assert set(legacy.UDFS) == set(module.UDFS)
    for name in module.UDFS:
        assert getattr(legacy, name) is getattr(module, name), name  # what xlwings' call_udf looks up
    old = _vba(legacy, xlwings_udfs, "xlcapital.udfs")
    assert old == _vba(module, xlwings_udfs).replace('"xlcapital.excel.udfs"', '"xlcapital.udfs"')
