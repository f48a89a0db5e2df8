#!/usr/bin/env python3
"""Render the sheets of a workbook to PNG with LibreOffice headless, to look at them as a user would.

    PYTHONPATH=. python scripts/render_sheets.py [WORKBOOK ...] [--out FOLDER] [--rows N] [--sheet NAME ...]
    PYTHONPATH=. python scripts/render_sheets.py --dashboard [WORKBOOK] [PNG]

The first form writes ``FOLDER/<workbook>-<sheet>.png`` for every sheet (default: workbooks/demo.xlsm
and workbooks/xlcapital-functions.xlsm into build/sheets/); a long sheet is cut after ``--rows`` rows
(default 70); the functions workbook shows the values it carries (LibreOffice has no xlwings
functions). The second writes the picture of the README: the Dashboard of workbooks/demo.xlsm, its
key figures, triggers and chart (the helper rows below the chart left out), to docs/dashboard.png.

Regenerates nothing: it renders the real file ``xlcapital demo`` / ``generate`` / ``addin`` wrote.
LibreOffice (soffice, with Debian's python3-uno) loads the workbook hidden, recalculates it, exports
each sheet's used range on a page of its own size at 100 % to PDF (tests/libreoffice.py PdfExporter),
and ``pdftoppm`` (Debian package poppler-utils) turns each page into a PNG.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.libreoffice import PdfExporter  # noqa: E402
from xlsxwriter.utility import xl_rowcol_to_cell  # noqa: E402

DEFAULT_BOOKS = (ROOT / "workbooks" / "demo.xlsm", ROOT / "workbooks" / "xlcapital-functions.xlsm")
DPI = 110
#: workbooks shown with the values they carry: their formulas call the xlwings functions
CACHED = {"xlcapital-functions.xlsm"}


def used_areas(workbook: Path, rows: int, only: list[str] | None = None) -> dict[str, str]:
    """sheet -> its used range (at most ``rows`` rows; charts and buttons widen nothing) as A1:X9."""
    import openpyxl

    wb = openpyxl.load_workbook(workbook, read_only=True)
    out = {}
    for ws in wb.worksheets:
        if only and ws.title not in only:
            continue
        ws.reset_dimensions()
        last_row, last_col = 0, 0
        for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
            if r > rows:
                break
            filled = [c for c, v in enumerate(row, start=1) if v not in (None, "")]
            if filled:
                last_row, last_col = r, max(last_col, filled[-1])
        out[ws.title] = f"A1:{xl_rowcol_to_cell(max(last_row, 1) - 1, max(last_col, 1) - 1)}"
    return out


def dashboard_area(workbook: Path) -> str:
    """The Dashboard rows of the README picture: from A1 to the end of the chart."""
    import openpyxl

    from xlcapital.workbook.dashboard import CHART_ROWS, CHART_TITLE, RULE_COL

    ws = openpyxl.load_workbook(workbook, read_only=True)["Dashboard"]
    labels = [row[0] for row in ws.iter_rows(min_col=1, max_col=1, values_only=True)]
    title = next(i for i, v in enumerate(labels) if v == CHART_TITLE)
    return f"A1:{xl_rowcol_to_cell(title + 3 + CHART_ROWS, RULE_COL)}"


def check_tools() -> None:
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: apt-get install libreoffice-calc-nogui python3-uno poppler-utils")


def render(jobs: list[tuple[Path, str, str, Path]], recalculate: bool = True) -> list[Path]:
    """Render each (workbook, sheet, range, png); one soffice for all of them. ``recalculate=False``
    shows the values the files carry (LibreOffice has no xlwings functions: they would be #NAME?)."""
    check_tools()
    written = []
    with tempfile.TemporaryDirectory() as tmp, PdfExporter(shutil.which("soffice"), Path(tmp, "profile"),
                                                           timeout=600, recalculate=recalculate) as office:
        by_book: dict[Path, list] = {}
        for book, sheet, area, png in jobs:
            by_book.setdefault(book, []).append((sheet, area, png))
        for b, (book, items) in enumerate(by_book.items()):
            pdfs = [Path(tmp, f"{b}-{i}.pdf") for i in range(len(items))]
            office.export(book, [(sheet, area, pdf) for (sheet, area, _), pdf in zip(items, pdfs)])
            for (_, _, png), pdf in zip(items, pdfs):
                png.parent.mkdir(parents=True, exist_ok=True)
                subprocess.run(["pdftoppm", "-q", "-png", "-r", str(DPI), "-singlefile", str(pdf),
                                str(png.with_suffix(""))], check=True, timeout=120)
                written.append(png)
    for png in written:
        print(f"wrote {png.relative_to(ROOT) if png.is_relative_to(ROOT) else png} ({png.stat().st_size} bytes)")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="workbooks (with --dashboard: WORKBOOK [PNG])")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "sheets", help="folder of the PNGs")
    parser.add_argument("--rows", type=int, default=70, help="rows of a long sheet to show (default 70)")
    parser.add_argument("--sheet", action="append", help="only this sheet (repeatable)")
    parser.add_argument("--dashboard", action="store_true", help="the README picture of the Dashboard")
    parser.add_argument("--cached", action="store_true", help="show the values the files carry, recalculate nothing")
    args = parser.parse_args(argv)
    if args.dashboard:
        book = args.paths[0] if args.paths else DEFAULT_BOOKS[0]
        png = args.paths[1] if len(args.paths) > 1 else ROOT / "docs" / "dashboard.png"
        books = [book]
    else:
        books = args.paths or list(DEFAULT_BOOKS)
    for book in books:
        if not book.exists():
            sys.exit(f"{book} is missing: run `xlcapital demo` (or xlcapital generate / addin -o {book}) first")
    if args.dashboard:
        render([(books[0].resolve(), "Dashboard", dashboard_area(books[0]), png)])
        return 0
    jobs: dict[bool, list] = {True: [], False: []}
    for book in books:
        recalculate = book.name not in CACHED and not args.cached
        for sheet, area in used_areas(book, args.rows, args.sheet).items():
            name = sheet.replace(".", "-").replace(" ", "-")
            jobs[recalculate].append((book.resolve(), sheet, area, args.out / f"{book.stem}-{name}.png"))
    for recalculate, some in jobs.items():
        if some:
            render(some, recalculate)
    return 0


if __name__ == "__main__":
    sys.exit(main())
