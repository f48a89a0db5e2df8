"""Many clients at once: ``xlcapital batch CLIENTS_DIR -o OUT_DIR`` (docs/batch.md).

For every client folder (company.toml and/or forecast.toml) the ratios, the cash-flow statement,
the forecast and its workbook, in parallel on this machine or on a Dask distributed cluster, and
a portfolio of all clients::

    from xlcapital.batch import run_batch, run_local
    batch = run_batch("clients", "out", run_local)        # or: DaskRunner("tcp://host:8786")
    batch.failed                                           # the clients that failed, with file, line, message

:mod:`~xlcapital.batch.job` is one client's job (a pure function of its folder, picklable in and
out), :mod:`~xlcapital.batch.runners` where the jobs run, :mod:`~xlcapital.batch.run` the batch
and its rerun cache, :mod:`~xlcapital.batch.columns` the portfolio's columns (declared once) and
:mod:`~xlcapital.batch.portfolio` its files.
"""

from __future__ import annotations

from xlcapital.batch.columns import COLUMNS, FAILURE_COLUMNS, FORECAST_KPIS, Column
from xlcapital.batch.job import ClientJob, ClientResult, fingerprint, run_client
from xlcapital.batch.run import Batch, find_clients, run_batch
from xlcapital.batch.runners import DaskRunner, default_workers, run_dask, run_local

__all__ = [
    "run_batch", "run_local", "run_dask", "run_client", "find_clients", "fingerprint", "default_workers",
    "Batch", "DaskRunner", "ClientJob", "ClientResult", "Column", "COLUMNS", "FAILURE_COLUMNS", "FORECAST_KPIS",
]  # fmt: skip
