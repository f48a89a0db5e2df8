"""Monthly use: carry last month's workbook over into the next one (``xlcapital generate --previous``).

:func:`read_workbook` reads a generated workbook back (openpyxl) into forecast
:class:`~xlcapital.forecast.Inputs` - its settings and every input table, as the user left them
in Excel - and its Bank table into statements. :func:`carry_over` makes the next month's inputs
from them:

- settings and tables come from the previous workbook (the user's edits win over the folder's
  files); the start is the new one (``--month``, else the folder's);
- the bank transactions of the previous workbook and of the folder's exports are merged (by the
  dedupe key), and become the actuals;
- the bank balance and its day carry over (a balance without a day is the previous start's
  opening, dated the day before it), and the opening balance of the new start is that balance
  rolled forward by the bank transactions booked in between (what really happened);
- the weeks of the previous forecast that are now past get a Variance sheet: per week and
  category the previous forecast (the engine's, for the scenario the previous workbook showed)
  against the actual bank flows of that category (SUMIFS over the Bank table, so importing more
  bank data updates it).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal
from pathlib import Path
from typing import Any

from xlcapital import forecast as fc
from xlcapital.bank.model import Statement, Transaction
from xlcapital.errors import InputError
from xlcapital.workbook import messages as say
from xlcapital.money import to_decimal
from xlcapital.forecast import schema
from xlcapital.forecast.payroll import Employee, PayrollSettings
from xlcapital.workbook.model import (COUNTED, collections_from_workbook, exact_expr, rows_from_workbook,
                                      settings_from_workbook)
from xlcapital.workbook.headers import english_of, names_of
from xlcapital.workbook.labels import in_language
from xlcapital.workbook.scenarios import PLAIN
from xlcapital.workbook.tables import Column, TableSheet
from xlcapital.workbook import vat as vatbook

ZERO = Decimal(0)


# --------------------------------------------------------------------------------------------
# reading a generated workbook back
# --------------------------------------------------------------------------------------------

def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)):
        from xlcapital.workbook.tables import from_excel_date

        return from_excel_date(value)
    return dt.date.fromisoformat(str(value)[:10])


def _money(value: Any, default: Decimal | None = ZERO) -> Decimal | None:
    if value is None or value == "":
        return default
    return to_decimal(value)


def _int(value: Any, default: int | None = 0) -> int | None:
    if value is None or value == "":
        return default
    return int(round(float(value)))


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _yes(value: Any) -> bool:
    return _text(value).strip().casefold() in ("yes", "ja", "y", "true", "1")


#: an .xlsx/.xlsm larger than this when unpacked is refused (bounded memory on any file)
MAX_UNPACKED = 512 * 1024 * 1024


def open_workbook(path: Path):
    """openpyxl's workbook of ``path`` (formulas as text); anything that is not a readable workbook
    (not a zip, empty, truncated, damaged XML, too large) is one :class:`InputError`. openpyxl parses
    XML through defusedxml when it is installed (it is a dependency of xlcapital)."""
    import zipfile

    import openpyxl

    hint = say.GIVE_LAST_MONTHS()
    try:
        with zipfile.ZipFile(path) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_UNPACKED:
                raise InputError(say.PREVIOUS_TOO_LARGE(), file=str(path),
                                 hint=hint)
            bad = z.testzip()
            if bad is not None:
                raise InputError(say.PREVIOUS_BAD_CHECKSUM(member=bad), file=str(path),
                                 hint=hint)
        return openpyxl.load_workbook(path, data_only=False, keep_vba=False)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(say.PREVIOUS_MISSING(), file=str(path), hint=hint) from None
    except IsADirectoryError:
        raise InputError(say.PREVIOUS_IS_A_FOLDER(), file=str(path), hint=hint) from None
    except PermissionError:
        raise InputError(say.PREVIOUS_NO_PERMISSION(), file=str(path)) from None
    except zipfile.BadZipFile:
        what = say.PREVIOUS_EMPTY() if path.is_file() and path.stat().st_size == 0 else say.PREVIOUS_NOT_EXCEL()
        raise InputError(what, file=str(path), hint=hint) from None
    except Exception as exc:  # damaged XML inside a valid zip: defusedxml, expat and openpyxl raise many types
        raise InputError(say.PREVIOUS_DAMAGED(why=f"{type(exc).__name__}: {str(exc)[:120]}"),
                         file=str(path), hint=hint) from None


@lru_cache(maxsize=1)
def read_back_names() -> dict[str, dict[str, str]]:
    """Table -> Dutch header -> English name of every table last month's workbook is read back from
    (the tables the generator writes, with the VAT tables and the Variance sheet)."""
    import datetime as dt

    from xlcapital.forecast import Inputs, Settings
    from xlcapital.forecast.vat import VatSettings
    from xlcapital.workbook import bank
    from xlcapital.workbook.inputsheets import input_tables
    from xlcapital.workbook.tables import TableSheet

    every = Inputs(Settings(start=dt.date(2026, 1, 5)), vat=VatSettings(filing="quarterly"))
    tables = [TableSheet(bank.SHEET, bank.TABLE, bank.COLUMNS), TableSheet("Variance", "Variance", variance_columns()), *input_tables(every, "nl")]
    return english_of(names_of(tables))


class WorkbookReader:
    """The values a generated workbook holds: settings by key, tables as lists of dicts."""

    def __init__(self, path: str | os.PathLike) -> None:
        from xlcapital.workbook.roll import read_fingerprint

        self.path = Path(path)
        self.wb = open_workbook(self.path)
        try:
            self.tables = {name: (ws, ws.tables[name]) for ws in self.wb.worksheets for name in ws.tables}
        except Exception as exc:  # a damaged table definition: openpyxl's own exception types vary
            raise InputError(say.PREVIOUS_DAMAGED_TABLE(why=str(exc)), file=str(self.path)) from None
        if "Bank" not in self.tables or "Settings_Start" not in self.wb.defined_names:
            raise InputError(say.NOT_OURS(), file=str(self.path), hint=say.GIVE_OURS())
        self.fingerprint = read_fingerprint(self.wb)

    def identity(self) -> dict[str, str]:
        """The company the workbook is of: its fingerprint's identity, else its Settings."""
        if self.fingerprint is not None and self.fingerprint.identity:
            return self.fingerprint.identity
        return {"company": _text(self.setting("Company")), "accounts": _text(self.setting("Accounts"))}

    def setting(self, key: str) -> Any:
        name = self.wb.defined_names.get(f"Settings_{key}")
        if name is None:
            return None
        (sheet, coord), = name.destinations
        return self.wb[sheet][coord.replace("$", "")].value

    def table(self, name: str) -> list[dict[str, Any]]:
        """The rows of table ``name`` (empty rows left out), keyed by the English column names whatever the
        workbook's language (a Dutch workbook's headers mapped back, :func:`read_back_names`);
        missing table: no rows."""
        if name not in self.tables:
            return []
        ws, table = self.tables[name]
        rows = list(ws[table.ref])
        english = read_back_names().get(name, {})
        header = [english.get(c.value, c.value) for c in rows[0]]
        out = []
        for row in rows[1:]:
            values = {h: c.value for h, c in zip(header, row)}
            inputs = {h: v for h, v in values.items() if not (isinstance(v, str) and v.startswith("="))}
            if any(v not in (None, "") for v in inputs.values()):
                out.append(inputs)
        return out


def read_workbook(path) -> tuple[fc.Inputs, list[Statement], str]:
    """The inputs, the bank statements and the selected scenario of a generated workbook
    (``path``, or a :class:`WorkbookReader` of it)."""
    r = path if isinstance(path, WorkbookReader) else WorkbookReader(path)
    s = r.setting
    # every field of the Settings sheet through the schema (an older workbook without BankBalance:
    # its opening balance); an empty cell is the field's default, None the dataclass's
    get = (lambda h: s("OpeningBalance" if h == "BankBalance" else h)) \
        if "Settings_BankBalance" not in r.wb.defined_names else s
    try:
        parts = settings_from_workbook(get)
    except InputError as exc:  # a value the user typed on Settings that the field does not take: name the file
        raise exc.with_location(file=r.path) from None

    def given(part: str) -> dict[str, Any]:
        return {k: v for k, v in parts[part].items() if v is not None}

    if parts["forecast"]["start"] is None:
        raise InputError(say.PREVIOUS_NO_START(), file=str(r.path), cell="Settings_Start")
    settings = fc.Settings(**given("forecast"))
    sales = fc.SalesPlan(**given("sales"))
    one_offs: dict[str, list] = {}
    for o in r.table("OneOffs"):
        one_offs.setdefault(_text(o["Scenario"]).casefold(), []).append(
            fc.OneOff(_date(o["Date"]), _money(o["Amount"]), _text(o["Category"]) or "One-off", _text(o["Description"])))
    scenarios = [fc.Scenario(_text(x["Scenario"]), _money(x["RevenueChange"]), _int(x["CollectionDelayDays"]),
                             _int(x["PaymentDelayDays"]), _money(x["InterestRateChange"]),
                             tuple(one_offs.get(_text(x["Scenario"]).casefold(), ())))
                 for x in r.table("ScenarioInputs")]
    history = r.table("History")
    triggers = {}
    profile = settings.risk_profile.capitalize()
    for t in r.table("TriggerRules"):
        owner, action = _text(t.get("Owner")) or None, _text(t.get("Action")) or None
        rule = fc.RULES.get(_text(t["Rule"]))
        if rule is not None:  # a Dutch workbook shows the rule's default owner and action in Dutch: the defaults
            owner = rule.owner if owner == rule.owner_nl else owner
            action = rule.action if action == rule.action_nl else action
        triggers[_text(t["Rule"])] = fc.TriggerConfig(_money(t.get(f"Warning{profile}"), None),
                                                      _money(t.get(f"Alert{profile}"), None),
                                                      owner, _text(t.get("Enabled")) != "no", action)
    financials = None
    if parts["financials"]["revenue"] is not None:
        financials = fc.Financials(**parts["financials"], receivables_opening=ZERO, receivables_closing=ZERO)
    inputs = fc.Inputs(
        settings, sales=sales,
        receivables=[fc.Receivable(_text(x["Customer"]), _text(x["Invoice"]), _date(x["InvoiceDate"]),
                                   _date(x["DueDate"]), _money(x["Amount"]), _date(x["PaidDate"]),
                                   expected_date=_date(x.get("ExpectedOn")))
                     for x in r.table("Receivables")],
        payables=[fc.Payable(_text(x["Supplier"]), _date(x["DueDate"]), _money(x["Amount"]), _text(x["Invoice"]))
                  for x in r.table("Payables")],
        customers=[fc.Customer(_text(x["Customer"]), _int(x["PaymentDelayDays"]), _text(x["Source"]) or "given")
                   for x in r.table("Customers")],
        # through the schema (forecast/schema.py): every column of the table, Activity included
        recurring=[fc.Recurring(**row) for row in rows_from_workbook(schema.RECURRING, r.table("Recurring"))],
        expected_sales=[fc.ExpectedSale(_date(x["Date"]), _money(x["Amount"]), _text(x["Description"]))
                        for x in r.table("Sales")],
        categories=[fc.Category(_text(x["Category"]), _text(x["Match"]).casefold(), _text(x["Pattern"]))
                    for x in r.table("Categories")],
        projections=[fc.Projection(_text(x["Category"]), _money(x["WeeklyAmount"]), _yes(x["RevenueLinked"]),
                                   _text(x["Source"]) or "given") for x in r.table("Projections")],
        scenarios=scenarios, triggers=triggers,
        history=fc.History(tuple(_text(h["Month"]) for h in history), tuple(_money(h["Revenue"]) for h in history),
                           tuple(_money(h["DSO"]) for h in history)),
        financials=financials, folder=r.path.parent, collections=collections_from_workbook(s),
        # payroll (docs section 14): the table and its Settings through the schema
        payroll=[Employee(**row) for row in rows_from_workbook(schema.PAYROLL, r.table("Payroll"))],
        payroll_settings=PayrollSettings(**given("payroll")),
        vat=vatbook.read(s, r.table(vatbook.RATES_TABLE)),
    )
    inputs.bank = bank_statements(r.table("Bank"))
    return inputs, inputs.bank, _text(s("Scenario"))


def bank_statements(rows: list[dict[str, Any]]) -> list[Statement]:
    """The Bank table's rows as one statement per account (keys kept as they are)."""
    by_account: dict[str, Statement] = {}
    for x in rows:
        account = _text(x["Account"])
        st = by_account.setdefault(account, Statement(account, _text(x["Currency"]) or None))
        st.transactions.append(Transaction(
            _date(x["Date"]), _money(x["Amount"]), value_date=_date(x["ValueDate"]),
            currency=_text(x["Currency"]) or None, counterparty=_text(x["Counterparty"]),
            counterparty_iban=_text(x["CounterpartyIBAN"]), description=_text(x["Description"]),
            reference=_text(x["Reference"]), key=_text(x["Key"])))
    return list(by_account.values())


# --------------------------------------------------------------------------------------------
# the next month
# --------------------------------------------------------------------------------------------

@dataclass
class Carried:
    """What the Variance sheet shows: the previous forecast of the weeks now past."""

    previous: Path
    scenario: str
    #: (week number, Monday) of the previous forecast's weeks that ended before the new start
    weeks: list[tuple[int, dt.date]] = field(default_factory=list)
    #: week number -> its last day (week 1 starts on the first day counted, so it may be longer than 7 days)
    ends: dict[int, dt.date] = field(default_factory=dict)
    #: (week number, category) -> forecast net amount (receipts + payments)
    forecast: dict[tuple[int, str], Decimal] = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)
    #: what the roll carried, added and overruled (xlcapital.workbook.roll.Report)
    report: object | None = None


def carry_over(previous: str | os.PathLike, inputs: fc.Inputs, statements: list[Statement], *,
               company: str | None = None, force: bool = False):
    """(next inputs, merged statements, :class:`Carried`): the folder's fresh ``inputs`` and
    ``statements`` with the user's edits of the previous workbook (:mod:`xlcapital.workbook.roll`);
    the previous workbook of another company is refused unless ``force``."""
    from xlcapital.workbook.inputsheets import company_of
    from xlcapital.workbook.roll import check_identity, identity_of, roll

    reader = WorkbookReader(previous)
    company = company_of(inputs, company or "")
    check_identity(reader.path, reader.identity(), identity_of(inputs, company), force)
    prev, prev_statements, selected = read_workbook(reader)
    start = inputs.settings.start
    nxt, merged, report = roll(previous, reader, reader.fingerprint, prev, prev_statements, inputs, statements,
                               company=company)
    scenario = selected if any(s.name.casefold() == selected.strip().casefold() for s in prev.scenarios) else None
    run = fc.forecast(prev, scenario)
    carried = Carried(Path(previous), scenario or PLAIN, report=report)
    rules = sorted({c.name for c in prev.categories})
    cats = list(dict.fromkeys([*run.receipt_categories, *run.payment_categories, *rules]))
    carried.categories = cats
    for w in run.weeks:
        if w.week_end < start:
            carried.weeks.append((w.week, w.week_start))
            carried.ends[w.week] = w.week_end
            for c in cats:
                carried.forecast[(w.week, c)] = w.receipts.get(c, ZERO) + w.payments.get(c, ZERO)
    return nxt, merged, carried


#: the Variance row of every category together (its Dutch in labels.NL: the Dutch workbook writes and compares that)
TOTAL = "(all categories)"
_WEEK = 'Bank[Date],">="&[@WeekStart],Bank[Date],"<="&[@WeekEnd]'


def variance_columns(total: str = TOTAL) -> tuple[Column, ...]:
    """The Variance table's columns; ``total``: the Category of the row of all categories together."""
    return (
        Column("Week", "integer", comment="Week number in the previous workbook's forecast."),
        Column("WeekStart", "date", name_nl="Weekbegin"),
        Column("WeekEnd", "date", name_nl="Weekeinde"),
        Column("Category", width=26, comment="A forecast row or a bank category; (all categories) is the net flow.",
               name_nl="Categorie"),
        Column("Forecast", "money",
               comment="What the previous workbook forecast for this week (net: receipts + payments).",
               name_nl="Prognose"),
        Column("Actual", "money", formula=f'=IF([@Category]="{total}",SUMIFS(Bank[Amount],{COUNTED},{_WEEK}),'
                                          f'SUMIFS(Bank[Amount],{COUNTED},{_WEEK},Bank[Category],'
                                          f'{exact_expr("[@Category]")}))',
               comment="The bank transactions of this week and category (Bank table, accounts of the forecast).",
               name_nl="Werkelijk"),
        Column("Variance", "money", formula="=[@Actual]-[@Forecast]", comment="Actual minus forecast.",
               name_nl="Verschil"),
    )


def variance_sheet(carried: Carried, lang: str = "en") -> TableSheet:
    """The Variance sheet of the weeks ``carried`` holds, its words in ``lang``."""
    total = in_language(TOTAL, lang)
    rows = []
    for week, monday in carried.weeks:
        end = carried.ends.get(week, monday + dt.timedelta(days=6))
        rows.append((week, monday, end, total, sum((carried.forecast[(week, c)] for c in carried.categories), ZERO)))
        for c in carried.categories:
            rows.append((week, monday, end, c, carried.forecast[(week, c)]))
    scenario = in_language(carried.scenario, lang)
    return TableSheet("Variance", "Variance", variance_columns(total), rows, title="Forecast against actual",
                      note=f"The weeks of {carried.previous.name} that are now past (scenario {scenario}): "
                           "its forecast per category against the bank transactions of that category.",
                      editable=False)
