#!/usr/bin/env python3
"""Throughput of ``xlcapital batch``: clients per second against the number of workers, on a local
process pool and on a Dask LocalCluster, beside a plain loop over the same engine calls.

    PYTHONPATH=. python bench/bench_batch.py                      # 1,000 clients, 1 and 2 workers
    PYTHONPATH=. python bench/bench_batch.py --clients 100 --workers 1,2
    PYTHONPATH=. python bench/bench_batch.py make DIR --clients 100    # only write the clients
    PYTHONPATH=. python bench/bench_batch.py plain DIR OUT             # only the plain loop (time it from outside)
    PYTHONPATH=. python bench/bench_batch.py dask DIR OUT --workers 2  # only a batch on a fresh Dask LocalCluster
    /usr/bin/time -v xlcapital batch DIR/clients -o OUT --workers 2 --rerun --quiet    # the same, locally

Every client does the whole job: company.toml's ratios and cash-flow statement, the forecast
(load, 3 scenarios, 6 stress tests, triggers, KPIs) and the .xlsm workbook. The clients are the
synthetic wholesaler of bench/make_sample.py (20 different histories of 13-26 weeks, copied), with
the sample's settings files, as in bench/bench_forecast.py. "plain" is the same engine calls in
one process without xlcapital.batch (no hashing, no kept results, no portfolio): the overhead
of the batch machinery is the difference with "local, 1 worker". A rerun with nothing changed
measures the fingerprinting and the portfolio alone. Nothing is asserted; the figures go in
docs/development.md.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def make_clients(root: Path, n: int, distinct: int = 20) -> Path:
    from bench_forecast import company_folder

    clients = root / "clients"
    models = root / "models"
    for i in range(min(distinct, n)):
        company_folder(models / f"model{i}", weeks=13 + i % 14, scale=0.5 + i / distinct, seed=i, exact=False)
    for i in range(n):
        shutil.copytree(models / f"model{i % distinct}", clients / f"client{i:04d}")
    return clients


def plain(clients: Path, out: Path) -> int:
    """The same work as one batch job per client, in a plain loop: the engine's own calls."""
    from xlcapital.company import company_ratios, load_company
    from xlcapital.forecast import analyse, load
    from xlcapital.workbook.api import generate_folder

    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for folder in sorted(p for p in clients.iterdir() if p.is_dir()):
        company = load_company(folder / "company.toml")
        company_ratios(company)
        company.statement()
        analyse(load(folder))
        generate_folder(folder, out / f"{folder.name}.xlsm")
        count += 1
    return count


def timed(label: str, n: int, work) -> None:
    t0 = time.perf_counter()
    extra = work()
    seconds = time.perf_counter() - t0
    print(f"  {label:<34} {seconds:8.1f} s  {seconds / n * 1000:7.0f} ms a client  {n / seconds:6.2f} clients/s"
          + (f"  ({extra})" if extra else ""))


def benchmark(n: int, workers: list[int], dask: bool) -> None:
    from xlcapital.batch import DaskRunner, run_batch, run_local

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        clients = make_clients(root, n)
        print(f"{n:,} clients written in {time.perf_counter() - t0:.1f} s; each: ratios, cash-flow statement, "
              "forecast and .xlsm workbook")
        timed("plain loop, 1 process", n, lambda: plain(clients, root / "plain") and None)
        for w in workers:
            out = root / f"local{w}"
            timed(f"batch, local pool, {w} worker{'s' * (w > 1)}", n,
                  lambda: run_batch(clients, out, lambda jobs: run_local(jobs, w)) and None)
        timed("rerun, nothing changed", n, lambda: f"ran {run_batch(clients, out, run_local).ran}")
        if not dask:
            return
        from distributed import LocalCluster

        for w in workers:
            t1 = time.perf_counter()
            with LocalCluster(n_workers=w, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
                start = time.perf_counter() - t1
                with DaskRunner(cluster.scheduler_address) as runner:
                    out = root / f"dask{w}"
                    timed(f"batch, Dask LocalCluster, {w} worker{'s' * (w > 1)}", n,
                          lambda: f"cluster start {start:.1f} s not counted" if run_batch(clients, out, runner) else "")


def dask_batch(clients: Path, out: Path, workers: int) -> int:
    """One whole batch (every client rerun) on a Dask LocalCluster of ``workers`` processes started here."""
    from distributed import LocalCluster

    from xlcapital.batch import DaskRunner, run_batch

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with DaskRunner(cluster.scheduler_address) as runner:
            return run_batch(clients, out, runner, rerun=True).ran


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", choices=("all", "make", "plain", "dask"), default="all")
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    if args.command == "make":
        (root,) = args.paths
        print(make_clients(root, args.clients))
    elif args.command == "plain":
        clients, out = args.paths
        print(f"{plain(clients, out)} clients")
    elif args.command == "dask":
        clients, out = args.paths
        print(f"{dask_batch(clients, out, int(args.workers))} clients")
    else:
        benchmark(args.clients, [int(w) for w in args.workers.split(",")], dask=not args.no_dask)


if __name__ == "__main__":
    main()
