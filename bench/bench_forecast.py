"""Benchmark of the forecast engine: prints time and peak memory (never asserted).

    PYTHONPATH=. python bench/bench_forecast.py            # both parts
    PYTHONPATH=. python bench/bench_forecast.py big        # one forecast from 100,000 bank transactions
    PYTHONPATH=. python bench/bench_forecast.py batch      # a batch of 1,000 companies

Each part runs in a fresh process, so its peak resident memory is its own. The companies are the
synthetic wholesaler of bench/make_sample.py with the sample's settings files (forecast.toml, ...).
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

HAND_WRITTEN = ("forecast.toml", "customers.csv", "recurring.csv", "sales.csv", "categories.csv", "company.toml")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def company_folder(out: Path, **kwargs) -> int:
    """A company folder: the sample's settings files and a generated history; returns its transaction count."""
    from make_sample import write_sample

    from xlcapital.company import sample_dir

    out.mkdir(parents=True, exist_ok=True)
    for name in HAND_WRITTEN:
        shutil.copy(sample_dir() / name, out / name)
    return len(write_sample(out, **kwargs).tx)


def big() -> None:
    from xlcapital.forecast import analyse, load
    from xlcapital.forecast.folder import read_bank_folder

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "big"
        # 104 weeks of history with ~190 webshop payouts a business day: about 100,000 transactions
        count = company_folder(folder, weeks=104, card_payments_per_day=190, exact=False)
        size = sum(p.stat().st_size for p in (folder / "bank").iterdir()) / 1e6
        base = peak_mb()
        tb = time.perf_counter()
        read_bank_folder(folder / "bank")
        bank_seconds = time.perf_counter() - tb
        t0 = time.perf_counter()
        inputs = load(folder)
        t1 = time.perf_counter()
        result = analyse(inputs)
        t2 = time.perf_counter()
        print(f"forecast from {inputs.bank_transactions:,} bank transactions ({count:,} generated, {size:.1f} MB ING CSV):")
        print(f"  load (read, merge, match {len(inputs.receivables):,} invoices, learn): {t1 - t0:.2f} s,"
              f" of which reading the export with xlcapital.bank {bank_seconds:.2f} s")
        print(f"  analyse (3 scenarios + 6 stress tests, triggers, KPIs):              {t2 - t1:.3f} s")
        print(f"  total {t2 - t0:.2f} s, peak resident memory {peak_mb():.0f} MB (before loading {base:.0f} MB)")
        assert result.default.weeks


def batch(n: int = 1000, distinct: int = 20) -> None:
    from xlcapital.forecast import analyse, load

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        models = []
        for i in range(distinct):
            folder = root / f"model{i}"
            company_folder(folder, weeks=13 + i % 14, scale=0.5 + i / distinct, seed=i, exact=False)
            models.append(folder)
        folders = []
        for i in range(n):
            folder = root / f"company{i:04d}"
            shutil.copytree(models[i % distinct], folder)
            folders.append(folder)
        base = peak_mb()
        t0 = time.perf_counter()
        transactions = 0
        breaches = 0
        for folder in folders:
            result = analyse(load(folder))
            transactions += result.inputs.bank_transactions
            breaches += any(r.first_breach_week for r in result.stress)
        elapsed = time.perf_counter() - t0
        print(f"batch of {n:,} companies ({transactions:,} bank transactions in all), load + analyse each:")
        print(f"  {elapsed:.1f} s, {elapsed / n * 1000:.0f} ms a company; {breaches} with a stress test that breaches")
        print(f"  peak resident memory {peak_mb():.0f} MB (before the batch {base:.0f} MB)")


def main() -> None:
    parts = sys.argv[1:] or ["big", "batch"]
    if len(parts) > 1:
        for part in parts:  # each in its own process: its own peak memory
            subprocess.run([sys.executable, __file__, part], check=True)
        return
    {"big": big, "batch": batch}[parts[0]]()


if __name__ == "__main__":
    main()
