#!/usr/bin/env python3
"""Generation time and peak memory of the forecast workbook with 1,000, 10,000 and 100,000 bank transactions.

    PYTHONPATH=. python bench/bench_workbook.py [N ...]
    python bench/bench_workbook.py --one N     # one size, xlcapital's generate() only
    python bench/bench_workbook.py --raw N     # one size, raw XlsxWriter writing the same Bank table

The sample company's forecast inputs with N synthetic transactions in its Bank table (every row
with its Category formula). Each size runs in a fresh process, so the peak resident memory
(ru_maxrss) is that size's own; the time is generate() alone (building the transactions is not
counted). Targets (docs/DESIGN.md): 10,000 under 2 s and 300 MB; 100,000 under 10 s.
"""

from __future__ import annotations

import datetime as dt
import random
import resource
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

SIZES = (1_000, 10_000, 100_000)
NAMES = ("Albert Heijn", "Shell Station", "Belastingdienst", "Mollie Payments", "Vaillant Group", "KPN B.V.")


def statements(n: int):
    from xlcapital.bank.model import Statement, Transaction, assign_keys

    rnd = random.Random(n)
    start = dt.date(2024, 1, 1)
    txs = [
        Transaction(start + dt.timedelta(days=i * 365 // n), Decimal(rnd.randint(-500_000, 500_000)) / 100,
                    value_date=start + dt.timedelta(days=i * 365 // n), currency="EUR",
                    counterparty=rnd.choice(NAMES), counterparty_iban="NL91ABNA0417164300",
                    description=f"Factuur {rnd.randint(1, 99999)} omschrijving", reference=f"REF{i}")
        for i in range(n)
    ]
    s = Statement("NL67INGB0006543210", "EUR", txs)
    assign_keys(s.transactions, s.account)
    return [s]


def one(n: int) -> None:
    from xlcapital.workbook.api import load_inputs
    from xlcapital.workbook.generator import generate

    inputs, _ = load_inputs(None)
    sts = statements(n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.xlsx"
        t = time.perf_counter()
        generate(inputs, path, statements=sts)
        seconds = time.perf_counter() - t
        size = path.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{n:>8,} transactions: {seconds:6.2f} s, peak memory {peak / 1024:6.0f} MB "
          f"(before generating {before / 1024:4.0f} MB), file {size / 1e6:5.1f} MB", flush=True)


def raw(n: int) -> None:
    """The plain library writing the same bank rows: XlsxWriter writes the Bank table's values (no
    calculated columns: XlsxWriter's own table formulas cost over 1 ms a row), nothing else."""
    import xlsxwriter

    from xlcapital.workbook.bank import COLUMNS, rows
    from xlcapital.workbook.tables import excel_date

    sts = statements(n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "raw.xlsx"
        t = time.perf_counter()
        wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                             "strings_to_urls": False})
        ws = wb.add_worksheet("Bank")
        date, money = wb.add_format({"num_format": "yyyy-mm-dd"}), wb.add_format({"num_format": "#,##0.00"})
        inputs = [i for i, c in enumerate(COLUMNS) if c.formula is None]
        count = 0
        for r, values in enumerate(rows(sts), start=1):
            for c, v in zip(inputs, values):
                kind = COLUMNS[c].kind
                if v is None or v == "":
                    continue
                if kind == "date":
                    ws.write_number(r, c, excel_date(v), date)
                elif kind == "money":
                    ws.write_number(r, c, float(v), money)
                else:
                    ws.write_string(r, c, str(v))
            count += 1
        ws.add_table(0, 0, count, len(COLUMNS) - 1, {"name": "Bank", "columns": [
            {"header": c.name} for c in COLUMNS]})
        wb.close()
        seconds = time.perf_counter() - t
        size = path.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{n:>8,} transactions, raw XlsxWriter: {seconds:6.2f} s, peak memory {peak / 1024:6.0f} MB "
          f"(before writing {before / 1024:4.0f} MB), file {size / 1e6:5.1f} MB", flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] in ("--one", "--raw"):
        (one if sys.argv[1] == "--one" else raw)(int(sys.argv[2]))
    else:
        sizes = [int(a) for a in sys.argv[1:]] or SIZES
        print("generate() of the sample company's workbook with N bank transactions (a fresh process each):")
        for n in sizes:
            subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)
            subprocess.run([sys.executable, __file__, "--raw", str(n)], check=True)
