"""Where the clients' jobs run: this machine's processes, or an existing Dask distributed cluster.

A runner takes the jobs and yields one :class:`~xlcapital.batch.job.ClientResult` per job, in the
order they finish. :func:`~xlcapital.batch.job.run_client` never raises, so a runner only turns
what breaks *around* a job (a worker process that died, a worker without xlcapital) into that
client's failure; the others go on.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Iterable, Iterator

from xlcapital import __version__
from xlcapital.batch.job import ClientJob, ClientResult, failure, run_client, shipped
from xlcapital.errors import InputError
from xlcapital.batch import messages as say


def default_workers() -> int:
    """One process per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _lost(job: ClientJob, exc: BaseException) -> ClientResult:
    return ClientResult(job.client, job.fingerprint,
                        error=failure(job.client, f"the job did not finish: {type(exc).__name__}: {exc}"))


def run_local(jobs: Iterable[ClientJob], workers: int | None = None) -> Iterator[ClientResult]:
    """Run the jobs in ``workers`` processes of this machine (1: in this process, one after another)."""
    jobs = list(jobs)
    workers = workers or default_workers()
    if workers == 1 or len(jobs) <= 1:
        for job in jobs:
            yield run_client(job)
        return
    # forkserver/spawn: a fresh interpreter per worker, safe beside the progress bar's thread
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=multiprocessing.get_context(method))
    finished = False
    try:
        pending = {pool.submit(run_client, job): job for job in jobs}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                job = pending.pop(future)
                exc = future.exception()
                yield _lost(job, exc) if exc is not None else future.result()
        finished = True
    finally:
        # interrupted (Ctrl-C, or the caller stopped reading): drop the jobs not started, do not wait for them
        pool.shutdown(wait=finished, cancel_futures=not finished)


class DaskRunner:
    """The Dask distributed cluster whose scheduler listens at ``scheduler``, connected at once (so a
    wrong address or a missing Dask is one clear error before anything is written); calling it runs jobs.

    The workers need this xlcapital installed, nothing else: each job carries its client's files and
    brings the workbook back, which this machine writes. A worker with another xlcapital version
    fails its clients rather than mixing results of two versions.
    """

    def __init__(self, scheduler: str, timeout: float = 10) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise InputError(say.NO_DASK(), field="--scheduler", hint=say.INSTALL_DASK()) from None
        self.scheduler = scheduler
        try:
            self.client = Client(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(say.NO_SCHEDULER(scheduler=scheduler, why=exc), field="--scheduler", hint=say.START_SCHEDULER()) from None

    def __call__(self, jobs: Iterable[ClientJob]) -> Iterator[ClientResult]:
        """Ship the jobs (:func:`~xlcapital.batch.job.shipped`: the workers need not see the folders) a few
        at a time, so that this machine holds only the files of the jobs in flight."""
        from distributed import as_completed

        queue = iter(jobs)
        window = max(4, 2 * sum(self.client.nthreads().values()))
        job_of: dict[str, ClientJob] = {}
        unreadable: list[ClientResult] = []

        def submit():
            for job in queue:
                try:
                    payload = shipped(job)
                except OSError as exc:  # the folder changed under us: this client fails, the others go on
                    unreadable.append(ClientResult(job.client, job.fingerprint, error=failure(
                        job.client, f"cannot read the client's files: {exc.strerror or exc}", file=exc.filename)))
                    continue
                future = self.client.submit(run_client, payload, key=f"xlcapital-{job.client}-{job.fingerprint[:16]}",
                                            pure=False)
                job_of[future.key] = job
                return future
            return None

        pending = as_completed([f for f in (submit() for _ in range(window)) if f is not None], loop=self.client.loop)
        for future in pending:
            job = job_of.pop(future.key)
            following = submit()
            if following is not None:
                pending.add(following)
            yield from unreadable
            unreadable.clear()
            if future.status != "finished":
                yield _lost(job, future.exception())
                continue
            result = future.result()
            future.release()
            if result.version != __version__:
                result = ClientResult(job.client, job.fingerprint, error=failure(
                    job.client, f"the Dask worker runs xlcapital {result.version}, this machine {__version__}: "
                    "install the same version on every worker"))
            yield result
        yield from unreadable

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "DaskRunner":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def run_dask(jobs: Iterable[ClientJob], scheduler: str, timeout: float = 10) -> Iterator[ClientResult]:
    """Run the jobs on the Dask cluster of ``scheduler`` (:class:`DaskRunner`, connected and closed here)."""
    with DaskRunner(scheduler, timeout) as runner:
        yield from runner(jobs)
