"""The workbook generator: the 13-week cash-flow forecast as an .xlsm of native Excel formulas.

:func:`generate` writes a workbook from :class:`xlcapital.forecast.Inputs`;
:func:`generate_folder` from a company folder (what ``xlcapital generate`` runs). Both return
where every value is (:class:`CellMap`). The sheet writers live in the modules of this package,
one per sheet or part; the VBA project writer in :mod:`xlcapital.workbook.vba`.
"""

from __future__ import annotations

from xlcapital.workbook.api import Result, generate_folder
from xlcapital.workbook.cellmap import CellMap, Ref
from xlcapital.workbook.generator import Generator, generate

__all__ = ["generate", "generate_folder", "Generator", "CellMap", "Ref", "Result"]
