"""The ``xlwings.conf`` sheet: tells the xlwings add-in where the xlcapital Excel functions live.

xlwings reads key/value pairs from a sheet named ``xlwings.conf`` (column A the key, column B the
value). ``UDF Modules`` = ``xlcapital.excel.udfs`` makes the functions available wherever the add-in is
installed; no formula the generator writes depends on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from xlcapital.workbook.book import Book
from xlcapital.workbook.cellmap import Ref

SHEET = "xlwings.conf"

#: The module the xlwings add-in imports the Excel functions from (``UDF Modules``): the classic
#: add-in's registration in :mod:`xlcapital.excel.udfs` (tests/test_architecture.py imports it by this name).
UDF_MODULE = "xlcapital.excel.udfs"


@dataclass
class XlwingsConfSheet:
    settings: dict[str, str] = field(default_factory=lambda: {"UDF Modules": UDF_MODULE})

    def write(self, book: Book) -> None:
        ws = book.add_sheet(SHEET)
        ws.set_column(0, 1, 24)
        for r, (key, value) in enumerate(self.settings.items()):
            ws.write_string(r, 0, key)
            ws.write_string(r, 1, value)
            book.place(f"xlwings.{key}", Ref(SHEET, r, 1))
