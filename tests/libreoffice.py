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
