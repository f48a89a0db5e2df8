"""The errors xlcapital raises for bad input.

Every error a user can cause (a malformed bank file, a missing field, a non-number) is an
:class:`XlcapitalError`. It carries *where* the problem is (file, line, field, cell) and *what to
do* (a hint), so the CLI can print one clear line and exit 2 without a traceback, the UDFs can
return an Excel error value, and the generator can refuse before writing anything.

>>> e = InputError("not a number: 'abc'", file="company.toml", field="balance_opening.cash",
...                hint="write the amount with a decimal point, e.g. 1234.56")
>>> str(e)
"company.toml: balance_opening.cash: not a number: 'abc' (write the amount with a decimal point, e.g. 1234.56)"
"""

from __future__ import annotations


class XlcapitalError(Exception):
    """Base class of every error that xlcapital reports to a user.

    ``message`` says what is wrong; ``file``, ``line``, ``field`` and ``cell`` say where;
    ``hint`` says what to do about it.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
        cell: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = None if file is None else str(file)
        self.line = line
        self.field = field
        self.cell = cell
        self.hint = hint

    @property
    def location(self) -> str:
        """``file:line: field: cell`` with the parts that are known."""
        parts = []
        if self.file is not None:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.field is not None:
            parts.append(self.field)
        if self.cell is not None:
            parts.append(f"cell {self.cell}")
        return ": ".join(parts)

    def with_location(self, **where) -> "XlcapitalError":
        """Fill in location parts that are still unknown (an outer reader knows the file name)."""
        for key, value in where.items():
            if getattr(self, key, None) is None and value is not None:
                setattr(self, key, str(value) if key == "file" else value)
        return self

    def __str__(self) -> str:
        text = self.message
        if self.location:
            text = f"{self.location}: {text}"
        if self.hint:
            text = f"{text} ({self.hint})"
        return text


class InputError(XlcapitalError, ValueError):
    """A value or a file given by the user is missing, malformed or inconsistent."""


class BankFileError(InputError):
    """A bank export could not be read: wrong format, broken record, lost transactions."""


class BalanceSheetError(InputError):
    """A balance sheet does not balance, or a statement input is incomplete."""


class OutputError(XlcapitalError, OSError):
    """An output file could not be written (exists without --force, directory missing, ...)."""
