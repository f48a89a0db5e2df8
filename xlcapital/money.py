"""Money: amounts are :class:`decimal.Decimal`, parsed exactly from text, never through float.

One place parses every amount xlcapital reads (company files, bank exports, CSV inputs), so a
decimal comma, a thousands separator or an explicit ``+`` are handled the same way everywhere.

>>> parse_amount("1.234,56", decimal=",")
Decimal('1234.56')
>>> parse_amount("+50,00", decimal=",")
Decimal('50.00')
>>> parse_amount("-200.00")
Decimal('-200.00')
>>> parse_amount("1,234.56")
Decimal('1234.56')
>>> parse_amount("1.234,56")
Traceback (most recent call last):
...
xlcapital.errors.InputError: not an amount: '1.234,56' (expected '.' as the decimal mark)
>>> to_decimal(12.1, field="cash")
Decimal('12.1')
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from numbers import Integral, Real

from xlcapital.errors import InputError
from xlcapital import messages as say

CENT = Decimal("0.01")
#: the most digits before the point of an amount a user's file may hold (company files, forecast inputs):
#: Excel keeps 15 significant digits, and the engine's Decimal sums and roundings (28 digits) stay exact
#: with room to spare; a bigger number is a typo or an attack
MAX_DIGITS = 15

_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_amount(text: str, *, decimal: str = ".", thousands: str | None = None, field: str | None = None) -> Decimal:
    """Parse an amount written as text into an exact Decimal.

    ``decimal`` is the decimal mark ("." or ","). ``thousands`` is the grouping mark; when it is
    None, the other of "." and "," is accepted as grouping only where it groups digits in threes
    before the decimal mark (so "1.000,00" reads with decimal=",", and "1.5" never reads as 15).
    Spaces, a leading ``+``, a trailing or leading ``-`` and a currency sign € are accepted.
    Raises :class:`InputError` naming ``field`` for anything else.
    """
    if text is None:
        raise InputError(say.AMOUNT_MISSING(), field=field)
    raw = str(text)
    s = _SPACES.sub("", raw).replace("€", "").replace("EUR", "")
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    if s.endswith("-"):
        negative, s = not negative, s[:-1]
    if s and s[0] in "+-":
        negative, s = (not negative) if s[0] == "-" else negative, s[1:]
    if not s:
        raise InputError(say.NOT_AN_AMOUNT(raw=raw), field=field)
    other = "," if decimal == "." else "."
    group = thousands if thousands is not None else other
    head, _, tail = s.partition(decimal)
    if decimal in tail or (group and group in tail):
        # "1.234,56" read with a decimal point: the grouping mark after the decimal mark
        raise InputError(say.NOT_AN_AMOUNT(raw=raw), field=field, hint=say.DECIMAL_MARK(mark=decimal))
    if group and group in head:
        groups = head.split(group)
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            raise InputError(say.NOT_AN_AMOUNT(raw=raw), field=field, hint=say.DECIMAL_MARK(mark=decimal))
        s = s.replace(group, "")
    if decimal != ".":
        if "." in s:
            raise InputError(say.NOT_AN_AMOUNT(raw=raw), field=field, hint=say.DECIMAL_MARK(mark=decimal))
        s = s.replace(decimal, ".")
    if not re.fullmatch(r"\d+(\.\d*)?|\.\d+", s):
        raise InputError(say.NOT_AN_AMOUNT(raw=raw), field=field)
    value = Decimal(s)  # the pattern admits only valid Decimal literals
    return -value if negative else value


def to_decimal(value: object, *, field: str | None = None) -> Decimal:
    """Turn a number from a structured source (TOML, JSON, a cell) into a Decimal.

    Integers and Decimals are exact; a float goes through its shortest repr (12.1 -> 12.1, not
    12.0999...), which is what the user typed. Text is parsed with a decimal point. Booleans,
    NaN and infinities are refused.
    """
    if isinstance(value, bool) or value is None:
        raise InputError(say.NOT_A_NUMBER(value=value), field=field)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InputError(say.NOT_FINITE(value=value), field=field)
        return value
    if isinstance(value, Integral):
        return Decimal(int(value))
    if isinstance(value, Real):
        f = float(value)
        if math.isnan(f) or math.isinf(f):
            raise InputError(say.NOT_FINITE(value=value), field=field)
        return Decimal(repr(f))
    if isinstance(value, str):
        return parse_amount(value, field=field)
    raise InputError(say.NOT_A_NUMBER(value=value), field=field)


def cents(value: Decimal) -> int:
    """An exact Decimal amount as whole cents; refuses fractions of a cent.

    >>> cents(Decimal("12.30"))
    1230
    """
    scaled = value * 100
    if scaled != scaled.to_integral_value():
        raise InputError(say.MORE_THAN_CENTS(value=value))
    return int(scaled)


def format_money(value: Decimal | float | None, places: int = 2) -> str:
    """Display an amount with grouping, rounded half away from zero (for display only).

    >>> format_money(Decimal("1234567.005"))
    '1,234,567.01'
    >>> format_money(None)
    '-'
    """
    from decimal import ROUND_HALF_UP

    if value is None:
        return "-"
    d = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{q:,.{places}f}"
