"""Benchmark: peak memory (whole process, RSS) of reading one large bank export per format, beside
the plain library doing the same work.

Issue 12 measured 1.25 GB for a 200 MB CSV and 924 MB for a 200 MB CAMT file, and asks for under
300 MB. Each figure here is one fresh Python process that reads one file and prints its own peak
resident set size (``resource.getrusage``), so nothing of another run is counted:

* ``stream``: ``xlcapital.bank.stream(path)`` consumed transaction by transaction (every
  transaction built, with the independent count, balances and dedupe keys, none kept);
* ``cli --csv``: the whole command ``xlcapital bank FILE --csv OUT`` (streamed, merged, written);
* ``read``: ``xlcapital.bank.read(path)``: every transaction kept as a Transaction;
* ``plain``: the plain library doing the same work in its own way: ``csv.reader`` rows, one at a
  time (CSV), ``xml.etree.ElementTree.iterparse`` clearing each entry (CAMT), ``mt940.parse``
  (mt-940 has no streaming reader: it keeps every transaction), ``ofxparse`` (likewise);
* ``python``: the interpreter with the imports alone, the floor both stand on.

The files are made like bench_bank_formats.py's (MT940, CAMT, OFX) and bench_bank_csv.py's (ING,
semicolons; ``csv16``: that CSV saved as UTF-16 LE with a byte-order mark, which ``bank.stream``
re-encodes in slices into a temporary UTF-8 file before reading), scaled to about SIZE MB (default 50; the issue's case is 200).

    PYTHONPATH=. python bench/bench_bank_memory.py [SIZE_MB] [FORMAT ...] [--no-read] [--no-plain]

(``--no-read`` leaves out ``bank.read``, which at 200 MB needs well over 1 GB; ``--no-plain`` the
plain library, of which mt-940 and ofxparse keep every transaction too: ofxparse, through
BeautifulSoup, takes well over half an hour and several GB at 200 MB.)
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: transactions per MB of file, measured on the generators (MT940 ~154 B/tx, CAMT ~480, OFX ~137;
#: csv16: the ING CSV saved as UTF-16 LE with a byte-order mark, two bytes a character)
TX_PER_MB = {"mt940": 6500, "camt": 2090, "ofx": 7300, "csv": 7100, "csv16": 3550}
SUFFIX = {"mt940": ".sta", "camt": ".xml", "ofx": ".ofx", "csv": ".csv", "csv16": ".csv"}

PEAK = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
XLCAPITAL = "import sys; from xlcapital.bank import read; s = read(sys.argv[1]); " + PEAK
STREAM = ("import sys; from xlcapital.bank import stream\nfor s, t in stream(sys.argv[1]): pass\n" + PEAK)
CLI = ("import sys, os, tempfile; from xlcapital.cli import main\nout = os.path.join(tempfile.mkdtemp(), 'out.csv')\n"
       "sys.stdout = open(os.devnull, 'w'); code = main(['bank', sys.argv[1], '--csv', out]); os.remove(out)\n"
       "sys.stdout = sys.__stdout__; " + PEAK)
PLAIN = {
    "csv": "import csv, sys\nfor row in csv.reader(open(sys.argv[1], encoding='utf-8'), delimiter=';'): pass\n" + PEAK,
    "csv16": "import csv, sys\nfor row in csv.reader(open(sys.argv[1], encoding='utf-16'), delimiter=';'): pass\n" + PEAK,
    "camt": ("import sys, xml.etree.ElementTree as ET\nfor event, e in ET.iterparse(sys.argv[1]):\n"
             "    if e.tag.endswith('}Ntry'): e.clear()\n" + PEAK),
    "mt940": "import sys, mt940; t = mt940.parse(sys.argv[1]); " + PEAK,
    "ofx": "import sys, ofxparse; o = ofxparse.OfxParser.parse(open(sys.argv[1], 'rb')); " + PEAK,
}
FLOOR = {
    "xlcapital": "import xlcapital.bank; " + PEAK,
    "plain": {"csv": "import csv; ", "csv16": "import csv; ", "camt": "import xml.etree.ElementTree; ", "mt940": "import mt940; ",
              "ofx": "import ofxparse; "},
}


def make(fmt: str, size_mb: float, path: Path) -> None:
    """Write the file in a process of its own: Linux keeps a child's peak RSS from before its
    exec, so a parent that had held the generated file would inflate every figure after it."""
    subprocess.run([sys.executable, __file__, "--make", fmt, str(size_mb), str(path)], check=True, cwd=ROOT)


def _write(fmt: str, size_mb: float, path: str) -> None:
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    import bench_bank_csv
    import bench_bank_formats

    n = int(size_mb * TX_PER_MB[fmt])
    if fmt in ("csv", "csv16"):
        data = bench_bank_csv.make_file("ing_semicolon", n, random.Random(1))
        if fmt == "csv16":  # as Excel's "Unicode text" saves it
            data = b"\xff\xfe" + data.decode("utf-8").encode("utf-16-le")
    else:
        data = getattr(bench_bank_formats, fmt)(n)
    Path(path).write_bytes(data)


def peak_mb(code: str, path: Path | None = None) -> str:
    args = [sys.executable, "-c", code] + ([str(path)] if path else [])
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        return "failed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:60]
    return done.stdout.strip().splitlines()[-1]


def main() -> None:
    if sys.argv[1:2] == ["--make"]:
        return _write(sys.argv[2], float(sys.argv[3]), sys.argv[4])
    size = float(sys.argv[1]) if len(sys.argv) > 1 else 50.0
    formats = [a for a in sys.argv[2:] if not a.startswith("--")] or ["csv", "csv16", "camt", "mt940", "ofx"]
    print(f"peak resident memory (MB) of one process reading a ~{size:g} MB export")
    print(f"{'format':7} {'file MB':>8} {'stream':>8} {'cli --csv':>10} {'read':>8} {'plain':>8}  {'python alone (xlcapital / plain)':>34}  plain is")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            path = Path(tmp) / f"big{SUFFIX[fmt]}"
            make(fmt, size, path)
            streamed = peak_mb(STREAM, path)
            command = peak_mb(CLI, path)
            ours = peak_mb(XLCAPITAL, path) if "--no-read" not in sys.argv else "-"
            theirs = peak_mb(PLAIN[fmt], path) if "--no-plain" not in sys.argv else "-"
            floors = f"{peak_mb(FLOOR['xlcapital'])} / {peak_mb(FLOOR['plain'][fmt] + PEAK)}"
            library = {"csv": "csv.reader", "csv16": "csv.reader (UTF-16)", "camt": "ElementTree.iterparse", "mt940": "mt-940", "ofx": "ofxparse"}[fmt]
            print(f"{fmt:7} {path.stat().st_size / 2**20:8.1f} {streamed:>8} {command:>10} {ours:>8} {theirs:>8}  {floors:>34}  {library}",
                  flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
