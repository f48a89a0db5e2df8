"""The VBA project of the generated workbook, written by xlcapital itself.

:func:`build_vba_project` turns module source into the bytes of a ``vbaProject.bin`` (MS-OVBA
inside an MS-CFB compound file); the workbook generator embeds them with XlsxWriter::

    from io import BytesIO
    workbook.add_vba_project(BytesIO(project_bytes), is_stream=True)
    workbook.set_vba_name("ThisWorkbook")
    worksheet.set_vba_name("Sheet1")          # the codeName of every sheet, in the same order

Nothing here has run in real Excel: the project follows MS-OVBA closely, carries no compiled
p-code (so the host compiles it from source), and is proven by olevba (reads every module back
byte for byte) and LibreOffice (opens the .xlsm and runs the macros); see docs/macros.md.
"""

from __future__ import annotations

from xlcapital.workbook.vba.compression import compress, decompress
from xlcapital.workbook.vba.project import VbaModule, build_vba_project, document_modules, module_source

__all__ = [
    "VbaModule",
    "build_vba_project",
    "document_modules",
    "module_source",
    "compress",
    "decompress",
]
