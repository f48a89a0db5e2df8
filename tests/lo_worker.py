"""Serves a LibreOffice that listens on a socket, under Debian's python3 (the only one with ``uno``).

Started by :class:`tests.libreoffice.Office` (and so by MacroRunner, ValueReader and
PdfExporter); the project's venv python cannot import ``uno``, so this script runs under
/usr/bin/python3 and talks JSON lines over stdin/stdout: first ``{"ready": true}``, then one
answer line per request line. Each request loads one workbook hidden, does what it asks, and
closes it without saving. What it asks is said by its keys:

run VBA macros (MacroRunner), loaded with MacroExecutionMode 4 (always run, no warning)::

    {"file": "/abs/book.xlsm",
     "calls": [{"macro": "BankImport.ImportBankFeedFromPath", "args": ["/abs/feed.csv"]}],
     "store": "/abs/out.xlsx" | null, "filter": "Calc MS Excel 2007 XML"}
    -> {"results": [{"value": 3} | {"error": "text"}], "stored": "/abs/out.xlsx" | null, "error": null}

read recalculated cells (ValueReader): rectangles (sheet, first row, first col, last row, last
col; 0-based), each read with one ``getDataArray`` (cell by cell costs a bridge round trip each)::

    {"file": "/abs/book.xlsx", "read": [["Forecast", 15, 2, 15, 14], ...]}
    -> {"values": [[number | text | null, ...], ...], "error": null}

export ranges to PDF (PdfExporter, scripts/render_sheets.py), each on a page of its own size at
100 % (what the sheet looks like on screen, without the grid)::

    {"file": "/abs/book.xlsm", "export": [{"sheet": "Dashboard", "range": "A1:I60", "pdf": "/abs/d.pdf"}],
     "recalculate": true}
    -> {"exported": ["/abs/d.pdf"], "error": null}

Every request is recalculated (``calculateAll``) before it is answered (an export only when it
says ``recalculate``, the default). A request that raises
is answered with ``{"error": traceback}``.
"""

from __future__ import annotations

import json
import sys
import time
import traceback

import uno  # noqa: F401  (Debian's python3-uno)
from com.sun.star.beans import PropertyValue

ALWAYS_EXECUTE_NO_WARN = 4
#: page margins of an exported range, 1/100 mm
MARGIN = 500


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(port: int, timeout: float = 90.0):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"
    deadline = time.monotonic() + timeout
    while True:
        try:
            ctx = resolver.resolve(url)
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:  # NoConnectException while soffice starts up
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def plain(value):
    """A UNO return value as JSON-able data."""
    if isinstance(value, (bool, int, float, str)) or value is None:
        return value
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    return repr(value)


def run_macros(doc, request: dict) -> dict:
    provider = doc.getScriptProvider()
    results = []
    for call in request.get("calls", []):
        uri = f"vnd.sun.star.script:{request.get('library', 'VBAProject')}.{call['macro']}?language=Basic&location=document"
        try:
            script = provider.getScript(uri)
            value, _, _ = script.invoke(tuple(call.get("args", [])), (), ())
            results.append({"value": plain(value)})
        except Exception as exc:  # a Basic runtime error arrives as a UNO exception
            results.append({"error": f"{type(exc).__name__}: {getattr(exc, 'Message', exc)}"})
    doc.calculateAll()
    stored = None
    if request.get("store"):
        doc.storeToURL(uno.systemPathToFileUrl(request["store"]),
                       (prop("FilterName", request.get("filter", "Calc MS Excel 2007 XML")),))
        stored = request["store"]
    return {"results": results, "stored": stored, "error": None}


def read_values(doc, request: dict) -> dict:
    doc.calculateAll()
    sheets = {}
    out = []
    for name, r1, c1, r2, c2 in request["read"]:
        if name not in sheets:
            sheets[name] = doc.Sheets.getByName(name)
        data = sheets[name].getCellRangeByPosition(c1, r1, c2, r2).getDataArray()
        out.append([None if v == "" else v for row in data for v in row])
    return {"values": out, "error": None}


def export_pdf(doc, request: dict) -> dict:
    if request.get("recalculate", True):
        doc.calculateAll()
    styles = doc.StyleFamilies.getByName("PageStyles")
    done = []
    for item in request["export"]:
        ws = doc.Sheets.getByName(item["sheet"])
        area = ws.getCellRangeByName(item["range"])
        size = area.Size
        style = styles.getByName(ws.PageStyle)
        style.HeaderIsOn = style.FooterIsOn = False
        style.LeftMargin = style.RightMargin = style.TopMargin = style.BottomMargin = MARGIN
        style.IsLandscape = size.Width > size.Height
        # a page the size of the range: one page at 100 % (fit-to-one-page only ever shrinks)
        style.Width, style.Height = size.Width + 2 * MARGIN + 200, size.Height + 2 * MARGIN + 200
        style.PrintGrid = style.PrintHeaders = False
        style.ScaleToPagesX, style.ScaleToPagesY = 1, 1
        data = uno.Any("[]com.sun.star.beans.PropertyValue", (prop("Selection", area), prop("ExportNotes", False)))
        doc.storeToURL(uno.systemPathToFileUrl(item["pdf"]),
                       (prop("FilterName", "calc_pdf_Export"), prop("FilterData", data)))
        done.append(item["pdf"])
    return {"exported": done, "error": None}


def handle(desktop, request: dict) -> dict:
    """Load the request's workbook, answer it with the action its keys ask for, close it."""
    options = [prop("Hidden", True)]
    if "calls" in request:
        options.append(prop("MacroExecutionMode", ALWAYS_EXECUTE_NO_WARN))
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(request["file"]), "_blank", 0, tuple(options))
    if doc is None:
        return {"error": f"LibreOffice could not load {request['file']}"}
    try:
        if "read" in request:
            return read_values(doc, request)
        if "export" in request:
            return export_pdf(doc, request)
        return run_macros(doc, request)
    finally:
        doc.close(True)


def serve() -> None:
    """Connect to the soffice on the port in argv[1], then answer each JSON line on stdin."""
    desktop = connect(int(sys.argv[1]))
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = handle(desktop, json.loads(line))
        except Exception:
            answer = {"error": traceback.format_exc()}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    serve()
