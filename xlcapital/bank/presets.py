"""One declarative preset per Dutch bank CSV export, and the TOML mapping a user writes for any other CSV.

A :class:`Preset` is plain data: delimiter, quoting, encodings, number and date notation, which
lines to skip, how to recognise the file, and which column holds which field. The generic reader
:mod:`xlcapital.bank.csvbank` interprets it; nothing in xlcapital has a per-bank code path. The
workbook generator renders the VBA import macro from the same presets (Jinja2 templates), so every
rule a bank needs is a named field here, never Python code.

Columns are referred to by **header name** (a ``str``, compared case-insensitively after trimming)
or by **1-based position** (an ``int``, for files without a header); ``None`` means "not in this
export". Amounts are signed from the account holder's view: money in > 0, money out < 0.

How the sign is found (the first that applies):

1. ``sign`` column given: the amount is unsigned (its absolute value is taken) and the sign column
   says ``debit_values`` (out, negative) or ``credit_values`` (in, positive);
2. ``debit_amount``/``credit_amount`` columns given: amount = credit - debit (a blank cell is 0);
3. otherwise ``amount`` is signed as written (``-12,50``, ``+50,00``, ``12.50-``).

``invert_sign`` then negates (credit-card exports that write spending as positive).

Balances (``opening_balance`` / ``closing_balance`` say how, in chronological row order):

* ``"first_before"``: the running balance *before* the first row (ASN ``Saldo voor mutatie``,
  ABN AMRO start balance);
* ``"first_after_minus_amount"``: balance after the first row minus its amount (ING ``Saldo na
  mutatie``, Rabobank ``Saldo na trn``);
* ``"last_after"``: the balance after the last row;
* ``"last_before_plus_amount"``: the balance before the last row plus its amount;
* ``""``: the export states no balance.

>>> PRESETS["rabobank"].delimiter, PRESETS["rabobank"].date_format
(',', 'YYYY-MM-DD')
>>> sorted({p.bank for p in PRESETS.values()})
['abnamro', 'asn', 'bunq', 'ing', 'knab', 'rabobank', 'regiobank', 'triodos']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from xlcapital.bank.detect import BANK_CODES, bank_codes
from xlcapital.errors import InputError

__all__ = ["Preset", "Column", "PRESETS", "COLUMN_FIELDS", "presets_for_bank"]

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
        return InputError(f"{why} (preset {p.name!r})", field=field)

    for field, allowed in _CHOICES.items():
        if getattr(p, field) not in allowed:
            raise bad(field, f"{getattr(p, field)!r} is not one of {', '.join(map(repr, allowed))}")
    if len(p.delimiter) != 1 or p.delimiter in "\r\n":
        raise bad("delimiter", f"the delimiter must be one character, not {p.delimiter!r}")
    if len(p.quotechar) > 1 or p.quotechar == p.delimiter:
        raise bad("quotechar", f"the quote character must be one character or empty, not {p.quotechar!r}")
    if p.decimal not in (",", ".") or p.thousands not in ("", ".", ",", " ", "'") or p.decimal == p.thousands:
        raise bad("decimal", f"decimal mark {p.decimal!r} with grouping mark {p.thousands!r} is not a number notation")
    if not p.encodings:
        raise bad("encodings", "give at least one encoding")
    for enc in p.encodings:
        try:
            "".encode(enc)
        except LookupError:
            raise bad("encodings", f"unknown encoding {enc!r}") from None
    if p.skip_lines < 0 or p.column_count < 0:
        raise bad("skip_lines", "line and column counts cannot be negative")
    if p.booking_date is None:
        raise bad("booking_date", "the booking date column is required")
    if p.amount is None and (p.debit_amount is None or p.credit_amount is None):
        raise bad("amount", "give an amount column, or both debit_amount and credit_amount")
    if p.sign is not None and not (p.debit_values and p.credit_values):
        raise bad("sign", "a sign column needs debit_values and credit_values")
    if p.account is None and not p.account_value:
        raise bad("account", "give an account column or account_value (the account every row belongs to)")
    for name, col in p.columns().items():
        if isinstance(col, bool) or not isinstance(col, (str, int)) or col == "" or (isinstance(col, int) and col < 1):
            raise bad(name, f"a column is a header name or a position from 1, not {col!r}")
        if isinstance(col, str) and p.header != "required":
            raise bad(name, f"column {col!r} is named, but this export has no header: give its position")
    if p.header != "required" and not p.column_count:
        raise bad("column_count", "an export without a (required) header needs its column count")
    if p.header == "required" and not p.header_signature:
        raise bad("header_signature", "name the header columns that identify this export")
    for name in p.optional_columns:
        if name not in COLUMN_FIELDS or name == "booking_date":
            raise bad("optional_columns", f"{name!r} cannot be optional")
    needs = {
        "first_before": "balance_before",
        "first_after_minus_amount": "balance_after",
        "last_after": "balance_after",
        "last_before_plus_amount": "balance_before",
    }
    for field in ("opening_balance", "closing_balance"):
        rule = getattr(p, field)
        if rule and getattr(p, needs[rule]) is None:
            raise bad(field, f"{rule!r} needs the {needs[rule]} column")


# ------------------------------------------------------------------------------------------------
# The presets. Evidence: shared/bankfeeds/README.md section 2 (sample files, Firefly III import
# configurations, bank2ynab, ofxstatement-dutch, TransactionQL templates). Each has a fixture in
# tests/data/bank/ that documents the layout.
# ------------------------------------------------------------------------------------------------

_ING_COMMON = dict(
    bank="ing",
    bank_codes=bank_codes("ing"),
    date_format="YYYYMMDD",
    decimal=",",
    header_signature=("Datum", "Naam / Omschrijving", "Rekening", "Tegenrekening", "Af Bij", "Bedrag (EUR)"),
    booking_date="Datum",
    value_date_marker="Valutadatum: ",
    value_date_marker_format="DD-MM-YYYY",
    account="Rekening",
    amount="Bedrag (EUR)",
    sign="Af Bij",
    debit_values=("Af",),
    credit_values=("Bij",),
    counterparty="Naam / Omschrijving",
    counterparty_iban="Tegenrekening",
    description=("Mededelingen",),
    code="Code",
)

#: ING's English export (Mijn ING in English): the same columns under English names; the value
#: date is left out (where ING writes it in the English notes is not documented)
_ING_ENGLISH = dict(
    _ING_COMMON,
    header_signature=("Date", "Name / Description", "Account", "Counterparty", "Debit/credit", "Amount (EUR)"),
    booking_date="Date",
    value_date_marker="",
    account="Account",
    amount="Amount (EUR)",
    sign="Debit/credit",
    debit_values=("Debit",),
    credit_values=("Credit",),
    counterparty="Name / Description",
    counterparty_iban="Counterparty",
    description=("Notifications",),
)

_TRIODOS_COMMON = dict(
    bank="triodos",
    bank_codes=bank_codes("triodos"),
    encodings=("utf-8", "iso-8859-15"),
    date_format="DD-MM-YYYY",
    decimal=",",
    thousands=".",
    booking_date=1,
    account=2,
    amount=3,
    sign=4,
    debit_values=("Debet",),
    credit_values=("Credit",),
    counterparty=5,
    counterparty_iban=6,
    code=7,
    description=(8,),
)

#: the Volksbank platform's export (ASN Bank, SNS, RegioBank): 19 columns, no header (the names
#: are TransactionQL's ASN template), the balance *before* each row
_VOLKSBANK_COMMON = dict(
    bank="asn",
    quotechar="'",
    header="optional",
    header_signature=("Boekingsdatum", "Opdrachtgeversrekening", "Transactiebedrag"),
    column_count=19,
    decimal=".",
    booking_date=1,
    account=2,
    counterparty_iban=3,
    counterparty=4,
    currency=8,
    balance_before=9,
    amount=11,
    value_date=13,
    code=15,
    reference=16,
    description=(18, 17),
    opening_balance="first_before",
    closing_balance="last_before_plus_amount",
)

_RABOBANK = dict(bank="rabobank", bank_codes=bank_codes("rabobank"))
#: Rabobank's exports since 2018 (current account CSV_A_..., credit card CSV_CC_...): every field quoted
_RABOBANK_CSV_A = dict(_RABOBANK, all_quoted=True, date_format="YYYY-MM-DD", decimal=",")
#: the balances of an export whose running balance is the balance after each row
_AFTER_EACH_ROW = dict(opening_balance="first_after_minus_amount", closing_balance="last_after")

_BUNQ_COMMON = dict(
    bank="bunq",
    bank_codes=bank_codes("bunq"),
    date_format="YYYY-MM-DD",
    decimal=",",
    thousands=".",
)

_PRESET_LIST = [
    Preset(
        name="ing",
        label="ING, comma-separated (until 2020)",
        delimiter=",",
        **_ING_COMMON,
    ),
    Preset(
        name="ing_dmy",
        label="ING, comma-separated with DD-MM-YYYY dates (older exports)",
        delimiter=",",
        **dict(_ING_COMMON, date_format="DD-MM-YYYY"),
    ),
    Preset(
        name="ing_semicolon",
        label="ING, semicolon-separated, quoted or not (2021 on; with Saldo na mutatie)",
        delimiter=";",
        balance_after="Saldo na mutatie",
        opening_balance="first_after_minus_amount",
        closing_balance="last_after",
        optional_columns=("balance_after",),
        **_ING_COMMON,
    ),
    Preset(
        name="ing_en",
        label="ING in English, semicolon-separated (Date, Name / Description, ...; with Resulting balance)",
        delimiter=";",
        balance_after="Resulting balance",
        opening_balance="first_after_minus_amount",
        closing_balance="last_after",
        optional_columns=("balance_after",),
        **_ING_ENGLISH,
    ),
    Preset(
        name="ing_en_comma",
        label="ING in English, comma-separated (until 2020)",
        delimiter=",",
        **_ING_ENGLISH,
    ),
    Preset(
        name="rabobank",
        label="Rabobank CSV (2018 on, CSV_A_yyyymmdd_hhmmss.csv)",
        **_RABOBANK_CSV_A,
        header_signature=("IBAN/BBAN", "Munt", "Volgnr", "Datum", "Bedrag", "Saldo na trn"),
        booking_date="Datum",
        value_date="Rentedatum",
        account="IBAN/BBAN",
        currency="Munt",
        amount="Bedrag",
        counterparty="Naam tegenpartij",
        counterparty_iban="Tegenrekening IBAN/BBAN",
        description=("Omschrijving-1", "Omschrijving-2", "Omschrijving-3"),
        reference="Volgnr",
        code="Code",
        balance_after="Saldo na trn",
        **_AFTER_EACH_ROW,
    ),
    Preset(
        name="rabobank_old",
        label="Rabobank comma-separated, before 2018 (no header, C/D column, decimal point)",
        **_RABOBANK,
        header="none",
        column_count=19,
        date_format="YYYYMMDD",
        decimal=".",
        account=1,
        currency=2,
        value_date=3,
        sign=4,
        debit_values=("D",),
        credit_values=("C",),
        amount=5,
        counterparty_iban=6,
        counterparty=7,
        booking_date=8,
        code=9,
        description=(11, 12, 13, 14, 15, 16),
        reference=17,
    ),
    Preset(
        name="rabobank_en",
        label="Rabobank CSV downloaded in English (IBAN/BBAN, Ccy, Seq No, ..., Bal After Bkng)",
        **_RABOBANK_CSV_A,
        header_signature=("IBAN/BBAN", "Ccy", "Seq No", "Date", "Amount", "Bal After Bkng"),
        booking_date="Date",
        value_date="Value Date",
        account="IBAN/BBAN",
        currency="Ccy",
        amount="Amount",
        counterparty="Name Counterpty",
        counterparty_iban="Counterpty IBAN/BBAN",
        description=("Description-1", "Description-2", "Description-3"),
        reference="Seq No",
        code="Code",
        balance_after="Bal After Bkng",
        **_AFTER_EACH_ROW,
    ),
    Preset(
        name="rabobank_business",
        label="Rabobank business CSV (Rabo Internetbankieren Professional: 35 columns, DD-MM-YYYY)",
        **_RABOBANK,
        date_format="DD-MM-YYYY",
        decimal=",",
        thousands=".",
        header_signature=("IBAN/BBAN", "Valuta", "Volg nr", "Datum", "Bedrag", "IBAN/BBAN tegenpartij"),
        booking_date="Datum",
        value_date="Valuta datum",
        account="IBAN/BBAN",
        currency="Valuta",
        amount="Bedrag",
        counterparty="Naam tegenpartij",
        counterparty_iban="IBAN/BBAN tegenpartij",
        description=("Omschrijving - 1", "Omschrijving - 2", "Omschrijving - 3"),
        reference="Volg nr",
        code="Transactie soort",
        # "saldo na boeking" is not read: the one public sample writes it as 1234.56 beside amounts
        # written -1.234,56, so its notation is not known (docs/bank.md)
    ),
    Preset(
        name="rabobank_cc",
        label="Rabobank credit card CSV (CSV_CC_...: Creditcard Nummer, Productnaam, signed Bedrag)",
        **_RABOBANK_CSV_A,
        header_signature=("Tegenrekening IBAN", "Creditcard Nummer", "Productnaam", "Datum", "Bedrag"),
        booking_date="Datum",
        # the card is the account: "Tegenrekening IBAN" is the current account that settles the card
        # each month, and the card's purchases are not on that account
        account="Creditcard Nummer",
        currency="Munt",
        amount="Bedrag",
        # a purchase abroad: the description ends with what was paid there ("52,10 USD")
        description=("Omschrijving", "Oorspr bedrag", "Oorspr munt"),
        reference="Transactiereferentie",
    ),
    Preset(
        name="abnamro",
        label="ABN AMRO TXT...TAB (tab-separated, no header, several accounts)",
        bank="abnamro",
        bank_codes=bank_codes("abnamro"),
        delimiter="\t",
        quotechar="",
        header="none",
        column_count=8,
        comment_prefix="#",
        collapse_spaces=True,
        date_format="YYYYMMDD",
        decimal=",",
        account=1,
        currency=2,
        booking_date=3,
        balance_before=4,
        balance_after=5,
        value_date=6,
        amount=7,
        description=(8,),
        opening_balance="first_before",
        closing_balance="last_after",
    ),
    Preset(
        name="bunq",
        label="bunq, Dutch header (Datum, Bedrag, ...)",
        header_signature=("Datum", "Bedrag", "Rekening", "Tegenrekening", "Naam", "Omschrijving"),
        booking_date="Datum",
        amount="Bedrag",
        account="Rekening",
        counterparty_iban="Tegenrekening",
        counterparty="Naam",
        description=("Omschrijving",),
        **_BUNQ_COMMON,
    ),
    Preset(
        name="bunq_en",
        label="bunq, English header (Date, Amount, ...)",
        header_signature=("Date", "Amount", "Account", "Counterparty", "Name", "Description"),
        booking_date="Date",
        amount="Amount",
        account="Account",
        counterparty_iban="Counterparty",
        counterparty="Name",
        description=("Description",),
        **_BUNQ_COMMON,
    ),
    Preset(
        name="bunq_semicolon",
        label="bunq, semicolon-separated with Interest Date",
        delimiter=";",
        header_signature=("Date", "Interest Date", "Amount", "Account", "Counterparty", "Name", "Description"),
        booking_date="Date",
        value_date="Interest Date",
        amount="Amount",
        account="Account",
        counterparty_iban="Counterparty",
        counterparty="Name",
        description=("Description",),
        **_BUNQ_COMMON,
    ),
    Preset(
        name="knab",
        label="Knab (KNAB EXPORT line, semicolons, trailing ';')",
        bank="knab",
        bank_codes=bank_codes("knab"),
        delimiter=";",
        skip_lines=1,
        date_format="DD-MM-YYYY",
        decimal=",",
        header_signature=("Rekeningnummer", "Transactiedatum", "CreditDebet", "Bedrag", "Boekdatum"),
        booking_date="Boekdatum",
        value_date="Valutadatum",
        account="Rekeningnummer",
        currency="Valutacode",
        amount="Bedrag",
        sign="CreditDebet",
        debit_values=("D",),
        credit_values=("C",),
        counterparty_iban="Tegenrekeningnummer",
        counterparty="Tegenrekeninghouder",
        description=("Omschrijving",),
        reference="Referentie",
        code="Betaalwijze",
    ),
    Preset(
        name="asn",
        label="ASN Bank / SNS / RegioBank (Volksbank: no header, 19 columns, decimal point)",
        bank_codes=bank_codes("asn", "sns", "regiobank"),
        date_format="DD-MM-YYYY",
        **_VOLKSBANK_COMMON,
    ),
    Preset(
        name="regiobank",
        label="RegioBank (the Volksbank layout with YYYYMMDD dates)",
        bank_codes=bank_codes("regiobank"),
        date_format="YYYYMMDD",
        **dict(_VOLKSBANK_COMMON, bank="regiobank"),
    ),
    Preset(
        name="triodos",
        label="Triodos Bank (no header, 9 columns, Credit/Debet, balance after)",
        header="optional",
        header_signature=("Transactiedatum", "Rekening", "Bedrag", "Credit/Debet"),
        column_count=9,
        balance_after=9,
        opening_balance="first_after_minus_amount",
        closing_balance="last_after",
        **_TRIODOS_COMMON,
    ),
    Preset(
        name="triodos_8",
        label="Triodos Bank, older export (no header, 8 columns, Credit/Debet, no balance)",
        header="none",
        column_count=8,
        **_TRIODOS_COMMON,
    ),
]

#: preset name -> preset, in detection order
PRESETS: dict[str, Preset] = {p.name: p for p in _PRESET_LIST}


def presets_for_bank(bank: str | None) -> list[Preset]:
    """The presets ``--bank`` selects: by preset name, by bank id, or by a bank the layout serves.

    >>> [p.name for p in presets_for_bank("sns")]
    ['asn']
    >>> [p.name for p in presets_for_bank("ing")], [p.name for p in presets_for_bank("ing_semicolon")]
    (['ing', 'ing_dmy', 'ing_semicolon', 'ing_en', 'ing_en_comma'], ['ing_semicolon'])
    """
    if bank is None:
        return list(PRESETS.values())
    key = bank.strip().lower()
    found = [
        p for p in PRESETS.values() if key in (p.name, p.bank) or key in {BANK_CODES.get(c) for c in p.bank_codes}
    ]
    if not found:
        names = sorted(set(PRESETS) | {p.bank for p in PRESETS.values() if p.bank})
        raise InputError(f"no CSV preset for bank {bank!r}", field="bank", hint=f"use one of {', '.join(names)}, or --mapping")
    return found
