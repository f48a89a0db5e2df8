"""Generate the 13-week cash-flow forecast workbook from explicit forecast inputs.

>>> from datetime import date
>>> from decimal import Decimal
>>> import tempfile, pathlib
>>> from xlcapital.forecast import Inputs, Settings
>>> inputs = Inputs(Settings(start=date(2026, 4, 6), opening_balance=Decimal(1000)))
>>> cells = generate(inputs, pathlib.Path(tempfile.mkdtemp()) / "f.xlsx")
>>> ref = cells["forecast.closing"]       # the closing cash of the 13 weeks
>>> ref.sheet, len(ref), cells.defined["Forecast_ClosingCash"]
('Forecast', 13, 'forecast.closing')

The workbook is written by the sheet writers of this package in dependency order into sheets
reserved in tab order. It returns the :class:`~xlcapital.workbook.cellmap.CellMap`: where every
value is, by name, for the tests and for other tools.

The VBA hook
------------
``vba`` is any object with ``project_bytes(code_names: dict[str, str], lang: str) -> bytes`` (the
vbaProject.bin for a workbook whose sheets have these code names: sheet name -> code name, plus
``"ThisWorkbook"``; ``lang`` the workbook's language, whose column names the macros use) and optionally ``decorate(book)`` (called after every sheet is written, to add
buttons with ``book.sheets["Bank"].insert_button(...)``). With a hook the workbook and every
sheet get code names and the project is embedded; the file should then be named ``.xlsm``.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable, Protocol

import xlsxwriter

from xlcapital import __version__
from xlcapital.bank.model import Statement
from xlcapital.errors import OutputError
from xlcapital.forecast import RULES, STRESS_TESTS, Inputs, categories
from xlcapital.workbook import cached, labels, printing, roll
from xlcapital.workbook import payroll
from xlcapital.workbook import vat as vatbook
from xlcapital.workbook.lookahead import SHEET as LOOKAHEAD, LookAheadSheet
from xlcapital.workbook import model as m
from xlcapital.workbook import messages as say
from xlcapital.workbook.bank import BankSheet, table_sheet as bank_table
from xlcapital.workbook.book import Book, code_name
from xlcapital.workbook.cellmap import CellMap
from xlcapital.workbook.dashboard import DashboardSheet
from xlcapital.workbook.inputsheets import company_of, input_tables, settings_values
from xlcapital.workbook.forecast import ForecastSheet
from xlcapital.workbook.months import MonthsSheet
from xlcapital.workbook.scenarios import PLAIN, Run, ScenariosSheet
from xlcapital.workbook.settings import SettingsSheet, defined
from xlcapital.workbook.styles import TAB_HELPER, TAB_INPUT, TAB_OUTPUT
from xlcapital.workbook.start import StartSheet
from xlcapital.workbook.xlwingsconf import XlwingsConfSheet

#: tab colours: what the workbook shows (dark blue), what is calculated or technical (grey);
#: every other sheet is typed into by the user (orange)
OUTPUT_SHEETS = ("Start", "Dashboard", "Forecast", "Months", "Scenarios", "Variance", vatbook.SHEET, LOOKAHEAD)
HELPER_SHEETS = ("SalesPlan", "PayrollMonths", "xlwings.conf")

#: tab order: what the workbook shows, then the settings and the tables the user types into
SHEETS = ("Start", "Dashboard", "Forecast", "Months", "Scenarios", "LookAhead", "Settings", "Bank", "Receivables",
          "Payables", "Customers", "Recurring", "Payroll", "Sales", "Categories", "Projections", "ScenarioInputs",
          "OneOffs", "History", "TriggerRules", "SalesPlan", "PayrollMonths", "xlwings.conf")


class VbaHook(Protocol):
    def project_bytes(self, code_names: dict[str, str], lang: str = "en") -> bytes: ...


@dataclass
class Generator:
    """Everything one workbook needs besides the inputs; :meth:`write` writes it."""

    lang: str = "en"
    company: str = ""
    vba: VbaHook | None = None
    #: last month's workbook carried over (xlcapital.workbook.previous.Carried): adds the Variance sheet
    previous: object | None = None

    def write(self, inputs: Inputs, path: str | os.PathLike, statements: Iterable[Statement] | None = None) -> CellMap:
        """Write the workbook of ``inputs`` to ``path``; the Bank table holds ``statements``
        (default: ``inputs.bank``, the transactions the engine's actuals are computed from)."""
        statements = list(inputs.bank if statements is None else statements)
        workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                                   "strings_to_urls": False, "nan_inf_to_errors": True})
        company = company_of(inputs, self.company)
        identity = roll.identity_of(inputs, company)
        # fixed document properties: the same inputs give the same file, byte for byte
        workbook.set_properties({"title": f"13-week cash-flow forecast: {company}".rstrip(": "), "company": company,
                                 "subject": f"accounts {identity['accounts']}" if identity["accounts"] else "",
                                 "comments": f"Generated by xlcapital {__version__}",
                                 "created": datetime.combine(inputs.settings.start, datetime.min.time())})
        book = Book(workbook, vba=self.vba is not None, company=company, lang=self.lang, indent_headers=True)
        sheets = list(SHEETS)
        if self.previous is not None:
            sheets.insert(sheets.index("Scenarios") + 1, "Variance")
        if inputs.vat.on:  # the VAT returns after the scenarios, the rates after the one-offs
            sheets.insert(sheets.index("Scenarios") + 1, vatbook.SHEET)
            sheets.insert(sheets.index("OneOffs") + 1, vatbook.RATES_SHEET)
        book.reserve(sheets)
        s = inputs.settings
        n = s.weeks
        default = inputs.default_scenario
        selected = default.name if default in inputs.scenarios else PLAIN
        receipts, payments = categories(inputs)
        runs = [Run(f"s{i}", sc.name, position=i) for i, sc in enumerate(inputs.scenarios, start=1)]
        if not runs:
            runs = [Run("plain", PLAIN)]
        stress = [Run(f"t{i}", t.name, stress=t) for i, t in enumerate(STRESS_TESTS, start=1)]
        vat_sheet = vatbook.VatSheet(n, [vatbook.VatRun("forecast", "Forecast (the scenario chosen on Settings)"),
                                         *(vatbook.VatRun(r.key, r.label) for r in runs + stress)]) \
            if inputs.vat.on else None
        lines = m.flow_lines(receipts, payments, labels=lambda c: labels.OTHER_ROW if c == m.OTHER else c,
                             extra=vat_sheet.term if vat_sheet else None)

        # every table first: the Dutch workbook's formulas, from the first on, name their columns in Dutch
        tables = input_tables(inputs, self.lang)
        variance = None
        if self.previous is not None:
            from xlcapital.workbook.previous import variance_sheet

            variance = variance_sheet(self.previous, self.lang)
        book.name_columns([bank_table(), *([variance] if variance else []), *tables])
        StartSheet(self.lang, {
            "company": company, "first_week": s.start.isoformat(), "weeks": n,
            "last_week": (s.start + timedelta(days=7 * n - 1)).isoformat(),
            "version": __version__, "has_macros": self.vba is not None, "has_variance": self.previous is not None,
        }).write(book)
        settings = settings_values(inputs, company, labels.in_language(selected, self.lang))
        SettingsSheet(m.SETTINGS + (vatbook.settings() if vat_sheet else ()), settings).write(book)
        if not vat_sheet:  # the sales plan is received as declared
            book.define_name(defined("VatSalesGross"), "=1")
        season = [book.ref(f"settings.{k}") for k in m.SEASON_KEYS]
        book.define_name("Settings_Seasonality", "=" + season[0].a1() + ":" + season[-1].a1(sheet=False))
        book.define_name("ScenarioNames", "=ScenarioInputs[Scenario]")
        BankSheet(statements, inputs.categories, s.accounts).write(book)
        if variance is not None:
            variance.write(book)
        for table in tables:
            table.write(book)
        ForecastSheet(n, lines).write(book)
        MonthsSheet(lines).write(book)
        ScenariosSheet(runs + stress, n, lines).write(book)
        if vat_sheet:
            vatbook.runs_of(book, vat_sheet.runs, {r.key: r.position for r in runs + stress})
            vat_sheet.write(book)
        LookAheadSheet(n, max(1, len(inputs.payables)), max(1, len(inputs.recurring)), payroll.month_rows(n),
                       vat_sheet).write(book)
        DashboardSheet(n, [r.key for r in runs if r.position], [r.key for r in stress], list(RULES)).write(book)
        XlwingsConfSheet().write(book)
        roll.write_fingerprint(book, tables, settings, identity)
        printing.fit(book)
        labels.apply(book, self.lang)
        for name, sheet in book.sheets.items():
            sheet.set_tab_color(TAB_OUTPUT if name in OUTPUT_SHEETS else TAB_HELPER if name in HELPER_SHEETS
                                else TAB_INPUT)
        book.run_keys = {"scenarios": {r.label: r.key for r in runs}, "stress": {r.label: r.key for r in stress}}
        if self.vba is not None:
            names = {"ThisWorkbook": "ThisWorkbook", **{sheet: code_name(sheet) for sheet in book.sheets}}
            workbook.add_vba_project(io.BytesIO(self.vba.project_bytes(names, lang=self.lang)), is_stream=True)
            decorate = getattr(self.vba, "decorate", None)
            if decorate is not None:
                decorate(book)
        book.cells.runs = book.run_keys
        cached.store(book, inputs, statements, previous=self.previous)
        try:
            workbook.close()
        except (OSError, xlsxwriter.exceptions.XlsxWriterException) as exc:
            raise OutputError(say.CANNOT_WRITE_WORKBOOK(why=exc), file=str(path)) from exc
        return book.cells


def generate(inputs: Inputs, path: str | os.PathLike, *, statements: Iterable[Statement] | None = None, lang: str = "en",
             company: str = "", vba: VbaHook | None = None) -> CellMap:
    """Write the forecast workbook of ``inputs`` to ``path``; returns the cell map."""
    return Generator(lang=lang, company=company, vba=vba).write(inputs, path, statements)


