"""xlcapital: working-capital management for small businesses and their accountants, in Excel.

The core (``ratios``, ``statements``, ``bank``, ``forecast``) knows nothing of Excel; the workbook
generator (``workbook``), the Excel functions (``udfs``) and the command line (``cli``) are thin
faces on it.
"""

__version__ = "0.1.0"
