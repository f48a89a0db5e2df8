"""The VBA project of the generated workbook, written by xlcapital itself.

:func:`build_vba_project` turns module source into the bytes of a ``vbaProject.bin`` (MS-OVBA
inside an MS-CFB compound file); the workbook generator embeds them with XlsxWriter::

    from io import BytesIO
    workbook.add_vba_project(BytesIO(project_bytes), is_stream=True)
    workbook.set_vba_name("ThisWorkbook")
    worksheet.set_vba_name("Sheet1")          # the codeName of every sheet, in the same order

The generator's hook (see xlcapital.workbook.generator) is :func:`workbook_hook`: it builds the
project with the bank-import macros for the workbook's code names and puts the import button on
the Bank sheet.

Nothing here has run in real Excel: the project follows MS-OVBA closely, carries no compiled
p-code (so the host compiles it from source), and is proven by olevba (reads every module back
byte for byte) and LibreOffice (opens the .xlsm and runs the macros); see docs/macros.md.
"""

from __future__ import annotations

from xlcapital.workbook.vba.compression import compress, decompress
from xlcapital.workbook.vba.project import VbaModule, build_vba_project, document_modules, module_source


class BankImportHook:
    """The VBA hook of the workbook generator: the bank-import macros and their button.

    ``project_bytes(code_names, lang)`` takes sheet name -> code name (plus ``"ThisWorkbook"``) and
    the workbook's language (the Bank columns the import fills are named in it) and returns the
    ``vbaProject.bin`` with the document modules and ``BankImport``/``BankImportHost``;
    ``decorate(book)`` puts the import button on the Bank sheet (``lang`` "nl", "en", or "both").
    """

    def __init__(self, lang: str = "both") -> None:
        self.lang = lang

    def project_bytes(self, code_names: dict[str, str], lang: str = "en") -> bytes:
        from xlcapital.workbook.vba.macros import project_for_workbook

        sheets = [code for sheet, code in code_names.items() if sheet != "ThisWorkbook"]
        return project_for_workbook(sheets, code_names.get("ThisWorkbook", "ThisWorkbook"), lang=lang)

    def decorate(self, book) -> None:
        from xlcapital.workbook.vba.macros import BANK_SHEET, add_import_button

        sheet = book.sheets.get(BANK_SHEET)
        if sheet is not None:
            add_import_button(sheet, row=0, col=4, lang=self.lang)


def workbook_hook(lang: str = "both") -> BankImportHook:
    """The hook the generator embeds the macros with: ``generate(..., vba=workbook_hook())``."""
    return BankImportHook(lang)

__all__ = [
    "BankImportHook",
    "workbook_hook",
    "VbaModule",
    "build_vba_project",
    "document_modules",
    "module_source",
    "compress",
    "decompress",
]
