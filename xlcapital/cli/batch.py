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
from xlcapital.cli.usage import helptext
from xlcapital.messages import Text, in_language

EXIT_SOME_FAILED = 1

SUMMARY = Text("{total} clients: {ok} done, {failed} failed; ran {ran} on {where}, {skipped} unchanged since the last "
               "run",
               "{total} klanten: {ok} klaar, {failed} mislukt; {ran} gedraaid op {where}, {skipped} ongewijzigd sinds "
               "de vorige keer")
ON_DASK = Text("the Dask cluster at {address}", "het Dask-cluster op {address}")
ON_ONE_PROCESS = Text("1 process", "1 proces")
ON_PROCESSES = Text("{workers} processes", "{workers} processen")
#: the progress bar's unit and counts (a terminal only)
CLIENT_UNIT = Text("client", "klant")
PROGRESS = Text("done {done}, failed {failed}, remaining {remaining}",
                "klaar {done}, mislukt {failed}, te gaan {remaining}")
FAILED = Text("failed: {client}: {what}", "mislukt: {client}: {what}")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "batch",
        help=helptext("ratios, forecast and workbook of every client folder, in parallel, and a portfolio of them all",
                      "ratio's, prognose en werkmap van elke klantmap, parallel, en een overzicht van allemaal"),
        description=helptext(
            "For every folder in CLIENTS_DIR that holds company.toml and/or forecast.toml: the ratios and the "
            "cash-flow statement, the 13-week forecast and its workbook, in parallel on this machine or on a Dask "
            "cluster; then OUT_DIR/portfolio.xlsx, .csv and .json with one row per client. A client that fails does "
            "not stop the others; a rerun skips the clients whose files did not change.",
            "Voor elke map in KLANTENMAP met company.toml en/of forecast.toml: de ratio's en het kasstroomoverzicht, "
            "de prognose van 13 weken en de werkmap ervan, parallel op deze computer of op een Dask-cluster; daarna "
            "UITVOERMAP/portfolio.xlsx, .csv en .json met één regel per klant. Een klant die mislukt houdt de andere "
            "niet tegen; een herhaling slaat de klanten over van wie de bestanden niet veranderden."),
    )
    p.add_argument("clients", metavar=helptext("CLIENTS_DIR", "KLANTENMAP"),
                   help=helptext("the folder with one folder per client", "de map met één map per klant"))
    p.add_argument("-o", "--output", metavar=helptext("OUT_DIR", "UITVOERMAP"), required=True, help=helptext(
        "the folder for the workbooks and the portfolio (created; a rerun into it updates it)",
        "de map voor de werkmappen en het overzicht (wordt aangemaakt; een herhaling erin werkt het bij)"))
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", metavar="N", type=whole_number(1, 512, helptext("workers", "processen")),
                       help=helptext("processes on this machine (default: one per core)",
                                     "processen op deze computer (standaard: één per kern)"))
    where.add_argument("--scheduler", metavar=helptext("ADDRESS", "ADRES"), help=helptext(
        'run on the Dask cluster of this scheduler, e.g. tcp://10.0.0.5:8786 (needs pip install "xlcapital[dask]")',
        'draai op het Dask-cluster van deze scheduler, bijvoorbeeld tcp://10.0.0.5:8786 (vraagt pip install '
        '"xlcapital[dask]")'))
    p.add_argument("--rerun", action="store_true", help=helptext(
        "run every client again, also those that did not change",
        "draai elke klant opnieuw, ook die waarvan niets veranderde"))
    p.add_argument("--no-macros", action="store_true", help=helptext(
        "write .xlsx workbooks without the import macro", "schrijf .xlsx-werkmappen zonder de importmacro"))
    p.add_argument("--lang", choices=("nl", "en"), default="en", help=helptext(
        "language of the workbooks and of what it prints", "taal van de werkmappen en van wat het afdrukt"))
    p.add_argument("--force", action="store_true", help=helptext(
        "write into OUT_DIR even if it holds files of its own",
        "schrijf in UITVOERMAP, ook als daar eigen bestanden in staan"))
    p.add_argument("--quiet", action="store_true", help=helptext("no progress bar", "geen voortgangsbalk"))
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
    bar = None if args.quiet else ProgressBar(lang=args.lang)
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

    def __init__(self, file=None, disable: bool | None = None, lang: str = "en") -> None:
        self.file, self.disable, self.lang = file, disable, lang  # disable None: only on a terminal
        self.bar = None
        self.done = 0

    def __call__(self, done: int, failed: int, remaining: int) -> None:
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=done + remaining, unit=in_language(CLIENT_UNIT(), self.lang),
                            file=self.file or sys.stderr, disable=self.disable, leave=False)
        self.bar.update(done - self.done)
        self.done = done
        self.bar.set_postfix_str(in_language(PROGRESS(done=done, failed=failed, remaining=remaining), self.lang),
                                 refresh=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
