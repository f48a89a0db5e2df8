"""The CSV tables of a company folder (forecast/csvfiles.py): the inputs and boundaries the folder tests never give.

Hand-made files with hand-worked values. Errors are checked by file, line, field and key words (the value as typed,
the columns named), not by their exact English wording.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from xlcapital.errors import InputError
from xlcapital.forecast import schema as sc
from xlcapital.forecast.csvfiles import (Dialect, Row, detect, read_categories, read_customers, read_expected_sales,
                                         read_payables, read_payroll, read_receivables, read_recurring,
                                         read_table)

RECEIVABLES_HEADER = "customer,invoice,invoice_date,due_date,amount"
RECURRING_HEADER = "name,category,amount,frequency,day,start,end,fixed,revenue_linked"


def write(tmp_path: Path, text: str | bytes, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def refused(fn, *args, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        result = fn(*args, **kwargs)
        if not isinstance(result, list):
            list(result)
    return info.value


# --- encoding ---------------------------------------------------------------------------------------------------

def test_encoding_utf8_bom_windows_1252():
    text, sep, dec, enc = detect("a,b\n1,2\n".encode("utf-8"), file="f.csv")
    assert (text, sep, dec, enc) == ("a,b\n1,2\n", ",", ".", "UTF-8")
    text, _, _, enc = detect(b"\xef\xbb\xbfa,b\nCaf\xc3\xa9,2\n", file="f.csv")
    assert text == "a,b\nCafé,2\n"  # the mark itself is not part of the header
    assert "UTF-8" in enc and "BOM" in enc
    text, _, _, enc = detect(b"a,b\nCaf\xe9,2\n", file="f.csv")  # 0xE9 is é in Windows-1252, not UTF-8
    assert (text, enc) == ("a,b\nCafé,2\n", "Windows-1252")


def test_a_byte_no_encoding_reads_names_file_line_and_advice():
    # 0x81 is neither UTF-8 (a lone continuation byte) nor defined in Windows-1252; it stands on line 3
    e = refused(detect, b"a,b\n1,2\nx\x81,3\n", file="bad.csv")
    assert (e.file, e.line) == ("bad.csv", 3)
    assert "0x81" in str(e.message)
    assert "UTF-8" in str(e.hint)  # how to save it again


# --- separator ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data, separator", [
    ("a;b;c\n1,2\n", ";"),
    ("a,b,c\n1;2;3;4;5\n", ","),               # only the header line counts
    ("a;b,c\n1\n", ","),                       # a tie is a comma file
    ('"x,y,z";b;c\n1;2;3\n', ";"),              # commas inside quotes do not count: 2 ; against 0 ,
    ('"x;y;z",b\n1,2\n', ","),                  # nor semicolons: 0 ; against 1 ,
    ('"a,b";"c,d"\n', ";"),                     # two quoted cells: 1 ; against 0 , (the regex stops at each quote)
])
def test_separator_from_the_header_line_outside_quotes(data, separator):
    assert detect(data.encode(), file="f.csv")[1] == separator


def test_carriage_returns_become_newlines():
    text = detect(b"a;b\r\n1;2\r3;4\r\n", file="f.csv")[0]
    assert text == "a;b\n1;2\n3;4\n"


# --- decimal mark -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, mark", [
    ("12,50", ","), ("12.50", "."), ("12,5", ","), ("1.234,5", ","), ("1,234.5", "."),
    ("1.2345", "."), ("1,2345", ","),            # four or more digits after the last mark: a decimal mark
    ("1.234.567,5", ","), ("1,234,567.89", "."),  # both marks: the later one
    ("1,234.567", "."), ("1.234,567", ","),      # ... even with three digits after it
    (" 7,50 ", ","), ("(7,50)", ","), ("7,50-", ","), ("12,5%", ","), ("12,5 %", ","),
])
def test_a_cell_that_decides_the_decimal_mark(cell, mark):
    data = f'{RECEIVABLES_HEADER}\nA,F1,2026-01-05,2026-02-04,"{cell}"\n'.encode()
    assert detect(data, file="r.csv", table=sc.RECEIVABLES)[2] == mark


@pytest.mark.parametrize("cell", ["1.250", "1,250", "12", "1.234.567", "-", "12,5X"])
def test_a_cell_that_does_not_decide_leaves_the_default(cell):
    # three digits after the only mark (a thousands group) or no mark: ',' files read a point, ';' files a comma
    comma_file = f'{RECEIVABLES_HEADER}\nA,F1,2026-01-05,2026-02-04,"{cell}"\n'.encode()
    semicolon_file = f'{RECEIVABLES_HEADER.replace(",", ";")}\nA;F1;2026-01-05;2026-02-04;"{cell}"\n'.encode()
    assert detect(comma_file, file="r.csv", table=sc.RECEIVABLES)[2] == "."
    assert detect(semicolon_file, file="r.csv", table=sc.RECEIVABLES)[2] == ","


def test_only_money_and_fraction_columns_decide():
    # '12,50' in the customer (text) column and the delay (integer) column decides nothing; no table: nothing
    data = b'customer,invoice,invoice_date,due_date,amount\n"12,50",F1,2026-01-05,2026-02-04,100\n'
    assert detect(data, file="r.csv", table=sc.RECEIVABLES)[2] == "."
    data = b'customer;payment_delay_days\nA;"12.5"\n'
    assert detect(data, file="c.csv", table=sc.CUSTOMERS)[2] == ","
    data = b'customer;invoice;invoice_date;due_date;amount\nA;F1;2026-01-05;2026-02-04;12.50\n'
    assert detect(data, file="r.csv")[2] == ","
    assert detect(data, file="r.csv", table=sc.RECEIVABLES)[2] == "."


def test_header_names_are_matched_without_case_or_spaces():
    data = b'customer; Amount ;invoice;invoice_date;due_date\nA;12.50;F1;2026-01-05;2026-02-04\n'
    assert detect(data, file="r.csv", table=sc.RECEIVABLES)[2] == "."


def test_a_short_row_is_passed_over():
    # row 2 has no amount cell; row 3's amount decides
    data = b'customer;invoice;invoice_date;due_date;amount\nA;F1\nB;F2;2026-01-05;2026-02-04;3.25\n'
    assert detect(data, file="r.csv", table=sc.RECEIVABLES)[2] == "."


def test_mixed_marks_name_both_cells_and_the_later_line():
    data = (b"customer,invoice,invoice_date,due_date,amount\n"
            b'A,F1,2026-01-05,2026-02-04,"12,50"\n'
            b"B,F2,2026-01-05,2026-02-04,1.25\n"
            b"C,F3,2026-01-05,2026-02-04,3.75\n")
    e = refused(detect, data, file="r.csv", table=sc.RECEIVABLES)
    assert (e.file, e.line) == ("r.csv", 3)  # the first point is on line 3, the first comma on line 2
    message = str(e.message)
    assert "'12,50'" in message and "'1.25'" in message and "line 2" in message and "line 3" in message
    assert "amount" in message and "3.75" not in message  # the first cell of each mark, by column
    assert e.hint


def test_mixed_marks_point_first():
    data = (b"customer,invoice,invoice_date,due_date,amount\n"
            b"A,F1,2026-01-05,2026-02-04,1.25\n"
            b'B,F2,2026-01-05,2026-02-04,"12,50"\n')
    assert refused(detect, data, file="r.csv", table=sc.RECEIVABLES).line == 3


# --- Row.value ----------------------------------------------------------------------------------------------------

AMOUNT = next(f for f in sc.RECEIVABLES if f.key == "amount")
PAID = next(f for f in sc.RECEIVABLES if f.key == "paid_date")


def test_row_value_required_default_and_decimal():
    assert AMOUNT.key == "amount"
    row = Row({"amount": "  "}, 7, "r.csv")
    e = refused(row.value, AMOUNT)
    assert (e.file, e.line, e.field) == ("r.csv", 7, "amount")
    assert Row({}, 7, "r.csv").value(PAID) is None  # optional, empty: its default
    assert Row({"amount": "1.234,50"}, 2, "r.csv", Dialect(";", ",", "UTF-8")).value(AMOUNT) == D("1234.50")
    assert Row({"amount": " 12.50 "}, 2, "r.csv").value(AMOUNT) == D("12.50")  # no dialect: a decimal point


def test_row_value_error_says_how_the_file_was_read():
    row = Row({"amount": "12,5x"}, 4, "r.csv", Dialect(";", ",", "Windows-1252"))
    e = refused(row.value, AMOUNT)
    assert (e.file, e.line, e.field) == ("r.csv", 4, "amount")
    hint = str(e.hint)
    assert "Windows-1252" in hint and "';'" in hint and "comma" in hint
    assert "12,5x" in str(e.message)
    # no dialect: nothing to say about reading
    e = refused(Row({"amount": "12,5x"}, 4, "r.csv").value, AMOUNT)
    assert "Windows-1252" not in str(e.hint or "") and (e.file, e.line) == ("r.csv", 4)


def test_row_value_a_parser_without_hint_gets_only_the_dialect():
    delay = next(f for f in sc.CUSTOMERS if f.key == "payment_delay_days")
    e = refused(Row({"payment_delay_days": "x"}, 3, "c.csv", Dialect(",", ".", "UTF-8")).value, delay)
    assert str(e.hint).startswith("the file is read as UTF-8")  # nothing before it: no "None; "
    assert (e.file, e.line, e.field) == ("c.csv", 3, "payment_delay_days")


def test_row_value_keeps_the_parsers_hint_before_the_dialect():
    # a date is not numeric: no dialect added; a grouping error keeps parse_amount's own hint first
    date_field = next(f for f in sc.RECEIVABLES if f.key == "due_date")
    e = refused(Row({"due_date": "4-2-2026"}, 3, "r.csv", Dialect(",", ".", "UTF-8")).value, date_field)
    assert "read as" not in str(e.hint or "")
    e = refused(Row({"amount": "1.23.4"}, 3, "r.csv", Dialect(",", ".", "UTF-8")).value, AMOUNT)
    hint = str(e.hint)
    # parse_amount's own advice, then "; ", then how the file was read
    before, sep, after = hint.partition("; ")
    assert sep and "'.'" in before and "UTF-8" not in before
    assert "UTF-8" in after and "separator ','" in after and "point" in after


def test_dialect_describe():
    assert "comma" in Dialect(";", ",", "UTF-8").describe() and "point" not in Dialect(";", ",", "UTF-8").describe()
    d = Dialect(",", ".", "Windows-1252").describe()
    assert "point" in d and "Windows-1252" in d and "','" in d


# --- read_table ---------------------------------------------------------------------------------------------------

def test_file_missing_and_a_folder(tmp_path):
    e = refused(read_table, tmp_path / "none.csv", sc.RECEIVABLES)
    assert e.file == str(tmp_path / "none.csv") and "not found" in str(e.message)
    (tmp_path / "dir.csv").mkdir()
    e = refused(read_table, tmp_path / "dir.csv", sc.RECEIVABLES)
    assert e.file == str(tmp_path / "dir.csv") and "not found" not in str(e.message)
    assert "directory" in str(e.message).lower()  # the system's reason (EISDIR), not None


def test_an_empty_file_names_the_required_columns(tmp_path):
    e = refused(read_table, write(tmp_path, ""), sc.RECEIVABLES)
    assert e.file.endswith("t.csv") and "empty" in str(e.message)
    assert "customer, invoice, invoice_date, due_date, amount" in str(e.hint)


def test_unknown_column(tmp_path):
    e = refused(read_table, write(tmp_path, "customer;invoice;invoice_date;due_date;amount; Bedrag \n"),
                sc.RECEIVABLES)
    assert (e.line, e.field) == (1, None) and e.file.endswith("t.csv")
    assert "'Bedrag'" in str(e.message)
    hint = str(e.hint)
    assert "customer, invoice, invoice_date, due_date, amount, paid_date, expected_date" in hint
    assert "separator ';'" in hint


def test_a_column_twice_and_a_column_missing(tmp_path):
    e = refused(read_table, write(tmp_path, "customer,invoice,invoice_date,due_date,amount,AMOUNT\n"),
                sc.RECEIVABLES)
    assert e.line == 1 and "'amount'" in str(e.message) and e.file.endswith("t.csv")
    e = refused(read_table, write(tmp_path, "customer,invoice,due_date\n"), sc.RECEIVABLES)
    assert e.line == 1 and "invoice_date, amount" in str(e.message)
    assert "'customer', 'invoice', 'due_date'" in str(e.hint) and "separator ','" in str(e.hint)


def test_rows_lines_blank_lines_and_quoted_newlines(tmp_path):
    text = ("customer,invoice,invoice_date,due_date,amount\n"
            "\n"
            ' , ,,,\n'
            '"Bakker\nen Zn",F1,2026-01-05,2026-02-04,10\n'   # one record on lines 4 and 5
            "Smit,F2,2026-01-05,2026-02-04\n")                 # a short row: the missing cell is empty
    rows = list(read_table(write(tmp_path, text), sc.RECEIVABLES))
    assert [r.line for r in rows] == [5, 6]
    assert rows[0].get("customer") == "Bakker\nen Zn" and rows[1].get("amount") == ""
    assert rows[0].dialect == Dialect(",", ".", "UTF-8") and rows[0].file.endswith("t.csv")


def test_too_many_cells(tmp_path):
    text = "customer;invoice;invoice_date;due_date;amount\nA;F1;2026-01-05;2026-02-04;1;2\n"
    e = refused(read_table, write(tmp_path, text), sc.RECEIVABLES)
    assert e.line == 2 and "6" in str(e.message) and "5" in str(e.message)
    assert "separator ';'" in str(e.hint)
    # exactly as many cells as columns is fine
    assert len(list(read_table(write(tmp_path, text.replace(";1;2", ";1")), sc.RECEIVABLES))) == 1


def test_a_broken_csv_names_its_line(tmp_path, monkeypatch):
    import csv
    monkeypatch.setattr(csv, "field_size_limit", csv.field_size_limit)
    old = csv.field_size_limit(20)
    try:
        text = "customer,invoice,invoice_date,due_date,amount\nA,F1,2026-01-05,2026-02-04,1\n" + "B" * 30 + ",F2\n"
        e = refused(read_table, write(tmp_path, text), sc.RECEIVABLES)
    finally:
        csv.field_size_limit(old)
    assert e.line == 3 and e.file.endswith("t.csv")
    assert "field larger than field limit (20)" in str(e.message)  # the csv module's reason


# --- the tables -------------------------------------------------------------------------------------------------

def test_receivables(tmp_path):
    text = ("customer;invoice;invoice_date;due_date;amount;paid_date\n"
            "Bakker;F1;2026-01-05;2026-01-05;1.234,50;\n"       # due the invoice day itself: allowed
            "Smit;F2;2026-01-05;2026-02-04;-10;2026-01-20\n")
    r1, r2 = read_receivables(write(tmp_path, text))
    assert (r1.amount, r1.line, r1.paid_source, r1.due_date) == (D("1234.50"), 2, "", date(2026, 1, 5))
    assert (r2.amount, r2.line, r2.paid_source, r2.paid_date) == (D("-10"), 3, "given", date(2026, 1, 20))


def test_receivables_due_before_invoice_and_an_invoice_twice(tmp_path):
    e = refused(read_receivables, write(tmp_path, f"{RECEIVABLES_HEADER}\nA,F1,2026-01-05,2026-01-04,1\n"))
    assert (e.line, e.field) == (2, "due_date") and e.file.endswith("t.csv")
    text = f"{RECEIVABLES_HEADER}\nA,F1,2026-01-05,2026-02-04,1\nB,F2,2026-01-05,2026-02-04,1\nC,f1,2026-01-05,2026-02-04,1\n"
    e = refused(read_receivables, write(tmp_path, text))
    assert (e.line, e.field) == (4, "invoice") and e.file.endswith("t.csv")
    assert "'f1'" in str(e.message) and "2" in str(e.message)  # the first one is on line 2


def test_payables_and_expected_sales_carry_their_lines(tmp_path):
    p = read_payables(write(tmp_path, "supplier,due_date,amount\n\nX,2026-03-02,99.95\n"))
    assert [(x.supplier, x.due_date, x.amount, x.line) for x in p] == [("X", date(2026, 3, 2), D("99.95"), 3)]
    s = read_expected_sales(write(tmp_path, "date;amount\n2026-03-02;1.000,00\n"))
    assert [(x.date, x.amount, x.description, x.line) for x in s] == [(date(2026, 3, 2), D("1000.00"), "", 2)]


def test_customers(tmp_path):
    c = read_customers(write(tmp_path, "customer,payment_delay_days\nBakker,12\nSmit,\n"))
    assert c == [("Bakker", 12, 2), ("Smit", None, 3)]
    e = refused(read_customers, write(tmp_path, "customer,payment_delay_days\nBakker,12\nSmit,\nBAKKER,3\n"))
    assert (e.line, e.field) == (4, "customer") and "'BAKKER'" in str(e.message) and "2" in str(e.message)
    assert re.search(r"\bcustomer\b", str(e.message))  # what is twice


def recurring(tmp_path, *rows: str):
    return read_recurring(write(tmp_path, RECURRING_HEADER + "\n" + "\n".join(rows) + "\n"))


def test_recurring_fixed_default(tmp_path):
    items = recurring(tmp_path,
                      "Rent,Rent,-1000,monthly,1,,,,",            # a payment: fixed
                      "Fees,Fees,-50,monthly,1,,,,yes",           # a payment that moves with revenue: not fixed
                      "Grant,Other,200,monthly,1,,,,",            # a receipt: not fixed
                      "Sub,Other,300,monthly,1,,,yes,",           # given: kept
                      "Lease,Other,-300,monthly,1,,,no,",
                      "Tip,Other,0.50,monthly,1,,,,",            # a receipt below 1.00: not fixed
                      "Nil,Other,0,monthly,1,,,,")                # zero is no payment: not fixed
    assert [i.fixed for i in items] == [True, False, False, True, False, False, False]
    assert [i.line for i in items] == [2, 3, 4, 5, 6, 7, 8]
    assert items[0].amount == D("-1000") and items[1].revenue_linked is True


def test_recurring_weekly_day_boundary(tmp_path):
    [item] = recurring(tmp_path, "Wages,Staff,-10,weekly,7,,,,")
    assert item.day == 7
    e = refused(recurring, tmp_path, "Wages,Staff,-10,weekly,1,,,,", "Wages,Staff,-10,weekly,8,,,,")
    assert (e.line, e.field) == (3, "day") and "8" in str(e.message)
    assert "1" in str(e.hint) and "7" in str(e.hint)
    assert recurring(tmp_path, "Rent,Rent,-10,monthly,31,,,,")[0].day == 31  # a month's day may be 31


def test_recurring_once_and_dates(tmp_path):
    e = refused(recurring, tmp_path, "Tax,Tax,-10,once,1,,,,")
    assert (e.line, e.field) == (2, "start")
    [item] = recurring(tmp_path, "Tax,Tax,-10,once,1,2026-05-01,2026-05-01,,")  # end on start: allowed
    assert (item.start, item.end) == (date(2026, 5, 1), date(2026, 5, 1))
    e = refused(recurring, tmp_path, "Rent,Rent,-10,monthly,1,2026-05-01,2026-04-30,,")
    assert (e.line, e.field) == (2, "end") and e.file.endswith("t.csv") and "start" in str(e.message)
    # only an end, or only a start: no comparison
    a, b = recurring(tmp_path, "Rent,Rent,-10,monthly,1,,2026-04-30,,", "Rent,Rent,-10,monthly,1,2026-05-01,,,")
    assert (a.start, a.end, b.start, b.end) == (None, date(2026, 4, 30), date(2026, 5, 1), None)


CATEGORIES_HEADER = "category,match,pattern,project,weekly_amount,revenue_linked"


def test_categories_settings_once_per_category(tmp_path):
    text = (f"{CATEGORIES_HEADER}\n"
            "Rent,counterparty,Vastgoed,yes,-500,\n"
            "rent,description,huur,,-500,no\n"           # the same values again (case of the name ignored)
            "Sales,counterparty,Klant,no,,yes\n")        # another category: its own values
    rules = read_categories(write(tmp_path, text))
    assert [(r.name, r.project, r.weekly_amount, r.revenue_linked, r.line) for r in rules] == [
        ("Rent", True, D("-500"), None, 2), ("rent", None, D("-500"), False, 3), ("Sales", False, None, True, 4)]


@pytest.mark.parametrize("second, column, first", [
    ("RENT,description,huur,no,,", "project", "True"),
    ("rent,description,huur,,-400,", "weekly_amount", "-500"),
])
def test_categories_two_values_of_one_setting(tmp_path, second, column, first):
    text = f"{CATEGORIES_HEADER}\nRent,counterparty,Vastgoed,yes,-500,\nOther,iban,NL91ABNA0417164300,no,,\n{second}\n"
    e = refused(read_categories, write(tmp_path, text))
    assert (e.line, e.field) == (4, column) and e.file.endswith("t.csv")
    message = str(e.message)
    assert first in message and "line 2" in message and column in message
    assert e.hint


# --- payroll.csv ----------------------------------------------------------------------------------------------------

PAYROLL_HEADER = "name,employees,gross,start,end,wage_tax_rate,employee_pension_rate"


def test_payroll_rows_and_lines(tmp_path):
    text = f"{PAYROLL_HEADER}\nWarehouse,3,2500.00,2026-01-01,,0.20,0.05\n\nOwner,,4000,,,,\n"
    a, b = read_payroll(write(tmp_path, text))
    assert (a.name, a.employees, a.gross, a.wage_tax_rate, a.employee_pension_rate, a.line) == (
        "Warehouse", 3, D("2500.00"), D("0.20"), D("0.05"), 2)
    assert (b.name, b.employees, b.gross, b.start, b.line) == ("Owner", 1, D("4000"), None, 4)


@pytest.mark.parametrize("row, field", [
    ("Staff,1,2500,2026-05-01,2026-04-30,,", "end"),             # end before start
    ("Staff,1,2500,,,0.60,0.45", "wage_tax_rate"),                # 0.60 + 0.45 = 1.05 withheld of 1.00 gross
])
def test_payroll_row_checks_name_file_line_field_and_hint(tmp_path, row, field):
    e = refused(read_payroll, write(tmp_path, f"{PAYROLL_HEADER}\nBoss,1,5000,,,,\n{row}\n"))
    assert (e.line, e.field) == (3, field) and e.file.endswith("t.csv")
    assert e.message is not None and str(e.message) and e.hint is not None and str(e.hint)


def test_payroll_rates_adding_to_exactly_one_are_allowed(tmp_path):
    [item] = read_payroll(write(tmp_path, f"{PAYROLL_HEADER}\nStaff,1,2500,,,0.55,0.45\n"))
    assert item.wage_tax_rate + item.employee_pension_rate == 1
