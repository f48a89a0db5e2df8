"""Benchmark: the Python-side cost of the xlcapital Excel functions (xlcapital.excel.udfs).

1. One scalar call, ``=DSO(B2, C2)``: what xlcapital adds around the library per cell (reading
   the ranges, the checks, the result as a cell value), against calling ratios.dso directly.
2. One vectorized call over 100,000 rows, ``=DSO(B2:C100001, D2:D100001)`` (receivables as
   (opening, closing) pairs, revenue one column), as xlwings hands it over: lists of rows with
   floats; the result as a column of rows. Also with one empty cell in ten (#N/A rows) and with
   a text cell (a #VALUE! row).

Not included: Excel and COM (transferring 100,000 cells between Excel and Python) and xlwings'
own conversion of the values, which need Windows and Excel.

    PYTHONPATH=. python bench/bench_udfs.py [ROWS]
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np

from xlcapital import ratios
from xlcapital.excel import udfs


def per_call(fn, *args, repeat: int = 20_000) -> float:
    """Median of 5 runs of ``repeat`` calls, in microseconds per call."""
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(repeat):
            fn(*args)
        runs.append((time.perf_counter() - start) / repeat * 1e6)
    return statistics.median(runs)


def once(fn, *args, repeat: int = 5) -> float:
    """Best of ``repeat`` calls, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - start)
    return best


def main(rows: int = 100_000) -> None:
    print("Scalar call (one cell per argument):")
    lib = per_call(ratios.dso, 90_000.0, 730_000.0)
    udf = per_call(udfs.DSO, [[90_000.0]], [[730_000.0]])
    pair = per_call(udfs.DSO, [[80_000.0, 100_000.0]], [[730_000.0]])
    div0 = per_call(udfs.DSO, [[90_000.0]], [[0.0]])
    print(f"  ratios.dso(90000, 730000)              {lib:8.1f} us")
    print(f"  udfs.DSO([[90000]], [[730000]])        {udf:8.1f} us  (xlcapital adds {udf - lib:.1f} us)")
    print(f"  udfs.DSO([[80000, 100000]], ...)       {pair:8.1f} us  (an (opening, closing) pair)")
    print(f"  udfs.DSO(..., [[0]]) -> #DIV/0!        {div0:8.1f} us")

    rng = np.random.default_rng(1)
    opening = rng.uniform(0, 200_000, rows).round(2)
    closing = rng.uniform(0, 200_000, rows).round(2)
    revenue = rng.uniform(100_000, 2_000_000, rows).round(2)
    receivables_rows = [[o, c] for o, c in zip(opening.tolist(), closing.tolist())]
    revenue_rows = [[r] for r in revenue.tolist()]

    print(f"\nOne vectorized call over {rows:,} rows (as xlwings passes ranges: lists of rows):")
    t_lib = once(ratios.dso, np.column_stack([opening, closing]), revenue)
    t_udf = once(udfs.DSO, receivables_rows, revenue_rows)
    result = udfs.DSO(receivables_rows, revenue_rows)
    assert len(result) == rows and np.allclose([r[0] for r in result], (opening + closing) / 2 / (revenue / 365))
    print(f"  ratios.dso on numpy arrays             {t_lib * 1e3:8.1f} ms")
    print(f"  udfs.DSO, pairs + column               {t_udf * 1e3:8.1f} ms  ({t_udf / rows * 1e6:.2f} us a row)")

    gaps = [[None] if i % 10 == 0 else r for i, r in enumerate(revenue_rows)]
    t_gaps = once(udfs.DSO, receivables_rows, gaps)
    print(f"  with an empty cell in every 10th row   {t_gaps * 1e3:8.1f} ms  (#N/A in those rows)")
    texted = list(revenue_rows)
    texted[rows // 2] = ["1.234,56"]
    t_text = once(udfs.DSO, receivables_rows, texted)
    print(f"  with one text cell                     {t_text * 1e3:8.1f} ms  (#VALUE! in its row)")
    scalar_calls = rows * udf / 1e6
    print(f"\n{rows:,} scalar calls (one formula per row) would cost {scalar_calls:.2f} s of Python alone, "
          f"{scalar_calls / t_udf:.0f}x the one vectorized call.")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
