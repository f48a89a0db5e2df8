"""A whole batch: find the client folders, skip those whose inputs did not change, run the others,
keep each result as it arrives, and write the portfolio.

OUT_DIR's layout::

    .xlcapital-batch               marks the folder as a batch's: a rerun updates it
    clients/<client>.xlsm          each client's forecast workbook (.xlsx with --no-macros)
    clients/<client>.json          each client's result and the fingerprint of its inputs (the rerun cache)
    portfolio.xlsx .csv .json      one row per client; failures.csv: the clients that failed
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from xlcapital import __version__
from xlcapital.batch.columns import COLUMNS, from_json_value, to_json_value
from xlcapital.batch import messages as say
from xlcapital.batch.job import ClientJob, ClientResult, failure, fingerprint, is_client_folder
from xlcapital.errors import InputError, OutputError
from xlcapital.fileio import atomic_output

MARKER = ".xlcapital-batch"
CLIENTS = "clients"

Runner = Callable[[Iterable[ClientJob]], Iterator[ClientResult]]
#: called with (done, failed, remaining) before the first job and after each result
Progress = Callable[[int, int, int], None]


@dataclass
class Batch:
    """The outcome of a batch: every client's result (sorted by client), and how many were rerun."""

    results: list[ClientResult]
    ran: int
    skipped: int
    files: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> list[ClientResult]:
        return [r for r in self.results if not r.ok]


def find_clients(clients_dir: Path, out_dir: Path | None = None) -> list[Path]:
    """The subfolders of ``clients_dir`` (hidden ones and OUT_DIR left out), sorted by name."""
    if not clients_dir.is_dir():
        raise InputError(say.NOT_A_FOLDER() if clients_dir.exists() else say.FOLDER_NOT_FOUND(), file=str(clients_dir),
                         hint=say.GIVE_CLIENTS_FOLDER())
    if is_client_folder(clients_dir):
        raise InputError(say.ONE_CLIENT(), file=str(clients_dir), hint=say.GIVE_ITS_PARENT(folder=clients_dir))
    skip = out_dir.resolve() if out_dir is not None else None
    folders = sorted(p for p in clients_dir.iterdir()
                     if p.is_dir() and not p.name.startswith(".") and p.resolve() != skip)
    if not folders:
        raise InputError(say.NO_CLIENTS(), file=str(clients_dir), hint=say.ONE_FOLDER_EACH())
    return folders


def prepare_out_dir(out_dir: Path, force: bool = False) -> None:
    """Create OUT_DIR, or accept it when a batch wrote it (or it is empty, or ``force``)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(say.NOT_A_FOLDER(), file=str(out_dir), hint=say.GIVE_OUTPUT_FOLDER())
    if out_dir.is_dir() and not (out_dir / MARKER).is_file() and any(out_dir.iterdir()) and not force:
        raise OutputError(say.FOREIGN_FILES(), file=str(out_dir), hint=say.EMPTY_OR_FORCE())
    (out_dir / CLIENTS).mkdir(parents=True, exist_ok=True)
    marker = out_dir / MARKER
    if not marker.is_file():
        with atomic_output(marker, force=True) as tmp:
            tmp.write_text("written by `xlcapital batch`: a rerun updates this folder\n", encoding="utf-8")


def result_path(out_dir: Path, client: str) -> Path:
    return out_dir / CLIENTS / f"{client}.json"


def save_result(out_dir: Path, result: ClientResult) -> None:
    """Keep one client's result (atomically) the moment it arrives: an interrupted batch loses nothing done."""
    data = {
        "xlcapital": result.version,
        "client": result.client,
        "fingerprint": result.fingerprint,
        "row": None if result.row is None else {c.key: to_json_value(c, result.row.get(c.key)) for c in COLUMNS},
        "error": result.error,
        "warnings": result.warnings,
        "seconds": round(result.seconds, 3),
    }
    with atomic_output(result_path(out_dir, result.client), force=True) as tmp:
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def load_result(out_dir: Path, client: str) -> ClientResult | None:
    """The kept result of a client, or None when there is none (or it cannot be read: then it reruns)."""
    try:
        data = json.loads(result_path(out_dir, client).read_text(encoding="utf-8"))
        row = data["row"]
        return ClientResult(
            data["client"], data["fingerprint"],
            row=None if row is None else {c.key: from_json_value(c, row[c.key]) for c in COLUMNS},
            error=data["error"], warnings=list(data["warnings"]), seconds=data["seconds"], version=data["xlcapital"],
        )  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError, ArithmeticError):
        return None


def _reusable(kept: ClientResult | None, fp: str, out_dir: Path) -> bool:
    if kept is None or kept.fingerprint != fp or kept.version != __version__:
        return False
    book = (kept.row or {}).get("workbook")
    return not book or (out_dir / book).is_file()


def run_batch(clients_dir: str | Path, out_dir: str | Path, runner: Runner, *, force: bool = False,
              rerun: bool = False, macros: bool = True, lang: str = "en",
              progress: Progress | None = None) -> Batch:
    """Run every client of ``clients_dir`` with ``runner`` and write the portfolio into ``out_dir``."""
    from xlcapital.batch.portfolio import write_portfolio

    clients_dir, out_dir = Path(clients_dir), Path(out_dir)
    folders = find_clients(clients_dir, out_dir)
    prepare_out_dir(out_dir, force)
    options = f"macros={macros} lang={lang}"
    suffix = ".xlsm" if macros else ".xlsx"
    results: dict[str, ClientResult] = {}
    jobs = []
    skipped = 0
    for folder in folders:
        client = folder.name
        if not is_client_folder(folder):
            results[client] = ClientResult(client, "", error=failure(client, say.NOT_A_CLIENT()))
            continue
        fp = fingerprint(folder, options)
        kept = None if rerun else load_result(out_dir, client)
        if _reusable(kept, fp, out_dir):
            results[client] = kept
            skipped += 1
            continue
        book = f"{CLIENTS}/{client}{suffix}" if (folder / "forecast.toml").is_file() else ""
        jobs.append(ClientJob(client, str(folder.resolve()), str(out_dir.resolve()), book, fp, macros, lang))
    failed = sum(not r.ok for r in results.values())
    if progress:
        progress(0, failed, len(jobs))
    for done, result in enumerate(runner(jobs), start=1):
        if result.workbook_bytes is not None:  # a shipped job's workbook: written here, then let go
            with atomic_output(out_dir / result.row["workbook"], force=True) as tmp:
                tmp.write_bytes(result.workbook_bytes)
            result.workbook_bytes = None
        save_result(out_dir, result)
        results[result.client] = result
        failed += not result.ok
        if progress:
            progress(done, failed, len(jobs) - done)
    ordered = [results[f.name] for f in folders]
    files = write_portfolio(out_dir, ordered)
    return Batch(ordered, ran=len(jobs), skipped=skipped, files=files)
