"""Where the generator gets its VBA project: the VBA engineer's hook, or document modules only.

The generator takes any object with ``project_bytes(code_names) -> bytes`` (and optionally
``decorate(book)``, to add buttons); see :mod:`xlcapital.workbook.generator`. The bank-import
macros and their button come from ``xlcapital.workbook.vba.workbook_hook()`` when that exists;
until then :class:`DocumentModulesOnly` gives a valid .xlsm whose project holds just the
document modules (ThisWorkbook and one per sheet), so the file opens in Excel as a macro
workbook and the macros can be added later.
"""

from __future__ import annotations


class DocumentModulesOnly:
    """A VBA project with the empty document modules of the workbook and its sheets."""

    def project_bytes(self, code_names: dict[str, str]) -> bytes:
        from xlcapital.workbook.vba import build_vba_project, document_modules

        sheets = [code for sheet, code in code_names.items() if sheet != "ThisWorkbook"]
        return build_vba_project(document_modules(code_names.get("ThisWorkbook", "ThisWorkbook"), sheets))


def default_hook():
    """The VBA hook of the .xlsm the CLI writes."""
    try:
        from xlcapital.workbook.vba import workbook_hook  # the bank-import macros (issue 6)
    except ImportError:
        return DocumentModulesOnly()
    return workbook_hook()
