"""``xlcapital batch CLIENTS_DIR -o OUT_DIR``: every client's ratios, forecast and workbook, and the portfolio.

Runs in ``--workers N`` processes of this machine (default: one per core), or on an existing Dask
distributed cluster with ``--scheduler tcp://HOST:8786``. A rerun skips the clients whose inputs
did not change. Exit 0 when every client ran, 1 when some failed (they are listed, and in
OUT_DIR/failures.csv), 2 when the batch could not run at all (see docs/batch.md).
"""

from __future__ import annotations

import argparse
import sys

from xlcapital.cli.present import WROTE, lang_of, whole_number
from xlcapital.messages import Text

EXIT_SOME_FAILED = 1

SUMMARY = Text("{total} clients: {ok} done, {failed} failed; ran {ran} on {where}, {skipped} unchanged since the last "
               "run",
               "{total} klanten: {ok} klaar, {failed} mislukt; {ran} gedraaid op {where}, {skipped} ongewijzigd sinds "
               "de vorige keer")
ON_DASK = Text("the Dask cluster at {address}", "het Dask-cluster op {address}")
ON_ONE_PROCESS = Text("1 process", "1 proces")
ON_PROCESSES = Text("{workers} processes", "{workers} processen")
FAILED = Text("failed: {client}: {what}", "mislukt: {client}: {what}")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "batch",
        help="ratios, forecast and workbook of every client folder, in parallel, and a portfolio of them all",
        description="For every folder in CLIENTS_DIR that holds company.toml and/or forecast.toml: the ratios and "
        "the cash-flow statement, the 13-week forecast and its workbook, in parallel on this machine or on a Dask "
        "cluster; then OUT_DIR/portfolio.xlsx, .csv and .json with one row per client. A client that fails does not "
        "stop the others; a rerun skips the clients whose files did not change.",
    )
    p.add_argument("clients", metavar="CLIENTS_DIR", help="the folder with one folder per client")
    p.add_argument("-o", "--output", metavar="OUT_DIR", required=True, help="the folder for the workbooks and the "
                   "portfolio (created; a rerun into it updates it)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", metavar="N", type=whole_number(1, 512, "workers"),
                       help="processes on this machine (default: one per core)")
    where.add_argument("--scheduler", metavar="ADDRESS", help="run on the Dask cluster of this scheduler, e.g. "
                       'tcp://10.0.0.5:8786 (needs pip install "xlcapital[dask]")')
    p.add_argument("--rerun", action="store_true", help="run every client again, also those that did not change")
    p.add_argument("--no-macros", action="store_true", help="write .xlsx workbooks without the import macro")
    p.add_argument("--lang", choices=("nl", "en"), default="en", help="language of the workbooks and of what it prints")
    p.add_argument("--force", action="store_true", help="write into OUT_DIR even if it holds files of its own")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run_batch_command)



def run_batch_command(args: argparse.Namespace) -> int:
    from xlcapital.batch import DaskRunner, default_workers, run_batch, run_local

    dask = None
    if args.scheduler:
        dask = DaskRunner(args.scheduler)  # connects now: a wrong address fails before anything is written
        runner, where = dask, ON_DASK(address=args.scheduler)
    else:
        workers = args.workers or default_workers()
        runner, where = (lambda jobs: run_local(jobs, workers)), (ON_PROCESSES if workers > 1 else ON_ONE_PROCESS)(workers=workers)
    bar = None if args.quiet else ProgressBar()
    try:
        batch = run_batch(args.clients, args.output, runner, force=args.force, rerun=args.rerun,
                          macros=not args.no_macros, lang=args.lang, progress=bar)
    finally:
        if bar is not None:
            bar.close()
        if dask is not None:
            dask.close()
    w = lang_of(args.lang)
    ok = len(batch.results) - len(batch.failed)
    print(w.say(SUMMARY(total=len(batch.results), ok=ok, failed=len(batch.failed), ran=batch.ran, where=where,
                        skipped=batch.skipped)))
    for r in batch.failed:
        e = r.error
        where_ = ":".join(str(x) for x in (e["file"], e["line"]) if x is not None)
        print(w.say(FAILED(client=e["client"], what=": ".join(w.say(x) for x in (where_, e["field"], e["message"]) if x))))
    print(w.say(WROTE(path=", ".join(str(p) for p in batch.files))))
    return EXIT_SOME_FAILED if batch.failed else 0


class ProgressBar:
    """A tqdm bar on stderr: clients done, failed and remaining (shown only on a terminal)."""

    def __init__(self, file=None, disable: bool | None = None) -> None:
        self.file, self.disable = file, disable  # disable None: only on a terminal
        self.bar = None
        self.done = 0

    def __call__(self, done: int, failed: int, remaining: int) -> None:
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=done + remaining, unit="client", file=self.file or sys.stderr, disable=self.disable,
                            leave=False)
        self.bar.update(done - self.done)
        self.done = done
        self.bar.set_postfix_str(f"done {done}, failed {failed}, remaining {remaining}", refresh=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
