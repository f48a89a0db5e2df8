"""Benchmark: read 100,000 bank transactions in MT940, CAMT.053 and OFX through xlcapital.bank.read
(and, beside it, through xlcapital.bank.stream: every transaction handed on, none kept).

Each file is generated in the shape of the real samples (shared/bankfeeds): MT940 as Rabobank's
structured export (:61: + account line + /EREF/ /NAME/ /REMI/ :86:, one statement per day), CAMT
as a camt.053.001.02 statement with Ntry/NtryDtls/TxDtls (every tenth entry a batch of three),
OFX as a 1.02 SGML file with CHARSET 1252. Prints wall and CPU time (best of 3) and peak traced
memory per format; the target (DESIGN.md) is under 3 s each, with memory not growing beyond the
transactions.

    PYTHONPATH=. python bench/bench_bank_formats.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from xlcapital.bank import read, stream

START = date(2024, 1, 1)
#: untimed runs per format, the best one printed
RUNS = 3


def _amount(i: int) -> Decimal:
    """A deterministic signed amount with cents: every third transaction is money in."""
    cents = (i * 7919) % 250000 + 1
    return Decimal(cents).scaleb(-2) * (1 if i % 3 == 0 else -1)


def mt940(n: int) -> bytes:
    out = [":940:"]
    balance = Decimal("1000.00")
    per_day = 50
    for day in range((n + per_day - 1) // per_day):
        d = START + timedelta(days=day)
        ymd = d.strftime("%y%m%d")
        out += [f":20:940S{ymd}", ":25:NL50RABO0123456789 EUR", ":28C:0"]
        out.append(f":60F:{'C' if balance >= 0 else 'D'}{ymd}EUR{abs(balance):015.2f}".replace(".", ","))
        for i in range(day * per_day, min(n, (day + 1) * per_day)):
            a = _amount(i)
            balance += a
            mark = "C" if a > 0 else "D"
            out.append(f":61:{ymd}{mark}{abs(a):015.2f}N541EREF".replace(".", ",", 1))
            out.append(f"NL{10 + i % 89}RABO{i % 10**10:010d}")
            out.append(f":86:/EREF/E2E{i:012d}/ORDP//NAME/Leverancier {i % 997} B.V./REMI/Factuur {i}")
            out.append(f"/ISDT/{d.isoformat()}")
        out.append(f":62F:{'C' if balance >= 0 else 'D'}{ymd}EUR{abs(balance):015.2f}".replace(".", ","))
    return ("\r\n".join(out) + "\r\n").encode("ascii")


def camt(n: int) -> bytes:
    entries = []
    i = 0
    total = Decimal(0)
    while i < n:
        d = (START + timedelta(days=i // 50)).isoformat()
        batch = 3 if (len(entries) % 10 == 9 and n - i >= 3) else 1
        amounts = [_amount(i + k) for k in range(batch)]
        if batch > 1:  # a batch books debits only, as one entry
            amounts = [-abs(a) for a in amounts]
        s = sum(amounts)
        total += s
        details = "".join(
            f"<TxDtls><Refs><EndToEndId>E2E{i + k}</EndToEndId></Refs>"
            f"<AmtDtls><TxAmt><Amt Ccy=\"EUR\">{abs(a)}</Amt></TxAmt></AmtDtls>"
            f"<RltdPties><Cdtr><Nm>Leverancier {(i + k) % 997} B.V.</Nm></Cdtr>"
            f"<CdtrAcct><Id><IBAN>NL{10 + (i + k) % 89}INGB{(i + k) % 10**10:010d}</IBAN></Id></CdtrAcct></RltdPties>"
            f"<RmtInf><Ustrd>Factuur {i + k}</Ustrd></RmtInf></TxDtls>"
            for k, a in enumerate(amounts)
        )
        entries.append(
            f"<Ntry><Amt Ccy=\"EUR\">{abs(s)}</Amt><CdtDbtInd>{'CRDT' if s > 0 else 'DBIT'}</CdtDbtInd>"
            f"<Sts>BOOK</Sts><BookgDt><Dt>{d}</Dt></BookgDt><ValDt><Dt>{d}</Dt></ValDt>"
            f"<AcctSvcrRef>REF{i}</AcctSvcrRef><BkTxCd/><NtryDtls>{details}</NtryDtls></Ntry>"
        )
        i += batch
    opening = Decimal("1000.00")
    closing = opening + total
    body = "\n".join(entries)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>'
        "<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2024-12-31T12:00:00</CreDtTm></GrpHdr>"
        "<Stmt><Id>BENCH-1</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>"
        f"<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{opening}</Amt>"
        f"<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{START.isoformat()}</Dt></Dt></Bal>"
        f"<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{abs(closing)}</Amt>"
        f"<CdtDbtInd>{'CRDT' if closing >= 0 else 'DBIT'}</CdtDbtInd><Dt><Dt>2024-12-31</Dt></Dt></Bal>\n"
        f"{body}\n</Stmt></BkToCstmrStmt></Document>\n"
    ).encode("utf-8")


def ofx(n: int) -> bytes:
    rows = []
    total = Decimal(0)
    for i in range(n):
        a = _amount(i)
        total += a
        d = (START + timedelta(days=i // 50)).strftime("%Y%m%d")
        rows.append(
            f"<STMTTRN>\n<TRNTYPE>{'CREDIT' if a > 0 else 'DEBIT'}\n<DTPOSTED>{d}120000\n<TRNAMT>{a}\n"
            f"<FITID>{i}\n<NAME>Leverancier {i % 997} B.V.\n<MEMO>Factuur {i}\n</STMTTRN>"
        )
    header = (
        "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\n"
        "COMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n"
    )
    body = (
        "<OFX>\n<SIGNONMSGSRSV1>\n<SONRS>\n<STATUS>\n<CODE>0\n<SEVERITY>INFO\n</STATUS>\n<DTSERVER>20241231\n"
        "<LANGUAGE>ENG\n</SONRS>\n</SIGNONMSGSRSV1>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<TRNUID>1\n<STATUS>\n<CODE>0\n"
        "<SEVERITY>INFO\n</STATUS>\n<STMTRS>\n<CURDEF>EUR\n<BANKACCTFROM>\n<BANKID>ABNA\n"
        "<ACCTID>NL91ABNA0417164300\n<ACCTTYPE>CHECKING\n</BANKACCTFROM>\n<BANKTRANLIST>\n<DTSTART>20240101\n"
        "<DTEND>20241231\n" + "\n".join(rows) + "\n</BANKTRANLIST>\n"
        f"<LEDGERBAL>\n<BALAMT>{Decimal('1000.00') + total}\n<DTASOF>20241231\n</LEDGERBAL>\n"
        "</STMTRS>\n</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n"
    )
    return (header + body).encode("cp1252")


GENERATORS = {"mt940": (mt940, ".sta"), "camt": (camt, ".xml"), "ofx": (ofx, ".ofx")}


def run(fmt: str, n: int, folder: Path) -> None:
    make, suffix = GENERATORS[fmt]
    path = folder / f"bench_{fmt}{suffix}"
    path.write_bytes(make(n))
    size = path.stat().st_size
    # the untraced time is the honest figure (tracemalloc slows allocation-heavy code down); CPU
    # time is printed beside wall time because a shared machine's load inflates the latter. Best
    # of RUNS, as bench_bank_csv.py does: other jobs on the machine only ever add time.
    plain = cpu = float("inf")
    for _ in range(RUNS):
        t0, c0 = time.perf_counter(), time.process_time()
        statements = read(path)
        plain, cpu = min(plain, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
        count = sum(len(s.transactions) for s in statements)
        del statements  # the next run (and the traced one below) starts from the same empty state
    streamed = float("inf")
    for _ in range(RUNS):
        c0 = time.process_time()
        handed = sum(1 for _ in stream(path))
        streamed = min(streamed, time.process_time() - c0)
    assert handed == count
    tracemalloc.start()
    t0 = time.perf_counter()
    read(path)
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{fmt:6} {count:>8,} tx  file {size / 1e6:6.1f} MB  read {plain:5.2f} s wall, {cpu:5.2f} s CPU "
        f"(traced {elapsed:5.2f} s)  peak {peak / 1e6:6.1f} MB = {peak / count:5.0f} B/tx; "
        f"stream {streamed:5.2f} s CPU"
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    formats = sys.argv[2:] or list(GENERATORS)
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            run(fmt, n, Path(tmp))


if __name__ == "__main__":
    main()
