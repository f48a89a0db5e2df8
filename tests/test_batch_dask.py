"""``xlcapital batch --scheduler``: the same clients on a real Dask scheduler with two workers on localhost.

The fixture starts ``dask scheduler`` and ``dask worker`` (the commands a firm runs) as processes on
free ports and stops them at the end. Without Dask these tests skip on a developer machine and FAIL
when CI is set. The results must equal the local run's exactly: the portfolio files byte for byte,
every client's row, and the workbooks byte for byte.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import need
from tests.libreoffice import free_port
from tests.test_batch_run import make_clients
from xlcapital.batch import DaskRunner, run_batch, run_dask, run_local
from xlcapital.cli import main
from xlcapital.errors import InputError

WORKERS = 2


def _dask_command() -> str | None:
    exe = Path(sys.executable).with_name("dask")
    return str(exe) if exe.is_file() else shutil.which("dask")


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """The address of a Dask scheduler with two single-threaded worker processes, on localhost."""
    dask = _dask_command()
    need(importlib.util.find_spec("distributed") is not None and dask is not None,
         'Dask is not installed (pip install "xlcapital[dask]")')
    from distributed import Client

    work = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    env = dict(os.environ)
    logs = [(work / "scheduler.log").open("wb"), (work / "worker.log").open("wb")]
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                               "--no-dashboard", "--no-show"], cwd=work, env=env, stdout=logs[0], stderr=subprocess.STDOUT)]
    try:
        procs.append(subprocess.Popen([dask, "worker", address, "--nworkers", str(WORKERS), "--nthreads", "1",
                                       "--no-dashboard", "--local-directory", str(work)],
                                      cwd=work, env=env, stdout=logs[1], stderr=subprocess.STDOUT))
        deadline = time.monotonic() + 120
        while True:
            try:
                with Client(address, timeout=5, set_as_default=False) as client:
                    client.wait_for_workers(WORKERS, timeout=max(1, deadline - time.monotonic()))
                break
            except (OSError, TimeoutError):
                if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                    pytest.fail("the Dask scheduler or workers did not start:\n"
                                + (work / "scheduler.log").read_text(errors="replace")[-2000:]
                                + (work / "worker.log").read_text(errors="replace")[-2000:])
                time.sleep(0.5)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        for log in logs:
            log.close()


@pytest.fixture(scope="module")
def both_runs(scheduler, tmp_path_factory):
    """The same clients run on this machine and on the Dask cluster (through the CLI)."""
    root = tmp_path_factory.mktemp("batch-dask")
    clients = make_clients(root)
    local, remote = root / "local", root / "dask"
    assert main(["batch", str(clients), "-o", str(local), "--workers", "2", "--quiet"]) == 1
    assert main(["batch", str(clients), "-o", str(remote), "--scheduler", scheduler, "--quiet"]) == 1
    return clients, local, remote


def test_dask_results_equal_the_local_run(both_runs):
    _, local, remote = both_runs
    for name in ("portfolio.json", "portfolio.csv", "failures.csv"):
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name
    books = sorted(p.name for p in (local / "clients").glob("*.xlsm"))
    assert books == ["alpha.xlsm", "forecast_only.xlsm", "tight.xlsm"]
    assert sorted(p.name for p in (remote / "clients").glob("*.xlsm")) == books
    for name in books:
        assert (remote / "clients" / name).read_bytes() == (local / "clients" / name).read_bytes(), name


def test_dask_rows_equal_the_local_rows_exactly(both_runs):
    """Every value at full precision (the kept results), not only the rounded portfolio."""
    from xlcapital.batch.run import load_result

    clients, local, remote = both_runs
    names = sorted(p.name for p in clients.iterdir() if p.is_dir() and p.name != "notes")
    for name in names:
        a, b = load_result(local, name), load_result(remote, name)
        assert (a.row, a.error, a.fingerprint) == (b.row, b.error, b.fingerprint), name


def test_a_dask_rerun_skips_unchanged_clients(both_runs, scheduler):
    clients, _, remote = both_runs
    batch = run_batch(clients, remote, lambda jobs: run_dask(jobs, scheduler))
    assert (batch.ran, batch.skipped) == (0, 6)


def test_a_new_client_on_dask(both_runs, scheduler, tmp_path):
    """Clients run on Dask, kept, then rerun locally: the local run trusts the kept Dask results."""
    clients = make_clients(tmp_path)
    out = tmp_path / "out"
    first = run_batch(clients, out, lambda jobs: run_dask(jobs, scheduler))
    assert first.ran == 6 and len(first.failed) == 3
    assert run_batch(clients, out, run_local).ran == 0


def test_unreachable_scheduler_is_one_clear_error():
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    need(importlib.util.find_spec("distributed") is not None, "Dask is not installed")
    with pytest.raises(InputError) as caught:
        DaskRunner(address, timeout=2)
    assert f"cannot reach the Dask scheduler at {address}" in str(caught.value)
    assert "dask scheduler" in str(caught.value)


def test_without_dask_the_error_says_what_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    clients = make_clients(tmp_path)
    assert main(["batch", str(clients), "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:8786",
                 "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and 'pip install "xlcapital[dask]"' in err
    assert not (tmp_path / "out").exists()  # refused before anything was written
