"""LibreOffice headless as the reference spreadsheet engine for the tests.

``LibreOffice.recalculate(paths)`` loads each workbook, recalculates every formula (the profile
says "always recalculate on load", because XlsxWriter stores a cached 0 that LibreOffice would
otherwise keep), saves it as .xlsx, and returns the paths of the results, to be read with
``openpyxl.load_workbook(path, data_only=True)``. Several files go in one soffice call: a cold
start costs 1-2 s, a file a fraction of that.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


class LibreOffice:
    def __init__(self, soffice: str, profile: Path) -> None:
        self.soffice = soffice
        self.profile = Path(profile)
        user = self.profile / "user"
        user.mkdir(parents=True, exist_ok=True)
        (user / "registrymodifications.xcu").write_text(REGISTRY, encoding="utf-8")

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


# --- Running VBA macros (added for the VBA import macros; the code above is the recalculation oracle) ---

import json  # noqa: E402  (kept beside the code that uses it, below the oracle)
import select  # noqa: E402
import socket  # noqa: E402

MACRO_WORKER = Path(__file__).resolve().parent / "lo_macro_worker.py"
#: Debian's python with the ``uno`` module (the project's venv cannot import it)
UNO_PYTHON = "/usr/bin/python3"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MacroRunner:
    """One headless soffice (own profile, own port) and one UNO worker, for many macro calls.

    ``run(path, calls, store=...)`` loads the workbook hidden with macros allowed, runs each
    ``(macro, args)`` in order (``macro`` is ``Module.Function`` of the document's VBAProject),
    optionally stores the result (as .xlsx by default), closes it and returns the list of
    ``{"value": ...}`` or ``{"error": ...}``. Use as a context manager so soffice always stops.
    """

    #: the UNO worker script this runner talks to (ValueReader uses its own)
    worker_script = MACRO_WORKER

    def __init__(self, soffice: str, profile: Path, timeout: float = 120) -> None:
        self.soffice = soffice
        self.profile = Path(profile)
        self.timeout = timeout
        user = self.profile / "user"
        user.mkdir(parents=True, exist_ok=True)
        (user / "registrymodifications.xcu").write_text(REGISTRY, encoding="utf-8")
        self.port = free_port()
        self.office: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None

    def start(self) -> "MacroRunner":
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
            [UNO_PYTHON, str(self.worker_script), str(self.port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        hello = self._read()
        if not hello.get("ready"):
            self.stop()
            raise RuntimeError(f"the LibreOffice macro worker did not start: {hello}")
        return self

    def _read(self) -> dict:
        assert self.worker is not None and self.worker.stdout is not None
        ready, _, _ = select.select([self.worker.stdout], [], [], self.timeout)
        if not ready:
            raise RuntimeError(f"LibreOffice macro worker gave no answer in {self.timeout} s")
        line = self.worker.stdout.readline()
        if not line:
            raise RuntimeError(f"LibreOffice macro worker ended (exit {self.worker.poll()})")
        return json.loads(line)

    def run(self, path: Path, calls: list[tuple[str, list]], store: Path | None = None,
            filter: str = "Calc MS Excel 2007 XML") -> list[dict]:
        """Run ``calls`` on the workbook at ``path``; store it at ``store`` when given."""
        assert self.worker is not None and self.worker.stdin is not None, "call start() first"
        request = {
            "file": str(Path(path).resolve()),
            "calls": [{"macro": macro, "args": list(args)} for macro, args in calls],
            "store": str(Path(store).resolve()) if store else None,
            "filter": filter,
        }
        self.worker.stdin.write(json.dumps(request) + "\n")
        self.worker.stdin.flush()
        answer = self._read()
        if answer.get("error"):
            raise RuntimeError(f"LibreOffice macro run failed: {answer['error']}")
        return answer["results"]

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

    def __enter__(self) -> "MacroRunner":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class ValueReader(MacroRunner):
    """One soffice + UNO worker that recalculates workbooks and returns the values of given cells.

    ``values(path, ranges)`` with ``ranges`` a list of ``(sheet, first_row, first_col, last_row,
    last_col)`` (0-based) returns per range its values row by row: numbers, texts, None for empty.
    Several times faster than :meth:`LibreOffice.recalculate` + openpyxl, since nothing is stored.
    Dates come back as serial numbers, booleans as 1 / 0.
    """

    worker_script = Path(__file__).resolve().parent / "lo_values_worker.py"

    def values(self, path: Path, ranges: list[tuple[str, int, int, int, int]]) -> list[list]:
        assert self.worker is not None and self.worker.stdin is not None, "call start() first"
        request = {"file": str(Path(path).resolve()), "read": [list(r) for r in ranges]}
        self.worker.stdin.write(json.dumps(request) + "\n")
        self.worker.stdin.flush()
        answer = self._read()
        if answer.get("error"):
            raise RuntimeError(f"LibreOffice could not recalculate {path}: {answer['error']}")
        return answer["values"]
