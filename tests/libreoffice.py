"""LibreOffice headless as the reference spreadsheet engine for the tests.

``LibreOffice.recalculate(paths)`` loads each workbook, recalculates every formula (the profile
says "always recalculate on load", because XlsxWriter stores a cached 0 that LibreOffice would
otherwise keep), saves it as .xlsx, and returns the paths of the results, to be read with
``openpyxl.load_workbook(path, data_only=True)``. Several files go in one soffice call: a cold
start costs 1-2 s, a file a fraction of that.

:class:`Office` keeps one soffice listening and one UNO worker (tests/lo_worker.py) for many
requests: :class:`MacroRunner` runs VBA macros, :class:`ValueReader` reads recalculated cells,
:class:`PdfExporter` exports ranges to PDF (scripts/render_sheets.py).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

def registry(recalculate: bool = True) -> str:
    """The profile's settings: recalculate on load always (or never: show the values the file
    carries), and run macros without asking."""
    mode = 0 if recalculate else 1
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>{mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>{mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


REGISTRY = registry()


def make_profile(profile: Path, settings: str = REGISTRY) -> Path:
    """A LibreOffice user profile folder with ``settings`` (:func:`registry`)."""
    profile = Path(profile)
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(settings, encoding="utf-8")
    return profile


class LibreOffice:
    def __init__(self, soffice: str, profile: Path) -> None:
        self.soffice = soffice
        self.profile = make_profile(profile)

    @property
    def profile_url(self) -> str:
        return self.profile.resolve().as_uri()

    def recalculate(self, paths: list[Path], outdir: Path, timeout: float = 300) -> list[Path]:
        """Recalculate and save ``paths`` as .xlsx into ``outdir``; returns the new paths in order."""
        outdir.mkdir(parents=True, exist_ok=True)
        cmd = [
            self.soffice,
            f"-env:UserInstallation={self.profile_url}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(outdir),
            *[str(p) for p in paths],
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        results = [outdir / (Path(p).stem + ".xlsx") for p in paths]
        missing = [str(r) for r in results if not r.exists()]
        if done.returncode != 0 or missing:
            raise RuntimeError(f"LibreOffice failed ({done.returncode}): {done.stdout}\n{done.stderr}\nmissing: {missing}")
        return results


# --- One listening soffice and one UNO worker: VBA macros, recalculated values, PDF pages ---

import json  # noqa: E402  (kept beside the code that uses it, below the oracle)
import select  # noqa: E402
import socket  # noqa: E402

WORKER = Path(__file__).resolve().parent / "lo_worker.py"
#: Debian's python with the ``uno`` module (the project's venv cannot import it)
UNO_PYTHON = "/usr/bin/python3"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Office:
    """One headless soffice (own profile, own port) and one UNO worker (tests/lo_worker.py).

    :meth:`request` sends one JSON request (what it asks is in the worker's docstring) and
    returns the answer; a request the worker could not answer raises RuntimeError. The
    subclasses give the requests a Python signature. Use as a context manager so soffice always
    stops.
    """

    #: what a failed request is, for the error message
    doing = "LibreOffice request"

    def __init__(self, soffice: str, profile: Path, timeout: float = 120, recalculate: bool = True) -> None:
        self.soffice = soffice
        self.recalculate = recalculate
        self.profile = make_profile(profile, registry(recalculate))
        self.timeout = timeout
        self.port = free_port()
        self.office: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None

    def start(self):
        if not Path(UNO_PYTHON).exists() or subprocess.run([UNO_PYTHON, "-c", "import uno"], capture_output=True).returncode:
            raise RuntimeError(f"{UNO_PYTHON} cannot import uno (install python3-uno)")
        self.office = subprocess.Popen(
            [
                self.soffice,
                f"-env:UserInstallation={self.profile.resolve().as_uri()}",
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                "--nodefault",
                f"--accept=socket,host=127.0.0.1,port={self.port};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.worker = subprocess.Popen(
            [UNO_PYTHON, str(WORKER), str(self.port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        hello = self._read()
        if not hello.get("ready"):
            self.stop()
            raise RuntimeError(f"the LibreOffice worker did not start: {hello}")
        return self

    def _read(self) -> dict:
        assert self.worker is not None and self.worker.stdout is not None
        ready, _, _ = select.select([self.worker.stdout], [], [], self.timeout)
        if not ready:
            raise RuntimeError(f"LibreOffice worker gave no answer in {self.timeout} s")
        line = self.worker.stdout.readline()
        if not line:
            raise RuntimeError(f"LibreOffice worker ended (exit {self.worker.poll()})")
        return json.loads(line)

    def request(self, path: Path, **fields) -> dict:
        """Send ``{"file": path, **fields}``; the answer, or RuntimeError when it says ``error``."""
        assert self.worker is not None and self.worker.stdin is not None, "call start() first"
        self.worker.stdin.write(json.dumps({"file": str(Path(path).resolve()), **fields}) + "\n")
        self.worker.stdin.flush()
        answer = self._read()
        if answer.get("error"):
            raise RuntimeError(f"{self.doing} failed ({path}): {answer['error']}")
        return answer

    def stop(self) -> None:
        for proc in (self.worker, self.office):
            if proc is None or proc.poll() is not None:
                continue
            if proc is self.worker and proc.stdin:
                proc.stdin.close()
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class MacroRunner(Office):
    """Runs VBA macros: ``run(path, calls, store=...)`` loads the workbook hidden with macros
    allowed, runs each ``(macro, args)`` in order (``macro`` is ``Module.Function`` of the
    document's VBAProject), optionally stores the result (as .xlsx by default), closes it and
    returns the list of ``{"value": ...}`` or ``{"error": ...}``."""

    doing = "LibreOffice macro run"

    def run(self, path: Path, calls: list[tuple[str, list]], store: Path | None = None,
            filter: str = "Calc MS Excel 2007 XML") -> list[dict]:
        """Run ``calls`` on the workbook at ``path``; store it at ``store`` when given."""
        return self.request(path, calls=[{"macro": macro, "args": list(args)} for macro, args in calls],
                            store=str(Path(store).resolve()) if store else None, filter=filter)["results"]


class ValueReader(Office):
    """Recalculates workbooks and returns the values of given cells.

    ``values(path, ranges)`` with ``ranges`` a list of ``(sheet, first_row, first_col, last_row,
    last_col)`` (0-based) returns per range its values row by row: numbers, texts, None for empty.
    Several times faster than :meth:`LibreOffice.recalculate` + openpyxl, since nothing is stored.
    Dates come back as serial numbers, booleans as 1 / 0.
    """

    doing = "LibreOffice recalculation"

    def values(self, path: Path, ranges: list[tuple[str, int, int, int, int]]) -> list[list]:
        return self.request(path, read=[list(r) for r in ranges])["values"]


class PdfExporter(Office):
    """Recalculates a workbook and exports ranges of its sheets to PDF, one page each at 100 %.

    ``export(path, [(sheet, "A1:I60", pdf_path), ...])`` returns the PDF paths. With
    ``recalculate=False`` nothing is recalculated: the sheets show the values the file carries
    (for a workbook of functions LibreOffice does not have, such as the xlwings UDFs).
    """

    doing = "LibreOffice PDF export"

    def export(self, path: Path, items: list[tuple[str, str, Path]]) -> list[str]:
        return self.request(path, recalculate=self.recalculate,
                            export=[{"sheet": sheet, "range": area, "pdf": str(Path(pdf).resolve())}
                                    for sheet, area, pdf in items])["exported"]
