"""Benchmark: vectorized ratios over 1,000,000 rows, and the cost of one scalar call.

Target (DESIGN.md): a vectorized ratio over 1,000,000 rows in under 0.1 s. Prints the best of a
few runs for DSO on plain arrays, on (n, 2) (opening, closing) pairs, on pandas Series, the full
CCC, and plain numpy arithmetic as the floor; then microseconds per scalar call.

    PYTHONPATH=. python bench/bench_ratios.py [N]
"""

from __future__ import annotations

import sys
import timeit

import numpy as np
import pandas as pd

from xlcapital import ratios


def best(fn, repeat: int = 5, number: int = 1) -> float:
    return min(timeit.repeat(fn, repeat=repeat, number=number)) / number


def main(n: int = 1_000_000) -> None:
    rng = np.random.default_rng(2024)
    receivables = rng.uniform(0, 500_000, n)
    pairs = np.column_stack([receivables, rng.uniform(0, 500_000, n)])
    inventory = rng.uniform(0, 300_000, n)
    payables = rng.uniform(0, 400_000, n)
    revenue = rng.uniform(0, 5_000_000, n)
    revenue[::1000] = 0.0  # some zero denominators: NaN, never inf
    cogs = revenue * 0.6
    series = pd.Series(receivables)
    revenue_series = pd.Series(revenue)

    cases = [
        ("numpy floor: receivables / (revenue / 365)", lambda: receivables / (revenue / 365)),
        ("dso(array, array)", lambda: ratios.dso(receivables, revenue)),
        ("dso((n, 2) pairs, array)", lambda: ratios.dso(pairs, revenue)),
        ("dso(Series, Series)", lambda: ratios.dso(series, revenue_series)),
        ("ccc(pairs, arrays, cogs=...)", lambda: ratios.ccc(pairs, inventory, payables, revenue, cogs=cogs)),
        ("current_ratio(array, array)", lambda: ratios.current_ratio(receivables + inventory, payables)),
        ("gross_working_capital(arrays)", lambda: ratios.gross_working_capital(receivables, inventory, payables)),
    ]
    print(f"{n:,} rows, best of 5 runs (target < 0.100 s)")
    with np.errstate(divide="ignore", invalid="ignore"):
        for name, fn in cases:
            seconds = best(fn)
            print(f"  {name:<45} {seconds:8.4f} s  {'ok' if seconds < 0.1 else 'SLOW'}")
    result = ratios.dso(receivables, revenue)
    print(f"  zero denominators -> NaN: {int(np.isnan(result).sum()):,} rows, inf: {int(np.isinf(result).sum())}")

    print("one scalar call (microseconds)")
    for name, fn in [
        ("dso(90000, 730000)", lambda: ratios.dso(90_000, 730_000)),
        ("dso((80000, 100000), 730000)", lambda: ratios.dso((80_000, 100_000), 730_000)),
        ("net_working_capital(Decimals)", lambda: ratios.net_working_capital(90_000, 40_000, 20_000, 110_000)),
    ]:
        print(f"  {name:<45} {best(fn, repeat=3, number=2000) * 1e6:8.1f} us")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
