"""The xlcapital Excel functions for the classic xlwings add-in (Excel for Windows).

Point the xlwings add-in at this module (``UDF Modules = xlcapital.excel.udfs`` on the
``xlwings.conf`` sheet, or ``xlcapital addin`` for a ready workbook), click *Import Functions*,
and type ``=DSO(B2:C2, D2)`` in a cell. See docs/excel-functions.md. On the Mac and the web the
same functions run in xlwings Lite (``xlcapital lite``, :mod:`xlcapital.excel.lite`).

Every function is defined once in :mod:`xlcapital.excel.functions`; this module only registers
each with xlwings' decorators: ranges arrive as lists of rows (``ndim=2``), each argument and the
function get their help for the function wizard, category "xlcapital".

On Linux and macOS the xlwings decorators do nothing and these are plain Python functions:

>>> GROSS_WC([[90_000]], [[40_000]], [[20_000]])          # seed 003
150000.0
>>> DSO([[80_000, 100_000]], [[730_000]])                  # average receivables 90,000
45.0
>>> DSO([[90_000], [45_000], [None]], [[730_000]])         # a column: one call, one result per row
[[45.0], [22.5], ['#N/A']]
>>> CURRENT_RATIO(150_000, 0)
'#DIV/0!'
"""

from __future__ import annotations

from typing import Callable

import xlwings as xw

from xlcapital.excel.functions import (
    ARG_MEANINGS,
    BALANCES,
    CATEGORY,
    FUNCTIONS,
    RATIO_UDFS,
    ExcelFunction,
    arg_doc,
)


def _udf(function: ExcelFunction) -> Callable:
    """A function object of its own for ``function``, with the xlwings metadata attached."""
    call = function.call

    def udf(*args, **kwargs):  # no annotations: xlwings would read them as converters
        return call(*args, **kwargs)

    udf.__name__ = udf.__qualname__ = function.name
    udf.__module__ = __name__
    udf.__doc__ = function.description
    udf.__signature__ = function.signature  # xlwings and help() read the argument names from it
    for p in reversed(function.params):
        udf = xw.arg(p.name, ndim=2, doc=function.arg_docs[p.name])(udf)
    return xw.func(category=CATEGORY)(udf)


#: Excel name -> function (the same objects as the module attributes).
UDFS: dict[str, Callable] = {}
for _function in FUNCTIONS:
    UDFS[_function.name] = globals()[_function.name] = _udf(_function)
del _function

__all__ = ["CATEGORY", "UDFS", "RATIO_UDFS", "BALANCES", "ARG_MEANINGS", "arg_doc", *UDFS]
