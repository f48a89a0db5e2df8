"""One client's work: ratios, the cash-flow statement, the forecast and the workbook.

:func:`run_client` is the job a local process or a Dask worker runs: it takes a small picklable
:class:`ClientJob`, returns a small picklable :class:`ClientResult` (the portfolio row, or the
error with the file, line and field xlcapital's errors carry) and raises for nothing a client's
files can hold. The only file it writes is the client's workbook, atomically, at
``job.out_dir / job.workbook``; a job :func:`shipped` with its files (to a Dask worker that cannot
see the folder) runs on a private copy and returns the workbook's bytes instead.

A client folder holds ``company.toml`` (the financials: ratios and the cash-flow statement) and/or
``forecast.toml`` with the forecast's files (the forecast and its workbook); see docs/batch.md.
"""

from __future__ import annotations

import dataclasses
import hashlib
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from xlcapital import __version__
from xlcapital.batch.columns import COLUMNS, COMPANY_RATIOS, FORECAST_KPIS, worst_status
from xlcapital.errors import XlcapitalError
from xlcapital.messages import AT, WITH_HINT
from xlcapital.batch import messages as say

#: The files that make a folder a client folder (either is enough).
CLIENT_FILES = ("company.toml", "forecast.toml")
#: Why a folder without either file is no client (the job's and the batch's one message).
#: Bytes read at a time when hashing the inputs (bounded memory on any file).
_CHUNK = 1 << 20


@dataclass(frozen=True)
class ClientJob:
    """What one client's job needs: its folder, where its workbook goes, the workbook's options."""

    client: str
    folder: str
    out_dir: str
    workbook: str  # the workbook to write, relative to out_dir (POSIX separators)
    fingerprint: str
    macros: bool = True
    lang: str = "en"
    #: the folder's files (relative POSIX name, bytes) when the job is shipped to a machine that cannot
    #: see ``folder`` (a Dask worker): it runs on a private copy and returns the workbook's bytes
    files: tuple[tuple[str, bytes], ...] | None = None


@dataclass
class ClientResult:
    """The outcome of one client: its portfolio row, or the error that stopped it."""

    client: str
    fingerprint: str
    row: dict[str, Any] | None = None
    error: dict[str, Any] | None = None  # the FAILURE_COLUMNS: client, file, line, field, message
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    version: str = __version__
    #: a shipped job's workbook, for the caller to write at ``row["workbook"]`` (never kept in the cache)
    workbook_bytes: bytes | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def is_client_folder(folder: Path) -> bool:
    return any((folder / name).is_file() for name in CLIENT_FILES)


def input_files(folder: Path) -> list[Path]:
    """Every file of a client folder, subfolders (bank/) included, hidden files left out, sorted."""
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )  # fmt: skip


def fingerprint(folder: Path, options: str = "") -> str:
    """SHA-256 of the xlcapital version, the job's options and every input file's name and bytes.

    Two runs with the same fingerprint give the same result: a rerun skips the client.
    """
    h = hashlib.sha256(f"xlcapital {__version__}\0{options}\0".encode())
    for path in input_files(folder):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0")
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                h.update(chunk)
        h.update(b"\0")
    return h.hexdigest()


def shipped(job: ClientJob) -> ClientJob:
    """``job`` with its folder's files inside it, for a worker that cannot see the folder."""
    folder = Path(job.folder)
    return dataclasses.replace(job, files=tuple((p.relative_to(folder).as_posix(), p.read_bytes())
                                                for p in input_files(folder)))


def run_client(job: ClientJob) -> ClientResult:
    """Run one client; every error becomes the result's ``error`` (one client never stops the others)."""
    if job.files is not None:
        return _run_shipped(job)
    t0 = time.perf_counter()
    result = ClientResult(job.client, job.fingerprint)
    try:
        result.row, result.warnings = _client_row(job)
    except XlcapitalError as exc:
        message = WITH_HINT(what=exc.message, hint=exc.hint) if exc.hint else exc.message
        result.error = failure(job.client, message, file=_relative(exc.file, job.folder), line=exc.line,
                               field=exc.field or exc.cell)
    except Exception as exc:  # a bug in xlcapital: still only this client fails, with where it happened
        where = traceback.extract_tb(exc.__traceback__)[-1]
        result.error = failure(job.client, f"internal error {type(exc).__name__}: {exc} "
                               f"(at {Path(where.filename).name}:{where.lineno}; please report it)")
    result.seconds = time.perf_counter() - t0
    return result


def _run_shipped(job: ClientJob) -> ClientResult:
    """A shipped job: the files written into a private folder named like the client's, run, the workbook read."""
    with tempfile.TemporaryDirectory(prefix="xlcapital-batch-") as tmp:
        folder = Path(tmp) / "in" / job.client
        for name, data in job.files:
            relative = PurePosixPath(name)
            if relative.is_absolute() or ".." in relative.parts:  # never write outside the private folder
                raise ValueError(f"unsafe file name in a shipped job: {name!r}")
            path = folder.joinpath(*relative.parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        folder.mkdir(parents=True, exist_ok=True)
        out = Path(tmp) / "out"
        if job.workbook:
            (out / job.workbook).parent.mkdir(parents=True)
        result = run_client(dataclasses.replace(job, folder=str(folder), out_dir=str(out), files=None))
        if result.ok and result.row.get("workbook"):
            result.workbook_bytes = (out / result.row["workbook"]).read_bytes()
    return result


def failure(client: str, message: str, *, file: str | None = None, line: int | None = None,
            field: str | None = None) -> dict[str, Any]:
    """A failed client's row (:data:`xlcapital.batch.columns.FAILURE_COLUMNS`)."""
    return {"client": client, "file": file, "line": line, "field": field, "message": message}


def _relative(file: str | None, folder: str) -> str | None:
    """A file name relative to the client folder when it lies inside it (shorter, same on every worker)."""
    if file is None:
        return None
    try:
        return Path(file).resolve().relative_to(Path(folder).resolve()).as_posix()
    except ValueError:
        return file


def _client_row(job: ClientJob) -> tuple[dict[str, Any], list[str]]:
    folder = Path(job.folder)
    if not folder.is_dir():
        raise XlcapitalError(say.CLIENT_FOLDER_GONE(), file=str(folder))
    if not is_client_folder(folder):
        raise XlcapitalError(say.NOT_A_CLIENT())
    row: dict[str, Any] = dict.fromkeys(c.key for c in COLUMNS)
    row["client"] = row["name"] = job.client
    warnings: list[str] = []
    if (folder / "company.toml").is_file():
        row.update(_company_values(folder / "company.toml", warnings))
    if (folder / "forecast.toml").is_file():
        row.update(_forecast_values(job, warnings, keep_name=row["period_start"] is not None))
    return row, warnings


def _company_values(path: Path, warnings: list[str]) -> dict[str, Any]:
    """The ratios and the cash-flow statement of company.toml."""
    from xlcapital.company import company_ratios, load_company

    company = load_company(path)
    ratios = {r.name: r.value for r in company_ratios(company)}
    statement = company.statement()
    warnings += [AT(where="company.toml", what=w) for w in statement.warnings]
    return {
        "name": company.name,
        "period_start": company.period.start,
        "period_end": company.period.end,
        **{key: ratios[name] for key, name in COMPANY_RATIOS.items()},
        "cash_flow_operating": statement.cash_flow_operating,
        "net_cash_flow": statement.net_cash_flow,
    }


def _forecast_values(job: ClientJob, warnings: list[str], keep_name: bool) -> dict[str, Any]:
    """The forecast's figures and triggers (the selected scenario), and the workbook written."""
    from xlcapital.fileio import atomic_output
    from xlcapital.forecast import RULES, analyse, load
    from xlcapital.workbook.api import generate_inputs

    inputs = load(job.folder)
    analysis = analyse(inputs)
    warnings += list(inputs.warnings)
    kpis, main = analysis.kpis, analysis.default
    statuses = {f"trigger_{name}": "off" for name in RULES}
    statuses.update({f"trigger_{t.rule}": t.status for t in analysis.triggers})
    values: dict[str, Any] = {
        "forecast_start": inputs.settings.start,
        "weeks": len(main.weeks),
        **{key: kpis[name] for key, name in FORECAST_KPIS.items()},
        "first_breach_week": main.first_breach_week,
        "extra_financing": main.extra_financing_limit,
        **statuses,
        "status": worst_status(statuses.values()),
    }
    if not keep_name:
        values["name"] = inputs.company_name
    if job.workbook:
        with atomic_output(Path(job.out_dir, job.workbook), force=True) as tmp:
            # the inputs loaded above, not the folder read a second time
            generate_inputs(inputs, inputs.bank, tmp, macros=job.macros, lang=job.lang)
        values["workbook"] = job.workbook
    return values
