"""The old name of the Excel functions module, kept for workbooks made before they moved to :mod:`xlcapital.excel.udfs`.

*Import Functions* writes the module name into every VBA wrapper it puts in a workbook
(``XLPy.CallUDF("xlcapital.udfs", "DSO", ...)``), and such a workbook's xlwings.conf sheet names it
too: without this module those workbooks would show an import error in every cell. New workbooks
name ``xlcapital.excel.udfs``.
"""

from xlcapital.excel.udfs import *  # noqa: F401,F403
from xlcapital.excel.udfs import __all__  # noqa: F401
