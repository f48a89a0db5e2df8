"""The calling convention of every ratio in :mod:`xlcapital.ratios`, in one place.

:func:`ratio` decorates a formula written with plain arithmetic and :func:`divide`; the wrapper
reads each argument (a number, an (opening, closing) pair, an array, a pandas Series), chooses the
arithmetic (exact Decimal, float, or vectorized numpy) and shapes the result (``None`` / NaN for no
value, a Series keeps its index). :mod:`xlcapital.ratios` documents the convention for users.
"""

from __future__ import annotations

import functools
import inspect
import math
from decimal import Decimal
from numbers import Integral, Real
from typing import Any, Callable

import numpy as np

from xlcapital.errors import InputError

__all__ = ["ratio", "divide"]

_NAN_D = Decimal("NaN")
_PAIR_HINT = "a balance is one number or an (opening, closing) pair of two numbers"
_ROWS_HINT = "for many rows pass a numpy array or pandas Series; for many pairs an array of shape (n, 2)"


def _bad(name: str, value: object) -> InputError:
    return InputError(f"not a number: {value!r}", field=name)


def _scalar(name: str, value: object) -> Decimal | float | None:
    """One number as Decimal (exact: int, Decimal) or float; None for missing (None, NaN)."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        raise _bad(name, value)
    if isinstance(value, Decimal):
        if value.is_nan():
            return None
        if not value.is_finite():
            raise InputError(f"not a finite number: {value!r}", field=name)
        return value
    if isinstance(value, (Integral, np.integer)):
        return Decimal(int(value))
    if isinstance(value, (Real, np.floating)):
        f = float(value)
        if math.isnan(f):
            return None
        if math.isinf(f):
            raise InputError(f"not a finite number: {value!r}", field=name)
        return f
    raise _bad(name, value)


def _float_array(name: str, value: object) -> np.ndarray:
    """An array-like as a float array, refusing text and booleans (numpy would parse "1.5")."""
    arr = np.asarray(value)
    if arr.dtype.kind in "fiu":
        out = arr.astype(float, copy=False)
    elif arr.dtype.kind == "O":
        for item in arr.flat:  # object arrays only: Decimals, None, or a stray string from a sheet
            if item is not None:
                _scalar(name, item)
        out = np.array([np.nan if item is None else float(item) for item in arr.flat], dtype=float)
        out = out.reshape(arr.shape)
    else:
        bad = next(iter(arr.flat), value)
        raise _bad(name, bad.item() if hasattr(bad, "item") else bad)
    if np.isinf(out).any():
        raise InputError(f"not a finite number: {float(out[np.isinf(out)][0])!r}", field=name)
    return out


def _series_values(name: str, value: Any) -> np.ndarray:
    """A pandas Series / DataFrame as an array, with missing values (pd.NA, None) as NaN."""
    try:
        return value.to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError):
        return _float_array(name, value.to_numpy(dtype=object))


class _Arg:
    """One argument after reading: a scalar (Decimal / float / None) or a float array."""

    __slots__ = ("scalar", "array", "index")

    def __init__(self, scalar=None, array=None, index=None):
        self.scalar, self.array, self.index = scalar, array, index


def _read(name: str, value: object, balance: bool) -> _Arg:
    """Read one argument; a balance may be a pair, a flow may not."""
    if hasattr(value, "to_numpy") and hasattr(value, "index"):  # pandas, without importing it
        return _shape(name, _series_values(name, value), balance, index=value.index)
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return _Arg(scalar=_scalar(name, value.item() if value.dtype.kind != "O" else value[()]))
        return _shape(name, _float_array(name, value), balance)
    if isinstance(value, (tuple, list)):
        if len(value) == 2 and not any(isinstance(v, (tuple, list, np.ndarray)) for v in value):
            if not balance:
                raise InputError(
                    f"a flow over the period is one number, not a pair: {value!r}",
                    field=name,
                    hint="(opening, closing) pairs are for balances such as receivables",
                )
            opening, closing = (_scalar(name, v) for v in value)
            return _Arg(scalar=_average(opening, closing))
        if value and all(isinstance(v, (tuple, list, np.ndarray)) for v in value):
            return _shape(name, _float_array(name, _rectangular(name, value)), balance)
        raise InputError(f"not a number or a pair: {value!r}", field=name, hint=f"{_PAIR_HINT}; {_ROWS_HINT}")
    return _Arg(scalar=_scalar(name, value))


def _rectangular(name: str, rows: list) -> np.ndarray:
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        raise InputError(f"rows of different widths {sorted(widths)}", field=name, hint=_ROWS_HINT)
    return np.array(rows, dtype=object)


def _shape(name: str, arr: np.ndarray, balance: bool, index=None) -> _Arg:
    """1-D: rows. 2-D (n, 2) for a balance: rows of (opening, closing), averaged. (n, 1): rows."""
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    elif arr.ndim == 2 and arr.shape[1] == 2 and balance:
        arr = (arr[:, 0] + arr[:, 1]) / 2.0
    elif arr.ndim != 1:
        what = "a balance" if balance else "a flow"
        raise InputError(
            f"an array of shape {arr.shape} is not valid for {what}",
            field=name,
            hint="use one value per row (shape (n,))" + (", or (opening, closing) per row (shape (n, 2))" if balance else ""),
        )
    return _Arg(array=arr, index=index)


def _average(opening, closing):
    if opening is None or closing is None:
        return None
    if isinstance(opening, Decimal) and isinstance(closing, Decimal):
        return (opening + closing) / 2
    return (float(opening) + float(closing)) / 2.0


def divide(numerator, denominator):
    """``numerator / denominator``; NaN (Decimal or float) where the denominator is zero or missing.

    Works on exact Decimals, on float scalars and on arrays alike, so each ratio is written once.
    A float quotient beyond the float range (1e300 / 1e-10) has no value either: NaN, never inf.

    >>> divide(np.array([1.0, 1e300, 2.0]), np.array([0.0, 1e-10, 4.0]))
    array([nan, nan, 0.5])
    """
    if isinstance(numerator, Decimal) and isinstance(denominator, Decimal):
        return _NAN_D if denominator == 0 else numerator / denominator  # a NaN (missing) stays NaN
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    out = np.full(np.broadcast_shapes(num.shape, den.shape), np.nan)
    with np.errstate(over="ignore"):
        np.divide(num, den, out=out, where=den != 0)
    out[np.isinf(out)] = np.nan
    return out


def ratio(*, balances: tuple[str, ...] = (), optional: tuple[str, ...] = (), amount: bool = False) -> Callable:
    """Decorate a ratio written with plain arithmetic and :func:`divide` so it takes every input form.

    ``balances`` name the arguments that accept (opening, closing) pairs; ``optional`` those whose
    ``None`` means "not given" (passed through) rather than "missing"; ``amount`` marks money
    results, which stay exact Decimals when every input is exact.
    """

    def decorate(fn: Callable) -> Callable:
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            read = {
                name: (None if name in optional and value is None else _read(name, value, name in balances))
                for name, value in bound.arguments.items()
            }
            args_ = [a for a in read.values() if a is not None]
            arrays = [(n, a) for n, a in read.items() if a is not None and a.array is not None]
            if arrays:
                _check_lengths(arrays)
                values = {n: None if a is None else (a.array if a.array is not None else _to_float(a.scalar))
                          for n, a in read.items()}
                return _array_result(fn(**values), next((a.index for _, a in arrays if a.index is not None), None))
            exact = amount and all(not isinstance(a.scalar, float) for a in args_)
            convert = _to_decimal if exact else _to_float
            values = {n: None if a is None else convert(a.scalar) for n, a in read.items()}
            return _scalar_result(fn(**values))

        return wrapper  # functools.wraps keeps the signature visible to inspect (the UDF wrappers read it)

    return decorate


def _to_float(x) -> float:
    return np.nan if x is None else float(x)


def _to_decimal(x) -> Decimal:
    return _NAN_D if x is None else x


def _check_lengths(arrays: list) -> None:
    lengths = {a.array.shape[0] for _, a in arrays}
    if len(lengths) > 1:
        detail = ", ".join(f"{n} {a.array.shape[0]}" for n, a in arrays)
        raise InputError(f"arguments have different numbers of rows: {detail}", hint="give every array the same length")


def _scalar_result(result):
    if isinstance(result, Decimal):
        return None if result.is_nan() else result
    f = float(result)
    return f if math.isfinite(f) else None


def _array_result(result, index):
    out = np.asarray(result, dtype=float)
    out = np.where(np.isfinite(out), out, np.nan)  # overflow to inf is "no value" too
    if index is not None:
        import pandas as pd

        return pd.Series(out, index=index)
    return out
