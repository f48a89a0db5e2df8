"""Recalculates workbooks in a listening LibreOffice and answers with the values of given cells.

The twin of tests/lo_macro_worker.py (whose connection code it reuses), for the workbook tests:
loading hidden, ``calculateAll()`` and reading the cells over UNO is about twice as fast as
``soffice --convert-to`` (which also stores an .xlsx for openpyxl to read back). One request per
line on stdin::

    {"file": "/abs/book.xlsx", "read": [["Forecast", 15, 2, 15, 14], ...]}
                                      (sheet, first row, first col, last row, last col; 0-based)

One answer per line: ``{"values": [[number | text | null, ...], ...], "error": null}``: per
rectangle its cells row by row (an empty text is null). One ``getDataArray`` call per rectangle:
reading cell by cell over the UNO bridge costs a round trip each.
"""

from __future__ import annotations

import json
import sys
import traceback

import uno  # noqa: F401  (Debian's python3-uno)

from lo_macro_worker import connect, prop  # the same folder (sys.path[0])

def read(desktop, request: dict) -> dict:
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(request["file"]), "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        return {"values": [], "error": f"LibreOffice could not load {request['file']}"}
    try:
        doc.calculateAll()
        sheets = {}
        out = []
        for name, r1, c1, r2, c2 in request["read"]:
            if name not in sheets:
                sheets[name] = doc.Sheets.getByName(name)
            data = sheets[name].getCellRangeByPosition(c1, r1, c2, r2).getDataArray()
            out.append([None if v == "" else v for row in data for v in row])
        return {"values": out, "error": None}
    finally:
        doc.close(True)


def main() -> None:
    desktop = connect(int(sys.argv[1]))
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = read(desktop, json.loads(line))
        except Exception:
            answer = {"values": [], "error": traceback.format_exc()}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
