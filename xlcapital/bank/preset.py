"""The :class:`Preset` type: what a bank's CSV export looks like, as plain data (the presets themselves
are :mod:`xlcapital.bank.presets`; a user's own layout is a TOML mapping, :mod:`xlcapital.bank.mapping`).

The conventions of its fields (columns by header name or 1-based position, how the sign and the
balances are found) are in :mod:`xlcapital.bank.presets`' docstring. A preset that cannot work is
refused when it is made (:func:`_validate`), naming the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from xlcapital.errors import InputError
from xlcapital.bank import messages as say

__all__ = ["Preset", "Column", "COLUMN_FIELDS"]

#: a column: its header name, its 1-based position, or None (absent)
Column = Union[str, int, None]

#: the Preset fields that name a column (``description`` is a tuple of columns)
COLUMN_FIELDS = (
    "booking_date",
    "value_date",
    "account",
    "currency",
    "amount",
    "debit_amount",
    "credit_amount",
    "sign",
    "counterparty",
    "counterparty_iban",
    "description",
    "reference",
    "code",
    "balance_before",
    "balance_after",
)

_CHOICES = {
    "header": ("required", "optional", "none"),
    "row_order": ("auto", "oldest_first", "newest_first"),
    "opening_balance": ("", "first_before", "first_after_minus_amount"),
    "closing_balance": ("", "last_after", "last_before_plus_amount"),
}


@dataclass(frozen=True)
class Preset:
    """How to read one bank's CSV export. Plain data: see the module docstring for the rules."""

    #: id used by ``--bank`` and in messages ("ing", "rabobank", ...)
    name: str
    #: what a person calls this export
    label: str
    #: the bank id put on each statement ("ing"); an account whose IBAN bank code is in
    #: ``bank_codes`` gets that bank's own id instead (an ASN-layout file of an SNS account: "sns")
    bank: str | None = None
    #: IBAN bank codes (NLkk **INGB** ...) of the accounts this export layout serves; used to tell
    #: header-less layouts apart. Empty: any.
    bank_codes: tuple[str, ...] = ()

    # -- the file's shape -------------------------------------------------------------------------
    delimiter: str = ","
    #: "" = no quoting at all (ABN AMRO TAB)
    quotechar: str = '"'
    #: tried in order; a UTF-8 byte-order mark is always stripped. Never latin-1 alone: in cp1252
    #: the euro sign is byte 0x80.
    encodings: tuple[str, ...] = ("utf-8", "cp1252")
    #: lines before the header (or the data) that are skipped whatever they hold (Knab: 1)
    skip_lines: int = 0
    #: "required": the first line is the header; "none": no header; "optional": the first line is a
    #: header when its booking-date cell is not a date
    header: str = "required"
    #: names the header must contain (case-insensitive) for the file to be recognised as this export
    header_signature: tuple[str, ...] = ()
    #: header-less files: the number of columns (one extra empty column left by a trailing
    #: delimiter is ignored everywhere)
    column_count: int = 0
    #: lines starting with this text are ignored ("" = none)
    comment_prefix: str = ""
    #: the bank quotes every field: a row that lacks its opening quote is repaired, with a warning
    #: (Rabobank 2018+ samples)
    all_quoted: bool = False
    #: runs of spaces inside a text field become one space (fixed-width ABN AMRO descriptions)
    collapse_spaces: bool = False

    # -- how values are written -----------------------------------------------------------------
    #: decimal mark: "," or "."
    decimal: str = ","
    #: grouping mark ("." in 1.000,00) or "" for none written
    thousands: str = ""
    #: YYYY, YY, MM, DD (M, D: without a leading zero) and literal separators: "DD-MM-YYYY"
    date_format: str = "YYYYMMDD"
    #: "auto": oldest-first or newest-first from the running balances, else from the dates
    row_order: str = "auto"

    # -- which column holds what ------------------------------------------------------------------
    booking_date: Column = None
    value_date: Column = None
    #: ING: the value date is only in the description, after this text ("Valutadatum: ")
    value_date_marker: str = ""
    value_date_marker_format: str = "DD-MM-YYYY"
    account: Column = None
    #: the account when the export has no account column (a user's mapping)
    account_value: str = ""
    currency: Column = None
    #: the currency when there is no currency column or its cell is blank
    currency_value: str = "EUR"
    amount: Column = None
    debit_amount: Column = None
    credit_amount: Column = None
    sign: Column = None
    debit_values: tuple[str, ...] = ()
    credit_values: tuple[str, ...] = ()
    invert_sign: bool = False
    #: a blank amount cell reads as 0 instead of being an error (broker ledgers with info rows)
    blank_amount_is_zero: bool = False
    counterparty: Column = None
    counterparty_iban: Column = None
    #: the description: these columns' non-blank texts joined by ``description_separator``
    description: tuple[Column, ...] = ()
    description_separator: str = " "
    reference: Column = None
    code: Column = None
    #: the running balance before / after each row
    balance_before: Column = None
    balance_after: Column = None
    opening_balance: str = ""
    closing_balance: str = ""
    #: names of the column fields above whose column may be missing from the header (ING's
    #: semicolon layout has "Saldo na mutatie" only since 2021)
    optional_columns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _validate(self)

    def columns(self) -> dict[str, Column]:
        """The column fields that are set, ``description`` as ``description.1``, ``description.2``, ..."""
        out: dict[str, Column] = {}
        for name in COLUMN_FIELDS:
            value = getattr(self, name)
            if name == "description":
                for i, col in enumerate(value, 1):
                    out[f"description.{i}"] = col
            elif value is not None:
                out[name] = value
        return out


def _validate(p: Preset) -> None:
    """Refuse a preset (or a user's mapping) that cannot work, naming the field."""

    def bad(field: str, why: str) -> InputError:
        return InputError(say.IN_PRESET(why=why, name=p.name), field=field)

    for field, allowed in _CHOICES.items():
        if getattr(p, field) not in allowed:
            raise bad(field, say.NOT_ONE_OF(value=getattr(p, field), allowed=", ".join(map(repr, allowed))))
    if len(p.delimiter) != 1 or p.delimiter in "\r\n":
        raise bad("delimiter", say.ONE_CHARACTER(value=p.delimiter))
    if len(p.quotechar) > 1 or p.quotechar == p.delimiter:
        raise bad("quotechar", say.QUOTE_CHARACTER(value=p.quotechar))
    if p.decimal not in (",", ".") or p.thousands not in ("", ".", ",", " ", "'") or p.decimal == p.thousands:
        raise bad("decimal", say.NOT_A_NOTATION(decimal=p.decimal, thousands=p.thousands))
    if not p.encodings:
        raise bad("encodings", say.ONE_ENCODING())
    for enc in p.encodings:
        try:
            "".encode(enc)
        except (LookupError, UnicodeError):  # UnicodeError: Python's "undefined" codec, which encodes nothing
            raise bad("encodings", say.UNKNOWN_ENCODING(name=enc)) from None
    if p.skip_lines < 0 or p.column_count < 0:
        raise bad("skip_lines", say.NEGATIVE_COUNTS())
    if p.booking_date is None:
        raise bad("booking_date", say.DATE_COLUMN_REQUIRED())
    if p.amount is None and (p.debit_amount is None or p.credit_amount is None):
        raise bad("amount", say.AMOUNT_COLUMNS())
    if p.sign is not None and not (p.debit_values and p.credit_values):
        raise bad("sign", say.SIGN_VALUES())
    if p.account is None and not p.account_value:
        raise bad("account", say.ACCOUNT_COLUMN())
    for name, col in p.columns().items():
        if isinstance(col, bool) or not isinstance(col, (str, int)) or col == "" or (isinstance(col, int) and col < 1):
            raise bad(name, say.COLUMN_NAME_OR_POSITION(column=col))
        if isinstance(col, str) and p.header != "required":
            raise bad(name, say.NAMED_WITHOUT_HEADER(column=col))
    if p.header != "required" and not p.column_count:
        raise bad("column_count", say.NEEDS_COLUMN_COUNT())
    if p.header == "required" and not p.header_signature:
        raise bad("header_signature", say.NAME_HEADER_COLUMNS())
    for name in p.optional_columns:
        if name not in COLUMN_FIELDS or name == "booking_date":
            raise bad("optional_columns", say.CANNOT_BE_OPTIONAL(name=name))
    needs = {
        "first_before": "balance_before",
        "first_after_minus_amount": "balance_after",
        "last_after": "balance_after",
        "last_before_plus_amount": "balance_before",
    }
    for field in ("opening_balance", "closing_balance"):
        rule = getattr(p, field)
        if rule and getattr(p, needs[rule]) is None:
            raise bad(field, say.RULE_NEEDS_COLUMN(rule=rule, column=needs[rule]))
