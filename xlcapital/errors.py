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

from xlcapital.messages import CELL, LINE, in_language


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
        return self.location_in("en")

    def location_in(self, lang: str) -> str:
        """:attr:`location` in ``lang`` (``regel 3``, ``cel B4`` in Dutch)."""
        parts = []
        if self.file is not None:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        elif self.line is not None:
            parts.append(in_language(LINE(line=self.line), lang))
        if self.field is not None:
            parts.append(in_language(self.field, lang))
        if self.cell is not None:
            parts.append(in_language(CELL(cell=self.cell), lang))
        return ": ".join(parts)

    def with_location(self, **where) -> "XlcapitalError":
        """Fill in location parts that are still unknown (an outer reader knows the file name)."""
        for key, value in where.items():
            if getattr(self, key, None) is None and value is not None:
                setattr(self, key, str(value) if key == "file" else value)
        return self

    def __str__(self) -> str:
        return self.in_language("en")

    def in_language(self, lang: str) -> str:
        """The one line a user reads, in ``lang``: the message and the hint in Dutch where they are
        declared :class:`~xlcapital.messages.Text` (the others stay English), the location's words too.

        >>> from xlcapital.messages import Text
        >>> e = InputError(Text("not a date: {v!r}", "geen datum: {v!r}")(v="31-02"), line=4,
        ...                hint=Text("write 2024-12-31", "schrijf 2024-12-31")())
        >>> e.in_language("nl")
        "regel 4: geen datum: '31-02' (schrijf 2024-12-31)"
        """
        text = in_language(self.message, lang)
        location = self.location_in(lang)
        if location:
            text = f"{location}: {text}"
        if self.hint:
            text = f"{text} ({in_language(self.hint, lang)})"
        return text


class InputError(XlcapitalError, ValueError):
    """A value or a file given by the user is missing, malformed or inconsistent."""


class BankFileError(InputError):
    """A bank export could not be read: wrong format, broken record, lost transactions."""


class BalanceSheetError(InputError):
    """A balance sheet does not balance, or a statement input is incomplete."""


class OutputError(XlcapitalError, OSError):
    """An output file could not be written (exists without --force, directory missing, ...)."""
