"""xlcapital: working-capital management for small businesses and their accountants, in Excel.

The core (``ratios``, ``statements``, ``bank``, ``forecast``) knows nothing of Excel; the workbook
generator (``workbook``), the Excel functions (``excel``) and the command line (``cli``) are thin
faces on it.

Every ratio is importable from the package itself:

>>> from xlcapital import dso, ccc
>>> dso((80_000, 100_000), 730_000)
45.0
"""

__version__ = "0.1.0"

from xlcapital.ratios import *  # noqa: E402,F401,F403  (the ratio functions are the public API)
from xlcapital.ratios import __all__ as _ratio_names  # noqa: E402
from xlcapital.statements import (  # noqa: E402
    BalanceSheet,
    CashflowFacts,
    CashflowStatement,
    IncomeStatement,
    cashflow_indirect,
    cashflow_indirect_from_mappings,
)

__all__ = [
    "__version__",
    *_ratio_names,
    "BalanceSheet",
    "IncomeStatement",
    "CashflowFacts",
    "CashflowStatement",
    "cashflow_indirect",
    "cashflow_indirect_from_mappings",
]
