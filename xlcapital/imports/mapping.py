"""A user's mapping file: ledger accounts onto xlcapital items, for ledgers without RGS codes.

A CSV file with the columns ``account`` and ``item``. ``account`` is an account number or a range
of numbers (``8000-8999``, both ends included); ``item`` is an item of the company file
(``receivables``, or its Dutch name ``debiteuren``) or an RGS code (``BVorDebHad``). The first row
that covers an account wins; a mapping row wins over the RGS code in the bookkeeping.

>>> m = Mapping([Rule("1300", "1300", "receivables", 2), Rule("8000", "8999", "revenue", 3)])
>>> m.item_of("1300"), m.item_of("8400"), m.item_of("9000")
('receivables', 'revenue', None)
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from xlcapital.errors import InputError
from xlcapital.fileio import read_text
from xlcapital.imports import rgs
from xlcapital.imports import messages as say


@dataclass(frozen=True)
class Rule:
    first: str
    last: str
    item: str
    line: int

    def covers(self, account: str) -> bool:
        if self.first == self.last:
            return account.strip().casefold() == self.first.casefold()
        return account.strip().isdigit() and int(self.first) <= int(account) <= int(self.last)


class Mapping:
    """The rules of a mapping file, in order."""

    def __init__(self, rules: list[Rule], source: str = ""):
        self.rules, self.source = rules, source

    def item_of(self, account: str) -> str | None:
        return next((r.item for r in self.rules if r.covers(account)), None)


def read_mapping(path: str | Path) -> Mapping:
    """Read a mapping file; every bad row is an :class:`InputError` naming the line."""
    name = str(path)
    reader = csv.reader(io.StringIO(read_text(path, hint=say.MAPPING_GIVE_CSV()), newline=""))
    header = [h.strip().casefold() for h in next(reader, [])]
    if header[:2] != ["account", "item"]:
        raise InputError(say.MAPPING_HEADER(), file=name, line=1)
    rules = []
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if len(cells) < 2 or not cells[1].strip():
            raise InputError(say.MAPPING_BOTH_NEEDED(), file=name, line=line)
        account, target = cells[0].strip(), cells[1].strip()
        first, sep, last = account.partition("-")
        if sep and not (first.strip().isdigit() and last.strip().isdigit() and int(first) <= int(last)):
            raise InputError(say.MAPPING_NOT_A_RANGE(account=account), file=name, line=line, field="account",
                             hint=say.MAPPING_WRITE_RANGE())  # fmt: skip
        item = rgs.item_by_name(target)
        if item is None:
            code = rgs.clean_code(target)
            item = rgs.item_of(code) if code else None
        if item is None:
            raise InputError(say.MAPPING_NOT_AN_ITEM(target=target), file=name, line=line, field="item",
                             hint=say.MAPPING_WRITE_ITEM())  # fmt: skip
        rules.append(Rule(first.strip(), (last if sep else first).strip(), item, line))
    return Mapping(rules, name)


__all__ = ["Mapping", "Rule", "read_mapping"]
