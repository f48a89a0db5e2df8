"""The declaration of one input field (:class:`Field`) and of an input table (:class:`Table`).

:mod:`xlcapital.forecast.schema` declares every field of the company folder's files with these; a
field parses its own values (from forecast.toml, a CSV cell, or last month's workbook) and checks
its bounds.

>>> f = Field("credit_limit", "CreditLimit", "money", "Credit limit", "Kredietlimiet", "The facility.", low=0)
>>> f.parse("1250.50"), f.numeric
(Decimal('1250.50'), True)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterator

from xlcapital.errors import InputError
from xlcapital.forecast import messages as say
from xlcapital.money import MAX_DIGITS
from xlcapital.forecast.values import (
    parse_accounts,
    parse_choice,
    parse_date,
    parse_fraction,
    parse_int,
    parse_money,
    parse_yes_no,
)

#: the kinds of value a field can hold (the workbook writes each with its own cell format)
KINDS = ("text", "money", "number", "fraction", "integer", "date", "choice", "yes_no", "accounts")


@dataclass(frozen=True)
class Field:
    """One input field.

    ``key`` is its name in the file (CSV column, TOML key); ``header`` its name in the workbook
    (table column header, or ``Settings_<header>``; None: not in the workbook). ``low``/``high``
    bound a number (inclusive), ``choices`` a choice. ``default`` is the value of an empty cell or
    a missing key (None: empty stays None, or a learned value fills it in). ``help_nl`` is the
    help in Dutch (keyword argument, after the bounds); ``header_nl`` the table column's header in
    the Dutch workbook (empty: ``header`` in both languages; Settings names stay English).
    """

    key: str
    header: str | None
    kind: str
    label: str
    nl: str
    help: str
    required: bool = False
    low: int | Decimal | None = None
    high: int | Decimal | None = None
    choices: tuple[str, ...] = ()
    default: Any = None
    #: the help text in Dutch (the Dutch workbook's Settings explanations and column comments)
    help_nl: str = ""
    #: the table column's header in the Dutch workbook (empty: ``header`` in both languages)
    header_nl: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.key}: unknown kind {self.kind!r}")

    @property
    def numeric(self) -> bool:
        return self.kind in ("money", "number", "fraction", "integer")

    def parse(self, value: object, *, field: str | None = None, decimal: str = ".") -> Any:
        """The value of this field from a TOML value or a CSV cell (``decimal``: the file's decimal mark)."""
        name = field or self.key
        kind = self.kind
        if kind == "text":
            return str(value).strip()
        if kind == "date":
            return parse_date(value, field=name)
        if kind == "choice":
            return parse_choice(value, self.choices, field=name)
        if kind == "yes_no":
            return parse_yes_no(value, field=name)
        if kind == "accounts":
            return parse_accounts(value, field=name)
        if kind == "integer":
            return parse_int(value, field=name, low=self.low, high=self.high)
        if isinstance(value, str) and decimal != ".":
            value = value.strip()
            percent = kind == "fraction" and value.endswith("%")
            number = parse_money_text(value[:-1] if percent else value, decimal, name)
            result = number / 100 if percent else number
        else:
            result = (parse_fraction if kind == "fraction" else parse_money)(value, field=name)
        if result.is_finite() and result != 0 and result.adjusted() >= MAX_DIGITS:
            raise InputError(say.TOO_LARGE(value=str(value).strip()), field=name, hint=say.AT_MOST_DIGITS(digits=MAX_DIGITS))
        self.check_bounds(result, name)
        return result

    def check_bounds(self, value: Decimal, name: str) -> None:
        if self.low is not None and value < self.low:
            raise InputError(say.BELOW_MINIMUM(value=value, low=self.low), field=name, hint=self._range())
        if self.high is not None and value > self.high:
            raise InputError(say.ABOVE_MAXIMUM(value=value, high=self.high), field=name, hint=self._range())

    def _range(self) -> str:
        if self.high is None:
            return say.GIVE_OR_MORE(low=self.low)
        if self.low is None:
            return say.GIVE_OR_LESS(high=self.high)
        return say.GIVE_FROM_TO(low=self.low, high=self.high)




def parse_money_text(text: str, decimal: str, field: str) -> Decimal:
    from xlcapital.money import parse_amount

    return parse_amount(text, decimal=decimal, field=field)


@dataclass(frozen=True)
class Table:
    """An input table: a CSV file of the company folder and the workbook's Excel Table of the same rows."""

    name: str
    file: str | None
    fields: tuple[Field, ...]

    def __getitem__(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if not f.required)


__all__ = ["Field", "Table", "KINDS", "parse_money_text"]
