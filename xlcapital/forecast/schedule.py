"""Calendar arithmetic of the model: weeks, months, and the occurrences of recurring items.

Each function is the Python twin of one spreadsheet formula in docs/forecast-model.md (sections 2
and 5), so the workbook and the engine agree by construction.

>>> from datetime import date
>>> eomonth(date(2026, 1, 31), 1)                    # EOMONTH(31 Jan 2026, 1)
datetime.date(2026, 2, 28)
>>> [str(d) for d in occurrences("monthly", 31, 1, date(2026, 1, 1), date(2026, 4, 30))]
['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']
>>> [str(d) for d in occurrences("quarterly", 31, 1, date(2026, 4, 6), date(2027, 3, 31))]   # VAT
['2026-04-30', '2026-07-31', '2026-10-31', '2027-01-31']
>>> week_of(date(2026, 4, 20), date(2026, 4, 6)), week_of(date(2026, 3, 1), date(2026, 4, 6))
(3, 1)
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

INTERVAL_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}


def eomonth(d: date, months: int = 0) -> date:
    """Excel's EOMONTH: the last day of the month ``months`` after the month of ``d``."""
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, calendar.monthrange(y, m + 1)[1])


def day_in_month(year: int, month: int, day: int) -> date:
    """``DATE(Y, M, MIN(day, DAY(EOMONTH(DATE(Y, M, 1), 0))))``: day 31 of April is 30 April.

    ``month`` may run past 12 (Excel's DATE carries it into the next year).

    >>> day_in_month(2028, 2, 30), day_in_month(2026, 14, 31)
    (datetime.date(2028, 2, 29), datetime.date(2027, 2, 28))
    """
    y, m = divmod(year * 12 + month - 1, 12)
    return date(y, m + 1, min(day, calendar.monthrange(y, m + 1)[1]))


def week_of(d: date, start: date) -> int:
    """``IF(d < S_1, 1, INT((d - S_1) / 7) + 1)``: overdue items land in week 1."""
    return 1 if d < start else (d - start).days // 7 + 1


def month_of(d: date, start: date) -> int:
    """The month index of the 12-month view: month 1 runs from ``start`` to the end of its month.

    >>> month_of(date(2026, 4, 30), date(2026, 4, 6)), month_of(date(2026, 5, 1), date(2026, 4, 6))
    (1, 2)
    """
    if d <= eomonth(start, 0):
        return 1
    return (d.year - start.year) * 12 + d.month - start.month + 1


def month_bounds(start: date, m: int) -> tuple[date, date]:
    """First and last day of month ``m`` (1-based) of the view that begins on ``start``."""
    first = start if m == 1 else eomonth(start, m - 2) + timedelta(days=1)
    return first, eomonth(start, m - 1)


#: the weeks after the horizon whose committed payments are listed (docs section 6, "Look-ahead")
LOOKAHEAD_WEEKS = 8


def view_end(start: date, weeks: int) -> date:
    """``V = MAX(E_N + 7 x 8, EOMONTH(S_1, 11))``: the last day any item is generated or kept for
    (the 12-month view and the look-ahead's 8 weeks after the horizon)."""
    return max(start + timedelta(days=7 * (weeks + LOOKAHEAD_WEEKS) - 1), eomonth(start, 11))


def occurrences(frequency: str, day: int, month: int, lo: date, hi: date, once: date | None = None) -> list[date]:
    """The dates of a recurring item inside ``[lo, hi]`` (docs section 5).

    weekly: ``day`` 1 (Monday) .. 7 (Sunday). monthly / quarterly / yearly: ``day`` of the month
    (a short month gives its last day); quarterly and yearly occur in the months ``month + 3k`` /
    ``month``. once: the date ``once`` when inside the window.
    """
    if hi < lo:
        return []
    if frequency == "once":
        return [once] if once is not None and lo <= once <= hi else []
    if frequency == "weekly":
        # first = lo + MOD(k - WEEKDAY(lo, 2), 7); WEEKDAY(.., 2) is Monday = 1, Python's Monday = 0
        first = lo + timedelta(days=(day - 1 - lo.weekday()) % 7)
        return [first + timedelta(days=7 * j) for j in range((hi - first).days // 7 + 1)] if first <= hi else []
    interval = INTERVAL_MONTHS[frequency]
    result = []
    for j in range((hi.year - lo.year) * 12 + hi.month - lo.month + 1):
        m = lo.month + j
        if (m - month) % interval:
            continue
        d = day_in_month(lo.year, m, day)
        if lo <= d <= hi:
            result.append(d)
    return result
