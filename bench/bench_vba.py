"""Benchmark of the VBA project writer and of the bank-import macro in LibreOffice.

Prints: MS-OVBA compression speed, the time to build the workbook's vbaProject.bin, and how long
LibreOffice needs to import a synthetic ING export of N rows with BankImport.ImportBankFeedFromPath
(skipped when soffice or Debian's python3-uno are missing).

    PYTHONPATH=. python bench/bench_vba.py [ROWS]
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from xlcapital.workbook.vba.compression import compress  # noqa: E402
from xlcapital.workbook.vba.macros import bank_import_source, project_for_workbook  # noqa: E402


def timed(fn, *args, repeat: int = 3):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - t)
    return best, result


def ing_export(rows: int) -> str:
    lines = ['"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort","Mededelingen"']
    start = date(2026, 1, 1)
    for i in range(rows):
        day = (start + timedelta(days=i % 90)).strftime("%Y%m%d")
        lines.append(f'"{day}","Leverancier {i % 37}","NL91INGB0001234567","NL02ABNA0123456789","OV","{"Af" if i % 3 else "Bij"}",'
                     f'"{i % 500},{i % 100:02d}","Overschrijving","Factuur {i} Valutadatum: 01-01-2026"')
    return "\n".join(lines) + "\n"


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    source = bank_import_source().encode("cp1252")
    seconds, packed = timed(compress, source)
    print(f"compress BankImport source: {len(source):,} -> {len(packed):,} bytes in {seconds * 1000:.1f} ms "
          f"({len(source) / seconds / 1e6:.2f} MB/s)")
    codenames = ["Start", "Dashboard", "Forecast", "Scenarios", "Settings", "Bank", "Receivables", "Payables"]
    seconds, project = timed(project_for_workbook, codenames)
    print(f"project_for_workbook ({len(codenames)} sheets + 2 modules): {len(project):,} bytes in {seconds * 1000:.1f} ms")

    soffice = shutil.which("soffice")
    if soffice is None or not Path("/usr/bin/python3").exists():
        print("LibreOffice import: skipped (no soffice / python3-uno)")
        return

    from tests.libreoffice import MacroRunner
    from xlcapital.forecast import Inputs, Settings
    from xlcapital.workbook.generator import generate
    from xlcapital.workbook.vba import workbook_hook

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book = folder / "forecast.xlsm"
        generate(Inputs(Settings(start=date(2026, 4, 6), opening_balance=Decimal(1000))), book, vba=workbook_hook())
        feed = folder / "ing.csv"
        feed.write_text(ing_export(rows), encoding="utf-8")
        with MacroRunner(soffice, folder / "profile") as lo:
            t = time.perf_counter()
            lo.run(book, [])
            load = time.perf_counter() - t
            t = time.perf_counter()
            result = lo.run(book, [("BankImport.ImportBankFeedFromPath", [str(feed)])])
            total = time.perf_counter() - t
        print(f"LibreOffice: load the workbook {load:.2f} s; import {rows:,} ING rows {total - load:.2f} s "
              f"beyond the load (added {result[0].get('value')})")


if __name__ == "__main__":
    main()
