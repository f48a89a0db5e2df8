"""``xlcapital lite``: the Excel functions in xlwings Lite (Office.js custom functions) on Linux.

The generated ``main.py`` runs in a child Python as xlwings Lite runs it: with
``XLWINGS_ON_SERVER=true`` ``from xlwings import func, arg`` are the Office.js decorators of
``xlwings.server``. There, ``xlwings.server.custom_functions_meta`` turns the module into the
function metadata Excel receives, and ``xlwings.server.custom_functions_call`` calls each function
with the JSON Excel sends (ranges as lists of rows, an omitted argument as null) and converts the
result as it goes back to Excel. ``xlwings.server`` is part of xlwings PRO: the child imports it
under the noncommercial licence key (``XLWINGS_LICENSE_KEY=noncommercial``), for this test only.

Each result is compared with the classic add-in's function (:mod:`xlcapital.excel.udfs`) on the same
cells, as Excel shows it: a number as the 1x1 matrix Office.js returns, ``#DIV/0!``/``#N/A`` as
Excel error values (Office.js ``{"type": "Error", "errorType": "Div0"}``), ``#VALUE! ...`` as text.
"""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys

import pytest

from xlcapital.cli import main
from xlcapital.excel import udfs
from xlcapital.excel.addin import CLOSING_BS, EXTRA_FACTS, INCOME_PL, OPENING_BS
from xlcapital.excel.lite import main_py, requirements_txt
from tests.test_udfs_registration import registered_udfs

CHILD = r"""
import asyncio, importlib.util, json, sys
import xlwings, xlwings.server as server

spec = importlib.util.spec_from_file_location("main", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
cases = json.load(sys.stdin)
results = []
for name, args in cases:
    data = {"func_name": name, "args": args, "version": xlwings.__version__, "client": "Office.js",
            "runtime": "1.4", "culture_info_name": "en-US", "date_format": "M/d/yyyy"}
    results.append(asyncio.run(server.custom_functions_call(data, module)))
json.dump({"meta": server.custom_functions_meta(module), "results": results,
           "decorator": server.func.__module__, "used": xlwings.func.__module__}, sys.stdout)
"""

#: Office.js error types (Excel.ErrorCellValueType) of the error values the functions return.
OFFICE_ERRORS = {"#DIV/0!": "Div0", "#N/A": "NotAvailable"}


def _as_excel_shows(value):
    """The classic function's result as Office.js hands it to Excel: always a matrix."""
    def one(x):
        if x is None:
            return ""
        if isinstance(x, str) and x in OFFICE_ERRORS:
            return {"type": "Error", "errorType": OFFICE_ERRORS[x]}
        return str(x) if isinstance(x, str) else x

    rows = value if isinstance(value, list) else [[value]]
    return [[one(x) for x in row] for row in rows]


def _ratio_cases():
    """Every ratio function on one cell each, on (opening, closing) pairs, on a column with an empty
    cell and a zero, with its optional arguments left out (null), and with a Dutch amount as text."""
    cases = []
    for name, function in ((n, getattr(udfs, n)) for n in udfs.UDFS if not n.startswith("CASHFLOW")):
        params = list(inspect.signature(function).parameters.values())
        required = [p for p in params if p.default is inspect.Parameter.empty]
        one = [[[1000.0 * (i + 3)]] for i in range(len(params))]
        cases.append((name, one))
        cases.append((name, [[[1000.0 * (i + 2), 1000.0 * (i + 4)]] if p.name in udfs.BALANCES else [[1000.0 * (i + 3)]]
                             for i, p in enumerate(params)]))
        cases.append((name, [[[5000.0], [None], [0.0]] for _ in params]))
        cases.append((name, [[[2000.0 * (i + 1)]] for i in range(len(required))] + [None] * (len(params) - len(required))))
        cases.append((name, [[["1.234,56"]]] + one[1:]))
    return cases


STATEMENT = [[list(r) for r in block] for block in (OPENING_BS, INCOME_PL, CLOSING_BS, EXTRA_FACTS)]
STATEMENT_CASES = [
    ("CASHFLOW_INDIRECT", STATEMENT + [[["nl"]]]),
    ("CASHFLOW_INDIRECT", STATEMENT[:3] + [None, None]),
    ("CASHFLOW_INDIRECT", STATEMENT + [[["fr"]]]),
    ("CASHFLOW_LINE", STATEMENT + [[["Netto kasstroom"]]]),
    ("CASHFLOW_LINE", STATEMENT[:3] + [None, [["ebit"]]]),
    ("CASHFLOW_LINE", STATEMENT + [[["no such line"]]]),
    ("CASHFLOW_LINE", [[["debiteuren", "1.234,56"]]] + STATEMENT[1:] + [None]),
]
CASES = _ratio_cases() + STATEMENT_CASES


@pytest.fixture(scope="module")
def lite(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lite")
    assert main(["lite", "-o", str(folder)]) == 0
    env = dict(os.environ, XLWINGS_ON_SERVER="true", XLWINGS_LICENSE_KEY="noncommercial")
    env.pop("XLCAPITAL_UDF_ERRORS", None)
    done = subprocess.run([sys.executable, "-c", CHILD, str(folder / "main.py")], input=json.dumps(CASES),
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    return folder, json.loads(done.stdout)


def test_main_py_uses_the_office_js_decorators_as_lite_does(lite):
    _, out = lite
    assert out["used"] == out["decorator"] == "xlwings.pro.udfs_officejs"


def test_every_function_is_registered_with_the_classic_name_help_and_arguments(lite):
    _, out = lite
    meta = {f["id"]: f for f in out["meta"]["functions"]}
    assert set(meta) == set(udfs.UDFS)
    assert out["meta"]["allowErrorForDataTypeAny"] is True  # #DIV/0! and #N/A can come back as errors
    with registered_udfs() as (classic, _):
        for name, function in classic.UDFS.items():
            xlf, lite_f = function.__xlfunc__, meta[name]
            assert lite_f["name"] == xlf["name"] == name
            assert lite_f["description"] == xlf["ret"]["doc"], name
            assert [p["name"] for p in lite_f["parameters"]] == [a["name"] for a in xlf["args"]], name
            for param, arg in zip(lite_f["parameters"], xlf["args"]):
                assert param["description"] == arg["doc"], (name, arg["name"])
                assert param.get("optional", False) == ("optional" in arg), (name, arg["name"])
                assert (param["dimensionality"], param["type"]) == ("matrix", "any")  # ranges arrive as rows


def test_each_function_returns_what_the_classic_function_returns(lite):
    _, out = lite
    assert len(out["results"]) == len(CASES)
    for (name, args), got in zip(CASES, out["results"]):
        # what the classic add-in passes for an omitted argument: an empty cell
        classic = getattr(udfs, name)(*([[None]] if a is None else a for a in args))
        assert got == _as_excel_shows(classic), (name, args)


def test_known_values_arrive_in_excel(lite):
    """Independent of the classic module: seed-003-style figures worked by hand."""
    _, out = lite
    results = dict(zip(map(repr, CASES), out["results"]))

    def result(name, args):
        return results[repr((name, args))]

    # DSO on one cell each: receivables 3,000, revenue 4,000, days 5,000 -> 3,000 / (4,000 / 5,000) = 3,750
    assert result("DSO", [[[3000.0]], [[4000.0]], [[5000.0]]]) == [[3750.0]]
    # days left out (null): 2,000 / (4,000 / 365) = 182.5
    assert result("DSO", [[[2000.0]], [[4000.0]], None]) == [[182.5]]
    # a column: 5,000 / (5,000 / 5,000) = 5000; an empty cell #N/A; revenue 0 #DIV/0!
    assert result("DSO", [[[5000.0], [None], [0.0]]] * 3) == [
        [5000.0], [{"type": "Error", "errorType": "NotAvailable"}], [{"type": "Error", "errorType": "Div0"}]]
    text = result("DSO", [[["1.234,56"]], [[4000.0]], [[5000.0]]])[0][0]
    assert text.startswith("#VALUE! receivables:") and "1234.56" in text
    # the statement's net cash flow: cash 15,000 -> 20,000 (addin's invented company) = 5,000
    assert result("CASHFLOW_LINE", STATEMENT + [[["Netto kasstroom"]]]) == [[5000.0]]


def test_requirements_pin_this_release():
    from xlcapital import __version__

    lines = [line for line in requirements_txt().splitlines() if not line.startswith("#")]
    assert lines == [f"xlcapital=={__version__}"]


def test_main_py_is_the_definitions_not_a_copy():
    """Each function body is one call into xlcapital: no arithmetic lives in main.py."""
    text = main_py()
    bodies = [line for line in text.splitlines() if line.startswith("    ") and not line.startswith('    """')]
    assert len(bodies) == len(udfs.UDFS)
    assert all(line.startswith("    return _xlcapital(") for line in bodies)
    compile(text, "main.py", "exec")


def test_the_cli_keeps_files_and_explains(tmp_path, capsys):
    assert main(["lite", "-o", str(tmp_path)]) == 0
    (tmp_path / "main.py").write_text("# mine")
    assert main(["lite", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "main.py: the file exists already (use --force" in err and err.count("\n") == 1
    assert (tmp_path / "main.py").read_text() == "# mine"
    assert main(["lite", "-o", str(tmp_path), "--force", "--wheel", "https://example.org/xlcapital-0.1.0-py3-none-any.whl"]) == 0
    assert (tmp_path / "requirements.txt").read_text().splitlines()[-1] == "https://example.org/xlcapital-0.1.0-py3-none-any.whl"
    assert main(["lite", "-o", str(tmp_path / "missing" / "deeper")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["lite", "-o", str(tmp_path), "--force", "--wheel", "xlcapital.zip"]) == 2
    assert "--wheel: 'xlcapital.zip' is not the address of a wheel" in capsys.readouterr().err


def test_the_functions_need_only_numpy_of_the_dependencies():
    """What main.py imports of xlcapital loads numpy (Pyodide's own build) and no other dependency: nothing
    the browser must install beyond the wheels requirements.txt names is touched when a function runs."""
    probe = ("import sys, xlcapital.excel.functions; "
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'openpyxl', 'xlsxwriter', 'jinja2', "
             "'schwifty', 'defusedxml', 'xlwings', 'numpy'}))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['numpy']"
