"""Parsers of one value of an input file (TOML value or CSV cell): exact, strict, with clear errors.

>>> parse_fraction("-15%", field="revenue_change")
Decimal('-0.15')
>>> parse_yes_no("Ja", field="project")
True
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from xlcapital.errors import InputError
from xlcapital.forecast import messages as say
from xlcapital.messages import NOT_A_DATE
from xlcapital.money import parse_amount, to_decimal

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YES = {"yes", "y", "true", "1", "ja", "j"}
_NO = {"no", "n", "false", "0", "nee", ""}


def parse_date(value: object, *, field: str | None = None) -> date:
    """A date from TOML (already a date) or text ``YYYY-MM-DD``.

    >>> parse_date("2026-04-06")
    datetime.date(2026, 4, 6)
    """
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    text = str(value).strip()
    if _DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise InputError(NOT_A_DATE(value=value), field=field, hint=say.WRITE_DATES())


def parse_int(value: object, *, field: str | None = None, low: int | None = None, high: int | None = None) -> int:
    """A whole number (of days, weeks, a day of the month), within ``[low, high]``."""
    if isinstance(value, bool):
        raise InputError(say.NOT_A_WHOLE_NUMBER(value=value), field=field)
    try:
        d = value if isinstance(value, (int, Decimal)) else Decimal(str(value).strip())
        if d != int(d):
            raise ValueError
        n = int(d)
    except (ArithmeticError, ValueError):
        raise InputError(say.NOT_A_WHOLE_NUMBER(value=value), field=field) from None
    if (low is not None and n < low) or (high is not None and n > high):
        raise InputError(say.OUT_OF_RANGE(value=n), field=field, hint=say.USE_FROM_TO(low=low, high=high))
    return n


def parse_money(value: object, *, field: str | None = None) -> Decimal:
    """An amount: exact Decimal from a TOML number or text with a decimal point."""
    if isinstance(value, str):
        return parse_amount(value, decimal=".", field=field)
    return to_decimal(value, field=field)


def parse_fraction(value: object, *, field: str | None = None) -> Decimal:
    """A fraction: a number (0.085) or text with a percent sign ("8.5%")."""
    if isinstance(value, str) and value.strip().endswith("%"):
        return parse_money(value.strip()[:-1], field=field) / 100
    return parse_money(value, field=field)


def account_key(account: str) -> str:
    """An account as compared: spaces left out, upper case (``NL91 ingb ...`` is ``NL91INGB...``).

    >>> account_key(" nl91 ingb 0001 2345 67")
    'NL91INGB0001234567'
    """
    return account.replace(" ", "").strip().upper()


def parse_accounts(value: object, *, field: str | None = None) -> tuple[str, ...]:
    """``accounts``: a list of account numbers (IBANs), each as :func:`account_key`; none empty,
    none with a comma (the workbook keeps them as one comma-separated text)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise InputError(say.NOT_ACCOUNTS(value=value), field=field, hint=say.WRITE_ACCOUNTS())
    result = []
    for item in value:
        key = account_key(str(item))
        if not key or "," in key:
            raise InputError(say.NOT_AN_ACCOUNT(item=item), field=field, hint=say.ONE_IBAN_EACH())
        if key not in result:
            result.append(key)
    return tuple(result)


def parse_yes_no(value: object, *, field: str | None = None) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise InputError(say.NOT_YES_OR_NO(value=value), field=field)


def parse_choice(value: object, choices: tuple[str, ...], *, field: str | None = None) -> str:
    text = str(value).strip().casefold()
    if text not in choices:
        raise InputError(say.NOT_ONE_OF(value=value, choices=", ".join(choices)), field=field)
    return text

