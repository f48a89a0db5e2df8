"""From the bookkeeping to a company folder: XAF auditfiles and RGS-coded trial balances.

One module per format, each with ``looks_like(path, head)`` and ``read(path, ...) -> Ledger``
(:mod:`.xaf` for XAF 3.1, 3.2 and 4.0, plain or zipped; :mod:`.rgs_csv` and :mod:`.rgs_xlsx` for a
trial balance), then the same steps for all: :mod:`.rgs` (RGS prefixes onto items), :mod:`.mapping` (a user's mapping file),
:mod:`.figures` (balance sheets and income statement), :mod:`.openitems` (invoices), and
:mod:`.folder` (the files). docs/imports.md describes the command and what it simplifies.

>>> format_of(Path("2024.xaf"), b"<?xml version='1.0'?><auditfile xmlns='http://www.auditfiles.nl/XAF/3.2'>").__name__
'xlcapital.imports.xaf'
>>> [format_of(Path(name), b"PK\\x03\\x04").__name__.rsplit(".", 1)[1] for name in ("tb.xlsx", "2024.zip")]
['rgs_xlsx', 'xaf']
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from xlcapital.errors import InputError
from xlcapital.imports import folder, rgs_csv, rgs_xlsx, xaf
from xlcapital.imports.figures import Figures, account_item, figures
from xlcapital.imports.mapping import Mapping, read_mapping
from xlcapital.imports.model import Ledger
from xlcapital.imports.openitems import SIDES, Items, open_items
from xlcapital.imports import messages as say
from xlcapital.messages import CANNOT_READ, ENDS_BEFORE_START, FILE_NOT_FOUND, os_reason

#: The formats, asked in this order whether a file is theirs (a workbook and a zipped auditfile both start "PK").
FORMATS = (rgs_xlsx, rgs_csv, xaf)
#: The items whose accounts may hold the open invoices while reading: "" (not mapped yet) may be one too.
CONTROL_ITEMS = (*SIDES, "")


def format_of(path: Path, head: bytes):
    """The module of :data:`FORMATS` that reads the file (from its name and first bytes)."""
    for module in FORMATS:
        if module.looks_like(path, head):
            return module
    raise InputError(say.NOT_AN_IMPORT(), file=str(path))


def read(path: str | Path, *, start: date | None = None, end: date | None = None, name: str | None = None,
         mapping: Mapping | None = None) -> Ledger:
    """Read an auditfile or a trial balance; a trial balance needs the period (``start``, ``end``).

    ``mapping`` (the one :func:`build` will use) lets the reader leave out the lines on relations
    of accounts that cannot be receivables or payables.
    """
    p = Path(path)
    try:
        with open(p, "rb") as f:
            head = f.read(4096)
    except FileNotFoundError:
        raise InputError(FILE_NOT_FOUND(), file=str(p)) from None
    except OSError as exc:
        raise InputError(CANNOT_READ(why=os_reason(exc)), file=str(p)) from None
    module = format_of(p, head)
    if module is xaf:
        ledger = xaf.read(p, keep=lambda account: account_item(account, mapping) in CONTROL_ITEMS)
        if name:
            ledger.company_name = name
        return ledger
    if start is None or end is None:
        raise InputError(say.NO_DATES(), file=str(p), hint="--start 2024-01-01 --end 2024-12-31")
    if end < start:
        raise InputError(ENDS_BEFORE_START(end=end, start=start), field="--end")
    return module.read(p, start=start, end=end, name=name or p.stem)


@dataclass
class Import:
    """An import ready to write: the ledger, its figures and its open items (None for a trial balance)."""

    ledger: Ledger
    figures: Figures
    items: Items | None

    @property
    def warnings(self) -> list[str]:
        return [*self.ledger.warnings, *self.figures.warnings, *(self.items.warnings if self.items else [])]

    def files(self) -> dict[str, str]:
        return folder.render(self.ledger, self.figures, self.items)

    def write(self, target: str | Path, *, force: bool = False) -> Path:
        """Write the folder; with ``force`` into a folder that has files, the user's own stay (:func:`folder.keep_users`)."""
        files = self.files()
        if force:
            self.ledger.warnings += folder.keep_users(Path(target), files)
        return folder.write(target, files, force=force)


def build(ledger: Ledger, mapping: Mapping | None = None, *, allow_unmapped: bool = False, payment_term: int = 30) -> Import:
    """Map a ledger onto the company file's items and find its open invoices."""
    result = figures(ledger, mapping, allow_unmapped=allow_unmapped)
    items = None
    if ledger.has_items:
        control = {r.id: r.item for r in result.accounts if r.item in SIDES}
        items = open_items(ledger, control, payment_term)
    else:
        ledger.warnings.append(say.NO_INVOICES(source=ledger.source))
    return Import(ledger, result, items)


__all__ = ["read", "build", "read_mapping", "Import", "Ledger", "format_of", "FORMATS"]
