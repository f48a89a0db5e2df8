"""The CSV reader: the small cases mutation testing found untested (docs/development.md, "Mutation testing").

Each test writes a few lines by hand, reads them through the public functions (``bank.read_bytes``
with a preset or a bank, ``csvbank.read``, ``count_records``, ``sniff``, ``detect_preset``) and
compares with figures worked out in the comments: which line is the header, which preset fits,
the sign and the order of the rows, the balances, and the exact text and line of each refusal.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital import bank
from xlcapital.bank import csvbank
from xlcapital.bank.presets import PRESETS, Preset
from xlcapital.errors import BankFileError

ACCOUNT = "NL91ABNA0417164300"


def preset(**kw) -> Preset:
    """A user's mapping (a preset) for a small ``;`` file: Datum;Bedrag;Omschrijving;Rekening."""
    base = dict(name="m", label="Test export", delimiter=";", date_format="DD-MM-YYYY",
                header_signature=("Datum", "Bedrag"), booking_date="Datum", amount="Bedrag",
                description=("Omschrijving",), account="Rekening")
    base.update(kw)
    return Preset(**base)


def read(text: str, p: Preset | None = None, name: str = "m.csv"):
    return bank.read_bytes(text.encode("utf-8"), name, mapping=p or preset())


def refusal(text: str, p: Preset | None = None, name: str = "m.csv") -> str:
    with pytest.raises(BankFileError) as err:
        read(text, p, name)
    return str(err.value)


HEAD = "Datum;Bedrag;Omschrijving;Rekening\n"


# --- sniff and the count ---------------------------------------------------------------------------


def test_sniff_wants_a_delimiter_in_the_first_lines_and_no_nul_early():
    assert csvbank.sniff(b"a;b\n") and csvbank.sniff(b"a,b\n") and csvbank.sniff(b"a\tb\n")
    assert not csvbank.sniff(b"a b\n")
    assert not csvbank.sniff(b"a;b\x00\n")
    assert csvbank.sniff(b"x" * 4096 + b"\x00;\n")  # a NUL after the first 4 KB is not looked at
    # only the first 40 lines are looked at, blank ones included
    assert not csvbank.sniff(b"word\n" * 40 + b"a;b\n")
    assert csvbank.sniff(b"word\n" * 39 + b"a;b\n")
    assert not csvbank.sniff(b"word\n" * 38 + b"\n \n" + b"a;b\n")


def test_count_records_skips_preamble_header_blank_and_comment_lines():
    p = preset(skip_lines=2, comment_prefix="#")
    # line 1-2 preamble (the second blank), 3 header, 4 data, 5 blank, 6 comment, 7 whitespace, 8 data
    data = "EXPORT;\n\n" + HEAD + f"01-03-2026;1,00;a;{ACCOUNT}\n\n# note;x\n \t \n02-03-2026;2,00;b;{ACCOUNT}\n"
    assert csvbank.count_records(data.encode(), p) == 2
    [s] = read(data, p)
    assert [t.line for t in s.transactions] == [4, 8]
    assert csvbank.count_records(b"", p) == 0 and csvbank.count_records(b"EXPORT;\n\n", p) == 0


def test_count_records_counts_the_first_line_of_a_headerless_file():
    # ASN: no header, so the first line is a record (3 lines: 3 records); with its optional header: 3
    row = "02-03-2026,NL57ASNB0123456789,,,,,,EUR,1.00,EUR,1.00,02-03-2026,02-03-2026,1,OVS,1,,'x',1\n"
    assert csvbank.count_records((row * 3).encode()) == 3
    header = ",".join(["Boekingsdatum", "Opdrachtgeversrekening", "c"] + ["x"] * 7 + ["Transactiebedrag"] + ["y"] * 8) + "\n"
    assert csvbank.count_records((header + row * 3).encode()) == 3


# --- lines, quotes and fields ----------------------------------------------------------------------


def test_a_header_only_file_has_no_statements_and_an_empty_file_neither():
    assert csvbank.read(HEAD.encode(), bank=preset()) == []
    assert csvbank.read(b"", bank=preset()) == []


def test_a_space_after_the_delimiter_is_ignored_and_a_doubled_quote_is_one():
    [s] = read(HEAD + f'01-03-2026; "1,00"; "say ""hi""; twice";{ACCOUNT}\n')
    assert (s.transactions[0].amount, s.transactions[0].description) == (D("1.00"), 'say "hi"; twice')


def test_without_a_quote_character_quotes_are_text():
    p = preset(quotechar="")
    [s] = read(HEAD + f'01-03-2026;1,00;"quoted";{ACCOUNT}\n', p)
    assert s.transactions[0].description == '"quoted"'


def test_single_quotes_when_the_export_uses_them():
    p = preset(quotechar="'")
    [s] = read(HEAD + f"01-03-2026;1,00;'a;b';{ACCOUNT}\n", p)
    assert s.transactions[0].description == "a;b"


def test_a_quote_left_open_names_its_line_and_does_not_swallow_the_next():
    text = HEAD + f'01-03-2026;1,00;"open;{ACCOUNT}\n02-03-2026;2,00;b;{ACCOUNT}\n'
    assert refusal(text) == ('m.csv:2: a quoted field ("...) is not closed before the end of the line '
                             "(the file is damaged: a quote is missing)")


def test_a_field_over_a_megabyte_is_not_a_csv_line():
    text = HEAD + f'01-03-2026;1,00;"{"x" * ((1 << 20) + 1)}";{ACCOUNT}\n'
    assert refusal(text).startswith("m.csv:2: not a readable CSV line: field larger than field limit")


def test_a_row_without_its_opening_quote_is_repaired_only_where_every_field_is_quoted():
    row = f'01-03-2026";"1,00";"a";"{ACCOUNT}"\n'
    quoted = '"Datum";"Bedrag";"Omschrijving";"Rekening"\n'
    [s] = read(quoted + row, preset(all_quoted=True), "q.csv")
    assert s.transactions[0].amount == D("1.00")
    assert s.warnings == ["q.csv:2: the row lacks its opening quote; read as if it had one"]
    # a row that starts with spaces and then its quote is not short of one
    [s] = read(quoted + f'  "01-03-2026";"1,00";"a";"{ACCOUNT}"\n', preset(all_quoted=True), "q.csv")
    assert not s.warnings and s.transactions[0].amount == D("1.00")
    # without all_quoted nothing is repaired: the stray quote stays in the date, which is then no date
    assert refusal(quoted + row) == "m.csv:2: booking_date: not a date in the form DD-MM-YYYY: '01-03-2026\"'"


# --- the header ----------------------------------------------------------------------------------


def test_header_names_match_in_any_case_and_spacing_and_a_trailing_delimiter_is_dropped():
    text = " DATUM ;bedrag;Omschrijving;  Rekening  ;\n" + f"01-03-2026;1,00;a;{ACCOUNT};\n"
    [s] = read(text)
    assert s.transactions[0].amount == D("1.00") and s.account == ACCOUNT
    p = preset(header_signature=("Naam / Omschrijving",), description=("Naam / Omschrijving",))
    [s] = read("Datum;Bedrag;Naam  /  Omschrijving;Rekening\n" + f"01-03-2026;1,00;a;{ACCOUNT}\n", p)
    assert s.transactions[0].description == "a"


def test_a_missing_column_is_refused_naming_the_header_line_unless_optional():
    assert refusal("x;\n" + HEAD + f"01-03-2026;1,00;a;{ACCOUNT}\n", preset(skip_lines=1, code="Code")) == (
        "m.csv:2: code: the header has no column 'Code' (code) (this does not look like a Test export export)")
    [s] = read(HEAD + f"01-03-2026;1,00;a;{ACCOUNT}\n", preset(code="Code", optional_columns=("code",)))
    assert s.transactions[0].code == ""


def test_a_column_position_beyond_the_row_is_refused():
    p = preset(header="none", column_count=4, booking_date=1, amount=2, description=(3,), account=4, reference=5,
               header_signature=())
    assert refusal(f"01-03-2026;1,00;a;{ACCOUNT}\n", p) == "m.csv: reference: column 5 (reference) is beyond the 4 columns of this export"


def test_an_optional_header_is_a_header_when_its_date_cell_has_no_digit_or_it_holds_the_signature():
    p = preset(header="optional", column_count=4, booking_date=2, amount=1, description=(3,), account=4,
               header_signature=("When",))
    rows = f"1,00;01-03-2026;a;{ACCOUNT}\n"
    assert [len(s.transactions) for s in read(rows * 2, p)] == [2]  # no header: both rows
    assert [len(s.transactions) for s in read("Amount;When;Text;Account\n" + rows, p)] == [1]  # no digit in "When"
    # the signature holds although the date column's cell has a digit: still the header
    assert [len(s.transactions) for s in read("Amount;When 2;When;Account\n" + rows, p)] == [1]
    # the date cell is read from the preset's date column (2), not the first: "1,00" has a digit, "Datum" not
    assert [len(s.transactions) for s in read("1,00;Datum;x;y\n" + rows, p)] == [1]
    # a header line shorter than the date's position: no date cell, so it is a header
    assert [len(s.transactions) for s in read("Amount\n" + rows, p)] == [1]


# --- recognising the layout ------------------------------------------------------------------------


def test_no_preset_fits_names_the_first_line_cut_at_80_and_says_what_to_do():
    first = "Kolom;" * 20
    with pytest.raises(BankFileError) as err:
        bank.read_bytes(("\n\n" + first + "\n1;2\n").encode(), "u.csv", format="csv")
    assert str(err.value) == (
        f"u.csv: no bank preset fits this CSV, whose first line is {first[:80]!r} "
        "(describe its columns in a mapping file and give it with --mapping FILE; see docs/bank.md)")
    with pytest.raises(BankFileError) as err:
        bank.read_bytes(b"a;b\n", "u.csv", format="csv", bank="knab")
    assert "no knab preset fits this CSV, whose first line is 'a;b'" in str(err.value)
    with pytest.raises(BankFileError) as err:
        bank.read_bytes(b"a;b\n", "u.csv", format="csv", bank="hsbc")
    assert str(err.value).startswith("u.csv: no CSV preset for bank 'hsbc' (use one of abnamro, asn, bunq")


def test_a_header_beats_a_data_row_and_a_longer_signature_a_shorter_one():
    # ING's semicolon header holds every name of the comma one plus more, but in ";": only ing_semicolon fits
    ing = PRESETS["ing_semicolon"]
    text = ";".join(f'"{n}"' for n in ("Datum", "Naam / Omschrijving", "Rekening", "Tegenrekening", "Code", "Af Bij",
                                           "Bedrag (EUR)", "Mutatiesoort", "Mededelingen", "Saldo na mutatie", "Tag"))
    assert csvbank.detect_preset(text + "\n").name == ing.name
    # only the candidates given are tried
    assert csvbank.detect_preset(text + "\n", [PRESETS["knab"], ing]).name == "ing_semicolon"
    with pytest.raises(BankFileError):
        csvbank.detect_preset(text + "\n", [PRESETS["knab"]])


def test_a_headerless_row_of_another_banks_iban_does_not_fit_but_an_unknown_bank_does():
    row = "02-03-2026,{},,,,,,EUR,1.00,EUR,1.00,02-03-2026,02-03-2026,1,OVS,1,,'x',1\n"
    assert csvbank.detect_preset(row.format("NL57ASNB0123456789")).name == "asn"
    with pytest.raises(BankFileError, match="no bank preset fits"):
        csvbank.detect_preset(row.format("NL91ABNA0417164300"))  # ABN AMRO is no Volksbank bank
    assert csvbank.detect_preset(row.format("DE89370400440532013000")).name == "asn"  # a foreign IBAN: any


def test_detection_looks_at_the_first_data_row_after_an_optional_header():
    header = ",".join(["Boekingsdatum", "Opdrachtgeversrekening"] + ["x"] * 8 + ["Transactiebedrag"] + ["y"] * 8)
    row = "02-03-2026,NL91ABNA0417164300,,,,,,EUR,1.00,EUR,1.00,02-03-2026,02-03-2026,1,OVS,1,,'x',1"
    # the header itself fits the asn signature (100+3 beats any row), whatever the row's IBAN
    assert csvbank.detect_preset(header + "\n" + row + "\n").name == "asn"


# --- values ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell, amount",
    [("1,00", D("1.00")), ("+50,00", D("50.00")), ("-2500", D("-2500")), ("1.234,56", D("1234.56")),
     ("-1.234.567,89", D("-1234567.89")), ("12,50-", D("-12.50")), ("€ 3,00", D("3.00"))],
)
def test_amounts_in_the_banks_notation(cell, amount):
    [s] = read(HEAD + f"01-03-2026;{cell};a;{ACCOUNT}\n", preset(thousands="."))
    assert s.transactions[0].amount == amount


@pytest.mark.parametrize(
    "cell, message",
    [
        ("2,5O", "m.csv:2: amount: not an amount: '2,5O'"),
        ("1.23,00", "m.csv:2: amount: not an amount: '1.23,00'"),
        ("1" * 70, "m.csv:2: amount: not an amount: '" + "1" * 40 + "'... (70 characters)"),  # cut in the message
        ("1.000.000.000.000.000.000,00", "m.csv:2: an amount of 21 digits is more than a bank file holds (at most 18)"),
        ("", "m.csv:2: amount: the amount is missing"),
        ("  ", "m.csv:2: amount: the amount is missing"),
    ],
)
def test_an_amount_that_is_none_is_refused_naming_line_and_field(cell, message):
    assert refusal(HEAD + f"01-03-2026;{cell};a;{ACCOUNT}\n", preset(thousands=".")).startswith(message)


def test_a_blank_amount_is_zero_where_the_mapping_says_so():
    [s] = read(HEAD + f"01-03-2026; ;a;{ACCOUNT}\n", preset(blank_amount_is_zero=True))
    assert s.transactions[0].amount == D("0")


def test_debit_and_credit_columns_and_a_sign_column_decide_the_sign():
    p = preset(amount=None, debit_amount="Af", credit_amount="Bij", header_signature=("Datum",))
    text = "Datum;Af;Bij;Omschrijving;Rekening\n" + "".join(
        f"0{d}-03-2026;{af};{bij};r{d};{ACCOUNT}\n" for d, af, bij in [(1, "5,00", ""), (2, "", "7,50"), (3, "-2,00", "1,00"), (4, "", "")])
    [s] = read(text, p)
    # credit - debit, each as its absolute value: -5, +7.50, 1 - 2 = -1, a row of two blanks is 0
    assert [t.amount for t in s.transactions] == [D("-5.00"), D("7.50"), D("-1.00"), D("0")]
    q = preset(sign="Teken", debit_values=("D", "Af"), credit_values=("C",), header_signature=("Datum",))
    text = "Datum;Bedrag;Teken;Omschrijving;Rekening\n" + "".join(
        f"0{d}-03-2026;{amount};{mark};r{d};{ACCOUNT}\n" for d, amount, mark in [(1, "-3,00", "c"), (2, "4,00", " af "), (3, "-1,00", "D")])
    [s] = read(text, q)
    # the sign column decides whatever the amount's own sign; any case, spaces around
    assert [t.amount for t in s.transactions] == [D("3.00"), D("-4.00"), D("-1.00")]
    assert refusal(text.replace(";D;", ";X;"), q) == "m.csv:4: sign: 'X' is neither debit (D/Af) nor credit (C)"
    [s] = read(text, preset(sign="Teken", debit_values=("D", "Af"), credit_values=("C",), header_signature=("Datum",), invert_sign=True))
    assert [t.amount for t in s.transactions] == [D("-3.00"), D("4.00"), D("1.00")]


def test_dates_value_dates_and_the_value_date_in_the_description():
    p = preset(value_date="Valuta", value_date_marker="Valutadatum: ", header_signature=("Datum",))
    text = "Datum;Valuta;Bedrag;Omschrijving;Rekening\n" + "".join([
        f"01-03-2026;04-03-2026;1,00;Valutadatum: 09-03-2026;{ACCOUNT}\n",  # the column wins
        f"02-03-2026;;1,00;Valutadatum: 01-01-2026 en Valutadatum:  05-03-2026 rest;{ACCOUNT}\n",  # the last marker
        f"03-03-2026;;1,00;Valutadatum: morgen;{ACCOUNT}\n",  # free text after the marker: no value date
        f"04-03-2026;;1,00;geen;{ACCOUNT}\n",
    ])
    [s] = read(text, p)
    assert [t.value_date for t in s.transactions] == [date(2026, 3, 4), date(2026, 3, 5), None, None]
    assert refusal(text.replace("04-03-2026;;", "04-03-2026;32-03-2026;"), p) == (
        "m.csv:5: value_date: not a date in the form DD-MM-YYYY: '32-03-2026'")
    assert refusal(HEAD + f" 2026-03-01 ;1,00;a;{ACCOUNT}\n") == (
        "m.csv:2: booking_date: not a date in the form DD-MM-YYYY: '2026-03-01'")


def test_texts_are_trimmed_joined_and_tidied():
    p = preset(description=("Omschrijving", "Extra"), description_separator=" | ", counterparty="Naam",
               counterparty_iban="Tegenrekening", currency="Munt", reference="Ref", code="Code", collapse_spaces=True,
               header_signature=("Datum",))
    text = "Datum;Bedrag;Omschrijving;Extra;Naam;Tegenrekening;Munt;Ref;Code;Rekening\n" + (
        "01-03-2026;1,00; Huur   maart ; ;  Verhuur   BV ;NL20 INGB 0001 2345 67;usd; R1 ; ov ;NL91 ABNA 0417 1643 00\n"
        "02-03-2026;2,00;a;b;c;;;;;NL91ABNA0417164300\n")
    usd, eur = read(text, p)  # the currency splits statements: one account, two currencies
    t, u = usd.transactions + eur.transactions
    # a blank part is left out, runs of spaces are one; spaces in IBANs go; the currency upper case
    assert (t.description, t.counterparty, t.counterparty_iban) == ("Huur maart", "Verhuur BV", "NL20INGB0001234567")
    assert (t.currency, t.reference, t.code, usd.account) == ("USD", "R1", "ov", ACCOUNT)
    assert u.description == "a | b" and u.currency == "EUR"  # a blank currency cell: the mapping's (EUR)
    assert (usd.currency, eur.currency, eur.account) == ("USD", "EUR", ACCOUNT)


def test_account_and_currency_values_when_the_file_has_none():
    p = preset(account=None, account_value="NL20INGB0001234567", currency_value="GBP")
    [s] = read("Datum;Bedrag;Omschrijving\n01-03-2026;1,00;a\n", p)
    assert (s.account, s.currency, s.bank, s.transactions[0].currency) == ("NL20INGB0001234567", "GBP", "ing", "GBP")


def test_a_row_of_the_wrong_width_is_refused_but_one_trailing_delimiter_is_not():
    [s] = read(HEAD + f"01-03-2026;1,00;a;{ACCOUNT};\n")
    assert s.transactions[0].amount == D("1.00")
    assert refusal(HEAD + f"01-03-2026;1,00;a;{ACCOUNT};x\n") == (
        "m.csv:2: 5 fields where this export has 4 (a ';' inside an unquoted text, or a damaged line)")
    assert refusal(HEAD + "01-03-2026;1,00;a\n").startswith("m.csv:2: 3 fields where this export has 4")


# --- running balances, order and the statement's balances ---------------------------------------------


def balance_preset(**kw) -> Preset:
    return preset(balance_after="Saldo", opening_balance="first_after_minus_amount", closing_balance="last_after",
                  header_signature=("Datum",), **kw)


SALDO_HEAD = "Datum;Bedrag;Omschrijving;Rekening;Saldo\n"


def test_a_newest_first_file_is_turned_round_by_its_running_balances():
    # newest first: 03-03 (-20 -> 80), 02-03 (+50 -> 100), 01-03 (-10 -> 50); opening 50 + 10 = 60
    text = SALDO_HEAD + "".join(f"{d}-03-2026;{a};r;{ACCOUNT};{b}\n" for d, a, b in [("03", "-20,00", "80,00"), ("02", "50,00", "100,00"), ("01", "-10,00", "50,00")])
    [s] = read(text, balance_preset())
    assert [t.booking_date.day for t in s.transactions] == [1, 2, 3]
    assert (s.opening_balance.amount, s.closing_balance.amount) == (D("60.00"), D("80.00"))
    assert (s.opening_balance.date, s.closing_balance.date) == (date(2026, 3, 1), date(2026, 3, 3))
    assert s.reconciles and not s.warnings


def test_balances_beat_dates_and_dates_decide_when_balances_say_nothing():
    # one day, newest first: only the balances can tell (the dates are equal)
    text = SALDO_HEAD + f"01-03-2026;5,00;b;{ACCOUNT};15,00\n01-03-2026;10,00;a;{ACCOUNT};10,00\n"
    [s] = read(text, balance_preset())
    assert [t.description for t in s.transactions] == ["a", "b"] and s.opening_balance.amount == D("0.00")
    # no balances: the dates decide (first later than last: newest first)
    [s] = read(HEAD + f"02-03-2026;1,00;b;{ACCOUNT}\n01-03-2026;2,00;a;{ACCOUNT}\n")
    assert [t.description for t in s.transactions] == ["a", "b"]
    # equal dates, no balances: the file's order
    [s] = read(HEAD + f"01-03-2026;1,00;b;{ACCOUNT}\n01-03-2026;2,00;a;{ACCOUNT}\n")
    assert [t.description for t in s.transactions] == ["b", "a"]


def test_the_order_a_mapping_states_is_kept_whatever_the_dates():
    text = HEAD + f"02-03-2026;1,00;b;{ACCOUNT}\n01-03-2026;2,00;a;{ACCOUNT}\n03-03-2026;3,00;c;{ACCOUNT}\n"
    [s] = read(text, preset(row_order="oldest_first"))
    assert [t.description for t in s.transactions] == ["b", "a", "c"]
    [s] = read(text, preset(row_order="newest_first"))
    assert [t.description for t in s.transactions] == ["c", "a", "b"]


def test_balance_before_chains_and_its_rules():
    p = preset(balance_before="Voor", opening_balance="first_before", closing_balance="last_before_plus_amount",
               header_signature=("Datum",))
    # newest first by the balances before each row: 03-03 before 130 (-30), 02-03 before 100 (+30)
    text = "Datum;Bedrag;Omschrijving;Rekening;Voor\n" + f"03-03-2026;-30,00;b;{ACCOUNT};130,00\n02-03-2026;30,00;a;{ACCOUNT};100,00\n"
    [s] = read(text, p)
    assert [t.description for t in s.transactions] == ["a", "b"]
    assert (s.opening_balance.amount, s.closing_balance.amount) == (D("100.00"), D("100.00"))


def test_a_damaged_running_balance_is_left_out_with_a_warning_and_costs_only_its_end():
    text = SALDO_HEAD + "".join(f"0{d}-03-2026;{a};r{d};{ACCOUNT};{b}\n" for d, a, b in [(1, "-10,00", "90,00"), (2, "5,00", "9x"), (3, "1,00", "")])
    [s] = read(text, balance_preset(), "b.csv")
    assert [t.balance_after for t in s.transactions] == [D("90.00"), None, None]
    assert s.warnings == ["b.csv:3: balance_after left out: not an amount: '9x'; the transaction is read"]
    assert (s.opening_balance.amount, s.closing_balance) == (D("100.00"), None)  # the last row has none


def test_a_preset_that_states_no_balances_gives_none():
    text = SALDO_HEAD + f"01-03-2026;1,00;r;{ACCOUNT};1,00\n"
    [s] = read(text, preset(balance_after="Saldo", header_signature=("Datum",)))
    assert (s.opening_balance, s.closing_balance, s.transactions[0].balance_after) == (None, None, D("1.00"))


# --- the bank of each statement --------------------------------------------------------------------


def test_the_bank_is_the_ibans_when_the_layout_serves_it_else_the_presets():
    row = "02-03-2026,{},,,,,,EUR,1.00,EUR,1.00,02-03-2026,02-03-2026,1,OVS,1,,'x',1\n"
    for iban, bank_id in [("NL57ASNB0123456789", "asn"), ("NL12SNSB0123456789", "sns"), ("NL32RBRB0123456789", "regiobank"),
                          ("DE89370400440532013000", "asn")]:
        [s] = bank.read_bytes(row.format(iban).encode(), "v.csv")
        assert (s.account, s.bank) == (iban, bank_id)
    # a mapping without a bank: the account's own bank (from bank.read), none for an account that names none
    [s] = read(HEAD + f"01-03-2026;1,00;a;{ACCOUNT}\n")
    assert s.bank == "abnamro"
    [s] = read(HEAD + "01-03-2026;1,00;a;12345\n")
    assert s.bank is None


def test_the_module_reader_itself():
    text = (HEAD + f"01-03-2026;1,00;a;{ACCOUNT}\n01-03-2026;1,00;a;NL20INGB0001234567\n").encode()
    a, b = csvbank.read(text, source="r.csv", bank=preset())
    assert (a.account, b.account, a.source, a.format) == (ACCOUNT, "NL20INGB0001234567", "r.csv", "csv")
    assert csvbank.count_records(text, preset()) == 2


# --- second round: the survivors of the first mutation run ----------------------------------------


def test_the_module_reader_names_the_bank_and_the_balances_currency_itself():
    # csvbank.read without bank.read around it: the Volksbank layout names an SNS account's bank
    row = "02-03-2026,NL12SNSB0123456789,,,,,,EUR,100.00,EUR,-20.00,02-03-2026,02-03-2026,1,OVS,1,,'x',1\n"
    [s] = csvbank.read(row.encode())
    assert (s.bank, s.opening_balance.currency, s.closing_balance.currency) == ("sns", "EUR", "EUR")
    assert (s.opening_balance.amount, s.closing_balance.amount) == (D("100.00"), D("80.00"))
    [s] = csvbank.read(row.replace("NL12SNSB0123456789", "DE89370400440532013000").encode(), bank="asn")  # a foreign account
    assert s.bank == "asn"
    # without a source, a warning names "<bytes>"
    [s] = csvbank.read((SALDO_HEAD + f"01-03-2026;1,00;r;{ACCOUNT};x\n").encode(), bank=balance_preset())
    assert s.warnings == ["<bytes>:2: balance_after left out: not an amount: 'x'; the transaction is read"]


def test_a_header_line_after_a_preamble_is_named_by_its_own_number():
    p = preset(skip_lines=2, code="Code")
    assert refusal("a\nb\n" + HEAD + f"01-03-2026;1,00;a;{ACCOUNT}\n", p).startswith("m.csv:3: code: the header has no column 'Code'")


def test_rows_without_a_currency_form_one_statement_with_the_mappings():
    p = preset(currency="Munt", header_signature=("Datum",))
    text = "Datum;Bedrag;Omschrijving;Rekening;Munt\n" + f"01-03-2026;1,00;a;{ACCOUNT};\n02-03-2026;2,00;b;{ACCOUNT};EUR\n"
    [s] = read(text, p)
    assert (s.currency, [t.currency for t in s.transactions]) == ("EUR", ["EUR", "EUR"])


def test_detection_reads_the_first_data_row_after_a_header_and_only_that():
    # ING's comma header: the YYYYMMDD layout reads the first row; the second row's damage is the reader's business
    head = '"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort","Mededelingen"\n'
    row = '"{}","Bakker","NL20INGB0001234567","","BA","Af","2,50","Betaalautomaat","brood"\n'
    assert csvbank.detect_preset(head + row.format("20260302") + row.format("02-03-2026")).name == "ing"
    assert csvbank.detect_preset(head + row.format("02-03-2026") + row.format("20260302")).name == "ing_dmy"
    # a header-less file: only its first row decides (the second, of another bank, does not count)
    asn = "02-03-2026,{},,,,,,EUR,1.00,EUR,1.00,02-03-2026,02-03-2026,1,OVS,1,,'x',1\n"
    assert csvbank.detect_preset(asn.format("NL57ASNB0123456789") + asn.format("NL91ABNA0417164300")).name == "asn"


def test_detection_takes_only_the_first_bytes_and_lines():
    # a file whose first 40 lines are noise: no preset, whatever follows
    asn = "02-03-2026,NL57ASNB0123456789,,,,,,EUR,1.00,EUR,1.00,02-03-2026,02-03-2026,1,OVS,1,,'x',1\n"
    with pytest.raises(BankFileError, match="whose first line is 'noise'"):
        csvbank.detect_preset("noise\n" * 40 + asn)
    assert csvbank.detect_preset("\n" * 39 + asn).name == "asn"
    with pytest.raises(BankFileError, match="whose first line is ''"):
        csvbank.detect_preset("")


def test_an_amount_with_the_grouping_mark_only_is_read_by_the_notation():
    # decimal point layouts: "1,000.50" has the grouping mark and is read with it; a plain "-7.25" is exact
    p = preset(decimal=".", thousands=",", delimiter="\t", header_signature=("Datum",))
    text = "Datum\tBedrag\tOmschrijving\tRekening\n" + f"01-03-2026\t1,000.50\ta\t{ACCOUNT}\n02-03-2026\t-7.25\tb\t{ACCOUNT}\n"
    [s] = read(text, p)
    assert [t.amount for t in s.transactions] == [D("1000.50"), D("-7.25")]
    # a 64-character amount is still offered to the notation (which finds 64 digits too many); 65 are refused before it
    assert refusal(HEAD + f"01-03-2026;{'1' * 64};a;{ACCOUNT}\n") == "m.csv:2: an amount of 64 digits is more than a bank file holds (at most 18)"
    assert refusal(HEAD + f"01-03-2026;{'1' * 65};a;{ACCOUNT}\n").startswith("m.csv:2: amount: not an amount: ")
    [s] = read(HEAD + f"01-03-2026;-{'0' * 60}1,00;a;{ACCOUNT}\n")
    assert s.transactions[0].amount == D("-1.00")


def test_a_marker_at_the_very_start_of_the_description():
    p = preset(value_date_marker="Valutadatum: ")
    [s] = read(HEAD + f"01-03-2026;1,00;Valutadatum: 05-03-2026;{ACCOUNT}\n", p)
    assert s.transactions[0].value_date == date(2026, 3, 5)


def test_one_row_is_its_own_order_and_a_tie_keeps_the_files():
    [s] = read(SALDO_HEAD + f"05-03-2026;1,00;r;{ACCOUNT};1,00\n", balance_preset(row_order="newest_first"))
    assert [t.description for t in s.transactions] == ["r"]
    # two rows whose balances chain both ways (amount 0): a tie, so the dates decide: newest first here
    text = SALDO_HEAD + f"02-03-2026;0,00;b;{ACCOUNT};5,00\n01-03-2026;0,00;a;{ACCOUNT};5,00\n"
    [s] = read(text, balance_preset())
    assert [t.description for t in s.transactions] == ["a", "b"]


def test_balance_before_one_side_missing_counts_nothing():
    p = preset(balance_before="Voor", opening_balance="first_before", header_signature=("Datum",))
    # three rows newest first; only the balances before the last two are there: 30 before 03-03 (+5)
    # and 25 before 02-03 (+5): one chain, which says newest first
    text = "Datum;Bedrag;Omschrijving;Rekening;Voor\n" + (
        f"04-03-2026;5,00;c;{ACCOUNT};\n03-03-2026;5,00;b;{ACCOUNT};30,00\n02-03-2026;5,00;a;{ACCOUNT};25,00\n")
    [s] = read(text, p)
    assert [t.description for t in s.transactions] == ["a", "b", "c"] and s.opening_balance.amount == D("25.00")


# --- third round ------------------------------------------------------------------------------------


def test_a_damaged_debit_or_credit_cell_is_named_by_its_column_and_line():
    p = preset(amount=None, debit_amount="Af", credit_amount="Bij", header_signature=("Datum",))
    head = "Datum;Af;Bij;Omschrijving;Rekening\n"
    assert refusal(head + f"01-03-2026;x;;r;{ACCOUNT}\n", p).startswith("m.csv:2: debit_amount: not an amount: 'x'")
    assert refusal(head + f"01-03-2026;;y;r;{ACCOUNT}\n", p).startswith("m.csv:2: credit_amount: not an amount: 'y'")


def test_a_sign_that_is_neither_names_every_value_of_both():
    q = preset(sign="Teken", debit_values=("D", "Af"), credit_values=("C", "Bij"), header_signature=("Datum",))
    text = "Datum;Bedrag;Teken;Omschrijving;Rekening\n" + f"01-03-2026;1,00;X;r;{ACCOUNT}\n"
    assert refusal(text, q) == "m.csv:2: sign: 'X' is neither debit (D/Af) nor credit (C/Bij)"


def test_no_value_date_column_and_no_marker_is_no_value_date():
    [s] = read(HEAD + f"01-03-2026;1,00;a;{ACCOUNT}\n")
    assert s.transactions[0].value_date is None


def test_a_header_with_a_trailing_delimiter_over_rows_without_one():
    [s] = read("Datum;Bedrag;Omschrijving;Rekening;\n" + f"01-03-2026;1,00;a;{ACCOUNT}\n")
    assert s.transactions[0].amount == D("1.00")
