"""A user's column mapping in TOML (docs/bank.md) as a :class:`~xlcapital.bank.presets.Preset`.

A CSV that no bank preset knows is read with the same generic reader: the mapping names the
columns and the notation, and whatever a user would otherwise have to spell out is derived (the
header signature from the named columns, the balance rules from the balance columns given).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from xlcapital.bank.presets import COLUMN_FIELDS, Preset
from xlcapital.errors import InputError
from xlcapital.bank import messages as say
from xlcapital.fileio import read_toml

__all__ = ["load_mapping", "preset_from_dict"]


_FIELD_TYPES = {f.name: f.type for f in dataclasses.fields(Preset)}
_TUPLE_FIELDS = {"bank_codes", "encodings", "header_signature", "debit_values", "credit_values", "description", "optional_columns"}


def preset_from_dict(raw: dict, *, source: str = "mapping") -> Preset:
    """A :class:`Preset` from a mapping's settings; ``[columns]`` holds the column fields.

    Defaults a user would otherwise have to spell out: the header signature is every named column,
    and balances are derived from the balance columns given.

    >>> p = preset_from_dict({"delimiter": ";", "date_format": "DD-MM-YYYY", "account_value": "NL02ABNA0123456789",
    ...                       "columns": {"booking_date": "Datum", "amount": "Bedrag", "description": ["Omschrijving"]}})
    >>> p.header_signature, p.amount, p.description
    (('Datum', 'Bedrag', 'Omschrijving'), 'Bedrag', ('Omschrijving',))
    """
    data = dict(raw)
    columns = data.pop("columns", {})
    if not isinstance(columns, dict):
        raise InputError(say.COLUMNS_TABLE(section="columns"), file=source, field="columns")
    for key in columns:
        if key not in COLUMN_FIELDS:
            raise InputError(say.UNKNOWN_COLUMN_FIELD(key=key), file=source, field=f"columns.{key}",
                             hint=say.USE_FIELDS(fields=", ".join(COLUMN_FIELDS)))
        if key in data:
            raise InputError(say.GIVEN_TWICE(key=key), file=source, field=key)
    data.update(columns)
    data.setdefault("name", Path(source).stem)  # "mapping" when no file is named
    data.setdefault("label", f"mapping {data['name']}")
    for key, value in data.items():
        if key not in _FIELD_TYPES:
            raise InputError(say.UNKNOWN_SETTING(key=key), file=source, field=key, hint=say.SEE_BANK_MD())
        if key in _TUPLE_FIELDS:
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                value = [value]
            if not isinstance(value, list):
                raise InputError(say.MUST_BE_A_LIST(key=key), file=source, field=key)
            data[key] = tuple(value)
        elif key in COLUMN_FIELDS:
            pass  # checked by the Preset itself
        else:
            _check_scalar(key, value, source)
    if "header_signature" not in data:  # a header-less export names positions only: none is text
        named = [c for f in COLUMN_FIELDS if f not in data.get("optional_columns", ()) for c in _as_tuple(data.get(f))]
        data["header_signature"] = tuple(dict.fromkeys(c for c in named if isinstance(c, str)))
    if "opening_balance" not in data:
        data["opening_balance"] = (
            "first_before" if data.get("balance_before") else "first_after_minus_amount" if data.get("balance_after") else ""
        )
    if "closing_balance" not in data:
        data["closing_balance"] = (
            "last_after" if data.get("balance_after") else "last_before_plus_amount" if data.get("balance_before") else ""
        )
    try:
        return Preset(**data)
    except InputError as exc:
        raise exc.with_location(file=source)
    except TypeError as exc:  # a wrongly typed value the checks above let through
        raise InputError(say.INVALID_MAPPING(why=exc), file=source) from None


def _as_tuple(value) -> tuple:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


def _check_scalar(key: str, value, source: str) -> None:
    """A setting's TOML type must match the Preset field (bool, int or text)."""
    kind = _FIELD_TYPES[key]
    expected = bool if kind == "bool" else int if kind == "int" else str
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        kind = say.KINDS[expected.__name__ if expected is not str else "text"]()
        raise InputError(say.MUST_BE_KIND(key=key, kind=kind, value=value), file=source, field=key)


def load_mapping(path: str | os.PathLike) -> Preset:
    """Read a user's column mapping (TOML, see docs/bank.md) into a :class:`Preset`."""
    p = Path(path)
    return preset_from_dict(read_toml(p, hint=say.GIVE_A_MAPPING()), source=str(p))
