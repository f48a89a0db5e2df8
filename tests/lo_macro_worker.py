"""Runs VBA macros of workbooks in a LibreOffice that listens on a socket (Debian's python3 + uno).

Started by :class:`tests.libreoffice.MacroRunner`; the project's venv python cannot import
``uno``, so this script runs under /usr/bin/python3 and talks JSON lines over stdin/stdout.
One request per line::

    {"file": "/abs/book.xlsm",
     "calls": [{"macro": "BankImport.ImportBankFeedFromPath", "args": ["/abs/feed.csv"]}],
     "store": "/abs/out.xlsx", "filter": "Calc MS Excel 2007 XML"}

One answer per line::

    {"results": [{"value": 3} | {"error": "text"}], "stored": "/abs/out.xlsx" | null,
     "error": null | "text"}

The document is loaded hidden with MacroExecutionMode 4 (always run, no warning), the calls run
in order against the same loaded document, everything is recalculated, the document is stored
when asked and then closed.
"""

from __future__ import annotations

import json
import sys
import time
import traceback

import uno  # noqa: F401  (Debian's python3-uno)
from com.sun.star.beans import PropertyValue

ALWAYS_EXECUTE_NO_WARN = 4


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


def run(desktop, request: dict) -> dict:
    url = uno.systemPathToFileUrl(request["file"])
    doc = desktop.loadComponentFromURL(
        url, "_blank", 0, (prop("Hidden", True), prop("MacroExecutionMode", ALWAYS_EXECUTE_NO_WARN))
    )
    if doc is None:
        return {"results": [], "stored": None, "error": f"LibreOffice could not load {request['file']}"}
    try:
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
            doc.storeToURL(
                uno.systemPathToFileUrl(request["store"]),
                (prop("FilterName", request.get("filter", "Calc MS Excel 2007 XML")),),
            )
            stored = request["store"]
        return {"results": results, "stored": stored, "error": None}
    finally:
        doc.close(True)


def serve(handle) -> None:
    """Connect to the soffice on the port in argv[1], then answer each JSON line on stdin with
    ``handle(desktop, request)`` as one JSON line (a traceback as ``error`` when it raises)."""
    desktop = connect(int(sys.argv[1]))
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = handle(desktop, json.loads(line))
        except Exception:
            answer = {"results": [], "error": traceback.format_exc()}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    serve(run)
