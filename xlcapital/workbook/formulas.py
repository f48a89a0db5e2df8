"""Formula text helpers shared by the workbook's sheet writers: Excel literals, exact criteria, bank sums.

Nothing here knows a sheet's layout; :mod:`~xlcapital.workbook.model` (what is computed) and the
sheet writers (where) both build on it, so neither imports the other.
"""

from __future__ import annotations

from xlcapital.workbook.settings import defined


def text(value: str) -> str:
    """An Excel string literal.

    >>> print(text('a"b'))
    "a""b"
    """
    return '"' + value.replace('"', '""') + '"'


def exact(value: str) -> str:
    """A SUMIFS/MATCH criterion that matches ``value`` literally (no wildcards, no operators).

    >>> exact("A*B")
    '"=A~*B"'
    """
    escaped = value.replace("~", "~~").replace("*", "~*").replace("?", "~?")
    return text("=" + escaped)


def literal_expr(expr: str) -> str:
    """A MATCH lookup value that matches the text of ``expr`` literally (wildcards escaped).

    >>> literal_expr("A1")
    'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(A1,"~","~~"),"*","~*"),"?","~?")'
    """
    return f'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({expr},"~","~~"),"*","~*"),"?","~?")'


def exact_expr(expr: str) -> str:
    """:func:`exact` for a formula expression (escaped by the formula itself)."""
    return '"="&' + literal_expr(expr)


#: the day at whose end Settings_BankBalance was the balance (docs/forecast-model.md section 12)
BALANCE_DAY = f'IF({defined("BalanceDate")}="",{defined("Start")}-1,{defined("BalanceDate")})'
#: the Bank transactions of the forecast's accounts (the calculated column Bank[InForecast])
COUNTED = 'Bank[InForecast],"yes"'
#: the last booking date of the counted Bank transactions before the start (0: none). SUMPRODUCT
#: evaluates its argument as an array in Excel 2010 and LibreOffice (MAXIFS is Excel 2019)
LAST_BANK_DAY = f'SUMPRODUCT(MAX((Bank[Date]<{defined("Start")})*(Bank[InForecast]="yes")*Bank[Date]))'


def bank_sum(op1: str, first: str, op2: str | None = None, last: str | None = None) -> str:
    """SUMIFS of the counted Bank amounts with ``first op1 Date`` (and ``op2 last``) (section 12).

    >>> print(bank_sum(">=", "S", "<=", "E"))
    SUMIFS(Bank[Amount],Bank[InForecast],"yes",Bank[Date],">="&S,Bank[Date],"<="&E)
    """
    upper = f',Bank[Date],"{op2}"&{last}' if op2 else ""
    return f'SUMIFS(Bank[Amount],{COUNTED},Bank[Date],"{op1}"&{first}{upper})'
