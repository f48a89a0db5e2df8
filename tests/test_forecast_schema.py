"""One schema per input field: CSV files as people save them, forecast.toml, and the workbook read back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from xlcapital.company import sample_dir
from xlcapital.errors import InputError
from xlcapital.forecast import load, schema as sc
from xlcapital.forecast.csvfiles import read_payables, read_receivables, read_recurring

RECEIVABLES_POINT = (
    "customer,invoice,invoice_date,due_date,amount,paid_date\n"
    '"Café De Zwaan",F1,2026-03-02,2026-04-01,"1,234.50",\n'
    "Bakkerij Jansen,F2,2026-03-09,2026-04-08,-12.5,2026-03-20\n"
)
#: the same invoices as Dutch Excel saves them: ';', decimal comma, '.' between thousands
RECEIVABLES_COMMA = (
    "customer;invoice;invoice_date;due_date;amount;paid_date\n"
    "Café De Zwaan;F1;2026-03-02;2026-04-01;1.234,50;\n"
    "Bakkerij Jansen;F2;2026-03-09;2026-04-08;-12,50;2026-03-20\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "text, encoding",
    [
        (RECEIVABLES_POINT, "utf-8"),
        (RECEIVABLES_COMMA, "cp1252"),
        (RECEIVABLES_COMMA, "utf-8-sig"),
        (RECEIVABLES_COMMA.replace("\n", "\r\n"), "utf-8"),
    ],
)
def test_receivables_read_the_same_in_every_dutch_excel_variant(tmp_path, text, encoding):
    rows = read_receivables(write(tmp_path, "receivables.csv", text.encode(encoding)))
    # the values as written in the file: 1.234,50 is one thousand two hundred thirty-four euros fifty
    assert [(r.customer, r.invoice, r.amount, r.paid_date) for r in rows] == [
        ("Café De Zwaan", "F1", D("1234.50"), None),
        ("Bakkerij Jansen", "F2", D("-12.50"), date(2026, 3, 20)),
    ]
    assert [r.line for r in rows] == [2, 3]


def test_a_semicolon_file_of_whole_numbers_reads_dots_as_thousands(tmp_path):
    # no cell shows a decimal mark: a ';' file is Dutch, so 1.250 is one thousand two hundred fifty
    path = write(tmp_path, "payables.csv", b"supplier;due_date;amount\nA;2026-04-01;1.250\nB;2026-04-02;7\n")
    assert [p.amount for p in read_payables(path)] == [D(1250), D(7)]
    # in a ',' file with decimal points the same text is 1.25 ...
    path = write(tmp_path, "payables.csv", b"supplier,due_date,amount\nA,2026-04-01,1.25\nB,2026-04-02,7\n")
    assert [p.amount for p in read_payables(path)] == [D("1.25"), D(7)]


def test_mixed_decimal_marks_are_refused_naming_both_lines(tmp_path):
    path = write(tmp_path, "payables.csv", b"supplier;due_date;amount\nA;2026-04-01;12.50\nB;2026-04-02;3,25\n")
    with pytest.raises(InputError) as exc:
        read_payables(path)
    message = str(exc.value)
    assert message.startswith(f"{path}:3: mixed decimal marks: '12.50' (line 2, amount) has a decimal point, "
                              "'3,25' (line 3, amount) a decimal comma")


def test_a_bad_amount_names_file_line_column_and_what_was_detected(tmp_path):
    path = write(tmp_path, "payables.csv", "supplier;due_date;amount\nCafé;2026-04-01;12,50\nB;2026-04-02;1,2,3\n"
                 .encode("cp1252"))
    with pytest.raises(InputError) as exc:
        read_payables(path)
    message = str(exc.value)
    assert message.startswith(f"{path}:3: amount: not an amount: '1,2,3'")
    assert "read as Windows-1252, separator ';', decimal comma" in message


def test_an_undecodable_byte_names_its_line(tmp_path):
    path = write(tmp_path, "payables.csv", b"supplier,due_date,amount\nA,2026-04-01,1\nB\x81,2026-04-02,2\n")
    with pytest.raises(InputError) as exc:
        read_payables(path)
    assert str(exc.value).startswith(f"{path}:3: byte 0x81 is not text in utf-8 or cp1252")


def test_recurring_defaults_come_from_the_schema(tmp_path):
    path = write(tmp_path, "recurring.csv", b"name;category;amount;frequency\nHuur;Rent;-1.500,00;monthly\nRente;Interest;25,00;yearly\n")
    rent, interest = read_recurring(path)
    # day and month empty: 1; fixed empty: a payment is fixed, a receipt is not
    assert (rent.amount, rent.day, rent.month, rent.fixed) == (D("-1500.00"), 1, 1, True)
    assert (interest.amount, interest.fixed) == (D("25.00"), False)


def test_unknown_column_lists_the_schema_columns(tmp_path):
    path = write(tmp_path, "payables.csv", b"supplier,due_date,amount,vat\nA,2026-04-01,1,0\n")
    with pytest.raises(InputError) as exc:
        read_payables(path)
    assert "unknown column 'vat' (known: supplier, due_date, amount, invoice" in str(exc.value)


TOML = """
[company]
name = "Bakkerij Jansen B.V."

[forecast]
start = 2026-04-06
weeks = 4
opening_balance = 1000
"""


def test_forecast_toml_company_name(tmp_path):
    (tmp_path / "forecast.toml").write_text(TOML, encoding="utf-8")
    assert load(tmp_path).company_name == "Bakkerij Jansen B.V."
    (tmp_path / "forecast.toml").write_text(TOML.replace("name =", "naam ="), encoding="utf-8")
    with pytest.raises(InputError, match=r"company\.naam: unknown key 'naam' \(known: name\)"):
        load(tmp_path)
    (tmp_path / "forecast.toml").write_text("[forecast]" + TOML.split("[forecast]")[1], encoding="utf-8")
    assert load(tmp_path).company_name == tmp_path.name  # no [company]: the folder's name, as before


@pytest.mark.parametrize(
    "line, expected",
    [
        ("credit_limit = -5", "forecast.credit_limit: -5 is below the minimum 0 (give 0 or more)"),
        ("weeks = 0", "forecast.weeks: 0 is out of range (use 1 to 104)"),
        ("overdraft_rate = '150%'", "forecast.overdraft_rate: 1.5 is above the maximum 1 (give -1 to 1)"),
    ],
)
def test_forecast_toml_bounds_from_the_schema(tmp_path, line, expected):
    (tmp_path / "forecast.toml").write_text(TOML.replace("weeks = 4", "weeks = 4\n" + line if "weeks" not in line
                                                         else line), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load(tmp_path)
    assert expected in str(exc.value)


def test_the_workbook_reads_back_to_the_folders_inputs(tmp_path):
    """Write the sample's workbook, read its Settings and tables back through the schema: the same inputs."""
    import openpyxl

    from xlcapital.workbook import generate
    from xlcapital.workbook.model import rows_from_workbook, settings_from_workbook

    inputs = load(sample_dir())
    path = tmp_path / "sample.xlsx"
    generate(inputs, path, company="Sample")
    wb = openpyxl.load_workbook(path)

    def setting(header):
        (sheet, coord), = wb.defined_names[f"Settings_{header}"].destinations
        return wb[sheet][coord.replace("$", "")].value

    def table(name):
        ws = next(ws for ws in wb.worksheets if name in ws.tables)
        cells = list(ws[ws.tables[name].ref])
        header = [c.value for c in cells[0]]
        return [dict(zip(header, (c.value for c in row))) for row in cells[1:]]

    # every schema setting shown in the workbook has its defined name
    assert all(f"Settings_{h}" in wb.defined_names for h in sc.SETTINGS)
    settings = settings_from_workbook(setting)
    s = inputs.settings
    assert {k: settings["forecast"][k] for k in ("start", "weeks", "opening_balance", "balance_date", "accounts",
                                                 "credit_limit", "overdraft_rate", "minimum_buffer", "risk_profile")} \
        == {"start": s.start, "weeks": s.weeks, "opening_balance": s.opening_balance, "balance_date": s.balance_date,
            "accounts": s.accounts, "credit_limit": s.credit_limit, "overdraft_rate": s.overdraft_rate,
            "minimum_buffer": s.minimum_buffer, "risk_profile": s.risk_profile}
    assert settings["sales"]["seasonality"] == inputs.sales.seasonality
    assert settings["sales"]["amount"] == inputs.sales.amount and settings["company"]["name"] == "Sample"
    from xlcapital.workbook.model import collections_from_workbook

    assert collections_from_workbook(setting) == inputs.collections
    # the cost drivers and the collection curve (the sample gives gross margin, stock and supplier days, a part 2)
    assert {k: settings["sales"][k] for k in ("gross_margin", "stock_days", "supplier_days", "collection_days_2",
                                              "collection_share_2", "collection_share_3")} == \
        {"gross_margin": D("0.35"), "stock_days": 45, "supplier_days": 45, "collection_days_2": 75,
         "collection_share_2": D("0.20"), "collection_share_3": D(0)}
    assert inputs.collections.share[3] == D("0.5")  # the sample's [collections]

    receivables = rows_from_workbook(sc.RECEIVABLES, table("Receivables"))
    assert [(r["invoice"], r["amount"], r["due_date"], r["paid_date"], r["expected_date"]) for r in receivables] == \
        [(r.invoice, r.amount, r.due_date, r.paid_date, r.expected_date) for r in inputs.receivables]
    recurring = rows_from_workbook(sc.RECURRING, table("Recurring"))
    assert [(r["name"], r["amount"], r["frequency"], r["day"], r["fixed"], r["revenue_linked"]) for r in recurring] == \
        [(r.name, r.amount, r.frequency, r.day, r.fixed, r.revenue_linked) for r in inputs.recurring]


def test_a_bad_cell_in_the_workbook_names_the_table_row_and_column():
    from xlcapital.workbook.model import rows_from_workbook

    with pytest.raises(InputError) as exc:
        rows_from_workbook(sc.PAYABLES, [{"Supplier": "A", "DueDate": 46118, "Amount": 5},
                                         {"Supplier": "B", "DueDate": 46118, "Amount": "five"}])
    assert str(exc.value) == "cell Payables[Amount] row 2: not an amount: 'five'"
    with pytest.raises(InputError, match=r"cell Payables\[DueDate\] row 1: a value is required"):
        rows_from_workbook(sc.PAYABLES, [{"Supplier": "A", "Amount": 5}])


def test_trigger_actions_from_forecast_toml_in_the_json(tmp_path, capsys):
    import json

    from xlcapital.cli import main
    from xlcapital.forecast import RULES

    (tmp_path / "forecast.toml").write_text(TOML + '\n[triggers.credit_limit]\naction = "Bel de Rabobank (Jan)"\n',
                                            encoding="utf-8")
    assert load(tmp_path).triggers["credit_limit"].action == "Bel de Rabobank (Jan)"
    assert main(["forecast", str(tmp_path), "--json"]) == 0
    actions = {t["rule"]: t["action"] for t in json.loads(capsys.readouterr().out)["triggers"]}
    assert actions["credit_limit"] == "Bel de Rabobank (Jan)"
    assert actions["dso_trend"] == RULES["dso_trend"].action != ""
