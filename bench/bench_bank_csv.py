"""Benchmark: reading 100,000 rows of every Dutch bank CSV layout (target: under 3 s each).

For each preset, a file of N rows is made in that bank's shape from its fixture in
tests/data/bank (the same preamble, header, quoting, encoding and columns; the rows cycle through
the fixture's rows with dates spread over two years, random amounts in the bank's notation and
varied descriptions). Then ``xlcapital.bank.read_bytes`` reads it: decoding, recognising the
layout, parsing, the independent count check, balances, dedupe keys. Printed per layout: file size,
seconds (wall clock and CPU, best of 3: on a busy machine the CPU time is the fairer figure), peak Python memory (tracemalloc, a separate run) and the merge of the result.

    PYTHONPATH=. python bench/bench_bank_csv.py [ROWS]
"""

from __future__ import annotations

import csv
import io
import random
import sys
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from xlcapital import bank  # noqa: E402
from xlcapital.bank import csvbank  # noqa: E402
from xlcapital.bank.presets import PRESETS  # noqa: E402
from xlcapital.bank.textio import decode_text  # noqa: E402

FIXTURES = ROOT / "tests" / "data" / "bank"
FIXTURE_OF = {
    "ing": "ing_comma.csv",
    "ing_semicolon": "ing_semicolon.csv",
    "rabobank": "rabobank.csv",
    "rabobank_old": "rabobank_old.csv",
    "abnamro": "abnamro.TAB",
    "bunq": "bunq_nl.csv",
    "bunq_en": "bunq_en.csv",
    "bunq_semicolon": "bunq_semicolon.csv",
    "knab": "knab.csv",
    "asn": "asn.csv",
    "triodos": "triodos.csv",
    "triodos_8": "triodos_8.csv",
    "ing_dmy": "ing_comma_dmy.csv",
    "ing_en": "ing_en.csv",
    "ing_en_comma": "ing_en_comma.csv",
    "regiobank": "regiobank.csv",
    "rabobank_en": "rabobank_en.csv",
    "rabobank_business": "rabobank_business.csv",
    "rabobank_cc": "rabobank_cc.csv",
}
WORDS = "huur factuur voorschot koffie energie telecom drukwerk klant levering abonnement rente kosten".split()


def format_date(d: date, fmt: str) -> str:
    return fmt.replace("YYYY", f"{d.year:04d}").replace("MM", f"{d.month:02d}").replace("DD", f"{d.day:02d}")


def format_amount(cents: int, decimal: str, signed: bool) -> str:
    text = f"{abs(cents) // 100}{decimal}{abs(cents) % 100:02d}"
    return ("-" if cents < 0 else "") + text if signed else text


def make_file(name: str, rows: int, rnd: random.Random) -> bytes:
    """``rows`` data rows in the shape of preset ``name``'s fixture."""
    preset = PRESETS[name]
    raw = (FIXTURES / FIXTURE_OF[name]).read_bytes()
    try:
        raw.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        encoding = preset.encodings[-1]
    text = decode_text(raw, preset.encodings)
    lines = text.replace("\r\n", "\n").split("\n")
    head_count = preset.skip_lines + (1 if preset.header == "required" else 0)
    head, body = lines[:head_count], [ln for ln in lines[head_count:] if ln.strip()]
    dialect = dict(delimiter=preset.delimiter, quotechar=preset.quotechar or '"',
                   quoting=csv.QUOTE_NONE if not preset.quotechar else csv.QUOTE_MINIMAL)
    templates = [next(csv.reader([ln], **dialect)) for ln in body]
    header = next(csv.reader([head[-1]], **dialect)) if preset.header == "required" else None
    layout = csvbank._Layout(preset, header)
    quote_all = bool(preset.quotechar) and body[0].startswith(preset.quotechar)
    out = io.StringIO()
    out.write("".join(line + "\n" for line in head))
    writer = csv.writer(out, delimiter=preset.delimiter, quotechar=preset.quotechar or '"', lineterminator="\n",
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_NONE if not preset.quotechar else csv.QUOTE_MINIMAL,
                        escapechar=None if preset.quotechar else "\\")
    start = date(2024, 1, 1)
    signed = preset.sign is None
    for i in range(rows):
        row = list(templates[i % len(templates)])
        if len(row) > layout.width:
            row = row[: layout.width] + [""] * (len(row) - layout.width)
        cents = rnd.randint(-250_000, 250_000)
        row[layout.index["booking_date"]] = format_date(start + timedelta(days=i * 730 // rows), preset.date_format)
        row[layout.index["amount"]] = format_amount(cents, preset.decimal, signed)
        if layout.index["sign"] is not None:
            row[layout.index["sign"]] = (preset.debit_values if cents < 0 else preset.credit_values)[0]
        if layout.description:
            row[layout.description[0]] = f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} {i}"
        writer.writerow(row)
    return out.getvalue().encode(encoding)


def main(rows: int) -> None:
    rnd = random.Random(2026)
    print(f"reading {rows:,} rows per layout (bank.read_bytes: detect, parse, count check, balances, keys)")
    print(f"{'layout':<16}{'MB':>7}{'read s':>9}{'cpu s':>8}{'peak MB':>10}{'merge s':>9}  statements")
    for name in PRESETS:
        data = make_file(name, rows, rnd)
        best = cpu = float("inf")
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            statements = bank.read_bytes(data, source=name)
            best, cpu = min(best, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
        assert sum(len(s.transactions) for s in statements) == rows
        t0 = time.perf_counter()
        bank.merge(statements)
        merge_s = time.perf_counter() - t0
        del statements
        tracemalloc.start()
        bank.read_bytes(data, source=name)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        flag = "" if best < 3 else "  OVER 3 s"
        n = len(bank.read_bytes(data, source=name))
        print(f"{name:<16}{len(data) / 1e6:>7.1f}{best:>9.2f}{cpu:>8.2f}{peak / 1e6:>10.0f}{merge_s:>9.2f}  {n}{flag}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
