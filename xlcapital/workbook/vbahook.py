"""Where the generator gets its VBA project.

The generator takes any object with ``project_bytes(code_names, lang) -> bytes`` (and optionally
``decorate(book)``, to add buttons); see :mod:`xlcapital.workbook.generator`. The workbook the CLI
writes carries the bank-import macros and their button (:func:`default_hook`);
:class:`DocumentModulesOnly` gives a project with only the document modules (ThisWorkbook and one
per sheet), a valid macro workbook to which macros can be added later.
"""

from __future__ import annotations

from xlcapital.workbook.vba import build_vba_project, document_modules, workbook_hook


class DocumentModulesOnly:
    """A VBA project with the empty document modules of the workbook and its sheets."""

    def project_bytes(self, code_names: dict[str, str], lang: str = "en") -> bytes:
        sheets = [code for sheet, code in code_names.items() if sheet != "ThisWorkbook"]
        return build_vba_project(document_modules(code_names.get("ThisWorkbook", "ThisWorkbook"), sheets))


def default_hook():
    """The VBA hook of the .xlsm the CLI writes: the bank-import macros and their button."""
    return workbook_hook()
