#!/usr/bin/env python3
"""Render the Dashboard of workbooks/demo.xlsm to docs/dashboard.png with LibreOffice headless.

    PYTHONPATH=. python scripts/render_dashboard.py [WORKBOOK] [PNG]

Regenerates nothing: it renders the real file ``xlcapital demo`` / ``xlcapital generate`` wrote.
LibreOffice (soffice, with Debian's python3-uno) loads the workbook hidden, recalculates it,
exports the Dashboard's KPIs, triggers and chart (the rows above its helper rows) to PDF, and
``pdftoppm`` (Debian package poppler-utils) turns the page into a PNG.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNO_PYTHON = "/usr/bin/python3"

#: runs under Debian's python3 (the only one with ``uno``): argv = port, workbook, pdf, sheet, range
EXPORT = r'''
import sys, time, uno
from com.sun.star.beans import PropertyValue
def prop(n, v):
    p = PropertyValue(); p.Name, p.Value = n, v; return p
port, book, pdf, sheet, area = sys.argv[1:6]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(240):
    try:
        ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.25)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(book), "_blank", 0, (prop("Hidden", True),))
doc.calculateAll()
ws = doc.Sheets.getByName(sheet)
style = doc.StyleFamilies.getByName("PageStyles").getByName(ws.PageStyle)
style.IsLandscape = True
style.Width, style.Height = 29700, 21000      # A4 landscape, 1/100 mm
style.ScaleToPagesX, style.ScaleToPagesY = 1, 1
style.HeaderIsOn = style.FooterIsOn = False
selection = ws.getCellRangeByName(area)
filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", (prop("Selection", selection),))
doc.storeToURL(uno.systemPathToFileUrl(pdf), (prop("FilterName", "calc_pdf_Export"), prop("FilterData", filter_data)))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
'''


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dashboard_area(workbook: Path) -> str:
    """The Dashboard rows to show: from A1 to the end of the chart (the helper rows stay out)."""
    sys.path.insert(0, str(ROOT))
    from xlcapital.workbook.dashboard import CHART_ROWS

    import openpyxl

    ws = openpyxl.load_workbook(workbook, read_only=True)["Dashboard"]
    labels = [row[0] for row in ws.iter_rows(min_col=1, max_col=1, values_only=True)]
    chart_title = next(i for i, v in enumerate(labels) if v and str(v).startswith("Closing cash against"))
    return f"A1:I{chart_title + 4 + CHART_ROWS}"


def render(workbook: Path, png: Path) -> None:
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: apt-get install libreoffice-calc-nogui python3-uno poppler-utils")
    area = dashboard_area(workbook)
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        office = subprocess.Popen(
            ["soffice", f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless", "--invisible",
             "--norestore", "--nologo", f"--accept=socket,host=127.0.0.1,port={port};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            pdf = Path(tmp, "dashboard.pdf")
            subprocess.run([UNO_PYTHON, "-c", EXPORT, str(port), str(workbook.resolve()), str(pdf), "Dashboard", area],
                           check=True, timeout=300)
            subprocess.run(["pdftoppm", "-png", "-r", "110", "-singlefile", str(pdf), str(png.with_suffix(""))],
                           check=True, timeout=120)
        finally:
            office.terminate()
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                office.kill()
    print(f"wrote {png.relative_to(ROOT) if png.is_relative_to(ROOT) else png} ({png.stat().st_size} bytes)")


if __name__ == "__main__":
    args = sys.argv[1:]
    book = Path(args[0]) if args else ROOT / "workbooks" / "demo.xlsm"
    out = Path(args[1]) if len(args) > 1 else ROOT / "docs" / "dashboard.png"
    if not book.exists():
        sys.exit(f"{book} is missing: run `xlcapital demo` (or xlcapital generate -o {book}) first")
    render(book, out)
    os.sync()
