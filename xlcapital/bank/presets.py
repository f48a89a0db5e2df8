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

from xlcapital.bank.detect import BANK_CODES, bank_codes
from xlcapital.bank.preset import COLUMN_FIELDS, Column, Preset
from xlcapital.errors import InputError
from xlcapital.bank import messages as say

__all__ = ["Preset", "Column", "PRESETS", "COLUMN_FIELDS", "presets_for_bank"]

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
        raise InputError(say.NO_PRESET_FOR(bank=bank), field="bank", hint=say.PRESETS_OR_MAPPING(names=", ".join(names)))
    return found
