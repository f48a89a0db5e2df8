"""Benchmark: ``xlcapital import`` of a large XAF 3.2 auditfile, beside plain defusedxml doing less.

A file of N transaction lines is generated (a sales journal: per invoice a receivables line with
customer and invoice number, a revenue line and a VAT line; 2,000 customers; RGS codes in
leadReference). Timed, each as a whole process (best of 3, CPU seconds: on a busy machine the
fairer figure) with its peak memory:

* ``xlcapital import FILE -o FOLDER``: reading, mapping, open items, writing the folder;
* plain ``defusedxml.ElementTree.iterparse`` that only sums every trLine's amount (the least a
  reader must do, without line numbers or any bookkeeping).

    python bench/bench_import_xaf.py [LINES]        (default 300,000)
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACCOUNTS = (("1000", "BLimBanRba"), ("1300", "BVorDebHad"), ("1500", "BSchBepBtwAfo"), ("8000", "WOmzNopOlh"), ("0500", "BEivGokGew"))

PLAIN = """
import sys
from decimal import Decimal
from defusedxml.ElementTree import iterparse
total = Decimal(0)
for _, el in iterparse(sys.argv[1]):
    if el.tag.endswith("}trLine"):
        amount = Decimal(el.findtext("{*}amnt"))
        total += amount if el.findtext("{*}amntTp") == "D" else -amount
        el.clear()
print(total)
"""


def generate(lines: int, path: Path) -> None:
    random.seed(1)
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2">\n<header>'
                "<fiscalYear>2024</fiscalYear><startDate>2024-01-01</startDate><endDate>2024-12-31</endDate>"
                "<curCode>EUR</curCode><dateCreated>2025-01-01</dateCreated></header>\n<company><companyName>Groot B.V."
                "</companyName><taxRegistrationCountry>NL</taxRegistrationCountry><taxRegIdent>X</taxRegIdent>\n"
                "<customersSuppliers>")
        for c in range(2000):
            f.write(f"<customerSupplier><custSupID>C{c}</custSupID><custSupName>Klant {c}</custSupName></customerSupplier>\n")
        f.write("</customersSuppliers><generalLedger>")
        for acc, code in ACCOUNTS:
            f.write(f"<ledgerAccount><accID>{acc}</accID><accDesc>{acc}</accDesc><accTp>B</accTp>"
                    f"<leadReference>{code}</leadReference></ledgerAccount>\n")
        f.write(f"</generalLedger>\n<transactions><linesCount>{lines // 3 * 3}</linesCount><totalDebit>0</totalDebit>"
                "<totalCredit>0</totalCredit><journal><jrnID>VK</jrnID><desc>Verkoop</desc>\n")
        for t in range(lines // 3):
            customer, gross = random.randrange(2000), random.randrange(100, 100000)
            net = gross * 100 // 121

            def line(nr, acc, cents, side, extra=""):
                return (f"<trLine><nr>{nr}</nr><accID>{acc}</accID><docRef>F{t}</docRef><effDate>2024-03-01</effDate>"
                        f"<amnt>{cents / 100:.2f}</amnt><amntTp>{side}</amntTp>{extra}</trLine>\n")

            f.write(f"<transaction><nr>{t}</nr><periodNumber>3</periodNumber><trDt>2024-03-01</trDt>\n"
                    + line(1, "1300", gross, "D", f"<custSupID>C{customer}</custSupID><invRef>F{t}</invRef>")
                    + line(2, "8000", net, "C", f"<custSupID>C{customer}</custSupID>")
                    + line(3, "1500", gross - net, "C") + "</transaction>\n")
        f.write("</journal></transactions></company></auditfile>\n")


def measure(argv: list[str]) -> tuple[float, float]:
    """Best CPU seconds of 3 runs, and the peak memory (MB) of the child processes."""
    best = float("inf")
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return best, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.xaf"
        generate(lines, path)
        print(f"XAF 3.2, {lines:,} trLines, {path.stat().st_size / 1e6:.0f} MB")
        plain = measure([sys.executable, "-c", PLAIN, str(path)])  # first: ru_maxrss is the largest child so far
        ours = measure([sys.executable, "-m", "xlcapital", "import", str(path), "-o", str(Path(tmp) / "out"), "--force"])
        print(f"  defusedxml iterparse, sum of amounts    {plain[0]:6.2f} s CPU  {plain[1]:6.0f} MB peak")
        print(f"  xlcapital import (the whole command)    {ours[0]:6.2f} s CPU  {ours[1]:6.0f} MB peak (the larger of both)")


if __name__ == "__main__":
    main()
