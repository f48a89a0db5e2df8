"""One call from a company folder to a workbook: what ``xlcapital generate`` and the demo run.

>>> import tempfile, pathlib
>>> result = generate_folder(None, pathlib.Path(tempfile.mkdtemp()) / "demo.xlsx", macros=False)
>>> result.cells["forecast.closing"].sheet, result.weeks
('Forecast', 13)
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from xlcapital.messages import Message
from xlcapital.workbook import messages as say
from xlcapital.workbook.cellmap import CellMap


@dataclass
class Result:
    """What was written: the cell map and a one-line summary for the user."""

    cells: CellMap
    weeks: int
    start: date
    transactions: int
    summary: str
    #: the company's name (forecast.toml / company.toml, else the folder's name)
    company: str = ""
    #: with --previous: what was carried, added and overruled, one line each
    roll: list[str] = dataclasses.field(default_factory=list)


def summary_line(weeks: int, start: date, count: int, past: int | None) -> Message:
    """The one-line summary of a generated workbook (English; ``in_language`` gives the Dutch).

    >>> from xlcapital.messages import in_language
    >>> line = summary_line(13, date(2026, 1, 5), 42, None)
    >>> line, in_language(line, "nl")
    ('13 weeks from Monday 2026-01-05, 42 bank transactions', '13 weken vanaf maandag 05-01-2026, 42 banktransacties')
    """
    extent = say.EXTENT(weeks=weeks, start=start, count=count)
    return extent if past is None else say.WITH_VARIANCE(extent=extent, past=past)


def load_inputs(folder: str | os.PathLike | None, start: date | None = None):
    """The forecast inputs and bank statements (``inputs.bank``) of ``folder`` (None: the bundled
    sample company). ``start`` replaces the first week's Monday (``--month``)."""
    from xlcapital import forecast as fc
    from xlcapital.company import sample_dir

    root = Path(folder) if folder is not None else sample_dir()
    inputs = fc.load(root)
    if start is not None:
        inputs.settings = dataclasses.replace(inputs.settings, start=start)
    return inputs, inputs.bank


def generate_folder(folder: str | os.PathLike | None, path: str | os.PathLike, *, macros: bool = True,
                    lang: str = "en", start: date | None = None, previous: str | os.PathLike | None = None,
                    vba=None, force: bool = False) -> Result:
    """Generate the workbook of a company folder into ``path`` (the caller makes it atomic)."""
    inputs, statements = load_inputs(folder, start)
    carried = None
    if previous is not None:
        from xlcapital.workbook.previous import carry_over

        inputs, statements, carried = carry_over(previous, inputs, statements, force=force)
    return generate_inputs(inputs, statements, path, macros=macros, lang=lang, vba=vba, carried=carried,
                           previous_name=Path(previous).name if previous is not None else "")


def generate_inputs(inputs, statements, path: str | os.PathLike, *, macros: bool = True, lang: str = "en",
                    vba=None, carried=None, previous_name: str = "") -> Result:
    """Generate the workbook of inputs already loaded (``xlcapital.forecast.load``; ``statements``: the
    Bank table's, usually ``inputs.bank``) into ``path``; ``carried`` is last month's workbook carried
    over (``previous.carry_over``, read from the file called ``previous_name``)."""
    from xlcapital.workbook.generator import Generator
    from xlcapital.workbook.inputsheets import company_of
    from xlcapital.workbook.vbahook import default_hook

    hook = vba if vba is not None else (default_hook() if macros else None)
    company = company_of(inputs)
    cells = Generator(lang=lang, company=company, vba=hook, previous=carried).write(inputs, path, statements)
    s = inputs.settings
    count = sum(len(st.transactions) for st in statements)
    summary = summary_line(s.weeks, s.start, count, len(carried.weeks) if carried else None)
    roll = carried.report.lines(previous_name) if carried is not None and carried.report else []
    return Result(cells, s.weeks, s.start, count, summary, company, roll)
